//! Login against the real state API: authorization code + PKCE through the loopback redirect,
//! refresh with rotation, a refused refresh asks for a new login, logout forgets everything.

mod support;

use std::sync::Arc;
use std::time::Duration;

use sync::{Credentials, MemoryCredentials, Session, StateApiClient, SyncError};

use support::TestServer;

fn session(base: &str) -> (Arc<Session>, Arc<MemoryCredentials>) {
    let credentials = Arc::new(MemoryCredentials::new());
    let client = support::client(base);
    (Session::new(client, credentials.clone()), credentials)
}

#[tokio::test]
async fn a_callback_with_a_wrong_state_is_refused_and_the_login_goes_on() {
    let server = TestServer::start().await;
    let (session, _) = session(&server.base());
    let pending = session.begin_login().await.expect("a login starts");
    let url = pending.authorize_url().clone();
    let redirect = pending.redirect_uri().to_string();
    let browser = tokio::spawn(async move {
        // Another local process knocks first, with a code of its own and a guessed state.
        let forged = reqwest::Client::new()
            .get(format!("{redirect}?code=forged&state=guessed"))
            .send()
            .await
            .expect("the loopback listener answers");
        assert_eq!(forged.status(), 400, "a wrong state is refused");
        support::drive_browser(&url, "anna").await;
    });
    let account = session
        .finish_login(pending, Duration::from_secs(60))
        .await
        .expect("the real redirect still logs in");
    browser.await.expect("the browser stand-in ran");
    assert!(account.logged_in, "logged in: {account:?}");
}

#[tokio::test]
async fn login_with_pkce_refreshes_with_rotation_and_logs_out() {
    let server = TestServer::start().await;
    let (session, credentials) = session(&server.base());
    let before = session.account().await.expect("account readable");
    assert!(!before.logged_in, "nobody logged in at first: {before:?}");
    assert!(
        matches!(session.access_token().await, Err(SyncError::LoginRequired)),
        "no token without a login"
    );

    let pending = session.begin_login().await.expect("a login starts");
    let url = pending.authorize_url().clone();
    let query: std::collections::HashMap<String, String> = url.query_pairs().into_owned().collect();
    assert_eq!(
        query.get("code_challenge_method").map(String::as_str),
        Some("S256"),
        "PKCE S256"
    );
    assert!(
        query.get("state").is_some_and(|s| s.len() >= 16),
        "a random state: {query:?}"
    );
    assert!(
        query
            .get("redirect_uri")
            .is_some_and(|r| r.starts_with("http://127.0.0.1:")),
        "a loopback redirect (RFC 8252): {query:?}"
    );
    let browser = tokio::spawn(async move { support::drive_browser(&url, "anna").await });
    let account = session
        .finish_login(pending, Duration::from_secs(60))
        .await
        .expect("the login finishes");
    browser.await.expect("the browser stand-in ran");
    assert!(account.logged_in, "logged in: {account:?}");
    assert_eq!(
        account.display_name.as_deref(),
        Some("Anna Beispiel"),
        "who logged in"
    );
    assert_eq!(
        account.trust_level.as_deref(),
        Some("substantial"),
        "trust level"
    );

    let first_refresh = credentials
        .load()
        .expect("readable")
        .expect("a refresh token is kept");
    let token = session.access_token().await.expect("an access token");
    assert_eq!(
        session.access_token().await.expect("again"),
        token,
        "a valid access token is reused, not refreshed each time"
    );
    // The server turns the token down (as after its expiry): the next call refreshes.
    session.rejected(&token).await;
    let renewed = session.access_token().await.expect("refreshed");
    assert_ne!(renewed, token, "a new access token after the refresh");
    let second_refresh = credentials
        .load()
        .expect("readable")
        .expect("still a refresh token");
    assert_ne!(
        second_refresh, first_refresh,
        "the refresh token rotated and the new one was kept"
    );

    session.logout().await.expect("logout");
    assert_eq!(
        credentials.load().expect("readable"),
        None,
        "logout removes the refresh token"
    );
    let after = session.account().await.expect("account readable");
    assert!(
        !after.logged_in && after.display_name.is_none(),
        "nothing of the person left: {after:?}"
    );
    assert!(
        matches!(session.access_token().await, Err(SyncError::LoginRequired)),
        "no access token in memory after logout"
    );
    // The server revoked the login too (RFC 7009): a copy of the token is worth nothing.
    let copied = reqwest::Client::new()
        .post(format!("{}oauth/token", server.base()))
        .form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", second_refresh.expose()),
            ("client_id", "thueringen-app"),
        ])
        .send()
        .await
        .expect("token request");
    assert_eq!(
        copied.status(),
        400,
        "the logged-out refresh token is revoked at the state API"
    );
}

