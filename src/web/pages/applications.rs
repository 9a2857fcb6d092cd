//! Applications: the applicant's list, starting one for an open edition, and the multi-step
//! form. Every field is saved on the server as it is typed (`POST …/fields`, from
//! `static/autosave.js`), with its own version, so a stale tab or a second device is caught
//! and shown both versions instead of overwriting newer text. Without JavaScript, each step is
//! saved when the form is sent ("Save and continue").

use std::collections::BTreeMap;

use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use serde::Deserialize;

use super::require_role;
use crate::application::attachments::{ATTACHMENTS_FIELD, attached, snapshot};
use crate::application::{
    Application, ApplicationStatus, FieldChange, FieldError, ProblemKind, SaveOutcome, Step, check_field, completeness,
    fields_of, word_count,
};
use crate::domain::{ApplicationId, Edition, EditionId, GovernmentLevel, Role, Section};
use crate::i18n::Tr;
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang, Session, Viewer};
use crate::web::error::PageError;
use crate::web::forms::check_session_post;

/// Fields whose value is a JSON list of ids chosen with checkboxes.
const LIST_FIELDS: [&str; 3] = ["governments", "themes", "sdgs"];
/// Languages offered as an initiative's original language.
const LANGUAGES: [&str; 16] =
    ["en", "zh", "fr", "es", "ar", "ru", "pt", "de", "it", "ja", "ko", "id", "tr", "vi", "hi", "sw"];

struct ApplicationLine {
    id: ApplicationId,
    title: String,
    edition: String,
    status: String,
    /// The outcome of screening, once the Secretariat has screened the entry.
    screening: Option<String>,
}

struct OpenEdition {
    id: EditionId,
    label: String,
    closes: String,
}

#[derive(Template)]
#[template(path = "applications.html")]
struct ApplicationsPage {
    c: Chrome,
    csrf: String,
    applications: Vec<ApplicationLine>,
    open: Vec<OpenEdition>,
    approved_governments: usize,
}

/// Editions whose call for entries is open now.
async fn open_editions(state: &AppState, now: Timestamp) -> crate::storage::StoreResult<Vec<Edition>> {
    let mut open = Vec::new();
    for summary in state
        .store
        .editions(None, crate::storage::PageRequest::new(0, crate::storage::PageRequest::MAX_LIMIT))
        .await?
        .items
    {
        if let Some(edition) = state.store.edition(summary.id).await?
            && edition.accepts_entries(now)
        {
            open.push(edition);
        }
    }
    Ok(open)
}

/// `GET /applications`: the applicant's applications and the calls open now.
pub async fn list(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Applicant) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let c = Chrome::new(&viewer, "account");
    let mine = state.store.applications_of(session.user.id).await.map_err(PageError::store(lang))?;
    let open = open_editions(&state, Timestamp::now()).await.map_err(PageError::store(lang))?;
    let claims = state.store.claims_of(session.user.id).await.map_err(PageError::store(lang))?;
    let mut applications = Vec::new();
    for a in &mine {
        let screening = match state.store.application_screening(a.id).await.map_err(PageError::store(lang))? {
            Some(screening) => {
                let edition = state.store.edition(a.edition_id).await.map_err(PageError::store(lang))?;
                let checklist = edition.map(|e| e.application.screening_checklist).unwrap_or_default();
                Some(super::screening::explain(&c, &checklist, &screening))
            }
            None => None,
        };
        applications.push(ApplicationLine {
            id: a.id,
            title: a.title.clone().unwrap_or_else(|| c.tr.t("app-untitled")),
            edition: format!("{} {}", a.award_name.get(lang.0), a.year),
            status: c.tr.t(&format!("app-status-{}", a.status)),
            screening,
        });
    }
    let page = ApplicationsPage {
        csrf: session.csrf_token.clone(),
        applications,
        open: open
            .iter()
            .map(|e| OpenEdition {
                id: e.summary.id,
                label: format!("{} {}", e.summary.award_name.get(lang.0), e.summary.year),
                closes: e.closes_at().map(|at| e.timezone.format(at)).unwrap_or_default(),
            })
            .collect(),
        approved_governments: claims.iter().filter(|c| c.status == crate::application::ClaimStatus::Approved).count(),
        c,
    };
    Ok(super::render(lang, page)?.into_response())
}

#[derive(Debug, Deserialize)]
pub struct StartForm {
    csrf: String,
    edition_id: i64,
}

