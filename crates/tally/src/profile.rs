//! The ballots of one vote, and the alternatives they rank.

use std::fmt;

/// The most alternatives a profile holds. Alternatives and their places are stored in 16 bits, which
/// keeps a million ballots over 15 alternatives in about 60 MB.
pub const MAX_ALTERNATIVES: usize = u16::MAX as usize;

/// One alternative as a ballot ranks it: `level` numbers its tie group, 0 for the ballot's best.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) alternative: u16,
    pub(crate) level: u16,
}

impl Entry {
    pub(crate) fn alternative(self) -> usize {
        usize::from(self.alternative)
    }
}

/// A ballot's entries split into its tie groups, best first.
pub(crate) fn tie_groups(entries: &[Entry]) -> impl Iterator<Item = &[Entry]> {
    entries.chunk_by(|above, below| above.level == below.level)
}

/// The alternatives and the weighted ballots of one vote.
///
/// Alternatives are numbered from 0 in the order of [`Profile::names`]; that order is also the
/// tie-break (see the crate documentation). Ballots are kept as added, in one flat buffer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    names: Vec<String>,
    /// Every ballot's ranked alternatives, best first, one ballot after another.
    entries: Vec<Entry>,
    /// Where each ballot's entries start in `entries`, then where the last one ends: ballot `i` is
    /// `entries[ballot_bounds[i]..ballot_bounds[i + 1]]`.
    ballot_bounds: Vec<usize>,
    weights: Vec<u64>,
    total_weight: u64,
    /// Marks the alternatives of the ballot being added, to find one listed twice without a search;
    /// all false between calls.
    listed: Vec<bool>,
}

impl Profile {
    /// A profile without ballots over the named alternatives.
    pub fn new(names: Vec<String>) -> Result<Profile, ProfileError> {
        if names.len() > MAX_ALTERNATIVES {
            return Err(ProfileError::TooManyAlternatives { count: names.len() });
        }
        Ok(Profile {
            listed: vec![false; names.len()],
            names,
            entries: Vec::new(),
            ballot_bounds: vec![0],
            weights: Vec::new(),
            total_weight: 0,
        })
    }

    /// Adds a ballot of `weight` identical votes. `groups` lists its tie groups, best first, each a
    /// non-empty set of alternative numbers; alternatives it leaves out are unranked. On error the
    /// profile is unchanged.
    pub fn add_ballot<G>(&mut self, weight: u64, groups: G) -> Result<(), ProfileError>
    where
        G: IntoIterator,
        G::Item: IntoIterator<Item = usize>,
    {
        let start = self.entries.len();
        let result = self.push_groups(groups).and_then(|()| {
            self.total_weight = self.total_weight.checked_add(weight).ok_or(ProfileError::TooManyVoters)?;
            Ok(())
        });
        for entry in &self.entries[start..] {
            self.listed[entry.alternative()] = false;
        }
        match result {
            Ok(()) => {
                self.ballot_bounds.push(self.entries.len());
                self.weights.push(weight);
            }
            Err(_) => self.entries.truncate(start),
        }
        result
    }

    fn push_groups<G>(&mut self, groups: G) -> Result<(), ProfileError>
    where
        G: IntoIterator,
        G::Item: IntoIterator<Item = usize>,
    {
        let count = self.names.len();
        for (level, group) in groups.into_iter().enumerate() {
            let group_start = self.entries.len();
            for alternative in group {
                if alternative >= count {
                    return Err(ProfileError::UnknownAlternative { alternative, count });
                }
                if std::mem::replace(&mut self.listed[alternative], true) {
                    return Err(ProfileError::DuplicateAlternative { alternative });
                }
                // Both fit: alternatives are below MAX_ALTERNATIVES, and so are levels, as every
                // level holds at least one distinct alternative.
                self.entries.push(Entry { alternative: alternative as u16, level: level as u16 });
            }
            if self.entries.len() == group_start {
                return Err(ProfileError::EmptyTieGroup);
            }
        }
        Ok(())
    }

