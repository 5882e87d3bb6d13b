"""Webcast decoding: the compiled implementation when available, else pure Python.

``bridge._native`` (compiled from ``native/_native.pyx``) is used unless
``BRIDGE_PUREPYTHON=1`` is set or it was not built; ``IMPLEMENTATION`` says which
one is active. With ``BRIDGE_REQUIRE_NATIVE=1`` a missing extension is an error
instead of a silent fallback (CI sets it). Both implementations expose the same
functions, raise the same :mod:`bridge.errors` exceptions and give identical
events for identical input. :func:`decode_fields` and :func:`decode_client_frame`
(:mod:`bridge.codec.fields`) decode whole messages by their schema names.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from types import ModuleType
from typing import Any

from ..frames import FetchResult, PushFrame
from . import _pure
from .fields import decode_client_frame, decode_fields

__all__ = [
    "IMPLEMENTATION",
    "decode_client_frame",
    "decode_fetch_result",
    "decode_fields",
    "decode_frame",
    "decode_message",
    "implementations",
]

PUBLIC_API = ("decode_message", "decode_fetch_result", "decode_frame")


def _load_native() -> ModuleType | None:
    try:
        from .. import _native
    except ImportError:
        if os.environ.get("BRIDGE_REQUIRE_NATIVE") == "1":
            raise ImportError(
                "bridge._native is not built but BRIDGE_REQUIRE_NATIVE=1: "
                "reinstall with a C compiler available (pip install .)"
            ) from None
        return None
    native: ModuleType = _native
    missing = [name for name in PUBLIC_API if not hasattr(native, name)]
    if missing:
        raise ImportError(f"bridge._native lacks {', '.join(missing)}: rebuild it")
    return native


def implementations() -> dict[str, ModuleType]:
    """Every implementation importable here, by name (``python``, ``cython``)."""
    found = {"python": _pure}
    native = _load_native()
    if native is not None:
        found["cython"] = native
    return found


_active: ModuleType = _pure
if os.environ.get("BRIDGE_PUREPYTHON") != "1":
    _active = _load_native() or _pure

IMPLEMENTATION: str = "cython" if _active is not _pure else "python"
"""``"cython"`` or ``"python"``: the implementation behind the functions below."""

MISSING_NATIVE = (
    "the compiled decoder (bridge._native) is not installed: decoding runs in pure Python, several times "
    "slower. Fix: install a prebuilt wheel for this platform (pip install tiktok_live_bridge-*.whl), or "
    "reinstall from source with a C compiler available (pip install .; on Windows the Microsoft C++ Build "
    "Tools). BRIDGE_PUREPYTHON=1 chooses pure Python on purpose and silences this"
)
"""What the daemon logs once at start-up when it runs without ``bridge._native``."""

decode_message: Callable[[str, bytes], dict[str, Any] | None] = _active.decode_message
decode_fetch_result: Callable[[bytes], FetchResult] = _active.decode_fetch_result
decode_frame: Callable[[bytes], PushFrame] = _active.decode_frame
