//! The words of a field one typo away from a word, found by their deletions: two words are one
//! edit or one swap of neighbours apart only if deleting one character (or none) from each
//! gives the same word. The few thousand words of titles and city names, each with its
//! deletions, are looked up in a few steps; tantivy's fuzzy query walks the field's whole
//! dictionary with an automaton instead, which cost a search with a typo more than the rest of
//! its page.

use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;
use tantivy::Searcher;
use tantivy::schema::Field;

/// The words of some fields, by their deletions.
#[derive(Default)]
pub(crate) struct Typos {
    fields: Vec<(Field, Neighbourhood)>,
}

#[derive(Default)]
struct Neighbourhood {
    words: Vec<String>,
    /// (hash of a word or of one of its deletions, index in `words`), sorted.
    keys: Vec<(u64, u32)>,
}

impl Typos {
    /// The words `searcher`'s segments have in `fields`.
    pub fn load(searcher: &Searcher, fields: &[Field]) -> tantivy::Result<Typos> {
        let mut loaded = Vec::with_capacity(fields.len());
        for field in fields {
            let mut words = Vec::new();
            for reader in searcher.segment_readers() {
                let index = reader.inverted_index(*field)?;
                let mut stream = index.terms().stream()?;
                while stream.advance() {
                    if let Ok(word) = std::str::from_utf8(stream.key()) {
                        words.push(word.to_string());
                    }
                }
            }
            words.sort_unstable();
            words.dedup();
            loaded.push((*field, Neighbourhood::new(words)));
        }
        Ok(Typos { fields: loaded })
    }

    /// Whether `field` has `word`.
    pub fn has(&self, field: Field, word: &str) -> bool {
        self.fields.iter().any(|(f, n)| *f == field && n.words.binary_search_by(|w| w.as_str().cmp(word)).is_ok())
    }

    /// The words of `field` one typo from `word` (and `word` itself, if the field has it).
    pub fn near(&self, field: Field, word: &str) -> Vec<&str> {
        let Some((_, neighbourhood)) = self.fields.iter().find(|(f, _)| *f == field) else {
            return Vec::new();
        };
        neighbourhood.near(word)
    }
}

impl Neighbourhood {
    fn new(words: Vec<String>) -> Neighbourhood {
        let mut keys = Vec::new();
        for (index, word) in words.iter().enumerate() {
            for_each_key(word, |key| keys.push((key, index as u32)));
        }
        keys.sort_unstable();
        keys.dedup();
        Neighbourhood { words, keys }
    }

    fn near(&self, word: &str) -> Vec<&str> {
        let mut candidates = Vec::new();
        for_each_key(word, |key| {
            let from = self.keys.partition_point(|(k, _)| *k < key);
            candidates.extend(self.keys[from..].iter().take_while(|(k, _)| *k == key).map(|(_, index)| *index));
        });
        candidates.sort_unstable();
        candidates.dedup();
        // Hashes may collide, and sharing a deletion is not always one typo ("ab" and "ba" share
        // "a" and are; "abc" and "bca" share "bc" and are not).
        candidates
            .into_iter()
            .map(|index| self.words[index as usize].as_str())
            .filter(|candidate| within_one_typo(word, candidate))
            .collect()
    }
}

/// Calls `found` with the hash of `word` and of each word made by deleting one of its
/// characters.
fn for_each_key(word: &str, mut found: impl FnMut(u64)) {
    found(FxBuildHasher.hash_one(word));
    let mut deleted = String::with_capacity(word.len());
    for (at, c) in word.char_indices() {
        deleted.clear();
        deleted.push_str(&word[..at]);
        deleted.push_str(&word[at + c.len_utf8()..]);
        found(FxBuildHasher.hash_one(deleted.as_str()));
    }
}

/// Whether `a` and `b` are the same or one edit (a character inserted, deleted or replaced) or
/// one swap of neighbouring characters apart: what tantivy's fuzzy query of distance 1 with
/// transpositions accepts.
pub(crate) fn within_one_typo(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let same_start = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if same_start == long.len() {
        return true;
    }
    if short.len() < long.len() {
        // One character of the longer deleted.
        return short[same_start..] == long[same_start + 1..];
    }
    let (at, rest) = (same_start, same_start + 1);
    // One replaced, or two neighbours swapped.
    short[rest..] == long[rest..]
        || (rest < short.len()
            && short[at] == long[rest]
            && short[rest] == long[at]
            && short[rest + 1..] == long[rest + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The optimal string alignment distance, by its definition.
    fn distance(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn typos_are_edits_and_swaps() {
        for (a, b, near) in [
            ("polution", "pollution", true),
            ("recyling", "recycling", true),
            ("recylcing", "recycling", true),
            ("bogota", "bogotá", true),
            ("lusaka", "lusaka", true),
            ("abc", "bca", false),
            ("parks", "pars", true),
            ("parks", "sparks", true),
            ("parks", "spark", false),
            ("", "a", true),
            ("", "ab", false),
        ] {
            assert_eq!(within_one_typo(a, b), near, "{a} {b}");
            assert_eq!(within_one_typo(b, a), near, "{b} {a}");
        }
    }

    proptest! {
        #[test]
        fn one_typo_is_a_distance_of_one(a in "[abc]{0,6}", b in "[abcé]{0,6}") {
            prop_assert_eq!(within_one_typo(&a, &b), distance(&a, &b) <= 1);
        }

        #[test]
        fn every_word_one_typo_away_is_found(
            words in proptest::collection::btree_set("[abcé]{1,6}", 0..40),
            word in "[abcé]{0,7}",
        ) {
            let neighbourhood = Neighbourhood::new(words.iter().cloned().collect());
            let mut found = neighbourhood.near(&word);
            found.sort_unstable();
            let expected: Vec<&str> =
                words.iter().map(String::as_str).filter(|w| distance(w, &word) <= 1).collect();
            prop_assert_eq!(found, expected);
        }
    }
}
