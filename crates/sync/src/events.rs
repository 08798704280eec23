//! Checking the authority's signature of each of its steps (#15): the receiving authority
//! signs every step it takes with an application (received, processing, action required,
//! completed, rejected) as a Security Event Token (RFC 8417), FIT-Connect style, with a key of
//! its key set, which counts only under the trust anchor built into the app. So the state API
//! in the middle cannot make up a refusal or a completion, or change the reasons given.

use domain::receipt::StepSignature;
use jose::DestinationKeys;

use crate::client::StateApiClient;
use crate::error::SyncError;
use crate::wire;

/// The steps the authority takes (and signs); the state API's own steps come before them.
const AUTHORITY_STEPS: [&str; 5] = [
    "RECEIVED",
    "PROCESSING",
    "ACTION_REQUIRED",
    "COMPLETED",
    "REJECTED",
];

/// The verdict on one step against the authority's checked `keys` (`None`: its keys could
/// not be had): `None` for a step the authority does not sign.
pub fn judge_step(
    step: &wire::StatusEntry,
    at: Option<i64>,
    keys: Option<&DestinationKeys>,
    submission_id: &str,
) -> Option<StepSignature> {
    if !AUTHORITY_STEPS.contains(&step.status.as_str()) {
        return None;
    }
    let Some(token) = &step.signed_event else {
        return Some(StepSignature::Missing);
    };
    let Some(keys) = keys else {
        return Some(StepSignature::Unchecked);
    };
    let holds = jose::verify_status_event(token, keys, submission_id).is_ok_and(|signed| {
        signed.status == step.status.as_str()
            && Some(signed.at) == at
            && signed.reasons == step.reasons
    });
    Some(if holds {
        StepSignature::Verified
    } else {
        StepSignature::Refused
    })
}

/// The verdict on every step of `submission`'s history, in order (see [`judge_step`]), with
/// `at` the step's time as the engine reads it. A submission without a destination has
/// nobody who signs: no verdicts. The key set checked in the last minutes is used; when a
/// step does not hold under it, the set is fetched again once (the authority may have a new
/// key).
pub async fn judge_steps(
    client: &StateApiClient,
    submission: &wire::Submission,
    at: impl Fn(&str) -> Option<i64>,
    now_millis: i64,
) -> Vec<Option<StepSignature>> {
    let Some(destination) = submission.authority_id.as_deref() else {
        return vec![None; submission.status_history.len()];
    };
    let signed = submission
        .status_history
        .iter()
        .any(|s| s.signed_event.is_some());
    let judge_all = |keys: Option<&DestinationKeys>| -> Vec<Option<StepSignature>> {
        submission
            .status_history
            .iter()
            .map(|step| judge_step(step, at(&step.at), keys, &submission.submission_id))
            .collect()
    };
    if !signed {
        return judge_all(None);
    }
    let now = now_millis / 1000;
    let keys: Result<DestinationKeys, SyncError> =
        crate::seal::verified_keys(client, destination, now).await;
    let verdicts = judge_all(keys.as_ref().ok());
    if verdicts.contains(&Some(StepSignature::Refused)) {
        if let Ok(fresh) = crate::seal::fresh_keys(client, destination, now).await {
            return judge_all(Some(&fresh));
        }
    }
    verdicts
}

#[cfg(test)]
mod tests {
    use super::*;
    use jose::claims::EVENT_TYPE;
    use jose::{EventDetail, SigningKey, StatusEvent};

    fn step(status: &str, signed: Option<String>, reasons: &[&str]) -> wire::StatusEntry {
        wire::StatusEntry {
            status: wire::SubmissionStatus::parse(status).expect("a status"),
            at: "2026-12-06T10:00:00Z".into(),
            reasons: reasons.iter().map(|r| r.to_string()).collect(),
            note: None,
            signed_event: signed,
        }
    }

    #[test]
    fn only_the_authoritys_own_signature_of_exactly_this_step_holds() {
        let erfurt = SigningKey::generate_sized("erfurt-sig", 2048).expect("key");
        let other = SigningKey::generate_sized("erfurt-sig", 2048).expect("key");
        let keys = DestinationKeys {
            destination: "erfurt".into(),
            keys: vec![erfurt.public_jwk()],
            iat: 0,
            nbf: 0,
            exp: i64::MAX,
        };
        let at = 1_796_551_200_000; // 2026-12-06T10:00:00Z
        let sign = |key: &SigningKey, status: &str, reasons: &[&str], submission: &str| {
            let detail = EventDetail {
                status: status.into(),
                at,
                reasons: reasons.iter().map(|r| r.to_string()).collect(),
            };
            key.sign(
                EVENT_TYPE,
                &StatusEvent::new("erfurt", submission, detail, 0, "e".into()),
            )
            .expect("sign")
        };
        let judge = |s: &wire::StatusEntry| judge_step(s, Some(at), Some(&keys), "sub-1");
        let reasons = ["Nachweis fehlt"];
        let verified = step(
            "REJECTED",
            Some(sign(&erfurt, "REJECTED", &reasons, "sub-1")),
            &reasons,
        );
        assert_eq!(judge(&verified), Some(StepSignature::Verified));
        // The state API's own steps are not the authority's to sign.
        assert_eq!(judge(&step("SUBMITTED", None, &[])), None);
        assert_eq!(
            judge(&step("COMPLETED", None, &[])),
            Some(StepSignature::Missing)
        );
        for forged in [
            // Another key under Erfurt's name.
            step(
                "REJECTED",
                Some(sign(&other, "REJECTED", &reasons, "sub-1")),
                &reasons,
            ),
            // Erfurt's signature of a refusal, shown as a completion.
            step(
                "COMPLETED",
                Some(sign(&erfurt, "REJECTED", &reasons, "sub-1")),
                &reasons,
            ),
            // Other reasons than the authority gave.
            step(
                "REJECTED",
                Some(sign(&erfurt, "REJECTED", &reasons, "sub-1")),
                &["Zu spät"],
            ),
            // Another submission's step.
            step(
                "REJECTED",
                Some(sign(&erfurt, "REJECTED", &reasons, "sub-2")),
                &reasons,
            ),
            // Not a JWS at all.
            step("REJECTED", Some("x.y.z".into()), &reasons),
        ] {
            assert_eq!(judge(&forged), Some(StepSignature::Refused), "{forged:?}");
        }
        // Signed at another time than the step claims.
        assert_eq!(
            judge_step(&verified, Some(at + 1), Some(&keys), "sub-1"),
            Some(StepSignature::Refused)
        );
        // Without keys it cannot be checked (and is not called refused).
        assert_eq!(
            judge_step(&verified, Some(at), None, "sub-1"),
            Some(StepSignature::Unchecked)
        );
    }
}
