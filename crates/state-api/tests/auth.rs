//! Login over real HTTP: discovery, authorization code + PKCE, refresh rotation, bearer auth.
mod common;

use common::{challenge, TestServer, REDIRECT, VERIFIER};

#[tokio::test]
async fn discovery_names_the_endpoints_and_pkce() {
    let server = TestServer::start().await;
    let response = server
        .http
        .get(server.url("/.well-known/openid-configuration"))
        .send()
        .await
        .expect("discovery");
    assert_eq!(response.status(), 200, "discovery is served");
    let doc: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(
        doc["code_challenge_methods_supported"],
        serde_json::json!(["S256"]),
        "PKCE S256"
    );
    let token_endpoint = doc["token_endpoint"].as_str().expect("token endpoint");
    assert_eq!(
        token_endpoint,
        server.url("/oauth/token"),
        "endpoints use the request's host"
    );
}

#[tokio::test]
async fn login_page_lists_demo_accounts_and_escapes_reflected_values() {
    let server = TestServer::start_with(|config| config.demo = true).await;
    let response = server
        .http
        .get(server.url("/oauth/authorize"))
        .query(&[
            ("response_type", "code"),
            ("client_id", "thueringen-app"),
            ("redirect_uri", REDIRECT),
            ("code_challenge", &challenge(VERIFIER)),
            ("code_challenge_method", "S256"),
            ("state", "\"><script>alert(1)</script>"),
        ])
        .send()
        .await
        .expect("login page");
    assert_eq!(response.status(), 200, "the login page is shown");
    let html = response.text().await.expect("HTML");
    assert!(html.contains("anna"), "demo accounts are listed");
    assert!(
        !html.contains("<script>alert(1)"),
        "reflected state is escaped"
    );

    let foreign = server
        .http
        .get(server.url("/oauth/authorize"))
        .query(&[
            ("response_type", "code"),
            ("client_id", "thueringen-app"),
            ("redirect_uri", "https://evil.example/cb"),
            ("code_challenge", &challenge(VERIFIER)),
            ("code_challenge_method", "S256"),
        ])
        .send()
        .await
        .expect("foreign redirect");
    assert_eq!(
        foreign.status(),
        400,
        "an unregistered redirect_uri is refused, not followed"
    );
    // RFC 8252 loopback matching, not a prefix: with user info the browser would take the
    // code to evil.example.
    for disguised in [
        "http://127.0.0.1:1@evil.example/cb",
        "http://127.0.0.1:8080.evil.example/callback",
        "http://127.0.0.1:9/elsewhere",
    ] {
        let response = server
            .http
            .get(server.url("/oauth/authorize"))
            .query(&[
                ("response_type", "code"),
                ("client_id", "thueringen-app"),
                ("redirect_uri", disguised),
                ("code_challenge", &challenge(VERIFIER)),
                ("code_challenge_method", "S256"),
            ])
            .send()
            .await
            .expect("disguised redirect");
        assert_eq!(
            response.status(),
            400,
            "{disguised} is refused, not followed"
        );
    }

    let no_pkce = server
        .http
        .get(server.url("/oauth/authorize"))
        .query(&[
            ("response_type", "code"),
            ("client_id", "thueringen-app"),
            ("redirect_uri", REDIRECT),
        ])
        .send()
        .await
        .expect("no pkce");
    assert_eq!(no_pkce.status(), 400, "PKCE is required");
}

#[tokio::test]
async fn the_login_page_cannot_be_framed_or_cached_and_shows_no_credential_outside_demo_mode() {
    let server = TestServer::start().await;
    let response = server
        .http
        .get(server.url("/oauth/authorize"))
        .query(&[
            ("response_type", "code"),
            ("client_id", "thueringen-app"),
            ("redirect_uri", REDIRECT),
            ("code_challenge", &challenge(VERIFIER)),
            ("code_challenge_method", "S256"),
            ("state", "s"),
        ])
        .send()
        .await
        .expect("login page");
    assert_eq!(response.status(), 200, "the login page is shown");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        header("content-security-policy").contains("frame-ancestors 'none'"),
        "no framing: {}",
        header("content-security-policy")
    );
    assert_eq!(header("cache-control"), "no-store", "not cached");
    assert_eq!(
        header("x-frame-options"),
        "DENY",
        "no framing in old browsers"
    );
    let html = response.text().await.expect("HTML");
    assert!(
        !html.contains("Demo-Konten") && !html.contains("<code>demo</code>"),
        "no demo credential outside demo mode"
    );

    let wrong = common::post_login(&server.http, &server.base, "anna", "wrong").await;
    assert_eq!(wrong.status(), 401, "the page again");
    assert_eq!(
        wrong
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store"),
        "the page after a wrong password is not cached either"
    );
}

#[tokio::test]
async fn wrong_password_shows_the_page_again() {
    let server = TestServer::start().await;
    let response = common::post_login(&server.http, &server.base, "anna", "wrong").await;
    assert_eq!(response.status(), 401, "wrong credentials give no code");
}

