//! The ballot writer: every ballot goes through one task that commits them in groups — all
//! ballots waiting when a commit starts go into it — and acknowledges each only once its group
//! is durable. A bounded queue in front: when it is full the writer is saturated, and the caller
//! answers 503 with Retry-After at once instead of piling up requests until they time out.
//!
//! `Commit::Single` is the naive path kept for comparison (one transaction per ballot, straight
//! from the request); the benchmark runs both side by side.

use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};

use crate::storage::Store;
use crate::storage::vote::{CastOutcome, NewBallot};

/// Most ballots in one transaction: big enough to amortise the commit's fsync, small enough
/// that a group commits in milliseconds.
const MAX_GROUP: usize = 1_024;

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
}

impl BallotWriter {
    /// Starts the writer task (for `Commit::Group`); it ends when the last handle is dropped.
    pub fn start(store: Arc<dyn Store>, commit: Commit) -> Self {
        let queue = match commit {
            Commit::Single => None,
            Commit::Group { queue } => {
                let (sender, receiver) = mpsc::channel(queue.max(1));
                tokio::spawn(write_groups(store.clone(), receiver));
                Some(sender)
            }
        };
        BallotWriter { store, queue }
    }

    /// Counts a ballot; returns once it is durable (or refused by the limit).
    pub async fn cast(&self, ballot: NewBallot) -> Result<CastOutcome, CastError> {
        let Some(queue) = &self.queue else {
            let outcomes = self.store.cast_ballots(std::slice::from_ref(&ballot)).await;
            return outcomes.map(|o| o[0]).map_err(|e| CastError::Failed(e.to_string()));
        };
        let (done, answer) = oneshot::channel();
        queue.try_send((ballot, done)).map_err(|_| CastError::Busy)?;
        match answer.await {
            Ok(outcome) => outcome.map_err(CastError::Failed),
            Err(_) => Err(CastError::Failed("the ballot writer stopped".into())),
        }
    }
}

async fn write_groups(store: Arc<dyn Store>, mut receiver: mpsc::Receiver<Job>) {
    let mut jobs: Vec<Job> = Vec::with_capacity(MAX_GROUP);
    while receiver.recv_many(&mut jobs, MAX_GROUP).await > 0 {
        let (ballots, replies): (Vec<NewBallot>, Vec<_>) = jobs.drain(..).unzip();
        metrics::histogram!("kapok_ballot_group_size").record(ballots.len() as f64);
        match store.cast_ballots(&ballots).await {
            Ok(outcomes) => {
                for (reply, outcome) in replies.into_iter().zip(outcomes) {
                    let _ = reply.send(Ok(outcome));
                }
            }
            Err(error) => {
                tracing::error!(%error, ballots = ballots.len(), "a group of ballots failed; none of them counted");
                for reply in replies {
                    let _ = reply.send(Err(error.to_string()));
                }
            }
        }
    }
}
