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

/// The award of the evaluation cycle: one edition with two criteria and small lists (a long list
/// of 3, a shortlist of 2, one winner).
const CYCLE_AWARD: &str = r#"[{
  "slug": "cycle-award", "name": {"en": "Cycle Award"}, "short_name": {"en": "Cycle"}, "organisers": "Tests",
  "description": {"en": "An award whose cycle runs in the browser."},
  "editions": [
    {"ordinal": 1, "year": 2026, "timezone": "Asia/Shanghai",
     "dates": [{"milestone": "launch", "starts": "2026-02-23T00:00"}, {"milestone": "final_deadline", "starts": "2026-08-31T23:59"}],
     "themes": [{"en": "Public services"}],
     "criteria": [{"name": {"en": "Innovation"}, "weight": 0.4, "scale_min": 1, "scale_max": 10, "stage": "technical_committee"},
                  {"name": {"en": "Impact"}, "weight": 0.6, "scale_min": 1, "scale_max": 10, "stage": "technical_committee"}],
     "long_list_size": 3, "shortlist_size": 2, "max_winners": 1}
  ]
}]"#;

/// The submitted entries of the cycle: (reference, lead government, title).
const CYCLE_ENTRIES: [(&str, i64, &str); 5] = [
    ("cycle-barcelona", crate::fixtures::BARCELONA, "Superblocks for Everyone"),
    ("cycle-bogota", crate::fixtures::BOGOTA, "Care Blocks"),
    ("cycle-lyon", crate::fixtures::LYON, "Streets for Children"),
    ("cycle-gwangju", crate::fixtures::GWANGJU, "Democracy Square"),
    ("cycle-guangzhou", crate::fixtures::GUANGZHOU, "Pocket Parks Everywhere"),
];

/// A fresh app with the cycle's edition, its five submitted entries and the accounts of the
/// people who run it (experts and jurors hold no role yet: joining a committee grants it); the
/// script's argument as JSON.
async fn cycle_app(engine: Engine) -> Option<(crate::harness::TestApp, kapok::domain::EditionId, serde_json::Value)> {
    use kapok::domain::Role;
    let app = crate::harness::TestApp::start(engine).await?;
    app.store.load_gazetteer(&crate::fixtures::gazetteer()).await.unwrap();
    app.store.upsert_awards(&kapok::interchange::read_awards("cycle.json", CYCLE_AWARD).unwrap()).await.unwrap();
    let lines: Vec<String> = CYCLE_ENTRIES
        .iter()
        .map(|(reference, city, title)| {
            serde_json::json!({
                "ref": reference, "award": "cycle-award", "edition": 1, "status": "submitted",
                "cities": [{"geonames_id": city}], "level": "municipal", "original_language": "en",
                "texts": {"en": {"title": title, "summary": format!("{title}: what the city did.")}},
                "source": {"dataset": "browser", "id": reference}
            })
            .to_string()
        })
        .collect();
    crate::harness::import_jsonl(&*app.store, &lines.join("\n")).await.unwrap();
    let edition = app.store.editions(None, kapok::storage::PageRequest::new(0, 10)).await.unwrap().items[0].id;
    let password = crate::harness::TEST_PASSWORD;
    let account = |email: &str, name: &str, roles: Vec<Role>| kapok::storage::NewUser {
        email: email.into(),
        display_name: name.into(),
        password_hash: kapok::auth::hash_password(password),
        locale: "en".into(),
        roles,
        verified: true,
    };
    let desk = "desk@cycle.example";
    app.store.create_user(&account(desk, "Desk Officer", vec![Role::Secretariat])).await.unwrap();
    // Experts from China, Korea (so, not Gwangju) and Lyon (so, neither Lyon nor its sister
    // city Guangzhou); jurors from countries without a shortlisted entry.
    let experts = [
        ("wei@cycle.example", "Wei Zhang", "CN", ""),
        ("minjun@cycle.example", "Min-jun Park", "KR", ""),
        ("elise@cycle.example", "Élise Martin", "FR", "Lyon"),
    ];
    let jurors = [
        ("hua@cycle.example", "Hua Li", "CN"),
        ("jiwoo@cycle.example", "Ji-woo Kim", "KR"),
        ("claire@cycle.example", "Claire Dubois", "FR"),
    ];
    for (email, name, ..) in experts {
        app.store.create_user(&account(email, name, vec![])).await.unwrap();
    }
    for (email, name, _) in jurors {
        app.store.create_user(&account(email, name, vec![])).await.unwrap();
    }
    let person = |email: &str, name: &str, country: &str, city: &str| serde_json::json!({"email": email, "name": name, "country": country, "city": city});
    let args = serde_json::json!({
        "engine": format!("{engine:?}"),
        "edition": edition.0,
        "password": password,
        "desk": desk,
        "experts": experts.iter().map(|(e, n, c, city)| person(e, n, c, city)).collect::<Vec<_>>(),
        "jurors": jurors.iter().map(|(e, n, c)| person(e, n, c, "")).collect::<Vec<_>>(),
        "titles": CYCLE_ENTRIES.iter().map(|(reference, _, title)| (reference.trim_start_matches("cycle-"), *title)).collect::<std::collections::BTreeMap<_, _>>(),
    });
    Some((app, edition, args))
}

