//! One send of one application on its own task: create with its Idempotency-Key, attachments
//! encrypted for the authority and uploaded resumably, the submit, and the receipt kept.

use super::*;

/// One send of one submission, on its own task.
pub(super) struct Job {
    pub(super) store: Arc<Mutex<Store>>,
    pub(super) session: Arc<Session>,
    /// Whose submission this is: every request goes with a token of exactly this account.
    pub(super) owner: Owner,
    pub(super) events: mpsc::UnboundedSender<SyncEvent>,
    pub(super) chunk: usize,
    pub(super) clock: Clock,
}

struct Payload {
    create: wire::CreateSubmission,
    /// The data as sent (encrypted for its destination just before the submit).
    data: serde_json::Value,
    data_sha512: String,
    /// The attachments' ids, hashes and sizes as stored on the device (plain).
    attachments: Vec<(Uuid, String, u64)>,
    /// The attachments as the metadata describes them (for an authority).
    plain: Vec<domain::metadata::PlainAttachment>,
}

/// The attachments of a submission encrypted for its receiving authority.
struct Sealed {
    /// The create that announces them (as ciphertext, for `destination`).
    create: wire::CreateSubmission,
    /// What to upload: each attachment's id, and the hash and size of its JWE.
    uploads: Vec<(Uuid, String, u64)>,
    metadata: domain::metadata::Metadata,
}

impl Job {
    fn progress(&self, id: Uuid, uploaded: usize, attachments: usize) {
        let _ = self.events.send(SyncEvent::Progress(Progress {
            submission_id: id,
            stage: Stage::Sending,
            uploaded: uploaded as u32,
            attachments: attachments as u32,
        }));
    }

    fn payload(&self, id: Uuid) -> Result<Payload, SyncError> {
        let store = lock(&self.store)?;
        let submission = store
            .submission_of(id, &self.owner)?
            .ok_or_else(|| SyncError::LocalData("the queued submission is missing".into()))?;
        let attachments = match submission.draft_id {
            Some(draft) => store.draft_attachments(draft)?,
            None => Vec::new(),
        };
        let create = wire::CreateSubmission {
            service_key: submission.service_key.clone().unwrap_or_default(),
            ars: store.submission_place(id)?,
            form: Some(wire::FormRef {
                id: submission.form_id.clone(),
                version: submission.form_version.clone(),
            }),
            announced_attachments: attachments
                .iter()
                .map(|a| wire::AnnouncedAttachment {
                    attachment_id: a.id.to_string(),
                    filename: a.file_name.clone(),
                    media_type: a.content.media_type.clone(),
                    size: a.content.size,
                    sha512: a.content.sha512.clone(),
                })
                .collect(),
            destination: None,
        };
        let data = serde_json::to_value(&submission.payload)
            .map_err(|e| SyncError::Malformed(e.to_string()))?;
        // The hash of exactly what is sent: the state API refuses the data if it arrives
        // otherwise, and answers the hash it computed, which the person is shown as a receipt.
        let data_sha512 = data_sha512(&data);
        Ok(Payload {
            create,
            data,
            data_sha512,
            attachments: attachments
                .iter()
                .map(|a| (a.id, a.content.sha512.clone(), a.content.size))
                .collect(),
            plain: attachments
                .iter()
                .map(|a| domain::metadata::PlainAttachment {
                    id: a.id.to_string(),
                    filename: a.file_name.clone(),
                    media_type: a.content.media_type.clone(),
                    sha512: a.content.sha512.clone(),
                })
                .collect(),
        })
    }

