//! Cross-checks the three methods with pref_voting (PyPI) on many random profiles.
//!
//! Writes each profile as a PrefLib file, has `pref_voting_check.py` tally them all with the Python
//! at `KAPOK_PREF_VOTING_PYTHON` (bin/test installs one), and compares: the Schulze winners and
//! whole beats relation, every Borda score, and the instant-runoff winners and eliminations round by
//! round; for strict complete profiles also pref_voting's methods for linear orders. Without that
//! Python the test is skipped, unless `KAPOK_REQUIRE_PREF_VOTING=1`.

mod support;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

use kapok_tally::{DataType, Profile, borda_scores, instant_runoff, schulze, write_preflib};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use support::Shape;

const CASES: usize = 2000;

fn python() -> Option<String> {
    match std::env::var("KAPOK_PREF_VOTING_PYTHON") {
        Ok(python) if !python.is_empty() => Some(python),
        _ => {
            let required = std::env::var("KAPOK_REQUIRE_PREF_VOTING").is_ok_and(|value| value == "1");
            assert!(
                !required,
                "KAPOK_REQUIRE_PREF_VOTING=1, but KAPOK_PREF_VOTING_PYTHON is not set (bin/test sets it)"
            );
            eprintln!("skipped: set KAPOK_PREF_VOTING_PYTHON to a Python with pref_voting to cross-check the tallies");
            None
        }
    }
}

/// Case `index`: the four PrefLib data types in turn, 2 to 9 alternatives, mostly a few ballots (so
/// many ties between alternatives) and every tenth case 50 to 150.
fn shape(index: usize) -> Shape {
    let (ties, truncation) = [(false, false), (false, true), (true, false), (true, true)][index % 4];
    let alternatives = 2 + index / 4 % 8;
    let ballots = if index % 10 == 9 { 50..=150 } else { 1..=25 };
    Shape { alternatives: alternatives..=alternatives, ballots, weights: 1..=5, ties, truncation }
}

fn random_profiles() -> Vec<Profile> {
    let mut runner = TestRunner::deterministic();
    (0..CASES)
        .map(|index| support::profile(shape(index)).new_tree(&mut runner).expect("a random profile").current())
        .collect()
}

/// pref_voting's results by file name, then by key (see `pref_voting_check.py`).
type Results = HashMap<String, HashMap<String, Vec<String>>>;

fn tally_with_pref_voting(python: &str, directory: &Path) -> Results {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pref_voting_check.py");
    let output = Command::new(python).arg(script).arg(directory).output().expect("cannot run KAPOK_PREF_VOTING_PYTHON");
    assert!(output.status.success(), "pref_voting_check.py failed:\n{}", String::from_utf8_lossy(&output.stderr));
    let mut results = Results::new();
    for line in String::from_utf8(output.stdout).unwrap().lines() {
        let mut words = line.split(' ').map(str::to_owned);
        let (file, key) = (words.next().unwrap(), words.next().unwrap());
        results.entry(file).or_default().insert(key, words.collect());
    }
    results
}

/// A file's alternative number as the profile numbers it.
fn alternative(number: &str) -> usize {
    number.parse::<usize>().unwrap() - 1
}

fn alternatives(numbers: &[String]) -> BTreeSet<usize> {
    numbers.iter().map(|number| alternative(number)).collect()
}

/// `"3:-2"` as `(2, -2)`.
fn scores(values: &[String]) -> Vec<(usize, i128)> {
    let score = |value: &String| {
        let (number, score) = value.split_once(':').unwrap();
        (alternative(number), score.parse().unwrap())
    };
    values.iter().map(score).collect()
}

/// The Schulze tie groups that a beats relation gives: in turn, those nobody unplaced beats.
fn groups_of_relation(count: usize, beats: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut unplaced: Vec<usize> = (0..count).collect();
    let mut groups = Vec::new();
    while !unplaced.is_empty() {
        let (unbeaten, beaten): (Vec<usize>, Vec<usize>) = unplaced
            .iter()
            .partition(|&&loser| !beats.iter().any(|&(winner, beaten)| beaten == loser && unplaced.contains(&winner)));
        if unbeaten.is_empty() {
            // Not a partial order: report the rest as one group, which cannot match.
            groups.push(beaten);
            break;
        }
        groups.push(unbeaten);
        unplaced = beaten;
    }
    groups
}

