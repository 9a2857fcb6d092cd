//! The library's list of initiatives: the store's filters, optionally narrowed and ranked by a
//! full-text query against the search index.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::domain::{InitiativeSummary, Page};
use crate::search::{MAX_QUERY_CHARS, Search, SearchError};
use crate::storage::{InitiativeQuery, PageRequest, Store, StoreError};

/// At most this many search hits are ranked; filters then apply to them.
pub const MAX_HITS: usize = 1_000;

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("the query is longer than {MAX_QUERY_CHARS} characters")]
    QueryTooLong,
    #[error("the search index is being built")]
    IndexNotReady,
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Rebuilds the search index under `dir` from the database, while readers keep using the
/// previous generation. Returns the number of initiatives indexed.
pub async fn reindex(
    store: &dyn Store,
    dir: &Path,
    progress: Arc<dyn Fn(u64, u64) + Send + Sync>,
) -> anyhow::Result<usize> {
    let documents = store.search_documents().await?;
    let count = documents.len();
    let dir = dir.to_path_buf();
    tokio::task::spawn_blocking(move || {
        let total = documents.len() as u64;
        crate::search::build(&dir, &documents, &|done| progress(done, total))
    })
    .await??;
    Ok(count)
}

/// Where the search index of a data directory lives.
pub fn index_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("search")
}

pub async fn find(
    store: &dyn Store,
    search: &Search,
    text: Option<&str>,
    mut query: InitiativeQuery,
    page: PageRequest,
) -> Result<Page<InitiativeSummary>, LibraryError> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(store.initiatives(&query, page).await?);
    };
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(LibraryError::QueryTooLong);
    }
    let hits = search.search(text, MAX_HITS)?.ok_or(LibraryError::IndexNotReady)?;
    let rank: HashMap<_, _> = hits.iter().enumerate().map(|(rank, id)| (*id, rank)).collect();
    query.ids = Some(hits);
    let mut matches = store.matching_entries(&query).await?;
    // Best match first; the entries of one initiative keep the store's order (newest first).
    matches.sort_by_key(|(_, initiative)| rank.get(initiative).copied().unwrap_or(usize::MAX));
    let page_of: Vec<_> =
        matches.iter().skip(page.offset as usize).take(page.limit as usize).map(|(entry, _)| *entry).collect();
    let items = store.entry_summaries(&page_of).await?;
    Ok(Page { items, total: matches.len() as i64 })
}
