#!/usr/bin/env bash
# Usage: scripts/forget-build-plans.sh PACKAGE_DIR...
#
# SwiftPM keeps each package's build plan (.build/debug.yaml, .build/release.yaml) and does not
# notice a file added to or removed from a local path dependency — Joinery, for Benchmarks/ and the
# Examples/ packages: it goes on compiling the old list of files (a build that says "complete" without
# the new file, or fails on a type it cannot find). Dropping the plan makes the next build write it
# anew; what was compiled stays (llbuild's database), so this costs a second or two.
set -euo pipefail
for package in "$@"; do
    rm -f "$package/.build/debug.yaml" "$package/.build/release.yaml"
done
