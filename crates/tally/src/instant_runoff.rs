//! Instant-runoff voting, with split votes for tied first choices.

use crate::natural::Natural;
use crate::profile::Profile;
use crate::ranking::Ranking;

/// Ranks by instant-runoff: the last alternative left first, then back through the eliminations; the
/// alternatives eliminated together tie (see the crate documentation).
pub fn instant_runoff(profile: &Profile) -> Ranking {
    let count = profile.alternative_count();
    let mut running = vec![true; count];
    let mut running_count = count;
    // Where each ballot's search for its best running alternative starts: entries before it are
    // eliminated, and eliminated alternatives never come back.
    let mut first_running_entry = vec![0; profile.ballot_count()];
    let mut eliminations = Vec::new();
    while running_count > 1 {
        let votes = count_votes(profile, &running, &mut first_running_entry);
        let fewest =
            (0..count).filter(|&alternative| running[alternative]).map(|alternative| &votes[alternative]).min();
        let losers: Vec<usize> =
            (0..count).filter(|&alternative| running[alternative] && Some(&votes[alternative]) == fewest).collect();
        if losers.len() == running_count {
            break;
        }
        for &loser in &losers {
            running[loser] = false;
        }
        running_count -= losers.len();
        eliminations.push(losers);
    }
    let survivors: Vec<usize> = (0..count).filter(|&alternative| running[alternative]).collect();
    let groups = std::iter::once(survivors).filter(|group| !group.is_empty()).chain(eliminations.into_iter().rev());
    Ranking::from_groups(groups.collect())
}

/// One round's votes for each alternative (zero for eliminated ones), exactly, in units of one
/// ballot's weight divided by the least common multiple of this round's split sizes.
fn count_votes(profile: &Profile, running: &[bool], first_running_entry: &mut [usize]) -> Vec<Natural> {
    let count = profile.alternative_count();
    // `shares[size][alternative]`: the weight of the ballots whose vote `alternative` shares with
    // `size - 1` others (whole votes at size 1). Rows are allocated when a size first occurs.
    let mut shares: Vec<Vec<u64>> = vec![Vec::new(); count + 1];
    shares[1] = vec![0; count];
    for (ballot, first) in profile.ballots().zip(first_running_entry.iter_mut()) {
        let entries = ballot.entries();
        while *first < entries.len() && !running[entries[*first].alternative()] {
            *first += 1;
        }
        let Some(top) = entries.get(*first) else { continue };
        let top_group = entries[*first..].iter().take_while(|entry| entry.level == top.level);
        let running_in_group = || top_group.clone().filter(|entry| running[entry.alternative()]);
        let size = running_in_group().count();
        let row = &mut shares[size];
        if row.is_empty() {
            *row = vec![0; count];
        }
        for entry in running_in_group() {
            row[entry.alternative()] += ballot.weight();
        }
    }
    let sizes: Vec<u64> = (1..=count as u64).filter(|&size| !shares[size as usize].is_empty()).collect();
    let denominator = sizes.iter().fold(Natural::from_u64(1), |multiple, &size| {
        let common = greatest_common_divisor(multiple.div_rem_small(size).1, size);
        multiple.mul_small(size / common)
    });
    let mut votes = vec![Natural::from_u64(0); count];
    for size in sizes {
        let unit = denominator.div_rem_small(size).0;
        for (total, &weight) in votes.iter_mut().zip(&shares[size as usize]) {
            *total += &unit.mul_small(weight);
        }
    }
    votes
}

fn greatest_common_divisor(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::profile;

    #[test]
    fn tennessee_capital_goes_to_knoxville() {
        // https://en.wikipedia.org/wiki/Instant-runoff_voting: Chattanooga goes first, then
        // Nashville, and Knoxville beats Memphis 58 to 42.
        let profile = profile("MNCK", &[(42, "M N C K"), (26, "N C K M"), (15, "C K N M"), (17, "K C N M")]);
        assert_eq!(instant_runoff(&profile).groups(), [[3], [0], [1], [2]]);
    }

    #[test]
    fn a_tied_first_choice_splits_the_vote() {
        // A: 2, B: 1 + 1/2, C: 1/2 + 1 = 1.5 each, so B and C go together.
        let profile = profile("ABC", &[(2, "A"), (1, "B"), (1, "BC"), (1, "C")]);
        assert_eq!(instant_runoff(&profile).groups(), [vec![0], vec![1, 2]]);
    }

    #[test]
    fn thirds_add_up_exactly() {
        // A, B and C each get three thirds and one whole vote: an exact three-way tie.
        let profile = profile("ABCD", &[(1, "ABC"), (1, "ABC"), (1, "ABC"), (1, "A"), (1, "B"), (1, "C")]);
        assert_eq!(instant_runoff(&profile).groups(), [vec![0, 1, 2], vec![3]]);
    }

    #[test]
    fn exhausted_ballots_count_for_nobody() {
        // C goes first and its ballot, which ranks nobody else, drops out: A and B tie 2 to 2.
        let profile = profile("ABC", &[(2, "A"), (2, "B"), (1, "C")]);
        assert_eq!(instant_runoff(&profile).groups(), [vec![0, 1], vec![2]]);
    }

    #[test]
    fn a_final_tie_is_a_shared_first_place() {
        let profile = profile("ABC", &[(1, "A"), (1, "B")]);
        assert_eq!(instant_runoff(&profile).groups(), [vec![0, 1], vec![2]]);
    }
}
