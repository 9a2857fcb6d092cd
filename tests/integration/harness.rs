//! The test harness: `TestApp` starts Kapok in-process on a random port, on a fresh database
//! of either engine, and talks to it over HTTP. `both_engines!` runs one test story against
//! SQLite and PostgreSQL.
//!
//! PostgreSQL tests use the server at `KAPOK_TEST_POSTGRES_URL` (an admin URL; each test gets
//! its own database, dropped afterwards). Without it they are skipped with a message, unless
//! `KAPOK_REQUIRE_POSTGRES=1` (set by `bin/test`), which makes a missing server a failure.
//!
//! Files follow the two ways Kapok is run: the SQLite variant keeps them in a local directory,
//! the PostgreSQL variant in the S3-compatible service at `KAPOK_TEST_S3_ENDPOINT` when the
//! tests are built with `--features s3` (`bin/test` starts one), each app under its own prefix.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};

use kapok::interchange;
use kapok::search::Search;
use kapok::storage::{self, Store};
use kapok::web::{AppState, Settings, router};
use reqwest::StatusCode;
use sqlx::Connection;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Cleans up a test database when the test ends.
enum Guard {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, database: String },
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Guard::Postgres { admin_url, database } = self {
            let (admin_url, database) = (admin_url.clone(), database.clone());
            // Drop runs outside any async context we may block: use a runtime of our own.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                runtime.block_on(async {
                    if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
                            .execute(&mut conn)
                            .await;
                    }
                });
            })
            .join();
        }
    }
}

/// The file storage for a test app of `engine`, and the directory to remove afterwards.
pub async fn test_files(engine: Engine) -> (Arc<dyn kapok::files::ObjectStore>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    if engine == Engine::Postgres
        && let Some(files) = s3_files().await
    {
        return (files, dir);
    }
    let files = kapok::files::open(&dir.path().display().to_string()).await.unwrap();
    (files, dir)
}

/// The test S3 service, under a fresh prefix; None when not configured (local files are used),
/// unless `KAPOK_REQUIRE_S3=1`.
async fn s3_files() -> Option<Arc<dyn kapok::files::ObjectStore>> {
    let endpoint = std::env::var("KAPOK_TEST_S3_ENDPOINT").ok().filter(|e| !e.is_empty());
    let required = std::env::var("KAPOK_REQUIRE_S3").as_deref() == Ok("1");
    #[cfg(feature = "s3")]
    if let Some(endpoint) = endpoint {
        const BUCKET: &str = "kapok-test";
        let config = kapok::files::S3Config {
            bucket: BUCKET.into(),
            prefix: format!("run-{}/", rand::random::<u64>()),
            endpoint: Some(endpoint.clone()),
            region: "us-east-1".into(),
            access_key: "test".into(),
            secret_key: "test".into(),
            session_token: None,
        };
        // Made once per run; making it again is refused harmlessly.
        let bucket =
            rusty_s3::Bucket::new(endpoint.parse().unwrap(), rusty_s3::UrlStyle::Path, BUCKET, "us-east-1").unwrap();
        let credentials = rusty_s3::Credentials::new("test", "test");
        use rusty_s3::S3Action;
        let url = rusty_s3::actions::CreateBucket::new(&bucket, &credentials).sign(std::time::Duration::from_secs(60));
        let created = reqwest::Client::new().put(url).header("content-length", "0").send().await;
        created.expect("the test S3 service answers");
        return Some(Arc::new(kapok::files::S3Files::connect(config).await.unwrap()));
    }
    assert!(
        !required,
        "KAPOK_REQUIRE_S3=1 but KAPOK_TEST_S3_ENDPOINT is not set or the tests were built without --features s3"
    );
    let _ = endpoint;
    None
}

pub fn postgres_admin_url() -> Option<String> {
    match std::env::var("KAPOK_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            if std::env::var("KAPOK_REQUIRE_POSTGRES").as_deref() == Ok("1") {
                panic!("KAPOK_REQUIRE_POSTGRES=1 but KAPOK_TEST_POSTGRES_URL is not set");
            }
            eprintln!("skipped: set KAPOK_TEST_POSTGRES_URL (or run bin/test) to run the PostgreSQL variant");
            None
        }
    }
}

