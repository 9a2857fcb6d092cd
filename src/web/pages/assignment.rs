//! Assigning Technical Committee members to the valid entries of an edition: propose (the
//! optimal assignment from `kapok-assign`, conflicts as hard constraints, affinity from expertise),
//! inspect (load per member, affinity per pair), adjust by hand, deploy, and undo a deployment —
//! with the difference to the one in force before. Reviewers see only deployed assignments.

use std::collections::{BTreeMap, BTreeSet};

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};

use super::committees::edition_conflicts;
use super::{SecretariatEdition, SecretariatPost};
use crate::domain::{Edition, EditionId, EntryId, Stage};
use crate::evaluation::affinity::{TextModel, affinity};
use crate::evaluation::conflicts::blocked_pairs;
use crate::storage::evaluation::{EvaluatedEntry, Member, Pair};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang};
use crate::web::error::PageError;

/// Everything the assignment of an edition is computed from.
struct Setting {
    edition: EditionId,
    members: Vec<Member>,
    entries: Vec<EvaluatedEntry>,
    blocked: BTreeSet<(i64, EntryId)>,
}

async fn setting(state: &AppState, lang: Lang, edition: &Edition) -> Result<(Setting, String), PageError> {
    let id = edition.summary.id;
    let committee = state.store.committee(id).await.map_err(PageError::store(lang))?;
    let entries = state.store.evaluated_entries(id).await.map_err(PageError::store(lang))?;
    let conflicts = edition_conflicts(state, lang, id, &committee, &entries).await?;
    let members = committee.into_iter().filter(|m| m.stage == Stage::TechnicalCommittee).collect();
    let name = format!("{} {}", edition.summary.award_name.get(lang.0), edition.summary.year);
    Ok((Setting { edition: id, members, entries, blocked: blocked_pairs(&conflicts) }, name))
}

impl Setting {
    fn member_name(&self, id: i64) -> String {
        self.members.iter().find(|m| m.id == id).map(|m| m.name.clone()).unwrap_or_else(|| format!("#{id}"))
    }

    fn entry_title(&self, id: EntryId) -> String {
        self.entries.iter().find(|e| e.entry == id).map(|e| e.title.clone()).unwrap_or_else(|| format!("#{id}"))
    }
}

/// Affinities from expertise, entries × members in the setting's order: themes, languages, and
/// each member's statement of expertise against the entries' texts.
async fn expertise_affinities(state: &AppState, lang: Lang, setting: &Setting) -> Result<Vec<f64>, PageError> {
    let texts: BTreeMap<EntryId, String> =
        state.store.entry_texts(setting.edition).await.map_err(PageError::store(lang))?.into_iter().collect();
    let model = TextModel::new(
        &setting.entries.iter().map(|e| texts.get(&e.entry).map_or("", String::as_str)).collect::<Vec<_>>(),
    );
    let statements: Vec<_> = setting.members.iter().map(|m| model.vector(&m.expertise)).collect();
    Ok(setting
        .entries
        .iter()
        .enumerate()
        .flat_map(|(e, entry)| {
            let model = &model;
            setting.members.iter().zip(&statements).map(move |(member, statement)| {
                let text = model.similarity(e, statement);
                affinity(&member.themes, &member.languages, &entry.themes, &entry.language, text)
            })
        })
        .collect())
}