/// `POST /applications`: starts an application for an open edition.
pub async fn start(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    form: Result<axum::Form<StartForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Applicant) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let axum::Form(form) = form.map_err(PageError::form(lang))?;
    check_session_post(lang, &headers, session, &form.csrf)?;
    let now = Timestamp::now();
    let edition = state
        .store
        .edition(EditionId(form.edition_id))
        .await
        .map_err(PageError::store(lang))?
        .ok_or_else(|| PageError::not_found(lang, "what-edition"))?;
    if !edition.accepts_entries(now) {
        return Err(closed(lang, &edition));
    }
    let id = state
        .store
        .create_application(edition.summary.id, session.user.id, now.as_second())
        .await
        .map_err(PageError::store(lang))?;
    Ok(Redirect::to(&format!("/applications/{id}/basic")).into_response())
}

fn closed(lang: Lang, edition: &Edition) -> PageError {
    let tr = Tr::new(lang.0);
    let when = edition.closes_at().map(|at| edition.timezone.format(at)).unwrap_or_default();
    PageError::forbidden(lang, tr.t1("app-closed", "date", when))
}

/// The application `raw_id`, if the viewer owns it; 404 otherwise (nobody learns that another
/// applicant's draft exists).
pub(super) async fn owned(
    state: &AppState,
    lang: Lang,
    session: &Session,
    raw_id: &str,
) -> Result<(Application, Edition), PageError> {
    let id = ApplicationId(super::parse_id(lang, raw_id, "what-application")?);
    let application = state
        .store
        .application(id)
        .await
        .map_err(PageError::store(lang))?
        .filter(|a| a.owner_id == session.user.id)
        .ok_or_else(|| PageError::not_found(lang, "what-application"))?;
    let edition = state
        .store
        .edition(application.edition_id)
        .await
        .map_err(PageError::store(lang))?
        .ok_or_else(|| PageError::not_found(lang, "what-edition"))?;
    Ok((application, edition))
}

/// Whether the application can still be changed: not withdrawn, and the call still open.
/// When this application can no longer be changed: the edition's close (final deadline plus
/// grace), or the later deadline the Secretariat granted it.
fn closes_at(application: &Application, edition: &Edition) -> Option<Timestamp> {
    let extension = application.extended_until.and_then(|at| Timestamp::from_second(at).ok());
    edition.closes_at().max(extension)
}

fn is_open(application: &Application, edition: &Edition, now: Timestamp) -> bool {
    let launched = edition.date(crate::domain::Milestone::Launch).is_some_and(|d| d.starts_at <= now);
    launched && closes_at(application, edition).is_some_and(|closes| now <= closes)
}

pub(super) fn check_editable(lang: Lang, application: &Application, edition: &Edition) -> Result<(), PageError> {
    if application.status == ApplicationStatus::Withdrawn {
        return Err(PageError::forbidden(lang, Tr::new(lang.0).t("app-withdrawn")));
    }
    if !is_open(application, edition, Timestamp::now()) {
        let when = closes_at(application, edition).map(|at| edition.timezone.format(at)).unwrap_or_default();
        return Err(PageError::forbidden(lang, Tr::new(lang.0).t1("app-closed", "date", when)));
    }
    Ok(())
}

/// How one field is shown.
enum Control {
    Line { kind: &'static str },
    Area { rows: u8, words: Option<String> },
    Select { options: Vec<(String, String)> },
    Checks { options: Vec<(String, String)> },
    YesNo,
    Consent,
}

struct FieldView {
    name: String,
    id: String,
    label: String,
    hint: Option<String>,
    value: String,
    version: i64,
    control: Control,
    lang: Option<&'static str>,
    conflict: Option<String>,
}

impl FieldView {
    fn checked(&self, option: &str) -> bool {
        serde_json::from_str::<Vec<serde_json::Value>>(&self.value)
            .map(|values| values.iter().any(|v| v.to_string().trim_matches('"') == option))
            .unwrap_or(false)
    }
}

struct StepLink {
    href: String,
    label: String,
    current: bool,
}

struct ProblemLine {
    href: String,
    message: String,
}

#[derive(Template)]
#[template(path = "application.html")]
pub(super) struct ApplicationPage {
    c: Chrome,
    id: ApplicationId,
    title: String,
    edition: String,
    closes: String,
    step: Step,
    steps: Vec<StepLink>,
    fields: Vec<FieldView>,
    next: Option<Step>,
    problems: Vec<ProblemLine>,
    conflicts: bool,
    autosave_texts: String,
    status: String,
    editable: bool,
    /// The close as an instant, for the browser to show in local time.
    closes_iso: String,
    submissions: Vec<SubmissionLine>,
    feedback: Vec<FeedbackLine>,
    notice: Option<String>,
    /// On the attachments and review steps: what is attached, and the limits.
    attachments: Vec<super::attachments::AttachmentLine>,
    attachment_limits: String,
    /// Why the last upload or link was refused.
    pub(super) attachment_error: Option<String>,
}

struct SubmissionLine {
    href: String,
    label: String,
    digest: String,
}

struct FeedbackLine {
    author: String,
    when: String,
    paragraphs: Vec<String>,
}

/// `GET /applications/{id}`: the first step.
pub async fn open(Path(raw_id): Path<String>) -> Redirect {
    Redirect::to(&format!("/applications/{}/basic", raw_id.trim()))
}

/// `GET /applications/{id}/{step}`.
pub async fn step(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw_id, raw_step)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Applicant) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let (application, edition) = owned(&state, lang, session, &raw_id).await?;
    let step: Step = raw_step.parse().map_err(|_| PageError::not_found(lang, "what-page"))?;
    let mut page = step_page(&state, &viewer, session, &application, &edition, step, &BTreeMap::new()).await?;
    if let Some(number) = submitted_notice(&viewer.path) {
        page.notice = Some(page.c.tr.t1("app-submitted-notice", "number", number));
    }
    Ok(super::render(lang, page)?.into_response())
}

