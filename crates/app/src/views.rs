//! What the person sees of what the store holds: drafts, applications with their status and
//! what they wait for, a refusal to correct, a receipt checked against what was sent, replies
//! and reports, as the IPC views the window shows. Reads the store it is handed, nothing else.

use std::collections::{BTreeMap, HashSet};

use domain::form::{Date, FormDefinition};
use domain::ipc::{
    ApplicationStatus, ApplicationSummary, AttachmentView, DraftView, Refusal, RefusedAnswer,
    StatusEntry, SubmissionView, Waiting,
};
use domain::problem::ProblemCode;
use store::{DraftAttachment, DraftState, OutboxState, Owner, Store, SubmissionStatus};
use uuid::Uuid;

use crate::instant::rfc3339;
use crate::Error;

/// A form definition shipped inside the app (the showcase forms and the imported
/// XDatenfelder ones, `catalog_seed::shipped_forms`), by id.
pub fn shipped_form(form_id: &str) -> Option<FormDefinition> {
    catalog_seed::shipped_form(form_id).cloned()
}

/// The definition of one form version: stored, or shipped when it is the shipped version.
pub fn form_of(store: &Store, form_id: &str, version: &str) -> Result<FormDefinition, Error> {
    if let Some(definition) = store.form_definition(form_id, version)? {
        return Ok(definition);
    }
    shipped_form(form_id)
        .filter(|d| d.version == version)
        .ok_or(Error::NotFound)
}

pub fn attachment_view(attachment: &DraftAttachment) -> AttachmentView {
    AttachmentView {
        attachment_id: attachment.id.to_string(),
        field_path: attachment.field_path.to_string(),
        file_name: attachment.file_name.clone(),
        media_type: attachment.content.media_type.clone(),
        size: attachment.content.size,
        sha512: attachment.content.sha512.clone(),
    }
}

/// Labels of set-aside answers whose field the current version dropped, from the version each
/// answer was given on. Best effort: a label that cannot be found is left out (the window then
/// says "an earlier answer").
fn review_labels(
    store: &Store,
    form_id: &str,
    current: &FormDefinition,
    draft: Uuid,
) -> BTreeMap<String, domain::Localized> {
    let present: HashSet<String> = current.fields().into_iter().map(|(path, _)| path).collect();
    let mut labels = BTreeMap::new();
    for (path, version) in store.review_versions(draft).unwrap_or_default() {
        let element = path.element();
        if present.contains(&element) {
            continue;
        }
        if let Ok(old) = form_of(store, form_id, &version) {
            if let Some((_, field)) = old.fields().into_iter().find(|(p, _)| *p == element) {
                labels.insert(element, field.label.clone());
            }
        }
    }
    labels
}

pub fn draft_view(store: &Store, id: Uuid) -> Result<DraftView, Error> {
    let draft = store.draft(id)?.ok_or(Error::NotFound)?;
    let definition = form_of(store, &draft.form_id, &draft.form_version)?;
    let attachments = store
        .draft_attachments(id)?
        .iter()
        .map(attachment_view)
        .collect();
    let review_labels = review_labels(store, &draft.form_id, &definition, id);
    Ok(DraftView {
        draft_id: id.to_string(),
        leika_key: draft.service_key.unwrap_or_default(),
        definition,
        answers: draft.answers,
        current_page: draft.page,
        review: draft.review,
        review_labels,
        attachments,
        updated_at: rfc3339(draft.updated_at),
    })
}

/// What an outbox item waits for (the worker's own error text is for support, not for the
/// person): a refusal, a login when nobody is logged in, or a connection after a failed try.
pub fn waiting_for(entry: &store::OutboxEntry, logged_in: bool) -> Option<Waiting> {
    match (entry.state, &entry.last_error) {
        (OutboxState::Failed, _) => Some(Waiting::Refused),
        (OutboxState::Sent, _) => None,
        (OutboxState::Pending | OutboxState::Sending, _) if !logged_in => Some(Waiting::Login),
        (OutboxState::Pending | OutboxState::Sending, _) if entry.owner == Owner::Device => {
            Some(Waiting::Claim)
        }
        (OutboxState::Pending | OutboxState::Sending, Some(error))
            if error == sync::seal::KEYS_UNTRUSTED =>
        {
            Some(Waiting::AuthorityKeys)
        }
        (OutboxState::Pending | OutboxState::Sending, Some(_)) => Some(Waiting::Connection),
        (OutboxState::Pending | OutboxState::Sending, None) => None,
    }
}

