//! Opening a sealed submission with the destination's key and checking it: the reference
//! authority's judgement, with the same checks the in-process authority runs
//! (`service::checks`, `service::validation::validate_data`). No IO: the attachments come in
//! as fetched, "today" as a parameter.

use std::collections::HashMap;

use domain::form::{Date, Form};

use crate::config::Limits;
use crate::error::FieldProblem;
use crate::service::checks;
use crate::service::destinations::Destinations;
use crate::service::validation::validate_data;
use crate::wire::SealedSubmission;

/// What the authority decides on a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Everything opened and holds: received, with the data's hash and each attachment's
    /// (id, plain SHA-512) for the receipt.
    Accept {
        data_sha512: String,
        attachments: Vec<(String, String)>,
    },
    /// Refused, with the reasons the citizen is told (never empty).
    Reject(Vec<String>),
}

/// Why the authority cannot judge now (its own trouble, not the citizen's): the submission
/// waits and is judged again later.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CannotJudge {
    #[error("the form {0} is refused by the form engine: {1}")]
    Form(String, String),
    #[error("the destination's keys cannot be used: {0}")]
    Keys(String),
}

/// A reason as the citizen reads it: the field, the stable code and what it means.
pub fn reason(problem: &FieldProblem) -> String {
    format!("{}: {} ({})", problem.field, problem.code, problem.detail)
}

/// Opens `token` for `sealed`'s destination; a refusal the citizen's device caused is a
/// field problem, a key this program cannot use is its own trouble.
fn open(
    destinations: &Destinations,
    sealed: &SealedSubmission,
    token: &str,
    field: &str,
) -> Result<Result<Vec<u8>, FieldProblem>, CannotJudge> {
    match destinations.decrypt(&sealed.destination, token) {
        Ok(plain) => Ok(Ok(plain)),
        Err(jose::JoseError::Key(trouble)) => Err(CannotJudge::Keys(trouble)),
        Err(jose::JoseError::UnknownKey(_)) => Ok(Err(FieldProblem::new(
            field,
            "key_not_held",
            "encrypted to a key the receiving authority does not hold",
        ))),
        Err(_) => Ok(Err(FieldProblem::new(
            field,
            "undecryptable",
            "the receiving authority cannot open it with its key (changed or damaged \
             ciphertext, RSA-OAEP-256 and A256GCM only)",
        ))),
    }
}

/// Judges `sealed`: opens the data, the metadata and every attachment (`attachments`: the
/// fetched JWEs by id) with the destination's key, checks each attachment against the
/// metadata and `limits`, the data against the declared hash and against its form as of
/// `today`.
pub fn judge(
    sealed: &SealedSubmission,
    attachments: &HashMap<String, Vec<u8>>,
    destinations: &Destinations,
    limits: &Limits,
    today: Option<Date>,
) -> Result<Verdict, CannotJudge> {
    let form = match &sealed.form_definition {
        Some(definition) => Some(Form::new(definition.clone()).map_err(|e| {
            CannotJudge::Form(
                format!("{} {}", definition.id, definition.version),
                e.to_string(),
            )
        })?),
        None => None,
    };
    let reject =
        |problems: Vec<FieldProblem>| Verdict::Reject(problems.iter().map(reason).collect());
    let plain = match open(
        destinations,
        sealed,
        &sealed.encrypted_data,
        "/encryptedData",
    )? {
        Ok(plain) => plain,
        Err(problem) => return Ok(reject(vec![problem])),
    };
    let (data, data_sha512) = match checks::data_of(&plain) {
        Ok(opened) => opened,
        Err(problem) => return Ok(reject(vec![problem])),
    };
    drop(plain);
    let mut problems: Vec<FieldProblem> =
        checks::declared_hash(Some(&sealed.data_sha512), &data_sha512)
            .into_iter()
            .collect();
    let mut received = Vec::new();
    match &sealed.encrypted_metadata {
        Some(token) => match open(destinations, sealed, token, "/encryptedMetadata")? {
            Ok(plain) => {
                received = checked_metadata(
                    sealed,
                    &plain,
                    &data_sha512,
                    attachments,
                    destinations,
                    limits,
                    &mut problems,
                )?;
            }
            Err(problem) => problems.push(problem),
        },
        None if !sealed.attachments.is_empty() => problems.push(FieldProblem::new(
            "/encryptedMetadata",
            "required",
            "attachments come with the metadata that names their hashes",
        )),
        None => {}
    }
    problems.extend(validate_data(form.as_ref(), &data, today));
    if problems.is_empty() {
        Ok(Verdict::Accept {
            data_sha512,
            attachments: received,
        })
    } else {
        Ok(reject(problems))
    }
}

/// The metadata's checks and every attachment's, each problem found added to `problems`:
/// the attachments' (id, plain SHA-512) as the metadata names them.
fn checked_metadata(
    sealed: &SealedSubmission,
    plain: &[u8],
    data_sha512: &str,
    attachments: &HashMap<String, Vec<u8>>,
    destinations: &Destinations,
    limits: &Limits,
    problems: &mut Vec<FieldProblem>,
) -> Result<Vec<(String, String)>, CannotJudge> {
    let metadata = match checks::metadata_of(plain) {
        Ok(metadata) => metadata,
        Err(problem) => {
            problems.push(problem);
            return Ok(Vec::new());
        }
    };
    let announced: Vec<String> = sealed
        .attachments
        .iter()
        .map(|a| a.attachment_id.clone())
        .collect();
    if let Err(problem) = checks::metadata_matches(&metadata, data_sha512, &announced) {
        problems.push(problem);
        return Ok(Vec::new());
    }
    for part in &metadata.content_structure.attachments {
        let field = checks::attachment_field(part);
        let token = attachments
            .get(&part.attachment_id.to_ascii_lowercase())
            .and_then(|bytes| std::str::from_utf8(bytes).ok());
        let Some(token) = token else {
            problems.push(FieldProblem::new(
                field,
                "undecryptable",
                "not a JWE in compact form",
            ));
            continue;
        };
        match open(destinations, sealed, token, &field)? {
            Ok(plain) => problems.extend(checks::attachment_problems(part, &plain, limits)),
            Err(problem) => problems.push(problem),
        }
    }
    Ok(metadata.attachment_hashes())
}
