//! Comparing up to three initiatives side by side, section by section
//! (`/library/compare?id=…&id=…`). The choice lives in the URL; the page also remembers it in a
//! cookie so that the library and the case pages can offer "add to comparison" links that
//! extend it — plain links, no JavaScript. An add link (`/library/compare?add=…`) names only the
//! initiative to add: the server adds it to the choice in the cookie and redirects to the
//! comparison, so a page shown again by the Back button, rendered before the last addition,
//! still adds to the current choice instead of replacing it.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::domain::{Initiative, InitiativeId, LangCode, Section};
use crate::i18n::Tr;
use crate::web::AppState;
use crate::web::chrome::{Chrome, Viewer, cookie};
use crate::web::error::PageError;
use crate::web::views::{honour_label, paragraphs, sdg_label};

/// The most initiatives compared at once.
pub const MAX_COMPARED: usize = 3;
const COOKIE: &str = "kapok_compare";

/// The initiatives the viewer chose last (from the cookie), at most three.
pub fn chosen(headers: &HeaderMap) -> Vec<InitiativeId> {
    let mut ids = Vec::new();
    for part in cookie(headers, COOKIE).unwrap_or("").split('.') {
        if let Some(id) = part.parse::<i64>().ok().filter(|id| *id > 0).map(InitiativeId)
            && !ids.contains(&id)
            && ids.len() < MAX_COMPARED
        {
            ids.push(id);
        }
    }
    ids
}

/// The comparison of `ids`.
pub fn href(ids: &[InitiativeId]) -> String {
    if ids.is_empty() {
        return "/library/compare".into();
    }
    let query: Vec<String> = ids.iter().map(|id| format!("id={id}")).collect();
    format!("/library/compare?{}", query.join("&"))
}

/// The link an initiative's "add to comparison" offers: the request that adds it to the
/// viewer's choice, or, when it is in already, the comparison as it is. The flag says which.
pub fn add_link(chosen: &[InitiativeId], id: InitiativeId) -> (String, bool) {
    if chosen.contains(&id) {
        return (href(chosen), true);
    }
    (format!("/library/compare?add={id}"), false)
}

/// An "add to comparison" link, ready to render.
pub struct CompareLink {
    pub href: String,
    pub label: String,
    pub added: bool,
}

impl CompareLink {
    pub fn new(tr: &Tr, chosen: &[InitiativeId], id: InitiativeId) -> Self {
        let (href, added) = add_link(chosen, id);
        let label = if added { tr.t1("compare-in", "count", chosen.len() as i64) } else { tr.t("compare-add") };
        CompareLink { href, label, added }
    }
}

/// One compared initiative: its column header.
struct Column {
    id: InitiativeId,
    title: Option<String>,
    remove_href: String,
}

/// A row of the table: what it is about, and each initiative's cell.
struct Row {
    heading: String,
    cells: Vec<Cell>,
}

struct Cell {
    /// The language of the cell's text, when it is the initiative's own.
    lang: Option<String>,
    paragraphs: Vec<String>,
}

/// An id that cannot be compared, with the link that drops it.
struct Problem {
    message: String,
    remove_href: String,
}

#[derive(Template)]
#[template(path = "compare.html")]
struct ComparePage {
    c: Chrome,
    error: Option<String>,
    problems: Vec<Problem>,
    columns: Vec<Column>,
    rows: Vec<Row>,
}

fn without(ids: &[InitiativeId], drop: InitiativeId) -> String {
    let rest: Vec<InitiativeId> = ids.iter().copied().filter(|id| *id != drop).collect();
    href(&rest)
}

