//! The catalog as served: serialized once at start-up, with its strong ETag.
//!
//! This module never changes the catalog; it only prepares it for fast, cacheable answers.

use std::io::Write;

use axum::body::Bytes;
use sha2::{Digest, Sha256};

use crate::error::Error;

/// The catalog's JSON bytes and ETag, computed once.
#[derive(Debug, Clone)]
pub struct ServedCatalog {
    pub json: Bytes,
    /// A strong entity tag, quoted: `"<version>-<content hash>"`.
    pub etag: String,
    /// The same JSON gzip-compressed once, for clients that accept it.
    pub gzip: Bytes,
    /// The strong entity tag of the gzip representation (`"<version>-<hash>-gz"`).
    pub gzip_etag: String,
}

impl ServedCatalog {
    pub fn new(catalog: &domain::Catalog) -> Result<Self, Error> {
        let json = serde_json::to_vec(catalog)
            .map_err(|e| Error::Config(format!("the catalog cannot be serialized: {e}")))?;
        let digest = Sha256::digest(&json);
        let version: String = catalog
            .version
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
            .take(64)
            .collect();
        let tag = format!("{version}-{}", hex::encode(&digest[..8]));
        let mut encoder = flate2::write::GzEncoder::new(
            Vec::with_capacity(json.len() / 4),
            flate2::Compression::best(),
        );
        encoder.write_all(&json)?;
        let gzip = encoder.finish()?;
        Ok(ServedCatalog {
            json: Bytes::from(json),
            etag: format!("\"{tag}\""),
            gzip: Bytes::from(gzip),
            gzip_etag: format!("\"{tag}-gz\""),
        })
    }

    /// True when an `If-None-Match` header value names this catalog's ETag of either
    /// representation (or is `*`). Comparison is weak, as RFC 9110 asks for `If-None-Match`.
    pub fn matches(&self, if_none_match: &str) -> bool {
        if_none_match.split(',').map(str::trim).any(|tag| {
            let tag = tag.strip_prefix("W/").unwrap_or(tag);
            tag == "*" || tag == self.etag.as_str() || tag == self.gzip_etag.as_str()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etag_changes_with_the_version_and_matches_lists() {
        let mut catalog = domain::Catalog {
            version: "2026-11-01".into(),
            ..Default::default()
        };
        let a = ServedCatalog::new(&catalog).expect("serializable");
        catalog.version = "2026-11-02".into();
        let b = ServedCatalog::new(&catalog).expect("serializable");
        assert_ne!(a.etag, b.etag, "a new version must give a new ETag");
        assert!(
            a.etag.starts_with("\"2026-11-01-"),
            "the ETag starts with the version: {}",
            a.etag
        );
        assert!(
            a.matches(&format!("\"x\", {}", a.etag)),
            "a list containing the tag matches"
        );
        assert!(
            a.matches(&format!("W/{}", a.etag)),
            "weak comparison for If-None-Match"
        );
        assert!(!a.matches(&b.etag), "another version does not match");
        assert!(a.matches("*"), "the wildcard matches");
        assert!(
            a.matches(&a.gzip_etag),
            "the gzip representation's tag matches too"
        );
        let mut decoder = flate2::read::GzDecoder::new(&a.gzip[..]);
        let mut unzipped = Vec::new();
        std::io::Read::read_to_end(&mut decoder, &mut unzipped).expect("gzip decodes");
        assert_eq!(unzipped, a.json.to_vec(), "the gzip holds the same JSON");
        assert!(
            a.matches(&a.gzip_etag),
            "the gzip representation's tag matches too"
        );
        let mut decoder = flate2::read::GzDecoder::new(&a.gzip[..]);
        let mut unzipped = Vec::new();
        std::io::Read::read_to_end(&mut decoder, &mut unzipped).expect("gzip decodes");
        assert_eq!(unzipped, a.json.to_vec(), "the gzip holds the same JSON");
    }
}
