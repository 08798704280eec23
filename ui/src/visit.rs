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
use crate::l10n::{error_text, t_args, tr, use_language};
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
    let noted = Closure::<dyn FnMut()>::new(|| note_input(false));
    for kind in ["keydown", "pointerdown"] {
        let _ = window.add_event_listener_with_callback(kind, noted.as_ref().unchecked_ref());
    }
    // Lives as long as the page.
    noted.forget();
}

/// Tells the shell the visitor is there, at most every few seconds unless `now`.
fn note_input(now: bool) {
    if !RUNNING.with(Cell::get) {
        return;
    }
    let at = crate::clock::now_millis();
    if !now && at - LAST_NOTE.with(Cell::get) < INPUT_NOTE_EVERY_MS {
        return;
    }
    LAST_NOTE.with(|l| l.set(at));
    spawn_local(async {
        let _ = call0::<()>(command::NOTE_ACTIVITY).await;
    });
}

/// Starts the window over on the start page: the screens of the person before are gone.
pub fn start_over() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace("/");
    }
}

/// Starts a session ("Neue Beratung starten", from the settings or the lock): the window
/// starts over in it, or the error says why not.
fn start_visit(ctx: AppContext) {
    spawn_local(async move {
        match call0::<VisitView>(command::START_VISIT).await {
            Ok(_) => start_over(),
            Err(error) => ctx.error.set(Some(error)),
        }
    });
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
    // The last minutes of an idle session: a modal says so; "continue" counts as input.
    let warning = Modal::new();
    Effect::new(move |_| {
        if ctx.visit_ending.get().is_some() {
            warning.open();
        }
    });
    let go_on = move |_| {
        note_input(true);
        ctx.visit_ending.set(None);
        warning.close();
    };
    view! {
        <dialog node_ref=warning.node() id="visit-ending-dialog" class="kern-dialog withdraw-dialog" aria-labelledby="visit-ending-title">
            <div class="kern-dialog__header">
                <h2 id="visit-ending-title" class="kern-title">{tr("visit-ending-title")}</h2>
            </div>
            <div class="kern-dialog__body">
                <p class="kern-body">{move || {
                    let seconds = ctx.visit_ending.get().unwrap_or(0);
                    t_args(language.get(), "visit-ending-body", &[("seconds", Arg::from(seconds))])
                }}</p>
            </div>
            <div class="kern-dialog__footer kern-btn-wrapper">
                <button id="visit-continue" type="button" class="kern-btn kern-btn--primary" on:click=go_on>
                    <span class="kern-label">{tr("visit-continue")}</span>
                </button>
            </div>
        </dialog>
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
    let start = move |_| start_visit(ctx);
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

/// A shared device between sessions: the PIN, or a new session; nothing of its person.
#[component]
pub fn LockScreen() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let pin = RwSignal::new(String::new());
    let failed = RwSignal::new(None::<domain::ipc::IpcError>);
    let unlock = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let entered = pin.get_untracked();
        spawn_local(async move {
            match request::<_, VisitView>(
                command::UNLOCK_DEVICE,
                &domain::ipc::UnlockRequest { pin: entered },
            )
            .await
            {
                Ok(_) => start_over(),
                Err(error) => {
                    pin.set(String::new());
                    failed.set(Some(error));
                    crate::focus::focus_soon("#lock-error");
                }
            }
        });
    };
    let start = move |_| start_visit(ctx);
    view! {
        <h1 id="lock-heading" class="kern-heading-large" tabindex="-1">{tr("lock-heading")}</h1>
        <p class="kern-body">{tr("lock-intro")}</p>
        <button id="start-visit" type="button" class="kern-btn kern-btn--primary" on:click=start>
            <span class="kern-label">{tr("settings-visit-start")}</span>
        </button>
        <form class="lock-form" on:submit=unlock>
            <div class="kern-form-input">
                <label class="kern-label" for="lock-pin">{tr("lock-pin")}</label>
                <input id="lock-pin" class="kern-form-input__input" type="password" inputmode="numeric"
                    autocomplete="off" maxlength="12" aria-describedby="lock-error"
                    prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
            </div>
            <div id="lock-error" tabindex="-1">
                {move || failed.get().map(|error| view! {
                    <p class="kern-error" role="alert"><span class="kern-body">{error_text(&error, language.get())}</span></p>
                })}
            </div>
            <button id="unlock-device" type="submit" class="kern-btn kern-btn--secondary">
                <span class="kern-label">{tr("lock-unlock")}</span>
            </button>
        </form>
    }
}

