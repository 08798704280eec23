//! Test harness: the real server on `127.0.0.1:0`, a tiny catalog, and HTTP helpers.
#![allow(dead_code)]

pub mod external;

use std::time::Duration;

use sha2::{Digest, Sha256, Sha512};

use domain::{Authority, AuthorityKind, Catalog, Localized, ResponsibleLevel, Service};
use state_api::{AppState, Config};

pub const PARKING: &str = "99108001001000";
pub const ERFURT: &str = "16051000";

/// A catalog with one service and two authorities, enough for every test. The service names
/// no form, so the protocol tests send free data; tests of form rules give it one with
/// [`serve_form`].
pub fn tiny_catalog() -> Catalog {
    Catalog {
        version: "test-1".into(),
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
            form_id: None,
            keywords: vec![],
            fee_schedule: vec![],
        }],
        authorities: vec![
            Authority {
                id: "erfurt".into(),
                name: Localized::de("Stadtverwaltung Erfurt"),
                kind: AuthorityKind::CityAdministration,
                level: ResponsibleLevel::Municipality,
                area_key: ERFURT.into(),
                address: None,
                phone: None,
                opening_hours: None,
            },
            Authority {
                id: "tlvwa".into(),
                name: Localized::de("Landesverwaltungsamt"),
                kind: AuthorityKind::StateOffice,
                level: ResponsibleLevel::Land,
                area_key: "16".into(),
                address: None,
                phone: None,
                opening_hours: None,
            },
        ],
        ..Catalog::default()
    }
}

/// Makes `definition` the parking service's form: served, announced in the catalog at its
/// version, and named by the service's catalog entry.
pub fn serve_form(config: &mut Config, definition: domain::form::FormDefinition) {
    let (id, version) = (definition.id.clone(), definition.version.clone());
    for service in &mut config.catalog.services {
        if service.leika_key == PARKING {
            service.form_id = Some(id.clone());
        }
    }
    config.catalog.forms.retain(|f| f.id != id);
    config
        .catalog
        .forms
        .push(domain::FormVersion { id, version });
    if !config.forms.contains(&definition) {
        config.forms.push(definition);
    }
}

/// The back office credential of test servers (the server wants at least 32 characters).
pub const ADMIN_TOKEN: &str = "test-back-office-token-0123456789abcdef";

/// A running server with its back office on a listener of its own; dropping it stops both.
pub struct TestServer {
    pub base: String,
    /// Where the back office listens.
    pub admin_base: String,
    pub state: AppState,
    pub http: reqwest::Client,
    /// The plain attachments of the submissions made with [`TestServer::create_sealed`], by
    /// id: their submits carry the metadata that names them.
    sealed:
        std::sync::Mutex<std::collections::HashMap<String, Vec<domain::metadata::PlainAttachment>>>,
    _dir: tempfile::TempDir,
    task: tokio::task::JoinHandle<()>,
    admin_task: tokio::task::JoinHandle<()>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
        self.admin_task.abort();
    }
}

/// The database the test servers run on: SQLite in their data directory, or, with
/// `THUERINGEN_STATE_API_BACKEND=postgres`, PostgreSQL at `THUERINGEN_POSTGRES_URL` in a
/// schema of each server's own (scripts/test.sh runs the whole suite once on each).
pub fn use_test_backend(config: &mut Config) {
    if std::env::var("THUERINGEN_STATE_API_BACKEND").as_deref() != Ok("postgres") {
        return;
    }
    let url = std::env::var("THUERINGEN_POSTGRES_URL")
        .expect("THUERINGEN_STATE_API_BACKEND=postgres needs THUERINGEN_POSTGRES_URL");
    config.postgres = Some(postgres_options(&url, &fresh_schema()));
}

pub fn postgres_options(url: &str, schema: &str) -> state_api::storage::PostgresOptions {
    state_api::storage::PostgresOptions {
        url: url.to_string(),
        schema: Some(schema.to_string()),
        pool_size: 4,
    }
}

