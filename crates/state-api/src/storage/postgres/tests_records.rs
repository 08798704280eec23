//! Tests of the PostgreSQL storage: expiry, codes and tokens, the inbox, replies, reports
//! (helpers in `tests`).

use sha2::{Digest, Sha512};

use super::tests::{arrival, code, event, respond, response, settled, token, uploaded, Schema};
use super::*;

#[test]
fn expiry_and_abandon_drop_the_bytes_and_end_codes_and_tokens() {
    let Some(db) = Schema::fresh() else { return };
    let storage = db.storage();
    uploaded(&storage, "x");
    uploaded(&storage, "y");
    storage
        .submit(
            "y",
            &arrival(),
            &[event(Status::Submitted, 5)],
            "submit",
            &respond,
        )
        .expect("submitted");
    storage.put_code("c1", &code(50)).expect("code");
    storage.put_code("c2", &code(500)).expect("code");
    storage
        .put_token("t1", &token(TokenKind::Access, 50))
        .expect("token");
    storage
        .put_token("t2", &token(TokenKind::Refresh, 500))
        .expect("token");
    assert_eq!(storage.expire_due(100).expect("expired"), 1, "only x");
    assert!(storage
        .attachment_content("x", "a")
        .expect("bytes")
        .is_empty());
    assert_eq!(
        storage.attachment_content("y", "a").expect("bytes"),
        b"abcdef"
    );
    assert!(
        storage.take_code("c1").expect("code").is_none(),
        "expired code"
    );
    assert!(storage.take_code("c2").expect("code").is_some());
    assert!(
        storage.token("t1").expect("token").is_none(),
        "expired token"
    );
    assert!(storage.token("t2").expect("token").is_some());
    uploaded(&storage, "z");
    storage.abandon("z").expect("abandoned");
    let z = storage.submission("z").expect("read").expect("z");
    assert!(z.expired && z.expires_at.is_none(), "ended at once");
    assert!(storage
        .attachment_content("z", "a")
        .expect("bytes")
        .is_empty());
    storage.abandon("y").expect("no-op");
    assert!(
        !storage.submission("y").expect("read").expect("y").expired,
        "submitted stays"
    );
}

#[test]
fn codes_are_single_use_and_refresh_tokens_remember_their_use() {
    let Some(db) = Schema::fresh() else { return };
    let storage = db.storage();
    storage.put_code("c", &code(50)).expect("code");
    assert_eq!(storage.take_code("c").expect("take"), Some(code(50)));
    assert_eq!(storage.take_code("c").expect("take"), None, "used up");
    let refresh = token(TokenKind::Refresh, 500);
    storage.put_token("r", &refresh).expect("token");
    storage
        .put_token("a", &token(TokenKind::Access, 500))
        .expect("token");
    let mut other = token(TokenKind::Refresh, 500);
    other.family = "f2".into();
    storage.put_token("o", &other).expect("token");
    assert_eq!(storage.token("r").expect("read"), Some(refresh.clone()));
    assert_eq!(
        storage.use_refresh_token("r", 7).expect("use"),
        Some(refresh.clone())
    );
    let used = TokenRecord {
        used_at: Some(7),
        ..refresh
    };
    assert_eq!(
        storage.use_refresh_token("r", 9).expect("use"),
        Some(used.clone())
    );
    assert_eq!(
        storage.token("r").expect("read"),
        Some(used),
        "the first use is kept"
    );
    assert_eq!(storage.use_refresh_token("nope", 9).expect("use"), None);
    assert_eq!(storage.revoke_family("f1").expect("revoke"), 2, "r and a");
    assert!(storage.token("a").expect("read").is_none());
    assert!(
        storage.token("o").expect("read").is_some(),
        "another login stays"
    );
}

#[test]
fn messages_carry_documents_and_the_inbox_is_read_by_cursor() {
    let Some(db) = Schema::fresh() else { return };
    let storage = db.storage();
    let document = |id: &str, content: &[u8]| DocumentRecord {
        id: id.into(),
        name: format!("{id}.pdf"),
        media_type: "application/pdf".into(),
        size: content.len() as u64,
        sha512: hex::encode(Sha512::digest(content)),
        content: content.to_vec(),
    };
    let message = |id: &str, subject: &str, documents| MessageRecord {
        id: id.into(),
        subject: subject.into(),
        submission_id: Some("x".into()),
        title: "t".into(),
        body: "b".into(),
        at: 3,
        cursor: 0,
        sender: "Gemeinde".into(),
        documents,
    };
    let first = message(
        "m1",
        "s",
        vec![document("d2", b"two"), document("d1", b"one")],
    );
    let c1 = storage.add_message(&first).expect("stored");
    let c2 = storage
        .add_message(&message("m2", "s", vec![]))
        .expect("stored");
    storage
        .add_message(&message("m3", "ben", vec![]))
        .expect("stored");
    assert!(c2 > c1, "cursors grow");
    let inbox = settled(
        || storage.messages("s", 0, 10).expect("inbox"),
        |m| m.len() == 2,
    );
    assert_eq!(inbox.len(), 2, "s's two");
    let listed = &inbox[0];
    assert_eq!(listed.cursor, c1);
    let names: Vec<&str> = listed.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(names, ["d2", "d1"], "in their order");
    assert!(
        listed.documents.iter().all(|d| d.content.is_empty()),
        "no bytes listed"
    );
    assert_eq!(
        MessageRecord {
            cursor: 0,
            documents: Vec::new(),
            ..listed.clone()
        },
        message("m1", "s", vec![])
    );
    let after = storage.messages("s", c1, 10).expect("inbox");
    assert_eq!(
        after.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
        ["m2"]
    );
    assert_eq!(
        storage.messages("s", 0, 1).expect("inbox").len(),
        1,
        "the limit"
    );
    assert_eq!(
        storage.message_document("s", "m1", "d1").expect("read"),
        Some(document("d1", b"one"))
    );
    assert_eq!(
        storage.message_document("ben", "m1", "d1").expect("read"),
        None
    );
    assert_eq!(
        storage.message_document("s", "m1", "d9").expect("read"),
        None
    );
}

