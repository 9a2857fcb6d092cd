//! The gazetteer: countries, cities (GeoNames, population ≥ 15,000), regional governments, and
//! the networks and formal links between cities. Read from the TSV/JSON files in `data/`.

use std::io::Read;

use serde::Deserialize;

use crate::domain::{Continent, GovernmentLevel, LangCode, LinkKind, LocalizedText};
use crate::interchange::CityRef;

#[derive(Debug, Clone)]
pub struct GazetteerCountry {
    pub code: String,
    pub iso3: String,
    pub continent: Continent,
    pub population: Option<i64>,
    pub names: LocalizedText,
}

#[derive(Debug, Clone)]
pub struct GazetteerCity {
    pub geonames_id: Option<i64>,
    pub region_key: Option<String>,
    pub name: String,
    pub ascii_name: String,
    pub name_zh: Option<String>,
    pub country: String,
    pub admin1: Option<String>,
    pub level: GovernmentLevel,
    pub population: Option<i64>,
    pub lat: f64,
    pub lng: f64,
    pub timezone: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkRecord {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
    pub members: Vec<CityRef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkRecord {
    pub a: CityRef,
    pub b: CityRef,
    pub kind: LinkKind,
    #[serde(default)]
    pub since: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Networks {
    pub networks: Vec<NetworkRecord>,
    pub links: Vec<LinkRecord>,
}

#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub countries: Vec<GazetteerCountry>,
    /// Cities and regional governments.
    pub cities: Vec<GazetteerCity>,
    pub networks: Networks,
}

/// A row of a TSV file: its line number and (header, cell) pairs.
type TsvRow<'a> = (usize, Vec<(&'a str, &'a str)>);

/// A TSV file's rows as maps from header to cell, with the line number for errors.
fn tsv_rows<'a>(file: &'a str, text: &'a str) -> impl Iterator<Item = Result<TsvRow<'a>, String>> + 'a {
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = lines.next().map(|(_, h)| h.split('\t').collect()).unwrap_or_default();
    lines.filter(|(_, line)| !line.is_empty()).map(move |(index, line)| {
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() != header.len() {
            return Err(format!(
                "{file}:{}: expected {} tab-separated cells, found {}",
                index + 1,
                header.len(),
                cells.len()
            ));
        }
        Ok((index + 1, header.iter().copied().zip(cells).collect()))
    })
}

fn cell<'a>(row: &[(&str, &'a str)], name: &str) -> &'a str {
    row.iter().find(|(h, _)| *h == name).map(|(_, v)| *v).unwrap_or("")
}

fn non_empty(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_string())
}

fn number<T: std::str::FromStr>(file: &str, line: usize, field: &str, value: &str) -> Result<T, String> {
    value.parse().map_err(|_| format!("{file}:{line}: field `{field}`: {value:?} is not a number"))
}

fn optional_number(file: &str, line: usize, field: &str, value: &str) -> Result<Option<i64>, String> {
    if value.is_empty() { Ok(None) } else { number(file, line, field, value).map(Some) }
}

pub fn parse_countries(file: &str, text: &str) -> Result<Vec<GazetteerCountry>, String> {
    tsv_rows(file, text)
        .map(|row| {
            let (line, row) = row?;
            let mut names = LocalizedText::default();
            for lang in ["en", "zh", "fr", "es"] {
                let name = cell(&row, &format!("name_{lang}"));
                if !name.is_empty() {
                    names.0.insert(lang.parse::<LangCode>().map_err(|e| e.to_string())?, name.to_string());
                }
            }
            Ok(GazetteerCountry {
                code: cell(&row, "iso2").to_string(),
                iso3: cell(&row, "iso3").to_string(),
                continent: cell(&row, "continent").parse().map_err(|e| format!("{file}:{line}: {e}"))?,
                population: optional_number(file, line, "population", cell(&row, "population"))?,
                names,
            })
        })
        .collect()
}

pub fn parse_cities(file: &str, text: &str) -> Result<Vec<GazetteerCity>, String> {
    tsv_rows(file, text)
        .map(|row| {
            let (line, row) = row?;
            Ok(GazetteerCity {
                geonames_id: Some(number(file, line, "geonames_id", cell(&row, "geonames_id"))?),
                region_key: None,
                name: cell(&row, "name").to_string(),
                ascii_name: cell(&row, "ascii_name").to_string(),
                name_zh: non_empty(cell(&row, "name_zh")),
                country: cell(&row, "country").to_string(),
                admin1: non_empty(cell(&row, "admin1")),
                level: GovernmentLevel::Municipal,
                population: optional_number(file, line, "population", cell(&row, "population"))?,
                lat: number(file, line, "lat", cell(&row, "lat"))?,
                lng: number(file, line, "lng", cell(&row, "lng"))?,
                timezone: non_empty(cell(&row, "timezone")),
            })
        })
        .collect()
}

pub fn parse_regions(file: &str, text: &str) -> Result<Vec<GazetteerCity>, String> {
    tsv_rows(file, text)
        .map(|row| {
            let (line, row) = row?;
            let name = cell(&row, "name").to_string();
            Ok(GazetteerCity {
                geonames_id: optional_number(file, line, "geonames_id", cell(&row, "geonames_id"))?,
                region_key: Some(cell(&row, "key").to_string()),
                ascii_name: name.clone(),
                name,
                name_zh: non_empty(cell(&row, "name_zh")),
                country: cell(&row, "country").to_string(),
                admin1: None,
                level: cell(&row, "level").parse().map_err(|e| format!("{file}:{line}: {e}"))?,
                population: optional_number(file, line, "population", cell(&row, "population"))?,
                lat: number(file, line, "lat", cell(&row, "lat"))?,
                lng: number(file, line, "lng", cell(&row, "lng"))?,
                timezone: None,
            })
        })
        .collect()
}

const COUNTRIES_TSV: &str = include_str!("../data/gazetteer/countries.tsv");
const CITIES_TSV_GZ: &[u8] = include_bytes!("../data/gazetteer/cities.tsv.gz");
const REGIONS_TSV: &str = include_str!("../data/gazetteer/regions.tsv");
const NETWORKS_JSON: &str = include_str!("../data/gazetteer/networks.json");

/// The gazetteer compiled into the binary (see `data/NOTICE.md` for sources and licences).
pub fn embedded() -> Result<Gazetteer, String> {
    let countries = parse_countries("countries.tsv", COUNTRIES_TSV)?;
    let cities_text = gunzip(CITIES_TSV_GZ).map_err(|e| format!("cities.tsv.gz: {e}"))?;
    let mut cities = parse_cities("cities.tsv", &cities_text)?;
    cities.extend(parse_regions("regions.tsv", REGIONS_TSV)?);
    let networks = serde_json::from_str(NETWORKS_JSON).map_err(|e| format!("networks.json: {e}"))?;
    Ok(Gazetteer { countries, cities, networks })
}

pub fn gunzip(bytes: &[u8]) -> std::io::Result<String> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut text)?;
    Ok(text)
}
