//! Screening: the Secretariat marks each submitted entry valid or not valid, a not-valid
//! decision with reasons from the edition's checklist. Pure.

use serde::{Deserialize, Serialize};

use crate::domain::{LocalizedText, vocabulary};

vocabulary!(
    /// The outcome of screening an entry.
    ScreeningOutcome, "screening outcome" { Valid = "valid", NotValid = "not_valid" }
);

/// One item of an edition's screening checklist: a condition an entry must meet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub id: String,
    pub text: LocalizedText,
}

/// The Guangzhou Award's conditions (its call for entries), for editions that state none.
pub fn default_checklist() -> Vec<ChecklistItem> {
    let item = |id: &str, en: &str, zh: &str, fr: &str, es: &str| ChecklistItem {
        id: id.into(),
        text: LocalizedText(
            [("en", en), ("zh", zh), ("fr", fr), ("es", es)]
                .into_iter()
                .map(|(lang, text)| (lang.parse().expect("a known language"), text.to_string()))
                .collect(),
        ),
    };
    vec![
        item(
            "government",
            "Implemented by a local or regional government",
            "由地方或区域政府实施",
            "Mise en œuvre par une collectivité locale ou régionale",
            "Implementada por un gobierno local o regional",
        ),
        item(
            "window",
            "Ongoing, or completed within the period the call sets",
            "正在实施，或在征集规定的期限内完成",
            "En cours, ou achevée dans la période fixée par l’appel",
            "En curso, o terminada dentro del periodo que fija la convocatoria",
        ),
        item("impact", "Evidence of impact", "有成效的证据", "Preuves d’impact", "Evidencia de impacto"),
        item(
            "complete",
            "The application is complete and in English",
            "申报材料完整且有英文版本",
            "Le dossier est complet et en anglais",
            "La candidatura está completa y en inglés",
        ),
        item(
            "original",
            "Not submitted before unchanged, and not a duplicate",
            "非重复提交",
            "Ni déjà présentée à l’identique, ni en double",
            "No presentada antes sin cambios ni duplicada",
        ),
    ]
}

/// A screening decision as the Secretariat makes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening {
    pub outcome: ScreeningOutcome,
    /// Checklist items the entry does not meet (only for not valid).
    pub reasons: Vec<String>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScreeningError {
    #[error("a not-valid decision needs at least one reason from the checklist")]
    NoReason,
    #[error("{0:?} is not an item of the checklist")]
    UnknownReason(String),
    #[error("the note is longer than 2,000 characters")]
    NoteTooLong,
}

impl ScreeningError {
    pub fn message_id(&self) -> &'static str {
        match self {
            ScreeningError::NoReason => "screening-no-reason",
            ScreeningError::UnknownReason(_) => "screening-unknown-reason",
            ScreeningError::NoteTooLong => "screening-note-too-long",
        }
    }
}

impl Screening {
    /// A decision that follows the checklist; a valid entry keeps no reasons.
    pub fn new(
        outcome: ScreeningOutcome,
        reasons: Vec<String>,
        note: &str,
        checklist: &[ChecklistItem],
    ) -> Result<Screening, ScreeningError> {
        let note = note.trim();
        if note.chars().count() > 2_000 {
            return Err(ScreeningError::NoteTooLong);
        }
        let mut reasons = match outcome {
            ScreeningOutcome::Valid => Vec::new(),
            ScreeningOutcome::NotValid => reasons,
        };
        reasons.sort();
        reasons.dedup();
        if let Some(unknown) = reasons.iter().find(|r| !checklist.iter().any(|item| &item.id == *r)) {
            return Err(ScreeningError::UnknownReason(unknown.clone()));
        }
        if outcome == ScreeningOutcome::NotValid && reasons.is_empty() {
            return Err(ScreeningError::NoReason);
        }
        Ok(Screening { outcome, reasons, note: note.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_valid_needs_known_reasons_and_valid_keeps_none() {
        let checklist = default_checklist();
        let s = |o, r: &[&str], n: &str| Screening::new(o, r.iter().map(|x| x.to_string()).collect(), n, &checklist);
        assert_eq!(s(ScreeningOutcome::NotValid, &[], ""), Err(ScreeningError::NoReason));
        assert_eq!(s(ScreeningOutcome::NotValid, &["moon"], ""), Err(ScreeningError::UnknownReason("moon".into())));
        let not_valid = s(ScreeningOutcome::NotValid, &["window", "impact", "window"], " late ").unwrap();
        assert_eq!(not_valid.reasons, ["impact", "window"]);
        assert_eq!(not_valid.note, "late");
        let valid = s(ScreeningOutcome::Valid, &["window"], "").unwrap();
        assert!(valid.reasons.is_empty());
        assert_eq!(s(ScreeningOutcome::Valid, &[], &"x".repeat(2_001)), Err(ScreeningError::NoteTooLong));
    }

    #[test]
    fn the_default_checklist_speaks_every_language() {
        for item in default_checklist() {
            for lang in ["en", "zh", "fr", "es"] {
                let code: crate::domain::LangCode = lang.parse().unwrap();
                assert!(item.text.0.get(&code).is_some_and(|t| !t.is_empty()), "{} in {lang}", item.id);
            }
        }
    }
}
