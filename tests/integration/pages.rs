//! The public pages, on the fixture, against both engines.

use reqwest::StatusCode;

use crate::harness::{Engine, TestApp, both_engines};

async fn app(engine: Engine) -> TestApp {
    TestApp::with_fixture(engine).await.expect("engine available")
}

/// The id of the fixture initiative with this English (or only) title, found through the API.
async fn initiative_id(app: &TestApp, title: &str) -> i64 {
    let (_, list) = app.get_json("/api/v1/initiatives?limit=100").await;
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["titles"].as_object().unwrap().values().any(|t| t.as_str() == Some(title)))
        .unwrap_or_else(|| panic!("no initiative titled {title:?}"))["id"]
        .as_i64()
        .unwrap()
}

async fn city_id(app: &TestApp, name: &str) -> i64 {
    let (_, list) = app.get_json("/api/v1/cities?limit=100").await;
    list["items"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap()["id"].as_i64().unwrap()
}

both_engines! {
    async fn home_shows_counts_awards_and_winners(engine) {
        let app = app(engine).await;
        let (status, html) = app.get("/").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("5 initiatives from 6 cities in 4 countries, across 1 awards and 2 editions."), "{html}");
        assert!(html.contains("Test Award for Urban Innovation"));
        assert!(html.contains("Bogotá Care Blocks"), "the winner is listed");
        assert!(!html.contains("Secret Draft"), "a screened-out entry never shows");
    }

    async fn every_page_renders_in_every_language(engine) {
        let app = app(engine).await;
        let bogota = initiative_id(&app, "Bogotá Care Blocks").await;
        let guangzhou = city_id(&app, "Guangzhou").await;
        let pages = ["/".to_string(), "/awards".into(), "/awards/1".into(), "/editions/2".into(),
            format!("/initiatives/{bogota}"), "/cities".into(), format!("/cities/{guangzhou}"), "/library".into()];
        for (accept, html_lang, library) in [("en", "en", "Library"), ("zh-CN,zh;q=0.9", "zh-Hans", "案例库"), ("fr-FR", "fr", "Bibliothèque"), ("es", "es", "Biblioteca")] {
            for page in &pages {
                let (status, html) = app.get_in(accept, page).await;
                assert_eq!(status, StatusCode::OK, "{page} in {accept}");
                assert!(html.contains(&format!("<html lang=\"{html_lang}\">")), "{page} in {accept}");
                assert!(html.contains(library), "{page} in {accept} lacks the translated navigation");
            }
        }
    }

    async fn initiative_page_shows_sections_badges_and_consented_contacts_only(engine) {
        let app = app(engine).await;
        let (_, html) = app.get(&format!("/initiatives/{}", initiative_id(&app, "Bogotá Care Blocks").await)).await;
        assert!(html.contains("<h1>Bogotá Care Blocks</h1>"), "{html}");
        assert!(html.contains("<h2 lang=\"en\">Results</h2>"));
        assert!(html.contains("<p>Thousands of caregivers reached.</p>") && html.contains("<p>A second paragraph.</p>"));
        assert!(html.contains("badge-winner"));
        assert!(html.contains("City of Your Choice"));
        assert!(html.contains("Gender equality"), "SDG 5 by name");
        assert!(html.contains("Ana Pérez, Programme lead"));
        assert!(html.contains(r#"<a href="mailto:ana@example.org">"#), "a consenting contact can be reached");
        assert!(html.contains("Shown in English; the original language is Español."));
        // In Spanish, the original text.
        let (_, spanish) = app.get_in("es", &format!("/initiatives/{}", initiative_id(&app, "Bogotá Care Blocks").await)).await;
        assert!(spanish.contains("<h1>Manzanas del Cuidado</h1>"));

        let (_, medellin) = app.get(&format!("/initiatives/{}", initiative_id(&app, "Educational Parks").await)).await;
        assert!(!medellin.contains("Hidden Person"), "no contact without consent");
        assert!(medellin.contains("Antioquia") && medellin.contains("lead"), "joint applicants with the lead marked");
        assert!(medellin.contains("2016–2019"));
    }

    async fn unknown_titles_are_shown_as_unknown(engine) {
        let app = app(engine).await;
        let (_, list) = app.get_json("/api/v1/initiatives?status=deserving").await;
        let untitled = list["items"].as_array().unwrap().iter().find(|i| i["titles"]["en"].is_null()).unwrap()["id"].as_i64().unwrap();
        let (status, html) = app.get(&format!("/initiatives/{untitled}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<em>Title not published</em>"));
        let (_, chinese) = app.get_in("zh", &format!("/initiatives/{untitled}")).await;
        assert!(chinese.contains("名称未公布"));
    }

    async fn unknown_and_unpublished_ids_get_a_404_in_the_users_language(engine) {
        let app = app(engine).await;
        for path in ["/initiatives/999999", "/initiatives/abc", "/initiatives/-1", "/awards/77", "/editions/0", "/cities/999999", "/no/such/page"] {
            let (status, html) = app.get_in("zh-CN", path).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
            assert!(html.contains("找不到页面"), "{path}: {html}");
        }
        let (status, html) = app.get_in("fr", "/initiatives/999999").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(html.contains("Page introuvable"));
        // The entry that did not pass screening exists, but is not public anywhere.
        let exported = app.store.export_initiatives().await.unwrap();
        assert!(exported.iter().any(|r| r.reference == "t-barcelona-screened-out"));
        let (_, library) = app.get("/library").await;
        assert!(!library.contains("Secret Draft"));
        for id in 1..=7 {
            let (status, html) = app.get(&format!("/initiatives/{id}")).await;
            assert!(!html.contains("Secret Draft"), "initiative {id} ({status})");
        }
    }

    async fn the_language_choice_is_remembered(engine) {
        let app = app(engine).await;
        let client = crate::harness::client();
        let response = client.get(app.url("/language/zh?next=/awards")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(response.headers()["location"], "/awards");
        let cookie = response.headers()["set-cookie"].to_str().unwrap().to_string();
        assert!(cookie.starts_with("kapok_lang=zh;") && cookie.contains("SameSite=Lax"), "{cookie}");
        // The cookie beats the browser's Accept-Language.
        let html = client.get(app.url("/awards")).header("accept-language", "fr").send().await.unwrap().text().await.unwrap();
        assert!(html.contains("<html lang=\"zh-Hans\">") && html.contains("城市创新测试奖"));
        // Elsewhere than this site is never a destination.
        let response = client.get(app.url("/language/en?next=//evil.example/")).send().await.unwrap();
        assert_eq!(response.headers()["location"], "/");
        let (status, _) = app.get("/language/xx").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    async fn the_language_switcher_links_back_to_the_same_page(engine) {
        let app = app(engine).await;
        let (_, html) = app.get("/library?page=1&sort=oldest").await;
        assert!(html.contains(r#"href="/language/zh?next=/library%3Fpage%3D1%26sort%3Doldest""#), "{html}");
        assert!(html.contains(r#"lang="zh" hreflang="zh""#));
    }

    async fn library_paginates_sorts_and_rejects_bad_parameters(engine) {
        let app = app(engine).await;
        let (_, html) = app.get("/library").await;
        assert!(html.contains("5 entries"));
        assert!(html.find("Bogotá Care Blocks").unwrap() < html.find("Educational Parks").unwrap());
        let (_, oldest) = app.get("/library?sort=oldest").await;
        assert!(oldest.find("Educational Parks").unwrap() < oldest.find("Bogotá Care Blocks").unwrap());
        let (_, filtered) = app.get("/library?country=co&status=winner").await;
        assert!(filtered.contains("1 entry") && filtered.contains("Bogotá Care Blocks"));
        let (_, empty) = app.get("/library?country=ZZ").await;
        assert!(empty.contains("Nothing here yet."));
        for bad in ["/library?page=0", "/library?page=abc", "/library?sort=random", "/library?status=champion", "/library?colour=red"] {
            let (status, html) = app.get_in("es", bad).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
            assert!(html.contains("La consulta no es válida"), "{bad}: {html}");
        }
    }

    async fn edition_page_shows_the_cycle_and_results(engine) {
        let app = app(engine).await;
        let (_, html) = app.get("/editions/2").await;
        assert!(html.contains("Test Award for Urban Innovation 2023"));
        assert!(html.contains("2023-08-31 23:59 CST"), "deadline in the edition's time zone: {html}");
        assert!(html.contains("Times are shown in Asia/Shanghai."));
        assert!(html.contains("<h3>Winners</h3>") && html.contains("<h3>Long list (deserving initiatives)</h3>"));
        assert!(html.contains("Innovation (weight 0.3, scale 1–10)"));
        assert!(html.contains("Published figures: 274 valid entries from 193 cities in 54 countries."));
        assert!(html.contains("Technical Committee of 11 experts; Jury of 7 members."));
        let (_, older) = app.get("/editions/1").await;
        assert!(older.contains("1,234,567 votes"), "{older}");
        assert!(older.contains("2021-11-01 00:00 CST – 2021-11-30 23:59 CST"));
    }

    async fn city_page_shows_networks_links_and_initiatives(engine) {
        let app = app(engine).await;
        let (_, html) = app.get(&format!("/cities/{}", city_id(&app, "Guangzhou").await)).await;
        assert!(html.contains("<h1>Guangzhou <span class=\"subtitle\" lang=\"zh\">广州</span></h1>"), "{html}");
        assert!(html.contains("Metropolis"));
        assert!(html.contains("Lyon</a> (France): Sister city, since 1988"));
        assert!(html.contains("Community waste sorting"));
        assert!(html.contains("16,096,724"));
        let (_, chinese) = app.get_in("zh", &format!("/cities/{}", city_id(&app, "Guangzhou").await)).await;
        assert!(chinese.contains("<h1>广州 <span class=\"subtitle\" lang=\"en\">Guangzhou</span></h1>"));
        let (_, cities) = app.get("/cities").await;
        assert!(cities.contains("Antioquia") && !cities.contains("Barcelona"), "only governments with published entries");
    }

    async fn assets_and_security_headers(engine) {
        let app = app(engine).await;
        let response = reqwest::get(app.url("/static/kapok.css")).await.unwrap();
        assert_eq!(response.headers()["content-type"], "text/css; charset=utf-8");
        assert!(response.headers()["cache-control"].to_str().unwrap().contains("max-age"));
        let htmx = reqwest::get(app.url("/static/htmx.min.js")).await.unwrap();
        assert_eq!(htmx.status(), StatusCode::OK);
        let (status, _) = app.get("/static/../Cargo.toml").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let page = reqwest::get(app.url("/")).await.unwrap();
        let headers = page.headers();
        assert!(headers["content-security-policy"].to_str().unwrap().contains("default-src 'self'"));
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["x-frame-options"], "DENY");
    }
}

both_engines! {
    async fn library_search_finds_each_language_and_keeps_filters(engine) {
        let app = app(engine).await;
        let (status, html) = app.get("/library?q=caregivers").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Results for “caregivers”") && html.contains("Bogotá Care Blocks") && html.contains("1 entry"), "{html}");
        let (_, french) = app.get("/library?q=ecoles").await;
        assert!(french.contains("Rues aux enfants"), "French stemming and folding");
        let (_, chinese) = app.get(&format!("/library?q={}", "%E5%9E%83%E5%9C%BE")).await;
        assert!(chinese.contains("Community waste sorting"), "Chinese segmentation: 垃圾");
        let (_, hidden) = app.get("/library?q=superblocks").await;
        assert!(hidden.contains("0 entries") && !hidden.contains("Secret Draft"), "unpublished texts are not indexed");
        let (_, filtered) = app.get("/library?q=parks&country=FR").await;
        assert!(filtered.contains("0 entries"));
        let (_, paged) = app.get("/library?q=care&sort=oldest").await;
        assert!(paged.contains(r#"name="q" type="search" value="care""#));
        let long = "a".repeat(501);
        let (status, html) = app.get(&format!("/library?q={long}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(html.contains("longer than 500 characters"));
        let (_, api) = app.get_json("/api/v1/initiatives?q=caregivers").await;
        assert_eq!(api["total"], 1);
        assert_eq!(api["items"][0]["titles"]["en"], "Bogotá Care Blocks");
    }

    async fn search_answers_503_until_the_index_exists(engine) {
        let app = TestApp::start(engine).await.unwrap();
        crate::fixtures::load(&*app.store).await;
        let (status, html) = app.get("/library?q=parks").await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(html.contains("The search index is being built."));
        let (status, _) = app.get("/library").await;
        assert_eq!(status, StatusCode::OK, "browsing works without the index");
        app.reindex().await;
        let (status, _) = app.get("/library?q=parks").await;
        assert_eq!(status, StatusCode::OK);
    }
}

both_engines! {
    async fn malformed_requests_get_clear_answers_never_a_500(engine) {
        let app = app(engine).await;
        let client = crate::harness::client();
        for path in [
            "/language/zh?next=/a&next=/b",
            "/login?next=/a&next=/b",
            "/library?q=%FF%FE",
            "/library?q=\"unbalanced",
            "/library?q=title:(",
            "/initiatives/99999999999999999999999",
            "/api/v1/initiatives/99999999999999999999999",
            "/api/v1/initiatives?cursor=%00%01",
            "/cities?page=-1",
            "/static/%2e%2e%2fCargo.toml",
        ] {
            let status = client.get(app.url(path)).send().await.unwrap().status();
            assert!(status.as_u16() < 500, "{path} answered {status}");
        }
        let huge = "x".repeat(3 * 1024 * 1024);
        // The client above now prefers Chinese (it followed /language/zh): the answer says so.
        let response = client
            .post(app.url("/login"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(huge)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        let body = response.text().await.unwrap();
        assert!(body.contains("请求内容过大"), "{body}");
    }
}
