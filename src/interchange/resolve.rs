//! Resolving the references of validated records (award, edition, cities, themes) against what
//! the database holds, into records that storage can write as they are.

use std::collections::{HashMap, HashSet};

use crate::domain::{
    CityId, Contact, EditionId, EntryStatus, GovernmentLevel, Honour, KeyDate, LangCode, Partner, Sdg, Source, Texts,
    ThemeId,
};

use super::{CityRef, ImportError, InitiativeRecord, Located, Location};

/// What references can point at: editions by award slug and ordinal, with their themes by
/// English name; governments by gazetteer reference.
#[derive(Debug, Default)]
pub struct Catalog {
    pub editions: HashMap<(String, i64), CatalogEdition>,
    pub cities: HashMap<CityRef, CityId>,
}

#[derive(Debug)]
pub struct CatalogEdition {
    pub id: EditionId,
    pub themes: HashMap<String, ThemeId>,
}

/// An initiative ready to be written: every reference is an id that exists.
#[derive(Debug, Clone)]
pub struct NewInitiative {
    pub reference: String,
    pub level: GovernmentLevel,
    pub original_language: LangCode,
    pub texts: Texts,
    /// Lead government first.
    pub city_ids: Vec<CityId>,
    pub sdgs: Vec<Sdg>,
    pub partners: Vec<Partner>,
    pub key_dates: Vec<KeyDate>,
    pub started_year: Option<i64>,
    pub ended_year: Option<i64>,
    pub contact: Option<Contact>,
    pub source: Source,
    pub entry: NewEntry,
}

#[derive(Debug, Clone)]
pub struct NewEntry {
    pub edition_id: EditionId,
    pub status: EntryStatus,
    pub public_votes: Option<i64>,
    pub honours: Vec<Honour>,
    pub theme_ids: Vec<ThemeId>,
}

pub fn resolve_initiatives(
    file: &str,
    records: Vec<Located<InitiativeRecord>>,
    catalog: &Catalog,
) -> Result<Vec<NewInitiative>, ImportError> {
    let mut first_line_of_ref: HashMap<String, usize> = HashMap::new();
    let mut resolved = Vec::with_capacity(records.len());
    for Located { line, record } in records {
        let fail =
            |field: &str, message: String| ImportError::new(Location { file: file.into(), line }, Some(field), message);
        if let Some(first) = first_line_of_ref.insert(record.reference.clone(), line) {
            return Err(fail(
                "ref",
                format!("{:?} appears twice in the file (first on line {first})", record.reference),
            ));
        }
        let edition = catalog
            .editions
            .get(&(record.award.clone(), record.edition))
            .ok_or_else(|| fail("edition", format!("award {:?} has no edition {}", record.award, record.edition)))?;
        let mut seen_cities = HashSet::new();
        let mut city_ids = Vec::with_capacity(record.cities.len());
        for city in &record.cities {
            let id =
                catalog.cities.get(city).ok_or_else(|| fail("cities", format!("{city} is not in the gazetteer")))?;
            if !seen_cities.insert(*id) {
                return Err(fail("cities", format!("{city} is listed twice")));
            }
            city_ids.push(*id);
        }
        let mut theme_ids = Vec::with_capacity(record.themes.len());
        for theme in &record.themes {
            let id = edition.themes.get(theme).ok_or_else(|| {
                let mut known: Vec<&str> = edition.themes.keys().map(String::as_str).collect();
                known.sort_unstable();
                fail("themes", format!("{theme:?} is not a theme of this edition (themes: {})", known.join("; ")))
            })?;
            if !theme_ids.contains(id) {
                theme_ids.push(*id);
            }
        }
        let mut sdgs = record.sdgs;
        sdgs.sort_unstable();
        sdgs.dedup();
        let mut honour_kinds = HashSet::new();
        if let Some(honour) = record.honours.iter().find(|h| !honour_kinds.insert(h.kind)) {
            return Err(fail("honours", format!("the honour {} is given twice", honour.kind)));
        }
        resolved.push(NewInitiative {
            reference: record.reference,
            level: record.level,
            original_language: record.original_language,
            texts: record.texts,
            city_ids,
            sdgs,
            partners: record.partners.into_iter().map(Into::into).collect(),
            key_dates: record.key_dates.into_iter().map(Into::into).collect(),
            started_year: record.started,
            ended_year: record.ended,
            contact: record.contact.map(Into::into),
            source: record.source.into(),
            entry: NewEntry {
                edition_id: edition.id,
                status: record.status,
                public_votes: record.public_votes,
                honours: record.honours.into_iter().map(Into::into).collect(),
                theme_ids,
            },
        });
    }
    Ok(resolved)
}
