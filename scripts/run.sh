#!/usr/bin/env bash
# Runs ThüringenApp end to end on this machine: the reference state API on 127.0.0.1:8787 with
# the seed catalog (data in $THUERINGEN_CACHE/state-api), then the app window. Without a display
# it starts a private Xvfb and says how to see the window. Installs what is missing first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/env.sh"
cd "$root"
bash scripts/setup.sh
bash scripts/build-ui.sh
touch src-tauri/build.rs
cargo build --locked -p thueringen-app -p state-api

listen="${THUERINGEN_LISTEN:-127.0.0.1:8787}"
api_data="$THUERINGEN_CACHE/state-api"
mkdir -p "$api_data"
"$CARGO_TARGET_DIR/debug/state-api" serve --listen "$listen" --data-dir "$api_data" &
api_pid=$!
xvfb_pid=""
cleanup() { kill "$api_pid" 2>/dev/null || true; [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT

if [[ -z "${DISPLAY:-}" ]]; then
  display=":${THUERINGEN_DISPLAY:-77}"
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
  xvfb_pid=$!
  export DISPLAY="$display"
  echo "No display here: the app runs in a private X server on $DISPLAY."
  echo "Take a screenshot with: DISPLAY=$DISPLAY import -window root shot.png"
fi
export THUERINGEN_STATE_API="http://$listen/"
echo "State API on http://$listen/ (data in $api_data). Close the window or press Ctrl-C to stop."
dbus-run-session -- "$CARGO_TARGET_DIR/debug/thueringen-app"
