//! The Schulze method (winning votes), and the pairwise preferences it starts from.

use crate::profile::Profile;
use crate::ranking::Ranking;

/// A place below every ranked one: unranked alternatives lose to ranked ones and tie each other.
const UNRANKED: u16 = u16::MAX;

/// A number for each ordered pair of alternatives: row `from`, column `to`. What the number means
/// depends on the function that made it ([`pairwise_preferences`], [`strongest_paths`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pairwise {
    alternative_count: usize,
    cells: Vec<u64>,
}

impl Pairwise {
    pub fn alternative_count(&self) -> usize {
        self.alternative_count
    }

    pub fn get(&self, from: usize, to: usize) -> u64 {
        self.cells[from * self.alternative_count + to]
    }

    fn row_mut(&mut self, from: usize) -> &mut [u64] {
        &mut self.cells[from * self.alternative_count..][..self.alternative_count]
    }
}

/// `get(a, b)`: the weight of the ballots that rank `a` strictly above `b`, counting a ranked
/// alternative above an unranked one. Costs ranked alternatives × alternatives a ballot, in a
/// branch-free loop the compiler vectorises.
pub fn pairwise_preferences(profile: &Profile) -> Pairwise {
    let count = profile.alternative_count();
    let mut preferences = Pairwise { alternative_count: count, cells: vec![0; count * count] };
    let mut levels = vec![UNRANKED; count];
    for ballot in profile.ballots() {
        let entries = ballot.entries();
        for entry in entries {
            levels[entry.alternative()] = entry.level;
        }
        let weight = ballot.weight();
        for entry in entries {
            for (cell, &level) in preferences.row_mut(entry.alternative()).iter_mut().zip(&levels) {
                *cell += if entry.level < level { weight } else { 0 };
            }
        }
        for entry in entries {
            levels[entry.alternative()] = UNRANKED;
        }
    }
    preferences
}

/// `get(a, b)`: the strength of the strongest path from `a` to `b` (0 where there is none), given the
/// [`pairwise_preferences`]. A link `a → b` exists when more ballots prefer `a` to `b` than the
/// reverse, and its strength is the number that prefer `a` (winning votes); a path is as strong as
/// its weakest link. `a` beats `b` under Schulze when `get(a, b) > get(b, a)`.
pub fn strongest_paths(preferences: &Pairwise) -> Pairwise {
    let count = preferences.alternative_count();
    let mut strength = Pairwise { alternative_count: count, cells: vec![0; count * count] };
    for from in 0..count {
        for to in 0..count {
            let (forward, backward) = (preferences.get(from, to), preferences.get(to, from));
            if forward > backward {
                strength.cells[from * count + to] = forward;
            }
        }
    }
    for via in 0..count {
        for from in (0..count).filter(|&from| from != via) {
            let into_via = strength.get(from, via);
            if into_via == 0 {
                continue;
            }
            for to in (0..count).filter(|&to| to != from && to != via) {
                let through_via = into_via.min(strength.get(via, to));
                let direct = &mut strength.cells[from * count + to];
                *direct = (*direct).max(through_via);
            }
        }
    }
    strength
}

/// Ranks by the Schulze method: each tie group holds the alternatives that no alternative still
/// unplaced beats (see the crate documentation).
pub fn schulze(profile: &Profile) -> Ranking {
    let count = profile.alternative_count();
    let strength = strongest_paths(&pairwise_preferences(profile));
    let beats = |winner: usize, loser: usize| strength.get(winner, loser) > strength.get(loser, winner);
    let mut unplaced: Vec<usize> = (0..count).collect();
    let mut groups = Vec::new();
    while !unplaced.is_empty() {
        let (unbeaten, beaten): (Vec<usize>, Vec<usize>) =
            unplaced.iter().partition(|&&alternative| !unplaced.iter().any(|&other| beats(other, alternative)));
        // Schulze's relation is transitive and irreflexive, so some alternative is always unbeaten.
        assert!(!unbeaten.is_empty(), "the Schulze relation has a cycle");
        groups.push(unbeaten);
        unplaced = beaten;
    }
    Ranking::from_groups(groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::profile;

    #[test]
    fn wikipedia_example_ranks_e_a_c_b_d() {
        // https://en.wikipedia.org/wiki/Schulze_method#Example: 45 voters, E wins.
        let profile = profile(
            "ABCDE",
            &[
                (5, "A C B E D"),
                (5, "A D E C B"),
                (8, "B E D A C"),
                (3, "C A B E D"),
                (7, "C A E B D"),
                (2, "C B A D E"),
                (7, "D C E B A"),
                (8, "E B A D C"),
            ],
        );
        let preferences = pairwise_preferences(&profile);
        assert_eq!((preferences.get(0, 1), preferences.get(1, 0)), (20, 25));
        let strength = strongest_paths(&preferences);
        // The strongest paths from A, as the article's table lists them.
        assert_eq!((0..5).map(|to| strength.get(0, to)).collect::<Vec<_>>(), [0, 28, 28, 30, 24]);
        assert_eq!(schulze(&profile).groups(), [[4], [0], [2], [1], [3]]);
    }

    #[test]
    fn counts_ranked_above_unranked_and_ties_for_neither() {
        let profile = profile("ABCD", &[(2, "A BC"), (1, "D")]);
        let preferences = pairwise_preferences(&profile);
        let row = |from| (0..4).map(|to| preferences.get(from, to)).collect::<Vec<_>>();
        assert_eq!(row(0), [0, 2, 2, 2]);
        assert_eq!(row(1), [0, 0, 0, 2]);
        assert_eq!(row(3), [1, 1, 1, 0]);
    }

    #[test]
    fn a_cycle_of_equal_strength_is_one_tie_group() {
        let profile = profile("ABC", &[(1, "A B C"), (1, "B C A"), (1, "C A B")]);
        assert_eq!(schulze(&profile).groups(), [[0, 1, 2]]);
    }

    #[test]
    fn without_ballots_everyone_ties() {
        assert_eq!(schulze(&profile("ABC", &[])).groups(), [[0, 1, 2]]);
    }
}
