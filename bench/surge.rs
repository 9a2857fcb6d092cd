//! The deadline surge: 1,000 applicants with the form open, each autosaving every 5 seconds,
//! while some of them submit — against the release `kapok serve` on SQLite, its own process,
//! with this load generator on the same machine.
//!
//! `cargo bench --bench surge -- [--applicants N] [--seconds S] [--submitters N]` prints a
//! Markdown report: autosave and submission latency percentiles, errors, the server's peak
//! memory. Setup writes the accounts, sessions, approved claims and applications straight into
//! the database (signing 1,000 people in through argon2 would only measure argon2).

use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kapok::application::{FieldChange, NewClaim};
use kapok::domain::{EditionId, Role, UserId};
use kapok::storage::{NewSession, NewUser, Store};

const AWARD: &str = r#"[{
  "slug": "surge-award", "name": {"en": "Surge Award"}, "short_name": {"en": "Surge"}, "organisers": "Benchmark",
  "description": {"en": "An award whose call is open."},
  "editions": [
    {"ordinal": 1, "year": 2099, "timezone": "UTC",
     "dates": [{"milestone": "launch", "starts": "2026-01-01T00:00"}, {"milestone": "final_deadline", "starts": "2099-08-31T23:59"}],
     "long_list_size": 45, "shortlist_size": 15, "max_winners": 5}
  ]
}]"#;

/// Sections the simulated applicants write in, in turn.
const SECTIONS: [&str; 8] = [
    "summary.en",
    "situation_before.en",
    "objectives.en",
    "process.en",
    "results.en",
    "sustainability.en",
    "lessons.en",
    "transferability.en",
];

struct Options {
    applicants: usize,
    seconds: u64,
    submitters: usize,
    interval: Duration,
}

