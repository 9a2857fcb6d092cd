//! The public vote ("City of Your Choice"): its settings per edition and the rules a ballot must
//! follow — the window, the ballot's shape, how often an identity may vote. Pure: no I/O; the
//! clock and the time zone come in as arguments.
//!
//! How often an identity may vote is expressed as a *period* and a maximum: every ballot carries
//! the period it was cast in ("window" or a local date in the edition's time zone) and its
//! sequence number within that period, and storage refuses a second ballot with the same
//! (voter, period, sequence), so two concurrent requests can never both count.

pub mod anomalies;
pub mod chart;
pub mod writer;

#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::{EntryId, vocabulary};

vocabulary!(
    /// How many candidates a ballot names.
    BallotShape, "ballot shape" { Exactly = "exactly", UpTo = "up_to" }
);

vocabulary!(
    /// How often one identity may vote.
    Frequency, "vote frequency" { OncePerWindow = "once", OncePerDay = "daily", PerDay = "per_day" }
);

vocabulary!(
    /// How a voter proves who they are.
    Verification, "verification" { Email = "email", Phone = "phone" }
);

/// The public vote of one edition, as the Secretariat sets it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteSettings {
    /// Opening and closing instants (Unix seconds); the forms show them in the edition's zone.
    pub opens_at: i64,
    pub closes_at: i64,
    /// The candidates; empty means the edition's shortlist.
    #[serde(default)]
    pub candidates: Vec<EntryId>,
    pub shape: BallotShape,
    /// N of "choose exactly N" or "up to N".
    pub choices: usize,
    pub frequency: Frequency,
    /// The N of "up to N per day".
    #[serde(default = "one")]
    pub per_day: u32,
    pub verification: Verification,
    /// Whether the running tally is public while the vote is open.
    #[serde(default)]
    pub tallies_visible: bool,
}

fn one() -> u32 {
    1
}

impl VoteSettings {
    pub const MAX_CHOICES: usize = 50;
    pub const MAX_PER_DAY: u32 = 10_000;

    /// Settings that are internally consistent, or what is wrong with them.
    pub fn check(&self) -> Result<(), SettingsError> {
        if self.closes_at <= self.opens_at {
            return Err(SettingsError::WindowEmpty);
        }
        if self.choices == 0 || self.choices > Self::MAX_CHOICES {
            return Err(SettingsError::Choices);
        }
        if self.frequency == Frequency::PerDay && (self.per_day == 0 || self.per_day > Self::MAX_PER_DAY) {
            return Err(SettingsError::PerDay);
        }
        Ok(())
    }

    pub fn phase(&self, now: i64) -> Phase {
        if now < self.opens_at {
            Phase::NotOpen
        } else if now < self.closes_at {
            Phase::Open
        } else {
            Phase::Closed
        }
    }

    /// The most ballots one identity may cast in one period.
    pub fn max_per_period(&self) -> u32 {
        match self.frequency {
            Frequency::OncePerWindow | Frequency::OncePerDay => 1,
            Frequency::PerDay => self.per_day,
        }
    }

    /// The period an instant falls in: the whole window, or the local date in `zone`.
    pub fn period(&self, at: i64, zone: &TimeZone) -> String {
        match self.frequency {
            Frequency::OncePerWindow => "window".into(),
            Frequency::OncePerDay | Frequency::PerDay => {
                Timestamp::from_second(at).unwrap_or(Timestamp::UNIX_EPOCH).to_zoned(zone.clone()).date().to_string()
            }
        }
    }

