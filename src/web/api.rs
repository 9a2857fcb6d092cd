//! The JSON API under `/api/v1`: awards, editions, initiatives and cities, each a list
//! (`{"items": [...], "total": N, "next": cursor or null}`) and a record by id. Documented by
//! the OpenAPI document at `/api/openapi.json`.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, RawQuery, State};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::domain::*;
use crate::i18n::Tr;
use crate::library::LibraryRequest;
use crate::search::{Sort, SortKey, Window};
use crate::storage::{CityQuery, PageRequest};

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

/// Parameters of the library search. Facet parameters may repeat: values of one facet are
/// alternatives (any of them), different facets must all hold. Only for the documentation: the
/// handler reads the query string itself (repeated parameters).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InitiativeParams {
    /// A search in the library's syntax: words (all must match, in any language), `"a phrase"`,
    /// `OR`, `NOT` or `-word`, parentheses, and the fields `city:`, `country:` (ISO code or
    /// name), `year:` (`2021` or `2018..2021`), `theme:` and `sdg:`. Titles and city names
    /// forgive one typo in words of five letters or more. At most 500 characters.
    pub q: Option<String>,
    /// Award id.
    pub award: Option<Vec<i64>>,
    /// Edition id.
    pub edition: Option<Vec<i64>>,
    /// How far the entry went: `valid`, `deserving`, `shortlisted`, `medal_of_honour`, `winner`.
    pub status: Option<Vec<EntryStatus>>,
    /// Continent of a government taking part (GeoNames code: AF AS EU NA OC SA).
    pub continent: Option<Vec<String>>,
    /// ISO 3166-1 alpha-2 code of a government taking part.
    pub country: Option<Vec<String>>,
    /// Id of a government taking part.
    pub city: Option<Vec<i64>>,
    /// Theme, by its English name.
    pub theme: Option<Vec<String>>,
    /// Sustainable Development Goal, 1 to 17.
    pub sdg: Option<Vec<i64>>,
    /// Year of the edition.
    pub year: Option<Vec<i64>>,
    /// Level of government: `municipal`, `district`, `metropolitan`, `regional`, `association`.
    pub level: Option<Vec<GovernmentLevel>>,
    /// `relevance` (the default with `q`), `newest` (the default without) or `oldest`.
    pub sort: Option<String>,
    /// The `next` value of the previous page, with the same other parameters.
    pub cursor: Option<String>,
    /// Items per page, 1 to 100 (default 20).
    pub limit: Option<i64>,
}

/// A result of the library search: the list item and, with `q`, a snippet.
#[derive(Debug, Serialize, ToSchema)]
pub struct InitiativeHit {
    #[serde(flatten)]
    pub item: InitiativeSummary,
    /// The passage of the texts where the words were found, as HTML: text escaped, matches in
    /// `<mark>` elements. Only with `q`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
}

/// A facet value and how many results there would be with it selected (beside the other
/// facets' selections).
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetValueCount {
    /// The value to pass as the facet's parameter.
    pub value: String,
    /// Its name in the language asked for (Accept-Language).
    pub label: String,
    pub count: u64,
    pub selected: bool,
}

/// One page of library results with the facet counts of the whole result set.
#[derive(Debug, Serialize, ToSchema)]
pub struct InitiativeList {
    pub items: Vec<InitiativeHit>,
    pub total: i64,
    /// Pass back as `cursor` for the following page; null on the last page.
    pub next: Option<String>,
    /// Per facet (award, edition, status, continent, country, city, theme, sdg, year, level),
    /// its most frequent values (at most 100) and every selected one.
    pub facets: BTreeMap<String, Vec<FacetValueCount>>,
}

/// A cursor of the library search: the last result's place in the order, the search it
/// belongs to, and a check that it was not altered. It holds no secret: it only says where a
/// public list continues.
fn encode_search_cursor(fingerprint: &str, sort: Sort, key: &SortKey) -> String {
    let payload =
        format!("s1.{}.{}.{}.{}.{}.{fingerprint}", sort.as_str(), key.score.to_bits(), key.year, key.rank, key.entry);
    let check = cursor_check(&payload);
    URL_SAFE_NO_PAD.encode(format!("{payload}.{check}"))
}

