//! ThüringenApp's sync engine: the state-API client, the login, and the outbox worker.
//!
//! - [`StateApiClient`]: one typed method per endpoint, a timeout on every call, refusals as
//!   [`SyncError`] (problem+json parsed, `Retry-After` kept) that say whether a retry can help.
//! - [`auth`]: OAuth 2 authorization code + PKCE with a loopback redirect (RFC 8252), refresh
//!   with rotation, logout; the refresh token behind [`auth::Credentials`] (keychain, or memory
//!   only for an assisted session), the access token only in memory.
//! - [`plan`] (pure) and [`worker`] (IO): the outbox worker that delivers every queued
//!   submission exactly once, with resumable uploads, back-off with full jitter, offline and
//!   login-required states, status and inbox polling, and [`worker::SyncEvent`]s for the UI.
//! - [`transport`]: HTTPS with the state API's keys pinned in a release, plain HTTP only to
//!   loopback in development.
//!
//! This crate never writes SQL (the `store` crate does), never knows Tauri (the shell forwards
//! events), and never logs personal data or tokens.

pub mod auth;
mod client;
mod error;
pub mod events;
mod forms;
mod handover;
pub mod plan;
pub mod receipt;
pub mod refresh;
mod replies;
pub mod seal;
pub mod transport;
pub mod wire;
pub mod worker;

pub use auth::{
    Account, Credentials, KeychainCredentials, MemoryCredentials, PendingLogin, Session,
};
pub use client::{CatalogFetch, StateApiClient, Timeouts};
pub use error::{parse_retry_after, FieldProblem, Problem, SyncError};
pub use transport::{SpkiPin, Transport};
pub use worker::{
    data_sha512, judged_history, status_history, Clock, Progress, Reachability, Stage, SyncEvent,
    Worker, WorkerConfig,
};
