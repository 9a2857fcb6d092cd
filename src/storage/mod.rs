//! Storage: one trait, [`Store`], with one implementation per engine (SQLite, PostgreSQL).
//! The engine is chosen by the database URL. Both implementations share their SQL (see
//! `sql.rs`); they differ in how they connect and how a write transaction begins.

pub mod evaluation;
mod migrations;
mod postgres;
mod rows;
mod sql;
mod sqlite;
pub mod vote;

use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;

use crate::application::attachments::{Attachment, NewAttachment};
use crate::application::{
    Application, ApplicationEvent, ApplicationSummary, Claim, ClaimStatus, DraftApplication, Feedback, FieldChange,
    NewClaim, SaveOutcome, SubmissionSummary, SubmittedApplication, Values,
};
use crate::domain::{ApplicationId, AttachmentId, ClaimId};
use crate::domain::{
    Award, AwardId, City, CityId, CitySummary, Country, Edition, EditionId, EditionSummary, EntryId, EntryStatus,
    Initiative, InitiativeId, InitiativeSummary, Page, Role, User, UserId,
};
use crate::gazetteer::Gazetteer;
use crate::interchange::{AwardRecord, Catalog, InitiativeRecord, NewInitiative};
use crate::search::SearchDocument;

pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("the stored data is invalid: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Unsupported(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Offset and size of a page of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub offset: i64,
    pub limit: i64,
}

impl PageRequest {
    pub const MAX_LIMIT: i64 = 100;

    pub fn new(offset: i64, limit: i64) -> Self {
        PageRequest { offset: offset.max(0), limit: limit.clamp(1, Self::MAX_LIMIT) }
    }
}

/// How the initiative list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InitiativeOrder {
    /// Newest edition first, then by how far the entry went, then by id.
    #[default]
    Newest,
    Oldest,
}

/// Filters of the initiative list. All published entries when empty.
#[derive(Debug, Clone, Default)]
pub struct InitiativeQuery {
    pub award: Option<AwardId>,
    pub edition: Option<EditionId>,
    pub city: Option<CityId>,
    pub country: Option<String>,
    /// Only entries that went at least this far (default: valid, i.e. published).
    pub min_status: Option<EntryStatus>,
    /// Only these initiatives (the hits of a search).
    pub ids: Option<Vec<InitiativeId>>,
    pub order: InitiativeOrder,
}

#[derive(Debug, Clone, Default)]
pub struct CityQuery {
    pub country: Option<String>,
    /// Only governments with at least one published initiative.
    pub with_initiatives: bool,
}

/// Counts for the home page.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct SiteStats {
    pub awards: i64,
    pub editions: i64,
    pub initiatives: i64,
    pub cities: i64,
    pub countries: i64,
}

/// A new account. The password is already hashed (argon2).
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub locale: String,
    pub roles: Vec<Role>,
    /// Whether the address is known to work already (demo and test accounts, invitations).
    pub verified: bool,
}

/// What signing in needs to know about an account.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub user: User,
    pub password_hash: String,
    pub verified: bool,
    /// Until when repeated failures lock the account (Unix seconds).
    pub locked_until: Option<i64>,
}

/// A one-time link to be sent by e-mail; only the token's hash is stored.
#[derive(Debug, Clone)]
pub struct NewEmailToken {
    pub token_hash: String,
    pub purpose: crate::domain::TokenPurpose,
    pub created_at: i64,
    pub expires_at: i64,
}

/// An e-mail to queue in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// An e-mail in the outbox.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OutboxMessage {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub sent_at: Option<i64>,
}

/// The outcome of a registration.
#[derive(Debug, Clone)]
pub enum Registration {
    Created(User),
    /// An account with this address exists already; nothing was written.
    EmailTaken(User),
}

#[derive(Debug, Clone)]
pub struct NewSession {
    pub token_hash: String,
    pub user_id: crate::domain::UserId,
    pub csrf_token: String,
    pub created_at: i64,
    pub expires_at: i64,
}

