//! The Secretariat's desk for applications: per edition, every submitted application (as
//! last submitted, never a live draft) with filters, counts and a CSV export; per application,
//! its versions and log, early-bird feedback and deadline extensions.

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use serde::Deserialize;

use super::SecretariatEdition;
use super::require_role;
use crate::application::{ApplicationStatus, DraftApplication, SubmittedApplication, list_ids};
use crate::domain::{ApplicationId, CityId, Edition, EditionId, Milestone, Role};
use crate::i18n::Tr;
use crate::storage::PageRequest;
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang, Viewer, encode_query_value};
use crate::web::error::PageError;
use crate::web::forms::check_session_post;

struct EditionLine {
    href: String,
    label: String,
    counts: String,
}

#[derive(Template)]
#[template(path = "desk_editions.html")]
struct EditionsPage {
    c: Chrome,
    editions: Vec<EditionLine>,
}

/// `GET /secretariat/applications`: every edition, with its applications counted (or, for one
/// without any, such as an imported edition, its entries): each leads to the edition's desk.
pub async fn editions(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
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
    let mut lines = Vec::new();
    for edition in all.items {
        let (submitted, drafts) =
            state.store.submitted_applications(edition.id).await.map_err(PageError::store(lang))?;
        let counts = if submitted.is_empty() && drafts.is_empty() {
            c.tr.t1("desk-entries", "entries", edition.entry_count)
        } else {
            c.tr.t2("desk-counts", ("submitted", submitted.len()), ("drafts", drafts.len()))
        };
        lines.push(EditionLine {
            href: format!("/secretariat/editions/{}/applications", edition.id),
            label: format!("{} {}", edition.award_name.get(lang.0), edition.year),
            counts,
        });
    }
    Ok(super::render(lang, EditionsPage { c, editions: lines })?.into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filters {
    status: Option<ApplicationStatus>,
    country: Option<String>,
    theme: Option<i64>,
}

/// One application as a row of the list and of the CSV.
struct Row {
    id: ApplicationId,
    status: String,
    title: String,
    lead: String,
    country: String,
    others: String,
    themes: String,
    sdgs: String,
    versions: i64,
    first: String,
    last: String,
    digest: String,
    applicant: String,
    email: String,
    extended: String,
}

async fn rows(
    state: &AppState,
    lang: Lang,
    edition: &Edition,
    filters: &Filters,
) -> Result<(Vec<Row>, Vec<SubmittedApplication>, Vec<DraftApplication>), PageError> {
    let tr = Tr::new(lang.0);
    let (applications, drafts) =
        state.store.submitted_applications(edition.summary.id).await.map_err(PageError::store(lang))?;
    let ids: Vec<CityId> = applications.iter().flat_map(|a| list_ids(&a.values, "governments")).map(CityId).collect();
    let cities = state.store.city_names(&ids).await.map_err(PageError::store(lang))?;
    let theme_names: HashMap<i64, String> =
        edition.themes.iter().map(|t| (t.id.0, t.name.get(lang.0).to_string())).collect();
    let zone = &edition.timezone;
    let when = |seconds: i64| Timestamp::from_second(seconds).map(|t| zone.format(t)).unwrap_or_default();
    let country_filter = filters.country.as_ref().map(|c| c.to_uppercase());
    let selected: Vec<SubmittedApplication> = applications
        .into_iter()
        .filter(|a| filters.status.is_none_or(|s| s == a.status))
        .filter(|a| {
            country_filter.as_ref().is_none_or(|country| {
                list_ids(&a.values, "governments")
                    .first()
                    .and_then(|id| cities.get(&CityId(*id)))
                    .is_some_and(|(_, c)| c == country)
            })
        })
        .filter(|a| filters.theme.is_none_or(|theme| list_ids(&a.values, "themes").contains(&theme)))
        .collect();
    let rows = selected
        .iter()
        .map(|a| {
            let governments: Vec<(String, String)> = list_ids(&a.values, "governments")
                .into_iter()
                .filter_map(|id| cities.get(&CityId(id)).cloned())
                .collect();
            let (lead, country) = governments.first().cloned().unwrap_or_default();
            Row {
                id: a.id,
                status: tr.t(&format!("app-status-{}", a.status)),
                title: a.values.get("title.en").cloned().unwrap_or_default(),
                lead,
                country,
                others: governments
                    .iter()
                    .skip(1)
                    .map(|(name, country)| format!("{name} ({country})"))
                    .collect::<Vec<_>>()
                    .join("; "),
                themes: list_ids(&a.values, "themes")
                    .iter()
                    .filter_map(|t| theme_names.get(t).cloned())
                    .collect::<Vec<_>>()
                    .join("; "),
                sdgs: list_ids(&a.values, "sdgs").iter().map(|n| n.to_string()).collect::<Vec<_>>().join("; "),
                versions: a.versions,
                first: when(a.first_submitted_at),
                last: when(a.last_submitted_at),
                digest: a.digest.clone(),
                applicant: a.owner_name.clone(),
                email: a.owner_email.clone(),
                extended: a.extended_until.map(when).unwrap_or_default(),
            }
        })
        .collect();
    Ok((rows, selected, drafts))
}

fn filters_of(lang: Lang, params: Result<Query<Filters>, QueryRejection>) -> Result<Filters, PageError> {
    params
        .map(|Query(f)| f)
        .map_err(|e| PageError::bad_request(lang, Tr::new(lang.0).t1("api-bad-query", "details", e.body_text())))
}

#[derive(Template)]
#[template(path = "desk_applications.html")]
struct ApplicationsPage {
    c: Chrome,
    edition_id: EditionId,
    edition: String,
    rows: Vec<Row>,
    count_line: String,
    by_country: Vec<(String, usize)>,
    by_theme: Vec<(String, usize)>,
    themes: Vec<(i64, String)>,
    status: String,
    country: String,
    theme: i64,
    csv_href: String,
    /// Applications never submitted: (id, applicant, last change).
    drafts: Vec<(ApplicationId, String, String)>,
}

/// `GET /secretariat/editions/{id}/applications?status=&country=&theme=`.
pub async fn list(
    State(state): State<AppState>,
    SecretariatEdition { viewer, edition, .. }: SecretariatEdition,
    params: Result<Query<Filters>, QueryRejection>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let filters = filters_of(lang, params)?;
    let (rows, _, drafts) = rows(&state, lang, &edition, &filters).await?;
    let c = Chrome::new(&viewer, "account");
    let when = |seconds: i64| Timestamp::from_second(seconds).map(|t| edition.timezone.format(t)).unwrap_or_default();
    let draft_lines =
        drafts.iter().map(|d| (d.id, format!("{} <{}>", d.owner_name, d.owner_email), when(d.updated_at))).collect();
    let count = |key: fn(&Row) -> String| {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for row in &rows {
            for value in key(row).split("; ").filter(|v| !v.is_empty()) {
                *counts.entry(value.to_string()).or_default() += 1;
            }
        }
        let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counts
    };
    let query: String = [
        filters.status.map(|s| format!("status={s}")),
        filters.country.as_ref().map(|c| format!("country={}", encode_query_value(c))),
        filters.theme.map(|t| format!("theme={t}")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("&");
    let page = ApplicationsPage {
        edition_id: edition.summary.id,
        edition: format!("{} {}", edition.summary.award_name.get(lang.0), edition.summary.year),
        count_line: c.tr.t2("desk-counts", ("submitted", rows.len()), ("drafts", drafts.len())),
        drafts: draft_lines,
        by_country: count(|r| r.country.clone()),
        by_theme: count(|r| r.themes.clone()),
        themes: edition.themes.iter().map(|t| (t.id.0, t.name.get(lang.0).to_string())).collect(),
        status: filters.status.map(|s| s.to_string()).unwrap_or_default(),
        country: filters.country.clone().unwrap_or_default(),
        theme: filters.theme.unwrap_or(0),
        csv_href: format!(
            "/secretariat/editions/{}/applications.csv{}",
            edition.summary.id,
            if query.is_empty() { String::new() } else { format!("?{query}") }
        ),
        rows,
        c,
    };
    Ok(super::render(lang, page)?.into_response())
}

/// `GET /secretariat/editions/{id}/applications.csv`: the same list as a spreadsheet (UTF-8
/// with a byte-order mark so Excel reads Chinese; formulas neutralised).
pub async fn csv(
    State(state): State<AppState>,
    SecretariatEdition { viewer, edition, .. }: SecretariatEdition,
    params: Result<Query<Filters>, QueryRejection>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let filters = filters_of(lang, params)?;
    let (rows, _, _) = rows(&state, lang, &edition, &filters).await?;
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let header = [
            "id",
            "status",
            "title",
            "lead_government",
            "country",
            "other_governments",
            "themes",
            "sdgs",
            "versions",
            "first_submitted",
            "last_submitted",
            "digest",
            "applicant",
            "applicant_email",
            "extended_until",
        ];
        let _ = writer.write_record(header);
        for row in &rows {
            let cells = [
                row.id.to_string(),
                row.status.clone(),
                row.title.clone(),
                row.lead.clone(),
                row.country.clone(),
                row.others.clone(),
                row.themes.clone(),
                row.sdgs.clone(),
                row.versions.to_string(),
                row.first.clone(),
                row.last.clone(),
                row.digest.clone(),
                row.applicant.clone(),
                row.email.clone(),
                row.extended.clone(),
            ];
            let _ = writer.write_record(cells.iter().map(|cell| crate::interchange::escape_cell(cell)));
        }
        let _ = writer.flush();
    }
    let filename = format!("applications-{}-{}.csv", edition.summary.award_slug, edition.summary.year);
    let mut response = out.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

#[derive(Template)]
#[template(path = "desk_application.html")]
struct ApplicationPage {
    c: Chrome,
    id: ApplicationId,
    edition_id: EditionId,
    title: String,
    status: String,
    applicant: String,
    versions: Vec<(String, String)>,
    events: Vec<String>,
    feedback: Vec<(String, String)>,
    early_bird: Option<String>,
    can_give_feedback: bool,
    timezone: String,
    extended: Option<String>,
}

/// `GET /secretariat/applications/{id}`: one application for the Secretariat: a submitted one
/// with its versions, log and feedback; a draft with only whose it is (its content is private).
pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw_id): Path<String>,
) -> Result<Response, PageError> {
    if let Err(refusal) = require_role(&viewer, Role::Secretariat) {
        return Ok(refusal.into_response());
    }
    let lang = viewer.lang;
    let (application, edition, found) = desk_one(&state, lang, &raw_id).await?;
    let c = Chrome::new(&viewer, "account");
    let zone = &edition.timezone;
    let when = |seconds: i64| Timestamp::from_second(seconds).map(|t| zone.format(t)).unwrap_or_default();
    let versions = state
        .store
        .submissions(application)
        .await
        .map_err(PageError::store(lang))?
        .into_iter()
        .map(|s| {
            let label = c.tr.t2("app-version", ("number", s.number), ("date", when(s.submitted_at)));
            (format!("/applications/{application}/submissions/{}", s.number), label)
        })
        .collect();
    let events = state
        .store
        .application_events(application)
        .await
        .map_err(PageError::store(lang))?
        .into_iter()
        .map(|e| format!("{} · {} · {} {}", when(e.at), e.actor, c.tr.t(&format!("event-{}", e.kind)), e.detail))
        .collect();
    let feedback = state
        .store
        .feedback(application)
        .await
        .map_err(PageError::store(lang))?
        .into_iter()
        .map(|f| (format!("{} · {}", f.author, when(f.created_at)), f.body))
        .collect();
    let early_bird = edition.date(Milestone::EarlyBirdDeadline).map(|d| d.starts_at);
    let (title, status, applicant, first_submitted, extended_until) = match &found {
        DeskApplication::Submitted(a) => (
            a.values.get("title.en").cloned().unwrap_or_default(),
            a.status,
            format!("{} <{}>", a.owner_name, a.owner_email),
            Some(a.first_submitted_at),
            a.extended_until,
        ),
        DeskApplication::Draft(d) => (
            c.tr.t("desk-draft-private"),
            ApplicationStatus::Draft,
            format!("{} <{}>", d.owner_name, d.owner_email),
            None,
            d.extended_until,
        ),
    };
    let page = ApplicationPage {
        id: application,
        edition_id: edition.summary.id,
        title,
        status: c.tr.t(&format!("app-status-{status}")),
        applicant,
        versions,
        events,
        feedback,
        can_give_feedback: early_bird
            .zip(first_submitted)
            .is_some_and(|(deadline, first)| first <= deadline.as_second()),
        early_bird: early_bird.map(|at| zone.format(at)),
        timezone: zone.name().to_string(),
        extended: extended_until.map(when),
        c,
    };
    Ok(super::render(lang, page)?.into_response())
}

/// An application as the Secretariat may see it.
enum DeskApplication {
    Submitted(SubmittedApplication),
    Draft(DraftApplication),
}

/// An application of any edition with what the Secretariat may see of it; 404 for unknown ids.
async fn desk_one(
    state: &AppState,
    lang: Lang,
    raw_id: &str,
) -> Result<(ApplicationId, Edition, DeskApplication), PageError> {
    let id = ApplicationId(super::parse_id(lang, raw_id, "what-application")?);
    let application = state
        .store
        .application(id)
        .await
        .map_err(PageError::store(lang))?
        .ok_or_else(|| PageError::not_found(lang, "what-application"))?;
    let edition = state
        .store
        .edition(application.edition_id)
        .await
        .map_err(PageError::store(lang))?
        .ok_or_else(|| PageError::not_found(lang, "what-edition"))?;
    let (submitted, drafts) =
        state.store.submitted_applications(edition.summary.id).await.map_err(PageError::store(lang))?;
    let found = match submitted.into_iter().find(|a| a.id == id) {
        Some(submitted) => DeskApplication::Submitted(submitted),
        None => DeskApplication::Draft(
            drafts.into_iter().find(|d| d.id == id).ok_or_else(|| PageError::not_found(lang, "what-application"))?,
        ),
    };
    Ok((id, edition, found))
}

#[derive(Debug, Deserialize)]
pub struct FeedbackForm {
    csrf: String,
    body: String,
}

/// `POST /secretariat/applications/{id}/feedback`: early-bird feedback, e-mailed to the applicant.
pub async fn give_feedback(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw_id): Path<String>,
    form: Result<Form<FeedbackForm>, FormRejection>,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Secretariat) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let tr = Tr::new(lang.0);
    let Form(form) = form.map_err(PageError::form(lang))?;
    check_session_post(lang, &headers, session, &form.csrf)?;
    let (id, edition, found) = desk_one(&state, lang, &raw_id).await?;
    let early_bird = edition.date(Milestone::EarlyBirdDeadline).map(|d| d.starts_at.as_second());
    let submitted = match found {
        DeskApplication::Submitted(submitted)
            if early_bird.is_some_and(|deadline| submitted.first_submitted_at <= deadline) =>
        {
            submitted
        }
        _ => return Err(PageError::forbidden(lang, tr.t("desk-feedback-not-early"))),
    };
    let body = form.body.trim();
    if body.is_empty() || body.chars().count() > 10_000 {
        return Err(PageError::bad_request(lang, tr.t1("app-too-long", "max", 10_000i64)));
    }
    let owner_lang = lang.0;
    let mail = crate::mail::Compose::new(owner_lang).feedback(
        &submitted.owner_email,
        &submitted.owner_name,
        &state.link(&format!("/applications/{id}/review")),
    );
    let now = Timestamp::now().as_second();
    state.store.add_feedback(id, session.user.id, body, &mail, now).await.map_err(PageError::store(lang))?;
    state.mail_wakeup.notify_one();
    Ok(Redirect::to(&format!("/secretariat/applications/{id}")).into_response())
}

