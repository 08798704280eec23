//! Sealing bench (#15): what encrypting an application on the device costs, beside what the
//! plaintext path already does with the same bytes (its SHA-512), in the same run. Reports the
//! median and the 99th percentile of each. Run: `cargo bench -p jose --bench seal`.
//!
//! - a form's data (about 2 KB of canonical JSON) sealed to a 4096-bit key (FIT-Connect's
//!   size) and to a 2048-bit one; opened by the authority with the 4096-bit key;
//! - 10 MiB (an attachment's size) sealed to the 4096-bit key: AES-256-GCM dominates.

use std::time::{Duration, Instant};

use aws_lc_rs::digest::{digest, SHA512};

fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    f(); // warm up
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99))
}

fn report(name: &str, (median, p99): (Duration, Duration)) {
    println!("{name:<44} median {median:>12.3?}   p99 {p99:>12.3?}");
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let form: String = {
        let fields: Vec<String> = (0..40)
            .map(|i| format!("\"F{i:08}\":\"Antwort Nummer {i} mit etwas Text, Erfurt\""))
            .collect();
        format!("{{{}}}", fields.join(","))
    };
    let big = vec![0x5au8; 10 * 1024 * 1024];
    let k4096 = jose::DecryptionKey::generate_sized("erfurt-enc-1", 4096)?;
    let k2048 = jose::DecryptionKey::generate_sized("jena-enc-1", 2048)?;
    let (p4096, p2048) = (k4096.public_jwk(), k2048.public_jwk());
    println!("form data: {} bytes", form.len());

    report(
        "baseline: SHA-512 of the form data",
        time(2_000, || {
            std::hint::black_box(digest(&SHA512, form.as_bytes()));
        }),
    );
    report(
        "seal the form data, RSA-4096 + A256GCM",
        time(2_000, || {
            std::hint::black_box(jose::encrypt(form.as_bytes(), &p4096, "application/json").ok());
        }),
    );
    report(
        "seal the form data, RSA-2048 + A256GCM",
        time(2_000, || {
            std::hint::black_box(jose::encrypt(form.as_bytes(), &p2048, "application/json").ok());
        }),
    );
    let sealed = jose::encrypt(form.as_bytes(), &p4096, "application/json")?;
    report(
        "open the form data (authority), RSA-4096",
        time(300, || {
            std::hint::black_box(k4096.decrypt(&sealed).ok());
        }),
    );
    report(
        "baseline: SHA-512 of 10 MiB",
        time(30, || {
            std::hint::black_box(digest(&SHA512, &big));
        }),
    );
    report(
        "seal 10 MiB, RSA-4096 + A256GCM",
        time(30, || {
            std::hint::black_box(jose::encrypt(&big, &p4096, "application/pdf").ok());
        }),
    );
    Ok(())
}
