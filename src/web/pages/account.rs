//! Signing in and out, and the signed-in user's account page.
//!
//! Forms are protected against cross-site request forgery twice: the request's `Origin` (when
//! the browser sends one) must be this site, and the form must carry a token that an attacker's
//! page cannot read — the session's token once signed in, or before that a token that must
//! match the `kapok_csrf` cookie set with the sign-in form.

use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::auth;
use crate::storage::NewSession;
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang, SESSION_COOKIE, Viewer, cookie, local_path};
use crate::web::error::PageError;

/// How long a session lasts, in seconds.
pub const SESSION_SECONDS: i64 = 12 * 60 * 60;
const LOGIN_CSRF_COOKIE: &str = "kapok_csrf";

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    c: Chrome,
    csrf: String,
    next: String,
    email: String,
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct NextParam {
    next: Option<String>,
}

fn cookie_header(name: &str, value: &str, max_age: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax"))
        .expect("cookie values are URL-safe base64")
}

/// `GET /login`: the sign-in form.
pub async fn form(
    viewer: Viewer,
    headers: HeaderMap,
    next: Result<Query<NextParam>, QueryRejection>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    // A malformed `next` is ignored rather than refused: the worst case is landing on the home page.
    let next = next.map(|Query(next)| next.next).unwrap_or_default();
    let existing = cookie(&headers, LOGIN_CSRF_COOKIE).filter(|token| token.len() == 43).map(str::to_string);
    let csrf = existing.clone().unwrap_or_else(auth::new_token);
    let page = LoginPage {
        c: Chrome::new(&viewer, "account"),
        csrf: csrf.clone(),
        next: local_path(next.as_deref()),
        email: String::new(),
        error: None,
    };
    let mut response = super::render(lang, page)?.into_response();
    if existing.is_none() {
        response.headers_mut().insert(header::SET_COOKIE, cookie_header(LOGIN_CSRF_COOKIE, &csrf, 60 * 60));
    }
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
    csrf: String,
    #[serde(default)]
    next: Option<String>,
}

/// Whether a form post comes from this site: its Origin, when sent, names our host.
pub fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    origin.split_once("://").is_some_and(|(_, rest)| rest == host)
}

fn forged(lang: Lang) -> PageError {
    PageError::forbidden(lang, crate::i18n::Tr::new(lang.0).t("error-form-expired"))
}

/// `POST /login`: checks the password and starts a session.
pub async fn submit(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let Form(form) = form.map_err(PageError::form(lang))?;
    let token_matches = cookie(&headers, LOGIN_CSRF_COOKIE).is_some_and(|token| auth::same_secret(token, &form.csrf));
    if !same_origin(&headers) || !token_matches {
        return Err(forged(lang));
    }
    let email = form.email.trim().to_lowercase();
    let found = state.store.user_by_email(&email).await.map_err(PageError::store(lang))?;
    let password = form.password.clone();
    let hash = found.as_ref().map(|(_, hash)| hash.clone()).unwrap_or_else(|| auth::decoy_hash().to_string());
    let verified = tokio::task::spawn_blocking(move || auth::verify_password(&password, &hash)).await.unwrap_or(false);
    let Some((user, _)) = found.filter(|_| verified) else {
        let page = LoginPage {
            c: Chrome::new(&viewer, "account"),
            csrf: form.csrf,
            next: local_path(form.next.as_deref()),
            email: form.email,
            error: Some(tr.t("login-failed")),
        };
        let body = super::render(lang, page)?;
        return Ok((StatusCode::UNAUTHORIZED, body).into_response());
    };
    let token = auth::new_token();
    let now = jiff::Timestamp::now().as_second();
    let session = NewSession {
        token_hash: auth::token_hash(&token),
        user_id: user.id,
        csrf_token: auth::new_token(),
        created_at: now,
        expires_at: now + SESSION_SECONDS,
    };
    state.store.create_session(&session).await.map_err(PageError::store(lang))?;
    let mut response = Redirect::to(&local_path(form.next.as_deref())).into_response();
    let headers = response.headers_mut();
    headers.append(header::SET_COOKIE, cookie_header(SESSION_COOKIE, &token, SESSION_SECONDS));
    headers.append(header::SET_COOKIE, cookie_header(LOGIN_CSRF_COOKIE, "", 0));
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct LogoutForm {
    csrf: String,
}

/// `POST /logout`: ends the session.
pub async fn logout(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    form: Result<Form<LogoutForm>, FormRejection>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let Some(session) = &viewer.session else {
        return Ok(Redirect::to("/").into_response());
    };
    let valid = form.is_ok_and(|Form(form)| auth::same_secret(&form.csrf, &session.csrf_token));
    if !same_origin(&headers) || !valid {
        return Err(forged(lang));
    }
    state.store.delete_session(&session.token_hash).await.map_err(PageError::store(lang))?;
    let mut response = Redirect::to("/").into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie_header(SESSION_COOKIE, "", 0));
    Ok(response)
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    c: Chrome,
    name: String,
    email: String,
    roles: Vec<String>,
}

/// `GET /account`: who is signed in, with which roles. Signed-out visitors are sent to sign in.
pub async fn show(viewer: Viewer) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let Some(user) = viewer.user().cloned() else {
        return Ok(Redirect::to("/login?next=/account").into_response());
    };
    let c = Chrome::new(&viewer, "account");
    let roles = user.roles.iter().map(|grant| c.tr.t(&format!("role-{}", grant.role))).collect();
    let page = AccountPage { name: user.display_name, email: user.email, roles, c };
    Ok(super::render(lang, page)?.into_response())
}
