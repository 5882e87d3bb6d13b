#!/usr/bin/env python3
"""Release packages of the engine plugins, checked by tests/test_packaging.py.

    python scripts/package_engines.py godot [--out dist]
        dist/tiktok_bridge-godot-<version>.zip: one root folder holding only
        addons/tiktok_bridge/ (with LICENSE and icon.png inside it), the layout
        the Godot Asset Library's installer expects (it strips the root folder
        and installs the rest into res://, so nothing lands outside the addon).

    python scripts/package_engines.py unreal --base-url URL [--engine-version 5.3.0] [--out dist]
        dist/TikTokBridge-<version>-UE<major.minor>.zip: TikTokBridge/ with the
        .uplugin (its CreatedByURL, DocsURL and SupportURL filled from URL, and
        EngineVersion), Source/, Resources/Icon128.png, Config/FilterPlugin.ini,
        README.md and LICENSE: the source layout Fab (the Unreal Marketplace)
        takes for a code plugin. No Binaries/ or Intermediate/: Fab builds those.

Archives are deterministic: sorted entries, fixed timestamps and permissions.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GODOT_ADDON = ROOT / "godot_addon" / "addons" / "tiktok_bridge"
UNREAL_PLUGIN = ROOT / "unreal_plugin" / "TikTokBridge"
LICENSE = ROOT / "LICENSE"
STAMP = (2024, 1, 1, 0, 0, 0)
# Build output and editor caches never go into a package.
SKIPPED = re.compile(
    r"(^|/)(\.godot|Binaries|Intermediate|Saved|DerivedDataCache|__pycache__)(/|$)|\.import$"
)


def _files(base: Path) -> list[Path]:
    return sorted(
        p for p in base.rglob("*") if p.is_file() and not SKIPPED.search(p.relative_to(base).as_posix())
    )


def _write_zip(path: Path, entries: dict[str, bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, STAMP)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, entries[name])
    return path


def godot_version() -> str:
    m = re.search(r'^version="([^"]+)"', (GODOT_ADDON / "plugin.cfg").read_text(encoding="utf-8"), re.M)
    if m is None:
        raise SystemExit("godot_addon/addons/tiktok_bridge/plugin.cfg has no version")
    return m.group(1)


def package_godot(out: Path) -> Path:
    version = godot_version()
    root = f"tiktok_bridge-godot-{version}/addons/tiktok_bridge/"
    entries = {root + p.relative_to(GODOT_ADDON).as_posix(): p.read_bytes() for p in _files(GODOT_ADDON)}
    entries[root + "LICENSE"] = LICENSE.read_bytes()
    entries[root + "icon.png"] = (ROOT / "godot_addon" / "icon.png").read_bytes()
    return _write_zip(out / f"tiktok_bridge-godot-{version}.zip", entries)


def unreal_descriptor(base_url: str, engine_version: str) -> dict[str, object]:
    """The .uplugin of the package: the repository's, with the public URLs and engine version."""
    descriptor: dict[str, object] = json.loads((UNREAL_PLUGIN / "TikTokBridge.uplugin").read_text("utf-8"))
    base = base_url.rstrip("/")
    descriptor["CreatedByURL"] = base
    descriptor["DocsURL"] = f"{base}/blob/main/docs/unreal.md"
    descriptor["SupportURL"] = f"{base}/issues"
    descriptor["EngineVersion"] = engine_version
    return descriptor


def package_unreal(out: Path, base_url: str, engine_version: str) -> Path:
    if not re.fullmatch(r"https://[^\s/]+(/[^\s]*)?", base_url):
        raise SystemExit(f"--base-url must be an https:// URL, got {base_url!r}")
    if not re.fullmatch(r"5\.\d+\.\d+", engine_version):
        raise SystemExit(f"--engine-version must look like 5.3.0, got {engine_version!r}")
    descriptor = unreal_descriptor(base_url, engine_version)
    entries = {}
    for p in _files(UNREAL_PLUGIN):
        rel = p.relative_to(UNREAL_PLUGIN).as_posix()
        if rel != "TikTokBridge.uplugin":
            entries["TikTokBridge/" + rel] = p.read_bytes()
    entries["TikTokBridge/TikTokBridge.uplugin"] = (json.dumps(descriptor, indent="\t") + "\n").encode()
    entries["TikTokBridge/LICENSE"] = LICENSE.read_bytes()
    major_minor = ".".join(engine_version.split(".")[:2])
    return _write_zip(out / f"TikTokBridge-{descriptor['VersionName']}-UE{major_minor}.zip", entries)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="engine", required=True)
    godot = sub.add_parser("godot", help="the Godot Asset Library zip")
    godot.add_argument("--out", type=Path, default=ROOT / "dist")
    unreal = sub.add_parser("unreal", help="the Fab (Unreal Marketplace) source package")
    unreal.add_argument("--out", type=Path, default=ROOT / "dist")
    unreal.add_argument("--base-url", required=True, help="the project's public https:// address")
    unreal.add_argument("--engine-version", default="5.3.0")
    args = parser.parse_args(argv)
    if args.engine == "godot":
        path = package_godot(args.out)
    else:
        path = package_unreal(args.out, args.base_url, args.engine_version)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
