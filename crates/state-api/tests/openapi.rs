//! The OpenAPI document: valid OpenAPI 3.1, served, complete, and the checked-in copy is
//! current. Run with `UPDATE_OPENAPI=1` to rewrite `crates/state-api/openapi.json`. That the
//! server's real answers agree with it is `openapi_answers.rs`.
mod common;
mod spec;

use common::TestServer;
use serde_json::{json, Value};

#[test]
fn the_document_is_valid_openapi_3_1() {
    let problems = spec::problems(&spec::document());
    assert!(
        problems.is_empty(),
        "the OpenAPI document is not valid:\n{}",
        problems.join("\n")
    );
}

/// A copy of the document with one thing broken, which `check` must find.
fn broken(change: impl FnOnce(&mut Value)) -> Value {
    let mut doc = spec::document();
    change(&mut doc);
    doc
}

fn fails(problems: Vec<String>, needle: &str, what: &str) {
    assert!(
        problems.iter().any(|p| p.contains(needle)),
        "{what}: expected a problem naming {needle:?}, got {problems:?}"
    );
}

#[test]
fn each_validity_check_fails_on_a_broken_document() {
    let no_description = broken(|doc| {
        if let Some(answer) = doc["paths"]["/health"]["get"]["responses"]["200"].as_object_mut() {
            answer.remove("description");
        }
    });
    fails(
        spec::schema_problems(&no_description),
        "/paths/~1health/get/responses/200",
        "an answer without its required description",
    );
    let in_body = broken(|doc| {
        doc["paths"]["/v1/inbox"]["get"]["parameters"][0]["in"] = json!("body");
    });
    fails(
        spec::schema_problems(&in_body),
        "/paths/~1v1~1inbox/get/parameters/0",
        "a parameter in: body (OpenAPI 2)",
    );
    let bad_schema = broken(|doc| {
        doc["components"]["schemas"]["Submission"]["type"] = json!("record");
    });
    fails(
        spec::component_schema_problems(&bad_schema),
        "schema Submission",
        "a component schema of a type JSON Schema does not know",
    );
    let query_in_path = broken(|doc| {
        doc["paths"]["/v1/inbox"]["get"]["parameters"][0]["in"] = json!("path");
    });
    fails(
        spec::path_parameter_problems(&query_in_path),
        "since is declared in: path but not in the template",
        "a query parameter declared in: path",
    );
    let undeclared = broken(|doc| {
        doc["paths"]["/v1/submissions/{id}"]["get"]["parameters"] = json!([]);
    });
    fails(
        spec::path_parameter_problems(&undeclared),
        "{id} is not declared",
        "a template parameter without its declaration",
    );
    let repeated = broken(|doc| {
        doc["paths"]["/v1/inbox"]["get"]["operationId"] = json!("list_submissions");
    });
    fails(
        spec::operation_id_problems(&repeated),
        "operationId list_submissions is used by",
        "two operations with one id",
    );
    let dangling = broken(|doc| {
        doc["components"]["schemas"]
            .as_object_mut()
            .map(|schemas| schemas.remove("AttachmentState"));
    });
    fails(
        spec::reference_problems(&dangling),
        "#/components/schemas/AttachmentState does not resolve",
        "a $ref to a schema that is gone",
    );
    // And all of them together: `problems` runs every check.
    for doc in [
        no_description,
        bad_schema,
        query_in_path,
        repeated,
        dangling,
    ] {
        assert!(!spec::problems(&doc).is_empty(), "a broken document fails");
    }
}

/// The status values the document lists are the domain's, which the server sends and the app
/// reads.
#[test]
fn the_documented_statuses_are_the_domains() {
    let doc = spec::document();
    let documented = &doc["components"]["schemas"]["SubmissionStatus"]["enum"];
    let domain: Vec<&str> = domain::status::SubmissionStatus::ALL
        .iter()
        .map(|s| s.as_str())
        .collect();
    assert_eq!(documented, &json!(domain));
}

/// The seed catalog (every LeiKa service, most without documents or keywords) as the server
/// serves it agrees with the document's catalog schema, every object closed to undescribed
/// fields.
#[test]
fn the_seed_catalog_agrees_with_the_documented_schema() {
    let doc = spec::document();
    let catalog = catalog_seed::seed_catalog().expect("the seed catalog builds");
    assert!(catalog.services.len() > 4000, "the whole LeiKa catalog");
    let json = serde_json::to_value(&catalog).expect("the catalog serializes");
    let schema = &doc["paths"]["/v1/catalog"]["get"]["responses"]["200"]["content"]
        ["application/json"]["schema"];
    let problems = spec::instance_problems(&doc, schema, &json);
    assert!(
        problems.is_empty(),
        "{} problems, the first: {:?}",
        problems.len(),
        problems.iter().take(5).collect::<Vec<_>>()
    );
    let mut wrong = json.clone();
    wrong["services"][0]
        .as_object_mut()
        .map(|s| s.insert("documents".into(), json!("a list")));
    assert!(
        !spec::instance_problems(&doc, schema, &wrong).is_empty(),
        "a wrong catalog fails the check"
    );
}

#[test]
fn checked_in_openapi_document_is_current() {
    let generated = state_api::http::openapi::openapi_document();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi.json");
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, format!("{generated}\n")).expect("openapi.json is written");
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored.trim_end() == generated.trim_end(),
        "crates/state-api/openapi.json is stale: run `UPDATE_OPENAPI=1 cargo test -p state-api --test openapi`"
    );
}

