//! Files in an S3-compatible bucket (feature `s3`). Requests are signed with SigV4 by
//! `rusty-s3` and sent with `reqwest`; a PUT is acknowledged by the service only once the object
//! is stored durably.

use std::time::Duration;

use async_trait::async_trait;
use rusty_s3::actions::{DeleteObject, GetObject, HeadBucket, PutObject, S3Action};
use rusty_s3::{Bucket, Credentials, UrlStyle};

use super::{FileError, ObjectStore, check_key};

/// How long a signed request stays valid: just long enough to be sent.
const SIGNED_FOR: Duration = Duration::from_secs(300);

/// Where the bucket is and how to reach it.
#[derive(Debug, Clone)]
pub struct S3Config {
    pub bucket: String,
    /// Prepended to every key (e.g. `kapok/`), so one bucket can serve several sites.
    pub prefix: String,
    /// The service's address, e.g. `http://127.0.0.1:9000` for MinIO; AWS's regional
    /// endpoint when absent.
    pub endpoint: Option<String>,
    pub region: String,
    pub access_key: String,
    pub secret_key: String,
    pub session_token: Option<String>,
}

impl S3Config {
    /// `s3://bucket[/prefix][?endpoint=URL&region=NAME]`, with the keys from the standard
    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`) variables; the
    /// endpoint and region may also come from `AWS_ENDPOINT_URL` and `AWS_REGION`.
    pub fn from_url(text: &str) -> Result<S3Config, FileError> {
        Self::from_url_and(text, |name| std::env::var(name).ok())
    }

    fn from_url_and(text: &str, variable: impl Fn(&str) -> Option<String>) -> Result<S3Config, FileError> {
        let url = url::Url::parse(text).map_err(|e| FileError(format!("{text}: {e}")))?;
        let bucket = url.host_str().filter(|b| !b.is_empty()).ok_or_else(|| FileError(format!("{text}: no bucket")))?;
        let query: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
        let env = |name: &str| variable(name).filter(|v| !v.is_empty());
        let prefix = url.path().trim_matches('/');
        Ok(S3Config {
            bucket: bucket.to_string(),
            prefix: if prefix.is_empty() { String::new() } else { format!("{prefix}/") },
            endpoint: query.get("endpoint").cloned().or_else(|| env("AWS_ENDPOINT_URL")),
            region: query.get("region").cloned().or_else(|| env("AWS_REGION")).unwrap_or_else(|| "us-east-1".into()),
            access_key: env("AWS_ACCESS_KEY_ID")
                .ok_or_else(|| FileError("S3 storage needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY".into()))?,
            secret_key: env("AWS_SECRET_ACCESS_KEY")
                .ok_or_else(|| FileError("S3 storage needs AWS_SECRET_ACCESS_KEY".into()))?,
            session_token: env("AWS_SESSION_TOKEN"),
        })
    }
}

pub struct S3Files {
    bucket: Bucket,
    credentials: Credentials,
    prefix: String,
    client: reqwest::Client,
}

impl S3Files {
    /// Connects and checks that the bucket is there and readable with these keys.
    pub async fn connect(config: S3Config) -> Result<S3Files, FileError> {
        // A custom endpoint (MinIO and the like) takes the bucket in the path; AWS in the host.
        let (endpoint, style) = match &config.endpoint {
            Some(endpoint) => (endpoint.clone(), UrlStyle::Path),
            None => (format!("https://s3.{}.amazonaws.com", config.region), UrlStyle::VirtualHost),
        };
        let endpoint = endpoint.parse().map_err(|e| FileError(format!("S3 endpoint {endpoint:?}: {e}")))?;
        let bucket = Bucket::new(endpoint, style, config.bucket.clone(), config.region.clone())
            .map_err(|e| FileError(format!("S3 bucket {:?}: {e}", config.bucket)))?;
        let credentials = match config.session_token {
            Some(token) => Credentials::new_with_token(config.access_key, config.secret_key, token),
            None => Credentials::new(config.access_key, config.secret_key),
        };
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(120))
            .build()
            .map_err(|e| FileError(e.to_string()))?;
        let files = S3Files { bucket, credentials, prefix: config.prefix, client };
        let url = HeadBucket::new(&files.bucket, Some(&files.credentials)).sign(SIGNED_FOR);
        let response = files.client.head(url).send().await.map_err(|e| FileError(format!("S3: {e}")))?;
        if !response.status().is_success() {
            return Err(FileError(format!(
                "S3 bucket {:?} answered {} (does it exist, and may these keys use it?)",
                config.bucket,
                response.status()
            )));
        }
        Ok(files)
    }

    fn object(&self, key: &str) -> Result<String, FileError> {
        check_key(key)?;
        Ok(format!("{}{key}", self.prefix))
    }
}

async fn failure(action: &str, response: reqwest::Response) -> FileError {
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    FileError(format!("S3 {action} answered {status}: {}", body.chars().take(300).collect::<String>()))
}

fn unreachable(error: reqwest::Error) -> FileError {
    FileError(format!("S3: {error}"))
}

#[async_trait]
impl ObjectStore for S3Files {
    async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), FileError> {
        let object = self.object(key)?;
        let url = PutObject::new(&self.bucket, Some(&self.credentials), &object).sign(SIGNED_FOR);
        let response = self
            .client
            .put(url)
            .header(reqwest::header::CONTENT_LENGTH, bytes.len())
            .body(bytes.to_vec())
            .send()
            .await
            .map_err(unreachable)?;
        if response.status().is_success() { Ok(()) } else { Err(failure("PUT", response).await) }
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, FileError> {
        let object = self.object(key)?;
        let url = GetObject::new(&self.bucket, Some(&self.credentials), &object).sign(SIGNED_FOR);
        let response = self.client.get(url).send().await.map_err(unreachable)?;
        match response.status() {
            status if status.is_success() => Ok(Some(response.bytes().await.map_err(unreachable)?.to_vec())),
            reqwest::StatusCode::NOT_FOUND => Ok(None),
            _ => Err(failure("GET", response).await),
        }
    }

    async fn delete(&self, key: &str) -> Result<(), FileError> {
        let object = self.object(key)?;
        let url = DeleteObject::new(&self.bucket, Some(&self.credentials), &object).sign(SIGNED_FOR);
        let response = self.client.delete(url).send().await.map_err(unreachable)?;
        match response.status() {
            status if status.is_success() || status == reqwest::StatusCode::NOT_FOUND => Ok(()),
            _ => Err(failure("DELETE", response).await),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_names_bucket_prefix_endpoint_and_region() {
        let keys = |name: &str| match name {
            "AWS_ACCESS_KEY_ID" => Some("id".to_string()),
            "AWS_SECRET_ACCESS_KEY" => Some("secret".to_string()),
            _ => None,
        };
        let config =
            S3Config::from_url_and("s3://award-files/kapok/prod?endpoint=http://127.0.0.1:9000&region=eu-west-3", keys)
                .unwrap();
        assert_eq!(config.bucket, "award-files");
        assert_eq!(config.prefix, "kapok/prod/");
        assert_eq!(config.endpoint.as_deref(), Some("http://127.0.0.1:9000"));
        assert_eq!(config.region, "eu-west-3");
        assert_eq!((config.access_key.as_str(), config.secret_key.as_str()), ("id", "secret"));
        let plain = S3Config::from_url_and("s3://award-files", keys).unwrap();
        assert_eq!((plain.prefix.as_str(), plain.region.as_str(), plain.endpoint), ("", "us-east-1", None));
        let no_keys = S3Config::from_url_and("s3://award-files", |_| None).unwrap_err();
        assert!(no_keys.to_string().contains("AWS_ACCESS_KEY_ID"));
    }
}
