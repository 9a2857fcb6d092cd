//! One pass over the documents a query matches: the total, the best few in the requested
//! order (after a cursor, if any), and the facet counts.
//!
//! Facet counts are disjunctive, as faceted search is expected to behave: a value's count is
//! the number of results there would be with that value selected *in addition* to the other
//! dimensions' selections (so selecting Colombia still shows how many Brazil would add). A
//! document that passes every selection counts for all its values; one that fails exactly one
//! dimension counts for that dimension only.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::facets::Facet;

/// What the collector reads of each document, unpacked into plain arrays when a generation is
/// opened (about 100 bytes a document): reading them is several times faster than decoding the
/// index's compressed columns for every matching document of every search.
pub(crate) struct SegmentFacets {
    /// Per facet (by index): where each document's values start in `values` (one more entry
    /// than documents).
    offsets: Vec<Vec<u32>>,
    values: Vec<Vec<u32>>,
    year: Vec<u32>,
    rank: Vec<u8>,
    entry: Vec<u64>,
}

impl SegmentFacets {
    pub fn load(reader: &SegmentReader) -> tantivy::Result<SegmentFacets> {
        let fast = reader.fast_fields();
        let docs = reader.max_doc();
        let mut offsets = Vec::with_capacity(Facet::ALL.len());
        let mut values = Vec::with_capacity(Facet::ALL.len());
        for facet in Facet::ALL {
            let column: Column<u64> = fast.u64(&facet.field_name())?;
            let mut starts = Vec::with_capacity(docs as usize + 1);
            let mut all = Vec::with_capacity(docs as usize);
            for doc in 0..docs {
                starts.push(all.len() as u32);
                all.extend(column.values_for_doc(doc).map(|v| v as u32));
            }
            starts.push(all.len() as u32);
            offsets.push(starts);
            values.push(all);
        }
        let single = |name: &str| -> tantivy::Result<Vec<u64>> {
            let column: Column<u64> = fast.u64(name)?;
            Ok((0..docs).map(|doc| column.first(doc).unwrap_or(0)).collect())
        };
        Ok(SegmentFacets {
            offsets,
            values,
            year: single("year")?.into_iter().map(|y| y as u32).collect(),
            rank: single("rank")?.into_iter().map(|r| r as u8).collect(),
            entry: single("entry")?,
        })
    }

    fn values(&self, facet: usize, doc: DocId) -> &[u32] {
        let starts = &self.offsets[facet];
        match (starts.get(doc as usize), starts.get(doc as usize + 1)) {
            (Some(from), Some(to)) => &self.values[facet][*from as usize..*to as usize],
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
    pub cardinalities: Vec<usize>,
    /// The unpacked values of each segment, by segment ordinal.
    pub segments: Arc<Vec<SegmentFacets>>,
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
    active: Vec<usize>,
    total: usize,
    beyond: usize,
    heap: BinaryHeap<Candidate>,
    counts: Vec<Vec<u32>>,
}

impl Collector for LibraryCollector {
    type Fruit = Harvest;
    type Child = SegmentHarvest;

    fn for_segment(&self, segment: SegmentOrdinal, _reader: &SegmentReader) -> tantivy::Result<SegmentHarvest> {
        let plan = self.plan.clone();
        if plan.segments.get(segment as usize).is_none() {
            return Err(tantivy::TantivyError::InternalError(format!("no facet values for segment {segment}")));
        }
        let active = (0..plan.filters.len()).filter(|i| plan.filters[*i].is_some()).collect();
        let counts = if plan.count { plan.cardinalities.iter().map(|n| vec![0; *n]).collect() } else { Vec::new() };
        Ok(SegmentHarvest {
            segment,
            active,
            total: 0,
            beyond: 0,
            heap: BinaryHeap::with_capacity(plan.want.min(1024) + 1),
            counts,
            plan,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.plan.scoring
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

impl SegmentCollector for SegmentHarvest {
    type Fruit = Harvest;

    fn collect(&mut self, doc: DocId, score: Score) {
        let plan = &*self.plan;
        let data = &plan.segments[self.segment as usize];
        let mut failed = None;
        let mut failures = 0;
        for &facet in &self.active {
            let Some(allowed) = &plan.filters[facet] else { continue };
            let passes = data.values(facet, doc).iter().any(|v| allowed.get(*v as usize).copied().unwrap_or(false));
            if !passes {
                failures += 1;
                failed = Some(facet);
                if failures > 1 {
                    break;
                }
            }
        }
        if failures == 0 {
            self.total += 1;
            if plan.count {
                for (facet, counts) in self.counts.iter_mut().enumerate() {
                    for value in data.values(facet, doc) {
                        if let Some(count) = counts.get_mut(*value as usize) {
                            *count += 1;
                        }
                    }
                }
            }
            let at = doc as usize;
            let key = SortKey {
                score,
                year: u64::from(data.year.get(at).copied().unwrap_or(0)),
                rank: u64::from(data.rank.get(at).copied().unwrap_or(0)),
                entry: data.entry.get(at).copied().unwrap_or(0),
            };
            let sort = plan.sort;
            if let Some(after) = &plan.after
                && sort.compare(&key, after) != Ordering::Greater
            {
                return;
            }
            self.beyond += 1;
            if plan.want == 0 {
                return;
            }
            let candidate = Candidate { key, doc, sort };
            if self.heap.len() < plan.want {
                self.heap.push(candidate);
            } else if self.heap.peek().is_some_and(|worst| candidate < *worst) {
                self.heap.pop();
                self.heap.push(candidate);
            }
        } else if failures == 1
            && plan.count
            && let Some(facet) = failed
        {
            let counts = &mut self.counts[facet];
            for value in data.values(facet, doc) {
                if let Some(count) = counts.get_mut(*value as usize) {
                    *count += 1;
                }
            }
        }
    }

    fn harvest(self) -> Harvest {
        let segment = self.segment;
        let mut top: Vec<_> =
            self.heap.into_iter().map(|c| (c.key, DocAddress { segment_ord: segment, doc_id: c.doc })).collect();
        let sort = self.plan.sort;
        top.sort_by(|a, b| sort.compare(&a.0, &b.0));
        Harvest { total: self.total, beyond: self.beyond, top, counts: self.counts }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
