fn main() {
    // Declaring the app's commands makes each one need an explicit permission in a capability,
    // so the webview can call exactly these and nothing else.
    let commands = &[
        "load_catalog",
        "refresh_catalog",
        "get_settings",
        "set_language",
    ];
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(commands));
    if let Err(error) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {error:#}");
        std::process::exit(1);
    }
}
