#!/usr/bin/env bash
# Installs Godot 4 without touching the system, and prints the path of a `godot`
# wrapper script. It is a full editor: headless runs, the editor in a window,
# Play (F5) from the editor, and windowed games on OpenGL (Mesa; software
# rendering with llvmpipe when there is no GPU driver).
#
# Debian's sid suite packages Godot 4 (`godot`), built against a newer glibc than
# stable Debian has. This script downloads that package, what Godot loads at run
# time for a window (libGL and libEGL through glvnd, Mesa's drivers, keyboard
# maps), fonts (Noto Color Emoji included) and every library they need with apt,
# using a private sources list and private apt state (the system's own apt
# configuration and dpkg database are never read or changed), and unpacks them
# with `dpkg -x` into a private root. The godot binary's ELF interpreter and
# library path are then pointed into that root (with patchelf, from the same
# root), so it runs as itself: Play in the editor re-executes the editor's own
# binary for the game, which must be Godot, not a dynamic loader. The wrapper
# only sets variables that point Mesa, glvnd, fontconfig and xkbcommon into the
# root.
#
# Usage:   scripts/install-godot.sh            # install if needed, print the wrapper path
#          "$(scripts/install-godot.sh)" --headless --version
#          "$(scripts/install-godot.sh)" --editor --path examples/godot_demo    # needs a display
# Cache:   $GODOT_CACHE_DIR, default ${XDG_CACHE_HOME:-$HOME/.cache}/tiktok-live-bridge/godot
# Mirror:  $DEBIAN_MIRROR, default http://deb.debian.org/debian
# Rebuild: scripts/install-godot.sh --force
#
# Needs: a Debian-based x86_64 host with apt-get, dpkg and debian-archive-keyring.
# Idempotent: a finished install of this layout is reused (checked with `godot --version`).
set -euo pipefail

CACHE="${GODOT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tiktok-live-bridge/godot}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
KEYRING="${DEBIAN_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}"
WRAPPER="$CACHE/godot"
LAYOUT="layout 2" # changed when the install changes: older installs are redone
FORCE=0
[ "${1:-}" = "--force" ] && FORCE=1

log() { echo "install-godot: $*" >&2; }

installed() {
    [ "$FORCE" = 0 ] && [ -x "$WRAPPER" ] && [ -f "$CACHE/.complete" ] &&
        [ "$(head -n 1 "$CACHE/.complete")" = "$LAYOUT" ] &&
        "$WRAPPER" --headless --version >/dev/null 2>&1
}

if installed; then
    echo "$WRAPPER"
    exit 0
fi

[ "$(uname -m)" = x86_64 ] || { log "only x86_64 is supported (got $(uname -m))"; exit 1; }
for tool in apt-get apt-cache dpkg; do
    command -v "$tool" >/dev/null || { log "$tool not found: this script needs a Debian-based host"; exit 1; }
done
[ -r "$KEYRING" ] || { log "$KEYRING not found (install debian-archive-keyring)"; exit 1; }

mkdir -p "$CACHE"
# One installer at a time (pytest and a developer may start it together).
exec 9>"$CACHE/.lock"
if command -v flock >/dev/null; then flock 9; fi
if installed; then
    echo "$WRAPPER"
    exit 0
fi

rm -rf "$CACHE/apt" "$CACHE/debs" "$CACHE/root" "$CACHE/fontconfig" "$CACHE/.complete" "$WRAPPER"
APT="$CACHE/apt"
mkdir -p "$APT/etc/preferences.d" "$APT/etc/apt.conf.d" "$APT/state/lists/partial" \
    "$APT/cache/archives/partial" "$CACHE/debs" "$CACHE/root"
: >"$APT/state/status" # an empty dpkg database: apt resolves the full closure
echo "deb [signed-by=$KEYRING] $MIRROR sid main" >"$APT/etc/sources.list"

APTOPTS=(
    -o "Dir::Etc::sourcelist=$APT/etc/sources.list"
    -o "Dir::Etc::sourceparts=-"
    -o "Dir::Etc::preferencesparts=$APT/etc/preferences.d"
    -o "Dir::Etc::parts=$APT/etc/apt.conf.d"
    -o "Dir::State=$APT/state"
    -o "Dir::State::status=$APT/state/status"
    -o "Dir::Cache=$APT/cache"
    -o "Debug::NoLocking=1"
    -o "APT::Architecture=amd64"
    -o "APT::Architectures=amd64"
    -o "APT::Sandbox::User=$(id -un)"
    -o "APT::Get::List-Cleanup=0"
    -q
)

log "fetching the sid package index from $MIRROR"
apt-get "${APTOPTS[@]}" update >/dev/null

