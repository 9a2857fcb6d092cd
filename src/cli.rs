//! The `kapok` command: one binary with subcommands. Every command that fails prints what went
//! wrong (file, line and field for imports) and exits non-zero without changing anything.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use tokio::net::TcpListener;

use crate::config::{self, Config, Overrides};
use crate::mail::{self, Mailer};
use crate::search::Search;
use crate::storage::{self, Store};
use crate::{demo, interchange, library, web};

#[derive(Debug, Parser)]
#[command(
    name = "kapok",
    version,
    about = "Runs urban innovation awards end to end and keeps every entry in a public library."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Runs Kapok on the embedded default (SQLite, local files) with real demo data.
    Demo {
        /// Where to listen.
        #[arg(long, default_value = config::DEFAULT_ADDR, env = "KAPOK_ADDR")]
        addr: String,
        /// Where the database, files and search index live (created if missing).
        #[arg(long, default_value = config::DEFAULT_DATA_DIR, env = "KAPOK_DATA_DIR")]
        data_dir: PathBuf,
        /// Run the demo on another database instead (e.g. postgres://…); SQLite in the data
        /// directory by default.
        #[arg(long, env = "KAPOK_DATABASE_URL")]
        database_url: Option<String>,
    },
    /// Runs Kapok for production: settings from flags, KAPOK_* variables and a TOML file.
    Serve {
        #[command(flatten)]
        settings: Settings,
        /// Where to listen (default 127.0.0.1:8080).
        #[arg(long, env = "KAPOK_ADDR")]
        addr: Option<String>,
    },
    /// Applies database migrations.
    Migrate {
        #[command(flatten)]
        settings: Settings,
    },
    /// Imports initiatives from a JSON, JSON Lines or CSV file, all or nothing.
    Import {
        /// The file to import.
        file: PathBuf,
        /// The file holds award and edition definitions (like data/demo/awards.json).
        #[arg(long)]
        awards: bool,
        #[command(flatten)]
        settings: Settings,
    },
    /// Exports every entry in the interchange format.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// The file to write (standard output when absent).
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        settings: Settings,
    },
    /// Rebuilds the search index from the database (a running server switches to it).
    Reindex {
        #[command(flatten)]
        settings: Settings,
    },
    /// Ranks the alternatives of a PrefLib file (.soc, .soi, .toc, .toi) by a ranked-vote
    /// method and prints them one a line by name, the winner first (ties broken by the order of
    /// the file's header, and said on standard error).
    Tally {
        #[arg(long, default_value = "schulze", value_parser = ["schulze", "borda", "irv"])]
        method: String,
        /// The PrefLib file.
        file: PathBuf,
    },
    /// Assigns reviewers to entries outside the server, from OpenReview-style score files:
    /// k reviewers per entry, at most L entries per reviewer, no conflicted pair, the greatest
    /// total affinity. Writes `entry,reviewer,affinity` lines; prints the total last.
    Assign {
        /// Lines `entry,reviewer,affinity` (no header).
        #[arg(long)]
        scores: PathBuf,
        /// Lines `entry,reviewer`: pairs that may not meet.
        #[arg(long)]
        conflicts: Option<PathBuf>,
        /// Lines `reviewer,max`: a reviewer's own maximum instead of L.
        #[arg(long)]
        quotas: Option<PathBuf>,
        /// k: reviewers per entry.
        #[arg(long)]
        per_entry: usize,
        /// L: most entries per reviewer.
        #[arg(long)]
        max_per_reviewer: usize,
        /// The assignment file to write.
        #[arg(long)]
        output: PathBuf,
    },
    /// The evaluation's audit trail.
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
    /// Copies a running SQLite database consistently into a new file.
    Backup {
        /// The backup file to create (must not exist).
        file: PathBuf,
        #[command(flatten)]
        settings: Settings,
    },
}

