//! The solver against two independent references: exhaustive search (tiny instances) and a plain
//! min-cost flow on every allowed pair, Bellman-Ford style (larger ones). Same optimum, every
//! constraint respected, infeasibility explained truthfully, same answer for the same input.

use std::collections::VecDeque;

use kapok_assign::{AFFINITY_SCALE, Assignment, Infeasible, Instance, InstanceError, Limits, solve};
use proptest::prelude::*;

/// A problem in plain arrays, from which both the solver's instance and the references work.
#[derive(Clone, Debug)]
struct Problem {
    entries: usize,
    reviewers: usize,
    per_entry: usize,
    /// Row-major; `None`: no score given (affinity 0, sparse instances only).
    affinities: Vec<Option<f64>>,
    conflicts: Vec<bool>,
    quotas: Vec<usize>,
    default_quota: usize,
}

impl Problem {
    fn affinity(&self, entry: usize, reviewer: usize) -> f64 {
        self.affinities[entry * self.reviewers + reviewer].unwrap_or(0.0)
    }

    fn scaled(&self, entry: usize, reviewer: usize) -> i64 {
        (self.affinity(entry, reviewer) * AFFINITY_SCALE).round() as i64
    }

    fn allowed(&self, entry: usize, reviewer: usize) -> bool {
        !self.conflicts[entry * self.reviewers + reviewer] && self.capacity(reviewer) > 0
    }

    fn capacity(&self, reviewer: usize) -> usize {
        self.quotas[reviewer].min(self.entries)
    }

    fn limits(&self) -> Limits {
        Limits { per_entry: self.per_entry, max_per_reviewer: self.default_quota }
    }

    /// Dense when every score is given, else sparse; conflicts and quotas in the given order.
    fn instance(&self, order: &[usize]) -> Instance {
        let mut instance = if self.affinities.iter().all(Option::is_some) {
            let values = self.affinities.iter().map(|a| a.expect("all given")).collect();
            Instance::dense(self.entries, self.reviewers, values, self.limits()).expect("valid dense instance")
        } else {
            let triples = order
                .iter()
                .filter_map(|&pair| self.affinities[pair].map(|a| (pair / self.reviewers, pair % self.reviewers, a)));
            Instance::sparse(self.entries, self.reviewers, triples, self.limits()).expect("valid sparse instance")
        };
        for &pair in order {
            if self.conflicts[pair] {
                instance.add_conflict(pair / self.reviewers, pair % self.reviewers).expect("in range");
            }
        }
        for (reviewer, &quota) in self.quotas.iter().enumerate() {
            if quota != self.default_quota {
                instance.set_quota(reviewer, quota).expect("in range");
            }
        }
        instance
    }
}

/// The best total scaled affinity by trying every assignment (None: infeasible).
fn exhaustive_optimum(problem: &Problem) -> Option<i64> {
    fn subsets(items: &[usize], size: usize) -> Vec<Vec<usize>> {
        if size == 0 {
            return vec![Vec::new()];
        }
        let mut all = Vec::new();
        for (position, &item) in items.iter().enumerate() {
            for mut rest in subsets(&items[position + 1..], size - 1) {
                rest.insert(0, item);
                all.push(rest);
            }
        }
        all
    }
    fn search(problem: &Problem, choices: &[Vec<Vec<usize>>], entry: usize, room: &mut [usize]) -> Option<i64> {
        if entry == problem.entries {
            return Some(0);
        }
        let mut best = None;
        for choice in &choices[entry] {
            if choice.iter().all(|&r| room[r] > 0) {
                choice.iter().for_each(|&r| room[r] -= 1);
                if let Some(rest) = search(problem, choices, entry + 1, room) {
                    let total = rest + choice.iter().map(|&r| problem.scaled(entry, r)).sum::<i64>();
                    best = Some(best.map_or(total, |b: i64| b.max(total)));
                }
                choice.iter().for_each(|&r| room[r] += 1);
            }
        }
        best
    }
    let choices: Vec<Vec<Vec<usize>>> = (0..problem.entries)
        .map(|entry| {
            let allowed: Vec<usize> = (0..problem.reviewers).filter(|&r| problem.allowed(entry, r)).collect();
            subsets(&allowed, problem.per_entry)
        })
        .collect();
    let mut room: Vec<usize> = (0..problem.reviewers).map(|r| problem.capacity(r)).collect();
    search(problem, &choices, 0, &mut room)
}

