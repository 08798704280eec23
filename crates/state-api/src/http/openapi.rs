//! The OpenAPI 3.1 document, generated from the handlers' and wire types' annotations, served
//! at `/v1/openapi.json` and checked into `crates/state-api/openapi.json`.
//!
//! It describes; it never decides anything about requests.

use axum::http::StatusCode;
use axum::response::Response;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
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

#[derive(OpenApi)]
#[openapi(
    info(
        title = "ThüringenApp reference state API",
        description = "Catalog, form definitions, FIT-Connect-shaped idempotent submissions with \
            chunked attachments, BundID status history, inbox, OAuth 2 login with PKCE, and a \
            simulated back office (the /admin/v1 paths, served only on the back office's own \
            listener). Errors are RFC 9457 application/problem+json.",
        license(name = "EUPL-1.2")
    ),
    modifiers(&Security),
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
        super::replies::list,
        super::reports::create,
        super::reports::list,
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
