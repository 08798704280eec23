//! Assisted sessions ("Beratung") on a shared device (#14). A Digitallotse lends the app to a
//! visitor: for the session, the app works on a store of its own, made fresh in
//! `<data dir>/beratung/<id>/` under a random key that exists in memory only (never in the
//! keychain), and the login is the visitor's, kept in memory only
//! (`sync::MemoryCredentials`). The device's store and the device's login are set aside, not
//! touched, and come back when the session ends.
//!
//! Ending it (the button, inactivity, or the app being killed) leaves nothing: the visitor is
//! logged out at the state API, the store is closed and its directory deleted, and the key was
//! never anywhere but in this process. Unsent work is the visitor's decision: a session that
//! holds drafts or applications the state API has not received ends only when the visitor
//! says to discard them ([`VisitEnd::Unsent`] tells the window what there is).
//!
//! The swap happens inside the one store mutex and the one login session the whole app (the
//! outbox worker included) already shares, under the lock that serializes every change of the
//! person using the app, so no command, sync step or token refresh can straddle two people.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Arc;

use domain::calendar::UnixMillis;
use std::collections::{BTreeMap, BTreeSet};

use domain::ipc::{
    ApplicationStatus, ApplicationSummary, CatalogOrigin, ServiceCount, VisitDay, VisitEnd,
    VisitReport, VisitView,
};
use store::{AssistedSession, DatabaseKey, Store};
use sync::{Credentials, MemoryCredentials};
use uuid::Uuid;

use crate::instant::rfc3339;
use crate::{views, App, Error};

/// The folder, inside the app's data directory, that holds the running session's store.
pub const VISITS_DIR: &str = "beratung";
/// The session's store file inside its own folder.
const VISIT_STORE_FILE: &str = "beratung.db";
/// Minutes without input (a key or a touch in the window) after which a session ends by itself,
/// unsent work discarded: the visitor has left, and nothing of theirs may stay on the tablet.
/// (A debug build may be given a shorter time for tests: [`App::with_visit_idle_limit`].)
pub const IDLE_MINUTES: u32 = 15;

/// A session's outcome as the report keeps it.
const OUTCOME_SENT: &str = "sent";
const OUTCOME_DISCARDED: &str = "discarded";
const OUTCOME_NOTHING: &str = "nothing";

/// How long ending a session waits to learn who the device's person is again.
const IDENTITY_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// The last minutes before an idle session ends, in which the window warns (at most a third of
/// the idle time).
pub const WARN_MINUTES: u32 = 2;

/// A running session's inactivity ([`App::visit_idleness`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idleness {
    InUse,
    EndingSoon { seconds: u32 },
    Over,
}

/// A running session: what was set aside for it.
pub(crate) struct Visit {
    /// The device's store, closed to every command while the visitor's is in its place.
    device_store: Store,
    /// The device's credentials (the keychain), given back at the end.
    device_credentials: Arc<dyn Credentials>,
    dir: PathBuf,
    started_at: UnixMillis,
}

/// Deletes what a session left when the app ended without ending it (killed, crashed, power
/// lost): its key died with that process, so the files cannot be read by anyone; they go too.
/// Returns how many sessions were found.
pub fn remove_abandoned(data_dir: &Path) -> std::io::Result<u32> {
    let root = data_dir.join(VISITS_DIR);
    if !root.exists() {
        return Ok(0);
    }
    let found = std::fs::read_dir(&root)?.count();
    std::fs::remove_dir_all(&root)?;
    u32::try_from(found).map_or(Ok(u32::MAX), Ok)
}

impl App {
    /// Whether a session runs, for the window.
    pub fn visit_status(&self) -> Result<VisitView, Error> {
        let visit = self
            .visit
            .lock()
            .map_err(|_| Error::Internal("visit lock"))?;
        let active = visit.is_some();
        let started_at = visit.as_ref().map(|v| rfc3339(v.started_at));
        drop(visit);
        Ok(VisitView {
            active,
            started_at,
            idle_minutes: u32::try_from(self.idle_limit_ms / 60_000).unwrap_or(IDLE_MINUTES),
            shared: self.is_shared(),
            locked: !active && self.locked.load(Ordering::SeqCst),
        })
    }

