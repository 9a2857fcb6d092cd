//! Library search at 100,000 entries: Kapok's search (tantivy) side by side with SQLite FTS5 and
//! PostgreSQL full-text search, on the same corpus and the same queries, in one run.
//!
//! `cargo bench --bench library -- [--docs N] [--seconds S] [--clients N]` prints a Markdown
//! report: index build time, search pages per second and latency percentiles with 16 concurrent
//! clients (each engine gets as many execution slots as the machine has cores: Kapok's searches,
//! FTS5's connections, PostgreSQL's backends), one client alone per query, resident memory, index
//! size, and Kapok over real HTTP (`kapok serve`, wrk). With `--updates`: only Kapok's build, then
//! updates in place of 1 and 100 initiatives (what the server's reindexer does after a change).
//!
//! Corpus: the 7,563 cases of `../shared/data/sdg-commons` expanded to `--docs` entries (100,000
//! by default): each copy of a case gets another title, city (among its country's largest) and
//! year, drawn from a fixed seed. They go through Kapok's own path — the interchange reader and
//! resolver, `import_initiatives` into SQLite, `library::reindex` — and FTS5 and PostgreSQL are
//! loaded from the very documents Kapok indexes (`search_documents`): titles, texts, government
//! and country names (en/zh/fr/es), theme names.
//!
//! Each engine is measured in a child process of its own (this binary, `--measure ENGINE`), so
//! that its resident memory is its own.

// The allocator `kapok serve` runs with (src/main.rs), so that searches measured in process
// allocate as they do in the product.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

use kapok::library::{self, LibraryRequest};
use kapok::search::{SearchDocument, Window};
use kapok::storage::Store;

/// The default PostgreSQL server (an admin URL: a database is created and dropped).
const DEFAULT_POSTGRES_URL: &str = "postgres://kapok:kapok@127.0.0.1:5432/postgres";
/// Rows per page, as the API's `limit=10`.
const PAGE: usize = 10;
/// Values listed per facet, as the library page.
const FACET_LIMIT: usize = 40;

/// One search of the query set, written for each engine. `q` is Kapok's query language (what a
/// user types); `fts` the FTS5 MATCH expression and `pg` the `to_tsquery('english', …)` text
/// that ask the same ("" for none: the facets alone); `years` is the range that `q` holds as
/// `year:A..B`, applied as SQL for FTS5 and PostgreSQL. The facet filters (URL parameters for
/// Kapok, `WHERE` clauses for the others) are `country`, `year` and `theme`.
struct BenchQuery {
    kind: &'static str,
    q: &'static str,
    fts: &'static str,
    pg: &'static str,
    years: Option<(i64, i64)>,
    country: Option<&'static str>,
    year: Option<i64>,
    theme: Option<&'static str>,
}

const fn words(kind: &'static str, q: &'static str, fts: &'static str, pg: &'static str) -> BenchQuery {
    BenchQuery { kind, q, fts, pg, years: None, country: None, year: None, theme: None }
}

/// The query set: words, phrases, boolean, field filters, French, Spanish, Chinese, a typo,
/// facets alone; a third of them with facet filters. FTS5 and PostgreSQL weigh fields the way
/// Kapok scopes them: FTS5 by column, PostgreSQL by weight (A title, B places, C countries and
/// themes, D texts).
const QUERIES: &[BenchQuery] = &[
    words("words", "water sanitation", "water sanitation", "water & sanitation"),
    words("words", "solar energy", "solar energy", "solar & energy"),
    words("words", "plastic waste recycling", "plastic waste recycling", "plastic & waste & recycling"),
    BenchQuery {
        country: Some("KE"),
        ..words("words + facet", "youth employment", "youth employment", "youth & employment")
    },
    words("words", "digital payments", "digital payments", "digital & payments"),
    words("words", "early warning flood", "early warning flood", "early & warning & flood"),
    words("one frequent word", "community", "community", "community"),
    words("one very frequent word", "innovation", "innovation", "innovation"),
    words("phrase", "\"circular economy\"", "\"circular economy\"", "circular <-> economy"),
    BenchQuery {
        year: Some(2023),
        ..words("phrase + facet", "\"waste management\"", "\"waste management\"", "waste <-> management")
    },
    words("OR", "plastic OR recycling", "plastic OR recycling", "plastic | recycling"),
    words("NOT", "energy -solar", "energy NOT solar", "energy & !solar"),
    words(
        "boolean",
        "(youth OR women) AND employment",
        "(youth OR women) AND employment",
        "(youth | women) & employment",
    ),
    words("field city", "city:lusaka", "places : lusaka", "lusaka:B"),
    words(
        "field country",
        "country:colombia agriculture",
        "countries : colombia AND agriculture",
        "colombia:C & agriculture",
    ),
    BenchQuery { years: Some((2020, 2022)), ..words("field year", "year:2020..2022 climate", "climate", "climate") },
    words("field theme", "theme:food", "themes : food", "food:C"),
    BenchQuery { country: Some("PE"), ..words("words + facet", "covid", "covid", "covid") },
    BenchQuery { country: Some("BR"), year: Some(2022), ..words("facets only", "", "", "") },
    BenchQuery { theme: Some("Circular economy and waste"), ..words("facet only", "", "", "") },
    BenchQuery {
        year: Some(2023),
        theme: Some("Health, education and social inclusion"),
        ..words("word + two facets", "health", "health", "health")
    },
    words("everything", "", "", ""),
    words("French", "gestion des déchets", "gestion des déchets", "gestion & des & déchets"),
    words("French", "agriculture urbaine", "agriculture urbaine", "agriculture & urbaine"),
    BenchQuery {
        country: Some("NE"),
        ..words("French + facet", "énergie solaire", "énergie solaire", "énergie & solaire")
    },
    words("Spanish", "residuos sólidos", "residuos sólidos", "residuos & sólidos"),
    words("Spanish", "agua potable", "agua potable", "agua & potable"),
    BenchQuery {
        country: Some("PA"),
        ..words("Spanish + facet", "gestión de residuos", "gestión de residuos", "gestión & de & residuos")
    },
    words("Chinese country", "肯尼亚", "肯尼亚", "肯尼亚"),
    words("Chinese city", "城市:路沙卡", "places : 路沙卡", "路沙卡:B"),
    words("Chinese theme", "循环经济", "循环经济", "循环经济"),
    BenchQuery {
        year: Some(2024), ..words("Chinese + facet", "赞比亚 农业", "赞比亚 农业", "赞比亚 & 农业")
    },
    words("typo", "recyclng", "recyclng", "recyclng"),
    BenchQuery { country: Some("ZM"), ..words("words + facet", "farmers", "farmers", "farmers") },
];

impl BenchQuery {
    /// The query string of Kapok's API and library page.
    fn query_string(&self) -> String {
        let mut pairs = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            pairs.append_pair("q", self.q);
        }
        if let Some(country) = self.country {
            pairs.append_pair("country", country);
        }
        if let Some(year) = self.year {
            pairs.append_pair("year", &year.to_string());
        }
        if let Some(theme) = self.theme {
            pairs.append_pair("theme", theme);
        }
        pairs.finish()
    }

    fn label(&self) -> String {
        let mut parts = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("`{}`", self.q));
        }
        if let Some(country) = self.country {
            parts.push(format!("country={country}"));
        }
        if let Some(year) = self.year {
            parts.push(format!("year={year}"));
        }
        if let Some(theme) = self.theme {
            parts.push(format!("theme={theme}"));
        }
        if parts.is_empty() { "(everything)".into() } else { parts.join(" ") }
    }
}

// ---------------------------------------------------------------------------------------------
// Options

struct Options {
    docs: usize,
    seconds: f64,
    clients: usize,
    /// Work in this directory and keep it (the data directory, the FTS5 file), for profiling.
    keep: Option<PathBuf>,
    /// Only the index: its full build, then updates of 1 and 100 initiatives in place.
    updates_only: bool,
}

