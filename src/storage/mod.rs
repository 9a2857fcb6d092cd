//! Storage: one trait, [`Store`], with one implementation per engine (SQLite, PostgreSQL).
//! The engine is chosen by the database URL. Both implementations share their SQL (see
//! `sql.rs`); they differ in how they connect and how a write transaction begins.

mod postgres;
mod rows;
mod sql;
mod sqlite;

use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;

use crate::domain::{
    Award, AwardId, City, CityId, CitySummary, Country, Edition, EditionId, EditionSummary, EntryId, EntryStatus,
    Initiative, InitiativeId, InitiativeSummary, Page, Role, User,
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
}

#[derive(Debug, Clone)]
pub struct NewSession {
    pub token_hash: String,
    pub user_id: crate::domain::UserId,
    pub csrf_token: String,
    pub created_at: i64,
    pub expires_at: i64,
}

/// Everything Kapok keeps. Reads run on a read pool; every write is one transaction, and a
/// write returns only once it is durable.
#[async_trait]
pub trait Store: Send + Sync + 'static {
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
    /// Every entry in the interchange format, in a stable order.
    async fn export_initiatives(&self) -> StoreResult<Vec<InitiativeRecord>>;
    /// The texts of every initiative the public may see, for the search index.
    async fn search_documents(&self) -> StoreResult<Vec<SearchDocument>>;

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
    async fn user_by_email(&self, email: &str) -> StoreResult<Option<(User, String)>>;
    /// Starts a session; expired sessions are removed on the way.
    async fn create_session(&self, session: &NewSession) -> StoreResult<()>;
    /// The signed-in user and the session's CSRF token, if the session exists and has not expired.
    async fn session(&self, token_hash: &str, now: i64) -> StoreResult<Option<(User, String)>>;
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;

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
