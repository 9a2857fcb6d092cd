use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::UiLang;
use crate::web::chrome::{LANG_COOKIE, Lang, local_path};
use crate::web::error::PageError;

#[derive(Debug, Deserialize)]
pub struct Next {
    next: Option<String>,
}

/// `GET /language/{code}?next=/path`: remembers the language for a year and goes back.
/// A plain link, so it works without JavaScript.
pub async fn switch(
    lang: Lang,
    Path(code): Path<String>,
    next: Result<Query<Next>, QueryRejection>,
) -> Result<Response, PageError> {
    let chosen: UiLang = code.parse().map_err(|_| PageError::not_found(lang, "what-page"))?;
    let cookie = format!("{LANG_COOKIE}={chosen}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly");
    // A malformed `next` is ignored rather than refused: the worst case is landing on the home page.
    let next = next.map(|Query(next)| next.next).unwrap_or_default();
    let mut response = Redirect::to(&local_path(next.as_deref())).into_response();
    response.headers_mut().insert(header::SET_COOKIE, HeaderValue::from_str(&cookie).expect("cookie is ASCII"));
    Ok(response)
}
