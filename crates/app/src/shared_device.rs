//! A shared device (#14): a Digitallotse sets the tablet up with a PIN of their own. Between
//! assisted sessions it is locked: the device's store (the Digitallotse's drafts, applications,
//! messages and login) answers no command until the PIN is given; what anyone may still do is
//! read the catalog and the display settings and start a new session. Ending a session locks
//! it again, so a visitor who presses "Beratung beenden" lands on the lock, never in the
//! Digitallotse's account.
//!
//! The PIN is kept as a PBKDF2-HMAC-SHA256 verifier (ring, constant-time comparison) with a
//! random salt, inside the encrypted store; wrong PINs make the next try wait longer.

use std::num::NonZeroU32;
use std::sync::atomic::Ordering;

use domain::ipc::VisitView;
use ring::{pbkdf2, rand::SecureRandom};

use crate::{App, Error};

/// PBKDF2 rounds: about a quarter second on a phone-class CPU.
const ROUNDS: u32 = 210_000;
const SALT_LEN: usize = 16;
const HASH_LEN: usize = 32;
/// Wrong PINs before the next try has to wait.
const FREE_TRIES: u32 = 5;
/// The first wait after the free tries, doubled with every further wrong PIN, at most
/// [`MAX_WAIT_MS`].
const FIRST_WAIT_MS: i64 = 30_000;
const MAX_WAIT_MS: i64 = 15 * 60_000;

