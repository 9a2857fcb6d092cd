//! Ranked-vote tallies for the Jury's secret ballots (issue 6): Schulze, Borda and instant-runoff,
//! and a reader and writer for PrefLib files. Pure: no I/O, no clock, no randomness.
//!
//! Every method returns a full [`Ranking`], winner first, so that the server can take up to N
//! winners and give the others a Medal of Honour.
//!
//! ```
//! use kapok_tally::{Method, Profile, format_ranking, tally};
//!
//! let mut profile = Profile::new(vec!["Bilbao".into(), "Curitiba".into(), "Seoul".into()])?;
//! profile.add_ballot(1, [vec![1], vec![0, 2]])?; // Curitiba, then Bilbao and Seoul tied
//! profile.add_ballot(2, [[2], [1]])?; // Seoul, Curitiba; Bilbao unranked
//! let ranking = tally(Method::Schulze, &profile);
//! let winners: Vec<usize> = ranking.order().take(2).collect();
//! assert_eq!(winners, [2, 1]);
//! assert!(!ranking.splits_tie(2));
//! assert_eq!(format_ranking(&profile, &ranking), "1. Seoul\n2. Curitiba\n3. Bilbao\n");
//! # Ok::<(), kapok_tally::ProfileError>(())
//! ```
//!
//! # Ballots
//!
//! A ballot lists tie groups, best first ([`Profile::add_ballot`]). Ballots may be partial: the
//! alternatives a ballot leaves out are *unranked*, and each method treats them as one tie group
//! below every ranked alternative of that ballot, except instant-runoff, where a ballot whose ranked
//! alternatives are all eliminated is exhausted. Each ballot carries a weight (the count of a PrefLib
//! line, or 1 for one juror's ballot).
//!
//! # Methods
//!
//! - **Schulze** ([`schulze`]). `d[a][b]` is the weight of the ballots that rank `a` strictly above
//!   `b` (ranked above unranked; tied and both-unranked count for neither). A link `a → b` exists when
//!   `d[a][b] > d[b][a]` and its strength is `d[a][b]` (winning votes, Schulze's own choice and
//!   Wikipedia's). `p[a][b]` is the strength of the strongest path (the widest path, found
//!   Floyd–Warshall style); `a` beats `b` when `p[a][b] > p[b][a]`. That relation is a strict partial
//!   order; the ranking takes in turn the alternatives that nobody still unplaced beats, and each such
//!   set is one tie group.
//! - **Borda** ([`borda`], [`borda_scores`]). With `m` alternatives, places are worth `m-1, m-2, …, 0`
//!   points. A tie group shares the points of the places it covers equally (averaged points), and the
//!   unranked alternatives of a ballot share the places left below its ranked ones the same way. So
//!   every ballot hands out the same total, `m(m-1)/2`. Equal scores form a tie group. These scores
//!   are pref_voting's symmetric Borda scores, shifted and halved: `(symmetric + m - 1) / 2`.
//! - **Instant-runoff** ([`instant_runoff`]). Each round, a ballot counts for the best tie group of
//!   its still-running alternatives; a group of `k` splits the ballot's weight, `1/k` each, counted
//!   exactly (no floating point). A ballot with no running alternative left is exhausted. All the
//!   alternatives with the fewest votes are eliminated together, and the count continues until one
//!   alternative is left or all those left have equal votes (they tie for first). The ranking is the
//!   reverse order of elimination; those eliminated together form a tie group. This is
//!   pref_voting's `instant_runoff` with `score_method="split"`. The count goes past a majority, to
//!   rank everyone, which does not change the winner.
//!
//! # Ties and the tie-break
//!
//! [`Ranking::groups`] gives what the method decided: tie groups, best first. [`Ranking::order`]
//! breaks the ties by alternative number: within a group, the alternative listed first in the profile
//! (the first in a PrefLib header; for the award, the first in the shortlist's order) goes first.
//! A rule fixed in advance, with no randomness, so a recount gives the same order; but it favours
//! earlier alternatives, so the server should show ties ([`Ranking::splits_tie`] says whether the
//! winners' cut falls inside one) and let the Jury settle them.
//!
//! # Output
//!
//! [`format_ranking`] prints one alternative a line, winner first, in [`Ranking::order`]: its place,
//! a full stop, a space and its name (`1. Name`). Tied alternatives share a place, and the next place
//! skips as many numbers (`1.`, `2.`, `2.`, `4.`), so ties show without reading the method's detail.

mod borda;
mod instant_runoff;
mod natural;
mod preflib;
mod profile;
mod ranking;
mod schulze;
#[cfg(test)]
mod testing;

use std::fmt;
use std::str::FromStr;

pub use borda::{BordaScore, borda, borda_scores};
pub use instant_runoff::instant_runoff;
pub use preflib::{DataType, PreflibError, PreflibProblem, parse_preflib, write_preflib};
pub use profile::{Ballot, MAX_ALTERNATIVES, Profile, ProfileError};
pub use ranking::{Ranking, format_ranking};
pub use schulze::{Pairwise, pairwise_preferences, schulze, strongest_paths};

/// A tally method, as named on the command line (`schulze`, `borda`, `irv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Schulze,
    Borda,
    InstantRunoff,
}

impl Method {
    /// Every method, in the order the command line lists them.
    pub const ALL: [Method; 3] = [Method::Schulze, Method::Borda, Method::InstantRunoff];

    /// The method's command-line name.
    pub fn name(self) -> &'static str {
        match self {
            Method::Schulze => "schulze",
            Method::Borda => "borda",
            Method::InstantRunoff => "irv",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A method name that is none of `schulze`, `borda`, `irv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownMethod(pub String);

impl fmt::Display for UnknownMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown tally method '{}' (expected schulze, borda or irv)", self.0)
    }
}

impl std::error::Error for UnknownMethod {}

impl FromStr for Method {
    type Err = UnknownMethod;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Method::ALL.into_iter().find(|method| method.name() == name).ok_or_else(|| UnknownMethod(name.to_owned()))
    }
}

/// Ranks the profile's alternatives by `method`, winner first.
pub fn tally(method: Method, profile: &Profile) -> Ranking {
    match method {
        Method::Schulze => schulze(profile),
        Method::Borda => borda(profile),
        Method::InstantRunoff => instant_runoff(profile),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_names_round_trip() {
        for method in Method::ALL {
            assert_eq!(method.name().parse::<Method>(), Ok(method));
        }
        assert_eq!(
            "stv".parse::<Method>().unwrap_err().to_string(),
            "unknown tally method 'stv' (expected schulze, borda or irv)"
        );
    }
}
