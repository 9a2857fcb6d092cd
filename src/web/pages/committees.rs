//! Committees of an edition, for the Secretariat: members invited by e-mail with their profile
//! (country, city, affiliation, expertise in themes and languages), the conflict rules, and
//! every conflict of interest — declared or detected — with what explains it.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};

use super::require_role;
use super::{SecretariatEdition, SecretariatPost};
use crate::auth;
use crate::domain::{EditionId, Role, Stage, ThemeId, TokenPurpose, UiLang};
use crate::evaluation::conflicts::{self, Conflict, ConflictKind, ConflictRules};
use crate::storage::evaluation::{EvaluatedEntry, Member, NewMember};
use crate::storage::{NewEmailToken, NewUser};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang, Viewer};
use crate::web::error::PageError;

/// An invitation link stays valid for a week.
const INVITATION_SECONDS: i64 = 7 * 24 * 60 * 60;
/// Languages a member can tick; others are typed.
const LANGUAGES: [&str; 4] = ["en", "zh", "fr", "es"];

/// The signed-in user's memberships in committees of `stage` (those with `role`); or the
/// refusal to answer with when they lack the role.
pub async fn memberships_in(
    state: &AppState,
    viewer: &Viewer,
    role: Role,
    stage: Stage,
) -> Result<Result<Vec<Member>, Response>, PageError> {
    let session = match require_role(viewer, role) {
        Ok(session) => session,
        Err(refusal) => return Ok(Err(refusal.into_response())),
    };
    let all = state.store.memberships(session.user.id).await.map_err(PageError::store(viewer.lang))?;
    Ok(Ok(all.into_iter().filter(|m| m.stage == stage).collect()))
}

/// Every conflict of an edition: declared ones and those the data shows.
pub async fn edition_conflicts(
    state: &AppState,
    lang: Lang,
    edition: EditionId,
    members: &[Member],
    entries: &[EvaluatedEntry],
) -> Result<Vec<Conflict>, PageError> {
    let rules = state.store.conflict_rules(edition).await.map_err(PageError::store(lang))?;
    let links = state.store.city_links().await.map_err(PageError::store(lang))?;
    let declared = state.store.declared_conflicts(edition).await.map_err(PageError::store(lang))?;
    let profiles: Vec<_> = members.iter().map(Member::profile).collect();
    let entry_profiles: Vec<_> = entries.iter().map(|e| e.profile.clone()).collect();
    Ok(conflicts::detect(&profiles, &entry_profiles, &links, &declared, rules))
}

/// "expert X: same country as entry Y (CO)", in the reader's language.
pub fn explain(
    c: &Chrome,
    conflict: &Conflict,
    member: &str,
    entry: &str,
    city_names: &dyn Fn(&str) -> String,
) -> String {
    let detail = match conflict.kind {
        ConflictKind::SameGovernment => city_names(&conflict.detail),
        ConflictKind::CityLink => c.tr.t(&format!("conflict-link-{}", conflict.detail)),
        _ => conflict.detail.clone(),
    };
    c.tr.tn(
        &format!("conflict-{}", conflict.kind.as_str().replace('_', "-")),
        &[("member", member.into()), ("entry", entry.into()), ("detail", detail.into())],
    )
}

struct MemberLine {
    name: String,
    email: String,
    stage: String,
    place: String,
    affiliation: String,
    expertise: String,
}

