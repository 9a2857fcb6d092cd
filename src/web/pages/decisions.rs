//! The long list and the shortlist: the Secretariat opens a vote on a list (candidates in the
//! order of the latest score snapshot), Technical Committee members approve up to the list's size
//! (never an entry they are in conflict with; conflicts computed again on every request), the
//! Secretariat closes the vote — the approvals propose the list by the rule of
//! `evaluation::decisions` — and confirms it, moving entries in or out only with a reason, which
//! sets the entries' statuses.

use std::collections::{BTreeMap, BTreeSet};

use askama::Template;
use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};

use super::committees::edition_conflicts;
use super::{SecretariatEdition, SecretariatPost};
use crate::domain::{Edition, EditionId, EntryId, Role, Stage};
use crate::evaluation::conflicts::blocked_pairs;
use crate::evaluation::decisions::{self, ConfirmError, ListKind};
use crate::evaluation::scoring::{self, Aggregation, Ranked};
use crate::i18n::Tr;
use crate::storage::evaluation::{DecisionRound, Member, NewRound, RoundError, ScreeningRow};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang, Viewer};
use crate::web::error::PageError;
use crate::web::forms::PostedFields;

/// The ranking on the edition's latest score snapshot (normalised mean, as the committee's report
/// ranks), or `None` without a snapshot.
pub(super) async fn snapshot_ranking(
    state: &AppState,
    lang: Lang,
    edition: &Edition,
) -> Result<Option<Vec<Ranked>>, PageError> {
    let snapshot = state.store.score_snapshot(edition.summary.id).await.map_err(PageError::store(lang))?;
    let criteria: Vec<_> = edition.criteria.iter().filter(|k| k.stage == Stage::TechnicalCommittee).cloned().collect();
    Ok(snapshot.map(|(_, sheets)| scoring::rank(&sheets, &scoring::weights(&criteria), Aggregation::Mean, true)))
}

/// The list's size from the edition's settings: `None` for a long list in an edition without one.
fn list_size(edition: &Edition, list: ListKind) -> Option<i64> {
    match list {
        ListKind::LongList => edition.long_list_size,
        ListKind::Shortlist => Some(edition.shortlist_size),
    }
    .filter(|size| *size > 0)
}

/// The lists an edition decides, in order.
fn lists_of(edition: &Edition) -> Vec<ListKind> {
    ListKind::ALL.iter().copied().filter(|list| list_size(edition, *list).is_some()).collect()
}

fn parse_list(lang: Lang, raw: &str) -> Result<ListKind, PageError> {
    raw.parse().map_err(|_| PageError::not_found(lang, "what-list"))
}

/// What every Secretariat action on a list starts from: the signed-in Secretariat and the
/// edition with its checked form, and the list. Extracting it refuses in the order the routes
/// always have: role, edition, the form, then a list that is not one (404).
pub struct ListAction {
    desk: SecretariatPost,
    list: ListKind,
}

impl FromRequest<AppState> for ListAction {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let desk = SecretariatEdition::from_request_parts(&mut parts, state).await?;
        let Path((_, raw_list)) = Path::<(String, String)>::from_request_parts(&mut parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let desk = SecretariatPost::read(desk, Request::from_parts(parts, body), state).await?;
        let list = parse_list(desk.viewer.lang, &raw_list).map_err(IntoResponse::into_response)?;
        Ok(ListAction { desk, list })
    }
}

impl ListAction {
    /// The list's round, for an action the Secretariat must confirm on it (closing, reopening);
    /// or the desk saying which of the two is missing.
    async fn confirmed_round(&self, state: &AppState) -> Result<Result<DecisionRound, Response>, PageError> {
        let SecretariatPost { viewer, edition, form, .. } = &self.desk;
        let tr = Tr::new(viewer.lang.0);
        let missing = if !form.confirmed() {
            "vote-invalidate-confirm"
        } else {
            match round_on(state, viewer.lang, edition.summary.id, self.list).await? {
                Some(round) => return Ok(Ok(round)),
                None => "lists-error-not-opened",
            }
        };
        render_desk(state, viewer, edition, Some(tr.t(missing))).await.map(Err)
    }
}

