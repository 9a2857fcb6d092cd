//! The Technical Committee's decisions on the long list and the shortlist: each member approves
//! up to N candidates (N is the list's size from the edition's settings), the approvals are
//! counted into a proposed list, and the Secretariat confirms it, moving entries in or out only
//! with a reason. Pure.
//!
//! **The rule.** Candidates are ordered by approvals, most first; equal counts keep the order of
//! the score snapshot the round was opened on (better place first; candidates the snapshot did
//! not score come after those it did, by entry id — see [`candidate_order`]). The
//! proposed list is the first N of that order that at least one member approved: an entry nobody
//! approved is never proposed, so a list can come out shorter than N. An approval of an entry the
//! member is in conflict with, or of an entry that is not a candidate, is not counted, and the
//! proposal records it as excluded.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::domain::{EntryId, EntryStatus, vocabulary};

vocabulary!(
    /// Which list a decision round decides.
    ListKind, "list" { LongList = "long_list", Shortlist = "shortlist" }
);

impl ListKind {
    /// The status an entry on the list gets.
    pub fn listed_status(self) -> EntryStatus {
        match self {
            ListKind::LongList => EntryStatus::Deserving,
            ListKind::Shortlist => EntryStatus::Shortlisted,
        }
    }

    /// The status the list is chosen from, which a candidate left off has: entries that passed
    /// screening for the long list; long-listed entries for the shortlist, or valid ones in an
    /// edition without a long list.
    pub fn unlisted_status(self, has_long_list: bool) -> EntryStatus {
        match self {
            ListKind::Shortlist if has_long_list => EntryStatus::Deserving,
            _ => EntryStatus::Valid,
        }
    }

    /// Whether an entry at `status` is a candidate (it may already carry the list's status, when
    /// it was imported so, and then it has to earn it again).
    pub fn is_candidate(self, status: EntryStatus, has_long_list: bool) -> bool {
        (self.unlisted_status(has_long_list)..=self.listed_status()).contains(&status)
    }
}

/// The candidates in the order ties are broken by: as ranked by the score snapshot, then those it
/// did not rank, by entry id.
pub fn candidate_order(ranked: &[EntryId], candidates: &BTreeSet<EntryId>) -> Vec<EntryId> {
    let mut order: Vec<EntryId> = ranked.iter().filter(|e| candidates.contains(e)).copied().collect();
    let seen: BTreeSet<EntryId> = order.iter().copied().collect();
    order.extend(candidates.iter().filter(|e| !seen.contains(e)));
    order
}

/// How many members approved a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub entry: EntryId,
    pub approvals: usize,
}

/// What the approvals propose, computed when the round closes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// Every candidate, in the order of the rule (most approvals first).
    pub counts: Vec<Count>,
    /// The proposed list, in that order.
    pub listed: Vec<EntryId>,
    /// When the cut falls inside a group of equal counts: that whole group, whose order the
    /// score snapshot decided. Empty otherwise.
    pub tie_at_cut: Vec<EntryId>,
    /// (member, entry) approvals that were not counted: a conflict, or not a candidate.
    pub excluded: Vec<(i64, EntryId)>,
}

/// Counts the ballots (`(member, approved entries)`) over `candidates` (in the order of the score
/// snapshot) and proposes a list of at most `size`, by the rule of this module.
pub fn propose(
    candidates: &[EntryId],
    ballots: &[(i64, Vec<EntryId>)],
    blocked: &BTreeSet<(i64, EntryId)>,
    size: usize,
) -> Proposal {
    let position: BTreeMap<EntryId, usize> = candidates.iter().enumerate().map(|(i, e)| (*e, i)).collect();
    let mut approvals = vec![0usize; candidates.len()];
    let mut excluded = Vec::new();
    for (member, approved) in ballots {
        let distinct: BTreeSet<EntryId> = approved.iter().copied().collect();
        for entry in distinct {
            match position.get(&entry) {
                Some(&at) if !blocked.contains(&(*member, entry)) => approvals[at] += 1,
                _ => excluded.push((*member, entry)),
            }
        }
    }
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|a, b| approvals[*b].cmp(&approvals[*a]).then(a.cmp(b)));
    let counts: Vec<Count> = order.iter().map(|&i| Count { entry: candidates[i], approvals: approvals[i] }).collect();
    let listed: Vec<EntryId> = counts.iter().take_while(|c| c.approvals > 0).take(size).map(|c| c.entry).collect();
    let tie_at_cut = match (listed.len(), counts.get(listed.len())) {
        (n, Some(next)) if n > 0 && next.approvals > 0 && next.approvals == counts[n - 1].approvals => {
            counts.iter().filter(|c| c.approvals == next.approvals).map(|c| c.entry).collect()
        }
        _ => Vec::new(),
    };
    excluded.sort();
    Proposal { counts, listed, tie_at_cut, excluded }
}

/// A departure from the proposal made by the Secretariat at confirmation, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub entry: EntryId,
    /// True: moved onto the list; false: taken off it.
    pub listed: bool,
    pub reason: String,
}

