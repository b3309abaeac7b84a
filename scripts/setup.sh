#!/usr/bin/env bash
# Installs everything abr-db needs on a bare Debian 12 machine, idempotently.
# Each step says what it does; a failure names the step. A second run only checks.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PG_MAJOR=15
PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config
PGVECTOR_VERSION=0.8.0
STATE="$ROOT/.setup"          # git-ignored: downloaded sources, private apt lists
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

step=""
trap 'echo "setup: FAILED at step: $step" >&2' ERR
say() { step="$1"; printf '\033[1m==> %s\033[0m\n' "$1"; }
ok()  { printf '    %s\n' "$1"; }

apt_updated=""
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then ok "already installed: $*"; return; fi
  if [ -z "$apt_updated" ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  ok "installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

say "Debian packages: PostgreSQL $PG_MAJOR, pg_cron, pgTAP, pg_prove, server headers, plpgsql_check"
apt_install postgresql-$PG_MAJOR postgresql-contrib postgresql-$PG_MAJOR-cron postgresql-$PG_MAJOR-pgtap \
  pgtap postgresql-server-dev-$PG_MAJOR postgresql-$PG_MAJOR-plpgsql-check make gcc dpkg-dev

say "pgvector $PGVECTOR_VERSION (Debian 13 source package, built against PostgreSQL $PG_MAJOR)"
ext_dir=$($PG_CONFIG --sharedir)/extension
if [ -f "$ext_dir/vector--$PGVECTOR_VERSION.sql" ] && [ -f "$($PG_CONFIG --pkglibdir)/vector.so" ]; then
  ok "already installed"
else
  # A private sources list: the URI of this system's own Debian entry, suite trixie,
  # deb-src only. No system apt configuration is changed.
  uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/ {u=$2} /^Suites:/ && / bookworm( |$)/ {print u; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1=="deb" && $0 ~ / bookworm / {for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || { echo "no Debian bookworm entry found in the system's apt sources" >&2; false; }
  mkdir -p "$STATE/apt/lists/partial" "$STATE/src"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" > "$STATE/apt/sources.list"
  aptopts=(-o Dir::Etc::sourcelist="$STATE/apt/sources.list" -o Dir::Etc::sourceparts=- \
           -o Dir::State::Lists="$STATE/apt/lists" -o APT::Sandbox::User=root)
  ok "fetching the trixie source index"
  $SUDO apt-get "${aptopts[@]}" update -qq
  ok "downloading source package pgvector=$PGVECTOR_VERSION"
  (cd "$STATE/src" && $SUDO apt-get "${aptopts[@]}" source --download-only -qq "pgvector=$PGVECTOR_VERSION-*" >/dev/null 2>&1 \
     || $SUDO apt-get "${aptopts[@]}" source --download-only -qq pgvector >/dev/null)
  orig=$(ls "$STATE"/src/pgvector_"$PGVECTOR_VERSION".orig.tar.* | head -n1)
  rm -rf "$STATE/src/build" && mkdir -p "$STATE/src/build"
  tar -xf "$orig" -C "$STATE/src/build" --strip-components=1
  ok "building"
  make -s -C "$STATE/src/build" PG_CONFIG=$PG_CONFIG OPTFLAGS="" >/dev/null
  $SUDO make -s -C "$STATE/src/build" PG_CONFIG=$PG_CONFIG install >/dev/null
  ok "installed into $ext_dir"
fi

say "Python environment (.venv, editable, dev extras)"
if [ ! -x "$ROOT/.venv/bin/python" ]; then
  python3 -m venv "$ROOT/.venv"
fi
stamp="$ROOT/.venv/.abr-db-installed"
if [ -f "$stamp" ] && [ "$stamp" -nt "$ROOT/pyproject.toml" ]; then
  ok "up to date"
else
  # pip's configured find-links that do not exist on this machine warn once
  # per package: keep those out of the progress, keep every other message.
  pip_quiet() { "$ROOT/.venv/bin/python" -m pip "$@" 2> >(grep -v 'is ignored: it is neither a file nor a directory' >&2); }
  pip_quiet install -q --upgrade pip
  pip_quiet install -q -e "$ROOT[dev]"
  touch "$stamp"
  ok "installed"
fi

say "Node tools (npm, pinned): the Supabase CLI for 'supabase db advisors', postgres-meta for types"
if [ -x "$ROOT/node_modules/.bin/supabase" ] && [ -f "$ROOT/node_modules/@supabase/postgres-meta/package.json" ] \
   && [ "$ROOT/node_modules/.package-lock.json" -nt "$ROOT/package.json" ]; then
  ok "already installed"
elif command -v npm >/dev/null 2>&1; then
  (cd "$ROOT" && npm install --no-audit --no-fund --silent >/dev/null)
  ok "installed"
else
  ok "npm not found: the Supabase advisor check and type generation will be skipped"
fi

step="done"
echo "setup: complete"
