//! The service layer: the rules of the state API, independent of HTTP framing.
//!
//! [`Backend`] holds the storage, the configuration and the clock; its methods are what the
//! handlers and the admin CLI call. Refusals are [`Problem`]s. It must never format HTTP
//! responses beyond choosing a status code, and never log personal data (answers, names,
//! message texts, tokens).

pub mod admin;
pub mod auth;
mod authority;
pub mod checks;
mod decisions;
pub mod destinations;
mod forms;
pub mod handovers;
pub mod id_token;
pub mod login;
pub mod quota;
pub mod replies;
pub mod reports;
pub mod submissions;
pub mod throttle;
mod uploads;
pub mod validation;

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use domain::problem::ProblemCode;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::error::{Error, Problem};
use crate::storage::{Coordination, LockoutPolicy, Lookups, Storage};

/// The citizen a request acts for (from a bearer access token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citizen {
    pub subject: String,
}

/// The rules over the storage.
pub struct Backend {
    storage: Arc<dyn Storage>,
    config: Arc<Config>,
    /// Added to the wall clock; tests move time forward with [`Backend::advance_clock`].
    clock_offset_ms: AtomicI64,
    /// What the server's instances agree on: Idempotency-Keys whose first request is still
    /// running, rate-limit buckets, failed logins.
    coordination: Arc<dyn Coordination>,
    /// The form definitions, checked and compiled once.
    forms: Vec<domain::form::Form>,
    /// The login page's CSRF key and the failed logins per username.
    login_guard: login::LoginGuard,
    /// The ID token key.
    id_tokens: id_token::IdTokenSigner,
    /// The trust anchor and the destinations' signing keys.
    destinations: Arc<destinations::Destinations>,
}

/// How long a request may hold its Idempotency-Key: past it (an instance killed while
/// holding one), a retry may take the key over. Longer than any request runs.
const CLAIM_LEASE_MS: i64 = 120_000;

/// Holds an Idempotency-Key as in flight until dropped; dropping gives the claim up (on the
/// blocking pool when the coordination is a database's).
pub(crate) struct InFlight {
    coordination: Arc<dyn Coordination>,
    key: String,
    /// The claim's lease: which claim is ours.
    until: i64,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let (coordination, key) = (
            Arc::clone(&self.coordination),
            std::mem::take(&mut self.key),
        );
        let until = self.until;
        let release = move || {
            if coordination.release(&key, until).is_err() {
                tracing::warn!("an Idempotency-Key claim was not released; its lease ends it");
            }
        };
        // Released before the answer leaves (the guard drops when the request's work ends):
        // a client that retries as soon as it has the answer must not meet its own claim
        // still in flight (on PostgreSQL the release ran on the blocking pool after the answer,
        // and a quick retry got 409 idempotency_key_in_flight now and then).
        match tokio::runtime::Handle::try_current() {
            Ok(runtime)
                if !self.coordination.in_memory()
                    && runtime.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread =>
            {
                tokio::task::block_in_place(release);
            }
            // A current-thread runtime (tests) cannot run the database's blocking client on
            // its thread: a thread of its own, waited for.
            Ok(_) if !self.coordination.in_memory() => {
                if std::thread::spawn(release).join().is_err() {
                    tracing::warn!("an Idempotency-Key claim was not released; its lease ends it");
                }
            }
            _ => release(),
        }
    }
}

/// The system clock in Unix milliseconds: the only place the server (and the authority's own
/// program, `state-api subscriber`) reads the time.
pub fn wall_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// How far the server's clock starts from the system clock: 0, or (debug builds only) the
/// distance to a configured fake "now".
fn initial_offset(fake_now: Option<i64>) -> Result<i64, Error> {
    match fake_now {
        None => Ok(0),
        Some(fake) if cfg!(debug_assertions) => Ok(fake.saturating_sub(wall_millis())),
        Some(_) => Err(Error::Config(
            "a moved clock (fake_now) is for debug builds only".to_string(),
        )),
    }
}

