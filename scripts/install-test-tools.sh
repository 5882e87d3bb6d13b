#!/usr/bin/env bash
# Debian packages the test suite needs besides Python's: clang++ (the Unreal shim check
# at C++20 with -Wshadow-all), the locale sources (the C++ core's comma-decimal locale
# test builds de_DE.UTF-8 from them with localedef), Xvfb (the Godot demo played from
# the editor in a window), Chromium (the console's browser test) and Node.js with npm (the
# conformance test's tiktok-live-connector, the npm schema oracle). Installs only what is missing, so a second run does nothing;
# called by scripts/test.sh. (Godot itself comes from scripts/install-godot.sh.)
set -euo pipefail
need=()
command -v clang++ >/dev/null || need+=(clang)
[ -f /usr/share/i18n/locales/de_DE ] || need+=(locales)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v chromium >/dev/null || need+=(chromium)  # the console's browser test (tests/test_console.py)
command -v node >/dev/null && command -v npm >/dev/null || need+=(nodejs npm)  # tests/conformance
[ "${#need[@]}" -eq 0 ] && exit 0
command -v apt-get >/dev/null || { echo "install-test-tools: install ${need[*]} (no apt-get here)" >&2; exit 1; }
SUDO=()
[ "$(id -u)" = 0 ] || SUDO=(sudo)
echo "install-test-tools: installing ${need[*]}" >&2
"${SUDO[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
