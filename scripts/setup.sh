#!/usr/bin/env bash
# Installs everything abr-db needs on a bare Debian 12 machine, idempotently.
# Each step says what it does; a failure names the step. A second run only checks.
#
# PostgreSQL 15 (the default) always: the machine's Debian 12 packages, pgvector built
# from Debian 13's source package. With ABR_DB_PG_MAJOR=17 (`make setup PG=17`) also
# PostgreSQL 17 beside it, from Debian 13's binary packages (see the step below).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WANTED_MAJOR=${ABR_DB_PG_MAJOR:-15}
case "$WANTED_MAJOR" in
  15|17) ;;
  *) echo "setup: PostgreSQL $WANTED_MAJOR is not supported (15 or 17)" >&2; exit 2 ;;
esac
PG_MAJOR=15
PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config
PG17_PREFIX=/opt/abr-db/postgresql-17   # tools/abr_db/pgmajor.py looks here
PGVECTOR_VERSION=0.8.0
STATE="$ROOT/.setup"          # git-ignored: downloaded sources, private apt lists
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

SECONDS=0
step=""
trap 'echo "setup: FAILED at step: $step" >&2' ERR
say() { step="$1"; printf '\033[1m==> %s\033[0m\n' "$1"; }
ok()  { printf '    %s\n' "$1"; }

