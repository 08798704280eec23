//! What an app left on disk: every file under a folder, and which of them hold a canary in
//! plain text (UTF-8, or UTF-16 as a webview's storage may keep it).

use std::path::{Path, PathBuf};

/// Every file under `dir` (none when it does not exist).
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    collect(dir, &mut out);
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect(&path, out);
            } else {
                out.push(path);
            }
        }
    }
}

/// "<file> holds <canary>" for every file under `dirs` (outside `except`, and under 64 MiB:
/// bigger files are build caches in the temp folder, nothing of the app's) that holds one of
/// the `canaries`.
pub fn canary_hits(dirs: &[PathBuf], except: Option<&Path>, canaries: &[&str]) -> Vec<String> {
    let mut hits = Vec::new();
    for file in dirs.iter().flat_map(|dir| files_under(dir)) {
        let small = std::fs::metadata(&file).is_ok_and(|m| m.len() < 64 * 1024 * 1024);
        if except.is_some_and(|except| file.starts_with(except)) || !small {
            continue;
        }
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        for canary in canaries {
            let utf16: Vec<u8> = canary.encode_utf16().flat_map(u16::to_le_bytes).collect();
            for needle in [canary.as_bytes(), utf16.as_slice()] {
                if bytes.windows(needle.len()).any(|w| w == needle) {
                    hits.push(format!("{} holds {canary}", file.display()));
                }
            }
        }
    }
    hits
}
