"""A minimal protobuf wire encoder.

The bridge encodes a handful of messages itself: the heartbeat, ack and enter-room
frames it sends to TikTok, and every frame the simulator and the fake TikTok
produce. Each helper returns the bytes of one field (tag plus value); a message is
the concatenation of its fields, in whatever order the caller chooses, which is how
the simulator reproduces TikTok's out-of-order serialization. Zero values are
written as given: callers omit what proto3 would omit.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "VARINT",
    "FIXED64",
    "LEN",
    "FIXED32",
    "varint",
    "tag",
    "int_field",
    "bool_field",
    "bytes_field",
    "str_field",
    "message_field",
    "packed_field",
    "map_entry",
]

VARINT, FIXED64, LEN, FIXED32 = 0, 1, 2, 5


def varint(value: int) -> bytes:
    """Encode an integer as a base-128 varint; negative values use 10 bytes."""
    if value < 0:
        value += 1 << 64
    out = bytearray()
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def tag(number: int, wire_type: int) -> bytes:
    """Encode a field key."""
    return varint(number << 3 | wire_type)


def int_field(number: int, value: int) -> bytes:
    """An int32/int64/uint64/enum field."""
    return tag(number, VARINT) + varint(value)


def bool_field(number: int, value: bool) -> bytes:
    """A bool field."""
    return tag(number, VARINT) + (b"\x01" if value else b"\x00")


def bytes_field(number: int, value: bytes) -> bytes:
    """A bytes field, or an already-encoded embedded message."""
    return tag(number, LEN) + varint(len(value)) + value


def str_field(number: int, value: str) -> bytes:
    """A string field, UTF-8 encoded."""
    return bytes_field(number, value.encode("utf-8"))


def message_field(number: int, *fields: bytes) -> bytes:
    """An embedded message made of the given encoded fields."""
    return bytes_field(number, b"".join(fields))


def packed_field(number: int, values: Iterable[int]) -> bytes:
    """A packed repeated varint field."""
    return bytes_field(number, b"".join(varint(v) for v in values))


def map_entry(number: int, key: bytes, value: bytes) -> bytes:
    """One entry of a map field: ``key`` and ``value`` are encoded fields 1 and 2."""
    return bytes_field(number, key + value)
