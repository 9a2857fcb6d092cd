//! The Secretariat's side of the public vote: settings per edition, the anomaly report,
//! invalidating ballots with a reason (logged), certifying the result after the close, and the
//! log of text messages sent by the logging SMS provider.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};

use super::require_role;
use super::vote::{Vote, candidates, chart_svg, published_ballots, rules_sentence, timeline};
use super::{SecretariatEdition, SecretariatPost};
use crate::domain::{EditionId, EntryId, EntryStatus, Milestone, Role};
use crate::storage::vote::{BallotSelection, CertifiedVote, IdentityActivity, SubnetCluster, VoteEvent};
use crate::storage::{InitiativeQuery, PageRequest};
use crate::vote::anomalies::{self, Burst, PatternCluster};
use crate::vote::{self, BallotShape, Frequency, Phase, Verification, VoteSettings};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang, Viewer};
use crate::web::error::PageError;
use crate::web::forms::PostedFields;

struct EditionLine {
    id: EditionId,
    label: String,
    status: String,
}

#[derive(Template)]
#[template(path = "vote_desk_list.html")]
struct ListPage {
    c: Chrome,
    editions: Vec<EditionLine>,
}

/// `GET /secretariat/votes`: every edition, with its vote's state.
pub async fn list(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    if let Err(refusal) = require_role(&viewer, Role::Secretariat) {
        return Ok(refusal.into_response());
    }
    let lang = viewer.lang;
    let c = Chrome::new(&viewer, "account");
    let all = state
        .store
        .editions(None, PageRequest::new(0, PageRequest::MAX_LIMIT))
        .await
        .map_err(PageError::store(lang))?;
    let now = jiff::Timestamp::now().as_second();
    let mut editions = Vec::new();
    for edition in all.items {
        let settings = state.store.vote_settings(edition.id).await.map_err(PageError::store(lang))?;
        let status = match settings {
            None => c.tr.t("vote-desk-none"),
            Some(settings) => c.tr.t(match settings.phase(now) {
                Phase::NotOpen => "vote-phase-not-open",
                Phase::Open => "vote-phase-open",
                Phase::Closed => "vote-phase-closed",
            }),
        };
        editions.push(EditionLine {
            id: edition.id,
            label: format!("{} {}", edition.award_name.get(lang.0), edition.year),
            status,
        });
    }
    Ok(super::render(lang, ListPage { c, editions })?.into_response())
}

struct CandidateChoice {
    entry_id: EntryId,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "vote_desk.html")]
struct SettingsPage {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    timezone_line: String,
    exists: bool,
    opens: String,
    closes: String,
    shape: &'static str,
    choices: usize,
    frequency: &'static str,
    per_day: u32,
    verification: &'static str,
    tallies_visible: bool,
    candidates: Vec<CandidateChoice>,
    rules: String,
    phase: &'static str,
    phase_label: String,
    certified_line: Option<String>,
    ballots_line: String,
    events: Vec<(String, VoteEvent)>,
    error: Option<String>,
}

/// Settings for an edition without a vote yet: the edition's public-vote dates when it has
/// them (else from now for two weeks), one candidate, once per window, e-mail codes.
fn default_settings(edition: &crate::domain::Edition, now: i64) -> VoteSettings {
    let dated = edition.date(Milestone::PublicVote);
    let opens_at = dated.map(|d| d.starts_at.as_second()).unwrap_or(now);
    let closes_at = dated.and_then(|d| d.ends_at.map(|e| e.as_second())).unwrap_or(opens_at + 14 * 86_400);
    VoteSettings {
        opens_at,
        closes_at: closes_at.max(opens_at + 3_600),
        candidates: Vec::new(),
        shape: BallotShape::Exactly,
        choices: 1,
        frequency: Frequency::OncePerWindow,
        per_day: 1,
        verification: Verification::Email,
        tallies_visible: false,
    }
}

