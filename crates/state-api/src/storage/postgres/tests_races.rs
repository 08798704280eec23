//! Races on one database, between threads and between storages (two pools: two server
//! instances): what SQLite's single writer serialises must stay serialised, and the change
//! feeds must never skip a change that commits late under a lower cursor.

use std::collections::HashSet;
use std::sync::{mpsc, Barrier};
use std::time::Duration;

use rand::Rng;

use super::tests::{code, event, new_submission, respond, settled, token, Schema, NO_QUOTA};
use super::*;

/// Runs `f(i)` for `i` in `0..n` on `n` threads released together; their results in order.
fn together<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let barrier = Barrier::new(n);
    std::thread::scope(|scope| {
        let threads: Vec<_> = (0..n)
            .map(|i| {
                let (barrier, f) = (&barrier, &f);
                scope.spawn(move || {
                    barrier.wait();
                    f(i)
                })
            })
            .collect();
        threads
            .into_iter()
            .map(|t| t.join().expect("the thread ends"))
            .collect()
    })
}

#[test]
fn a_feed_never_answers_a_cursor_that_a_later_commit_undercuts() {
    let Some(db) = Schema::fresh() else { return };
    let storage = &db.storage();
    for id in ["x", "y"] {
        storage
            .create_submission(&new_submission(id), &NO_QUOTA, &respond)
            .expect("created");
    }
    let first = settled(
        || storage.submissions_changed("s", 0, 10).expect("feed"),
        |page| page.len() == 2,
    );
    let since = first.iter().map(|r| r.cursor).max().expect("two");
    let (started, slow_started) = mpsc::channel();
    let (go, slow_may_commit) = mpsc::channel::<()>();
    let (slow_cursor, fast_cursor) = std::thread::scope(|scope| {
        // A slow transaction: it takes its cursor first and commits last.
        let slow = scope.spawn(move || {
            storage.write(|tx| {
                let cursor = submissions::insert_event(tx, "x", &event(Status::Submitted, 2))?;
                started
                    .send(cursor)
                    .map_err(|_| Error::Task("nobody waits".into()))?;
                slow_may_commit
                    .recv_timeout(Duration::from_secs(30))
                    .map_err(|_| Error::Task("ran twice or was not let go".into()))?;
                Ok(cursor)
            })
        });
        let slow_cursor = slow_started
            .recv_timeout(Duration::from_secs(30))
            .expect("the slow transaction started");
        let fast_cursor = storage
            .add_status("y", &event(Status::Submitted, 3), None, None)
            .expect("the fast one commits");
        assert!(
            fast_cursor > slow_cursor,
            "the later transaction has the higher cursor"
        );
        let naive: Vec<i64> = db
            .client()
            .query(
                "SELECT cursor FROM submissions WHERE subject = 's' AND cursor > $1",
                &[&since],
            )
            .expect("read")
            .iter()
            .map(|row| row.get(0))
            .collect();
        assert_eq!(
            naive,
            [fast_cursor],
            "without the bound a client would take {fast_cursor} and never see {slow_cursor}"
        );
        let page = storage.submissions_changed("s", since, 10).expect("feed");
        let answered: Vec<i64> = page.iter().map(|r| r.cursor).collect();
        assert!(answered.is_empty(), "the feed waits: {answered:?}");
        let (c1, c2) = (slow_cursor, fast_cursor);
        let inbox = storage.messages("s", since, 10).expect("inbox");
        assert!(inbox.is_empty(), "nothing new in the inbox");
        go.send(()).expect("let go");
        let committed = slow.join().expect("thread").expect("the slow one commits");
        assert_eq!(committed, c1);
        (c1, c2)
    });
    let page = settled(
        || storage.submissions_changed("s", since, 10).expect("feed"),
        |page| page.len() == 2,
    );
    let seen: Vec<(&str, i64)> = page.iter().map(|r| (r.id.as_str(), r.cursor)).collect();
    assert_eq!(
        seen,
        [("x", slow_cursor), ("y", fast_cursor)],
        "both, in order"
    );
}

