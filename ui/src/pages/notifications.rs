//! Settings → "Benachrichtigungen" (#18): off until the person agrees; then each kind
//! (new status, new message, unfinished application, a deadline or the end of a permit) can
//! be switched off. The hint says that
//! the notifications name nothing personal, so they can show on a locked screen.

use domain::ipc::SettingsUpdate;
use domain::notify::NotificationSettings;
use leptos::prelude::*;

use crate::app::AppContext;
use crate::l10n::tr;

fn change(ctx: AppContext, edit: impl Fn(&mut NotificationSettings)) {
    let mut chosen = ctx.settings.with_untracked(|s| s.notifications);
    edit(&mut chosen);
    ctx.settings.update(|s| s.notifications = chosen);
    super::settings::update(
        ctx,
        SettingsUpdate {
            notifications: Some(chosen),
            ..Default::default()
        },
    );
}

#[component]
pub fn NotificationChoices() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let enabled = move || ctx.settings.with(|s| s.notifications.enabled);
    let kind = move |id: &'static str,
                     label: &'static str,
                     get: fn(&NotificationSettings) -> bool,
                     set: fn(&mut NotificationSettings, bool)| {
        view! {
            <div class="kern-form-check">
                <input id=id class="kern-form-check__checkbox" type="checkbox"
                    prop:checked=move || ctx.settings.with(|s| get(&s.notifications))
                    prop:disabled=move || !enabled()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        change(ctx, |n| set(n, on));
                    }/>
                <label class="kern-label" for=id>{tr(label)}</label>
            </div>
        }
    };
    view! {
        <section class="settings-notifications" aria-labelledby="notifications-heading">
            <h2 id="notifications-heading" class="kern-heading-small">{tr("settings-notifications")}</h2>
            <p id="notifications-hint" class="kern-body kern-body--small">{tr("settings-notifications-hint")}</p>
            <div class="kern-form-check">
                <input id="notifications-enabled" class="kern-form-check__checkbox" type="checkbox"
                    aria-describedby="notifications-hint"
                    prop:checked=enabled
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        change(ctx, |n| n.enabled = on);
                    }/>
                <label class="kern-label" for="notifications-enabled">{tr("settings-notifications-enabled")}</label>
            </div>
            <fieldset class="kern-fieldset" prop:disabled=move || !enabled()>
                <legend class="kern-label">{tr("settings-notifications-kinds")}</legend>
                <div class="kern-fieldset__body">
                    {kind("notifications-status", "settings-notifications-status", |n| n.status, |n, on| n.status = on)}
                    {kind("notifications-messages", "settings-notifications-messages", |n| n.messages, |n, on| n.messages = on)}
                    {kind("notifications-drafts", "settings-notifications-drafts", |n| n.drafts, |n, on| n.drafts = on)}
                    {kind("notifications-dates", "settings-notifications-dates", |n| n.dates, |n, on| n.dates = on)}
                </div>
            </fieldset>
        </section>
    }
}
