//! The JSON API under `/api/v1`: awards, editions, initiatives and cities, each a list
//! (`{"items": [...], "total": N, "next": cursor or null}`) and a record by id. Documented by
//! the OpenAPI document at `/api/openapi.json`.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::domain::*;
use crate::i18n::Tr;
use crate::storage::{CityQuery, InitiativeOrder, InitiativeQuery, PageRequest};

use super::AppState;
use super::chrome::Lang;
use super::error::ApiError;
use super::pages::initiatives::is_public;

const DEFAULT_LIMIT: i64 = 20;

/// One page of a list. `next` is an opaque cursor for the following page, null on the last.
#[derive(Debug, Serialize, ToSchema)]
pub struct List<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub next: Option<String>,
}

/// The position in a list, as an opaque string.
pub fn encode_cursor(offset: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("o{offset}"))
}

pub fn decode_cursor(cursor: &str) -> Option<i64> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    text.strip_prefix('o')?.parse::<i64>().ok().filter(|offset| *offset >= 0)
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// The `next` value of the previous page.
    pub cursor: Option<String>,
    /// Items per page, 1 to 100 (default 20).
    pub limit: Option<i64>,
}

fn page_request(lang: Lang, cursor: Option<&str>, limit: Option<i64>) -> Result<PageRequest, ApiError> {
    let tr = Tr::new(lang.0);
    let offset = match cursor {
        None => 0,
        Some(cursor) => decode_cursor(cursor).ok_or_else(|| ApiError::bad_request(tr.t("api-bad-cursor")))?,
    };
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=PageRequest::MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_request(tr.t1(
            "api-bad-query",
            "details",
            format!("limit must be 1 to {}", PageRequest::MAX_LIMIT),
        )));
    }
    Ok(PageRequest::new(offset, limit))
}

fn list<T>(items: Vec<T>, total: i64, page: PageRequest) -> List<T> {
    let end = page.offset + items.len() as i64;
    List { next: (end < total && !items.is_empty()).then(|| encode_cursor(end)), items, total }
}

fn query<T>(lang: Lang, params: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    params
        .map(|Query(p)| p)
        .map_err(|e| ApiError::bad_request(Tr::new(lang.0).t1("api-bad-query", "details", e.body_text())))
}

fn id(lang: Lang, raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(|| {
        ApiError::bad_request(Tr::new(lang.0).t1("api-bad-query", "details", format!("{raw:?} is not an id")))
    })
}

/// All awards hosted here.
#[utoipa::path(get, path = "/api/v1/awards", params(PageParams), responses((status = 200, body = List<Award>), (status = 400)))]
pub async fn awards(
    State(state): State<AppState>,
    lang: Lang,
    params: Result<Query<PageParams>, QueryRejection>,
) -> Result<Json<List<Award>>, ApiError> {
    let params = query(lang, params)?;
    let page = page_request(lang, params.cursor.as_deref(), params.limit)?;
    let awards = state.store.awards().await.map_err(ApiError::store(lang))?;
    let total = awards.len() as i64;
    let items = awards.into_iter().skip(page.offset as usize).take(page.limit as usize).collect();
    Ok(Json(list(items, total, page)))
}

