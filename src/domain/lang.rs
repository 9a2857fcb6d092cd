//! Languages: the four UI languages, and the language codes of content texts.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::UnknownValue;

super::vocabulary!(
    /// A language the user interface is translated into.
    UiLang, "UI language" { En = "en", Zh = "zh", Fr = "fr", Es = "es" }
);

impl UiLang {
    /// The name of the language in itself, for the language switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            UiLang::En => "English",
            UiLang::Zh => "中文",
            UiLang::Fr => "Français",
            UiLang::Es => "Español",
        }
    }

    /// Picks the best UI language from an Accept-Language header, honouring q-values;
    /// `zh-CN`, `zh-Hans` and `zh-TW` all count as Chinese. English when nothing matches.
    pub fn negotiate(accept_language: &str) -> UiLang {
        let mut best: Option<(f32, usize, UiLang)> = None;
        for (position, part) in accept_language.split(',').enumerate() {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
            let Ok(lang) = primary.parse::<UiLang>() else {
                continue;
            };
            if quality <= 0.0 {
                continue;
            }
            // Higher quality wins; on a tie the earlier entry wins.
            let better = match best {
                None => true,
                Some((q, _, _)) => quality > q,
            };
            if better {
                best = Some((quality, position, lang));
            }
        }
        best.map(|(_, _, lang)| lang).unwrap_or(UiLang::En)
    }
}

/// An ISO 639-1 code of a content text ("en", "es", "zh" ...): two lowercase ASCII letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LangCode([u8; 2]);

impl LangCode {
    pub const EN: LangCode = LangCode(*b"en");

    pub fn as_str(&self) -> &str {
        // Only ASCII letters are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("en")
    }
}

impl std::str::FromStr for LangCode {
    type Err = UnknownValue;
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        let bytes = value.as_bytes();
        if bytes.len() == 2 && bytes.iter().all(u8::is_ascii_lowercase) {
            Ok(LangCode([bytes[0], bytes[1]]))
        } else {
            Err(UnknownValue {
                kind: "language code",
                value: value.to_string(),
                expected: "a two-letter ISO 639-1 code such as en, zh, fr, es".into(),
            })
        }
    }
}

impl fmt::Display for LangCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for LangCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for LangCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl From<UiLang> for LangCode {
    fn from(lang: UiLang) -> Self {
        lang.as_str().parse().unwrap_or(LangCode::EN)
    }
}

/// A short label in several languages (award names, themes, criteria). English is the
/// working language and the fallback.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(transparent)]
#[schema(value_type = BTreeMap<String, String>)]
pub struct LocalizedText(pub BTreeMap<LangCode, String>);

impl LocalizedText {
    pub fn english(text: impl Into<String>) -> Self {
        LocalizedText(BTreeMap::from([(LangCode::EN, text.into())]))
    }

    /// The text in `lang`, else English, else any language, else "".
    pub fn get(&self, lang: impl Into<LangCode>) -> &str {
        let lang = lang.into();
        self.0
            .get(&lang)
            .or_else(|| self.0.get(&LangCode::EN))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_accept_language_with_quality_and_regions() {
        assert_eq!(UiLang::negotiate("zh-CN,zh;q=0.9,en;q=0.8"), UiLang::Zh);
        assert_eq!(UiLang::negotiate("de-DE, fr;q=0.7, en;q=0.5"), UiLang::Fr);
        assert_eq!(UiLang::negotiate("en;q=0.4, es;q=0.9"), UiLang::Es);
        assert_eq!(UiLang::negotiate("de, ja"), UiLang::En);
        assert_eq!(UiLang::negotiate(""), UiLang::En);
        assert_eq!(UiLang::negotiate("zh;q=0, fr"), UiLang::Fr);
        assert_eq!(UiLang::negotiate("garbage;;;q=x,,"), UiLang::En);
    }

    #[test]
    fn language_codes_are_two_lowercase_letters() {
        assert!("en".parse::<LangCode>().is_ok());
        for bad in ["", "e", "eng", "EN", "e1", "中文"] {
            assert!(bad.parse::<LangCode>().is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn localized_text_falls_back_to_english_then_any() {
        let text: LocalizedText = serde_json::from_str(r#"{"en":"Award","zh":"奖"}"#).unwrap();
        assert_eq!(text.get(UiLang::Zh), "奖");
        assert_eq!(text.get(UiLang::Fr), "Award");
        let only_spanish: LocalizedText = serde_json::from_str(r#"{"es":"Premio"}"#).unwrap();
        assert_eq!(only_spanish.get(UiLang::Fr), "Premio");
        assert_eq!(LocalizedText::default().get(UiLang::En), "");
        assert!(serde_json::from_str::<LocalizedText>(r#"{"english":"x"}"#).is_err());
    }
}
