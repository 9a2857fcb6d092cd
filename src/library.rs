//! The library's search, shared by the page and the API: a request read from a URL (query
//! text in the search syntax, facet filters, sort), answered from the search index with
//! snippets and facet counts; and rebuilding the index from the store.

pub mod map;
pub mod reindexer;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};

use sha2::{Digest, Sha256};

use crate::domain::InitiativeId;
use crate::i18n::Tr;
use crate::search::{
    Facet, FacetCounts, Filters, Hit, Query, QueryError, Search, SearchError, SearchRequest, Sort, SortKey, Window,
};
use crate::storage::{InitiativeOrder, InitiativeQuery, PageRequest, Store, StoreError};

pub use reindexer::{Changed, ReindexCounts, Reindexer};

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("the query is longer than {} characters", crate::search::MAX_QUERY_CHARS)]
    QueryTooLong,
    #[error("the search index is being built")]
    IndexNotReady,
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// One lock per index directory: rebuilds of one directory in one process (the server's
/// reindexer, a test's explicit rebuild) take turns, so a later build never races an earlier one.
static BUILDING: LazyLock<Mutex<HashMap<PathBuf, Arc<tokio::sync::Mutex<()>>>>> = LazyLock::new(Default::default);

/// Rebuilds the search index under `dir` from the database, while readers keep using the
/// previous generation. Returns the number of initiatives indexed (each published entry is a
/// document; an initiative in two editions is two).
pub async fn reindex(
    store: &dyn Store,
    dir: &Path,
    progress: Arc<dyn Fn(u64, u64) + Send + Sync>,
) -> anyhow::Result<usize> {
    Ok(rebuild(store, dir, progress).await?.initiatives)
}

/// What a full rebuild made.
#[derive(Debug, Clone)]
pub struct Rebuilt {
    pub initiatives: usize,
    /// The new generation's name.
    pub generation: String,
}

/// [`reindex`], also naming the generation it made current.
pub async fn rebuild(
    store: &dyn Store,
    dir: &Path,
    progress: Arc<dyn Fn(u64, u64) + Send + Sync>,
) -> anyhow::Result<Rebuilt> {
    let lock = BUILDING
        .lock()
        .map_err(|_| anyhow::anyhow!("index lock poisoned"))?
        .entry(dir.to_path_buf())
        .or_default()
        .clone();
    let _turn = lock.lock().await;
    // Taken before the read: every write committed later is not in this generation.
    let snapshot = jiff::Timestamp::now().as_millisecond();
    let documents = store.search_documents().await?;
    let initiatives = documents.iter().map(|d| d.summary.id).collect::<BTreeSet<_>>().len();
    let dir = dir.to_path_buf();
    let generation = tokio::task::spawn_blocking(move || {
        let total = documents.len() as u64;
        crate::search::build_snapshot(&dir, &documents, snapshot, &|done| progress(done, total))
    })
    .await??;
    Ok(Rebuilt { initiatives, generation })
}

/// Updates the documents of `initiatives` in `search`'s current generation from the store
/// (those no longer published are deleted) and switches readers to the result.
pub async fn update(
    store: &dyn Store,
    search: &Arc<Search>,
    initiatives: &[InitiativeId],
) -> Result<crate::search::Updated, crate::search::UpdateError> {
    let documents =
        store.search_documents_of(initiatives).await.map_err(|e| crate::search::UpdateError::Source(e.to_string()))?;
    let search = search.clone();
    let initiatives = initiatives.to_vec();
    tokio::task::spawn_blocking(move || search.update(&initiatives, &documents))
        .await
        .unwrap_or_else(|e| Err(crate::search::UpdateError::Source(e.to_string())))
}

/// Where the search index of a data directory lives.
pub fn index_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("search")
}

/// A request that cannot be answered as written: a parameter (400 with the parameter named)
/// or the query's syntax (400 saying what to fix).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestError {
    Parameter(String),
    Query(QueryError),
}

