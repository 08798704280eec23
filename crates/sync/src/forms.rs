//! Form definitions from the state API: `GET /v1/forms/{id}/{version}`, for the versions the
//! catalog announces. Never stores anything; the shell hands the result to the store.

use domain::form::FormDefinition;

use crate::{StateApiClient, SyncError};

impl StateApiClient {
    /// One form definition. A definition the domain cannot read is [`SyncError::Malformed`].
    pub async fn fetch_form(&self, id: &str, version: &str) -> Result<FormDefinition, SyncError> {
        let mut url = self.base().clone();
        url.path_segments_mut()
            .map_err(|_| SyncError::InvalidBaseUrl(self.base().to_string()))?
            .pop_if_empty()
            .extend(["v1", "forms", id, version]);
        let response = self.send(self.http().get(url)).await?;
        let body = response
            .bytes()
            .await
            .map_err(|e| SyncError::Unreachable(e.to_string()))?;
        serde_json::from_slice(&body).map_err(|e| SyncError::Malformed(e.to_string()))
    }
}
