#!/usr/bin/env bash
# Times the AACT-style query set (queries.sql) against one database, with a given search_path, REPEATS times each
# (alternating the queries), and prints one line per run: query number and milliseconds. Used for ADR-006:
#   bench/aact/measure.sh clinical '"$user", ctgov, public'      # the layer's views
#   bench/aact/measure.sh clinical 'aact_mat, public'            # the same tables materialized (bench/aact/materialize.sh)
set -euo pipefail
cd "$(dirname "$0")"
db=$1 path=$2 repeats=${REPEATS:-5}
psql_() { psql -h "${DBHOST:-127.0.0.1}" -p "${DBPORT:-54329}" -U "${DBUSER:-postgres}" -d "$db" -qAt "$@"; }
mapfile -t queries < <(grep -v '^--' queries.sql)
for run in $(seq "$repeats"); do
  for i in "${!queries[@]}"; do
    ms=$(printf 'SET search_path = %s;\n\\timing on\n%s\n' "$path" "${queries[$i]}" | psql_ | grep -o 'Time: [0-9.]*' | tail -1 | cut -d' ' -f2)
    echo "q$((i + 1)) $ms"
  done
done
