//! File storage behind one trait, [`ObjectStore`]: local files by default. Keys are made by
//! Kapok (random), never taken from a user, so no path a user sends reaches the disk. A file is
//! acknowledged only once it is written and flushed to disk.
//!
//! Also here: telling a file's type from its content, not its name.

#[cfg(feature = "s3")]
mod s3;

use std::path::{Path, PathBuf};

use async_trait::async_trait;

#[derive(Debug, thiserror::Error)]
#[error("file storage: {0}")]
pub struct FileError(pub String);

impl From<std::io::Error> for FileError {
    fn from(error: std::io::Error) -> Self {
        FileError(error.to_string())
    }
}

#[async_trait]
pub trait ObjectStore: Send + Sync + 'static {
    async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), FileError>;
    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, FileError>;
    async fn delete(&self, key: &str) -> Result<(), FileError>;
}

/// Opens the file storage named by `url`: a directory (`/srv/kapok/files`, `file:///srv/…`), or
/// with the `s3` feature an S3-compatible bucket (`s3://bucket/prefix?endpoint=…&region=…`,
/// keys from `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`).
pub async fn open(url: &str) -> Result<std::sync::Arc<dyn ObjectStore>, FileError> {
    if url.starts_with("s3://") {
        #[cfg(feature = "s3")]
        return Ok(std::sync::Arc::new(s3::S3Files::connect(s3::S3Config::from_url(url)?).await?));
        #[cfg(not(feature = "s3"))]
        return Err(FileError(format!(
            "{url}: S3 storage needs Kapok built with the s3 feature (cargo build --release --features s3)"
        )));
    }
    let dir = url.strip_prefix("file://").unwrap_or(url);
    Ok(std::sync::Arc::new(LocalFiles::new(Path::new(dir))?))
}

#[cfg(feature = "s3")]
pub use s3::{S3Config, S3Files};

/// Keys are made by [`new_key`]; anything else (a path, a dot) is refused before it reaches a
/// disk or a bucket.
fn check_key(key: &str) -> Result<(), FileError> {
    if key.len() < 3 || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(FileError(format!("invalid key {key:?}")));
    }
    Ok(())
}

/// Files under a directory, one per key, spread over subdirectories by the key's first two
/// characters.
pub struct LocalFiles {
    root: PathBuf,
}

impl LocalFiles {
    pub fn new(root: &Path) -> Result<LocalFiles, FileError> {
        std::fs::create_dir_all(root).map_err(|e| FileError(format!("cannot create {}: {e}", root.display())))?;
        Ok(LocalFiles { root: root.to_path_buf() })
    }

    fn path(&self, key: &str) -> Result<PathBuf, FileError> {
        check_key(key)?;
        Ok(self.root.join(&key[..2]).join(key))
    }
}

#[async_trait]
impl ObjectStore for LocalFiles {
    async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), FileError> {
        let path = self.path(key)?;
        let bytes = bytes.to_vec();
        tokio::task::spawn_blocking(move || -> Result<(), FileError> {
            use std::io::Write;
            let dir = path.parent().expect("keys have a directory");
            std::fs::create_dir_all(dir)?;
            // Written aside and renamed, so a reader never sees half a file.
            let staging = path.with_extension("partial");
            let mut file = std::fs::File::create(&staging)?;
            file.write_all(&bytes)?;
            file.sync_all()?;
            std::fs::rename(&staging, &path)?;
            std::fs::File::open(dir)?.sync_all()?;
            Ok(())
        })
        .await
        .map_err(|e| FileError(e.to_string()))?
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, FileError> {
        match tokio::fs::read(self.path(key)?).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    async fn delete(&self, key: &str) -> Result<(), FileError> {
        match tokio::fs::remove_file(self.path(key)?).await {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error.into()),
            _ => Ok(()),
        }
    }
}

/// The file types applications may attach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
}

impl FileKind {
    /// Tells the type from the first bytes of the content; None for anything else, whatever
    /// the file's name says.
    pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
        if bytes.starts_with(b"%PDF-") {
            Some(FileKind::Pdf)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(FileKind::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileKind::Jpeg)
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Some(FileKind::Gif)
        } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(FileKind::Webp)
        } else {
            None
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Gif => "image/gif",
            FileKind::Webp => "image/webp",
        }
    }
}

/// A random key for a new object.
pub fn new_key() -> String {
    let bytes: [u8; 16] = rand::random();
    crate::hex(&bytes)
}

/// A file name fit to show and to send back in Content-Disposition: no path, no control or
/// quoting characters, at most 120 characters.
pub fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '\\' | ';'))
        .take(120)
        .collect::<String>()
        .trim()
        .to_string();
    if cleaned.is_empty() || cleaned.chars().all(|c| c == '.') { "file".into() } else { cleaned }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_content_not_the_name() {
        assert_eq!(FileKind::sniff(b"%PDF-1.7\n..."), Some(FileKind::Pdf));
        assert_eq!(FileKind::sniff(b"\x89PNG\r\n\x1a\n\0\0"), Some(FileKind::Png));
        assert_eq!(FileKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(FileKind::Jpeg));
        assert_eq!(FileKind::sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(FileKind::Webp));
        assert_eq!(FileKind::sniff(b"<html><script>alert(1)</script>"), None);
        assert_eq!(FileKind::sniff(b"MZ\x90\0"), None, "executables");
        assert_eq!(FileKind::sniff(b""), None);
    }

    #[test]
    fn names_lose_paths_and_dangerous_characters() {
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name(r#"C:\Users\ana\report "final".pdf"#), "report final.pdf");
        assert_eq!(clean_name("成果报告.pdf"), "成果报告.pdf");
        assert_eq!(clean_name(".."), "file");
        assert_eq!(clean_name(&"a".repeat(300)).len(), 120);
    }

    #[tokio::test]
    async fn local_files_round_trip_and_refuse_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = LocalFiles::new(dir.path()).unwrap();
        let key = new_key();
        store.put(&key, b"%PDF-1.4 hello").await.unwrap();
        assert_eq!(store.get(&key).await.unwrap().unwrap(), b"%PDF-1.4 hello");
        store.delete(&key).await.unwrap();
        assert!(store.get(&key).await.unwrap().is_none());
        assert!(store.put("../escape", b"x").await.is_err());
        assert!(store.get("a/b").await.is_err());
    }
}