/// A fresh, migrated store of `engine` and what cleans it up. None when PostgreSQL is not
/// configured (the test is skipped).
async fn fresh_store(engine: Engine) -> Option<(Arc<dyn Store>, Guard)> {
    match engine {
        Engine::Sqlite => {
            let dir = tempfile::tempdir().unwrap();
            let url = kapok::config::sqlite_url(&dir.path().join("kapok.db"));
            let store = storage::connect(&url).await.unwrap();
            store.migrate().await.unwrap();
            Some((store, Guard::Sqlite(dir)))
        }
        Engine::Postgres => {
            let admin_url = postgres_admin_url()?;
            static COUNTER: AtomicUsize = AtomicUsize::new(0);
            let database = format!(
                "kapok_test_{}_{}_{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed),
                rand::random::<u32>()
            );
            let mut admin =
                sqlx::PgConnection::connect(&admin_url).await.expect("cannot reach the test PostgreSQL server");
            sqlx::query(&format!("CREATE DATABASE {database}")).execute(&mut admin).await.unwrap();
            let url = match admin_url.rfind('/') {
                Some(slash) => format!("{}/{database}", &admin_url[..slash]),
                None => panic!("KAPOK_TEST_POSTGRES_URL must end with a database name"),
            };
            let guard = Guard::Postgres { admin_url, database };
            let store = storage::connect(&url).await.unwrap();
            store.migrate().await.unwrap();
            Some((store, guard))
        }
    }
}

pub struct TestApp {
    pub store: Arc<dyn Store>,
    pub search: Arc<Search>,
    /// The server's index writer (its counts of updates and rebuilds).
    pub reindexer: kapok::library::Reindexer,
    pub files: Arc<dyn kapok::files::ObjectStore>,
    /// The SMTP server the app sends to, when started with mail.
    pub mail: Option<crate::smtp::SmtpSink>,
    pub addr: SocketAddr,
    client: reqwest::Client,
    _guard: Guard,
    _index_dir: tempfile::TempDir,
    _files_dir: tempfile::TempDir,
}

impl TestApp {
    /// An empty, migrated database behind a running server. None: PostgreSQL not configured.
    pub async fn start(engine: Engine) -> Option<TestApp> {
        Self::start_with(engine, false).await
    }

    /// Like `start`, with an SMTP server on loopback that the app's outbox delivers to.
    pub async fn start_with_mail(engine: Engine) -> Option<TestApp> {
        Self::start_with(engine, true).await
    }

