//! Server configuration: what the binary reads from its flags and tests build in code.
//!
//! Every field except the data directory and the catalog has a default, so
//! `Config { data_dir, catalog, ..Config::default() }` is enough. This module never does IO.

use std::path::PathBuf;
use std::time::Duration;

/// A demo citizen who can log in on the login page (the reference server plays the
/// BundID broker; these are not real people).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoCitizen {
    /// The stable subject (`sub`) the tokens carry; submissions and messages belong to it.
    pub subject: String,
    pub username: String,
    pub password: String,
    pub display_name: String,
    /// BundID trust level: `basic`, `substantial` or `high`.
    pub trust_level: String,
}

impl DemoCitizen {
    fn demo(subject: &str, username: &str, display_name: &str, trust_level: &str) -> Self {
        DemoCitizen {
            subject: subject.to_string(),
            username: username.to_string(),
            password: "demo".to_string(),
            display_name: display_name.to_string(),
            trust_level: trust_level.to_string(),
        }
    }

    /// The accounts shown on the login page of a default server.
    pub fn defaults() -> Vec<DemoCitizen> {
        vec![
            DemoCitizen::demo("citizen-anna", "anna", "Anna Beispiel", "substantial"),
            DemoCitizen::demo("citizen-ben", "ben", "Ben Muster", "basic"),
            DemoCitizen::demo("citizen-clara", "clara", "Clara Probe", "high"),
        ]
    }
}

/// An OAuth client the server accepts (public clients only: the app uses PKCE, no secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthClient {
    pub client_id: String,
    /// The redirect URIs registered for the client, matched as RFC 8252 section 7 says.
    pub redirect_uris: Vec<RedirectUri>,
}

impl OAuthClient {
    /// The app itself: loopback redirects to `/callback` on any port, and its private-use URI.
    pub fn app() -> Self {
        OAuthClient {
            client_id: "thueringen-app".to_string(),
            redirect_uris: vec![
                RedirectUri::Loopback {
                    path: "/callback".to_string(),
                },
                RedirectUri::Exact("de.thueringen.app:/callback".to_string()),
            ],
        }
    }
}

/// A registered redirect URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RedirectUri {
    /// RFC 8252 section 7.3: `http` on the loopback address `127.0.0.1` or `[::1]`, any port,
    /// exactly this path, no user info, query or fragment.
    Loopback { path: String },
    /// Matched character for character (RFC 8252 section 7.1, a private-use URI scheme).
    Exact(String),
}

impl RedirectUri {
    /// Does `candidate` match this registration? A loopback URI must be in the canonical
    /// form a URL parser gives back (so `127.1`, `%63`, backslashes and other spellings a browser would
    /// read differently are refused, not normalised).
    pub fn matches(&self, candidate: &str) -> bool {
        match self {
            RedirectUri::Exact(uri) => uri == candidate,
            RedirectUri::Loopback { path } => {
                let Ok(url) = url::Url::parse(candidate) else {
                    return false;
                };
                let loopback = match url.host() {
                    Some(url::Host::Ipv4(ip)) => ip == std::net::Ipv4Addr::LOCALHOST,
                    Some(url::Host::Ipv6(ip)) => ip == std::net::Ipv6Addr::LOCALHOST,
                    _ => false,
                };
                url.as_str() == candidate
                    && url.scheme() == "http"
                    && loopback
                    && url.username().is_empty()
                    && url.password().is_none()
                    && url.port().is_some()
                    && url.path() == path
                    && url.query().is_none()
                    && url.fragment().is_none()
            }
        }
    }
}

