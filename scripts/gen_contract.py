#!/usr/bin/env python3
"""Write docs/events.md and docs/contract.json from bridge/contract.py, then the engine clients' code.

Usage: python scripts/gen_contract.py [--check]
With --check, exit 1 (and write nothing) if any generated file is stale. After
the docs it runs the engine clients' generators, which read docs/contract.json:
godot_addon/tools/gen_contract.py and unreal_plugin/tools/gen_events.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bridge.contract import render_json, render_markdown  # noqa: E402

CLIENT_GENERATORS = [
    ROOT / "godot_addon" / "tools" / "gen_contract.py",
    ROOT / "unreal_plugin" / "tools" / "gen_events.py",
]
OUTPUTS = {ROOT / "docs" / "events.md": render_markdown, ROOT / "docs" / "contract.json": render_json}


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = []
    for path, render in OUTPUTS.items():
        text = render()
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(path.relative_to(ROOT))
            if not check:
                path.write_text(text, encoding="utf-8")
    if check and stale:
        print("stale, run scripts/gen_contract.py:", *stale, file=sys.stderr)
        return 1
    status = 0
    for generator in CLIENT_GENERATORS:
        status |= subprocess.run([sys.executable, str(generator), *sys.argv[1:]], check=False).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
