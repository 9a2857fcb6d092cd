//! The full-text index of the library (tantivy): one document per published entry, with its
//! initiative's texts analysed per language (English, French and Spanish stemming, Chinese
//! word segmentation with jieba), the names of its governments, countries and themes, and its
//! facet values. It is derived data: built from the database by `kapok reindex` (and after
//! imports), never the source of truth.
//!
//! Each build writes a new generation under `<data dir>/search/` (the index, its facet
//! dictionary `facets.json` and a `FORMAT` marker) and then switches the `CURRENT` pointer
//! atomically, so a server keeps answering from the old generation while a new one is built
//! (by itself or by another process) and picks the new one up on `refresh`. A generation of
//! an older format is not opened: the server then rebuilds.
//!
//! Queries are parsed by [`query`] into a syntax tree, compiled into a tantivy query, and
//! answered in one pass that ranks, counts the total and counts facets (see `collect`).

mod collect;
mod compile;
mod dismax;
pub mod facets;
pub mod query;
pub mod snippet;
mod stem;
mod typos;

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use serde::{Deserialize, Serialize};
use tantivy::index::SegmentId;
use tantivy::query::{AllQuery, Query as TantivyQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::{AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument};

use crate::domain::{
    AwardId, CityId, Continent, EditionId, EntryId, EntryStatus, GovernmentLevel, HonourKind, InitiativeId,
    InitiativeSummary, LangCode, LocalizedText, Sdg, Section, Texts,
};

pub use collect::{Sort, SortKey};
pub use facets::{BadFilter, Facet, Filters, Label, Place};
pub use query::{MAX_QUERY_CHARS, Query, QueryError};

use collect::{LibraryCollector, Plan, SegmentFacets};
use compile::{Compiler, ThemeName};
use facets::{Dictionary, DictionaryBuilder};
use snippet::Highlighter;
use stem::{FirstLetterGate, MemoStemmer};
use typos::Typos;

/// Written into each generation; a generation without it (or with another) is rebuilt.
const FORMAT: &str = "kapok-library-5";

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index files: {0}")]
    Io(#[from] std::io::Error),
    #[error("search index directory: {0}")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
    #[error("search index facets: {0}")]
    Facets(#[from] serde_json::Error),
    #[error("the search index generation {0} has an older format and must be rebuilt")]
    Outdated(String),
}

/// The size of the stored documents' compressed blocks.
const DOCSTORE_BLOCK_BYTES: usize = 4_096;

/// The analysers, by the name the schema refers to; the last one takes every other language.
const LANGUAGES: &[(&str, &str)] =
    &[("en", "en_stem"), ("fr", "fr_stem"), ("es", "es_stem"), ("zh", "zh_jieba"), ("other", "default")];

#[derive(Clone, Copy)]
pub(crate) struct LanguageFields {
    pub code: &'static str,
    pub title: Field,
    pub body: Field,
}

#[derive(Clone)]
pub(crate) struct Fields {
    pub entry: Field,
    pub initiative: Field,
    /// The list item, as JSON.
    pub stored: Field,
    pub languages: Vec<LanguageFields>,
    /// The keys of the entry's themes.
    pub theme: Field,
    /// Every title's words as written (lower case, accents folded), for typo tolerance.
    pub title_words: Field,
    pub city_names: Field,
    pub country_names: Field,
    pub country_code: Field,
    pub year: Field,
    pub sdg: Field,
    pub rank: Field,
    /// By `Facet::index`.
    pub facets: Vec<Field>,
}

impl Fields {
    fn for_language(&self, lang: LangCode) -> LanguageFields {
        self.languages
            .iter()
            .find(|f| f.code == lang.as_str())
            .or_else(|| self.languages.last())
            .copied()
            .expect("the fallback language is always in the schema")
    }
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = |tokenizer: &str, stored: bool| {
        let options = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        if stored { options.set_stored() } else { options }
    };
    let entry = builder.add_u64_field("entry", INDEXED | STORED | FAST);
    // Indexed: an update deletes an initiative's documents by this term.
    let initiative = builder.add_u64_field("initiative", INDEXED | STORED | FAST);
    let stored = builder.add_text_field("stored", STORED);
    let mut languages = Vec::new();
    for (code, tokenizer) in LANGUAGES {
        let title = builder.add_text_field(&format!("title_{code}"), text(tokenizer, false));
        let body = builder.add_text_field(&format!("body_{code}"), text(tokenizer, true));
        languages.push(LanguageFields { code, title, body });
    }
    // Each theme's key, once a theme: the theme's names are matched against a query's words
    // when it is compiled (a few names, against postings as long as the library).
    let theme = builder.add_text_field(
        "theme",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default().set_tokenizer("raw").set_index_option(IndexRecordOption::WithFreqs),
        ),
    );
    let title_words = builder.add_text_field("title_words", text("place", false));
    let city_names = builder.add_text_field("city_names", text("place", false));
    let country_names = builder.add_text_field("country_names", text("place", false));
    let country_code = builder.add_text_field("country_code", STRING);
    let year = builder.add_u64_field("year", INDEXED | FAST);
    let sdg = builder.add_u64_field("sdg", INDEXED);
    let rank = builder.add_u64_field("rank", FAST);
    let facets = Facet::ALL.iter().map(|f| builder.add_u64_field(&f.field_name(), FAST)).collect();
    let fields = Fields {
        entry,
        initiative,
        stored,
        languages,
        theme,
        title_words,
        city_names,
        country_names,
        country_code,
        year,
        sdg,
        rank,
        facets,
    };
    (builder.build(), fields)
}

/// A stemmed language's analyser: the language's words, lower-cased, `gate` (see
/// [`FirstLetterGate`]; letting every word through where the index is analysed), stemmed, and
/// for French and Spanish folded to ASCII after stemming, so "écoles" and "ecoles" meet at the
/// same stem. English is analysed as tantivy's own `en_stem` (which this replaces), unfolded.
fn stemmed(language: Language, gate: FirstLetterGate) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(MemoStemmer::new(language, gate));
    if language == Language::English { builder.build() } else { builder.filter(AsciiFoldingFilter).build() }
}

/// The stemming language of the analyser registered as `tokenizer`, if it stems.
fn stemming_language(tokenizer: &str) -> Option<Language> {
    match tokenizer {
        "en_stem" => Some(Language::English),
        "fr_stem" => Some(Language::French),
        "es_stem" => Some(Language::Spanish),
        _ => None,
    }
}

/// The analyser for snippets in the body of language `code`: the field's own, with only the
/// words that may be the query's stemmed (`terms`: the query's words as that field analyses
/// them).
fn snippet_analyzer<'t>(
    index_analyzer: &TextAnalyzer,
    code: &str,
    terms: impl Iterator<Item = &'t str>,
) -> TextAnalyzer {
    let language = LANGUAGES.iter().find(|(c, _)| *c == code).and_then(|(_, tokenizer)| stemming_language(tokenizer));
    match language {
        Some(language) => stemmed(language, FirstLetterGate::for_terms(terms)),
        None => index_analyzer.clone(),
    }
}

