//! Configuration of `kapok serve` and the other commands: defaults, then an optional TOML file,
//! then `KAPOK_*` environment variables, then flags (each overrides the one before).

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub const DEFAULT_DATA_DIR: &str = "kapok-data";
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// The TOML file's shape; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub addr: Option<String>,
    pub database_url: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub log: Option<String>,
    pub public_url: Option<String>,
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
    pub trusted_proxies: Option<Vec<String>>,
    pub files_url: Option<String>,
    pub disposable_domains: Option<Vec<String>>,
    pub ballot_commit: Option<String>,
    pub ballots_per_address: Option<usize>,
}

impl FileConfig {
    pub fn load(path: &Path) -> Result<FileConfig, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the configuration file {}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// Settings after layering, validated.
#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    pub database_url: String,
    pub data_dir: PathBuf,
    pub log: String,
    /// The site's address as users reach it, for links in e-mails.
    pub public_url: String,
    /// Where e-mail goes out (`smtp://host:port`); without one, mail waits in the outbox.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// Proxies whose `X-Forwarded-For` header is believed.
    pub trusted_proxies: Vec<IpAddr>,
    /// Where uploaded files live: a directory (default `files` in the data directory), or an
    /// S3-compatible bucket `s3://bucket/prefix` (built with the `s3` feature).
    pub files_url: String,
    /// E-mail domains refused for voting (throwaway addresses); a built-in list by default.
    pub disposable_domains: Vec<String>,
    /// How ballots are committed: in groups (the default) or one transaction each (only to
    /// compare in benchmarks).
    pub ballot_commit: crate::vote::writer::Commit,
    /// Ballots one address may send per minute (a /24 or /48 subnet five times as many); 0: no
    /// limit.
    pub ballots_per_address: usize,
}

/// What flags and the environment gave (clap fills both).
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub config_file: Option<PathBuf>,
    pub addr: Option<String>,
    pub database_url: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub log: Option<String>,
    pub public_url: Option<String>,
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
    pub trusted_proxies: Option<Vec<String>>,
    pub files_url: Option<String>,
    pub disposable_domains: Option<Vec<String>>,
    pub ballot_commit: Option<String>,
    pub ballots_per_address: Option<usize>,
}

impl Config {
    pub fn resolve(overrides: Overrides) -> Result<Config, String> {
        let file = match &overrides.config_file {
            Some(path) => FileConfig::load(path)?,
            None => FileConfig::default(),
        };
        let addr_text = overrides.addr.or(file.addr).unwrap_or_else(|| DEFAULT_ADDR.into());
        let addr = addr_text
            .parse::<SocketAddr>()
            .map_err(|_| format!("{addr_text:?} is not a listening address like 127.0.0.1:8080"))?;
        let data_dir = overrides.data_dir.or(file.data_dir).unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR));
        let database_url =
            overrides.database_url.or(file.database_url).unwrap_or_else(|| sqlite_url(&data_dir.join("kapok.db")));
        let log = overrides.log.or(file.log).unwrap_or_else(|| "info".into());
        let public_url = overrides.public_url.or(file.public_url).unwrap_or_else(|| format!("http://{addr}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(format!("the public URL {public_url:?} must start with http:// or https://"));
        }
        let smtp_url = overrides.smtp_url.or(file.smtp_url).filter(|url| !url.is_empty());
        let mail_from = overrides.mail_from.or(file.mail_from).unwrap_or_else(|| "Kapok <no-reply@localhost>".into());
        let trusted_proxies = overrides
            .trusted_proxies
            .or(file.trusted_proxies)
            .unwrap_or_default()
            .iter()
            .filter(|text| !text.trim().is_empty())
            .map(|text| {
                text.trim().parse::<IpAddr>().map_err(|_| format!("{text:?} is not an IP address of a trusted proxy"))
            })
            .collect::<Result<_, _>>()?;
        let files_url = overrides
            .files_url
            .or(file.files_url)
            .filter(|url| !url.is_empty())
            .unwrap_or_else(|| data_dir.join("files").display().to_string());
        let disposable_domains = overrides
            .disposable_domains
            .or(file.disposable_domains)
            .unwrap_or_else(|| DISPOSABLE_DOMAINS.iter().map(|d| d.to_string()).collect());
        let ballot_commit = match overrides.ballot_commit.or(file.ballot_commit).as_deref() {
            None | Some("group") => crate::vote::writer::Commit::DEFAULT,
            Some("single") => crate::vote::writer::Commit::Single,
            Some(other) => return Err(format!("{other:?} is not a way to commit ballots: use group or single")),
        };
        Ok(Config {
            addr,
            database_url,
            data_dir,
            log,
            public_url,
            smtp_url,
            mail_from,
            trusted_proxies,
            files_url,
            disposable_domains,
            ballot_commit,
            ballots_per_address: overrides
                .ballots_per_address
                .or(file.ballots_per_address)
                .unwrap_or(crate::web::limits::BALLOTS_PER_ADDRESS.attempts),
        })
    }
}

/// Well-known throwaway e-mail services, refused for voting unless the configuration replaces
/// the list.
pub const DISPOSABLE_DOMAINS: &[&str] = &[
    "10minutemail.com",
    "discard.email",
    "dispostable.com",
    "fakeinbox.com",
    "getnada.com",
    "guerrillamail.com",
    "maildrop.cc",
    "mailinator.com",
    "mailnesia.com",
    "mintemail.com",
    "mohmal.com",
    "sharklasers.com",
    "temp-mail.org",
    "tempmail.com",
    "throwawaymail.com",
    "trashmail.com",
    "yopmail.com",
];

pub fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

/// Creates the data directory if needed and checks that Kapok can write in it.
pub fn prepare_data_dir(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create the data directory {}: {e}", dir.display()))?;
    let probe = dir.join(".kapok-write-test");
    std::fs::write(&probe, b"ok").map_err(|e| format!("the data directory {} is not writable: {e}", dir.display()))?;
    let _ = std::fs::remove_file(probe);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_override_the_file_which_overrides_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kapok.toml");
        std::fs::write(&file, "addr = \"0.0.0.0:9000\"\ndata_dir = \"/srv/kapok\"\n").unwrap();
        let config = Config::resolve(Overrides {
            config_file: Some(file.clone()),
            addr: Some("127.0.0.1:7000".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(config.addr.to_string(), "127.0.0.1:7000");
        assert_eq!(config.data_dir, PathBuf::from("/srv/kapok"));
        assert_eq!(config.database_url, "sqlite:///srv/kapok/kapok.db");
        assert_eq!(config.files_url, "/srv/kapok/files");

        let defaults = Config::resolve(Overrides::default()).unwrap();
        assert_eq!(defaults.addr.to_string(), DEFAULT_ADDR);
    }

    #[test]
    fn bad_settings_are_named() {
        let err = Config::resolve(Overrides { addr: Some("localhost".into()), ..Default::default() }).unwrap_err();
        assert!(err.contains("\"localhost\""), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kapok.toml");
        std::fs::write(&file, "port = 80\n").unwrap();
        let err = Config::resolve(Overrides { config_file: Some(file), ..Default::default() }).unwrap_err();
        assert!(err.contains("port"), "{err}");
    }
}
