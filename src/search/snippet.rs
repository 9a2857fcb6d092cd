//! Snippets: the passage of a text where the query's words are, as HTML in which everything
//! is escaped except the `<mark>` elements added around the matches.

use std::collections::BTreeMap;
use std::ops::Range;

use tantivy::TantivyDocument;
use tantivy::schema::{Field, Value};
use tantivy::snippet::SnippetGenerator;

use super::compile::Compiler;
use super::query::{Leaf, Query, Scope};

/// The longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 220;

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str, out: &mut String) {
    // The characters escaped are ASCII, so the text between them is copied in runs.
    let mut copied = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escaped = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[copied..at]);
        out.push_str(escaped);
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
}

/// `fragment` as HTML with `<mark>` around the byte ranges `highlighted` (sorted, not
/// overlapping; ranges that are not on character boundaries are ignored).
pub fn render(fragment: &str, highlighted: &[Range<usize>], ellipsis_before: bool, ellipsis_after: bool) -> String {
    let mut out = String::with_capacity(fragment.len() + 32);
    if ellipsis_before {
        out.push('…');
    }
    let mut at = 0;
    for range in highlighted {
        if range.start < at
            || range.end > fragment.len()
            || range.start >= range.end
            || !fragment.is_char_boundary(range.start)
            || !fragment.is_char_boundary(range.end)
        {
            continue;
        }
        escape_html(&fragment[at..range.start], &mut out);
        out.push_str("<mark>");
        escape_html(&fragment[range.clone()], &mut out);
        out.push_str("</mark>");
        at = range.end;
    }
    escape_html(&fragment[at..], &mut out);
    if ellipsis_after {
        out.push('…');
    }
    out
}

/// The start of a text, cut at a word boundary, as escaped HTML.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    // Its words, one space apart, only as far as one character beyond the excerpt (texts run
    // to thousands of words).
    let mut joined = String::with_capacity(max_chars + 64);
    let mut chars = 0;
    for word in text.split_whitespace() {
        if chars > max_chars {
            break;
        }
        if !joined.is_empty() {
            joined.push(' ');
            chars += 1;
        }
        joined.push_str(word);
        chars += word.chars().count();
    }
    let text = joined;
    if chars <= max_chars {
        return render(&text, &[], false, false);
    }
    let cut = text.char_indices().nth(max_chars).map(|(i, _)| i).unwrap_or(text.len());
    // At the last space before the cut, unless a word ends right at it.
    let end =
        if text[cut..].starts_with(' ') { cut } else { text[..cut].rfind(' ').filter(|i| *i > cut / 2).unwrap_or(cut) };
    render(text[..end].trim_end_matches([',', ';', ':', '.']), &[], false, true)
}

/// Characters of a text looked at around the first likely match, and at its start: analysing
/// whole texts (stemming every word) for every result would cost more than the search.
const WINDOW_BEFORE: usize = 160;
const WINDOW_AFTER: usize = 400;
const HEAD: usize = 1_500;