fn cursor_check(payload: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("kapok library cursor\n{payload}").as_bytes());
    crate::hex(&digest[..6])
}

#[derive(Debug, PartialEq, Eq)]
enum CursorError {
    /// Not a cursor Kapok made, or altered.
    Malformed,
    /// A cursor of another search (other words, filters or order).
    OtherSearch,
}

fn decode_search_cursor(cursor: &str, fingerprint: &str, sort: Sort) -> Result<SortKey, CursorError> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| CursorError::Malformed)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| CursorError::Malformed)?;
    let (payload, check) = text.rsplit_once('.').ok_or(CursorError::Malformed)?;
    if cursor_check(payload) != check {
        return Err(CursorError::Malformed);
    }
    let parts: Vec<&str> = payload.split('.').collect();
    let [version, order, score, year, rank, entry, search] = parts.as_slice() else {
        return Err(CursorError::Malformed);
    };
    if *version != "s1" {
        return Err(CursorError::Malformed);
    }
    if *order != sort.as_str() || *search != fingerprint {
        return Err(CursorError::OtherSearch);
    }
    let number = |text: &str| text.parse::<u64>().map_err(|_| CursorError::Malformed);
    let score = f32::from_bits(u32::try_from(number(score)?).map_err(|_| CursorError::Malformed)?);
    if !score.is_finite() {
        return Err(CursorError::Malformed);
    }
    Ok(SortKey { score, year: number(year)?, rank: number(rank)?, entry: number(entry)? })
}

/// The most values per facet in an answer.
const API_FACET_LIMIT: usize = 100;

