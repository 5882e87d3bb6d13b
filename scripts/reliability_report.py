#!/usr/bin/env python3
"""Run every fault scenario of tests/faults.py and print the table for docs/reliability.md.

Usage: python scripts/reliability_report.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from faults import SCENARIOS, run_scenario  # noqa: E402


def main() -> int:
    print("| fault | `sys.status` reasons | recovery (s) | sent | published | lost | duplicated |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    failed = False
    for name in SCENARIOS:
        outcome = run_scenario(name)
        reasons = ", ".join(sorted(set(outcome.reasons))) or "none (no outage)"
        recovery = ", ".join(f"{r:.2f}" for r in outcome.recovery) or "-"
        print(
            f"| {name} | {reasons} | {recovery} | {outcome.sent} | {outcome.published} |"
            f" {outcome.lost} | {outcome.duplicates} |"
        )
        failed |= bool(outcome.lost or outcome.duplicates)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
