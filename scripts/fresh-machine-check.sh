#!/usr/bin/env bash
# Tries the README's two set-up commands as on a fresh Debian 12 machine that has the .NET SDK and nothing else, no
# PostgreSQL in particular: a debootstrap chroot (minbase, plus git, ca-certificates and the libraries the SDK's own
# Debian package depends on: libicu72, libssl3, zlib1g, tzdata), the host's .NET SDK copied in, and a fresh clone of
# this repository's HEAD with nothing beside it (the tests' data is the repository's own, tests/fixtures). Needs root,
# network access to Debian's mirror and to NuGet; installs debootstrap on the host when it is missing.
#
#   scripts/fresh-machine-check.sh              # scripts/demo.sh in the chroot
#   TESTS=1 scripts/fresh-machine-check.sh      # then scripts/test.sh there too
#   KEEP=1 …                                    # leave the chroot in place (default: removed at the end)
set -euo pipefail
cd "$(dirname "$0")/.."

root=${FRESH_ROOT:-/tmp/clinical-fresh}
say() { echo "fresh-machine-check.sh: $*" >&2; }
[ "$(id -u)" -eq 0 ] || { say "needs root (debootstrap and chroot)"; exit 1; }
command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")

port=${FRESH_PGPORT:-54399} # not the host's usual 54329: the chroot shares the host's network
cleanup() {
  # The private cluster the scripts started inside the chroot, stopped with the chroot's own pg_ctl.
  if [ -x "$root/work/repo/scripts/postgres.sh" ] && mountpoint -q "$root/proc"; then
    in_chroot 'scripts/postgres.sh stop >/dev/null 2>&1' || true
  fi
  for m in dev/pts dev proc sys; do mountpoint -q "$root/$m" && umount -l "$root/$m"; done
  [ "${KEEP:-0}" = 1 ] || rm -rf "$root"
}
trap cleanup EXIT

if [ ! -x "$root/usr/bin/apt-get" ]; then
  say "debootstrap bookworm into $root"
  debootstrap --variant=minbase --include=ca-certificates,git,libicu72,libssl3,zlib1g,tzdata bookworm "$root" http://deb.debian.org/debian >/dev/null
fi
mkdir -p "$root/usr/share/dotnet" "$root/work"
cp -a "$dotnet_root/." "$root/usr/share/dotnet/"
ln -sf /usr/share/dotnet/dotnet "$root/usr/bin/dotnet"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The certificate authorities this machine adds to Debian's (a network that inspects TLS, as here) belong to the machine,
# not to the project: a fresh machine on the same network has them too.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null 2>&1
fi
rm -rf "$root/work" && mkdir "$root/work" # the clone alone in it, whatever a KEEP=1 run left
git clone -q "$PWD" "$root/work/repo"
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"

in_chroot() {
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 LANG=C.UTF-8 CLINICAL_PGPORT="$port" \
    ${NUGET_CERT_REVOCATION_MODE:+NUGET_CERT_REVOCATION_MODE=$NUGET_CERT_REVOCATION_MODE} \
    bash -c "cd /work/repo && $1"
}

in_chroot 'if command -v psql >/dev/null || ls /usr/lib/postgresql >/dev/null 2>&1; then echo "PostgreSQL is already there" >&2; exit 1; fi; echo "no PostgreSQL; dotnet $(dotnet --version)"'
start=$(date +%s)
say "scripts/demo.sh (the README's main command)"
in_chroot 'scripts/demo.sh'
say "scripts/demo.sh: rc 0 in $(( $(date +%s) - start )) s"
if [ "${TESTS:-0}" = 1 ]; then
  start=$(date +%s)
  say "scripts/test.sh (the README's test command), CI=true"
  in_chroot 'CI=true scripts/test.sh'
  say "scripts/test.sh: rc 0 in $(( $(date +%s) - start )) s"
fi
