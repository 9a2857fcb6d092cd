use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use serde::Deserialize;

use crate::domain::{CityId, UiLang};
use crate::storage::{CityQuery, InitiativeQuery, PageRequest};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang, Viewer};
use crate::web::error::PageError;
use crate::web::views::{EntryCard, Pager, group_digits};

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

#[derive(Template)]
#[template(path = "city.html")]
struct CityPage {
    c: Chrome,
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

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw_id): Path<String>,
    params: Result<Query<PageParams>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let lang = viewer.lang;
    let id = CityId(super::parse_id(lang, &raw_id, "what-city")?);
    let c = Chrome::new(&viewer, "cities");
    let page = PageParams::page(params, &c, lang)?;
    let city = state
        .store
        .city(id)
        .await
        .map_err(PageError::store(lang))?
        .ok_or_else(|| PageError::not_found(lang, "what-city"))?;
    let query = InitiativeQuery { city: Some(id), ..Default::default() };
    let initiatives =
        state.store.initiatives(&query, PageRequest::new((page - 1) * 20, 20)).await.map_err(PageError::store(lang))?;
    let tr = &c.tr;
    let summary = &city.summary;
    // The other script of the name: Chinese under a Latin name, or the Latin name under Chinese.
    let (name, other_name, other_lang) = match (&summary.name_zh, lang.0) {
        (Some(zh), UiLang::Zh) => (zh.clone(), Some(summary.name.clone()), "en"),
        (Some(zh), _) => (summary.name.clone(), Some(zh.clone()), "zh"),
        (None, _) => (summary.name.clone(), None, "en"),
    };
    let page = CityPage {
        name,
        other_name,
        other_lang,
        country: summary.country_name.get(lang.0).to_string(),
        level: tr.t(&format!("level-{}", summary.level)),
        population: summary.population.map(|p| group_digits(lang.0, p)),
        coordinates: format!("{:.3}, {:.3}", summary.lat, summary.lng),
        count_line: tr.t1("library-count", "total", initiatives.total),
        pager: Pager::new(tr, page, 20, initiatives.total, |p| format!("/cities/{}?page={p}", id)),
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
        c,
    };
    super::render(lang, page)
}