/// The version number in `?submitted=N`, shown once after a submission.
fn submitted_notice(path: &str) -> Option<i64> {
    path.split_once("?submitted=").and_then(|(_, n)| n.parse().ok())
}

/// Builds a step's page; `conflicts` are fields whose save met newer text (their saved value).
pub(super) async fn step_page(
    state: &AppState,
    viewer: &Viewer,
    session: &Session,
    application: &Application,
    edition: &Edition,
    step: Step,
    conflicts: &BTreeMap<String, (String, String, i64)>,
) -> Result<ApplicationPage, PageError> {
    let lang = viewer.lang;
    let c = Chrome::new(viewer, "account");
    let settings = &edition.application;
    let mut fields = Vec::new();
    for name in fields_of(step, settings) {
        let mut view = field_view(state, &c, session, application, edition, &name).await?;
        if let Some((theirs, yours, version)) = conflicts.get(&name) {
            view.conflict = Some(theirs.clone());
            view.value = yours.clone();
            view.version = *version;
        }
        fields.push(view);
    }
    let problems = if step == Step::Review {
        completeness(&application.values(), settings, !edition.themes.is_empty())
            .into_iter()
            .map(|problem| ProblemLine {
                href: format!(
                    "/applications/{}/{}#{}",
                    application.id,
                    crate::application::step_of(&problem.field, settings).unwrap_or(Step::Basic),
                    html_id(&problem.field)
                ),
                message: format!(
                    "{}: {}",
                    field_label(&c.tr, edition, &problem.field),
                    problem_text(&c.tr, &problem.kind)
                ),
            })
            .collect()
    } else {
        Vec::new()
    };
    let steps = Step::ALL
        .iter()
        .filter(|s| **s != Step::Eligibility || !settings.eligibility_questions.is_empty())
        .map(|s| StepLink {
            href: format!("/applications/{}/{s}", application.id),
            label: c.tr.t(&format!("app-step-{s}")),
            current: *s == step,
        })
        .collect::<Vec<_>>();
    let position = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
    let next = Step::ALL[position + 1..]
        .iter()
        .copied()
        .find(|s| *s != Step::Eligibility || !settings.eligibility_questions.is_empty());
    let zone = &edition.timezone;
    let submissions = state
        .store
        .submissions(application.id)
        .await
        .map_err(PageError::store(lang))?
        .into_iter()
        .map(|s| SubmissionLine {
            href: format!("/applications/{}/submissions/{}", application.id, s.number),
            label: c.tr.t2(
                "app-version",
                ("number", s.number),
                ("date", Timestamp::from_second(s.submitted_at).map(|t| zone.format(t)).unwrap_or_default()),
            ),
            digest: s.digest[..12].to_string(),
        })
        .collect();
    let feedback = state
        .store
        .feedback(application.id)
        .await
        .map_err(PageError::store(lang))?
        .into_iter()
        .map(|f| FeedbackLine {
            author: f.author,
            when: Timestamp::from_second(f.created_at).map(|t| zone.format(t)).unwrap_or_default(),
            paragraphs: crate::web::views::paragraphs(&f.body),
        })
        .collect();
    let attachments = if matches!(step, Step::Attachments | Step::Review) {
        let kept = state.store.attachments(application.id).await.map_err(PageError::store(lang))?;
        kept.iter().map(|a| super::attachments::AttachmentLine::of(&c.tr, a)).collect()
    } else {
        Vec::new()
    };
    let closes = closes_at(application, edition);
    let mut autosave_texts = super::autosave_texts(&c.tr, c.tr.t("autosave-conflict"));
    autosave_texts["words"] = c.tr.t("autosave-words").into();
    let autosave_texts = autosave_texts.to_string();
    Ok(ApplicationPage {
        id: application.id,
        title: match application.value("title.en") {
            "" => c.tr.t("app-untitled"),
            title => title.to_string(),
        },
        edition: format!("{} {}", edition.summary.award_name.get(lang.0), edition.summary.year),
        closes: closes.map(|at| c.tr.t1("app-closes", "date", edition.timezone.format(at))).unwrap_or_default(),
        closes_iso: closes.map(|at| at.to_string()).unwrap_or_default(),
        status: c.tr.t(&format!("app-status-{}", application.status)),
        editable: application.status != ApplicationStatus::Withdrawn && is_open(application, edition, Timestamp::now()),
        submissions,
        feedback,
        notice: None,
        attachments,
        attachment_limits: c.tr.t2(
            "attach-limits",
            ("file", settings.max_file_mb as i64),
            ("total", settings.max_total_mb as i64),
        ),
        attachment_error: None,
        step,
        steps,
        fields,
        next,
        problems,
        conflicts: !conflicts.is_empty(),
        autosave_texts,
        c,
    })
}

