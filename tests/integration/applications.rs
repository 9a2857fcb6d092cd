//! Applicants: claiming governments, and applications saved field by field with versions.

use kapok::domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::harness::{TestApp, UserClient, both_engines, client, csrf_field};

/// An award with an edition open for entries now (launched in the past, closing far ahead)
/// and one that closed.
pub const OPEN_AWARD: &str = r#"[{
  "slug": "open-award", "name": {"en": "Open Award"}, "short_name": {"en": "Open"}, "organisers": "Tests",
  "description": {"en": "An award open for entries."},
  "editions": [
    {"ordinal": 1, "year": 2025, "timezone": "UTC",
     "dates": [{"milestone": "launch", "starts": "2025-01-01T00:00"}, {"milestone": "final_deadline", "starts": "2025-06-30T23:59"}],
     "long_list_size": 45, "shortlist_size": 15, "max_winners": 5},
    {"ordinal": 2, "year": 2099, "timezone": "Asia/Shanghai",
     "dates": [{"milestone": "launch", "starts": "2026-01-01T00:00"}, {"milestone": "early_bird_deadline", "starts": "2099-07-31T23:59"},
               {"milestone": "final_deadline", "starts": "2099-08-31T23:59"}],
     "themes": [{"en": "Public services"}, {"en": "Climate"}],
     "long_list_size": 45, "shortlist_size": 15, "max_winners": 5,
     "application": {"summary_words": 10, "max_file_mb": 1, "max_total_mb": 2, "eligibility_questions": [{"id": "government", "text": {"en": "Run by a government?"}}]}}
  ]
}]"#;

async fn app_with_open_call(engine: crate::harness::Engine) -> (TestApp, i64, i64) {
    let app = TestApp::with_fixture(engine).await.unwrap();
    app.store.upsert_awards(&kapok::interchange::read_awards("open.json", OPEN_AWARD).unwrap()).await.unwrap();
    let catalog = app.store.catalog().await.unwrap();
    let closed = catalog.editions[&("open-award".to_string(), 1)].id.0;
    let open = catalog.editions[&("open-award".to_string(), 2)].id.0;
    (app, open, closed)
}

