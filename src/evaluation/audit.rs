//! The evaluation's audit trail: an append-only log in which every entry carries the SHA-256 of
//! its content and of the entry before it, so changing, removing or reordering any past entry
//! breaks the chain from there on. `kapok audit verify` walks it. Pure: hashing and checking.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The hash the first entry follows.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One change, as it will be logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditChange {
    pub actor: Option<i64>,
    pub edition: Option<i64>,
    /// What happened, e.g. "screening".
    pub action: String,
    /// What it happened to, e.g. "entry 12".
    pub subject: String,
    /// JSON of the state before and after (null when there was none).
    pub before: serde_json::Value,
    pub after: serde_json::Value,
}

/// A logged change with its place in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: i64,
    pub change: AuditChange,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of an entry: over the previous hash and every field, in a fixed JSON layout.
pub fn entry_hash(prev_hash: &str, seq: i64, at: i64, change: &AuditChange) -> String {
    let canonical = serde_json::json!([
        prev_hash,
        seq,
        at,
        change.actor,
        change.edition,
        change.action,
        change.subject,
        change.before,
        change.after
    ]);
    crate::hex(&Sha256::digest(canonical.to_string().as_bytes()))
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("entry {seq}: its content does not match its hash (changed after it was written)")]
    Altered { seq: i64 },
    #[error("entry {seq}: it does not follow the entry before it (an entry was removed, inserted or reordered)")]
    Unlinked { seq: i64 },
    #[error("entry {seq}: sequence numbers must follow each other (expected {expected})")]
    Gap { seq: i64, expected: i64 },
    #[error(
        "the log ends at entry {last} with hash {last_hash}, but its head records entry {head_seq} with hash {head_hash} (entries at the end were removed or rewritten)"
    )]
    HeadMismatch { last: i64, last_hash: String, head_seq: i64, head_hash: String },
}

/// Checks a whole log in order against the head the store keeps (its last sequence number and
/// hash); returns the number of entries and the head hash.
pub fn verify(entries: &[AuditEntry], head: (i64, &str)) -> Result<(usize, String), ChainBreak> {
    let mut prev = GENESIS.to_string();
    let mut expected = 1;
    for entry in entries {
        if entry.seq != expected {
            return Err(ChainBreak::Gap { seq: entry.seq, expected });
        }
        if entry.prev_hash != prev {
            return Err(ChainBreak::Unlinked { seq: entry.seq });
        }
        if entry_hash(&entry.prev_hash, entry.seq, entry.at, &entry.change) != entry.hash {
            return Err(ChainBreak::Altered { seq: entry.seq });
        }
        prev = entry.hash.clone();
        expected += 1;
    }
    let last = expected - 1;
    if (last, prev.as_str()) != head {
        return Err(ChainBreak::HeadMismatch {
            last,
            last_hash: prev,
            head_seq: head.0,
            head_hash: head.1.to_string(),
        });
    }
    Ok((entries.len(), prev))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn change(n: i64) -> AuditChange {
        AuditChange {
            actor: Some(1),
            edition: Some(2),
            action: "screening".into(),
            subject: format!("entry {n}"),
            before: serde_json::Value::Null,
            after: serde_json::json!({"outcome": "valid"}),
        }
    }

    fn chain(n: i64) -> Vec<AuditEntry> {
        let mut prev = GENESIS.to_string();
        (1..=n)
            .map(|seq| {
                let change = change(seq);
                let hash = entry_hash(&prev, seq, 1_000 + seq, &change);
                let entry = AuditEntry { seq, at: 1_000 + seq, change, prev_hash: prev.clone(), hash: hash.clone() };
                prev = hash;
                entry
            })
            .collect()
    }

    fn head(entries: &[AuditEntry]) -> (i64, String) {
        entries.last().map(|e| (e.seq, e.hash.clone())).unwrap_or((0, GENESIS.to_string()))
    }

    #[test]
    fn an_untouched_chain_verifies() {
        let entries = chain(5);
        let (seq, hash) = head(&entries);
        assert_eq!(verify(&entries, (seq, &hash)), Ok((5, hash.clone())));
        assert_eq!(verify(&[], (0, GENESIS)), Ok((0, GENESIS.to_string())));
    }

    #[test]
    fn each_kind_of_tampering_is_named() {
        let entries = chain(5);
        let (seq, hash) = head(&entries);
        let mut altered = entries.clone();
        altered[2].change.after = serde_json::json!({"outcome": "not_valid"});
        assert_eq!(verify(&altered, (seq, &hash)), Err(ChainBreak::Altered { seq: 3 }));
        let mut removed = entries.clone();
        removed.remove(1);
        assert_eq!(verify(&removed, (seq, &hash)), Err(ChainBreak::Gap { seq: 3, expected: 2 }));
        // Renumbered after a removal: the links give it away.
        let mut renumbered = removed.clone();
        for (i, entry) in renumbered.iter_mut().enumerate() {
            entry.seq = i as i64 + 1;
        }
        assert_eq!(verify(&renumbered, (seq, &hash)), Err(ChainBreak::Unlinked { seq: 2 }));
        // Rewritten with fresh hashes from the change on: only the head, kept apart, shows it.
        let mut rewritten = chain(5);
        rewritten[4].change.subject = "entry 99".into();
        rewritten[4].hash = entry_hash(&rewritten[4].prev_hash, 5, rewritten[4].at, &rewritten[4].change);
        assert!(matches!(verify(&rewritten, (seq, &hash)), Err(ChainBreak::HeadMismatch { .. })));
        assert!(matches!(verify(&entries[..4], (seq, &hash)), Err(ChainBreak::HeadMismatch { last: 4, .. })));
    }

    proptest! {
        #[test]
        fn changing_any_field_of_any_entry_breaks_the_chain(n in 1i64..8, pick in 0usize..8, field in 0usize..5) {
            let entries = chain(n);
            let (seq, hash) = head(&entries);
            let mut tampered = entries.clone();
            let target = &mut tampered[pick % n as usize];
            match field {
                0 => target.at += 1,
                1 => target.change.actor = Some(99),
                2 => target.change.action.push('!'),
                3 => target.change.before = serde_json::json!("x"),
                _ => target.change.edition = None,
            }
            prop_assert!(verify(&tampered, (seq, &hash)).is_err());
        }
    }
}
