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
    let _asked = Asked::new(command);
    let answer = invoke(command, args).await;
    crate::timing::answered(command);
    match answer {
        Ok(value) => match serde_wasm_bindgen::from_value(value.clone()) {
            Ok(out) => Ok(out),
            // An answer that arrived as JSON text rather than as an object (seen once on a
            // large answer, the catalog, at start): read the text.
            // (`JSON.parse` of the webview rather than serde_json: no second deserializer per
            // answer type in the wasm.)
            Err(_) => value
                .as_string()
                .and_then(|text| js_sys::JSON::parse(&text).ok())
                .and_then(|parsed| serde_wasm_bindgen::from_value(parsed).ok())
                .ok_or_else(|| IpcError::new(ErrorCode::Internal, "error-internal")),
        },
        Err(value) => Err(rejected(value)),
    }
}

/// What a rejected call means: the shell rejects with a serialized `IpcError`; anything else
/// means no shell answered.
fn rejected(value: JsValue) -> IpcError {
    serde_wasm_bindgen::from_value(value)
        .unwrap_or_else(|_| IpcError::new(ErrorCode::Internal, "error-app-unavailable"))
}

thread_local! {
    /// Calls asked and not yet done (answered or given up), and how many are done.
    static CALLS: std::cell::RefCell<(Vec<(u64, String)>, u64)> =
        const { std::cell::RefCell::new((Vec::new(), 0)) };
    /// The next call's number (calls are told apart by it, not by their command).
    static NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// One call in flight. While it waits, its command's name is in `data-ipc-waiting` on `<html>`
/// (names only, never arguments or answers), so a test that times out can say which call of the
/// shell never answered.
struct Asked(u64);

impl Asked {
    fn new(command: &str) -> Asked {
        let id = NEXT.with(|next| next.replace(next.get().wrapping_add(1)));
        CALLS.with(|calls| {
            if let Ok(mut calls) = calls.try_borrow_mut() {
                calls.0.push((id, command.to_string()));
            }
        });
        Asked::show();
        Asked(id)
    }

    fn show() {
        let text = CALLS.with(|calls| {
            calls.try_borrow().ok().map(|calls| {
                let names: Vec<&str> = calls.0.iter().map(|(_, name)| name.as_str()).collect();
                format!("{} done; waiting: {}", calls.1, names.join(" "))
            })
        });
        if let (Some(text), Some(root)) = (
            text,
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element()),
        ) {
            let _ = root.set_attribute("data-ipc-waiting", &text);
        }
    }
}

impl Drop for Asked {
    fn drop(&mut self) {
        CALLS.with(|calls| {
            if let Ok(mut calls) = calls.try_borrow_mut() {
                calls.0.retain(|(id, _)| *id != self.0);
                calls.1 += 1;
            }
        });
        Asked::show();
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

/// Listens to the shell event `E` with its own payload type, for the app's lifetime.
pub async fn listen_to<E: domain::ipc::event::ShellEvent>(
    handler: impl FnMut(E::Payload) + 'static,
) -> bool {
    listen::<E::Payload>(E::NAME, handler).await
}

/// Waits `ms` milliseconds (the window's timer).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `future`'s answer, or `None` when it has not answered within `ms` milliseconds.
async fn within<T>(future: impl std::future::Future<Output = T>, ms: i32) -> Option<T> {
    use std::future::Future;
    use std::task::Poll;
    let mut future = Box::pin(future);
    let mut timer = Box::pin(sleep(ms));
    std::future::poll_fn(move |cx| {
        if let Poll::Ready(value) = future.as_mut().poll(cx) {
            return Poll::Ready(Some(value));
        }
        if timer.as_mut().poll(cx).is_ready() {
            return Poll::Ready(None);
        }
        Poll::Pending
    })
    .await
}

/// A command without arguments that answers with JSON as raw bytes (the catalog, #20): read
/// with serde_json in the wasm, instead of the webview parsing it into JavaScript objects and
/// the wasm reading those field by field.
pub async fn call0_json<Out: DeserializeOwned>(command: &str) -> Result<Out, IpcError> {
    let _asked = Asked::new(command);
    let answer = invoke(command, js_sys::Object::new().into()).await;
    crate::timing::answered(command);
    match answer {
        Ok(value) => {
            // An ArrayBuffer; a webview that hands it over as an array of numbers or as text
            // is read too.
            let parsed = match value.as_string() {
                Some(text) => serde_json::from_str(&text),
                None => serde_json::from_slice(&js_sys::Uint8Array::new(&value).to_vec()),
            };
            parsed.map_err(|_| IpcError::new(ErrorCode::Internal, "error-internal"))
        }
        Err(value) => Err(rejected(value)),
    }
}

/// [`read0`] for a command answering with JSON bytes ([`call0_json`]).
pub async fn read0_json<Out: DeserializeOwned>(
    command: &str,
    patience_ms: i32,
) -> Result<Out, IpcError> {
    asked_again(patience_ms, || call0_json(command)).await
}

/// A command without arguments that is safe to ask twice (a read, or the catalog refresh,
/// which is conditional and idempotent), asked again when no answer came
/// within `patience_ms`: under load an IPC message sent while the window starts has been seen
/// to get no answer at all, which left the start page loading for good. The last try waits
/// as long as it takes.
pub async fn read0<Out: DeserializeOwned>(
    command: &str,
    patience_ms: i32,
) -> Result<Out, IpcError> {
    asked_again(patience_ms, || call0(command)).await
}

/// `ask`'s answer; asked again twice when none came within `patience_ms`, and the last time
/// waited for as long as it takes (see [`read0`]).
async fn asked_again<Out, Asking: std::future::Future<Output = Result<Out, IpcError>>>(
    patience_ms: i32,
    ask: impl Fn() -> Asking,
) -> Result<Out, IpcError> {
    for _ in 0..2 {
        if let Some(answer) = within(ask(), patience_ms).await {
            return answer;
        }
    }
    ask().await
}
