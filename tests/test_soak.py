"""Bounded soaks in CI: steady events with a fault every 5 s, and the default `run` as users run it."""

from __future__ import annotations

import asyncio
import os

import pytest
from soak import default_soak, soak


@pytest.mark.slow
def test_soak_45_seconds_with_faults() -> None:
    result = asyncio.run(soak(seconds=45, rate=300))
    print(result)
    assert result["faults"] >= 8 and result["reconnects"] >= result["faults"] * 3 // 4
    assert result["lost"] == 0 and result["duplicates"] == 0
    assert result["sent"] > 45 * 200
    assert result["fdsEnd"] <= result["fdsStart"] + 2
    assert result["tasksEnd"] <= result["tasksStart"] + 1
    assert result["rssGrowthPct"] < 10


@pytest.mark.slow
def test_default_run_memory_and_descriptors_are_flat() -> None:
    """`python -m bridge run --rate 300` as a user runs it (embedded fake, console on), a SUB reading it all.

    ``BRIDGE_SOAK_SECONDS`` sets the length (60 by default; docs/reliability.md gives a 600 s run).
    """
    seconds = float(os.environ.get("BRIDGE_SOAK_SECONDS", "60"))
    result = asyncio.run(default_soak(seconds=seconds, rate=300))
    print({k: v for k, v in result.items() if k != "samples"})
    assert result["exitCode"] == 0 and result["tracebacks"] == 0
    assert result["gaps"] == 0 and result["msgPerSecond"] > 200
    assert result["fdsMin"] == result["fdsMax"]
    assert result["rssSpreadPct"] <= 5, result["samples"]
