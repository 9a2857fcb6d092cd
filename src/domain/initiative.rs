//! Initiatives (the cases), their texts and sections, and their entries in editions.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{AwardId, CityId, EditionId, EntryId, InitiativeId, LangCode, LocalizedText, UnknownValue, vocabulary};

vocabulary!(
    /// How far an entry went in its edition. Later statuses imply the earlier ones: a winner
    /// was shortlisted, a shortlisted entry was deserving (long-listed), a deserving one valid.
    EntryStatus, "entry status" {
        Withdrawn = "withdrawn",
        Submitted = "submitted",
        Valid = "valid",
        Deserving = "deserving",
        Shortlisted = "shortlisted",
        MedalOfHonour = "medal_of_honour",
        Winner = "winner",
    }
);

impl EntryStatus {
    /// Entries the public library shows: those that passed eligibility screening.
    pub fn is_published(self) -> bool {
        self >= EntryStatus::Valid
    }
}

vocabulary!(
    /// Honours given beside the jury's decision.
    HonourKind, "honour" {
        PublicVote = "public_vote",
        SpecialMention = "special_mention",
        MediaAttention = "media_attention",
        PublicRecommendation = "public_recommendation",
    }
);

vocabulary!(
    /// The level of government that implements an initiative.
    GovernmentLevel, "level of government" {
        Municipal = "municipal",
        District = "district",
        Metropolitan = "metropolitan",
        Regional = "regional",
        Association = "association",
    }
);

/// One of the 17 UN Sustainable Development Goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, utoipa::ToSchema)]
#[serde(transparent)]
pub struct Sdg(u8);

impl Sdg {
    pub fn new(number: i64) -> Result<Sdg, UnknownValue> {
        match u8::try_from(number) {
            Ok(n @ 1..=17) => Ok(Sdg(n)),
            _ => Err(UnknownValue {
                kind: "SDG",
                value: number.to_string(),
                expected: "a goal number from 1 to 17".into(),
            }),
        }
    }

    pub fn number(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Sdg {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Sdg::new(i64::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

vocabulary!(
    /// The standard sections of an initiative's write-up, in reading order.
    Section, "section" {
        Summary = "summary",
        SituationBefore = "situation_before",
        Objectives = "objectives",
        Process = "process",
        Results = "results",
        Sustainability = "sustainability",
        Lessons = "lessons",
        Transferability = "transferability",
    }
);

/// The title and sections of an initiative in one language. A historical entry may have no
/// known title: it stays `None` and is shown as unknown, never invented.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InitiativeText {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub situation_before: Option<String>,
    #[serde(default)]
    pub objectives: Option<String>,
    #[serde(default)]
    pub process: Option<String>,
    #[serde(default)]
    pub results: Option<String>,
    #[serde(default)]
    pub sustainability: Option<String>,
    #[serde(default)]
    pub lessons: Option<String>,
    #[serde(default)]
    pub transferability: Option<String>,
}

impl InitiativeText {
    pub fn section(&self, section: Section) -> Option<&str> {
        let text = match section {
            Section::Summary => &self.summary,
            Section::SituationBefore => &self.situation_before,
            Section::Objectives => &self.objectives,
            Section::Process => &self.process,
            Section::Results => &self.results,
            Section::Sustainability => &self.sustainability,
            Section::Lessons => &self.lessons,
            Section::Transferability => &self.transferability,
        };
        text.as_deref().filter(|t| !t.trim().is_empty())
    }
}

/// Texts per language. English is the working language; the original language may differ.
pub type Texts = BTreeMap<LangCode, InitiativeText>;

/// The title to show in `lang`: that language, else English, else the original language.
pub fn title_in(texts: &Texts, lang: LangCode, original: LangCode) -> Option<&str> {
    [lang, LangCode::EN, original]
        .iter()
        .find_map(|l| texts.get(l).and_then(|t| t.title.as_deref()).filter(|t| !t.is_empty()))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub name: String,
    #[serde(default)]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyDate {
    pub date: String,
    pub label: String,
}

/// A contact person; shown publicly only when `consent` is true.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub consent: bool,
}

/// Where a record comes from, for attribution and re-import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub dataset: String,
    pub id: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Honour {
    pub kind: HonourKind,
    pub name: String,
    #[serde(default)]
    pub votes: Option<i64>,
}

/// A government taking part in an initiative, with enough to show and link it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InitiativeCity {
    pub id: CityId,
    pub name: String,
    pub name_zh: Option<String>,
    pub country_code: String,
    pub country_name: LocalizedText,
    pub lead: bool,
}

/// An initiative's participation in one edition.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EntryOutcome {
    pub entry_id: EntryId,
    pub edition_id: EditionId,
    pub award_id: AwardId,
    pub award_name: LocalizedText,
    pub edition_year: i64,
    pub edition_ordinal: i64,
    pub status: EntryStatus,
    pub public_votes: Option<i64>,
    pub honours: Vec<Honour>,
    pub themes: Vec<super::Theme>,
}

