//! The scores of a review round, for the Secretariat: freeze the submitted reviews into a
//! snapshot, then rank on it — raw and normalised side by side, aggregation by mean, median or
//! trimmed mean, disagreement flagged — and see how the ranking moves with other weights.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::{SecretariatEdition, SecretariatPost};
use crate::domain::{EditionId, Stage};
use crate::evaluation::scoring::{self, Aggregation, Weight};
use crate::web::AppState;
use crate::web::chrome::Chrome;
use crate::web::error::PageError;

struct Line {
    place: usize,
    title: String,
    raw: String,
    normalised: String,
    reviews: usize,
    disagreement: bool,
    /// The place with the weights asked for, when they differ from the edition's.
    moved_to: Option<usize>,
}

struct WeightField {
    id: i64,
    name: String,
    weight: String,
}

#[derive(Template)]
#[template(path = "scores.html")]
struct ScoresPage {
    c: Chrome,
    edition_id: EditionId,
    edition_name: String,
    snapshot: Option<String>,
    method: &'static str,
    methods: Vec<(&'static str, String)>,
    weights: Vec<WeightField>,
    lines: Vec<Line>,
    reweighted: bool,
}

/// `GET /secretariat/editions/{id}/scores?method=…&weight-{criterion}=…`
pub async fn show(
    State(state): State<AppState>,
    SecretariatEdition { viewer, edition, .. }: SecretariatEdition,
    Query(params): Query<BTreeMap<String, String>>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let tr = crate::i18n::Tr::new(lang.0);
    let id = edition.summary.id;
    let c = Chrome::new(&viewer, "account");
    let method = params.get("method").and_then(|m| m.parse::<Aggregation>().ok()).unwrap_or(Aggregation::Mean);
    let criteria: Vec<_> = edition.criteria.iter().filter(|k| k.stage == Stage::TechnicalCommittee).cloned().collect();
    let edition_weights = scoring::weights(&criteria);
    let mut asked = edition_weights.clone();
    for weight in asked.iter_mut() {
        if let Some(value) = params.get(&format!("weight-{}", weight.criterion)) {
            weight.weight = value
                .parse::<f64>()
                .ok()
                .filter(|w| w.is_finite() && (0.0..=100.0).contains(w))
                .ok_or_else(|| PageError::bad_request(lang, tr.t("scores-weight")))?;
        }
    }
    let reweighted = asked != edition_weights;
    let snapshot = state.store.score_snapshot(id).await.map_err(PageError::store(lang))?;
    let entries = state.store.evaluated_entries(id).await.map_err(PageError::store(lang))?;
    let title = |e| entries.iter().find(|x| x.entry == e).map(|x| x.title.clone()).unwrap_or_default();
    let lines = match &snapshot {
        Some((_, sheets)) => {
            let ranked = scoring::rank(sheets, &edition_weights, method, true);
            let moved = scoring::rank(sheets, &asked, method, true);
            ranked
                .iter()
                .enumerate()
                .map(|(i, r)| Line {
                    place: i + 1,
                    title: title(r.entry),
                    raw: format!("{:.2}", r.raw * 10.0),
                    normalised: format!("{:+.2}", r.normalised),
                    reviews: r.reviews,
                    disagreement: r.disagreement,
                    moved_to: reweighted
                        .then(|| moved.iter().position(|m| m.entry == r.entry).map(|p| p + 1))
                        .flatten(),
                })
                .collect()
        }
        None => Vec::new(),
    };
    let page = ScoresPage {
        edition_id: id,
        edition_name: format!("{} {}", edition.summary.award_name.get(lang.0), edition.summary.year),
        snapshot: snapshot.map(|(at, sheets)| {
            let at = edition.timezone.format(jiff::Timestamp::from_second(at).unwrap_or(jiff::Timestamp::UNIX_EPOCH));
            c.tr.t2("scores-snapshot", ("when", at), ("count", sheets.len() as i64))
        }),
        method: method.as_str(),
        methods: Aggregation::ALL.iter().map(|m| (m.as_str(), c.tr.t(&format!("scores-method-{m}")))).collect(),
        weights: asked
            .iter()
            .map(|w: &Weight| WeightField {
                id: w.criterion.0,
                name: criteria
                    .iter()
                    .find(|k| k.id == w.criterion)
                    .map(|k| k.name.get(lang.0).to_string())
                    .unwrap_or_default(),
                weight: format!("{}", w.weight),
            })
            .collect(),
        lines,
        reweighted,
        c,
    };
    Ok(super::render(lang, page)?.into_response())
}

/// `POST /secretariat/editions/{id}/scores/freeze`: a new snapshot of the submitted reviews.
pub async fn freeze(
    State(state): State<AppState>,
    SecretariatPost { viewer, session, edition, .. }: SecretariatPost,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let now = jiff::Timestamp::now().as_second();
    state.store.freeze_scores(edition.summary.id, session.user.id, now).await.map_err(PageError::store(lang))?;
    Ok(Redirect::to(&format!("/secretariat/editions/{}/scores", edition.summary.id)).into_response())
}

/// `GET /secretariat/editions/{id}/scores.csv`: the committee's report on the latest snapshot —
/// each entry's place, raw and normalised scores, and every review behind them (scores per
/// criterion, recommendation, comments) and, once the lists are confirmed, its approvals and
/// whether it is on each list, for the record of the decision. UTF-8 with a byte-order mark,
/// formula-safe.
pub async fn report(
    State(state): State<AppState>,
    SecretariatEdition { viewer, edition, .. }: SecretariatEdition,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let id = edition.summary.id;
    let Some((_, sheets)) = state.store.score_snapshot(id).await.map_err(PageError::store(lang))? else {
        return Err(PageError::not_found(lang, "what-snapshot"));
    };
    let criteria: Vec<_> = edition.criteria.iter().filter(|k| k.stage == Stage::TechnicalCommittee).cloned().collect();
    let ranked = scoring::rank(&sheets, &scoring::weights(&criteria), Aggregation::Mean, true);
    let entries = state.store.evaluated_entries(id).await.map_err(PageError::store(lang))?;
    let committee = state.store.committee(id).await.map_err(PageError::store(lang))?;
    // The confirmed decisions on the lists, so each line also says how the entry fared there.
    let decided: Vec<_> = state
        .store
        .decision_rounds(id)
        .await
        .map_err(PageError::store(lang))?
        .into_iter()
        .filter_map(|round| Some((round.list, round.proposal?, round.confirmation?)))
        .collect();
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let mut header =
            vec!["place".to_string(), "entry_id".into(), "title".into(), "raw_0_10".into(), "normalised".into()];
        header.extend(["disagreement".to_string(), "reviewer".into()]);
        header.extend(criteria.iter().map(|k| format!("score: {}", k.name.get(lang.0))));
        header.extend(["recommendation".to_string(), "confidence".into(), "comments".into()]);
        for (list, _, _) in &decided {
            header.extend([format!("{list}_approvals"), format!("on_{list}")]);
        }
        let _ = writer.write_record(&header);
        for (place, r) in ranked.iter().enumerate() {
            let title = entries.iter().find(|e| e.entry == r.entry).map(|e| e.title.clone()).unwrap_or_default();
            let reviews = state.store.entry_reviews(r.entry).await.map_err(PageError::store(lang))?;
            for sheet in sheets.iter().filter(|s| s.entry == r.entry) {
                let review = reviews.iter().find(|x| x.member == sheet.reviewer);
                let reviewer =
                    committee.iter().find(|m| m.id == sheet.reviewer).map(|m| m.name.clone()).unwrap_or_default();
                let mut row = vec![
                    (place + 1).to_string(),
                    r.entry.to_string(),
                    crate::interchange::escape_cell(&title),
                    format!("{:.2}", r.raw * 10.0),
                    format!("{:.3}", r.normalised),
                    r.disagreement.to_string(),
                    crate::interchange::escape_cell(&reviewer),
                ];
                row.extend(criteria.iter().map(|k| sheet.scores.get(&k.id).map(i64::to_string).unwrap_or_default()));
                row.push(review.and_then(|x| x.content.recommendation).map(|x| x.to_string()).unwrap_or_default());
                row.push(review.and_then(|x| x.content.confidence).map(|x| x.to_string()).unwrap_or_default());
                let comments = review
                    .map(|x| x.content.comments.values().cloned().collect::<Vec<_>>().join(" | "))
                    .unwrap_or_default();
                row.push(crate::interchange::escape_cell(&comments));
                for (_, proposal, confirmation) in &decided {
                    let approvals = proposal.counts.iter().find(|k| k.entry == r.entry).map(|k| k.approvals);
                    row.push(approvals.map(|a| a.to_string()).unwrap_or_default());
                    row.push(confirmation.listed.contains(&r.entry).to_string());
                }
                let _ = writer.write_record(&row);
            }
        }
        writer.flush().map_err(|_| PageError::unavailable(lang))?;
    }
    let name = format!("attachment; filename=\"edition-{id}-committee-report.csv\"");
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, axum::http::HeaderValue::from_static("text/csv; charset=utf-8")),
            (axum::http::header::CONTENT_DISPOSITION, axum::http::HeaderValue::from_str(&name).expect("ASCII")),
        ],
        out,
    )
        .into_response())
}