/// What the form may know beyond the answers: the day and the fee the statute of `place`
/// sets for the service, from the stored catalog (the table the service page shows). A
/// catalog that cannot be read leaves the fee unknown, which the form says.
pub fn facts(
    store: &Store,
    service_key: Option<&str>,
    place: Option<&str>,
    today: domain::form::Date,
) -> domain::form::Facts {
    let stored = match (service_key, place) {
        (Some(_), Some(_)) => store.catalog().ok().flatten(),
        _ => None,
    };
    let service = stored
        .as_ref()
        .zip(service_key)
        .and_then(|(stored, key)| stored.catalog.service(key));
    domain::form::Facts::at_place(today, service, place)
}

/// Required answers given and required in all, by the same engine the wizard uses; `None`
/// when the draft or its form cannot be read (the list still shows the draft).
fn draft_progress(store: &Store, id: Uuid, today: Date) -> Option<(u32, u32)> {
    let draft = store.draft(id).ok()??;
    let definition = form_of(store, &draft.form_id, &draft.form_version).ok()?;
    let form = domain::form::Form::new(definition).ok()?;
    let progress = form.progress(&draft.answers, today);
    Some((progress.answered, progress.required))
}

/// Drafts being edited, then submissions (queued, sending, sent), newest first within each.
/// `logged_in`: whether a login can send now (else queued items wait for one); `today` counts
/// the drafts' progress.
pub fn applications(
    store: &Store,
    logged_in: bool,
    today: Date,
) -> Result<Vec<ApplicationSummary>, Error> {
    let mut list = Vec::new();
    let handovers = store.handovers()?;
    for draft in store.drafts()? {
        if draft.state != DraftState::Editing {
            continue;
        }
        let (answered, required) = draft_progress(store, draft.id, today).unwrap_or((0, 0));
        list.push(ApplicationSummary {
            id: draft.id.to_string(),
            leika_key: draft.service_key.unwrap_or_default(),
            form_id: draft.form_id,
            status: ApplicationStatus::Draft,
            updated_at: rfc3339(draft.updated_at),
            answered,
            required,
            waiting: None,
            handed_over_until: handovers
                .iter()
                .find(|h| h.draft == draft.id)
                .map(|h| rfc3339(h.expires_at)),
        });
    }
    for submission in store.submissions()? {
        let outbox = store.outbox_entry(submission.id)?;
        let status = match (&outbox, submission.status) {
            (Some(entry), SubmissionStatus::Initiated) => match entry.state {
                OutboxState::Pending | OutboxState::Failed => ApplicationStatus::Queued,
                OutboxState::Sending => ApplicationStatus::Sending,
                OutboxState::Sent => ApplicationStatus::Initiated,
            },
            (_, status) => status.into(),
        };
        list.push(ApplicationSummary {
            id: submission.id.to_string(),
            leika_key: submission.service_key.unwrap_or_default(),
            form_id: submission.form_id,
            status,
            updated_at: rfc3339(submission.updated_at),
            answered: 0,
            required: 0,
            waiting: outbox.as_ref().and_then(|e| waiting_for(e, logged_in)),
            handed_over_until: None,
        });
    }
    Ok(list)
}

pub fn submission_view(store: &Store, id: Uuid, logged_in: bool) -> Result<SubmissionView, Error> {
    let submission = store.submission(id)?.ok_or(Error::NotFound)?;
    let definition = form_of(store, &submission.form_id, &submission.form_version)?;
    let outbox = store.outbox_entry(id)?;
    let attachments = match submission.draft_id {
        Some(draft) => store
            .draft_attachments(draft)?
            .iter()
            .map(attachment_view)
            .collect(),
        None => Vec::new(),
    };
    let timeline = submission
        .history
        .iter()
        .map(|change| StatusEntry {
            status: change.status.into(),
            at: rfc3339(change.at),
            note: change.note.clone(),
            signature: change.signature,
        })
        .collect();
    let refusal = outbox
        .as_ref()
        .filter(|e| e.state == OutboxState::Failed)
        .map(|e| refusal_of(store, submission.draft_id, e.last_error.as_deref()));
    let receipt = receipt_of(&submission);
    let replies = store
        .replies_to(id)?
        .into_iter()
        .map(|r| reply_view(r, logged_in))
        .collect();
    let can_reply = submission.server_ref.is_some()
        && domain::ipc::ApplicationStatus::from(submission.status)
            == domain::ipc::ApplicationStatus::ActionRequired;
    Ok(SubmissionView {
        submission_id: id.to_string(),
        leika_key: submission.service_key.unwrap_or_default(),
        definition,
        data: submission.payload,
        attachments,
        timeline,
        waiting: outbox.as_ref().and_then(|e| waiting_for(e, logged_in)),
        refusal,
        receipt,
        replies,
        can_reply,
    })
}

