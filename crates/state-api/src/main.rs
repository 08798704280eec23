//! The `state-api` binary: `state-api serve --listen 127.0.0.1:8787 --data-dir DIR`.
//!
//! Glue only: parse flags, set up logging, build a [`state_api::Config`], serve. It never logs
//! personal data.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "state-api",
    about = "ThüringenApp's reference state API server"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API.
    Serve {
        /// Address to listen on (loopback by default).
        #[arg(long, default_value = "127.0.0.1:8787")]
        listen: SocketAddr,
        /// Directory for the SQLite database.
        #[arg(long, default_value = "state-api-data")]
        data_dir: PathBuf,
        #[command(flatten)]
        database: DatabaseArgs,
        /// A file whose content (at least 32 bytes, e.g. from /dev/urandom) keys the login
        /// form's CSRF tokens. Instances behind one address need the same file, or a login
        /// form shown by one is refused by another. Without it a key is made at start.
        #[arg(long)]
        login_form_key_file: Option<PathBuf>,
        /// Serve the back office (/admin/v1) on this address, apart from the public API
        /// (e.g. 127.0.0.1:8788). Off unless given; needs a back office token.
        #[arg(long)]
        admin_listen: Option<SocketAddr>,
        /// A file holding the back office token (at least 32 characters; surrounding
        /// whitespace is ignored). Or set STATE_API_ADMIN_TOKEN. Never a command-line value:
        /// that would show in `ps`.
        #[arg(long)]
        admin_token_file: Option<PathBuf>,
        /// A PKCS#8 P-256 private key (PEM or DER) to sign ID tokens with, e.g. from
        /// `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`. Without it a key
        /// is made at start (fine for demos and tests; its public key changes with each start).
        #[arg(long)]
        id_token_key_file: Option<PathBuf>,
        /// The trust anchor's private key (PKCS #8 DER, see `state-api trust-anchor`), which
        /// signs the destinations' published keys. Without it a key is made at start and the
        /// app cannot check receipts unless it is given that key's public half.
        #[arg(long)]
        trust_anchor_key: Option<PathBuf>,
        /// Where the destinations' (authorities') private signing keys are kept, apart from
        /// the data directory. Without it they are made anew at each start.
        #[arg(long)]
        destination_keys: Option<PathBuf>,
        /// Seconds an unfinished submission lives.
        #[arg(long, default_value_t = 24 * 60 * 60)]
        submission_ttl_secs: u64,
        /// Requests per second per client; 0 turns the rate limit off.
        #[arg(long, default_value_t = 50.0)]
        rate: f64,
        /// Submissions one citizen may create per day (Berlin); a load test raises it.
        #[arg(long, default_value_t = state_api::Limits::default().submissions_per_day)]
        submissions_per_day: u64,
        /// The public base URL for the OpenID configuration.
        #[arg(long)]
        public_url: Option<String>,
        /// fsync every commit (survive power loss, not only a killed process).
        #[arg(long)]
        sync_full: bool,
        /// Every SQLite write its own COMMIT (no group commit): the throughput benchmark's
        /// baseline.
        #[arg(long, hide = true)]
        no_group_commit: bool,
        /// Demo mode: the login page lists the demo citizens and their passwords.
        #[arg(long)]
        demo: bool,
        /// Who opens and decides on sealed submissions: the reference authority in this
        /// process at submit (in-process), or `state-api subscriber` apart (external; needs
        /// --destination-keys, which it shares).
        #[arg(long, value_enum, default_value_t = state_api::SubscriberMode::InProcess)]
        subscriber: state_api::SubscriberMode,
    },
    /// The reference authority as a program of its own (FIT-Connect's subscriber), for a
    /// server run with `--subscriber external`: fetches what waits for a decision from the
    /// back office, opens it with the destination's key, checks it and posts its signed
    /// decision (RECEIVED with a receipt, or REJECTED with reasons).
    Subscriber {
        /// The state API's back office, e.g. http://127.0.0.1:8788.
        #[arg(long)]
        back_office: String,
        /// A file holding the back office token, or set STATE_API_ADMIN_TOKEN.
        #[arg(long)]
        admin_token_file: Option<PathBuf>,
        /// The destinations' key directory (the server's --destination-keys); decides only
        /// for the destinations whose keys are there.
        #[arg(long)]
        destination_keys: PathBuf,
        /// Seconds between rounds.
        #[arg(long, default_value_t = 2)]
        poll_secs: u64,
        /// One round, then exit (its counts on stdout as JSON).
        #[arg(long)]
        once: bool,
    },
    /// The simulated back office, working directly on a data directory.
    Admin {
        #[arg(long, default_value = "state-api-data")]
        data_dir: PathBuf,
        #[command(flatten)]
        database: DatabaseArgs,
        #[command(subcommand)]
        action: AdminAction,
    },
    /// Make the trust anchor's key at KEY if there is none (RSA 4096, PKCS #8, readable by
    /// its owner only) and print its public half as a JWK Set: what the app is built with
    /// (`THUERINGEN_TRUST_ANCHOR`).
    TrustAnchor {
        #[arg(long)]
        key: PathBuf,
    },
    /// Rotate a destination's (an authority's) encryption key in the key directory: a new
    /// key becomes current, the old one is kept as retired and still opens what was sealed to
    /// it. A server running on the directory keeps publishing the old key until it restarts
    /// (nothing is lost: it opens both); to switch a running server at once, use its back
    /// office: POST /admin/v1/destinations/{id}/keys/rotate.
    RotateKey {
        /// The key directory (the server's --destination-keys).
        #[arg(long)]
        destination_keys: PathBuf,
        /// The authority's id in the catalog, e.g. gemeinde-16051000.
        destination: String,
    },
    /// Print the OpenAPI document.
    Openapi,
}

