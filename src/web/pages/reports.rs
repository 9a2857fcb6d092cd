//! The reports that justify the decisions, for the Secretariat: the Technical Committee's report
//! as a web page (every place in the ranking with the reviews behind it — the content of
//! `scores.csv` — and the long list and shortlist decisions with each member's ballot once
//! confirmed), and the Jury's report as a web page and a CSV (each member's ranking once the vote
//! is closed, the tally by every method, ties and the rule that broke them, winners and Medals).

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

use super::SecretariatEdition;
use super::decisions::snapshot_ranking;
use crate::domain::{EditionId, EntryId, Stage};
use crate::evaluation::decisions::ListKind;
use crate::storage::evaluation::{JuryResult, Member, ScreeningRow};
use crate::web::AppState;
use crate::web::chrome::{Chrome, Lang};
use crate::web::error::PageError;

/// An entry's title from the screening list; an entry known without one is named by its number.
pub(super) fn title_of(rows: &[ScreeningRow], entry: EntryId) -> String {
    rows.iter()
        .find(|r| r.entry == entry && !r.title.is_empty())
        .map(|r| r.title.clone())
        .unwrap_or(format!("#{entry}"))
}

fn name_of(committee: &[Member], member: i64) -> String {
    committee.iter().find(|m| m.id == member).map(|m| m.name.clone()).unwrap_or_else(|| member.to_string())
}

struct ReviewLine {
    reviewer: String,
    /// (criterion name, score, comment) in the edition's order of criteria.
    scores: Vec<(String, String, String)>,
    recommendation: String,
    confidence: String,
}

struct EntryLine {
    place: usize,
    entry: EntryId,
    title: String,
    raw: String,
    normalised: String,
    disagreement: bool,
    reviews: Vec<ReviewLine>,
    /// Per list decided so far: (list name, approvals, on the list).
    decisions: Vec<(String, usize, bool)>,
}

struct BallotLine {
    member: String,
    /// (title, counted): approvals of conflicted entries are not counted.
    approved: Vec<(String, bool)>,
}

struct DecisionSection {
    list: &'static str,
    name: String,
    state: String,
    confirmed: bool,
    /// (title, approvals, on the list, the reason it was moved).
    lines: Vec<(String, usize, bool, Option<String>)>,
    ballots: Vec<BallotLine>,
}

#[derive(Template)]
#[template(path = "committee_report.html")]
struct CommitteeReport {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    snapshot: bool,
    entries: Vec<EntryLine>,
    decisions: Vec<DecisionSection>,
}

