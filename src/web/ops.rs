//! Operations endpoints and middleware: health, Prometheus metrics, embedded static files,
//! the 404 fallback and the panic page.

use std::any::Any;
use std::sync::OnceLock;
use std::time::Instant;

use axum::Json;
use axum::body::Body;
use axum::extract::{MatchedPath, Path, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use super::AppState;
use super::chrome::Lang;
use super::error::PageError;

/// The process-wide Prometheus recorder (installed once, however many apps a test starts).
pub fn prometheus() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(
                Matcher::Full("http_request_duration_seconds".into()),
                &[0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5],
            )
            .expect("bucket list is not empty")
            .build_recorder();
        let handle = recorder.handle();
        // Another recorder may already be installed (tests in one process); ours still renders.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// Counts requests and their latency per route template (never per raw path, which would
/// let anyone create unbounded series).
pub async fn record_metrics(request: Request, next: Next) -> Response {
    // Labels borrowed where they can be (the common methods, the status), one string per request.
    let route: metrics::SharedString = match request.extensions().get::<MatchedPath>() {
        Some(path) => path.as_str().to_string().into(),
        None => "unmatched".into(),
    };
    let method: metrics::SharedString = match *request.method() {
        Method::GET => "GET".into(),
        Method::POST => "POST".into(),
        Method::HEAD => "HEAD".into(),
        ref other => other.to_string().into(),
    };
    let started = Instant::now();
    let response = next.run(request).await;
    let status: metrics::SharedString = match response.status().as_u16() {
        200 => "200".into(),
        201 => "201".into(),
        303 => "303".into(),
        503 => "503".into(),
        other => other.to_string().into(),
    };
    let labels = [("method", method), ("route", route), ("status", status)];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels[..2]).record(started.elapsed().as_secs_f64());
    response
}

pub async fn metrics() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], prometheus().render())
}

pub async fn healthz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => Json(serde_json::json!({"status": "ok", "database": state.store.engine()})).into_response(),
        Err(error) => {
            tracing::error!(%error, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, Json(serde_json::json!({"status": "unavailable"}))).into_response()
        }
    }
}

const ASSETS: &[(&str, &str, &[u8])] = &[
    ("kapok.css", "text/css; charset=utf-8", include_bytes!("../../static/kapok.css")),
    ("htmx.min.js", "text/javascript; charset=utf-8", include_bytes!("../../static/htmx.min.js")),
    ("favicon.svg", "image/svg+xml", include_bytes!("../../static/favicon.svg")),
    ("autosave.js", "text/javascript; charset=utf-8", include_bytes!("../../static/autosave.js")),
    ("local-time.js", "text/javascript; charset=utf-8", include_bytes!("../../static/local-time.js")),
    ("review-autosave.js", "text/javascript; charset=utf-8", include_bytes!("../../static/review-autosave.js")),
];

pub async fn asset(lang: Lang, Path(file): Path<String>) -> Result<Response, PageError> {
    let (_, content_type, bytes) =
        ASSETS.iter().find(|(name, _, _)| *name == file).ok_or_else(|| PageError::not_found(lang, "what-page"))?;
    let mut response = Response::new(Body::from(*bytes));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // URLs carry the version (`?v=`), so a day of caching never serves stale files for long.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400"));
    Ok(response)
}

pub async fn not_found(lang: Lang) -> PageError {
    PageError::not_found(lang, "what-page")
}

pub fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(detail, "a request handler panicked");
    (StatusCode::INTERNAL_SERVER_ERROR, "Internal error. It has been logged.").into_response()
}