fn register_analysers(index: &Index) {
    let tokenizers = index.tokenizers();
    for (_, tokenizer) in LANGUAGES {
        if let Some(language) = stemming_language(tokenizer) {
            tokenizers.register(tokenizer, stemmed(language, FirstLetterGate::open()));
        }
    }
    tokenizers.register(
        "zh_jieba",
        TextAnalyzer::builder(tantivy_jieba::JiebaTokenizer::new())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .build(),
    );
    // Place names: no stemming ("Paris" is not "pari"), accents folded ("Bogota" finds Bogotá).
    tokenizers.register(
        "place",
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
}

/// A government taking part in an initiative, as the index needs it.
#[derive(Debug, Clone)]
pub struct SearchGovernment {
    pub id: CityId,
    pub name: String,
    pub ascii_name: String,
    pub name_zh: Option<String>,
    pub country_code: String,
    pub country_names: LocalizedText,
    pub continent: Continent,
    /// Where it is, from the gazetteer (for the map).
    pub lat: f64,
    pub lng: f64,
}

/// One published entry to index: its list item, its initiative's texts in every language it
/// has, and what its facets and field filters need.
#[derive(Debug, Clone)]
pub struct SearchDocument {
    pub summary: InitiativeSummary,
    pub texts: Texts,
    pub award_id: AwardId,
    pub award_short_name: LocalizedText,
    pub level: GovernmentLevel,
    /// Lead government first.
    pub governments: Vec<SearchGovernment>,
    /// The entry's themes, named in the edition's languages.
    pub themes: Vec<LocalizedText>,
    pub sdgs: Vec<Sdg>,
}

/// The list item as the index stores it.
#[derive(Serialize, Deserialize)]
struct StoredEntry {
    id: InitiativeId,
    entry_id: EntryId,
    titles: BTreeMap<LangCode, Option<String>>,
    original_language: LangCode,
    city_id: CityId,
    city_name: String,
    city_name_zh: Option<String>,
    country_code: String,
    award_name: LocalizedText,
    edition_id: EditionId,
    year: i64,
    status: EntryStatus,
    public_votes: Option<i64>,
    honours: Vec<HonourKind>,
}

impl From<&InitiativeSummary> for StoredEntry {
    fn from(s: &InitiativeSummary) -> Self {
        StoredEntry {
            id: s.id,
            entry_id: s.entry_id,
            titles: s.titles.clone(),
            original_language: s.original_language,
            city_id: s.city_id,
            city_name: s.city_name.clone(),
            city_name_zh: s.city_name_zh.clone(),
            country_code: s.country_code.clone(),
            award_name: s.award_name.clone(),
            edition_id: s.edition_id,
            year: s.year,
            status: s.status,
            public_votes: s.public_votes,
            honours: s.honours.clone(),
        }
    }
}

impl From<StoredEntry> for InitiativeSummary {
    fn from(s: StoredEntry) -> Self {
        InitiativeSummary {
            id: s.id,
            entry_id: s.entry_id,
            titles: s.titles,
            original_language: s.original_language,
            city_id: s.city_id,
            city_name: s.city_name,
            city_name_zh: s.city_name_zh,
            country_code: s.country_code,
            award_name: s.award_name,
            edition_id: s.edition_id,
            year: s.year,
            status: s.status,
            public_votes: s.public_votes,
            honours: s.honours,
        }
    }
}

fn status_rank(status: EntryStatus) -> u64 {
    EntryStatus::ALL.iter().position(|s| *s == status).unwrap_or(0) as u64
}

/// The themes of `dictionary` with their names as each language's titles analyse them.
fn theme_names(dictionary: &Dictionary, fields: &Fields, analyzers: &HashMap<Field, TextAnalyzer>) -> Vec<ThemeName> {
    let typos = Typos::default();
    let compiler = Compiler { fields, analyzers, themes: &[], typos: &typos };
    let themes = dictionary.values(Facet::Theme).iter().filter_map(|value| match &value.label {
        Label::Text(names) => Some((value.key.as_str(), &**names)),
        _ => None,
    });
    compiler.theme_names(themes)
}

/// How a theme is known in URLs and in the index: its English name.
fn theme_key(theme: &LocalizedText) -> &str {
    theme.get(LangCode::EN)
}

/// The facet values of one document, as (dimension, key, label, natural order).
fn facet_values(document: &SearchDocument) -> Vec<(Facet, String, Label, i64)> {
    let summary = &document.summary;
    let mut values = vec![
        (Facet::Award, document.award_id.0.to_string(), Label::Text(Arc::new(summary.award_name.clone())), 0),
        (
            Facet::Edition,
            summary.edition_id.0.to_string(),
            Label::Text(Arc::new(LocalizedText(
                document
                    .award_short_name
                    .0
                    .iter()
                    .map(|(lang, name)| (*lang, format!("{name} {}", summary.year)))
                    .collect(),
            ))),
            summary.year * 1_000_000 + summary.edition_id.0.rem_euclid(1_000_000),
        ),
        (
            Facet::Status,
            summary.status.as_str().to_string(),
            Label::Message(format!("status-{}", summary.status)),
            status_rank(summary.status) as i64,
        ),
        (Facet::Year, summary.year.to_string(), Label::Plain(summary.year.to_string()), summary.year),
        (
            Facet::Level,
            document.level.as_str().to_string(),
            Label::Message(format!("level-{}", document.level)),
            -(GovernmentLevel::ALL.iter().position(|l| *l == document.level).unwrap_or(0) as i64),
        ),
    ];
    for government in &document.governments {
        let continent = government.continent.as_str();
        values.push((Facet::Continent, continent.to_string(), Label::Message(format!("continent-{continent}")), 0));
        values.push((
            Facet::Country,
            government.country_code.clone(),
            Label::Text(Arc::new(government.country_names.clone())),
            0,
        ));
        let mut names = LocalizedText::english(government.name.clone());
        if let Some(zh) = &government.name_zh {
            names.0.insert("zh".parse().expect("a language code"), zh.clone());
        }
        values.push((Facet::City, government.id.0.to_string(), Label::Text(Arc::new(names)), 0));
    }
    for theme in &document.themes {
        let key = theme_key(theme).to_string();
        if !key.is_empty() {
            values.push((Facet::Theme, key, Label::Text(Arc::new(theme.clone())), 0));
        }
    }
    for sdg in &document.sdgs {
        let n = sdg.number();
        values.push((Facet::Sdg, n.to_string(), Label::Message(format!("sdg-{n}")), -i64::from(n)));
    }
    values
}

fn to_document(fields: &Fields, dictionary: &Dictionary, document: &SearchDocument) -> TantivyDocument {
    let summary = &document.summary;
    let mut doc = TantivyDocument::default();
    doc.add_u64(fields.entry, summary.entry_id.0 as u64);
    doc.add_u64(fields.initiative, summary.id.0 as u64);
    doc.add_text(fields.stored, serde_json::to_string(&StoredEntry::from(summary)).unwrap_or_default());
    for (lang, text) in &document.texts {
        let target = fields.for_language(*lang);
        if let Some(title) = text.title.as_deref().filter(|t| !t.trim().is_empty()) {
            doc.add_text(target.title, title);
            doc.add_text(fields.title_words, title);
        }
        for section in Section::ALL {
            if let Some(body) = text.section(*section) {
                doc.add_text(target.body, body);
            }
        }
    }
    for theme in &document.themes {
        doc.add_text(fields.theme, theme_key(theme));
    }
    let mut places = BTreeSet::new();
    let mut countries = BTreeSet::new();
    for government in &document.governments {
        places.insert(government.name.as_str());
        places.insert(government.ascii_name.as_str());
        if let Some(zh) = &government.name_zh {
            places.insert(zh.as_str());
        }
        if countries.insert(government.country_code.as_str()) {
            doc.add_text(fields.country_code, &government.country_code);
            for name in government.country_names.0.values().collect::<BTreeSet<_>>() {
                doc.add_text(fields.country_names, name);
            }
        }
    }
    for place in places.into_iter().filter(|p| !p.is_empty()) {
        doc.add_text(fields.city_names, place);
    }
    doc.add_u64(fields.year, summary.year.max(0) as u64);
    for sdg in &document.sdgs {
        doc.add_u64(fields.sdg, u64::from(sdg.number()));
    }
    doc.add_u64(fields.rank, status_rank(summary.status));
    let mut seen = BTreeSet::new();
    for (facet, key, _, _) in facet_values(document) {
        if let Some(ordinal) = dictionary.ordinal(facet, &key)
            && seen.insert((facet, ordinal))
        {
            doc.add_u64(fields.facets[facet.index()], u64::from(ordinal));
        }
    }
    doc
}

/// Builds a new generation from `documents` and makes it current. Returns its name.
pub fn build(dir: &Path, documents: &[SearchDocument], progress: &dyn Fn(u64)) -> Result<String, SearchError> {
    build_snapshot(dir, documents, jiff::Timestamp::now().as_millisecond(), progress)
}

/// [`build`] for documents read from the database at `snapshot` (Unix milliseconds, taken just
/// before the read). The generation's name starts with it ([`snapshot_of`]), so a server that
/// updated its own generation meanwhile knows which of its updates the new one may lack.
pub fn build_snapshot(
    dir: &Path,
    documents: &[SearchDocument],
    snapshot: i64,
    progress: &dyn Fn(u64),
) -> Result<String, SearchError> {
    std::fs::create_dir_all(dir)?;
    static SEQUENCE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let sequence = SEQUENCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let generation = format!("g{snapshot}-{}-{sequence}", std::process::id());
    let path = dir.join(&generation);
    std::fs::create_dir_all(&path)?;
    let (schema, fields) = schema();
    // Smaller blocks than tantivy's 16 KB: a result page reads ten documents here and there,
    // and each read decompresses its whole block.
    let settings = tantivy::IndexSettings { docstore_blocksize: DOCSTORE_BLOCK_BYTES, ..Default::default() };
    let index = Index::builder().schema(schema).settings(settings).create_in_dir(&path)?;
    register_analysers(&index);
    let mut builder = DictionaryBuilder::default();
    for document in documents {
        for (facet, key, label, order) in facet_values(document) {
            builder.add(facet, key, label, order);
        }
        for government in &document.governments {
            let place = Place { lat: government.lat, lng: government.lng, country: government.country_code.clone() };
            builder.place(government.id.0.to_string(), place);
        }
    }
    let dictionary = builder.build();
    let mut writer = index.writer::<TantivyDocument>(64 * 1024 * 1024)?;
    for (done, document) in documents.iter().enumerate() {
        writer.add_document(to_document(&fields, &dictionary, document))?;
        progress(done as u64 + 1);
    }
    writer.commit()?;
    // One segment: much of a search's cost is paid once per segment (looking its words up,
    // running the typo automata over its dictionary, starting the collector), and the indexing
    // threads leave several.
    let segments = index.searchable_segment_ids()?;
    if segments.len() > 1 {
        writer.merge(&segments).wait()?;
    }
    writer.wait_merging_threads()?;
    std::fs::write(path.join("facets.json"), serde_json::to_vec(&dictionary)?)?;
    std::fs::write(path.join("FORMAT"), FORMAT)?;
    // Switch atomically: write the pointer aside, then rename it over the old one.
    let pointer = dir.join("CURRENT");
    let staged = dir.join(format!("CURRENT.{generation}"));
    std::fs::write(&staged, &generation)?;
    std::fs::rename(&staged, &pointer)?;
    remove_old_generations(dir, &generation);
    Ok(generation)
}

/// When the documents of generation `name` were read from the database (Unix milliseconds).
pub fn snapshot_of(name: &str) -> Option<i64> {
    name.strip_prefix('g')?.split('-').next()?.parse().ok()
}

/// Old generations are removed once the pointer has moved on; a reader that still has one
/// open keeps its files until it lets go (they are unlinked, not truncated). A generation
/// started after the current one is another build still in progress, and is left alone.
fn remove_old_generations(dir: &Path, current: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let started = snapshot_of;
    let current_started = started(current).unwrap_or(i64::MAX);
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let older = started(&name).is_none_or(|s| s <= current_started);
        if name.starts_with('g') && name != current && older && entry.path().is_dir() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Which part of the ordered results to return.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Window {
    /// Skip `offset` results (page numbers).
    Offset { offset: usize, limit: usize },
    /// The results after this one (cursors).
    After { key: SortKey, limit: usize },
}

/// One search of the library.
pub struct SearchRequest<'a> {
    /// None: every published entry.
    pub query: Option<&'a Query>,
    pub filters: &'a Filters,
    pub sort: Sort,
    pub window: Window,
    /// Languages whose texts snippets are taken from first.
    pub languages: &'a [&'a str],
    /// The most values listed per facet (the selected ones are always listed).
    pub facet_limit: usize,
}

/// One result: the list item, a snippet (HTML: escaped text with `<mark>` around matches) and
/// its place in the order (for cursors).
#[derive(Debug, Clone)]
pub struct Hit {
    pub summary: InitiativeSummary,
    pub snippet: Option<String>,
    pub key: SortKey,
}

/// A facet value with the number of results it would give (see `collect` for how selections
/// in other dimensions count).
#[derive(Debug, Clone)]
pub struct ValueCount {
    pub key: String,
    pub label: Label,
    pub count: u64,
    pub selected: bool,
    /// Where a city is (city values only).
    pub place: Option<Place>,
}

