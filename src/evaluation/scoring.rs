//! Scores of a review round: each review's weighted score (every criterion on its scale mapped to
//! [0, 1], weights normalised), aggregated per entry by mean, median or trimmed mean; optionally
//! normalised per reviewer (z-scores over the reviewer's own reviews, so a harsh and a lenient
//! reviewer become comparable); flags where reviewers disagree; and how the ranking moves when
//! the weights change. Computed on a frozen snapshot of the round. Pure.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::{Criterion, CriterionId, EntryId, vocabulary};

vocabulary!(
    /// How an entry's review scores combine into one.
    Aggregation, "aggregation" { Mean = "mean", Median = "median", TrimmedMean = "trimmed_mean" }
);

/// Reviews whose weighted scores (on [0, 1]) differ by at least this much disagree.
pub const DISAGREEMENT: f64 = 0.4;

/// One submitted review's scores, as frozen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreSheet {
    pub reviewer: i64,
    pub entry: EntryId,
    pub scores: BTreeMap<CriterionId, i64>,
}

/// A criterion's weight and scale, as the ranking uses them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weight {
    pub criterion: CriterionId,
    pub weight: f64,
    pub min: i64,
    pub max: i64,
}

pub fn weights(criteria: &[Criterion]) -> Vec<Weight> {
    criteria.iter().map(|c| Weight { criterion: c.id, weight: c.weight, min: c.scale_min, max: c.scale_max }).collect()
}

/// A review's weighted score on [0, 1]; `None` when a weighted criterion is unscored or no weight
/// is positive.
pub fn weighted(sheet: &ScoreSheet, weights: &[Weight]) -> Option<f64> {
    let total: f64 = weights.iter().map(|w| w.weight.max(0.0)).sum();
    if total <= 0.0 {
        return None;
    }
    let mut sum = 0.0;
    for w in weights.iter().filter(|w| w.weight > 0.0) {
        let score = *sheet.scores.get(&w.criterion)? as f64;
        sum += w.weight * (score - w.min as f64) / (w.max - w.min).max(1) as f64;
    }
    // Rounding may step a hair outside the scale.
    Some((sum / total).clamp(0.0, 1.0))
}

pub fn aggregate(values: &[f64], method: Aggregation) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    Some(match method {
        Aggregation::Mean => mean(&sorted),
        Aggregation::Median => {
            let n = sorted.len();
            if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 }
        }
        // Drops the lowest and the highest when there are at least three.
        Aggregation::TrimmedMean if sorted.len() >= 3 => mean(&sorted[1..sorted.len() - 1]),
        Aggregation::TrimmedMean => mean(&sorted),
    })
}

/// An entry's place in the ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    pub entry: EntryId,
    /// The aggregate of the reviews' weighted scores, on [0, 1].
    pub raw: f64,
    /// The aggregate of the reviews' z-scores (each reviewer against their own reviews).
    pub normalised: f64,
    pub reviews: usize,
    /// The largest difference between two reviews' weighted scores.
    pub spread: f64,
    pub disagreement: bool,
}

/// Ranks entries by the normalised aggregate (ties: raw, then entry id), or by the raw one.
pub fn rank(sheets: &[ScoreSheet], weights: &[Weight], method: Aggregation, normalise: bool) -> Vec<Ranked> {
    let scored: Vec<(&ScoreSheet, f64)> = sheets.iter().filter_map(|s| weighted(s, weights).map(|w| (s, w))).collect();
    // Each reviewer's mean and standard deviation over their own reviews.
    let mut by_reviewer: BTreeMap<i64, Vec<f64>> = BTreeMap::new();
    for (sheet, w) in &scored {
        by_reviewer.entry(sheet.reviewer).or_default().push(*w);
    }
    let stats: BTreeMap<i64, (f64, f64)> = by_reviewer
        .into_iter()
        .map(|(reviewer, values)| {
            let mean = values.iter().sum::<f64>() / values.len() as f64;
            let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / values.len() as f64;
            (reviewer, (mean, variance.sqrt()))
        })
        .collect();
    let mut by_entry: BTreeMap<EntryId, (Vec<f64>, Vec<f64>)> = BTreeMap::new();
    for (sheet, w) in &scored {
        let (mean, sd) = stats[&sheet.reviewer];
        let z = if sd > 1e-12 { (w - mean) / sd } else { 0.0 };
        let slot = by_entry.entry(sheet.entry).or_default();
        slot.0.push(*w);
        slot.1.push(z);
    }
    let mut ranked: Vec<Ranked> = by_entry
        .into_iter()
        .map(|(entry, (raw, z))| {
            let spread = raw.iter().cloned().fold(f64::MIN, f64::max) - raw.iter().cloned().fold(f64::MAX, f64::min);
            Ranked {
                entry,
                raw: aggregate(&raw, method).unwrap_or(0.0),
                normalised: aggregate(&z, method).unwrap_or(0.0),
                reviews: raw.len(),
                spread,
                disagreement: raw.len() > 1 && spread >= DISAGREEMENT,
            }
        })
        .collect();
    ranked.sort_by(|a, b| {
        let key = |r: &Ranked| if normalise { r.normalised } else { r.raw };
        key(b).total_cmp(&key(a)).then(b.raw.total_cmp(&a.raw)).then(a.entry.cmp(&b.entry))
    });
    ranked
}

