#!/usr/bin/env bash
# cluster.sh - make replicated setups available for Joinery's cluster tier:
#
#   * a 3-node MariaDB Galera cluster (galera-4, rsync state transfer)
#   * a PostgreSQL primary with a streaming hot-standby replica
#
#   eval "$(scripts/cluster.sh)"            # both;  scripts/cluster.sh galera|pg  for one
#
# * When JOINERY_GALERA_URLS (or JOINERY_PG_PRIMARY_URL and JOINERY_PG_REPLICA_URL) are set,
#   those servers are used as they are: nothing is installed or started for that setup.
# * Otherwise the packages are installed if missing and the servers started on 127.0.0.1 from
#   private data directories under $JOINERY_CLUSTER_STATE, without systemd, detached with setsid.
# * Idempotent: a second run only checks that every server answers, starts or rejoins what is
#   missing, and rebuilds a replica that was promoted or belongs to another primary.
# * stdout carries ONLY the export lines; progress goes to stderr.
#
# Knobs: JOINERY_CLUSTER_STATE (/tmp/joinery-cluster)
#        GALERA_PORT (3311)       client ports GALERA_PORT, +1, +2 for nodes 1-3
#        GALERA_PEER_PORT (4567)  node n replicates on GALERA_PEER_PORT + 10(n-1), takes
#                                 incremental state on +1 and full state (rsync) on +2
#        PG_PRIMARY_PORT (5441)  PG_REPLICA_PORT (5442)
#        DB_USER / DB_PASS / DB_NAME (joinery)
# Stop with scripts/cluster-stop.sh [--wipe]. The fault tests start private clusters with
# their own state directory and ports through this script.
set -euo pipefail

WHAT=${1:-all}
case "$WHAT" in all|galera|pg) ;; *) echo "usage: $0 [all|galera|pg]" >&2; exit 2;; esac
STATE=${JOINERY_CLUSTER_STATE:-/tmp/joinery-cluster}
GALERA_PORT=${GALERA_PORT:-3311}
GALERA_PEER_PORT=${GALERA_PEER_PORT:-4567}
PG_PRIMARY_PORT=${PG_PRIMARY_PORT:-5441}
PG_REPLICA_PORT=${PG_REPLICA_PORT:-5442}
DB_USER=${DB_USER:-joinery}
DB_PASS=${DB_PASS:-joinery}
DB_NAME=${DB_NAME:-joinery}
REPLICATOR=replicator
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

