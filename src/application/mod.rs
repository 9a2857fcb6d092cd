//! Applications: the fields of the multi-step form, the edition's settings for them (word
//! budgets, eligibility questions, limits), word counting, and the completeness check that lists
//! every problem at once. Pure: no I/O.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::{ApplicationId, CityId, ClaimId, EditionId, LocalizedText, Section, UserId, vocabulary};

pub mod attachments;
#[cfg(test)]
mod tests;

vocabulary!(
    /// The steps of the application form, in order.
    Step, "step" {
        Basic = "basic",
        Texts = "texts",
        Details = "details",
        Eligibility = "eligibility",
        Attachments = "attachments",
        Review = "review",
    }
);

vocabulary!(
    /// Where an application stands.
    ApplicationStatus, "application status" { Draft = "draft", Submitted = "submitted", Withdrawn = "withdrawn" }
);

vocabulary!(
    /// Where a claim on a government stands.
    ClaimStatus, "claim status" { Pending = "pending", Approved = "approved", Rejected = "rejected" }
);

/// A yes/no question of the eligibility self-check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibilityQuestion {
    pub id: String,
    pub text: LocalizedText,
}

fn default_summary_words() -> usize {
    250
}
fn default_narrative_words() -> usize {
    2000
}
fn default_max_file_mb() -> u64 {
    10
}
fn default_max_total_mb() -> u64 {
    50
}

/// What an edition asks of applications. Every setting has the default the Guangzhou Award
/// uses, so an edition only states what differs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationSettings {
    /// The summary's word budget.
    #[serde(default = "default_summary_words")]
    pub summary_words: usize,
    /// The budget of the narrative sections (all but the summary) together.
    #[serde(default = "default_narrative_words")]
    pub narrative_words: usize,
    /// Optional budgets of single sections.
    #[serde(default)]
    pub section_words: BTreeMap<Section, usize>,
    #[serde(default)]
    pub eligibility_questions: Vec<EligibilityQuestion>,
    #[serde(default = "default_max_file_mb")]
    pub max_file_mb: u64,
    #[serde(default = "default_max_total_mb")]
    pub max_total_mb: u64,
    /// Minutes after the final deadline during which submissions are still accepted.
    #[serde(default)]
    pub grace_minutes: i64,
    /// What screening checks; a not-valid entry is told which items it fails.
    #[serde(default = "crate::evaluation::screening::default_checklist")]
    pub screening_checklist: Vec<crate::evaluation::screening::ChecklistItem>,
}

impl Default for ApplicationSettings {
    fn default() -> Self {
        serde_json::from_str("{}").expect("every setting has a default")
    }
}

/// The language slot of a text field: English (the working language, required at submission)
/// or the original language of the initiative.
pub const TEXT_SLOTS: [&str; 2] = ["en", "orig"];

/// The fields of the form, by step. Texts have one field per slot (`title.en`, `title.orig`);
/// eligibility answers are `eligibility.<question id>`.
pub fn fields_of(step: Step, settings: &ApplicationSettings) -> Vec<String> {
    match step {
        Step::Basic => {
            let mut fields: Vec<String> = TEXT_SLOTS.iter().map(|slot| format!("title.{slot}")).collect();
            fields.extend(
                [
                    "original_language",
                    "governments",
                    "level",
                    "started",
                    "ended",
                    "contact_name",
                    "contact_role",
                    "contact_email",
                    "contact_consent",
                ]
                .map(String::from),
            );
            fields
        }
        Step::Texts => Section::ALL
            .iter()
            .flat_map(|section| TEXT_SLOTS.iter().map(move |slot| format!("{section}.{slot}")))
            .collect(),
        Step::Details => ["themes", "sdgs", "partners", "key_dates", "budget"].map(String::from).to_vec(),
        Step::Eligibility => {
            let mut fields: Vec<String> =
                settings.eligibility_questions.iter().map(|q| format!("eligibility.{}", q.id)).collect();
            fields.push("eligibility_notes".into());
            fields
        }
        // Attachments are uploaded one by one, not saved as fields.
        Step::Attachments | Step::Review => Vec::new(),
    }
}

/// The step a field belongs to, if it is a field of this form.
pub fn step_of(field: &str, settings: &ApplicationSettings) -> Option<Step> {
    Step::ALL.iter().copied().find(|step| fields_of(*step, settings).iter().any(|f| f == field))
}

/// The longest value a field takes, in characters.
pub fn max_chars(field: &str) -> usize {
    let base = field.split('.').next().unwrap_or(field);
    if base.parse::<Section>().is_ok() {
        crate::interchange::MAX_SECTION_CHARS
    } else {
        match base {
            "title" => 300,
            "partners" | "key_dates" | "budget" | "eligibility_notes" => 5_000,
            _ => 500,
        }
    }
}

