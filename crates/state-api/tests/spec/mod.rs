//! The OpenAPI document checked, for the tests in `openapi.rs` and `openapi_answers.rs`.
//!
//! Valid: the document against the OpenAPI Initiative's schema of OpenAPI 3.1 documents
//! (vendored here, see `NOTICE`), each component schema against JSON Schema 2020-12, and what
//! neither can express: path templates and path parameters name each other, operation ids are
//! unique, every `$ref` resolves. True: a real answer's status is described for its operation,
//! its media type is, and its body validates against the described schema, where an object
//! must describe every field it carries.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

const OAS_SCHEMA: &str = include_str!("oas-3.1-schema-2022-10-07.json");
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The server's OpenAPI document.
pub fn document() -> Value {
    serde_json::from_str(&state_api::http::openapi::openapi_document())
        .expect("the document is JSON")
}

/// Everything that makes `doc` an invalid OpenAPI 3.1 document, one line each.
pub fn problems(doc: &Value) -> Vec<String> {
    let mut all = schema_problems(doc);
    all.extend(component_schema_problems(doc));
    all.extend(path_parameter_problems(doc));
    all.extend(operation_id_problems(doc));
    all.extend(reference_problems(doc));
    all
}

fn describe(error: &jsonschema::ValidationError) -> String {
    format!(
        "at {:?}: {}",
        error.instance_path().as_str(),
        error.masked()
    )
}

/// The document against the schema of OpenAPI 3.1 documents.
pub fn schema_problems(doc: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(OAS_SCHEMA).expect("the OAS schema is JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("the OAS schema compiles");
    validator
        .iter_errors(doc)
        .map(|e| format!("OpenAPI 3.1 schema: {}", describe(&e)))
        .collect()
}

/// Each schema of `components/schemas` against the JSON Schema 2020-12 meta-schema.
pub fn component_schema_problems(doc: &Value) -> Vec<String> {
    let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return Vec::new();
    };
    schemas
        .iter()
        .filter_map(|(name, schema)| {
            jsonschema::draft202012::meta::validate(schema)
                .err()
                .map(|e| format!("schema {name} is no JSON Schema 2020-12: {}", describe(&e)))
        })
        .collect()
}

/// The operations of the document: (path, method, operation).
pub fn operations(doc: &Value) -> Vec<(&str, &'static str, &Value)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for method in METHODS {
            if let Some(operation) = item.get(method) {
                found.push((path.as_str(), method, operation));
            }
        }
    }
    found
}

/// `value`, or what its `$ref` points at inside `doc`.
fn resolved<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
    match value["$ref"].as_str().and_then(|r| r.strip_prefix('#')) {
        Some(pointer) => doc.pointer(pointer).unwrap_or(&Value::Null),
        None => value,
    }
}

/// Every `{name}` of a path template is a parameter `in: path` of each of its operations, and
/// every parameter `in: path` is in the template.
pub fn path_parameter_problems(doc: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for (path, method, operation) in operations(doc) {
        let template: BTreeSet<&str> = path
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        let shared = doc["paths"][path]["parameters"].as_array();
        let own = operation["parameters"].as_array();
        let declared: BTreeSet<&str> = shared
            .into_iter()
            .chain(own)
            .flatten()
            .map(|p| resolved(doc, p))
            .filter(|p| p["in"] == "path")
            .filter_map(|p| p["name"].as_str())
            .collect();
        for name in template.difference(&declared) {
            problems.push(format!(
                "{method} {path}: {{{name}}} is not declared as a parameter in: path"
            ));
        }
        for name in declared.difference(&template) {
            problems.push(format!(
                "{method} {path}: parameter {name} is declared in: path but not in the template"
            ));
        }
    }
    problems
}

/// No two operations share an `operationId`.
pub fn operation_id_problems(doc: &Value) -> Vec<String> {
    let mut seen: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (path, method, operation) in operations(doc) {
        if let Some(id) = operation["operationId"].as_str() {
            seen.entry(id).or_default().push(format!("{method} {path}"));
        }
    }
    seen.into_iter()
        .filter(|(_, users)| users.len() > 1)
        .map(|(id, users)| format!("operationId {id} is used by {}", users.join(", ")))
        .collect()
}