fn local_input(edition: &crate::domain::Edition, at: i64) -> String {
    jiff::Timestamp::from_second(at)
        .map(|t| t.to_zoned(edition.timezone.zone().clone()).strftime("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}

async fn render_settings(
    state: &AppState,
    viewer: &Viewer,
    edition: crate::domain::Edition,
    settings: Option<VoteSettings>,
    shown: VoteSettings,
    error: Option<String>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let c = Chrome::new(viewer, "account");
    let id = edition.summary.id;
    let query = InitiativeQuery { edition: Some(id), min_status: Some(EntryStatus::Valid), ..Default::default() };
    let entries = state
        .store
        .initiatives(&query, PageRequest::new(0, PageRequest::MAX_LIMIT))
        .await
        .map_err(PageError::store(lang))?;
    let shortlist =
        candidates(state, lang, &edition, &VoteSettings { candidates: Vec::new(), ..shown.clone() }).await?;
    let candidates = entries
        .items
        .iter()
        .map(|e| CandidateChoice {
            entry_id: e.entry_id,
            label: format!(
                "{} — {}, {}{}",
                e.title(lang.0).unwrap_or_default(),
                e.city_name,
                e.country_code,
                if e.status >= EntryStatus::Shortlisted {
                    format!(" ({})", c.tr.t("status-shortlisted"))
                } else {
                    String::new()
                }
            ),
            checked: shown.candidates.contains(&e.entry_id),
        })
        .collect();
    let now = jiff::Timestamp::now().as_second();
    let certified = state.store.certified_vote(id).await.map_err(PageError::store(lang))?;
    let ballots =
        if settings.is_some() { state.store.ballots(id).await.map_err(PageError::store(lang))?.len() } else { 0 };
    let events = state
        .store
        .vote_events(id)
        .await
        .map_err(PageError::store(lang))?
        .into_iter()
        .map(|e| {
            (edition.timezone.format(jiff::Timestamp::from_second(e.at).unwrap_or(jiff::Timestamp::UNIX_EPOCH)), e)
        })
        .collect();
    let phase = match settings.as_ref().map(|s| s.phase(now)) {
        None => "",
        Some(Phase::NotOpen) => "not-open",
        Some(Phase::Open) => "open",
        Some(Phase::Closed) => "closed",
    };
    let candidate_count = if shown.candidates.is_empty() { shortlist.len() } else { shown.candidates.len() };
    let page = SettingsPage {
        edition_id: id,
        edition_name: format!("{} {}", edition.summary.award_name.get(lang.0), edition.summary.year),
        timezone_line: c.tr.t1("vote-desk-timezone", "zone", edition.timezone.name()),
        exists: settings.is_some(),
        opens: local_input(&edition, shown.opens_at),
        closes: local_input(&edition, shown.closes_at),
        shape: shown.shape.as_str(),
        choices: shown.choices,
        frequency: shown.frequency.as_str(),
        per_day: shown.per_day,
        verification: shown.verification.as_str(),
        tallies_visible: shown.tallies_visible,
        rules: rules_sentence(&c, &shown, candidate_count),
        phase,
        phase_label: if phase.is_empty() { String::new() } else { c.tr.t(&format!("vote-phase-{phase}")) },
        certified_line: certified.map(|r| {
            format!(
                "{} {}",
                c.tr.t2("vote-results-counts", ("counted", r.counted), ("invalidated", r.invalidated)),
                c.tr.t1("vote-digest-line", "digest", r.digest)
            )
        }),
        ballots_line: c.tr.t1("vote-desk-ballots", "n", ballots as i64),
        events,
        candidates,
        error,
        c,
    };
    let status = if page.error.is_some() { axum::http::StatusCode::BAD_REQUEST } else { axum::http::StatusCode::OK };
    Ok((status, super::render(lang, page)?).into_response())
}

/// `GET /secretariat/editions/{id}/vote`: the vote's settings, log and certification.
pub async fn show(
    State(state): State<AppState>,
    SecretariatEdition { viewer, edition, .. }: SecretariatEdition,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let settings = state.store.vote_settings(edition.summary.id).await.map_err(PageError::store(lang))?;
    let shown = settings.clone().unwrap_or_else(|| default_settings(&edition, jiff::Timestamp::now().as_second()));
    render_settings(&state, &viewer, edition, settings, shown, None).await
}

/// `POST /secretariat/editions/{id}/vote`: saves the settings (logged). Refused once certified.
pub async fn save(
    State(state): State<AppState>,
    SecretariatPost { viewer, session, edition, form }: SecretariatPost,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let id = edition.summary.id;
    let existing = state.store.vote_settings(id).await.map_err(PageError::store(lang))?;
    if state.store.certified_vote(id).await.map_err(PageError::store(lang))?.is_some() {
        return Err(PageError::bad_request(lang, tr.t("vote-desk-certified-locked")));
    }
    let now = jiff::Timestamp::now().as_second();
    let fallback = existing.clone().unwrap_or_else(|| default_settings(&edition, now));
    let instant = |name: &str| edition.timezone.instant(&form.one(name)).map(|t| t.as_second());
    let parsed = (|| -> Result<VoteSettings, String> {
        let settings = VoteSettings {
            opens_at: instant("opens").map_err(|_| tr.t("vote-settings-date"))?,
            closes_at: instant("closes").map_err(|_| tr.t("vote-settings-date"))?,
            candidates: form
                .all("candidate")
                .iter()
                .map(|v| v.parse::<i64>().map(EntryId).map_err(|_| tr.t("vote-settings-candidates")))
                .collect::<Result<_, _>>()?,
            shape: form.one("shape").parse().map_err(|_| tr.t("vote-settings-choices"))?,
            choices: form.one("choices").parse().map_err(|_| tr.t("vote-settings-choices"))?,
            frequency: form.one("frequency").parse().map_err(|_| tr.t("vote-settings-per-day"))?,
            per_day: if form.one("per_day").is_empty() {
                1
            } else {
                form.one("per_day").parse().map_err(|_| tr.t("vote-settings-per-day"))?
            },
            verification: form.one("verification").parse().map_err(|_| tr.t("vote-settings-verification"))?,
            tallies_visible: form.one("tallies_visible") == "yes",
        };
        settings.check().map_err(|e| tr.t(e.message_id()))?;
        Ok(settings)
    })();
    let settings = match parsed {
        Ok(settings) => settings,
        Err(message) => return render_settings(&state, &viewer, edition, existing, fallback, Some(message)).await,
    };
    if !settings.candidates.is_empty() {
        let query = InitiativeQuery { edition: Some(id), min_status: Some(EntryStatus::Valid), ..Default::default() };
        let entries = state
            .store
            .initiatives(&query, PageRequest::new(0, PageRequest::MAX_LIMIT))
            .await
            .map_err(PageError::store(lang))?;
        if !settings.candidates.iter().all(|c| entries.items.iter().any(|e| e.entry_id == *c)) {
            let message = tr.t("vote-settings-candidates");
            return render_settings(&state, &viewer, edition, existing, settings, Some(message)).await;
        }
    }
    state.store.save_vote_settings(id, &settings, session.user.id, now).await.map_err(PageError::store(lang))?;
    state.vote_cache.forget(id);
    Ok(Redirect::to(&format!("/secretariat/editions/{id}/vote")).into_response())
}

struct BurstLine {
    candidate: String,
    minute: String,
    burst: Burst,
}

struct ActivityLine {
    first: String,
    last: String,
    activity: IdentityActivity,
}

#[derive(Template)]
#[template(path = "vote_anomalies.html")]
struct AnomaliesPage {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    counts_line: String,
    bursts: Vec<BurstLine>,
    subnets: Vec<SubnetCluster>,
    patterns: Vec<PatternCluster>,
    identities: Vec<ActivityLine>,
    chart: String,
    certified: bool,
    bursts_rule: String,
    subnets_rule: String,
    patterns_rule: String,
}

/// Subnets are reported from this many voting identities.
const SUBNET_MIN_IDENTITIES: i64 = 5;
/// The identities with most ballots shown.
const TOP_IDENTITIES: usize = 20;

async fn vote_of(state: &AppState, lang: Lang, raw: &str) -> Result<Vote, PageError> {
    super::vote::load_vote(state, lang, raw).await
}

/// `GET /secretariat/editions/{id}/vote/anomalies`: bursts per candidate per minute, clusters
/// by subnet and by e-mail pattern, the most active identities, votes over time.
pub async fn anomalies(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    if let Err(refusal) = require_role(&viewer, Role::Secretariat) {
        return Ok(refusal.into_response());
    }
    let lang = viewer.lang;
    let vote = vote_of(&state, lang, &raw).await?;
    let id = vote.edition.summary.id;
    let c = Chrome::new(&viewer, "account");
    let ballots = state.store.ballots(id).await.map_err(PageError::store(lang))?;
    let mut per_minute: std::collections::BTreeMap<(EntryId, i64), u64> = std::collections::BTreeMap::new();
    for ballot in ballots.iter().filter(|b| b.counted) {
        for choice in &ballot.choices {
            *per_minute.entry((*choice, ballot.cast_at - ballot.cast_at.rem_euclid(60))).or_default() += 1;
        }
    }
    let rows: Vec<(EntryId, i64, u64)> = per_minute.into_iter().map(|((e, m), v)| (e, m, v)).collect();
    let title_of = |entry: EntryId| {
        vote.candidates
            .iter()
            .find(|c| c.entry_id == entry)
            .map(|c| format!("{} ({})", c.title(lang.0).unwrap_or_default(), c.city_name))
            .unwrap_or_else(|| entry.to_string())
    };
    let when =
        |at: i64| vote.edition.timezone.format(jiff::Timestamp::from_second(at).unwrap_or(jiff::Timestamp::UNIX_EPOCH));
    let bursts = anomalies::bursts(&rows)
        .into_iter()
        .take(50)
        .map(|b| BurstLine { candidate: title_of(b.candidate), minute: when(b.minute), burst: b })
        .collect();
    let subnets = state.store.subnet_clusters(id, SUBNET_MIN_IDENTITIES).await.map_err(PageError::store(lang))?;
    let activity = state.store.identity_activity(id).await.map_err(PageError::store(lang))?;
    let patterns = if vote.settings.verification == Verification::Email {
        anomalies::email_clusters(&activity.iter().map(|a| (a.identity.clone(), a.ballots as u64)).collect::<Vec<_>>())
    } else {
        Vec::new()
    };
    let identities = activity
        .into_iter()
        .take(TOP_IDENTITIES)
        .map(|a| ActivityLine { first: when(a.first_at), last: when(a.last_at), activity: a })
        .collect();
    let counted = ballots.iter().filter(|b| b.counted).count();
    let chart =
        chart_svg(&c, &vote, &timeline(&vote.settings, ballots.iter().filter(|b| b.counted).map(|b| b.cast_at)));
    let certified = state.store.certified_vote(id).await.map_err(PageError::store(lang))?.is_some();
    let page = AnomaliesPage {
        edition_id: id,
        edition_name: format!("{} {}", vote.edition.summary.award_name.get(lang.0), vote.edition.summary.year),
        counts_line: c.tr.t2(
            "vote-results-counts",
            ("counted", counted as i64),
            ("invalidated", (ballots.len() - counted) as i64),
        ),
        bursts,
        subnets,
        patterns,
        identities,
        chart,
        certified,
        bursts_rule: c.tr.t2(
            "vote-bursts-rule",
            ("floor", anomalies::BURST_MIN_VOTES as i64),
            ("factor", anomalies::BURST_FACTOR as i64),
        ),
        subnets_rule: c.tr.t1("vote-subnets-rule", "floor", SUBNET_MIN_IDENTITIES),
        patterns_rule: c.tr.t1("vote-patterns-rule", "floor", anomalies::PATTERN_MIN_IDENTITIES as i64),
        c,
    };
    Ok(super::render(lang, page)?.into_response())
}

/// `POST /secretariat/editions/{id}/vote/invalidate`: invalidates ballots by receipts, identity
/// or subnet, with a reason; needs the confirmation box. Refused once certified.
pub async fn invalidate(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Secretariat) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let form = PostedFields::read(lang, &headers, session, &body)?;
    let vote = vote_of(&state, lang, &raw).await?;
    let id = vote.edition.summary.id;
    if state.store.certified_vote(id).await.map_err(PageError::store(lang))?.is_some() {
        return Err(PageError::bad_request(lang, tr.t("vote-desk-certified-locked")));
    }
    let reason = form.one("reason");
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(PageError::bad_request(lang, tr.t("vote-invalidate-reason")));
    }
    if !form.confirmed() {
        return Err(PageError::bad_request(lang, tr.t("vote-invalidate-confirm")));
    }
    let value = form.one("value");
    let selection = match form.one("by").as_str() {
        "receipts" => {
            let receipts: Vec<String> = value
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|r| !r.is_empty())
                .map(str::to_string)
                .collect();
            if receipts.is_empty() || receipts.len() > 10_000 {
                return Err(PageError::bad_request(lang, tr.t("vote-invalidate-what")));
            }
            BallotSelection::Receipts(receipts)
        }
        "identity" if !value.is_empty() => BallotSelection::Identity(value.to_lowercase()),
        "subnet" if !value.is_empty() => BallotSelection::Subnet(value),
        _ => return Err(PageError::bad_request(lang, tr.t("vote-invalidate-what"))),
    };
    let now = jiff::Timestamp::now().as_second();
    state
        .store
        .invalidate_ballots(id, &selection, &reason, session.user.id, now)
        .await
        .map_err(PageError::store(lang))?;
    Ok(Redirect::to(&format!("/secretariat/editions/{id}/vote/anomalies")).into_response())
}

