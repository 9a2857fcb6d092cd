//! `run`: the CLI's files as text in, the assignment file and total out; errors that name the
//! file, the line and the problem; infeasibility in words, with the files' ids.

use kapok_assign::{AssignError, Infeasible, ParseError, Problem, parse_conflicts, parse_quotas, parse_scores, run};

const SCORES: &str = "\
e1,alice,0.9
e1,bob,0.2
e2,alice,0.8
e2,carol,0.7
e3,bob,0.5
e3,carol,-0.1
";

#[test]
fn run_assigns_and_formats_by_entry_then_reviewer_in_input_order() {
    // alice is conflicted with e2; dave appears only in the quotas (quota 1, affinity 0 with
    // everyone). e2's second reviewer is bob or dave (0 either way), but bob takes two entries
    // and e1 and e3 value him more: e2 gets dave, and e3, whose next best is 0, alice.
    let outcome = run(SCORES, Some("e2,alice\n"), Some("dave,1\n"), 2, 2).unwrap();
    assert_eq!(outcome.csv, "e1,alice,0.9\ne1,bob,0.2\ne2,carol,0.7\ne2,dave,0\ne3,alice,0\ne3,bob,0.5\n");
    assert!((outcome.total - 2.3).abs() < 1e-12, "total {}", outcome.total);
}

#[test]
fn blank_lines_crlf_and_spaces_around_fields_are_accepted() {
    let outcome = run("\r\n e1 , r1 , 0.5 \r\n\r\ne1,r2,0.25\r\n", Some("\n"), None, 2, 1).unwrap();
    assert_eq!(outcome.csv, "e1,r1,0.5\ne1,r2,0.25\n");
}

#[test]
fn duplicate_conflicts_are_harmless() {
    let conflicts = "e1,r1\ne1,r1\n";
    let outcome = run("e1,r1,0.9\ne1,r2,0.1\n", Some(conflicts), None, 1, 1).unwrap();
    assert_eq!(outcome.csv, "e1,r2,0.1\n");
}

fn scores_error(text: &str) -> String {
    match run(text, None, None, 1, 1) {
        Err(error @ AssignError::Scores(_)) => error.to_string(),
        other => panic!("expected a scores error, got {other:?}"),
    }
}

#[test]
fn score_lines_that_cannot_be_read_are_named_with_their_number() {
    assert_eq!(scores_error("e1,r1"), "scores, line 1: expected 3 fields (entry,reviewer,affinity), found 2");
    assert_eq!(scores_error("e1,r1,0.5,x"), "scores, line 1: expected 3 fields (entry,reviewer,affinity), found 4");
    assert_eq!(scores_error("e1,r1,0.5\ne2,r1,high"), "scores, line 2: the affinity \"high\" is not a number");
    assert_eq!(scores_error("e1,r1,0.5\n\n,r1,0.5"), "scores, line 3: the entry id is empty");
    assert_eq!(scores_error("e1, ,0.5"), "scores, line 1: the reviewer id is empty");
    assert_eq!(scores_error("e1,r1,NaN"), "scores, line 1: the affinity NaN is not a finite number within ±1000000");
    assert_eq!(scores_error("e1,r1,-inf"), "scores, line 1: the affinity -inf is not a finite number within ±1000000");
    assert_eq!(scores_error("e1,r1,2e6"), "scores, line 1: the affinity 2e6 is not a finite number within ±1000000");
    assert_eq!(
        scores_error("e1,r1,0.5\ne1,r2,0.5\ne1,r1,0.7"),
        "scores, line 3: entry e1 and reviewer r1 already have a score, on line 1"
    );
    assert_eq!(
        scores_error("entry,reviewer,affinity\ne1,r1,0.5"),
        "scores, line 1: the affinity \"affinity\" is not a number"
    );
}

#[test]
fn quota_and_conflict_lines_that_cannot_be_read_are_named_with_their_number() {
    let error =
        |conflicts: Option<&str>, quotas: Option<&str>| run(SCORES, conflicts, quotas, 1, 3).unwrap_err().to_string();
    assert_eq!(
        error(None, Some("alice,2\nbob,two")),
        "quotas, line 2: the quota \"two\" is not a whole number (0 or more)"
    );
    assert_eq!(error(None, Some("alice,-1")), "quotas, line 1: the quota \"-1\" is not a whole number (0 or more)");
    assert_eq!(error(None, Some("alice,2\nalice,3")), "quotas, line 2: reviewer alice already has a quota, on line 1");
    assert_eq!(error(None, Some("alice")), "quotas, line 1: expected 2 fields (reviewer,max), found 1");
    assert_eq!(error(Some("e1,bob\ne9,bob"), None), "conflicts, line 2: entry e9 appears in no score");
    assert_eq!(error(Some("e1,zoe"), None), "conflicts, line 1: reviewer zoe appears in no score or quota");
    assert_eq!(error(Some("e1,alice,x"), None), "conflicts, line 1: expected 2 fields (entry,reviewer), found 3");
    // A reviewer named only in the quotas may be in a conflict.
    assert!(run(SCORES, Some("e1,zoe"), Some("zoe,1"), 1, 3).is_ok());
}