/// A reply as the application's page shows it.
fn reply_view(reply: store::StoredReply, logged_in: bool) -> domain::reply::ReplyView {
    use domain::reply::ReplyState;
    let state = match reply.delivery {
        store::ReplyDelivery::Pending => ReplyState::Waiting {
            login_needed: !logged_in,
        },
        store::ReplyDelivery::Sent => ReplyState::Sent {
            at: rfc3339(reply.sent_at.unwrap_or(reply.created_at)),
        },
        store::ReplyDelivery::Refused => ReplyState::Refused {
            // The worker keeps `<status> <problem code>` (`409 not_awaiting_reply`).
            message_id: match refused_with(reply.last_error.as_deref()) {
                Some(ProblemCode::NotAwaitingReply) => "reply-refused-not-awaited",
                _ => "reply-refused",
            }
            .to_string(),
        },
    };
    domain::reply::ReplyView {
        reply_id: reply.id.to_string(),
        text: reply.text,
        documents: reply.documents.into_iter().map(|d| d.name).collect(),
        written_at: rfc3339(reply.created_at),
        state,
    }
}

/// The problem code in an error the sync worker kept (`409 not_awaiting_reply`).
fn refused_with(last_error: Option<&str>) -> Option<ProblemCode> {
    last_error?.rsplit(' ').next().and_then(ProblemCode::parse)
}

/// The state API's receipt, checked against the data this device kept as sent.
fn receipt_of(submission: &store::Submission) -> Option<domain::ipc::Receipt> {
    let (reference, data_sha512) = (
        submission.server_ref.clone()?,
        submission.data_sha512.clone()?,
    );
    let sent = serde_json::to_value(&submission.payload).ok()?;
    Some(domain::ipc::Receipt {
        matches: sync::data_sha512(&sent).eq_ignore_ascii_case(&data_sha512),
        reference,
        data_sha512,
        signed: submission.signed_receipt.clone(),
    })
}

/// What the state API named when it refused (the worker keeps its problems as JSON, never
/// values), and the draft when it is back in editing to be corrected.
fn refusal_of(store: &Store, draft: Option<Uuid>, problems: Option<&str>) -> Refusal {
    let problems = problems
        .and_then(|json| serde_json::from_str::<Vec<sync::FieldProblem>>(json).ok())
        .unwrap_or_default()
        .into_iter()
        .map(|p| RefusedAnswer {
            path: p.field,
            message_id: p.code,
            args: p.args,
        })
        .collect();
    let draft_id = draft
        .filter(|d| {
            store
                .draft(*d)
                .ok()
                .flatten()
                .is_some_and(|d| d.state == DraftState::Editing)
        })
        .map(|d| d.to_string());
    Refusal { draft_id, problems }
}

/// A stored report as "your reports" shows it.
pub fn report_view_of(stored: store::StoredReport) -> domain::ipc::AccessibilityReportView {
    use domain::ipc::ReportState;
    domain::ipc::AccessibilityReportView {
        report_id: stored.id.to_string(),
        state: match stored.delivery {
            store::ReportDelivery::Pending => ReportState::Waiting,
            store::ReportDelivery::Sent => ReportState::Sent,
            store::ReportDelivery::Refused => ReportState::Refused,
        },
        reference: stored.reference,
        written_at: rfc3339(stored.created_at),
        sent_at: stored.sent_at.map(rfc3339),
        place: stored.report.place,
        description: stored.report.description,
        // Why it waits or was refused, in the person's words (the code is for support).
        last_error: match (stored.delivery, stored.last_error) {
            (store::ReportDelivery::Refused, _) => Some("feedback-refused".into()),
            (store::ReportDelivery::Pending, Some(_)) => Some("error-network".into()),
            _ => None,
        },
    }
}

