//! Answering the authority (#18): the person's reply to an application the authority needs
//! something for, queued in the store and sent by the sync engine under the sender's login;
//! and the documents the authority's messages carry, saved where the person finds their files
//! and opened in the system's viewer. The webview names a message and a document, never a
//! path; the file name holds no personal data.

use base64::Engine;
use domain::ipc::{ApplicationStatus, ErrorCode, IpcError, PrintoutSaved, SubmissionView};
use domain::reply::{DocumentInfo, MessageDocumentRef, NewReply};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;
use uuid::Uuid;

use crate::applications::parse_id;
use crate::clock;
use crate::printing::{printouts_dir, safe, write_whole};
use crate::state::{storage_error, AppState};
use crate::views;

fn invalid(message_id: &str) -> IpcError {
    IpcError::new(ErrorCode::InvalidRequest, message_id)
}

/// Queues the reply and wakes the sync engine. Checked with the rules the authority applies
/// (`domain::reply`), so a reply that would be refused never enters the outbox.
#[tauri::command]
pub async fn send_reply(
    state: State<'_, AppState>,
    request: NewReply,
) -> Result<SubmissionView, IpcError> {
    let id = parse_id(&request.submission_id)?;
    let mut documents = Vec::with_capacity(request.documents.len());
    for picked in &request.documents {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(picked.content_base64.as_bytes())
            .map_err(|_| invalid("error-invalid-request"))?;
        documents.push(store::ReplyDocument {
            name: picked.file_name.trim().to_string(),
            media_type: picked.media_type.clone(),
            bytes,
        });
    }
    let infos: Vec<DocumentInfo<'_>> = documents
        .iter()
        .map(|d| DocumentInfo {
            name: &d.name,
            media_type: &d.media_type,
            size: d.bytes.len() as u64,
        })
        .collect();
    if let Some(problem) = domain::reply::problems(&request.text, &infos).first() {
        let error = invalid(problem.message_id());
        return Err(match problem.document() {
            Some(name) => error.with_arg("name", name),
            None => error,
        });
    }
    {
        let store = state.store()?;
        let submission = store
            .submission(id)
            .map_err(storage_error)?
            .ok_or_else(views::not_found)?;
        if ApplicationStatus::from(submission.status) != ApplicationStatus::ActionRequired
            || submission.server_ref.is_none()
        {
            return Err(invalid("error-not-awaiting-reply"));
        }
        store
            .queue_reply(
                Uuid::new_v4(),
                id,
                request.text.trim(),
                &documents,
                clock::now_millis(),
            )
            .map_err(storage_error)?;
    }
    state.nudge_sync();
    let logged_in = state.logged_in().await;
    views::submission_view(&*state.store()?, id, logged_in)
}

/// `ThueringenApp-Dokument-<document id>.<pdf|jpg|png>`: no name the authority chose.
fn document_file_name(document_id: &str, media_type: &str) -> String {
    let extension = match media_type.to_ascii_lowercase().as_str() {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        _ => "pdf",
    };
    format!("ThueringenApp-Dokument-{}.{extension}", safe(document_id))
}

/// A document of a message the person may see, kept on the device: where it is saved, and its
/// bytes.
fn kept_document<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    request: &MessageDocumentRef,
) -> Result<(std::path::PathBuf, Vec<u8>), IpcError> {
    let (info, bytes) = state
        .store()?
        .message_document_bytes(&request.message_id, &request.document_id)
        .map_err(storage_error)?
        .ok_or_else(|| IpcError::new(ErrorCode::NotFound, "error-document-missing"))?;
    let path = printouts_dir(app)?.join(document_file_name(&request.document_id, &info.media_type));
    Ok((path, bytes))
}

/// Saves a kept document of a message in the Downloads folder (else the app's own folder).
#[tauri::command]
pub async fn save_message_document<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: MessageDocumentRef,
) -> Result<PrintoutSaved, IpcError> {
    let (path, bytes) = kept_document(&app, &state, &request)?;
    let target = path.clone();
    tauri::async_runtime::spawn_blocking(move || write_whole(&target, &bytes))
        .await
        .map_err(|_| IpcError::new(ErrorCode::Storage, "error-printout-failed"))?
        .map_err(|error| {
            eprintln!(
                "ThüringenApp: a document could not be saved ({})",
                error.kind()
            );
            IpcError::new(ErrorCode::Storage, "error-printout-failed")
        })?;
    Ok(PrintoutSaved {
        path: path.display().to_string(),
    })
}

/// Opens a saved document in the system's viewer.
#[tauri::command]
pub async fn open_message_document<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: MessageDocumentRef,
) -> Result<(), IpcError> {
    let (path, _) = kept_document(&app, &state, &request)?;
    if !path.is_file() {
        return Err(IpcError::new(
            ErrorCode::NotFound,
            "error-printout-open-failed",
        ));
    }
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|_| IpcError::new(ErrorCode::NotFound, "error-printout-open-failed"))
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
        assert!(crate::printing::is_saved_by_the_app(&document_file_name(
            "x",
            "image/jpeg"
        )));
    }
}
