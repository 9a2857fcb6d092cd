//! What the anomaly report flags, from counts the store aggregates: bursts of votes for one
//! candidate in one minute, and identities whose e-mail addresses follow one pattern (the
//! signature of addresses made in bulk). Pure.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::EntryId;

/// A minute is a burst when it has at least this many votes for a candidate …
pub const BURST_MIN_VOTES: u64 = 20;
/// … and at least this many times the candidate's usual (median) minute.
pub const BURST_FACTOR: u64 = 5;
/// A pattern is reported when at least this many identities share it.
pub const PATTERN_MIN_IDENTITIES: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Burst {
    pub candidate: EntryId,
    /// Unix seconds of the minute's start.
    pub minute: i64,
    pub votes: u64,
    /// The candidate's median votes in a minute with votes.
    pub usual: u64,
}

/// Bursts from votes per candidate per minute (`(candidate, minute start, votes)`), largest first.
pub fn bursts(per_minute: &[(EntryId, i64, u64)]) -> Vec<Burst> {
    let mut by_candidate: BTreeMap<EntryId, Vec<(i64, u64)>> = BTreeMap::new();
    for (candidate, minute, votes) in per_minute {
        by_candidate.entry(*candidate).or_default().push((*minute, *votes));
    }
    let mut found = Vec::new();
    for (candidate, minutes) in by_candidate {
        let mut counts: Vec<u64> = minutes.iter().map(|(_, v)| *v).collect();
        counts.sort_unstable();
        let usual = counts[counts.len() / 2].max(1);
        for (minute, votes) in minutes {
            if votes >= BURST_MIN_VOTES && votes >= usual * BURST_FACTOR {
                found.push(Burst { candidate, minute, votes, usual });
            }
        }
    }
    found.sort_by_key(|b| (std::cmp::Reverse(b.votes), b.minute, b.candidate));
    found
}

/// The shape of an e-mail address with its digits hidden: `anna1987@mail.example` and
/// `anna2001@mail.example` are both `anna#@mail.example`. Dots in the local part are dropped
/// (many providers ignore them), and so is a `+tag`.
pub fn email_pattern(email: &str) -> Option<String> {
    let (local, domain) = email.rsplit_once('@')?;
    let local = local.split('+').next().unwrap_or(local);
    let mut pattern = String::new();
    for c in local.chars().filter(|c| *c != '.') {
        if c.is_ascii_digit() {
            if !pattern.ends_with('#') {
                pattern.push('#');
            }
        } else {
            pattern.push(c);
        }
    }
    Some(format!("{pattern}@{domain}"))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PatternCluster {
    pub pattern: String,
    pub identities: usize,
    pub ballots: u64,
    /// A few of the identities, for the Secretariat to look at.
    pub examples: Vec<String>,
}

/// Groups of identities that share an e-mail pattern with digits or a `+tag`, largest first.
/// `identities` are (identity, ballots cast).
pub fn email_clusters(identities: &[(String, u64)]) -> Vec<PatternCluster> {
    let mut groups: BTreeMap<String, PatternCluster> = BTreeMap::new();
    for (identity, ballots) in identities {
        let Some(pattern) = email_pattern(identity) else { continue };
        let (local, _) = identity.rsplit_once('@').unwrap_or_default();
        // Only addresses that vary in digits or tags can be made in bulk by one pattern.
        if !pattern.contains('#') && !local.contains('+') && !local.contains('.') {
            continue;
        }
        let group = groups.entry(pattern.clone()).or_insert_with(|| PatternCluster {
            pattern,
            identities: 0,
            ballots: 0,
            examples: Vec::new(),
        });
        group.identities += 1;
        group.ballots += ballots;
        if group.examples.len() < 3 {
            group.examples.push(identity.clone());
        }
    }
    let mut clusters: Vec<PatternCluster> =
        groups.into_values().filter(|g| g.identities >= PATTERN_MIN_IDENTITIES).collect();
    clusters.sort_by_key(|c| (std::cmp::Reverse(c.identities), c.pattern.clone()));
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minute_far_above_the_usual_is_a_burst() {
        let mut rows: Vec<(EntryId, i64, u64)> = (0..30).map(|m| (EntryId(1), m * 60, 3)).collect();
        rows.push((EntryId(1), 1800, 40));
        rows.push((EntryId(2), 0, 19)); // many, but under the floor
        let found = bursts(&rows);
        assert_eq!(found, vec![Burst { candidate: EntryId(1), minute: 1800, votes: 40, usual: 3 }]);
    }

    #[test]
    fn steady_heavy_voting_is_not_a_burst() {
        let rows: Vec<(EntryId, i64, u64)> = (0..30).map(|m| (EntryId(1), m * 60, 100)).collect();
        assert!(bursts(&rows).is_empty());
    }

    #[test]
    fn patterns_hide_digits_dots_and_tags() {
        assert_eq!(email_pattern("anna1987@mail.example").unwrap(), "anna#@mail.example");
        assert_eq!(email_pattern("a.n.n.a+vote7@mail.example").unwrap(), "anna@mail.example");
        assert_eq!(email_pattern("x12y345@m.example").unwrap(), "x#y#@m.example");
        assert_eq!(email_pattern("nobody"), None);
    }

    #[test]
    fn bulk_made_addresses_cluster_and_ordinary_ones_do_not() {
        let mut identities: Vec<(String, u64)> = (0..7).map(|n| (format!("fan{n}@mail.example"), 2)).collect();
        identities.extend((0..10).map(|n| (format!("person-{}@mail.example", ["a", "b", "c", "d", "e"][n % 5]), 1)));
        identities.extend((0..4).map(|n| (format!("few{n}@other.example"), 1)));
        let clusters = email_clusters(&identities);
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].pattern, "fan#@mail.example");
        assert_eq!((clusters[0].identities, clusters[0].ballots), (7, 14));
        assert_eq!(clusters[0].examples.len(), 3);
    }
}
