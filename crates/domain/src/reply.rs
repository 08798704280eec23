//! Answering the authority (#18): when the authority needs something for an application
//! (status ACTION_REQUIRED), the person answers in the app with a text and documents; and the
//! authority's messages can carry documents (a Bescheid as PDF).
//!
//! The rules are here once, for the UI (before anything is kept), the shell (before the
//! reply enters the outbox) and the reference authority (when it opens the reply).

use serde::{Deserialize, Serialize};

/// At most this many characters of text in one reply.
pub const MAX_TEXT_CHARS: usize = 5_000;
/// At most this many documents in one reply.
pub const MAX_DOCUMENTS: usize = 3;
/// The largest document, in bytes (a scanned page or a phone photo fits).
pub const MAX_DOCUMENT_BYTES: u64 = 5 * 1024 * 1024;
/// The kinds of documents a reply can carry (what authorities take: PDF and photos).
pub const MEDIA_TYPES: [&str; 3] = ["application/pdf", "image/jpeg", "image/png"];
/// The `accept` of the document picker, the same list.
pub const ACCEPT: &str = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";

/// A document as the person picked it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo<'a> {
    pub name: &'a str,
    pub media_type: &'a str,
    pub size: u64,
}

/// What keeps a reply from going out, each with its Fluent message id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ReplyProblem {
    /// Neither text nor a document: there is nothing to send.
    Empty,
    TextTooLong,
    TooManyDocuments,
    DocumentEmpty {
        name: String,
    },
    DocumentTooLarge {
        name: String,
    },
    DocumentType {
        name: String,
    },
}

impl ReplyProblem {
    /// The Fluent message id (arguments: `name`, `max`).
    pub fn message_id(&self) -> &'static str {
        match self {
            ReplyProblem::Empty => "reply-problem-empty",
            ReplyProblem::TextTooLong => "reply-problem-text-too-long",
            ReplyProblem::TooManyDocuments => "reply-problem-too-many-documents",
            ReplyProblem::DocumentEmpty { .. } => "reply-problem-document-empty",
            ReplyProblem::DocumentTooLarge { .. } => "reply-problem-document-too-large",
            ReplyProblem::DocumentType { .. } => "reply-problem-document-type",
        }
    }

    /// The document it is about, if any.
    pub fn document(&self) -> Option<&str> {
        match self {
            ReplyProblem::DocumentEmpty { name }
            | ReplyProblem::DocumentTooLarge { name }
            | ReplyProblem::DocumentType { name } => Some(name),
            _ => None,
        }
    }
}

/// Whether a media type is one a reply can carry (parameters and case ignored).
pub fn accepts(media_type: &str) -> bool {
    let essence = media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    MEDIA_TYPES.contains(&essence.as_str())
}

/// Everything that keeps `text` with `documents` from being a reply; empty when it can go.
pub fn problems(text: &str, documents: &[DocumentInfo<'_>]) -> Vec<ReplyProblem> {
    let mut problems = Vec::new();
    if text.trim().is_empty() && documents.is_empty() {
        problems.push(ReplyProblem::Empty);
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        problems.push(ReplyProblem::TextTooLong);
    }
    if documents.len() > MAX_DOCUMENTS {
        problems.push(ReplyProblem::TooManyDocuments);
    }
    for document in documents {
        let name = document.name.to_string();
        if document.size == 0 {
            problems.push(ReplyProblem::DocumentEmpty { name });
        } else if document.size > MAX_DOCUMENT_BYTES {
            problems.push(ReplyProblem::DocumentTooLarge { name });
        } else if !accepts(document.media_type) {
            problems.push(ReplyProblem::DocumentType { name });
        }
    }
    problems
}

/// A reply as it travels to the authority: this JSON, encrypted as a JWE to the receiving
/// authority's key (plain only for an application without a destination). The state API
/// keeps it as it came; the authority opens it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplyContent {
    /// The application it answers: the citizen's id of the submission.
    pub submission_id: String,
    pub text: String,
    pub documents: Vec<ReplyDocument>,
}

/// One document of a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplyDocument {
    pub name: String,
    pub media_type: String,
    pub size: u64,
    /// Lower-case hex SHA-512 of the bytes.
    pub sha512: String,
    /// The bytes, standard base64 with padding.
    pub content: String,
}

