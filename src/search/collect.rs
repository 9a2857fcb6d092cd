//! One pass over the documents a query matches: the total, the best few in the requested
//! order (after a cursor, if any), and the facet counts.
//!
//! Facet counts are disjunctive, as faceted search is expected to behave: a value's count is
//! the number of results there would be with that value selected *in addition* to the other
//! dimensions' selections (so selecting Colombia still shows how many Brazil would add). A
//! document that passes every selection counts for all its values; one that fails exactly one
//! dimension counts for that dimension only.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{Scorer, Weight};
use tantivy::{DocAddress, DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

use super::facets::Facet;

/// What the collector reads of each document, unpacked into plain arrays when a generation is
/// opened: reading them is several times faster than decoding the index's compressed columns
/// for every matching document of every search.
///
/// Facet values are counted by combination: the dimensions fall into [`GROUPS`] whose values
/// go together (an edition with its award and year and the entry's status; governments with
/// their countries, continents and levels; themes with goals), a document has one combination
/// of values per group, and a library has far fewer combinations than documents. A matching
/// document adds one to each of its three combinations; the combinations' counts are spread
/// over their values once, after the pass. Values are numbered across all dimensions (see
/// [`Layout`]).
pub(crate) struct SegmentFacets {
    /// Per document, its combination in each group.
    combinations: Vec<[u32; GROUPS.len()]>,
    /// Per group, the values of each combination.
    groups: [Combinations; GROUPS.len()],
    year: Vec<u32>,
    rank: Vec<u8>,
    entry: Vec<u64>,
    /// Where each global ordinal's documents start in `holders` (one more entry than values).
    holder_starts: Vec<u32>,
    /// The documents having each value, value by value, ascending: where a search with facet
    /// filters and no words finds its candidates without visiting every document.
    holders: Vec<u32>,
}

/// The dimensions counted together, each in exactly one group (see [`SegmentFacets`]).
const GROUPS: [&[Facet]; 3] = [
    &[Facet::Award, Facet::Edition, Facet::Status, Facet::Year],
    &[Facet::Continent, Facet::Country, Facet::City, Facet::Level],
    &[Facet::Theme, Facet::Sdg],
];

/// The group of each dimension, by facet index.
const fn group_of(facet: usize) -> usize {
    let mut group = 0;
    while group < GROUPS.len() {
        let mut i = 0;
        while i < GROUPS[group].len() {
            if GROUPS[group][i] as usize == facet {
                return group;
            }
            i += 1;
        }
        group += 1;
    }
    panic!("a dimension in no group")
}

// Every dimension is in one group (checked when compiled).
const _: () = {
    let mut facet = 0;
    let mut in_groups = 0;
    while facet < Facet::ALL.len() {
        group_of(Facet::ALL[facet] as usize);
        facet += 1;
    }
    let mut group = 0;
    while group < GROUPS.len() {
        in_groups += GROUPS[group].len();
        group += 1;
    }
    assert!(in_groups == Facet::ALL.len());
};

/// The distinct combinations of one group's values in a segment, numbered in order of
/// appearance.
#[derive(Default)]
struct Combinations {
    /// Where each combination's values start in `values` (one more entry than combinations).
    starts: Vec<u32>,
    values: Vec<u32>,
}

impl Combinations {
    fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    fn values(&self, combination: u32) -> &[u32] {
        let at = combination as usize;
        &self.values[self.starts[at] as usize..self.starts[at + 1] as usize]
    }
}

// The filtered dimensions are kept as bits of a u32.
const _: () = assert!(Facet::ALL.len() <= 32);

/// Facet values numbered across all dimensions: dimension `f`'s ordinal `o` is `bases[f] + o`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layout {
    /// One more entry than dimensions; the last is the number of values in all.
    bases: Vec<u32>,
}

impl Layout {
    pub fn new(cardinalities: &[usize]) -> Layout {
        let mut bases = Vec::with_capacity(cardinalities.len() + 1);
        let mut next = 0u32;
        for cardinality in cardinalities {
            bases.push(next);
            next += *cardinality as u32;
        }
        bases.push(next);
        Layout { bases }
    }

