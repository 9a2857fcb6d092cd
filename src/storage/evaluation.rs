//! Storage of the evaluation: [`EvaluationStore`], part of every [`Store`](super::Store), with its
//! SQL written once for both engines by `evaluation_store!`. Every change it makes appends to the
//! hash-chained audit log in the same transaction.

use async_trait::async_trait;
use serde::Serialize;

use super::StoreResult;
use crate::domain::{EditionId, EntryId, EntryStatus, InitiativeId, UserId};
use crate::evaluation::audit::AuditEntry;
use crate::evaluation::screening::Screening;

/// An entry of an edition as the screening list shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScreeningRow {
    pub entry: EntryId,
    pub initiative: InitiativeId,
    pub title: String,
    pub city: String,
    pub country: String,
    pub status: EntryStatus,
    pub screening: Option<Screening>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScreenError {
    #[error("entry {0} is not an entry of this edition")]
    NotInEdition(EntryId),
    #[error("entry {0} went beyond screening already")]
    AlreadyFurther(EntryId),
}

#[async_trait]
pub trait EvaluationStore: Send + Sync {
    /// The whole audit log in order, and its head (last sequence number and hash).
    async fn audit_log(&self) -> StoreResult<(Vec<AuditEntry>, (i64, String))>;
    /// Every entry of an edition with its screening, in id order.
    async fn screening_list(&self, edition: EditionId) -> StoreResult<Vec<ScreeningRow>>;
    /// Records one decision for several entries of an edition at once (all or none): a valid
    /// entry becomes public (`valid`), a not-valid one stays `submitted`. Each entry's change
    /// is logged with its state before and after.
    async fn screen_entries(
        &self,
        edition: EditionId,
        entries: &[EntryId],
        screening: &Screening,
        by: UserId,
        now: i64,
    ) -> StoreResult<Result<usize, ScreenError>>;
    /// The screening of the entry an application became, for its applicant.
    async fn application_screening(&self, application: crate::domain::ApplicationId) -> StoreResult<Option<Screening>>;
}

