//! "Save as PDF" on a sent application's page (#15) and "Save summary as PDF" on the review
//! page of one not sent (#14): the `printout` crate makes the PDF; this saves it where the person finds their files (the
//! Downloads folder, else the app's own folder) and opens it in the system's PDF viewer to
//! print. Only on the person's request; the file name holds no personal data (the state
//! API's reference, else the application's id). The webview never names a path: it names the
//! application, and the shell works out the file.

use std::io::Write;
use std::path::{Path, PathBuf};

use domain::ipc::{DraftView, ErrorCode, IpcError, PrintoutOf, PrintoutSaved, SubmissionView};
use domain::{Language, Service};
use printout::draft::Unsent;
use printout::submission::Sent;
use printout::Printout;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::applications::parse_id;
use crate::clock;
use crate::state::{storage_error, AppState};
use crate::views;

fn save_failed() -> IpcError {
    IpcError::new(ErrorCode::Storage, "error-printout-failed")
}

fn open_failed() -> IpcError {
    IpcError::new(ErrorCode::NotFound, "error-printout-open-failed")
}

thread_local! {
    /// The app's texts (every locale's bundles), built once per thread that prints or
    /// notifies: a Fluent bundle is not shared between threads.
    static WORDS: i18n::Localizer = i18n::Localizer::new();
}

/// Runs `f` with the app's texts for the shell's own words (printouts, notifications).
pub(crate) fn with_words<T>(f: impl FnOnce(&i18n::Localizer) -> T) -> T {
    WORDS.with(f)
}

/// `ThueringenApp-Antrag-<reference>.pdf`: letters, digits and dashes only.
fn file_name(view: &SubmissionView) -> String {
    let reference = view
        .receipt
        .as_ref()
        .map_or(view.submission_id.as_str(), |r| r.reference.as_str());
    format!("ThueringenApp-Antrag-{}.pdf", safe(reference))
}

/// `ThueringenApp-Zusammenfassung-<draft id>.pdf`.
fn summary_name(view: &DraftView) -> String {
    format!("ThueringenApp-Zusammenfassung-{}.pdf", safe(&view.draft_id))
}

