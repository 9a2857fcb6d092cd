use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Html;
use serde::Deserialize;

use crate::domain::{AwardId, CityId, EditionId, EntryStatus};
use crate::storage::{InitiativeOrder, InitiativeQuery, PageRequest};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Viewer, encode_query_value};
use crate::web::error::PageError;
use crate::web::views::{EntryCard, Pager};

pub const PER_PAGE: i64 = 20;
/// Beyond this page, offsets get slow and nobody reads on; search narrows instead.
const MAX_PAGE: i64 = 10_000;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryParams {
    q: Option<String>,
    award: Option<i64>,
    edition: Option<i64>,
    city: Option<i64>,
    country: Option<String>,
    status: Option<EntryStatus>,
    sort: Option<String>,
    page: Option<i64>,
}

#[derive(Template)]
#[template(path = "library.html")]
struct LibraryPage {
    c: Chrome,
    q: String,
    intro: String,
    count_line: String,
    sort: &'static str,
    hidden_fields: Vec<(&'static str, String)>,
    items: Vec<EntryCard>,
    pager: Pager,
}

pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    params: Result<Query<LibraryParams>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let lang = viewer.lang;
    let c = Chrome::new(&viewer, "library");
    let Query(params) =
        params.map_err(|e| PageError::bad_request(lang, c.tr.t1("api-bad-query", "details", e.body_text())))?;
    let order = match params.sort.as_deref() {
        None | Some("newest") => InitiativeOrder::Newest,
        Some("oldest") => InitiativeOrder::Oldest,
        Some(other) => {
            return Err(PageError::bad_request(lang, c.tr.t1("api-bad-query", "details", format!("sort={other}"))));
        }
    };
    let page = params.page.unwrap_or(1);
    if !(1..=MAX_PAGE).contains(&page) {
        return Err(PageError::bad_request(lang, c.tr.t1("api-bad-query", "details", format!("page={page}"))));
    }
    let query = InitiativeQuery {
        award: params.award.map(AwardId),
        edition: params.edition.map(EditionId),
        city: params.city.map(CityId),
        country: params.country.clone().map(|c| c.to_ascii_uppercase()),
        min_status: params.status,
        ids: None,
        order,
    };
    let text = params.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    let results = crate::library::find(
        &*state.store,
        &state.search,
        text,
        query,
        PageRequest::new((page - 1) * PER_PAGE, PER_PAGE),
    )
    .await
    .map_err(PageError::library(lang))?;

    let mut hidden_fields: Vec<(&'static str, String)> = Vec::new();
    let q = text.unwrap_or("").to_string();
    if let Some(v) = params.award {
        hidden_fields.push(("award", v.to_string()));
    }
    if let Some(v) = params.edition {
        hidden_fields.push(("edition", v.to_string()));
    }
    if let Some(v) = params.city {
        hidden_fields.push(("city", v.to_string()));
    }
    if let Some(v) = &params.country {
        hidden_fields.push(("country", v.clone()));
    }
    if let Some(v) = params.status {
        hidden_fields.push(("status", v.to_string()));
    }
    let sort = if order == InitiativeOrder::Oldest { "oldest" } else { "newest" };
    let base_query: String = hidden_fields
        .iter()
        .chain(std::iter::once(&("q", q.clone())).filter(|(_, v)| !v.is_empty()))
        .chain(std::iter::once(&("sort", sort.to_string())))
        .map(|(k, v)| format!("{k}={}&", encode_query_value(v)))
        .collect();
    let pager = Pager::new(&c.tr, page, PER_PAGE, results.total, |p| format!("/library?{base_query}page={p}"));
    let page = LibraryPage {
        intro: if q.is_empty() { c.tr.t("library-intro") } else { c.tr.t1("library-results-for", "query", q.as_str()) },
        q,
        count_line: c.tr.t1("library-count", "total", results.total),
        sort,
        hidden_fields,
        items: EntryCard::list(&c.tr, &results.items),
        pager,
        c,
    };
    super::render(lang, page)
}