/// Starts an application through the form; its id.
pub async fn start(user: &UserClient, edition: i64) -> i64 {
    let response = user.post_form("/applications", &[("csrf", &user.csrf), ("edition_id", &edition.to_string())]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{:?}", response.text().await);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    location.trim_start_matches("/applications/").trim_end_matches("/basic").parse().unwrap()
}

both_engines! {
    async fn an_applicant_claims_a_government_and_the_secretariat_approves_it(engine) {
        let (app, open, _) = app_with_open_call(engine).await;
        let applicant = app.login_as(Role::Applicant).await;
        let (_, search) = applicant.get("/account/governments?q=bog").await;
        assert!(search.contains("Bogotá — Colombia, City"), "{search}");
        let city = search.split(r#"name="city_id" value=""#).nth(1).unwrap().split('"').next().unwrap().to_string();
        let claimed = applicant.post_form("/account/governments", &[("csrf", &applicant.csrf), ("city_id", &city)]).await;
        assert_eq!(claimed.status(), StatusCode::SEE_OTHER);
        // Claiming twice keeps one claim.
        applicant.post_form("/account/governments", &[("csrf", &applicant.csrf), ("city_id", &city)]).await;
        let requested = applicant
            .post_form("/account/governments", &[("csrf", &applicant.csrf), ("requested_name", "Union of Dannieh Municipalities"), ("requested_country", "co")])
            .await;
        assert_eq!(requested.status(), StatusCode::SEE_OTHER);
        let (_, mine) = applicant.get("/account/governments").await;
        assert_eq!(mine.matches("Waiting for the Secretariat").count(), 2, "{mine}");

        let secretariat = app.login_as(Role::Secretariat).await;
        let (_, pending) = secretariat.get("/secretariat/claims").await;
        assert!(pending.contains("Bogotá (CO)") && pending.contains("Union of Dannieh Municipalities (CO)"));
        let claim = pending.split("/secretariat/claims/").nth(1).unwrap().split('"').next().unwrap().to_string();
        let decided = secretariat.post_form(&format!("/secretariat/claims/{claim}"), &[("csrf", &secretariat.csrf), ("decision", "approve"), ("note", "Checked with the mayor's office")]).await;
        assert_eq!(decided.status(), StatusCode::SEE_OTHER);
        let (_, mine) = applicant.get("/account/governments").await;
        assert!(mine.contains("Approved") && mine.contains("Checked with the mayor&#39;s office"), "{mine}");
        // Only the Secretariat decides; a decided claim stays decided.
        let forged = applicant.post_form(&format!("/secretariat/claims/{claim}"), &[("csrf", &applicant.csrf), ("decision", "reject")]).await;
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        secretariat.post_form(&format!("/secretariat/claims/{claim}"), &[("csrf", &secretariat.csrf), ("decision", "reject")]).await;
        let (_, mine) = applicant.get("/account/governments").await;
        assert!(mine.contains("Approved"));

        // The approved government is offered in the application form.
        let id = start(&applicant, open).await;
        let (_, basic) = applicant.get(&format!("/applications/{id}/basic")).await;
        assert!(basic.contains(&format!(r#"name="governments" value="{city}""#)), "{basic}");
    }

    async fn fields_are_saved_one_by_one_with_versions(engine) {
        let (app, open, _) = app_with_open_call(engine).await;
        let applicant = app.login_as(Role::Applicant).await;
        let id = start(&applicant, open).await;
        let path = format!("/applications/{id}/fields");
        let save = |field: &str, value: serde_json::Value, version: i64| json!({"field": field, "value": value, "version": version});

        assert_eq!(applicant.post_json(&path, &save("title.en", json!("Care"), 0)).await, (StatusCode::OK, json!({"outcome": "saved", "version": 1})));
        assert_eq!(applicant.post_json(&path, &save("title.en", json!("Care Blocks"), 1)).await.1["version"], 2);
        // A second tab that still has version 1 does not overwrite version 2: it is told what is there.
        let (status, conflict) = applicant.post_json(&path, &save("title.en", json!("Care Homes"), 1)).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(conflict, json!({"outcome": "conflict", "value": "Care Blocks", "version": 2}));
        // A retried save of what is already there is not a conflict.
        assert_eq!(applicant.post_json(&path, &save("title.en", json!("Care Blocks"), 1)).await, (StatusCode::OK, json!({"outcome": "saved", "version": 2})));
        // Keeping one's own text after seeing the conflict: save with the version just learned.
        assert_eq!(applicant.post_json(&path, &save("title.en", json!("Care Homes"), 2)).await.1["version"], 3);
        // Lists come as arrays and are kept as sorted lists of ids.
        assert_eq!(applicant.post_json(&path, &save("sdgs", json!(["10", "5", "5"]), 0)).await.0, StatusCode::OK);
        let (_, saved) = applicant.get_json(&path).await;
        assert_eq!(saved["fields"]["title.en"], json!({"value": "Care Homes", "version": 3}));
        assert_eq!(saved["fields"]["sdgs"]["value"], "[5,10]");
        assert_eq!(saved["status"], "draft");

        // Bad saves are refused with a reason and change nothing.
        for (body, expected) in [
            (save("password", json!("x"), 0), StatusCode::BAD_REQUEST),
            (save("title.en", json!("x".repeat(301)), 3), StatusCode::BAD_REQUEST),
            (save("started", json!("two thousand"), 0), StatusCode::BAD_REQUEST),
            (save("level", json!("galactic"), 0), StatusCode::BAD_REQUEST),
            (save("eligibility.government", json!("maybe"), 0), StatusCode::BAD_REQUEST),
            (save("title.en", json!("Forged"), 99), StatusCode::CONFLICT),
            (json!({"field": "title.en"}), StatusCode::UNPROCESSABLE_ENTITY),
        ] {
            let (status, answer) = applicant.post_json(&path, &body).await;
            assert_eq!(status, expected, "{body} → {answer}");
        }
        let (_, after) = applicant.get_json(&path).await;
        assert_eq!(after["fields"]["title.en"]["version"], 3);

        // Without the CSRF header, without a session, or for someone else's application: refused.
        let response = applicant.client.post(app.url(&path)).json(&save("title.en", json!("x"), 3)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = client().post(app.url(&path)).header("x-csrf-token", "x").json(&save("title.en", json!("x"), 3)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let other = app.login_as(Role::Applicant).await;
        assert_eq!(other.post_json(&path, &save("title.en", json!("Mine now"), 3)).await.0, StatusCode::NOT_FOUND);
        assert_eq!(other.get(&format!("/applications/{id}/basic")).await.0, StatusCode::NOT_FOUND, "nobody else reads a draft");
        assert_eq!(other.get_json(&path).await.0, StatusCode::NOT_FOUND);
        let jury = app.login_as(Role::Jury).await;
        assert_eq!(jury.get(&format!("/applications/{id}/basic")).await.0, StatusCode::FORBIDDEN);
    }

    async fn broken_bytes_huge_bodies_and_foreign_origins_change_nothing(engine) {
        let (app, open, _) = app_with_open_call(engine).await;
        let applicant = app.login_as(Role::Applicant).await;
        let id = start(&applicant, open).await;
        let fields = app.url(&format!("/applications/{id}/fields"));
        let post_raw = |url: String, content_type: &'static str, body: Vec<u8>| {
            applicant.client.post(url).header("x-csrf-token", &applicant.csrf).header("content-type", content_type).body(body).send()
        };
        // Autosave: JSON that is not UTF-8, and a body over the limit.
        let broken = post_raw(fields.clone(), "application/json", b"{\"field\":\"title.en\",\"value\":\"\xff\xfe\",\"version\":0}".to_vec()).await.unwrap();
        assert_eq!(broken.status(), StatusCode::BAD_REQUEST);
        assert_eq!(broken.json::<serde_json::Value>().await.unwrap()["outcome"], "error");
        let huge = json!({"field": "summary.en", "value": "word ".repeat(600_000), "version": 0});
        let (status, _) = applicant.post_json(&format!("/applications/{id}/fields"), &huge).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        // A save from another site's page, even with the token, is refused.
        // The server closes the connection after refusing the huge body unread; the client may
        // still pick that pooled connection once, so a broken connection is retried.
        let send_foreign = || applicant.client.post(&fields).header("x-csrf-token", &applicant.csrf).header("origin", "https://evil.example")
            .json(&json!({"field": "title.en", "value": "Hijacked", "version": 0})).send();
        let foreign = match send_foreign().await { Ok(response) => response, Err(_) => send_foreign().await.unwrap() };
        assert_eq!(foreign.status(), StatusCode::FORBIDDEN);
        // The step form without JavaScript: percent-encoded bytes that are not UTF-8.
        let body = format!("csrf={}&title.en=Caf%E9&v%3Atitle.en=0", applicant.csrf).into_bytes();
        let step = post_raw(app.url(&format!("/applications/{id}/basic")), "application/x-www-form-urlencoded", body).await.unwrap();
        assert_eq!(step.status(), StatusCode::BAD_REQUEST);
        assert!(step.text().await.unwrap().contains("not valid Unicode"));
        // Any other form too, signed in or not.
        let register = client().post(app.url("/register")).header("content-type", "application/x-www-form-urlencoded").body(b"name=\xc3\x28".to_vec()).send().await.unwrap();
        assert_eq!(register.status(), StatusCode::BAD_REQUEST);
        let (_, saved) = applicant.get_json(&format!("/applications/{id}/fields")).await;
        assert_eq!(saved["fields"], json!({}), "nothing was saved");
    }

    async fn each_step_saves_without_javascript_and_shows_conflicts(engine) {
        let (app, open, _) = app_with_open_call(engine).await;
        let applicant = app.login_as(Role::Applicant).await;
        let id = start(&applicant, open).await;
        let (_, page) = applicant.get(&format!("/applications/{id}/basic")).await;
        let csrf = csrf_field(&page).unwrap();
        let fields = [
            ("csrf", csrf.as_str()), ("title.en", "Care Blocks"), ("v:title.en", "0"), ("title.orig", "Manzanas del Cuidado"),
            ("v:title.orig", "0"), ("original_language", "es"), ("level", "municipal"), ("started", "2020"),
            ("contact_name", "Ana"), ("contact_email", "ana@city.example"), ("contact_consent", "true"),
        ];
        let response = applicant.post_form(&format!("/applications/{id}/basic"), &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(response.headers()["location"], format!("/applications/{id}/texts").as_str());
        let (_, saved) = applicant.get_json(&format!("/applications/{id}/fields")).await;
        assert_eq!(saved["fields"]["title.orig"]["value"], "Manzanas del Cuidado");
        assert_eq!(saved["fields"]["contact_consent"]["value"], "true");
        assert_eq!(saved["fields"]["governments"]["value"], "[]", "an unticked list is an empty list");

        // Another device changed the title meanwhile; this form still says version 0.
        applicant.post_json(&format!("/applications/{id}/fields"), &json!({"field": "title.en", "value": "Care Blocks for Women", "version": 1})).await;
        let mut stale = fields.to_vec();
        stale[1] = ("title.en", "Care Blocks (edited offline)");
        let response = applicant.post_form(&format!("/applications/{id}/basic"), &stale).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let page = response.text().await.unwrap();
        assert!(page.contains("Care Blocks (edited offline)") && page.contains("<blockquote>Care Blocks for Women</blockquote>"), "both versions are shown");
        // Sending the form again keeps the user's text.
        let version = page.split(r#"name="v:title.en" value=""#).nth(1).unwrap().split('"').next().unwrap().to_string();
        stale[2] = ("v:title.en", version.as_str());
        let response = applicant.post_form(&format!("/applications/{id}/basic"), &stale).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, saved) = applicant.get_json(&format!("/applications/{id}/fields")).await;
        assert_eq!(saved["fields"]["title.en"]["value"], "Care Blocks (edited offline)");
    }

    async fn the_check_lists_every_problem_linked_to_its_field(engine) {
        let (app, open, _) = app_with_open_call(engine).await;
        let applicant = app.login_as(Role::Applicant).await;
        let id = start(&applicant, open).await;
        let path = format!("/applications/{id}/fields");
        applicant.post_json(&path, &json!({"field": "summary.en", "value": "one two three four five six seven eight nine ten eleven", "version": 0})).await;
        applicant.post_json(&path, &json!({"field": "results.orig", "value": "Resultados", "version": 0})).await;
        let (status, review) = applicant.get(&format!("/applications/{id}/review")).await;
        assert_eq!(status, StatusCode::OK);
        for expected in [
            &format!(r#"href="/applications/{id}/basic#f-title-en">Title (in English): required"#),
            &format!(r#"href="/applications/{id}/texts#f-summary-en">Summary (in English): 11 words, 10 at most"#),
            &format!(r#"href="/applications/{id}/texts#f-results-en">Results (in English): an English version is required"#),
            &format!(r#"href="/applications/{id}/details#f-themes">Themes: choose at least one theme"#),
            &format!(r#"href="/applications/{id}/eligibility#f-eligibility-government">Run by a government?: please answer"#),
        ] {
            assert!(review.contains(expected.as_str()), "missing {expected}\n{review}");
        }
        let (_, texts) = applicant.get(&format!("/applications/{id}/texts")).await;
        assert!(texts.contains("11 / 10 words"), "word budgets are shown with the fields");
    }

    async fn applications_follow_the_call_for_entries(engine) {
        let (app, open, closed) = app_with_open_call(engine).await;
        let applicant = app.login_as(Role::Applicant).await;
        let (_, list) = applicant.get("/applications").await;
        assert!(list.contains("Open Award 2099") && !list.contains("Open Award 2025"), "only open calls are offered");
        assert!(list.contains("2099-08-31 23:59 CST"), "the close in the edition's time zone");
        let refused = applicant.post_form("/applications", &[("csrf", &applicant.csrf), ("edition_id", &closed.to_string())]).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        assert!(refused.text().await.unwrap().contains("The call for entries closed on 2025-06-30 23:59 UTC."));
        let id = start(&applicant, open).await;
        let (_, list) = applicant.get("/applications").await;
        assert!(list.contains(&format!("/applications/{id}/basic")) && list.contains("Untitled application"));
        let public = client().get(app.url("/applications")).send().await.unwrap();
        assert_eq!(public.status(), StatusCode::SEE_OTHER);
    }
}

/// An applicant whose claim on Bogotá is approved, with an application for the open edition
/// filled in completely (through autosave); (app, applicant, application id, Bogotá's id).
pub async fn complete_application(engine: crate::harness::Engine) -> (TestApp, UserClient, i64, i64, i64) {
    let app = TestApp::with_fixture_and_mail(engine).await.unwrap();
    app.store.upsert_awards(&kapok::interchange::read_awards("open.json", OPEN_AWARD).unwrap()).await.unwrap();
    let catalog = app.store.catalog().await.unwrap();
    let open = catalog.editions[&("open-award".to_string(), 2)].id.0;
    let closed = catalog.editions[&("open-award".to_string(), 1)].id.0;
    let bogota = catalog.cities[&kapok::interchange::CityRef::GeonamesId(crate::fixtures::BOGOTA)].0;
    let applicant = app.login_as(Role::Applicant).await;
    applicant.post_form("/account/governments", &[("csrf", &applicant.csrf), ("city_id", &bogota.to_string())]).await;
    let secretariat = app.login_as(Role::Secretariat).await;
    let (_, pending) = secretariat.get("/secretariat/claims").await;
    let claim = pending.split("/secretariat/claims/").nth(1).unwrap().split('"').next().unwrap().to_string();
    secretariat
        .post_form(&format!("/secretariat/claims/{claim}"), &[("csrf", &secretariat.csrf), ("decision", "approve")])
        .await;
    let id = start(&applicant, open).await;
    let theme = app.store.edition(kapok::domain::EditionId(open)).await.unwrap().unwrap().themes[0].id.0;
    for (field, value) in [
        ("title.en", json!("Care Blocks")),
        ("governments", json!([bogota.to_string()])),
        ("level", json!("municipal")),
        ("started", json!("2020")),
        ("contact_name", json!("Ana Pérez")),
        ("contact_email", json!("ana@bogota.example")),
        ("summary.en", json!("Care services near home.")),
        ("themes", json!([theme.to_string()])),
        ("eligibility.government", json!("yes")),
    ] {
        let (status, answer) = applicant
            .post_json(&format!("/applications/{id}/fields"), &json!({"field": field, "value": value, "version": 0}))
            .await;
        assert_eq!(status, StatusCode::OK, "{field}: {answer}");
    }
    (app, applicant, id, bogota, closed)
}

both_engines! {
    async fn a_complete_application_is_submitted_with_a_receipt_and_versions(engine) {
        let (app, applicant, id, _, _) = complete_application(engine).await;
        let (_, review) = applicant.get(&format!("/applications/{id}/review")).await;
        assert!(review.contains("Everything required is filled in.") && review.contains("Submit the application"));
        let without_confirm = applicant.post_form(&format!("/applications/{id}/submit"), &[("csrf", &applicant.csrf)]).await;
        assert_eq!(without_confirm.status(), StatusCode::BAD_REQUEST);
        let submitted = applicant.post_form(&format!("/applications/{id}/submit"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
        assert_eq!(submitted.headers()["location"], format!("/applications/{id}/review?submitted=1").as_str());
        let (_, review) = applicant.get(&format!("/applications/{id}/review?submitted=1")).await;
        assert!(review.contains("Version 1 is submitted.") && review.contains("Submit this new version"));

        let mail = app.mail().wait_for("", "Your application is received").await;
        let digest = mail.body.split("Its digest is ").nth(1).unwrap().split('.').next().unwrap().to_string();
        assert_eq!(digest.len(), 64);
        assert!(mail.body.contains("\"Care Blocks\"") && mail.body.contains("Summary: 4 words"), "{}", mail.body);

        // The entry exists for the review, but is not public until it passes screening.
        let exported = app.store.export_initiatives().await.unwrap();
        let entry = exported.iter().find(|r| r.reference == format!("application-{id}")).unwrap();
        assert_eq!(entry.status, kapok::domain::EntryStatus::Submitted);
        assert_eq!(entry.themes, ["Public services"]);
        let library = client().get(app.url("/library")).send().await.unwrap().text().await.unwrap();
        assert!(library.contains("5 entries"), "the fixture's five, not the submitted one");

        // Changed and submitted again: a second version with its own digest; both kept.
        applicant.post_json(&format!("/applications/{id}/fields"), &json!({"field": "summary.en", "value": "Care services near home, for carers.", "version": 1})).await;
        applicant.post_form(&format!("/applications/{id}/submit"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        let (_, review) = applicant.get(&format!("/applications/{id}/review")).await;
        assert!(review.contains("Version 1, submitted") && review.contains("Version 2, submitted"));
        let (status, first) = applicant.get(&format!("/applications/{id}/submissions/1")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(first.contains("Care services near home.") && first.contains(&digest));
        let (_, second) = applicant.get(&format!("/applications/{id}/submissions/2")).await;
        assert!(second.contains("Care services near home, for carers.") && !second.contains(&digest));
        // The Secretariat reads submitted versions; other applicants do not.
        let secretariat = app.login_as(Role::Secretariat).await;
        assert_eq!(secretariat.get(&format!("/applications/{id}/submissions/2")).await.0, StatusCode::OK);
        let other = app.login_as(Role::Applicant).await;
        assert_eq!(other.get(&format!("/applications/{id}/submissions/1")).await.0, StatusCode::NOT_FOUND);
        assert_eq!(applicant.get(&format!("/applications/{id}/submissions/3")).await.0, StatusCode::NOT_FOUND);
    }

    async fn incomplete_or_unapproved_applications_are_not_submitted(engine) {
        let (app, applicant, id, bogota, _) = complete_application(engine).await;
        let path = format!("/applications/{id}/fields");
        applicant.post_json(&path, &json!({"field": "summary.en", "value": "", "version": 1})).await;
        let refused = applicant.post_form(&format!("/applications/{id}/submit"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        assert!(refused.text().await.unwrap().contains("The application is not complete yet"));
        applicant.post_json(&path, &json!({"field": "summary.en", "value": "Care services near home.", "version": 2})).await;
        // A government this account was never approved for.
        let medellin = app.store.catalog().await.unwrap().cities[&kapok::interchange::CityRef::GeonamesId(crate::fixtures::MEDELLIN)].0;
        applicant.post_json(&path, &json!({"field": "governments", "value": [bogota.to_string(), medellin.to_string()], "version": 1})).await;
        let refused = applicant.post_form(&format!("/applications/{id}/submit"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        assert!(refused.text().await.unwrap().contains("Choose only governments the Secretariat has approved for you."));
        assert!(app.store.submissions(kapok::domain::ApplicationId(id)).await.unwrap().is_empty(), "nothing was submitted");
    }

    async fn a_withdrawn_application_stays_on_record_and_cannot_change(engine) {
        let (app, applicant, id, _, _) = complete_application(engine).await;
        applicant.post_form(&format!("/applications/{id}/submit"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        let withdrawn = applicant.post_form(&format!("/applications/{id}/withdraw"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        assert_eq!(withdrawn.status(), StatusCode::SEE_OTHER);
        let (_, list) = applicant.get("/applications").await;
        assert!(list.contains("Withdrawn"));
        let exported = app.store.export_initiatives().await.unwrap();
        assert_eq!(exported.iter().find(|r| r.reference == format!("application-{id}")).unwrap().status, kapok::domain::EntryStatus::Withdrawn);
        let (status, _) = applicant.post_json(&format!("/applications/{id}/fields"), &json!({"field": "title.en", "value": "Changed", "version": 1})).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let again = applicant.post_form(&format!("/applications/{id}/submit"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        assert_eq!(again.status(), StatusCode::FORBIDDEN);
        assert_eq!(applicant.get(&format!("/applications/{id}/submissions/1")).await.0, StatusCode::OK, "the submitted version stays");
    }

    async fn after_the_deadline_only_an_extension_lets_one_application_in(engine) {
        let (app, applicant, _, _, closed) = complete_application(engine).await;
        // An application for the closed edition (as if started before it closed).
        let (_, account) = applicant.get("/account").await;
        let email = account.split("<dd>").nth(1).unwrap().split('<').next().unwrap();
        let owner = app.store.credentials(email).await.unwrap().unwrap().user.id;
        let late = app.store.create_application(kapok::domain::EditionId(closed), owner, 0).await.unwrap();
        let path = format!("/applications/{late}/fields");
        let (status, answer) = applicant.post_json(&path, &json!({"field": "title.en", "value": "Late", "version": 0})).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{answer}");
        let refused = applicant.post_form(&format!("/applications/{late}/submit"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        assert!(refused.text().await.unwrap().contains("closed on 2025-06-30 23:59 UTC"));
        // The Secretariat extends this one application's deadline: it can be saved again.
        let secretariat_id = app.store.credentials(email).await.unwrap().unwrap().user.id;
        let until = jiff::Timestamp::now().as_second() + 3600;
        app.store.extend_deadline(late, until, secretariat_id, "Flood in the city hall", 0).await.unwrap();
        let (status, _) = applicant.post_json(&path, &json!({"field": "title.en", "value": "Late", "version": 0})).await;
        assert_eq!(status, StatusCode::OK);
        let events = app.store.application_events(late).await.unwrap();
        assert!(events[0].kind == "extended" && events[0].detail.contains("Flood in the city hall"), "the extension is logged");
    }
}

both_engines! {
    async fn the_secretariat_lists_filters_and_exports_submitted_applications(engine) {
        let (app, applicant, id, _, _) = complete_application(engine).await;
        applicant.post_json(&format!("/applications/{id}/fields"), &json!({"field": "title.en", "value": "=HYPERLINK(\"x\") Care Blocks", "version": 1})).await;
        applicant.post_form(&format!("/applications/{id}/submit"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        // A second applicant with a draft only.
        let drafter = app.login_as(Role::Applicant).await;
        let open = app.store.catalog().await.unwrap().editions[&("open-award".to_string(), 2)].id.0;
        let draft = start(&drafter, open).await;
        drafter.post_json(&format!("/applications/{draft}/fields"), &json!({"field": "title.en", "value": "Secret draft title", "version": 0})).await;

        let secretariat = app.login_as(Role::Secretariat).await;
        let (_, editions) = secretariat.get("/secretariat/applications").await;
        assert!(editions.contains("Open Award 2099") && editions.contains("1 submitted, 1 draft in progress"), "{editions}");
        // An edition without applications (imported entries) leads to its desk all the same.
        assert!(editions.contains(r#"href="/secretariat/editions/2/applications">Test Award for Urban Innovation 2023</a> <span class="small">No application; "#), "{editions}");
        let list_path = format!("/secretariat/editions/{open}/applications");
        let (status, list) = secretariat.get(&list_path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(list.contains("Care Blocks") && list.contains("Bogotá (CO)") && list.contains("Public services"), "{list}");
        assert!(!list.contains("Secret draft title"), "drafts are listed without their content");
        let (_, filtered) = secretariat.get(&format!("{list_path}?country=FR")).await;
        assert!(!filtered.contains("Bogotá (CO)") && filtered.contains("0 submitted"));
        let (_, by_theme) = secretariat.get(&format!("{list_path}?status=submitted&country=co")).await;
        assert!(by_theme.contains("Bogotá (CO)"));
        assert_eq!(secretariat.get(&format!("{list_path}?colour=red")).await.0, StatusCode::BAD_REQUEST);

        let response = secretariat.client.get(app.url(&format!("/secretariat/editions/{open}/applications.csv"))).send().await.unwrap();
        assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
        assert!(response.headers()["content-disposition"].to_str().unwrap().contains("applications-open-award-2099.csv"));
        let csv = response.text().await.unwrap();
        assert!(csv.starts_with('\u{feff}'), "a BOM for Excel");
        assert!(csv.contains("'=HYPERLINK"), "formulas are neutralised: {csv}");
        assert!(csv.contains("Bogotá") && csv.lines().count() == 2);

        let (_, draft_page) = secretariat.get(&format!("/secretariat/applications/{draft}")).await;
        assert!(draft_page.contains("its content is private") && !draft_page.contains("Secret draft title"));
        // Applicants and other roles do not see the desk.
        assert_eq!(applicant.get(&list_path).await.0, StatusCode::FORBIDDEN);
        assert_eq!(applicant.client.get(app.url(&format!("/secretariat/editions/{open}/applications.csv"))).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    }

    async fn early_bird_feedback_and_extensions_from_the_desk(engine) {
        let (app, applicant, id, _, _) = complete_application(engine).await;
        applicant.post_form(&format!("/applications/{id}/submit"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        let secretariat = app.login_as(Role::Secretariat).await;
        let desk = format!("/secretariat/applications/{id}");
        let (_, page) = secretariat.get(&desk).await;
        assert!(page.contains("Send the feedback") && page.contains("Version 1, submitted"));
        let sent = secretariat.post_form(&format!("{desk}/feedback"), &[("csrf", &secretariat.csrf), ("body", "Please add figures on the number of carers reached.")]).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
        let (_, review) = applicant.get(&format!("/applications/{id}/review")).await;
        assert!(review.contains("Feedback from the Secretariat") && review.contains("number of carers reached"));
        app.mail().wait_for("", "Feedback on your application").await;

        let granted = secretariat.post_form(&format!("{desk}/extension"), &[("csrf", &secretariat.csrf), ("until", "2099-12-31T10:00"), ("reason", "Server outage at the city")]).await;
        assert_eq!(granted.status(), StatusCode::SEE_OTHER);
        let (_, page) = secretariat.get(&desk).await;
        assert!(page.contains("may be submitted until 2099-12-31 10:00 CST") && page.contains("deadline extended"), "{page}");
        assert!(page.contains("Server outage at the city"), "the reason is in the log");
        for (until, reason) in [("2001-01-01T00:00", "past"), ("tomorrow", "x"), ("2099-12-31T10:00", " ")] {
            let refused = secretariat.post_form(&format!("{desk}/extension"), &[("csrf", &secretariat.csrf), ("until", until), ("reason", reason)]).await;
            assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{until} {reason}");
        }
        let forged = applicant.post_form(&format!("{desk}/extension"), &[("csrf", &applicant.csrf), ("until", "2099-12-31T10:00"), ("reason", "me")]).await;
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    }
}
