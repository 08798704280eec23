//! The architecture of ARCHITECTURE.md, checked on the repository as it is on disk. Each rule
//! says why next to it; each allow-list says what is there today and why. When a check fails,
//! fix the code, or, if the architecture really changed, change ARCHITECTURE.md and the table
//! here together.

use std::collections::BTreeSet;

use tidy::deps::{self, Forbidden, Layer};
use tidy::rules::{self, ClockSite, Exception, LongFile};
use tidy::{repo_root, rust_files, test_only_files, RustFile};

fn files() -> Vec<RustFile> {
    rust_files(&repo_root()).expect("the repository's Rust files are readable")
}

fn fail_on(rule: &str, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{rule}\n\n{}\n",
        problems
            .iter()
            .map(|p| format!("  {p}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// 1. Dependency direction.
// ---------------------------------------------------------------------------------------------

/// Where each crate sits (ARCHITECTURE.md, "The picture" and "Code map"), bottom up: what it may
/// depend on (normal and build dependencies) and what its tests and benches use besides
/// (dev-dependencies, each one that exists today). An edge not listed fails.
const LAYERS: &[Layer] = &[
    Layer {
        krate: "domain",
        may_use: &[],
        dev_may_use: &[],
        role: "domain is the pure core: no IO, no clock, no randomness, compiled for wasm32",
    },
    Layer {
        krate: "wire",
        may_use: &["domain"],
        dev_may_use: &[],
        role: "wire is the state API's wire contract, the bodies the server and the app's client \
               share: shapes over domain, no IO, nothing of either side",
    },
    Layer {
        krate: "keychain",
        may_use: &[],
        dev_may_use: &[],
        role: "keychain is the only door to the OS keychain, a leaf the store and the client use",
    },
    Layer {
        krate: "jose",
        may_use: &[],
        dev_may_use: &[],
        role: "jose is the JOSE contract the state API writes and the app checks, a leaf below \
               both",
    },
    Layer {
        krate: "i18n",
        may_use: &["domain"],
        // Its tests check that every text of the seed data has every language.
        dev_may_use: &["catalog-seed"],
        role: "i18n holds the Fluent texts the UI, the printout, the shell and the tests share",
    },
    Layer {
        krate: "catalog-seed",
        may_use: &["domain", "xdatenfelder"],
        dev_may_use: &[],
        role:
            "catalog-seed is the seed catalog and the shipped forms built from data/: pure, no IO \
               at run time",
    },
    Layer {
        krate: "xdatenfelder",
        may_use: &["domain"],
        dev_may_use: &[],
        role: "xdatenfelder is pure and wasm-safe like domain and depends on domain only",
    },
    Layer {
        krate: "printout",
        may_use: &["domain", "i18n"],
        // Its tests print applications for real services.
        dev_may_use: &["catalog-seed"],
        role: "printout sets PDFs from what it is given: pure, no IO, no clock; the shell saves \
               them",
    },
    Layer {
        krate: "handover",
        may_use: &["domain"],
        dev_may_use: &[],
        role: "handover is the sealed package a draft travels in from a tablet to a phone: code, \
               key and ciphertext, no IO beyond the system's randomness",
    },
    Layer {
        krate: "store",
        may_use: &["domain", "keychain"],
        // Its tests and benches fill the store with the real catalog.
        dev_may_use: &["catalog-seed"],
        role: "store is the device's SQLite file, opened with a key from the keychain; it knows \
               no network",
    },
    Layer {
        krate: "sync",
        may_use: &["domain", "jose", "keychain", "store", "wire"],
        // Its tests run against the real reference server in process.
        dev_may_use: &["catalog-seed", "state-api"],
        role: "sync is the app's client of the state API: it keeps its work in the store and \
               checks receipts with jose",
    },
    Layer {
        krate: "state-api",
        may_use: &["catalog-seed", "domain", "jose", "wire", "xdatenfelder"],
        dev_may_use: &[],
        role: "state-api is the reference server, the other side of the wire from the app",
    },
    Layer {
        krate: "app",
        may_use: &[
            "catalog-seed",
            "domain",
            "handover",
            "i18n",
            "keychain",
            "printout",
            "store",
            "sync",
        ],
        dev_may_use: &[],
        role: "app is the app's core: what the commands decide, over store, sync and domain, \
               tested without a webview",
    },
    Layer {
        krate: "thueringen-app",
        // `store` and `sync`: the shell opens the store with the OS keychain and builds the
        // client from the build's configuration, then hands both to `app`.
        may_use: &["app", "domain", "keychain", "store", "sync"],
        dev_may_use: &[],
        role: "the shell is thin commands over the app's core",
    },
    Layer {
        krate: "ui",
        may_use: &["domain", "i18n"],
        dev_may_use: &[],
        role: "the UI is a wasm program that speaks to the shell only through IPC",
    },
    Layer {
        krate: "e2e",
        // `keychain`: a journey reads the OS keychain to check what the app left in it.
        may_use: &[
            "catalog-seed",
            "domain",
            "i18n",
            "jose",
            "keychain",
            "state-api",
        ],
        dev_may_use: &[],
        role: "the end-to-end harness drives the app's binary over WebDriver and runs the real \
               state API in process",
    },
    Layer {
        krate: "bare-window",
        may_use: &[],
        dev_may_use: &[],
        role: "bare-window is the launch benchmark's baseline, a Tauri window with nothing of \
               ours in it",
    },
    Layer {
        krate: "tidy",
        may_use: &[],
        dev_may_use: &[],
        role: "tidy reads the repository from disk and links nothing of ours",
    },
];

/// Edges that must never exist, of any kind, directly or through other crates; the table
/// above may not allow them either.
const FORBIDDEN: &[Forbidden] = &[
    Forbidden {
        from: &["domain"],
        to: &["*"],
        reason: "`domain` depends on nothing of ours: it is the pure core every other crate \
                 builds on, in the window, the shell and the server alike (ARCHITECTURE.md)",
    },
    Forbidden {
        from: &["ui"],
        to: &["app", "store", "sync"],
        reason: "the window reaches the device's data and the network only through IPC to the \
                 shell; `ui` never depends on `app`, `store` or `sync` (ARCHITECTURE.md)",
    },
    Forbidden {
        from: &["state-api"],
        to: &["app", "store", "sync", "keychain"],
        reason: "the server is the other side of the wire: the device's store, client and \
                 keychain are not its business; `state-api` never depends on `store` or `sync` \
                 (ARCHITECTURE.md)",
    },
    Forbidden {
        from: &[
            "i18n",
            "jose",
            "xdatenfelder",
            "catalog-seed",
            "keychain",
            "printout",
        ],
        to: &["store", "sync", "state-api"],
        reason: "it is a library below the store, the client and the server, shared by the \
                 window (wasm), the shell and the server: it must not reach up into their IO",
    },
    Forbidden {
        from: &["app"],
        to: &["thueringen-app", "ui"],
        reason: "the app's core knows no window and no Tauri: the shell calls it, never the \
                 other way round, so its decisions are tested without a webview",
    },
    Forbidden {
        from: &["*"],
        to: &["thueringen-app"],
        reason: "the shell (src-tauri) is the top of the app: it is run, nothing builds on it",
    },
    Forbidden {
        from: &["*"],
        to: &["ui"],
        reason: "the UI is a wasm program of its own, loaded by the webview; nothing links it",
    },
    Forbidden {
        from: &["*"],
        to: &["e2e", "bare-window", "tidy"],
        reason: "test and benchmark crates sit on top; nothing depends on them",
    },
];

#[test]
fn dependencies_point_down_the_layers() {
    let packages = deps::load(&repo_root()).expect("cargo metadata reads the workspace");
    fail_on(
        "The crate graph breaks the layers (table: crates/tidy/tests/architecture.rs, LAYERS and \
         FORBIDDEN):",
        deps::check(&packages, LAYERS, FORBIDDEN),
    );
}

// ---------------------------------------------------------------------------------------------
// 2. SQL only where it belongs.
// ---------------------------------------------------------------------------------------------

/// Where SQL may be written (path prefixes): "Only `store` writes SQL on the device; only
/// `state-api` writes SQL on the server" (ARCHITECTURE.md), and in the server only its
/// `storage` module, behind the `Storage` trait.
const SQL_PLACES: &[Exception] = &[
    Exception {
        path: "crates/store/",
        why: "the device's SQLite store, with its tests and benches",
    },
    Exception {
        path: "crates/state-api/src/storage/",
        why: "the server's storage (SQLite and PostgreSQL) behind its storage trait",
    },
    Exception {
        path: "crates/state-api/tests/",
        why: "the server's tests may look into its database",
    },
    Exception {
        path: "crates/state-api/benches/",
        why: "the server's benches may look into its database",
    },
    Exception {
        path: "crates/tidy/",
        why: "these checks: their patterns and fixtures spell SQL",
    },
];

/// Files elsewhere that hold SQL today, each with its reason. None: nothing outside the places
/// above writes SQL.
const SQL_EXCEPTIONS: &[Exception] = &[];

#[test]
fn sql_only_in_the_store_and_the_servers_storage() {
    let places: Vec<&str> = SQL_PLACES.iter().map(|p| p.path).collect();
    fail_on(
        "SQL outside its places (crates/tidy/tests/architecture.rs, SQL_PLACES):",
        rules::check_sql(&files(), &places, SQL_EXCEPTIONS),
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Time only from the clock modules.
// ---------------------------------------------------------------------------------------------

/// "One clock per process" (ARCHITECTURE.md): the functions that read the wall clock. Every
/// other piece of code takes "now" as a parameter, so a debug build can run on a moved clock
/// and the window, the shell and the server judge date rules alike. `Instant::now` (monotonic:
/// durations and timeouts) is not a wall-clock read; tests, benches, examples, `#[cfg(test)]`
/// code and the end-to-end harness (`tests/`) are exempt.
const CLOCKS: &[ClockSite] = &[
    ClockSite {
        path: "src-tauri/src/clock.rs",
        function: "system_millis",
        why: "the app's clock: the shell, the app's core (`app::Clock`), the sync worker \
              and the window (through the `clock` command's offset) read the time here",
    },
    ClockSite {
        path: "ui/src/clock.rs",
        function: "now_millis",
        why: "the window's clock: the device's time plus the shell's offset",
    },
    ClockSite {
        path: "crates/state-api/src/service/mod.rs",
        function: "wall_millis",
        why: "the server's clock, behind `Backend::now` (with the debug-only fake offset)",
    },
];

/// Wall-clock reads outside the clocks that are there today, each with its reason.
const CLOCK_EXCEPTIONS: &[ClockSite] = &[ClockSite {
    path: "crates/sync/src/client.rs",
    function: "now_unix",
    why: "an HTTP-date in `Retry-After` is the server's real time, so it is compared with the \
          device's real time, not with the app's clock, which a debug build may move",
}];

#[test]
fn the_wall_clock_is_read_only_by_the_clocks() {
    let files = files();
    let tests: BTreeSet<String> = test_only_files(&files);
    fail_on(
        "The wall clock is read outside the clocks (crates/tidy/tests/architecture.rs, CLOCKS):",
        rules::check_clock(&files, &tests, CLOCKS, CLOCK_EXCEPTIONS),
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Files a reader can hold.
// ---------------------------------------------------------------------------------------------

/// Files over 700 lines today, with their length then as a ceiling: they may shrink, not grow.
/// A file that must be long says why in its first five lines (`// tidy: long because …`).
const LONG_FILES: &[LongFile] = &[];

#[test]
fn files_a_reader_can_hold() {
    fail_on(
        "Files too long (crates/tidy/tests/architecture.rs, LONG_FILES):",
        rules::check_lengths(&files(), LONG_FILES),
    );
}

// ---------------------------------------------------------------------------------------------
// 5. The device's model is not the window's contract.
// ---------------------------------------------------------------------------------------------

/// The store and the sync engine speak their own types (and the domain's); what the window is
/// told is the app's core's business (`app`), so a change of the IPC contract never reaches
/// the device's data or the wire (#19). `use domain::{ipc, …}` is not caught; `domain::ipc::`
/// and `use domain::ipc` are.
#[test]
fn the_store_and_sync_do_not_speak_the_ipc_contract() {
    fail_on(
        "The IPC contract used by the store or the sync engine:",
        rules::check_path_unused(
            &files(),
            &["crates/store/", "crates/sync/"],
            "domain::ipc",
            "the store and the sync engine have their own model; map it onto the IPC's in `app`",
        ),
    );
}