    fn len(&self) -> usize {
        self.bases.last().copied().unwrap_or(0) as usize
    }

    /// The global ordinal of a dimension's value; None beyond what the dimension has.
    fn global(&self, facet: usize, ordinal: u64) -> Option<u32> {
        let (base, end) = (*self.bases.get(facet)?, *self.bases.get(facet + 1)?);
        u32::try_from(ordinal).ok().and_then(|o| base.checked_add(o)).filter(|v| *v < end)
    }

    fn range(&self, facet: usize) -> std::ops::Range<u32> {
        self.bases[facet]..self.bases[facet + 1]
    }

    /// Flat counts back into one list per dimension.
    fn split(&self, flat: &[u32]) -> Vec<Vec<u32>> {
        (0..self.bases.len() - 1)
            .map(|f| flat[self.range(f).start as usize..self.range(f).end as usize].to_vec())
            .collect()
    }
}

impl SegmentFacets {
    /// Reads a segment's columns; `capacities` (by facet index) are the layout's room per
    /// dimension, at least the dictionary's cardinalities.
    pub fn load(reader: &SegmentReader, capacities: &[usize]) -> tantivy::Result<SegmentFacets> {
        let fast = reader.fast_fields();
        let columns = Facet::ALL
            .iter()
            .map(|facet| fast.u64(&facet.field_name()))
            .collect::<tantivy::Result<Vec<Column<u64>>>>()?;
        let single = |name: &str| -> tantivy::Result<Vec<u64>> {
            let column: Column<u64> = fast.u64(name)?;
            Ok((0..reader.max_doc()).map(|doc| column.first(doc).unwrap_or(0)).collect())
        };
        let per_doc =
            |doc: DocId| -> Vec<Vec<u64>> { columns.iter().map(|c| c.values_for_doc(doc).collect()).collect() };
        Ok(SegmentFacets::new(
            &Layout::new(capacities),
            (0..reader.max_doc()).map(per_doc),
            single("year")?.into_iter().map(|y| y as u32).collect(),
            single("rank")?.into_iter().map(|r| r as u8).collect(),
            single("entry")?,
        ))
    }

    /// From each document's values (per facet index, as the dictionary numbers them); values a
    /// dimension does not have are left out.
    fn new(
        layout: &Layout,
        documents: impl Iterator<Item = Vec<Vec<u64>>>,
        year: Vec<u32>,
        rank: Vec<u8>,
        entry: Vec<u64>,
    ) -> SegmentFacets {
        let mut groups: [Combinations; GROUPS.len()] = Default::default();
        let mut known: [HashMap<Vec<u32>, u32>; GROUPS.len()] = Default::default();
        let mut combinations = Vec::with_capacity(entry.len());
        let mut holder_starts = vec![0u32; layout.len() + 1];
        let mut all_values: Vec<u32> = Vec::new();
        let mut doc_starts = Vec::with_capacity(entry.len() + 1);
        for document in documents {
            doc_starts.push(all_values.len() as u32);
            let mut of_document = [0u32; GROUPS.len()];
            for (group, facets) in GROUPS.iter().enumerate() {
                let values: Vec<u32> = facets
                    .iter()
                    .flat_map(|facet| {
                        let ordinals = document.get(facet.index()).map(Vec::as_slice).unwrap_or(&[]);
                        ordinals.iter().filter_map(|o| layout.global(facet.index(), *o))
                    })
                    .collect();
                for value in &values {
                    holder_starts[*value as usize + 1] += 1;
                }
                all_values.extend(&values);
                let combinations = &mut groups[group];
                of_document[group] = *known[group].entry(values).or_insert_with_key(|values| {
                    if combinations.starts.is_empty() {
                        combinations.starts.push(0);
                    }
                    combinations.values.extend(values);
                    combinations.starts.push(combinations.values.len() as u32);
                    (combinations.starts.len() - 2) as u32
                });
            }
            combinations.push(of_document);
        }
        doc_starts.push(all_values.len() as u32);
        for i in 1..holder_starts.len() {
            holder_starts[i] += holder_starts[i - 1];
        }
        let mut next = holder_starts.clone();
        let mut holders = vec![0u32; all_values.len()];
        for doc in 0..doc_starts.len() - 1 {
            for value in &all_values[doc_starts[doc] as usize..doc_starts[doc + 1] as usize] {
                holders[next[*value as usize] as usize] = doc as u32;
                next[*value as usize] += 1;
            }
        }
        SegmentFacets { combinations, groups, year, rank, entry, holder_starts, holders }
    }

