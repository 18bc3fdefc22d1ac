#!/usr/bin/env bash
# The import benchmark of docs/performance.md, runnable from a fresh clone:
#
#   bench/run.sh 100000        # studies in the generated file (default 10000)
#   REPEATS=3 bench/run.sh 20000
#   BASELINE=b9b2fd7 REPEATS=2 bench/run.sh 100000   # also the build of another commit, alternating with this one
#   IMPORT_ONLY=1 bench/run.sh 600000                # only the import into an empty database (the whole registry)
#   HISTORY=2 EXPORT=1 bench/run.sh 100000           # also history's cost (10 %-changed re-imports with and without
#                                                    # --no-history, and the baseline's with history, alternating)
#                                                    # and the export of every study
#
# Makes an N-study file in the website download's shape (tools/ScaleSample: the 200 real studies of tests/fixtures drawn
# with replacement, seeded, 13 % with results, fresh NCT ids), its NDJSON twin and a copy with 10 % of the studies changed.
# Then, against a private PostgreSQL 15 with default settings, alternating:
#   (a) raw: COPY of the NDJSON into `create unlogged table raw(doc jsonb)` (CSV with quote/delimiter bytes that never
#       occur, so backslashes survive) — PostgreSQL merely storing the JSON;
#   (b) import: `clinical import` of the same studies into an empty database, full schema.
# Then a re-import of the unchanged file and of the 10 %-changed file into the loaded database.
# Prints seconds, studies/s, rows/s, peak RSS (/usr/bin/time), the ratio import/raw, and the CPU each run cost the client
# (user + sys of the process) and PostgreSQL (its processes' CPU before and after); each import is followed by a
# --dry-run of the same file (the client alone: read, decode, validate, map, no database).
set -euo pipefail
cd "$(dirname "$0")/.."

studies=${1:-10000}
repeats=${REPEATS:-1}
data=${BENCH_DIR:-/tmp/clinical-bench}
mkdir -p "$data" artifacts

command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null 2>&1 || sudo apt-get install -y -qq time >/dev/null; }
scripts/postgres.sh start >/dev/null
eval "$(scripts/postgres.sh env)"
psql_() { psql -h "$DBHOST" -p "$DBPORT" -U "$DBUSER" -v ON_ERROR_STOP=1 -qAt "$@"; }

echo "building (Release, ReadyToRun)…" >&2
dotnet publish src/Cli -c Release -r linux-x64 --self-contained false -nologo -v quiet -o artifacts/bench-cli >&2
clinical=artifacts/bench-cli/clinical
baseline=""
if [ -n "${BASELINE:-}" ]; then
  # The build before a change, from a worktree of that commit, run alternately with this one on the same file.
  echo "building the baseline $BASELINE…" >&2
  rm -rf "$data/baseline-src" && git worktree prune
  git worktree add -q --detach "$data/baseline-src" "$BASELINE"
  dotnet publish "$data/baseline-src/src/Cli" -c Release -r linux-x64 --self-contained false -nologo -v quiet -o "$PWD/artifacts/bench-baseline" >&2
  git worktree remove --force "$data/baseline-src"
  baseline=artifacts/bench-baseline/clinical
fi

array=$data/ctg-$studies.json
ndjson=$data/ctg-$studies.ndjson
changed=$data/ctg-$studies-changed.json
if [ ! -s "$array" ]; then
  dotnet publish tools/ScaleSample -c Release -nologo -v quiet -o artifacts/bench-scale >&2
  artifacts/bench-scale/Clinical.ScaleSample --studies "$studies" -o "$array"
fi
# One study per line in the download, so the NDJSON twin is the same lines without the array's brackets and commas.
[ "${IMPORT_ONLY:-0}" = 1 ] || [ -s "$ndjson" ] || sed -e '1d;$d' -e 's/,$//' "$array" > "$ndjson"
# Every tenth study gets a new brief title: same NCT ids, 10 % of the content changed.
[ "${IMPORT_ONLY:-0}" = 1 ] || [ -s "$changed" ] || awk 'NR > 1 && (NR % 10) == 2 { sub(/"briefTitle":"/, "\"briefTitle\":\"[changed] ") } { print }' "$array" > "$changed"

bytes=$(stat -c %s "$array")
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "# $(date -u +%F) · $studies studies · $(numfmt --to=iec "$bytes") JSON · $(nproc) cores ($cpu) · $(free -g | awk '/Mem:/ {print $2}') GiB · PostgreSQL $(psql_ -d postgres -c 'show server_version')"
printf '| run | seconds | studies/s | rows | rows/s | peak RSS MB | import/raw | client CPU | PostgreSQL CPU |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'

