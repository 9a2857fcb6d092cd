//! What every page shares: the user's language (from the `kapok_lang` cookie, else the
//! browser's Accept-Language), the translator, and the header's language switcher.

use axum::extract::FromRequestParts;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE};
use axum::http::request::Parts;

use crate::domain::UiLang;
use crate::i18n::Tr;

pub const LANG_COOKIE: &str = "kapok_lang";

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

pub fn lang_of(parts: &Parts) -> UiLang {
    let from_cookie = parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|header| header.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANG_COOKIE)
        .and_then(|(_, value)| value.parse::<UiLang>().ok());
    from_cookie.unwrap_or_else(|| {
        let header = parts.headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
        UiLang::negotiate(header)
    })
}

/// The request path and query, to come back to after switching language.
#[derive(Debug, Clone)]
pub struct CurrentPath(pub String);

impl<S: Send + Sync> FromRequestParts<S> for CurrentPath {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(CurrentPath(parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into())))
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
}

impl Chrome {
    pub fn new(lang: Lang, path: CurrentPath, section: &'static str) -> Self {
        Chrome { tr: Tr::new(lang.0), lang: lang.0, section, path: path.0, asset_version: ASSET_VERSION }
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
