//! The public vote, for voters: the landing page with the candidates, verification by a
//! one-time code (e-mail, or text message through the SMS provider), the ballot, the receipt,
//! the check of a receipt, the public rules, and the results.
//!
//! A verified voter holds a voter session (`kapok_voter` cookie) for one edition; it is not an
//! account. Ballots go through the ballot writer (`vote::writer`), which answers 503 with
//! Retry-After when saturated.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use rand::Rng;
use serde::Deserialize;

use crate::auth;
use crate::domain::{Edition, EditionId, EntryId, EntryStatus, InitiativeSummary};
use crate::interchange::escape_cell;
use crate::storage::vote::{CastOutcome, CodeOutcome, NewBallot, NewVoteCode, NewVoterSession, VoterSession};
use crate::storage::{InitiativeQuery, NewMail, PageRequest};
use crate::vote::writer::CastError;
use crate::vote::{self, Phase, Verification, VoteSettings};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang, Viewer, cookie};
use crate::web::error::PageError;
use crate::web::forms::{check_visitor_post, cookie_header, parse_form, same_origin, visitor_token, with_cookie};
use crate::web::limits::{self, ClientIp};

pub const VOTER_COOKIE: &str = "kapok_voter";
const VOTER_SESSION_SECONDS: i64 = 24 * 60 * 60;
const CODE_SECONDS: i64 = 15 * 60;

/// An edition's vote as the pages need it.
pub struct Vote {
    pub edition: Edition,
    pub settings: VoteSettings,
    pub candidates: Vec<InitiativeSummary>,
}

impl Vote {
    pub fn candidate_ids(&self) -> Vec<EntryId> {
        self.candidates.iter().map(|c| c.entry_id).collect()
    }
}

/// The vote of an edition: 404 when the edition has none.
pub async fn load_vote(state: &AppState, lang: Lang, raw_id: &str) -> Result<Vote, PageError> {
    let id = EditionId(super::parse_id(lang, raw_id, "what-vote")?);
    let settings = state.store.vote_settings(id).await.map_err(PageError::store(lang))?;
    let Some(settings) = settings else { return Err(PageError::not_found(lang, "what-vote")) };
    let edition = state.store.edition(id).await.map_err(PageError::store(lang))?;
    let Some(edition) = edition else { return Err(PageError::not_found(lang, "what-vote")) };
    let candidates = candidates(state, lang, &edition, &settings).await?;
    Ok(Vote { edition, settings, candidates })
}

/// Votes as ballots need them, kept for a second: a ballot would otherwise re-read the settings,
/// the edition and its candidates (about ten queries) on every request. A change of settings in
/// this process clears its entry at once; another server sees it within the second (and the time
/// of one load). Once a second is up, one request reloads while the others go on with the vote
/// as it was: without that, every ballot in flight at that moment loaded it again (hundreds at
/// once under load, a pause each second).
#[derive(Default)]
pub struct VoteCache {
    votes: std::sync::Mutex<HashMap<EditionId, (std::time::Instant, std::sync::Arc<Vote>)>>,
    loading: tokio::sync::Mutex<()>,
}

const VOTE_CACHE_SECONDS: u64 = 1;

impl VoteCache {
    fn cached(&self, id: EditionId) -> Option<(bool, std::sync::Arc<Vote>)> {
        let votes = self.votes.lock().unwrap_or_else(|p| p.into_inner());
        let (at, vote) = votes.get(&id)?;
        Some((at.elapsed().as_secs() < VOTE_CACHE_SECONDS, vote.clone()))
    }

    pub async fn get(&self, state: &AppState, lang: Lang, raw_id: &str) -> Result<std::sync::Arc<Vote>, PageError> {
        let id = EditionId(super::parse_id(lang, raw_id, "what-vote")?);
        let loading = match self.cached(id) {
            Some((true, vote)) => return Ok(vote),
            // Another request is reloading it: this one goes on with the vote a moment older.
            Some((false, vote)) => match self.loading.try_lock() {
                Ok(loading) => loading,
                Err(_) => return Ok(vote),
            },
            // Nothing to go on with: wait for the request loading it, if any.
            None => self.loading.lock().await,
        };
        if let Some((true, vote)) = self.cached(id) {
            return Ok(vote);
        }
        let vote = std::sync::Arc::new(load_vote(state, lang, raw_id).await?);
        self.votes.lock().unwrap_or_else(|p| p.into_inner()).insert(id, (std::time::Instant::now(), vote.clone()));
        drop(loading);
        Ok(vote)
    }

    pub fn forget(&self, edition: EditionId) {
        self.votes.lock().unwrap_or_else(|p| p.into_inner()).remove(&edition);
    }
}

