#!/usr/bin/env bash
# Make a Java runtime (17 or newer) available for the Spark tests, then print where it is:
#
#     DYAD_JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
#
# on stdout (the only line written there; progress goes to stderr). scripts/test.sh exports it
# and tests/test_batch_spark.py uses it when JAVA_HOME is unset.
#
# Idempotent: installs Debian's openjdk-17-jre-headless only when no Java 17+ is found (apt-get
# update once, then apt-get install -y). Needs root for the install (as in CI); never reads stdin.
# Exits non-zero, with the reason on stderr, only when no Java can be had; the Spark tests then
# skip and say why.
set -euo pipefail

MIN_VERSION=17  # Spark 4 runs on Java 17 and 21
PACKAGE=openjdk-17-jre-headless

log() { echo "ci-java: $*" >&2; }
die() { log "$*"; exit 1; }

# The major version of the java binary $1 ("17.0.15" -> 17, "1.8.0_392" -> 8), or nothing.
major_of() {
    local version
    version="$("$1" -version 2>&1 </dev/null | awk -F'"' '/version/ {print $2; exit}')" || return 0
    case "$version" in
        1.*) echo "${version#1.}" | cut -d. -f1 ;;
        "") ;;
        *) echo "$version" | cut -d. -f1 | cut -d- -f1 | cut -d+ -f1 ;;
    esac
}

# A java binary of at least MIN_VERSION: $JAVA_HOME's, the PATH's, then Debian's JVM folder.
find_java() {
    local candidate major
    for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null || true)" \
                     /usr/lib/jvm/*/bin/java; do
        [ -n "$candidate" ] && [ -x "$candidate" ] || continue
        major="$(major_of "$candidate")"
        if [ -n "$major" ] && [ "$major" -ge "$MIN_VERSION" ] 2>/dev/null; then
            readlink -f "$candidate"
            return 0
        fi
    done
    return 1
}

if ! java_bin="$(find_java)"; then
    [ "$(id -u)" -eq 0 ] || die "no Java ${MIN_VERSION}+ found and not root: install ${PACKAGE} (or set JAVA_HOME)"
    command -v apt-get >/dev/null 2>&1 || die "no Java ${MIN_VERSION}+ found and no apt-get: install Java ${MIN_VERSION}+ and set JAVA_HOME"
    log "installing ${PACKAGE} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    # Slim Debian images lack man folders, and the JRE's post-install step fails without them.
    mkdir -p /usr/share/man/man1
    apt-get update -q </dev/null >&2 || die "apt-get update failed"
    apt-get install -y -q --no-install-recommends "$PACKAGE" </dev/null >&2 || die "apt-get install ${PACKAGE} failed"
    java_bin="$(find_java)" || die "${PACKAGE} is installed but no Java ${MIN_VERSION}+ binary was found"
fi

java_home="$(dirname "$(dirname "$java_bin")")"
log "Java $(major_of "$java_bin") at ${java_home}"
echo "DYAD_JAVA_HOME=${java_home}"
