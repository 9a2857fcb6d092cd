//! The reviewer assignment engine against OR-Tools' `SimpleMinCostFlow` on the same instances: a
//! real cycle's scale (300 entries × 11 experts, k = 3, L = 90) and the benchmark scale (10,000
//! entries × 2,000 reviewers, k = 3, L = 20, dense uniform affinities in [0, 1)), both with 5 %
//! random conflicts; with `--correlated`, also the benchmark scale where half of each affinity is
//! the reviewer's "popularity", shared by all entries (they compete for the same reviewers: the
//! hard case for the candidate pairs).
//!
//! `cargo bench -p kapok-assign --bench assign -- [--repeat N] [--no-ortools] [--correlated]`
//! prints a Markdown table. Instances come from a fixed-seed splitmix64 and are written to
//! `target/assign-bench/NAME.bin` (four little-endian u64: entries, reviewers, k, L; the
//! affinities as little-endian f32, row-major; one conflict byte per pair), which
//! `bench/assign_ortools.py` solves when the venv `target/bench-tools/ortools` exists.
//! Affinities are f32 so that both sides scale exactly the same numbers.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use kapok_assign::{Assignment, Instance, Limits, solve};

struct Spec {
    name: &'static str,
    entries: usize,
    reviewers: usize,
    limits: Limits,
    conflict_rate: f64,
    /// The share of each affinity that is the reviewer's, the same for every entry.
    popularity: f32,
    seed: u64,
}

const CYCLE: Spec = Spec {
    name: "cycle-300x11",
    entries: 300,
    reviewers: 11,
    limits: Limits { per_entry: 3, max_per_reviewer: 90 },
    conflict_rate: 0.05,
    popularity: 0.0,
    seed: 2023,
};

const DENSE: Spec = Spec {
    name: "dense-10000x2000",
    entries: 10_000,
    reviewers: 2_000,
    limits: Limits { per_entry: 3, max_per_reviewer: 20 },
    conflict_rate: 0.05,
    popularity: 0.0,
    seed: 6,
};

const CORRELATED: Spec = Spec { name: "correlated-10000x2000", popularity: 0.5, seed: 7, ..DENSE };

struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 24 bits: exactly an f32.
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u32 << 24) as f32
    }
}

struct Generated {
    affinities: Vec<f32>,
    conflicts: Vec<bool>,
}

fn generate(spec: &Spec) -> Generated {
    let pairs = spec.entries * spec.reviewers;
    let mut random = SplitMix64(spec.seed);
    let popularity: Vec<f32> = (0..spec.reviewers).map(|_| random.unit()).collect();
    let mut affinities = Vec::with_capacity(pairs);
    let mut conflicts = Vec::with_capacity(pairs);
    for pair in 0..pairs {
        let own = random.unit();
        affinities.push((1.0 - spec.popularity) * own + spec.popularity * popularity[pair % spec.reviewers]);
        conflicts.push(f64::from(random.unit()) < spec.conflict_rate);
    }
    Generated { affinities, conflicts }
}

fn write_instance(spec: &Spec, generated: &Generated, path: &Path) -> std::io::Result<()> {
    let mut file = BufWriter::new(fs::File::create(path)?);
    for value in [spec.entries, spec.reviewers, spec.limits.per_entry, spec.limits.max_per_reviewer] {
        file.write_all(&(value as u64).to_le_bytes())?;
    }
    for affinity in &generated.affinities {
        file.write_all(&affinity.to_le_bytes())?;
    }
    let conflict_bytes: Vec<u8> = generated.conflicts.iter().map(|&c| u8::from(c)).collect();
    file.write_all(&conflict_bytes)?;
    file.flush()
}

/// The solver's instance; the generator's copy goes, so that peak memory is the solver's own.
fn build(spec: &Spec, generated: Generated) -> Instance {
    let affinities = generated.affinities.into_iter().map(f64::from).collect();
    let mut instance = Instance::dense(spec.entries, spec.reviewers, affinities, spec.limits).expect("valid instance");
    for (pair, _) in generated.conflicts.iter().enumerate().filter(|(_, conflict)| **conflict) {
        instance.add_conflict(pair / spec.reviewers, pair % spec.reviewers).expect("in range");
    }
    instance
}

/// A memory figure of this process from /proc/self/status, in MiB: `VmHWM` (peak resident since
/// the last [`reset_peak_memory`]) or `VmRSS` (resident now).
fn memory_mib(field: &str) -> f64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .unwrap_or(f64::NAN);
    kib / 1024.0
}

/// Makes VmHWM start again from the current RSS (Linux's clear_refs "5").
fn reset_peak_memory() {
    let _ = fs::write("/proc/self/clear_refs", "5");
}

struct Options {
    repeat: usize,
    ortools: bool,
    correlated: bool,
}