/// Searches the library: published entries (initiatives in editions), with the same query
/// syntax and facets as the library page. Without `q`: newest edition first, best outcome
/// first. Answers the facet counts of the whole result set and `total`; pages follow with
/// `cursor` (a cursor that was altered, or belongs to another search, is refused with 400).
#[utoipa::path(get, path = "/api/v1/initiatives", params(InitiativeParams), responses((status = 200, body = InitiativeList), (status = 400), (status = 503, description = "The search index is being built")))]
pub async fn initiatives(
    State(state): State<AppState>,
    lang: Lang,
    RawQuery(raw): RawQuery,
) -> Result<Json<InitiativeList>, ApiError> {
    let tr = Tr::new(lang.0);
    let request = LibraryRequest::from_query_string(raw.as_deref(), &["cursor", "limit"])
        .map_err(|e| ApiError::bad_request(e.message(&tr)))?;
    let limit = match request.extra.get("limit") {
        None => DEFAULT_LIMIT,
        Some(raw) => raw.parse::<i64>().ok().filter(|l| (1..=PageRequest::MAX_LIMIT).contains(l)).ok_or_else(|| {
            ApiError::bad_request(tr.t1(
                "api-bad-query",
                "details",
                format!("limit must be 1 to {}", PageRequest::MAX_LIMIT),
            ))
        })?,
    } as usize;
    let fingerprint = request.fingerprint();
    let window = match request.extra.get("cursor") {
        None => Window::Offset { offset: 0, limit },
        Some(cursor) => match decode_search_cursor(cursor, &fingerprint, request.sort) {
            Ok(key) => Window::After { key, limit },
            Err(CursorError::Malformed) => return Err(ApiError::bad_request(tr.t("api-bad-cursor"))),
            Err(CursorError::OtherSearch) => return Err(ApiError::bad_request(tr.t("search-cursor-other-search"))),
        },
    };
    let ui = lang.0.as_str();
    let results = crate::library::search(&*state.store, &state.search, &request, window, &[ui, "en"], API_FACET_LIMIT)
        .await
        .map_err(ApiError::library(lang))?;
    let next = match results.hits.last() {
        Some(last) if results.more => Some(encode_search_cursor(&fingerprint, request.sort, &last.key)),
        _ => None,
    };
    let facets = results
        .facets
        .unwrap_or_default()
        .into_iter()
        .map(|group| {
            let values = group
                .values
                .into_iter()
                .map(|v| FacetValueCount {
                    label: v.label.text(&tr),
                    value: v.key,
                    count: v.count,
                    selected: v.selected,
                })
                .collect();
            (group.facet.param().to_string(), values)
        })
        .collect();
    let searched = request.query.is_some();
    let items = results
        .hits
        .into_iter()
        .map(|hit| InitiativeHit { item: hit.summary, snippet: hit.snippet.filter(|_| searched) })
        .collect();
    Ok(Json(InitiativeList { items, total: results.total as i64, next, facets }))
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

/// Entries read from the store per page of a streamed export (each page one piece of the body).
const EXPORT_PAGE: usize = 500;

#[derive(Debug, Clone, Copy)]
enum ExportFormat {
    JsonLines,
    Csv,
}

/// The next page of a streamed export: read already (the first), or to read after a cursor.
enum ExportStep {
    Read(crate::storage::ExportPage),
    After(crate::storage::ExportCursor),
}

/// The published library as one file, streamed page by page from the store (memory stays
/// that of one page whatever the library's size): every published entry as one record of the
/// interchange format (the format `kapok import` reads), contacts only where they consented to
/// be shown.
async fn export(state: AppState, lang: Lang, raw: Option<String>, format: ExportFormat) -> Result<Response, ApiError> {
    if let Some((name, _)) = form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes()).next() {
        let tr = Tr::new(lang.0);
        return Err(ApiError::bad_request(tr.t1("api-bad-query", "details", format!("unknown parameter {name}"))));
    }
    // The first page is read before answering, so a store that fails gives a clear error
    // instead of a cut body.
    let first = state.store.export_published_page(None, EXPORT_PAGE).await.map_err(ApiError::store(lang))?;
    let (content_type, name, head) = match format {
        ExportFormat::JsonLines => ("application/x-ndjson; charset=utf-8", "kapok-library.jsonl", Vec::new()),
        ExportFormat::Csv => {
            let mut head = Vec::new();
            // Writing to memory does not fail.
            let _ = crate::interchange::write_csv_header(&mut head);
            ("text/csv; charset=utf-8", "kapok-library.csv", head)
        }
    };
    let write = move |mut records: Vec<crate::interchange::InitiativeRecord>| -> std::io::Result<axum::body::Bytes> {
        for record in &mut records {
            if record.contact.as_ref().is_some_and(|c| !c.consent) {
                record.contact = None;
            }
        }
        let mut out = Vec::with_capacity(records.len() * 4096);
        match format {
            ExportFormat::JsonLines => crate::interchange::write_json_lines(&mut out, &records)?,
            ExportFormat::Csv => crate::interchange::write_csv_rows(&mut out, &records)?,
        }
        Ok(axum::body::Bytes::from(out))
    };
    let store = state.store.clone();
    // Each page is read and written when the client is ready for it, after the header.
    let pages = futures_util::stream::unfold(Some(ExportStep::Read(first)), move |step| {
        let store = store.clone();
        async move {
            let page = match step? {
                ExportStep::Read(page) => page,
                ExportStep::After(cursor) => match store.export_published_page(Some(&cursor), EXPORT_PAGE).await {
                    Ok(page) => page,
                    Err(error) => {
                        tracing::error!(%error, "the library export failed after its first page");
                        return Some((Err(std::io::Error::other(error.to_string())), None));
                    }
                },
            };
            if page.records.is_empty() {
                return None;
            }
            Some((write(page.records), page.next.map(ExportStep::After)))
        }
    });
    let head = (!head.is_empty()).then(|| Ok(axum::body::Bytes::from(head)));
    let pieces = futures_util::StreamExt::chain(futures_util::stream::iter(head), pages);
    let body = axum::body::Body::from_stream(pieces);
    let disposition = format!("attachment; filename=\"{name}\"");
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, content_type.to_string()),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}

