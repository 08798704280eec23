//! Pages loaded when first opened (#20): the start page, the service catalog, is in the wasm
//! the window loads; every other page lives in a part of its own that `scripts/build-ui.sh`
//! cuts out of the wasm (`wasm-split-cli`) and the window fetches on first use.
//!
//! Each page below is a split point (`wasm_split_helpers`): the code only that page reaches
//! (the wizard with the form engine, the review, the handover; the settings; …) moves to its
//! part, and code two parts share moves to a chunk both load. A part that cannot be loaded
//! (a damaged installation) says so and offers to try again; nothing the person entered is
//! lost, since drafts live in the shell's store.
//!
//! Splitting needs the wasm linked with `--emit-relocs` (`build-ui.sh` asks for it on the ui
//! crate's link alone); a wasm that was not split cannot start, so `build-ui.sh` refuses to
//! assemble one.

use std::future::Future;

use leptos::prelude::*;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

use crate::l10n::tr;
use crate::pages::accessibility::{AccessibilityPage, FeedbackPage};
use crate::pages::applications::{ApplicationsPage, SubmissionSplit};
use crate::pages::guide::GuidePage;
use crate::pages::inbox::InboxPage;
use crate::pages::legal::{ImprintPage, PrivacyPage};
use crate::pages::service::ServicePage;
use crate::pages::settings::SettingsPage;
use crate::pages::wizard::WizardPage;

/// Renders a page whose code loads first: "loading" (a status, no heading, so focus moves to the
/// page's heading once it is there), then the page, or what went wrong.
fn deferred<F>(load: impl Fn() -> F + Copy + Send + Sync + 'static) -> AnyView
where
    F: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    let page = move || {
        attempt.track();
        Suspend::new(send_wrapper::SendWrapper::new(async move {
            match load().await {
                Ok(page) => page,
                Err(_) => view! { <LoadFailed attempt/> }.into_any(),
            }
        }))
    };
    view! {
        <Suspense fallback=|| view! { <p class="kern-body" role="status">{tr("app-loading")}</p> }>
            {page}
        </Suspense>
    }
    .into_any()
}

/// The part of the app a page needs could not be loaded.
#[component]
fn LoadFailed(attempt: RwSignal<u32>) -> impl IntoView {
    crate::focus::focus_heading_soon();
    view! {
        <div id="part-failed" class="kern-alert kern-alert--danger" role="alert">
            <div class="kern-alert__header">
                <h1 class="kern-title" tabindex="-1">{tr("app-part-failed-title")}</h1>
            </div>
            <div class="kern-alert__body">
                <p class="kern-body">{tr("app-part-failed-body")}</p>
                <button id="part-retry" type="button" class="kern-btn kern-btn--primary"
                    on:click=move |_| attempt.update(|n| *n += 1)>
                    <span class="kern-label">{tr("app-part-failed-retry")}</span>
                </button>
            </div>
        </div>
    }
}

/// Declares a page that loads on first use: a route component `$route` that shows `$page`,
/// whose code lives in the split part `$part`.
macro_rules! deferred_page {
    ($route:ident, $part:ident, $load:ident, $page:ident) => {
        #[wasm_split($part, fallible)]
        fn $load() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$page/> }.into_any())
        }

        #[component]
        pub fn $route() -> impl IntoView {
            deferred($load)
        }
    };
}

deferred_page!(ServiceRoute, service, load_service, ServicePage);
deferred_page!(GuideRoute, service, load_guide, GuidePage);
deferred_page!(WizardRoute, wizard, load_wizard, WizardPage);
deferred_page!(
    ApplicationsRoute,
    applications,
    load_applications,
    ApplicationsPage
);
deferred_page!(
    SubmissionRoute,
    applications,
    load_submission,
    SubmissionSplit
);
deferred_page!(InboxRoute, inbox, load_inbox, InboxPage);
deferred_page!(SettingsRoute, settings, load_settings, SettingsPage);
deferred_page!(
    AccessibilityRoute,
    accessibility,
    load_accessibility,
    AccessibilityPage
);
deferred_page!(FeedbackRoute, accessibility, load_feedback, FeedbackPage);
deferred_page!(PrivacyRoute, legal, load_privacy, PrivacyPage);
deferred_page!(ImprintRoute, legal, load_imprint, ImprintPage);

/// Loads the wizard's part in the background, so that "apply" opens the form at once: the
/// service page calls it where it offers to apply. A part that cannot be loaded is said when
/// the wizard opens (the route tries again then).
pub async fn preload_wizard() {
    let _ = __wasm_split_preload_load_wizard().await;
}
