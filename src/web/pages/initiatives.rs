//! The case page: an initiative's write-up, governments, badges, the editions it entered, and
//! the initiatives most like it (by text, from the search index).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Html;

use crate::domain::{EditionId, Initiative, InitiativeId, LangCode, Section};
use crate::i18n::Tr;
use crate::web::AppState;
use crate::web::chrome::{Chrome, Viewer};
use crate::web::error::PageError;
use crate::web::pages::compare::CompareLink;
use crate::web::views::{EntryCard, honour_label, paragraphs, sdg_label};

/// Related initiatives shown on a case page.
const RELATED: usize = 5;

struct CityLine {
    id: crate::domain::CityId,
    name: String,
    country: String,
    lead: bool,
}

struct Badge {
    code: &'static str,
    label: String,
}

struct SectionView {
    heading: String,
    paragraphs: Vec<String>,
}

struct EntryLine {
    edition_id: EditionId,
    label: String,
    status_code: &'static str,
    status: String,
    honours: Vec<String>,
    themes: String,
    /// The other published entries of that edition, in the library.
    library_href: String,
}

#[derive(Template)]
#[template(path = "initiative.html")]
struct InitiativePage {
    c: Chrome,
    title: Option<String>,
    title_text: String,
    text_lang: String,
    language_note: Option<String>,
    cities: Vec<CityLine>,
    level: String,
    badges: Vec<Badge>,
    sections: Vec<SectionView>,
    entries: Vec<EntryLine>,
    /// "In 2 editions" when it entered more than one.
    editions_line: Option<String>,
    related: Vec<EntryCard>,
    compare: CompareLink,
    period: Option<String>,
    sdgs: Vec<(u8, String)>,
    partners: Vec<String>,
    key_dates: Vec<String>,
    contact: Option<String>,
    contact_email: Option<String>,
    source: String,
    source_url: Option<String>,
}

/// The name of a content language in itself, for the "shown in …" note.
pub fn language_name(code: LangCode) -> String {
    match code.as_str() {
        "en" => "English",
        "zh" => "中文",
        "fr" => "Français",
        "es" => "Español",
        "pt" => "Português",
        "ar" => "العربية",
        "ru" => "Русский",
        other => other,
    }
    .to_string()
}

/// Only initiatives with at least one entry that passed screening are public.
pub fn is_public(initiative: &Initiative) -> bool {
    initiative.entries.iter().any(|e| e.status.is_published())
}

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw_id): Path<String>,
) -> Result<Html<String>, PageError> {
    let lang = viewer.lang;
    let id = InitiativeId(super::parse_id(lang, &raw_id, "what-initiative")?);
    let initiative = state
        .store
        .initiative(id)
        .await
        .map_err(PageError::store(lang))?
        .filter(is_public)
        .ok_or_else(|| PageError::not_found(lang, "what-initiative"))?;
    let c = Chrome::new(&viewer, "library");
    let published: Vec<_> = initiative.entries.iter().filter(|e| e.status.is_published()).map(|e| e.entry_id).collect();
    // The case page stands without its related initiatives: while the index is being built,
    // or if it fails, there are none.
    let related = match state.search.related(initiative.id, &published, RELATED) {
        Ok(related) => related.unwrap_or_default(),
        Err(error) => {
            tracing::warn!(%error, "related initiatives could not be found");
            Vec::new()
        }
    };
    let chosen = super::compare::chosen(&headers);
    let mut page = view(c, &initiative);
    page.related = EntryCard::list(&page.c.tr, &related);
    page.compare = CompareLink::new(&page.c.tr, &chosen, initiative.id);
    super::render(lang, page)
}

