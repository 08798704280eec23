//! `pattern` constraints of text fields (XDatenfelder's Präzisierung `pattern`).
//!
//! Compiled with `regex-lite`, in the window as in the shell and the state API (#20: the `regex`
//! crate, with its engines and every Unicode table, was a quarter of the UI's wasm). Both
//! engines match in linear time. What `regex-lite` lacks is Unicode in its classes, so the
//! classes a pattern may use are written out before compiling, from tables taken from the
//! `regex` crate's own (`unicode-classes.txt`, checked against them by a test): `\d`, `\w`, `\s`
//! and their negations, and `\p{…}`/`\P{…}` for the general categories `L`, `Lu`, `Ll`, `N`,
//! `Nd`, `P`, `S` and `Z`. So a pattern means what it meant with the `regex` crate.
//!
//! Refused, with a reason, where `regex-lite` would silently mean something else:
//! case-insensitive matching (`(?i)`) beside letters outside ASCII or a cased class (and so
//! `(?i)` folds ASCII letters only: `k` does not match the Kelvin sign, nor `s` the long s),
//! word boundaries (`\b`, `\B`) and class set operations (`--`, `&&`, `~~`), which XML
//! Schema does not have either; a range that starts or ends at a class, as `regex` does.

use std::fmt;

/// The largest compiled pattern we accept (bytes of the regex program): a definition cannot
/// make every keystroke slow. Matching itself is linear in the answer's length.
/// (4 MiB: a class written out is one state of its ranges, `[\w .'-]{1,255}` takes about 2 MiB.)
const SIZE_LIMIT: usize = 1 << 22;

/// A compiled `pattern`: the whole answer must match (anchored at both ends, as XML Schema
/// reads it).
#[derive(Clone)]
pub struct Pattern(regex_lite::Regex);

impl Pattern {
    /// Whether `text` matches as a whole.
    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pattern")
    }
}

/// Compiles a `pattern` constraint. Errors say why, for the definition error.
pub fn compile_pattern(pattern: &str) -> Result<Pattern, String> {
    let written_out = write_out_classes(pattern)?;
    regex_lite::RegexBuilder::new(&format!("^(?:{written_out})$"))
        .size_limit(SIZE_LIMIT)
        .build()
        .map(Pattern)
        .map_err(|e| {
            if e.to_string().contains("size limit") {
                "the pattern is too large".to_owned()
            } else {
                format!("the pattern does not compile: {e}")
            }
        })
}

/// The Unicode tables: one line per class, `name lo-hi lo …` in hex.
const CLASSES: &str = include_str!("unicode-classes.txt");

/// The general categories `\p{…}` may name (each a line of [`CLASSES`]; `Nd` is `\d`'s).
const CATEGORIES: [(&str, &str); 8] = [
    ("L", "L"),
    ("Lu", "Lu"),
    ("Ll", "Ll"),
    ("N", "N"),
    ("Nd", "d"),
    ("P", "P"),
    ("S", "S"),
    ("Z", "Z"),
];

/// The ranges of one class of [`CLASSES`].
fn class_ranges(name: &str) -> Vec<(u32, u32)> {
    let Some(line) = CLASSES
        .lines()
        .find(|line| line.split(' ').next() == Some(name))
    else {
        return Vec::new();
    };
    line.split(' ')
        .skip(1)
        .filter_map(|range| {
            let (lo, hi) = range.split_once('-').unwrap_or((range, range));
            Some((
                u32::from_str_radix(lo, 16).ok()?,
                u32::from_str_radix(hi, 16).ok()?,
            ))
        })
        .collect()
}

/// The code points not in `ranges` (sorted, disjoint), without the surrogates, which no
/// `char` is.
fn complement(ranges: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut next = 0u32;
    for &(lo, hi) in ranges {
        if lo > next {
            out.push((next, lo - 1));
        }
        next = hi.saturating_add(1);
    }
    if next <= 0x10FFFF {
        out.push((next, 0x10FFFF));
    }
    out.into_iter()
        .flat_map(|(lo, hi)| {
            if hi < 0xD800 || lo > 0xDFFF {
                vec![(lo, hi)]
            } else {
                [(lo, 0xD7FF), (0xE000, hi)]
                    .into_iter()
                    .filter(|(lo, hi)| lo <= hi)
                    .collect()
            }
        })
        .collect()
}