#[derive(Debug, Clone)]
pub struct FacetCounts {
    pub facet: Facet,
    pub values: Vec<ValueCount>,
}

#[derive(Debug, Clone)]
pub struct SearchResults {
    pub total: usize,
    /// Whether results follow the last hit.
    pub more_after: bool,
    pub hits: Vec<Hit>,
    /// Every dimension, in `Facet::ALL` order.
    pub facets: Vec<FacetCounts>,
}

/// Every published entry in one order, and the facet counts of them all.
struct Everything {
    order: Vec<(SortKey, DocAddress)>,
    counts: Vec<Vec<u32>>,
}

struct Generation {
    name: String,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    analyzers: HashMap<Field, TextAnalyzer>,
    /// What searches read; replaced after each update of this generation.
    view: RwLock<Arc<View>>,
}

/// One committed state of a generation: a searcher, the facet dictionary its documents were
/// written with, and what the collector reads of each of its segments. Everything a search
/// takes comes from one view, so document addresses and unpacked arrays always agree.
struct View {
    searcher: Searcher,
    dictionary: Arc<Dictionary>,
    /// Per dimension (in `Facet::ALL` order), how many values the dictionary has: what a
    /// search's counts are sized by, taken once per view.
    cardinalities: Arc<[usize]>,
    /// The dictionary's themes, their names analysed: what a query's words are matched against.
    themes: Vec<ThemeName>,
    /// The words of titles and city names, for the words one typo away from a query's.
    typos: Typos,
    /// Per dimension, per ordinal: where the value's key comes in the dimension's keys (facet
    /// lists break ties by key, and comparing numbers is cheaper than comparing names).
    key_ranks: Vec<Vec<u32>>,
    /// Per dimension, how many values the collector's layout has room for (at least the
    /// dictionary's cardinality): values an update appends fit without unpacking every
    /// segment again.
    capacities: Vec<usize>,
    /// Each segment's facet values and sort keys, unpacked, by segment ordinal; a segment an
    /// update left alone (or only deleted from: deleted documents keep their ids, and tantivy's
    /// collection skips them) is shared with the previous view.
    segments: Arc<Vec<Arc<SegmentFacets>>>,
    segment_ids: Vec<SegmentId>,
    /// The unfiltered library, newest first and oldest first, computed on first use.
    everything: [OnceLock<Everything>; 2],
}

impl View {
    /// The view of `searcher`, reusing what `previous` unpacked of the same segments.
    fn load(
        searcher: Searcher,
        dictionary: Arc<Dictionary>,
        themes: Vec<ThemeName>,
        fields: &Fields,
        previous: Option<&View>,
    ) -> tantivy::Result<View> {
        let cardinalities: Arc<[usize]> = Facet::ALL.iter().map(|f| dictionary.cardinality(*f)).collect();
        let reuse = previous.filter(|p| cardinalities.iter().zip(&p.capacities).all(|(n, room)| n <= room));
        let capacities = match reuse {
            Some(previous) => previous.capacities.clone(),
            None => cardinalities.iter().map(|n| n + n / 4 + 16).collect(),
        };
        let mut segments = Vec::new();
        let mut segment_ids = Vec::new();
        for reader in searcher.segment_readers() {
            let id = reader.segment_id();
            let known = reuse.and_then(|p| p.segment_ids.iter().position(|s| *s == id).map(|i| p.segments[i].clone()));
            segments.push(match known {
                Some(facets) => facets,
                None => Arc::new(SegmentFacets::load(reader, &capacities)?),
            });
            segment_ids.push(id);
        }
        let key_ranks = Facet::ALL
            .iter()
            .map(|facet| {
                let values = dictionary.values(*facet);
                let mut by_key: Vec<usize> = (0..values.len()).collect();
                by_key.sort_by(|a, b| values[*a].key.cmp(&values[*b].key));
                let mut ranks = vec![0u32; values.len()];
                for (rank, ordinal) in by_key.into_iter().enumerate() {
                    ranks[ordinal] = rank as u32;
                }
                ranks
            })
            .collect();
        let typos = Typos::load(&searcher, &[fields.title_words, fields.city_names])?;
        Ok(View {
            searcher,
            dictionary,
            themes,
            typos,
            cardinalities,
            key_ranks,
            capacities,
            segments: Arc::new(segments),
            segment_ids,
            everything: Default::default(),
        })
    }
}

/// Why an update was not made to the current generation.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    #[error("no search index generation is open")]
    NoIndex,
    /// Another writer (another process) holds tantivy's lock on the generation.
    #[error("another writer holds search index generation {0}")]
    Busy(String),
    /// `CURRENT` named another generation by the time the update was committed.
    #[error("the search index moved on to generation {0} during the update")]
    Moved(String),
    /// The documents to write could not be read.
    #[error("reading the documents to update: {0}")]
    Source(String),
    #[error(transparent)]
    Search(#[from] SearchError),
}

impl From<tantivy::TantivyError> for UpdateError {
    fn from(error: tantivy::TantivyError) -> Self {
        UpdateError::Search(error.into())
    }
}

/// What an update changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Updated {
    pub generation: String,
    /// Documents written (the published entries of the initiatives updated).
    pub documents: usize,
}

/// The index as the server reads it: the current generation, swapped on `refresh`.
pub struct Search {
    dir: PathBuf,
    current: RwLock<Option<Arc<Generation>>>,
    /// The writer of the generation this process updates (tantivy's lock on it), opened on the
    /// first update and moved to another generation when `CURRENT` moves.
    writer: Mutex<Option<(String, IndexWriter)>>,
}

