//! The HTTP layer: routes, shared state and middleware. Handlers are thin: they parse the
//! request, call the store, and render a template (pages) or JSON (API).

pub mod api;
pub mod chrome;
pub mod error;
pub mod forms;
pub mod limits;
pub mod ops;
pub mod pages;
pub mod views;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::routing::{get, post};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use std::net::IpAddr;

use tokio::sync::Notify;

use crate::files::ObjectStore;
use crate::search::Search;
use crate::sms::{LoggingSms, SmsSender};
use crate::storage::Store;
use crate::vote::writer::{BallotWriter, Commit};

/// Settings of the web layer.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The site's address as users reach it, for links in e-mails (never taken from the
    /// request's Host header, which a client chooses).
    pub public_url: String,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpAddr>,
    /// E-mail domains refused for voting.
    pub disposable_domains: Vec<String>,
    pub ballot_commit: Commit,
    /// Ballots one address may send per window (a subnet five times as many); `None`: no limit
    /// (benchmarks, or a vote held behind an authenticating front end).
    pub ballots_per_address: Option<limits::Limit>,
}

impl Settings {
    /// The defaults for a site at `public_url`.
    pub fn new(public_url: String) -> Self {
        Settings {
            public_url,
            trusted_proxies: Vec::new(),
            disposable_domains: crate::config::DISPOSABLE_DOMAINS.iter().map(|d| d.to_string()).collect(),
            ballot_commit: Commit::DEFAULT,
            ballots_per_address: Some(limits::BALLOTS_PER_ADDRESS),
        }
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub search: Arc<Search>,
    /// Updates the search index in the background: call `state.reindexer.notify(changed)` after
    /// any write that changes what the library shows, naming what it changed.
    pub reindexer: crate::library::Reindexer,
    /// Uploaded files (attachments).
    pub files: Arc<dyn ObjectStore>,
    pub settings: Arc<Settings>,
    pub limiter: Arc<limits::RateLimiter>,
    /// Wakes the outbox worker when a message is queued.
    pub mail_wakeup: Arc<Notify>,
    pub ballots: BallotWriter,
    pub vote_cache: Arc<pages::vote::VoteCache>,
    pub voter_sessions: Arc<pages::vote::VoterSessionCache>,
    pub sms: Arc<dyn SmsSender>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, search: Arc<Search>, files: Arc<dyn ObjectStore>, settings: Settings) -> Self {
        let ballots = BallotWriter::start(store.clone(), settings.ballot_commit);
        let reindexer = crate::library::Reindexer::start(store.clone(), search.clone());
        AppState {
            reindexer,
            ballots,
            vote_cache: Arc::default(),
            voter_sessions: Arc::default(),
            sms: Arc::new(LoggingSms::default()),
            store,
            search,
            files,
            settings: Arc::new(settings),
            limiter: Arc::default(),
            mail_wakeup: Arc::new(Notify::new()),
        }
    }

    /// An absolute link to `path` on this site.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.settings.public_url.trim_end_matches('/'))
    }
}

/// Serves the app on a listener, with client addresses known to handlers (rate limits).
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
}

