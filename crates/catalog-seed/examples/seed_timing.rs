//! Measures `seed_catalog()` and the size of the catalog as JSON:
//! `cargo run --release -p catalog-seed --example seed_timing`.

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let first = Instant::now();
    let catalog = catalog_seed::seed_catalog()?;
    let first = first.elapsed();
    let runs = 20;
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(catalog_seed::seed_catalog()?);
    }
    let each = start.elapsed() / runs;
    let json = serde_json::to_vec(&catalog)?;
    println!("seed_catalog(): first call {first:?}, then {each:?} per call (average of {runs})");
    println!(
        "catalog {}: {} services ({} featured), {} life situations, {} authorities, {} districts, {} municipalities, {} postal codes",
        catalog.version,
        catalog.services.len(),
        catalog.services.iter().filter(|s| s.featured).count(),
        catalog.life_situations.len(),
        catalog.authorities.len(),
        catalog.districts.len(),
        catalog.municipalities.len(),
        catalog.postal_codes.len(),
    );
    println!("serialized JSON: {} bytes", json.len());
    Ok(())
}