    /// The documents having global ordinal `value`, ascending.
    fn holders(&self, value: u32) -> &[u32] {
        match (self.holder_starts.get(value as usize), self.holder_starts.get(value as usize + 1)) {
            (Some(from), Some(to)) => &self.holders[*from as usize..*to as usize],
            _ => &[],
        }
    }
}

/// The order of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first (then newest).
    #[default]
    Relevance,
    /// Newest edition first, then by how far the entry went.
    Newest,
    /// Oldest edition first, then by how far the entry went.
    Oldest,
}

impl Sort {
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }

    pub fn parse(text: &str) -> Option<Sort> {
        [Sort::Relevance, Sort::Newest, Sort::Oldest].into_iter().find(|s| s.as_str() == text)
    }

    /// `Less`: `a` comes before `b`. Ties end on the entry id, so the order is total and a
    /// cursor never skips or repeats an entry.
    pub fn compare(self, a: &SortKey, b: &SortKey) -> Ordering {
        let tail = b.rank.cmp(&a.rank).then(a.entry.cmp(&b.entry));
        match self {
            Sort::Relevance => b.score.total_cmp(&a.score).then(b.year.cmp(&a.year)).then(tail),
            Sort::Newest => b.year.cmp(&a.year).then(tail),
            Sort::Oldest => a.year.cmp(&b.year).then(tail),
        }
    }
}

/// Where a result stands in its order; a cursor is the key of the last result shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SortKey {
    pub score: f32,
    pub year: u64,
    /// How far the entry went (the index of its status).
    pub rank: u64,
    pub entry: u64,
}

/// What one search asks of the collector.
pub(crate) struct Plan {
    pub sort: Sort,
    /// How many of the best results to keep.
    pub want: usize,
    /// Only results after this key.
    pub after: Option<SortKey>,
    pub scoring: bool,
    /// Per facet (by index): the ordinals allowed, or None when the dimension is not filtered.
    pub filters: Vec<Option<Vec<bool>>>,
    /// Whether to count facet values (and how many values each dimension has).
    pub count: bool,
    pub cardinalities: Arc<[usize]>,
    /// How many values each dimension has room for in the segments' layout (at least its
    /// cardinality; see [`Layout`]).
    pub capacities: Vec<usize>,
    /// The unpacked values of each segment, by segment ordinal.
    pub segments: Arc<Vec<Arc<SegmentFacets>>>,
}

impl Plan {
    /// The facet index of the only filtered dimension, if exactly one is.
    pub fn only_filtered(&self) -> Option<usize> {
        let mut filtered = self.filters.iter().enumerate().filter(|(_, f)| f.is_some()).map(|(i, _)| i);
        filtered.next().filter(|_| filtered.next().is_none())
    }
}

pub(crate) struct Harvest {
    pub total: usize,
    /// How many results come after the cursor (all of them without one).
    pub beyond: usize,
    /// The best `want` results, in order.
    pub top: Vec<(SortKey, DocAddress)>,
    /// Per facet, per ordinal.
    pub counts: Vec<Vec<u32>>,
}

pub(crate) struct LibraryCollector {
    pub plan: Arc<Plan>,
}

struct Candidate {
    key: SortKey,
    doc: DocId,
    sort: Sort,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    /// Greater is worse: the heap's top is the candidate to drop first.
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort.compare(&self.key, &other.key)
    }
}