/// A fresh schema name for one test server's tables.
pub fn fresh_schema() -> String {
    format!("t_{}", uuid::Uuid::new_v4().simple())
}

/// The shared PostgreSQL database of the scaled-out tests, or `None` (the test is skipped,
/// unless THUERINGEN_REQUIRE_POSTGRES=1, which fails it).
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

impl TestServer {
    pub async fn start() -> TestServer {
        TestServer::start_with(|_| {}).await
    }

    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> TestServer {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut config = Config::new(dir.path().join("data"), tiny_catalog());
        config.admin_token = Some(ADMIN_TOKEN.into());
        config.destination_key_bits = 2048;
        use_test_backend(&mut config);
        adjust(&mut config);
        TestServer::serve(config, dir).await
    }

    /// `count` instances of the server on one PostgreSQL schema, as a scaled-out deployment
    /// runs them: the same keys (ID tokens, login form, destinations' key directory), each
    /// with its own process state. Dropping them stops them.
    pub async fn instances(url: &str, count: usize, adjust: fn(&mut Config)) -> Vec<TestServer> {
        let schema = fresh_schema();
        let keys = tempfile::tempdir().expect("a temporary directory");
        let id_token_key = state_api::service::id_token::generate_key().expect("an ID token key");
        let login_form_key = state_api::LoginFormKey(rand::random());
        let mut servers = Vec::with_capacity(count);
        for _ in 0..count {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let mut config = Config::new(dir.path().join("data"), tiny_catalog());
            config.admin_token = Some(ADMIN_TOKEN.into());
            config.destination_key_bits = 2048;
            config.destination_keys_dir = Some(keys.path().join("destination-keys"));
            config.id_token_key = Some(state_api::IdTokenKey(id_token_key.clone()));
            config.login_form_key = Some(login_form_key.clone());
            config.postgres = Some(postgres_options(url, &schema));
            adjust(&mut config);
            servers.push(TestServer::serve(config, dir).await);
        }
        // The shared key directory lives as long as the test process.
        std::mem::forget(keys);
        servers
    }

