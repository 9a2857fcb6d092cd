//! The full-text index of the library (tantivy), with an analyser per language: English,
//! French and Spanish stemming, Chinese word segmentation (jieba). It is derived data: built
//! from the database by `kapok reindex` (and after imports), never the source of truth.
//!
//! Each build writes a new generation under `<data dir>/search/` and then switches the
//! `CURRENT` pointer atomically, so a server keeps answering from the old generation while a
//! new one is built (by itself or by another process) and picks the new one up on `refresh`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument};

use crate::domain::{InitiativeId, LangCode, Section, Texts};

/// The longest query accepted (characters).
pub const MAX_QUERY_CHARS: usize = 500;

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index files: {0}")]
    Io(#[from] std::io::Error),
    #[error("search index directory: {0}")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
}

/// The analysers, by the name the schema refers to.
const ANALYSED_LANGUAGES: &[(&str, &str)] =
    &[("en", "en_stem"), ("fr", "fr_stem"), ("es", "es_stem"), ("zh", "zh_jieba")];
const OTHER_LANGUAGES: &str = "other";

#[derive(Clone, Copy)]
struct LanguageFields {
    title: Field,
    body: Field,
}

#[derive(Clone)]
struct Fields {
    id: Field,
    /// One pair per analysed language, in `ANALYSED_LANGUAGES` order, then the fallback.
    languages: Vec<(&'static str, LanguageFields)>,
}

impl Fields {
    fn for_language(&self, lang: LangCode) -> LanguageFields {
        self.languages
            .iter()
            .find(|(code, _)| *code == lang.as_str())
            .or_else(|| self.languages.iter().find(|(code, _)| *code == OTHER_LANGUAGES))
            .map(|(_, fields)| *fields)
            .expect("the fallback language is always in the schema")
    }

