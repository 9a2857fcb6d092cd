//! A tally's result: tie groups, best first, and the order after the tie-break.

use std::fmt::Write;

use crate::Profile;

/// Every alternative of a profile, ranked: tie groups, best first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranking {
    /// Each group in tie-break order (by alternative number).
    groups: Vec<Vec<usize>>,
}

impl Ranking {
    pub(crate) fn from_groups(mut groups: Vec<Vec<usize>>) -> Ranking {
        debug_assert!(groups.iter().all(|group| !group.is_empty()));
        for group in &mut groups {
            group.sort_unstable();
        }
        Ranking { groups }
    }

    /// The alternatives the method could not separate, group by group, best first; each group in
    /// tie-break order.
    pub fn groups(&self) -> &[Vec<usize>] {
        &self.groups
    }

    /// All alternatives, winner first, ties broken by alternative number.
    pub fn order(&self) -> impl Iterator<Item = usize> + '_ {
        self.groups.iter().flatten().copied()
    }

    /// The first alternative of [`Ranking::order`]; `None` for a profile without alternatives.
    pub fn winner(&self) -> Option<usize> {
        self.order().next()
    }

    /// `(place, alternative)` in [`Ranking::order`]; places count from 1, tied alternatives share
    /// one, and the next place skips as many numbers (1, 2, 2, 4).
    pub fn places(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut place = 1;
        self.groups.iter().flat_map(move |group| {
            let group_place = place;
            place += group.len();
            group.iter().map(move |&alternative| (group_place, alternative))
        })
    }

    /// Whether taking the first `count` alternatives of [`Ranking::order`] separates alternatives
    /// that the method ranked equal, i.e. the tie-break decides who is in.
    pub fn splits_tie(&self, count: usize) -> bool {
        let mut placed = 0;
        for group in &self.groups {
            if placed < count && count < placed + group.len() {
                return true;
            }
            placed += group.len();
        }
        false
    }
}

/// The ranking as text for the command line: one line an alternative, `place. name`, winner first
/// (see [`Ranking::places`]).
pub fn format_ranking(profile: &Profile, ranking: &Ranking) -> String {
    let mut text = String::new();
    for (place, alternative) in ranking.places() {
        writeln!(text, "{place}. {}", profile.names()[alternative]).expect("writing to a String cannot fail");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_places_and_prints_tied_groups() {
        let ranking = Ranking::from_groups(vec![vec![1], vec![3, 0], vec![2]]);
        assert_eq!(ranking.order().collect::<Vec<_>>(), [1, 0, 3, 2]);
        assert_eq!(ranking.winner(), Some(1));
        assert_eq!(ranking.places().collect::<Vec<_>>(), [(1, 1), (2, 0), (2, 3), (4, 2)]);
        let profile = Profile::new(["North", "East", "South", "West"].map(String::from).to_vec()).unwrap();
        assert_eq!(format_ranking(&profile, &ranking), "1. East\n2. North\n2. West\n4. South\n");
    }

    #[test]
    fn tells_whether_a_cut_falls_inside_a_tie() {
        let ranking = Ranking::from_groups(vec![vec![1], vec![3, 0], vec![2]]);
        let splits: Vec<bool> = (0..=5).map(|count| ranking.splits_tie(count)).collect();
        assert_eq!(splits, [false, false, true, false, false, false]);
        assert_eq!(Ranking::from_groups(Vec::new()).winner(), None);
    }
}
