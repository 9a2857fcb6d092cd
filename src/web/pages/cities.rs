//! The cities and regions with published initiatives, and each one's page: its facts,
//! networks and links, and its library — every published initiative it took part in, searched
//! and filtered with the library's own search (by edition, outcome, theme, year, goal).

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, RawQuery, State};
use axum::response::Html;
use serde::Deserialize;

use crate::domain::{CityId, UiLang};
use crate::library::LibraryRequest;
use crate::search::{Facet, Filters, Window};
use crate::storage::{CityQuery, InitiativeQuery, PageRequest};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang, Viewer};
use crate::web::error::PageError;
use crate::web::views::{EntryCard, Pager, group_digits};

/// Initiatives per page of a city's library.
const CITY_PER_PAGE: i64 = 20;
/// The facets a city's library offers: the place is given.
const CITY_FACETS: [Facet; 6] = [Facet::Edition, Facet::Status, Facet::Theme, Facet::Year, Facet::Sdg, Facet::Award];

const PER_PAGE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageParams {
    page: Option<i64>,
}

impl PageParams {
    fn page(params: Result<Query<PageParams>, QueryRejection>, c: &Chrome, lang: Lang) -> Result<i64, PageError> {
        let Query(params) =
            params.map_err(|e| PageError::bad_request(lang, c.tr.t1("api-bad-query", "details", e.body_text())))?;
        match params.page.unwrap_or(1) {
            page @ 1..=100_000 => Ok(page),
            page => Err(PageError::bad_request(lang, c.tr.t1("api-bad-query", "details", format!("page={page}")))),
        }
    }
}

struct CityRow {
    id: CityId,
    name: String,
    country: String,
    count: i64,
}

#[derive(Template)]
#[template(path = "cities.html")]
struct CitiesPage {
    c: Chrome,
    cities: Vec<CityRow>,
    pager: Pager,
}

pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    params: Result<Query<PageParams>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let lang = viewer.lang;
    let c = Chrome::new(&viewer, "cities");
    let page = PageParams::page(params, &c, lang)?;
    let query = CityQuery { with_initiatives: true, ..Default::default() };
    let cities = state
        .store
        .cities(&query, PageRequest::new((page - 1) * PER_PAGE, PER_PAGE))
        .await
        .map_err(PageError::store(lang))?;
    let pager = Pager::new(&c.tr, page, PER_PAGE, cities.total, |p| format!("/cities?page={p}"));
    let cities = cities
        .items
        .iter()
        .map(|city| CityRow {
            id: city.id,
            name: city.display_name(lang.0).to_string(),
            country: city.country_name.get(lang.0).to_string(),
            count: city.initiative_count,
        })
        .collect();
    super::render(lang, CitiesPage { c, cities, pager })
}

struct LinkLine {
    city_id: CityId,
    name: String,
    country: String,
    kind: String,
    since: Option<String>,
}

/// A facet value of the city's library: a link that adds or removes it.
struct FilterLink {
    label: String,
    count: u64,
    href: String,
    selected: bool,
}

struct FilterGroup {
    id: &'static str,
    title: String,
    links: Vec<FilterLink>,
}

