//! The permission matrix: every route of the router, for every kind of user, and what they
//! get. `every_route_is_in_the_matrix` keeps it complete: a new route fails the suite until it
//! has its rows here.

use std::collections::BTreeSet;

use kapok::domain::Role;
use reqwest::{Method, StatusCode};

use crate::harness::{TestApp, both_engines, client};

/// (method, route template as in src/web/mod.rs, a concrete path, what each kind of user gets
/// in the order of `USERS`). The fixture's initiative 5 exists but did not pass screening: it
/// is public to nobody. Posts carry neither the fields nor the CSRF token a form needs, so they
/// are refused (400 malformed, 403 forged).
const MATRIX: &[(&str, &str, &str, [u16; 6])] = &[
    ("GET", "/", "/", [200; 6]),
    ("GET", "/awards", "/awards", [200; 6]),
    ("GET", "/awards/{id}", "/awards/1", [200; 6]),
    ("GET", "/editions/{id}", "/editions/2", [200; 6]),
    ("GET", "/initiatives/{id}", "/initiatives/1", [200; 6]),
    ("GET", "/initiatives/{id}", "/initiatives/5", [404; 6]),
    ("GET", "/cities", "/cities", [200; 6]),
    ("GET", "/cities/{id}", "/cities/1", [200; 6]),
    ("GET", "/library", "/library", [200; 6]),
    ("GET", "/library/map", "/library/map?country=CO", [200; 6]),
    ("GET", "/library/compare", "/library/compare?id=1&id=2", [200; 6]),
    ("GET", "/library/compare", "/library/compare?id=1&id=5", [404; 6]),
    ("GET", "/library/compare", "/library/compare?id=1&id=2&id=3&id=4", [400; 6]),
    ("GET", "/library/compare", "/library/compare?add=1", [303; 6]),
    ("GET", "/language/{code}", "/language/fr?next=/", [303; 6]),
    ("GET", "/login", "/login", [200; 6]),
    ("POST", "/login", "/login", [400; 6]),
    ("POST", "/logout", "/logout", [303, 403, 403, 403, 403, 403]),
    ("GET", "/account", "/account", [303, 200, 200, 200, 200, 200]),
    ("GET", "/register", "/register", [200; 6]),
    ("POST", "/register", "/register", [400; 6]),
    ("GET", "/verify", "/verify", [400; 6]),
    ("POST", "/verify/resend", "/verify/resend", [400; 6]),
    ("GET", "/password/forgot", "/password/forgot", [200; 6]),
    ("POST", "/password/forgot", "/password/forgot", [400; 6]),
    ("GET", "/password/reset", "/password/reset?token=x", [200; 6]),
    ("POST", "/password/reset", "/password/reset", [400; 6]),
    ("GET", "/secretariat/outbox", "/secretariat/outbox", [303, 403, 200, 403, 403, 403]),
    ("GET", "/secretariat/claims", "/secretariat/claims", [303, 403, 200, 403, 403, 403]),
    ("GET", "/secretariat/applications", "/secretariat/applications", [303, 403, 200, 403, 403, 403]),
    (
        "GET",
        "/secretariat/editions/{id}/applications",
        "/secretariat/editions/1/applications",
        [303, 403, 200, 403, 403, 403],
    ),
    (
        "GET",
        "/secretariat/editions/{id}/applications.csv",
        "/secretariat/editions/1/applications.csv",
        [303, 403, 200, 403, 403, 403],
    ),
    ("GET", "/secretariat/applications/{id}", "/secretariat/applications/1", [303, 403, 200, 403, 403, 403]),
    (
        "POST",
        "/secretariat/applications/{id}/feedback",
        "/secretariat/applications/1/feedback",
        [303, 403, 400, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/applications/{id}/extension",
        "/secretariat/applications/1/extension",
        [303, 403, 400, 403, 403, 403],
    ),
    ("POST", "/secretariat/claims/{id}", "/secretariat/claims/1", [303, 403, 400, 403, 403, 403]),
    ("GET", "/account/governments", "/account/governments", [303, 200, 403, 403, 403, 403]),
    ("POST", "/account/governments", "/account/governments", [303, 400, 403, 403, 403, 403]),
    ("GET", "/applications", "/applications", [303, 200, 403, 403, 403, 403]),
    ("POST", "/applications", "/applications", [303, 400, 403, 403, 403, 403]),
    ("GET", "/applications/{id}", "/applications/1", [303; 6]),
    // Application 1 belongs to another applicant: it does not exist for anyone else.
    ("GET", "/applications/{id}/fields", "/applications/1/fields", [401, 404, 404, 404, 404, 404]),
    ("POST", "/applications/{id}/fields", "/applications/1/fields", [401, 403, 403, 403, 403, 403]),
    ("GET", "/applications/{id}/{step}", "/applications/1/basic", [303, 404, 403, 403, 403, 403]),
    ("POST", "/applications/{id}/{step}", "/applications/1/basic", [303, 403, 403, 403, 403, 403]),
    ("POST", "/applications/{id}/submit", "/applications/1/submit", [303, 400, 403, 403, 403, 403]),
    ("POST", "/applications/{id}/withdraw", "/applications/1/withdraw", [303, 400, 403, 403, 403, 403]),
    ("GET", "/applications/{id}/submissions/{number}", "/applications/1/submissions/1", [303, 404, 404, 404, 404, 404]),
    (
        "POST",
        "/applications/{id}/attachments/upload",
        "/applications/1/attachments/upload",
        [303, 404, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/applications/{id}/attachments/video",
        "/applications/1/attachments/video",
        [303, 400, 403, 403, 403, 403],
    ),
    // Attachment 1 belongs to the draft application 1: only its owner reads it.
    (
        "GET",
        "/applications/{id}/attachments/{attachment}",
        "/applications/1/attachments/1",
        [303, 404, 404, 404, 404, 404],
    ),
    (
        "POST",
        "/applications/{id}/attachments/{attachment}/remove",
        "/applications/1/attachments/1/remove",
        [303, 400, 403, 403, 403, 403],
    ),
    // Edition 2 has an open public vote (set up by the test); nobody here is a verified voter.
    ("GET", "/vote", "/vote", [200; 6]),
    ("GET", "/vote/{edition}", "/vote/2", [200; 6]),
    ("GET", "/vote/{edition}", "/vote/1", [404; 6]),
    ("POST", "/vote/{edition}/code", "/vote/2/code", [400; 6]),
    ("POST", "/vote/{edition}/verify", "/vote/2/verify", [400; 6]),
    ("POST", "/vote/{edition}/ballot", "/vote/2/ballot", [403; 6]),
    ("POST", "/vote/{edition}/signout", "/vote/2/signout", [303; 6]),
    ("GET", "/vote/{edition}/check", "/vote/2/check?receipt=ABCD", [200; 6]),
    ("GET", "/vote/{edition}/rules", "/vote/2/rules", [200; 6]),
    ("GET", "/vote/{edition}/results", "/vote/2/results", [200; 6]),
    // Not certified yet: there is nothing to download.
    ("GET", "/vote/{edition}/results.csv", "/vote/2/results.csv", [404; 6]),
    ("GET", "/vote/{edition}/ballots.txt", "/vote/2/ballots.txt", [404; 6]),
    (
        "GET",
        "/secretariat/editions/{id}/screening",
        "/secretariat/editions/2/screening",
        [303, 403, 200, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/editions/{id}/screening",
        "/secretariat/editions/2/screening",
        [303, 403, 403, 403, 403, 403],
    ),
    (
        "GET",
        "/secretariat/editions/{id}/committees",
        "/secretariat/editions/2/committees",
        [303, 403, 200, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/editions/{id}/committees",
        "/secretariat/editions/2/committees",
        [303, 403, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/editions/{id}/conflict-rules",
        "/secretariat/editions/2/conflict-rules",
        [303, 403, 403, 403, 403, 403],
    ),
    (
        "GET",
        "/secretariat/editions/{id}/assignment",
        "/secretariat/editions/2/assignment",
        [303, 403, 200, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/editions/{id}/assignment/propose",
        "/secretariat/editions/2/assignment/propose",
        [303, 403, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/editions/{id}/assignment/adjust",
        "/secretariat/editions/2/assignment/adjust",
        [303, 403, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/editions/{id}/assignment/deploy",
        "/secretariat/editions/2/assignment/deploy",
        [303, 403, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/editions/{id}/assignment/undo",
        "/secretariat/editions/2/assignment/undo",
        [303, 403, 403, 403, 403, 403],
    ),
    ("GET", "/secretariat/editions/{id}/scores", "/secretariat/editions/2/scores", [303, 403, 200, 403, 403, 403]),
    // No snapshot in the matrix's fixture: nothing to report yet.
    (
        "GET",
        "/secretariat/editions/{id}/scores.csv",
        "/secretariat/editions/2/scores.csv",
        [303, 403, 404, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/editions/{id}/scores/freeze",
        "/secretariat/editions/2/scores/freeze",
        [303, 403, 403, 403, 403, 403],
    ),
    ("GET", "/secretariat/editions/{id}/jury", "/secretariat/editions/2/jury", [303, 403, 200, 403, 403, 403]),
    (
        "POST",
        "/secretariat/editions/{id}/jury/close",
        "/secretariat/editions/2/jury/close",
        [303, 403, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/editions/{id}/jury/publish",
        "/secretariat/editions/2/jury/publish",
        [303, 403, 403, 403, 403, 403],
    ),
    // No vote on a list in the matrix's fixture, and the Jury's vote is not closed.
    ("GET", "/secretariat/editions/{id}/lists", "/secretariat/editions/2/lists", [303, 403, 200, 403, 403, 403]),
    (
        "POST",
        "/secretariat/editions/{id}/lists/{list}/open",
        "/secretariat/editions/2/lists/long_list/open",
        [303, 403, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/editions/{id}/lists/{list}/close",
        "/secretariat/editions/2/lists/long_list/close",
        [303, 403, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/editions/{id}/lists/{list}/confirm",
        "/secretariat/editions/2/lists/long_list/confirm",
        [303, 403, 403, 403, 403, 403],
    ),
    (
        "GET",
        "/secretariat/editions/{id}/committee-report",
        "/secretariat/editions/2/committee-report",
        [303, 403, 200, 403, 403, 403],
    ),
    (
        "GET",
        "/secretariat/editions/{id}/jury/report",
        "/secretariat/editions/2/jury/report",
        [303, 403, 200, 403, 403, 403],
    ),
    (
        "GET",
        "/secretariat/editions/{id}/jury/report.csv",
        "/secretariat/editions/2/jury/report.csv",
        [303, 403, 404, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/editions/{id}/lists/{list}/reopen",
        "/secretariat/editions/2/lists/long_list/reopen",
        [303, 403, 403, 403, 403, 403],
    ),
    ("GET", "/review/lists", "/review/lists", [303, 403, 403, 200, 403, 403]),
    ("POST", "/review/lists/{round}", "/review/lists/1", [303, 403, 403, 403, 403, 403]),
    ("GET", "/jury", "/jury", [303, 403, 403, 403, 200, 403]),
    ("POST", "/jury/{edition}/ballot", "/jury/2/ballot", [303, 403, 403, 403, 403, 403]),
    // Committee members only; nobody here sits on a committee, so no entry is theirs to read.
    ("GET", "/review", "/review", [303, 403, 403, 200, 200, 403]),
    ("POST", "/review/conflicts", "/review/conflicts", [303, 403, 403, 403, 403, 403]),
    ("GET", "/review/entries/{entry}", "/review/entries/1", [303, 403, 403, 404, 404, 403]),
    ("POST", "/review/entries/{entry}/review", "/review/entries/1/review", [303, 403, 403, 403, 403, 403]),
    ("POST", "/review/entries/{entry}/discussion", "/review/entries/1/discussion", [303, 403, 403, 403, 403, 403]),
    ("GET", "/secretariat/editions/{id}/reviews", "/secretariat/editions/2/reviews", [303, 403, 200, 403, 403, 403]),
    (
        "POST",
        "/secretariat/editions/{id}/reviews/remind",
        "/secretariat/editions/2/reviews/remind",
        [303, 403, 403, 403, 403, 403],
    ),
    ("GET", "/secretariat/votes", "/secretariat/votes", [303, 403, 200, 403, 403, 403]),
    ("GET", "/secretariat/editions/{id}/vote", "/secretariat/editions/2/vote", [303, 403, 200, 403, 403, 403]),
    ("POST", "/secretariat/editions/{id}/vote", "/secretariat/editions/2/vote", [303, 403, 403, 403, 403, 403]),
    (
        "GET",
        "/secretariat/editions/{id}/vote/anomalies",
        "/secretariat/editions/2/vote/anomalies",
        [303, 403, 200, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/editions/{id}/vote/invalidate",
        "/secretariat/editions/2/vote/invalidate",
        [303, 403, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/secretariat/editions/{id}/vote/certify",
        "/secretariat/editions/2/vote/certify",
        [303, 403, 403, 403, 403, 403],
    ),
    ("GET", "/secretariat/sms", "/secretariat/sms", [303, 403, 200, 403, 403, 403]),
    ("GET", "/api/v1/awards", "/api/v1/awards", [200; 6]),
    ("GET", "/api/v1/awards/{id}", "/api/v1/awards/1", [200; 6]),
    ("GET", "/api/v1/editions", "/api/v1/editions", [200; 6]),
    ("GET", "/api/v1/editions/{id}", "/api/v1/editions/1", [200; 6]),
    ("GET", "/api/v1/initiatives", "/api/v1/initiatives", [200; 6]),
    ("GET", "/api/v1/initiatives.jsonl", "/api/v1/initiatives.jsonl", [200; 6]),
    ("GET", "/api/v1/initiatives.csv", "/api/v1/initiatives.csv", [200; 6]),
    ("GET", "/api/v1/initiatives/{id}", "/api/v1/initiatives/1", [200; 6]),
    ("GET", "/api/v1/initiatives/{id}", "/api/v1/initiatives/5", [404; 6]),
    ("GET", "/api/v1/cities", "/api/v1/cities", [200; 6]),
    ("GET", "/api/v1/cities/{id}", "/api/v1/cities/1", [200; 6]),
    ("GET", "/api/openapi.json", "/api/openapi.json", [200; 6]),
    ("GET", "/healthz", "/healthz", [200; 6]),
    ("GET", "/metrics", "/metrics", [200; 6]),
    ("GET", "/static/{file}", "/static/kapok.css", [200; 6]),
];

/// The kinds of user, in the order of the matrix's columns: the public (signed out), then a
/// signed-in user of each role.
const USERS: [Option<Role>; 6] = [
    None,
    Some(Role::Applicant),
    Some(Role::Secretariat),
    Some(Role::TechnicalCommittee),
    Some(Role::Jury),
    Some(Role::CommissionMember),
];

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
        let owner = app.login_as(Role::Applicant).await;
        let (_, account) = owner.get("/account").await;
        let email = account.split("<dd>").nth(1).unwrap().split('<').next().unwrap();
        let owner_id = app.store.credentials(email).await.unwrap().unwrap().user.id;
        let edition = kapok::domain::EditionId(1);
        let application = app.store.create_application(edition, owner_id, 0).await.unwrap();
        assert_eq!(application.0, 1);
        assert_eq!(owner.get_json("/applications/1/fields").await.0, StatusCode::OK, "the owner reads it");
        app.files.put("matrixfile", b"%PDF-1.4").await.unwrap();
        let attachment = kapok::application::attachments::NewAttachment {
            kind: kapok::application::attachments::AttachmentKind::File,
            name: "plan.pdf".into(),
            content_type: Some("application/pdf".into()),
            size: 8,
            storage_key: Some("matrixfile".into()),
            sha256: None,
        };
        app.store.add_attachment(application, &attachment, i64::MAX, owner_id, 0).await.unwrap();
        assert_eq!(owner.get_bytes("/applications/1/attachments/1").await.status(), StatusCode::OK, "the owner reads it");
        crate::vote::open_vote(&app, kapok::domain::EditionId(2)).await;
        for (column, user) in USERS.iter().enumerate() {
            let (client, who) = match user {
                None => (client(), "public".to_string()),
                Some(role) => (app.login_as(*role).await.client, role.to_string()),
            };
            for (method, route, path, expected) in MATRIX {
                let status = request(&client, &app, method, path).await.as_u16();
                assert_eq!(status, expected[column], "{who}: {method} {route} as {path}");
            }
        }
        // Methods a route does not take are refused without changing anything.
        let public = client();
        let posted: BTreeSet<&str> = MATRIX.iter().filter(|row| row.0 == "POST").map(|row| row.1).collect();
        for (method, route, path, _) in MATRIX {
            if *method == "GET" && !posted.contains(route) {
                assert_eq!(request(&public, &app, "POST", path).await, StatusCode::METHOD_NOT_ALLOWED, "POST {route}");
            }
        }
    }
}

// The conflicted-expert column of the list votes and the reports: an expert from Lyon never sees
// nor approves Lyon's entry, whatever they post; no expert, juror or applicant reaches the
// Secretariat's side, even with a valid form.
both_engines! {
    async fn a_conflicted_expert_neither_sees_nor_approves_the_entry_and_only_the_secretariat_decides(engine) {
        let app = TestApp::with_fixture(engine).await.unwrap();
        let desk = app.login_as(Role::Secretariat).await;
        let conflicted = app.login_as(Role::TechnicalCommittee).await;
        let free = app.login_as(Role::TechnicalCommittee).await;
        for (expert, country, city) in [(&conflicted, "FR", "Lyon"), (&free, "CN", "")] {
            let (_, account) = expert.get("/account").await;
            let email = account.split("<dd>").nth(1).unwrap().split('<').next().unwrap().to_string();
            let fields = vec![
                ("csrf", desk.csrf.clone()),
                ("name", "Expert".to_string()),
                ("email", email),
                ("stage", "technical_committee".to_string()),
                ("country", country.to_string()),
                ("city", city.to_string()),
            ];
            assert_eq!(desk.post_fields("/secretariat/editions/2/committees", &fields).await.status(), StatusCode::SEE_OTHER);
        }
        let csrf = vec![("csrf", desk.csrf.clone())];
        assert_eq!(desk.post_fields("/secretariat/editions/2/scores/freeze", &csrf).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(desk.post_fields("/secretariat/editions/2/lists/long_list/open", &csrf).await.status(), StatusCode::SEE_OTHER);
        let round = app.store.decision_rounds(kapok::domain::EditionId(2)).await.unwrap()[0].clone();
        let entries = app.store.evaluated_entries(kapok::domain::EditionId(2)).await.unwrap();
        let lyon = entries.iter().find(|e| e.title == "Rues aux enfants").unwrap().entry;
        assert!(round.candidates.contains(&lyon));

        let (status, page) = conflicted.get("/review/lists").await;
        assert_eq!(status, StatusCode::OK);
        assert!(!page.contains("Rues aux enfants") && !page.contains(&format!(r#"value="{lyon}""#)), "{page}");
        let (_, page) = free.get("/review/lists").await;
        assert!(page.contains("Rues aux enfants"), "{page}");
        let url = format!("/review/lists/{}", round.id);
        for (expert, expected) in [(&conflicted, StatusCode::BAD_REQUEST), (&free, StatusCode::SEE_OTHER)] {
            let fields = vec![("csrf", expert.csrf.clone()), ("approve", lyon.to_string())];
            assert_eq!(expert.post_fields(&url, &fields).await.status(), expected);
        }
        let ballots = app.store.approval_ballots(round.id).await.unwrap();
        assert_eq!(ballots.len(), 1, "only the free expert's ballot");

        // Everyone but the Secretariat is refused its pages and actions, with a valid form.
        let juror = app.login_as(Role::Jury).await;
        let applicant = app.login_as(Role::Applicant).await;
        for user in [&conflicted, &free, &juror, &applicant] {
            for path in ["/secretariat/editions/2/lists", "/secretariat/editions/2/committee-report", "/secretariat/editions/2/jury/report"] {
                assert_eq!(user.get(path).await.0, StatusCode::FORBIDDEN, "{path}");
            }
            let fields = vec![("csrf", user.csrf.clone()), ("confirm", "yes".to_string())];
            let closed = user.post_fields("/secretariat/editions/2/lists/long_list/close", &fields).await;
            assert_eq!(closed.status(), StatusCode::FORBIDDEN);
        }
        assert!(app.store.decision_round(round.id).await.unwrap().unwrap().closed_at.is_none(), "still open");
        // A juror or an applicant has no ballot on a list.
        for user in [&juror, &applicant] {
            let fields = vec![("csrf", user.csrf.clone()), ("approve", lyon.to_string())];
            assert_eq!(user.post_fields(&url, &fields).await.status(), StatusCode::FORBIDDEN);
        }
    }
}
