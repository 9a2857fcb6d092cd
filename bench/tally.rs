//! The ranked-vote tallies on a million ballots over 15 alternatives: reading the PrefLib text, then
//! Schulze, Borda and instant-runoff, each timed on its own.
//!
//! `cargo bench -p kapok-tally --bench tally` prints a Markdown table (median of 5 runs a step) and
//! the peak resident memory. The ballots come from a fixed-seed splitmix64: alternatives have a
//! popularity, and each ballot orders them by popularity plus noise. 60 % are complete strict
//! orders, 30 % rank only their first 1 to 14, and 10 % tie neighbours now and then (complete or
//! not). Identical ballots are merged into one line with its count, as PrefLib files do.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use kapok_tally::{Method, Profile, parse_preflib, tally, write_preflib};

const BALLOTS: usize = 1_000_000;
const ALTERNATIVES: usize = 15;
const RUNS: usize = 5;
const SEED: u64 = 6;

struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..bound` (the modulo bias is far below anything a benchmark could see).
    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

/// One ballot's tie groups, best first.
fn random_ballot(random: &mut SplitMix64) -> Vec<Vec<usize>> {
    // Popularity falls with the alternative's number; the noise is wide enough to reorder a lot.
    let mut keys: Vec<(usize, usize)> = (0..ALTERNATIVES)
        .map(|alternative| (2 * (ALTERNATIVES - alternative) + random.below(24), alternative))
        .collect();
    keys.sort_unstable_by(|a, b| b.cmp(a));
    let order = keys.into_iter().map(|(_, alternative)| alternative);
    let kind = random.below(10);
    let ranked = if kind < 6 || (kind == 9 && random.below(2) == 0) { ALTERNATIVES } else { 1 + random.below(14) };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for alternative in order.take(ranked) {
        match groups.last_mut() {
            Some(group) if kind == 9 && random.below(4) == 0 => group.push(alternative),
            _ => groups.push(vec![alternative]),
        }
    }
    groups
}

/// A ballot in 128 bits, so that a million of them merge in a small map: the alternative at place
/// `i` in bits `4i..4i + 4`, whether it ties with the one before in bit `60 + i`, and how many are
/// ranked from bit 75.
fn pack(groups: &[Vec<usize>]) -> u128 {
    let mut packed = 0;
    let mut place = 0;
    for group in groups {
        for (index, &alternative) in group.iter().enumerate() {
            packed |= (alternative as u128) << (4 * place) | u128::from(index > 0) << (60 + place);
            place += 1;
        }
    }
    packed | (place as u128) << 75
}

fn unpack(packed: u128) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for place in 0..(packed >> 75) as usize {
        let alternative = (packed >> (4 * place)) as usize & 15;
        match groups.last_mut() {
            Some(group) if packed >> (60 + place) & 1 == 1 => group.push(alternative),
            _ => groups.push(vec![alternative]),
        }
    }
    groups
}

/// The ballots, identical ones merged in order of first appearance, as a profile.
fn random_profile() -> Profile {
    let mut random = SplitMix64(SEED);
    let mut weights: Vec<(u128, u64)> = Vec::new();
    let mut index_of: HashMap<u128, usize> = HashMap::new();
    for _ in 0..BALLOTS {
        let mut ballot = random_ballot(&mut random);
        ballot.iter_mut().for_each(|group| group.sort_unstable());
        let packed = pack(&ballot);
        match index_of.get(&packed) {
            Some(&index) => weights[index].1 += 1,
            None => {
                index_of.insert(packed, weights.len());
                weights.push((packed, 1));
            }
        }
    }
    let names = (1..=ALTERNATIVES).map(|number| format!("Shortlisted initiative {number}")).collect();
    let mut profile = Profile::new(names).expect("15 alternatives");
    for (packed, weight) in weights {
        profile.add_ballot(weight, unpack(packed)).expect("a valid ballot");
    }
    profile
}

/// The median time of `RUNS` runs, and the last run's result.
fn time<T>(mut step: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(RUNS);
    let mut result = None;
    for _ in 0..RUNS {
        // The previous run's result goes first, so that runs do not add up in memory.
        drop(result.take());
        let start = Instant::now();
        result = Some(black_box(step()));
        times.push(start.elapsed());
    }
    times.sort_unstable();
    (times[RUNS / 2], result.expect("RUNS > 0"))
}

fn row(step: &str, duration: Duration) {
    let per_second = BALLOTS as f64 / duration.as_secs_f64();
    println!("| {step} | {:.1} ms | {:.1} million |", duration.as_secs_f64() * 1e3, per_second / 1e6);
}

/// Starts the peak resident memory afresh (Linux), so that it measures reading and tallying, not
/// the generation of the ballots. Whether it could.
fn reset_peak_resident_memory() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn peak_resident_memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status.lines().find_map(|line| line.strip_prefix("VmHWM:")).map(str::trim);
    peak.unwrap_or("unknown (no /proc/self/status)").to_owned()
}

fn main() {
    let text = write_preflib(&random_profile());
    let lines = text.lines().filter(|line| !line.starts_with('#')).count();
    println!(
        "{BALLOTS} ballots over {ALTERNATIVES} alternatives in {lines} PrefLib lines ({:.1} MB); median of {RUNS} runs.\n",
        text.len() as f64 / 1e6
    );
    let peak_was_reset = reset_peak_resident_memory();
    println!("| Step | Time | Ballots/s |");
    println!("|---|---:|---:|");
    let (duration, profile) = time(|| parse_preflib(&text).expect("the generated text parses"));
    assert_eq!((profile.total_weight(), profile.ballot_count()), (BALLOTS as u64, lines));
    row("Read PrefLib text", duration);
    for method in Method::ALL {
        let (duration, ranking) = time(|| tally(method, &profile));
        let winner = ranking.winner().map_or("none", |winner| &profile.names()[winner]);
        row(&format!("Tally: {method} (winner: {winner})"), duration);
    }
    let scope = if peak_was_reset { "reading and tallying, with the text" } else { "the whole run" };
    println!("\nPeak resident memory (VmHWM, {scope}): {}", peak_resident_memory());
}
