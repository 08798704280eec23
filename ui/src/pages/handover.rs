//! Handing a draft over to the citizen's own phone, and picking one up there (#14).
//!
//! The device that hands over shows a QR symbol and the same code as 16 characters; the
//! other device takes the code typed (or pasted from a scanner). While the dialog is open it
//! asks every few seconds whether the draft was picked up; then the draft is gone here.

use domain::ipc::ReceiveHandoverRequest;
use domain::ipc::{
    command, DraftRef, HandoverStage, HandoverView, IpcError, QrView, SubmissionRef,
};
use i18n::Arg;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::app::AppContext;
use crate::focus::{focus_soon, local_time};
use crate::ipc::{request, sleep};
use crate::l10n::{error_text, t_args, tr, use_language};
use crate::modal::Modal;

/// How often an open dialog asks whether the draft was picked up.
const ASK_EVERY_MS: i32 = 3_000;

#[derive(Clone)]
enum Shown {
    Asking,
    Handover(HandoverView),
    Failed(IpcError),
}

/// The QR symbol as an image with its name for screen readers (the code is written below it).
#[component]
fn QrSymbol(qr: QrView) -> impl IntoView {
    let view_box = format!("0 0 {0} {0}", qr.size);
    view! {
        <svg class="handover-qr" role="img" aria-labelledby="handover-qr-title" viewBox=view_box
            shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
            <title id="handover-qr-title">{tr("handover-qr-label")}</title>
            <rect width=qr.size height=qr.size fill="#ffffff"/>
            <path d=qr.path fill="#000000"/>
        </svg>
    }
}

/// What is handed over: a draft, or an application queued but never sent (it goes back into
/// its draft first).
#[derive(Clone, PartialEq, Eq)]
pub enum HandOverWhat {
    Draft(String),
    Queued(String),
}

impl HandOverWhat {
    fn id(&self) -> &str {
        match self {
            HandOverWhat::Draft(id) | HandOverWhat::Queued(id) => id,
        }
    }

    async fn hand_over(&self) -> Result<HandoverView, IpcError> {
        match self {
            HandOverWhat::Draft(id) => {
                let draft = DraftRef {
                    draft_id: id.clone(),
                };
                request::<_, HandoverView>(command::HAND_OVER_DRAFT, &draft).await
            }
            HandOverWhat::Queued(id) => {
                let submission = SubmissionRef {
                    submission_id: id.clone(),
                };
                request::<_, HandoverView>(command::HAND_OVER_SUBMISSION, &submission).await
            }
        }
    }
}

