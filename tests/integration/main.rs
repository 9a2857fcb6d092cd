//! Kapok's integration tests: one test binary (fast to build), one module per area.

mod accounts;
mod api;
mod applications;
mod attachments;
mod browser;
mod cli;
mod demo;
mod evaluation;
mod fixtures;
mod harness;
mod library;
mod pages;
mod permissions;
mod smtp;
mod storage;
mod vote;