    /// The alternatives' names, by alternative number.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    pub fn alternative_count(&self) -> usize {
        self.names.len()
    }

    /// How many ballots were added (each with its weight), not the number of voters.
    pub fn ballot_count(&self) -> usize {
        self.weights.len()
    }

    /// The sum of the ballots' weights: the number of voters.
    pub fn total_weight(&self) -> u64 {
        self.total_weight
    }

    /// The ballots, in the order they were added.
    pub fn ballots(&self) -> impl ExactSizeIterator<Item = Ballot<'_>> {
        self.ballot_bounds
            .windows(2)
            .zip(&self.weights)
            .map(|(bounds, &weight)| Ballot { weight, entries: &self.entries[bounds[0]..bounds[1]] })
    }
}

/// One ballot of a [`Profile`], with its weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ballot<'a> {
    weight: u64,
    entries: &'a [Entry],
}

impl<'a> Ballot<'a> {
    pub fn weight(self) -> u64 {
        self.weight
    }

    /// The tie groups, best first, as alternative numbers.
    pub fn groups(self) -> Vec<Vec<usize>> {
        tie_groups(self.entries).map(|group| group.iter().map(|entry| entry.alternative()).collect()).collect()
    }

    /// How many alternatives the ballot ranks.
    pub fn ranked_count(self) -> usize {
        self.entries.len()
    }

    pub(crate) fn entries(self) -> &'a [Entry] {
        self.entries
    }
}

/// Why a profile or a ballot was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileError {
    TooManyAlternatives {
        count: usize,
    },
    UnknownAlternative {
        alternative: usize,
        count: usize,
    },
    DuplicateAlternative {
        alternative: usize,
    },
    EmptyTieGroup,
    /// The ballots' weights add up to more than `u64::MAX`.
    TooManyVoters,
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileError::TooManyAlternatives { count } => {
                write!(f, "{count} alternatives are more than the {MAX_ALTERNATIVES} a profile can hold")
            }
            ProfileError::UnknownAlternative { alternative, count } => {
                write!(f, "alternative number {alternative} is out of range (there are {count} alternatives)")
            }
            ProfileError::DuplicateAlternative { alternative } => {
                write!(f, "alternative number {alternative} appears twice on the ballot")
            }
            ProfileError::EmptyTieGroup => f.write_str("a tie group on the ballot is empty"),
            ProfileError::TooManyVoters => write!(f, "the ballots' weights add up to more than {}", u64::MAX),
        }
    }
}

impl std::error::Error for ProfileError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(count: usize) -> Profile {
        Profile::new((0..count).map(|number| format!("Alternative {number}")).collect()).unwrap()
    }

    #[test]
    fn keeps_ballots_with_their_groups_and_weights() {
        let mut profile = profile(4);
        profile.add_ballot(3, [vec![2], vec![0, 3]]).unwrap();
        profile.add_ballot(1, Vec::<Vec<usize>>::new()).unwrap();
        let ballots: Vec<_> = profile.ballots().map(|ballot| (ballot.weight(), ballot.groups())).collect();
        assert_eq!(ballots, [(3, vec![vec![2], vec![0, 3]]), (1, vec![])]);
        assert_eq!(profile.total_weight(), 4);
        assert_eq!(profile.ballot_count(), 2);
    }

    #[test]
    fn refuses_bad_ballots_and_stays_unchanged() {
        let mut profile = profile(3);
        profile.add_ballot(1, [[0]]).unwrap();
        let before = profile.clone();
        assert_eq!(
            profile.add_ballot(1, [vec![1], vec![3]]),
            Err(ProfileError::UnknownAlternative { alternative: 3, count: 3 })
        );
        assert_eq!(
            profile.add_ballot(1, [vec![1], vec![2, 1]]),
            Err(ProfileError::DuplicateAlternative { alternative: 1 })
        );
        assert_eq!(profile.add_ballot(1, [vec![1], vec![]]), Err(ProfileError::EmptyTieGroup));
        assert_eq!(profile.add_ballot(u64::MAX, [[1]]), Err(ProfileError::TooManyVoters));
        assert_eq!(profile, before);
        // The marks of the refused ballots are cleared: the same alternatives are accepted again.
        profile.add_ballot(1, [vec![1, 2], vec![0]]).unwrap();
    }

    #[test]
    fn refuses_more_alternatives_than_it_can_store() {
        let names = vec![String::new(); MAX_ALTERNATIVES + 1];
        assert_eq!(Profile::new(names), Err(ProfileError::TooManyAlternatives { count: MAX_ALTERNATIVES + 1 }));
    }
}
