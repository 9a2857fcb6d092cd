//! What every page shares: the user's language (from the `kapok_lang` cookie, else the
//! browser's Accept-Language), the signed-in user (from the `kapok_session` cookie), the
//! translator, and the header's language switcher and account links.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE};
use axum::http::request::Parts;

use crate::auth;
use crate::domain::{UiLang, User};
use crate::i18n::Tr;

use super::AppState;

pub const LANG_COOKIE: &str = "kapok_lang";
pub const SESSION_COOKIE: &str = "kapok_session";

/// Changes whenever the embedded CSS or scripts change, so browsers may cache them for long.
pub const ASSET_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The request's UI language.
#[derive(Debug, Clone, Copy)]
pub struct Lang(pub UiLang);

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Lang(lang_of(parts)))
    }
}

/// The value of a request cookie.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|header| header.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(cookie, _)| *cookie == name)
        .map(|(_, value)| value)
}

pub fn lang_of(parts: &Parts) -> UiLang {
    let from_cookie = cookie(&parts.headers, LANG_COOKIE).and_then(|value| value.parse::<UiLang>().ok());
    from_cookie.unwrap_or_else(|| {
        let header = parts.headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
        UiLang::negotiate(header)
    })
}

/// A signed-in user's session.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub csrf_token: String,
    pub token_hash: String,
}

/// Who is asking: their language, the page they are on, and their session if signed in.
/// Looking up the session costs a query only when a session cookie is present.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub lang: Lang,
    pub path: String,
    pub session: Option<Session>,
}

impl Viewer {
    pub fn user(&self) -> Option<&User> {
        self.session.as_ref().map(|s| &s.user)
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let path = parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into());
        let session = match cookie(&parts.headers, SESSION_COOKIE) {
            Some(token) => {
                let token_hash = auth::token_hash(token);
                match state.store.session(&token_hash, jiff::Timestamp::now().as_second()).await {
                    Ok(found) => found.map(|(user, csrf_token)| Session { user, csrf_token, token_hash }),
                    Err(error) => {
                        tracing::error!(%error, "session lookup failed; serving as signed out");
                        None
                    }
                }
            }
            None => None,
        };
        Ok(Viewer { lang: Lang(lang_of(parts)), path, session })
    }
}

pub struct LanguageOption {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

/// The parts of a page that the layout (`base.html`) renders.
pub struct Chrome {
    pub tr: Tr,
    pub lang: UiLang,
    /// Which top-level section is current, for `aria-current` in the navigation.
    pub section: &'static str,
    pub path: String,
    pub asset_version: &'static str,
    /// The signed-in user's name, and the token their forms must carry.
    pub user_name: Option<String>,
    pub csrf_token: Option<String>,
    /// Links to the signed-in user's work, by role: (href, label).
    pub work_links: Vec<(&'static str, String)>,
}

impl Chrome {
    pub fn new(viewer: &Viewer, section: &'static str) -> Self {
        Chrome {
            tr: Tr::new(viewer.lang.0),
            lang: viewer.lang.0,
            section,
            path: viewer.path.clone(),
            asset_version: ASSET_VERSION,
            user_name: viewer.session.as_ref().map(|s| s.user.display_name.clone()),
            csrf_token: viewer.session.as_ref().map(|s| s.csrf_token.clone()),
            work_links: work_links(viewer),
        }
    }

    /// For pages rendered without a request context (error pages).
    pub fn anonymous(lang: Lang) -> Self {
        Chrome::new(&Viewer { lang, path: "/".into(), session: None }, "")
    }

    /// The sign-in link, coming back here afterwards.
    pub fn sign_in_href(&self) -> String {
        match self.path.as_str() {
            "/" | "/login" => "/login".into(),
            path => format!("/login?next={}", encode_query_value(path)),
        }
    }

    pub fn html_lang(&self) -> &'static str {
        match self.lang {
            UiLang::Zh => "zh-Hans",
            other => other.as_str(),
        }
    }

    pub fn languages(&self) -> Vec<LanguageOption> {
        let next = encode_query_value(&self.path);
        UiLang::ALL
            .iter()
            .map(|lang| LanguageOption {
                code: lang.as_str(),
                name: lang.endonym(),
                href: format!("/language/{}?next={next}", lang.as_str()),
                current: *lang == self.lang,
            })
            .collect()
    }
}

fn work_links(viewer: &Viewer) -> Vec<(&'static str, String)> {
    let Some(user) = viewer.user() else { return Vec::new() };
    let tr = Tr::new(viewer.lang.0);
    let mut links = Vec::new();
    if user.has_role(crate::domain::Role::Applicant) {
        links.push(("/applications", tr.t("apps-title")));
    }
    if user.has_role(crate::domain::Role::TechnicalCommittee) || user.has_role(crate::domain::Role::Jury) {
        links.push(("/review", tr.t("review-title")));
    }
    if user.has_role(crate::domain::Role::Jury) {
        links.push(("/jury", tr.t("jury-title")));
    }
    if user.has_role(crate::domain::Role::Secretariat) {
        links.push(("/secretariat/applications", tr.t("desk-title")));
        links.push(("/secretariat/claims", tr.t("claims-title")));
        links.push(("/secretariat/votes", tr.t("vote-desk-title")));
        links.push(("/secretariat/outbox", tr.t("outbox-title")));
    }
    links
}

/// Only local paths: `/x` but not `//host` or `/\host`, which browsers treat as other sites.
pub fn local_path(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/\\") => path.to_string(),
        _ => "/".into(),
    }
}

/// Percent-encodes a value for use inside a query string.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(super::local_path(Some("/library?page=2")), "/library?page=2");
        for hostile in ["//evil.example", "/\\evil.example", "https://evil.example", ""] {
            assert_eq!(super::local_path(Some(hostile)), "/");
        }
        assert_eq!(super::local_path(None), "/");
    }
}
