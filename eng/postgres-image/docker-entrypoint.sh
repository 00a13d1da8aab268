#!/bin/bash
# Entrypoint of the locally built PostgreSQL image (see build.sh).
#
# It mirrors the part of the official postgres image's entrypoint that .NET Aspire's
# AddPostgres and Testcontainers.PostgreSql rely on:
#   POSTGRES_USER (default postgres), POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE),
#   POSTGRES_DB (default = user), PGDATA, POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD,
#   *.sql / *.sql.gz / *.sh files in /docker-entrypoint-initdb.d,
#   arguments starting with "-" are passed to postgres (Testcontainers: -c fsync=off ...),
#   and `docker stop` shuts the server down fast (SIGTERM is passed on as SIGINT).
# The server answers pg_isready only once initialisation is over, because the temporary
# init server listens on the Unix socket alone.
set -Eeuo pipefail

PGBIN=/usr/lib/postgresql/15/bin
export PATH="$PGBIN:$PATH"
export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
SOCKET_DIR=/var/run/postgresql

log() { printf '%s entrypoint: %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S UTC')" "$*"; }
die() { log "error: $*" >&2; exit 1; }

# Like the official image, "docker run IMAGE -c x=y" means "postgres -c x=y".
if [ "$#" -eq 0 ] || [ "${1:0:1}" = '-' ]; then
    set -- postgres "$@"
fi

# Anything other than the server (bash, psql, ...) runs as asked; so do "postgres --version"
# and the like, which need no cluster.
if [ "$1" != 'postgres' ]; then
    exec "$@"
fi
for arg in "${@:2}"; do
    case "$arg" in
        -V|--version|-'?'|--help|--describe-config) exec "$@" ;;
    esac
done

# As root: make the data directory (possibly a freshly mounted volume or bind mount) and
# the socket directory belong to postgres, then run this script again as postgres.
if [ "$(id -u)" = '0' ]; then
    mkdir -p "$PGDATA" "$SOCKET_DIR"
    find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' +
    chmod 700 "$PGDATA"
    chown postgres:postgres "$SOCKET_DIR"
    chmod 2777 "$SOCKET_DIR"
    export HOME=/var/lib/postgresql
    exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

read_secret() { # VAR: VAR itself, or the content of the file named by VAR_FILE
    local var="$1" file_var="${1}_FILE"
    if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
        die "both $var and $file_var are set (but are exclusive)"
    fi
    if [ -n "${!file_var:-}" ]; then
        export "$var"="$(< "${!file_var}")"
    fi
}

initialise() {
    read_secret POSTGRES_PASSWORD
    read_secret POSTGRES_USER
    read_secret POSTGRES_DB
    export POSTGRES_USER="${POSTGRES_USER:-postgres}"
    export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
    local auth="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"

    if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$auth" != 'trust' ]; then
        die "the database is uninitialized and no superuser password is given: set POSTGRES_PASSWORD" \
            "(or POSTGRES_HOST_AUTH_METHOD=trust to allow connections without a password)"
    fi

    log "initialising a new cluster in $PGDATA for user '$POSTGRES_USER', database '$POSTGRES_DB'"
    local pwfile
    pwfile="$(mktemp)"
    printf '%s\n' "${POSTGRES_PASSWORD:-}" > "$pwfile"
    # Defaults first, so that POSTGRES_INITDB_ARGS (Aspire passes --auth-host/--auth-local) wins.
    # shellcheck disable=SC2086 # word splitting of POSTGRES_INITDB_ARGS is intended, as upstream
    initdb --username="$POSTGRES_USER" --pwfile="$pwfile" \
        --encoding=UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host="$auth" \
        ${POSTGRES_INITDB_ARGS:-}
    rm -f "$pwfile"

    # Connections from outside the container (the host, other containers) need the password.
    printf '\nhost all all all %s\n' "$auth" >> "$PGDATA/pg_hba.conf"

    # A temporary server on the Unix socket only: nobody outside sees a half-initialised
    # cluster (pg_isready --host localhost keeps failing until the real server starts).
    export PGUSER="$POSTGRES_USER" PGPASSWORD="${POSTGRES_PASSWORD:-}" PGHOST="$SOCKET_DIR"
    pg_ctl -D "$PGDATA" -w -t 60 -o "-c listen_addresses='' -p 5432" -l "$PGDATA/init-server.log" start \
        || { cat "$PGDATA/init-server.log" >&2 || true; die "the temporary server did not start"; }

    local psql=(psql -v ON_ERROR_STOP=1 --no-password --no-psqlrc --dbname postgres)
    if [ "$POSTGRES_DB" != 'postgres' ]; then
        local exists
        # -c ignores psql variables, so feed the statement on standard input instead.
        exists="$(printf '%s\n' "SELECT 1 FROM pg_database WHERE datname = :'db';" | "${psql[@]}" -tA -v db="$POSTGRES_DB")"
        if [ -z "$exists" ]; then
            printf '%s\n' 'CREATE DATABASE :"db";' | "${psql[@]}" -q -v db="$POSTGRES_DB"
            log "created database '$POSTGRES_DB'"
        fi
    fi

    local f
    for f in /docker-entrypoint-initdb.d/*; do
        [ -e "$f" ] || continue
        case "$f" in
            *.sh)
                # shellcheck disable=SC1090 # init scripts are the user's
                if [ -x "$f" ]; then log "running $f"; "$f"; else log "sourcing $f"; . "$f"; fi ;;
            *.sql)    log "running $f"; "${psql[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
            *.sql.gz) log "running $f"; gzip -dc "$f" | "${psql[@]}" --dbname "$POSTGRES_DB" ;;
            *)        log "ignoring $f" ;;
        esac
    done

    pg_ctl -D "$PGDATA" -m fast -w stop
    rm -f "$PGDATA/init-server.log"
    unset PGPASSWORD PGUSER PGHOST
    log "PostgreSQL init process complete; ready for start up."
}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    initialise
else
    log "PGDATA already holds a cluster; skipping initialisation"
fi

shift # "postgres"
# listen_addresses first, so that an explicit "-c listen_addresses=..." argument overrides it.
postgres -D "$PGDATA" -c listen_addresses='*' "$@" &
pg_pid=$!

# `docker stop` sends SIGTERM, which PostgreSQL treats as a "smart" shutdown that waits for
# every client (connection pools included) to leave, until Docker kills it 10 s later. The
# official image sets STOPSIGNAL SIGINT, which `docker import` cannot; so this script stays
# PID 1 and turns SIGTERM into SIGINT, PostgreSQL's "fast" shutdown.
trap 'kill -INT "$pg_pid" 2>/dev/null || true' TERM INT
trap 'kill -QUIT "$pg_pid" 2>/dev/null || true' QUIT
while kill -0 "$pg_pid" 2>/dev/null; do
    wait "$pg_pid" || true
done
wait "$pg_pid"
