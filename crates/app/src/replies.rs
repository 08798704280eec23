//! Answering the authority (#18): the person's reply to an application the authority needs
//! something for, checked with the rules the authority applies (`domain::reply`) and queued in
//! the store for the sync engine to send under the sender's login; and the documents the
//! authority's messages carry, as the device keeps them.

use base64::Engine;
use domain::ipc::{ApplicationStatus, SubmissionView};
use domain::reply::{DocumentInfo, MessageDocumentRef, NewReply};
use uuid::Uuid;

use crate::files::document_file_name;
use crate::{parse_id, App, Error};

/// A document of a message, kept on the device: the name it is saved under, and its bytes.
pub struct KeptDocument {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl App {
    /// Queues the reply and wakes the sync engine. A reply that would be refused never enters
    /// the outbox.
    pub async fn send_reply(&self, request: NewReply) -> Result<SubmissionView, Error> {
        let id = parse_id(&request.submission_id)?;
        let mut documents = Vec::with_capacity(request.documents.len());
        for picked in &request.documents {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(picked.content_base64.as_bytes())
                .map_err(|_| Error::InvalidRequest)?;
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
            return Err(Error::Reply(problem.clone()));
        }
        {
            let store = self.store()?;
            let submission = store.submission(id)?.ok_or(Error::NotFound)?;
            if ApplicationStatus::from(submission.status) != ApplicationStatus::ActionRequired
                || submission.server_ref.is_none()
            {
                return Err(Error::NotAwaitingReply);
            }
            store.queue_reply(
                Uuid::new_v4(),
                id,
                request.text.trim(),
                &documents,
                self.now(),
            )?;
        }
        self.nudge_sync();
        self.submission(domain::ipc::SubmissionRef {
            submission_id: request.submission_id,
        })
        .await
    }

    /// A document of a message the person may see, as the device keeps it.
    pub fn kept_document(&self, request: &MessageDocumentRef) -> Result<KeptDocument, Error> {
        let (info, bytes) = self
            .store()?
            .message_document_bytes(&request.message_id, &request.document_id)?
            .ok_or(Error::DocumentMissing)?;
        Ok(KeptDocument {
            file_name: document_file_name(&request.document_id, &info.media_type),
            bytes,
        })
    }
}

#[cfg(test)]
mod tests {
    use domain::reply::NewReplyDocument;

    use crate::testing::TestApp;

    use super::*;

    fn reply(submission_id: String, text: &str, documents: Vec<NewReplyDocument>) -> NewReply {
        NewReply {
            submission_id,
            text: text.into(),
            documents,
        }
    }

    #[tokio::test]
    async fn a_reply_is_queued_only_where_the_authority_waits_for_one() {
        let test = TestApp::new();
        let sent = Uuid::from_u128(2);
        {
            let store = test.app.store().expect("store");
            let draft = Uuid::from_u128(1);
            store
                .create_draft(&store::NewDraft {
                    id: draft,
                    form_id: "bewohnerparkausweis",
                    form_version: "1",
                    service_key: None,
                    now: 1,
                })
                .expect("a draft");
            store
                .submit(draft, sent, &domain::form::Answers::new(), 2)
                .expect("queued");
        }

        // Queued, not sent: the authority waits for nothing.
        let early = test
            .app
            .send_reply(reply(sent.to_string(), "Anbei der Nachweis.", Vec::new()))
            .await;
        assert!(matches!(early, Err(Error::NotAwaitingReply)), "{early:?}");

        // An empty reply, or a document of a type the authority does not take, is refused
        // before the status is even looked at.
        let empty = test
            .app
            .send_reply(reply(sent.to_string(), "  ", Vec::new()))
            .await;
        assert!(
            matches!(empty, Err(Error::Reply(domain::reply::ReplyProblem::Empty))),
            "{empty:?}"
        );
        let exe = NewReplyDocument {
            file_name: "setup.exe".into(),
            media_type: "application/x-msdownload".into(),
            content_base64: base64::engine::general_purpose::STANDARD.encode(b"MZ"),
        };
        let refused = test
            .app
            .send_reply(reply(sent.to_string(), "Anbei", vec![exe]))
            .await;
        assert!(
            matches!(
                refused,
                Err(Error::Reply(
                    domain::reply::ReplyProblem::DocumentType { .. }
                ))
            ),
            "{refused:?}"
        );
        assert!(test
            .app
            .store()
            .expect("store")
            .replies_to(sent)
            .expect("read")
            .is_empty());
    }
}