impl Search {
    /// Opens the current generation under `dir`, if one was built.
    pub fn open(dir: &Path) -> Search {
        let search = Search { dir: dir.to_path_buf(), current: RwLock::new(None), writer: Mutex::new(None) };
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

    /// The name of the open generation (it changes with every rebuild, not with updates).
    pub fn generation(&self) -> Option<String> {
        self.current.read().ok().and_then(|c| c.as_ref().map(|g| g.name.clone()))
    }

    /// The generation `CURRENT` names now.
    fn pointer(&self) -> Result<Option<String>, std::io::Error> {
        match std::fs::read_to_string(self.dir.join("CURRENT")) {
            Ok(name) => Ok(Some(name.trim().to_string())),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Switches to the generation `CURRENT` names, if it changed. True when it switched.
    pub fn refresh(&self) -> Result<bool, SearchError> {
        let Some(name) = self.pointer()? else {
            return Ok(false);
        };
        if self.current.read().ok().and_then(|c| c.as_ref().map(|g| g.name == name)).unwrap_or(false) {
            return Ok(false);
        }
        let path = self.dir.join(&name);
        match std::fs::read_to_string(path.join("FORMAT")) {
            Ok(format) if format.trim() == FORMAT => {}
            _ => return Err(SearchError::Outdated(name)),
        }
        let index = Index::open_in_dir(&path)?;
        register_analysers(&index);
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let mut dictionary: Dictionary = serde_json::from_slice(&std::fs::read(path.join("facets.json"))?)?;
        dictionary.index_keys();
        let (_, fields) = schema();
        let mut analyzers = HashMap::new();
        let text_fields = fields.languages.iter().flat_map(|l| [l.title, l.body]).chain([
            fields.title_words,
            fields.city_names,
            fields.country_names,
        ]);
        for field in text_fields {
            analyzers.insert(field, index.tokenizer_for_field(field)?);
        }
        let themes = theme_names(&dictionary, &fields, &analyzers);
        let view = View::load(reader.searcher(), Arc::new(dictionary), themes, &fields, None)?;
        let generation =
            Arc::new(Generation { name, index, reader, fields, analyzers, view: RwLock::new(Arc::new(view)) });
        if let Ok(mut current) = self.current.write() {
            *current = Some(generation);
        }
        Ok(true)
    }

    /// Replaces the documents of `initiatives` in the current generation by `documents` (the
    /// fresh documents of those still published; an initiative without any is only deleted),
    /// commits, and switches readers to the result. Blocks (tantivy's commit): call it off the
    /// async runtime. The facet dictionary only grows, so ordinals already written stay valid.
    pub fn update(&self, initiatives: &[InitiativeId], documents: &[SearchDocument]) -> Result<Updated, UpdateError> {
        let generation = self.current.read().ok().and_then(|c| c.clone()).ok_or(UpdateError::NoIndex)?;
        let mut slot = self.writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if slot.as_ref().is_none_or(|(name, _)| *name != generation.name) {
            // Let go of the previous generation's lock before taking this one's.
            *slot = None;
            let writer = match generation.index.writer_with_num_threads::<TantivyDocument>(1, 32 * 1024 * 1024) {
                Ok(writer) => writer,
                Err(tantivy::TantivyError::LockFailure(tantivy::directory::error::LockError::LockBusy, _)) => {
                    return Err(UpdateError::Busy(generation.name.clone()));
                }
                Err(error) => return Err(error.into()),
            };
            *slot = Some((generation.name.clone(), writer));
        }
        let Some((_, writer)) = slot.as_mut() else {
            return Err(UpdateError::NoIndex);
        };
        let view = generation.view();
        let mut dictionary = (*view.dictionary).clone();
        let mut grew = false;
        for document in documents {
            for (facet, key, label, order) in facet_values(document) {
                grew |= dictionary.upsert(facet, key, label, order);
            }
            for government in &document.governments {
                let place =
                    Place { lat: government.lat, lng: government.lng, country: government.country_code.clone() };
                grew |= dictionary.set_place(&government.id.0.to_string(), place);
            }
        }
        if grew {
            // Written before the commit: a dictionary with values no document has yet is
            // harmless (they count zero), documents with values it lacks would not be.
            let path = self.dir.join(&generation.name);
            let staged = path.join("facets.json.next");
            std::fs::write(&staged, serde_json::to_vec(&dictionary).map_err(SearchError::from)?)
                .map_err(SearchError::from)?;
            std::fs::rename(&staged, path.join("facets.json")).map_err(SearchError::from)?;
        }
        for initiative in initiatives {
            writer.delete_term(tantivy::Term::from_field_u64(generation.fields.initiative, initiative.0 as u64));
        }
        let written = (|| {
            for document in documents {
                writer.add_document(to_document(&generation.fields, &dictionary, document))?;
            }
            writer.commit()
        })();
        if let Err(error) = written {
            // A writer whose commit failed is not used again: the next update opens a new one.
            *slot = None;
            return Err(error.into());
        }
        match self.pointer().map_err(SearchError::from)? {
            Some(name) if name == generation.name => {}
            other => {
                *slot = None;
                return Err(UpdateError::Moved(other.unwrap_or_default()));
            }
        }
        generation.reader.reload()?;
        let themes = theme_names(&dictionary, &generation.fields, &generation.analyzers);
        let next =
            View::load(generation.reader.searcher(), Arc::new(dictionary), themes, &generation.fields, Some(&view))?;
        if let Ok(mut current) = generation.view.write() {
            *current = Arc::new(next);
        }
        Ok(Updated { generation: generation.name.clone(), documents: documents.len() })
    }

    /// Searches the current generation; None while no index has been built.
    pub fn search(&self, request: &SearchRequest<'_>) -> Result<Option<SearchResults>, SearchError> {
        let Some(generation) = self.current.read().ok().and_then(|c| c.clone()) else {
            return Ok(None);
        };
        generation.search(request).map(Some)
    }

    /// The published initiatives whose texts are most like those of the initiative with the
    /// published entries `entries` (its titles and sections in every language, weighed by
    /// tf-idf: tantivy's more-like-this), best first, one list item per initiative, never the
    /// initiative itself. None while no index has been built.
    pub fn related(
        &self,
        initiative: InitiativeId,
        entries: &[EntryId],
        limit: usize,
    ) -> Result<Option<Vec<InitiativeSummary>>, SearchError> {
        let Some(generation) = self.current.read().ok().and_then(|c| c.clone()) else {
            return Ok(None);
        };
        generation.related(initiative, entries, limit).map(Some)
    }
}

impl Generation {
    fn view(&self) -> Arc<View> {
        match self.view.read() {
            Ok(view) => view.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn compiler<'a>(&'a self, view: &'a View) -> Compiler<'a> {
        Compiler { fields: &self.fields, analyzers: &self.analyzers, themes: &view.themes, typos: &view.typos }
    }

    /// The whole library in one order (newest or oldest first) and its facet counts, computed
    /// once per view: the unfiltered page is the most asked for, and needs no search.
    fn everything<'v>(&self, view: &'v View, oldest: bool) -> Result<&'v Everything, SearchError> {
        let slot = &view.everything[usize::from(oldest)];
        if let Some(everything) = slot.get() {
            return Ok(everything);
        }
        let plan = Plan {
            sort: if oldest { Sort::Oldest } else { Sort::Newest },
            want: usize::MAX,
            after: None,
            scoring: false,
            filters: vec![None; Facet::ALL.len()],
            count: true,
            cardinalities: view.cardinalities.clone(),
            capacities: view.capacities.clone(),
            segments: view.segments.clone(),
        };
        let harvest = view.searcher.search(&AllQuery, &LibraryCollector { plan: Arc::new(plan) })?;
        let _ = slot.set(Everything { order: harvest.top, counts: harvest.counts });
        Ok(slot.get().expect("just set"))
    }

    fn search(&self, request: &SearchRequest<'_>) -> Result<SearchResults, SearchError> {
        let view = self.view();
        let searcher = &view.searcher;
        let compiler = self.compiler(&view);
        let (offset, limit, after) = match request.window {
            Window::Offset { offset, limit } => (offset, limit, None),
            Window::After { key, limit } => (0, limit, Some(key)),
        };
        let highlighter = Highlighter::new(&compiler, request.query);
        if request.query.is_none() && request.filters.is_empty() {
            // Without words every score is equal: best match first is newest first.
            let everything = self.everything(&view, request.sort == Sort::Oldest)?;
            let order = &everything.order;
            let start = match after {
                None => offset.min(order.len()),
                Some(key) => order.partition_point(|(k, _)| request.sort.compare(k, &key) != Ordering::Greater),
            };
            let page = &order[start..(start.saturating_add(limit)).min(order.len())];
            let hits = self.hits(searcher, &highlighter, page, request.languages)?;
            let facets = all_facet_counts(&view, &everything.counts, request);
            let more_after = start + page.len() < order.len();
            return Ok(SearchResults { total: order.len(), more_after, hits, facets });
        }
        let filters: Vec<Option<Vec<bool>>> = Facet::ALL
            .iter()
            .map(|facet| {
                let mut keys = request.filters.values(*facet).peekable();
                keys.peek()?;
                let mut allowed = vec![false; view.cardinalities[facet.index()]];
                for key in keys {
                    if let Some(ordinal) = view.dictionary.ordinal(*facet, key) {
                        allowed[ordinal as usize] = true;
                    }
                }
                Some(allowed)
            })
            .collect();
        let plan = Plan {
            sort: request.sort,
            want: offset.saturating_add(limit),
            after,
            scoring: request.sort == Sort::Relevance && request.query.is_some(),
            filters,
            count: true,
            cardinalities: view.cardinalities.clone(),
            capacities: view.capacities.clone(),
            segments: view.segments.clone(),
        };
        let collector = LibraryCollector { plan: Arc::new(plan) };
        let harvest = match request.query {
            Some(query) => searcher.search(&*compiler.compile(query), &collector)?,
            None => {
                let mut harvest = collector.harvest_filters_only(searcher)?;
                // One filtered dimension: its disjunctive counts are the whole library's.
                if let Some(only) = collector.plan.only_filtered()
                    && collector.plan.count
                {
                    harvest.counts[only] = self.everything(&view, false)?.counts[only].clone();
                }
                harvest
            }
        };
        let page = &harvest.top[offset.min(harvest.top.len())..];
        let page = &page[..limit.min(page.len())];
        let hits = self.hits(searcher, &highlighter, page, request.languages)?;
        let facets = all_facet_counts(&view, &harvest.counts, request);
        // The total counts every match, also with a cursor (only the kept results are after it).
        let more_after = harvest.beyond > offset + page.len();
        Ok(SearchResults { total: harvest.total, more_after, hits, facets })
    }

    fn related(
        &self,
        initiative: InitiativeId,
        entries: &[EntryId],
        limit: usize,
    ) -> Result<Vec<InitiativeSummary>, SearchError> {
        use tantivy::collector::TopDocs;
        use tantivy::query::{BooleanQuery, MoreLikeThisQuery, Occur, TermQuery};
        use tantivy::schema::OwnedValue;

        let view = self.view();
        let searcher = &view.searcher;
        let entry_term = |entry: &EntryId| tantivy::Term::from_field_u64(self.fields.entry, entry.0 as u64);
        // The texts of one of its documents (each entry's document holds the same texts).
        let mut source = None;
        for entry in entries {
            let query = TermQuery::new(entry_term(entry), IndexRecordOption::Basic);
            if let Some((_, address)) =
                searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?.into_iter().next()
            {
                source = Some(address);
                break;
            }
        }
        let Some(address) = source else {
            return Ok(Vec::new());
        };
        let doc: TantivyDocument = searcher.doc(address)?;
        let mut fields: Vec<(Field, Vec<OwnedValue>)> = Vec::new();
        if let Some(stored) = doc.get_first(self.fields.stored).and_then(|v| v.as_str()) {
            let summary: StoredEntry = serde_json::from_str(stored)?;
            for (lang, title) in &summary.titles {
                if let Some(title) = title {
                    let field = self.fields.for_language(*lang).title;
                    fields.push((field, vec![OwnedValue::Str(title.clone())]));
                }
            }
        }
        for language in &self.fields.languages {
            let bodies: Vec<OwnedValue> =
                doc.get_all(language.body).filter_map(|v| v.as_str()).map(|t| OwnedValue::Str(t.to_string())).collect();
            if !bodies.is_empty() {
                fields.push((language.body, bodies));
            }
        }
        if fields.is_empty() {
            return Ok(Vec::new());
        }
        let documents: u64 = searcher.segment_readers().iter().map(|s| u64::from(s.num_docs())).sum();
        let similar = MoreLikeThisQuery::builder()
            // A word only this initiative has relates it to nothing; one most texts have, to
            // everything.
            .with_min_doc_frequency(2)
            // Never more than the live documents: a word's frequency still counts deleted
            // documents until segments merge, and tantivy's idf panics on one above the total.
            .with_max_doc_frequency((documents / 3).max(10).min(documents))
            // Summaries are short: a word said once counts.
            .with_min_term_frequency(1)
            .with_max_query_terms(30)
            .with_min_word_length(3)
            .with_max_word_length(40)
            .with_document_fields(fields);
        let mut clauses: Vec<(Occur, Box<dyn TantivyQuery>)> = vec![(Occur::Must, Box::new(similar))];
        for entry in entries {
            clauses.push((Occur::MustNot, Box::new(TermQuery::new(entry_term(entry), IndexRecordOption::Basic))));
        }
        let query = BooleanQuery::new(clauses);
        // An initiative in several editions has several documents: take enough to fill the list.
        let top = searcher.search(&query, &TopDocs::with_limit(limit * 4 + 8).order_by_score())?;
        let mut seen = BTreeSet::from([initiative]);
        let mut related = Vec::with_capacity(limit);
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let Some(stored) = doc.get_first(self.fields.stored).and_then(|v| v.as_str()) else {
                continue;
            };
            let summary: StoredEntry = serde_json::from_str(stored)?;
            if seen.insert(summary.id) {
                related.push(InitiativeSummary::from(summary));
                if related.len() == limit {
                    break;
                }
            }
        }
        Ok(related)
    }

    /// The list items of `page`, with their snippets.
    fn hits(
        &self,
        searcher: &Searcher,
        highlighter: &Highlighter,
        page: &[(SortKey, DocAddress)],
        languages: &[&str],
    ) -> Result<Vec<Hit>, SearchError> {
        let mut hits = Vec::with_capacity(page.len());
        for (key, address) in page.iter().copied() {
            let doc: TantivyDocument = searcher.doc(address)?;
            let Some(stored) = doc.get_first(self.fields.stored).and_then(|v| v.as_str()) else {
                continue;
            };
            let summary: StoredEntry = serde_json::from_str(stored)?;
            let mut prefer: Vec<&str> = languages.to_vec();
            prefer.push(summary.original_language.as_str());
            let snippet = highlighter.snippet(&doc, &prefer);
            hits.push(Hit { summary: summary.into(), snippet, key });
        }
        Ok(hits)
    }
}

fn all_facet_counts(view: &View, counts: &[Vec<u32>], request: &SearchRequest<'_>) -> Vec<FacetCounts> {
    Facet::ALL
        .iter()
        .map(|facet| {
            let key_ranks = &view.key_ranks[facet.index()];
            facet_counts(&view.dictionary, key_ranks, *facet, counts, request.filters, request.facet_limit)
        })
        .collect()
}

fn facet_counts(
    dictionary: &Dictionary,
    key_ranks: &[u32],
    facet: Facet,
    counts: &[Vec<u32>],
    filters: &Filters,
    limit: usize,
) -> FacetCounts {
    let values = dictionary.values(facet);
    let counts = counts.get(facet.index()).map(Vec::as_slice).unwrap_or(&[]);
    // The selected values' ordinals; selected values this generation does not know still
    // show, so they can be removed.
    let (mut selection, mut unknown) = (Vec::new(), Vec::new());
    for key in filters.values(facet) {
        match dictionary.ordinal(facet, key) {
            Some(ordinal) => selection.push(ordinal as usize),
            None => unknown.push(key),
        }
    }
    let known = counts.len().min(values.len());
    // The most frequent values (and every selected one), then in the dimension's order.
    let selected = selection.iter().filter(|i| **i < known).count() + unknown.len();
    let keep = limit.max(selected).saturating_sub(unknown.len());
    // Ties go to the first key (not the first ordinal: updates append values out of order).
    let best = |a: &(usize, u32, bool), b: &(usize, u32, bool)| {
        b.2.cmp(&a.2).then(b.1.cmp(&a.1)).then_with(|| key_ranks.get(a.0).cmp(&key_ranks.get(b.0)))
    };
    // The `keep` best (value index, count, selected), kept as the values are read: a dimension
    // such as cities has thousands of values, and only these are cloned. While there is room,
    // every value is kept, in order of ordinals; once the list could fill, best first.
    let ranked = keep < known;
    let mut kept: Vec<(usize, u32, bool)> = Vec::with_capacity(keep.min(known) + 1);
    for (i, count) in counts[..known].iter().enumerate() {
        let selected = !selection.is_empty() && selection.contains(&i);
        if *count == 0 && !selected {
            continue;
        }
        let candidate = (i, *count, selected);
        if !ranked {
            kept.push(candidate);
            continue;
        }
        if kept.len() == keep {
            match kept.last() {
                Some(worst) if best(&candidate, worst) == Ordering::Less => {
                    kept.pop();
                }
                _ => continue,
            }
        }
        let at = kept.partition_point(|k| best(k, &candidate) == Ordering::Less);
        kept.insert(at, candidate);
    }
    let mut listed: Vec<(ValueCount, i64)> = kept
        .into_iter()
        .map(|(i, count, selected)| {
            let value = &values[i];
            let listed = ValueCount {
                key: value.key.clone(),
                label: value.label.clone(),
                count: u64::from(count),
                selected,
                place: value.place.clone(),
            };
            (listed, value.order)
        })
        .collect();
    for key in unknown {
        let value = ValueCount {
            key: key.to_string(),
            label: Label::Plain(key.to_string()),
            count: 0,
            selected: true,
            place: None,
        };
        listed.push((value, i64::MIN));
    }
    let natural = matches!(facet, Facet::Year | Facet::Edition | Facet::Status | Facet::Sdg | Facet::Level);
    if natural {
        listed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.key.cmp(&b.0.key)));
    } else {
        listed.sort_by(|a, b| b.0.count.cmp(&a.0.count).then(a.0.key.cmp(&b.0.key)));
    }
    FacetCounts { facet, values: listed.into_iter().map(|(v, _)| v).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::InitiativeText;

    fn government(
        id: i64,
        name: &str,
        zh: Option<&str>,
        country: &str,
        country_en: &str,
        continent: Continent,
    ) -> SearchGovernment {
        SearchGovernment {
            id: CityId(id),
            name: name.into(),
            ascii_name: name.into(),
            name_zh: zh.map(Into::into),
            country_code: country.into(),
            country_names: LocalizedText::english(country_en),
            continent,
            lat: id as f64,
            lng: -10.0 * id as f64,
        }
    }

    struct Doc {
        id: i64,
        lang: &'static str,
        title: &'static str,
        body: &'static str,
        year: i64,
        status: EntryStatus,
        city: SearchGovernment,
        sdgs: Vec<u8>,
        theme: Option<&'static str>,
    }

    fn document(d: Doc) -> SearchDocument {
        let lang: LangCode = d.lang.parse().unwrap();
        let text = InitiativeText { title: Some(d.title.into()), summary: Some(d.body.into()), ..Default::default() };
        SearchDocument {
            summary: InitiativeSummary {
                id: InitiativeId(d.id),
                entry_id: EntryId(d.id * 10),
                titles: [(lang, Some(d.title.to_string()))].into(),
                original_language: lang,
                city_id: d.city.id,
                city_name: d.city.name.clone(),
                city_name_zh: d.city.name_zh.clone(),
                country_code: d.city.country_code.clone(),
                award_name: LocalizedText::english("Test Award"),
                edition_id: EditionId(d.year - 2000),
                year: d.year,
                status: d.status,
                public_votes: None,
                honours: Vec::new(),
            },
            texts: [(lang, text)].into(),
            award_id: AwardId(1),
            award_short_name: LocalizedText::english("Test"),
            level: GovernmentLevel::Municipal,
            governments: vec![d.city],
            themes: d.theme.map(|t| vec![LocalizedText::english(t)]).unwrap_or_default(),
            sdgs: d.sdgs.into_iter().map(|n| Sdg::new(n.into()).unwrap()).collect(),
        }
    }

    pub(super) fn analysed(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut words = Vec::new();
        while let Some(token) = stream.next() {
            words.push(token.text.clone());
        }
        words
    }

    /// What the snippets' gate relies on, over the demo library's texts (several languages):
    /// a stem starts with its word's first ASCII character, so the gate only blanks words that
    /// cannot stem to a query's word, and leaves every other word's stem as it was.
    #[test]
    fn stems_keep_the_first_letter_so_snippets_stem_only_words_that_may_match() {
        let demo = crate::gazetteer::gunzip(include_bytes!("../../data/demo/initiatives.jsonl.gz")).unwrap();
        let text = &demo[..demo.floor_char_boundary(3_000_000)];
        let mut lower = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .build();
        let words = analysed(&mut lower, text);
        for language in [Language::English, Language::French, Language::Spanish] {
            let stems = analysed(&mut stemmed(language, FirstLetterGate::open()), text);
            assert_eq!(stems.len(), words.len());
            for (word, stem) in words.iter().zip(&stems) {
                if let Some(first) = word.bytes().next().filter(u8::is_ascii) {
                    assert_eq!(stem.bytes().next(), Some(first), "{language:?}: {word} -> {stem}");
                }
            }
            let terms = ["water", "gestion", "residu", "ecol"];
            let gated = analysed(&mut stemmed(language, FirstLetterGate::for_terms(terms.into_iter())), text);
            let mut blanked = 0;
            for (stem, gated) in stems.iter().zip(&gated) {
                if gated.is_empty() && !stem.is_empty() {
                    blanked += 1;
                    assert!(!terms.contains(&stem.as_str()), "{language:?}: {stem} is a query word");
                } else {
                    assert_eq!(gated, stem);
                }
            }
            assert!(
                blanked > words.len() / 2,
                "{language:?}: most words are not stemmed ({blanked} of {})",
                words.len()
            );
        }
    }

    fn corpus() -> Vec<SearchDocument> {
        use Continent::*;
        vec![
            document(Doc {
                id: 1,
                lang: "en",
                title: "Community gardens",
                body: "Residents planted gardens on vacant lots.",
                year: 2021,
                status: EntryStatus::Winner,
                city: government(1, "Bogotá", Some("波哥大"), "CO", "Colombia", SouthAmerica),
                sdgs: vec![2, 11],
                theme: Some("Food systems"),
            }),
            document(Doc {
                id: 2,
                lang: "fr",
                title: "Rues aux écoles",
                body: "Des rues fermées aux voitures devant les écoles.",
                year: 2023,
                status: EntryStatus::Valid,
                city: government(2, "Lyon", Some("里昂"), "FR", "France", Europe),
                sdgs: vec![11],
                theme: None,
            }),
            document(Doc {
                id: 3,
                lang: "es",
                title: "Manzanas del cuidado",
                body: "Servicios para las cuidadoras.",
                year: 2023,
                status: EntryStatus::Deserving,
                city: government(1, "Bogotá", Some("波哥大"), "CO", "Colombia", SouthAmerica),
                sdgs: vec![5],
                theme: None,
            }),
            document(Doc {
                id: 4,
                lang: "zh",
                title: "垃圾分类",
                body: "广州市社区居民参与垃圾分类和回收利用。",
                year: 2018,
                status: EntryStatus::Shortlisted,
                city: government(3, "Guangzhou", Some("广州"), "CN", "China", Asia),
                sdgs: vec![12],
                theme: Some("Circular economy"),
            }),
            document(Doc {
                id: 5,
                lang: "pt",
                title: "Hortas urbanas",
                body: "Moradores cultivam hortas.",
                year: 2022,
                status: EntryStatus::Valid,
                city: government(4, "Curitiba", None, "BR", "Brazil", SouthAmerica),
                sdgs: vec![2],
                theme: Some("Food systems"),
            }),
            document(Doc {
                id: 6,
                lang: "en",
                title: "Bicycle lanes for schools",
                body: "Protected bicycle lanes lead to every school. <script>alert(1)</script>",
                year: 2022,
                status: EntryStatus::Valid,
                city: government(2, "Lyon", Some("里昂"), "FR", "France", Europe),
                sdgs: vec![3, 11],
                theme: None,
            }),
        ]
    }

    struct Fixture {
        _dir: tempfile::TempDir,
        search: Search,
    }

    fn fixture() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        build(dir.path(), &corpus(), &|_| {}).unwrap();
        let search = Search::open(dir.path());
        Fixture { _dir: dir, search }
    }

