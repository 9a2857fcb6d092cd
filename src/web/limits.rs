//! Rate limits on public writes (sign-in, registration, password reset), per client address or
//! per e-mail address, kept in memory: a sliding window of recent attempts per key.
//!
//! The client address is the peer's, unless the peer is a configured trusted proxy; then the
//! last address in `X-Forwarded-For` that is not itself a trusted proxy.

use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use super::AppState;

/// How many attempts a key may make per window.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub attempts: usize,
    pub window: Duration,
}

pub const SIGN_IN_PER_ADDRESS: Limit = Limit { attempts: 30, window: Duration::from_secs(5 * 60) };
pub const FAILED_SIGN_IN_PER_EMAIL: Limit = Limit { attempts: 5, window: Duration::from_secs(15 * 60) };
pub const REGISTRATIONS_PER_ADDRESS: Limit = Limit { attempts: 10, window: Duration::from_secs(60 * 60) };
pub const VOTE_CODES_PER_ADDRESS: Limit = Limit { attempts: 10, window: Duration::from_secs(60 * 60) };
pub const VOTE_CODES_PER_SUBNET: Limit = Limit { attempts: 100, window: Duration::from_secs(60 * 60) };
pub const VOTE_CODES_PER_IDENTITY: Limit = Limit { attempts: 3, window: Duration::from_secs(15 * 60) };
pub const VOTE_VERIFICATIONS_PER_ADDRESS: Limit = Limit { attempts: 30, window: Duration::from_secs(15 * 60) };
/// Ballots from one address, by default (a setting); a subnet may send five times as many.
pub const BALLOTS_PER_ADDRESS: Limit = Limit { attempts: 120, window: Duration::from_secs(60) };
pub const MAIL_LINKS_PER_ADDRESS: Limit = Limit { attempts: 10, window: Duration::from_secs(60 * 60) };

/// Keys beyond this many are pruned of old attempts, so memory stays bounded under a flood.
const PRUNE_ABOVE_KEYS: usize = 10_000;

#[derive(Default)]
pub struct RateLimiter {
    windows: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl RateLimiter {
    /// Counts an attempt for `key`; refuses it, with the time until the next one is allowed,
    /// when the key has used up its limit.
    pub fn attempt(&self, key: &str, limit: Limit) -> Result<(), Duration> {
        self.check(key, limit, true)
    }

    /// Whether `key` would be refused, without counting an attempt.
    pub fn is_blocked(&self, key: &str, limit: Limit) -> Option<Duration> {
        self.check(key, limit, false).err()
    }

    fn check(&self, key: &str, limit: Limit, count: bool) -> Result<(), Duration> {
        let now = Instant::now();
        let mut windows = self.windows.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if windows.len() > PRUNE_ABOVE_KEYS {
            windows.retain(|_, attempts| attempts.back().is_some_and(|last| now.duration_since(*last) < limit.window));
        }
        let attempts = windows.entry(key.to_string()).or_default();
        while attempts.front().is_some_and(|first| now.duration_since(*first) >= limit.window) {
            attempts.pop_front();
        }
        if attempts.len() >= limit.attempts {
            let oldest = *attempts.front().expect("a full window has attempts");
            return Err(limit.window.saturating_sub(now.duration_since(oldest)).max(Duration::from_secs(1)));
        }
        if count {
            attempts.push_back(now);
        }
        Ok(())
    }
}

/// The address of the client making the request.
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip())
            .unwrap_or(IpAddr::from([127, 0, 0, 1]));
        let trusted = &state.settings.trusted_proxies;
        if !trusted.contains(&peer) {
            return Ok(ClientIp(peer));
        }
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|hop| hop.trim().parse::<IpAddr>().ok())
            .collect::<Vec<_>>();
        Ok(ClientIp(forwarded.into_iter().rev().find(|hop| !trusted.contains(hop)).unwrap_or(peer)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_refused_after_its_limit_until_the_window_passes() {
        let limiter = RateLimiter::default();
        let limit = Limit { attempts: 3, window: Duration::from_millis(200) };
        for _ in 0..3 {
            assert!(limiter.attempt("a", limit).is_ok());
        }
        let wait = limiter.attempt("a", limit).unwrap_err();
        assert!(wait <= Duration::from_secs(1));
        assert!(limiter.attempt("b", limit).is_ok(), "keys are independent");
        assert!(limiter.is_blocked("a", limit).is_some());
        std::thread::sleep(Duration::from_millis(220));
        assert!(limiter.attempt("a", limit).is_ok());
    }
}
