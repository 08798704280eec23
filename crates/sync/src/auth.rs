//! Login to the state API: OAuth 2 authorization code with PKCE (S256) for a native app
//! (RFC 8252: the system browser and a loopback redirect on `127.0.0.1:<any port>`), refresh
//! before expiry with rotating refresh tokens, and logout.
//!
//! The refresh token lives behind [`Credentials`]: the OS keychain for the person's own device
//! ([`KeychainCredentials`]), memory only for an assisted (Digitallotse) session
//! ([`MemoryCredentials`], gone when dropped). The access token lives only in memory, inside
//! [`Session`]. What this module must never do: write a token anywhere but the credential
//! store, log or `Debug`-print one, or refresh with the same refresh token twice (refreshes are
//! serialized, since every refresh token can be used once).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use keychain::{KeyStore, KeychainError, Secret};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use crate::client::StateApiClient;
use crate::error::SyncError;
use crate::wire;

/// The OAuth client id of the app at the state API.
pub const CLIENT_ID: &str = "thueringen-app";
/// The keychain entry name of the refresh token.
pub const REFRESH_TOKEN_ENTRY: &str = "state-api-refresh-token";
/// An access token is renewed when less than this is left of it.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(60);

/// Where the refresh token is kept. Implementations must never fall back to another place.
pub trait Credentials: Send + Sync {
    fn load(&self) -> Result<Option<Secret>, KeychainError>;
    fn save(&self, refresh_token: &Secret) -> Result<(), KeychainError>;
    /// Removes the token; removing a missing one is fine.
    fn clear(&self) -> Result<(), KeychainError>;
}

/// The refresh token in a [`KeyStore`] (the OS keychain in the app).
pub struct KeychainCredentials<K: KeyStore> {
    keys: K,
}

impl<K: KeyStore> KeychainCredentials<K> {
    pub fn new(keys: K) -> Self {
        KeychainCredentials { keys }
    }
}

impl<K: KeyStore> Credentials for KeychainCredentials<K> {
    fn load(&self) -> Result<Option<Secret>, KeychainError> {
        self.keys.get(REFRESH_TOKEN_ENTRY)
    }
    fn save(&self, refresh_token: &Secret) -> Result<(), KeychainError> {
        self.keys.set(REFRESH_TOKEN_ENTRY, refresh_token)
    }
    fn clear(&self) -> Result<(), KeychainError> {
        self.keys.delete(REFRESH_TOKEN_ENTRY)
    }
}

/// The refresh token in memory only: an assisted session leaves nothing behind when it ends.
#[derive(Default)]
pub struct MemoryCredentials {
    token: Mutex<Option<Secret>>,
}

impl MemoryCredentials {
    pub fn new() -> Self {
        MemoryCredentials::default()
    }
}

impl Credentials for MemoryCredentials {
    fn load(&self) -> Result<Option<Secret>, KeychainError> {
        Ok(self.token.lock().map_err(|_| poisoned())?.clone())
    }
    fn save(&self, refresh_token: &Secret) -> Result<(), KeychainError> {
        *self.token.lock().map_err(|_| poisoned())? = Some(refresh_token.clone());
        Ok(())
    }
    fn clear(&self) -> Result<(), KeychainError> {
        *self.token.lock().map_err(|_| poisoned())? = None;
        Ok(())
    }
}

fn poisoned() -> KeychainError {
    KeychainError::Failed {
        detail: "in-memory credentials poisoned".into(),
    }
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A PKCE verifier (32 random bytes, 43 characters) and its S256 challenge. Made from the OS
/// random source: a login secret must never come from a predictable caller.
pub fn pkce_pair() -> (Secret, String) {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let verifier = b64(&bytes);
    let challenge = pkce_challenge(&verifier);
    (Secret::new(verifier), challenge)
}

/// `BASE64URL(SHA256(verifier))` (RFC 7636 §4.2).
pub fn pkce_challenge(verifier: &str) -> String {
    b64(&Sha256::digest(verifier.as_bytes()))
}

fn random_state() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    b64(&bytes)
}

