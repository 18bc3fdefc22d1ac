#!/usr/bin/env bash
# A private PostgreSQL cluster for the demo, the tests and the benchmarks. Installs Debian's postgresql if missing,
# then runs initdb/pg_ctl as the postgres user (PostgreSQL refuses to run as root) on a port of its own.
#
#   scripts/postgres.sh start   # install if needed, init if needed, start; create database $DBNAME
#   scripts/postgres.sh stop
#   scripts/postgres.sh env     # print the DB* variables for this cluster (eval "$(scripts/postgres.sh env)")
#
# Settings: CLINICAL_PGPORT (default 54329), CLINICAL_PGDATA (default /tmp/clinical-pg-$CLINICAL_PGPORT), DBNAME (default clinical).
set -euo pipefail

port=${CLINICAL_PGPORT:-54329}
data=${CLINICAL_PGDATA:-/tmp/clinical-pg-$port}
dbname=${DBNAME:-clinical}

say() { echo "postgres.sh: $*" >&2; }

# find_bin, as_pg
source "$(dirname "${BASH_SOURCE[0]}")/pg-common.sh"

install() {
  if [ -z "$(find_bin)" ] || [ ! -x "$(find_bin)/initdb" ]; then
    say "installing PostgreSQL from Debian's packages"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  fi
}

psql_admin() { "$(find_bin)/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

start() {
  install
  local bin; bin=$(find_bin)
  if [ ! -s "$data/PG_VERSION" ]; then
    say "creating cluster in $data"
    mkdir -p "$data"
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$data"
    chmod 700 "$data"
    as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
  fi
  if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    say "starting on 127.0.0.1:$port"
    as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
  fi
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$dbname'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE \"$dbname\""
  fi
  say "ready: postgresql://postgres@127.0.0.1:$port/$dbname"
}

stop() {
  local bin; bin=$(find_bin)
  [ -s "$data/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
}

env_vars() {
  echo "export DBHOST=127.0.0.1 DBPORT=$port DBUSER=postgres DBNAME=$dbname"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  env) env_vars ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
