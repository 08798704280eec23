//! Reading back: status changes and new inbox messages since the cursors, with the documents
//! the messages carry.

use super::*;

impl Engine {
    /// Status changes and new inbox messages since the cursors.
    pub(super) async fn poll(&mut self) -> Result<(), SyncError> {
        let (token, subject) = self.session.identity().await?;
        let owner = Owner::Account(subject);
        // Only while the store shows this account (the shell sets it at login): during a
        // logout or a change of person nothing of this account is stored.
        if lock(&self.store)?.owner()? != owner {
            return Ok(());
        }
        let mut local: Option<HashMap<String, Uuid>> = None;
        loop {
            // A receipt that could not be judged now (its key set out of reach) holds the
            // cursor, so the next poll brings the page again; otherwise it would be passed for
            // good and the application would never show its receipt.
            let mut page_judged = true;
            let page = self
                .call(&token, |c, t| {
                    let cursor = self.submission_cursor;
                    async move { c.submissions_since(&t, cursor).await }
                })
                .await?;
            for item in &page.items {
                let map = match &mut local {
                    Some(map) => map,
                    None => local.insert(self.local_ids()?),
                };
                let Some(&id) = map.get(&item.submission_id) else {
                    continue;
                };
                let status = item.status;
                if status == SubmissionStatus::Initiated {
                    continue;
                }
                // The receipt first, so the authority's decision shows with its proof (a
                // status recorded first would show "received" without it for a moment, or
                // for good when the app stops in between).
                let client = self.session.client().clone();
                let unchecked = item.receipt.is_some()
                    && lock(&self.store)?
                        .submission_of(id, &owner)?
                        .is_some_and(|s| !s.signed_receipt.is_some_and(|r| r.is_verified()));
                if unchecked
                    && !keep_receipt(&self.store, &client, id, &owner, item, self.now()).await
                {
                    page_judged = false;
                }
                // Every step the server went through, not just the last: two steps between
                // two polls both reach the timeline.
                let history = judged_history(&client, item, self.now()).await;
                let changed = if history.is_empty() {
                    // A server without a history: its current status, now.
                    lock(&self.store)?.record_status(id, status, self.now(), None)
                } else {
                    lock(&self.store)?
                        .record_history(id, &history)
                        .map(|added| added > 0)
                };
                if matches!(changed, Ok(true)) {
                    self.emit(SyncEvent::StatusChanged {
                        submission_id: id,
                        status,
                    });
                }
            }
            if !page_judged {
                break;
            }
            self.submission_cursor = page.cursor.max(self.submission_cursor);
            if !page.more {
                break;
            }
        }
        let mut new_messages = 0;
        loop {
            let page = self
                .call(&token, |c, t| {
                    let cursor = self.inbox_cursor;
                    async move { c.inbox_since(&t, cursor).await }
                })
                .await?;
            for message in &page.items {
                let submission_id = match &message.submission_id {
                    Some(server) => {
                        let map = match &mut local {
                            Some(map) => map,
                            None => local.insert(self.local_ids()?),
                        };
                        map.get(server).copied()
                    }
                    None => None,
                };
                let store = lock(&self.store)?;
                if store.message(&message.message_id)?.is_none() {
                    new_messages += 1;
                }
                let documents: Vec<(String, store::DocumentInfo)> = message
                    .documents
                    .iter()
                    .map(|d| {
                        (
                            d.document_id.clone(),
                            store::DocumentInfo {
                                name: d.name.clone(),
                                media_type: d.media_type.clone(),
                                size: d.size,
                                sha512: d.sha512.to_ascii_lowercase(),
                            },
                        )
                    })
                    .collect();
                store.save_message(
                    &InboxMessage {
                        id: message.message_id.clone(),
                        submission_id,
                        subject: message.title.clone(),
                        body: message.body.clone(),
                        sender: message.sender.clone(),
                        received_at: parse_time(&message.sent_at).unwrap_or_else(|| self.now()),
                        read_at: None,
                    },
                    &owner,
                )?;
                store.note_message_documents(&message.message_id, &documents)?;
            }
            self.inbox_cursor = page.cursor.max(self.inbox_cursor);
            if !page.more {
                break;
            }
        }
        // The documents the messages carry (a Bescheid), checked by their hash.
        let client = self.session.client().clone();
        let fetched = crate::replies::fetch_documents(&self.store, &client, &token).await?;
        if new_messages > 0 || fetched > 0 {
            let unread = lock(&self.store)?.unread_count()?;
            self.emit(SyncEvent::InboxUpdated {
                unread,
                new_messages,
            });
        }
        Ok(())
    }

    /// Server ids (the submission's own id, or its restart id) → local submission ids.
    fn local_ids(&self) -> Result<HashMap<String, Uuid>, SyncError> {
        let store = lock(&self.store)?;
        let mut map = HashMap::new();
        for submission in store.submissions()? {
            map.insert(submission.id.to_string(), submission.id);
            if let Some(server) = &submission.server_ref {
                map.insert(server.clone(), submission.id);
            }
        }
        Ok(map)
    }

    /// One authorized call; a 401 drops the token so the next call refreshes.
    async fn call<T, F, Fut>(&self, token: &Secret, f: F) -> Result<T, SyncError>
    where
        F: FnOnce(crate::client::StateApiClient, Secret) -> Fut,
        Fut: std::future::Future<Output = Result<T, SyncError>>,
    {
        let result = f(self.session.client().clone(), token.clone()).await;
        if matches!(result, Err(SyncError::Unauthorized)) {
            self.session.rejected(token).await;
        }
        result
    }
}
