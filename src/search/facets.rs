//! Facets of the library: the dimensions, their values in one index generation (the
//! dictionary, written beside the index as `facets.json`), and the filters a request selects.
//!
//! Each document stores, per dimension, the dense ordinals of its values in a fast field, so
//! counting is an array increment per value and scales with the matching documents, not with
//! the number of distinct values. The ordinals belong to one generation; URLs carry stable
//! keys (ids, ISO codes, English theme names), translated through the dictionary.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::domain::{EntryStatus, GovernmentLevel, LocalizedText};
use crate::i18n::Tr;

/// One dimension of the library's facets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    Award,
    Edition,
    Status,
    Continent,
    Country,
    City,
    Theme,
    Sdg,
    Year,
    Level,
}

impl Facet {
    pub const ALL: [Facet; 10] = [
        Facet::Award,
        Facet::Edition,
        Facet::Status,
        Facet::Continent,
        Facet::Country,
        Facet::City,
        Facet::Theme,
        Facet::Sdg,
        Facet::Year,
        Facet::Level,
    ];

    /// The URL parameter (and API field) of the dimension.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Award => "award",
            Facet::Edition => "edition",
            Facet::Status => "status",
            Facet::Continent => "continent",
            Facet::Country => "country",
            Facet::City => "city",
            Facet::Theme => "theme",
            Facet::Sdg => "sdg",
            Facet::Year => "year",
            Facet::Level => "level",
        }
    }

    pub fn from_param(name: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.param() == name)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    pub(crate) fn field_name(self) -> String {
        format!("facet_{}", self.param())
    }

    /// Checks and normalises a value from a URL: the key under which the dictionary knows it.
    /// None: not a value this dimension can have.
    pub fn normalise(self, raw: &str) -> Option<String> {
        let raw = raw.trim();
        let number = |max: u64| raw.parse::<u64>().ok().filter(|n| (1..=max).contains(n)).map(|n| n.to_string());
        match self {
            Facet::Award | Facet::Edition | Facet::City => number(i64::MAX as u64),
            Facet::Sdg => number(17),
            Facet::Year => raw.parse::<u16>().ok().filter(|y| (1000..=9999).contains(y)).map(|y| y.to_string()),
            Facet::Status => raw.parse::<EntryStatus>().ok().map(|s| s.as_str().to_string()),
            Facet::Level => raw.parse::<GovernmentLevel>().ok().map(|l| l.as_str().to_string()),
            Facet::Continent | Facet::Country => {
                let upper = raw.to_ascii_uppercase();
                let valid = upper.len() == 2 && upper.bytes().all(|b| b.is_ascii_uppercase());
                let continent_ok =
                    self == Facet::Country || crate::domain::Continent::ALL.iter().any(|c| c.as_str() == upper);
                (valid && continent_ok).then_some(upper)
            }
            Facet::Theme => (!raw.is_empty() && raw.chars().count() <= 200).then(|| raw.to_string()),
        }
    }
}

/// How a facet value is named on screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// A name in several languages (awards, countries, themes, cities); shared, as every
    /// search that lists the value copies its label.
    Text(Arc<LocalizedText>),
    /// A message id of the interface (statuses, continents, levels, goals).
    Message(String),
    /// The same everywhere (years).
    Plain(String),
}

impl Label {
    pub fn text(&self, tr: &Tr) -> String {
        match self {
            // In the reader's language where there is a name in it, else English.
            Label::Text(text) => text.get(tr.lang).to_string(),
            Label::Message(id) => tr.t(id),
            Label::Plain(text) => text.clone(),
        }
    }
}

/// A value of a dimension in one generation.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FacetValue {
    /// The value as URLs carry it.
    pub key: String,
    pub label: Label,
    /// Where it goes when values are listed in their natural order (years newest first,
    /// statuses best first); counts decide otherwise.
    pub order: i64,
    /// Where a city is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
}

/// Where a city of the gazetteer is, and its country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub lat: f64,
    pub lng: f64,
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
}

