//! The CLI's files, as text: OpenReview matcher layout, comma-separated, no header, no quoting.
//! Fields are trimmed; blank lines are skipped. Ids are numbered in order of first appearance, so
//! the output order follows the input, whatever the hashing.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt::{self, Write};

use crate::instance::{MAX_ABS_AFFINITY, is_valid_affinity};
use crate::solve::Assignment;

/// Ids in order of first appearance.
#[derive(Clone, Debug, Default)]
pub struct Ids {
    names: Vec<String>,
    index: HashMap<String, usize>,
}

impl Ids {
    /// The index of `name`, numbering it if new.
    fn intern(&mut self, name: &str) -> usize {
        if let Some(&index) = self.index.get(name) {
            return index;
        }
        self.names.push(name.to_owned());
        self.index.insert(name.to_owned(), self.names.len() - 1);
        self.names.len() - 1
    }

    pub fn get(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    pub fn name(&self, index: usize) -> &str {
        &self.names[index]
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// A parsed score file.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    pub entries: Ids,
    pub reviewers: Ids,
    /// `(entry, reviewer, affinity)` in file order.
    pub pairs: Vec<(usize, usize, f64)>,
}

/// A line of an input file that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    /// 1-based.
    pub line: usize,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    FieldCount {
        expected: &'static str,
        found: usize,
    },
    EmptyId {
        field: &'static str,
    },
    AffinityNotANumber {
        text: String,
    },
    /// NaN, infinite, or beyond ±[`MAX_ABS_AFFINITY`].
    AffinityOutOfRange {
        text: String,
    },
    /// Not a whole number, 0 or more.
    BadQuota {
        text: String,
    },
    /// A score given twice: which one is meant is anyone's guess.
    DuplicateScore {
        entry: String,
        reviewer: String,
        first_line: usize,
    },
    /// A quota given twice.
    DuplicateQuota {
        reviewer: String,
        first_line: usize,
    },
    /// An entry in the conflict file that the scores never name (likely a typo).
    UnknownEntry {
        id: String,
    },
    /// A reviewer in the conflict file that the scores and quotas never name.
    UnknownReviewer {
        id: String,
    },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: ", self.line)?;
        match &self.problem {
            Problem::FieldCount { expected, found } => write!(f, "expected {expected}, found {found}"),
            Problem::EmptyId { field } => write!(f, "the {field} id is empty"),
            Problem::AffinityNotANumber { text } => write!(f, "the affinity {text:?} is not a number"),
            Problem::AffinityOutOfRange { text } => {
                write!(f, "the affinity {text} is not a finite number within ±{MAX_ABS_AFFINITY}")
            }
            Problem::BadQuota { text } => write!(f, "the quota {text:?} is not a whole number (0 or more)"),
            Problem::DuplicateScore { entry, reviewer, first_line } => {
                write!(f, "entry {entry} and reviewer {reviewer} already have a score, on line {first_line}")
            }
            Problem::DuplicateQuota { reviewer, first_line } => {
                write!(f, "reviewer {reviewer} already has a quota, on line {first_line}")
            }
            Problem::UnknownEntry { id } => write!(f, "entry {id} appears in no score"),
            Problem::UnknownReviewer { id } => write!(f, "reviewer {id} appears in no score or quota"),
        }
    }
}

impl std::error::Error for ParseError {}

/// The non-blank lines, numbered from 1, split on commas and trimmed.
fn records(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| (index + 1, line.split(',').map(str::trim).collect()))
}

