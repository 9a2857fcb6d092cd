//! Helpers for the unit tests.

use crate::Profile;

/// A profile over alternatives named by one letter each (`"ABC"`), with ballots written as their
/// tie groups separated by spaces (`(2, "A BC")`: weight 2, A first, then B and C tied).
pub(crate) fn profile(names: &str, ballots: &[(u64, &str)]) -> Profile {
    let mut profile = Profile::new(names.chars().map(String::from).collect()).unwrap();
    for &(weight, order) in ballots {
        let groups = order
            .split(' ')
            .filter(|group| !group.is_empty())
            .map(|group| group.chars().map(|name| names.find(name).expect("a known name")).collect::<Vec<_>>());
        profile.add_ballot(weight, groups).unwrap();
    }
    profile
}
