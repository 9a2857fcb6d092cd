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

// An edition the Secretariat's pages cannot find: the refusals by role come first, as on every
// page of that desk; then an unknown or malformed edition id is not found, for pages and posts,
// and for routes with a second path parameter.
both_engines! {
    async fn the_secretariat_desk_refuses_by_role_then_finds_no_unknown_edition(engine) {
        let app = TestApp::with_fixture(engine).await.unwrap();
        let paths = [
            ("GET", "/secretariat/editions/999/scores"),
            ("GET", "/secretariat/editions/abc/jury"),
            ("GET", "/secretariat/editions/0/applications.csv"),
            ("POST", "/secretariat/editions/999/scores/freeze"),
            ("POST", "/secretariat/editions/-2/lists/long_list/open"),
        ];
        for (column, user) in USERS.iter().enumerate() {
            let client = match user {
                None => client(),
                Some(role) => app.login_as(*role).await.client,
            };
            let expected = [303, 403, 404, 403, 403, 403][column];
            for (method, path) in paths {
                assert_eq!(request(&client, &app, method, path).await.as_u16(), expected, "{user:?}: {method} {path}");
            }
        }
        let signed_out = client().get(app.url("/secretariat/editions/999/scores")).send().await.unwrap();
        let location = signed_out.headers()["location"].to_str().unwrap();
        assert_eq!(location, "/login?next=/secretariat/editions/999/scores");
        let desk = app.login_as(Role::Secretariat).await;
        let (status, page) = crate::harness::get_in(&desk.client, "fr", &app.url("/secretariat/editions/999/lists")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(page.contains(r#"<html lang="fr">"#) && page.contains("Page introuvable"), "{page}");
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

/// The phases of an edition's evaluation, in order; each column of `PHASE_MATRIX` is one.
const PHASES: [&str; 5] = ["committees", "review", "lists", "jury", "published"];

/// The kinds of user of the phase matrix: the public, an applicant, an expert assigned to Lyon's
/// entry, an expert from Lyon (in conflict with it), a Jury member, the Secretariat.
const PHASE_USERS: [&str; 6] = ["public", "applicant", "expert", "conflicted expert", "juror", "secretariat"];

/// (what is tried, then for each phase what each kind of user gets). Every attempt carries a
/// valid form for the one who sends it, so the phase, not a malformed request, decides.
const PHASE_MATRIX: &[(&str, [[u16; 6]; 5])] = &[
    // Lyon's entry, for review: only once assigned, never to the conflicted expert.
    (
        "GET /review/entries/{lyon}",
        [
            [303, 403, 404, 404, 404, 403],
            [303, 403, 200, 404, 404, 403],
            [303, 403, 200, 404, 404, 403],
            [303, 403, 200, 404, 404, 403],
            [303, 403, 200, 404, 404, 403],
        ],
    ),
    // Saving a draft review: only while reviews are open (closed by the vote on the long list).
    (
        "POST /review/entries/{lyon}/review",
        [
            [303, 403, 404, 404, 404, 403],
            [303, 403, 303, 404, 404, 403],
            [303, 403, 400, 404, 404, 403],
            [303, 403, 400, 404, 404, 403],
            [303, 403, 400, 404, 404, 403],
        ],
    ),
    ("GET /review/lists", [[303, 403, 200, 200, 403, 403]; 5]),
    // Approving Lyon on the long list: only while its vote is open, never by the conflicted expert.
    (
        "POST /review/lists/{long list} approve lyon",
        [
            [303, 403, 404, 404, 403, 403],
            [303, 403, 404, 404, 403, 403],
            [303, 403, 303, 400, 403, 403],
            [303, 403, 400, 400, 403, 403],
            [303, 403, 400, 400, 403, 403],
        ],
    ),
    ("GET /jury", [[303, 403, 403, 403, 200, 403]; 5]),
    // A Jury ballot ranking every entry it offers: once the shortlist is confirmed, until the close.
    (
        "POST /jury/{edition}/ballot",
        [
            [303, 403, 403, 403, 400, 403],
            [303, 403, 403, 403, 400, 403],
            [303, 403, 403, 403, 400, 403],
            [303, 403, 403, 403, 303, 403],
            [303, 403, 403, 403, 400, 403],
        ],
    ),
    // The committee's scores exist from the freeze; the Jury's report from the close.
    (
        "GET /secretariat/editions/{edition}/scores.csv",
        [
            [303, 403, 403, 403, 403, 404],
            [303, 403, 403, 403, 403, 404],
            [303, 403, 403, 403, 403, 200],
            [303, 403, 403, 403, 403, 200],
            [303, 403, 403, 403, 403, 200],
        ],
    ),
    (
        "GET /secretariat/editions/{edition}/jury/report.csv",
        [
            [303, 403, 403, 403, 403, 404],
            [303, 403, 403, 403, 403, 404],
            [303, 403, 403, 403, 403, 404],
            [303, 403, 403, 403, 403, 404],
            [303, 403, 403, 403, 403, 200],
        ],
    ),
    ("GET /secretariat/editions/{edition}/lists", [[303, 403, 403, 403, 403, 200]; 5]),
    // Lyon's case is public from its screening on; its honour shows only once published.
    (
        "GET /initiatives/{lyon} shows an honour",
        [
            [200, 200, 200, 200, 200, 200],
            [200, 200, 200, 200, 200, 200],
            [200, 200, 200, 200, 200, 200],
            [200, 200, 200, 200, 200, 200],
            [201, 201, 201, 201, 201, 201],
        ],
    ),
];

// Every route of the evaluation that depends on where the edition stands, for every kind of user
// in every phase; the edition moves from phase to phase through the Secretariat's own pages.
both_engines! {
    async fn the_evaluation_follows_its_phases_for_everyone(engine) {
        use kapok::domain::EntryStatus;
        use crate::evaluation::email_of;
        let app = TestApp::with_fixture(engine).await.unwrap();
        let edition = phase_edition(&app).await;
        let desk = app.login_as(Role::Secretariat).await;
        let applicant = app.login_as(Role::Applicant).await;
        let expert = app.login_as(Role::TechnicalCommittee).await;
        let conflicted = app.login_as(Role::TechnicalCommittee).await;
        let juror = app.login_as(Role::Jury).await;
        for (user, name, stage, country, city) in [
            (&expert, "Expert", "technical_committee", "CN", ""),
            (&conflicted, "Lyonnais", "technical_committee", "FR", "Lyon"),
            (&juror, "Juror", "jury", "CN", ""),
        ] {
            let fields = vec![("csrf", desk.csrf.clone()), ("name", name.into()), ("email", email_of(user).await),
                ("stage", stage.into()), ("country", country.into()), ("city", city.into())];
            let added = desk.post_fields(&format!("/secretariat/editions/{edition}/committees"), &fields).await;
            assert_eq!(added.status(), StatusCode::SEE_OTHER, "{name}");
        }
        let members = app.store.committee(edition).await.unwrap();
        let member_of = |email: String| members.iter().find(|m| m.email == email).unwrap().clone();
        let (expert_member, conflicted_member) = (member_of(email_of(&expert).await), member_of(email_of(&conflicted).await));
        let rows = app.store.screening_list(edition).await.unwrap();
        let entry_in = |country: &str| rows.iter().find(|r| r.country == country).unwrap().entry;
        let (lyon, gwangju) = (entry_in("FR"), entry_in("KR"));
        let criteria = app.store.edition(edition).await.unwrap().unwrap().criteria;
        let public = client();
        let users: [Option<&crate::harness::UserClient>; 6] = [None, Some(&applicant), Some(&expert), Some(&conflicted), Some(&juror), Some(&desk)];
        let csrf = |column: usize| users[column].map(|u| u.csrf.clone()).unwrap_or_default();
        let confirmed = |fields: &[(&str, String)]| {
            let mut all = vec![("csrf".to_string(), desk.csrf.clone()), ("confirm".to_string(), "yes".to_string())];
            all.extend(fields.iter().map(|(k, v)| (k.to_string(), v.clone())));
            all
        };
        let desk_posts = |path: String, fields: Vec<(String, String)>| {
            let desk = &desk;
            async move { assert_eq!(desk.post_fields(&path, &fields).await.status(), StatusCode::SEE_OTHER, "{path}") }
        };

        for (phase, name) in PHASES.iter().enumerate() {
            // Into the phase, through the Secretariat's pages.
            match *name {
                "review" => {
                    // Lyon to the expert, Gwangju to the expert from Lyon, from an imported matrix.
                    let scores = format!("{lyon},{},1\n{gwangju},{},1", expert_member.id, conflicted_member.id);
                    let propose = [("csrf", desk.csrf.clone()), ("per_entry", "1".into()), ("max_per_reviewer", "2".into()),
                        ("source", "matrix".into()), ("scores", scores)];
                    let path = format!("/secretariat/editions/{edition}/assignment/propose");
                    desk_posts(path, propose.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()).await;
                    let proposal = app.store.proposal(edition).await.unwrap();
                    assert!(proposal.contains(&(lyon, expert_member.id, 1.0)) && proposal.contains(&(gwangju, conflicted_member.id, 1.0)), "{proposal:?}");
                    desk_posts(format!("/secretariat/editions/{edition}/assignment/deploy"), confirmed(&[])).await;
                }
                "lists" => {
                    for (member, entry) in [(&expert_member, lyon), (&conflicted_member, gwangju)] {
                        let kept = app.store.entry_reviews(entry).await.unwrap().into_iter().find(|r| r.member == member.id);
                        let content = kapok::evaluation::review::ReviewContent {
                            scores: criteria.iter().map(|k| (k.id, 7)).collect(),
                            recommendation: Some(kapok::evaluation::review::Recommendation::Support),
                            confidence: Some(3),
                            ..Default::default()
                        };
                        let version = kept.map(|r| r.version).unwrap_or(0);
                        let write = kapok::storage::evaluation::ReviewWrite { member: member.id, entry, content: &content, version, submit: true };
                        app.store.save_review(write, member.user, 2).await.unwrap();
                    }
                    desk_posts(format!("/secretariat/editions/{edition}/scores/freeze"), vec![("csrf".into(), desk.csrf.clone())]).await;
                    desk_posts(format!("/secretariat/editions/{edition}/lists/long_list/open"), vec![("csrf".into(), desk.csrf.clone())]).await;
                }
                "jury" => {
                    for list in ["long_list", "shortlist"] {
                        if list == "shortlist" {
                            desk_posts(format!("/secretariat/editions/{edition}/lists/shortlist/open"), vec![("csrf".into(), desk.csrf.clone())]).await;
                        }
                        if list == "shortlist" {
                            let round = app.store.decision_rounds(edition).await.unwrap().pop().unwrap();
                            app.store.cast_approval_ballot(round.id, expert_member.id, &[lyon], expert_member.user, 3).await.unwrap();
                        }
                        desk_posts(format!("/secretariat/editions/{edition}/lists/{list}/close"), confirmed(&[])).await;
                        let round = app.store.decision_rounds(edition).await.unwrap().pop().unwrap();
                        let listed: Vec<(&str, String)> = round.proposal.unwrap().listed.iter().map(|e| ("listed", e.to_string())).collect();
                        desk_posts(format!("/secretariat/editions/{edition}/lists/{list}/confirm"), confirmed(&listed)).await;
                    }
                    assert_eq!(status_of(&app, edition, lyon).await, EntryStatus::Shortlisted, "Lyon, approved, is shortlisted");
                }
                "published" => {
                    desk_posts(format!("/secretariat/editions/{edition}/jury/close"), confirmed(&[("method", "schulze".into())])).await;
                    desk_posts(format!("/secretariat/editions/{edition}/jury/publish"), confirmed(&[])).await;
                    assert!(matches!(status_of(&app, edition, lyon).await, EntryStatus::Winner | EntryStatus::MedalOfHonour));
                }
                _ => {}
            }
            let long_list = app.store.decision_rounds(edition).await.unwrap().first().map(|r| r.id).unwrap_or(1);
            for (attempt, expected) in PHASE_MATRIX {
                for (column, user) in users.iter().enumerate() {
                    let client = user.map(|u| &u.client).unwrap_or(&public);
                    let got = match *attempt {
                        "GET /review/entries/{lyon}" => get(client, &app, &format!("/review/entries/{lyon}")).await,
                        "POST /review/entries/{lyon}/review" => {
                            let version = app.store.entry_reviews(lyon).await.unwrap().into_iter()
                                .find(|r| r.member == expert_member.id).map(|r| r.version).unwrap_or(0);
                            let fields = vec![("csrf".to_string(), csrf(column)), ("version".into(), version.to_string()),
                                ("action".into(), "save".into()), (format!("score-{}", criteria[0].id), "6".into())];
                            post(client, &app, &format!("/review/entries/{lyon}/review"), &fields).await
                        }
                        "GET /review/lists" => get(client, &app, "/review/lists").await,
                        "POST /review/lists/{long list} approve lyon" => {
                            let fields = vec![("csrf".to_string(), csrf(column)), ("approve".into(), lyon.to_string())];
                            post(client, &app, &format!("/review/lists/{long_list}"), &fields).await
                        }
                        "GET /jury" => get(client, &app, "/jury").await,
                        "POST /jury/{edition}/ballot" => {
                            let offered: Vec<_> = app.store.screening_list(edition).await.unwrap().into_iter()
                                .filter(|r| r.status >= EntryStatus::Shortlisted).collect();
                            let mut fields = vec![("csrf".to_string(), csrf(column))];
                            fields.extend(offered.iter().enumerate().map(|(place, r)| (format!("rank-{}", r.entry), (place + 1).to_string())));
                            if offered.is_empty() {
                                fields.push((format!("rank-{lyon}"), "1".into()));
                            }
                            post(client, &app, &format!("/jury/{edition}/ballot"), &fields).await
                        }
                        "GET /secretariat/editions/{edition}/scores.csv" => get(client, &app, &format!("/secretariat/editions/{edition}/scores.csv")).await,
                        "GET /secretariat/editions/{edition}/jury/report.csv" => get(client, &app, &format!("/secretariat/editions/{edition}/jury/report.csv")).await,
                        "GET /secretariat/editions/{edition}/lists" => get(client, &app, &format!("/secretariat/editions/{edition}/lists")).await,
                        "GET /initiatives/{lyon} shows an honour" => {
                            let response = client.get(app.url(&format!("/initiatives/{}", initiative_of(&app, edition, lyon).await))).send().await.unwrap();
                            let status = response.status().as_u16();
                            let page = response.text().await.unwrap();
                            // 201 stands for "200, with the honour shown" in the matrix.
                            let honoured = page.contains("badge-winner") || page.contains("badge-medal_of_honour");
                            if status == 200 && honoured { 201 } else { status }
                        }
                        other => unreachable!("{other}"),
                    };
                    assert_eq!(got, expected[phase][column], "{name} phase, {}: {attempt}", PHASE_USERS[column]);
                }
            }
        }
        let (log, (seq, hash)) = app.store.audit_log().await.unwrap();
        assert!(kapok::evaluation::audit::verify(&log, (seq, &hash)).is_ok());
    }
}

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> u16 {
    client.get(app.url(path)).send().await.unwrap().status().as_u16()
}

async fn post(client: &reqwest::Client, app: &TestApp, path: &str, fields: &[(String, String)]) -> u16 {
    client.post(app.url(path)).form(fields).send().await.unwrap().status().as_u16()
}

async fn status_of(
    app: &TestApp,
    edition: kapok::domain::EditionId,
    entry: kapok::domain::EntryId,
) -> kapok::domain::EntryStatus {
    let rows = app.store.screening_list(edition).await.unwrap();
    rows.into_iter().find(|r| r.entry == entry).unwrap().status
}

async fn initiative_of(app: &TestApp, edition: kapok::domain::EditionId, entry: kapok::domain::EntryId) -> i64 {
    let rows = app.store.screening_list(edition).await.unwrap();
    rows.into_iter().find(|r| r.entry == entry).unwrap().initiative.0
}

/// A fresh edition for the phase story (the fixture's own editions carry imported results): the
/// fixture award's second edition under another name, with three valid entries from Lyon,
/// Gwangju and Medellín.
async fn phase_edition(app: &TestApp) -> kapok::domain::EditionId {
    let awards = crate::fixtures::AWARDS_JSON.replace("test-award", "phase-award");
    app.store.upsert_awards(&kapok::interchange::read_awards("awards.json", &awards).unwrap()).await.unwrap();
    let lines: Vec<String> = [("phase-lyon", 2996944, "Streets for Children"), ("phase-gwangju", 1841811, "Democracy Square"), ("phase-medellin", 3674962, "Library Parks")]
        .iter()
        .map(|(reference, city, title)| {
            serde_json::json!({"ref": reference, "award": "phase-award", "edition": 2, "status": "valid",
                "cities": [{"geonames_id": city}], "level": "municipal", "original_language": "en",
                "texts": {"en": {"title": title, "summary": "A phase story entry."}}, "source": {"dataset": "test", "id": reference}})
            .to_string()
        })
        .collect();
    crate::harness::import_jsonl(&*app.store, &lines.join("\n")).await.unwrap();
    let editions = app.store.editions(None, kapok::storage::PageRequest::new(0, 50)).await.unwrap().items;
    editions.iter().find(|e| e.award_slug == "phase-award" && e.ordinal == 2).unwrap().id
}
