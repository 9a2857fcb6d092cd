//! The public vote under load: verified voters casting ballots as fast as wrk sends them, over
//! loopback against the release `kapok serve` on SQLite (its own process), first with the group
//! commit (the default), then with the naive one-transaction-per-ballot path, then with the group
//! commit under twice the connections.
//!
//! Last, an open-loop run: ballots sent at a fixed rate (by default twice what the group run
//! accepted) over many connections whatever the answers, latency counted from when each was due,
//! to show that an overloaded server answers 503 with Retry-After rather than errors, and loses
//! nothing it acknowledged.
//!
//! `cargo bench --bench vote -- [--seconds S] [--voters N] [--connections N] [--threads N]
//! [--overload-connections N] [--open-connections N] [--open-rate BALLOTS_PER_S] [--group-only] [--baseline KAPOK_BINARY]` prints a Markdown report: requests and accepted ballots per second,
//! latency percentiles (wrk's), the answers by status (the server's own counters), and whether
//! every acknowledged ballot was stored and nothing else was. Setup writes the vote and the
//! verified voters (sessions with known tokens) straight into the database; each run starts a
//! fresh server on its own copy of it. Needs wrk (Debian: apt-get install wrk).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use kapok::domain::{EditionId, EntryId, EntryStatus, Role};
use kapok::storage::vote::{CastOutcome, NewBallot, NewVoterSession, VoterId};
use kapok::storage::{InitiativeQuery, NewUser, PageRequest, Store};
use kapok::vote::{BallotShape, Frequency, Verification, VoteSettings};

const AWARD: &str = r#"[{
  "slug": "vote-award", "name": {"en": "Vote Award"}, "short_name": {"en": "Vote"}, "organisers": "Benchmark",
  "description": {"en": "An award whose public vote is open."},
  "editions": [
    {"ordinal": 1, "year": 2099, "timezone": "UTC",
     "dates": [{"milestone": "launch", "starts": "2026-01-01T00:00"}, {"milestone": "final_deadline", "starts": "2099-08-31T23:59"}],
     "long_list_size": 45, "shortlist_size": 15, "max_winners": 5}
  ]
}]"#;

/// The candidates: shortlisted entries of the edition.
const CANDIDATES: [&str; 4] = ["Care Blocks", "Educational Parks", "Streets for Children", "Community Composting"];

/// Issue 4's target: accepted ballots a second.
const TARGET_RATE: u64 = 20_000;

/// The server under test: the release build of this checkout.
const KAPOK: &str = env!("CARGO_BIN_EXE_kapok");

/// The route whose answers the server counts.
const BALLOT_ROUTE: &str = "/vote/{edition}/ballot";

struct Options {
    seconds: u64,
    voters: usize,
    connections: usize,
    threads: usize,
    overload_connections: Option<usize>,
    /// Connections of the open-loop run, and its rate (default: twice the group run's).
    open_connections: usize,
    open_rate: Option<u64>,
    /// Only the group-commit run (a quick check while working on the ballot path).
    group_only: bool,
    /// Another build of `kapok` to run the group commit against too, side by side (before/after).
    baseline: Option<PathBuf>,
}

