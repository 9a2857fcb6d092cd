//! Registration with e-mail verification. An account can sign in once its address is
//! confirmed by the link sent to it. Registering an address that has an account already answers
//! exactly as a new registration does (so nobody learns who has an account); the owner of the
//! address gets a note instead of a link.

use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::auth;
use crate::domain::{
    EmailAddress, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS, PasswordProblem, Role, TokenPurpose, check_new_password,
};
use crate::mail::Compose;
use crate::storage::{NewEmailToken, NewUser, Registration};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang, Viewer};
use crate::web::error::PageError;
use crate::web::forms::{FieldErrors, check_visitor_post, visitor_token, with_cookie};
use crate::web::limits::{ClientIp, MAIL_LINKS_PER_ADDRESS, REGISTRATIONS_PER_ADDRESS};

/// How long a verification link works.
pub const VERIFY_LINK_SECONDS: i64 = 24 * 60 * 60;
const MAX_NAME_CHARS: usize = 100;

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterPage {
    c: Chrome,
    csrf: String,
    name: String,
    email: String,
    errors: FieldErrors,
    password_hint: String,
}

fn register_page(viewer: &Viewer, csrf: String, name: String, email: String, errors: FieldErrors) -> RegisterPage {
    let c = Chrome::new(viewer, "account");
    let password_hint = c.tr.t1("register-password-hint", "min", PASSWORD_MIN_CHARS);
    RegisterPage { c, csrf, name, email, errors, password_hint }
}

/// `GET /register`.
pub async fn form(viewer: Viewer, headers: HeaderMap) -> Result<Response, PageError> {
    let (csrf, cookie) = visitor_token(&headers);
    let page = register_page(&viewer, csrf, String::new(), String::new(), FieldErrors::default());
    Ok(with_cookie(super::render(viewer.lang, page)?.into_response(), cookie))
}

#[derive(Debug, Deserialize)]
pub struct RegisterForm {
    name: String,
    email: String,
    password: String,
    password_again: String,
    csrf: String,
}

#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub c: Chrome,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub link: Option<(String, String)>,
}

pub fn password_problem(lang: Lang, problem: PasswordProblem) -> String {
    let tr = crate::i18n::Tr::new(lang.0);
    match problem {
        PasswordProblem::TooShort => tr.t1("password-too-short", "min", PASSWORD_MIN_CHARS),
        PasswordProblem::TooLong => tr.t1("password-too-long", "max", PASSWORD_MAX_CHARS),
        PasswordProblem::SameAsEmail => tr.t("password-same-as-email"),
    }
}

/// `POST /register`: creates the account and sends the verification link.
pub async fn submit(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    form: Result<Form<RegisterForm>, FormRejection>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let Form(form) = form.map_err(PageError::form(lang))?;
    check_visitor_post(lang, &headers, &form.csrf)?;
    let tr = crate::i18n::Tr::new(lang.0);
    let mut errors = FieldErrors::default();
    let name = form.name.trim().to_string();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        errors.add("name", tr.t1("register-name-invalid", "max", MAX_NAME_CHARS));
    }
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
    let (Ok(email), true) = (email, errors.is_empty()) else {
        let page = register_page(&viewer, form.csrf, form.name, form.email, errors);
        return Ok((axum::http::StatusCode::BAD_REQUEST, super::render(lang, page)?).into_response());
    };
    state
        .limiter
        .attempt(&format!("register:{ip}"), REGISTRATIONS_PER_ADDRESS)
        .map_err(|wait| PageError::too_many(lang, wait))?;

    let password = form.password.clone();
    let password_hash = tokio::task::spawn_blocking(move || auth::hash_password(&password))
        .await
        .map_err(|_| PageError::bad_request(lang, tr.t("error-internal")))?;
    let token = auth::new_token();
    let now = jiff::Timestamp::now().as_second();
    let link = state.link(&format!("/verify?token={token}"));
    let user = NewUser {
        email: email.to_string(),
        display_name: name.clone(),
        password_hash,
        locale: lang.0.to_string(),
        roles: vec![Role::Applicant],
        verified: false,
    };
    let email_token = NewEmailToken {
        token_hash: auth::token_hash(&token),
        purpose: TokenPurpose::VerifyEmail,
        created_at: now,
        expires_at: now + VERIFY_LINK_SECONDS,
    };
    let compose = Compose::new(lang.0);
    let mail = compose.verify_address(email.as_str(), &name, &link);
    match state.store.register(&user, &email_token, &mail).await.map_err(PageError::store(lang))? {
        Registration::Created(_) => {}
        Registration::EmailTaken(existing) => {
            let owner_lang = existing.locale.parse().unwrap_or(lang.0);
            let note = Compose::new(owner_lang).already_registered(
                email.as_str(),
                &existing.display_name,
                &state.link("/password/forgot"),
            );
            state.store.enqueue_mail(&note).await.map_err(PageError::store(lang))?;
        }
    }
    state.mail_wakeup.notify_one();
    let page = MessagePage {
        c: Chrome::new(&viewer, "account"),
        heading: tr.t("register-check-mail-title"),
        paragraphs: vec![tr.t1("register-check-mail", "email", email.as_str()), tr.t("register-check-mail-later")],
        link: None,
    };
    Ok(super::render(lang, page)?.into_response())
}

