use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::domain::EntryStatus;
use crate::storage::{InitiativeQuery, PageRequest};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Viewer};
use crate::web::error::PageError;
use crate::web::pages::awards::AwardCard;
use crate::web::views::EntryCard;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    c: Chrome,
    stats_line: String,
    awards: Vec<AwardCard>,
    winners: Vec<EntryCard>,
}

pub async fn show(State(state): State<AppState>, viewer: Viewer) -> Result<Html<String>, PageError> {
    let lang = viewer.lang;
    let c = Chrome::new(&viewer, "home");
    let stats = state.store.stats().await.map_err(PageError::store(lang))?;
    let awards = state.store.awards().await.map_err(PageError::store(lang))?;
    let winners_query = InitiativeQuery { min_status: Some(EntryStatus::Winner), ..Default::default() };
    let winners =
        state.store.initiatives(&winners_query, PageRequest::new(0, 10)).await.map_err(PageError::store(lang))?;
    let stats_line = c.tr.tn(
        "home-stats",
        &[
            ("initiatives", stats.initiatives.into()),
            ("cities", stats.cities.into()),
            ("countries", stats.countries.into()),
            ("awards", stats.awards.into()),
            ("editions", stats.editions.into()),
        ],
    );
    let page = HomePage {
        stats_line,
        awards: awards.iter().map(|a| AwardCard::new(&c.tr, a)).collect(),
        winners: EntryCard::list(&c.tr, &winners.items),
        c,
    };
    super::render(lang, page)
}