/// The settings' candidates, or the edition's shortlist.
pub async fn candidates(
    state: &AppState,
    lang: Lang,
    edition: &Edition,
    settings: &VoteSettings,
) -> Result<Vec<InitiativeSummary>, PageError> {
    let query = InitiativeQuery {
        edition: Some(edition.summary.id),
        min_status: Some(if settings.candidates.is_empty() { EntryStatus::Shortlisted } else { EntryStatus::Valid }),
        ..Default::default()
    };
    let mut found = Vec::new();
    let mut offset = 0;
    loop {
        let page = state
            .store
            .initiatives(&query, PageRequest::new(offset, PageRequest::MAX_LIMIT))
            .await
            .map_err(PageError::store(lang))?;
        let n = page.items.len() as i64;
        found.extend(page.items);
        offset += n;
        if n == 0 || offset >= page.total {
            break;
        }
    }
    if !settings.candidates.is_empty() {
        found.retain(|c| settings.candidates.contains(&c.entry_id));
    }
    found.sort_by_key(|c| c.city_name.clone());
    Ok(found)
}

/// Voter sessions as ballots need them, kept for half a minute: a ballot would otherwise read its
/// session from the database on every request, the one read left on the ballot's path. Signing
/// out here forgets the session at once; another server sees it within the half minute. Only
/// sessions found are kept, so made-up cookies cannot fill it.
#[derive(Default)]
pub struct VoterSessionCache(std::sync::Mutex<HashMap<String, (std::time::Instant, VoterSession)>>);

const VOTER_SESSION_CACHE_SECONDS: u64 = 30;
/// Past this many sessions the cache starts over, which bounds its memory.
const VOTER_SESSION_CACHE_SIZE: usize = 200_000;

impl VoterSessionCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (std::time::Instant, VoterSession)>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    async fn get(&self, store: &dyn crate::storage::Store, token_hash: &str) -> Option<VoterSession> {
        let now = jiff::Timestamp::now().as_second();
        if let Some((at, session)) = self.lock().get(token_hash)
            && at.elapsed().as_secs() < VOTER_SESSION_CACHE_SECONDS
            && session.expires_at > now
        {
            return Some(session.clone());
        }
        match store.voter_session(token_hash, now).await {
            Ok(Some(session)) => {
                let mut sessions = self.lock();
                if sessions.len() >= VOTER_SESSION_CACHE_SIZE {
                    sessions.clear();
                }
                sessions.insert(token_hash.to_string(), (std::time::Instant::now(), session.clone()));
                Some(session)
            }
            Ok(None) => None,
            Err(error) => {
                tracing::error!(%error, "voter session lookup failed");
                None
            }
        }
    }

    fn forget(&self, token_hash: &str) {
        self.lock().remove(token_hash);
    }
}

/// The voter session of this request for this edition, if any.
async fn voter(state: &AppState, headers: &HeaderMap, edition: EditionId) -> Option<(VoterSession, String)> {
    let token_hash = auth::token_hash(cookie(headers, VOTER_COOKIE)?);
    let session = state.voter_sessions.get(&*state.store, &token_hash).await?;
    (session.edition == edition).then_some((session, token_hash))
}

struct CandidateView {
    entry_id: EntryId,
    initiative_id: i64,
    title: String,
    place: String,
    summary: String,
    checked: bool,
}

struct WindowView {
    opens: String,
    opens_iso: String,
    closes: String,
    closes_iso: String,
}

fn window_view(vote: &Vote) -> WindowView {
    let zone = &vote.edition.timezone;
    let iso = |at: i64| jiff::Timestamp::from_second(at).map(|t| t.to_string()).unwrap_or_default();
    let at = |s: i64| jiff::Timestamp::from_second(s).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    WindowView {
        opens: zone.format(at(vote.settings.opens_at)),
        opens_iso: iso(vote.settings.opens_at),
        closes: zone.format(at(vote.settings.closes_at)),
        closes_iso: iso(vote.settings.closes_at),
    }
}

fn phase_code(phase: Phase) -> &'static str {
    match phase {
        Phase::NotOpen => "not-open",
        Phase::Open => "open",
        Phase::Closed => "closed",
    }
}

/// The sentence that states a vote's rules (shape and frequency).
pub fn rules_sentence(c: &Chrome, settings: &VoteSettings, candidates: usize) -> String {
    let n = settings.choices.min(candidates.max(1)) as i64;
    let shape = match settings.shape {
        vote::BallotShape::Exactly => c.tr.t1("vote-shape-exactly", "n", n),
        vote::BallotShape::UpTo => c.tr.t1("vote-shape-up-to", "n", n),
    };
    let frequency = match settings.frequency {
        vote::Frequency::OncePerWindow => c.tr.t("vote-frequency-once"),
        vote::Frequency::OncePerDay => c.tr.t("vote-frequency-daily"),
        vote::Frequency::PerDay => c.tr.t1("vote-frequency-per-day", "n", settings.per_day as i64),
    };
    format!("{shape} {frequency}")
}

#[derive(Template)]
#[template(path = "vote.html")]
struct VotePage {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    phase: &'static str,
    phase_label: String,
    window: WindowView,
    rules: String,
    candidates: Vec<CandidateView>,
    multiple: bool,
    verification: &'static str,
    verified_line: String,
    code_sent: String,
    verify_intro: String,
    identity_label: String,
    /// The identity being verified (the code form is shown).
    pending_identity: Option<String>,
    form_token: String,
    voter: Option<String>,
    voter_csrf: String,
    ballots_left: Option<i64>,
    message: Option<String>,
    tallies_visible: bool,
}

