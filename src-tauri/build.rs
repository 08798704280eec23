fn main() {
    // Declaring the app's commands makes each one need an explicit permission in a capability,
    // so the webview can call exactly these and nothing else.
    let commands = &[
        "load_catalog",
        "refresh_catalog",
        "get_settings",
        "set_language",
        "update_settings",
        "sync_now",
        "load_form",
        "start_draft",
        "load_draft",
        "save_answer",
        "set_draft_page",
        "delete_draft",
        "add_attachment",
        "remove_attachment",
        "submit_draft",
        "list_applications",
        "load_submission",
        "list_inbox",
        "mark_message_read",
        "account",
        "log_in",
        "log_out",
        "send_accessibility_report",
        "list_accessibility_reports",
        "storage_notice",
        "dismiss_storage_notice",
        "forget_personal_data",
        "clock",
    ];
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(commands));
    if let Err(error) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {error:#}");
        std::process::exit(1);
    }
}
