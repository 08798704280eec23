//! Tests of the SQLite storage: chunks, reopening, and upgrades from every earlier schema.
use super::*;
use crate::storage::migrations::MIGRATIONS;

fn storage() -> (tempfile::TempDir, SqliteStorage) {
    let dir = tempfile::tempdir().expect("temp dir");
    let storage = SqliteStorage::open(dir.path(), false).expect("opens");
    (dir, storage)
}

fn new_submission(id: &str) -> NewSubmission {
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

const NO_QUOTA: Quota = Quota {
    day_start: 0,
    per_day: u64::MAX,
    attachment_bytes: u64::MAX,
};

fn respond(_cursor: i64) -> Result<StoredResponse, Error> {
    Ok(response())
}

fn response() -> StoredResponse {
    StoredResponse {
        subject: "s".into(),
        fingerprint: "f".into(),
        status: 201,
        body: "{}".into(),
    }
}

#[test]
fn chunks_append_in_order_and_hash_over_all_of_them() {
    let (_dir, storage) = storage();
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
    storage.append_chunk("x", "a", 3, b"def").expect("append");
    let hash = storage.attachment_sha512("x", "a").expect("hash");
    assert_eq!(
        hash,
        hex::encode(Sha512::digest(b"abcdef")),
        "hash over all chunks"
    );
}

#[test]
fn reopening_runs_no_migration_twice_and_keeps_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let storage = SqliteStorage::open(dir.path(), false).expect("opens");
        storage
            .create_submission(&new_submission("x"), &NO_QUOTA, &respond)
            .expect("created");
    }
    let storage = SqliteStorage::open(dir.path(), false).expect("reopens");
    let found = storage.submission("x").expect("read");
    assert!(found.is_some(), "the submission survives a reopen");
    let expired = storage.expire_due(1000).expect("expire");
    assert_eq!(expired, 1, "the unsubmitted submission expires");
    let found = storage.submission("x").expect("read").expect("still there");
    assert!(found.expired, "it is marked expired, not deleted");
}

/// A database at schema version `version`, as a server of that time left it.
fn database_at(dir: &Path, version: usize) -> Connection {
    let mut conn = open(&dir.join("state-api.sqlite3"), false).expect("opens");
    for (index, sql) in MIGRATIONS.iter().enumerate().take(version) {
        let tx = conn.transaction().expect("tx");
        tx.execute_batch(sql).expect("migration runs");
        tx.pragma_update(None, "user_version", index as i64 + 1)
            .expect("version");
        tx.commit().expect("commit");
    }
    conn
}

#[test]
fn idempotency_keys_of_a_version_4_database_stay_with_their_citizen() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let conn = database_at(dir.path(), 4);
        conn.execute_batch(
            "INSERT INTO submissions (id, subject, service_key, status, created_at, cursor)
                 VALUES ('k1', 'anna', '99108001001000', 'INITIATED', 1, 1);
             INSERT INTO idempotency (scope, key, subject, fingerprint, status, body)
                 VALUES ('create', 'k1', 'anna', 'f', 201, '{}'),
                        ('submit:k1', 'submit', 'anna', 'g', 200, '{}'),
                        ('report', 'r1', 'anonymous', 'h', 201, '{}');",
        )
        .expect("old rows");
    }
    let storage = SqliteStorage::open(dir.path(), false).expect("upgrades");
    let found = storage
        .citizen_submission("anna", "k1")
        .expect("read")
        .expect("anna's submission is found by her key");
    assert_eq!((found.id.as_str(), found.key.as_str()), ("k1", "k1"));
    assert!(
        storage
            .citizen_submission("ben", "k1")
            .expect("read")
            .is_none(),
        "not ben's"
    );
    for (scope, subject, key) in [
        ("create", "anna", "k1"),
        ("submit:k1", "anna", "submit"),
        ("report", "anonymous", "r1"),
    ] {
        assert!(
            storage
                .idempotent_response(scope, subject, key)
                .expect("read")
                .is_some(),
            "{scope} answer kept for {subject}"
        );
    }
    assert!(
        storage
            .idempotent_response("create", "ben", "k1")
            .expect("read")
            .is_none(),
        "another citizen's key is not ben's"
    );
}

#[test]
fn two_citizens_with_one_key_get_two_submissions() {
    let (_dir, storage) = storage();
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
}

#[test]
fn the_data_is_read_back_as_kept_at_submit() {
    let (_dir, storage) = storage();
    storage
        .create_submission(&new_submission("x"), &NO_QUOTA, &respond)
        .expect("created");
    assert_eq!(storage.submission_data("x").expect("read"), None, "not yet");
    let arrival = Arrival {
        data_json: "eyJhbGciOi.sealed",
        data_sha512: "00",
        receipt: None,
        metadata: None,
    };
    let submitted = StatusEvent {
        status: Status::Submitted,
        at: 2,
        reasons: vec![],
        note: None,
        signed: None,
    };
    storage
        .submit("x", &arrival, &[submitted], "k", &respond)
        .expect("submitted");
    assert_eq!(
        storage.submission_data("x").expect("read").as_deref(),
        Some("eyJhbGciOi.sealed")
    );
    assert_eq!(storage.submission_data("nope").expect("read"), None);
}