#[test]
fn a_poller_sees_every_message_once_while_writers_commit_out_of_order() {
    let Some(db) = Schema::fresh() else { return };
    let storage = PostgresStorage::connect(&db.options(6)).expect("connects");
    const WRITERS: usize = 4;
    const EACH: usize = 30;
    let mut seen = HashSet::new();
    let mut since = 0;
    let mut poll = |seen: &mut HashSet<String>| {
        let page = storage.messages("s", since, 1000).expect("inbox");
        for message in &page {
            assert!(message.cursor > since, "after the cursor");
            assert!(seen.insert(message.id.clone()), "{} twice", message.id);
            since = since.max(message.cursor);
        }
    };
    std::thread::scope(|scope| {
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let storage = &storage;
                scope.spawn(move || {
                    for i in 0..EACH {
                        let message = MessageRecord {
                            id: format!("m{w}-{i}"),
                            subject: "s".into(),
                            submission_id: None,
                            title: "t".into(),
                            body: "b".into(),
                            at: 1,
                            cursor: 0,
                            sender: "x".into(),
                            documents: Vec::new(),
                        };
                        let pause = Duration::from_micros(rand::thread_rng().gen_range(0..4_000));
                        storage
                            .write(|tx| {
                                let cursor = messages::add_message(tx, &message)?;
                                // Commit late: transactions end in another order than they began.
                                std::thread::sleep(pause);
                                Ok(cursor)
                            })
                            .expect("stored");
                    }
                })
            })
            .collect();
        while writers.iter().any(|w| !w.is_finished()) {
            poll(&mut seen);
        }
    });
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while seen.len() < WRITERS * EACH && std::time::Instant::now() < deadline {
        poll(&mut seen);
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(seen.len(), WRITERS * EACH, "every message, none skipped");
}

#[test]
fn of_two_chunks_at_one_offset_exactly_one_is_appended() {
    let Some(db) = Schema::fresh() else { return };
    let instances = [db.storage(), db.storage()];
    for round in 0..12 {
        let id = format!("r{round}");
        instances[0]
            .create_submission(&new_submission(&id), &NO_QUOTA, &respond)
            .expect("created");
        let chunks: [&[u8]; 2] = [b"abc", b"xyz"];
        let outcomes = together(2, |i| {
            instances[i]
                .append_chunk(&id, "a", 0, chunks[i])
                .expect("answered")
        });
        let won: Vec<usize> = (0..2)
            .filter(|&i| outcomes[i] == Append::Appended { received: 3 })
            .collect();
        assert_eq!(won.len(), 1, "round {round}: {outcomes:?}");
        assert!(outcomes.contains(&Append::OffsetMismatch { received: 3 }));
        let content = instances[1].attachment_content(&id, "a").expect("bytes");
        assert_eq!(content, chunks[won[0]], "only the winner's bytes");
    }
}

#[test]
fn of_two_uses_of_a_refresh_token_exactly_one_is_the_first() {
    let Some(db) = Schema::fresh() else { return };
    let instances = [db.storage(), db.storage()];
    for round in 0..12 {
        let hash = format!("r{round}");
        instances[0]
            .put_token(&hash, &token(TokenKind::Refresh, 1_000))
            .expect("stored");
        let before = together(2, |i| {
            instances[i]
                .use_refresh_token(&hash, 10 + i as i64)
                .expect("used")
                .expect("known")
        });
        let first: Vec<_> = before.iter().filter(|t| t.used_at.is_none()).collect();
        assert_eq!(first.len(), 1, "round {round}: {before:?}");
        let winner = before
            .iter()
            .position(|t| t.used_at.is_none())
            .expect("one");
        let loser = &before[1 - winner];
        assert_eq!(loser.used_at, Some(10 + winner as i64), "the winner's use");
    }
    instances[0].put_code("c", &code(1_000)).expect("code");
    let taken = together(2, |i| instances[i].take_code("c").expect("taken"));
    assert_eq!(
        taken.iter().filter(|c| c.is_some()).count(),
        1,
        "a code once"
    );
}

#[test]
fn of_two_instances_claiming_one_key_exactly_one_wins() {
    let Some(db) = Schema::fresh() else { return };
    let instances = [db.storage(), db.storage()];
    for round in 0..20 {
        let key = format!("create:anna:{round}");
        let won = together(2, |i| instances[i].claim(&key, 0, 1_000).expect("claimed"));
        assert_eq!(won.iter().filter(|w| **w).count(), 1, "round {round}");
        let loser = won.iter().position(|w| !*w).expect("a loser");
        assert!(
            !instances[loser].claim(&key, 999, 2_000).expect("held"),
            "held"
        );
        let other = 1 - loser;
        instances[loser]
            .release(&key, 2_000)
            .expect("a release of a lease never held");
        assert!(
            !instances[loser].claim(&key, 999, 2_000).expect("held"),
            "leaves the winner's claim"
        );
        instances[other].release(&key, 1_000).expect("released");
        assert!(
            instances[loser].claim(&key, 999, 2_000).expect("free"),
            "released"
        );
    }
}

