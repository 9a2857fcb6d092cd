//! The permission matrix: every route of the router, for every kind of user, and what they
//! get. `every_route_is_in_the_matrix` keeps it complete: a new route fails the suite until it
//! has its rows here.

use std::collections::BTreeSet;

use kapok::domain::Role;
use reqwest::{Method, StatusCode};

use crate::harness::{TestApp, UserClient, both_engines, client};

/// (method, route template as in src/web/mod.rs, a concrete path, what the public gets, what a
/// signed-in user of any role gets). The fixture's initiative 5 exists but did not pass
/// screening: it is public to nobody. Posts carry neither the fields nor the CSRF token a form
/// needs, so they are refused (400 malformed, 403 forged).
const MATRIX: &[(&str, &str, &str, u16, u16)] = &[
    ("GET", "/", "/", 200, 200),
    ("GET", "/awards", "/awards", 200, 200),
    ("GET", "/awards/{id}", "/awards/1", 200, 200),
    ("GET", "/editions/{id}", "/editions/2", 200, 200),
    ("GET", "/initiatives/{id}", "/initiatives/1", 200, 200),
    ("GET", "/initiatives/{id}", "/initiatives/5", 404, 404),
    ("GET", "/cities", "/cities", 200, 200),
    ("GET", "/cities/{id}", "/cities/1", 200, 200),
    ("GET", "/library", "/library", 200, 200),
    ("GET", "/language/{code}", "/language/fr?next=/", 303, 303),
    ("GET", "/login", "/login", 200, 200),
    ("POST", "/login", "/login", 400, 400),
    ("POST", "/logout", "/logout", 303, 403),
    ("GET", "/account", "/account", 303, 200),
    ("GET", "/api/v1/awards", "/api/v1/awards", 200, 200),
    ("GET", "/api/v1/awards/{id}", "/api/v1/awards/1", 200, 200),
    ("GET", "/api/v1/editions", "/api/v1/editions", 200, 200),
    ("GET", "/api/v1/editions/{id}", "/api/v1/editions/1", 200, 200),
    ("GET", "/api/v1/initiatives", "/api/v1/initiatives", 200, 200),
    ("GET", "/api/v1/initiatives/{id}", "/api/v1/initiatives/1", 200, 200),
    ("GET", "/api/v1/initiatives/{id}", "/api/v1/initiatives/5", 404, 404),
    ("GET", "/api/v1/cities", "/api/v1/cities", 200, 200),
    ("GET", "/api/v1/cities/{id}", "/api/v1/cities/1", 200, 200),
    ("GET", "/api/openapi.json", "/api/openapi.json", 200, 200),
    ("GET", "/healthz", "/healthz", 200, 200),
    ("GET", "/metrics", "/metrics", 200, 200),
    ("GET", "/static/{file}", "/static/kapok.css", 200, 200),
];

const ROLES: &[Role] =
    &[Role::Applicant, Role::Secretariat, Role::TechnicalCommittee, Role::Jury, Role::CommissionMember];

#[test]
fn every_route_is_in_the_matrix() {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/web/mod.rs")).unwrap();
    let routed: BTreeSet<&str> =
        source.split(".route(\"").skip(1).map(|rest| rest.split('"').next().unwrap()).collect();
    let covered: BTreeSet<&str> = MATRIX.iter().map(|row| row.1).collect();
    assert_eq!(routed, covered, "add the new routes to the permission matrix");
}

async fn request(client: &reqwest::Client, app: &TestApp, method: &str, path: &str) -> StatusCode {
    let method = Method::from_bytes(method.as_bytes()).unwrap();
    client.request(method, app.url(path)).form(&[("x", "y")]).send().await.unwrap().status()
}

both_engines! {
    async fn everyone_gets_what_the_matrix_says(engine) {
        let app = TestApp::with_fixture(engine).await.unwrap();
        let public = client();
        for (method, route, path, expected, _) in MATRIX {
            assert_eq!(request(&public, &app, method, path).await.as_u16(), *expected, "public: {method} {route} as {path}");
        }
        for role in ROLES {
            let user: UserClient = app.login_as(*role).await;
            for (method, route, path, _, expected) in MATRIX {
                assert_eq!(request(&user.client, &app, method, path).await.as_u16(), *expected, "{role}: {method} {route} as {path}");
            }
        }
        // Methods a route does not take are refused without changing anything.
        for (method, route, path, _, _) in MATRIX {
            if *method == "GET" && !["/login"].contains(route) {
                assert_eq!(request(&public, &app, "POST", path).await, StatusCode::METHOD_NOT_ALLOWED, "POST {route}");
            }
        }
    }
}
