//! The schema migrations of each engine (`migrations/<engine>/NNNN_description.sql`), embedded
//! in the binary. Listed by hand rather than through sqlx's `migrate!`, whose macro crate
//! compiles both database drivers a second time (docs/benchmarks.md, Build); a test checks that
//! the list names exactly the files of each folder.

use std::borrow::Cow;

use futures_util::future::BoxFuture;
use sqlx::error::BoxDynError;
use sqlx::migrate::{Migration, MigrationSource, MigrationType};

/// `(file name, SQL)` for each migration of one engine, in order; sqlx's `Migrator::new` reads it.
#[derive(Debug)]
pub(super) struct Embedded(&'static [(&'static str, &'static str)]);

/// The engines keep the same migrations, one file per version in each folder.
macro_rules! embed {
    ($($file:literal),+ $(,)?) => {
        pub(super) const SQLITE: Embedded =
            Embedded(&[$(($file, include_str!(concat!("../../migrations/sqlite/", $file)))),+]);
        pub(super) const POSTGRES: Embedded =
            Embedded(&[$(($file, include_str!(concat!("../../migrations/postgres/", $file)))),+]);
    };
}

embed!(
    "0001_foundation.sql",
    "0002_sessions.sql",
    "0003_accounts.sql",
    "0004_applications.sql",
    "0005_submissions.sql",
    "0006_attachments.sql",
    "0007_public_vote.sql",
    "0008_evaluation.sql",
    "0009_committees.sql",
    "0010_reviews.sql",
    "0011_score_snapshots.sql",
    "0012_jury.sql",
    "0013_decisions.sql",
    "0015_member_expertise.sql",
);

impl Embedded {
    /// Read as sqlx reads a migrations folder, so that the checksums recorded in existing
    /// databases still match: `<version>_<description>.sql`, underscores read as spaces, and a
    /// first line `-- no-transaction` to run it outside a transaction.
    fn migrations(&self) -> Result<Vec<Migration>, BoxDynError> {
        self.0
            .iter()
            .map(|(file, sql)| {
                let (version, description) = file
                    .strip_suffix(".sql")
                    .and_then(|stem| stem.split_once('_'))
                    .ok_or_else(|| format!("migration {file}: expected <version>_<description>.sql"))?;
                let version = version.parse().map_err(|e| format!("migration {file}: version: {e}"))?;
                Ok(Migration::new(
                    version,
                    Cow::Owned(description.replace('_', " ")),
                    MigrationType::Simple,
                    Cow::Borrowed(*sql),
                    sql.starts_with("-- no-transaction"),
                ))
            })
            .collect()
    }
}

impl MigrationSource<'static> for Embedded {
    fn resolve(self) -> BoxFuture<'static, Result<Vec<Migration>, BoxDynError>> {
        Box::pin(async move { self.migrations() })
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    async fn read_folder(engine: &str) -> Vec<Migration> {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(engine);
        folder.as_path().resolve().await.expect("the migrations folder reads")
    }

    /// Versions, descriptions, SQL and checksums equal what sqlx reads from the folder, so a
    /// database migrated by either stays valid for the other.
    #[tokio::test]
    async fn each_engine_embeds_exactly_its_folder_as_sqlx_reads_it() {
        for (engine, embedded) in [("sqlite", SQLITE), ("postgres", POSTGRES)] {
            let mut expected = read_folder(engine).await;
            expected.sort_by_key(|m| m.version);
            let embedded = embedded.migrations().unwrap();
            let summary = |ms: &[Migration]| {
                ms.iter()
                    .map(|m| (m.version, m.description.to_string(), m.checksum.to_vec(), m.no_tx))
                    .collect::<Vec<_>>()
            };
            assert_eq!(summary(&embedded), summary(&expected), "{engine}");
            assert!(embedded.iter().zip(&expected).all(|(a, b)| a.sql == b.sql), "{engine}");
        }
    }
}
