//! The outbox worker against the real state API, without faults: a submission with
//! attachments arrives once with its bytes intact, status and inbox come back, a refusal goes
//! back to the person, an expired start is started over, and offline the worker probes with
//! back-off. Logins and accounts: `outbox_accounts.rs`; what polling brings home:
//! `outbox_polling.rs`.

mod support;

use std::sync::Arc;
use std::time::Duration;

use rand::SeedableRng;
use store::{OutboxState, SubmissionStatus};
use sync::{MemoryCredentials, Session, SyncEvent, Worker};
use sync::{Reachability, Stage};
use tokio::sync::mpsc;

use support::rig::{events, rig, start, start_clocked, until, LIMIT};
use support::{TestServer, FORM_ID, FORM_VERSION, PARKING};

#[tokio::test]
async fn a_submission_with_attachments_arrives_once_and_status_and_inbox_come_back() {
    let server = TestServer::start().await;
    let rig = rig(&server.base()).await;
    let id = {
        let store = rig.store.lock().expect("store");
        support::queue(&store, 1, Some("Ida Muster"), 2, 40_000, 1_000)
    };
    let (worker, log) = start(&rig);
    support::until_flushed(&rig.store, LIMIT)
        .await
        .expect("the outbox empties");

    let local = rig
        .store
        .lock()
        .expect("store")
        .submission(id)
        .expect("readable")
        .expect("kept");
    assert_eq!(
        local.status,
        SubmissionStatus::Received,
        "received by the server: {:?}",
        local.history
    );
    assert_eq!(
        local.server_ref.as_deref(),
        Some(id.to_string().as_str()),
        "created under its own id"
    );
    let on_server = server.submissions().await;
    assert_eq!(on_server.len(), 1, "exactly one submission on the server");
    let sent = &on_server[0];
    assert_eq!(
        sent.authority_id.as_deref(),
        Some("erfurt"),
        "routed by the applicant's place to the authority responsible there"
    );
    assert!(
        sent.attachments.iter().all(|a| a.complete),
        "every attachment complete: {:?}",
        sent.attachments
    );
    let expected: Vec<String> = (0..2)
        .map(|a| support::sha512_hex(&support::attachment_bytes(16 + a, 40_000)))
        .collect();
    // Encrypted for Erfurt: the state API holds ciphertext, and the authority, which opened
    // it, names the hashes of the plain bytes in its signed receipt.
    let got: Vec<String> = support::received_attachments(sent)
        .into_iter()
        .map(|(_, sha512)| sha512)
        .collect();
    assert_eq!(got, expected, "the very bytes arrived");
    assert!(
        sent.attachments
            .iter()
            .all(|a| !expected.contains(&a.sha512)),
        "no plain attachment on the state API"
    );
    let data = serde_json::to_value(&local.payload).expect("payload JSON");
    assert_eq!(
        sent.data_sha512.as_deref(),
        Some(support::sha512_hex(support::canonical(&data).as_bytes()).as_str()),
        "the data arrived unchanged"
    );
    assert_eq!(
        local.data_sha512, sent.data_sha512,
        "the device keeps the state API's hash as the receipt"
    );
    let progress: Vec<(u32, u32)> = events(&log)
        .iter()
        .filter_map(|e| match e {
            SyncEvent::Progress(p) if p.stage == Stage::Sending => {
                Some((p.uploaded, p.attachments))
            }
            _ => None,
        })
        .collect();
    assert!(
        progress.contains(&(1, 2)) && progress.contains(&(2, 2)),
        "sending n of m: {progress:?}"
    );

    // The back office moves the status and writes; the worker's polling brings both home.
    let http = reqwest::Client::new();
    let moved = http
        .post(format!(
            "{}admin/v1/submissions/{id}/status",
            server.admin_base()
        ))
        .bearer_auth(support::ADMIN_TOKEN)
        .json(&serde_json::json!({"status": "PROCESSING"}))
        .send()
        .await
        .expect("status move");
    assert_eq!(moved.status(), 200, "the back office moves the status");
    let written = http
        .post(format!("{}admin/v1/messages", server.admin_base()))
        .bearer_auth(support::ADMIN_TOKEN)
        .json(&serde_json::json!({"submissionId": id.to_string(), "title": "Eingangsbestätigung", "body": "Ihr Antrag ist da."}))
        .send()
        .await
        .expect("message");
    assert_eq!(written.status(), 201, "the back office writes");
    worker.wake();
    until(&log, "status change", |e| {
        matches!(
            e,
            SyncEvent::StatusChanged {
                status: SubmissionStatus::Processing,
                ..
            }
        )
    })
    .await;
    until(&log, "inbox", |e| {
        matches!(e, SyncEvent::InboxUpdated { unread: 1, .. })
    })
    .await;
    let inbox = rig.store.lock().expect("store").inbox().expect("inbox");
    assert_eq!(inbox.len(), 1, "one message kept");
    assert_eq!(
        inbox[0].submission_id,
        Some(id),
        "linked to the local submission"
    );
    assert_eq!(
        inbox[0].sender, "Stadtverwaltung Erfurt",
        "the message names the authority that wrote it"
    );
    worker.stop().await;
}

