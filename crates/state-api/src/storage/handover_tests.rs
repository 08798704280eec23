//! The handover mailboxes' storage, the same scenarios on both implementations (called from
//! `sqlite::handovers` and `postgres::handovers`).

use std::sync::Barrier;

use sha2::{Digest, Sha512};

use super::{HandoverPut, NewHandover, Storage};

fn name(n: u8) -> String {
    format!("{n:02x}").repeat(16)
}

fn new<'a>(
    mailbox: &'a str,
    content: &'a [u8],
    sha512: &'a str,
    expires_at: i64,
) -> NewHandover<'a> {
    NewHandover {
        mailbox,
        content,
        sha512,
        created_at: 1,
        expires_at,
    }
}

fn sha512(content: &[u8]) -> String {
    hex::encode(Sha512::digest(content))
}

/// Kept once; the mailbox taken after; the content given out until the pickup, which lands
/// once; the limit of bytes held.
pub(super) fn lifecycle(s: &dyn Storage) {
    let (mailbox, content) = (name(1), b"ciphertext-1".to_vec());
    let hash = sha512(&content);
    let stored = match s.put_handover(&new(&mailbox, &content, &hash, 100), 1_000) {
        Ok(HandoverPut::Stored(record)) => record,
        other => panic!("a new mailbox is filled: {other:?}"),
    };
    assert_eq!(
        (stored.size, stored.expires_at, stored.holds_content),
        (12, 100, true)
    );
    let other = b"other bytes".to_vec();
    match s.put_handover(&new(&mailbox, &other, &sha512(&other), 200), 1_000) {
        Ok(HandoverPut::Taken(record)) => assert_eq!(record, stored, "unchanged"),
        other => panic!("a used mailbox is taken: {other:?}"),
    }
    let (record, bytes) = s.handover_content(&mailbox).expect("read").expect("there");
    assert_eq!((record, bytes), (stored.clone(), Some(content.clone())));
    let big = vec![7u8; 990];
    match s.put_handover(&new(&name(2), &big, &sha512(&big), 100), 1_000) {
        Ok(HandoverPut::Full { held }) => assert_eq!(held, 12, "what the first holds"),
        other => panic!("over the limit of bytes held: {other:?}"),
    }
    assert_eq!(s.handover(&name(2)).expect("read"), None, "nothing kept");

    let picked = s
        .pick_up_handover(&mailbox, "pickup-a", 10)
        .expect("picked up")
        .expect("there");
    assert_eq!(
        (
            picked.pickup_id.as_deref(),
            picked.picked_up_at,
            picked.holds_content
        ),
        (Some("pickup-a"), Some(10), false),
        "recorded, the content dropped"
    );
    let again = s
        .pick_up_handover(&mailbox, "pickup-b", 11)
        .expect("asked")
        .expect("there");
    assert_eq!(again, picked, "a second pickup changes nothing");
    let (record, bytes) = s
        .handover_content(&mailbox)
        .expect("read")
        .expect("a tombstone");
    assert_eq!((record, bytes), (picked.clone(), None), "no content after");
    assert_eq!(
        s.pick_up_handover(&name(3), "pickup-a", 10).expect("asked"),
        None
    );
    assert_eq!(s.handover_content(&name(3)).expect("read"), None);
    match s.put_handover(&new(&name(2), &big, &sha512(&big), 10_000), 1_000) {
        Ok(HandoverPut::Stored(_)) => {}
        other => panic!("room again once the first is picked up: {other:?}"),
    }
}

/// A pickup at the expiry is too late; the sweep drops expired content and later forgets the
/// mailboxes, whose names are free again.
pub(super) fn expiry(s: &dyn Storage) {
    let (late, waiting, picked) = (name(11), name(12), name(13));
    for (mailbox, expires_at) in [(&late, 100), (&waiting, 1_000), (&picked, 100)] {
        let content = mailbox.as_bytes();
        let stored = s.put_handover(
            &new(mailbox, content, &sha512(content), expires_at),
            1 << 20,
        );
        assert!(matches!(stored, Ok(HandoverPut::Stored(_))), "{stored:?}");
    }
    s.pick_up_handover(&picked, "p", 50).expect("picked up");
    let too_late = s
        .pick_up_handover(&late, "p", 100)
        .expect("asked")
        .expect("there");
    assert_eq!(
        (too_late.picked_up_at, too_late.holds_content),
        (None, true),
        "expired at its expires_at: not picked up"
    );
    assert_eq!(s.expire_handovers(100, 0).expect("swept"), 1, "only late");
    let (record, bytes) = s.handover_content(&late).expect("read").expect("kept");
    assert!(
        !record.holds_content && bytes.is_none(),
        "its content is gone"
    );
    assert!(
        s.handover(&waiting)
            .expect("read")
            .expect("there")
            .holds_content
    );
    assert_eq!(s.expire_handovers(100, 0).expect("swept"), 0, "only once");

    s.expire_handovers(200, 100).expect("swept");
    assert_eq!(s.handover(&late).expect("read"), None, "forgotten");
    assert_eq!(s.handover(&picked).expect("read"), None, "forgotten");
    assert!(s.handover(&waiting).expect("read").is_some(), "still waits");
    let content = b"new";
    let again = s.put_handover(&new(&late, content, &sha512(content), 300), 1 << 20);
    assert!(matches!(again, Ok(HandoverPut::Stored(_))), "{again:?}");
}

/// Eight pickups with different ids at once, alternating between `one` and `two` (two
/// instances on PostgreSQL): exactly one lands and all see it.
pub(super) fn pickups_at_once(one: &dyn Storage, two: &dyn Storage) {
    let mailbox = name(21);
    let content = b"contended";
    let stored = one.put_handover(&new(&mailbox, content, &sha512(content), 1_000), 1 << 20);
    assert!(matches!(stored, Ok(HandoverPut::Stored(_))), "{stored:?}");
    let barrier = Barrier::new(8);
    let seen: Vec<_> = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let (barrier, mailbox) = (&barrier, &mailbox);
                let storage = if i % 2 == 0 { one } else { two };
                scope.spawn(move || {
                    barrier.wait();
                    let id = format!("pickup-{i}");
                    let record = storage
                        .pick_up_handover(mailbox, &id, 10)
                        .expect("asked")
                        .expect("there");
                    (id, record)
                })
            })
            .collect();
        threads
            .into_iter()
            .map(|t| t.join().expect("the thread ends"))
            .collect()
    });
    let winners: Vec<&String> = seen
        .iter()
        .filter(|(id, record)| record.pickup_id.as_ref() == Some(id))
        .map(|(id, _)| id)
        .collect();
    assert_eq!(winners.len(), 1, "exactly one pickup landed: {seen:?}");
    assert!(
        seen.iter()
            .all(|(_, r)| r.pickup_id.as_ref() == Some(winners[0]) && !r.holds_content),
        "and every one sees it: {seen:?}"
    );
}
