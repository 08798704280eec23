//! Catalog refresh against the real state API on loopback: a new form version is fetched and
//! stored, the drafts on the old version carry over by field id (what does not carry over goes
//! to review, nothing is dropped), a second refresh is a 304, and a server that is down is
//! "offline", not an error.

use std::net::SocketAddr;
use std::sync::Mutex;

use domain::catalog::CatalogOrigin;
use domain::form::{FieldPath, FormDefinition, Value};
use store::{NewDraft, Store};
use sync::refresh::refresh_catalog;
use sync::refresh::Refreshed;
use sync::StateApiClient;
use tokio::sync::oneshot;
use uuid::Uuid;

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// The shipped Hundesteuer form and a version 2 without the first field of its first group:
/// (old, new, the removed field's path, a path that exists in both).
type Forms = (FormDefinition, FormDefinition, String, String);

fn forms() -> Result<Forms, Box<dyn std::error::Error + Send + Sync>> {
    let json = domain::form::showcase_definitions()
        .into_iter()
        .find(|(id, _)| *id == "hundesteuer")
        .map(|(_, json)| json)
        .ok_or("the showcase has the Hundesteuer form")?;
    let old = FormDefinition::from_json(json)?;
    let mut raw: serde_json::Value = serde_json::from_str(json)?;
    raw["version"] = serde_json::Value::from(format!("{}-next", old.version));
    let group = &mut raw["pages"][0]["items"][0];
    let group_id = group["id"]
        .as_str()
        .ok_or("the first item is a group")?
        .to_string();
    assert!(
        group.get("repeat").is_none(),
        "the first group is not a repeat group"
    );
    let items = group["items"].as_array_mut().ok_or("the group has items")?;
    let removed = items.remove(0);
    let removed_path = format!("{group_id}.{}", removed["id"].as_str().ok_or("an id")?);
    let kept_path = format!("{group_id}.{}", items[0]["id"].as_str().ok_or("an id")?);
    let new: FormDefinition = serde_json::from_value(raw)?;
    Ok((old, new, removed_path, kept_path))
}

async fn start_server(
    dir: &std::path::Path,
    catalog: domain::Catalog,
    forms: Vec<FormDefinition>,
) -> Result<(SocketAddr, oneshot::Sender<()>), Box<dyn std::error::Error + Send + Sync>> {
    let config = state_api::Config {
        data_dir: dir.to_path_buf(),
        catalog,
        forms,
        destination_key_bits: 2048,
        ..state_api::Config::default()
    };
    let state = state_api::AppState::new(config)?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(async move {
        let _ = state_api::serve_with_shutdown(listener, state, async move {
            let _ = stopped.await;
        })
        .await;
    });
    Ok((addr, stop))
}

#[tokio::test]
async fn a_new_form_version_is_fetched_and_drafts_carry_over_by_field_id() -> TestResult {
    let (old, new, removed, kept) = forms()?;
    let server_dir = tempfile::tempdir()?;
    let mut catalog = catalog_seed::seed_catalog()?;
    for form in &mut catalog.forms {
        if form.id == new.id {
            form.version = new.version.clone();
        }
    }
    catalog.version = catalog_seed::content_version(&catalog)?;
    // Every form the app ships (showcase and imported from XDatenfelder): the catalog
    // announces them all.
    let shipped: Vec<FormDefinition> = catalog_seed::shipped_forms().to_vec();
    let mut served: Vec<FormDefinition> =
        shipped.iter().filter(|f| f.id != new.id).cloned().collect();
    served.push(new.clone());
    let (addr, stop) = start_server(server_dir.path(), catalog.clone(), served).await?;

    // The device: the seed catalog, the shipped form, and a draft on it with two answers.
    let mut store = Store::open_in_memory()?;
    let seed = catalog_seed::seed_catalog()?;
    store.save_catalog(&seed, CatalogOrigin::Seed, None, "2026-11-26T09:00:00Z")?;
    for form in &shipped {
        store.save_form_definition(form, 0)?;
    }
    let draft = Uuid::new_v4();
    store.create_draft(&NewDraft {
        id: draft,
        form_id: &old.id,
        form_version: &old.version,
        service_key: Some("99102013000000"),
        now: 1,
    })?;
    let removed_path = FieldPath::parse(&removed).ok_or("a field id is a path")?;
    store.save_answer(draft, &removed_path, &Value::text("kept for review"), 2)?;
    let kept_path = FieldPath::parse(&kept).ok_or("a field id is a path")?;
    store.save_answer(draft, &kept_path, &Value::text("carried over"), 3)?;
    let store = Mutex::new(store);

    let client = StateApiClient::new(&format!("http://{addr}/"))?;
    let outcome = refresh_catalog(&client, &store, 10, "2026-11-26T10:00:00Z").await?;
    assert_eq!(
        outcome,
        Refreshed::Updated {
            version: catalog.version.clone()
        },
        "the new catalog is stored"
    );
    {
        let store = store.lock().map_err(|_| "lock")?;
        let latest = store
            .latest_form_definition(&new.id)?
            .ok_or("the new version is stored")?;
        assert_eq!(
            latest.version, new.version,
            "the newest stored version is the state API's"
        );
        let migrated = store.draft(draft)?.ok_or("the draft is still there")?;
        assert_eq!(
            migrated.form_version, new.version,
            "the draft moved to the new version"
        );
        assert_eq!(
            migrated.answers.get(&kept_path),
            Some(&Value::text("carried over")),
            "an answer whose field still exists carries over"
        );
        assert!(
            migrated.review.iter().any(|item| item.path == removed_path),
            "the answer of the removed field is kept for review, not dropped: {:?}",
            migrated.review
        );
        let stored = store.catalog()?.ok_or("a catalog is stored")?;
        assert_eq!(
            stored.origin,
            CatalogOrigin::StateApi,
            "the catalog came from the state API"
        );
    }

    let again = refresh_catalog(&client, &store, 20, "2026-11-26T10:01:00Z").await?;
    assert_eq!(
        again,
        Refreshed::Unchanged,
        "the second refresh is answered with 304"
    );

    let _ = stop.send(());
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let offline = refresh_catalog(&client, &store, 30, "2026-11-26T10:02:00Z").await?;
    assert_eq!(
        offline,
        Refreshed::Offline,
        "a state API that is down means offline"
    );
    Ok(())
}
