//! The library page: search in the query syntax, facets with counts (links that add or remove
//! one value, so every state of the page is a URL and works without JavaScript), results with
//! snippets and badges, sort, pages; and the same search as a map (`/library/map`): one marker
//! per city, drawn on the server.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Html;

use crate::domain::HonourKind;
use crate::i18n::Tr;
use crate::library::LibraryRequest;
use crate::library::map::CityMarker;
use crate::search::{Facet, FacetCounts, Filters, Sort, Window};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Viewer};
use crate::web::error::PageError;
use crate::web::pages::compare::CompareLink;
use crate::web::views::{EntryCard, Pager};

pub const PER_PAGE: i64 = 20;
/// Beyond this page nobody reads on; search and facets narrow instead.
const MAX_PAGE: i64 = 10_000;
/// Values shown per facet before "more".
const FACET_VISIBLE: usize = 8;
/// Values listed per facet at most.
const FACET_LIMIT: usize = 40;

/// A result: the entry card, its badges and a snippet.
struct ResultItem {
    card: EntryCard,
    /// Escaped text with `<mark>` around matches, from the search index.
    snippet: Option<String>,
    /// (CSS class suffix, label) of the award badges: winner, shortlisted, medal, public vote …
    badges: Vec<(&'static str, String)>,
    compare: CompareLink,
}

struct FacetLink {
    label: String,
    count: u64,
    href: String,
    selected: bool,
}

struct FacetGroup {
    id: &'static str,
    title: String,
    visible: Vec<FacetLink>,
    more: Vec<FacetLink>,
}

struct ActiveFilter {
    label: String,
    remove_href: String,
}

/// The results as a map: the SVG, and the same cities as a list.
struct MapView {
    svg: String,
    summary: String,
    cities: Vec<CityMarker>,
}

/// How the results are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    List,
    Map,
}

impl View {
    fn path(self) -> &'static str {
        match self {
            View::List => "/library",
            View::Map => "/library/map",
        }
    }
}

