#!/usr/bin/env bash
# The conformance matrix, as a user would run it: `joinery conformance` on the three engines of
# scripts/services.sh must pass everything, and the example MySQL 8 plugin (Examples/MySQLDialect,
# its own package, depending on Joinery by path) must build and pass the kit's SQL-level scenarios.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JOINERY_POSTGRES_URL:?run through make test, or eval \"\$(scripts/services.sh)\" first}"
: "${JOINERY_MARIADB_URL:?run through make test, or eval \"\$(scripts/services.sh)\" first}"

if ! output=$(swift run --skip-build "$@" joinery conformance \
    --url sqlite::memory: --url "$JOINERY_POSTGRES_URL" --url "$JOINERY_MARIADB_URL"); then
    echo "$output" >&2
    echo "check-conformance: joinery conformance reports failures" >&2
    exit 1
fi
echo "check-conformance: $(grep -F 'scenarios ×' <<<"$output")"

# Two targets with the same engine and version (two Galera nodes, say) keep a column each.
twice=$(swift run --skip-build "$@" joinery conformance --filter join.left --url "$JOINERY_MARIADB_URL" --url "$JOINERY_MARIADB_URL")
if [ "$(grep -cF ' @ ' <<<"$(head -1 <<<"$twice")")" -ne 1 ] || ! grep -qF '2 targets' <<<"$twice"; then
    echo "$twice" >&2
    echo "check-conformance: two targets of one engine were not told apart" >&2
    exit 1
fi

scripts/forget-build-plans.sh Examples/MySQLDialect
swift build --build-tests --package-path Examples/MySQLDialect "$@" >&2
if ! output=$(swift test --skip-build --package-path Examples/MySQLDialect "$@" 2>&1); then
    echo "$output" >&2
    echo "check-conformance: the MySQL 8 example plugin fails the kit" >&2
    exit 1
fi
echo "check-conformance: MySQL 8 example plugin: $(grep -F 'scenarios ×' <<<"$output")"
