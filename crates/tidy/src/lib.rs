//! Architecture tests for ThüringenApp, in the style of rust-analyzer's `tidy`: the rules of
//! ARCHITECTURE.md that a reviewer would otherwise have to remember, checked on the repository
//! as it is on disk. The rules and their allow-lists live in `tests/architecture.rs`; this
//! library holds only the machinery they use (reading Rust source without a parser, reading
//! the crate graph, walking the tree), each piece with unit tests that show it fails when it
//! should.

pub mod deps;
pub mod rules;
pub mod source;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use source::Source;

/// The repository's root: two levels above this crate's manifest (`crates/tidy`).
pub fn repo_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .nth(2)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| here.to_path_buf())
}

/// Directories that hold no Rust of ours: VCS data, build output, JavaScript packages, the
/// built UI, and the mobile projects Tauri generates (`src-tauri/gen`).
const SKIPPED_DIRS: &[&str] = &["target", "node_modules", "dist", "gen"];

/// A Rust file of ours: its path relative to the root with `/` separators, and its text.
#[derive(Debug, Clone)]
pub struct RustFile {
    pub path: String,
    pub text: String,
}

/// Every `.rs` file under `root`, sorted by path; hidden directories, symlinks and
/// [`SKIPPED_DIRS`] are left out.
pub fn rust_files(root: &Path) -> io::Result<Vec<RustFile>> {
    let mut files = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                if !name.starts_with('.') && !SKIPPED_DIRS.contains(&name.as_str()) {
                    pending.push(entry.path());
                }
            } else if kind.is_file() && name.ends_with(".rs") {
                let path = entry.path();
                let relative = path.strip_prefix(root).unwrap_or(&path);
                let relative = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                files.push(RustFile {
                    path: relative,
                    text: fs::read_to_string(&path)?,
                });
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Whether a path lies in a test, bench or example target: a `tests`, `benches` or `examples`
/// directory that is not inside a `src` directory (a crate's `tests/`, the end-to-end crate
/// at the root's `tests/`).
pub fn in_test_target(path: &str) -> bool {
    for part in path.split('/') {
        match part {
            "src" => return false,
            "tests" | "benches" | "examples" => return true,
            _ => {}
        }
    }
    false
}

/// The file a `mod name;` in `parent` loads: `#[path]` relative to the parent's directory,
/// else `name.rs` or `name/mod.rs` beside a crate root or `mod.rs`, or under the directory
/// named after any other file. Paths are relative with `/` separators, as in [`RustFile`].
pub fn module_file(
    parent: &str,
    decl: &source::ModDecl,
    exists: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let (dir, file) = match parent.rsplit_once('/') {
        Some((dir, file)) => (dir.to_string(), file),
        None => (String::new(), parent),
    };
    let join = |dir: &str, rest: &str| {
        if dir.is_empty() {
            rest.to_string()
        } else {
            format!("{dir}/{rest}")
        }
    };
    if let Some(path) = &decl.path_attr {
        let candidate = normalize(&join(&dir, path));
        return exists(&candidate).then_some(candidate);
    }
    let stem = file.trim_end_matches(".rs");
    let parent_dir_name = dir.rsplit('/').next().unwrap_or("");
    let is_root = matches!(stem, "lib" | "main" | "mod" | "build")
        || matches!(parent_dir_name, "bin" | "tests" | "benches" | "examples");
    let base = if is_root { dir } else { join(&dir, stem) };
    [
        join(&base, &format!("{}.rs", decl.name)),
        join(&base, &format!("{}/mod.rs", decl.name)),
    ]
    .into_iter()
    .find(|candidate| exists(candidate))
}

/// A relative path with `.` and `..` segments resolved.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    parts.join("/")
}

