//! ID tokens: for scope `openid` the token endpoint answers an ID token signed ES256 with the
//! key discovery publishes at `jwks_uri`; `alg` is never `none`.
mod common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_FIXED};

use common::{TestServer, REDIRECT, VERIFIER};

fn part(token: &str, n: usize) -> serde_json::Value {
    let text = token.split('.').nth(n).expect("a JWS part");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(text).expect("base64url")).expect("JSON")
}

async fn json(server: &TestServer, url: &str) -> serde_json::Value {
    let response = server.http.get(url).send().await.expect("request");
    assert_eq!(response.status(), 200, "{url}");
    response.json().await.expect("JSON")
}

#[tokio::test]
async fn the_id_token_verifies_against_the_published_key_and_names_issuer_audience_and_citizen() {
    let server = TestServer::start().await;
    let discovery = json(&server, &server.url("/.well-known/openid-configuration")).await;
    assert_eq!(
        discovery["id_token_signing_alg_values_supported"],
        serde_json::json!(["ES256"]),
        "ES256 only, never none"
    );
    let jwks_uri = discovery["jwks_uri"].as_str().expect("a jwks_uri");
    let jwks = json(&server, jwks_uri).await;

    let code = common::login_code(&server.http, &server.base, "anna").await;
    let response = server
        .http
        .post(server.url("/oauth/token"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
            ("redirect_uri", REDIRECT),
            ("client_id", "thueringen-app"),
            ("code_verifier", VERIFIER),
        ])
        .send()
        .await
        .expect("token request");
    assert_eq!(response.status(), 200);
    let tokens: serde_json::Value = response.json().await.expect("JSON");
    let id_token = tokens["id_token"]
        .as_str()
        .expect("an ID token for scope openid");

    let header = part(id_token, 0);
    assert_eq!(header["alg"], "ES256", "signed, not alg none: {header}");
    let key = jwks["keys"]
        .as_array()
        .and_then(|keys| keys.iter().find(|k| k["kid"] == header["kid"]))
        .expect("the header's kid is in the JWK Set");
    assert_eq!(
        (
            key["kty"].as_str(),
            key["crv"].as_str(),
            key["alg"].as_str()
        ),
        (Some("EC"), Some("P-256"), Some("ES256"))
    );
    let mut point = vec![4u8];
    for coordinate in ["x", "y"] {
        let bytes = URL_SAFE_NO_PAD
            .decode(key[coordinate].as_str().expect("a coordinate"))
            .expect("base64url");
        assert_eq!(bytes.len(), 32, "{coordinate} is 32 bytes");
        point.extend(bytes);
    }
    let (signed, signature) = id_token.rsplit_once('.').expect("three parts");
    let signature = URL_SAFE_NO_PAD.decode(signature).expect("base64url");
    let public = UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, &point);
    assert!(
        public.verify(signed.as_bytes(), &signature).is_ok(),
        "the signature verifies against the JWKS"
    );

    let claims = part(id_token, 1);
    assert_eq!(claims["iss"], discovery["issuer"], "iss is the issuer");
    assert_eq!(claims["aud"], "thueringen-app", "aud is the client");
    assert_eq!(claims["sub"], "citizen-anna", "sub is the citizen");
    let (iat, exp) = (
        claims["iat"].as_i64().expect("iat"),
        claims["exp"].as_i64().expect("exp"),
    );
    let now = server.state.backend().now() / 1000;
    assert!(
        (iat - now).abs() <= 5,
        "iat is the server's now: {iat} vs {now}"
    );
    assert!(exp > iat, "exp after iat");

    // A changed claim does not verify.
    let forged_claims = URL_SAFE_NO_PAD.encode(
        serde_json::to_vec(&serde_json::json!({"sub": "citizen-ben", "iss": claims["iss"]}))
            .expect("JSON"),
    );
    let header_part = signed.split('.').next().expect("header");
    let forged = format!("{header_part}.{forged_claims}");
    assert!(
        public.verify(forged.as_bytes(), &signature).is_err(),
        "another citizen's claims do not verify"
    );
}
