//! Reading a PDF the app saved as a reader would, with poppler's tools (Debian's
//! `poppler-utils`, installed by `scripts/setup.sh`): its text, and the files embedded in it.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::Result;

fn run(tool: &str, args: &[&str]) -> Result<String> {
    let output = Command::new(tool)
        .args(args)
        .output()
        .map_err(|e| format!("{tool} (poppler-utils, see scripts/setup.sh): {e}"))?;
    if !output.status.success() {
        return Err(format!("{tool}: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The PDF's text, page by page, as `pdftotext` reads it.
pub fn text(pdf: &Path) -> Result<String> {
    run("pdftotext", &[&pdf.display().to_string(), "-"])
}

/// The PDF's title, as a viewer shows it in its window.
pub fn title(pdf: &Path) -> Result<String> {
    let info = run("pdfinfo", &[&pdf.display().to_string()])?;
    info.lines()
        .find_map(|l| l.strip_prefix("Title:"))
        .map(|t| t.trim().to_owned())
        .ok_or_else(|| format!("no title in {info}").into())
}

/// Every file embedded in the PDF, by name.
pub fn embedded(pdf: &Path) -> Result<BTreeMap<String, Vec<u8>>> {
    let dir = tempfile::tempdir()?;
    run(
        "pdfdetach",
        &[
            "-saveall",
            "-o",
            &dir.path().display().to_string(),
            &pdf.display().to_string(),
        ],
    )?;
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir.path())? {
        let entry = entry?;
        files.insert(
            entry.file_name().to_string_lossy().into_owned(),
            std::fs::read(entry.path())?,
        );
    }
    Ok(files)
}

/// Lower-case hex SHA-512, as receipts name hashes.
pub fn sha512_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha512};
    hex::encode(Sha512::digest(bytes))
}
