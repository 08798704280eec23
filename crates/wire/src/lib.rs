//! The state API's wire contract: the JSON request and response bodies the reference server
//! (`state-api`) writes and reads and the app's client (`sync`) reads and writes, one type per
//! body for both sides. With the `openapi` feature (the server's) every type also describes
//! itself for the OpenAPI document (utoipa's `ToSchema`); the app builds without it.
//!
//! Submission shapes follow FIT-Connect (camelCase, announced attachments by client UUIDs,
//! SHA-512 hashes); the login's shapes follow OAuth 2 (RFC 6749) and OpenID Connect. Unknown
//! fields are ignored when reading, so the server may grow. Statuses travel as
//! [`SubmissionStatus`], problem codes are `domain::problem::ProblemCode`.
//!
//! This crate holds shapes only: no rules, no IO, and nothing of the server's storage (the
//! server converts its records into these types itself).

mod auth;
mod handover;
mod inbox;
mod problem;
mod submissions;
mod subscriber;

pub use auth::{OAuthError, OpenIdConfiguration, Token, TokenResponse, UserInfo};
pub use domain::status::SubmissionStatus;
pub use handover::{is_mailbox_name, HandoverStage, HandoverState, Pickup};
pub use inbox::{DocumentInfo, InboxPage, Message, NewReply, ReplyReceipt, ReportReceipt};
pub use problem::{FieldProblem, Problem};
pub use submissions::{
    AnnouncedAttachment, AttachmentState, CreateSubmission, DestinationKeySet, FormRef,
    StatusEntry, Submission, SubmissionPage, SubmitSubmission,
};
pub use subscriber::{Decision, SealedAttachment, SealedSubmission};

// The OpenAPI schema of `SubmissionStatus` (named so in the document): the domain type knows
// nothing of OpenAPI, so its values are spelled here once more, and the server's OpenAPI test
// holds them to `SubmissionStatus::ALL`.
/// Where an application stands: the BundID status values, plus the rejection and the citizen's
/// withdrawal.
#[cfg(feature = "openapi")]
#[derive(utoipa::ToSchema)]
#[schema(as = SubmissionStatus)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms, dead_code)]
pub enum SubmissionStatusSchema {
    INITIATED,
    SUBMITTED,
    RECEIVED,
    PROCESSING,
    ACTION_REQUIRED,
    COMPLETED,
    REJECTED,
    WITHDRAWN,
}
