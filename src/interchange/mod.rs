//! The interchange format of Kapok: award definitions and initiative records as read by
//! `kapok import` and the demo loader, and written by `kapok export`.
//!
//! Reading a file goes in three steps, each of which can reject the whole file with a message
//! naming the file, line and field: parse (JSON, JSON Lines or CSV), validate each record
//! (garde), then resolve its references (award, edition, cities, themes) against the database.
//! Only fully resolved records reach storage, which writes them in one transaction.

mod csv_format;
mod json_format;
mod resolve;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use garde::Validate;
use serde::{Deserialize, Serialize};

use crate::domain::{
    Contact, EntryStatus, GovernmentLevel, Honour, InitiativeText, KeyDate, LangCode, LocalizedText, Milestone,
    Partner, Sdg, Section, Source, Stage,
};

pub use csv_format::{CSV_COLUMNS, escape_cell, write_csv, write_csv_header, write_csv_rows};
pub use json_format::write_json_lines;
pub use resolve::{Catalog, CatalogEdition, NewEntry, NewInitiative, resolve_initiatives};

/// The longest text accepted in one section (characters); far above any word budget.
pub const MAX_SECTION_CHARS: usize = 60_000;

/// A reference to a government: a GeoNames city or a region from the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum CityRef {
    GeonamesId(i64),
    Region(String),
}

impl fmt::Display for CityRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CityRef::GeonamesId(id) => write!(f, "geonames:{id}"),
            CityRef::Region(key) => write!(f, "region:{key}"),
        }
    }
}

impl std::str::FromStr for CityRef {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim().split_once(':') {
            Some(("geonames", id)) => {
                id.parse().map(CityRef::GeonamesId).map_err(|_| format!("{text:?}: the GeoNames id must be a number"))
            }
            Some(("region", key)) if !key.is_empty() => Ok(CityRef::Region(key.to_string())),
            _ => Err(format!("{text:?} is not a city reference (geonames:ID or region:KEY)")),
        }
    }
}

/// One initiative and its entry in one edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct InitiativeRecord {
    /// Stable external id: importing a record with a known ref updates that initiative.
    #[garde(length(min = 1, max = 200), pattern(r"^[A-Za-z0-9._:/@-]+$"))]
    #[serde(rename = "ref")]
    pub reference: String,
    #[garde(length(min = 1, max = 100))]
    pub award: String,
    #[garde(range(min = 1, max = 1000))]
    pub edition: i64,
    #[garde(skip)]
    pub status: EntryStatus,
    #[garde(length(max = 10), dive)]
    #[serde(default)]
    pub honours: Vec<HonourRecord>,
    #[garde(range(min = 0))]
    #[serde(default)]
    pub public_votes: Option<i64>,
    #[garde(length(min = 1, max = 30))]
    pub cities: Vec<CityRef>,
    #[garde(skip)]
    pub level: GovernmentLevel,
    #[garde(skip)]
    pub original_language: LangCode,
    #[garde(length(min = 1, max = 10), custom(texts_are_bounded))]
    pub texts: BTreeMap<LangCode, InitiativeText>,
    #[garde(length(max = 20), inner(length(min = 1, max = 300)))]
    #[serde(default)]
    pub themes: Vec<String>,
    #[garde(length(max = 17))]
    #[serde(default)]
    pub sdgs: Vec<Sdg>,
    #[garde(length(max = 100), dive)]
    #[serde(default)]
    pub partners: Vec<PartnerRecord>,
    #[garde(length(max = 100), dive)]
    #[serde(default)]
    pub key_dates: Vec<KeyDateRecord>,
    #[garde(range(min = 1900, max = 2200))]
    #[serde(default)]
    pub started: Option<i64>,
    #[garde(range(min = 1900, max = 2200))]
    #[serde(default)]
    pub ended: Option<i64>,
    #[garde(dive)]
    #[serde(default)]
    pub contact: Option<ContactRecord>,
    #[garde(dive)]
    pub source: SourceRecord,
}