/// After a change to a round: back to the desk, or the store's refusal shown on it.
async fn back_to_desk<T>(
    state: &AppState,
    viewer: &Viewer,
    edition: &Edition,
    outcome: Result<T, RoundError>,
    title: &(dyn Fn(EntryId) -> String + Sync),
) -> Result<Response, PageError> {
    match outcome {
        Ok(_) => Ok(Redirect::to(&format!("/secretariat/editions/{}/lists", edition.summary.id)).into_response()),
        Err(error) => {
            let message = round_error(&Tr::new(viewer.lang.0), &error, title);
            render_desk(state, viewer, edition, Some(message)).await
        }
    }
}

/// A refusal from the store, in the reader's words.
pub(super) fn round_error(tr: &Tr, error: &RoundError, title: &dyn Fn(EntryId) -> String) -> String {
    match error {
        RoundError::Exists => tr.t("lists-error-exists"),
        RoundError::ShortlistStarted => tr.t("lists-error-shortlist-started"),
        RoundError::LongListFirst => tr.t("lists-error-long-list-first"),
        RoundError::Closed => tr.t("lists-error-closed"),
        RoundError::StillOpen => tr.t("lists-error-still-open"),
        RoundError::Confirmed => tr.t("lists-error-confirmed"),
        RoundError::NoLongerCandidate { entry, status } => tr.tn(
            "lists-error-no-longer-candidate",
            &[("title", title(*entry).into()), ("status", tr.t(&format!("status-{status}")).into())],
        ),
    }
}

struct CountLine {
    entry: EntryId,
    title: String,
    approvals: usize,
    /// The place in the score snapshot the round was opened on.
    snapshot_place: usize,
    proposed: bool,
    /// On the confirmed list.
    listed: bool,
    /// The Secretariat's reason, when it moved this entry.
    change: Option<String>,
}

struct RoundView {
    list: &'static str,
    name: String,
    size_line: String,
    /// Not opened: how many entries would be candidates now.
    candidates_now: Option<String>,
    round: Option<DecisionRound>,
    voters_line: String,
    lines: Vec<CountLine>,
    tie: Option<String>,
    excluded: Option<String>,
}

#[derive(Template)]
#[template(path = "decisions.html")]
struct DecisionsPage {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    has_snapshot: bool,
    no_long_list: bool,
    rounds: Vec<RoundView>,
    message: Option<String>,
}

/// Titles of an edition's entries, from the screening list.
fn titles(rows: &[ScreeningRow]) -> impl Fn(EntryId) -> String + '_ {
    move |entry| super::reports::title_of(rows, entry)
}

/// `GET /secretariat/editions/{id}/lists`: each list's vote, from opening to confirmation.
pub async fn desk(
    State(state): State<AppState>,
    SecretariatEdition { viewer, edition, .. }: SecretariatEdition,
) -> Result<Response, PageError> {
    render_desk(&state, &viewer, &edition, None).await
}

