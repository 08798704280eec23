//! How the app may reach the state API: HTTPS with the state API's keys pinned, or plain HTTP
//! on loopback for development and tests only.
//!
//! A pin is the SHA-256 of a certificate's SubjectPublicKeyInfo (RFC 7469's `pin-sha256`). A
//! pinned connection must first pass the ordinary WebPKI check (a trusted chain, the right
//! name, in date); then one key of the presented chain (the server's certificate or an
//! intermediate) must be one of the pins. Pins name keys, not certificates, so renewing a
//! certificate on the same key changes nothing; a release needs at least two pins (the key in
//! use and a backup key kept offline) so that losing one key does not cut the app off.
//! SECURITY.md has the rotation plan.

use std::fmt;
use std::sync::Arc;

use base64::Engine as _;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use sha2::{Digest, Sha256};

use crate::error::SyncError;

/// One pinned key: the SHA-256 of its DER SubjectPublicKeyInfo.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SpkiPin([u8; 32]);

impl SpkiPin {
    /// The pin of a DER SubjectPublicKeyInfo.
    pub fn of_spki(spki_der: &[u8]) -> SpkiPin {
        SpkiPin(Sha256::digest(spki_der).into())
    }

    /// The pin of a DER certificate's key, or `None` if it is not a certificate.
    pub fn of_certificate(cert_der: &[u8]) -> Option<SpkiPin> {
        let der = CertificateDer::from(cert_der);
        let cert = webpki::EndEntityCert::try_from(&der).ok()?;
        Some(SpkiPin::of_spki(cert.subject_public_key_info().as_ref()))
    }

    /// Reads `sha256/<base64>` (the notation of RFC 7469 and OkHttp) or bare base64.
    pub fn parse(text: &str) -> Result<SpkiPin, SyncError> {
        let text = text.trim();
        let encoded = text.strip_prefix("sha256/").unwrap_or(text);
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .map_err(|_| SyncError::InsecureTransport(format!("not a pin: {text:?}")))?;
        let hash: [u8; 32] = bytes.try_into().map_err(|_| {
            SyncError::InsecureTransport(format!("a pin is a SHA-256 (32 bytes): {text:?}"))
        })?;
        Ok(SpkiPin(hash))
    }

    /// Reads a comma- or whitespace-separated list of pins.
    pub fn parse_list(text: &str) -> Result<Vec<SpkiPin>, SyncError> {
        text.split(|c: char| c == ',' || c.is_whitespace())
            .filter(|part| !part.is_empty())
            .map(SpkiPin::parse)
            .collect()
    }
}

impl fmt::Display for SpkiPin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let encoded = base64::engine::general_purpose::STANDARD.encode(self.0);
        write!(f, "sha256/{encoded}")
    }
}

impl fmt::Debug for SpkiPin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The fewest pins a pinned transport accepts: the key in use and a backup key.
pub const MIN_PINS: usize = 2;

/// The rules for the connection to the state API.
#[derive(Clone, Debug)]
pub struct Transport {
    pins: Vec<SpkiPin>,
    allow_loopback_http: bool,
    extra_roots: Vec<CertificateDer<'static>>,
}

impl Transport {
    /// A release build: HTTPS only, and one of `pins` in the server's chain. Refuses fewer
    /// than [`MIN_PINS`] pins.
    pub fn pinned(pins: Vec<SpkiPin>) -> Result<Transport, SyncError> {
        let mut unique = pins.clone();
        unique.sort_by_key(|pin| pin.0);
        unique.dedup();
        if unique.len() < MIN_PINS {
            return Err(SyncError::InsecureTransport(format!(
                "at least {MIN_PINS} different pins (the key in use and a backup key), got {}",
                unique.len()
            )));
        }
        Ok(Transport {
            pins,
            allow_loopback_http: false,
            extra_roots: Vec::new(),
        })
    }

    /// Debug builds and tests: plain HTTP to loopback is allowed, HTTPS is checked against
    /// the WebPKI roots without pins.
    pub fn development() -> Transport {
        Transport {
            pins: Vec::new(),
            allow_loopback_http: true,
            extra_roots: Vec::new(),
        }
    }

    /// Also allows plain HTTP to loopback (a debug build talking to the reference server).
    pub fn allowing_loopback_http(mut self) -> Transport {
        self.allow_loopback_http = true;
        self
    }

    /// Trusts one more root certificate (DER) besides the WebPKI roots: a state's private
    /// PKI, or a test's own authority. Pins still apply.
    pub fn trusting_root(mut self, cert_der: Vec<u8>) -> Transport {
        self.extra_roots.push(CertificateDer::from(cert_der));
        self
    }

    /// The pins, empty when the transport does not pin.
    pub fn pins(&self) -> &[SpkiPin] {
        &self.pins
    }

