//! Answering the authority (#18) through the engine: a reply queued on the device reaches the
//! authority once, encrypted for it, even when the answer to the first try is lost after the
//! state API took it; the authority's step back to PROCESSING reaches the timeline; and a
//! document on the authority's message is fetched and kept only when it hashes as announced.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use rand::SeedableRng;
use store::{ReplyDelivery, ReplyDocument, SubmissionStatus};
use sync::{MemoryCredentials, Session, SyncEvent, Worker};
use tokio::sync::mpsc;

use support::proxy::{Fate, FaultProxy, FaultRates};
use support::TestServer;

const LIMIT: Duration = Duration::from_secs(120);

async fn until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + LIMIT;
    while !done() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "no {what} within {LIMIT:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_reply_whose_answer_was_lost_arrives_once_and_a_document_is_kept_by_its_hash() {
    let server = TestServer::start().await;
    let proxy = FaultProxy::start(server.addr, 7, FaultRates::none()).await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = support::shared(support::open_store(&support::temp_store_path(dir.path())));
    let session = Session::new(
        support::client(&proxy.base()),
        Arc::new(MemoryCredentials::new()),
    );
    support::login(&session, "anna").await;
    let id = {
        let store = store.lock().expect("store");
        support::use_as(&store, "anna");
        support::queue(&store, 1, Some("Ida"), 0, 0, 1_000)
    };
    let (tx, rx) = mpsc::unbounded_channel();
    let log = support::event_log(rx);
    let worker = Worker::start(
        store.clone(),
        session.clone(),
        support::fast_config(),
        rand::rngs::StdRng::seed_from_u64(1),
        support::system_clock(),
        tx,
    );
    let status = |store: &Arc<Mutex<store::Store>>| {
        store
            .lock()
            .ok()
            .and_then(|s| s.submission(id).ok().flatten())
            .map(|s| s.status)
    };
    until("receipt", || {
        status(&store) == Some(SubmissionStatus::Received)
    })
    .await;

    // The authority asks for a document, and sends a letter with its request.
    let backend = server.state.backend();
    backend
        .admin_move_status(
            &id.to_string(),
            state_api::wire::StatusChange {
                status: state_api::storage::Status::ActionRequired,
                reasons: vec!["Meldebescheinigung fehlt".into()],
                note: None,
            },
        )
        .await
        .expect("asked");
    let letter = b"%PDF-1.7 Schreiben".to_vec();
    backend
        .admin_send_message(state_api::wire::NewMessage {
            subject: None,
            submission_id: Some(id.to_string()),
            title: "Bitte nachreichen".into(),
            body: "Siehe Schreiben.".into(),
            sender: None,
            documents: vec![state_api::wire::NewDocument {
                name: "Schreiben.pdf".into(),
                media_type: "application/pdf".into(),
                content: base64::engine::general_purpose::STANDARD.encode(&letter),
            }],
        })
        .await
        .expect("written");
    worker.wake();
    until("the letter", || {
        store.lock().ok().is_some_and(|s| {
            s.inbox()
                .ok()
                .and_then(|m| m.first().cloned())
                .is_some_and(|m| {
                    s.message_documents(&m.id)
                        .is_ok_and(|d| d.first().is_some_and(|d| d.kept))
                })
        })
    })
    .await;
    until("the request", || {
        status(&store) == Some(SubmissionStatus::ActionRequired)
    })
    .await;
    {
        let store = store.lock().expect("store");
        let message = store.inbox().expect("inbox")[0].id.clone();
        let document = store.message_documents(&message).expect("documents")[0].clone();
        assert_eq!(
            store
                .message_document_bytes(&message, &document.document_id)
                .expect("readable")
                .map(|(_, bytes)| bytes),
            Some(letter),
            "the letter as the authority sent it"
        );
    }

    // The answer, with a document; the state API's answer to the first try is lost.
    proxy.next_request(
        &format!("POST /v1/submissions/{id}/replies"),
        Fate::CutResponseAfter(0),
    );
    let reply = uuid::Uuid::from_u128(0xbeef);
    let document = ReplyDocument {
        name: "Meldebescheinigung.pdf".into(),
        media_type: "application/pdf".into(),
        bytes: b"%PDF-1.7 Meldebescheinigung".to_vec(),
    };
    store
        .lock()
        .expect("store")
        .queue_reply(reply, id, "Anbei.", std::slice::from_ref(&document), 2_000)
        .expect("queued");
    worker.wake();
    until("the reply sent", || {
        store.lock().ok().is_some_and(|s| {
            s.replies_to(id)
                .is_ok_and(|r| r.first().is_some_and(|r| r.delivery == ReplyDelivery::Sent))
        })
    })
    .await;
    until("the authority's step", || {
        status(&store) == Some(SubmissionStatus::Processing)
    })
    .await;
    assert!(
        log.lock()
            .map(|l| l
                .iter()
                .any(|e| matches!(e, SyncEvent::StatusChanged { .. })))
            .unwrap_or(false),
        "the page is told"
    );
    worker.stop().await;

    let replies = backend
        .admin_replies(&id.to_string())
        .await
        .expect("the authority reads");
    assert_eq!(replies.len(), 1, "once, though sent twice: {replies:?}");
    assert!(replies[0].sealed, "encrypted for the authority");
    assert_eq!(replies[0].text, "Anbei.");
    assert_eq!(
        replies[0].documents[0].sha512,
        support::sha512_hex(&document.bytes)
    );
    let summary = proxy.stats().summary();
    assert!(
        !summary.contains("cut mid-response 0,"),
        "the answer was lost once: {summary}"
    );
}