async fn render_desk(
    state: &AppState,
    viewer: &Viewer,
    edition: &Edition,
    message: Option<String>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let id = edition.summary.id;
    let c = Chrome::new(viewer, "account");
    let has_long_list = edition.long_list_size.is_some();
    let rows = state.store.screening_list(id).await.map_err(PageError::store(lang))?;
    let title = titles(&rows);
    let rounds = state.store.decision_rounds(id).await.map_err(PageError::store(lang))?;
    let committee = state.store.committee(id).await.map_err(PageError::store(lang))?;
    let experts: Vec<&Member> = committee.iter().filter(|m| m.stage == Stage::TechnicalCommittee).collect();
    let mut views = Vec::new();
    for list in lists_of(edition) {
        let size = list_size(edition, list).unwrap_or_default();
        let round = rounds.iter().find(|r| r.list == list).cloned();
        let mut view = RoundView {
            list: list.as_str(),
            name: c.tr.t(&format!("lists-kind-{list}")),
            size_line: c.tr.t1("lists-size", "count", size),
            candidates_now: None,
            round: None,
            voters_line: String::new(),
            lines: Vec::new(),
            tie: None,
            excluded: None,
        };
        match &round {
            None => {
                let count = rows.iter().filter(|r| list.is_candidate(r.status, has_long_list)).count();
                view.candidates_now = Some(c.tr.t1("lists-candidates", "count", count as i64));
            }
            Some(round) => {
                let ballots = state.store.approval_ballots(round.id).await.map_err(PageError::store(lang))?;
                let voted: Vec<String> = experts
                    .iter()
                    .filter(|m| ballots.iter().any(|b| b.member == m.id))
                    .map(|m| m.name.clone())
                    .collect();
                view.voters_line = c.tr.tn(
                    "lists-voters",
                    &[("count", (voted.len() as i64).into()), ("total", (experts.len() as i64).into())],
                );
                if !voted.is_empty() {
                    view.voters_line = format!("{} ({})", view.voters_line, voted.join(", "));
                }
                if let Some(proposal) = &round.proposal {
                    let confirmed = round.confirmation.as_ref();
                    view.lines = proposal
                        .counts
                        .iter()
                        .map(|count| CountLine {
                            entry: count.entry,
                            title: title(count.entry),
                            approvals: count.approvals,
                            snapshot_place: round.candidates.iter().position(|e| *e == count.entry).unwrap_or(0) + 1,
                            proposed: proposal.listed.contains(&count.entry),
                            listed: confirmed.is_some_and(|k| k.listed.contains(&count.entry)),
                            change: confirmed
                                .and_then(|k| k.changes.iter().find(|x| x.entry == count.entry))
                                .map(|x| x.reason.clone()),
                        })
                        .collect();
                    if !proposal.tie_at_cut.is_empty() {
                        let names: Vec<String> = proposal.tie_at_cut.iter().map(|e| title(*e)).collect();
                        view.tie = Some(format!("{} {}", c.tr.t("lists-tie"), names.join(", ")));
                    }
                    if !proposal.excluded.is_empty() {
                        view.excluded = Some(c.tr.t1("lists-excluded", "count", proposal.excluded.len() as i64));
                    }
                }
            }
        }
        view.round = round;
        views.push(view);
    }
    let page = DecisionsPage {
        edition_id: id,
        edition_name: format!("{} {}", edition.summary.award_name.get(lang.0), edition.summary.year),
        has_snapshot: state.store.score_snapshot(id).await.map_err(PageError::store(lang))?.is_some(),
        no_long_list: !has_long_list,
        rounds: views,
        message,
        c,
    };
    let status = if page.message.is_some() { axum::http::StatusCode::BAD_REQUEST } else { axum::http::StatusCode::OK };
    Ok((status, super::render(lang, page)?).into_response())
}

/// The round on `list` of an edition, if it was opened.
async fn round_on(
    state: &AppState,
    lang: Lang,
    edition: EditionId,
    list: ListKind,
) -> Result<Option<DecisionRound>, PageError> {
    let rounds = state.store.decision_rounds(edition).await.map_err(PageError::store(lang))?;
    Ok(rounds.into_iter().find(|r| r.list == list))
}

