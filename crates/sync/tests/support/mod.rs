//! Test harness of the sync engine: the real state API on `127.0.0.1:0` (restartable on the
//! same data directory), a fault-injecting proxy ([`proxy`]), a real store file with queued
//! submissions, and a login driven through the server's real login form.
#![allow(dead_code)]

pub mod balancer;
pub mod delivery;
pub mod proxy;
pub mod rig;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use domain::form::{FieldPath, Value};
use domain::{Authority, AuthorityKind, Catalog, Localized, ResponsibleLevel, Service};
use sha2::{Digest, Sha512};
use state_api::{AppState, Config};
use store::{DatabaseKey, NewDraft, Store};
use sync::{Session, SyncEvent};
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

pub const PARKING: &str = "99108001001000";
pub const FORM_ID: &str = "synctest";
pub const FORM_VERSION: &str = "1";
/// The applicant's place every queued submission names (Erfurt: its authority is in the
/// tiny catalog).
pub const ERFURT: &str = "16051000";

/// Hands the anchor to a child process (a killed client): hex of its PKCS #8.
pub const ANCHOR_VAR: &str = "SYNC_TEST_TRUST_ANCHOR";

/// The trust anchor of every test server of this process and its children (2048 bits: made
/// in a moment).
fn anchor_key() -> &'static jose::SigningKey {
    static ANCHOR: std::sync::OnceLock<jose::SigningKey> = std::sync::OnceLock::new();
    ANCHOR.get_or_init(|| {
        let inherited = std::env::var(ANCHOR_VAR)
            .ok()
            .and_then(|text| hex::decode(text).ok());
        match inherited {
            Some(der) => jose::SigningKey::from_pkcs8("trust-anchor", &der).expect("an anchor"),
            None => jose::SigningKey::generate_sized("trust-anchor", 2048).expect("an anchor key"),
        }
    })
}

/// The anchor's PKCS #8 in hex, for [`ANCHOR_VAR`].
pub fn anchor_pkcs8_hex() -> String {
    hex::encode(anchor_key().to_pkcs8().expect("the anchor's PKCS #8"))
}

/// The anchors the app would be built with: the test servers' anchor.
pub fn anchors() -> Vec<jose::RsaPublicJwk> {
    vec![anchor_key().public_jwk()]
}

/// A client of `base` that trusts the test servers' anchor, as the app trusts the state's.
pub fn client(base: &str) -> sync::StateApiClient {
    sync::StateApiClient::new(base)
        .expect("a client")
        .with_trust_anchors(anchors())
}

/// A catalog with one service and one authority.
pub fn tiny_catalog() -> Catalog {
    Catalog {
        version: "sync-test-1".into(),
        services: vec![Service {
            leika_key: PARKING.into(),
            name: Localized::de("Bewohnerparkausweis"),
            life_situation: None,
            topic: None,
            ozg_bundle: None,
            law: None,
            responsible_level: ResponsibleLevel::Municipality,
            responsibility_confirmed: true,
            featured: true,
            summary: None,
            who_can_apply: None,
            fees: None,
            duration: None,
            documents: vec![],
            form_id: Some(FORM_ID.into()),
            keywords: vec![],
            fee_schedule: vec![],
        }],
        authorities: vec![Authority {
            id: "erfurt".into(),
            name: Localized::de("Stadtverwaltung Erfurt"),
            kind: AuthorityKind::CityAdministration,
            level: ResponsibleLevel::Municipality,
            area_key: "16051000".into(),
            address: None,
            phone: None,
            opening_hours: None,
        }],
        ..Catalog::default()
    }
}

/// A form with one required text field `name`.
pub fn test_form() -> domain::form::FormDefinition {
    let json = serde_json::json!({
        "id": FORM_ID, "version": FORM_VERSION, "title": {"de": "Sync-Test"},
        "pages": [{"id": "p", "title": {"de": "Seite"}, "items": [
            {"type": "field", "id": "name", "label": {"de": "Name"}, "kind": {"type": "text"}, "required": true}
        ]}]
    });
    serde_json::from_value(json).expect("the test form parses")
}

/// The back office credential of the test server (the server wants at least 32 characters).
pub const ADMIN_TOKEN: &str = "sync-test-back-office-token-0123456789";

