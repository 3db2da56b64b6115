#!/usr/bin/env bash
# Set up dyad in a virtual environment inside the checkout (.venv), idempotently.
#   bash scripts/setup.sh            # the package and its runtime dependencies
#   bash scripts/setup.sh test       # plus what the test suite needs (extras: test)
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
py="${PYTHON:-python3}"
if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "dyad needs Python 3.11 or newer ($py is $("$py" --version 2>&1)); set PYTHON=python3.11" >&2
  exit 2
fi
if [ ! -x .venv/bin/python ]; then
  "$py" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
target="."
[ -n "$extras" ] && target=".[$extras]"
# constraints.txt pins the exact versions the tests ran with (pyproject.toml holds ranges)
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e "$target"
echo "dyad is set up in .venv ($(.venv/bin/dyad --version))" >&2
