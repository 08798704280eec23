//! "Save as PDF" on a sent application's page (#15): the `printout` crate makes the PDF of
//! what was sent with the receipt; this saves it where the person finds their files (the
//! Downloads folder, else the app's own folder) and opens it in the system's PDF viewer to
//! print. Only on the person's request; the file name holds no personal data (the state
//! API's reference, else the application's id). The webview never names a path: it names the
//! application, and the shell works out the file.

use std::io::Write;
use std::path::{Path, PathBuf};

use domain::ipc::{ErrorCode, IpcError, PrintoutSaved, SubmissionRef, SubmissionView};
use printout::submission::{printout, Sent};
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
    /// The app's texts (every locale's bundles), built once per thread that prints: a
    /// Fluent bundle is not shared between threads.
    static WORDS: i18n::Localizer = i18n::Localizer::new();
}

/// `ThueringenApp-Antrag-<reference>.pdf`: letters, digits and dashes only.
fn file_name(view: &SubmissionView) -> String {
    let reference = view
        .receipt
        .as_ref()
        .map_or(view.submission_id.as_str(), |r| r.reference.as_str());
    let safe: String = reference
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(64)
        .collect();
    format!("ThueringenApp-Antrag-{safe}.pdf")
}

fn printouts_dir<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, IpcError> {
    let paths = app.path();
    paths
        .download_dir()
        .ok()
        .filter(|d| d.is_dir())
        .or_else(|| paths.app_data_dir().ok().map(|d| d.join("printouts")))
        .ok_or_else(save_failed)
}

/// Writes beside the target and renames, so a full disk or a killed app never leaves half a
/// PDF under the name.
fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut part = tempfile::NamedTempFile::new_in(dir)?;
    part.write_all(bytes)?;
    part.as_file().sync_all()?;
    part.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The application as its page shows it, and the PDF's file name.
async fn sent(state: &AppState, request: &SubmissionRef) -> Result<SubmissionView, IpcError> {
    let id = parse_id(&request.submission_id)?;
    let logged_in = state.logged_in().await;
    views::submission_view(&*state.store()?, id, logged_in)
}

#[tauri::command]
pub async fn save_printout<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: SubmissionRef,
) -> Result<PrintoutSaved, IpcError> {
    let view = sent(&state, &request).await?;
    let (language, catalog) = {
        let store = state.store()?;
        let language = store.settings().map_err(storage_error)?.language;
        (language, store.catalog().map_err(storage_error)?)
    };
    let catalog = catalog.map(|c| c.catalog);
    let service = catalog
        .as_ref()
        .and_then(|c| c.services.iter().find(|s| s.leika_key == view.leika_key))
        .map_or_else(
            || view.leika_key.clone(),
            |s| s.name.get(language).to_string(),
        );
    let destination = view
        .receipt
        .as_ref()
        .and_then(|r| r.signed.as_ref())
        .and_then(|s| s.destination.clone());
    let authority = catalog.as_ref().and_then(|c| {
        c.authorities
            .iter()
            .find(|a| Some(&a.id) == destination.as_ref())
            .map(|a| a.name.get(language).to_string())
    });
    let path = printouts_dir(&app)?.join(file_name(&view));
    let printed_at = clock::now_millis();
    let target = path.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let sent = Sent {
            submission: &view,
            service: &service,
            authority: authority.as_deref(),
            language,
            printed_at,
        };
        let document = WORDS.with(|words| printout(&sent, words));
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

/// Opens the saved PDF of this application in the system's viewer (to read or print it).
#[tauri::command]
pub async fn open_printout<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: SubmissionRef,
) -> Result<(), IpcError> {
    let view = sent(&state, &request).await?;
    let path = printouts_dir(&app)?.join(file_name(&view));
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
