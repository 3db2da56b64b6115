#!/usr/bin/env bash
# Make a local PostgreSQL server available for dyad's tests, then print the URL they use:
#
#     DYAD_TEST_PG_URL=postgresql://dyad:dyad@127.0.0.1:5432/dyad_test
#
# on stdout (the only line written there; progress goes to stderr). Use it as
#
#     export "$(bash scripts/ci-postgres.sh)"
#
# Idempotent: installs Debian's `postgresql` only when no server is installed (apt-get update
# once, then apt-get install -y), creates a cluster only when there is none, starts it only when
# it is down, and creates the `dyad` role and `dyad_test` database only when missing. Needs root
# for the install/start steps (as in CI); never reads stdin. Exits non-zero, with the reason on
# stderr, when no server can be had; the PostgreSQL tests then skip and say why.
set -euo pipefail

PG_USER="${DYAD_PG_USER:-dyad}"
PG_PASSWORD="${DYAD_PG_PASSWORD:-dyad}"
PG_DB="${DYAD_PG_DB:-dyad_test}"
PG_HOST=127.0.0.1
WAIT_SECONDS=30

log() { echo "ci-postgres: $*" >&2; }
die() { log "$*"; exit 1; }

url_for() { echo "postgresql://${PG_USER}:${PG_PASSWORD}@${PG_HOST}:$1/${PG_DB}"; }

# Fast path: the test database already answers.
can_login() {
    command -v psql >/dev/null 2>&1 || return 1
    PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=3 psql -h "$PG_HOST" -p "$1" -U "$PG_USER" -d "$PG_DB" \
        -tAc 'SELECT 1' </dev/null >/dev/null 2>&1
}
if can_login "${DYAD_PG_PORT:-5432}"; then
    log "server on port ${DYAD_PG_PORT:-5432} already serves ${PG_DB}"
    echo "DYAD_TEST_PG_URL=$(url_for "${DYAD_PG_PORT:-5432}")"
    exit 0
fi

[ "$(id -u)" -eq 0 ] || die "not root: can't install or start PostgreSQL; start a server with database ${PG_DB} (user ${PG_USER}) yourself"

# 1. install the server when none is
server_installed() { compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; }
if ! server_installed || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    log "installing postgresql (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q </dev/null >&2 || die "apt-get update failed"
    apt-get install -y -q postgresql </dev/null >&2 || die "apt-get install postgresql failed"
fi
server_installed || die "postgresql is installed but no server binary was found"

# 2. a cluster (Debian's postgresql-common layout), created when there is none
read -r VERSION NAME PORT STATUS _ < <(pg_lsclusters --no-header 2>/dev/null | head -n 1) || true
if [ -z "${VERSION:-}" ]; then
    VERSION="$(basename "$(dirname "$(dirname "$(ls -d /usr/lib/postgresql/*/bin/postgres | sort -V | tail -n 1)")")")"
    NAME=main
    log "creating cluster ${VERSION}/${NAME}"
    pg_createcluster "$VERSION" "$NAME" --port "${DYAD_PG_PORT:-5432}" </dev/null >&2
    read -r VERSION NAME PORT STATUS _ < <(pg_lsclusters --no-header | awk -v v="$VERSION" -v n="$NAME" '$1 == v && $2 == n')
fi

# 3. start it when it is down
if [ "${STATUS:-down}" != "online" ]; then
    log "starting cluster ${VERSION}/${NAME} on port ${PORT}"
    pg_ctlcluster "$VERSION" "$NAME" start </dev/null >&2 || die "pg_ctlcluster ${VERSION} ${NAME} start failed (see /var/log/postgresql/)"
fi
for _ in $(seq "$WAIT_SECONDS"); do
    pg_isready -q -h "$PG_HOST" -p "$PORT" && break
    sleep 1
done
pg_isready -q -h "$PG_HOST" -p "$PORT" || die "server on port ${PORT} did not come up within ${WAIT_SECONDS} s"

# 4. the role and the database (byte-wise collation, UTF-8), when missing
as_postgres() { runuser -u postgres -- psql -p "$PORT" -v ON_ERROR_STOP=1 -tAq "$@" </dev/null; }
if [ "$(as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '${PG_USER}'")" != "1" ]; then
    log "creating role ${PG_USER}"
    as_postgres -c "CREATE ROLE ${PG_USER} LOGIN PASSWORD '${PG_PASSWORD}'" >&2
fi
if [ "$(as_postgres -c "SELECT 1 FROM pg_database WHERE datname = '${PG_DB}'")" != "1" ]; then
    log "creating database ${PG_DB}"
    as_postgres -c "CREATE DATABASE ${PG_DB} OWNER ${PG_USER} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'" >&2
fi

can_login "$PORT" || die "the server runs on port ${PORT} but ${PG_USER} can't log in to ${PG_DB} over TCP (check pg_hba.conf)"
log "ready"
echo "DYAD_TEST_PG_URL=$(url_for "$PORT")"
