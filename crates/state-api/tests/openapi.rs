//! The OpenAPI document: served, complete, and the checked-in copy is current.
//! Run with `UPDATE_OPENAPI=1` to rewrite `crates/state-api/openapi.json`.
mod common;

use common::TestServer;

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
