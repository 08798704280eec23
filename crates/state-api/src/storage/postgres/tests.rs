//! Tests of the PostgreSQL storage against a real server, and their helpers: here the
//! scenarios of the SQLite tests and the submissions; the inbox, replies, reports, codes and
//! tokens in `tests_records`; connecting and the coordination (compared with the in-memory
//! one) in `tests_setup`; the races in `tests_races`. They run when THUERINGEN_POSTGRES_URL is
//! set (else they are skipped, or fail with THUERINGEN_REQUIRE_POSTGRES=1), each in a fresh
//! schema dropped at the end.

use ::postgres::{Client, NoTls};
use sha2::{Digest, Sha512};

use super::*;

/// The test database's URL, or `None` to skip the test.
pub(super) fn url() -> Option<String> {
    match std::env::var("THUERINGEN_POSTGRES_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("THUERINGEN_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                "THUERINGEN_REQUIRE_POSTGRES=1 but THUERINGEN_POSTGRES_URL is not set"
            );
            eprintln!("skipped: no THUERINGEN_POSTGRES_URL");
            None
        }
    }
}

/// A fresh schema of one test, dropped with everything in it when this is dropped.
pub(super) struct Schema {
    url: String,
    pub(super) name: String,
}

impl Schema {
    /// A new schema name (`t_<16 hex>`), or `None` to skip the test.
    pub(super) fn fresh() -> Option<Schema> {
        Some(Schema {
            url: url()?,
            name: format!("t_{:016x}", rand::random::<u64>()),
        })
    }

    pub(super) fn options(&self, pool_size: u32) -> PostgresOptions {
        PostgresOptions {
            url: self.url.clone(),
            schema: Some(self.name.clone()),
            pool_size,
        }
    }

    /// A storage on this schema (another one is another server instance).
    pub(super) fn storage(&self) -> PostgresStorage {
        PostgresStorage::connect(&self.options(4)).expect("connects and migrates")
    }

    /// A plain connection to this schema.
    pub(super) fn client(&self) -> Client {
        let config = client_config(&self.options(1)).expect("a valid URL");
        config.connect(NoTls).expect("connects")
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        // On a thread of its own: the blocking client cannot run on an async test's thread.
        std::thread::scope(|scope| {
            scope.spawn(|| {
                if let Ok(mut client) = Client::connect(&self.url, NoTls) {
                    let drop = format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name);
                    let _ = client.batch_execute(&drop);
                }
            });
        });
    }
}