#[test]
fn two_instances_take_from_one_bucket() {
    let Some(db) = Schema::fresh() else { return };
    let instances = [db.storage(), db.storage()];
    for i in 0..5 {
        let wait = instances[i % 2]
            .take_token("ip:1", 0, 0.001, 5.0)
            .expect("t");
        assert_eq!(wait, None, "{i} of the burst");
    }
    for instance in &instances {
        assert_eq!(
            instance.take_token("ip:1", 0, 0.001, 5.0).expect("t"),
            Some(1000)
        );
    }
    let waits = together(8, |i| {
        (0..3)
            .map(|_| {
                instances[i % 2]
                    .take_token("ip:2", 0, 0.001, 10.0)
                    .expect("t")
            })
            .collect::<Vec<_>>()
    });
    let passed = waits.iter().flatten().filter(|w| w.is_none()).count();
    assert_eq!(passed, 10, "the burst, once, over both instances");
}

#[test]
fn concurrent_creates_stay_within_the_daily_quota() {
    let Some(db) = Schema::fresh() else { return };
    let instances = [db.storage(), db.storage()];
    let quota = Quota {
        day_start: 0,
        per_day: 3,
        attachment_bytes: u64::MAX,
    };
    let created = together(8, |i| {
        instances[i % 2]
            .create_submission(&new_submission(&format!("q{i}")), &quota, &respond)
            .expect("answered")
    });
    let stored = created
        .iter()
        .filter(|c| matches!(c, Created::Stored(_)))
        .count();
    assert_eq!(stored, 3, "{created:?}");
    assert!(created
        .iter()
        .all(|c| matches!(c, Created::Stored(_) | Created::OverDailyQuota { today: 3 })));
    let rows: i64 = db
        .client()
        .query_one("SELECT COUNT(*) FROM submissions", &[])
        .expect("count")
        .get(0);
    assert_eq!(rows, 3, "exactly the quota stored");
}

#[test]
fn of_two_submits_one_lands_and_reports_are_numbered_without_gaps() {
    let Some(db) = Schema::fresh() else { return };
    let instances = [db.storage(), db.storage()];
    instances[0]
        .create_submission(&new_submission("x"), &NO_QUOTA, &respond)
        .expect("created");
    let arrival = Arrival {
        data_json: "{}",
        data_sha512: "d",
        receipt: None,
        metadata: None,
    };
    let events = [event(Status::Submitted, 5)];
    let submitted = together(2, |i| {
        instances[i].submit("x", &arrival, &events, "submit", &respond)
    });
    assert_eq!(
        submitted.iter().filter(|s| s.is_ok()).count(),
        1,
        "{submitted:?}"
    );
    let record = instances[1].submission("x").expect("read").expect("x");
    assert_eq!(record.history.len(), 2, "one SUBMITTED");
    let numbered = together(6, |i| {
        let report = ReportRecord {
            id: format!("r{i}"),
            sequence: 0,
            report_json: "{}".into(),
            received_at: 1,
        };
        instances[i % 2]
            .create_report(&report, &|_| Ok(super::tests::response()))
            .expect("kept")
    });
    assert_eq!(numbered.len(), 6);
    let mut sequences: Vec<i64> = instances[0]
        .reports(10)
        .expect("reports")
        .iter()
        .map(|r| r.sequence)
        .collect();
    sequences.sort_unstable();
    assert_eq!(sequences, [1, 2, 3, 4, 5, 6], "gapless and distinct");
}

#[test]
fn instances_starting_together_migrate_once() {
    let Some(db) = Schema::fresh() else { return };
    let started = together(4, |_| PostgresStorage::connect(&db.options(1)).map(drop));
    for outcome in &started {
        assert!(outcome.is_ok(), "{outcome:?}");
    }
    let again = PostgresStorage::connect(&db.options(1));
    assert!(again.is_ok(), "and once more");
    let versions: Vec<i32> = db
        .client()
        .query("SELECT version FROM schema_version ORDER BY version", &[])
        .expect("versions")
        .iter()
        .map(|row| row.get(0))
        .collect();
    let expected: Vec<i32> = (1..=schema::MIGRATIONS.len() as i32).collect();
    assert_eq!(versions, expected, "each migration once");
}

/// A server's state may be dropped on the async runtime's threads (a test server at the end
/// of its test): the blocking client's connections must not end there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_the_storage_inside_the_async_runtime_is_harmless() {
    let Some(db) = Schema::fresh() else { return };
    let options = db.options(2);
    let storage = tokio::task::spawn_blocking(move || {
        let storage = PostgresStorage::connect(&options).expect("connects");
        storage.claim("k", 0, 10).expect("claimed");
        storage
    })
    .await
    .expect("joined");
    drop(storage);
    let options = db.options(1);
    tokio::task::spawn_blocking(move || PostgresStorage::connect(&options).map(drop))
        .await
        .expect("joined")
        .expect("connects again");
}
