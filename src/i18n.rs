//! UI text in English, Chinese, French and Spanish, from the Fluent files in `locales/`,
//! compiled into the binary. English is the reference: a test checks every file has its ids.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::domain::UiLang;

pub const SOURCES: &[(UiLang, &str)] = &[
    (UiLang::En, include_str!("../locales/en.ftl")),
    (UiLang::Zh, include_str!("../locales/zh.ftl")),
    (UiLang::Fr, include_str!("../locales/fr.ftl")),
    (UiLang::Es, include_str!("../locales/es.ftl")),
];

struct Catalogs {
    bundles: HashMap<UiLang, FluentBundle<FluentResource>>,
}

static CATALOGS: LazyLock<Catalogs> = LazyLock::new(|| {
    let bundles = SOURCES
        .iter()
        .map(|(lang, source)| {
            let resource = FluentResource::try_new(source.to_string())
                .unwrap_or_else(|(_, errors)| panic!("locales/{lang}.ftl does not parse: {errors:?}"));
            let langid = lang.as_str().parse().expect("UI languages are valid language ids");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Unicode isolation marks would show up inside HTML attributes and titles.
            bundle.set_use_isolating(false);
            bundle.add_resource(resource).unwrap_or_else(|errors| panic!("locales/{lang}.ftl: {errors:?}"));
            (*lang, bundle)
        })
        .collect();
    Catalogs { bundles }
});

/// The translator for one request: `tr.t("nav-home")`, `tr.t1("library-count", "total", 12)`.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: UiLang,
}

impl Tr {
    pub fn new(lang: UiLang) -> Self {
        Tr { lang }
    }

    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    pub fn t1(&self, id: &str, name: &str, value: impl Into<Arg>) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_string(), value.into().0);
        self.format(id, Some(&args))
    }

    pub fn t2(&self, id: &str, a: (&str, impl Into<Arg>), b: (&str, impl Into<Arg>)) -> String {
        self.tn(id, &[(a.0, a.1.into()), (b.0, b.1.into())])
    }

    pub fn tn(&self, id: &str, values: &[(&str, Arg)]) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in values {
            args.set(name.to_string(), value.0.clone());
        }
        self.format(id, Some(&args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let catalogs = &*CATALOGS;
        for lang in [self.lang, UiLang::En] {
            let bundle = &catalogs.bundles[&lang];
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(id, lang = %lang, ?errors, "translation could not be formatted");
                }
                return text.into_owned();
            }
        }
        tracing::warn!(id, "missing translation id");
        id.to_string()
    }
}

/// A value for a translation placeholder.
#[derive(Debug, Clone)]
pub struct Arg(FluentValue<'static>);

impl From<i64> for Arg {
    fn from(v: i64) -> Self {
        Arg(FluentValue::from(v))
    }
}
impl From<usize> for Arg {
    fn from(v: usize) -> Self {
        Arg(FluentValue::from(v as i64))
    }
}
impl From<f64> for Arg {
    fn from(v: f64) -> Self {
        Arg(FluentValue::from(v))
    }
}
impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg(FluentValue::String(Cow::Owned(v.to_string())))
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg(FluentValue::String(Cow::Owned(v)))
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::from(v.as_str())
    }
}