#[derive(Template)]
#[template(path = "city.html")]
struct CityPage {
    c: Chrome,
    /// This page, where the library's form and links go.
    path: String,
    q: String,
    /// The filters the search form keeps.
    hidden_fields: Vec<(&'static str, String)>,
    filters: Vec<FilterGroup>,
    /// Whether a search or filter narrows the list (and the link that clears them).
    clear_href: Option<String>,
    /// The same search in the whole library.
    library_href: String,
    name: String,
    other_name: Option<String>,
    other_lang: &'static str,
    country: String,
    level: String,
    population: Option<String>,
    coordinates: String,
    count_line: String,
    initiatives: Vec<EntryCard>,
    pager: Pager,
    networks: Vec<crate::domain::Network>,
    links: Vec<LinkLine>,
}

/// The city's published initiatives: a page of them, how many there are, and the facets to
/// narrow them by (none while the index is being built: the store lists them, unfiltered).
struct CityLibrary {
    items: Vec<crate::domain::InitiativeSummary>,
    total: i64,
    facets: Vec<crate::search::FacetCounts>,
}

async fn city_library(
    state: &AppState,
    lang: Lang,
    id: CityId,
    request: &LibraryRequest,
    page: i64,
) -> Result<CityLibrary, PageError> {
    let offset = (page - 1) * CITY_PER_PAGE;
    let narrowed = request.query.is_some() || !request.filters.is_empty();
    if !state.search.is_ready() && !narrowed {
        let query = InitiativeQuery { city: Some(id), ..Default::default() };
        let list = state
            .store
            .initiatives(&query, PageRequest::new(offset, CITY_PER_PAGE))
            .await
            .map_err(PageError::store(lang))?;
        return Ok(CityLibrary { items: list.items, total: list.total, facets: Vec::new() });
    }
    let mut search = request.clone();
    search.filters.add(Facet::City, &id.0.to_string()).map_err(|e| PageError::bad_request(lang, e.to_string()))?;
    let window = Window::Offset { offset: offset as usize, limit: CITY_PER_PAGE as usize };
    let languages = [lang.0.as_str(), "en"];
    let results = crate::library::search(&*state.store, &state.search, &search, window, &languages, 40)
        .await
        .map_err(PageError::library(lang))?;
    Ok(CityLibrary {
        items: results.hits.into_iter().map(|hit| hit.summary).collect(),
        total: results.total as i64,
        facets: results.facets.unwrap_or_default(),
    })
}

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Html<String>, PageError> {
    let lang = viewer.lang;
    let id = CityId(super::parse_id(lang, &raw_id, "what-city")?);
    let c = Chrome::new(&viewer, "cities");
    let bad = |details: String| PageError::bad_request(lang, c.tr.t1("api-bad-query", "details", details));
    let request = LibraryRequest::from_query_string(raw.as_deref(), &["page"])
        .map_err(|e| PageError::bad_request(lang, e.message(&c.tr)))?;
    if let Some(other) = request.filters.pairs().find(|(facet, _)| !CITY_FACETS.contains(facet)) {
        // The place is this page's; other places are the library's.
        return Err(bad(format!("{}={}", other.0.param(), other.1)));
    }
    let page = match request.extra.get("page") {
        None => 1,
        Some(raw) => {
            raw.parse::<i64>().ok().filter(|p| (1..=100_000).contains(p)).ok_or_else(|| bad(format!("page={raw}")))?
        }
    };
    let city = state
        .store
        .city(id)
        .await
        .map_err(PageError::store(lang))?
        .ok_or_else(|| PageError::not_found(lang, "what-city"))?;
    let initiatives = city_library(&state, lang, id, &request, page).await?;
    let tr = &c.tr;
    let path = format!("/cities/{id}");
    let href = |filters: &Filters, page: i64| {
        let mut query = request.query_string(filters, request.sort);
        if page > 1 {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(&format!("page={page}"));
        }
        if query.is_empty() { path.clone() } else { format!("{path}?{query}") }
    };
    let filters: Vec<FilterGroup> = initiatives
        .facets
        .iter()
        .filter(|group| CITY_FACETS.contains(&group.facet))
        .map(|group| FilterGroup {
            id: group.facet.param(),
            title: tr.t(&format!("facet-{}", group.facet.param())),
            links: group
                .values
                .iter()
                .map(|value| FilterLink {
                    label: match group.facet {
                        Facet::Sdg => format!("{} · {}", value.key, value.label.text(tr)),
                        _ => value.label.text(tr),
                    },
                    count: value.count,
                    href: href(&request.filters.toggled(group.facet, &value.key), 1),
                    selected: value.selected,
                })
                .collect(),
        })
        // A single value that is not chosen narrows nothing.
        .filter(|group| group.links.len() > 1 || group.links.iter().any(|l| l.selected))
        .collect();
    let narrowed = request.query.is_some() || !request.filters.is_empty();
    let mut in_library = request.filters.clone();
    let _ = in_library.add(Facet::City, &id.0.to_string());
    let library_query = request.query_string(&in_library, request.sort);
    let summary = &city.summary;
    // The other script of the name: Chinese under a Latin name, or the Latin name under Chinese.
    let (name, other_name, other_lang) = match (&summary.name_zh, lang.0) {
        (Some(zh), UiLang::Zh) => (zh.clone(), Some(summary.name.clone()), "en"),
        (Some(zh), _) => (summary.name.clone(), Some(zh.clone()), "zh"),
        (None, _) => (summary.name.clone(), None, "en"),
    };
    let page = CityPage {
        q: request.text.clone(),
        hidden_fields: request.filters.pairs().map(|(facet, key)| (facet.param(), key.to_string())).collect(),
        filters,
        clear_href: narrowed.then(|| path.clone()),
        library_href: format!("/library?{library_query}"),
        name,
        other_name,
        other_lang,
        country: summary.country_name.get(lang.0).to_string(),
        level: tr.t(&format!("level-{}", summary.level)),
        population: summary.population.map(|p| group_digits(lang.0, p)),
        coordinates: format!("{:.3}, {:.3}", summary.lat, summary.lng),
        count_line: tr.t1("library-count", "total", initiatives.total),
        pager: Pager::new(tr, page, CITY_PER_PAGE, initiatives.total, |p| href(&request.filters, p)),
        initiatives: EntryCard::list(tr, &initiatives.items),
        networks: city.networks.clone(),
        links: city
            .links
            .iter()
            .map(|link| LinkLine {
                city_id: link.city.id,
                name: link.city.display_name(lang.0).to_string(),
                country: link.city.country_name.get(lang.0).to_string(),
                kind: tr.t(&format!("link-{}", link.kind)),
                since: link.since_year.map(|year| tr.t1("link-since", "year", year)),
            })
            .collect(),
        path,
        c,
    };
    super::render(lang, page)
}