/// Why a value cannot be saved into a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    Unknown,
    TooLong { max: usize },
}

/// Checks that `field` is a field of this form and `value` fits it.
pub fn check_field(field: &str, value: &str, settings: &ApplicationSettings) -> Result<(), FieldError> {
    if step_of(field, settings).is_none() {
        return Err(FieldError::Unknown);
    }
    let max = max_chars(field);
    if value.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    Ok(())
}

/// Words as budgets count them: runs of letters and digits separated by anything else, and every
/// Chinese, Japanese or Korean ideograph or syllable on its own (those scripts do not separate
/// words with spaces).
pub fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for ch in text.chars() {
        if is_cjk(ch) {
            count += 1;
            in_word = false;
        } else if ch.is_alphanumeric() || ch == '\'' || ch == '’' || ch == '-' {
            if !in_word {
                count += 1;
                in_word = true;
            }
        } else {
            in_word = false;
        }
    }
    count
}

fn is_cjk(ch: char) -> bool {
    matches!(ch as u32,
        0x3040..=0x30FF      // kana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // hangul syllables
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0x20000..=0x2FA1F) // supplementary ideographs
}

/// The current values of an application's fields (absent = never filled).
pub type Values = BTreeMap<String, String>;

/// A problem that stops a submission, tied to the field to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// A required field is empty.
    Missing,
    /// A text in the original language has no English version.
    EnglishMissing,
    /// A section is over its own budget, or the summary over the summary budget.
    OverBudget { words: usize, budget: usize },
    /// The narrative sections together are over their budget (reported on the longest one).
    NarrativeOverBudget { words: usize, budget: usize },
    /// An eligibility question is unanswered.
    Unanswered,
    /// An end year before the start year, or a year outside 1900–2100.
    BadYears,
    /// At least one theme must be chosen.
    NoTheme,
    /// The contact's e-mail address is not one.
    InvalidEmail,
    /// A line of key dates does not start with a date (2021, 2021-03 or 2021-03-15).
    BadKeyDate { line: usize },
    /// A chosen government is not (or no longer) approved for this account.
    GovernmentNotApproved,
}

fn filled<'a>(values: &'a Values, field: &str) -> Option<&'a str> {
    values.get(field).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// Every problem that stops a submission, in the order of the form.
pub fn completeness(values: &Values, settings: &ApplicationSettings, edition_has_themes: bool) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut problem = |field: &str, kind: ProblemKind| problems.push(Problem { field: field.to_string(), kind });

    // Basic information.
    if filled(values, "title.en").is_none() {
        problem(
            "title.en",
            if filled(values, "title.orig").is_some() { ProblemKind::EnglishMissing } else { ProblemKind::Missing },
        );
    }
    for field in ["governments", "level", "started", "contact_name", "contact_email"] {
        if filled(values, field).is_none() {
            problem(field, ProblemKind::Missing);
        }
    }
    if filled(values, "contact_email").is_some_and(|email| crate::domain::EmailAddress::parse(email).is_err()) {
        problem("contact_email", ProblemKind::InvalidEmail);
    }
    let year = |field: &str| filled(values, field).map(|v| v.parse::<i64>().ok().filter(|y| (1900..=2100).contains(y)));
    match (year("started"), year("ended")) {
        (Some(None), _) => problem("started", ProblemKind::BadYears),
        (_, Some(None)) => problem("ended", ProblemKind::BadYears),
        (Some(Some(start)), Some(Some(end))) if end < start => problem("ended", ProblemKind::BadYears),
        _ => {}
    }

    // The texts: English required; budgets counted on the English text.
    let english = |section: Section| filled(values, &format!("{section}.en"));
    if english(Section::Summary).is_none() {
        let kind =
            if filled(values, "summary.orig").is_some() { ProblemKind::EnglishMissing } else { ProblemKind::Missing };
        problem("summary.en", kind);
    }
    let mut narrative = 0;
    let mut longest: Option<(Section, usize)> = None;
    for section in Section::ALL {
        let words = english(*section).map(word_count).unwrap_or(0);
        if *section != Section::Summary {
            if words == 0 && filled(values, &format!("{section}.orig")).is_some() {
                problem(&format!("{section}.en"), ProblemKind::EnglishMissing);
            }
            narrative += words;
            if longest.is_none_or(|(_, most)| words > most) {
                longest = Some((*section, words));
            }
        }
        let budget = match section {
            Section::Summary => Some(settings.summary_words),
            other => settings.section_words.get(other).copied(),
        };
        if let Some(budget) = budget
            && words > budget
        {
            problem(&format!("{section}.en"), ProblemKind::OverBudget { words, budget });
        }
    }
    if narrative > settings.narrative_words
        && let Some((section, _)) = longest
    {
        problem(
            &format!("{section}.en"),
            ProblemKind::NarrativeOverBudget { words: narrative, budget: settings.narrative_words },
        );
    }

    // Details and eligibility.
    if let Some(dates) = filled(values, "key_dates") {
        for (index, line) in dates.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            if parse_key_date(line).is_none() {
                problem("key_dates", ProblemKind::BadKeyDate { line: index + 1 });
                break;
            }
        }
    }
    if edition_has_themes && filled(values, "themes").is_none_or(|t| t == "[]") {
        problem("themes", ProblemKind::NoTheme);
    }
    for question in &settings.eligibility_questions {
        let field = format!("eligibility.{}", question.id);
        if !matches!(filled(values, &field), Some("yes" | "no")) {
            problem(&field, ProblemKind::Unanswered);
        }
    }
    problems
}

