#!/usr/bin/env bash
# services-stop.sh - stop the servers that scripts/services.sh started.
#   --wipe   also delete their data directories (the next start is a cold start)
set -uo pipefail
STATE=${JOINERY_DB_STATE:-/tmp/joinery-db}
log() { printf '[services-stop] %s\n' "$*" >&2; }
# A zombie (exited, not yet reaped) still passes 'kill -0'.
alive() { [ -e "/proc/$1" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null; }
cd /

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
pg_data=$STATE/postgres/data
if [ -n "$pg_bin" ] && [ -s "$pg_data/PG_VERSION" ] &&
   runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
  log "stopping postgres"
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 60 stop >/dev/null
else
  log "postgres not running"
fi

maria_dir=$STATE/mariadb
pid=$(cat "$maria_dir/run/mariadbd.pid" 2>/dev/null || true)
# Signal the pid only if it is our mariadbd: pids are reused.
if [ -n "$pid" ] && grep -qaF -e "--datadir=$maria_dir/data" "/proc/$pid/cmdline" 2>/dev/null; then
  log "stopping mariadb (pid $pid)"
  kill -TERM "$pid"
  for _ in $(seq 1 300); do alive "$pid" || break; sleep 0.2; done
  alive "$pid" && { log "mariadb ignored SIGTERM, sending SIGKILL"; kill -KILL "$pid"; }
else
  log "mariadb not running"
fi

if [ "${1:-}" = "--wipe" ]; then
  log "removing $STATE"
  rm -rf "$STATE"
fi
exit 0
