#!/usr/bin/env bash
# timed.sh LABEL COMMAND…: runs COMMAND, then tells how long it took on stderr
# (`[make test] LABEL: 42 s`, and whether it failed), keeping its exit status — so that a slow
# `make test` says which of its steps to look at.
set -uo pipefail
label=$1
shift
start=$SECONDS
"$@"
status=$?
outcome=$([ "$status" -eq 0 ] && echo "" || echo ", failed (exit $status)")
echo "[make test] $label: $((SECONDS - start)) s$outcome" >&2
exit "$status"
