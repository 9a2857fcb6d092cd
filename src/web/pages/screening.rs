//! Screening, for the Secretariat: every entry of an edition with its screening, filters, and
//! one decision for the entries ticked (valid, or not valid with reasons from the edition's
//! checklist). Each decision is logged in the audit trail; the applicant sees the outcome.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{SecretariatEdition, SecretariatPost};
use crate::domain::{EditionId, EntryId};
use crate::evaluation::screening::{ChecklistItem, Screening, ScreeningOutcome};
use crate::storage::evaluation::{ScreenError, ScreeningRow};
use crate::web::AppState;
use crate::web::chrome::Chrome;
use crate::web::error::PageError;

/// The reasons of a screening in the reader's language, with its note.
pub fn explain(c: &Chrome, checklist: &[ChecklistItem], screening: &Screening) -> String {
    let reasons: Vec<&str> = screening
        .reasons
        .iter()
        .map(|id| checklist.iter().find(|item| &item.id == id).map(|item| item.text.get(c.lang)).unwrap_or(id))
        .collect();
    let mut text = c.tr.t(&format!("screening-outcome-{}", screening.outcome));
    if !reasons.is_empty() {
        text = format!("{text}: {}", reasons.join("; "));
    }
    if !screening.note.is_empty() {
        text = format!("{text} — {}", screening.note);
    }
    text
}

struct Line {
    row: ScreeningRow,
    status: String,
    screening: String,
}

struct Reason {
    id: String,
    text: String,
}

#[derive(Template)]
#[template(path = "screening.html")]
struct ScreeningPage {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    show: &'static str,
    lines: Vec<Line>,
    counts: String,
    reasons: Vec<Reason>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    show: Option<String>,
}

/// `GET /secretariat/editions/{id}/screening?show=pending|valid|not_valid|all`
pub async fn show(
    State(state): State<AppState>,
    SecretariatEdition { viewer, edition, .. }: SecretariatEdition,
    filter: Result<Query<Filter>, QueryRejection>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let asked = filter.map(|Query(f)| f.show.unwrap_or_default()).unwrap_or_default();
    let show = ["valid", "not_valid", "all"].into_iter().find(|s| *s == asked).unwrap_or("pending");
    let rows = state.store.screening_list(edition.summary.id).await.map_err(PageError::store(lang))?;
    let c = Chrome::new(&viewer, "account");
    let checklist = &edition.application.screening_checklist;
    let count = |outcome: Option<ScreeningOutcome>| {
        rows.iter().filter(|r| r.screening.as_ref().map(|s| s.outcome) == outcome).count()
    };
    let counts = c.tr.tn(
        "screening-counts",
        &[
            ("pending", (count(None) as i64).into()),
            ("valid", (count(Some(ScreeningOutcome::Valid)) as i64).into()),
            ("not_valid", (count(Some(ScreeningOutcome::NotValid)) as i64).into()),
        ],
    );
    let lines = rows
        .into_iter()
        .filter(|r| match (show, &r.screening) {
            ("all", _) => true,
            ("pending", None) => true,
            ("valid", Some(s)) => s.outcome == ScreeningOutcome::Valid,
            ("not_valid", Some(s)) => s.outcome == ScreeningOutcome::NotValid,
            _ => false,
        })
        .map(|row| Line {
            status: c.tr.t(&format!("status-{}", row.status)),
            screening: row
                .screening
                .as_ref()
                .map(|s| explain(&c, checklist, s))
                .unwrap_or_else(|| c.tr.t("screening-pending")),
            row,
        })
        .collect();
    let page = ScreeningPage {
        edition_id: edition.summary.id,
        edition_name: format!("{} {}", edition.summary.award_name.get(lang.0), edition.summary.year),
        show,
        lines,
        counts,
        reasons: checklist
            .iter()
            .map(|item| Reason { id: item.id.clone(), text: item.text.get(lang.0).to_string() })
            .collect(),
        c,
    };
    Ok(super::render(lang, page)?.into_response())
}

/// `POST /secretariat/editions/{id}/screening`: one decision for every entry ticked.
pub async fn decide(
    State(state): State<AppState>,
    SecretariatPost { viewer, session, edition, form }: SecretariatPost,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let entries: Vec<EntryId> = form.all("entry").iter().filter_map(|v| v.parse().ok().map(EntryId)).collect();
    if entries.is_empty() || entries.len() != form.all("entry").len() {
        return Err(PageError::bad_request(lang, tr.t("screening-no-entry")));
    }
    let outcome: ScreeningOutcome =
        form.one("outcome").parse().map_err(|_| PageError::bad_request(lang, tr.t("screening-no-outcome")))?;
    let screening =
        Screening::new(outcome, form.all("reason"), &form.one("note"), &edition.application.screening_checklist)
            .map_err(|e| PageError::bad_request(lang, tr.t(e.message_id())))?;
    let now = jiff::Timestamp::now().as_second();
    let id = edition.summary.id;
    match state
        .store
        .screen_entries(id, &entries, &screening, session.user.id, now)
        .await
        .map_err(PageError::store(lang))?
    {
        Ok(_) => {
            // Valid entries join the library; entries screened out again leave it.
            state.reindexer.notify(crate::library::Changed::entries(entries.iter().copied()));
            Ok(Redirect::to(&format!("/secretariat/editions/{id}/screening?show={}", form.one("show"))).into_response())
        }
        Err(ScreenError::NotInEdition(entry)) => {
            Err(PageError::bad_request(lang, tr.t1("screening-not-in-edition", "id", entry.0)))
        }
        Err(ScreenError::AlreadyFurther(entry)) => {
            Err(PageError::bad_request(lang, tr.t1("screening-already-further", "id", entry.0)))
        }
    }
}
