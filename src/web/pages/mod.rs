//! HTML pages: one module per page, each a thin handler that reads from the store, builds a
//! view model and renders its template (`templates/<page>.html`).

pub mod account;
pub mod awards;
pub mod cities;
pub mod editions;
pub mod home;
pub mod initiatives;
pub mod language;
pub mod library;
pub mod password;
pub mod register;
pub mod secretariat;

use askama::Template;
use axum::response::Html;

use super::chrome::Lang;
use super::error::PageError;

/// Renders a page template, mapping a template failure to a 500 page.
pub fn render(lang: Lang, page: impl Template) -> Result<Html<String>, PageError> {
    page.render().map(Html).map_err(PageError::render(lang))
}

/// Parses an id from a URL path; anything that is not one is simply not found.
pub fn parse_id(lang: Lang, raw: &str, what: &'static str) -> Result<i64, PageError> {
    raw.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(|| PageError::not_found(lang, what))
}
