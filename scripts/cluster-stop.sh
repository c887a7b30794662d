#!/usr/bin/env bash
# cluster-stop.sh - stop the servers that scripts/cluster.sh started.
#   --wipe   also delete their data directories (the next start is a cold start)
# Galera nodes stop 3, 2, 1, each fully, so node1 stops last and may bootstrap the next start.
set -uo pipefail
STATE=${JOINERY_CLUSTER_STATE:-/tmp/joinery-cluster}
log() { printf '[cluster-stop] %s\n' "$*" >&2; }
# A zombie (exited, not yet reaped) still passes 'kill -0'.
alive() { [ -e "/proc/$1" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null; }
cd /

for n in 3 2 1; do
  dir=$STATE/galera/node$n
  pid=$(cat "$dir/mariadbd.pid" 2>/dev/null || cat "$dir/launcher.pid" 2>/dev/null || true)
  # Signal the pid only if it is this node's mariadbd: pids are reused.
  if [ -n "$pid" ] && grep -qaF -e "--defaults-file=$dir/my.cnf" "/proc/$pid/cmdline" 2>/dev/null; then
    log "stopping galera node$n (pid $pid)"
    kill -CONT "$pid" 2>/dev/null
    kill -TERM "$pid"
    for _ in $(seq 1 300); do alive "$pid" || break; sleep 0.2; done
    alive "$pid" && { log "galera node$n ignored SIGTERM, sending SIGKILL"; kill -KILL "$pid"; }
  fi
done

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
for role in replica primary; do
  data=$STATE/pg/$role/data
  if [ -n "$pg_bin" ] && [ -s "$data/PG_VERSION" ] &&
     runuser -u postgres -- "$pg_bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "stopping postgres $role"
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
  fi
done

if [ "${1:-}" = "--wipe" ]; then
  log "removing $STATE"
  rm -rf "$STATE"
fi
exit 0
