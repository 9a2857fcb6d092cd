//! How well a committee member suits an entry, in [0, 1]: the share of the entry's themes the
//! member knows, whether the member reads the entry's original language (every entry is also in
//! English, so this only adds), and how close the member's statement of expertise is to the
//! entry's texts (TF-IDF cosine over the edition's entries). Pure.

use std::collections::HashMap;

use crate::domain::ThemeId;

const THEMES_WEIGHT: f64 = 0.5;
const LANGUAGE_WEIGHT: f64 = 0.2;
const TEXT_WEIGHT: f64 = 0.3;

/// `text` is the member's [`TextModel::similarity`] to the entry, 0 without a statement.
pub fn affinity(
    member_themes: &[ThemeId],
    member_languages: &[String],
    entry_themes: &[ThemeId],
    entry_language: &str,
    text: f64,
) -> f64 {
    let themes = if entry_themes.is_empty() {
        0.0
    } else {
        entry_themes.iter().filter(|t| member_themes.contains(t)).count() as f64 / entry_themes.len() as f64
    };
    let language = if member_languages.iter().any(|l| l == entry_language) { 1.0 } else { 0.0 };
    THEMES_WEIGHT * themes + LANGUAGE_WEIGHT * language + TEXT_WEIGHT * text.clamp(0.0, 1.0)
}

/// Words too common in entries to say anything about expertise, in the four UI languages.
const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "with", "that", "this", "from", "are", "was", "were", "has", "have", "its", "their", "our",
    "des", "les", "une", "pour", "dans", "par", "sur", "est", "qui", "que", "aux", "avec", "del", "los", "las", "una",
    "por", "para", "con", "que", "city", "cities", "ville", "ciudad",
];

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The terms of a text: lower-cased words of three letters or more (a plural -s dropped), and
/// for Chinese and Japanese, which have no spaces, each pair of neighbouring characters.
fn terms(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut word = String::new();
    let mut ideographs: Vec<char> = Vec::new();
    let flush_word = |word: &mut String, terms: &mut Vec<String>| {
        let lower = word.to_lowercase();
        word.clear();
        if lower.chars().count() < 3 || STOP_WORDS.contains(&lower.as_str()) {
            return;
        }
        let stem = match lower.strip_suffix('s') {
            Some(stem) if stem.chars().count() >= 4 => stem.to_string(),
            _ => lower,
        };
        terms.push(stem);
    };
    let flush_ideographs = |run: &mut Vec<char>, terms: &mut Vec<String>| {
        match run.len() {
            0 => {}
            1 => terms.push(run[0].to_string()),
            _ => terms.extend(run.windows(2).map(|pair| pair.iter().collect())),
        }
        run.clear();
    };
    for c in text.chars() {
        if is_cjk(c) {
            flush_word(&mut word, &mut terms);
            ideographs.push(c);
        } else if c.is_alphanumeric() {
            flush_ideographs(&mut ideographs, &mut terms);
            word.push(c);
        } else {
            flush_word(&mut word, &mut terms);
            flush_ideographs(&mut ideographs, &mut terms);
        }
    }
    flush_word(&mut word, &mut terms);
    flush_ideographs(&mut ideographs, &mut terms);
    terms
}

/// A text as unit-length TF-IDF weights by term.
#[derive(Debug, Clone, Default)]
pub struct TextVector(HashMap<String, f64>);

/// The entries of an edition as TF-IDF vectors, to compare statements of expertise with.
#[derive(Debug, Clone)]
pub struct TextModel {
    idf: HashMap<String, f64>,
    documents: Vec<TextVector>,
}

impl TextModel {
    pub fn new<S: AsRef<str>>(documents: &[S]) -> Self {
        let counted: Vec<HashMap<String, usize>> = documents.iter().map(|d| count(terms(d.as_ref()))).collect();
        let mut frequency: HashMap<&str, usize> = HashMap::new();
        for document in &counted {
            for term in document.keys() {
                *frequency.entry(term).or_default() += 1;
            }
        }
        let n = documents.len() as f64;
        let idf: HashMap<String, f64> = frequency
            .into_iter()
            .map(|(term, df)| (term.to_string(), ((1.0 + n) / (1.0 + df as f64)).ln() + 1.0))
            .collect();
        let documents = counted.into_iter().map(|counts| weigh(counts, &idf)).collect();
        TextModel { idf, documents }
    }

