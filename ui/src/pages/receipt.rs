//! The receipt on a sent application's page (#15): the state API's reference and the SHA-512
//! of the data as it computed it on arrival, checked on the device against what the device
//! sent. The person can keep the reference and the hash to show later what arrived.

use domain::ipc::Receipt;
use domain::receipt::short_hash;
use leptos::prelude::*;

use crate::l10n::tr;

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
            <p class="kern-body kern-body--small">{tr("receipt-explained")}</p>
        </section>
    }
}
