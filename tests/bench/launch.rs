//! The launch and memory benchmark (#20): the app against a bare Tauri 2 window
//! (`tests/bare-window`), started alternately in one private X server, through the same
//! tauri-driver and WebKitWebDriver as the journeys. Run it with `scripts/bench-launch.sh`,
//! which builds both in release mode.
//!
//! Per start, from the moment the WebDriver session is asked for (which starts the binary):
//! - **mapped**: the X server maps the window (MapNotify on the root);
//! - **painted**: the window's top 240 rows stop being one colour (read back from the X server);
//! - **first contentful paint**: the webview's own Paint Timing entry;
//! - **list**: the mark the page sets when the service list is in the DOM (the app: the first
//!   rows of `#service-list`, `ui/src/timing.rs`; the bare window: its heading);
//! - **memory**: 3 s after the list, the proportional set size (PSS) of the process and every
//!   process below it (WebKit's web and network processes), from `/proc/*/smaps_rollup`;
//!   also its anonymous part alone, which the page cache's state does not move (see
//!   [`pss_kib`]).
//! - **the UI's wasm memory**: its size at that moment (the app only), which never shrinks,
//!   so it is the most the start needed at once;
//! - **a service page**: then (the app only) the first service in the list is opened, and the
//!   time from the click to its page's heading in the DOM is taken by the page itself (a
//!   `MutationObserver`): the pages besides the start load their code on first use
//!   (`ui/src/deferred.rs`), so this is what that costs a person.
//!
//! Per round: the bare window, the app started again on its data (a later start), and the app
//! on an empty data directory (the first start: key, store, seed); with `--before PATH`, an
//! earlier build of the app the same two ways, so a change is measured against what it changed
//! in one run on one (noisy) machine. Medians, and each one's distance from the bare window,
//! go to stdout and to `$THUERINGEN_ARTIFACTS/launch.txt`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use e2e::{artifacts_dir, Driver, Result, Xvfb};
use fantoccini::ClientBuilder;
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{
    ChangeWindowAttributesAux, ConnectionExt as _, EventMask, ImageFormat,
};
use x11rb::protocol::Event;

const WIDTH: u32 = 1280;
const HEIGHT: u32 = 800;
/// How long the process is left alone before its memory is read.
const IDLE: Duration = Duration::from_secs(3);
/// Rows read back to see the first paint: where the bare window's heading and the app's
/// header are.
const PAINT_ROWS: u16 = 240;

/// What one start measured, in milliseconds from asking for the session (memory in KiB).
#[derive(Debug, Clone, Default)]
struct Sample {
    mapped: f64,
    painted: Option<f64>,
    first_contentful_paint: Option<f64>,
    list: f64,
    /// When the page began to load (its `performance.timeOrigin`).
    navigation: f64,
    /// Every `thueringen:<step>` mark of the page (`ui/src/timing.rs`), by step.
    steps: Vec<(String, f64)>,
    pss_main: u64,
    pss_web: u64,
    /// Of `pss_main + pss_web`: anonymous memory only (heaps, the wasm memory, JIT code),
    /// which does not depend on how the page cache holds the binaries and libraries.
    pss_anon: u64,
    /// From clicking the first service in the list to its page's heading (the app only).
    service_page: Option<f64>,
    /// The app process's threads at idle: the app process's memory is sometimes 40 to 120 MB
    /// higher for a whole run (anonymous memory, so not the page cache); whether extra
    /// threads come with it (a software GL compositor would bring some) says where to look.
    threads_main: u64,
    /// The size of the UI's wasm memory at idle, in bytes (the app only): part of the
    /// anonymous memory, and it never shrinks, so it is the start's peak.
    wasm_memory: Option<f64>,
}

/// One kind of start: the bare window, or a build of the app on its data (a later start) or
/// on an empty data directory (the first start: key, store, seed).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Series {
    Bare,
    App { build: Build, first: bool },
}

/// The app under test, or an earlier build of it (`--before`) measured in the same run.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Build {
    Before,
    After,
}

impl Series {
    fn name(self) -> &'static str {
        match self {
            Series::Bare => "bare window",
            Series::App {
                build: Build::After,
                first: false,
            } => "app, later start",
            Series::App {
                build: Build::After,
                first: true,
            } => "app, first start",
            Series::App {
                build: Build::Before,
                first: false,
            } => "before, later start",
            Series::App {
                build: Build::Before,
                first: true,
            } => "before, first start",
        }
    }
}