/// Reads until `done` holds (at most 10 s) and returns the last read. A feed shows a change
/// once every transaction that started writing before it has ended, in the whole cluster:
/// another test's transaction may hold it back a moment.
pub(super) fn settled<T>(mut read: impl FnMut() -> T, done: impl Fn(&T) -> bool) -> T {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let value = read();
        if done(&value) || std::time::Instant::now() > deadline {
            return value;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

pub(super) fn new_submission(id: &str) -> NewSubmission {
    NewSubmission {
        id: id.into(),
        spare_id: format!("spare-{id}"),
        key: id.into(),
        subject: "s".into(),
        service_key: "99108001001000".into(),
        ars: None,
        authority_id: None,
        form_id: None,
        form_version: None,
        attachments: vec![Announced {
            id: "a".into(),
            filename: "f.pdf".into(),
            media_type: "application/pdf".into(),
            size: 6,
            sha512: hex::encode(Sha512::digest(b"abcdef")),
        }],
        created_at: 1,
        expires_at: 100,
    }
}

pub(super) const NO_QUOTA: Quota = Quota {
    day_start: 0,
    per_day: u64::MAX,
    attachment_bytes: u64::MAX,
};

pub(super) fn respond(_cursor: i64) -> Result<StoredResponse, Error> {
    Ok(response())
}

pub(super) fn response() -> StoredResponse {
    StoredResponse {
        subject: "s".into(),
        fingerprint: "f".into(),
        status: 201,
        body: "{}".into(),
    }
}

pub(super) fn event(status: Status, at: i64) -> StatusEvent {
    StatusEvent {
        status,
        at,
        reasons: Vec::new(),
        note: None,
        signed: None,
    }
}

pub(super) fn arrival() -> Arrival<'static> {
    Arrival {
        data_json: "{\"name\":\"x\"}",
        data_sha512: "d",
        receipt: Some("receipt"),
        metadata: Some("metadata"),
    }
}

/// Creates `id` for subject `s` and uploads its attachment in full.
pub(super) fn uploaded(storage: &PostgresStorage, id: &str) {
    storage
        .create_submission(&new_submission(id), &NO_QUOTA, &respond)
        .expect("created");
    storage.append_chunk(id, "a", 0, b"abcdef").expect("append");
    storage.complete_attachment(id, "a").expect("complete");
}

pub(super) fn code(expires_at: i64) -> AuthCode {
    AuthCode {
        client_id: "app".into(),
        redirect_uri: "app://cb".into(),
        code_challenge: "ch".into(),
        subject: "s".into(),
        scope: "openid".into(),
        expires_at,
    }
}

pub(super) fn token(kind: TokenKind, expires_at: i64) -> TokenRecord {
    TokenRecord {
        kind,
        subject: "s".into(),
        client_id: "app".into(),
        scope: "openid".into(),
        expires_at,
        family: "f1".into(),
        used_at: None,
    }
}

#[test]
fn chunks_append_in_order_and_hash_over_all_of_them() {
    let Some(db) = Schema::fresh() else { return };
    let storage = db.storage();
    storage
        .create_submission(&new_submission("x"), &NO_QUOTA, &respond)
        .expect("created");
    let first = storage.append_chunk("x", "a", 0, b"abc").expect("append");
    assert_eq!(
        first,
        Append::Appended { received: 3 },
        "first chunk stored"
    );
    let wrong = storage.append_chunk("x", "a", 0, b"abc").expect("append");
    assert_eq!(
        wrong,
        Append::OffsetMismatch { received: 3 },
        "a repeated chunk is refused"
    );
    assert_eq!(
        storage.append_chunk("x", "a", 3, b"").expect("append"),
        Append::Appended { received: 3 },
        "an empty chunk at the end changes nothing"
    );
    storage.append_chunk("x", "a", 3, b"def").expect("append");
    let hash = storage.attachment_sha512("x", "a").expect("hash");
    assert_eq!(
        hash,
        hex::encode(Sha512::digest(b"abcdef")),
        "hash over all chunks"
    );
    let content = storage.attachment_content("x", "a").expect("content");
    assert_eq!(content, b"abcdef", "the bytes in order");
    assert!(
        storage.append_chunk("x", "nope", 0, b"abc").is_err(),
        "an attachment never announced is an error, as in SQLite"
    );
    storage.reset_attachment("x", "a").expect("reset");
    let record = storage.submission("x").expect("read").expect("found");
    let a = &record.attachments[0];
    assert_eq!((a.received, a.complete), (0, false), "reset to nothing");
    assert!(storage
        .attachment_content("x", "a")
        .expect("content")
        .is_empty());
}

#[test]
fn reconnecting_runs_no_migration_twice_and_keeps_data() {
    let Some(db) = Schema::fresh() else { return };
    {
        let storage = db.storage();
        storage
            .create_submission(&new_submission("x"), &NO_QUOTA, &respond)
            .expect("created");
    }
    let storage = db.storage();
    let found = storage.submission("x").expect("read");
    assert!(found.is_some(), "the submission survives a reconnect");
    let versions: i64 = db
        .client()
        .query_one("SELECT COUNT(*) FROM schema_version", &[])
        .expect("versions")
        .get(0);
    assert_eq!(
        versions,
        schema::MIGRATIONS.len() as i64,
        "each migration once"
    );
    let expired = storage.expire_due(1000).expect("expire");
    assert_eq!(expired, 1, "the unsubmitted submission expires");
    let found = storage.submission("x").expect("read").expect("still there");
    assert!(found.expired, "it is marked expired, not deleted");
    assert_eq!(storage.expire_due(2000).expect("expire"), 0, "only once");
}

#[test]
fn two_citizens_with_one_key_get_two_submissions() {
    let Some(db) = Schema::fresh() else { return };
    let storage = db.storage();
    storage
        .create_submission(&new_submission("x"), &NO_QUOTA, &respond)
        .expect("created");
    let mut ben = new_submission("x");
    ben.subject = "ben".into();
    let for_ben = |_cursor: i64| {
        Ok(StoredResponse {
            subject: "ben".into(),
            ..response()
        })
    };
    storage
        .create_submission(&ben, &NO_QUOTA, &for_ben)
        .expect("ben's is created too");
    let bens = storage
        .citizen_submission("ben", "x")
        .expect("read")
        .expect("ben's submission");
    assert_eq!(bens.id, "spare-x", "under the spare reference");
    let first = storage
        .citizen_submission("s", "x")
        .expect("read")
        .expect("the first");
    assert_eq!(first.id, "x", "the first keeps the key as reference");
    assert!(
        storage
            .idempotent_response("create", "ben", "x")
            .expect("read")
            .is_some(),
        "ben's answer is kept under his key"
    );
    assert!(
        storage
            .idempotent_response("create", "carl", "x")
            .expect("read")
            .is_none(),
        "another citizen's key is not carl's"
    );
    assert!(
        storage
            .idempotent_response("report", "s", "x")
            .expect("read")
            .is_none(),
        "another scope"
    );
}

#[test]
fn a_submission_is_read_with_its_attachments_history_and_submit() {
    let Some(db) = Schema::fresh() else { return };
    let storage = db.storage();
    let kept = |cursor: i64| {
        Ok(StoredResponse {
            body: format!("{{\"cursor\":{cursor}}}"),
            ..response()
        })
    };
    let created = storage
        .create_submission(&new_submission("x"), &NO_QUOTA, &kept)
        .expect("created");
    let Created::Stored(answer) = created else {
        panic!("not stored: {created:?}")
    };
    let record = storage.submission("x").expect("read").expect("found");
    assert_eq!(answer.body, format!("{{\"cursor\":{}}}", record.cursor));
    assert_eq!(
        storage
            .idempotent_response("create", "s", "x")
            .expect("read"),
        Some(answer),
        "the answer kept is the one built from the cursor"
    );
    assert_eq!(record.status, Status::Initiated);
    assert_eq!((record.key.as_str(), record.expires_at), ("x", Some(100)));
    assert_eq!(record.history, vec![event(Status::Initiated, 1)]);
    assert_eq!(record.attachments.len(), 1);
    assert_eq!(
        storage.submission_data("x").expect("read"),
        None,
        "no data before the submit"
    );
    storage
        .append_chunk("x", "a", 0, b"abcdef")
        .expect("append");
    storage.complete_attachment("x", "a").expect("complete");
    let mut received = event(Status::Received, 5);
    received.reasons = vec!["auto".into()];
    received.note = Some("note".into());
    received.signed = Some("set".into());
    let events = [event(Status::Submitted, 5), received.clone()];
    let submitted = storage
        .submit("x", &arrival(), &events, "submit", &kept)
        .expect("submitted");
    let record = storage.submission("x").expect("read").expect("found");
    assert_eq!(submitted.body, format!("{{\"cursor\":{}}}", record.cursor));
    assert_eq!(record.status, Status::Received);
    assert_eq!(record.expires_at, None, "no expiry once submitted");
    assert_eq!(record.data_sha512.as_deref(), Some("d"));
    assert_eq!(record.receipt.as_deref(), Some("receipt"));
    assert_eq!(record.metadata.as_deref(), Some("metadata"));
    assert_eq!(
        record.history,
        vec![
            event(Status::Initiated, 1),
            event(Status::Submitted, 5),
            received
        ]
    );
    assert!(record.attachments[0].complete);
    assert!(storage
        .idempotent_response("submit:x", "s", "submit")
        .expect("read")
        .is_some());
    let data: String = db
        .client()
        .query_one("SELECT data_json FROM submissions WHERE id = 'x'", &[])
        .expect("data")
        .get(0);
    assert_eq!(data, "{\"name\":\"x\"}", "the data is kept");
    assert_eq!(
        storage.submission_data("x").expect("read").as_deref(),
        Some(data.as_str()),
        "read back as kept"
    );
    assert_eq!(storage.submission_data("nope").expect("read"), None);
    let cursor = storage
        .add_status(
            "x",
            &event(Status::Processing, 6),
            Some("other receipt"),
            None,
        )
        .expect("status");
    let record = storage.submission("x").expect("read").expect("found");
    assert_eq!(record.cursor, cursor, "the latest event's cursor");
    assert_eq!(
        record.receipt.as_deref(),
        Some("receipt"),
        "a receipt is kept once"
    );
    assert!(storage
        .add_status("nope", &event(Status::Processing, 6), None, None)
        .is_err());
}

#[test]
fn submit_refuses_a_submission_that_is_no_longer_open() {
    let Some(db) = Schema::fresh() else { return };
    let storage = db.storage();
    let events = [event(Status::Submitted, 5)];
    uploaded(&storage, "x");
    storage
        .submit("x", &arrival(), &events, "submit", &respond)
        .expect("submitted");
    let again = storage.submit("x", &arrival(), &events, "submit", &respond);
    assert!(
        matches!(again, Err(Error::Conflict(_))),
        "submitted: {again:?}"
    );
    uploaded(&storage, "y");
    storage.abandon("y").expect("abandoned");
    let abandoned = storage.submit("y", &arrival(), &events, "submit", &respond);
    assert!(
        matches!(abandoned, Err(Error::Conflict(_))),
        "abandoned: {abandoned:?}"
    );
    uploaded(&storage, "z");
    storage.expire_due(100).expect("expired");
    let expired = storage.submit("z", &arrival(), &events, "submit", &respond);
    assert!(
        matches!(expired, Err(Error::Conflict(_))),
        "expired: {expired:?}"
    );
    let missing = storage.submit("nope", &arrival(), &events, "submit", &respond);
    assert!(missing.is_err(), "no such submission");
    assert_eq!(
        storage.submission("z").expect("read").expect("z").status,
        Status::Initiated,
        "nothing of a refused submit is kept"
    );
}

#[test]
fn quotas_count_the_day_and_the_bytes_held() {
    let Some(db) = Schema::fresh() else { return };
    let storage = db.storage();
    let quota = Quota {
        day_start: 10,
        per_day: 2,
        attachment_bytes: 20,
    };
    let at = |id: &str, created_at: i64| NewSubmission {
        created_at,
        expires_at: created_at + 100,
        ..new_submission(id)
    };
    let stored = |c: Created| matches!(c, Created::Stored(_));
    assert!(stored(
        storage
            .create_submission(&at("old", 5), &quota, &respond)
            .expect("c")
    ));
    assert!(stored(
        storage
            .create_submission(&at("a", 10), &quota, &respond)
            .expect("c")
    ));
    assert!(
        stored(
            storage
                .create_submission(&at("b", 11), &quota, &respond)
                .expect("c")
        ),
        "yesterday's does not count"
    );
    assert_eq!(
        storage
            .create_submission(&at("c", 12), &quota, &respond)
            .expect("c"),
        Created::OverDailyQuota { today: 2 }
    );
    let tomorrow = Quota {
        day_start: 1000,
        ..quota
    };
    assert_eq!(
        storage
            .create_submission(&at("d", 1000), &tomorrow, &respond)
            .expect("c"),
        Created::OverAttachmentQuota { held: 18 },
        "three attachments of 6 bytes are held"
    );
    assert_eq!(storage.expire_due(106).expect("expired"), 1, "old expires");
    assert!(
        stored(
            storage
                .create_submission(&at("d", 1000), &tomorrow, &respond)
                .expect("c")
        ),
        "an expired submission's bytes are not held"
    );
    assert!(storage
        .citizen_submission("s", "c")
        .expect("read")
        .is_none());
}

#[test]
fn the_back_office_pages_newest_change_first() {
    let Some(db) = Schema::fresh() else { return };
    let storage = db.storage();
    for id in ["a", "b", "c"] {
        storage
            .create_submission(&new_submission(id), &NO_QUOTA, &respond)
            .expect("created");
    }
    storage
        .append_chunk("a", "a", 0, b"abcdef")
        .expect("append");
    storage.complete_attachment("a", "a").expect("complete");
    storage
        .submit(
            "a",
            &arrival(),
            &[event(Status::Submitted, 2)],
            "submit",
            &respond,
        )
        .expect("submitted");
    let ids = |records: Vec<SubmissionRecord>| -> Vec<String> {
        records.into_iter().map(|r| r.id).collect()
    };
    let all = storage.all_submissions(None, None, 10).expect("all");
    let next = all[1].cursor;
    assert_eq!(ids(all), ["a", "c", "b"], "a changed last");
    assert_eq!(
        ids(storage.all_submissions(None, None, 2).expect("page")),
        ["a", "c"]
    );
    assert_eq!(
        ids(storage
            .all_submissions(None, Some(next), 2)
            .expect("next page")),
        ["b"]
    );
    assert_eq!(
        ids(storage
            .all_submissions(Some(Status::Initiated), None, 10)
            .expect("initiated")),
        ["c", "b"]
    );
    let changed = settled(
        || storage.submissions_changed("s", 0, 10).expect("changed"),
        |c| c.len() == 3,
    );
    let since = changed[0].cursor;
    assert_eq!(ids(changed), ["b", "c", "a"], "oldest change first");
    assert_eq!(
        ids(storage.submissions_changed("s", since, 1).expect("c")),
        ["c"]
    );
    assert!(storage
        .submissions_changed("ben", 0, 10)
        .expect("ben")
        .is_empty());
}