/// The real state API, restartable on the same data directory, with its back office on a
/// listener of its own.
pub struct TestServer {
    pub dir: tempfile::TempDir,
    pub addr: SocketAddr,
    pub admin_addr: SocketAddr,
    pub state: AppState,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
    admin_task: Option<tokio::task::JoinHandle<()>>,
    adjust: fn(&mut Config),
}

fn config(dir: &Path, adjust: fn(&mut Config)) -> Config {
    let mut config = Config::new(dir.join("data"), tiny_catalog());
    config.forms = vec![test_form()];
    config.admin_token = Some(ADMIN_TOKEN.into());
    config.limits.rate_per_second = None;
    config.destination_key_bits = 2048;
    // Kept apart from the data, as in production: a restart keeps them (see
    // `TestServer::forget_destination_keys` for a server that lost them).
    config.destination_keys_dir = Some(dir.join("destination-keys"));
    config.trust_anchor_key = Some(state_api::TrustAnchorKey(
        anchor_key().to_pkcs8().expect("the anchor's PKCS #8"),
    ));
    // The fault tests send 200 submissions for one citizen: beyond a real person's day.
    config.limits.submissions_per_day = 10_000;
    // The flush bench queues 500 applications with 1 MiB each, encrypted (base64: 4/3).
    config.limits.attachment_bytes_per_citizen = 2 << 30;
    adjust(&mut config);
    config
}

/// The shared PostgreSQL database of scaled-out tests (scripts/test.sh starts one), or `None`
/// (the test is skipped, unless THUERINGEN_REQUIRE_POSTGRES=1, which fails it).
pub fn postgres_url() -> Option<String> {
    match std::env::var("THUERINGEN_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("THUERINGEN_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                "THUERINGEN_REQUIRE_POSTGRES=1 but no THUERINGEN_POSTGRES_URL"
            );
            eprintln!("skipped: no THUERINGEN_POSTGRES_URL (scripts/test.sh starts PostgreSQL)");
            None
        }
    }
}

/// A fresh schema name for one test's database.
pub fn fresh_schema() -> String {
    format!("t_{}", Uuid::new_v4().simple())
}

impl TestServer {
    /// `count` instances of the server on one PostgreSQL schema, as a scaled-out deployment
    /// runs: the same keys (trust anchor, destinations' key directory, login form key, ID
    /// token key), each its own process state. The first instance's directory holds the
    /// shared key directory; keep the returned servers alive together.
    pub async fn instances(url: &str, count: usize, adjust: fn(&mut Config)) -> Vec<TestServer> {
        let schema = fresh_schema();
        let shared_keys = tempfile::tempdir().expect("a temporary directory");
        let id_token_key = state_api::service::id_token::generate_key().expect("an ID token key");
        let login_form_key = state_api::LoginFormKey(rand::random());
        let mut servers = Vec::with_capacity(count);
        for _ in 0..count {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let mut config = config(dir.path(), adjust);
            config.destination_keys_dir = Some(shared_keys.path().join("destination-keys"));
            config.id_token_key = Some(state_api::IdTokenKey(id_token_key.clone()));
            config.login_form_key = Some(login_form_key.clone());
            config.postgres = Some(state_api::storage::PostgresOptions {
                url: url.to_string(),
                schema: Some(schema.clone()),
                pool_size: 8,
            });
            let state = AppState::new(config).expect("an instance opens the shared database");
            let mut server = TestServer {
                dir,
                addr: SocketAddr::from(([127, 0, 0, 1], 0)),
                admin_addr: SocketAddr::from(([127, 0, 0, 1], 0)),
                state,
                stop: None,
                task: None,
                admin_task: None,
                adjust,
            };
            server.listen().await;
            servers.push(server);
        }
        // The key directory lives as long as the first instance's directory would: keep it
        // for the test's lifetime.
        std::mem::forget(shared_keys);
        servers
    }

    pub async fn start() -> TestServer {
        TestServer::start_with(|_| {}).await
    }

    pub async fn start_with(adjust: fn(&mut Config)) -> TestServer {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let state = AppState::new(config(dir.path(), adjust)).expect("the server state opens");
        let mut server = TestServer {
            dir,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            admin_addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            state,
            stop: None,
            task: None,
            admin_task: None,
            adjust,
        };
        server.listen().await;
        server
    }