/// Affinities from an imported score matrix (`entry,reviewer,affinity` lines, the layout of
/// OpenReview's matcher files and of `kapok assign --scores`): entries by number, reviewers by
/// e-mail address or member number; pairs not given have affinity 0.
fn matrix_affinities(setting: &Setting, tr: &crate::i18n::Tr, text: &str) -> Result<Vec<f64>, String> {
    use kapok_assign::Problem;
    let scores = kapok_assign::parse_scores(text).map_err(|error| {
        let line = error.line as i64;
        match error.problem {
            Problem::AffinityNotANumber { text } | Problem::AffinityOutOfRange { text } => {
                tr.t2("assign-matrix-affinity", ("line", line), ("value", text))
            }
            Problem::DuplicateScore { first_line, .. } => {
                tr.t2("assign-matrix-duplicate", ("line", line), ("first", first_line as i64))
            }
            _ => tr.t1("assign-matrix-fields", "line", line),
        }
    })?;
    if scores.pairs.is_empty() {
        return Err(tr.t("assign-matrix-empty"));
    }
    let entries: Vec<usize> = (0..scores.entries.len())
        .map(|i| {
            let name = scores.entries.name(i);
            let found = name.parse::<i64>().ok().and_then(|id| setting.entries.iter().position(|e| e.entry.0 == id));
            found.ok_or_else(|| tr.t1("assign-matrix-entry", "name", name.to_string()))
        })
        .collect::<Result<_, _>>()?;
    let reviewers: Vec<usize> = (0..scores.reviewers.len())
        .map(|i| {
            let name = scores.reviewers.name(i);
            let found = setting
                .members
                .iter()
                .position(|m| m.email.eq_ignore_ascii_case(name) || name.parse::<i64>().is_ok_and(|id| id == m.id));
            found.ok_or_else(|| tr.t1("assign-matrix-reviewer", "name", name.to_string()))
        })
        .collect::<Result<_, _>>()?;
    let mut affinities = vec![0.0; setting.entries.len() * setting.members.len()];
    for (entry, reviewer, value) in scores.pairs {
        affinities[entries[entry] * setting.members.len() + reviewers[reviewer]] = value;
    }
    Ok(affinities)
}

struct EntryLine {
    title: String,
    reviewers: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "assignment.html")]
struct AssignmentPage {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    sizes_line: String,
    per_entry: usize,
    max_per_reviewer: usize,
    proposal: Vec<EntryLine>,
    total: String,
    loads: Vec<(String, usize)>,
    in_force: Option<String>,
    history: Vec<String>,
    all_entries: Vec<(EntryId, String)>,
    all_members: Vec<(i64, String)>,
}

/// The lines saying what an undo changed: pairs that came back and pairs that went.
fn diff(setting: &Setting, c: &Chrome, from: &[Pair], to: &[Pair]) -> Vec<String> {
    let set = |pairs: &[Pair]| pairs.iter().map(|(e, m, _)| (*e, *m)).collect::<BTreeSet<_>>();
    let (from, to) = (set(from), set(to));
    let line = |key: &str, (e, m): &(EntryId, i64)| {
        c.tr.t2(key, ("member", setting.member_name(*m)), ("entry", setting.entry_title(*e)))
    };
    to.difference(&from)
        .map(|p| line("assign-diff-added", p))
        .chain(from.difference(&to).map(|p| line("assign-diff-removed", p)))
        .collect()
}

