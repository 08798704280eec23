//! The harness for end-to-end journeys: a private X server (Xvfb), the reference state API on a
//! free loopback port, tauri-driver with WebKitWebDriver, and a WebDriver session on the real
//! app binary. Everything is started per journey and stopped when it ends, also on failure.
//!
//! The journeys are `#[ignore]`d in a plain `cargo test` (they need the built app, Xvfb and
//! tauri-driver); `scripts/test.sh` builds all of that and runs them with `--ignored`.
//! This harness must never reach anything but loopback.

pub mod a11y;
pub mod browser;
pub mod clock;
pub mod keychain;
pub mod notifications;
pub mod pdf;
pub mod scan;
pub mod steps;
pub mod wizard;

use std::net::{SocketAddr, TcpListener as StdListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use tokio::sync::oneshot;

pub type Result<T, E = Box<dyn std::error::Error + Send + Sync>> = std::result::Result<T, E>;

/// Where screenshots and timings go (CI keeps them).
pub fn artifacts_dir() -> PathBuf {
    let dir = std::env::var_os("THUERINGEN_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts"));
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// `N` distinct free ports. Every listener stays bound until all ports are known: two separate
/// binds to port 0 may be handed the same port, and two servers would then collide.
fn free_ports<const N: usize>() -> Result<[u16; N]> {
    let mut listeners = Vec::with_capacity(N);
    let mut ports = [0u16; N];
    for port in &mut ports {
        let listener = StdListener::bind("127.0.0.1:0")?;
        *port = listener.local_addr()?.port();
        listeners.push(listener);
    }
    Ok(ports)
}

/// A free port other than `taken`.
fn free_port_besides(taken: u16) -> Result<u16> {
    let [a, b] = free_ports::<2>()?;
    Ok(if a == taken { b } else { a })
}

fn wait_for_port(port: u16, timeout: Duration) -> Result<()> {
    let deadline = Instant::now() + timeout;
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    while Instant::now() < deadline {
        if std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("nothing listens on 127.0.0.1:{port} after {timeout:?}").into())
}

/// Sends SIGTERM and waits (tauri-driver only stops WebKitWebDriver on SIGTERM), then SIGKILL.
fn terminate(child: &mut Child, grace: Duration) {
    let _ = Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status();
    let deadline = Instant::now() + grace;
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// A private X server on a free display number.
pub struct Xvfb {
    child: Child,
    pub display: String,
}

impl Xvfb {
    pub fn start(width: u32, height: u32) -> Result<Xvfb> {
        for number in 90..190 {
            if Path::new(&format!("/tmp/.X{number}-lock")).exists()
                || Path::new(&format!("/tmp/.X11-unix/X{number}")).exists()
            {
                continue;
            }
            let child = Command::new("Xvfb")
                .arg(format!(":{number}"))
                .args([
                    "-screen",
                    "0",
                    &format!("{width}x{height}x24"),
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()?;
            let mut xvfb = Xvfb {
                child,
                display: format!(":{number}"),
            };
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if Path::new(&format!("/tmp/.X11-unix/X{number}")).exists() {
                    return Ok(xvfb);
                }
                if let Ok(Some(_)) = xvfb.child.try_wait() {
                    break; // lost a race for this display; try the next
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            terminate(&mut xvfb.child, Duration::from_secs(2));
        }
        Err("no free X display between :90 and :189".into())
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        terminate(&mut self.child, Duration::from_secs(3));
    }
}

/// The back office's credential in tests (the server wants at least 32 characters).
pub const ADMIN_TOKEN: &str = "e2e-back-office-token-0123456789abcdef";

/// The trust anchor of every state API this test process starts (2048 bits: made in a
/// moment).
fn trust_anchor() -> Result<&'static jose::SigningKey> {
    static ANCHOR: std::sync::OnceLock<jose::SigningKey> = std::sync::OnceLock::new();
    if let Some(anchor) = ANCHOR.get() {
        return Ok(anchor);
    }
    let made = jose::SigningKey::generate_sized("trust-anchor", 2048)?;
    Ok(ANCHOR.get_or_init(|| made))
}

/// The anchor's public half as the app is built with it: a one-line JWK Set.
pub fn trust_anchor_set() -> Result<String> {
    Ok(serde_json::json!({ "keys": [trust_anchor()?.public_jwk()] }).to_string())
}

/// Sends a back office request with its credential; the JSON answer, or what went wrong.
async fn back_office(request: reqwest::RequestBuilder) -> Result<serde_json::Value> {
    let response = request.bearer_auth(ADMIN_TOKEN).send().await?;
    if !response.status().is_success() {
        return Err(format!("the back office answered {}", response.status()).into());
    }
    Ok(response.json().await?)
}

/// The reference state API, in this process, on a loopback port that can be stopped and
/// started again on the same port (the app keeps its address).
pub struct StateApi {
    pub port: u16,
    /// Where the back office listens (its own listener, never the public one).
    pub admin_port: u16,
    data_dir: PathBuf,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
    /// Changes the server's configuration on every (re)start (extra forms, catalog changes).
    customize: Option<fn(&mut state_api::Config)>,
}

impl StateApi {
    /// A server with the seed catalog on a free port.
    pub async fn start(data_dir: &Path) -> Result<StateApi> {
        let [port, admin_port] = free_ports()?;
        let mut api = StateApi {
            port,
            admin_port,
            data_dir: data_dir.to_path_buf(),
            stop: None,
            task: None,
            customize: None,
        };
        api.resume().await?;
        Ok(api)
    }

    /// A server on a given port (a state API that was down comes up where the app expects it).
    pub async fn start_on(data_dir: &Path, port: u16) -> Result<StateApi> {
        let mut api = StateApi {
            port,
            admin_port: free_port_besides(port)?,
            data_dir: data_dir.to_path_buf(),
            stop: None,
            task: None,
            customize: None,
        };
        api.resume().await?;
        Ok(api)
    }

    /// A server whose configuration `customize` changes (e.g. a synthetic form in the catalog).
    pub async fn start_with(
        data_dir: &Path,
        customize: fn(&mut state_api::Config),
    ) -> Result<StateApi> {
        let [port, admin_port] = free_ports()?;
        let mut api = StateApi {
            port,
            admin_port,
            data_dir: data_dir.to_path_buf(),
            stop: None,
            task: None,
            customize: Some(customize),
        };
        api.resume().await?;
        Ok(api)
    }

    /// A port where nothing listens: the state API is "down" from the start.
    pub fn down() -> Result<StateApi> {
        let [port, admin_port] = free_ports()?;
        Ok(StateApi {
            port,
            admin_port,
            data_dir: PathBuf::new(),
            stop: None,
            task: None,
            customize: None,
        })
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// The back office's base URL (`admin/v1/...` under it).
    pub fn admin_url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.admin_port)
    }

    /// Every submission the state API holds, as the back office lists them (page by page,
    /// following its `next` cursor).
    pub async fn submissions(&self) -> Result<Vec<serde_json::Value>> {
        let http = reqwest::Client::new();
        let mut all = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let mut url = format!("{}admin/v1/submissions?limit=500", self.admin_url());
            if let Some(cursor) = &after {
                url.push_str(&format!("&after={cursor}"));
            }
            let page = back_office(http.get(url)).await?;
            all.extend(page["items"].as_array().cloned().unwrap_or_default());
            match page["next"].as_str() {
                Some(next) => after = Some(next.to_string()),
                None => return Ok(all),
            }
        }
    }

    /// The authority writes to the citizen about a submission (the back office's admin API).
    pub async fn send_message(&self, submission_id: &str, title: &str, body: &str) -> Result<()> {
        self.admin_post(
            "admin/v1/messages",
            &serde_json::json!({ "submissionId": submission_id, "title": title, "body": body }),
        )
        .await?;
        Ok(())
    }

    /// A back office request (`path` without the leading slash); its JSON answer.
    pub async fn admin_post(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> Result<serde_json::Value> {
        let url = format!("{}{path}", self.admin_url());
        back_office(reqwest::Client::new().post(url).json(body)).await
    }

    /// A back office read (`path` without the leading slash).
    pub async fn admin_get(&self, path: &str) -> Result<serde_json::Value> {
        let url = format!("{}{path}", self.admin_url());
        back_office(reqwest::Client::new().get(url)).await
    }

    /// The reports of accessibility problems the server received (back office view).
    pub async fn accessibility_reports(&self) -> Result<Vec<serde_json::Value>> {
        let reports = self.admin_get("admin/v1/accessibility-reports").await?;
        Ok(serde_json::from_value(reports)?)
    }

    /// (Re)starts the server on its port. Every server of this test process signs under one
    /// trust anchor (the app is started with its public half), and keeps its destinations'
    /// keys beside its data directory, so receipts verify across restarts.
    pub async fn resume(&mut self) -> Result<()> {
        let catalog = catalog_seed::seed_catalog()?;
        let mut config = state_api::Config {
            data_dir: self.data_dir.clone(),
            catalog,
            admin_token: Some(ADMIN_TOKEN.to_string()),
            fake_now: clock::moved_now(),
            destination_key_bits: 2048,
            trust_anchor_key: Some(state_api::TrustAnchorKey(trust_anchor()?.to_pkcs8()?)),
            destination_keys_dir: Some(self.data_dir.with_extension("destination-keys")),
            ..state_api::Config::default()
        };
        if let Some(customize) = self.customize {
            customize(&mut config);
        }
        let state = state_api::AppState::new(config)?;
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port)).await?;
        let office = tokio::net::TcpListener::bind(("127.0.0.1", self.admin_port)).await?;
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let (done, until_done) = tokio::sync::watch::channel(false);
            let until = |mut rx: tokio::sync::watch::Receiver<bool>| async move {
                let _ = rx.wait_for(|d| *d).await;
            };
            let public =
                state_api::serve_with_shutdown(listener, state.clone(), until(until_done.clone()));
            let back_office =
                state_api::serve_back_office_with_shutdown(office, state, until(until_done));
            let signal = async move {
                let _ = stopped.await;
                let _ = done.send(true);
            };
            let (public, back_office, ()) = tokio::join!(public, back_office, signal);
            if let Err(error) = public.and(back_office) {
                eprintln!("state API stopped with an error: {error}");
            }
        });
        self.stop = Some(stop);
        self.task = Some(task);
        Ok(())
    }

    /// Stops the server; the port is free afterwards.
    /// Stops the server and starts it again on the same ports and data with a changed
    /// configuration (a new form version, a changed catalog).
    pub async fn restart_with(&mut self, customize: fn(&mut state_api::Config)) -> Result<()> {
        self.stop().await;
        self.customize = Some(customize);
        self.resume().await
    }

    pub async fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), task).await;
        }
    }
}

