// Starts the wasm UI. Kept as a file (not inline) so the CSP needs no script hashes.
import init from './ui.js';

// The start's first step on the performance timeline (see ui/src/timing.rs).
performance.mark('thueringen:js-start');

// A JavaScript exception that escapes the UI (a DOM call that threw inside a task) is kept on
// <html> as data-js-error, so a test that waits in vain can say what happened. The message
// names the failing call, never what the person entered; it never leaves the device.
// The first error is the cause; later ones are often its consequences: the first is kept
// whole, later ones are appended while there is room.
const remember = (what) => {
  const root = document.documentElement.dataset;
  const said = String(what).slice(0, 300);
  root.jsError = root.jsError ? `${root.jsError} | then: ${said}`.slice(0, 900) : said;
};
addEventListener('error', (event) => remember(event.message || event.error));
addEventListener('unhandledrejection', (event) => remember(event.reason));
init();