    async fn listen(&mut self) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        self.addr = listener.local_addr().expect("a local address");
        let (stop, stopped) = oneshot::channel::<()>();
        let serving = self.state.clone();
        self.task = Some(tokio::spawn(async move {
            let _ = state_api::serve_with_shutdown(listener, serving, async {
                let _ = stopped.await;
            })
            .await;
        }));
        self.stop = Some(stop);
        let office = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        self.admin_addr = office.local_addr().expect("a local address");
        let serving = self.state.clone();
        if let Some(old) = self.admin_task.take() {
            old.abort();
        }
        self.admin_task = Some(tokio::spawn(async move {
            let _ =
                state_api::serve_back_office_with_shutdown(office, serving, std::future::pending())
                    .await;
        }));
    }

    pub fn base(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Where the back office listens (`admin/v1/...` under it).
    pub fn admin_base(&self) -> String {
        format!("http://{}/", self.admin_addr)
    }

    /// Stops the server (in-flight connections are cut after the grace period) and starts a
    /// new one on the same data directory, on a new port (returned).
    pub async fn restart(&mut self) -> SocketAddr {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        self.state =
            AppState::new(config(self.dir.path(), self.adjust)).expect("the server state reopens");
        self.listen().await;
        self.addr
    }

    /// Deletes the destinations' private keys on disk: the next start makes new ones (a lost
    /// key directory; what was encrypted to the old keys can no longer be opened).
    pub fn forget_destination_keys(&self) {
        let _ = std::fs::remove_dir_all(self.dir.path().join("destination-keys"));
    }

    /// Every submission the server holds (the back office view, every page).
    pub async fn submissions(&self) -> Vec<state_api::wire::Submission> {
        let mut all = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let page = self
                .state
                .backend()
                .admin_submissions(None, after.as_deref(), 500)
                .await
                .expect("the back office lists submissions");
            all.extend(page.items);
            match page.next {
                Some(next) => after = Some(next),
                None => return all,
            }
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(task) = &self.task {
            task.abort();
        }
        if let Some(task) = &self.admin_task {
            task.abort();
        }
    }
}

/// A store file with a fixed key.
pub fn open_store(path: &Path) -> Store {
    Store::open(path, &DatabaseKey::from_bytes([7; 32])).expect("the store opens")
}

pub fn shared(store: Store) -> Arc<Mutex<Store>> {
    Arc::new(Mutex::new(store))
}

/// Attachment content for submission `n`: distinct, of a size that needs several chunks.
pub fn attachment_bytes(n: u32, size: usize) -> Vec<u8> {
    (0..size)
        .map(|i| {
            ((i as u32)
                .wrapping_mul(31)
                .wrapping_add(n.wrapping_mul(7919))
                % 251) as u8
        })
        .collect()
}

/// Queues submission `n`: a draft answered with `name` (or left empty), `attachments` files
/// of `size` bytes, submitted. Returns the submission id.
pub fn queue(
    store: &Store,
    n: u32,
    name: Option<&str>,
    attachments: u32,
    size: usize,
    now: i64,
) -> Uuid {
    let contents: Vec<Vec<u8>> = (0..attachments)
        .map(|a| attachment_bytes(n * 16 + a, size))
        .collect();
    queue_with(store, n, name, &contents, now)
}

/// [`queue`] with the attachments' contents given.
pub fn queue_with(
    store: &Store,
    n: u32,
    name: Option<&str>,
    contents: &[Vec<u8>],
    now: i64,
) -> Uuid {
    queue_at(store, n, name, contents, now, Some(ERFURT))
}

