//! Errors of pages and of the JSON API, rendered in the user's language. Internal details are
//! logged, never shown.

use askama::Template;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use super::chrome::{Chrome, Lang};
use crate::domain::UiLang;
use crate::i18n::Tr;
use crate::library::LibraryError;
use crate::storage::StoreError;

#[derive(Debug)]
enum Kind {
    NotFound { what: &'static str },
    BadRequest(String),
    Forbidden(String),
    TooLarge,
    TooMany { seconds: u64 },
    Unavailable,
    IndexNotReady,
    Internal,
}

fn kind_of(error: &StoreError) -> Kind {
    match error {
        StoreError::Database(sqlx::Error::PoolTimedOut) => Kind::Unavailable,
        _ => Kind::Internal,
    }
}

/// An error page: 404 for unknown ids, 400 for malformed requests, 503 when overloaded, 500.
#[derive(Debug)]
pub struct PageError {
    lang: UiLang,
    kind: Kind,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    c: Chrome,
    heading: String,
    message: String,
}

impl PageError {
    /// `what` is a translation id such as "what-initiative".
    pub fn not_found(lang: Lang, what: &'static str) -> Self {
        PageError { lang: lang.0, kind: Kind::NotFound { what } }
    }

    pub fn bad_request(lang: Lang, message: impl Into<String>) -> Self {
        PageError { lang: lang.0, kind: Kind::BadRequest(message.into()) }
    }

    /// A form that could not be read: too large (413) or malformed (400).
    pub fn form(lang: Lang) -> impl FnOnce(axum::extract::rejection::FormRejection) -> PageError {
        move |rejection| {
            let tr = Tr::new(lang.0);
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                PageError { lang: lang.0, kind: Kind::TooLarge }
            } else {
                PageError::bad_request(lang, tr.t1("api-bad-query", "details", rejection.body_text()))
            }
        }
    }

    /// Too many attempts: 429 with Retry-After.
    pub fn too_many(lang: Lang, wait: std::time::Duration) -> Self {
        PageError { lang: lang.0, kind: Kind::TooMany { seconds: wait.as_secs().max(1) } }
    }

    /// A request body over the limit: 413.
    pub fn too_large(lang: Lang) -> Self {
        PageError { lang: lang.0, kind: Kind::TooLarge }
    }

    /// A dependency (database, file storage) failed or is overloaded: 503.
    pub fn unavailable(lang: Lang) -> Self {
        PageError { lang: lang.0, kind: Kind::Unavailable }
    }

    pub fn forbidden(lang: Lang, message: impl Into<String>) -> Self {
        PageError { lang: lang.0, kind: Kind::Forbidden(message.into()) }
    }

    pub fn store(lang: Lang) -> impl FnOnce(StoreError) -> PageError {
        move |error| {
            tracing::error!(%error, "storage failed while rendering a page");
            PageError { lang: lang.0, kind: kind_of(&error) }
        }
    }

    pub fn render(lang: Lang) -> impl FnOnce(askama::Error) -> PageError {
        move |error| {
            tracing::error!(%error, "template failed to render");
            PageError { lang: lang.0, kind: Kind::Internal }
        }
    }
}

impl PageError {
    pub fn library(lang: Lang) -> impl FnOnce(LibraryError) -> PageError {
        move |error| match error {
            LibraryError::QueryTooLong => PageError::bad_request(
                lang,
                Tr::new(lang.0).t1("search-too-long", "max", crate::search::MAX_QUERY_CHARS),
            ),
            LibraryError::IndexNotReady => PageError { lang: lang.0, kind: Kind::IndexNotReady },
            LibraryError::Store(error) => PageError::store(lang)(error),
            LibraryError::Search(error) => {
                tracing::error!(%error, "search failed");
                PageError { lang: lang.0, kind: Kind::Internal }
            }
        }
    }
}

