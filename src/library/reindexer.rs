//! The one background writer of a server's search index. Every write that changes what the
//! library shows (screening, decisions, jury results, the certified vote, submissions,
//! withdrawals) calls [`Reindexer::notify`] with what it changed once it has committed; a
//! single task then updates the documents of those initiatives in the current generation
//! (delete by the initiative's id, add its fresh documents from the store, commit, reload the
//! readers). A burst of notifications is coalesced into one update (the union of the ids), and
//! a notification that arrives during an update is followed by another, so the index never
//! stays behind a committed write for longer than one update.
//!
//! A full rebuild into a new generation is kept for what touches too much to update one by
//! one ([`Changed::Everything`], more than [`PARTIAL_LIMIT`] initiatives), for start-up without
//! an index, and as the fallback when the generation cannot be written (another process holds
//! its writer: tantivy's lock).
//!
//! `kapok reindex` (or an import) may build a new generation from a snapshot of the database
//! while this server updates the old one; the server switches to it, and then applies again
//! every update it made since that snapshot, which the new generation may lack.

use std::collections::{BTreeSet, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::Notify;

use crate::domain::{ApplicationId, EntryId, InitiativeId};
use crate::search::{Search, UpdateError};
use crate::storage::Store;

/// How long an update waits after the first notification, so that writes made together
/// (a bulk screening, a publication of many statuses) become one update.
const SETTLE: Duration = Duration::from_millis(200);
/// After a failed update or rebuild, the next try waits this long.
const RETRY: Duration = Duration::from_secs(5);
/// How often the task looks for a generation another process built (as the server's
/// refresher does), to apply its own recent updates to it.
const FOLLOW: Duration = Duration::from_secs(2);
/// More initiatives than this in one batch: a full rebuild is quicker than updating each.
pub const PARTIAL_LIMIT: usize = 1_000;
/// How long applied updates are remembered for another process's generation.
const REMEMBER_MS: i64 = 60 * 60 * 1000;
/// Clock slack between a snapshot's time and the updates compared with it.
const SLACK_MS: i64 = 2_000;

/// What a committed write changed in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// These initiatives (all their entries).
    Initiatives(BTreeSet<InitiativeId>),
    /// The initiatives of these entries.
    Entries(BTreeSet<EntryId>),
    /// The initiatives with these references (`ref`).
    References(BTreeSet<String>),
    /// Anything (award definitions, a bulk import): rebuild the whole index.
    Everything,
}

impl Changed {
    pub fn entries(entries: impl IntoIterator<Item = EntryId>) -> Changed {
        Changed::Entries(entries.into_iter().collect())
    }

    pub fn initiatives(initiatives: impl IntoIterator<Item = InitiativeId>) -> Changed {
        Changed::Initiatives(initiatives.into_iter().collect())
    }

    /// The initiative an application writes when it is submitted.
    pub fn application(application: ApplicationId) -> Changed {
        Changed::References(BTreeSet::from([format!("application-{application}")]))
    }
}

/// Updates and rebuilds finished since the server started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReindexCounts {
    /// Updates of some initiatives' documents in the current generation.
    pub partial: u64,
    /// Rebuilds into a new generation.
    pub full: u64,
}

/// A handle on the task; cheap to clone, held in `AppState`.
#[derive(Clone)]
pub struct Reindexer {
    shared: Arc<Shared>,
}

/// What the notifications since the last batch asked for.
#[derive(Default)]
struct Pending {
    everything: bool,
    initiatives: BTreeSet<InitiativeId>,
    entries: BTreeSet<EntryId>,
    references: BTreeSet<String>,
}

impl Pending {
    fn is_empty(&self) -> bool {
        !self.everything && self.initiatives.is_empty() && self.entries.is_empty() && self.references.is_empty()
    }

    fn add(&mut self, changed: Changed) {
        match changed {
            Changed::Initiatives(ids) => self.initiatives.extend(ids),
            Changed::Entries(ids) => self.entries.extend(ids),
            Changed::References(refs) => self.references.extend(refs),
            Changed::Everything => self.everything = true,
        }
    }

    /// Adds what `other` asks for (a batch put back after a failure).
    fn merge(&mut self, other: Pending) {
        self.everything |= other.everything;
        self.initiatives.extend(other.initiatives);
        self.entries.extend(other.entries);
        self.references.extend(other.references);
    }
}