/// The best total scaled affinity by a textbook min-cost flow on all allowed pairs: one unit at
/// a time along a cheapest path found by queue-based Bellman-Ford (None: infeasible).
fn flow_optimum(problem: &Problem) -> Option<i64> {
    struct Edge {
        to: usize,
        capacity: i64,
        cost: i64,
    }
    let (source, sink) = (0, 1);
    let entry_node = |e: usize| 2 + e;
    let reviewer_node = |r: usize| 2 + problem.entries + r;
    let nodes = 2 + problem.entries + problem.reviewers;
    let mut edges: Vec<Edge> = Vec::new();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); nodes];
    let mut add = |from: usize, to: usize, capacity: i64, cost: i64| {
        out[from].push(edges.len());
        edges.push(Edge { to, capacity, cost });
        out[to].push(edges.len());
        edges.push(Edge { to: from, capacity: 0, cost: -cost });
    };
    for entry in 0..problem.entries {
        add(source, entry_node(entry), problem.per_entry as i64, 0);
        for reviewer in 0..problem.reviewers {
            if problem.allowed(entry, reviewer) {
                add(entry_node(entry), reviewer_node(reviewer), 1, -problem.scaled(entry, reviewer));
            }
        }
    }
    for reviewer in 0..problem.reviewers {
        add(reviewer_node(reviewer), sink, problem.capacity(reviewer) as i64, 0);
    }
    let mut total_cost = 0;
    for _ in 0..problem.entries * problem.per_entry {
        let mut distance = vec![i64::MAX; nodes];
        let mut via = vec![usize::MAX; nodes];
        let mut queued = vec![false; nodes];
        let mut queue = VecDeque::from([source]);
        distance[source] = 0;
        while let Some(node) = queue.pop_front() {
            queued[node] = false;
            for &edge in &out[node] {
                let Edge { to, capacity, cost } = edges[edge];
                if capacity > 0 && distance[node] + cost < distance[to] {
                    distance[to] = distance[node] + cost;
                    via[to] = edge;
                    if !queued[to] {
                        queued[to] = true;
                        queue.push_back(to);
                    }
                }
            }
        }
        if distance[sink] == i64::MAX {
            return None;
        }
        total_cost += distance[sink];
        let mut node = sink;
        while node != source {
            let edge = via[node];
            edges[edge].capacity -= 1;
            edges[edge ^ 1].capacity += 1;
            node = edges[edge ^ 1].to;
        }
    }
    Some(-total_cost)
}

/// Every promise of an assignment, checked from the problem itself.
fn check_assignment(problem: &Problem, assignment: &Assignment) {
    let mut loads = vec![0; problem.reviewers];
    let mut per_entry = vec![Vec::new(); problem.entries];
    for pair in &assignment.pairs {
        assert!(!problem.conflicts[pair.entry * problem.reviewers + pair.reviewer], "conflicted pair {pair:?}");
        assert_eq!(pair.affinity, problem.affinity(pair.entry, pair.reviewer), "affinity of {pair:?}");
        loads[pair.reviewer] += 1;
        per_entry[pair.entry].push(pair.reviewer);
    }
    for (entry, reviewers) in per_entry.iter().enumerate() {
        assert_eq!(reviewers.len(), problem.per_entry, "entry {entry} has {reviewers:?}");
        assert!(reviewers.windows(2).all(|w| w[0] < w[1]), "entry {entry}: reviewers repeated or unsorted");
    }
    for (reviewer, &load) in loads.iter().enumerate() {
        assert!(load <= problem.quotas[reviewer], "reviewer {reviewer} has {load} entries");
    }
    assert_eq!(assignment.loads, loads);
    let keys: Vec<_> = assignment.pairs.iter().map(|p| (p.entry, p.reviewer)).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "pairs not sorted by entry then reviewer");
    let scaled: i64 = assignment.pairs.iter().map(|p| problem.scaled(p.entry, p.reviewer)).sum();
    assert_eq!(assignment.scaled_total, scaled);
    let total: f64 = assignment.pairs.iter().map(|p| p.affinity).sum();
    assert_eq!(assignment.total, total);
}