    /// Starts a session: a fresh store under a key in memory only, seeded with the device's
    /// catalog and forms (so it works offline from the first second) and the device's
    /// language, and a login in memory only. A session that runs already is kept.
    pub async fn start_visit(&self) -> Result<VisitView, Error> {
        let Some(root) = self.visits_dir.clone() else {
            return Err(Error::Internal("no folder for assisted sessions"));
        };
        let _change = self.account_change.lock().await;
        if self.visit_running()? {
            return self.visit_status();
        }
        let now = self.now();
        let dir = root.join(Uuid::new_v4().to_string());
        let visitor = match self.new_visit_store(&dir, now) {
            Ok(store) => store,
            Err(error) => {
                let _ = std::fs::remove_dir_all(&dir);
                return Err(error);
            }
        };
        let device_store = {
            let mut current = self.store_even_if_locked()?;
            std::mem::replace(&mut *current, visitor)
        };
        let device_credentials = self
            .session
            .switch_credentials(Arc::new(MemoryCredentials::new()))
            .await;
        *self
            .visit
            .lock()
            .map_err(|_| Error::Internal("visit lock"))? = Some(Visit {
            device_store,
            device_credentials,
            dir,
            started_at: now,
        });
        self.last_input.store(now, Ordering::SeqCst);
        self.nudge_sync();
        self.visit_status()
    }

    /// Ends the session, unless it holds unsent work and `discard_unsent` is false: then
    /// nothing changes and the answer says what is unsent. Ending logs the visitor out at the
    /// state API (best effort) and from memory, gives the device its store and login back,
    /// and deletes the session's folder. Ending when none runs is fine.
    pub async fn end_visit(&self, discard_unsent: bool) -> Result<VisitEnd, Error> {
        let _change = self.account_change.lock().await;
        if !self.visit_running()? {
            return Ok(VisitEnd::Ended);
        }
        // Drafts picked up on the visitor's phone meanwhile are gone from here first (without
        // the state API, they stay as handed over).
        let _ = self.settle_handovers().await;
        let (drafts, applications) = self.unsent()?;
        if !discard_unsent && (drafts > 0 || applications > 0) {
            return Ok(VisitEnd::Unsent {
                drafts,
                applications,
            });
        }
        // For the Digitallotse's report: the day, the services, the outcome; nothing more.
        let record = self.session_record(drafts + applications > 0)?;
        let Some(visit) = self
            .visit
            .lock()
            .map_err(|_| Error::Internal("visit lock"))?
            .take()
        else {
            return Ok(VisitEnd::Ended);
        };
        // The visitor's tokens first: whatever happens next, nobody stays logged in as them.
        let _ = self.session.logout().await;
        let _ = self
            .session
            .switch_credentials(visit.device_credentials)
            .await;
        // Who the device's person is, for the window's account line (best effort and brief:
        // offline, it is asked again when needed).
        let _ = tokio::time::timeout(IDENTITY_WAIT, self.session.identity()).await;
        let visitor = {
            let mut current = self.store_even_if_locked()?;
            std::mem::replace(&mut *current, visit.device_store)
        };
        drop(visitor);
        // The record is the device's; a failure to keep it does not keep the session.
        let _ = self
            .store_even_if_locked()?
            .record_assisted_session(&record);
        // A shared device goes back to its lock, never into its person's account.
        if self.is_shared() {
            self.locked.store(true, Ordering::SeqCst);
        }
        remove_visit_dir(&visit.dir)?;
        self.nudge_sync();
        Ok(VisitEnd::Ended)
    }

    /// Where files the visitor saves (printouts, documents) go while a session runs: inside the
    /// session's folder, so they are deleted with it, never in the device's Downloads.
    pub fn visit_files_dir(&self) -> Option<PathBuf> {
        let visit = self.visit.lock().ok()?;
        visit.as_ref().map(|v| v.dir.join("dateien"))
    }

    /// The person touched the window (a key, a pointer): the session's inactivity clock
    /// starts over.
    pub fn note_input(&self) {
        self.last_input.store(self.now(), Ordering::SeqCst);
    }

