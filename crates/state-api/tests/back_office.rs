//! The back office is hardened: only on a listener of its own, a token of at least 32
//! characters that never comes from the command line, failed authentications throttled per
//! address, and a listing that pages instead of stopping at the newest 500.
mod common;

use std::time::Duration;

use common::{create_body, new_id, problem_code, TestServer, ADMIN_TOKEN};

#[tokio::test]
async fn the_back_office_is_not_on_the_public_listener() {
    let server = TestServer::start().await;
    for path in ["/admin/v1/submissions", "/admin/v1/accessibility-reports"] {
        let public = server
            .http
            .get(server.url(path))
            .bearer_auth(ADMIN_TOKEN)
            .send()
            .await
            .expect("request");
        assert_eq!(public.status(), 404, "{path} is not on the public listener");
        assert_eq!(
            server.admin_get(path).await.status(),
            200,
            "{path} is on the back office's"
        );
    }
    let citizen_api = server
        .http
        .get(server.admin_url("/v1/catalog"))
        .send()
        .await
        .expect("request");
    assert_eq!(
        citizen_api.status(),
        404,
        "and the back office serves only itself"
    );
}

#[test]
fn a_short_back_office_token_is_refused_at_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = state_api::Config::new(dir.path(), common::tiny_catalog());
    config.admin_token = Some("x".repeat(31));
    let refused = state_api::AppState::new(config.clone());
    assert!(
        refused.is_err_and(|e| e.to_string().contains("32 characters")),
        "31 characters are too few"
    );
    config.admin_token = Some("x".repeat(32));
    assert!(state_api::AppState::new(config).is_ok(), "32 are enough");
}

#[tokio::test]
async fn failed_back_office_authentications_lock_the_address_out_for_a_while() {
    let server = TestServer::start().await;
    let attempt = |token: &'static str| {
        let request = server
            .http
            .get(server.admin_url("/admin/v1/submissions"))
            .bearer_auth(token);
        async move { request.send().await.expect("request") }
    };
    for n in 1..10 {
        assert_eq!(attempt("guess").await.status(), 401, "guess {n}");
    }
    let (status, code, _) = problem_code(attempt("guess").await).await;
    assert_eq!(
        (status, code.as_str()),
        (429, "admin_locked"),
        "the tenth locks"
    );
    let locked = attempt(ADMIN_TOKEN).await;
    assert!(
        locked.headers().get("retry-after").is_some(),
        "it says when to try again"
    );
    assert_eq!(locked.status(), 429, "even the right token waits");

    server
        .state
        .backend()
        .advance_clock(Duration::from_secs(15 * 60));
    assert_eq!(
        attempt(ADMIN_TOKEN).await.status(),
        200,
        "after the lockout the right token works"
    );
}

#[tokio::test]
async fn the_listing_pages_through_every_submission_with_an_opaque_cursor() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let mut created = Vec::new();
    for _ in 0..5 {
        let id = new_id();
        let answer = server.create(&anna.access, &id, &create_body(&[])).await;
        assert_eq!(answer.status(), 201);
        created.push(id);
    }
    let mut seen = Vec::new();
    let mut path = "/admin/v1/submissions?limit=2".to_string();
    let mut pages = 0;
    loop {
        let response = server.admin_get(&path).await;
        assert_eq!(response.status(), 200);
        let link = response
            .headers()
            .get("link")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let page: serde_json::Value = response.json().await.expect("JSON");
        pages += 1;
        let items = page["items"].as_array().cloned().unwrap_or_default();
        assert!(items.len() <= 2, "at most the page size");
        seen.extend(
            items
                .iter()
                .filter_map(|s| s["submissionId"].as_str().map(str::to_string)),
        );
        match page["next"].as_str() {
            Some(next) => {
                assert!(
                    !next.chars().all(|c| c.is_ascii_digit()),
                    "the cursor is opaque: {next}"
                );
                let link = link.expect("a Link header with the next page");
                assert!(
                    link.contains(next) && link.contains("rel=\"next\""),
                    "{link}"
                );
                path = format!("/admin/v1/submissions?limit=2&after={next}");
            }
            None => {
                assert!(link.is_none(), "no next link on the last page");
                break;
            }
        }
    }
    assert_eq!(pages, 3, "five submissions in pages of two");
    created.reverse();
    assert_eq!(seen, created, "every submission once, newest first");

    let (status, code, _) =
        problem_code(server.admin_get("/admin/v1/submissions?after=bm9wZQ").await).await;
    assert_eq!((status, code.as_str()), (400, "cursor_invalid"));
}

/// Runs the binary's `serve` with these arguments and environment, expecting it to refuse to
/// start; returns what it wrote.
fn refused_start(args: &[&str], env: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_state-api"));
    command
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .args(args)
        .env_remove("STATE_API_ADMIN_TOKEN");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("the binary runs");
    assert!(!output.status.success(), "{args:?} is refused");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_binary_takes_the_token_from_a_file_or_the_environment_never_the_command_line() {
    let said = refused_start(&["--admin-token", ADMIN_TOKEN], &[]);
    assert!(
        said.contains("--admin-token"),
        "no command-line value (it would show in ps): {said}"
    );
    let said = refused_start(&["--admin-listen", "127.0.0.1:0"], &[]);
    assert!(
        said.contains("needs a back office token"),
        "a back office listener needs a token: {said}"
    );
    let said = refused_start(
        &["--admin-listen", "127.0.0.1:0"],
        &[("STATE_API_ADMIN_TOKEN", "too-short")],
    );
    assert!(said.contains("32 characters"), "too short: {said}");
    let file = tempfile::NamedTempFile::new().expect("a file");
    std::fs::write(file.path(), "short\n").expect("written");
    let path = file.path().to_string_lossy().into_owned();
    let said = refused_start(
        &["--admin-listen", "127.0.0.1:0", "--admin-token-file", &path],
        &[],
    );
    assert!(
        said.contains("32 characters"),
        "the file's token is checked: {said}"
    );
}

#[tokio::test]
async fn the_binary_serves_the_back_office_only_on_its_own_address() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().expect("temp dir");
    let token_file = dir.path().join("admin-token");
    std::fs::write(&token_file, format!("{ADMIN_TOKEN}\n")).expect("written");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_state-api"))
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--admin-listen",
            "127.0.0.1:0",
        ])
        .arg("--admin-token-file")
        .arg(&token_file)
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .env("RUST_LOG", "info")
        .env_remove("STATE_API_ADMIN_TOKEN")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let stderr = child.stderr.take().expect("piped");
    let mut lines = BufReader::new(stderr).lines();
    let (mut public, mut office) = (None, None);
    while public.is_none() || office.is_none() {
        let Some(Ok(line)) = lines.next() else { break };
        let after = |marker: &str| {
            line.split(marker)
                .nth(1)
                .and_then(|rest| rest.split_whitespace().next())
                .map(str::to_string)
        };
        office = office.or_else(|| after("back_office="));
        public = public.or_else(|| after("address="));
    }
    std::thread::spawn(move || for _ in lines.by_ref() {});
    let (public, office) = (
        public.expect("the public address is logged"),
        office.expect("the back office address is logged"),
    );
    let http = reqwest::Client::new();
    let on = |base: &str| {
        http.get(format!("http://{base}/admin/v1/submissions"))
            .bearer_auth(ADMIN_TOKEN)
            .send()
    };
    let (on_public, on_office) = (on(&public).await, on(&office).await);
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        on_public.expect("request").status(),
        404,
        "not on the public address"
    );
    assert_eq!(
        on_office.expect("request").status(),
        200,
        "on its own, with the file's token"
    );
}