impl Backend {
    /// Fails when a configured form definition is refused by the form engine, the back office
    /// token is too short, or a release build is given a fake clock.
    pub fn new(
        storage: Arc<dyn Storage>,
        coordination: Arc<dyn Coordination>,
        config: Arc<Config>,
    ) -> Result<Backend, Error> {
        let mut forms = Vec::with_capacity(config.forms.len());
        for definition in &config.forms {
            let id = format!("{} {}", definition.id, definition.version);
            let form = domain::form::Form::new(definition.clone())
                .map_err(|e| Error::Config(format!("form {id} is refused: {e}")))?;
            forms.push(form);
        }
        let offset = initial_offset(config.fake_now)?;
        admin::check_admin_token(config.admin_token.as_deref())?;
        if config.subscriber == crate::config::SubscriberMode::External
            && config.destination_keys_dir.is_none()
        {
            return Err(Error::Config(
                "an external subscriber needs the destinations' key directory \
                 (--destination-keys), which it shares"
                    .to_string(),
            ));
        }
        let login_guard = login::LoginGuard::new(&config);
        let id_tokens =
            id_token::IdTokenSigner::new(config.id_token_key.as_ref().map(|k| k.0.as_slice()))?;
        let destinations = destinations::Destinations::new(
            config.trust_anchor_key.as_ref().map(|k| k.0.as_slice()),
            config.destination_key_bits,
            config.destination_keys_dir.clone(),
        )?;
        Ok(Backend {
            destinations: Arc::new(destinations),
            storage,
            config,
            clock_offset_ms: AtomicI64::new(offset),
            coordination,
            forms,
            login_guard,
            id_tokens,
        })
    }

    /// Today by the server's clock: the citizen's day in Europe/Berlin, as the app counts it
    /// (`domain::calendar`), for date rules of the forms. `None` only for a clock beyond the
    /// engine's years.
    pub fn today(&self) -> Option<domain::form::Date> {
        domain::calendar::citizen_day(self.now())
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub(crate) fn login_guard(&self) -> &login::LoginGuard {
        &self.login_guard
    }

    /// Runs a coordination call: at once when it is in memory, else on the blocking pool.
    pub(crate) async fn shared<T: Send + 'static>(
        &self,
        f: impl FnOnce(&dyn Coordination) -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Problem> {
        if self.coordination.in_memory() {
            return f(&*self.coordination).map_err(Problem::from);
        }
        let coordination = Arc::clone(&self.coordination);
        match tokio::task::spawn_blocking(move || f(&*coordination)).await {
            Ok(result) => result.map_err(Problem::from),
            Err(e) => Err(Problem::from(Error::Task(e.to_string()))),
        }
    }

    /// The lockout of failed logins (`login`) or back office authentications (`admin`).
    pub(crate) fn lockout_policy(&self, scope: &str) -> LockoutPolicy {
        match scope {
            "admin" => self.config.admin_lockout.into(),
            _ => self.config.login_lockout.into(),
        }
    }

    /// The trust anchor and the destinations' keys.
    pub fn destinations(&self) -> &Arc<destinations::Destinations> {
        &self.destinations
    }

    /// The ID token key (its public half is the JWK Set).
    pub fn id_tokens(&self) -> &id_token::IdTokenSigner {
        &self.id_tokens
    }

    /// Now, in unix milliseconds.
    pub fn now(&self) -> i64 {
        wall_millis().saturating_add(self.clock_offset_ms.load(Ordering::Relaxed))
    }

    /// Moves the server's clock forward (for tests and demos of expiry).
    pub fn advance_clock(&self, by: std::time::Duration) {
        let ms = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        self.clock_offset_ms.fetch_add(ms, Ordering::Relaxed);
    }

    /// Runs a storage call on the blocking pool.
    pub(crate) async fn db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&dyn Storage) -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Problem> {
        let storage = Arc::clone(&self.storage);
        let joined = tokio::task::spawn_blocking(move || f(&*storage)).await;
        match joined {
            Ok(result) => result.map_err(Problem::from),
            Err(e) => Err(Problem::from(Error::Task(e.to_string()))),
        }
    }

    /// Runs a storage call that writes: on the storage's writer thread where it has one
    /// (SQLite), so no thread of the blocking pool waits for the COMMIT; else like
    /// [`Backend::db`]. `f` must only write (and read inside its writes): a read of another
    /// connection after a write would not see it before its batch is committed.
    pub(crate) async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&dyn Storage) -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Problem> {
        let (answer, answered) = tokio::sync::oneshot::channel::<Result<T, Error>>();
        let storage = Arc::clone(&self.storage);
        let job: crate::storage::WriteJob = Box::new(move || {
            let result = f(&*storage);
            Box::new(move |committed: Result<(), Error>| {
                // The request may have gone (a dropped connection): nobody to tell.
                let _ = answer.send(committed.and(result));
            })
        });
        if let Err(job) = self.storage.spawn_write(job) {
            // No writer thread: a thread of the blocking pool runs the job, its writes
            // committed before they return.
            self.db(move |_| {
                job()(Ok(()));
                Ok(())
            })
            .await?;
        }
        match answered.await {
            Ok(result) => result.map_err(Problem::from),
            Err(_) => Err(Problem::from(Error::Task(
                "the database writer dropped a write".into(),
            ))),
        }
    }

    /// Runs one of the hot reads: on this thread where the storage says they are cheap
    /// (SQLite's own reader connections, WAL mode: a read never waits for the writer), else
    /// on the blocking pool like every other storage call.
    pub(crate) async fn lookup<T: Send + 'static>(
        &self,
        f: impl FnOnce(&dyn Lookups) -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Problem> {
        if self.storage.inline_lookups() {
            return f(&*self.storage).map_err(Problem::from);
        }
        self.db(move |s| f(s)).await
    }

    /// Marks a key as in flight, for every instance of the server; `None` if it already is.
    pub(crate) async fn begin(&self, key: String) -> Result<Option<InFlight>, Problem> {
        let now = self.now();
        let until = now.saturating_add(CLAIM_LEASE_MS);
        let claimed = key.clone();
        let won = self.shared(move |c| c.claim(&claimed, now, until)).await?;
        Ok(won.then(|| InFlight {
            coordination: Arc::clone(&self.coordination),
            key,
            until,
        }))
    }

    /// Marks expired submissions (returns how many) and drops the content of expired
    /// handovers (forgetting them a while later).
    pub async fn sweep(&self) -> Result<usize, Problem> {
        let now = self.now();
        let expired = self.db(move |s| s.expire_due(now)).await?;
        let emptied = self.sweep_handovers(now).await?;
        if emptied > 0 {
            tracing::info!(count = emptied, "expired handovers emptied");
        }
        Ok(expired)
    }
}

