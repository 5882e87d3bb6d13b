"""Shared fixtures: every decoder test runs against both implementations."""

from __future__ import annotations

import os
from types import ModuleType

import pytest

from bridge import codec

IMPLEMENTATIONS = codec.implementations()


@pytest.fixture(params=["python", "cython"])
def impl(request: pytest.FixtureRequest) -> ModuleType:
    """The decoder implementation under test (``bridge.codec._pure`` or ``bridge._native``)."""
    name = request.param
    if name not in IMPLEMENTATIONS:
        if os.environ.get("BRIDGE_REQUIRE_NATIVE") == "1":
            pytest.fail("bridge._native is missing but BRIDGE_REQUIRE_NATIVE=1")
        pytest.skip("bridge._native is not built")
    return IMPLEMENTATIONS[name]