pub(crate) struct SegmentHarvest {
    plan: Arc<Plan>,
    segment: SegmentOrdinal,
    data: Arc<SegmentFacets>,
    layout: Layout,
    /// The filtered dimensions, one bit each (by facet index).
    filtered: u32,
    /// Per group, per combination: the filtered dimensions in which it has a selected value
    /// (bits by facet index); empty for a group without a filtered dimension.
    passes: [Vec<u32>; GROUPS.len()],
    total: usize,
    beyond: usize,
    heap: BinaryHeap<Candidate>,
    /// In relevance order without a cursor, once the list is full: the worst score kept (a
    /// result scoring below it cannot enter); minus infinity otherwise.
    cutoff: Score,
    counting: bool,
    /// Per group, per combination: how many results have it (empty when not counting).
    counts: [Vec<u32>; GROUPS.len()],
    /// Per facet index of a filtered dimension, per combination of its group: how many
    /// matches fail that dimension only (empty for the others).
    failing_one: Vec<Vec<u32>>,
}

impl Collector for LibraryCollector {
    type Fruit = Harvest;
    type Child = SegmentHarvest;

    fn for_segment(&self, segment: SegmentOrdinal, _reader: &SegmentReader) -> tantivy::Result<SegmentHarvest> {
        SegmentHarvest::new(self.plan.clone(), segment)
    }

    fn requires_scoring(&self) -> bool {
        self.plan.scoring
    }

    /// As tantivy collects a segment, except that with facet filters a match is scored only if
    /// it passes them (one failing a filter is only counted): tantivy scores every match
    /// before the collector sees it.
    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Harvest> {
        let mut harvest = self.for_segment(segment, reader)?;
        let alive = reader.alive_bitset();
        let is_alive = |doc: DocId| alive.is_none_or(|alive| alive.is_alive(doc));
        if !self.plan.scoring {
            weight.for_each_no_score(reader, &mut |docs| {
                for doc in docs.iter().copied().filter(|doc| is_alive(*doc)) {
                    harvest.collect(doc, 0.0);
                }
            })?;
        } else if harvest.filtered == 0 {
            weight.for_each(reader, &mut |doc, score| {
                if is_alive(doc) {
                    harvest.collect(doc, score);
                }
            })?;
        } else {
            let mut scorer = weight.scorer(reader, 1.0)?;
            let mut doc = scorer.doc();
            while doc != TERMINATED {
                if is_alive(doc) {
                    harvest.collect_scoring_passes(doc, &mut *scorer);
                }
                doc = scorer.advance();
            }
        }
        Ok(harvest.harvest())
    }

    fn merge_fruits(&self, fruits: Vec<Harvest>) -> tantivy::Result<Harvest> {
        let mut merged = Harvest {
            total: 0,
            beyond: 0,
            top: Vec::new(),
            counts: if self.plan.count {
                self.plan.cardinalities.iter().map(|n| vec![0; *n]).collect()
            } else {
                Vec::new()
            },
        };
        for fruit in fruits {
            merged.total += fruit.total;
            merged.beyond += fruit.beyond;
            merged.top.extend(fruit.top);
            for (into, from) in merged.counts.iter_mut().zip(fruit.counts) {
                for (a, b) in into.iter_mut().zip(from) {
                    *a += b;
                }
            }
        }
        let sort = self.plan.sort;
        merged.top.sort_by(|a, b| sort.compare(&a.0, &b.0));
        merged.top.truncate(self.plan.want);
        Ok(merged)
    }
}

