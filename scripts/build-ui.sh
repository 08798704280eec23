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
# The pages besides the start page load on first use (ui/src/deferred.rs): `wasm-split-cli`
# cuts them out of the wasm, and it reads the linker's relocations to do so. Only the final
# link needs them, so they are asked for on the ui crate alone (`cargo rustc`).
emit_relocs=(-- -C link-arg=--emit-relocs)
if rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  CARGO_TARGET_DIR="$THUERINGEN_WASM_TARGET_DIR" cargo rustc -q -p ui --locked --profile wasm-release --target "$target" "${emit_relocs[@]}"
else
  rust_lld="$(rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
  CARGO_TARGET_DIR="$THUERINGEN_WASM_TARGET_DIR-std" RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$rust_lld" \
    /usr/bin/cargo rustc -q -p ui --locked --profile wasm-release --target "$target" -Zbuild-std=std,panic_abort "${emit_relocs[@]}"
  THUERINGEN_WASM_TARGET_DIR="$THUERINGEN_WASM_TARGET_DIR-std"
fi
wasm="$THUERINGEN_WASM_TARGET_DIR/$target/wasm-release/ui.wasm"
dist="$root/ui/dist"
staging="$(mktemp -d)"
split="$(mktemp -d)"
trap 'rm -rf "$split"' EXIT
# The split: split/ui.wasm (the start, for wasm-bindgen), one .wasm per page part and per
# chunk that parts share, and __wasm_split.js, which fetches them and which ui.js imports.
wasm-split-cli --target web --out-name ui "$wasm" "$split"
# A wasm that still has its split points would ask for a __wasm_split.js that is not there
# and show nothing: never assemble one.
if [[ ! -f "$split/__wasm_split.js" ]] || ! compgen -G "$split/split_*.wasm" >/dev/null; then
  echo "[build-ui] wasm-split-cli produced no page parts in $split" >&2
  exit 1
fi
# The parts find the start's function table under the linker's name: keep that export.
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --keep-lld-exports --out-dir "$staging" --out-name ui "$split/ui.wasm"
for part in "$split"/*.wasm "$split"/__wasm_split.js; do
  [[ "$part" == "$split/ui.wasm" ]] || cp "$part" "$staging/"
done
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
parts=("$dist"/split_*.wasm "$dist"/chunk_*.wasm)
printf '[build-ui] %s: the start'"'"'s wasm %s bytes raw, %s gzipped; %s page parts and shared chunks, %s bytes raw\n' \
  "$dist" "$(stat -c %s "$dist/ui_bg.wasm")" "$(gzip -9c "$dist/ui_bg.wasm" | wc -c)" \
  "$(ls "${parts[@]}" 2>/dev/null | wc -l)" "$(cat "${parts[@]}" 2>/dev/null | wc -c)" >&2
