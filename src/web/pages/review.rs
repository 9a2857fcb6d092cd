//! The committee member's side: the committees they sit on, the entries assigned to them in the
//! deployment in force, each entry's texts, and declaring a conflict. An entry the member is in
//! conflict with is never shown, whatever the assignment says: conflicts are computed again on
//! every request.

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};

use super::committees::edition_conflicts;
use axum::http::StatusCode;

use crate::domain::{Criterion, EntryId, Role, Section};
use crate::evaluation::conflicts::blocked_pairs;
use crate::evaluation::review::{Recommendation, ReviewContent};
use crate::storage::evaluation::{EvaluatedEntry, Member, ReviewSave, ReviewWrite};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang, Session, Viewer};
use crate::web::error::PageError;
use crate::web::forms::PostedFields;

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
    let form = PostedFields::read(lang, &headers, session, &body)?;
    let memberships = state.store.memberships(session.user.id).await.map_err(PageError::store(lang))?;
    let member = form.one("member").parse::<i64>().ok().and_then(|id| memberships.into_iter().find(|m| m.id == id));
    let Some(member) = member else { return Err(PageError::bad_request(lang, tr.t("review-no-member"))) };
    let entries = state.store.evaluated_entries(member.edition).await.map_err(PageError::store(lang))?;
    let entry = form.one("entry").parse::<i64>().ok().map(EntryId).filter(|e| entries.iter().any(|x| x.entry == *e));
    let Some(entry) = entry else { return Err(PageError::bad_request(lang, tr.t("review-no-entry"))) };
    let reason = form.one("reason");
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

struct CriterionField {
    id: i64,
    name: String,
    min: i64,
    max: i64,
    score: String,
    comment: String,
}

struct OtherReview {
    reviewer: String,
    scores: String,
    recommendation: String,
    comments: Vec<String>,
}