/// [`queue_with`] for the applicant's `place`: `None` has no destination, so its data goes
/// in plain (the path before #15, for comparison).
pub fn queue_at(
    store: &Store,
    n: u32,
    name: Option<&str>,
    contents: &[Vec<u8>],
    now: i64,
    place: Option<&str>,
) -> Uuid {
    let draft = Uuid::from_u128(0xd000_0000 + u128::from(n));
    let submission = Uuid::from_u128(0x5000_0000_0000 + u128::from(n));
    store
        .create_draft(&NewDraft {
            id: draft,
            form_id: FORM_ID,
            form_version: FORM_VERSION,
            service_key: Some(PARKING),
            now,
        })
        .expect("draft created");
    if let Some(name) = name {
        store
            .save_answer(
                draft,
                &FieldPath::root().child("name"),
                &Value::text(name),
                now,
            )
            .expect("answer saved");
    }
    for (a, bytes) in contents.iter().enumerate() {
        let link = n * 16 + a as u32;
        let info = store
            .put_attachment(
                &mut bytes.as_slice(),
                "application/pdf",
                50 << 20,
                None,
                now,
            )
            .expect("attachment stored");
        store
            .attach_to_draft(
                draft,
                Uuid::from_u128(0xa000_0000_0000 + u128::from(link)),
                &FieldPath::root().child("nachweis"),
                &info.sha512,
                "nachweis.pdf",
                now,
            )
            .expect("attachment linked");
    }
    let payload = store
        .draft(draft)
        .expect("draft read")
        .map(|d| d.answers)
        .unwrap_or_default();
    store
        .submit_for_place(draft, submission, &payload, place, now)
        .expect("submitted to the outbox");
    submission
}

pub fn sha512_hex(bytes: &[u8]) -> String {
    hex::encode(Sha512::digest(bytes))
}

/// The server's canonical JSON (sorted keys, compact), to compare data hashes.
pub fn canonical(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let parts: Vec<String> = keys
                .iter()
                .map(|k| {
                    format!(
                        "{}:{}",
                        serde_json::Value::String((*k).clone()),
                        canonical(&map[*k])
                    )
                })
                .collect();
            format!("{{{}}}", parts.join(","))
        }
        serde_json::Value::Array(items) => {
            format!(
                "[{}]",
                items.iter().map(canonical).collect::<Vec<_>>().join(",")
            )
        }
        other => other.to_string(),
    }
}

/// Drives the server's login page like a browser would: opens it (keeping its login cookie and
/// reading the form's CSRF token), posts the demo credentials with the authorize URL's
/// parameters, then follows the redirect to the app's loopback listener.
pub async fn drive_browser(authorize_url: &reqwest::Url, username: &str) {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .expect("a browser stand-in");
    let page = http
        .get(authorize_url.clone())
        .send()
        .await
        .expect("the login page opens");
    assert_eq!(page.status(), 200, "the login page is shown");
    let cookie = page
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("the page sets its login cookie")
        .to_string();
    let html = page.text().await.expect("the login page");
    let marker = r#"name="csrf_token" value=""#;
    let csrf = html
        .split_once(marker)
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(token, _)| token.to_string())
        .expect("the form carries a CSRF token");
    let mut form: Vec<(String, String)> = authorize_url.query_pairs().into_owned().collect();
    form.push(("csrf_token".into(), csrf));
    form.push(("username".into(), username.into()));
    form.push(("password".into(), "demo".into()));
    let mut post = authorize_url.clone();
    post.set_query(None);
    let answer = http
        .post(post)
        .header("cookie", cookie)
        .form(&form)
        .send()
        .await
        .expect("the login form posts");
    assert_eq!(answer.status(), 303, "a correct login redirects to the app");
    let location = answer
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("a Location header")
        .to_string();
    let back = http
        .get(location)
        .send()
        .await
        .expect("the redirect reaches the app");
    assert_eq!(back.status(), 200, "the app's loopback listener answers");
}

/// The store's owner for a demo citizen of the test server (`citizen-<username>`, as the
/// server's demo configuration names them): what the shell sets when that person logs in.
pub fn owner(username: &str) -> store::Owner {
    store::Owner::Account(format!("citizen-{username}"))
}

/// The person `username` uses the app: what is queued from now on is theirs, and only theirs
/// is sent (the shell does this at login).
pub fn use_as(store: &Store, username: &str) {
    store
        .set_owner(&owner(username))
        .expect("the owner is kept");
}

/// Logs `username` in on `session` through the whole browser flow.
pub async fn login(session: &Session, username: &str) -> sync::Account {
    let pending = session.begin_login().await.expect("a login starts");
    let url = pending.authorize_url().clone();
    let username = username.to_string();
    let browser = tokio::spawn(async move { drive_browser(&url, &username).await });
    let account = session
        .finish_login(pending, Duration::from_secs(60))
        .await
        .expect("the login finishes");
    browser.await.expect("the browser stand-in ran");
    account
}