fn options() -> Options {
    let mut options = Options {
        seconds: 60,
        voters: 10_000,
        connections: 64,
        threads: 2,
        overload_connections: None,
        open_connections: 2_048,
        open_rate: None,
        group_only: false,
        baseline: None,
    };
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--group-only" {
            options.group_only = true;
            i += 1;
            continue;
        }
        if args[i] == "--baseline"
            && let Some(binary) = args.get(i + 1)
        {
            options.baseline = Some(PathBuf::from(binary));
            i += 2;
            continue;
        }
        let value = args.get(i + 1).and_then(|v| v.parse::<u64>().ok()).filter(|v| *v > 0);
        match (args[i].as_str(), value) {
            ("--seconds", Some(v)) => options.seconds = v,
            ("--voters", Some(v)) => options.voters = v as usize,
            ("--connections", Some(v)) => options.connections = v as usize,
            ("--threads", Some(v)) => options.threads = v as usize,
            ("--overload-connections", Some(v)) => options.overload_connections = Some(v as usize),
            ("--open-connections", Some(v)) => options.open_connections = v as usize,
            ("--open-rate", Some(v)) => options.open_rate = Some(v),
            (other, _) => {
                eprintln!("vote: unknown or incomplete option {other} (values must be positive numbers)");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    options
}

/// What setup made: the edition, its candidates, and the voters file for the wrk script.
struct Prepared {
    edition: EditionId,
    candidates: Vec<EntryId>,
    voters: Vec<VoterId>,
    settings: VoteSettings,
    voters_file: PathBuf,
}

async fn setup(store: &dyn Store, options: &Options, dir: &Path) -> Prepared {
    store.migrate().await.unwrap();
    kapok::demo::ensure_gazetteer(store).await.unwrap();
    store.upsert_awards(&kapok::interchange::read_awards("vote.json", AWARD).unwrap()).await.unwrap();
    let catalog = store.catalog().await.unwrap();
    let edition: EditionId = catalog.editions[&("vote-award".to_string(), 1)].id;

    // The candidates come in through the ordinary import, each in a city of the gazetteer.
    let mut cities: Vec<_> = catalog.cities.keys().collect();
    cities.sort();
    let lines: Vec<String> = CANDIDATES
        .iter()
        .enumerate()
        .map(|(n, title)| {
            serde_json::json!({
                "ref": format!("vote-bench-{n}"), "award": "vote-award", "edition": 1, "status": "shortlisted",
                "cities": [cities[n % cities.len()]], "level": "municipal", "original_language": "en",
                "texts": {"en": {"title": title, "summary": "A candidate of the benchmark's public vote."}},
                "source": {"dataset": "vote-bench", "id": n.to_string()},
            })
            .to_string()
        })
        .collect();
    let jsonl = lines.join("\n");
    let records = kapok::interchange::read_initiatives(Path::new("vote.jsonl"), jsonl.as_bytes()).unwrap();
    let initiatives = kapok::interchange::resolve_initiatives("vote.jsonl", records, &catalog).unwrap();
    store.import_initiatives(&initiatives, &|_| {}).await.unwrap();
    let query = InitiativeQuery { edition: Some(edition), min_status: Some(EntryStatus::Valid), ..Default::default() };
    let candidates: Vec<EntryId> =
        store.initiatives(&query, PageRequest::new(0, 100)).await.unwrap().items.iter().map(|i| i.entry_id).collect();
    assert_eq!(candidates.len(), CANDIDATES.len(), "every candidate was imported");

    let secretariat = store
        .create_user(&NewUser {
            email: "secretariat@vote.example".into(),
            display_name: "Secretariat".into(),
            password_hash: kapok::auth::hash_password("vote-benchmark"),
            locale: "en".into(),
            roles: vec![Role::Secretariat],
            verified: true,
        })
        .await
        .unwrap();
    let now = jiff::Timestamp::now().as_second();
    // Open for a day, one candidate per ballot, and as many ballots a day as the rules allow,
    // so that the limit never refuses a ballot of the benchmark.
    let settings = VoteSettings {
        opens_at: now - 3_600,
        closes_at: now + 86_400,
        candidates: candidates.clone(),
        shape: BallotShape::Exactly,
        choices: 1,
        frequency: Frequency::PerDay,
        per_day: VoteSettings::MAX_PER_DAY,
        verification: Verification::Email,
        tallies_visible: false,
    };
    settings.check().unwrap();
    store.save_vote_settings(edition, &settings, secretariat.id, now).await.unwrap();

    // Each line: the cookie's token and the form's CSRF token (form-encoded).
    let mut file = String::with_capacity(options.voters * 100);
    let mut voters = Vec::with_capacity(options.voters);
    for n in 0..options.voters {
        let token = kapok::auth::new_token();
        let csrf = kapok::auth::new_token();
        let session = NewVoterSession {
            token_hash: kapok::auth::token_hash(&token),
            csrf: csrf.clone(),
            expires_at: now + 2 * 86_400,
        };
        voters
            .push(store.open_voter_session(edition, &format!("voter-{n}@vote.example"), &session, now).await.unwrap());
        let csrf: String = form_urlencoded::byte_serialize(csrf.as_bytes()).collect();
        file.push_str(&format!("{token} {csrf}\n"));
        if (n + 1) % 2_000 == 0 {
            eprintln!("vote: {} voters verified", n + 1);
        }
    }
    let voters_file = dir.join("voters.txt");
    std::fs::write(&voters_file, file).unwrap();
    Prepared { edition, candidates, voters, settings, voters_file }
}

/// The wrk script: every request a ballot of the next voter (threads start at different
/// voters), the requests built once at start so that wrk spends its time sending them.
const WRK_SCRIPT: &str = r#"
local threads = 0
function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

function init(args)
  local candidates = {}
  for c in string.gmatch(args[2], "%d+") do candidates[#candidates + 1] = c end
  requests = {}
  local k = 0
  for line in io.lines(args[1]) do
    local token, csrf = line:match("^(%S+) (%S+)$")
    if token then
      k = k + 1
      local headers = {
        ["Cookie"] = "kapok_voter=" .. token,
        ["Accept"] = "application/json",
        ["Content-Type"] = "application/x-www-form-urlencoded",
      }
      local body = "csrf=" .. csrf .. "&choice=" .. candidates[(k % #candidates) + 1]
      requests[k] = wrk.format("POST", nil, headers, body)
    end
  end
  count = #requests
  position = ((thread_number or 0) * 7919) % count
end

function request()
  position = (position % count) + 1
  return requests[position]
end
"#;

/// What wrk reported.
#[derive(Debug, Default)]
struct Wrk {
    requests: u64,
    duration_s: f64,
    requests_per_s: f64,
    /// Latency percentiles in ms (50, 75, 90, 99).
    percentiles: BTreeMap<u32, f64>,
    non_2xx: u64,
    /// connect, read, write, timeout.
    socket_errors: [u64; 4],
}

fn millis(text: &str) -> Option<f64> {
    let split = text.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = text.split_at(split);
    let value: f64 = number.parse().ok()?;
    Some(match unit {
        "us" => value / 1000.0,
        "ms" => value,
        "s" => value * 1000.0,
        "m" => value * 60_000.0,
        _ => return None,
    })
}

fn parse_wrk(out: &str) -> Option<Wrk> {
    let mut wrk = Wrk::default();
    let mut in_distribution = false;
    for line in out.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if line.contains("Latency Distribution") {
            in_distribution = true;
            continue;
        }
        if in_distribution {
            if let [p, value] = words[..]
                && let Some(p) = p.strip_suffix('%').and_then(|p| p.parse::<f64>().ok())
            {
                wrk.percentiles.insert(p as u32, millis(value)?);
                continue;
            }
            in_distribution = false;
        }
        if line.contains("requests in") {
            // "  1234567 requests in 60.00s, 300.00MB read"
            wrk.requests = words.first()?.parse().ok()?;
            wrk.duration_s = millis(words.get(3)?.trim_end_matches(','))? / 1000.0;
        } else if let Some(rest) = line.trim().strip_prefix("Requests/sec:") {
            wrk.requests_per_s = rest.trim().parse().ok()?;
        } else if let Some(rest) = line.trim().strip_prefix("Non-2xx or 3xx responses:") {
            wrk.non_2xx = rest.trim().parse().ok()?;
        } else if let Some(rest) = line.trim().strip_prefix("Socket errors:") {
            // "Socket errors: connect 0, read 0, write 0, timeout 12"
            let numbers: Vec<u64> =
                rest.split(',').filter_map(|part| part.split_whitespace().nth(1)?.parse().ok()).collect();
            wrk.socket_errors = numbers.try_into().ok()?;
        }
    }
    (wrk.requests > 0 && wrk.percentiles.contains_key(&99)).then_some(wrk)
}

/// The server's own counters, from `GET /metrics`.
#[derive(Debug, Default)]
struct ServerCounts {
    /// Ballot answers by status.
    statuses: BTreeMap<u16, u64>,
    group_sum: f64,
    group_count: f64,
    group_max: f64,
}

fn label<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let start = line.find(&format!("{name}=\""))? + name.len() + 2;
    let end = line[start..].find('"')? + start;
    Some(&line[start..end])
}

fn parse_metrics(text: &str) -> ServerCounts {
    let mut counts = ServerCounts::default();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((series, value)) = line.rsplit_once(' ') else { continue };
        let Ok(value) = value.parse::<f64>() else { continue };
        if series.starts_with("http_requests_total{") && label(series, "route") == Some(BALLOT_ROUTE) {
            if let Some(status) = label(series, "status").and_then(|s| s.parse().ok()) {
                *counts.statuses.entry(status).or_default() += value as u64;
            }
        } else if series == "kapok_ballot_group_size_sum" {
            counts.group_sum = value;
        } else if series == "kapok_ballot_group_size_count" {
            counts.group_count = value;
        } else if series.starts_with("kapok_ballot_group_size{") && label(series, "quantile") == Some("1") {
            counts.group_max = value;
        }
    }
    counts
}

/// CPU seconds (user + system) of a process, or of the waited-for children of this one.
fn cpu_seconds(pid: &str, children: bool) -> f64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { return 0.0 };
    // Fields after the command name (which may hold spaces): state is field 3, utime 14.
    let Some((_, rest)) = stat.rsplit_once(')') else { return 0.0 };
    let fields: Vec<f64> = rest.split_whitespace().map(|f| f.parse().unwrap_or(0.0)).collect();
    let (user, system) = if children { (fields[13], fields[14]) } else { (fields[11], fields[12]) };
    // Clock ticks: 100 per second on Linux.
    (user + system) / 100.0
}

