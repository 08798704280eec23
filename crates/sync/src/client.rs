//! The HTTP client of one state API: one typed method per endpoint, a timeout on every call,
//! refusals parsed into [`SyncError`] with their problem document and `Retry-After`.
//!
//! It never retries by itself (the outbox worker decides), never logs, and never keeps a token:
//! callers pass the access token for each call.

use std::collections::HashMap;
use std::time::Duration;

use domain::Catalog;
use keychain::Secret;
use reqwest::header::{
    HeaderMap, HeaderValue, AUTHORIZATION, CONTENT_TYPE, ETAG, IF_NONE_MATCH, RETRY_AFTER,
};
use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::{parse_retry_after, Problem, SyncError};
use crate::transport::Transport;
use crate::wire;

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

/// Timeouts of the client. Uploads get their own, longer per-request limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub connect: Duration,
    pub request: Duration,
    pub upload: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(5),
            request: Duration::from_secs(30),
            upload: Duration::from_secs(120),
        }
    }
}

/// Checked key sets by destination, with the time each was fetched.
type KeySetCache = HashMap<String, (jose::DestinationKeys, i64)>;

/// A client of one state API.
#[derive(Debug, Clone)]
pub struct StateApiClient {
    base: reqwest::Url,
    http: reqwest::Client,
    timeouts: Timeouts,
    /// The keys destination key sets must be signed under (built into the app); none: no
    /// receipt can be checked.
    trust_anchors: std::sync::Arc<[jose::RsaPublicJwk]>,
    /// Destination key sets already checked under the anchors, with when they were fetched
    /// (Unix seconds), shared by the clones of this client.
    key_sets: std::sync::Arc<std::sync::Mutex<KeySetCache>>,
}

fn unreachable(error: reqwest::Error) -> SyncError {
    // Without the URL: it may carry a code or an id in its query.
    SyncError::Unreachable(error.without_url().to_string())
}

/// The device's wall clock in Unix seconds, only for an HTTP-date in `Retry-After`: that date is
/// the server's real time, so it is compared with real time, not with the app's clock (which a
/// debug build may move; in a release build both are the same).
fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// `Authorization: Bearer` marked sensitive (never printed by `Debug`, never indexed by HTTP/2
/// header compression); our own copy of the header text is wiped.
fn bearer(request: reqwest::RequestBuilder, token: &Secret) -> reqwest::RequestBuilder {
    let text = Zeroizing::new(format!("Bearer {}", token.expose()));
    match HeaderValue::from_str(&text) {
        Ok(mut value) => {
            value.set_sensitive(true);
            request.header(AUTHORIZATION, value)
        }
        // A token with bytes a header cannot carry: send none; the server answers 401.
        Err(_) => request,
    }
}

fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?;
    parse_retry_after(value, now_unix())
}

impl StateApiClient {
    /// `base` is the server's root, e.g. `http://127.0.0.1:8787/`, under the development rules
    /// ([`Transport::development`]: loopback HTTP allowed, no pins). A release build uses
    /// [`StateApiClient::with_transport`] with pins.
    pub fn new(base: &str) -> Result<StateApiClient, SyncError> {
        StateApiClient::with_timeouts(base, Timeouts::default())
    }

    /// [`StateApiClient::new`] with other timeouts.
    pub fn with_timeouts(base: &str, timeouts: Timeouts) -> Result<StateApiClient, SyncError> {
        StateApiClient::with_transport(base, timeouts, &Transport::development())
    }