/// `GET /secretariat/editions/{id}/committee-report`
pub async fn committee(
    State(state): State<AppState>,
    SecretariatEdition { viewer, edition, .. }: SecretariatEdition,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let c = Chrome::new(&viewer, "account");
    let id = edition.summary.id;
    let rows = state.store.screening_list(id).await.map_err(PageError::store(lang))?;
    let committee = state.store.committee(id).await.map_err(PageError::store(lang))?;
    let rounds = state.store.decision_rounds(id).await.map_err(PageError::store(lang))?;
    let criteria: Vec<_> = edition.criteria.iter().filter(|k| k.stage == Stage::TechnicalCommittee).cloned().collect();
    let ranked = snapshot_ranking(&state, lang, &edition).await?;
    let sheets =
        state.store.score_snapshot(id).await.map_err(PageError::store(lang))?.map(|(_, s)| s).unwrap_or_default();
    let list_name = |list: ListKind| c.tr.t(&format!("lists-kind-{list}"));

    let mut entries = Vec::new();
    for (place, r) in ranked.iter().flatten().enumerate() {
        let kept = state.store.entry_reviews(r.entry).await.map_err(PageError::store(lang))?;
        let reviews = sheets
            .iter()
            .filter(|s| s.entry == r.entry)
            .map(|sheet| {
                let review = kept.iter().find(|x| x.member == sheet.reviewer);
                ReviewLine {
                    reviewer: name_of(&committee, sheet.reviewer),
                    scores: criteria
                        .iter()
                        .map(|k| {
                            (
                                k.name.get(lang.0).to_string(),
                                sheet.scores.get(&k.id).map(i64::to_string).unwrap_or_default(),
                                review.and_then(|x| x.content.comments.get(&k.id).cloned()).unwrap_or_default(),
                            )
                        })
                        .collect(),
                    recommendation: review
                        .and_then(|x| x.content.recommendation)
                        .map(|x| c.tr.t(&format!("recommendation-{x}")))
                        .unwrap_or_default(),
                    confidence: review.and_then(|x| x.content.confidence).map(|x| x.to_string()).unwrap_or_default(),
                }
            })
            .collect();
        let decisions = rounds
            .iter()
            .filter_map(|round| {
                let confirmation = round.confirmation.as_ref()?;
                let count = round.proposal.as_ref()?.counts.iter().find(|k| k.entry == r.entry)?;
                Some((list_name(round.list), count.approvals, confirmation.listed.contains(&r.entry)))
            })
            .collect();
        entries.push(EntryLine {
            place: place + 1,
            entry: r.entry,
            title: title_of(&rows, r.entry),
            raw: format!("{:.2}", r.raw * 10.0),
            normalised: format!("{:+.2}", r.normalised),
            disagreement: r.disagreement,
            reviews,
            decisions,
        });
    }

    let mut decisions = Vec::new();
    for round in &rounds {
        let state_line = if round.confirmed_at.is_some() {
            c.tr.t("lists-confirmed")
        } else if round.closed_at.is_some() {
            c.tr.t("lists-error-still-confirm")
        } else {
            c.tr.t("lists-open-now")
        };
        let mut section = DecisionSection {
            list: round.list.as_str(),
            name: list_name(round.list),
            state: state_line,
            confirmed: false,
            lines: Vec::new(),
            ballots: Vec::new(),
        };
        // Each member's ballot goes on the record with the confirmed list, not before.
        if let (Some(proposal), Some(confirmation)) = (&round.proposal, &round.confirmation) {
            section.confirmed = true;
            section.lines = proposal
                .counts
                .iter()
                .map(|k| {
                    let change = confirmation.changes.iter().find(|x| x.entry == k.entry).map(|x| x.reason.clone());
                    (title_of(&rows, k.entry), k.approvals, confirmation.listed.contains(&k.entry), change)
                })
                .collect();
            let ballots = state.store.approval_ballots(round.id).await.map_err(PageError::store(lang))?;
            let place = |e: &EntryId| round.candidates.iter().position(|x| x == e).unwrap_or(usize::MAX);
            section.ballots = ballots
                .iter()
                .map(|b| {
                    let mut approved = b.approved.clone();
                    approved.sort_by_key(place);
                    BallotLine {
                        member: name_of(&committee, b.member),
                        approved: approved
                            .iter()
                            .map(|e| (title_of(&rows, *e), !proposal.excluded.contains(&(b.member, *e))))
                            .collect(),
                    }
                })
                .collect();
        }
        decisions.push(section);
    }

    let page = CommitteeReport {
        edition_id: id,
        edition_name: format!("{} {}", edition.summary.award_name.get(lang.0), edition.summary.year),
        snapshot: ranked.is_some(),
        entries,
        decisions,
        c,
    };
    Ok(super::render(lang, page)?.into_response())
}

/// The Jury's ballots as a `kapok-tally` profile over `candidates` (in the shortlist's order,
/// which is the tie-break); ballots' entries outside the candidates are left out.
pub(super) fn jury_profile(
    candidates: &[EntryId],
    ballots: &[(i64, Vec<Vec<EntryId>>)],
) -> Option<kapok_tally::Profile> {
    let names: Vec<String> = candidates.iter().map(|e| e.to_string()).collect();
    let mut profile = kapok_tally::Profile::new(names).ok()?;
    let index = |e: &EntryId| candidates.iter().position(|x| x == e);
    for (_, ranking) in ballots {
        let groups: Vec<Vec<usize>> = ranking
            .iter()
            .map(|group| group.iter().filter_map(index).collect::<Vec<_>>())
            .filter(|g| !g.is_empty())
            .collect();
        profile.add_ballot(1, groups).ok()?;
    }
    Some(profile)
}

