//! Protection of form posts against cross-site request forgery, and field errors.
//!
//! A post must come from this site (its `Origin`, when the browser sends one, names our host)
//! and carry a token an attacker's page cannot read: the session's token once signed in, or,
//! for the forms of signed-out visitors (sign in, register, password reset), a token that must
//! match the `kapok_csrf` cookie set when the form was shown.

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

use super::chrome::{Session, cookie};
use super::error::PageError;
use crate::auth;
use crate::web::chrome::Lang;

pub const FORM_COOKIE: &str = "kapok_csrf";
const FORM_COOKIE_SECONDS: i64 = 60 * 60;

pub fn cookie_header(name: &str, value: &str, max_age: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax"))
        .expect("cookie values are URL-safe base64")
}

/// The token for a form shown to a signed-out visitor, and the cookie to set when it is new.
pub fn visitor_token(headers: &HeaderMap) -> (String, Option<HeaderValue>) {
    match cookie(headers, FORM_COOKIE).filter(|token| token.len() == 43) {
        Some(token) => (token.to_string(), None),
        None => {
            let token = auth::new_token();
            let cookie = cookie_header(FORM_COOKIE, &token, FORM_COOKIE_SECONDS);
            (token, Some(cookie))
        }
    }
}

/// Adds the form cookie to a response, when one was made.
pub fn with_cookie(mut response: Response, cookie: Option<HeaderValue>) -> Response {
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// Whether a post comes from this site: its Origin, when sent, names our host.
pub fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    origin.split_once("://").is_some_and(|(_, rest)| rest == host)
}

/// Checks a signed-out visitor's post.
pub fn check_visitor_post(lang: Lang, headers: &HeaderMap, token: &str) -> Result<(), PageError> {
    let matches = cookie(headers, FORM_COOKIE).is_some_and(|cookie| auth::same_secret(cookie, token));
    if same_origin(headers) && matches { Ok(()) } else { Err(forged(lang)) }
}

/// Checks a signed-in user's post.
pub fn check_session_post(lang: Lang, headers: &HeaderMap, session: &Session, token: &str) -> Result<(), PageError> {
    if same_origin(headers) && auth::same_secret(&session.csrf_token, token) { Ok(()) } else { Err(forged(lang)) }
}

fn forged(lang: Lang) -> PageError {
    PageError::forbidden(lang, crate::i18n::Tr::new(lang.0).t("error-form-expired"))
}

/// Problems with the fields of a submitted form, shown together above the form, each linked
/// to its field.
#[derive(Debug, Default)]
pub struct FieldErrors(pub Vec<(&'static str, String)>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: String) {
        self.0.push((field, message));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether a field has a problem, for `aria-invalid`.
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|(f, _)| *f == field)
    }
}
