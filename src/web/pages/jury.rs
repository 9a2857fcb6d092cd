//! The Jury's vote: each member ranks the shortlist in a secret ballot (entries they are in
//! conflict with are left out of their ballot); the Secretariat sees who voted, never how, until
//! it closes the vote; the result comes from `kapok-tally` (Schulze by default, Borda or
//! instant-runoff); publishing makes the first N winners and the rest Medals of Honour.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};

use super::committees::edition_conflicts;
use super::{SecretariatEdition, SecretariatPost};
use crate::domain::{EditionId, EntryId, EntryStatus, Role, Stage};
use crate::evaluation::conflicts::blocked_pairs;
use crate::storage::evaluation::{JuryResult, Member};
use crate::storage::{InitiativeQuery, PageRequest};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang, Viewer};
use crate::web::error::PageError;
use crate::web::forms::PostedFields;

/// The shortlist of an edition, in a fixed order (entry id), with titles.
async fn shortlist(state: &AppState, lang: Lang, edition: EditionId) -> Result<Vec<(EntryId, String)>, PageError> {
    let query =
        InitiativeQuery { edition: Some(edition), min_status: Some(EntryStatus::Shortlisted), ..Default::default() };
    let page = state
        .store
        .initiatives(&query, PageRequest::new(0, PageRequest::MAX_LIMIT))
        .await
        .map_err(PageError::store(lang))?;
    let mut list: Vec<(EntryId, String)> =
        page.items.iter().map(|i| (i.entry_id, i.title(lang.0).unwrap_or_default().to_string())).collect();
    list.sort_by_key(|(e, _)| *e);
    Ok(list)
}

/// The shortlisted entries a Jury member may rank: those they are not in conflict with.
async fn ballot_entries(state: &AppState, lang: Lang, member: &Member) -> Result<Vec<(EntryId, String)>, PageError> {
    let committee = state.store.committee(member.edition).await.map_err(PageError::store(lang))?;
    let entries = state.store.evaluated_entries(member.edition).await.map_err(PageError::store(lang))?;
    let blocked = blocked_pairs(&edition_conflicts(state, lang, member.edition, &committee, &entries).await?);
    let mut list = shortlist(state, lang, member.edition).await?;
    list.retain(|(e, _)| !blocked.contains(&(member.id, *e)));
    Ok(list)
}

/// Whether the Jury may vote: the edition has a shortlist (decided in Kapok or imported) and no
/// vote on a list is still under way.
async fn shortlist_decided(state: &AppState, lang: Lang, edition: EditionId) -> Result<bool, PageError> {
    let rounds = state.store.decision_rounds(edition).await.map_err(PageError::store(lang))?;
    if rounds.iter().any(|r| r.confirmed_at.is_none()) {
        return Ok(false);
    }
    let entries = state.store.screening_list(edition).await.map_err(PageError::store(lang))?;
    Ok(entries.iter().any(|e| e.status >= EntryStatus::Shortlisted))
}

struct Ballot {
    member: i64,
    edition: EditionId,
    edition_name: String,
    entries: Vec<(EntryId, String)>,
    voted: bool,
    closed: bool,
    /// The shortlist is still being decided.
    waiting: bool,
}

#[derive(Template)]
#[template(path = "jury.html")]
struct JuryPage {
    c: Chrome,
    ballots: Vec<Ballot>,
}

/// `GET /jury`: the member's ballots.
pub async fn show(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let members = match super::committees::memberships_in(&state, &viewer, Role::Jury, Stage::Jury).await? {
        Ok(members) => members,
        Err(refusal) => return Ok(refusal),
    };
    let lang = viewer.lang;
    let mut ballots = Vec::new();
    for member in members {
        let edition = state.store.edition(member.edition).await.map_err(PageError::store(lang))?;
        let voted = state.store.jury_voters(member.edition).await.map_err(PageError::store(lang))?.contains(&member.id);
        let closed = state.store.jury_result(member.edition).await.map_err(PageError::store(lang))?.is_some();
        ballots.push(Ballot {
            member: member.id,
            edition: member.edition,
            edition_name: edition
                .map(|e| format!("{} {}", e.summary.award_name.get(lang.0), e.summary.year))
                .unwrap_or_default(),
            entries: ballot_entries(&state, lang, &member).await?,
            voted,
            closed,
            waiting: !shortlist_decided(&state, lang, member.edition).await?,
        });
    }
    Ok(super::render(lang, JuryPage { c: Chrome::new(&viewer, "account"), ballots })?.into_response())
}

