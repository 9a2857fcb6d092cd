//! Places: countries, continents, cities and regional governments, networks and city links.

use serde::Serialize;

use super::{CityId, GovernmentLevel, LocalizedText, NetworkId, vocabulary};

vocabulary!(
    /// Continents as coded by GeoNames.
    Continent, "continent" {
        Africa = "AF",
        Asia = "AS",
        Europe = "EU",
        NorthAmerica = "NA",
        Oceania = "OC",
        SouthAmerica = "SA",
        Antarctica = "AN",
    }
);

vocabulary!(
    /// A formal link between two cities.
    LinkKind, "city link" { Sister = "sister", Friendly = "friendly" }
);

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Country {
    pub code: String,
    pub iso3: String,
    pub continent: Continent,
    pub population: Option<i64>,
    pub names: LocalizedText,
}

/// A city or regional government as listed.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CitySummary {
    pub id: CityId,
    pub geonames_id: Option<i64>,
    pub name: String,
    pub name_zh: Option<String>,
    pub country_code: String,
    pub country_name: LocalizedText,
    pub level: GovernmentLevel,
    pub population: Option<i64>,
    pub lat: f64,
    pub lng: f64,
    pub initiative_count: i64,
}

impl CitySummary {
    /// The name in Chinese when the UI is Chinese and one is known.
    pub fn display_name(&self, lang: super::UiLang) -> &str {
        match (&self.name_zh, lang) {
            (Some(zh), super::UiLang::Zh) => zh,
            _ => &self.name,
        }
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Network {
    pub id: NetworkId,
    pub slug: String,
    pub name: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CityLink {
    pub kind: LinkKind,
    pub since_year: Option<i64>,
    pub city: CitySummary,
}

/// A city with its networks, links and country.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct City {
    #[serde(flatten)]
    pub summary: CitySummary,
    pub admin1: Option<String>,
    pub timezone: Option<String>,
    pub continent: Continent,
    pub networks: Vec<Network>,
    pub links: Vec<CityLink>,
}
