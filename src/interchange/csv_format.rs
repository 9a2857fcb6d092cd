//! CSV reading and writing of initiative records: one row per record, texts in one language
//! per row, lists separated by `|`. JSON is the lossless format (several languages, key dates,
//! contacts, vote counts of honours); CSV is for spreadsheets.
//!
//! Written files open correctly in Excel (UTF-8 byte-order mark, so Chinese is not garbled) and
//! are safe against formula injection: a cell that a spreadsheet would evaluate (starting with
//! = + - @ or a control character) is prefixed with an apostrophe, which reading removes.

use std::collections::BTreeMap;
use std::io::Write;

use crate::domain::{InitiativeText, LangCode, Section};

use super::{CityRef, HonourRecord, ImportError, InitiativeRecord, Located, Location, PartnerRecord, SourceRecord};

pub const CSV_COLUMNS: &[&str] = &[
    "ref",
    "award",
    "edition",
    "status",
    "honours",
    "public_votes",
    "cities",
    "level",
    "language",
    "original_language",
    "title",
    "summary",
    "situation_before",
    "objectives",
    "process",
    "results",
    "sustainability",
    "lessons",
    "transferability",
    "themes",
    "sdgs",
    "partners",
    "started",
    "ended",
    "source_dataset",
    "source_id",
    "source_url",
];

const LIST_SEPARATOR: char = '|';

pub(super) fn read(file: &str, text: &str) -> Result<Vec<Located<InitiativeRecord>>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let at = |line: u64| Location { file: file.into(), line: line as usize };
    let headers = reader.headers().map_err(|e| ImportError::new(at(1), None::<String>, e.to_string()))?.clone();
    for required in ["ref", "award", "edition", "status", "cities", "level", "language"] {
        if !headers.iter().any(|h| h == required) {
            return Err(ImportError::new(at(1), Some(required), "required column is missing from the header"));
        }
    }
    if let Some(unknown) = headers.iter().find(|h| !CSV_COLUMNS.contains(h)) {
        return Err(ImportError::new(
            at(1),
            Some(unknown),
            format!("unknown column (known columns: {})", CSV_COLUMNS.join(", ")),
        ));
    }
    let mut records = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            ImportError::new(at(line), None::<String>, e.to_string())
        })?;
        let line = row.position().map(|p| p.line()).unwrap_or(0);
        let cells: BTreeMap<&str, String> =
            headers.iter().zip(row.iter()).map(|(h, v)| (h, unescape_cell(v).trim().to_string())).collect();
        let record =
            row_to_record(&cells).map_err(|(field, message)| ImportError::new(at(line), Some(field), message))?;
        records.push(Located { line: line as usize, record });
    }
    Ok(records)
}

type FieldError = (&'static str, String);

fn row_to_record(cells: &BTreeMap<&str, String>) -> Result<InitiativeRecord, FieldError> {
    let text = |name: &'static str| cells.get(name).map(String::as_str).unwrap_or("");
    let optional = |name: &'static str| Some(text(name).to_string()).filter(|t| !t.is_empty());
    fn parse<T: std::str::FromStr>(name: &'static str, value: &str) -> Result<T, FieldError>
    where
        T::Err: std::fmt::Display,
    {
        value.parse::<T>().map_err(|e| (name, e.to_string()))
    }
    let optional_number = |name: &'static str| -> Result<Option<i64>, FieldError> {
        optional(name)
            .map(|v| parse::<i64>(name, &v).map_err(|_| (name, format!("{v:?} is not a whole number"))))
            .transpose()
    };
    let list = |name: &'static str| -> Vec<String> {
        text(name).split(LIST_SEPARATOR).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
    };

    let language: LangCode = parse("language", text("language"))?;
    let mut body = InitiativeText { title: optional("title"), ..Default::default() };
    for section in Section::ALL {
        let value = optional(section.as_str());
        match section {
            Section::Summary => body.summary = value,
            Section::SituationBefore => body.situation_before = value,
            Section::Objectives => body.objectives = value,
            Section::Process => body.process = value,
            Section::Results => body.results = value,
            Section::Sustainability => body.sustainability = value,
            Section::Lessons => body.lessons = value,
            Section::Transferability => body.transferability = value,
        }
    }
    let honours = list("honours")
        .into_iter()
        .map(|h| {
            let (kind, name) = h.split_once(':').ok_or(("honours", format!("{h:?} is not kind:name")))?;
            Ok(HonourRecord { kind: parse("honours", kind.trim())?, name: name.trim().to_string(), votes: None })
        })
        .collect::<Result<_, FieldError>>()?;
    let sdgs = list("sdgs")
        .into_iter()
        .map(|s| {
            let number = parse::<i64>("sdgs", &s).map_err(|_| ("sdgs", format!("{s:?} is not a number")))?;
            crate::domain::Sdg::new(number).map_err(|e| ("sdgs", e.to_string()))
        })
        .collect::<Result<_, FieldError>>()?;
    Ok(InitiativeRecord {
        reference: text("ref").to_string(),
        award: text("award").to_string(),
        edition: parse::<i64>("edition", text("edition"))
            .map_err(|_| ("edition", format!("{:?} is not a number", text("edition"))))?,
        status: parse("status", text("status"))?,
        honours,
        public_votes: optional_number("public_votes")?,
        cities: list("cities").iter().map(|c| parse::<CityRef>("cities", c)).collect::<Result<_, _>>()?,
        level: parse("level", text("level"))?,
        original_language: match optional("original_language") {
            Some(code) => parse("original_language", &code)?,
            None => language,
        },
        texts: BTreeMap::from([(language, body)]),
        themes: list("themes"),
        sdgs,
        partners: list("partners").into_iter().map(|name| PartnerRecord { name, kind: None }).collect(),
        key_dates: Vec::new(),
        started: optional_number("started")?,
        ended: optional_number("ended")?,
        contact: None,
        source: SourceRecord {
            dataset: optional("source_dataset").unwrap_or_else(|| "csv-import".into()),
            id: optional("source_id").unwrap_or_else(|| text("ref").to_string()),
            url: optional("source_url"),
        },
    })
}