/// A short evaluation cycle in the browser, from screening to published results: the
/// Secretariat screens, forms the committees, assigns; three experts review; the committee votes
/// the long list and the shortlist; three jurors rank it; the Secretariat publishes, and the
/// public sees the winner. Then the database is checked: statuses, the log of every step, the
/// audit chain. On PostgreSQL too, side by side, when it is configured.
#[test]
fn an_evaluation_cycle_in_chromium() {
    if !browser_available() {
        return;
    }
    let cycles: Vec<_> = [Engine::Sqlite, Engine::Postgres]
        .into_iter()
        .map(|e| std::thread::spawn(move || evaluation_cycle(e)))
        .collect();
    for cycle in cycles {
        if let Err(panic) = cycle.join() {
            std::panic::resume_unwind(panic);
        }
    }
}

fn evaluation_cycle(engine: Engine) {
    use kapok::domain::EntryStatus;
    // The server runs on this runtime's workers while the script runs on this thread.
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let Some((app, edition, args)) = runtime.block_on(cycle_app(engine)) else {
        return;
    };
    run_script("evaluation_cycle.mjs", &app.url(""), &[&args.to_string()]);
    runtime.block_on(async {
        let rows = app.store.screening_list(edition).await.unwrap();
        let status_of = |title: &str| rows.iter().find(|r| r.title == title).unwrap().status;
        for (title, status) in [
            ("Superblocks for Everyone", EntryStatus::Winner),
            ("Care Blocks", EntryStatus::MedalOfHonour),
            ("Streets for Children", EntryStatus::Deserving),
            ("Democracy Square", EntryStatus::Valid),
            ("Pocket Parks Everywhere", EntryStatus::Submitted),
        ] {
            assert_eq!(status_of(title), status, "{title} ({engine:?})");
        }
        let screened_out = rows.iter().find(|r| r.title == "Pocket Parks Everywhere").unwrap();
        assert_eq!(screened_out.screening.as_ref().unwrap().reasons, ["impact"], "{engine:?}");
        let result = app.store.jury_result(edition).await.unwrap().expect("the Jury's vote is closed");
        assert_eq!(result.method, "schulze");
        assert!(result.published_at.is_some(), "the results are published ({engine:?})");
        let (log, (seq, hash)) = app.store.audit_log().await.unwrap();
        assert!(kapok::evaluation::audit::verify(&log, (seq, &hash)).is_ok(), "the audit chain holds ({engine:?})");
        let count = |action: &str| log.iter().filter(|e| e.change.action == action).count();
        for (action, expected) in [
            ("committee member added", 6),
            ("assignment deployed", 1),
            ("review submitted", 8),
            ("approval ballot cast", 6),
            ("list confirmed", 2),
            ("jury ballot cast", 3),
            ("results published", 1),
        ] {
            assert_eq!(count(action), expected, "{action} ({engine:?})");
        }
    });
}