/// Busy and total CPU time of the whole machine, in seconds (all cores).
fn machine_cpu() -> (f64, f64) {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let Some(line) = stat.lines().next() else { return (0.0, 0.0) };
    let ticks: Vec<f64> = line.split_whitespace().skip(1).map(|f| f.parse().unwrap_or(0.0)).collect();
    // user nice system idle iowait irq softirq steal (guest time is already in user).
    let total: f64 = ticks.iter().take(8).sum();
    let idle = ticks.get(3).copied().unwrap_or(0.0) + ticks.get(4).copied().unwrap_or(0.0);
    ((total - idle) / 100.0, total / 100.0)
}

/// Context switches of all the threads of a process so far.
fn context_switches(pid: &str) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else { return 0 };
    tasks
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("status")).ok())
        .flat_map(|status| {
            status
                .lines()
                .filter(|l| l.contains("ctxt_switches:"))
                .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
                .collect::<Vec<_>>()
        })
        .sum()
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Group,
    Single,
    /// No ballots: a static file from the same server, the ceiling of its HTTP path here.
    StaticFile,
}

impl Mode {
    fn flag(self) -> &'static str {
        match self {
            Mode::Group | Mode::StaticFile => "group",
            Mode::Single => "single",
        }
    }
}

/// One run: a fresh server on its own copy of the database, wrk against it, then the count.
struct Run {
    name: String,
    mode: Mode,
    connections: usize,
    wrk: Wrk,
    server: ServerCounts,
    /// Ballots in the database after the server stopped.
    stored: u64,
    /// CPU cores used on average during the load: the server, wrk, everything else.
    server_cores: f64,
    wrk_cores: f64,
    other_cores: f64,
    /// The server's context switches per answered ballot request.
    switches_per_request: f64,
    peak_mib: Option<f64>,
}

impl Run {
    /// Ballots answered 201 as wrk counted them (every 2xx of this route is a 201).
    fn acknowledged(&self) -> u64 {
        self.wrk.requests - self.wrk.non_2xx
    }

    /// wrk's rate, for the share of its requests that were answered 201.
    fn accepted_per_s(&self) -> f64 {
        self.wrk.requests_per_s * self.acknowledged() as f64 / self.wrk.requests as f64
    }

    fn p(&self, p: u32) -> f64 {
        self.wrk.percentiles.get(&p).copied().unwrap_or(f64::NAN)
    }

