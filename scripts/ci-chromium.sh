#!/usr/bin/env bash
# Make Debian's headless-capable `chromium` available for dyad's browser tests
# (tests/test_web_browser.py drives it with Playwright's `executable_path`; we never run
# `playwright install`, which downloads a browser build and can't work offline).
#
# Idempotent: when a chromium binary is already on the machine it only reports it; otherwise it
# runs `apt-get update` once and `apt-get install -y chromium fonts-dejavu-core` (needs root, as in
# CI; never reads stdin). Stdout carries one line, the binary the tests should use:
#
#     DYAD_CHROMIUM=/usr/bin/chromium
#
# and progress goes to stderr. Exits non-zero, with the reason on stderr, when no chromium can be
# had; the browser tests then skip and say why.
set -euo pipefail

log() { echo "ci-chromium: $*" >&2; }
die() { log "$*"; exit 1; }

find_chromium() {
    local candidate
    for candidate in "${DYAD_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if binary="$(find_chromium)"; then
    log "found ${binary}"
    echo "DYAD_CHROMIUM=${binary}"
    exit 0
fi

[ "$(id -u)" -eq 0 ] || die "not root: can't apt-get install chromium; install it yourself or set DYAD_CHROMIUM"
command -v apt-get >/dev/null 2>&1 || die "no apt-get on this machine; install chromium yourself or set DYAD_CHROMIUM"

export DEBIAN_FRONTEND=noninteractive
log "installing chromium (apt-get)"
apt-get update -q </dev/null >&2 || die "apt-get update failed"
# fonts-dejavu-core: without any font the pages render as boxes in screenshots
apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core </dev/null >&2 \
    || die "apt-get install chromium failed"

binary="$(find_chromium)" || die "chromium was installed but no binary was found in /usr/bin"
log "installed ${binary} ($("$binary" --version 2>/dev/null </dev/null || echo 'version unknown'))"
echo "DYAD_CHROMIUM=${binary}"