#[derive(Template)]
#[template(path = "committees.html")]
struct CommitteesPage {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    members: Vec<MemberLine>,
    themes: Vec<(ThemeId, String)>,
    languages: [&'static str; 4],
    conflicts: Vec<String>,
    same_country: bool,
}

/// `GET /secretariat/editions/{id}/committees`
pub async fn show(
    State(state): State<AppState>,
    SecretariatEdition { viewer, edition, .. }: SecretariatEdition,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let id = edition.summary.id;
    let c = Chrome::new(&viewer, "account");
    let members = state.store.committee(id).await.map_err(PageError::store(lang))?;
    let entries = state.store.evaluated_entries(id).await.map_err(PageError::store(lang))?;
    let found = edition_conflicts(&state, lang, id, &members, &entries).await?;
    let mut cities: Vec<crate::domain::CityId> = members.iter().filter_map(|m| m.city).collect();
    cities.extend(entries.iter().flat_map(|e| e.profile.governments.iter().map(|(c, _)| *c)));
    let names = state.store.city_names(&cities).await.map_err(PageError::store(lang))?;
    let city_name = |raw: &str| {
        raw.parse::<i64>()
            .ok()
            .and_then(|id| names.get(&crate::domain::CityId(id)))
            .map(|(name, _)| name.clone())
            .unwrap_or_else(|| raw.to_string())
    };
    let theme_name = |id: &ThemeId| {
        edition.themes.iter().find(|t| t.id == *id).map(|t| t.name.get(lang.0).to_string()).unwrap_or_default()
    };
    let conflicts = found
        .iter()
        .map(|conflict| {
            let member = members.iter().find(|m| m.id == conflict.member).map(|m| m.name.as_str()).unwrap_or("?");
            let entry = entries.iter().find(|e| e.entry == conflict.entry).map(|e| e.title.as_str()).unwrap_or("?");
            explain(&c, conflict, member, entry, &city_name)
        })
        .collect();
    let page = CommitteesPage {
        edition_id: id,
        edition_name: format!("{} {}", edition.summary.award_name.get(lang.0), edition.summary.year),
        members: members
            .iter()
            .map(|m| MemberLine {
                name: m.name.clone(),
                email: m.email.clone(),
                stage: c.tr.t(&format!("stage-{}", m.stage)),
                place: match m.city {
                    Some(city) => format!("{}, {}", city_name(&city.0.to_string()), m.country),
                    None => m.country.clone(),
                },
                affiliation: m.affiliation.clone(),
                expertise: m
                    .themes
                    .iter()
                    .map(theme_name)
                    .chain(m.languages.iter().cloned())
                    .chain((!m.expertise.is_empty()).then(|| m.expertise.chars().take(200).collect()))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
        themes: edition.themes.iter().map(|t| (t.id, t.name.get(lang.0).to_string())).collect(),
        languages: LANGUAGES,
        conflicts,
        same_country: state.store.conflict_rules(id).await.map_err(PageError::store(lang))?.same_country,
        c,
    };
    Ok(super::render(lang, page)?.into_response())
}

/// `POST /secretariat/editions/{id}/committees`: invites a member (an account is made for a new
/// address, with a link to choose a password).
pub async fn add(
    State(state): State<AppState>,
    SecretariatPost { viewer, session, edition, form }: SecretariatPost,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let id = edition.summary.id;
    let bad = |key: &str| PageError::bad_request(lang, tr.t(key));
    let email = crate::domain::EmailAddress::parse(&form.one("email")).map_err(|_| bad("committee-email"))?;
    let name = form.one("name");
    if name.is_empty() || name.chars().count() > 200 {
        return Err(bad("committee-name"));
    }
    let stage: Stage = form.one("stage").parse().map_err(|_| bad("committee-stage-missing"))?;
    let country = form.one("country").to_uppercase();
    if !state.store.countries().await.map_err(PageError::store(lang))?.iter().any(|c| c.code == country) {
        return Err(bad("claim-country-invalid"));
    }
    let city = match form.one("city").as_str() {
        "" => None,
        text => {
            let found = state.store.search_cities(text, 20).await.map_err(PageError::store(lang))?;
            Some(found.iter().find(|c| c.country_code == country).ok_or_else(|| bad("committee-city"))?.id)
        }
    };
    let affiliation = form.one("affiliation");
    if affiliation.chars().count() > 300 {
        return Err(bad("committee-affiliation-long"));
    }
    let expertise = form.one("expertise").trim().to_string();
    if expertise.chars().count() > 5_000 {
        return Err(bad("committee-expertise-long"));
    }
    let mut themes = Vec::new();
    for raw in form.all("theme") {
        let theme = raw.parse::<i64>().ok().map(ThemeId).filter(|t| edition.themes.iter().any(|e| e.id == *t));
        themes.push(theme.ok_or_else(|| bad("committee-theme"))?);
    }
    let mut languages: Vec<String> =
        form.all("language").into_iter().filter(|l| LANGUAGES.contains(&l.as_str())).collect();
    languages.extend(
        form.one("other_languages")
            .split(',')
            .map(|l| l.trim().to_lowercase())
            .filter(|l| !l.is_empty() && l.len() <= 8 && l.chars().all(|c| c.is_ascii_alphabetic() || c == '-')),
    );
    languages.sort();
    languages.dedup();

    let now = jiff::Timestamp::now().as_second();
    let existing = state.store.credentials(email.as_str()).await.map_err(PageError::store(lang))?;
    let (user, new_account) = match existing {
        Some(credentials) => (credentials.user, false),
        None => {
            let user = state
                .store
                .create_user(&NewUser {
                    email: email.as_str().to_string(),
                    display_name: name.clone(),
                    // No password until the invited member chooses one through the link.
                    password_hash: "!".into(),
                    locale: lang.0.as_str().into(),
                    roles: vec![],
                    verified: true,
                })
                .await
                .map_err(PageError::store(lang))?;
            (user, true)
        }
    };
    let member = NewMember { user: user.id, stage, country, city, affiliation, themes, languages, expertise };
    let added = state.store.add_member(id, &member, session.user.id, now).await.map_err(PageError::store(lang))?;
    if added.is_none() {
        return Err(bad("committee-already"));
    }
    let token = auth::new_token();
    let link = if new_account { state.link(&format!("/password/reset?token={token}")) } else { state.link("/review") };
    let user_lang: UiLang = user.locale.parse().unwrap_or(lang.0);
    let edition_name = format!("{} {}", edition.summary.award_name.get(user_lang), edition.summary.year);
    let committee = crate::i18n::Tr::new(user_lang).t(&format!("stage-{stage}"));
    let mail = crate::mail::Compose::new(user_lang).committee_invitation(
        email.as_str(),
        &user.display_name,
        &committee,
        &edition_name,
        &link,
    );
    let email_token = NewEmailToken {
        token_hash: auth::token_hash(&token),
        purpose: TokenPurpose::ResetPassword,
        created_at: now,
        expires_at: now + INVITATION_SECONDS,
    };
    state.store.issue_email_token(user.id, &email_token, &mail).await.map_err(PageError::store(lang))?;
    state.mail_wakeup.notify_one();
    Ok(Redirect::to(&format!("/secretariat/editions/{id}/committees")).into_response())
}

/// `POST /secretariat/editions/{id}/conflict-rules`: whether the same country is a conflict.
pub async fn set_rules(
    State(state): State<AppState>,
    SecretariatPost { viewer, session, edition, form }: SecretariatPost,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let rules = ConflictRules { same_country: form.one("same_country") == "yes" };
    let now = jiff::Timestamp::now().as_second();
    state
        .store
        .set_conflict_rules(edition.summary.id, rules, session.user.id, now)
        .await
        .map_err(PageError::store(lang))?;
    Ok(Redirect::to(&format!("/secretariat/editions/{}/committees", edition.summary.id)).into_response())
}
