#!/usr/bin/env bash
# Builds the Leptos UI to wasm and assembles ui/dist (the frontendDist Tauri embeds).
# Uses rustup's wasm target where installed, else Debian's rustc with -Zbuild-std.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/env.sh"
cd "$root"
target=wasm32-unknown-unknown
# The wasm target dir is shared by every checkout (warm CI clones). Cargo copies the final
# ui.wasm only when it rebuilds, so another checkout's build could leave its ui.wasm behind:
# make sure this checkout's ui crate is the one compiled last.
touch "$root/ui/src/main.rs"
if rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  CARGO_TARGET_DIR="$THUERINGEN_WASM_TARGET_DIR" cargo build -q -p ui --locked --profile wasm-release --target "$target"
else
  rust_lld="$(rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
  CARGO_TARGET_DIR="$THUERINGEN_WASM_TARGET_DIR-std" RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$rust_lld" \
    /usr/bin/cargo build -q -p ui --locked --profile wasm-release --target "$target" -Zbuild-std=std,panic_abort
  THUERINGEN_WASM_TARGET_DIR="$THUERINGEN_WASM_TARGET_DIR-std"
fi
wasm="$THUERINGEN_WASM_TARGET_DIR/$target/wasm-release/ui.wasm"
dist="$root/ui/dist"
staging="$(mktemp -d)"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$staging" --out-name ui "$wasm"
kern="$root/ui/node_modules/@kern-ux/native/dist"
mkdir -p "$staging/kern/fonts"
cp "$kern/kern.min.css" "$staging/kern/"
cp "$kern/fonts/fira-sans.css" "$staging/kern/fonts/"
cp -r "$kern/fonts/fira-sans" "$staging/kern/fonts/"
rm -rf "$staging/kern/fonts/fira-sans/scss" "$staging/kern/fonts/fira-sans/README.md"
# Arabic script (see app.css): the weights the UI uses.
arabic="$root/ui/node_modules/@fontsource/noto-sans-arabic"
mkdir -p "$staging/fonts/noto-sans-arabic"
for weight in 400 600 700; do
  cp "$arabic/files/noto-sans-arabic-arabic-$weight-normal.woff2" "$staging/fonts/noto-sans-arabic/"
done
cp "$arabic/LICENSE" "$staging/fonts/noto-sans-arabic/"
cp "$root/ui/index.html" "$root/ui/main.js" "$root/ui/app.css" "$staging/"
# Replace dist in one step so a half-built dist is never embedded.
rm -rf "$dist.old"; [[ -d "$dist" ]] && mv "$dist" "$dist.old"
mv "$staging" "$dist"; rm -rf "$dist.old"
printf '[build-ui] %s: wasm %s bytes raw, %s gzipped\n' "$dist" \
  "$(stat -c %s "$dist/ui_bg.wasm")" "$(gzip -9c "$dist/ui_bg.wasm" | wc -c)" >&2