    /// A shorter idle time than [`IDLE_MINUTES`] (tests of the inactivity end in the real
    /// window); at least 30 seconds.
    pub fn with_visit_idle_limit(mut self, limit: std::time::Duration) -> App {
        let ms = i64::try_from(limit.as_millis()).unwrap_or(i64::MAX);
        self.idle_limit_ms = ms.clamp(30_000, i64::from(IDLE_MINUTES) * 60_000);
        self
    }

    /// How often the shell should look at a session's inactivity: often enough to warn within
    /// the warning's time.
    pub fn visit_watch_every(&self) -> std::time::Duration {
        let ms = (self.idle_limit_ms / 6).clamp(1_000, 20_000);
        std::time::Duration::from_millis(u64::try_from(ms).unwrap_or(20_000))
    }

    /// Ends the session if no input came for [`IDLE_MINUTES`], unsent work discarded (the
    /// visitor has gone). True when it ended one.
    pub async fn end_idle_visit(&self) -> Result<bool, Error> {
        if self.visit_idleness()? != Idleness::Over {
            return Ok(false);
        }
        Ok(self.end_visit(true).await? == VisitEnd::Ended)
    }

    /// How long the running session has been without input, as the window is told: in use,
    /// ending soon (the last [`WARN_MINUTES`], with the seconds left), or over.
    pub fn visit_idleness(&self) -> Result<Idleness, Error> {
        if !self.visit_running()? {
            return Ok(Idleness::InUse);
        }
        let idle = self.now() - self.last_input.load(Ordering::SeqCst);
        let limit = self.idle_limit_ms;
        let warn_from = limit - (i64::from(WARN_MINUTES) * 60_000).min(limit / 3);
        Ok(if idle >= limit {
            Idleness::Over
        } else if idle >= warn_from {
            Idleness::EndingSoon {
                seconds: u32::try_from((limit - idle + 999) / 1000).unwrap_or(u32::MAX),
            }
        } else {
            Idleness::InUse
        })
    }

    /// The Digitallotse's record of sessions on this device, by day, newest first. Not while a
    /// session runs (it is the device's person's, not the visitor's).
    pub fn visit_report(&self) -> Result<VisitReport, Error> {
        if self.visit_running()? {
            return Err(Error::DeviceLocked);
        }
        let sessions = self.store()?.assisted_sessions()?;
        let mut days: BTreeMap<String, (VisitDay, BTreeMap<String, u32>)> = BTreeMap::new();
        for session in sessions {
            let (day, services) = days.entry(session.day.clone()).or_insert_with(|| {
                (
                    VisitDay {
                        day: session.day.clone(),
                        sessions: 0,
                        sent: 0,
                        discarded: 0,
                        services: Vec::new(),
                    },
                    BTreeMap::new(),
                )
            });
            day.sessions += 1;
            match session.outcome.as_str() {
                OUTCOME_SENT => day.sent += 1,
                OUTCOME_DISCARDED => day.discarded += 1,
                _ => {}
            }
            for key in session.services {
                *services.entry(key).or_default() += 1;
            }
        }
        Ok(VisitReport {
            days: days
                .into_values()
                .rev()
                .map(|(mut day, services)| {
                    day.services = services
                        .into_iter()
                        .map(|(leika_key, sessions)| ServiceCount {
                            leika_key,
                            sessions,
                        })
                        .collect();
                    day
                })
                .collect(),
        })
    }

    /// What the report keeps of the running session: the day, the services worked on, and
    /// whether an application reached the state API or unsent work was discarded.
    fn session_record(&self, discarding: bool) -> Result<AssistedSession, Error> {
        let list = views::applications(&*self.store()?, true, self.today()?)?;
        let services: BTreeSet<String> = list.iter().map(|a| a.leika_key.clone()).collect();
        let sent = list.iter().any(|a| {
            !matches!(
                a.status,
                ApplicationStatus::Draft
                    | ApplicationStatus::Queued
                    | ApplicationStatus::Sending
                    | ApplicationStatus::Initiated
            )
        });
        let outcome = match (sent, discarding) {
            (true, _) => OUTCOME_SENT,
            (false, true) => OUTCOME_DISCARDED,
            (false, false) => OUTCOME_NOTHING,
        };
        Ok(AssistedSession {
            day: self.today()?.to_string(),
            outcome: outcome.into(),
            services: services.into_iter().collect(),
        })
    }