/// Checks a discovery document before anything in it is used: its issuer is the configured
/// state API and every endpoint lies on that origin, so a tampered or foreign document can send
/// neither the person's browser (the authorize URL goes to the OS opener) nor a code, a token or
/// a refresh token anywhere else.
pub fn check_discovery(
    base: &reqwest::Url,
    doc: &wire::OpenIdConfiguration,
) -> Result<(), SyncError> {
    let refuse = |what: &str| {
        Err(SyncError::Login(format!(
            "the state API's discovery document is not trusted: {what}"
        )))
    };
    if doc.issuer.is_empty() {
        return refuse("it names no issuer");
    }
    let Ok(issuer_url) = reqwest::Url::parse(&doc.issuer) else {
        return refuse("the issuer is not a URL");
    };
    let path = |url: &reqwest::Url| url.path().trim_end_matches('/').to_string();
    if issuer_url.origin() != base.origin()
        || path(&issuer_url) != path(base)
        || issuer_url.query().is_some()
        || issuer_url.fragment().is_some()
        || !issuer_url.username().is_empty()
    {
        return refuse("the issuer is not the configured state API");
    }
    let endpoints = [
        Some(doc.authorization_endpoint.as_str()),
        Some(doc.token_endpoint.as_str()),
        doc.userinfo_endpoint.as_deref(),
        doc.revocation_endpoint.as_deref(),
    ];
    for endpoint in endpoints.into_iter().flatten() {
        match base.join(endpoint) {
            Ok(url)
                if url.origin() == base.origin()
                    && url.username().is_empty()
                    && url.password().is_none() => {}
            _ => return refuse("an endpoint lies outside the state API"),
        }
    }
    Ok(())
}

/// Who is logged in, as the UI may see it (never a token).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Account {
    pub logged_in: bool,
    pub needs_login: bool,
    pub display_name: Option<String>,
    pub trust_level: Option<String>,
}

struct Access {
    token: Secret,
    renew_at: Instant,
}

#[derive(Default)]
struct Inner {
    access: Option<Access>,
    endpoints: Option<wire::OpenIdConfiguration>,
    needs_login: bool,
    user: Option<wire::UserInfo>,
}

/// The login of one person at one state API: hands out a fresh access token, refreshing (and
/// rotating the refresh token) before it expires.
pub struct Session {
    client: StateApiClient,
    /// Where the refresh token is kept: the keychain for the device's person, memory only for
    /// a visitor in an assisted session ([`Session::switch_credentials`]).
    credentials: std::sync::RwLock<Arc<dyn Credentials>>,
    inner: tokio::sync::Mutex<Inner>,
    login_changed: tokio::sync::watch::Sender<u64>,
}

impl Session {
    pub fn new(client: StateApiClient, credentials: Arc<dyn Credentials>) -> Arc<Session> {
        Arc::new(Session {
            client,
            credentials: std::sync::RwLock::new(credentials),
            inner: tokio::sync::Mutex::new(Inner::default()),
            login_changed: tokio::sync::watch::channel(0).0,
        })
    }

    pub fn client(&self) -> &StateApiClient {
        &self.client
    }