fn fields<'a, const N: usize>(
    line: usize,
    record: &[&'a str],
    expected: &'static str,
    ids: &[&'static str],
) -> Result<[&'a str; N], ParseError> {
    let fields: [&str; N] = record
        .try_into()
        .map_err(|_| ParseError { line, problem: Problem::FieldCount { expected, found: record.len() } })?;
    for (&value, &field) in fields.iter().zip(ids) {
        if value.is_empty() {
            return Err(ParseError { line, problem: Problem::EmptyId { field } });
        }
    }
    Ok(fields)
}

/// Reads `entry,reviewer,affinity` lines. A pair given twice is an error.
pub fn parse_scores(text: &str) -> Result<Scores, ParseError> {
    let mut scores = Scores::default();
    let mut first_line = HashMap::new();
    for (line, record) in records(text) {
        let [entry, reviewer, affinity] =
            fields(line, &record, "3 fields (entry,reviewer,affinity)", &["entry", "reviewer"])?;
        let value: f64 = affinity
            .parse()
            .map_err(|_| ParseError { line, problem: Problem::AffinityNotANumber { text: affinity.to_owned() } })?;
        if !is_valid_affinity(value) {
            return Err(ParseError { line, problem: Problem::AffinityOutOfRange { text: affinity.to_owned() } });
        }
        let pair = (scores.entries.intern(entry), scores.reviewers.intern(reviewer));
        match first_line.entry(pair) {
            Entry::Occupied(first) => {
                return Err(ParseError {
                    line,
                    problem: Problem::DuplicateScore {
                        entry: entry.to_owned(),
                        reviewer: reviewer.to_owned(),
                        first_line: *first.get(),
                    },
                });
            }
            Entry::Vacant(vacant) => {
                vacant.insert(line);
            }
        }
        scores.pairs.push((pair.0, pair.1, value));
    }
    Ok(scores)
}

/// Reads `reviewer,max` lines; a reviewer the scores never name is added (all their affinities
/// are 0). A reviewer given twice is an error.
pub fn parse_quotas(text: &str, reviewers: &mut Ids) -> Result<Vec<(usize, usize)>, ParseError> {
    let mut quotas = Vec::new();
    let mut first_line = HashMap::new();
    for (line, record) in records(text) {
        let [reviewer, max] = fields(line, &record, "2 fields (reviewer,max)", &["reviewer"])?;
        let max: usize =
            max.parse().map_err(|_| ParseError { line, problem: Problem::BadQuota { text: max.to_owned() } })?;
        let index = reviewers.intern(reviewer);
        if let Some(first_line) = first_line.insert(index, line) {
            return Err(ParseError {
                line,
                problem: Problem::DuplicateQuota { reviewer: reviewer.to_owned(), first_line },
            });
        }
        quotas.push((index, max));
    }
    Ok(quotas)
}

/// Reads `entry,reviewer` lines. A conflict given twice is harmless; an unknown id is an error.
pub fn parse_conflicts(text: &str, entries: &Ids, reviewers: &Ids) -> Result<Vec<(usize, usize)>, ParseError> {
    let mut conflicts = Vec::new();
    for (line, record) in records(text) {
        let [entry, reviewer] = fields(line, &record, "2 fields (entry,reviewer)", &["entry", "reviewer"])?;
        let entry = entries
            .get(entry)
            .ok_or_else(|| ParseError { line, problem: Problem::UnknownEntry { id: entry.to_owned() } })?;
        let reviewer = reviewers
            .get(reviewer)
            .ok_or_else(|| ParseError { line, problem: Problem::UnknownReviewer { id: reviewer.to_owned() } })?;
        conflicts.push((entry, reviewer));
    }
    Ok(conflicts)
}

/// `entry,reviewer,affinity` lines, sorted by entry then reviewer in order of first appearance;
/// affinities as given (shortest form that reads back the same float).
pub fn format_assignment(assignment: &Assignment, entries: &Ids, reviewers: &Ids) -> String {
    let mut text = String::new();
    for pair in &assignment.pairs {
        let (entry, reviewer) = (entries.name(pair.entry), reviewers.name(pair.reviewer));
        writeln!(text, "{entry},{reviewer},{}", pair.affinity).expect("writing to a String cannot fail");
    }
    text
}