fn html_id(field: &str) -> String {
    format!("f-{}", field.replace('.', "-"))
}

fn field_label(tr: &Tr, edition: &Edition, field: &str) -> String {
    if let Some(id) = field.strip_prefix("eligibility.") {
        return edition
            .application
            .eligibility_questions
            .iter()
            .find(|q| q.id == id)
            .map(|q| q.text.get(tr.lang).to_string())
            .unwrap_or_else(|| id.to_string());
    }
    match field.split_once('.') {
        Some((base, slot)) => {
            let base_label = match base.parse::<Section>() {
                Ok(section) => tr.t(&format!("section-{section}")),
                Err(_) => tr.t(&format!("field-{base}")),
            };
            format!("{base_label} ({})", tr.t(&format!("slot-{slot}")))
        }
        None => tr.t(&format!("field-{}", field.replace('_', "-"))),
    }
}

fn problem_text(tr: &Tr, kind: &ProblemKind) -> String {
    match kind {
        ProblemKind::Missing => tr.t("problem-missing"),
        ProblemKind::EnglishMissing => tr.t("problem-english"),
        ProblemKind::OverBudget { words, budget } => {
            tr.t2("problem-over-budget", ("words", *words), ("budget", *budget))
        }
        ProblemKind::NarrativeOverBudget { words, budget } => {
            tr.t2("problem-narrative-over-budget", ("words", *words), ("budget", *budget))
        }
        ProblemKind::Unanswered => tr.t("problem-unanswered"),
        ProblemKind::BadYears => tr.t("problem-years"),
        ProblemKind::NoTheme => tr.t("problem-theme"),
        ProblemKind::InvalidEmail => tr.t("register-email-invalid"),
        ProblemKind::BadKeyDate { line } => tr.t1("problem-key-date", "line", *line),
        ProblemKind::GovernmentNotApproved => tr.t("problem-government"),
    }
}