fn options(args: &[String]) -> Options {
    let mut options = Options { docs: 100_000, seconds: 20.0, clients: 16, keep: None, updates_only: false };
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--updates" {
            options.updates_only = true;
            i += 1;
            continue;
        }
        if args[i] == "--keep"
            && let Some(dir) = args.get(i + 1)
        {
            options.keep = Some(PathBuf::from(dir));
            i += 2;
            continue;
        }
        let value = args.get(i + 1).and_then(|v| v.parse::<f64>().ok()).filter(|v| *v > 0.0);
        match (args[i].as_str(), value) {
            ("--docs", Some(v)) => options.docs = v as usize,
            ("--seconds", Some(v)) => options.seconds = v,
            ("--clients", Some(v)) => options.clients = v as usize,
            (other, _) => {
                eprintln!("library: unknown or incomplete option {other} (--docs N, --seconds S, --clients N)");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    options
}

fn cores() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

// ---------------------------------------------------------------------------------------------
// The corpus

#[derive(Deserialize)]
struct Case {
    id: String,
    title: String,
    year: i64,
    #[serde(default)]
    sdgs: Vec<String>,
    #[serde(default)]
    thematic_areas: Vec<String>,
    #[serde(default)]
    country: Vec<String>,
    body_markdown: String,
}

fn shared_cases() -> anyhow::Result<Vec<Case>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/sdg-commons/cases.jsonl.gz");
    let bytes = std::fs::read(&path).with_context(|| {
        format!(
            "the library benchmark reads its corpus from {} (the SDG Innovation Commons cases, see \
             ../shared/data/PROVENANCE.md), which could not be read",
            path.display()
        )
    })?;
    let text = kapok::gazetteer::gunzip(&bytes).with_context(|| format!("{} is not gzip", path.display()))?;
    let mut cases = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        cases.push(serde_json::from_str(line).with_context(|| format!("{}: line {}", path.display(), n + 1))?);
    }
    Ok(cases)
}

/// Country names of the corpus that the gazetteer spells otherwise, or that are parts of a country.
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("united states of america", "US"),
    ("people's republic of china", "CN"),
    ("cape verde", "CV"),
    ("palestine", "PS"),
    ("netherlands", "NL"),
    ("the gambia", "GM"),
    ("czech republic", "CZ"),
    ("east timor", "TL"),
    ("pante makassar subdistrict", "TL"),
    ("federation of bosnia and herzegovina", "BA"),
    ("republika srpska", "BA"),
    ("england", "GB"),
    ("wales", "GB"),
    ("kurdistan region", "IQ"),
    ("trinidad", "TT"),
    ("antigua", "AG"),
    ("galápagos province", "EC"),
    ("honshu", "JP"),
    ("north island", "NZ"),
    ("south island", "NZ"),
    ("somaliland", "SO"),
    ("puntland", "SO"),
    ("adjara", "GE"),
    ("flemish brabant", "BE"),
    ("walloon brabant", "BE"),
    ("gaza strip", "PS"),
    ("canary islands", "ES"),
    ("vojvodina", "RS"),
];

/// The demo award's themes (en, zh, fr, es), the keywords of a case's thematic areas that
/// imply each, and the SDGs that do (as `data/build/build_demo_data.py` assigns them).
const THEMES: &[([&str; 4], &[&str], &[u8])] = &[
    (
        [
            "Inclusive economy and livelihoods",
            "包容性经济与生计",
            "Économie inclusive et moyens de subsistance",
            "Economía inclusiva y medios de vida",
        ],
        &["job", "employ", "entrepreneur", "market", "income", "livelihood", "poverty", "business", "financ", "econom"],
        &[1, 8, 10],
    ),
    (
        [
            "Climate action, energy and nature",
            "气候行动、能源与自然",
            "Action climatique, énergie et nature",
            "Acción climática, energía y naturaleza",
        ],
        &["climate", "energy", "solar", "environment", "biodiversity", "forest", "ocean", "disaster", "resilien"],
        &[7, 13, 14, 15],
    ),
    (
        [
            "Circular economy and waste",
            "循环经济与废弃物管理",
            "Économie circulaire et déchets",
            "Economía circular y residuos",
        ],
        &["waste", "recycl", "circular", "plastic", "reuse", "compost", "garbage"],
        &[12],
    ),
    (
        [
            "Food systems and agriculture",
            "粮食系统与农业",
            "Systèmes alimentaires et agriculture",
            "Sistemas alimentarios y agricultura",
        ],
        &["agri", "farm", "food", "crop", "irrigat", "livestock", "nutrition", "fish"],
        &[2],
    ),
    (
        [
            "Health, education and social inclusion",
            "卫生、教育与社会包容",
            "Santé, éducation et inclusion sociale",
            "Salud, educación e inclusión social",
        ],
        &["health", "education", "school", "child", "disab", "covid", "youth", "gender", "women", "water", "housing"],
        &[3, 4, 5, 6],
    ),
    (
        [
            "Digital innovation and governance",
            "数字创新与治理",
            "Innovation numérique et gouvernance",
            "Innovación digital y gobernanza",
        ],
        &["digital", "technolog", "platform", "data", "govern", "civic", "participation", "smart", "mapping"],
        &[9, 11, 16, 17],
    ),
];

fn themes_of(case: &Case) -> Vec<&'static str> {
    let areas: Vec<String> = case.thematic_areas.iter().map(|a| a.to_lowercase()).collect();
    let sdgs: BTreeSet<u8> = case.sdgs.iter().filter_map(|s| s.split('.').next()?.trim().parse().ok()).collect();
    let mut scored: Vec<(usize, usize, usize)> = THEMES
        .iter()
        .enumerate()
        .map(|(i, (_, keywords, goals))| {
            let hits = areas.iter().filter(|a| keywords.iter().any(|k| a.contains(k))).count();
            (hits, goals.iter().filter(|g| sdgs.contains(g)).count(), i)
        })
        .filter(|(hits, goals, _)| *hits > 0 || *goals > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut themes: Vec<&str> = scored.iter().take(3).map(|(_, _, i)| THEMES[*i].0[0]).collect();
    if themes.is_empty() {
        themes.push(THEMES[THEMES.len() - 1].0[0]);
    }
    themes
}

/// The case's language by its most frequent stopwords (English unless another clearly wins).
fn language_of(text: &str) -> &'static str {
    const STOPWORDS: &[(&str, &str)] = &[
        ("en", "the and of to is that for with are this from we our have which will be by was were has been their"),
        ("es", "el los las del y una es se su por con para como más sus al lo esta este entre fue han ha son"),
        ("fr", "le les des et du une est pour dans sur au aux avec ce qui pas sont nous leur leurs cette ces"),
        ("pt", "os do da dos das em uma não ao mais com são pelo pela seu sua também foi está"),
    ];
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(400).collect();
    let mut best = ("en", 0usize);
    for (lang, list) in STOPWORDS {
        let list: BTreeSet<&str> = list.split(' ').collect();
        let score = words.iter().filter(|w| list.contains(*w)).count();
        if score > best.1 {
            best = (lang, score);
        }
    }
    if best.1 >= 3 { best.0 } else { "en" }
}

/// A fixed-seed hash (splitmix64) for every "random" choice of the expansion.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

const FIRST_YEAR: i64 = 2012;
const LAST_YEAR: i64 = 2025;