/// `GET /library/compare?id=…`: up to three initiatives side by side. `?add=…` adds to the
/// choice remembered in the cookie and redirects to the comparison of them all.
pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let c = Chrome::new(&viewer, "library");
    let tr = Tr::new(lang.0);
    let params: Vec<(String, String)> =
        form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes()).into_owned().collect();
    let adding = params.iter().any(|(name, _)| name == "add");
    let mut ids: Vec<InitiativeId> = if adding { chosen(&headers) } else { Vec::new() };
    for (name, value) in params {
        if name != "id" && name != "add" {
            return Err(PageError::bad_request(lang, tr.t1("api-bad-query", "details", format!("{name}={value}"))));
        }
        let id = value
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .map(InitiativeId)
            .ok_or_else(|| PageError::bad_request(lang, tr.t1("compare-bad-id", "id", value.to_string())))?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if adding {
        // More than three are not refused here: the comparison lists them to choose from.
        return Ok(Redirect::to(&href(&ids)).into_response());
    }
    if ids.len() > MAX_COMPARED {
        // A handful is listed to choose from; a URL with dozens is simply refused.
        let problems = ids
            .iter()
            .take(if ids.len() <= 10 { ids.len() } else { 0 })
            .map(|id| Problem { message: tr.t1("compare-initiative", "id", id.0), remove_href: without(&ids, *id) })
            .collect();
        let error = tr.t2("compare-too-many", ("max", MAX_COMPARED as i64), ("count", ids.len() as i64));
        let page = ComparePage { c, error: Some(error), problems, columns: Vec::new(), rows: Vec::new() };
        return respond(lang, StatusCode::BAD_REQUEST, page, None);
    }
    let mut initiatives: Vec<Initiative> = Vec::with_capacity(ids.len());
    let mut problems = Vec::new();
    for id in &ids {
        let found = state.store.initiative(*id).await.map_err(PageError::store(lang))?;
        match found.filter(super::initiatives::is_public) {
            Some(mut initiative) => {
                initiative.entries.retain(|e| e.status.is_published());
                initiatives.push(initiative);
            }
            None => problems
                .push(Problem { message: tr.t1("compare-unknown", "id", id.0), remove_href: without(&ids, *id) }),
        }
    }
    if !problems.is_empty() {
        let error = tr.t("compare-unknown-title");
        let page = ComparePage { c, error: Some(error), problems, columns: Vec::new(), rows: Vec::new() };
        return respond(lang, StatusCode::NOT_FOUND, page, None);
    }
    let columns = initiatives
        .iter()
        .map(|i| Column { id: i.id, title: i.title(lang.0).map(str::to_string), remove_href: without(&ids, i.id) })
        .collect();
    let rows = rows(&tr, &initiatives);
    let page = ComparePage { c, error: None, problems: Vec::new(), columns, rows };
    respond(lang, StatusCode::OK, page, Some(&ids))
}