/// Everything the Jury's report shows, computed once for the page and the CSV.
struct JuryReportData {
    result: JuryResult,
    winners: usize,
    /// The shortlist, in its order (the tie-break).
    candidates: Vec<EntryId>,
    titles: BTreeMap<EntryId, String>,
    /// (member id, name, ranking as tie groups) in member order.
    ballots: Vec<(i64, String, Vec<Vec<EntryId>>)>,
    /// Each method's place for each entry (ties share a place).
    places: BTreeMap<&'static str, BTreeMap<EntryId, usize>>,
    borda: BTreeMap<EntryId, String>,
    /// Schulze's pairwise preferences and strongest paths, by candidate index.
    pairwise: Vec<Vec<u64>>,
    paths: Vec<Vec<u64>>,
    /// Whether the winners' cut fell inside a tie of the deciding method.
    cut_splits_tie: bool,
}

impl JuryReportData {
    fn title(&self, entry: EntryId) -> String {
        self.titles.get(&entry).cloned().unwrap_or_else(|| entry.to_string())
    }

    /// The place an entry has in a member's ranking (ties share it); `None` when unranked.
    fn rank_in(ranking: &[Vec<EntryId>], entry: EntryId) -> Option<usize> {
        let mut place = 1;
        for group in ranking {
            if group.contains(&entry) {
                return Some(place);
            }
            place += group.len();
        }
        None
    }

    /// The entries the decided method tied with this one, if any.
    fn tied_with(&self, entry: EntryId) -> Vec<EntryId> {
        self.result
            .ties
            .iter()
            .find(|group| group.contains(&entry))
            .map(|group| group.iter().copied().filter(|e| *e != entry).collect())
            .unwrap_or_default()
    }
}

/// The report's data once the vote is closed; `None` while the ballots are sealed.
async fn jury_report_data(
    state: &AppState,
    lang: Lang,
    edition: &crate::domain::Edition,
) -> Result<Option<JuryReportData>, PageError> {
    let id = edition.summary.id;
    let Some(result) = state.store.jury_result(id).await.map_err(PageError::store(lang))? else {
        return Ok(None);
    };
    let rows = state.store.screening_list(id).await.map_err(PageError::store(lang))?;
    let committee = state.store.committee(id).await.map_err(PageError::store(lang))?;
    let opened = state.store.jury_ballots(id).await.map_err(PageError::store(lang))?;
    // The shortlist as it was tallied: the result ranks every candidate; the tally's order was the
    // entry ids'.
    let mut candidates = result.ranking.clone();
    candidates.sort();
    let mut places = BTreeMap::new();
    let mut borda = BTreeMap::new();
    let mut pairwise = Vec::new();
    let mut paths = Vec::new();
    let winners = edition.max_winners.max(0) as usize;
    let mut cut_splits_tie = false;
    if let Some(profile) = jury_profile(&candidates, &opened) {
        for method in kapok_tally::Method::ALL {
            let ranking = kapok_tally::tally(method, &profile);
            if method.name() == result.method {
                cut_splits_tie = ranking.splits_tie(winners);
            }
            places.insert(method.name(), ranking.places().map(|(place, i)| (candidates[i], place)).collect());
        }
        borda = kapok_tally::borda_scores(&profile)
            .iter()
            .enumerate()
            .map(|(i, score)| (candidates[i], score.to_string()))
            .collect();
        let preferences = kapok_tally::pairwise_preferences(&profile);
        let strongest = kapok_tally::strongest_paths(&preferences);
        let n = candidates.len();
        pairwise = (0..n).map(|a| (0..n).map(|b| preferences.get(a, b)).collect()).collect();
        paths = (0..n).map(|a| (0..n).map(|b| strongest.get(a, b)).collect()).collect();
    }
    Ok(Some(JuryReportData {
        titles: candidates.iter().map(|e| (*e, title_of(&rows, *e))).collect(),
        ballots: opened.into_iter().map(|(m, ranking)| (m, name_of(&committee, m), ranking)).collect(),
        result,
        winners,
        candidates,
        places,
        borda,
        pairwise,
        paths,
        cut_splits_tie,
    }))
}