/// The whole application as one router.
pub fn router(state: AppState) -> Router {
    ops::prometheus();
    let pages = Router::new()
        .route("/", get(pages::home::show))
        .route("/awards", get(pages::awards::list))
        .route("/awards/{id}", get(pages::awards::show))
        .route("/editions/{id}", get(pages::editions::show))
        .route("/initiatives/{id}", get(pages::initiatives::show))
        .route("/cities", get(pages::cities::list))
        .route("/cities/{id}", get(pages::cities::show))
        .route("/library", get(pages::library::list))
        .route("/library/map", get(pages::library::map))
        .route("/library/compare", get(pages::compare::show))
        .route("/language/{code}", get(pages::language::switch))
        .route("/login", get(pages::account::form).post(pages::account::submit))
        .route("/logout", post(pages::account::logout))
        .route("/account", get(pages::account::show))
        .route("/register", get(pages::register::form).post(pages::register::submit))
        .route("/verify", get(pages::register::verify))
        .route("/verify/resend", post(pages::register::resend))
        .route("/password/forgot", get(pages::password::forgot_form).post(pages::password::forgot))
        .route("/password/reset", get(pages::password::reset_form).post(pages::password::reset))
        .route("/secretariat/outbox", get(pages::secretariat::outbox))
        .route("/secretariat/applications", get(pages::desk::editions))
        .route("/secretariat/editions/{id}/applications", get(pages::desk::list))
        .route("/secretariat/editions/{id}/applications.csv", get(pages::desk::csv))
        .route("/secretariat/applications/{id}", get(pages::desk::show))
        .route("/secretariat/applications/{id}/feedback", post(pages::desk::give_feedback))
        .route("/secretariat/applications/{id}/extension", post(pages::desk::extend))
        .route("/secretariat/claims", get(pages::governments::pending))
        .route("/secretariat/claims/{id}", post(pages::governments::decide))
        .route("/account/governments", get(pages::governments::show).post(pages::governments::claim))
        .route("/applications", get(pages::applications::list).post(pages::applications::start))
        .route("/applications/{id}", get(pages::applications::open))
        .route("/applications/{id}/fields", get(pages::applications::fields).post(pages::applications::save_field))
        .route("/applications/{id}/submit", post(pages::applications::submit))
        .route("/applications/{id}/withdraw", post(pages::applications::withdraw))
        .route("/applications/{id}/submissions/{number}", get(pages::applications::submission))
        .route("/applications/{id}/attachments/video", post(pages::attachments::add_video))
        .route("/applications/{id}/attachments/{attachment}", get(pages::attachments::download))
        .route("/applications/{id}/attachments/{attachment}/remove", post(pages::attachments::remove))
        .route("/vote", get(pages::vote::list))
        .route("/vote/{edition}", get(pages::vote::show))
        .route("/vote/{edition}/code", post(pages::vote::send_code))
        .route("/vote/{edition}/verify", post(pages::vote::verify))
        .route("/vote/{edition}/ballot", post(pages::vote::cast))
        .route("/vote/{edition}/signout", post(pages::vote::sign_out))
        .route("/vote/{edition}/check", get(pages::vote::check))
        .route("/vote/{edition}/rules", get(pages::vote::rules))
        .route("/vote/{edition}/results", get(pages::vote::results))
        .route("/vote/{edition}/results.csv", get(pages::vote::results_csv))
        .route("/vote/{edition}/ballots.txt", get(pages::vote::ballots_list))
        .route("/secretariat/editions/{id}/committees", get(pages::committees::show).post(pages::committees::add))
        .route("/secretariat/editions/{id}/conflict-rules", post(pages::committees::set_rules))
        .route("/secretariat/editions/{id}/assignment", get(pages::assignment::show))
        .route("/secretariat/editions/{id}/assignment/propose", post(pages::assignment::propose))
        .route("/secretariat/editions/{id}/assignment/adjust", post(pages::assignment::adjust))
        .route("/secretariat/editions/{id}/assignment/deploy", post(pages::assignment::deploy))
        .route("/secretariat/editions/{id}/assignment/undo", post(pages::assignment::undo))
        .route("/secretariat/editions/{id}/reviews", get(pages::assignment::show_progress))
        .route("/secretariat/editions/{id}/reviews/remind", post(pages::assignment::remind))
        .route("/secretariat/editions/{id}/scores", get(pages::scores::show))
        .route("/secretariat/editions/{id}/scores/freeze", post(pages::scores::freeze))
        .route("/secretariat/editions/{id}/scores.csv", get(pages::scores::report))
        .route("/secretariat/editions/{id}/jury", get(pages::jury::desk))
        .route("/secretariat/editions/{id}/jury/close", post(pages::jury::close))
        .route("/secretariat/editions/{id}/jury/publish", post(pages::jury::publish))
        .route("/secretariat/editions/{id}/jury/report", get(pages::reports::jury))
        .route("/secretariat/editions/{id}/jury/report.csv", get(pages::reports::jury_csv))
        .route("/secretariat/editions/{id}/committee-report", get(pages::reports::committee))
        .route("/secretariat/editions/{id}/lists", get(pages::decisions::desk))
        .route("/secretariat/editions/{id}/lists/{list}/open", post(pages::decisions::open))
        .route("/secretariat/editions/{id}/lists/{list}/close", post(pages::decisions::close))
        .route("/secretariat/editions/{id}/lists/{list}/confirm", post(pages::decisions::confirm))
        .route("/secretariat/editions/{id}/lists/{list}/reopen", post(pages::decisions::reopen))
        .route("/review/lists", get(pages::decisions::ballots))
        .route("/review/lists/{round}", post(pages::decisions::cast))
        .route("/jury", get(pages::jury::show))
        .route("/jury/{edition}/ballot", post(pages::jury::cast))
        .route("/review", get(pages::review::home))
        .route("/review/conflicts", post(pages::review::declare))
        .route("/review/entries/{entry}", get(pages::review::entry))
        .route("/review/entries/{entry}/review", post(pages::review::save))
        .route("/review/entries/{entry}/discussion", post(pages::review::discuss))
        .route("/secretariat/editions/{id}/screening", get(pages::screening::show).post(pages::screening::decide))
        .route("/secretariat/votes", get(pages::vote_desk::list))
        .route("/secretariat/editions/{id}/vote", get(pages::vote_desk::show).post(pages::vote_desk::save))
        .route("/secretariat/editions/{id}/vote/anomalies", get(pages::vote_desk::anomalies))
        .route("/secretariat/editions/{id}/vote/invalidate", post(pages::vote_desk::invalidate))
        .route("/secretariat/editions/{id}/vote/certify", post(pages::vote_desk::certify))
        .route("/secretariat/sms", get(pages::vote_desk::sms))
        .route("/applications/{id}/{step}", get(pages::applications::step).post(pages::applications::save_step));
    // Uploads stream in with their own limits (the edition's, checked as the bytes arrive) and
    // may take minutes on a slow line.
    let uploads = Router::new()
        .route("/applications/{id}/attachments/upload", post(pages::attachments::upload))
        .layer(DefaultBodyLimit::disable())
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(15 * 60)));
    let api = Router::new()
        .route("/api/v1/awards", get(api::awards))
        .route("/api/v1/awards/{id}", get(api::award))
        .route("/api/v1/editions", get(api::editions))
        .route("/api/v1/editions/{id}", get(api::edition))
        .route("/api/v1/initiatives", get(api::initiatives))
        .route("/api/v1/initiatives.jsonl", get(api::export_jsonl))
        .route("/api/v1/initiatives.csv", get(api::export_csv))
        .route("/api/v1/initiatives/{id}", get(api::initiative))
        .route("/api/v1/cities", get(api::cities))
        .route("/api/v1/cities/{id}", get(api::city))
        .route("/api/openapi.json", get(api::openapi));
    let operations = Router::new()
        .route("/healthz", get(ops::healthz))
        .route("/metrics", get(ops::metrics))
        .route("/static/{file}", get(ops::asset));

    let csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
               frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    let middleware = ServiceBuilder::new()
        .layer(TraceLayer::new_for_http())
        .layer(CatchPanicLayer::custom(ops::panic_response))
        .layer(SetResponseHeaderLayer::if_not_present(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp)))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(axum::middleware::from_fn(ops::record_metrics));

    pages
        .merge(api)
        .merge(operations)
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(30)))
        .layer(axum::middleware::from_fn(forms::refuse_broken_forms))
        .layer(DefaultBodyLimit::max(forms::FORM_LIMIT))
        .merge(uploads)
        .fallback(ops::not_found)
        .with_state(state)
        .layer(middleware)
}
