//! The receipt on a sent application's page (#15): the state API's reference and the SHA-512
//! of the data as it computed it on arrival, checked on the device against what the device
//! sent; and the receiving authority's signed receipt as the device checked it against the
//! trust anchor built into the app. The person can keep the reference, the hash and the
//! signed receipt to show later what arrived.

use domain::ipc::Receipt;
use domain::receipt::{short_hash, SignedReceipt};
use leptos::prelude::*;

use crate::app::AppContext;
use crate::focus::local_time_millis;
use crate::l10n::{t_args, tr, use_language};
use i18n::Arg;

/// What the authority's signature says, as the device checked it.
#[component]
fn Signature(signed: Option<SignedReceipt>) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let language = use_language();
    let Some(signed) = signed else {
        return view! {
            <p id="receipt-signature" class="kern-body" data-signature="none">{tr("receipt-signed-none")}</p>
        }
        .into_any();
    };
    let state = match signed.problem {
        None if signed.is_verified() => "verified",
        _ => "refused",
    };
    let token = signed.token.clone();
    let message = move || {
        let language = language.get();
        let Some(at) = signed.received_at.filter(|_| signed.problem.is_none()) else {
            return t_args(language, signed.message_id(), &[]);
        };
        let authority = signed
            .destination
            .as_deref()
            .and_then(|id| {
                ctx.catalog.with(|c| {
                    c.as_ref().and_then(|c| {
                        c.catalog
                            .authorities
                            .iter()
                            .find(|a| a.id == id)
                            .map(|a| a.name.get(language).to_string())
                    })
                })
            })
            .unwrap_or_else(|| signed.destination.clone().unwrap_or_default());
        t_args(
            language,
            signed.message_id(),
            &[
                ("authority", Arg::from(authority)),
                ("time", Arg::from(local_time_millis(at, language))),
            ],
        )
    };
    let class = if state == "verified" {
        "kern-alert kern-alert--success"
    } else {
        "kern-alert kern-alert--warning"
    };
    view! {
        <div id="receipt-signature" class=class data-signature=state>
            <div class="kern-alert__body"><p class="kern-body">{message}</p></div>
        </div>
        <details class="receipt-full">
            <summary class="kern-link">{tr("receipt-signed-token")}</summary>
            <code id="receipt-token" class="receipt-hash">{token}</code>
        </details>
    }
    .into_any()
}

#[component]
pub fn ReceiptDetail(receipt: Receipt) -> impl IntoView {
    let (class, verdict) = if receipt.matches {
        ("kern-alert kern-alert--success", "receipt-matches")
    } else {
        ("kern-alert kern-alert--danger", "receipt-differs")
    };
    view! {
        <section id="receipt" class="receipt" aria-labelledby="receipt-heading" data-matches=receipt.matches.to_string()>
            <h2 id="receipt-heading" class="kern-heading-medium">{tr("receipt-heading")}</h2>
            <div class=class>
                <div class="kern-alert__body"><p class="kern-body">{tr(verdict)}</p></div>
            </div>
            <dl class="kern-description-list">
                <div class="kern-description-list-item">
                    <dt class="kern-description-list-item__key">{tr("receipt-reference")}</dt>
                    <dd id="receipt-reference" class="kern-description-list-item__value">{receipt.reference.clone()}</dd>
                </div>
                <div class="kern-description-list-item">
                    <dt class="kern-description-list-item__key">{tr("receipt-hash")}</dt>
                    <dd class="kern-description-list-item__value">
                        <span id="receipt-hash-short">{short_hash(&receipt.data_sha512)}</span>
                        <details class="receipt-full">
                            <summary class="kern-link">{tr("receipt-hash-full")}</summary>
                            <code id="receipt-hash" class="receipt-hash">{receipt.data_sha512.clone()}</code>
                        </details>
                    </dd>
                </div>
            </dl>
            <h3 class="kern-heading-small">{tr("receipt-signed-heading")}</h3>
            <Signature signed=receipt.signed.clone()/>
            <p class="kern-body kern-body--small">{tr("receipt-explained")}</p>
        </section>
    }
}
