//! SQLite: the embedded default. WAL journal; one writer connection whose transactions begin
//! with `BEGIN IMMEDIATE` (so a write never fails half-way on a lock upgrade); a separate pool
//! of read-only connections; `synchronous = FULL`, so an acknowledged write survives a crash.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, Transaction};

use super::evaluation::evaluation_store;
use super::migrations;
use super::sql::shared_store;
use super::vote::vote_store;

pub struct SqliteStore {
    writer: SqlitePool,
    reader: SqlitePool,
}

impl SqliteStore {
    const ENGINE: &'static str = "sqlite";

    /// Opens (creating if needed) the database at a `sqlite://PATH` URL.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|e| StoreError::Invalid(format!("invalid SQLite URL {url:?}: {e}")))?
            .busy_timeout(Duration::from_secs(10))
            .foreign_keys(true)
            .synchronous(SqliteSynchronous::Full)
            // Statement journals (which a multi-row insert inside a transaction keeps, to undo
            // just that statement) in memory rather than spilled to a temporary file: they were
            // a sixth of the ballot writer's time. The database's own journal (WAL) is unaffected.
            .pragma("temp_store", "memory");
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(
                options
                    .clone()
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    // The pages the writer reads come from a mapping (read-only: writes still go
                    // through the WAL) instead of a read call and a copy each; its checkpoints
                    // stay at SQLite's default of 1,000 pages (4,000 doubled the p99 of ballots).
                    .pragma("mmap_size", "268435456"),
            )
            .await
            .map_err(|e| StoreError::Invalid(format!("cannot open the SQLite database {url:?}: {e}")))?;
        let readers = std::thread::available_parallelism().map(|n| n.get() as u32).unwrap_or(2).clamp(2, 8) * 2;
        let reader = SqlitePoolOptions::new()
            .max_connections(readers)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options.read_only(true))
            .await
            .map_err(|e| StoreError::Invalid(format!("cannot open the SQLite database {url:?} for reading: {e}")))?;
        Ok(SqliteStore { writer, reader })
    }

    /// An aggregate of the rows' `columns` as one JSON array of arrays.
    fn json_rows(columns: &str) -> String {
        format!("json_group_array(json_array({columns}))")
    }

    fn read(&self) -> &SqlitePool {
        &self.reader
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>, sqlx::Error> {
        self.writer.begin_with("BEGIN IMMEDIATE").await
    }

    async fn engine_migrate(&self) -> StoreResult<()> {
        Migrator::new(migrations::SQLITE).await?.run(&self.writer).await?;
        Ok(())
    }

    async fn engine_backup(&self, path: &Path) -> StoreResult<()> {
        if path.exists() {
            return Err(StoreError::Invalid(format!("{} already exists; choose a new file", path.display())));
        }
        let target = path.to_str().ok_or_else(|| StoreError::Invalid("the backup path must be valid UTF-8".into()))?;
        // VACUUM INTO writes a consistent snapshot while readers and the writer carry on.
        sqlx::query("VACUUM INTO $1").bind(target).execute(&self.reader).await?;
        Ok(())
    }
}

shared_store!(SqliteStore, Sqlite);
vote_store!(SqliteStore, Sqlite);
evaluation_store!(SqliteStore, Sqlite);
