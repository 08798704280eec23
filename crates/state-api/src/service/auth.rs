//! OAuth 2 authorization code with PKCE (S256 only) and rotating refresh tokens, for the demo
//! citizens of the configuration; and the bearer check every citizen endpoint uses.
//!
//! Tokens are opaque random strings stored only as SHA-256 hashes. This module never logs a
//! token, a code, a password or a name.

use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{random_token, same_secret, sha256_hex, Backend, Citizen};
use crate::config::DemoCitizen;
use crate::error::Problem;
use crate::storage::{AuthCode, TokenKind, TokenRecord};
use crate::wire::{OAuthError, Token, TokenResponse, UserInfo};

const CODE_TTL_MS: i64 = 120_000;

/// The query of `GET /oauth/authorize` (and the hidden fields of the login form). Read
/// leniently (a missing parameter is empty), so that what is missing gets the refusal page;
/// the document says which are needed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuthorizeParams {
    /// `code`.
    #[serde(default)]
    #[param(required = true)]
    pub response_type: String,
    #[serde(default)]
    #[param(required = true)]
    pub client_id: String,
    /// One of the client's registered redirect URIs (a loopback URI for the app).
    #[serde(default)]
    #[param(required = true)]
    pub redirect_uri: String,
    /// PKCE (RFC 7636): base64url SHA-256 of the verifier.
    #[serde(default)]
    #[param(required = true)]
    pub code_challenge: String,
    /// `S256`.
    #[serde(default)]
    #[param(required = true)]
    pub code_challenge_method: String,
    /// Sent back with the code unchanged.
    #[serde(default)]
    pub state: Option<String>,
    /// `openid` (the default) asks for an ID token too.
    #[serde(default)]
    pub scope: Option<String>,
}

/// The token endpoint's form (`application/x-www-form-urlencoded`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TokenRequest {
    pub grant_type: String,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub redirect_uri: Option<String>,
    #[serde(default)]
    pub client_id: Option<String>,
    #[serde(default)]
    pub code_verifier: Option<String>,
    #[serde(default)]
    pub refresh_token: Option<String>,
}

/// A token error (RFC 6749 §5.2) with its description.
fn oauth_error(error: &str, description: &str) -> OAuthError {
    OAuthError {
        error: error.into(),
        error_description: Some(description.into()),
    }
}

/// Why an authorization request cannot even show the login page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizeRefusal(pub String);

