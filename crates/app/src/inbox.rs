//! The inbox: messages from authorities, as the sync engine stored them.

use domain::ipc::{InboxMessage, MessageRef};

use crate::instant::rfc3339;
use crate::{App, Error};

fn view(store: &store::Store, message: store::InboxMessage) -> Result<InboxMessage, Error> {
    let documents = store
        .message_documents(&message.id)?
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
        received_at: rfc3339(message.received_at),
        read: message.read_at.is_some(),
        documents,
    })
}

impl App {
    pub fn inbox(&self) -> Result<Vec<InboxMessage>, Error> {
        let store = self.store()?;
        let messages = store.inbox()?;
        messages.into_iter().map(|m| view(&store, m)).collect()
    }

    /// Marks a message the person can see as read.
    pub fn mark_message_read(&self, request: MessageRef) -> Result<(), Error> {
        let store = self.store()?;
        if store.message(&request.message_id)?.is_none() {
            return Err(Error::NotFound);
        }
        Ok(store.mark_read(&request.message_id, self.now())?)
    }
}