/// `POST /jury/{edition}/ballot`: fields `rank-{entry}` = 1, 2, … (equal numbers tie; blank:
/// unranked). Replaces the member's earlier ballot until the vote closes.
pub async fn cast(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let members = match super::committees::memberships_in(&state, &viewer, Role::Jury, Stage::Jury).await? {
        Ok(members) => members,
        Err(refusal) => return Ok(refusal),
    };
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let session = viewer.session.as_ref().expect("a Jury member is signed in");
    let form = PostedFields::read(lang, &headers, session, &body)?;
    let edition = EditionId(super::parse_id(lang, &raw, "what-edition")?);
    let Some(member) = members.into_iter().find(|m| m.edition == edition) else {
        return Err(PageError::not_found(lang, "what-edition"));
    };
    if !shortlist_decided(&state, lang, edition).await? {
        return Err(PageError::bad_request(lang, tr.t("jury-waiting")));
    }
    let entries = ballot_entries(&state, lang, &member).await?;
    let mut by_rank: BTreeMap<i64, Vec<EntryId>> = BTreeMap::new();
    for (entry, value) in form.with_prefix("rank-") {
        if value.is_empty() {
            continue;
        }
        let entry = entry.parse::<i64>().ok().map(EntryId).filter(|e| entries.iter().any(|(x, _)| x == e));
        let rank = value.parse::<i64>().ok().filter(|r| (1..=entries.len() as i64).contains(r));
        match (entry, rank) {
            (Some(entry), Some(rank)) => by_rank.entry(rank).or_default().push(entry),
            _ => return Err(PageError::bad_request(lang, tr.t1("jury-rank-invalid", "count", entries.len() as i64))),
        }
    }
    if by_rank.is_empty() {
        return Err(PageError::bad_request(lang, tr.t1("jury-rank-invalid", "count", entries.len() as i64)));
    }
    let ranking: Vec<Vec<EntryId>> = by_rank.into_values().collect();
    let now = jiff::Timestamp::now().as_second();
    if !state.store.cast_jury_ballot(member.id, edition, &ranking, now).await.map_err(PageError::store(lang))? {
        return Err(PageError::bad_request(lang, tr.t("jury-closed")));
    }
    Ok(Redirect::to("/jury").into_response())
}

#[derive(Template)]
#[template(path = "jury_desk.html")]
struct DeskPage {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    voters: Vec<String>,
    members: usize,
    result: Option<Vec<(usize, String, String)>>,
    ties: Vec<String>,
    published: bool,
}

/// `GET /secretariat/editions/{id}/jury`: who has voted (never how); the result once closed.
pub async fn desk(
    State(state): State<AppState>,
    SecretariatEdition { viewer, edition, .. }: SecretariatEdition,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let id = edition.summary.id;
    let c = Chrome::new(&viewer, "account");
    let committee = state.store.committee(id).await.map_err(PageError::store(lang))?;
    let jury: Vec<&Member> = committee.iter().filter(|m| m.stage == Stage::Jury).collect();
    let voted = state.store.jury_voters(id).await.map_err(PageError::store(lang))?;
    let titles = shortlist(&state, lang, id).await?;
    let title = |e: &EntryId| titles.iter().find(|(x, _)| x == e).map(|(_, t)| t.clone()).unwrap_or_default();
    let winners = edition.max_winners.max(0) as usize;
    let result = state.store.jury_result(id).await.map_err(PageError::store(lang))?;
    let page = DeskPage {
        edition_id: id,
        edition_name: format!("{} {}", edition.summary.award_name.get(lang.0), edition.summary.year),
        voters: jury.iter().filter(|m| voted.contains(&m.id)).map(|m| m.name.clone()).collect(),
        members: jury.len(),
        published: result.as_ref().is_some_and(|r| r.published_at.is_some()),
        ties: result
            .iter()
            .flat_map(|r| r.ties.iter())
            .map(|group| group.iter().map(&title).collect::<Vec<_>>().join(", "))
            .collect(),
        result: result.map(|r| {
            r.ranking
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let honour = if i < winners { "jury-winner" } else { "jury-medal" };
                    (i + 1, title(e), c.tr.t(honour))
                })
                .collect()
        }),
        c,
    };
    Ok(super::render(lang, page)?.into_response())
}

