//! The webview stays on the app's own pages: a navigation to any other address (an injected
//! link, a form, `location = ...`) is refused, so no remote page ever runs where the app's
//! commands are reachable. Links to the outside are not needed (the login opens in the system
//! browser from the shell).

use tauri::plugin::TauriPlugin;
use tauri::{Runtime, Url};

/// Whether `url` is one of the app's own pages: `tauri://localhost` (Linux, macOS, iOS) or
/// `http(s)://tauri.localhost` (Windows, Android), where Tauri serves the bundled UI.
pub fn is_app_page(url: &Url) -> bool {
    let host = url.host_str().unwrap_or_default();
    let no_credentials = url.username().is_empty() && url.password().is_none();
    let default_port = url.port().is_none();
    no_credentials
        && default_port
        && match url.scheme() {
            "tauri" => host == "localhost",
            "http" | "https" => host == "tauri.localhost",
            _ => false,
        }
}

/// A plugin that refuses every navigation away from the app's pages.
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|_webview, url| {
            let allowed = is_app_page(url);
            if !allowed {
                // The scheme only: the address may carry personal data.
                eprintln!(
                    "ThüringenApp: refused a navigation away from the app ({}:)",
                    url.scheme()
                );
            }
            allowed
        })
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> bool {
        Url::parse(text)
            .map(|url| is_app_page(&url))
            .unwrap_or(false)
    }

    #[test]
    fn only_the_apps_own_pages_load_in_the_webview() {
        assert!(page("tauri://localhost/"));
        assert!(page("tauri://localhost/services/99108001001000"));
        assert!(page("http://tauri.localhost/index.html"));
        assert!(page("https://tauri.localhost/"));

        assert!(!page("https://evil.example/"));
        assert!(!page("http://127.0.0.1:8787/oauth/authorize"));
        assert!(!page("https://tauri.localhost.evil.example/"));
        assert!(!page("https://user@tauri.localhost/"));
        assert!(!page("http://tauri.localhost:8080/"));
        assert!(!page("tauri://evil/"));
        assert!(!page("file:///etc/passwd"));
        assert!(!page("javascript:alert(1)"));
        assert!(!page("data:text/html,<script>1</script>"));
    }
}