/// A PIN a Digitallotse may choose: 6 to 12 digits.
pub fn acceptable(pin: &str) -> bool {
    (6..=12).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

fn rounds() -> NonZeroU32 {
    NonZeroU32::new(ROUNDS).unwrap_or(NonZeroU32::MIN)
}

/// `pbkdf2-sha256$<rounds>$<salt hex>$<hash hex>` for `pin`.
fn verifier(pin: &str) -> Result<String, Error> {
    let mut salt = [0u8; SALT_LEN];
    ring::rand::SystemRandom::new()
        .fill(&mut salt)
        .map_err(|_| Error::Internal("no randomness"))?;
    let mut hash = [0u8; HASH_LEN];
    pbkdf2::derive(
        pbkdf2::PBKDF2_HMAC_SHA256,
        rounds(),
        &salt,
        pin.as_bytes(),
        &mut hash,
    );
    Ok(format!(
        "pbkdf2-sha256${ROUNDS}${}${}",
        hex::encode(salt),
        hex::encode(hash)
    ))
}

/// Whether `pin` matches `stored` (a verifier of [`verifier`]'s form; anything else matches
/// nothing).
fn matches(stored: &str, pin: &str) -> bool {
    let mut parts = stored.split('$');
    let (Some("pbkdf2-sha256"), Some(rounds), Some(salt), Some(hash), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return false;
    };
    let (Some(rounds), Ok(salt), Ok(hash)) = (
        rounds.parse().ok().and_then(NonZeroU32::new),
        hex::decode(salt),
        hex::decode(hash),
    ) else {
        return false;
    };
    pbkdf2::verify(
        pbkdf2::PBKDF2_HMAC_SHA256,
        rounds,
        &salt,
        pin.as_bytes(),
        &hash,
    )
    .is_ok()
}

impl App {
    /// Whether the device is set up as shared (a PIN is kept).
    pub(crate) fn is_shared(&self) -> bool {
        self.store_even_if_locked()
            .ok()
            .and_then(|s| s.shared_device_pin().ok().flatten())
            .is_some()
    }

    /// Sets the device up as shared with `pin` (6 to 12 digits), or ends that (`None`). Only
    /// the device's person, unlocked and outside a session, may.
    pub fn set_device_pin(&self, pin: Option<&str>) -> Result<VisitView, Error> {
        if self.visit_running()? {
            return Err(Error::DeviceLocked);
        }
        let store = self.store()?;
        match pin {
            Some(pin) if acceptable(pin) => {
                store.set_shared_device_pin(Some(&verifier(pin)?))?;
            }
            Some(_) => return Err(Error::PinUnacceptable),
            None => store.set_shared_device_pin(None)?,
        }
        drop(store);
        self.visit_status()
    }

    /// Locks the shared device (the Digitallotse hands it over).
    pub fn lock_device(&self) -> Result<VisitView, Error> {
        if self.is_shared() {
            self.locked.store(true, Ordering::SeqCst);
        }
        self.visit_status()
    }

    /// Unlocks the shared device with its PIN. Wrong PINs beyond the first few make the next
    /// try wait (30 s, doubling, at most 15 minutes); a try while waiting is refused unread.
    pub fn unlock_device(&self, pin: &str) -> Result<VisitView, Error> {
        let now = self.now();
        // The count is kept in the store, so a restart of the app gives no fresh tries.
        let (failures, allowed_at) = self.store_even_if_locked()?.pin_attempts()?;
        if now < allowed_at {
            return Err(Error::PinWait {
                seconds: u32::try_from((allowed_at - now + 999) / 1000).unwrap_or(u32::MAX),
            });
        }
        let stored = self.store_even_if_locked()?.shared_device_pin()?;
        let Some(stored) = stored else {
            self.locked.store(false, Ordering::SeqCst);
            return self.visit_status();
        };
        if matches(&stored, pin) {
            self.store_even_if_locked()?.set_pin_attempts(0, 0)?;
            self.locked.store(false, Ordering::SeqCst);
            return self.visit_status();
        }
        let failures = failures.saturating_add(1);
        let retry_at = if failures >= FREE_TRIES {
            let doublings = (failures - FREE_TRIES).min(10);
            now + (FIRST_WAIT_MS << doublings).min(MAX_WAIT_MS)
        } else {
            0
        };
        self.store_even_if_locked()?
            .set_pin_attempts(failures, retry_at)?;
        Err(Error::PinWrong)
    }
}

#[cfg(test)]
mod tests {
    use domain::ipc::VisitEnd;

    use crate::testing::{TestApp, NOW};

    use super::*;

    #[test]
    fn a_pin_is_kept_as_a_salted_slow_hash_that_only_it_matches() {
        let kept = verifier("246810").expect("made");
        assert!(!kept.contains("246810"));
        assert!(matches(&kept, "246810"));
        assert!(!matches(&kept, "246811"));
        assert_ne!(kept, verifier("246810").expect("made"), "salted");
        for broken in ["", "246810", "pbkdf2-sha256$0$00$00", "md5$1$aa$bb"] {
            assert!(!matches(broken, "246810"), "{broken:?}");
        }
        for (pin, ok) in [
            ("123456", true),
            ("123456789012", true),
            ("12345", false),
            ("1234567890123", false),
            ("12345a", false),
        ] {
            assert_eq!(acceptable(pin), ok, "{pin}");
        }
    }

    #[test]
    fn a_restart_gives_a_guesser_no_fresh_tries() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("store.db");
        let key = store::DatabaseKey::from_bytes([7; 32]);
        let open = || TestApp::with_store(store::Store::open(&path, &key).expect("opens"));
        let first = open();
        first.app.set_device_pin(Some("246810")).expect("set up");
        first.app.lock_device().expect("locked");
        for _ in 0..FREE_TRIES {
            assert!(matches!(
                first.app.unlock_device("000000"),
                Err(Error::PinWrong)
            ));
        }
        drop(first);
        let second = open();
        assert!(
            second.app.visit_status().expect("status").locked,
            "starts locked"
        );
        assert!(
            matches!(
                second.app.unlock_device("246810"),
                Err(Error::PinWait { .. })
            ),
            "the wait outlives the restart"
        );
    }

    #[tokio::test]
    async fn after_a_session_the_shared_device_is_locked_until_its_pin() {
        let data = tempfile::tempdir().expect("a folder");
        let test = TestApp::new();
        let app = test.app.with_visits_in(data.path());
        let own = app
            .start_draft(domain::ipc::StartDraftRequest {
                form_id: "bewohnerparkausweis".into(),
                leika_key: "99108001001000".into(),
            })
            .expect("a draft")
            .draft_id;
        assert!(matches!(
            app.set_device_pin(Some("12ab56")),
            Err(Error::PinUnacceptable)
        ));
        let view = app.set_device_pin(Some("246810")).expect("set up");
        assert!(view.shared && !view.locked);

        app.start_visit().await.expect("started");
        assert!(
            app.set_device_pin(None).is_err(),
            "a visitor cannot undo the set-up"
        );
        assert_eq!(app.end_visit(true).await.expect("ended"), VisitEnd::Ended);
        let view = app.visit_status().expect("status");
        assert!(view.locked, "the visitor lands on the lock");
        // Locked: the Digitallotse's things answer nothing; the catalog and settings do.
        assert!(matches!(app.applications().await, Err(Error::DeviceLocked)));
        assert!(app.account().await.is_err());
        // (The test store holds no catalog: not found, but not locked.)
        assert!(!matches!(app.catalog_json(), Err(Error::DeviceLocked)));
        assert!(app.settings().is_ok());

        for _ in 0..FREE_TRIES {
            assert!(matches!(app.unlock_device("000000"), Err(Error::PinWrong)));
        }
        assert!(
            matches!(
                app.unlock_device("246810"),
                Err(Error::PinWait { seconds: 30 })
            ),
            "after five wrong PINs even the right one waits"
        );
        test.time.store(NOW + 30_000, Ordering::SeqCst);
        let view = app.unlock_device("246810").expect("unlocked");
        assert!(!view.locked);
        let list = app.applications().await.expect("a list");
        assert!(list.iter().any(|a| a.id == own), "her draft is back");

        // A session can be started from the lock; the Digitallotse locks by hand too.
        app.lock_device().expect("locked");
        app.start_visit().await.expect("a session from the lock");
        assert!(app.applications().await.is_ok(), "the visitor's own store");
        app.end_visit(true).await.expect("ended");
        assert!(app.visit_status().expect("status").locked);
    }
}
