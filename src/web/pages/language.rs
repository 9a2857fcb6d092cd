use axum::extract::{Path, Query};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::UiLang;
use crate::web::chrome::{LANG_COOKIE, Lang};
use crate::web::error::PageError;

#[derive(Debug, Deserialize)]
pub struct Next {
    next: Option<String>,
}

/// Only local paths: `/x` but not `//host` or `/\host`, which browsers treat as other sites.
fn local_path(next: Option<String>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/\\") => path,
        _ => "/".into(),
    }
}

/// `GET /language/{code}?next=/path`: remembers the language for a year and goes back.
/// A plain link, so it works without JavaScript.
pub async fn switch(lang: Lang, Path(code): Path<String>, Query(next): Query<Next>) -> Result<Response, PageError> {
    let chosen: UiLang = code.parse().map_err(|_| PageError::not_found(lang, "what-page"))?;
    let cookie = format!("{LANG_COOKIE}={chosen}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly");
    let mut response = Redirect::to(&local_path(next.next)).into_response();
    response.headers_mut().insert(header::SET_COOKIE, HeaderValue::from_str(&cookie).expect("cookie is ASCII"));
    Ok(response)
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(super::local_path(Some("/library?page=2".into())), "/library?page=2");
        for hostile in ["//evil.example", "/\\evil.example", "https://evil.example", ""] {
            assert_eq!(super::local_path(Some(hostile.into())), "/");
        }
        assert_eq!(super::local_path(None), "/");
    }
}