fn options() -> Options {
    let mut options = Options { repeat: 3, ortools: true, correlated: false };
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    while let Some(arg) = args.next() {
        let count = if arg == "--repeat" { args.next().and_then(|v| v.parse().ok()) } else { None };
        match (arg.as_str(), count) {
            ("--no-ortools", _) => options.ortools = false,
            ("--correlated", _) => options.correlated = true,
            ("--repeat", Some(n)) if n > 0 => options.repeat = n,
            _ => {
                eprintln!("assign bench: usage: [--repeat N] [--no-ortools] [--correlated]");
                std::process::exit(2);
            }
        }
    }
    options
}

struct OrTools {
    objective: i64,
    build_s: f64,
    solve_s: f64,
    peak_mib: f64,
}

fn run_ortools(python: &Path, script: &Path, instance_file: &Path) -> Result<OrTools, String> {
    let output = Command::new(python).arg(script).arg(instance_file).output().map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let value = |key: &str| {
        text.split_whitespace()
            .find_map(|field| field.strip_prefix(key)?.strip_prefix('='))
            .ok_or_else(|| format!("no {key} in {text:?}"))
    };
    let number = |key: &str| value(key)?.parse::<f64>().map_err(|e| e.to_string());
    Ok(OrTools {
        objective: value("objective")?.parse().map_err(|e: std::num::ParseIntError| e.to_string())?,
        build_s: number("build_s")?,
        solve_s: number("solve_s")?,
        peak_mib: number("peak_rss_mib")?,
    })
}

/// Solves `repeat` times (checking that every run gives the same assignment): the assignment and
/// the median and fastest times in seconds.
fn timed_solves(instance: &Instance, repeat: usize) -> (Assignment, f64, f64) {
    let mut times = Vec::with_capacity(repeat);
    let mut first: Option<Assignment> = None;
    for _ in 0..repeat {
        let started = Instant::now();
        let assignment = solve(instance).expect("the benchmark instances are feasible");
        times.push(started.elapsed().as_secs_f64());
        match &first {
            Some(first) => assert_eq!(first, &assignment, "the same instance gave two assignments"),
            None => first = Some(assignment),
        }
    }
    times.sort_by(f64::total_cmp);
    (first.expect("repeat > 0"), times[times.len() / 2], times[0])
}

fn main() {
    let options = options();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out_dir = root.join("target/assign-bench");
    fs::create_dir_all(&out_dir).expect("create target/assign-bench");
    let python = root.join("target/bench-tools/ortools/bin/python");
    let script = root.join("bench/assign_ortools.py");
    let compare = options.ortools && python.exists();
    if options.ortools && !compare {
        eprintln!("assign bench: no {}, so no OR-Tools baseline (see bench/assign_ortools.py)", python.display());
    }
    let specs: &[Spec] = if options.correlated { &[CYCLE, DENSE, CORRELATED] } else { &[CYCLE, DENSE] };

    println!(
        "| instance | pairs | solver | objective (scaled) | total affinity | build ms | solve ms | peak RSS MiB |"
    );
    println!("|---|---:|---|---:|---:|---:|---:|---:|");
    let mut verdicts = Vec::new();
    for spec in specs {
        let generated = generate(spec);
        let pairs = generated.conflicts.iter().filter(|&&c| !c).count();
        let instance_file = out_dir.join(format!("{}.bin", spec.name));
        if compare {
            write_instance(spec, &generated, &instance_file).expect("write the instance file");
        }

        let started = Instant::now();
        let instance = build(spec, generated);
        let build_ms = started.elapsed().as_secs_f64() * 1e3;
        reset_peak_memory();
        let instance_mib = memory_mib("VmRSS");
        let (assignment, median_s, fastest_s) = timed_solves(&instance, options.repeat);
        let peak_mib = memory_mib("VmHWM");
        drop(instance);
        println!(
            "| {} | {pairs} | kapok-assign (rounds: {}, candidate pairs: {}) | {} | {:.6} | {build_ms:.0} | {:.1} (fastest {:.1}, {} runs) | {peak_mib:.0} (matrix and conflicts {instance_mib:.0}) |",
            spec.name,
            assignment.stats.rounds,
            assignment.stats.candidate_pairs,
            assignment.scaled_total,
            assignment.total,
            median_s * 1e3,
            fastest_s * 1e3,
            options.repeat,
        );

        if compare {
            match run_ortools(&python, &script, &instance_file) {
                Ok(baseline) => {
                    println!(
                        "| {} | {pairs} | OR-Tools SimpleMinCostFlow | {} | | {:.0} | {:.1} | {:.0} |",
                        spec.name,
                        baseline.objective,
                        baseline.build_s * 1e3,
                        baseline.solve_s * 1e3,
                        baseline.peak_mib
                    );
                    let same = if baseline.objective == assignment.scaled_total { "equal" } else { "DIFFERENT" };
                    verdicts.push(format!(
                        "- {}: objectives {same}; OR-Tools solve / kapok-assign solve = {:.1}×, with OR-Tools' graph building {:.1}×",
                        spec.name,
                        baseline.solve_s / median_s,
                        (baseline.build_s + baseline.solve_s) / median_s
                    ));
                }
                Err(error) => eprintln!("assign bench: OR-Tools failed on {}: {error}", spec.name),
            }
        }
    }
    if !verdicts.is_empty() {
        println!("\n{}", verdicts.join("\n"));
    }
}
