//! Kapok: runs an international award for urban innovation end to end and keeps every entry
//! in a public library. See `docs/architecture.md` for the map of modules.

pub mod application;
pub mod auth;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod evaluation;
pub mod files;
pub mod gazetteer;
pub mod i18n;
pub mod interchange;
pub mod library;
pub mod mail;
pub mod search;
pub mod sms;
pub mod storage;
pub mod vote;
pub mod web;
