#!/usr/bin/env bash
# Runs every test of the solution: unit tests, and integration tests against a real PostgreSQL that this script
# installs (Debian's postgresql) and starts as a private cluster. Works on a fresh Debian machine with the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${CLINICAL_PGPORT:-54329}
DBNAME=clinical_tests scripts/postgres.sh start
export CLINICAL_TEST_DB="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=false"

dotnet build Clinical.sln -c Release -nologo -v quiet
dotnet format Clinical.sln --verify-no-changes --no-restore -v quiet || { echo "dotnet format would change files: run 'dotnet format Clinical.sln'" >&2; exit 1; }
log=$(mktemp)
set +e
# Microsoft Testing Platform's dotnet test (global.json's test runner): both test projects, one summary.
dotnet test --solution Clinical.sln -c Release --no-build --no-ansi --no-progress 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line for CI, from the run summary: "Test run summary: Passed!" (or "Failed!", "Zero tests ran", ...), a line
# per test project when there are several, then "  total: N", "  failed: N", "  succeeded: N", "  skipped: N" and
# "  duration: ...", for all the test projects together (summed should there be several summaries).
awk '/^Test run summary:/ { summary = 1; next }
     summary && /^  duration:/ { summary = 0; next }
     summary && /^  (failed|succeeded|skipped): [0-9]+$/ { n[$1] += $2 }
     END { printf "%d passed, %d failed, %d skipped\n", n["succeeded:"], n["failed:"], n["skipped:"] }' "$log"
rm -f "$log"
exit "$status"
