//! The reference authority as a program of its own: FIT-Connect's "subscriber", the receiving
//! authority's system beside the delivery service (#15). With the state API in
//! [`crate::config::SubscriberMode::External`] a submit is kept sealed and stays SUBMITTED;
//! this program asks the back office what waits (`GET /admin/v1/submissions?status=SUBMITTED`),
//! fetches the sealed parts (`…/sealed`, `…/attachments/{id}`), opens them with the
//! destination's private key from its own key directory, checks them as the in-process
//! authority does ([`judge`]), and posts its decision signed with the destination's key
//! (`…/decision`): RECEIVED with a receipt, or REJECTED with the reasons.
//!
//! It decides only for the destinations whose keys it holds and never makes a key. What it
//! cannot judge for its own reasons (a key it cannot use, a form the engine refuses, the back
//! office out of reach) waits for the next round; nothing is rejected for them. It logs no
//! content: submission ids, statuses and counts only.

pub mod judge;

use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use reqwest::StatusCode;

use crate::config::Limits;
use crate::service::destinations::{self, Destinations};
use crate::wire::{Decision, SealedSubmission, Submission, SubmissionList};
use judge::Verdict;

/// Now, in Unix milliseconds: the clock this program signs its decisions with.
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

/// How the subscriber is set up.
pub struct Options {
    /// The state API's back office, e.g. `http://127.0.0.1:8788`.
    pub back_office: String,
    /// The back office credential.
    pub token: String,
    /// The destinations' key directory (the state API's `--destination-keys`, or a copy).
    pub destination_keys: PathBuf,
    /// The authority's rules for attachments (size, media types).
    pub limits: Limits,
    pub clock: Clock,
}

/// Why a round of the subscriber failed.
#[derive(Debug, thiserror::Error)]
pub enum SubscriberError {
    #[error("configuration: {0}")]
    Config(String),
    #[error("the back office cannot be reached: {0}")]
    Unreachable(String),
    #[error("the back office refused ({status}, {code}): {detail}")]
    Refused {
        status: u16,
        code: String,
        detail: String,
    },
    #[error("the back office's answer cannot be read: {0}")]
    Answer(String),
    #[error("signing: {0}")]
    Signing(String),
}

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    /// Decided RECEIVED.
    pub accepted: usize,
    /// Decided REJECTED.
    pub rejected: usize,
    /// Left waiting: another destination's, decided elsewhere meanwhile, or not judgeable
    /// now.
    pub skipped: usize,
}

/// The reference authority's program: see the module documentation.
pub struct Subscriber {
    http: reqwest::Client,
    base: String,
    token: String,
    destinations: Arc<Destinations>,
    limits: Arc<Limits>,
    clock: Clock,
}

/// A refused answer's problem document, as far as it can be read.
async fn refused(response: reqwest::Response) -> SubscriberError {
    let status = response.status().as_u16();
    let problem: serde_json::Value = response.json().await.unwrap_or_default();
    let text = |key: &str| problem[key].as_str().unwrap_or_default().to_string();
    SubscriberError::Refused {
        status,
        code: text("code"),
        detail: text("detail"),
    }
}

fn unreachable(error: reqwest::Error) -> SubscriberError {
    SubscriberError::Unreachable(error.to_string())
}