    fn socket_errors(&self) -> u64 {
        self.wrk.socket_errors.iter().sum()
    }

    /// Answers other than 201 and 503, by the server's count.
    fn errors(&self) -> u64 {
        self.server.statuses.iter().filter(|(s, _)| **s != 201 && **s != 503).map(|(_, n)| n).sum::<u64>()
            + self.socket_errors()
    }

    fn status(&self, status: u16) -> u64 {
        self.server.statuses.get(&status).copied().unwrap_or(0)
    }

    /// No acknowledged ballot missing, and nothing stored beyond what was acknowledged and
    /// what was still in flight when wrk stopped (at most one per connection).
    fn consistent(&self) -> bool {
        let served = self.status(201);
        self.stored >= served
            && self.stored >= self.acknowledged()
            && self.stored - self.acknowledged() <= self.connections as u64
    }
}

async fn wait_until_up(base: &str) {
    let probe = reqwest::Client::new();
    for _ in 0..400 {
        if probe.get(format!("{base}/healthz")).send().await.is_ok_and(|r| r.status().is_success()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Let it finish building its search index in the background before the load.
    for _ in 0..600 {
        if probe.get(format!("{base}/library?q=care")).send().await.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server at {base} did not come up");
}

/// A consistent copy of the prepared database (through the store's backup, not a file copy).
async fn copy_database(template: &Path, to: &Path) {
    let store = kapok::storage::connect(&kapok::config::sqlite_url(template)).await.unwrap();
    store.backup(to).await.unwrap();
}

/// A server of its own, committing ballots as `commit` says, on a fresh database (a consistent
/// copy of the prepared one), once it is up: the server, its database and its port.
async fn start_server(binary: &Path, name: &str, commit: &str, template: &Path, dir: &Path) -> (Server, PathBuf, u16) {
    let data_dir = dir.join(format!("run-{name}"));
    std::fs::create_dir_all(&data_dir).unwrap();
    let database = data_dir.join("kapok.db");
    copy_database(template, &database).await;
    let port = free_port();
    let child = Command::new(binary)
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--log", "warn", "--ballots-per-address", "0"])
        .args(["--ballot-commit", commit])
        .arg("--data-dir")
        .arg(&data_dir)
        .stdout(Stdio::null())
        // Errors would show in the counts; the log of early 503s while the index builds would not help.
        .stderr(Stdio::null())
        .spawn()
        .expect("the kapok binary starts");
    let server = Server(child);
    wait_until_up(&format!("http://127.0.0.1:{port}")).await;
    (server, database, port)
}

/// The ballots a run's database holds once its server is gone.
async fn stored_ballots(database: &Path, edition: EditionId) -> u64 {
    let store = kapok::storage::connect(&kapok::config::sqlite_url(database)).await.unwrap();
    store.ballots(edition).await.unwrap().len() as u64
}

#[allow(clippy::too_many_arguments)]
async fn run(
    binary: &Path,
    name: &str,
    mode: Mode,
    connections: usize,
    template: &Path,
    dir: &Path,
    prepared: &Prepared,
    script: &Path,
    options: &Options,
) -> Run {
    let (server, database, port) = start_server(binary, name, mode.flag(), template, dir).await;
    let base = format!("http://127.0.0.1:{port}");
    let pid = server.0.id().to_string();

    eprintln!("vote: {name}: {} s of ballots, {} connections, commit {}…", options.seconds, connections, mode.flag());
    let candidates: Vec<String> = prepared.candidates.iter().map(|c| c.0.to_string()).collect();
    let server_cpu = cpu_seconds(&pid, false);
    let switches = context_switches(&pid);
    let children_cpu = cpu_seconds("self", true);
    let (machine_busy, machine_total) = machine_cpu();
    let mut wrk = tokio::process::Command::new("wrk");
    wrk.arg(format!("-t{}", options.threads.min(connections)))
        .arg(format!("-c{connections}"))
        .arg(format!("-d{}s", options.seconds))
        .args(["--latency", "--timeout", "10s"]);
    if mode == Mode::StaticFile {
        wrk.arg(format!("{base}/static/favicon.svg"));
    } else {
        wrk.arg("-s")
            .arg(script)
            .arg(format!("{base}/vote/{}/ballot", prepared.edition))
            .arg("--")
            .arg(&prepared.voters_file)
            .arg(candidates.join(","));
    }
    let output = wrk.output().await.expect("wrk runs");
    let server_cpu = cpu_seconds(&pid, false) - server_cpu;
    let switches = context_switches(&pid) - switches;
    let wrk_cpu = cpu_seconds("self", true) - children_cpu;
    let (busy, total) = machine_cpu();
    let (busy, total) = (busy - machine_busy, total - machine_total);
    let out = String::from_utf8_lossy(&output.stdout);
    let Some(wrk) = parse_wrk(&out).filter(|_| output.status.success()) else {
        panic!(
            "vote: could not read wrk's report ({}):\n{out}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    };
    if std::env::var("VOTE_WRK").is_ok() {
        eprintln!("{out}");
    }
    // Requests still in flight when wrk stopped get their answer (or are dropped) meanwhile.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let metrics = reqwest::get(format!("{base}/metrics")).await.unwrap().text().await.unwrap();
    let peak_mib = peak_memory_mib(server.0.id());
    // Killed, not stopped: whatever was acknowledged must survive that.
    drop(server);
    let stored = stored_ballots(&database, prepared.edition).await;
    let elapsed = wrk.duration_s.max(1.0);
    let cores = if total > 0.0 { total / elapsed } else { 1.0 };
    let machine_cores = busy / total.max(f64::EPSILON) * cores;
    Run {
        name: name.to_string(),
        mode,
        connections,
        server: parse_metrics(&metrics),
        stored,
        server_cores: server_cpu / elapsed,
        wrk_cores: wrk_cpu / elapsed,
        other_cores: (machine_cores - (server_cpu + wrk_cpu) / elapsed).max(0.0),
        switches_per_request: switches as f64 / wrk.requests.max(1) as f64,
        peak_mib,
        wrk,
    }
}

/// The store alone, without HTTP: ballots per second through `cast_ballots` in groups of
/// `group` (as the writer makes them when it is busy) for about `seconds`, on a copy of the
/// prepared database: the ceiling of the commit path on this machine.
async fn store_ceiling(template: &Path, dir: &Path, prepared: &Prepared, group: usize, seconds: f64) -> f64 {
    let database = dir.join(format!("store-{group}.db"));
    copy_database(template, &database).await;
    let store = kapok::storage::connect(&kapok::config::sqlite_url(&database)).await.unwrap();
    let now = jiff::Timestamp::now().as_second();
    let period = prepared.settings.period(now, &jiff::tz::TimeZone::UTC);
    let started = Instant::now();
    let mut counted = 0u64;
    let mut n = 0usize;
    while started.elapsed().as_secs_f64() < seconds {
        let ballots: Vec<NewBallot> = (0..group)
            .map(|k| {
                n += 1;
                NewBallot {
                    edition: prepared.edition,
                    voter: prepared.voters[n % prepared.voters.len()],
                    receipt: format!("STORE-{group}-{n}-{k}"),
                    period: period.clone(),
                    max_per_period: prepared.settings.max_per_period(),
                    choices: vec![prepared.candidates[n % prepared.candidates.len()]],
                    cast_at: now,
                    ip: "127.0.0.1".into(),
                    subnet: "127.0.0.0/24".into(),
                }
            })
            .collect();
        let outcomes = store.cast_ballots(&ballots).await.unwrap();
        counted += outcomes.iter().filter(|o| **o == CastOutcome::Counted).count() as u64;
    }
    counted as f64 / started.elapsed().as_secs_f64()
}

/// What the open-loop run saw.
#[derive(Debug, Default)]
struct OpenLoop {
    rate: u64,
    seconds: f64,
    /// Answers by status, and the 503s among them that carried Retry-After.
    statuses: BTreeMap<u16, u64>,
    busy_with_retry_after: u64,
    /// Requests that got no readable answer (connection refused, reset, cut answer).
    socket_errors: u64,
    /// Milliseconds from when a request was due to its answer: every answer, and the 201s.
    latencies: Vec<f32>,
    accepted_latencies: Vec<f32>,
    stored: u64,
    server_cores: f64,
    generator_cores: f64,
    /// How late the generator itself was in sending, p99 ms (its own lag, not the server's).
    send_lag_p99: f64,
}

impl OpenLoop {
    fn acknowledged(&self) -> u64 {
        self.statuses.get(&201).copied().unwrap_or(0)
    }

    fn sent(&self) -> u64 {
        self.statuses.values().sum::<u64>() + self.socket_errors
    }

    /// Answers other than 201 and 503, and requests without an answer.
    fn errors(&self) -> u64 {
        self.statuses.iter().filter(|(s, _)| **s != 201 && **s != 503).map(|(_, n)| n).sum::<u64>() + self.socket_errors
    }

    /// Every acknowledged ballot stored; beyond those, at most the requests whose answer was lost.
    fn consistent(&self) -> bool {
        self.stored >= self.acknowledged() && self.stored - self.acknowledged() <= self.socket_errors
    }
}

fn percentile(sorted: &[f32], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let at = ((sorted.len() as f64 * p / 100.0).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[at] as f64
}

/// One answer read off a keep-alive connection: its status and whether it said Retry-After.
async fn read_answer(stream: &mut tokio::net::TcpStream, buffer: &mut Vec<u8>) -> std::io::Result<(u16, bool)> {
    use tokio::io::AsyncReadExt;
    let invalid = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string());
    buffer.clear();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "connection closed"));
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let head = std::str::from_utf8(&buffer[..head_end]).map_err(|_| invalid("head not UTF-8"))?;
    let status: u16 = head.get(9..12).and_then(|s| s.parse().ok()).ok_or_else(|| invalid("no status"))?;
    let mut length = None;
    let mut retry_after = false;
    for line in head.lines().skip(1) {
        let Some((name, value)) = line.split_once(':') else { continue };
        if name.eq_ignore_ascii_case("content-length") {
            length = value.trim().parse::<usize>().ok();
        } else if name.eq_ignore_ascii_case("retry-after") {
            retry_after = true;
        }
    }
    let length = length.ok_or_else(|| invalid("no Content-Length"))?;
    while buffer.len() < head_end + length {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "answer cut"));
        }
        buffer.extend_from_slice(&chunk[..n]);
    }
    Ok((status, retry_after))
}