# The rows the last run of bench_import wrote. A baseline built before the native tables moved from ctgov to registry
# (issue #12) keeps its ledger in ctgov, so look where the ledger is.
last_rows() {
  local schema
  schema=$(psql_ -d bench_import -c "SELECT quote_ident(n.nspname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'import_runs' AND n.nspname IN ('${CLINICAL_SCHEMA:-registry}', 'ctgov') ORDER BY n.nspname = 'ctgov' LIMIT 1")
  psql_ -d bench_import -c "SELECT rows_written FROM $schema.import_runs ORDER BY run_id DESC LIMIT 1"
}

# PostgreSQL's CPU so far, in seconds: the postmaster's own and its reaped children's (cutime, cstime), plus the live
# backends'. The difference around a run is the server's share of it.
pg_pid=$(head -n 1 "${CLINICAL_PGDATA:-/tmp/clinical-pg-${CLINICAL_PGPORT:-54329}}/postmaster.pid")
ticks=$(getconf CLK_TCK)
pg_cpu() {
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pg_pid/stat"
    for child in $(pgrep -P "$pg_pid"); do awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true; done
  } | awk -v t="$ticks" '{ s += $1 } END { printf "%.1f", s / t }'
}
# Prints: wall seconds, peak RSS KB, client CPU seconds (user + sys), server CPU seconds.
timed() {
  local before after children
  children=$(pgrep -c -P "$pg_pid")
  before=$(pg_cpu)
  /usr/bin/time -f '%e %M %U %S' -o "$data/time.txt" "$@" > "$data/out.txt" 2>&1 || { cat "$data/out.txt" >&2; return 1; }
  # A client's backends exit just after it does; their CPU reaches the postmaster's account when it reaps them.
  for _ in $(seq 50); do [ "$(pgrep -c -P "$pg_pid")" -le "$children" ] && break; sleep 0.1; done
  after=$(pg_cpu)
  awk -v b="$before" -v a="$after" '{ printf "%s %s %.1f %.1f\n", $1, $2, $3 + $4, a - b }' "$data/time.txt"
}
ratio() { if [ -n "$raw_s" ]; then awk -v a="$1" -v b="$raw_s" 'BEGIN { printf "%.2f", a / b }'; else echo "–"; fi; }
row() { # name seconds rss rows ratio client-cpu server-cpu
  awk -v n="$1" -v s="$2" -v m="$3" -v r="$4" -v q="$5" -v c="${6:-}" -v p="${7:-}" -v k="$studies" \
    'BEGIN { printf "| %s | %.1f | %.0f | %s | %s | %.0f | %s | %s | %s |\n", n, s, k / s, (r == "" ? "–" : r), (r == "" ? "–" : sprintf("%.0f", r / s)), m / 1024, q,
      (c == "" ? "–" : sprintf("%.1f s, %.0f µs/study", c, 1e6 * c / k)), (p == "" ? "–" : sprintf("%.1f s, %.0f µs/study", p, 1e6 * p / k)) }'
}

import_only=${IMPORT_ONLY:-0}
raw_s=""
for run in $(seq "$repeats"); do
  if [ "$import_only" != 1 ]; then
  psql_ -d postgres -c "DROP DATABASE IF EXISTS bench_raw" -c "CREATE DATABASE bench_raw"
  psql_ -d bench_raw -c "CREATE UNLOGGED TABLE raw (doc jsonb)"
  read -r raw_s raw_kb raw_c raw_p < <(timed psql -h "$DBHOST" -p "$DBPORT" -U "$DBUSER" -d bench_raw -c "\\copy raw (doc) FROM '$ndjson' WITH (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')")
  row "raw jsonb COPY #$run" "$raw_s" "$raw_kb" "$studies" "1.00" "$raw_c" "$raw_p"
  fi

  if [ -n "$baseline" ]; then
    psql_ -d postgres -c "DROP DATABASE IF EXISTS bench_import" -c "CREATE DATABASE bench_import"
    read -r base_s base_kb base_c base_p < <(DBNAME=bench_import timed "$baseline" import "$array")
    rows=$(last_rows)
    row "baseline $BASELINE import, empty database #$run" "$base_s" "$base_kb" "$rows" "$(ratio "$base_s")" "$base_c" "$base_p"
    read -r bdry_s bdry_kb bdry_c _ < <(timed "$baseline" import "$array" --dry-run)
    row "baseline $BASELINE import --dry-run #$run" "$bdry_s" "$bdry_kb" "" "–" "$bdry_c" ""
  fi

  psql_ -d postgres -c "DROP DATABASE IF EXISTS bench_import" -c "CREATE DATABASE bench_import"
  read -r imp_s imp_kb imp_c imp_p < <(DBNAME=bench_import timed "$clinical" import "$array")
  rows=$(last_rows)
  row "clinical import, empty database #$run" "$imp_s" "$imp_kb" "$rows" "$(ratio "$imp_s")" "$imp_c" "$imp_p"
  if [ "$import_only" = 1 ]; then
    # The whole-registry figure: the run's own split of its time, and what it left on disk.
    grep -E 'elapsed|loading|keys and indexes' "$data/out.txt" | sed -e 's/[│|]/ /g' -e 's/  */ /g' -e 's/^/|   /' -e 's/$/ | | | | | | | | |/'
    psql_ -d bench_import -c "SELECT '|   database size ' || pg_size_pretty(pg_database_size('bench_import')) || ' | | | | | | | | |'"
    continue
  fi
  read -r dry_s dry_kb dry_c _ < <(timed "$clinical" import "$array" --dry-run)
  row "clinical import --dry-run #$run" "$dry_s" "$dry_kb" "" "–" "$dry_c" ""
  [ -z "$baseline" ] || awk -v a="$imp_s" -v b="$base_s" 'BEGIN { printf "|   this build / baseline #%d | %.2f | | | | | | | |\n", '"$run"', a / b }'
