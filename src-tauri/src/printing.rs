//! Files the person asked for: a printout of an application (`app::printing`) and the
//! documents the authority's messages carry, saved where the person finds their files (the
//! Downloads folder, else the app's own folder) and opened in the system's viewer. The webview
//! never names a path: it names the application or the document, and the app works out the
//! file. What is in a file and what it is called is decided in `app`; here only where.

use std::path::{Path, PathBuf};

use app::{App, Error};
use domain::ipc::{IpcError, PrintoutOf, PrintoutSaved};
use domain::reply::MessageDocumentRef;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_opener::OpenerExt;

/// Where files go on a device without a Downloads folder: the app's own data folder.
fn own_dir<R: Runtime>(handle: &AppHandle<R>) -> Option<PathBuf> {
    handle
        .path()
        .app_data_dir()
        .ok()
        .map(|d| d.join("printouts"))
}

fn files_dir<R: Runtime>(handle: &AppHandle<R>) -> Result<PathBuf, Error> {
    // An assisted session's files stay in its folder and go with it (#14).
    if let Some(dir) = handle.state::<App>().visit_files_dir() {
        std::fs::create_dir_all(&dir).map_err(|_| Error::SaveFailed("no folder"))?;
        return Ok(dir);
    }
    handle
        .path()
        .download_dir()
        .ok()
        .filter(|d| d.is_dir())
        .or_else(|| own_dir(handle))
        .ok_or(Error::SaveFailed("no folder"))
}

/// Deletes the files the app saved, wherever it saved them; how many.
pub(crate) fn forget_printouts<R: Runtime>(handle: &AppHandle<R>) -> u32 {
    [handle.path().download_dir().ok(), own_dir(handle)]
        .into_iter()
        .flatten()
        .map(|dir| app::files::forget_in(&dir))
        .sum()
}

/// What failed, never what the file holds.
fn logged(error: Error) -> Error {
    eprintln!("ThüringenApp: {error}");
    error
}

fn open<R: Runtime>(handle: &AppHandle<R>, path: &Path) -> Result<(), IpcError> {
    if !path.is_file() {
        return Err(Error::OpenFailed.into());
    }
    handle
        .opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|_| Error::OpenFailed.into())
}

#[tauri::command]
pub async fn save_printout<R: Runtime>(
    handle: AppHandle<R>,
    app: State<'_, App>,
    request: PrintoutOf,
) -> Result<PrintoutSaved, IpcError> {
    let printable = app.printable(&request).await?;
    let dir = files_dir(&handle)?;
    let printed_at = app.now();
    let path = tauri::async_runtime::spawn_blocking(move || printable.save_in(&dir, printed_at))
        .await
        .map_err(|_| Error::SaveFailed("task"))?
        .map_err(logged)?;
    Ok(PrintoutSaved {
        path: path.display().to_string(),
    })
}

/// Opens the saved PDF in the system's viewer (to read or print it).
#[tauri::command]
pub async fn open_printout<R: Runtime>(
    handle: AppHandle<R>,
    app: State<'_, App>,
    request: PrintoutOf,
) -> Result<(), IpcError> {
    let printable = app.printable(&request).await?;
    open(&handle, &files_dir(&handle)?.join(printable.file_name()))
}

/// Saves a kept document of a message in the Downloads folder (else the app's own folder).
#[tauri::command]
pub async fn save_message_document<R: Runtime>(
    handle: AppHandle<R>,
    app: State<'_, App>,
    request: MessageDocumentRef,
) -> Result<PrintoutSaved, IpcError> {
    let document = app.kept_document(&request)?;
    let path = files_dir(&handle)?.join(&document.file_name);
    let target = path.clone();
    tauri::async_runtime::spawn_blocking(move || app::files::write_whole(&target, &document.bytes))
        .await
        .map_err(|_| Error::SaveFailed("task"))?
        .map_err(|_| logged(Error::SaveFailed("write")))?;
    Ok(PrintoutSaved {
        path: path.display().to_string(),
    })
}

/// Opens a saved document in the system's viewer.
#[tauri::command]
pub async fn open_message_document<R: Runtime>(
    handle: AppHandle<R>,
    app: State<'_, App>,
    request: MessageDocumentRef,
) -> Result<(), IpcError> {
    let document = app.kept_document(&request)?;
    open(&handle, &files_dir(&handle)?.join(document.file_name))
}
