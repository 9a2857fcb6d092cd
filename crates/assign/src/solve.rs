//! The exact optimum of the whole problem from a flow on a few candidate pairs per entry.
//!
//! Each entry starts with its best few reviewers as candidates. The min-cost flow on the
//! candidates comes with dual prices; a pair left out could only improve the assignment if its
//! affinity, less its reviewer's price, beats its entry's potential. One linear scan of all pairs
//! looks for such pairs: if there are none, the candidates' optimum is the whole problem's (LP
//! duality); otherwise the best of them join the candidates and the flow goes on from where it
//! was. Likewise when the candidates cannot serve some entries at all: those entries get more.

use crate::flow::{Blocked, Flow, Graph, NewPair};
use crate::infeasible::Infeasible;
use crate::instance::{AFFINITY_SCALE, Instance, MAX_ABS_AFFINITY, scaled};

/// How many candidates each entry starts with, beyond the k it needs. In the 10,000 × 2,000
/// benchmark the optimum rarely goes further down an entry's list than this.
const SPARE_CANDIDATES: usize = 7;

/// An optimal assignment.
#[derive(Clone, Debug, PartialEq)]
pub struct Assignment {
    /// Sorted by entry, then reviewer.
    pub pairs: Vec<Pair>,
    /// Entries per reviewer.
    pub loads: Vec<usize>,
    /// The sum of the chosen pairs' affinities, as given (added in `pairs` order).
    pub total: f64,
    /// The objective the solver maximised exactly: the sum of `round(affinity × 10^6)`.
    pub scaled_total: i64,
    pub stats: SolveStats,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    pub entry: usize,
    pub reviewer: usize,
    pub affinity: f64,
}

/// How the solver got there, for benchmarks and curiosity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SolveStats {
    /// Candidate pairs in the flow at the end.
    pub candidate_pairs: usize,
    /// How many times the flow was filled: 1 when the first candidates held the optimum, one
    /// more each time pairs were added.
    pub rounds: usize,
}

/// Assigns k reviewers to every entry, at most each reviewer's quota to each reviewer, no
/// conflicted pair, maximising the total scaled affinity (see [`crate::AFFINITY_SCALE`]). The same
/// instance always gives the same assignment.
pub fn solve(instance: &Instance) -> Result<Assignment, Infeasible> {
    let entries = instance.entries();
    let per_entry = instance.per_entry();
    // Nobody reviews an entry twice, so no reviewer can use more than `entries` of a quota.
    let capacities: Vec<usize> = (0..instance.reviewers()).map(|r| instance.quota(r).min(entries)).collect();
    let capacity: usize = capacities.iter().sum();
    if capacity < entries.saturating_mul(per_entry) {
        return Err(Infeasible::TotalCapacity { capacity, entries, per_entry });
    }
    let usable = capacities.iter().filter(|&&c| c > 0).count();
    let mut available = Vec::with_capacity(entries);
    for entry in 0..entries {
        let conflicted = instance.conflicts_of(entry).iter().filter(|&&r| capacities[r as usize] > 0).count();
        let count = usable - conflicted;
        if count < per_entry {
            return Err(Infeasible::EntryReviewers { entry, available: count, per_entry });
        }
        available.push(count);
    }
    let mut flow = Flow::new(initial_candidates(instance, &capacities), &capacities, per_entry);
    let mut rounds = 1;
    loop {
        if let Err(Blocked { entries: blocked }) = flow.fill() {
            if blocked.iter().all(|&entry| flow.candidates(entry).len() == available[entry]) {
                return Err(group_shortfall(instance, &capacities, blocked));
            }
            // Perhaps only the candidates fall short: widen these entries' choice.
            let widened = best_outside(instance, &capacities, &flow, blocked, per_entry + SPARE_CANDIDATES, false);
            flow.add_pairs(&widened);
            rounds += 1;
            continue;
        }
        let incomplete = (0..entries).filter(|&entry| flow.candidates(entry).len() < available[entry]).collect();
        let improving = best_outside(instance, &capacities, &flow, incomplete, per_entry + SPARE_CANDIDATES, true);
        if improving.is_empty() {
            return Ok(assignment(instance, &flow, rounds));
        }
        flow.add_pairs(&improving);
        rounds += 1;
    }
}

/// Each entry's best few reviewers, and the k best that still have room when entries take their
/// pick in turn (a greedy assignment, so that the candidates are almost always feasible even
/// where everyone wants the same reviewers). Conflicts and reviewers without capacity are left
/// out; ties go to the lower index.
fn initial_candidates(instance: &Instance, capacities: &[usize]) -> Graph {
    let per_entry = instance.per_entry();
    let mut room = capacities.to_vec();
    let mut scratch = Vec::new();
    let mut best = TopList::new(per_entry + SPARE_CANDIDATES);
    let mut best_with_room = TopList::new(per_entry);
    let mut graph = Graph { row_start: vec![0], reviewer: Vec::new(), profit: Vec::new() };
    for entry in 0..instance.entries() {
        best.clear();
        best_with_room.clear();
        let row = instance.row(entry, &mut scratch);
        let conflicts = instance.conflicts_of(entry);
        for (reviewer, &affinity) in row.iter().enumerate() {
            let (for_best, for_room) = (best.admits(affinity), best_with_room.admits(affinity) && room[reviewer] > 0);
            if (for_best || for_room)
                && capacities[reviewer] > 0
                && conflicts.binary_search(&(reviewer as u32)).is_err()
            {
                if for_best {
                    best.insert(affinity, reviewer as u32);
                }
                if for_room {
                    best_with_room.insert(affinity, reviewer as u32);
                }
            }
        }
        let mut chosen: Vec<u32> = best.reviewers().chain(best_with_room.reviewers()).collect();
        for reviewer in best_with_room.reviewers() {
            room[reviewer as usize] -= 1;
        }
        chosen.sort_unstable();
        chosen.dedup();
        for reviewer in chosen {
            graph.reviewer.push(reviewer);
            graph.profit.push(scaled(row[reviewer as usize]));
        }
        graph.row_start.push(graph.reviewer.len());
    }
    graph
}

