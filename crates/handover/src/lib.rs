//! A draft's way from a shared tablet to the citizen's own phone (#14).
//!
//! The tablet makes a [`Code`] (80 random bits, shown as a QR symbol and as 16 characters to
//! type). From the code alone come the mailbox's name on the state API and the AES-256-GCM key
//! ([`Code::mailbox`], [`Code::seal`], [`Code::open`]): the state API holds ciphertext under a
//! name that says nothing of the key, and only who holds the code can read the [`Package`].
//!
//! No IO here: the app sends and fetches; this crate makes the code, derives, seals and opens.

mod code;
mod package;
mod qr;
mod seal;

pub use code::{Code, QR_PREFIX};
pub use package::{Package, PackageFile, PACKAGE_VERSION};
pub use qr::{qr_symbol, QrSymbol};

/// Why a handover could not be made or opened.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum HandoverError {
    /// The text typed or scanned is not a handover code.
    #[error("not a handover code")]
    NotACode,
    /// The content does not open under this code's key (another code, or changed on the way).
    #[error("the content does not open under this code")]
    DoesNotOpen,
    /// The content opened but is not a package this app reads.
    #[error("not a package this app reads: {0}")]
    Malformed(String),
    /// The system's random number generator failed.
    #[error("no randomness")]
    Randomness,
    /// The QR symbol could not be made (the text is too long for any version).
    #[error("no QR symbol: {0}")]
    Qr(String),
}
