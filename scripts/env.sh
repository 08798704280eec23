# Sourced by the project's scripts: where builds and tools live. A cache outside the clone keeps
# warm runs fast (CI gets a fresh clone each time); delete it to test the cold path.
export THUERINGEN_CACHE="${THUERINGEN_CACHE:-$HOME/.cache/thueringen-app}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$THUERINGEN_CACHE/target}"
export THUERINGEN_WASM_TARGET_DIR="${THUERINGEN_WASM_TARGET_DIR:-$THUERINGEN_CACHE/target-wasm}"
export PATH="$THUERINGEN_CACHE/tools/bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# CI builds each clone once: incremental caches only fill the disk (31 GB in the shared target
# after a few dozen runs, which stopped a session on a full disk).
if [[ "${CI:-}" == "true" ]]; then export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"; fi
# The app binary the end-to-end tests drive.
export THUERINGEN_APP_BIN="$CARGO_TARGET_DIR/debug/thueringen-app"
