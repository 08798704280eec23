//! What travels: one draft, its answers and its files, as JSON inside the sealed content.

use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::HandoverError;

/// The package format this app writes and reads.
pub const PACKAGE_VERSION: u32 = 1;

/// A draft as it travels from one device to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Package {
    pub version: u32,
    /// The 14-digit LeiKa key of the service, if the draft has one.
    pub service_key: Option<String>,
    pub form_id: String,
    pub form_version: String,
    /// The wizard page the person was on.
    pub page: Option<String>,
    pub answers: domain::form::Answers,
    pub files: Vec<PackageFile>,
}

/// A file of a draft's file field.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PackageFile {
    /// The link's UUID, which the field's answer names.
    pub link: String,
    /// The field's path (`domain::form::FieldPath` as text).
    pub field: String,
    pub name: String,
    pub media_type: String,
    /// Lower-case hex SHA-512 of the bytes.
    pub sha512: String,
    /// The bytes, base64 (standard alphabet, padded).
    pub content: String,
}

impl std::fmt::Debug for PackageFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackageFile")
            .field("link", &self.link)
            .field("field", &self.field)
            .field("media_type", &self.media_type)
            .field("bytes", &self.content.len())
            .finish_non_exhaustive()
    }
}

fn sha512_hex(bytes: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA512, bytes)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl PackageFile {
    /// A file with its bytes.
    pub fn new(
        link: String,
        field: String,
        name: String,
        media_type: String,
        bytes: &[u8],
    ) -> Self {
        PackageFile {
            link,
            field,
            name,
            media_type,
            sha512: sha512_hex(bytes),
            content: base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }

    /// The bytes, checked against their SHA-512.
    pub fn bytes(&self) -> Result<Vec<u8>, HandoverError> {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(self.content.as_bytes())
            .map_err(|_| HandoverError::Malformed(format!("file {} is not base64", self.link)))?;
        if sha512_hex(&bytes) != self.sha512 {
            return Err(HandoverError::Malformed(format!(
                "file {} does not match its SHA-512",
                self.link
            )));
        }
        Ok(bytes)
    }
}

impl Package {
    pub fn to_bytes(&self) -> Result<Vec<u8>, HandoverError> {
        serde_json::to_vec(self).map_err(|e| HandoverError::Malformed(e.to_string()))
    }

    /// Reads a package and checks what can be checked without a form: its version, a form
    /// named, every file whole.
    pub fn from_bytes(bytes: &[u8]) -> Result<Package, HandoverError> {
        let package: Package =
            serde_json::from_slice(bytes).map_err(|e| HandoverError::Malformed(e.to_string()))?;
        if package.version != PACKAGE_VERSION {
            return Err(HandoverError::Malformed(format!(
                "package version {} (this app reads {PACKAGE_VERSION})",
                package.version
            )));
        }
        if package.form_id.is_empty() || package.form_version.is_empty() {
            return Err(HandoverError::Malformed("no form named".into()));
        }
        for file in &package.files {
            file.bytes()?;
        }
        Ok(package)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package() -> Package {
        let answers: domain::form::Answers =
            serde_json::from_value(serde_json::json!({"name": "Kanarienvogel"})).expect("answers");
        Package {
            version: PACKAGE_VERSION,
            service_key: Some("99108008000000".into()),
            form_id: "bewohnerparkausweis".into(),
            form_version: "1.0.0".into(),
            page: Some("person".into()),
            answers,
            files: vec![PackageFile::new(
                "0b7c6d1e-2f44-4f7e-9a3e-0c1d2e3f4a5b".into(),
                "nachweis".into(),
                "Meldebescheinigung.pdf".into(),
                "application/pdf".into(),
                b"%PDF-1.7 Kanarienvogel",
            )],
        }
    }

    #[test]
    fn a_package_reads_back_whole() {
        let package = package();
        let bytes = package.to_bytes().expect("bytes");
        assert_eq!(Package::from_bytes(&bytes), Ok(package.clone()));
        assert_eq!(
            package.files[0].bytes().expect("whole"),
            b"%PDF-1.7 Kanarienvogel"
        );
    }

    #[test]
    fn a_changed_file_another_version_or_no_form_is_refused() {
        let mut changed = package();
        changed.files[0].content = base64::engine::general_purpose::STANDARD.encode(b"other");
        assert!(Package::from_bytes(&changed.to_bytes().expect("bytes")).is_err());
        let mut later = package();
        later.version = 2;
        assert!(Package::from_bytes(&later.to_bytes().expect("bytes")).is_err());
        let mut formless = package();
        formless.form_id.clear();
        assert!(Package::from_bytes(&formless.to_bytes().expect("bytes")).is_err());
        assert!(Package::from_bytes(b"{\"version\":1}").is_err());
        assert!(Package::from_bytes(b"\xff").is_err());
    }

    #[test]
    fn debug_shows_no_content() {
        let shown = format!("{:?}", package().files[0]);
        assert!(!shown.contains("Meldebescheinigung"), "{shown}");
        assert!(!shown.contains(&package().files[0].content), "{shown}");
    }
}
