"""Type stub of the compiled webcast decoder (``native/_native.pyx``).

Same public API as :mod:`bridge.codec._pure`; see there for the documentation.
"""

from typing import Any

from .frames import FetchResult, PushFrame

__all__ = [
    "decode_fetch_result",
    "decode_frame",
    "decode_message",
    "METHODS",
    "IGNORED_METHODS",
]

METHODS: dict[str, int]
"""Webcast method -> internal decoder code. Names also arrive without the ``Webcast`` prefix."""

IGNORED_METHODS: frozenset[str]
"""Methods that carry nothing for games: no event (``bridge.contract.IGNORED_METHODS``)."""

MAX_FRAME_BYTES: int
MAX_MESSAGES_PER_FRAME: int

def decode_message(method: str, payload: bytes | bytearray | memoryview) -> dict[str, Any] | None: ...
def decode_fetch_result(data: bytes | bytearray | memoryview) -> FetchResult: ...
def decode_frame(data: bytes | bytearray | memoryview) -> PushFrame: ...