impl ReplyContent {
    /// [`problems`] of this content, by what it says of itself (the receiver also checks
    /// that each document's bytes are what `size` and `sha512` say).
    pub fn problems(&self) -> Vec<ReplyProblem> {
        let documents: Vec<DocumentInfo<'_>> = self
            .documents
            .iter()
            .map(|d| DocumentInfo {
                name: &d.name,
                media_type: &d.media_type,
                size: d.size,
            })
            .collect();
        problems(&self.text, &documents)
    }
}

/// Arguments of [`crate::ipc::command::SEND_REPLY`]: the person's answer to the authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewReply {
    pub submission_id: String,
    pub text: String,
    pub documents: Vec<NewReplyDocument>,
}

/// A document the person picked, as the webview read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewReplyDocument {
    pub file_name: String,
    pub media_type: String,
    /// The bytes, standard base64.
    pub content_base64: String,
}

/// A reply as the application's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyView {
    pub reply_id: String,
    pub text: String,
    /// The documents' names.
    pub documents: Vec<String>,
    /// RFC 3339: when the person wrote it.
    pub written_at: String,
    pub state: ReplyState,
}

/// Where a reply stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ReplyState {
    /// Kept on the device, waiting to be sent: for the network, or for the login of the
    /// person who wrote it (`login_needed`).
    Waiting { login_needed: bool },
    /// The state API holds it: when it arrived (RFC 3339).
    Sent { at: String },
    /// The state API refused it (the application no longer waits for an answer, or the reply
    /// broke a rule): the Fluent message id of why.
    Refused { message_id: String },
}

/// A document an authority's message carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageDocument {
    pub document_id: String,
    /// The name the authority gave it (shown, never used as a file name).
    pub name: String,
    pub media_type: String,
    pub size: u64,
    /// Whether its bytes are on the device (fetched with the message, checked by hash).
    pub kept: bool,
}

/// Arguments of [`crate::ipc::command::SAVE_MESSAGE_DOCUMENT`] and
/// [`crate::ipc::command::OPEN_MESSAGE_DOCUMENT`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageDocumentRef {
    pub message_id: String,
    pub document_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &'static str, media_type: &'static str, size: u64) -> DocumentInfo<'static> {
        DocumentInfo {
            name,
            media_type,
            size,
        }
    }

    #[test]
    fn a_reply_needs_text_or_a_document() {
        assert_eq!(problems("  \n", &[]), vec![ReplyProblem::Empty]);
        assert!(problems("Hier der Nachweis.", &[]).is_empty());
        assert!(problems("", &[doc("nachweis.pdf", "application/pdf", 10)]).is_empty());
    }

    #[test]
    fn text_length_is_counted_in_characters_not_bytes() {
        let umlauts = "ä".repeat(MAX_TEXT_CHARS);
        assert!(problems(&umlauts, &[]).is_empty(), "5000 ä are 10000 bytes");
        let longer = format!("{umlauts}x");
        assert_eq!(problems(&longer, &[]), vec![ReplyProblem::TextTooLong]);
    }

    #[test]
    fn documents_are_checked_each_with_its_name() {
        let found = problems(
            "x",
            &[
                doc("leer.pdf", "application/pdf", 0),
                doc("gross.pdf", "application/pdf", MAX_DOCUMENT_BYTES + 1),
                doc("tabelle.xlsx", "application/vnd.ms-excel", 100),
                doc("foto.JPG", "IMAGE/JPEG; q=1", 100),
            ],
        );
        assert_eq!(
            found,
            vec![
                ReplyProblem::TooManyDocuments,
                ReplyProblem::DocumentEmpty {
                    name: "leer.pdf".into()
                },
                ReplyProblem::DocumentTooLarge {
                    name: "gross.pdf".into()
                },
                ReplyProblem::DocumentType {
                    name: "tabelle.xlsx".into()
                },
            ]
        );
        assert_eq!(found[1].document(), Some("leer.pdf"));
        assert!(found
            .iter()
            .all(|p| p.message_id().starts_with("reply-problem-")));
    }

    #[test]
    fn content_round_trips_in_camel_case() {
        let content = ReplyContent {
            submission_id: "s".into(),
            text: "t".into(),
            documents: vec![ReplyDocument {
                name: "a.pdf".into(),
                media_type: "application/pdf".into(),
                size: 3,
                sha512: "00".into(),
                content: "YWJj".into(),
            }],
        };
        let json = serde_json::to_value(&content).expect("serializes");
        assert_eq!(json["documents"][0]["mediaType"], "application/pdf");
        assert_eq!(json["submissionId"], "s");
        let back: ReplyContent = serde_json::from_value(json).expect("parses");
        assert_eq!(back, content);
        assert!(back.problems().is_empty());
    }
}