/// Sends ballots at `rate` a second for `seconds` over `connections` keep-alive connections:
/// request i is due at start + i / rate, whatever came back before (open loop); a connection
/// takes the next due request once it has its answer, so when the server falls behind,
/// requests go out late and their latency counts from when they were due.
async fn open_loop(
    name: &str,
    template: &Path,
    dir: &Path,
    prepared: &Prepared,
    rate: u64,
    connections: usize,
    seconds: u64,
) -> OpenLoop {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};
    use tokio::io::AsyncWriteExt;

    let (server, database, port) = start_server(Path::new(KAPOK), name, "group", template, dir).await;
    let pid = server.0.id().to_string();

    // The same requests as wrk's: each voter's cookie and CSRF token, candidates in turn.
    let voters = std::fs::read_to_string(&prepared.voters_file).unwrap();
    let requests: Arc<Vec<Vec<u8>>> = Arc::new(
        voters
            .lines()
            .filter_map(|line| line.split_once(' '))
            .enumerate()
            .map(|(k, (token, csrf))| {
                let body = format!("csrf={csrf}&choice={}", prepared.candidates[(k + 1) % prepared.candidates.len()]);
                format!(
                    "POST /vote/{}/ballot HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: kapok_voter={token}\r\n\
                     Accept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n\
                     Content-Length: {}\r\n\r\n{body}",
                    prepared.edition,
                    body.len()
                )
                .into_bytes()
            })
            .collect(),
    );

    eprintln!("vote: {name}: {rate} ballots/s due for {seconds} s over {connections} connections…");
    let total = rate * seconds;
    let next = Arc::new(AtomicU64::new(0));
    let server_cpu = cpu_seconds(&pid, false);
    let own_cpu = cpu_seconds("self", false);
    let start = tokio::time::Instant::now() + Duration::from_millis(200);
    let address = format!("127.0.0.1:{port}");
    let mut tasks = Vec::with_capacity(connections);
    for _ in 0..connections {
        let (next, requests, address) = (next.clone(), requests.clone(), address.clone());
        tasks.push(tokio::spawn(async move {
            let mut seen = OpenLoop::default();
            let mut lags: Vec<f32> = Vec::new();
            let mut stream: Option<tokio::net::TcpStream> = None;
            let mut buffer = Vec::with_capacity(1024);
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let due = start + Duration::from_nanos(i * 1_000_000_000 / rate);
                tokio::time::sleep_until(due).await;
                lags.push(due.elapsed().as_secs_f32() * 1000.0);
                if stream.is_none() {
                    match tokio::net::TcpStream::connect(&address).await {
                        Ok(s) => {
                            let _ = s.set_nodelay(true);
                            stream = Some(s);
                        }
                        Err(_) => {
                            seen.socket_errors += 1;
                            continue;
                        }
                    }
                }
                let connection = stream.as_mut().expect("connected above");
                let request = &requests[i as usize % requests.len()];
                let answer = match connection.write_all(request).await {
                    Ok(()) => read_answer(connection, &mut buffer).await,
                    Err(error) => Err(error),
                };
                let latency = due.elapsed().as_secs_f32() * 1000.0;
                match answer {
                    Ok((status, retry_after)) => {
                        *seen.statuses.entry(status).or_default() += 1;
                        if status == 503 && retry_after {
                            seen.busy_with_retry_after += 1;
                        }
                        seen.latencies.push(latency);
                        if status == 201 {
                            seen.accepted_latencies.push(latency);
                        }
                    }
                    Err(_) => {
                        seen.socket_errors += 1;
                        stream = None;
                    }
                }
            }
            (seen, lags)
        }));
    }
    let mut result = OpenLoop { rate, ..Default::default() };
    let mut lags = Vec::new();
    for task in tasks {
        let (seen, task_lags) = task.await.unwrap();
        for (status, n) in seen.statuses {
            *result.statuses.entry(status).or_default() += n;
        }
        result.busy_with_retry_after += seen.busy_with_retry_after;
        result.socket_errors += seen.socket_errors;
        result.latencies.extend(seen.latencies);
        result.accepted_latencies.extend(seen.accepted_latencies);
        lags.extend(task_lags);
    }
    result.seconds = (tokio::time::Instant::now() - start).as_secs_f64();
    result.server_cores = (cpu_seconds(&pid, false) - server_cpu) / result.seconds;
    result.generator_cores = (cpu_seconds("self", false) - own_cpu) / result.seconds;
    result.latencies.sort_by(f32::total_cmp);
    result.accepted_latencies.sort_by(f32::total_cmp);
    lags.sort_by(f32::total_cmp);
    result.send_lag_p99 = percentile(&lags, 99.0);
    // Every request has its answer (or failed) by now; killed, not stopped, as above.
    drop(server);
    result.stored = stored_ballots(&database, prepared.edition).await;
    result
}

