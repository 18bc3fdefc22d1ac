#!/usr/bin/env bash
# Times the AACT-style query set (queries.sql, unqualified names) against one database under one or more search_paths,
# alternating them query by query so that a noisy machine weighs on each alike; REPEATS rounds. Prints one line per run:
# label, query number, milliseconds (TIMEOUT when it ran past STATEMENT_TIMEOUT). Then the median and p95 per label.
#   bench/aact/measure.sh clinical layer='"$user", ctgov, public' tables='aact_mat, public'   (after bench/aact/materialize.sh)
set -euo pipefail
cd "$(dirname "$0")"
db=$1; shift
repeats=${REPEATS:-3} timeout=${STATEMENT_TIMEOUT:-120s}
psql_() { psql -h "${DBHOST:-127.0.0.1}" -p "${DBPORT:-54329}" -U "${DBUSER:-postgres}" -d "$db" -qAt "$@"; }
mapfile -t queries < <(grep -v '^--' queries.sql)
out=$(mktemp)
for run in $(seq "$repeats"); do
  for i in "${!queries[@]}"; do
    for spec in "$@"; do
      label=${spec%%=*} path=${spec#*=}
      ms=$(printf 'SET statement_timeout = %s;\nSET search_path = %s;\n\\timing on\n%s\n' "'$timeout'" "$path" "${queries[$i]}" \
        | psql_ 2>&1 | grep -o 'Time: [0-9.]*\|canceling statement' | tail -1 | sed 's/Time: //; s/canceling statement/TIMEOUT/')
      echo "$label q$((i + 1)) $ms" | tee -a "$out"
    done
  done
done
echo "# label median_ms p95_ms (all queries, all rounds; a timeout counts as the timeout)"
for spec in "$@"; do
  label=${spec%%=*}
  t=$(echo "$timeout" | sed 's/s$//'); t=$((t * 1000))
  awk -v l="$label" -v t="$t" '$1 == l { print ($3 == "TIMEOUT" ? t : $3) }' "$out" | sort -n \
    | awk -v l="$label" '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; p = v[int(NR * 0.95 + 0.999)]; printf "%s %.1f %.1f\n", l, m, p }'
done
rm -f "$out"
