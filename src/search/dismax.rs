//! A word looked for in many fields, where the word is sought rather than walked through: the
//! best field's score plus a share of the others' (tantivy's disjunction-max), with a scorer
//! that does only the work asked of it.
//!
//! Inside an intersection (a word among other words) or an exclusion, tantivy's buffered union
//! reads and scores every posting of the next 4,096 documents in all the word's fields, and
//! clears its buffer on every long jump, though only a few documents are asked about.
//! [`LazyDisMax`] moves each field's postings only to the documents asked for and scores only
//! those. Walked through (a query of one word, a part of an OR), the buffered union is the
//! faster, and the compiler keeps tantivy's query there.

use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

#[derive(Debug)]
pub(crate) struct LazyDisMaxQuery {
    disjuncts: Vec<Box<dyn Query>>,
    tie_breaker: Score,
}

impl LazyDisMaxQuery {
    pub fn new(disjuncts: Vec<Box<dyn Query>>, tie_breaker: Score) -> LazyDisMaxQuery {
        LazyDisMaxQuery { disjuncts, tie_breaker }
    }
}

impl Clone for LazyDisMaxQuery {
    fn clone(&self) -> Self {
        LazyDisMaxQuery {
            disjuncts: self.disjuncts.iter().map(|d| d.box_clone()).collect(),
            tie_breaker: self.tie_breaker,
        }
    }
}

impl Query for LazyDisMaxQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let parts = self.disjuncts.iter().map(|d| d.weight(scoring)).collect::<tantivy::Result<_>>()?;
        Ok(Box::new(LazyDisMaxWeight { parts, tie_breaker: self.tie_breaker }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for disjunct in &self.disjuncts {
            disjunct.query_terms(visitor);
        }
    }
}

struct LazyDisMaxWeight {
    parts: Vec<Box<dyn Weight>>,
    tie_breaker: Score,
}

impl Weight for LazyDisMaxWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let scorers = self.parts.iter().map(|part| part.scorer(reader, boost)).collect::<tantivy::Result<_>>()?;
        let union = LazyDisMax::new(scorers, self.tie_breaker, reader.max_doc());
        if union.doc() == TERMINATED {
            // tantivy drops an empty scorer from the clauses around it.
            return Ok(Box::new(EmptyScorer));
        }
        // Even one scorer stays wrapped: it is then only ever sought forward (an exclusion may
        // ask about a document before the one a phrase's scorer is on, which it must not be).
        Ok(Box::new(union))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!("document {doc} does not match")));
        }
        Ok(Explanation::new("disjunction max", scorer.score()))
    }
}

/// The union of a few scorers, each moved only as far as asked.
pub(crate) struct LazyDisMax {
    /// The scorers not yet exhausted, and the document each is on (kept here: asking a boxed
    /// scorer costs a call through a pointer).
    scorers: Vec<(Box<dyn Scorer>, DocId)>,
    doc: DocId,
    tie_breaker: Score,
    max_doc: u32,
}

impl LazyDisMax {
    fn new(scorers: Vec<Box<dyn Scorer>>, tie_breaker: Score, max_doc: u32) -> LazyDisMax {
        let scorers = scorers
            .into_iter()
            .map(|s| {
                let doc = s.doc();
                (s, doc)
            })
            .collect();
        let mut union = LazyDisMax { scorers, doc: TERMINATED, tie_breaker, max_doc };
        union.settle();
        union
    }

    /// Drops the exhausted scorers; the union is on the smallest document of the others (or
    /// exhausted with them).
    fn settle(&mut self) -> DocId {
        let mut i = 0;
        let mut smallest = TERMINATED;
        while i < self.scorers.len() {
            let doc = self.scorers[i].1;
            if doc == TERMINATED {
                self.scorers.swap_remove(i);
                continue;
            }
            smallest = smallest.min(doc);
            i += 1;
        }
        self.doc = smallest;
        smallest
    }
}