#[tokio::test]
async fn a_refused_refresh_token_means_login_required() {
    // No grace for a second use: the thief's use revokes the login at once.
    let server = TestServer::start_with(|c| c.refresh_reuse_grace = Duration::ZERO).await;
    let (session, credentials) = session(&server.base());
    support::login(&session, "ben").await;
    let token = session.access_token().await.expect("a token");
    // Someone else used the refresh token (rotation revokes it for us).
    let stolen = credentials
        .load()
        .expect("readable")
        .expect("a refresh token");
    let http = reqwest::Client::new();
    let used = http
        .post(format!("{}oauth/token", server.base()))
        .form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", stolen.expose()),
            ("client_id", "thueringen-app"),
        ])
        .send()
        .await
        .expect("token request");
    assert_eq!(used.status(), 200, "the stolen token works once");
    session.rejected(&token).await;
    let result = session.access_token().await;
    assert!(
        matches!(result, Err(SyncError::LoginRequired)),
        "login required: {result:?}"
    );
    let account = session.account().await.expect("account readable");
    assert!(
        account.needs_login && !account.logged_in,
        "the UI asks for a login: {account:?}"
    );
    assert_eq!(
        credentials.load().expect("readable"),
        None,
        "the dead token is removed"
    );
}

#[tokio::test]
async fn a_forged_redirect_alone_never_logs_in_and_keeps_nothing() {
    let server = TestServer::start().await;
    let (session, credentials) = session(&server.base());
    let pending = session.begin_login().await.expect("a login starts");
    let forged = format!("{}?code=abc&state=forged", pending.redirect_uri());
    let attacker = tokio::spawn(async move { reqwest::get(forged).await.map(|r| r.status()) });
    let result = session.finish_login(pending, Duration::from_secs(2)).await;
    let status = attacker.await.expect("the forged redirect was sent");
    assert_eq!(
        status.ok().map(|s| s.as_u16()),
        Some(400),
        "the forged redirect is answered 400"
    );
    assert!(
        matches!(result, Err(SyncError::Login(_))),
        "without the real redirect the login ends at its timeout: {result:?}"
    );
    assert_eq!(credentials.load().expect("readable"), None, "nothing kept");
}

#[tokio::test]
async fn a_login_nobody_finishes_times_out() {
    let server = TestServer::start().await;
    let (session, _) = session(&server.base());
    let pending = session.begin_login().await.expect("a login starts");
    let result = session
        .finish_login(pending, Duration::from_millis(300))
        .await;
    assert!(
        matches!(result, Err(SyncError::Login(_))),
        "bounded wait: {result:?}"
    );
}

#[tokio::test]
async fn an_access_token_is_renewed_before_it_expires() {
    let server =
        TestServer::start_with(|config| config.access_token_ttl = Duration::from_secs(2)).await;
    let (session, _) = session(&server.base());
    support::login(&session, "clara").await;
    let first = session.access_token().await.expect("a token");
    // Renewal starts when half of a short lifetime (or the last minute of a long one) is left.
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    let second = session.access_token().await.expect("a renewed token");
    assert_ne!(
        first, second,
        "renewed before expiry, without waiting for a 401"
    );
    let page = session.client().submissions_since(&second, 0).await;
    assert!(page.is_ok(), "the renewed token is accepted: {page:?}");
}