#[tokio::test]
async fn a_refusal_goes_back_to_the_person_with_the_field_problems() {
    let server = TestServer::start().await;
    let rig = rig(&server.base()).await;
    let id = {
        let store = rig.store.lock().expect("store");
        support::queue(&store, 2, None, 0, 0, 1_000)
    };
    let (worker, log) = start(&rig);
    until(&log, "refused", |e| matches!(e, SyncEvent::Refused { .. })).await;
    let problems = events(&log)
        .into_iter()
        .find_map(|e| match e {
            SyncEvent::Refused {
                submission_id,
                problems,
            } if submission_id == id => Some(problems),
            _ => None,
        })
        .expect("the refusal names the submission");
    assert!(
        problems
            .iter()
            .any(|p| p.field == "name" && p.code.starts_with("form-")),
        "the missing field is named with the form engine's message id: {problems:?}"
    );
    let entry = rig
        .store
        .lock()
        .expect("store")
        .outbox_entry(id)
        .expect("readable")
        .expect("kept");
    assert_eq!(entry.state, OutboxState::Failed, "failed, not dropped");
    assert!(
        entry
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("\"name\"")),
        "problems kept: {:?}",
        entry.last_error
    );
    assert!(
        rig.store
            .lock()
            .expect("store")
            .submission(id)
            .expect("readable")
            .is_some(),
        "the submission is kept"
    );
    let draft = rig
        .store
        .lock()
        .expect("store")
        .submission(id)
        .expect("readable")
        .and_then(|s| s.draft_id)
        .expect("queued from a draft");
    let state = rig
        .store
        .lock()
        .expect("store")
        .draft(draft)
        .expect("readable")
        .expect("the draft is kept")
        .state;
    assert_eq!(
        state,
        store::DraftState::Editing,
        "the draft is back with the person to correct and send again"
    );
    worker.stop().await;
}

