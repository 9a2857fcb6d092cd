//! Min-cost flow on a bipartite graph of candidate pairs.
//!
//! The network is entry (supplies k) → reviewer (1 unit per pair, cost −profit) → sink (up to the
//! reviewer's capacity; demands entries × k). Potentials `π` keep every residual arc's reduced
//! cost `cost + π(tail) − π(head)` non-negative throughout, so that at the end they are an
//! optimal dual solution, which the caller checks the pairs left out of the graph against. Two
//! kinds of step keep that invariant:
//!
//! - bids ([`Flow::bid`]), an auction without ε: cheap and local, they do most of the work, even
//!   where many entries want the same reviewers;
//! - successive shortest paths, each found by Dijkstra on reduced costs and stopped at the first
//!   node owed a unit, for what the bids leave; only settled nodes' potentials move (by their
//!   distance less the path's length), so most searches touch a handful of nodes.
//!
//! Pairs can be added between fills ([`Flow::add_pairs`]): an entry whose new pair would have a
//! negative reduced cost raises its potential, and releases the reviewers that the raise makes
//! too expensive. A released reviewer with a price owes the sink the unit (it keeps sending it)
//! and becomes a target in turn, so the flow goes on from where it was instead of anew.
//!
//! Magnitudes: potentials stay within about nodes × the largest scaled affinity difference
//! (2 × 10^12), which the instance's size limit keeps inside i64.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// Pairs grouped by entry: entry `e`'s arcs are `row_start[e]..row_start[e + 1]`, sorted by
/// reviewer.
pub(crate) struct Graph {
    pub row_start: Vec<usize>,
    pub reviewer: Vec<u32>,
    /// The scaled affinity of each pair.
    pub profit: Vec<i64>,
}

/// A pair to add: entry, reviewer, scaled affinity.
pub(crate) type NewPair = (u32, u32, i64);

/// Bids per missing unit before the shortest paths take over from the auction.
const BIDS_PER_UNIT: usize = 32;

pub(crate) struct Flow {
    graph: Graph,
    arc_entry: Vec<u32>,
    assigned: Vec<bool>,
    per_entry: u32,
    entry_load: Vec<u32>,
    /// Per reviewer, the arcs assigned to them.
    reviewer_arcs: Vec<Vec<u32>>,
    capacity: Vec<u32>,
    /// Units each reviewer sends to the sink: their load, or more while they owe released units.
    to_sink: Vec<u32>,
    /// Units the sink still waits for.
    sink_shortfall: usize,
    /// Entries are nodes `0..entries`, reviewers follow, the sink is last.
    potential: Vec<i64>,
    search: Search,
}

/// Dijkstra's working memory, reused across searches: a node's distance counts only when its
/// `reached` stamp is the current search's, so nothing is cleared between searches.
struct Search {
    stamp: u32,
    reached: Vec<u32>,
    settled: Vec<u32>,
    distance: Vec<i64>,
    /// How a node was reached: for an entry, the pair it gives up; for a reviewer, the pair it
    /// gains or [`FROM_SINK`]; for the sink, the reviewer that sends one more unit.
    via: Vec<u32>,
    heap: BinaryHeap<Reverse<(i64, u32)>>,
    settled_nodes: Vec<u32>,
}

/// A reviewer reached backwards from the sink: they send it one unit less.
const FROM_SINK: u32 = u32::MAX;

/// No augmenting path from an entry: these entries (those the search reached) cannot all get k
/// reviews from the pairs in the graph.
pub(crate) struct Blocked {
    pub entries: Vec<usize>,
}

