/// The state API a debug build talks to when the build names none: the reference server.
const DEVELOPMENT_STATE_API: &str = "http://127.0.0.1:8787/";

/// The state API's address and pinned keys are part of the build's configuration, read here
/// from `THUERINGEN_STATE_API_URL` and `THUERINGEN_STATE_API_PINS` (comma-separated
/// `sha256/<base64>` SPKI hashes). A release build refuses to compile without an `https://`
/// address and at least two pins (the key in use and a backup); the shell checks them again
/// when it starts (`sync::Transport`).
fn state_api_configuration() -> Result<(String, String), String> {
    println!("cargo:rerun-if-env-changed=THUERINGEN_STATE_API_URL");
    println!("cargo:rerun-if-env-changed=THUERINGEN_STATE_API_PINS");
    let release = std::env::var("PROFILE").as_deref() == Ok("release");
    let url = std::env::var("THUERINGEN_STATE_API_URL").ok();
    let pins = std::env::var("THUERINGEN_STATE_API_PINS").unwrap_or_default();
    let pin_count = pins
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .count();
    if !release {
        return Ok((url.unwrap_or_else(|| DEVELOPMENT_STATE_API.into()), pins));
    }
    let url = url.ok_or("a release build needs THUERINGEN_STATE_API_URL (https://...)")?;
    if !url.starts_with("https://") {
        return Err(format!("a release build speaks only HTTPS, not {url:?}"));
    }
    if pin_count < 2 {
        return Err(format!(
            "a release build needs THUERINGEN_STATE_API_PINS with at least two SPKI pins (in use and backup), got {pin_count}"
        ));
    }
    Ok((url, pins))
}

/// The trust anchor the destinations' key sets are signed under, as a one-line JWK Set (what
/// `state-api trust-anchor --key FILE` prints), from `THUERINGEN_TRUST_ANCHOR`. A release
/// build refuses to compile without one: it could not check any receipt.
fn trust_anchor() -> Result<String, String> {
    println!("cargo:rerun-if-env-changed=THUERINGEN_TRUST_ANCHOR");
    let release = std::env::var("PROFILE").as_deref() == Ok("release");
    let anchor = std::env::var("THUERINGEN_TRUST_ANCHOR").unwrap_or_default();
    let anchor = anchor.trim().replace(['\n', '\r'], "");
    if release && !anchor.contains("\"keys\"") {
        return Err("a release build needs THUERINGEN_TRUST_ANCHOR (a JWK Set)".into());
    }
    Ok(anchor)
}

fn main() {
    match trust_anchor() {
        Ok(anchor) => println!("cargo:rustc-env=THUERINGEN_BUILD_TRUST_ANCHOR={anchor}"),
        Err(problem) => {
            eprintln!("ThüringenApp build configuration: {problem}");
            std::process::exit(1);
        }
    }
    match state_api_configuration() {
        Ok((url, pins)) => {
            println!("cargo:rustc-env=THUERINGEN_BUILD_STATE_API_URL={url}");
            println!("cargo:rustc-env=THUERINGEN_BUILD_STATE_API_PINS={pins}");
        }
        Err(problem) => {
            eprintln!("ThüringenApp build configuration: {problem}");
            std::process::exit(1);
        }
    }
    // Declaring the app's commands makes each one need an explicit permission in a capability,
    // so the webview can call exactly these and nothing else.
    let commands = &[
        "load_catalog",
        "refresh_catalog",
        "get_settings",
        "set_language",
        "load_texts",
        "update_settings",
        "sync_now",
        "start_draft",
        "load_draft",
        "save_answer",
        "set_draft_page",
        "dismiss_review",
        "claim_submission",
        "withdraw_submission",
        "send_reply",
        "save_message_document",
        "open_message_document",
        "save_printout",
        "open_printout",
        "load_my_details",
        "remember_my_details",
        "forget_my_details",
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
        "visit_status",
        "start_visit",
        "end_visit",
        "note_activity",
        "set_device_pin",
        "lock_device",
        "unlock_device",
        "visit_report",
        "hand_over_draft",
        "hand_over_submission",
        "handover_state",
        "receive_handover",
    ];
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(commands));
    if let Err(error) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {error:#}");
        std::process::exit(1);
    }
}