impl PageError {
    /// The status, heading and message of the error, in the user's language.
    fn parts(&self) -> (StatusCode, String, String) {
        let tr = Tr::new(self.lang);
        match &self.kind {
            Kind::NotFound { what } => {
                (StatusCode::NOT_FOUND, tr.t("error-not-found-title"), tr.t1("error-not-found", "what", tr.t(what)))
            }
            Kind::BadRequest(message) => (StatusCode::BAD_REQUEST, tr.t("error-bad-request-title"), message.clone()),
            Kind::Forbidden(message) => (StatusCode::FORBIDDEN, tr.t("error-forbidden-title"), message.clone()),
            Kind::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, tr.t("error-bad-request-title"), tr.t("error-too-large")),
            Kind::TooMany { seconds } => (
                StatusCode::TOO_MANY_REQUESTS,
                tr.t("error-too-many-title"),
                tr.t1("error-too-many", "minutes", seconds.div_ceil(60) as i64),
            ),
            Kind::Unavailable => {
                (StatusCode::SERVICE_UNAVAILABLE, tr.t("error-unavailable-title"), tr.t("error-unavailable"))
            }
            Kind::IndexNotReady => {
                (StatusCode::SERVICE_UNAVAILABLE, tr.t("error-unavailable-title"), tr.t("search-not-ready"))
            }
            Kind::Internal => (StatusCode::INTERNAL_SERVER_ERROR, tr.t("error-internal-title"), tr.t("error-internal")),
        }
    }

    /// The error for a script (autosave): `{"message": "…"}` with the same status.
    pub fn into_json_response(self) -> Response {
        let (status, _, message) = self.parts();
        (status, Json(serde_json::json!({ "message": message }))).into_response()
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, heading, message) = self.parts();
        let page = ErrorPage { c: Chrome::anonymous(Lang(self.lang)), heading, message };
        let body = page.render().unwrap_or_else(|_| "Kapok: error".into());
        let mut response = (status, Html(body)).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
        }
        if let Kind::TooMany { seconds } = self.kind {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// An error of the JSON API: `{"error": {"status": 404, "code": "not_found", "message": "…"}}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl ApiError {
    pub fn not_found(lang: Lang, what: &'static str, id: impl std::fmt::Display) -> Self {
        let tr = Tr::new(lang.0);
        ApiError {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            message: tr.t2("api-not-found", ("what", tr.t(what)), ("id", id.to_string())),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError { status: StatusCode::BAD_REQUEST, code: "bad_request", message: message.into() }
    }

    pub fn store(lang: Lang) -> impl FnOnce(StoreError) -> ApiError {
        move |error| {
            tracing::error!(%error, "storage failed while answering the API");
            let tr = Tr::new(lang.0);
            match kind_of(&error) {
                Kind::Unavailable => ApiError {
                    status: StatusCode::SERVICE_UNAVAILABLE,
                    code: "unavailable",
                    message: tr.t("error-unavailable"),
                },
                _ => ApiError {
                    status: StatusCode::INTERNAL_SERVER_ERROR,
                    code: "internal",
                    message: tr.t("error-internal"),
                },
            }
        }
    }
}

impl ApiError {
    pub fn library(lang: Lang) -> impl FnOnce(LibraryError) -> ApiError {
        move |error| {
            let tr = Tr::new(lang.0);
            match error {
                LibraryError::QueryTooLong => {
                    ApiError::bad_request(tr.t1("search-too-long", "max", crate::search::MAX_QUERY_CHARS))
                }
                LibraryError::IndexNotReady => ApiError {
                    status: StatusCode::SERVICE_UNAVAILABLE,
                    code: "unavailable",
                    message: tr.t("search-not-ready"),
                },
                LibraryError::Store(error) => ApiError::store(lang)(error),
                LibraryError::Search(error) => {
                    tracing::error!(%error, "search failed");
                    ApiError {
                        status: StatusCode::INTERNAL_SERVER_ERROR,
                        code: "internal",
                        message: tr.t("error-internal"),
                    }
                }
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({
            "error": { "status": self.status.as_u16(), "code": self.code, "message": self.message }
        });
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
        }
        response
    }
}