fn edition_name(c: &Chrome, edition: &Edition) -> String {
    format!("{} {}", edition.summary.award_name.get(c.lang), edition.summary.year)
}

struct VoteForm<'a> {
    pending_identity: Option<String>,
    message: Option<String>,
    checked: &'a [EntryId],
}

async fn render_vote(
    state: &AppState,
    viewer: &Viewer,
    headers: &HeaderMap,
    vote: &Vote,
    form: VoteForm<'_>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let c = Chrome::new(viewer, "vote");
    let now = jiff::Timestamp::now().as_second();
    let (form_token, cookie) = visitor_token(headers);
    let voter = voter(state, headers, vote.edition.summary.id).await;
    let ballots_left = match &voter {
        Some((session, _)) => {
            let period = vote.settings.period(now, vote.edition.timezone.zone());
            let used = state.store.ballots_in_period(session.voter, &period).await.map_err(PageError::store(lang))?;
            Some((i64::from(vote.settings.max_per_period()) - used).max(0))
        }
        None => None,
    };
    let mut candidates = Vec::new();
    for candidate in &vote.candidates {
        let summary = match state.store.initiative(candidate.id).await.map_err(PageError::store(lang))? {
            Some(initiative) => initiative
                .text(lang.0)
                .and_then(|(_, text)| text.section(crate::domain::Section::Summary).map(str::to_string))
                .unwrap_or_default(),
            None => String::new(),
        };
        candidates.push(CandidateView {
            entry_id: candidate.entry_id,
            initiative_id: candidate.id.0,
            title: candidate.title(lang.0).unwrap_or_default().to_string(),
            place: format!(
                "{}, {}",
                if lang.0 == crate::domain::UiLang::Zh {
                    candidate.city_name_zh.clone().unwrap_or_else(|| candidate.city_name.clone())
                } else {
                    candidate.city_name.clone()
                },
                candidate.country_code
            ),
            summary: summary.chars().take(400).collect(),
            checked: form.checked.contains(&candidate.entry_id),
        });
    }
    let verification = vote.settings.verification.as_str();
    let phase = phase_code(vote.settings.phase(now));
    let verified_line = match (&voter, ballots_left) {
        (Some((session, _)), left) => {
            let mut line = c.tr.t1("vote-verified-as", "identity", session.identity.as_str());
            if let Some(left) = left {
                line = format!("{line} · {}", c.tr.t1("vote-ballots-left", "n", left));
            }
            line
        }
        (None, _) => String::new(),
    };
    let page = VotePage {
        edition_id: vote.edition.summary.id,
        edition_name: edition_name(&c, &vote.edition),
        phase,
        phase_label: c.tr.t(&format!("vote-phase-{phase}")),
        verified_line,
        code_sent: form
            .pending_identity
            .as_deref()
            .map(|identity| c.tr.t1(&format!("vote-code-sent-{verification}"), "identity", identity))
            .unwrap_or_default(),
        verify_intro: c.tr.t(&format!("vote-verify-intro-{verification}")),
        identity_label: c.tr.t(&format!("vote-identity-label-{verification}")),
        window: window_view(vote),
        rules: rules_sentence(&c, &vote.settings, vote.candidates.len()),
        multiple: vote.settings.choices > 1 || vote.settings.shape == vote::BallotShape::UpTo,
        verification,
        pending_identity: form.pending_identity,
        form_token,
        voter_csrf: voter.as_ref().map(|(s, _)| s.csrf.clone()).unwrap_or_default(),
        voter: voter.map(|(s, _)| s.identity),
        ballots_left,
        message: form.message,
        tallies_visible: vote.settings.tallies_visible,
        candidates,
        c,
    };
    let mut response = (status, super::render(lang, page)?).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(with_cookie(response, cookie))
}

/// `GET /vote/{edition}`: the candidates, and the next step for this visitor.
pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let vote = load_vote(&state, viewer.lang, &id).await?;
    let form = VoteForm { pending_identity: None, message: None, checked: &[] };
    render_vote(&state, &viewer, &headers, &vote, form, StatusCode::OK).await
}

#[derive(Template)]
#[template(path = "votes.html")]
struct VotesPage {
    c: Chrome,
    votes: Vec<VoteLine>,
}

struct VoteLine {
    edition_id: EditionId,
    name: String,
    phase: &'static str,
    phase_label: String,
    window: WindowView,
}

/// `GET /vote`: every public vote, open ones first.
pub async fn list(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let c = Chrome::new(&viewer, "vote");
    let now = jiff::Timestamp::now().as_second();
    let mut votes = Vec::new();
    for (id, settings) in state.store.votes().await.map_err(PageError::store(lang))? {
        let Some(edition) = state.store.edition(id).await.map_err(PageError::store(lang))? else { continue };
        let vote = Vote { edition, settings, candidates: Vec::new() };
        votes.push(VoteLine {
            edition_id: id,
            name: edition_name(&c, &vote.edition),
            phase: phase_code(vote.settings.phase(now)),
            phase_label: c.tr.t(&format!("vote-phase-{}", phase_code(vote.settings.phase(now)))),
            window: window_view(&vote),
        });
    }
    votes.sort_by_key(|v| v.phase != "open");
    Ok(super::render(lang, VotesPage { c, votes })?.into_response())
}

