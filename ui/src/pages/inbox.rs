//! The inbox: messages from authorities, newest first; opening one marks it read.

use domain::ipc::{command, InboxMessage, MessageRef};
use i18n::Arg;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{refresh_unread, AppContext};
use crate::focus::local_time;
use crate::ipc::{call0, request};
use crate::l10n::{t_args, tr, use_language};

#[component]
pub fn InboxPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let messages: RwSignal<Option<Vec<InboxMessage>>> = RwSignal::new(None);
    Effect::new(move |_| {
        ctx.unread.track();
        ctx.changes.track();
        spawn_local(async move {
            match call0::<Vec<InboxMessage>>(command::LIST_INBOX).await {
                Ok(mut list) => {
                    list.sort_by(|a, b| b.received_at.cmp(&a.received_at));
                    messages.set(Some(list));
                }
                Err(_) => messages.set(Some(Vec::new())),
            }
        });
    });
    let language = use_language();
    view! {
        <h1 id="inbox-heading" class="kern-heading-large" tabindex="-1">{tr("inbox-heading")}</h1>
        <p class="kern-body" id="inbox-unread">{move || t_args(language.get(), "inbox-unread", &[("count", Arg::from(ctx.unread.get() as usize))])}</p>
        <Show when=move || messages.with(Option::is_some) fallback=move || view! { <p class="kern-body" role="status">{tr("app-loading")}</p> }>
            <Show when=move || messages.with(|m| m.as_ref().is_some_and(|m| !m.is_empty())) fallback=move || view! { <p class="kern-body">{tr("inbox-empty")}</p> }>
                <ul id="inbox-list" class="inbox-list">
                    <For each=move || messages.get().unwrap_or_default() key=|m| (m.message_id.clone(), m.read) children=move |m| view! { <Message message=m/> }/>
                </ul>
            </Show>
        </Show>
    }
}

#[component]
fn Message(message: InboxMessage) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let id = message.message_id.clone();
    let unread = !message.read;
    let on_toggle = move |_| {
        if !unread {
            return;
        }
        let body = MessageRef {
            message_id: id.clone(),
        };
        spawn_local(async move {
            if request::<_, serde_json::Value>(command::MARK_MESSAGE_READ, &body)
                .await
                .is_ok()
            {
                refresh_unread(ctx).await;
            }
        });
    };
    let received = message.received_at.clone();
    let link = message
        .submission_id
        .clone()
        .map(|s| crate::routes::submission(&s));
    view! {
        <li class="inbox-message kern-card" data-message-id=message.message_id.clone() data-unread=unread.to_string()>
            <details class="kern-card__container" on:toggle=on_toggle>
                <summary class="inbox-message__summary">
                    {unread.then(|| view! { <span class="kern-badge kern-badge--info"><span class="kern-label">{tr("inbox-new")}</span></span>" " })}
                    <span class="kern-title inbox-subject">{message.subject.clone()}</span>
                    <span class="kern-body kern-body--small inbox-meta">
                        {(!message.sender.is_empty()).then(|| view! { <bdi>{message.sender.clone()}</bdi>", " })}
                        <bdi>{move || local_time(&received, language.get())}</bdi>
                    </span>
                </summary>
                <p class="kern-body inbox-body">{message.body.clone()}</p>
                {(!message.documents.is_empty()).then(|| view! {
                    <crate::pages::reply::MessageDocuments message_id=message.message_id.clone() documents=message.documents.clone()/>
                })}
                {link.map(|href| view! { <p class="kern-body"><a class="kern-link" href=href>{tr("inbox-to-application")}</a></p> })}
            </details>
        </li>
    }
}