#[derive(Debug, Subcommand)]
enum AuditAction {
    /// Walks the hash chain of the audit log; fails naming the first entry that was changed,
    /// removed or reordered.
    Verify {
        #[command(flatten)]
        settings: Settings,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// JSON Lines, lossless; `kapok import` reads it back.
    Json,
    /// CSV for spreadsheets (UTF-8 with BOM, formula-safe).
    Csv,
}

/// Settings shared by the commands that open the database.
#[derive(Debug, Clone, Args)]
struct Settings {
    /// A TOML configuration file.
    #[arg(long, env = "KAPOK_CONFIG")]
    config: Option<PathBuf>,
    /// sqlite://PATH or postgres://USER:PASSWORD@HOST/DB (default: SQLite in the data directory).
    #[arg(long, env = "KAPOK_DATABASE_URL")]
    database_url: Option<String>,
    /// Where files and the search index live (default ./kapok-data).
    #[arg(long, env = "KAPOK_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Log filter, e.g. info or kapok=debug.
    #[arg(long, env = "KAPOK_LOG")]
    log: Option<String>,
    /// The site's address as users reach it, for links in e-mails (default http://ADDR).
    #[arg(long, env = "KAPOK_PUBLIC_URL")]
    public_url: Option<String>,
    /// Where e-mail goes out: smtp://[user:password@]host[:port]. Without it, mail waits in the
    /// outbox (readable by the Secretariat).
    #[arg(long, env = "KAPOK_SMTP_URL")]
    smtp_url: Option<String>,
    /// The sender of e-mail, e.g. "Award Secretariat <award@city.example>".
    #[arg(long, env = "KAPOK_MAIL_FROM")]
    mail_from: Option<String>,
    /// IP addresses of reverse proxies whose X-Forwarded-For header is believed (comma-separated).
    #[arg(long, env = "KAPOK_TRUSTED_PROXIES", value_delimiter = ',')]
    trusted_proxies: Option<Vec<String>>,
    /// Where uploaded files live: a directory (default: files in the data directory), or
    /// s3://BUCKET[/PREFIX] with the `s3` feature (endpoint and keys from AWS_* variables).
    #[arg(long, env = "KAPOK_FILES_URL")]
    files_url: Option<String>,
    /// E-mail domains refused for voting (comma-separated); replaces the built-in list of
    /// throwaway mail services.
    #[arg(long, env = "KAPOK_DISPOSABLE_DOMAINS", value_delimiter = ',')]
    disposable_domains: Option<Vec<String>>,
    /// How ballots are committed: group (default) or single, one transaction per ballot (only
    /// for comparison in benchmarks).
    #[arg(long, env = "KAPOK_BALLOT_COMMIT", hide = true)]
    ballot_commit: Option<String>,
    /// Ballots one address may send per minute (a subnet five times as many); 0 for no limit.
    #[arg(long, env = "KAPOK_BALLOTS_PER_ADDRESS")]
    ballots_per_address: Option<usize>,
}

impl Settings {
    fn resolve(self, addr: Option<String>) -> anyhow::Result<Config> {
        Config::resolve(Overrides {
            config_file: self.config,
            addr,
            database_url: self.database_url,
            data_dir: self.data_dir,
            log: self.log,
            public_url: self.public_url,
            smtp_url: self.smtp_url,
            mail_from: self.mail_from,
            trusted_proxies: self.trusted_proxies,
            files_url: self.files_url,
            disposable_domains: self.disposable_domains,
            ballot_commit: self.ballot_commit,
            ballots_per_address: self.ballots_per_address,
        })
        .map_err(anyhow::Error::msg)
    }
}

pub fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("kapok: cannot start the runtime: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kapok: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn init_logging(filter: &str) {
    let filter =
        tracing_subscriber::EnvFilter::try_new(filter).unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

/// Opens the store, so that a missing database or server is one clear line.
async fn open(config: &Config) -> anyhow::Result<Arc<dyn Store>> {
    if config.database_url.starts_with("sqlite:") {
        config::prepare_data_dir(&config.data_dir).map_err(anyhow::Error::msg)?;
    }
    let store = storage::connect(&config.database_url).await?;
    store.migrate().await.context("applying migrations")?;
    let places = demo::ensure_gazetteer(&*store).await.context("loading the gazetteer")?;
    if places > 0 {
        println!("loaded the gazetteer: {places} cities and regional governments");
    }
    Ok(store)
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Demo { addr, data_dir, database_url } => {
            let config = Config::resolve(Overrides {
                addr: Some(addr),
                data_dir: Some(data_dir),
                database_url,
                ..Default::default()
            })
            .map_err(anyhow::Error::msg)?;
            init_logging(&std::env::var("KAPOK_LOG").unwrap_or_else(|_| "warn,kapok=info".into()));
            run_demo(config).await
        }
        Command::Serve { settings, addr } => {
            let config = settings.resolve(addr)?;
            init_logging(&config.log);
            config::prepare_data_dir(&config.data_dir).map_err(anyhow::Error::msg)?;
            let store = open(&config).await?;
            serve(&config, store, None).await
        }
        Command::Migrate { settings } => {
            let config = settings.resolve(None)?;
            open(&config).await?;
            println!("migrations applied to {}", storage::redact(&config.database_url));
            Ok(())
        }
        Command::Import { file, awards, settings } => {
            let config = settings.resolve(None)?;
            let bytes = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let store = open(&config).await?;
            if awards {
                import_awards(&*store, &file, &bytes).await?;
            } else {
                import_initiatives(&*store, &file, &bytes).await?;
            }
            // Award names and themes show in the library too; a running server switches to
            // the rebuilt index within seconds.
            reindex(&*store, &config).await
        }
        Command::Reindex { settings } => {
            let config = settings.resolve(None)?;
            let store = open(&config).await?;
            reindex(&*store, &config).await
        }
        Command::Export { format, output, settings } => {
            let config = settings.resolve(None)?;
            let store = open(&config).await?;
            export(&*store, format, output).await
        }
        Command::Tally { method, file } => tally(&method, &file),
        Command::Assign { scores, conflicts, quotas, per_entry, max_per_reviewer, output } => {
            let read = |path: &Path| {
                std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))
            };
            let started = Instant::now();
            let scores = read(&scores)?;
            let conflicts = conflicts.as_deref().map(read).transpose()?;
            let quotas = quotas.as_deref().map(read).transpose()?;
            let outcome =
                kapok_assign::run(&scores, conflicts.as_deref(), quotas.as_deref(), per_entry, max_per_reviewer)?;
            std::fs::write(&output, &outcome.csv)
                .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", output.display()))?;
            eprintln!("assignment written to {} in {:.2} s", output.display(), started.elapsed().as_secs_f64());
            println!("{:.6}", outcome.total);
            Ok(())
        }
        Command::Audit { action: AuditAction::Verify { settings } } => {
            let config = settings.resolve(None)?;
            let store = open(&config).await?;
            let (entries, (head_seq, head_hash)) = store.audit_log().await?;
            match crate::evaluation::audit::verify(&entries, (head_seq, &head_hash)) {
                Ok((count, hash)) => {
                    println!("audit log intact: {count} entries, head {hash}");
                    Ok(())
                }
                Err(broken) => Err(anyhow::anyhow!("audit log broken: {broken}")),
            }
        }
        Command::Backup { file, settings } => {
            let config = settings.resolve(None)?;
            let store = open(&config).await?;
            let started = Instant::now();
            store.backup(&file).await?;
            println!("backup written to {} in {:.1} s", file.display(), started.elapsed().as_secs_f64());
            Ok(())
        }
    }
}

