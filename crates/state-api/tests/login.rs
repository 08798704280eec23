//! The login form: a CSRF token bound to the pending authorization and the browser that opened
//! the page; failed passwords lock a username out for a while, existing or not.
mod common;

use std::time::Duration;

use common::{authorize_params, open_login_page, post_login, post_login_on, TestServer};

async fn post_form(
    server: &TestServer,
    form: &[(&str, String)],
    cookie: Option<&str>,
) -> reqwest::Response {
    let mut request = server.http.post(server.url("/oauth/authorize")).form(form);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.expect("login form posts")
}

fn form_with(csrf: Option<&str>, state: &str) -> Vec<(&'static str, String)> {
    let mut form: Vec<(&'static str, String)> = authorize_params()
        .into_iter()
        .map(|(k, v)| {
            if k == "state" {
                (k, state.to_string())
            } else {
                (k, v)
            }
        })
        .collect();
    if let Some(csrf) = csrf {
        form.push(("csrf_token", csrf.to_string()));
    }
    form.push(("username", "anna".into()));
    form.push(("password", "demo".into()));
    form
}

async fn refused_as_stale(response: reqwest::Response, why: &str) {
    assert_eq!(response.status(), 400, "{why}");
    assert!(
        response.headers().get("location").is_none(),
        "{why}: no code"
    );
    let html = response.text().await.expect("HTML");
    assert!(
        html.contains("Anmeldung in der App neu"),
        "{why}: the page says to start the login again: {html}"
    );
}

#[tokio::test]
async fn a_login_post_needs_the_csrf_token_of_its_own_page_and_browser() {
    let server = TestServer::start().await;
    let page = open_login_page(&server.http, &server.base).await;
    assert!(
        page.cookie.starts_with("thueringen_login="),
        "the page sets the login cookie: {}",
        page.cookie
    );

    let no_token = post_form(&server, &form_with(None, "xyz"), Some(&page.cookie)).await;
    refused_as_stale(no_token, "without a token").await;
    let no_cookie = post_form(&server, &form_with(Some(&page.csrf_token), "xyz"), None).await;
    refused_as_stale(no_cookie, "without the browser's cookie").await;
    let wrong = post_form(
        &server,
        &form_with(Some("1.AAAA"), "xyz"),
        Some(&page.cookie),
    )
    .await;
    refused_as_stale(wrong, "with a made-up token").await;
    let other_authorization = post_form(
        &server,
        &form_with(Some(&page.csrf_token), "another-state"),
        Some(&page.cookie),
    )
    .await;
    refused_as_stale(other_authorization, "for another authorization").await;
    let other_browser = open_login_page(&reqwest::Client::new(), &server.base).await;
    let foreign = post_form(
        &server,
        &form_with(Some(&page.csrf_token), "xyz"),
        Some(&other_browser.cookie),
    )
    .await;
    refused_as_stale(foreign, "with another browser's cookie").await;

    let good = post_login_on(&server.http, &server.base, &page, "anna", "demo").await;
    assert_eq!(good.status(), 303, "its own page's token logs in");

    let stale = open_login_page(&server.http, &server.base).await;
    server
        .state
        .backend()
        .advance_clock(server.state.config().login_form_ttl + Duration::from_secs(1));
    let late = post_login_on(&server.http, &server.base, &stale, "anna", "demo").await;
    refused_as_stale(late, "after the page expired").await;
}

async fn attempt(server: &TestServer, username: &str, password: &str) -> (u16, String) {
    let response = post_login(&server.http, &server.base, username, password).await;
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let html = response.text().await.expect("HTML");
    if status == 429 {
        assert!(retry_after.is_some(), "a lockout says Retry-After");
    }
    (status, html)
}

#[tokio::test]
async fn five_wrong_passwords_lock_a_username_out_whether_it_exists_or_not() {
    let server = TestServer::start().await;
    for username in ["anna", "nobody-here"] {
        for n in 1..5 {
            let (status, _) = attempt(&server, username, "wrong").await;
            assert_eq!(status, 401, "{username}: wrong password {n}");
        }
        let (status, html) = attempt(&server, username, "wrong").await;
        assert_eq!(status, 429, "{username}: the fifth failure locks");
        assert!(
            html.contains("Uhr wieder") && html.contains("in 15 Minuten"),
            "{username}: the page says when to try again: {html}"
        );
    }
    let (status, html) = attempt(&server, "anna", "demo").await;
    assert_eq!(status, 429, "even the right password waits out the lockout");
    assert!(html.contains("Minuten"), "and says when: {html}");
    let (status, _) = attempt(&server, "Anna ", "demo").await;
    assert_eq!(status, 429, "another spelling of the same username too");
    let (status, _) = attempt(&server, "ben", "demo").await;
    assert_eq!(status, 303, "other usernames are not locked");

    server
        .state
        .backend()
        .advance_clock(Duration::from_secs(15 * 60));
    let (status, _) = attempt(&server, "anna", "demo").await;
    assert_eq!(status, 303, "after the lockout the right password logs in");
}

#[tokio::test]
async fn a_successful_login_forgets_the_failures_before_it() {
    let server = TestServer::start().await;
    for _ in 0..4 {
        assert_eq!(attempt(&server, "clara", "wrong").await.0, 401);
    }
    assert_eq!(attempt(&server, "clara", "demo").await.0, 303, "logged in");
    for n in 1..5 {
        assert_eq!(
            attempt(&server, "clara", "wrong").await.0,
            401,
            "failure {n} after the success is counted afresh"
        );
    }
}