struct Options {
    app: PathBuf,
    bare: PathBuf,
    /// An earlier build of the app, started in the same rounds (a before/after comparison
    /// on one noisy machine).
    before: Option<PathBuf>,
    runs: usize,
}

fn options() -> Result<Options> {
    let mut app = None;
    let mut bare = None;
    let mut before = None;
    let mut runs = 12;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--app" => app = args.next().map(PathBuf::from),
            "--bare" => bare = args.next().map(PathBuf::from),
            "--before" => before = args.next().map(PathBuf::from),
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or("--runs takes a number")?
            }
            other => {
                return Err(format!("unknown argument {other:?} (--app, --bare, --runs)").into())
            }
        }
    }
    let app = app.ok_or("--app PATH (the app's release binary) is missing")?;
    let bare = bare.ok_or("--bare PATH (the bare window's release binary) is missing")?;
    for binary in [Some(&app), Some(&bare), before.as_ref()]
        .into_iter()
        .flatten()
    {
        if !binary.exists() {
            return Err(format!("{} does not exist: build it first", binary.display()).into());
        }
    }
    Ok(Options {
        app: app.canonicalize()?,
        bare: bare.canonicalize()?,
        before: before.map(|b| b.canonicalize()).transpose()?,
        runs,
    })
}

fn epoch_ms(time: SystemTime) -> f64 {
    time.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

/// When the first big window was mapped and when its top rows first showed more than one
/// colour, as seen by the X server.
#[derive(Debug, Default)]
struct Seen {
    mapped: Option<SystemTime>,
    painted: Option<SystemTime>,
}

/// Watches the display from before the start until the window shows something.
fn watch_display(display: &str, ready: std::sync::mpsc::Sender<()>) -> Result<Seen> {
    let (conn, screen) = x11rb::connect(Some(display))?;
    let root = conn.setup().roots[screen].root;
    conn.change_window_attributes(
        root,
        &ChangeWindowAttributesAux::new().event_mask(EventMask::SUBSTRUCTURE_NOTIFY),
    )?
    .check()?;
    let _ = ready.send(());
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = Seen::default();
    let mut window = None;
    while Instant::now() < deadline {
        if window.is_none() {
            match conn.poll_for_event()? {
                Some(Event::MapNotify(event)) => {
                    let geometry = conn.get_geometry(event.window)?.reply()?;
                    if geometry.width >= 300 && geometry.height >= 200 {
                        seen.mapped = Some(SystemTime::now());
                        window = Some((event.window, geometry.width, geometry.height));
                    }
                }
                Some(_) => {}
                None => std::thread::sleep(Duration::from_millis(1)),
            }
            continue;
        }
        let Some((window, width, height)) = window else {
            continue;
        };
        let rows = height.min(PAINT_ROWS);
        if let Ok(image) = conn
            .get_image(ImageFormat::Z_PIXMAP, window, 0, 0, width, rows, !0)?
            .reply()
        {
            if !one_colour(&image.data) {
                seen.painted = Some(SystemTime::now());
                return Ok(seen);
            }
        }
        std::thread::sleep(Duration::from_millis(4));
    }
    Ok(seen)
}

/// Whether every 32-bit pixel has the same colour (the padding byte ignored).
fn one_colour(data: &[u8]) -> bool {
    let mut pixels = data.chunks_exact(4).map(|p| [p[0], p[1], p[2]]);
    let Some(first) = pixels.next() else {
        return true;
    };
    pixels.all(|p| p == first)
}

/// Every process at or below `top`, by parent links in /proc.
fn process_tree(top: u32) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|n| n.parse::<u32>().ok())
            else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                continue;
            };
            // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
            let ppid = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                .and_then(|p| p.parse::<u32>().ok());
            if let Some(ppid) = ppid {
                children.entry(ppid).or_default().push(pid);
            }
        }
    }
    let mut tree = vec![top];
    let mut next = 0;
    while next < tree.len() {
        if let Some(below) = children.get(&tree[next]) {
            tree.extend(below);
        }
        next += 1;
    }
    tree
}

/// The processes running `binary`.
fn processes_of(binary: &Path) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()))
        .filter(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == binary))
        .collect()
}

/// The proportional set size of one process in KiB: all of it, and its anonymous part.
///
/// The whole PSS also counts the pages of the binary and the libraries that are mapped, and
/// how many of them are depends on the page cache, not on the app: the same binary measured
/// 64 to 77 MB higher for the rest of a run once the kernel held it in large folios, while
/// another binary measured lower. The anonymous part does not move with it.
fn pss_kib(pid: u32) -> (u64, u64) {
    let Ok(text) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) else {
        return (0, 0);
    };
    let field = |name: &str| -> u64 {
        text.lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    };
    (field("Pss:"), field("Pss_Anon:"))
}

