//! My applications: drafts (continue, withdraw with confirmation), the outbox (queued,
//! sending) and sent applications with their status timeline in plain words, and exactly what
//! was submitted.

use domain::ipc::{
    command, ApplicationStatus, ApplicationSummary, DraftRef, StatusEntry, SubmissionRef,
    SubmissionView, Waiting,
};
use domain::Language;
use i18n::Arg;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::app::AppContext;
use crate::focus::{focus_soon, local_time};
use crate::ipc::{call0, request};
use crate::l10n::{t_args, tr, use_language, Shown};
use crate::modal::Modal;
use crate::pages::handover::{HandOverDraft, HandOverWhat, ReceiveHandover};
use crate::pages::sending::{waiting_id, SendingNotice};
use crate::pages::wizard::yes_no;

/// The Fluent id of a status in plain words.
pub fn status_id(status: ApplicationStatus) -> &'static str {
    status.message_id()
}

fn status_explained_id(status: ApplicationStatus) -> String {
    format!("{}-explained", status_id(status))
}

fn badge_class(status: ApplicationStatus) -> &'static str {
    match status {
        ApplicationStatus::Draft => "kern-badge kern-badge--info",
        ApplicationStatus::Queued | ApplicationStatus::Sending => "kern-badge kern-badge--warning",
        ApplicationStatus::ActionRequired | ApplicationStatus::Rejected => {
            "kern-badge kern-badge--danger"
        }
        _ => "kern-badge kern-badge--success",
    }
}

/// The service's name as shown, and the language it is in (German where it has no translation).
pub(crate) fn service_name(ctx: &AppContext, leika_key: &str, language: Language) -> Shown {
    ctx.catalog
        .with(|c| {
            c.as_ref()
                .and_then(|c| c.catalog.service(leika_key))
                .map(|s| Shown::of(&s.name, language))
        })
        .unwrap_or_else(|| Shown {
            text: leika_key.to_owned(),
            lang: language.tag(),
        })
}

/// Loads the list whenever the shell reports a change.
fn use_applications() -> RwSignal<Option<Vec<ApplicationSummary>>> {
    let ctx = expect_context::<AppContext>();
    let list: RwSignal<Option<Vec<ApplicationSummary>>> = RwSignal::new(None);
    Effect::new(move |_| {
        ctx.changes.track();
        spawn_local(async move {
            match call0::<Vec<ApplicationSummary>>(command::LIST_APPLICATIONS).await {
                Ok(mut found) => {
                    found.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
                    list.set(Some(found));
                }
                Err(_) => list.set(Some(Vec::new())),
            }
        });
    });
    list
}