fn thousands(n: f64) -> String {
    let digits = format!("{:.0}", n);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A run in one line, as it ends: accepted rate, p99, the server's CPU per ballot, the answers.
fn progress(run: &Run) -> String {
    format!(
        "{:.0} accepted/s, p99 {:.1} ms, server CPU {:.0} µs a ballot, {}",
        run.accepted_per_s(),
        run.p(99),
        1e6 * run.server_cores / run.accepted_per_s().max(1.0),
        statuses(run)
    )
}

fn statuses(run: &Run) -> String {
    let parts: Vec<String> =
        run.server.statuses.iter().map(|(status, n)| format!("{status}: {}", thousands(*n as f64))).collect();
    if parts.is_empty() { "none".into() } else { parts.join(", ") }
}

#[tokio::main]
async fn main() {
    let options = options();
    match std::process::Command::new("wrk").arg("--version").output() {
        Ok(_) => {}
        Err(error) => {
            eprintln!("vote: this benchmark drives the load with wrk, which could not be run ({error}).");
            eprintln!("vote: install it (Debian/Ubuntu: apt-get install wrk) and run it again.");
            std::process::exit(1);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template.db");
    eprintln!("vote: setting up a vote with {} verified voters…", options.voters);
    let started = Instant::now();
    let prepared = {
        let store = kapok::storage::connect(&kapok::config::sqlite_url(&template)).await.unwrap();
        setup(&*store, &options, dir.path()).await
    };
    eprintln!("vote: set up in {:.1} s", started.elapsed().as_secs_f64());
    let script = dir.path().join("ballots.lua");
    std::fs::write(&script, WRK_SCRIPT).unwrap();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();

    let c = options.connections;
    let overload = options.overload_connections.unwrap_or(2 * c);
    let kapok = Path::new(KAPOK);
    if let Some(baseline) = &options.baseline {
        for (name, binary) in [("group, baseline build", baseline.as_path()), ("group, this build", kapok)] {
            let run = run(binary, name, Mode::Group, c, &template, dir.path(), &prepared, &script, &options).await;
            eprintln!("vote: {name}: {}", progress(&run));
        }
    }
    let mut runs = Vec::new();
    for (name, mode, connections) in
        [("group", Mode::Group, c), ("single", Mode::Single, c), ("group, overload", Mode::Group, overload)]
    {
        let run = run(kapok, name, mode, connections, &template, dir.path(), &prepared, &script, &options).await;
        eprintln!("vote: {name}: {}", progress(&run));
        runs.push(run);
        if options.group_only {
            return;
        }
    }

    eprintln!("vote: a static file from the same server…");
    let ceiling_http =
        run(kapok, "static file", Mode::StaticFile, c, &template, dir.path(), &prepared, &script, &options).await;

    // Open loop: at the target rate, and at twice what the group run accepted (or --open-rate).
    let twice = options.open_rate.unwrap_or_else(|| (2.0 * runs[0].accepted_per_s()).round() as u64).max(1);
    let mut open_runs = Vec::new();
    for (name, rate) in [("open loop, target rate", TARGET_RATE), ("open loop, twice the load", twice)] {
        let open =
            open_loop(name, &template, dir.path(), &prepared, rate, options.open_connections, options.seconds).await;
        eprintln!(
            "vote: {name}: {} 201, {} 503, {} errors, p99 {:.1} ms",
            open.acknowledged(),
            open.statuses.get(&503).copied().unwrap_or(0),
            open.errors(),
            percentile(&open.latencies, 99.0)
        );
        open_runs.push((name, open));
    }

    eprintln!("vote: the store alone…");
    let ceiling = store_ceiling(&template, dir.path(), &prepared, 1_024, 3.0).await;

    println!("## Public vote\n");
    println!(
        "{} verified voters casting one-choice ballots (`POST /vote/{{edition}}/ballot`, form with CSRF \
         token, voter cookie, `Accept: application/json`), each run {} s of wrk ({} threads, keep-alive, \
         closed loop) over loopback against a fresh release `kapok serve` on SQLite (WAL, synchronous = FULL) \
         with a copy of the same database, server and load generator on the same machine ({} cores). \
         Load average before the runs: {}.\n",
        thousands(options.voters as f64),
        options.seconds,
        options.threads,
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
    );
    println!(
        "| run | commit | connections | requests/s | accepted ballots/s | p50 ms | p90 ms | p99 ms | \
         not 201 | socket errors | acknowledged | stored | mean group | server CPU | wrk CPU | other CPU | peak RSS MiB |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for run in &runs {
        let group = if run.server.group_count > 0.0 {
            format!("{:.1}", run.server.group_sum / run.server.group_count)
        } else {
            "–".into()
        };
        println!(
            "| {} | {} | {} | {} | **{}** | {:.2} | {:.2} | {:.2} | {} | {} | {} | {} | {} | {:.2} | {:.2} | {:.2} | {} |",
            run.name,
            run.mode.flag(),
            run.connections,
            thousands(run.wrk.requests_per_s),
            thousands(run.accepted_per_s()),
            run.p(50),
            run.p(90),
            run.p(99),
            thousands(run.wrk.non_2xx as f64),
            run.socket_errors(),
            thousands(run.acknowledged() as f64),
            thousands(run.stored as f64),
            group,
            run.server_cores,
            run.wrk_cores,
            run.other_cores,
            run.peak_mib.map(|m| format!("{m:.0}")).unwrap_or_else(|| "?".into()),
        );
    }
    println!();
    println!("Answers by status, as the server counted them:\n");
    for run in &runs {
        let in_flight = run.stored as i64 - run.acknowledged() as i64;
        println!(
            "- {}: {}; largest group {:.0}; {:.0} context switches in the server per request; \
             stored − acknowledged = {} (answered or dropped after wrk stopped): {}",
            run.name,
            statuses(run),
            run.server.group_max,
            run.switches_per_request,
            in_flight,
            if run.consistent() { "no ballot lost, none extra" } else { "INCONSISTENT" },
        );
    }
    let (group, single, overloaded) = (&runs[0], &runs[1], &runs[2]);
    println!(
        "\nGroup commit / one transaction per ballot: **{:.2}×** accepted ballots per second ({} vs {}), \
         p99 {:.2} ms vs {:.2} ms.",
        group.accepted_per_s() / single.accepted_per_s().max(f64::EPSILON),
        thousands(group.accepted_per_s()),
        thousands(single.accepted_per_s()),
        group.p(99),
        single.p(99),
    );
    println!(
        "\nThe store alone (`cast_ballots` called directly in groups of 1,024, no HTTP, no reads, 3 s): {} \
         ballots/s, the ceiling of the commit path here. Mean group over HTTP above: {:.1} ballots.",
        thousands(ceiling),
        if group.server.group_count > 0.0 { group.server.group_sum / group.server.group_count } else { 0.0 },
    );
    println!(
        "\nThe same server answering `GET /static/favicon.svg` (no database, no body to read) with {} connections: \
         {} requests/s, p99 {:.2} ms, server CPU {:.2}, wrk CPU {:.2}: the ceiling of the HTTP path on this \
         machine with this load generator. Ballots reach {:.0} % of it.",
        ceiling_http.connections,
        thousands(ceiling_http.wrk.requests_per_s),
        ceiling_http.p(99),
        ceiling_http.server_cores,
        ceiling_http.wrk_cores,
        100.0 * group.accepted_per_s() / ceiling_http.wrk.requests_per_s.max(f64::EPSILON),
    );
    let throughput_met = group.accepted_per_s() >= 20_000.0 && group.p(99) < 50.0 && group.errors() == 0;
    println!(
        "\nTarget ≥ 20,000 accepted ballots/s with p99 < 50 ms (group commit, no errors): {}",
        if throughput_met { "met" } else { "NOT met" }
    );
    let overload_met = overloaded.errors() == 0 && overloaded.consistent();
    println!(
        "Target under twice the load ({} connections): 503s rather than errors or lost ballots: {} \
         ({} answered 503, {} errors, stored {} for {} acknowledged)",
        overloaded.connections,
        if overload_met { "met" } else { "NOT met" },
        thousands(overloaded.status(503) as f64),
        overloaded.errors(),
        thousands(overloaded.stored as f64),
        thousands(overloaded.acknowledged() as f64),
    );
    println!(
        "\nOpen loop (a Rust generator in this benchmark, like wrk2): ballots due at a fixed rate over {} \
         keep-alive connections for {} s whatever the answers; latency counted from when each request was due \
         (so a late send counts against the server); 201s over the run's wall time:\n",
        thousands(options.open_connections as f64),
        options.seconds,
    );
    println!(
        "| run | due/s | sent | answered 201 | 201/s | 503 (with Retry-After) | other answers | socket errors | \
         p50 ms all | p99 ms all | p50 ms 201 | p99 ms 201 | stored | server CPU | generator CPU | send lag p99 ms |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (name, open) in &open_runs {
        println!(
            "| {name} | {} | {} | {} | **{}** | {} ({}) | {} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {} | {:.2} | {:.2} | {:.1} |",
            thousands(open.rate as f64),
            thousands(open.sent() as f64),
            thousands(open.acknowledged() as f64),
            thousands(open.acknowledged() as f64 / open.seconds.max(f64::EPSILON)),
            thousands(open.statuses.get(&503).copied().unwrap_or(0) as f64),
            thousands(open.busy_with_retry_after as f64),
            thousands((open.errors() - open.socket_errors) as f64),
            open.socket_errors,
            percentile(&open.latencies, 50.0),
            percentile(&open.latencies, 99.0),
            percentile(&open.accepted_latencies, 50.0),
            percentile(&open.accepted_latencies, 99.0),
            thousands(open.stored as f64),
            open.server_cores,
            open.generator_cores,
            open.send_lag_p99,
        );
    }
    let (target, open) = (&open_runs[0].1, &open_runs[1].1);
    let accepted_rate = target.acknowledged() as f64 / target.seconds.max(f64::EPSILON);
    println!(
        "\nTarget rate in open loop ({} due/s): {} ({} accepted/s, p99 {:.1} ms of the 201s, {} errors)",
        thousands(TARGET_RATE as f64),
        if accepted_rate >= 0.99 * TARGET_RATE as f64
            && percentile(&target.accepted_latencies, 99.0) < 50.0
            && target.errors() == 0
        {
            "met"
        } else {
            "NOT met"
        },
        thousands(accepted_rate),
        percentile(&target.accepted_latencies, 99.0),
        target.errors(),
    );
    let busy = open.statuses.get(&503).copied().unwrap_or(0);
    println!(
        "Open loop at twice the load: 503s rather than errors or lost ballots: {} ({} answered 503, {} of them \
         with Retry-After; {} errors; stored {} for {} acknowledged: {})",
        if open.errors() == 0 && open.consistent() && busy == open.busy_with_retry_after { "met" } else { "NOT met" },
        thousands(busy as f64),
        thousands(open.busy_with_retry_after as f64),
        open.errors(),
        thousands(open.stored as f64),
        thousands(open.acknowledged() as f64),
        if open.consistent() { "no ballot lost, none extra" } else { "INCONSISTENT" },
    );
    if overloaded.status(503) == 0 {
        println!(
            "\nNo 503 under overload: wrk keeps one request in flight per connection, so at most {} ballots \
             wait, which the writer's measured pace clears within its waiting budget of {} ms, so it admits \
             them all (p99 {:.0} ms).",
            thousands(overloaded.connections as f64),
            kapok::vote::writer::WAIT_BUDGET.as_millis(),
            overloaded.p(99),
        );
    }
}
