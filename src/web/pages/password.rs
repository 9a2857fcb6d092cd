//! Forgotten passwords: a one-time link by e-mail (valid one hour) to choose a new one. Asking
//! answers the same whether or not the address has an account. Choosing a new password ends
//! every session of the account.

use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::register::{MailLinkForm, MessagePage, mail_link, password_problem};
use crate::auth;
use crate::domain::{EmailAddress, TokenPurpose, check_new_password};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Viewer};
use crate::web::error::PageError;
use crate::web::forms::{FieldErrors, check_visitor_post, visitor_token, with_cookie};
use crate::web::limits::ClientIp;

pub const RESET_LINK_SECONDS: i64 = 60 * 60;

#[derive(Template)]
#[template(path = "forgot.html")]
struct ForgotPage {
    c: Chrome,
    csrf: String,
}

/// `GET /password/forgot`.
pub async fn forgot_form(viewer: Viewer, headers: HeaderMap) -> Result<Response, PageError> {
    let (csrf, cookie) = visitor_token(&headers);
    let page = ForgotPage { c: Chrome::new(&viewer, "account"), csrf };
    Ok(with_cookie(super::render(viewer.lang, page)?.into_response(), cookie))
}

/// `POST /password/forgot`: sends a reset link if the address has an account.
pub async fn forgot(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    form: Result<Form<MailLinkForm>, FormRejection>,
) -> Result<Response, PageError> {
    mail_link(&state, &viewer, ip, &headers, form, TokenPurpose::ResetPassword).await
}

#[derive(Template)]
#[template(path = "reset.html")]
struct ResetPage {
    c: Chrome,
    csrf: String,
    token: String,
    errors: FieldErrors,
}

#[derive(Debug, Deserialize)]
pub struct TokenParam {
    token: String,
}

/// `GET /password/reset?token=…`: the form to choose a new password.
pub async fn reset_form(
    viewer: Viewer,
    headers: HeaderMap,
    token: Result<Query<TokenParam>, QueryRejection>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let token = token.map(|Query(t)| t.token).unwrap_or_default();
    let (csrf, cookie) = visitor_token(&headers);
    let page = ResetPage { c: Chrome::new(&viewer, "account"), csrf, token, errors: FieldErrors::default() };
    Ok(with_cookie(super::render(lang, page)?.into_response(), cookie))
}

#[derive(Debug, Deserialize)]
pub struct ResetForm {
    token: String,
    email: String,
    password: String,
    password_again: String,
    csrf: String,
}

/// `POST /password/reset`: sets the new password if the link is valid.
pub async fn reset(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    form: Result<Form<ResetForm>, FormRejection>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let Form(form) = form.map_err(PageError::form(lang))?;
    check_visitor_post(lang, &headers, &form.csrf)?;
    let tr = crate::i18n::Tr::new(lang.0);
    let mut errors = FieldErrors::default();
    let email = EmailAddress::parse(&form.email);
    if email.is_err() {
        errors.add("email", tr.t("register-email-invalid"));
    }
    if let Err(problem) = check_new_password(&form.password, email.as_ref().ok()) {
        errors.add("password", password_problem(lang, problem));
    }
    if form.password != form.password_again {
        errors.add("password_again", tr.t("password-mismatch"));
    }
    if !errors.is_empty() {
        let page = ResetPage { c: Chrome::new(&viewer, "account"), csrf: form.csrf, token: form.token, errors };
        return Ok((StatusCode::BAD_REQUEST, super::render(lang, page)?).into_response());
    }
    let password = form.password.clone();
    let password_hash = tokio::task::spawn_blocking(move || auth::hash_password(&password))
        .await
        .map_err(|_| PageError::bad_request(lang, tr.t("error-internal")))?;
    let now = jiff::Timestamp::now().as_second();
    let reset = state
        .store
        .reset_password(&auth::token_hash(&form.token), &password_hash, now)
        .await
        .map_err(PageError::store(lang))?;
    let (status, heading, text, link) = match reset {
        Some(_) => {
            (StatusCode::OK, tr.t("reset-done-title"), tr.t("reset-done"), ("/login".to_string(), tr.t("nav-sign-in")))
        }
        None => (
            StatusCode::BAD_REQUEST,
            tr.t("reset-invalid-title"),
            tr.t("reset-invalid"),
            ("/password/forgot".to_string(), tr.t("forgot-title")),
        ),
    };
    let page = MessagePage { c: Chrome::new(&viewer, "account"), heading, paragraphs: vec![text], link: Some(link) };
    Ok((status, super::render(lang, page)?).into_response())
}
