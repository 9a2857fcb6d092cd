//! Kapok's integration tests: one test binary (fast to build), one module per area.

mod api;
mod fixtures;
mod harness;
mod pages;
mod storage;
