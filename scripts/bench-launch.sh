#!/usr/bin/env bash
# The launch and memory benchmark (#20): builds the UI, the app and a bare Tauri 2 window
# (tests/bare-window) in release mode and starts them alternately under Xvfb, through
# tauri-driver like the journeys (tests/bench/launch.rs says what is measured and how).
# Prints medians and the app's distance from the bare window; also in $THUERINGEN_ARTIFACTS.
# Usage: scripts/bench-launch.sh [--runs N]   (default 12 rounds; about 20 s per round)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/env.sh"
cd "$root"

if [[ -z "${THUERINGEN_IN_BENCH_SESSION:-}" ]]; then
  bash scripts/setup.sh
  export THUERINGEN_IN_BENCH_SESSION=1
  exec dbus-run-session -- bash "$0" "$@"
fi

# A private keychain, as in scripts/test.sh: the app keeps its store key there.
source "$root/scripts/keychain-session.sh"
private_keychain_session
export THUERINGEN_ARTIFACTS="${THUERINGEN_ARTIFACTS:-$root/tests/artifacts}"
mkdir -p "$THUERINGEN_ARTIFACTS"

bash scripts/build-ui.sh
# A release build insists on an https:// state API with two pinned keys and a trust anchor.
# The bench's point to a closed port on loopback, so the app starts offline: what is measured
# is the start, not the network. Kept in the cache, so a second run does not rebuild the shell.
anchor_key="$THUERINGEN_CACHE/bench-trust-anchor.der"
cargo build -q --locked -p state-api
export THUERINGEN_TRUST_ANCHOR="$("$CARGO_TARGET_DIR/debug/state-api" trust-anchor --key "$anchor_key")"
export THUERINGEN_STATE_API_URL="https://127.0.0.1:9/"
export THUERINGEN_STATE_API_PINS="sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=,sha256/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA="
touch src-tauri/build.rs   # tauri-build embeds ui/dist: make sure the new dist is seen
cargo build -q --locked --release -p thueringen-app -p bare-window
cargo build -q --locked -p e2e --bin launch-bench
"$CARGO_TARGET_DIR/debug/launch-bench" \
  --app "$CARGO_TARGET_DIR/release/thueringen-app" \
  --bare "$CARGO_TARGET_DIR/release/bare-window" "$@"