/// `GET /secretariat/editions/{id}/assignment`
pub async fn show(
    State(state): State<AppState>,
    SecretariatEdition { viewer, edition, .. }: SecretariatEdition,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let (setting, edition_name) = setting(&state, lang, &edition).await?;
    let c = Chrome::new(&viewer, "account");
    let proposal = state.store.proposal(setting.edition).await.map_err(PageError::store(lang))?;
    let mut by_entry: BTreeMap<EntryId, Vec<(String, String)>> = BTreeMap::new();
    let mut loads: BTreeMap<i64, usize> = setting.members.iter().map(|m| (m.id, 0)).collect();
    for (entry, member, affinity) in &proposal {
        by_entry.entry(*entry).or_default().push((setting.member_name(*member), format!("{affinity:.2}")));
        *loads.entry(*member).or_default() += 1;
    }
    let deployments = state.store.deployments(setting.edition).await.map_err(PageError::store(lang))?;
    let in_force = deployments.iter().find(|d| d.undone_at.is_none());
    // The last undo, against what came back into force.
    let history = match deployments.iter().find(|d| d.undone_at.is_some()) {
        Some(undone) => {
            let restored = deployments.iter().find(|d| d.undone_at.is_none() && d.id < undone.id);
            diff(&setting, &c, &undone.pairs, restored.map(|d| d.pairs.as_slice()).unwrap_or(&[]))
        }
        None => Vec::new(),
    };
    let per_entry = 3.min(setting.members.len()).max(1);
    let page = AssignmentPage {
        edition_id: setting.edition,
        edition_name,
        sizes_line: c.tr.t2(
            "assign-sizes",
            ("members", setting.members.len() as i64),
            ("entries", setting.entries.len() as i64),
        ),
        per_entry,
        max_per_reviewer: (setting.entries.len() * per_entry).div_ceil(setting.members.len().max(1)) + 1,
        proposal: by_entry
            .into_iter()
            .map(|(entry, reviewers)| EntryLine { title: setting.entry_title(entry), reviewers })
            .collect(),
        total: format!("{:.2}", proposal.iter().map(|(_, _, a)| a).sum::<f64>()),
        loads: loads.into_iter().map(|(m, n)| (setting.member_name(m), n)).collect(),
        in_force: in_force.map(|d| c.tr.t2("assign-in-force-line", ("id", d.id), ("count", d.pairs.len() as i64))),
        history,
        all_entries: setting.entries.iter().map(|e| (e.entry, e.title.clone())).collect(),
        all_members: setting.members.iter().map(|m| (m.id, m.name.clone())).collect(),
        c,
    };
    Ok(super::render(lang, page)?.into_response())
}

/// `POST /secretariat/editions/{id}/assignment/propose`: the optimal assignment for k and L.
pub async fn propose(
    State(state): State<AppState>,
    SecretariatPost { viewer, session, edition, form }: SecretariatPost,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let by = session.user.id;
    let tr = crate::i18n::Tr::new(lang.0);
    let (setting, _) = setting(&state, lang, &edition).await?;
    let limits = match (form.number("per_entry"), form.number("max_per_reviewer")) {
        (Some(k), Some(l)) if (1..=20).contains(&k) && (1..=10_000).contains(&l) => {
            kapok_assign::Limits { per_entry: k as usize, max_per_reviewer: l as usize }
        }
        _ => return Err(PageError::bad_request(lang, tr.t("assign-limits"))),
    };
    let affinities = match form.one("source").as_str() {
        "" | "expertise" => expertise_affinities(&state, lang, &setting).await?,
        "matrix" => {
            matrix_affinities(&setting, &tr, &form.one("scores")).map_err(|m| PageError::bad_request(lang, m))?
        }
        _ => return Err(PageError::bad_request(lang, tr.t("assign-source-unknown"))),
    };
    let mut instance = kapok_assign::Instance::dense(setting.entries.len(), setting.members.len(), affinities, limits)
        .map_err(|_| PageError::bad_request(lang, tr.t("assign-limits")))?;
    for (e, entry) in setting.entries.iter().enumerate() {
        for (m, member) in setting.members.iter().enumerate() {
            if setting.blocked.contains(&(member.id, entry.entry)) {
                instance.add_conflict(e, m).expect("indices are in range");
            }
        }
    }
    let assignment = match kapok_assign::solve(&instance) {
        Ok(assignment) => assignment,
        Err(reason) => {
            let reason = reason.map_entries(|e| format!("“{}”", setting.entries[e].title));
            return Err(PageError::bad_request(lang, tr.t1("assign-infeasible", "reason", reason.to_string())));
        }
    };
    let pairs: Vec<Pair> = assignment
        .pairs
        .iter()
        .map(|p| (setting.entries[p.entry].entry, setting.members[p.reviewer].id, p.affinity))
        .collect();
    let now = jiff::Timestamp::now().as_second();
    state.store.save_proposal(setting.edition, &pairs, by, now).await.map_err(PageError::store(lang))?;
    Ok(Redirect::to(&format!("/secretariat/editions/{}/assignment", setting.edition)).into_response())
}

