//! The accessibility statement (Erklärung zur Barrierefreiheit, § 12b BGG / ThürBarrWebG) and
//! the feedback channel for accessibility problems. Every text is in `accessibility.ftl`.

use leptos::prelude::*;

use crate::l10n::tr;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <article class="prose">
            <h1 id="a11y-heading" class="kern-heading-large" tabindex="-1">{tr("a11y-heading")}</h1>
            <p class="kern-body">{tr("a11y-intro")}</p>
            <h2 class="kern-heading-medium">{tr("a11y-status-heading")}</h2>
            <p class="kern-body">{tr("a11y-status")}</p>
            <h2 class="kern-heading-medium">{tr("a11y-gaps-heading")}</h2>
            <ul class="kern-list">
                <li class="kern-body">{tr("a11y-gap-easy-language")}</li>
                <li class="kern-body">{tr("a11y-gap-sign-language")}</li>
                <li class="kern-body">{tr("a11y-gap-authority-texts")}</li>
            </ul>
            <h2 class="kern-heading-medium">{tr("a11y-made-heading")}</h2>
            <p class="kern-body">{tr("a11y-made")}</p>
            <h2 class="kern-heading-medium">{tr("a11y-feedback-heading")}</h2>
            <p class="kern-body">{tr("a11y-feedback-intro")}" "
                <a class="kern-link" href="/barrierefreiheit/feedback">{tr("a11y-feedback-link")}</a>
            </p>
            <h2 class="kern-heading-medium">{tr("a11y-enforcement-heading")}</h2>
            <p class="kern-body">{tr("a11y-enforcement")}</p>
            <address class="kern-body a11y-address">{tr("a11y-enforcement-address")}</address>
        </article>
    }
}

#[component]
pub fn FeedbackPage() -> impl IntoView {
    view! {
        <article class="prose">
            <nav class="breadcrumb" aria-label=tr("service-breadcrumb")>
                <a class="kern-link" href="/barrierefreiheit">{tr("a11y-heading")}</a>
            </nav>
            <h1 id="feedback-heading" class="kern-heading-large" tabindex="-1">{tr("a11y-feedback-heading")}</h1>
            <p class="kern-body">{tr("a11y-feedback-body")}</p>
            <ul class="kern-list">
                <li class="kern-body"><a class="kern-link" href="tel:115">{tr("a11y-feedback-phone")}</a></li>
            </ul>
            <p class="kern-body">{tr("a11y-feedback-what")}</p>
            <p class="kern-body kern-body--small">{tr("a11y-feedback-later")}</p>
        </article>
    }
}