# Godot, what it dlopens for a window, an emoji font and patchelf, resolved by
# apt against an empty system...
WANT=(godot libgl1 libglx-mesa0 libegl1 libegl-mesa0 libgl1-mesa-dri xkb-data fonts-noto-color-emoji patchelf)
mapfile -t ALL < <(apt-get "${APTOPTS[@]}" -s --no-install-recommends install "${WANT[@]}" |
    awk '$1 == "Inst" { print $2 }')
[ "${#ALL[@]}" -gt 0 ] || { log "apt could not resolve ${WANT[*]} in sid"; exit 1; }
# ...minus maintainer-script helpers and CPU checks (nothing is configured, only unpacked).
SKIP='^(debconf|sysvinit-utils|lsb-base|isa-support|sse4\.2-support)$'
PKGS=()
for p in "${ALL[@]}"; do
    [[ "$p" =~ $SKIP ]] || PKGS+=("$p")
done
log "downloading ${#PKGS[@]} packages (of ${#ALL[@]} in the full closure)"
(cd "$CACHE/debs" && apt-get "${APTOPTS[@]}" download "${PKGS[@]}" >/dev/null)

log "unpacking into $CACHE/root"
for deb in "$CACHE"/debs/*.deb; do
    dpkg -x "$deb" "$CACHE/root"
done

ROOT="$CACHE/root"
LIBS="$ROOT/usr/lib/x86_64-linux-gnu"
LOADER="$LIBS/ld-linux-x86-64.so.2"
[ -x "$ROOT/usr/bin/godot" ] && [ -e "$LOADER" ] || { log "godot or the loader is missing after unpacking"; exit 1; }

# godot runs as itself: interpreter and DT_RPATH in the root (DT_RPATH, unlike
# RUNPATH, also serves what its libraries dlopen: libGL, Mesa, fontconfig...).
"$LOADER" --library-path "$LIBS" "$ROOT/usr/bin/patchelf" --set-interpreter "$LOADER" \
    --force-rpath --set-rpath "$LIBS:$LIBS/pulseaudio" "$ROOT/usr/bin/godot"
# A library with its own RUNPATH (libpulse: .../pulseaudio; libLLVM: $ORIGIN/../lib) does
# not see the executable's DT_RPATH for its own dependencies: put the root first in it.
while IFS= read -r -d '' lib; do
    path=$("$LOADER" --library-path "$LIBS" "$ROOT/usr/bin/patchelf" --print-rpath "$lib" 2>/dev/null || true)
    if [ -n "$path" ]; then
        "$LOADER" --library-path "$LIBS" "$ROOT/usr/bin/patchelf" --set-rpath "$LIBS:${path//\/usr/$ROOT/usr}" "$lib"
    fi
done < <(find "$LIBS" -name '*.so*' -type f -print0)

# Every library Godot links must come from the private root, not the host.
MISSING=$("$LOADER" --list "$ROOT/usr/bin/godot" | grep -v -e "$ROOT" -e 'linux-vdso' || true)
if [ -n "$MISSING" ]; then
    log "libraries not found in the private root:"
    echo "$MISSING" >&2
    exit 1
fi

# fontconfig (Godot's system fonts, e.g. the demo's emoji fallback) sees the root's fonts only.
mkdir -p "$CACHE/fontconfig"
cat >"$CACHE/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>$ROOT/usr/share/fonts</dir>
  <cachedir>$CACHE/fontconfig</cachedir>
</fontconfig>
EOF

cat >"$WRAPPER" <<EOF
#!/bin/sh
# Generated by scripts/install-godot.sh: Debian sid's Godot with its own libraries.
ROOT="$ROOT"
LIBS="\$ROOT/usr/lib/x86_64-linux-gnu"
export LIBGL_DRIVERS_PATH="\$LIBS/dri"
export GBM_BACKENDS_PATH="\$LIBS/gbm"
export __EGL_VENDOR_LIBRARY_DIRS="\$ROOT/usr/share/glvnd/egl_vendor.d"
export FONTCONFIG_FILE="$CACHE/fonts.conf"
export XKB_CONFIG_ROOT="\$ROOT/usr/share/X11/xkb"
exec "\$ROOT/usr/bin/godot" "\$@"
EOF
chmod +x "$WRAPPER"

VERSION=$("$WRAPPER" --headless --version 2>/dev/null | tail -n 1)
[ -n "$VERSION" ] || { log "the installed godot does not start"; exit 1; }
rm -rf "$APT" "$CACHE/debs" # keep only the unpacked root and the wrapper
printf '%s\n%s\n' "$LAYOUT" "$VERSION" >"$CACHE/.complete"
log "installed Godot $VERSION"
echo "$WRAPPER"
