//! The one background rebuilder of a server's search index. Every write that changes what the
//! library shows (screening, decisions, jury results, the certified vote, submissions,
//! withdrawals) calls [`Reindexer::notify`] once it has committed; a single task then rebuilds
//! a new generation from the store and switches readers to it. A burst of notifications is
//! coalesced into one rebuild, and a notification that arrives during a rebuild is followed by
//! another, so the index never stays behind a committed write for longer than one rebuild.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use tokio::sync::Notify;

use crate::search::Search;
use crate::storage::Store;

/// How long a rebuild waits after the first notification, so that writes made together
/// (a bulk screening, a publication of many statuses) become one rebuild.
const SETTLE: Duration = Duration::from_millis(200);
/// After a failed rebuild, the next try waits this long.
const RETRY: Duration = Duration::from_secs(5);

/// A handle on the rebuilding task; cheap to clone, held in `AppState`.
#[derive(Clone)]
pub struct Reindexer {
    shared: Arc<Shared>,
}

struct Shared {
    wake: Notify,
    /// Set by `notify`, taken by the task just before it reads the store.
    dirty: AtomicBool,
    /// Rebuilds finished (each switched the readers to a new generation).
    finished: AtomicU64,
}

impl Reindexer {
    /// Starts the task that rebuilds `search`'s index from `store` when notified.
    pub fn start(store: Arc<dyn Store>, search: Arc<Search>) -> Reindexer {
        let shared =
            Arc::new(Shared { wake: Notify::new(), dirty: AtomicBool::new(false), finished: AtomicU64::new(0) });
        tokio::spawn(run(store, search, shared.clone()));
        Reindexer { shared }
    }

    /// Says that the library changed: the index is rebuilt within moments. Call it after the
    /// write has committed (the rebuild reads the store).
    pub fn notify(&self) {
        self.shared.dirty.store(true, Ordering::SeqCst);
        self.shared.wake.notify_one();
    }

    /// How many rebuilds have finished since the server started.
    pub fn rebuilds(&self) -> u64 {
        self.shared.finished.load(Ordering::SeqCst)
    }
}

async fn run(store: Arc<dyn Store>, search: Arc<Search>, shared: Arc<Shared>) {
    loop {
        shared.wake.notified().await;
        tokio::time::sleep(SETTLE).await;
        // Notifications of the same burst left a wake-up behind; the flag tells whether there
        // is anything the next rebuild would not already read.
        if !shared.dirty.swap(false, Ordering::SeqCst) {
            continue;
        }
        let started = std::time::Instant::now();
        let rebuilt = super::reindex(&*store, search.dir(), Arc::new(|_, _| {})).await;
        match rebuilt
            .map_err(|e| e.to_string())
            .and_then(|count| search.refresh().map(|_| count).map_err(|e| e.to_string()))
        {
            Ok(count) => {
                shared.finished.fetch_add(1, Ordering::SeqCst);
                metrics::counter!("kapok_search_rebuilds_total").increment(1);
                tracing::info!(count, elapsed_ms = started.elapsed().as_millis() as u64, "search index rebuilt");
            }
            Err(error) => {
                tracing::error!(%error, "rebuilding the search index failed; trying again shortly");
                tokio::time::sleep(RETRY).await;
                shared.dirty.store(true, Ordering::SeqCst);
                shared.wake.notify_one();
            }
        }
    }
}