pub(crate) fn safe(name: &str) -> String {
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
pub(crate) fn is_saved_by_the_app(name: &str) -> bool {
    SAVED_EXTENSIONS.iter().any(|e| name.ends_with(e))
        && SAVED_PREFIXES.iter().any(|p| name.starts_with(p))
}

/// Deletes the PDFs the app saved in `dir` ("Meine Daten von diesem Gerät löschen": on a
/// shared device the next person must not find the last one's applications in Downloads).
/// Only regular files with the app's own names; a link is removed, never followed. How many
/// were deleted.
fn forget_in(dir: &Path) -> u32 {
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

/// Deletes the PDFs the app saved, wherever it saved them.
pub(crate) fn forget_printouts<R: Runtime>(app: &AppHandle<R>) -> u32 {
    [app.path().download_dir().ok(), own_dir(app)]
        .into_iter()
        .flatten()
        .map(|dir| forget_in(&dir))
        .sum()
}

/// Where PDFs go on a device without a Downloads folder: the app's own data folder.
fn own_dir<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    app.path().app_data_dir().ok().map(|d| d.join("printouts"))
}

pub(crate) fn printouts_dir<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, IpcError> {
    app.path()
        .download_dir()
        .ok()
        .filter(|d| d.is_dir())
        .or_else(|| own_dir(app))
        .ok_or_else(save_failed)
}

/// Writes beside the target and renames, so a full disk or a killed app never leaves half a
/// PDF under the name.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut part = tempfile::NamedTempFile::new_in(dir)?;
    part.write_all(bytes)?;
    part.as_file().sync_all()?;
    part.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// What is printed, as the app shows it, with the names the catalog gives it.
enum Source {
    Sent {
        view: Box<SubmissionView>,
        service: String,
        authority: Option<String>,
    },
    Unsent {
        view: Box<DraftView>,
        service: Box<Service>,
        authority: Option<String>,
    },
}

impl Source {
    fn file_name(&self) -> String {
        match self {
            Source::Sent { view, .. } => file_name(view),
            Source::Unsent { view, .. } => summary_name(view),
        }
    }

    fn printout(&self, language: Language, printed_at: i64) -> Printout {
        WORDS.with(|words| match self {
            Source::Sent {
                view,
                service,
                authority,
            } => printout::submission::printout(
                &Sent {
                    submission: view,
                    service,
                    authority: authority.as_deref(),
                    language,
                    printed_at,
                },
                words,
            ),
            Source::Unsent {
                view,
                service,
                authority,
            } => printout::draft::printout(
                &Unsent {
                    service,
                    definition: &view.definition,
                    answers: &view.answers,
                    attachments: &view.attachments,
                    authority: authority.as_deref(),
                    language,
                    printed_at,
                },
                words,
            ),
        })
    }
}

/// The application `of` names (only one the store shows: the person's own), in the person's
/// language.
async fn source(state: &AppState, of: &PrintoutOf) -> Result<(Source, Language), IpcError> {
    let logged_in = state.logged_in().await;
    let store = state.store()?;
    let settings = store.settings().map_err(storage_error)?;
    let language = settings.language;
    let catalog = store
        .catalog()
        .map_err(storage_error)?
        .map(|stored| stored.catalog);
    let service_of = |key: &str| {
        catalog
            .as_ref()
            .and_then(|c| c.services.iter().find(|s| s.leika_key == key))
    };
    let authority_named = |id: Option<&str>| {
        catalog.as_ref().and_then(|c| {
            c.authorities
                .iter()
                .find(|a| Some(a.id.as_str()) == id)
                .map(|a| a.name.get(language).to_string())
        })
    };
    let source = match of {
        PrintoutOf::Submission { submission_id } => {
            let view = views::submission_view(&store, parse_id(submission_id)?, logged_in)?;
            let service = service_of(&view.leika_key).map_or_else(
                || view.leika_key.clone(),
                |s| s.name.get(language).to_string(),
            );
            let destination = view
                .receipt
                .as_ref()
                .and_then(|r| r.signed.as_ref())
                .and_then(|s| s.destination.clone());
            Source::Sent {
                authority: authority_named(destination.as_deref()),
                service,
                view: Box::new(view),
            }
        }
        PrintoutOf::Draft { draft_id } => {
            let view = views::draft_view(&store, parse_id(draft_id)?)?;
            let service = service_of(&view.leika_key)
                .cloned()
                .ok_or_else(views::not_found)?;
            // Who is responsible where the person lives, as the service page says it.
            let authority = catalog.as_ref().and_then(|c| {
                let ags = settings.home_municipality.as_deref()?;
                c.authority_index()
                    .responsible_for(&service, ags)
                    .map(|a| a.name.get(language).to_string())
            });
            Source::Unsent {
                view: Box::new(view),
                service: Box::new(service),
                authority,
            }
        }
    };
    Ok((source, language))
}

#[tauri::command]
pub async fn save_printout<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: PrintoutOf,
) -> Result<PrintoutSaved, IpcError> {
    let (source, language) = source(&state, &request).await?;
    let path = printouts_dir(&app)?.join(source.file_name());
    let printed_at = clock::now_millis();
    let target = path.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let document = source.printout(language, printed_at);
        // What failed, never what the application holds.
        let pdf = printout::render(&document).map_err(|error| {
            let kind = match error {
                printout::PrintoutError::Font => "font",
                printout::PrintoutError::DuplicateFile(_) => "embedded file",
                printout::PrintoutError::Pdf(_) => "pdf",
            };
            eprintln!("ThüringenApp: the printout could not be made ({kind})");
            save_failed()
        })?;
        write_whole(&target, &pdf).map_err(|error| {
            eprintln!(
                "ThüringenApp: the printout could not be saved ({})",
                error.kind()
            );
            save_failed()
        })
    })
    .await
    .map_err(|_| save_failed())??;
    Ok(PrintoutSaved {
        path: path.display().to_string(),
    })
}

/// Opens the saved PDF in the system's viewer (to read or print it).
#[tauri::command]
pub async fn open_printout<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: PrintoutOf,
) -> Result<(), IpcError> {
    let (source, _) = source(&state, &request).await?;
    let path = printouts_dir(&app)?.join(source.file_name());
    if !path.is_file() {
        return Err(open_failed());
    }
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|_| open_failed())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_hold_only_the_reference_in_safe_letters() {
        let mut view = SubmissionView {
            submission_id: "0b7c6a52-5a0e-4d61-9d0e-5e4b2a4f7a10".into(),
            leika_key: String::new(),
            definition: domain::form::FormDefinition::from_json(
                domain::form::showcase::showcase_definition("hundesteuer").unwrap_or_default(),
            )
            .expect("a showcase form"),
            data: Default::default(),
            attachments: Vec::new(),
            timeline: Vec::new(),
            waiting: None,
            refusal: None,
            receipt: None,
            replies: Vec::new(),
            can_reply: false,
        };
        assert_eq!(
            file_name(&view),
            "ThueringenApp-Antrag-0b7c6a52-5a0e-4d61-9d0e-5e4b2a4f7a10.pdf"
        );
        view.receipt = Some(domain::ipc::Receipt {
            reference: "../../etc/passwd TH-1".into(),
            data_sha512: String::new(),
            matches: true,
            signed: None,
        });
        assert_eq!(file_name(&view), "ThueringenApp-Antrag-etcpasswdTH-1.pdf");
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
