//! The login's shapes: the token endpoint's answers (OAuth 2, RFC 6749 §5), userinfo and the
//! OpenID Provider metadata. Fields the standards make optional are optional here too, so the
//! app reads any conforming answer; the reference server always sends them.

use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

/// A token as it travels (an access, refresh or ID token): never printed (`Debug` shows no
/// part of it) and wiped from memory when dropped. The app moves it into its keychain's
/// secret with [`Token::into_string`], which leaves no copy behind.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Token(String);

impl Token {
    pub fn new(value: impl Into<String>) -> Token {
        Token(value.into())
    }

    /// The token's text, for sending it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The token's text, moved out (the buffer itself, not a copy).
    pub fn into_string(mut self) -> String {
        std::mem::take(&mut self.0)
    }
}

impl Drop for Token {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// A successful token answer (RFC 6749 §5.1).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub access_token: Token,
    /// `Bearer`.
    pub token_type: String,
    /// Seconds the access token is good for.
    #[serde(default)]
    pub expires_in: u64,
    /// A refresh token: each can be used once (they rotate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub refresh_token: Option<Token>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// For scope `openid`: an ID token, a JWT signed ES256 with the key published at the
    /// discovery document's `jwks_uri`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub id_token: Option<Token>,
}

impl std::fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenResponse")
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

/// The token endpoint's refusal (RFC 6749 §5.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OAuthError {
    /// e.g. `invalid_grant` (the code or refresh token is not good: log in again).
    pub error: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

/// What `GET /oauth/userinfo` answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserInfo {
    pub sub: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// BundID trust level: basic, substantial, high.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_level: Option<String>,
}

/// The OpenID Provider metadata (OpenID Connect Discovery 1.0 §3, RFC 8414).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenIdConfiguration {
    /// The state API's own URL; the app uses the document only when it is the configured one.
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userinfo_endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revocation_endpoint: Option<String>,
    /// The JWK Set with the public key of the ID tokens.
    pub jwks_uri: String,
    pub response_types_supported: Vec<String>,
    #[serde(default)]
    pub grant_types_supported: Vec<String>,
    #[serde(default)]
    pub code_challenge_methods_supported: Vec<String>,
    #[serde(default)]
    pub token_endpoint_auth_methods_supported: Vec<String>,
    #[serde(default)]
    pub scopes_supported: Vec<String>,
    pub subject_types_supported: Vec<String>,
    /// ID tokens (scope `openid`) are signed ES256; access tokens stay opaque.
    pub id_token_signing_alg_values_supported: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_never_printed() -> Result<(), serde_json::Error> {
        let tokens: TokenResponse = serde_json::from_str(
            r#"{"access_token":"at-123","token_type":"Bearer","expires_in":300,
                "refresh_token":"rt-456","id_token":"it-789","scope":"openid"}"#,
        )?;
        let printed = format!("{tokens:?} {:?}", tokens.access_token);
        for secret in ["at-123", "rt-456", "it-789"] {
            assert!(!printed.contains(secret), "{secret} is not in {printed}");
        }
        assert_eq!(tokens.access_token.clone().into_string(), "at-123");
        assert_eq!(
            serde_json::to_value(&tokens)?["refresh_token"],
            serde_json::json!("rt-456"),
            "a token travels as a plain string"
        );
        Ok(())
    }
}