    /// The credentials in use now.
    fn credentials(&self) -> Arc<dyn Credentials> {
        match self.credentials.read() {
            Ok(credentials) => credentials.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Hands the session to other credentials and returns the ones it used: a Digitallotse's
    /// tablet lends the app to a visitor, whose login lives in memory only, and takes it back.
    /// Under the lock every refresh holds, so no refresh in flight can store one person's
    /// token in the other's place. The tokens in memory are forgotten, not revoked (they
    /// belong to whoever keeps the old credentials), and the login counts as changed.
    pub async fn switch_credentials(&self, to: Arc<dyn Credentials>) -> Arc<dyn Credentials> {
        let mut inner = self.inner.lock().await;
        let previous = match self.credentials.write() {
            Ok(mut credentials) => std::mem::replace(&mut *credentials, to),
            Err(poisoned) => std::mem::replace(&mut *poisoned.into_inner(), to),
        };
        inner.access = None;
        inner.user = None;
        inner.needs_login = false;
        drop(inner);
        self.login_changed.send_modify(|n| *n += 1);
        previous
    }

    /// Ticks each time a login finishes, so a waiting worker can go on.
    pub fn logins(&self) -> tokio::sync::watch::Receiver<u64> {
        self.login_changed.subscribe()
    }

    async fn endpoints(&self) -> Result<wire::OpenIdConfiguration, SyncError> {
        if let Some(found) = self.inner.lock().await.endpoints.clone() {
            return Ok(found);
        }
        let found = self.client.openid_configuration().await?;
        check_discovery(self.client.base(), &found)?;
        self.inner.lock().await.endpoints = Some(found.clone());
        Ok(found)
    }

    /// The account as the UI may see it. Reads the keychain, no network.
    pub async fn account(&self) -> Result<Account, SyncError> {
        let inner = self.inner.lock().await;
        let has_token = self.credentials().load()?.is_some();
        Ok(Account {
            logged_in: has_token && !inner.needs_login,
            needs_login: inner.needs_login,
            display_name: inner.user.as_ref().and_then(|u| u.name.clone()),
            trust_level: inner.user.as_ref().and_then(|u| u.trust_level.clone()),
        })
    }

    /// A valid access token, refreshed first when it is missing or about to expire.
    /// [`SyncError::LoginRequired`] when there is no login or the refresh token was refused.
    pub async fn access_token(&self) -> Result<Secret, SyncError> {
        let inner = self.inner.lock().await;
        if let Some(access) = &inner.access {
            if Instant::now() < access.renew_at {
                return Ok(access.token.clone());
            }
        }
        if inner.needs_login {
            return Err(SyncError::LoginRequired);
        }
        if self.credentials().load()?.is_none() {
            let mut inner = inner;
            inner.needs_login = true;
            return Err(SyncError::LoginRequired);
        }
        drop(inner);
        let endpoints = self.endpoints().await?;
        // Serialized: the lock is held across the refresh, so one refresh token is used once.
        let mut inner = self.inner.lock().await;
        if let Some(access) = &inner.access {
            if Instant::now() < access.renew_at {
                return Ok(access.token.clone());
            }
        }
        // The refresh token is read only now, under the lock: a logout (or another login)
        // while the lock was free decides which token, if any, may be used.
        let Some(refresh) = self.credentials().load()? else {
            inner.needs_login = true;
            return Err(SyncError::LoginRequired);
        };
        let answer = self
            .client
            .token(
                &endpoints.token_endpoint,
                &[
                    ("grant_type", "refresh_token"),
                    ("refresh_token", refresh.expose()),
                    ("client_id", CLIENT_ID),
                ],
            )
            .await;
        match answer {
            Ok(tokens) => self.keep(&mut inner, tokens),
            Err(SyncError::LoginRequired) => {
                inner.access = None;
                inner.needs_login = true;
                self.credentials().clear()?;
                Err(SyncError::LoginRequired)
            }
            Err(other) => Err(other),
        }
    }

    fn keep(&self, inner: &mut Inner, tokens: wire::TokenResponse) -> Result<Secret, SyncError> {
        if let Some(refresh) = tokens.refresh_token {
            self.credentials()
                .save(&Secret::new(refresh.into_string()))?;
        }
        let lifetime = Duration::from_secs(tokens.expires_in.max(1));
        let token = Secret::new(tokens.access_token.into_string());
        inner.access = Some(Access {
            token: token.clone(),
            renew_at: Instant::now() + lifetime.saturating_sub(REFRESH_MARGIN.min(lifetime / 2)),
        });
        inner.needs_login = false;
        Ok(token)
    }

    /// A valid access token and the subject (`sub`) of the person it belongs to, read
    /// together: whatever is sent or stored with this token is that person's. Asks the
    /// userinfo endpoint when the session does not know yet (after a restart).
    pub async fn identity(&self) -> Result<(Secret, String), SyncError> {
        for _ in 0..3 {
            let token = self.access_token().await?;
            {
                let inner = self.inner.lock().await;
                if !inner.access.as_ref().is_some_and(|a| a.token == token) {
                    continue; // a logout, login or refresh came in between
                }
                if let Some(user) = &inner.user {
                    return Ok((token, user.sub.clone()));
                }
            }
            let endpoints = self.endpoints().await?;
            let path = endpoints
                .userinfo_endpoint
                .clone()
                .unwrap_or_else(|| "oauth/userinfo".into());
            let user = match self.client.userinfo(&token, &path).await {
                Ok(user) => user,
                Err(SyncError::Unauthorized) => {
                    self.rejected(&token).await;
                    continue;
                }
                Err(other) => return Err(other),
            };
            let mut inner = self.inner.lock().await;
            if inner.access.as_ref().is_some_and(|a| a.token == token) {
                let subject = user.sub.clone();
                inner.user = Some(user);
                return Ok((token, subject));
            }
        }
        Err(SyncError::LoginRequired)
    }

    /// Whether nothing can be sent until the person logs in (again).
    pub async fn needs_login(&self) -> bool {
        self.inner.lock().await.needs_login
    }

    /// The server refused `token` (401): forget it so the next call refreshes.
    pub async fn rejected(&self, token: &Secret) {
        let mut inner = self.inner.lock().await;
        if inner.access.as_ref().is_some_and(|a| &a.token == token) {
            inner.access = None;
        }
    }

    /// Starts a login: binds the loopback redirect listener and builds the authorize URL the
    /// shell opens in the system browser.
    pub async fn begin_login(&self) -> Result<PendingLogin, SyncError> {
        let endpoints = self.endpoints().await?;
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .await
            .map_err(|e| SyncError::Login(format!("no loopback port: {e}")))?;
        let port = listener
            .local_addr()
            .map_err(|e| SyncError::Login(e.to_string()))?
            .port();
        let redirect_uri = format!("http://127.0.0.1:{port}/callback");
        let (verifier, challenge) = pkce_pair();
        let state = random_state();
        let mut url = self
            .client
            .base()
            .join(&endpoints.authorization_endpoint)
            .map_err(|_| SyncError::InvalidBaseUrl(endpoints.authorization_endpoint.clone()))?;
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", CLIENT_ID)
            .append_pair("redirect_uri", &redirect_uri)
            .append_pair("code_challenge", &challenge)
            .append_pair("code_challenge_method", "S256")
            .append_pair("state", &state)
            .append_pair("scope", "openid profile");
        Ok(PendingLogin {
            authorize_url: url,
            listener,
            verifier,
            state,
            redirect_uri,
        })
    }

    /// Finishes a login: waits (at most `timeout`) for the browser's one redirect, checks its
    /// state, exchanges the code, keeps the refresh token and reads who logged in.
    pub async fn finish_login(
        &self,
        pending: PendingLogin,
        timeout: Duration,
    ) -> Result<Account, SyncError> {
        let code = tokio::time::timeout(timeout, receive_code(&pending.listener, &pending.state))
            .await
            .map_err(|_| SyncError::Login("timed out waiting for the browser".into()))??;
        drop(pending.listener);
        let endpoints = self.endpoints().await?;
        let tokens = self
            .client
            .token(
                &endpoints.token_endpoint,
                &[
                    ("grant_type", "authorization_code"),
                    ("code", code.expose()),
                    ("redirect_uri", &pending.redirect_uri),
                    ("client_id", CLIENT_ID),
                    ("code_verifier", pending.verifier.expose()),
                ],
            )
            .await
            .map_err(|e| match e {
                SyncError::LoginRequired => SyncError::Login("the code was refused".into()),
                other => other,
            })?;
        let access = {
            let mut inner = self.inner.lock().await;
            // A new login may be another person: who it is comes from this login's userinfo,
            // never from the last one.
            inner.user = None;
            self.keep(&mut inner, tokens)?
        };
        let userinfo = endpoints
            .userinfo_endpoint
            .clone()
            .unwrap_or_else(|| "oauth/userinfo".into());
        // Who logged in; a failure here does not undo the login ([`Session::identity`] asks
        // again before anything is sent or stored for this person).
        if let Ok(user) = self.client.userinfo(&access, &userinfo).await {
            let mut inner = self.inner.lock().await;
            if inner.access.as_ref().is_some_and(|a| a.token == access) {
                inner.user = Some(user);
            }
        }
        self.login_changed.send_modify(|n| *n += 1);
        self.account().await
    }

    /// Logs out: revokes the refresh token where the server offers revocation (this one does
    /// not, so it is forgotten), then removes every token from memory and the credential
    /// store. Removing locally happens even when revoking fails.
    pub async fn logout(&self) -> Result<(), SyncError> {
        let refresh = self.credentials().load().ok().flatten();
        if let (Some(refresh), Ok(endpoints)) = (refresh, self.endpoints().await) {
            if let Some(revoke) = endpoints.revocation_endpoint {
                if let Ok(url) = self.client.base().join(&revoke) {
                    let request = self.client.http().post(url).form(&[
                        ("token", refresh.expose()),
                        ("token_type_hint", "refresh_token"),
                        ("client_id", CLIENT_ID),
                    ]);
                    let _ = self.client.send(request).await;
                }
            }
        }
        let mut inner = self.inner.lock().await;
        inner.access = None;
        inner.user = None;
        inner.needs_login = false;
        self.credentials().clear()?;
        Ok(())
    }
}

/// A login waiting for the browser. Open [`PendingLogin::authorize_url`] in the system browser,
/// then call [`Session::finish_login`].
pub struct PendingLogin {
    authorize_url: reqwest::Url,
    listener: TcpListener,
    verifier: Secret,
    state: String,
    redirect_uri: String,
}

impl PendingLogin {
    pub fn authorize_url(&self) -> &reqwest::Url {
        &self.authorize_url
    }
    pub fn redirect_uri(&self) -> &str {
        &self.redirect_uri
    }
}

impl std::fmt::Debug for PendingLogin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingLogin")
            .field("redirect_uri", &self.redirect_uri)
            .finish_non_exhaustive()
    }
}

