//! The library's search: query syntax, facets, snippets, sorting, the page and the API with
//! its cursors, bad input; on the fixture (both engines) and on the demo data, where a judged
//! query set measures the ranking (nDCG@10).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use reqwest::StatusCode;
use serde_json::Value;

use crate::harness::{Engine, TestApp, both_engines, client, demo_server, get_in, get_json};

async fn app(engine: Engine) -> TestApp {
    TestApp::with_fixture(engine).await.expect("engine available")
}

/// Percent-encodes a query value (the tests write queries as people type them).
fn enc(text: &str) -> String {
    kapok::web::chrome::encode_query_value(text)
}

/// The English (or only) titles of an API answer's items, in order.
fn titles(answer: &Value) -> Vec<String> {
    answer["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items in {answer}"))
        .iter()
        .map(|item| {
            let titles = item["titles"].as_object().unwrap();
            titles
                .get("en")
                .or_else(|| titles.values().next())
                .and_then(Value::as_str)
                .unwrap_or("(untitled)")
                .to_string()
        })
        .collect()
}

async fn search(app: &TestApp, query: &str) -> Vec<String> {
    let (status, answer) = app.get_json(&format!("/api/v1/initiatives?q={}", enc(query))).await;
    assert_eq!(status, StatusCode::OK, "{query}: {answer}");
    assert_eq!(answer["total"].as_u64().unwrap() as usize, answer["items"].as_array().unwrap().len(), "{query}");
    titles(&answer)
}

fn sorted(mut list: Vec<String>) -> Vec<String> {
    list.sort();
    list
}

fn facet<'a>(answer: &'a Value, name: &str) -> &'a Vec<Value> {
    answer["facets"][name].as_array().unwrap_or_else(|| panic!("no facet {name} in {answer}"))
}

fn count(answer: &Value, name: &str, value: &str) -> Option<u64> {
    facet(answer, name).iter().find(|v| v["value"] == value).map(|v| v["count"].as_u64().unwrap())
}

const BOGOTA: &str = "Bogotá Care Blocks";
const PARKS: &str = "Educational Parks";
const LYON: &str = "Rues aux enfants";
const GUANGZHOU: &str = "Community waste sorting";
const UNTITLED: &str = "(untitled)";