/// In the settings, outside a session: set the device up as shared (a PIN), lock it now, or
/// end the sharing.
#[component]
pub fn SharedDevice() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let failed = RwSignal::new(None::<String>);
    let set_pin = move |new_pin: Option<String>| {
        spawn_local(async move {
            match request::<_, VisitView>(
                command::SET_DEVICE_PIN,
                &domain::ipc::DevicePinRequest { pin: new_pin },
            )
            .await
            {
                Ok(view) => {
                    pin.set(String::new());
                    again.set(String::new());
                    failed.set(None);
                    ctx.visit.set(Some(view));
                }
                Err(error) => failed.set(Some(error_text(&error, language.get_untracked()))),
            }
        });
    };
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if pin.get_untracked() != again.get_untracked() {
            failed.set(Some(t_args(
                language.get_untracked(),
                "settings-shared-mismatch",
                &[],
            )));
            return;
        }
        set_pin(Some(pin.get_untracked()));
    };
    let lock = move |_| {
        spawn_local(async move {
            match call0::<VisitView>(command::LOCK_DEVICE).await {
                Ok(_) => start_over(),
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    let shared = move || ctx.visit.with(|v| v.as_ref().is_some_and(|v| v.shared));
    let in_session = move || ctx.visit.with(|v| v.as_ref().is_some_and(|v| v.active));
    view! {
        <Show when=move || !in_session()>
            <section class="settings-shared" aria-labelledby="shared-heading">
                <h2 id="shared-heading" class="kern-heading-small">{tr("settings-shared")}</h2>
                <p class="kern-body" id="shared-intro">{tr("settings-shared-intro")}</p>
                <Show when=shared fallback=move || view! {
                    <form class="shared-form" on:submit=submit>
                        <div class="kern-form-input">
                            <label class="kern-label" for="device-pin">{tr("settings-shared-pin")}</label>
                            <input id="device-pin" class="kern-form-input__input" type="password" inputmode="numeric"
                                autocomplete="new-password" maxlength="12" aria-describedby="shared-error"
                                prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
                        </div>
                        <div class="kern-form-input">
                            <label class="kern-label" for="device-pin-again">{tr("settings-shared-pin-again")}</label>
                            <input id="device-pin-again" class="kern-form-input__input" type="password" inputmode="numeric"
                                autocomplete="new-password" maxlength="12" aria-describedby="shared-error"
                                prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev))/>
                        </div>
                        <div id="shared-error">
                            {move || failed.get().map(|text| view! {
                                <p class="kern-error" role="alert"><span class="kern-body">{text}</span></p>
                            })}
                        </div>
                        <button id="set-device-pin" type="submit" class="kern-btn kern-btn--secondary">
                            <span class="kern-label">{tr("settings-shared-set")}</span>
                        </button>
                    </form>
                }>
                    <p class="kern-body kern-body--bold" id="shared-on">{tr("settings-shared-on")}</p>
                    <div class="kern-btn-wrapper">
                        <button id="lock-device" type="button" class="kern-btn kern-btn--primary" on:click=lock>
                            <span class="kern-label">{tr("settings-shared-lock")}</span>
                        </button>
                        <button id="unset-device-pin" type="button" class="kern-btn kern-btn--tertiary" on:click=move |_| set_pin(None)>
                            <span class="kern-label">{tr("settings-shared-off")}</span>
                        </button>
                    </div>
                </Show>
            </section>
        </Show>
    }
}

/// In the settings, outside a session: the record of sessions on this device, for the
/// Digitallotse's volunteer report (days, counts, services; nothing about the visitors).
#[component]
pub fn VisitReportList() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let report = RwSignal::new(None::<domain::ipc::VisitReport>);
    let in_session = move || ctx.visit.with(|v| v.as_ref().is_some_and(|v| v.active));
    spawn_local(async move {
        if !in_session() {
            if let Ok(loaded) = call0::<domain::ipc::VisitReport>(command::VISIT_REPORT).await {
                report.set(Some(loaded));
            }
        }
    });
    let has_days = move || report.with(|r| r.as_ref().is_some_and(|r| !r.days.is_empty()));
    view! {
        <Show when=move || !in_session() && has_days()>
            <section class="settings-visit-report" aria-labelledby="visit-report-heading">
                <h2 id="visit-report-heading" class="kern-heading-small">{tr("visit-report")}</h2>
                <ul class="visit-report" id="visit-report">
                    {move || report.get().map(|r| r.days.into_iter().map(|day| {
                        let date = domain::form::Date::parse(&day.day)
                            .map(|d| domain::format::date(d, language.get()))
                            .unwrap_or_else(|| day.day.clone());
                        let summary = t_args(language.get(), "visit-report-day", &[
                            ("date", Arg::from(date)),
                            ("sessions", Arg::from(day.sessions)),
                            ("sent", Arg::from(day.sent)),
                        ]);
                        let services = day.services.iter().map(|s| {
                            let name = crate::pages::applications::service_name(&ctx, &s.leika_key, language.get());
                            view! { <li><span lang=name.lang>{name.text}</span>{format!(" ({})", s.sessions)}</li> }
                        }).collect_view();
                        view! {
                            <li class="visit-report__day" data-day=day.day.clone()>
                                <p class="kern-body">{summary}</p>
                                <ul class="visit-report__services">{services}</ul>
                            </li>
                        }
                    }).collect_view())}
                </ul>
            </section>
        </Show>
    }
}