/// The shared PostgreSQL database (instead of the data directory's SQLite file).
#[derive(clap::Args)]
struct DatabaseArgs {
    /// A file holding a PostgreSQL URL (postgres://user:password@host:port/database), or set
    /// STATE_API_DATABASE_URL; never a command-line value (it holds a password). With it,
    /// several instances of the server can run on one database.
    #[arg(long)]
    database_url_file: Option<PathBuf>,
    /// The schema in that database (created if missing).
    #[arg(long)]
    database_schema: Option<String>,
    /// Connections this instance keeps to the database.
    #[arg(long, default_value_t = 16)]
    database_pool: u32,
}

impl DatabaseArgs {
    fn options(self) -> Result<Option<state_api::storage::PostgresOptions>, String> {
        let url = match &self.database_url_file {
            Some(path) => std::fs::read_to_string(path).map_err(|e| {
                format!("cannot read the database URL file {}: {e}", path.display())
            })?,
            None => std::env::var("STATE_API_DATABASE_URL").unwrap_or_default(),
        };
        let url = url.trim();
        if url.is_empty() {
            return Ok(None);
        }
        Ok(Some(state_api::storage::PostgresOptions {
            url: url.to_string(),
            schema: self.database_schema,
            pool_size: self.database_pool.max(1),
        }))
    }
}

/// The login form's key from a file: the SHA-256 of its content (at least 32 bytes).
fn login_form_key(
    file: Option<&std::path::Path>,
) -> Result<Option<state_api::LoginFormKey>, String> {
    let Some(path) = file else {
        return Ok(None);
    };
    let bytes = std::fs::read(path)
        .map_err(|e| format!("cannot read the login form key {}: {e}", path.display()))?;
    if bytes.len() < 32 {
        return Err(format!(
            "the login form key {} holds {} bytes; it needs at least 32",
            path.display(),
            bytes.len()
        ));
    }
    use sha2::Digest;
    Ok(Some(state_api::LoginFormKey(
        sha2::Sha256::digest(&bytes).into(),
    )))
}

