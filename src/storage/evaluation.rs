//! Storage of the evaluation: [`EvaluationStore`], part of every [`Store`](super::Store), with its
//! SQL written once for both engines by `evaluation_store!`. Every change it makes appends to the
//! hash-chained audit log in the same transaction.

use async_trait::async_trait;
use serde::Serialize;

use super::StoreResult;
use crate::domain::{CityId, EditionId, EntryId, EntryStatus, InitiativeId, Stage, ThemeId, UserId};
use crate::evaluation::audit::AuditEntry;
use crate::evaluation::conflicts::{CityLink, ConflictRules, EntryProfile, MemberProfile};
use crate::evaluation::decisions::{Confirmation, ListKind, Proposal};
use crate::evaluation::review::ReviewContent;
use crate::evaluation::scoring::ScoreSheet;
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

/// A committee member to add: an account, its committee, and the profile conflicts and
/// affinities are computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMember {
    pub user: UserId,
    pub stage: Stage,
    pub country: String,
    pub city: Option<CityId>,
    pub affiliation: String,
    pub themes: Vec<ThemeId>,
    pub languages: Vec<String>,
    pub expertise: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub id: i64,
    pub edition: EditionId,
    pub user: UserId,
    pub name: String,
    pub email: String,
    pub stage: Stage,
    pub country: String,
    pub city: Option<CityId>,
    pub affiliation: String,
    pub themes: Vec<ThemeId>,
    pub languages: Vec<String>,
    /// The member's statement of expertise (free text), for the text part of the affinity.
    pub expertise: String,
}

impl Member {
    pub fn profile(&self) -> MemberProfile {
        MemberProfile {
            member: self.id,
            country: self.country.clone(),
            city: self.city,
            affiliation: self.affiliation.clone(),
        }
    }
}

/// A valid entry of an edition as conflicts and assignment see it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvaluatedEntry {
    pub entry: EntryId,
    pub initiative: InitiativeId,
    pub title: String,
    pub language: String,
    pub themes: Vec<ThemeId>,
    #[serde(skip)]
    pub profile: EntryProfile,
}

/// A reviewer assignment: entry, member, affinity.
pub type Pair = (EntryId, i64, f64);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deployment {
    pub id: i64,
    pub deployed_at: i64,
    pub undone_at: Option<i64>,
    pub pairs: Vec<Pair>,
}

/// A review as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredReview {
    pub member: i64,
    pub content: ReviewContent,
    pub version: i64,
    pub submitted_at: Option<i64>,
}

/// A review to save: the version the writer last saw (0: none yet), and whether to submit it.
#[derive(Debug, Clone, Copy)]
pub struct ReviewWrite<'a> {
    pub member: i64,
    pub entry: EntryId,
    pub content: &'a ReviewContent,
    pub version: i64,
    pub submit: bool,
}

/// The Jury's result once the vote is closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JuryResult {
    pub method: String,
    /// Winner first, ties broken by the shortlist's order.
    pub ranking: Vec<EntryId>,
    /// Groups of entries the method could not order.
    pub ties: Vec<Vec<EntryId>>,
    pub closed_at: i64,
    pub published_at: Option<i64>,
}

/// A Technical Committee decision on a list (long list or shortlist) of an edition: opened with
/// its candidates, closed with the proposal the approvals make, confirmed by the Secretariat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionRound {
    pub id: i64,
    pub edition: EditionId,
    pub list: ListKind,
    /// How many candidates a member may approve, and the list's size at most.
    pub size: i64,
    /// The status candidates are chosen from, which those left off have after confirmation.
    pub unlisted_status: EntryStatus,
    /// In the order of the score snapshot the round was opened on: the tie-break.
    pub candidates: Vec<EntryId>,
    pub opened_at: i64,
    pub closed_at: Option<i64>,
    pub proposal: Option<Proposal>,
    pub confirmed_at: Option<i64>,
    pub confirmation: Option<Confirmation>,
}

/// A round to open.
#[derive(Debug, Clone, Copy)]
pub struct NewRound<'a> {
    pub edition: EditionId,
    pub list: ListKind,
    pub size: i64,
    pub unlisted_status: EntryStatus,
    pub candidates: &'a [EntryId],
    /// Whether the shortlist waits for a confirmed long list (editions that have one).
    pub needs_long_list: bool,
}

/// A member's recorded approval ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApprovalBallot {
    pub member: i64,
    pub approved: Vec<EntryId>,
    pub cast_at: i64,
}