/// The list as confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    /// The final list, in the order of the proposal's counts.
    pub listed: Vec<EntryId>,
    pub changes: Vec<Change>,
}

/// Why a confirmation is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfirmError {
    #[error("entry {0} is not a candidate of this round")]
    NotCandidate(EntryId),
    #[error("entry {0} was moved without a reason")]
    NoReason(EntryId),
    #[error("the list is empty")]
    Empty,
    #[error("the list has {count} entries, more than {size}")]
    TooMany { count: usize, size: usize },
}

/// The longest reason kept for a change.
pub const MAX_REASON_CHARS: usize = 1000;

/// The Secretariat's list: `wanted` are the entries it keeps on the list, `reasons` what it gave
/// for each entry (only those whose place differs from the proposal need one).
pub fn confirm(
    proposal: &Proposal,
    wanted: &BTreeSet<EntryId>,
    reasons: &BTreeMap<EntryId, String>,
    size: usize,
) -> Result<Confirmation, ConfirmError> {
    if let Some(stranger) = wanted.iter().find(|e| !proposal.counts.iter().any(|c| c.entry == **e)) {
        return Err(ConfirmError::NotCandidate(*stranger));
    }
    let proposed: BTreeSet<EntryId> = proposal.listed.iter().copied().collect();
    let mut changes = Vec::new();
    for count in &proposal.counts {
        let (was, is) = (proposed.contains(&count.entry), wanted.contains(&count.entry));
        if was != is {
            let reason = reasons.get(&count.entry).map(|r| r.trim()).unwrap_or_default();
            if reason.is_empty() {
                return Err(ConfirmError::NoReason(count.entry));
            }
            changes.push(Change {
                entry: count.entry,
                listed: is,
                reason: reason.chars().take(MAX_REASON_CHARS).collect(),
            });
        }
    }
    if wanted.is_empty() {
        return Err(ConfirmError::Empty);
    }
    if wanted.len() > size {
        return Err(ConfirmError::TooMany { count: wanted.len(), size });
    }
    let listed = proposal.counts.iter().map(|c| c.entry).filter(|e| wanted.contains(e)).collect();
    Ok(Confirmation { listed, changes })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn ids(values: &[i64]) -> Vec<EntryId> {
        values.iter().map(|v| EntryId(*v)).collect()
    }

    #[test]
    fn most_approvals_first_then_the_snapshot_order() {
        // The snapshot ranks 30 first, then 10, 20, 40.
        let candidates = ids(&[30, 10, 20, 40]);
        let ballots = vec![(1, ids(&[10, 20])), (2, ids(&[20, 40])), (3, ids(&[10, 40, 20]))];
        let proposal = propose(&candidates, &ballots, &BTreeSet::new(), 2);
        let counts: Vec<(i64, usize)> = proposal.counts.iter().map(|c| (c.entry.0, c.approvals)).collect();
        assert_eq!(counts, [(20, 3), (10, 2), (40, 2), (30, 0)]);
        assert_eq!(proposal.listed, ids(&[20, 10]));
        assert_eq!(proposal.tie_at_cut, ids(&[10, 40]), "10 beat 40 on the snapshot's order");
        assert!(proposal.excluded.is_empty());
    }

    #[test]
    fn conflicted_and_stray_approvals_are_not_counted_and_nobody_approved_is_never_proposed() {
        let candidates = ids(&[1, 2, 3]);
        let ballots = vec![(7, ids(&[1, 2, 2, 99])), (8, ids(&[1]))];
        let blocked: BTreeSet<(i64, EntryId)> = [(7, EntryId(2))].into_iter().collect();
        let proposal = propose(&candidates, &ballots, &blocked, 3);
        assert_eq!(proposal.listed, ids(&[1]), "2 was approved only by a conflicted member, 3 by nobody");
        assert_eq!(proposal.excluded, vec![(7, EntryId(2)), (7, EntryId(99))]);
        assert!(proposal.tie_at_cut.is_empty());
    }

    #[test]
    fn the_secretariat_moves_entries_only_with_a_reason() {
        let proposal = propose(&ids(&[1, 2, 3]), &[(1, ids(&[1, 2])), (2, ids(&[2]))], &BTreeSet::new(), 2);
        assert_eq!(proposal.listed, ids(&[2, 1]));
        let as_proposed: BTreeSet<EntryId> = ids(&[1, 2]).into_iter().collect();
        let kept = confirm(&proposal, &as_proposed, &BTreeMap::new(), 2).unwrap();
        assert_eq!(kept, Confirmation { listed: ids(&[2, 1]), changes: vec![] });

        let swapped: BTreeSet<EntryId> = ids(&[2, 3]).into_iter().collect();
        assert_eq!(confirm(&proposal, &swapped, &BTreeMap::new(), 2), Err(ConfirmError::NoReason(EntryId(1))));
        let reasons: BTreeMap<EntryId, String> =
            [(EntryId(1), "withdrawn by the city".to_string()), (EntryId(3), " next in line ".to_string())].into();
        let confirmed = confirm(&proposal, &swapped, &reasons, 2).unwrap();
        assert_eq!(confirmed.listed, ids(&[2, 3]));
        assert_eq!(
            confirmed.changes,
            vec![
                Change { entry: EntryId(1), listed: false, reason: "withdrawn by the city".into() },
                Change { entry: EntryId(3), listed: true, reason: "next in line".into() },
            ]
        );
        let all: BTreeSet<EntryId> = ids(&[1, 2, 3]).into_iter().collect();
        assert_eq!(confirm(&proposal, &all, &reasons, 2), Err(ConfirmError::TooMany { count: 3, size: 2 }));
        let none = BTreeSet::new();
        let both: BTreeMap<EntryId, String> = [(EntryId(1), "x".into()), (EntryId(2), "y".into())].into();
        assert_eq!(confirm(&proposal, &none, &both, 2), Err(ConfirmError::Empty));
        let stranger: BTreeSet<EntryId> = ids(&[1, 2, 9]).into_iter().collect();
        assert_eq!(confirm(&proposal, &stranger, &reasons, 5), Err(ConfirmError::NotCandidate(EntryId(9))));
    }

    #[test]
    fn unscored_candidates_follow_the_ranked_ones_by_id() {
        let candidates: BTreeSet<EntryId> = ids(&[5, 3, 9, 1]).into_iter().collect();
        assert_eq!(candidate_order(&ids(&[9, 7, 3]), &candidates), ids(&[9, 3, 1, 5]));
    }

    #[test]
    fn candidates_by_list_and_status() {
        use EntryStatus::*;
        assert!(ListKind::LongList.is_candidate(Valid, true) && ListKind::LongList.is_candidate(Deserving, true));
        assert!(
            !ListKind::LongList.is_candidate(Shortlisted, true) && !ListKind::LongList.is_candidate(Submitted, true)
        );
        assert!(!ListKind::Shortlist.is_candidate(Valid, true) && ListKind::Shortlist.is_candidate(Valid, false));
        assert!(ListKind::Shortlist.is_candidate(Shortlisted, true) && !ListKind::Shortlist.is_candidate(Winner, true));
    }

    proptest! {
        #[test]
        fn the_proposal_follows_the_counts_and_the_documented_tie_rule(
            candidate_count in 1usize..12,
            ballots in proptest::collection::vec(proptest::collection::vec(0i64..14, 0..8), 0..9),
            blocked in proptest::collection::btree_set((0i64..9, 0i64..14), 0..10),
            size in 0usize..14,
        ) {
            // Candidates 0..n in a shuffled snapshot order: the position decides ties.
            let candidates: Vec<EntryId> = (0..candidate_count as i64).rev().map(EntryId).collect();
            let ballots: Vec<(i64, Vec<EntryId>)> =
                ballots.into_iter().enumerate().map(|(m, b)| (m as i64, ids(&b))).collect();
            let blocked: BTreeSet<(i64, EntryId)> = blocked.into_iter().map(|(m, e)| (m, EntryId(e))).collect();
            let proposal = propose(&candidates, &ballots, &blocked, size);

            // Every candidate once, each count the number of members who may and did approve it.
            prop_assert_eq!(proposal.counts.len(), candidates.len());
            for count in &proposal.counts {
                let expected = ballots
                    .iter()
                    .filter(|(m, b)| b.contains(&count.entry) && !blocked.contains(&(*m, count.entry)))
                    .count();
                prop_assert_eq!(count.approvals, expected);
            }
            // The order: approvals down, then the snapshot's position.
            let place = |e: EntryId| candidates.iter().position(|c| *c == e).unwrap();
            for pair in proposal.counts.windows(2) {
                prop_assert!(
                    pair[0].approvals > pair[1].approvals
                        || (pair[0].approvals == pair[1].approvals && place(pair[0].entry) < place(pair[1].entry))
                );
            }
            // The list: a prefix of that order, at most `size`, nobody unapproved.
            prop_assert!(proposal.listed.len() <= size);
            prop_assert!(proposal.counts.iter().zip(&proposal.listed).all(|(c, l)| c.entry == *l && c.approvals > 0));
            let approved = proposal.counts.iter().filter(|c| c.approvals > 0).count();
            prop_assert_eq!(proposal.listed.len(), size.min(approved));
            // Excluded: exactly the blocked or stray approvals.
            for (member, entry) in &proposal.excluded {
                prop_assert!(blocked.contains(&(*member, *entry)) || !candidates.contains(entry));
            }
            // Confirming the proposal as it stands needs no reason and changes nothing.
            let wanted: BTreeSet<EntryId> = proposal.listed.iter().copied().collect();
            if !wanted.is_empty() {
                let confirmed = confirm(&proposal, &wanted, &BTreeMap::new(), size).unwrap();
                prop_assert_eq!(confirmed.listed, proposal.listed.clone());
                prop_assert!(confirmed.changes.is_empty());
            }
        }
    }
}
