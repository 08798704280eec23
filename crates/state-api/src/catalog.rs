//! The catalog as served: serialized once at start-up, with its strong ETag.
//!
//! This module never changes the catalog; it only prepares it for fast, cacheable answers.

use axum::body::Bytes;
use sha2::{Digest, Sha256};

use crate::error::Error;

/// The catalog's JSON bytes and ETag, computed once.
#[derive(Debug, Clone)]
pub struct ServedCatalog {
    pub json: Bytes,
    /// A strong entity tag, quoted: `"<version>-<content hash>"`.
    pub etag: String,
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
        let etag = format!("\"{version}-{}\"", hex::encode(&digest[..8]));
        Ok(ServedCatalog {
            json: Bytes::from(json),
            etag,
        })
    }

    /// True when an `If-None-Match` header value names this catalog's ETag (or is `*`).
    /// Comparison is weak, as RFC 9110 asks for `If-None-Match`.
    pub fn matches(&self, if_none_match: &str) -> bool {
        if_none_match
            .split(',')
            .map(str::trim)
            .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == self.etag.as_str())
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
    }
}
