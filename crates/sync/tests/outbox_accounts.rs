//! The outbox worker and the person's login, against the real state API: a revoked login makes
//! queued work wait until the next login, a new login reads its inbox from the start, and an
//! application is never sent under the next person's login.

mod support;

use std::time::Duration;

use store::OutboxState;
use sync::Stage;
use sync::{Session, SyncEvent};

use support::rig::{rig, start, until, LIMIT};
use support::TestServer;

#[tokio::test]
async fn a_revoked_login_stops_the_worker_until_the_next_login() {
    let server = TestServer::start().await;
    let rig = rig(&server.base()).await;
    let (worker, log) = start(&rig);
    // The refresh token is used elsewhere (rotation revokes ours) and the access token expires.
    let stolen = sync::Credentials::load(rig.credentials.as_ref())
        .expect("readable")
        .expect("a token");
    let used = reqwest::Client::new()
        .post(format!("{}oauth/token", server.base()))
        .form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", stolen.expose()),
            ("client_id", "thueringen-app"),
        ])
        .send()
        .await
        .expect("token request");
    assert_eq!(
        used.status(),
        200,
        "the other use of the refresh token works"
    );
    server
        .state
        .backend()
        .advance_clock(Duration::from_secs(16 * 60));
    let ids: Vec<uuid::Uuid> = {
        let store = rig.store.lock().expect("store");
        (10..13)
            .map(|n| support::queue(&store, n, Some("Ida"), 1, 5_000, 1_000))
            .collect()
    };
    worker.wake();
    until(&log, "login required", |e| {
        matches!(e, SyncEvent::LoginRequired)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    {
        let store = rig.store.lock().expect("store");
        for id in &ids {
            let entry = store.outbox_entry(*id).expect("readable").expect("kept");
            assert_eq!(
                entry.state,
                OutboxState::Pending,
                "queued work waits, it is not failed: {entry:?}"
            );
        }
    }
    let account = rig.session.account().await.expect("account");
    assert!(
        account.needs_login,
        "the UI is told to ask for a login: {account:?}"
    );
    let received = server
        .submissions()
        .await
        .iter()
        .filter(|s| s.status == state_api::storage::Status::Received)
        .count();
    assert_eq!(received, 0, "nothing was sent without a login");

    support::login(&rig.session, "anna").await;
    support::until_flushed(&rig.store, LIMIT)
        .await
        .expect("the queued work goes on after the login");
    let on_server = server.submissions().await;
    assert_eq!(on_server.len(), 3, "each arrived once: {on_server:?}");
    assert!(
        on_server
            .iter()
            .all(|s| s.status == state_api::storage::Status::Received),
        "all received"
    );
    worker.stop().await;
}

#[tokio::test]
async fn after_a_new_login_the_inbox_is_read_from_the_start() {
    let server = TestServer::start().await;
    let http = reqwest::Client::new();
    // Ben's message is older than Anna's: a lower cursor on the server.
    for (subject, title) in [
        ("citizen-ben", "Bescheid für Ben"),
        ("citizen-anna", "Bescheid für Anna"),
    ] {
        let written = http
            .post(format!("{}admin/v1/messages", server.admin_base()))
            .bearer_auth(support::ADMIN_TOKEN)
            .json(&serde_json::json!({"subject": subject, "title": title, "body": "…"}))
            .send()
            .await
            .expect("message");
        assert_eq!(written.status(), 201, "the back office writes to {subject}");
    }
    let rig = rig(&server.base()).await;
    let (worker, log) = start(&rig);
    until(&log, "anna's message", |e| {
        matches!(e, SyncEvent::InboxUpdated { .. })
    })
    .await;
    // Anna logs out; Ben logs in on the same device (the shell moves the store's owner).
    rig.session.logout().await.expect("logged out");
    rig.store
        .lock()
        .expect("store")
        .set_owner(&store::Owner::Device)
        .expect("owner");
    support::login(&rig.session, "ben").await;
    support::use_as(&rig.store.lock().expect("store"), "ben");
    worker.wake();
    let deadline = tokio::time::Instant::now() + LIMIT;
    loop {
        let titles: Vec<String> = rig
            .store
            .lock()
            .expect("store")
            .inbox()
            .expect("inbox")
            .into_iter()
            .map(|m| m.subject)
            .collect();
        if titles.iter().any(|t| t == "Bescheid für Ben") {
            assert_eq!(
                titles,
                vec!["Bescheid für Ben".to_string()],
                "Ben sees his message and nothing of Anna's"
            );
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "Ben's older message never arrived: {titles:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    worker.stop().await;
}

/// The submissions the state API holds for whoever `session` is logged in as.
async fn held_for(session: &Session) -> Vec<String> {
    let token = session.access_token().await.expect("a token");
    session
        .client()
        .submissions_since(&token, 0)
        .await
        .expect("the list")
        .items
        .into_iter()
        .map(|s| s.submission_id)
        .collect()
}

/// #14: an application goes only under the account of the person who submitted it. Ben, who
/// logs in after Anna on the same device, never sends Anna's queued application, not even
/// while the store still shows Anna (a shell that has not caught up with the login), and it is
/// not lost: Anna's next login sends it, once.
#[tokio::test]
async fn an_application_is_never_sent_under_the_next_persons_login() {
    let server = TestServer::start().await;
    let rig = rig(&server.base()).await;
    let id = {
        let store = rig.store.lock().expect("store");
        support::queue(&store, 9, Some("Anna"), 1, 2_000, 1_000)
    };
    rig.session.logout().await.expect("Anna logs out");
    support::login(&rig.session, "ben").await;
    let (worker, log) = start(&rig);
    // The worker runs as Ben for a while: several polls and send rounds.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(
        held_for(&rig.session).await.is_empty(),
        "nothing was sent under Ben's login"
    );
    assert!(
        server.submissions().await.is_empty(),
        "nothing reached the state API at all"
    );
    let entry = rig
        .store
        .lock()
        .expect("store")
        .outbox_entry(id)
        .expect("readable")
        .expect("still queued");
    assert_eq!(
        entry.state,
        store::OutboxState::Pending,
        "Anna's application waits, not failed: {entry:?}"
    );
    assert!(
        entry.attempts >= 1 && entry.last_error.as_deref() == Some("other_account"),
        "the worker tried and refused to send it as Ben: {entry:?}"
    );
    // Anna comes back: her login sends it.
    rig.session.logout().await.expect("Ben logs out");
    support::login(&rig.session, "anna").await;
    worker.wake();
    until(&log, "Anna's application sent", |e| {
        matches!(e, SyncEvent::Progress(p) if p.submission_id == id
            && matches!(p.stage, Stage::At(_)))
    })
    .await;
    assert_eq!(
        held_for(&rig.session).await,
        vec![id.to_string()],
        "it arrived under Anna's account, once"
    );
    worker.stop().await;
}
