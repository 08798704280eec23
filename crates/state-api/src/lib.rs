//! The reference state API of ThüringenApp: the server the app syncs with, so the app runs end
//! to end on one machine and every test talks to a real server over real HTTP.
//!
//! It serves the catalog (with ETag) and form definitions, accepts submissions shaped like
//! FIT-Connect (create with an `Idempotency-Key` announcing attachments, chunked resumable
//! uploads checked by SHA-512, a final submit), keeps their BundID status history, delivers
//! inbox messages, plays the OAuth 2 / OIDC broker with demo citizens, and offers a small back
//! office for demos and tests. Errors are RFC 9457 problem documents.
//!
//! Layout: `http` holds thin axum handlers; `service` holds the rules (idempotency, uploads,
//! status moves, auth); `storage` is the only place that speaks SQL. This crate must never log
//! personal data (answers, names, tokens), and never depends on the app's `store` or `sync`.

// `Problem` (an RFC 9457 document, ~160 bytes) is the error of every handler and service call;
// it is built once per refused request, so boxing it would buy nothing measurable.
#![allow(clippy::result_large_err)]

pub mod catalog;
pub mod config;
pub mod error;
pub mod http;
pub mod ratelimit;
pub mod server;
pub mod service;
pub mod state;
pub mod storage;
pub mod subscriber;
pub mod wire;

pub use config::{
    Config, DemoCitizen, IdTokenKey, Limits, Lockout, LoginFormKey, OAuthClient, RedirectUri,
    SubscriberMode, TrustAnchorKey,
};
pub use error::{Error, FieldProblem, Problem};
pub use http::{back_office_router, router};
pub use server::{
    serve, serve_back_office_with_shutdown, serve_with_back_office, serve_with_shutdown,
};
pub use state::AppState;
