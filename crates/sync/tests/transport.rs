//! The transport to the state API: HTTPS with pinned keys, against the real state API behind a
//! real TLS endpoint on loopback (a test authority issues its certificate).

mod support;

use std::net::SocketAddr;
use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use support::TestServer;
use sync::{SpkiPin, StateApiClient, SyncError, Timeouts, Transport};

/// A test PKI: root → issuing CA → the server's certificate for 127.0.0.1.
struct Pki {
    root: CertificateDer<'static>,
    issuing_ca_pin: SpkiPin,
    server_pin: SpkiPin,
    chain: Vec<CertificateDer<'static>>,
    server_key: PrivateKeyDer<'static>,
}

fn ca_params(name: &str) -> CertificateParams {
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA parameters");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(DnType::CommonName, name);
    params
}

fn pki() -> Pki {
    let root_key = KeyPair::generate().expect("a root key");
    let root = ca_params("Test root").self_signed(&root_key).expect("root");
    let issuing_key = KeyPair::generate().expect("an issuing key");
    let issuing = ca_params("Test issuing CA")
        .signed_by(&issuing_key, &root, &root_key)
        .expect("issuing CA");
    let server_key = KeyPair::generate().expect("a server key");
    let server = CertificateParams::new(vec!["127.0.0.1".to_string()])
        .expect("server parameters")
        .signed_by(&server_key, &issuing, &issuing_key)
        .expect("server certificate");
    Pki {
        root: root.der().clone(),
        issuing_ca_pin: SpkiPin::of_spki(&issuing_key.public_key_der()),
        server_pin: SpkiPin::of_certificate(server.der()).expect("a certificate"),
        chain: vec![server.der().clone(), issuing.der().clone()],
        server_key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der())),
    }
}

/// Terminates TLS on loopback and forwards the bytes to the state API.
async fn tls_front(pki: &Pki, upstream: SocketAddr) -> SocketAddr {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(pki.chain.clone(), pki.server_key.clone_key())
        .expect("the server certificate");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let addr = listener.local_addr().expect("an address");
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let Ok(mut plain) = tokio::net::TcpStream::connect(upstream).await else {
                    return;
                };
                let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
            });
        }
    });
    addr
}

fn client(addr: SocketAddr, transport: &Transport) -> Result<StateApiClient, SyncError> {
    StateApiClient::with_transport(&format!("https://{addr}/"), Timeouts::default(), transport)
}

fn other_pin(byte: u8) -> SpkiPin {
    SpkiPin::of_spki(&[byte; 91])
}

#[tokio::test]
async fn a_pinned_client_reaches_the_state_api_only_through_a_pinned_key() -> Result<(), SyncError>
{
    let server = TestServer::start().await;
    let pki = pki();
    let front = tls_front(&pki, server.addr).await;
    let trusted = |pins: Vec<SpkiPin>| -> Result<Transport, SyncError> {
        Ok(Transport::pinned(pins)?.trusting_root(pki.root.to_vec()))
    };

    // The server's key pinned, with a backup: the real state API answers over TLS.
    let pinned = client(front, &trusted(vec![pki.server_pin, other_pin(1)])?)?;
    pinned.health().await?;
    assert!(matches!(
        pinned.fetch_catalog(None).await?,
        sync::CatalogFetch::Changed { .. }
    ));

    // Rotation: only the backup pin matches (here the issuing CA's key): still reachable.
    let backup = client(front, &trusted(vec![other_pin(2), pki.issuing_ca_pin])?)?;
    backup.health().await?;

    // A trusted chain whose keys are not pinned (another CA, a proxy with its own root):
    // refused before any request leaves.
    let unpinned = client(front, &trusted(vec![other_pin(3), other_pin(4)])?)?;
    let refused = unpinned.health().await;
    assert!(
        matches!(refused, Err(SyncError::Unreachable(_))),
        "an unpinned key must not be accepted: {refused:?}"
    );

    // A pin never replaces the chain check: the right key under an untrusted root is refused.
    let untrusted = client(
        front,
        &Transport::pinned(vec![pki.server_pin, pki.issuing_ca_pin])?,
    )?;
    let refused = untrusted.health().await;
    assert!(
        matches!(refused, Err(SyncError::Unreachable(_))),
        "an untrusted root must be refused even with a matching pin: {refused:?}"
    );

    // Development rules over HTTPS: the chain is checked, nothing is pinned.
    let development = client(
        front,
        &Transport::development().trusting_root(pki.root.to_vec()),
    )?;
    development.health().await?;
    Ok(())
}

#[tokio::test]
async fn a_release_transport_refuses_plain_http_even_to_loopback() {
    let server = TestServer::start().await;
    let release = Transport::pinned(vec![other_pin(1), other_pin(2)]).expect("two pins");
    let refused = StateApiClient::with_transport(&server.base(), Timeouts::default(), &release);
    assert!(
        matches!(refused, Err(SyncError::InsecureTransport(_))),
        "{refused:?}"
    );
    // A debug build may talk to the reference server on loopback.
    let debug = StateApiClient::with_transport(
        &server.base(),
        Timeouts::default(),
        &release.allowing_loopback_http(),
    )
    .expect("loopback HTTP in a debug build");
    debug.health().await.expect("the reference server answers");
    // Plain HTTP off loopback: never.
    let remote = StateApiClient::with_transport(
        "http://state-api.example/",
        Timeouts::default(),
        &Transport::development(),
    );
    assert!(matches!(remote, Err(SyncError::InsecureTransport(_))));
}
