//! Building the seed catalog from `data/` (first start, and every test that needs a catalog):
//! `cargo bench -p catalog-seed`. Replaces a test that only printed a time.

use criterion::{criterion_group, criterion_main, Criterion};

fn seed(c: &mut Criterion) {
    c.bench_function("seed_catalog (4,813 services, 632 municipalities)", |b| {
        b.iter(|| catalog_seed::seed_catalog().map(|catalog| catalog.services.len()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = seed
}
criterion_main!(benches);
