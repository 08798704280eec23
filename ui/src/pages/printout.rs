//! "Save as PDF" on a sent application's page (#15), and "Save summary as PDF" on the review
//! page of one not sent (#14, to take to the authority): the shell makes the printout and
//! saves it; the page says where, and opens it in the system's PDF viewer to read or print. What went wrong is said in the app's error banner; nothing of the
//! application changes.

use domain::ipc::{command, PrintoutOf, PrintoutSaved};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::AppContext;
use crate::focus::focus_soon;
use crate::ipc::request;
use crate::l10n::tr;

/// The save button with its hint (`label` and `hint` are Fluent ids), and after saving, where
/// the file is and a button to open it.
#[component]
pub fn SavePrintout(of: PrintoutOf, label: &'static str, hint: &'static str) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let saved: RwSignal<Option<String>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let body = of;
    let save = {
        let body = body.clone();
        move |_| {
            busy.set(true);
            saved.set(None);
            let body = body.clone();
            spawn_local(async move {
                match request::<_, PrintoutSaved>(command::SAVE_PRINTOUT, &body).await {
                    Ok(done) => {
                        saved.set(Some(done.path));
                        focus_soon("#printout-saved");
                    }
                    Err(error) => ctx.error.set(Some(error)),
                }
                busy.set(false);
            });
        }
    };
    let open = move |_| {
        let body = body.clone();
        spawn_local(async move {
            if let Err(error) = request::<_, ()>(command::OPEN_PRINTOUT, &body).await {
                ctx.error.set(Some(error));
            }
        });
    };
    view! {
        <section class="printout" aria-labelledby="printout-heading">
            <h2 id="printout-heading" class="kern-heading-small">{tr(label)}</h2>
            <p id="printout-hint" class="kern-body kern-body--small">{tr(hint)}</p>
            <button id="printout-save" type="button" class="kern-btn kern-btn--secondary"
                aria-describedby="printout-hint" disabled=move || busy.get() on:click=save>
                <span class="kern-label">{move || if busy.get() { tr("printout-saving")() } else { tr(label)() }}</span>
            </button>
            {move || saved.get().map(|path| {
                let shown = path.clone();
                let open = open.clone();
                // A path reads left to right in every language: isolated, so an Arabic
                // sentence does not move its slashes.
                view! {
                    <p id="printout-saved" class="kern-body printout__saved" tabindex="-1" role="status" data-path=path>
                        {tr("printout-saved")}" "<bdi dir="ltr" class="printout__path">{shown}</bdi>
                    </p>
                    <button id="printout-open" type="button" class="kern-btn kern-btn--tertiary" on:click=open>
                        <span class="kern-label">{tr("printout-open")}</span>
                    </button>
                }
            })}
        </section>
    }
}