fn view(c: Chrome, initiative: &Initiative) -> InitiativePage {
    let tr: &Tr = &c.tr;
    let ui: LangCode = c.lang.into();
    let (text_lang, text) = match initiative.text(ui) {
        Some((l, t)) => (l, Some(t)),
        None => (ui, None),
    };
    let language_note = (text.is_some() && (text_lang != ui || text_lang != initiative.original_language)).then(|| {
        tr.t2(
            "initiative-language-note",
            ("shown", language_name(text_lang)),
            ("original", language_name(initiative.original_language)),
        )
    });
    let title = initiative.title(ui).map(str::to_string);
    let sections = text
        .map(|text| {
            Section::ALL
                .iter()
                .filter_map(|section| {
                    text.section(*section).map(|body| SectionView {
                        heading: tr.t(&format!("section-{section}")),
                        paragraphs: paragraphs(body),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let published: Vec<_> = initiative.entries.iter().filter(|e| e.status.is_published()).collect();
    let mut badges = Vec::new();
    if let Some(best) = published.iter().map(|e| e.status).max() {
        badges.push(Badge { code: best.as_str(), label: tr.t(&format!("status-{best}")) });
    }
    for entry in &published {
        for honour in &entry.honours {
            badges.push(Badge { code: "honour", label: format!("{} ({})", honour.name, entry.edition_year) });
        }
    }
    let entries = published
        .iter()
        .map(|entry| EntryLine {
            edition_id: entry.edition_id,
            label: tr.t2(
                "initiative-in-edition",
                ("award", entry.award_name.get(c.lang)),
                ("year", entry.edition_year),
            ),
            status_code: entry.status.as_str(),
            library_href: format!("/library?edition={}", entry.edition_id),
            status: tr.t(&format!("status-{}", entry.status)),
            honours: entry.honours.iter().map(|h| format!("{} “{}”", honour_label(tr, h.kind), h.name)).collect(),
            themes: entry.themes.iter().map(|theme| theme.name.get(c.lang).to_string()).collect::<Vec<_>>().join(" · "),
        })
        .collect::<Vec<EntryLine>>();
    let editions_line =
        (published.len() > 1).then(|| tr.t1("initiative-editions-count", "editions", published.len() as i64));
    let period = match (initiative.started_year, initiative.ended_year) {
        (Some(start), Some(end)) if start == end => Some(start.to_string()),
        (Some(start), Some(end)) => Some(format!("{start}–{end}")),
        (Some(start), None) => Some(tr.t1("initiative-ongoing", "start", start)),
        (None, Some(end)) => Some(end.to_string()),
        (None, None) => None,
    };
    let source = &initiative.source;
    InitiativePage {
        title_text: title.clone().unwrap_or_else(|| tr.t("initiative-untitled")),
        title,
        text_lang: text_lang.to_string(),
        language_note,
        cities: initiative
            .cities
            .iter()
            .map(|city| CityLine {
                id: city.id,
                name: match (&city.name_zh, c.lang) {
                    (Some(zh), crate::domain::UiLang::Zh) => zh.clone(),
                    _ => city.name.clone(),
                },
                country: city.country_name.get(c.lang).to_string(),
                lead: city.lead,
            })
            .collect(),
        level: tr.t(&format!("level-{}", initiative.level)),
        badges,
        sections,
        entries,
        editions_line,
        related: Vec::new(),
        compare: CompareLink { href: String::new(), label: String::new(), added: false },
        period,
        sdgs: initiative.sdgs.iter().map(|sdg| (sdg.number(), sdg_label(tr, *sdg))).collect(),
        partners: initiative
            .partners
            .iter()
            .map(|p| match &p.kind {
                Some(kind) => format!("{} ({kind})", p.name),
                None => p.name.clone(),
            })
            .collect(),
        key_dates: initiative.key_dates.iter().map(|k| format!("{}: {}", k.date, k.label)).collect(),
        contact: initiative.contact.as_ref().map(|contact| match &contact.role {
            Some(role) => format!("{}, {role}", contact.name),
            None => contact.name.clone(),
        }),
        contact_email: initiative.contact.as_ref().and_then(|contact| contact.email.clone()),
        source: format!("{} · {}", source.dataset, source.id),
        source_url: source.url.clone(),
        c,
    }
}
