//! The committee member's side: the committees they sit on, the entries assigned to them in the
//! deployment in force, each entry's texts, and declaring a conflict. An entry the member is in
//! conflict with is never shown, whatever the assignment says: conflicts are computed again on
//! every request.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};

use super::committees::edition_conflicts;
use crate::domain::{EntryId, Role, Section};
use crate::evaluation::conflicts::blocked_pairs;
use crate::storage::evaluation::{EvaluatedEntry, Member};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang, Session, Viewer};
use crate::web::error::PageError;
use crate::web::forms::{check_session_post, parse_form};

/// The signed-in committee member's session; otherwise the refusal to answer with.
fn member_session(viewer: &Viewer) -> Result<&Session, super::Refusal> {
    match &viewer.session {
        None => Err(super::Refusal::SignIn { next: viewer.path.clone() }),
        Some(session) if session.user.has_role(Role::TechnicalCommittee) || session.user.has_role(Role::Jury) => {
            Ok(session)
        }
        Some(_) => {
            let tr = crate::i18n::Tr::new(viewer.lang.0);
            let message = tr.t1("error-role-only", "role", tr.t("role-technical_committee"));
            Err(super::Refusal::Forbidden(PageError::forbidden(viewer.lang, message)))
        }
    }
}

struct Assigned {
    entry: EntryId,
    title: String,
}

struct Membership {
    member: Member,
    edition_name: String,
    assigned: Vec<Assigned>,
    /// Entries the member may still declare a conflict with.
    declarable: Vec<(EntryId, String)>,
}

#[derive(Template)]
#[template(path = "review.html")]
struct ReviewPage {
    c: Chrome,
    memberships: Vec<Membership>,
}

/// The entries of a member's edition, and which of them the member may see: assigned in the
/// deployment in force and not in conflict.
async fn visible_entries(
    state: &AppState,
    lang: Lang,
    member: &Member,
) -> Result<(Vec<EvaluatedEntry>, Vec<EntryId>, Vec<EntryId>), PageError> {
    let entries = state.store.evaluated_entries(member.edition).await.map_err(PageError::store(lang))?;
    let committee = state.store.committee(member.edition).await.map_err(PageError::store(lang))?;
    let conflicts = edition_conflicts(state, lang, member.edition, &committee, &entries).await?;
    let blocked = blocked_pairs(&conflicts);
    let conflicted: Vec<EntryId> =
        entries.iter().map(|e| e.entry).filter(|e| blocked.contains(&(member.id, *e))).collect();
    let assigned = state.store.assignments_of(member.id).await.map_err(PageError::store(lang))?;
    let visible = assigned.into_iter().map(|(e, _)| e).filter(|e| !conflicted.contains(e)).collect();
    Ok((entries, visible, conflicted))
}

/// `GET /review`: the member's committees and assigned entries.
pub async fn home(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let session = match member_session(&viewer) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let c = Chrome::new(&viewer, "account");
    let mut memberships = Vec::new();
    for member in state.store.memberships(session.user.id).await.map_err(PageError::store(lang))? {
        let edition = state.store.edition(member.edition).await.map_err(PageError::store(lang))?;
        let edition_name =
            edition.map(|e| format!("{} {}", e.summary.award_name.get(lang.0), e.summary.year)).unwrap_or_default();
        let (entries, visible, conflicted) = visible_entries(&state, lang, &member).await?;
        let title = |id: &EntryId| entries.iter().find(|e| e.entry == *id).map(|e| e.title.clone()).unwrap_or_default();
        memberships.push(Membership {
            assigned: visible.iter().map(|e| Assigned { entry: *e, title: title(e) }).collect(),
            declarable: entries
                .iter()
                .filter(|e| !conflicted.contains(&e.entry))
                .map(|e| (e.entry, e.title.clone()))
                .collect(),
            edition_name,
            member,
        });
    }
    Ok(super::render(lang, ReviewPage { c, memberships })?.into_response())
}

/// `POST /review/conflicts`: the member declares a conflict with an entry of their edition.
pub async fn declare(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let session = match member_session(&viewer) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let fields = parse_form(&body).map_err(|_| PageError::bad_request(lang, tr.t("error-not-utf8")))?;
    let one = |name: &str| fields.get(name).and_then(|v| v.first()).map(|v| v.trim().to_string()).unwrap_or_default();
    check_session_post(lang, &headers, session, &one("csrf"))?;
    let memberships = state.store.memberships(session.user.id).await.map_err(PageError::store(lang))?;
    let member = one("member").parse::<i64>().ok().and_then(|id| memberships.into_iter().find(|m| m.id == id));
    let Some(member) = member else { return Err(PageError::bad_request(lang, tr.t("review-no-member"))) };
    let entries = state.store.evaluated_entries(member.edition).await.map_err(PageError::store(lang))?;
    let entry = one("entry").parse::<i64>().ok().map(EntryId).filter(|e| entries.iter().any(|x| x.entry == *e));
    let Some(entry) = entry else { return Err(PageError::bad_request(lang, tr.t("review-no-entry"))) };
    let reason = one("reason");
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(PageError::bad_request(lang, tr.t("review-conflict-reason")));
    }
    let now = jiff::Timestamp::now().as_second();
    state
        .store
        .declare_conflict(member.id, entry, &reason, session.user.id, now)
        .await
        .map_err(PageError::store(lang))?;
    Ok(Redirect::to("/review").into_response())
}

#[derive(Template)]
#[template(path = "review_entry.html")]
struct EntryPage {
    c: Chrome,
    title: String,
    place: String,
    sections: Vec<(String, String)>,
}

/// `GET /review/entries/{entry}`: an assigned entry's texts, for a member not in conflict; 404
/// for everyone else (the entry's existence is not confirmed).
pub async fn entry(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let session = match member_session(&viewer) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let id = EntryId(super::parse_id(lang, &raw, "what-initiative")?);
    for member in state.store.memberships(session.user.id).await.map_err(PageError::store(lang))? {
        let (entries, visible, _) = visible_entries(&state, lang, &member).await?;
        if !visible.contains(&id) {
            continue;
        }
        let Some(found) = entries.iter().find(|e| e.entry == id) else { continue };
        let initiative = state.store.initiative(found.initiative).await.map_err(PageError::store(lang))?;
        let Some(initiative) = initiative else { continue };
        let c = Chrome::new(&viewer, "account");
        let sections = match initiative.text(lang.0) {
            Some((_, text)) => Section::ALL
                .iter()
                .filter_map(|s| {
                    text.section(*s).map(|body| (c.tr.t(&format!("section-{}", s.as_str())), body.to_string()))
                })
                .collect(),
            None => Vec::new(),
        };
        let place = initiative.cities.iter().map(|c| c.name.clone()).collect::<Vec<_>>().join(", ");
        let page = EntryPage { title: found.title.clone(), place, sections, c };
        return Ok(super::render(lang, page)?.into_response());
    }
    Err(PageError::not_found(lang, "what-initiative"))
}
