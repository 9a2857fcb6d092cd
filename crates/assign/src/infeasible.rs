//! Why no assignment exists, said in a sentence a Secretariat officer can act on.

use std::fmt;

/// The constraint that makes an instance infeasible. `E` names entries: indices in the solver's
/// answer, ids once [`Infeasible::map_entries`] has translated them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Infeasible<E = usize> {
    /// All reviewers together cannot give every entry k reviews. A reviewer's capacity is their
    /// quota, but at most the number of entries (nobody reviews an entry twice).
    TotalCapacity { capacity: usize, entries: usize, per_entry: usize },
    /// One entry has fewer than k reviewers it may be given (not conflicted, quota above 0).
    EntryReviewers { entry: E, available: usize, per_entry: usize },
    /// A group of entries (Hall's condition, found from the minimum cut): together they need
    /// `demand` reviews, but the `reviewers` reviewers they may be given can take at most `supply`
    /// of them, counting each reviewer's quota and at most one review per entry.
    EntryGroup { entries: Vec<E>, reviewers: usize, demand: usize, supply: usize },
}

/// How many entries a group message names before it says "and N more".
const ENTRIES_NAMED: usize = 10;

impl<E> Infeasible<E> {
    /// The same reason, with entries renamed (e.g. indices to ids).
    pub fn map_entries<F>(self, mut rename: impl FnMut(E) -> F) -> Infeasible<F> {
        match self {
            Self::TotalCapacity { capacity, entries, per_entry } => {
                Infeasible::TotalCapacity { capacity, entries, per_entry }
            }
            Self::EntryReviewers { entry, available, per_entry } => {
                Infeasible::EntryReviewers { entry: rename(entry), available, per_entry }
            }
            Self::EntryGroup { entries, reviewers, demand, supply } => {
                Infeasible::EntryGroup { entries: entries.into_iter().map(rename).collect(), reviewers, demand, supply }
            }
        }
    }
}

impl<E: fmt::Display> fmt::Display for Infeasible<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TotalCapacity { capacity, entries, per_entry } => write!(
                f,
                "total reviewer capacity {capacity} is less than {entries} entries × k = {per_entry} = {}",
                entries.saturating_mul(*per_entry)
            ),
            Self::EntryReviewers { entry, available: 0, per_entry } => {
                write!(f, "entry {entry} has no non-conflicted reviewer, k = {per_entry}")
            }
            Self::EntryReviewers { entry, available: 1, per_entry } => {
                write!(f, "entry {entry} has only 1 non-conflicted reviewer, k = {per_entry}")
            }
            Self::EntryReviewers { entry, available, per_entry } => {
                write!(f, "entry {entry} has only {available} non-conflicted reviewers, k = {per_entry}")
            }
            Self::EntryGroup { entries, reviewers, demand, supply } => {
                write!(f, "entries ")?;
                for (position, entry) in entries.iter().take(ENTRIES_NAMED).enumerate() {
                    let separator = if position == 0 { "" } else { ", " };
                    write!(f, "{separator}{entry}")?;
                }
                if entries.len() > ENTRIES_NAMED {
                    write!(f, " and {} more", entries.len() - ENTRIES_NAMED)?;
                }
                let noun = if *reviewers == 1 { "reviewer" } else { "reviewers" };
                write!(f, " need {demand} reviews but their {reviewers} non-conflicted {noun} can take only {supply}")
            }
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for Infeasible<E> {}
