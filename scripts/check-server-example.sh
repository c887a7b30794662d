#!/usr/bin/env bash
# The server guide's Hummingbird service (Examples/ServerExample, its own package), built and run
# as a user would run it, once per engine: 50 concurrent `POST /profiles` (each a create with a new
# user: one transaction) must answer 50 × 201 and store exactly 50 profiles and 50 users; the same
# names again must answer 409; SIGTERM must stop it cleanly (the pool is one of its services).
# Each engine gets a scratch namespace (a SQLite file, a PostgreSQL schema, a MariaDB database),
# dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JOINERY_POSTGRES_URL:?run through make test, or eval \"\$(scripts/services.sh)\" first}"
: "${JOINERY_MARIADB_URL:?run through make test, or eval \"\$(scripts/services.sh)\" first}"

package=Examples/ServerExample
scripts/forget-build-plans.sh "$package"
swift build --package-path "$package" "$@" >&2
server="$(swift build --package-path "$package" --show-bin-path "$@")/ProfileServer"
scratch="joinery_server_$RANDOM$RANDOM"
requests=50

# mariadb://user:password@host:port/database → the mariadb client's arguments.
mariadb_sql() {
    [[ $JOINERY_MARIADB_URL =~ ^mariadb://([^:@/]+)(:([^@/]*))?@([^:/]+)(:([0-9]+))?(/([^?]*))? ]] ||
        { echo "check-server-example: cannot read $JOINERY_MARIADB_URL" >&2; return 1; }
    MYSQL_PWD="${BASH_REMATCH[3]}" mariadb -N -B -u "${BASH_REMATCH[1]}" -h "${BASH_REMATCH[4]}" \
        -P "${BASH_REMATCH[6]:-3306}" "${1:-${BASH_REMATCH[8]}}" -e "$2"
}
with_option() { [[ $1 == *\?* ]] && echo "$1&$2" || echo "$1?$2"; }

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 20000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    rm -f "/tmp/$scratch.db" "/tmp/$scratch.db-wal" "/tmp/$scratch.db-shm"
    psql -q "$JOINERY_POSTGRES_URL" -c "DROP SCHEMA IF EXISTS $scratch CASCADE" >/dev/null 2>&1 || true
    mariadb_sql "" "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1 || true
}
trap cleanup EXIT

check() {  # engine, DATABASE_URL, a command that prints `count(profiles) count(users)`
    local engine=$1 url=$2 count=$3 port log statuses
    port=$(free_port)
    log=$(mktemp)
    DATABASE_URL="$url" PORT="$port" "$server" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do
        curl -s -o /dev/null "http://127.0.0.1:$port/profiles" && break
        kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "check-server-example: $engine: the server died" >&2; exit 1; }
        sleep 0.1
    done
    post() {
        for i in $(seq 1 "$requests"); do
            curl -s -o /dev/null -w '%{http_code}\n' -X POST -H 'Content-Type: application/json' \
                -d "{\"name\":\"profile-$i\",\"user\":\"user-$i\"}" "http://127.0.0.1:$port/profiles" &
        done
        wait
    }
    statuses=$(post | sort | uniq -c | tr -s ' ' | tr '\n' ',')
    [ "$statuses" = " $requests 201," ] ||
        { cat "$log" >&2; echo "check-server-example: $engine: statuses$statuses not $requests × 201" >&2; exit 1; }
    local rows
    rows=$($count)
    [ "$rows" = "$requests $requests" ] ||
        { echo "check-server-example: $engine: stored profiles, users = $rows, not $requests $requests" >&2; exit 1; }
    local listed
    listed=$(curl -s "http://127.0.0.1:$port/profiles" | grep -o '"user":"user-' | wc -l)
    [ "$listed" -eq "$requests" ] ||
        { echo "check-server-example: $engine: GET /profiles lists $listed profiles with their user" >&2; exit 1; }
    statuses=$(post | sort | uniq -c | tr -s ' ' | tr '\n' ',')
    [ "$statuses" = " $requests 409," ] ||
        { echo "check-server-example: $engine: the same names again gave$statuses, not $requests × 409" >&2; exit 1; }
    rows=$($count)
    [ "$rows" = "$requests $requests" ] ||
        { echo "check-server-example: $engine: failed creates left rows behind: $rows" >&2; exit 1; }
    kill -TERM "$pid"
    wait "$pid" || { cat "$log" >&2; echo "check-server-example: $engine: no clean stop on SIGTERM" >&2; exit 1; }
    pid=""
    rm -f "$log"
    echo "check-server-example: $engine: $requests concurrent creates → $requests × 201, $requests rows; again → 409, nothing added"
}

sqlite_count() { sqlite3 "/tmp/$scratch.db" "SELECT (SELECT count(*) FROM profiles) || ' ' || (SELECT count(*) FROM users)"; }
postgres_count() { psql -qtA "$JOINERY_POSTGRES_URL" -c "SELECT (SELECT count(*) FROM $scratch.profiles) || ' ' || (SELECT count(*) FROM $scratch.users)"; }
mariadb_count() { mariadb_sql "$scratch" "SELECT concat((SELECT count(*) FROM profiles), ' ', (SELECT count(*) FROM users))"; }

check SQLite "sqlite:/tmp/$scratch.db" sqlite_count
psql -q "$JOINERY_POSTGRES_URL" -c "CREATE SCHEMA $scratch" >/dev/null
check PostgreSQL "$(with_option "$JOINERY_POSTGRES_URL" "options=-c%20search_path%3D$scratch")" postgres_count
mariadb_sql "" "CREATE DATABASE $scratch"
[[ $JOINERY_MARIADB_URL =~ ^(mariadb://[^/]+)(/[^?]*)?(\?.*)?$ ]]
check MariaDB "${BASH_REMATCH[1]}/$scratch${BASH_REMATCH[3]}" mariadb_count