macro_rules! evaluation_store {
    ($store:ty, $db:ty) => {
        mod evaluation_sql {
            use super::*;
            use crate::evaluation::audit::{AuditChange, AuditEntry, entry_hash};
            use crate::evaluation::screening::{Screening, ScreeningOutcome};
            use crate::storage::evaluation::*;

            /// Appends a change to the audit log: takes the next number and the previous hash from
            /// the head row (locking it, so concurrent writers queue), writes the entry, moves the head.
            pub(super) async fn append_audit(
                tx: &mut <$db as sqlx::Database>::Connection,
                change: &AuditChange,
                now: i64,
            ) -> StoreResult<()> {
                let (seq, prev): (i64, String) =
                    sqlx::query_as("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
                        .fetch_one(&mut *tx)
                        .await?;
                let hash = entry_hash(&prev, seq, now, change);
                sqlx::query(
                    "INSERT INTO audit_log (seq, at, actor_id, edition_id, action, subject, before, after, prev_hash, hash) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(seq)
                .bind(now)
                .bind(change.actor)
                .bind(change.edition)
                .bind(&change.action)
                .bind(&change.subject)
                .bind(change.before.to_string())
                .bind(change.after.to_string())
                .bind(&prev)
                .bind(&hash)
                .execute(&mut *tx)
                .await?;
                sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1").bind(&hash).execute(&mut *tx).await?;
                Ok(())
            }

            fn parse_screening(outcome: Option<String>, reasons: Option<String>, note: Option<String>) -> StoreResult<Option<Screening>> {
                let Some(outcome) = outcome else { return Ok(None) };
                let corrupt = |e: String| StoreError::Corrupt(format!("screening: {e}"));
                Ok(Some(Screening {
                    outcome: outcome.parse::<ScreeningOutcome>().map_err(|e| corrupt(e.to_string()))?,
                    reasons: serde_json::from_str(&reasons.unwrap_or_default()).map_err(|e| corrupt(e.to_string()))?,
                    note: note.unwrap_or_default(),
                }))
            }

            #[async_trait]
            impl EvaluationStore for $store {
                async fn audit_log(&self) -> StoreResult<(Vec<AuditEntry>, (i64, String))> {
                    let rows: Vec<(i64, i64, Option<i64>, Option<i64>, String, String, String, String, String, String)> =
                        sqlx::query_as(
                            "SELECT seq, at, actor_id, edition_id, action, subject, before, after, prev_hash, hash \
                             FROM audit_log ORDER BY seq",
                        )
                        .fetch_all(self.read())
                        .await?;
                    let head: (i64, String) = sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                        .fetch_one(self.read())
                        .await?;
                    let corrupt = |e: serde_json::Error| StoreError::Corrupt(format!("audit log: {e}"));
                    let entries = rows
                        .into_iter()
                        .map(|(seq, at, actor, edition, action, subject, before, after, prev_hash, hash)| {
                            Ok(AuditEntry {
                                seq,
                                at,
                                change: AuditChange {
                                    actor,
                                    edition,
                                    action,
                                    subject,
                                    before: serde_json::from_str(&before).map_err(corrupt)?,
                                    after: serde_json::from_str(&after).map_err(corrupt)?,
                                },
                                prev_hash,
                                hash,
                            })
                        })
                        .collect::<StoreResult<Vec<_>>>()?;
                    Ok((entries, head))
                }

                async fn screening_list(&self, edition: EditionId) -> StoreResult<Vec<ScreeningRow>> {
                    let rows: Vec<(i64, i64, Option<String>, String, String, String, Option<String>, Option<String>, Option<String>)> =
                        sqlx::query_as(
                            "SELECT e.id, e.initiative_id, \
                               (SELECT t.title FROM initiative_texts t WHERE t.initiative_id = e.initiative_id \
                                 ORDER BY CASE WHEN t.lang = 'en' THEN 0 ELSE 1 END LIMIT 1), \
                               c.name, c.country_code, e.status, s.outcome, s.reasons, s.note \
                             FROM entries e \
                             JOIN initiative_cities lead ON lead.initiative_id = e.initiative_id AND lead.position = 0 \
                             JOIN cities c ON c.id = lead.city_id \
                             LEFT JOIN screenings s ON s.entry_id = e.id \
                             WHERE e.edition_id = $1 ORDER BY e.id",
                        )
                        .bind(edition.0)
                        .fetch_all(self.read())
                        .await?;
                    rows.into_iter()
                        .map(|(entry, initiative, title, city, country, status, outcome, reasons, note)| {
                            Ok(ScreeningRow {
                                entry: EntryId(entry),
                                initiative: InitiativeId(initiative),
                                title: title.unwrap_or_default(),
                                city,
                                country,
                                status: status.parse().map_err(|e: UnknownValue| StoreError::Corrupt(e.to_string()))?,
                                screening: parse_screening(outcome, reasons, note)?,
                            })
                        })
                        .collect()
                }

                async fn screen_entries(
                    &self,
                    edition: EditionId,
                    entries: &[EntryId],
                    screening: &Screening,
                    by: UserId,
                    now: i64,
                ) -> StoreResult<Result<usize, ScreenError>> {
                    let mut tx = self.begin_write().await?;
                    for entry in entries {
                        let found: Option<(String, Option<String>, Option<String>, Option<String>)> = sqlx::query_as(
                            "SELECT e.status, s.outcome, s.reasons, s.note FROM entries e \
                             LEFT JOIN screenings s ON s.entry_id = e.id WHERE e.id = $1 AND e.edition_id = $2",
                        )
                        .bind(entry.0)
                        .bind(edition.0)
                        .fetch_optional(&mut *tx)
                        .await?;
                        let Some((status, outcome, reasons, note)) = found else {
                            return Ok(Err(ScreenError::NotInEdition(*entry)));
                        };
                        let status: EntryStatus = status.parse().map_err(|e: UnknownValue| StoreError::Corrupt(e.to_string()))?;
                        if status > EntryStatus::Valid {
                            return Ok(Err(ScreenError::AlreadyFurther(*entry)));
                        }
                        let before = parse_screening(outcome, reasons, note)?;
                        let new_status = match screening.outcome {
                            ScreeningOutcome::Valid => EntryStatus::Valid,
                            ScreeningOutcome::NotValid => EntryStatus::Submitted,
                        };
                        sqlx::query(
                            "INSERT INTO screenings (entry_id, outcome, reasons, note, decided_by, decided_at) \
                             VALUES ($1, $2, $3, $4, $5, $6) \
                             ON CONFLICT (entry_id) DO UPDATE SET outcome = $2, reasons = $3, note = $4, decided_by = $5, decided_at = $6",
                        )
                        .bind(entry.0)
                        .bind(screening.outcome.as_str())
                        .bind(to_json(&screening.reasons))
                        .bind(&screening.note)
                        .bind(by.0)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                        sqlx::query("UPDATE entries SET status = $2 WHERE id = $1")
                            .bind(entry.0)
                            .bind(new_status.as_str())
                            .execute(&mut *tx)
                            .await?;
                        let change = AuditChange {
                            actor: Some(by.0),
                            edition: Some(edition.0),
                            action: "screening".into(),
                            subject: format!("entry {entry}"),
                            before: serde_json::json!({"status": status, "screening": before}),
                            after: serde_json::json!({"status": new_status, "screening": screening}),
                        };
                        append_audit(&mut tx, &change, now).await?;
                    }
                    tx.commit().await?;
                    Ok(Ok(entries.len()))
                }

                async fn application_screening(&self, application: ApplicationId) -> StoreResult<Option<Screening>> {
                    let row: Option<(String, String, String)> = sqlx::query_as(
                        "SELECT s.outcome, s.reasons, s.note FROM screenings s \
                         JOIN entries e ON e.id = s.entry_id JOIN initiatives i ON i.id = e.initiative_id \
                         WHERE i.ref = $1",
                    )
                    .bind(format!("application-{application}"))
                    .fetch_optional(self.read())
                    .await?;
                    match row {
                        Some((outcome, reasons, note)) => parse_screening(Some(outcome), Some(reasons), Some(note)),
                        None => Ok(None),
                    }
                }
            }
        }
    };
}
pub(super) use evaluation_store;
