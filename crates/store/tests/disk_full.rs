//! Fault test: a full disk. The save fails with `StoreError::DiskFull`, everything saved before
//! is intact (also after reopening), a refused attachment leaves nothing behind, and saving
//! works again once there is room.
//!
//! The disk is a real 2 MiB tmpfs (needs root or CAP_SYS_ADMIN, as in CI's container); where
//! mounting is not permitted the test says so and simulates the full disk with SQLite's
//! `max_page_count` instead (`STORE_DISK_FULL_SIMULATE=1` forces that path).

use std::path::{Path, PathBuf};
use std::process::Command;

use domain::form::{FieldPath, Value};
use store::{DatabaseKey, DraftState, NewDraft, Store, StoreError};
use uuid::Uuid;

const DRAFT: Uuid = Uuid::from_u128(0xd15c);

/// A small tmpfs, unmounted on drop.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path) -> Option<Tmpfs> {
        if std::env::var_os("STORE_DISK_FULL_SIMULATE").is_some() {
            return None; // to exercise the fallback where mounting works
        }
        std::fs::create_dir_all(at).ok()?;
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        status.success().then(|| Tmpfs(at.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

fn key() -> DatabaseKey {
    DatabaseKey::from_bytes([0x17; 32])
}

fn field(n: usize) -> FieldPath {
    FieldPath::root().child(&format!("f{n}"))
}

/// 32 KiB of text that does not compress (SQLCipher does not compress anyway).
fn big(n: usize) -> Value {
    Value::text(format!("{n:08}").repeat(4096))
}

/// Saves big answers until the store says the disk is full; returns how many were saved.
fn fill_until_full(store: &Store) -> Result<usize, Box<dyn std::error::Error>> {
    for n in 0..10_000 {
        match store.save_answer(DRAFT, &field(n), &big(n), n as i64) {
            Ok(()) => {}
            Err(StoreError::DiskFull) => return Ok(n),
            Err(other) => {
                return Err(format!("expected DiskFull after {n} saves, got {other:?}").into())
            }
        }
    }
    Err("the disk never filled up".into())
}

fn check_saved(store: &Store, saved: usize) -> Result<(), Box<dyn std::error::Error>> {
    let draft = store.draft(DRAFT)?.ok_or("draft still there")?;
    for n in 0..saved {
        assert_eq!(
            draft.answers.get(&field(n)),
            Some(&big(n)),
            "answer {n} saved before the disk filled is intact"
        );
    }
    assert_eq!(
        draft.answers.get(&field(0)).is_some(),
        saved > 0,
        "consistent"
    );
    Ok(())
}

#[test]
fn a_full_disk_refuses_the_save_keeps_the_past_and_recovers(
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let mount_point = dir.path().join("small-disk");
    let tmpfs = Tmpfs::mount(&mount_point);
    let (db, ballast) = match &tmpfs {
        Some(_) => {
            println!(
                "disk full: on a real 2 MiB tmpfs at {}",
                mount_point.display()
            );
            (
                mount_point.join("app.db"),
                Some(mount_point.join("ballast")),
            )
        }
        None => {
            println!("disk full: mounting a tmpfs is not permitted here; simulated with PRAGMA max_page_count");
            (dir.path().join("app.db"), None)
        }
    };
    let store = Store::open(&db, &key())?;
    store.create_draft(&NewDraft {
        id: DRAFT,
        form_id: "f",
        form_version: "1",
        service_key: None,
        now: 0,
    })?;
    if let Some(ballast) = &ballast {
        std::fs::write(ballast, vec![7u8; 512 * 1024])?; // room to make later
    } else {
        let pages: i64 = 200;
        store.set_max_page_count(pages as u64)?;
    }

    let saved = fill_until_full(&store)?;
    assert!(
        saved > 3,
        "some answers fit before the disk was full: {saved}"
    );
    check_saved(&store, saved)?;

    // An attachment on a full disk: refused whole, nothing half-written.
    let pdf = vec![1u8; 256 * 1024];
    let attachment = store.put_attachment(&mut pdf.as_slice(), "application/pdf", 1 << 20, None, 1);
    assert!(
        matches!(attachment, Err(StoreError::DiskFull)),
        "attachment refused: {attachment:?}"
    );

    // Submitting on a full disk: all or nothing, the draft stays editable.
    let payload = store.draft(DRAFT)?.ok_or("draft")?.answers;
    let submission = Uuid::from_u128(0x5b);
    let submit = store.submit(DRAFT, submission, &payload, 50);
    assert!(
        matches!(submit, Err(StoreError::DiskFull)),
        "submit refused whole: {submit:?}"
    );
    assert_eq!(
        store.draft(DRAFT)?.map(|d| d.state),
        Some(DraftState::Editing),
        "draft not queued"
    );
    assert!(
        store.outbox_entry(submission)?.is_none(),
        "no outbox row from the failed submit"
    );
    assert!(
        store.submission(submission)?.is_none(),
        "no submission row from the failed submit"
    );

    drop(store);
    let store = Store::open(&db, &key())?;
    if ballast.is_none() {
        store.set_max_page_count(200)?;
    }
    check_saved(&store, saved)?;
    assert!(
        store.draft_attachments(DRAFT)?.is_empty(),
        "no attachment row from the failed write"
    );

    // Make room, and saving works again.
    match &ballast {
        Some(ballast) => std::fs::remove_file(ballast)?,
        None => {
            store.set_max_page_count(100_000)?;
        }
    }
    store.save_answer(DRAFT, &field(saved), &big(saved), 99)?;
    let info = store.put_attachment(&mut pdf.as_slice(), "application/pdf", 1 << 20, None, 100)?;
    check_saved(&store, saved + 1)?;
    let mut payload = domain::form::Answers::new(); // what validation sends: here one answer
    payload.set(&field(0), big(0));
    store.submit(DRAFT, submission, &payload, 101)?;
    assert!(
        store.outbox_entry(submission)?.is_some(),
        "queued once there is room"
    );
    let mut back = Vec::new();
    store.read_attachment(&info.sha512, &mut back)?;
    assert_eq!(
        back, pdf,
        "the attachment stored after making room reads back whole"
    );
    drop(store);
    drop(tmpfs);
    Ok(())
}
