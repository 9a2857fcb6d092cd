use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use jiff::Timestamp;

use crate::domain::{EditionId, EntryStatus, HonourKind, InitiativeSummary};
use crate::storage::{InitiativeQuery, PageRequest};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Viewer};
use crate::web::error::PageError;
use crate::web::views::{EntryCard, group_digits};

struct TimelineStep {
    when: String,
    label: String,
    past: bool,
}

struct ResultGroup {
    heading: String,
    items: Vec<EntryCard>,
}

#[derive(Template)]
#[template(path = "edition.html")]
struct EditionPage {
    c: Chrome,
    id: EditionId,
    title: String,
    ordinal: String,
    award_id: crate::domain::AwardId,
    award_name: String,
    reported: Option<String>,
    timezone_note: String,
    timeline: Vec<TimelineStep>,
    groups: Vec<ResultGroup>,
    public_vote: Option<Vec<String>>,
    entry_count: i64,
    entries_link: String,
    sizes: String,
    committees: Option<String>,
    themes: Vec<String>,
    criteria: Vec<String>,
    notes: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw_id): Path<String>,
) -> Result<Html<String>, PageError> {
    let lang = viewer.lang;
    let id = EditionId(super::parse_id(lang, &raw_id, "what-edition")?);
    let edition = state
        .store
        .edition(id)
        .await
        .map_err(PageError::store(lang))?
        .ok_or_else(|| PageError::not_found(lang, "what-edition"))?;
    let results = long_list(&state, id).await.map_err(PageError::store(lang))?;
    let c = Chrome::new(&viewer, "awards");
    let tr = &c.tr;
    let summary = &edition.summary;
    let award_name = summary.award_name.get(lang.0).to_string();
    let now = Timestamp::now();
    let zone = &edition.timezone;

    let timeline = edition
        .dates
        .iter()
        .map(|date| TimelineStep {
            when: match date.ends_at {
                Some(ends) => format!("{} – {}", zone.format(date.starts_at), zone.format(ends)),
                None => zone.format(date.starts_at),
            },
            label: tr.t(&format!("milestone-{}", date.milestone)),
            past: date.ends_at.unwrap_or(date.starts_at) < now,
        })
        .collect();

    let group = |heading: &str, keep: &dyn Fn(&InitiativeSummary) -> bool| ResultGroup {
        heading: tr.t(heading),
        items: results.iter().filter(|s| keep(s)).map(|s| EntryCard::new(tr, s)).collect(),
    };
    let groups: Vec<ResultGroup> = [
        group("results-winners", &|s| s.status == EntryStatus::Winner),
        group("results-special-mention", &|s| s.honours.contains(&HonourKind::SpecialMention)),
        group("results-medals", &|s| s.status == EntryStatus::MedalOfHonour),
        group("results-shortlist", &|s| s.status == EntryStatus::Shortlisted),
        group("results-long-list", &|s| s.status == EntryStatus::Deserving),
    ]
    .into_iter()
    .filter(|g| !g.items.is_empty())
    .collect();

    let mut voted: Vec<&InitiativeSummary> =
        results.iter().filter(|s| s.public_votes.is_some() || s.honours.contains(&HonourKind::PublicVote)).collect();
    voted.sort_by_key(|s| (std::cmp::Reverse(s.public_votes), !s.honours.contains(&HonourKind::PublicVote)));
    let public_vote = (!voted.is_empty()).then(|| {
        voted
            .iter()
            .map(|s| {
                let card = EntryCard::new(tr, s);
                let mut line = card.city;
                if s.honours.contains(&HonourKind::PublicVote) {
                    line.push_str(&format!(" — {}", tr.t("honour-public_vote")));
                }
                if let Some(votes) = s.public_votes {
                    line.push_str(&format!(" — {}", tr.t1("results-votes", "votes", group_digits(lang.0, votes))));
                }
                line
            })
            .collect()
    });

    let reported = match (edition.reported.entries, edition.reported.cities, edition.reported.countries) {
        (Some(entries), Some(cities), Some(countries)) => Some(tr.tn(
            "edition-reported",
            &[("entries", entries.into()), ("cities", cities.into()), ("countries", countries.into())],
        )),
        _ => None,
    };
    let committees = match (edition.technical_committee_size, edition.jury_size) {
        (Some(tc), Some(jury)) => Some(tr.t2("edition-committees", ("tc", tc), ("jury", jury))),
        _ => None,
    };
    let page = EditionPage {
        id,
        title: tr.t2("edition-title", ("award", award_name.as_str()), ("year", summary.year)),
        ordinal: tr.t1("edition-ordinal", "ordinal", summary.ordinal),
        award_id: summary.award_id,
        reported,
        timezone_note: tr.t1("edition-timezone", "zone", zone.name()),
        timeline,
        groups,
        public_vote,
        entry_count: summary.entry_count,
        entries_link: tr.t1("edition-entries-link", "count", summary.entry_count),
        sizes: match edition.long_list_size {
            Some(long) => tr.tn(
                "edition-sizes",
                &[
                    ("long", long.into()),
                    ("short", edition.shortlist_size.into()),
                    ("winners", edition.max_winners.into()),
                ],
            ),
            None => tr.t2("edition-sizes-short", ("short", edition.shortlist_size), ("winners", edition.max_winners)),
        },
        committees,
        themes: edition.themes.iter().map(|t| t.name.get(lang.0).to_string()).collect(),
        criteria: edition
            .criteria
            .iter()
            .map(|k| {
                format!(
                    "{} ({}, {})",
                    k.name.get(lang.0),
                    tr.t1("criterion-weight", "weight", k.weight),
                    tr.t2("criterion-scale", ("min", k.scale_min), ("max", k.scale_max))
                )
            })
            .collect(),
        notes: edition.notes.clone(),
        award_name,
        c,
    };
    super::render(lang, page)
}

/// Every entry of the edition that made the long list or went further, best first.
async fn long_list(state: &AppState, edition: EditionId) -> crate::storage::StoreResult<Vec<InitiativeSummary>> {
    let query =
        InitiativeQuery { edition: Some(edition), min_status: Some(EntryStatus::Deserving), ..Default::default() };
    let mut results = Vec::new();
    loop {
        let page =
            state.store.initiatives(&query, PageRequest::new(results.len() as i64, PageRequest::MAX_LIMIT)).await?;
        let done = page.items.is_empty() || results.len() as i64 + page.items.len() as i64 >= page.total;
        results.extend(page.items);
        if done {
            return Ok(results);
        }
    }
}
