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

/// Lower-case hexadecimal of some bytes (digests, keys), written into one string.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        hex.push(DIGITS[usize::from(byte >> 4)] as char);
        hex.push(DIGITS[usize::from(byte & 15)] as char);
    }
    hex
}
