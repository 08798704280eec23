//! What a queued application waits for, said in plain words, with the one thing the person can
//! do about it: log in when sending needs a login, or send now after a failed try.

use domain::ipc::{command, AccountView, Waiting};
use i18n::Arg;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::AppContext;
use crate::ipc::call0;
use crate::l10n::{t_args, tr, use_language};

/// The notice for `count` applications (1 on an application's own page) waiting for `waiting`.
#[component]
pub fn SendingNotice(waiting: Waiting, #[prop(default = 1)] count: usize) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let busy = RwSignal::new(false);
    let log_in = move |_| {
        busy.set(true);
        spawn_local(async move {
            let answer = call0::<AccountView>(command::LOG_IN).await;
            busy.set(false);
            match answer {
                // The shell wakes the outbox; the pages reload and the notice goes away.
                Ok(_) => ctx.changes.update(|n| *n += 1),
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    let send_now = move |_| {
        busy.set(true);
        spawn_local(async move {
            let answer = call0::<serde_json::Value>(command::SYNC_NOW).await;
            busy.set(false);
            match answer {
                Ok(_) => ctx.changes.update(|n| *n += 1),
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    let text = move || match waiting {
        Waiting::Login => t_args(
            language.get(),
            "waiting-login-count",
            &[("count", Arg::from(count))],
        ),
        other => t_args(language.get(), other.message_id(), &[]),
    };
    let action = match waiting {
        Waiting::Login => Some(
            view! {
                <button id="log-in-to-send" type="button" class="kern-btn kern-btn--primary" on:click=log_in prop:disabled=move || busy.get()>
                    <span class="kern-label">{tr("sending-log-in")}</span>
                </button>
                <Show when=move || busy.get()>
                    <p class="kern-body" role="status">{tr("sending-log-in-pending")}</p>
                </Show>
            }
            .into_any(),
        ),
        Waiting::Connection => Some(
            view! {
                <button id="send-now" type="button" class="kern-btn kern-btn--secondary" on:click=send_now prop:disabled=move || busy.get()>
                    <span class="kern-label">{tr("sending-now")}</span>
                </button>
            }
            .into_any(),
        ),
        Waiting::Refused => None,
    };
    let tone = match waiting {
        Waiting::Refused => "kern-alert kern-alert--danger sending-notice",
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
    }
}