/// An initiative in a list: its title, lead city and best outcome.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InitiativeSummary {
    pub id: InitiativeId,
    pub entry_id: EntryId,
    #[schema(value_type = BTreeMap<String, Option<String>>)]
    pub titles: BTreeMap<LangCode, Option<String>>,
    #[schema(value_type = String)]
    pub original_language: LangCode,
    pub city_id: CityId,
    pub city_name: String,
    pub city_name_zh: Option<String>,
    pub country_code: String,
    pub award_name: LocalizedText,
    pub edition_id: EditionId,
    pub year: i64,
    pub status: EntryStatus,
    pub public_votes: Option<i64>,
    pub honours: Vec<super::HonourKind>,
}

impl InitiativeSummary {
    pub fn title(&self, lang: impl Into<LangCode>) -> Option<&str> {
        let lang = lang.into();
        [lang, LangCode::EN, self.original_language]
            .iter()
            .find_map(|l| self.titles.get(l).and_then(|t| t.as_deref()).filter(|t| !t.is_empty()))
    }
}

/// Everything the case page shows about an initiative.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Initiative {
    pub id: InitiativeId,
    #[serde(rename = "ref")]
    pub reference: String,
    pub level: GovernmentLevel,
    #[schema(value_type = String)]
    pub original_language: LangCode,
    #[schema(value_type = BTreeMap<String, InitiativeText>)]
    pub texts: Texts,
    pub cities: Vec<InitiativeCity>,
    #[schema(value_type = Vec<u8>)]
    pub sdgs: Vec<Sdg>,
    pub partners: Vec<Partner>,
    pub key_dates: Vec<KeyDate>,
    pub started_year: Option<i64>,
    pub ended_year: Option<i64>,
    /// Only present when the contact person consented to be shown.
    pub contact: Option<Contact>,
    pub source: Source,
    pub entries: Vec<EntryOutcome>,
}

impl Initiative {
    pub fn title(&self, lang: impl Into<LangCode>) -> Option<&str> {
        title_in(&self.texts, lang.into(), self.original_language)
    }

    /// The texts to show in `lang`: that language, else English, else the original.
    pub fn text(&self, lang: impl Into<LangCode>) -> Option<(LangCode, &InitiativeText)> {
        let lang = lang.into();
        [lang, LangCode::EN, self.original_language].into_iter().find_map(|l| self.texts.get(&l).map(|t| (l, t)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn statuses_are_ordered_by_how_far_an_entry_went() {
        assert!(EntryStatus::Winner > EntryStatus::Shortlisted);
        assert!(EntryStatus::MedalOfHonour > EntryStatus::Shortlisted);
        assert!(!EntryStatus::Submitted.is_published());
        assert!(EntryStatus::Valid.is_published());
    }

    proptest! {
        #[test]
        fn sdg_accepts_exactly_1_to_17(n in -100i64..100) {
            prop_assert_eq!(Sdg::new(n).is_ok(), (1..=17).contains(&n));
        }
    }

    #[test]
    fn unknown_text_fields_are_rejected() {
        let err = serde_json::from_str::<InitiativeText>(r#"{"title":"x","sumary":"typo"}"#).unwrap_err();
        assert!(err.to_string().contains("sumary"), "{err}");
    }

    #[test]
    fn title_falls_back_to_english_then_original_language() {
        let mut texts = Texts::new();
        let es: LangCode = "es".parse().unwrap();
        texts.insert(es, InitiativeText { title: Some("Manzanas del Cuidado".into()), ..Default::default() });
        assert_eq!(title_in(&texts, LangCode::EN, es), Some("Manzanas del Cuidado"));
        texts.insert(LangCode::EN, InitiativeText { title: Some("Care Blocks".into()), ..Default::default() });
        assert_eq!(title_in(&texts, "fr".parse().unwrap(), es), Some("Care Blocks"));
        assert_eq!(title_in(&texts, es, es), Some("Manzanas del Cuidado"));
    }
}
