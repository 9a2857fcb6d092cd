//! The demo data set, compiled into the binary so `kapok demo` needs nothing else: the
//! gazetteer, the six real Guangzhou Award cycles, a demonstration award built from real
//! UNDP Accelerator Labs cases, city networks and links, and one account per role.
//! Sources and licences: `data/NOTICE.md`.

use std::path::Path;

use crate::auth::hash_password;
use crate::domain::Role;
use crate::gazetteer::{self, Gazetteer};
use crate::interchange::{self, AwardRecord, InitiativeRecord, Located};
use crate::storage::{NewUser, Store};

const AWARDS_JSON: &str = include_str!("../data/demo/awards.json");
const INITIATIVES_JSONL_GZ: &[u8] = include_bytes!("../data/demo/initiatives.jsonl.gz");

/// The password of every demo account; printed by `kapok demo`.
pub const DEMO_PASSWORD: &str = "kapok-demo";

pub struct DemoAccount {
    pub email: &'static str,
    pub name: &'static str,
    pub role: Role,
}

pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount { email: "secretariat@demo.kapok.example", name: "Secretariat (demo)", role: Role::Secretariat },
    DemoAccount { email: "applicant@demo.kapok.example", name: "City applicant (demo)", role: Role::Applicant },
    DemoAccount {
        email: "expert@demo.kapok.example",
        name: "Technical Committee expert (demo)",
        role: Role::TechnicalCommittee,
    },
    DemoAccount { email: "jury@demo.kapok.example", name: "Jury member (demo)", role: Role::Jury },
];

/// The demo data, parsed and validated.
pub struct DemoData {
    pub awards: Vec<AwardRecord>,
    pub initiatives: Vec<Located<InitiativeRecord>>,
}

/// Parses the embedded files. A failure here is a bug in the shipped data, caught by tests.
pub fn parse() -> Result<DemoData, String> {
    let awards = interchange::read_awards("awards.json", AWARDS_JSON).map_err(|e| e.to_string())?;
    let initiatives_text = gazetteer::gunzip(INITIATIVES_JSONL_GZ).map_err(|e| format!("initiatives.jsonl.gz: {e}"))?;
    let initiatives = interchange::read_initiatives(Path::new("initiatives.jsonl"), initiatives_text.as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(DemoData { awards, initiatives })
}

/// What was loaded, for the start-up message.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub awards: usize,
    pub initiatives: usize,
}

/// Loads the demo data into a store that has the gazetteer (see [`ensure_gazetteer`]), in a
/// few transactions. `step` is told what runs.
pub async fn load(store: &dyn Store, step: &(dyn Fn(&str) + Send + Sync)) -> anyhow::Result<LoadReport> {
    step("reading the demo data");
    let (data, password_hash) = tokio::task::spawn_blocking(|| (parse(), hash_password(DEMO_PASSWORD))).await?;
    let data = data.map_err(anyhow::Error::msg)?;
    step("loading awards and editions");
    store.upsert_awards(&data.awards).await?;
    step("loading initiatives");
    let catalog = store.catalog().await?;
    let count = data.initiatives.len();
    let initiatives = interchange::resolve_initiatives("initiatives.jsonl", data.initiatives, &catalog)?;
    store.import_initiatives(&initiatives, &|_| {}).await?;
    step("creating demo accounts");
    let mut secretariat = None;
    for account in DEMO_ACCOUNTS {
        let user = store
            .create_user(&NewUser {
                email: account.email.into(),
                display_name: account.name.into(),
                password_hash: password_hash.clone(),
                locale: "en".into(),
                roles: vec![account.role],
                verified: true,
            })
            .await?;
        if account.role == Role::Secretariat {
            secretariat = Some(user.id);
        }
    }
    if let Some(by) = secretariat {
        step("opening a public vote to try");
        open_demo_vote(store, by).await?;
    }
    Ok(LoadReport { awards: data.awards.len(), initiatives: count })
}

/// Opens a public vote on the latest edition with a shortlist, from yesterday for 90 days, so the
/// demo shows voting; the historical result of that edition is not touched (nothing is
/// certified).
async fn open_demo_vote(store: &dyn Store, by: crate::domain::UserId) -> anyhow::Result<()> {
    let editions = store.editions(None, crate::storage::PageRequest::new(0, 100)).await?;
    let mut latest: Option<(i64, crate::domain::EditionId)> = None;
    for edition in editions.items {
        let query = crate::storage::InitiativeQuery {
            edition: Some(edition.id),
            min_status: Some(crate::domain::EntryStatus::Shortlisted),
            ..Default::default()
        };
        let shortlist = store.initiatives(&query, crate::storage::PageRequest::new(0, 1)).await?;
        if shortlist.total >= 2 && latest.is_none_or(|(year, _)| edition.year > year) {
            latest = Some((edition.year, edition.id));
        }
    }
    let Some((_, edition)) = latest else { return Ok(()) };
    let now = jiff::Timestamp::now().as_second();
    let settings = crate::vote::VoteSettings {
        opens_at: now - 86_400,
        closes_at: now + 90 * 86_400,
        candidates: Vec::new(),
        shape: crate::vote::BallotShape::Exactly,
        choices: 1,
        frequency: crate::vote::Frequency::OncePerDay,
        per_day: 1,
        verification: crate::vote::Verification::Email,
        tallies_visible: true,
    };
    store.save_vote_settings(edition, &settings, by, now).await?;
    Ok(())
}

/// Loads the embedded gazetteer into a store that has none yet: the reference data every
/// installation needs (applicants claim their government from it). Returns the number of places
/// loaded, 0 when it was already there.
pub async fn ensure_gazetteer(store: &dyn Store) -> anyhow::Result<usize> {
    if store.has_gazetteer().await? {
        return Ok(0);
    }
    let gazetteer: Gazetteer = tokio::task::spawn_blocking(gazetteer::embedded).await?.map_err(anyhow::Error::msg)?;
    store.load_gazetteer(&gazetteer).await?;
    Ok(gazetteer.cities.len())
}
