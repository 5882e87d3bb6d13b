#!/usr/bin/env bash
# The whole test suite: install (compiling the Cython decoder), lint, type-check, test.
# Usage: scripts/test.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-test-tools.sh
python -m pip install --quiet --disable-pip-version-check -e ".[test]"
scripts/install-node.sh
export BRIDGE_REQUIRE_NATIVE=1
python -c "import bridge._native, bridge.codec as c; assert c.IMPLEMENTATION == 'cython'; print('decoder:', c.IMPLEMENTATION)"

# the console's browser test drives Debian's Chromium through Playwright (tests/test_console.py)
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

ruff check bridge tests scripts benchmarks
ruff format --check bridge tests scripts benchmarks
mypy
python -m pytest "$@"
