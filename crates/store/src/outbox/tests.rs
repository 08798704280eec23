//! The outbox's tests, and [`queued`], a queued submission other modules' tests start from.

use domain::form::{FieldPath, Value};

use super::history::already_kept;
use super::*;
use crate::{DraftState, NewDraft, Store, StoreError};

pub(crate) fn queued(store: &Store) -> Result<(Uuid, Uuid), StoreError> {
    let (draft, submission) = (Uuid::from_u128(1), Uuid::from_u128(100));
    store.create_draft(&NewDraft {
        id: draft,
        form_id: "f",
        form_version: "1",
        service_key: Some("99102013000000"),
        now: 1,
    })?;
    store.save_answer(
        draft,
        &FieldPath::root().child("name"),
        &Value::text("Ida"),
        2,
    )?;
    let payload = store.draft(draft)?.map(|d| d.answers).unwrap_or_default();
    store.submit_for_place(draft, submission, &payload, Some("16051000"), 10)?;
    Ok((draft, submission))
}

#[test]
fn the_applicants_place_is_kept_with_the_submission() -> Result<(), StoreError> {
    let store = Store::open_in_memory()?;
    let (_, submission) = queued(&store)?;
    assert_eq!(
        store.submission_place(submission)?.as_deref(),
        Some("16051000")
    );
    assert_eq!(store.submission_place(Uuid::from_u128(999))?, None);
    Ok(())
}

#[test]
fn submit_queues_the_draft_and_the_outbox_in_one_go() -> Result<(), StoreError> {
    let store = Store::open_in_memory()?;
    store.set_owner(&Owner::Account("ida".into()))?;
    let (draft, submission) = queued(&store)?;
    assert_eq!(
        store.draft(draft)?.map(|d| d.state),
        Some(DraftState::Queued),
        "draft queued"
    );
    let entry = store
        .outbox_entry(submission)?
        .ok_or(StoreError::not_found("outbox", submission))?;
    assert_eq!(
        (entry.state, entry.attempts, entry.next_attempt_at),
        (OutboxState::Pending, 0, 10),
        "pending now"
    );
    let sub = store
        .submission(submission)?
        .ok_or(StoreError::not_found("submission", submission))?;
    assert_eq!(sub.status, SubmissionStatus::Initiated, "initiated");
    assert_eq!(
        sub.payload.get(&FieldPath::root().child("name")),
        Some(&Value::text("Ida")),
        "payload kept"
    );
    store.submit(draft, submission, &sub.payload, 11)?;
    assert_eq!(
        store.outbox_entries()?.len(),
        1,
        "a double tap queues nothing new"
    );
    let other = store.submit(draft, Uuid::from_u128(101), &sub.payload, 12);
    assert!(
        matches!(other, Err(StoreError::InvalidState { .. })),
        "a queued draft cannot be sent twice: {other:?}"
    );
    let edit = store.save_answer(
        draft,
        &FieldPath::root().child("name"),
        &Value::text("X"),
        13,
    );
    assert!(
        matches!(edit, Err(StoreError::InvalidState { .. })),
        "a queued draft is not edited: {edit:?}"
    );
    let sync: i64 = store
        .conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))?;
    assert_eq!(
        sync, 1,
        "autosave runs on NORMAL again after the durable submit"
    );
    Ok(())
}

#[test]
fn the_outbox_state_machine_allows_only_its_moves() -> Result<(), StoreError> {
    let store = Store::open_in_memory()?;
    store.set_owner(&Owner::Account("ida".into()))?;
    let (_, id) = queued(&store)?;
    assert_eq!(store.outbox_due(9, 10)?.len(), 0, "not due before its time");
    assert_eq!(store.outbox_due(10, 10)?.len(), 1, "due at its time");
    let claimed = store.outbox_claim(id, 20)?;
    assert_eq!(
        (claimed.state, claimed.attempts),
        (OutboxState::Sending, 1),
        "claimed, one attempt"
    );
    assert!(store.outbox_claim(id, 21).is_err(), "cannot claim twice");
    store.outbox_retry_later(id, "timeout", 100, 22)?;
    let entry = store
        .outbox_entry(id)?
        .ok_or(StoreError::not_found("outbox", id))?;
    assert_eq!(
        (
            entry.state,
            entry.next_attempt_at,
            entry.last_error.as_deref()
        ),
        (OutboxState::Pending, 100, Some("timeout")),
        "back off"
    );
    assert!(
        store.outbox_due(99, 10)?.is_empty(),
        "waits for its back-off"
    );
    store.outbox_claim(id, 100)?;
    assert_eq!(
        store.outbox_recover(101)?,
        1,
        "a crash while sending is recovered"
    );
    store.outbox_claim(id, 102)?;
    store.outbox_failed(id, "rejected: 422", 103)?;
    assert!(
        store.outbox_due(1_000, 10)?.is_empty(),
        "failed is not retried by itself"
    );
    store.outbox_requeue(id, 104)?;
    let entry = store.outbox_claim(id, 105)?;
    assert_eq!(entry.attempts, 4, "attempts counted across the whole life");
    store.outbox_sent(id, "TH-2026-0001", SubmissionStatus::Submitted, 106)?;
    let sub = store
        .submission(id)?
        .ok_or(StoreError::not_found("submission", id))?;
    assert_eq!(
        sub.server_ref.as_deref(),
        Some("TH-2026-0001"),
        "reference kept"
    );
    assert_eq!(
        sub.history.iter().map(|c| c.status).collect::<Vec<_>>(),
        vec![SubmissionStatus::Initiated, SubmissionStatus::Submitted],
        "history in order"
    );
    assert!(
        store.outbox_retry_later(id, "late", 1, 107).is_err(),
        "sent is final"
    );
    Ok(())
}