/// The benchmark's award: one edition a year, with the demo award's themes.
fn award_json() -> String {
    let editions: Vec<serde_json::Value> = (FIRST_YEAR..=LAST_YEAR)
        .map(|year| {
            serde_json::json!({
                "ordinal": year - FIRST_YEAR + 1, "year": year, "timezone": "UTC",
                "themes": THEMES.iter().map(|(names, _, _)| serde_json::json!({
                    "en": names[0], "zh": names[1], "fr": names[2], "es": names[3]
                })).collect::<Vec<_>>(),
                "long_list_size": 45, "shortlist_size": 15, "max_winners": 5
            })
        })
        .collect();
    serde_json::json!([{
        "slug": "library-bench", "name": {"en": "Library Benchmark Award", "zh": "图书馆基准奖"},
        "short_name": {"en": "Library Bench"}, "organisers": "Benchmark",
        "description": {"en": "Real cases of the SDG Innovation Commons, multiplied for a benchmark."},
        "editions": editions
    }])
    .to_string()
}

/// The corpus as interchange records (JSON Lines), `docs` of them. Returns the text and how
/// many cases were used (those whose country the gazetteer knows).
fn corpus_jsonl(cases: &[Case], docs: usize) -> anyhow::Result<(String, usize)> {
    let gazetteer = kapok::gazetteer::embedded().map_err(anyhow::Error::msg)?;
    let mut by_name: HashMap<String, String> = HashMap::new();
    for country in &gazetteer.countries {
        for name in country.names.0.values() {
            by_name.entry(name.to_lowercase()).or_insert_with(|| country.code.clone());
        }
    }
    for (name, code) in COUNTRY_ALIASES {
        by_name.insert(name.to_string(), code.to_string());
    }
    // Each country's 40 largest cities (by population), where a copy of a case may be placed.
    let mut cities: HashMap<&str, Vec<(i64, i64)>> = HashMap::new();
    for city in &gazetteer.cities {
        if let Some(id) = city.geonames_id {
            cities.entry(city.country.as_str()).or_default().push((city.population.unwrap_or(0), id));
        }
    }
    for list in cities.values_mut() {
        list.sort_by(|a, b| b.cmp(a));
        list.truncate(40);
    }
    // Each case with its country's cities (population, GeoNames id) and its language.
    type Usable<'a> = (&'a Case, &'a Vec<(i64, i64)>, &'static str);
    let usable: Vec<Usable> = cases
        .iter()
        .filter_map(|case| {
            let code = by_name.get(&case.country.first()?.to_lowercase())?;
            let list = cities.get(code.as_str())?;
            Some((case, list, language_of(&format!("{} {}", case.title, case.body_markdown))))
        })
        .collect();
    if usable.is_empty() {
        bail!("no case of the corpus has a country the gazetteer knows");
    }
    let mut out = String::with_capacity(docs * 3_200);
    for n in 0..docs {
        let (case, cities, lang) = usable[n % usable.len()];
        let copy = (n / usable.len()) as u64;
        let h = mix((n as u64) << 1 | 1);
        let (_, city) = cities[(h % cities.len() as u64) as usize];
        // The first copy keeps its real year; the others spread over the editions.
        let year = if copy == 0 && (FIRST_YEAR..=LAST_YEAR).contains(&case.year) {
            case.year
        } else {
            FIRST_YEAR + ((h >> 8) % (LAST_YEAR - FIRST_YEAR + 1) as u64) as i64
        };
        let title = case.title.trim();
        let title = match (title.is_empty(), copy % 6) {
            (true, _) => None,
            (false, 0) => Some(title.to_string()),
            (false, 1) => Some(format!("{title}: phase {}", copy / 6 + 2)),
            (false, 2) => Some(format!("Scaling up {title}")),
            (false, 3) => Some(format!("{title} ({year})")),
            (false, 4) => Some(format!("{title}, pilot")),
            (false, _) => Some(format!("{title} — second round")),
        };
        let status = match (h >> 20) % 100 {
            0 => "winner",
            1..=2 => "medal_of_honour",
            3..=6 => "shortlisted",
            7..=16 => "deserving",
            _ => "valid",
        };
        let sdgs: BTreeSet<u8> = case
            .sdgs
            .iter()
            .filter_map(|s| s.split('.').next()?.trim().parse().ok())
            .filter(|g| (1..=17).contains(g))
            .collect();
        let body: String = case.body_markdown.chars().take(kapok::interchange::MAX_SECTION_CHARS).collect();
        let record = serde_json::json!({
            "ref": format!("bench-{n}"), "award": "library-bench", "edition": year - FIRST_YEAR + 1,
            "status": status, "cities": [{"geonames_id": city}], "level": "municipal",
            "original_language": lang,
            "texts": {lang: {"title": title, "summary": body}},
            "themes": themes_of(case), "sdgs": sdgs,
            "source": {"dataset": "sdg-commons", "id": case.id.chars().take(300).collect::<String>()},
        });
        out.push_str(&record.to_string());
        out.push('\n');
    }
    Ok((out, usable.len()))
}

// ---------------------------------------------------------------------------------------------
// The documents as FTS5 and PostgreSQL get them

/// One document as the other engines index it, from the very `SearchDocument` Kapok indexes.
struct IndexRow {
    id: i64,
    title: String,
    body: String,
    places: String,
    countries: String,
    themes: String,
    theme_keys: Vec<String>,
    city: String,
    country: String,
    year: i64,
}

fn row_of(document: &SearchDocument) -> IndexRow {
    let mut title = Vec::new();
    let mut body = Vec::new();
    for text in document.texts.values() {
        if let Some(t) = &text.title {
            title.push(t.as_str());
        }
        for section in kapok::domain::Section::ALL {
            if let Some(s) = text.section(*section) {
                body.push(s);
            }
        }
    }
    let mut places = BTreeSet::new();
    let mut countries = BTreeSet::new();
    for government in &document.governments {
        places.insert(government.name.clone());
        places.insert(government.ascii_name.clone());
        if let Some(zh) = &government.name_zh {
            places.insert(zh.clone());
        }
        countries.insert(government.country_code.clone());
        countries.extend(government.country_names.0.values().cloned());
    }
    let themes: BTreeSet<String> = document.themes.iter().flat_map(|t| t.0.values().cloned()).collect();
    IndexRow {
        id: document.summary.entry_id.0,
        title: title.join(" "),
        body: body.join("\n"),
        places: places.into_iter().collect::<Vec<_>>().join(" "),
        countries: countries.into_iter().collect::<Vec<_>>().join(" "),
        themes: themes.into_iter().collect::<Vec<_>>().join(" "),
        theme_keys: document.themes.iter().map(|t| t.get(kapok::domain::LangCode::EN).to_string()).collect(),
        city: document.summary.city_name.clone(),
        country: document.summary.country_code.clone(),
        year: document.summary.year,
    }
}