/// Limits against abuse and mistakes.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Largest JSON request body.
    pub max_json_body: usize,
    /// Largest single upload chunk (one PATCH).
    pub max_chunk: usize,
    /// Largest body of a reply or of a back office's message, which carry their documents.
    pub max_reply_body: usize,
    /// Largest attachment.
    pub max_attachment: u64,
    /// Most attachments one submission may announce.
    pub max_attachments: usize,
    /// Media types accepted for attachments.
    pub attachment_media_types: Vec<String>,
    /// Most submissions one citizen may create per day (the citizen's day, Europe/Berlin).
    pub submissions_per_day: u64,
    /// Most attachment bytes the server holds for one citizen's uploads in progress (announced
    /// sizes of the submissions neither submitted nor expired). Submitted applications are
    /// the authority's; their number is bounded by `submissions_per_day`.
    pub attachment_bytes_per_citizen: u64,
    /// Requests per second per client (bearer subject or peer address); `None` = no limit.
    pub rate_per_second: Option<f64>,
    /// Burst size of the rate limit.
    pub rate_burst: f64,
    /// How long a client may take to send its request headers.
    pub header_read_timeout: Duration,
    /// How long one request (including reading its body) may take.
    pub request_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_json_body: 1024 * 1024,
            max_chunk: 4 * 1024 * 1024,
            // Three documents of 5 MB, base64 inside a JWE (about 1.8 times the bytes).
            max_reply_body: 32 * 1024 * 1024,
            max_attachment: 20 * 1024 * 1024,
            max_attachments: 20,
            attachment_media_types: vec![
                "application/pdf".to_string(),
                "image/jpeg".to_string(),
                "image/png".to_string(),
                "application/xml".to_string(),
                "application/json".to_string(),
                "text/plain".to_string(),
            ],
            submissions_per_day: 50,
            attachment_bytes_per_citizen: 500 * 1024 * 1024,
            rate_per_second: Some(50.0),
            rate_burst: 200.0,
            header_read_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(60),
        }
    }
}

/// Refusing a guesser: after `max_failures` failed attempts for one key (a username, the back
/// office) within `window`, that key is refused for `duration`, whoever tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lockout {
    pub max_failures: u32,
    pub window: Duration,
    pub duration: Duration,
}

impl Default for Lockout {
    fn default() -> Self {
        Lockout {
            max_failures: 5,
            window: Duration::from_secs(15 * 60),
            duration: Duration::from_secs(15 * 60),
        }
    }
}

/// The key of the login form's CSRF tokens (32 bytes). Instances behind one address share it,
/// or a form shown by one is refused when posted to another. Its `Debug` shows nothing of it.
#[derive(Clone, PartialEq, Eq)]
pub struct LoginFormKey(pub [u8; 32]);

impl std::fmt::Debug for LoginFormKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LoginFormKey(..)")
    }
}

/// The private key ID tokens are signed with: PKCS#8 DER of a P-256 key. Its `Debug` shows
/// nothing of it.
#[derive(Clone, PartialEq, Eq)]
pub struct IdTokenKey(pub Vec<u8>);

impl std::fmt::Debug for IdTokenKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IdTokenKey(..)")
    }
}

/// The trust anchor's private key (PKCS #8 DER of an RSA key). Its `Debug` shows nothing of it.
#[derive(Clone, PartialEq, Eq)]
pub struct TrustAnchorKey(pub Vec<u8>);

impl std::fmt::Debug for TrustAnchorKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TrustAnchorKey(..)")
    }
}

/// Who opens and decides on what citizens sealed for an authority (FIT-Connect's
/// "subscriber").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum SubscriberMode {
    /// The reference authority in this process: it opens the data, the metadata and the
    /// attachments with the destination's key at submit, so a refusal is the submit's 422.
    #[default]
    InProcess,
    /// A program of its own (`state-api subscriber`): a submit is stored as it came after a
    /// check of its form and key ids and stays SUBMITTED; the authority fetches the
    /// ciphertext from the back office, opens and checks it, and posts its signed decision,
    /// which the state API records only when it verifies under the destination's key set.
    /// Needs the destinations' key directory (`destination_keys_dir`), shared with it.
    External,
}