/// For each of `entries`, up to `count` reviewers outside the graph with the greatest
/// `profit + π(reviewer)`; with `improving_only`, only those above the entry's potential, i.e.
/// the pairs whose reduced cost is negative. No conflicts, no reviewers without capacity.
fn best_outside(
    instance: &Instance,
    capacities: &[usize],
    flow: &Flow,
    entries: Vec<usize>,
    count: usize,
    improving_only: bool,
) -> Vec<NewPair> {
    let potentials: Vec<i64> = (0..instance.reviewers()).map(|r| flow.reviewer_potential(r)).collect();
    let potentials_as_floats: Vec<f64> = potentials.iter().map(|&p| p as f64).collect();
    let largest_potential = potentials_as_floats.iter().fold(0.0, |largest: f64, p| largest.max(p.abs()));
    let mut scratch = Vec::new();
    let mut best = TopList::new(count);
    let mut pairs = Vec::new();
    for entry in entries {
        best.clear();
        let floor = if improving_only { flow.entry_potential(entry) } else { i64::MIN };
        let row = instance.row(entry, &mut scratch);
        // A float filter first, the exact integer test only on what passes: the scan stays a
        // plain loop. The filter's slack covers rounding (0.5) and float error (a few ulps of
        // the magnitudes involved), so it lets through every pair the exact test accepts.
        let magnitude = largest_potential + MAX_ABS_AFFINITY * AFFINITY_SCALE + (floor as f64).abs();
        let floor_as_float = floor as f64 - 1.0 - 8.0 * f64::EPSILON * magnitude;
        for (reviewer, (&affinity, &potential)) in row.iter().zip(&potentials_as_floats).enumerate() {
            if affinity * AFFINITY_SCALE + potential > floor_as_float {
                let value = scaled(affinity) + potentials[reviewer];
                if value > floor
                    && best.admits(value)
                    && capacities[reviewer] > 0
                    && flow.candidates(entry).binary_search(&(reviewer as u32)).is_err()
                    && !instance.is_conflict(entry, reviewer)
                {
                    best.insert(value, reviewer as u32);
                }
            }
        }
        let mut chosen: Vec<u32> = best.reviewers().collect();
        chosen.sort_unstable();
        pairs.extend(chosen.into_iter().map(|reviewer| (entry as u32, reviewer, scaled(row[reviewer as usize]))));
    }
    pairs
}

/// The `limit` reviewers with the greatest values seen so far; a later reviewer displaces an
/// earlier one only with a strictly greater value.
struct TopList<T> {
    limit: usize,
    /// Best first.
    items: Vec<(T, u32)>,
}

impl<T: PartialOrd + Copy> TopList<T> {
    fn new(limit: usize) -> Self {
        Self { limit, items: Vec::with_capacity(limit + 1) }
    }

    fn clear(&mut self) {
        self.items.clear();
    }

    fn admits(&self, value: T) -> bool {
        self.limit > 0 && (self.items.len() < self.limit || value > self.items[self.items.len() - 1].0)
    }

    fn insert(&mut self, value: T, reviewer: u32) {
        let position = self.items.partition_point(|&(better, _)| better >= value);
        self.items.insert(position, (value, reviewer));
        self.items.truncate(self.limit);
    }

    fn reviewers(&self) -> impl Iterator<Item = u32> + '_ {
        self.items.iter().map(|&(_, reviewer)| reviewer)
    }
}

/// Hall's condition failing for `entries`, all of whose reviewers were in the flow.
fn group_shortfall(instance: &Instance, capacities: &[usize], entries: Vec<usize>) -> Infeasible {
    let mut conflicted_in_group = vec![0usize; instance.reviewers()];
    for &entry in &entries {
        for &reviewer in instance.conflicts_of(entry) {
            conflicted_in_group[reviewer as usize] += 1;
        }
    }
    let (mut reviewers, mut supply) = (0, 0);
    for (&capacity, &conflicted) in capacities.iter().zip(&conflicted_in_group) {
        let may_review = entries.len() - conflicted;
        if capacity > 0 && may_review > 0 {
            reviewers += 1;
            supply += capacity.min(may_review);
        }
    }
    let demand = entries.len() * instance.per_entry();
    debug_assert!(supply < demand, "a blocked group can take its demand");
    Infeasible::EntryGroup { entries, reviewers, demand, supply }
}

fn assignment(instance: &Instance, flow: &Flow, rounds: usize) -> Assignment {
    let mut pairs = Vec::with_capacity(instance.entries() * instance.per_entry());
    let mut scaled_total = 0;
    for entry in 0..instance.entries() {
        for (reviewer, profit) in flow.assigned_to(entry) {
            pairs.push(Pair { entry, reviewer, affinity: instance.affinity(entry, reviewer) });
            scaled_total += profit;
        }
    }
    Assignment {
        total: pairs.iter().map(|pair| pair.affinity).sum(),
        scaled_total,
        loads: flow.loads(),
        stats: SolveStats { candidate_pairs: flow.arcs(), rounds },
        pairs,
    }
}