# The URI of this system's own Debian entry (bookworm): the private trixie lists reuse it.
debian_uri() {
  local uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/ {u=$2} /^Suites:/ && / bookworm( |$)/ {print u; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1=="deb" && $0 ~ / bookworm / {for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || { echo "no Debian bookworm entry found in the system's apt sources" >&2; return 1; }
  echo "$uri"
}

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

say "Debian packages: PostgreSQL $PG_MAJOR, pg_cron, pgTAP, pg_prove, server headers, plpgsql_check, rum, PgBouncer"
# rum: the RUM index access method case search reads its top results from (Supabase offers it).
# pgbouncer: the test suite runs one in transaction mode (tests/scaleout_servers.py); its
# packaged service is not used (each test run starts its own on a free port).
apt_install postgresql-$PG_MAJOR postgresql-contrib postgresql-$PG_MAJOR-cron postgresql-$PG_MAJOR-pgtap \
  pgtap postgresql-server-dev-$PG_MAJOR postgresql-$PG_MAJOR-plpgsql-check postgresql-$PG_MAJOR-rum \
  make gcc dpkg-dev pgbouncer

say "pgvector $PGVECTOR_VERSION (Debian 13 source package, built against PostgreSQL $PG_MAJOR)"
ext_dir=$($PG_CONFIG --sharedir)/extension
if [ -f "$ext_dir/vector--$PGVECTOR_VERSION.sql" ] && [ -f "$($PG_CONFIG --pkglibdir)/vector.so" ]; then
  ok "already installed"
else
  # A private sources list: the URI of this system's own Debian entry, suite trixie,
  # deb-src only. No system apt configuration is changed.
  uri=$(debian_uri)
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

if [ "$WANTED_MAJOR" = 17 ]; then
  # Why binary packages in a private prefix: Debian 12 has no PostgreSQL 17, the mirror
  # refuses Debian 13's *source* packages of postgresql-17, pg-cron and plpgsql-check, and
  # prebuilt server wheels carry no extensions. Debian 13's binary packages (the server,
  # pg_cron, pgvector, pgTAP, plpgsql_check, all built by Debian against that exact server)
  # need glibc 2.38+ (Debian 12 has 2.36): they are unpacked with dpkg-deb -x into
  # $PG17_PREFIX together with Debian 13's runtime libraries (libc6 ... libicu76), and
  # patchelf points each program at that prefix's dynamic loader and libraries. Nothing
  # is installed into the system's package database or its library paths; no build.
  say "PostgreSQL 17 with pg_cron, pgvector, pgTAP, plpgsql_check, rum (Debian 13 binary packages) in $PG17_PREFIX"
  pg17_bin="$PG17_PREFIX/usr/lib/postgresql/17/bin"
  pg17_stamp="$PG17_PREFIX/.abr-db-installed"
  # An install from before rum joined the list lacks rum.control: it is installed again.
  if [ -f "$pg17_stamp" ] && "$pg17_bin/postgres" --version >/dev/null 2>&1 \
    && [ -f "$PG17_PREFIX/usr/share/postgresql/17/extension/rum.control" ]; then
    ok "already installed: $("$pg17_bin/postgres" --version)"
  else
    apt_install patchelf
    uri=$(debian_uri)
    apt17="$STATE/apt-trixie-binary"
    mkdir -p "$apt17/lists/partial" "$STATE/debs-17"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" > "$apt17/sources.list"
    aptopts=(-o Dir::Etc::sourcelist="$apt17/sources.list" -o Dir::Etc::sourceparts=- \
             -o Dir::State::Lists="$apt17/lists" -o Dir::State::status=/dev/null -o APT::Sandbox::User=root)
    ok "fetching the trixie package index (private lists in .setup/)"
    $SUDO apt-get "${aptopts[@]}" update -qq
    pkgs=(postgresql-17 postgresql-client-17 postgresql-17-cron postgresql-17-pgvector postgresql-17-pgtap
          postgresql-17-plpgsql-check postgresql-17-rum)
    # Their shared libraries: every lib* package in the dependency closure except what
    # only the packaging scripts, PAM modules or JIT (LLVM, dropped below) use.
    mapfile -t libs < <(apt-cache "${aptopts[@]}" depends --recurse --no-recommends --no-suggests --no-conflicts \
        --no-breaks --no-replaces --no-enhances "${pkgs[@]}" 2>/dev/null | grep -E '^(lib|zlib)' \
      | grep -Ev 'perl|llvm|z3|pam-modules|debian-installer|debconfclient|newt|slang|semanage|sepol|textwrap|proc2|c-l10n|gdbm|db5|sasl2-modules|libc-bin' \
      | sort -u)
    ok "downloading ${#pkgs[@]} packages and ${#libs[@]} runtime libraries"
    (cd "$STATE/debs-17" && rm -f ./*.deb && $SUDO apt-get "${aptopts[@]}" download -qq "${pkgs[@]}" "${libs[@]}" >/dev/null)
    ok "unpacking into $PG17_PREFIX"
    tmp="$PG17_PREFIX.tmp.$$"
    $SUDO rm -rf "$tmp" && $SUDO mkdir -p "$tmp"
    for deb in "$STATE"/debs-17/*.deb; do $SUDO dpkg-deb -x "$deb" "$tmp"; done
    $SUDO rm -rf "$tmp/usr/lib/postgresql/17/lib/bitcode" "$tmp"/usr/lib/postgresql/17/lib/llvmjit*
    libdir="$PG17_PREFIX/usr/lib/x86_64-linux-gnu"
    ok "pointing the programs at the prefix's loader and libraries (patchelf)"
    for f in "$tmp"/usr/lib/postgresql/17/bin/* "$tmp"/usr/lib/postgresql/17/lib/*.so; do
      [ "$(head -c4 "$f" | tail -c3)" = "ELF" ] || continue
      case "$f" in
        *.so) $SUDO patchelf --force-rpath --set-rpath "$libdir" "$f" ;;
        *)    $SUDO patchelf --set-interpreter "$libdir/ld-linux-x86-64.so.2" --force-rpath --set-rpath "$libdir" "$f" ;;
      esac
    done
    $SUDO rm -rf "$PG17_PREFIX" && $SUDO mv "$tmp" "$PG17_PREFIX"
    ok "checking that every program and module finds its libraries"
    unresolved=""
    for f in "$pg17_bin"/* "$PG17_PREFIX"/usr/lib/postgresql/17/lib/*.so; do
      [ "$(head -c4 "$f" | tail -c3)" = "ELF" ] || continue
      bad=$("$libdir/ld-linux-x86-64.so.2" --list "$f" 2>&1 | grep -E 'not found|version .* not found' || true)
      [ -z "$bad" ] || unresolved+="$(basename "$f"): $bad"$'\n'
    done
    [ -z "$unresolved" ] || { printf '%s' "$unresolved" >&2; false; }
    for ext in vector pg_cron pgtap plpgsql_check pg_stat_statements rum; do
      [ -f "$PG17_PREFIX/usr/share/postgresql/17/extension/$ext.control" ] || { echo "extension $ext missing" >&2; false; }
    done
    (cd "$STATE/debs-17" && ls ./*.deb) | $SUDO tee "$pg17_stamp" >/dev/null
    ok "installed: $("$pg17_bin/postgres" --version)"
  fi
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
majors="PostgreSQL 15"
[ "$WANTED_MAJOR" = 15 ] || majors+=" and $WANTED_MAJOR"
echo "setup: complete in ${SECONDS}s ($majors)"
