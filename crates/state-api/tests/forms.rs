//! The server decides the form: a submission follows the form its service's catalog entry
//! names, whether the create names it or not; another form is refused; a service without a
//! form takes the general application when the create names it, and free data otherwise.
mod common;

use common::{create_body, new_id, problem_code, serve_form, TestServer};

/// A form with one required text field `name`.
fn name_form() -> domain::form::FormDefinition {
    let json = serde_json::json!({
        "id": "namensformular", "version": "1", "title": {"de": "Name"},
        "pages": [{"id": "p", "title": {"de": "Seite"}, "items": [
            {"type": "field", "id": "name", "label": {"de": "Name"}, "kind": {"type": "text"}, "required": true}
        ]}]
    });
    serde_json::from_value(json).expect("the test form parses")
}

async fn with_name_form() -> TestServer {
    TestServer::start_with(|config| serve_form(config, name_form())).await
}

#[tokio::test]
async fn a_create_naming_another_form_than_the_services_is_refused() {
    let server = with_name_form().await;
    let anna = server.login("anna").await;
    let other = state_api::config::showcase_forms()
        .first()
        .cloned()
        .expect("a showcase form the server also serves");
    let mut body = create_body(&[]);
    body["form"] = serde_json::json!({"id": other.id, "version": other.version});
    let (status, code, problem) =
        problem_code(server.create(&anna.access, &new_id(), &body).await).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "validation_failed"),
        "{problem}"
    );
    assert_eq!(problem["errors"][0]["field"], "/form", "{problem}");
    assert_eq!(
        problem["errors"][0]["code"], "form_not_of_service",
        "the problem says the form is not the service's: {problem}"
    );
    assert!(
        problem["errors"][0]["detail"]
            .as_str()
            .is_some_and(|m| m.contains("namensformular")),
        "and names the service's form: {problem}"
    );

    body["form"] = serde_json::json!({"id": "namensformular", "version": "1"});
    let named = server.create(&anna.access, &new_id(), &body).await;
    assert_eq!(named.status(), 201, "the service's own form is accepted");
}

#[tokio::test]
async fn data_is_checked_against_the_catalogs_form_when_the_create_names_none() {
    let server = with_name_form().await;
    let anna = server.login("anna").await;
    let id = new_id();
    let created = server.create(&anna.access, &id, &create_body(&[])).await;
    assert_eq!(created.status(), 201, "created without naming a form");
    let created: serde_json::Value = created.json().await.expect("JSON");
    assert_eq!(
        created["form"],
        serde_json::json!({"id": "namensformular", "version": "1"}),
        "the server fixed the service's form"
    );

    let arbitrary = server
        .submit(&anna.access, &id, &serde_json::json!({"anything": "goes"}))
        .await;
    let (status, code, problem) = problem_code(arbitrary).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "validation_failed"),
        "arbitrary data is not the form's: {problem}"
    );
    assert!(
        problem["errors"]
            .as_array()
            .is_some_and(|e| e.iter().any(|e| e["field"] == "name")),
        "the missing field is named: {problem}"
    );
    let state: serde_json::Value = server
        .get(&anna.access, &format!("/v1/submissions/{id}"))
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(state["status"], "INITIATED", "not RECEIVED");

    let valid = server
        .submit(&anna.access, &id, &serde_json::json!({"name": "Anna"}))
        .await;
    assert_eq!(valid.status(), 200, "the form's data is accepted");
}

#[tokio::test]
async fn a_service_without_a_form_takes_free_data_and_no_form() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let id = new_id();
    assert_eq!(
        server
            .create(&anna.access, &id, &create_body(&[]))
            .await
            .status(),
        201
    );
    let free = server
        .submit(&anna.access, &id, &serde_json::json!({"anything": "goes"}))
        .await;
    assert_eq!(free.status(), 200, "free data for a service without a form");

    let mut body = create_body(&[]);
    let form = state_api::config::showcase_forms()
        .first()
        .cloned()
        .expect("a showcase form");
    body["form"] = serde_json::json!({"id": form.id, "version": form.version});
    let (status, _, problem) =
        problem_code(server.create(&anna.access, &new_id(), &body).await).await;
    assert_eq!(status, 422, "a form the service does not name is refused");
    assert_eq!(problem["errors"][0]["code"], "form_not_of_service");
}

/// The general application as the server serves it.
fn general_form() -> domain::form::FormDefinition {
    state_api::config::showcase_forms()
        .into_iter()
        .find(|f| f.id == domain::GENERAL_APPLICATION_FORM)
        .expect("the server serves the general application")
}

/// A complete general application, as the app sends it.
fn general_application() -> serde_json::Value {
    serde_json::json!({
        "art": "frage",
        "beschreibung": "Wie lange dauert die Bearbeitung ungefähr?",
        "antragsteller": {
            "familienname": "Muster",
            "vornamen": "Anna",
            "anschrift": {"strasse": "Anger", "hausnummer": "1", "plz": "99084", "ort": "Erfurt"},
            "antwortweg": "email",
            "email": "anna@example.de"
        },
        "einwilligung": true,
        "angaben_richtig": true
    })
}

