//! Store benches, each with SQLCipher (raw key) and plain SQLite on the same file layout:
//! autosave of one field edit into a 500-field draft, loading a 10,000-service catalog, and
//! opening the database. Before the criterion runs, the autosave is also timed edit by edit
//! to print its median and p99 (criterion reports means and intervals, not tails).
//!
//! Run: `cargo bench -p store -- --warm-up-time 1 --measurement-time 3`

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use domain::catalog::CatalogOrigin;
use domain::form::{FieldPath, Value};
use domain::Catalog;
use store::{DatabaseKey, NewDraft, Store};
use uuid::Uuid;

const DRAFT: Uuid = Uuid::from_u128(0xbe7c);
const FIELDS: usize = 500;

#[derive(Clone, Copy)]
enum Mode {
    Encrypted,
    Plain,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Encrypted => "sqlcipher",
            Mode::Plain => "plain",
        }
    }
    fn open(self, path: &Path) -> Store {
        let result = match self {
            Mode::Encrypted => Store::open(path, &DatabaseKey::from_bytes([0x5a; 32])),
            Mode::Plain => Store::open_plain(path),
        };
        result.unwrap_or_else(|e| panic!("bench store opens: {e}"))
    }
}

fn field(n: usize) -> FieldPath {
    FieldPath::root().child(&format!("feld{:03}", n % FIELDS))
}

/// A store with one 500-field draft, every field answered.
fn draft_store(mode: Mode, dir: &Path) -> Store {
    let store = mode.open(&dir.join(format!("{}.db", mode.name())));
    store
        .create_draft(&NewDraft {
            id: DRAFT,
            form_id: "bench",
            form_version: "1",
            service_key: None,
            now: 0,
        })
        .unwrap_or_else(|e| panic!("draft: {e}"));
    for n in 0..FIELDS {
        store
            .save_answer(DRAFT, &field(n), &Value::text(format!("Antwort {n}")), 0)
            .unwrap_or_else(|e| panic!("answer: {e}"));
    }
    store
}

/// Times 5,000 single edits. With `idle_checkpoint`, the app's pattern: a checkpoint in
/// every pause (here after every 200 edits, outside the timed part); without it, SQLite's own
/// checkpoints land on the autosave path.
fn percentiles(mode: Mode, idle_checkpoint: bool) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let store = draft_store(mode, dir.path());
    store
        .checkpoint()
        .unwrap_or_else(|e| panic!("checkpoint: {e}"));
    let mut times: Vec<Duration> = (0..5_000)
        .map(|n| {
            if idle_checkpoint && n % 200 == 199 {
                store
                    .checkpoint()
                    .unwrap_or_else(|e| panic!("checkpoint: {e}"));
            }
            let value = Value::text(format!("Geänderte Antwort {n}"));
            let start = Instant::now();
            store
                .save_answer(DRAFT, &field(n * 7), &value, n as i64)
                .unwrap_or_else(|e| panic!("save: {e}"));
            start.elapsed()
        })
        .collect();
    times.sort();
    let slow = times
        .iter()
        .filter(|t| **t > Duration::from_millis(1))
        .count();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
    println!(
        "autosave 1 field of a {FIELDS}-field draft, {}, {}: median {:?}, p99 {:?}, max {:?}, {slow} of {} over 1 ms",
        mode.name(),
        if idle_checkpoint { "checkpoint when idle" } else { "no idle checkpoint" },
        at(0.5),
        at(0.99),
        at(1.0),
        times.len()
    );
}

fn autosave(c: &mut Criterion) {
    for idle_checkpoint in [true, false] {
        percentiles(Mode::Encrypted, idle_checkpoint);
        percentiles(Mode::Plain, idle_checkpoint);
    }
    let mut group = c.benchmark_group("autosave_500_field_draft");
    for mode in [Mode::Encrypted, Mode::Plain] {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let store = draft_store(mode, dir.path());
        let mut n = 0usize;
        group.bench_function(mode.name(), |b| {
            b.iter(|| {
                n += 1;
                let value = Value::text(format!("Geänderte Antwort {n}"));
                store
                    .save_answer(DRAFT, &field(n * 7), &value, n as i64)
                    .unwrap_or_else(|e| panic!("save: {e}"));
            })
        });
    }
    group.finish();
}

/// The seed catalog's services repeated with fresh keys up to 10,000.
fn big_catalog() -> Catalog {
    let mut catalog = catalog_seed::seed_catalog().unwrap_or_else(|e| panic!("seed catalog: {e}"));
    let seed = catalog.services.clone();
    let mut n = 0u64;
    while catalog.services.len() < 10_000 {
        for service in &seed {
            if catalog.services.len() >= 10_000 {
                break;
            }
            let mut copy = service.clone();
            copy.leika_key = format!("{:014}", 90_000_000_000_000 + n);
            n += 1;
            catalog.services.push(copy);
        }
    }
    catalog
}

fn catalog_load(c: &mut Criterion) {
    let catalog = big_catalog();
    let mut group = c.benchmark_group("load_10000_service_catalog");
    for mode in [Mode::Encrypted, Mode::Plain] {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let path = dir.path().join("catalog.db");
        {
            let mut store = mode.open(&path);
            store
                .save_catalog(&catalog, CatalogOrigin::Seed, None, "2026-11-26T10:00:00Z")
                .unwrap_or_else(|e| panic!("save catalog: {e}"));
        }
        let store = mode.open(&path);
        group.bench_function(mode.name(), |b| {
            b.iter(|| {
                store
                    .catalog()
                    .unwrap_or_else(|e| panic!("load: {e}"))
                    .map(|c| c.catalog.services.len())
            })
        });
        // Cold: a fresh connection each time (empty page cache), as on app start.
        group.bench_function(format!("{}_cold", mode.name()), |b| {
            b.iter(|| {
                mode.open(&path)
                    .catalog()
                    .unwrap_or_else(|e| panic!("load: {e}"))
                    .map(|c| c.catalog.services.len())
            })
        });
    }
    group.finish();
}

fn open(c: &mut Criterion) {
    let mut group = c.benchmark_group("open_database");
    for mode in [Mode::Encrypted, Mode::Plain] {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        drop(draft_store(mode, dir.path()));
        let path = dir.path().join(format!("{}.db", mode.name()));
        group.bench_function(mode.name(), |b| {
            b.iter_batched(|| (), |()| mode.open(&path), BatchSize::PerIteration)
        });
    }
    group.finish();
}

criterion_group!(benches, autosave, catalog_load, open);
criterion_main!(benches);