#[tokio::test]
async fn code_flow_with_pkce_issues_tokens_once_and_refresh_rotates() {
    let server = TestServer::start().await;
    let code = common::login_code(&server.http, &server.base, "anna").await;
    let exchange = |verifier: &'static str, code: String| {
        let http = server.http.clone();
        let url = server.url("/oauth/token");
        async move {
            http.post(url)
                .form(&[
                    ("grant_type", "authorization_code"),
                    ("code", code.as_str()),
                    ("redirect_uri", REDIRECT),
                    ("client_id", "thueringen-app"),
                    ("code_verifier", verifier),
                ])
                .send()
                .await
                .expect("token request")
        }
    };
    let wrong = exchange(
        "another-verifier-that-is-long-enough-0123456789abc",
        code.clone(),
    )
    .await;
    assert_eq!(wrong.status(), 400, "a wrong PKCE verifier is refused");
    let body: serde_json::Value = wrong.json().await.expect("OAuth error JSON");
    assert_eq!(body["error"], "invalid_grant", "RFC 6749 error code");
    let again = exchange(VERIFIER, code).await;
    assert_eq!(
        again.status(),
        400,
        "a code is single-use, even after a failed try"
    );

    let tokens = server.login("anna").await;
    let info = server.get(&tokens.access, "/oauth/userinfo").await;
    assert_eq!(info.status(), 200, "the access token works");
    let info: serde_json::Value = info.json().await.expect("userinfo");
    assert_eq!(info["sub"], "citizen-anna", "the token belongs to anna");

    let refresh = |token: String| {
        let http = server.http.clone();
        let url = server.url("/oauth/token");
        async move {
            http.post(url)
                .form(&[
                    ("grant_type", "refresh_token"),
                    ("refresh_token", token.as_str()),
                    ("client_id", "thueringen-app"),
                ])
                .send()
                .await
                .expect("refresh request")
        }
    };
    let first = refresh(tokens.refresh.clone()).await;
    assert_eq!(first.status(), 200, "a refresh token gives new tokens");
    let fresh: serde_json::Value = first.json().await.expect("tokens");
    let new_access = fresh["access_token"].as_str().expect("access").to_string();
    assert_ne!(new_access, tokens.access, "a new access token");
    let works = server.get(&new_access, "/v1/submissions").await;
    assert_eq!(works.status(), 200, "the refreshed access token works");
    let new_refresh = fresh["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();

    // The answer to that refresh was lost: the app retries with the same token at once.
    let retried = refresh(tokens.refresh.clone()).await;
    assert_eq!(
        retried.status(),
        200,
        "a retry within the grace gets tokens (a weak network never logs the person out)"
    );
    let retried: serde_json::Value = retried.json().await.expect("tokens");
    let retried_refresh = retried["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();

    // Past the grace, a second use means the token was copied: the whole login is revoked.
    server
        .state
        .backend()
        .advance_clock(std::time::Duration::from_secs(120));
    let replay = refresh(tokens.refresh.clone()).await;
    assert_eq!(
        replay.status(),
        400,
        "a reused refresh token is refused (rotation)"
    );
    for token in [new_refresh, retried_refresh] {
        let after = refresh(token).await;
        assert_eq!(
            after.status(),
            400,
            "every refresh token of the login is revoked after a reuse"
        );
    }
    let gone = server.get(&new_access, "/v1/submissions").await;
    assert_eq!(
        gone.status(),
        401,
        "and every access token of the login too"
    );
}

#[tokio::test]
async fn revocation_ends_the_whole_login_and_is_advertised() {
    let server = TestServer::start().await;
    let doc: serde_json::Value = server
        .http
        .get(server.url("/.well-known/openid-configuration"))
        .send()
        .await
        .expect("discovery")
        .json()
        .await
        .expect("JSON");
    assert_eq!(
        doc["revocation_endpoint"].as_str(),
        Some(server.url("/oauth/revoke").as_str()),
        "the revocation endpoint is advertised"
    );
    let anna = server.login("anna").await;
    let ben = server.login("ben").await;
    let revoke = |token: String| {
        let http = server.http.clone();
        let url = server.url("/oauth/revoke");
        async move {
            http.post(url)
                .form(&[
                    ("token", token.as_str()),
                    ("token_type_hint", "refresh_token"),
                    ("client_id", "thueringen-app"),
                ])
                .send()
                .await
                .expect("revoke request")
        }
    };
    assert_eq!(revoke(anna.refresh.clone()).await.status(), 200, "revoked");
    assert_eq!(
        server.get(&anna.access, "/v1/submissions").await.status(),
        401,
        "the login's access token is gone with its refresh token"
    );
    let refreshed = server
        .http
        .post(server.url("/oauth/token"))
        .form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", anna.refresh.as_str()),
            ("client_id", "thueringen-app"),
        ])
        .send()
        .await
        .expect("refresh request");
    assert_eq!(refreshed.status(), 400, "the refresh token is gone");
    assert_eq!(
        server.get(&ben.access, "/v1/submissions").await.status(),
        200,
        "another login is untouched"
    );
    assert_eq!(
        revoke("not-a-token".into()).await.status(),
        200,
        "an unknown token is answered the same (RFC 7009)"
    );
}

#[tokio::test]
async fn citizen_endpoints_need_a_valid_bearer_token() {
    let server = TestServer::start().await;
    for path in [
        "/v1/submissions",
        "/v1/inbox",
        "/v1/submissions/x",
        "/oauth/userinfo",
    ] {
        let none = server
            .http
            .get(server.url(path))
            .send()
            .await
            .expect("request");
        let (status, code, _) = common::problem_code(none).await;
        assert_eq!(
            (status, code.as_str()),
            (401, "unauthorized"),
            "{path} without a token"
        );
        let bad = server.get("not-a-token", path).await;
        assert_eq!(bad.status(), 401, "{path} with an unknown token");
    }
}

#[tokio::test]
async fn access_tokens_expire() {
    let server = TestServer::start().await;
    let tokens = server.login("ben").await;
    server
        .state
        .backend()
        .advance_clock(std::time::Duration::from_secs(16 * 60));
    let response = server.get(&tokens.access, "/v1/submissions").await;
    assert_eq!(
        response.status(),
        401,
        "an access token is refused after its 15 minutes"
    );
}
