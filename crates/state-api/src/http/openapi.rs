//! The OpenAPI 3.1 document, generated from the handlers' and wire types' annotations, served
//! at `/v1/openapi.json` and checked into `crates/state-api/openapi.json`.
//!
//! It describes; it never decides anything about requests.

use axum::http::StatusCode;
use axum::response::Response;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{
    schema::SchemaType, ContentBuilder, HeaderBuilder, Ref, RefOr, ResponseBuilder, Type,
};
use utoipa::{Modify, OpenApi};

use super::json;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "Access token from /oauth/token (authorization code + PKCE)",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "admin",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The back office credential (at least 32 characters, from a file or \
                         the environment); only on the back office listener",
                    ))
                    .build(),
            ),
        );
    }
}

/// What the handlers' annotations leave to one place:
///
/// - every answer whose body is a [`crate::error::Problem`] has the media type the server
///   sends it with, `application/problem+json` (the annotations name only the schema);
/// - answers no handler decides, which every operation can give: 408 (the request timeout of
///   both listeners) and 500 (a failure inside the server), each a problem; and 429 on every
///   operation of the public listener (its rate limit, per citizen or address, with
///   `Retry-After`), unless the operation describes its 429 itself;
/// - answers to `HEAD` carry no body.
struct CommonAnswers;

/// The operations of a path with their methods.
fn operations(item: &mut utoipa::openapi::PathItem) -> Vec<(&'static str, &mut Operation)> {
    [
        ("get", item.get.as_mut()),
        ("put", item.put.as_mut()),
        ("post", item.post.as_mut()),
        ("delete", item.delete.as_mut()),
        ("options", item.options.as_mut()),
        ("head", item.head.as_mut()),
        ("patch", item.patch.as_mut()),
        ("trace", item.trace.as_mut()),
    ]
    .into_iter()
    .filter_map(|(method, operation)| operation.map(|o| (method, o)))
    .collect()
}

fn problem_answer(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            PROBLEM_MEDIA_TYPE,
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
}

const PROBLEM_MEDIA_TYPE: &str = "application/problem+json";

impl Modify for CommonAnswers {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let problem = "#/components/schemas/Problem";
        for (path, item) in openapi.paths.paths.iter_mut() {
            let public = !path.starts_with("/admin/");
            for (method, operation) in operations(item) {
                let answers = &mut operation.responses.responses;
                for answer in answers.values_mut() {
                    let RefOr::T(answer) = answer else { continue };
                    let is_problem = answer.content.get("application/json").is_some_and(
                        |c| matches!(&c.schema, Some(RefOr::Ref(r)) if r.ref_location == problem),
                    );
                    if is_problem {
                        if let Some(content) = answer.content.shift_remove("application/json") {
                            answer.content.insert(PROBLEM_MEDIA_TYPE.into(), content);
                        }
                    }
                }
                let mut add = |status: &str, answer: utoipa::openapi::Response| {
                    answers.entry(status.to_string()).or_insert(answer.into());
                };
                add(
                    "408",
                    problem_answer("The request took too long (request_timeout)"),
                );
                add(
                    "500",
                    problem_answer("A failure inside the server (internal): try again later"),
                );
                if public {
                    let mut limited = problem_answer(
                        "Too many requests from this citizen or address (rate_limited)",
                    );
                    limited.headers.insert(
                        "Retry-After".into(),
                        HeaderBuilder::new()
                            .schema(
                                utoipa::openapi::ObjectBuilder::new()
                                    .schema_type(SchemaType::Type(Type::Integer)),
                            )
                            .description(Some("Seconds to wait"))
                            .build(),
                    );
                    add("429", limited);
                }
                if method == "head" {
                    for answer in answers.values_mut() {
                        if let RefOr::T(answer) = answer {
                            answer.content.clear();
                        }
                    }
                }
            }
        }
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "ThüringenApp reference state API",
        description = "Catalog, form definitions, FIT-Connect-shaped idempotent submissions with \
            chunked attachments, BundID status history, inbox, OAuth 2 login with PKCE, and a \
            simulated back office (the /admin/v1 paths, served only on the back office's own \
            listener). Errors are RFC 9457 application/problem+json; the login's pages are \
            HTML and the token endpoint refuses in OAuth 2's own JSON (RFC 6749 §5.2).",
        license(name = "EUPL-1.2")
    ),
    modifiers(&Security, &CommonAnswers),
    paths(
        super::catalog::health,
        super::catalog::get_catalog,
        super::catalog::form_definition,
        super::catalog::authorities,
        super::catalog::destination_keys,
        super::submissions::create,
        super::submissions::list,
        super::submissions::get_one,
        super::submissions::upload_chunk,
        super::submissions::upload_state,
        super::submissions::submit,
        super::submissions::withdraw,
        super::submissions::inbox,
        super::replies::reply,
        super::replies::message_document,
        super::auth::openid_configuration,
        super::auth::jwks,
        super::auth::authorize_page,
        super::auth::authorize_login,
        super::auth::token,
        super::auth::userinfo,
        super::auth::revoke,
        super::admin::list,
        super::admin::move_status,
        super::admin::send_message,
        super::admin::rotate_keys,
        super::decisions::sealed,
        super::decisions::attachment,
        super::decisions::decide,
        super::replies::list,
        super::reports::create,
        super::reports::list,
        super::handovers::put,
        super::handovers::get,
        super::handovers::pick_up,
        super::handovers::handover_state,
        openapi_json,
    )
)]
pub struct ApiDoc;

/// The OpenAPI document as pretty JSON (what is checked into the repository).
pub fn openapi_document() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

/// This document.
#[utoipa::path(get, path = "/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI document", body = Object)))]
pub async fn openapi_json() -> Response {
    json(StatusCode::OK, &ApiDoc::openapi())
}