#[derive(Debug, Deserialize)]
pub struct CodeForm {
    csrf: String,
    identity: String,
}

/// `POST /vote/{edition}/code`: sends a one-time code to an e-mail address or phone.
pub async fn send_code(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Path(id): Path<String>,
    form: Result<Form<CodeForm>, FormRejection>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let vote = load_vote(&state, lang, &id).await?;
    let Form(form) = form.map_err(PageError::form(lang))?;
    check_visitor_post(lang, &headers, &form.csrf)?;
    let now = jiff::Timestamp::now().as_second();
    let refuse = |message: String| VoteForm { pending_identity: None, message: Some(message), checked: &[] };
    if vote.settings.phase(now) != Phase::Open {
        let form = refuse(tr.t("vote-not-open"));
        return render_vote(&state, &viewer, &headers, &vote, form, StatusCode::BAD_REQUEST).await;
    }
    let identity = match vote::normalise_identity(vote.settings.verification, &form.identity) {
        Ok(identity) => identity,
        Err(_) => {
            let message = tr.t(match vote.settings.verification {
                Verification::Email => "vote-identity-email",
                Verification::Phone => "vote-identity-phone",
            });
            return render_vote(&state, &viewer, &headers, &vote, refuse(message), StatusCode::BAD_REQUEST).await;
        }
    };
    if vote.settings.verification == Verification::Email
        && vote::is_disposable(&identity, &state.settings.disposable_domains)
    {
        let message = tr.t("vote-identity-disposable");
        return render_vote(&state, &viewer, &headers, &vote, refuse(message), StatusCode::BAD_REQUEST).await;
    }
    let subnet = vote::subnet_of(ip);
    for (key, limit) in [
        (format!("vote-code-ip:{ip}"), limits::VOTE_CODES_PER_ADDRESS),
        (format!("vote-code-net:{subnet}"), limits::VOTE_CODES_PER_SUBNET),
        (format!("vote-code-id:{identity}"), limits::VOTE_CODES_PER_IDENTITY),
    ] {
        state.limiter.attempt(&key, limit).map_err(|wait| PageError::too_many(lang, wait))?;
    }
    let code = format!("{:06}", rand::rng().random_range(0..1_000_000));
    let new_code = NewVoteCode {
        edition: vote.edition.summary.id,
        code_hash: code_hash(vote.edition.summary.id, &identity, &code),
        identity: identity.clone(),
        expires_at: now + CODE_SECONDS,
    };
    let text = tr.tn(
        "vote-code-text",
        &[("code", code.clone().into()), ("vote", edition_name(&Chrome::new(&viewer, "vote"), &vote.edition).into())],
    );
    match vote.settings.verification {
        Verification::Email => {
            let mail = NewMail { to: identity.clone(), subject: tr.t("vote-code-subject"), body: text };
            state.store.add_vote_code(&new_code, Some(&mail), now).await.map_err(PageError::store(lang))?;
            state.mail_wakeup.notify_one();
        }
        Verification::Phone => {
            state.store.add_vote_code(&new_code, None, now).await.map_err(PageError::store(lang))?;
            if let Err(error) = state.sms.send(&identity, &text).await {
                tracing::warn!(%error, "the text message with a voting code was not sent");
                return Err(PageError::unavailable(lang));
            }
        }
    }
    let form = VoteForm { pending_identity: Some(identity), message: None, checked: &[] };
    render_vote(&state, &viewer, &headers, &vote, form, StatusCode::OK).await
}

fn code_hash(edition: EditionId, identity: &str, code: &str) -> String {
    auth::token_hash(&format!("{edition}:{identity}:{code}"))
}

#[derive(Debug, Deserialize)]
pub struct VerifyForm {
    csrf: String,
    identity: String,
    code: String,
}

