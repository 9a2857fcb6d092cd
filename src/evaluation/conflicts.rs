//! Conflicts of interest between committee members and entries: declared by members, and
//! detected from the data — the same government, the same country (an edition setting), a formal
//! link between the member's city and the entry's (sister city, friendly cooperation), or the
//! member's organisation among the entry's partners. Each conflict carries what explains it.
//! A conflicted member is never assigned an entry nor shown it. Pure.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::domain::{CityId, EntryId};

/// A committee member as conflict detection sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberProfile {
    pub member: i64,
    pub country: String,
    pub city: Option<CityId>,
    /// The organisation the member works for ("" when none).
    pub affiliation: String,
}

/// An entry as conflict detection sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryProfile {
    pub entry: EntryId,
    /// Its governments (lead first) with their countries.
    pub governments: Vec<(CityId, String)>,
    pub partners: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    Declared,
    SameGovernment,
    SameCountry,
    CityLink,
    Partner,
}

impl ConflictKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictKind::Declared => "declared",
            ConflictKind::SameGovernment => "same_government",
            ConflictKind::SameCountry => "same_country",
            ConflictKind::CityLink => "city_link",
            ConflictKind::Partner => "partner",
        }
    }
}

/// One reason a member may not review an entry; `detail` is what makes it so (the country code,
/// the kind of city link, the partner's name, the declared reason).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Conflict {
    pub member: i64,
    pub entry: EntryId,
    pub kind: ConflictKind,
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConflictRules {
    /// Whether a member may not review entries from their own country.
    pub same_country: bool,
}

/// A formal link between two cities: `(a, b, kind)`, either way round.
pub type CityLink = (CityId, CityId, String);

/// Every conflict between `members` and `entries`, declared or detected, sorted by member,
/// entry and kind.
pub fn detect(
    members: &[MemberProfile],
    entries: &[EntryProfile],
    links: &[CityLink],
    declared: &[(i64, EntryId, String)],
    rules: ConflictRules,
) -> Vec<Conflict> {
    let mut linked: BTreeMap<(CityId, CityId), &str> = BTreeMap::new();
    for (a, b, kind) in links {
        linked.insert((*a, *b), kind);
        linked.insert((*b, *a), kind);
    }
    let mut found = BTreeSet::new();
    for (member, entry, reason) in declared {
        found.insert(Conflict { member: *member, entry: *entry, kind: ConflictKind::Declared, detail: reason.clone() });
    }
    for member in members {
        let affiliation = normalise(&member.affiliation);
        for entry in entries {
            let mut add = |kind, detail: String| {
                found.insert(Conflict { member: member.member, entry: entry.entry, kind, detail });
            };
            for (government, country) in &entry.governments {
                if member.city == Some(*government) {
                    add(ConflictKind::SameGovernment, government.0.to_string());
                }
                if rules.same_country && country.eq_ignore_ascii_case(&member.country) {
                    add(ConflictKind::SameCountry, country.clone());
                }
                if let Some(kind) = member.city.and_then(|city| linked.get(&(city, *government))) {
                    add(ConflictKind::CityLink, kind.to_string());
                }
            }
            if !affiliation.is_empty() {
                for partner in &entry.partners {
                    if normalise(partner) == affiliation {
                        add(ConflictKind::Partner, partner.clone());
                    }
                }
            }
        }
    }
    found.into_iter().collect()
}

/// Names compared without case, or spacing: "Fundación  Corona" is "fundación corona".
fn normalise(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The (member, entry) pairs that may not meet, from a list of conflicts.
pub fn blocked_pairs(conflicts: &[Conflict]) -> BTreeSet<(i64, EntryId)> {
    conflicts.iter().map(|c| (c.member, c.entry)).collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn member(id: i64, country: &str, city: Option<i64>, affiliation: &str) -> MemberProfile {
        MemberProfile { member: id, country: country.into(), city: city.map(CityId), affiliation: affiliation.into() }
    }

    fn entry(id: i64, governments: &[(i64, &str)], partners: &[&str]) -> EntryProfile {
        EntryProfile {
            entry: EntryId(id),
            governments: governments.iter().map(|(c, k)| (CityId(*c), k.to_string())).collect(),
            partners: partners.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn every_kind_is_found_and_explained() {
        let members = [
            member(1, "CO", Some(10), ""),
            member(2, "FR", Some(20), "Fundación  Corona"),
            member(3, "CN", Some(30), ""),
        ];
        let entries = [entry(100, &[(10, "CO")], &["fundación corona"]), entry(200, &[(40, "KR")], &[])];
        let links = vec![(CityId(40), CityId(30), "sister".to_string())];
        let declared = vec![(3, EntryId(100), "I advised this project".to_string())];
        let found = detect(&members, &entries, &links, &declared, ConflictRules { same_country: true });
        let summary: Vec<(i64, i64, ConflictKind, &str)> =
            found.iter().map(|c| (c.member, c.entry.0, c.kind, c.detail.as_str())).collect();
        assert_eq!(
            summary,
            [
                (1, 100, ConflictKind::SameGovernment, "10"),
                (1, 100, ConflictKind::SameCountry, "CO"),
                (2, 100, ConflictKind::Partner, "fundación corona"),
                (3, 100, ConflictKind::Declared, "I advised this project"),
                (3, 200, ConflictKind::CityLink, "sister"),
            ]
        );
        let without_country = detect(&members, &entries, &links, &declared, ConflictRules { same_country: false });
        assert!(!without_country.iter().any(|c| c.kind == ConflictKind::SameCountry));
    }

    proptest! {
        #[test]
        fn a_member_of_a_government_is_always_in_conflict_with_its_entries(
            cities in proptest::collection::vec(1i64..6, 1..4),
            member_city in 1i64..6,
        ) {
            let entries = [entry(1, &cities.iter().map(|c| (*c, "XX")).collect::<Vec<_>>(), &[])];
            let members = [member(7, "YY", Some(member_city), "")];
            let found = detect(&members, &entries, &[], &[], ConflictRules { same_country: true });
            prop_assert_eq!(cities.contains(&member_city), blocked_pairs(&found).contains(&(7, EntryId(1))));
        }
    }
}
