//! What the engine sends besides applications, when it falls due: reports of accessibility
//! problems (no login needed) and the person's replies to an authority (under their login).

use super::*;

impl Engine {
    /// How long until the next waiting report is due (zero when one is due now).
    pub(super) fn report_due_in(&self) -> Option<Duration> {
        let due = lock(&self.store).ok()?.next_report_due().ok()??;
        let ms = due.saturating_sub(self.now()).max(0);
        Some(Duration::from_millis(u64::try_from(ms).unwrap_or(0)))
    }

    pub(super) fn until_report_due(&self, wait: Duration) -> Duration {
        let replies = match self.reach {
            Reach::Online => self.reply_due_in(),
            _ => None,
        };
        match self.report_due_in().into_iter().chain(replies).min() {
            Some(due) => wait.min(due.max(self.config.policy.floor)),
            None => wait,
        }
    }

    /// How long until the logged-in person's next waiting reply is due.
    pub(super) fn reply_due_in(&self) -> Option<Duration> {
        let due = lock(&self.store).ok()?.next_reply_due().ok()??;
        let ms = due.saturating_sub(self.now()).max(0);
        Some(Duration::from_millis(u64::try_from(ms).unwrap_or(0)))
    }

    /// Sends the due replies ([`crate::replies::deliver`]) and tells the UI which
    /// applications changed. Returns whether anything was recorded.
    pub(super) async fn deliver_replies(&mut self, jitter: f64) -> bool {
        let now = self.now();
        let delivered =
            crate::replies::deliver(&self.store, &self.session, &self.config.policy, now, jitter)
                .await;
        match delivered {
            Ok(delivered) => {
                let progressed = !delivered.changed.is_empty();
                for (submission_id, status) in delivered.changed {
                    self.emit(SyncEvent::StatusChanged {
                        submission_id,
                        status,
                    });
                }
                if let Some(error) = delivered.unreachable {
                    self.note_error(&error).await;
                }
                progressed
            }
            Err(error) => {
                self.note_error(&error).await;
                false
            }
        }
    }

    /// Sends every due report, one after the other (they are small), and records each outcome.
    /// Returns whether anything was recorded (false when the store failed: the caller then
    /// falls through to its normal wait instead of spinning).
    pub(super) async fn deliver_reports(&mut self, jitter: f64) -> bool {
        let due = match lock(&self.store).and_then(|s| Ok(s.reports_due(self.now())?)) {
            Ok(due) => due,
            Err(_) => return false,
        };
        let mut progressed = false;
        for stored in due {
            let body = stored.report.normalized();
            let result = self
                .session
                .client()
                .send_accessibility_report(stored.id, &body)
                .await;
            let now = self.now();
            let outcome = plan::after_attempt(
                &self.config.policy,
                stored.attempts,
                &result.as_ref().map(|_| ()),
                now,
                jitter,
            );
            let recorded = lock(&self.store).and_then(|store| {
                Ok(match (&outcome, &result) {
                    (Record::Sent, Ok(receipt)) => {
                        store.report_sent(stored.id, &receipt.reference, now)?;
                        true
                    }
                    (Record::Refused, Err(error)) => {
                        store.report_refused(stored.id, &error.code())?;
                        true
                    }
                    (Record::RetryAt { at, .. }, Err(error)) => {
                        store.report_retry_later(stored.id, &error.code(), *at)?;
                        false
                    }
                    (_, Err(error)) => {
                        let at = now.saturating_add(1_000);
                        store.report_retry_later(stored.id, &error.code(), at)?;
                        false
                    }
                    (_, Ok(_)) => false,
                })
            });
            match recorded {
                Ok(changed) => {
                    progressed = true;
                    if changed {
                        self.emit(SyncEvent::ReportUpdated {
                            report_id: stored.id,
                        });
                    }
                }
                Err(_) => return progressed,
            }
            if let Err(error @ SyncError::Unreachable(_)) = result {
                // The others would fail the same way: wait for the network.
                self.note_error(&error).await;
                return progressed;
            }
        }
        progressed
    }
}