impl Flow {
    pub fn new(graph: Graph, capacities: &[usize], per_entry: usize) -> Self {
        let entries = graph.row_start.len() - 1;
        let reviewers = capacities.len();
        let nodes = entries + reviewers + 1;
        let mut potential = vec![0; nodes];
        for (entry, potential) in potential.iter_mut().enumerate().take(entries) {
            // The best pair's reduced cost is 0, none is negative.
            let arcs = graph.row_start[entry]..graph.row_start[entry + 1];
            *potential = graph.profit[arcs].iter().copied().max().unwrap_or(0);
        }
        Self {
            arc_entry: arc_entries(&graph.row_start),
            assigned: vec![false; graph.reviewer.len()],
            graph,
            per_entry: per_entry as u32,
            entry_load: vec![0; entries],
            reviewer_arcs: vec![Vec::new(); reviewers],
            capacity: capacities.iter().map(|&c| c as u32).collect(),
            to_sink: vec![0; reviewers],
            sink_shortfall: entries * per_entry,
            potential,
            search: Search {
                stamp: 0,
                reached: vec![0; nodes],
                settled: vec![0; nodes],
                distance: vec![0; nodes],
                via: vec![0; nodes],
                heap: BinaryHeap::new(),
                settled_nodes: Vec::new(),
            },
        }
    }

    fn entries(&self) -> usize {
        self.entry_load.len()
    }

    fn sink(&self) -> u32 {
        (self.potential.len() - 1) as u32
    }

    /// Gives every entry its k reviewers at least total cost: by bidding while that is cheap,
    /// then by shortest paths, one unit at a time: first every entry's first reviewer, then the
    /// second, and so on (early units find short paths).
    pub fn fill(&mut self) -> Result<(), Blocked> {
        self.bid();
        for target in 1..=self.per_entry {
            for entry in 0..self.entries() {
                while self.entry_load[entry] < target {
                    self.augment_from(entry)?;
                }
            }
        }
        Ok(())
    }

    /// Short entries take their best reviewer, as in an auction without ε (Jonker and Volgenant's
    /// augmenting row reduction): a reviewer with room accepts; a full one keeps the entries
    /// that want them most at a price that the least keen of them would still pay, and lets the
    /// others go. Each bid keeps every reduced cost non-negative, so the shortest paths can take
    /// over at any point; they do for entries that lose a bid without raising the price (torn
    /// between two reviewers, they would bid for ever), that have fewer than two reviewers left
    /// to choose from, or whose reviewer has room while the sink needs nothing more, and for
    /// everyone once the bids run out.
    fn bid(&mut self) {
        let entries = self.entries();
        let short: usize = self.entry_load.iter().map(|&load| (self.per_entry - load) as usize).sum();
        let mut bids_left = BIDS_PER_UNIT.saturating_mul(short);
        let mut queue: VecDeque<u32> =
            (0..entries as u32).filter(|&entry| self.entry_load[entry as usize] < self.per_entry).collect();
        while let Some(entry) = queue.pop_front() {
            let entry = entry as usize;
            if self.entry_load[entry] == self.per_entry {
                continue;
            }
            if bids_left == 0 {
                break;
            }
            bids_left -= 1;
            let Some((arc, second)) = self.best_two_outside(entry) else { continue };
            let reviewer = self.graph.reviewer[arc as usize] as usize;
            let load = self.reviewer_arcs[reviewer].len() as u32;
            let sending = self.to_sink[reviewer];
            let node = entries + reviewer;
            let sink_potential = self.potential[self.sink() as usize];
            if load < sending {
                // A place the reviewer owes: taking it changes no price.
                self.assign(arc);
            } else if sending < self.capacity[reviewer] && self.sink_shortfall > 0 {
                if self.potential[node] != sink_potential {
                    // Unused so far (potential above the sink's, which the unit would pass
                    // through): bring it down to the sink's, then let the entry look again.
                    self.potential[node] = sink_potential;
                    queue.push_back(entry as u32);
                    continue;
                }
                self.to_sink[reviewer] += 1;
                self.sink_shortfall -= 1;
                self.assign(arc);
            } else if load == self.capacity[reviewer] {
                // Full: whoever would leave at the lowest price leaves; the price rises to what
                // the least keen of those who stay would still pay. Keenness is read from the
                // potentials: `π(entry) − profit` is how low the reviewer's potential can go.
                let bidder_bound = second - self.graph.profit[arc as usize];
                let (leaver, leaver_bound) = self.reviewer_arcs[reviewer]
                    .iter()
                    .map(|&held| (held, self.leave_bound(held)))
                    .fold(None, |least: Option<(u32, i64)>, (held, bound)| match least {
                        Some((_, least_bound)) if least_bound >= bound => least,
                        _ => Some((held, bound)),
                    })
                    .expect("a full reviewer holds pairs");
                if bidder_bound >= leaver_bound {
                    // The bidder is the least keen: only the price moves.
                    let rose = leaver_bound < self.potential[node];
                    self.potential[node] = leaver_bound;
                    self.potential[entry] = second;
                    if rose {
                        queue.push_back(entry as u32);
                    }
                    continue;
                }
                let staying_bound = self.reviewer_arcs[reviewer]
                    .iter()
                    .filter(|&&held| held != leaver)
                    .map(|&held| self.leave_bound(held))
                    .fold(bidder_bound, i64::max);
                self.potential[node] = staying_bound;
                let left = self.arc_entry[leaver as usize];
                self.release(leaver);
                self.entry_load[left as usize] -= 1;
                queue.push_back(left);
                self.assign(arc);
            } else {
                continue;
            }
            self.potential[entry] = second;
            self.entry_load[entry] += 1;
            if self.entry_load[entry] < self.per_entry {
                queue.push_back(entry as u32);
            }
        }
    }