/// The message ids a Fluent source defines, for the completeness test.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_message_of_the_english_reference() {
        let reference = message_ids(SOURCES[0].1);
        assert!(reference.len() > 100);
        for (lang, source) in &SOURCES[1..] {
            let ids = message_ids(source);
            let missing: Vec<_> = reference.iter().filter(|id| !ids.contains(id)).collect();
            let extra: Vec<_> = ids.iter().filter(|id| !reference.contains(id)).collect();
            assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
            assert!(extra.is_empty(), "{lang}.ftl has ids that en.ftl lacks: {extra:?}");
        }
    }

    #[test]
    fn every_message_formats_in_every_language_without_errors() {
        for (lang, _) in SOURCES {
            let tr = Tr::new(*lang);
            for id in message_ids(SOURCES[0].1) {
                let text = tr.tn(
                    &id,
                    &[
                        ("count", 2i64.into()),
                        ("total", 2i64.into()),
                        ("page", 1i64.into()),
                        ("pages", 3i64.into()),
                        ("initiatives", 1i64.into()),
                        ("cities", 1i64.into()),
                        ("countries", 1i64.into()),
                        ("awards", 1i64.into()),
                        ("editions", 1i64.into()),
                        ("entries", 1i64.into()),
                        ("organisers", "UCLG".into()),
                        ("award", "Award".into()),
                        ("year", 2023i64.into()),
                        ("ordinal", 6i64.into()),
                        ("zone", "UTC".into()),
                        ("weight", 0.3f64.into()),
                        ("min", 1i64.into()),
                        ("max", 10i64.into()),
                        ("long", 45i64.into()),
                        ("short", 15i64.into()),
                        ("winners", 5i64.into()),
                        ("tc", 11i64.into()),
                        ("jury", 7i64.into()),
                        ("votes", 10i64.into()),
                        ("start", 2020i64.into()),
                        ("shown", "English".into()),
                        ("original", "Español".into()),
                        ("what", "page".into()),
                        ("id", 7i64.into()),
                        ("details", "limit".into()),
                        ("max", 500i64.into()),
                        ("query", "parks".into()),
                        ("minutes", 15i64.into()),
                        ("email", "a@b.co".into()),
                        ("name", "Ana".into()),
                        ("link", "http://x/y".into()),
                        ("time", "2026-01-01".into()),
                        ("attempts", 2i64.into()),
                        ("error", "refused".into()),
                        ("role", "Jury".into()),
                        ("date", "2027-05-31".into()),
                        ("words", 12i64.into()),
                        ("budget", 250i64.into()),
                        ("line", 3i64.into()),
                        ("value", "high".into()),
                        ("first", 2i64.into()),
                        ("number", 2i64.into()),
                        ("title", "Care Blocks".into()),
                        ("edition", "Award 2027".into()),
                        ("when", "2027-03-01 12:00 UTC".into()),
                        ("digest", "ab12".into()),
                        ("sections", "Summary: 10 words".into()),
                        ("submitted", 3i64.into()),
                        ("drafts", 2i64.into()),
                        ("n", 2i64.into()),
                        ("left", 2i64.into()),
                        ("identity", "a@b.co".into()),
                        ("vote", "Award 2027".into()),
                        ("code", "123456".into()),
                        ("reason", "campaign".into()),
                        ("counted", 9i64.into()),
                        ("invalidated", 1i64.into()),
                        ("floor", 20i64.into()),
                        ("factor", 5i64.into()),
                        ("pending", 3i64.into()),
                        ("valid", 2i64.into()),
                        ("not_valid", 1i64.into()),
                        ("member", "Ana".into()),
                        ("entry", "Care Blocks".into()),
                        ("detail", "CO".into()),
                        ("committee", "Jury".into()),
                        ("members", 11i64.into()),
                        ("yours", "my comment".into()),
                        ("zone", "Asia/Shanghai".into()),
                        ("size", "2.5".into()),
                        ("file", 10i64.into()),
                        ("total", 50i64.into()),
                        ("status", "Shortlisted".into()),
                        ("method", "Schulze".into()),
                    ],
                );
                assert!(!text.is_empty() && text != id, "{lang}: {id} did not format");
                assert!(!text.contains('{'), "{lang}: {id} left a placeholder: {text}");
            }
        }
    }

    /// Every id the code and templates ask for literally, and every id built from a vocabulary
    /// (`status-winner`, `app-step-basic` …), is in the English reference.
    #[test]
    fn every_message_the_code_uses_exists() {
        use crate::application::{ApplicationStatus, ClaimStatus, Step, fields_of};
        use crate::domain::*;
        let reference = message_ids(SOURCES[0].1);
        let mut used: Vec<String> = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("templates"), root.join("src")];
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for call in [".t(\"", ".t1(\"", ".t2(\"", ".tn(\""] {
                for piece in text.split(call).skip(1) {
                    let id: String = piece
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_')
                        .collect();
                    if !id.is_empty() && piece[id.len()..].starts_with('"') {
                        used.push(id);
                    }
                }
            }
        }
        let families: Vec<(&str, Vec<String>)> = vec![
            ("section", Section::ALL.iter().map(ToString::to_string).collect()),
            ("milestone", Milestone::ALL.iter().map(ToString::to_string).collect()),
            ("status", EntryStatus::ALL.iter().map(ToString::to_string).collect()),
            ("honour", HonourKind::ALL.iter().map(ToString::to_string).collect()),
            ("level", GovernmentLevel::ALL.iter().map(ToString::to_string).collect()),
            ("role", Role::ALL.iter().map(ToString::to_string).collect()),
            ("link", LinkKind::ALL.iter().map(ToString::to_string).collect()),
            ("app-step", Step::ALL.iter().map(ToString::to_string).collect()),
            ("app-status", ApplicationStatus::ALL.iter().map(ToString::to_string).collect()),
            ("claim", ClaimStatus::ALL.iter().map(ToString::to_string).collect()),
            ("sdg", (1..=17).map(|n| n.to_string()).collect()),
            ("slot", crate::application::TEXT_SLOTS.iter().map(ToString::to_string).collect()),
            ("lists-kind", crate::evaluation::decisions::ListKind::ALL.iter().map(ToString::to_string).collect()),
        ];
        for (prefix, values) in families {
            used.extend(values.into_iter().map(|v| format!("{prefix}-{v}")));
        }
        let settings = crate::application::ApplicationSettings::default();
        for step in Step::ALL {
            for field in fields_of(*step, &settings) {
                let base = field.split('.').next().unwrap_or(&field).to_string();
                if base.parse::<Section>().is_err() && base != "eligibility" {
                    used.push(format!("field-{}", base.replace('_', "-")));
                }
            }
        }
        let missing: Vec<_> = used.iter().filter(|id| !reference.contains(id)).collect();
        assert!(missing.is_empty(), "en.ftl lacks {missing:?}");
    }

    #[test]
    fn plurals_follow_the_language() {
        assert_eq!(Tr::new(UiLang::En).t1("library-count", "total", 1i64), "1 entry");
        assert_eq!(Tr::new(UiLang::En).t1("library-count", "total", 5i64), "5 entries");
        assert_eq!(Tr::new(UiLang::Zh).t1("library-count", "total", 5i64), "共 5 个");
        let sizes = |lang, winners: i64| Tr::new(lang).t2("edition-sizes-short", ("short", 2i64), ("winners", winners));
        assert_eq!(sizes(UiLang::En, 1), "Shortlist of 2, up to 1 winner.");
        assert_eq!(sizes(UiLang::Fr, 5), "Liste restreinte de 2, jusqu’à 5 lauréats.");
    }
}