async fn field_view(
    state: &AppState,
    c: &Chrome,
    session: &Session,
    application: &Application,
    edition: &Edition,
    name: &str,
) -> Result<FieldView, PageError> {
    let tr = &c.tr;
    let lang = c.lang;
    let settings = &edition.application;
    let base = name.split('.').next().unwrap_or(name);
    let budget_text = |budget: Option<usize>| {
        let words = word_count(application.value(name));
        Some(match budget {
            Some(budget) => tr.t2("app-words-of", ("words", words), ("budget", budget)),
            None => tr.t1("app-words", "words", words),
        })
    };
    let (control, hint, text_lang) = match base {
        "title" => (Control::Line { kind: "text" }, None, None),
        "original_language" => {
            let options = LANGUAGES
                .iter()
                .map(|code| {
                    (
                        code.to_string(),
                        crate::web::pages::initiatives::language_name(code.parse().expect("valid codes")),
                    )
                })
                .collect();
            (Control::Select { options }, None, None)
        }
        "level" => {
            let options = GovernmentLevel::ALL.iter().map(|l| (l.to_string(), tr.t(&format!("level-{l}")))).collect();
            (Control::Select { options }, None, None)
        }
        "governments" => {
            let claims = state.store.claims_of(session.user.id).await.map_err(PageError::store(Lang(lang)))?;
            let options = claims
                .iter()
                .filter(|claim| claim.status == crate::application::ClaimStatus::Approved)
                .filter_map(|claim| {
                    claim.city.as_ref().map(|(id, name, country)| (id.to_string(), format!("{name} ({country})")))
                })
                .collect();
            (Control::Checks { options }, Some(tr.t("app-governments-hint")), None)
        }
        "started" | "ended" => (Control::Line { kind: "number" }, Some(tr.t("app-year-hint")), None),
        "contact_email" => (Control::Line { kind: "email" }, None, None),
        "contact_consent" => (Control::Consent, None, None),
        "themes" => {
            let options = edition.themes.iter().map(|t| (t.id.to_string(), t.name.get(lang).to_string())).collect();
            (Control::Checks { options }, None, None)
        }
        "sdgs" => {
            let options = (1..=17).map(|n| (n.to_string(), format!("{n}. {}", tr.t(&format!("sdg-{n}"))))).collect();
            (Control::Checks { options }, None, None)
        }
        "partners" | "key_dates" => {
            (Control::Area { rows: 4, words: None }, Some(tr.t(&format!("app-{}-hint", base.replace('_', "-")))), None)
        }
        "budget" | "eligibility_notes" => (Control::Area { rows: 3, words: None }, None, None),
        "eligibility" => (Control::YesNo, None, None),
        section if section.parse::<Section>().is_ok() => {
            let section: Section = section.parse().expect("checked");
            let budget = match section {
                Section::Summary => Some(settings.summary_words),
                other => settings.section_words.get(&other).copied(),
            };
            let slot_lang = if name.ends_with(".en") { Some("en") } else { None };
            (
                Control::Area { rows: if section == Section::Summary { 6 } else { 8 }, words: budget_text(budget) },
                None,
                slot_lang,
            )
        }
        _ => (Control::Line { kind: "text" }, None, None),
    };
    let lang_attr = if name.ends_with(".en") { Some("en") } else { text_lang };
    Ok(FieldView {
        name: name.to_string(),
        id: html_id(name),
        label: field_label(tr, edition, name),
        hint,
        value: application.value(name).to_string(),
        version: application.version(name),
        control,
        lang: lang_attr,
        conflict: None,
    })
}

/// Turns what a form sent for `field` into the value kept: lists become JSON lists of numbers,
/// the consent box "true"/"false".
fn normalize(field: &str, sent: &[String]) -> Result<String, String> {
    if LIST_FIELDS.contains(&field) {
        let mut ids = Vec::new();
        for value in sent.iter().filter(|v| !v.is_empty()) {
            ids.push(value.parse::<i64>().map_err(|_| format!("{value:?}"))?);
        }
        if field == "governments" {
            // The order matters: the first government leads the application.
            let mut seen = std::collections::HashSet::new();
            ids.retain(|id| seen.insert(*id));
        } else {
            ids.sort_unstable();
            ids.dedup();
        }
        return Ok(serde_json::to_string(&ids).expect("numbers serialise"));
    }
    let value = sent.last().cloned().unwrap_or_default();
    match field {
        "contact_consent" => Ok(if value == "true" { "true" } else { "false" }.to_string()),
        "level" if !value.is_empty() => {
            value.parse::<GovernmentLevel>().map(|l| l.to_string()).map_err(|e| e.to_string())
        }
        "original_language" if !value.is_empty() => {
            value.parse::<crate::domain::LangCode>().map(|l| l.to_string()).map_err(|e| e.to_string())
        }
        "started" | "ended" if !value.trim().is_empty() => {
            value.trim().parse::<u16>().map(|y| y.to_string()).map_err(|_| format!("{value:?}"))
        }
        f if f.starts_with("eligibility.") && !value.is_empty() && value != "yes" && value != "no" => {
            Err(format!("{value:?}"))
        }
        _ => Ok(value),
    }
}

fn field_problem(tr: &Tr, field: &str, error: FieldError) -> String {
    match error {
        FieldError::Unknown => tr.t1("api-bad-query", "details", field),
        FieldError::TooLong { max } => tr.t1("app-too-long", "max", max),
    }
}

