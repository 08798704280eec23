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