/// Every `$ref` points into the document at something that is there.
pub fn reference_problems(doc: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut stack = vec![("".to_string(), doc)];
    while let Some((at, value)) = stack.pop() {
        match value {
            Value::Object(map) => {
                if let Some(target) = map.get("$ref").and_then(Value::as_str) {
                    let found = target
                        .strip_prefix('#')
                        .and_then(|pointer| doc.pointer(pointer));
                    if found.is_none() {
                        problems.push(format!("{at}: $ref {target} does not resolve"));
                    }
                }
                for (key, child) in map {
                    stack.push((format!("{at}/{key}"), child));
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    stack.push((format!("{at}/{i}"), child));
                }
            }
            _ => {}
        }
    }
    problems
}

/// One answer of the server to one operation, as it arrived.
#[derive(Debug, Clone)]
pub struct Answer {
    pub method: &'static str,
    /// The path template of the operation, e.g. `/v1/submissions/{id}`.
    pub path: &'static str,
    pub status: u16,
    /// The media type without parameters (`charset`).
    pub media_type: Option<String>,
    pub body: Vec<u8>,
}

impl Answer {
    pub async fn of(method: &'static str, path: &'static str, response: reqwest::Response) -> Self {
        let status = response.status().as_u16();
        let media_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase());
        let body = response.bytes().await.expect("the answer's body").to_vec();
        Answer {
            method,
            path,
            status,
            media_type,
            body,
        }
    }

    /// The body as JSON (`Null` when it is none).
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
}

/// Where `answer` and the document disagree, one line each.
pub fn answer_problems(doc: &Value, answer: &Answer) -> Vec<String> {
    let what = format!(
        "{} {} answered {}",
        answer.method.to_uppercase(),
        answer.path,
        answer.status
    );
    let Some(operation) = doc["paths"]
        .get(answer.path)
        .and_then(|item| item.get(answer.method))
    else {
        return vec![format!("{what}: the operation is not described")];
    };
    let Some(described) = operation["responses"].get(answer.status.to_string()) else {
        return vec![format!("{what}: the status is not described")];
    };
    let content = resolved(doc, described)["content"]
        .as_object()
        .filter(|c| !c.is_empty());
    let Some(content) = content else {
        return match answer.body.is_empty() {
            true => Vec::new(),
            false => vec![format!("{what}: a body where the document describes none")],
        };
    };
    let media = answer.media_type.clone().unwrap_or_default();
    let Some(entry) = content.get(&media) else {
        let described: Vec<&String> = content.keys().collect();
        return vec![format!(
            "{what}: media type {media:?} is not described (described: {described:?})"
        )];
    };
    if !media.ends_with("json") {
        return Vec::new();
    }
    let Ok(body) = serde_json::from_slice::<Value>(&answer.body) else {
        return vec![format!("{what}: the {media} body is not JSON")];
    };
    match entry.get("schema") {
        Some(schema) => instance_problems(doc, schema, &body)
            .into_iter()
            .map(|p| format!("{what} ({media}): {p}"))
            .collect(),
        None => Vec::new(),
    }
}

/// `instance` against `schema` of `doc` (its `$ref`s resolved in the document's components),
/// every described object closed: a field the schema does not describe is a problem.
pub fn instance_problems(doc: &Value, schema: &Value, instance: &Value) -> Vec<String> {
    let mut root = closed(schema.clone());
    if let Value::Object(map) = &mut root {
        map.insert("components".into(), closed(doc["components"].clone()));
    } else {
        root = json!({"allOf": [root], "components": closed(doc["components"].clone())});
    }
    let validator = match jsonschema::draft202012::new(&root) {
        Ok(validator) => validator,
        Err(error) => return vec![format!("the schema does not compile: {error}")],
    };
    validator
        .iter_errors(instance)
        .map(|e| describe(&e))
        .collect()
}

/// `schema` with every object schema that lists its properties closed to others.
fn closed(mut schema: Value) -> Value {
    fn close(value: &mut Value) {
        match value {
            Value::Object(map) => {
                let lists_properties = map.get("properties").is_some_and(Value::is_object);
                let open = !map.contains_key("additionalProperties")
                    && !map.contains_key("unevaluatedProperties");
                if lists_properties && open {
                    map.insert("unevaluatedProperties".into(), Value::Bool(false));
                }
                map.values_mut().for_each(close);
            }
            Value::Array(items) => items.iter_mut().for_each(close),
            _ => {}
        }
    }
    close(&mut schema);
    schema
}
