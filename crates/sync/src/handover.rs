//! Handover mailboxes on the state API (#14, `wire::handover`): ciphertext in, ciphertext
//! out, the pickup confirmed, the state asked. No login: the code's key guards the content.
//! Never sees a code or a key: the app seals and opens (`handover` crate).

use crate::{StateApiClient, SyncError};

impl StateApiClient {
    fn handover_url(&self, mailbox: &str, tail: &[&str]) -> Result<reqwest::Url, SyncError> {
        if !wire::is_mailbox_name(mailbox) {
            return Err(SyncError::Malformed("not a mailbox name".into()));
        }
        let mut url = self.base().clone();
        url.path_segments_mut()
            .map_err(|_| SyncError::InvalidBaseUrl(self.base().to_string()))?
            .pop_if_empty()
            .extend(["v1", "handovers", mailbox])
            .extend(tail);
        Ok(url)
    }

    /// `PUT /v1/handovers/{mailbox}`: leaves sealed content for its pickup.
    pub async fn put_handover(
        &self,
        mailbox: &str,
        sealed: Vec<u8>,
    ) -> Result<wire::HandoverState, SyncError> {
        let request = self
            .http()
            .put(self.handover_url(mailbox, &[])?)
            .timeout(self.timeouts().upload)
            .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
            .body(sealed);
        self.json(request).await
    }

    /// `GET /v1/handovers/{mailbox}`: the sealed content, while it waits.
    pub async fn fetch_handover(&self, mailbox: &str) -> Result<Vec<u8>, SyncError> {
        let request = self
            .http()
            .get(self.handover_url(mailbox, &[])?)
            .timeout(self.timeouts().upload);
        let response = self.send(request).await?;
        let body = response
            .bytes()
            .await
            .map_err(|e| SyncError::Unreachable(e.to_string()))?;
        Ok(body.to_vec())
    }

    /// `POST /v1/handovers/{mailbox}/pickup`: this device has the content; the state API
    /// deletes it and the code works no more.
    pub async fn confirm_pickup(
        &self,
        mailbox: &str,
        pickup: &wire::Pickup,
    ) -> Result<wire::HandoverState, SyncError> {
        let request = self
            .http()
            .post(self.handover_url(mailbox, &["pickup"])?)
            .json(pickup);
        self.json(request).await
    }

    /// `GET /v1/handovers/{mailbox}/state`: waiting, picked up or expired.
    pub async fn handover_state(&self, mailbox: &str) -> Result<wire::HandoverState, SyncError> {
        let request = self.http().get(self.handover_url(mailbox, &["state"])?);
        self.json(request).await
    }
}
