//! The source checks: SQL only where it belongs, the wall clock read only in the clock
//! modules, files short enough to hold in one's head. Each takes the files and its allow-list
//! and returns one message per problem, naming file and line.

use std::collections::{BTreeMap, BTreeSet};

use crate::source::Source;
use crate::RustFile;

/// A place where a rule does not apply, and why.
#[derive(Debug, Clone, Copy)]
pub struct Exception {
    pub path: &'static str,
    pub why: &'static str,
}

/// SQL keywords that start a statement; each must be followed by whitespace, in upper case,
/// inside a string literal. `UPDATE` counts only with a `SET` after it in the same literal.
const SQL_KEYWORDS: &[&str] = &[
    "SELECT",
    "INSERT INTO",
    "INSERT OR",
    "REPLACE INTO",
    "DELETE FROM",
    "CREATE TABLE",
    "CREATE INDEX",
    "CREATE UNIQUE INDEX",
    "CREATE TRIGGER",
    "ALTER TABLE",
    "DROP TABLE",
    "PRAGMA",
];

fn word_at(text: &str, at: usize, word: &str) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + word.len()..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
        && after.is_some_and(char::is_whitespace)
}

/// The SQL in a file's string literals: (line, the keyword found).
pub fn sql_in(source: &Source) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    for literal in source.literals() {
        let text = literal.text.as_str();
        let mut hits: Vec<(usize, &'static str)> = SQL_KEYWORDS
            .iter()
            .flat_map(|&keyword| {
                text.match_indices(keyword)
                    .filter(move |(at, _)| word_at(text, *at, keyword))
                    .map(move |(at, _)| (at, keyword))
            })
            .collect();
        for (at, _) in text.match_indices("UPDATE") {
            if word_at(text, at, "UPDATE")
                && text[at..]
                    .match_indices("SET")
                    .any(|(set, _)| word_at(text, at + set, "SET"))
            {
                hits.push((at, "UPDATE … SET"));
            }
        }
        hits.sort();
        // One report per literal: the first statement in it.
        if let Some(&(at, keyword)) = hits.first() {
            found.push((source.line_of(literal.start + at), keyword));
        }
    }
    found
}

/// SQL outside the places that may hold it: `allowed` are path prefixes, `exceptions` files
/// with a reason. An exception whose file holds no SQL any more is reported too.
pub fn check_sql(files: &[RustFile], allowed: &[&str], exceptions: &[Exception]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut used = BTreeSet::new();
    for file in files {
        if allowed.iter().any(|prefix| file.path.starts_with(prefix)) {
            continue;
        }
        let hits = sql_in(&Source::parse(&file.text));
        if hits.is_empty() {
            continue;
        }
        if exceptions.iter().any(|e| e.path == file.path) {
            used.insert(file.path.as_str());
            continue;
        }
        for (line, keyword) in hits {
            problems.push(format!(
                "{}:{line}: SQL ({keyword}) outside the store and the state API's storage: only \
                 `store` writes SQL on the device and only `state-api`'s `storage` on the server \
                 (ARCHITECTURE.md); go through their typed API",
                file.path
            ));
        }
    }
    for exception in exceptions {
        if !used.contains(exception.path) {
            problems.push(format!(
                "{}: listed as holding SQL, but it holds none (any more): remove it from the list",
                exception.path
            ));
        }
    }
    problems
}

/// Reads of the wall clock. `Instant::now` (monotonic, for durations and timeouts) is not one.
const CLOCK_READS: &[&str] = &[
    "SystemTime::now",
    "OffsetDateTime::now_utc",
    "OffsetDateTime::now_local",
    "UtcDateTime::now",
    // The same through another name (`use time::OffsetDateTime as T`).
    "::now_utc",
    "::now_local",
    "Utc::now",
    "Local::now",
    "Date::now",
    "Date::new_0",
    "Timestamp::now",
    "Zoned::now",
    "chrono::",
];

/// A function allowed to read the wall clock, and why.
#[derive(Debug, Clone, Copy)]
pub struct ClockSite {
    pub path: &'static str,
    pub function: &'static str,
    pub why: &'static str,
}

