"""Any webcast message by its schema field names, driven by the generated field table.

The event decoders read only what the contract needs, as fast as they can; this
decodes any message of ``proto/webcast.proto`` completely and slowly, for the
places that look at whole messages: the fake TikTok reading what a client sent,
tests, tools. Embedded messages stay bytes (decode them again by their type),
so a caller can keep a message's exact bytes.
"""

from __future__ import annotations

import struct
from typing import Any

from ..errors import DecodeError, TruncatedError
from ..frames import ClientFrame, gunzip, is_gzip
from . import _pure
from ._scan import _fields, _s64, _varint
from ._schema import MAP_ENTRIES, MESSAGES, WireField

__all__ = ["CLIENT_PAYLOADS", "decode_client_frame", "decode_fields"]

CLIENT_PAYLOADS = {"hb": "HeartBeatMessage", "im_enter_room": "WebcastImEnterRoomMessage"}
"""Client push-frame ``payload_type`` -> the message its payload holds."""

_SIGNED = {"int64", "int32", "enum"}
_ZIGZAG = {"sint64", "sint32"}
_FIXED = {"fixed64": "<Q", "sfixed64": "<q", "double": "<d", "fixed32": "<I", "sfixed32": "<i", "float": "<f"}
_DEFAULTS: dict[str, Any] = {"bool": False, "string": "", "bytes": b"", "double": 0.0, "float": 0.0}


def _number(kind: str, raw: int, size: int) -> Any:
    """A varint (``size`` 0) or fixed-size value of a numeric or bool field."""
    if kind in _FIXED:
        return struct.unpack(_FIXED[kind], raw.to_bytes(size, "little"))[0]
    if kind in _SIGNED:
        return _s64(raw)
    if kind in _ZIGZAG:
        return (raw >> 1) ^ -(raw & 1)
    return bool(raw) if kind == "bool" else raw


def _packed(kind: str, data: bytes, x: int, y: int) -> list[Any]:
    if kind in _FIXED:
        size = struct.calcsize(_FIXED[kind])
        if (y - x) % size:
            raise TruncatedError(f"packed {kind} field of {y - x} bytes")
        return [value for (value,) in struct.iter_unpack(_FIXED[kind], data[x:y])]
    values = []
    while x < y:
        raw, x = _varint(data, x)
        values.append(_number(kind, raw, 0))
    if x > y:
        raise TruncatedError("packed varint runs past the end of its field")
    return values


def _wires(field: WireField) -> tuple[int, ...]:
    """The wire types a field may arrive with: repeated numbers packed (2) or not."""
    if field.type in ("string", "bytes") or field.type in MESSAGES:
        return (2,)
    single = 1 if _FIXED.get(field.type, "").endswith(("Q", "q", "d")) else 5 if field.type in _FIXED else 0
    return (single, 2) if field.repeated else (single,)


def _value(field: WireField, data: bytes, wire: int, x: int, y: int) -> Any:
    if field.type == "string":
        return data[x:y].decode("utf-8", "replace")
    if wire != 2:
        return _number(field.type, x, {1: 8, 5: 4}.get(wire, 0))
    if field.type == "bytes" or field.type in MESSAGES:
        return data[x:y]
    return _packed(field.type, data, x, y)


def decode_fields(message: str, data: bytes) -> dict[str, Any]:
    """Decode one ``message`` (a name from the schema, nested ones as ``Outer.Inner``).

    Returns every field by its schema name: absent scalars as their proto3 default,
    absent embedded messages as ``None``, repeated fields as lists (packed or not),
    maps as dicts. Embedded messages and map values that are messages are their
    bytes. As in the event decoders, the last occurrence of a field wins and a
    field with an unexpected wire type is skipped.

    Raises:
        KeyError: ``message`` is not in the schema.
        DecodeError: ``data`` is malformed.
    """
    fields = {f.number: f for f in MESSAGES[message]}
    out: dict[str, Any] = {}
    for f in fields.values():
        if f.type in MAP_ENTRIES:
            out[f.name] = {}
        elif f.repeated:
            out[f.name] = []
        else:
            out[f.name] = None if f.type in MESSAGES else _DEFAULTS.get(f.type, 0)
    data = bytes(data)
    for number, wire, x, y in _fields(data, 0, len(data)):
        field = fields.get(number)
        if field is None or wire not in _wires(field):
            continue
        value = _value(field, data, wire, x, y)
        target = out[field.name]
        if isinstance(target, dict):
            entry = decode_fields(field.type, value)
            target[entry["key"]] = entry["value"]
        elif isinstance(target, list):
            target.extend(value) if isinstance(value, list) else target.append(value)
        else:
            out[field.name] = value
    return out


def decode_client_frame(data: bytes) -> ClientFrame:
    """Decode a push frame a client sends (``hb``, ``ack``, ``im_enter_room``).

    ``fields`` holds the payload decoded by :data:`CLIENT_PAYLOADS` (``ack`` carries
    its text as ``payload``; other kinds have no fields); a gzip payload is inflated.

    Raises:
        DecodeError: the frame or its payload is malformed, or it has no ``payload_type``.
    """
    frame = _pure.decode_frame(data)
    kind = frame.payload_type
    if not kind:
        raise DecodeError("push frame has no payload_type")
    payload = gunzip(frame.payload) if is_gzip(frame.payload, frame.headers) else frame.payload
    fields: dict[str, Any] = {}
    if kind in CLIENT_PAYLOADS:
        fields = decode_fields(CLIENT_PAYLOADS[kind], payload)
    elif kind == "ack":
        fields = {"payload": payload.decode("utf-8", "replace")}
    return ClientFrame(kind, fields, frame.log_id, frame.seq_id, frame.headers)
