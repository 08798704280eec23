//! The Datenschutzerklärung (GDPR article 13) and the Impressum (§ 5 DDG, § 18 MStV), both
//! required of a public app in Germany, in every language. Every paragraph is a message of
//! `legal.ftl`; the sections below give their order. The texts describe what the code does
//! (each claim and the code that shows it: `docs/legal-facts.md`); parts
//! the state must still fill in (names, addresses, periods) are in square brackets and the page
//! says so above them, as the accessibility statement does.

use leptos::prelude::*;

use i18n::legal::{Section, IMPRINT, PRIVACY};

use crate::l10n::tr;

/// One legal page: heading, introduction, the notice of what is still to be filled in, and the
/// sections. `id` names the page (`privacy`, `imprint`) for its heading's id.
fn legal_page(
    id: &'static str,
    heading: &'static str,
    intro: &'static str,
    pending: &'static str,
    sections: &'static [Section],
) -> impl IntoView {
    view! {
        <article class="prose legal">
            <h1 id=format!("{id}-heading") class="kern-heading-large" tabindex="-1">{tr(heading)}</h1>
            <p class="kern-body">{tr(intro)}</p>
            <div class="kern-alert kern-alert--warning legal-pending" role="note">
                <div class="kern-alert__body">
                    <p class="kern-body">{tr(pending)}</p>
                </div>
            </div>
            {sections.iter().enumerate().map(|(i, section)| {
                let heading_id = format!("{id}-section-{i}");
                let labelled_by = heading_id.clone();
                view! {
                    <section aria-labelledby=labelled_by>
                        <h2 id=heading_id class="kern-heading-medium">{tr(section.heading)}</h2>
                        {section.paragraphs.iter().map(|&p| view! { <p class="kern-body">{tr(p)}</p> }).collect_view()}
                    </section>
                }
            }).collect_view()}
        </article>
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    legal_page(
        "privacy",
        "privacy-heading",
        "privacy-intro",
        "privacy-pending",
        PRIVACY,
    )
}

#[component]
pub fn ImprintPage() -> impl IntoView {
    legal_page(
        "imprint",
        "imprint-heading",
        "imprint-intro",
        "imprint-pending",
        IMPRINT,
    )
}
