#!/usr/bin/env bash
# Installs what is missing to build, run and test ThüringenApp on Debian/Ubuntu. Idempotent:
# a second run on a set-up machine takes a few seconds. Called by scripts/run.sh and
# scripts/test.sh, so a newcomer never calls it by hand.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/env.sh"
mkdir -p "$THUERINGEN_CACHE/tools"

log() { printf '[setup] %s\n' "$*" >&2; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# --- Debian packages -------------------------------------------------------------------------
packages=(
  # Tauri 2 on Linux: the webview and its build dependencies
  libwebkit2gtk-4.1-dev libjavascriptcoregtk-4.1-dev libsoup-3.0-dev libayatana-appindicator3-dev
  librsvg2-dev libssl-dev build-essential pkg-config curl file
  # the real window without a screen, WebDriver for the webview, screenshots, icons
  xvfb xauth webkit2gtk-driver imagemagick librsvg2-bin
  # a private D-Bus session and the Secret Service keychain for tests
  dbus dbus-x11 gnome-keyring libdbus-1-dev keyutils
  # the wasm route without rustup targets: Debian's newer rustc with the std source
  rustc-web cargo-web rust-web-src
  # the mobile type-check (issue 9) and process tools the test harness uses
  clang libc6-dev-arm64-cross procps psmisc
  # reading printouts back as a PDF viewer does (pdftotext, pdfinfo, pdfdetach; issue 15)
  poppler-utils
  # the state API's shared storage: a private cluster started by scripts/postgres.sh (issue 20)
  postgresql
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm for the KERN design system: any Node.js with npm will do (the machine's own, or Debian's).
command -v npm >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Rust: the wasm target ---------------------------------------------------------------------
# Prefer rustup's prebuilt wasm std; where it cannot be downloaded, scripts/build-ui.sh builds std
# from Debian's rust-web-src with -Zbuild-std (see ../shared/TOOLCHAIN.md).
if command -v rustup >/dev/null && ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  timeout 120 rustup target add wasm32-unknown-unknown >/dev/null 2>&1 \
    && log "rustup: wasm32 target installed" \
    || log "rustup cannot add wasm32 here: the UI builds with Debian's rustc and -Zbuild-std"
fi

# --- Cargo-installed tools, pinned -------------------------------------------------------------
wbg_version="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$root/Cargo.lock")"
if [[ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg_version" ]]; then
  log "installing wasm-bindgen-cli $wbg_version (matches Cargo.lock)"
  cargo install -q wasm-bindgen-cli --version "=$wbg_version" --root "$THUERINGEN_CACHE/tools"
fi
if [[ "$(tauri-driver --version 2>/dev/null | awk '{print $2}')" != "2.1.0" ]]; then
  log "installing tauri-driver 2.1.0"
  cargo install -q tauri-driver --version =2.1.0 --root "$THUERINGEN_CACHE/tools"
fi
# The UI's page parts (scripts/build-ui.sh, ui/src/deferred.rs): the splitter that belongs to
# Leptos's `wasm_split_helpers` (same authors). It has no --version: ask cargo what it installed.
if ! cargo install --list --root "$THUERINGEN_CACHE/tools" | grep -qx 'wasm_split_cli_support v0.2.4:'; then
  log "installing wasm-split-cli (wasm_split_cli_support 0.2.4)"
  cargo install -q wasm_split_cli_support --version =0.2.4 --features build-binary --locked \
    --root "$THUERINGEN_CACHE/tools"
fi

# The RustSec advisory check (offline, against ../shared/advisory-db): scripts/test.sh.
if [[ "$(cargo audit --version 2>/dev/null | awk '{print $2}')" != "0.22.1" ]]; then
  log "installing cargo-audit 0.22.1"
  cargo install -q cargo-audit --version =0.22.1 --locked --root "$THUERINGEN_CACHE/tools"
fi

# --- npm: the KERN design system (and axe-core for accessibility checks) -----------------------
if [[ ! -d "$root/ui/node_modules/@kern-ux/native" || "$root/ui/package-lock.json" -nt "$root/ui/node_modules/.package-lock.json" ]]; then
  log "installing npm packages from ui/package-lock.json"
  (cd "$root/ui" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
fi

# --- Icons -------------------------------------------------------------------------------------
bash "$root/scripts/make-icons.sh"
