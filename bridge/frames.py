"""Result types of the frame-level decoders, shared by both implementations."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Any

from .errors import DecodeError, LimitError, TruncatedError
from .limits import MAX_INFLATED_BYTES

__all__ = ["ClientFrame", "FetchResult", "MessageError", "PushFrame", "gunzip", "is_gzip"]

Event = dict[str, Any]


@dataclass(slots=True)
class MessageError:
    """One inner message that could not be decoded; the rest of its frame was."""

    method: str
    msg_id: int
    reason: str


@dataclass(slots=True)
class FetchResult:
    """A decoded ``ProtoMessageFetchResult``: events plus connection metadata."""

    events: list[Event] = field(default_factory=list)
    errors: list[MessageError] = field(default_factory=list)
    cursor: str = ""
    internal_ext: str = ""
    push_server: str = ""
    route_params: dict[str, str] = field(default_factory=dict)
    heartbeat_duration: int = 0
    fetch_interval: int = 0
    now: int = 0
    need_ack: bool = False
    is_first: bool = False


@dataclass(slots=True)
class PushFrame:
    """A decoded ``WebcastPushFrame``; ``result`` is set for ``msg`` frames."""

    seq_id: int = 0
    log_id: int = 0
    payload_type: str = ""
    payload_encoding: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    payload: bytes = b""
    result: FetchResult | None = None


@dataclass(frozen=True, slots=True)
class ClientFrame:
    """A decoded push frame from a client: its kind, its payload's fields, its envelope."""

    payload_type: str
    fields: dict[str, Any]
    log_id: int = 0
    seq_id: int = 0
    headers: dict[str, str] = field(default_factory=dict)


def is_gzip(payload: bytes, headers: dict[str, str]) -> bool:
    """Whether a push-frame payload is gzip: by header or by magic bytes."""
    return headers.get("compress_type") == "gzip" or payload[:3] == b"\x1f\x8b\x08"


def gunzip(payload: bytes) -> bytes:
    """Inflate a gzip payload, refusing output past :data:`MAX_INFLATED_BYTES`."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(payload, MAX_INFLATED_BYTES + 1)
    except zlib.error as exc:
        raise DecodeError(f"bad gzip payload: {exc}") from None
    if len(out) > MAX_INFLATED_BYTES:
        raise LimitError(f"gzip payload inflates past {MAX_INFLATED_BYTES} bytes")
    if not inflater.eof:
        raise TruncatedError("gzip payload is truncated")
    return out