/// `POST /applications/{id}/{step}` (without JavaScript): saves the step's fields, then goes
/// to the next step, or shows the step again with the fields that met newer text.
pub async fn save_step(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path((raw_id, raw_step)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Applicant) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let tr = Tr::new(lang.0);
    let sent =
        crate::web::forms::parse_form(&body).map_err(|_| PageError::bad_request(lang, tr.t("error-not-utf8")))?;
    let token = sent.get("csrf").and_then(|v| v.last()).cloned().unwrap_or_default();
    check_session_post(lang, &headers, session, &token)?;
    let (application, edition) = owned(&state, lang, session, &raw_id).await?;
    let step: Step = raw_step.parse().map_err(|_| PageError::not_found(lang, "what-page"))?;
    check_editable(lang, &application, &edition)?;
    let mut changes = Vec::new();
    for field in fields_of(step, &edition.application) {
        let values = sent.get(&field).map(Vec::as_slice).unwrap_or(&[]);
        let value = normalize(&field, values).map_err(|detail| {
            PageError::bad_request(lang, tr.t1("api-bad-query", "details", format!("{field}={detail}")))
        })?;
        check_field(&field, &value, &edition.application)
            .map_err(|e| PageError::bad_request(lang, field_problem(&tr, &field, e)))?;
        let seen_version =
            sent.get(&format!("v:{field}")).and_then(|v| v.last()).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
        changes.push(FieldChange { field, value, seen_version });
    }
    let now = Timestamp::now().as_second();
    let outcomes = state.store.save_fields(application.id, &changes, now).await.map_err(PageError::store(lang))?;
    let conflicts: BTreeMap<String, (String, String, i64)> = changes
        .iter()
        .zip(&outcomes)
        .filter_map(|(change, outcome)| match outcome {
            SaveOutcome::Conflict { value, version } => {
                Some((change.field.clone(), (value.clone(), change.value.clone(), *version)))
            }
            SaveOutcome::Saved { .. } => None,
        })
        .collect();
    if conflicts.is_empty() {
        let next = if sent.contains_key("stay") { step } else { next_step(step, &edition) };
        return Ok(Redirect::to(&format!("/applications/{}/{next}", application.id)).into_response());
    }
    let saved = state.store.application(application.id).await.map_err(PageError::store(lang))?.unwrap_or(application);
    let page = step_page(&state, &viewer, session, &saved, &edition, step, &conflicts).await?;
    Ok((StatusCode::CONFLICT, super::render(lang, page)?).into_response())
}

fn next_step(step: Step, edition: &Edition) -> Step {
    let position = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
    Step::ALL[position + 1..]
        .iter()
        .copied()
        .find(|s| *s != Step::Eligibility || !edition.application.eligibility_questions.is_empty())
        .unwrap_or(Step::Review)
}

/// `GET /applications/{id}/fields` (JSON): every saved field with its value and version, for
/// the owner.
pub async fn fields(State(state): State<AppState>, viewer: Viewer, Path(raw_id): Path<String>) -> Response {
    let lang = viewer.lang;
    let tr = Tr::new(lang.0);
    let Some(session) = &viewer.session else {
        return (
            StatusCode::UNAUTHORIZED,
            Json(serde_json::json!({"outcome": "error", "message": tr.t("autosave-signed-out")})),
        )
            .into_response();
    };
    match owned(&state, lang, session, &raw_id).await {
        Ok((application, _)) => Json(serde_json::json!({"status": application.status, "fields": application.fields})).into_response(),
        Err(_) => (
            StatusCode::NOT_FOUND,
            Json(serde_json::json!({"outcome": "error", "message": tr.t1("error-not-found", "what", tr.t("what-application"))})),
        )
            .into_response(),
    }
}

#[derive(Debug, Deserialize)]
pub struct FieldSave {
    field: String,
    /// A string, or for the checkbox lists an array of ids.
    value: serde_json::Value,
    version: i64,
}