/// Why a decision round cannot move on; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoundError {
    #[error("this list already has its round")]
    Exists,
    #[error("the shortlist's round was opened already")]
    ShortlistStarted,
    #[error("the long list is not confirmed yet")]
    LongListFirst,
    #[error("the round is closed")]
    Closed,
    #[error("the round is still open")]
    StillOpen,
    #[error("the list is confirmed already")]
    Confirmed,
    #[error("entry {entry} is now {status}, no longer a candidate")]
    NoLongerCandidate { entry: EntryId, status: EntryStatus },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewSave {
    Saved {
        version: i64,
    },
    /// Another tab or device saved first: nothing was written; here is what is kept.
    Stale {
        kept: StoredReview,
    },
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

    /// Adds a member to a committee of an edition and grants the account the committee's role
    /// (logged); the member's id, or `None` when the account is on that committee already.
    async fn add_member(
        &self,
        edition: EditionId,
        member: &NewMember,
        by: UserId,
        now: i64,
    ) -> StoreResult<Option<i64>>;
    /// The members of an edition's committees.
    async fn committee(&self, edition: EditionId) -> StoreResult<Vec<Member>>;
    /// The committees an account sits on, in every edition.
    async fn memberships(&self, user: UserId) -> StoreResult<Vec<Member>>;
    /// A member declares a conflict with an entry (logged).
    async fn declare_conflict(
        &self,
        member: i64,
        entry: EntryId,
        reason: &str,
        by: UserId,
        now: i64,
    ) -> StoreResult<()>;
    async fn declared_conflicts(&self, edition: EditionId) -> StoreResult<Vec<(i64, EntryId, String)>>;
    async fn conflict_rules(&self, edition: EditionId) -> StoreResult<ConflictRules>;
    async fn set_conflict_rules(
        &self,
        edition: EditionId,
        rules: ConflictRules,
        by: UserId,
        now: i64,
    ) -> StoreResult<()>;
    /// The valid entries of an edition (screened valid, or further), with what conflicts and
    /// affinity need.
    async fn evaluated_entries(&self, edition: EditionId) -> StoreResult<Vec<EvaluatedEntry>>;
    /// The texts of the same entries, every language run together (title, summary, objectives,
    /// process, results), for comparing statements of expertise with.
    async fn entry_texts(&self, edition: EditionId) -> StoreResult<Vec<(EntryId, String)>>;
    /// Every formal link between cities.
    async fn city_links(&self) -> StoreResult<Vec<CityLink>>;

    /// Replaces the edition's proposed assignment (not seen by reviewers).
    async fn save_proposal(&self, edition: EditionId, pairs: &[Pair], by: UserId, now: i64) -> StoreResult<()>;
    async fn proposal(&self, edition: EditionId) -> StoreResult<Vec<Pair>>;
    /// Deploys the proposal: reviewers see exactly these assignments from now on (logged).
    async fn deploy_proposal(&self, edition: EditionId, by: UserId, now: i64) -> StoreResult<i64>;
    /// Undoes the deployment in force; the one before it (if any) is in force again (logged).
    async fn undo_deployment(&self, edition: EditionId, by: UserId, now: i64) -> StoreResult<Option<i64>>;
    /// Deployments, newest first.
    async fn deployments(&self, edition: EditionId) -> StoreResult<Vec<Deployment>>;
    /// A member's assignments in the deployment in force.
    async fn assignments_of(&self, member: i64) -> StoreResult<Vec<(EntryId, f64)>>;

    /// Saves a member's review of an entry if `version` is the one kept (0: none yet); a
    /// submission is logged.
    async fn save_review(&self, review: ReviewWrite<'_>, by: UserId, now: i64) -> StoreResult<ReviewSave>;
    /// Every review of an entry, drafts included (callers show only what the reader may see).
    async fn entry_reviews(&self, entry: EntryId) -> StoreResult<Vec<StoredReview>>;
    /// (member, entry, submitted) for every review of an edition.
    async fn edition_reviews(&self, edition: EditionId) -> StoreResult<Vec<(i64, EntryId, bool)>>;
    async fn post_discussion(&self, entry: EntryId, member: i64, body: &str, now: i64) -> StoreResult<()>;
    /// The discussion of an entry: (member, text, when), oldest first.
    async fn discussion(&self, entry: EntryId) -> StoreResult<Vec<(i64, String, i64)>>;
    /// Freezes the submitted Technical Committee reviews of an edition as the round's snapshot
    /// (logged); returns how many reviews it holds.
    async fn freeze_scores(&self, edition: EditionId, by: UserId, now: i64) -> StoreResult<usize>;
    /// The latest snapshot: when it was taken, and its score sheets.
    async fn score_snapshot(&self, edition: EditionId) -> StoreResult<Option<(i64, Vec<ScoreSheet>)>>;
    /// Records (or replaces) a Jury member's sealed ballot; refused once the vote is closed.
    async fn cast_jury_ballot(
        &self,
        member: i64,
        edition: EditionId,
        ranking: &[Vec<EntryId>],
        now: i64,
    ) -> StoreResult<bool>;
    /// The ballots, opened: only for tallying at the close.
    async fn jury_ballots(&self, edition: EditionId) -> StoreResult<Vec<(i64, Vec<Vec<EntryId>>)>>;
    /// Which members have voted (not how).
    async fn jury_voters(&self, edition: EditionId) -> StoreResult<Vec<i64>>;
    /// Closes the vote with its result (logged).
    async fn close_jury_vote(&self, edition: EditionId, result: &JuryResult, by: UserId) -> StoreResult<()>;
    async fn jury_result(&self, edition: EditionId) -> StoreResult<Option<JuryResult>>;
    /// Publishes the result: the first `winners` become winners, the other entries ranked get a
    /// Medal of Honour (logged with every status before and after).
    async fn publish_jury_result(&self, edition: EditionId, winners: usize, by: UserId, now: i64) -> StoreResult<()>;
    /// Opens the decision round on a list (logged): one round per edition and list; the long
    /// list's round before any shortlist round, and the shortlist's after the long list is
    /// confirmed when the edition has one.
    async fn open_decision_round(
        &self,
        round: &NewRound<'_>,
        by: UserId,
        now: i64,
    ) -> StoreResult<Result<i64, RoundError>>;
    /// The rounds of an edition, in the order they were opened.
    async fn decision_rounds(&self, edition: EditionId) -> StoreResult<Vec<DecisionRound>>;
    async fn decision_round(&self, round: i64) -> StoreResult<Option<DecisionRound>>;
    /// Records (or replaces) a member's approvals while the round is open (logged, approvals
    /// included: these votes are on the record); false once it is closed.
    async fn cast_approval_ballot(
        &self,
        round: i64,
        member: i64,
        approved: &[EntryId],
        by: UserId,
        now: i64,
    ) -> StoreResult<bool>;
    /// The ballots of a round, by member.
    async fn approval_ballots(&self, round: i64) -> StoreResult<Vec<ApprovalBallot>>;
    /// Closes a round: no ballot after this. Counts the ballots cast (approvals of `blocked`
    /// pairs not counted) into the proposal, stored and logged with it.
    async fn close_decision_round(
        &self,
        round: i64,
        blocked: &std::collections::BTreeSet<(i64, EntryId)>,
        by: UserId,
        now: i64,
    ) -> StoreResult<Result<Proposal, RoundError>>;
    /// Reopens a closed round that is not confirmed yet (logged, with the proposal it drops): the
    /// ballots stay and members may change them until it is closed again.
    async fn reopen_decision_round(&self, round: i64, by: UserId, now: i64) -> StoreResult<Result<(), RoundError>>;
    /// Confirms a closed round's list: entries on it get the list's status, the other candidates
    /// the status the list is chosen from, all in one transaction with every change logged.
    /// Refused, changing nothing, when a candidate's status has moved out of the round's range.
    async fn confirm_decision_round(
        &self,
        round: i64,
        confirmation: &Confirmation,
        by: UserId,
        now: i64,
    ) -> StoreResult<Result<(), RoundError>>;
    /// Logs an evaluation action that changes no table of its own (reminders sent …).
    async fn log_evaluation(
        &self,
        edition: EditionId,
        by: UserId,
        action: &str,
        detail: &serde_json::Value,
        now: i64,
    ) -> StoreResult<()>;
}

macro_rules! evaluation_store {
    ($store:ty, $db:ty) => {
        mod evaluation_sql {
            use super::*;
            use crate::evaluation::audit::{AuditChange, AuditEntry, entry_hash};
            use crate::evaluation::conflicts::{CityLink, ConflictRules, EntryProfile};
            use crate::evaluation::decisions::{Confirmation, ListKind, Proposal, propose};
            use crate::evaluation::review::ReviewContent;
            use crate::evaluation::scoring::ScoreSheet;
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

            async fn members(pool: &sqlx::Pool<$db>, filter: &str, value: i64) -> StoreResult<Vec<Member>> {
                type Row = (i64, i64, i64, String, String, String, String, Option<i64>, String, String, String, String);
                let rows: Vec<Row> =
                    sqlx::query_as(&format!(
                        "SELECT m.id, m.edition_id, m.user_id, u.display_name, u.email, m.stage, m.country_code, m.city_id, \
                           m.affiliation, m.themes, m.languages, m.expertise \
                         FROM committee_members m JOIN users u ON u.id = m.user_id WHERE {filter} ORDER BY m.stage, u.display_name, m.id"
                    ))
                    .bind(value)
                    .fetch_all(pool)
                    .await?;
                let corrupt = |e: String| StoreError::Corrupt(format!("committee member: {e}"));
                rows.into_iter()
                    .map(|(id, edition, user, name, email, stage, country, city, affiliation, themes, languages, expertise)| {
                        Ok(Member {
                            id,
                            edition: EditionId(edition),
                            user: UserId(user),
                            name,
                            email,
                            stage: stage.parse().map_err(|e: UnknownValue| corrupt(e.to_string()))?,
                            country,
                            city: city.map(CityId),
                            affiliation,
                            themes: serde_json::from_str(&themes).map_err(|e| corrupt(e.to_string()))?,
                            languages: serde_json::from_str(&languages).map_err(|e| corrupt(e.to_string()))?,
                            expertise,
                        })
                    })
                    .collect()
            }

            type ReviewRow = (i64, String, String, Option<String>, Option<i64>, i64, Option<i64>);

            fn review_of((member, scores, comments, recommendation, confidence, version, submitted_at): ReviewRow) -> StoreResult<StoredReview> {
                let corrupt = |e: String| StoreError::Corrupt(format!("review: {e}"));
                Ok(StoredReview {
                    member,
                    content: ReviewContent {
                        scores: serde_json::from_str(&scores).map_err(|e| corrupt(e.to_string()))?,
                        comments: serde_json::from_str(&comments).map_err(|e| corrupt(e.to_string()))?,
                        recommendation: recommendation
                            .map(|r| r.parse().map_err(|e: UnknownValue| corrupt(e.to_string())))
                            .transpose()?,
                        confidence,
                    },
                    version,
                    submitted_at,
                })
            }

            async fn read_review(
                tx: &mut <$db as sqlx::Database>::Connection,
                member: i64,
                entry: EntryId,
            ) -> StoreResult<Option<StoredReview>> {
                let row: Option<ReviewRow> = sqlx::query_as(
                    "SELECT member_id, scores, comments, recommendation, confidence, version, submitted_at FROM reviews \
                     WHERE member_id = $1 AND entry_id = $2",
                )
                .bind(member)
                .bind(entry.0)
                .fetch_optional(&mut *tx)
                .await?;
                row.map(review_of).transpose()
            }

            const ROUND_COLUMNS: &str = "SELECT id, edition_id, list_kind, size, unlisted_status, candidates, opened_at, closed_at, \
                proposal, confirmed_at, confirmation FROM decision_rounds";

            type RoundRow = (i64, i64, String, i64, String, String, i64, Option<i64>, Option<String>, Option<i64>, Option<String>);

            fn round_of(row: RoundRow) -> StoreResult<DecisionRound> {
                let (id, edition, list, size, unlisted, candidates, opened_at, closed_at, proposal, confirmed_at, confirmation) = row;
                let corrupt = |e: String| StoreError::Corrupt(format!("decision round {id}: {e}"));
                let json = |text: Option<String>| -> StoreResult<Option<serde_json::Value>> {
                    text.map(|t| serde_json::from_str(&t).map_err(|e| corrupt(e.to_string()))).transpose()
                };
                Ok(DecisionRound {
                    id,
                    edition: EditionId(edition),
                    list: list.parse().map_err(|e: UnknownValue| corrupt(e.to_string()))?,
                    size,
                    unlisted_status: unlisted.parse().map_err(|e: UnknownValue| corrupt(e.to_string()))?,
                    candidates: serde_json::from_str(&candidates).map_err(|e| corrupt(e.to_string()))?,
                    opened_at,
                    closed_at,
                    proposal: json(proposal)?.map(serde_json::from_value).transpose().map_err(|e| corrupt(e.to_string()))?,
                    confirmed_at,
                    confirmation: json(confirmation)?.map(serde_json::from_value).transpose().map_err(|e| corrupt(e.to_string()))?,
                })
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

                async fn add_member(&self, edition: EditionId, member: &NewMember, by: UserId, now: i64) -> StoreResult<Option<i64>> {
                    let mut tx = self.begin_write().await?;
                    let role = match member.stage {
                        Stage::TechnicalCommittee => "technical_committee",
                        Stage::Jury => "jury",
                    };
                    sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                        .bind(member.user.0)
                        .bind(role)
                        .execute(&mut *tx)
                        .await?;
                    let id: Option<i64> = sqlx::query_scalar(
                        "INSERT INTO committee_members (edition_id, stage, user_id, country_code, city_id, affiliation, themes, languages, expertise, added_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (edition_id, stage, user_id) DO NOTHING RETURNING id",
                    )
                    .bind(edition.0)
                    .bind(member.stage.as_str())
                    .bind(member.user.0)
                    .bind(&member.country)
                    .bind(member.city.map(|c| c.0))
                    .bind(&member.affiliation)
                    .bind(to_json(&member.themes))
                    .bind(to_json(&member.languages))
                    .bind(&member.expertise)
                    .bind(now)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if let Some(id) = id {
                        let change = AuditChange {
                            actor: Some(by.0),
                            edition: Some(edition.0),
                            action: "committee member added".into(),
                            subject: format!("member {id}"),
                            before: serde_json::Value::Null,
                            after: serde_json::json!({"user": member.user, "stage": member.stage, "country": member.country,
                                "city": member.city, "affiliation": member.affiliation, "expertise": member.expertise}),
                        };
                        append_audit(&mut tx, &change, now).await?;
                    }
                    tx.commit().await?;
                    Ok(id)
                }

                async fn committee(&self, edition: EditionId) -> StoreResult<Vec<Member>> {
                    members(self.read(), "m.edition_id = $1", edition.0).await
                }

                async fn memberships(&self, user: UserId) -> StoreResult<Vec<Member>> {
                    members(self.read(), "m.user_id = $1", user.0).await
                }

                async fn declare_conflict(&self, member: i64, entry: EntryId, reason: &str, by: UserId, now: i64) -> StoreResult<()> {
                    let mut tx = self.begin_write().await?;
                    let edition: i64 = sqlx::query_scalar("SELECT edition_id FROM committee_members WHERE id = $1")
                        .bind(member)
                        .fetch_one(&mut *tx)
                        .await?;
                    sqlx::query(
                        "INSERT INTO declared_conflicts (member_id, entry_id, reason, declared_at) VALUES ($1, $2, $3, $4) \
                         ON CONFLICT (member_id, entry_id) DO UPDATE SET reason = $3",
                    )
                    .bind(member)
                    .bind(entry.0)
                    .bind(reason)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    let change = AuditChange {
                        actor: Some(by.0),
                        edition: Some(edition),
                        action: "conflict declared".into(),
                        subject: format!("member {member}, entry {entry}"),
                        before: serde_json::Value::Null,
                        after: serde_json::json!({"reason": reason}),
                    };
                    append_audit(&mut tx, &change, now).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn declared_conflicts(&self, edition: EditionId) -> StoreResult<Vec<(i64, EntryId, String)>> {
                    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
                        "SELECT d.member_id, d.entry_id, d.reason FROM declared_conflicts d \
                         JOIN committee_members m ON m.id = d.member_id WHERE m.edition_id = $1 ORDER BY d.member_id, d.entry_id",
                    )
                    .bind(edition.0)
                    .fetch_all(self.read())
                    .await?;
                    Ok(rows.into_iter().map(|(m, e, r)| (m, EntryId(e), r)).collect())
                }

                async fn conflict_rules(&self, edition: EditionId) -> StoreResult<ConflictRules> {
                    let same: Option<i64> = sqlx::query_scalar("SELECT same_country FROM conflict_rules WHERE edition_id = $1")
                        .bind(edition.0)
                        .fetch_optional(self.read())
                        .await?;
                    Ok(ConflictRules { same_country: same.is_none_or(|s| s != 0) })
                }

                async fn set_conflict_rules(&self, edition: EditionId, rules: ConflictRules, by: UserId, now: i64) -> StoreResult<()> {
                    let mut tx = self.begin_write().await?;
                    let before: Option<i64> = sqlx::query_scalar("SELECT same_country FROM conflict_rules WHERE edition_id = $1")
                        .bind(edition.0)
                        .fetch_optional(&mut *tx)
                        .await?;
                    sqlx::query(
                        "INSERT INTO conflict_rules (edition_id, same_country) VALUES ($1, $2) \
                         ON CONFLICT (edition_id) DO UPDATE SET same_country = $2",
                    )
                    .bind(edition.0)
                    .bind(i64::from(rules.same_country))
                    .execute(&mut *tx)
                    .await?;
                    let change = AuditChange {
                        actor: Some(by.0),
                        edition: Some(edition.0),
                        action: "conflict rules".into(),
                        subject: format!("edition {edition}"),
                        before: serde_json::json!({"same_country": before.is_none_or(|s| s != 0)}),
                        after: serde_json::json!({"same_country": rules.same_country}),
                    };
                    append_audit(&mut tx, &change, now).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn entry_texts(&self, edition: EditionId) -> StoreResult<Vec<(EntryId, String)>> {
                    type Row = (i64, Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);
                    let rows: Vec<Row> = sqlx::query_as(&format!(
                        "SELECT e.id, t.title, t.summary, t.objectives, t.process, t.results \
                         FROM entries e JOIN initiative_texts t ON t.initiative_id = e.initiative_id \
                         WHERE e.edition_id = $1 AND e.status IN ({}) ORDER BY e.id, t.lang",
                        *PUBLISHED
                    ))
                    .bind(edition.0)
                    .fetch_all(self.read())
                    .await?;
                    let mut texts: Vec<(EntryId, String)> = Vec::new();
                    for (entry, title, summary, objectives, process, results) in rows {
                        if texts.last().is_none_or(|(last, _)| last.0 != entry) {
                            texts.push((EntryId(entry), String::new()));
                        }
                        let text = &mut texts.last_mut().expect("pushed above").1;
                        for part in [title, summary, objectives, process, results].into_iter().flatten() {
                            text.push_str(&part);
                            text.push('\n');
                        }
                    }
                    Ok(texts)
                }

                async fn evaluated_entries(&self, edition: EditionId) -> StoreResult<Vec<EvaluatedEntry>> {
                    let rows: Vec<(i64, i64, Option<String>, String, String)> = sqlx::query_as(&format!(
                        "SELECT e.id, e.initiative_id, \
                           (SELECT t.title FROM initiative_texts t WHERE t.initiative_id = e.initiative_id \
                             ORDER BY CASE WHEN t.lang = 'en' THEN 0 ELSE 1 END LIMIT 1), \
                           i.original_language, i.partners \
                         FROM entries e JOIN initiatives i ON i.id = e.initiative_id \
                         WHERE e.edition_id = $1 AND e.status IN ({}) ORDER BY e.id",
                        *PUBLISHED
                    ))
                    .bind(edition.0)
                    .fetch_all(self.read())
                    .await?;
                    let governments: Vec<(i64, i64, String)> = sqlx::query_as(
                        "SELECT e.id, c.id, c.country_code FROM entries e \
                         JOIN initiative_cities ic ON ic.initiative_id = e.initiative_id JOIN cities c ON c.id = ic.city_id \
                         WHERE e.edition_id = $1 ORDER BY e.id, ic.position",
                    )
                    .bind(edition.0)
                    .fetch_all(self.read())
                    .await?;
                    let themes: Vec<(i64, i64)> = sqlx::query_as(
                        "SELECT et.entry_id, et.theme_id FROM entry_themes et JOIN entries e ON e.id = et.entry_id \
                         WHERE e.edition_id = $1",
                    )
                    .bind(edition.0)
                    .fetch_all(self.read())
                    .await?;
                    rows.into_iter()
                        .map(|(entry, initiative, title, language, partners)| {
                            let partners: Vec<crate::domain::Partner> = serde_json::from_str(&partners)
                                .map_err(|e| StoreError::Corrupt(format!("partners: {e}")))?;
                            Ok(EvaluatedEntry {
                                entry: EntryId(entry),
                                initiative: InitiativeId(initiative),
                                title: title.unwrap_or_default(),
                                language,
                                themes: themes.iter().filter(|(e, _)| *e == entry).map(|(_, t)| ThemeId(*t)).collect(),
                                profile: EntryProfile {
                                    entry: EntryId(entry),
                                    governments: governments
                                        .iter()
                                        .filter(|(e, _, _)| *e == entry)
                                        .map(|(_, c, k)| (CityId(*c), k.clone()))
                                        .collect(),
                                    partners: partners.into_iter().map(|p| p.name).collect(),
                                },
                            })
                        })
                        .collect()
                }

                async fn city_links(&self) -> StoreResult<Vec<CityLink>> {
                    let rows: Vec<(i64, i64, String)> = sqlx::query_as("SELECT city_a, city_b, kind FROM city_links")
                        .fetch_all(self.read())
                        .await?;
                    Ok(rows.into_iter().map(|(a, b, k)| (CityId(a), CityId(b), k)).collect())
                }

                async fn save_proposal(&self, edition: EditionId, pairs: &[Pair], by: UserId, now: i64) -> StoreResult<()> {
                    let mut tx = self.begin_write().await?;
                    sqlx::query("DELETE FROM assignment_proposals WHERE edition_id = $1").bind(edition.0).execute(&mut *tx).await?;
                    for (entry, member, affinity) in pairs {
                        sqlx::query("INSERT INTO assignment_proposals (edition_id, entry_id, member_id, affinity) VALUES ($1, $2, $3, $4)")
                            .bind(edition.0)
                            .bind(entry.0)
                            .bind(member)
                            .bind(affinity)
                            .execute(&mut *tx)
                            .await?;
                    }
                    let change = AuditChange {
                        actor: Some(by.0),
                        edition: Some(edition.0),
                        action: "assignment proposed".into(),
                        subject: format!("edition {edition}"),
                        before: serde_json::Value::Null,
                        after: serde_json::json!({"pairs": pairs.iter().map(|(e, m, _)| [e.0, *m]).collect::<Vec<_>>()}),
                    };
                    append_audit(&mut tx, &change, now).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn proposal(&self, edition: EditionId) -> StoreResult<Vec<Pair>> {
                    let rows: Vec<(i64, i64, f64)> = sqlx::query_as(
                        "SELECT entry_id, member_id, affinity FROM assignment_proposals WHERE edition_id = $1 ORDER BY entry_id, member_id",
                    )
                    .bind(edition.0)
                    .fetch_all(self.read())
                    .await?;
                    Ok(rows.into_iter().map(|(e, m, a)| (EntryId(e), m, a)).collect())
                }

                async fn deploy_proposal(&self, edition: EditionId, by: UserId, now: i64) -> StoreResult<i64> {
                    let mut tx = self.begin_write().await?;
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO deployments (edition_id, deployed_at, deployed_by) VALUES ($1, $2, $3) RETURNING id",
                    )
                    .bind(edition.0)
                    .bind(now)
                    .bind(by.0)
                    .fetch_one(&mut *tx)
                    .await?;
                    let copied = sqlx::query(
                        "INSERT INTO assignments (deployment_id, entry_id, member_id, affinity) \
                         SELECT $1, entry_id, member_id, affinity FROM assignment_proposals WHERE edition_id = $2",
                    )
                    .bind(id)
                    .bind(edition.0)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    let change = AuditChange {
                        actor: Some(by.0),
                        edition: Some(edition.0),
                        action: "assignment deployed".into(),
                        subject: format!("deployment {id}"),
                        before: serde_json::Value::Null,
                        after: serde_json::json!({"assignments": copied}),
                    };
                    append_audit(&mut tx, &change, now).await?;
                    tx.commit().await?;
                    Ok(id)
                }

                async fn undo_deployment(&self, edition: EditionId, by: UserId, now: i64) -> StoreResult<Option<i64>> {
                    let mut tx = self.begin_write().await?;
                    let current: Option<i64> = sqlx::query_scalar(
                        "SELECT id FROM deployments WHERE edition_id = $1 AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
                    )
                    .bind(edition.0)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some(id) = current else { return Ok(None) };
                    sqlx::query("UPDATE deployments SET undone_at = $2 WHERE id = $1").bind(id).bind(now).execute(&mut *tx).await?;
                    let change = AuditChange {
                        actor: Some(by.0),
                        edition: Some(edition.0),
                        action: "assignment undone".into(),
                        subject: format!("deployment {id}"),
                        before: serde_json::json!({"in_force": true}),
                        after: serde_json::json!({"in_force": false}),
                    };
                    append_audit(&mut tx, &change, now).await?;
                    tx.commit().await?;
                    Ok(Some(id))
                }

                async fn deployments(&self, edition: EditionId) -> StoreResult<Vec<Deployment>> {
                    let rows: Vec<(i64, i64, Option<i64>)> = sqlx::query_as(
                        "SELECT id, deployed_at, undone_at FROM deployments WHERE edition_id = $1 ORDER BY id DESC",
                    )
                    .bind(edition.0)
                    .fetch_all(self.read())
                    .await?;
                    let mut deployments = Vec::new();
                    for (id, deployed_at, undone_at) in rows {
                        let pairs: Vec<(i64, i64, f64)> = sqlx::query_as(
                            "SELECT entry_id, member_id, affinity FROM assignments WHERE deployment_id = $1 ORDER BY entry_id, member_id",
                        )
                        .bind(id)
                        .fetch_all(self.read())
                        .await?;
                        let pairs = pairs.into_iter().map(|(e, m, a)| (EntryId(e), m, a)).collect();
                        deployments.push(Deployment { id, deployed_at, undone_at, pairs });
                    }
                    Ok(deployments)
                }

                async fn assignments_of(&self, member: i64) -> StoreResult<Vec<(EntryId, f64)>> {
                    let rows: Vec<(i64, f64)> = sqlx::query_as(
                        "SELECT a.entry_id, a.affinity FROM assignments a \
                         WHERE a.member_id = $1 AND a.deployment_id = ( \
                           SELECT d.id FROM deployments d JOIN committee_members m ON m.edition_id = d.edition_id \
                           WHERE m.id = $1 AND d.undone_at IS NULL ORDER BY d.id DESC LIMIT 1) \
                         ORDER BY a.entry_id",
                    )
                    .bind(member)
                    .fetch_all(self.read())
                    .await?;
                    Ok(rows.into_iter().map(|(e, a)| (EntryId(e), a)).collect())
                }

                async fn save_review(&self, review: ReviewWrite<'_>, by: UserId, now: i64) -> StoreResult<ReviewSave> {
                    let ReviewWrite { member, entry, content, version, submit } = review;
                    let mut tx = self.begin_write().await?;
                    let kept = read_review(&mut tx, member, entry).await?;
                    let kept_version = kept.as_ref().map(|r| r.version).unwrap_or(0);
                    if kept_version != version {
                        let kept = kept.expect("a version above 0 was kept");
                        return Ok(ReviewSave::Stale { kept });
                    }
                    let submitted_at = if submit { Some(now) } else { kept.as_ref().and_then(|r| r.submitted_at) };
                    sqlx::query(
                        "INSERT INTO reviews (member_id, entry_id, scores, comments, recommendation, confidence, version, updated_at, submitted_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                         ON CONFLICT (member_id, entry_id) DO UPDATE SET scores = $3, comments = $4, recommendation = $5, \
                           confidence = $6, version = $7, updated_at = $8, submitted_at = $9",
                    )
                    .bind(member)
                    .bind(entry.0)
                    .bind(to_json(&content.scores))
                    .bind(to_json(&content.comments))
                    .bind(content.recommendation.map(|r| r.as_str()))
                    .bind(content.confidence)
                    .bind(version + 1)
                    .bind(now)
                    .bind(submitted_at)
                    .execute(&mut *tx)
                    .await?;
                    if submit {
                        let edition: i64 = sqlx::query_scalar("SELECT edition_id FROM entries WHERE id = $1")
                            .bind(entry.0)
                            .fetch_one(&mut *tx)
                            .await?;
                        let change = AuditChange {
                            actor: Some(by.0),
                            edition: Some(edition),
                            action: "review submitted".into(),
                            subject: format!("member {member}, entry {entry}"),
                            before: serde_json::to_value(kept.map(|r| r.content)).unwrap_or_default(),
                            after: serde_json::to_value(content).unwrap_or_default(),
                        };
                        append_audit(&mut tx, &change, now).await?;
                    }
                    tx.commit().await?;
                    Ok(ReviewSave::Saved { version: version + 1 })
                }

                async fn entry_reviews(&self, entry: EntryId) -> StoreResult<Vec<StoredReview>> {
                    let rows: Vec<ReviewRow> = sqlx::query_as(
                        "SELECT member_id, scores, comments, recommendation, confidence, version, submitted_at FROM reviews \
                         WHERE entry_id = $1 ORDER BY member_id",
                    )
                    .bind(entry.0)
                    .fetch_all(self.read())
                    .await?;
                    rows.into_iter().map(review_of).collect()
                }

                async fn edition_reviews(&self, edition: EditionId) -> StoreResult<Vec<(i64, EntryId, bool)>> {
                    let rows: Vec<(i64, i64, Option<i64>)> = sqlx::query_as(
                        "SELECT r.member_id, r.entry_id, r.submitted_at FROM reviews r \
                         JOIN entries e ON e.id = r.entry_id WHERE e.edition_id = $1",
                    )
                    .bind(edition.0)
                    .fetch_all(self.read())
                    .await?;
                    Ok(rows.into_iter().map(|(m, e, s)| (m, EntryId(e), s.is_some())).collect())
                }

                async fn post_discussion(&self, entry: EntryId, member: i64, body: &str, now: i64) -> StoreResult<()> {
                    let mut tx = self.begin_write().await?;
                    sqlx::query("INSERT INTO discussion (entry_id, member_id, body, at) VALUES ($1, $2, $3, $4)")
                        .bind(entry.0)
                        .bind(member)
                        .bind(body)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn discussion(&self, entry: EntryId) -> StoreResult<Vec<(i64, String, i64)>> {
                    Ok(sqlx::query_as("SELECT member_id, body, at FROM discussion WHERE entry_id = $1 ORDER BY id")
                        .bind(entry.0)
                        .fetch_all(self.read())
                        .await?)
                }

                async fn log_evaluation(
                    &self,
                    edition: EditionId,
                    by: UserId,
                    action: &str,
                    detail: &serde_json::Value,
                    now: i64,
                ) -> StoreResult<()> {
                    let mut tx = self.begin_write().await?;
                    let change = AuditChange {
                        actor: Some(by.0),
                        edition: Some(edition.0),
                        action: action.into(),
                        subject: format!("edition {edition}"),
                        before: serde_json::Value::Null,
                        after: detail.clone(),
                    };
                    append_audit(&mut tx, &change, now).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn freeze_scores(&self, edition: EditionId, by: UserId, now: i64) -> StoreResult<usize> {
                    let mut tx = self.begin_write().await?;
                    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
                        "SELECT r.member_id, r.entry_id, r.scores FROM reviews r \
                         JOIN committee_members m ON m.id = r.member_id \
                         WHERE m.edition_id = $1 AND m.stage = 'technical_committee' AND r.submitted_at IS NOT NULL \
                         ORDER BY r.entry_id, r.member_id",
                    )
                    .bind(edition.0)
                    .fetch_all(&mut *tx)
                    .await?;
                    let sheets = rows
                        .into_iter()
                        .map(|(reviewer, entry, scores)| {
                            Ok(ScoreSheet {
                                reviewer,
                                entry: EntryId(entry),
                                scores: serde_json::from_str(&scores).map_err(|e| StoreError::Corrupt(format!("review: {e}")))?,
                            })
                        })
                        .collect::<StoreResult<Vec<_>>>()?;
                    sqlx::query("INSERT INTO score_snapshots (edition_id, taken_at, taken_by, sheets) VALUES ($1, $2, $3, $4)")
                        .bind(edition.0)
                        .bind(now)
                        .bind(by.0)
                        .bind(to_json(&sheets))
                        .execute(&mut *tx)
                        .await?;
                    let change = AuditChange {
                        actor: Some(by.0),
                        edition: Some(edition.0),
                        action: "scores frozen".into(),
                        subject: format!("edition {edition}"),
                        before: serde_json::Value::Null,
                        after: serde_json::json!({"reviews": sheets.len()}),
                    };
                    append_audit(&mut tx, &change, now).await?;
                    tx.commit().await?;
                    Ok(sheets.len())
                }

                async fn score_snapshot(&self, edition: EditionId) -> StoreResult<Option<(i64, Vec<ScoreSheet>)>> {
                    let row: Option<(i64, String)> = sqlx::query_as(
                        "SELECT taken_at, sheets FROM score_snapshots WHERE edition_id = $1 ORDER BY id DESC LIMIT 1",
                    )
                    .bind(edition.0)
                    .fetch_optional(self.read())
                    .await?;
                    row.map(|(at, sheets)| {
                        let sheets = serde_json::from_str(&sheets).map_err(|e| StoreError::Corrupt(format!("snapshot: {e}")))?;
                        Ok((at, sheets))
                    })
                    .transpose()
                }

                async fn cast_jury_ballot(&self, member: i64, edition: EditionId, ranking: &[Vec<EntryId>], now: i64) -> StoreResult<bool> {
                    let mut tx = self.begin_write().await?;
                    let closed: Option<i64> = sqlx::query_scalar("SELECT closed_at FROM jury_results WHERE edition_id = $1")
                        .bind(edition.0)
                        .fetch_optional(&mut *tx)
                        .await?;
                    if closed.is_some() {
                        return Ok(false);
                    }
                    sqlx::query(
                        "INSERT INTO jury_ballots (member_id, edition_id, ranking, cast_at) VALUES ($1, $2, $3, $4) \
                         ON CONFLICT (member_id, edition_id) DO UPDATE SET ranking = $3, cast_at = $4",
                    )
                    .bind(member)
                    .bind(edition.0)
                    .bind(to_json(&ranking))
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    // The log says who voted when, never how: the ballot stays sealed.
                    let change = AuditChange {
                        actor: None,
                        edition: Some(edition.0),
                        action: "jury ballot cast".into(),
                        subject: format!("member {member}"),
                        before: serde_json::Value::Null,
                        after: serde_json::Value::Null,
                    };
                    append_audit(&mut tx, &change, now).await?;
                    tx.commit().await?;
                    Ok(true)
                }

                async fn jury_ballots(&self, edition: EditionId) -> StoreResult<Vec<(i64, Vec<Vec<EntryId>>)>> {
                    let rows: Vec<(i64, String)> =
                        sqlx::query_as("SELECT member_id, ranking FROM jury_ballots WHERE edition_id = $1 ORDER BY member_id")
                            .bind(edition.0)
                            .fetch_all(self.read())
                            .await?;
                    rows.into_iter()
                        .map(|(m, r)| Ok((m, serde_json::from_str(&r).map_err(|e| StoreError::Corrupt(format!("jury ballot: {e}")))?)))
                        .collect()
                }

                async fn jury_voters(&self, edition: EditionId) -> StoreResult<Vec<i64>> {
                    Ok(sqlx::query_scalar("SELECT member_id FROM jury_ballots WHERE edition_id = $1 ORDER BY member_id")
                        .bind(edition.0)
                        .fetch_all(self.read())
                        .await?)
                }

                async fn close_jury_vote(&self, edition: EditionId, result: &JuryResult, by: UserId) -> StoreResult<()> {
                    let mut tx = self.begin_write().await?;
                    sqlx::query(
                        "INSERT INTO jury_results (edition_id, method, ranking, ties, closed_at, closed_by) VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(edition.0)
                    .bind(&result.method)
                    .bind(to_json(&result.ranking))
                    .bind(to_json(&result.ties))
                    .bind(result.closed_at)
                    .bind(by.0)
                    .execute(&mut *tx)
                    .await?;
                    let change = AuditChange {
                        actor: Some(by.0),
                        edition: Some(edition.0),
                        action: "jury vote closed".into(),
                        subject: format!("edition {edition}"),
                        before: serde_json::Value::Null,
                        after: serde_json::to_value(result).unwrap_or_default(),
                    };
                    append_audit(&mut tx, &change, result.closed_at).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn jury_result(&self, edition: EditionId) -> StoreResult<Option<JuryResult>> {
                    let row: Option<(String, String, String, i64, Option<i64>)> = sqlx::query_as(
                        "SELECT method, ranking, ties, closed_at, published_at FROM jury_results WHERE edition_id = $1",
                    )
                    .bind(edition.0)
                    .fetch_optional(self.read())
                    .await?;
                    row.map(|(method, ranking, ties, closed_at, published_at)| {
                        let corrupt = |e: serde_json::Error| StoreError::Corrupt(format!("jury result: {e}"));
                        Ok(JuryResult {
                            method,
                            ranking: serde_json::from_str(&ranking).map_err(corrupt)?,
                            ties: serde_json::from_str(&ties).map_err(corrupt)?,
                            closed_at,
                            published_at,
                        })
                    })
                    .transpose()
                }

                async fn publish_jury_result(&self, edition: EditionId, winners: usize, by: UserId, now: i64) -> StoreResult<()> {
                    let mut tx = self.begin_write().await?;
                    let ranking: String = sqlx::query_scalar("SELECT ranking FROM jury_results WHERE edition_id = $1")
                        .bind(edition.0)
                        .fetch_one(&mut *tx)
                        .await?;
                    let ranking: Vec<EntryId> =
                        serde_json::from_str(&ranking).map_err(|e| StoreError::Corrupt(format!("jury result: {e}")))?;
                    let mut before = Vec::new();
                    let mut after = Vec::new();
                    for (place, entry) in ranking.iter().enumerate() {
                        let status: String = sqlx::query_scalar("SELECT status FROM entries WHERE id = $1")
                            .bind(entry.0)
                            .fetch_one(&mut *tx)
                            .await?;
                        let new = if place < winners { EntryStatus::Winner } else { EntryStatus::MedalOfHonour };
                        sqlx::query("UPDATE entries SET status = $2 WHERE id = $1")
                            .bind(entry.0)
                            .bind(new.as_str())
                            .execute(&mut *tx)
                            .await?;
                        before.push(serde_json::json!([entry, status]));
                        after.push(serde_json::json!([entry, new]));
                    }
                    sqlx::query("UPDATE jury_results SET published_at = $2 WHERE edition_id = $1")
                        .bind(edition.0)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                    let change = AuditChange {
                        actor: Some(by.0),
                        edition: Some(edition.0),
                        action: "results published".into(),
                        subject: format!("edition {edition}"),
                        before: serde_json::Value::Array(before),
                        after: serde_json::Value::Array(after),
                    };
                    append_audit(&mut tx, &change, now).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn open_decision_round(&self, round: &NewRound<'_>, by: UserId, now: i64) -> StoreResult<Result<i64, RoundError>> {
                    let mut tx = self.begin_write().await?;
                    let existing: Vec<(String, Option<i64>)> =
                        sqlx::query_as("SELECT list_kind, confirmed_at FROM decision_rounds WHERE edition_id = $1")
                            .bind(round.edition.0)
                            .fetch_all(&mut *tx)
                            .await?;
                    let of = |list: ListKind| existing.iter().find(|(l, _)| l == list.as_str());
                    if of(round.list).is_some() {
                        return Ok(Err(RoundError::Exists));
                    }
                    match round.list {
                        ListKind::LongList if of(ListKind::Shortlist).is_some() => return Ok(Err(RoundError::ShortlistStarted)),
                        ListKind::Shortlist if round.needs_long_list && of(ListKind::LongList).is_none_or(|(_, at)| at.is_none()) => {
                            return Ok(Err(RoundError::LongListFirst));
                        }
                        _ => {}
                    }
                    // The unique key settles two Secretariat tabs opening the same list at once.
                    let id: Option<i64> = sqlx::query_scalar(
                        "INSERT INTO decision_rounds (edition_id, list_kind, size, unlisted_status, candidates, opened_at, opened_by) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (edition_id, list_kind) DO NOTHING RETURNING id",
                    )
                    .bind(round.edition.0)
                    .bind(round.list.as_str())
                    .bind(round.size)
                    .bind(round.unlisted_status.as_str())
                    .bind(to_json(&round.candidates))
                    .bind(now)
                    .bind(by.0)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some(id) = id else { return Ok(Err(RoundError::Exists)) };
                    let change = AuditChange {
                        actor: Some(by.0),
                        edition: Some(round.edition.0),
                        action: "decision round opened".into(),
                        subject: format!("{} round {id}", round.list),
                        before: serde_json::Value::Null,
                        after: serde_json::json!({"list": round.list, "size": round.size, "candidates": round.candidates}),
                    };
                    append_audit(&mut tx, &change, now).await?;
                    tx.commit().await?;
                    Ok(Ok(id))
                }

                async fn decision_rounds(&self, edition: EditionId) -> StoreResult<Vec<DecisionRound>> {
                    let rows: Vec<RoundRow> = sqlx::query_as(&format!("{ROUND_COLUMNS} WHERE edition_id = $1 ORDER BY id"))
                        .bind(edition.0)
                        .fetch_all(self.read())
                        .await?;
                    rows.into_iter().map(round_of).collect()
                }

                async fn decision_round(&self, round: i64) -> StoreResult<Option<DecisionRound>> {
                    let row: Option<RoundRow> = sqlx::query_as(&format!("{ROUND_COLUMNS} WHERE id = $1"))
                        .bind(round)
                        .fetch_optional(self.read())
                        .await?;
                    row.map(round_of).transpose()
                }

                async fn cast_approval_ballot(
                    &self,
                    round: i64,
                    member: i64,
                    approved: &[EntryId],
                    by: UserId,
                    now: i64,
                ) -> StoreResult<bool> {
                    let mut tx = self.begin_write().await?;
                    // A write on the round's row: a close waits for this ballot, or this ballot sees the close.
                    let open = sqlx::query("UPDATE decision_rounds SET last_ballot_at = $2 WHERE id = $1 AND closed_at IS NULL")
                        .bind(round)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                    if open == 0 {
                        return Ok(false);
                    }
                    let edition: i64 = sqlx::query_scalar("SELECT edition_id FROM decision_rounds WHERE id = $1")
                        .bind(round)
                        .fetch_one(&mut *tx)
                        .await?;
                    let before: Option<String> =
                        sqlx::query_scalar("SELECT approved FROM approval_ballots WHERE round_id = $1 AND member_id = $2")
                            .bind(round)
                            .bind(member)
                            .fetch_optional(&mut *tx)
                            .await?;
                    sqlx::query(
                        "INSERT INTO approval_ballots (round_id, member_id, approved, cast_at) VALUES ($1, $2, $3, $4) \
                         ON CONFLICT (round_id, member_id) DO UPDATE SET approved = $3, cast_at = $4",
                    )
                    .bind(round)
                    .bind(member)
                    .bind(to_json(&approved))
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    let before = match before {
                        Some(text) => serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(format!("approval ballot: {e}")))?,
                        None => serde_json::Value::Null,
                    };
                    let change = AuditChange {
                        actor: Some(by.0),
                        edition: Some(edition),
                        action: "approval ballot cast".into(),
                        subject: format!("member {member}, round {round}"),
                        before,
                        after: serde_json::json!(approved),
                    };
                    append_audit(&mut tx, &change, now).await?;
                    tx.commit().await?;
                    Ok(true)
                }

                async fn approval_ballots(&self, round: i64) -> StoreResult<Vec<ApprovalBallot>> {
                    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
                        "SELECT member_id, approved, cast_at FROM approval_ballots WHERE round_id = $1 ORDER BY member_id",
                    )
                    .bind(round)
                    .fetch_all(self.read())
                    .await?;
                    rows.into_iter()
                        .map(|(member, approved, cast_at)| {
                            let approved = serde_json::from_str(&approved).map_err(|e| StoreError::Corrupt(format!("approval ballot: {e}")))?;
                            Ok(ApprovalBallot { member, approved, cast_at })
                        })
                        .collect()
                }

                async fn close_decision_round(
                    &self,
                    round: i64,
                    blocked: &std::collections::BTreeSet<(i64, EntryId)>,
                    by: UserId,
                    now: i64,
                ) -> StoreResult<Result<Proposal, RoundError>> {
                    let mut tx = self.begin_write().await?;
                    let closed = sqlx::query("UPDATE decision_rounds SET closed_at = $2, closed_by = $3 WHERE id = $1 AND closed_at IS NULL")
                        .bind(round)
                        .bind(now)
                        .bind(by.0)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                    if closed == 0 {
                        return Ok(Err(RoundError::Closed));
                    }
                    let row: RoundRow = sqlx::query_as(&format!("{ROUND_COLUMNS} WHERE id = $1")).bind(round).fetch_one(&mut *tx).await?;
                    let current = round_of(row)?;
                    let ballots: Vec<(i64, String)> =
                        sqlx::query_as("SELECT member_id, approved FROM approval_ballots WHERE round_id = $1 ORDER BY member_id")
                            .bind(round)
                            .fetch_all(&mut *tx)
                            .await?;
                    let ballots = ballots
                        .into_iter()
                        .map(|(member, approved)| {
                            Ok((member, serde_json::from_str(&approved).map_err(|e| StoreError::Corrupt(format!("approval ballot: {e}")))?))
                        })
                        .collect::<StoreResult<Vec<(i64, Vec<EntryId>)>>>()?;
                    let proposal = propose(&current.candidates, &ballots, blocked, current.size.max(0) as usize);
                    sqlx::query("UPDATE decision_rounds SET proposal = $2 WHERE id = $1")
                        .bind(round)
                        .bind(to_json(&proposal))
                        .execute(&mut *tx)
                        .await?;
                    let change = AuditChange {
                        actor: Some(by.0),
                        edition: Some(current.edition.0),
                        action: "decision round closed".into(),
                        subject: format!("{} round {round}", current.list),
                        before: serde_json::json!({"ballots": ballots.len()}),
                        after: serde_json::to_value(&proposal).unwrap_or_default(),
                    };
                    append_audit(&mut tx, &change, now).await?;
                    tx.commit().await?;
                    Ok(Ok(proposal))
                }

                async fn reopen_decision_round(&self, round: i64, by: UserId, now: i64) -> StoreResult<Result<(), RoundError>> {
                    let mut tx = self.begin_write().await?;
                    let row: Option<RoundRow> =
                        sqlx::query_as(&format!("{ROUND_COLUMNS} WHERE id = $1")).bind(round).fetch_optional(&mut *tx).await?;
                    let Some(current) = row.map(round_of).transpose()? else { return Ok(Err(RoundError::StillOpen)) };
                    if current.confirmed_at.is_some() {
                        return Ok(Err(RoundError::Confirmed));
                    }
                    let reopened = sqlx::query(
                        "UPDATE decision_rounds SET closed_at = NULL, closed_by = NULL, proposal = NULL \
                         WHERE id = $1 AND closed_at IS NOT NULL AND confirmed_at IS NULL",
                    )
                    .bind(round)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    if reopened == 0 {
                        return Ok(Err(RoundError::StillOpen));
                    }
                    let change = AuditChange {
                        actor: Some(by.0),
                        edition: Some(current.edition.0),
                        action: "decision round reopened".into(),
                        subject: format!("{} round {round}", current.list),
                        before: serde_json::to_value(&current.proposal).unwrap_or_default(),
                        after: serde_json::json!({"open": true}),
                    };
                    append_audit(&mut tx, &change, now).await?;
                    tx.commit().await?;
                    Ok(Ok(()))
                }

                async fn confirm_decision_round(
                    &self,
                    round: i64,
                    confirmation: &Confirmation,
                    by: UserId,
                    now: i64,
                ) -> StoreResult<Result<(), RoundError>> {
                    let mut tx = self.begin_write().await?;
                    let row: Option<RoundRow> =
                        sqlx::query_as(&format!("{ROUND_COLUMNS} WHERE id = $1")).bind(round).fetch_optional(&mut *tx).await?;
                    let Some(current) = row.map(round_of).transpose()? else { return Ok(Err(RoundError::StillOpen)) };
                    let confirmed = sqlx::query(
                        "UPDATE decision_rounds SET confirmed_at = $2, confirmed_by = $3, confirmation = $4 \
                         WHERE id = $1 AND closed_at IS NOT NULL AND confirmed_at IS NULL",
                    )
                    .bind(round)
                    .bind(now)
                    .bind(by.0)
                    .bind(to_json(confirmation))
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    if confirmed == 0 {
                        return Ok(Err(if current.closed_at.is_none() { RoundError::StillOpen } else { RoundError::Confirmed }));
                    }
                    let listed_status = current.list.listed_status();
                    let range = current.unlisted_status..=listed_status;
                    let mut changed = Vec::new();
                    for entry in &current.candidates {
                        let status: String = sqlx::query_scalar("SELECT status FROM entries WHERE id = $1")
                            .bind(entry.0)
                            .fetch_one(&mut *tx)
                            .await?;
                        let status: EntryStatus = status.parse().map_err(|e: UnknownValue| StoreError::Corrupt(e.to_string()))?;
                        let listed = confirmation.listed.contains(entry);
                        if !range.contains(&status) {
                            // Only an entry on the list must still be a candidate; one left off that went
                            // elsewhere (withdrawn, screened out) is left as it is.
                            if listed {
                                return Ok(Err(RoundError::NoLongerCandidate { entry: *entry, status }));
                            }
                            continue;
                        }
                        let new = if listed { listed_status } else { current.unlisted_status };
                        if new != status {
                            changed.push((*entry, status, new));
                        }
                    }
                    for (entry, before, after) in &changed {
                        sqlx::query("UPDATE entries SET status = $2 WHERE id = $1")
                            .bind(entry.0)
                            .bind(after.as_str())
                            .execute(&mut *tx)
                            .await?;
                        let change = AuditChange {
                            actor: Some(by.0),
                            edition: Some(current.edition.0),
                            action: "list decision".into(),
                            subject: format!("entry {entry}"),
                            before: serde_json::json!({"status": before}),
                            after: serde_json::json!({"status": after, "list": current.list}),
                        };
                        append_audit(&mut tx, &change, now).await?;
                    }
                    let change = AuditChange {
                        actor: Some(by.0),
                        edition: Some(current.edition.0),
                        action: "list confirmed".into(),
                        subject: format!("{} round {round}", current.list),
                        before: serde_json::json!({"proposed": current.proposal.map(|p| p.listed)}),
                        after: serde_json::to_value(confirmation).unwrap_or_default(),
                    };
                    append_audit(&mut tx, &change, now).await?;
                    tx.commit().await?;
                    Ok(Ok(()))
                }
            }
        }
    };
}
pub(super) use evaluation_store;