    async fn start_with(engine: Engine, with_mail: bool) -> Option<TestApp> {
        let (store, guard) = fresh_store(engine).await?;
        let index_dir = tempfile::tempdir().unwrap();
        let search = Arc::new(Search::open(index_dir.path()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let settings = Settings::new(format!("http://{addr}"));
        let (files, files_dir) = test_files(engine).await;
        let state = AppState::new(store.clone(), search.clone(), files.clone(), settings);
        let mail = if with_mail {
            let sink = crate::smtp::SmtpSink::start().await;
            let mailer = kapok::mail::Mailer::new(&sink.url(), "Kapok tests <kapok@test.example>").unwrap();
            kapok::mail::spawn_outbox(store.clone(), mailer, state.mail_wakeup.clone());
            Some(sink)
        } else {
            None
        };
        let reindexer = state.reindexer.clone();
        let app = router(state);
        tokio::spawn(async move { kapok::web::serve(listener, app, std::future::pending()).await.unwrap() });
        Some(TestApp {
            store,
            search,
            reindexer,
            files,
            mail,
            addr,
            client: client(),
            _guard: guard,
            _index_dir: index_dir,
            _files_dir: files_dir,
        })
    }

    pub fn mail(&self) -> &crate::smtp::SmtpSink {
        self.mail.as_ref().expect("started with start_with_mail")
    }

    /// A running app with the small fixture of `fixtures.rs` loaded and indexed.
    pub async fn with_fixture(engine: Engine) -> Option<TestApp> {
        Self::fixture_app(engine, false).await
    }

    /// `with_fixture`, with an SMTP server on loopback that the app's outbox delivers to.
    pub async fn with_fixture_and_mail(engine: Engine) -> Option<TestApp> {
        Self::fixture_app(engine, true).await
    }

    async fn fixture_app(engine: Engine, with_mail: bool) -> Option<TestApp> {
        let app = Self::start_with(engine, with_mail).await?;
        crate::fixtures::load(&*app.store).await;
        app.reindex().await;
        Some(app)
    }

    /// Rebuilds the search index from the database and switches to it.
    pub async fn reindex(&self) {
        kapok::library::reindex(&*self.store, self.search.dir(), Arc::new(|_, _| {})).await.unwrap();
        self.search.refresh().unwrap();
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub async fn get(&self, path: &str) -> (StatusCode, String) {
        get(&self.client, &self.url(path)).await
    }

    pub async fn get_in(&self, lang: &str, path: &str) -> (StatusCode, String) {
        get_in(&self.client, lang, &self.url(path)).await
    }

    pub async fn get_json(&self, path: &str) -> (StatusCode, serde_json::Value) {
        get_json(&self.client, &self.url(path)).await
    }
}

/// The value of the hidden `csrf` field of the first form on a page.
pub fn csrf_field(html: &str) -> Option<String> {
    let start = html.find(r#"name="csrf" value=""#)? + r#"name="csrf" value=""#.len();
    Some(html[start..].split('"').next()?.to_string())
}

pub const TEST_PASSWORD: &str = "correct horse battery staple";

/// A signed-in user's browser: its cookie jar and the session's CSRF token.
pub struct UserClient {
    pub client: reqwest::Client,
    pub csrf: String,
    base: String,
}

impl UserClient {
    pub async fn get(&self, path: &str) -> (StatusCode, String) {
        get(&self.client, &format!("{}{path}", self.base)).await
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client.post(format!("{}{path}", self.base)).form(fields).send().await.unwrap()
    }

    /// A form post whose values were built at run time (repeated fields allowed).
    pub async fn post_fields<T: serde::Serialize + ?Sized>(&self, path: &str, fields: &T) -> reqwest::Response {
        self.client.post(format!("{}{path}", self.base)).form(fields).send().await.unwrap()
    }

    /// A JSON post carrying the session's CSRF token in its header, as the autosave script does.
    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> (StatusCode, serde_json::Value) {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header("x-csrf-token", &self.csrf)
            .json(body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        (status, response.json().await.unwrap_or(serde_json::Value::Null))
    }

    pub async fn get_json(&self, path: &str) -> (StatusCode, serde_json::Value) {
        get_json(&self.client, &format!("{}{path}", self.base)).await
    }

    /// Uploads a file as the attachments form does: the session's CSRF token first, then the
    /// file.
    pub async fn upload(&self, path: &str, file_name: &str, bytes: &[u8]) -> reqwest::Response {
        let form = reqwest::multipart::Form::new()
            .text("csrf", self.csrf.clone())
            .part("file", reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(file_name.to_string()));
        self.client.post(format!("{}{path}", self.base)).multipart(form).send().await.unwrap()
    }

    pub async fn get_bytes(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.base)).send().await.unwrap()
    }
}

impl TestApp {
    /// Creates an account with `role` and signs in with it through the real form.
    pub async fn login_as(&self, role: kapok::domain::Role) -> UserClient {
        let email = format!("{}-{}@test.example", role.as_str(), rand::random::<u32>());
        self.store
            .create_user(&kapok::storage::NewUser {
                email: email.clone(),
                display_name: format!("Test {}", role.as_str()),
                password_hash: kapok::auth::hash_password(TEST_PASSWORD),
                locale: "en".into(),
                roles: vec![role],
                verified: true,
            })
            .await
            .unwrap();
        self.sign_in(&email, TEST_PASSWORD).await.expect("the new account signs in")
    }

    /// Signs in through GET /login and POST /login; the status of a refused sign-in.
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<UserClient, StatusCode> {
        let client = client();
        let (_, form) = get(&client, &self.url("/login")).await;
        let token = csrf_field(&form).expect("the sign-in form has a CSRF field");
        let response = client
            .post(self.url("/login"))
            .form(&[("email", email), ("password", password), ("csrf", &token), ("next", "/account")])
            .send()
            .await
            .unwrap();
        if response.status() != StatusCode::SEE_OTHER {
            return Err(response.status());
        }
        let (_, account) = get(&client, &self.url("/account")).await;
        let csrf = csrf_field(&account).expect("signed-in pages carry the session's CSRF token");
        Ok(UserClient { client, csrf, base: format!("http://{}", self.addr) })
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

pub async fn get(client: &reqwest::Client, url: &str) -> (StatusCode, String) {
    let response = client.get(url).send().await.unwrap_or_else(|e| panic!("GET {url}: {e}"));
    (response.status(), response.text().await.unwrap())
}

/// A GET whose browser prefers the language `lang` (an Accept-Language value).
pub async fn get_in(client: &reqwest::Client, lang: &str, url: &str) -> (StatusCode, String) {
    let response =
        client.get(url).header("accept-language", lang).send().await.unwrap_or_else(|e| panic!("GET {url}: {e}"));
    (response.status(), response.text().await.unwrap())
}

pub async fn get_json(client: &reqwest::Client, url: &str) -> (StatusCode, serde_json::Value) {
    let response = client.get(url).send().await.unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let status = response.status();
    let text = response.text().await.unwrap();
    let json = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("GET {url} answered {status} with non-JSON ({e}): {text}"));
    (status, json)
}

/// A server with the whole demo data, shared by the read-only page tests of one engine. It
/// lives on its own thread and runtime, so it outlives each test's runtime.
pub struct DemoServer {
    pub base: String,
    /// The SMTP server the outbox delivers to (the applicants' server only).
    pub mail: Option<Arc<crate::smtp::SmtpSink>>,
}

/// An award whose call for entries is open until 2099, so browser tests of applying do not
/// depend on the date of the demo's own call.
pub const BROWSER_AWARD: &str = r#"[{
  "slug": "browser-award", "name": {"en": "Browser Award"}, "short_name": {"en": "Browser"}, "organisers": "Tests",
  "description": {"en": "An award open for entries."},
  "editions": [
    {"ordinal": 1, "year": 2099, "timezone": "Europe/Paris",
     "dates": [{"milestone": "launch", "starts": "2026-01-01T00:00"}, {"milestone": "final_deadline", "starts": "2099-08-31T23:59"}],
     "themes": [{"en": "Public services"}, {"en": "Climate"}],
     "long_list_size": 45, "shortlist_size": 15, "max_winners": 5,
     "application": {"eligibility_questions": [{"id": "government", "text": {"en": "Run by a government?"}}]}}
  ]
}]"#;

/// `applicants`: the demo plus [`BROWSER_AWARD`], with an SMTP server, for tests that register
/// and apply (they change data, so they do not share the read-only server).
fn start_demo_server(engine: Engine, applicants: bool) -> Option<DemoServer> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        runtime.block_on(async move {
            let Some((store, guard)) = fresh_store(engine).await else {
                sender.send(None).unwrap();
                return;
            };
            kapok::demo::ensure_gazetteer(&*store).await.unwrap();
            kapok::demo::load(&*store, &|_| {}).await.unwrap();
            if applicants {
                let awards = kapok::interchange::read_awards("browser.json", BROWSER_AWARD).unwrap();
                store.upsert_awards(&awards).await.unwrap();
            }
            let index_dir = tempfile::tempdir().unwrap();
            kapok::library::reindex(&*store, index_dir.path(), Arc::new(|_, _| {})).await.unwrap();
            let search = Arc::new(Search::open(index_dir.path()));
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let base = format!("http://{}", listener.local_addr().unwrap());
            let settings = Settings::new(base.clone());
            let (files, files_dir) = test_files(engine).await;
            let state = AppState::new(store.clone(), search, files, settings);
            let mail = if applicants {
                let sink = Arc::new(crate::smtp::SmtpSink::start().await);
                let mailer = kapok::mail::Mailer::new(&sink.url(), "Kapok tests <kapok@test.example>").unwrap();
                kapok::mail::spawn_outbox(store, mailer, state.mail_wakeup.clone());
                Some(sink)
            } else {
                None
            };
            sender.send(Some(DemoServer { base, mail })).unwrap();
            let _guards = (guard, index_dir, files_dir);
            kapok::web::serve(listener, router(state), std::future::pending()).await.unwrap();
        });
    });
    receiver.recv().unwrap()
}

