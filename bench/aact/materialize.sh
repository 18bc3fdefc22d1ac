#!/usr/bin/env bash
# The "all 46 as tables" variant of ADR-007: copies every AACT view of a loaded database into schema aact_mat, with a
# primary key on id (nct_id for studies) and an index on nct_id, timing each table. Then bench/aact/measure.sh can compare
#   bench/aact/measure.sh clinical layer='"$user", ctgov, public' tables='aact_mat, public'
set -euo pipefail
db=${1:?database}
psql_() { psql -h "${DBHOST:-127.0.0.1}" -p "${DBPORT:-54329}" -U "${DBUSER:-postgres}" -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_ -c "DROP SCHEMA IF EXISTS aact_mat CASCADE; CREATE SCHEMA aact_mat"
start=$(date +%s.%N)
for t in $(psql_ -c "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'ctgov' AND c.relkind IN ('v', 'r') AND c.relname NOT LIKE 'all\_%' AND c.relname NOT LIKE '%\_aggregates' ORDER BY 1"); do
  s=$(date +%s.%N)
  key="ALTER TABLE aact_mat.$t ADD PRIMARY KEY (id); CREATE INDEX ON aact_mat.$t (nct_id);"
  [ "$t" = studies ] && key="ALTER TABLE aact_mat.$t ADD PRIMARY KEY (nct_id);"
  psql_ -c "CREATE TABLE aact_mat.$t AS SELECT * FROM ctgov.$t; $key"
  echo "$t $(echo "$(date +%s.%N) - $s" | bc)"
done
psql_ -c "CREATE VIEW aact_mat.all_conditions AS SELECT nct_id, array_to_string(array_agg(DISTINCT name), '|')::varchar AS names FROM aact_mat.conditions GROUP BY nct_id; ANALYZE"
echo "TOTAL $(echo "$(date +%s.%N) - $start" | bc)"
echo "size $(psql_ -c "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'aact_mat' AND c.relkind = 'r'")"
