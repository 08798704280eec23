//! The only module that touches `window.__TAURI__`: typed calls of the shell's commands, with
//! request and response types from `domain::ipc`.

use domain::ipc::{ErrorCode, IpcError};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], catch)]
    async fn invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;
}

/// Calls a shell command with arguments (an object whose fields are the command's parameters).
pub async fn call<Args: Serialize, Out: DeserializeOwned>(
    command: &str,
    args: &Args,
) -> Result<Out, IpcError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let args = args
        .serialize(&serializer)
        .map_err(|_| IpcError::new(ErrorCode::InvalidRequest, "error-invalid-request"))?;
    match invoke(command, args).await {
        Ok(value) => serde_wasm_bindgen::from_value(value)
            .map_err(|_| IpcError::new(ErrorCode::Internal, "error-internal")),
        // The shell rejects with a serialized `IpcError`; anything else means no shell answered.
        Err(value) => Err(serde_wasm_bindgen::from_value(value)
            .unwrap_or_else(|_| IpcError::new(ErrorCode::Internal, "error-app-unavailable"))),
    }
}

/// A command without arguments.
pub async fn call0<Out: DeserializeOwned>(command: &str) -> Result<Out, IpcError> {
    #[derive(Serialize)]
    struct NoArgs {}
    call(command, &NoArgs {}).await
}

/// The shell names every command's single parameter `request`.
#[derive(Serialize)]
struct Request<'a, T: Serialize> {
    request: &'a T,
}

/// Calls a command whose one parameter is `request`.
pub async fn request<T: Serialize, Out: DeserializeOwned>(
    command: &str,
    request: &T,
) -> Result<Out, IpcError> {
    call(command, &Request { request }).await
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "event"], js_name = listen, catch)]
    async fn tauri_listen(
        event: &str,
        handler: &Closure<dyn FnMut(JsValue)>,
    ) -> Result<JsValue, JsValue>;
}

/// Listens to a shell event for the app's lifetime; `handler` gets the payload. Returns false
/// when the shell offers no events (the UI then refreshes on navigation only).
pub async fn listen<P: DeserializeOwned + 'static>(
    event: &str,
    mut handler: impl FnMut(P) + 'static,
) -> bool {
    let closure = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let payload =
            js_sys::Reflect::get(&event, &JsValue::from_str("payload")).unwrap_or(JsValue::NULL);
        if let Ok(payload) = serde_wasm_bindgen::from_value::<P>(payload) {
            handler(payload);
        }
    });
    let ok = tauri_listen(event, &closure).await.is_ok();
    // The listener lives as long as the app.
    closure.forget();
    ok
}
