#!/usr/bin/env bash
# Installs a headless-capable Godot 4 without touching the system, and prints the
# path of a `godot` wrapper script.
#
# Debian's sid suite packages Godot 4 (`godot`), built against a newer glibc than
# stable Debian has. This script downloads that package and the library packages
# it needs with apt, using a private sources list and private apt state (the
# system's own apt configuration and dpkg database are never read or changed),
# unpacks them with `dpkg -x` into a private root, and writes a wrapper that starts
# Godot through that root's own dynamic loader and libraries. Fonts, debconf,
# LLVM and GPU drivers are left out: headless Godot needs none of them.
#
# Usage:   scripts/install-godot.sh            # install if needed, print the wrapper path
#          "$(scripts/install-godot.sh)" --headless --version
# Cache:   $GODOT_CACHE_DIR, default ${XDG_CACHE_HOME:-$HOME/.cache}/tiktok-live-bridge/godot
# Mirror:  $DEBIAN_MIRROR, default http://deb.debian.org/debian
# Rebuild: scripts/install-godot.sh --force
#
# Needs: a Debian-based x86_64 host with apt-get, dpkg and debian-archive-keyring.
# Idempotent: a finished install is reused (checked with `godot --version`).
set -euo pipefail

CACHE="${GODOT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tiktok-live-bridge/godot}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
KEYRING="${DEBIAN_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}"
WRAPPER="$CACHE/godot"
FORCE=0
[ "${1:-}" = "--force" ] && FORCE=1

log() { echo "install-godot: $*" >&2; }

if [ "$FORCE" = 0 ] && [ -x "$WRAPPER" ] && [ -f "$CACHE/.complete" ] &&
    "$WRAPPER" --headless --version >/dev/null 2>&1; then
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
if [ "$FORCE" = 0 ] && [ -x "$WRAPPER" ] && [ -f "$CACHE/.complete" ] &&
    "$WRAPPER" --headless --version >/dev/null 2>&1; then
    echo "$WRAPPER"
    exit 0
fi

rm -rf "$CACHE/apt" "$CACHE/debs" "$CACHE/root" "$CACHE/.complete" "$WRAPPER"
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

# Everything `godot` needs, resolved by apt against an empty system...
mapfile -t ALL < <(apt-get "${APTOPTS[@]}" -s --no-install-recommends install godot |
    awk '$1 == "Inst" { print $2 }')
[ "${#ALL[@]}" -gt 0 ] || { log "apt could not resolve godot in sid"; exit 1; }
# ...minus what a headless run never loads: fonts, debconf, LLVM, Mesa's GPU
# drivers (libgbm, the loader libSDL3 links, stays), hardware databases and
# maintainer-script helpers (nothing is configured, only unpacked).
SKIP='^(fonts-.*|fontconfig-config|debconf|libllvm[0-9]*|mesa-.*|libgl1-mesa-dri|libdrm-(amdgpu|intel|nouveau|radeon).*|pci\.ids|libsensors.*|libz3-.*|libxml2.*|libedit.*|sysvinit-utils|lsb-base|x11-common|isa-support|sse4\.2-support|xkb-data|libpciaccess.*)$'
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

# Every library Godot links must come from the private root, not the host.
MISSING=$("$LOADER" --library-path "$LIBS:$LIBS/pulseaudio" --list "$ROOT/usr/bin/godot" |
    grep -v -e "$ROOT" -e 'linux-vdso' || true)
if [ -n "$MISSING" ]; then
    log "libraries not found in the private root:"
    echo "$MISSING" >&2
    exit 1
fi

cat >"$WRAPPER" <<EOF
#!/bin/sh
# Generated by scripts/install-godot.sh: Debian sid's Godot, run through its own loader.
ROOT="$ROOT"
LIBS="\$ROOT/usr/lib/x86_64-linux-gnu"
exec "\$LIBS/ld-linux-x86-64.so.2" --library-path "\$LIBS:\$LIBS/pulseaudio" "\$ROOT/usr/bin/godot" "\$@"
EOF
chmod +x "$WRAPPER"

VERSION=$("$WRAPPER" --headless --version 2>/dev/null | tail -n 1)
[ -n "$VERSION" ] || { log "the installed godot does not start"; exit 1; }
rm -rf "$APT" "$CACHE/debs" # keep only the unpacked root and the wrapper
echo "$VERSION" >"$CACHE/.complete"
log "installed Godot $VERSION"
echo "$WRAPPER"