/// Everything the server needs to run. Its `Debug` names the settings but never the back
/// office token, the ID token key or a citizen's password, so a config may be logged.
#[derive(Clone)]
pub struct Config {
    /// Where the SQLite database lives (created if missing), unless `postgres` is set.
    pub data_dir: PathBuf,
    /// A shared PostgreSQL database instead of the embedded SQLite one: several instances of
    /// the server may run on it at once (their idempotency claims, rate limits and lockouts
    /// are kept in it too). Its `Debug` never shows the URL (it holds a password).
    pub postgres: Option<crate::storage::PostgresOptions>,
    /// The login form's key; `None`: one made at start (one instance only).
    pub login_form_key: Option<LoginFormKey>,
    /// The catalog served at `/v1/catalog`.
    pub catalog: domain::Catalog,
    /// Form definitions served at `/v1/forms/{id}/{version}` and used to validate submitted
    /// data. Default: the forms the app ships (`catalog_seed::shipped_forms`): the showcase
    /// forms of `domain::form::showcase` and the forms imported from the XDatenfelder messages
    /// of `data/xdf` ([`imported_forms`]).
    pub forms: Vec<domain::form::FormDefinition>,
    /// How long an unfinished (never submitted) submission lives.
    pub submission_ttl: Duration,
    /// How often expired submissions and handovers are swept.
    pub sweep_interval: Duration,
    /// How long a handover (#14) waits for its pickup; then its content is dropped.
    pub handover_ttl: Duration,
    /// Largest handover content (ciphertext) one `PUT /v1/handovers/{mailbox}` may carry.
    pub handover_max_bytes: usize,
    /// Most bytes the handovers still waiting may hold together: anyone may leave one without
    /// a login, so this bounds the disk they can fill (beyond it: 503, until some are picked
    /// up or expire). On PostgreSQL, uploads finishing at the same instant may each pass it.
    pub handover_held_bytes: u64,
    /// When true, a submitted submission is at once marked RECEIVED (as an automatic relay).
    /// Only for the in-process authority: an external one decides itself.
    pub auto_receive: bool,
    /// Where the receiving authorities open, check and decide on sealed submissions: in this
    /// process at submit time (the default), or in a program of their own
    /// ([`SubscriberMode::External`], `state-api subscriber`) through the back office.
    pub subscriber: SubscriberMode,
    /// The public base URL, used in the OpenID configuration (e.g. `http://127.0.0.1:8787`).
    /// `None`: derived from the request's `Host` header.
    pub public_url: Option<String>,
    pub citizens: Vec<DemoCitizen>,
    /// Demo mode: the login page lists the demo citizens with their passwords. Off by default,
    /// so a server started without `--demo` never shows a credential.
    pub demo: bool,
    pub clients: Vec<OAuthClient>,
    /// The ES256 key of the ID tokens; `None`: a key made at start (demo and test servers:
    /// its public half changes with every start).
    pub id_token_key: Option<IdTokenKey>,
    /// The key that signs the destinations' published key sets (the state's PKI; its public
    /// half is built into the app). `None`: a key made at start (demo and test servers: give
    /// the app its public half, see `state-api trust-anchor`).
    pub trust_anchor_key: Option<TrustAnchorKey>,
    /// Size of the destinations' signing keys made on first use (FIT-Connect: 4096; tests
    /// use 2048, which is made in a fraction of the time).
    pub destination_key_bits: usize,
    /// Where the destinations' private keys are kept (never in the data directory's
    /// database); `None`: in memory only, made anew at each start.
    pub destination_keys_dir: Option<PathBuf>,
    /// Failed passwords per username (existing or not) before that username is locked out.
    pub login_lockout: Lockout,
    /// How long a login page's form (its CSRF token) stays good.
    pub login_form_ttl: Duration,
    /// Bearer credential of the back office (`/admin/v1/...`, served only on its own listener,
    /// see [`crate::serve_back_office_with_shutdown`]); at least 32 characters. `None` disables
    /// those endpoints.
    pub admin_token: Option<String>,
    /// Failed back office authentications per peer address before that address is locked out.
    pub admin_lockout: Lockout,
    pub access_token_ttl: Duration,
    pub refresh_token_ttl: Duration,
    /// How long a used refresh token may be used once more (a client retrying after the answer
    /// was lost) before a reuse counts as theft and revokes the login.
    pub refresh_reuse_grace: Duration,
    pub limits: Limits,
    /// Durable commits (`synchronous=FULL`): survive power loss, not only a killed process.
    pub sync_full: bool,
    /// SQLite: the writes queued during a COMMIT share the next one (on by default; off only
    /// to measure what it brings).
    pub group_commit: bool,
    /// Test hook: how long creating a submission holds its Idempotency-Key before it
    /// answers, so tests can observe the 409 of a concurrent retry. Zero in production.
    pub debug_create_delay: Duration,
    /// Test hook: the instant (Unix milliseconds) the server's clock reads when it starts; it
    /// runs on from there. Only debug builds honour it: a release build refuses to start with
    /// one, so a production server always runs on the real clock.
    pub fake_now: Option<i64>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("data_dir", &self.data_dir)
            .field("postgres", &self.postgres.as_ref().map(|_| "set"))
            .field(
                "login_form_key",
                &self.login_form_key.as_ref().map(|_| "set"),
            )
            .field("services", &self.catalog.services.len())
            .field("forms", &self.forms.len())
            .field("submission_ttl", &self.submission_ttl)
            .field("handover_ttl", &self.handover_ttl)
            .field("handover_max_bytes", &self.handover_max_bytes)
            .field("handover_held_bytes", &self.handover_held_bytes)
            .field("auto_receive", &self.auto_receive)
            .field("subscriber", &self.subscriber)
            .field("public_url", &self.public_url)
            .field("citizens", &self.citizens.len())
            .field("demo", &self.demo)
            .field("clients", &self.clients.len())
            .field("id_token_key", &self.id_token_key.as_ref().map(|_| "set"))
            .field(
                "trust_anchor_key",
                &self.trust_anchor_key.as_ref().map(|_| "set"),
            )
            .field("destination_keys_dir", &self.destination_keys_dir)
            .field("admin_token", &self.admin_token.as_ref().map(|_| "set"))
            .field("limits", &self.limits)
            .field("sync_full", &self.sync_full)
            .field("fake_now", &self.fake_now)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// The size of a destination's keys: FIT-Connect's 4096 bits.
    pub const DESTINATION_KEY_BITS: usize = 4096;

