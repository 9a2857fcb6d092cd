//! The `kapok` binary: its commands, their messages and exit codes, and that failures change
//! nothing. These run the real executable against temporary data directories (SQLite).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use crate::fixtures;

const KAPOK: &str = env!("CARGO_BIN_EXE_kapok");

fn kapok(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(KAPOK)
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("KAPOK_DATABASE_URL")
        .env_remove("KAPOK_CONFIG")
        .output()
        .expect("the kapok binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A data directory with the fixture award loaded through the CLI.
fn prepared_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let awards = dir.path().join("awards.json");
    std::fs::write(&awards, fixtures::AWARDS_JSON).unwrap();
    let output = kapok(&data, &["import", "--awards", awards.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    (dir, data)
}

fn exported_refs(data: &Path) -> Vec<String> {
    let output = kapok(data, &["export"]);
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["ref"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn import_then_export_round_trips_in_json_and_csv() {
    let (dir, data) = prepared_dir();
    let file = dir.path().join("initiatives.jsonl");
    std::fs::write(&file, fixtures::INITIATIVES_JSONL).unwrap();
    let output = kapok(&data, &["import", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("imported 6 initiatives"));
    assert_eq!(exported_refs(&data).len(), 6);

    let csv = dir.path().join("out.csv");
    let output = kapok(&data, &["export", "--format", "csv", "--output", csv.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with('\u{feff}') && text.contains("Bogotá Care Blocks"));
    assert!(!dir.path().join("out.partial").exists());
    // The CSV imports back into a fresh installation.
    let (_again, fresh) = prepared_dir();
    let output = kapok(&fresh, &["import", csv.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(exported_refs(&fresh).len(), 6);
}

#[test]
fn a_malformed_import_names_file_line_and_field_and_changes_nothing() {
    let (dir, data) = prepared_dir();
    let header = kapok::interchange::CSV_COLUMNS.join(",");
    let row = |reference: &str, sdgs: &str| {
        kapok::interchange::CSV_COLUMNS
            .iter()
            .map(|column| match *column {
                "ref" => reference,
                "award" => "test-award",
                "edition" => "2",
                "status" => "valid",
                "cities" => "geonames:3688689",
                "level" => "municipal",
                "language" => "en",
                "title" => "A title",
                "sdgs" => sdgs,
                _ => "",
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let file = dir.path().join("bad.csv");
    std::fs::write(&file, format!("{header}\n{}\n{}\n", row("ok-1", "3"), row("bad-2", "3|18"))).unwrap();
    let output = kapok(&data, &["import", file.to_str().unwrap()]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("bad.csv:3: field `sdgs`: \"18\" is not a valid SDG"), "{message}");
    assert!(exported_refs(&data).is_empty(), "nothing of a rejected file is written");

    // A reference that does not resolve stops the whole file too.
    let file = dir.path().join("unknown.jsonl");
    let first = fixtures::INITIATIVES_JSONL.lines().next().unwrap();
    std::fs::write(&file, format!("{first}\n{}\n", first.replace("t-bogota-care", "other").replace("3688689", "1")))
        .unwrap();
    let output = kapok(&data, &["import", file.to_str().unwrap()]);
    assert!(
        stderr(&output).contains("unknown.jsonl:2: field `cities`: geonames:1 is not in the gazetteer"),
        "{}",
        stderr(&output)
    );
    assert!(exported_refs(&data).is_empty());

    let output = kapok(&data, &["import", dir.path().join("missing.json").to_str().unwrap()]);
    assert!(stderr(&output).contains("cannot read") && stderr(&output).contains("missing.json"), "{}", stderr(&output));
}

#[test]
fn bad_settings_and_unreachable_databases_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(KAPOK)
        .args(["migrate", "--database-url", "postgres://kapok:hunter2@127.0.0.1:1/nothing"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("cannot connect to postgres://kapok:***@127.0.0.1:1/nothing"), "{message}");
    assert!(!message.contains("hunter2"), "passwords are never printed");

    let output = kapok(Path::new("/proc/kapok-cannot-write-here"), &["migrate"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("data directory /proc/kapok-cannot-write-here"), "{}", stderr(&output));

    let output = Command::new(KAPOK).args(["migrate", "--database-url", "mysql://x"]).output().unwrap();
    assert!(stderr(&output).contains("unsupported database URL"), "{}", stderr(&output));

    let config = dir.path().join("kapok.toml");
    std::fs::write(&config, "adress = \"0.0.0.0:80\"\n").unwrap();
    let output = kapok(dir.path(), &["migrate", "--config", config.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("kapok.toml") && stderr(&output).contains("adress"), "{}", stderr(&output));
}

/// A `kapok demo` process and the URL it announced.
struct Demo {
    child: Child,
    url: String,
    first_start: bool,
}

impl Demo {
    fn start(data: &Path) -> Demo {
        let mut child = Command::new(KAPOK)
            .args(["demo", "--addr", "127.0.0.1:0", "--data-dir"])
            .arg(data)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut first_start = false;
        let mut url = None;
        let mut accounts = 0;
        for line in lines.by_ref() {
            let line = line.unwrap();
            first_start |= line.contains("first start");
            if let Some(rest) = line.strip_prefix("Kapok is running at ") {
                url = Some(rest.trim_end_matches('/').to_string());
            }
            accounts += usize::from(line.contains("@demo.kapok.example"));
            if accounts == 4 {
                break;
            }
        }
        std::thread::spawn(move || lines.for_each(drop));
        Demo { child, url: url.expect("the demo prints its URL"), first_start }
    }

    fn get(&self, path: &str) -> (u16, String) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let response = reqwest::get(format!("{}{path}", self.url)).await.unwrap();
            (response.status().as_u16(), response.text().await.unwrap())
        })
    }
}

impl Drop for Demo {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn demo_starts_on_a_fresh_directory_then_reuses_it_and_backs_up_online() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    {
        let demo = Demo::start(&data);
        assert!(demo.first_start);
        assert_eq!(demo.get("/healthz").0, 200);
        let (status, html) = demo.get("/editions/4");
        assert_eq!(status, 200);
        assert!(html.contains("1,504,535 votes"), "the real 2018 public-vote count");
        // An online backup of the running database.
        let backup = dir.path().join("backup.db");
        let output = kapok(&data, &["backup", backup.to_str().unwrap()]);
        assert!(output.status.success(), "{}", stderr(&output));
        let output = kapok(&data, &["backup", backup.to_str().unwrap()]);
        assert!(stderr(&output).contains("already exists"));
        let copy = Command::new(KAPOK)
            .args(["export", "--database-url", &kapok::config::sqlite_url(&backup)])
            .output()
            .unwrap();
        assert_eq!(stdout(&copy).lines().count(), 2176, "{}", stderr(&copy));
    }
    let again = Demo::start(&data);
    assert!(!again.first_start, "the second start reuses the data");
    assert_eq!(again.get("/healthz").0, 200);
}

#[test]
fn an_import_killed_half_way_leaves_nothing_behind() {
    let (dir, data) = prepared_dir();
    // Enough records that writing them takes far longer than the moment before the kill.
    let file = dir.path().join("many.jsonl");
    let template = fixtures::INITIATIVES_JSONL.lines().next().unwrap();
    let records: Vec<String> = (0..5_000).map(|i| template.replace("t-bogota-care", &format!("bulk-{i}"))).collect();
    std::fs::write(&file, records.join("\n")).unwrap();
    let mut child = Command::new(KAPOK)
        .args(["import", file.to_str().unwrap(), "--data-dir"])
        .arg(&data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The import announces the write transaction; kill -9 shortly after it begins.
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(lines.any(|line| line.unwrap().starts_with("writing 5000 initiatives")));
    std::thread::sleep(Duration::from_millis(200));
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the import finished before it could be killed; make the file larger");
    assert_eq!(exported_refs(&data).len(), 0, "a killed import must not leave part of the file");
    // The database is intact and takes imports afterwards.
    let few = dir.path().join("few.jsonl");
    std::fs::write(&few, records[..10].join("\n")).unwrap();
    let output = kapok(&data, &["import", few.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(exported_refs(&data).len(), 10);
}

#[test]
fn serve_takes_its_settings_from_a_file_the_environment_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("from-file");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let config = dir.path().join("kapok.toml");
    std::fs::write(&config, format!("addr = \"127.0.0.1:1\"\ndata_dir = \"{}\"\nlog = \"warn\"\n", data.display()))
        .unwrap();
    // The file says port 1; the environment overrides it.
    let mut child = Command::new(KAPOK)
        .args(["serve", "--config", config.to_str().unwrap()])
        .env("KAPOK_ADDR", format!("127.0.0.1:{port}"))
        .env_remove("KAPOK_DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(lines.any(|line| line.unwrap() == format!("Kapok is running at http://127.0.0.1:{port}/")));
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let (health, library) = runtime.block_on(async {
        let health = reqwest::get(format!("http://127.0.0.1:{port}/healthz")).await.unwrap().status();
        let library = reqwest::get(format!("http://127.0.0.1:{port}/library")).await.unwrap().text().await.unwrap();
        (health, library)
    });
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(health, 200);
    assert!(library.contains("0 entries"), "serve starts empty: demo data only comes with `kapok demo`");
    assert!(data.join("kapok.db").exists(), "the data directory comes from the file");
}

/// Signs in to a running demo as its applicant; a client carrying the session and its CSRF token.
async fn demo_applicant(base: &str) -> (reqwest::Client, String) {
    let client = crate::harness::client();
    let form = client.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
    let token = crate::harness::csrf_field(&form).unwrap();
    let fields =
        [("email", "applicant@demo.kapok.example"), ("password", kapok::demo::DEMO_PASSWORD), ("csrf", token.as_str())];
    let response = client.post(format!("{base}/login")).form(&fields).send().await.unwrap();
    assert_eq!(response.status(), 303);
    let account = client.get(format!("{base}/account")).send().await.unwrap().text().await.unwrap();
    let csrf = crate::harness::csrf_field(&account).unwrap();
    (client, csrf)
}

#[test]
fn autosaves_acknowledged_before_a_kill_9_are_all_there_after_restart() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let mut demo = Demo::start(&data);
    let base = demo.url.clone();
    let (application, acknowledged) = runtime.block_on(async {
        let (client, csrf) = demo_applicant(&base).await;
        let list = client.get(format!("{base}/applications")).send().await.unwrap().text().await.unwrap();
        let edition = list
            .split(r#"name="edition_id" value=""#)
            .nth(1)
            .expect("the demo has an open call")
            .split('"')
            .next()
            .unwrap()
            .to_string();
        let started = client
            .post(format!("{base}/applications"))
            .form(&[("csrf", csrf.as_str()), ("edition_id", edition.as_str())])
            .send()
            .await
            .unwrap();
        let application = started.headers()["location"].to_str().unwrap().split('/').nth(2).unwrap().to_string();
        // Three writers type into three fields as fast as the server answers.
        let writers: Vec<_> = ["summary.en", "process.en", "results.en"]
            .into_iter()
            .map(|field| {
                let (client, csrf, url) =
                    (client.clone(), csrf.clone(), format!("{base}/applications/{application}/fields"));
                tokio::spawn(async move {
                    let mut acknowledged: Option<(i64, String)> = None;
                    for n in 1.. {
                        let value = format!("{field} draft {n}: the text grows with every keystroke");
                        let version = acknowledged.as_ref().map(|(v, _)| *v).unwrap_or(0);
                        let body = serde_json::json!({"field": field, "value": value, "version": version});
                        let Ok(response) = client.post(&url).header("x-csrf-token", &csrf).json(&body).send().await
                        else {
                            break;
                        };
                        let Ok(answer) = response.json::<serde_json::Value>().await else { break };
                        assert_eq!(answer["outcome"], "saved", "{answer}");
                        acknowledged = Some((answer["version"].as_i64().unwrap(), value));
                    }
                    (field, acknowledged)
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(600)).await;
        (application, writers)
    });
    // kill -9 while the writers are in full flow.
    demo.child.kill().unwrap();
    demo.child.wait().unwrap();
    let acknowledged: Vec<(&str, Option<(i64, String)>)> = runtime.block_on(async {
        futures_util::future::join_all(acknowledged).await.into_iter().map(Result::unwrap).collect()
    });
    assert!(
        acknowledged.iter().all(|(_, ack)| ack.as_ref().is_some_and(|(v, _)| *v >= 2)),
        "the writers got going: {acknowledged:?}"
    );

    let again = Demo::start(&data);
    runtime.block_on(async {
        let (client, _) = demo_applicant(&again.url).await;
        let saved: serde_json::Value = client
            .get(format!("{}/applications/{application}/fields", again.url))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        for (field, ack) in &acknowledged {
            let (version, value) = ack.clone().unwrap();
            let kept = &saved["fields"][field];
            let kept_version = kept["version"].as_i64().unwrap();
            // Every acknowledged save survived; at most the one in flight went further.
            assert!(kept_version >= version, "{field}: version {kept_version} < acknowledged {version}");
            if kept_version == version {
                assert_eq!(kept["value"], value.as_str(), "{field}");
            }
        }
    });
}

/// `kapok serve` on a data directory, ready when it says where it listens.
fn serve(data: &Path, extra: &[&str]) -> (Child, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = Command::new(KAPOK)
        .args(["serve", "--log", "warn", "--addr", &format!("127.0.0.1:{port}"), "--data-dir"])
        .arg(data)
        .args(extra)
        .env_remove("KAPOK_DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(lines.any(|line| line.unwrap().starts_with("Kapok is running at")));
    std::thread::spawn(move || lines.for_each(drop));
    (child, format!("http://127.0.0.1:{port}"))
}

#[test]
fn ballots_acknowledged_before_a_kill_9_are_all_counted_once_after_restart() {
    use kapok::storage::vote::NewVoterSession;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    drop(Demo::start(&data)); // the demo data, with its open public vote
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let url = kapok::config::sqlite_url(&data.join("kapok.db"));
    const VOTERS: usize = 3_000;
    // Verified voters, prepared in the database as an import of a verified list would.
    let (edition, candidate, voters) = runtime.block_on(async {
        let store = kapok::storage::connect(&url).await.unwrap();
        let (edition, settings) = store.votes().await.unwrap().into_iter().next().expect("the demo opens a vote");
        assert!(settings.candidates.is_empty(), "the demo votes on a shortlist");
        let query = kapok::storage::InitiativeQuery {
            edition: Some(edition),
            min_status: Some(kapok::domain::EntryStatus::Shortlisted),
            ..Default::default()
        };
        let shortlist = store.initiatives(&query, kapok::storage::PageRequest::new(0, 1)).await.unwrap();
        let mut voters = Vec::new();
        for n in 0..VOTERS {
            let token = format!("crash-voter-{n}");
            let session = NewVoterSession {
                token_hash: kapok::auth::token_hash(&token),
                csrf: format!("csrf-{n}"),
                expires_at: i64::MAX,
            };
            store.open_voter_session(edition, &format!("crash{n}@example.org"), &session, 0).await.unwrap();
            voters.push((token, session.csrf));
        }
        (edition, shortlist.items[0].entry_id, voters)
    });

    let (mut server, base) = serve(&data, &["--ballots-per-address", "0"]);
    // Eight voting machines cast the voters' ballots one after another as fast as answered.
    let workers: Vec<_> = runtime.block_on(async {
        voters
            .chunks(VOTERS / 8)
            .map(|chunk| {
                let (chunk, base) = (chunk.to_vec(), base.clone());
                tokio::spawn(async move {
                    let client = reqwest::Client::new();
                    let (mut acknowledged, mut sent) = (Vec::new(), 0);
                    for (token, csrf) in chunk {
                        sent += 1;
                        let response = client
                            .post(format!("{base}/vote/{edition}/ballot"))
                            .header("cookie", format!("kapok_voter={token}"))
                            .header("accept", "application/json")
                            .form(&[("csrf", csrf), ("choice", candidate.0.to_string())])
                            .send()
                            .await;
                        let Ok(response) = response else { break };
                        if response.status() != 201 {
                            break;
                        }
                        let Ok(body) = response.json::<serde_json::Value>().await else { break };
                        acknowledged.push(body["receipt"].as_str().unwrap().to_string());
                    }
                    (acknowledged, sent)
                })
            })
            .collect()
    });
    std::thread::sleep(Duration::from_millis(700));
    server.kill().unwrap(); // kill -9 in full flow
    server.wait().unwrap();
    let results: Vec<(Vec<String>, usize)> =
        runtime.block_on(futures_util::future::join_all(workers)).into_iter().map(Result::unwrap).collect();
    let acknowledged: Vec<&String> = results.iter().flat_map(|(a, _)| a).collect();
    let sent: usize = results.iter().map(|(_, s)| s).sum();
    assert!(acknowledged.len() >= 50, "the voting got going: {}", acknowledged.len());
    assert!(sent < VOTERS, "the kill came while ballots were still being cast");

    let (mut again, base) = serve(&data, &[]);
    runtime.block_on(async {
        let store = kapok::storage::connect(&url).await.unwrap();
        let stored = store.ballots(edition).await.unwrap();
        let receipts: std::collections::HashSet<&str> = stored.iter().map(|b| b.receipt.as_str()).collect();
        assert_eq!(receipts.len(), stored.len(), "each ballot once");
        for receipt in &acknowledged {
            assert!(receipts.contains(receipt.as_str()), "acknowledged ballot {receipt} was lost");
        }
        // Only ballots in flight at the kill (at most one per machine) may be stored unacknowledged.
        assert!(stored.len() <= acknowledged.len() + 8, "{} stored, {} acknowledged", stored.len(), acknowledged.len());
        let counted: usize = stored.iter().filter(|b| b.choices == [candidate]).count();
        assert_eq!(counted, stored.len(), "the tally matches the ballots");
        let check = reqwest::get(format!("{base}/vote/{edition}/check?receipt={}", acknowledged[0]))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(check.contains(r#"data-outcome="counted""#));
    });
    let _ = again.kill();
    let _ = again.wait();
}

#[test]
fn tally_ranks_a_preflib_file_by_each_method_and_names_the_line_of_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    // Wikipedia's Schulze example: 45 voters, five alternatives; E wins, then A, C, B, D.
    let ballots = [
        (5, "1,3,2,5,4"),
        (5, "1,4,5,3,2"),
        (8, "2,5,4,1,3"),
        (3, "3,1,2,5,4"),
        (7, "3,1,5,2,4"),
        (2, "3,2,1,4,5"),
        (7, "4,3,5,2,1"),
        (8, "5,2,1,4,3"),
    ];
    let mut text = String::from(
        "# FILE NAME: schulze.soc\n# TITLE: Schulze example\n# DATA TYPE: soc\n# MODIFICATION TYPE: original\n\
         # NUMBER ALTERNATIVES: 5\n# NUMBER VOTERS: 45\n# NUMBER UNIQUE ORDERS: 8\n",
    );
    for (n, name) in ["A", "B", "C", "D", "E"].iter().enumerate() {
        text.push_str(&format!("# ALTERNATIVE NAME {}: {name}\n", n + 1));
    }
    for (count, order) in ballots {
        text.push_str(&format!("{count}: {order}\n"));
    }
    let file = dir.path().join("schulze.soc");
    std::fs::write(&file, &text).unwrap();
    let run = |args: &[&str]| Command::new(KAPOK).arg("tally").args(args).output().unwrap();
    let schulze = run(&["--method", "schulze", file.to_str().unwrap()]);
    assert!(schulze.status.success(), "{}", stderr(&schulze));
    assert_eq!(stdout(&schulze), "E\nA\nC\nB\nD\n");
    for method in ["borda", "irv"] {
        let output = run(&["--method", method, file.to_str().unwrap()]);
        assert!(output.status.success());
        let printed = stdout(&output);
        let mut names: Vec<&str> = printed.lines().collect();
        names.sort();
        assert_eq!(names, ["A", "B", "C", "D", "E"], "{method} ranks everyone once");
    }
    let bad = dir.path().join("bad.soc");
    std::fs::write(&bad, text.replace("7: 4,3,5,2,1", "7: 4,3,5,2,9")).unwrap();
    let refused = run(&[bad.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("line 19: alternative 9"), "{}", stderr(&refused));
}

#[test]
fn audit_verify_passes_an_intact_log_and_names_the_first_entry_changed_or_removed() {
    use kapok::evaluation::screening::{Screening, ScreeningOutcome};
    let (dir, data) = prepared_dir();
    let file = dir.path().join("initiatives.jsonl");
    std::fs::write(&file, fixtures::INITIATIVES_JSONL).unwrap();
    assert!(kapok(&data, &["import", file.to_str().unwrap()]).status.success());
    let url = kapok::config::sqlite_url(&data.join("kapok.db"));
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let raw = runtime.block_on(async {
        let store = kapok::storage::connect(&url).await.unwrap();
        let user = store
            .create_user(&kapok::storage::NewUser {
                email: "desk@test.example".into(),
                display_name: "Desk".into(),
                password_hash: "x".into(),
                locale: "en".into(),
                roles: vec![kapok::domain::Role::Secretariat],
                verified: true,
            })
            .await
            .unwrap();
        let edition = kapok::domain::EditionId(2);
        let pending: Vec<_> = store
            .screening_list(edition)
            .await
            .unwrap()
            .into_iter()
            .filter(|row| row.status <= kapok::domain::EntryStatus::Valid)
            .map(|row| row.entry)
            .collect();
        assert!(pending.len() >= 2, "the fixture has entries to screen");
        let checklist = kapok::evaluation::screening::default_checklist();
        let not_valid = Screening::new(ScreeningOutcome::NotValid, vec!["impact".into()], "", &checklist).unwrap();
        let valid = Screening::new(ScreeningOutcome::Valid, vec![], "", &checklist).unwrap();
        store.screen_entries(edition, &pending[..1], &not_valid, user.id, 100).await.unwrap().unwrap();
        store.screen_entries(edition, &pending, &valid, user.id, 200).await.unwrap().unwrap();
        sqlx::SqlitePool::connect(&url).await.unwrap()
    });
    let verify = || kapok(&data, &["audit", "verify"]);
    let intact = verify();
    assert!(intact.status.success(), "{}", stderr(&intact));
    assert!(stdout(&intact).starts_with("audit log intact: 3 entries, head "), "{}", stdout(&intact));

    // Someone edits a past decision in the database: the entry is named.
    runtime.block_on(async {
        sqlx::query("UPDATE audit_log SET after = '{\"status\":\"winner\"}' WHERE seq = 2")
            .execute(&raw)
            .await
            .unwrap();
    });
    let altered = verify();
    assert!(!altered.status.success());
    assert!(stderr(&altered).contains("entry 2: its content does not match its hash"), "{}", stderr(&altered));

    // The entry put back as it was, the log is intact again; removing its last entry is seen
    // through the head, kept apart.
    runtime.block_on(async {
        sqlx::query("UPDATE audit_log SET after = (SELECT after FROM audit_log WHERE seq = 3) WHERE seq = 2")
            .execute(&raw)
            .await
            .unwrap();
    });
    assert!(verify().status.success(), "both valid decisions logged the same state after");
    runtime.block_on(async {
        sqlx::query("DELETE FROM audit_log WHERE seq = 3").execute(&raw).await.unwrap();
    });
    let truncated = verify();
    assert!(!truncated.status.success());
    assert!(stderr(&truncated).contains("ends at entry 2"), "{}", stderr(&truncated));
}

#[test]
fn assign_writes_the_optimal_assignment_and_says_why_when_there_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    // Greedy would give e1 its best reviewer r1 (0.9) and leave e2 with r2 (0.1): 1.0. The
    // optimum swaps them: 0.8 + 0.7 = 1.5.
    let scores = file("scores.csv", "e1,r1,0.9\ne1,r2,0.8\ne2,r1,0.7\ne2,r2,0.1\n");
    let output = dir.path().join("assignment.csv");
    let run = |extra: &[&str]| {
        Command::new(KAPOK)
            .args(["assign", "--scores", &scores, "--output", output.to_str().unwrap()])
            .args(extra)
            .output()
            .unwrap()
    };
    let optimal = run(&["--per-entry", "1", "--max-per-reviewer", "1"]);
    assert!(optimal.status.success(), "{}", stderr(&optimal));
    assert_eq!(stdout(&optimal).lines().last(), Some("1.500000"));
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "e1,r2,0.8\ne2,r1,0.7\n");
    // A conflict and a quota change the answer; an impossible k is explained.
    let conflicts = file("conflicts.csv", "e1,r2\n");
    let quotas = file("quotas.csv", "r1,2\n");
    let constrained =
        run(&["--conflicts", &conflicts, "--quotas", &quotas, "--per-entry", "1", "--max-per-reviewer", "1"]);
    assert!(constrained.status.success(), "{}", stderr(&constrained));
    assert_eq!(stdout(&constrained).lines().last(), Some("1.600000"));
    let impossible = run(&["--conflicts", &conflicts, "--per-entry", "2", "--max-per-reviewer", "2"]);
    assert!(!impossible.status.success());
    assert!(
        stderr(&impossible).contains("entry e1 has only 1 non-conflicted reviewer, k = 2"),
        "{}",
        stderr(&impossible)
    );
    let broken = file("broken.csv", "e1,r1,zero\n");
    let refused = Command::new(KAPOK)
        .args(["assign", "--scores", &broken, "--per-entry", "1", "--max-per-reviewer", "1", "--output"])
        .arg(&output)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("line 1"), "{}", stderr(&refused));
}