    /// A text (a statement of expertise) in the entries' terms; terms no entry uses are left out,
    /// so a long statement is not penalised for what it says beyond the edition.
    pub fn vector(&self, text: &str) -> TextVector {
        weigh(count(terms(text)), &self.idf)
    }

    /// Cosine similarity of document `index` and `vector`, in [0, 1].
    pub fn similarity(&self, index: usize, vector: &TextVector) -> f64 {
        let document = &self.documents[index].0;
        let (small, large) =
            if document.len() <= vector.0.len() { (document, &vector.0) } else { (&vector.0, document) };
        small.iter().map(|(term, w)| w * large.get(term).copied().unwrap_or(0.0)).sum::<f64>().clamp(0.0, 1.0)
    }
}

fn count(terms: Vec<String>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for term in terms {
        *counts.entry(term).or_default() += 1;
    }
    counts
}

fn weigh(counts: HashMap<String, usize>, idf: &HashMap<String, f64>) -> TextVector {
    let mut weights: HashMap<String, f64> = counts
        .into_iter()
        .filter_map(|(term, n)| idf.get(&term).map(|idf| (1.0 + (n as f64).ln()) * idf).map(|w| (term, w)))
        .collect();
    let norm = weights.values().map(|w| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        weights.values_mut().for_each(|w| *w /= norm);
    }
    TextVector(weights)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn themes_language_and_text_add_up() {
        let t = |ids: &[i64]| ids.iter().map(|i| ThemeId(*i)).collect::<Vec<_>>();
        let langs = vec!["en".to_string(), "es".to_string()];
        assert_eq!(affinity(&t(&[1, 2]), &langs, &t(&[1, 2]), "es", 1.0), 1.0);
        assert!((affinity(&t(&[1]), &langs, &t(&[1, 2]), "zh", 0.0) - 0.25).abs() < 1e-12);
        assert_eq!(affinity(&[], &[], &t(&[1]), "fr", 0.0), 0.0);
        assert!((affinity(&t(&[1]), &langs, &[], "en", 0.5) - 0.35).abs() < 1e-12);
    }

    #[test]
    fn the_statement_closest_to_an_entry_scores_highest() {
        let model = TextModel::new(&[
            "Pocket parks and urban greening: small parks in dense neighbourhoods",
            "Outdoor escalators connect hillside informal settlements to the metro",
            "社区养老服务 居家养老 老年人照护",
        ]);
        let parks = model.vector("Landscape architect; urban greening, parks and public space.");
        let transport = model.vector("Transport engineer: metro, cable cars, escalators.");
        let elderly = model.vector("研究居家养老和老年人照护");
        assert!(model.similarity(0, &parks) > model.similarity(1, &parks));
        assert!(model.similarity(1, &transport) > model.similarity(0, &transport));
        assert!(model.similarity(2, &elderly) > 0.3 && model.similarity(0, &elderly) == 0.0);
        assert_eq!(model.similarity(0, &model.vector("")), 0.0, "no statement, no similarity");
        assert_eq!(terms("The PARKS, parks; 公园绿地"), vec!["park", "park", "公园", "园绿", "绿地"]);
    }

    proptest! {
        #[test]
        fn similarity_is_a_cosine(documents in prop::collection::vec("[a-e ]{0,40}", 1..6), text in "[a-e ]{0,40}") {
            let words = |s: &String| s.split(' ').map(|w| w.repeat(3)).collect::<Vec<_>>().join(" ");
            let documents: Vec<String> = documents.iter().map(words).collect();
            let model = TextModel::new(&documents);
            let vector = model.vector(&words(&text));
            for (index, document) in documents.iter().enumerate() {
                let similarity = model.similarity(index, &vector);
                prop_assert!((0.0..=1.0).contains(&similarity));
                // A document compared with itself is 1 when it has any term, 0 otherwise.
                let own = model.similarity(index, &model.vector(document));
                prop_assert!((own - 1.0).abs() < 1e-9 || (own == 0.0 && terms(document).is_empty()), "{own}");
            }
        }
    }
}