/// `POST /vote/{edition}/verify`: checks the code and opens a voter session.
pub async fn verify(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Path(id): Path<String>,
    form: Result<Form<VerifyForm>, FormRejection>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let vote = load_vote(&state, lang, &id).await?;
    let Form(form) = form.map_err(PageError::form(lang))?;
    check_visitor_post(lang, &headers, &form.csrf)?;
    state
        .limiter
        .attempt(&format!("vote-verify-ip:{ip}"), limits::VOTE_VERIFICATIONS_PER_ADDRESS)
        .map_err(|wait| PageError::too_many(lang, wait))?;
    let identity = vote::normalise_identity(vote.settings.verification, &form.identity).unwrap_or_default();
    let code: String = form.code.chars().filter(|c| c.is_ascii_digit()).collect();
    let now = jiff::Timestamp::now().as_second();
    let token = auth::new_token();
    let session = NewVoterSession {
        token_hash: auth::token_hash(&token),
        csrf: auth::new_token(),
        expires_at: (now + VOTER_SESSION_SECONDS).min(vote.settings.closes_at.max(now + 60)),
    };
    let outcome = if identity.is_empty() || code.len() != 6 {
        CodeOutcome::Wrong { attempts_left: 1 }
    } else {
        let hash = code_hash(vote.edition.summary.id, &identity, &code);
        state
            .store
            .verify_vote_code(vote.edition.summary.id, &identity, &hash, &session, now)
            .await
            .map_err(PageError::store(lang))?
    };
    match outcome {
        CodeOutcome::Verified(_) => {
            let mut response = Redirect::to(&format!("/vote/{}", vote.edition.summary.id)).into_response();
            response
                .headers_mut()
                .append(header::SET_COOKIE, cookie_header(VOTER_COOKIE, &token, VOTER_SESSION_SECONDS));
            Ok(response)
        }
        CodeOutcome::Wrong { attempts_left } => {
            let message = tr.t1("vote-code-wrong", "left", attempts_left);
            let form = VoteForm { pending_identity: Some(identity), message: Some(message), checked: &[] };
            render_vote(&state, &viewer, &headers, &vote, form, StatusCode::BAD_REQUEST).await
        }
        CodeOutcome::NoValidCode => {
            let form = VoteForm { pending_identity: None, message: Some(tr.t("vote-code-expired")), checked: &[] };
            render_vote(&state, &viewer, &headers, &vote, form, StatusCode::BAD_REQUEST).await
        }
    }
}

/// Whether the client asked for JSON (the API use of the ballot endpoint).
fn wants_json(headers: &HeaderMap) -> bool {
    headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("application/json"))
}

#[derive(Template)]
#[template(path = "vote_receipt.html")]
struct ReceiptPage {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    receipt: String,
}

/// A ballot refused: a page in the voter's language, or a JSON error for API clients.
fn ballot_refused(lang: Lang, json: bool, status: StatusCode, message_id: &str, arg: Option<i64>) -> Response {
    let tr = crate::i18n::Tr::new(lang.0);
    let message = match arg {
        Some(n) => tr.t1(message_id, "n", n),
        None => tr.t(message_id),
    };
    let mut response = if json {
        let code = message_id.trim_start_matches("vote-").replace('-', "_");
        let body = serde_json::json!({"error": {"status": status.as_u16(), "code": code, "message": message}});
        (status, axum::Json(body)).into_response()
    } else if status == StatusCode::SERVICE_UNAVAILABLE {
        PageError::unavailable(lang).into_response()
    } else if status == StatusCode::FORBIDDEN {
        PageError::forbidden(lang, message).into_response()
    } else {
        let mut page = PageError::bad_request(lang, message).into_response();
        // 409 for a spent limit, 429 for too fast: the page is the same, the status says which.
        *page.status_mut() = status;
        page
    };
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    response
}

/// The ballot form, as the OpenAPI document describes it.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct BallotForm {
    /// The voter session's form token (from the ballot page).
    csrf: String,
    /// Entry ids of the chosen candidates, the field repeated for each.
    choice: Vec<i64>,
}

/// The answer to a counted ballot.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct BallotReceipt {
    /// Keep it to check later that the ballot was counted (`/vote/{edition}/check?receipt=…`).
    receipt: String,
}

