//! One module per page.
pub mod accessibility;
pub mod applications;
pub mod catalog;
pub mod guide;
pub mod handover;
pub mod inbox;
pub mod legal;
pub mod notifications;
pub mod printout;
pub mod receipt;
pub mod refusal;
pub mod reply;
pub mod sending;
pub mod service;
pub mod settings;
pub mod withdraw;
pub mod wizard;
