//! The launch benchmark's baseline (`scripts/bench-launch.sh`): the same Tauri 2 and WebKitGTK
//! as the app, one window of the app's size, one static heading, no commands, no plugins. What
//! the app takes beyond this window to show its service list is the app's own cost.

fn main() {
    if let Err(error) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("bare window could not start: {error}");
        std::process::exit(1);
    }
}