/// Each entry's place (1-based) in two rankings: (entry, before, after), in the order of after.
pub fn moves(before: &[Ranked], after: &[Ranked]) -> Vec<(EntryId, usize, usize)> {
    after
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let was = before.iter().position(|b| b.entry == r.entry).map(|p| p + 1).unwrap_or(0);
            (r.entry, was, i + 1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn w(weights: &[f64]) -> Vec<Weight> {
        weights
            .iter()
            .enumerate()
            .map(|(i, weight)| Weight { criterion: CriterionId(i as i64 + 1), weight: *weight, min: 1, max: 10 })
            .collect()
    }

    fn sheet(reviewer: i64, entry: i64, scores: &[i64]) -> ScoreSheet {
        ScoreSheet {
            reviewer,
            entry: EntryId(entry),
            scores: scores.iter().enumerate().map(|(i, s)| (CriterionId(i as i64 + 1), *s)).collect(),
        }
    }

    #[test]
    fn aggregations() {
        assert_eq!(aggregate(&[1.0, 2.0, 9.0], Aggregation::Mean), Some(4.0));
        assert_eq!(aggregate(&[1.0, 2.0, 9.0], Aggregation::Median), Some(2.0));
        assert_eq!(aggregate(&[1.0, 2.0, 3.0, 9.0], Aggregation::Median), Some(2.5));
        assert_eq!(aggregate(&[1.0, 2.0, 3.0, 9.0], Aggregation::TrimmedMean), Some(2.5));
        assert_eq!(aggregate(&[1.0, 9.0], Aggregation::TrimmedMean), Some(5.0));
        assert_eq!(aggregate(&[], Aggregation::Mean), None);
    }

    #[test]
    fn normalising_makes_a_harsh_and_a_lenient_reviewer_comparable() {
        // Reviewer 1 is harsh (scores 2-4), reviewer 2 lenient (7-9); each reviews different
        // entries, but both think their first entry is the best.
        let sheets = vec![sheet(1, 10, &[4, 4]), sheet(1, 11, &[2, 2]), sheet(2, 20, &[9, 9]), sheet(2, 21, &[7, 7])];
        let raw = rank(&sheets, &w(&[0.5, 0.5]), Aggregation::Mean, false);
        assert_eq!(raw.iter().map(|r| r.entry.0).collect::<Vec<_>>(), [20, 21, 10, 11]);
        let normalised = rank(&sheets, &w(&[0.5, 0.5]), Aggregation::Mean, true);
        assert!((normalised[0].normalised - 1.0).abs() < 1e-9);
        assert_eq!(normalised.iter().filter(|r| (r.normalised - 1.0).abs() < 1e-9).count(), 2, "both bests come first");
        assert!([10, 20].contains(&normalised[0].entry.0) && [10, 20].contains(&normalised[1].entry.0));
    }

    #[test]
    fn disagreement_is_flagged_and_weights_move_the_ranking() {
        let sheets = vec![sheet(1, 1, &[10, 1]), sheet(2, 1, &[1, 1]), sheet(1, 2, &[5, 6]), sheet(2, 2, &[5, 6])];
        let ranked = rank(&sheets, &w(&[0.5, 0.5]), Aggregation::Mean, false);
        let one = ranked.iter().find(|r| r.entry == EntryId(1)).unwrap();
        assert!(one.disagreement && !ranked.iter().find(|r| r.entry == EntryId(2)).unwrap().disagreement);
        let innovation_only = rank(&sheets, &w(&[1.0, 0.0]), Aggregation::Mean, false);
        let moved = moves(&ranked, &innovation_only);
        assert_eq!(moved, vec![(EntryId(1), 2, 1), (EntryId(2), 1, 2)]);
    }

    proptest! {
        #[test]
        fn weighted_scores_stay_on_zero_to_one_and_every_entry_is_ranked_once(
            reviews in proptest::collection::vec((1i64..4, 1i64..6, 1i64..=10, 1i64..=10), 1..30),
            a in 0.0f64..1.0, b in 0.01f64..1.0,
        ) {
            let sheets: Vec<ScoreSheet> = reviews.iter().map(|(r, e, x, y)| sheet(*r, *e, &[*x, *y])).collect();
            let weights = w(&[a, b]);
            for s in &sheets {
                let value = weighted(s, &weights).unwrap();
                prop_assert!((0.0..=1.0).contains(&value));
            }
            for method in Aggregation::ALL {
                let ranked = rank(&sheets, &weights, *method, true);
                let mut entries: Vec<i64> = ranked.iter().map(|r| r.entry.0).collect();
                let count = entries.len();
                entries.sort();
                entries.dedup();
                prop_assert_eq!(entries.len(), count);
                prop_assert!(ranked.windows(2).all(|p| p[0].normalised >= p[1].normalised));
            }
        }
    }
}
