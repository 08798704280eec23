#!/usr/bin/env bash
# Type-checks the shell crate and everything it pulls in for Android and iOS
# (aarch64-linux-android, aarch64-apple-ios), by the recipe in ../shared/TOOLCHAIN.md.
# It proves the Rust side compiles for the phones (Tauri's, wry's, tao's mobile code and every
# #[cfg(mobile)] path of ours); it does not link or build an APK/IPA (that needs the Android
# NDK or Xcode: `cargo tauri android build` / `cargo tauri ios build`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/env.sh"
cd "$root"
export RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1          # Debian rustc-web + rust-web-src (std source)
export LIBSQLITE3_SYS_USE_PKG_CONFIG=1                 # no phone libc headers here: skip compiling sqlite3.c
export SDKROOT="$THUERINGEN_CACHE/empty-sdkroot"; mkdir -p "$SDKROOT"   # a fixed path keeps warm runs warm
export CC_aarch64_apple_ios=clang CC_aarch64_apple_ios_sim=clang CC_aarch64_linux_android=clang
export CARGO_TARGET_DIR="$THUERINGEN_CACHE/target-mobile"
for target in aarch64-linux-android aarch64-apple-ios; do
  start=$(date +%s)
  /usr/bin/cargo check -q --locked -p thueringen-app --target "$target" -Zbuild-std=std,panic_abort
  printf '[check-mobile] %s: the shell type-checks (%ss)\n' "$target" "$(( $(date +%s) - start ))" >&2
done