struct Shared {
    wake: Notify,
    pending: Mutex<Pending>,
    partial: AtomicU64,
    full: AtomicU64,
}

impl Shared {
    fn pending(&self) -> std::sync::MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Reindexer {
    /// Starts the task that updates `search`'s index from `store` when notified.
    pub fn start(store: Arc<dyn Store>, search: Arc<Search>) -> Reindexer {
        let shared = Arc::new(Shared {
            wake: Notify::new(),
            pending: Mutex::default(),
            partial: AtomicU64::new(0),
            full: AtomicU64::new(0),
        });
        tokio::spawn(run(store, search, shared.clone()));
        Reindexer { shared }
    }

    /// Says what in the library changed: its documents are updated within moments. Call it
    /// after the write has committed (the update reads the store).
    pub fn notify(&self, changed: Changed) {
        self.shared.pending().add(changed);
        self.shared.wake.notify_one();
    }

    /// How many updates and rebuilds have finished since the server started.
    pub fn counts(&self) -> ReindexCounts {
        ReindexCounts {
            partial: self.shared.partial.load(Ordering::SeqCst),
            full: self.shared.full.load(Ordering::SeqCst),
        }
    }
}

/// The updates this task applied lately, by when their batch was taken (Unix ms, after the
/// writes had committed), so that a generation built from an older snapshot gets them again.
#[derive(Default)]
struct Applied {
    batches: VecDeque<(i64, BTreeSet<InitiativeId>)>,
    /// Batches taken before this were forgotten.
    forgotten_before: Option<i64>,
}

impl Applied {
    fn remember(&mut self, at: i64, ids: &BTreeSet<InitiativeId>) {
        if !ids.is_empty() {
            self.batches.push_back((at, ids.clone()));
        }
        while let Some((taken, _)) = self.batches.front() {
            if *taken >= at - REMEMBER_MS {
                break;
            }
            self.forgotten_before = Some(*taken + 1);
            self.batches.pop_front();
        }
    }