    /// An entry's best unassigned pair and the value of its second best, by `profit + π(reviewer)`
    /// (ties to the first); `None` with fewer than two.
    fn best_two_outside(&self, entry: usize) -> Option<(u32, i64)> {
        let entries = self.entries();
        let (mut best, mut second): (Option<(u32, i64)>, Option<i64>) = (None, None);
        for arc in self.graph.row_start[entry]..self.graph.row_start[entry + 1] {
            if self.assigned[arc] {
                continue;
            }
            let value = self.graph.profit[arc] + self.potential[entries + self.graph.reviewer[arc] as usize];
            match best {
                Some((_, best_value)) if value <= best_value => second = Some(second.map_or(value, |s| s.max(value))),
                _ => {
                    second = best.map(|(_, best_value)| best_value).or(second);
                    best = Some((arc as u32, value));
                }
            }
        }
        Some((best?.0, second?))
    }

    /// The lowest potential the reviewer of an assigned pair can have with the pair's reduced
    /// cost still non-negative.
    fn leave_bound(&self, arc: u32) -> i64 {
        self.potential[self.arc_entry[arc as usize] as usize] - self.graph.profit[arc as usize]
    }

    /// One more reviewer for `entry`, along a shortest augmenting path.
    fn augment_from(&mut self, entry: usize) -> Result<(), Blocked> {
        let Some((target, length)) = self.shortest_path(entry as u32) else {
            let entries = self.entries() as u32;
            let mut blocked: Vec<usize> =
                self.search.settled_nodes.iter().filter(|&&node| node < entries).map(|&node| node as usize).collect();
            blocked.sort_unstable();
            return Err(Blocked { entries: blocked });
        };
        for &node in &self.search.settled_nodes {
            self.potential[node as usize] += self.search.distance[node as usize] - length;
        }
        let (entries, sink) = (self.entries() as u32, self.sink());
        if target == sink {
            self.sink_shortfall -= 1;
        }
        // Walk the path back to `entry`, moving one unit along each arc.
        let mut node = target;
        loop {
            let via = self.search.via[node as usize];
            if node == sink {
                self.to_sink[via as usize] += 1;
                node = entries + via;
            } else if node >= entries && via == FROM_SINK {
                self.to_sink[(node - entries) as usize] -= 1;
                node = sink;
            } else if node >= entries {
                self.assign(via);
                node = self.arc_entry[via as usize];
                if node as usize == entry {
                    break;
                }
            } else {
                self.release(via);
                node = entries + self.graph.reviewer[via as usize];
            }
        }
        self.entry_load[entry] += 1;
        Ok(())
    }

