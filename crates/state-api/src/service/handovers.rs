//! Handover mailboxes (#14): a draft moves from a shared tablet to the citizen's own phone.
//! The tablet leaves ciphertext under a mailbox name derived from a code it shows; the phone
//! fetches it and confirms the pickup, which drops the content. Nothing here can open it.
//!
//! No login: the code's entropy guards a mailbox, the public listener's rate limit (per peer
//! address) and [`crate::Config::handover_held_bytes`] guard the server. Time is the server's
//! clock ([`Backend::now`]). It never logs a mailbox name or anything of the content.

use axum::body::Bytes;
use axum::http::StatusCode;
use domain::problem::ProblemCode;

use super::{sha512_hex, Backend};
use crate::error::{FieldProblem, Problem};
use crate::storage::{HandoverPut, HandoverRecord, NewHandover};
use crate::wire::{is_mailbox_name, HandoverStage, HandoverState, Pickup};

/// How long a mailbox is remembered after its expiry (without content, a tombstone): a late
/// fetch or a retried pickup still gets its 410 or 200, and the name is not filled again.
pub const TOMBSTONE_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// How long a client waits when the handovers hold all the bytes they may.
const FULL_RETRY_AFTER_SECS: u64 = 15 * 60;

/// Where a handover stands at `now`: a pickup is final; else it waits until its expiry.
pub fn stage(record: &HandoverRecord, now: i64) -> HandoverStage {
    if record.picked_up_at.is_some() {
        HandoverStage::PickedUp
    } else if record.expires_at <= now {
        HandoverStage::Expired
    } else {
        HandoverStage::Waiting
    }
}

fn state(record: &HandoverRecord, now: i64) -> HandoverState {
    HandoverState {
        stage: stage(record, now),
        expires_at: record.expires_at,
        picked_up_at: record.picked_up_at,
    }
}

/// A malformed name names no mailbox: 404, as for one never filled.
fn checked(mailbox: &str) -> Result<(), Problem> {
    match is_mailbox_name(mailbox) {
        true => Ok(()),
        false => Err(Problem::not_found().detail("no such handover mailbox")),
    }
}

fn unknown() -> Problem {
    Problem::not_found().detail("no such handover mailbox")
}

/// The 410 of a handover that no longer waits.
fn gone(stage: HandoverStage) -> Problem {
    match stage {
        HandoverStage::PickedUp => Problem::new(
            StatusCode::GONE,
            ProblemCode::HandoverUsed.as_str(),
            "Handover picked up",
        )
        .detail("this handover was picked up already: a code works once"),
        _ => Problem::new(
            StatusCode::GONE,
            ProblemCode::HandoverExpired.as_str(),
            "Handover expired",
        )
        .detail("this handover's time is over and its content is gone"),
    }
}