#[tokio::test]
async fn an_expired_start_is_started_over_under_the_next_id_and_arrives_once() {
    let server = TestServer::start().await;
    let rig = rig(&server.base()).await;
    // Without a place, so its attachment goes as it is (with one, it would be encrypted
    // for the authority: see receipts.rs).
    let bytes = support::attachment_bytes(3 * 16, 1_000);
    let id = {
        let store = rig.store.lock().expect("store");
        support::queue_at(
            &store,
            3,
            Some("Ida"),
            std::slice::from_ref(&bytes),
            1_000,
            None,
        )
    };
    // A first try got as far as the create, then the app was gone for more than a day.
    let body = sync::wire::CreateSubmission {
        service_key: PARKING.into(),
        // What the app's own first try sent: the same body, so the key replays.
        ars: None,
        form: Some(sync::wire::FormRef {
            id: FORM_ID.into(),
            version: FORM_VERSION.into(),
        }),
        announced_attachments: vec![sync::wire::AnnouncedAttachment {
            attachment_id: uuid::Uuid::from_u128(0xa000_0000_0000 + 3 * 16).to_string(),
            filename: "nachweis.pdf".into(),
            media_type: "application/pdf".into(),
            size: 1_000,
            sha512: support::sha512_hex(&bytes),
        }],
        destination: None,
    };
    let token = rig.session.access_token().await.expect("a token");
    rig.session
        .client()
        .create_submission(&token, id, &body)
        .await
        .expect("the first create");
    server
        .state
        .backend()
        .advance_clock(Duration::from_secs(25 * 3600));

    // A day later for the device too (the destination's key set is signed on the server's day).
    let (worker, _log) = start_clocked(&rig, support::server_clock(&server));
    support::until_flushed(&rig.store, LIMIT)
        .await
        .expect("the outbox empties");
    let local = rig
        .store
        .lock()
        .expect("store")
        .submission(id)
        .expect("readable")
        .expect("kept");
    let next = sync::plan::server_id(id, 1);
    assert_eq!(
        local.server_ref.as_deref(),
        Some(next.to_string().as_str()),
        "sent under the restart id"
    );
    let on_server = server.submissions().await;
    let received: Vec<_> = on_server
        .iter()
        .filter(|s| s.status == state_api::storage::Status::Received)
        .collect();
    assert_eq!(received.len(), 1, "received exactly once: {on_server:?}");
    assert_eq!(
        received[0].submission_id,
        next.to_string(),
        "the restart id is the received one"
    );
    assert_eq!(
        on_server.len(),
        2,
        "the expired start stays expired, nothing else"
    );
    worker.stop().await;
}

#[tokio::test]
async fn offline_the_worker_probes_with_back_off_instead_of_spinning() {
    let server = TestServer::start().await;
    let proxy =
        support::proxy::FaultProxy::start(server.addr, 3, support::proxy::FaultRates::none()).await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = support::shared(support::open_store(&support::temp_store_path(dir.path())));
    let session = Session::new(
        support::client(&proxy.base()),
        Arc::new(MemoryCredentials::new()),
    );
    support::login(&session, "anna").await;
    support::use_as(&store.lock().expect("store"), "anna");
    proxy.set_offline(true);
    let ids: Vec<uuid::Uuid> = {
        let store = store.lock().expect("store");
        (20..25)
            .map(|n| support::queue(&store, n, Some("Ida"), 1, 3_000, 1_000))
            .collect()
    };
    let (tx, rx) = mpsc::unbounded_channel();
    let log = support::event_log(rx);
    let worker = Worker::start(
        store.clone(),
        session.clone(),
        support::fast_config(),
        rand::rngs::StdRng::seed_from_u64(2),
        support::system_clock(),
        tx,
    );
    until(&log, "offline", |e| {
        matches!(e, SyncEvent::Connectivity(Reachability::Offline))
    })
    .await;
    let before = proxy
        .stats()
        .connections
        .load(std::sync::atomic::Ordering::Relaxed);
    tokio::time::sleep(Duration::from_secs(3)).await;
    let tries = proxy
        .stats()
        .connections
        .load(std::sync::atomic::Ordering::Relaxed)
        - before;
    // Probes back off to 0.5 s in the test policy: a handful in 3 s; a spinning loop makes thousands.
    assert!(
        tries <= 40,
        "offline, the worker only probes now and then: {tries} connections in 3 s"
    );
    {
        let store = store.lock().expect("store");
        for id in &ids {
            let entry = store.outbox_entry(*id).expect("readable").expect("kept");
            assert_eq!(
                entry.state,
                OutboxState::Pending,
                "offline work stays queued: {entry:?}"
            );
        }
    }
    proxy.set_offline(false);
    support::until_flushed(&store, LIMIT)
        .await
        .expect("sent once the network is back");
    until(&log, "online", |e| {
        matches!(e, SyncEvent::Connectivity(Reachability::Online))
    })
    .await;
    assert_eq!(server.submissions().await.len(), 5, "each arrived once");
    worker.stop().await;
}
