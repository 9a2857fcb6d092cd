//! The Borda count, with averaged points for ties and unranked alternatives.

use std::fmt;

use crate::profile::{Profile, tie_groups};
use crate::ranking::Ranking;

/// A Borda score, counted in half points so that averaged points stay whole numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BordaScore {
    half_points: u128,
}

impl BordaScore {
    pub fn half_points(self) -> u128 {
        self.half_points
    }
}

/// Points with one decimal where needed: `12` or `12.5`.
impl fmt::Display for BordaScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let points = self.half_points / 2;
        if self.half_points % 2 == 0 { write!(f, "{points}") } else { write!(f, "{points}.5") }
    }
}

/// Every alternative's Borda score, by alternative number (see the crate documentation).
pub fn borda_scores(profile: &Profile) -> Vec<BordaScore> {
    let count = profile.alternative_count() as u128;
    // A tie group covering the places `first..first + size` (counting from 0) is worth
    // `count - 1 - first - (size - 1) / 2` points each, i.e. `2 * count - 2 * first - size - 1` half
    // points. Unranked alternatives are the group below the ranked ones; rather than visit them on
    // every ballot, each ballot adds their share to everyone (`unranked_share`) and, for its ranked
    // alternatives, what they get above that share (never negative: they rank higher).
    let mut unranked_share = 0u128;
    let mut above_share = vec![0u128; profile.alternative_count()];
    for ballot in profile.ballots() {
        let weight = u128::from(ballot.weight());
        let ranked = ballot.ranked_count() as u128;
        let share = if ranked < count { count - ranked - 1 } else { 0 };
        unranked_share += weight * share;
        let mut first = 0;
        for group in tie_groups(ballot.entries()) {
            let size = group.len() as u128;
            let half_points = 2 * count - 2 * first - size - 1;
            for entry in group {
                above_share[entry.alternative()] += weight * (half_points - share);
            }
            first += size;
        }
    }
    above_share.into_iter().map(|above| BordaScore { half_points: unranked_share + above }).collect()
}

/// Ranks by Borda score, highest first; equal scores tie.
pub fn borda(profile: &Profile) -> Ranking {
    let scores = borda_scores(profile);
    let mut by_score: Vec<usize> = (0..scores.len()).collect();
    by_score.sort_by_key(|&alternative| std::cmp::Reverse(scores[alternative]));
    let groups = by_score.chunk_by(|&above, &below| scores[above] == scores[below]).map(<[usize]>::to_vec).collect();
    Ranking::from_groups(groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::profile;

    fn points(profile: &Profile) -> Vec<String> {
        borda_scores(profile).iter().map(BordaScore::to_string).collect()
    }

    #[test]
    fn complete_ballots_score_places() {
        let profile = profile("ABCD", &[(2, "A B C D"), (1, "D C B A")]);
        assert_eq!(points(&profile), ["6", "5", "4", "3"]);
    }

    #[test]
    fn ties_and_unranked_alternatives_share_their_places() {
        // Places are worth 4, 3, 2, 1, 0: A gets 4, B and C share 3 + 2, unranked D and E share 1 + 0.
        let profile = profile("ABCDE", &[(1, "A BC")]);
        assert_eq!(points(&profile), ["4", "2.5", "2.5", "0.5", "0.5"]);
        assert_eq!(borda(&profile).groups(), [vec![0], vec![1, 2], vec![3, 4]]);
    }

    #[test]
    fn an_empty_ballot_gives_everyone_the_average() {
        let profile = profile("ABC", &[(3, "")]);
        assert_eq!(points(&profile), ["3", "3", "3"]);
    }
}