/// What differs between kapok-tally and pref_voting on one profile.
fn differences(profile: &Profile, results: &HashMap<String, Vec<String>>) -> Vec<String> {
    let mut differences = Vec::new();
    let mut compare = |what: &str, ours: String, theirs: String| {
        if ours != theirs {
            differences.push(format!("{what}: kapok-tally {ours}, pref_voting {theirs}"));
        }
    };
    let count = profile.alternative_count();
    let voters = i128::from(profile.total_weight());

    let ranking = schulze(profile);
    let top: BTreeSet<usize> = ranking.groups()[0].iter().copied().collect();
    compare("Schulze winners", format!("{top:?}"), format!("{:?}", alternatives(&results["schulze_winners"])));
    let beats: Vec<(usize, usize)> = results["schulze_defeats"]
        .iter()
        .map(|pair| pair.split_once('>').map(|(winner, loser)| (alternative(winner), alternative(loser))).unwrap())
        .collect();
    compare("Schulze groups", format!("{:?}", ranking.groups()), format!("{:?}", groups_of_relation(count, &beats)));

    // Averaged Borda points are pref_voting's symmetric scores shifted by m - 1 and halved.
    let ours = borda_scores(profile);
    for (alternative, symmetric) in scores(&results["borda"]) {
        let expected = symmetric + voters * (count as i128 - 1);
        compare(
            &format!("Borda half points of {alternative}"),
            ours[alternative].half_points().to_string(),
            expected.to_string(),
        );
    }

    let ranking = instant_runoff(profile);
    let eliminations = results["irv_eliminated"].iter().rev().map(|round| round.split(',').map(alternative).collect());
    let mut expected: Vec<Vec<usize>> = vec![alternatives(&results["irv_winners"]).into_iter().collect()];
    expected.extend(eliminations);
    compare("instant-runoff groups", format!("{:?}", ranking.groups()), format!("{expected:?}"));

    if let Some(winners) = results.get("linear_schulze_winners") {
        let top: BTreeSet<usize> = schulze(profile).groups()[0].iter().copied().collect();
        compare("Schulze winners (linear orders)", format!("{top:?}"), format!("{:?}", alternatives(winners)));
        for (alternative, points) in scores(&results["linear_borda"]) {
            let half_points = ours[alternative].half_points().to_string();
            compare(
                &format!("Borda half points of {alternative} (linear orders)"),
                half_points,
                (2 * points).to_string(),
            );
        }
        let top: BTreeSet<usize> = ranking.groups()[0].iter().copied().collect();
        let theirs = alternatives(&results["linear_irv_winners"]);
        compare("instant-runoff winners (linear orders)", format!("{top:?}"), format!("{theirs:?}"));
    }
    differences
}

#[test]
fn agrees_with_pref_voting_on_random_profiles() {
    let Some(python) = python() else { return };
    let directory = Path::new(env!("CARGO_TARGET_TMPDIR")).join("kapok-tally-pref-voting");
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).unwrap();
    let profiles = random_profiles();
    let files: Vec<String> = profiles
        .iter()
        .enumerate()
        .map(|(index, profile)| {
            let file = format!("case-{index:04}.{}", DataType::of(profile).name());
            std::fs::write(directory.join(&file), write_preflib(profile)).unwrap();
            file
        })
        .collect();

    let results = tally_with_pref_voting(&python, &directory);
    let mut failures = Vec::new();
    for (file, profile) in files.iter().zip(&profiles) {
        let Some(results) = results.get(file) else {
            failures.push(format!("{file}: no result from pref_voting"));
            continue;
        };
        failures.extend(differences(profile, results).into_iter().map(|difference| format!("{file}: {difference}")));
    }
    assert!(
        failures.is_empty(),
        "{} differences with pref_voting (alternatives numbered from 0; files in {}):\n{}",
        failures.len(),
        directory.display(),
        failures[..failures.len().min(20)].join("\n")
    );
    std::fs::remove_dir_all(&directory).unwrap();
    eprintln!("kapok-tally agrees with pref_voting on {CASES} random profiles");
}
