//! The permission matrix: every route of the router, for every kind of user, and what they
//! get. Today every route is public and read-only; later roles add rows and columns here, and
//! `every_route_is_in_the_matrix` keeps the matrix complete.

use std::collections::BTreeSet;

use reqwest::StatusCode;

use crate::harness::{TestApp, both_engines};

/// (route template as in src/web/mod.rs, a concrete path to request, what the public gets).
/// The fixture's initiative 5 exists but did not pass screening: it is not public.
const MATRIX: &[(&str, &str, u16)] = &[
    ("/", "/", 200),
    ("/awards", "/awards", 200),
    ("/awards/{id}", "/awards/1", 200),
    ("/editions/{id}", "/editions/2", 200),
    ("/initiatives/{id}", "/initiatives/1", 200),
    ("/initiatives/{id}", "/initiatives/5", 404),
    ("/cities", "/cities", 200),
    ("/cities/{id}", "/cities/1", 200),
    ("/library", "/library", 200),
    ("/language/{code}", "/language/fr?next=/", 303),
    ("/api/v1/awards", "/api/v1/awards", 200),
    ("/api/v1/awards/{id}", "/api/v1/awards/1", 200),
    ("/api/v1/editions", "/api/v1/editions", 200),
    ("/api/v1/editions/{id}", "/api/v1/editions/1", 200),
    ("/api/v1/initiatives", "/api/v1/initiatives", 200),
    ("/api/v1/initiatives/{id}", "/api/v1/initiatives/1", 200),
    ("/api/v1/initiatives/{id}", "/api/v1/initiatives/5", 404),
    ("/api/v1/cities", "/api/v1/cities", 200),
    ("/api/v1/cities/{id}", "/api/v1/cities/1", 200),
    ("/api/openapi.json", "/api/openapi.json", 200),
    ("/healthz", "/healthz", 200),
    ("/metrics", "/metrics", 200),
    ("/static/{file}", "/static/kapok.css", 200),
];

#[test]
fn every_route_is_in_the_matrix() {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/web/mod.rs")).unwrap();
    let routed: BTreeSet<&str> =
        source.split(".route(\"").skip(1).map(|rest| rest.split('"').next().unwrap()).collect();
    let covered: BTreeSet<&str> = MATRIX.iter().map(|(route, _, _)| *route).collect();
    assert_eq!(routed, covered, "add the new routes to the permission matrix");
}

both_engines! {
    async fn the_public_gets_what_the_matrix_says(engine) {
        let app = TestApp::with_fixture(engine).await.unwrap();
        for (route, path, expected) in MATRIX {
            let (status, _) = app.get(path).await;
            assert_eq!(status, StatusCode::from_u16(*expected).unwrap(), "{route} as {path}");
        }
        // No route accepts writes yet: a POST anywhere is refused without changing anything.
        let client = reqwest::Client::new();
        for (route, path, _) in MATRIX {
            let status = client.post(app.url(path)).body("x").send().await.unwrap().status();
            assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "POST {route}");
        }
    }
}
