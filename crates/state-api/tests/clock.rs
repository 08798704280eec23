//! The server's day: form date rules are judged by the citizen's day in Europe/Berlin, also at
//! 00:30 Berlin time when the UTC date is still yesterday; a debug build's clock can be moved
//! for tests (a release build refuses a moved clock, see `Backend::new`).
mod common;

use common::{create_body, new_id, problem_code, serve_form, TestServer};

/// A form with one date that may not lie in the past.
fn moving_in_form() -> domain::form::FormDefinition {
    let json = serde_json::json!({
        "id": "einzug", "version": "1", "title": {"de": "Einzug"},
        "pages": [{"id": "p", "title": {"de": "Seite"}, "items": [
            {"type": "field", "id": "ab", "label": {"de": "Gültig ab"},
             "kind": {"type": "date", "min": "today"}, "required": true}
        ]}]
    });
    serde_json::from_value(json).expect("the test form parses")
}

/// 00:30 on 1 March 2028 in Berlin; in UTC it is still 29 February.
const HALF_PAST_MIDNIGHT: &str = "2028-03-01T00:30:00+01:00";

#[tokio::test]
async fn at_half_past_midnight_in_berlin_the_server_counts_the_new_day() {
    let fake = domain::calendar::parse_instant(HALF_PAST_MIDNIGHT).expect("an instant");
    let server = TestServer::start_with(move |config| {
        serve_form(config, moving_in_form());
        config.fake_now = Some(fake);
    })
    .await;
    let backend = server.state.backend();
    assert!(
        (backend.now() - fake).abs() < 60_000,
        "the server's clock starts at the fake now"
    );
    assert_eq!(
        backend.today(),
        domain::form::Date::new(2028, 3, 1),
        "the Berlin day, not the UTC day"
    );

    let anna = server.login("anna").await;
    let submit = |date: &'static str| {
        let server = &server;
        let token = anna.access.clone();
        async move {
            let id = new_id();
            let mut body = create_body(&[]);
            body["form"] = serde_json::json!({"id": "einzug", "version": "1"});
            let created = server.create(&token, &id, &body).await;
            assert_eq!(created.status(), 201, "created");
            server
                .submit(&token, &id, &serde_json::json!({ "ab": date }))
                .await
        }
    };
    let yesterday = submit("2028-02-29").await;
    let (status, code, problem) = problem_code(yesterday).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "validation_failed"),
        "29 February is yesterday at 00:30 on 1 March in Berlin: {problem}"
    );
    let today = submit("2028-03-01").await;
    assert!(
        today.status().is_success(),
        "today in Berlin is not in the past: {}",
        today.status()
    );
}