/// "Hand over to my phone" on a draft or a queued application, with its dialog.
#[component]
pub fn HandOverDraft(what: HandOverWhat, handed_over_until: Option<String>) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let modal = Modal::new();
    let shown = RwSignal::new(Shown::Asking);
    let open = RwSignal::new(false);
    let dialog_id = format!("handover-{}", what.id());
    let title_id = format!("{dialog_id}-title");
    let ask = move |_| {
        let what = what.clone();
        shown.set(Shown::Asking);
        open.set(true);
        modal.open();
        spawn_local(async move {
            let draft = match what.hand_over().await {
                Ok(view) => {
                    let draft = DraftRef {
                        draft_id: view.draft_id.clone(),
                    };
                    shown.try_set(Shown::Handover(view));
                    focus_soon(".handover-dialog[open] .handover-code");
                    draft
                }
                Err(error) => {
                    shown.try_set(Shown::Failed(error));
                    return;
                }
            };
            // Asks while the dialog is open and the code waits. Closing it reloads the list,
            // which may drop this item (and its signals) while the loop sleeps: `try_`, so a
            // signal gone ends the loop instead of panicking the whole window.
            let still_open = move || open.try_get_untracked().unwrap_or(false);
            while still_open() {
                sleep(ASK_EVERY_MS).await;
                if !still_open() {
                    break;
                }
                if let Ok(view) = request::<_, HandoverView>(command::HANDOVER_STATE, &draft).await
                {
                    let done = view.stage != HandoverStage::Waiting;
                    if shown.try_set(Shown::Handover(view)).is_some() {
                        break;
                    }
                    if done {
                        break;
                    }
                }
            }
        });
    };
    let close = move || {
        open.set(false);
        modal.close();
        // The list changes only now: a draft picked up leaves it (and this dialog with it).
        ctx.changes.update(|n| *n += 1);
    };
    let body = move || {
        match shown.get() {
        Shown::Asking => view! { <p class="kern-body" role="status">{tr("handover-making")}</p> }.into_any(),
        Shown::Failed(error) => view! {
            <p class="kern-body handover-error" role="alert">{move || error_text(&error, language.get())}</p>
        }.into_any(),
        Shown::Handover(view) => match view.stage {
            HandoverStage::Waiting => {
                let expires = view.expires_at.clone();
                view! {
                    <p class="kern-body">{tr("handover-how")}</p>
                    {view.qr.map(|qr| view! { <QrSymbol qr=qr/> })}
                    <p class="kern-body">{tr("handover-code-label")}</p>
                    <p class="handover-code kern-heading-medium" tabindex="-1" translate="no" dir="ltr">{view.code}</p>
                    <p class="kern-body kern-body--small handover-expiry">{move || t_args(language.get(), "handover-valid-until", &[("time", Arg::from(local_time(&expires, language.get())))])}</p>
                    <p class="kern-body kern-body--small" role="status" data-stage="waiting">{tr("handover-waiting")}</p>
                }.into_any()
            }
            HandoverStage::PickedUp => view! {
                <p class="kern-body handover-done" role="status" data-stage="picked_up">{tr("handover-picked-up")}</p>
            }.into_any(),
            HandoverStage::Expired => view! {
                <p class="kern-body handover-done" role="status" data-stage="expired">{tr("handover-expired")}</p>
            }.into_any(),
        },
    }
    };
    let until = handed_over_until.clone();
    let labelled_by = title_id.clone();
    view! {
        {until.map(|until| view! {
            <p class="kern-body kern-body--small handed-over">{move || t_args(language.get(), "handover-waiting-until", &[("time", Arg::from(local_time(&until, language.get())))])}</p>
        })}
        <button type="button" class="kern-btn kern-btn--secondary hand-over-draft" on:click=ask>
            <span class="kern-label">{tr("handover-button")}</span>
        </button>
        <dialog node_ref=modal.node() id=dialog_id class="kern-dialog handover-dialog" aria-labelledby=labelled_by
            on:close=move |_| { if open.get_untracked() { close() } }>
            <div class="kern-dialog__header">
                <h2 id=title_id class="kern-title">{tr("handover-title")}</h2>
            </div>
            <div class="kern-dialog__body">{body}</div>
            <div class="kern-dialog__footer kern-btn-wrapper">
                <button type="button" class="kern-btn kern-btn--primary handover-close" on:click=move |_| close()>
                    <span class="kern-label">{tr("handover-close")}</span>
                </button>
            </div>
        </dialog>
    }
}

/// "Take over a draft from another device": the code typed or pasted, then the draft opens.
#[component]
pub fn ReceiveHandover() -> impl IntoView {
    let language = use_language();
    let navigate = use_navigate();
    let code = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<IpcError>);
    let receive = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let entered = code.get_untracked();
        let navigate = navigate.clone();
        busy.set(true);
        failed.set(None);
        spawn_local(async move {
            let answer = request::<_, DraftRef>(
                command::RECEIVE_HANDOVER,
                &ReceiveHandoverRequest { code: entered },
            )
            .await;
            busy.set(false);
            match answer {
                Ok(draft) => navigate(&crate::routes::draft(&draft.draft_id), Default::default()),
                Err(error) => {
                    failed.set(Some(error));
                    focus_soon("#handover-receive-error");
                }
            }
        });
    };
    view! {
        <section class="applications-section handover-receive" aria-labelledby="handover-receive-heading">
            <h2 id="handover-receive-heading" class="kern-heading-medium">{tr("handover-receive-heading")}</h2>
            <p id="handover-receive-hint" class="kern-body">{tr("handover-receive-hint")}</p>
            <form on:submit=receive>
                <div class="kern-form-input">
                    <label class="kern-label" for="handover-code-input">{tr("handover-code-label")}</label>
                    <input id="handover-code-input" class="kern-form-input__input" type="text" name="handover-code"
                        autocomplete="off" autocapitalize="characters" spellcheck="false" translate="no" dir="ltr"
                        aria-describedby="handover-receive-hint" aria-invalid=move || failed.with(Option::is_some).to_string()
                        prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
                </div>
                {move || failed.get().map(|error| view! {
                    <p id="handover-receive-error" class="kern-body kern-alert kern-alert--danger" role="alert" tabindex="-1">{error_text(&error, language.get())}</p>
                })}
                <button id="handover-receive" type="submit" class="kern-btn kern-btn--primary" aria-disabled=move || busy.get().to_string()>
                    <span class="kern-label">{move || if busy.get() { tr("handover-receiving")() } else { tr("handover-receive")() }}</span>
                </button>
            </form>
        </section>
    }
}
