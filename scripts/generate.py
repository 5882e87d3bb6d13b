#!/usr/bin/env python3
"""Regenerate every generated file, or check that the committed ones are current.

Usage: python scripts/generate.py [--check] [--only STEP ...]

Steps, in order (docs/architecture.md, "Generators"):

* contract: bridge/contract.py -> docs/events.md, docs/contract.json (scripts/gen_contract.py);
* godot: docs/contract.json -> godot_addon/addons/tiktok_bridge/contract.gd
  (godot_addon/tools/gen_contract.py);
* unreal: docs/contract.json -> the Unreal plugin's structs, decoders, delegates and
  constants, tests/cpp/generated/, the table in docs/unreal.md (unreal_plugin/tools/gen_events.py);
* wire: proto/webcast.proto + bridge/contract.py -> the codec's field tables and
  decoders (scripts/gen_wire.py).

The engine steps read the contract the contract step renders, so one run is
consistent even from a stale docs/contract.json. With --check nothing is written
and the exit status is 1 if any file is stale (2 if the schema is wrong).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

import _generated
import gen_contract
import gen_wire

ROOT = Path(__file__).resolve().parent.parent
CONTRACT_JSON = Path("docs") / "contract.json"


def _tool(path: Path) -> ModuleType:
    """An engine generator, loaded from its file (the engine folders are not packages)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _godot(contract: dict[str, object]) -> dict[Path, str]:
    outputs: dict[Path, str] = _tool(ROOT / "godot_addon" / "tools" / "gen_contract.py").outputs(contract)
    return outputs


def _unreal(contract: dict[str, object]) -> dict[Path, str]:
    outputs: dict[Path, str] = _tool(ROOT / "unreal_plugin" / "tools" / "gen_events.py").outputs(contract)
    return outputs


ENGINE_STEPS: dict[str, Callable[[dict[str, object]], dict[Path, str]]] = {"godot": _godot, "unreal": _unreal}
STEPS = ("contract", *ENGINE_STEPS, "wire")


def outputs(steps: Sequence[str] = STEPS) -> dict[Path, str]:
    """Every file the chosen steps generate: path relative to the repository -> text."""
    contract_files = gen_contract.outputs()
    files = {path: text for path, text in contract_files.items() if "contract" in steps}
    contract = json.loads(contract_files[CONTRACT_JSON])
    for step, render in ENGINE_STEPS.items():
        if step in steps:
            files.update(render(contract))
    if "wire" in steps:
        files.update(gen_wire.render(gen_wire.PROTO))
    return files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is stale")
    parser.add_argument("--only", action="append", choices=STEPS, help="run only this step (repeatable)")
    args = parser.parse_args(argv)
    steps = args.only or STEPS
    try:
        files = outputs(steps)
    except (gen_wire.SchemaError, RuntimeError) as exc:
        print(f"generate: {exc}", file=sys.stderr)
        return 2
    return _generated.run(files, ROOT, args.check, "scripts/generate.py")


if __name__ == "__main__":
    sys.exit(main())