fn respond(
    lang: crate::web::chrome::Lang,
    status: StatusCode,
    page: ComparePage,
    remember: Option<&[InitiativeId]>,
) -> Result<Response, PageError> {
    let html = super::render(lang, page)?;
    let mut response = (status, html).into_response();
    if let Some(ids) = remember {
        let value: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
        // Only a list of public ids: a preference, like the language.
        let cookie = if ids.is_empty() {
            format!("{COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly")
        } else {
            format!("{COOKIE}={}; Path=/; Max-Age=2592000; SameSite=Lax; HttpOnly", value.join("."))
        };
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    Ok(response)
}

/// The rows of the comparison: the facts, then each section of the write-up; a row that no
/// initiative fills is left out.
fn rows(tr: &Tr, initiatives: &[Initiative]) -> Vec<Row> {
    let ui: LangCode = tr.lang.into();
    let plain = |text: String| Cell { lang: None, paragraphs: if text.is_empty() { Vec::new() } else { vec![text] } };
    let list = |items: Vec<String>| Cell { lang: None, paragraphs: items };
    let mut rows = vec![
        Row {
            heading: tr.t("initiative-governments"),
            cells: initiatives
                .iter()
                .map(|i| {
                    list(
                        i.cities
                            .iter()
                            .map(|city| {
                                let name = match (&city.name_zh, tr.lang) {
                                    (Some(zh), crate::domain::UiLang::Zh) => zh.clone(),
                                    _ => city.name.clone(),
                                };
                                format!("{name} ({})", city.country_name.get(tr.lang))
                            })
                            .collect(),
                    )
                })
                .collect(),
        },
        Row {
            heading: tr.t("city-level"),
            cells: initiatives.iter().map(|i| plain(tr.t(&format!("level-{}", i.level)))).collect(),
        },
        Row {
            heading: tr.t("initiative-awards"),
            cells: initiatives
                .iter()
                .map(|i| {
                    list(
                        i.entries
                            .iter()
                            .map(|entry| {
                                let mut line = format!(
                                    "{}: {}",
                                    tr.t2(
                                        "initiative-in-edition",
                                        ("award", entry.award_name.get(tr.lang)),
                                        ("year", entry.edition_year)
                                    ),
                                    tr.t(&format!("status-{}", entry.status))
                                );
                                for honour in &entry.honours {
                                    line.push_str(&format!("; {}", honour_label(tr, honour.kind)));
                                }
                                line
                            })
                            .collect(),
                    )
                })
                .collect(),
        },
        Row {
            heading: tr.t("initiative-period"),
            cells: initiatives
                .iter()
                .map(|i| {
                    plain(match (i.started_year, i.ended_year) {
                        (Some(start), Some(end)) if start == end => start.to_string(),
                        (Some(start), Some(end)) => format!("{start}–{end}"),
                        (Some(start), None) => tr.t1("initiative-ongoing", "start", start),
                        (None, Some(end)) => end.to_string(),
                        (None, None) => String::new(),
                    })
                })
                .collect(),
        },
        Row {
            heading: tr.t("initiative-themes"),
            cells: initiatives
                .iter()
                .map(|i| {
                    let mut themes: Vec<String> = Vec::new();
                    for theme in i.entries.iter().flat_map(|e| &e.themes) {
                        let name = theme.name.get(tr.lang).to_string();
                        if !themes.contains(&name) {
                            themes.push(name);
                        }
                    }
                    list(themes)
                })
                .collect(),
        },
        Row {
            heading: tr.t("initiative-sdgs"),
            cells: initiatives
                .iter()
                .map(|i| list(i.sdgs.iter().map(|sdg| format!("{} · {}", sdg.number(), sdg_label(tr, *sdg))).collect()))
                .collect(),
        },
    ];
    for section in Section::ALL {
        rows.push(Row {
            heading: tr.t(&format!("section-{section}")),
            cells: initiatives
                .iter()
                .map(|i| match i.text(ui) {
                    Some((lang, text)) => Cell {
                        lang: Some(lang.to_string()),
                        paragraphs: text.section(*section).map(paragraphs).unwrap_or_default(),
                    },
                    None => Cell { lang: None, paragraphs: Vec::new() },
                })
                .collect(),
        });
    }
    rows.push(Row {
        heading: tr.t("initiative-partners"),
        cells: initiatives.iter().map(|i| list(i.partners.iter().map(|p| p.name.clone()).collect())).collect(),
    });
    rows.retain(|row| row.cells.iter().any(|cell| !cell.paragraphs.is_empty()));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chosen_initiatives_come_from_the_cookie_at_most_three() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("kapok_lang=fr; kapok_compare=4.x.4.-2.9.12.13"));
        assert_eq!(chosen(&headers), [InitiativeId(4), InitiativeId(9), InitiativeId(12)]);
        assert!(chosen(&HeaderMap::new()).is_empty());
    }

    #[test]
    fn add_links_extend_the_comparison_once() {
        let chosen = [InitiativeId(4), InitiativeId(9)];
        assert_eq!(add_link(&chosen, InitiativeId(7)), ("/library/compare?add=7".into(), false));
        assert_eq!(add_link(&chosen, InitiativeId(9)), ("/library/compare?id=4&id=9".into(), true));
        assert_eq!(add_link(&[], InitiativeId(1)), ("/library/compare?add=1".into(), false));
        assert_eq!(without(&chosen, InitiativeId(4)), "/library/compare?id=9");
        assert_eq!(without(&chosen[..1], InitiativeId(4)), "/library/compare");
    }
}