pub static DEMO_SQLITE: LazyLock<Option<DemoServer>> = LazyLock::new(|| start_demo_server(Engine::Sqlite, false));
pub static DEMO_POSTGRES: LazyLock<Option<DemoServer>> = LazyLock::new(|| start_demo_server(Engine::Postgres, false));
pub static APPLICANTS_SQLITE: LazyLock<Option<DemoServer>> = LazyLock::new(|| start_demo_server(Engine::Sqlite, true));

pub fn demo_server(engine: Engine) -> Option<&'static DemoServer> {
    match engine {
        Engine::Sqlite => DEMO_SQLITE.as_ref(),
        Engine::Postgres => DEMO_POSTGRES.as_ref(),
    }
}

/// Reads records from JSON Lines text through the real import path.
pub async fn import_jsonl(store: &dyn Store, text: &str) -> Result<(), String> {
    let records = interchange::read_initiatives(Path::new("test.jsonl"), text.as_bytes()).map_err(|e| e.to_string())?;
    let catalog = store.catalog().await.map_err(|e| e.to_string())?;
    let resolved = interchange::resolve_initiatives("test.jsonl", records, &catalog).map_err(|e| e.to_string())?;
    store.import_initiatives(&resolved, &|_| {}).await.map_err(|e| e.to_string())
}

/// Runs one async test story against SQLite and against PostgreSQL:
/// `both_engines! { async fn name(engine) { ... } }` makes `name::sqlite` and `name::postgres`.
macro_rules! both_engines {
    ($(async fn $name:ident($engine:ident) $body:block)*) => {$(
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn story($engine: $crate::harness::Engine) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                story($crate::harness::Engine::Sqlite).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if $crate::harness::postgres_admin_url().is_some() {
                    story($crate::harness::Engine::Postgres).await
                }
            }
        }
    )*};
}
pub(crate) use both_engines;
