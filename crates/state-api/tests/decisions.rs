//! The state API records an authority's decision only when it holds: the event and the
//! receipt signed with a key of the destination's published key set, about this submission,
//! naming its data's hash and attachments. A forged receipt, a key not in the set, a decision
//! on an unknown or decided submission and a decision replayed onto another are refused; the
//! same decision posted again answers as before. Every answer agrees with the OpenAPI document.
mod common;
mod spec;

use common::external::{citizen_view, external_server, submitted};
use common::{new_id, problem_code, TestServer};
use serde_json::{json, Value};
use spec::Answer;

const DECISION: &str = "/admin/v1/submissions/{id}/decision";
const SEALED: &str = "/admin/v1/submissions/{id}/sealed";
const ATTACHMENT: &str = "/admin/v1/submissions/{id}/attachments/{attachment_id}";

/// Erfurt's signature of a decision on the citizen's submission `id`, made with the keys the
/// state API published (the test holds the same key directory as the authority's program).
fn signed(
    server: &TestServer,
    id: &str,
    status: &str,
    reasons: &[&str],
    receipt: Option<jose::Receipt>,
) -> Value {
    let destinations = server.state.backend().destinations();
    let now = server.state.backend().now();
    let reasons = reasons.iter().map(|r| r.to_string()).collect();
    let event =
        state_api::service::destinations::step_event("erfurt", id, status, now, reasons, now);
    json!({
        "signedEvent": destinations.sign_event(&event).expect("signed"),
        "receipt": receipt.map(|r| destinations.sign_receipt(&r).expect("signed")),
    })
}

/// The receipt Erfurt gives for submission `id` with `data_sha512`, without attachments.
fn receipt(server: &TestServer, id: &str, data_sha512: &str) -> jose::Receipt {
    state_api::service::destinations::receipt(
        id,
        "erfurt",
        data_sha512,
        &[],
        server.state.backend().now(),
    )
}

struct Seen {
    answers: Vec<Answer>,
}