/// `POST /secretariat/editions/{id}/jury/close` (confirmed): opens the ballots and tallies them.
pub async fn close(
    State(state): State<AppState>,
    SecretariatPost { viewer, session, edition, form }: SecretariatPost,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    if !form.confirmed() {
        return Err(PageError::bad_request(lang, tr.t("vote-invalidate-confirm")));
    }
    let method: kapok_tally::Method =
        form.one("method").parse().map_err(|_| PageError::bad_request(lang, tr.t("jury-method")))?;
    let id = edition.summary.id;
    if state.store.jury_result(id).await.map_err(PageError::store(lang))?.is_some() {
        return Err(PageError::bad_request(lang, tr.t("jury-closed")));
    }
    let ballots = state.store.jury_ballots(id).await.map_err(PageError::store(lang))?;
    let candidates = shortlist(&state, lang, id).await?;
    if ballots.is_empty() || candidates.is_empty() {
        return Err(PageError::bad_request(lang, tr.t("jury-no-ballots")));
    }
    let entries: Vec<EntryId> = candidates.iter().map(|(e, _)| *e).collect();
    let profile = super::reports::jury_profile(&entries, &ballots)
        .ok_or_else(|| PageError::bad_request(lang, tr.t("jury-no-ballots")))?;
    let ranking = kapok_tally::tally(method, &profile);
    let result = JuryResult {
        method: method.to_string(),
        ranking: ranking.order().map(|i| candidates[i].0).collect(),
        ties: ranking
            .groups()
            .iter()
            .filter(|g| g.len() > 1)
            .map(|g| g.iter().map(|i| candidates[*i].0).collect())
            .collect(),
        closed_at: jiff::Timestamp::now().as_second(),
        published_at: None,
    };
    state.store.close_jury_vote(id, &result, session.user.id).await.map_err(PageError::store(lang))?;
    Ok(Redirect::to(&format!("/secretariat/editions/{id}/jury")).into_response())
}

/// `POST /secretariat/editions/{id}/jury/publish` (confirmed): statuses change and are public.
pub async fn publish(
    State(state): State<AppState>,
    SecretariatPost { viewer, session, edition, form }: SecretariatPost,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    if !form.confirmed() {
        return Err(PageError::bad_request(lang, tr.t("vote-invalidate-confirm")));
    }
    let id = edition.summary.id;
    let ranking = match state.store.jury_result(id).await.map_err(PageError::store(lang))? {
        Some(result) if result.published_at.is_none() => result.ranking,
        Some(_) => return Err(PageError::bad_request(lang, tr.t("jury-published"))),
        None => return Err(PageError::bad_request(lang, tr.t("jury-not-closed"))),
    };
    let winners = edition.max_winners.max(0) as usize;
    let now = jiff::Timestamp::now().as_second();
    state.store.publish_jury_result(id, winners, session.user.id, now).await.map_err(PageError::store(lang))?;
    // Every ranked entry becomes a winner or a Medal of Honour.
    state.reindexer.notify(crate::library::Changed::entries(ranking));
    Ok(Redirect::to(&format!("/secretariat/editions/{id}/jury")).into_response())
}
