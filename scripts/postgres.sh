# Sourced by scripts/test.sh and the state API's throughput bench: a private PostgreSQL cluster
# of Debian's package, on a free loopback port, in a directory of its own, with a random
# password (SCRAM) for one superuser. Nothing of the machine's own clusters is touched.
#
#   start_postgres DIR   initialises DIR (once) and starts the server; exports
#                        THUERINGEN_POSTGRES_URL (postgres://thueringen:...@127.0.0.1:PORT/postgres)
#   stop_postgres        stops it (also on exit of the shell that started it)
#
# PostgreSQL refuses to run as root: as root, the cluster belongs to Debian's `postgres` user.

postgres_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/pg_ctl" ]] && { echo "$dir"; return 0; }
  done
  echo "no PostgreSQL server found (Debian's package postgresql; scripts/setup.sh installs it)" >&2
  return 1
}

postgres_as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

postgres_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_postgres() {
  local dir="$1" bin port password
  bin="$(postgres_bin)" || return 1
  # A directory made here (or given empty) is removed again by stop_postgres.
  if [[ ! -d "$dir" || -z "$(ls -A "$dir")" ]]; then
    export THUERINGEN_POSTGRES_REMOVE=1
  fi
  mkdir -p "$dir"
  if [[ "$(id -u)" == 0 ]]; then
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  if ! postgres_as_owner test -w "$dir"; then
    echo "PostgreSQL's user cannot write $dir (a parent directory closed to it?): use a directory of its own, e.g. mktemp -d /tmp/x.XXXXXX" >&2
    return 1
  fi
  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
    printf '%s\n' "$password" >"$dir/password"
    chmod 600 "$dir/password"
    [[ "$(id -u)" == 0 ]] && chown postgres: "$dir/password"
    postgres_as_owner "$bin/initdb" -D "$dir/data" -U thueringen --pwfile="$dir/password" \
      --auth-host=scram-sha-256 --auth-local=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; return 1; }
  fi
  password="$(cat "$dir/password")"
  port="$(postgres_free_port)"
  # Loopback only; the socket in the cluster's own directory. Durable like production
  # (fsync, synchronous_commit on), with the default commit delay (none).
  postgres_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c shared_buffers=128MB -c fsync=on -c synchronous_commit=on" \
    >/dev/null || { tail -20 "$dir/server.log" >&2; return 1; }
  export THUERINGEN_POSTGRES_DIR="$dir"
  export THUERINGEN_POSTGRES_URL="postgres://thueringen:$password@127.0.0.1:$port/postgres"
  postgres_add_exit_trap stop_postgres
}

# Puts a command before the EXIT trap's, keeping what is there (the keychain session's).
postgres_add_exit_trap() {
  local previous
  previous="$(trap -p EXIT)"
  previous="${previous#trap -- \'}"
  previous="${previous%\' EXIT}"
  previous="${previous//\'\\\'\'/\'}"
  trap "$1${previous:+; $previous}" EXIT
}

stop_postgres() {
  [[ -n "${THUERINGEN_POSTGRES_DIR:-}" ]] || return 0
  local bin
  bin="$(postgres_bin)" || return 0
  postgres_as_owner "$bin/pg_ctl" -D "$THUERINGEN_POSTGRES_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  if [[ "${THUERINGEN_POSTGRES_REMOVE:-}" == 1 ]]; then
    rm -rf "$THUERINGEN_POSTGRES_DIR"
  fi
  unset THUERINGEN_POSTGRES_DIR THUERINGEN_POSTGRES_REMOVE
}
