//! PostgreSQL: the scale path, chosen by a `postgres://` URL. Same SQL as SQLite.

use std::path::Path;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::{Postgres, Transaction};

use super::evaluation::evaluation_store;
use super::migrations;
use super::sql::shared_store;
use super::vote::vote_store;

pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    const ENGINE: &'static str = "postgres";

    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
            .map_err(|e| StoreError::Invalid(format!("cannot connect to {}: {e}", super::redact(url))))?;
        Ok(PostgresStore { pool })
    }

    /// An aggregate of the rows' `columns` as one JSON array of arrays (NULL for no rows).
    fn json_rows(columns: &str) -> String {
        format!("json_agg(json_build_array({columns}))::text")
    }

    fn read(&self) -> &PgPool {
        &self.pool
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
        self.pool.begin().await
    }

    async fn engine_migrate(&self) -> StoreResult<()> {
        Migrator::new(migrations::POSTGRES).await?.run(&self.pool).await?;
        Ok(())
    }

    async fn engine_backup(&self, _path: &Path) -> StoreResult<()> {
        Err(StoreError::Unsupported(
            "kapok backup copies SQLite databases; for PostgreSQL use pg_dump (or your provider's snapshots)".into(),
        ))
    }
}

shared_store!(PostgresStore, Postgres);
vote_store!(PostgresStore, Postgres);
evaluation_store!(PostgresStore, Postgres);