    /// The attachments encrypted for the authority responsible for the applicant's place
    /// (the state API routes it), once: kept in the store, so every retry announces and
    /// uploads the same ciphertext. `None` without attachments or without an authority
    /// (they go in plain, as the data does).
    async fn sealed(
        &self,
        id: Uuid,
        server: Uuid,
        payload: &Payload,
    ) -> Result<Option<Sealed>, SyncError> {
        let (Some(ars), false) = (&payload.create.ars, payload.plain.is_empty()) else {
            return Ok(None);
        };
        let client = self.session.client();
        let Some(destination) = client
            .responsible_authority(&payload.create.service_key, ars)
            .await?
        else {
            return Ok(None);
        };
        let kept = lock(&self.store)?.sealed_attachments(id)?;
        let mut keys = None;
        let (mut uploads, mut announced) = (Vec::new(), Vec::new());
        for plain in &payload.plain {
            let attachment = Uuid::parse_str(&plain.id)
                .map_err(|_| SyncError::LocalData("an attachment without a UUID".into()))?;
            let found = kept
                .iter()
                .find(|k| {
                    k.attachment_id == attachment
                        && k.destination == destination
                        && k.server_id == server
                })
                .cloned();
            let sealed = match found {
                Some(sealed) => sealed,
                None => {
                    if keys.is_none() {
                        let now = (self.clock)() / 1000;
                        keys = Some(crate::seal::verified_keys(client, &destination, now).await?);
                    }
                    let key = crate::seal::encryption_key(
                        keys.as_ref()
                            .ok_or_else(|| SyncError::DestinationKeys("no key set".into()))?,
                    )?;
                    let mut bytes = zeroize::Zeroizing::new(Vec::new());
                    lock(&self.store)?.read_attachment(&plain.sha512, &mut *bytes)?;
                    let jwe = jose::encrypt(&bytes, key, &plain.media_type)
                        .map_err(|e| SyncError::DestinationKeys(e.to_string()))?;
                    lock(&self.store)?.keep_sealed(
                        id,
                        attachment,
                        (&destination, server),
                        jwe.as_bytes(),
                        (self.clock)(),
                    )?
                }
            };
            announced.push(wire::AnnouncedAttachment {
                attachment_id: plain.id.clone(),
                filename: String::new(),
                media_type: String::new(),
                size: sealed.size,
                sha512: sealed.sha512.clone(),
            });
            uploads.push((attachment, sealed.sha512, sealed.size));
        }
        let form = payload.create.form.as_ref();
        let metadata = domain::metadata::Metadata::new(
            &payload.data_sha512,
            (
                form.map(|f| f.id.as_str()).unwrap_or_default(),
                form.map(|f| f.version.as_str()).unwrap_or_default(),
            ),
            Some(payload.create.service_key.as_str()).filter(|k| !k.is_empty()),
            &payload.plain,
        );
        Ok(Some(Sealed {
            create: wire::CreateSubmission {
                announced_attachments: announced,
                destination: Some(destination),
                ..payload.create.clone()
            },
            uploads,
            metadata,
        }))
    }

    /// A token of the submission's own account, or [`SyncError::OtherAccount`]: an
    /// application is never sent as whoever happens to be logged in.
    async fn token(&self) -> Result<Secret, SyncError> {
        let (token, subject) = self.session.identity().await?;
        if Owner::Account(subject) != self.owner {
            return Err(SyncError::OtherAccount);
        }
        Ok(token)
    }

    async fn check<T>(&self, token: &Secret, result: Result<T, SyncError>) -> Result<T, SyncError> {
        if matches!(result, Err(SyncError::Unauthorized)) {
            self.session.rejected(token).await;
        }
        result
    }

    pub(super) async fn send(self, id: Uuid) -> Result<wire::Submission, SyncError> {
        let payload = self.payload(id)?;
        self.progress(id, 0, payload.attachments.len());
        // Attachments encrypted for a start are kept with it: the starts before that one
        // expired (else it would not have been made), and trying them again would encrypt
        // anew for them and then change the body of the later start's create.
        let kept = lock(&self.store)?.sealed_attachments(id)?;
        let first = (0..MAX_GENERATIONS)
            .rev()
            .find(|g| kept.iter().any(|s| s.server_id == plan::server_id(id, *g)))
            .unwrap_or(0);
        for generation in first..MAX_GENERATIONS {
            let server = plan::server_id(id, generation);
            match self.send_as(id, server, &payload).await {
                Err(error) if is_expired(&error) => continue,
                other => return other,
            }
        }
        Err(SyncError::LocalData("too many expired starts".into()))
    }

