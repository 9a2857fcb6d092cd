//! Attachments of an application: files (PDF and images, their type told from the content) and
//! links to videos. What counts against the limits, what a submitted version records of them,
//! and which links are accepted. Pure: no I/O.

use serde::{Deserialize, Serialize};

use super::{ApplicationSettings, Values};
use crate::domain::{ApplicationId, AttachmentId, vocabulary};
use crate::files::FileKind;

vocabulary!(
    /// What an attachment is.
    AttachmentKind, "attachment kind" { File = "file", Video = "video" }
);

/// The field of a submitted version that lists its attachments, so the version's digest covers
/// them and the Secretariat can fetch exactly the files that were sent.
pub const ATTACHMENTS_FIELD: &str = "attachments";

/// The longest video link accepted.
pub const MAX_LINK_CHARS: usize = 500;

/// An attachment as kept: for a file, its bytes live in the object store under `storage_key`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attachment {
    pub id: AttachmentId,
    pub application_id: ApplicationId,
    pub kind: AttachmentKind,
    /// The file's name as uploaded (cleaned), or the video's link.
    pub name: String,
    pub content_type: Option<String>,
    pub size: i64,
    pub storage_key: Option<String>,
    pub sha256: Option<String>,
    pub created_at: i64,
    /// Set when the applicant removed it; the bytes stay while a submitted version lists it.
    pub deleted_at: Option<i64>,
}

/// An attachment to record.
#[derive(Debug, Clone)]
pub struct NewAttachment {
    pub kind: AttachmentKind,
    pub name: String,
    pub content_type: Option<String>,
    pub size: i64,
    pub storage_key: Option<String>,
    pub sha256: Option<String>,
}

/// What a submitted version records of one attachment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachedItem {
    pub id: AttachmentId,
    pub kind: AttachmentKind,
    pub name: String,
    pub size: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

/// Why an upload is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadProblem {
    Empty,
    /// Not a PDF or an image, whatever its name says.
    UnsupportedType,
    /// Larger than the per-file limit (megabytes).
    TooLarge {
        max_mb: u64,
    },
    /// Would take the application's files past their total limit (megabytes).
    TotalExceeded {
        max_mb: u64,
    },
}

/// Bytes in `mb` megabytes (MiB, as file managers count).
pub fn megabytes(mb: u64) -> u64 {
    mb * 1024 * 1024
}

/// Checks a file to attach: its type from its first bytes, its size against the per-file limit,
/// and with `already` bytes attached, against the application's total.
pub fn check_upload(
    head: &[u8],
    size: u64,
    already: u64,
    settings: &ApplicationSettings,
) -> Result<FileKind, UploadProblem> {
    if size == 0 {
        return Err(UploadProblem::Empty);
    }
    if size > megabytes(settings.max_file_mb) {
        return Err(UploadProblem::TooLarge { max_mb: settings.max_file_mb });
    }
    let kind = FileKind::sniff(head).ok_or(UploadProblem::UnsupportedType)?;
    if already + size > megabytes(settings.max_total_mb) {
        return Err(UploadProblem::TotalExceeded { max_mb: settings.max_total_mb });
    }
    Ok(kind)
}

/// Bytes of files counted against the total: those not removed.
pub fn total_size(attachments: &[Attachment]) -> u64 {
    attachments
        .iter()
        .filter(|a| a.kind == AttachmentKind::File && a.deleted_at.is_none())
        .map(|a| a.size.max(0) as u64)
        .sum()
}

/// A video link as kept, if it is one: an absolute http(s) address with a host, no spaces, at
/// most [`MAX_LINK_CHARS`]. Any video site is accepted (cities use many, by country).
pub fn parse_video_link(text: &str) -> Option<String> {
    let link = text.trim();
    let rest = link.strip_prefix("https://").or_else(|| link.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty()
        && host.contains('.')
        && !host.contains('@')
        && host.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':'));
    let link_ok = link.chars().count() <= MAX_LINK_CHARS && !link.chars().any(|c| c.is_whitespace() || c.is_control());
    (host_ok && link_ok).then(|| link.to_string())
}