#[derive(Template)]
#[template(path = "library.html")]
struct LibraryPage {
    c: Chrome,
    /// Where the search form sends to: the list or the map.
    action: &'static str,
    list_href: String,
    map_href: String,
    map: Option<MapView>,
    q: String,
    intro: String,
    count_line: String,
    sort: &'static str,
    sorts: Vec<(&'static str, String)>,
    hidden_fields: Vec<(&'static str, String)>,
    active: Vec<ActiveFilter>,
    clear_href: Option<String>,
    facets: Vec<FacetGroup>,
    facets_pending: bool,
    items: Vec<ResultItem>,
    pager: Pager,
}

fn badges(tr: &Tr, card: &EntryCard, honours: &[HonourKind]) -> Vec<(&'static str, String)> {
    let mut badges = vec![(card.status_code, card.status.clone())];
    for honour in honours {
        let class = if *honour == HonourKind::PublicVote { "public_vote" } else { "honour" };
        badges.push((class, crate::web::views::honour_label(tr, *honour)));
    }
    badges
}

fn facet_title(tr: &Tr, facet: Facet) -> String {
    tr.t(&format!("facet-{}", facet.param()))
}

fn value_label(tr: &Tr, facet: Facet, key: &str, label: &crate::search::Label) -> String {
    let text = label.text(tr);
    match facet {
        Facet::Sdg => format!("{key} · {text}"),
        _ => text,
    }
}

/// `GET /library`: the results as a list.
pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Html<String>, PageError> {
    show(state, viewer, &headers, raw, View::List).await
}

/// `GET /library/map`: the same search as a map of the cities with results.
pub async fn map(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Html<String>, PageError> {
    show(state, viewer, &headers, raw, View::Map).await
}

/// The values a facet lists beside the results: every selected one and the `limit` most
/// frequent, in the order given.
fn keep_listed(group: &mut FacetCounts, limit: usize) {
    if group.values.len() <= limit {
        return;
    }
    let room = limit.saturating_sub(group.values.iter().filter(|v| v.selected).count());
    let mut others: Vec<usize> = (0..group.values.len()).filter(|i| !group.values[*i].selected).collect();
    // Stable: among equal counts, the earlier in the given order.
    others.sort_by(|a, b| group.values[*b].count.cmp(&group.values[*a].count));
    let kept: std::collections::HashSet<usize> = others.into_iter().take(room).collect();
    let mut index = 0;
    group.values.retain(|v| {
        let keep = v.selected || kept.contains(&index);
        index += 1;
        keep
    });
}

/// The map's markers: the cities of the results with how many results each has. With cities
/// selected, only those (the others' counts say what they would add, not what is there).
fn markers(tr: &Tr, request: &LibraryRequest, facets: &[FacetCounts]) -> Vec<CityMarker> {
    let countries: std::collections::HashMap<&str, String> = facets
        .iter()
        .filter(|g| g.facet == Facet::Country)
        .flat_map(|g| g.values.iter().map(|v| (v.key.as_str(), v.label.text(tr))))
        .collect();
    let cities_chosen = request.filters.values(Facet::City).next().is_some();
    facets
        .iter()
        .filter(|g| g.facet == Facet::City)
        .flat_map(|g| g.values.iter())
        .filter(|v| v.count > 0 && (!cities_chosen || v.selected))
        .filter_map(|value| {
            let place = value.place.as_ref()?;
            let name = value.label.text(tr);
            let country = countries.get(place.country.as_str()).cloned().unwrap_or_else(|| place.country.clone());
            let filters =
                if value.selected { request.filters.clone() } else { request.filters.toggled(Facet::City, &value.key) };
            let query = request.query_string(&filters, request.sort);
            let count = tr.t1("library-count", "total", value.count as i64);
            Some(CityMarker {
                label: format!("{name}, {country}: {count}"),
                name,
                country,
                lat: place.lat,
                lng: place.lng,
                count: value.count,
                href: format!("/library?{query}"),
            })
        })
        .collect()
}

async fn show(
    state: AppState,
    viewer: Viewer,
    headers: &HeaderMap,
    raw: Option<String>,
    view: View,
) -> Result<Html<String>, PageError> {
    let lang = viewer.lang;
    let c = Chrome::new(&viewer, "library");
    let extra: &[&str] = if view == View::List { &["page"] } else { &[] };
    let request = LibraryRequest::from_query_string(raw.as_deref(), extra)
        .map_err(|e| PageError::bad_request(lang, e.message(&c.tr)))?;
    let page =
        match request.extra.get("page") {
            None => 1,
            Some(raw) => raw.parse::<i64>().ok().filter(|p| (1..=MAX_PAGE).contains(p)).ok_or_else(|| {
                PageError::bad_request(lang, c.tr.t1("api-bad-query", "details", format!("page={raw}")))
            })?,
        };
    let languages = [lang.0.as_str(), "en"];
    // The map needs no list, but every city of the results.
    let (window, facet_limit) = match view {
        View::List => {
            (Window::Offset { offset: ((page - 1) * PER_PAGE) as usize, limit: PER_PAGE as usize }, FACET_LIMIT)
        }
        View::Map => (Window::Offset { offset: 0, limit: 0 }, usize::MAX),
    };
    let results = crate::library::search(&*state.store, &state.search, &request, window, &languages, facet_limit)
        .await
        .map_err(PageError::library(lang))?;

    let tr = c.tr;
    let path = view.path();
    let href = |filters: &Filters, sort: Sort, page: i64| {
        let mut query = request.query_string(filters, sort);
        if page > 1 {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(&format!("page={page}"));
        }
        if query.is_empty() { path.to_string() } else { format!("{path}?{query}") }
    };
    let in_view = |view: View| {
        let query = request.query_string(&request.filters, request.sort);
        if query.is_empty() { view.path().to_string() } else { format!("{}?{query}", view.path()) }
    };
    let facets_pending = results.facets.is_none();
    let mut all_facets: Vec<FacetCounts> = results.facets.unwrap_or_default();
    let map = (view == View::Map).then(|| {
        let cities = markers(&tr, &request, &all_facets);
        let summary = tr.t1("library-map-summary", "cities", cities.len() as i64);
        MapView { svg: crate::library::map::render(&tr.t("library-map-title"), &cities), summary, cities }
    });
    for group in &mut all_facets {
        keep_listed(group, FACET_LIMIT);
    }
    let mut active = Vec::new();
    let mut facets = Vec::new();
    for group in &all_facets {
        let facet = group.facet;
        let links: Vec<FacetLink> = group
            .values
            .iter()
            .map(|value| FacetLink {
                label: value_label(&tr, facet, &value.key, &value.label),
                count: value.count,
                href: href(&request.filters.toggled(facet, &value.key), request.sort, 1),
                selected: value.selected,
            })
            .collect();
        for link in links.iter().filter(|l| l.selected) {
            active.push(ActiveFilter {
                label: format!("{}: {}", facet_title(&tr, facet), link.label),
                remove_href: link.href.clone(),
            });
        }
        // A dimension with a single value tells nothing, unless it is selected.
        if links.len() < 2 && !links.iter().any(|l| l.selected) {
            continue;
        }
        let mut visible = links;
        let more = if visible.len() > FACET_VISIBLE { visible.split_off(FACET_VISIBLE) } else { Vec::new() };
        facets.push(FacetGroup { id: facet.param(), title: facet_title(&tr, facet), visible, more });
    }
    let clear_href = (!request.filters.is_empty() || !request.text.is_empty()).then(|| path.to_string());

    let hidden_fields: Vec<(&'static str, String)> =
        request.filters.pairs().map(|(facet, key)| (facet.param(), key.to_string())).collect();
    let sort = request.sort;
    let pager = Pager::new(&tr, page, PER_PAGE, results.total as i64, |p| href(&request.filters, sort, p));
    let sorts = [Sort::Relevance, Sort::Newest, Sort::Oldest]
        .into_iter()
        .map(|s| (s.as_str(), tr.t(&format!("sort-{}", s.as_str()))))
        .collect();
    let chosen = super::compare::chosen(headers);
    let items = results
        .hits
        .iter()
        .map(|hit| {
            let card = EntryCard::new(&tr, &hit.summary);
            let badges = badges(&tr, &card, &hit.summary.honours);
            let compare = CompareLink::new(&tr, &chosen, hit.summary.id);
            ResultItem { card, snippet: hit.snippet.clone(), badges, compare }
        })
        .collect();
    let q = request.text.clone();
    let page = LibraryPage {
        action: path,
        list_href: in_view(View::List),
        map_href: in_view(View::Map),
        map,
        intro: if q.is_empty() { tr.t("library-intro") } else { tr.t1("library-results-for", "query", q.as_str()) },
        q,
        count_line: tr.t1("library-count", "total", results.total as i64),
        // Without a choice in the URL the form offers best match first, which is also what
        // browsing without words gives (newest first).
        sort: if request.sort_given { sort.as_str() } else { Sort::Relevance.as_str() },
        sorts,
        hidden_fields,
        active,
        clear_href,
        facets,
        facets_pending,
        items,
        pager,
        c,
    };
    super::render(lang, page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{Label, ValueCount};

    fn group(values: &[(&str, u64, bool)]) -> FacetCounts {
        FacetCounts {
            facet: Facet::Country,
            values: values
                .iter()
                .map(|(key, count, selected)| ValueCount {
                    key: key.to_string(),
                    label: Label::Plain(key.to_string()),
                    count: *count,
                    selected: *selected,
                    place: None,
                })
                .collect(),
        }
    }

    fn keys(group: &FacetCounts) -> Vec<&str> {
        group.values.iter().map(|v| v.key.as_str()).collect()
    }

    #[test]
    fn the_sidebar_keeps_the_selected_and_the_most_frequent_values_in_their_order() {
        let mut countries =
            group(&[("CO", 9, false), ("FR", 1, false), ("BR", 5, false), ("KR", 0, true), ("CN", 7, false)]);
        keep_listed(&mut countries, 3);
        assert_eq!(keys(&countries), ["CO", "KR", "CN"], "the chosen one, then the two most frequent");
        let mut short = group(&[("CO", 1, false), ("FR", 1, false)]);
        keep_listed(&mut short, 3);
        assert_eq!(keys(&short), ["CO", "FR"]);
        let mut ties = group(&[("A", 2, false), ("B", 2, false), ("C", 2, false)]);
        keep_listed(&mut ties, 2);
        assert_eq!(keys(&ties), ["A", "B"], "among equals, the earlier");
    }
}
