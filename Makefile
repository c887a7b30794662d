# Joinery — the two commands of the README, and their helpers.
#
#   make demo      GORM's belongs-to story on in-memory SQLite (no server needed)
#   make bench     the side-by-side benchmark (Benchmarks/, a package of its own): preload, join,
#                  creates, lowering, peak memory and a 10k→1M scaling series, Joinery against a
#                  hand-written loop on each C client and GRDB, on SQLite, PostgreSQL and MariaDB
#   make load      requests per second of a mixed workload through a DatabasePool at 1, 8, 64 tasks,
#                  against raw C-client connections, on SQLite, PostgreSQL and MariaDB
#   make scale     read throughput on one server against a primary + replica and three Galera nodes,
#                  write throughput on one Galera node against three (starts the cluster tier)
#   make test      install what is missing, start PostgreSQL + MariaDB on 127.0.0.1, run every test,
#                  the conformance matrix, the example MySQL 8 plugin (Examples/MySQLDialect), and
#                  the server guide's Hummingbird service (Examples/ServerExample: 50 concurrent
#                  creates on each engine), make bench's package built and run on tiny tables (every
#                  contender must read what Joinery read);
#                  the pool's cooperative-thread test runs once more with a one-thread pool, and
#                  the fault tests start private servers of their own on random ports;
#                  then the cluster tier (scripts/check-cluster.sh): a 3-node Galera cluster and a
#                  PostgreSQL primary + replica (scripts/cluster.sh), the conformance kit on them
#                  as write/read pairs, and the ClusterTests
#   make cluster   only start the cluster tier's servers (prints the export lines to use them)
#   make cluster-stop  stop them
#   make docs      the DocC catalog of the Joinery module (Sources/Joinery/Joinery.docc); a warning
#                  (a broken symbol link, say) fails it — make test runs it
#   make services  only start the servers (prints the export lines to use them)
#   make stop      stop the servers started by `make services`
#
# To test against servers of your own, set JOINERY_POSTGRES_URL and JOINERY_MARIADB_URL (and
# JOINERY_GALERA_URLS, JOINERY_PG_PRIMARY_URL, JOINERY_PG_REPLICA_URL for the cluster tier):
# nothing is installed or started for a setup whose URLs are given.

SWIFT ?= swift
SWIFT_BUILD_FLAGS ?= --disable-experimental-prebuilts

.PHONY: demo bench load scale test docs services stop cluster cluster-stop deps build

deps:
	@scripts/install-deps.sh

demo: deps
	@$(SWIFT) build --product joinery-demo $(SWIFT_BUILD_FLAGS) >&2
	@$(SWIFT) run --skip-build $(SWIFT_BUILD_FLAGS) joinery-demo

bench: deps
	@set -e; eval "$$(scripts/services.sh)"; scripts/forget-build-plans.sh Benchmarks; \
	$(SWIFT) build -c release --package-path Benchmarks $(SWIFT_BUILD_FLAGS) >&2; \
	"$$($(SWIFT) build -c release --package-path Benchmarks --show-bin-path $(SWIFT_BUILD_FLAGS))/JoineryBenchmarks"

load: deps
	@set -e; eval "$$(scripts/services.sh)"; \
	$(SWIFT) build -c release --product joinery-load $(SWIFT_BUILD_FLAGS) >&2; \
	$(SWIFT) run -c release --skip-build $(SWIFT_BUILD_FLAGS) joinery-load

scale: deps
	@set -e; eval "$$(scripts/cluster.sh)"; \
	$(SWIFT) build -c release --product joinery-load $(SWIFT_BUILD_FLAGS) >&2; \
	$(SWIFT) run -c release --skip-build $(SWIFT_BUILD_FLAGS) joinery-load scale

build: deps
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)

docs: deps
	$(SWIFT) package --disable-sandbox generate-documentation --target Joinery --warnings-as-errors

# One shell: the exports of services.sh must reach `swift test`.
# The concurrency tests (timeouts, the pool's waits, faults) run apart from the rest: beside the
# CPU-bound tests (macro expansion, 100,000-row preloads in a debug build) the two cooperative
# threads are saturated for ~10 s, and a timing test would measure that queue, not the pool.
# GlobalQueueStarvationTests fills the global queue (on Linux, the cooperative threads' pool) on
# purpose: a process of its own.
test:
	@set -e; eval "$$(scripts/timed.sh services scripts/services.sh)"; \
	scripts/timed.sh build $(SWIFT) build --build-tests $(SWIFT_BUILD_FLAGS); \
	scripts/timed.sh product-links scripts/check-product-links.sh $(SWIFT_BUILD_FLAGS); \
	scripts/timed.sh translate scripts/check-translate.sh $(SWIFT_BUILD_FLAGS); \
	scripts/timed.sh demo scripts/check-demo.sh $(SWIFT_BUILD_FLAGS); \
	scripts/timed.sh conformance scripts/check-conformance.sh $(SWIFT_BUILD_FLAGS); \
	scripts/timed.sh server-example scripts/check-server-example.sh $(SWIFT_BUILD_FLAGS); \
	scripts/timed.sh benchmarks scripts/check-benchmarks.sh $(SWIFT_BUILD_FLAGS); \
	scripts/timed.sh docs $(SWIFT) package --disable-sandbox generate-documentation --target Joinery --warnings-as-errors; \
	scripts/timed.sh unit-tests $(SWIFT) test --skip-build $(SWIFT_BUILD_FLAGS) --skip ConcurrencyTests --skip ClusterTests; \
	scripts/timed.sh concurrency-tests $(SWIFT) test --skip-build $(SWIFT_BUILD_FLAGS) --filter ConcurrencyTests --skip GlobalQueueStarvationTests; \
	scripts/timed.sh starvation-test $(SWIFT) test --skip-build $(SWIFT_BUILD_FLAGS) --filter GlobalQueueStarvationTests; \
	LIBDISPATCH_COOPERATIVE_POOL_STRICT=1 scripts/timed.sh one-thread-pool-test $(SWIFT) test --skip-build $(SWIFT_BUILD_FLAGS) --filter CooperativePoolTests; \
	scripts/timed.sh cluster scripts/check-cluster.sh $(SWIFT_BUILD_FLAGS)

services:
	@scripts/services.sh

stop:
	@scripts/services-stop.sh

cluster:
	@scripts/cluster.sh

cluster-stop:
	@scripts/cluster-stop.sh
