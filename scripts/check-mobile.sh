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
# ring (rustls' crypto) compiles C in its build script even for `cargo check`. Without the NDK or
# an Apple SDK there are no phone libc headers here, so its C is compiled (not linked) against
# Debian's aarch64 glibc headers for Android (libc6-dev-arm64-cross) and, for iOS, freestanding
# with three stub headers that declare the few libc calls ring uses. That checks our Rust, not the
# phones' C toolchains: the real builds use the NDK / Xcode.
stub="$THUERINGEN_CACHE/mobile-headers"; mkdir -p "$stub"
cat > "$stub/TargetConditionals.h" <<'H'
#pragma once
#define TARGET_OS_MAC 1
#define TARGET_OS_OSX 0
#define TARGET_OS_IPHONE 1
#define TARGET_OS_IOS 1
H
cat > "$stub/string.h" <<'H'
#pragma once
#include <stddef.h>
void *memcpy(void *, const void *, size_t);
void *memmove(void *, const void *, size_t);
void *memset(void *, int, size_t);
int memcmp(const void *, const void *, size_t);
size_t strlen(const char *);
H
cat > "$stub/assert.h" <<'H'
#pragma once
#define assert(x) ((void)0)
H
cat > "$stub/stdlib.h" <<'H'
#pragma once
#include <stddef.h>
void abort(void);
void *malloc(size_t);
void free(void *);
H
export CFLAGS_aarch64_linux_android="-isystem /usr/aarch64-linux-gnu/include"
export CFLAGS_aarch64_apple_ios="-ffreestanding -isystem $stub"
export CARGO_TARGET_DIR="$THUERINGEN_CACHE/target-mobile"
failed=()
for target in aarch64-linux-android aarch64-apple-ios; do
  start=$(date +%s)
  if /usr/bin/cargo check -q --locked -p thueringen-app --target "$target" -Zbuild-std=std,panic_abort; then
    printf '[check-mobile] %s: the shell type-checks (%ss)\n' "$target" "$(( $(date +%s) - start ))" >&2
  else
    printf '[check-mobile] %s: the shell does NOT type-check (see the errors above)\n' "$target" >&2
    failed+=("$target")
  fi
done
((${#failed[@]} == 0)) || { echo "[check-mobile] failed for: ${failed[*]}" >&2; exit 1; }
