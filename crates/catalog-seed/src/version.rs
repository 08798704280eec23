//! The catalog's content version: the first 16 hex digits of the SHA-256 of its canonical
//! JSON (serde's field order, the catalog's own element order, `version` left empty).
//!
//! It changes exactly when the content changes, so it doubles as the ETag. This module must
//! never mix anything but the content (no time, no build id) into the hash.

use std::io;

use domain::Catalog;
use sha2::{Digest, Sha256};

use crate::SeedError;

/// Feeds serialized bytes straight into the hash, without building the JSON string.
struct HashWriter(Sha256);

impl io::Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The version of `catalog`'s content; its `version` field is ignored.
pub fn content_version(catalog: &Catalog) -> Result<String, SeedError> {
    let mut writer = HashWriter(Sha256::new());
    if catalog.version.is_empty() {
        serde_json::to_writer(&mut writer, catalog).map_err(SeedError::Version)?;
    } else {
        let unversioned = Catalog {
            version: String::new(),
            ..catalog.clone()
        };
        serde_json::to_writer(&mut writer, &unversioned).map_err(SeedError::Version)?;
    }
    let digest = writer.0.finalize();
    let mut hex = hex::encode(digest);
    hex.truncate(16);
    Ok(hex)
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Municipality;

    #[test]
    fn version_follows_content_only() {
        let a = Catalog::default();
        let mut b = Catalog::default();
        b.municipalities.push(Municipality {
            ags: "16051000".into(),
            name: "Stadt Erfurt".into(),
        });
        let va = content_version(&a).unwrap_or_default();
        let vb = content_version(&b).unwrap_or_default();
        assert_eq!(va.len(), 16, "16 hex digits: {va}");
        assert_ne!(va, vb, "different content, different version");
        let relabelled = Catalog {
            version: "anything".into(),
            ..a.clone()
        };
        let vr = content_version(&relabelled).unwrap_or_default();
        assert_eq!(va, vr, "the version field itself is not content");
    }
}