/// Every claim of an infeasibility, checked from the problem itself.
fn check_reason(problem: &Problem, reason: &Infeasible) {
    let capacity: usize = (0..problem.reviewers).map(|r| problem.capacity(r)).sum();
    match reason {
        Infeasible::TotalCapacity { capacity: claimed, entries, per_entry } => {
            assert_eq!((*claimed, *entries, *per_entry), (capacity, problem.entries, problem.per_entry));
            assert!(capacity < problem.entries * problem.per_entry);
        }
        Infeasible::EntryReviewers { entry, available, per_entry } => {
            let count = (0..problem.reviewers).filter(|&r| problem.allowed(*entry, r)).count();
            assert_eq!((*available, *per_entry), (count, problem.per_entry));
            assert!(count < problem.per_entry);
        }
        Infeasible::EntryGroup { entries, reviewers, demand, supply } => {
            assert!(!entries.is_empty() && entries.windows(2).all(|w| w[0] < w[1]));
            let (mut counted_reviewers, mut counted_supply) = (0, 0);
            for reviewer in 0..problem.reviewers {
                let may_review = entries.iter().filter(|&&e| problem.allowed(e, reviewer)).count();
                if may_review > 0 {
                    counted_reviewers += 1;
                    counted_supply += may_review.min(problem.capacity(reviewer));
                }
            }
            assert_eq!(
                (*reviewers, *supply, *demand),
                (counted_reviewers, counted_supply, entries.len() * problem.per_entry)
            );
            assert!(supply < demand, "{reason:?} is no shortfall");
        }
    }
}

/// Solves and checks against `reference`: the same optimum, or a true reason for none.
fn check_against(problem: &Problem, reference: Option<i64>) {
    let order: Vec<usize> = (0..problem.entries * problem.reviewers).collect();
    match (solve(&problem.instance(&order)), reference) {
        (Ok(assignment), Some(optimum)) => {
            check_assignment(problem, &assignment);
            assert_eq!(assignment.scaled_total, optimum, "not the optimum");
        }
        (Err(reason), None) => check_reason(problem, &reason),
        (Ok(assignment), None) => panic!("the reference finds no assignment, the solver finds {assignment:?}"),
        (Err(reason), Some(optimum)) => panic!("the reference finds {optimum}, the solver says {reason}"),
    }
}

/// Problems of the given size range. Affinities are small integers (many ties), or floats with
/// a share common to all entries ("popular" reviewers, who make entries compete), sometimes
/// negative, sometimes missing. Capacities are roomy or tight, conflicts random or in a block.
fn problems(
    entries: std::ops::RangeInclusive<usize>,
    reviewers: std::ops::RangeInclusive<usize>,
    per_entry: std::ops::RangeInclusive<usize>,
    popularity: std::ops::Range<f64>,
) -> impl Strategy<Value = Problem> {
    (entries, reviewers, per_entry, any::<u64>(), 0.0..0.3f64, 0.0..0.6f64, popularity, any::<bool>(), any::<bool>())
        .prop_map(|(entries, reviewers, per_entry, seed, conflict_rate, missing_rate, popularity, ties, tight)| {
            let mut random = SplitMix64(seed);
            let popular: Vec<f64> = (0..reviewers).map(|_| random.unit()).collect();
            let pairs = entries * reviewers;
            let sparse = random.unit() < 0.5;
            let affinities = (0..pairs)
                .map(|pair| {
                    if sparse && random.unit() < missing_rate {
                        return None;
                    }
                    let own = random.unit();
                    Some(if ties {
                        (own * 5.0).floor() - 1.0
                    } else {
                        (1.0 - popularity) * (2.0 * own - 0.5) + popularity * popular[pair % reviewers]
                    })
                })
                .collect();
            // Sometimes a block: a group of entries conflicted with most reviewers, so that they
            // compete for the few left (Hall's condition at stake).
            let block = random.unit() < 0.3;
            let blocked_entries: Vec<bool> = (0..entries).map(|_| block && random.unit() < 0.4).collect();
            let blocked_reviewers: Vec<bool> = (0..reviewers).map(|_| random.unit() < 0.7).collect();
            let conflicts = (0..pairs)
                .map(|pair| {
                    let in_block = blocked_entries[pair / reviewers] && blocked_reviewers[pair % reviewers];
                    in_block || random.unit() < conflict_rate
                })
                .collect();
            // Tight: total capacity near the demand; otherwise roomy. Quotas sometimes differ.
            let needed = (entries * per_entry).div_ceil(reviewers.max(1));
            let default_quota = if tight { needed } else { needed + 1 + (random.unit() * 3.0) as usize };
            let quotas =
                (0..reviewers)
                    .map(|_| {
                        if random.unit() < 0.2 { (random.unit() * (needed + 2) as f64) as usize } else { default_quota }
                    })
                    .collect();
            Problem { entries, reviewers, per_entry, affinities, conflicts, quotas, default_quota }
        })
}