/// The start page's "continue where you left off": open drafts and what waits to be sent.
#[component]
pub fn OpenApplications() -> impl IntoView {
    let list = use_applications();
    let open = move || {
        list.get()
            .unwrap_or_default()
            .into_iter()
            .filter(|a| {
                matches!(
                    a.status,
                    ApplicationStatus::Draft
                        | ApplicationStatus::Queued
                        | ApplicationStatus::Sending
                        | ApplicationStatus::ActionRequired
                )
            })
            .collect::<Vec<_>>()
    };
    view! {
        <Show when=move || !open().is_empty()>
            <section id="open-applications" class="open-applications" aria-labelledby="open-heading">
                <h2 id="open-heading" class="kern-heading-medium">{tr("applications-open-heading")}</h2>
                <ul class="application-list">
                    <For each=open key=|a| (a.id.clone(), a.status, a.updated_at.clone()) children=move |a| view! { <ApplicationItem summary=a/> }/>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn ApplicationItem(summary: ApplicationSummary) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let key = summary.leika_key.clone();
    let name = move || service_name(&ctx, &key, language.get());
    let name_lang = {
        let name = name.clone();
        move || name().lang
    };
    let name = move || name().text;
    let href = if summary.status == ApplicationStatus::Draft {
        crate::routes::draft(&summary.id)
    } else {
        crate::routes::submission(&summary.id)
    };
    let status = summary.status;
    let updated = summary.updated_at.clone();
    let answered = summary.answered;
    let required = summary.required;
    let is_draft = status == ApplicationStatus::Draft;
    let id = summary.id.clone();
    let waiting = summary.waiting;
    let handed_over_until = summary.handed_over_until.clone();
    let handover_id = id.clone();
    view! {
        <li class="application kern-card" data-application-id=summary.id.clone() data-status=status_id(status)>
            <div class="kern-card__container">
                <h3 class="kern-title application-name"><a class="kern-link" href=href lang=name_lang>{name}</a></h3>
                <p class="kern-body"><span class=badge_class(status)><span class="kern-label">{tr(status_id(status))}</span></span></p>
                <p class="kern-body kern-body--small">{move || t_args(language.get(), "applications-updated", &[("time", Arg::from(local_time(&updated, language.get())))])}</p>
                {(is_draft && required > 0).then(|| view! {
                    <p class="kern-body kern-body--small">{move || t_args(language.get(), "applications-progress", &[("answered", Arg::from(answered as usize)), ("required", Arg::from(required as usize))])}</p>
                })}
                {waiting.map(|w| view! { <p class="kern-body kern-body--small waiting" data-waiting=waiting_id(w)>{move || t_args(language.get(), w.message_id(), &[])}</p> })}
                {is_draft.then(|| view! {
                    <div class="kern-btn-wrapper draft-actions">
                        <HandOverDraft what=HandOverWhat::Draft(handover_id.clone()) handed_over_until=handed_over_until.clone()/>
                        <WithdrawDraft draft_id=id.clone()/>
                    </div>
                })}
                // Queued and never sent (e.g. waiting for a login the visitor cannot give on a
                // shared tablet): it can still go to the person's own phone.
                {(status == ApplicationStatus::Queued).then(|| view! {
                    <div class="kern-btn-wrapper draft-actions">
                        <HandOverDraft what=HandOverWhat::Queued(summary.id.clone()) handed_over_until=None/>
                    </div>
                })}
            </div>
        </li>
    }
}

/// "Delete draft" with a confirmation dialog (native `<dialog>`: focus is trapped and Escape
/// cancels).
#[component]
fn WithdrawDraft(draft_id: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let dialog_id = format!("withdraw-{draft_id}");
    let modal = Modal::new();
    let open = move |_| modal.open();
    let close = move || modal.close();
    let id = draft_id.clone();
    let confirm = move |_| {
        close();
        let body = DraftRef {
            draft_id: id.clone(),
        };
        spawn_local(async move {
            match request::<_, serde_json::Value>(command::DELETE_DRAFT, &body).await {
                Ok(_) => {
                    ctx.changes.update(|n| *n += 1);
                    focus_soon("main h1");
                }
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    let title_id = format!("{dialog_id}-title");
    let labelled_by = title_id.clone();
    view! {
        <button type="button" class="kern-btn kern-btn--tertiary withdraw-draft" on:click=open>
            <span class="kern-label">{tr("applications-withdraw")}</span>
        </button>
        <dialog node_ref=modal.node() id=dialog_id class="kern-dialog withdraw-dialog" aria-labelledby=labelled_by>
            <div class="kern-dialog__header">
                <h2 id=title_id.clone() class="kern-title">{tr("applications-withdraw-title")}</h2>
            </div>
            <div class="kern-dialog__body"><p class="kern-body">{tr("applications-withdraw-body")}</p></div>
            <div class="kern-dialog__footer kern-btn-wrapper">
                <button type="button" class="kern-btn kern-btn--secondary withdraw-cancel" on:click=move |_| close()>
                    <span class="kern-label">{tr("applications-withdraw-cancel")}</span>
                </button>
                <button type="button" class="kern-btn kern-btn--primary withdraw-confirm" on:click=confirm>
                    <span class="kern-label">{tr("applications-withdraw-confirm")}</span>
                </button>
            </div>
        </dialog>
    }
}

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let list = use_applications();
    let group = move |wanted: fn(ApplicationStatus) -> bool| {
        move || {
            list.get()
                .unwrap_or_default()
                .into_iter()
                .filter(|a| wanted(a.status))
                .collect::<Vec<_>>()
        }
    };
    let drafts = group(|s| s == ApplicationStatus::Draft);
    let outbox = group(|s| matches!(s, ApplicationStatus::Queued | ApplicationStatus::Sending));
    let sent = group(|s| {
        !matches!(
            s,
            ApplicationStatus::Draft | ApplicationStatus::Queued | ApplicationStatus::Sending
        )
    });
    let section = move |id: &'static str,
                        heading: &'static str,
                        empty: &'static str,
                        items: Signal<Vec<ApplicationSummary>>| {
        view! {
            <section class="applications-section" aria-labelledby=id>
                <h2 id=id class="kern-heading-medium">{tr(heading)}</h2>
                <Show when=move || !items.with(Vec::is_empty) fallback=move || view! { <p class="kern-body">{tr(empty)}</p> }>
                    <ul class="application-list">
                        <For each=move || items.get() key=|a| (a.id.clone(), a.status, a.updated_at.clone()) children=move |a| view! { <ApplicationItem summary=a/> }/>
                    </ul>
                </Show>
            </section>
        }
    };
    // One notice and one button for everything that waits for the same thing.
    let waiting_count = move |wanted: Waiting| {
        list.with(|l| {
            l.as_ref()
                .map(|l| l.iter().filter(|a| a.waiting == Some(wanted)).count())
                .unwrap_or(0)
        })
    };
    view! {
        <h1 id="applications-heading" class="kern-heading-large" tabindex="-1">{tr("applications-heading")}</h1>
        {move || match (waiting_count(Waiting::Login), waiting_count(Waiting::Connection)) {
            (0, 0) => None,
            (0, _) => Some(view! { <SendingNotice waiting=Waiting::Connection/> }.into_any()),
            (count, _) => Some(view! { <SendingNotice waiting=Waiting::Login count=count/> }.into_any()),
        }}
        {move || match waiting_count(Waiting::Claim) {
            0 => None,
            count => Some(view! { <SendingNotice waiting=Waiting::Claim count=count/> }),
        }}
        <Show when=move || list.with(Option::is_some) fallback=move || view! { <p class="kern-body" role="status">{tr("app-loading")}</p> }>
            {section("drafts-heading", "applications-drafts", "applications-no-drafts", Signal::derive(drafts))}
            {section("outbox-heading", "applications-outbox", "applications-no-outbox", Signal::derive(outbox))}
            {section("sent-heading", "applications-sent", "applications-no-sent", Signal::derive(sent))}
        </Show>
        <ReceiveHandover/>
    }
}

/// One application with the list beside it on a tablet or a desktop (a Digitallotse moves
/// between a visitor's applications without going back); on a phone the list is hidden and
/// the page is the application alone.
#[component]
pub fn SubmissionSplit() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let list = use_applications();
    let params = use_params_map();
    let current = move || params.with(|p| p.get("id").unwrap_or_default());
    view! {
        <div class="split">
            <nav class="split-list" aria-label=tr("applications-heading")>
                <ul>
                    <For each=move || list.get().unwrap_or_default() key=|a| (a.id.clone(), a.status, a.updated_at.clone()) children=move |a| {
                        let href = if a.status == ApplicationStatus::Draft {
                            crate::routes::draft(&a.id)
                        } else {
                            crate::routes::submission(&a.id)
                        };
                        let id = a.id.clone();
                        let key = a.leika_key.clone();
                        let name = move || service_name(&ctx, &key, language.get());
                        let name_lang = {
                            let name = name.clone();
                            move || name().lang
                        };
                        let name = move || name().text;
                        view! {
                            <li>
                                <a class="split-link" href=href data-application-id=a.id.clone()
                                    aria-current=move || (current() == id).then_some("page")>
                                    <span class="split-name" lang=name_lang>{name}</span>
                                    <span class=badge_class(a.status)><span class="kern-label">{tr(status_id(a.status))}</span></span>
                                </a>
                            </li>
                        }
                    }/>
                </ul>
            </nav>
            <div class="split-detail"><SubmissionPage/></div>
        </div>
    }
}

/// One submitted application: its timeline and exactly what was sent.
#[component]
pub fn SubmissionPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let params = use_params_map();
    let query = use_query_map();
    let just_sent = move || query.with(|q| q.get("neu").is_some());
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let view_signal: RwSignal<Option<Result<SubmissionView, String>>> = RwSignal::new(None);
    Effect::new(move |_| {
        let submission_id = id();
        ctx.changes.track();
        spawn_local(async move {
            let answer = request::<_, SubmissionView>(
                command::LOAD_SUBMISSION,
                &SubmissionRef { submission_id },
            )
            .await;
            view_signal.set(Some(answer.map_err(|e| e.message_id)));
        });
    });
    view! {
        {move || match view_signal.get() {
            None => view! { <h1 class="kern-heading-large" tabindex="-1">{tr("app-loading")}</h1> }.into_any(),
            Some(Err(message)) => view! {
                <h1 class="kern-heading-large" tabindex="-1">{tr("applications-not-found")}</h1>
                <p class="kern-body">{tr_dynamic(message)}</p>
            }.into_any(),
            Some(Ok(submission)) => view! { <SubmissionDetail submission=submission just_sent=just_sent()/> }.into_any(),
        }}
    }
}

fn tr_dynamic(id: String) -> impl Fn() -> String {
    let language = use_language();
    move || t_args(language.get(), &id, &[])
}

#[component]
fn SubmissionDetail(submission: SubmissionView, just_sent: bool) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let key = submission.leika_key.clone();
    let name = move || service_name(&ctx, &key, language.get());
    let name_lang = {
        let name = name.clone();
        move || name().lang
    };
    let name = move || name().text;
    let timeline = submission.timeline.clone();
    let current = timeline
        .last()
        .map(|e| e.status)
        .unwrap_or(ApplicationStatus::Queued);
    let definition = submission.definition.clone();
    let data = submission.data.clone();
    // Messages from the authority about this application, newest first.
    let submission_id = submission.submission_id.clone();
    let own_id = submission.submission_id.clone();
    let withdraw_id = own_id.clone();
    let printout_id = own_id.clone();
    let reply_id = own_id.clone();
    let replies = submission.replies.clone();
    let can_reply = submission.can_reply;
    // "Exactly what was sent": once the state API confirmed it has the application.
    let has_receipt = submission.receipt.is_some();
    let receipt = submission.receipt.clone();
    let refusal = submission.refusal.clone();
    let refused_form = submission.definition.clone();
    let messages: RwSignal<Vec<domain::ipc::InboxMessage>> = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        ctx.unread.track();
        ctx.changes.track();
        let submission_id = submission_id.clone();
        spawn_local(async move {
            if let Ok(list) = call0::<Vec<domain::ipc::InboxMessage>>(command::LIST_INBOX).await {
                let mut ours: Vec<_> = list
                    .into_iter()
                    .filter(|m| m.submission_id.as_deref() == Some(submission_id.as_str()))
                    .collect();
                ours.sort_by(|a, b| b.received_at.cmp(&a.received_at));
                messages.set(ours);
            }
        });
    });
    let attachments = submission.attachments.clone();
    let waiting = submission.waiting;
    view! {
        <nav class="breadcrumb" aria-label=tr("service-breadcrumb")>
            <a class="kern-link" href=crate::routes::APPLICATIONS>{tr("nav-applications")}</a>
        </nav>
        <h1 id="submission-heading" class="kern-heading-large" tabindex="-1" lang=name_lang>{name}</h1>
        {just_sent.then(|| view! {
            <div class="kern-alert kern-alert--success" role="status">
                <div class="kern-alert__body"><p class="kern-body">{tr(if waiting == Some(Waiting::Login) { "applications-just-sent-login" } else { "applications-just-sent" })}</p></div>
            </div>
        })}
        {waiting.map(|w| view! { <SendingNotice waiting=w submission=own_id/> })}
        {refusal.map(|r| view! { <crate::pages::refusal::RefusalDetail refusal=r definition=refused_form/> })}
        <p class="kern-body">
            <span class="kern-body--bold">{tr("applications-status")}": "</span>
            <span id="submission-status" class=badge_class(current) data-status=status_id(current)><span class="kern-label">{tr(status_id(current))}</span></span>
        </p>
        <p class="kern-body kern-body--small">{tr(leak(status_explained_id(current)))}</p>
        {receipt.map(|r| view! { <crate::pages::receipt::ReceiptDetail receipt=r/> })}
        {has_receipt.then(|| view! {
            <crate::pages::printout::SavePrintout
                of=domain::ipc::PrintoutOf::Submission { submission_id: printout_id.clone() }
                label="printout-save" hint="printout-explained"/>
        })}
        {(!replies.is_empty()).then(|| view! { <crate::pages::reply::ReplyList replies=replies.clone()/> })}
        {can_reply.then(|| view! { <crate::pages::reply::ReplyToAuthority submission_id=reply_id.clone()/> })}
        {current.can_be_withdrawn().then(|| view! { <crate::pages::withdraw::WithdrawApplication submission_id=withdraw_id.clone()/> })}
        <div class="submission-panes">
            <section aria-labelledby="timeline-heading">
                <h2 id="timeline-heading" class="kern-heading-medium">{tr("applications-timeline")}</h2>
                <Show when=move || !messages.with(Vec::is_empty)>
                    <h3 class="kern-heading-small">{tr("applications-messages")}</h3>
                    <ul id="submission-messages" class="timeline-messages">
                        {move || messages.get().into_iter().map(|m| {
                            let at = m.received_at.clone();
                            view! {
                                <li class="kern-card timeline-message">
                                    <div class="kern-card__container">
                                        <p class="kern-body kern-body--bold">{m.subject.clone()}</p>
                                        <p class="kern-body kern-body--small">
                                            {(!m.sender.is_empty()).then(|| view! { <bdi>{m.sender.clone()}</bdi>", " })}
                                            <bdi>{move || local_time(&at, language.get())}</bdi>
                                        </p>
                                        <p class="kern-body inbox-body">{m.body.clone()}</p>
                                        {(!m.documents.is_empty()).then(|| view! {
                                            <crate::pages::reply::MessageDocuments message_id=m.message_id.clone() documents=m.documents.clone()/>
                                        })}
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </Show>
                <ol id="timeline" class="timeline">
                    {timeline.into_iter().map(|entry: StatusEntry| {
                        let at = entry.at.clone();
                        view! {
                            <li class="timeline__entry" data-status=status_id(entry.status)>
                                <p class="kern-body kern-body--bold">{tr(status_id(entry.status))}</p>
                                <p class="kern-body kern-body--small">{move || local_time(&at, language.get())}</p>
                                {entry.note.clone().map(|n| view! { <p class="kern-body">{n}</p> })}
                                {entry.signature.map(|signature| view! {
                                    <p class="kern-body kern-body--small timeline__signature" data-signature=signature.name()>
                                        {tr(signature.message_id())}
                                    </p>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
            <section aria-labelledby="sent-data-heading">
                <h2 id="sent-data-heading" class="kern-heading-medium">{tr("applications-what-was-sent")}</h2>
                <dl id="sent-data" class="review-list">
                    {move || {
                        let language = language.get();
                        domain::form::shown::answer_rows(&definition, &data, language, &yes_no(language))
                    }.into_iter().map(|domain::form::shown::AnswerRow { label, value }| view! {
                        <div class="review-row review-row--two">
                            <dt class="kern-body kern-body--bold review-key">{label}</dt>
                            <dd class="kern-body review-value">{value}</dd>
                        </div>
                    }).collect_view()}
                </dl>
                {(!attachments.is_empty()).then(|| view! {
                    <h3 class="kern-heading-small">{tr("applications-attachments")}</h3>
                    <ul class="kern-list">
                        {attachments.iter().map(|a| view! { <li class="kern-body">{a.file_name.clone()}</li> }).collect_view()}
                    </ul>
                })}
            </section>
        </div>
    }
}

/// Fluent ids are static in `tr`; statuses are few, so their "explained" ids are leaked once.
fn leak(id: String) -> &'static str {
    thread_local! {
        static IDS: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    IDS.with(|ids| {
        if let Some(found) = ids.borrow().iter().find(|s| **s == id) {
            return *found;
        }
        let leaked: &'static str = Box::leak(id.into_boxed_str());
        ids.borrow_mut().push(leaked);
        leaked
    })
}
