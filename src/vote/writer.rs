//! The ballot writer: every ballot goes through one task that commits them in groups — all
//! ballots waiting when a commit starts go into it — and acknowledges each only once its group
//! is durable. In front, admission by waiting time: the writer measures how many ballots a
//! second it commits, and a ballot that would wait longer than [`WAIT_BUDGET`] behind those
//! already queued is turned away at once (the caller answers 503 with Retry-After) instead of
//! piling up until every answer is late. The queue also has a hard bound.
//!
//! `Commit::Single` is the naive path kept for comparison (one transaction per ballot, straight
//! from the request); the benchmark runs both side by side.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tokio::runtime::Handle;
use tokio::sync::{mpsc, oneshot};

use crate::storage::Store;
use crate::storage::vote::{CastOutcome, NewBallot};

/// Most ballots in one transaction: big enough to amortise the commit's fsync, small enough
/// that a group commits in milliseconds.
const MAX_GROUP: usize = 1_024;

/// The longest a ballot should wait in the queue: the latency the vote promises under load.
pub const WAIT_BUDGET: Duration = Duration::from_millis(40);

/// Ballots always admitted whatever the measured pace, so that a writer that has only seen
/// small groups (whose pace understates what it can do) is not mistaken for a slow one.
const ALWAYS_ADMITTED: usize = 512;

/// Whether a ballot may join a queue where `waiting` ballots already are, for a writer that
/// commits `per_second` ballots a second.
pub fn admits(waiting: usize, per_second: u64) -> bool {
    let within_budget = (per_second as f64 * WAIT_BUDGET.as_secs_f64()) as usize;
    waiting < within_budget.max(ALWAYS_ADMITTED)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commit {
    Group { queue: usize },
    Single,
}

impl Commit {
    pub const DEFAULT: Commit = Commit::Group { queue: 8_192 };
}

#[derive(Debug, thiserror::Error)]
pub enum CastError {
    #[error("the ballot writer is saturated")]
    Busy,
    #[error("the ballot could not be stored: {0}")]
    Failed(String),
}

type Job = (NewBallot, oneshot::Sender<Result<CastOutcome, String>>);

#[derive(Clone)]
pub struct BallotWriter {
    store: Arc<dyn Store>,
    queue: Option<mpsc::Sender<Job>>,
    /// Ballots a second the writer commits, as last measured (a moving average).
    pace: Arc<AtomicU64>,
}

impl BallotWriter {
    /// Starts the writer task (for `Commit::Group`); it ends when the last handle is dropped.
    pub fn start(store: Arc<dyn Store>, commit: Commit) -> Self {
        let pace = Arc::new(AtomicU64::new(0));
        let queue = match commit {
            Commit::Single => None,
            Commit::Group { queue } => {
                let (sender, receiver) = mpsc::channel(queue.max(1));
                let writer = write_groups(store.clone(), receiver, pace.clone(), Handle::current());
                if store.engine() == "sqlite" {
                    // Its own thread: each step of a group (begin, count, insert, commit) is a hop
                    // to SQLite's connection thread and back, and on the server's runtime every hop
                    // back waited in the queue behind the requests' tasks, which stretched a group's
                    // commit several times over under load. PostgreSQL's sockets belong to the
                    // server's runtime, so its writer stays there.
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .expect("a runtime for the ballot writer");
                    std::thread::Builder::new()
                        .name("kapok-ballots".into())
                        .spawn(move || runtime.block_on(writer))
                        .expect("the ballot writer's thread starts");
                } else {
                    tokio::spawn(writer);
                }
                Some(sender)
            }
        };
        BallotWriter { store, queue, pace }
    }

    /// Counts a ballot; returns once it is durable (or refused by the limit).
    pub async fn cast(&self, ballot: NewBallot) -> Result<CastOutcome, CastError> {
        let Some(queue) = &self.queue else {
            let outcomes = self.store.cast_ballots(std::slice::from_ref(&ballot)).await;
            return outcomes.map(|o| o[0]).map_err(|e| CastError::Failed(e.to_string()));
        };
        let waiting = queue.max_capacity() - queue.capacity();
        if !admits(waiting, self.pace.load(Ordering::Relaxed)) {
            return Err(CastError::Busy);
        }
        let (done, answer) = oneshot::channel();
        queue.try_send((ballot, done)).map_err(|_| CastError::Busy)?;
        match answer.await {
            Ok(outcome) => outcome.map_err(CastError::Failed),
            Err(_) => Err(CastError::Failed("the ballot writer stopped".into())),
        }
    }
}

/// Commits the queued ballots group by group, and hands each group's answers to the server's
/// runtime in one task (answered one by one from the writer's own thread, each answer woke a
/// worker through a futex call of its own: two fifths of that thread's time).
async fn write_groups(store: Arc<dyn Store>, mut receiver: mpsc::Receiver<Job>, pace: Arc<AtomicU64>, server: Handle) {
    let mut jobs: Vec<Job> = Vec::with_capacity(MAX_GROUP);
    while receiver.recv_many(&mut jobs, MAX_GROUP).await > 0 {
        let (ballots, replies): (Vec<NewBallot>, Vec<_>) = jobs.drain(..).unzip();
        metrics::histogram!("kapok_ballot_group_size").record(ballots.len() as f64);
        let started = Instant::now();
        let written = store.cast_ballots(&ballots).await;
        let this_group = ballots.len() as f64 / started.elapsed().as_secs_f64().max(1e-6);
        let before = pace.load(Ordering::Relaxed) as f64;
        let average = if before == 0.0 { this_group } else { 0.8 * before + 0.2 * this_group };
        pace.store(average as u64, Ordering::Relaxed);
        let answers: Vec<Result<CastOutcome, String>> = match written {
            Ok(outcomes) => outcomes.into_iter().map(Ok).collect(),
            Err(error) => {
                tracing::error!(%error, ballots = ballots.len(), "a group of ballots failed; none of them counted");
                vec![Err(error.to_string()); replies.len()]
            }
        };
        server.spawn(async move {
            for (reply, answer) in replies.into_iter().zip(answers) {
                let _ = reply.send(answer);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admission_follows_the_measured_pace_above_a_floor() {
        // Unmeasured or slow: the floor admits a few hundred.
        assert!(admits(0, 0));
        assert!(admits(ALWAYS_ADMITTED - 1, 0));
        assert!(!admits(ALWAYS_ADMITTED, 0));
        assert!(!admits(ALWAYS_ADMITTED, 1_000));
        // 50,000 a second clears 2,000 within the budget of 40 ms.
        assert!(admits(1_999, 50_000));
        assert!(!admits(2_000, 50_000));
    }
}
