//! The app's client of the state API.
//!
//! Every call has a timeout and every failure is a typed [`SyncError`] that says whether trying
//! again later can help. This crate never touches the local store or the UI: the shell moves
//! data between them. It never logs personal data.

use std::time::Duration;

use domain::Catalog;
use reqwest::header::{ETAG, IF_NONE_MATCH};
use reqwest::StatusCode;

/// What a catalog refresh brought.
#[derive(Debug, Clone, PartialEq)]
pub enum CatalogFetch {
    /// A catalog different from the one we have, with its ETag.
    Changed {
        catalog: Box<Catalog>,
        etag: Option<String>,
    },
    /// 304 Not Modified: ours is current.
    NotModified,
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// No connection, a timeout, a dropped connection: try again later.
    #[error("the state API cannot be reached: {0}")]
    Unreachable(String),
    /// The server answered with an error status.
    #[error("the state API answered {status}")]
    Status { status: u16 },
    /// The server answered something we cannot read.
    #[error("the state API's answer could not be read: {0}")]
    Malformed(String),
    #[error("invalid state API address {0:?}")]
    InvalidBaseUrl(String),
}

impl SyncError {
    /// Whether a later retry can succeed without anything changing on our side.
    pub fn is_transient(&self) -> bool {
        match self {
            SyncError::Unreachable(_) => true,
            SyncError::Status { status } => *status >= 500 || *status == 429 || *status == 408,
            SyncError::Malformed(_) | SyncError::InvalidBaseUrl(_) => false,
        }
    }
}

/// A client of one state API.
#[derive(Debug, Clone)]
pub struct StateApiClient {
    base: reqwest::Url,
    http: reqwest::Client,
}

impl StateApiClient {
    /// `base` is the server's root, e.g. `http://127.0.0.1:8787/`.
    pub fn new(base: &str) -> Result<StateApiClient, SyncError> {
        let mut base_text = base.trim().to_string();
        if !base_text.ends_with('/') {
            base_text.push('/');
        }
        let base = reqwest::Url::parse(&base_text)
            .map_err(|_| SyncError::InvalidBaseUrl(base.to_string()))?;
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(30))
            .user_agent(concat!("ThueringenApp/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::Malformed(e.to_string()))?;
        Ok(StateApiClient { base, http })
    }

    fn url(&self, path: &str) -> Result<reqwest::Url, SyncError> {
        self.base
            .join(path)
            .map_err(|_| SyncError::InvalidBaseUrl(path.to_string()))
    }

    /// `GET /v1/catalog`, conditional on the ETag we hold.
    pub async fn fetch_catalog(&self, etag: Option<&str>) -> Result<CatalogFetch, SyncError> {
        let mut request = self.http.get(self.url("v1/catalog")?);
        if let Some(etag) = etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        let response = request
            .send()
            .await
            .map_err(|e| SyncError::Unreachable(e.to_string()))?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(CatalogFetch::NotModified);
        }
        if !status.is_success() {
            return Err(SyncError::Status {
                status: status.as_u16(),
            });
        }
        let etag = response
            .headers()
            .get(ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response
            .bytes()
            .await
            .map_err(|e| SyncError::Unreachable(e.to_string()))?;
        let catalog: Catalog =
            serde_json::from_slice(&body).map_err(|e| SyncError::Malformed(e.to_string()))?;
        Ok(CatalogFetch::Changed {
            catalog: Box::new(catalog),
            etag,
        })
    }
}
