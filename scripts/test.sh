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

ruff check bridge tests scripts benchmarks
ruff format --check bridge tests scripts benchmarks
mypy
mypy benchmarks
python -m pytest "$@"