/// One stored report by id.
pub fn report_view(store: &Store, id: Uuid) -> Result<domain::ipc::AccessibilityReportView, Error> {
    store.report(id)?.map(report_view_of).ok_or(Error::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(state: OutboxState, last_error: Option<&str>) -> store::OutboxEntry {
        store::OutboxEntry {
            submission_id: Uuid::from_u128(1),
            state,
            attempts: u32::from(last_error.is_some()),
            next_attempt_at: 0,
            last_error: last_error.map(str::to_string),
            created_at: 0,
            updated_at: 0,
            owner: Owner::Account("anna".into()),
        }
    }

    #[test]
    fn a_queued_application_says_what_it_waits_for() {
        use OutboxState::*;
        // Queued while logged out: it waits for a login, not for the network.
        assert_eq!(
            waiting_for(&entry(Pending, None), false),
            Some(Waiting::Login)
        );
        assert_eq!(
            waiting_for(&entry(Pending, Some("login_required")), false),
            Some(Waiting::Login)
        );
        // Logged in: it waits for nothing until a try failed, then for a connection.
        assert_eq!(waiting_for(&entry(Pending, None), true), None);
        assert_eq!(
            waiting_for(&entry(Pending, Some("unreachable")), true),
            Some(Waiting::Connection)
        );
        assert_eq!(
            waiting_for(&entry(Sending, Some("503")), true),
            Some(Waiting::Connection)
        );
        // Queued on this device without a login: a login alone does not send it; the person
        // logged in must take it (#14).
        let on_device = store::OutboxEntry {
            owner: Owner::Device,
            ..entry(Pending, None)
        };
        assert_eq!(waiting_for(&on_device, false), Some(Waiting::Login));
        assert_eq!(waiting_for(&on_device, true), Some(Waiting::Claim));
        // Refused stays refused, logged in or not; sent waits for nothing.
        assert_eq!(
            waiting_for(&entry(Failed, Some("422 invalid")), true),
            Some(Waiting::Refused)
        );
        assert_eq!(
            waiting_for(&entry(Failed, Some("422 invalid")), false),
            Some(Waiting::Refused)
        );
        assert_eq!(waiting_for(&entry(Sent, None), false), None);
    }

    #[test]
    fn a_reply_the_authority_no_longer_waits_for_says_so() {
        let reply = |last_error: &str| store::StoredReply {
            id: Uuid::from_u128(5),
            submission_id: Uuid::from_u128(6),
            owner: Owner::Account("anna".into()),
            text: "Anbei".into(),
            documents: Vec::new(),
            delivery: store::ReplyDelivery::Refused,
            attempts: 1,
            next_attempt_at: 0,
            last_error: Some(last_error.into()),
            created_at: 1,
            sent_at: None,
        };
        let said = |last_error| match reply_view(reply(last_error), true).state {
            domain::reply::ReplyState::Refused { message_id } => message_id,
            other => panic!("refused: {other:?}"),
        };
        // As the sync worker keeps it (`SyncError::code`).
        assert_eq!(said("409 not_awaiting_reply"), "reply-refused-not-awaited");
        assert_eq!(said("422 invalid"), "reply-refused");
        assert_eq!(said("413"), "reply-refused");
    }

    #[test]
    fn a_refusal_names_the_answers_and_the_draft_to_correct(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let store = Store::open_in_memory()?;
        store.set_owner(&Owner::Account("anna".into()))?;
        let draft = Uuid::from_u128(7);
        store.create_draft(&store::NewDraft {
            id: draft,
            form_id: "bewohnerparkausweis",
            form_version: "1",
            service_key: None,
            now: 1,
        })?;
        let submission = Uuid::from_u128(70);
        store.submit(draft, submission, &domain::form::Answers::new(), 2)?;
        store.outbox_claim(submission, 3)?;
        let problems = r#"[{"field":"antragsteller.geburtsdatum","code":"form-date-in-future","detail":"","args":{"max":"2026-12-05"}}]"#;
        store.outbox_refused(submission, problems, 4)?;
        let refusal = refusal_of(&store, Some(draft), Some(problems));
        assert_eq!(refusal.draft_id, Some(draft.to_string()), "back in editing");
        assert_eq!(
            refusal.problems,
            vec![RefusedAnswer {
                path: "antragsteller.geburtsdatum".into(),
                message_id: "form-date-in-future".into(),
                args: [("max".to_string(), "2026-12-05".to_string())].into(),
            }]
        );
        // Unreadable problems still make a refusal, without details; a draft sent again (no
        // longer editing) is not offered for correction.
        store.submit(draft, Uuid::from_u128(71), &domain::form::Answers::new(), 5)?;
        let again = refusal_of(&store, Some(draft), Some("422"));
        assert_eq!(
            again,
            Refusal {
                draft_id: None,
                problems: Vec::new()
            }
        );
        Ok(())
    }
}
