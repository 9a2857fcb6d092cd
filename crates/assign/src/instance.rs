//! The problem: who may review what, how much each pairing is worth, and how much each side needs.

use std::fmt;

/// Affinities are compared as integers, `round(affinity × 10^6)`: the optimum is exact for these
/// integers (and comparable with an integer min-cost-flow solver), while totals are reported as
/// the sum of the original floats.
pub const AFFINITY_SCALE: f64 = 1e6;

/// The largest accepted |affinity|: scaled values stay within ±10^12 (see [`MAX_NODES`]).
pub const MAX_ABS_AFFINITY: f64 = 1e6;

/// The most entries and reviewers together (about 4 million): flow potentials, bounded by
/// nodes × 2 × 10^12, then stay within i64, and indices within u32.
pub const MAX_NODES: usize = 1 << 22;

/// An affinity as the integer the solver optimises.
pub(crate) fn scaled(affinity: f64) -> i64 {
    (affinity * AFFINITY_SCALE).round() as i64
}

/// How many reviewers each entry needs, and how many entries a reviewer takes unless a quota says
/// otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// k: every entry gets exactly this many distinct reviewers.
    pub per_entry: usize,
    /// L: the default most entries per reviewer (see [`Instance::set_quota`]).
    pub max_per_reviewer: usize,
}

/// An assignment problem over numeric entry and reviewer indices.
///
/// Every (entry, reviewer) pair that is not a conflict may be assigned; a pair without a given
/// affinity (in a sparse instance) has affinity 0, as in OpenReview's matcher, where a missing
/// score means "no information", neither good nor bad.
#[derive(Clone, Debug)]
pub struct Instance {
    entries: usize,
    reviewers: usize,
    affinities: Affinities,
    /// Per entry, the conflicted reviewers, sorted and distinct.
    conflicts: Vec<Vec<u32>>,
    /// Per reviewer, the most entries they take (L or their quota).
    quotas: Vec<usize>,
    per_entry: usize,
}

#[derive(Clone, Debug)]
enum Affinities {
    /// Row-major, `entries × reviewers`.
    Dense(Vec<f64>),
    /// Compressed rows: the given pairs of entry `e` are `row_start[e]..row_start[e + 1]`,
    /// sorted by reviewer.
    Sparse { row_start: Vec<usize>, reviewer: Vec<u32>, affinity: Vec<f64> },
}

/// Why an [`Instance`] could not be built or changed.
#[derive(Clone, Debug, PartialEq)]
pub enum InstanceError {
    /// More than [`MAX_NODES`] entries and reviewers together.
    TooLarge {
        entries: usize,
        reviewers: usize,
    },
    /// A dense matrix whose length is not `entries × reviewers`.
    WrongLength {
        expected: usize,
        found: usize,
    },
    EntryOutOfRange {
        entry: usize,
        entries: usize,
    },
    ReviewerOutOfRange {
        reviewer: usize,
        reviewers: usize,
    },
    /// NaN, infinite, or beyond ±[`MAX_ABS_AFFINITY`].
    BadAffinity {
        entry: usize,
        reviewer: usize,
        affinity: f64,
    },
    /// A sparse instance given two affinities for one pair.
    DuplicatePair {
        entry: usize,
        reviewer: usize,
    },
}

impl fmt::Display for InstanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { entries, reviewers } => {
                write!(
                    f,
                    "{entries} entries and {reviewers} reviewers are more than the solver takes ({MAX_NODES} in all)"
                )
            }
            Self::WrongLength { expected, found } => {
                write!(f, "the affinity matrix has {found} values, expected entries × reviewers = {expected}")
            }
            Self::EntryOutOfRange { entry, entries } => write!(f, "entry {entry} is out of range (0..{entries})"),
            Self::ReviewerOutOfRange { reviewer, reviewers } => {
                write!(f, "reviewer {reviewer} is out of range (0..{reviewers})")
            }
            Self::BadAffinity { entry, reviewer, affinity } => write!(
                f,
                "affinity {affinity} of entry {entry} and reviewer {reviewer} is not a finite number within ±{MAX_ABS_AFFINITY}"
            ),
            Self::DuplicatePair { entry, reviewer } => {
                write!(f, "entry {entry} and reviewer {reviewer} are given two affinities")
            }
        }
    }
}

impl std::error::Error for InstanceError {}

/// Whether an affinity is one the solver accepts (finite, within ±[`MAX_ABS_AFFINITY`]).
pub(crate) fn is_valid_affinity(affinity: f64) -> bool {
    affinity.is_finite() && affinity.abs() <= MAX_ABS_AFFINITY
}

impl Instance {
    /// An instance with every affinity given: `affinities[entry * reviewers + reviewer]`. The
    /// matrix is moved in, not copied.
    pub fn dense(
        entries: usize,
        reviewers: usize,
        affinities: Vec<f64>,
        limits: Limits,
    ) -> Result<Self, InstanceError> {
        check_size(entries, reviewers)?;
        let expected = entries.checked_mul(reviewers).ok_or(InstanceError::TooLarge { entries, reviewers })?;
        if affinities.len() != expected {
            return Err(InstanceError::WrongLength { expected, found: affinities.len() });
        }
        if let Some(position) = affinities.iter().position(|&a| !is_valid_affinity(a)) {
            return Err(InstanceError::BadAffinity {
                entry: position / reviewers,
                reviewer: position % reviewers,
                affinity: affinities[position],
            });
        }
        Ok(Self::new(entries, reviewers, Affinities::Dense(affinities), limits))
    }

