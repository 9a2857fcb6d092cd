//! Turns a parsed [`Query`] into a tantivy query over the library's fields.
//!
//! A word is looked for in every language's title and text (each analysed its own way: a
//! word is stemmed as English in the English fields, segmented as Chinese in the Chinese
//! ones …), in the names of the governments and their countries, and in the themes; the best
//! field counts (a disjunction-max, titles weighing most). Words of five letters or more also
//! match the words of titles and the names of cities one typo away, below exact matches.

use std::collections::HashMap;
use std::ops::Bound;

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, EmptyQuery, Occur, PhraseQuery,
    Query as TantivyQuery, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

use super::Fields;
use super::dismax::LazyDisMaxQuery;
use super::query::{Leaf, Query, Scope};
use super::typos::Typos;
use crate::domain::{LangCode, LocalizedText};

const TITLE_BOOST: f32 = 3.0;
const CITY_BOOST: f32 = 2.0;
const COUNTRY_BOOST: f32 = 1.5;
const THEME_BOOST: f32 = 1.5;
/// A title or city one typo away: a constant score, below any exact title match.
const FUZZY_BOOST: f32 = 0.8;
const TIE_BREAKER: f32 = 0.1;
/// Words this long (in characters) or longer forgive one typo.
pub const FUZZY_MIN_CHARS: usize = 5;

/// A token as an analyser gives it.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub text: String,
    pub position: usize,
    pub from: usize,
    pub to: usize,
}

pub(crate) struct Compiler<'a> {
    pub fields: &'a Fields,
    pub analyzers: &'a HashMap<Field, TextAnalyzer>,
    /// The themes a word may name.
    pub themes: &'a [ThemeName],
    /// The words of titles and city names: to tell them from typos, and a typo's neighbours.
    pub typos: &'a Typos,
}

/// A theme: its key (what the index holds) and its names, per language (by index in
/// [`Fields::languages`]), as that language's titles analyse them.
pub(crate) struct ThemeName {
    key: String,
    names: Vec<(usize, Vec<Token>)>,
}

type Boxed = Box<dyn TantivyQuery>;