const READ_MARKS: &str = r#"
const list = performance.getEntriesByName("thueringen:service-list");
if (list.length === 0) return null;
const fcp = performance.getEntriesByName("first-contentful-paint");
const steps = performance.getEntriesByType("mark")
  .filter((e) => e.name.startsWith("thueringen:"))
  .map((e) => [e.name.slice("thueringen:".length), e.startTime]);
return {
  origin: performance.timeOrigin,
  list: list[0].startTime,
  fcp: fcp.length ? fcp[0].startTime : null,
  steps,
};
"#;

/// Opens the first service of the list and notes, on the page, when its heading is there.
const OPEN_SERVICE: &str = r##"
const link = document.querySelector("#service-list a.service-link");
if (!link) return false;
const clicked = performance.now();
new MutationObserver((_, observer) => {
  if (document.getElementById("service-heading")) {
    window.__benchServicePage = performance.now() - clicked;
    observer.disconnect();
  }
}).observe(document.body, { childList: true, subtree: true });
link.click();
return true;
"##;

/// The UI's wasm memory in bytes (`null` where there is no UI wasm, as in the bare window):
/// wasm-bindgen's `initSync` hands back the running instance's exports once it started.
const READ_WASM_MEMORY: &str = r#"
const done = arguments[arguments.length - 1];
import(new URL("ui.js", location.href).href)
  .then((ui) => done(ui.initSync(undefined, undefined).memory.buffer.byteLength))
  .catch(() => done(null));
"#;

/// The first service page's time, once it is there (`null` before).
const READ_SERVICE: &str = "return window.__benchServicePage ?? null;";