impl Seen {
    async fn decide(&mut self, server: &TestServer, id: &str, body: &Value) -> (u16, String) {
        let response = server
            .admin_post(&format!("/admin/v1/submissions/{id}/decision"), body)
            .await;
        let answer = Answer::of("post", DECISION, response).await;
        self.answers.push(answer.clone());
        let code = answer.json()["code"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        (answer.status, code)
    }
}

#[tokio::test]
async fn only_a_decision_that_holds_under_the_published_keys_is_recorded() {
    let server = external_server().await;
    let anna = server.login("anna").await;
    let mut seen = Seen {
        answers: Vec::new(),
    };
    let data = json!({"name": "Ida"});
    let hash = common::sha512_hex(domain::receipt::canonical_json(&data).as_bytes());
    let (_, first) = submitted(&server, &anna.access, &[], &data).await;
    let (_, second) = submitted(&server, &anna.access, &[], &data).await;
    let good = signed(
        &server,
        &first,
        "RECEIVED",
        &[],
        Some(receipt(&server, &first, &hash)),
    );

    // Unknown, and not submitted yet.
    assert_eq!(seen.decide(&server, &new_id(), &good).await.0, 404);
    let initiated = new_id();
    let created = server
        .create(&anna.access, &initiated, &common::create_body(&[]))
        .await;
    assert_eq!(created.status(), 201);
    assert_eq!(
        seen.decide(&server, &initiated, &good).await,
        (409, "not_sealed".to_string())
    );

    // A key not in the destination's key set: the event, or the receipt.
    let stranger = jose::SigningKey::generate_sized("erfurt-sig-stranger", 2048).expect("key");
    let now = server.state.backend().now();
    let event = state_api::service::destinations::step_event(
        "erfurt",
        &first,
        "RECEIVED",
        now,
        vec![],
        now,
    );
    let wrong_key = json!({
        "signedEvent": stranger.sign(jose::claims::EVENT_TYPE, &event).expect("signed"),
        "receipt": good["receipt"],
    });
    let forged_receipt = json!({
        "signedEvent": good["signedEvent"],
        "receipt": stranger
            .sign(jose::claims::RECEIPT_TYPE, &receipt(&server, &first, &hash))
            .expect("signed"),
    });
    // Erfurt's key, but a receipt for other data, or without one, or a refusal without reasons.
    let other_data = signed(
        &server,
        &first,
        "RECEIVED",
        &[],
        Some(receipt(&server, &first, &common::sha512_hex(b"other"))),
    );
    let no_receipt = signed(&server, &first, "RECEIVED", &[], None);
    let no_reasons = signed(&server, &first, "REJECTED", &[], None);
    let later_step = signed(&server, &first, "COMPLETED", &[], None);
    for (what, body, expected) in [
        (
            "an event signed with another key",
            &wrong_key,
            "decision_not_verified",
        ),
        (
            "a receipt signed with another key",
            &forged_receipt,
            "decision_not_verified",
        ),
        (
            "a receipt for other data",
            &other_data,
            "decision_not_verified",
        ),
        ("no receipt", &no_receipt, "validation_failed"),
        (
            "a refusal without reasons",
            &no_reasons,
            "validation_failed",
        ),
        ("not a decision", &later_step, "decision_not_verified"),
    ] {
        assert_eq!(
            seen.decide(&server, &first, body).await,
            (422, expected.to_string()),
            "{what} is refused"
        );
    }
    // Replayed onto another submission: about another one.
    assert_eq!(
        seen.decide(&server, &second, &good).await,
        (422, "decision_not_verified".to_string())
    );
    let view = citizen_view(&server, &anna.access, &first).await;
    assert_eq!(view["status"], "SUBMITTED", "nothing recorded: {view}");
    // Nor does the back office receive it in the authority's place: that would open it here.
    let (status, code, _) = problem_code(
        server
            .admin_post(
                &format!("/admin/v1/submissions/{first}/status"),
                &json!({"status": "RECEIVED"}),
            )
            .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (409, "status_move_not_allowed"));

    // The decision that holds is recorded once; posted again it answers the same.
    let (status, _) = seen.decide(&server, &first, &good).await;
    assert_eq!(status, 200);
    let (status, _) = seen.decide(&server, &first, &good).await;
    assert_eq!(status, 200, "a retry of the same decision");
    let view = citizen_view(&server, &anna.access, &first).await;
    let steps: Vec<&str> = view["statusHistory"]
        .as_array()
        .expect("history")
        .iter()
        .filter_map(|s| s["status"].as_str())
        .collect();
    assert_eq!(
        steps,
        ["INITIATED", "SUBMITTED", "RECEIVED"],
        "recorded once"
    );
    assert_eq!(view["receipt"], good["receipt"], "the authority's receipt");
    // Another decision on a decided submission.
    let reject = signed(&server, &first, "REJECTED", &["Nachweis fehlt"], None);
    assert_eq!(
        seen.decide(&server, &first, &reject).await,
        (409, "already_decided".to_string())
    );
    // A rejection that holds.
    let rejected = signed(&server, &second, "REJECTED", &["Nachweis fehlt"], None);
    assert_eq!(seen.decide(&server, &second, &rejected).await.0, 200);
    let view = citizen_view(&server, &anna.access, &second).await;
    assert_eq!(view["status"], "REJECTED");
    assert_eq!(
        view["statusHistory"][2]["reasons"],
        json!(["Nachweis fehlt"])
    );

    let doc = spec::document();
    let problems: Vec<String> = seen
        .answers
        .iter()
        .flat_map(|a| spec::answer_problems(&doc, a))
        .collect();
    assert!(
        problems.is_empty(),
        "answers and document disagree:\n{}",
        problems.join("\n")
    );
}

#[tokio::test]
async fn the_sealed_parts_are_given_out_as_they_came() {
    let server = external_server().await;
    let anna = server.login("anna").await;
    let attachment = (new_id(), b"%PDF-1.7 Nachweis".to_vec());
    let (_, id) = submitted(
        &server,
        &anna.access,
        &[(attachment.0.as_str(), &attachment.1)],
        &json!({"name": "Ida"}),
    )
    .await;
    let mut answers = Vec::new();
    let sealed = server
        .admin_get(&format!("/admin/v1/submissions/{id}/sealed"))
        .await;
    let sealed = Answer::of("get", SEALED, sealed).await;
    answers.push(sealed.clone());
    assert_eq!(sealed.status, 200);
    let parts: state_api::wire::SealedSubmission =
        serde_json::from_value(sealed.json()).expect("a sealed submission");
    assert_eq!(parts.destination, "erfurt");
    assert_eq!(parts.citizen_submission_id, id);
    assert!(parts.encrypted_metadata.is_some(), "the metadata, sealed");
    assert_eq!(parts.attachments.len(), 1);
    let fetched = server
        .admin_get(&format!(
            "/admin/v1/submissions/{id}/attachments/{}",
            attachment.0
        ))
        .await;
    let fetched = Answer::of("get", ATTACHMENT, fetched).await;
    answers.push(fetched.clone());
    assert_eq!(fetched.media_type.as_deref(), Some("application/jose"));
    let bytes = fetched.body;
    assert_eq!(
        common::sha512_hex(&bytes),
        parts.attachments[0].sha512,
        "the JWE as uploaded"
    );
    assert!(
        !bytes.windows(8).any(|w| w == b"%PDF-1.7"),
        "ciphertext (base64url), not the plain file"
    );
    let missing = server
        .admin_get(&format!(
            "/admin/v1/submissions/{id}/attachments/{}",
            new_id()
        ))
        .await;
    answers.push(Answer::of("get", ATTACHMENT, missing).await);
    let initiated = new_id();
    let created = server
        .create(&anna.access, &initiated, &common::create_body(&[]))
        .await;
    assert_eq!(created.status(), 201);
    let (status, code, _) = problem_code(
        server
            .admin_get(&format!("/admin/v1/submissions/{initiated}/sealed"))
            .await,
    )
    .await;
    assert_eq!(
        (status, code.as_str()),
        (409, "not_sealed"),
        "nothing sealed yet"
    );
    let unknown = server
        .admin_get(&format!("/admin/v1/submissions/{}/sealed", new_id()))
        .await;
    answers.push(Answer::of("get", SEALED, unknown).await);
    assert_eq!(answers.last().map(|a| a.status), Some(404));
    let doc = spec::document();
    let problems: Vec<String> = answers
        .iter()
        .flat_map(|a| spec::answer_problems(&doc, a))
        .collect();
    assert!(
        problems.is_empty(),
        "answers and document disagree:\n{}",
        problems.join("\n")
    );
}