/// Writes `ranges` as the inside of a bracketed class.
fn push_ranges(out: &mut String, ranges: &[(u32, u32)]) {
    for &(lo, hi) in ranges {
        push_class_char(out, lo);
        if hi != lo {
            out.push('-');
            push_class_char(out, hi);
        }
    }
}

/// One end of a range: letters and digits as they are (`regex-lite` reads an escaped letter
/// under `(?i)` as a class of both cases, which cannot end a range); ASCII punctuation,
/// white space (ignored under `(?x)`) and controls as `\x{…}`.
fn push_class_char(out: &mut String, code: u32) {
    match char::from_u32(code) {
        Some(c) if c.is_ascii_alphanumeric() || !(c.is_ascii() || c.is_whitespace()) => out.push(c),
        _ => {
            use fmt::Write;
            let _ = write!(out, "\\x{{{code:X}}}");
        }
    }
}

/// What the pattern uses that decides whether `(?i)` would mean what it means in `regex`:
/// `regex-lite` folds the case of ASCII letters only.
#[derive(Default)]
struct Uses {
    case_insensitive: bool,
    /// A letter outside ASCII, or a class of one case (`\p{Lu}`, `\p{Ll}`).
    beyond_ascii: bool,
}

/// Where a bracketed class stands, for what a `-` means (the `regex` crate's reading: a `-`
/// after a single item and not before `]` makes a range; a class cannot end a range).
#[derive(Clone, Copy, PartialEq)]
enum InClass {
    /// Nothing yet, or a range or a class just ended: a `-` is a literal.
    Open,
    /// A single character: a `-` after it makes a range.
    Single,
    /// A `-` between two ends of a range.
    Dash,
}

/// `pattern` with every Unicode class written out as ranges `regex-lite` reads.
fn write_out_classes(pattern: &str) -> Result<String, String> {
    const RANGE_WITH_CLASS: &str = "the pattern has a range that starts or ends at a class";
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len());
    let mut uses = Uses::default();
    // `(?x)`: white space in a class is ignored, as outside.
    let mut extended = false;
    let mut class: Option<InClass> = None;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        uses.beyond_ascii |= !c.is_ascii();
        match c {
            '\\' => {
                let Some(&escaped) = chars.get(i) else {
                    return Err("the pattern ends in a lone backslash".to_owned());
                };
                i += 1;
                let (name, negated) = match escaped {
                    'd' | 'D' => ("d".to_owned(), escaped == 'D'),
                    'w' | 'W' => ("w".to_owned(), escaped == 'W'),
                    's' | 'S' => ("s".to_owned(), escaped == 'S'),
                    'p' | 'P' => (category(&chars, &mut i)?, escaped == 'P'),
                    'b' | 'B' => {
                        return Err(format!(
                            "word boundaries (\\{escaped}) are not supported: the pattern \
                             covers the whole answer"
                        ))
                    }
                    other => {
                        out.push('\\');
                        out.push(other);
                        uses.beyond_ascii |= !other.is_ascii();
                        class = class.map(after_single);
                        continue;
                    }
                };
                // Every class but these two is the same set under case folding.
                uses.beyond_ascii |= name == "Lu" || name == "Ll";
                let ranges = class_ranges(&name);
                match (class, negated) {
                    (None, negated) => {
                        out.push_str(if negated { "[^" } else { "[" });
                        push_ranges(&mut out, &ranges);
                        out.push(']');
                    }
                    (Some(InClass::Dash), _) => return Err(RANGE_WITH_CLASS.to_owned()),
                    (Some(_), negated) => {
                        let mut ahead = significant(&chars[i..], extended);
                        if ahead.next() == Some(&'-')
                            && ahead.next().is_some_and(|c| !matches!(c, ']' | '-'))
                        {
                            return Err(RANGE_WITH_CLASS.to_owned());
                        }
                        if negated {
                            push_ranges(&mut out, &complement(&ranges));
                        } else {
                            push_ranges(&mut out, &ranges);
                        }
                        class = Some(InClass::Open);
                    }
                }
            }
            '[' if class.is_none() => {
                class = Some(InClass::Open);
                out.push('[');
                // `[^]…]`, `[]…]`, `[-…]`: a `]` first and the `-`s after it are literals
                // that start no range.
                if chars.get(i) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                if chars.get(i) == Some(&']') {
                    out.push_str("\\]");
                    i += 1;
                }
                while chars.get(i) == Some(&'-') {
                    out.push_str("\\-");
                    i += 1;
                }
            }
            '[' if chars.get(i) == Some(&':') => {
                // An ASCII class such as `[:alpha:]`, copied whole.
                if class == Some(InClass::Dash) {
                    return Err(RANGE_WITH_CLASS.to_owned());
                }
                out.push('[');
                while let Some(&c) = chars.get(i) {
                    out.push(c);
                    i += 1;
                    if c == ']' {
                        break;
                    }
                }
                class = Some(InClass::Open);
            }
            ']' if class.is_some() => {
                class = None;
                out.push(']');
            }
            '-' | '&' | '~' if class.is_some() && chars.get(i) == Some(&c) => {
                return Err(format!(
                    "class set operations ({c}{c}) are not supported: list the characters"
                ));
            }
            '-' if class == Some(InClass::Single)
                && significant(&chars[i..], extended)
                    .next()
                    .is_some_and(|c| *c != ']') =>
            {
                class = Some(InClass::Dash);
                out.push('-');
            }
            c if extended && class.is_some() && c.is_whitespace() => out.push(c),
            '(' if class.is_none() && chars.get(i) == Some(&'?') => {
                out.push('(');
                // Inline flags, `(?i)` or `(?i:…)`: a flag before any `-` turns it on.
                let flags: String = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphabetic() || **c == '-')
                    .collect();
                let on = flags.split('-').next().unwrap_or_default();
                uses.case_insensitive |= on.contains('i');
                extended |= on.contains('x');
            }
            other => {
                out.push(other);
                class = class.map(after_single);
            }
        }
    }
    if uses.case_insensitive && uses.beyond_ascii {
        return Err(
            "case-insensitive matching ((?i)) works for ASCII letters only: list both \
                    cases of other letters, for example [äÄ]"
                .to_owned(),
        );
    }
    Ok(out)
}

