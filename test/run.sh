#!/usr/bin/env bash
# The one test command: installs what the tests need when it is missing, starts a
# throwaway PostgreSQL server for the multi-instance tests, and runs vitest on Node 24 (the
# production runtime), then a smoke run of the bot on Node 22 (still supported).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/node-runtime.sh
use_node 24
echo "Running the tests on Node.js $(node --version)"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need[@]}" fonts-dejavu-core >/dev/null
fi

# A private PostgreSQL cluster for this run, on loopback, removed afterwards.
pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n1)")
pgdir=$(mktemp -d /tmp/familiestotte-pg.XXXXXX)
pgport=${TEST_PG_PORT:-55432}
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pgdir"
run_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust --no-sync >/dev/null
run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
  -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
cleanup() { run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap cleanup EXIT
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pgport/postgres"
export TEST_PG_BIN="$pgbin" TEST_PG_DATA="$pgdir/data" TEST_PG_SOCKET="$pgdir"

npx tsc --noEmit
npx vitest run "$@"

# Only for the whole suite: a run of chosen files is someone's quick check.
if [ $# -eq 0 ]; then
  use_node 22
  echo "Smoke run on Node.js $(node --version)"
  npx vitest run test/smoke
fi
