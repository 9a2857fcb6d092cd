//! The evaluation of entries: screening, and the audit trail every state change of the
//! evaluation goes into. Pure; the engines for assignment and ranked votes live in the
//! `kapok-assign` and `kapok-tally` crates.

pub mod affinity;
pub mod audit;
pub mod conflicts;
pub mod decisions;
pub mod review;
pub mod scoring;
pub mod screening;
