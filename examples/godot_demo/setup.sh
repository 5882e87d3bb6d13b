#!/usr/bin/env sh
# Copies the addon into this demo (Godot needs it inside the project).
# Usage: examples/godot_demo/setup.sh [PROJECT_DIR]   (default: this folder)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
SRC="$HERE/../../godot_addon/addons/tiktok_bridge"
DEST="${1:-$HERE}/addons/tiktok_bridge"
[ -f "$SRC/plugin.cfg" ] || { echo "setup.sh: addon not found at $SRC" >&2; exit 1; }
rm -rf "$DEST"
mkdir -p "$(dirname "$DEST")"
cp -R "$SRC" "$DEST"
echo "copied the addon into $DEST"
