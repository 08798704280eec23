#!/usr/bin/env bash
# Throughput of the state API with durability (issue 20), every row in one run on this machine:
#   - the disk: 4 KB written + fsync, one after the other (one durable commit per submission);
#   - the HTTP ceiling: GET /health with the same load generator and clients;
#   - create + submit pairs at CLIENTS clients on: SQLite (default, survives a killed process),
#     SQLite --sync-full (fsync per commit) without and with group commit, PostgreSQL (one instance), and
#     PostgreSQL with three instances on one database (clients spread over them).
# Release builds; the load generator runs on the same cores as the server(s).
#   bash scripts/bench-state-api.sh [--clients 64] [--seconds 15]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/env.sh"
cd "$root"
clients=64 seconds=15
while (($#)); do
  case "$1" in
    --clients) clients="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

cargo build --locked --release -p state-api --bin state-api --example load
bin="$CARGO_TARGET_DIR/release/state-api"
load="$CARGO_TARGET_DIR/release/examples/load"
work="$(mktemp -d /tmp/thueringen-bench-api.XXXXXX)"
source "$root/scripts/postgres.sh"
# Its own directory: PostgreSQL runs as another user when this runs as root.
pg_dir="$(mktemp -d /tmp/thueringen-postgres.XXXXXX)"
start_postgres "$pg_dir"
printf '%s' "$THUERINGEN_POSTGRES_URL" >"$work/database-url"
chmod 600 "$work/database-url"
head -c 48 /dev/urandom >"$work/login-form-key"
pids=()
stop_servers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
  # The next row must not pay for this one's dirty pages: the default mode leaves hundreds of
  # megabytes for the kernel to write back, which the next row's fsyncs then wait behind.
  sync
}
postgres_add_exit_trap 'stop_servers; rm -rf "$work" "$pg_dir"'

free_port() { postgres_free_port; }
# serve NAME ARGS...: one server on a free port; its base URL in $served. Not called in a
# command substitution: that subshell's `pids` would never reach stop_servers, and the servers
# (with their deleted data directories) outlived the run.
served=""
serve() {
  local name="$1" port; shift
  port="$(free_port)"
  RUST_LOG=warn "$bin" serve --listen "127.0.0.1:$port" --data-dir "$work/$name" --rate 0 --submissions-per-day 100000000 \
    --login-form-key-file "$work/login-form-key" --destination-keys "$work/keys" "$@" \
    >"$work/$name.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && { served="http://127.0.0.1:$port"; return 0; }
    sleep 0.1
  done
  echo "the server $name did not start:" >&2; cat "$work/$name.log" >&2; return 1
}
run() { "$load" "$@" 2>>"$work/load-errors.log" | tail -1; }

results=()
row() { results+=("$(printf '%-46s %s' "$1" "$2")"); echo "$1: $2"; }

row "disk: 4 KB write + fsync, one at a time" "$(run x 1 "$seconds" fsync "$work")"
serve sqlite-normal; base="$served"
row "GET /health (HTTP ceiling)" "$(run "$base" "$clients" "$seconds" health)"
row "SQLite, default (synchronous=NORMAL)" "$(run "$base" "$clients" "$seconds")"
stop_servers
serve sqlite-full-alone --sync-full --no-group-commit; base="$served"
row "SQLite --sync-full, every write its own commit" "$(run "$base" "$clients" "$seconds")"
stop_servers
serve sqlite-full --sync-full; base="$served"
row "SQLite --sync-full, group commit" "$(run "$base" "$clients" "$seconds")"
stop_servers
serve pg-one --database-url-file "$work/database-url" --database-schema one; base="$served"
row "PostgreSQL, one instance (synchronous_commit=on)" "$(run "$base" "$clients" "$seconds")"
stop_servers
bases=()
for n in 1 2 3; do
  serve "pg-three-$n" --database-url-file "$work/database-url" --database-schema three --database-pool 8
  bases+=("$served")
done
row "PostgreSQL, three instances, one database" "$(run "$(IFS=,; echo "${bases[*]}")" "$clients" "$seconds")"
stop_servers

if [[ -s "$work/load-errors.log" ]]; then echo "load generator errors:"; cat "$work/load-errors.log"; fi
echo
echo "state API throughput, $clients clients, $seconds s each, $(nproc) cores, $(date -u +%FT%TZ)"
printf '%s\n' "${results[@]}"