    /// An instance from `(entry, reviewer, affinity)` triples, in any order; missing pairs have
    /// affinity 0.
    pub fn sparse(
        entries: usize,
        reviewers: usize,
        affinities: impl IntoIterator<Item = (usize, usize, f64)>,
        limits: Limits,
    ) -> Result<Self, InstanceError> {
        check_size(entries, reviewers)?;
        let mut triples = Vec::new();
        for (entry, reviewer, affinity) in affinities {
            check_entry(entry, entries)?;
            check_reviewer(reviewer, reviewers)?;
            if !is_valid_affinity(affinity) {
                return Err(InstanceError::BadAffinity { entry, reviewer, affinity });
            }
            triples.push((entry as u32, reviewer as u32, affinity));
        }
        triples.sort_unstable_by_key(|&(entry, reviewer, _)| (entry, reviewer));
        if let Some(pair) = triples.windows(2).find(|pair| (pair[0].0, pair[0].1) == (pair[1].0, pair[1].1)) {
            return Err(InstanceError::DuplicatePair { entry: pair[0].0 as usize, reviewer: pair[0].1 as usize });
        }
        let mut row_start = vec![0; entries + 1];
        for &(entry, _, _) in &triples {
            row_start[entry as usize + 1] += 1;
        }
        for entry in 0..entries {
            row_start[entry + 1] += row_start[entry];
        }
        let affinities = Affinities::Sparse {
            row_start,
            reviewer: triples.iter().map(|t| t.1).collect(),
            affinity: triples.iter().map(|t| t.2).collect(),
        };
        Ok(Self::new(entries, reviewers, affinities, limits))
    }

    fn new(entries: usize, reviewers: usize, affinities: Affinities, limits: Limits) -> Self {
        Self {
            entries,
            reviewers,
            affinities,
            conflicts: vec![Vec::new(); entries],
            quotas: vec![limits.max_per_reviewer; reviewers],
            per_entry: limits.per_entry,
        }
    }

    /// Forbids a pair (a hard constraint). Adding the same conflict twice is harmless.
    pub fn add_conflict(&mut self, entry: usize, reviewer: usize) -> Result<(), InstanceError> {
        check_entry(entry, self.entries)?;
        check_reviewer(reviewer, self.reviewers)?;
        let row = &mut self.conflicts[entry];
        if let Err(position) = row.binary_search(&(reviewer as u32)) {
            row.insert(position, reviewer as u32);
        }
        Ok(())
    }

    /// Sets the most entries this reviewer takes, instead of L (higher or lower; 0 = none).
    pub fn set_quota(&mut self, reviewer: usize, max: usize) -> Result<(), InstanceError> {
        check_reviewer(reviewer, self.reviewers)?;
        self.quotas[reviewer] = max;
        Ok(())
    }

    pub fn entries(&self) -> usize {
        self.entries
    }

    pub fn reviewers(&self) -> usize {
        self.reviewers
    }

    pub fn per_entry(&self) -> usize {
        self.per_entry
    }

    /// The most entries this reviewer takes (L or their quota).
    pub fn quota(&self, reviewer: usize) -> usize {
        self.quotas[reviewer]
    }

    pub fn is_conflict(&self, entry: usize, reviewer: usize) -> bool {
        self.conflicts[entry].binary_search(&(reviewer as u32)).is_ok()
    }

    /// The affinity of a pair (0 where a sparse instance gives none).
    pub fn affinity(&self, entry: usize, reviewer: usize) -> f64 {
        match &self.affinities {
            Affinities::Dense(values) => values[entry * self.reviewers + reviewer],
            Affinities::Sparse { row_start, reviewer: reviewers, affinity } => {
                let range = row_start[entry]..row_start[entry + 1];
                match reviewers[range.clone()].binary_search(&(reviewer as u32)) {
                    Ok(offset) => affinity[range.start + offset],
                    Err(_) => 0.0,
                }
            }
        }
    }

    /// The affinities of one entry with every reviewer: a slice of the matrix when dense, else
    /// written into `scratch`.
    pub(crate) fn row<'a>(&'a self, entry: usize, scratch: &'a mut Vec<f64>) -> &'a [f64] {
        match &self.affinities {
            Affinities::Dense(values) => &values[entry * self.reviewers..(entry + 1) * self.reviewers],
            Affinities::Sparse { row_start, reviewer, affinity } => {
                scratch.clear();
                scratch.resize(self.reviewers, 0.0);
                for given in row_start[entry]..row_start[entry + 1] {
                    scratch[reviewer[given] as usize] = affinity[given];
                }
                scratch
            }
        }
    }

    /// The conflicted reviewers of an entry, sorted.
    pub(crate) fn conflicts_of(&self, entry: usize) -> &[u32] {
        &self.conflicts[entry]
    }
}

fn check_size(entries: usize, reviewers: usize) -> Result<(), InstanceError> {
    if entries.checked_add(reviewers).is_none_or(|nodes| nodes > MAX_NODES) {
        return Err(InstanceError::TooLarge { entries, reviewers });
    }
    Ok(())
}

fn check_entry(entry: usize, entries: usize) -> Result<(), InstanceError> {
    if entry >= entries {
        return Err(InstanceError::EntryOutOfRange { entry, entries });
    }
    Ok(())
}

fn check_reviewer(reviewer: usize, reviewers: usize) -> Result<(), InstanceError> {
    if reviewer >= reviewers {
        return Err(InstanceError::ReviewerOutOfRange { reviewer, reviewers });
    }
    Ok(())
}
