#!/usr/bin/env bash
# Remakes docs/stats.png: `clinical stats` on the demo data, run in a real terminal (tmux), its screen captured with
# colours (capture-pane -e), turned into HTML (aha) and photographed by headless Chromium. Installs tmux, aha and
# chromium from Debian's packages when missing; starts the private PostgreSQL and loads the demo sample like demo.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${SCREENSHOT:-docs/stats.png}
need=()
command -v tmux >/dev/null || need+=(tmux)
command -v aha >/dev/null || need+=(aha)
command -v chromium >/dev/null || need+=(chromium fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

scripts/postgres.sh start
eval "$(scripts/postgres.sh env)"
[ -x artifacts/cli/clinical ] || dotnet build src/Cli -c Release -nologo -v quiet -o artifacts/cli
clinical=$(pwd)/artifacts/cli/clinical
"$clinical" sample --studies "${SAMPLE_STUDIES:-500}" --output artifacts/ctg-sample.json >/dev/null
"$clinical" import artifacts/ctg-sample.json --quiet || [ $? -eq 3 ]

work=$(mktemp -d)
trap 'tmux kill-session -t clinical-shot 2>/dev/null || true; rm -rf "$work"' EXIT
# A 100-column terminal, tall enough for every chart; the command prints and the pane stays for the capture.
tmux new-session -d -s clinical-shot -x 100 -y 120 \
  "env TERM=xterm-256color COLORTERM=truecolor DBHOST=$DBHOST DBPORT=$DBPORT DBUSER=$DBUSER DBNAME=$DBNAME $clinical stats; echo __done__; sleep 60"
for _ in $(seq 1 100); do
  tmux capture-pane -p -t clinical-shot | grep -q __done__ && break
  sleep 0.2
done
tmux capture-pane -e -p -t clinical-shot | sed '/__done__/,$d' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' > "$work/stats.ansi"
lines=$(wc -l < "$work/stats.ansi")
{
  echo '<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
  echo 'body { margin: 0; background: #1e1e1e; } pre { margin: 0; padding: 14px 18px; color: #d4d4d4;'
  echo '  font: 14px/1.25 "DejaVu Sans Mono", monospace; }</style></head><body><pre>'
  echo "<span style=\"color:#8ae234\">\$</span> clinical stats"
  aha --no-header < "$work/stats.ansi"
  echo '</pre></body></html>'
} > "$work/stats.html"
height=$(( (lines + 1) * 18 + 30 ))
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=860,$height \
  --screenshot="$work/stats.png" "file://$work/stats.html" >/dev/null 2>&1
mkdir -p "$(dirname "$out")"
cp "$work/stats.png" "$out"
echo "screenshot.sh: wrote $out ($lines lines of clinical stats)"