/// `POST /applications/{id}/fields` (JSON, from autosave): saves one field. Answers
/// `{"outcome":"saved","version":N}`, or 409 with `{"outcome":"conflict","value":…,"version":N}`.
pub async fn save_field(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw_id): Path<String>,
    body: Result<Json<FieldSave>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let lang = viewer.lang;
    let tr = Tr::new(lang.0);
    let error = |status: StatusCode, message: String| {
        (status, Json(serde_json::json!({"outcome": "error", "message": message}))).into_response()
    };
    let Some(session) = &viewer.session else {
        return error(StatusCode::UNAUTHORIZED, tr.t("autosave-signed-out"));
    };
    if !session.user.has_role(Role::Applicant) {
        return error(StatusCode::FORBIDDEN, tr.t1("error-role-only", "role", tr.t("role-applicant")));
    }
    let token = headers.get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or("");
    if check_session_post(lang, &headers, session, token).is_err() {
        return error(StatusCode::FORBIDDEN, tr.t("error-form-expired"));
    }
    let Json(save) = match body {
        Ok(body) => body,
        Err(rejection) => return error(rejection.status(), tr.t1("api-bad-query", "details", rejection.body_text())),
    };
    let (application, edition) = match owned(&state, lang, session, &raw_id).await {
        Ok(found) => found,
        Err(_) => return error(StatusCode::NOT_FOUND, tr.t1("error-not-found", "what", tr.t("what-application"))),
    };
    if check_editable(lang, &application, &edition).is_err() {
        return error(StatusCode::FORBIDDEN, tr.t("app-not-editable"));
    }
    let sent: Vec<String> = match &save.value {
        serde_json::Value::Array(items) => items.iter().map(|v| v.to_string().trim_matches('"').to_string()).collect(),
        serde_json::Value::String(text) => vec![text.clone()],
        other => vec![other.to_string()],
    };
    let value = match normalize(&save.field, &sent) {
        Ok(value) => value,
        Err(detail) => {
            return error(
                StatusCode::BAD_REQUEST,
                tr.t1("api-bad-query", "details", format!("{}={detail}", save.field)),
            );
        }
    };
    if let Err(problem) = check_field(&save.field, &value, &edition.application) {
        return error(StatusCode::BAD_REQUEST, field_problem(&tr, &save.field, problem));
    }
    let change = FieldChange { field: save.field, value, seen_version: save.version };
    match state.store.save_fields(application.id, &[change], Timestamp::now().as_second()).await {
        Ok(outcomes) => match outcomes.into_iter().next() {
            Some(outcome @ SaveOutcome::Saved { .. }) => Json(outcome).into_response(),
            Some(conflict) => (StatusCode::CONFLICT, Json(conflict)).into_response(),
            None => error(StatusCode::INTERNAL_SERVER_ERROR, tr.t("error-internal")),
        },
        Err(e) => {
            tracing::error!(error = %e, "autosave failed");
            error(StatusCode::SERVICE_UNAVAILABLE, tr.t("error-unavailable"))
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct ConfirmForm {
    csrf: String,
    #[serde(default)]
    confirm: Option<String>,
}

/// `POST /applications/{id}/submit`: submits the application as it is now, if it is complete,
/// its governments are approved and the call is open; a receipt goes out by e-mail.
pub async fn submit(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw_id): Path<String>,
    form: Result<axum::Form<ConfirmForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Applicant) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let tr = Tr::new(lang.0);
    let axum::Form(form) = form.map_err(PageError::form(lang))?;
    check_session_post(lang, &headers, session, &form.csrf)?;
    let (application, edition) = owned(&state, lang, session, &raw_id).await?;
    check_editable(lang, &application, &edition)?;
    if form.confirm.as_deref() != Some("yes") {
        return Err(PageError::bad_request(lang, tr.t("app-confirm-needed")));
    }
    let mut values = application.values();
    let kept = state.store.attachments(application.id).await.map_err(PageError::store(lang))?;
    values.insert(ATTACHMENTS_FIELD.to_string(), snapshot(&kept));
    if !completeness(&values, &edition.application, !edition.themes.is_empty()).is_empty() {
        return Err(PageError::bad_request(lang, tr.t("app-not-complete")));
    }
    let claims = state.store.claims_of(session.user.id).await.map_err(PageError::store(lang))?;
    let approved: Vec<_> = claims
        .iter()
        .filter(|c| c.status == crate::application::ClaimStatus::Approved)
        .filter_map(|c| c.city.as_ref().map(|(id, _, _)| *id))
        .collect();
    let themes: Vec<_> = edition.themes.iter().map(|t| t.id).collect();
    let initiative = crate::application::to_initiative(application.id, &values, edition.summary.id, &approved, &themes)
        .map_err(|_| PageError::bad_request(lang, tr.t("app-government-not-approved")))?;
    let digest = crate::application::digest(&values);
    let now = Timestamp::now();
    let edition_label = format!("{} {}", edition.summary.award_name.get(lang.0), edition.summary.year);
    let receipt =
        crate::mail::Compose::new(session.user.locale.parse().unwrap_or(lang.0)).receipt(&crate::mail::Receipt {
            to: &session.user.email,
            name: &session.user.display_name,
            title: application.value("title.en"),
            edition: &edition_label,
            when: &edition.timezone.format(now),
            digest: &digest,
            words: Section::ALL.iter().map(|s| (*s, word_count(application.value(&format!("{s}.en"))))).collect(),
            link: &state.link(&format!("/applications/{}/review", application.id)),
        });
    let number = state
        .store
        .submit_application(application.id, session.user.id, &values, &digest, &initiative, &receipt, now.as_second())
        .await
        .map_err(PageError::store(lang))?;
    state.mail_wakeup.notify_one();
    // A later version rewrites the initiative's texts (and its entry's status).
    state.reindexer.notify(crate::library::Changed::application(application.id));
    Ok(Redirect::to(&format!("/applications/{}/review?submitted={number}", application.id)).into_response())
}

