//! Settings: language, text size (up to 200 %), high contrast, home municipality (by postal
//! code or name) and the account (log in / out).

use domain::ipc::{command, AccountView, Settings, SettingsUpdate, TextSize};
use domain::text::fold;
use domain::Language;
use i18n::Arg;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::AppContext;
use crate::ipc::{call0, request};
use crate::l10n::{t_args, tr, use_language};
use crate::modal::Modal;

/// Applies a change at once and stores it through the shell.
pub(crate) fn update(ctx: AppContext, change: SettingsUpdate) {
    ctx.settings.update(|s| {
        if let Some(language) = change.language {
            s.language = language;
        }
        if let Some(home) = change.home_municipality.clone() {
            s.home_municipality = home;
        }
        if let Some(size) = change.text_size {
            s.text_size = size;
        }
        if let Some(contrast) = change.high_contrast {
            s.high_contrast = contrast;
        }
        if let Some(notifications) = change.notifications {
            s.notifications = notifications;
        }
    });
    spawn_local(async move {
        if let Err(error) = request::<_, Settings>(command::UPDATE_SETTINGS, &change).await {
            ctx.error.set(Some(error));
            // Show what the shell kept (e.g. notifications the system did not allow stay off).
            if let Ok(kept) = crate::ipc::call0::<Settings>(command::GET_SETTINGS).await {
                ctx.settings.set(kept);
            }
        }
    });
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let choose_language = move |chosen: Language| {
        spawn_local(async move {
            if crate::app::switch_language(ctx, language, chosen).await {
                update(
                    ctx,
                    SettingsUpdate {
                        language: Some(chosen),
                        ..Default::default()
                    },
                );
            }
        });
    };
    let size_option = move |size: TextSize, id: &'static str, label: &'static str| {
        view! {
            <div class="kern-form-check">
                <input class="kern-form-check__radio" type="radio" name="text-size" id=id
                    prop:checked=move || ctx.settings.with(|s| s.text_size == size)
                    on:change=move |_| update(ctx, SettingsUpdate { text_size: Some(size), ..Default::default() })/>
                <label class="kern-label" for=id>{tr(label)}</label>
            </div>
        }
    };
    view! {
        <h1 id="settings-heading" class="kern-heading-large" tabindex="-1">{tr("settings-heading")}</h1>
        <div class="settings-grid">
            <fieldset class="kern-fieldset">
                <legend class="kern-label">{tr("settings-language")}</legend>
                <div class="kern-fieldset__body">
                    {Language::ALL
                        .into_iter()
                        .map(|offered| {
                            let id = format!("settings-language-{}", offered.code());
                            view! {
                                <div class="kern-form-check">
                                    <input class="kern-form-check__radio" type="radio" name="language" id=id.clone() lang=offered.tag()
                                        prop:checked=move || language.get() == offered on:change=move |_| choose_language(offered)/>
                                    <label class="kern-label" for=id lang=offered.tag()>{offered.endonym()}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <fieldset class="kern-fieldset">
                <legend class="kern-label">{tr("settings-text-size")}</legend>
                <div class="kern-fieldset__body">
                    {size_option(TextSize::Normal, "text-size-normal", "settings-text-normal")}
                    {size_option(TextSize::Large, "text-size-large", "settings-text-large")}
                    {size_option(TextSize::Largest, "text-size-largest", "settings-text-largest")}
                </div>
            </fieldset>
            <div class="kern-form-check settings-contrast">
                <input id="high-contrast" class="kern-form-check__checkbox" type="checkbox"
                    prop:checked=move || ctx.settings.with(|s| s.high_contrast)
                    on:change=move |ev| update(ctx, SettingsUpdate { high_contrast: Some(event_target_checked(&ev)), ..Default::default() })/>
                <label class="kern-label" for="high-contrast">{tr("settings-high-contrast")}</label>
            </div>
            <HomeMunicipality/>
            <crate::pages::notifications::NotificationChoices/>
            <Account/>
            <crate::visit::VisitStart/>
            <crate::visit::SharedDevice/>
            <crate::visit::VisitReportList/>
            <MyDetailsKept/>
            <section class="settings-legal" aria-labelledby="legal-heading">
                <h2 id="legal-heading" class="kern-heading-small">{tr("settings-legal")}</h2>
                <ul class="kern-list">
                    <li><a id="settings-privacy" class="kern-link" href=crate::routes::PRIVACY>{tr("privacy-link")}</a></li>
                    <li><a id="settings-imprint" class="kern-link" href=crate::routes::IMPRINT>{tr("imprint-link")}</a></li>
                    <li><a id="settings-accessibility" class="kern-link" href=crate::routes::ACCESSIBILITY>{tr("a11y-link")}</a></li>
                </ul>
            </section>
        </div>
    }
}

#[component]
fn HomeMunicipality() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let query = RwSignal::new(String::new());
    let current = move || {
        let home = ctx.settings.with(|s| s.home_municipality.clone())?;
        ctx.catalog.with(|c| {
            c.as_ref()
                .and_then(|c| c.catalog.municipality(&home))
                .map(|m| m.name.clone())
        })
    };
    let matches = Memo::new(move |_| {
        let query = query.get();
        let query = query.trim();
        if query.len() < 2 {
            return Vec::new();
        }
        ctx.catalog.with(|c| {
            let Some(c) = c else { return Vec::new() };
            let catalog = &c.catalog;
            if query.bytes().all(|b| b.is_ascii_digit()) {
                if query.len() == 5 {
                    return catalog
                        .municipalities_for_postal_code(query)
                        .into_iter()
                        .map(|m| (m.ags.clone(), format!("{} ({query})", m.name)))
                        .collect();
                }
                return Vec::new();
            }
            let folded = fold(query);
            let mut found: Vec<(String, String)> = catalog
                .municipalities
                .iter()
                .filter(|m| fold(&m.name).contains(&folded))
                .take(20)
                .map(|m| (m.ags.clone(), m.name.clone()))
                .collect();
            found.sort_by(|a, b| a.1.cmp(&b.1));
            found
        })
    });
    view! {
        <section class="settings-home" aria-labelledby="home-municipality-heading">
            <h2 id="home-municipality-heading" class="kern-heading-small">{tr("settings-home")}</h2>
            <p class="kern-body" id="home-current">
                {move || match current() {
                    Some(name) => t_args(language.get(), "settings-home-current", &[("name", Arg::from(name.as_str()))]),
                    None => tr("settings-home-none")(),
                }}
            </p>
            <div class="kern-form-input">
                <label class="kern-label" for="home-municipality">{tr("settings-home-search")}</label>
                <div class="kern-hint" id="home-municipality-hint">{tr("settings-home-hint")}</div>
                <input id="home-municipality" class="kern-form-input__input" type="text" autocomplete="postal-code"
                    aria-describedby="home-municipality-hint" aria-controls="home-results"
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
            </div>
            <p class="kern-body kern-body--small" role="status" aria-live="polite">
                {move || {
                    let n = matches.with(Vec::len);
                    if query.with(|q| q.trim().len() < 2) { String::new() } else { t_args(language.get(), "settings-home-results", &[("count", Arg::from(n))]) }
                }}
            </p>
            <ul id="home-results" class="home-results">
                <For each=move || matches.get() key=|(ags, _)| ags.clone() children=move |(ags, name)| {
                    let chosen = ags.clone();
                    view! {
                        <li>
                            <button type="button" class="kern-btn kern-btn--secondary home-choice" data-ags=ags
                                on:click=move |_| {
                                    update(ctx, SettingsUpdate { home_municipality: Some(Some(chosen.clone())), ..Default::default() });
                                    query.set(String::new());
                                    crate::focus::focus_soon("#home-current");
                                }>
                                <span class="kern-label">{name}</span>
                            </button>
                        </li>
                    }
                }/>
            </ul>
        </section>
    }
}

#[component]
fn Account() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let account: RwSignal<Option<AccountView>> = RwSignal::new(None);
    let reload = move || {
        spawn_local(async move {
            if let Ok(view) = call0::<AccountView>(command::ACCOUNT).await {
                account.set(Some(view));
            }
        });
    };
    reload();
    let log_in = move |_| {
        spawn_local(async move {
            match call0::<AccountView>(command::LOG_IN).await {
                Ok(view) => account.set(Some(view)),
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    let log_out = move |_| {
        spawn_local(async move {
            match call0::<serde_json::Value>(command::LOG_OUT).await {
                Ok(_) => reload(),
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    view! {
        <section class="settings-account" aria-labelledby="account-heading">
            <h2 id="account-heading" class="kern-heading-small">{tr("settings-account")}</h2>
            {move || match account.get() {
                Some(a) if a.logged_in => view! {
                    <p class="kern-body" id="account-state">{t_args(language.get(), "settings-logged-in", &[("name", Arg::from(a.display_name.clone().unwrap_or_default().as_str()))])}</p>
                    {a.needs_login.then(|| view! { <p class="kern-body">{tr("settings-needs-login")}</p> })}
                    <button id="log-out" type="button" class="kern-btn kern-btn--secondary" on:click=log_out><span class="kern-label">{tr("settings-log-out")}</span></button>
                }.into_any(),
                // Until the shell answered, say nothing is known yet: no flash of "logged out"
                // and no button that is replaced while someone presses it.
                None => view! {
                    <p class="kern-body" id="account-loading">{tr("app-loading")}</p>
                }.into_any(),
                Some(_) => view! {
                    <p class="kern-body" id="account-state">{tr("settings-logged-out")}</p>
                    <button id="log-in" type="button" class="kern-btn kern-btn--primary" on:click=log_in><span class="kern-label">{tr("settings-log-in")}</span></button>
                }.into_any(),
            }}
            <ForgetThisDevice on_done=reload/>
        </section>
    }
}

/// The details the person kept for later forms, and a way to delete them.
#[component]
fn MyDetailsKept() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let kept: RwSignal<Vec<domain::form::autofill::Detail>> = RwSignal::new(Vec::new());
    spawn_local(async move {
        if let Ok(mine) = call0::<domain::ipc::MyDetails>(command::LOAD_MY_DETAILS).await {
            kept.set(domain::form::autofill::kept(&mine.details));
        }
    });
    let forget = move |_| {
        spawn_local(async move {
            match call0::<domain::ipc::MyDetails>(command::FORGET_MY_DETAILS).await {
                Ok(_) => kept.set(Vec::new()),
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    let names = move || {
        kept.get()
            .iter()
            .map(|d| t_args(language.get(), d.message_id(), &[]))
            .collect::<Vec<_>>()
            .join(", ")
    };
    view! {
        <Show when=move || !kept.with(Vec::is_empty)>
            <section class="settings-details" aria-labelledby="my-details-heading">
                <h2 id="my-details-heading" class="kern-heading-small">{tr("settings-details")}</h2>
                <p class="kern-body" id="my-details-kept">{move || t_args(language.get(), "settings-details-kept", &[("details", Arg::from(names().as_str()))])}</p>
                <button id="forget-my-details" type="button" class="kern-btn kern-btn--secondary" on:click=forget>
                    <span class="kern-label">{tr("settings-details-forget")}</span>
                </button>
            </section>
        </Show>
    }
}

/// "Delete my data from this device": logs out and deletes drafts, applications, messages and
/// the home municipality, after a confirmation that says what will not be sent.
#[component]
fn ForgetThisDevice(on_done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let unsent = RwSignal::new(0usize);
    let done = RwSignal::new(false);
    let modal = Modal::new();
    let open = move |_| {
        done.set(false);
        spawn_local(async move {
            // Say how many applications would not be sent.
            if let Ok(list) =
                call0::<Vec<domain::ipc::ApplicationSummary>>(command::LIST_APPLICATIONS).await
            {
                unsent.set(
                    list.iter()
                        .filter(|a| {
                            matches!(
                                a.status,
                                domain::ipc::ApplicationStatus::Queued
                                    | domain::ipc::ApplicationStatus::Sending
                            )
                        })
                        .count(),
                );
            }
            modal.open();
        });
    };
    let close = move || modal.close();
    let confirm = move |_| {
        close();
        spawn_local(async move {
            match call0::<domain::ipc::Forgotten>(command::FORGET_PERSONAL_DATA).await {
                Ok(_) => {
                    done.set(true);
                    ctx.settings.update(|s| s.home_municipality = None);
                    ctx.unread.set(0);
                    ctx.changes.update(|n| *n += 1);
                    on_done();
                    crate::focus::focus_soon("#forget-done");
                }
                Err(error) => ctx.error.set(Some(error)),
            }
        });
    };
    view! {
        <p class="kern-body kern-body--small" id="forget-hint">{tr("settings-forget-hint")}</p>
        <button id="forget-device" type="button" class="kern-btn kern-btn--tertiary" aria-describedby="forget-hint" on:click=open>
            <span class="kern-label">{tr("settings-forget")}</span>
        </button>
        <Show when=move || done.get()>
            <p class="kern-body" id="forget-done" role="status" tabindex="-1">{tr("settings-forgotten")}</p>
        </Show>
        <dialog node_ref=modal.node() id="forget-dialog" class="kern-dialog withdraw-dialog" aria-labelledby="forget-title">
            <div class="kern-dialog__header">
                <h2 id="forget-title" class="kern-title">{tr("settings-forget-title")}</h2>
            </div>
            <div class="kern-dialog__body">
                <p class="kern-body">{tr("settings-forget-body")}</p>
                <Show when=move || { unsent.get() > 0 }>
                    <p class="kern-body kern-body--bold" id="forget-unsent">{move || t_args(language.get(), "settings-forget-unsent", &[("count", Arg::from(unsent.get()))])}</p>
                </Show>
            </div>
            <div class="kern-dialog__footer kern-btn-wrapper">
                <button type="button" class="kern-btn kern-btn--secondary" id="forget-cancel" on:click=move |_| close()>
                    <span class="kern-label">{tr("settings-forget-cancel")}</span>
                </button>
                <button type="button" class="kern-btn kern-btn--primary" id="forget-confirm" on:click=confirm>
                    <span class="kern-label">{tr("settings-forget-confirm")}</span>
                </button>
            </div>
        </dialog>
    }
}
