//! Pages of the Secretariat. For now: the outbox, where every e-mail Kapok sends can be read —
//! the way to follow mail in the demo, which runs without a mail server.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::domain::Role;
use crate::storage::{OutboxMessage, PageRequest};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Viewer};
use crate::web::error::PageError;
use crate::web::views::Pager;

const PER_PAGE: i64 = 20;

struct MailLine {
    to: String,
    subject: String,
    body: String,
    status: String,
    created: String,
}

#[derive(Template)]
#[template(path = "outbox.html")]
struct OutboxPage {
    c: Chrome,
    count_line: String,
    messages: Vec<MailLine>,
    pager: Pager,
}

#[derive(Debug, Deserialize)]
pub struct PageParam {
    page: Option<i64>,
}

/// `GET /secretariat/outbox`: every e-mail, newest first, with its delivery status.
pub async fn outbox(
    State(state): State<AppState>,
    viewer: Viewer,
    params: Result<Query<PageParam>, QueryRejection>,
) -> Result<Response, PageError> {
    if let Err(refusal) = super::require_role(&viewer, Role::Secretariat) {
        return Ok(refusal.into_response());
    }
    let lang = viewer.lang;
    let c = Chrome::new(&viewer, "account");
    let page = match params {
        Ok(Query(PageParam { page: None })) => 1,
        Ok(Query(PageParam { page: Some(page @ 1..=100_000) })) => page,
        _ => return Err(PageError::bad_request(lang, c.tr.t1("api-bad-query", "details", "page"))),
    };
    let messages =
        state.store.outbox(PageRequest::new((page - 1) * PER_PAGE, PER_PAGE)).await.map_err(PageError::store(lang))?;
    let pager = Pager::new(&c.tr, page, PER_PAGE, messages.total, |p| format!("/secretariat/outbox?page={p}"));
    let format_time = |seconds: i64| {
        jiff::Timestamp::from_second(seconds).map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default()
    };
    let status = |message: &OutboxMessage| match (message.sent_at, &message.last_error) {
        (Some(sent), _) => c.tr.t1("outbox-sent", "time", format_time(sent)),
        (None, Some(error)) => c.tr.t2("outbox-retrying", ("attempts", message.attempts), ("error", error.as_str())),
        (None, None) => c.tr.t("outbox-pending"),
    };
    let lines = messages
        .items
        .iter()
        .map(|m| MailLine {
            to: m.to.clone(),
            subject: m.subject.clone(),
            body: m.body.clone(),
            status: status(m),
            created: format_time(m.created_at),
        })
        .collect();
    let page = OutboxPage { count_line: c.tr.t1("outbox-count", "total", messages.total), messages: lines, pager, c };
    Ok(super::render(lang, page)?.into_response())
}