/// Snippet generators for the texts of each language, for one query.
pub(crate) struct Highlighter {
    /// (language code, body field, generator) of the languages the query has words in.
    generators: Vec<(&'static str, Field, SnippetGenerator)>,
    /// Lower-case forms to look for in a text to find where a match may be: the query's words
    /// as typed and as analysed (a stem is usually the start of the word in the text).
    needles: Vec<String>,
    /// (language code, body field) of every language, for excerpts.
    all_fields: Vec<(&'static str, Field)>,
    /// Whether every needle is written in CJK characters only: no analyser folds, stems or
    /// changes the case of those, so a text without any needle has no match to mark.
    cjk_only: bool,
}

/// Han, kana and hangul: characters that analysis leaves as they are.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The largest character boundary at or before `at`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl Highlighter {
    pub fn new(compiler: &Compiler<'_>, query: Option<&Query>) -> Highlighter {
        let leaves: Vec<&Leaf> = query.map(Query::positive_leaves).unwrap_or_default();
        let words: Vec<&str> = leaves
            .iter()
            .filter_map(|leaf| match leaf {
                Leaf::Word { scope: Scope::Anywhere, text } | Leaf::Phrase { scope: Scope::Anywhere, text } => {
                    Some(text.as_str())
                }
                _ => None,
            })
            .collect();
        let mut needles: Vec<String> = words
            .iter()
            .flat_map(|w| w.split_whitespace())
            .map(|w| w.to_ascii_lowercase())
            .filter(|w| w.len() >= 2)
            .collect();
        let generators = compiler
            .fields
            .languages
            .iter()
            .filter_map(|language| {
                let mut terms = BTreeMap::new();
                for word in &words {
                    for token in compiler.tokens(language.body, word) {
                        if token.text.len() >= 2 {
                            needles.push(token.text.clone());
                        }
                        terms.insert(token.text, 1.0);
                    }
                }
                if terms.is_empty() {
                    return None;
                }
                let analyzer = super::snippet_analyzer(
                    compiler.analyzers.get(&language.body)?,
                    language.code,
                    terms.keys().map(String::as_str),
                );
                Some((
                    language.code,
                    language.body,
                    SnippetGenerator::new(terms, analyzer, language.body, SNIPPET_CHARS),
                ))
            })
            .collect();
        needles.sort();
        needles.dedup();
        let all_fields = compiler.fields.languages.iter().map(|l| (l.code, l.body)).collect();
        let cjk_only = !needles.is_empty() && needles.iter().all(|n| n.chars().all(is_cjk));
        Highlighter { generators, needles, all_fields, cjk_only }
    }

    /// The passage of `text` with the query's words marked, if the words are in it: looked for
    /// around the first place a needle occurs, then at the start of the text.
    fn highlight(&self, generator: &SnippetGenerator, text: &str) -> Option<String> {
        let lower = text.to_ascii_lowercase(); // the same byte offsets as `text`
        let first = self.needles.iter().filter_map(|n| lower.find(n.as_str())).min();
        if first.is_none() && self.cjk_only {
            // E.g. a Chinese place name that matched the entry's governments, not its English text.
            return None;
        }
        let mut windows = Vec::with_capacity(2);
        if let Some(at) = first {
            windows.push(boundary(text, at.saturating_sub(WINDOW_BEFORE))..boundary(text, at + WINDOW_AFTER));
        }
        windows.push(0..boundary(text, HEAD));
        for window in windows {
            let part = &text[window.clone()];
            let snippet = generator.snippet(part);
            if snippet.highlighted().is_empty() {
                continue;
            }
            let fragment = snippet.fragment();
            let start = window.start + part.find(fragment).unwrap_or(0);
            let clean = fragment.replace('\n', " ");
            return Some(render(&clean, snippet.highlighted(), start > 0, start + fragment.len() < text.len()));
        }
        None
    }

    /// The best passage of `doc` with the query's words marked, preferring the languages in
    /// `prefer`; without a match, the start of the text in the first preferred language it has.
    pub fn snippet(&self, doc: &TantivyDocument, prefer: &[&str]) -> Option<String> {
        let ordered = || {
            prefer
                .iter()
                .filter_map(|code| self.generators.iter().find(|(c, _, _)| c == code))
                .chain(self.generators.iter().filter(|(c, _, _)| !prefer.contains(c)))
        };
        for (_, field, generator) in ordered() {
            // The summary and the sections are the field's values, in reading order.
            let text = doc.get_all(*field).filter_map(|v| v.as_str()).collect::<Vec<_>>().join("\n");
            if text.is_empty() {
                continue;
            }
            if let Some(html) = self.highlight(generator, &text) {
                return Some(html);
            }
        }
        // No words to mark (or none found): the start of the text in the preferred language.
        let preferred = prefer.iter().flat_map(|code| self.all_fields.iter().filter(move |(c, _)| c == code));
        let others = self.all_fields.iter().filter(|(c, _)| !prefer.contains(c));
        for (_, field) in preferred.chain(others) {
            if let Some(first) = doc.get_first(*field).and_then(|v| v.as_str()).filter(|t| !t.trim().is_empty()) {
                return Some(excerpt(first, SNIPPET_CHARS));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_but_the_marks_is_escaped() {
        let fragment = "<script>alert('x')</script> & water \"taps\"";
        let water = fragment.find("water").unwrap();
        let marks = [std::ops::Range { start: water, end: water + 5 }];
        let html = render(fragment, &marks, false, true);
        assert_eq!(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>water</mark> &quot;taps&quot;…");
        assert!(!html.contains("<script"));
        let mut out = String::new();
        escape_html("café « a&b » 广州<", &mut out);
        assert_eq!(out, "café « a&amp;b » 广州&lt;", "text between the escapes is kept whole");
    }

    #[test]
    fn ranges_that_do_not_fit_are_ignored() {
        let text = "垃圾分类";
        assert_eq!(render(text, &[1..2, 0..3, 2..99], false, false), "<mark>垃</mark>圾分类");
        let backwards = std::ops::Range { start: 2, end: 1 };
        assert_eq!(render("abc", &[backwards], true, false), "…abc");
    }

    #[test]
    fn excerpts_cut_at_a_word() {
        assert_eq!(excerpt("Short <b>text</b>.", 50), "Short &lt;b&gt;text&lt;/b&gt;.");
        let long = "word ".repeat(100);
        let cut = excerpt(&long, 22);
        assert!(cut.ends_with('…') && cut.chars().count() <= 23, "{cut}");
        assert_eq!(excerpt("  one   two\n\nthree ", 13), "one two three", "spaces collapse; exactly the length");
        assert_eq!(excerpt("one two three four", 13), "one two three…", "one more word is cut");
    }
}