    impl Fixture {
        fn run(&self, text: &str, filters: &Filters, sort: Sort) -> SearchResults {
            let query = query::parse(text).unwrap();
            let request = SearchRequest {
                query: query.as_ref(),
                filters,
                sort,
                window: Window::Offset { offset: 0, limit: 10 },
                languages: &["en"],
                facet_limit: 20,
            };
            self.search.search(&request).unwrap().unwrap()
        }

        fn ids(&self, text: &str) -> Vec<i64> {
            self.run(text, &Filters::default(), Sort::Relevance).hits.iter().map(|h| h.summary.id.0).collect()
        }
    }

    fn sorted(mut ids: Vec<i64>) -> Vec<i64> {
        ids.sort();
        ids
    }

    /// A word or phrase finds the entries whose theme is named with it, as the name's language
    /// analyses it; a phrase keeps its order.
    #[test]
    fn words_find_entries_by_the_names_of_their_themes() {
        let f = fixture();
        assert_eq!(f.ids("\"circular economy\""), [4]);
        assert!(f.ids("\"economy circular\"").is_empty(), "a phrase keeps its order");
        assert_eq!(f.ids("economies"), [4], "theme names are stemmed as their language");
        assert_eq!(sorted(f.ids("systems")), [1, 5]);
        assert!(f.ids("circular food").is_empty(), "all the words, in one entry");
        assert_eq!(sorted(f.ids("theme:system")), [1, 5]);
        assert!(f.ids("theme:gardens").is_empty(), "theme: looks at themes only");
    }

