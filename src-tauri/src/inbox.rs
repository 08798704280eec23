//! Commands for the inbox: messages from authorities, as the sync engine stored them.

use domain::ipc::{ErrorCode, InboxMessage, IpcError, MessageRef};
use tauri::State;

use crate::clock;
use crate::state::{storage_error, AppState};

fn view(message: store::InboxMessage) -> InboxMessage {
    InboxMessage {
        message_id: message.id,
        submission_id: message.submission_id.map(|id| id.to_string()),
        subject: message.subject,
        body: message.body,
        sender: message.sender,
        received_at: clock::rfc3339(message.received_at),
        read: message.read_at.is_some(),
    }
}

#[tauri::command]
pub fn list_inbox(state: State<'_, AppState>) -> Result<Vec<InboxMessage>, IpcError> {
    let messages = state.store()?.inbox().map_err(storage_error)?;
    Ok(messages.into_iter().map(view).collect())
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
