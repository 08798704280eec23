//! The files the app saves where the person finds them (printouts, the authority's
//! documents): their names, which hold no personal data, written whole or not at all, and
//! deleted again when the person forgets their data on this device. The shell says where
//! (the platform's Downloads folder); this says what and how.

use std::io::Write;
use std::path::Path;

/// `name` in letters, digits and dashes only, at most 64 of them: no path, no space.
pub fn safe(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(64)
        .collect()
}

/// The names this app gives the files it saves.
const SAVED_PREFIXES: [&str; 3] = [
    "ThueringenApp-Antrag-",
    "ThueringenApp-Zusammenfassung-",
    "ThueringenApp-Dokument-",
];

/// The kinds of files the app saves (its PDFs, and the authority's documents as they came).
const SAVED_EXTENSIONS: [&str; 3] = [".pdf", ".jpg", ".png"];

/// Whether `name` is one the app gives the files it saves: only such files are ever deleted.
pub fn is_saved_by_the_app(name: &str) -> bool {
    SAVED_EXTENSIONS.iter().any(|e| name.ends_with(e))
        && SAVED_PREFIXES.iter().any(|p| name.starts_with(p))
}

/// Deletes the PDFs the app saved in `dir` ("Meine Daten von diesem Gerät löschen": on a
/// shared device the next person must not find the last one's applications in Downloads).
/// Only regular files with the app's own names; a link is removed, never followed. How many
/// were deleted.
pub fn forget_in(dir: &Path) -> u32 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut deleted = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = is_saved_by_the_app(&name);
        let regular = entry
            .file_type()
            .is_ok_and(|t| t.is_file() || t.is_symlink());
        if ours && regular && std::fs::remove_file(entry.path()).is_ok() {
            deleted += 1;
        }
    }
    deleted
}

/// Writes beside the target and renames, so a full disk or a killed app never leaves half a
/// PDF under the name.
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut part = tempfile::NamedTempFile::new_in(dir)?;
    part.write_all(bytes)?;
    part.as_file().sync_all()?;
    part.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// `ThueringenApp-Dokument-<document id>.<pdf|jpg|png>`: no name the authority chose.
pub fn document_file_name(document_id: &str, media_type: &str) -> String {
    let extension = match media_type.to_ascii_lowercase().as_str() {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        _ => "pdf",
    };
    format!("ThueringenApp-Dokument-{}.{extension}", safe(document_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_saved_under_its_id_in_safe_letters_only() {
        assert_eq!(
            document_file_name("../../etc/passwd", "application/pdf"),
            "ThueringenApp-Dokument-etcpasswd.pdf"
        );
        assert_eq!(
            document_file_name("3f2a-11", "IMAGE/PNG"),
            "ThueringenApp-Dokument-3f2a-11.png"
        );
        assert!(is_saved_by_the_app(&document_file_name("x", "image/jpeg")));
    }

    #[test]
    fn a_printout_is_written_whole_or_not_at_all() {
        let dir = tempfile::tempdir().expect("a directory");
        let path = dir.path().join("nested").join("a.pdf");
        write_whole(&path, b"%PDF-1.7 first").expect("written");
        write_whole(&path, b"%PDF-1.7 second").expect("replaced");
        assert_eq!(std::fs::read(&path).expect("read"), b"%PDF-1.7 second");
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("a parent"))
            .expect("listed")
            .collect();
        assert_eq!(names.len(), 1, "no part file left behind");
    }

    #[test]
    fn forgetting_deletes_only_the_pdfs_the_app_saved() {
        let dir = tempfile::tempdir().expect("a directory");
        let outside = tempfile::tempdir().expect("another directory");
        let keep = outside.path().join("ThueringenApp-Antrag-x.pdf");
        std::fs::write(&keep, b"%PDF elsewhere").expect("written");
        for name in [
            "ThueringenApp-Antrag-TH-1.pdf",
            "ThueringenApp-Zusammenfassung-0b7c.pdf",
        ] {
            std::fs::write(dir.path().join(name), b"%PDF").expect("written");
        }
        for name in [
            "Urlaub.pdf",
            "ThueringenApp-Antrag-TH-1.txt",
            "Steuer-ThueringenApp-Antrag-.pdf",
        ] {
            std::fs::write(dir.path().join(name), b"mine").expect("written");
        }
        std::fs::create_dir(dir.path().join("ThueringenApp-Antrag-folder.pdf")).expect("a folder");
        #[cfg(unix)]
        std::os::unix::fs::symlink(&keep, dir.path().join("ThueringenApp-Antrag-link.pdf"))
            .expect("a link");
        let deleted = forget_in(dir.path());
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("listed")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "Steuer-ThueringenApp-Antrag-.pdf",
                "ThueringenApp-Antrag-TH-1.txt",
                "ThueringenApp-Antrag-folder.pdf",
                "Urlaub.pdf"
            ],
            "the person's own files stay"
        );
        assert_eq!(deleted, if cfg!(unix) { 3 } else { 2 });
        assert!(keep.exists(), "a link is removed, what it points to is not");
        assert_eq!(forget_in(&dir.path().join("missing")), 0);
    }

    #[test]
    fn a_printout_that_cannot_be_written_leaves_nothing_under_its_name() {
        let dir = tempfile::tempdir().expect("a directory");
        // A file where the folder should be: creating the folder fails as on a full or
        // read-only disk, and the error comes back instead of half a PDF.
        let blocked = dir.path().join("Downloads");
        std::fs::write(&blocked, b"not a folder").expect("written");
        let path = blocked.join("a.pdf");
        assert!(write_whole(&path, b"%PDF-1.7").is_err());
        assert_eq!(std::fs::read(&blocked).expect("read"), b"not a folder");
    }
}