async fn build_fts5(path: &Path, rows: &[IndexRow]) -> anyhow::Result<()> {
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Off)
        .synchronous(sqlx::sqlite::SqliteSynchronous::Off);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
    for statement in [
        "CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, city TEXT, country TEXT, year INTEGER)",
        "CREATE TABLE doc_themes (theme TEXT, doc INTEGER, PRIMARY KEY (theme, doc)) WITHOUT ROWID",
        // Contentless: FTS5 keeps the index and the column sizes bm25 needs, not a second copy of the texts.
        "CREATE VIRTUAL TABLE fts USING fts5(title, body, places, countries, themes, content='', \
         tokenize='porter unicode61 remove_diacritics 2')",
    ] {
        sqlx::query(statement).execute(&pool).await?;
    }
    let mut tx = pool.begin().await?;
    for row in rows {
        sqlx::query("INSERT INTO docs (id, title, city, country, year) VALUES (?, ?, ?, ?, ?)")
            .bind(row.id)
            .bind(&row.title)
            .bind(&row.city)
            .bind(&row.country)
            .bind(row.year)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO fts (rowid, title, body, places, countries, themes) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(row.id)
            .bind(&row.title)
            .bind(&row.body)
            .bind(&row.places)
            .bind(&row.countries)
            .bind(&row.themes)
            .execute(&mut *tx)
            .await?;
        for theme in &row.theme_keys {
            sqlx::query("INSERT OR IGNORE INTO doc_themes (theme, doc) VALUES (?, ?)")
                .bind(theme)
                .bind(row.id)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    for statement in [
        "INSERT INTO fts (fts) VALUES ('optimize')",
        "CREATE INDEX docs_country_year ON docs (country, year)",
        "CREATE INDEX docs_year ON docs (year)",
        "ANALYZE",
    ] {
        sqlx::query(statement).execute(&pool).await?;
    }
    pool.close().await;
    Ok(())
}

/// PostgreSQL: one table with a weighted tsvector (A title, B places, C countries and themes,
/// D texts) under a GIN index; the texts themselves are not stored (as with FTS5).
async fn build_postgres(url: &str, rows: &[IndexRow]) -> anyhow::Result<()> {
    let pool = PgPoolOptions::new().max_connections(cores() as u32).connect(url).await?;
    sqlx::query(
        "CREATE TABLE docs (id BIGINT PRIMARY KEY, title TEXT, city TEXT, country TEXT, year INT, \
         themes TEXT[], tsv TSVECTOR)",
    )
    .execute(&pool)
    .await?;
    // As many loaders as cores: to_tsvector is where the time goes.
    let chunks: Vec<&[IndexRow]> = rows.chunks(500).collect();
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let loaders = (0..cores()).map(|_| {
        let (pool, next, chunks) = (pool.clone(), next.clone(), &chunks);
        async move {
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(chunk) = chunks.get(i) else { return anyhow::Ok(()) };
                sqlx::query(
                    "INSERT INTO docs (id, title, city, country, year, themes, tsv) \
                     SELECT id, title, city, country, year, string_to_array(themes, '|'), \
                       setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', places), 'B') \
                       || setweight(to_tsvector('english', names), 'C') || setweight(to_tsvector('english', body), 'D') \
                     FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], \
                       $8::text[], $9::text[]) AS t(id, title, city, country, year, themes, places, names, body)",
                )
                .bind(chunk.iter().map(|r| r.id).collect::<Vec<_>>())
                .bind(chunk.iter().map(|r| r.title.clone()).collect::<Vec<_>>())
                .bind(chunk.iter().map(|r| r.city.clone()).collect::<Vec<_>>())
                .bind(chunk.iter().map(|r| r.country.clone()).collect::<Vec<_>>())
                .bind(chunk.iter().map(|r| r.year as i32).collect::<Vec<_>>())
                .bind(chunk.iter().map(|r| r.theme_keys.join("|")).collect::<Vec<_>>())
                .bind(chunk.iter().map(|r| r.places.clone()).collect::<Vec<_>>())
                .bind(chunk.iter().map(|r| format!("{} {}", r.countries, r.themes)).collect::<Vec<_>>())
                .bind(chunk.iter().map(|r| r.body.clone()).collect::<Vec<_>>())
                .execute(&pool)
                .await?;
            }
        }
    });
    for result in futures_util::future::join_all(loaders).await {
        result?;
    }
    let mut connection = pool.acquire().await?;
    for statement in [
        "SET maintenance_work_mem = '256MB'",
        "CREATE INDEX docs_tsv ON docs USING GIN (tsv)",
        "CREATE INDEX docs_country_year ON docs (country, year)",
        "CREATE INDEX docs_year ON docs (year)",
        "VACUUM ANALYZE docs",
    ] {
        sqlx::query(statement).execute(&mut *connection).await?;
    }
    drop(connection);
    pool.close().await;
    Ok(())
}

/// A fresh database on the PostgreSQL server, dropped when the benchmark is done with it.
struct PgDatabase {
    admin: String,
    name: String,
    url: String,
}