/// Where a page of the bulk export ended: its last entry, in the export's order (award slug,
/// edition ordinal, entry id). It carries the editions in that order, read once when the export
/// starts, so later pages do not read them again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportCursor {
    /// Edition ids in the export's order.
    editions: std::sync::Arc<[i64]>,
    /// The index in `editions` of the last entry's edition, and that entry.
    edition: usize,
    entry_id: i64,
}

/// A page of the bulk export; `next` is None after the last page.
#[derive(Debug, Clone)]
pub struct ExportPage {
    pub records: Vec<InitiativeRecord>,
    pub next: Option<ExportCursor>,
}

/// Everything Kapok keeps. Reads run on a read pool; every write is one transaction, and a
/// write returns only once it is durable.
#[async_trait]
pub trait Store: vote::VoteStore + evaluation::EvaluationStore + Send + Sync + 'static {
    /// Which engine this is, for logs and `/healthz`: "sqlite" or "postgres".
    fn engine(&self) -> &'static str;

    async fn migrate(&self) -> StoreResult<()>;
    async fn ping(&self) -> StoreResult<()>;
    /// True when no award has been loaded yet (a fresh database).
    async fn is_empty(&self) -> StoreResult<bool>;

    // Reference data and imports.
    async fn has_gazetteer(&self) -> StoreResult<bool>;
    async fn load_gazetteer(&self, gazetteer: &Gazetteer) -> StoreResult<()>;
    async fn upsert_awards(&self, awards: &[AwardRecord]) -> StoreResult<()>;
    async fn catalog(&self) -> StoreResult<Catalog>;
    /// Writes all initiatives and their entries in one transaction: all or nothing. A known
    /// `ref` updates its initiative. `progress` is called with the number written so far.
    async fn import_initiatives(
        &self,
        initiatives: &[NewInitiative],
        progress: &(dyn Fn(u64) + Send + Sync),
    ) -> StoreResult<()>;
    /// Every entry in the interchange format, in a stable order (award slug, edition ordinal,
    /// entry id).
    async fn export_initiatives(&self) -> StoreResult<Vec<InitiativeRecord>>;
    /// Up to `limit` (at most 1,000) published entries (screened valid or further) in the
    /// interchange format, in the order of `export_initiatives`, after `after` (None: from the
    /// start): the library's open data, read page by page. Contacts are as stored; the caller
    /// keeps only consented ones.
    async fn export_published_page(&self, after: Option<&ExportCursor>, limit: usize) -> StoreResult<ExportPage>;
    /// The texts of every initiative the public may see, for the search index.
    async fn search_documents(&self) -> StoreResult<Vec<SearchDocument>>;
    /// The search documents of the published entries of these initiatives (none for one the
    /// public may no longer see): what an update of the index writes.
    async fn search_documents_of(&self, initiatives: &[InitiativeId]) -> StoreResult<Vec<SearchDocument>>;
    /// The initiatives of these entries and of these initiative references (`ref`), sorted,
    /// each once; unknown ones are left out.
    async fn initiatives_of(&self, entries: &[EntryId], references: &[String]) -> StoreResult<Vec<InitiativeId>>;

    // Public reads.
    async fn stats(&self) -> StoreResult<SiteStats>;
    async fn awards(&self) -> StoreResult<Vec<Award>>;
    async fn award(&self, id: AwardId) -> StoreResult<Option<Award>>;
    async fn editions(&self, award: Option<AwardId>, page: PageRequest) -> StoreResult<Page<EditionSummary>>;
    async fn edition(&self, id: EditionId) -> StoreResult<Option<Edition>>;
    async fn initiatives(&self, query: &InitiativeQuery, page: PageRequest) -> StoreResult<Page<InitiativeSummary>>;
    /// Every entry the query selects, as (entry, initiative), in the query's order.
    async fn matching_entries(&self, query: &InitiativeQuery) -> StoreResult<Vec<(EntryId, InitiativeId)>>;
    /// The list items of these entries, in the order given.
    async fn entry_summaries(&self, entries: &[EntryId]) -> StoreResult<Vec<InitiativeSummary>>;
    async fn initiative(&self, id: InitiativeId) -> StoreResult<Option<Initiative>>;
    async fn cities(&self, query: &CityQuery, page: PageRequest) -> StoreResult<Page<CitySummary>>;
    async fn city(&self, id: CityId) -> StoreResult<Option<City>>;
    async fn countries(&self) -> StoreResult<Vec<Country>>;

    // Accounts and sessions.
    async fn create_user(&self, user: &NewUser) -> StoreResult<User>;
    async fn credentials(&self, email: &str) -> StoreResult<Option<Credentials>>;
    /// Counts a failed sign-in; after `lock_after` in a row the account is locked until
    /// `locked_until`. Returns the lock's end when this failure locked it.
    async fn record_failed_login(&self, user: UserId, lock_after: i64, locked_until: i64) -> StoreResult<Option<i64>>;
    async fn clear_failed_logins(&self, user: UserId) -> StoreResult<()>;
    /// Creates an unverified account with its verification link and e-mail, in one transaction.
    async fn register(&self, user: &NewUser, token: &NewEmailToken, mail: &NewMail) -> StoreResult<Registration>;
    /// Stores a one-time link for `user` and queues its e-mail, in one transaction.
    async fn issue_email_token(&self, user: UserId, token: &NewEmailToken, mail: &NewMail) -> StoreResult<()>;
    /// Uses a verification link: marks the address verified. None if unknown, used or expired.
    async fn verify_email(&self, token_hash: &str, now: i64) -> StoreResult<Option<UserId>>;
    /// Uses a reset link: sets the new password, ends every session of the account and lifts a
    /// lock. None if the link is unknown, used or expired.
    async fn reset_password(&self, token_hash: &str, password_hash: &str, now: i64) -> StoreResult<Option<UserId>>;

    // The outbox.
    async fn enqueue_mail(&self, mail: &NewMail) -> StoreResult<()>;
    /// Unsent messages whose next attempt is due, oldest first.
    async fn due_mail(&self, now: i64, limit: i64) -> StoreResult<Vec<OutboxMessage>>;
    async fn mail_sent(&self, id: i64, now: i64) -> StoreResult<()>;
    async fn mail_failed(&self, id: i64, error: &str, next_attempt_at: i64) -> StoreResult<()>;
    /// Every message, newest first.
    async fn outbox(&self, page: PageRequest) -> StoreResult<Page<OutboxMessage>>;
    /// Starts a session; expired sessions are removed on the way.
    async fn create_session(&self, session: &NewSession) -> StoreResult<()>;
    /// The signed-in user and the session's CSRF token, if the session exists and has not expired.
    async fn session(&self, token_hash: &str, now: i64) -> StoreResult<Option<(User, String)>>;
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;

    // Governments claimed by applicants.
    /// Governments whose name (in Latin script, ASCII or Chinese) starts with `text`, largest first.
    async fn search_cities(&self, text: &str, limit: i64) -> StoreResult<Vec<CitySummary>>;
    /// Name and country code of each of these governments that exists.
    async fn city_names(&self, ids: &[CityId]) -> StoreResult<std::collections::HashMap<CityId, (String, String)>>;
    async fn claim_government(&self, user: UserId, claim: &NewClaim, now: i64) -> StoreResult<ClaimId>;
    async fn claims_of(&self, user: UserId) -> StoreResult<Vec<Claim>>;
    async fn claims_with_status(&self, status: ClaimStatus) -> StoreResult<Vec<Claim>>;
    /// Approves or rejects a pending claim; false if it is not pending (decided already).
    async fn decide_claim(
        &self,
        claim: ClaimId,
        approve: bool,
        by: UserId,
        note: Option<&str>,
        now: i64,
    ) -> StoreResult<bool>;

    // Applications.
    async fn create_application(&self, edition: EditionId, owner: UserId, now: i64) -> StoreResult<ApplicationId>;
    async fn applications_of(&self, owner: UserId) -> StoreResult<Vec<ApplicationSummary>>;
    async fn application(&self, id: ApplicationId) -> StoreResult<Option<Application>>;
    /// Saves fields of a draft in one transaction, each only if nobody saved it since the
    /// writer's version; a field whose value is already the one written counts as saved.
    async fn save_fields(&self, id: ApplicationId, changes: &[FieldChange], now: i64) -> StoreResult<Vec<SaveOutcome>>;
    /// Keeps the submitted version, writes the initiative and its entry, logs it and queues the
    /// receipt, in one transaction; the version's number (1 for the first submission).
    #[allow(clippy::too_many_arguments)]
    async fn submit_application(
        &self,
        id: ApplicationId,
        by: UserId,
        content: &Values,
        digest: &str,
        initiative: &NewInitiative,
        receipt: &NewMail,
        now: i64,
    ) -> StoreResult<i64>;
    async fn withdraw_application(&self, id: ApplicationId, by: UserId, now: i64) -> StoreResult<()>;
    async fn submissions(&self, id: ApplicationId) -> StoreResult<Vec<SubmissionSummary>>;
    async fn submission(&self, id: ApplicationId, number: i64) -> StoreResult<Option<(SubmissionSummary, Values)>>;
    /// Lets one application be submitted until `until` (logged with the reason).
    async fn extend_deadline(
        &self,
        id: ApplicationId,
        until: i64,
        by: UserId,
        reason: &str,
        now: i64,
    ) -> StoreResult<()>;
    /// Records early-bird feedback and queues the e-mail telling the applicant.
    async fn add_feedback(
        &self,
        id: ApplicationId,
        by: UserId,
        body: &str,
        mail: &NewMail,
        now: i64,
    ) -> StoreResult<()>;
    async fn feedback(&self, id: ApplicationId) -> StoreResult<Vec<Feedback>>;
    async fn application_events(&self, id: ApplicationId) -> StoreResult<Vec<ApplicationEvent>>;
    /// Every application of an edition that was submitted at least once, with its latest
    /// submitted version; and the drafts never submitted (whose content nobody else reads).
    async fn submitted_applications(
        &self,
        edition: EditionId,
    ) -> StoreResult<(Vec<SubmittedApplication>, Vec<DraftApplication>)>;

    /// Records an attachment (logged), unless the application's files not removed would then
    /// pass `max_total_bytes`: checked inside the write, so two uploads at once cannot both
    /// slip under the limit. None when refused.
    async fn add_attachment(
        &self,
        id: ApplicationId,
        attachment: &NewAttachment,
        max_total_bytes: i64,
        by: UserId,
        now: i64,
    ) -> StoreResult<Option<AttachmentId>>;
    /// The attachments of an application not removed, oldest first.
    async fn attachments(&self, id: ApplicationId) -> StoreResult<Vec<Attachment>>;
    /// One attachment, removed or not.
    async fn attachment(&self, id: AttachmentId) -> StoreResult<Option<Attachment>>;
    /// Removes an attachment (logged): marked removed when a submitted version lists it
    /// (`keep`), deleted otherwise.
    async fn remove_attachment(&self, id: AttachmentId, keep: bool, by: UserId, now: i64) -> StoreResult<()>;

    /// A consistent copy of the whole database into `path` while it keeps serving.
    async fn backup(&self, path: &Path) -> StoreResult<()>;
}

/// Opens the store named by a URL: `sqlite://path/to/kapok.db` or `postgres://…`.
pub async fn connect(url: &str) -> StoreResult<Arc<dyn Store>> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::open(url).await?))
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Arc::new(PostgresStore::connect(url).await?))
    } else {
        Err(StoreError::Invalid(format!(
            "unsupported database URL {:?}: use sqlite://PATH or postgres://USER@HOST/DB",
            redact(url)
        )))
    }
}

/// A URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}://{user}:***{}", &url[..scheme_end], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_passwords_from_urls() {
        assert_eq!(super::redact("postgres://kapok:s3cret@db:5432/kapok"), "postgres://kapok:***@db:5432/kapok");
        assert_eq!(super::redact("postgres://kapok@db/kapok"), "postgres://kapok@db/kapok");
        assert_eq!(super::redact("sqlite://data/kapok.db"), "sqlite://data/kapok.db");
    }
}
