use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;

use crate::domain::{Award, AwardId};
use crate::i18n::Tr;
use crate::storage::PageRequest;
use crate::web::AppState;
use crate::web::chrome::{Chrome, Viewer};
use crate::web::error::PageError;

pub struct AwardCard {
    pub id: AwardId,
    pub name: String,
    pub description: String,
    pub counts: String,
}

impl AwardCard {
    pub fn new(tr: &Tr, award: &Award) -> Self {
        AwardCard {
            id: award.id,
            name: award.name.get(tr.lang).to_string(),
            description: award.description.get(tr.lang).to_string(),
            counts: format!(
                "{} · {}",
                tr.t1("award-edition-count", "count", award.edition_count),
                tr.t1("award-entry-count", "count", award.entry_count)
            ),
        }
    }
}

#[derive(Template)]
#[template(path = "awards.html")]
struct AwardsPage {
    c: Chrome,
    awards: Vec<AwardCard>,
}

pub async fn list(State(state): State<AppState>, viewer: Viewer) -> Result<Html<String>, PageError> {
    let lang = viewer.lang;
    let c = Chrome::new(&viewer, "awards");
    let awards = state.store.awards().await.map_err(PageError::store(lang))?;
    let awards = awards.iter().map(|a| AwardCard::new(&c.tr, a)).collect();
    super::render(lang, AwardsPage { c, awards })
}

struct EditionLine {
    id: crate::domain::EditionId,
    label: String,
    counts: String,
}

#[derive(Template)]
#[template(path = "award.html")]
struct AwardPage {
    c: Chrome,
    name: String,
    description: String,
    organisers: String,
    url: Option<String>,
    editions: Vec<EditionLine>,
}

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw_id): Path<String>,
) -> Result<Html<String>, PageError> {
    let lang = viewer.lang;
    let id = AwardId(super::parse_id(lang, &raw_id, "what-award")?);
    let award = state
        .store
        .award(id)
        .await
        .map_err(PageError::store(lang))?
        .ok_or_else(|| PageError::not_found(lang, "what-award"))?;
    let editions = state
        .store
        .editions(Some(id), PageRequest::new(0, PageRequest::MAX_LIMIT))
        .await
        .map_err(PageError::store(lang))?;
    let c = Chrome::new(&viewer, "awards");
    let editions = editions
        .items
        .iter()
        .map(|e| EditionLine {
            id: e.id,
            label: format!("{} · {}", e.year, c.tr.t1("edition-ordinal", "ordinal", e.ordinal)),
            counts: c.tr.t1("award-entry-count", "count", e.entry_count),
        })
        .collect();
    let page = AwardPage {
        name: award.name.get(lang.0).to_string(),
        description: award.description.get(lang.0).to_string(),
        organisers: c.tr.t1("award-organisers", "organisers", award.organisers.as_str()),
        url: award.url.clone(),
        editions,
        c,
    };
    super::render(lang, page)
}
