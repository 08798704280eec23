//! A keychain of its own for a second app in one journey (the citizen's phone beside the
//! tablet): its own D-Bus session bus with its own gnome-keyring (a real Secret Service),
//! unlocked, in a temporary folder; both stopped and removed when it is dropped.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::Result;

pub struct OwnKeychain {
    bus: Child,
    keyring: Child,
    address: String,
    _dir: tempfile::TempDir,
}

fn stop(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

impl OwnKeychain {
    pub fn start() -> Result<OwnKeychain> {
        let dir = tempfile::tempdir()?;
        let data = dir.path().join("data");
        let run = dir.path().join("run");
        std::fs::create_dir_all(&data)?;
        std::fs::create_dir_all(&run)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700))?;
        }
        let mut bus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let mut address = String::new();
        if let Some(out) = bus.stdout.take() {
            BufReader::new(out).read_line(&mut address)?;
        }
        let address = address.trim().to_string();
        if address.is_empty() {
            stop(&mut bus);
            return Err("dbus-daemon printed no address".into());
        }
        let keyring = Command::new("gnome-keyring-daemon")
            .args([
                "--foreground",
                "--unlock",
                "--components=secrets",
                "--control-directory",
            ])
            .arg(run.join("keyring"))
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("XDG_DATA_HOME", &data)
            .env("XDG_RUNTIME_DIR", &run)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let mut keyring = match keyring {
            Ok(child) => child,
            Err(error) => {
                stop(&mut bus);
                return Err(error.into());
            }
        };
        if let Some(mut stdin) = keyring.stdin.take() {
            let _ = stdin.write_all(b"session");
        }
        let mut own = OwnKeychain {
            bus,
            keyring,
            address,
            _dir: dir,
        };
        own.wait_for_secret_service(&data, &run)?;
        Ok(own)
    }

    /// Waits until the Secret Service answers on this bus.
    fn wait_for_secret_service(&mut self, data: &Path, run: &Path) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            let answer = Command::new("dbus-send")
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                    "string:org.freedesktop.secrets",
                ])
                .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
                .env("XDG_DATA_HOME", data)
                .env("XDG_RUNTIME_DIR", run)
                .output()?;
            if String::from_utf8_lossy(&answer.stdout).contains("boolean true") {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Err("the second keychain's Secret Service did not come up".into())
    }

    /// The environment an app needs to use this keychain (and its own runtime folders).
    pub fn env(&self) -> Vec<(&'static str, String)> {
        let dir = self._dir.path();
        vec![
            ("DBUS_SESSION_BUS_ADDRESS", self.address.clone()),
            ("XDG_DATA_HOME", dir.join("data").display().to_string()),
            ("XDG_RUNTIME_DIR", dir.join("run").display().to_string()),
        ]
    }

    /// Where this keychain and the app using it keep their data (`XDG_DATA_HOME`).
    pub fn data_home(&self) -> std::path::PathBuf {
        self._dir.path().join("data")
    }
}

impl Drop for OwnKeychain {
    fn drop(&mut self) {
        stop(&mut self.keyring);
        stop(&mut self.bus);
    }
}