    async fn send_as(
        &self,
        id: Uuid,
        server: Uuid,
        payload: &Payload,
    ) -> Result<wire::Submission, SyncError> {
        // Before any byte of an attachment leaves: encrypted for the receiving authority.
        let sealed = self.sealed(id, server, payload).await?;
        let (create, uploads) = match &sealed {
            Some(sealed) => (&sealed.create, &sealed.uploads),
            None => (&payload.create, &payload.attachments),
        };
        let token = self.token().await?;
        let created = self
            .session
            .client()
            .create_submission(&token, server, create)
            .await;
        let created = self.check(&token, created).await?;
        // Before any byte of the data leaves: encrypted to the receiving authority's key,
        // which counts only under the trust anchor (else the application waits).
        let submit = crate::seal::submit_body(
            self.session.client(),
            &created,
            &payload.data,
            &payload.data_sha512,
            sealed.as_ref().map(|s| &s.metadata),
            (self.clock)(),
        )
        .await?;
        let total = uploads.len();
        for (done, (attachment, sha512, size)) in uploads.iter().enumerate() {
            self.upload(server, *attachment, sha512, *size).await?;
            self.progress(id, done + 1, total);
        }
        let token = self.token().await?;
        let submitted = self.session.client().submit(&token, server, &submit).await;
        if let Err(error) = &submitted {
            crate::seal::after_refusal(self.session.client(), &created, error);
        }
        let submitted = self.check(&token, submitted).await?;
        // Not judged now (the key set out of reach): the status poll judges it later.
        let _ = keep_receipt(
            &self.store,
            self.session.client(),
            id,
            &self.owner,
            &submitted,
            (self.clock)(),
        )
        .await;
        // The authority's steps the answer already holds (received at once), each with the
        // verdict on its signature; the status itself is recorded with the outbox's move.
        let history = judged_history(self.session.client(), &submitted, (self.clock)()).await;
        if let Ok(store) = lock(&self.store) {
            let _ = store.record_history(id, &history);
        }
        Ok(submitted)
    }

    /// Uploads what the server lacks of one attachment. When the server already holds every
    /// byte, an empty chunk at the end asks it to confirm (its hash check may not have run:
    /// a final chunk whose request was cut off while the server worked on it leaves all bytes
    /// there but the attachment not complete, and `HEAD` cannot tell the two apart).
    async fn upload(
        &self,
        server: Uuid,
        attachment: Uuid,
        sha512: &str,
        size: u64,
    ) -> Result<(), SyncError> {
        let client = self.session.client().clone();
        let token = self.token().await?;
        let mut offset = self
            .check(
                &token,
                client.upload_offset(&token, server, attachment).await,
            )
            .await?;
        let mut content: Option<Vec<u8>> = None;
        let (mut restarted, mut confirmations) = (false, 0);
        loop {
            let (start, chunk) = match plan::next_chunk(size, offset, self.chunk as u64) {
                Some((start, len)) => {
                    if content.is_none() {
                        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
                        lock(&self.store)?.read_attachment(sha512, &mut bytes)?;
                        content = Some(bytes);
                    }
                    let range = usize::try_from(start).unwrap_or(usize::MAX)
                        ..usize::try_from(start + len).unwrap_or(usize::MAX);
                    let chunk = content
                        .as_ref()
                        .and_then(|c| c.get(range))
                        .ok_or_else(|| {
                            SyncError::LocalData("the attachment is shorter than announced".into())
                        })?
                        .to_vec();
                    (start, chunk)
                }
                None => {
                    confirmations += 1;
                    if confirmations > 3 {
                        return Err(SyncError::LocalData(
                            "the server holds every byte but does not complete the upload".into(),
                        ));
                    }
                    (size, Vec::new())
                }
            };
            let token = self.token().await?;
            let answer = client
                .upload_chunk(&token, server, attachment, start, chunk)
                .await;
            match self.check(&token, answer).await {
                Ok(state) if state.complete => return Ok(()),
                Ok(state) => offset = state.received,
                Err(error) => match error.problem() {
                    Some((409, Some(p))) if p.is(ProblemCode::UploadOffsetMismatch) => {
                        offset = p.upload_offset.unwrap_or(0);
                    }
                    Some((409, Some(p))) if p.is(ProblemCode::AttachmentComplete) => return Ok(()),
                    // An earlier attempt got as far as the submit (its answer was lost): the
                    // submit that follows is replayed.
                    Some((409, Some(p))) if p.is(ProblemCode::AlreadySubmitted) => return Ok(()),
                    Some((422, Some(p)))
                        if p.is(ProblemCode::AttachmentHashMismatch) && !restarted =>
                    {
                        restarted = true;
                        offset = 0;
                    }
                    _ => return Err(error),
                },
            }
        }
    }
}

fn is_expired(error: &SyncError) -> bool {
    matches!(error.problem(), Some((410, _)))
}
