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
use crate::storage::Store;

/// Settings of the web layer.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The site's address as users reach it, for links in e-mails (never taken from the
    /// request's Host header, which a client chooses).
    pub public_url: String,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpAddr>,
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub search: Arc<Search>,
    /// Uploaded files (attachments).
    pub files: Arc<dyn ObjectStore>,
    pub settings: Arc<Settings>,
    pub limiter: Arc<limits::RateLimiter>,
    /// Wakes the outbox worker when a message is queued.
    pub mail_wakeup: Arc<Notify>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, search: Arc<Search>, files: Arc<dyn ObjectStore>, settings: Settings) -> Self {
        AppState {
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