async fn postgres_database() -> Result<PgDatabase, String> {
    let admin = std::env::var("KAPOK_BENCH_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_string());
    let connect = || async {
        let options = PgConnectOptions::from_str(&admin).map_err(|e| e.to_string())?;
        tokio::time::timeout(Duration::from_secs(5), PgPoolOptions::new().max_connections(1).connect_with(options))
            .await
            .map_err(|_| "timed out".to_string())?
            .map_err(|e| e.to_string())
    };
    let pool = match connect().await {
        Ok(pool) => pool,
        Err(first) => {
            // The local cluster may just be stopped.
            let started = Command::new("pg_ctlcluster").args(["15", "main", "start"]).output();
            if !started.is_ok_and(|o| o.status.success()) {
                return Err(format!("{}: {first}", kapok::storage::redact(&admin)));
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
            connect().await.map_err(|e| format!("{}: {e}", kapok::storage::redact(&admin)))?
        }
    };
    let name = format!("kapok_library_bench_{}", std::process::id());
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&pool).await.map_err(|e| e.to_string())?;
    pool.close().await;
    let mut url = url::Url::parse(&admin).map_err(|e| e.to_string())?;
    url.set_path(&format!("/{name}"));
    Ok(PgDatabase { admin, name, url: url.to_string() })
}

impl PgDatabase {
    async fn drop_database(&self) {
        if let Ok(pool) = PgPoolOptions::new().max_connections(1).connect(&self.admin).await {
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name)).execute(&pool).await;
            pool.close().await;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The engines, as measured

enum Engine {
    Kapok { store: Arc<dyn Store>, search: Arc<kapok::search::Search> },
    Fts5(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

/// Filters as SQL, with their values in order (`?` placeholders; PostgreSQL's are renumbered).
fn sql_filters(query: &BenchQuery, postgres: bool) -> (String, Vec<SqlValue>) {
    let mut sql = String::new();
    let mut values = Vec::new();
    if let Some(country) = query.country {
        sql.push_str(" AND d.country = ?");
        values.push(SqlValue::Text(country.into()));
    }
    if let Some(year) = query.year {
        sql.push_str(" AND d.year = ?");
        values.push(SqlValue::Int(year));
    }
    if let Some((from, to)) = query.years {
        sql.push_str(" AND d.year BETWEEN ? AND ?");
        values.push(SqlValue::Int(from));
        values.push(SqlValue::Int(to));
    }
    if let Some(theme) = query.theme {
        sql.push_str(if postgres {
            " AND ? = ANY(d.themes)"
        } else {
            " AND d.id IN (SELECT doc FROM doc_themes WHERE theme = ?)"
        });
        values.push(SqlValue::Text(theme.into()));
    }
    (sql, values)
}

#[derive(Clone)]
enum SqlValue {
    Text(String),
    Int(i64),
}

/// `?` → `$1, $2 …`.
fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push_str(&format!("${n}"));
        } else {
            out.push(c);
        }
    }
    out
}

/// The SQL of one search page: the top 10 (best match first, or newest without words) and the
/// country × year counts of every match (both facets and the total in one pass).
fn page_sql(query: &BenchQuery, postgres: bool) -> (String, String, Vec<SqlValue>) {
    let (filters, mut values) = sql_filters(query, postgres);
    let text = if postgres { query.pg } else { query.fts };
    let (top, counts) = match (text.is_empty(), postgres) {
        (true, _) => (
            format!(
                "SELECT d.id, d.title, d.city, d.country, d.year FROM docs d WHERE TRUE{filters} \
                 ORDER BY d.year DESC, d.id DESC LIMIT {PAGE}"
            ),
            format!("SELECT d.country, d.year, COUNT(*) FROM docs d WHERE TRUE{filters} GROUP BY 1, 2"),
        ),
        (false, false) => (
            format!(
                "SELECT d.id, d.title, d.city, d.country, d.year FROM fts JOIN docs d ON d.id = fts.rowid \
                 WHERE fts MATCH ?{filters} ORDER BY bm25(fts, 3.0, 1.0, 2.0, 1.5, 1.5) LIMIT {PAGE}"
            ),
            format!(
                "SELECT d.country, d.year, COUNT(*) FROM fts JOIN docs d ON d.id = fts.rowid \
                 WHERE fts MATCH ?{filters} GROUP BY 1, 2"
            ),
        ),
        (false, true) => (
            format!(
                "SELECT d.id, d.title, d.city, d.country, d.year FROM docs d, to_tsquery('english', ?) q \
                 WHERE d.tsv @@ q{filters} ORDER BY ts_rank(d.tsv, q) DESC LIMIT {PAGE}"
            ),
            format!(
                "SELECT d.country, d.year, COUNT(*) FROM docs d \
                 WHERE d.tsv @@ to_tsquery('english', ?){filters} GROUP BY 1, 2"
            ),
        ),
    };
    if !text.is_empty() {
        values.insert(0, SqlValue::Text(text.to_string()));
    }
    if postgres { (numbered(&top), numbered(&counts), values) } else { (top, counts, values) }
}

/// The country and year facets of a page from FTS5's or PostgreSQL's (country, year, count)
/// rows; returns the total they add up to.
fn facet_total(rows: &[(String, i64, i64)]) -> u64 {
    let mut countries: BTreeMap<&str, i64> = BTreeMap::new();
    let mut years: BTreeMap<i64, i64> = BTreeMap::new();
    for (country, year, count) in rows {
        *countries.entry(country).or_default() += count;
        *years.entry(*year).or_default() += count;
    }
    countries.values().sum::<i64>() as u64
}

impl Engine {
    /// One full search page: the top 10 with facet counts. Returns the number of matches.
    async fn page(&self, query: &BenchQuery) -> anyhow::Result<u64> {
        match self {
            Engine::Kapok { store, search } => {
                let request = LibraryRequest::from_query_string(Some(&query.query_string()), &[])
                    .map_err(|e| anyhow::anyhow!("{e:?}"))?;
                let window = Window::Offset { offset: 0, limit: PAGE };
                let results = library::search(&**store, search, &request, window, &["en"], FACET_LIMIT).await?;
                anyhow::ensure!(results.facets.is_some(), "Kapok answered without its index");
                Ok(results.total as u64)
            }
            Engine::Fts5(pool) => {
                let (top, counts, values) = page_sql(query, false);
                let mut connection = pool.acquire().await?;
                let mut statement = sqlx::query(&top);
                for value in &values {
                    statement = match value {
                        SqlValue::Text(t) => statement.bind(t),
                        SqlValue::Int(i) => statement.bind(i),
                    };
                }
                let hits = statement.fetch_all(&mut *connection).await?;
                let _titles: Vec<Option<String>> = hits.iter().map(|r| r.get(1)).collect();
                let mut statement = sqlx::query(&counts);
                for value in &values {
                    statement = match value {
                        SqlValue::Text(t) => statement.bind(t),
                        SqlValue::Int(i) => statement.bind(i),
                    };
                }
                let rows: Vec<(String, i64, i64)> = statement
                    .fetch_all(&mut *connection)
                    .await?
                    .iter()
                    .map(|r| (r.get::<String, _>(0), r.get::<i64, _>(1), r.get::<i64, _>(2)))
                    .collect();
                Ok(facet_total(&rows))
            }
            Engine::Postgres(pool) => {
                let (top, counts, values) = page_sql(query, true);
                let mut connection = pool.acquire().await?;
                let mut statement = sqlx::query(&top);
                for value in &values {
                    statement = match value {
                        SqlValue::Text(t) => statement.bind(t),
                        SqlValue::Int(i) => statement.bind(*i as i32),
                    };
                }
                let hits = statement.fetch_all(&mut *connection).await?;
                let _titles: Vec<Option<String>> = hits.iter().map(|r| r.get(1)).collect();
                let mut statement = sqlx::query(&counts);
                for value in &values {
                    statement = match value {
                        SqlValue::Text(t) => statement.bind(t),
                        SqlValue::Int(i) => statement.bind(*i as i32),
                    };
                }
                let rows: Vec<(String, i64, i64)> = statement
                    .fetch_all(&mut *connection)
                    .await?
                    .iter()
                    .map(|r| (r.get::<String, _>(0), i64::from(r.get::<i32, _>(1)), r.get::<i64, _>(2)))
                    .collect();
                Ok(facet_total(&rows))
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Measuring (in the child process)

/// What one engine's child reports.
#[derive(Serialize, Deserialize, Default)]
struct Measured {
    /// Matches per query.
    totals: Vec<u64>,
    /// One client alone: each query's times (ms).
    sequential: Vec<Vec<f64>>,
    /// Concurrent clients: time in the search call (ms), by query.
    server: Vec<(usize, f64)>,
    /// Concurrent clients: time from wanting to search to the answer (waiting for a slot included).
    client: Vec<f64>,
    elapsed_s: f64,
    /// Busy cores of the whole machine during the concurrent run, and of the measuring process.
    machine_busy_cores: f64,
    process_cores: f64,
    /// Cores' worth of time the hypervisor gave to other machines (steal) during the concurrent run.
    steal_cores: f64,
    rss_kib: u64,
    hwm_kib: u64,
}

fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()).unwrap_or(0)
}

/// CPU seconds (user + system) of this process so far.
fn process_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // After the command name (which may hold spaces): utime and stime are fields 14 and 15.
    let Some((_, rest)) = stat.rsplit_once(')') else { return 0.0 };
    let fields: Vec<f64> = rest.split_whitespace().map(|f| f.parse().unwrap_or(0.0)).collect();
    (fields.get(11).copied().unwrap_or(0.0) + fields.get(12).copied().unwrap_or(0.0)) / 100.0
}

/// Busy, total and stolen CPU time of the whole machine, in seconds (all cores).
fn machine_cpu() -> (f64, f64, f64) {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let Some(line) = stat.lines().next() else { return (0.0, 0.0, 0.0) };
    // user nice system idle iowait irq softirq steal
    let ticks: Vec<f64> = line.split_whitespace().skip(1).map(|f| f.parse().unwrap_or(0.0)).collect();
    let total: f64 = ticks.iter().take(8).sum();
    let idle = ticks.get(3).copied().unwrap_or(0.0) + ticks.get(4).copied().unwrap_or(0.0);
    let steal = ticks.get(7).copied().unwrap_or(0.0);
    ((total - idle) / 100.0, total / 100.0, steal / 100.0)
}

async fn measure(engine: Engine, seconds: f64, clients: usize) -> anyhow::Result<Measured> {
    let engine = Arc::new(engine);
    let mut measured = Measured { sequential: vec![Vec::new(); QUERIES.len()], ..Default::default() };
    // Warm up, and the number of matches of each query.
    for query in QUERIES {
        measured.totals.push(engine.page(query).await?);
    }
    // One client alone: rounds over the query set for a third of the time (at least three).
    let started = Instant::now();
    let mut rounds = 0;
    while rounds < 3 || started.elapsed().as_secs_f64() < seconds / 3.0 {
        for (i, query) in QUERIES.iter().enumerate() {
            let t = Instant::now();
            engine.page(query).await?;
            measured.sequential[i].push(t.elapsed().as_secs_f64() * 1000.0);
        }
        rounds += 1;
    }
    // Concurrent clients, closed loop, as many searches at once as cores (a fair queue).
    let slots = Arc::new(tokio::sync::Semaphore::new(cores()));
    let (busy_before, total_before, steal_before) = machine_cpu();
    let process_before = process_cpu();
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(seconds);
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let (engine, slots) = (engine.clone(), slots.clone());
            tokio::spawn(async move {
                let mut server = Vec::new();
                let mut client = Vec::new();
                let mut n = c * 7;
                while Instant::now() < deadline {
                    let i = n % QUERIES.len();
                    n += 1;
                    let wanted = Instant::now();
                    let permit = slots.acquire().await.expect("the semaphore stays open");
                    let t = Instant::now();
                    engine.page(&QUERIES[i]).await?;
                    let done = Instant::now();
                    drop(permit);
                    server.push((i, (done - t).as_secs_f64() * 1000.0));
                    client.push((done - wanted).as_secs_f64() * 1000.0);
                }
                anyhow::Ok((server, client))
            })
        })
        .collect();
    for task in tasks {
        let (server, client) = task.await??;
        measured.server.extend(server);
        measured.client.extend(client);
    }
    measured.elapsed_s = started.elapsed().as_secs_f64();
    let (busy, total, steal) = machine_cpu();
    let share = |seconds: f64| seconds / (total - total_before).max(f64::EPSILON) * cores() as f64;
    measured.machine_busy_cores = share(busy - busy_before);
    measured.steal_cores = share(steal - steal_before);
    measured.process_cores = (process_cpu() - process_before) / measured.elapsed_s;
    measured.rss_kib = status_kib("VmRSS:");
    measured.hwm_kib = status_kib("VmHWM:");
    Ok(measured)
}

