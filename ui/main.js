// Starts the wasm UI. Kept as a file (not inline) so the CSP needs no script hashes.
import init from './ui.js';

// A JavaScript exception that escapes the UI (a DOM call that threw inside a task) is kept on
// <html> as data-js-error, so a test that waits in vain can say what happened. The message
// names the failing call, never what the person entered; it never leaves the device.
const remember = (what) => {
  document.documentElement.dataset.jsError = String(what).slice(0, 300);
};
addEventListener('error', (event) => remember(event.message || event.error));
addEventListener('unhandledrejection', (event) => remember(event.reason));
init();
