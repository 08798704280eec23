//! What the receiving authority checks in what it opened: functions over the opened bytes,
//! with no IO and no keys, so the authority in this process (`service::authority`, at submit)
//! and the authority's own program (`crate::subscriber`, apart from the state API) run the
//! very same checks. The data itself is checked by [`super::validation::validate_data`].

use domain::metadata::{AttachmentPart, Metadata};

use super::{canonical_json, sha512_hex};
use crate::config::Limits;
use crate::error::FieldProblem;

/// The data from its opened plaintext, with the SHA-512 of its canonical JSON (what the
/// receipt names).
pub fn data_of(plain: &[u8]) -> Result<(serde_json::Value, String), FieldProblem> {
    let data: serde_json::Value = serde_json::from_slice(plain).map_err(|_| {
        FieldProblem::new("/encryptedData", "not_json", "the plaintext is not JSON")
    })?;
    let sha512 = sha512_hex(canonical_json(&data).as_bytes());
    Ok((data, sha512))
}

/// A problem when the hash the device declared is not the data's.
pub fn declared_hash(declared: Option<&str>, data_sha512: &str) -> Option<FieldProblem> {
    declared
        .filter(|claimed| !claimed.eq_ignore_ascii_case(data_sha512))
        .map(|_| {
            FieldProblem::new(
                "/dataSha512",
                "hash_mismatch",
                "SHA-512 of the canonical data differs",
            )
        })
}

/// The metadata document from its opened plaintext; its hashes must be SHA-512.
pub fn metadata_of(plain: &[u8]) -> Result<Metadata, FieldProblem> {
    let metadata: Metadata = serde_json::from_slice(plain).map_err(|_| {
        FieldProblem::new(
            "/encryptedMetadata",
            "not_metadata",
            "the plaintext is not a metadata document",
        )
    })?;
    if metadata.content_structure.data.hash.kind != domain::metadata::HASH_TYPE {
        return Err(FieldProblem::new(
            "/encryptedMetadata",
            "unsupported_hash",
            "hashes are SHA-512",
        ));
    }
    Ok(metadata)
}

/// The metadata must name the data's hash and exactly the `announced` attachments' ids.
pub fn metadata_matches(
    metadata: &Metadata,
    data_sha512: &str,
    announced: &[String],
) -> Result<(), FieldProblem> {
    if !metadata
        .content_structure
        .data
        .hash
        .content
        .eq_ignore_ascii_case(data_sha512)
    {
        return Err(FieldProblem::new(
            "/encryptedMetadata",
            "hash_mismatch",
            "the metadata names another data hash than the data's",
        ));
    }
    let mut named: Vec<String> = metadata
        .attachment_hashes()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut announced: Vec<String> = announced.iter().map(|a| a.to_ascii_lowercase()).collect();
    named.sort();
    announced.sort();
    if named != announced {
        return Err(FieldProblem::new(
            "/encryptedMetadata",
            "attachments_differ",
            "the metadata names other attachments than were announced",
        ));
    }
    Ok(())
}

/// The field of an attachment's problems.
pub fn attachment_field(part: &AttachmentPart) -> String {
    format!("/attachments/{}", part.attachment_id.to_ascii_lowercase())
}

/// An opened attachment against what the metadata says of it (its hash) and the authority's
/// rules (`limits`: size, media type, file name): every problem.
pub fn attachment_problems(
    part: &AttachmentPart,
    plain: &[u8],
    limits: &Limits,
) -> Vec<FieldProblem> {
    let field = attachment_field(part);
    let mut problems = Vec::new();
    if !sha512_hex(plain).eq_ignore_ascii_case(&part.hash.content) {
        problems.push(FieldProblem::new(
            field.clone(),
            "hash_mismatch",
            "the attachment differs from the hash in the metadata",
        ));
    }
    if plain.is_empty() || plain.len() as u64 > limits.max_attachment {
        problems.push(FieldProblem::new(
            field.clone(),
            "size_out_of_range",
            format!("between 1 and {} bytes", limits.max_attachment),
        ));
    }
    if !limits
        .attachment_media_types
        .iter()
        .any(|m| m.eq_ignore_ascii_case(&part.mime_type))
    {
        problems.push(FieldProblem::new(
            field.clone(),
            "unsupported_media_type",
            format!("one of {}", limits.attachment_media_types.join(", ")),
        ));
    }
    if part.filename.trim().is_empty() || part.filename.len() > 255 {
        problems.push(FieldProblem::new(
            field,
            "invalid",
            "a file name of 1 to 255 bytes",
        ));
    }
    problems
}

/// Whether `token` has the form of a JWE in compact serialization (five base64url parts, only
/// the ciphertext possibly empty) and the `kid` its header names: checked
/// without a key, by a state API that does not open what it forwards.
pub fn sealed_form(token: &str) -> Option<String> {
    let parts: Vec<&str> = token.split('.').collect();
    let base64url = |part: &str| {
        part.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    let well_formed = parts.len() == 5
        && parts.iter().all(|p| base64url(p))
        && parts
            .iter()
            .enumerate()
            .all(|(i, p)| !p.is_empty() || i == 3);
    well_formed.then(|| jose::key_id(token)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_compact_jwe_with_a_kid_has_the_sealed_form() {
        let key = jose::DecryptionKey::generate_sized("erfurt-enc-1", 2048).expect("key");
        let token = jose::encrypt(b"{}", &key.public_jwk(), "application/json").expect("seal");
        assert_eq!(
            sealed_form(&token).as_deref(),
            Some("erfurt-enc-1"),
            "a JWE names its key"
        );
        let parts: Vec<&str> = token.split('.').collect();
        for broken in [
            parts[..4].join("."),
            format!("{token}.x"),
            format!("{}..{}.{}.{}", parts[0], parts[2], parts[3], parts[4]),
            token.replacen('.', ".!", 1),
            "{\"data\":1}".to_string(),
        ] {
            assert_eq!(
                sealed_form(&broken),
                None,
                "not a compact JWE: {broken:.40}"
            );
        }
    }

    #[test]
    fn a_declared_hash_is_compared_without_regard_to_case() {
        let (_, sha512) = data_of(br#"{"b":1,"a":2}"#).expect("JSON");
        assert_eq!(
            sha512,
            sha512_hex(br#"{"a":2,"b":1}"#),
            "the canonical JSON is hashed"
        );
        assert!(declared_hash(Some(&sha512.to_ascii_uppercase()), &sha512).is_none());
        assert!(declared_hash(None, &sha512).is_none(), "nothing declared");
        assert_eq!(
            declared_hash(Some("00"), &sha512).map(|p| p.code),
            Some("hash_mismatch".to_string())
        );
        assert_eq!(
            data_of(b"not json").map_err(|p| p.code),
            Err("not_json".to_string())
        );
    }
}
