//! A committee member's review of an entry: a score on each criterion's scale with a comment, an
//! overall recommendation and a confidence. Drafts may be partial; a submitted review is
//! complete. Pure.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::{Criterion, CriterionId, vocabulary};

vocabulary!(
    /// What the reviewer recommends for the entry.
    Recommendation, "recommendation" {
        StronglySupport = "strongly_support",
        Support = "support",
        Neutral = "neutral",
        Oppose = "oppose",
    }
);

/// How sure the reviewer is, from 1 (little) to 5 (expert).
pub const CONFIDENCE: std::ops::RangeInclusive<i64> = 1..=5;
/// The longest comment kept.
pub const MAX_COMMENT_CHARS: usize = 5_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewContent {
    pub scores: BTreeMap<CriterionId, i64>,
    pub comments: BTreeMap<CriterionId, String>,
    pub recommendation: Option<Recommendation>,
    pub confidence: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error("a score is outside its criterion's scale")]
    OutOfScale { criterion: CriterionId },
    #[error("a score or comment names a criterion this review does not have")]
    UnknownCriterion,
    #[error("confidence goes from 1 to 5")]
    Confidence,
    #[error("a comment is too long")]
    TooLong,
    #[error("a criterion has no score")]
    Missing { criterion: CriterionId },
    #[error("the recommendation is missing")]
    NoRecommendation,
    #[error("the confidence is missing")]
    NoConfidence,
}

impl ReviewError {
    pub fn message_id(&self) -> &'static str {
        match self {
            ReviewError::OutOfScale { .. } => "review-out-of-scale",
            ReviewError::UnknownCriterion => "review-unknown-criterion",
            ReviewError::Confidence => "review-confidence",
            ReviewError::TooLong => "review-too-long",
            ReviewError::Missing { .. } => "review-missing-score",
            ReviewError::NoRecommendation => "review-no-recommendation",
            ReviewError::NoConfidence => "review-no-confidence",
        }
    }
}

impl ReviewContent {
    /// Checks what is filled in against the criteria (a draft may leave things out).
    pub fn check(&self, criteria: &[Criterion]) -> Result<(), ReviewError> {
        for (id, score) in &self.scores {
            let criterion = criteria.iter().find(|c| c.id == *id).ok_or(ReviewError::UnknownCriterion)?;
            if !(criterion.scale_min..=criterion.scale_max).contains(score) {
                return Err(ReviewError::OutOfScale { criterion: *id });
            }
        }
        if self.comments.keys().any(|id| !criteria.iter().any(|c| c.id == *id)) {
            return Err(ReviewError::UnknownCriterion);
        }
        if self.comments.values().any(|c| c.chars().count() > MAX_COMMENT_CHARS) {
            return Err(ReviewError::TooLong);
        }
        if self.confidence.is_some_and(|c| !CONFIDENCE.contains(&c)) {
            return Err(ReviewError::Confidence);
        }
        Ok(())
    }

    /// Checks that a review can be submitted: valid, and complete.
    pub fn check_complete(&self, criteria: &[Criterion]) -> Result<(), ReviewError> {
        self.check(criteria)?;
        if let Some(missing) = criteria.iter().find(|c| !self.scores.contains_key(&c.id)) {
            return Err(ReviewError::Missing { criterion: missing.id });
        }
        if self.recommendation.is_none() {
            return Err(ReviewError::NoRecommendation);
        }
        if self.confidence.is_none() {
            return Err(ReviewError::NoConfidence);
        }
        Ok(())
    }

    /// The weighted score, each criterion scaled to [0, 1] on its scale, weights normalised;
    /// `None` until every criterion is scored.
    pub fn weighted(&self, criteria: &[Criterion]) -> Option<f64> {
        let total_weight: f64 = criteria.iter().map(|c| c.weight).sum();
        if criteria.is_empty() || total_weight <= 0.0 {
            return None;
        }
        let mut sum = 0.0;
        for criterion in criteria {
            let score = *self.scores.get(&criterion.id)? as f64;
            let span = (criterion.scale_max - criterion.scale_min).max(1) as f64;
            sum += criterion.weight * (score - criterion.scale_min as f64) / span;
        }
        Some(sum / total_weight)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{LocalizedText, Stage};

    fn criteria() -> Vec<Criterion> {
        let c = |id: i64, weight: f64| Criterion {
            id: CriterionId(id),
            name: LocalizedText::english(format!("C{id}")),
            weight,
            scale_min: 1,
            scale_max: 10,
            stage: Stage::TechnicalCommittee,
        };
        vec![c(1, 0.3), c(2, 0.7)]
    }

    fn content(scores: &[(i64, i64)]) -> ReviewContent {
        ReviewContent { scores: scores.iter().map(|(c, s)| (CriterionId(*c), *s)).collect(), ..Default::default() }
    }

    #[test]
    fn drafts_may_be_partial_but_never_out_of_scale() {
        assert_eq!(content(&[(1, 5)]).check(&criteria()), Ok(()));
        assert_eq!(content(&[(1, 11)]).check(&criteria()), Err(ReviewError::OutOfScale { criterion: CriterionId(1) }));
        assert_eq!(content(&[(9, 5)]).check(&criteria()), Err(ReviewError::UnknownCriterion));
        let unsure = ReviewContent { confidence: Some(6), ..content(&[]) };
        assert_eq!(unsure.check(&criteria()), Err(ReviewError::Confidence));
    }

    #[test]
    fn a_submitted_review_is_complete() {
        let mut review = content(&[(1, 5)]);
        assert_eq!(review.check_complete(&criteria()), Err(ReviewError::Missing { criterion: CriterionId(2) }));
        review.scores.insert(CriterionId(2), 8);
        assert_eq!(review.check_complete(&criteria()), Err(ReviewError::NoRecommendation));
        review.recommendation = Some(Recommendation::Support);
        assert_eq!(review.check_complete(&criteria()), Err(ReviewError::NoConfidence));
        review.confidence = Some(4);
        assert_eq!(review.check_complete(&criteria()), Ok(()));
    }

    #[test]
    fn the_weighted_score_scales_each_criterion_and_normalises_weights() {
        let full = content(&[(1, 10), (2, 10)]);
        assert_eq!(full.weighted(&criteria()), Some(1.0));
        let mixed = content(&[(1, 1), (2, 10)]);
        assert!((mixed.weighted(&criteria()).unwrap() - 0.7).abs() < 1e-12);
        assert_eq!(content(&[(1, 5)]).weighted(&criteria()), None);
    }
}