fn millis(duration: std::time::Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

/// A pickup id as kept: the UUID in lower case, hyphenated; not the nil UUID.
fn pickup_id(pickup: &Pickup) -> Result<String, Problem> {
    match uuid::Uuid::parse_str(pickup.pickup_id.trim()) {
        Ok(id) if !id.is_nil() => Ok(id.hyphenated().to_string()),
        _ => Err(Problem::validation(vec![FieldProblem::new(
            "/pickupId",
            "pickup_id_invalid",
            "the pickup's id is a random UUID the picking device makes",
        )])),
    }
}

impl Backend {
    /// `PUT /v1/handovers/{mailbox}`: keeps `content` for [`crate::Config::handover_ttl`].
    /// `true` with the state when it was kept now (201), `false` when the same bytes were
    /// kept already and still wait (a retry, 200).
    pub async fn put_handover(
        &self,
        mailbox: &str,
        content: Bytes,
    ) -> Result<(bool, HandoverState), Problem> {
        checked(mailbox)?;
        if content.is_empty() {
            return Err(Problem::bad_request(
                "handover_empty",
                "send the handover's ciphertext as the body",
            ));
        }
        if content.len() > self.config().handover_max_bytes {
            return Err(Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                "Body not accepted",
            )
            .detail(format!(
                "a handover holds at most {} bytes",
                self.config().handover_max_bytes
            )));
        }
        let sha512 = sha512_hex(&content);
        let now = self.now();
        let expires_at = now.saturating_add(millis(self.config().handover_ttl));
        let limit = self.config().handover_held_bytes;
        let (name, hash) = (mailbox.to_string(), sha512.clone());
        let put = self
            .db(move |s| {
                let new = NewHandover {
                    mailbox: &name,
                    content: &content,
                    sha512: &hash,
                    created_at: now,
                    expires_at,
                };
                s.put_handover(&new, limit)
            })
            .await?;
        match put {
            HandoverPut::Stored(record) => {
                tracing::debug!(size = record.size, "handover kept");
                Ok((true, state(&record, now)))
            }
            HandoverPut::Taken(record)
                if record.sha512 == sha512 && stage(&record, now) == HandoverStage::Waiting =>
            {
                Ok((false, state(&record, now)))
            }
            HandoverPut::Taken(_) => Err(Problem::new(
                StatusCode::CONFLICT,
                ProblemCode::HandoverExists.as_str(),
                "Mailbox in use",
            )
            .detail("this mailbox holds another handover, or held one: make a new code")),
            HandoverPut::Full { .. } => {
                tracing::warn!("handovers hold all the bytes they may; one was refused");
                let mut problem = Problem::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "handover_storage_full",
                    "No room for handovers",
                )
                .detail("the server holds as many handovers as it may; retry later");
                problem.retry_after = Some(FULL_RETRY_AFTER_SECS);
                Err(problem)
            }
        }
    }

    /// `GET /v1/handovers/{mailbox}`: the content while it waits.
    pub async fn handover_content(&self, mailbox: &str) -> Result<Vec<u8>, Problem> {
        checked(mailbox)?;
        let name = mailbox.to_string();
        let found = self.db(move |s| s.handover_content(&name)).await?;
        let (record, content) = found.ok_or_else(unknown)?;
        let now = self.now();
        match (stage(&record, now), content) {
            (HandoverStage::Waiting, Some(content)) => Ok(content),
            // Emptied by a sweep whose clock had just passed its expiry.
            (HandoverStage::Waiting, None) => Err(gone(HandoverStage::Expired)),
            (stage, _) => Err(gone(stage)),
        }
    }

    /// `POST /v1/handovers/{mailbox}/pickup`: marks the handover picked up by this pickup and
    /// drops its content (one statement: of pickups at once, on any instance, one lands). The
    /// same pickup again answers as the first time; another one 410.
    pub async fn pick_up_handover(
        &self,
        mailbox: &str,
        pickup: &Pickup,
    ) -> Result<HandoverState, Problem> {
        checked(mailbox)?;
        let id = pickup_id(pickup)?;
        let now = self.now();
        let (name, mine) = (mailbox.to_string(), id.clone());
        let record = self
            .db(move |s| s.pick_up_handover(&name, &mine, now))
            .await?
            .ok_or_else(unknown)?;
        if record.pickup_id.as_deref() == Some(id.as_str()) {
            tracing::debug!("handover picked up");
            return Ok(state(&record, now));
        }
        // Not this pickup's: another's, or it had expired.
        Err(gone(match record.picked_up_at {
            Some(_) => HandoverStage::PickedUp,
            None => HandoverStage::Expired,
        }))
    }

    /// `GET /v1/handovers/{mailbox}/state`: where the handover stands, never its content.
    pub async fn handover_state(&self, mailbox: &str) -> Result<HandoverState, Problem> {
        checked(mailbox)?;
        let name = mailbox.to_string();
        let record = self
            .db(move |s| s.handover(&name))
            .await?
            .ok_or_else(unknown)?;
        Ok(state(&record, self.now()))
    }

    /// The sweep's part for handovers: drops the content of those expired at `now` and
    /// forgets those expired more than [`TOMBSTONE_MS`] ago. How many lost their content.
    pub(crate) async fn sweep_handovers(&self, now: i64) -> Result<usize, Problem> {
        let forget_before = now.saturating_sub(TOMBSTONE_MS);
        self.db(move |s| s.expire_handovers(now, forget_before))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(expires_at: i64, picked_up_at: Option<i64>) -> HandoverRecord {
        HandoverRecord {
            mailbox: "0".repeat(32),
            sha512: String::new(),
            size: 1,
            created_at: 0,
            expires_at,
            pickup_id: picked_up_at.map(|_| "p".into()),
            picked_up_at,
            holds_content: picked_up_at.is_none(),
        }
    }

    #[test]
    fn a_handover_waits_until_its_expiry_and_a_pickup_is_final() {
        assert_eq!(stage(&record(100, None), 99), HandoverStage::Waiting);
        assert_eq!(stage(&record(100, None), 100), HandoverStage::Expired);
        assert_eq!(stage(&record(100, Some(50)), 99), HandoverStage::PickedUp);
        assert_eq!(
            stage(&record(100, Some(50)), 1_000),
            HandoverStage::PickedUp,
            "picked up stays picked up after the expiry"
        );
    }

    #[test]
    fn a_pickup_id_is_a_random_uuid_kept_in_lower_case() {
        let pickup = |id: &str| Pickup {
            pickup_id: id.into(),
        };
        assert_eq!(
            pickup_id(&pickup(" 6F9619FF-8B86-D011-B42D-00C04FC964FF ")).ok(),
            Some("6f9619ff-8b86-d011-b42d-00c04fc964ff".to_string())
        );
        for bad in ["", "pickup-1", "00000000-0000-0000-0000-000000000000"] {
            assert!(pickup_id(&pickup(bad)).is_err(), "{bad:?} refused");
        }
    }
}
