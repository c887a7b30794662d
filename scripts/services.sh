#!/usr/bin/env bash
# services.sh - make a PostgreSQL and a MariaDB server available for Joinery's tests.
#
#   eval "$(scripts/services.sh)"
#
# * When JOINERY_POSTGRES_URL / JOINERY_MARIADB_URL are already set, the servers they
#   name are used as they are: nothing is installed or started for that engine.
# * Otherwise the engine is installed (Debian packages, if missing) and started on
#   127.0.0.1 from a private data directory under $JOINERY_DB_STATE, without systemd,
#   detached with setsid so it outlives this shell. A test user and database are created.
# * Idempotent: a second run only checks that both servers answer (about 0.2 s).
# * stdout carries ONLY the export lines; progress goes to stderr.
#
# Knobs: JOINERY_DB_STATE (/tmp/joinery-db)  PG_PORT (5432)  MARIADB_PORT (3306)
#        DB_USER / DB_PASS / DB_NAME (joinery)
#        JOINERY_DB_DURABLE=1: commits survive a crash (fsync on; the fault tests' private servers)
# Stop with scripts/services-stop.sh [--wipe].
set -euo pipefail

STATE=${JOINERY_DB_STATE:-/tmp/joinery-db}
PG_PORT=${PG_PORT:-5432}
MARIADB_PORT=${MARIADB_PORT:-3306}
DB_USER=${DB_USER:-joinery}
DB_PASS=${DB_PASS:-joinery}
DB_NAME=${DB_NAME:-joinery}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

want_pg=1; want_maria=1
[ -n "${JOINERY_POSTGRES_URL:-}" ] && { want_pg=0; log "postgres: using JOINERY_POSTGRES_URL as given"; }
[ -n "${JOINERY_MARIADB_URL:-}" ] && { want_maria=0; log "mariadb: using JOINERY_MARIADB_URL as given"; }

if ((want_pg || want_maria)); then
  [ "$(id -u)" = 0 ] || die "starting servers needs root (apt-get, runuser, chown); or set JOINERY_POSTGRES_URL and JOINERY_MARIADB_URL to servers of your own"
  "$HERE/install-deps.sh" --servers
  cd /   # runuser keeps the cwd; postgres and mysql cannot enter /root
  mkdir -p "$STATE"
  chmod 755 "$STATE"   # the postgres and mysql users must traverse it
  # Serialise concurrent runs. Every daemon started below gets '9>&-', or it would
  # inherit fd 9 and hold this lock for ever.
  exec 9>"$STATE/.lock"
  flock -w 300 9 || die "timed out waiting for $STATE/.lock"
fi

start_postgres() {
  local bin dir data sock
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -x "$bin/pg_ctl" ] || die "PostgreSQL server binaries not found"
  dir=$STATE/postgres; data=$dir/data; sock=$dir/run
  as_pg() { runuser -u postgres -- "$@"; }   # PostgreSQL refuses to run as root
  mkdir -p "$dir" "$sock"
  chown postgres:postgres "$dir" "$sock"
  if [ ! -s "$data/PG_VERSION" ]; then
    log "postgres: initdb $data"
    rm -rf "$data"
    as_pg "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
          --auth-local=peer --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    cat >>"$data/postgresql.conf" <<CONF
# --- Joinery test server (scripts/services.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sock'
max_connections = 200
CONF
    # Fast but unsafe on a crash: fine for the shared test server, not for fault tests that
    # kill the server and count what a commit kept (JOINERY_DB_DURABLE=1).
    if [ "${JOINERY_DB_DURABLE:-0}" != 1 ]; then
      printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n' >>"$data/postgresql.conf"
    fi
  fi
  pg_ready() { as_pg "$bin/pg_isready" -q -h "$sock" -p "$PG_PORT" -U postgres -d postgres; }
  if pg_ready; then
    log "postgres: already running"
  else
    port_busy "$PG_PORT" && die "127.0.0.1:$PG_PORT is taken by another process (set PG_PORT, or JOINERY_POSTGRES_URL to use that server)"
    log "postgres: starting on 127.0.0.1:$PG_PORT"
    # pg_ctl -w detaches and waits until connections are accepted. The retries cover a
    # crashed earlier postmaster whose shared memory is not released yet.
    for attempt in 1 2 3 4 5; do
      as_pg "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
            -o "-p $PG_PORT" start >/dev/null 2>&1 9>&- && break
      log "postgres: start attempt $attempt failed, retrying"
      sleep 2
    done
    pg_ready || { tail -n 30 "$dir/server.log" >&2; die "postgres did not start"; }
  fi
  as_pg "$bin/psql" -h "$sock" -p "$PG_PORT" -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE "$DB_USER" LOGIN CREATEDB PASSWORD '$DB_PASS';
  ELSE
    ALTER ROLE "$DB_USER" LOGIN CREATEDB PASSWORD '$DB_PASS';
  END IF;