/// A quick retry policy for tests (the machine may be loaded: nothing here is a timing assert).
/// The test's clock: the system time (the shell passes its own, see `src-tauri/src/clock.rs`).
/// The server's clock (which tests move forward): a device whose clock agrees with it.
pub fn server_clock(server: &TestServer) -> sync::Clock {
    let state = server.state.clone();
    Arc::new(move || state.backend().now())
}

pub fn system_clock() -> sync::Clock {
    Arc::new(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0)
    })
}

pub fn fast_config() -> sync::WorkerConfig {
    sync::WorkerConfig {
        policy: sync::plan::Policy {
            base: Duration::from_millis(20),
            cap: Duration::from_millis(500),
            concurrency: 4,
            idle: Duration::from_secs(1),
            floor: Duration::from_millis(10),
            probe_base: Duration::from_millis(50),
            probe_cap: Duration::from_millis(500),
        },
        chunk_size: 16 * 1024,
        poll_interval: Duration::from_secs(2),
    }
}

/// Collects events in the background.
pub fn event_log(mut events: mpsc::UnboundedReceiver<SyncEvent>) -> Arc<Mutex<Vec<SyncEvent>>> {
    let log = Arc::new(Mutex::new(Vec::new()));
    let keep = log.clone();
    tokio::spawn(async move {
        while let Some(event) = events.recv().await {
            if let Ok(mut log) = keep.lock() {
                log.push(event);
            }
        }
    });
    log
}

/// Waits (polling the store, at most `limit`) until no outbox row is pending or sending.
pub async fn until_flushed(store: &Arc<Mutex<Store>>, limit: Duration) -> Result<(), String> {
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let open = {
            let store = store.lock().map_err(|_| "store lock")?;
            store
                .outbox_entries()
                .map_err(|e| e.to_string())?
                .iter()
                .filter(|e| {
                    matches!(
                        e.state,
                        store::OutboxState::Pending | store::OutboxState::Sending
                    )
                })
                .count()
        };
        if open == 0 {
            return Ok(());
        }
        if tokio::time::Instant::now() > deadline {
            return Err(format!("{open} submissions still open after {limit:?}"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub fn temp_store_path(dir: &Path) -> PathBuf {
    dir.join("app.db")
}

/// The refresh token in a file: the keychain stand-in shared by a test and the worker
/// processes it starts and kills (a test-only place; the app never writes a token to a file).
pub struct FileCredentials(pub PathBuf);

impl sync::Credentials for FileCredentials {
    fn load(&self) -> Result<Option<keychain::Secret>, keychain::KeychainError> {
        match std::fs::read_to_string(&self.0) {
            Ok(text) if !text.is_empty() => Ok(Some(keychain::Secret::new(text))),
            Ok(_) => Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(keychain::KeychainError::Failed {
                detail: e.to_string(),
            }),
        }
    }
    fn save(&self, refresh_token: &keychain::Secret) -> Result<(), keychain::KeychainError> {
        let fail = |e: std::io::Error| keychain::KeychainError::Failed {
            detail: e.to_string(),
        };
        let temporary = self.0.with_extension("tmp");
        std::fs::write(&temporary, refresh_token.expose()).map_err(fail)?;
        std::fs::rename(&temporary, &self.0).map_err(fail)
    }
    fn clear(&self) -> Result<(), keychain::KeychainError> {
        match std::fs::remove_file(&self.0) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(keychain::KeychainError::Failed {
                    detail: e.to_string(),
                })
            }
            _ => Ok(()),
        }
    }
}

/// What a receipt says (its payload, unverified: the signature is checked in receipts.rs;
/// here the server may have restarted with new keys since it signed).
pub fn receipt_claims(token: &str) -> jose::Receipt {
    use base64::Engine;
    let payload = token.split('.').nth(1).expect("a JWS");
    let json = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .expect("base64url");
    serde_json::from_slice(&json).expect("a receipt")
}

/// The plain attachments' ids and hashes a receipt names, in its order.
pub fn received_attachments(submission: &state_api::wire::Submission) -> Vec<(String, String)> {
    receipt_claims(submission.receipt.as_deref().expect("a signed receipt"))
        .attachments
        .into_iter()
        .map(|a| (a.id, a.sha512))
        .collect()
}
