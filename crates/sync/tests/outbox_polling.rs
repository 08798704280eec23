//! What the worker's polling brings home from the real state API: every step the authority
//! took between two polls, and a message written while the outbox is idle.

mod support;

use std::time::Duration;

use rand::SeedableRng;
use store::SubmissionStatus;
use sync::Stage;
use sync::{SyncEvent, Worker};
use tokio::sync::mpsc;

use support::rig::{events, rig, start, until, LIMIT};
use support::TestServer;

#[tokio::test]
async fn every_step_the_authority_took_between_two_polls_reaches_the_timeline() {
    let server = TestServer::start().await;
    let rig = rig(&server.base()).await;
    let id = {
        let store = rig.store.lock().expect("store");
        support::queue(&store, 5, Some("Ida"), 0, 0, 1_000)
    };
    let (worker, log) = start(&rig);
    until(
        &log,
        "received",
        |e| matches!(e, SyncEvent::Progress(p) if p.stage == Stage::At(SubmissionStatus::Received)),
    )
    .await;
    worker.stop().await;
    // While the app is closed, the authority goes three steps (and one of them twice).
    let backend = server.state.backend();
    for (status, note) in [
        (state_api::storage::Status::Processing, None),
        (
            state_api::storage::Status::ActionRequired,
            Some("Bitte reichen Sie die Zulassung nach."),
        ),
        (state_api::storage::Status::Processing, None),
    ] {
        backend
            .admin_move_status(
                &id.to_string(),
                state_api::wire::StatusChange {
                    status,
                    reasons: vec![],
                    note: note.map(str::to_string),
                },
            )
            .await
            .expect("the back office moves the status");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let (worker, log) = start(&rig);
    worker.wake();
    until(&log, "status change", |e| {
        matches!(e, SyncEvent::StatusChanged { .. })
    })
    .await;
    worker.stop().await;
    let submission = rig
        .store
        .lock()
        .expect("store")
        .submission(id)
        .expect("readable")
        .expect("kept");
    let steps: Vec<SubmissionStatus> = submission.history.iter().map(|c| c.status).collect();
    let authority: Vec<SubmissionStatus> = steps
        .iter()
        .copied()
        .skip_while(|s| *s != SubmissionStatus::Processing)
        .collect();
    assert_eq!(
        authority,
        vec![
            SubmissionStatus::Processing,
            SubmissionStatus::ActionRequired,
            SubmissionStatus::Processing
        ],
        "every step, in order: {steps:?}"
    );
    assert!(
        submission
            .history
            .iter()
            .any(|c| c.note.as_deref() == Some("Bitte reichen Sie die Zulassung nach.")),
        "with the authority's note"
    );
}

/// The status and inbox poll keeps its own interval while the outbox is idle: a message the
/// authority writes after everything was sent arrives within a few poll intervals, without a
/// wake-up, even though the planner's idle wait is a minute (it waited the whole minute).
#[tokio::test]
async fn the_inbox_is_polled_at_its_interval_while_the_outbox_is_idle() {
    let server = TestServer::start().await;
    let rig = rig(&server.base()).await;
    let id = {
        let store = rig.store.lock().expect("store");
        support::queue(&store, 1, Some("Ida Muster"), 0, 0, 1_000)
    };
    let (tx, rx) = mpsc::unbounded_channel();
    let mut config = support::fast_config();
    config.policy.idle = Duration::from_secs(60);
    config.poll_interval = Duration::from_millis(500);
    let _worker = Worker::start(
        rig.store.clone(),
        rig.session.clone(),
        config,
        rand::rngs::StdRng::seed_from_u64(3),
        support::system_clock(),
        tx,
    );
    let log = support::event_log(rx);
    support::until_flushed(&rig.store, LIMIT)
        .await
        .expect("the outbox empties");
    until(&log, "idle", |e| matches!(e, SyncEvent::Idle)).await;

    let written = reqwest::Client::new()
        .post(format!("{}admin/v1/messages", server.admin_base()))
        .bearer_auth(support::ADMIN_TOKEN)
        .json(&serde_json::json!({"submissionId": id.to_string(), "title": "Rückfrage", "body": "Bitte melden Sie sich."}))
        .send()
        .await
        .expect("message");
    assert_eq!(written.status(), 201, "the back office writes");
    let written_at = tokio::time::Instant::now();
    let deadline = written_at + Duration::from_secs(15);
    while !events(&log)
        .iter()
        .any(|e| matches!(e, SyncEvent::InboxUpdated { .. }))
    {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the message came home within 15 s of half-second polls, not after the idle minute: {:?}",
            events(&log)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