END \$\$;
SELECT format('CREATE DATABASE %I OWNER %I', '$DB_NAME', '$DB_USER')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')\gexec
SQL
  PGPASSWORD=$DB_PASS "$bin/psql" -X -qAt -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d "$DB_NAME" \
    -c 'SELECT 1' >/dev/null || die "postgres: TCP login as $DB_USER failed"
}

start_mariadb() {
  local dir data sock mpid
  dir=$STATE/mariadb; data=$dir/data; sock=$dir/run/mysqld.sock
  mkdir -p "$data" "$dir/run" "$dir/tmp"
  chown mysql:mysql "$dir" "$data" "$dir/run" "$dir/tmp"
  # root@localhost authenticates by unix socket: we are OS root, so no password is needed
  # (over TCP, root is refused by design; the tests use a password user).
  m_root() { mariadb --no-defaults --protocol=socket --socket="$sock" -uroot "$@"; }
  m_ping() { mariadb-admin --no-defaults --protocol=socket --socket="$sock" -uroot ping >/dev/null 2>&1; }
  if [ ! -d "$data/mysql" ]; then
    log "mariadb: install-db $data"
    mariadb-install-db --no-defaults --user=mysql --datadir="$data" \
        --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1 \
      || { cat "$dir/install.log" >&2; die "mariadb-install-db failed"; }
  fi
  if m_ping; then
    log "mariadb: already running"
  else
    port_busy "$MARIADB_PORT" && die "127.0.0.1:$MARIADB_PORT is taken by another process (set MARIADB_PORT, or JOINERY_MARIADB_URL to use that server)"
    log "mariadb: starting on 127.0.0.1:$MARIADB_PORT"
    # --no-defaults ignores /etc/mysql (its paths would clash with a distribution
    # instance); setsid and closed descriptors let it outlive this shell without
    # holding a caller's $(...) pipe open. A temporary directory of its own: the
    # fault tests' private servers start and crash beside this one, and an internal
    # temporary table's file must not be within reach of another server.
    setsid /usr/sbin/mariadbd --no-defaults --user=mysql \
        --datadir="$data" --socket="$sock" --pid-file="$dir/run/mariadbd.pid" \
        --tmpdir="$dir/tmp" \
        --port="$MARIADB_PORT" --bind-address=127.0.0.1 --skip-name-resolve \
        --log-error="$dir/error.log" \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --innodb-flush-log-at-trx-commit="$([ "${JOINERY_DB_DURABLE:-0}" = 1 ] && echo 1 || echo 0)" --max-connections=200 \
        </dev/null >/dev/null 2>&1 9>&- &
    mpid=$!
    for _ in $(seq 1 300); do
      m_ping && break
      kill -0 "$mpid" 2>/dev/null || { tail -n 30 "$dir/error.log" >&2; die "mariadbd exited during startup"; }
      sleep 0.2
    done
    m_ping || { tail -n 30 "$dir/error.log" >&2; die "mariadb not ready after 60s"; }
  fi
  m_root <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'%' IDENTIFIED BY '$DB_PASS';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASS';
ALTER USER '$DB_USER'@'%' IDENTIFIED BY '$DB_PASS';
ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASS';
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'%';
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'localhost';
SQL
  mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P"$MARIADB_PORT" -u"$DB_USER" -p"$DB_PASS" "$DB_NAME" \
    -e 'SELECT 1' >/dev/null || die "mariadb: TCP login as $DB_USER failed"
}

((want_pg)) && start_postgres
((want_maria)) && start_mariadb
log "ready"

echo "export JOINERY_POSTGRES_URL=${JOINERY_POSTGRES_URL:-postgres://$DB_USER:$DB_PASS@127.0.0.1:$PG_PORT/$DB_NAME}"
echo "export JOINERY_MARIADB_URL=${JOINERY_MARIADB_URL:-mariadb://$DB_USER:$DB_PASS@127.0.0.1:$MARIADB_PORT/$DB_NAME}"
