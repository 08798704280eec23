//! The "system browser" for end-to-end logins. The app opens the state API's login page with
//! `xdg-open` (RFC 8252: the system browser, never the app's webview). In the harness, an
//! `xdg-open` first on the app's PATH only writes the URL to a file; [`complete_login`] then does
//! what a person does in the browser, for real, against the real state API: it opens the login
//! page (its cookie and CSRF token), posts the form, and follows the redirect to the app's
//! loopback listener, which finishes the login.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::Result;

/// A folder with the stand-in `xdg-open` and the file it writes URLs to.
pub struct Browser {
    dir: tempfile::TempDir,
}

impl Browser {
    pub fn new() -> Result<Browser> {
        let dir = tempfile::tempdir()?;
        let script = dir.path().join("xdg-open");
        std::fs::write(
            &script,
            "#!/bin/sh\nprintf '%s\\n' \"$1\" >> \"$THUERINGEN_BROWSER_LOG\"\n",
        )?;
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))?;
        Ok(Browser { dir })
    }

    /// The environment the app needs so its "browser" is this one.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        let path = std::env::var("PATH").unwrap_or_default();
        vec![
            ("PATH", format!("{}:{path}", self.dir.path().display())),
            ("THUERINGEN_BROWSER_LOG", self.log().display().to_string()),
        ]
    }

    fn log(&self) -> PathBuf {
        self.dir.path().join("opened.txt")
    }

    /// Waits for the app to open a login page, then logs in as `username` (password `demo`,
    /// the state API's demo citizens) and lets the redirect reach the app.
    pub async fn complete_login(&self, username: &str, timeout: Duration) -> Result<()> {
        let url = wait_for_url(&self.log(), timeout).await?;
        let authorize = reqwest::Url::parse(&url)?;
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .build()?;
        // Open the page first, as a browser does: it sets the login cookie and its form carries
        // the CSRF token the server checks.
        let page = http.get(authorize.as_str()).send().await?;
        if !page.status().is_success() {
            return Err(format!("the login page answered {}", page.status()).into());
        }
        let cookie = page
            .headers()
            .get(reqwest::header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .ok_or("the login page set no cookie")?
            .to_string();
        let html = page.text().await?;
        let csrf = html
            .split_once(r#"name="csrf_token" value=""#)
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(token, _)| token.to_string())
            .ok_or("the login form carries no CSRF token")?;
        let mut form: Vec<(String, String)> = authorize.query_pairs().into_owned().collect();
        form.push(("csrf_token".into(), csrf));
        form.push(("username".into(), username.into()));
        form.push(("password".into(), "demo".into()));
        let mut post = authorize.clone();
        post.set_query(None);
        let login = http
            .post(post.as_str())
            .header(reqwest::header::COOKIE, cookie)
            .form(&form)
            .send()
            .await?;
        let location = login
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| format!("the login answered {} without a redirect", login.status()))?
            .to_string();
        let callback = http.get(&location).send().await?;
        if !callback.status().is_success() {
            return Err(
                format!("the app's loopback listener answered {}", callback.status()).into(),
            );
        }
        Ok(())
    }
}

async fn wait_for_url(log: &Path, timeout: Duration) -> Result<String> {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if let Ok(text) = std::fs::read_to_string(log) {
            if let Some(url) = text.lines().rev().find(|l| l.starts_with("http")) {
                // Used up: the next login waits for the page the app opens then, not this one.
                std::fs::write(log, "")?;
                return Ok(url.to_string());
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("the app opened no login page within {timeout:?}").into())
}