/// tauri-driver under a display, with the app's environment.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Driver {
    pub fn start(display: &str, env: &[(&str, String)]) -> Result<Driver> {
        let [port, native_port] = free_ports()?;
        let mut command = Command::new("tauri-driver");
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", display)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut driver = Driver {
            child: command.spawn()?,
            port,
        };
        if let Err(error) = wait_for_port(port, Duration::from_secs(20)) {
            terminate(&mut driver.child, Duration::from_secs(3));
            return Err(error);
        }
        Ok(driver)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        terminate(&mut self.child, Duration::from_secs(10));
        // The app and WebKit processes linger a moment after the driver ends.
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// The app binary the journeys drive (`THUERINGEN_APP_BIN`, set by scripts/env.sh).
pub fn app_binary() -> Result<PathBuf> {
    let path = std::env::var_os("THUERINGEN_APP_BIN")
        .map(PathBuf::from)
        .ok_or("THUERINGEN_APP_BIN is not set: run the journeys through scripts/test.sh")?;
    if !path.exists() {
        return Err(format!("{} does not exist: build the app first", path.display()).into());
    }
    Ok(path)
}

/// One running app: X server, driver and WebDriver session. Close it with [`App::quit`].
pub struct App {
    pub client: Client,
    pub started: Instant,
    /// The app's "system browser", for logging in (see [`browser`]).
    pub browser: browser::Browser,
    /// The person's Downloads folder as the desktop names it (XDG user dirs), where the app
    /// saves printouts.
    pub downloads: PathBuf,
    driver: Driver,
    _xvfb: Xvfb,
}