/// The value of [`ATTACHMENTS_FIELD`] for a version: the attachments not removed, oldest first.
pub fn snapshot(attachments: &[Attachment]) -> String {
    let items: Vec<AttachedItem> = attachments
        .iter()
        .filter(|a| a.deleted_at.is_none())
        .map(|a| AttachedItem { id: a.id, kind: a.kind, name: a.name.clone(), size: a.size, sha256: a.sha256.clone() })
        .collect();
    serde_json::to_string(&items).expect("attachments serialise")
}

/// The attachments a submitted version lists (none for versions from before attachments).
pub fn attached(values: &Values) -> Vec<AttachedItem> {
    values.get(ATTACHMENTS_FIELD).and_then(|v| serde_json::from_str(v).ok()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(file_mb: u64, total_mb: u64) -> ApplicationSettings {
        ApplicationSettings { max_file_mb: file_mb, max_total_mb: total_mb, ..Default::default() }
    }

    fn file(id: i64, size: i64, deleted: bool) -> Attachment {
        Attachment {
            id: AttachmentId(id),
            application_id: ApplicationId(1),
            kind: AttachmentKind::File,
            name: format!("f{id}.pdf"),
            content_type: Some("application/pdf".into()),
            size,
            storage_key: Some(format!("k{id}")),
            sha256: Some("ab".into()),
            created_at: 0,
            deleted_at: deleted.then_some(5),
        }
    }

    #[test]
    fn uploads_are_judged_by_content_and_limits() {
        let s = settings(1, 2);
        assert_eq!(check_upload(b"%PDF-1.7", 100, 0, &s), Ok(FileKind::Pdf));
        assert_eq!(check_upload(b"MZ\x90\0", 100, 0, &s), Err(UploadProblem::UnsupportedType));
        assert_eq!(check_upload(b"%PDF-1.7", 0, 0, &s), Err(UploadProblem::Empty));
        assert_eq!(check_upload(b"%PDF-1.7", megabytes(1) + 1, 0, &s), Err(UploadProblem::TooLarge { max_mb: 1 }));
        assert_eq!(check_upload(b"%PDF-1.7", megabytes(1), megabytes(1), &s), Ok(FileKind::Pdf));
        assert_eq!(
            check_upload(b"%PDF-1.7", megabytes(1), megabytes(1) + 1, &s),
            Err(UploadProblem::TotalExceeded { max_mb: 2 })
        );
    }

    #[test]
    fn removed_files_and_links_do_not_count() {
        let mut video = file(3, 0, false);
        video.kind = AttachmentKind::Video;
        assert_eq!(total_size(&[file(1, 10, false), file(2, 20, true), video]), 10);
    }

    #[test]
    fn video_links_must_be_web_addresses() {
        assert_eq!(
            parse_video_link(" https://www.youtube.com/watch?v=abc "),
            Some("https://www.youtube.com/watch?v=abc".into())
        );
        assert!(parse_video_link("https://v.youku.com/v_show/id_X.html").is_some());
        assert!(parse_video_link("javascript:alert(1)").is_none());
        assert!(parse_video_link("https://").is_none());
        assert!(parse_video_link("https://localhost/x").is_none());
        assert!(parse_video_link("https://user@evil.example/").is_none());
        assert!(parse_video_link("https://a.example/with space").is_none());
        assert!(parse_video_link(&format!("https://a.example/{}", "x".repeat(600))).is_none());
    }

    #[test]
    fn versions_record_the_attachments_not_removed() {
        let values: Values =
            [(ATTACHMENTS_FIELD.to_string(), snapshot(&[file(1, 10, false), file(2, 20, true)]))].into();
        let listed = attached(&values);
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].id, AttachmentId(1));
        assert!(attached(&Values::new()).is_empty());
    }
}