impl RequestError {
    pub fn message(&self, tr: &Tr) -> String {
        match self {
            RequestError::Parameter(details) => tr.t1("api-bad-query", "details", details.as_str()),
            RequestError::Query(error) => error.message(tr),
        }
    }
}

/// A library search as a URL asks for it.
#[derive(Debug, Clone, Default)]
pub struct LibraryRequest {
    /// The query as typed (trimmed); empty for none.
    pub text: String,
    pub query: Option<Query>,
    pub filters: Filters,
    pub sort: Sort,
    /// Whether the URL chose the order (else: relevance with a query, newest without).
    pub sort_given: bool,
    /// The endpoint's own parameters (page, cursor, limit), each at most once.
    pub extra: BTreeMap<String, String>,
}

impl LibraryRequest {
    /// Reads `q`, `sort` and the facet parameters (each facet may repeat) from a query
    /// string; `extra` names the other parameters the endpoint takes. Anything else is refused.
    pub fn from_query_string(raw: Option<&str>, extra: &[&str]) -> Result<LibraryRequest, RequestError> {
        let mut request = LibraryRequest::default();
        let mut sort = None;
        let mut text = None;
        for (name, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            let once = |seen: bool| {
                if seen { Err(RequestError::Parameter(format!("{name} is given twice"))) } else { Ok(()) }
            };
            if name == "q" {
                once(text.is_some())?;
                text = Some(value.into_owned());
            } else if name == "sort" {
                once(sort.is_some())?;
                sort = Some(Sort::parse(&value).ok_or_else(|| RequestError::Parameter(format!("sort={value}")))?);
            } else if let Some(facet) = Facet::from_param(&name) {
                request.filters.add(facet, &value).map_err(|e| RequestError::Parameter(e.to_string()))?;
            } else if extra.contains(&name.as_ref()) {
                once(request.extra.contains_key(name.as_ref()))?;
                request.extra.insert(name.into_owned(), value.into_owned());
            } else {
                return Err(RequestError::Parameter(format!("unknown parameter {name}")));
            }
        }
        request.text = text.map(|t| t.trim().to_string()).unwrap_or_default();
        request.query = crate::search::query::parse(&request.text).map_err(RequestError::Query)?;
        request.sort_given = sort.is_some();
        request.sort = sort.unwrap_or(if request.query.is_some() { Sort::Relevance } else { Sort::Newest });
        Ok(request)
    }

    /// The query string of this search (query, filters, and the order when it is not the
    /// default), without the endpoint's own parameters: what a shared link needs.
    pub fn query_string(&self, filters: &Filters, sort: Sort) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if !self.text.is_empty() {
            pairs.push(("q", &self.text));
        }
        for (facet, key) in filters.pairs() {
            pairs.push((facet.param(), key));
        }
        let default = if self.query.is_some() { Sort::Relevance } else { Sort::Newest };
        if sort != default {
            pairs.push(("sort", sort.as_str()));
        }
        form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
    }

    /// A short digest of what is searched (query, filters, order), which cursors carry so a
    /// cursor cannot be used with another search.
    pub fn fingerprint(&self) -> String {
        let mut hasher = Sha256::new();
        hasher.update(self.query.as_ref().map(|q| q.to_string()).unwrap_or_default());
        for (facet, key) in self.filters.pairs() {
            hasher.update(format!("\n{}={key}", facet.param()));
        }
        hasher.update(format!("\nsort={}", self.sort.as_str()));
        crate::hex(&hasher.finalize()[..6])
    }
}

/// A page of results.
#[derive(Debug, Clone)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Whether results follow the last hit.
    pub more: bool,
    /// Facet counts; None while the index is being built (the store lists, without facets).
    pub facets: Option<Vec<FacetCounts>>,
}