    /// Serves `config` (its data directory in `dir`, kept while the server lives).
    pub async fn serve(config: Config, dir: tempfile::TempDir) -> TestServer {
        let state = AppState::new(config).expect("the server state opens");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let base = format!("http://{}", listener.local_addr().expect("a local address"));
        let serving = state.clone();
        let task = tokio::spawn(async move {
            let _ = state_api::serve_with_shutdown(listener, serving, std::future::pending()).await;
        });
        let office = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let admin_base = format!("http://{}", office.local_addr().expect("a local address"));
        let serving = state.clone();
        let admin_task = tokio::spawn(async move {
            let _ =
                state_api::serve_back_office_with_shutdown(office, serving, std::future::pending())
                    .await;
        });
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(20))
            .build()
            .expect("an HTTP client");
        TestServer {
            base,
            admin_base,
            state,
            http,
            sealed: Default::default(),
            _dir: dir,
            task,
            admin_task,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A URL on the back office's listener.
    pub fn admin_url(&self, path: &str) -> String {
        format!("{}{}", self.admin_base, path)
    }
}

/// Tokens of a logged-in citizen.
#[derive(Debug, Clone)]
pub struct Tokens {
    pub access: String,
    pub refresh: String,
}

pub const REDIRECT: &str = "http://127.0.0.1:9/callback";
pub const VERIFIER: &str = "a-pkce-code-verifier-that-is-long-enough-0123456789";

pub fn challenge(verifier: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

pub fn sha512_hex(data: &[u8]) -> String {
    hex::encode(Sha512::digest(data))
}

/// The authorize request's parameters (the query of the login page).
pub fn authorize_params() -> Vec<(&'static str, String)> {
    vec![
        ("response_type", "code".into()),
        ("client_id", "thueringen-app".into()),
        ("redirect_uri", REDIRECT.into()),
        ("code_challenge", challenge(VERIFIER)),
        ("code_challenge_method", "S256".into()),
        ("state", "xyz".into()),
        ("scope", "openid".into()),
    ]
}

/// What a browser holds after opening the login page: the form's CSRF token and the login
/// cookie (`name=value`).
#[derive(Debug, Clone)]
pub struct LoginPage {
    pub csrf_token: String,
    pub cookie: String,
}

/// Opens the login page like a browser: its CSRF token and the cookie it sets.
pub async fn open_login_page(http: &reqwest::Client, base: &str) -> LoginPage {
    let page = http
        .get(format!("{base}/oauth/authorize"))
        .query(&authorize_params())
        .send()
        .await
        .expect("the login page opens");
    assert_eq!(page.status(), 200, "the login page is shown");
    let cookie = page
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("the page sets the login cookie")
        .to_string();
    let html = page.text().await.expect("HTML");
    LoginPage {
        csrf_token: csrf_token_of(&html).expect("the form carries a CSRF token"),
        cookie,
    }
}

/// The `csrf_token` hidden field's value in a login page.
pub fn csrf_token_of(html: &str) -> Option<String> {
    let start = html.find(r#"name="csrf_token" value=""#)? + r#"name="csrf_token" value=""#.len();
    let rest = html.get(start..)?;
    Some(rest.get(..rest.find('"')?)?.to_string())
}

/// Posts the login form of `page` with these credentials.
pub async fn post_login_on(
    http: &reqwest::Client,
    base: &str,
    page: &LoginPage,
    username: &str,
    password: &str,
) -> reqwest::Response {
    let mut form = authorize_params();
    form.push(("csrf_token", page.csrf_token.clone()));
    form.push(("username", username.into()));
    form.push(("password", password.into()));
    http.post(format!("{base}/oauth/authorize"))
        .header("cookie", &page.cookie)
        .form(&form)
        .send()
        .await
        .expect("login form posts")
}

/// Opens the login page and posts it with these credentials, as a person does.
pub async fn post_login(
    http: &reqwest::Client,
    base: &str,
    username: &str,
    password: &str,
) -> reqwest::Response {
    let page = open_login_page(http, base).await;
    post_login_on(http, base, &page, username, password).await
}

/// The code from a login (the 303 redirect's Location).
pub async fn login_code(http: &reqwest::Client, base: &str, username: &str) -> String {
    let response = post_login(http, base, username, "demo").await;
    assert_eq!(response.status(), 303, "a correct login redirects");
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("a Location header")
        .to_string();
    assert!(
        location.starts_with(REDIRECT),
        "back to the client: {location}"
    );
    assert!(
        location.contains("state=xyz"),
        "the state comes back: {location}"
    );
    location
        .split(['?', '&'])
        .find_map(|part| part.strip_prefix("code="))
        .expect("a code in the redirect")
        .to_string()
}

/// Logs a demo citizen in through the whole authorization code + PKCE flow.
pub async fn login_at(http: &reqwest::Client, base: &str, username: &str) -> Tokens {
    let code = login_code(http, base, username).await;
    let response = http
        .post(format!("{base}/oauth/token"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT),
            ("client_id", "thueringen-app"),
            ("code_verifier", VERIFIER),
        ])
        .send()
        .await
        .expect("token request");
    assert_eq!(response.status(), 200, "the code is exchanged for tokens");
    let body: serde_json::Value = response.json().await.expect("token JSON");
    Tokens {
        access: body["access_token"]
            .as_str()
            .expect("an access token")
            .to_string(),
        refresh: body["refresh_token"]
            .as_str()
            .expect("a refresh token")
            .to_string(),
    }
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A create body announcing the given attachments (id, bytes) in plain: for a submission
/// without a place (so without an authority, which would need them encrypted; see
/// [`TestServer::create_sealed`]). Without attachments it is for Erfurt.
pub fn create_body(attachments: &[(&str, &[u8])]) -> serde_json::Value {
    let announced: Vec<serde_json::Value> = attachments
        .iter()
        .map(|(id, bytes)| {
            serde_json::json!({
                "attachmentId": id,
                "filename": "nachweis.pdf",
                "mediaType": "application/pdf",
                "size": bytes.len(),
                "sha512": sha512_hex(bytes),
            })
        })
        .collect();
    if attachments.is_empty() {
        return serde_json::json!({ "serviceKey": PARKING, "ars": ERFURT });
    }
    serde_json::json!({
        "serviceKey": PARKING,
        "announcedAttachments": announced,
    })
}

impl TestServer {
    pub async fn login(&self, username: &str) -> Tokens {
        login_at(&self.http, &self.base, username).await
    }

    pub async fn create(
        &self,
        token: &str,
        key: &str,
        body: &serde_json::Value,
    ) -> reqwest::Response {
        self.http
            .post(self.url("/v1/submissions"))
            .bearer_auth(token)
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .await
            .expect("create request")
    }

    pub async fn upload(
        &self,
        token: &str,
        id: &str,
        attachment: &str,
        offset: u64,
        bytes: &[u8],
    ) -> reqwest::Response {
        self.http
            .patch(self.url(&format!("/v1/submissions/{id}/attachments/{attachment}")))
            .bearer_auth(token)
            .header("Upload-Offset", offset.to_string())
            .header("Content-Type", "application/offset+octet-stream")
            .body(bytes.to_vec())
            .send()
            .await
            .expect("upload request")
    }

    pub async fn submit(
        &self,
        token: &str,
        id: &str,
        data: &serde_json::Value,
    ) -> reqwest::Response {
        let body = self.submit_body(token, id, data).await;
        self.http
            .post(self.url(&format!("/v1/submissions/{id}/submit")))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .expect("submit request")
    }

    /// The body of a submit as the app makes it: for a submission that goes to an authority,
    /// the data encrypted to the key in that authority's key set (checked under the server's
    /// trust anchor), with its hash; plain data only without a destination (or for a
    /// submission this citizen cannot see, which the server refuses anyway).
    pub async fn submit_body(
        &self,
        token: &str,
        id: &str,
        data: &serde_json::Value,
    ) -> serde_json::Value {
        let own = self.get(token, &format!("/v1/submissions/{id}")).await;
        let own: serde_json::Value = match own.status().is_success() {
            true => own.json().await.expect("submission JSON"),
            false => serde_json::Value::Null,
        };
        let Some(destination) = own["authorityId"].as_str() else {
            return serde_json::json!({ "data": data });
        };
        let (plain, enc) = (
            domain::receipt::canonical_json(data),
            self.encryption_key(destination).await,
        );
        let data_sha512 = sha512_hex(plain.as_bytes());
        let mut body = serde_json::json!({
            "encryptedData": jose::encrypt(plain.as_bytes(), &enc, "application/json")
                .expect("encrypted"),
            "dataSha512": data_sha512,
        });
        let attachments = self.sealed.lock().expect("sealed").get(id).cloned();
        if let Some(attachments) = attachments {
            let metadata = domain::metadata::Metadata::new(
                &data_sha512,
                ("bewohnerparkausweis", "1"),
                Some(PARKING),
                &attachments,
            );
            let json = serde_json::to_vec(&metadata).expect("metadata JSON");
            body["encryptedMetadata"] =
                serde_json::json!(jose::encrypt(&json, &enc, "application/json").expect("sealed"));
        }
        body
    }

    /// Creates submission `id` for Erfurt with `attachments` (id, plain bytes) encrypted for
    /// Erfurt as the app does: each announced by the size and hash of its JWE, without name
    /// or media type (those go into the encrypted metadata of the submit). The create's
    /// answer and the bytes to upload for each attachment.
    pub async fn create_sealed(
        &self,
        token: &str,
        id: &str,
        attachments: &[(&str, &[u8])],
    ) -> (reqwest::Response, Vec<Vec<u8>>) {
        let enc = self.encryption_key("erfurt").await;
        let sealed: Vec<Vec<u8>> = attachments
            .iter()
            .map(|(_, bytes)| {
                jose::encrypt(bytes, &enc, "application/pdf")
                    .expect("sealed")
                    .into_bytes()
            })
            .collect();
        let announced: Vec<serde_json::Value> = attachments
            .iter()
            .zip(&sealed)
            .map(|((id, _), jwe)| {
                serde_json::json!({
                    "attachmentId": id,
                    "size": jwe.len(),
                    "sha512": sha512_hex(jwe),
                })
            })
            .collect();
        self.sealed.lock().expect("sealed").insert(
            id.to_string(),
            attachments
                .iter()
                .map(|(aid, bytes)| domain::metadata::PlainAttachment {
                    id: aid.to_string(),
                    filename: "nachweis.pdf".into(),
                    media_type: "application/pdf".into(),
                    sha512: sha512_hex(bytes),
                })
                .collect(),
        );
        let body = serde_json::json!({
            "serviceKey": PARKING,
            "ars": ERFURT,
            "destination": "erfurt",
            "announcedAttachments": announced,
        });
        (self.create(token, id, &body).await, sealed)
    }

    /// A destination's encryption key from its published key set, checked under the anchor.
    pub async fn encryption_key(&self, destination: &str) -> jose::RsaPublicJwk {
        let answer: serde_json::Value = self
            .http
            .get(self.url(&format!("/v1/destinations/{destination}/keys")))
            .send()
            .await
            .expect("key set request")
            .json()
            .await
            .expect("key set JSON");
        let anchor = self
            .state
            .backend()
            .destinations()
            .anchor()
            .expect("the anchor");
        let set = jose::verify_key_set(
            answer["keySet"].as_str().expect("keySet"),
            &[anchor],
            destination,
            self.state.backend().now() / 1000,
        )
        .expect("a key set under the anchor");
        set.keys
            .into_iter()
            .find(|k| k.usage == "enc")
            .expect("an encryption key")
    }

    pub async fn get(&self, token: &str, path: &str) -> reqwest::Response {
        self.http
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("GET request")
    }

    /// A change feed (`/v1/inbox`, `/v1/submissions?since=…`) once it lists at least
    /// `at_least` items, asked again for up to 10 s. A feed shows a row once no older
    /// transaction can still commit before it (on PostgreSQL: below the oldest transaction
    /// open in the cluster, which another test's may be), so a row committed a moment ago can
    /// come one poll later, as the app's next poll would find it.
    pub async fn feed(&self, token: &str, path: &str, at_least: usize) -> serde_json::Value {
        let mut page = serde_json::Value::Null;
        for _ in 0..200 {
            page = self
                .get(token, path)
                .await
                .json()
                .await
                .expect("a feed answers JSON");
            if page["items"]
                .as_array()
                .is_some_and(|items| items.len() >= at_least)
            {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        page
    }

    pub async fn admin_post(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.http
            .post(self.admin_url(path))
            .bearer_auth(ADMIN_TOKEN)
            .json(body)
            .send()
            .await
            .expect("admin request")
    }

    pub async fn admin_get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(self.admin_url(path))
            .bearer_auth(ADMIN_TOKEN)
            .send()
            .await
            .expect("admin request")
    }
}

/// A problem document's `code`, checking the media type.
pub async fn problem_code(response: reqwest::Response) -> (u16, String, serde_json::Value) {
    let status = response.status().as_u16();
    let media = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert_eq!(
        media, "application/problem+json",
        "refusals are RFC 9457 problems ({status})"
    );
    let body: serde_json::Value = response.json().await.expect("problem JSON");
    (
        status,
        body["code"].as_str().unwrap_or("").to_string(),
        body,
    )
}

/// Every byte under `dir` (the database, its WAL and anything else).
pub fn files_contain(dir: &std::path::Path, needle: &[u8]) -> Vec<String> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("readable dir").flatten() {
                stack.push(entry.path());
            }
        } else if let Ok(bytes) = std::fs::read(&path) {
            if bytes.windows(needle.len()).any(|w| w == needle) {
                hits.push(path.display().to_string());
            }
        }
    }
    hits
}
