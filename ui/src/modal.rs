//! A native `<dialog>` opened as a modal: the browser traps focus in it, Escape cancels, and
//! focus returns to the button that opened it. One helper for every confirmation in the app
//! (delete a draft, withdraw an application, forget my data).

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The handle of one dialog: put [`Modal::node`] on the `<dialog>` as its `node_ref`.
#[derive(Clone, Copy)]
pub struct Modal(NodeRef<Dialog>);

impl Default for Modal {
    fn default() -> Modal {
        Modal(NodeRef::new())
    }
}

impl Modal {
    pub fn new() -> Modal {
        Modal::default()
    }

    pub fn node(self) -> NodeRef<Dialog> {
        self.0
    }

    fn element(self) -> Option<web_sys::HtmlDialogElement> {
        self.0.get().map(|d| d.unchecked_into())
    }

    /// Shows it as a modal (nothing happens before the dialog is in the page).
    pub fn open(self) {
        if let Some(dialog) = self.element() {
            let _ = dialog.show_modal();
        }
    }

    pub fn close(self) {
        if let Some(dialog) = self.element() {
            dialog.close();
        }
    }
}