#[tokio::test]
async fn a_service_without_a_form_takes_the_general_application_validated_and_routed() {
    let server = TestServer::start().await;
    let anna = server.login("anna").await;
    let general = general_form();
    let mut body = create_body(&[]);
    body["form"] = serde_json::json!({"id": general.id, "version": general.version});
    let id = new_id();
    let created = server.create(&anna.access, &id, &body).await;
    assert_eq!(created.status(), 201, "the general application is accepted");
    let created: serde_json::Value = created.json().await.expect("JSON");
    assert_eq!(created["form"]["id"], domain::GENERAL_APPLICATION_FORM);
    assert!(
        created["authorityId"]
            .as_str()
            .is_some_and(|a| !a.is_empty()),
        "it goes to the authority responsible at the place: {created}"
    );

    let free = server
        .submit(&anna.access, &id, &serde_json::json!({"anything": "goes"}))
        .await;
    let (status, _, problem) = problem_code(free).await;
    assert_eq!(
        status, 422,
        "free data is not a general application: {problem}"
    );

    let mut unconsented = general_application();
    unconsented["einwilligung"] = serde_json::json!(false);
    let (status, _, problem) =
        problem_code(server.submit(&anna.access, &id, &unconsented).await).await;
    assert_eq!(status, 422, "no consent, no request: {problem}");
    assert!(
        problem.to_string().contains("form-consent-required"),
        "the problem names the missing consent: {problem}"
    );

    let sent = server
        .submit(&anna.access, &id, &general_application())
        .await;
    assert_eq!(
        sent.status(),
        200,
        "a complete general application is taken"
    );
}

#[tokio::test]
async fn a_service_with_its_own_form_refuses_the_general_application() {
    let server = with_name_form().await;
    let anna = server.login("anna").await;
    let general = general_form();
    let mut body = create_body(&[]);
    body["form"] = serde_json::json!({"id": general.id, "version": general.version});
    let (status, code, problem) =
        problem_code(server.create(&anna.access, &new_id(), &body).await).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "validation_failed"),
        "{problem}"
    );
    assert_eq!(
        problem["errors"][0]["code"], "form_not_of_service",
        "{problem}"
    );
}

/// A small XDatenfelder 3.0.0 message: a required name in DIN 91379 Latin characters and an
/// optional file number of the form `AZ-` and four digits.
const IMPORTED_XDF3: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<fim:xdatenfelder.stammdatenschema.0102 xmlns:fim="urn:xoev-de:fim:standard:xdatenfelder_3.0.0">
  <fim:header><fim:nachrichtID>t1</fim:nachrichtID></fim:header>
  <fim:stammdatenschema>
    <fim:identifikation><fim:id>S99000001</fim:id><fim:version>2.0.0</fim:version></fim:identifikation>
    <fim:bezeichnung>Namensformular aus FIM</fim:bezeichnung>
    <fim:struktur><fim:anzahl>1:1</fim:anzahl><fim:enthaelt>
      <fim:datenfeld>
        <fim:identifikation><fim:id>F99000001</fim:id></fim:identifikation>
        <fim:bezeichnungEingabe>Name</fim:bezeichnungEingabe>
        <fim:feldart><code>input</code></fim:feldart><fim:datentyp><code>text_latin</code></fim:datentyp>
        <fim:praezisierung maxLength="40"/>
      </fim:datenfeld>
    </fim:enthaelt></fim:struktur>
    <fim:struktur><fim:anzahl>0:1</fim:anzahl><fim:enthaelt>
      <fim:datenfeld>
        <fim:identifikation><fim:id>F99000002</fim:id></fim:identifikation>
        <fim:bezeichnungEingabe>Aktenzeichen</fim:bezeichnungEingabe>
        <fim:feldart><code>input</code></fim:feldart><fim:datentyp><code>text</code></fim:datentyp>
        <fim:praezisierung pattern="AZ-[0-9]{4}"/>
      </fim:datenfeld>
    </fim:enthaelt></fim:struktur>
  </fim:stammdatenschema>
</fim:xdatenfelder.stammdatenschema.0102>"#;

#[tokio::test]
async fn a_form_imported_from_xdatenfelder_is_served_and_validates_submissions() {
    // The shipped messages of data/xdf are served by default, at their schema id.
    let server = TestServer::start().await;
    for form in state_api::config::imported_forms() {
        let served = server
            .http
            .get(server.url(&format!("/v1/forms/{}/{}", form.id, form.version)))
            .send()
            .await
            .expect("GET");
        assert_eq!(served.status(), 200, "{} is served", form.id);
        let served: domain::form::FormDefinition = served.json().await.expect("a definition");
        assert_eq!(served, form, "as imported");
    }

    let imported = xdatenfelder::import(IMPORTED_XDF3, &xdatenfelder::Options::default())
        .expect("the message imports");
    assert!(imported.report.is_empty(), "{}", imported.report);
    let definition = imported.definition;
    let server = TestServer::start_with(|config| serve_form(config, definition.clone())).await;
    let anna = server.login("anna").await;
    let id = new_id();
    let created = server.create(&anna.access, &id, &create_body(&[])).await;
    assert_eq!(created.status(), 201);

    let bad = serde_json::json!({"F99000001": "Иван", "F99000002": "AZ-12"});
    let (status, code, problem) = problem_code(server.submit(&anna.access, &id, &bad).await).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "validation_failed"),
        "{problem}"
    );
    let codes: Vec<(String, String)> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap_or_default().to_owned(),
                e["code"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert!(
        codes.contains(&("F99000001".into(), "form-text-latin".into()))
            && codes.contains(&("F99000002".into(), "form-text-pattern".into())),
        "the server checks text_latin and the pattern: {codes:?}"
    );

    let good = serde_json::json!({"F99000001": "Zoë Łukasiewicz", "F99000002": "AZ-1234"});
    let accepted = server.submit(&anna.access, &id, &good).await;
    assert_eq!(accepted.status(), 200, "valid answers are accepted");
}