    fn assign(&mut self, arc: u32) {
        self.assigned[arc as usize] = true;
        self.reviewer_arcs[self.graph.reviewer[arc as usize] as usize].push(arc);
    }

    /// Takes a pair out of the assignment; the entry's load is the caller's business.
    fn release(&mut self, arc: u32) {
        self.assigned[arc as usize] = false;
        let arcs = &mut self.reviewer_arcs[self.graph.reviewer[arc as usize] as usize];
        let position = arcs.iter().position(|&a| a == arc).expect("a released pair is assigned");
        arcs.swap_remove(position);
    }

    /// Dijkstra from `source` to the nearest node owed a unit (the sink, or a reviewer who
    /// released one): that node and its distance.
    fn shortest_path(&mut self, source: u32) -> Option<(u32, i64)> {
        let (entries, sink) = (self.entries() as u32, self.sink());
        let search = &mut self.search;
        search.stamp = search.stamp.checked_add(1).unwrap_or_else(|| {
            search.reached.fill(0);
            search.settled.fill(0);
            1
        });
        search.heap.clear();
        search.settled_nodes.clear();
        search.reach(source, 0, u32::MAX);
        while let Some(Reverse((distance, node))) = search.heap.pop() {
            if search.settled[node as usize] == search.stamp {
                continue;
            }
            search.settled[node as usize] = search.stamp;
            search.settled_nodes.push(node);
            let node_potential = self.potential[node as usize];
            if node < entries {
                for arc in self.graph.row_start[node as usize]..self.graph.row_start[node as usize + 1] {
                    if !self.assigned[arc] {
                        let head = entries + self.graph.reviewer[arc];
                        let reduced = node_potential - self.graph.profit[arc] - self.potential[head as usize];
                        debug_assert!(reduced >= 0, "negative reduced cost {reduced} into a reviewer");
                        search.reach(head, distance + reduced, arc as u32);
                    }
                }
            } else if node < sink {
                let reviewer = (node - entries) as usize;
                let sending = self.to_sink[reviewer];
                if sending > self.reviewer_arcs[reviewer].len() as u32 {
                    return Some((node, distance));
                }
                for &arc in &self.reviewer_arcs[reviewer] {
                    let head = self.arc_entry[arc as usize];
                    let reduced = node_potential + self.graph.profit[arc as usize] - self.potential[head as usize];
                    debug_assert!(reduced >= 0, "negative reduced cost {reduced} back to an entry");
                    search.reach(head, distance + reduced, arc);
                }
                if sending < self.capacity[reviewer] {
                    let reduced = node_potential - self.potential[sink as usize];
                    debug_assert!(reduced >= 0, "negative reduced cost {reduced} into the sink");
                    search.reach(sink, distance + reduced, reviewer as u32);
                }
            } else {
                if self.sink_shortfall > 0 {
                    return Some((node, distance));
                }
                for (reviewer, &sending) in self.to_sink.iter().enumerate() {
                    if sending > 0 {
                        let head = entries + reviewer as u32;
                        let reduced = node_potential - self.potential[head as usize];
                        debug_assert!(reduced >= 0, "negative reduced cost {reduced} back from the sink");
                        search.reach(head, distance + reduced, FROM_SINK);
                    }
                }
            }
        }
        None
    }