/// The whole published library as JSON Lines: one initiative's entry in one edition per line, in
/// the interchange format that `kapok import` reads back (texts in every language, governments
/// by gazetteer reference, themes, SDGs, honours, public-vote counts; contacts only with their
/// consent). Streamed; no parameters.
#[utoipa::path(
    get,
    path = "/api/v1/initiatives.jsonl",
    responses(
        (status = 200, description = "One JSON record per line", content_type = "application/x-ndjson", body = String),
        (status = 400, description = "A parameter was given")
    )
)]
pub async fn export_jsonl(
    State(state): State<AppState>,
    lang: Lang,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    export(state, lang, raw, ExportFormat::JsonLines).await
}

/// The whole published library as CSV for spreadsheets: one row per initiative's entry in one
/// edition, the English text (else the original language's), lists separated by `|`. UTF-8
/// with a byte-order mark, so Excel shows Chinese; a cell a spreadsheet would run as a formula
/// (starting with = + - @, a tab or a carriage return) starts with an apostrophe. Streamed; no
/// parameters.
#[utoipa::path(
    get,
    path = "/api/v1/initiatives.csv",
    responses(
        (status = 200, description = "A header row, then one row per entry", content_type = "text/csv", body = String),
        (status = 400, description = "A parameter was given")
    )
)]
pub async fn export_csv(
    State(state): State<AppState>,
    lang: Lang,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    export(state, lang, raw, ExportFormat::Csv).await
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
    paths(
        awards,
        award,
        editions,
        edition,
        initiatives,
        initiative,
        export_jsonl,
        export_csv,
        cities,
        city,
        super::pages::vote::cast
    )
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

    fn sort_key() -> impl Strategy<Value = SortKey> {
        (0f32..1000.0, 0u64..3000, 0u64..7, 0u64..u64::MAX).prop_map(|(score, year, rank, entry)| SortKey {
            score,
            year,
            rank,
            entry,
        })
    }

    proptest! {
        #[test]
        fn search_cursors_round_trip(key in sort_key()) {
            let cursor = encode_search_cursor("abc123", Sort::Relevance, &key);
            prop_assert_eq!(decode_search_cursor(&cursor, "abc123", Sort::Relevance), Ok(key));
        }

        #[test]
        fn any_change_to_a_search_cursor_is_noticed(key in sort_key(), at in 0usize..200, byte in 0u8..128) {
            let cursor = encode_search_cursor("abc123", Sort::Newest, &key);
            let mut raw = URL_SAFE_NO_PAD.decode(&cursor).unwrap();
            let at = at % raw.len();
            prop_assume!(raw[at] != byte);
            raw[at] = byte;
            let altered = URL_SAFE_NO_PAD.encode(&raw);
            prop_assert!(decode_search_cursor(&altered, "abc123", Sort::Newest).is_err());
        }

        #[test]
        fn arbitrary_strings_never_panic_as_search_cursors(text in "\\PC{0,120}") {
            prop_assert!(decode_search_cursor(&text, "abc123", Sort::Newest).is_err());
        }
    }

    #[test]
    fn search_cursors_belong_to_one_search() {
        let key = SortKey { score: 1.5, year: 2021, rank: 6, entry: 42 };
        let cursor = encode_search_cursor("abc123", Sort::Relevance, &key);
        assert_eq!(decode_search_cursor(&cursor, "def456", Sort::Relevance), Err(CursorError::OtherSearch));
        assert_eq!(decode_search_cursor(&cursor, "abc123", Sort::Oldest), Err(CursorError::OtherSearch));
        assert_eq!(decode_search_cursor("bm9wZQ", "abc123", Sort::Relevance), Err(CursorError::Malformed));
        assert_eq!(decode_search_cursor(&encode_cursor(20), "abc123", Sort::Relevance), Err(CursorError::Malformed));
    }

    #[test]
    fn tampered_cursors_are_rejected() {
        for bad in ["", "abc", "!!!", &URL_SAFE_NO_PAD.encode("o-5"), &URL_SAFE_NO_PAD.encode("x10")] {
            assert_eq!(decode_cursor(bad), None, "{bad}");
        }
    }
}
