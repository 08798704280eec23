//! Assisted sessions ("Beratung", #14) in the window: the notice on every page while one runs,
//! with "Beratung beenden" always in reach; the question when the visitor leaves work unsent;
//! starting one from the settings; and telling the shell about input, so a session nobody uses
//! any more ends by itself. Starting and ending reload the window: nothing of one person's
//! screens stays in memory for the next.

use std::cell::Cell;

use domain::ipc::{command, EndVisitRequest, VisitEnd, VisitView};
use i18n::Arg;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;

use crate::app::AppContext;
use crate::ipc::{call0, request};
use crate::l10n::{t_args, tr, use_language};
use crate::modal::Modal;

/// At most one note of input per this many milliseconds.
const INPUT_NOTE_EVERY_MS: i64 = 10_000;

thread_local! {
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    static LAST_NOTE: Cell<i64> = const { Cell::new(0) };
}

/// Reads whether a session runs (at start) and begins watching input while one does.
pub async fn load(ctx: AppContext) {
    if let Ok(view) = call0::<VisitView>(command::VISIT_STATUS).await {
        RUNNING.with(|r| r.set(view.active));
        ctx.visit.set(Some(view));
    }
    watch_input();
}

/// Keys and pointers in the window count as the visitor being there.
fn watch_input() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let noted = Closure::<dyn FnMut()>::new(|| {
        if !RUNNING.with(Cell::get) {
            return;
        }
        let now = crate::clock::now_millis();
        if now - LAST_NOTE.with(Cell::get) < INPUT_NOTE_EVERY_MS {
            return;
        }
        LAST_NOTE.with(|l| l.set(now));
        spawn_local(async {
            let _ = call0::<()>(command::NOTE_ACTIVITY).await;
        });
    });
    for kind in ["keydown", "pointerdown"] {
        let _ = window.add_event_listener_with_callback(kind, noted.as_ref().unchecked_ref());
    }
    // Lives as long as the page.
    noted.forget();
}

/// Starts the window over on the start page: the screens of the person before are gone.
pub fn start_over() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace("/");
    }
}

/// While a session runs: what it means, and the way to end it, on every page.
#[component]
pub fn VisitBanner() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let unsent = RwSignal::new((0u32, 0u32));
    let modal = Modal::new();
    let end = move |discard_unsent: bool| {
        spawn_local(async move {
            let answer =
                request::<_, VisitEnd>(command::END_VISIT, &EndVisitRequest { discard_unsent })
                    .await;
            match answer {
                Ok(VisitEnd::Ended) => start_over(),
                Ok(VisitEnd::Unsent {
                    drafts,
                    applications,
                }) => {
                    unsent.set((drafts, applications));
                    modal.open();
                }
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    let running = move || ctx.visit.with(|v| v.as_ref().is_some_and(|v| v.active));
    view! {
        <Show when=running>
            <section id="visit-banner" class="kern-alert kern-alert--info visit-banner" aria-labelledby="visit-banner-title">
                <div class="kern-alert__body">
                    <p id="visit-banner-title" class="kern-body kern-body--bold">{tr("visit-running")}</p>
                    <p class="kern-body">{move || {
                        let minutes = ctx.visit.with(|v| v.as_ref().map_or(0, |v| v.idle_minutes));
                        t_args(language.get(), "visit-running-body", &[("minutes", Arg::from(minutes))])
                    }}</p>
                    <button id="end-visit" type="button" class="kern-btn kern-btn--primary" on:click=move |_| end(false)>
                        <span class="kern-label">{tr("visit-end")}</span>
                    </button>
                </div>
            </section>
        </Show>
        <dialog node_ref=modal.node() id="visit-unsent-dialog" class="kern-dialog withdraw-dialog" aria-labelledby="visit-unsent-title">
            <div class="kern-dialog__header">
                <h2 id="visit-unsent-title" class="kern-title">{tr("visit-unsent-title")}</h2>
            </div>
            <div class="kern-dialog__body">
                <p class="kern-body" id="visit-unsent-body">{move || {
                    let (drafts, applications) = unsent.get();
                    t_args(language.get(), "visit-unsent-body", &[("drafts", Arg::from(drafts)), ("applications", Arg::from(applications))])
                }}</p>
            </div>
            <div class="kern-dialog__footer kern-btn-wrapper">
                <a id="visit-unsent-applications" class="kern-btn kern-btn--secondary" href=crate::routes::APPLICATIONS on:click=move |_| modal.close()>
                    <span class="kern-label">{tr("visit-unsent-to-applications")}</span>
                </a>
                <button id="visit-unsent-discard" type="button" class="kern-btn kern-btn--primary" on:click=move |_| { modal.close(); end(true); }>
                    <span class="kern-label">{tr("visit-unsent-discard")}</span>
                </button>
            </div>
        </dialog>
    }
}

/// In the settings: what an assisted session is, and the button that starts one.
#[component]
pub fn VisitStart() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let start = move |_| {
        spawn_local(async move {
            match call0::<VisitView>(command::START_VISIT).await {
                Ok(_) => start_over(),
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    let running = move || ctx.visit.with(|v| v.as_ref().is_some_and(|v| v.active));
    view! {
        <section class="settings-visit" aria-labelledby="visit-heading">
            <h2 id="visit-heading" class="kern-heading-small">{tr("settings-visit")}</h2>
            <p class="kern-body" id="visit-intro">{move || {
                let minutes = ctx.visit.with(|v| v.as_ref().map_or(15, |v| v.idle_minutes));
                t_args(language.get(), "settings-visit-intro", &[("minutes", Arg::from(minutes))])
            }}</p>
            <Show when=move || !running()>
                <button id="start-visit" type="button" class="kern-btn kern-btn--secondary" aria-describedby="visit-intro" on:click=start>
                    <span class="kern-label">{tr("settings-visit-start")}</span>
                </button>
            </Show>
        </section>
    }
}
