#!/usr/bin/env bash
# install-deps.sh - install the Debian packages Joinery needs, if any are missing.
#
#   scripts/install-deps.sh            C client headers only (enough to build every product)
#   scripts/install-deps.sh --servers  also the PostgreSQL and MariaDB servers, and the sqlite3 and
#                                      curl tools (for the tests)
#   scripts/install-deps.sh --cluster  the servers, plus Galera and rsync (for the cluster tier)
#
# Idempotent: when everything is installed it only asks dpkg and exits.
# All output goes to stderr, so callers may capture stdout.
set -euo pipefail
log() { printf '[install-deps] %s\n' "$*" >&2; }

packages=(libsqlite3-dev libpq-dev libmariadb-dev pkgconf)
case "${1:-}" in
  --servers) packages+=(postgresql mariadb-server mariadb-client sqlite3 curl);;
  --cluster) packages+=(postgresql mariadb-server mariadb-client sqlite3 curl galera-4 rsync);;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
done
((${#missing[@]})) || exit 0

SUDO=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { log "missing ${missing[*]}; run as root or install them yourself"; exit 1; }
  SUDO=(sudo)
fi

log "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Without systemd, the packages' maintainer scripts would start the distribution's own
# servers through /etc/init.d and take ports 5432/3306. A policy-rc.d that says "no"
# stops that; it is only added (and later removed) when none exists.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee /usr/sbin/policy-rc.d >/dev/null
  "${SUDO[@]}" chmod 755 /usr/sbin/policy-rc.d
  trap '"${SUDO[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
fi
APT=("${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0 -q)
"${APT[@]}" update >&2
"${APT[@]}" install -y --no-install-recommends --no-upgrade "${missing[@]}" >&2
