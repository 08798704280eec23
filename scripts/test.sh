#!/usr/bin/env bash
# Runs every test of ThüringenApp: formatting, lints, unit and integration tests, and the
# end-to-end journeys through the real app window under Xvfb against the real state API.
# Installs what is missing first (scripts/setup.sh). Runs inside a private D-Bus session with an
# unlocked gnome-keyring, so keychain tests use a real Secret Service and touch nothing of yours.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/env.sh"
cd "$root"

if [[ -z "${THUERINGEN_IN_TEST_SESSION:-}" ]]; then
  bash scripts/setup.sh
  export THUERINGEN_IN_TEST_SESSION=1
  exec dbus-run-session -- bash "$0" "$@"
fi

step() { printf '\n=== %s (%s)\n' "$*" "$(date +%T)"; }
source "$root/scripts/keychain-session.sh"
private_keychain_session || true
# The keychain tests fail (instead of skipping) when this session has no usable keychain.
export THUERINGEN_REQUIRE_KEYCHAIN=1
export THUERINGEN_ARTIFACTS="${THUERINGEN_ARTIFACTS:-$root/tests/artifacts}"
rm -rf "$THUERINGEN_ARTIFACTS"; mkdir -p "$THUERINGEN_ARTIFACTS"

step "format"
cargo fmt --all --check

step "build the UI (wasm) and the app"
bash scripts/build-ui.sh
touch src-tauri/build.rs   # tauri-build embeds ui/dist: make sure the new dist is seen
cargo build --locked -p thueringen-app

step "lints"
cargo clippy --locked --workspace --exclude ui --all-targets -- -D warnings
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  CARGO_TARGET_DIR="$THUERINGEN_WASM_TARGET_DIR" cargo clippy --locked -p ui --target wasm32-unknown-unknown -- -D warnings
  # The XDatenfelder import is pure like the domain: it must keep building for wasm32.
  CARGO_TARGET_DIR="$THUERINGEN_WASM_TARGET_DIR" cargo clippy --locked -p xdatenfelder --lib --target wasm32-unknown-unknown -- -D warnings
fi

# Every lock file against the RustSec advisory database, offline (a dated snapshot in
# ../shared/advisory-db, see its SNAPSHOT.md): a known vulnerability fails the run; unmaintained
# and unsound notices are listed, the full report goes to the artifacts.
step "dependencies against the RustSec advisories"
advisory_db="$root/../shared/advisory-db"
if [[ ! -d "$advisory_db/crates" ]]; then
  echo "no RustSec snapshot at $advisory_db: cannot check the dependencies" >&2
  exit 1
fi
for lock in Cargo.lock crates/domain/tests/wasm/Cargo.lock crates/domain/benches/wasm/Cargo.lock crates/domain/fuzz/Cargo.lock crates/xdatenfelder/fuzz/Cargo.lock; do
  report="$THUERINGEN_ARTIFACTS/advisories-${lock//\//-}.txt"
  if ! cargo audit --db "$advisory_db" --no-fetch --stale -f "$lock" >"$report" 2>&1; then
    cat "$report"
    echo "$lock: a locked crate has a known vulnerability (report above)" >&2
    exit 1
  fi
  echo "$lock: no known vulnerability; notices: $(grep -E '^ID:' "$report" | awk '{print $2}' | sort -u | tr '\n' ' ')"
done

step "the shell type-checks for Android and iOS"
bash scripts/check-mobile.sh

step "unit and integration tests (PostgreSQL for the scaled-out state API)"
# A private cluster of Debian's PostgreSQL on a loopback port, stopped when this script ends.
source "$root/scripts/postgres.sh"
start_postgres "$(mktemp -d /tmp/thueringen-postgres.XXXXXX)"
export THUERINGEN_REQUIRE_POSTGRES=1
cargo test --locked --workspace
# The state API's whole suite once more, every test server on PostgreSQL (a schema each).
THUERINGEN_STATE_API_BACKEND=postgres cargo test --locked -p state-api
stop_postgres
# The UI's build of the texts: German embedded, other languages added when chosen.
cargo test --locked -p i18n --no-default-features --lib

step "the form engine's validation cases in wasm32 under node"
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  (cd crates/domain/tests/wasm && CARGO_TARGET_DIR="$THUERINGEN_CACHE/target-wasm-tests" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --locked --target wasm32-unknown-unknown)
else
  echo "no prebuilt wasm32 std here: the wasm test run needs rustup's target (see README)"
fi

step "end-to-end journeys in the real window"
cargo test --locked -p e2e -- --ignored --test-threads=1

# The journeys run on a clock that starts at noon (Berlin) of today, so none types "today"
# before midnight and has it checked after (tests/harness/clock.rs).
# The suite must not depend on the calendar: the journeys that type dates run once more with
# the app's and the state API's clock moved to 23:30 Berlin time on a leap day (debug builds
# only honour a moved clock; see src-tauri/src/clock.rs and tests/harness/clock.rs).
step "date-sensitive journeys again, on a clock moved to 2028-02-29 23:30 Berlin time"
THUERINGEN_E2E_NOW="2028-02-29T23:30:00+01:00" THUERINGEN_ARTIFACTS="$THUERINGEN_ARTIFACTS/moved-clock" \
  cargo test --locked -p e2e --test citizen --test delivery -- --ignored --test-threads=1 \
  parking_permit_offline registration_with keyboard_only_parking every_page_and_every_wizard_step queued_offline

step "done; artifacts in $THUERINGEN_ARTIFACTS"
cat "$THUERINGEN_ARTIFACTS/timings.txt" 2>/dev/null || true
