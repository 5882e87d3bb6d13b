#!/usr/bin/env python3
"""Write docs/events.md and docs/contract.json from bridge/contract.py, then the engine clients' code.

Usage: python scripts/gen_contract.py [--check]
The contract's steps of scripts/generate.py (contract, godot, unreal); with
--check, exit 1 (and write nothing) if any of their files is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

import gen_wire

from bridge.contract import render_json, render_markdown


def outputs() -> dict[Path, str]:
    """docs/events.md (with the generated decoders' wire sources, from the schema) and docs/contract.json
    (relative to the repository) and their text."""
    events = render_markdown(gen_wire.sources())
    return {Path("docs") / "events.md": events, Path("docs") / "contract.json": render_json()}


if __name__ == "__main__":
    import generate

    sys.exit(generate.main(["--only", "contract", "--only", "godot", "--only", "unreal", *sys.argv[1:]]))
