//! The problem codes of the state API (the `code` member of its `application/problem+json`
//! answers) that a client acts on. The server writes them and the app's sync engine matches
//! them through this one type, so neither side can drift to a string the other does not know.
//! Other codes (validation details, the form engine's message ids) stay plain text.

/// A problem code both sides act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemCode {
    /// The first request with this idempotency key is still running: try again later.
    IdempotencyKeyInFlight,
    /// A submit of this submission is still running: try again later.
    SubmitInFlight,
    /// Submitting waits for announced attachments still being uploaded.
    AttachmentsMissing,
    /// A resumable upload continued at another offset than the server holds.
    UploadOffsetMismatch,
    /// The attachment is already complete on the server.
    AttachmentComplete,
    /// The submission was already submitted (a retry of a submit that arrived).
    AlreadySubmitted,
    /// The uploaded bytes do not hash to the announced SHA-512.
    AttachmentHashMismatch,
    /// The application cannot be withdrawn any more (decided, or not yet submitted).
    NotWithdrawable,
    /// The authority does not wait for an answer to this application (any more).
    NotAwaitingReply,
    /// Data for an authority must arrive encrypted to that authority's key.
    EncryptionRequired,
    /// The data was encrypted to a key the authority no longer (or never) had: fetch its key
    /// set again and encrypt anew.
    KeyNotCurrent,
    /// The application was sealed for another authority than the one responsible: route it
    /// again (`GET /v1/authorities?ars=&leika=`) and seal anew.
    DestinationMismatch,
    /// A handover's mailbox already holds other content (a code is used for one package).
    HandoverExists,
    /// The handover was picked up already: a code works once.
    HandoverUsed,
    /// The handover's 24 hours are over; its content is gone.
    HandoverExpired,
}

impl ProblemCode {
    pub const ALL: [ProblemCode; 15] = [
        ProblemCode::IdempotencyKeyInFlight,
        ProblemCode::SubmitInFlight,
        ProblemCode::AttachmentsMissing,
        ProblemCode::UploadOffsetMismatch,
        ProblemCode::AttachmentComplete,
        ProblemCode::AlreadySubmitted,
        ProblemCode::AttachmentHashMismatch,
        ProblemCode::NotWithdrawable,
        ProblemCode::NotAwaitingReply,
        ProblemCode::EncryptionRequired,
        ProblemCode::KeyNotCurrent,
        ProblemCode::DestinationMismatch,
        ProblemCode::HandoverExists,
        ProblemCode::HandoverUsed,
        ProblemCode::HandoverExpired,
    ];

    /// The code as it travels.
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::IdempotencyKeyInFlight => "idempotency_key_in_flight",
            ProblemCode::SubmitInFlight => "submit_in_flight",
            ProblemCode::AttachmentsMissing => "attachments_missing",
            ProblemCode::UploadOffsetMismatch => "upload_offset_mismatch",
            ProblemCode::AttachmentComplete => "attachment_complete",
            ProblemCode::AlreadySubmitted => "already_submitted",
            ProblemCode::AttachmentHashMismatch => "attachment_hash_mismatch",
            ProblemCode::NotWithdrawable => "not_withdrawable",
            ProblemCode::NotAwaitingReply => "not_awaiting_reply",
            ProblemCode::EncryptionRequired => "encryption_required",
            ProblemCode::KeyNotCurrent => "key_not_current",
            ProblemCode::DestinationMismatch => "destination_mismatch",
            ProblemCode::HandoverExists => "handover_exists",
            ProblemCode::HandoverUsed => "handover_used",
            ProblemCode::HandoverExpired => "handover_expired",
        }
    }

    /// The code of a problem as received; `None` for codes no client acts on.
    pub fn parse(code: &str) -> Option<ProblemCode> {
        ProblemCode::ALL.into_iter().find(|c| c.as_str() == code)
    }

    /// A conflict that resolves by itself: the first request is still running, or an upload
    /// must be completed first. A later retry can succeed without any change on our side.
    pub fn passes(self) -> bool {
        matches!(
            self,
            ProblemCode::IdempotencyKeyInFlight
                | ProblemCode::SubmitInFlight
                | ProblemCode::AttachmentsMissing
                | ProblemCode::KeyNotCurrent
                | ProblemCode::DestinationMismatch
        )
    }
}

impl std::fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_as_itself_and_no_two_share_a_text() {
        let mut seen = std::collections::HashSet::new();
        for code in ProblemCode::ALL {
            assert_eq!(ProblemCode::parse(code.as_str()), Some(code));
            assert!(seen.insert(code.as_str()), "{code} is unique");
        }
        assert_eq!(ProblemCode::parse("validation_failed"), None);
    }
}
