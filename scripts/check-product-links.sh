#!/usr/bin/env bash
# check-product-links.sh - each engine product links its own C client and no other engine's.
#
# Builds the three static library products and reads the libraries their object files ask the
# linker for (Swift's autolink entries, which is how a system module's `link` reaches an app).
# An app that uses only JoinerySQLite must not pull in libpq or libmariadb.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
bin=$($SWIFT build --show-bin-path "$@")
status=0
check() {  # product, the library it must link, the libraries it must not
  local product=$1 wanted=$2; shift 2
  $SWIFT build --product "$product" "$@" >/dev/null
  local libs
  libs=$(swift-autolink-extract "$bin/lib$product.a" -o - | tr ' ' '\n' | sort -u)
  grep -qx -- "-l$wanted" <<<"$libs" || { echo "FAIL $product does not link lib$wanted" >&2; status=1; }
  for unwanted in "${UNWANTED[@]}"; do
    [ "$unwanted" = "$wanted" ] && continue
    if grep -qx -- "-l$unwanted" <<<"$libs"; then echo "FAIL $product links lib$unwanted" >&2; status=1; fi
  done
  [ $status = 0 ] && echo "ok   $product links lib$wanted and no other engine's client" >&2
}
UNWANTED=(sqlite3 pq mariadb)
check JoinerySQLite sqlite3 "$@"
check JoineryPostgreSQL pq "$@"
check JoineryMariaDB mariadb "$@"
exit $status
