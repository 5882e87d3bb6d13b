"""Generates godot_addon/addons/tiktok_bridge/contract.gd from docs/contract.json.

The addon needs the contract at run time (event types, field types for
``TikTokBridge.with_defaults``, the shared defaults) without Python, so it ships
a GDScript copy. ``python scripts/generate.py`` runs this (``--check``: fail
while the file is stale, as tests/test_godot.py does).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "godot_addon" / "addons" / "tiktok_bridge" / "contract.gd"


def _gd(value: object) -> str:
    """A GDScript literal (JSON syntax is valid GDScript for str, list, dict)."""
    return json.dumps(value, ensure_ascii=False)


def render(contract: dict[str, Any]) -> str:
    events = [e for e in contract["events"] if not e["system"]]
    system = [e for e in contract["events"] if e["system"]]
    lines = [
        "@tool",
        "extends RefCounted",
        "## The event contract, generated from docs/contract.json by",
        "## godot_addon/tools/gen_contract.py. Do not edit.",
        "##",
        "## Field types: int, float, str, bool, bin, map, event (a nested event map),",
        "## a struct name (a map), or [T] (a list of T).",
        "",
        f"const VERSION := {int(contract['version'])}",
        "",
        "## Upstream event types, in contract order.",
        f"const EVENT_TYPES: Array[String] = {_gd([e['name'] for e in events])}",
        "",
        "## Daemon messages that are not upstream events.",
        f"const SYSTEM_TYPES: Array[String] = {_gd([e['name'] for e in system])}",
        "",
        "## Keys every upstream event carries besides its own, and their types.",
        f"const ENVELOPE := {_gd({f['name']: f['type'] for f in contract['envelope']})}",
        "",
        "## Each event type's own keys and their types.",
        "const EVENTS := {",
    ]
    for e in contract["events"]:
        lines.append(f"\t{_gd(e['name'])}: {_gd({f['name']: f['type'] for f in e['fields']})},")
    lines += ["}", "", "## Struct keys and their types.", "const STRUCTS := {"]
    for s in contract["structs"]:
        lines.append(f"\t{_gd(s['name'])}: {_gd({f['name']: f['type'] for f in s['fields']})},")
    lines += [
        "}",
        "",
        "## Webcast methods that produce no event.",
        f"const IGNORED_METHODS: Array[String] = {_gd(contract['ignoredMethods'])}",
        "",
        "# Values the daemon and the engines share (docs/events.md, Defaults).",
    ]
    for d in contract["defaults"]:
        name = "".join(f"_{c}" if c.isupper() else c.upper() for c in d["name"])
        value = d["value"]
        literal = repr(value) if isinstance(value, float) else _gd(value)
        lines += [f"## {d['doc']}", f"const {name} := {literal}"]
    lines.append("")
    return "\n".join(lines)


def outputs(contract: dict[str, Any]) -> dict[Path, str]:
    """The file this generator owns (relative to the repository) and its text."""
    return {TARGET.relative_to(ROOT): render(contract)}