struct JuryLine {
    place: usize,
    title: String,
    honour: String,
    tied_with: String,
    schulze: String,
    borda: String,
    borda_points: String,
    irv: String,
}

#[derive(Template)]
#[template(path = "jury_report.html")]
struct JuryReport {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    closed: bool,
    decided_by: String,
    published: bool,
    cut_splits_tie: bool,
    lines: Vec<JuryLine>,
    /// (member, their ranking in words).
    ballots: Vec<(String, String)>,
    /// Column headers (titles) and rows (title, cells) of the two Schulze tables.
    matrix_titles: Vec<String>,
    pairwise: Vec<(String, Vec<String>)>,
    paths: Vec<(String, Vec<String>)>,
}

/// `GET /secretariat/editions/{id}/jury/report`: the Jury's report; the ballots stay sealed
/// until the vote is closed.
pub async fn jury(
    State(state): State<AppState>,
    SecretariatEdition { viewer, edition, .. }: SecretariatEdition,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let data = jury_report_data(&state, lang, &edition).await?;
    let mut page = JuryReport {
        edition_id: edition.summary.id,
        edition_name: format!("{} {}", edition.summary.award_name.get(lang.0), edition.summary.year),
        closed: data.is_some(),
        decided_by: String::new(),
        published: false,
        cut_splits_tie: false,
        lines: Vec::new(),
        ballots: Vec::new(),
        matrix_titles: Vec::new(),
        pairwise: Vec::new(),
        paths: Vec::new(),
        c: Chrome::new(&viewer, "account"),
    };
    if let Some(data) = data {
        let tr = &page.c.tr;
        let method_name = match data.result.method.as_str() {
            "irv" => tr.t("jury-irv"),
            "borda" => "Borda".to_string(),
            _ => "Schulze".to_string(),
        };
        let decided = data.places.get(data.result.method.as_str());
        let place = |method: &str, entry: &EntryId| {
            data.places.get(method).and_then(|p| p.get(entry)).map(usize::to_string).unwrap_or_default()
        };
        let lines = data
            .result
            .ranking
            .iter()
            .enumerate()
            .map(|(i, entry)| JuryLine {
                place: decided.and_then(|p| p.get(entry)).copied().unwrap_or(i + 1),
                title: data.title(*entry),
                honour: tr.t(if i < data.winners { "jury-winner" } else { "jury-medal" }),
                tied_with: data.tied_with(*entry).iter().map(|e| data.title(*e)).collect::<Vec<_>>().join(", "),
                schulze: place("schulze", entry),
                borda: place("borda", entry),
                borda_points: data.borda.get(entry).cloned().unwrap_or_default(),
                irv: place("irv", entry),
            })
            .collect();
        let unranked = tr.t("jury-report-unranked");
        let ballots = data
            .ballots
            .iter()
            .map(|(_, name, ranking)| {
                let mut parts: Vec<String> = Vec::new();
                let mut at = 1;
                for group in ranking {
                    let titles: Vec<String> = group.iter().map(|e| data.title(*e)).collect();
                    parts.push(format!("{at}. {}", titles.join(" = ")));
                    at += group.len();
                }
                let left: Vec<String> = data
                    .candidates
                    .iter()
                    .filter(|e| !ranking.iter().flatten().any(|x| x == *e))
                    .map(|e| data.title(*e))
                    .collect();
                if !left.is_empty() {
                    parts.push(format!("{unranked}: {}", left.join(", ")));
                }
                (name.clone(), parts.join(" · "))
            })
            .collect();
        let titles: Vec<String> = data.candidates.iter().map(|e| data.title(*e)).collect();
        let table = |cells: &[Vec<u64>]| -> Vec<(String, Vec<String>)> {
            cells
                .iter()
                .enumerate()
                .map(|(a, row)| {
                    let values = row
                        .iter()
                        .enumerate()
                        .map(|(b, v)| if a == b { "–".to_string() } else { v.to_string() })
                        .collect();
                    (titles[a].clone(), values)
                })
                .collect()
        };
        page.decided_by = tr.t1("jury-report-decided", "method", method_name);
        page.pairwise = table(&data.pairwise);
        page.paths = table(&data.paths);
        page.published = data.result.published_at.is_some();
        page.cut_splits_tie = data.cut_splits_tie;
        page.lines = lines;
        page.ballots = ballots;
        page.matrix_titles = titles;
    }
    Ok(super::render(lang, page)?.into_response())
}

