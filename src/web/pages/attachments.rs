//! Attachments of an application: uploading files (type told from the content, limits from the
//! edition's settings), adding video links, removing, and downloading. The bytes go to the
//! object store ([`crate::files`]) before the record is written, so a recorded attachment always
//! has its file. Downloads are for the owner, and for the Secretariat once a submitted version
//! lists the file; anyone else gets 404.

use std::collections::BTreeMap;

use axum::body::Body;
use axum::extract::multipart::{Field, Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use serde::Deserialize;
use sha2::Digest;

use super::applications::{check_editable, owned, step_page};
use super::require_role;
use crate::application::attachments::{
    self, Attachment, AttachmentKind, NewAttachment, UploadProblem, check_upload, megabytes,
};
use crate::application::{Application, Step};
use crate::domain::{ApplicationId, AttachmentId, Edition, Role};
use crate::files::{FileKind, clean_name, new_key};
use crate::i18n::Tr;
use crate::web::AppState;
use crate::web::chrome::{Lang, Session, Viewer};
use crate::web::error::PageError;
use crate::web::forms::check_session_post;

/// The most video links one application may list.
const MAX_VIDEOS: usize = 10;
/// How much of a refused upload is still read, so the browser gets the answer instead of a
/// reset connection; beyond this the connection is simply closed.
const DRAIN_CAP: u64 = 256 * 1024 * 1024;

/// An attachment as listed on the form.
pub struct AttachmentLine {
    pub id: AttachmentId,
    pub name: String,
    /// The download link of a file, or the video's own link.
    pub href: String,
    pub is_video: bool,
    pub detail: String,
}

impl AttachmentLine {
    pub fn new(
        tr: &Tr,
        application: ApplicationId,
        id: AttachmentId,
        kind: AttachmentKind,
        name: &str,
        size: i64,
    ) -> Self {
        let is_video = kind == AttachmentKind::Video;
        AttachmentLine {
            id,
            name: name.to_string(),
            href: if is_video { name.to_string() } else { download_path(application, id) },
            is_video,
            detail: if is_video { tr.t("attach-video") } else { file_size(tr, size) },
        }
    }

    pub fn of(tr: &Tr, attachment: &Attachment) -> Self {
        Self::new(tr, attachment.application_id, attachment.id, attachment.kind, &attachment.name, attachment.size)
    }
}

pub fn download_path(application: ApplicationId, attachment: AttachmentId) -> String {
    format!("/applications/{application}/attachments/{attachment}")
}

/// "2.4 MB", "310 KB": sizes as people read them.
pub fn file_size(tr: &Tr, bytes: i64) -> String {
    let bytes = bytes.max(0) as f64;
    if bytes >= 1024.0 * 1024.0 {
        tr.t1("size-mb", "size", format!("{:.1}", bytes / (1024.0 * 1024.0)))
    } else {
        tr.t1("size-kb", "size", format!("{}", (bytes / 1024.0).ceil() as i64))
    }
}

/// The attachments step again, with why the upload or link was refused.
async fn refused(
    state: &AppState,
    viewer: &Viewer,
    session: &Session,
    application: &Application,
    edition: &Edition,
    status: StatusCode,
    message: String,
) -> Result<Response, PageError> {
    let mut page = step_page(state, viewer, session, application, edition, Step::Attachments, &BTreeMap::new()).await?;
    page.attachment_error = Some(message);
    Ok((status, super::render(viewer.lang, page)?).into_response())
}

fn upload_message(tr: &Tr, problem: &UploadProblem) -> (StatusCode, String) {
    match problem {
        UploadProblem::Empty => (StatusCode::BAD_REQUEST, tr.t("attach-empty")),
        UploadProblem::UnsupportedType => (StatusCode::UNSUPPORTED_MEDIA_TYPE, tr.t("attach-type")),
        UploadProblem::TooLarge { max_mb } => {
            (StatusCode::PAYLOAD_TOO_LARGE, tr.t1("attach-too-large", "max", *max_mb as i64))
        }
        UploadProblem::TotalExceeded { max_mb } => {
            (StatusCode::PAYLOAD_TOO_LARGE, tr.t1("attach-total", "max", *max_mb as i64))
        }
    }
}

/// A field's bytes, reading at most `max` of them; None when there were more (the rest is read
/// and dropped, up to [`DRAIN_CAP`]).
async fn read_field(
    field: &mut Field<'_>,
    max: u64,
) -> Result<Option<Vec<u8>>, axum::extract::multipart::MultipartError> {
    let mut bytes = Vec::new();
    let mut seen: u64 = 0;
    while let Some(chunk) = field.chunk().await? {
        seen += chunk.len() as u64;
        if seen > max {
            if seen > DRAIN_CAP {
                break;
            }
            continue;
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok((seen <= max).then_some(bytes))
}

/// `POST /applications/{id}/attachments` (multipart: `csrf`, then `file`): attaches a PDF or
/// an image.
pub async fn upload(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw_id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Applicant) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let tr = Tr::new(lang.0);
    let (application, edition) = owned(&state, lang, session, &raw_id).await?;
    check_editable(lang, &application, &edition)?;
    let bad_form = |_| PageError::bad_request(lang, tr.t("attach-bad-form"));
    let mut multipart = multipart.map_err(|_| PageError::bad_request(lang, tr.t("attach-bad-form")))?;
    let settings = &edition.application;
    let mut token = String::new();
    let mut upload: Option<(String, Option<Vec<u8>>)> = None;
    while let Some(mut field) = multipart.next_field().await.map_err(bad_form)? {
        match field.name() {
            Some("csrf") => {
                let bytes = read_field(&mut field, 256).await.map_err(bad_form)?.unwrap_or_default();
                token = String::from_utf8(bytes).unwrap_or_default();
            }
            Some("file") if upload.is_none() => {
                // The token comes first in the form: nothing is read of a forged upload.
                check_session_post(lang, &headers, session, &token)?;
                let name = clean_name(field.file_name().unwrap_or(""));
                let bytes = read_field(&mut field, megabytes(settings.max_file_mb)).await.map_err(bad_form)?;
                upload = Some((name, bytes));
            }
            _ => {}
        }
    }
    check_session_post(lang, &headers, session, &token)?;
    let Some((name, bytes)) = upload else {
        return refused(&state, &viewer, session, &application, &edition, StatusCode::BAD_REQUEST, tr.t("attach-none"))
            .await;
    };
    let too_large = UploadProblem::TooLarge { max_mb: settings.max_file_mb };
    let Some(bytes) = bytes else {
        let (status, message) = upload_message(&tr, &too_large);
        return refused(&state, &viewer, session, &application, &edition, status, message).await;
    };
    let kept = state.store.attachments(application.id).await.map_err(PageError::store(lang))?;
    let kind: FileKind = match check_upload(&bytes, bytes.len() as u64, attachments::total_size(&kept), settings) {
        Ok(kind) => kind,
        Err(problem) => {
            let (status, message) = upload_message(&tr, &problem);
            return refused(&state, &viewer, session, &application, &edition, status, message).await;
        }
    };
    let key = new_key();
    if let Err(error) = state.files.put(&key, &bytes).await {
        tracing::error!(%error, "storing an attachment failed");
        let message = tr.t("error-unavailable");
        return refused(&state, &viewer, session, &application, &edition, StatusCode::SERVICE_UNAVAILABLE, message)
            .await;
    }
    let record = NewAttachment {
        kind: AttachmentKind::File,
        name,
        content_type: Some(kind.content_type().to_string()),
        size: bytes.len() as i64,
        storage_key: Some(key.clone()),
        sha256: Some(crate::hex(&sha2::Sha256::digest(&bytes))),
    };
    let max_total = megabytes(settings.max_total_mb) as i64;
    let now = Timestamp::now().as_second();
    let added = state.store.add_attachment(application.id, &record, max_total, session.user.id, now).await;
    match added {
        Ok(Some(_)) => Ok(Redirect::to(&format!("/applications/{}/attachments", application.id)).into_response()),
        Ok(None) => {
            // Another upload took the room meanwhile.
            discard(&state, &key).await;
            let (status, message) =
                upload_message(&tr, &UploadProblem::TotalExceeded { max_mb: settings.max_total_mb });
            refused(&state, &viewer, session, &application, &edition, status, message).await
        }
        Err(error) => {
            discard(&state, &key).await;
            Err(PageError::store(lang)(error))
        }
    }
}

async fn discard(state: &AppState, key: &str) {
    if let Err(error) = state.files.delete(key).await {
        tracing::warn!(%error, key, "an unrecorded file could not be deleted");
    }
}

#[derive(Debug, Deserialize)]
pub struct VideoForm {
    csrf: String,
    link: String,
}

/// `POST /applications/{id}/videos`: adds a link to a video.
pub async fn add_video(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(raw_id): Path<String>,
    form: Result<axum::Form<VideoForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Applicant) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let tr = Tr::new(lang.0);
    let axum::Form(form) = form.map_err(PageError::form(lang))?;
    check_session_post(lang, &headers, session, &form.csrf)?;
    let (application, edition) = owned(&state, lang, session, &raw_id).await?;
    check_editable(lang, &application, &edition)?;
    let Some(link) = attachments::parse_video_link(&form.link) else {
        let message = tr.t1("attach-bad-link", "max", attachments::MAX_LINK_CHARS);
        return refused(&state, &viewer, session, &application, &edition, StatusCode::BAD_REQUEST, message).await;
    };
    let kept = state.store.attachments(application.id).await.map_err(PageError::store(lang))?;
    if kept.iter().filter(|a| a.kind == AttachmentKind::Video).count() >= MAX_VIDEOS {
        let message = tr.t1("attach-too-many-videos", "max", MAX_VIDEOS);
        return refused(&state, &viewer, session, &application, &edition, StatusCode::BAD_REQUEST, message).await;
    }
    let record = NewAttachment {
        kind: AttachmentKind::Video,
        name: link,
        content_type: None,
        size: 0,
        storage_key: None,
        sha256: None,
    };
    let now = Timestamp::now().as_second();
    state
        .store
        .add_attachment(application.id, &record, i64::MAX, session.user.id, now)
        .await
        .map_err(PageError::store(lang))?;
    Ok(Redirect::to(&format!("/applications/{}/attachments", application.id)).into_response())
}

#[derive(Debug, Deserialize)]
pub struct RemoveForm {
    csrf: String,
    #[serde(default)]
    confirm: Option<String>,
}

/// Whether a submitted version of the application lists the attachment.
async fn submitted_with(
    state: &AppState,
    application: ApplicationId,
    attachment: AttachmentId,
) -> crate::storage::StoreResult<bool> {
    for version in state.store.submissions(application).await? {
        if let Some((_, values)) = state.store.submission(application, version.number).await?
            && attachments::attached(&values).iter().any(|item| item.id == attachment)
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The attachment `raw` of `application`, not removed.
async fn attachment_of(
    state: &AppState,
    lang: Lang,
    application: ApplicationId,
    raw: &str,
) -> Result<Attachment, PageError> {
    let id = AttachmentId(super::parse_id(lang, raw, "what-attachment")?);
    state
        .store
        .attachment(id)
        .await
        .map_err(PageError::store(lang))?
        .filter(|a| a.application_id == application)
        .ok_or_else(|| PageError::not_found(lang, "what-attachment"))
}

/// `POST /applications/{id}/attachments/{attachment}/remove`: removes an attachment (after the
/// confirmation box is ticked). A file a submitted version lists stays on record for that
/// version; any other is deleted.
pub async fn remove(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path((raw_id, raw_attachment)): Path<(String, String)>,
    form: Result<axum::Form<RemoveForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, PageError> {
    let session = match require_role(&viewer, Role::Applicant) {
        Ok(session) => session,
        Err(refusal) => return Ok(refusal.into_response()),
    };
    let lang = viewer.lang;
    let axum::Form(form) = form.map_err(PageError::form(lang))?;
    check_session_post(lang, &headers, session, &form.csrf)?;
    let (application, edition) = owned(&state, lang, session, &raw_id).await?;
    check_editable(lang, &application, &edition)?;
    let attachment = attachment_of(&state, lang, application.id, &raw_attachment).await?;
    if attachment.deleted_at.is_some() {
        return Err(PageError::not_found(lang, "what-attachment"));
    }
    if form.confirm.as_deref() != Some("yes") {
        return Err(PageError::bad_request(lang, Tr::new(lang.0).t("app-confirm-needed")));
    }
    let keep = submitted_with(&state, application.id, attachment.id).await.map_err(PageError::store(lang))?;
    let now = Timestamp::now().as_second();
    state.store.remove_attachment(attachment.id, keep, session.user.id, now).await.map_err(PageError::store(lang))?;
    if let (false, Some(key)) = (keep, &attachment.storage_key) {
        discard(&state, key).await;
    }
    Ok(Redirect::to(&format!("/applications/{}/attachments", application.id)).into_response())
}

/// `GET /applications/{id}/attachments/{attachment}`: the file, to its owner (removed ones too,
/// for the versions that list them) and, once a submitted version lists it, to the Secretariat.
pub async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw_id, raw_attachment)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let Some(session) = &viewer.session else {
        return Ok(super::Refusal::SignIn { next: viewer.path.clone() }.into_response());
    };
    let id = ApplicationId(super::parse_id(lang, &raw_id, "what-application")?);
    let application = state
        .store
        .application(id)
        .await
        .map_err(PageError::store(lang))?
        .ok_or_else(|| PageError::not_found(lang, "what-attachment"))?;
    let attachment = attachment_of(&state, lang, id, &raw_attachment).await?;
    let allowed = application.owner_id == session.user.id
        || (session.user.has_role(Role::Secretariat)
            && submitted_with(&state, id, attachment.id).await.map_err(PageError::store(lang))?);
    let (true, Some(key)) = (allowed, &attachment.storage_key) else {
        return Err(PageError::not_found(lang, "what-attachment"));
    };
    let bytes = match state.files.get(key).await {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            tracing::error!(key, attachment = %attachment.id, "a recorded attachment has no file");
            return Err(PageError::not_found(lang, "what-attachment"));
        }
        Err(error) => {
            tracing::error!(%error, "reading an attachment failed");
            return Err(PageError::unavailable(lang));
        }
    };
    let content_type = attachment.content_type.as_deref().unwrap_or("application/octet-stream");
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    if let Ok(value) = HeaderValue::from_str(&content_disposition(&attachment.name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    // Even if a browser rendered the file, it would run nothing and reach nothing.
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox; default-src 'none'"));
    Ok(response)
}

/// `attachment; filename="…"; filename*=UTF-8''…`: an ASCII name for old clients and the real
/// one, percent-encoded, for the others.
fn content_disposition(name: &str) -> String {
    let ascii: String = name.chars().map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '_' }).collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_name_the_file_for_every_client() {
        assert_eq!(
            content_disposition("成果 report.pdf"),
            "attachment; filename=\"__ report.pdf\"; filename*=UTF-8''%E6%88%90%E6%9E%9C%20report.pdf"
        );
    }

    #[test]
    fn sizes_read_like_a_file_manager() {
        let tr = Tr::new(crate::domain::UiLang::En);
        assert_eq!(file_size(&tr, 2_621_440), "2.5 MB");
        assert_eq!(file_size(&tr, 1000), "1 KB");
    }
}