#[test]
fn a_submission_ended_while_its_data_was_checked_is_not_submitted() {
    let (_dir, storage) = storage();
    let arrival = Arrival {
        data_json: "{}",
        data_sha512: "00",
        receipt: None,
        metadata: None,
    };
    let events = vec![StatusEvent {
        status: Status::Submitted,
        at: 2,
        reasons: vec![],
        note: None,
        signed: None,
    }];
    for (id, end) in [("abandoned", "abandon"), ("expired", "expire")] {
        storage
            .create_submission(&new_submission(id), &NO_QUOTA, &respond)
            .expect("created");
        match end {
            "abandon" => storage.abandon(id).expect("abandoned"),
            _ => {
                storage.expire_due(1_000).expect("swept");
            }
        }
        let outcome = storage.submit(id, &arrival, &events, "k", &respond);
        assert!(
            matches!(outcome, Err(Error::Conflict(_))),
            "{id}: refused, not submitted"
        );
        let record = storage.submission(id).expect("read").expect("kept");
        assert_eq!(record.status, Status::Initiated, "{id}: no SUBMITTED event");
    }
    storage
        .create_submission(&new_submission("open"), &NO_QUOTA, &respond)
        .expect("created");
    storage
        .submit("open", &arrival, &events, "k", &respond)
        .expect("an open one is submitted");
    assert!(
        matches!(
            storage.submit("open", &arrival, &events, "k2", &respond),
            Err(Error::Conflict(_))
        ),
        "and only once"
    );
}

#[test]
fn of_two_moves_decided_on_one_status_only_the_first_lands() {
    let (_dir, storage) = storage();
    storage
        .create_submission(&new_submission("x"), &NO_QUOTA, &respond)
        .expect("created");
    let event = |status, at| StatusEvent {
        status,
        at,
        reasons: vec![],
        note: None,
        signed: None,
    };
    let arrival = Arrival {
        data_json: "{}",
        data_sha512: "00",
        receipt: None,
        metadata: None,
    };
    storage
        .submit("x", &arrival, &[event(Status::Submitted, 2)], "k", &respond)
        .expect("submitted");
    storage
        .add_status(
            "x",
            &event(Status::Received, 3),
            None,
            Some(Status::Submitted),
        )
        .expect("the first move lands");
    let late = storage.add_status(
        "x",
        &event(Status::Rejected, 4),
        None,
        Some(Status::Submitted),
    );
    assert!(
        matches!(late, Err(Error::Conflict(_))),
        "the second, decided on SUBMITTED too, is refused"
    );
    let record = storage.submission("x").expect("read").expect("kept");
    assert_eq!(record.status, Status::Received);
    assert_eq!(record.history.len(), 3, "no REJECTED event");
}

#[test]
fn the_daily_quota_counts_a_day_restarts_the_next_and_survives_a_missing_counter() {
    let (dir, storage) = storage();
    let day = |day_start: i64| Quota {
        day_start,
        per_day: 2,
        attachment_bytes: u64::MAX,
    };
    let create = |id: &str, at: i64| {
        let mut new = new_submission(id);
        new.created_at = at;
        new.attachments.clear();
        storage.create_submission(&new, &day(at - at % 1000), &respond)
    };
    assert!(matches!(create("a", 1_001), Ok(Created::Stored(_))));
    assert!(matches!(create("b", 1_002), Ok(Created::Stored(_))));
    assert!(
        matches!(create("c", 1_003), Ok(Created::OverDailyQuota { today: 2 })),
        "the third of the day is over the quota"
    );
    assert!(
        matches!(create("c", 2_001), Ok(Created::Stored(_))),
        "the next day starts again"
    );
    // A database from before the counter (or a counter lost): the day's submissions are
    // counted, so the quota still holds.
    let conn = Connection::open(dir.path().join("state-api.sqlite3")).expect("opens");
    conn.execute("DELETE FROM daily_submissions", [])
        .expect("counter dropped");
    assert!(matches!(create("d", 2_002), Ok(Created::Stored(_))));
    assert!(
        matches!(create("e", 2_003), Ok(Created::OverDailyQuota { today: 2 })),
        "counted from the submissions of the day"
    );
}

#[test]
fn the_checkpoint_thread_moves_committed_writes_into_the_database_file() {
    let (dir, storage) = storage();
    let file = dir.path().join("state-api.sqlite3");
    let size = || std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    let before = size();
    for n in 0..300 {
        storage
            .create_submission(&new_submission(&format!("s-{n}")), &NO_QUOTA, &respond)
            .expect("created");
    }
    // The writer never checkpoints (wal_autocheckpoint=0): only the thread grows the file.
    use std::time::Duration;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while size() < before + 64 * 1024 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        size() >= before + 64 * 1024,
        "the database file grew from {before} to {} bytes",
        size()
    );
}