#[test]
fn replies_are_kept_only_while_an_answer_is_awaited() {
    let Some(db) = Schema::fresh() else { return };
    let storage = db.storage();
    uploaded(&storage, "x");
    storage
        .submit(
            "x",
            &arrival(),
            &[event(Status::Submitted, 5)],
            "submit",
            &respond,
        )
        .expect("submitted");
    let reply = |id: &str, key: &str, at: i64| ReplyRecord {
        id: id.into(),
        submission_id: "x".into(),
        subject: "s".into(),
        key: key.into(),
        content: "jwe".into(),
        sealed: true,
        received_at: at,
    };
    let answer = event(Status::Processing, 9);
    assert_eq!(
        storage
            .add_reply(&reply("r1", "k1", 9), &answer, &respond)
            .expect("r"),
        None,
        "nobody asked"
    );
    storage
        .add_status("x", &event(Status::ActionRequired, 8), None, None)
        .expect("asked");
    let kept = storage
        .add_reply(&reply("r1", "k1", 9), &answer, &respond)
        .expect("r");
    assert_eq!(kept, Some(response()));
    assert_eq!(
        storage
            .add_reply(&reply("r2", "k2", 10), &answer, &respond)
            .expect("r"),
        None,
        "answered already"
    );
    storage
        .add_status("x", &event(Status::ActionRequired, 11), None, None)
        .expect("asked");
    storage
        .add_reply(&reply("r0", "k3", 12), &answer, &respond)
        .expect("r");
    let record = storage.submission("x").expect("read").expect("x");
    assert_eq!(record.status, Status::Processing, "the reply's step");
    let replies = storage.replies("x").expect("replies");
    assert_eq!(replies, vec![reply("r1", "k1", 9), reply("r0", "k3", 12)]);
    assert!(storage
        .idempotent_response("reply", "s", "k3")
        .expect("r")
        .is_some());
    assert!(storage.replies("y").expect("replies").is_empty());
}

#[test]
fn reports_are_numbered_in_order_of_arrival() {
    let Some(db) = Schema::fresh() else { return };
    let storage = db.storage();
    let report = |id: &str| ReportRecord {
        id: id.into(),
        sequence: 0,
        report_json: format!("{{\"id\":\"{id}\"}}"),
        received_at: 4,
    };
    let numbered = |sequence: i64| {
        Ok(StoredResponse {
            body: sequence.to_string(),
            ..response()
        })
    };
    for id in ["r1", "r2", "r3"] {
        storage.create_report(&report(id), &numbered).expect("kept");
    }
    let reports = storage.reports(2).expect("reports");
    let seen: Vec<(&str, i64)> = reports
        .iter()
        .map(|r| (r.id.as_str(), r.sequence))
        .collect();
    assert_eq!(seen, [("r3", 3), ("r2", 2)], "newest first");
    assert_eq!(reports[0].report_json, "{\"id\":\"r3\"}");
    let kept = storage
        .idempotent_response("report", "s", "r2")
        .expect("read");
    assert_eq!(kept.map(|r| r.body).as_deref(), Some("2"));
    assert!(
        storage.create_report(&report("r1"), &numbered).is_err(),
        "one id once"
    );
}

#[test]
fn of_two_moves_decided_on_one_status_only_the_first_lands() {
    let Some(db) = Schema::fresh() else { return };
    // Two instances, as two back-office people on two of them.
    let (first, second) = (db.storage(), db.storage());
    uploaded(&first, "x");
    first
        .submit(
            "x",
            &arrival(),
            &[event(Status::Submitted, 5)],
            "submit",
            &respond,
        )
        .expect("submitted");
    first
        .add_status(
            "x",
            &event(Status::Received, 6),
            None,
            Some(Status::Submitted),
        )
        .expect("the first move lands");
    let late = second.add_status(
        "x",
        &event(Status::Rejected, 7),
        None,
        Some(Status::Submitted),
    );
    assert!(
        matches!(late, Err(Error::Conflict(_))),
        "the second, decided on SUBMITTED too, is refused"
    );
    let record = first.submission("x").expect("read").expect("x");
    assert_eq!(record.status, Status::Received);
    assert_eq!(record.history.len(), 3, "no REJECTED event");
}
