//! Import speed: a generated XDatenfelder 3.0.0 schema with 350 fields in 10 groups (one a
//! repeat group) and 200 rules in our rule language (conditions, checks, calculations), the
//! whole import including the form engine's check of the result. Prints median and p99 of
//! single runs besides criterion's estimate. Run: `cargo bench -p xdatenfelder`.

use std::fmt::Write;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use xdatenfelder::{import, Options};

const GROUPS: usize = 10;
const FIELDS_PER_GROUP: usize = 35;
const RULES: usize = 200;

/// Field `i` of group `g`: id `F{g}_{i}`; every fifth field is a yes/no the next fields'
/// conditions read; the rest cycle through the Datentypen with Präzisierung and values.
fn field(out: &mut String, g: usize, i: usize, rules: &mut usize) {
    let id = format!("F{g}_{i}");
    let (feldart, datentyp, praez, values) = match i % 5 {
        0 => ("input", "bool", String::new(), String::new()),
        1 => (
            "input",
            "text",
            r#"<xdf:praezisierung minLength="2" maxLength="80" pattern="[A-Za-zÄÖÜäöüß .'-]+"/>"#
                .to_owned(),
            String::new(),
        ),
        2 => (
            "input",
            "num_int",
            r#"<xdf:praezisierung minValue="0" maxValue="1000"/>"#.to_owned(),
            String::new(),
        ),
        3 => (
            "select",
            "text",
            String::new(),
            (0..8).fold(String::from("<xdf:werte>"), |mut s, c| {
                let _ = write!(
                    s,
                    "<xdf:wert><xdf:code>c{c}</xdf:code><xdf:name>Wert {c}</xdf:name></xdf:wert>"
                );
                s
            }) + "</xdf:werte>",
        ),
        _ => (
            "input",
            "date",
            r#"<xdf:praezisierung minValue="today-100y" maxValue="today"/>"#.to_owned(),
            String::new(),
        ),
    };
    let switch = format!("F{g}_{}", i - i % 5);
    let mut regel = String::new();
    if !i.is_multiple_of(5) && *rules < RULES {
        *rules += 1;
        let script = match i % 5 {
            2 => format!("check: {id} &lt;= 500 or {switch} == true\nmessage: form-check-failed"),
            1 if i % 10 == 1 => format!("show_if: {switch} == true\nrequired_if: {switch} == true"),
            _ => format!("show_if: {switch} == true"),
        };
        let typ = if script.starts_with("check") {
            "V"
        } else {
            "K"
        };
        let _ = write!(regel, "<xdf:regel><xdf:identifikation><xdf:id>R{g}_{i}</xdf:id></xdf:identifikation><xdf:typ><code>{typ}</code></xdf:typ><xdf:skript>{script}</xdf:skript></xdf:regel>");
    }
    let anzahl = if i.is_multiple_of(3) { "1:1" } else { "0:1" };
    let _ = write!(
        out,
        "<xdf:struktur><xdf:anzahl>{anzahl}</xdf:anzahl><xdf:enthaelt><xdf:datenfeld>\
         <xdf:identifikation><xdf:id>{id}</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>\
         <xdf:name>Feld {g}.{i}</xdf:name><xdf:bezeichnungEingabe>Feld {g}.{i}</xdf:bezeichnungEingabe>\
         <xdf:hilfetextEingabe>Hilfe zu Feld {g}.{i}</xdf:hilfetextEingabe>\
         <xdf:feldart><code>{feldart}</code></xdf:feldart><xdf:datentyp><code>{datentyp}</code></xdf:datentyp>\
         {praez}{values}<xdf:vorbefuellung><code>keine</code></xdf:vorbefuellung>{regel}\
         </xdf:datenfeld></xdf:enthaelt></xdf:struktur>"
    );
}

/// The generated message.
fn message() -> String {
    let mut out = String::from(
        "<xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf=\"urn:xoev-de:fim:standard:xdatenfelder_3.0.0\">\
         <xdf:header><xdf:nachrichtID>bench</xdf:nachrichtID></xdf:header><xdf:stammdatenschema>\
         <xdf:identifikation><xdf:id>S1</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>\
         <xdf:bezeichnung>Benchmark</xdf:bezeichnung>",
    );
    let mut rules = 0;
    for g in 0..GROUPS {
        let anzahl = if g == 3 { "1:20" } else { "1:1" };
        let _ = write!(
            out,
            "<xdf:struktur><xdf:anzahl>{anzahl}</xdf:anzahl><xdf:enthaelt><xdf:datenfeldgruppe>\
             <xdf:identifikation><xdf:id>G{g}</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>\
             <xdf:bezeichnungEingabe>Gruppe {g}</xdf:bezeichnungEingabe>"
        );
        for i in 0..FIELDS_PER_GROUP {
            field(&mut out, g, i, &mut rules);
        }
        out.push_str("</xdf:datenfeldgruppe></xdf:enthaelt></xdf:struktur>");
    }
    out.push_str("</xdf:stammdatenschema></xdf:xdatenfelder.stammdatenschema.0102>");
    assert_eq!(rules, RULES, "the generator makes {RULES} rules");
    out
}

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

fn bench(c: &mut Criterion) {
    let xml = message();
    let options = Options::default();
    let imported =
        import(&xml, &options).unwrap_or_else(|e| panic!("the generated schema imports: {e}"));
    let fields = imported.definition.fields();
    let rules: usize = fields
        .iter()
        .map(|(_, f)| {
            f.checks.len() + usize::from(f.show_if.is_some()) + usize::from(f.required_if.is_some())
        })
        .sum();
    assert_eq!(
        fields.len(),
        GROUPS * FIELDS_PER_GROUP,
        "every field imported"
    );
    assert!(
        imported.report.is_empty(),
        "nothing left out: {}",
        imported.report
    );
    eprintln!(
        "generated schema: {} KB XML, {} fields, {RULES} rules ({rules} rule properties), form JSON {} KB",
        xml.len() / 1024,
        fields.len(),
        serde_json::to_string(&imported.definition).map(|s| s.len() / 1024).unwrap_or(0)
    );
    percentiles(
        "of which the form engine's build of the result",
        300,
        || {
            black_box(domain::form::Form::new(imported.definition.clone()).ok());
        },
    );
    percentiles("import 350 fields, 200 rules", 300, || {
        black_box(import(black_box(&xml), &options).ok());
    });
    c.bench_function("import 350 fields, 200 rules (XDF 3)", |b| {
        b.iter(|| import(black_box(&xml), &options))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(10));
    targets = bench
}
criterion_main!(benches);
