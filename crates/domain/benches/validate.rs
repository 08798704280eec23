//! Validation speed: a 500-field definition with rules and 3 repeat groups of 20 instances
//! (the per-keystroke budget is 1 ms native, 5 ms wasm), and parse time plus JSON size of the
//! Digitaler Bauantrag. Run: `cargo bench -p domain --bench validate`.

use criterion::{criterion_group, criterion_main, Criterion};
use domain::form::{showcase, synthetic, Date, Form};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn today() -> Date {
    Date::parse("2026-11-26").unwrap_or_else(|| unreachable!("a valid date"))
}

/// Times `runs` single calls and prints median and p99 (criterion reports means and their
/// confidence intervals, not tail latency).
fn percentiles(name: &str, runs: usize, mut f: impl FnMut()) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let at = |q: f64| {
        times
            .get(((runs as f64 * q) as usize).min(runs - 1))
            .copied()
            .unwrap_or_default()
    };
    eprintln!(
        "{name}: median {:?}, p99 {:?}, max {:?} over {runs} single runs",
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

fn validate(c: &mut Criterion) {
    let def = synthetic::definition(500, 3, 20);
    let form = Form::new(def).unwrap_or_else(|e| panic!("synthetic form compiles: {e}"));
    let answers = synthetic::answers(form.definition(), 20, 7);
    let evaluation = form.evaluate(&answers, today());
    let instances: usize = form.definition().fields().len();
    eprintln!(
        "synthetic: {instances} fields in the definition, {} problems, {} hidden, {} computed, answers JSON {} bytes",
        evaluation.problems.len(),
        evaluation.hidden.len(),
        evaluation.computed.len(),
        serde_json::to_string(&answers).map(|s| s.len()).unwrap_or(0)
    );
    percentiles("evaluate 500 fields, 3 repeat groups x 20", 2000, || {
        black_box(form.evaluate(black_box(&answers), today()));
    });
    c.bench_function("evaluate 500 fields, 3 repeat groups x 20", |b| {
        b.iter(|| form.evaluate(black_box(&answers), today()))
    });

    c.bench_function(
        "clone the answers (part of evaluate when a form computes)",
        |b| b.iter(|| black_box(&answers).clone()),
    );

    let bau = Form::from_json(showcase::BAUGENEHMIGUNG)
        .unwrap_or_else(|e| panic!("Bauantrag compiles: {e}"));
    let bau_answers = synthetic::answers(bau.definition(), 5, 11);
    c.bench_function(
        "evaluate Bauantrag (synthetic answers, 5 per repeat)",
        |b| b.iter(|| bau.evaluate(black_box(&bau_answers), today())),
    );
}

fn parse(c: &mut Criterion) {
    let json = showcase::BAUGENEHMIGUNG;
    let compact = serde_json::from_str::<serde_json::Value>(json)
        .and_then(|v| serde_json::to_string(&v))
        .map(|s| s.len())
        .unwrap_or(0);
    eprintln!(
        "Bauantrag JSON: {} bytes as shipped (indented), {compact} bytes compact",
        json.len()
    );
    percentiles("parse + compile Bauantrag", 300, || {
        black_box(Form::from_json(black_box(json)).is_ok());
    });
    c.bench_function("parse + compile Bauantrag", |b| {
        b.iter(|| Form::from_json(black_box(json)))
    });
    c.bench_function("parse Bauantrag JSON only (serde)", |b| {
        b.iter(|| domain::form::FormDefinition::from_json(black_box(json)))
    });
}

/// `pattern` constraints (#20 moved them from `regex` to `regex-lite` with Unicode classes
/// written out): compiling the patterns real definitions use, and checking one answer (what a
/// keystroke costs), each beside the `regex` crate in the same run.
fn patterns(c: &mut Criterion) {
    let patterns = [
        r"[^@\s]+@[^@\s]+\.[^@\s]+",
        r"[+]?[0-9][0-9 ()/-]{4,}",
        r"\d{5}",
        r"[A-Z]{2}[0-9]{2}[A-Z0-9 ]{11,40}",
        r"\p{Lu}[\p{L} '-]{0,99}",
        r"[\w .'-]{1,100}",
    ];
    c.bench_function(
        "compile 6 patterns (regex-lite, classes written out)",
        |b| {
            b.iter(|| {
                for pattern in patterns {
                    black_box(domain::form::compile_pattern(black_box(pattern)).is_ok());
                }
            })
        },
    );
    c.bench_function("compile 6 patterns (regex, as before)", |b| {
        b.iter(|| {
            for pattern in patterns {
                black_box(regex::Regex::new(&format!("^(?:{})$", black_box(pattern))).is_ok());
            }
        })
    });
    let answers = [
        "erika.mustermann@beispiel-gemeinde.de",
        "+49 361 5550123",
        "99084",
        "DE02 1203 0000 0000 2020 51",
        "Zoë Łukasiewicz-O'Brien",
        "Hauptstraße 12a, Hinterhaus",
    ];
    let ours: Vec<_> = patterns
        .iter()
        .filter_map(|p| domain::form::compile_pattern(p).ok())
        .collect();
    let theirs: Vec<_> = patterns
        .iter()
        .filter_map(|p| regex::Regex::new(&format!("^(?:{p})$")).ok())
        .collect();
    c.bench_function("check 6 answers (regex-lite)", |b| {
        b.iter(|| {
            for (pattern, answer) in ours.iter().zip(answers) {
                black_box(pattern.is_match(black_box(answer)));
            }
        })
    });
    c.bench_function("check 6 answers (regex, as before)", |b| {
        b.iter(|| {
            for (pattern, answer) in theirs.iter().zip(answers) {
                black_box(pattern.is_match(black_box(answer)));
            }
        })
    });
}

criterion_group!(benches, validate, parse, patterns);
criterion_main!(benches);