/// The child: opens one engine, measures it, prints the result as JSON on stdout.
async fn child(engine: &str, target: &str, seconds: f64, clients: usize) -> anyhow::Result<()> {
    let engine = match engine {
        "kapok" => {
            let dir = PathBuf::from(target);
            let store = kapok::storage::connect(&kapok::config::sqlite_url(&dir.join("kapok.db"))).await?;
            let search = Arc::new(kapok::search::Search::open(&library::index_dir(&dir)));
            anyhow::ensure!(search.is_ready(), "no search index under {}", dir.display());
            Engine::Kapok { store, search }
        }
        "fts5" => {
            let options = SqliteConnectOptions::from_str(&format!("sqlite://{target}"))?
                .read_only(true)
                // As much memory as the index may want: the comparison is of search, not of I/O.
                .pragma("cache_size", "-262144")
                .pragma("mmap_size", "2147483648");
            Engine::Fts5(SqlitePoolOptions::new().max_connections(cores() as u32).connect_with(options).await?)
        }
        "postgres" => Engine::Postgres(
            PgPoolOptions::new()
                .max_connections(cores() as u32)
                .after_connect(|connection, _| {
                    Box::pin(async move {
                        // JIT compilation costs more than it saves on these short queries.
                        sqlx::query("SET jit = off").execute(&mut *connection).await?;
                        Ok(())
                    })
                })
                .connect(target)
                .await?,
        ),
        other => bail!("unknown engine {other}"),
    };
    let measured = measure(engine, seconds, clients).await?;
    println!("{}", serde_json::to_string(&measured)?);
    Ok(())
}

fn run_child(engine: &str, target: &str, options: &Options) -> anyhow::Result<Measured> {
    let output = Command::new(std::env::current_exe()?)
        .args(["--measure", engine, target])
        .args(["--seconds", &options.seconds.to_string(), "--clients", &options.clients.to_string()])
        .stderr(Stdio::inherit())
        .output()?;
    if !output.status.success() {
        bail!("measuring {engine} failed ({})", output.status);
    }
    Ok(serde_json::from_slice(&output.stdout)?)
}