/// `GET /secretariat/editions/{id}/jury/report.csv`: one line per shortlisted entry in the
/// decided order — place, honour, the entries it tied with and the rule that broke the tie, its
/// place by each method, and the place each Jury member gave it. UTF-8 with a byte-order mark,
/// formula-safe.
pub async fn jury_csv(
    State(state): State<AppState>,
    SecretariatEdition { viewer, edition, .. }: SecretariatEdition,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let Some(data) = jury_report_data(&state, lang, &edition).await? else {
        return Err(PageError::not_found(lang, "what-jury-result"));
    };
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let mut header: Vec<String> = [
            "place",
            "entry_id",
            "title",
            "honour",
            "method",
            "published",
            "tied_with",
            "tie_rule",
            "schulze_place",
            "borda_place",
            "borda_points",
            "irv_place",
        ]
        .iter()
        .map(|h| h.to_string())
        .collect();
        header.extend(data.ballots.iter().map(|(member, name, _)| format!("rank: {name} ({member})")));
        let _ = writer.write_record(header.iter().map(|h| crate::interchange::escape_cell(h)));
        let tie_rule = tr.t("jury-report-tie-rule-short");
        for (i, entry) in data.result.ranking.iter().enumerate() {
            let place = |method: &str| {
                data.places.get(method).and_then(|p| p.get(entry)).map(usize::to_string).unwrap_or_default()
            };
            let tied = data.tied_with(*entry);
            let mut row = vec![
                place(&data.result.method),
                entry.to_string(),
                data.title(*entry),
                if i < data.winners { "winner".to_string() } else { "medal_of_honour".to_string() },
                data.result.method.clone(),
                data.result.published_at.is_some().to_string(),
                tied.iter().map(|e| data.title(*e)).collect::<Vec<_>>().join(" | "),
                if tied.is_empty() { String::new() } else { tie_rule.clone() },
                place("schulze"),
                place("borda"),
                data.borda.get(entry).cloned().unwrap_or_default(),
                place("irv"),
            ];
            row.extend(data.ballots.iter().map(|(_, _, ranking)| {
                JuryReportData::rank_in(ranking, *entry).map(|p| p.to_string()).unwrap_or_default()
            }));
            let _ = writer.write_record(row.iter().map(|cell| crate::interchange::escape_cell(cell)));
        }
        writer.flush().map_err(|_| PageError::unavailable(lang))?;
    }
    let name = format!("attachment; filename=\"edition-{}-jury-report.csv\"", edition.summary.id);
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, axum::http::HeaderValue::from_static("text/csv; charset=utf-8")),
            (axum::http::header::CONTENT_DISPOSITION, axum::http::HeaderValue::from_str(&name).expect("ASCII")),
        ],
        out,
    )
        .into_response())
}
