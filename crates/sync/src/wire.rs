//! The state API's JSON shapes: the `wire` crate's, the same types the reference server writes
//! and reads (the app never depends on the server crate). Unknown fields are ignored, so the
//! server may grow. Tokens arrive as [`Token`]s (redacted in `Debug`, wiped when dropped) and
//! move into the keychain's `Secret` as they are kept.

pub use ::wire::{
    AnnouncedAttachment, AttachmentState, CreateSubmission, DestinationKeySet, DocumentInfo,
    FormRef, HandoverStage, HandoverState, InboxPage, Message, NewReply, OAuthError,
    OpenIdConfiguration, Pickup, ReplyReceipt, ReportReceipt, StatusEntry, Submission,
    SubmissionPage, SubmissionStatus, SubmitSubmission, Token, TokenResponse, UserInfo,
};