/// `POST /secretariat/editions/{id}/assignment/adjust`: adds or removes one pair of the proposal
/// by hand; a conflicted pair is refused.
pub async fn adjust(
    State(state): State<AppState>,
    SecretariatPost { viewer, session, edition, form }: SecretariatPost,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let by = session.user.id;
    let tr = crate::i18n::Tr::new(lang.0);
    let (setting, _) = setting(&state, lang, &edition).await?;
    let entry = form.number("entry").map(EntryId).and_then(|id| setting.entries.iter().position(|e| e.entry == id));
    let member = form.number("member").and_then(|id| setting.members.iter().position(|m| m.id == id));
    let (Some(e), Some(m)) = (entry, member) else {
        return Err(PageError::bad_request(lang, tr.t("assign-pair-unknown")));
    };
    let (entry, member) = (&setting.entries[e], &setting.members[m]);
    let mut pairs = state.store.proposal(setting.edition).await.map_err(PageError::store(lang))?;
    let exists = pairs.iter().any(|(e, m, _)| *e == entry.entry && *m == member.id);
    match form.one("action").as_str() {
        "add" => {
            if setting.blocked.contains(&(member.id, entry.entry)) {
                return Err(PageError::bad_request(lang, tr.t("assign-conflicted")));
            }
            if !exists {
                // A pair added by hand carries its affinity from expertise.
                let affinities = expertise_affinities(&state, lang, &setting).await?;
                pairs.push((entry.entry, member.id, affinities[e * setting.members.len() + m]));
            }
        }
        "remove" => pairs.retain(|(e, m, _)| !(*e == entry.entry && *m == member.id)),
        _ => return Err(PageError::bad_request(lang, tr.t("assign-pair-unknown"))),
    }
    let now = jiff::Timestamp::now().as_second();
    state.store.save_proposal(setting.edition, &pairs, by, now).await.map_err(PageError::store(lang))?;
    Ok(Redirect::to(&format!("/secretariat/editions/{}/assignment", setting.edition)).into_response())
}

/// `POST /secretariat/editions/{id}/assignment/deploy` (confirmed): reviewers see the proposal.
pub async fn deploy(
    State(state): State<AppState>,
    SecretariatPost { viewer, session, edition, form }: SecretariatPost,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let by = session.user.id;
    let tr = crate::i18n::Tr::new(lang.0);
    if !form.confirmed() {
        return Err(PageError::bad_request(lang, tr.t("vote-invalidate-confirm")));
    }
    let (setting, _) = setting(&state, lang, &edition).await?;
    let proposal = state.store.proposal(setting.edition).await.map_err(PageError::store(lang))?;
    if proposal.is_empty() {
        return Err(PageError::bad_request(lang, tr.t("assign-nothing")));
    }
    // Conflicts may have appeared since the proposal (a declaration, a new rule): never deploy one.
    if proposal.iter().any(|(e, m, _)| setting.blocked.contains(&(*m, *e))) {
        return Err(PageError::bad_request(lang, tr.t("assign-conflicted")));
    }
    let now = jiff::Timestamp::now().as_second();
    state.store.deploy_proposal(setting.edition, by, now).await.map_err(PageError::store(lang))?;
    Ok(Redirect::to(&format!("/secretariat/editions/{}/assignment", setting.edition)).into_response())
}

/// `POST /secretariat/editions/{id}/assignment/undo` (confirmed): the deployment before comes
/// back into force; the page shows what changed.
pub async fn undo(
    State(state): State<AppState>,
    SecretariatPost { viewer, session, edition, form }: SecretariatPost,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let by = session.user.id;
    let tr = crate::i18n::Tr::new(lang.0);
    if !form.confirmed() {
        return Err(PageError::bad_request(lang, tr.t("vote-invalidate-confirm")));
    }
    let edition = edition.summary.id;
    let now = jiff::Timestamp::now().as_second();
    if state.store.undo_deployment(edition, by, now).await.map_err(PageError::store(lang))?.is_none() {
        return Err(PageError::bad_request(lang, tr.t("assign-nothing-to-undo")));
    }
    Ok(Redirect::to(&format!("/secretariat/editions/{edition}/assignment")).into_response())
}

