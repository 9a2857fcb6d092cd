//! Reviewer assignment engine (see issue 6): gives every valid entry k Technical Committee
//! reviewers, no reviewer more than L entries (or their own quota), no conflicted pair, with the
//! greatest total affinity: the exact optimum (min-cost flow, proven by LP duality), the same for
//! the same input. When no assignment exists, the error says which constraint is to blame.
//!
//! Pure: no I/O. [`run`] takes the CLI's files as text; [`solve()`] takes an [`Instance`] over
//! numeric indices (the server's "propose").
//!
//! Affinities are optimised as integers, `round(affinity × 10^6)` ([`AFFINITY_SCALE`]); pairs
//! with no score have affinity 0; totals are sums of the given floats.
//!
//! How: a min-cost flow (auction bids, then shortest paths) on each entry's best few reviewers,
//! then one scan of all pairs against the flow's dual prices; pairs that could still improve it
//! join and the flow goes on, until none can: then the candidates' optimum is the whole
//! problem's. An entry that the candidates cannot serve gets more of its reviewers; once it has
//! all of them, the entries its search reached are a group that needs more reviews than its
//! reviewers can give (a minimum cut), which is what the error reports.
//!
//! Files: a score given twice and a quota given twice are errors (which one is meant?), a
//! conflict given twice is not; a conflict naming an id that no score or quota names is an error
//! (a typo would otherwise silently allow the pair).

mod flow;
mod infeasible;
mod instance;
mod solve;
mod text;

use std::fmt;

pub use infeasible::Infeasible;
pub use instance::{AFFINITY_SCALE, Instance, InstanceError, Limits, MAX_ABS_AFFINITY, MAX_NODES};
pub use solve::{Assignment, Pair, SolveStats, solve};
pub use text::{Ids, ParseError, Problem, Scores, format_assignment, parse_conflicts, parse_quotas, parse_scores};

/// What `kapok assign` prints: the assignment file and the total affinity.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// `entry,reviewer,affinity` lines, by entry then reviewer in order of first appearance.
    pub csv: String,
    /// The sum of the chosen pairs' affinities; printed with 6 decimals it is exact to the scale
    /// the solver optimises.
    pub total: f64,
}

/// Why `kapok assign` produced no assignment.
#[derive(Clone, Debug, PartialEq)]
pub enum AssignError {
    Scores(ParseError),
    Conflicts(ParseError),
    Quotas(ParseError),
    Infeasible(Infeasible<String>),
}

impl fmt::Display for AssignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Scores(error) => write!(f, "scores, {error}"),
            Self::Conflicts(error) => write!(f, "conflicts, {error}"),
            Self::Quotas(error) => write!(f, "quotas, {error}"),
            Self::Infeasible(reason) => write!(f, "no assignment is possible: {reason}"),
        }
    }
}

impl std::error::Error for AssignError {}

/// `kapok assign`: reads the score, conflict and quota files' text, solves, and formats the
/// assignment. Entries are those the scores name; reviewers those the scores or quotas name.
pub fn run(
    scores: &str,
    conflicts: Option<&str>,
    quotas: Option<&str>,
    per_entry: usize,
    max_per_reviewer: usize,
) -> Result<Outcome, AssignError> {
    let Scores { entries, mut reviewers, pairs } = parse_scores(scores).map_err(AssignError::Scores)?;
    let quotas = parse_quotas(quotas.unwrap_or(""), &mut reviewers).map_err(AssignError::Quotas)?;
    let conflicts = parse_conflicts(conflicts.unwrap_or(""), &entries, &reviewers).map_err(AssignError::Conflicts)?;
    let limits = Limits { per_entry, max_per_reviewer };
    // The parsers have checked what `sparse`, `add_conflict` and `set_quota` check.
    let mut instance = Instance::sparse(entries.len(), reviewers.len(), pairs, limits).expect("scores are valid");
    for (entry, reviewer) in conflicts {
        instance.add_conflict(entry, reviewer).expect("conflict ids are known");
    }
    for (reviewer, max) in quotas {
        instance.set_quota(reviewer, max).expect("quota ids are known");
    }
    let assignment = solve(&instance)
        .map_err(|reason| AssignError::Infeasible(reason.map_entries(|entry| entries.name(entry).to_owned())))?;
    Ok(Outcome { csv: format_assignment(&assignment, &entries, &reviewers), total: assignment.total })
}