/// Answers a library request from the index. Without an index yet, the unfiltered list still
/// comes from the store (without facets or snippets); anything else waits for the index.
pub async fn search(
    store: &dyn Store,
    search: &Search,
    request: &LibraryRequest,
    window: Window,
    languages: &[&str],
    facet_limit: usize,
) -> Result<Results, LibraryError> {
    let search_request = SearchRequest {
        query: request.query.as_ref(),
        filters: &request.filters,
        sort: request.sort,
        window,
        languages,
        facet_limit,
    };
    if let Some(results) = search.search(&search_request)? {
        let more = results.more_after;
        return Ok(Results { total: results.total, hits: results.hits, more, facets: Some(results.facets) });
    }
    let Window::Offset { offset, limit } = window else {
        return Err(LibraryError::IndexNotReady);
    };
    if request.query.is_some() || !request.filters.is_empty() {
        return Err(LibraryError::IndexNotReady);
    }
    let order = if request.sort == Sort::Oldest { InitiativeOrder::Oldest } else { InitiativeOrder::Newest };
    let query = InitiativeQuery { order, ..Default::default() };
    let page = store.initiatives(&query, PageRequest::new(offset as i64, limit as i64)).await?;
    let total = page.total.max(0) as usize;
    let hits: Vec<Hit> = page
        .items
        .into_iter()
        .map(|summary| {
            let key =
                SortKey { score: 0.0, year: summary.year.max(0) as u64, rank: 0, entry: summary.entry_id.0 as u64 };
            Hit { summary, snippet: None, key }
        })
        .collect();
    Ok(Results { total, more: offset + hits.len() < total, hits, facets: None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::UiLang;

    #[test]
    fn requests_read_queries_filters_and_orders() {
        let request = LibraryRequest::from_query_string(
            Some("q=water+-plastic&country=co&country=BR&sdg=6&theme=Climate+action%2C+energy+and+nature&page=2"),
            &["page"],
        )
        .unwrap();
        assert_eq!(request.text, "water -plastic");
        assert_eq!(request.query.as_ref().unwrap().to_string(), "water AND NOT plastic");
        assert_eq!(request.filters.values(Facet::Country).collect::<Vec<_>>(), ["BR", "CO"]);
        assert_eq!(request.filters.values(Facet::Theme).collect::<Vec<_>>(), ["Climate action, energy and nature"]);
        assert_eq!(request.sort, Sort::Relevance, "with a query, best match first");
        assert_eq!(request.extra["page"], "2");
        assert_eq!(
            request.query_string(&request.filters, request.sort),
            "q=water+-plastic&country=BR&country=CO&theme=Climate+action%2C+energy+and+nature&sdg=6"
        );
        let browse = LibraryRequest::from_query_string(Some("sort=oldest"), &[]).unwrap();
        assert!(browse.query.is_none());
        assert_eq!(browse.sort, Sort::Oldest);
        assert_eq!(LibraryRequest::from_query_string(None, &[]).unwrap().sort, Sort::Newest);
        assert_eq!(browse.query_string(&browse.filters, Sort::Newest), "");
    }

    #[test]
    fn bad_requests_name_the_problem() {
        let tr = Tr::new(UiLang::En);
        let message = |raw: &str| LibraryRequest::from_query_string(Some(raw), &["page"]).unwrap_err().message(&tr);
        assert!(message("colour=red").contains("colour"));
        assert!(message("status=champion").contains("champion"));
        assert!(message("sort=random").contains("sort=random"));
        assert!(message("q=a&q=b").contains("q is given twice"));
        assert!(message("page=1&page=2").contains("page is given twice"));
        assert!(message("q=%22open").contains("quotation mark"));
        assert!(message("q=foo%3Abar").contains("foo:"));
        assert!(message("year=21").contains("year=21"));
    }

    #[test]
    fn fingerprints_tell_searches_apart() {
        let read = |raw: &str| LibraryRequest::from_query_string(Some(raw), &["cursor"]).unwrap().fingerprint();
        assert_eq!(read("q=water&cursor=x"), read("q=water"), "the cursor is not part of the search");
        assert_eq!(read("q=water"), read("q=%20water%20"));
        assert_ne!(read("q=water"), read("q=water&sort=newest"));
        assert_ne!(read("q=water"), read("q=water&country=CO"));
        assert_ne!(read("q=water"), read("q=waters"));
    }
}
