use proptest::prelude::*;

use super::*;

fn settings() -> ApplicationSettings {
    serde_json::from_str(
        r#"{"summary_words": 5, "narrative_words": 8, "section_words": {"results": 3},
            "eligibility_questions": [{"id": "government", "text": {"en": "Is it implemented by a government?"}}]}"#,
    )
    .unwrap()
}

fn complete() -> Values {
    [
        ("title.en", "Care Blocks"),
        ("governments", "[12]"),
        ("level", "municipal"),
        ("started", "2020"),
        ("contact_name", "Ana"),
        ("contact_email", "ana@city.example"),
        ("summary.en", "Care near home."),
        ("themes", "[3]"),
        ("eligibility.government", "yes"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

#[test]
fn words_are_counted_in_every_script() {
    assert_eq!(word_count(""), 0);
    assert_eq!(word_count("  Care blocks, near home.  "), 4);
    assert_eq!(word_count("women's care-givers 24/7"), 4);
    assert_eq!(word_count("垃圾分类"), 4, "each ideograph is a word");
    assert_eq!(word_count("广州 Guangzhou 2023年"), 5);
    assert_eq!(word_count("Manzanas del Cuidado: ¡éxito!"), 4);
}

proptest! {
    #[test]
    fn word_counts_never_exceed_characters_and_add_up(a in "\\PC{0,60}", b in "\\PC{0,60}") {
        prop_assert!(word_count(&a) <= a.chars().count());
        // Joining two texts with a space counts the words of both.
        prop_assert_eq!(word_count(&format!("{a} {b}")), word_count(&a) + word_count(&b));
    }
}

#[test]
fn a_complete_application_has_no_problems() {
    assert_eq!(completeness(&complete(), &settings(), true), vec![]);
}

#[test]
fn every_problem_is_listed_at_once_with_its_field() {
    let mut values = Values::new();
    values.insert("title.orig".into(), "Manzanas del Cuidado".into());
    values.insert("started".into(), "2020".into());
    values.insert("ended".into(), "2019".into());
    values.insert("process.orig".into(), "Texto original".into());
    let problems = completeness(&values, &settings(), true);
    let fields: Vec<(&str, &ProblemKind)> = problems.iter().map(|p| (p.field.as_str(), &p.kind)).collect();
    assert_eq!(
        fields,
        [
            ("title.en", &ProblemKind::EnglishMissing),
            ("governments", &ProblemKind::Missing),
            ("level", &ProblemKind::Missing),
            ("contact_name", &ProblemKind::Missing),
            ("contact_email", &ProblemKind::Missing),
            ("ended", &ProblemKind::BadYears),
            ("summary.en", &ProblemKind::Missing),
            ("process.en", &ProblemKind::EnglishMissing),
            ("themes", &ProblemKind::NoTheme),
            ("eligibility.government", &ProblemKind::Unanswered),
        ]
    );
}

#[test]
fn budgets_are_checked_per_section_and_together() {
    let mut values = complete();
    values.insert("summary.en".into(), "one two three four five six".into());
    values.insert("results.en".into(), "one two three four".into());
    values.insert("process.en".into(), "one two three four five".into());
    let problems = completeness(&values, &settings(), true);
    assert_eq!(
        problems,
        vec![
            Problem { field: "summary.en".into(), kind: ProblemKind::OverBudget { words: 6, budget: 5 } },
            Problem { field: "results.en".into(), kind: ProblemKind::OverBudget { words: 4, budget: 3 } },
            Problem { field: "process.en".into(), kind: ProblemKind::NarrativeOverBudget { words: 9, budget: 8 } },
        ]
    );
}

#[test]
fn only_fields_of_the_form_are_saved() {
    let settings = settings();
    assert_eq!(check_field("title.en", "Care Blocks", &settings), Ok(()));
    assert_eq!(check_field("eligibility.government", "yes", &settings), Ok(()));
    assert_eq!(check_field("eligibility.other", "yes", &settings), Err(FieldError::Unknown));
    assert_eq!(check_field("title.de", "x", &settings), Err(FieldError::Unknown));
    assert_eq!(check_field("password", "x", &settings), Err(FieldError::Unknown));
    assert_eq!(check_field("title.en", &"x".repeat(301), &settings), Err(FieldError::TooLong { max: 300 }));
    assert_eq!(step_of("results.orig", &settings), Some(Step::Texts));
    assert_eq!(step_of("sdgs", &settings), Some(Step::Details));
}

#[test]
fn settings_default_to_the_guangzhou_award_rules() {
    let defaults = ApplicationSettings::default();
    assert_eq!((defaults.summary_words, defaults.narrative_words), (250, 2000));
    assert!(serde_json::from_str::<ApplicationSettings>(r#"{"summary_word": 10}"#).is_err(), "typos are refused");
}

#[test]
fn key_dates_need_a_date_then_a_label() {
    assert_eq!(
        parse_key_date("2021-03 Pilot in two districts"),
        Some(("2021-03".into(), "Pilot in two districts".into()))
    );
    assert_eq!(parse_key_date(" 2020 — Launch "), Some(("2020".into(), "Launch".into())));
    assert_eq!(parse_key_date("2021-03-15: Law passed"), None, "the colon belongs after a space");
    assert_eq!(parse_key_date("March 2021 launch"), None);
    assert_eq!(parse_key_date("2021-3 x"), None);
    let mut values = complete();
    values.insert("key_dates".into(), "2020 Launch\n\nsoon: more".into());
    assert_eq!(
        completeness(&values, &settings(), true),
        vec![Problem { field: "key_dates".into(), kind: ProblemKind::BadKeyDate { line: 3 } }]
    );
}

#[test]
fn a_submission_becomes_an_initiative_with_its_texts_and_governments() {
    use crate::domain::{CityId, EditionId, LangCode, ThemeId};
    let mut values = complete();
    values.insert("governments".into(), "[12, 7]".into());
    values.insert("original_language".into(), "es".into());
    values.insert("title.orig".into(), "Manzanas del Cuidado".into());
    values.insert("sdgs".into(), "[5, 10]".into());
    values.insert("themes".into(), "[3, 99]".into());
    values.insert("partners".into(), "Secretaría de la Mujer\n\nUN Women".into());
    values.insert("key_dates".into(), "2020-10 First block opens".into());
    values.insert("contact_consent".into(), "true".into());
    let initiative =
        to_initiative(ApplicationId(4), &values, EditionId(2), &[CityId(7), CityId(12)], &[ThemeId(3)]).unwrap();
    assert_eq!(initiative.reference, "application-4");
    assert_eq!(initiative.city_ids, [CityId(12), CityId(7)], "the lead government stays first");
    assert_eq!(initiative.texts[&LangCode::EN].summary.as_deref(), Some("Care near home."));
    assert_eq!(initiative.texts[&"es".parse::<LangCode>().unwrap()].title.as_deref(), Some("Manzanas del Cuidado"));
    assert_eq!(initiative.partners.len(), 2);
    assert_eq!(initiative.key_dates[0].label, "First block opens");
    assert_eq!(initiative.entry.theme_ids, [ThemeId(3)], "only the edition's themes");
    assert!(initiative.contact.unwrap().consent);
    let refused = to_initiative(ApplicationId(4), &values, EditionId(2), &[CityId(12)], &[]).unwrap_err();
    assert_eq!(refused[0].kind, ProblemKind::GovernmentNotApproved);
}

#[test]
fn the_digest_changes_with_any_field() {
    let values = complete();
    let mut changed = values.clone();
    changed.insert("summary.en".into(), "Care near home!".into());
    assert_eq!(digest(&values).len(), 64);
    assert_eq!(digest(&values), digest(&values.clone()));
    assert_ne!(digest(&values), digest(&changed));
}