#[test]
fn the_servers_history_comes_home_step_by_step_without_repeats() -> Result<(), StoreError> {
    use SubmissionStatus::*;
    let store = Store::open_in_memory()?;
    let (_, id) = queued(&store)?;
    let step = |status, at, note: Option<&str>| StatusChange {
        status,
        at,
        note: note.map(str::to_string),
        signature: (status != Initiated && status != Submitted)
            .then_some(domain::receipt::StepSignature::Verified),
    };
    // Between two polls the authority received, processed and asked for something.
    let first = [
        step(Initiated, 10, None),
        step(Submitted, 11, None),
        step(Received, 20, None),
        step(Processing, 21, None),
        step(ActionRequired, 22, Some("Nachweis fehlt")),
    ];
    let mut first = first;
    first[3].signature = Some(domain::receipt::StepSignature::Refused);
    assert_eq!(store.record_history(id, &first)?, 3, "every authority step");
    // The next poll repeats the history and adds: processing again, then completed.
    let mut second = first.to_vec();
    second.extend([step(Processing, 30, None), step(Completed, 31, None)]);
    assert_eq!(store.record_history(id, &second)?, 2, "only what is new");
    assert_eq!(
        store.record_history(id, &second)?,
        0,
        "a repeat adds nothing"
    );
    let sub = store
        .submission(id)?
        .ok_or(StoreError::not_found("submission", id))?;
    assert_eq!(
        sub.history.iter().map(|c| c.status).collect::<Vec<_>>(),
        vec![
            Initiated,
            Received,
            Processing,
            ActionRequired,
            Processing,
            Completed
        ],
        "the whole way, with processing twice"
    );
    assert_eq!(sub.status, Completed);
    assert_eq!(sub.history[3].note.as_deref(), Some("Nachweis fehlt"));
    assert_eq!(sub.history[3].at, 22, "the authority's time");
    assert_eq!(
        sub.history.iter().map(|c| c.signature).collect::<Vec<_>>(),
        [
            None,
            Some(domain::receipt::StepSignature::Verified),
            Some(domain::receipt::StepSignature::Refused),
            Some(domain::receipt::StepSignature::Verified),
            Some(domain::receipt::StepSignature::Verified),
            Some(domain::receipt::StepSignature::Verified),
        ],
        "each step keeps what the device found of its signature"
    );
    Ok(())
}

#[test]
fn history_is_matched_by_order_not_by_the_device_clock() {
    use SubmissionStatus::*;
    let step = |status, at| StatusChange {
        status,
        at,
        note: None,
        signature: None,
    };
    let server = [
        step(Received, 100),
        step(Processing, 101),
        step(ActionRequired, 102),
    ];
    let refs: Vec<&StatusChange> = server.iter().collect();
    // Received kept at send time by a device clock ahead of the server: still one step.
    assert_eq!(already_kept(&[Received], &refs), 1);
    assert_eq!(already_kept(&[], &refs), 0);
    assert_eq!(
        already_kept(&[Received, Processing, ActionRequired], &refs),
        3
    );
    // An older version kept only the last status of a poll: what follows it is new.
    assert_eq!(already_kept(&[Processing], &refs), 2);
    // Nothing in common: only the current status is added.
    assert_eq!(already_kept(&[Completed], &refs), 2);
}

#[test]
fn status_history_appends_only_changes() -> Result<(), StoreError> {
    let store = Store::open_in_memory()?;
    let (_, id) = queued(&store)?;
    assert!(
        store.record_status(id, SubmissionStatus::Received, 20, None)?,
        "a change is recorded"
    );
    assert!(
        !store.record_status(id, SubmissionStatus::Received, 21, None)?,
        "a repeat is not"
    );
    assert!(
        store.record_status(
            id,
            SubmissionStatus::ActionRequired,
            22,
            Some("Nachweis fehlt")
        )?,
        "change"
    );
    let sub = store
        .submission(id)?
        .ok_or(StoreError::not_found("submission", id))?;
    assert_eq!(
        sub.status,
        SubmissionStatus::ActionRequired,
        "current status"
    );
    assert_eq!(sub.history.len(), 3, "three entries: {:?}", sub.history);
    assert_eq!(
        sub.history.last().and_then(|c| c.note.as_deref()),
        Some("Nachweis fehlt"),
        "note kept"
    );
    assert_eq!(store.submissions()?.len(), 1, "listed");
    for status in [
        "INITIATED",
        "SUBMITTED",
        "RECEIVED",
        "PROCESSING",
        "ACTION_REQUIRED",
        "COMPLETED",
        "REJECTED",
    ] {
        assert_eq!(
            SubmissionStatus::parse(status).map(|s| s.as_str()),
            Some(status),
            "{status} round-trips"
        );
    }
    Ok(())
}

/// A status poll that ran while the send was in flight brought the authority's step; the late
/// answer to the send (submitted) does not take it back.
#[test]
fn a_late_answer_to_the_send_never_takes_back_the_authoritys_step() -> Result<(), StoreError> {
    let store = Store::open_in_memory()?;
    let (_, id) = queued(&store)?;
    store.outbox_claim(id, 3)?;
    store.record_status(id, SubmissionStatus::Received, 4, None)?;
    store.outbox_sent(id, "TH-2026-0002", SubmissionStatus::Submitted, 5)?;
    let sub = store
        .submission(id)?
        .ok_or(StoreError::not_found("submission", id))?;
    assert_eq!(
        sub.status,
        SubmissionStatus::Received,
        "the authority's step stands"
    );
    assert_eq!(sub.server_ref.as_deref(), Some("TH-2026-0002"));
    assert_eq!(
        store.outbox_entry(id)?.map(|e| e.state),
        Some(OutboxState::Sent),
        "and the send is done"
    );
    Ok(())
}