// ---------------------------------------------------------------------------------------------
// HTTP

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Rotates over the paths of a file, one a line, each thread from its own place.
const WRK_SCRIPT: &str = r#"
local threads = 0
function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end
function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  position = ((thread_number or 0) * 17) % #paths
end
function request()
  position = (position % #paths) + 1
  return wrk.format("GET", paths[position])
end
"#;

struct Http {
    route: &'static str,
    requests_per_s: f64,
    p50: f64,
    p99: f64,
    non_2xx: u64,
}

fn millis(text: &str) -> Option<f64> {
    let split = text.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = text.split_at(split);
    let value: f64 = number.parse().ok()?;
    Some(match unit {
        "us" => value / 1000.0,
        "ms" => value,
        "s" => value * 1000.0,
        _ => return None,
    })
}

fn parse_wrk(route: &'static str, out: &str) -> Option<Http> {
    let mut http = Http { route, requests_per_s: 0.0, p50: f64::NAN, p99: f64::NAN, non_2xx: 0 };
    for line in out.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words[..] {
            ["50%", value] => http.p50 = millis(value)?,
            ["99%", value] => http.p99 = millis(value)?,
            ["Requests/sec:", value] => http.requests_per_s = value.parse().ok()?,
            _ => {}
        }
        if let Some(rest) = line.trim().strip_prefix("Non-2xx or 3xx responses:") {
            http.non_2xx = rest.trim().parse().ok()?;
        }
    }
    (http.requests_per_s > 0.0).then_some(http)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Kapok over HTTP: the release server on the benchmark's data directory, wrk with the query set
/// against the JSON API and the library page. Returns the runs and the server's VmRSS/VmHWM (KiB).
async fn http(dir: &Path, options: &Options) -> anyhow::Result<(Vec<Http>, u64, u64)> {
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let server = Server(
        Command::new(env!("CARGO_BIN_EXE_kapok"))
            .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--log", "warn"])
            .arg("--data-dir")
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("the kapok binary starts")?,
    );
    let probe = reqwest::Client::new();
    let mut up = false;
    for _ in 0..600 {
        if probe.get(format!("{base}/api/v1/initiatives?q=water")).send().await.is_ok_and(|r| r.status().is_success()) {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anyhow::ensure!(up, "the server at {base} did not answer searches");
    let script = dir.join("paths.lua");
    std::fs::write(&script, WRK_SCRIPT)?;
    let mut runs = Vec::new();
    for (route, prefix) in [
        ("GET /api/v1/initiatives (limit=10)", "/api/v1/initiatives?limit=10&"),
        ("GET /library (HTML, 20 a page)", "/library?"),
    ] {
        let paths: Vec<String> = QUERIES.iter().map(|q| format!("{prefix}{}", q.query_string())).collect();
        let paths_file = dir.join("paths.txt");
        std::fs::write(&paths_file, paths.join("\n") + "\n")?;
        // Warm: every path once.
        for path in &paths {
            probe.get(format!("{base}{path}")).send().await?.error_for_status()?;
        }
        let output = tokio::process::Command::new("wrk")
            .args(["-t2", &format!("-c{}", options.clients), &format!("-d{}s", options.seconds.ceil() as u64)])
            .args(["--latency", "--timeout", "10s", "-s"])
            .arg(&script)
            .arg(&base)
            .arg("--")
            .arg(&paths_file)
            .output()
            .await?;
        let out = String::from_utf8_lossy(&output.stdout);
        let run = parse_wrk(route, &out).with_context(|| format!("could not read wrk's report:\n{out}"))?;
        runs.push(run);
    }
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.0.id())).unwrap_or_default();
    let kib = |field: &str| {
        status
            .lines()
            .find(|l| l.starts_with(field))
            .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            .unwrap_or(0)
    };
    Ok((runs, kib("VmRSS:"), kib("VmHWM:")))
}

// ---------------------------------------------------------------------------------------------
// The report

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn sorted(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    values
}

fn thousands(n: f64) -> String {
    let digits = format!("{n:.0}");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && c != '-' {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn dir_size(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else { return std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) };
    entries
        .flatten()
        .map(|e| if e.path().is_dir() { dir_size(&e.path()) } else { e.metadata().map(|m| m.len()).unwrap_or(0) })
        .sum()
}

fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map(|m| m.trim().to_string())
        .unwrap_or_else(|| "unknown CPU".into());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory_gib = meminfo
        .lines()
        .find(|l| l.starts_with("MemTotal:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map(|kib| kib / 1024.0 / 1024.0)
        .unwrap_or(0.0);
    format!("{} cores ({model}), {memory_gib:.0} GiB", cores())
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

struct Column {
    name: &'static str,
    build_s: f64,
    disk_bytes: u64,
    measured: Measured,
}

impl Column {
    fn pages_per_s(&self) -> f64 {
        self.measured.server.len() as f64 / self.measured.elapsed_s.max(f64::EPSILON)
    }
    fn server(&self) -> Vec<f64> {
        sorted(self.measured.server.iter().map(|(_, ms)| *ms).collect())
    }
    fn client(&self) -> Vec<f64> {
        sorted(self.measured.client.clone())
    }
    fn sequential(&self) -> Vec<f64> {
        sorted(self.measured.sequential.iter().flatten().copied().collect())
    }
}

fn print_report(
    options: &Options,
    corpus: &CorpusFacts,
    columns: &[Column],
    postgres_note: Option<&str>,
    http_runs: &(Vec<Http>, u64, u64),
) {
    println!("## Library search\n");
    println!(
        "Machine: {}. Load average before the measurements: {}. Corpus: {} entries from {} cases of the SDG \
         Innovation Commons ({} MiB of text), {} queries ({} with facet filters); {} concurrent clients, \
         {} s per engine; each engine gets {} execution slots (searches, connections, backends).\n",
        machine(),
        corpus.load_before,
        thousands(options.docs as f64),
        thousands(corpus.cases as f64),
        corpus.text_bytes / (1 << 20),
        QUERIES.len(),
        QUERIES.iter().filter(|q| q.country.is_some() || q.year.is_some() || q.theme.is_some()).count(),
        options.clients,
        options.seconds,
        cores(),
    );
    println!(
        "Kapok's import through `import_initiatives` took {:.1} s; `library::reindex` (what `kapok reindex` \
         runs) {:.1} s: the documents read from SQLite in {:.1} s, then tantivy's build {:.1} s (the row \
         below: every engine from documents in memory). Load average after the measurements: {}.\n",
        corpus.import_s,
        corpus.documents_s + columns[0].build_s,
        corpus.documents_s,
        columns[0].build_s,
        load_average(),
    );
    if let Some(note) = postgres_note {
        println!("PostgreSQL: {note}\n");
    }
    let kapok = &columns[0];
    let mut header = String::from("| | ");
    let mut rule = String::from("|---|");
    for column in columns {
        header.push_str(&format!("{} | ", column.name));
        rule.push_str("---:|");
    }
    for column in &columns[1..] {
        header.push_str(&format!("Kapok vs {} | ", column.name));
        rule.push_str("---:|");
    }
    println!("{}", header.trim_end());
    println!("{rule}");
    // The ratio columns say how many times better Kapok does; None: no ratio (a measure of the run).
    let row = |name: &str, value: &dyn Fn(&Column) -> f64, digits: usize, higher_is_better: Option<bool>| {
        let mut line = format!("| {name} | ");
        for column in columns {
            let v = value(column);
            line.push_str(&if digits == 0 { thousands(v) } else { format!("{v:.digits$}") });
            line.push_str(" | ");
        }
        for column in &columns[1..] {
            let ratio = match higher_is_better {
                Some(true) => format!("{:.1}×", value(kapok) / value(column)),
                Some(false) => format!("{:.1}×", value(column) / value(kapok)),
                None => "–".into(),
            };
            line.push_str(&format!("{ratio} | "));
        }
        println!("{}", line.trim_end());
    };
    row("index build from the documents, s", &|c| c.build_s, 1, Some(false));
    row("search pages/s (top 10 + facets)", &|c| c.pages_per_s(), 0, Some(true));
    row("server time p50, ms", &|c| percentile(&c.server(), 50.0), 2, Some(false));
    row("server time p99, ms", &|c| percentile(&c.server(), 99.0), 2, Some(false));
    row("client latency p50, ms (waiting for a slot included)", &|c| percentile(&c.client(), 50.0), 2, Some(false));
    row("client latency p99, ms", &|c| percentile(&c.client(), 99.0), 2, Some(false));
    row("one client alone: p50, ms", &|c| percentile(&c.sequential(), 50.0), 2, Some(false));
    row("one client alone: p99, ms", &|c| percentile(&c.sequential(), 99.0), 2, Some(false));
    row("resident memory (VmRSS) of the measuring process, MiB", &|c| c.measured.rss_kib as f64 / 1024.0, 0, None);
    row("peak resident memory (VmHWM), MiB", &|c| c.measured.hwm_kib as f64 / 1024.0, 0, None);
    row("index on disk, MiB", &|c| c.disk_bytes as f64 / 1048576.0, 0, Some(false));
    row("cores busy during the concurrent run: whole machine", &|c| c.measured.machine_busy_cores, 2, None);
    row("… of which the measuring process", &|c| c.measured.process_cores, 2, None);
    row("… of which stolen by the hypervisor", &|c| c.measured.steal_cores, 2, None);
    println!(
        "\nKapok's page computes all ten facets (award, edition, status, continent, country, city, theme, SDG, \
         year, level; disjunctive) and snippets; FTS5 and PostgreSQL compute the top 10 and the country × year \
         counts (the total with them). For PostgreSQL the memory is that of the client process only.\n"
    );

    let (runs, rss, hwm) = http_runs;
    if !runs.is_empty() {
        println!(
            "Kapok over HTTP (release `kapok serve` on the same data, wrk: 2 threads, {} connections, {} s, \
             rotating over the query set; load generator on the same cores):\n",
            options.clients,
            options.seconds.ceil()
        );
        println!("| route | requests/s | p50 ms | p99 ms | not 2xx |");
        println!("|---|---:|---:|---:|---:|");
        for run in runs {
            println!(
                "| {} | {} | {:.2} | {:.2} | {} |",
                run.route,
                thousands(run.requests_per_s),
                run.p50,
                run.p99,
                run.non_2xx
            );
        }
        println!("\nServer resident memory after the runs: VmRSS {} MiB, VmHWM {} MiB.\n", rss / 1024, hwm / 1024);
    }

    println!("Per query (matches; one client alone, p50 ms):\n");
    let mut header = String::from("| # | kind | query |");
    let mut rule = String::from("|---|---|---|");
    for column in columns {
        header.push_str(&format!(" {} matches |", column.name));
        rule.push_str("---:|");
    }
    for column in columns {
        header.push_str(&format!(" {} ms |", column.name));
        rule.push_str("---:|");
    }
    println!("{header}");
    println!("{rule}");
    for (i, query) in QUERIES.iter().enumerate() {
        let mut line = format!("| {} | {} | {} |", i + 1, query.kind, query.label().replace('|', "\\|"));
        for column in columns {
            line.push_str(&format!(" {} |", thousands(column.measured.totals[i] as f64)));
        }
        for column in columns {
            line.push_str(&format!(" {:.2} |", percentile(&sorted(column.measured.sequential[i].clone()), 50.0)));
        }
        println!("{line}");
    }
    let p99 = percentile(&kapok.server(), 99.0);
    let pages = kapok.pages_per_s();
    println!(
        "\nTargets: p99 server time under 10 ms: {} ({p99:.2} ms); at least 3,000 search pages/s: {} ({}).",
        if p99 < 10.0 { "met" } else { "NOT met" },
        if pages >= 3000.0 { "met" } else { "NOT met" },
        thousands(pages)
    );
}

struct CorpusFacts {
    cases: usize,
    text_bytes: usize,
    import_s: f64,
    documents_s: f64,
    load_before: String,
}

// ---------------------------------------------------------------------------------------------

/// Updates in place (what the server's reindexer does after a change), against the full build:
/// `library::update` of 1 and of 100 initiatives (their documents read from SQLite, deleted and
/// added, committed, readers reloaded), then the first unfiltered page after it (which counts
/// the whole library again).
async fn measure_updates(store: &Arc<dyn kapok::storage::Store>, data_dir: &Path, build_s: f64) -> anyhow::Result<()> {
    use kapok::domain::InitiativeId;
    let search = Arc::new(kapok::search::Search::open(&library::index_dir(data_dir)));
    let everything = |search: &kapok::search::Search| -> anyhow::Result<f64> {
        let filters = kapok::search::Filters::default();
        let request = kapok::search::SearchRequest {
            query: None,
            filters: &filters,
            sort: kapok::search::Sort::Newest,
            window: kapok::search::Window::Offset { offset: 0, limit: 10 },
            languages: &["en"],
            facet_limit: 20,
        };
        let started = Instant::now();
        search.search(&request)?.context("no index")?;
        Ok(started.elapsed().as_secs_f64() * 1000.0)
    };
    println!(
        "| update | initiatives | store read, ms | update (read + write + commit + reload), ms | next unfiltered page, ms |"
    );
    println!("|---|---:|---:|---:|---:|");
    let mut next = 1i64;
    for (label, size, rounds) in
        [("first (opens the writer)", 1usize, 1usize), ("1 initiative", 1, 7), ("100 initiatives", 100, 7)]
    {
        let mut reads = Vec::new();
        let mut updates = Vec::new();
        let mut pages = Vec::new();
        for _ in 0..rounds {
            let ids: Vec<InitiativeId> = (next..next + size as i64).map(InitiativeId).collect();
            next += size as i64;
            let started = Instant::now();
            let documents = store.search_documents_of(&ids).await?;
            reads.push(started.elapsed().as_secs_f64() * 1000.0);
            anyhow::ensure!(documents.len() >= size, "{} documents for {size} initiatives", documents.len());
            let started = Instant::now();
            library::update(&**store, &search, &ids).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            updates.push(started.elapsed().as_secs_f64() * 1000.0);
            pages.push(everything(&search)?);
        }
        let median = |values: &mut Vec<f64>| {
            values.sort_by(f64::total_cmp);
            values[values.len() / 2]
        };
        println!(
            "| {label} (median of {rounds}) | {size} | {:.1} | {:.1} | {:.1} |",
            median(&mut reads),
            median(&mut updates),
            median(&mut pages)
        );
    }
    println!("\nFull build of the same index (`library::reindex`): {build_s:.1} s.");
    Ok(())
}

async fn main_run(options: Options) -> anyhow::Result<()> {
    let temporary = tempfile::tempdir()?;
    let work = match &options.keep {
        Some(dir) => {
            anyhow::ensure!(!dir.exists(), "{} exists already", dir.display());
            std::fs::create_dir_all(dir)?;
            dir.clone()
        }
        None => temporary.path().to_path_buf(),
    };
    let data_dir = work.join("kapok");
    std::fs::create_dir_all(&data_dir)?;

    eprintln!("library: reading the corpus…");
    let cases = shared_cases()?;
    let (jsonl, used) = corpus_jsonl(&cases, options.docs)?;
    drop(cases);
    eprintln!("library: {} entries from {used} cases; importing into Kapok (SQLite)…", options.docs);
    let store = kapok::storage::connect(&kapok::config::sqlite_url(&data_dir.join("kapok.db"))).await?;
    store.migrate().await?;
    kapok::demo::ensure_gazetteer(&*store).await?;
    store.upsert_awards(&kapok::interchange::read_awards("library-bench.json", &award_json())?).await?;
    let started = Instant::now();
    let records = kapok::interchange::read_initiatives(Path::new("library-bench.jsonl"), jsonl.as_bytes())?;
    drop(jsonl);
    let catalog = store.catalog().await?;
    let initiatives = kapok::interchange::resolve_initiatives("library-bench.jsonl", records, &catalog)?;
    store.import_initiatives(&initiatives, &|_| {}).await?;
    drop(initiatives);
    let import_s = started.elapsed().as_secs_f64();

    eprintln!("library: building Kapok's index…");
    let first_document = Arc::new(std::sync::Mutex::new(None::<Instant>));
    let started = Instant::now();
    let seen = first_document.clone();
    let indexed = library::reindex(
        &*store,
        &library::index_dir(&data_dir),
        Arc::new(move |done, _| {
            if done == 1 {
                *seen.lock().unwrap() = Some(Instant::now());
            }
        }),
    )
    .await?;
    let kapok_build_s = started.elapsed().as_secs_f64();
    let documents_s = first_document.lock().unwrap().map(|t| (t - started).as_secs_f64()).unwrap_or(0.0);
    eprintln!("library: {indexed} initiatives indexed in {kapok_build_s:.1} s");
    if options.updates_only {
        return measure_updates(&store, &data_dir, kapok_build_s).await;
    }

    let documents = store.search_documents().await?;
    anyhow::ensure!(documents.len() == options.docs, "{} documents for {} entries", documents.len(), options.docs);
    let rows: Vec<IndexRow> = documents.iter().map(row_of).collect();
    drop(documents);
    let text_bytes: usize = rows.iter().map(|r| r.title.len() + r.body.len()).sum();
    drop(store);

    eprintln!("library: building the FTS5 index…");
    let fts_path = work.join("fts5.db");
    let started = Instant::now();
    build_fts5(&fts_path, &rows).await?;
    let fts_build_s = started.elapsed().as_secs_f64();

    eprintln!("library: building the PostgreSQL index…");
    let mut postgres_note = None;
    let postgres = match postgres_database().await {
        Ok(database) => {
            let started = Instant::now();
            match build_postgres(&database.url, &rows).await {
                Ok(()) => Some((database, started.elapsed().as_secs_f64())),
                Err(error) => {
                    database.drop_database().await;
                    postgres_note = Some(format!("skipped: loading failed ({error:#})"));
                    None
                }
            }
        }
        Err(error) => {
            postgres_note = Some(format!(
                "skipped: no server ({error}); set KAPOK_BENCH_POSTGRES_URL to an admin URL to include it"
            ));
            None
        }
    };
    drop(rows);

    let load_before = load_average();
    let mut columns = Vec::new();
    eprintln!("library: measuring Kapok…");
    columns.push(Column {
        name: "Kapok",
        build_s: kapok_build_s - documents_s,
        disk_bytes: dir_size(&library::index_dir(&data_dir)),
        measured: run_child("kapok", &data_dir.display().to_string(), &options)?,
    });
    eprintln!("library: measuring SQLite FTS5…");
    columns.push(Column {
        name: "SQLite FTS5",
        build_s: fts_build_s,
        disk_bytes: dir_size(&fts_path),
        measured: run_child("fts5", &fts_path.display().to_string(), &options)?,
    });
    if let Some((database, build_s)) = &postgres {
        eprintln!("library: measuring PostgreSQL…");
        let size = async {
            let pool = PgPoolOptions::new().max_connections(1).connect(&database.url).await?;
            let size: i64 = sqlx::query_scalar("SELECT pg_total_relation_size('docs')").fetch_one(&pool).await?;
            pool.close().await;
            anyhow::Ok(size as u64)
        }
        .await
        .unwrap_or(0);
        let measured = run_child("postgres", &database.url, &options);
        database.drop_database().await;
        match measured {
            Ok(measured) => {
                columns.push(Column { name: "PostgreSQL", build_s: *build_s, disk_bytes: size, measured });
            }
            Err(error) => postgres_note = Some(format!("measuring failed: {error:#}")),
        }
    }
    let http_runs = if Command::new("wrk").arg("--version").output().is_ok() {
        eprintln!("library: Kapok over HTTP…");
        http(&data_dir, &options).await?
    } else {
        eprintln!("library: wrk is not installed (Debian: apt-get install wrk): no HTTP measurement");
        (Vec::new(), 0, 0)
    };
    let corpus = CorpusFacts { cases: used, text_bytes, import_s, documents_s, load_before };
    print_report(&options, &corpus, &columns, postgres_note.as_deref(), &http_runs);
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let runtime = tokio::runtime::Runtime::new()?;
    if args.first().map(String::as_str) == Some("--measure") {
        let (engine, target) = (args.get(1).context("--measure ENGINE TARGET")?, args.get(2).context("TARGET")?);
        let options = options(&args[3..]);
        return runtime.block_on(child(engine, target, options.seconds, options.clients));
    }
    let options = options(&args);
    runtime.block_on(main_run(options))
}