    /// Adds pairs (none already in the graph), sorted by entry then reviewer, keeping the flow
    /// and the reduced costs' signs: see the module's documentation.
    pub fn add_pairs(&mut self, pairs: &[NewPair]) {
        let entries = self.entries();
        let old =
            std::mem::replace(&mut self.graph, Graph { row_start: vec![0], reviewer: Vec::new(), profit: Vec::new() });
        let mut new_index = Vec::with_capacity(old.reviewer.len());
        let mut assigned = Vec::with_capacity(old.reviewer.len() + pairs.len());
        let mut added = pairs.iter().peekable();
        for entry in 0..entries {
            for arc in old.row_start[entry]..old.row_start[entry + 1] {
                while let Some(&&(_, reviewer, profit)) =
                    added.peek().filter(|&&&(e, r, _)| e as usize == entry && r < old.reviewer[arc])
                {
                    self.graph.reviewer.push(reviewer);
                    self.graph.profit.push(profit);
                    assigned.push(false);
                    added.next();
                }
                new_index.push(self.graph.reviewer.len() as u32);
                self.graph.reviewer.push(old.reviewer[arc]);
                self.graph.profit.push(old.profit[arc]);
                assigned.push(self.assigned[arc]);
            }
            while let Some(&&(_, reviewer, profit)) = added.peek().filter(|&&&(e, _, _)| e as usize == entry) {
                self.graph.reviewer.push(reviewer);
                self.graph.profit.push(profit);
                assigned.push(false);
                added.next();
            }
            self.graph.row_start.push(self.graph.reviewer.len());
        }
        self.assigned = assigned;
        self.arc_entry = arc_entries(&self.graph.row_start);
        for arcs in &mut self.reviewer_arcs {
            for arc in arcs.iter_mut() {
                *arc = new_index[*arc as usize];
            }
        }
        for (entry, new) in pairs.chunk_by(|a, b| a.0 == b.0).map(|chunk| (chunk[0].0 as usize, chunk)) {
            let best = new.iter().map(|&(_, r, profit)| profit + self.potential[entries + r as usize]).max();
            let Some(best) = best.filter(|&best| best > self.potential[entry]) else { continue };
            self.potential[entry] = best;
            for arc in self.graph.row_start[entry]..self.graph.row_start[entry + 1] {
                let reviewer = self.graph.reviewer[arc] as usize;
                if self.assigned[arc] && self.graph.profit[arc] + self.potential[entries + reviewer] < best {
                    self.release(arc as u32);
                    self.entry_load[entry] -= 1;
                    // A reviewer at the sink's potential (no price) can give the unit back to
                    // the sink; one with a price must fill the place again.
                    if self.potential[entries + reviewer] == self.potential[self.sink() as usize] {
                        self.to_sink[reviewer] -= 1;
                        self.sink_shortfall += 1;
                    }
                }
            }
        }
    }

    /// π of an entry: no pair left out may have `profit + π(reviewer)` above it, else the flow
    /// is not optimal.
    pub fn entry_potential(&self, entry: usize) -> i64 {
        self.potential[entry]
    }

    /// π of a reviewer (lower when they are in demand).
    pub fn reviewer_potential(&self, reviewer: usize) -> i64 {
        self.potential[self.entries() + reviewer]
    }

    /// The reviewers in the graph for an entry, sorted.
    pub fn candidates(&self, entry: usize) -> &[u32] {
        &self.graph.reviewer[self.graph.row_start[entry]..self.graph.row_start[entry + 1]]
    }

    /// The reviewers assigned to an entry, sorted, with the pairs' profits.
    pub fn assigned_to(&self, entry: usize) -> impl Iterator<Item = (usize, i64)> + '_ {
        (self.graph.row_start[entry]..self.graph.row_start[entry + 1])
            .filter(|&arc| self.assigned[arc])
            .map(|arc| (self.graph.reviewer[arc] as usize, self.graph.profit[arc]))
    }

    /// How many entries each reviewer has.
    pub fn loads(&self) -> Vec<usize> {
        self.reviewer_arcs.iter().map(Vec::len).collect()
    }

    pub fn arcs(&self) -> usize {
        self.graph.reviewer.len()
    }
}

fn arc_entries(row_start: &[usize]) -> Vec<u32> {
    let mut arc_entry = vec![0; row_start[row_start.len() - 1]];
    for (entry, bounds) in row_start.windows(2).enumerate() {
        arc_entry[bounds[0]..bounds[1]].fill(entry as u32);
    }
    arc_entry
}

impl Search {
    fn reach(&mut self, node: u32, distance: i64, via: u32) {
        let index = node as usize;
        if self.reached[index] != self.stamp || distance < self.distance[index] {
            self.reached[index] = self.stamp;
            self.distance[index] = distance;
            self.via[index] = via;
            self.heap.push(Reverse((distance, node)));
        }
    }
}
