#!/usr/bin/env bash
# The main job on a fresh Debian machine with the .NET SDK: installs and starts a private PostgreSQL, builds the
# tool, writes the bundled synthetic sample, imports it, prints the summary and the result of an example query.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/postgres.sh start
eval "$(scripts/postgres.sh env)"

dotnet build src/Cli -c Release -nologo -v quiet -o artifacts/cli
clinical=artifacts/cli/clinical

"$clinical" sample --studies "${SAMPLE_STUDIES:-500}" --output artifacts/ctg-sample.json
set +e
"$clinical" import artifacts/ctg-sample.json
status=$?
set -e
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || exit "$status"

echo
echo "Example: recruiting interventional studies per phase, with their sites and countries"
psql -h "$DBHOST" -p "$DBPORT" -U "$DBUSER" -d "$DBNAME" -P pager=off -v schema="${CLINICAL_SCHEMA:-registry}" <<'SQL'
SELECT coalesce(p.phase, '(none)')            AS phase,
       count(DISTINCT s.nct_id)               AS studies,
       count(l.*)                             AS sites,
       count(DISTINCT l.country)              AS countries
  FROM :"schema".studies s
  LEFT JOIN :"schema".phases p    ON p.nct_id = s.nct_id
  LEFT JOIN :"schema".locations l ON l.nct_id = s.nct_id
 WHERE s.overall_status = 'RECRUITING' AND s.study_type = 'INTERVENTIONAL'
 GROUP BY 1
 ORDER BY 1;
SQL
echo "Connect yourself with: psql -h $DBHOST -p $DBPORT -U $DBUSER $DBNAME   (schema ${CLINICAL_SCHEMA:-registry})"
