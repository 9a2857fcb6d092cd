//! Signing in and out, and the signed-in user's account page.
//!
//! Failed sign-ins are limited three ways: per client address (a flood), per e-mail address
//! (guessing one account's password), and by locking an existing account for a while after
//! repeated failures. An unknown address gets the same answers as a known one.

use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::auth;
use crate::storage::NewSession;
use crate::web::AppState;
use crate::web::chrome::{Chrome, SESSION_COOKIE, Viewer, local_path};
use crate::web::error::PageError;
use crate::web::forms::{
    FORM_COOKIE, check_session_post, check_visitor_post, cookie_header, visitor_token, with_cookie,
};
use crate::web::limits::{ClientIp, FAILED_SIGN_IN_PER_EMAIL, SIGN_IN_PER_ADDRESS};

/// How long a session lasts, in seconds.
pub const SESSION_SECONDS: i64 = 12 * 60 * 60;
/// Consecutive failed sign-ins after which an account is locked, and for how long.
pub const LOCK_AFTER_FAILURES: i64 = 5;
pub const LOCK_SECONDS: i64 = 15 * 60;

/// Why the sign-in form is shown again.
pub enum SignInProblem {
    Failed,
    Locked,
    Unverified,
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    c: Chrome,
    csrf: String,
    next: String,
    email: String,
    error: Option<String>,
    offer_resend: bool,
}

#[derive(Debug, Deserialize)]
pub struct NextParam {
    next: Option<String>,
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
    let (csrf, cookie) = visitor_token(&headers);
    let page = LoginPage {
        c: Chrome::new(&viewer, "account"),
        csrf,
        next: local_path(next.as_deref()),
        email: String::new(),
        error: None,
        offer_resend: false,
    };
    Ok(with_cookie(super::render(lang, page)?.into_response(), cookie))
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
    csrf: String,
    #[serde(default)]
    next: Option<String>,
}

/// `POST /login`: checks the password and starts a session.
pub async fn submit(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let Form(form) = form.map_err(PageError::form(lang))?;
    check_visitor_post(lang, &headers, &form.csrf)?;
    state
        .limiter
        .attempt(&format!("sign-in:{ip}"), SIGN_IN_PER_ADDRESS)
        .map_err(|wait| PageError::too_many(lang, wait))?;
    let email = form.email.trim().to_lowercase();
    let email_key = format!("sign-in-failures:{email}");
    let now = jiff::Timestamp::now().as_second();
    let again = |problem: SignInProblem| -> Result<Response, PageError> {
        let tr = crate::i18n::Tr::new(lang.0);
        let (status, message) = match problem {
            SignInProblem::Failed => (StatusCode::UNAUTHORIZED, tr.t("login-failed")),
            SignInProblem::Locked => {
                (StatusCode::TOO_MANY_REQUESTS, tr.t1("login-locked", "minutes", LOCK_SECONDS / 60))
            }
            SignInProblem::Unverified => (StatusCode::FORBIDDEN, tr.t("login-unverified")),
        };
        let page = LoginPage {
            c: Chrome::new(&viewer, "account"),
            csrf: form.csrf.clone(),
            next: local_path(form.next.as_deref()),
            email: form.email.clone(),
            error: Some(message),
            offer_resend: matches!(problem, SignInProblem::Unverified),
        };
        Ok((status, super::render(lang, page)?).into_response())
    };
    if state.limiter.is_blocked(&email_key, FAILED_SIGN_IN_PER_EMAIL).is_some() {
        return again(SignInProblem::Locked);
    }
    let found = state.store.credentials(&email).await.map_err(PageError::store(lang))?;
    if found.as_ref().and_then(|c| c.locked_until).is_some_and(|until| until > now) {
        return again(SignInProblem::Locked);
    }
    let password = form.password.clone();
    let hash = found.as_ref().map(|c| c.password_hash.clone()).unwrap_or_else(|| auth::decoy_hash().to_string());
    let matches = tokio::task::spawn_blocking(move || auth::verify_password(&password, &hash)).await.unwrap_or(false);
    let credentials = match found {
        Some(credentials) if matches => credentials,
        found => {
            let _ = state.limiter.attempt(&email_key, FAILED_SIGN_IN_PER_EMAIL);
            if let Some(credentials) = found {
                let locked = state
                    .store
                    .record_failed_login(credentials.user.id, LOCK_AFTER_FAILURES, now + LOCK_SECONDS)
                    .await
                    .map_err(PageError::store(lang))?;
                if locked.is_some() {
                    return again(SignInProblem::Locked);
                }
            }
            return again(SignInProblem::Failed);
        }
    };
    if !credentials.verified {
        return again(SignInProblem::Unverified);
    }
    state.store.clear_failed_logins(credentials.user.id).await.map_err(PageError::store(lang))?;
    let token = auth::new_token();
    let session = NewSession {
        token_hash: auth::token_hash(&token),
        user_id: credentials.user.id,
        csrf_token: auth::new_token(),
        created_at: now,
        expires_at: now + SESSION_SECONDS,
    };
    state.store.create_session(&session).await.map_err(PageError::store(lang))?;
    let mut response = Redirect::to(&local_path(form.next.as_deref())).into_response();
    let headers = response.headers_mut();
    headers.append(header::SET_COOKIE, cookie_header(SESSION_COOKIE, &token, SESSION_SECONDS));
    // A fresh form token for the next signed-out form, so this one cannot be replayed.
    headers.append(header::SET_COOKIE, cookie_header(FORM_COOKIE, "", 0));
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
    let token = form.map(|Form(form)| form.csrf).unwrap_or_default();
    check_session_post(lang, &headers, session, &token)?;
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
