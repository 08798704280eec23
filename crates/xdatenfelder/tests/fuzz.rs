//! A bounded, deterministic fuzz run that CI can afford: random byte and element mutations of
//! the shipped messages (seeded, about three seconds), each imported; the import must return
//! (Ok or Err), never panic, and what it returns as Ok the form engine must accept and
//! evaluate. A failure prints the seed and mutation count to replay it; `XDF_FUZZ_SEED` picks
//! another seed, `XDF_FUZZ_SECONDS` another budget. (`fuzz/` holds a cargo-fuzz target for
//! longer runs on nightly.)
use std::time::{Duration, Instant};

use xdatenfelder::{import, shipped, Options};

/// xorshift64*: small, seedable, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Fragments that make element-level mutations interesting.
const FRAGMENTS: &[&str] = &[
    "<xdf:struktur><xdf:anzahl>0:*</xdf:anzahl><xdf:enthaelt>",
    "</xdf:enthaelt></xdf:struktur>",
    "<xdf:anzahl>3:1</xdf:anzahl>",
    "<xdf:datentyp><code>num_currency</code></xdf:datentyp>",
    "<xdf:feldart><code>select</code></xdf:feldart>",
    "<xdf:praezisierung pattern=\"(a|b\" minValue=\"x\"/>",
    "<xdf:skript>check: F1 ++ 2</xdf:skript>",
    "<xdf:skript>show_if: count(G99102002) &gt; 1</xdf:skript>",
    "<xdf:regel><xdf:typ><code>B</code></xdf:typ><xdf:skript>compute: 1</xdf:skript></xdf:regel>",
    "<xdf:identifikation><xdf:id>F99102001</xdf:id></xdf:identifikation>",
    "&amp;",
    "<![CDATA[<x>]]>",
    "\u{0}",
    "ä",
    "<!-- -->",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let len = out.len();
        match rng.below(7) {
            0 => {
                let i = rng.below(len);
                if let Some(b) = out.get_mut(i) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => {
                let start = rng.below(len);
                let end = (start + rng.below(200)).min(len);
                out.drain(start..end);
            }
            2 => {
                let start = rng.below(len);
                let end = (start + rng.below(400)).min(len);
                let copy = out[start..end].to_vec();
                let at = rng.below(out.len());
                out.splice(at..at, copy);
            }
            3 => {
                let at = rng.below(len);
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())].as_bytes();
                out.splice(at..at, fragment.iter().copied());
            }
            4 => out.truncate(rng.below(len)),
            5 => {
                // Remove one whole element: from a `<xdf:` to the matching `</xdf:` of its name.
                let text = String::from_utf8_lossy(&out).into_owned();
                let starts: Vec<usize> = text.match_indices("<xdf:").map(|(i, _)| i).collect();
                if let Some(&start) = starts.get(rng.below(starts.len())) {
                    let name: String = text[start + 5..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
                        .collect();
                    if let Some(end) = text[start..].find(&format!("</xdf:{name}>")) {
                        let end = start + end + name.len() + 7;
                        let mut t = text;
                        t.replace_range(start..end.min(t.len()), "");
                        out = t.into_bytes();
                    }
                }
            }
            _ => {
                // Replace a text node with a random number-ish or cardinality-ish value.
                let text = String::from_utf8_lossy(&out).into_owned();
                let gaps: Vec<usize> = text.match_indices('>').map(|(i, _)| i + 1).collect();
                if let Some(&at) = gaps.get(rng.below(gaps.len())) {
                    if let Some(len) = text[at..].find('<') {
                        let values = [
                            "0:0",
                            "1:*",
                            "*:1",
                            "-5",
                            "1e999",
                            "",
                            "9999999999999999999",
                            "today-999y",
                            "F1",
                        ];
                        let mut t = text;
                        t.replace_range(at..at + len, values[rng.below(values.len())]);
                        out = t.into_bytes();
                    }
                }
            }
        }
    }
    out
}

#[test]
fn mutated_messages_never_panic_the_import() {
    let seed: u64 = std::env::var("XDF_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_F1A7);
    let seconds: u64 = std::env::var("XDF_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let budget = Duration::from_secs(seconds);
    let options = Options {
        code_lists: shipped::code_lists(),
        ..Options::default()
    };
    let today = domain::form::Date::parse("2026-06-01").expect("date");
    let started = Instant::now();
    let mut rng = Rng(seed | 1);
    let (mut runs, mut imported) = (0_u64, 0_u64);
    while started.elapsed() < budget {
        let (name, text) = shipped::MESSAGES[rng.below(shipped::MESSAGES.len())];
        let mutated = mutate(&mut rng, text.as_bytes());
        let input = String::from_utf8_lossy(&mutated);
        runs += 1;
        let outcome = std::panic::catch_unwind(|| match import(&input, &options) {
            Ok(import) => {
                let form = domain::form::Form::new(import.definition)
                    .unwrap_or_else(|e| panic!("an import the engine refuses: {e}"));
                let _ = form.evaluate(&domain::form::Answers::new(), today);
                true
            }
            Err(e) => {
                assert!(!e.to_string().is_empty(), "an error says something");
                false
            }
        });
        match outcome {
            Ok(true) => imported += 1,
            Ok(false) => {}
            Err(_) => panic!("seed {seed}, run {runs} ({name}) panicked; input:\n{input}"),
        }
    }
    assert!(
        runs > 50,
        "the budget allows a real number of runs ({runs})"
    );
    assert!(
        imported > 0 && imported < runs,
        "mutations both import and fail ({imported} of {runs})"
    );
    eprintln!(
        "{runs} mutated messages, {imported} imported, in {:?}",
        started.elapsed()
    );
}