    pub(crate) fn visit_running(&self) -> Result<bool, Error> {
        Ok(self
            .visit
            .lock()
            .map_err(|_| Error::Internal("visit lock"))?
            .is_some())
    }

    /// Drafts, and applications the state API has not received yet, in the store in use.
    fn unsent(&self) -> Result<(u32, u32), Error> {
        let store = self.store()?;
        let list = views::applications(&store, true, self.today()?)?;
        let count = |unsent: fn(&ApplicationSummary) -> bool| {
            u32::try_from(list.iter().filter(|a| unsent(a)).count()).unwrap_or(u32::MAX)
        };
        Ok((
            // A draft handed over waits on the state API, sealed under the code the visitor
            // took with them: it is theirs to pick up, not unsent work on this device.
            count(|a| a.status == ApplicationStatus::Draft && a.handed_over_until.is_none()),
            count(|a| {
                matches!(
                    a.status,
                    ApplicationStatus::Queued
                        | ApplicationStatus::Sending
                        | ApplicationStatus::Initiated
                )
            }),
        ))
    }

    /// The session's store: a new encrypted file under a key that is dropped (and wiped) when
    /// this returns, so only the open connection can read it; the device's catalog (or the
    /// seed), the shipped forms and the device's language.
    fn new_visit_store(&self, dir: &Path, now: UnixMillis) -> Result<Store, Error> {
        std::fs::create_dir_all(dir).map_err(|_| Error::SaveFailed("session folder"))?;
        private_to_this_user(dir)?;
        let mut store = Store::open(&dir.join(VISIT_STORE_FILE), &DatabaseKey::generate())?;
        let device = self.store_even_if_locked()?;
        match device.catalog()? {
            Some(stored) => store.save_catalog(
                &stored.catalog,
                stored.origin,
                stored.etag.as_deref(),
                &rfc3339(now),
            )?,
            None => {
                let catalog = catalog_seed::seed_catalog()
                    .map_err(|_| Error::Internal("the seed catalog"))?;
                store.save_catalog(&catalog, CatalogOrigin::Seed, None, &rfc3339(now))?
            }
        }
        store.set_language(device.settings()?.language)?;
        drop(device);
        for definition in catalog_seed::shipped_forms() {
            store.save_form_definition(definition, now)?;
        }
        Ok(store)
    }
}

fn remove_visit_dir(dir: &Path) -> Result<(), Error> {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(_) => Err(Error::SaveFailed(
            "the session's folder could not be deleted",
        )),
    }
}

#[cfg(unix)]
fn private_to_this_user(dir: &Path) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
        .map_err(|_| Error::SaveFailed("session folder"))
}