/// PKCE S256: base64url(SHA-256(verifier)) without padding.
pub fn pkce_challenge(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

fn valid_pkce_text(text: &str) -> bool {
    (43..=128).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

impl Backend {
    /// Checks an authorization request before the login page is shown.
    pub fn check_authorize(&self, p: &AuthorizeParams) -> Result<(), AuthorizeRefusal> {
        let refuse = |why: &str| Err(AuthorizeRefusal(why.to_string()));
        let Some(client) = self
            .config()
            .clients
            .iter()
            .find(|c| c.client_id == p.client_id)
        else {
            return refuse("unknown client_id");
        };
        if !client
            .redirect_uris
            .iter()
            .any(|registered| registered.matches(&p.redirect_uri))
        {
            return refuse("redirect_uri is not registered for this client");
        }
        if p.response_type != "code" {
            return refuse("response_type must be code");
        }
        if p.code_challenge_method != "S256" || !valid_pkce_text(&p.code_challenge) {
            return refuse("PKCE is required: code_challenge with code_challenge_method=S256");
        }
        Ok(())
    }

    /// The demo citizen with these credentials.
    pub fn login(&self, username: &str, password: &str) -> Option<&DemoCitizen> {
        self.config()
            .citizens
            .iter()
            .find(|c| c.username == username && same_secret(&c.password, password))
    }

    /// Issues a single-use authorization code for a logged-in citizen.
    pub async fn issue_code(&self, p: &AuthorizeParams, subject: &str) -> Result<String, Problem> {
        let code = random_token();
        let record = AuthCode {
            client_id: p.client_id.clone(),
            redirect_uri: p.redirect_uri.clone(),
            code_challenge: p.code_challenge.clone(),
            subject: subject.to_string(),
            scope: p.scope.clone().unwrap_or_else(|| "openid".into()),
            expires_at: self.now() + CODE_TTL_MS,
        };
        let hash = sha256_hex(code.as_bytes());
        self.db(move |s| s.put_code(&hash, &record)).await?;
        Ok(code)
    }

    async fn issue_tokens(
        &self,
        subject: &str,
        client_id: &str,
        scope: &str,
        family: &str,
        issuer: &str,
    ) -> Result<TokenResponse, Problem> {
        let now = self.now();
        let id_token = if scope.split_whitespace().any(|s| s == "openid") {
            let iat = now.div_euclid(1000);
            let ttl = i64::try_from(self.config().access_token_ttl.as_secs()).unwrap_or(i64::MAX);
            let claims = super::id_token::IdTokenClaims {
                iss: issuer.to_string(),
                sub: subject.to_string(),
                aud: client_id.to_string(),
                iat,
                exp: iat.saturating_add(ttl),
            };
            Some(self.id_tokens().sign(&claims).map_err(Problem::from)?)
        } else {
            None
        };
        let access_ttl = self.config().access_token_ttl;
        let refresh_ttl = self.config().refresh_token_ttl;
        let ms = |d: std::time::Duration| i64::try_from(d.as_millis()).unwrap_or(i64::MAX);
        let access = random_token();
        let refresh = random_token();
        let records = [
            (
                sha256_hex(access.as_bytes()),
                TokenRecord {
                    kind: TokenKind::Access,
                    subject: subject.into(),
                    client_id: client_id.into(),
                    scope: scope.into(),
                    expires_at: now.saturating_add(ms(access_ttl)),
                    family: family.into(),
                    used_at: None,
                },
            ),
            (
                sha256_hex(refresh.as_bytes()),
                TokenRecord {
                    kind: TokenKind::Refresh,
                    subject: subject.into(),
                    client_id: client_id.into(),
                    scope: scope.into(),
                    expires_at: now.saturating_add(ms(refresh_ttl)),
                    family: family.into(),
                    used_at: None,
                },
            ),
        ];
        self.db(move |s| {
            for (hash, record) in &records {
                s.put_token(hash, record)?;
            }
            Ok(())
        })
        .await?;
        Ok(TokenResponse {
            access_token: Token::new(access),
            token_type: "Bearer".into(),
            expires_in: access_ttl.as_secs(),
            refresh_token: Some(Token::new(refresh)),
            scope: Some(scope.into()),
            id_token: id_token.map(Token::new),
        })
    }

    /// `POST /oauth/token`: authorization_code (with PKCE) or refresh_token (rotating). ID
    /// tokens name `issuer` (the discovery document's) as their `iss`.
    pub async fn token(
        &self,
        request: &TokenRequest,
        issuer: &str,
    ) -> Result<Result<TokenResponse, OAuthError>, Problem> {
        match request.grant_type.as_str() {
            "authorization_code" => {
                let (Some(code), Some(verifier), Some(redirect_uri), Some(client_id)) = (
                    request.code.clone(),
                    request.code_verifier.as_deref(),
                    request.redirect_uri.as_deref(),
                    request.client_id.as_deref(),
                ) else {
                    return Ok(Err(oauth_error(
                        "invalid_request",
                        "code, code_verifier, redirect_uri and client_id are required",
                    )));
                };
                let hash = sha256_hex(code.as_bytes());
                let Some(found) = self.db(move |s| s.take_code(&hash)).await? else {
                    return Ok(Err(oauth_error("invalid_grant", "unknown or used code")));
                };
                let fits = found.expires_at > self.now()
                    && found.client_id == client_id
                    && found.redirect_uri == redirect_uri
                    && valid_pkce_text(verifier)
                    && same_secret(&pkce_challenge(verifier), &found.code_challenge);
                if !fits {
                    return Ok(Err(oauth_error(
                        "invalid_grant",
                        "the code, its client, redirect_uri or code_verifier do not match",
                    )));
                }
                // A new login: a new token family.
                let family = random_token();
                self.issue_tokens(
                    &found.subject,
                    &found.client_id,
                    &found.scope,
                    &family,
                    issuer,
                )
                .await
                .map(Ok)
            }
            "refresh_token" => {
                let Some(refresh) = request.refresh_token.clone() else {
                    return Ok(Err(oauth_error(
                        "invalid_request",
                        "refresh_token is required",
                    )));
                };
                let hash = sha256_hex(refresh.as_bytes());
                let now = self.now();
                let found = self.db(move |s| s.use_refresh_token(&hash, now)).await?;
                let Some(found) = found.filter(|t| t.kind == TokenKind::Refresh) else {
                    return Ok(Err(oauth_error("invalid_grant", "unknown refresh token")));
                };
                if found.expires_at <= self.now()
                    || request
                        .client_id
                        .as_deref()
                        .is_some_and(|c| c != found.client_id)
                {
                    return Ok(Err(oauth_error(
                        "invalid_grant",
                        "expired or foreign refresh token",
                    )));
                }
                // Rotation: each refresh token is used once. A second use within the grace is a
                // client retrying after the answer was lost (a cut connection, a killed app):
                // it gets tokens again, so a weak network never logs the person out. A second
                // use after the grace means the token was copied: the whole login is revoked
                // (RFC 9700 section 4.14.2), for the thief and the person alike.
                if let Some(used_at) = found.used_at {
                    let grace = i64::try_from(self.config().refresh_reuse_grace.as_millis())
                        .unwrap_or(i64::MAX);
                    if now.saturating_sub(used_at) >= grace {
                        let family = found.family.clone();
                        self.db(move |s| s.revoke_family(&family)).await?;
                        return Ok(Err(oauth_error(
                            "invalid_grant",
                            "refresh token reused: the login is revoked",
                        )));
                    }
                }
                self.issue_tokens(
                    &found.subject,
                    &found.client_id,
                    &found.scope,
                    &found.family,
                    issuer,
                )
                .await
                .map(Ok)
            }
            _ => Ok(Err(oauth_error(
                "unsupported_grant_type",
                "authorization_code or refresh_token",
            ))),
        }
    }

    /// Revokes the login a token belongs to (RFC 7009): every access and refresh token of its
    /// family. Unknown tokens change nothing (the answer is the same, RFC 7009 section 2.2).
    pub async fn revoke(&self, token: &str, client_id: Option<&str>) -> Result<(), Problem> {
        let hash = sha256_hex(token.as_bytes());
        let found = self.lookup(move |s| s.token(&hash)).await?;
        if let Some(found) = found.filter(|t| client_id.is_none_or(|c| c == t.client_id)) {
            let family = found.family;
            self.db(move |s| s.revoke_family(&family)).await?;
        }
        Ok(())
    }

    /// The citizen behind a bearer access token.
    pub async fn citizen_for(&self, access_token: &str) -> Result<Citizen, Problem> {
        let hash = sha256_hex(access_token.as_bytes());
        let found = self.lookup(move |s| s.token(&hash)).await?;
        match found {
            Some(t) if t.kind == TokenKind::Access && t.expires_at > self.now() => {
                Ok(Citizen { subject: t.subject })
            }
            _ => Err(Problem::unauthorized()),
        }
    }

    /// The profile of a citizen, for `GET /oauth/userinfo`.
    pub fn user_info(&self, citizen: &Citizen) -> Result<UserInfo, Problem> {
        let found = self
            .config()
            .citizens
            .iter()
            .find(|c| c.subject == citizen.subject);
        let citizen = found.ok_or_else(Problem::unauthorized)?;
        Ok(UserInfo {
            sub: citizen.subject.clone(),
            name: Some(citizen.display_name.clone()),
            trust_level: Some(citizen.trust_level.clone()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_s256_matches_rfc_7636_example() {
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        assert_eq!(
            pkce_challenge(verifier),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            "the RFC 7636 appendix B example"
        );
    }
}
