//! Tests of connecting to PostgreSQL (bad names, unreachable servers, a newer schema) and of
//! the coordination, compared call by call with the in-memory one (helpers in `tests`).

use ::postgres::Client;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::tests::Schema;
use super::*;
use crate::storage::InProcess;

#[test]
fn bad_schemas_and_unreachable_servers_are_clear_errors_without_the_password() {
    for bad in [
        "",
        "Public",
        "1abc",
        "a-b",
        "a;drop",
        "a".repeat(64).as_str(),
    ] {
        assert!(check_schema(bad).is_err(), "{bad:?} refused");
    }
    for good in ["public", "_x", "t_0123abcd", "a".repeat(63).as_str()] {
        assert!(check_schema(good).is_ok(), "{good:?} accepted");
    }
    let options = |url: &str, schema: Option<&str>| PostgresOptions {
        url: url.into(),
        schema: schema.map(str::to_string),
        pool_size: 1,
    };
    let refused = PostgresStorage::connect(&options("postgres://u:sekret@127.0.0.1:1/db", None));
    let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("cannot connect"), "{message}");
    assert!(!message.contains("sekret"), "no password: {message}");
    let bad_schema =
        PostgresStorage::connect(&options("postgres://u:sekret@127.0.0.1:1/db", Some("A")));
    assert!(matches!(bad_schema, Err(Error::Config(_))));
    let garbled = PostgresStorage::connect(&options("postgres://u:sekret@host:port:x/db", None));
    let message = garbled.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(!message.contains("sekret"), "no password: {message}");
    let shown = format!("{:?}", options("postgres://u:sekret@h/db", None));
    assert!(!shown.contains("sekret"), "Debug hides the URL: {shown}");
}

#[test]
fn a_database_newer_than_the_code_is_refused() {
    let Some(db) = Schema::fresh() else { return };
    drop(db.storage());
    let next = schema::MIGRATIONS.len() as i32 + 1;
    db.client()
        .execute("INSERT INTO schema_version (version) VALUES ($1)", &[&next])
        .expect("a future version");
    let refused = PostgresStorage::connect(&db.options(1));
    assert!(
        matches!(refused, Err(Error::Corrupt(_))),
        "{:?}",
        refused.err()
    );
}

/// The coordination says what the in-memory one says, call by call.
#[test]
fn coordination_answers_as_the_in_memory_one() {
    let Some(db) = Schema::fresh() else { return };
    let storage = db.storage();
    let memory = InProcess::default();
    let mut rng = StdRng::seed_from_u64(7);
    let policy = LockoutPolicy {
        max_failures: 3,
        window_ms: 60_000,
        lockout_ms: 600_000,
    };
    let mut now = 0i64;
    let mut leases = std::collections::HashMap::new();
    for step in 0..600 {
        now += rng.gen_range(0..40_000);
        let key = ["anna", "ben", "carl"][rng.gen_range(0..3)];
        let scope = ["login", "admin"][rng.gen_range(0..2)];
        match rng.gen_range(0..7) {
            0 => {
                let until = now + rng.gen_range(1..90_000);
                leases.insert(key, until);
                let db = storage.claim(key, now, until).expect("claim");
                assert_eq!(
                    db,
                    memory.claim(key, now, until).expect("claim"),
                    "claim {step}"
                );
            }
            1 => {
                // Sometimes the lease this test claimed last, sometimes one never held.
                let until = match rng.gen_range(0..2) {
                    0 => leases.get(key).copied().unwrap_or(0),
                    _ => now,
                };
                storage.release(key, until).expect("release");
                memory.release(key, until).expect("release");
            }
            2 | 3 => {
                let db = storage.failed(scope, key, now, &policy).expect("failed");
                let mem = memory.failed(scope, key, now, &policy).expect("failed");
                assert_eq!(db, mem, "failed {step}");
            }
            4 => {
                let db = storage.locked_until(scope, key, now).expect("locked");
                let mem = memory.locked_until(scope, key, now).expect("locked");
                assert_eq!(db, mem, "locked_until {step}");
            }
            5 => {
                storage.succeeded(scope, key).expect("succeeded");
                memory.succeeded(scope, key).expect("succeeded");
            }
            _ => {}
        }
    }
    let one = LockoutPolicy {
        max_failures: 1,
        window_ms: 10,
        lockout_ms: 0,
    };
    assert_eq!(
        storage.failed("login", "dora", 5, &one).expect("f"),
        Some(5)
    );
    assert_eq!(memory.failed("login", "dora", 5, &one).expect("f"), Some(5));
}

#[test]
fn buckets_answer_as_the_in_memory_ones() {
    let Some(db) = Schema::fresh() else { return };
    let storage = db.storage();
    let memory = InProcess::default();
    let mut rng = StdRng::seed_from_u64(11);
    for (rate, burst) in [(1.0, 3.0), (0.1, 1.0), (2.5, 4.0), (50.0, 0.5)] {
        let mut now = 1_000_000i64;
        for step in 0..300 {
            now += rng.gen_range(0..700);
            let client = format!("{rate}-{}", ["a", "b"][rng.gen_range(0..2)]);
            let db = storage.take_token(&client, now, rate, burst).expect("take");
            let mem = memory.take_token(&client, now, rate, burst).expect("take");
            assert_eq!(db, mem, "rate {rate} burst {burst} step {step}");
        }
    }
    for i in 0..3 {
        assert_eq!(
            storage.take_token("c", 0, 1.0, 3.0).expect("t"),
            None,
            "{i}"
        );
    }
    assert_eq!(storage.take_token("c", 0, 1.0, 3.0).expect("t"), Some(1));
    assert_eq!(
        storage.take_token("d", 0, 1.0, 3.0).expect("t"),
        None,
        "d's own"
    );
}

#[test]
fn stale_coordination_rows_are_purged() {
    let Some(db) = Schema::fresh() else { return };
    let storage = db.storage();
    storage.claim("old", 0, 10).expect("claim");
    storage.claim("live", 0, 1_000).expect("claim");
    storage.take_token("quiet", 0, 1.0, 2.0).expect("take");
    storage.take_token("busy", 2_500, 1.0, 2.0).expect("take");
    let policy = LockoutPolicy {
        max_failures: 3,
        window_ms: 100,
        lockout_ms: 1_000,
    };
    storage.failed("login", "over", 0, &policy).expect("failed");
    for _ in 0..3 {
        storage
            .failed("login", "locked", 0, &policy)
            .expect("failed");
    }
    storage
        .failed("login", "recent", 450, &policy)
        .expect("failed");
    storage
        .coordinate(|tx| {
            coordination::purge_claims(tx, 500)?;
            coordination::purge_buckets(tx, 3_000, 1.0, 2.0)?;
            coordination::purge_failures(tx, "login", 500, 400)
        })
        .expect("purged");
    let mut client = db.client();
    let count = |client: &mut Client, table: &str| -> i64 {
        client
            .query_one(&format!("SELECT COUNT(*) FROM {table}"), &[])
            .expect("count")
            .get(0)
    };
    assert_eq!(count(&mut client, "claims"), 1, "the live claim stays");
    assert_eq!(
        count(&mut client, "rate_buckets"),
        1,
        "the busy bucket stays"
    );
    assert_eq!(count(&mut client, "failures"), 2, "locked and recent stay");
    assert!(
        !storage.claim("live", 500, 2_000).expect("claim"),
        "still held"
    );
    assert!(
        storage.claim("old", 500, 2_000).expect("claim"),
        "free again"
    );
}