    /// A client that reaches `base` only as `transport` allows: its scheme is checked here,
    /// its certificate and pins on every connection.
    pub fn with_transport(
        base: &str,
        timeouts: Timeouts,
        transport: &Transport,
    ) -> Result<StateApiClient, SyncError> {
        let mut base_text = base.trim().to_string();
        if !base_text.ends_with('/') {
            base_text.push('/');
        }
        let base = reqwest::Url::parse(&base_text)
            .map_err(|_| SyncError::InvalidBaseUrl(base.to_string()))?;
        transport.check(&base)?;
        let http = reqwest::Client::builder()
            .use_preconfigured_tls(transport.tls_config()?)
            .https_only(base.scheme() == "https")
            .connect_timeout(timeouts.connect)
            .timeout(timeouts.request)
            .pool_idle_timeout(Duration::from_secs(30))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("ThueringenApp/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::Malformed(e.to_string()))?;
        Ok(StateApiClient {
            base,
            http,
            timeouts,
            trust_anchors: std::sync::Arc::from(Vec::new()),
            key_sets: Default::default(),
        })
    }

    /// The same client, trusting destination keys signed under `anchors`.
    pub fn with_trust_anchors(mut self, anchors: Vec<jose::RsaPublicJwk>) -> StateApiClient {
        self.trust_anchors = std::sync::Arc::from(anchors);
        self
    }

    /// A key set checked earlier, if fetched less than `max_age` seconds before `now` and not
    /// about to expire.
    pub(crate) fn checked_key_set(
        &self,
        destination: &str,
        now: i64,
        max_age: i64,
    ) -> Option<jose::DestinationKeys> {
        let cache = self.key_sets.lock().ok()?;
        let (keys, fetched) = cache.get(destination)?;
        (now - fetched < max_age && now >= *fetched - max_age && now + 60 < keys.exp)
            .then(|| keys.clone())
    }

    /// Keeps a key set that was checked under the anchors.
    pub(crate) fn keep_key_set(&self, keys: &jose::DestinationKeys, now: i64) {
        if let Ok(mut cache) = self.key_sets.lock() {
            cache.insert(keys.destination.clone(), (keys.clone(), now));
        }
    }

    /// Forgets a destination's key set (the authority named another key as current).
    pub(crate) fn forget_key_set(&self, destination: &str) {
        if let Ok(mut cache) = self.key_sets.lock() {
            cache.remove(destination);
        }
    }

    /// The trust anchors this client checks destination keys against.
    pub fn trust_anchors(&self) -> &[jose::RsaPublicJwk] {
        &self.trust_anchors
    }

    /// The server's root address.
    pub fn base(&self) -> &reqwest::Url {
        &self.base
    }

    pub(crate) fn timeouts(&self) -> &Timeouts {
        &self.timeouts
    }

    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.http
    }

    pub(crate) fn url(&self, path: &str) -> Result<reqwest::Url, SyncError> {
        self.base
            .join(path)
            .map_err(|_| SyncError::InvalidBaseUrl(path.to_string()))
    }

    /// Sends a request; a non-success status becomes [`SyncError`].
    pub(crate) async fn send(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<reqwest::Response, SyncError> {
        let response = request.send().await.map_err(unreachable)?;
        let status = response.status();
        if status.is_success() || status == StatusCode::NOT_MODIFIED {
            return Ok(response);
        }
        if status == StatusCode::UNAUTHORIZED {
            return Err(SyncError::Unauthorized);
        }
        let retry_after = retry_after(response.headers());
        let is_json = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("json"));
        let problem = if is_json {
            let body = response.bytes().await.map_err(unreachable)?;
            serde_json::from_slice::<Problem>(&body).ok().map(Box::new)
        } else {
            None
        };
        Err(SyncError::Refused {
            status: status.as_u16(),
            problem,
            retry_after,
        })
    }

