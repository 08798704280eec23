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
# ring (rustls' crypto) and aws-lc (jose's RSA: signatures and encryption of applications)
# compile C in their build scripts even for `cargo check`. Without the NDK or an Apple SDK there
# are no phone libc headers here, so that C is compiled (not linked) against Debian's aarch64
# glibc headers (libc6-dev-arm64-cross), for iOS with stub headers for the few Apple calls aws-lc
# makes (TargetConditionals, CCRandomGenerateBytes, sysctlbyname) and clang's Apple `__nonnull`
# keyword moved out of glibc's way. That checks our Rust, not the phones' C toolchains: the real
# builds use the NDK / Xcode.
stub="$THUERINGEN_CACHE/apple-headers"; mkdir -p "$stub/CommonCrypto" "$stub/sys"
cat > "$stub/TargetConditionals.h" <<'H'
#pragma once
#define TARGET_OS_MAC 1
#define TARGET_OS_OSX 0
#define TARGET_OS_IPHONE 1
#define TARGET_OS_IOS 1
H
cat > "$stub/CommonCrypto/CommonRandom.h" <<'H'
#pragma once
#include <stddef.h>
typedef int CCRNGStatus;
enum { kCCSuccess = 0 };
CCRNGStatus CCRandomGenerateBytes(void *bytes, size_t count);
H
cat > "$stub/sys/sysctl.h" <<'H'
#pragma once
#include <stddef.h>
int sysctlbyname(const char *, void *, size_t *, void *, size_t);
H
glibc="-D_GNU_SOURCE -isystem /usr/aarch64-linux-gnu/include"
export CFLAGS_aarch64_linux_android="$glibc"
export CFLAGS_aarch64_apple_ios="-Wno-macro-redefined -D__nonnull(p)= -isystem $stub $glibc"
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