impl Subscriber {
    pub fn new(options: Options) -> Result<Subscriber, SubscriberError> {
        let destinations = Destinations::existing(options.destination_keys)
            .map_err(|e| SubscriberError::Config(e.to_string()))?;
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(120))
            .build()
            .map_err(|e| SubscriberError::Config(e.to_string()))?;
        Ok(Subscriber {
            http,
            base: options.back_office.trim_end_matches('/').to_string(),
            token: options.token,
            destinations: Arc::new(destinations),
            limits: Arc::new(options.limits),
            clock: options.clock,
        })
    }

    async fn get(&self, path: &str) -> Result<reqwest::Response, SubscriberError> {
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .send()
            .await
            .map_err(unreachable)?;
        if response.status().is_success() {
            Ok(response)
        } else {
            Err(refused(response).await)
        }
    }

    async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
    ) -> Result<T, SubscriberError> {
        self.get(path)
            .await?
            .json()
            .await
            .map_err(|e| SubscriberError::Answer(e.to_string()))
    }

    /// The submissions waiting for a decision, every page.
    async fn waiting(&self) -> Result<Vec<Submission>, SubscriberError> {
        let mut all = Vec::new();
        let mut after = String::new();
        loop {
            let page: SubmissionList = self
                .get_json(&format!(
                    "/admin/v1/submissions?status=SUBMITTED&limit=100{after}"
                ))
                .await?;
            all.extend(page.items);
            match page.next {
                Some(next) => after = format!("&after={next}"),
                None => return Ok(all),
            }
        }
    }

    /// One round: every submission waiting for a destination whose keys this holds is
    /// fetched, judged and decided.
    pub async fn round(&self) -> Result<Round, SubscriberError> {
        let mut round = Round::default();
        for waiting in self.waiting().await? {
            let ours = waiting
                .authority_id
                .as_deref()
                .is_some_and(|d| self.destinations.knows(d));
            if !ours {
                round.skipped += 1;
                continue;
            }
            match self.decide(&waiting.submission_id).await {
                Ok(Some(true)) => round.accepted += 1,
                Ok(Some(false)) => round.rejected += 1,
                Ok(None) => round.skipped += 1,
                Err(error @ SubscriberError::Unreachable(_)) => return Err(error),
                Err(error) => {
                    tracing::warn!(submission = %waiting.submission_id, %error, "not decided; tried again next round");
                    round.skipped += 1;
                }
            }
        }
        Ok(round)
    }

    /// Rounds every `every` until `shutdown` completes; a failed round is logged and the
    /// next one tries again.
    pub async fn run(&self, every: Duration, shutdown: impl Future<Output = ()>) {
        tokio::pin!(shutdown);
        loop {
            match self.round().await {
                Ok(round) if round.accepted + round.rejected > 0 => {
                    tracing::info!(
                        accepted = round.accepted,
                        rejected = round.rejected,
                        "decided"
                    );
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "a round of the subscriber failed"),
            }
            tokio::select! {
                () = &mut shutdown => return,
                () = tokio::time::sleep(every) => {}
            }
        }
    }

    /// Fetches, judges and decides one submission: `Some(true)` received, `Some(false)`
    /// rejected, `None` left waiting (decided elsewhere meanwhile, or not judgeable now).
    pub async fn decide(&self, id: &str) -> Result<Option<bool>, SubscriberError> {
        let sealed: SealedSubmission = self
            .get_json(&format!("/admin/v1/submissions/{id}/sealed"))
            .await?;
        let mut attachments = HashMap::new();
        for attachment in &sealed.attachments {
            let path = format!(
                "/admin/v1/submissions/{id}/attachments/{}",
                attachment.attachment_id
            );
            let bytes = self
                .get(&path)
                .await?
                .bytes()
                .await
                .map_err(|e| SubscriberError::Answer(e.to_string()))?;
            attachments.insert(
                attachment.attachment_id.to_ascii_lowercase(),
                bytes.to_vec(),
            );
        }
        let now = (self.clock)();
        let (destinations, limits) = (self.destinations.clone(), self.limits.clone());
        // RSA work is CPU: off the async workers.
        let signed = tokio::task::spawn_blocking(move || {
            let today = domain::calendar::citizen_day(now);
            let verdict = judge::judge(&sealed, &attachments, &destinations, &limits, today);
            match verdict {
                Ok(verdict) => sign(&destinations, &sealed, verdict, now).map(Some),
                Err(cannot) => {
                    tracing::warn!(submission = %sealed.submission_id, error = %cannot, "cannot judge now");
                    Ok(None)
                }
            }
        })
        .await
        .map_err(|e| SubscriberError::Signing(e.to_string()))??;
        let Some((decision, accepted)) = signed else {
            return Ok(None);
        };
        let response = self
            .http
            .post(format!("{}/admin/v1/submissions/{id}/decision", self.base))
            .bearer_auth(&self.token)
            .json(&decision)
            .send()
            .await
            .map_err(unreachable)?;
        match response.status() {
            status if status.is_success() => {
                tracing::info!(submission = %id, accepted, "decision recorded");
                Ok(Some(accepted))
            }
            StatusCode::CONFLICT => {
                tracing::info!(submission = %id, "decided or withdrawn meanwhile");
                Ok(None)
            }
            _ => Err(refused(response).await),
        }
    }
}

/// The decision on `sealed` for `verdict`, signed with the destination's key at `now`, and
/// whether it accepts.
fn sign(
    destinations: &Destinations,
    sealed: &SealedSubmission,
    verdict: Verdict,
    now: i64,
) -> Result<(Decision, bool), SubscriberError> {
    let signing = |e: crate::error::Error| SubscriberError::Signing(e.to_string());
    let (destination, citizen_id) = (&sealed.destination, &sealed.citizen_submission_id);
    match verdict {
        Verdict::Accept {
            data_sha512,
            attachments,
        } => {
            let receipt =
                destinations::receipt(citizen_id, destination, &data_sha512, &attachments, now);
            let event =
                destinations::step_event(destination, citizen_id, "RECEIVED", now, Vec::new(), now);
            Ok((
                Decision {
                    signed_event: destinations.sign_event(&event).map_err(signing)?,
                    receipt: Some(destinations.sign_receipt(&receipt).map_err(signing)?),
                },
                true,
            ))
        }
        Verdict::Reject(reasons) => {
            let event =
                destinations::step_event(destination, citizen_id, "REJECTED", now, reasons, now);
            Ok((
                Decision {
                    signed_event: destinations.sign_event(&event).map_err(signing)?,
                    receipt: None,
                },
                false,
            ))
        }
    }
}