/// The `Idempotency-Key` of a create: required, the UUID the client made for the thing created
/// (`what`: "submission", "report"), lower-cased.
pub(crate) fn idempotency_key(key: Option<&str>, what: &str) -> Result<String, Problem> {
    let key = key
        .ok_or_else(|| {
            Problem::bad_request(
                "idempotency_key_missing",
                format!("send an Idempotency-Key header with the {what}'s UUID"),
            )
        })?
        .trim()
        .to_ascii_lowercase();
    let parsed = uuid::Uuid::parse_str(&key);
    if parsed.is_err() || key.len() != 36 {
        return Err(Problem::bad_request(
            "idempotency_key_invalid",
            format!("the Idempotency-Key is the {what}'s UUID"),
        ));
    }
    // The nil UUID is no random id: whoever sent it first would claim it for everyone.
    if parsed.is_ok_and(|id| id.is_nil()) {
        return Err(Problem::bad_request(
            "idempotency_key_invalid",
            format!("the Idempotency-Key is the {what}'s random UUID, not the nil UUID"),
        ));
    }
    Ok(key)
}

/// The answer when an Idempotency-Key comes back with another request body (`what`: whose id).
pub(crate) fn key_reused(what: &str) -> Problem {
    Problem::new(
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
        "Idempotency-Key reused",
    )
    .detail(format!(
        "this Idempotency-Key was used with another request body; use a new {what} id"
    ))
}

/// The answer while the first request with the same Idempotency-Key is still running.
pub(crate) fn key_in_flight() -> Problem {
    Problem::new(
        axum::http::StatusCode::CONFLICT,
        ProblemCode::IdempotencyKeyInFlight.as_str(),
        "Request in progress",
    )
    .detail("the first request with this Idempotency-Key is still running; retry later")
}

/// A random URL-safe secret of 32 bytes (tokens, codes, message ids).
pub fn random_token() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Hex SHA-256, to store secrets by hash and to fingerprint requests.
pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// Lower-case hex SHA-512 (attachments, documents, replies).
pub(crate) fn sha512_hex(data: &[u8]) -> String {
    hex::encode(sha2::Sha512::digest(data))
}

/// The one canonical JSON of the app and the server (`domain::receipt`).
pub use domain::receipt::canonical_json;

/// Constant-time comparison of two secrets.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_at_every_level() {
        let value = serde_json::json!({"b": 1, "a": {"d": [1, {"z": 0, "y": "x"}], "c": null}});
        assert_eq!(
            canonical_json(&value),
            r#"{"a":{"c":null,"d":[1,{"y":"x","z":0}]},"b":1}"#,
            "keys sorted, compact"
        );
    }

    #[test]
    fn only_a_debug_build_runs_on_a_moved_clock() {
        assert!(
            matches!(initial_offset(None), Ok(0)),
            "the real clock by default"
        );
        let in_a_year = wall_millis() + 365 * 86_400_000;
        let moved = initial_offset(Some(in_a_year));
        if cfg!(debug_assertions) {
            let offset = moved.unwrap_or_default();
            assert!(
                (offset - 365 * 86_400_000).abs() < 60_000,
                "a debug build starts at the fake now"
            );
        } else {
            assert!(moved.is_err(), "a release build refuses a moved clock");
        }
    }

    #[test]
    fn secrets_compare_by_content() {
        assert!(same_secret("abc", "abc"), "equal secrets match");
        assert!(!same_secret("abc", "abd"), "different secrets do not match");
        assert!(
            !same_secret("abc", "abcd"),
            "different lengths do not match"
        );
    }
}
