#!/usr/bin/env bash
# The cluster tier of `make test`: starts (or reuses) the 3-node Galera cluster and the
# PostgreSQL primary + replica of scripts/cluster.sh, runs the conformance kit on them as pairs —
# writes on one server, reads on another once it has replayed them — and on the third Galera
# node alone, then the ClusterTests (the shared cluster's tests, and the fault tests, which
# start private clusters of their own).
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/cluster.sh)"
IFS=, read -r node1 node2 node3 <<<"$JOINERY_GALERA_URLS"
: "${node3:?JOINERY_GALERA_URLS must name three nodes}"

if ! output=$(swift run --skip-build "$@" joinery conformance \
    --url "$node3" --pair "$node1,$node2" --pair "$JOINERY_PG_PRIMARY_URL,$JOINERY_PG_REPLICA_URL"); then
    echo "$output" >&2
    echo "check-cluster: joinery conformance reports failures on the cluster" >&2
    exit 1
fi
echo "check-cluster: $(grep -F 'scenarios ×' <<<"$output") (Galera node 3; Galera node 1 → node 2; PostgreSQL primary → replica)"

swift test --skip-build "$@" --filter ClusterTests