const PAGE_DONE: &str = "<!doctype html><html lang=\"de\"><meta charset=\"utf-8\"><title>ThüringenApp</title>\
<p>Anmeldung abgeschlossen. Sie können dieses Fenster schließen und zur App zurückkehren.</p></html>";
const PAGE_FAILED: &str =
    "<!doctype html><html lang=\"de\"><meta charset=\"utf-8\"><title>ThüringenApp</title>\
<p>Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es in der App noch einmal.</p></html>";

/// Accepts connections until one brings `/callback?code=…&state=…` with this login's state;
/// answers each with a small page. Other paths (a browser's favicon request) get 404, a wrong
/// state 400, and the wait goes on.
async fn receive_code(listener: &TcpListener, expected_state: &str) -> Result<Secret, SyncError> {
    loop {
        let (mut socket, _) = listener
            .accept()
            .await
            .map_err(|e| SyncError::Login(e.to_string()))?;
        let mut buffer = Vec::with_capacity(2048);
        let mut chunk = [0u8; 1024];
        let read = tokio::time::timeout(Duration::from_secs(10), async {
            while !buffer.windows(4).any(|w| w == b"\r\n\r\n") && buffer.len() < 8192 {
                let n = socket.read(&mut chunk).await?;
                if n == 0 {
                    break;
                }
                buffer.extend_from_slice(chunk.get(..n).unwrap_or_default());
            }
            Ok::<_, std::io::Error>(())
        })
        .await;
        if !matches!(read, Ok(Ok(()))) {
            continue;
        }
        let text = String::from_utf8_lossy(&buffer);
        let target = text
            .lines()
            .next()
            .and_then(|line| line.split(' ').nth(1))
            .unwrap_or("");
        let Ok(url) = reqwest::Url::parse(&format!("http://127.0.0.1{target}")) else {
            let _ = respond(&mut socket, "400 Bad Request", PAGE_FAILED).await;
            continue;
        };
        if url.path() != "/callback" {
            let _ = respond(&mut socket, "404 Not Found", "").await;
            continue;
        }
        let param = |name: &str| {
            url.query_pairs()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
        };
        if param("state").as_deref() != Some(expected_state) {
            // Not the browser this login opened (any local process can reach the port): refuse
            // it and keep waiting for the real redirect.
            let _ = respond(&mut socket, "400 Bad Request", PAGE_FAILED).await;
            continue;
        }
        if let Some(error) = param("error") {
            let _ = respond(&mut socket, "200 OK", PAGE_FAILED).await;
            return Err(SyncError::Login(error));
        }
        let Some(code) = param("code") else {
            let _ = respond(&mut socket, "400 Bad Request", PAGE_FAILED).await;
            return Err(SyncError::Login("no code in the redirect".into()));
        };
        let _ = respond(&mut socket, "200 OK", PAGE_DONE).await;
        return Ok(Secret::new(code));
    }
}

async fn respond(
    socket: &mut tokio::net::TcpStream,
    status: &str,
    body: &str,
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    socket.write_all(head.as_bytes()).await?;
    socket.write_all(body.as_bytes()).await?;
    socket.shutdown().await
}

#[cfg(test)]
mod tests;
