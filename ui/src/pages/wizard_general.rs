//! The general application ("Anliegen an die zuständige Stelle", `domain::GENERAL_APPLICATION_FORM`)
//! serves every service without a form of its own, so its title alone does not say what the
//! request is about. Under the title: the service it concerns and the office it goes to, the
//! one responsible for that service at the person's place, as the service page named it.

use leptos::prelude::*;

use crate::app::AppContext;
use crate::l10n::{t_args, use_language};

/// What the general application concerns and where it goes, in the current language.
fn about(
    ctx: &AppContext,
    leika_key: &str,
    language: domain::Language,
) -> Option<(String, Option<String>)> {
    let home = ctx.settings.with(|s| s.home_municipality.clone());
    ctx.catalog.with(|c| {
        let catalog = &c.as_ref()?.catalog;
        let service = catalog.service(leika_key)?;
        let office = home.as_deref().and_then(|ags| {
            let office = catalog.authority_index().responsible_for(service, ags)?;
            let place = catalog.municipality(ags).map(|m| m.name.clone());
            Some(match place {
                Some(place) => format!("{} ({place})", office.name.get(language)),
                None => office.name.get(language).to_string(),
            })
        });
        Some((service.name.get(language).to_string(), office))
    })
}

/// "Zur Leistung: …" and "Geht an: …", shown only for the general application.
#[component]
pub fn GeneralRequestAbout(leika_key: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let about = Memo::new(move |_| about(&ctx, &leika_key, language.get()));
    move || {
        about.get().map(|(service, office)| {
            let language = language.get();
            view! {
                <p id="general-request-service" class="kern-body">
                    {t_args(language, "wizard-general-service", &[("service", service.into())])}
                </p>
                {office.map(|office| view! {
                    <p id="general-request-office" class="kern-body">
                        {t_args(language, "wizard-general-office", &[("office", office.into())])}
                    </p>
                })}
            }
        })
    }
}
