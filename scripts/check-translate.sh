#!/usr/bin/env bash
# The README's promise, checked on the built CLI: `joinery translate` prints DESIGN.md's join for
# docs/examples/profile-join-user.json, and rejects a malformed document with the bad field named;
# `joinery explain` shows the preload reading users by their primary key on SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."

output=$(swift run --skip-build "$@" joinery translate --dialect postgresql docs/examples/profile-join-user.json)
expected='FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL'
if ! grep -qF "$expected" <<<"$output"; then
    echo "check-translate: the documented join is missing from:" >&2
    echo "$output" >&2
    exit 1
fi

if bad=$(echo '{"models": [], "query": {"select": {"model": "P", "include": [{"path": "user", "mode": "sideways"}]}}}' \
    | swift run --skip-build "$@" joinery translate - 2>&1); then
    echo "check-translate: a malformed document was accepted" >&2
    exit 1
fi
if ! grep -qF 'query.select.include[0].mode' <<<"$bad"; then
    echo "check-translate: the error does not name the bad field: $bad" >&2
    exit 1
fi
database=$(mktemp -d)/explain.db
trap 'rm -rf "$(dirname "$database")"' EXIT
explained=$(swift run --skip-build "$@" joinery explain --url "sqlite:$database" --migrate docs/examples/profile-preload-user.json)
if ! grep -qF 'users: index INTEGER PRIMARY KEY (primary key)' <<<"$explained"; then
    echo "check-translate: joinery explain does not show the preload using the primary key:" >&2
    echo "$explained" >&2
    exit 1
fi
echo "check-translate: joinery translate prints the documented join and names a bad field; joinery explain shows the key"
