//! Test harness: the real server on `127.0.0.1:0`, a tiny catalog, and HTTP helpers.
#![allow(dead_code)]

use std::time::Duration;

use domain::{Authority, AuthorityKind, Catalog, Localized, ResponsibleLevel, Service};
use state_api::{AppState, Config};

pub const PARKING: &str = "99108001001000";
pub const ERFURT: &str = "16051000";

/// A catalog with one service and two authorities, enough for every test.
pub fn tiny_catalog() -> Catalog {
    Catalog {
        version: "test-1".into(),
        services: vec![Service {
            leika_key: PARKING.into(),
            name: Localized::de("Bewohnerparkausweis"),
            life_situation: None,
            topic: None,
            ozg_bundle: None,
            law: None,
            responsible_level: ResponsibleLevel::Municipality,
            responsibility_confirmed: true,
            featured: true,
            summary: None,
            who_can_apply: None,
            fees: None,
            duration: None,
            documents: vec![],
            form_id: Some("S00000001".into()),
            keywords: vec![],
        }],
        authorities: vec![
            Authority {
                id: "erfurt".into(),
                name: Localized::de("Stadtverwaltung Erfurt"),
                kind: AuthorityKind::CityAdministration,
                level: ResponsibleLevel::Municipality,
                area_key: ERFURT.into(),
                address: None,
                phone: None,
                opening_hours: None,
            },
            Authority {
                id: "tlvwa".into(),
                name: Localized::de("Landesverwaltungsamt"),
                kind: AuthorityKind::StateOffice,
                level: ResponsibleLevel::Land,
                area_key: "16".into(),
                address: None,
                phone: None,
                opening_hours: None,
            },
        ],
        ..Catalog::default()
    }
}

/// A running server; dropping it stops the server.
pub struct TestServer {
    pub base: String,
    pub state: AppState,
    pub http: reqwest::Client,
    _dir: tempfile::TempDir,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl TestServer {
    pub async fn start() -> TestServer {
        TestServer::start_with(|_| {}).await
    }

    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> TestServer {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut config = Config::new(dir.path().join("data"), tiny_catalog());
        config.admin_token = Some("admin-secret".into());
        adjust(&mut config);
        let state = AppState::new(config).expect("the server state opens");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let base = format!("http://{}", listener.local_addr().expect("a local address"));
        let serving = state.clone();
        let task = tokio::spawn(async move {
            let _ = state_api::serve_with_shutdown(listener, serving, std::future::pending()).await;
        });
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(20))
            .build()
            .expect("an HTTP client");
        TestServer {
            base,
            state,
            http,
            _dir: dir,
            task,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}
