// Starts the wasm UI. Kept as a file (not inline) so the CSP needs no script hashes.
import init from './ui.js';
init();