/// `POST /vote/{edition}/ballot`: counts a verified voter's ballot and answers with its receipt
/// once it is durable. `Accept: application/json` gets `{"receipt": …}` instead of a page.
#[utoipa::path(
    post,
    path = "/vote/{edition}/ballot",
    description = "Casts a ballot of a voter verified by a one-time code (the `kapok_voter` cookie). Answers once the ballot is durable. Send `Accept: application/json` for JSON answers; errors are `{error: {status, code, message}}`.",
    request_body(content = inline(BallotForm), content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 201, description = "Counted", body = inline(BallotReceipt)),
        (status = 400, description = "Malformed ballot, wrong number of choices, or the vote is not open"),
        (status = 403, description = "Not verified for this vote, or a form token that does not match"),
        (status = 409, description = "The identity has used its ballots for this period"),
        (status = 429, description = "Too many ballots from this address; see Retry-After"),
        (status = 503, description = "The ballot writer is saturated; try again after Retry-After"),
    )
)]
pub async fn cast(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let json = wants_json(&headers);
    let refuse = |status, id: &str, arg| Ok(ballot_refused(lang, json, status, id, arg));
    let Ok(edition) = id.parse::<i64>().map(EditionId) else { return Err(PageError::not_found(lang, "what-vote")) };
    let Some((session, _)) = voter(&state, &headers, edition).await else {
        return refuse(StatusCode::FORBIDDEN, "vote-not-verified", None);
    };
    let Ok(fields) = parse_form(&body) else { return refuse(StatusCode::BAD_REQUEST, "vote-ballot-malformed", None) };
    let csrf = fields.get("csrf").and_then(|v| v.first()).map(String::as_str).unwrap_or("");
    if !same_origin(&headers) || !auth::same_secret(&session.csrf, csrf) {
        return Err(PageError::forbidden(lang, crate::i18n::Tr::new(lang.0).t("error-form-expired")));
    }
    let mut choices = Vec::new();
    for raw in fields.get("choice").into_iter().flatten() {
        match raw.parse::<i64>() {
            Ok(id) if id > 0 => choices.push(EntryId(id)),
            _ => return refuse(StatusCode::BAD_REQUEST, "vote-ballot-malformed", None),
        }
    }
    let subnet = vote::subnet_of(ip);
    if let Some(limit) = state.settings.ballots_per_address {
        for (key, limit) in [
            (format!("ballot-ip:{ip}"), limit),
            (format!("ballot-net:{subnet}"), limits::Limit { attempts: limit.attempts * 5, window: limit.window }),
        ] {
            if let Err(wait) = state.limiter.attempt(&key, limit) {
                let mut response = ballot_refused(lang, json, StatusCode::TOO_MANY_REQUESTS, "vote-too-fast", None);
                response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(wait.as_secs().max(1)));
                return Ok(response);
            }
        }
    }
    let vote = state.vote_cache.get(&state, lang, &id).await?;
    let now = jiff::Timestamp::now().as_second();
    if vote.settings.phase(now) != Phase::Open {
        return refuse(StatusCode::BAD_REQUEST, "vote-not-open", None);
    }
    let choices = match vote.settings.check_ballot(&vote.candidate_ids(), &choices) {
        Ok(choices) => choices,
        Err(vote::BallotError::WrongCount { wanted }) => {
            return refuse(StatusCode::BAD_REQUEST, "vote-ballot-exactly", Some(wanted as i64));
        }
        Err(vote::BallotError::TooMany { wanted }) => {
            return refuse(StatusCode::BAD_REQUEST, "vote-ballot-too-many", Some(wanted as i64));
        }
        Err(vote::BallotError::Empty) => return refuse(StatusCode::BAD_REQUEST, "vote-ballot-empty", None),
        Err(vote::BallotError::NotACandidate | vote::BallotError::Repeated) => {
            return refuse(StatusCode::BAD_REQUEST, "vote-ballot-malformed", None);
        }
    };
    let ballot = NewBallot {
        edition,
        voter: session.voter,
        receipt: new_receipt(),
        period: vote.settings.period(now, vote.edition.timezone.zone()),
        max_per_period: vote.settings.max_per_period(),
        choices,
        cast_at: now,
        ip: ip.to_string(),
        subnet,
    };
    let receipt = ballot.receipt.clone();
    match state.ballots.cast(ballot).await {
        Ok(CastOutcome::Counted) => {}
        Ok(CastOutcome::LimitReached) => return refuse(StatusCode::CONFLICT, "vote-limit-reached", None),
        Err(CastError::Busy) => return refuse(StatusCode::SERVICE_UNAVAILABLE, "vote-busy", None),
        Err(CastError::Failed(error)) => {
            tracing::error!(%error, "a ballot was not stored");
            return refuse(StatusCode::SERVICE_UNAVAILABLE, "vote-busy", None);
        }
    }
    metrics::counter!("kapok_ballots_counted_total").increment(1);
    if json {
        return Ok((StatusCode::CREATED, axum::Json(serde_json::json!({ "receipt": receipt }))).into_response());
    }
    let c = Chrome::new(&viewer, "vote");
    let page = ReceiptPage { edition_id: edition, edition_name: edition_name(&c, &vote.edition), receipt, c };
    Ok((StatusCode::CREATED, super::render(lang, page)?).into_response())
}

fn new_receipt() -> String {
    let millis = jiff::Timestamp::now().as_millisecond().max(0) as u64;
    vote::receipt(millis, rand::rng().random())
}

/// `POST /vote/{edition}/signout`: ends the voter session.
pub async fn sign_out(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let edition = EditionId(super::parse_id(lang, &id, "what-vote")?);
    if !same_origin(&headers) {
        return Err(PageError::forbidden(lang, crate::i18n::Tr::new(lang.0).t("error-form-expired")));
    }
    if let Some((_, token_hash)) = voter(&state, &headers, edition).await {
        state.store.close_voter_session(&token_hash).await.map_err(PageError::store(lang))?;
        state.voter_sessions.forget(&token_hash);
    }
    let mut response = Redirect::to(&format!("/vote/{edition}")).into_response();
    response.headers_mut().append(header::SET_COOKIE, cookie_header(VOTER_COOKIE, "", 0));
    Ok(response)
}

#[derive(Debug, Default, Deserialize)]
pub struct CheckParams {
    receipt: Option<String>,
}

#[derive(Template)]
#[template(path = "vote_check.html")]
struct CheckPage {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    receipt: String,
    /// "counted", "invalidated", "unknown", or empty before a receipt is asked about.
    outcome: &'static str,
    outcome_text: String,
}

