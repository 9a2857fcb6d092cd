//! Text messages (one-time codes for voters who verify by phone) through a pluggable provider.
//! The built-in provider only logs: it keeps the latest messages in memory, where the
//! Secretariat reads them (`/secretariat/sms`), which is how the demo works without a gateway.
//! A real gateway implements [`SmsSender`].

use std::collections::VecDeque;
use std::sync::Mutex;

use async_trait::async_trait;
use serde::Serialize;

#[async_trait]
pub trait SmsSender: Send + Sync {
    /// Sends a text to a phone number in international form; an error is shown to the voter.
    async fn send(&self, to: &str, text: &str) -> Result<(), String>;
    /// The latest messages, newest first, where the provider keeps them (the logging one does).
    fn recent(&self) -> Vec<SentSms>;
}

#[derive(Debug, Clone, Serialize)]
pub struct SentSms {
    pub to: String,
    pub text: String,
    pub at: i64,
}

/// How many messages the logging provider keeps.
const KEPT: usize = 200;

#[derive(Default)]
pub struct LoggingSms {
    sent: Mutex<VecDeque<SentSms>>,
}

#[async_trait]
impl SmsSender for LoggingSms {
    async fn send(&self, to: &str, text: &str) -> Result<(), String> {
        tracing::info!(to, "text message (logging provider): {text}");
        let mut sent = self.sent.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if sent.len() == KEPT {
            sent.pop_back();
        }
        sent.push_front(SentSms { to: to.to_string(), text: text.to_string(), at: jiff::Timestamp::now().as_second() });
        Ok(())
    }

    fn recent(&self) -> Vec<SentSms> {
        self.sent.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).iter().cloned().collect()
    }
}