impl App {
    /// Starts the app with its data in `data_dir`, talking to `state_api`.
    pub async fn launch(
        data_dir: &Path,
        state_api: &StateApi,
        width: u32,
        height: u32,
    ) -> Result<App> {
        App::launch_with(data_dir, state_api, width, height, &[]).await
    }

    /// [`App::launch`] with more environment for the app (`extra` replaces a variable of the
    /// same name, e.g. `THUERINGEN_FAKE_NOW` to start it days later).
    pub async fn launch_with(
        data_dir: &Path,
        state_api: &StateApi,
        width: u32,
        height: u32,
        extra: &[(&'static str, String)],
    ) -> Result<App> {
        let binary = app_binary()?;
        let xvfb = Xvfb::start(width, height)?;
        // Two TLS crypto providers are linked (fantoccini's and reqwest's): choose one, once.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let browser = browser::Browser::new()?;
        let mut env = vec![
            ("THUERINGEN_DATA_DIR", data_dir.display().to_string()),
            ("THUERINGEN_STATE_API", state_api.url()),
            ("THUERINGEN_TRUST_ANCHOR", trust_anchor_set()?),
            ("THUERINGEN_SYNC_POLL_SECS", "2".to_string()),
            ("THUERINGEN_TRACE_IPC", "1".to_string()),
            // The journeys read German: the app's first start takes the system's language
            // (LANGUAGE first), whatever the machine running them speaks.
            ("LANGUAGE", "de".to_string()),
        ];
        env.extend(clock::app_env());
        env.extend(browser.env());
        // A Downloads folder of its own, named the way a Linux desktop names it
        // (`user-dirs.dirs` under XDG_CONFIG_HOME), so saved files land in the test's folder.
        let downloads = data_dir.join("Downloads");
        let config = data_dir.join("xdg-config");
        std::fs::create_dir_all(&downloads)?;
        std::fs::create_dir_all(&config)?;
        std::fs::write(
            config.join("user-dirs.dirs"),
            format!("XDG_DOWNLOAD_DIR=\"{}\"\n", downloads.display()),
        )?;
        env.push(("XDG_CONFIG_HOME", config.display().to_string()));
        for (name, value) in extra {
            env.retain(|(known, _)| known != name);
            env.push((name, value.clone()));
        }
        let driver = Driver::start(&xvfb.display, &env)?;
        let capabilities = serde_json::json!({
            "tauri:options": { "application": binary.display().to_string() }
        });
        let capabilities = match capabilities {
            serde_json::Value::Object(map) => map,
            _ => return Err("capabilities are an object".into()),
        };
        let started = Instant::now();
        let client = ClientBuilder::rustls()?
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await?;
        let _ = client.set_window_size(width, height).await;
        Ok(App {
            client,
            started,
            browser,
            downloads,
            driver,
            _xvfb: xvfb,
        })
    }

    /// Ends the session and waits until the app is gone.
    pub async fn quit(self) -> Result<()> {
        // A display that reloaded itself at start (ui/src/crash.rs) passes the journey; say so
        // in the artifacts' timings, which CI prints, so the failure behind it is not lost.
        let recovered = self
            .client
            .execute(
                "const root = document.documentElement; \
                 return root.dataset.startRecoveries \
                   ? root.dataset.startRecoveries + ' (' + root.dataset.startRecoveredFrom + ')' \
                   : null;",
                vec![],
            )
            .await;
        if let Ok(serde_json::Value::String(recovered)) = recovered {
            note_in_timings(&format!("start recoveries of the display: {recovered}"));
        }
        let App {
            client,
            driver,
            _xvfb,
            ..
        } = self;
        let closed = client.close().await;
        drop(driver);
        closed?;
        Ok(())
    }

    /// Waits until `css` matches an element, up to `timeout`.
    pub async fn wait_for(
        &self,
        css: &str,
        timeout: Duration,
    ) -> Result<fantoccini::elements::Element> {
        let found = self
            .client
            .wait()
            .at_most(timeout)
            .for_element(Locator::Css(css))
            .await;
        match found {
            Ok(element) => Ok(element),
            Err(e) => {
                let seen = self.describe_window(css).await;
                Err(format!("{css}: not there within {timeout:?} ({e}); {seen}").into())
            }
        }
    }

    /// What the window showed when a wait failed: the page's address, load state and the start
    /// of its text, and a screenshot in the artifacts (so a failure in CI says where it stood).
    async fn describe_window(&self, css: &str) -> String {
        let script = "const root = document.documentElement; \
            return [String(location.href), document.readyState, \
            'ipc: ' + root.getAttribute('data-ipc-waiting'), \
            'crashed: ' + root.getAttribute('data-crashed'), \
            'js error: ' + root.getAttribute('data-js-error'), \
            'start recoveries: ' + root.getAttribute('data-start-recoveries'), \
            (document.body ? document.body.innerText : '<no body>').slice(0, 400)];";
        let state = match self.client.execute(script, vec![]).await {
            Ok(value) => value.to_string(),
            Err(e) => format!("the window did not answer ({e})"),
        };
        let name: String = css
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let shot = match self.screenshot(&format!("timeout-{name}")).await {
            Ok(path) => path.display().to_string(),
            Err(e) => format!("no screenshot ({e})"),
        };
        format!(
            "after {} s the window showed {state}; screenshot {shot}",
            self.started.elapsed().as_secs()
        )
    }

    /// Polls the text of `css` until `accept` says yes; returns the last text seen.
    pub async fn wait_for_text(
        &self,
        css: &str,
        timeout: Duration,
        accept: impl Fn(&str) -> bool,
    ) -> Result<String> {
        let deadline = Instant::now() + timeout;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                if let Ok(text) = element.text().await {
                    if accept(&text) {
                        return Ok(text);
                    }
                    last = text;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let seen = self.describe_window(css).await;
        Err(
            format!("{css}: text never matched within {timeout:?}; last seen {last:?}; {seen}")
                .into(),
        )
    }

    /// The texts of every element matching `css`.
    pub async fn texts(&self, css: &str) -> Result<Vec<String>> {
        let mut texts = Vec::new();
        for element in self.client.find_all(Locator::Css(css)).await? {
            texts.push(element.text().await?);
        }
        Ok(texts)
    }

    /// Saves a PNG of the window into the artifacts folder.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let png = self.client.screenshot().await?;
        let path = artifacts_dir().join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }
}

/// Appends a line to the artifacts' timings file (and prints it), for the closing notes.
pub fn record_timing(what: &str, elapsed: Duration) {
    note_in_timings(&format!("{what}: {} ms", elapsed.as_millis()));
}

/// Appends a line to the artifacts' timings file (which CI prints at the end) and prints it.
fn note_in_timings(line: &str) {
    let line = format!("{line}\n");
    print!("{line}");
    use std::io::Write;
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(artifacts_dir().join("timings.txt"))
    {
        let _ = file.write_all(line.as_bytes());
    }
}