fn tally(method: &str, file: &Path) -> anyhow::Result<()> {
    let method: kapok_tally::Method = method.parse()?;
    let text = std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
    let profile = kapok_tally::parse_preflib(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let ranking = kapok_tally::tally(method, &profile);
    let mut out = String::new();
    for alternative in ranking.order() {
        out.push_str(&profile.names()[alternative]);
        out.push('\n');
    }
    print!("{out}");
    let tied: Vec<&Vec<usize>> = ranking.groups().iter().filter(|group| group.len() > 1).collect();
    for group in tied {
        let names: Vec<&str> = group.iter().map(|a| profile.names()[*a].as_str()).collect();
        eprintln!("tie ({method}), broken by the order of the file's header: {}", names.join(", "));
    }
    Ok(())
}

async fn run_demo(config: Config) -> anyhow::Result<()> {
    let started = Instant::now();
    config::prepare_data_dir(&config.data_dir).map_err(anyhow::Error::msg)?;
    let store = open(&config).await?;
    if store.is_empty().await? {
        println!("Kapok demo: first start, loading real demo data into {}", storage::redact(&config.database_url));
        let report = demo::load(&*store, &|step| println!("  … {step}")).await?;
        println!(
            "  loaded {} awards and {} entries in {:.1} s",
            report.awards,
            report.initiatives,
            started.elapsed().as_secs_f64()
        );
    }
    let mut banner = String::from("\nDemo accounts (password: ");
    banner.push_str(demo::DEMO_PASSWORD);
    banner.push_str(")\n");
    for account in demo::DEMO_ACCOUNTS {
        banner.push_str(&format!("  {:<20} {}\n", account.role.as_str(), account.email));
    }
    serve(&config, store, Some(banner)).await
}

/// Serves until Ctrl-C or SIGTERM, then finishes the requests in flight. Builds the search index
/// in the background if there is none, and follows rebuilds made by other processes.
pub async fn serve(config: &Config, store: Arc<dyn Store>, banner: Option<String>) -> anyhow::Result<()> {
    let listener = TcpListener::bind(config.addr).await.with_context(|| format!("cannot listen on {}", config.addr))?;
    let search = Arc::new(Search::open(&library::index_dir(&config.data_dir)));
    // Rebuilds made by other processes (`kapok reindex`, `kapok import`) are followed by the
    // reindexer `AppState` starts, every two seconds.
    let settings = web::Settings {
        public_url: config.public_url.clone(),
        trusted_proxies: config.trusted_proxies.clone(),
        disposable_domains: config.disposable_domains.clone(),
        ballot_commit: config.ballot_commit,
        ballots_per_address: (config.ballots_per_address > 0).then_some(web::limits::Limit {
            attempts: config.ballots_per_address,
            window: std::time::Duration::from_secs(60),
        }),
    };
    let files = crate::files::open(&config.files_url).await.map_err(anyhow::Error::msg)?;
    let state = web::AppState::new(store.clone(), search.clone(), files, settings);
    if !search.is_ready() {
        state.reindexer.notify(library::Changed::Everything);
    }
    match &config.smtp_url {
        Some(url) => {
            let mailer = Mailer::new(url, &config.mail_from).map_err(anyhow::Error::msg)?;
            mail::spawn_outbox(store, mailer, state.mail_wakeup.clone());
        }
        None => tracing::info!("no SMTP server configured: e-mail waits in the outbox (/secretariat/outbox)"),
    }
    let app = web::router(state);
    println!("Kapok is running at http://{}/", listener.local_addr()?);
    if let Some(banner) = banner {
        println!("{banner}");
    }
    let _ = std::io::stdout().flush();
    web::serve(listener, app, shutdown_signal()).await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

fn progress_bar(length: u64, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(length);
    bar.set_style(
        ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} ({eta})")
            .expect("the template is valid")
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

async fn import_initiatives(store: &dyn Store, file: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    let records = interchange::read_initiatives(file, bytes)?;
    if records.is_empty() {
        bail!("{}: the file holds no initiatives", file.display());
    }
    let catalog = store.catalog().await?;
    let initiatives = interchange::resolve_initiatives(&file.display().to_string(), records, &catalog)?;
    println!("writing {} initiatives in one transaction", initiatives.len());
    let _ = std::io::stdout().flush();
    let bar = progress_bar(initiatives.len() as u64, "importing");
    let progress_bar = bar.clone();
    store.import_initiatives(&initiatives, &move |done| progress_bar.set_position(done)).await?;
    bar.finish_with_message("imported");
    println!("imported {} initiatives from {}", initiatives.len(), file.display());
    Ok(())
}

async fn reindex(store: &dyn Store, config: &Config) -> anyhow::Result<()> {
    config::prepare_data_dir(&config.data_dir).map_err(anyhow::Error::msg)?;
    let started = Instant::now();
    let bar = progress_bar(0, "indexing");
    let progress_bar = bar.clone();
    let count = library::reindex(
        store,
        &library::index_dir(&config.data_dir),
        Arc::new(move |done, total| {
            progress_bar.set_length(total);
            progress_bar.set_position(done);
        }),
    )
    .await?;
    bar.finish_and_clear();
    println!("search index rebuilt: {count} initiatives in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

async fn import_awards(store: &dyn Store, file: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    let text = std::str::from_utf8(bytes).with_context(|| format!("{} is not valid UTF-8", file.display()))?;
    let awards = interchange::read_awards(&file.display().to_string(), text)?;
    store.upsert_awards(&awards).await?;
    let editions: usize = awards.iter().map(|a| a.editions.len()).sum();
    println!("imported {} awards with {editions} editions from {}", awards.len(), file.display());
    Ok(())
}

async fn export(store: &dyn Store, format: ExportFormat, output: Option<PathBuf>) -> anyhow::Result<()> {
    let records = store.export_initiatives().await?;
    let mut sink: Box<dyn Write> = match &output {
        // Written next to the target and renamed, so a failed export never leaves half a file.
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path.with_extension("partial"))
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    match format {
        ExportFormat::Json => interchange::write_json_lines(&mut sink, &records)?,
        ExportFormat::Csv => interchange::write_csv(&mut sink, &records)?,
    }
    sink.flush()?;
    drop(sink);
    if let Some(path) = output {
        std::fs::rename(path.with_extension("partial"), &path)?;
        eprintln!("exported {} entries to {}", records.len(), path.display());
    }
    Ok(())
}