both_engines! {
    async fn the_query_syntax_combines_words_phrases_operators_and_fields(engine) {
        let app = app(engine).await;
        assert_eq!(search(&app, "caregivers").await, [BOGOTA]);
        assert_eq!(sorted(search(&app, "caregivers OR ecoles").await), sorted(vec![BOGOTA.into(), LYON.into()]));
        assert_eq!(search(&app, "care AND blocks").await, [BOGOTA]);
        assert!(search(&app, "caregivers schools").await.is_empty(), "words side by side must all match");
        assert_eq!(search(&app, "\"care services\"").await, [BOGOTA]);
        assert!(search(&app, "\"services care\"").await.is_empty(), "a phrase keeps its order");
        assert_eq!(search(&app, "parks OR caregivers -bogota").await, [PARKS]);
        assert_eq!(search(&app, "parks OR caregivers NOT city:bogota").await, [PARKS]);
        assert_eq!(search(&app, "(parks OR caregivers) -\"care blocks\"").await, [PARKS]);
        // Fields.
        assert_eq!(search(&app, "city:medellin").await, [PARKS], "accents folded");
        assert_eq!(search(&app, "city:antioquia").await, [PARKS], "any government taking part");
        assert_eq!(search(&app, "city:广州").await, [GUANGZHOU], "Chinese city names");
        assert_eq!(sorted(search(&app, "country:CO").await), sorted(vec![BOGOTA.into(), PARKS.into()]));
        assert_eq!(sorted(search(&app, "country:colombia").await), sorted(vec![BOGOTA.into(), PARKS.into()]));
        assert_eq!(sorted(search(&app, "country:哥伦比亚").await), sorted(vec![BOGOTA.into(), PARKS.into()]));
        assert_eq!(sorted(search(&app, "year:2021").await), sorted(vec![PARKS.into(), GUANGZHOU.into()]));
        assert_eq!(search(&app, "year:2022..2024").await.len(), 3);
        assert_eq!(search(&app, "sdg:5").await, [BOGOTA]);
        assert_eq!(sorted(search(&app, "sdg:11 OR sdg:4").await), sorted(vec![PARKS.into(), GUANGZHOU.into()]));
        assert_eq!(search(&app, "theme:inclusion").await, [BOGOTA]);
        assert_eq!(search(&app, "theme:公共服务").await, [PARKS], "themes by their Chinese names");
        assert_eq!(search(&app, "-year:2023 -city:广州").await, [PARKS], "only exclusions: everything else");
        assert_eq!(search(&app, "城市：广州").await, [GUANGZHOU], "a Chinese field name and a full-width colon");
        // Languages: each text is analysed in its own language.
        assert_eq!(search(&app, "cuidadoras").await, [BOGOTA], "Spanish stemming");
        assert_eq!(search(&app, "ecole").await, [LYON], "French stemming and accents");
        assert_eq!(search(&app, "垃圾分类").await, [GUANGZHOU], "Chinese segmentation");
        assert_eq!(search(&app, "sorting").await, [GUANGZHOU], "the English title of the Chinese case");
        // One typo in titles and city names, for words of five letters or more.
        assert_eq!(search(&app, "educatonal").await, [PARKS]);
        assert_eq!(search(&app, "city:bogata").await, [BOGOTA]);
        assert_eq!(search(&app, "medelin").await, [PARKS]);
        assert_eq!(search(&app, "pakrs").await, [PARKS], "a transposition");
        assert!(search(&app, "prks").await.is_empty(), "short words are exact");
        assert!(search(&app, "superblocks").await.is_empty(), "unpublished texts are not indexed");
    }

    async fn snippets_mark_the_words_found_and_escape_everything_else(engine) {
        let app = app(engine).await;
        let hostile = r#"{"ref":"t-hostile","award":"test-award","edition":2,"status":"valid","cities":[{"geonames_id":2996944}],"level":"municipal","original_language":"en","texts":{"en":{"title":"Markup <b>test</b>","summary":"A <script>alert('x')</script> note about caregivers & \"quotes\" and cargo bikes."}},"source":{"dataset":"test","id":"h"}}"#;
        crate::harness::import_jsonl(&*app.store, hostile).await.unwrap();
        app.reindex().await;
        let (_, answer) = app.get_json("/api/v1/initiatives?q=caregivers&sort=newest").await;
        let snippets: Vec<&str> = answer["items"].as_array().unwrap().iter().map(|i| i["snippet"].as_str().unwrap()).collect();
        assert_eq!(snippets.len(), 2);
        assert!(snippets.iter().all(|s| s.contains("<mark>caregivers</mark>")), "{snippets:?}");
        let hostile = snippets.iter().find(|s| s.contains("alert")).unwrap();
        assert!(hostile.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "{hostile}");
        assert!(hostile.contains("&amp; &quot;quotes&quot;"), "{hostile}");
        let without_marks = hostile.replace("<mark>", "").replace("</mark>", "");
        assert!(!without_marks.contains('<'), "nothing but the marks is markup: {hostile}");
        let (_, page) = app.get("/library?q=caregivers").await;
        assert!(page.contains("<mark>caregivers</mark>"), "{page}");
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(page.contains("Markup &lt;b&gt;test&lt;/b&gt;") || page.contains("Markup &#60;b&#62;test&#60;/b&#62;"));
        // Without words, no snippet in the API.
        let (_, browse) = app.get_json("/api/v1/initiatives").await;
        assert!(browse["items"].as_array().unwrap().iter().all(|i| i.get("snippet").is_none()));
    }

    async fn facets_count_filter_and_combine(engine) {
        let app = app(engine).await;
        let (_, all) = app.get_json("/api/v1/initiatives").await;
        assert_eq!(all["total"], 5);
        assert_eq!(count(&all, "country", "CO"), Some(2));
        assert_eq!(count(&all, "country", "FR"), Some(1));
        assert_eq!(count(&all, "country", "ES"), None, "Barcelona's entry is not published");
        assert_eq!(count(&all, "continent", "SA"), Some(2));
        assert_eq!(count(&all, "continent", "AS"), Some(2));
        assert_eq!(count(&all, "city", &city_id(&app, "Antioquia").await.to_string()), Some(1));
        assert_eq!(count(&all, "status", "winner"), Some(1));
        assert_eq!(count(&all, "status", "deserving"), Some(1));
        assert_eq!(count(&all, "year", "2023"), Some(3));
        assert_eq!(count(&all, "edition", "1"), Some(2));
        assert_eq!(count(&all, "award", "1"), Some(5));
        assert_eq!(count(&all, "sdg", "11"), Some(1));
        assert_eq!(count(&all, "theme", "Public services"), Some(1));
        assert_eq!(count(&all, "level", "metropolitan"), Some(1));
        // Every entry has one status, one year, one award: their counts add up to the total.
        for name in ["status", "year", "award", "edition", "level"] {
            let sum: u64 = facet(&all, name).iter().map(|v| v["count"].as_u64().unwrap()).sum();
            assert_eq!(sum, 5, "{name}");
        }
        let years: Vec<&str> = facet(&all, "year").iter().map(|v| v["value"].as_str().unwrap()).collect();
        assert_eq!(years, ["2023", "2021"], "years newest first");
        let statuses: Vec<&str> = facet(&all, "status").iter().map(|v| v["value"].as_str().unwrap()).collect();
        assert_eq!(statuses, ["winner", "shortlisted", "deserving", "valid"], "statuses best first");

        // Values of one facet are alternatives; facets combine.
        let (_, two) = app.get_json("/api/v1/initiatives?country=CO&country=fr").await;
        assert_eq!(two["total"], 3);
        let (_, narrowed) = app.get_json("/api/v1/initiatives?country=CO&status=winner").await;
        assert_eq!(titles(&narrowed), [BOGOTA]);
        // A facet's other values say what they would add beside the other facets' choices.
        assert_eq!(count(&narrowed, "status", "shortlisted"), Some(1), "Medellín is Colombian and shortlisted");
        assert_eq!(count(&narrowed, "status", "valid"), None, "no valid Colombian entry");
        assert_eq!(count(&narrowed, "country", "KR"), None, "no Korean winner");
        assert!(facet(&narrowed, "country").iter().any(|v| v["value"] == "CO" && v["selected"] == true));
        let (_, themed) = app.get_json(&format!("/api/v1/initiatives?theme={}", enc("Public services"))).await;
        assert_eq!(titles(&themed), [PARKS]);
        let (_, asia) = app.get_json("/api/v1/initiatives?continent=AS&sort=oldest").await;
        assert_eq!(titles(&asia), [GUANGZHOU, UNTITLED]);
        let (_, level) = app.get_json("/api/v1/initiatives?level=metropolitan").await;
        assert_eq!(titles(&level), [PARKS]);
        let (_, with_query) = app.get_json("/api/v1/initiatives?q=care&sdg=5&year=2023").await;
        assert_eq!(titles(&with_query), [BOGOTA]);
        let (_, unknown) = app.get_json("/api/v1/initiatives?country=ZZ").await;
        assert_eq!(unknown["total"], 0);
        assert!(facet(&unknown, "country").iter().any(|v| v["value"] == "ZZ" && v["selected"] == true), "a selected value stays listed");
        // Labels in the reader's language.
        let response = client().get(app.url("/api/v1/initiatives")).header("accept-language", "zh").send().await.unwrap();
        let chinese: Value = response.json().await.unwrap();
        let colombia = facet(&chinese, "country").iter().find(|v| v["value"] == "CO").unwrap();
        assert_eq!(colombia["label"], "哥伦比亚");
        let winner = facet(&chinese, "status").iter().find(|v| v["value"] == "winner").unwrap();
        assert_eq!(winner["label"], "获奖");
    }

    async fn sorting_by_relevance_and_by_year(engine) {
        let app = app(engine).await;
        // The title weighs more than the text.
        let (_, best) = app.get_json("/api/v1/initiatives?q=care").await;
        assert_eq!(titles(&best)[0], BOGOTA);
        let (_, newest) = app.get_json("/api/v1/initiatives?sort=newest").await;
        assert_eq!(titles(&newest), [BOGOTA, UNTITLED, LYON, PARKS, GUANGZHOU], "newest year, then how far, then id");
        let (_, oldest) = app.get_json("/api/v1/initiatives?sort=oldest").await;
        assert_eq!(titles(&oldest), [PARKS, GUANGZHOU, BOGOTA, UNTITLED, LYON]);
        let (_, years) = app.get_json("/api/v1/initiatives?q=caregivers%20OR%20parks%20OR%20ecoles&sort=oldest").await;
        assert_eq!(titles(&years), [PARKS, BOGOTA, LYON]);
        for bad in ["sort=random", "sort=", "sort=newest&sort=oldest"] {
            let (status, error) = app.get_json(&format!("/api/v1/initiatives?{bad}")).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
            assert!(error["error"]["message"].as_str().unwrap().contains("sort"), "{bad}: {error}");
        }
    }

    async fn the_api_pages_with_cursors_that_cannot_be_tampered_with(engine) {
        let app = app(engine).await;
        for (search, expected) in [("", 5), ("q=care%20OR%20parks%20OR%20ecoles%20OR%20sorting&", 4), ("country=CO&country=FR&", 3)] {
            for sort in ["relevance", "newest", "oldest"] {
                let base = format!("/api/v1/initiatives?{search}sort={sort}&limit=1");
                let mut seen = Vec::new();
                let mut url = base.clone();
                loop {
                    let (status, page) = app.get_json(&url).await;
                    assert_eq!(status, StatusCode::OK, "{url}: {page}");
                    assert_eq!(page["total"], expected, "{url}");
                    seen.extend(page["items"].as_array().unwrap().iter().map(|i| i["entry_id"].as_i64().unwrap()));
                    match page["next"].as_str() {
                        Some(cursor) => url = format!("{base}&cursor={cursor}"),
                        None => break,
                    }
                }
                let distinct: BTreeSet<i64> = seen.iter().copied().collect();
                assert_eq!((seen.len(), distinct.len()), (expected, expected), "{base}: {seen:?}");
            }
        }
        let (_, first) = app.get_json("/api/v1/initiatives?q=care%20OR%20parks&limit=1").await;
        let cursor = first["next"].as_str().unwrap().to_string();
        let (status, second) = app.get_json(&format!("/api/v1/initiatives?q=care%20OR%20parks&limit=1&cursor={cursor}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_ne!(second["items"][0]["entry_id"], first["items"][0]["entry_id"]);
        // The same cursor with another search, altered, or made up: a clear 400.
        let (status, error) = app.get_json(&format!("/api/v1/initiatives?q=parks&limit=1&cursor={cursor}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(error["error"]["message"].as_str().unwrap().contains("another search"), "{error}");
        let (status, _) = app.get_json(&format!("/api/v1/initiatives?q=care%20OR%20parks&limit=1&sort=oldest&cursor={cursor}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "a cursor belongs to one order too");
        use base64::Engine as _;
        let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(&cursor).unwrap();
        let text = String::from_utf8(raw).unwrap();
        let entry = text.split('.').nth(5).unwrap().to_string();
        let forged = text.replacen(&format!(".{entry}."), &format!(".{}.", entry.parse::<u64>().unwrap() + 1), 1);
        let forged = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(forged);
        for bad in [forged.as_str(), "bm9wZQ", "", "!!!", "czEuLi4uLi4u", &"A".repeat(5000)] {
            let (status, error) = app.get_json(&format!("/api/v1/initiatives?q=care%20OR%20parks&limit=1&cursor={}", enc(bad))).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
            assert!(error["error"]["message"].as_str().unwrap().contains("cursor"), "{bad}: {error}");
        }
        let response = client().get(app.url(&format!("/api/v1/initiatives?cursor={}", enc("x.y"))).as_str()).header("accept-language", "fr").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let error: Value = response.json().await.unwrap();
        assert!(error["error"]["message"].as_str().unwrap().contains("curseur"), "{error}");
        for (path, needle) in [("limit=0", "limit"), ("limit=101", "limit"), ("limit=1&limit=2", "limit"), ("cursor=a&cursor=b", "cursor")] {
            let (status, error) = app.get_json(&format!("/api/v1/initiatives?{path}")).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{path}");
            assert!(error["error"]["message"].as_str().unwrap().contains(needle), "{path}: {error}");
        }
    }

    async fn bad_input_gets_a_clear_message_in_the_users_language_never_a_500(engine) {
        let app = app(engine).await;
        let cases: &[(&str, &str, &str)] = &[
            ("en", "\"unbalanced", "quotation mark is not closed"),
            ("fr", "\"unbalanced", "guillemet n’est pas fermé"),
            ("es", "(a OR b", "paréntesis no coinciden"),
            ("zh", "foo:bar", "未知字段“foo:”"),
            ("en", "title:(gardens", "Unknown field “title:”"),
            ("en", "city:", "“city:” needs a word"),
            ("es", "year:soon", "«soon» no es un año"),
            ("fr", "sdg:18", "« 18 » n’est pas un objectif"),
            ("en", "water OR", "OR needs something"),
            ("zh", "AND", "AND 两边"),
            ("en", "\"\"", "no words to look for"),
            ("en", "((((((deep))))))", "nested more than 5 deep"),
        ];
        for (lang, query, needle) in cases {
            let (status, html) = app.get_in(lang, &format!("/library?q={}", enc(query))).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
            assert!(html.contains(needle), "{lang} {query}: {needle} not in {html}");
            let response = client().get(app.url(&format!("/api/v1/initiatives?q={}", enc(query)))).header("accept-language", *lang).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
            let error: Value = response.json().await.unwrap();
            assert!(error["error"]["message"].as_str().unwrap().contains(needle), "{query}: {error}");
        }
        let many = (0..40).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        let (status, html) = app.get(&format!("/library?q={}", enc(&many))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(html.contains("more than 32 words"), "{html}");
        let huge = "water ".repeat(200);
        let (status, error) = app.get_json(&format!("/api/v1/initiatives?q={}", enc(&huge))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(error["error"]["message"].as_str().unwrap().contains("longer than 500 characters"));
        for bad in ["status=champion", "continent=XX", "country=COL", "sdg=18", "year=soon", "city=abc", "award=-1", "colour=red", "page=0", "q=a&q=b"] {
            let (status, html) = app.get_in("es", &format!("/library?{bad}")).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
            assert!(html.contains("La consulta no es válida"), "{bad}: {html}");
        }
        // Whatever arrives, the answer is an answer.
        let strange = [
            "%FF%FE", "%00", "%E2%80%AE", "*", "-", "--", "+", "NOT NOT", "\u{1F600}", "city:\u{1F600}", "a:b:c", "year:2021..", "year:..",
            "sdg:", "((", "))", "\"a\" \"", "城市：", "country:\"\"", "OR OR", "- -a", "theme:(", "\\", "'; DROP TABLE entries; --",
        ];
        for raw in strange {
            let query = if raw.starts_with('%') { raw.to_string() } else { enc(raw) };
            for path in [format!("/library?q={query}"), format!("/api/v1/initiatives?q={query}")] {
                let response = client().get(app.url(&path)).send().await.unwrap();
                assert!(response.status() == StatusCode::OK || response.status() == StatusCode::BAD_REQUEST, "{path}: {}", response.status());
            }
        }
    }

    async fn the_page_offers_facets_sorting_snippets_and_pages_without_javascript(engine) {
        let app = app(engine).await;
        let (status, html) = app.get("/library").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<h3 id=\"facet-country\">Country</h3>"), "{html}");
        assert!(html.contains(r#"<a href="/library?country=CO">Colombia <span class="count">2</span></a>"#), "{html}");
        assert!(html.contains(r#"<a href="/library?status=winner">Winner <span class="count">1</span></a>"#), "{html}");
        assert!(html.contains("5 · Gender equality"), "SDGs by number and name");
        assert!(html.contains(r#"<option value="relevance" selected>"#));
        // Choosing a value keeps the others and can be undone.
        let (_, colombia) = app.get("/library?country=CO").await;
        assert!(colombia.contains("2 entries"));
        assert!(colombia.contains(r#"<a href="/library" class="selected" aria-current="true">"#), "the chosen value removes itself: {colombia}");
        assert!(colombia.contains(r#"href="/library?country=CO&#38;country=FR""#), "another country adds to it: {colombia}");
        assert!(colombia.contains(r#"<input type="hidden" name="country" value="CO">"#), "the search form keeps the filter");
        assert!(colombia.contains("Country: Colombia"), "the active filter is named");
        let (_, both) = app.get("/library?country=CO&status=winner&sort=oldest").await;
        assert!(both.contains("1 entry") && both.contains(BOGOTA));
        assert!(both.contains(r#"href="/library?country=CO&#38;sort=oldest""#), "removing one filter keeps the other and the order: {both}");
        assert!(both.contains(r#"<option value="oldest" selected>"#));
        // A search with snippets and badges.
        let (_, found) = app.get("/library?q=care%20OR%20ecoles").await;
        assert!(found.contains("Results for “care OR ecoles”") && found.contains("2 entries"));
        assert!(found.contains("badge-winner") && found.contains("badge-public_vote") && found.contains("Public-vote winner"));
        assert!(found.contains(r#"<p class="snippet">"#));
        assert!(found.contains(r#"href="/library?q=care+OR+ecoles&#38;country=CO""#), "facets keep the words: {found}");
        // Nothing found: say so and offer a way back.
        let (_, empty) = app.get("/library?q=zeppelin").await;
        assert!(empty.contains("0 entries") && empty.contains("Nothing here yet.") && empty.contains("Try fewer words or filters."));
        assert!(empty.contains(r#"<a href="/library">Clear the search and filters</a>"#));
        // In every language.
        for (lang, words) in [("zh", ["筛选", "国家", "哥伦比亚", "最相关优先"]), ("fr", ["Affiner", "Pays", "Colombia", "Comment chercher"]), ("es", ["Afinar", "País", "Colombia", "Cómo buscar"])] {
            let (_, html) = app.get_in(lang, "/library").await;
            for word in words {
                assert!(html.contains(word), "{lang} lacks {word}");
            }
        }
    }
}

async fn city_id(app: &TestApp, name: &str) -> i64 {
    let (_, list) = app.get_json("/api/v1/cities?limit=100").await;
    list["items"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap()["id"].as_i64().unwrap()
}

both_engines! {
    async fn the_api_without_an_index_lists_but_does_not_search(engine) {
        let app = TestApp::start(engine).await.unwrap();
        crate::fixtures::load(&*app.store).await;
        let (status, list) = app.get_json("/api/v1/initiatives").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(list["total"], 5);
        assert_eq!(list["facets"], serde_json::json!({}), "no facets until the index is built");
        for path in ["/api/v1/initiatives?q=parks", "/api/v1/initiatives?country=CO"] {
            let (status, error) = app.get_json(path).await;
            assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{path}");
            assert!(error["error"]["message"].as_str().unwrap().contains("being built"));
        }
        let (_, page) = app.get("/library").await;
        assert!(page.contains("Filters appear once the search index is built."));
        app.reindex().await;
        let (_, list) = app.get_json("/api/v1/initiatives?country=CO").await;
        assert_eq!(list["total"], 2);
    }
}

// ---------------------------------------------------------------------------------------------
// The demo data.

both_engines! {
    async fn facets_on_the_demo_library_agree_with_their_filters(engine) {
        let Some(server) = demo_server(engine) else { return };
        let client = client();
        let api = |path: String| {
            let client = client.clone();
            let base = server.base.clone();
            async move {
                let (status, answer) = get_json(&client, &format!("{base}{path}")).await;
                assert_eq!(status, StatusCode::OK, "{path}: {answer}");
                answer
            }
        };
        let all = api("/api/v1/initiatives".into()).await;
        let total = all["total"].as_u64().unwrap();
        assert!(total > 2_000);
        for name in ["status", "year", "award", "edition", "level"] {
            let sum: u64 = facet(&all, name).iter().map(|v| v["count"].as_u64().unwrap()).sum();
            assert_eq!(sum, total, "{name}: every entry has exactly one");
        }
        // Each value's count is what selecting it gives, alone and beside another facet.
        for name in ["country", "theme", "sdg", "continent", "status"] {
            for value in facet(&all, name).iter().take(3) {
                let key = value["value"].as_str().unwrap();
                let alone = api(format!("/api/v1/initiatives?{name}={}&limit=1", enc(key))).await;
                assert_eq!(alone["total"], value["count"], "{name}={key}");
            }
        }
        let bangladesh = api("/api/v1/initiatives?country=BD&limit=1".into()).await;
        for theme in facet(&bangladesh, "theme").iter().take(4) {
            let key = theme["value"].as_str().unwrap();
            let both = api(format!("/api/v1/initiatives?country=BD&theme={}&limit=1", enc(key))).await;
            assert_eq!(both["total"], theme["count"], "BD and {key}");
        }
        // Two values of one facet: either.
        let winners = count(&all, "status", "winner").unwrap();
        let medals = count(&all, "status", "medal_of_honour").unwrap();
        let either = api("/api/v1/initiatives?status=winner&status=medal_of_honour&limit=1".into()).await;
        assert_eq!(either["total"].as_u64().unwrap(), winners + medals);
        // The page shows the same counts, and pages keep the filters.
        let (status, page) = crate::harness::get(&client, &format!("{}/library?continent=AF&page=2", server.base)).await;
        assert_eq!(status, StatusCode::OK);
        let africa = count(&all, "continent", "AF").unwrap();
        assert!(page.contains(&format!("{africa} entries")), "continent AF: {africa}");
        assert!(page.contains(r#"rel="prev" href="/library?continent=AF""#) && page.contains(r#"rel="next" href="/library?continent=AF&#38;page=3""#), "{page}");
        // A Chinese reader searches in Chinese: place and theme names.
        let (status, chinese) = get_in(&client, "zh", &format!("{}/library?q={}", server.base, enc("循环经济 孟加拉国"))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(chinese.contains("达卡"), "cases from Dhaka, named in Chinese");
        assert!(!chinese.contains("共 0 个"), "{chinese}");
    }

    // The ranking, measured: nDCG@10 over the judged queries of `library_judged_queries.json`
    // (English, French, Spanish and Chinese); see `NDCG_FLOOR` for the measurement and floor.
    async fn the_judged_queries_rank_the_right_initiatives_first(engine) {
        let Some(server) = demo_server(engine) else { return };
        let client = client();
        let judged: Value = serde_json::from_str(include_str!("library_judged_queries.json")).unwrap();
        let queries = judged["queries"].as_array().unwrap();
        assert!(queries.len() >= 40);
        let mut refs: HashMap<i64, String> = HashMap::new();
        let mut by_language: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        let mut report = String::new();
        for judged_query in queries {
            let q = judged_query["q"].as_str().unwrap();
            let lang = judged_query["lang"].as_str().unwrap();
            let relevant: HashMap<&str, u64> = judged_query["relevant"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(r, g)| (r.as_str(), g.as_u64().unwrap()))
                .collect();
            let (status, answer) = get_json(&client, &format!("{}/api/v1/initiatives?q={}&limit=30", server.base, enc(q))).await;
            assert_eq!(status, StatusCode::OK, "{q}: {answer}");
            // One initiative counts once, at its best place.
            let mut ranked: Vec<String> = Vec::new();
            for item in answer["items"].as_array().unwrap() {
                let id = item["id"].as_i64().unwrap();
                if let std::collections::hash_map::Entry::Vacant(slot) = refs.entry(id) {
                    let (_, record) = get_json(&client, &format!("{}/api/v1/initiatives/{id}", server.base)).await;
                    slot.insert(record["ref"].as_str().unwrap().to_string());
                }
                let reference = refs[&id].clone();
                if !ranked.contains(&reference) {
                    ranked.push(reference);
                }
                if ranked.len() == 10 {
                    break;
                }
            }
            let gains: Vec<u64> = ranked.iter().map(|r| relevant.get(r.as_str()).copied().unwrap_or(0)).collect();
            let mut ideal: Vec<u64> = relevant.values().copied().collect();
            ideal.sort_unstable_by(|a, b| b.cmp(a));
            let score = ndcg(&gains, &ideal, 10);
            report.push_str(&format!("  {score:.3}  [{lang}] {q}\n"));
            by_language.entry(lang.to_string()).or_default().push(score);
        }
        let all: Vec<f64> = by_language.values().flatten().copied().collect();
        let mean = all.iter().sum::<f64>() / all.len() as f64;
        println!("nDCG@10 per query ({engine:?}):\n{report}");
        for (lang, scores) in &by_language {
            println!("nDCG@10 [{lang}] = {:.3} over {} queries", scores.iter().sum::<f64>() / scores.len() as f64, scores.len());
        }
        println!("nDCG@10 mean = {mean:.3} over {} queries (floor {NDCG_FLOOR})", all.len());
        assert!(mean >= NDCG_FLOOR, "nDCG@10 fell to {mean:.3}, below the floor {NDCG_FLOOR}:\n{report}");
    }
}

/// The lowest mean nDCG@10 the judged queries may give. The first honest measurement, before
/// any tuning to these queries: 0.844 over 53 queries (en 0.867 over 22, fr 0.777 over 10,
/// es 0.673 over 9, zh 0.986 over 12), the same on SQLite and PostgreSQL. The floor leaves a
/// margin below it, so only a clearly worse ranking fails the suite.
const NDCG_FLOOR: f64 = 0.80;

/// Normalised discounted cumulative gain of `gains` (in ranked order) against the best order of
/// the judged grades, over the first `k` places; gain 2^grade − 1.
fn ndcg(gains: &[u64], ideal: &[u64], k: usize) -> f64 {
    let dcg = |grades: &[u64]| -> f64 {
        grades.iter().take(k).enumerate().map(|(i, g)| ((1u64 << g) - 1) as f64 / ((i + 2) as f64).log2()).sum()
    };
    let best = dcg(ideal);
    if best == 0.0 { 0.0 } else { dcg(gains) / best }
}

#[test]
fn ndcg_is_one_for_the_ideal_order_and_less_otherwise() {
    assert!((ndcg(&[2, 1, 0], &[2, 1], 10) - 1.0).abs() < 1e-9);
    assert!(ndcg(&[1, 2, 0], &[2, 1], 10) < 1.0);
    assert_eq!(ndcg(&[0, 0], &[2], 10), 0.0);
    assert!((ndcg(&[0, 2], &[2], 10) - 1.0 / 3f64.log2()).abs() < 1e-9);
}

// ---------------------------------------------------------------------------------------------
// The index follows the database.

/// Polls `check` until it holds or `deadline` passes; true when it held.
async fn eventually<F, Fut>(deadline: std::time::Duration, mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let until = std::time::Instant::now() + deadline;
    loop {
        if check().await {
            return true;
        }
        if std::time::Instant::now() > until {
            return false;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// The entry ids offered on a screening page, with the row's text.
fn screening_rows(html: &str) -> Vec<(String, String)> {
    html.split(r#"name="entry" value=""#)
        .skip(1)
        .map(|rest| {
            let id = rest.split('"').next().unwrap().to_string();
            let row = rest.split("</tr>").next().unwrap_or("").to_string();
            (id, row)
        })
        .collect()
}

both_engines! {
    async fn screening_an_entry_valid_puts_it_in_the_library_within_seconds(engine) {
        let app = app(engine).await;
        assert!(search(&app, "superblocks").await.is_empty(), "not screened yet: not public");
        let desk = app.login_as(kapok::domain::Role::Secretariat).await;
        let page_url = "/secretariat/editions/2/screening";
        let (status, page) = desk.get(page_url).await;
        assert_eq!(status, StatusCode::OK);
        let (entry, _) = screening_rows(&page).into_iter().find(|(_, row)| row.contains("Superblocks")).expect("the Barcelona entry is listed");
        let fields = vec![("csrf", desk.csrf.clone()), ("entry", entry.clone()), ("outcome", "valid".into())];
        assert_eq!(desk.post_fields(page_url, &fields).await.status(), StatusCode::SEE_OTHER);
        let found = eventually(std::time::Duration::from_secs(10), || async { search(&app, "superblocks").await == ["Secret Draft Superblocks"] }).await;
        assert!(found, "the valid entry is found by the library search within seconds");
        let (_, library) = app.get("/library?country=ES").await;
        assert!(library.contains("Secret Draft Superblocks") && library.contains("1 entry"), "{library}");
        let (status, _) = app.get("/initiatives/5").await;
        assert_eq!(status, StatusCode::OK, "its case page is public");

        // Screened out again on appeal: it leaves the library the same way.
        let fields = vec![("csrf", desk.csrf.clone()), ("entry", entry), ("outcome", "not_valid".into()), ("reason", "impact".into())];
        assert_eq!(desk.post_fields(page_url, &fields).await.status(), StatusCode::SEE_OTHER);
        let gone = eventually(std::time::Duration::from_secs(10), || async { search(&app, "superblocks").await.is_empty() }).await;
        assert!(gone, "an entry screened out leaves the library search");
    }
}

/// The markers of a map page: (aria-label, link) of each city, in drawing order.
fn map_markers(html: &str) -> Vec<(String, String)> {
    let svg = html.split(r#"<g class="markers">"#).nth(1).expect("a map").split("</svg>").next().unwrap();
    svg.split("<a href=\"")
        .skip(1)
        .map(|rest| {
            let href = rest.split('"').next().unwrap().replace("&amp;", "&");
            let label = rest.split("aria-label=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
            (label, href)
        })
        .collect()
}

both_engines! {
    async fn the_map_shows_the_results_by_city_with_the_same_search_and_facets(engine) {
        let app = app(engine).await;
        let bogota = city_id(&app, "Bogotá").await;
        let medellin = city_id(&app, "Medellín").await;
        let antioquia = city_id(&app, "Antioquia").await;
        let (status, html) = app.get("/library/map").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(r#"<svg class="world-map" viewBox="0 0 3600 1440" role="group" aria-label="Map of the results"#), "{html}");
        assert_eq!(html.matches("<path data-country=").count(), 176, "the countries of world-atlas, drawn on the server");
        assert!(html.contains("Natural Earth"), "the map's data is credited");
        let markers = map_markers(&html);
        assert_eq!(markers.len(), 6, "one marker per city or region with a result: {markers:?}");
        assert!(markers.contains(&("Bogotá, Colombia: 1 entry".to_string(), format!("/library?city={bogota}"))), "{markers:?}");
        assert!(html.contains(r#"<circle cx="1059.2" cy="793.9" r="48.0">"#), "Bogotá where the gazetteer puts it (4.610, -74.082)");
        assert!(html.contains("The results come from 6 cities and regions."));
        assert!(html.contains(r#"<form class="toolbar" method="get" action="/library/map" role="search">"#), "searching stays on the map");

        // The same facets and query as the list, kept by the links between list and map.
        let (_, colombia) = app.get("/library/map?country=CO").await;
        let markers = map_markers(&colombia);
        let mut links: Vec<String> = markers.iter().map(|m| m.1.clone()).collect();
        links.sort();
        let mut expected: Vec<String> = [bogota, medellin, antioquia].iter().map(|id| format!("/library?country=CO&city={id}")).collect();
        expected.sort();
        assert_eq!(links, expected, "Medellín and Antioquia both lead the joint entry");
        assert!(colombia.contains(r#"<a href="/library?country=CO">List</a>"#), "{colombia}");
        assert!(colombia.contains(r#"<a href="/library/map?country=CO" aria-current="page">Map</a>"#));
        assert!(colombia.contains(r#"href="/library/map?country=CO&#38;country=FR""#), "facets stay on the map: {colombia}");
        let (_, list) = app.get("/library?country=CO&sort=oldest").await;
        assert!(list.contains(r#"<a href="/library/map?country=CO&#38;sort=oldest">Map</a>"#), "{list}");
        let (_, care) = app.get("/library/map?q=care").await;
        assert_eq!(map_markers(&care).iter().map(|m| m.0.as_str()).collect::<Vec<_>>(), ["Bogotá, Colombia: 1 entry"]);
        // A chosen city: only it, and its link keeps the choice.
        let (_, chosen) = app.get(&format!("/library/map?city={bogota}")).await;
        assert_eq!(map_markers(&chosen), [("Bogotá, Colombia: 1 entry".to_string(), format!("/library?city={bogota}"))]);
        let (_, nothing) = app.get("/library/map?q=zeppelin").await;
        assert!(map_markers(&nothing).is_empty() && nothing.contains("0 cities and regions"));
        // Bad input is refused as on the list.
        for bad in ["page=2", "q=%22open", "colour=red"] {
            let (status, _) = app.get(&format!("/library/map?{bad}")).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        }
        // In every language.
        for (lang, label, words) in [
            ("zh", "波哥大, 哥伦比亚: 共 1 个", ["地图", "列表"]),
            ("fr", "Bogotá, Colombia: 1 candidature", ["Carte", "Liste"]),
            ("es", "Bogotá, Colombia: 1 candidatura", ["Mapa", "Lista"]),
        ] {
            let (_, html) = app.get_in(lang, "/library/map?country=CO").await;
            assert!(map_markers(&html).iter().any(|m| m.0 == label), "{lang}: {:?}", map_markers(&html));
            for word in words {
                assert!(html.contains(word), "{lang} lacks {word}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The case page's editions and related initiatives; comparing initiatives.

/// The id of the published initiative with this title (in any language).
async fn initiative_with_title(app: &TestApp, title: &str) -> i64 {
    let (_, answer) = app.get_json(&format!("/api/v1/initiatives?q={}&limit=100", enc(&format!("\"{title}\"")))).await;
    answer["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["titles"].as_object().unwrap().values().any(|t| t == title))
        .unwrap_or_else(|| panic!("{title}: {answer}"))["id"]
        .as_i64()
        .unwrap()
}

/// The part of a page from `start` to the next `end`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("{start} not in {html}"));
    let rest = &html[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// Care initiatives besides Bogotá's: one published, one that did not pass screening, and
/// Bogotá's own initiative entered again in the first edition.
const CARE_CASES: &str = r#"{"ref":"t-lyon-care","award":"test-award","edition":2,"status":"deserving","cities":[{"geonames_id":2996944}],"level":"municipal","original_language":"en","texts":{"en":{"title":"Neighbourhood care hubs","summary":"Care services for caregivers and women, grouped near their homes in every neighbourhood."}},"source":{"dataset":"test","id":"c1"}}
{"ref":"t-hidden-care","award":"test-award","edition":2,"status":"submitted","cities":[{"geonames_id":3128760}],"level":"municipal","original_language":"en","texts":{"en":{"title":"Unscreened care draft","summary":"Care services for caregivers grouped near their homes."}},"source":{"dataset":"test","id":"c2"}}
{"ref":"t-bogota-care","award":"test-award","edition":1,"status":"valid","cities":[{"geonames_id":3688689}],"level":"municipal","original_language":"es","texts":{"en":{"title":"Bogotá Care Blocks","summary":"Care services for women caregivers, grouped in blocks near their homes.","results":"Thousands of caregivers reached.\n\nA second paragraph."},"es":{"title":"Manzanas del Cuidado","summary":"Servicios de cuidado para cuidadoras, agrupados cerca de sus hogares."}},"themes":["Public services"],"sdgs":[5,10],"started":2020,"source":{"dataset":"test","id":"1"}}
"#;

both_engines! {
    async fn a_case_page_shows_its_editions_and_initiatives_like_it(engine) {
        let app = app(engine).await;
        crate::harness::import_jsonl(&*app.store, CARE_CASES).await.unwrap();
        app.reindex().await;
        let bogota = initiative_with_title(&app, BOGOTA).await;
        let hubs = initiative_with_title(&app, "Neighbourhood care hubs").await;
        let (status, html) = app.get(&format!("/initiatives/{bogota}")).await;
        assert_eq!(status, StatusCode::OK);
        // Both editions it entered, each with its outcome and its edition's entries.
        let editions = between(&html, r#"<section id="editions""#, "</section>");
        assert!(editions.contains("Entered in 2 editions."), "{editions}");
        assert!(editions.contains(r#"<a href="/editions/2">Test Award for Urban Innovation 2023</a>: <span class="badge badge-winner">Winner</span>"#), "{editions}");
        assert!(editions.contains(r#"<a href="/editions/1">Test Award for Urban Innovation 2021</a>: <span class="badge badge-valid">"#), "{editions}");
        assert!(editions.contains(r#"href="/library?edition=1""#) && editions.contains(r#"href="/library?edition=2""#));
        // Initiatives like it by their texts: published ones, never itself.
        let related = between(&html, r#"<section class="related""#, "</section>");
        assert!(related.contains("Related initiatives"));
        assert!(related.contains(&format!(r#"href="/initiatives/{hubs}">Neighbourhood care hubs</a>"#)), "{related}");
        assert!(!related.contains("Unscreened"), "only published entries");
        assert!(!related.contains(&format!("/initiatives/{bogota}\"")), "never the case itself");
        assert!(related.matches("class=\"entry-card\"").count() <= 5);
        let (_, hubs_page) = app.get(&format!("/initiatives/{hubs}")).await;
        let related = between(&hubs_page, r#"<section class="related""#, "</section>");
        assert_eq!(related.matches(&format!("/initiatives/{bogota}\"")).count(), 1, "once, though in two editions: {related}");
        assert!(!hubs_page.contains("Entered in"), "one edition: no count");
        for (lang, words) in [("zh", ["相关案例", "共参加 2 届评选", "本届全部参评案例"]), ("fr", ["Initiatives proches", "Présentée à 2 éditions", "Toutes les candidatures"]), ("es", ["Iniciativas afines", "Presentada en 2 ediciones", "Todas las candidaturas"])] {
            let (_, page) = app.get_in(lang, &format!("/initiatives/{bogota}")).await;
            for word in words {
                assert!(page.contains(word), "{lang} lacks {word}");
            }
        }
    }

    async fn up_to_three_initiatives_compare_side_by_side_without_javascript(engine) {
        let app = app(engine).await;
        let bogota = initiative_with_title(&app, BOGOTA).await;
        let parks = initiative_with_title(&app, PARKS).await;
        let guangzhou = initiative_with_title(&app, GUANGZHOU).await;
        let browser = client();
        let get = |path: String| {
            let browser = browser.clone();
            let url = app.url(&path);
            async move {
                let response = browser.get(&url).send().await.unwrap();
                let status = response.status();
                let cookie = response.headers().get("set-cookie").map(|v| v.to_str().unwrap().to_string());
                (status, response.text().await.unwrap(), cookie)
            }
        };
        // Nothing chosen yet: the library offers to start a comparison with each result.
        let (_, library, _) = get("/library?country=CO".into()).await;
        assert!(library.contains(&format!(r#"<a class="compare-link" href="/library/compare?add={bogota}">Add to comparison<span class="visually-hidden">: {BOGOTA}</span></a>"#)), "{library}");
        let (status, empty, cookie) = get("/library/compare".into()).await;
        assert_eq!(status, StatusCode::OK);
        assert!(empty.contains("Nothing to compare yet."));
        assert!(cookie.unwrap().contains("kapok_compare=;"), "an empty comparison forgets the choice");

        let (status, two, cookie) = get(format!("/library/compare?id={bogota}&id={parks}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(cookie.unwrap().starts_with(&format!("kapok_compare={bogota}.{parks};")));
        let header = between(&two, "<thead>", "</thead>");
        assert!(header.contains(&format!(r#"<a href="/initiatives/{bogota}">{BOGOTA}</a>"#)) && header.contains(&format!(r#"<a href="/initiatives/{parks}">{PARKS}</a>"#)));
        assert!(header.contains(&format!(r#"href="/library/compare?id={parks}">Remove from the comparison"#)), "{header}");
        let summary = between(&two, "<th scope=\"row\">Summary</th>", "</tr>");
        assert!(summary.contains("Care services for women caregivers") && summary.contains("Parks that are schools."), "{summary}");
        let results = between(&two, "<th scope=\"row\">Results</th>", "</tr>");
        assert!(results.contains("Thousands of caregivers reached.") && results.contains("not given"), "{results}");
        let governments = between(&two, "<th scope=\"row\">Governments</th>", "</tr>");
        assert!(governments.contains("Medellín (Colombia)") && governments.contains("Antioquia (Colombia)"));
        assert!(two.contains("<th scope=\"row\">In the awards</th>") && two.contains("Test Award for Urban Innovation 2023: Winner; Public-vote winner"));
        assert!(!two.contains("<th scope=\"row\">Lessons learned</th>"), "a section nobody wrote is left out");

        // The library and the case pages remember the choice and extend it.
        let (_, library, _) = get("/library".into()).await;
        assert!(library.contains(&format!(r#"href="/library/compare?id={bogota}&#38;id={parks}">In the comparison (2 chosen)"#)), "{library}");
        assert!(library.contains(&format!(r#"href="/library/compare?add={guangzhou}">Add to comparison"#)));
        let (_, case, _) = get(format!("/initiatives/{guangzhou}")).await;
        assert!(case.contains(&format!(r#"<a href="/library/compare?add={guangzhou}">Add to comparison</a>"#)), "{case}");
        // Adding goes through the cookie, so a link on a page rendered before the last addition
        // (shown again by the Back button) adds to the whole choice instead of replacing it.
        let location = |response: reqwest::Response| {
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
            response.headers()["location"].to_str().unwrap().to_string()
        };
        let added = location(browser.get(app.url(&format!("/library/compare?add={guangzhou}"))).send().await.unwrap());
        assert_eq!(added, format!("/library/compare?id={bogota}&id={parks}&id={guangzhou}"));
        let again = location(browser.get(app.url(&format!("/library/compare?add={parks}"))).send().await.unwrap());
        assert_eq!(again, format!("/library/compare?id={bogota}&id={parks}"), "an initiative is added once");
        let (status, bad, _) = get("/library/compare?add=abc".into()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(bad.contains("“abc” is not an initiative number."));
        let fresh = client();
        let first = location(fresh.get(app.url(&format!("/library/compare?add={parks}"))).send().await.unwrap());
        assert_eq!(first, format!("/library/compare?id={parks}"), "without a choice, the comparison starts with it");
        let (status, three, _) = get(format!("/library/compare?id={bogota}&id={parks}&id={guangzhou}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(between(&three, "<thead>", "</thead>").matches("<th scope=\"col\">").count(), 3);
        assert!(three.contains(r#"<td lang="zh">"#) || three.contains(r#"<td lang="en">"#));

        // More than three, or ids that are not public initiatives: a clear message, nothing compared.
        let lyon = initiative_with_title(&app, LYON).await;
        let (status, four, cookie) = get(format!("/library/compare?id={bogota}&id={parks}&id={guangzhou}&id={lyon}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(four.contains("4 initiatives were chosen; at most 3 can be compared side by side."), "{four}");
        assert_eq!(four.matches("Remove from the comparison").count(), 4);
        assert!(four.contains(&format!(r#"href="/library/compare?id={parks}&#38;id={guangzhou}&#38;id={lyon}""#)));
        assert!(cookie.is_none(), "a refused comparison does not replace the choice");
        for (path, status, needle) in [
            (format!("/library/compare?id={bogota}&id=999999"), StatusCode::NOT_FOUND, "No published initiative has the number 999999."),
            (format!("/library/compare?id={bogota}&id=5"), StatusCode::NOT_FOUND, "No published initiative has the number 5."),
            ("/library/compare?id=abc".into(), StatusCode::BAD_REQUEST, "“abc” is not an initiative number."),
            ("/library/compare?id=-3".into(), StatusCode::BAD_REQUEST, "“-3” is not an initiative number."),
            ("/library/compare?ids=1".into(), StatusCode::BAD_REQUEST, "ids=1"),
        ] {
            let (got, html, _) = get(path.clone()).await;
            assert_eq!(got, status, "{path}");
            assert!(html.contains(needle), "{path}: {html}");
            assert!(!html.contains("Secret Draft"), "{path}");
        }
        let many: Vec<String> = (1..=40).map(|i| format!("id={i}")).collect();
        let (status, _, _) = get(format!("/library/compare?{}", many.join("&"))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        for (lang, words) in [("zh", ["比较案例", "从比较中移除"]), ("fr", ["Comparer des initiatives", "Retirer de la comparaison"]), ("es", ["Comparar iniciativas", "Quitar de la comparación"])] {
            let (_, page) = app.get_in(lang, &format!("/library/compare?id={bogota}&id={parks}")).await;
            for word in words {
                assert!(page.contains(word), "{lang} lacks {word}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A city's library.

const MORE_BOGOTA: &str = r#"{"ref":"t-bogota-parks","award":"test-award","edition":1,"status":"valid","cities":[{"geonames_id":3688689}],"level":"municipal","original_language":"en","texts":{"en":{"title":"Bogotá linear parks","summary":"Parks along the rivers."}},"themes":["Public services"],"sdgs":[11],"source":{"dataset":"test","id":"b1"}}
{"ref":"t-bogota-data","award":"test-award","edition":2,"status":"deserving","cities":[{"geonames_id":3688689}],"level":"municipal","original_language":"en","texts":{"en":{"title":"Bogotá open data portal","summary":"Open data for every district."}},"themes":["Smart cities and technology"],"source":{"dataset":"test","id":"b2"}}
{"ref":"t-bogota-draft","award":"test-award","edition":2,"status":"submitted","cities":[{"geonames_id":3688689}],"level":"municipal","original_language":"en","texts":{"en":{"title":"Bogotá unscreened draft","summary":"Not public."}},"source":{"dataset":"test","id":"b3"}}
"#;

both_engines! {
    async fn a_city_page_lists_all_its_initiatives_filterable_like_the_library(engine) {
        let app = app(engine).await;
        crate::harness::import_jsonl(&*app.store, MORE_BOGOTA).await.unwrap();
        app.reindex().await;
        let id = city_id(&app, "Bogotá").await;
        let page = |query: &str| {
            let path = if query.is_empty() { format!("/cities/{id}") } else { format!("/cities/{id}?{query}") };
            let app = &app;
            async move {
                let (status, html) = app.get(&path).await;
                assert_eq!(status, StatusCode::OK, "{path}: {html}");
                html
            }
        };
        let titles = |html: &str| -> Vec<String> {
            html.split(r#"<a class="entry-title" href="/initiatives/"#).skip(1).map(|rest| rest.split('>').nth(1).unwrap().split('<').next().unwrap().to_string()).collect()
        };
        let all = page("").await;
        assert!(all.contains("3 entries"), "{all}");
        assert_eq!(sorted(titles(&all)), sorted(vec![BOGOTA.into(), "Bogotá linear parks".into(), "Bogotá open data portal".into()]));
        assert!(!all.contains("unscreened"), "only published entries");
        assert!(all.contains(&format!(r#"<a href="/cities/{id}?edition=1">Test Award 2021 <span class="count">1</span></a>"#)), "{all}");
        assert!(all.contains(&format!(r#"<a href="/cities/{id}?status=deserving">"#)), "{all}");
        assert!(all.contains(&format!(r#"<a href="/library?city={id}">See them in the library</a>"#)));
        assert!(!all.contains("<h3 id=\"city-facet-country\">"), "the place is given");
        // By edition, outcome and theme, combined, with words.
        assert_eq!(titles(&page("edition=1").await), ["Bogotá linear parks"]);
        assert_eq!(titles(&page("status=deserving").await), ["Bogotá open data portal"]);
        assert_eq!(titles(&page(&format!("theme={}", enc("Smart cities and technology"))).await), ["Bogotá open data portal"]);
        let winners = page("edition=2&status=winner").await;
        assert_eq!(titles(&winners), [BOGOTA]);
        assert!(winners.contains(&format!(r#"<a href="/cities/{id}?edition=2" class="selected" aria-current="true">"#)), "a chosen value removes itself: {winners}");
        assert!(winners.contains(r#"<input type="hidden" name="status" value="winner">"#), "the search keeps the filters");
        assert!(winners.contains(&format!(r#"<a href="/library?edition=2&#38;status=winner&#38;city={id}">"#)), "{winners}");
        assert_eq!(titles(&page("q=rivers").await), ["Bogotá linear parks"]);
        let none = page("q=zeppelin").await;
        assert!(none.contains("0 entries") && none.contains("Try fewer words or filters.") && none.contains(&format!(r#"<a href="/cities/{id}">Clear the search and filters</a>"#)));
        // What the page cannot narrow by is refused, clearly.
        for bad in ["city=1", "country=CO", "page=0", "status=champion", "q=%22open"] {
            let (status, html) = app.get(&format!("/cities/{id}?{bad}")).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {html}");
        }
        for (lang, words) in [("zh", ["搜索该城市的案例", "共 3 个"]), ("fr", ["Chercher parmi les initiatives", "3 candidatures"]), ("es", ["Buscar entre las iniciativas", "3 candidaturas"])] {
            let (_, html) = app.get_in(lang, &format!("/cities/{id}")).await;
            for word in words {
                assert!(html.contains(word), "{lang} lacks {word}");
            }
        }
    }

    async fn a_city_page_lists_from_the_store_until_the_index_is_built(engine) {
        let app = TestApp::start(engine).await.unwrap();
        crate::fixtures::load(&*app.store).await;
        let id = city_id(&app, "Bogotá").await;
        let (status, html) = app.get(&format!("/cities/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(BOGOTA) && html.contains("1 entry"));
        let (status, html) = app.get(&format!("/cities/{id}?status=winner")).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(html.contains("The search index is being built."));
    }
}

// ---------------------------------------------------------------------------------------------
// Open data: the published library in bulk.

const EXPORT_CASES: &str = r#"{"ref":"t-formula","award":"test-award","edition":2,"status":"valid","cities":[{"geonames_id":2996944}],"level":"municipal","original_language":"en","texts":{"en":{"title":"=HYPERLINK(\"http://evil.example\",\"click\")","summary":"+SUM(A1:A9)","results":"-2+3","lessons":"@cmd","process":"\tTabbed"}},"partners":[{"name":"=1+1"}],"source":{"dataset":"test","id":"x1"}}
{"ref":"t-garden-zh","award":"test-award","edition":2,"status":"deserving","cities":[{"geonames_id":1809858}],"level":"municipal","original_language":"zh","texts":{"zh":{"title":"城市花园","summary":"居民在空地上种植花园。"}},"sdgs":[11],"source":{"dataset":"test","id":"x2"}}
"#;

async fn download(app: &TestApp, path: &str) -> (StatusCode, reqwest::header::HeaderMap, Vec<u8>) {
    let response = client().get(app.url(path)).send().await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    (status, headers, response.bytes().await.unwrap().to_vec())
}

both_engines! {
    async fn the_published_library_downloads_as_json_lines_and_safe_csv(engine) {
        let app = app(engine).await;
        crate::harness::import_jsonl(&*app.store, EXPORT_CASES).await.unwrap();
        app.reindex().await;
        let (_, all) = app.get_json("/api/v1/initiatives").await;
        let published = all["total"].as_u64().unwrap() as usize;
        assert_eq!(published, 7);

        // JSON Lines: the interchange format, published entries only, consented contacts only.
        let (status, headers, body) = download(&app, "/api/v1/initiatives.jsonl").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers["content-type"], "application/x-ndjson; charset=utf-8");
        assert!(headers["content-disposition"].to_str().unwrap().contains("kapok-library.jsonl"));
        assert!(headers.get("content-length").is_none() && headers["transfer-encoding"] == "chunked", "streamed: {headers:?}");
        let text = String::from_utf8(body).unwrap();
        let records = kapok::interchange::read_initiatives(std::path::Path::new("library.jsonl"), text.as_bytes()).unwrap();
        assert_eq!(records.len(), published);
        assert!(!text.contains("Secret Draft"), "unpublished entries stay out");
        assert!(text.contains("Ana Pérez") && !text.contains("Hidden Person"), "contacts only with consent");
        assert!(text.contains("城市花园"));
        // It imports back: the same library in a fresh installation.
        let copy = TestApp::start(engine).await.unwrap();
        copy.store.load_gazetteer(&crate::fixtures::gazetteer()).await.unwrap();
        let awards = kapok::interchange::read_awards("awards.json", crate::fixtures::AWARDS_JSON).unwrap();
        copy.store.upsert_awards(&awards).await.unwrap();
        crate::harness::import_jsonl(&*copy.store, &text).await.unwrap();
        copy.reindex().await;
        let (_, copied) = copy.get_json("/api/v1/initiatives").await;
        assert_eq!(copied["total"], all["total"]);
        assert_eq!(copied["facets"]["status"], all["facets"]["status"]);

        // CSV: a byte-order mark for Excel, the interchange columns, formulas neutralised.
        let (status, headers, body) = download(&app, "/api/v1/initiatives.csv").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
        assert!(headers["content-disposition"].to_str().unwrap().contains("kapok-library.csv"));
        assert_eq!(&body[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark");
        let mut reader = csv::Reader::from_reader(&body[3..]);
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, kapok::interchange::CSV_COLUMNS);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), published);
        let column = |name: &str| header.iter().position(|h| h == name).unwrap();
        let formula = rows.iter().find(|r| r[column("ref")] == *"t-formula").unwrap();
        assert_eq!(&formula[column("title")], "'=HYPERLINK(\"http://evil.example\",\"click\")");
        assert_eq!(&formula[column("summary")], "'+SUM(A1:A9)");
        assert_eq!(&formula[column("results")], "'-2+3");
        assert_eq!(&formula[column("lessons")], "'@cmd");
        assert_eq!(&formula[column("process")], "'\tTabbed");
        assert_eq!(&formula[column("partners")], "'=1+1");
        let chinese = rows.iter().find(|r| r[column("ref")] == *"t-garden-zh").unwrap();
        assert_eq!((&chinese[column("language")], &chinese[column("title")]), ("zh", "城市花园"));
        assert!(rows.iter().all(|r| &r[column("status")] != "submitted"));
        // The CSV reads back too (the apostrophes come off).
        let again = kapok::interchange::read_initiatives(std::path::Path::new("library.csv"), &body).unwrap();
        assert_eq!(again.iter().find(|r| r.record.reference == "t-formula").unwrap().record.texts.values().next().unwrap().summary.as_deref(), Some("+SUM(A1:A9)"));

        // No parameters; documented; linked from the library.
        let (status, error) = app.get_json("/api/v1/initiatives.csv?q=parks").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(error["error"]["message"].as_str().unwrap().contains("unknown parameter q"), "{error}");
        let (_, openapi) = app.get_json("/api/openapi.json").await;
        for path in ["/api/v1/initiatives.jsonl", "/api/v1/initiatives.csv"] {
            assert!(openapi["paths"][path]["get"].is_object(), "{path} is documented");
        }
        let csv_doc = &openapi["paths"]["/api/v1/initiatives.csv"]["get"];
        let words = format!("{} {}", csv_doc["summary"].as_str().unwrap_or(""), csv_doc["description"].as_str().unwrap_or(""));
        assert!(words.contains("byte-order mark") && words.contains("apostrophe"), "{csv_doc}");
        let (_, page) = app.get("/library").await;
        assert!(page.contains(r#"<a href="/api/v1/initiatives.jsonl" download>JSON Lines</a>"#) && page.contains(r#"<a href="/api/v1/initiatives.csv" download>CSV</a>"#));
        for (lang, words) in [("zh", "开放数据"), ("fr", "Données ouvertes"), ("es", "Datos abiertos")] {
            let (_, html) = app.get_in(lang, "/library").await;
            assert!(html.contains(words), "{lang}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The index follows changes entry by entry.

/// The value of `kapok_library_reindex_total{kind=…}` on /metrics (the whole test binary's: the
/// recorder is global).
async fn reindex_metric(app: &TestApp, kind: &str) -> Option<u64> {
    let (status, text) = app.get("/metrics").await;
    assert_eq!(status, StatusCode::OK);
    let line = text
        .lines()
        .find(|l| l.starts_with("kapok_library_reindex_total") && l.contains(&format!("kind=\"{kind}\"")))?;
    line.rsplit(' ').next()?.parse::<f64>().ok().map(|v| v as u64)
}

async fn status_count(app: &TestApp, status: &str) -> Option<u64> {
    let (_, answer) = app.get_json("/api/v1/initiatives").await;
    count(&answer, "status", status)
}

both_engines! {
    async fn one_changed_entry_updates_its_documents_in_place_without_a_rebuild(engine) {
        let app = app(engine).await;
        let generation = app.search.generation().expect("the fixture is indexed");
        let before = app.reindexer.counts();

        // Screening makes an entry valid: it is searchable within seconds, by an update.
        let desk = app.login_as(kapok::domain::Role::Secretariat).await;
        let page_url = "/secretariat/editions/2/screening";
        let (_, page) = desk.get(page_url).await;
        let (entry, _) = screening_rows(&page).into_iter().find(|(_, row)| row.contains("Superblocks")).unwrap();
        let fields = vec![("csrf", desk.csrf.clone()), ("entry", entry.clone()), ("outcome", "valid".into())];
        assert_eq!(desk.post_fields(page_url, &fields).await.status(), StatusCode::SEE_OTHER);
        let found = eventually(std::time::Duration::from_secs(10), || async { search(&app, "superblocks").await == ["Secret Draft Superblocks"] }).await;
        assert!(found, "the valid entry is found within seconds");
        let after = app.reindexer.counts();
        assert!(after.partial > before.partial, "{before:?} -> {after:?}");
        assert_eq!(after.full, before.full, "no full rebuild");
        assert_eq!(app.search.generation().as_deref(), Some(generation.as_str()), "the same generation, updated");
        assert!(reindex_metric(&app, "partial").await.unwrap_or(0) >= 1, "exported as a Prometheus counter");

        // A status change to winner moves the facet count.
        let winners = status_count(&app, "winner").await.unwrap_or(0);
        let lyon = EXPORT_LYON_WINNER;
        crate::harness::import_jsonl(&*app.store, lyon).await.unwrap();
        let lyon_id = initiative_with_title(&app, LYON).await;
        app.reindexer.notify(kapok::library::Changed::initiatives([kapok::domain::InitiativeId(lyon_id)]));
        let moved = eventually(std::time::Duration::from_secs(10), || async { status_count(&app, "winner").await == Some(winners + 1) }).await;
        assert!(moved, "the winner facet counts one more");
        let (_, answer) = app.get_json("/api/v1/initiatives?status=valid").await;
        assert!(!titles(&answer).contains(&LYON.to_string()), "no longer counted as valid: its old document is gone");

        // Screened out again: it disappears, still without a rebuild.
        let fields = vec![("csrf", desk.csrf.clone()), ("entry", entry), ("outcome", "not_valid".into()), ("reason", "impact".into())];
        assert_eq!(desk.post_fields(page_url, &fields).await.status(), StatusCode::SEE_OTHER);
        let gone = eventually(std::time::Duration::from_secs(10), || async { search(&app, "superblocks").await.is_empty() }).await;
        assert!(gone, "an entry screened out leaves the search");
        assert_eq!(app.reindexer.counts().full, before.full);
        assert_eq!(app.search.generation().as_deref(), Some(generation.as_str()));
    }

    async fn a_rebuild_from_an_older_snapshot_gets_the_servers_later_updates_again(engine) {
        let app = app(engine).await;
        // `kapok reindex` reads the database now …
        let snapshot = jiff::Timestamp::now().as_millisecond();
        let stale = app.store.search_documents().await.unwrap();
        // … while the server publishes an entry and updates its generation …
        let desk = app.login_as(kapok::domain::Role::Secretariat).await;
        let page_url = "/secretariat/editions/2/screening";
        let (_, page) = desk.get(page_url).await;
        let (entry, _) = screening_rows(&page).into_iter().find(|(_, row)| row.contains("Superblocks")).unwrap();
        let fields = vec![("csrf", desk.csrf.clone()), ("entry", entry), ("outcome", "valid".into())];
        assert_eq!(desk.post_fields(page_url, &fields).await.status(), StatusCode::SEE_OTHER);
        assert!(eventually(std::time::Duration::from_secs(10), || async { !search(&app, "superblocks").await.is_empty() }).await);
        // … and then switches CURRENT to a generation without it.
        let name = kapok::search::build_snapshot(app.search.dir(), &stale, snapshot, &|_| {}).unwrap();
        app.search.refresh().unwrap();
        assert!(search(&app, "superblocks").await.is_empty(), "the new generation lacks the update");
        let before = app.reindexer.counts();
        let back = eventually(std::time::Duration::from_secs(10), || async { search(&app, "superblocks").await == ["Secret Draft Superblocks"] }).await;
        assert!(back, "the server applies its later update to the new generation");
        assert_eq!(app.search.generation(), Some(name), "in the new generation, which it now writes");
        assert!(app.reindexer.counts().partial > before.partial);
        assert_eq!(app.reindexer.counts().full, before.full);
    }

    async fn the_bulk_export_reads_the_library_in_pages_complete_and_in_order(engine) {
        let app = app(engine).await;
        // More published entries than one page of the export (500).
        let mut lines = String::new();
        for n in 0..520 {
            lines.push_str(&format!(
                r#"{{"ref":"t-bulk-{n:03}","award":"test-award","edition":{},"status":"valid","cities":[{{"geonames_id":2996944}}],"level":"municipal","original_language":"en","texts":{{"en":{{"title":"Bulk case {n}","summary":"One of many."}}}},"source":{{"dataset":"test","id":"bulk-{n}"}}}}"#,
                1 + n % 2
            ));
            lines.push('\n');
        }
        crate::harness::import_jsonl(&*app.store, &lines).await.unwrap();
        // The whole export, kept to the published entries: what the library's open data is.
        let mut everything = app.store.export_initiatives().await.unwrap();
        everything.retain(|record| record.status.is_published());
        assert!(everything.len() > 520);
        // Page by page from the store: the same records in the same order.
        let mut paged = Vec::new();
        let mut after = None;
        loop {
            let page = app.store.export_published_page(after.as_ref(), 97).await.unwrap();
            assert!(page.records.len() <= 97);
            paged.extend(page.records);
            match page.next {
                Some(cursor) => after = Some(cursor),
                None => break,
            }
        }
        let refs = |records: &[kapok::interchange::InitiativeRecord]| records.iter().map(|r| (r.reference.clone(), r.edition)).collect::<Vec<_>>();
        assert_eq!(refs(&paged), refs(&everything));
        assert_eq!(serde_json::to_value(&paged).unwrap(), serde_json::to_value(&everything).unwrap());
        // Over HTTP: byte for byte what the whole list gives, consented contacts only.
        for record in &mut everything {
            if record.contact.as_ref().is_some_and(|c| !c.consent) {
                record.contact = None;
            }
        }
        let mut expected = Vec::new();
        kapok::interchange::write_json_lines(&mut expected, &everything).unwrap();
        let (status, _, body) = download(&app, "/api/v1/initiatives.jsonl").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body.len(), expected.len());
        assert!(body == expected, "the paged export is the whole export, in order");
        let mut csv_expected = Vec::new();
        kapok::interchange::write_csv_header(&mut csv_expected).unwrap();
        kapok::interchange::write_csv_rows(&mut csv_expected, &everything).unwrap();
        let (_, _, csv_body) = download(&app, "/api/v1/initiatives.csv").await;
        assert!(csv_body == csv_expected, "the CSV too");
    }
}

/// The Lyon entry of the fixture, now a winner.
const EXPORT_LYON_WINNER: &str = r#"{"ref":"t-lyon-fr","award":"test-award","edition":2,"status":"winner","cities":[{"geonames_id":2996944}],"level":"municipal","original_language":"fr","texts":{"fr":{"title":"Rues aux enfants","summary":"Des rues fermées aux voitures devant les écoles."}},"themes":["Smart cities and technology"],"source":{"dataset":"test","id":"3"}}
"#;