    #[test]
    fn each_language_is_analysed_in_its_own_way() {
        let f = fixture();
        assert_eq!(f.ids("garden"), [1], "English stemming");
        assert_eq!(f.ids("ecole"), [2], "French stemming and accent folding");
        assert_eq!(f.ids("cuidadora"), [3], "Spanish stemming");
        assert_eq!(f.ids("回收"), [4], "Chinese word segmentation");
        assert_eq!(f.ids("社区"), [4]);
        assert_eq!(f.ids("hortas"), [5], "other languages by their words");
        assert!(f.ids("nothing-like-this").is_empty());
    }

    #[test]
    fn syntax_combines_words_phrases_and_fields() {
        let f = fixture();
        assert_eq!(f.ids("bicycle lanes"), [6]);
        assert_eq!(f.ids("\"lanes bicycle\""), Vec::<i64>::new(), "a phrase keeps its order");
        assert_eq!(f.ids("\"bicycle lanes\""), [6]);
        assert_eq!(sorted(f.ids("garden OR cuidadora")), [1, 3]);
        assert_eq!(f.ids("city:lyon -bicycle"), [2]);
        assert_eq!(f.ids("city:lyon NOT bicycle"), [2]);
        assert_eq!(sorted(f.ids("country:CO")), [1, 3]);
        assert_eq!(sorted(f.ids("country:colombia")), [1, 3]);
        assert_eq!(f.ids("city:广州"), [4], "Chinese city names");
        assert_eq!(f.ids("波哥大 year:2021"), [1]);
        assert_eq!(sorted(f.ids("year:2022..2023")), [2, 3, 5, 6]);
        assert_eq!(sorted(f.ids("sdg:2")), [1, 5]);
        assert_eq!(sorted(f.ids("theme:food")), [1, 5]);
        assert_eq!(sorted(f.ids("-sdg:11")), [3, 4, 5], "only a negation: everything else");
    }

    #[test]
    fn typos_match_and_score_as_tantivys_fuzzy_query() {
        use tantivy::Term;
        use tantivy::collector::TopDocs;
        use tantivy::query::{BoostQuery, FuzzyTermQuery};
        let f = fixture();
        let generation = f.search.current.read().unwrap().clone().unwrap();
        let view = generation.view();
        let compiler = generation.compiler(&view);
        let top = |query: &dyn TantivyQuery| {
            let found = view.searcher.search(query, &TopDocs::with_limit(10).order_by_score()).unwrap();
            found.into_iter().map(|(score, address)| (address.doc_id, score)).collect::<Vec<_>>()
        };
        let fields = [generation.fields.title_words, generation.fields.city_names];
        let mut forgiven = 0;
        for word in ["bicylce", "gardems", "bogoto", "curitiva", "lyonn", "gardens", "zzzzzz", "hortaz"] {
            for field in fields {
                let fuzzy = FuzzyTermQuery::new(Term::from_field_text(field, word), 1, true);
                match compiler.fuzzy_in(field, word) {
                    Some(query) => {
                        assert!(!top(&*query).is_empty(), "{word}");
                        assert_eq!(top(&*query), top(&fuzzy), "{word}");
                        // Boosted as the compiler boosts them.
                        let boosted = |query: Box<dyn TantivyQuery>| BoostQuery::new(query, 0.8);
                        assert_eq!(top(&boosted(query)), top(&boosted(Box::new(fuzzy.clone()))), "{word}");
                        forgiven += 1;
                    }
                    // Nothing near, or the word itself is there (and needs no forgiving).
                    None => assert!(
                        top(&fuzzy).is_empty()
                            || view.searcher.doc_freq(&Term::from_field_text(field, word)).unwrap() > 0,
                        "{word}"
                    ),
                }
            }
        }
        assert!(forgiven >= 4, "{forgiven}");
    }

    #[test]
    fn one_typo_is_forgiven_on_titles_and_cities() {
        let f = fixture();
        assert_eq!(f.ids("bicylce"), [6], "a transposition in a title word");
        assert_eq!(f.ids("gardems"), [1], "a substitution");
        assert_eq!(sorted(f.ids("city:bogoto")), [1, 3], "a city name");
        assert_eq!(f.ids("curitiva"), [5], "a city name anywhere");
        assert!(f.ids("bicy").is_empty(), "short words must be exact");
        assert!(f.ids("protectid").is_empty(), "texts are not fuzzy, only titles and cities");
    }

    #[test]
    fn snippets_mark_matches_and_escape_the_rest() {
        let f = fixture();
        let results = f.run("school", &Filters::default(), Sort::Relevance);
        let snippet = results.hits[0].snippet.as_deref().unwrap();
        assert!(snippet.contains("<mark>school</mark>"), "{snippet}");
        assert!(snippet.contains("&lt;script&gt;") && !snippet.contains("<script"), "{snippet}");
        let chinese = f.run("回收", &Filters::default(), Sort::Relevance);
        assert!(chinese.hits[0].snippet.as_deref().unwrap().contains("<mark>回收</mark>"));
        // Found by its government's Chinese name: the start of its (Spanish or English) text.
        let place = f.run("波哥大", &Filters::default(), Sort::Relevance);
        assert_eq!(place.total, 2);
        for hit in &place.hits {
            let snippet = hit.snippet.as_deref().unwrap();
            assert!(snippet.starts_with("Residents planted") || snippet.starts_with("Servicios para"), "{snippet}");
        }
        let browse = f.run("", &Filters::default(), Sort::Newest);
        assert!(browse.hits.iter().all(|h| h.snippet.as_deref().is_some_and(|s| !s.contains("<mark>"))));
    }

    #[test]
    fn snippets_find_words_deep_in_long_texts() {
        let dir = tempfile::tempdir().unwrap();
        let long = format!(
            "{} The pilot removed microplastics from the river. {}",
            "Filler words here. ".repeat(400),
            "More. ".repeat(50)
        );
        let mut doc = corpus().remove(5);
        doc.texts.values_mut().next().unwrap().summary = Some(long);
        build(dir.path(), &[doc], &|_| {}).unwrap();
        let search = Search::open(dir.path());
        let query = query::parse("microplastics").unwrap();
        let filters = Filters::default();
        let request = SearchRequest {
            query: query.as_ref(),
            filters: &filters,
            sort: Sort::Relevance,
            window: Window::Offset { offset: 0, limit: 1 },
            languages: &["en"],
            facet_limit: 5,
        };
        let results = search.search(&request).unwrap().unwrap();
        let snippet = results.hits[0].snippet.as_deref().unwrap();
        assert!(snippet.contains("<mark>microplastics</mark>") && snippet.starts_with('…'), "{snippet}");
    }

