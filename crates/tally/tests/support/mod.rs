//! Random profiles for the property tests and the cross-check with pref_voting.

// Each test crate uses a part of this module.
#![allow(dead_code)]

use std::collections::HashMap;
use std::ops::RangeInclusive;

use kapok_tally::Profile;
use proptest::prelude::*;

/// What the random ballots may hold.
#[derive(Clone, Debug)]
pub struct Shape {
    pub alternatives: RangeInclusive<usize>,
    pub ballots: RangeInclusive<usize>,
    pub weights: RangeInclusive<u64>,
    pub ties: bool,
    pub truncation: bool,
}

impl Shape {
    /// Small profiles with ties and partial ballots, for the properties.
    pub fn any() -> Shape {
        Shape { alternatives: 1..=7, ballots: 0..=12, weights: 1..=4, ties: true, truncation: true }
    }
}

/// Tie groups, best first, each sorted.
pub type Groups = Vec<Vec<usize>>;

/// A ballot over `count` alternatives: a random order, cut at a random length when `truncation`,
/// with random neighbours tied when `ties`.
pub fn ballot(count: usize, shape: &Shape) -> impl Strategy<Value = Groups> + use<> {
    let (ties, truncation) = (shape.ties, shape.truncation);
    let order = Just((0..count).collect::<Vec<_>>()).prop_shuffle();
    let tied_with_previous = prop::collection::vec(any::<bool>(), count);
    let ranked = if truncation { (0..=count).boxed() } else { Just(count).boxed() };
    (order, tied_with_previous, ranked).prop_map(move |(order, tied_with_previous, ranked)| {
        let mut groups: Groups = Vec::new();
        for (&alternative, &tied) in order[..ranked].iter().zip(&tied_with_previous) {
            match groups.last_mut() {
                Some(group) if ties && tied => group.push(alternative),
                _ => groups.push(vec![alternative]),
            }
        }
        for group in &mut groups {
            group.sort_unstable();
        }
        groups
    })
}

/// `(alternative count, weighted ballots)`.
pub fn ballots(shape: Shape) -> impl Strategy<Value = (usize, Vec<(u64, Groups)>)> {
    shape.alternatives.clone().prop_flat_map(move |count| {
        let weighted = (shape.weights.clone(), ballot(count, &shape));
        (Just(count), prop::collection::vec(weighted, shape.ballots.clone()))
    })
}

/// A profile of the ballots, identical ballots merged (PrefLib files list each order once).
pub fn profile_of(count: usize, ballots: &[(u64, Groups)]) -> Profile {
    let mut merged: Vec<(u64, &Groups)> = Vec::new();
    let mut index_of: HashMap<&Groups, usize> = HashMap::new();
    for (weight, groups) in ballots {
        match index_of.get(groups) {
            Some(&index) => merged[index].0 += weight,
            None => {
                index_of.insert(groups, merged.len());
                merged.push((*weight, groups));
            }
        }
    }
    let mut profile = Profile::new((1..=count).map(|number| format!("Alternative {number}")).collect()).unwrap();
    for (weight, groups) in merged {
        profile.add_ballot(weight, groups.iter().map(|group| group.iter().copied())).unwrap();
    }
    profile
}

pub fn profile(shape: Shape) -> impl Strategy<Value = Profile> {
    ballots(shape).prop_map(|(count, ballots)| profile_of(count, &ballots))
}
