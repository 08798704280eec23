//! ThüringenApp's domain: what a service, an authority, a place, a form and a draft *are*,
//! and the rules over them.
//!
//! This crate is pure. It must never do IO, read a clock, make random numbers or spawn
//! anything: time, ids and data come in as arguments. It compiles for `wasm32-unknown-unknown`
//! (the UI) and natively (the shell and the state API), so every rule is written once.

pub mod calendar;
pub mod catalog;
pub mod feedback;
pub mod form;
pub mod format;
pub mod ipc;
pub mod metadata;
pub mod notify;
pub mod problem;
pub mod receipt;
pub mod reply;
pub mod search;
pub mod settings;
pub mod status;
pub mod text;

pub use catalog::{
    Authority, AuthorityKind, Catalog, District, FeePeriod, FormVersion, Guide, GuideStep,
    Language, LifeSituation, Localized, Municipality, PlaceFee, PostalCodeArea, ResponsibleLevel,
    Service, GENERAL_APPLICATION_FORM,
};