/// `POST /secretariat/editions/{id}/lists/{list}/open`: the vote on a list opens, its candidates
/// ordered by the latest score snapshot.
pub async fn open(State(state): State<AppState>, action: ListAction) -> Result<Response, PageError> {
    let ListAction { desk: SecretariatPost { viewer, session, edition, .. }, list } = action;
    let by = session.user.id;
    let lang = viewer.lang;
    let tr = Tr::new(lang.0);
    let id = edition.summary.id;
    let Some(size) = list_size(&edition, list) else {
        return render_desk(&state, &viewer, &edition, Some(tr.t("lists-error-no-long-list"))).await;
    };
    let Some(ranked) = snapshot_ranking(&state, lang, &edition).await? else {
        return render_desk(&state, &viewer, &edition, Some(tr.t("lists-no-snapshot"))).await;
    };
    let has_long_list = edition.long_list_size.is_some();
    let rows = state.store.screening_list(id).await.map_err(PageError::store(lang))?;
    let candidates: BTreeSet<EntryId> =
        rows.iter().filter(|r| list.is_candidate(r.status, has_long_list)).map(|r| r.entry).collect();
    if candidates.is_empty() {
        return render_desk(&state, &viewer, &edition, Some(tr.t("lists-error-no-candidates"))).await;
    }
    let order = decisions::candidate_order(&ranked.iter().map(|r| r.entry).collect::<Vec<_>>(), &candidates);
    let round = NewRound {
        edition: id,
        list,
        size,
        unlisted_status: list.unlisted_status(has_long_list),
        candidates: &order,
        needs_long_list: has_long_list,
    };
    let now = jiff::Timestamp::now().as_second();
    let outcome = state.store.open_decision_round(&round, by, now).await.map_err(PageError::store(lang))?;
    back_to_desk(&state, &viewer, &edition, outcome, &titles(&rows)).await
}

/// `POST /secretariat/editions/{id}/lists/{list}/close` (confirmed): no ballot after this; the
/// approvals, less those of conflicted pairs, propose the list.
pub async fn close(State(state): State<AppState>, action: ListAction) -> Result<Response, PageError> {
    let round = match action.confirmed_round(&state).await? {
        Ok(round) => round,
        Err(missing) => return Ok(missing),
    };
    let SecretariatPost { viewer, session, edition, .. } = action.desk;
    let lang = viewer.lang;
    let id = edition.summary.id;
    let committee = state.store.committee(id).await.map_err(PageError::store(lang))?;
    let entries = state.store.evaluated_entries(id).await.map_err(PageError::store(lang))?;
    let blocked = blocked_pairs(&edition_conflicts(&state, lang, id, &committee, &entries).await?);
    let now = jiff::Timestamp::now().as_second();
    let outcome = state
        .store
        .close_decision_round(round.id, &blocked, session.user.id, now)
        .await
        .map_err(PageError::store(lang))?;
    back_to_desk(&state, &viewer, &edition, outcome, &|e| e.to_string()).await
}

/// `POST /secretariat/editions/{id}/lists/{list}/confirm` (confirmed): fields `listed` (the
/// entries kept on the list) and `reason-{entry}` for each entry moved in or out of the proposal.
pub async fn confirm(State(state): State<AppState>, action: ListAction) -> Result<Response, PageError> {
    let ListAction { desk: SecretariatPost { viewer, session, edition, form }, list } = action;
    let by = session.user.id;
    let lang = viewer.lang;
    let tr = Tr::new(lang.0);
    let id = edition.summary.id;
    let rows = state.store.screening_list(id).await.map_err(PageError::store(lang))?;
    let title = titles(&rows);
    let refuse = |message: String| render_desk(&state, &viewer, &edition, Some(message));
    let Some(round) = round_on(&state, lang, id, list).await? else {
        return refuse(tr.t("lists-error-not-opened")).await;
    };
    if round.confirmed_at.is_some() {
        return refuse(tr.t("lists-error-confirmed")).await;
    }
    let Some(proposal) = &round.proposal else { return refuse(tr.t("lists-error-still-open")).await };
    let mut wanted = BTreeSet::new();
    for value in form.all("listed") {
        match value.trim().parse::<i64>() {
            Ok(entry) => wanted.insert(EntryId(entry)),
            Err(_) => return refuse(tr.t("lists-error-stranger")).await,
        };
    }
    let reasons: BTreeMap<EntryId, String> = form
        .with_prefix("reason-")
        .filter_map(|(entry, reason)| entry.parse::<i64>().ok().map(|e| (EntryId(e), reason)))
        .collect();
    let size = round.size.max(0) as usize;
    let confirmation = match decisions::confirm(proposal, &wanted, &reasons, size) {
        Ok(confirmation) => confirmation,
        Err(error) => {
            let message = match error {
                ConfirmError::NotCandidate(_) => tr.t("lists-error-stranger"),
                ConfirmError::NoReason(entry) => tr.t1("lists-error-no-reason", "title", title(entry)),
                ConfirmError::Empty => tr.t("lists-error-empty"),
                ConfirmError::TooMany { count, size } => {
                    tr.tn("lists-error-too-many", &[("count", (count as i64).into()), ("max", (size as i64).into())])
                }
            };
            return refuse(message).await;
        }
    };
    if !form.confirmed() {
        return refuse(tr.t("vote-invalidate-confirm")).await;
    }
    let now = jiff::Timestamp::now().as_second();
    let outcome =
        state.store.confirm_decision_round(round.id, &confirmation, by, now).await.map_err(PageError::store(lang))?;
    if outcome.is_ok() {
        library_follows(&state, &round.candidates);
    }
    back_to_desk(&state, &viewer, &edition, outcome, &title).await
}