done

[ "$import_only" != 1 ] || exit 0

# A nightly re-import meets a database autovacuum has long finished with: wait for it to settle (at most 5 minutes).
settle() {
  for _ in $(seq 300); do
    [ "$(psql_ -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker' AND datname = 'bench_import'")" = "0" ] && break
    sleep 1
  done
}
settle
read -r same_s same_kb same_c same_p < <(DBNAME=bench_import timed "$clinical" import "$array")
row "re-import, unchanged" "$same_s" "$same_kb" "0" "–" "$same_c" "$same_p"
read -r chg_s chg_kb chg_c chg_p < <(DBNAME=bench_import timed "$clinical" import "$changed")
rows=$(last_rows)
row "re-import, 10 % changed" "$chg_s" "$chg_kb" "$rows" "$(awk -v a="$chg_s" -v b="$imp_s" 'BEGIN { printf "%.2f of empty-DB time", a / b }')" "$chg_c" "$chg_p"

# HISTORY=N: the cost of history (issue #13) on the loaded database. N rounds of 10 %-changed re-imports, each flipping
# the changed tenth (changed → original → changed …), alternating `--no-history`, history on and, with BASELINE, the
# baseline's build with history on; each after autovacuum has settled. Then the bytes kept.
if [ "${HISTORY:-0}" -gt 0 ]; then
  next=$array
  modes=(no-history history); [ -z "$baseline" ] || modes+=("baseline $BASELINE history")
  for pair in $(seq "$HISTORY"); do
    for mode in "${modes[@]}"; do
      flags=(); [ "$mode" != no-history ] || flags=(--no-history)
      build=$clinical; [ "${mode#baseline}" = "$mode" ] || build=$baseline
      settle
      read -r h_s h_kb _ _ < <(DBNAME=bench_import timed "$build" import "$next" "${flags[@]}")
      rows=$(last_rows)
      row "re-import, 10 % changed, $mode #$pair" "$h_s" "$h_kb" "$rows" "–"
      if [ "$next" = "$array" ]; then next=$changed; else next=$array; fi
    done
  done
  schema=${CLINICAL_SCHEMA:-registry}
  psql_ -d bench_import -F ' ' -c "SELECT count(*), pg_total_relation_size('$schema.study_versions'), pg_database_size('bench_import') FROM $schema.study_versions" |
    awk '{ printf "| history kept: %d versions, %.1f MB (%.0f bytes each), %.1f %% of the database (%.0f MB) | | | | | | | | |\n", $1, $2 / 1048576, ($1 > 0 ? $2 / $1 : 0), 100 * $2 / $3, $3 / 1048576 }'
fi

# EXPORT=1: `clinical export` of every stored study to a file, as the download's array and as NDJSON.
if [ "${EXPORT:-0}" = 1 ]; then
  for format in array ndjson; do
    flags=(); [ "$format" = array ] || flags=(--ndjson)
    read -r e_s e_kb _ _ < <(DBNAME=bench_import timed "$clinical" export "$data/export.$format" "${flags[@]}" --quiet)
    row "export, $format, $(numfmt --to=iec "$(stat -c %s "$data/export.$format")") file" "$e_s" "$e_kb" "" "–"
    rm -f "$data/export.$format"
  done
fi