#[test]
fn parsers_number_ids_in_order_of_first_appearance() {
    let mut scores = parse_scores("b,y,1\na,x,2\nb,x,3\n").unwrap();
    assert_eq!((scores.entries.name(0), scores.entries.name(1)), ("b", "a"));
    assert_eq!(scores.pairs, vec![(0, 0, 1.0), (1, 1, 2.0), (0, 1, 3.0)]);
    let quotas = parse_quotas("x,4\nz,0\n", &mut scores.reviewers).unwrap();
    assert_eq!(quotas, vec![(1, 4), (2, 0)]);
    assert_eq!(scores.reviewers.name(2), "z");
    let conflicts = parse_conflicts("a,z\n", &scores.entries, &scores.reviewers).unwrap();
    assert_eq!(conflicts, vec![(1, 2)]);
    let error = parse_conflicts("\na,w\n", &scores.entries, &scores.reviewers).unwrap_err();
    assert_eq!(error, ParseError { line: 2, problem: Problem::UnknownReviewer { id: "w".into() } });
}

fn infeasible(scores: &str, conflicts: Option<&str>, quotas: Option<&str>, per_entry: usize, max: usize) -> String {
    match run(scores, conflicts, quotas, per_entry, max) {
        Err(error @ AssignError::Infeasible(_)) => error.to_string(),
        other => panic!("expected infeasibility, got {other:?}"),
    }
}

#[test]
fn too_little_capacity_overall_is_explained() {
    let scores = "e1,r1,1\ne2,r1,1\ne3,r2,1\n";
    assert_eq!(
        infeasible(scores, None, None, 2, 1),
        "no assignment is possible: total reviewer capacity 2 is less than 3 entries × k = 2 = 6"
    );
    // A reviewer cannot use more of a quota than there are entries.
    assert_eq!(
        infeasible(scores, None, Some("r1,100"), 2, 1),
        "no assignment is possible: total reviewer capacity 4 is less than 3 entries × k = 2 = 6"
    );
}

#[test]
fn an_entry_with_too_few_reviewers_is_named() {
    let scores = "e1,r1,1\ne2,r2,1\ne2,r3,1\n";
    assert_eq!(
        infeasible(scores, Some("e1,r2\ne1,r3\n"), None, 2, 5),
        "no assignment is possible: entry e1 has only 1 non-conflicted reviewer, k = 2"
    );
    // A reviewer with quota 0 is no reviewer.
    assert_eq!(
        infeasible(scores, Some("e1,r2\n"), Some("r3,0"), 2, 5),
        "no assignment is possible: entry e1 has only 1 non-conflicted reviewer, k = 2"
    );
    assert_eq!(
        infeasible(scores, Some("e1,r1\ne1,r2\ne1,r3\n"), None, 1, 5),
        "no assignment is possible: entry e1 has no non-conflicted reviewer, k = 1"
    );
}

#[test]
fn a_group_of_entries_short_of_reviewers_is_named() {
    // e1, e2, e3 may only be reviewed by r1 and r2, who take 2 entries each; e4 is free.
    let scores = "e1,r1,0.5\ne1,r2,0.5\ne2,r1,0.5\ne2,r2,0.5\ne3,r1,0.5\ne3,r2,0.5\ne4,r3,1\ne4,r4,1\ne4,r1,-1\n";
    let conflicts = "e1,r3\ne1,r4\ne2,r3\ne2,r4\ne3,r3\ne3,r4\n";
    assert_eq!(
        infeasible(scores, Some(conflicts), Some("r1,2\nr2,2\n"), 2, 5),
        "no assignment is possible: entries e1, e2, e3 need 6 reviews but their 2 non-conflicted reviewers can take only 4"
    );
}

#[test]
fn long_groups_are_shortened_in_words_but_kept_whole_in_data() {
    let reason = Infeasible::EntryGroup { entries: (1..=12).collect(), reviewers: 3, demand: 36, supply: 30 };
    assert_eq!(
        reason.to_string(),
        "entries 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more need 36 reviews but their 3 non-conflicted reviewers can take only 30"
    );
    let named = reason.map_entries(|entry| format!("E{entry}"));
    let Infeasible::EntryGroup { entries, .. } = &named else { panic!("still a group") };
    assert_eq!(entries.len(), 12);
    assert_eq!(entries[11], "E12");
}