#[derive(Debug, Deserialize)]
pub struct ExtensionForm {
    csrf: String,
    /// Local date-time in the edition's time zone, as an HTML datetime-local input sends it.
    until: String,
    reason: String,
}

/// `POST /secretariat/applications/{id}/extension`: a later deadline for this application only.
pub async fn extend(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw_id): Path<String>,
    form: Result<Form<ExtensionForm>, FormRejection>,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Secretariat) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let tr = Tr::new(lang.0);
    let Form(form) = form.map_err(PageError::form(lang))?;
    check_session_post(lang, &headers, session, &form.csrf)?;
    let (id, edition, _) = desk_one(&state, lang, &raw_id).await?;
    let until = edition
        .timezone
        .instant(&form.until)
        .map_err(|_| PageError::bad_request(lang, tr.t("desk-extension-invalid")))?;
    let reason = form.reason.trim();
    if reason.is_empty() || until <= Timestamp::now() {
        return Err(PageError::bad_request(lang, tr.t("desk-extension-invalid")));
    }
    let now = Timestamp::now().as_second();
    state
        .store
        .extend_deadline(id, until.as_second(), session.user.id, reason, now)
        .await
        .map_err(PageError::store(lang))?;
    Ok(Redirect::to(&format!("/secretariat/applications/{id}")).into_response())
}