/// `POST /applications/{id}/withdraw`: withdraws the application; its submitted versions stay
/// on record.
pub async fn withdraw(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw_id): Path<String>,
    form: Result<axum::Form<ConfirmForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Applicant) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let axum::Form(form) = form.map_err(PageError::form(lang))?;
    check_session_post(lang, &headers, session, &form.csrf)?;
    let (application, edition) = owned(&state, lang, session, &raw_id).await?;
    check_editable(lang, &application, &edition)?;
    if form.confirm.as_deref() != Some("yes") {
        return Err(PageError::bad_request(lang, Tr::new(lang.0).t("app-confirm-needed")));
    }
    let now = Timestamp::now().as_second();
    state.store.withdraw_application(application.id, session.user.id, now).await.map_err(PageError::store(lang))?;
    // A withdrawn entry leaves the library.
    state.reindexer.notify(crate::library::Changed::application(application.id));
    Ok(Redirect::to("/applications").into_response())
}

struct SectionLines {
    heading: String,
    english: Option<String>,
    original: Option<String>,
}

#[derive(Template)]
#[template(path = "submission.html")]
struct SubmissionPage {
    c: Chrome,
    application: ApplicationId,
    heading: String,
    submitted: String,
    digest: String,
    facts: Vec<(String, String)>,
    sections: Vec<SectionLines>,
    attachments: Vec<super::attachments::AttachmentLine>,
}

/// `GET /applications/{id}/submissions/{n}`: a submitted version as it was sent, for its owner
/// and the Secretariat.
pub async fn submission(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw_id, raw_number)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let Some(session) = &viewer.session else {
        return Ok(super::Refusal::SignIn { next: viewer.path.clone() }.into_response());
    };
    let id = ApplicationId(super::parse_id(lang, &raw_id, "what-application")?);
    let application = state.store.application(id).await.map_err(PageError::store(lang))?;
    let allowed =
        application.as_ref().is_some_and(|a| a.owner_id == session.user.id || session.user.has_role(Role::Secretariat));
    let (Some(application), true) = (application, allowed) else {
        return Err(PageError::not_found(lang, "what-application"));
    };
    let number = super::parse_id(lang, &raw_number, "what-application")?;
    let (summary, values) = state
        .store
        .submission(application.id, number)
        .await
        .map_err(PageError::store(lang))?
        .ok_or_else(|| PageError::not_found(lang, "what-application"))?;
    let edition = state
        .store
        .edition(application.edition_id)
        .await
        .map_err(PageError::store(lang))?
        .ok_or_else(|| PageError::not_found(lang, "what-edition"))?;
    let c = Chrome::new(&viewer, "account");
    let value = |field: &str| values.get(field).map(|v| v.trim()).filter(|v| !v.is_empty()).map(str::to_string);
    let facts = [
        "original_language",
        "level",
        "started",
        "ended",
        "contact_name",
        "contact_role",
        "contact_email",
        "partners",
        "key_dates",
        "budget",
    ]
    .iter()
    .filter_map(|field| value(field).map(|v| (field_label(&c.tr, &edition, field), v)))
    .collect();
    let sections = Section::ALL
        .iter()
        .map(|s| SectionLines {
            heading: c.tr.t(&format!("section-{s}")),
            english: value(&format!("{s}.en")),
            original: value(&format!("{s}.orig")),
        })
        .filter(|s| s.english.is_some() || s.original.is_some())
        .collect();
    let when = Timestamp::from_second(summary.submitted_at).map(|t| edition.timezone.format(t)).unwrap_or_default();
    let page = SubmissionPage {
        application: application.id,
        heading: value("title.en").unwrap_or_else(|| c.tr.t("app-untitled")),
        submitted: c.tr.t2("app-version", ("number", summary.number), ("date", when)),
        digest: summary.digest,
        facts,
        sections,
        attachments: attached(&values)
            .iter()
            .map(|item| {
                super::attachments::AttachmentLine::new(
                    &c.tr,
                    application.id,
                    item.id,
                    item.kind,
                    &item.name,
                    item.size,
                )
            })
            .collect(),
        c,
    };
    Ok(super::render(lang, page)?.into_response())
}
