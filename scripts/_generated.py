"""Write generated files or check that the committed ones are current: the helper every generator uses."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path


def write_or_check(outputs: Mapping[Path, str], root: Path, check: bool) -> list[Path]:
    """Write each output (a path relative to ``root`` -> its text) unless it is current.

    Returns the stale paths; with ``check`` nothing is written.
    """
    stale = []
    for path, text in outputs.items():
        target = root / path
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != text:
            stale.append(path)
            if not check:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8", newline="\n")
    return stale


def run(outputs: Mapping[Path, str], root: Path, check: bool, command: str) -> int:
    """:func:`write_or_check`, reported: the exit status (1 when ``check`` finds a stale file)."""
    stale = write_or_check(outputs, root, check)
    for path in stale:
        if check:
            print(f"stale: {path.as_posix()}", file=sys.stderr)
        else:
            print(f"wrote {path.as_posix()}")
    if check and stale:
        print(f"run: python {command}", file=sys.stderr)
        return 1
    return 0
