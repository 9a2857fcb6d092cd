//! Governments an applicant account speaks for: claimed by the applicant, approved by the
//! Secretariat before an application can be submitted for them.

use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::require_role;
use crate::application::{Claim, ClaimStatus, NewClaim};
use crate::domain::{CityId, ClaimId, Role};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Viewer};
use crate::web::error::PageError;
use crate::web::forms::check_session_post;

struct ClaimLine {
    government: String,
    status: String,
    status_code: &'static str,
    note: Option<String>,
}

fn claim_line(c: &Chrome, claim: &Claim) -> ClaimLine {
    let government = match (&claim.city, &claim.requested_name) {
        (Some((_, name, country)), _) => format!("{name} ({country})"),
        (None, Some(name)) => format!("{name} ({})", claim.requested_country.clone().unwrap_or_default()),
        (None, None) => String::new(),
    };
    ClaimLine {
        government,
        status: c.tr.t(&format!("claim-{}", claim.status)),
        status_code: claim.status.as_str(),
        note: claim.decision_note.clone(),
    }
}

struct CityChoice {
    id: CityId,
    label: String,
}

#[derive(Template)]
#[template(path = "governments.html")]
struct GovernmentsPage {
    c: Chrome,
    claims: Vec<ClaimLine>,
    query: String,
    results: Vec<CityChoice>,
    searched: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct SearchParam {
    q: Option<String>,
}

/// `GET /account/governments?q=…`: the applicant's claims, and a search of the gazetteer.
pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    params: Result<Query<SearchParam>, QueryRejection>,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Applicant) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let query =
        params.map(|Query(p)| p.q.unwrap_or_default()).unwrap_or_default().trim().chars().take(100).collect::<String>();
    let claims = state.store.claims_of(session.user.id).await.map_err(PageError::store(lang))?;
    let results = if query.chars().count() >= 2 {
        state.store.search_cities(&query, 20).await.map_err(PageError::store(lang))?
    } else {
        Vec::new()
    };
    let c = Chrome::new(&viewer, "account");
    let page = GovernmentsPage {
        claims: claims.iter().map(|claim| claim_line(&c, claim)).collect(),
        results: results
            .iter()
            .map(|city| CityChoice {
                id: city.id,
                label: format!(
                    "{} — {}, {}",
                    city.display_name(lang.0),
                    city.country_name.get(lang.0),
                    c.tr.t(&format!("level-{}", city.level))
                ),
            })
            .collect(),
        searched: query.chars().count() >= 2,
        query,
        c,
    };
    Ok(super::render(lang, page)?.into_response())
}

#[derive(Debug, Deserialize)]
pub struct ClaimForm {
    csrf: String,
    city_id: Option<i64>,
    requested_name: Option<String>,
    requested_country: Option<String>,
}

/// `POST /account/governments`: claims a gazetteer government, or asks for one to be added.
pub async fn claim(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    form: Result<Form<ClaimForm>, FormRejection>,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Applicant) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let Form(form) = form.map_err(PageError::form(lang))?;
    check_session_post(lang, &headers, session, &form.csrf)?;
    let claim = match (form.city_id, form.requested_name.as_deref().map(str::trim)) {
        (Some(id), _) => {
            state
                .store
                .city(CityId(id))
                .await
                .map_err(PageError::store(lang))?
                .ok_or_else(|| PageError::not_found(lang, "what-city"))?;
            NewClaim::City(CityId(id))
        }
        (None, Some(name)) if !name.is_empty() && name.chars().count() <= 200 => {
            let country = form.requested_country.as_deref().unwrap_or("").trim().to_uppercase();
            let known = state.store.countries().await.map_err(PageError::store(lang))?;
            if !known.iter().any(|c| c.code == country) {
                return Err(PageError::bad_request(lang, tr.t("claim-country-invalid")));
            }
            NewClaim::Requested { name: name.to_string(), country }
        }
        _ => return Err(PageError::bad_request(lang, tr.t("claim-missing"))),
    };
    let already = state.store.claims_of(session.user.id).await.map_err(PageError::store(lang))?;
    let duplicate = match &claim {
        NewClaim::City(id) => already
            .iter()
            .any(|c| c.city.as_ref().is_some_and(|(city, _, _)| city == id) && c.status != ClaimStatus::Rejected),
        NewClaim::Requested { .. } => false,
    };
    if !duplicate {
        let now = jiff::Timestamp::now().as_second();
        state.store.claim_government(session.user.id, &claim, now).await.map_err(PageError::store(lang))?;
    }
    Ok(Redirect::to("/account/governments").into_response())
}

struct PendingClaim {
    id: ClaimId,
    applicant: String,
    government: String,
}

#[derive(Template)]
#[template(path = "claims.html")]
struct ClaimsPage {
    c: Chrome,
    pending: Vec<PendingClaim>,
}

/// `GET /secretariat/claims`: claims waiting for a decision.
pub async fn pending(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    if let Err(refusal) = require_role(&viewer, Role::Secretariat) {
        return Ok(refusal.into_response());
    }
    let lang = viewer.lang;
    let claims = state.store.claims_with_status(ClaimStatus::Pending).await.map_err(PageError::store(lang))?;
    let c = Chrome::new(&viewer, "account");
    let pending = claims
        .iter()
        .map(|claim| PendingClaim {
            id: claim.id,
            applicant: format!("{} <{}>", claim.user_name, claim.user_email),
            government: claim_line(&c, claim).government,
        })
        .collect();
    Ok(super::render(lang, ClaimsPage { c, pending })?.into_response())
}

#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    csrf: String,
    decision: String,
    note: Option<String>,
}

/// `POST /secretariat/claims/{id}`: approves or rejects a pending claim.
pub async fn decide(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw_id): Path<String>,
    form: Result<Form<DecisionForm>, FormRejection>,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Secretariat) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let Form(form) = form.map_err(PageError::form(lang))?;
    check_session_post(lang, &headers, session, &form.csrf)?;
    let id = ClaimId(super::parse_id(lang, &raw_id, "what-page")?);
    let approve = match form.decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => {
            return Err(PageError::bad_request(
                lang,
                crate::i18n::Tr::new(lang.0).t1("api-bad-query", "details", "decision"),
            ));
        }
    };
    let note =
        form.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(|n| n.chars().take(1000).collect::<String>());
    let now = jiff::Timestamp::now().as_second();
    // A claim decided already (by a colleague, in another tab) is left as it is.
    state
        .store
        .decide_claim(id, approve, session.user.id, note.as_deref(), now)
        .await
        .map_err(PageError::store(lang))?;
    Ok(Redirect::to("/secretariat/claims").into_response())
}