/// Opens the first service in the list; its time from the click to its heading in the DOM.
async fn open_service_page(client: &fantoccini::Client) -> Result<Option<f64>> {
    if client.execute(OPEN_SERVICE, Vec::new()).await? != serde_json::Value::Bool(true) {
        return Ok(None);
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Some(ms) = client.execute(READ_SERVICE, Vec::new()).await?.as_f64() {
            return Ok(Some(ms));
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    Err("the service page's heading did not come within 20 s".into())
}

async fn start_once(xvfb: &Xvfb, binary: &Path, env: &[(&str, String)]) -> Result<Sample> {
    let driver = Driver::start(&xvfb.display, env)?;
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    let display = xvfb.display.clone();
    let watcher =
        std::thread::spawn(move || watch_display(&display, ready_tx).map_err(|e| e.to_string()));
    ready_rx
        .recv_timeout(Duration::from_secs(10))
        .map_err(|_| "the X watcher did not start")?;
    let capabilities = serde_json::json!({
        "tauri:options": { "application": binary.display().to_string() }
    });
    let serde_json::Value::Object(capabilities) = capabilities else {
        return Err("capabilities are an object".into());
    };
    let asked = SystemTime::now();
    let client = ClientBuilder::rustls()?
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await?;
    let deadline = Instant::now() + Duration::from_secs(60);
    let marks = loop {
        let marks = client.execute(READ_MARKS, Vec::new()).await?;
        if !marks.is_null() {
            break marks;
        }
        if Instant::now() > deadline {
            let _ = client.close().await;
            return Err(format!("{}: no service list within 60 s", binary.display()).into());
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    };
    let number = |key: &str| marks.get(key).and_then(serde_json::Value::as_f64);
    let origin = number("origin").ok_or("the page has no timeOrigin")?;
    let since_asked = |page_ms: f64| origin + page_ms - epoch_ms(asked);
    let seen = watcher
        .join()
        .map_err(|_| "the X watcher panicked")?
        .map_err(|e| format!("X watcher: {e}"))?;
    let mapped = seen.mapped.ok_or("no window was mapped within 60 s")?;
    tokio::time::sleep(IDLE).await;
    // Read again after the idle time: the steps after the list (its paint, the search
    // index) and a first paint that came after the list are on the timeline by now.
    let marks = match client.execute(READ_MARKS, Vec::new()).await {
        Ok(later) if !later.is_null() => later,
        _ => marks,
    };
    let number = |key: &str| marks.get(key).and_then(serde_json::Value::as_f64);
    let mut sample = Sample {
        mapped: epoch_ms(mapped) - epoch_ms(asked),
        painted: seen.painted.map(|t| epoch_ms(t) - epoch_ms(asked)),
        first_contentful_paint: number("fcp").map(since_asked),
        list: since_asked(number("list").ok_or("no list mark")?),
        navigation: since_asked(0.0),
        steps: marks
            .get("steps")
            .and_then(serde_json::Value::as_array)
            .map(|steps| {
                steps
                    .iter()
                    .filter_map(|step| {
                        let name = step.get(0)?.as_str()?.to_string();
                        Some((name, since_asked(step.get(1)?.as_f64()?)))
                    })
                    .collect()
            })
            .unwrap_or_default(),
        ..Sample::default()
    };
    let mut started = Vec::new();
    for main in processes_of(binary) {
        for pid in process_tree(main) {
            if pid == main {
                let (pss, anon) = pss_kib(pid);
                sample.threads_main += std::fs::read_dir(format!("/proc/{pid}/task"))
                    .map(|tasks| tasks.count() as u64)
                    .unwrap_or(0);
                sample.pss_main += pss;
                sample.pss_anon += anon;
            } else {
                let (pss, anon) = pss_kib(pid);
                sample.pss_web += pss;
                sample.pss_anon += anon;
            }
            started.push(pid);
        }
    }
    sample.wasm_memory = client
        .execute_async(READ_WASM_MEMORY, Vec::new())
        .await?
        .as_f64();
    sample.service_page = open_service_page(&client).await?;
    let _ = client.close().await;
    drop(driver);
    // The next start begins when every process of this one is gone (WebKit's processes
    // outlive the app a moment; pages they share would lower the next start's PSS).
    let gone = Instant::now() + Duration::from_secs(10);
    while started
        .iter()
        .any(|pid| Path::new(&format!("/proc/{pid}")).exists())
        && Instant::now() < gone
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(sample)
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

type Metric = (&'static str, &'static str, fn(&Sample) -> Option<f64>);

const METRICS: &[Metric] = &[
    ("window mapped", "ms", |s| Some(s.mapped)),
    ("page navigation start", "ms", |s| Some(s.navigation)),
    ("first non-blank paint (X)", "ms", |s| s.painted),
    ("first contentful paint (page)", "ms", |s| {
        s.first_contentful_paint
    }),
    ("service list in the DOM", "ms", |s| Some(s.list)),
    ("idle PSS, app process", "MB", |s| {
        Some(s.pss_main as f64 / 1024.0)
    }),
    ("idle PSS, WebKit processes", "MB", |s| {
        Some(s.pss_web as f64 / 1024.0)
    }),
    ("idle PSS, all", "MB", |s| {
        Some((s.pss_main + s.pss_web) as f64 / 1024.0)
    }),
    ("idle PSS, all, anonymous only", "MB", |s| {
        Some(s.pss_anon as f64 / 1024.0)
    }),
    ("app process at idle", "threads", |s| {
        Some(s.threads_main as f64)
    }),
    ("the UI's wasm memory", "MB", |s| {
        s.wasm_memory.map(|b| b / 1024.0 / 1024.0)
    }),
    ("then: a service page opened", "ms", |s| s.service_page),
];

fn report(samples: &[(Series, Vec<Sample>)], runs: usize) -> String {
    let of = |samples: &[Sample], metric: fn(&Sample) -> Option<f64>| {
        median(samples.iter().filter_map(metric).collect())
    };
    let bare = samples
        .iter()
        .find(|(series, _)| *series == Series::Bare)
        .map(|(_, s)| s.as_slice())
        .unwrap_or_default();
    let mut out = format!(
        "launch benchmark: {runs} rounds, medians; times from asking WebDriver for the \
         session; (+n) is the distance from the bare window\n{:<31}",
        ""
    );
    for (series, _) in samples {
        out.push_str(&format!(" {:>21}", series.name()));
    }
    out.push('\n');
    for (name, unit, metric) in METRICS {
        out.push_str(&format!("{name:<31}"));
        let base = of(bare, *metric);
        for (series, samples) in samples {
            let cell = match (of(samples, *metric), base) {
                (Some(v), _) if *series == Series::Bare => format!("{v:.0} {unit}"),
                (Some(v), Some(b)) => format!("{v:.0} {unit} ({:+.0})", v - b),
                (Some(v), None) => format!("{v:.0} {unit}"),
                (None, _) => "n/a".into(),
            };
            out.push_str(&format!(" {cell:>21}"));
        }
        out.push('\n');
    }
    for (series, samples) in samples {
        if *series == Series::Bare {
            continue;
        }
        out.push_str(&format!(
            "\nthe page's steps, {} (medians, ms):\n",
            series.name()
        ));
        let mut names: Vec<&str> = Vec::new();
        for sample in samples {
            for (name, _) in &sample.steps {
                if !names.contains(&name.as_str()) {
                    names.push(name);
                }
            }
        }
        let mut steps: Vec<(f64, &str)> = names
            .into_iter()
            .filter_map(|name| {
                let times = samples
                    .iter()
                    .filter_map(|s| s.steps.iter().find(|(n, _)| n == name).map(|(_, t)| *t))
                    .collect();
                median(times).map(|t| (t, name))
            })
            .collect();
        steps.push((
            of(samples, |s| Some(s.navigation)).unwrap_or(0.0),
            "(page navigation start)",
        ));
        steps.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut before = 0.0;
        for (time, name) in steps {
            out.push_str(&format!(
                "  {name:<28} {time:>7.0} ({:+.0})\n",
                time - before
            ));
            before = time;
        }
    }
    out
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<()> {
    let options = options()?;
    // Two TLS crypto providers are linked (fantoccini's and reqwest's): choose one, once.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let xvfb = Xvfb::start(WIDTH, HEIGHT)?;
    let work = tempfile::tempdir()?;
    let base_env = vec![("LANGUAGE", "de".to_string())];
    let app_env = |data: &Path| {
        let mut env = base_env.clone();
        env.push(("THUERINGEN_DATA_DIR", data.display().to_string()));
        env
    };
    // Unmeasured starts make the data a later start finds (key, store, catalog), and warm
    // the page cache for every series alike.
    start_once(&xvfb, &options.bare, &base_env).await?;
    let mut series = vec![Series::Bare];
    let mut builds = vec![Build::After];
    if options.before.is_some() {
        builds.insert(0, Build::Before);
    }
    for first in [false, true] {
        for &build in &builds {
            series.push(Series::App { build, first });
        }
    }
    let binary = |build: Build| match (build, &options.before) {
        (Build::Before, Some(before)) => before.clone(),
        _ => options.app.clone(),
    };
    // Each build's later starts use data its own first start made (a store an earlier build
    // made may need migrating, which is not what a later start measures).
    let later_data = |build: Build| work.path().join(format!("later-{build:?}"));
    for &build in &builds {
        start_once(&xvfb, &binary(build), &app_env(&later_data(build))).await?;
    }
    let mut samples: Vec<(Series, Vec<Sample>)> = series.iter().map(|s| (*s, Vec::new())).collect();
    for round in 0..options.runs {
        // Each round in another order, so no series always follows the same one (a first
        // start's writes, still being flushed, slowed the start after it).
        let count = samples.len();
        for turn in 0..count {
            let (series, kept) = &mut samples[(turn + round) % count];
            // Nothing earlier still on its way to the disk.
            let _ = std::process::Command::new("sync").status();
            let sample = match *series {
                Series::Bare => start_once(&xvfb, &options.bare, &base_env).await?,
                Series::App {
                    build,
                    first: false,
                } => start_once(&xvfb, &binary(build), &app_env(&later_data(build))).await?,
                Series::App { build, first: true } => {
                    let fresh = work.path().join(format!("first-{build:?}-{round}"));
                    let sample = start_once(&xvfb, &binary(build), &app_env(&fresh)).await?;
                    let _ = std::fs::remove_dir_all(&fresh);
                    sample
                }
            };
            eprintln!(
                "round {:>2} {:<20} mapped {:>5.0} ms, painted {:>5} ms, list {:>5.0} ms, PSS {:>4} + {:>4} MB (anonymous {:>4} MB), {:>2} threads, service page {:>4} ms",
                round + 1,
                series.name(),
                sample.mapped,
                sample.painted.map(|p| format!("{p:.0}")).unwrap_or("n/a".into()),
                sample.list,
                sample.pss_main / 1024,
                sample.pss_web / 1024,
                sample.pss_anon / 1024,
                sample.threads_main,
                sample.service_page.map(|p| format!("{p:.0}")).unwrap_or("n/a".into()),
            );
            kept.push(sample);
        }
    }
    let text = report(&samples, options.runs);
    print!("{text}");
    std::fs::write(artifacts_dir().join("launch.txt"), &text)?;
    Ok(())
}