/// Cells that a spreadsheet would run as a formula get a leading apostrophe.
pub fn escape_cell(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    }
}

fn unescape_cell(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if matches!(rest.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r')) => rest,
        _ => value,
    }
}

/// Writes records as CSV with a byte-order mark; each row carries the English text, or the
/// original language's when there is no English.
pub fn write_csv<'a>(
    out: &mut impl Write,
    records: impl IntoIterator<Item = &'a InitiativeRecord>,
) -> std::io::Result<()> {
    write_csv_header(out)?;
    write_csv_rows(out, records)
}

/// The start of a CSV file: the byte-order mark (so Excel reads UTF-8, Chinese included) and
/// the header row. Rows follow with `write_csv_rows`, in as many pieces as wanted.
pub fn write_csv_header(out: &mut impl Write) -> std::io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS)?;
    writer.flush()
}

/// Rows of a CSV file (see `write_csv`), formula-safe.
pub fn write_csv_rows<'a>(
    out: &mut impl Write,
    records: impl IntoIterator<Item = &'a InitiativeRecord>,
) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    for record in records {
        let (language, text) = record
            .texts
            .get_key_value(&LangCode::EN)
            .or_else(|| record.texts.get_key_value(&record.original_language))
            .or_else(|| record.texts.iter().next())
            .map(|(l, t)| (*l, t.clone()))
            .unwrap_or((LangCode::EN, InitiativeText::default()));
        let join = |items: Vec<String>| items.join(&LIST_SEPARATOR.to_string());
        let mut row: Vec<String> = vec![
            record.reference.clone(),
            record.award.clone(),
            record.edition.to_string(),
            record.status.to_string(),
            join(record.honours.iter().map(|h| format!("{}:{}", h.kind, h.name)).collect()),
            record.public_votes.map(|v| v.to_string()).unwrap_or_default(),
            join(record.cities.iter().map(ToString::to_string).collect()),
            record.level.to_string(),
            language.to_string(),
            record.original_language.to_string(),
            text.title.clone().unwrap_or_default(),
        ];
        row.extend(Section::ALL.iter().map(|s| text.section(*s).unwrap_or("").to_string()));
        row.extend([
            join(record.themes.clone()),
            join(record.sdgs.iter().map(|s| s.number().to_string()).collect()),
            join(record.partners.iter().map(|p| p.name.clone()).collect()),
            record.started.map(|v| v.to_string()).unwrap_or_default(),
            record.ended.map(|v| v.to_string()).unwrap_or_default(),
            record.source.dataset.clone(),
            record.source.id.clone(),
            record.source.url.clone().unwrap_or_default(),
        ]);
        writer.write_record(row.iter().map(|cell| escape_cell(cell)))?;
    }
    writer.flush()?;
    Ok(())
}