#[derive(Debug, Deserialize)]
pub struct TokenParam {
    token: String,
}

/// `GET /verify?token=…`: confirms the address.
pub async fn verify(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    token: Result<Query<TokenParam>, QueryRejection>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let now = jiff::Timestamp::now().as_second();
    let verified = match token {
        Ok(Query(TokenParam { token })) => {
            state.store.verify_email(&auth::token_hash(&token), now).await.map_err(PageError::store(lang))?.is_some()
        }
        Err(_) => false,
    };
    if verified {
        let page = MessagePage {
            c: Chrome::new(&viewer, "account"),
            heading: tr.t("verify-done-title"),
            paragraphs: vec![tr.t("verify-done")],
            link: Some(("/login".into(), tr.t("nav-sign-in"))),
        };
        return Ok(super::render(lang, page)?.into_response());
    }
    let (csrf, cookie) = visitor_token(&headers);
    let page = ResendPage { c: Chrome::new(&viewer, "account"), csrf, message: tr.t("verify-invalid") };
    Ok(with_cookie((axum::http::StatusCode::BAD_REQUEST, super::render(lang, page)?).into_response(), cookie))
}

#[derive(Template)]
#[template(path = "resend.html")]
struct ResendPage {
    c: Chrome,
    csrf: String,
    message: String,
}

/// A form asking for a one-time link by e-mail: the address, and the visitor's form token.
#[derive(Debug, Deserialize)]
pub struct MailLinkForm {
    email: String,
    csrf: String,
}

/// `POST /verify/resend`: a new verification link for an unverified account. The answer is
/// the same whether or not the address has an account.
pub async fn resend(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    form: Result<Form<MailLinkForm>, FormRejection>,
) -> Result<Response, PageError> {
    mail_link(&state, &viewer, ip, &headers, form, TokenPurpose::VerifyEmail).await
}

/// What asking for a link by e-mail does (a new verification link, or a password reset): if the
/// address has an account that needs it, a fresh one-time link mailed in the account's language;
/// the same page whether or not it has, so nobody learns who has an account.
pub async fn mail_link(
    state: &AppState,
    viewer: &Viewer,
    ip: std::net::IpAddr,
    headers: &HeaderMap,
    form: Result<Form<MailLinkForm>, FormRejection>,
    purpose: TokenPurpose,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let Form(form) = form.map_err(PageError::form(lang))?;
    check_visitor_post(lang, headers, &form.csrf)?;
    state
        .limiter
        .attempt(&format!("mail-link:{ip}"), MAIL_LINKS_PER_ADDRESS)
        .map_err(|wait| PageError::too_many(lang, wait))?;
    let (path, lifetime, sent) = match purpose {
        TokenPurpose::VerifyEmail => ("/verify", VERIFY_LINK_SECONDS, "resend-sent"),
        TokenPurpose::ResetPassword => ("/password/reset", super::password::RESET_LINK_SECONDS, "forgot-sent"),
    };
    if let Ok(email) = EmailAddress::parse(&form.email)
        && let Some(credentials) = state.store.credentials(email.as_str()).await.map_err(PageError::store(lang))?
        && (purpose == TokenPurpose::ResetPassword || !credentials.verified)
    {
        let token = auth::new_token();
        let now = jiff::Timestamp::now().as_second();
        let compose = Compose::new(credentials.user.locale.parse().unwrap_or(lang.0));
        let (to, name, link) =
            (email.as_str(), &credentials.user.display_name, state.link(&format!("{path}?token={token}")));
        let mail = match purpose {
            TokenPurpose::VerifyEmail => compose.verify_address(to, name, &link),
            TokenPurpose::ResetPassword => compose.reset_password(to, name, &link),
        };
        let email_token = NewEmailToken {
            token_hash: auth::token_hash(&token),
            purpose,
            created_at: now,
            expires_at: now + lifetime,
        };
        state
            .store
            .issue_email_token(credentials.user.id, &email_token, &mail)
            .await
            .map_err(PageError::store(lang))?;
        state.mail_wakeup.notify_one();
    }
    let tr = crate::i18n::Tr::new(lang.0);
    let page = MessagePage {
        c: Chrome::new(viewer, "account"),
        heading: tr.t("register-check-mail-title"),
        paragraphs: vec![tr.t(sent)],
        link: None,
    };
    Ok(super::render(lang, page)?.into_response())
}
