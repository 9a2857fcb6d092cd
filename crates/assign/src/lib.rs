//! Reviewer assignment engine (see issue 6).