impl Compiler<'_> {
    /// The tokens `text` gives in `field`, without punctuation tokens, duplicates removed.
    pub fn tokens(&self, field: Field, text: &str) -> Vec<Token> {
        let Some(analyzer) = self.analyzers.get(&field) else {
            return Vec::new();
        };
        let mut analyzer = analyzer.clone();
        let mut stream = analyzer.token_stream(text);
        let mut tokens: Vec<Token> = Vec::new();
        while let Some(token) = stream.next() {
            if !token.text.chars().any(char::is_alphanumeric) {
                continue;
            }
            if tokens.iter().any(|t| t.text == token.text && t.position == token.position) {
                continue;
            }
            tokens.push(Token {
                text: token.text.clone(),
                position: token.position,
                from: token.offset_from,
                to: token.offset_to,
            });
        }
        tokens
    }

    pub fn compile(&self, query: &Query) -> Boxed {
        self.compile_part(query, false)
    }

    /// `sought`: the part is mostly moved to documents other parts have (a word among other
    /// words, a word excluded), rather than walked through.
    fn compile_part(&self, query: &Query, sought: bool) -> Boxed {
        match query {
            Query::Leaf(leaf) => self.leaf(leaf, sought),
            Query::And(parts) => {
                // Words among other words are sought; a word with only exclusions, years or goals
                // beside it leads (those are sought instead).
                let words = parts
                    .iter()
                    .filter(|p| !matches!(p, Query::Not(_) | Query::Leaf(Leaf::Year { .. } | Leaf::Sdg(_))))
                    .count();
                let mut clauses: Vec<(Occur, Boxed)> = Vec::new();
                for part in parts {
                    match part {
                        Query::Not(inner) => clauses.push((Occur::MustNot, self.compile_part(inner, true))),
                        other => clauses.push((Occur::Must, self.compile_part(other, sought || words > 1))),
                    }
                }
                if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Box::new(BooleanQuery::new(clauses))
            }
            Query::Or(parts) => Box::new(BooleanQuery::new(
                parts.iter().map(|p| (Occur::Should, self.compile_part(p, false))).collect(),
            )),
            Query::Not(inner) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(AllQuery)),
                (Occur::MustNot, self.compile_part(inner, true)),
            ])),
        }
    }

    fn leaf(&self, leaf: &Leaf, sought: bool) -> Boxed {
        let fields = self.fields;
        match leaf {
            Leaf::Word { scope, text } => self.scoped(*scope, text, false, sought),
            Leaf::Phrase { scope, text } => self.scoped(*scope, text, true, sought),
            Leaf::Year { from, to } => Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_u64(fields.year, u64::from(*from))),
                Bound::Included(Term::from_field_u64(fields.year, u64::from(*to))),
            )),
            Leaf::Sdg(goal) => {
                Box::new(TermQuery::new(Term::from_field_u64(fields.sdg, u64::from(*goal)), IndexRecordOption::Basic))
            }
        }
    }

    fn scoped(&self, scope: Scope, text: &str, phrase: bool, sought: bool) -> Boxed {
        let fields = self.fields;
        let mut disjuncts: Vec<Boxed> = Vec::new();
        // A word some title or government name has is not a typo (of a title word or a city).
        let fuzzy = !phrase
            && forgives_typos(text)
            && !self.is_known(fields.title_words, text)
            && !self.is_known(fields.city_names, text);
        let mut add = |field: Field, boost: f32, fuzzy: bool| {
            if let Some(query) = self.match_in(field, text, phrase) {
                disjuncts.push(boosted(query, boost));
            }
            if fuzzy && let Some(query) = self.fuzzy_in(field, text) {
                disjuncts.push(boosted(query, FUZZY_BOOST));
            }
        };
        match scope {
            Scope::Anywhere => {
                for language in &fields.languages {
                    add(language.title, TITLE_BOOST, false);
                    add(language.body, 1.0, false);
                }
                add(fields.city_names, CITY_BOOST, fuzzy);
                add(fields.country_names, COUNTRY_BOOST, false);
                // Typos are forgiven against the titles' words as written (not stemmed: a typo
                // changes what a stemmer makes of a word), once for every language.
                if fuzzy && let Some(query) = self.fuzzy_in(fields.title_words, text) {
                    disjuncts.push(boosted(query, FUZZY_BOOST));
                }
            }
            Scope::City => add(fields.city_names, 1.0, fuzzy),
            Scope::Country => {
                add(fields.country_names, 1.0, false);
                if text.len() == 2 && text.bytes().all(|b| b.is_ascii_alphabetic()) {
                    let code = Term::from_field_text(fields.country_code, &text.to_ascii_uppercase());
                    disjuncts.push(Box::new(TermQuery::new(code, IndexRecordOption::Basic)));
                }
            }
            Scope::Theme => {}
        }
        let theme_boost = match scope {
            Scope::Anywhere => Some(THEME_BOOST),
            Scope::Theme => Some(1.0),
            Scope::City | Scope::Country => None,
        };
        disjuncts.extend(theme_boost.and_then(|boost| Some(boosted(self.theme_match(text, phrase)?, boost))));
        match disjuncts.len() {
            0 => Box::new(EmptyQuery),
            1 => disjuncts.pop().expect("one disjunct"),
            // Sought, a union moved only where asked costs less than tantivy's, which reads
            // ahead; walked through, tantivy's is the faster (see `dismax`).
            _ if sought => Box::new(LazyDisMaxQuery::new(disjuncts, TIE_BREAKER)),
            _ => Box::new(DisjunctionMaxQuery::with_tie_breaker(disjuncts, TIE_BREAKER)),
        }
    }

    /// The tokens `text` gives in `field`; for a phrase, only the longest where tokens overlap
    /// (Chinese segmentation also emits the parts of a long word, 北京大学: 北京, 大学), at their
    /// own positions.
    fn phrase_tokens(&self, field: Field, text: &str, phrase: bool) -> Vec<Token> {
        let mut tokens = self.tokens(field, text);
        if phrase {
            let all = tokens.clone();
            tokens
                .retain(|t| !all.iter().any(|o| o.from <= t.from && t.to <= o.to && (o.to - o.from) > (t.to - t.from)));
        }
        tokens
    }

    /// The words of `text` in `field`: all of them (a word analysed into several tokens), or
    /// in this order side by side (a phrase).
    fn match_in(&self, field: Field, text: &str, phrase: bool) -> Option<Boxed> {
        let tokens = self.phrase_tokens(field, text, phrase);
        let term = |t: &Token| Term::from_field_text(field, &t.text);
        match tokens.len() {
            0 => None,
            1 => Some(Box::new(TermQuery::new(term(&tokens[0]), IndexRecordOption::WithFreqs))),
            _ if phrase => {
                let start = tokens.iter().map(|t| t.position).min().unwrap_or(0);
                let mut terms: Vec<(usize, Term)> = tokens.iter().map(|t| (t.position - start, term(t))).collect();
                terms.sort_by_key(|(position, _)| *position);
                terms.dedup_by_key(|(position, _)| *position);
                if terms.len() == 1 {
                    return Some(Box::new(TermQuery::new(terms.remove(0).1, IndexRecordOption::WithFreqs)));
                }
                Some(Box::new(PhraseQuery::new_with_offset(terms)))
            }
            _ => Some(Box::new(BooleanQuery::new(
                tokens
                    .iter()
                    .map(|t| -> (Occur, Boxed) {
                        (Occur::Must, Box::new(TermQuery::new(term(t), IndexRecordOption::WithFreqs)))
                    })
                    .collect(),
            ))),
        }
    }

    /// The themes with their names analysed (for [`Compiler::themes`]).
    pub fn theme_names<'t>(&self, themes: impl Iterator<Item = (&'t str, &'t LocalizedText)>) -> Vec<ThemeName> {
        themes
            .map(|(key, names)| {
                let names = (self.fields.languages.iter().enumerate())
                    .filter_map(|(i, language)| {
                        let name = names.0.get(&language.code.parse::<LangCode>().ok()?)?;
                        Some((i, self.tokens(language.title, name)))
                    })
                    .collect();
                ThemeName { key: key.to_string(), names }
            })
            .collect()
    }

    /// The entries having a theme one of whose names has `text`'s words (all of them, or side
    /// by side in this order for a phrase), as the name's language analyses them.
    fn theme_match(&self, text: &str, phrase: bool) -> Option<Boxed> {
        let mut keys: Vec<&str> = Vec::new();
        let mut wanted: Vec<Option<Vec<Token>>> = vec![None; self.fields.languages.len()];
        for theme in self.themes {
            let named = theme.names.iter().any(|(language, name)| {
                let words = wanted[*language]
                    .get_or_insert_with(|| self.phrase_tokens(self.fields.languages[*language].title, text, phrase));
                !words.is_empty() && has_words(name, words, phrase)
            });
            if named {
                keys.push(&theme.key);
            }
        }
        let term = |key: &str| -> Boxed {
            Box::new(TermQuery::new(Term::from_field_text(self.fields.theme, key), IndexRecordOption::WithFreqs))
        };
        match keys.as_slice() {
            [] => None,
            [key] => Some(term(key)),
            _ => Some(Box::new(BooleanQuery::new(keys.iter().map(|k| (Occur::Should, term(k))).collect()))),
        }
    }

    /// Whether `text` is one word that `field` (one of [`Typos`]'s) has.
    fn is_known(&self, field: Field, text: &str) -> bool {
        let tokens = self.tokens(field, text);
        let [token] = tokens.as_slice() else { return false };
        self.typos.has(field, &token.text)
    }

    /// Words one typo away from `text` in `field`, unless `text` itself is a word there: a word
    /// spelt as the library spells it needs no forgiveness (and looking for its neighbours, such
    /// as "parts" for "parks", would only add noise and time).
    pub(crate) fn fuzzy_in(&self, field: Field, text: &str) -> Option<Boxed> {
        let tokens = self.tokens(field, text);
        let [token] = tokens.as_slice() else { return None };
        if token.text.chars().count() < FUZZY_MIN_CHARS {
            return None;
        }
        let near = self.typos.near(field, &token.text);
        if near.is_empty() || near.contains(&token.text.as_str()) {
            return None;
        }
        // What tantivy's fuzzy query (distance 1, swaps counted as one) matches, and scored as
        // it is: the same constant for every document. (tantivy's `TermSetQuery` would build a
        // dictionary of these few words, which costs more than a whole search.)
        let words = near.into_iter().map(|word| -> (Occur, Boxed) {
            (Occur::Should, Box::new(TermQuery::new(Term::from_field_text(field, word), IndexRecordOption::Basic)))
        });
        Some(Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(words.collect())), 1.0)))
    }
}

/// Whether `name` has all of `words` (for a phrase: side by side, in their order).
fn has_words(name: &[Token], words: &[Token], phrase: bool) -> bool {
    if !phrase {
        return words.iter().all(|w| name.iter().any(|n| n.text == w.text));
    }
    let first = words.iter().map(|w| w.position).min().unwrap_or(0);
    name.iter().any(|start| {
        words.iter().all(|w| {
            let at = start.position + (w.position - first);
            name.iter().any(|n| n.position == at && n.text == w.text)
        })
    })
}

/// Words of five letters or more in an alphabet (Latin, Greek, Cyrillic …) forgive one typo;
/// in Chinese a changed character is another word.
pub fn forgives_typos(text: &str) -> bool {
    text.chars().count() >= FUZZY_MIN_CHARS && text.chars().all(|c| c.is_alphabetic() && (c as u32) < 0x2E80)
}

fn boosted(query: Boxed, boost: f32) -> Boxed {
    if (boost - 1.0).abs() < f32::EPSILON { query } else { Box::new(BoostQuery::new(query, boost)) }
}