/// `POST /secretariat/editions/{id}/lists/{list}/reopen` (confirmed): a closed vote that is not
/// confirmed yet opens again; its proposal is dropped and the ballots stay.
pub async fn reopen(State(state): State<AppState>, action: ListAction) -> Result<Response, PageError> {
    let round = match action.confirmed_round(&state).await? {
        Ok(round) => round,
        Err(missing) => return Ok(missing),
    };
    let SecretariatPost { viewer, session, edition, .. } = action.desk;
    let now = jiff::Timestamp::now().as_second();
    let outcome = state
        .store
        .reopen_decision_round(round.id, session.user.id, now)
        .await
        .map_err(PageError::store(viewer.lang))?;
    back_to_desk(&state, &viewer, &edition, outcome, &|e| e.to_string()).await
}

/// Statuses of the round's candidates changed: the public library (its facets show
/// long-listed and shortlisted entries) updates their documents in the background.
fn library_follows(state: &AppState, candidates: &[EntryId]) {
    state.reindexer.notify(crate::library::Changed::entries(candidates.iter().copied()));
}

struct Candidate {
    entry: EntryId,
    title: String,
    snapshot_place: usize,
    approved: bool,
}

struct MemberRound {
    round: i64,
    member: i64,
    list_name: String,
    edition_name: String,
    intro: String,
    open: bool,
    confirmed: bool,
    voted: Option<String>,
    candidates: Vec<Candidate>,
    left_out: Option<String>,
}

#[derive(Template)]
#[template(path = "decisions_member.html")]
struct MemberPage {
    c: Chrome,
    rounds: Vec<MemberRound>,
}

/// The candidates of a round a member may approve: all but those they are in conflict with.
async fn approvable(
    state: &AppState,
    lang: Lang,
    member: &Member,
    round: &DecisionRound,
) -> Result<(Vec<EntryId>, usize), PageError> {
    let committee = state.store.committee(member.edition).await.map_err(PageError::store(lang))?;
    let entries = state.store.evaluated_entries(member.edition).await.map_err(PageError::store(lang))?;
    let blocked = blocked_pairs(&edition_conflicts(state, lang, member.edition, &committee, &entries).await?);
    let allowed: Vec<EntryId> =
        round.candidates.iter().copied().filter(|e| !blocked.contains(&(member.id, *e))).collect();
    let left_out = round.candidates.len() - allowed.len();
    Ok((allowed, left_out))
}

