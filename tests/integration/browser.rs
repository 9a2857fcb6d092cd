//! Browser tests: Node scripts in `tests/browser/` drive Debian's chromium through
//! playwright-core against a demo server, with axe-core accessibility checks. Skipped (with a
//! message) when Node modules or chromium are missing, unless `KAPOK_REQUIRE_BROWSER=1`
//! (set by `bin/test`).

use std::path::Path;
use std::process::Command;

use crate::harness::{APPLICANTS_SQLITE, Engine, demo_server};

fn browser_available() -> bool {
    let modules = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/node_modules/playwright-core");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let available = modules.exists() && Path::new(&chromium).exists();
    if !available {
        if std::env::var("KAPOK_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("KAPOK_REQUIRE_BROWSER=1 but {} or {chromium} is missing (run bin/test)", modules.display());
        }
        eprintln!("skipped: browser tests need `npm ci --prefix tests/browser` and chromium (run bin/test)");
    }
    available
}

/// Runs `tests/browser/<script> BASE [ARGS…]` and fails with its output.
pub fn run_script(script: &str, base: &str, args: &[&str]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let output = Command::new("node").arg(script).arg(base).args(args).current_dir(&dir).output().expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    assert!(output.status.success(), "{script} failed:\n{stdout}\n{stderr}");
}

#[test]
fn foundation_in_chromium() {
    if !browser_available() {
        return;
    }
    let server = demo_server(Engine::Sqlite).expect("SQLite is always available");
    run_script("foundation.mjs", &server.base, &[]);
}

#[test]
fn registration_in_chromium() {
    if !browser_available() {
        return;
    }
    let server = demo_server(Engine::Sqlite).expect("SQLite is always available");
    run_script("accounts.mjs", &server.base, &[]);
}

#[test]
fn application_form_in_chromium() {
    if !browser_available() {
        return;
    }
    let server = APPLICANTS_SQLITE.as_ref().expect("SQLite is always available");
    run_script("applications.mjs", &server.base, &[]);
}

/// A whole application in the browser: register, confirm by e-mail, claim a government, fill
/// part of the form, reload, go on in a second tab, attach a PDF, submit; the receipt arrives
/// at the SMTP server.
#[test]
fn a_whole_application_in_chromium() {
    if !browser_available() {
        return;
    }
    let server = APPLICANTS_SQLITE.as_ref().expect("SQLite is always available");
    let email = format!("whole-{}@city.example", rand::random::<u32>());
    run_script("whole_application.mjs", &server.base, &[&email]);
    let mail = server.mail.as_ref().expect("the applicants' server has mail");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let received = mail.received();
        let to_applicant =
            |subject: &str| received.iter().find(|m| m.to.contains(&email) && m.subject.contains(subject)).cloned();
        if let (Some(_), Some(receipt)) = (to_applicant("Confirm"), to_applicant("Your application is received")) {
            assert!(receipt.body.contains("Its digest is "), "{}", receipt.body);
            break;
        }
        assert!(std::time::Instant::now() < deadline, "no receipt for {email}; received: {received:?}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// A committee member's draft review saves itself while they type, survives a dropped
/// connection (kept in the browser, saved on the next visit) and a second tab.
#[test]
fn review_autosave_in_chromium() {
    if !browser_available() {
        return;
    }
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        use kapok::domain::Role;
        let app = crate::harness::TestApp::with_fixture(Engine::Sqlite).await.expect("SQLite is always available");
        let desk = app.login_as(Role::Secretariat).await;
        let expert = app.login_as(Role::TechnicalCommittee).await;
        let email = crate::evaluation::email_of(&expert).await;
        let csrf = desk.csrf.clone();
        let invite = [
            ("csrf", csrf.as_str()),
            ("name", "Expert"),
            ("email", &email),
            ("stage", "technical_committee"),
            ("country", "CN"),
        ];
        let propose = [("csrf", csrf.as_str()), ("per_entry", "1"), ("max_per_reviewer", "10")];
        for (path, fields) in [
            ("committees", &invite[..]),
            ("assignment/propose", &propose[..]),
            ("assignment/deploy", &[("csrf", csrf.as_str()), ("confirm", "yes")][..]),
        ] {
            let answer = desk.post_fields(&format!("/secretariat/editions/2/{path}"), fields).await;
            assert_eq!(answer.status(), reqwest::StatusCode::SEE_OTHER, "{path}");
        }
        let entry = crate::evaluation::entries_by_country(&app).await["FR"];
        let base = app.url("");
        let password = crate::harness::TEST_PASSWORD;
        tokio::task::spawn_blocking(move || {
            run_script("review_autosave.mjs", &base, &[&email, password, &entry.to_string()])
        })
        .await
        .unwrap();
        let reviews = app.store.entry_reviews(entry).await.unwrap();
        assert_eq!(reviews.len(), 1);
        assert_eq!(reviews[0].content.comments.values().next().map(String::as_str), Some("From the first tab"));
        assert!(reviews[0].submitted_at.is_none(), "still a draft");
    });
}

/// The library (issue 5) in Chinese: search, two facets, the map, a case, two cases compared
/// (also after the Back button, and without JavaScript); axe on every page.
#[test]
fn library_in_chromium() {
    if !browser_available() {
        return;
    }
    let server = demo_server(Engine::Sqlite).expect("SQLite is always available");
    run_script("library.mjs", &server.base, &[]);
}
