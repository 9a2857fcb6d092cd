//! Storage of the public vote: [`VoteStore`], part of every [`Store`](super::Store), with its SQL
//! written once for both engines by `vote_store!` (like `shared_store!`).

use async_trait::async_trait;
use serde::Serialize;

use super::{NewMail, StoreResult};
use crate::domain::{EditionId, EntryId, UserId};
use crate::vote::VoteSettings;

/// A voter's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct VoterId(pub i64);

/// A one-time code to send.
#[derive(Debug, Clone)]
pub struct NewVoteCode {
    pub edition: EditionId,
    pub identity: String,
    pub code_hash: String,
    pub expires_at: i64,
}

/// A voter session to open when a code is right.
#[derive(Debug, Clone)]
pub struct NewVoterSession {
    pub token_hash: String,
    pub csrf: String,
    pub expires_at: i64,
}

/// A code may be tried this many times before it is spent.
pub const CODE_ATTEMPTS: i64 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeOutcome {
    Verified(VoterId),
    Wrong {
        attempts_left: i64,
    },
    /// No code that is still valid: none sent, expired, used, or tried too often.
    NoValidCode,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoterSession {
    pub voter: VoterId,
    pub edition: EditionId,
    pub identity: String,
    pub csrf: String,
    pub expires_at: i64,
}

/// A ballot to count. Its period and the most ballots allowed in it come from the vote rules.
#[derive(Debug, Clone)]
pub struct NewBallot {
    pub edition: EditionId,
    pub voter: VoterId,
    pub receipt: String,
    pub period: String,
    pub max_per_period: u32,
    pub choices: Vec<EntryId>,
    pub cast_at: i64,
    pub ip: String,
    pub subnet: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CastOutcome {
    Counted,
    /// The identity has used its ballots for this period.
    LimitReached,
}

/// What the check page tells a voter about a receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BallotStatus {
    pub cast_at: i64,
    pub invalid_reason: Option<String>,
}

/// A ballot as the tally, chart and anomaly report read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBallot {
    pub receipt: String,
    pub choices: Vec<EntryId>,
    pub cast_at: i64,
    pub counted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubnetCluster {
    pub subnet: String,
    pub identities: i64,
    pub ballots: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdentityActivity {
    pub identity: String,
    pub ballots: i64,
    pub first_at: i64,
    pub last_at: i64,
    pub days: i64,
}

/// Which ballots the Secretariat invalidates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BallotSelection {
    Receipts(Vec<String>),
    Identity(String),
    Subnet(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VoteEvent {
    pub at: i64,
    pub user_name: Option<String>,
    pub action: String,
    pub detail: String,
}

/// The certified result of a vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertifiedVote {
    pub certified_at: i64,
    pub counted: i64,
    pub invalidated: i64,
    pub tally: Vec<(EntryId, u64)>,
    /// Counted ballots per hour or day, for the chart.
    pub timeline: Vec<(i64, u64)>,
    pub digest: String,
}

#[async_trait]
pub trait VoteStore: Send + Sync {
    async fn vote_settings(&self, edition: EditionId) -> StoreResult<Option<VoteSettings>>;
    /// Saves the settings and logs the change.
    async fn save_vote_settings(
        &self,
        edition: EditionId,
        settings: &VoteSettings,
        by: UserId,
        now: i64,
    ) -> StoreResult<()>;
    /// Editions with a public vote, newest first.
    async fn votes(&self) -> StoreResult<Vec<(EditionId, VoteSettings)>>;

    /// Keeps a code, and queues its e-mail in the same transaction when there is one.
    async fn add_vote_code(&self, code: &NewVoteCode, mail: Option<&NewMail>, now: i64) -> StoreResult<()>;
    /// Checks a code against the newest valid one of the identity; a right code is spent and
    /// opens a voter session, a wrong one uses up an attempt.
    async fn verify_vote_code(
        &self,
        edition: EditionId,
        identity: &str,
        code_hash: &str,
        session: &NewVoterSession,
        now: i64,
    ) -> StoreResult<CodeOutcome>;
    /// Makes (or finds) a verified voter and opens a session, without a code: for tools that
    /// prepare voters (benchmarks, imports of verified lists).
    async fn open_voter_session(
        &self,
        edition: EditionId,
        identity: &str,
        session: &NewVoterSession,
        now: i64,
    ) -> StoreResult<VoterId>;
    async fn voter_session(&self, token_hash: &str, now: i64) -> StoreResult<Option<VoterSession>>;
    async fn close_voter_session(&self, token_hash: &str) -> StoreResult<()>;

    /// Counts ballots in one transaction, each only if its voter has a ballot left in its
    /// period; returns an outcome per ballot, in order, once durable.
    async fn cast_ballots(&self, ballots: &[NewBallot]) -> StoreResult<Vec<CastOutcome>>;
    async fn ballots_in_period(&self, voter: VoterId, period: &str) -> StoreResult<i64>;
    async fn ballot_status(&self, edition: EditionId, receipt: &str) -> StoreResult<Option<BallotStatus>>;
    /// Every ballot of the edition, counted or invalidated, in the order cast.
    async fn ballots(&self, edition: EditionId) -> StoreResult<Vec<StoredBallot>>;

    /// Subnets from which at least `min_identities` identities voted, most first.
    async fn subnet_clusters(&self, edition: EditionId, min_identities: i64) -> StoreResult<Vec<SubnetCluster>>;
    /// Every identity that voted, with its counted ballots, most first.
    async fn identity_activity(&self, edition: EditionId) -> StoreResult<Vec<IdentityActivity>>;
    /// Invalidates the counted ballots selected, with the reason, and logs it; returns how many.
    async fn invalidate_ballots(
        &self,
        edition: EditionId,
        selection: &BallotSelection,
        reason: &str,
        by: UserId,
        now: i64,
    ) -> StoreResult<i64>;
    async fn vote_events(&self, edition: EditionId) -> StoreResult<Vec<VoteEvent>>;

    /// Records the certified result, sets each candidate's public votes, and logs it.
    async fn certify_vote(&self, edition: EditionId, result: &CertifiedVote, by: UserId) -> StoreResult<()>;
    async fn certified_vote(&self, edition: EditionId) -> StoreResult<Option<CertifiedVote>>;
}

macro_rules! vote_store {
    ($store:ty, $db:ty) => {
        mod vote_sql {
            use super::*;
            use crate::storage::NewMail;
            use crate::storage::vote::*;
            use crate::vote::VoteSettings;

            fn parse_settings(text: &str) -> StoreResult<VoteSettings> {
                serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("vote settings: {e}")))
            }

            fn parse_choices(text: &str) -> StoreResult<Vec<EntryId>> {
                serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("ballot choices: {e}")))
            }

            async fn log(
                tx: &mut <$db as sqlx::Database>::Connection,
                edition: EditionId,
                by: Option<UserId>,
                action: &str,
                detail: &str,
                now: i64,
            ) -> StoreResult<()> {
                sqlx::query("INSERT INTO vote_events (edition_id, at, user_id, action, detail) VALUES ($1, $2, $3, $4, $5)")
                    .bind(edition.0)
                    .bind(now)
                    .bind(by.map(|u| u.0))
                    .bind(action)
                    .bind(detail)
                    .execute(&mut *tx)
                    .await?;
                Ok(())
            }

            async fn upsert_voter(
                tx: &mut <$db as sqlx::Database>::Connection,
                edition: EditionId,
                identity: &str,
                session: &NewVoterSession,
                now: i64,
            ) -> StoreResult<VoterId> {
                sqlx::query(
                    "INSERT INTO voters (edition_id, identity, verified_at) VALUES ($1, $2, $3) \
                     ON CONFLICT (edition_id, identity) DO NOTHING",
                )
                .bind(edition.0)
                .bind(identity)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                let voter: i64 = sqlx::query_scalar("SELECT id FROM voters WHERE edition_id = $1 AND identity = $2")
                    .bind(edition.0)
                    .bind(identity)
                    .fetch_one(&mut *tx)
                    .await?;
                sqlx::query(
                    "INSERT INTO voter_sessions (token_hash, voter_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(&session.token_hash)
                .bind(voter)
                .bind(&session.csrf)
                .bind(now)
                .bind(session.expires_at)
                .execute(&mut *tx)
                .await?;
                Ok(VoterId(voter))
            }

            #[async_trait]
            impl VoteStore for $store {
                async fn vote_settings(&self, edition: EditionId) -> StoreResult<Option<VoteSettings>> {
                    let text: Option<String> = sqlx::query_scalar("SELECT settings FROM vote_settings WHERE edition_id = $1")
                        .bind(edition.0)
                        .fetch_optional(self.read())
                        .await?;
                    text.as_deref().map(parse_settings).transpose()
                }

                async fn save_vote_settings(
                    &self,
                    edition: EditionId,
                    settings: &VoteSettings,
                    by: UserId,
                    now: i64,
                ) -> StoreResult<()> {
                    let text = to_json(settings);
                    let mut tx = self.begin_write().await?;
                    sqlx::query(
                        "INSERT INTO vote_settings (edition_id, settings, updated_at, updated_by) VALUES ($1, $2, $3, $4) \
                         ON CONFLICT (edition_id) DO UPDATE SET settings = $2, updated_at = $3, updated_by = $4",
                    )
                    .bind(edition.0)
                    .bind(&text)
                    .bind(now)
                    .bind(by.0)
                    .execute(&mut *tx)
                    .await?;
                    log(&mut tx, edition, Some(by), "settings", &text, now).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn votes(&self) -> StoreResult<Vec<(EditionId, VoteSettings)>> {
                    let rows: Vec<(i64, String)> = sqlx::query_as(
                        "SELECT v.edition_id, v.settings FROM vote_settings v JOIN editions ed ON ed.id = v.edition_id \
                         ORDER BY ed.year DESC, ed.id DESC",
                    )
                    .fetch_all(self.read())
                    .await?;
                    rows.into_iter().map(|(id, text)| Ok((EditionId(id), parse_settings(&text)?))).collect()
                }

                async fn add_vote_code(&self, code: &NewVoteCode, mail: Option<&NewMail>, now: i64) -> StoreResult<()> {
                    let mut tx = self.begin_write().await?;
                    sqlx::query(
                        "INSERT INTO vote_codes (edition_id, identity, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(code.edition.0)
                    .bind(&code.identity)
                    .bind(&code.code_hash)
                    .bind(now)
                    .bind(code.expires_at)
                    .execute(&mut *tx)
                    .await?;
                    if let Some(mail) = mail {
                        insert_mail(&mut tx, mail, now).await?;
                    }
                    tx.commit().await?;
                    Ok(())
                }

                async fn verify_vote_code(
                    &self,
                    edition: EditionId,
                    identity: &str,
                    code_hash: &str,
                    session: &NewVoterSession,
                    now: i64,
                ) -> StoreResult<CodeOutcome> {
                    let mut tx = self.begin_write().await?;
                    // Only the newest code counts: asking again replaces the one before.
                    let newest: Option<(i64, String, i64, i64, Option<i64>)> = sqlx::query_as(
                        "SELECT id, code_hash, attempts, expires_at, consumed_at FROM vote_codes \
                         WHERE edition_id = $1 AND identity = $2 ORDER BY id DESC LIMIT 1",
                    )
                    .bind(edition.0)
                    .bind(identity)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some((id, stored, attempts, expires_at, consumed_at)) = newest else {
                        return Ok(CodeOutcome::NoValidCode);
                    };
                    if consumed_at.is_some() || expires_at <= now || attempts >= CODE_ATTEMPTS {
                        return Ok(CodeOutcome::NoValidCode);
                    }
                    if !crate::auth::same_secret(&stored, code_hash) {
                        sqlx::query("UPDATE vote_codes SET attempts = attempts + 1 WHERE id = $1")
                            .bind(id)
                            .execute(&mut *tx)
                            .await?;
                        tx.commit().await?;
                        return Ok(CodeOutcome::Wrong { attempts_left: CODE_ATTEMPTS - attempts - 1 });
                    }
                    sqlx::query("UPDATE vote_codes SET consumed_at = $2 WHERE id = $1")
                        .bind(id)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                    let voter = upsert_voter(&mut tx, edition, identity, session, now).await?;
                    tx.commit().await?;
                    Ok(CodeOutcome::Verified(voter))
                }

                async fn open_voter_session(
                    &self,
                    edition: EditionId,
                    identity: &str,
                    session: &NewVoterSession,
                    now: i64,
                ) -> StoreResult<VoterId> {
                    let mut tx = self.begin_write().await?;
                    let voter = upsert_voter(&mut tx, edition, identity, session, now).await?;
                    tx.commit().await?;
                    Ok(voter)
                }

                async fn voter_session(&self, token_hash: &str, now: i64) -> StoreResult<Option<VoterSession>> {
                    let row: Option<(i64, i64, String, String, i64)> = sqlx::query_as(
                        "SELECT v.id, v.edition_id, v.identity, s.csrf, s.expires_at FROM voter_sessions s \
                         JOIN voters v ON v.id = s.voter_id WHERE s.token_hash = $1 AND s.expires_at > $2",
                    )
                    .bind(token_hash)
                    .bind(now)
                    .fetch_optional(self.read())
                    .await?;
                    Ok(row.map(|(voter, edition, identity, csrf, expires_at)| VoterSession {
                        voter: VoterId(voter),
                        edition: EditionId(edition),
                        identity,
                        csrf,
                        expires_at,
                    }))
                }

                async fn close_voter_session(&self, token_hash: &str) -> StoreResult<()> {
                    let mut tx = self.begin_write().await?;
                    sqlx::query("DELETE FROM voter_sessions WHERE token_hash = $1").bind(token_hash).execute(&mut *tx).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn cast_ballots(&self, ballots: &[NewBallot]) -> StoreResult<Vec<CastOutcome>> {
                    use std::collections::{HashMap, HashSet};
                    // Rows a statement carries: 9 parameters each stays far under both engines'
                    // limits on parameters per statement.
                    const ROWS_PER_STATEMENT: usize = 500;
                    let mut tx = self.begin_write().await?;
                    // What each identity has cast in its period so far: its highest sequence number
                    // (ballots are numbered 1, 2, … per identity and period), one index seek each
                    // rather than a count that walks all its ballots. One statement per chunk of
                    // identities, answering one row of JSON: each row crosses from the database's
                    // thread (or socket) on its own, which cost more than the seeks.
                    let mut cast: HashMap<(i64, &str), i64> = HashMap::new();
                    let pairs: HashSet<(i64, &str)> = ballots.iter().map(|b| (b.voter.0, b.period.as_str())).collect();
                    let wanted: Vec<(i64, &str)> = pairs.iter().copied().collect();
                    let periods: HashSet<&str> = pairs.iter().map(|(_, period)| *period).collect();
                    for chunk in wanted.chunks(ROWS_PER_STATEMENT) {
                        let mut query = sqlx::QueryBuilder::<$db>::new("WITH wanted (voter_id, period) AS (");
                        query.push_values(chunk, |mut row, (voter, period)| {
                            row.push_bind(*voter).push_bind(*period);
                        });
                        query.push(format!(
                            ") SELECT {} FROM (SELECT voter_id, period, (SELECT MAX(seq) FROM ballots b \
                             WHERE b.voter_id = wanted.voter_id AND b.period = wanted.period) AS n FROM wanted) AS highest \
                             WHERE n IS NOT NULL",
                            <$store>::json_rows("voter_id, period, n")
                        ));
                        let rows: Option<String> = query.build_query_scalar().fetch_one(&mut *tx).await?;
                        let rows: Vec<(i64, String, i64)> = match rows {
                            Some(json) => serde_json::from_str(&json)
                                .map_err(|e| StoreError::Corrupt(format!("ballot counts: {e}")))?,
                            None => Vec::new(),
                        };
                        for (voter, period, highest) in rows {
                            if let Some(period) = periods.get(period.as_str()) {
                                cast.insert((voter, *period), highest);
                            }
                        }
                    }
                    // Each ballot under its identity's limit gets the next sequence number; the
                    // rest are refused here. UNIQUE (voter, period, seq) still refuses a twin that
                    // another writer (another server on PostgreSQL) slipped in since the read:
                    // such a row is not written, and its ballot is refused too.
                    let mut outcomes = vec![CastOutcome::LimitReached; ballots.len()];
                    let mut rows = Vec::with_capacity(ballots.len());
                    for (n, ballot) in ballots.iter().enumerate() {
                        let count = cast.entry((ballot.voter.0, ballot.period.as_str())).or_insert(0);
                        if *count < i64::from(ballot.max_per_period) {
                            *count += 1;
                            rows.push((n, *count));
                        }
                    }
                    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
                        let mut query = sqlx::QueryBuilder::<$db>::new(
                            "INSERT INTO ballots (edition_id, voter_id, receipt, period, seq, choices, cast_at, ip, subnet) ",
                        );
                        query.push_values(chunk, |mut row, (n, seq)| {
                            let ballot = &ballots[*n];
                            row.push_bind(ballot.edition.0)
                                .push_bind(ballot.voter.0)
                                .push_bind(ballot.receipt.clone())
                                .push_bind(ballot.period.clone())
                                .push_bind(*seq)
                                .push_bind(to_json(&ballot.choices))
                                .push_bind(ballot.cast_at)
                                .push_bind(ballot.ip.clone())
                                .push_bind(ballot.subnet.clone());
                        });
                        query.push(" ON CONFLICT DO NOTHING");
                        // Without RETURNING (a row back per ballot): all written is the rule; only
                        // when some were not is it asked which.
                        let written = query.build().execute(&mut *tx).await?.rows_affected();
                        if written == chunk.len() as u64 {
                            for (n, _) in chunk {
                                outcomes[*n] = CastOutcome::Counted;
                            }
                            continue;
                        }
                        let mut query = sqlx::QueryBuilder::<$db>::new(
                            "SELECT receipt, voter_id, period, seq FROM ballots WHERE receipt IN (",
                        );
                        let mut list = query.separated(", ");
                        for (n, _) in chunk {
                            list.push_bind(ballots[*n].receipt.clone());
                        }
                        query.push(")");
                        let stored: HashSet<(String, i64, String, i64)> =
                            query.build_query_as().fetch_all(&mut *tx).await?.into_iter().collect();
                        for (n, seq) in chunk {
                            let ballot = &ballots[*n];
                            if stored.contains(&(ballot.receipt.clone(), ballot.voter.0, ballot.period.clone(), *seq)) {
                                outcomes[*n] = CastOutcome::Counted;
                            }
                        }
                    }
                    tx.commit().await?;
                    Ok(outcomes)
                }

                async fn ballots_in_period(&self, voter: VoterId, period: &str) -> StoreResult<i64> {
                    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM ballots WHERE voter_id = $1 AND period = $2")
                        .bind(voter.0)
                        .bind(period)
                        .fetch_one(self.read())
                        .await?)
                }

                async fn ballot_status(&self, edition: EditionId, receipt: &str) -> StoreResult<Option<BallotStatus>> {
                    let row: Option<(i64, Option<String>)> =
                        sqlx::query_as("SELECT cast_at, invalid_reason FROM ballots WHERE edition_id = $1 AND receipt = $2")
                            .bind(edition.0)
                            .bind(receipt)
                            .fetch_optional(self.read())
                            .await?;
                    Ok(row.map(|(cast_at, invalid_reason)| BallotStatus { cast_at, invalid_reason }))
                }

                async fn ballots(&self, edition: EditionId) -> StoreResult<Vec<StoredBallot>> {
                    let rows: Vec<(String, String, i64, Option<i64>)> = sqlx::query_as(
                        "SELECT receipt, choices, cast_at, invalidated_at FROM ballots WHERE edition_id = $1 ORDER BY cast_at, id",
                    )
                    .bind(edition.0)
                    .fetch_all(self.read())
                    .await?;
                    rows.into_iter()
                        .map(|(receipt, choices, cast_at, invalidated_at)| {
                            Ok(StoredBallot {
                                receipt,
                                choices: parse_choices(&choices)?,
                                cast_at,
                                counted: invalidated_at.is_none(),
                            })
                        })
                        .collect()
                }

                async fn subnet_clusters(&self, edition: EditionId, min_identities: i64) -> StoreResult<Vec<SubnetCluster>> {
                    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
                        "SELECT subnet, COUNT(DISTINCT voter_id) AS identities, COUNT(*) AS ballots FROM ballots \
                         WHERE edition_id = $1 AND invalidated_at IS NULL GROUP BY subnet \
                         HAVING COUNT(DISTINCT voter_id) >= $2 ORDER BY identities DESC, ballots DESC, subnet LIMIT 100",
                    )
                    .bind(edition.0)
                    .bind(min_identities)
                    .fetch_all(self.read())
                    .await?;
                    Ok(rows.into_iter().map(|(subnet, identities, ballots)| SubnetCluster { subnet, identities, ballots }).collect())
                }

                async fn identity_activity(&self, edition: EditionId) -> StoreResult<Vec<IdentityActivity>> {
                    let rows: Vec<(String, i64, i64, i64, i64)> = sqlx::query_as(
                        "SELECT v.identity, COUNT(*) AS ballots, MIN(b.cast_at), MAX(b.cast_at), COUNT(DISTINCT b.period) \
                         FROM ballots b JOIN voters v ON v.id = b.voter_id \
                         WHERE b.edition_id = $1 AND b.invalidated_at IS NULL GROUP BY v.identity \
                         ORDER BY ballots DESC, v.identity",
                    )
                    .bind(edition.0)
                    .fetch_all(self.read())
                    .await?;
                    Ok(rows
                        .into_iter()
                        .map(|(identity, ballots, first_at, last_at, days)| IdentityActivity {
                            identity,
                            ballots,
                            first_at,
                            last_at,
                            days,
                        })
                        .collect())
                }

                async fn invalidate_ballots(
                    &self,
                    edition: EditionId,
                    selection: &BallotSelection,
                    reason: &str,
                    by: UserId,
                    now: i64,
                ) -> StoreResult<i64> {
                    let mut tx = self.begin_write().await?;
                    let (filter, values, what) = match selection {
                        BallotSelection::Receipts(receipts) => ("receipt = $5", receipts.clone(), "receipts"),
                        BallotSelection::Identity(identity) => (
                            "voter_id IN (SELECT id FROM voters WHERE edition_id = $1 AND identity = $5)",
                            vec![identity.clone()],
                            "identity",
                        ),
                        BallotSelection::Subnet(subnet) => ("subnet = $5", vec![subnet.clone()], "subnet"),
                    };
                    let sql = format!(
                        "UPDATE ballots SET invalidated_at = $2, invalid_reason = $3, invalidated_by = $4 \
                         WHERE edition_id = $1 AND invalidated_at IS NULL AND {filter}"
                    );
                    let mut changed = 0;
                    for value in &values {
                        changed += sqlx::query(&sql)
                            .bind(edition.0)
                            .bind(now)
                            .bind(reason)
                            .bind(by.0)
                            .bind(value)
                            .execute(&mut *tx)
                            .await?
                            .rows_affected() as i64;
                    }
                    let detail = format!("{changed} ballots by {what} {}: {reason}", values.join(" "));
                    log(&mut tx, edition, Some(by), "invalidated", &detail, now).await?;
                    tx.commit().await?;
                    Ok(changed)
                }

                async fn vote_events(&self, edition: EditionId) -> StoreResult<Vec<VoteEvent>> {
                    let rows: Vec<(i64, Option<String>, String, String)> = sqlx::query_as(
                        "SELECT e.at, u.display_name, e.action, e.detail FROM vote_events e \
                         LEFT JOIN users u ON u.id = e.user_id WHERE e.edition_id = $1 ORDER BY e.id DESC",
                    )
                    .bind(edition.0)
                    .fetch_all(self.read())
                    .await?;
                    Ok(rows.into_iter().map(|(at, user_name, action, detail)| VoteEvent { at, user_name, action, detail }).collect())
                }

                async fn certify_vote(&self, edition: EditionId, result: &CertifiedVote, by: UserId) -> StoreResult<()> {
                    let mut tx = self.begin_write().await?;
                    sqlx::query(
                        "INSERT INTO vote_results (edition_id, certified_at, certified_by, counted, invalidated, tally, timeline, digest) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(edition.0)
                    .bind(result.certified_at)
                    .bind(by.0)
                    .bind(result.counted)
                    .bind(result.invalidated)
                    .bind(to_json(&result.tally))
                    .bind(to_json(&result.timeline))
                    .bind(&result.digest)
                    .execute(&mut *tx)
                    .await?;
                    for (entry, votes) in &result.tally {
                        sqlx::query("UPDATE entries SET public_votes = $2 WHERE id = $1 AND edition_id = $3")
                            .bind(entry.0)
                            .bind(*votes as i64)
                            .bind(edition.0)
                            .execute(&mut *tx)
                            .await?;
                    }
                    let detail = format!("{} ballots counted, {} invalidated, digest {}", result.counted, result.invalidated, result.digest);
                    log(&mut tx, edition, Some(by), "certified", &detail, result.certified_at).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn certified_vote(&self, edition: EditionId) -> StoreResult<Option<CertifiedVote>> {
                    let row: Option<(i64, i64, i64, String, String, String)> = sqlx::query_as(
                        "SELECT certified_at, counted, invalidated, tally, timeline, digest FROM vote_results WHERE edition_id = $1",
                    )
                    .bind(edition.0)
                    .fetch_optional(self.read())
                    .await?;
                    row.map(|(certified_at, counted, invalidated, tally, timeline, digest)| {
                        let corrupt = |e: serde_json::Error| StoreError::Corrupt(format!("vote result: {e}"));
                        let tally = serde_json::from_str(&tally).map_err(corrupt)?;
                        let timeline = serde_json::from_str(&timeline).map_err(corrupt)?;
                        Ok(CertifiedVote { certified_at, counted, invalidated, tally, timeline, digest })
                    })
                    .transpose()
                }
            }
        }
    };
}
pub(super) use vote_store;
