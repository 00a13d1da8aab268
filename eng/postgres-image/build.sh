#!/bin/bash
# Builds a PostgreSQL 15 container image from Debian packages, without any image registry.
#
#   bash eng/postgres-image/build.sh [NAME:TAG]     (default hubaspire/postgres:15-local; root)
#
# debootstrap fetches bookworm + postgresql-15 from the Debian mirror that apt on this machine
# already uses, docker-entrypoint.sh is copied in, and the tree becomes an image with
# `docker import`. The entrypoint behaves like the official postgres image's for what Aspire
# (AddPostgres(...).WithImage(...)) and Testcontainers.PostgreSql use.
# Needs: root, a running Docker engine, debootstrap.
set -Eeuo pipefail

IMAGE="${1:-hubaspire/postgres:15-local}"
SUITE=bookworm
PG_MAJOR=15
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
log() { printf 'postgres-image: %s\n' "$*"; }
die() { printf 'postgres-image: error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (debootstrap)"
command -v docker >/dev/null || die "the docker CLI is not installed"
docker version >/dev/null 2>&1 || die "the Docker engine does not answer"

if docker image inspect "$IMAGE" >/dev/null 2>&1; then
    log "image $IMAGE already exists; skipping the build"
    exit 0
fi

command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"

# The Debian mirror apt uses here: the first deb822 stanza that serves the plain suite,
# else a one-line "deb URI SUITE ..." entry.
find_mirror() {
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk -v suite="$SUITE" '
            function flush() {
                if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && uris != "") {
                    split(uris, u, " "); print u[1]; found = 1; exit
                }
                types = ""; suites = ""; uris = ""
            }
            /^[ \t]*$/ { flush(); next }
            /^[ \t]*#/ { next }
            tolower($1) == "types:"  { $1 = ""; types = $0 }
            tolower($1) == "suites:" { $1 = ""; suites = $0 }
            tolower($1) == "uris:"   { $1 = ""; uris = $0 }
            END { if (!found) flush() }
        ' "$f" | sed 's/^ *//' | grep -m1 . && return 0
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        # deb [options] URI SUITE COMPONENTS...
        sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" \
            | awk -v suite="$SUITE" '$1 == "deb" && $3 == suite { print $2; exit }' \
            | grep -m1 . && return 0
    done
    return 1
}

MIRROR="$(find_mirror)" || die "no Debian $SUITE mirror found in apt's sources (/etc/apt/sources.list.d/*.sources, /etc/apt/sources.list)"

# Use apt's proxy too, if it has one (debootstrap downloads with wget).
eval "$(apt-config shell APT_HTTP_PROXY Acquire::http::Proxy APT_HTTPS_PROXY Acquire::https::Proxy 2>/dev/null || true)"
if [ -n "${APT_HTTP_PROXY:-}" ] && [ "${APT_HTTP_PROXY}" != DIRECT ]; then export http_proxy="$APT_HTTP_PROXY"; fi
if [ -n "${APT_HTTPS_PROXY:-}" ] && [ "${APT_HTTPS_PROXY}" != DIRECT ]; then export https_proxy="$APT_HTTPS_PROXY"; fi

ROOTFS="$(mktemp -d /var/tmp/hubaspire-pg-rootfs.XXXXXX)"

# debootstrap mounts proc/sys inside the tree; never let rm -rf walk into a mount.
cleanup() {
    local m
    if [ -d "$ROOTFS" ]; then
        awk -v root="$ROOTFS" 'index($2, root "/") == 1 { print $2 }' /proc/mounts | sort -r \
            | while read -r m; do umount -l "$m" 2>/dev/null || true; done
        rm -rf --one-file-system "$ROOTFS"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

T0="$(now)"
log "debootstrap $SUITE + postgresql-$PG_MAJOR from $MIRROR into $ROOTFS"
t="$(now)"
if ! debootstrap --variant=minbase --include="postgresql-$PG_MAJOR" "$SUITE" "$ROOTFS" "$MIRROR" \
        > "$ROOTFS.log" 2>&1; then
    tail -n 30 "$ROOTFS.log" >&2
    [ -f "$ROOTFS/debootstrap/debootstrap.log" ] && tail -n 30 "$ROOTFS/debootstrap/debootstrap.log" >&2
    rm -f "$ROOTFS.log"
    die "debootstrap failed"
fi
rm -f "$ROOTFS.log"
log "debootstrap took $(elapsed "$t") s"

t="$(now)"
[ -x "$ROOTFS/usr/lib/postgresql/$PG_MAJOR/bin/postgres" ] || die "postgresql-$PG_MAJOR is missing from the tree"
# The package's own cluster (15/main) is not used: the entrypoint initialises PGDATA.
rm -rf "$ROOTFS/var/lib/postgresql/$PG_MAJOR" "$ROOTFS/etc/postgresql/$PG_MAJOR"
# Nothing in the image needs apt's caches, documentation or man pages.
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* \
       "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/*
install -m 0755 "$HERE/docker-entrypoint.sh" "$ROOTFS/usr/local/bin/docker-entrypoint.sh"
# A named volume mounted here is seeded with this directory's owner and mode.
install -d -m 0700 "$ROOTFS/var/lib/postgresql/data"
install -d -m 2777 "$ROOTFS/var/run/postgresql"
chroot "$ROOTFS" chown postgres:postgres /var/lib/postgresql /var/lib/postgresql/data /var/run/postgresql

PATH_IN_IMAGE="/usr/lib/postgresql/$PG_MAJOR/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
tar --numeric-owner -C "$ROOTFS" -c . | docker import \
    --change 'ENTRYPOINT ["docker-entrypoint.sh"]' \
    --change 'CMD ["postgres"]' \
    --change 'EXPOSE 5432' \
    --change 'ENV PGDATA=/var/lib/postgresql/data' \
    --change "ENV PATH=$PATH_IN_IMAGE" \
    --change 'ENV LANG=C.UTF-8' \
    --change "ENV PG_MAJOR=$PG_MAJOR" \
    --message "PostgreSQL $PG_MAJOR from Debian $SUITE packages (eng/postgres-image/build.sh)" \
    - "$IMAGE" >/dev/null
log "import took $(elapsed "$t") s"

log "built $IMAGE ($(docker image inspect --format '{{.Size}}' "$IMAGE" | awk '{ printf "%.0f MB", $1 / 1e6 }')) in $(elapsed "$T0") s"
