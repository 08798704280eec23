//! What the citizen's journeys (citizen.rs, screens.rs, device.rs) share: their time limits,
//! the services they start, going to a route and asking for the focused element.
#![allow(dead_code)]

use std::time::Duration;

use e2e::{App, Result};
use serde_json::json;

pub const LONG: Duration = Duration::from_secs(60);
pub const SHORT: Duration = Duration::from_secs(15);

pub const PARKING: &str = "99108001001000";
pub const REGISTRATION: &str = "99115005104000";

/// Goes to a route of the single-page app the way a link does.
pub async fn goto(app: &App, path: &str) -> Result<()> {
    app.client
        .execute(
            "history.pushState({}, '', arguments[0]); dispatchEvent(new PopStateEvent('popstate', { state: {} }));",
            vec![json!(path)],
        )
        .await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    Ok(())
}

pub async fn active_id(app: &App) -> Result<String> {
    let id = app
        .client
        .execute(
            "return document.activeElement ? document.activeElement.id : '';",
            vec![],
        )
        .await?;
    Ok(id.as_str().unwrap_or_default().to_owned())
}