/// Every value of every dimension in one generation, by ordinal.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Dictionary {
    dimensions: BTreeMap<Facet, Vec<FacetValue>>,
    #[serde(skip)]
    by_key: HashMap<Facet, HashMap<String, u32>>,
}

impl Dictionary {
    pub(crate) fn values(&self, facet: Facet) -> &[FacetValue] {
        self.dimensions.get(&facet).map(Vec::as_slice).unwrap_or(&[])
    }

    pub(crate) fn ordinal(&self, facet: Facet, key: &str) -> Option<u32> {
        self.by_key.get(&facet).and_then(|keys| keys.get(key)).copied()
    }

    pub(crate) fn cardinality(&self, facet: Facet) -> usize {
        self.values(facet).len()
    }

    /// Adds a value at the end of its dimension (documents already written keep their
    /// ordinals), or renames one already known. True when the dictionary changed.
    pub(crate) fn upsert(&mut self, facet: Facet, key: String, label: Label, order: i64) -> bool {
        let values = self.dimensions.entry(facet).or_default();
        if let Some(ordinal) = self.by_key.get(&facet).and_then(|keys| keys.get(&key)) {
            let value = &mut values[*ordinal as usize];
            if value.label == label && value.order == order {
                return false;
            }
            value.label = label;
            value.order = order;
            return true;
        }
        self.by_key.entry(facet).or_default().insert(key.clone(), values.len() as u32);
        values.push(FacetValue { key, label, order, place: None });
        true
    }

    /// Sets where the city of key `city` is. True when it changed.
    pub(crate) fn set_place(&mut self, city: &str, place: Place) -> bool {
        let Some(ordinal) = self.ordinal(Facet::City, city) else {
            return false;
        };
        let Some(value) = self.dimensions.get_mut(&Facet::City).and_then(|v| v.get_mut(ordinal as usize)) else {
            return false;
        };
        if value.place.as_ref() == Some(&place) {
            return false;
        }
        value.place = Some(place);
        true
    }

    /// Rebuilds the lookup tables after loading.
    pub(crate) fn index_keys(&mut self) {
        self.by_key = self
            .dimensions
            .iter()
            .map(|(facet, values)| {
                (*facet, values.iter().enumerate().map(|(ordinal, v)| (v.key.clone(), ordinal as u32)).collect())
            })
            .collect();
    }
}

/// Collects the values of every dimension while documents are prepared for the index.
#[derive(Default)]
pub(crate) struct DictionaryBuilder {
    values: BTreeMap<Facet, BTreeMap<String, (Label, i64)>>,
    places: HashMap<String, Place>,
}

impl DictionaryBuilder {
    pub fn add(&mut self, facet: Facet, key: String, label: Label, order: i64) {
        self.values.entry(facet).or_default().entry(key).or_insert((label, order));
    }

    /// Where the city of key `city` is.
    pub fn place(&mut self, city: String, place: Place) {
        self.places.entry(city).or_insert(place);
    }

    pub fn build(self) -> Dictionary {
        let mut places = self.places;
        let mut dictionary = Dictionary {
            dimensions: self
                .values
                .into_iter()
                .map(|(facet, values)| {
                    let values = values.into_iter().map(|(key, (label, order))| {
                        let place = if facet == Facet::City { places.remove(&key) } else { None };
                        FacetValue { key, label, order, place }
                    });
                    (facet, values.collect())
                })
                .collect(),
            by_key: HashMap::new(),
        };
        dictionary.index_keys();
        dictionary
    }
}

/// The facet values a request selects: within a dimension any of them, across dimensions all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    selected: BTreeMap<Facet, BTreeSet<String>>,
}

/// A value that a dimension cannot have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}={value}", facet.param())]
pub struct BadFilter {
    pub facet: Facet,
    pub value: String,
}

/// The most values selected in one request.
pub const MAX_SELECTED: usize = 50;