    /// A ballot's choices, checked against the candidates and the ballot's shape.
    pub fn check_ballot(&self, candidates: &[EntryId], choices: &[EntryId]) -> Result<Vec<EntryId>, BallotError> {
        let mut unique = BTreeSet::new();
        for choice in choices {
            if !candidates.contains(choice) {
                return Err(BallotError::NotACandidate);
            }
            if !unique.insert(*choice) {
                return Err(BallotError::Repeated);
            }
        }
        // A shape that asks for more than there are candidates asks for all of them.
        let wanted = self.choices.min(candidates.len());
        match self.shape {
            BallotShape::Exactly if unique.len() != wanted => Err(BallotError::WrongCount { wanted }),
            BallotShape::UpTo if unique.is_empty() => Err(BallotError::Empty),
            BallotShape::UpTo if unique.len() > wanted => Err(BallotError::TooMany { wanted }),
            _ => Ok(unique.into_iter().collect()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Phase {
    NotOpen,
    Open,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("the vote must close after it opens")]
    WindowEmpty,
    #[error("a ballot names between 1 and 50 candidates")]
    Choices,
    #[error("up to N per day needs N between 1 and 10000")]
    PerDay,
}

impl SettingsError {
    /// The UI message of this error.
    pub fn message_id(self) -> &'static str {
        match self {
            SettingsError::WindowEmpty => "vote-settings-window",
            SettingsError::Choices => "vote-settings-choices",
            SettingsError::PerDay => "vote-settings-per-day",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BallotError {
    #[error("the ballot names someone who is not a candidate")]
    NotACandidate,
    #[error("the ballot names a candidate twice")]
    Repeated,
    #[error("the ballot must name exactly {wanted} candidates")]
    WrongCount { wanted: usize },
    #[error("the ballot names no candidate")]
    Empty,
    #[error("the ballot may name at most {wanted} candidates")]
    TooMany { wanted: usize },
}

/// An identity as voters type it, normalised so that one person is one identity: e-mail
/// addresses lower-cased (the domain is case-insensitive and providers treat the local part so),
/// phone numbers reduced to `+` and digits.
pub fn normalise_identity(verification: Verification, input: &str) -> Result<String, IdentityError> {
    let input = input.trim();
    match verification {
        Verification::Email => {
            let lower = input.to_lowercase();
            let (local, domain) = lower.rsplit_once('@').ok_or(IdentityError::Email)?;
            let domain_ok = domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-');
            if local.is_empty()
                || local.len() > 64
                || !domain_ok
                || lower.len() > 254
                || lower.contains(char::is_whitespace)
            {
                return Err(IdentityError::Email);
            }
            Ok(lower)
        }
        Verification::Phone => {
            let digits: String = input.chars().filter(|c| c.is_ascii_digit()).collect();
            let allowed = input.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
            if !input.starts_with('+') || !allowed || !(8..=15).contains(&digits.len()) {
                return Err(IdentityError::Phone);
            }
            Ok(format!("+{digits}"))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    #[error("not an e-mail address")]
    Email,
    #[error("not a phone number in international form (+ and country code)")]
    Phone,
}

/// Whether an e-mail address belongs to one of the listed (disposable) domains, or a subdomain
/// of one.
pub fn is_disposable(email: &str, domains: &[String]) -> bool {
    let Some((_, domain)) = email.rsplit_once('@') else { return false };
    domains.iter().any(|listed| {
        let listed = listed.trim().to_lowercase();
        !listed.is_empty() && (domain == listed || domain.ends_with(&format!(".{listed}")))
    })
}

/// The network an address belongs to, for rate limits and anomaly reports: /24 for IPv4, /48
/// for IPv6.
pub fn subnet_of(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.0/24")
        }
        std::net::IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2])
        }
    }
}

/// A ballot's receipt: 26 characters of base 32 in groups of four, for reading aloud. The first
/// nine are the millisecond it was made, the other seventeen 85 random bits, each most significant
/// first in an alphabet in ASCII order, so receipts made one after another sort one after another:
/// a group of ballots then adds its receipts at one end of the receipt index instead of touching
/// (and writing to the journal) a page of it per ballot. 85 random bits still cannot be guessed,
/// and the time is no secret: the published list carries receipts' hashes only.
pub fn receipt(at_millis: u64, random: u128) -> String {
    const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let digits = (0..9).rev().map(|i| (at_millis >> (5 * i)) as u128).chain((0..17).rev().map(|i| random >> (5 * i)));
    let mut receipt = String::with_capacity(32);
    for (n, digit) in digits.enumerate() {
        if n > 0 && n % 4 == 0 {
            receipt.push('-');
        }
        receipt.push(ALPHABET[(digit & 31) as usize] as char);
    }
    receipt
}

/// A counted ballot as published after the close: the SHA-256 of its receipt (so a voter can
/// find their own line, and nobody else can tell whose it is) and its choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedBallot {
    pub receipt_hash: String,
    pub choices: Vec<EntryId>,
}

impl PublishedBallot {
    pub fn new(receipt: &str, choices: Vec<EntryId>) -> Self {
        PublishedBallot { receipt_hash: crate::hex(&Sha256::digest(receipt.as_bytes())), choices }
    }

    /// The line of the published list: `receipt_hash,choice;choice`.
    pub fn line(&self) -> String {
        let choices: Vec<String> = self.choices.iter().map(|c| c.0.to_string()).collect();
        format!("{},{}", self.receipt_hash, choices.join(";"))
    }
}

/// The digest over all counted ballots: SHA-256 of the published lines sorted, each ending in a
/// newline — exactly the body of the published list, so anyone can recompute it.
pub fn ballots_digest(ballots: &[PublishedBallot]) -> (String, String) {
    let mut lines: Vec<String> = ballots.iter().map(PublishedBallot::line).collect();
    lines.sort();
    let body: String = lines.into_iter().map(|l| l + "\n").collect();
    (crate::hex(&Sha256::digest(body.as_bytes())), body)
}

/// Votes per candidate from counted ballots, most votes first (ties by candidate order).
pub fn tally(candidates: &[EntryId], ballots: &[Vec<EntryId>]) -> Vec<(EntryId, u64)> {
    let mut counts: Vec<(EntryId, u64)> = candidates.iter().map(|c| (*c, 0)).collect();
    for ballot in ballots {
        for choice in ballot {
            if let Some(count) = counts.iter_mut().find(|(c, _)| c == choice) {
                count.1 += 1;
            }
        }
    }
    counts.sort_by_key(|(_, votes)| std::cmp::Reverse(*votes));
    counts
}
