//! View models shared by several pages: entry cards and pagination.

use crate::domain::{CityId, HonourKind, InitiativeId, InitiativeSummary, Sdg, UiLang};
use crate::i18n::Tr;

/// An initiative in a list, ready to render.
pub struct EntryCard {
    pub id: InitiativeId,
    pub title: Option<String>,
    pub city_id: CityId,
    pub city: String,
    pub country: String,
    pub award: String,
    pub year: i64,
    pub status_code: &'static str,
    pub status: String,
    pub honours: Vec<String>,
}

impl EntryCard {
    pub fn new(tr: &Tr, summary: &InitiativeSummary) -> Self {
        let city = match (tr.lang, &summary.city_name_zh) {
            (UiLang::Zh, Some(zh)) => zh.clone(),
            _ => summary.city_name.clone(),
        };
        EntryCard {
            id: summary.id,
            title: summary.title(tr.lang).map(str::to_string),
            city_id: summary.city_id,
            city,
            country: summary.country_code.clone(),
            award: summary.award_name.get(tr.lang).to_string(),
            year: summary.year,
            status_code: summary.status.as_str(),
            status: tr.t(&format!("status-{}", summary.status)),
            honours: summary.honours.iter().map(|h| honour_label(tr, *h)).collect(),
        }
    }

    pub fn list(tr: &Tr, items: &[InitiativeSummary]) -> Vec<EntryCard> {
        items.iter().map(|s| EntryCard::new(tr, s)).collect()
    }
}

pub fn honour_label(tr: &Tr, kind: HonourKind) -> String {
    tr.t(&format!("honour-{kind}"))
}

pub fn sdg_label(tr: &Tr, sdg: Sdg) -> String {
    tr.t(&format!("sdg-{}", sdg.number()))
}

/// Page links for a list shown `per_page` at a time; `href(page)` builds a page's URL.
pub struct Pager {
    pub page: i64,
    pub pages: i64,
    /// "Page 2 of 7", in the user's language.
    pub label: String,
    pub previous: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    pub fn new(tr: &Tr, page: i64, per_page: i64, total: i64, href: impl Fn(i64) -> String) -> Self {
        let pages = ((total + per_page - 1) / per_page).max(1);
        Pager {
            page,
            pages,
            label: tr.t2("pagination-page", ("page", page), ("pages", pages)),
            previous: (page > 1).then(|| href(page - 1)),
            next: (page < pages).then(|| href(page + 1)),
        }
    }
}

/// Splits a text into paragraphs at blank lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(|p| p.trim().replace('\n', " ")).filter(|p| !p.is_empty()).collect()
}

/// 1234567 → "1,234,567" (or "1 234 567" in French).
pub fn group_digits(lang: UiLang, value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let separator = match lang {
        UiLang::Fr => '\u{202f}',
        UiLang::Es => '.',
        _ => ',',
    };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(ch);
    }
    if value < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_links_neighbours_only_when_they_exist() {
        let tr = Tr::new(UiLang::En);
        let pager = Pager::new(&tr, 1, 20, 45, |p| format!("?page={p}"));
        assert_eq!((pager.pages, pager.previous.as_deref(), pager.next.as_deref()), (3, None, Some("?page=2")));
        assert_eq!(pager.label, "Page 1 of 3");
        let last = Pager::new(&tr, 3, 20, 45, |p| format!("?page={p}"));
        assert_eq!((last.previous.as_deref(), last.next), (Some("?page=2"), None));
        assert_eq!(Pager::new(&tr, 1, 20, 0, |p| p.to_string()).pages, 1);
    }

    #[test]
    fn digits_are_grouped_per_language() {
        assert_eq!(group_digits(UiLang::En, 1_504_535), "1,504,535");
        assert_eq!(group_digits(UiLang::Es, 863_151), "863.151");
        assert_eq!(group_digits(UiLang::En, 999), "999");
        assert_eq!(group_digits(UiLang::En, -1000), "-1,000");
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(paragraphs("One\nline.\n\n\nTwo.\n\n "), vec!["One line.", "Two."]);
    }
}