#[tokio::test]
async fn served_document_describes_every_route() {
    let server = TestServer::start().await;
    let doc: serde_json::Value = server
        .http
        .get(server.url("/v1/openapi.json"))
        .send()
        .await
        .expect("doc")
        .json()
        .await
        .expect("JSON");
    let paths = doc["paths"].as_object().expect("paths");
    for path in [
        "/health",
        "/v1/catalog",
        "/v1/forms/{id}/{version}",
        "/v1/authorities",
        "/v1/submissions",
        "/v1/submissions/{id}",
        "/v1/submissions/{id}/attachments/{attachment_id}",
        "/v1/submissions/{id}/submit",
        "/v1/inbox",
        "/.well-known/openid-configuration",
        "/.well-known/jwks.json",
        "/oauth/authorize",
        "/oauth/token",
        "/oauth/userinfo",
        "/admin/v1/submissions",
        "/admin/v1/submissions/{id}/status",
        "/admin/v1/messages",
        "/v1/handovers/{mailbox}",
        "/v1/handovers/{mailbox}/pickup",
        "/v1/handovers/{mailbox}/state",
        "/v1/openapi.json",
    ] {
        assert!(paths.contains_key(path), "{path} is described");
    }
    assert!(
        doc["components"]["schemas"]["Problem"].is_object(),
        "the problem schema is there"
    );
}

/// Every field `domain` serializes for the catalog is described in the document (the schemas
/// mirror the domain types, so this catches drift).
#[test]
fn catalog_schemas_describe_every_domain_field() {
    use domain::{District, LifeSituation, Localized, Municipality, PostalCodeArea};
    let mut catalog = common::tiny_catalog();
    let mut full = Localized::de("Text");
    for language in domain::Language::ALL {
        full.set(language, format!("Text {}", language.code()));
    }
    if let Some(service) = catalog.services.first_mut() {
        service.life_situation = Some("wohnen".into());
        service.topic = Some("Wohnen".into());
        service.ozg_bundle = Some("Parken".into());
        service.law = Some("StVO".into());
        service.summary = Some(full.clone());
        service.who_can_apply = Some(full.clone());
        service.fees = Some(full.clone());
        service.duration = Some(full.clone());
        service.documents = vec![full.clone()];
        service.keywords = vec!["Parken".into()];
        service.form_id = Some("bewohnerparkausweis".into());
        service.fee_schedule = vec![domain::PlaceFee {
            ags: "16051000".into(),
            cents: 10000,
            period: domain::FeePeriod::Year,
            valid_from: Some("2025-09-01".into()),
            source: "Satzung".into(),
        }];
    }
    if let Some(authority) = catalog.authorities.first_mut() {
        authority.address = Some("Fischmarkt 1".into());
        authority.phone = Some("0361 6550".into());
        authority.opening_hours = Some(full.clone());
    }
    catalog.life_situations = vec![LifeSituation {
        id: "wohnen".into(),
        name: full.clone(),
        guide: Some(domain::Guide {
            intro: full.clone(),
            steps: vec![domain::GuideStep {
                leika_key: "99115005104000".into(),
                when: full.clone(),
                why: full.clone(),
            }],
        }),
    }];
    catalog.districts = vec![District {
        key: "16051".into(),
        name: "Erfurt".into(),
        district_free_city: true,
        seat: "Erfurt".into(),
    }];
    catalog.municipalities = vec![Municipality {
        ags: "16051000".into(),
        name: "Erfurt".into(),
    }];
    catalog.postal_codes = vec![PostalCodeArea {
        postal_code: "99084".into(),
        place: "Erfurt".into(),
        district_key: "16051".into(),
    }];
    let json = serde_json::to_value(&catalog).expect("the catalog serializes");
    let doc: serde_json::Value =
        serde_json::from_str(&state_api::http::openapi::openapi_document())
            .expect("the document is JSON");
    let schemas = &doc["components"]["schemas"];
    let check = |name: &str, value: &serde_json::Value| {
        let mut fields: Vec<&String> = value.as_object().expect("an object").keys().collect();
        let mut described: Vec<&String> = schemas[name]["properties"]
            .as_object()
            .expect("a described object")
            .keys()
            .collect();
        fields.sort();
        described.sort();
        assert_eq!(
            fields, described,
            "schema {name} describes exactly the domain's fields"
        );
    };
    check("Catalog", &json);
    check("Service", &json["services"][0]);
    check("Authority", &json["authorities"][0]);
    check("LifeSituation", &json["life_situations"][0]);
    check("Guide", &json["life_situations"][0]["guide"]);
    check(
        "GuideStep",
        &json["life_situations"][0]["guide"]["steps"][0],
    );
    check("District", &json["districts"][0]);
    check("Municipality", &json["municipalities"][0]);
    check("PostalCodeArea", &json["postal_codes"][0]);
    check("Localized", &json["services"][0]["summary"]);
    let levels = schemas["ResponsibleLevel"]["enum"]
        .as_array()
        .expect("level values");
    assert!(
        levels.contains(&json["services"][0]["responsible_level"]),
        "level values match the domain's"
    );
    let kinds = schemas["AuthorityKind"]["enum"]
        .as_array()
        .expect("kind values");
    assert!(
        kinds.contains(&json["authorities"][0]["kind"]),
        "kind values match the domain's"
    );
}