impl LibraryCollector {
    /// What [`Collector`] gives for a query matching every document, for a plan with facet
    /// filters, visiting only the documents the harvest depends on: with two filtered
    /// dimensions or more, a document failing at most one of them has a selected value in one
    /// of any two (the two with the fewest documents are taken). With one, only the documents
    /// passing it are visited, and that dimension's counts are left for the caller to take from
    /// the whole library's (whose counts they are, disjunctively).
    pub fn harvest_filters_only(&self, searcher: &tantivy::Searcher) -> tantivy::Result<Harvest> {
        let plan = &self.plan;
        let layout = Layout::new(&plan.capacities);
        let selections: Vec<Vec<u32>> = plan
            .filters
            .iter()
            .enumerate()
            .filter_map(|(facet, allowed)| {
                let allowed = allowed.as_ref()?;
                let values = allowed.iter().enumerate().filter(|(_, on)| **on);
                Some(values.filter_map(|(ordinal, _)| layout.global(facet, ordinal as u64)).collect())
            })
            .collect();
        let mut fruits = Vec::new();
        for (ordinal, reader) in searcher.segment_readers().iter().enumerate() {
            let mut harvest = SegmentHarvest::new(plan.clone(), ordinal as SegmentOrdinal)?;
            let data = &plan.segments[ordinal];
            let mut passing: Vec<Vec<u32>> = selections
                .iter()
                .map(|values| {
                    let mut docs: Vec<u32> = values.iter().flat_map(|v| data.holders(*v)).copied().collect();
                    docs.sort_unstable();
                    docs.dedup();
                    docs
                })
                .collect();
            passing.sort_by_key(Vec::len);
            let mut candidates: Vec<u32> = passing.iter().take(2).flatten().copied().collect();
            candidates.sort_unstable();
            candidates.dedup();
            let alive = reader.alive_bitset();
            for doc in candidates {
                if alive.is_none_or(|alive| alive.is_alive(doc)) {
                    harvest.collect(doc, 0.0);
                }
            }
            fruits.push(harvest.harvest());
        }
        self.merge_fruits(fruits)
    }
}

impl SegmentHarvest {
    fn new(plan: Arc<Plan>, segment: SegmentOrdinal) -> tantivy::Result<SegmentHarvest> {
        let Some(data) = plan.segments.get(segment as usize).cloned() else {
            return Err(tantivy::TantivyError::InternalError(format!("no facet values for segment {segment}")));
        };
        let layout = Layout::new(&plan.capacities);
        let mut filtered = 0u32;
        let mut selected = Vec::new();
        for (facet, allowed) in plan.filters.iter().enumerate() {
            let Some(allowed) = allowed else { continue };
            filtered |= 1 << facet;
            selected.resize(layout.len(), 0u8);
            for (ordinal, _) in allowed.iter().enumerate().filter(|(_, allowed)| **allowed) {
                if let Some(value) = layout.global(facet, ordinal as u64) {
                    selected[value as usize] = facet as u8 + 1;
                }
            }
        }
        let mut passes: [Vec<u32>; GROUPS.len()] = Default::default();
        for (group, facets) in GROUPS.iter().enumerate() {
            if facets.iter().all(|facet| filtered & (1 << facet.index()) == 0) {
                continue;
            }
            let combinations = &data.groups[group];
            passes[group] = (0..combinations.len() as u32)
                .map(|combination| {
                    combinations.values(combination).iter().fold(0u32, |bits, value| match selected[*value as usize] {
                        0 => bits,
                        facet => bits | 1 << (facet - 1),
                    })
                })
                .collect();
        }
        let counting = plan.count;
        let counts = std::array::from_fn(|group| if counting { vec![0; data.groups[group].len()] } else { Vec::new() });
        let failing_one = (0..Facet::ALL.len())
            .map(|facet| {
                let filtered_here = filtered & (1 << facet) != 0;
                if counting && filtered_here { vec![0; data.groups[group_of(facet)].len()] } else { Vec::new() }
            })
            .collect();
        Ok(SegmentHarvest {
            segment,
            data,
            layout,
            filtered,
            passes,
            total: 0,
            beyond: 0,
            heap: BinaryHeap::with_capacity(plan.want.min(1024) + 1),
            cutoff: Score::NEG_INFINITY,
            counting,
            counts,
            failing_one,
            plan,
        })
    }

    /// A result (it passes every filter) that may be among the best after the cursor: kept if
    /// it is. Out of line: most results of a long list are turned away before (see `cutoff`).
    #[inline(never)]
    fn consider(&mut self, doc: DocId, score: Score) {
        let plan = &*self.plan;
        let sort = plan.sort;
        if plan.after.is_none() {
            self.beyond += 1;
            if plan.want == 0 {
                return;
            }
        }
        let at = doc as usize;
        let data = &self.data;
        let key = SortKey {
            score,
            year: u64::from(data.year.get(at).copied().unwrap_or(0)),
            rank: u64::from(data.rank.get(at).copied().unwrap_or(0)),
            entry: data.entry.get(at).copied().unwrap_or(0),
        };
        if let Some(after) = &plan.after {
            if sort.compare(&key, after) != Ordering::Greater {
                return;
            }
            self.beyond += 1;
            if plan.want == 0 {
                return;
            }
        }
        let candidate = Candidate { key, doc, sort };
        if self.heap.len() < plan.want {
            self.heap.push(candidate);
        } else if self.heap.peek().is_some_and(|worst| candidate < *worst) {
            self.heap.pop();
            self.heap.push(candidate);
        }
        if sort == Sort::Relevance && plan.after.is_none() && self.heap.len() >= plan.want {
            self.cutoff = self.heap.peek().map_or(Score::NEG_INFINITY, |worst| worst.key.score);
        }
    }

