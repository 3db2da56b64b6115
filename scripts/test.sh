#!/usr/bin/env bash
# Set up everything the test suite needs, then run it. `.ci/run` runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
# Services some tests use (scripts/ci-*.sh): each installs and starts what is missing and prints
# NAME=VALUE lines (DYAD_TEST_PG_URL=...) that the tests read; if one fails, its tests skip with a reason.
for service in scripts/ci-*.sh; do
  [ -f "$service" ] || continue
  if out=$(bash "$service"); then
    while IFS= read -r line; do
      case "$line" in DYAD_*=*) export "${line?}" ;; esac
    done <<< "$out"
  else
    echo "warning: $service failed; the tests that need it will be skipped" >&2
  fi
done
status=0
.venv/bin/python -m pytest -q "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "no tests were collected" >&2
fi
exit "$status"
