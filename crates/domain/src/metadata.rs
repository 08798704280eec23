//! The metadata of a submission, shaped like FIT-Connect's metadata document: what the data
//! follows, the SHA-512 of the data and of each attachment as they were before encryption,
//! each attachment's file name and media type, and the public service (its LeiKa key). The
//! device encrypts it for the receiving authority with the data and the attachments, so the
//! state API in the middle sees neither file names nor media types; the authority checks
//! every attachment it opens against it, and signs the hashes it found in its receipt.
//!
//! FIT-Connect's optional parts (authentication information, reply channel) are left out:
//! the citizen logs in with the state's account and gets replies in the app's inbox.

use serde::{Deserialize, Serialize};

/// The schema the document follows (FIT-Connect metadata 1.x).
pub const SCHEMA: &str = "https://schema.fitko.de/fit-connect/metadata/1.2.0/metadata.schema.json";
/// The hash algorithm named in the document.
pub const HASH_TYPE: &str = "sha512";
/// The content type of the encrypted document.
pub const MEDIA_TYPE: &str = "application/json";

/// The metadata document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    #[serde(rename = "$schema")]
    pub schema: String,
    pub content_structure: ContentStructure,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_service_type: Option<PublicServiceType>,
}

/// The parts of the submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContentStructure {
    pub data: DataPart,
    #[serde(default)]
    pub attachments: Vec<AttachmentPart>,
}

/// The data: its hash and the form it follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataPart {
    pub hash: Hash,
    pub submission_schema: SubmissionSchema,
}

/// The form the data follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubmissionSchema {
    pub schema_uri: String,
    pub mime_type: String,
}

/// A hash of plain content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hash {
    #[serde(rename = "type")]
    pub kind: String,
    /// Lower-case hex.
    pub content: String,
}

/// One attachment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentPart {
    pub hash: Hash,
    /// FIT-Connect's purpose: `attachment` (a document the person added).
    pub purpose: String,
    pub filename: String,
    pub mime_type: String,
    pub attachment_id: String,
}

/// The public service applied for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicServiceType {
    /// `urn:de:fim:leika:leistung:<LeiKa key>`.
    pub identifier: String,
}

/// An attachment as the device describes it before encryption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainAttachment {
    pub id: String,
    pub filename: String,
    pub media_type: String,
    /// SHA-512 (hex) of the plain bytes.
    pub sha512: String,
}

impl Metadata {
    /// The document for data with hash `data_sha512` following form `form_id` in
    /// `form_version`, for the service `leika_key`, with `attachments`.
    pub fn new(
        data_sha512: &str,
        form: (&str, &str),
        leika_key: Option<&str>,
        attachments: &[PlainAttachment],
    ) -> Metadata {
        let hash = |content: &str| Hash {
            kind: HASH_TYPE.into(),
            content: content.to_ascii_lowercase(),
        };
        Metadata {
            schema: SCHEMA.into(),
            content_structure: ContentStructure {
                data: DataPart {
                    hash: hash(data_sha512),
                    submission_schema: SubmissionSchema {
                        schema_uri: format!("urn:thueringen-app:form:{}:{}", form.0, form.1),
                        mime_type: "application/json".into(),
                    },
                },
                attachments: attachments
                    .iter()
                    .map(|a| AttachmentPart {
                        hash: hash(&a.sha512),
                        purpose: "attachment".into(),
                        filename: a.filename.clone(),
                        mime_type: a.media_type.clone(),
                        attachment_id: a.id.to_ascii_lowercase(),
                    })
                    .collect(),
            },
            public_service_type: leika_key.map(|key| PublicServiceType {
                identifier: format!("urn:de:fim:leika:leistung:{key}"),
            }),
        }
    }

    /// Each attachment's id with the SHA-512 of its plain bytes, as the document names them.
    pub fn attachment_hashes(&self) -> Vec<(String, String)> {
        self.content_structure
            .attachments
            .iter()
            .map(|a| {
                (
                    a.attachment_id.to_ascii_lowercase(),
                    a.hash.content.to_ascii_lowercase(),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_has_fit_connects_shape() {
        let metadata = Metadata::new(
            &"AB".repeat(64),
            ("bauantrag", "2.0"),
            Some("99010003001000"),
            &[PlainAttachment {
                id: "A1B2".into(),
                filename: "Lageplan.pdf".into(),
                media_type: "application/pdf".into(),
                sha512: "CD".repeat(64),
            }],
        );
        let json = serde_json::to_value(&metadata).expect("JSON");
        assert_eq!(json["$schema"], SCHEMA);
        assert_eq!(json["contentStructure"]["data"]["hash"]["type"], "sha512");
        assert_eq!(
            json["contentStructure"]["data"]["hash"]["content"],
            "ab".repeat(64)
        );
        assert_eq!(
            json["contentStructure"]["attachments"][0]["mimeType"],
            "application/pdf"
        );
        assert_eq!(
            json["publicServiceType"]["identifier"],
            "urn:de:fim:leika:leistung:99010003001000"
        );
        assert_eq!(
            metadata.attachment_hashes(),
            [("a1b2".to_string(), "cd".repeat(64))]
        );
        let back: Metadata = serde_json::from_value(json).expect("reads back");
        assert_eq!(back, metadata);
    }
}
