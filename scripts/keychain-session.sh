# Sourced by scripts/test.sh and scripts/bench-launch.sh once they run in their private D-Bus
# session: `private_keychain_session` gives the run its own data and runtime directories and an
# unlocked gnome-keyring (a real Secret Service), all removed when the script exits, so nothing
# of the person running it is touched. Returns the keyring's status.
private_keychain_session() {
  session_dir="$(mktemp -d)"
  trap 'pkill -u "$(id -u)" -f "gnome-keyring-daemon.*$session_dir" 2>/dev/null || true; rm -rf "$session_dir"' EXIT
  export XDG_DATA_HOME="$session_dir/data" XDG_RUNTIME_DIR="$session_dir/run"
  mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
  local started
  started="$(printf 'session' | gnome-keyring-daemon --daemonize --unlock --components=secrets)" || return 1
  eval "$started"
}