    /// Facet filters without words visit only the documents that have a selected value: the
    /// same page as filtering a query that matches everything, for every one, two and three
    /// values of the fixture (of one dimension or several).
    #[test]
    fn facets_without_words_answer_as_a_query_matching_everything_would() {
        let f = fixture();
        let everything = "year:1000..3000";
        let all = f.run("", &Filters::default(), Sort::Newest);
        assert_eq!(f.run(everything, &Filters::default(), Sort::Newest).total, all.total);
        let values: Vec<(Facet, String)> =
            all.facets.iter().flat_map(|f| f.values.iter().map(|v| (f.facet, v.key.clone()))).collect();
        let page = |results: SearchResults| {
            let hits: Vec<i64> = results.hits.iter().map(|h| h.summary.entry_id.0).collect();
            let facets: Vec<Vec<(String, u64, bool)>> = results
                .facets
                .iter()
                .map(|f| f.values.iter().map(|v| (v.key.clone(), v.count, v.selected)).collect())
                .collect();
            (results.total, results.more_after, hits, facets)
        };
        let mut compared = 0;
        for (i, a) in values.iter().enumerate() {
            for (j, b) in values.iter().enumerate().skip(i) {
                for c in values.iter().skip(j).step_by(7).map(Some).chain([None]) {
                    let mut filters = Filters::default();
                    for (facet, key) in [Some(a), (i != j).then_some(b), c].into_iter().flatten() {
                        filters.add(*facet, key).unwrap();
                    }
                    assert_eq!(
                        page(f.run("", &filters, Sort::Newest)),
                        page(f.run(everything, &filters, Sort::Newest)),
                        "{filters:?}"
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared > 500, "{compared}");
    }

    #[test]
    fn filtered_searches_rank_as_the_unfiltered_search_narrowed() {
        let f = fixture();
        let text = "gardens OR lyon OR bicycle OR bogota OR hortas OR care OR 广州";
        let mut filters = Filters::default();
        filters.add(Facet::Continent, "SA").unwrap();
        let in_south_america: Vec<i64> =
            f.run("", &filters, Sort::Newest).hits.iter().map(|h| h.summary.id.0).collect();
        let ranked = |results: SearchResults| -> Vec<(i64, f32)> {
            results.hits.iter().map(|h| (h.summary.id.0, h.key.score)).collect()
        };
        let narrowed: Vec<(i64, f32)> = ranked(f.run(text, &Filters::default(), Sort::Relevance))
            .into_iter()
            .filter(|(id, _)| in_south_america.contains(id))
            .collect();
        assert!(narrowed.len() >= 2, "{narrowed:?}");
        // Filtered matches are scored only when they pass: the same scores, the same order.
        assert_eq!(ranked(f.run(text, &filters, Sort::Relevance)), narrowed);
    }

    #[test]
    fn facets_count_and_combine() {
        let f = fixture();
        let all = f.run("", &Filters::default(), Sort::Newest);
        assert_eq!(all.total, 6);
        let count = |results: &SearchResults, facet: Facet, key: &str| {
            results.facets[facet.index()].values.iter().find(|v| v.key == key).map(|v| v.count)
        };
        assert_eq!(count(&all, Facet::Country, "CO"), Some(2));
        assert_eq!(count(&all, Facet::Continent, "SA"), Some(3));
        assert_eq!(count(&all, Facet::Sdg, "11"), Some(3));
        assert_eq!(count(&all, Facet::Year, "2023"), Some(2));
        assert_eq!(count(&all, Facet::Theme, "Food systems"), Some(2));
        let years: Vec<&str> = all.facets[Facet::Year.index()].values.iter().map(|v| v.key.as_str()).collect();
        assert_eq!(years, ["2023", "2022", "2021", "2018"], "years newest first");

        let mut filters = Filters::default();
        filters.add(Facet::Continent, "SA").unwrap();
        filters.add(Facet::Sdg, "2").unwrap();
        let narrowed = f.run("", &filters, Sort::Newest);
        assert_eq!(sorted(narrowed.hits.iter().map(|h| h.summary.id.0).collect()), [1, 5]);
        assert_eq!(narrowed.total, 2);
        // Other values of a selected dimension say what they would add.
        assert_eq!(count(&narrowed, Facet::Sdg, "5"), Some(1), "Bogotá's care blocks, in South America");
        assert_eq!(count(&narrowed, Facet::Continent, "EU"), None, "nothing in Europe names SDG 2");
        assert_eq!(count(&narrowed, Facet::Country, "BR"), Some(1));
        assert!(narrowed.facets[Facet::Sdg.index()].values.iter().any(|v| v.key == "2" && v.selected));

        // Cities carry where they are, for the map.
        let bogota = all.facets[Facet::City.index()].values.iter().find(|v| v.key == "1").unwrap();
        assert_eq!(bogota.place, Some(Place { lat: 1.0, lng: -10.0, country: "CO".into() }));
        assert!(all.facets[Facet::Country.index()].values.iter().all(|v| v.place.is_none()));

        filters.add(Facet::Country, "ZZ").unwrap();
        let unknown = f.run("", &filters, Sort::Newest);
        assert_eq!(unknown.total, 0);
        assert!(
            unknown.facets[Facet::Country.index()].values.iter().any(|v| v.key == "ZZ" && v.selected && v.count == 0)
        );
    }

    #[test]
    fn facet_lists_keep_the_most_frequent_values_and_every_selected_one() {
        let f = fixture();
        let list = |filters: &Filters, facet: Facet, limit: usize| {
            let request = SearchRequest {
                query: None,
                filters,
                sort: Sort::Newest,
                window: Window::Offset { offset: 0, limit: 1 },
                languages: &[],
                facet_limit: limit,
            };
            let results = f.search.search(&request).unwrap().unwrap();
            results.facets[facet.index()].values.iter().map(|v| (v.key.clone(), v.count)).collect::<Vec<_>>()
        };
        let none = Filters::default();
        let pairs = |list: &[(&str, u64)]| list.iter().map(|(k, n)| (k.to_string(), *n)).collect::<Vec<_>>();
        // Countries: CO 2, FR 2, BR 1, CN 1; ties go to the first key.
        assert_eq!(list(&none, Facet::Country, 2), pairs(&[("CO", 2), ("FR", 2)]));
        assert_eq!(list(&none, Facet::Country, 10), pairs(&[("CO", 2), ("FR", 2), ("BR", 1), ("CN", 1)]));
        assert_eq!(list(&none, Facet::Country, usize::MAX), list(&none, Facet::Country, 10), "no limit (the map)");
        let mut brazil = Filters::default();
        brazil.add(Facet::Country, "BR").unwrap();
        assert_eq!(list(&brazil, Facet::Country, 1), pairs(&[("BR", 1)]), "a selected value is always listed");
        assert_eq!(list(&brazil, Facet::Country, 2), pairs(&[("CO", 2), ("BR", 1)]));
        // Years keep their own order once the most frequent are chosen: 2023 and 2022 (2 each).
        assert_eq!(list(&none, Facet::Year, 2), pairs(&[("2023", 2), ("2022", 2)]));
        let mut unknown = Filters::default();
        unknown.add(Facet::Country, "ZZ").unwrap();
        assert_eq!(list(&unknown, Facet::Country, 1), pairs(&[("ZZ", 0)]), "an unknown selection still shows");
        assert_eq!(list(&unknown, Facet::Country, 2), pairs(&[("CO", 2), ("ZZ", 0)]));
    }

    #[test]
    fn sorting_and_cursors_walk_every_result_once() {
        let f = fixture();
        let newest: Vec<i64> =
            f.run("", &Filters::default(), Sort::Newest).hits.iter().map(|h| h.summary.id.0).collect();
        assert_eq!(newest, [3, 2, 5, 6, 1, 4], "newest year first, then the further entry, then the entry id");
        let oldest: Vec<i64> =
            f.run("", &Filters::default(), Sort::Oldest).hits.iter().map(|h| h.summary.id.0).collect();
        assert_eq!(oldest, [4, 1, 5, 6, 3, 2]);
        for sort in [Sort::Newest, Sort::Oldest, Sort::Relevance] {
            let query = query::parse("lyon OR bogota OR gardens OR hortas OR 广州").unwrap();
            let filters = Filters::default();
            let mut seen = Vec::new();
            let mut window = Window::Offset { offset: 0, limit: 2 };
            loop {
                let request = SearchRequest {
                    query: query.as_ref(),
                    filters: &filters,
                    sort,
                    window,
                    languages: &[],
                    facet_limit: 5,
                };
                let results = f.search.search(&request).unwrap().unwrap();
                assert_eq!(results.total, 6, "{sort:?}");
                let Some(last) = results.hits.last() else { break };
                seen.extend(results.hits.iter().map(|h| h.summary.id.0));
                window = Window::After { key: last.key, limit: 2 };
            }
            assert_eq!(sorted(seen.clone()), [1, 2, 3, 4, 5, 6], "{sort:?}: {seen:?}");
        }
    }

    #[test]
    fn related_initiatives_share_words_and_never_include_the_case_itself() {
        let dir = tempfile::tempdir().unwrap();
        let mut documents = corpus();
        let mut rooftop = document(Doc {
            id: 7,
            lang: "en",
            title: "Rooftop gardens",
            body: "Residents planted vegetable gardens on school rooftops.",
            year: 2023,
            status: EntryStatus::Valid,
            city: government(2, "Lyon", None, "FR", "France", Continent::Europe),
            sdgs: vec![],
            theme: None,
        });
        // The community gardens in a second edition: the same initiative, another document.
        let mut again = documents[0].clone();
        again.summary.entry_id = EntryId(11);
        again.summary.year = 2023;
        documents.push(again);
        rooftop.summary.entry_id = EntryId(70);
        documents.push(rooftop);
        build(dir.path(), &documents, &|_| {}).unwrap();
        let search = Search::open(dir.path());
        let related = |id: i64, entries: &[i64]| -> Vec<i64> {
            let entries: Vec<EntryId> = entries.iter().map(|e| EntryId(*e)).collect();
            search.related(InitiativeId(id), &entries, 5).unwrap().unwrap().iter().map(|s| s.id.0).collect()
        };
        assert_eq!(related(1, &[10, 11]), [7], "gardens planted by residents");
        let rooftops = related(7, &[70]);
        assert_eq!(rooftops[0], 1, "gardens first: {rooftops:?}");
        assert_eq!(rooftops.iter().filter(|id| **id == 1).count(), 1, "once, though it is in two editions");
        assert!(rooftops.contains(&6), "schools, too");
        assert!(related(3, &[30]).iter().all(|id| *id != 3));
        assert!(related(99, &[990]).is_empty(), "an initiative without a document relates to nothing");
        let empty = tempfile::tempdir().unwrap();
        assert!(Search::open(empty.path()).related(InitiativeId(1), &[EntryId(10)], 5).unwrap().is_none());
    }

    #[test]
    fn a_rebuild_switches_readers_to_the_new_generation() {
        let dir = tempfile::tempdir().unwrap();
        let search = Search::open(dir.path());
        let filters = Filters::default();
        let query = query::parse("gardens").unwrap();
        let find = |search: &Search| {
            let request = SearchRequest {
                query: query.as_ref(),
                filters: &filters,
                sort: Sort::Relevance,
                window: Window::Offset { offset: 0, limit: 10 },
                languages: &[],
                facet_limit: 10,
            };
            search.search(&request).unwrap().map(|r| r.hits.iter().map(|h| h.summary.id.0).collect::<Vec<_>>())
        };
        assert!(find(&search).is_none(), "no index yet");
        build(dir.path(), &corpus()[..1], &|_| {}).unwrap();
        assert!(search.refresh().unwrap());
        assert_eq!(find(&search), Some(vec![1]));
        let mut other = corpus().remove(0);
        other.summary.id = InitiativeId(7);
        build(dir.path(), &[other], &|_| {}).unwrap();
        assert_eq!(find(&search), Some(vec![1]), "the old generation until refresh");
        assert!(search.refresh().unwrap());
        assert_eq!(find(&search), Some(vec![7]));
        assert!(!search.refresh().unwrap(), "nothing new");
        let generations =
            std::fs::read_dir(dir.path()).unwrap().filter(|e| e.as_ref().unwrap().path().is_dir()).count();
        assert_eq!(generations, 1, "old generations are removed");
    }

    /// The documents of initiative `id` in one of its states (`seed`): none (not published, or
    /// withdrawn) for every fifth state, else one entry, or two in two editions.
    fn variant(id: i64, seed: u64) -> Vec<SearchDocument> {
        use Continent::*;
        if seed % 5 == 0 {
            return Vec::new();
        }
        let cities = [
            government(1, "Bogotá", Some("波哥大"), "CO", "Colombia", SouthAmerica),
            government(2, "Lyon", Some("里昂"), "FR", "France", Europe),
            government(3, "Guangzhou", Some("广州"), "CN", "China", Asia),
            government(4, "Curitiba", None, "BR", "Brazil", SouthAmerica),
            government(5, "Nairobi", None, "KE", "Kenya", Africa),
        ];
        let statuses = [
            EntryStatus::Valid,
            EntryStatus::Deserving,
            EntryStatus::Shortlisted,
            EntryStatus::Winner,
            EntryStatus::MedalOfHonour,
        ];
        let titles = ["Community gardens", "Bicycle lanes", "Clean water", "Open schools", "Shared housing"];
        let bodies = ["Residents planted gardens.", "Lanes for schools.", "Water for gardens.", "Schools open late."];
        let themes = [None, Some("Food systems"), Some("Circular economy"), Some("Mobility")];
        let first = document(Doc {
            id,
            lang: "en",
            title: titles[(seed % 5) as usize],
            body: bodies[((seed + id as u64) % 4) as usize],
            year: 2018 + (seed % 6) as i64,
            status: statuses[((seed / 2) % 5) as usize],
            city: cities[((id as u64 + seed) % 5) as usize].clone(),
            sdgs: vec![(seed % 17 + 1) as u8, 11],
            theme: themes[(seed % 4) as usize],
        });
        let mut documents = vec![first.clone()];
        if seed % 3 == 0 {
            let mut again = first;
            again.summary.entry_id = EntryId(id * 10 + 1);
            again.summary.year += 1;
            again.summary.edition_id = EditionId(again.summary.year - 2000);
            again.summary.status = EntryStatus::Valid;
            documents.push(again);
        }
        documents
    }

    /// What a reader sees of a library, for comparing two indexes of the same documents.
    fn observe(search: &Search) -> Vec<String> {
        let mut seen = Vec::new();
        let mut country = Filters::default();
        country.add(Facet::Country, "CO").unwrap();
        country.add(Facet::Country, "KE").unwrap();
        let mut winners = Filters::default();
        winners.add(Facet::Status, "winner").unwrap();
        winners.add(Facet::Sdg, "11").unwrap();
        for (text, filters) in [
            ("", Filters::default()),
            ("gardens", Filters::default()),
            ("", country),
            ("", winners.clone()),
            ("schools OR water", winners),
        ] {
            let query = query::parse(text).unwrap();
            for (sort, limit) in [(Sort::Newest, 1000), (Sort::Relevance, 2)] {
                let request = SearchRequest {
                    query: query.as_ref(),
                    filters: &filters,
                    sort,
                    window: Window::Offset { offset: 0, limit: 100 },
                    languages: &["en"],
                    facet_limit: limit,
                };
                let Some(results) = search.search(&request).unwrap() else {
                    seen.push("no index".into());
                    continue;
                };
                let mut entries: Vec<i64> = results.hits.iter().map(|h| h.summary.entry_id.0).collect();
                // Scores count deleted documents until segments merge: compare ranked results
                // as sets, ordered ones in their order.
                if sort == Sort::Relevance {
                    entries.sort();
                }
                seen.push(format!("{text:?} {sort:?}: {} {entries:?}", results.total));
                for facet in &results.facets {
                    let mut values: Vec<(String, u64, bool)> =
                        facet.values.iter().map(|v| (v.key.clone(), v.count, v.selected)).collect();
                    if !filters.is_empty() {
                        // An unknown selection is listed last, a known one with no results in
                        // its dimension's order: the same values either way.
                        values.sort();
                    }
                    seen.push(format!("  {:?} {values:?}", facet.facet));
                }
            }
        }
        seen
    }

    fn flatten(model: &BTreeMap<i64, Vec<SearchDocument>>) -> Vec<SearchDocument> {
        model.values().flatten().cloned().collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
        /// Updating initiatives one batch at a time answers every search exactly as a fresh
        /// build of the same documents: totals, order, facet counts, the values each list keeps.
        #[test]
        fn updates_answer_as_a_fresh_build_would(
            batches in proptest::collection::vec(proptest::collection::vec((1i64..9, 0u64..30), 1..4), 1..6)
        ) {
            let dir = tempfile::tempdir().unwrap();
            let mut model: BTreeMap<i64, Vec<SearchDocument>> = (1..=6).map(|id| (id, variant(id, id as u64))).collect();
            let name = build(dir.path(), &flatten(&model), &|_| {}).unwrap();
            let search = Search::open(dir.path());
            for batch in &batches {
                let mut ids = BTreeSet::new();
                for (id, seed) in batch {
                    model.insert(*id, variant(*id, *seed));
                    ids.insert(InitiativeId(*id));
                }
                let documents: Vec<SearchDocument> =
                    ids.iter().flat_map(|id| model[&id.0].iter().cloned()).collect();
                let ids: Vec<InitiativeId> = ids.into_iter().collect();
                let updated = search.update(&ids, &documents).unwrap();
                proptest::prop_assert_eq!(&updated.generation, &name, "updated in place");
            }
            let fresh_dir = tempfile::tempdir().unwrap();
            build(fresh_dir.path(), &flatten(&model), &|_| {}).unwrap();
            let fresh = Search::open(fresh_dir.path());
            proptest::prop_assert_eq!(observe(&search), observe(&fresh));
            // A server started again reads the same from disk (the dictionary grew there too).
            drop(search);
            proptest::prop_assert_eq!(observe(&Search::open(dir.path())), observe(&fresh));
        }
    }

    #[test]
    fn an_update_replaces_one_initiatives_documents_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let name = build(dir.path(), &corpus(), &|_| {}).unwrap();
        let search = Search::open(dir.path());
        let count = |search: &Search, facet: Facet, key: &str| {
            let request = SearchRequest {
                query: None,
                filters: &Filters::default(),
                sort: Sort::Newest,
                window: Window::Offset { offset: 0, limit: 10 },
                languages: &[],
                facet_limit: 100,
            };
            let results = search.search(&request).unwrap().unwrap();
            let value = results.facets[facet.index()].values.iter().find(|v| v.key == key).map(|v| v.count);
            (results.total, value)
        };
        assert_eq!(count(&search, Facet::Status, "winner"), (6, Some(1)));
        // The French streets win.
        let mut streets = corpus().remove(1);
        streets.summary.status = EntryStatus::Winner;
        search.update(&[InitiativeId(2)], &[streets]).unwrap();
        assert_eq!(count(&search, Facet::Status, "winner"), (6, Some(2)));
        assert_eq!(count(&search, Facet::Status, "valid"), (6, Some(2)));
        // The gardens leave the library: their documents are deleted (tantivy keeps them until a
        // merge), and nothing reads them any more, related initiatives included.
        search.update(&[InitiativeId(1)], &[]).unwrap();
        assert_eq!(count(&search, Facet::Status, "winner"), (5, Some(1)));
        assert_eq!(count(&search, Facet::Country, "CO"), (5, Some(1)));
        let related = search.related(InitiativeId(6), &[EntryId(60)], 5).unwrap().unwrap();
        assert!(related.iter().all(|s| s.id != InitiativeId(1)), "{related:?}");
        assert!(search.related(InitiativeId(1), &[EntryId(10)], 5).unwrap().unwrap().is_empty());
        // Thirty initiatives in thirty new cities: more values than the layout had room for.
        let newcomers: Vec<SearchDocument> = (100..130)
            .map(|id| {
                let mut doc = variant(id, 1).remove(0);
                doc.governments[0].id = CityId(id);
                doc.summary.city_id = CityId(id);
                doc
            })
            .collect();
        let ids: Vec<InitiativeId> = (100..130).map(InitiativeId).collect();
        search.update(&ids, &newcomers).unwrap();
        assert_eq!(count(&search, Facet::City, "129"), (35, Some(1)));
        assert_eq!(count(&search, Facet::City, "2"), (35, Some(2)), "Lyon's count is where it was");
        assert_eq!(search.generation(), Some(name), "no new generation");
        let generations =
            std::fs::read_dir(dir.path()).unwrap().filter(|e| e.as_ref().unwrap().path().is_dir()).count();
        assert_eq!(generations, 1);
    }

    #[test]
    fn a_generation_another_writer_holds_is_not_updated() {
        let dir = tempfile::tempdir().unwrap();
        build(dir.path(), &corpus(), &|_| {}).unwrap();
        let first = Search::open(dir.path());
        let second = Search::open(dir.path());
        first.update(&[InitiativeId(1)], &[]).unwrap();
        assert!(matches!(second.update(&[InitiativeId(2)], &[]), Err(UpdateError::Busy(_))), "tantivy's lock");
        assert!(matches!(Search::open(&dir.path().join("none")).update(&[], &[]), Err(UpdateError::NoIndex)));
        // A new generation (kapok reindex) moves the writer along with the readers.
        let name = build(dir.path(), &corpus(), &|_| {}).unwrap();
        first.refresh().unwrap();
        assert_eq!(first.update(&[InitiativeId(3)], &[]).unwrap().generation, name);
    }

    #[test]
    fn a_generation_of_an_older_format_is_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        let name = build(dir.path(), &corpus(), &|_| {}).unwrap();
        std::fs::remove_file(dir.path().join(&name).join("FORMAT")).unwrap();
        let search = Search::open(dir.path());
        assert!(!search.is_ready());
        assert!(matches!(search.refresh(), Err(SearchError::Outdated(_))));
    }
}