#[cfg(not(unix))]
fn private_to_this_user(_dir: &Path) -> Result<(), Error> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicI64, Ordering};

    use base64::Engine;
    use domain::ipc::{AddAttachmentRequest, SaveAnswerRequest, StartDraftRequest};
    use keychain::Secret;
    use sync::{Session, StateApiClient};

    use crate::testing::NOW;

    use super::*;

    const CANARY: &str = "KANARIENVOGEL-7f3a";

    /// An app on an in-memory device store whose person is logged in (a refresh token in the
    /// device's credentials), with assisted sessions kept in `dir`.
    fn app_in(dir: &Path) -> (App, Arc<MemoryCredentials>, Arc<AtomicI64>) {
        let store = Store::open_in_memory().expect("a store");
        let client = StateApiClient::new("http://127.0.0.1:9/").expect("a client");
        let device = Arc::new(MemoryCredentials::new());
        device
            .save(&Secret::new("the-digitallotse-s-refresh-token"))
            .expect("kept");
        let session = Session::new(client.clone(), device.clone());
        let time = Arc::new(AtomicI64::new(NOW));
        let hand = time.clone();
        let app = App::new(
            Ok(store),
            client,
            session,
            Arc::new(move || hand.load(Ordering::SeqCst)),
        )
        .with_visits_in(dir);
        (app, device, time)
    }

    fn draft(app: &App, name: &str) -> String {
        let draft = app
            .start_draft(StartDraftRequest {
                form_id: "bewohnerparkausweis".into(),
                leika_key: "99108001001000".into(),
            })
            .expect("a draft")
            .draft_id;
        app.save_answer(SaveAnswerRequest {
            draft_id: draft.clone(),
            path: "antragsteller.familienname".into(),
            value: serde_json::json!(name),
        })
        .expect("saved");
        draft
    }

    fn files_under(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        if let Ok(entries) = std::fs::read_dir(dir) {
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    out.extend(files_under(&path));
                } else {
                    out.push(path);
                }
            }
        }
        out
    }

    #[tokio::test]
    async fn a_visit_works_apart_from_the_device_and_its_end_leaves_nothing() {
        let data = tempfile::tempdir().expect("a folder");
        let (app, device, _) = app_in(data.path());
        let own = draft(&app, "Lotsin");
        assert!(app.logged_in().await, "the Digitallotse is logged in");

        let started = app.start_visit().await.expect("started");
        assert!(started.active);
        assert!(
            !app.logged_in().await,
            "the visitor is not the Digitallotse"
        );
        let root = data.path().join(VISITS_DIR);
        let files = files_under(&root);
        assert!(
            files.iter().any(|f| f.ends_with(VISIT_STORE_FILE)),
            "the visitor's store is a file of its own: {files:?}"
        );
        let list = app.applications().await.expect("a list");
        assert!(
            list.iter().all(|a| a.id != own),
            "the device's drafts are not the visitor's to see"
        );

        // The visitor fills a draft with a canary in an answer and in a file.
        let visitor_draft = draft(&app, CANARY);
        app.add_attachment(AddAttachmentRequest {
            draft_id: visitor_draft.clone(),
            field_path: "fahrzeug.zulassungsbescheinigung".into(),
            file_name: format!("{CANARY}.pdf"),
            media_type: "application/pdf".into(),
            content_base64: base64::engine::general_purpose::STANDARD
                .encode(format!("%PDF-1.4 {CANARY}")),
        })
        .expect("attached");
        // Nothing of it is readable on disk while the session runs (the store is encrypted
        // under a key that exists in this process only).
        for file in files_under(data.path()) {
            let bytes = std::fs::read(&file).unwrap_or_default();
            assert!(
                !bytes.windows(CANARY.len()).any(|w| w == CANARY.as_bytes()),
                "{} holds the canary in plain text",
                file.display()
            );
        }

        // Unsent work is the visitor's decision.
        let refused = app.end_visit(false).await.expect("an answer");
        assert_eq!(
            refused,
            VisitEnd::Unsent {
                drafts: 1,
                applications: 0
            }
        );
        assert!(app.visit_status().expect("status").active, "still running");

        assert_eq!(app.end_visit(true).await.expect("ended"), VisitEnd::Ended);
        assert!(!app.visit_status().expect("status").active);
        assert_eq!(
            files_under(data.path()),
            Vec::<PathBuf>::new(),
            "nothing of the session is left in the data folder"
        );
        let list = app.applications().await.expect("a list");
        assert!(
            list.iter().any(|a| a.id == own),
            "the device's draft is back"
        );
        assert!(list.iter().all(|a| a.id != visitor_draft));
        assert!(app.logged_in().await, "the Digitallotse's login is back");
        assert_eq!(
            device.load().expect("readable"),
            Some(Secret::new("the-digitallotse-s-refresh-token")),
            "and was never replaced"
        );
        // Ending again is fine.
        assert_eq!(app.end_visit(false).await.expect("ended"), VisitEnd::Ended);
    }

    #[tokio::test]
    async fn a_visit_without_input_ends_by_itself_and_discards_what_was_left() {
        let data = tempfile::tempdir().expect("a folder");
        let (app, _, time) = app_in(data.path());
        app.start_visit().await.expect("started");
        draft(&app, CANARY);
        let minute = 60_000;
        time.store(NOW + 14 * minute, Ordering::SeqCst);
        app.note_input();
        time.store(NOW + 26 * minute, Ordering::SeqCst);
        assert_eq!(app.visit_idleness().expect("idle"), Idleness::InUse);
        time.store(NOW + 28 * minute, Ordering::SeqCst);
        assert_eq!(
            app.visit_idleness().expect("idle"),
            Idleness::EndingSoon { seconds: 60 },
            "the last two minutes are announced"
        );
        assert!(
            !app.end_idle_visit().await.expect("checked"),
            "14 minutes after the last input it runs on"
        );
        time.store(NOW + 29 * minute + 1, Ordering::SeqCst);
        assert!(app.end_idle_visit().await.expect("checked"), "ended");
        assert!(!app.visit_status().expect("status").active);
        assert_eq!(files_under(data.path()), Vec::<PathBuf>::new());
        assert!(
            !app.end_idle_visit().await.expect("checked"),
            "no session, nothing to end"
        );
    }

    /// #14: the Digitallotse's report counts sessions per day with their services and
    /// outcomes, and holds nothing of the visitors.
    #[tokio::test]
    async fn the_report_counts_sessions_services_and_outcomes_per_day() {
        let data = tempfile::tempdir().expect("a folder");
        let (app, _, time) = app_in(data.path());
        app.start_visit().await.expect("started");
        draft(&app, CANARY);
        app.end_visit(true).await.expect("discarded");
        app.start_visit().await.expect("started");
        assert!(app.visit_report().is_err(), "not the visitor's to see");
        app.end_visit(false).await.expect("nothing to discard");
        time.store(NOW + 86_400_000, Ordering::SeqCst);
        app.start_visit().await.expect("started");
        draft(&app, CANARY);
        app.end_visit(true).await.expect("discarded");

        let report = app.visit_report().expect("a report");
        let days: Vec<(&str, u32, u32, u32)> = report
            .days
            .iter()
            .map(|d| (d.day.as_str(), d.sessions, d.sent, d.discarded))
            .collect();
        assert_eq!(
            days,
            vec![("2026-12-06", 1, 0, 1), ("2026-12-05", 2, 0, 1)],
            "newest day first"
        );
        assert_eq!(
            report.days[1].services,
            vec![ServiceCount {
                leika_key: "99108001001000".into(),
                sessions: 1
            }]
        );
        let shown = format!("{report:?}");
        assert!(!shown.contains(CANARY), "nothing of the visitors: {shown}");
    }

    #[tokio::test]
    async fn a_shorter_idle_time_warns_in_its_last_third() {
        let data = tempfile::tempdir().expect("a folder");
        let (app, _, time) = app_in(data.path());
        let app = app.with_visit_idle_limit(std::time::Duration::from_secs(45));
        assert_eq!(app.visit_watch_every().as_millis(), 7_500);
        app.start_visit().await.expect("started");
        time.store(NOW + 29_000, Ordering::SeqCst);
        assert_eq!(app.visit_idleness().expect("idle"), Idleness::InUse);
        time.store(NOW + 31_000, Ordering::SeqCst);
        assert_eq!(
            app.visit_idleness().expect("idle"),
            Idleness::EndingSoon { seconds: 14 }
        );
        time.store(NOW + 45_000, Ordering::SeqCst);
        assert!(app.end_idle_visit().await.expect("checked"));
        let short = app.with_visit_idle_limit(std::time::Duration::from_secs(1));
        assert_eq!(
            short.visit_status().expect("status").idle_minutes,
            0,
            "never below 30 seconds, shown in whole minutes"
        );
    }

    #[test]
    fn a_session_the_app_did_not_end_is_deleted_at_the_next_start() {
        let data = tempfile::tempdir().expect("a folder");
        assert_eq!(remove_abandoned(data.path()).expect("nothing"), 0);
        let left = data.path().join(VISITS_DIR).join("a-killed-session");
        std::fs::create_dir_all(&left).expect("made");
        std::fs::write(left.join(VISIT_STORE_FILE), b"ciphertext").expect("written");
        assert_eq!(remove_abandoned(data.path()).expect("removed"), 1);
        assert!(!data.path().join(VISITS_DIR).exists());
    }

    #[tokio::test]
    async fn without_a_folder_no_session_starts() {
        let test = crate::testing::TestApp::new();
        assert!(test.app.start_visit().await.is_err());
        assert!(!test.app.visit_status().expect("status").active);
    }
}