/// `GET /review/lists`: the votes on the lists of the member's editions, with their ballot.
pub async fn ballots(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let members =
        match super::committees::memberships_in(&state, &viewer, Role::TechnicalCommittee, Stage::TechnicalCommittee)
            .await?
        {
            Ok(members) => members,
            Err(refusal) => return Ok(refusal),
        };
    let lang = viewer.lang;
    let c = Chrome::new(&viewer, "account");
    let mut rounds = Vec::new();
    for member in members {
        let edition = state.store.edition(member.edition).await.map_err(PageError::store(lang))?;
        let edition_name =
            edition.map(|e| format!("{} {}", e.summary.award_name.get(lang.0), e.summary.year)).unwrap_or_default();
        let rows = state.store.screening_list(member.edition).await.map_err(PageError::store(lang))?;
        let title = titles(&rows);
        for round in state.store.decision_rounds(member.edition).await.map_err(PageError::store(lang))? {
            let (allowed, left_out) = approvable(&state, lang, &member, &round).await?;
            let ballot = state
                .store
                .approval_ballots(round.id)
                .await
                .map_err(PageError::store(lang))?
                .into_iter()
                .find(|b| b.member == member.id);
            let list_name = c.tr.t(&format!("lists-kind-{}", round.list));
            rounds.push(MemberRound {
                round: round.id,
                member: member.id,
                intro: c.tr.t1("lists-member-intro", "count", round.size),
                list_name,
                edition_name: edition_name.clone(),
                open: round.closed_at.is_none(),
                confirmed: round.confirmed_at.is_some(),
                voted: ballot.as_ref().map(|b| c.tr.t1("lists-member-voted", "count", b.approved.len() as i64)),
                candidates: allowed
                    .iter()
                    .map(|e| Candidate {
                        entry: *e,
                        title: title(*e),
                        snapshot_place: round.candidates.iter().position(|x| x == e).unwrap_or(0) + 1,
                        approved: ballot.as_ref().is_some_and(|b| b.approved.contains(e)),
                    })
                    .collect(),
                left_out: (left_out > 0).then(|| c.tr.t1("lists-member-left-out", "count", left_out as i64)),
            });
        }
    }
    Ok(super::render(lang, MemberPage { c, rounds })?.into_response())
}

/// `POST /review/lists/{round}`: fields `approve` (entry ids, up to the list's size). Replaces the
/// member's earlier ballot until the round closes.
pub async fn cast(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let members =
        match super::committees::memberships_in(&state, &viewer, Role::TechnicalCommittee, Stage::TechnicalCommittee)
            .await?
        {
            Ok(members) => members,
            Err(refusal) => return Ok(refusal),
        };
    let lang = viewer.lang;
    let tr = Tr::new(lang.0);
    let session = viewer.session.as_ref().expect("a committee member is signed in");
    let form = PostedFields::read(lang, &headers, session, &body)?;
    let round_id = super::parse_id(lang, &raw, "what-list")?;
    let round = state.store.decision_round(round_id).await.map_err(PageError::store(lang))?;
    let found = round.and_then(|r| members.into_iter().find(|m| m.edition == r.edition).map(|m| (r, m)));
    let Some((round, member)) = found else { return Err(PageError::not_found(lang, "what-list")) };
    if round.closed_at.is_some() {
        return Err(PageError::bad_request(lang, tr.t("lists-error-closed")));
    }
    let (allowed, _) = approvable(&state, lang, &member, &round).await?;
    let mut approved = Vec::new();
    for value in form.all("approve") {
        match value.trim().parse::<i64>().ok().map(EntryId).filter(|e| allowed.contains(e)) {
            Some(entry) if !approved.contains(&entry) => approved.push(entry),
            Some(_) => {}
            None => return Err(PageError::bad_request(lang, tr.t("lists-error-not-approvable"))),
        }
    }
    if approved.len() as i64 > round.size {
        let args = [("count", (approved.len() as i64).into()), ("max", round.size.into())];
        return Err(PageError::bad_request(lang, tr.tn("lists-error-too-many-approvals", &args)));
    }
    approved.sort();
    let now = jiff::Timestamp::now().as_second();
    let cast = state
        .store
        .cast_approval_ballot(round.id, member.id, &approved, session.user.id, now)
        .await
        .map_err(PageError::store(lang))?;
    if !cast {
        return Err(PageError::bad_request(lang, tr.t("lists-error-closed")));
    }
    Ok(Redirect::to("/review/lists").into_response())
}