fn options() -> Options {
    let mut options = Options { applicants: 1000, seconds: 60, submitters: 100, interval: Duration::from_secs(5) };
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).and_then(|v| v.parse::<u64>().ok());
        match (args[i].as_str(), value) {
            ("--applicants", Some(v)) => options.applicants = v as usize,
            ("--seconds", Some(v)) => options.seconds = v,
            ("--submitters", Some(v)) => options.submitters = v as usize,
            (other, _) => {
                eprintln!("surge: unknown or incomplete option {other}");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    options.submitters = options.submitters.min(options.applicants);
    options
}

/// One simulated applicant: a signed-in session and an application.
struct Applicant {
    cookie: String,
    csrf: String,
    application: i64,
    submits: bool,
}

async fn setup(store: &dyn Store, options: &Options) -> Vec<Applicant> {
    store.migrate().await.unwrap();
    kapok::demo::ensure_gazetteer(store).await.unwrap();
    store.upsert_awards(&kapok::interchange::read_awards("surge.json", AWARD).unwrap()).await.unwrap();
    let catalog = store.catalog().await.unwrap();
    let edition: EditionId = catalog.editions[&("surge-award".to_string(), 1)].id;
    let city = *catalog.cities.values().next().unwrap();
    let now = jiff::Timestamp::now().as_second();
    let password_hash = kapok::auth::hash_password("surge-benchmark");
    let secretariat = store
        .create_user(&NewUser {
            email: "secretariat@surge.example".into(),
            display_name: "Secretariat".into(),
            password_hash: password_hash.clone(),
            locale: "en".into(),
            roles: vec![Role::Secretariat],
            verified: true,
        })
        .await
        .unwrap();
    let mut applicants = Vec::with_capacity(options.applicants);
    for n in 0..options.applicants {
        let user = store
            .create_user(&NewUser {
                email: format!("applicant-{n}@surge.example"),
                display_name: format!("Applicant {n}"),
                password_hash: password_hash.clone(),
                locale: "en".into(),
                roles: vec![Role::Applicant],
                verified: true,
            })
            .await
            .unwrap();
        let token = kapok::auth::new_token();
        let csrf = kapok::auth::new_token();
        store
            .create_session(&NewSession {
                token_hash: kapok::auth::token_hash(&token),
                user_id: user.id,
                csrf_token: csrf.clone(),
                created_at: now,
                expires_at: now + 12 * 3600,
            })
            .await
            .unwrap();
        let application = store.create_application(edition, user.id, now).await.unwrap();
        let submits = n < options.submitters;
        if submits {
            approve(store, user.id, secretariat.id, city, now).await;
            let fields = [
                ("title.en", "Care Blocks".to_string()),
                ("governments", format!("[{city}]")),
                ("level", "municipal".into()),
                ("started", "2021".into()),
                ("contact_name", "Ana Pérez".into()),
                ("contact_email", "ana@city.example".into()),
                ("summary.en", PREFILLED_SUMMARY.into()),
            ];
            let changes: Vec<FieldChange> = fields
                .into_iter()
                .map(|(field, value)| FieldChange { field: field.into(), value, seen_version: 0 })
                .collect();
            store.save_fields(application, &changes, now).await.unwrap();
        }
        applicants.push(Applicant {
            cookie: format!("kapok_session={token}"),
            csrf,
            application: application.0,
            submits,
        });
        if (n + 1) % 200 == 0 {
            eprintln!("surge: {} applicants ready", n + 1);
        }
    }
    applicants
}

async fn approve(store: &dyn Store, user: UserId, by: UserId, city: kapok::domain::CityId, now: i64) {
    let claim = store.claim_government(user, &NewClaim::City(city), now).await.unwrap();
    store.decide_claim(claim, true, by, None, now).await.unwrap();
}

#[derive(Default)]
struct Results {
    /// (when it was sent, since the start; how long it took) of saves over 50 ms.
    slow: Vec<(Duration, Duration)>,
    autosaves: Vec<Duration>,
    submissions: Vec<Duration>,
    errors: Vec<String>,
}

/// The summary of the applicants who submit, saved at setup.
const PREFILLED_SUMMARY: &str = "Care services near home. ";

/// Words typed between two autosaves, by someone writing steadily.
const WORDS_PER_SAVE: usize = 6;

async fn applicant_loop(
    base: String,
    applicant: Applicant,
    options: Arc<Options>,
    started: Instant,
    results: Arc<Mutex<Results>>,
    seed: u64,
) {
    let client = reqwest::Client::builder().timeout(Duration::from_secs(30)).build().unwrap();
    let end = started + Duration::from_secs(options.seconds);
    // Spread over the interval, as people do not type in step.
    let offset = Duration::from_millis(seed * 7919 % options.interval.as_millis() as u64);
    // Before the last autosave, which is when a due submission is sent.
    let submit_window = (options.seconds * 1000).saturating_sub(options.interval.as_millis() as u64).max(1);
    let submit_at = applicant.submits.then(|| started + Duration::from_millis(seed * 104_729 % submit_window));
    let mut submitted = false;
    let mut next = started + offset;
    let mut versions = std::collections::HashMap::<&str, i64>::new();
    let mut texts = std::collections::HashMap::<&str, String>::new();
    if applicant.submits {
        // What setup saved for them.
        versions.insert("summary.en", 1);
        texts.insert("summary.en", PREFILLED_SUMMARY.to_string());
    }
    let mut turn = seed as usize;
    let fields_url = format!("{base}/applications/{}/fields", applicant.application);
    while next < end {
        tokio::time::sleep_until(next.into()).await;
        let field = SECTIONS[(turn / 10) % SECTIONS.len()];
        turn += 1;
        let text = texts.entry(field).or_default();
        for w in 0..WORDS_PER_SAVE {
            text.push_str(["care ", "city ", "women ", "services ", "blocks ", "near "][(turn + w) % 6]);
        }
        let body =
            serde_json::json!({"field": field, "value": text, "version": versions.get(field).copied().unwrap_or(0)});
        let sent = Instant::now();
        let answer = client
            .post(&fields_url)
            .header("cookie", &applicant.cookie)
            .header("x-csrf-token", &applicant.csrf)
            .json(&body)
            .send()
            .await;
        let elapsed = sent.elapsed();
        match answer {
            Ok(response) if response.status().is_success() => {
                let saved: serde_json::Value = response.json().await.unwrap_or_default();
                versions.insert(field, saved["version"].as_i64().unwrap_or(0));
                let mut results = results.lock().unwrap();
                results.autosaves.push(elapsed);
                if elapsed > Duration::from_millis(50) {
                    results.slow.push((sent.saturating_duration_since(started), elapsed));
                }
            }
            Ok(response) => results.lock().unwrap().errors.push(format!("autosave {}", response.status())),
            Err(error) => results.lock().unwrap().errors.push(format!("autosave: {error}")),
        }
        if let Some(at) = submit_at
            && !submitted
            && Instant::now() >= at
        {
            submitted = true;
            let sent = Instant::now();
            let answer = client
                .post(format!("{base}/applications/{}/submit", applicant.application))
                .header("cookie", &applicant.cookie)
                .form(&[("csrf", applicant.csrf.as_str()), ("confirm", "yes")])
                .send()
                .await;
            let elapsed = sent.elapsed();
            match answer {
                // The answer is a redirect to the review page (not followed: only the submission is timed).
                Ok(response) if response.status().is_redirection() || response.status().is_success() => {
                    results.lock().unwrap().submissions.push(elapsed)
                }
                Ok(response) => results.lock().unwrap().errors.push(format!("submit {}", response.status())),
                Err(error) => results.lock().unwrap().errors.push(format!("submit: {error}")),
            }
        }
        next += options.interval;
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
}

fn peak_memory_mib(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[tokio::main]
async fn main() {
    let options = Arc::new(options());
    let dir = tempfile::tempdir().unwrap();
    let url = kapok::config::sqlite_url(&dir.path().join("kapok.db"));
    eprintln!("surge: setting up {} applicants ({} will submit)…", options.applicants, options.submitters);
    let applicants = {
        let store = kapok::storage::connect(&url).await.unwrap();
        setup(&*store, &options).await
    };
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let child = Command::new(env!("CARGO_BIN_EXE_kapok"))
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--log", "warn"])
        .arg("--data-dir")
        .arg(dir.path())
        .stdout(Stdio::null())
        // The warm-up below polls until the index is ready; the server logs each early 503.
        .stderr(Stdio::null())
        .spawn()
        .expect("the kapok binary starts");
    let server = Server(child);
    let probe = reqwest::Client::new();
    for _ in 0..200 {
        if probe.get(format!("{base}/healthz")).send().await.is_ok_and(|r| r.status().is_success()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // A server at the deadline has been up for a while: let it finish building its search index.
    for _ in 0..600 {
        if probe.get(format!("{base}/library?q=care")).send().await.is_ok_and(|r| r.status().is_success()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    eprintln!("surge: {} s of load…", options.seconds);
    let results = Arc::new(Mutex::new(Results::default()));
    let started = Instant::now() + Duration::from_millis(500);
    let tasks: Vec<_> = applicants
        .into_iter()
        .enumerate()
        .map(|(n, applicant)| {
            tokio::spawn(applicant_loop(
                base.clone(),
                applicant,
                options.clone(),
                started,
                results.clone(),
                n as u64 + 1,
            ))
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let memory = peak_memory_mib(server.0.id());
    drop(server);

    let mut results = std::mem::take(&mut *results.lock().unwrap());
    results.autosaves.sort();
    results.submissions.sort();
    let row = |name: &str, sorted: &[Duration]| {
        format!(
            "| {name} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} |",
            sorted.len(),
            sorted.len() as f64 / options.seconds as f64,
            percentile(sorted, 50.0),
            percentile(sorted, 95.0),
            percentile(sorted, 99.0),
            percentile(sorted, 100.0),
        )
    };
    println!("## Deadline surge\n");
    println!(
        "{} applicants autosaving every {} s for {} s ({} of them submitting once), SQLite, release build, \
         server and load generator on the same machine ({} cores).\n",
        options.applicants,
        options.interval.as_secs(),
        options.seconds,
        options.submitters,
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
    );
    println!("| request | count | per s | p50 ms | p95 ms | p99 ms | max ms |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    println!("{}", row("autosave", &results.autosaves));
    println!("{}", row("submission", &results.submissions));
    println!();
    results.slow.sort();
    if std::env::var("SURGE_SLOW").is_ok() {
        for (at, took) in &results.slow {
            eprintln!("slow: at {:.2} s took {:.0} ms", at.as_secs_f64(), took.as_secs_f64() * 1000.0);
        }
    }
    println!("Errors: {}", results.errors.len());
    for error in results.errors.iter().take(10) {
        println!("- {error}");
    }
    if let Some(mib) = memory {
        println!("\nServer peak resident memory: {mib:.0} MiB");
    }
    let p99 = percentile(&results.autosaves, 99.0);
    println!(
        "\nTarget: p99 autosave < 50 ms with no errors: {}",
        if p99 < 50.0 && results.errors.is_empty() { "met" } else { "NOT met" }
    );
}