#[derive(Subcommand)]
enum AdminAction {
    /// List submissions (id, status, service), newest change first.
    List {
        /// Only this status (e.g. SUBMITTED).
        #[arg(long)]
        status: Option<String>,
    },
    /// Move a submission's status (RECEIVED, PROCESSING, ACTION_REQUIRED, COMPLETED, REJECTED).
    SetStatus {
        id: String,
        status: String,
        /// A reason (repeatable); required for REJECTED.
        #[arg(long = "reason")]
        reasons: Vec<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// Send an inbox message to a citizen (`--to SUBJECT`) or a submission's owner.
    Message {
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        submission: Option<String>,
        #[arg(long)]
        title: String,
        #[arg(long)]
        body: String,
        /// The authority writing (default: the one responsible for the submission).
        #[arg(long)]
        sender: Option<String>,
        /// A document the message carries (a PDF, JPEG or PNG file; repeatable).
        #[arg(long = "document")]
        documents: Vec<PathBuf>,
    },
    /// Print the replies to a submission as the authority opens them, as JSON lines (they
    /// hold what people wrote).
    Replies { id: String },
    /// Print the reports of accessibility problems, newest first, as JSON lines (they hold
    /// what people wrote: keep the output where personal data may be kept).
    Reports,
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            tracing::error!(%error, "cannot start the async runtime");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Serve {
            listen,
            data_dir,
            database,
            login_form_key_file,
            admin_listen,
            admin_token_file,
            id_token_key_file,
            trust_anchor_key,
            destination_keys,
            submission_ttl_secs,
            rate,
            submissions_per_day,
            public_url,
            sync_full,
            no_group_commit,
            demo,
            subscriber,
        } => {
            if !listen.ip().is_loopback() {
                tracing::warn!(address = %listen, "listening beyond loopback: this is a demo server");
            }
            let catalog = load_catalog()?;
            let mut config = state_api::Config::new(data_dir, catalog);
            config.postgres = database.options()?;
            config.login_form_key = login_form_key(login_form_key_file.as_deref())?;
            config.admin_token = admin_token(admin_token_file.as_deref())?;
            if admin_listen.is_some() && config.admin_token.is_none() {
                return Err(
                    "--admin-listen needs a back office token: --admin-token-file FILE \
                            or STATE_API_ADMIN_TOKEN"
                        .into(),
                );
            }
            config.id_token_key = match id_token_key_file {
                Some(path) => {
                    let bytes = std::fs::read(&path).map_err(|e| {
                        format!("cannot read the ID token key {}: {e}", path.display())
                    })?;
                    let der = state_api::service::id_token::pkcs8_from_file(&bytes)
                        .map_err(|e| e.to_string())?;
                    Some(state_api::IdTokenKey(der))
                }
                None => {
                    if !demo {
                        tracing::warn!(
                            "no --id-token-key-file: ID tokens are signed with a key made now, \
                             which the next start replaces"
                        );
                    }
                    None
                }
            };
            config.trust_anchor_key = match trust_anchor_key {
                Some(path) => Some(state_api::TrustAnchorKey(std::fs::read(&path).map_err(
                    |e| format!("cannot read the trust anchor key {}: {e}", path.display()),
                )?)),
                None => {
                    tracing::warn!(
                        "no --trust-anchor-key: destination keys are signed under a key made \
                         now, which no app trusts unless given its public half"
                    );
                    None
                }
            };
            config.destination_keys_dir = destination_keys;
            config.submission_ttl = Duration::from_secs(submission_ttl_secs);
            config.limits.rate_per_second = (rate > 0.0).then_some(rate);
            config.limits.submissions_per_day = submissions_per_day;
            config.public_url = public_url;
            config.sync_full = sync_full;
            config.group_commit = !no_group_commit;
            config.demo = demo;
            config.subscriber = subscriber;
            config.fake_now = fake_now()?;
            let listener = tokio::net::TcpListener::bind(listen)
                .await
                .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
            let local = listener.local_addr().map_err(|e| e.to_string())?;
            let back_office = match admin_listen {
                Some(address) => {
                    if !address.ip().is_loopback() {
                        tracing::warn!(%address, "the back office listens beyond loopback");
                    }
                    let office = tokio::net::TcpListener::bind(address)
                        .await
                        .map_err(|e| format!("cannot listen on {address}: {e}"))?;
                    let local = office.local_addr().map_err(|e| e.to_string())?;
                    tracing::info!(back_office = %local, "back office listening");
                    Some(office)
                }
                None => None,
            };
            tracing::info!(address = %local, "state API listening");
            state_api::serve_with_back_office(listener, back_office, config)
                .await
                .map_err(|e| e.to_string())
        }
        Command::Admin {
            data_dir,
            database,
            action,
        } => admin(data_dir, database.options()?, action).await,
        Command::Subscriber {
            back_office,
            admin_token_file,
            destination_keys,
            poll_secs,
            once,
        } => {
            subscriber(
                back_office,
                admin_token_file,
                destination_keys,
                poll_secs,
                once,
            )
            .await
        }
        Command::TrustAnchor { key } => {
            let anchor =
                state_api::service::destinations::anchor_at(&key).map_err(|e| e.to_string())?;
            println!("{}", serde_json::json!({ "keys": [anchor] }));
            Ok(())
        }
        Command::RotateKey {
            destination_keys,
            destination,
        } => {
            if !load_catalog()?
                .authorities
                .iter()
                .any(|a| a.id == destination)
            {
                return Err(format!("no authority {destination:?} in the catalog"));
            }
            let bits = state_api::Config::DESTINATION_KEY_BITS;
            let destinations = state_api::service::destinations::Destinations::new(
                None,
                bits,
                Some(destination_keys),
            )
            .map_err(|e| e.to_string())?;
            let (retired, current) = destinations
                .rotate(&destination)
                .map_err(|e| e.to_string())?;
            println!(
                "{}",
                serde_json::json!({ "destination": destination, "retired": retired, "current": current })
            );
            Ok(())
        }
        Command::Openapi => {
            println!("{}", state_api::http::openapi::openapi_document());
            Ok(())
        }
    }
}

