//! What a queued application waits for, said in plain words, with the one thing the person can
//! do about it: log in when sending needs a login, send it with their account when it was
//! queued on this device without a login, or send now after a failed try.

use domain::ipc::{command, AccountView, IpcError, SubmissionRef, Waiting};
use i18n::Arg;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::AppContext;
use crate::ipc::{call0, request};
use crate::l10n::{t_args, tr, use_language};

/// The person takes an application queued on this device without a login as theirs.
async fn claim(submission_id: String) -> Result<(), IpcError> {
    request::<_, ()>(command::CLAIM_SUBMISSION, &SubmissionRef { submission_id }).await
}

/// The notice for `count` applications waiting for `waiting`, or for the one application
/// `submission` on its own page. Only there can an application be sent with the person's
/// account: a login from the list sends nothing that someone else queued on this device.
#[component]
pub fn SendingNotice(
    waiting: Waiting,
    #[prop(default = 1)] count: usize,
    #[prop(optional)] submission: Option<String>,
) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let busy = RwSignal::new(false);
    // Runs one action; on success the pages reload (the shell has woken the outbox).
    let act = move |action: std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<(), IpcError>>>,
    >| {
        busy.set(true);
        spawn_local(async move {
            let answer = action.await;
            busy.set(false);
            match answer {
                Ok(()) => ctx.changes.update(|n| *n += 1),
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    let on_page = submission.clone();
    let log_in = move |_| {
        let on_page = on_page.clone();
        act(Box::pin(async move {
            call0::<AccountView>(command::LOG_IN).await?;
            match on_page {
                // Logged in from this application's own page: it is the person's.
                Some(id) => claim(id).await,
                None => Ok(()),
            }
        }))
    };
    let to_claim = submission.clone();
    let take = move |_| {
        if let Some(id) = to_claim.clone() {
            act(Box::pin(claim(id)));
        }
    };
    let send_now = move |_| {
        act(Box::pin(async move {
            call0::<serde_json::Value>(command::SYNC_NOW)
                .await
                .map(|_| ())
        }))
    };
    let single = submission.is_some();
    let text = move || match (waiting, single) {
        (Waiting::Login, false) => t_args(
            language.get(),
            "waiting-login-count",
            &[("count", Arg::from(count))],
        ),
        (Waiting::Claim, false) => t_args(
            language.get(),
            "waiting-claim-count",
            &[("count", Arg::from(count))],
        ),
        (other, _) => t_args(language.get(), other.message_id(), &[]),
    };
    let action = match waiting {
        Waiting::Login => Some(
            view! {
                <button id="log-in-to-send" type="button" class="kern-btn kern-btn--primary" on:click=log_in prop:disabled=move || busy.get()>
                    <span class="kern-label">{tr(if single { "sending-log-in" } else { "settings-log-in" })}</span>
                </button>
                <Show when=move || busy.get()>
                    <p class="kern-body" role="status">{tr("sending-log-in-pending")}</p>
                </Show>
            }
            .into_any(),
        ),
        Waiting::Claim if single => Some(
            view! {
                <button id="send-with-my-account" type="button" class="kern-btn kern-btn--primary" on:click=take prop:disabled=move || busy.get()>
                    <span class="kern-label">{tr("sending-claim")}</span>
                </button>
            }
            .into_any(),
        ),
        Waiting::Connection | Waiting::AuthorityKeys => Some(
            view! {
                <button id="send-now" type="button" class="kern-btn kern-btn--secondary" on:click=send_now prop:disabled=move || busy.get()>
                    <span class="kern-label">{tr("sending-now")}</span>
                </button>
            }
            .into_any(),
        ),
        Waiting::Claim | Waiting::Refused => None,
    };
    let tone = match waiting {
        Waiting::Refused => "kern-alert kern-alert--danger sending-notice",
        Waiting::AuthorityKeys => "kern-alert kern-alert--warning sending-notice",
        _ => "kern-alert kern-alert--info sending-notice",
    };
    view! {
        <div class=tone data-waiting=waiting_id(waiting)>
            <div class="kern-alert__body">
                <p class="kern-body">{text}</p>
                {action}
            </div>
        </div>
    }
}

/// A stable name for tests and styles.
pub fn waiting_id(waiting: Waiting) -> &'static str {
    match waiting {
        Waiting::Login => "login",
        Waiting::Connection => "connection",
        Waiting::Refused => "refused",
        Waiting::Claim => "claim",
        Waiting::AuthorityKeys => "authority-keys",
    }
}
