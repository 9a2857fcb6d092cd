//! HTML pages: one module per page, each a thin handler that reads from the store, builds a
//! view model and renders its template (`templates/<page>.html`).

pub mod account;
pub mod applications;
pub mod assignment;
pub mod attachments;
pub mod awards;
pub mod cities;
pub mod committees;
pub mod compare;
pub mod decisions;
pub mod desk;
pub mod editions;
pub mod governments;
pub mod home;
pub mod initiatives;
pub mod jury;
pub mod language;
pub mod library;
pub mod password;
pub mod register;
pub mod reports;
pub mod review;
pub mod scores;
pub mod screening;
pub mod secretariat;
pub mod vote;
pub mod vote_desk;

use askama::Template;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::chrome::{Lang, Session, Viewer, encode_query_value};
use super::error::PageError;
use crate::domain::Role;

/// Renders a page template, mapping a template failure to a 500 page.
pub fn render(lang: Lang, page: impl Template) -> Result<Html<String>, PageError> {
    page.render().map(Html).map_err(PageError::render(lang))
}

/// Parses an id from a URL path; anything that is not one is simply not found.
pub fn parse_id(lang: Lang, raw: &str, what: &'static str) -> Result<i64, PageError> {
    raw.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(|| PageError::not_found(lang, what))
}

/// The edition a Secretariat page is about, from its URL; an unknown one is not found.
async fn edition_of(state: &super::AppState, lang: Lang, raw: &str) -> Result<crate::domain::Edition, PageError> {
    let id = crate::domain::EditionId(parse_id(lang, raw, "what-edition")?);
    state
        .store
        .edition(id)
        .await
        .map_err(PageError::store(lang))?
        .ok_or_else(|| PageError::not_found(lang, "what-edition"))
}

/// The request of a Secretariat page about one edition (`/secretariat/editions/{id}/…`): who
/// asks, their session, and the edition. Extracting it refuses what those pages refuse: a
/// signed-out visitor is sent to sign in, another role gets 403, and an unknown or malformed
/// edition id 404, in the viewer's language. A handler taking it takes no `Viewer` of its own
/// (that would look the session up twice); other path parameters it reads itself.
pub struct SecretariatEdition {
    pub viewer: Viewer,
    pub session: Session,
    pub edition: crate::domain::Edition,
}

impl FromRequestParts<super::AppState> for SecretariatEdition {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &super::AppState) -> Result<Self, Response> {
        let Ok(viewer) = Viewer::from_request_parts(parts, state).await;
        let session = require_role(&viewer, Role::Secretariat).map_err(IntoResponse::into_response)?.clone();
        let lang = viewer.lang;
        // The routes name the edition `{id}`; a path that is not UTF-8 names no edition.
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| PageError::not_found(lang, "what-edition").into_response())?;
        let raw = params.iter().find(|(name, _)| *name == "id").map_or("", |(_, value)| value);
        let edition = edition_of(state, lang, raw).await.map_err(IntoResponse::into_response)?;
        Ok(SecretariatEdition { viewer, session, edition })
    }
}

/// A form posted to a Secretariat page about one edition: what `SecretariatEdition` refuses is
/// refused first, then the body is read (within the router's body limit) and checked as
/// `PostedFields::read` checks it (origin, the session's CSRF token, strict UTF-8), each refusal
/// in the viewer's language. A handler taking it takes no `HeaderMap` or body of its own.
pub struct SecretariatPost {
    pub viewer: Viewer,
    pub session: Session,
    pub edition: crate::domain::Edition,
    pub form: super::forms::PostedFields,
}

impl SecretariatPost {
    /// Reads the form of a request whose desk (role and edition) is already checked; for
    /// extractors that read more of the path between the two, as the refusals' order requires.
    pub async fn read(desk: SecretariatEdition, request: Request, state: &super::AppState) -> Result<Self, Response> {
        let SecretariatEdition { viewer, session, edition } = desk;
        let headers = request.headers().clone();
        let body = axum::body::Bytes::from_request(request, state).await.map_err(IntoResponse::into_response)?;
        let form = super::forms::PostedFields::read(viewer.lang, &headers, &session, &body)
            .map_err(IntoResponse::into_response)?;
        Ok(SecretariatPost { viewer, session, edition, form })
    }
}

impl FromRequest<super::AppState> for SecretariatPost {
    type Rejection = Response;

    async fn from_request(request: Request, state: &super::AppState) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let desk = SecretariatEdition::from_request_parts(&mut parts, state).await?;
        Self::read(desk, Request::from_parts(parts, body), state).await
    }
}

/// The words the autosave scripts (`static/autosave.js`, `static/review-autosave.js`) show, as
/// the JSON they read from their form; `conflict` tells of a save made elsewhere.
pub fn autosave_texts(tr: &crate::i18n::Tr, conflict: String) -> serde_json::Value {
    serde_json::json!({
        "saving": tr.t("autosave-saving"),
        "saved": tr.t("autosave-saved"),
        "offline": tr.t("autosave-offline"),
        "signedOut": tr.t("autosave-signed-out"),
        "conflict": conflict,
        "keepMine": tr.t("autosave-keep-mine"),
        "useSaved": tr.t("autosave-use-saved"),
        "restored": tr.t("autosave-restored"),
    })
}

/// Why a page is not shown to the viewer: they must sign in first, or their roles do not allow it.
pub enum Refusal {
    SignIn { next: String },
    Forbidden(PageError),
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::SignIn { next } => {
                Redirect::to(&format!("/login?next={}", encode_query_value(&next))).into_response()
            }
            Refusal::Forbidden(error) => error.into_response(),
        }
    }
}

/// The session of a signed-in user with `role`; otherwise the refusal to answer with.
pub fn require_role(viewer: &Viewer, role: Role) -> Result<&Session, Refusal> {
    match &viewer.session {
        None => Err(Refusal::SignIn { next: viewer.path.clone() }),
        Some(session) if session.user.has_role(role) => Ok(session),
        Some(_) => {
            let tr = crate::i18n::Tr::new(viewer.lang.0);
            let message = tr.t1("error-role-only", "role", tr.t(&format!("role-{role}")));
            Err(Refusal::Forbidden(PageError::forbidden(viewer.lang, message)))
        }
    }
}