    /// The initiatives a generation read at `snapshot` may lack; None: not known any more.
    fn since(&self, snapshot: i64) -> Option<BTreeSet<InitiativeId>> {
        let from = snapshot - SLACK_MS;
        if self.forgotten_before.is_some_and(|forgotten| from < forgotten) {
            return None;
        }
        Some(self.batches.iter().filter(|(taken, _)| *taken >= from).flat_map(|(_, ids)| ids.iter().copied()).collect())
    }
}

async fn run(store: Arc<dyn Store>, search: Arc<Search>, shared: Arc<Shared>) {
    let mut applied = Applied::default();
    // The generation known to hold every update this task applied.
    let mut known = search.generation();
    loop {
        let woken = tokio::select! {
            () = shared.wake.notified() => true,
            () = tokio::time::sleep(FOLLOW) => false,
        };
        if woken {
            tokio::time::sleep(SETTLE).await;
        }
        // Another process's generation: follow it, with this task's later updates again.
        if let Err(error) = search.refresh() {
            tracing::warn!(%error, "the new search index could not be opened");
        }
        let mut again = BTreeSet::new();
        let mut rebuild = false;
        let current = search.generation();
        if current != known {
            if let (Some(_), Some(name)) = (&known, &current) {
                match crate::search::snapshot_of(name).and_then(|snapshot| applied.since(snapshot)) {
                    Some(ids) => again = ids,
                    None => rebuild = true,
                }
            }
            known = current.clone();
        }
        let batch = std::mem::take(&mut *shared.pending());
        if batch.is_empty() && again.is_empty() && !rebuild {
            continue;
        }
        let taken = jiff::Timestamp::now().as_millisecond();
        let mut ids = again;
        let mut everything = rebuild || batch.everything || current.is_none();
        if !everything {
            let entries: Vec<EntryId> = batch.entries.iter().copied().collect();
            let references: Vec<String> = batch.references.iter().cloned().collect();
            if entries.is_empty() && references.is_empty() {
                ids.extend(batch.initiatives.iter().copied());
            } else {
                match store.initiatives_of(&entries, &references).await {
                    Ok(found) => ids.extend(found.into_iter().chain(batch.initiatives.iter().copied())),
                    Err(error) => {
                        tracing::error!(%error, "finding the initiatives to reindex failed; trying again shortly");
                        retry(&shared, batch).await;
                        continue;
                    }
                }
            }
            everything = ids.len() > PARTIAL_LIMIT;
        }
        if !everything {
            applied.remember(taken, &ids);
            let started = std::time::Instant::now();
            let list: Vec<InitiativeId> = ids.iter().copied().collect();
            match super::update(&*store, &search, &list).await {
                Ok(updated) => {
                    shared.partial.fetch_add(1, Ordering::SeqCst);
                    metrics::counter!("kapok_library_reindex_total", "kind" => "partial").increment(1);
                    tracing::info!(
                        initiatives = list.len(),
                        documents = updated.documents,
                        elapsed_ms = started.elapsed().as_millis() as u64,
                        "search index updated"
                    );
                    continue;
                }
                Err(UpdateError::Moved(name)) => {
                    // Applied again to the new generation by the next round (they are remembered).
                    tracing::info!(generation = name, "the search index moved on during an update; following it");
                    shared.wake.notify_one();
                    continue;
                }
                Err(error @ (UpdateError::NoIndex | UpdateError::Busy(_))) => {
                    tracing::warn!(%error, "the search index cannot be updated in place; rebuilding it");
                }
                Err(error) => {
                    tracing::error!(%error, "updating the search index failed; trying again shortly");
                    let back = Pending {
                        everything: false,
                        initiatives: ids,
                        entries: batch.entries,
                        references: batch.references,
                    };
                    retry(&shared, back).await;
                    continue;
                }
            }
        }
        let started = std::time::Instant::now();
        match super::rebuild(&*store, search.dir(), Arc::new(|_, _| {})).await {
            Ok(rebuilt) => match search.refresh() {
                Ok(_) => {
                    known = Some(rebuilt.generation);
                    shared.full.fetch_add(1, Ordering::SeqCst);
                    metrics::counter!("kapok_library_reindex_total", "kind" => "full").increment(1);
                    tracing::info!(
                        count = rebuilt.initiatives,
                        elapsed_ms = started.elapsed().as_millis() as u64,
                        "search index rebuilt"
                    );
                }
                Err(error) => {
                    tracing::error!(%error, "opening the rebuilt search index failed; trying again shortly");
                    retry(&shared, Pending { everything: true, ..Default::default() }).await;
                }
            },
            Err(error) => {
                tracing::error!(%error, "rebuilding the search index failed; trying again shortly");
                retry(&shared, Pending { everything: true, ..Default::default() }).await;
            }
        }
    }
}

/// Puts a batch back and wakes the task after a pause.
async fn retry(shared: &Shared, batch: Pending) {
    tokio::time::sleep(RETRY).await;
    shared.pending().merge(batch);
    shared.wake.notify_one();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[i64]) -> BTreeSet<InitiativeId> {
        list.iter().map(|id| InitiativeId(*id)).collect()
    }

    #[test]
    fn a_newer_generation_gets_the_updates_made_after_its_snapshot() {
        let mut applied = Applied::default();
        applied.remember(10_000, &ids(&[1]));
        applied.remember(20_000, &ids(&[2, 3]));
        applied.remember(30_000, &ids(&[3, 4]));
        assert_eq!(applied.since(25_000), Some(ids(&[3, 4])));
        assert_eq!(applied.since(21_000), Some(ids(&[2, 3, 4])), "within the clock slack");
        assert_eq!(applied.since(40_000), Some(ids(&[])));
        // An hour later the first batches are forgotten: an older snapshot is not known any more.
        applied.remember(30_000 + REMEMBER_MS, &ids(&[5]));
        assert_eq!(applied.since(5_000), None);
        assert_eq!(applied.since(40_000), Some(ids(&[5])));
    }

    #[test]
    fn notifications_coalesce_into_one_batch() {
        let mut pending = Pending::default();
        assert!(pending.is_empty());
        pending.add(Changed::entries([EntryId(3), EntryId(1)]));
        pending.add(Changed::entries([EntryId(3)]));
        pending.add(Changed::application(ApplicationId(7)));
        pending.add(Changed::initiatives([InitiativeId(9)]));
        assert_eq!(pending.entries.len(), 2);
        assert!(pending.references.contains("application-7"));
        assert!(!pending.everything);
        pending.add(Changed::Everything);
        assert!(pending.everything && !pending.is_empty());
    }
}
