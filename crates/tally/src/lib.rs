//! Ranked-vote tallies (see issue 6).