    pub(crate) async fn json<T: DeserializeOwned>(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<T, SyncError> {
        let response = self.send(request).await?;
        let body = response.bytes().await.map_err(unreachable)?;
        serde_json::from_slice(&body).map_err(|e| SyncError::Malformed(e.to_string()))
    }

    fn authed(&self, request: reqwest::RequestBuilder, token: &Secret) -> reqwest::RequestBuilder {
        bearer(request, token)
    }

    /// `GET /v1/catalog`, conditional on the ETag we hold.
    pub async fn fetch_catalog(&self, etag: Option<&str>) -> Result<CatalogFetch, SyncError> {
        let mut request = self.http.get(self.url("v1/catalog")?);
        if let Some(etag) = etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        let response = self.send(request).await?;
        if response.status() == StatusCode::NOT_MODIFIED {
            return Ok(CatalogFetch::NotModified);
        }
        let etag = response
            .headers()
            .get(ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response.bytes().await.map_err(unreachable)?;
        let catalog: Catalog =
            serde_json::from_slice(&body).map_err(|e| SyncError::Malformed(e.to_string()))?;
        Ok(CatalogFetch::Changed {
            catalog: Box::new(catalog),
            etag,
        })
    }

    /// `GET /health`: whether the server answers at all.
    pub async fn health(&self) -> Result<(), SyncError> {
        let request = self
            .http
            .get(self.url("health")?)
            .timeout(self.timeouts.connect);
        self.send(request).await.map(|_| ())
    }

    /// `GET /v1/destinations/{id}/keys`: an authority's key set as the server hands it out
    /// (to be checked against the trust anchors before any use).
    pub async fn destination_keys(
        &self,
        destination: &str,
    ) -> Result<wire::DestinationKeySet, SyncError> {
        let plain = !destination.is_empty()
            && destination
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !plain {
            return Err(SyncError::Malformed("an unusual destination id".into()));
        }
        let request = self
            .http
            .get(self.url(&format!("v1/destinations/{destination}/keys"))?);
        self.json(request).await
    }

    /// The authority responsible for the service `leika` at the place `ars`, as the state API
    /// routes it (`GET /v1/authorities?ars=&leika=`): `None` where nobody is responsible.
    pub async fn responsible_authority(
        &self,
        leika: &str,
        ars: &str,
    ) -> Result<Option<String>, SyncError> {
        #[derive(serde::Deserialize)]
        struct Authority {
            id: String,
        }
        let mut url = self.url("v1/authorities")?;
        url.query_pairs_mut()
            .append_pair("ars", ars)
            .append_pair("leika", leika);
        match self.json::<Vec<Authority>>(self.http.get(url)).await {
            Ok(found) => Ok(found.into_iter().next().map(|a| a.id)),
            Err(error) if matches!(error.problem(), Some((404, _))) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// OpenID Connect discovery.
    pub async fn openid_configuration(&self) -> Result<wire::OpenIdConfiguration, SyncError> {
        self.json(self.http.get(self.url(".well-known/openid-configuration")?))
            .await
    }

    /// `POST /v1/submissions` with `Idempotency-Key: id`.
    pub async fn create_submission(
        &self,
        token: &Secret,
        id: Uuid,
        body: &wire::CreateSubmission,
    ) -> Result<wire::Submission, SyncError> {
        let request = self
            .http
            .post(self.url("v1/submissions")?)
            .header("Idempotency-Key", id.to_string())
            .json(body);
        self.json(self.authed(request, token)).await
    }

    /// `POST /v1/accessibility-reports` with `Idempotency-Key: id` (no login: anyone may report
    /// a barrier). The body is the report as [`AccessibilityReport::normalized`] makes it.
    ///
    /// [`AccessibilityReport::normalized`]: domain::feedback::AccessibilityReport::normalized
    pub async fn send_accessibility_report(
        &self,
        id: Uuid,
        body: &domain::feedback::AccessibilityReport,
    ) -> Result<wire::ReportReceipt, SyncError> {
        let request = self
            .http
            .post(self.url("v1/accessibility-reports")?)
            .header("Idempotency-Key", id.to_string())
            .json(body);
        self.json(request).await
    }

    /// `HEAD` of an attachment: how many bytes the server holds.
    pub async fn upload_offset(
        &self,
        token: &Secret,
        id: Uuid,
        attachment: Uuid,
    ) -> Result<u64, SyncError> {
        let url = self.url(&format!("v1/submissions/{id}/attachments/{attachment}"))?;
        let response = self.send(self.authed(self.http.head(url), token)).await?;
        response
            .headers()
            .get("upload-offset")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| SyncError::Malformed("no Upload-Offset".into()))
    }

    /// `PATCH` one chunk of an attachment at `offset`.
    pub async fn upload_chunk(
        &self,
        token: &Secret,
        id: Uuid,
        attachment: Uuid,
        offset: u64,
        chunk: Vec<u8>,
    ) -> Result<wire::AttachmentState, SyncError> {
        let url = self.url(&format!("v1/submissions/{id}/attachments/{attachment}"))?;
        let request = self
            .http
            .patch(url)
            .timeout(self.timeouts.upload)
            .header("Upload-Offset", offset.to_string())
            .header(CONTENT_TYPE, "application/offset+octet-stream")
            .body(chunk);
        self.json(self.authed(request, token)).await
    }

    /// `POST /v1/submissions/{id}/submit`.
    pub async fn submit(
        &self,
        token: &Secret,
        id: Uuid,
        body: &wire::SubmitSubmission,
    ) -> Result<wire::Submission, SyncError> {
        let request = self
            .http
            .post(self.url(&format!("v1/submissions/{id}/submit"))?)
            .json(body);
        self.json(self.authed(request, token)).await
    }

    /// `GET /v1/submissions/{id}`.
    pub async fn submission(
        &self,
        token: &Secret,
        id: &str,
    ) -> Result<wire::Submission, SyncError> {
        let request = self.http.get(self.url(&format!("v1/submissions/{id}"))?);
        self.json(self.authed(request, token)).await
    }

    /// `POST /v1/submissions/{id}/withdrawal`: the citizen withdraws a sent application.
    /// Repeatable: a withdrawn application answers as withdrawn.
    pub async fn withdraw(&self, token: &Secret, id: &str) -> Result<wire::Submission, SyncError> {
        let request = self
            .http
            .post(self.url(&format!("v1/submissions/{id}/withdrawal"))?);
        self.json(self.authed(request, token)).await
    }

    /// `POST /v1/submissions/{id}/replies` with `Idempotency-Key: reply`: the person's answer
    /// to an authority that asked for something. Repeatable with the same key.
    pub async fn reply(
        &self,
        token: &Secret,
        id: &str,
        reply: Uuid,
        body: &wire::NewReply,
    ) -> Result<wire::ReplyReceipt, SyncError> {
        let request = self
            .http
            .post(self.url(&format!("v1/submissions/{id}/replies"))?)
            .timeout(self.timeouts.upload)
            .header("Idempotency-Key", reply.to_string())
            .json(body);
        self.json(self.authed(request, token)).await
    }

    /// `GET /v1/messages/{id}/documents/{document}`: the bytes of a message's document.
    pub async fn message_document(
        &self,
        token: &Secret,
        message: &str,
        document: &str,
    ) -> Result<Vec<u8>, SyncError> {
        let url = self.url(&format!("v1/messages/{message}/documents/{document}"))?;
        let request = self.http.get(url).timeout(self.timeouts.upload);
        let response = self.send(self.authed(request, token)).await?;
        Ok(response.bytes().await.map_err(unreachable)?.to_vec())
    }

    /// `GET /v1/submissions?since=`.
    pub async fn submissions_since(
        &self,
        token: &Secret,
        since: i64,
    ) -> Result<wire::SubmissionPage, SyncError> {
        let request = self
            .http
            .get(self.url("v1/submissions")?)
            .query(&[("since", since)]);
        self.json(self.authed(request, token)).await
    }

    /// `GET /v1/inbox?since=`.
    pub async fn inbox_since(
        &self,
        token: &Secret,
        since: i64,
    ) -> Result<wire::InboxPage, SyncError> {
        let request = self
            .http
            .get(self.url("v1/inbox")?)
            .query(&[("since", since)]);
        self.json(self.authed(request, token)).await
    }

    /// `GET /oauth/userinfo` (or the discovered endpoint).
    pub async fn userinfo(
        &self,
        token: &Secret,
        endpoint: &str,
    ) -> Result<wire::UserInfo, SyncError> {
        let url = self
            .base
            .join(endpoint)
            .map_err(|_| SyncError::InvalidBaseUrl(endpoint.to_string()))?;
        self.json(self.authed(self.http.get(url), token)).await
    }

    /// The token endpoint: a refused grant (`invalid_grant`) is [`SyncError::LoginRequired`].
    pub async fn token(
        &self,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> Result<wire::TokenResponse, SyncError> {
        let url = self
            .base
            .join(endpoint)
            .map_err(|_| SyncError::InvalidBaseUrl(endpoint.to_string()))?;
        let response = self
            .http
            .post(url)
            .form(form)
            .send()
            .await
            .map_err(unreachable)?;
        let status = response.status();
        let retry_after = retry_after(response.headers());
        let body = response.bytes().await.map_err(unreachable)?;
        if status.is_success() {
            return serde_json::from_slice(&body).map_err(|e| SyncError::Malformed(e.to_string()));
        }
        if status == StatusCode::BAD_REQUEST || status == StatusCode::UNAUTHORIZED {
            if let Ok(error) = serde_json::from_slice::<wire::OAuthError>(&body) {
                if error.error == "invalid_grant" {
                    return Err(SyncError::LoginRequired);
                }
                return Err(SyncError::Login(error.error));
            }
        }
        Err(SyncError::Refused {
            status: status.as_u16(),
            problem: serde_json::from_slice::<Problem>(&body).ok().map(Box::new),
            retry_after,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bearer_header_is_sensitive_and_never_printed() -> Result<(), reqwest::Error> {
        let token = Secret::new("eyJ-the-access-token");
        let request = bearer(
            reqwest::Client::new().get("http://127.0.0.1:1/v1/me"),
            &token,
        )
        .build()?;
        let value = request.headers().get(AUTHORIZATION);
        assert!(value.is_some_and(HeaderValue::is_sensitive));
        assert!(!format!("{request:?}").contains("the-access-token"));
        assert!(!format!("{:?}", request.headers()).contains("the-access-token"));
        Ok(())
    }

    #[test]
    fn token_answers_are_secrets_from_the_first_byte() -> Result<(), serde_json::Error> {
        let tokens: wire::TokenResponse = serde_json::from_str(
            r#"{"access_token":"at-123","token_type":"Bearer","expires_in":300,"refresh_token":"rt-456"}"#,
        )?;
        assert_eq!(tokens.access_token.expose(), "at-123");
        assert_eq!(
            tokens.refresh_token.as_ref().map(wire::Token::expose),
            Some("rt-456")
        );
        let printed = format!("{tokens:?}");
        assert!(!printed.contains("at-123") && !printed.contains("rt-456"));
        let without_refresh: wire::TokenResponse =
            serde_json::from_str(r#"{"access_token":"at","token_type":"Bearer","expires_in":1}"#)?;
        assert!(without_refresh.refresh_token.is_none());
        Ok(())
    }
}
