//! The HTTP surface: routes, extractors and thin handlers that call the service layer.
//!
//! Handlers parse, call one service function and map its answer; they must never hold rules of
//! their own or touch storage directly.

mod catalog;

use axum::routing::get;
use axum::Router;

use crate::state::AppState;

/// The whole API as an axum router, for in-process tests and for [`crate::serve`].
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/health", get(catalog::health))
        .route("/v1/catalog", get(catalog::get_catalog))
        .with_state(state)
}