struct SplitMix64(u64);

impl SplitMix64 {
    fn unit(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn tiny_instances_match_exhaustive_search(problem in problems(1..=4, 1..=5, 1..=3, 0.0..0.9)) {
        check_against(&problem, exhaustive_optimum(&problem));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    /// More reviewers than an entry's first candidates, so that pricing and added pairs matter.
    #[test]
    fn larger_instances_match_a_plain_min_cost_flow(problem in problems(5..=50, 3..=40, 1..=4, 0.0..0.9)) {
        check_against(&problem, flow_optimum(&problem));
    }

    /// Entries that all want the same few reviewers: bids, evictions, pairs added as prices rise.
    #[test]
    fn entries_competing_for_popular_reviewers_match_a_plain_min_cost_flow(
        problem in problems(20..=60, 15..=50, 1..=3, 0.7..0.95)
    ) {
        check_against(&problem, flow_optimum(&problem));
    }

    /// The same problem, its sparse triples and conflicts given in another order, gives the
    /// same assignment.
    #[test]
    fn same_input_same_assignment(problem in problems(5..=30, 3..=20, 1..=3, 0.0..0.9), seed in any::<u64>()) {
        let pairs = problem.entries * problem.reviewers;
        let order: Vec<usize> = (0..pairs).collect();
        let mut shuffled = order.clone();
        let mut random = SplitMix64(seed);
        for position in (1..pairs).rev() {
            shuffled.swap(position, (random.unit() * (position + 1) as f64) as usize);
        }
        let first = solve(&problem.instance(&order));
        prop_assert_eq!(&first, &solve(&problem.instance(&order)));
        prop_assert_eq!(&first, &solve(&problem.instance(&shuffled)));
    }
}

#[test]
fn a_hundred_entries_with_popular_reviewers_match_a_plain_min_cost_flow() {
    for seed in 0..4 {
        let mut random = SplitMix64(seed);
        let (entries, reviewers) = (100, 30);
        let popular: Vec<f64> = (0..reviewers).map(|_| random.unit()).collect();
        let problem = Problem {
            entries,
            reviewers,
            per_entry: 3,
            affinities: (0..entries * reviewers)
                .map(|pair| Some(0.3 * random.unit() + 0.7 * popular[pair % reviewers]))
                .collect(),
            conflicts: (0..entries * reviewers).map(|_| random.unit() < 0.1).collect(),
            quotas: vec![11; reviewers],
            default_quota: 11,
        };
        check_against(&problem, flow_optimum(&problem));
    }
}

#[test]
fn a_missing_score_counts_as_zero() {
    // Entry 0 has a negative score with reviewer 0 and none with reviewer 1: it gets reviewer 1.
    let instance = Instance::sparse(1, 2, [(0, 0, -0.5)], Limits { per_entry: 1, max_per_reviewer: 1 }).unwrap();
    let assignment = solve(&instance).unwrap();
    assert_eq!((assignment.pairs[0].reviewer, assignment.pairs[0].affinity), (1, 0.0));
}

#[test]
fn quotas_override_the_default_limit_both_ways() {
    // Everyone prefers reviewer 0; L = 1 but reviewer 0's quota is 3, and reviewer 1's is 0.
    let affinities = vec![0.9, 0.8, 0.1, 0.9, 0.8, 0.1, 0.9, 0.8, 0.1];
    let mut instance = Instance::dense(3, 3, affinities, Limits { per_entry: 1, max_per_reviewer: 1 }).unwrap();
    instance.set_quota(0, 3).unwrap();
    instance.set_quota(1, 0).unwrap();
    let assignment = solve(&instance).unwrap();
    assert_eq!(assignment.loads, vec![3, 0, 0]);
    assert!((assignment.total - 2.7).abs() < 1e-12);
}

#[test]
fn an_entry_gives_up_its_favourite_when_that_frees_more_for_others() {
    // Reviewer 0 takes one entry. Entry 0 likes it a little more than reviewer 1; entry 1 has no
    // good alternative. The optimum gives reviewer 0 to entry 1.
    let affinities = vec![1.0, 0.9, 1.0, 0.0];
    let instance = Instance::dense(2, 2, affinities, Limits { per_entry: 1, max_per_reviewer: 1 }).unwrap();
    let assignment = solve(&instance).unwrap();
    let chosen: Vec<_> = assignment.pairs.iter().map(|p| (p.entry, p.reviewer)).collect();
    assert_eq!(chosen, vec![(0, 1), (1, 0)]);
    assert_eq!(assignment.scaled_total, 1_900_000);
}

#[test]
fn scaling_rounds_to_micro_units_and_totals_add_the_floats() {
    let affinities = vec![0.1234564, 0.1234566];
    let instance = Instance::dense(2, 1, affinities, Limits { per_entry: 1, max_per_reviewer: 2 }).unwrap();
    let assignment = solve(&instance).unwrap();
    assert_eq!(assignment.scaled_total, 123_456 + 123_457);
    assert_eq!(assignment.total, 0.1234564 + 0.1234566);
}

#[test]
fn nothing_to_assign_is_an_empty_assignment() {
    let none = Instance::dense(0, 3, Vec::new(), Limits { per_entry: 3, max_per_reviewer: 1 }).unwrap();
    assert_eq!(solve(&none).unwrap().pairs, Vec::new());
    let zero_k = Instance::dense(2, 1, vec![0.5, 0.5], Limits { per_entry: 0, max_per_reviewer: 0 }).unwrap();
    let assignment = solve(&zero_k).unwrap();
    assert_eq!((assignment.pairs.len(), assignment.loads.clone()), (0, vec![0]));
}

#[test]
fn instances_refuse_what_the_solver_cannot_take() {
    let limits = Limits { per_entry: 1, max_per_reviewer: 1 };
    let error = |result: Result<Instance, InstanceError>| result.unwrap_err().to_string();
    assert_eq!(
        error(Instance::dense(2, 2, vec![0.0; 3], limits)),
        "the affinity matrix has 3 values, expected entries × reviewers = 4"
    );
    assert_eq!(
        error(Instance::dense(1, 2, vec![0.0, f64::NAN], limits)),
        "affinity NaN of entry 0 and reviewer 1 is not a finite number within ±1000000"
    );
    assert_eq!(error(Instance::sparse(1, 2, [(0, 2, 0.5)], limits)), "reviewer 2 is out of range (0..2)");
    assert_eq!(
        error(Instance::sparse(2, 2, [(1, 0, 0.5), (0, 1, 0.1), (1, 0, 0.7)], limits)),
        "entry 1 and reviewer 0 are given two affinities"
    );
    let mut instance = Instance::dense(1, 1, vec![0.5], limits).unwrap();
    assert_eq!(instance.add_conflict(1, 0).unwrap_err().to_string(), "entry 1 is out of range (0..1)");
    assert_eq!(instance.set_quota(3, 1).unwrap_err().to_string(), "reviewer 3 is out of range (0..1)");
}
