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
    for account in DEMO_ACCOUNTS {
        store
            .create_user(&NewUser {
                email: account.email.into(),
                display_name: account.name.into(),
                password_hash: password_hash.clone(),
                locale: "en".into(),
                roles: vec![account.role],
                verified: true,
            })
            .await?;
    }
    Ok(LoadReport { awards: data.awards.len(), initiatives: count })
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