/// `GET /vote/{edition}/check?receipt=…`: whether a ballot was counted — never its choices.
pub async fn check(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    params: Result<Query<CheckParams>, QueryRejection>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let vote = load_vote(&state, lang, &id).await?;
    let raw = params.ok().and_then(|Query(p)| p.receipt).unwrap_or_default();
    let receipt = normalise_receipt(&raw);
    let (outcome, cast, reason) = if raw.trim().is_empty() {
        ("", String::new(), String::new())
    } else {
        match state.store.ballot_status(vote.edition.summary.id, &receipt).await.map_err(PageError::store(lang))? {
            None => ("unknown", String::new(), String::new()),
            Some(status) => {
                let at = jiff::Timestamp::from_second(status.cast_at).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
                let cast = vote.edition.timezone.format(at);
                match status.invalid_reason {
                    Some(reason) => ("invalidated", cast, reason),
                    None => ("counted", cast, String::new()),
                }
            }
        }
    };
    let c = Chrome::new(&viewer, "vote");
    let outcome_text = match outcome {
        "counted" => c.tr.t1("vote-check-counted", "when", cast),
        "invalidated" => c.tr.t2("vote-check-invalidated", ("when", cast), ("reason", reason)),
        "unknown" => c.tr.t("vote-check-unknown"),
        _ => String::new(),
    };
    let page = CheckPage {
        edition_id: vote.edition.summary.id,
        edition_name: edition_name(&c, &vote.edition),
        receipt: raw.chars().take(64).collect(),
        outcome,
        outcome_text,
        c,
    };
    Ok(super::render(lang, page)?.into_response())
}

