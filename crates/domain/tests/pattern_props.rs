#![cfg(not(target_arch = "wasm32"))]
//! Property test: a `pattern` means what it meant when the `regex` crate checked it (#20 moved
//! the form engine to `regex-lite`, writing Unicode classes out). Random patterns from the
//! pieces form definitions use, random answers from letters, digits and spaces of several
//! scripts: wherever ours compiles, it accepts exactly what `regex` accepts, and it refuses to
//! compile only what the module says it refuses (`(?i)` beyond ASCII, class set operations).

use domain::form::compile_pattern;
use proptest::prelude::*;

/// Characters answers are made of: ASCII, German and other Latin letters, Cyrillic, Greek,
/// Arabic-Indic digits, punctuation and several kinds of space. (Not the three characters whose
/// case folding `regex-lite` does not know, the Kelvin sign, the long s and the combining
/// ypogegrammeni: `(?i)` is documented to fold ASCII letters only.)
const ALPHABET: &[char] = &[
    'a', 'Z', 'k', 's', 'ä', 'Ä', 'ß', 'é', 'Ł', 'д', 'Д', 'λ', 'Σ', '1', '٣', '_', '-', '.', ' ',
    '\t', '\u{a0}', '\u{3000}', '@', '/', '\'', '€', '²', 'Ⅻ',
];

fn answer() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..8)
        .prop_map(|chars| chars.into_iter().collect())
}

/// One piece of a pattern: a literal, a class escape, or a bracketed class.
fn atom() -> impl Strategy<Value = String> {
    let escape = prop::sample::select(vec![
        r"\d", r"\D", r"\w", r"\W", r"\s", r"\S", r"\p{L}", r"\p{Lu}", r"\p{Ll}", r"\p{N}",
        r"\p{Nd}", r"\p{P}", r"\p{S}", r"\p{Z}", r"\P{L}", r"\pL", r"\PN", ".",
    ])
    .prop_map(str::to_owned);
    let literal = prop::sample::select(vec!["a", "Z", "k", "ä", "Ä", "1", "-", r"\.", " ", "_"])
        .prop_map(str::to_owned);
    let member = prop_oneof![
        escape.clone(),
        prop::sample::select(vec!["a-z", "A-Z", "0-9", "ä", "Ä", "_", " ", ".", "@", "-"])
            .prop_map(str::to_owned),
    ];
    let class =
        (any::<bool>(), prop::collection::vec(member, 1..4)).prop_map(|(negated, members)| {
            format!("[{}{}]", if negated { "^" } else { "" }, members.concat())
        });
    prop_oneof![3 => escape, 2 => literal, 3 => class]
}

fn quantified() -> impl Strategy<Value = String> {
    (
        atom(),
        prop::sample::select(vec!["", "", "?", "*", "+", "{1,3}", "{2}"]),
    )
        .prop_map(|(atom, quantifier)| format!("{atom}{quantifier}"))
}

fn pattern() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["", "", "(?i)", "(?x)"]),
        prop::collection::vec(quantified(), 1..4),
        prop::option::of(prop::collection::vec(quantified(), 1..3)),
    )
        .prop_map(|(flags, first, other)| match other {
            Some(other) => format!("{flags}(?:{}|{})", first.concat(), other.concat()),
            None => format!("{flags}{}", first.concat()),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn a_pattern_accepts_what_the_regex_crate_accepts(
        source in pattern(),
        answers in prop::collection::vec(answer(), 12),
    ) {
        let reference = regex::Regex::new(&format!("^(?:{source})$"));
        match (compile_pattern(&source), reference) {
            (Ok(ours), Ok(reference)) => {
                for answer in &answers {
                    prop_assert_eq!(
                        ours.is_match(answer),
                        reference.is_match(answer),
                        "pattern {:?}, answer {:?}", source, answer
                    );
                }
            }
            (Ok(_), Err(problem)) => {
                prop_assert!(false, "{:?} compiles, the regex crate refuses it: {}", source, problem);
            }
            (Err(_), Err(_)) => {}
            (Err(problem), Ok(_)) => {
                prop_assert!(
                    (source.starts_with("(?i)") && problem.contains("case-insensitive"))
                        || problem.contains("set operations"),
                    "{:?} refused: {}", source, problem
                );
            }
        }
    }
}
