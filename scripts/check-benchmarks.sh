#!/usr/bin/env bash
# make bench's package (Benchmarks/: Joinery against hand-written C-client loops and GRDB), built in
# debug and run on tiny tables on the three engines: it must build, and every contender must read
# the same rows as Joinery — the benchmark checks each one's checksum before timing it, and fails
# otherwise. Its timings mean nothing here (debug build, a few hundred rows); `make bench` measures.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JOINERY_POSTGRES_URL:?run through make test, or eval \"\$(scripts/services.sh)\" first}"
: "${JOINERY_MARIADB_URL:?run through make test, or eval \"\$(scripts/services.sh)\" first}"

scripts/forget-build-plans.sh Benchmarks
swift build --package-path Benchmarks "$@" >&2
bench="$(swift build --package-path Benchmarks --show-bin-path "$@")/JoineryBenchmarks"
output="$(JOINERY_BENCH_ROWS=300 JOINERY_BENCH_RUNS=1 JOINERY_BENCH_CREATES=20 JOINERY_BENCH_LOWERINGS=200 \
    JOINERY_BENCH_SCALING=100,300 JOINERY_BENCH_MEMORY_ROWS=300 "$bench")" || {
    echo "$output"
    echo "check-benchmarks: the benchmark failed" >&2
    exit 1
}
for engine in SQLite PostgreSQL MariaDB; do
    grep -q "^$engine preload" <<<"$output" || { echo "$output"; echo "check-benchmarks: no $engine preload line" >&2; exit 1; }
done
echo "check-benchmarks: Benchmarks/ builds and every contender read what Joinery read, on the three engines" >&2