struct ProgressLine {
    name: String,
    assigned: usize,
    drafts: usize,
    submitted: usize,
}

#[derive(Template)]
#[template(path = "review_progress.html")]
struct ProgressPage {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    lines: Vec<ProgressLine>,
    late: usize,
}

/// Per Technical Committee member: entries assigned in the deployment in force, drafts and
/// submitted reviews among them.
async fn progress(state: &AppState, lang: Lang, setting: &Setting) -> Result<Vec<(Member, ProgressLine)>, PageError> {
    let reviews = state.store.edition_reviews(setting.edition).await.map_err(PageError::store(lang))?;
    let mut lines = Vec::new();
    for member in &setting.members {
        let assigned = state.store.assignments_of(member.id).await.map_err(PageError::store(lang))?;
        let of = |submitted: bool| {
            assigned
                .iter()
                .filter(|(e, _)| reviews.iter().any(|(m, r, s)| *m == member.id && r == e && *s == submitted))
                .count()
        };
        let line = ProgressLine {
            name: member.name.clone(),
            assigned: assigned.len(),
            drafts: of(false),
            submitted: of(true),
        };
        lines.push((member.clone(), line));
    }
    Ok(lines)
}

/// `GET /secretariat/editions/{id}/reviews`: review progress per reviewer.
pub async fn show_progress(
    State(state): State<AppState>,
    SecretariatEdition { viewer, edition, .. }: SecretariatEdition,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let (setting, edition_name) = setting(&state, lang, &edition).await?;
    let lines: Vec<ProgressLine> = progress(&state, lang, &setting).await?.into_iter().map(|(_, line)| line).collect();
    let late = lines.iter().filter(|l| l.submitted < l.assigned).count();
    let page =
        ProgressPage { c: Chrome::new(&viewer, "account"), edition_id: setting.edition, edition_name, lines, late };
    Ok(super::render(lang, page)?.into_response())
}

/// `POST /secretariat/editions/{id}/reviews/remind`: an e-mail to every reviewer with reviews
/// still to submit, saying how many (logged in the audit trail).
pub async fn remind(
    State(state): State<AppState>,
    SecretariatPost { viewer, session, edition, .. }: SecretariatPost,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let by = session.user.id;
    let (setting, edition_name) = setting(&state, lang, &edition).await?;
    let mut reminded = Vec::new();
    for (member, line) in progress(&state, lang, &setting).await? {
        let missing = line.assigned - line.submitted;
        if missing == 0 {
            continue;
        }
        let tr = crate::i18n::Tr::new(lang.0);
        let body = tr.tn(
            "mail-reminder-body",
            &[
                ("name", member.name.as_str().into()),
                ("count", (missing as i64).into()),
                ("edition", edition_name.as_str().into()),
                ("link", state.link("/review").into()),
            ],
        );
        let mail = crate::storage::NewMail { to: member.email.clone(), subject: tr.t("mail-reminder-subject"), body };
        state.store.enqueue_mail(&mail).await.map_err(PageError::store(lang))?;
        reminded.push(member.id);
    }
    state.mail_wakeup.notify_one();
    let now = jiff::Timestamp::now().as_second();
    let detail = serde_json::json!({ "members": reminded });
    state
        .store
        .log_evaluation(setting.edition, by, "reminders sent", &detail, now)
        .await
        .map_err(PageError::store(lang))?;
    Ok(Redirect::to(&format!("/secretariat/editions/{}/reviews", setting.edition)).into_response())
}
