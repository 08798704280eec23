//! "Withdraw application" on a sent application's page (#18), with a confirmation dialog
//! (native `<dialog>`: focus stays in it, Escape cancels). Withdrawing needs a connection and
//! the sender's login; what went wrong is said in the app's error banner, and the application
//! stays as it was.

use domain::ipc::{command, SubmissionRef, SubmissionView};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::AppContext;
use crate::focus::focus_soon;
use crate::ipc::request;
use crate::l10n::tr;
use crate::modal::Modal;

#[component]
pub fn WithdrawApplication(submission_id: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let modal = Modal::new();
    let busy = RwSignal::new(false);
    let open = move |_| modal.open();
    let close = move || modal.close();
    let confirm = move |_| {
        close();
        busy.set(true);
        let body = SubmissionRef {
            submission_id: submission_id.clone(),
        };
        spawn_local(async move {
            match request::<_, SubmissionView>(command::WITHDRAW_SUBMISSION, &body).await {
                Ok(_) => {
                    // The page loads the application again: its status and timeline show it.
                    ctx.changes.update(|n| *n += 1);
                    focus_soon("#submission-status");
                }
                Err(error) => ctx.error.set(Some(error)),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="withdraw-application" aria-labelledby="withdraw-application-heading">
            <h2 id="withdraw-application-heading" class="kern-heading-small">{tr("submission-withdraw")}</h2>
            <p class="kern-body kern-body--small" id="withdraw-application-hint">{tr("submission-withdraw-hint")}</p>
            <button id="withdraw-application" type="button" class="kern-btn kern-btn--secondary"
                aria-describedby="withdraw-application-hint" disabled=move || busy.get() on:click=open>
                <span class="kern-label">{tr("submission-withdraw")}</span>
            </button>
            <dialog node_ref=modal.node() id="withdraw-application-dialog" class="kern-dialog withdraw-dialog" aria-labelledby="withdraw-application-title">
                <div class="kern-dialog__header">
                    <h2 id="withdraw-application-title" class="kern-title">{tr("submission-withdraw-title")}</h2>
                </div>
                <div class="kern-dialog__body"><p class="kern-body">{tr("submission-withdraw-body")}</p></div>
                <div class="kern-dialog__footer kern-btn-wrapper">
                    <button id="withdraw-application-cancel" type="button" class="kern-btn kern-btn--secondary" on:click=move |_| close()>
                        <span class="kern-label">{tr("submission-withdraw-cancel")}</span>
                    </button>
                    <button id="withdraw-application-confirm" type="button" class="kern-btn kern-btn--primary" on:click=confirm>
                        <span class="kern-label">{tr("submission-withdraw-confirm")}</span>
                    </button>
                </div>
            </dialog>
        </section>
    }
}
