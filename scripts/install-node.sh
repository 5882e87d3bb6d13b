#!/usr/bin/env bash
# Install what the conformance tests need from npm (Node.js and npm come from
# scripts/install-test-tools.sh): tiktok-live-connector as pinned by tests/conformance/package-lock.json.
# Idempotent and quick when already done. If the npm registry cannot be reached the install is
# skipped with a warning, and tests/test_conformance.py skips the Node client saying why.
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
    echo "install-node: WARNING: the npm registry is unreachable; the Node conformance test will be skipped" >&2
    exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
echo "$WANT" >"$STAMP"