/// The files that are test code as a whole: those in test targets ([`in_test_target`]), those
/// a parent loads under `#[cfg(test)]` (`#[cfg(test)] mod tests;`), and every module below
/// one of those.
pub fn test_only_files(files: &[RustFile]) -> BTreeSet<String> {
    let known: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let exists = |p: &str| known.contains(p);
    let mut children: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut tests: BTreeSet<String> = BTreeSet::new();
    for file in files {
        if in_test_target(&file.path) {
            tests.insert(file.path.clone());
        }
        let source = Source::parse(&file.text);
        if source.whole_file_is_test() {
            tests.insert(file.path.clone());
        }
        for decl in source.mod_decls() {
            if let Some(child) = module_file(&file.path, &decl, &exists) {
                if decl.in_test {
                    tests.insert(child.clone());
                }
                children.entry(file.path.as_str()).or_default().push(child);
            }
        }
    }
    // Everything a test module loads is test code too.
    let mut queue: Vec<String> = tests.iter().cloned().collect();
    while let Some(file) = queue.pop() {
        for child in children.get(file.as_str()).into_iter().flatten() {
            if tests.insert(child.clone()) {
                queue.push(child.clone());
            }
        }
    }
    tests
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_targets_are_the_directories_outside_src() {
        assert!(in_test_target("crates/sync/tests/support/mod.rs"));
        assert!(in_test_target("crates/store/benches/flush.rs"));
        assert!(in_test_target("crates/state-api/examples/load.rs"));
        assert!(in_test_target("tests/journeys/citizen.rs"));
        assert!(!in_test_target("crates/sync/src/tests/helper.rs"));
        assert!(!in_test_target("src-tauri/src/clock.rs"));
    }

    #[test]
    fn modules_resolve_like_rustc() {
        let files = [
            "crates/a/src/lib.rs",
            "crates/a/src/x.rs",
            "crates/a/src/y/mod.rs",
            "crates/a/src/y/z.rs",
            "crates/a/src/w/v.rs",
            "crates/a/src/odd_name.rs",
        ];
        let exists = |p: &str| files.contains(&p);
        let decl = |name: &str, path: Option<&str>| source::ModDecl {
            name: name.to_string(),
            path_attr: path.map(str::to_string),
            in_test: false,
            line: 1,
        };
        let at = |parent, d| module_file(parent, &d, &exists);
        assert_eq!(
            at("crates/a/src/lib.rs", decl("x", None)).as_deref(),
            Some("crates/a/src/x.rs")
        );
        assert_eq!(
            at("crates/a/src/lib.rs", decl("y", None)).as_deref(),
            Some("crates/a/src/y/mod.rs")
        );
        assert_eq!(
            at("crates/a/src/y/mod.rs", decl("z", None)).as_deref(),
            Some("crates/a/src/y/z.rs")
        );
        assert_eq!(
            at("crates/a/src/w.rs", decl("v", None)).as_deref(),
            Some("crates/a/src/w/v.rs")
        );
        assert_eq!(
            at("crates/a/src/x.rs", decl("t", Some("odd_name.rs"))).as_deref(),
            Some("crates/a/src/odd_name.rs")
        );
        assert_eq!(
            at("crates/a/examples/e.rs", decl("c", Some("../src/w/v.rs"))).as_deref(),
            Some("crates/a/src/w/v.rs")
        );
        assert_eq!(at("crates/a/src/lib.rs", decl("missing", None)), None);
    }

    #[test]
    fn test_modules_and_their_children_are_test_code() {
        let file = |path: &str, text: &str| RustFile {
            path: path.to_string(),
            text: text.to_string(),
        };
        let files = vec![
            file(
                "crates/a/src/lib.rs",
                "mod real;\n#[cfg(test)]\nmod tests;\n#[cfg(test)]\n#[path = \"odd.rs\"]\nmod odd;\n",
            ),
            file("crates/a/src/real.rs", "pub fn f() {}\n"),
            file("crates/a/src/tests.rs", "mod helper;\n"),
            file("crates/a/src/tests/helper.rs", "pub fn g() {}\n"),
            file("crates/a/src/odd.rs", "\n"),
            file("crates/a/src/inner.rs", "#![cfg(test)]\nfn h() {}\n"),
            file("crates/a/tests/it.rs", "\n"),
        ];
        let tests = test_only_files(&files);
        let expected: BTreeSet<String> = [
            "crates/a/src/tests.rs",
            "crates/a/src/tests/helper.rs",
            "crates/a/src/odd.rs",
            "crates/a/src/inner.rs",
            "crates/a/tests/it.rs",
        ]
        .into_iter()
        .map(str::to_string)
        .collect();
        assert_eq!(tests, expected);
    }
}
