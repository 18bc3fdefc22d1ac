#!/usr/bin/env bash
# A streaming hot standby of the private cluster scripts/postgres.sh runs, to try Clinical's read-only commands on a
# replica (docs/scaling.md). pg_basebackup -R copies the running primary and writes standby.signal and the
# primary_conninfo that streams its WAL; the copy starts read-only on a port of its own.
#
#   scripts/standby.sh start    # the primary must be running (scripts/postgres.sh start)
#   scripts/standby.sh status   # in recovery? how far behind the primary (bytes of WAL not replayed, seconds)
#   scripts/standby.sh stop     # stop the standby and delete its folder
#   scripts/standby.sh env      # print the DB* variables for the standby (eval "$(scripts/standby.sh env)")
#
# Settings: CLINICAL_PGPORT (the primary's, default 54329), CLINICAL_STANDBY_PORT (default the primary's + 1),
# CLINICAL_STANDBY_PGDATA (default /tmp/clinical-pg-standby-$CLINICAL_STANDBY_PORT), DBNAME (default clinical).
set -euo pipefail

port=${CLINICAL_PGPORT:-54329}
standby_port=${CLINICAL_STANDBY_PORT:-$((port + 1))}
data=${CLINICAL_STANDBY_PGDATA:-/tmp/clinical-pg-standby-$standby_port}
dbname=${DBNAME:-clinical}

say() { echo "standby.sh: $*" >&2; }

# find_bin, as_pg
source "$(dirname "${BASH_SOURCE[0]}")/pg-common.sh"

psql_at() { "$(find_bin)/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt -c "$2"; }

start() {
  local bin; bin=$(find_bin)
  [ -n "$bin" ] || { say "PostgreSQL is not installed: run scripts/postgres.sh start first"; exit 1; }
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" || { say "no primary on 127.0.0.1:$port: run scripts/postgres.sh start first"; exit 1; }
  if [ ! -s "$data/PG_VERSION" ]; then
    say "copying the primary on port $port into $data (pg_basebackup -R)"
    # wal_level replica and max_wal_senders 10 are PostgreSQL's defaults; the initdb of scripts/postgres.sh admits
    # replication connections from 127.0.0.1 (pg_hba.conf's "host replication all 127.0.0.1/32" line).
    if ! as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$data" -R -X stream -c fast; then
      say "pg_basebackup failed: the primary needs wal_level replica (or logical), max_wal_senders > 0 and a pg_hba.conf line 'host replication all 127.0.0.1/32 <method>' (then SELECT pg_reload_conf())"
      rm -rf "$data"
      exit 1
    fi
  fi
  if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    say "starting the hot standby on 127.0.0.1:$standby_port"
    as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-p $standby_port -k /tmp -c listen_addresses=127.0.0.1 -c hot_standby=on" start >/dev/null
  fi
  say "ready (read-only): postgresql://postgres@127.0.0.1:$standby_port/$dbname"
}

status() {
  echo "in recovery: $(psql_at "$standby_port" "SELECT pg_is_in_recovery()")"
  echo "replay lag: $(psql_at "$port" "SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), 0) FROM pg_stat_replication") bytes of WAL"
  echo "last replayed transaction: $(psql_at "$standby_port" "SELECT coalesce(round(extract(epoch FROM now() - pg_last_xact_replay_timestamp()))::text || ' s ago', 'none yet')")"
}

stop() {
  local bin; bin=$(find_bin)
  [ -s "$data/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$data"
}

case "${1:-start}" in
  start) start ;;
  status) status ;;
  stop) stop ;;
  env) echo "export DBHOST=127.0.0.1 DBPORT=$standby_port DBUSER=postgres DBNAME=$dbname" ;;
  *) echo "usage: $0 start|status|stop|env" >&2; exit 2 ;;
esac
