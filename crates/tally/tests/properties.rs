//! Properties every tally must have, on random profiles with ties and partial ballots.

mod support;

use kapok_tally::{
    Method, Profile, borda_scores, pairwise_preferences, parse_preflib, schulze, strongest_paths, tally, write_preflib,
};
use proptest::prelude::*;
use proptest::sample::Index;
use support::{Groups, Shape, ballot, ballots, profile, profile_of};

/// The profile with one more ballot, heavier than all the others together, ranking only `favourite`.
fn with_majority_for(count: usize, ballots: &[(u64, Groups)], favourite: usize) -> Profile {
    let total: u64 = ballots.iter().map(|(weight, _)| weight).sum();
    let mut ballots = ballots.to_vec();
    ballots.push((total + 1, vec![vec![favourite]]));
    profile_of(count, &ballots)
}

proptest! {
    #[test]
    fn every_ranking_orders_every_alternative_once(profile in profile(Shape::any())) {
        for method in Method::ALL {
            let ranking = tally(method, &profile);
            prop_assert!(ranking.groups().iter().all(|group| !group.is_empty()));
            let mut order: Vec<usize> = ranking.order().collect();
            order.sort_unstable();
            prop_assert_eq!(order, (0..profile.alternative_count()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn schulze_order_extends_the_beats_relation(profile in profile(Shape::any())) {
        let strength = strongest_paths(&pairwise_preferences(&profile));
        let order: Vec<usize> = schulze(&profile).order().collect();
        for (place, &above) in order.iter().enumerate() {
            for &below in &order[place + 1..] {
                prop_assert!(strength.get(below, above) <= strength.get(above, below), "{below} beats {above}");
            }
        }
    }

    #[test]
    fn a_condorcet_winner_wins_under_schulze(profile in profile(Shape::any())) {
        let preferences = pairwise_preferences(&profile);
        let count = profile.alternative_count();
        let beats_everyone =
            |winner: usize| (0..count).all(|other| other == winner || preferences.get(winner, other) > preferences.get(other, winner));
        if let Some(condorcet_winner) = (0..count).find(|&alternative| beats_everyone(alternative)) {
            prop_assert_eq!(schulze(&profile).groups()[0].clone(), vec![condorcet_winner]);
        }
    }

    #[test]
    fn a_majority_favourite_wins_schulze_and_instant_runoff(
        (count, ballots) in ballots(Shape::any()),
        favourite in any::<Index>(),
    ) {
        let favourite = favourite.index(count);
        let profile = with_majority_for(count, &ballots, favourite);
        prop_assert_eq!(schulze(&profile).groups()[0].clone(), vec![favourite]);
        prop_assert_eq!(tally(Method::InstantRunoff, &profile).groups()[0].clone(), vec![favourite]);
    }

    #[test]
    fn a_unanimous_strict_order_is_the_result(
        (count, order, weight) in (1..=7usize).prop_flat_map(|count| {
            let strict = Shape { ties: false, truncation: false, ..Shape::any() };
            (Just(count), ballot(count, &strict), 1..=9u64)
        }),
    ) {
        let profile = profile_of(count, &[(weight, order.clone())]);
        prop_assert_eq!(schulze(&profile).groups().to_vec(), order.clone());
        prop_assert_eq!(tally(Method::Borda, &profile).groups().to_vec(), order.clone());
        // Instant-runoff sees first choices only: the others, all without a vote, go out together.
        prop_assert_eq!(tally(Method::InstantRunoff, &profile).groups()[0].clone(), order[0].clone());
    }

    #[test]
    fn a_unanimous_weak_order_is_the_schulze_and_borda_result(
        (count, groups) in (1..=7usize).prop_flat_map(|count| (Just(count), ballot(count, &Shape::any()))),
    ) {
        let profile = profile_of(count, &[(1, groups.clone())]);
        let mut expected = groups.clone();
        let unranked: Vec<usize> = (0..count).filter(|alternative| !groups.iter().flatten().any(|ranked| ranked == alternative)).collect();
        if !unranked.is_empty() {
            expected.push(unranked);
        }
        prop_assert_eq!(schulze(&profile).groups().to_vec(), expected.clone());
        prop_assert_eq!(tally(Method::Borda, &profile).groups().to_vec(), expected);
    }

    #[test]
    fn the_order_of_ballots_does_not_matter(
        (count, ballots, shuffled) in ballots(Shape::any()).prop_flat_map(|(count, ballots)| {
            (Just(count), Just(ballots.clone()), Just(ballots).prop_shuffle())
        }),
    ) {
        let (profile, shuffled) = (profile_of(count, &ballots), profile_of(count, &shuffled));
        for method in Method::ALL {
            prop_assert_eq!(tally(method, &profile), tally(method, &shuffled), "{}", method);
        }
    }

    #[test]
    fn borda_scores_add_up_and_match_the_pairwise_margins(profile in profile(Shape::any())) {
        let count = profile.alternative_count() as u128;
        let voters = u128::from(profile.total_weight());
        let scores = borda_scores(&profile);
        // Every ballot hands out m(m-1)/2 points, m(m-1) half points.
        prop_assert_eq!(scores.iter().map(|score| score.half_points()).sum::<u128>(), voters * count * (count - 1));
        // Averaged points make the Borda score the sum of the pairwise margins, shifted.
        let preferences = pairwise_preferences(&profile);
        for (alternative, score) in scores.iter().enumerate() {
            let margins: i128 = (0..profile.alternative_count())
                .map(|other| i128::from(preferences.get(alternative, other)) - i128::from(preferences.get(other, alternative)))
                .sum();
            prop_assert_eq!(score.half_points() as i128, (voters * (count - 1)) as i128 + margins);
        }
    }

    #[test]
    fn preflib_text_round_trips(profile in profile(Shape::any())) {
        let text = write_preflib(&profile);
        let read = parse_preflib(&text).unwrap();
        prop_assert_eq!(&read, &profile);
        prop_assert_eq!(write_preflib(&read), text);
    }

    #[test]
    fn the_reader_refuses_garbage_without_panicking(ballot_lines in "[0-9,{} :\n]{0,40}") {
        let header = "# DATA TYPE: toi\n# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n# ALTERNATIVE NAME 3: C\n";
        if let Err(error) = parse_preflib(&format!("{header}{ballot_lines}")) {
            prop_assert!(error.line > 5, "{}", error);
        }
    }
}
