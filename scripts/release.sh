#!/usr/bin/env bash
# Self-contained single-file executables of clinical (no .NET needed where they run), with SHA-256 checksums:
#   linux-x64 and linux-arm64 (built and smoke-tested here: arm64 under qemu-user when it is installed),
#   osx-arm64 and win-x64 (cross-published; checked for existence and size).
# ReadyToRun stays on (src/Cli/Cli.csproj), so start-up and the import's JIT time keep its benefit.
#
#   scripts/release.sh                    # all four into artifacts/release/, plus SHA256SUMS
#   RIDS="linux-x64" scripts/release.sh   # only some
#   MEASURE=1 scripts/release.sh          # also size and `--version` start-up time, cold and warm (hyperfine if present)
set -euo pipefail
cd "$(dirname "$0")/.."

out=${RELEASE_DIR:-artifacts/release}
rids=${RIDS:-"linux-x64 linux-arm64 osx-arm64 win-x64"}
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
say() { echo "release.sh: $*" >&2; }

rm -rf "$out"
mkdir -p "$out"
for rid in $rids; do
  say "publishing $rid"
  dotnet publish src/Cli -c Release -r "$rid" --self-contained true -nologo -v quiet \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:PublishReadyToRun=true \
    -p:DebugType=none -p:PublishDocumentationFile=false -p:PublishReferencesDocumentationFiles=false -o "$out/publish-$rid"
  exe=clinical
  [[ $rid == win-* ]] && exe=clinical.exe
  name="clinical-$version-$rid"
  [[ $rid == win-* ]] && name="$name.exe"
  extra=$(find "$out/publish-$rid" -type f ! -name "$exe" -printf '%f ')
  [ -z "$extra" ] || { say "$rid: more than one file was published: $extra"; exit 1; }
  mv "$out/publish-$rid/$exe" "$out/$name"
  rm -rf "$out/publish-$rid"
done
(cd "$out" && sha256sum clinical-* > SHA256SUMS && sha256sum -c --quiet SHA256SUMS)

# Checks: every binary exists and is of a plausible size; the ones this machine can run answer --version and read a sample.
for rid in $rids; do
  file="$out/clinical-$version-$rid"
  [[ $rid == win-* ]] && file="$file.exe"
  size=$(stat -c %s "$file")
  [ "$size" -gt 20000000 ] || { say "$file is only $size bytes"; exit 1; }
  kind=$(command -v file >/dev/null && file -b "$file" | cut -c1-70 || true)
  printf '%-12s %s MB  %s\n' "$rid" "$(awk "BEGIN { printf \"%.1f\", $size / 1048576 }")" "$kind"
  runner=()
  case $rid in
    linux-x64) [ "$(uname -m)" = x86_64 ] || continue ;;
    linux-arm64)
      if [ "$(uname -m)" != aarch64 ]; then
        if command -v qemu-aarch64 >/dev/null && [ -e /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ]; then
          runner=(env DOTNET_EnableWriteXorExecute=0 qemu-aarch64 -L /usr/aarch64-linux-gnu)
          # .NET hashes with OpenSSL, which the cross sysroot lacks: Debian's arm64 libssl3 of the host's version, unpacked
          # into a folder of our own (nothing is installed), goes on the guest's library path.
          if [ ! -e /usr/aarch64-linux-gnu/lib/libssl.so.3 ]; then
            ssl="$(cd "$out" && pwd)/.arm64-libssl3"
            if [ ! -e "$ssl/usr/lib/aarch64-linux-gnu/libssl.so.3" ]; then
              deb="libssl3_$(dpkg-query -W -f '${Version}' libssl3)_arm64.deb"
              for pool in http://deb.debian.org/debian/pool/main/o/openssl http://security.debian.org/debian-security/pool/updates/main/o/openssl; do
                curl -sf -o "$out/$deb" "$pool/$deb" && break
              done
              [ -s "$out/$deb" ] && dpkg-deb -x "$out/$deb" "$ssl" && rm -f "$out/$deb"
            fi
            if [ -e "$ssl/usr/lib/aarch64-linux-gnu/libssl.so.3" ]; then
              runner+=(-E "LD_LIBRARY_PATH=$ssl/usr/lib/aarch64-linux-gnu")
            else
              say "linux-arm64: no arm64 libssl3 could be fetched; only --version is run"
              "${runner[@]}" "$out/clinical-$version-$rid" --version | grep -q "^clinical $version (commit " || { say "$rid: --version failed"; exit 1; }
              continue
            fi
          fi
        else
          say "linux-arm64: not run (install qemu-user, libc6-arm64-cross and libstdc++6-arm64-cross to run it here)"
          continue
        fi
      fi ;;
    *) continue ;;
  esac
  scratch=$(mktemp -d)
  "${runner[@]}" "$file" --version | grep -q "^clinical $version (commit " || { say "$rid: --version failed"; exit 1; }
  "${runner[@]}" "$file" sample -n 20 -o "$scratch/sample.json" >/dev/null
  "${runner[@]}" "$file" import "$scratch/sample.json" --dry-run --json | grep -q '"read": 20' || { say "$rid: dry-run import failed"; exit 1; }
  rm -rf "$scratch"
  say "$rid: --version and a dry-run import of 20 synthetic studies work"
done

if [ "${MEASURE:-0}" = 1 ] && [[ " $rids " == *" linux-x64 "* ]]; then
  file="$out/clinical-$version-linux-x64"
  # Cold: the page cache dropped before each run (needs root; otherwise only warm is measured).
  if command -v hyperfine >/dev/null; then
    if [ -w /proc/sys/vm/drop_caches ]; then
      hyperfine -N --runs 5 --prepare 'sh -c "sync; echo 3 > /proc/sys/vm/drop_caches"' --export-markdown "$out/startup-cold.md" "$file --version"
    fi
    hyperfine -N --warmup 3 --runs 30 --export-markdown "$out/startup-warm.md" "$file --version"
  else
    for _ in 1 2 3; do /usr/bin/time -f "warm %e s" "$file" --version >/dev/null; done
  fi
fi
say "done: $out"
ls -l "$out"