/// A government claimed by an applicant account.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    pub id: ClaimId,
    pub user_id: UserId,
    pub user_name: String,
    pub user_email: String,
    /// The government from the gazetteer, or a requested one that is not in it yet.
    pub city: Option<(CityId, String, String)>,
    pub requested_name: Option<String>,
    pub requested_country: Option<String>,
    pub status: ClaimStatus,
    pub created_at: i64,
    pub decided_at: Option<i64>,
    pub decision_note: Option<String>,
}

/// A new claim: a gazetteer government, or the name and country of one to add.
#[derive(Debug, Clone)]
pub enum NewClaim {
    City(CityId),
    Requested { name: String, country: String },
}

/// A field's saved value and its version (1 for the first save).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldValue {
    pub value: String,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Application {
    pub id: ApplicationId,
    pub edition_id: EditionId,
    pub owner_id: UserId,
    pub status: ApplicationStatus,
    pub created_at: i64,
    pub updated_at: i64,
    /// A later deadline the Secretariat granted this application (Unix seconds).
    pub extended_until: Option<i64>,
    pub fields: BTreeMap<String, FieldValue>,
}

impl Application {
    pub fn values(&self) -> Values {
        self.fields.iter().map(|(field, saved)| (field.clone(), saved.value.clone())).collect()
    }

    pub fn value(&self, field: &str) -> &str {
        self.fields.get(field).map(|f| f.value.as_str()).unwrap_or("")
    }

    pub fn version(&self, field: &str) -> i64 {
        self.fields.get(field).map(|f| f.version).unwrap_or(0)
    }
}

/// An application in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ApplicationSummary {
    pub id: ApplicationId,
    pub edition_id: EditionId,
    pub award_name: LocalizedText,
    pub year: i64,
    pub status: ApplicationStatus,
    pub title: Option<String>,
    pub updated_at: i64,
}

/// One field to save, with the version the writer last saw (0: it had never been saved).
#[derive(Debug, Clone)]
pub struct FieldChange {
    pub field: String,
    pub value: String,
    pub seen_version: i64,
}

/// What became of a save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SaveOutcome {
    /// Saved; this is the field's version now.
    Saved { version: i64 },
    /// Someone saved the field since the writer last saw it: nothing was written, and this is
    /// what is there now.
    Conflict { value: String, version: i64 },
}

/// A line of key dates: "2021-03 Pilot in two districts" → ("2021-03", "Pilot in two districts").
pub fn parse_key_date(line: &str) -> Option<(String, String)> {
    let line = line.trim();
    let (date, label) = line.split_once(char::is_whitespace)?;
    let label = label.trim_start_matches(['-', '–', '—', ':']).trim();
    let shape_ok = matches!(date.len(), 4 | 7 | 10)
        && date.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    (shape_ok && !label.is_empty()).then(|| (date.to_string(), label.to_string()))
}

/// The ids in a list field (`[3, 12]`), in the order chosen.
pub fn list_ids(values: &Values, field: &str) -> Vec<i64> {
    values.get(field).and_then(|v| serde_json::from_str::<Vec<i64>>(v).ok()).unwrap_or_default()
}

/// A SHA-256 of the submitted fields (sorted by name), so the applicant and the Secretariat can
/// tell two versions apart and check that what was reviewed is what was sent.
pub fn digest(values: &Values) -> String {
    use sha2::Digest;
    let canonical = serde_json::to_string(values).expect("strings serialise");
    crate::hex(&sha2::Sha256::digest(canonical.as_bytes()))
}