    /// A match with facet filters: a result if it passes them all; counted for a dimension's
    /// values if it fails that dimension only.
    #[inline(never)]
    fn collect_filtered(&mut self, doc: DocId, score: Score, combinations: [u32; GROUPS.len()]) {
        if self.passes_filters(combinations) {
            self.count_result(doc, score, combinations);
        }
    }

    /// A match with facet filters, on `scorer`: scored only if it passes them.
    fn collect_scoring_passes(&mut self, doc: DocId, scorer: &mut dyn Scorer) {
        let Some(combinations) = self.data.combinations.get(doc as usize).copied() else {
            return;
        };
        if self.passes_filters(combinations) {
            self.count_result(doc, scorer.score(), combinations);
        }
    }

    /// Whether a match with these combinations passes every filter (if it fails one dimension
    /// only, it is counted for that dimension's values: what selecting them would add).
    fn passes_filters(&mut self, combinations: [u32; GROUPS.len()]) -> bool {
        // The filtered dimensions this document has no selected value in.
        let mut missing = self.filtered;
        for (passes, combination) in self.passes.iter().zip(combinations) {
            if let Some(bits) = passes.get(combination as usize) {
                missing &= !bits;
            }
        }
        if missing.count_ones() == 1 && self.counting {
            let facet = missing.trailing_zeros() as usize;
            self.failing_one[facet][combinations[group_of(facet)] as usize] += 1;
        }
        missing == 0
    }

    #[inline]
    fn count_result(&mut self, doc: DocId, score: Score, combinations: [u32; GROUPS.len()]) {
        self.total += 1;
        if self.counting {
            for (counts, combination) in self.counts.iter_mut().zip(combinations) {
                counts[combination as usize] += 1;
            }
        }
        if score < self.cutoff {
            // Below the worst of a full list, without a cursor: it cannot enter.
            self.beyond += 1;
        } else {
            self.consider(doc, score);
        }
    }
}

impl SegmentCollector for SegmentHarvest {
    type Fruit = Harvest;

    #[inline]
    fn collect(&mut self, doc: DocId, score: Score) {
        let Some(combinations) = self.data.combinations.get(doc as usize).copied() else {
            return;
        };
        if self.filtered != 0 {
            self.collect_filtered(doc, score, combinations);
        } else {
            self.count_result(doc, score, combinations);
        }
    }

