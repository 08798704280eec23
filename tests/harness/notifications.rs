//! A notification daemon on the test's D-Bus session bus (`org.freedesktop.Notifications`,
//! the freedesktop.org Desktop Notifications interface): it takes the app's notifications as
//! a desktop would, and keeps what each said for the journey to read.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::Result;

/// One notification as the app sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub app_name: String,
    pub summary: String,
    pub body: String,
}

struct Daemon {
    seen: Arc<Mutex<Vec<Seen>>>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Daemon {
    #[allow(clippy::too_many_arguments)]
    async fn notify(
        &mut self,
        app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        _actions: Vec<String>,
        _hints: HashMap<String, zbus::zvariant::OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        seen.push(Seen {
            app_name,
            summary,
            body,
        });
        u32::try_from(seen.len()).unwrap_or(u32::MAX)
    }

    fn close_notification(&self, _id: u32) {}

    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".to_owned()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "e2e".to_owned(),
            "ThüringenApp tests".to_owned(),
            "1".to_owned(),
            "1.2".to_owned(),
        )
    }
}

/// The daemon, serving while this value lives.
pub struct NotificationDaemon {
    _connection: zbus::Connection,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl NotificationDaemon {
    /// Takes the notification daemon's name on the session bus (`DBUS_SESSION_BUS_ADDRESS`).
    pub async fn start() -> Result<NotificationDaemon> {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let connection = zbus::connection::Builder::session()?
            .name("org.freedesktop.Notifications")?
            .serve_at(
                "/org/freedesktop/Notifications",
                Daemon { seen: seen.clone() },
            )?
            .build()
            .await?;
        Ok(NotificationDaemon {
            _connection: connection,
            seen,
        })
    }

    /// Every notification so far, oldest first.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Waits until there are more than `count` notifications; all of them.
    pub async fn wait_for_more_than(
        &self,
        count: usize,
        timeout: std::time::Duration,
    ) -> Result<Vec<Seen>> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let seen = self.seen();
            if seen.len() > count {
                return Ok(seen);
            }
            if std::time::Instant::now() > deadline {
                return Err(format!("no new notification within {timeout:?}: {seen:?}").into());
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
}