/// `POST /secretariat/editions/{id}/vote/certify`: after the close, fixes the result: the tally
/// of counted ballots, the chart, and the digest of the published list; sets public votes.
pub async fn certify(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Secretariat) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let form = PostedFields::read(lang, &headers, session, &body)?;
    let vote = vote_of(&state, lang, &raw).await?;
    let id = vote.edition.summary.id;
    let now = jiff::Timestamp::now().as_second();
    if vote.settings.phase(now) != Phase::Closed {
        return Err(PageError::bad_request(lang, tr.t("vote-certify-not-closed")));
    }
    if !form.confirmed() {
        return Err(PageError::bad_request(lang, tr.t("vote-invalidate-confirm")));
    }
    if state.store.certified_vote(id).await.map_err(PageError::store(lang))?.is_some() {
        return Err(PageError::bad_request(lang, tr.t("vote-desk-certified-locked")));
    }
    let ballots = state.store.ballots(id).await.map_err(PageError::store(lang))?;
    let counted: Vec<Vec<EntryId>> = ballots.iter().filter(|b| b.counted).map(|b| b.choices.clone()).collect();
    let (digest, _) = published_ballots(&state, lang, id).await?;
    let result = CertifiedVote {
        certified_at: now,
        counted: counted.len() as i64,
        invalidated: (ballots.len() - counted.len()) as i64,
        tally: vote::tally(&vote.candidate_ids(), &counted),
        timeline: timeline(&vote.settings, ballots.iter().filter(|b| b.counted).map(|b| b.cast_at)),
        digest,
    };
    state.store.certify_vote(id, &result, session.user.id).await.map_err(PageError::store(lang))?;
    // Public-vote counts and the public-vote honour show in the library.
    state.reindexer.notify(crate::library::Changed::entries(result.tally.iter().map(|(entry, _)| *entry)));
    Ok(Redirect::to(&format!("/vote/{id}/results")).into_response())
}

#[derive(Template)]
#[template(path = "sms.html")]
struct SmsPage {
    c: Chrome,
    messages: Vec<(String, crate::sms::SentSms)>,
}

/// `GET /secretariat/sms`: text messages the logging provider kept (newest first).
pub async fn sms(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    if let Err(refusal) = require_role(&viewer, Role::Secretariat) {
        return Ok(refusal.into_response());
    }
    let lang = viewer.lang;
    let c = Chrome::new(&viewer, "account");
    let messages = state
        .sms
        .recent()
        .into_iter()
        .map(|m| (jiff::Timestamp::from_second(m.at).map(|t| t.to_string()).unwrap_or_default(), m))
        .collect();
    Ok(super::render(lang, SmsPage { c, messages })?.into_response())
}
