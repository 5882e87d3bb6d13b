#!/usr/bin/env bash
# The Godot addon's tests only: installs Godot if needed (scripts/install-godot.sh),
# then runs tests/test_godot.py (GDScript runners in real headless Godot, against
# the real daemon). Extra arguments go to pytest.
#
#   scripts/godot-tests.sh                                   # about 1.5 minutes
#   scripts/godot-tests.sh -k end_to_end                     # just the end-to-end run
#   GODOT_HEARTBEAT_SECONDS=600 scripts/godot-tests.sh -k end_to_end   # the long heartbeat soak
#
# The whole suite (scripts/test.sh, CI) runs these too; BRIDGE_SKIP_GODOT=1 skips them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-godot.sh >/dev/null
exec python -m pytest tests/test_godot.py "$@"
