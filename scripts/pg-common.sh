# Shared by scripts/postgres.sh and scripts/standby.sh (sourced, not run): where Debian's PostgreSQL is, and how to run
# its server programs, which refuse to run as root.

# The newest installed PostgreSQL's bin folder (/usr/lib/postgresql/<version>/bin), or nothing.
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# Runs a PostgreSQL server program as the postgres user when we are root, else as ourselves.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