/// The characters of `rest` that mean something inside a class: under `(?x)` white space
/// does not.
fn significant(rest: &[char], extended: bool) -> impl Iterator<Item = &char> {
    rest.iter()
        .filter(move |c| !(extended && c.is_whitespace()))
}

/// A class's state after a single character: the end of a range after a `-`, else a possible
/// start of one.
fn after_single(state: InClass) -> InClass {
    match state {
        InClass::Dash => InClass::Open,
        InClass::Open | InClass::Single => InClass::Single,
    }
}

/// The class `\p{…}`/`\pX` names, after the `p` at `chars[*i]`; `i` moves past it.
fn category(chars: &[char], i: &mut usize) -> Result<String, String> {
    let name: String = if chars.get(*i) == Some(&'{') {
        let Some(len) = chars[*i + 1..].iter().position(|c| *c == '}') else {
            return Err("the pattern has a \\p{ without its }".to_owned());
        };
        let name = chars[*i + 1..*i + 1 + len].iter().collect();
        *i += len + 2;
        name
    } else {
        let Some(&letter) = chars.get(*i) else {
            return Err("the pattern ends in \\p".to_owned());
        };
        *i += 1;
        letter.to_string()
    };
    CATEGORIES
        .iter()
        .find(|(category, _)| *category == name)
        .map(|(_, line)| (*line).to_owned())
        .ok_or_else(|| {
            let known: Vec<&str> = CATEGORIES.iter().map(|(category, _)| *category).collect();
            format!(
                "the Unicode class \\p{{{name}}} is not supported; these are: {}",
                known.join(", ")
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepts(pattern: &str, good: &[&str], bad: &[&str]) {
        let compiled = compile_pattern(pattern).expect(pattern);
        for text in good {
            assert!(compiled.is_match(text), "{pattern} must accept {text:?}");
        }
        for text in bad {
            assert!(!compiled.is_match(text), "{pattern} must refuse {text:?}");
        }
    }

    #[test]
    fn unicode_classes_mean_what_they_meant_in_regex() {
        accepts(
            r"\w+",
            &["Müller", "Łukasiewicz", "Иван", "a_1"],
            &["O'Brien", "a b"],
        );
        accepts(r"\d{5}", &["99084", "٠١٢٣٤"], &["9908a", "99 84"]);
        accepts(
            r"[^@\s]+@[^@\s]+\.[^@\s]+",
            &["a@b.de"],
            &["a b@c.de", "a\u{3000}b@c.de"],
        );
        accepts(r"\p{Lu}\p{Ll}+", &["Ärger", "Zoë"], &["ärger", "ÄRGER"]);
        accepts(r"[\p{L} '-]+", &["Zoë O'Brien-Łukasiewicz"], &["R2D2"]);
        accepts(r"\P{N}+", &["abc"], &["a1"]);
        accepts(r"[\W\d]+", &["1-2", "#"], &["a"]);
        accepts(r"[\S]+", &["ab"], &["a b"]);
        accepts(r"\pL+", &["Straße"], &["Straße 1"]);
        accepts(r"\D+", &["ab"], &["a1"]);
    }

    #[test]
    fn plain_patterns_are_unchanged() {
        accepts(
            r"[+]?[0-9][0-9 ()/-]{4,}",
            &["+49 361 123", "0361/1234"],
            &["12"],
        );
        accepts(r"[]a]+", &["]a]"], &["b"]);
        accepts(r"[]-a]+", &["]-a"], &["^", "_"]);
        accepts(r"[--\d]+", &["-1"], &["."]);
        accepts(r"[^]a]+", &["bc"], &["b]"]);
        accepts(r"[[:alpha:]]+", &["abc"], &["ab1"]);
        accepts(r"a\.b\\c", &["a.b\\c"], &["axb\\c"]);
        accepts(r"(?i)[a-z]+", &["AbC"], &["Ä"]);
        accepts(r"(?i)\w+", &["ÄrgeR"], &["a b"]);
        accepts(r"^3\.1\.\d+(-.+)?$", &["3.1.4", "3.1.0-rc"], &["3.2.0"]);
    }

    #[test]
    fn what_regex_lite_would_read_otherwise_is_refused() {
        for pattern in [r"(?i)straße", r"(?i:ä)", r"(?i)\p{Lu}"] {
            let problem = compile_pattern(pattern).expect_err(pattern);
            assert!(problem.contains("case-insensitive"), "{pattern}: {problem}");
        }
        assert!(compile_pattern(r"\bab\b").is_err_and(|p| p.contains("word boundaries")));
        assert!(compile_pattern(r"[\w--a]").is_err_and(|p| p.contains("set operations")));
        assert!(compile_pattern(r"[a-\d]").is_err_and(|p| p.contains("range")));
        assert!(compile_pattern(r"[\d-a]").is_err_and(|p| p.contains("range")));
        assert!(compile_pattern(r"\p{Greek}").is_err_and(|p| p.contains("\\p{Greek}")));
        assert!(compile_pattern(r"\p{L").is_err());
        assert!(compile_pattern("ab\\").is_err());
        assert!(compile_pattern("(ab").is_err_and(|p| p.contains("does not compile")));
        assert!(compile_pattern(r"\w{1000}{1000}").is_err_and(|p| p.contains("too large")));
        // A name field of XDatenfelder's longest kind still compiles under the limit.
        assert!(compile_pattern(r"[\w .'-]{1,255}").is_ok());
    }

    #[cfg(not(target_arch = "wasm32"))]
    /// Every line of `unicode-classes.txt` is the `regex` crate's class (regex-syntax, a
    /// dev-dependency): regenerate the file when this fails after an update.
    #[test]
    fn classes_are_the_regex_crates() {
        use regex_syntax::hir::{Class, HirKind};
        let sources = [
            ("w", r"\w"),
            ("d", r"\d"),
            ("s", r"\s"),
            ("L", r"\p{L}"),
            ("Lu", r"\p{Lu}"),
            ("Ll", r"\p{Ll}"),
            ("N", r"\p{N}"),
            ("P", r"\p{P}"),
            ("S", r"\p{S}"),
            ("Z", r"\p{Z}"),
        ];
        for (name, source) in sources {
            let hir = regex_syntax::parse(source).expect(source);
            let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
                panic!("{source} is not a class");
            };
            let expected: Vec<(u32, u32)> = class
                .ranges()
                .iter()
                .map(|r| (r.start() as u32, r.end() as u32))
                .collect();
            assert_eq!(class_ranges(name), expected, "line {name}");
        }
        let names: Vec<&str> = CLASSES
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split(' ').next())
            .collect();
        assert_eq!(names.len(), sources.len(), "no line without its check");
    }

    #[test]
    fn complement_skips_the_surrogates() {
        let ranges = [(0x30, 0x39), (0xD000, 0xE100)];
        assert_eq!(
            complement(&ranges),
            vec![(0, 0x2F), (0x3A, 0xCFFF), (0xE101, 0x10FFFF)]
        );
        assert_eq!(
            complement(&[(0x41, 0x41)]),
            vec![(0, 0x40), (0x42, 0xD7FF), (0xE000, 0x10FFFF)]
        );
    }
}