impl DocSet for LazyDisMax {
    fn advance(&mut self) -> DocId {
        let current = self.doc;
        for (scorer, doc) in &mut self.scorers {
            if *doc == current {
                *doc = scorer.advance();
            }
        }
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for (scorer, doc) in &mut self.scorers {
            if *doc < target {
                *doc = scorer.seek(target);
            }
        }
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        // As tantivy estimates a union: documents in none of the sets, terms being somewhat
        // clustered.
        let max_doc = f64::from(self.max_doc.max(1));
        let outside: f64 = self.scorers.iter().map(|(s, _)| 1.0 - f64::from(s.size_hint()) / max_doc * 0.8).product();
        ((1.0 - outside) * max_doc) as u32
    }

    fn cost(&self) -> u64 {
        self.scorers.iter().map(|(s, _)| s.cost()).sum()
    }
}

impl Scorer for LazyDisMax {
    fn score(&mut self) -> Score {
        let (mut max, mut sum) = (0.0 as Score, 0.0 as Score);
        for (scorer, doc) in &mut self.scorers {
            if *doc == self.doc {
                let score = scorer.score();
                max = max.max(score);
                sum += score;
            }
        }
        max + (sum - max) * self.tie_breaker
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    /// A field's postings: ascending documents, one score.
    struct Postings {
        docs: Vec<DocId>,
        at: usize,
        score: Score,
    }

    impl DocSet for Postings {
        fn advance(&mut self) -> DocId {
            self.at += 1;
            self.doc()
        }

        fn doc(&self) -> DocId {
            self.docs.get(self.at).copied().unwrap_or(TERMINATED)
        }

        fn size_hint(&self) -> u32 {
            self.docs.len() as u32
        }
    }

    impl Scorer for Postings {
        fn score(&mut self) -> Score {
            self.score
        }
    }

    fn scorer(docs: &[DocId], score: Score) -> Box<dyn Scorer> {
        Box::new(Postings { docs: docs.to_vec(), at: 0, score })
    }

    /// (documents, constant score) of each field.
    fn fields() -> impl Strategy<Value = Vec<(Vec<DocId>, u8)>> {
        proptest::collection::vec((proptest::collection::btree_set(0u32..200, 0..40), 1u8..5), 2..5)
            .prop_map(|fields| fields.into_iter().map(|(docs, score)| (docs.into_iter().collect(), score)).collect())
    }

    /// What the union should give at `doc`: None where no field has it.
    fn expected(fields: &[(Vec<DocId>, u8)], doc: DocId) -> Option<Score> {
        let scores: Vec<Score> =
            fields.iter().filter(|(d, _)| d.contains(&doc)).map(|(_, s)| Score::from(*s)).collect();
        let max = scores.iter().copied().fold(None, |m: Option<Score>, s| Some(m.map_or(s, |m| m.max(s))))?;
        Some(max + (scores.iter().sum::<Score>() - max) * 0.1)
    }

    fn union(fields: &[(Vec<DocId>, u8)]) -> LazyDisMax {
        LazyDisMax::new(fields.iter().map(|(docs, s)| scorer(docs, Score::from(*s))).collect(), 0.1, 200)
    }

    proptest! {
        /// Advancing visits every document some field has, once, in order, with the best
        /// field's score plus a tenth of the others'.
        #[test]
        fn advancing_visits_the_union_with_disjunction_max_scores(fields in fields()) {
            let mut union = union(&fields);
            let mut seen = Vec::new();
            while union.doc() != TERMINATED {
                seen.push((union.doc(), union.score()));
                union.advance();
            }
            let wanted: Vec<(DocId, Score)> = (0..200).filter_map(|d| expected(&fields, d).map(|s| (d, s))).collect();
            prop_assert_eq!(seen, wanted);
        }

        /// Seeking lands on the first document at or after the target, as advancing would.
        #[test]
        fn seeking_lands_where_advancing_would(fields in fields(), targets in proptest::collection::btree_set(0u32..210, 1..20)) {
            let mut union = union(&fields);
            for target in targets {
                let landed = union.seek(target);
                let wanted = (target..200).find(|d| expected(&fields, *d).is_some()).unwrap_or(TERMINATED);
                prop_assert_eq!(landed, wanted);
                if landed != TERMINATED {
                    prop_assert_eq!(Some(union.score()), expected(&fields, landed));
                }
            }
        }
    }
}
