//! The login page's guards. A CSRF token binds the form to the pending authorization it was
//! shown for (every authorize parameter) and to the browser that opened it (a nonce in a
//! `SameSite=Strict` cookie), and expires; it is an HMAC under a key made at start, so nothing
//! is stored per page (a restart asks the person to start the login again). Failed passwords
//! are counted per username, existing or not, and lock that username out for a while.
//!
//! This module never logs a username, a password, a nonce or a token.

use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

use super::auth::AuthorizeParams;
use super::{sha256_hex, Backend};
use crate::config::Config;

/// The cookie holding the browser's login nonce.
pub const NONCE_COOKIE: &str = "thueringen_login";

/// Why a login attempt is not even checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginRefusal {
    /// The CSRF token is missing, wrong, expired, or from another browser or authorization.
    Form,
    /// Too many failed passwords for this username: locked until this instant (unix ms).
    Locked { until: i64 },
    /// The lockout could not be checked (the shared storage failed): try again later.
    Unavailable,
}

/// The login form's key: the configured one (several instances must share it, or a form
/// shown by one is refused by another), else one made at start.
pub struct LoginGuard {
    key: [u8; 32],
}

impl LoginGuard {
    pub fn new(config: &Config) -> Self {
        let key = match &config.login_form_key {
            Some(configured) => configured.0,
            None => {
                let mut key = [0u8; 32];
                rand::rngs::OsRng.fill_bytes(&mut key);
                key
            }
        };
        LoginGuard { key }
    }

    fn mac(&self, expires_at: i64, nonce: &str, params: &AuthorizeParams) -> Option<Hmac<Sha256>> {
        let fields = [
            params.response_type.as_str(),
            &params.client_id,
            &params.redirect_uri,
            &params.code_challenge,
            &params.code_challenge_method,
            params.state.as_deref().unwrap_or(""),
            params.scope.as_deref().unwrap_or("openid"),
        ];
        let bound = sha256_hex(serde_json::to_string(&fields).ok()?.as_bytes());
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).ok()?;
        mac.update(format!("login-form\n{expires_at}\n{nonce}\n{bound}").as_bytes());
        Some(mac)
    }

    /// The form's token for this authorization, this browser's nonce, until `expires_at`.
    fn token(&self, expires_at: i64, nonce: &str, params: &AuthorizeParams) -> String {
        let mac = self
            .mac(expires_at, nonce, params)
            .map(|m| {
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(m.finalize().into_bytes())
            })
            .unwrap_or_default();
        format!("{expires_at}.{mac}")
    }

    fn check(&self, token: &str, nonce: &str, params: &AuthorizeParams, now: i64) -> bool {
        let Some((expires, mac)) = token.split_once('.') else {
            return false;
        };
        let Ok(expires_at) = expires.parse::<i64>() else {
            return false;
        };
        let Ok(given) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(mac) else {
            return false;
        };
        expires_at > now
            && self
                .mac(expires_at, nonce, params)
                .is_some_and(|m| m.verify_slice(&given).is_ok())
    }
}

/// A well-formed nonce: what [`super::random_token`] makes.
pub fn valid_nonce(nonce: &str) -> bool {
    nonce.len() == 43
        && nonce
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The key a username is throttled under: as typed, trimmed and case-folded, so `Anna ` and
/// `anna` share their failures.
fn account_key(username: &str) -> String {
    username.trim().to_lowercase()
}

impl Backend {
    /// The CSRF token for a login form shown now for `params` to the browser with `nonce`.
    pub fn login_form_token(&self, nonce: &str, params: &AuthorizeParams) -> String {
        let ttl = i64::try_from(self.config().login_form_ttl.as_millis()).unwrap_or(i64::MAX);
        let expires_at = self.now().saturating_add(ttl);
        self.login_guard().token(expires_at, nonce, params)
    }

    /// Checks a posted login form before its password: the CSRF token against the browser's
    /// nonce and the authorization, then the username's lockout.
    pub async fn check_login_attempt(
        &self,
        token: Option<&str>,
        nonce: Option<&str>,
        params: &AuthorizeParams,
        username: &str,
    ) -> Result<(), LoginRefusal> {
        let now = self.now();
        let form_ok = match (token, nonce) {
            (Some(token), Some(nonce)) if valid_nonce(nonce) => {
                self.login_guard().check(token, nonce, params, now)
            }
            _ => false,
        };
        if !form_ok {
            return Err(LoginRefusal::Form);
        }
        let key = account_key(username);
        match self
            .shared(move |c| c.locked_until("login", &key, now))
            .await
        {
            Ok(Some(until)) => Err(LoginRefusal::Locked { until }),
            Ok(None) => Ok(()),
            Err(_) => {
                tracing::warn!("the login lockout could not be read; the attempt is refused");
                Err(LoginRefusal::Unavailable)
            }
        }
    }

    /// Counts a failed password for `username`; `Some(until)` when it is now locked out.
    pub async fn login_failed(&self, username: &str) -> Option<i64> {
        tracing::info!("login failed");
        let (key, now, policy) = (
            account_key(username),
            self.now(),
            self.lockout_policy("login"),
        );
        let locked = self
            .shared(move |c| c.failed("login", &key, now, &policy))
            .await
            .unwrap_or_else(|_| {
                tracing::warn!("a failed login could not be counted");
                None
            });
        if locked.is_some() {
            tracing::warn!("an account is locked out after failed logins");
        }
        locked
    }

    /// Forgets the failures of `username` after a successful login.
    pub async fn login_succeeded(&self, username: &str) {
        let key = account_key(username);
        if self
            .shared(move |c| c.succeeded("login", &key))
            .await
            .is_err()
        {
            tracing::warn!("the failures of a successful login could not be forgotten");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> AuthorizeParams {
        AuthorizeParams {
            response_type: "code".into(),
            client_id: "thueringen-app".into(),
            redirect_uri: "http://127.0.0.1:9/callback".into(),
            code_challenge: "c".repeat(43),
            code_challenge_method: "S256".into(),
            state: Some("xyz".into()),
            scope: Some("openid".into()),
        }
    }

    #[test]
    fn a_token_is_good_only_for_its_authorization_browser_and_time() {
        let guard = LoginGuard::new(&Config::default());
        let nonce = super::super::random_token();
        let token = guard.token(1_000, &nonce, &params());
        assert!(guard.check(&token, &nonce, &params(), 999), "good");
        assert!(!guard.check(&token, &nonce, &params(), 1_000), "expired");
        let other = super::super::random_token();
        assert!(
            !guard.check(&token, &other, &params(), 0),
            "another browser"
        );
        let mut changed = params();
        changed.redirect_uri = "http://127.0.0.1:10/callback".into();
        assert!(
            !guard.check(&token, &nonce, &changed, 0),
            "another authorization"
        );
        let later = token.replacen("1000.", "9999.", 1);
        assert!(!guard.check(&later, &nonce, &params(), 0), "a moved expiry");
        let another_server = LoginGuard::new(&Config::default());
        assert!(
            !another_server.check(&token, &nonce, &params(), 0),
            "another key"
        );
        assert!(valid_nonce(&nonce), "random tokens are nonces");
        assert!(!valid_nonce("short"), "a short value is not");
    }
}