fn texts_are_bounded(texts: &BTreeMap<LangCode, InitiativeText>, _: &()) -> garde::Result {
    for (lang, text) in texts {
        if let Some(title) = &text.title
            && (title.trim().is_empty() || title.chars().count() > 500)
        {
            return Err(garde::Error::new(format!("{lang}.title must be 1 to 500 characters (or null when unknown)")));
        }
        for section in Section::ALL {
            if let Some(body) = text.section(*section)
                && body.chars().count() > MAX_SECTION_CHARS
            {
                return Err(garde::Error::new(format!(
                    "{lang}.{section} is longer than {MAX_SECTION_CHARS} characters"
                )));
            }
        }
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct HonourRecord {
    #[garde(skip)]
    pub kind: crate::domain::HonourKind,
    #[garde(length(min = 1, max = 200))]
    pub name: String,
    #[garde(range(min = 0))]
    #[serde(default)]
    pub votes: Option<i64>,
}

impl From<HonourRecord> for Honour {
    fn from(h: HonourRecord) -> Honour {
        Honour { kind: h.kind, name: h.name, votes: h.votes }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct PartnerRecord {
    #[garde(length(min = 1, max = 300))]
    pub name: String,
    #[garde(length(max = 100))]
    #[serde(default)]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct KeyDateRecord {
    #[garde(pattern(r"^\d{4}(-\d{2}(-\d{2})?)?$"))]
    pub date: String,
    #[garde(length(min = 1, max = 300))]
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct ContactRecord {
    #[garde(length(min = 1, max = 200))]
    pub name: String,
    #[garde(length(max = 200))]
    #[serde(default)]
    pub role: Option<String>,
    #[garde(email)]
    #[serde(default)]
    pub email: Option<String>,
    #[garde(skip)]
    #[serde(default)]
    pub consent: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct SourceRecord {
    #[garde(length(min = 1, max = 100))]
    pub dataset: String,
    #[garde(length(min = 1, max = 300))]
    pub id: String,
    #[garde(url)]
    #[serde(default)]
    pub url: Option<String>,
}

impl From<PartnerRecord> for Partner {
    fn from(p: PartnerRecord) -> Partner {
        Partner { name: p.name, kind: p.kind }
    }
}
impl From<KeyDateRecord> for KeyDate {
    fn from(k: KeyDateRecord) -> KeyDate {
        KeyDate { date: k.date, label: k.label }
    }
}
impl From<ContactRecord> for Contact {
    fn from(c: ContactRecord) -> Contact {
        Contact { name: c.name, role: c.role, email: c.email, consent: c.consent }
    }
}
impl From<SourceRecord> for Source {
    fn from(s: SourceRecord) -> Source {
        Source { dataset: s.dataset, id: s.id, url: s.url }
    }
}

/// An award with its editions, as in `data/demo/awards.json`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct AwardRecord {
    #[garde(length(min = 1, max = 100), pattern(r"^[a-z0-9-]+$"))]
    pub slug: String,
    #[garde(custom(has_english))]
    pub name: LocalizedText,
    #[garde(custom(has_english))]
    pub short_name: LocalizedText,
    #[garde(length(max = 300))]
    pub organisers: String,
    #[garde(url)]
    #[serde(default)]
    pub url: Option<String>,
    #[garde(skip)]
    pub description: LocalizedText,
    #[garde(length(max = 100), dive)]
    pub editions: Vec<EditionRecord>,
}

fn has_english(text: &LocalizedText, _: &()) -> garde::Result {
    match text.0.get(&LangCode::EN) {
        Some(en) if !en.trim().is_empty() => Ok(()),
        _ => Err(garde::Error::new("an English text is required")),
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct EditionRecord {
    #[garde(range(min = 1, max = 1000))]
    pub ordinal: i64,
    #[garde(range(min = 1900, max = 2200))]
    pub year: i64,
    #[garde(length(min = 1, max = 64))]
    pub timezone: String,
    #[garde(dive)]
    #[serde(default)]
    pub dates: Vec<EditionDateRecord>,
    #[garde(length(max = 50), inner(custom(has_english)))]
    #[serde(default)]
    pub themes: Vec<LocalizedText>,
    #[garde(length(max = 30), dive)]
    #[serde(default)]
    pub criteria: Vec<CriterionRecord>,
    /// Unknown for some historical editions.
    #[garde(range(min = 1, max = 10_000))]
    pub long_list_size: Option<i64>,
    #[garde(range(min = 1, max = 1_000))]
    pub shortlist_size: i64,
    #[garde(range(min = 1, max = 100))]
    pub max_winners: i64,
    #[garde(range(min = 1, max = 100))]
    #[serde(default)]
    pub technical_committee_size: Option<i64>,
    #[garde(range(min = 1, max = 100))]
    #[serde(default)]
    pub jury_size: Option<i64>,
    #[garde(skip)]
    #[serde(default)]
    pub reported: Option<ReportedRecord>,
    #[garde(skip)]
    #[serde(default)]
    pub public_vote: Option<serde_json::Value>,
    #[garde(length(max = 5_000))]
    #[serde(default)]
    pub notes: Option<String>,
    /// What the call for entries asks of applications; the defaults when absent.
    #[garde(skip)]
    #[serde(default)]
    pub application: Option<crate::application::ApplicationSettings>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct EditionDateRecord {
    #[garde(skip)]
    pub milestone: Milestone,
    /// Local wall-clock time in the edition's time zone, "YYYY-MM-DDTHH:MM".
    #[garde(length(min = 10, max = 25))]
    pub starts: String,
    #[garde(length(min = 10, max = 25))]
    #[serde(default)]
    pub ends: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct CriterionRecord {
    #[garde(custom(has_english))]
    pub name: LocalizedText,
    #[garde(range(min = 0.0, max = 100.0))]
    pub weight: f64,
    #[garde(range(min = 0, max = 1000))]
    pub scale_min: i64,
    #[garde(range(min = 1, max = 1000))]
    pub scale_max: i64,
    #[garde(skip)]
    pub stage: Stage,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportedRecord {
    #[serde(default)]
    pub entries: Option<i64>,
    #[serde(default)]
    pub cities: Option<i64>,
    #[serde(default)]
    pub countries: Option<i64>,
}

/// Where in which file a problem is: "initiatives.csv:12".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// Why a file was rejected: the first problem, with its place and field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {}{message}", field.as_ref().map(|f| format!("field `{f}`: ")).unwrap_or_default())]
pub struct ImportError {
    pub location: Location,
    pub field: Option<String>,
    pub message: String,
}

impl ImportError {
    pub fn new(location: Location, field: Option<impl Into<String>>, message: impl Into<String>) -> Self {
        ImportError { location, field: field.map(Into::into), message: message.into() }
    }
}

/// A record with the line it starts on.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub line: usize,
    pub record: T,
}

/// Reads initiative records from a JSON array, JSON Lines or CSV file (by content for JSON,
/// by extension for CSV) and validates every record. Fails on the first problem.
pub fn read_initiatives(path: &Path, bytes: &[u8]) -> Result<Vec<Located<InitiativeRecord>>, ImportError> {
    let file = path.display().to_string();
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        ImportError::new(Location { file: file.clone(), line }, None::<String>, "the file is not valid UTF-8")
    })?;
    let is_csv = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let records = if is_csv { csv_format::read(&file, text)? } else { json_format::read(&file, text)? };
    for located in &records {
        validate_record(&file, located)?;
    }
    Ok(records)
}

fn validate_record(file: &str, located: &Located<InitiativeRecord>) -> Result<(), ImportError> {
    let location = || Location { file: file.to_string(), line: located.line };
    if let Err(report) = located.record.validate() {
        let (path, error) = report.iter().next().expect("a failed validation has an error");
        // garde names Rust fields; the file calls `reference` "ref".
        let field = path.to_string();
        let field = match field.strip_prefix("reference") {
            Some(rest) => format!("ref{rest}"),
            None => field,
        };
        return Err(ImportError::new(location(), (!field.is_empty()).then_some(field), error.to_string()));
    }
    let record = &located.record;
    if let (Some(started), Some(ended)) = (record.started, record.ended)
        && ended < started
    {
        return Err(ImportError::new(
            location(),
            Some("ended"),
            format!("ends ({ended}) before it starts ({started})"),
        ));
    }
    if !record.texts.contains_key(&record.original_language) && !record.texts.contains_key(&LangCode::EN) {
        return Err(ImportError::new(location(), Some("texts"), "texts must include English or the original language"));
    }
    Ok(())
}

/// Reads `awards.json`: an array of awards with their editions.
pub fn read_awards(file: &str, text: &str) -> Result<Vec<AwardRecord>, ImportError> {
    let awards: Vec<AwardRecord> = serde_json::from_str(text).map_err(|e| {
        ImportError::new(Location { file: file.to_string(), line: e.line() }, None::<String>, e.to_string())
    })?;
    for (index, award) in awards.iter().enumerate() {
        if let Err(report) = award.validate() {
            let (path, error) = report.iter().next().expect("a failed validation has an error");
            return Err(ImportError::new(
                Location { file: file.to_string(), line: 0 },
                Some(format!("[{index}].{path}")),
                error.to_string(),
            ));
        }
    }
    Ok(awards)
}

#[cfg(test)]
mod tests;
