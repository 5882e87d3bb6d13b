#!/usr/bin/env bash
# Install what the conformance tests need from npm (Node.js and npm come from
# scripts/install-test-tools.sh): tiktok-live-connector (tests/test_conformance.py) and the schema
# package tiktok-live-proto (tests/test_oracle_npm.py), as pinned by tests/conformance/package-lock.json.
# Idempotent and quick when already done. If the npm registry cannot be reached the install is
# skipped with a warning, and the tests that need them skip saying why.
set -euo pipefail
cd "$(dirname "$0")/../tests/conformance"

command -v node >/dev/null && command -v npm >/dev/null || {
    echo "install-node: no node/npm (scripts/install-test-tools.sh installs Debian's)" >&2
    exit 1
}

STAMP="node_modules/.installed-from"
WANT="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ]; then
    exit 0
fi
if ! npm ping --silent >/dev/null 2>&1; then
    echo "install-node: WARNING: the npm registry is unreachable; the Node conformance and npm schema tests will be skipped" >&2
    exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
echo "$WANT" >"$STAMP"
