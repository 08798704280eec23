use super::*;

fn doc(issuer: Option<&str>, authorize: &str, token: &str) -> wire::OpenIdConfiguration {
    serde_json::from_value(serde_json::json!({
        "issuer": issuer.unwrap_or_default(), "authorization_endpoint": authorize,
        "token_endpoint": token, "userinfo_endpoint": "http://127.0.0.1:8787/oauth/userinfo",
        "jwks_uri": "/.well-known/jwks.json", "response_types_supported": ["code"],
        "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": [],
    }))
    .expect("a discovery document")
}

#[test]
fn discovery_is_used_only_when_it_names_the_configured_state_api() {
    let base = reqwest::Url::parse("http://127.0.0.1:8787/").expect("a URL");
    let authorize = "http://127.0.0.1:8787/oauth/authorize";
    let token = "http://127.0.0.1:8787/oauth/token";
    for issuer in ["http://127.0.0.1:8787", "http://127.0.0.1:8787/"] {
        assert!(
            check_discovery(&base, &doc(Some(issuer), authorize, token)).is_ok(),
            "{issuer} is the configured state API"
        );
    }
    assert!(
        check_discovery(
            &base,
            &doc(Some("http://127.0.0.1:8787"), "oauth/authorize", token)
        )
        .is_ok(),
        "relative endpoints resolve on the base"
    );
    let refused = [
        doc(None, authorize, token),
        doc(Some("http://evil.example"), authorize, token),
        doc(Some("http://127.0.0.1:8788"), authorize, token),
        doc(Some("https://127.0.0.1:8787"), authorize, token),
        doc(Some("http://127.0.0.1:8787/other"), authorize, token),
        doc(Some("http://u@127.0.0.1:8787"), authorize, token),
        doc(
            Some("http://127.0.0.1:8787"),
            "https://evil.example/authorize",
            token,
        ),
        doc(
            Some("http://127.0.0.1:8787"),
            "//evil.example/authorize",
            token,
        ),
        doc(
            Some("http://127.0.0.1:8787"),
            "http://127.0.0.1:1@evil.example/",
            token,
        ),
        doc(
            Some("http://127.0.0.1:8787"),
            authorize,
            "http://evil.example/token",
        ),
    ];
    for doc in refused {
        assert!(
            matches!(check_discovery(&base, &doc), Err(SyncError::Login(_))),
            "refused: {doc:?}"
        );
    }
    let mut foreign_userinfo = doc(Some("http://127.0.0.1:8787"), authorize, token);
    foreign_userinfo.userinfo_endpoint = Some("http://evil.example/userinfo".into());
    assert!(check_discovery(&base, &foreign_userinfo).is_err());
    let mut foreign_revocation = doc(Some("http://127.0.0.1:8787"), authorize, token);
    foreign_revocation.revocation_endpoint = Some("http://evil.example/revoke".into());
    assert!(check_discovery(&base, &foreign_revocation).is_err());
}

#[test]
fn pkce_follows_rfc_7636() {
    // The example of RFC 7636, appendix B.
    assert_eq!(
        pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "S256 challenge of the RFC's verifier"
    );
    let (verifier, challenge) = pkce_pair();
    assert_eq!(
        verifier.expose().len(),
        43,
        "32 bytes, base64url without padding"
    );
    assert_eq!(challenge, pkce_challenge(verifier.expose()), "pair matches");
    assert!(
        !format!("{verifier:?}").contains(verifier.expose()),
        "verifier redacted"
    );
}

/// #14: a visitor's login lives in the visitor's credentials only; the device's person's
/// kept login is neither used nor touched meanwhile, and comes back whole.
#[tokio::test]
async fn switched_credentials_keep_each_persons_login_apart() -> Result<(), SyncError> {
    let client = StateApiClient::new("http://127.0.0.1:9/")?;
    let device = Arc::new(MemoryCredentials::new());
    device.save(&Secret::new("device-refresh"))?;
    let session = Session::new(client, device.clone());
    assert!(session.account().await?.logged_in, "the device's login");
    let logins = session.logins();

    let visitor = Arc::new(MemoryCredentials::new());
    let lent = session.switch_credentials(visitor.clone()).await;
    assert!(logins.has_changed().unwrap_or(false), "a login change");
    assert!(
        !session.account().await?.logged_in,
        "the visitor is not logged in"
    );
    // What the visitor's login keeps goes to the visitor's credentials only.
    session
        .credentials()
        .save(&Secret::new("visitor-refresh"))?;
    assert_eq!(visitor.load()?, Some(Secret::new("visitor-refresh")));
    assert_eq!(device.load()?, Some(Secret::new("device-refresh")));
    session.logout().await?;
    assert_eq!(visitor.load()?, None, "the visitor's logout forgets it");

    let back = session.switch_credentials(lent).await;
    assert!(Arc::ptr_eq(
        &back,
        &(visitor.clone() as Arc<dyn Credentials>)
    ));
    assert!(
        session.account().await?.logged_in,
        "the device's login is back"
    );
    assert_eq!(
        device.load()?,
        Some(Secret::new("device-refresh")),
        "untouched"
    );
    Ok(())
}

#[test]
fn memory_credentials_forget_on_clear() -> Result<(), KeychainError> {
    let credentials = MemoryCredentials::new();
    credentials.save(&Secret::new("r1"))?;
    assert_eq!(
        credentials.load()?,
        Some(Secret::new("r1")),
        "kept in memory"
    );
    credentials.clear()?;
    assert_eq!(credentials.load()?, None, "gone after clear");
    Ok(())
}
