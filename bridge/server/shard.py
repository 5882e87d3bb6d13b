"""Stable assignment of creators to daemons when several split a room list."""

from __future__ import annotations

import zlib

__all__ = ["shard_of"]


def shard_of(target: str | int, count: int) -> int:
    """The shard (``0 .. count-1``) that owns a creator (uniqueId) or room id.

    The hash is CRC-32 of the lower-cased name, so every daemon and the
    forwarder agree without talking to each other, and it never changes
    between runs or Python versions.
    """
    key = str(target).strip().lstrip("@").lower()
    return zlib.crc32(key.encode("utf-8")) % count