#[derive(Template)]
#[template(path = "review_entry.html")]
struct EntryPage {
    c: Chrome,
    entry: EntryId,
    title: String,
    place: String,
    sections: Vec<(String, String)>,
    criteria: Vec<CriterionField>,
    recommendation: String,
    recommendations: Vec<(&'static str, String)>,
    confidence: String,
    version: i64,
    submitted: bool,
    message: Option<String>,
    others: Vec<OtherReview>,
    discussion: Vec<(String, String)>,
    /// The reviews are closed: the form is shown, not sent.
    closed: bool,
    /// Where this browser keeps unsaved changes: member and entry.
    autosave_key: String,
    autosave_texts: String,
}

/// The member (of the entry's edition) who may review this entry now, and the entry: assigned in
/// the deployment in force, not in conflict. `None` for anyone else.
async fn reviewable(
    state: &AppState,
    lang: Lang,
    session: &Session,
    entry: EntryId,
) -> Result<Option<(Member, EvaluatedEntry)>, PageError> {
    for member in state.store.memberships(session.user.id).await.map_err(PageError::store(lang))? {
        let (entries, visible, _) = visible_entries(state, lang, &member).await?;
        if let Some(found) = entries.into_iter().find(|e| e.entry == entry && visible.contains(&entry)) {
            return Ok(Some((member, found)));
        }
    }
    Ok(None)
}

async fn render_entry(
    state: &AppState,
    viewer: &Viewer,
    member: &Member,
    found: &EvaluatedEntry,
    shown: Option<(ReviewContent, i64)>,
    message: Option<String>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let c = Chrome::new(viewer, "account");
    let initiative = state.store.initiative(found.initiative).await.map_err(PageError::store(lang))?;
    let Some(initiative) = initiative else { return Err(PageError::not_found(lang, "what-initiative")) };
    let (edition, criteria) = edition_and_criteria(state, lang, member).await?;
    let reviews = state.store.entry_reviews(found.entry).await.map_err(PageError::store(lang))?;
    let own = reviews.iter().find(|r| r.member == member.id);
    let submitted = own.is_some_and(|r| r.submitted_at.is_some());
    let closed = reviews_closed(state, lang, member).await?;
    let (content, version) = shown.unwrap_or_else(|| own.map(|r| (r.content.clone(), r.version)).unwrap_or_default());
    let committee = state.store.committee(member.edition).await.map_err(PageError::store(lang))?;
    let name = |id: i64| committee.iter().find(|m| m.id == id).map(|m| m.name.clone()).unwrap_or_default();
    // Others' reviews and the discussion open once one's own review is in.
    let others = if submitted {
        reviews
            .iter()
            .filter(|r| r.member != member.id && r.submitted_at.is_some())
            .map(|r| OtherReview {
                reviewer: name(r.member),
                scores: criteria
                    .iter()
                    .map(|k| {
                        format!(
                            "{}: {}",
                            k.name.get(lang.0),
                            r.content.scores.get(&k.id).map(i64::to_string).unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" · "),
                recommendation: r
                    .content
                    .recommendation
                    .map(|x| c.tr.t(&format!("recommendation-{x}")))
                    .unwrap_or_default(),
                comments: r.content.comments.values().filter(|t| !t.is_empty()).cloned().collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let discussion = if submitted {
        let zone = &edition.timezone;
        state
            .store
            .discussion(found.entry)
            .await
            .map_err(PageError::store(lang))?
            .into_iter()
            .map(|(who, body, at)| {
                let when = zone.format(jiff::Timestamp::from_second(at).unwrap_or(jiff::Timestamp::UNIX_EPOCH));
                (format!("{} · {when}", name(who)), body)
            })
            .collect()
    } else {
        Vec::new()
    };
    let sections = match initiative.text(lang.0) {
        Some((_, text)) => Section::ALL
            .iter()
            .filter_map(|s| text.section(*s).map(|body| (c.tr.t(&format!("section-{}", s.as_str())), body.to_string())))
            .collect(),
        None => Vec::new(),
    };
    let autosave_texts = super::autosave_texts(&c.tr, c.tr.t("review-autosave-conflict")).to_string();
    let page = EntryPage {
        closed,
        autosave_key: format!("{}-{}", member.id, found.entry),
        autosave_texts,
        entry: found.entry,
        title: found.title.clone(),
        place: initiative.cities.iter().map(|c| c.name.clone()).collect::<Vec<_>>().join(", "),
        sections,
        criteria: criteria
            .iter()
            .map(|k| CriterionField {
                id: k.id.0,
                name: k.name.get(lang.0).to_string(),
                min: k.scale_min,
                max: k.scale_max,
                score: content.scores.get(&k.id).map(i64::to_string).unwrap_or_default(),
                comment: content.comments.get(&k.id).cloned().unwrap_or_default(),
            })
            .collect(),
        recommendation: content.recommendation.map(|r| r.as_str().to_string()).unwrap_or_default(),
        recommendations: Recommendation::ALL
            .iter()
            .map(|r| (r.as_str(), c.tr.t(&format!("recommendation-{r}"))))
            .collect(),
        confidence: content.confidence.map(|n| n.to_string()).unwrap_or_default(),
        version,
        submitted,
        message,
        others,
        discussion,
        c,
    };
    let status = if page.message.is_some() { StatusCode::CONFLICT } else { StatusCode::OK };
    Ok((status, super::render(lang, page)?).into_response())
}

/// Whether the Technical Committee's reviews are closed: once the vote on the first list opens,
/// the ranking it stands on no longer moves, so neither do the reviews behind it.
async fn reviews_closed(state: &AppState, lang: Lang, member: &Member) -> Result<bool, PageError> {
    if member.stage != crate::domain::Stage::TechnicalCommittee {
        return Ok(false);
    }
    Ok(!state.store.decision_rounds(member.edition).await.map_err(PageError::store(lang))?.is_empty())
}

/// The member's edition and the criteria of the member's stage.
async fn edition_and_criteria(
    state: &AppState,
    lang: Lang,
    member: &Member,
) -> Result<(crate::domain::Edition, Vec<Criterion>), PageError> {
    let edition = state.store.edition(member.edition).await.map_err(PageError::store(lang))?;
    let edition = edition.ok_or_else(|| PageError::not_found(lang, "what-edition"))?;
    let criteria = edition.criteria.iter().filter(|c| c.stage == member.stage).cloned().collect();
    Ok((edition, criteria))
}

/// `GET /review/entries/{entry}`: an assigned entry's texts and the member's review form, for a
/// member not in conflict; 404 for everyone else (the entry's existence is not confirmed).
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
    match reviewable(&state, lang, session, id).await? {
        Some((member, found)) => render_entry(&state, &viewer, &member, &found, None, None).await,
        None => Err(PageError::not_found(lang, "what-initiative")),
    }
}

/// The header `static/review-autosave.js` sends: the answer is JSON, not a page.
const AUTOSAVE_HEADER: &str = "x-kapok-autosave";

/// `POST /review/entries/{entry}/review`: saves the review as a draft (`action=save`) or submits
/// it (`action=submit`, complete only); a stale version shows the kept review instead. The
/// autosave script gets `{"version"}` (409 when stale) or `{"message"}` with the error's status.
pub async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let autosave = headers.contains_key(AUTOSAVE_HEADER);
    match save_review(state, viewer, headers, raw, body, autosave).await {
        Err(error) if autosave => Ok(error.into_json_response()),
        answer => answer,
    }
}

async fn save_review(
    state: AppState,
    viewer: Viewer,
    headers: HeaderMap,
    raw: String,
    body: axum::body::Bytes,
    autosave: bool,
) -> Result<Response, PageError> {
    let session = match member_session(&viewer) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let form = PostedFields::read(lang, &headers, session, &body)?;
    let id = EntryId(super::parse_id(lang, &raw, "what-initiative")?);
    let Some((member, found)) = reviewable(&state, lang, session, id).await? else {
        return Err(PageError::not_found(lang, "what-initiative"));
    };
    if reviews_closed(&state, lang, &member).await? {
        return Err(PageError::bad_request(lang, tr.t("review-closed")));
    }
    let (_, criteria) = edition_and_criteria(&state, lang, &member).await?;
    let mut content = ReviewContent::default();
    for criterion in &criteria {
        let score = form.one(&format!("score-{}", criterion.id));
        if !score.is_empty() {
            let value = score.parse::<i64>().map_err(|_| PageError::bad_request(lang, tr.t("review-out-of-scale")))?;
            content.scores.insert(criterion.id, value);
        }
        let comment = form.one(&format!("comment-{}", criterion.id));
        if !comment.is_empty() {
            content.comments.insert(criterion.id, comment);
        }
    }
    content.recommendation = match form.one("recommendation").as_str() {
        "" => None,
        text => Some(text.parse().map_err(|_| PageError::bad_request(lang, tr.t("review-no-recommendation")))?),
    };
    content.confidence = match form.one("confidence").as_str() {
        "" => None,
        text => Some(text.parse().map_err(|_| PageError::bad_request(lang, tr.t("review-confidence")))?),
    };
    let submit = form.one("action") == "submit";
    let checked = if submit { content.check_complete(&criteria) } else { content.check(&criteria) };
    if let Err(error) = checked {
        return Err(PageError::bad_request(lang, tr.t(error.message_id())));
    }
    let version: i64 = form.one("version").parse().map_err(|_| PageError::bad_request(lang, tr.t("review-stale")))?;
    let now = jiff::Timestamp::now().as_second();
    let saved = state
        .store
        .save_review(
            ReviewWrite { member: member.id, entry: id, content: &content, version, submit },
            session.user.id,
            now,
        )
        .await
        .map_err(PageError::store(lang))?;
    match saved {
        ReviewSave::Saved { version } if autosave => {
            Ok(Json(serde_json::json!({ "version": version })).into_response())
        }
        ReviewSave::Saved { .. } => Ok(Redirect::to(&format!("/review/entries/{id}")).into_response()),
        ReviewSave::Stale { kept } if autosave => {
            Ok((StatusCode::CONFLICT, Json(serde_json::json!({ "version": kept.version }))).into_response())
        }
        ReviewSave::Stale { kept } => {
            // Show the kept review, and what this tab tried to save, so nothing is lost.
            let mine: Vec<String> = content.comments.values().cloned().collect();
            let message = tr.t1("review-stale-kept", "yours", mine.join(" / "));
            render_entry(&state, &viewer, &member, &found, Some((kept.content, kept.version)), Some(message)).await
        }
    }
}

/// `POST /review/entries/{entry}/discussion`: a message in the entry's thread, once one's own
/// review is submitted.
pub async fn discuss(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let session = match member_session(&viewer) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let form = PostedFields::read(lang, &headers, session, &body)?;
    let id = EntryId(super::parse_id(lang, &raw, "what-initiative")?);
    let Some((member, _)) = reviewable(&state, lang, session, id).await? else {
        return Err(PageError::not_found(lang, "what-initiative"));
    };
    let reviews = state.store.entry_reviews(id).await.map_err(PageError::store(lang))?;
    if !reviews.iter().any(|r| r.member == member.id && r.submitted_at.is_some()) {
        return Err(PageError::bad_request(lang, tr.t("review-discussion-after")));
    }
    let text = form.one("body");
    if text.is_empty() || text.chars().count() > 5_000 {
        return Err(PageError::bad_request(lang, tr.t("review-too-long")));
    }
    let now = jiff::Timestamp::now().as_second();
    state.store.post_discussion(id, member.id, &text, now).await.map_err(PageError::store(lang))?;
    Ok(Redirect::to(&format!("/review/entries/{id}#discussion")).into_response())
}