/// Runs the reference authority's own program until Ctrl-C (or one round with `once`).
async fn subscriber(
    back_office: String,
    admin_token_file: Option<PathBuf>,
    destination_keys: PathBuf,
    poll_secs: u64,
    once: bool,
) -> Result<(), String> {
    let token = admin_token(admin_token_file.as_deref())?.ok_or(
        "the subscriber needs the back office token: --admin-token-file FILE or \
         STATE_API_ADMIN_TOKEN",
    )?;
    // The server's clock, moved as the server's is in a debug build's demo.
    let offset = fake_now()?.map_or(0, |fake| fake - state_api::service::wall_millis());
    let subscriber = state_api::subscriber::Subscriber::new(state_api::subscriber::Options {
        back_office,
        token,
        destination_keys,
        limits: state_api::Limits::default(),
        clock: std::sync::Arc::new(move || state_api::service::wall_millis() + offset),
    })
    .map_err(|e| e.to_string())?;
    if once {
        let round = subscriber.round().await.map_err(|e| e.to_string())?;
        println!(
            "{}",
            serde_json::json!({
                "accepted": round.accepted,
                "rejected": round.rejected,
                "skipped": round.skipped,
            })
        );
        return Ok(());
    }
    tracing::info!("subscriber running");
    subscriber
        .run(Duration::from_secs(poll_secs.max(1)), async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
    Ok(())
}

/// The back office token: from `file`, else from `STATE_API_ADMIN_TOKEN`, else none. (The
/// server refuses one shorter than 32 characters.)
fn admin_token(file: Option<&std::path::Path>) -> Result<Option<String>, String> {
    let token = match file {
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            format!(
                "cannot read the back office token file {}: {e}",
                path.display()
            )
        })?,
        None => std::env::var("STATE_API_ADMIN_TOKEN").unwrap_or_default(),
    };
    let token = token.trim();
    Ok((!token.is_empty()).then(|| token.to_string()))
}