log() { printf '[cluster] %s\n' "$*" >&2; }
die() { printf '[cluster] ERROR: %s\n' "$*" >&2; exit 1; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

want_galera=0; want_pg=0
[ "$WHAT" != pg ] && want_galera=1
[ "$WHAT" != galera ] && want_pg=1
if ((want_galera)) && [ -n "${JOINERY_GALERA_URLS:-}" ]; then want_galera=0; log "galera: using JOINERY_GALERA_URLS as given"; fi
if ((want_pg)) && [ -n "${JOINERY_PG_PRIMARY_URL:-}" ] && [ -n "${JOINERY_PG_REPLICA_URL:-}" ]; then
  want_pg=0; log "postgres: using JOINERY_PG_PRIMARY_URL and JOINERY_PG_REPLICA_URL as given"
fi

if ((want_galera || want_pg)); then
  [ "$(id -u)" = 0 ] || die "starting servers needs root (apt-get, runuser, chown); or set JOINERY_GALERA_URLS, JOINERY_PG_PRIMARY_URL and JOINERY_PG_REPLICA_URL"
  "$HERE/install-deps.sh" --cluster
  cd /   # runuser keeps the cwd; postgres and mysql cannot enter /root
  mkdir -p "$STATE"; chmod 755 "$STATE"
  # Serialise concurrent runs; every daemon gets '9>&-' so that it does not hold the lock.
  exec 9>"$STATE/.lock"
  flock -w 600 9 || die "timed out waiting for $STATE/.lock"
fi

# ================================================================== MariaDB Galera
galera_urls() {
  local n urls=""
  for n in 1 2 3; do urls+="${urls:+,}mariadb://$DB_USER:$DB_PASS@127.0.0.1:$((GALERA_PORT + n - 1))/$DB_NAME"; done
  echo "$urls"
}

start_galera() {
  local provider=/usr/lib/galera/libgalera_smm.so
  [ -e "$provider" ] || die "the Galera provider $provider is missing (apt-get install galera-4)"
  node_dir() { echo "$STATE/galera/node$1"; }
  client_port() { echo $((GALERA_PORT + $1 - 1)); }
  peer_port() { echo $((GALERA_PEER_PORT + 10 * ($1 - 1))); }
  sock() { echo "$(node_dir "$1")/mysqld.sock"; }
  m_root() { local n=$1; shift; mariadb --no-defaults --protocol=socket --socket="$(sock "$n")" -uroot "$@"; }
  m_ping() { mariadb-admin --no-defaults --protocol=socket --socket="$(sock "$1")" -uroot ping >/dev/null 2>&1; }
  m_status() { m_root "$1" -N -B -e "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | cut -f2; }
  # A full member of the primary component: Synced and ready.
  m_synced() { [ "$(m_status "$1" wsrep_local_state_comment)" = Synced ] && [ "$(m_status "$1" wsrep_ready)" = ON ]; }

  local gcomm="" n
  for n in 1 2 3; do gcomm+="${gcomm:+,}127.0.0.1:$(peer_port $n)"; done
  for n in 1 2 3; do
    local dir; dir=$(node_dir $n)
    mkdir -p "$dir/data" "$dir/tmp"; chmod 755 "$STATE/galera"
    chown mysql:mysql "$dir" "$dir/data" "$dir/tmp"
    # One option file per node, started with --defaults-file: the state-transfer script
    # (wsrep_sst_rsync) is handed that file and reads [mysqld] from it.
    cat >"$dir/my.cnf" <<CONF
[mysqld]
user                      = mysql
datadir                   = $dir/data
tmpdir                    = $dir/tmp
socket                    = $dir/mysqld.sock
pid-file                  = $dir/mariadbd.pid
log-error                 = $dir/error.log
port                      = $(client_port $n)
bind-address              = 127.0.0.1
skip-name-resolve
character-set-server      = utf8mb4
collation-server          = utf8mb4_unicode_ci
max-connections           = 200
innodb-buffer-pool-size   = 128M
innodb-flush-log-at-trx-commit = 0
# what Galera requires
binlog_format             = ROW
default_storage_engine    = InnoDB
innodb_autoinc_lock_mode  = 2
wsrep_on                  = ON
wsrep_provider            = $provider
wsrep_cluster_name        = joinery-galera-$GALERA_PORT
wsrep_cluster_address     = gcomm://$gcomm
wsrep_node_name           = node$n
wsrep_node_address        = 127.0.0.1
wsrep_node_incoming_address = 127.0.0.1:$(client_port $n)
wsrep_sst_method          = rsync
# three nodes on one host: each has its own replication, IST and SST ports
wsrep_sst_receive_address = 127.0.0.1:$(($(peer_port $n) + 2))
wsrep_provider_options    = "gmcast.listen_addr=tcp://127.0.0.1:$(peer_port $n);ist.recv_addr=127.0.0.1:$(($(peer_port $n) + 1));gcache.size=64M"
CONF
  done

  launch() {   # launch <node> [mariadbd arguments...]
    local n=$1 port; shift
    for port in "$(client_port "$n")" "$(peer_port "$n")" $(($(peer_port "$n") + 1)) $(($(peer_port "$n") + 2)); do
      port_busy "$port" && die "galera node$n: 127.0.0.1:$port is taken by another process"
    done
    rm -f "$(node_dir "$n")/mariadbd.pid"
    setsid /usr/sbin/mariadbd --defaults-file="$(node_dir "$n")/my.cnf" "$@" </dev/null >/dev/null 2>&1 9>&- &
    echo $! >"$(node_dir "$n")/launcher.pid"
  }
  wait_synced() {  # wait_synced <node> <seconds>
    local n=$1 k pid; pid=$(cat "$(node_dir "$n")/launcher.pid")
    for ((k = 0; k < $2 * 5; k++)); do
      m_ping "$n" && m_synced "$n" && return 0
      kill -0 "$pid" 2>/dev/null || { tail -n 40 "$(node_dir "$n")/error.log" >&2; die "galera node$n: mariadbd exited while starting"; }
      sleep 0.2
    done
    tail -n 40 "$(node_dir "$n")/error.log" >&2; die "galera node$n: not Synced after $2 s"
  }
  # A crashed node's position is in InnoDB (grastate.dat says seqno -1): recover it, so that
  # the node rejoins by incremental transfer instead of copying everything.
  start_position() {
    local dir; dir=$(node_dir "$1")
    grep -qs '^seqno:[[:space:]]*-1' "$dir/data/grastate.dat" && [ -d "$dir/data/mysql" ] || return 0
    /usr/sbin/mariadbd --defaults-file="$dir/my.cnf" --wsrep-recover --log-error="$dir/recover.log" \
      </dev/null >/dev/null 2>&1 9>&- || true
    local position
    position=$(grep -a 'WSREP: Recovered position:' "$dir/recover.log" 2>/dev/null | tail -n1 | sed 's/.*Recovered position:[[:space:]]*//')
    [ -n "$position" ] && echo "--wsrep-start-position=$position"
    return 0
  }

  local running=() members=()
  for n in 1 2 3; do m_ping $n && running+=("$n"); done
  for n in ${running[@]+"${running[@]}"}; do m_synced "$n" && members+=("$n"); done
  if ((${#members[@]} == 3)) && [ "$(m_status "${members[0]}" wsrep_cluster_size)" = 3 ]; then
    log "galera: already running (3 nodes)"
    return 0
  fi
  if ((${#members[@]} == 0)); then
    ((${#running[@]} == 0)) || die "galera: nodes ${running[*]} answer but none is Synced; run scripts/cluster-stop.sh"
    local boot=""
    for n in 1 2 3; do
      grep -qs '^safe_to_bootstrap:[[:space:]]*1' "$(node_dir $n)/data/grastate.dat" && { boot=$n; break; }
    done
    if [ -z "$boot" ]; then
      boot=1
      if [ ! -d "$(node_dir 1)/data/mysql" ]; then
        log "galera node1: install-db"
        mariadb-install-db --no-defaults --user=mysql --datadir="$(node_dir 1)/data" \
          --auth-root-authentication-method=socket --skip-test-db >"$(node_dir 1)/install.log" 2>&1 \
          || { cat "$(node_dir 1)/install.log" >&2; die "mariadb-install-db failed"; }
      elif [ -f "$(node_dir 1)/data/grastate.dat" ]; then
        # Every node crashed, none is marked safe: test data, so node1 goes first.
        log "galera: no node is safe to bootstrap (unclean stop); node1 goes first"
        sed -i 's/^safe_to_bootstrap:.*/safe_to_bootstrap: 1/' "$(node_dir 1)/data/grastate.dat"
      fi
    fi
    log "galera node$boot: bootstrapping the cluster on 127.0.0.1:$(client_port $boot)"
    # shellcheck disable=SC2046
    launch "$boot" --wsrep-new-cluster $(start_position "$boot")
    wait_synced "$boot" 120
    # Users, grants and databases replicate to the nodes that join.
    m_root "$boot" <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'%' IDENTIFIED BY '$DB_PASS';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASS';
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'%';
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'localhost';
SQL
  fi
  # One at a time: a donor serves one state transfer at once.
  for n in 1 2 3; do
    m_ping "$n" && continue
    log "galera node$n: joining on 127.0.0.1:$(client_port $n)"
    # shellcheck disable=SC2046
    launch "$n" $(start_position "$n")
    wait_synced "$n" 180
  done
  for _ in $(seq 1 50); do [ "$(m_status 1 wsrep_cluster_size)" = 3 ] && break; sleep 0.2; done
  [ "$(m_status 1 wsrep_cluster_size)" = 3 ] || die "galera: the cluster has $(m_status 1 wsrep_cluster_size) nodes, not 3"
  for n in 1 2 3; do
    mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P"$(client_port $n)" -u"$DB_USER" -p"$DB_PASS" "$DB_NAME" \
      -e 'SELECT 1' >/dev/null || die "galera node$n: TCP login as $DB_USER failed"
  done
  log "galera: 3 nodes Synced"
}

# ====================================================== PostgreSQL primary + replica
start_pg() {
  local bin primary=$STATE/pg/primary replica=$STATE/pg/replica
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -x "$bin/pg_ctl" ] || die "PostgreSQL server binaries not found"
  as_pg() { runuser -u postgres -- "$@"; }   # PostgreSQL refuses to run as root
  pg_ready() { as_pg "$bin/pg_isready" -q -h "$1/run" -p "$2" -U postgres -d postgres; }
  pg_q() { as_pg "$bin/psql" -X -qAt -h "$1/run" -p "$2" -U postgres -d postgres -c "$3"; }
  pg_start() {  # pg_start <dir> <port>
    port_busy "$2" && die "127.0.0.1:$2 is taken by another process"
    local attempt
    for attempt in 1 2 3; do
      as_pg "$bin/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 120 start >/dev/null 2>&1 9>&- && break
      log "postgres $1: start attempt $attempt failed, retrying"; sleep 2
    done
    pg_ready "$1" "$2" || { tail -n 30 "$1/server.log" >&2; die "postgres $1 did not start"; }
  }
  system_id() { "$bin/pg_controldata" "$1/data" 2>/dev/null | awk -F: '/system identifier/ { gsub(/ /, "", $2); print $2 }'; }

  mkdir -p "$primary/run" "$replica"; chmod 755 "$STATE/pg"
  chown postgres:postgres "$primary" "$primary/run" "$replica"
  if [ ! -s "$primary/data/PG_VERSION" ]; then
    log "postgres primary: initdb"
    rm -rf "$primary/data" "$replica/data"   # an old replica cannot follow a new primary
    as_pg "$bin/initdb" -D "$primary/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=peer --auth-host=scram-sha-256 >"$primary/initdb.log" 2>&1 \
      || { cat "$primary/initdb.log" >&2; die "initdb failed"; }
    # initdb's pg_hba.conf already lets 127.0.0.1 replicate with a password.
    cat >>"$primary/data/postgresql.conf" <<CONF
# --- Joinery cluster tier: the primary (scripts/cluster.sh) ---
listen_addresses = '127.0.0.1'
port = $PG_PRIMARY_PORT
unix_socket_directories = '$primary/run'
cluster_name = 'primary'
max_connections = 200
fsync = off
full_page_writes = off
wal_level = replica
max_wal_senders = 10
wal_keep_size = 256MB
# synchronous_commit = off would hold WAL back until the WAL writer flushes it (up to 200 ms
# of lag on the replica); on, a commit reaches the replica within milliseconds.
synchronous_commit = on
CONF
  fi
  if pg_ready "$primary" "$PG_PRIMARY_PORT"; then
    log "postgres primary: already running"
  else
    log "postgres primary: starting on 127.0.0.1:$PG_PRIMARY_PORT"
    pg_start "$primary" "$PG_PRIMARY_PORT"
  fi
  [ "$(pg_q "$primary" "$PG_PRIMARY_PORT" 'SELECT pg_is_in_recovery()')" = f ] || die "postgres primary on $PG_PRIMARY_PORT is in recovery"
  # The test user may pause and resume replay and promote: the cluster tests make a replica
  # lag and take over through it.
  as_pg "$bin/psql" -h "$primary/run" -p "$PG_PRIMARY_PORT" -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE "$DB_USER" LOGIN CREATEDB PASSWORD '$DB_PASS';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$REPLICATOR') THEN
    CREATE ROLE "$REPLICATOR" LOGIN REPLICATION PASSWORD '$REPLICATOR';
  END IF;
END \$\$;
SELECT format('CREATE DATABASE %I OWNER %I', '$DB_NAME', '$DB_USER')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')\gexec
SQL

  # (a grant on a function holds in one database: the test database's)
  as_pg "$bin/psql" -h "$primary/run" -p "$PG_PRIMARY_PORT" -U postgres -d "$DB_NAME" -X -q -v ON_ERROR_STOP=1 >/dev/null \
    -c "GRANT EXECUTE ON FUNCTION pg_wal_replay_pause(), pg_wal_replay_resume(), pg_promote(boolean, integer) TO \"$DB_USER\""

  if [ -s "$replica/data/PG_VERSION" ]; then
    local rebuild=""
    [ "$(system_id "$replica")" = "$(system_id "$primary")" ] || rebuild="it belongs to another primary"
    if [ -z "$rebuild" ] && pg_ready "$replica" "$PG_REPLICA_PORT"; then
      [ "$(pg_q "$replica" "$PG_REPLICA_PORT" 'SELECT pg_is_in_recovery()')" = t ] || rebuild="it was promoted"
    elif [ -z "$rebuild" ] && [ ! -e "$replica/data/standby.signal" ]; then
      rebuild="it was promoted"
    fi
    if [ -n "$rebuild" ]; then
      log "postgres replica: rebuilding ($rebuild)"
      as_pg "$bin/pg_ctl" -D "$replica/data" -m immediate -w stop >/dev/null 2>&1 || true
      rm -rf "$replica/data"
    fi
  fi
  if [ ! -s "$replica/data/PG_VERSION" ]; then
    log "postgres replica: base backup of 127.0.0.1:$PG_PRIMARY_PORT"
    mkdir -p "$replica/run"; chown postgres:postgres "$replica/run"
    # -R writes standby.signal and primary_conninfo.
    as_pg "$bin/pg_basebackup" -D "$replica/data" -R -X stream -c fast \
      -d "host=127.0.0.1 port=$PG_PRIMARY_PORT user=$REPLICATOR password=$REPLICATOR" >"$replica/basebackup.log" 2>&1 \
      || { cat "$replica/basebackup.log" >&2; die "pg_basebackup failed"; }
    # The copy carries the primary's port and socket; the last setting wins.
    cat >>"$replica/data/postgresql.conf" <<CONF
# --- Joinery cluster tier: the replica (scripts/cluster.sh) ---
port = $PG_REPLICA_PORT
unix_socket_directories = '$replica/run'
cluster_name = 'replica'
hot_standby = on
hot_standby_feedback = on
CONF
  fi
  if pg_ready "$replica" "$PG_REPLICA_PORT"; then
    log "postgres replica: already running"
  else
    log "postgres replica: starting on 127.0.0.1:$PG_REPLICA_PORT"
    pg_start "$replica" "$PG_REPLICA_PORT"
  fi
  [ "$(pg_q "$replica" "$PG_REPLICA_PORT" 'SELECT pg_is_in_recovery()')" = t ] || die "postgres replica on $PG_REPLICA_PORT is not in recovery"
  local state=""
  for _ in $(seq 1 100); do
    state=$(pg_q "$primary" "$PG_PRIMARY_PORT" "SELECT state FROM pg_stat_replication WHERE application_name = 'replica'")
    [ "$state" = streaming ] && break; sleep 0.2
  done
  [ "$state" = streaming ] || die "postgres: the replica is not streaming (state '$state')"
  local port
  for port in "$PG_PRIMARY_PORT" "$PG_REPLICA_PORT"; do
    PGPASSWORD=$DB_PASS "$bin/psql" -X -qAt -h 127.0.0.1 -p "$port" -U "$DB_USER" -d "$DB_NAME" -c 'SELECT 1' >/dev/null \
      || die "postgres :$port: TCP login as $DB_USER failed"
  done
  log "postgres: primary and streaming replica ready"
}

((want_galera)) && start_galera
((want_pg)) && start_pg
log "ready"

if [ "$WHAT" != pg ]; then
  echo "export JOINERY_GALERA_URLS=${JOINERY_GALERA_URLS:-$(galera_urls)}"
fi
if [ "$WHAT" != galera ]; then
  echo "export JOINERY_PG_PRIMARY_URL=${JOINERY_PG_PRIMARY_URL:-postgres://$DB_USER:$DB_PASS@127.0.0.1:$PG_PRIMARY_PORT/$DB_NAME}"
  echo "export JOINERY_PG_REPLICA_URL=${JOINERY_PG_REPLICA_URL:-postgres://$DB_USER:$DB_PASS@127.0.0.1:$PG_REPLICA_PORT/$DB_NAME}"
fi
