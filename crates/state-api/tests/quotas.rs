//! Per-citizen quotas: submissions per citizen's day (Europe/Berlin) and attachment bytes held,
//! each refused with a stable problem code that says which limit was hit.
mod common;

use std::time::Duration;

use common::{create_body, new_id, problem_code, TestServer};

/// 23:30 on 1 March 2028 in Berlin (22:30 UTC).
const LATE_EVENING: &str = "2028-03-01T23:30:00+01:00";

#[tokio::test]
async fn a_citizen_creates_at_most_the_daily_quota_until_berlin_midnight() {
    let fake = domain::calendar::parse_instant(LATE_EVENING).expect("an instant");
    let server = TestServer::start_with(move |config| {
        config.fake_now = Some(fake);
        config.limits.submissions_per_day = 2;
    })
    .await;
    let anna = server.login("anna").await;
    let ben = server.login("ben").await;
    let first = new_id();
    for id in [first.clone(), new_id()] {
        let created = server.create(&anna.access, &id, &create_body(&[])).await;
        assert_eq!(created.status(), 201, "within the quota");
    }
    let replay = server.create(&anna.access, &first, &create_body(&[])).await;
    assert_eq!(
        replay.status(),
        201,
        "a retry of a counted create is no new one"
    );

    let over = server
        .create(&anna.access, &new_id(), &create_body(&[]))
        .await;
    let retry_after: u64 = over
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    let (status, code, problem) = problem_code(over).await;
    assert_eq!((status, code.as_str()), (429, "quota_submissions_per_day"));
    assert!(
        problem["detail"]
            .as_str()
            .is_some_and(|d| d.contains("at most 2") && d.contains("per day")),
        "the problem says which limit: {problem}"
    );
    assert!(
        (1_790..=1_800).contains(&retry_after),
        "until Berlin midnight, half an hour away: {retry_after}"
    );
    let bens = server
        .create(&ben.access, &new_id(), &create_body(&[]))
        .await;
    assert_eq!(bens.status(), 201, "another citizen has a quota of his own");

    server
        .state
        .backend()
        .advance_clock(Duration::from_secs(31 * 60));
    // (The access token of half an hour ago has expired: log in again.)
    let anna = server.login("anna").await;
    let tomorrow = server
        .create(&anna.access, &new_id(), &create_body(&[]))
        .await;
    assert_eq!(
        tomorrow.status(),
        201,
        "after midnight in Berlin (still 1 March in UTC) a new day's quota"
    );
}

#[tokio::test]
async fn announced_attachments_beyond_the_storage_quota_are_refused() {
    let server = TestServer::start_with(|config| {
        config.limits.attachment_bytes_per_citizen = 100;
    })
    .await;
    let anna = server.login("anna").await;
    let ben = server.login("ben").await;
    let sixty = vec![7u8; 60];
    let body = |bytes: &[u8]| create_body(&[(&new_id(), bytes)]);
    let created = server.create(&anna.access, &new_id(), &body(&sixty)).await;
    assert_eq!(created.status(), 201, "60 of 100 bytes");
    let over = server.create(&anna.access, &new_id(), &body(&sixty)).await;
    let (status, code, problem) = problem_code(over).await;
    assert_eq!((status, code.as_str()), (413, "quota_attachment_bytes"));
    assert!(
        problem["detail"]
            .as_str()
            .is_some_and(|d| d.contains("at most 100 bytes") && d.contains("60 are held")),
        "the problem says which limit and where the citizen stands: {problem}"
    );
    let small = server
        .create(&anna.access, &new_id(), &body(&[1u8; 40]))
        .await;
    assert_eq!(small.status(), 201, "what still fits is accepted");
    let bens = server.create(&ben.access, &new_id(), &body(&sixty)).await;
    assert_eq!(bens.status(), 201, "ben's quota is his own");
}

#[tokio::test]
async fn bytes_of_submitted_applications_no_longer_count_against_uploads() {
    let server = TestServer::start_with(|config| {
        config.limits.attachment_bytes_per_citizen = 100;
    })
    .await;
    let anna = server.login("anna").await;
    let sixty = vec![7u8; 60];
    for round in 0..3 {
        let (id, attachment) = (new_id(), new_id());
        let created = server
            .create(
                &anna.access,
                &id,
                &create_body(&[(attachment.as_str(), sixty.as_slice())]),
            )
            .await;
        assert_eq!(created.status(), 201, "round {round}: 60 of 100 bytes");
        let uploaded = server
            .upload(&anna.access, &id, &attachment, 0, &sixty)
            .await;
        assert!(uploaded.status().is_success(), "round {round}: uploaded");
        let submitted = server
            .submit(&anna.access, &id, &serde_json::json!({}))
            .await;
        assert_eq!(
            submitted.status(),
            200,
            "round {round}: submitted, so its bytes are the authority's"
        );
    }
}