#[utoipa::path(get, path = "/api/v1/awards/{id}", responses((status = 200, body = Award), (status = 404)))]
pub async fn award(
    State(state): State<AppState>,
    lang: Lang,
    Path(raw): Path<String>,
) -> Result<Json<Award>, ApiError> {
    let id = id(lang, &raw)?;
    let award = state.store.award(AwardId(id)).await.map_err(ApiError::store(lang))?;
    award.map(Json).ok_or_else(|| ApiError::not_found(lang, "what-award", id))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EditionParams {
    /// Only the editions of this award.
    pub award: Option<i64>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

/// Editions (award cycles), newest first.
#[utoipa::path(get, path = "/api/v1/editions", params(EditionParams), responses((status = 200, body = List<EditionSummary>), (status = 400)))]
pub async fn editions(
    State(state): State<AppState>,
    lang: Lang,
    params: Result<Query<EditionParams>, QueryRejection>,
) -> Result<Json<List<EditionSummary>>, ApiError> {
    let params = query(lang, params)?;
    let page = page_request(lang, params.cursor.as_deref(), params.limit)?;
    let result = state.store.editions(params.award.map(AwardId), page).await.map_err(ApiError::store(lang))?;
    Ok(Json(list(result.items, result.total, page)))
}

/// An edition with its dates (UTC instants; `timezone` says where they are local), themes,
/// criteria and result sizes.
#[utoipa::path(get, path = "/api/v1/editions/{id}", responses((status = 200, body = Edition), (status = 404)))]
pub async fn edition(
    State(state): State<AppState>,
    lang: Lang,
    Path(raw): Path<String>,
) -> Result<Json<Edition>, ApiError> {
    let id = id(lang, &raw)?;
    let edition = state.store.edition(EditionId(id)).await.map_err(ApiError::store(lang))?;
    edition.map(Json).ok_or_else(|| ApiError::not_found(lang, "what-edition", id))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct InitiativeParams {
    /// Words to search for in titles and texts, in any language; results best match first.
    pub q: Option<String>,
    pub award: Option<i64>,
    pub edition: Option<i64>,
    /// Initiatives in which this government takes part.
    pub city: Option<i64>,
    /// ISO 3166-1 alpha-2 code of the lead government's country.
    pub country: Option<String>,
    /// Only entries that went at least this far.
    pub status: Option<EntryStatus>,
    /// `newest` (default) or `oldest`.
    pub sort: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

/// Published entries (initiatives in editions), newest edition first, best outcome first; with
/// `q`, the entries whose texts match, best match first.
#[utoipa::path(get, path = "/api/v1/initiatives", params(InitiativeParams), responses((status = 200, body = List<InitiativeSummary>), (status = 400)))]
pub async fn initiatives(
    State(state): State<AppState>,
    lang: Lang,
    params: Result<Query<InitiativeParams>, QueryRejection>,
) -> Result<Json<List<InitiativeSummary>>, ApiError> {
    let params = query(lang, params)?;
    let page = page_request(lang, params.cursor.as_deref(), params.limit)?;
    let order = match params.sort.as_deref() {
        None | Some("newest") => InitiativeOrder::Newest,
        Some("oldest") => InitiativeOrder::Oldest,
        Some(other) => {
            return Err(ApiError::bad_request(Tr::new(lang.0).t1("api-bad-query", "details", format!("sort={other}"))));
        }
    };
    let query = InitiativeQuery {
        award: params.award.map(AwardId),
        edition: params.edition.map(EditionId),
        city: params.city.map(CityId),
        country: params.country.map(|c| c.to_ascii_uppercase()),
        min_status: params.status,
        ids: None,
        order,
    };
    let result = crate::library::find(&*state.store, &state.search, params.q.as_deref(), query, page)
        .await
        .map_err(ApiError::library(lang))?;
    Ok(Json(list(result.items, result.total, page)))
}

/// An initiative with its texts in every language it has, governments, SDGs, and its entries
/// in editions. The contact person appears only with their consent.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}", responses((status = 200, body = Initiative), (status = 404)))]
pub async fn initiative(
    State(state): State<AppState>,
    lang: Lang,
    Path(raw): Path<String>,
) -> Result<Json<Initiative>, ApiError> {
    let id = id(lang, &raw)?;
    let mut initiative = state
        .store
        .initiative(InitiativeId(id))
        .await
        .map_err(ApiError::store(lang))?
        .filter(is_public)
        .ok_or_else(|| ApiError::not_found(lang, "what-initiative", id))?;
    initiative.entries.retain(|e| e.status.is_published());
    Ok(Json(initiative))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CityParams {
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// Only governments with published initiatives (ordered by their number).
    pub with_initiatives: Option<bool>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

/// Cities and regional governments of the gazetteer, most populous first.
#[utoipa::path(get, path = "/api/v1/cities", params(CityParams), responses((status = 200, body = List<CitySummary>), (status = 400)))]
pub async fn cities(
    State(state): State<AppState>,
    lang: Lang,
    params: Result<Query<CityParams>, QueryRejection>,
) -> Result<Json<List<CitySummary>>, ApiError> {
    let params = query(lang, params)?;
    let page = page_request(lang, params.cursor.as_deref(), params.limit)?;
    let query = CityQuery {
        country: params.country.map(|c| c.to_ascii_uppercase()),
        with_initiatives: params.with_initiatives.unwrap_or(false),
    };
    let result = state.store.cities(&query, page).await.map_err(ApiError::store(lang))?;
    Ok(Json(list(result.items, result.total, page)))
}

#[utoipa::path(get, path = "/api/v1/cities/{id}", responses((status = 200, body = City), (status = 404)))]
pub async fn city(State(state): State<AppState>, lang: Lang, Path(raw): Path<String>) -> Result<Json<City>, ApiError> {
    let id = id(lang, &raw)?;
    let city = state.store.city(CityId(id)).await.map_err(ApiError::store(lang))?;
    city.map(Json).ok_or_else(|| ApiError::not_found(lang, "what-city", id))
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kapok API",
        description = "Awards, editions, initiatives and cities of the Kapok library. Lists answer {items, total, next}; pass `next` back as `cursor` for the following page."
    ),
    paths(awards, award, editions, edition, initiatives, initiative, cities, city)
)]
pub struct ApiDoc;

pub async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn cursors_round_trip(offset in 0i64..i64::MAX) {
            prop_assert_eq!(decode_cursor(&encode_cursor(offset)), Some(offset));
        }

        #[test]
        fn arbitrary_strings_never_panic_as_cursors(text in ".{0,40}") {
            let _ = decode_cursor(&text);
        }
    }

    #[test]
    fn tampered_cursors_are_rejected() {
        for bad in ["", "abc", "!!!", &URL_SAFE_NO_PAD.encode("o-5"), &URL_SAFE_NO_PAD.encode("x10")] {
            assert_eq!(decode_cursor(bad), None, "{bad}");
        }
    }
}
