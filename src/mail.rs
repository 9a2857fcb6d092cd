//! E-mail: messages are written to the outbox table in the same transaction as what they are
//! about, and a background worker delivers them over SMTP, retrying with back-off. A mail
//! server outage delays mail but loses none; without a mail server configured (the demo) the
//! messages stay in the outbox, where the secretariat can read them.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::Notify;

use crate::domain::UiLang;
use crate::i18n::Tr;
use crate::storage::{NewMail, OutboxMessage, Store};

/// Messages sent per pass of the worker.
const BATCH: i64 = 50;
/// The longest wait between two attempts at one message.
const MAX_BACKOFF_SECONDS: i64 = 60 * 60;

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// A mailer for `smtp://[user:password@]host[:port]` (plain SMTP, e.g. a relay on the same
    /// host or network); `from` like `Kapok <no-reply@award.example>`.
    pub fn new(url: &str, from: &str) -> Result<Mailer, String> {
        let parsed = url::Url::parse(url).map_err(|e| format!("invalid SMTP URL: {e}"))?;
        if parsed.scheme() != "smtp" {
            return Err(format!("unsupported SMTP URL scheme {:?}: use smtp://host:port", parsed.scheme()));
        }
        let host = parsed.host_str().ok_or("the SMTP URL has no host")?;
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(parsed.port().unwrap_or(25))
            .timeout(Some(Duration::from_secs(15)));
        if !parsed.username().is_empty() {
            let password = parsed.password().unwrap_or("").to_string();
            builder = builder.credentials(Credentials::new(parsed.username().to_string(), password));
        }
        let from = from.parse::<Mailbox>().map_err(|e| format!("invalid sender address {from:?}: {e}"))?;
        Ok(Mailer { transport: builder.build(), from })
    }

    async fn send(&self, message: &OutboxMessage) -> Result<(), String> {
        let to = message.to.parse::<Mailbox>().map_err(|e| format!("invalid recipient: {e}"))?;
        let email = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(message.body.clone())
            .map_err(|e| e.to_string())?;
        self.transport.send(email).await.map(|_| ()).map_err(|e| e.to_string())
    }
}

/// Sends every message that is due at `now` (Unix seconds); returns how many went out.
pub async fn deliver_due(store: &dyn Store, mailer: &Mailer, now: i64) -> crate::storage::StoreResult<usize> {
    let mut sent = 0;
    for message in store.due_mail(now, BATCH).await? {
        match mailer.send(&message).await {
            Ok(()) => {
                store.mail_sent(message.id, jiff::Timestamp::now().as_second()).await?;
                sent += 1;
            }
            Err(error) => {
                let backoff = (30_i64 << message.attempts.clamp(0, 20)).min(MAX_BACKOFF_SECONDS);
                tracing::warn!(id = message.id, %error, backoff, "e-mail not delivered; will retry");
                store.mail_failed(message.id, &error, jiff::Timestamp::now().as_second() + backoff).await?;
            }
        }
    }
    Ok(sent)
}

/// Runs the outbox worker until the process ends: a pass when woken (after a message is
/// queued) and every few seconds for retries.
pub fn spawn_outbox(store: Arc<dyn Store>, mailer: Mailer, wakeup: Arc<Notify>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match deliver_due(&*store, &mailer, jiff::Timestamp::now().as_second()).await {
                Ok(sent) if sent > 0 => tracing::info!(sent, "e-mail delivered"),
                Ok(_) => {}
                Err(error) => tracing::error!(%error, "the outbox could not be read"),
            }
            let _ = tokio::time::timeout(Duration::from_secs(5), wakeup.notified()).await;
        }
    })
}

/// The e-mails Kapok sends, in the recipient's language.
pub struct Compose {
    pub tr: Tr,
}

impl Compose {
    pub fn new(lang: UiLang) -> Self {
        Compose { tr: Tr::new(lang) }
    }

    fn mail(&self, to: &str, subject: &str, body: String) -> NewMail {
        let footer = self.tr.t("mail-footer");
        NewMail { to: to.to_string(), subject: self.tr.t(subject), body: format!("{body}\n\n-- \n{footer}\n") }
    }

    pub fn verify_address(&self, to: &str, name: &str, link: &str) -> NewMail {
        self.mail(to, "mail-verify-subject", self.tr.t2("mail-verify-body", ("name", name), ("link", link)))
    }

    pub fn already_registered(&self, to: &str, name: &str, link: &str) -> NewMail {
        self.mail(to, "mail-taken-subject", self.tr.t2("mail-taken-body", ("name", name), ("link", link)))
    }

    /// The receipt of a submission: what was received, when, and the digest that identifies it.
    pub fn receipt(&self, receipt: &Receipt<'_>) -> NewMail {
        let words: String = receipt
            .words
            .iter()
            .filter(|(_, words)| *words > 0)
            .map(|(section, words)| {
                format!(
                    "  {}: {}\n",
                    self.tr.t(&format!("section-{section}")),
                    self.tr.t1("app-words", "words", *words)
                )
            })
            .collect();
        let body = self.tr.tn(
            "mail-receipt-body",
            &[
                ("name", receipt.name.into()),
                ("title", receipt.title.into()),
                ("edition", receipt.edition.into()),
                ("when", receipt.when.into()),
                ("digest", receipt.digest.into()),
                ("sections", words.trim_end().into()),
                ("link", receipt.link.into()),
            ],
        );
        self.mail(receipt.to, "mail-receipt-subject", body)
    }

    pub fn feedback(&self, to: &str, name: &str, link: &str) -> NewMail {
        self.mail(to, "mail-feedback-subject", self.tr.t2("mail-feedback-body", ("name", name), ("link", link)))
    }

    pub fn reset_password(&self, to: &str, name: &str, link: &str) -> NewMail {
        self.mail(to, "mail-reset-subject", self.tr.t2("mail-reset-body", ("name", name), ("link", link)))
    }

    /// An invitation to a committee, with a link to choose a password (or to sign in).
    pub fn committee_invitation(&self, to: &str, name: &str, committee: &str, edition: &str, link: &str) -> NewMail {
        let body = self.tr.tn(
            "mail-invite-body",
            &[
                ("name", name.into()),
                ("committee", committee.into()),
                ("edition", edition.into()),
                ("link", link.into()),
            ],
        );
        self.mail(to, "mail-invite-subject", body)
    }
}

/// What a submission receipt says.
pub struct Receipt<'a> {
    pub to: &'a str,
    pub name: &'a str,
    pub title: &'a str,
    pub edition: &'a str,
    /// When it was received, in the edition's time zone.
    pub when: &'a str,
    pub digest: &'a str,
    /// The words of each section in English.
    pub words: Vec<(crate::domain::Section, usize)>,
    pub link: &'a str,
}