    fn all_text(&self) -> Vec<Field> {
        self.languages.iter().flat_map(|(_, f)| [f.title, f.body]).collect()
    }
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let id = builder.add_u64_field("id", INDEXED | STORED | FAST);
    let text = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let mut languages = Vec::new();
    for (code, tokenizer) in ANALYSED_LANGUAGES.iter().chain(&[(OTHER_LANGUAGES, "default")]) {
        let title = builder.add_text_field(&format!("title_{code}"), text(tokenizer));
        let body = builder.add_text_field(&format!("body_{code}"), text(tokenizer));
        languages.push((*code, LanguageFields { title, body }));
    }
    (builder.build(), Fields { id, languages })
}

fn register_analysers(index: &Index) {
    let stemmed = |language| {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(Stemmer::new(language))
            // After stemming, so "écoles" and "ecoles" meet at the same stem.
            .filter(AsciiFoldingFilter)
            .build()
    };
    let tokenizers = index.tokenizers();
    tokenizers.register("fr_stem", stemmed(Language::French));
    tokenizers.register("es_stem", stemmed(Language::Spanish));
    tokenizers.register(
        "zh_jieba",
        TextAnalyzer::builder(tantivy_jieba::JiebaTokenizer::new())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .build(),
    );
}

/// One initiative to index: its id and its texts in every language it has.
pub struct SearchDocument {
    pub id: InitiativeId,
    pub texts: Texts,
}

/// Builds a new generation from `documents` and makes it current. Returns its name.
pub fn build(dir: &Path, documents: &[SearchDocument], progress: &dyn Fn(u64)) -> Result<String, SearchError> {
    std::fs::create_dir_all(dir)?;
    let generation = format!("g{}-{}", jiff::Timestamp::now().as_millisecond(), std::process::id());
    let path = dir.join(&generation);
    std::fs::create_dir_all(&path)?;
    let (schema, fields) = schema();
    let index = Index::create_in_dir(&path, schema)?;
    register_analysers(&index);
    let mut writer = index.writer::<TantivyDocument>(64 * 1024 * 1024)?;
    for (done, document) in documents.iter().enumerate() {
        let mut doc = TantivyDocument::default();
        doc.add_u64(fields.id, document.id.0 as u64);
        for (lang, text) in &document.texts {
            let target = fields.for_language(*lang);
            if let Some(title) = &text.title {
                doc.add_text(target.title, title);
            }
            for section in Section::ALL {
                if let Some(body) = text.section(*section) {
                    doc.add_text(target.body, body);
                }
            }
        }
        writer.add_document(doc)?;
        progress(done as u64 + 1);
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    // Switch atomically: write the pointer aside, then rename it over the old one.
    let pointer = dir.join("CURRENT");
    let staged = dir.join(format!("CURRENT.{generation}"));
    std::fs::write(&staged, &generation)?;
    std::fs::rename(&staged, &pointer)?;
    remove_old_generations(dir, &generation);
    Ok(generation)
}

/// Old generations are removed once the pointer has moved on; a reader that still has one
/// open keeps its files until it lets go (they are unlinked, not truncated).
fn remove_old_generations(dir: &Path, current: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('g') && name != current && entry.path().is_dir() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

struct Generation {
    name: String,
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

/// The index as the server reads it: the current generation, swapped on `refresh`.
pub struct Search {
    dir: PathBuf,
    current: RwLock<Option<Arc<Generation>>>,
}

impl Search {
    /// Opens the current generation under `dir`, if one was built.
    pub fn open(dir: &Path) -> Search {
        let search = Search { dir: dir.to_path_buf(), current: RwLock::new(None) };
        if let Err(error) = search.refresh() {
            tracing::warn!(%error, "the search index could not be opened; it will be rebuilt");
        }
        search
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether a generation is open.
    pub fn is_ready(&self) -> bool {
        self.current.read().map(|c| c.is_some()).unwrap_or(false)
    }

    /// Switches to the generation `CURRENT` names, if it changed. True when it switched.
    pub fn refresh(&self) -> Result<bool, SearchError> {
        let name = match std::fs::read_to_string(self.dir.join("CURRENT")) {
            Ok(name) => name.trim().to_string(),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            Err(error) => return Err(error.into()),
        };
        if self.current.read().ok().and_then(|c| c.as_ref().map(|g| g.name == name)).unwrap_or(false) {
            return Ok(false);
        }
        let index = Index::open_in_dir(self.dir.join(&name))?;
        register_analysers(&index);
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let (_, fields) = schema();
        let generation = Arc::new(Generation { name, index, reader, fields });
        if let Ok(mut current) = self.current.write() {
            *current = Some(generation);
        }
        Ok(true)
    }

    /// The ids of the best `limit` matches, best first; None while no index has been built.
    /// Any text is a valid query: syntax it cannot read is searched as plain words.
    pub fn search(&self, query: &str, limit: usize) -> Result<Option<Vec<InitiativeId>>, SearchError> {
        let Some(generation) = self.current.read().ok().and_then(|c| c.clone()) else {
            return Ok(None);
        };
        let mut parser = QueryParser::for_index(&generation.index, generation.fields.all_text());
        parser.set_conjunction_by_default();
        for (_, fields) in &generation.fields.languages {
            parser.set_field_boost(fields.title, 3.0);
        }
        let (parsed, _errors) = parser.parse_query_lenient(query);
        let searcher = generation.reader.searcher();
        let top = searcher.search(&parsed, &TopDocs::with_limit(limit.max(1)).order_by_score())?;
        let mut ids = Vec::with_capacity(top.len());
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(id) = doc.get_first(generation.fields.id).and_then(|v| v.as_u64()) {
                ids.push(InitiativeId(id as i64));
            }
        }
        Ok(Some(ids))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::InitiativeText;

    fn document(id: i64, lang: &str, title: &str, body: &str) -> SearchDocument {
        let text = InitiativeText { title: Some(title.into()), summary: Some(body.into()), ..Default::default() };
        SearchDocument { id: InitiativeId(id), texts: [(lang.parse().unwrap(), text)].into() }
    }

    #[test]
    fn each_language_is_analysed_in_its_own_way() {
        let dir = tempfile::tempdir().unwrap();
        let documents = [
            document(1, "en", "Community gardens", "Residents planted gardens on vacant lots."),
            document(2, "fr", "Rues aux écoles", "Des rues fermées aux voitures devant les écoles."),
            document(3, "es", "Manzanas del cuidado", "Servicios para las cuidadoras."),
            document(4, "zh", "垃圾分类", "广州市社区居民参与垃圾分类和回收利用。"),
            document(5, "pt", "Hortas urbanas", "Moradores cultivam hortas."),
        ];
        build(dir.path(), &documents, &|_| {}).unwrap();
        let search = Search::open(dir.path());
        let find = |q: &str| search.search(q, 10).unwrap().unwrap().into_iter().map(|id| id.0).collect::<Vec<_>>();
        assert_eq!(find("garden"), [1], "English stemming");
        assert_eq!(find("ecole"), [2], "French stemming and accent folding");
        assert_eq!(find("cuidadora"), [3], "Spanish stemming");
        assert_eq!(find("回收"), [4], "Chinese word segmentation");
        assert_eq!(find("社区"), [4]);
        assert_eq!(find("hortas"), [5], "other languages by their words");
        assert!(find("nothing-like-this").is_empty());
        // Unreadable syntax is searched as words, never an error.
        assert_eq!(find("\"gardens (("), [1]);
        assert_eq!(find("title_en:(gardens"), [1]);
    }

    #[test]
    fn a_rebuild_switches_readers_to_the_new_generation() {
        let dir = tempfile::tempdir().unwrap();
        let search = Search::open(dir.path());
        assert!(search.search("gardens", 10).unwrap().is_none(), "no index yet");
        build(dir.path(), &[document(1, "en", "Gardens", "")], &|_| {}).unwrap();
        assert!(search.refresh().unwrap());
        assert_eq!(search.search("gardens", 10).unwrap().unwrap(), [InitiativeId(1)]);
        build(dir.path(), &[document(7, "en", "Gardens again", "")], &|_| {}).unwrap();
        assert_eq!(
            search.search("gardens", 10).unwrap().unwrap(),
            [InitiativeId(1)],
            "the old generation until refresh"
        );
        assert!(search.refresh().unwrap());
        assert_eq!(search.search("gardens", 10).unwrap().unwrap(), [InitiativeId(7)]);
        assert!(!search.refresh().unwrap(), "nothing new");
        let generations =
            std::fs::read_dir(dir.path()).unwrap().filter(|e| e.as_ref().unwrap().path().is_dir()).count();
        assert_eq!(generations, 1, "old generations are removed");
    }
}