/// Logs in through the proxy, loses the answer to the next refresh (the connection cut
/// before a byte of it arrived: the server has rotated the token, the app still holds the
/// old one), then refreshes again. Returns what the second refresh gave.
async fn refresh_after_a_lost_answer(
    server: &TestServer,
) -> (Result<keychain::Secret, SyncError>, Arc<MemoryCredentials>) {
    use support::proxy::{Fate, FaultProxy, FaultRates};
    let proxy = FaultProxy::start(server.addr, 7, FaultRates::none()).await;
    let (session, credentials) = session(&proxy.base());
    support::login(&session, "anna").await;
    // The app restarts: no access token in memory, the refresh token in the keychain.
    let restarted = Session::new(support::client(&proxy.base()), credentials.clone());
    proxy.next_request("POST /oauth/token", Fate::CutResponseAfter(0));
    let lost = restarted.access_token().await;
    assert!(
        matches!(lost, Err(SyncError::Unreachable(_))),
        "the answer was cut: {lost:?}"
    );
    assert!(
        proxy
            .stats()
            .cut_response
            .load(std::sync::atomic::Ordering::Relaxed)
            >= 1
    );
    (restarted.access_token().await, credentials)
}

#[tokio::test]
async fn a_lost_refresh_answer_does_not_log_the_person_out() {
    let server = TestServer::start().await;
    let (retried, credentials) = refresh_after_a_lost_answer(&server).await;
    let token = retried.expect("the retry with the same refresh token is answered again");
    let me = StateApiClient::new(&server.base())
        .expect("a client")
        .submissions_since(&token, 0)
        .await;
    assert!(me.is_ok(), "the new access token works: {me:?}");
    let kept = credentials.load().expect("readable");
    assert!(kept.is_some(), "the login is kept");
}

#[tokio::test]
async fn without_the_grace_a_lost_refresh_answer_would_end_the_login() {
    // The same cut against a server with no grace: the retry counts as reuse. This is what a
    // person on a train saw before the grace, and it shows the test above can fail.
    let server = TestServer::start_with(|c| c.refresh_reuse_grace = Duration::ZERO).await;
    let (retried, _) = refresh_after_a_lost_answer(&server).await;
    assert!(
        matches!(retried, Err(SyncError::LoginRequired)),
        "{retried:?}"
    );
}

#[tokio::test]
async fn a_logout_during_a_refresh_does_not_log_the_person_back_in() {
    use support::proxy::{Fate, FaultProxy, FaultRates};
    let server = TestServer::start().await;
    let proxy = FaultProxy::start(server.addr, 11, FaultRates::none()).await;
    let (session, credentials) = session(&proxy.base());
    support::login(&session, "anna").await;
    let restarted = Session::new(support::client(&proxy.base()), credentials.clone());
    // A refresh starts on a slow network (its discovery request takes a while) ...
    proxy.next_request("GET /.well-known", Fate::Delay(Duration::from_millis(700)));
    let refreshing = {
        let restarted = restarted.clone();
        tokio::spawn(async move { restarted.access_token().await })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    // ... and the person logs out meanwhile, where the revocation does not get through.
    proxy.next_request("POST /oauth/revoke", Fate::Refuse);
    restarted.logout().await.expect("logged out on the device");
    let refreshed = refreshing.await.expect("the refresh task ran");
    assert!(
        matches!(refreshed, Err(SyncError::LoginRequired)),
        "the refresh must not go on with the logged-out token: {refreshed:?}"
    );
    assert_eq!(
        credentials.load().expect("readable"),
        None,
        "no refresh token came back after the logout"
    );
    let account = restarted.account().await.expect("account readable");
    assert!(!account.logged_in, "nobody is logged in: {account:?}");
}
