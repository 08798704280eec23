//! Handover mailboxes (#14): a draft moves from a shared tablet to the citizen's own phone.
//!
//! The device that hands over encrypts the package itself, under a key derived from a code it
//! shows (QR, or typed); the mailbox's name is derived from the same code. The state API keeps
//! only ciphertext, for 24 hours, and gives it out until one device confirms the pickup; after
//! that (or after the 24 hours) the content is gone and the mailbox answers 410.
//!
//! Routes (no login: the visitor on a tablet and the phone may have none; the code's
//! entropy guards the mailbox, the server's rate limits guard the server):
//! - `PUT /v1/handovers/{mailbox}`: the ciphertext (`application/octet-stream`); 201 with
//!   [`HandoverState`]; the same bytes again 200; other bytes 409 `handover_exists`.
//! - `GET /v1/handovers/{mailbox}`: the ciphertext while it waits; 410 `handover_used` or
//!   `handover_expired` afterwards; 404 for a mailbox never filled.
//! - `POST /v1/handovers/{mailbox}/pickup` with [`Pickup`]: the content is deleted and the
//!   mailbox is used; the same pickup again answers 200 (a retry), another one 410.
//! - `GET /v1/handovers/{mailbox}/state`: [`HandoverState`], for the device that handed over.
//!
//! A mailbox name is 32 lower-case hex digits (128 bits).

use serde::{Deserialize, Serialize};

/// Where a handover stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HandoverStage {
    /// The content waits for its pickup.
    Waiting,
    /// A device confirmed the pickup; the content is gone.
    PickedUp,
    /// Nobody picked it up within its time; the content is gone.
    Expired,
}

/// A handover mailbox as the state API reports it (never its content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct HandoverState {
    pub stage: HandoverStage,
    /// Until when the content can be picked up (Unix milliseconds).
    pub expires_at: i64,
    /// When it was picked up (Unix milliseconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picked_up_at: Option<i64>,
}

/// A device's confirmation that it took the content (and could open it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Pickup {
    /// A UUID the picking device makes once per pickup, so a retry of a confirmation whose
    /// answer was lost is recognised as the same pickup.
    pub pickup_id: String,
}

/// Whether `mailbox` is a well-formed mailbox name (32 lower-case hex digits).
pub fn is_mailbox_name(mailbox: &str) -> bool {
    mailbox.len() == 32
        && mailbox
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailbox_names_are_32_lower_case_hex_digits() {
        assert!(is_mailbox_name("0123456789abcdef0123456789abcdef"));
        assert!(!is_mailbox_name("0123456789ABCDEF0123456789abcdef"));
        assert!(!is_mailbox_name("0123456789abcdef0123456789abcde"));
        assert!(!is_mailbox_name("../../etc/passwd0123456789abcdef"));
    }

    #[test]
    fn a_state_travels_in_camel_case_with_snake_case_stages() {
        let state = HandoverState {
            stage: HandoverStage::PickedUp,
            expires_at: 1,
            picked_up_at: Some(2),
        };
        let json = serde_json::to_value(&state).expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({"stage": "picked_up", "expiresAt": 1, "pickedUpAt": 2})
        );
    }
}
