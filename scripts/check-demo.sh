#!/usr/bin/env bash
# `make demo` must tell the whole story and exit 0: run the built demo and look for the results
# of its key steps (the hydrated join, the SET NULL action, the typed foreign-key error).
set -euo pipefail
cd "$(dirname "$0")/.."
output=$(swift run --skip-build "$@" joinery-demo)
for expected in \
    'Profile #1 "jinzhu'"'"'s profile", user_id 1 → User #1 "jinzhu" of Company #1 "Acme"' \
    'Profile #2 "jinzhu'"'"'s second profile", user_id NULL → nil' \
    'JoineryError.foreignKeyViolation' \
    'users left: User #2 "hu", User #3 "li"' \
    'PostgreSQL 15.0.0 would receive:'; do
    if ! grep -qF "$expected" <<<"$output"; then
        echo "check-demo: missing from the demo's output: $expected" >&2
        exit 1
    fi
done
echo "check-demo: make demo tells the story and exits 0"