impl Filters {
    pub fn add(&mut self, facet: Facet, raw: &str) -> Result<(), BadFilter> {
        let key = facet.normalise(raw).ok_or_else(|| BadFilter { facet, value: raw.to_string() })?;
        if self.len() >= MAX_SELECTED {
            return Err(BadFilter { facet, value: raw.to_string() });
        }
        self.selected.entry(facet).or_default().insert(key);
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.selected.is_empty()
    }

    pub fn len(&self) -> usize {
        self.selected.values().map(BTreeSet::len).sum()
    }

    pub fn values(&self, facet: Facet) -> impl Iterator<Item = &str> {
        self.selected.get(&facet).into_iter().flatten().map(String::as_str)
    }

    /// Every (dimension, key) pair, in a stable order (for URLs and cursors).
    pub fn pairs(&self) -> impl Iterator<Item = (Facet, &str)> {
        self.selected.iter().flat_map(|(facet, keys)| keys.iter().map(move |k| (*facet, k.as_str())))
    }

    /// The same filters with `key` added to or removed from `facet`.
    pub fn toggled(&self, facet: Facet, key: &str) -> Filters {
        let mut next = self.clone();
        let keys = next.selected.entry(facet).or_default();
        if !keys.remove(key) {
            keys.insert(key.to_string());
        }
        next.selected.retain(|_, keys| !keys.is_empty());
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_from_urls_are_checked_and_normalised() {
        assert_eq!(Facet::Country.normalise("co"), Some("CO".into()));
        assert_eq!(Facet::Country.normalise("Colombia"), None);
        assert_eq!(Facet::Continent.normalise("sa"), Some("SA".into()));
        assert_eq!(Facet::Continent.normalise("XX"), None);
        assert_eq!(Facet::Status.normalise("winner"), Some("winner".into()));
        assert_eq!(Facet::Status.normalise("champion"), None);
        assert_eq!(Facet::Sdg.normalise("17"), Some("17".into()));
        assert_eq!(Facet::Sdg.normalise("18"), None);
        assert_eq!(Facet::Year.normalise("2021"), Some("2021".into()));
        assert_eq!(Facet::Year.normalise("21"), None);
        assert_eq!(Facet::City.normalise("-3"), None);
        assert_eq!(Facet::City.normalise("042"), Some("42".into()));
        assert_eq!(Facet::Level.normalise("regional"), Some("regional".into()));
        assert_eq!(
            Facet::Theme.normalise("Climate action, energy and nature"),
            Some("Climate action, energy and nature".into())
        );
        for facet in Facet::ALL {
            assert_eq!(Facet::from_param(facet.param()), Some(facet));
        }
    }

    #[test]
    fn toggling_adds_and_removes_one_value() {
        let mut filters = Filters::default();
        filters.add(Facet::Country, "co").unwrap();
        let both = filters.toggled(Facet::Country, "BR");
        assert_eq!(both.values(Facet::Country).collect::<Vec<_>>(), ["BR", "CO"]);
        let none = filters.toggled(Facet::Country, "CO");
        assert!(none.is_empty());
        assert_eq!(filters.add(Facet::Sdg, "0"), Err(BadFilter { facet: Facet::Sdg, value: "0".into() }));
    }

    #[test]
    fn the_dictionary_maps_keys_to_ordinals() {
        let mut builder = DictionaryBuilder::default();
        builder.add(Facet::Country, "FR".into(), Label::Plain("France".into()), 0);
        builder.add(Facet::Country, "CO".into(), Label::Plain("Colombia".into()), 0);
        let mut dictionary = builder.build();
        assert_eq!(dictionary.ordinal(Facet::Country, "CO"), Some(0));
        assert_eq!(dictionary.ordinal(Facet::Country, "FR"), Some(1));
        assert_eq!(dictionary.ordinal(Facet::City, "1"), None);
        let json = serde_json::to_string(&dictionary).unwrap();
        let mut loaded: Dictionary = serde_json::from_str(&json).unwrap();
        loaded.index_keys();
        assert_eq!(loaded.ordinal(Facet::Country, "FR"), Some(1));
        dictionary.index_keys();
        assert_eq!(dictionary.cardinality(Facet::Country), 2);
    }
}
