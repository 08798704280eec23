//! Commands for the inbox: messages from authorities, as the sync engine stored them.

use domain::ipc::{ErrorCode, InboxMessage, IpcError, MessageRef};
use tauri::State;

use crate::clock;
use crate::state::{storage_error, AppState};

fn view(store: &store::Store, message: store::InboxMessage) -> Result<InboxMessage, IpcError> {
    let documents = store
        .message_documents(&message.id)
        .map_err(storage_error)?
        .into_iter()
        .map(|d| domain::reply::MessageDocument {
            document_id: d.document_id,
            name: d.info.name,
            media_type: d.info.media_type,
            size: d.info.size,
            kept: d.kept,
        })
        .collect();
    Ok(InboxMessage {
        message_id: message.id,
        submission_id: message.submission_id.map(|id| id.to_string()),
        subject: message.subject,
        body: message.body,
        sender: message.sender,
        received_at: clock::rfc3339(message.received_at),
        read: message.read_at.is_some(),
        documents,
    })
}

#[tauri::command]
pub fn list_inbox(state: State<'_, AppState>) -> Result<Vec<InboxMessage>, IpcError> {
    let store = state.store()?;
    let messages = store.inbox().map_err(storage_error)?;
    messages.into_iter().map(|m| view(&store, m)).collect()
}

#[tauri::command]
pub fn mark_message_read(state: State<'_, AppState>, request: MessageRef) -> Result<(), IpcError> {
    let store = state.store()?;
    if store
        .message(&request.message_id)
        .map_err(storage_error)?
        .is_none()
    {
        return Err(IpcError::new(ErrorCode::NotFound, "error-not-found"));
    }
    store
        .mark_read(&request.message_id, clock::now_millis())
        .map_err(storage_error)
}