    /// A configuration with every default and the given data directory and catalog.
    pub fn new(data_dir: impl Into<PathBuf>, catalog: domain::Catalog) -> Self {
        Config {
            data_dir: data_dir.into(),
            catalog,
            ..Config::default()
        }
    }
}

impl Default for Config {
    /// Every default; `data_dir` is empty and must be set before serving.
    fn default() -> Self {
        Config {
            data_dir: PathBuf::new(),
            postgres: None,
            login_form_key: None,
            catalog: domain::Catalog::default(),
            forms: catalog_seed::shipped_forms().to_vec(),
            submission_ttl: Duration::from_secs(24 * 60 * 60),
            sweep_interval: Duration::from_secs(60),
            handover_ttl: Duration::from_secs(24 * 60 * 60),
            handover_max_bytes: 32 * 1024 * 1024,
            handover_held_bytes: 2 * 1024 * 1024 * 1024,
            auto_receive: true,
            subscriber: SubscriberMode::InProcess,
            public_url: None,
            citizens: DemoCitizen::defaults(),
            demo: false,
            clients: vec![OAuthClient::app()],
            id_token_key: None,
            trust_anchor_key: None,
            destination_key_bits: Config::DESTINATION_KEY_BITS,
            destination_keys_dir: None,
            login_lockout: Lockout::default(),
            login_form_ttl: Duration::from_secs(30 * 60),
            admin_token: None,
            admin_lockout: Lockout {
                max_failures: 10,
                ..Lockout::default()
            },
            access_token_ttl: Duration::from_secs(15 * 60),
            refresh_token_ttl: Duration::from_secs(90 * 24 * 60 * 60),
            refresh_reuse_grace: Duration::from_secs(60),
            limits: Limits::default(),
            sync_full: false,
            group_commit: true,
            debug_create_delay: Duration::ZERO,
            fake_now: None,
        }
    }
}

/// The showcase form definitions shipped with the domain crate (a definition that does not
/// parse is left out; a test checks that none is).
pub fn showcase_forms() -> Vec<domain::form::FormDefinition> {
    domain::form::showcase_definitions()
        .into_iter()
        .filter_map(|(_, json)| serde_json::from_str(json).ok())
        .collect()
}

