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
# The trust anchor the destinations' keys are signed under (kept beside the data, made on the
# first run); the app is told its public half and checks every receipt against it.
anchor_key="$THUERINGEN_CACHE/state-api-keys/trust-anchor.pk8"
mkdir -p "$(dirname "$anchor_key")"; chmod 700 "$(dirname "$anchor_key")"
THUERINGEN_TRUST_ANCHOR="$("$CARGO_TARGET_DIR/debug/state-api" trust-anchor --key "$anchor_key")"
export THUERINGEN_TRUST_ANCHOR
"$CARGO_TARGET_DIR/debug/state-api" serve --demo --listen "$listen" --data-dir "$api_data" \
  --trust-anchor-key "$anchor_key" --destination-keys "$THUERINGEN_CACHE/state-api-keys/destinations" &
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
app="$CARGO_TARGET_DIR/debug/thueringen-app"
if [[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]]; then
  # A desktop session: the app uses its keychain (Secret Service) like any other app.
  "$app"
else
  # No session bus (a server, a container): a private bus with a development keychain kept in
  # $THUERINGEN_CACHE/keyring, unlocked with a fixed development password. Never use this for
  # real personal data: on a phone or desktop the platform keychain holds the key.
  export XDG_DATA_HOME="$THUERINGEN_CACHE/keyring" XDG_RUNTIME_DIR="$(mktemp -d)"
  mkdir -p "$XDG_DATA_HOME"; chmod 700 "$XDG_RUNTIME_DIR"
  dbus-run-session -- bash -c 'eval "$(printf thueringen-dev | gnome-keyring-daemon --daemonize --unlock --components=secrets)"; exec "$0"' "$app"
fi