    fn harvest(self) -> Harvest {
        let segment = self.segment;
        let mut top: Vec<_> =
            self.heap.into_iter().map(|c| (c.key, DocAddress { segment_ord: segment, doc_id: c.doc })).collect();
        let sort = self.plan.sort;
        top.sort_by(|a, b| sort.compare(&a.0, &b.0));
        if !self.counting {
            return Harvest { total: self.total, beyond: self.beyond, top, counts: Vec::new() };
        }
        // Each combination's count goes to its values.
        let mut flat = vec![0u32; self.layout.len()];
        let groups = &self.data.groups;
        for (group, counts) in self.counts.iter().enumerate() {
            for (combination, count) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
                for value in groups[group].values(combination as u32) {
                    flat[*value as usize] += count;
                }
            }
        }
        for (facet, counts) in self.failing_one.iter().enumerate() {
            let range = self.layout.range(facet);
            for (combination, count) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
                for value in groups[group_of(facet)].values(combination as u32).iter().filter(|v| range.contains(v)) {
                    flat[*value as usize] += count;
                }
            }
        }
        Harvest { total: self.total, beyond: self.beyond, top, counts: self.layout.split(&flat) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    /// A document: per facet index, the ordinals of its values.
    type Doc = Vec<BTreeSet<u64>>;
    /// Per facet index, the selected ordinals of a filtered dimension.
    type Selection = Vec<Option<BTreeSet<u64>>>;

    /// How results are ordered and how many are kept.
    struct Window {
        sort: Sort,
        want: usize,
        after: Option<SortKey>,
    }

    fn collect(cardinalities: &[usize], docs: &[Doc], matches: &[bool], filters: &Selection) -> Harvest {
        let window = Window { sort: Sort::Newest, want: docs.len(), after: None };
        collect_scored(cardinalities, docs, matches, &vec![0.0; docs.len()], filters, window)
    }

    fn collect_scored(
        cardinalities: &[usize],
        docs: &[Doc],
        matches: &[bool],
        scores: &[f32],
        filters: &Selection,
        window: Window,
    ) -> Harvest {
        let segment = SegmentFacets::new(
            &Layout::new(&cardinalities.iter().map(|n| n + 2).collect::<Vec<_>>()),
            docs.iter().map(|d| d.iter().map(|values| values.iter().copied().collect()).collect()),
            (0..docs.len()).map(|d| 2000 + d as u32 % 7).collect(),
            vec![0; docs.len()],
            (0..docs.len() as u64).collect(),
        );
        let plan = Plan {
            sort: window.sort,
            want: window.want,
            after: window.after,
            scoring: false,
            filters: filters
                .iter()
                .zip(cardinalities)
                .map(|(f, n)| f.as_ref().map(|allowed| (0..*n as u64).map(|o| allowed.contains(&o)).collect()))
                .collect(),
            count: true,
            cardinalities: cardinalities.into(),
            // Room for values an update would append, as a generation's views have.
            capacities: cardinalities.iter().map(|n| n + 2).collect(),
            segments: Arc::new(vec![Arc::new(segment)]),
        };
        let mut harvest = SegmentHarvest::new(Arc::new(plan), 0).unwrap();
        for (doc, _) in matches.iter().take(docs.len()).enumerate().filter(|(_, m)| **m) {
            harvest.collect(doc as DocId, scores[doc]);
        }
        harvest.harvest()
    }

    fn case() -> impl Strategy<Value = (Vec<usize>, Vec<Doc>, Vec<bool>, Selection)> {
        proptest::collection::vec(1usize..5, Facet::ALL.len()).prop_flat_map(|cardinalities| {
            let doc =
                cardinalities.iter().map(|n| proptest::collection::btree_set(0..*n as u64, 0..3)).collect::<Vec<_>>();
            let filter = cardinalities
                .iter()
                .map(|n| proptest::option::weighted(0.25, proptest::collection::btree_set(0..*n as u64, 0..3)))
                .collect::<Vec<_>>();
            (
                Just(cardinalities),
                proptest::collection::vec(doc, 0..30),
                proptest::collection::vec(any::<bool>(), 30),
                filter,
            )
        })
    }

    proptest! {
        /// Against the definition: a value's count is the number of matches that have it and
        /// pass every other dimension's selection; the total, those that pass all.
        #[test]
        fn facet_counts_are_disjunctive((cardinalities, docs, matches, filters) in case()) {
            let harvest = collect(&cardinalities, &docs, &matches, &filters);
            let passes = |doc: &Doc, facet: usize| {
                filters[facet].as_ref().is_none_or(|allowed| doc[facet].iter().any(|v| allowed.contains(v)))
            };
            let matched: Vec<&Doc> = docs.iter().zip(&matches).filter(|(_, m)| **m).map(|(d, _)| d).collect();
            let total = matched.iter().filter(|d| (0..cardinalities.len()).all(|f| passes(d, f))).count();
            prop_assert_eq!(harvest.total, total);
            prop_assert_eq!(harvest.top.len(), total);
            for (facet, cardinality) in cardinalities.iter().enumerate() {
                for value in 0..*cardinality as u64 {
                    let expected = matched
                        .iter()
                        .filter(|d| d[facet].contains(&value))
                        .filter(|d| (0..cardinalities.len()).all(|f| f == facet || passes(d, f)))
                        .count();
                    prop_assert_eq!(harvest.counts[facet][value as usize] as usize, expected, "facet {} value {}", facet, value);
                }
            }
        }
    }

    proptest! {
        /// The kept results are the best `want` after the cursor, in order, whatever the
        /// scores (ties included), and `beyond` counts every result after the cursor.
        #[test]
        fn the_best_results_after_the_cursor_are_kept_in_order(
            (cardinalities, docs, matches, filters) in case(),
            scores in proptest::collection::vec(0u8..4, 30),
            want in 0usize..6,
            sort in prop_oneof![Just(Sort::Relevance), Just(Sort::Newest), Just(Sort::Oldest)],
            cursor in proptest::option::of(0usize..30),
        ) {
            let scores: Vec<f32> = scores.iter().take(docs.len()).map(|s| f32::from(*s)).collect();
            let key_of = |doc: usize| key(scores[doc], 2000 + doc as u64 % 7, 0, doc as u64);
            let reference = collect(&cardinalities, &docs, &matches, &filters);
            let passing: Vec<usize> = reference.top.iter().map(|(_, a)| a.doc_id as usize).collect();
            let after = cursor.filter(|c| *c < docs.len()).map(key_of);
            let mut expected: Vec<SortKey> = passing
                .iter()
                .map(|doc| key_of(*doc))
                .filter(|k| after.is_none_or(|a| sort.compare(k, &a) == Ordering::Greater))
                .collect();
            expected.sort_by(|a, b| sort.compare(a, b));
            let beyond = expected.len();
            expected.truncate(want);
            let harvest =
                collect_scored(&cardinalities, &docs, &matches, &scores, &filters, Window { sort, want, after });
            prop_assert_eq!(harvest.top.iter().map(|(k, _)| *k).collect::<Vec<_>>(), expected);
            prop_assert_eq!(harvest.beyond, beyond);
            prop_assert_eq!(harvest.total, passing.len());
        }
    }

    #[test]
    fn values_beyond_a_dimension_are_left_out() {
        let layout = Layout::new(&[2, 3]);
        assert_eq!(layout.global(0, 1), Some(1));
        assert_eq!(layout.global(0, 2), None, "the first dimension has two values");
        assert_eq!(layout.global(1, 0), Some(2));
        assert_eq!(layout.global(1, 3), None);
        assert_eq!(layout.global(2, 0), None, "no third dimension");
        let segment =
            SegmentFacets::new(&layout, [vec![vec![0, 5], vec![2, 9]]].into_iter(), vec![0], vec![0], vec![1]);
        assert_eq!(segment.groups[0].values(segment.combinations[0][0]), [0, 4]);
        assert_eq!(layout.split(&[1, 2, 3, 4, 5]), vec![vec![1, 2], vec![3, 4, 5]]);
    }

    fn key(score: f32, year: u64, rank: u64, entry: u64) -> SortKey {
        SortKey { score, year, rank, entry }
    }

    #[test]
    fn orders_are_total_and_end_on_the_entry() {
        let a = key(2.0, 2020, 3, 7);
        let b = key(1.0, 2023, 6, 1);
        assert_eq!(Sort::Relevance.compare(&a, &b), Ordering::Less);
        assert_eq!(Sort::Newest.compare(&a, &b), Ordering::Greater);
        assert_eq!(Sort::Oldest.compare(&a, &b), Ordering::Less);
        let winner = key(1.0, 2023, 6, 9);
        let valid = key(1.0, 2023, 2, 1);
        assert_eq!(Sort::Newest.compare(&winner, &valid), Ordering::Less, "further first within a year");
        assert_eq!(Sort::Newest.compare(&key(0.0, 2023, 2, 1), &key(0.0, 2023, 2, 2)), Ordering::Less);
        assert_eq!(Sort::Newest.compare(&a, &a), Ordering::Equal);
        for sort in ["relevance", "newest", "oldest"] {
            assert_eq!(Sort::parse(sort).unwrap().as_str(), sort);
        }
        assert_eq!(Sort::parse("random"), None);
    }
}
