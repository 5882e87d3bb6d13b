"""A bounded soak in CI: steady events, a fault every 5 s, nothing leaks or goes missing."""

from __future__ import annotations

import asyncio

import pytest
from soak import soak


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