/// The forms imported from the XDatenfelder messages shipped in `data/xdf` (embedded at
/// compile time by `xdatenfelder::shipped`, imported through the importer when the server
/// starts, so the XML stays the one source; a message that does not import is left out, a
/// test checks that none is). Their ids are the schemas' FIM ids (`S…`).
pub fn imported_forms() -> Vec<domain::form::FormDefinition> {
    xdatenfelder::shipped::imports()
        .into_iter()
        .filter_map(|(_, result)| result.ok())
        .map(|import| import.definition)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn debug_output_names_no_secret() {
        let mut config = super::Config::new("data", domain::Catalog::default());
        let token = "a-back-office-token-of-at-least-32-characters";
        config.admin_token = Some(token.into());
        let shown = format!("{config:?}");
        assert!(
            !shown.contains(token),
            "the back office token is not shown: {shown}"
        );
        assert!(shown.contains("admin_token: Some(\"set\")"), "{shown}");
        for citizen in &config.citizens {
            assert!(
                !shown.contains(&citizen.username),
                "no citizen is listed: {shown}"
            );
        }
    }

    use super::{OAuthClient, RedirectUri};

    fn accepted(uri: &str) -> bool {
        OAuthClient::app()
            .redirect_uris
            .iter()
            .any(|r| r.matches(uri))
    }

    #[test]
    fn loopback_redirects_on_any_port_and_the_private_use_uri_are_accepted() {
        for uri in [
            "http://127.0.0.1:49152/callback",
            "http://127.0.0.1:9/callback",
            "http://[::1]:49152/callback",
            "de.thueringen.app:/callback",
        ] {
            assert!(accepted(uri), "{uri} is a registered redirect");
        }
    }

    #[test]
    fn redirects_that_would_send_the_code_elsewhere_are_refused() {
        for uri in [
            // User info: the browser goes to evil.example.
            "http://127.0.0.1:1@evil.example/callback",
            "http://127.0.0.1:1@evil.example/cb",
            "http://127.0.0.1:80@127.0.0.1:81/callback",
            // Another host that starts like a loopback address.
            "http://127.0.0.1.evil.example:80/callback",
            "http://127.0.0.1:8080.evil.example/callback",
            "http://localhost:49152/callback",
            "http://127.0.0.2:49152/callback",
            "http://[::2]:49152/callback",
            // Other spellings of the loopback address, schemes, paths, queries, fragments.
            "http://127.1:49152/callback",
            "http://2130706433:49152/callback",
            "https://127.0.0.1:49152/callback",
            "http://127.0.0.1/callback",
            "http://127.0.0.1:49152/callback/",
            "http://127.0.0.1:49152/callbackx",
            "http://127.0.0.1:49152/x/../callback",
            "http://127.0.0.1:49152/%63allback",
            "http://127.0.0.1:49152\\callback",
            "http://127.0.0.1:49152/callback?next=https://evil.example",
            "http://127.0.0.1:49152/callback#x",
            "HTTP://127.0.0.1:49152/callback",
            // The private-use URI only exactly.
            "de.thueringen.app:/callback/../x",
            "de.thueringen.app:/callbackx",
            "de.thueringen.app://evil.example/callback",
            "",
            "not a uri",
        ] {
            assert!(!accepted(uri), "{uri:?} is refused");
        }
        assert!(!RedirectUri::Exact("a:/b".into()).matches("a:/b/"));
    }

    #[test]
    fn every_showcase_form_is_served_by_default() {
        assert_eq!(
            super::showcase_forms().len(),
            domain::form::showcase_definitions().len(),
            "every showcase definition parses"
        );
    }

    #[test]
    fn every_shipped_xdatenfelder_message_is_served_by_default() {
        let imported = super::imported_forms();
        assert_eq!(
            imported.len(),
            xdatenfelder::shipped::MESSAGES.len(),
            "every message in data/xdf imports"
        );
        let served = super::Config::default().forms;
        for form in &imported {
            assert!(served.contains(form), "{} is served", form.id);
        }
    }
}