/// The wall-clock reads in a file's non-test code: (byte offset, line, the read).
pub fn clock_reads(source: &Source) -> Vec<(usize, usize, &'static str)> {
    let code = source.code();
    let mut found: Vec<(usize, usize, &'static str)> = CLOCK_READS
        .iter()
        .flat_map(|&read| {
            code.match_indices(read).filter_map(move |(at, _)| {
                let after = code[at + read.len()..].chars().next();
                let whole =
                    read.ends_with("::") || !after.is_some_and(|c| c.is_alphanumeric() || c == '_');
                whole.then_some((at, read))
            })
        })
        .filter(|(at, _)| !source.is_test(*at))
        .map(|(at, read)| (at, source.line_of(at), read))
        .collect();
    found.sort();
    // `OffsetDateTime::now_utc` also matches `::now_utc`: one report per place.
    found.dedup_by_key(|(_, line, _)| *line);
    found
}

/// Wall-clock reads outside the functions in `clocks` (the designated clocks) and `exceptions`
/// (reads elsewhere that have a reason); `test_files` (whole files of test code) are exempt, as
/// is `#[cfg(test)]` code anywhere. A listed function that is gone or reads no clock any more
/// is reported too.
pub fn check_clock(
    files: &[RustFile],
    test_files: &BTreeSet<String>,
    clocks: &[ClockSite],
    exceptions: &[ClockSite],
) -> Vec<String> {
    let sites: Vec<&ClockSite> = clocks.iter().chain(exceptions).collect();
    let mut problems = Vec::new();
    let mut used = BTreeSet::new();
    for file in files {
        if test_files.contains(&file.path) {
            continue;
        }
        let source = Source::parse(&file.text);
        let reads = clock_reads(&source);
        if reads.is_empty() {
            continue;
        }
        let bodies: Vec<(&ClockSite, std::ops::Range<usize>)> = sites
            .iter()
            .copied()
            .filter(|s| s.path == file.path)
            .filter_map(|s| source.fn_body(s.function).map(|body| (s, body)))
            .collect();
        for (at, line, read) in reads {
            match bodies.iter().find(|(_, body)| body.contains(&at)) {
                Some((site, _)) => {
                    used.insert((site.path, site.function));
                }
                None => problems.push(format!(
                    "{}:{line}: reads the wall clock ({read}) outside the clocks: one clock per \
                     process (ARCHITECTURE.md), so take \"now\" as a parameter from the clocks: {}",
                    file.path,
                    clock_names(clocks)
                )),
            }
        }
    }
    for site in &sites {
        if !used.contains(&(site.path, site.function)) {
            problems.push(format!(
                "{}: `fn {}` is listed as a clock but reads no wall clock (any more): update the list",
                site.path, site.function
            ));
        }
    }
    problems
}

fn clock_names(sites: &[ClockSite]) -> String {
    sites
        .iter()
        .map(|s| format!("{} `{}`", s.path, s.function))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Code under any of `places` that names `path` (a module path such as `domain::ipc`, found in
/// code, not in comments or strings, whether as `path::…`, `path::{…}` or `use path;`).
pub fn check_path_unused(
    files: &[RustFile],
    places: &[&str],
    path: &str,
    why: &str,
) -> Vec<String> {
    let mut problems = Vec::new();
    for file in files {
        if !places.iter().any(|place| file.path.starts_with(place)) {
            continue;
        }
        let source = Source::parse(&file.text);
        let code = source.code();
        let mut from = 0;
        while let Some(found) = code[from..].find(path) {
            let at = from + found;
            from = at + path.len();
            let before = code[..at].bytes().next_back();
            let after = code[from..].bytes().next();
            let starts_a_path = !before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
            let ends_a_name = !after.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
            if starts_a_path && ends_a_name {
                problems.push(format!(
                    "{}:{}: uses `{path}`: {why}",
                    file.path,
                    source.line_of(at)
                ));
            }
        }
    }
    problems
}

/// How long a file may be before it must say why.
pub const MAX_LINES: usize = 700;
/// The words a long file's first lines must carry, in a comment, with the reason after them.
pub const LONG_MARKER: &str = "tidy: long because";

/// A file over the limit today, with its present length as a ceiling: it may shrink, not grow.
#[derive(Debug, Clone, Copy)]
pub struct LongFile {
    pub path: &'static str,
    pub ceiling: usize,
}

fn says_why_long(text: &str) -> bool {
    text.lines().take(5).any(|line| {
        let line = line.trim_start();
        (line.starts_with("//") || line.starts_with("/*")) && line.contains(LONG_MARKER)
    })
}

/// Files over [`MAX_LINES`] that neither say why in their first five lines nor stay within
/// their ceiling; ceilings of files now short enough, or gone, are reported too.
pub fn check_lengths(files: &[RustFile], ceilings: &[LongFile]) -> Vec<String> {
    let mut problems = Vec::new();
    let lengths: BTreeMap<&str, usize> = files
        .iter()
        .map(|f| (f.path.as_str(), f.text.lines().count()))
        .collect();
    for file in files {
        let lines = lengths[file.path.as_str()];
        if lines <= MAX_LINES || says_why_long(&file.text) {
            continue;
        }
        match ceilings.iter().find(|c| c.path == file.path) {
            Some(c) if lines <= c.ceiling => {}
            Some(c) => problems.push(format!(
                "{}:{}: {lines} lines, over its ceiling of {}: it was already long, so split it \
                 rather than grow it (or say why in a `// {LONG_MARKER} …` comment in its first \
                 5 lines)",
                file.path,
                c.ceiling + 1,
                c.ceiling
            )),
            None => problems.push(format!(
                "{}:{}: {lines} lines, over {MAX_LINES}: split it into modules a reader can hold, \
                 or say why in a `// {LONG_MARKER} …` comment in its first 5 lines",
                file.path,
                MAX_LINES + 1
            )),
        }
    }
    for c in ceilings {
        match lengths.get(c.path) {
            None => problems.push(format!(
                "{}: has a length ceiling but is gone: remove it from the list",
                c.path
            )),
            Some(&lines) if lines <= MAX_LINES => problems.push(format!(
                "{}: {lines} lines now, within {MAX_LINES}: remove its ceiling from the list",
                c.path
            )),
            Some(_) => {}
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> RustFile {
        RustFile {
            path: path.to_string(),
            text: text.to_string(),
        }
    }

    #[test]
    fn sql_is_found_in_literals_only() {
        let text = "// SELECT id FROM t in a comment\n\
                    /* DELETE FROM t */\n\
                    let ui = \"<select>\"; let prose = \"Please UPDATE your app\";\n\
                    let q = \"SELECT id FROM outbox\";\n\
                    conn.execute(r#\"\n  UPDATE outbox\n  SET state = 1\"#);\n\
                    let p = \"PRAGMA synchronous\"; let n = \"NOSELECT x\";\n";
        let hits = sql_in(&Source::parse(text));
        assert_eq!(hits, [(4, "SELECT"), (6, "UPDATE … SET"), (8, "PRAGMA")]);
    }

    #[test]
    fn sql_outside_its_places_fails() {
        let files = [
            file("crates/store/src/a.rs", "const Q: &str = \"SELECT 1\";\n"),
            file(
                "crates/ui/src/b.rs",
                "// SELECT 1 in a comment\nfn f() {}\n",
            ),
            file(
                "crates/shell/src/c.rs",
                "fn f() {\n    run(\"DELETE FROM draft\");\n}\n",
            ),
        ];
        assert_eq!(check_sql(&files, &["crates/store/"], &[]).len(), 1);
        let problems = check_sql(&files, &["crates/store/"], &[]);
        assert!(
            problems[0].starts_with("crates/shell/src/c.rs:2: SQL (DELETE FROM) outside"),
            "{problems:?}"
        );
        let excused = [Exception {
            path: "crates/shell/src/c.rs",
            why: "test",
        }];
        assert!(check_sql(&files, &["crates/store/"], &excused).is_empty());
        let stale = [Exception {
            path: "crates/ui/src/b.rs",
            why: "test",
        }];
        let problems = check_sql(&files, &["crates/store/", "crates/shell/"], &stale);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("holds none"), "{problems:?}");
    }

    #[test]
    fn clock_reads_in_code_not_in_comments_strings_or_tests() {
        let text = "use std::time::{Instant, SystemTime};\n\
                    fn real() -> u64 { SystemTime::now(); 0 }\n\
                    // SystemTime::now() in a comment\n\
                    fn msg() -> &'static str { \"Utc::now\" }\n\
                    fn elapsed() { Instant::now(); }\n\
                    fn js() -> f64 { js_sys::Date::now() }\n\
                    fn t() { time::OffsetDateTime::now_utc(); }\n\
                    #[cfg(test)]\nmod tests {\n    fn t() { SystemTime::now(); }\n}\n";
        let reads: Vec<(usize, &str)> = clock_reads(&Source::parse(text))
            .into_iter()
            .map(|(_, line, read)| (line, read))
            .collect();
        assert_eq!(
            reads,
            [
                (2, "SystemTime::now"),
                (6, "Date::now"),
                (7, "OffsetDateTime::now_utc")
            ]
        );
    }

    #[test]
    fn clock_reads_outside_the_clock_fail() {
        let clock = "fn system_millis() -> i64 {\n    SystemTime::now().elapsed()\n}\n";
        let elsewhere = "fn f() {}\nfn g() { let t = std::time::SystemTime::now(); }\n";
        let files = [
            file("src-tauri/src/clock.rs", clock),
            file("src-tauri/src/other.rs", elsewhere),
            file("crates/x/tests/t.rs", elsewhere),
        ];
        let tests: BTreeSet<String> = ["crates/x/tests/t.rs".to_string()].into();
        let sites = [ClockSite {
            path: "src-tauri/src/clock.rs",
            function: "system_millis",
            why: "test",
        }];
        let problems = check_clock(&files, &tests, &sites, &[]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .starts_with("src-tauri/src/other.rs:2: reads the wall clock (SystemTime::now)"),
            "{problems:?}"
        );
        // A second read in the clock's file, outside its function, fails too.
        let files = [file(
            "src-tauri/src/clock.rs",
            &format!("{clock}{elsewhere}"),
        )];
        let problems = check_clock(&files, &tests, &sites, &[]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("src-tauri/src/clock.rs:5: "),
            "{problems:?}"
        );
        // An exception passes, and the message names only the clocks.
        let files = [
            file("src-tauri/src/clock.rs", clock),
            file("src-tauri/src/other.rs", elsewhere),
            file("src-tauri/src/third.rs", elsewhere),
        ];
        let exception = [ClockSite {
            path: "src-tauri/src/other.rs",
            function: "g",
            why: "test",
        }];
        let problems = check_clock(&files, &tests, &sites, &exception);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("src-tauri/src/third.rs:2: "),
            "{problems:?}"
        );
        assert!(
            problems[0].ends_with("from the clocks: src-tauri/src/clock.rs `system_millis`"),
            "{problems:?}"
        );
        // A listed clock that reads nothing is stale.
        let files = [file(
            "src-tauri/src/clock.rs",
            "fn system_millis() -> i64 { 0 }\n",
        )];
        let problems = check_clock(&files, &tests, &sites, &[]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("reads no wall clock"), "{problems:?}");
    }

    #[test]
    fn long_files_fail_unless_they_say_why_or_stay_within_their_ceiling() {
        let body = "fn f() {}\n".repeat(MAX_LINES + 10);
        let files = [
            file("a.rs", &body),
            file(
                "b.rs",
                &format!("//! B.\n// {LONG_MARKER} it is a table\n{body}"),
            ),
            file("c.rs", &body),
            file("d.rs", &body),
            file("e.rs", "fn short() {}\n"),
            file(
                "f.rs",
                &format!("fn x() {{}}\nlet s = \"{LONG_MARKER}\";\n{body}"),
            ),
        ];
        let ceilings = [
            LongFile {
                path: "c.rs",
                ceiling: MAX_LINES + 10,
            },
            LongFile {
                path: "d.rs",
                ceiling: MAX_LINES + 5,
            },
            LongFile {
                path: "e.rs",
                ceiling: 900,
            },
            LongFile {
                path: "gone.rs",
                ceiling: 900,
            },
        ];
        let problems = check_lengths(&files, &ceilings);
        let starts: Vec<&str> = problems
            .iter()
            .map(|p| p.split(':').next().unwrap_or(""))
            .collect();
        assert_eq!(
            starts,
            ["a.rs", "d.rs", "f.rs", "e.rs", "gone.rs"],
            "{problems:?}"
        );
        assert!(
            problems[1].contains("over its ceiling of 705"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_module_path_is_found_in_code_only() {
        let files = [
            file(
                "crates/store/src/a.rs",
                "// domain::ipc in a comment\nlet s = \"domain::ipc\";\nuse domain::ipc::Settings;\n",
            ),
            file("crates/store/src/b.rs", "use domain::ipcx::Y;\nuse mydomain::ipc::Z;\n"),
            file("crates/sync/src/c.rs", "use domain::{ipc, form};\nfn f(x: domain::ipc) {}\n"),
            file("crates/app/src/d.rs", "use domain::ipc::Settings;\n"),
        ];
        let hits = check_path_unused(
            &files,
            &["crates/store/", "crates/sync/"],
            "domain::ipc",
            "no",
        );
        assert_eq!(
            hits,
            [
                "crates/store/src/a.rs:3: uses `domain::ipc`: no",
                "crates/sync/src/c.rs:2: uses `domain::ipc`: no"
            ]
        );
    }
}
