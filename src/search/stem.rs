//! Stemming with a memory: the same few thousand words make up most of any text, and a
//! snowball stemmer costs several times a hash lookup. Snippets stem the words around every
//! result's matches, so without it stemming was a twentieth of a search page's time. Snippets
//! also pass a [`FirstLetterGate`], which blanks the words that cannot be a query's before
//! they are stemmed.

use std::cell::RefCell;
use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxBuildHasher;
use tantivy::tokenizer::{Language, Token, TokenFilter, TokenStream, Tokenizer};

/// Words remembered per language and thread before the memory starts again: enough for the
/// words that recur (a text's common words), small enough for many threads (about 64 KB of
/// words each).
const REMEMBERED: usize = 4_096;

struct Memory {
    language: Language,
    stemmer: Stemmer,
    stems: HashMap<Box<str>, Box<str>, FxBuildHasher>,
}

thread_local! {
    /// One per language stemmed on this thread.
    static MEMORIES: RefCell<Vec<Memory>> = const { RefCell::new(Vec::new()) };
}

/// Blanks the words that cannot be one of a query's words before the stemmer sees them:
/// stemming keeps a word's first letter (lower-cased; an accented one may be folded after), so a
/// word starting with an ASCII character no query word starts with cannot match. Stemming every
/// word of a snippet's window was most of a snippet's cost.
#[derive(Clone, Copy)]
pub(crate) struct FirstLetterGate {
    /// By ASCII byte: whether a word starting with it goes through.
    open: [bool; 128],
}

impl FirstLetterGate {
    /// Lets every word through (the index's own analysis).
    pub fn open() -> FirstLetterGate {
        FirstLetterGate { open: [true; 128] }
    }

    /// Lets through the words that may stem to one of `terms`.
    pub fn for_terms<'t>(terms: impl Iterator<Item = &'t str>) -> FirstLetterGate {
        let mut open = [false; 128];
        for first in terms.filter_map(|t| t.bytes().next()).filter(u8::is_ascii) {
            open[usize::from(first)] = true;
        }
        FirstLetterGate { open }
    }

    fn lets_through(&self, word: &str) -> bool {
        word.bytes().next().is_none_or(|first| !first.is_ascii() || self.open[usize::from(first)])
    }
}

/// tantivy's `Stemmer` filter (the same algorithms), remembering stems; the words `gate`
/// turns away are blanked instead of stemmed.
#[derive(Clone, Copy)]
pub(crate) struct MemoStemmer {
    language: Language,
    gate: FirstLetterGate,
}

impl MemoStemmer {
    pub fn new(language: Language, gate: FirstLetterGate) -> MemoStemmer {
        MemoStemmer { language, gate }
    }

    /// The stem of `word` (lower-cased) into `out`.
    fn stem_into(self, word: &str, out: &mut String) {
        MEMORIES.with_borrow_mut(|memories| {
            let at = match memories.iter().position(|m| m.language == self.language) {
                Some(at) => at,
                None => {
                    let stemmer = Stemmer::create(algorithm(self.language));
                    memories.push(Memory { language: self.language, stemmer, stems: HashMap::default() });
                    memories.len() - 1
                }
            };
            let memory = &mut memories[at];
            out.clear();
            if let Some(stem) = memory.stems.get(word) {
                out.push_str(stem);
                return;
            }
            let stem = memory.stemmer.stem(word);
            out.push_str(&stem);
            if memory.stems.len() >= REMEMBERED {
                memory.stems.clear();
            }
            memory.stems.insert(word.into(), stem.into());
        });
    }
}

/// The snowball algorithm tantivy's `Stemmer` uses for `language`.
fn algorithm(language: Language) -> Algorithm {
    match language {
        Language::Arabic => Algorithm::Arabic,
        Language::Danish => Algorithm::Danish,
        Language::Dutch => Algorithm::Dutch,
        Language::English => Algorithm::English,
        Language::Finnish => Algorithm::Finnish,
        Language::French => Algorithm::French,
        Language::German => Algorithm::German,
        Language::Greek => Algorithm::Greek,
        Language::Hungarian => Algorithm::Hungarian,
        Language::Italian => Algorithm::Italian,
        Language::Norwegian => Algorithm::Norwegian,
        Language::Portuguese => Algorithm::Portuguese,
        Language::Romanian => Algorithm::Romanian,
        Language::Russian => Algorithm::Russian,
        Language::Spanish => Algorithm::Spanish,
        Language::Swedish => Algorithm::Swedish,
        Language::Tamil => Algorithm::Tamil,
        Language::Turkish => Algorithm::Turkish,
    }
}

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> MemoStemmerFilter<T> {
        MemoStemmerFilter { inner, stemmer: self }
    }
}

#[derive(Clone)]
pub(crate) struct MemoStemmerFilter<T> {
    inner: T,
    stemmer: MemoStemmer,
}

impl<T: Tokenizer> Tokenizer for MemoStemmerFilter<T> {
    type TokenStream<'a> = MemoStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MemoStemmerStream { tail: self.inner.token_stream(text), stemmer: self.stemmer, buffer: String::new() }
    }
}

pub(crate) struct MemoStemmerStream<S> {
    tail: S,
    stemmer: MemoStemmer,
    buffer: String,
}

impl<S: TokenStream> TokenStream for MemoStemmerStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if !self.stemmer.gate.lets_through(&token.text) {
            // An empty word matches nothing.
            token.text.clear();
        } else if !token.text.is_empty() {
            self.stemmer.stem_into(&token.text, &mut self.buffer);
            std::mem::swap(&mut token.text, &mut self.buffer);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tests::analysed;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, Stemmer as TantivyStemmer, TextAnalyzer};

    #[test]
    fn stems_as_tantivy_does_also_when_remembered() {
        let texts = [
            (Language::English, "Communities recycling waste, recycled waste and dying trees"),
            (Language::French, "Les écoles gèrent les déchets ; gestion des déchets"),
            (Language::Spanish, "Gestión de residuos sólidos y residuos urbanos"),
        ];
        for (language, text) in texts {
            let expected = analysed(
                &mut TextAnalyzer::builder(SimpleTokenizer::default())
                    .filter(LowerCaser)
                    .filter(TantivyStemmer::new(language))
                    .build(),
                text,
            );
            let memo = MemoStemmer::new(language, FirstLetterGate::open());
            let analyzer = || TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(memo).build();
            // Twice: the second time every stem comes from memory.
            assert_eq!(analysed(&mut analyzer(), text), expected, "{language:?}");
            assert_eq!(analysed(&mut analyzer(), text), expected, "{language:?}, remembered");
        }
    }

    #[test]
    fn the_memory_starts_again_when_full() {
        let memo = MemoStemmer::new(Language::English, FirstLetterGate::open());
        let mut out = String::new();
        for i in 0..REMEMBERED + 10 {
            memo.stem_into(&format!("word{i}s"), &mut out);
            assert_eq!(out, format!("word{i}"));
        }
        MEMORIES.with_borrow(|memories| assert!(memories.iter().all(|m| m.stems.len() <= REMEMBERED)));
    }
}
