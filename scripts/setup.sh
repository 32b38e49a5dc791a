#!/usr/bin/env bash
# Installs what LexIntel needs on a Debian 12 (bookworm) machine with no container engine:
# PostgreSQL 15 with pgvector, redis-server and Azurite (the Azure Storage emulator, from npm),
# which the AppHost's embedded default runs as Aspire executable resources, the command-line tools
# the worker runs on documents (LexIntel.WorkerService/debian-packages.txt, the list the worker's
# container image installs too), and Chromium, which the browser test drives (Playwright cannot
# download its own browser here). Idempotent: a second run changes nothing.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  exec sudo -E bash "$0" "$@"
fi

export DEBIAN_FRONTEND=noninteractive
PG_MAJOR=15
# The newest Azurite that supports Node.js 20 (3.36 needs Node 21, 3.37 Node 22); the AppHost's
# container path runs the image of the same version (AzuriteBuilderExtensions.Version).
AZURITE_VERSION=3.35.0
packages=(postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR redis-server build-essential dpkg-dev chromium)
worker_tools=$(sed 's/#.*//' "$(dirname "$0")/../LexIntel.WorkerService/debian-packages.txt")
# shellcheck disable=SC2206 # the list's names, split at whitespace
packages+=($worker_tools)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

apt_updated=false
apt_update() {
  if [ "$apt_updated" = false ]; then
    apt-get update -qq
    apt_updated=true
  fi
}

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  apt_update
  # policy-rc.d keeps the packages from starting system-wide daemons: the AppHost (or the tests)
  # run their own PostgreSQL and Redis on Aspire-assigned ports.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

pg_sharedir=$(/usr/lib/postgresql/$PG_MAJOR/bin/pg_config --sharedir)
if [ ! -f "$pg_sharedir/extension/vector.control" ]; then
  # pgvector has no bookworm binary package; Debian trixie's source package builds against PG 15.
  echo "setup: building pgvector from Debian trixie's source package"
  src_list=/etc/apt/sources.list.d/lexintel-trixie-src.sources
  cat > "$src_list" <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt-get update -qq
  apt_updated=true
  build_dir=$(mktemp -d)
  chmod 755 "$build_dir" # apt-get source downloads as the _apt user
  (
    cd "$build_dir"
    apt-get source -qq --download-only -o APT::Sandbox::User=root pgvector >/dev/null
    dpkg-source -x --no-check pgvector_*.dsc src >/dev/null
    cd src
    make -s PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config >/dev/null
    make -s install PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config >/dev/null
  )
  rm -rf "$build_dir"
fi

# Node.js from Debian when the machine has none (a nodesource nodejs already bundles npm, and
# Debian's npm package would conflict with it).
if ! command -v node >/dev/null; then
  echo "setup: installing nodejs npm"
  apt_update
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

if [ "$(azurite-blob --version 2>/dev/null)" != "$AZURITE_VERSION" ]; then
  echo "setup: installing azurite $AZURITE_VERSION (npm)"
  npm install --global --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >/dev/null
fi

# The embedded default keeps its data here when running as root: reachable by the postgres user,
# outside /root and outside the repository.
install -d -m 0755 /var/lib/lexintel

echo "setup: PostgreSQL $PG_MAJOR with pgvector $(grep default_version "$pg_sharedir/extension/vector.control" | cut -d"'" -f2), redis $(redis-server --version | sed -E 's/.*v=([^ ]+).*/\1/'), azurite $(azurite-blob --version) on Node.js $(node --version)"
