//! The JSON API and the operations endpoints, on the fixture, against both engines.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::Value;

use crate::harness::{Engine, TestApp, both_engines};

pub const API_ROUTES: &[&str] = &[
    "/api/v1/awards",
    "/api/v1/awards/{id}",
    "/api/v1/editions",
    "/api/v1/editions/{id}",
    "/api/v1/initiatives",
    "/api/v1/initiatives/{id}",
    "/api/v1/initiatives.jsonl",
    "/api/v1/initiatives.csv",
    "/api/v1/cities",
    "/api/v1/cities/{id}",
    "/vote/{edition}/ballot",
];

async fn app(engine: Engine) -> TestApp {
    TestApp::with_fixture(engine).await.expect("engine available")
}

/// Follows `next` cursors from `path` and returns every item seen.
async fn walk(app: &TestApp, path: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut url = path.to_string();
    loop {
        let (status, page) = app.get_json(&url).await;
        assert_eq!(status, StatusCode::OK, "{url}: {page}");
        let total = page["total"].as_i64().unwrap();
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        assert!(items.len() as i64 <= total);
        match page["next"].as_str() {
            Some(cursor) => url = format!("{path}{}cursor={cursor}", if path.contains('?') { "&" } else { "?" }),
            None => {
                assert_eq!(items.len() as i64, total, "{path}: the last page ends the list");
                return items;
            }
        }
    }
}

both_engines! {
    async fn lists_page_with_cursors_without_gaps_or_repeats(engine) {
        let app = app(engine).await;
        for path in ["/api/v1/initiatives?limit=2", "/api/v1/editions?limit=1", "/api/v1/awards?limit=1", "/api/v1/cities?limit=3"] {
            let items = walk(&app, path).await;
            let ids: BTreeSet<i64> = items.iter().map(|i| i["id"].as_i64().unwrap()).collect();
            assert_eq!(ids.len(), items.len(), "{path}: an item came twice");
        }
        assert_eq!(walk(&app, "/api/v1/initiatives?limit=2").await.len(), 5);
        let (_, single) = app.get_json("/api/v1/initiatives?limit=100").await;
        assert_eq!(single["next"], Value::Null);
    }

    async fn filters_match_the_library(engine) {
        let app = app(engine).await;
        let (_, colombia) = app.get_json("/api/v1/initiatives?country=CO&sort=oldest").await;
        assert_eq!(colombia["total"], 2);
        assert_eq!(colombia["items"][0]["titles"]["en"], "Educational Parks");
        let (_, winners) = app.get_json("/api/v1/initiatives?status=winner").await;
        assert_eq!(winners["items"][0]["honours"], serde_json::json!(["public_vote"]));
        let (_, editions) = app.get_json("/api/v1/editions?award=1").await;
        assert_eq!(editions["total"], 2);
        let (_, cities) = app.get_json("/api/v1/cities?with_initiatives=true&country=CO").await;
        assert_eq!(cities["total"], 3);
    }

    async fn records_by_id_and_clear_errors(engine) {
        let app = app(engine).await;
        let (status, award) = app.get_json("/api/v1/awards/1").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(award["name"]["zh"], "城市创新测试奖");
        let (_, edition) = app.get_json("/api/v1/editions/2").await;
        assert_eq!(edition["timezone"], "Asia/Shanghai");
        assert_eq!(edition["dates"][1]["milestone"], "final_deadline");
        assert_eq!(edition["dates"][1]["starts_at"], "2023-08-31T15:59:00Z");
        let (_, city) = app.get_json("/api/v1/cities/1").await;
        assert_eq!(city["name"], "Guangzhou");
        assert_eq!(city["continent"], "AS");
        assert_eq!(city["links"].as_array().unwrap().len(), 2);

        let (status, error) = app.get_json("/api/v1/initiatives/999999").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(error["error"]["code"], "not_found");
        assert_eq!(error["error"]["message"], "No initiative has the id 999999.");
        let response = reqwest::Client::new().get(app.url("/api/v1/cities/424242")).header("accept-language", "zh").send().await.unwrap();
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["error"]["message"], "没有编号为 424242 的城市。");

        for (path, needle) in [
            ("/api/v1/initiatives?cursor=bm9wZQ", "cursor"),
            ("/api/v1/initiatives?limit=0", "limit"),
            ("/api/v1/initiatives?limit=1000", "limit"),
            ("/api/v1/initiatives?limit=ten", "limit"),
            ("/api/v1/initiatives?status=champion", "champion"),
            ("/api/v1/initiatives?sort=best", "sort"),
            ("/api/v1/initiatives?colour=red", "colour"),
            ("/api/v1/editions/abc", "abc"),
            ("/api/v1/cities?with_initiatives=maybe", "with_initiatives"),
        ] {
            let (status, error) = app.get_json(path).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{path}");
            let message = error["error"]["message"].as_str().unwrap();
            assert!(message.contains(needle), "{path}: {message}");
        }
    }

    async fn the_initiative_record_is_the_same_on_both_engines(engine) {
        let app = app(engine).await;
        let (status, bogota) = app.get_json("/api/v1/initiatives/1").await;
        assert_eq!(status, StatusCode::OK);
        insta::assert_json_snapshot!("initiative_record", bogota);
        let (_, list) = app.get_json("/api/v1/initiatives?limit=2").await;
        insta::assert_json_snapshot!("initiative_list_page", list);
        // Unpublished entries are not part of the public record.
        let (status, _) = app.get_json("/api/v1/initiatives/5").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    async fn openapi_documents_every_route(engine) {
        let app = app(engine).await;
        let (status, doc) = app.get_json("/api/openapi.json").await;
        assert_eq!(status, StatusCode::OK);
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
        let documented: BTreeSet<&str> = doc["paths"].as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(documented, API_ROUTES.iter().copied().collect());
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        for schema in ["Award", "Edition", "Initiative", "InitiativeSummary", "City", "EntryStatus"] {
            assert!(schemas.contains_key(schema), "{schema} missing from the OpenAPI components");
        }
    }

    async fn health_and_metrics(engine) {
        let app = app(engine).await;
        let (status, health) = app.get_json("/healthz").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(health["status"], "ok");
        assert_eq!(health["database"], match engine { Engine::Sqlite => "sqlite", Engine::Postgres => "postgres" });
        app.get("/library").await;
        let (status, metrics) = app.get("/metrics").await;
        assert_eq!(status, StatusCode::OK);
        assert!(metrics.contains(r#"http_requests_total{method="GET",route="/library",status="200"}"#), "{metrics}");
        assert!(metrics.contains("http_request_duration_seconds_bucket"));
        app.get("/no/such/thing/12345").await;
        let (_, metrics) = app.get("/metrics").await;
        assert!(!metrics.contains("12345"), "raw paths never become metric labels");
    }
}