    /// Whether `base` may be used under these rules.
    pub fn check(&self, base: &reqwest::Url) -> Result<(), SyncError> {
        match base.scheme() {
            "https" => Ok(()),
            "http" if self.allow_loopback_http && is_loopback(base) => Ok(()),
            "http" => Err(SyncError::InsecureTransport(format!(
                "plain HTTP to {} (only HTTPS{})",
                base.host_str().unwrap_or_default(),
                if self.allow_loopback_http {
                    ", or HTTP to loopback"
                } else {
                    ""
                }
            ))),
            other => Err(SyncError::InsecureTransport(format!(
                "the scheme {other:?} is not HTTPS"
            ))),
        }
    }

    /// The TLS configuration: WebPKI roots (and any extra root), TLS 1.2+ with rustls' safe
    /// defaults, and the pin check when there are pins.
    pub(crate) fn tls_config(&self) -> Result<rustls::ClientConfig, SyncError> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut roots = rustls::RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        for root in &self.extra_roots {
            roots
                .add(root.clone())
                .map_err(|e| SyncError::InsecureTransport(format!("extra root: {e}")))?;
        }
        let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
            .build()
            .map_err(|e| SyncError::InsecureTransport(e.to_string()))?;
        let builder = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| SyncError::InsecureTransport(e.to_string()))?;
        let config = if self.pins.is_empty() {
            builder.with_webpki_verifier(webpki).with_no_client_auth()
        } else {
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(PinnedVerifier {
                    webpki,
                    pins: self.pins.clone(),
                }))
                .with_no_client_auth()
        };
        Ok(config)
    }
}

fn is_loopback(url: &reqwest::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// WebPKI first, then the pins: a pin never makes an untrusted, expired or misnamed
/// certificate acceptable.
#[derive(Debug)]
struct PinnedVerifier {
    webpki: Arc<WebPkiServerVerifier>,
    pins: Vec<SpkiPin>,
}

impl ServerCertVerifier for PinnedVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let verified = self.webpki.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        )?;
        let pinned = std::iter::once(end_entity)
            .chain(intermediates)
            .filter_map(|cert| SpkiPin::of_certificate(cert))
            .any(|key| self.pins.contains(&key));
        if pinned {
            Ok(verified)
        } else {
            Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::ApplicationVerificationFailure,
            ))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.webpki.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.webpki.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.webpki.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pin(byte: u8) -> SpkiPin {
        SpkiPin([byte; 32])
    }

    #[test]
    fn pins_read_in_rfc_7469_notation_and_bare() -> Result<(), SyncError> {
        let text = pin(7).to_string();
        assert!(text.starts_with("sha256/"));
        assert_eq!(SpkiPin::parse(&text)?, pin(7));
        assert_eq!(SpkiPin::parse(text.trim_start_matches("sha256/"))?, pin(7));
        assert_eq!(
            SpkiPin::parse_list(&format!("{}, {}\n", pin(1), pin(2)))?,
            vec![pin(1), pin(2)]
        );
        assert!(SpkiPin::parse("sha256/AAAA").is_err(), "too short");
        assert!(SpkiPin::parse("sha256/not base64!").is_err());
        Ok(())
    }

    #[test]
    fn a_pinned_transport_needs_a_backup_pin() {
        assert!(Transport::pinned(vec![]).is_err());
        assert!(Transport::pinned(vec![pin(1)]).is_err());
        assert!(
            Transport::pinned(vec![pin(1), pin(1)]).is_err(),
            "the same key twice is no backup"
        );
        assert!(Transport::pinned(vec![pin(1), pin(2)]).is_ok());
    }

    #[test]
    fn release_speaks_only_https_development_also_loopback_http() -> Result<(), SyncError> {
        let url =
            |text: &str| reqwest::Url::parse(text).map_err(|e| SyncError::Malformed(e.to_string()));
        let release = Transport::pinned(vec![pin(1), pin(2)])?;
        assert!(release.check(&url("https://api.example/")?).is_ok());
        assert!(release.check(&url("http://127.0.0.1:8787/")?).is_err());
        assert!(release.check(&url("http://api.example/")?).is_err());

        let development = Transport::development();
        assert!(development.check(&url("http://127.0.0.1:8787/")?).is_ok());
        assert!(development.check(&url("http://[::1]:8787/")?).is_ok());
        assert!(development.check(&url("http://localhost:8787/")?).is_ok());
        assert!(development.check(&url("https://api.example/")?).is_ok());
        assert!(
            development.check(&url("http://api.example/")?).is_err(),
            "plain HTTP leaves loopback in no build"
        );
        assert!(development
            .check(&url("http://127.0.0.1.evil.example/")?)
            .is_err());
        assert!(development.check(&url("ftp://127.0.0.1/")?).is_err());
        Ok(())
    }
}