/// The initiative and entry an application becomes when submitted. `approved` are the
/// governments this account may apply for; `themes` the edition's theme ids.
pub fn to_initiative(
    id: ApplicationId,
    values: &Values,
    edition: EditionId,
    approved: &[CityId],
    themes: &[crate::domain::ThemeId],
) -> Result<crate::interchange::NewInitiative, Vec<Problem>> {
    use crate::domain::{
        Contact, EntryStatus, GovernmentLevel, InitiativeText, KeyDate, LangCode, Partner, Sdg, Source,
    };
    let text = |field: &str| filled(values, field).map(str::to_string);
    let governments: Vec<CityId> = list_ids(values, "governments").into_iter().map(CityId).collect();
    if governments.is_empty() || governments.iter().any(|g| !approved.contains(g)) {
        return Err(vec![Problem { field: "governments".into(), kind: ProblemKind::GovernmentNotApproved }]);
    }
    let original_language: LangCode = text("original_language").and_then(|l| l.parse().ok()).unwrap_or(LangCode::EN);
    let slot_text = |slot: &str| {
        let mut body = InitiativeText { title: text(&format!("title.{slot}")), ..Default::default() };
        for section in Section::ALL {
            let value = text(&format!("{section}.{slot}"));
            match section {
                Section::Summary => body.summary = value,
                Section::SituationBefore => body.situation_before = value,
                Section::Objectives => body.objectives = value,
                Section::Process => body.process = value,
                Section::Results => body.results = value,
                Section::Sustainability => body.sustainability = value,
                Section::Lessons => body.lessons = value,
                Section::Transferability => body.transferability = value,
            }
        }
        body
    };
    let mut texts = crate::domain::Texts::new();
    texts.insert(LangCode::EN, slot_text("en"));
    let original = slot_text("orig");
    if original_language != LangCode::EN && original != InitiativeText::default() {
        texts.insert(original_language, original);
    }
    let year = |field: &str| text(field).and_then(|y| y.parse::<i64>().ok());
    let lines = |field: &str| -> Vec<String> {
        text(field)
            .map(|t| t.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect())
            .unwrap_or_default()
    };
    let chosen_themes =
        list_ids(values, "themes").into_iter().map(crate::domain::ThemeId).filter(|t| themes.contains(t)).collect();
    Ok(crate::interchange::NewInitiative {
        reference: format!("application-{id}"),
        level: text("level").and_then(|l| l.parse().ok()).unwrap_or(GovernmentLevel::Municipal),
        original_language,
        texts,
        city_ids: governments,
        sdgs: list_ids(values, "sdgs").into_iter().filter_map(|n| Sdg::new(n).ok()).collect(),
        partners: lines("partners").into_iter().map(|name| Partner { name, kind: None }).collect(),
        key_dates: lines("key_dates")
            .iter()
            .filter_map(|line| parse_key_date(line))
            .map(|(date, label)| KeyDate { date, label })
            .collect(),
        started_year: year("started"),
        ended_year: year("ended"),
        contact: text("contact_name").map(|name| Contact {
            name,
            role: text("contact_role"),
            email: text("contact_email"),
            consent: values.get("contact_consent").is_some_and(|v| v == "true"),
        }),
        source: Source { dataset: "application".into(), id: id.to_string(), url: None },
        entry: crate::interchange::NewEntry {
            edition_id: edition,
            status: EntryStatus::Submitted,
            public_votes: None,
            honours: Vec::new(),
            theme_ids: chosen_themes,
        },
    })
}

/// A submitted version, as listed.
#[derive(Debug, Clone, Serialize)]
pub struct SubmissionSummary {
    pub number: i64,
    pub submitted_at: i64,
    pub digest: String,
}

/// What the Secretariat wrote back before the early-bird deadline.
#[derive(Debug, Clone, Serialize)]
pub struct Feedback {
    pub author: String,
    pub body: String,
    pub created_at: i64,
}

/// Something that happened to an application, for the log.
#[derive(Debug, Clone, Serialize)]
pub struct ApplicationEvent {
    pub at: i64,
    pub actor: String,
    pub kind: String,
    pub detail: String,
}

/// A submitted (or withdrawn) application as the Secretariat lists it: its latest submitted
/// version, never the live draft.
#[derive(Debug, Clone, Serialize)]
pub struct SubmittedApplication {
    pub id: ApplicationId,
    pub owner_name: String,
    pub owner_email: String,
    pub status: ApplicationStatus,
    pub versions: i64,
    pub first_submitted_at: i64,
    pub last_submitted_at: i64,
    pub digest: String,
    pub extended_until: Option<i64>,
    /// The fields of the latest submitted version.
    pub values: Values,
}

/// An application never submitted: the Secretariat sees that it exists and whose it is, not
/// what it says.
#[derive(Debug, Clone, Serialize)]
pub struct DraftApplication {
    pub id: ApplicationId,
    pub owner_name: String,
    pub owner_email: String,
    pub updated_at: i64,
    pub extended_until: Option<i64>,
}
