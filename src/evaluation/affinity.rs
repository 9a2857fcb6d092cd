//! How well a committee member suits an entry, from expertise: the share of the entry's themes
//! the member knows, and whether the member reads the entry's original language (every entry is
//! also in English, so this only adds). In [0, 1]. Pure.

use crate::domain::ThemeId;

const THEMES_WEIGHT: f64 = 0.7;
const LANGUAGE_WEIGHT: f64 = 0.3;

pub fn affinity(
    member_themes: &[ThemeId],
    member_languages: &[String],
    entry_themes: &[ThemeId],
    entry_language: &str,
) -> f64 {
    let themes = if entry_themes.is_empty() {
        0.0
    } else {
        entry_themes.iter().filter(|t| member_themes.contains(t)).count() as f64 / entry_themes.len() as f64
    };
    let language = if member_languages.iter().any(|l| l == entry_language) { 1.0 } else { 0.0 };
    THEMES_WEIGHT * themes + LANGUAGE_WEIGHT * language
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes_and_language_add_up() {
        let t = |ids: &[i64]| ids.iter().map(|i| ThemeId(*i)).collect::<Vec<_>>();
        let langs = vec!["en".to_string(), "es".to_string()];
        assert_eq!(affinity(&t(&[1, 2]), &langs, &t(&[1, 2]), "es"), 1.0);
        assert!((affinity(&t(&[1]), &langs, &t(&[1, 2]), "zh") - 0.35).abs() < 1e-12);
        assert_eq!(affinity(&[], &[], &t(&[1]), "fr"), 0.0);
        assert_eq!(affinity(&t(&[1]), &langs, &[], "en"), 0.3);
    }
}
