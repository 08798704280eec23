//! Fault test: a process killed (SIGKILL) in the middle of heavy autosaving loses no
//! acknowledged edit.
//!
//! The test binary runs itself as the child (`autosave_child`, active only with
//! `STORE_KILL_CHILD_DB` set): it autosaves into a 500-field draft of an encrypted store as fast
//! as it can and prints `ack <field> <round> <n>` after each save returned. The parent kills it
//! at a random moment, 30 times, and after each kill opens the store and checks that every
//! acknowledged edit (or a later one of the same field) is there.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use domain::form::{FieldPath, Value};
use rand::Rng;
use store::{DatabaseKey, NewDraft, Store};
use uuid::Uuid;

const CHILD_DB: &str = "STORE_KILL_CHILD_DB";
const CHILD_ROUND: &str = "STORE_KILL_CHILD_ROUND";
const ROUNDS: u64 = 30;
const FIELDS: u64 = 500;
const DRAFT: Uuid = Uuid::from_u128(0x5eed);

fn key() -> DatabaseKey {
    DatabaseKey::from_bytes([0x42; 32])
}

fn field(n: u64) -> FieldPath {
    FieldPath::root().child(&format!("f{}", n % FIELDS))
}

/// The child's work; a no-op in a normal test run.
#[test]
fn autosave_child() -> Result<(), Box<dyn std::error::Error>> {
    let Some(db) = std::env::var_os(CHILD_DB) else {
        return Ok(());
    };
    let round: u64 = std::env::var(CHILD_ROUND)?.parse()?;
    let store = Store::open(Path::new(&db), &key())?;
    if store.draft(DRAFT)?.is_none() {
        store.create_draft(&NewDraft {
            id: DRAFT,
            form_id: "kill-test",
            form_version: "1",
            service_key: None,
            now: 0,
        })?;
    }
    let mut out = std::io::stdout().lock();
    for n in 0.. {
        let value = Value::text(format!("{round}:{n}"));
        store.save_answer(DRAFT, &field(n), &value, n as i64)?;
        writeln!(out, "ack {} {round} {n}", n % FIELDS)?;
        out.flush()?;
    }
    Ok(())
}

/// (round, n) of a stored value `round:n`.
fn stamp(value: &Value) -> Option<(u64, u64)> {
    let (round, n) = value.as_text()?.split_once(':')?;
    Some((round.parse().ok()?, n.parse().ok()?))
}

#[test]
fn every_acknowledged_edit_survives_sigkill() -> Result<(), Box<dyn std::error::Error>> {
    if std::env::var_os(CHILD_DB).is_some() {
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("kill.db");
    let exe = std::env::current_exe()?;
    let mut rng = rand::thread_rng();
    // The newest acknowledged (round, n) per field, over all rounds.
    let mut acked: HashMap<u64, (u64, u64)> = HashMap::new();
    let mut total = 0usize;
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args([
                "autosave_child",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DB, &db)
            .env(CHILD_ROUND, round.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let stdout = child.stdout.take().ok_or("child stdout")?;
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .collect::<Vec<String>>()
        });
        std::thread::sleep(Duration::from_millis(rng.gen_range(30..300)));
        child.kill()?; // SIGKILL on Unix
        child.wait()?;
        let lines = reader.join().map_err(|_| "reader thread panicked")?;
        for line in lines.iter().filter_map(|l| l.strip_prefix("ack ")) {
            let parts: Vec<u64> = line.split(' ').filter_map(|p| p.parse().ok()).collect();
            let [f, r, n] = parts[..] else {
                return Err(format!("bad ack line {line}").into());
            };
            total += 1;
            let entry = acked.entry(f).or_insert((r, n));
            *entry = (*entry).max((r, n));
        }

        let store = Store::open(&db, &key())?;
        let Some(draft) = store.draft(DRAFT)? else {
            assert!(
                acked.is_empty(),
                "round {round}: edits were acknowledged but the draft is gone"
            );
            continue;
        };
        for (f, newest) in &acked {
            let stored = draft.answers.get(&field(*f)).and_then(stamp);
            assert!(
                stored.is_some_and(|s| s >= *newest),
                "round {round}: field f{f} acknowledged {newest:?} but holds {stored:?}"
            );
        }
    }
    println!("kill test: {ROUNDS} SIGKILLs, {total} acknowledged edits, all present");
    assert!(
        total > 1000,
        "the child autosaved enough to make the test meaningful: {total}"
    );
    Ok(())
}