/// A receipt as typed: upper case, with the dashes where they belong whatever the voter typed.
fn normalise_receipt(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect();
    chars.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

#[derive(Template)]
#[template(path = "vote_rules.html")]
struct RulesPage {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    window: WindowView,
    rules: String,
    verification_rule: String,
    tallies_visible: bool,
}

/// `GET /vote/{edition}/rules`: the published rules, and what is checked.
pub async fn rules(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let vote = load_vote(&state, lang, &id).await?;
    let c = Chrome::new(&viewer, "vote");
    let page = RulesPage {
        edition_id: vote.edition.summary.id,
        edition_name: edition_name(&c, &vote.edition),
        window: window_view(&vote),
        rules: rules_sentence(&c, &vote.settings, vote.candidates.len()),
        verification_rule: c.tr.t(&format!("vote-rules-verification-{}", vote.settings.verification)),
        tallies_visible: vote.settings.tallies_visible,
        c,
    };
    Ok(super::render(lang, page)?.into_response())
}

struct TallyLine {
    initiative_id: i64,
    title: String,
    place: String,
    votes: u64,
    share: String,
}

#[derive(Template)]
#[template(path = "vote_results.html")]
struct ResultsPage {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    /// "certified", "running" (tallies visible while open), or "pending".
    state: &'static str,
    lines: Vec<TallyLine>,
    summary_line: String,
    digest: String,
    chart: String,
}

/// What the public may see of a vote's count now: the certified result, or the running tally
/// when the settings show it.
pub enum PublicCount {
    Certified(crate::storage::vote::CertifiedVote),
    Running { tally: Vec<(EntryId, u64)>, counted: i64, timeline: Vec<(i64, u64)> },
    Hidden,
}

pub async fn public_count(state: &AppState, lang: Lang, vote: &Vote) -> Result<PublicCount, PageError> {
    let edition = vote.edition.summary.id;
    if let Some(result) = state.store.certified_vote(edition).await.map_err(PageError::store(lang))? {
        return Ok(PublicCount::Certified(result));
    }
    let now = jiff::Timestamp::now().as_second();
    if vote.settings.tallies_visible && vote.settings.phase(now) == Phase::Open {
        let ballots = state.store.ballots(edition).await.map_err(PageError::store(lang))?;
        let counted: Vec<Vec<EntryId>> = ballots.iter().filter(|b| b.counted).map(|b| b.choices.clone()).collect();
        let timeline = timeline(&vote.settings, ballots.iter().filter(|b| b.counted).map(|b| b.cast_at));
        return Ok(PublicCount::Running {
            tally: vote::tally(&vote.candidate_ids(), &counted),
            counted: counted.len() as i64,
            timeline,
        });
    }
    Ok(PublicCount::Hidden)
}

/// Counted ballots per bucket of time (hours or days, by the window's length), gaps filled.
pub fn timeline(settings: &VoteSettings, cast: impl Iterator<Item = i64>) -> Vec<(i64, u64)> {
    let bucket = vote::chart::bucket_seconds(settings.opens_at, settings.closes_at);
    let mut counts: std::collections::BTreeMap<i64, u64> = std::collections::BTreeMap::new();
    for at in cast {
        *counts.entry(at - (at - settings.opens_at).rem_euclid(bucket)).or_default() += 1;
    }
    vote::chart::fill_gaps(&counts.into_iter().collect::<Vec<_>>(), bucket)
}

pub fn chart_svg(c: &Chrome, vote: &Vote, timeline: &[(i64, u64)]) -> String {
    let zone = vote.edition.timezone.zone().clone();
    let daily = vote::chart::bucket_seconds(vote.settings.opens_at, vote.settings.closes_at) >= 86_400;
    vote::chart::votes_over_time(timeline, &c.tr.t("vote-chart-title"), move |at| {
        let zoned = jiff::Timestamp::from_second(at).unwrap_or(jiff::Timestamp::UNIX_EPOCH).to_zoned(zone.clone());
        if daily { zoned.strftime("%Y-%m-%d").to_string() } else { zoned.strftime("%Y-%m-%d %H:00").to_string() }
    })
}

fn tally_lines(lang: Lang, vote: &Vote, tally: &[(EntryId, u64)]) -> Vec<TallyLine> {
    let total: u64 = tally.iter().map(|(_, v)| v).sum();
    let by_entry: HashMap<EntryId, &InitiativeSummary> = vote.candidates.iter().map(|c| (c.entry_id, c)).collect();
    tally
        .iter()
        .map(|(entry, votes)| {
            let candidate = by_entry.get(entry);
            TallyLine {
                initiative_id: candidate.map(|c| c.id.0).unwrap_or_default(),
                title: candidate.and_then(|c| c.title(lang.0)).unwrap_or_default().to_string(),
                place: candidate.map(|c| format!("{}, {}", c.city_name, c.country_code)).unwrap_or_default(),
                votes: *votes,
                share: if total == 0 { "0.0".into() } else { format!("{:.1}", *votes as f64 * 100.0 / total as f64) },
            }
        })
        .collect()
}

/// `GET /vote/{edition}/results`: the certified tally, the chart, the digest and the downloads;
/// or the running tally where the settings show it.
pub async fn results(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let vote = load_vote(&state, lang, &id).await?;
    let c = Chrome::new(&viewer, "vote");
    let edition_name = edition_name(&c, &vote.edition);
    let edition_id = vote.edition.summary.id;
    let page = match public_count(&state, lang, &vote).await? {
        PublicCount::Certified(result) => {
            let at = jiff::Timestamp::from_second(result.certified_at).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
            ResultsPage {
                state: "certified",
                lines: tally_lines(lang, &vote, &result.tally),
                summary_line: format!(
                    "{} {}",
                    c.tr.t1("vote-results-certified", "when", vote.edition.timezone.format(at)),
                    c.tr.t2("vote-results-counts", ("counted", result.counted), ("invalidated", result.invalidated))
                ),
                digest: result.digest.clone(),
                chart: chart_svg(&c, &vote, &result.timeline),
                edition_id,
                edition_name,
                c,
            }
        }
        PublicCount::Running { tally, counted, timeline } => ResultsPage {
            state: "running",
            lines: tally_lines(lang, &vote, &tally),
            summary_line: c.tr.t1("vote-results-running", "counted", counted),
            digest: String::new(),
            chart: chart_svg(&c, &vote, &timeline),
            edition_id,
            edition_name,
            c,
        },
        PublicCount::Hidden => ResultsPage {
            state: "pending",
            lines: Vec::new(),
            summary_line: String::new(),
            digest: String::new(),
            chart: String::new(),
            edition_id,
            edition_name,
            c,
        },
    };
    Ok(super::render(lang, page)?.into_response())
}

/// `GET /vote/{edition}/results.csv`: the certified tally (UTF-8 with BOM, formula-safe).
pub async fn results_csv(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let vote = load_vote(&state, lang, &id).await?;
    let Some(result) = state.store.certified_vote(vote.edition.summary.id).await.map_err(PageError::store(lang))?
    else {
        return Err(PageError::not_found(lang, "what-vote-result"));
    };
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let _ = writer.write_record(["rank", "entry_id", "initiative_id", "title", "government", "votes"]);
        for (rank, (line, (entry, _))) in tally_lines(lang, &vote, &result.tally).iter().zip(&result.tally).enumerate()
        {
            let _ = writer.write_record([
                (rank + 1).to_string(),
                entry.to_string(),
                line.initiative_id.to_string(),
                escape_cell(&line.title),
                escape_cell(&line.place),
                line.votes.to_string(),
            ]);
        }
        writer.flush().map_err(|_| PageError::unavailable(lang))?;
    }
    let name = format!("attachment; filename=\"vote-{}-results.csv\"", vote.edition.summary.id);
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
            (header::CONTENT_DISPOSITION, HeaderValue::from_str(&name).expect("ASCII")),
        ],
        out,
    )
        .into_response())
}

/// `GET /vote/{edition}/ballots.txt`: every counted ballot as `sha256(receipt),choices`, sorted;
/// its SHA-256 is the published digest. Only once the result is certified.
pub async fn ballots_list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let vote = load_vote(&state, lang, &id).await?;
    let edition = vote.edition.summary.id;
    if state.store.certified_vote(edition).await.map_err(PageError::store(lang))?.is_none() {
        return Err(PageError::not_found(lang, "what-vote-result"));
    }
    let body = published_ballots(&state, lang, edition).await?.1;
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"))], body).into_response())
}

/// The digest and body of the published list of counted ballots.
pub async fn published_ballots(
    state: &AppState,
    lang: Lang,
    edition: EditionId,
) -> Result<(String, String), PageError> {
    let ballots = state.store.ballots(edition).await.map_err(PageError::store(lang))?;
    let published: Vec<vote::PublishedBallot> =
        ballots.into_iter().filter(|b| b.counted).map(|b| vote::PublishedBallot::new(&b.receipt, b.choices)).collect();
    Ok(vote::ballots_digest(&published))
}