/// `STATE_API_FAKE_NOW` (an RFC 3339 instant) starts a debug build's clock there, for demos
/// and tests on another day. Release builds do not read it.
#[cfg(debug_assertions)]
fn fake_now() -> Result<Option<i64>, String> {
    match std::env::var("STATE_API_FAKE_NOW") {
        Ok(text) => domain::calendar::parse_instant(&text)
            .map(Some)
            .ok_or_else(|| "STATE_API_FAKE_NOW is not an RFC 3339 instant with an offset".into()),
        Err(_) => Ok(None),
    }
}

#[cfg(not(debug_assertions))]
fn fake_now() -> Result<Option<i64>, String> {
    Ok(None)
}

async fn admin(
    data_dir: PathBuf,
    postgres: Option<state_api::storage::PostgresOptions>,
    action: AdminAction,
) -> Result<(), String> {
    let mut config = state_api::Config::new(data_dir, domain::Catalog::default());
    config.postgres = postgres;
    let state = state_api::AppState::new(config).map_err(|e| e.to_string())?;
    let backend = state.backend();
    let problem = |p: state_api::Problem| {
        format!("{} ({}): {}", p.title, p.code, p.detail.unwrap_or_default())
    };
    match action {
        AdminAction::List { status } => {
            let status = match status {
                Some(text) => Some(
                    state_api::storage::Status::parse(&text)
                        .ok_or_else(|| format!("unknown status {text}"))?,
                ),
                None => None,
            };
            // Every page, not only the newest.
            let mut after: Option<String> = None;
            loop {
                let page = backend
                    .admin_submissions(
                        status,
                        after.as_deref(),
                        state_api::service::admin::MAX_ADMIN_PAGE,
                    )
                    .await
                    .map_err(problem)?;
                for s in &page.items {
                    println!(
                        "{}\t{}\t{}",
                        s.submission_id,
                        s.status.as_str(),
                        s.service_key
                    );
                }
                match page.next {
                    Some(next) => after = Some(next),
                    None => break,
                }
            }
        }
        AdminAction::SetStatus {
            id,
            status,
            reasons,
            note,
        } => {
            let status = state_api::storage::Status::parse(&status)
                .ok_or_else(|| format!("unknown status {status}"))?;
            let change = state_api::wire::StatusChange {
                status,
                reasons,
                note,
            };
            let s = backend
                .admin_move_status(&id, change)
                .await
                .map_err(problem)?;
            println!("{}\t{}", s.submission_id, s.status.as_str());
        }
        AdminAction::Message {
            to,
            submission,
            title,
            body,
            sender,
            documents,
        } => {
            let documents = documents
                .iter()
                .map(|path| document_at(path))
                .collect::<Result<Vec<_>, _>>()?;
            let message = state_api::wire::NewMessage {
                subject: to,
                submission_id: submission,
                title,
                body,
                sender,
                documents,
            };
            let m = backend.admin_send_message(message).await.map_err(problem)?;
            println!("{}", m.message_id);
        }
        AdminAction::Replies { id } => {
            for reply in backend.admin_replies(&id).await.map_err(problem)? {
                let line = serde_json::to_string(&reply).map_err(|e| e.to_string())?;
                println!("{line}");
            }
        }
        AdminAction::Reports => {
            for report in backend.admin_reports().await.map_err(problem)? {
                let line = serde_json::to_string(&report).map_err(|e| e.to_string())?;
                println!("{line}");
            }
        }
    }
    Ok(())
}

/// A file as a message's document, its media type from its extension.
fn document_at(path: &std::path::Path) -> Result<state_api::wire::NewDocument, String> {
    use base64::Engine;
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let media_type = match extension.as_str() {
        "pdf" => "application/pdf",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        _ => return Err(format!("{}: not a .pdf, .jpg or .png", path.display())),
    };
    Ok(state_api::wire::NewDocument {
        name: path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("Dokument")
            .to_string(),
        media_type: media_type.to_string(),
        content: base64::engine::general_purpose::STANDARD.encode(bytes),
    })
}

/// The catalog to serve: the seed catalog built from the project's data.
fn load_catalog() -> Result<domain::Catalog, String> {
    catalog_seed::seed_catalog().map_err(|e| format!("cannot build the seed catalog: {e}"))
}
