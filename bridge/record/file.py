"""The record file format: what ``tiktok-bridge record`` writes and ``replay`` reads.

A record file holds one stream of one room: a header, then length-prefixed
records, each checked by a CRC-32. Records are only ever appended, so a file is
valid at every record boundary; a crash leaves at most one torn record at the
end, which :class:`RecordReader` stops before (``truncated`` says so). A
damaged record inside the file is skipped and reading resumes at the next
intact one (``damaged`` counts them). The
byte-level layout is in ``docs/recording.md``::

    magic   8 bytes   89 54 4C 52 45 43 0D 0A  ("\\x89TLREC\\r\\n")
    version u16 LE    1
    hlen    u32 LE    length of the header
    header  hlen      UTF-8 JSON object: room, roomId (string), startTime (Unix ms), source, ...
    records, each:
      kind    u8      1 frame, 2 fetch result, 3 relay JSON, 4 stamps (others: skipped by readers)
      offset  u32 LE  milliseconds since startTime, on a monotonic clock
      length  u32 LE  length of data
      data    length bytes
      crc     u32 LE  CRC-32 of kind, offset, length and data
"""

from __future__ import annotations

import json
import mmap
import os
import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import msgpack

from ..errors import BridgeError
from ..values import check_name, check_room_id

__all__ = [
    "KIND_FETCH",
    "KIND_FRAME",
    "KIND_JSON",
    "KIND_NAMES",
    "KIND_STAMPS",
    "MAGIC",
    "MAX_RECORD_BYTES",
    "VERSION",
    "Record",
    "RecordFileError",
    "RecordReader",
    "RecordWriter",
    "pack_stamps",
    "unpack_stamps",
]

MAGIC = b"\x89TLREC\r\n"
VERSION = 1

KIND_FRAME = 1
"""A binary WebSocket message as received: a TikTok ``WebcastPushFrame`` (or an Euler relay message)."""
KIND_FETCH = 2
"""The sign server's first fetch result (``ProtoMessageFetchResult``, possibly gzip): history events."""
KIND_JSON = 3
"""A text WebSocket message of the TikTool relay (UTF-8 JSON)."""
KIND_STAMPS = 4
"""msgpack list of ``[msgId, seq, ts]``: the events the preceding data record published, in order."""
KIND_NAMES = {KIND_FRAME: "frame", KIND_FETCH: "fetch", KIND_JSON: "json", KIND_STAMPS: "stamps"}
DATA_KINDS = frozenset({KIND_FRAME, KIND_FETCH, KIND_JSON})

MAX_RECORD_BYTES = 32 * 1024 * 1024
"""Readers treat a longer record as corruption (frames are limited to 4 MiB anyway)."""
MAX_HEADER_BYTES = 1024 * 1024

_PREAMBLE = struct.Struct("<8sHI")
_HEAD = struct.Struct("<BII")
_CRC = struct.Struct("<I")


class RecordFileError(BridgeError):
    """A file that is not a record file, or of a version this bridge cannot read."""


@dataclass(frozen=True, slots=True)
class Record:
    """One record: its kind, its offset from the file's start (ms) and its data."""

    kind: int
    offset_ms: int
    data: bytes


@dataclass(slots=True)
class RecordWriter:
    """Appends records to a new file; :meth:`flush` makes them durable against a process crash."""

    path: Path
    header: dict[str, Any]
    _file: IO[bytes] | None = field(default=None, repr=False)
    records: int = 0
    unflushed: int = 0

    def open(self) -> None:
        """Create the file (never overwriting one) and write the header.

        Raises:
            OSError: the file exists or cannot be created.
        """
        body = json.dumps(self.header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self.path, "xb")  # noqa: SIM115 - closed by close()
        self._file.write(_PREAMBLE.pack(MAGIC, VERSION, len(body)) + body)
        self._file.flush()

    def write(self, kind: int, offset_ms: int, data: bytes) -> None:
        """Append one record (buffered until :meth:`flush`)."""
        if self._file is None:
            raise ValueError("record file is not open")
        head = _HEAD.pack(kind, max(0, min(offset_ms, 0xFFFFFFFF)), len(data))
        crc = zlib.crc32(data, zlib.crc32(head))
        self._file.write(head)
        self._file.write(data)
        self._file.write(_CRC.pack(crc))
        self.records += 1
        self.unflushed += 1

    def flush(self) -> None:
        """Hand buffered records to the operating system."""
        if self._file is not None and self.unflushed:
            self._file.flush()
            self.unflushed = 0

    def close(self) -> None:
        """Flush and close."""
        if self._file is not None:
            self.flush()
            self._file.close()
            self._file = None


class RecordReader:
    """Reads a record file: :attr:`header`, then :meth:`records` in order.

    Raises:
        RecordFileError: (on construction) not a record file, an unknown version, or a header
            whose ``room`` is not a valid room name or whose ``roomId`` is outside 1..2^63-1.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.truncated = False
        """The file ends in a torn or corrupt record (a crash while recording); it was skipped."""
        self.skipped = 0
        """Records of unknown kinds that were skipped."""
        self.damaged = 0
        """Damaged stretches skipped in the middle of the file (each usually one record)."""
        self.damaged_bytes = 0
        """Bytes those stretches held."""
        try:
            with open(self.path, "rb") as file:
                preamble = file.read(_PREAMBLE.size)
                if len(preamble) < _PREAMBLE.size:
                    raise RecordFileError(f"{self.path}: not a record file (too short)")
                magic, version, hlen = _PREAMBLE.unpack(preamble)
                if magic != MAGIC:
                    raise RecordFileError(f"{self.path}: not a record file (bad magic)")
                if version != VERSION:
                    raise RecordFileError(
                        f"{self.path}: record file version {version}; this bridge reads {VERSION}"
                    )
                raw = file.read(hlen) if hlen <= MAX_HEADER_BYTES else b""
        except OSError as exc:
            raise RecordFileError(f"{self.path}: cannot read: {exc.strerror}") from None
        if len(raw) != hlen:
            raise RecordFileError(f"{self.path}: the header is truncated")
        try:
            header = json.loads(raw)
        except (ValueError, RecursionError):
            raise RecordFileError(f"{self.path}: the header is not JSON (or nested too deep)") from None
        if not isinstance(header, dict):
            raise RecordFileError(f"{self.path}: the header is not a JSON object")
        self.header: dict[str, Any] = header
        self.room: str
        """The room (creator uniqueId) recorded."""
        self.room_id: int
        """The room id recorded (0 if unknown)."""
        self.room, self.room_id = _room_of(header, self.path)
        self._start = _PREAMBLE.size + hlen

    @property
    def source(self) -> str:
        """Which upstream was recorded: ``tiktok``, ``euler``, ``tiktool`` or ``simulator``."""
        return str(self.header.get("source", "tiktok"))

    @property
    def start_time(self) -> int:
        """Unix milliseconds the recording started."""
        value = self.header.get("startTime", 0)
        return value if isinstance(value, int) else 0

    def records(self) -> Iterator[Record]:
        """Every intact record, read lazily.

        A damaged record (bad CRC, impossible length) is skipped: reading goes on
        at the next intact record (counted in :attr:`damaged`). Damage that runs
        to the end of the file is a torn last record (:attr:`truncated`).
        """
        with open(self.path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size <= self._start:
                return
            with mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
                position, last_offset = self._start, 0
                while position < size:
                    found = _record_at(data, position, size)
                    if found is None:
                        resumed = _resync(data, position + 1, size, last_offset)
                        if resumed is None:
                            self.truncated = True
                            return
                        self.damaged += 1
                        self.damaged_bytes += resumed - position
                        position = resumed
                        continue
                    record, position = found
                    last_offset = record.offset_ms
                    if record.kind not in KIND_NAMES:
                        self.skipped += 1
                        continue
                    yield record


def _record_at(data: mmap.mmap, position: int, size: int) -> tuple[Record, int] | None:
    """The intact record at ``position`` and where the next one starts, or ``None``."""
    body = position + _HEAD.size
    if body > size:
        return None
    kind, offset, length = _HEAD.unpack_from(data, position)
    end = body + length + _CRC.size
    if length > MAX_RECORD_BYTES or end > size:
        return None
    payload = data[body : body + length]
    if _CRC.unpack_from(data, end - _CRC.size)[0] != zlib.crc32(payload, zlib.crc32(data[position:body])):
        return None
    return Record(kind, offset, payload), end


_KNOWN_KIND = re.compile(b"[" + bytes(sorted(KIND_NAMES)) + b"]")
_RESYNC_WINDOW_MS = 86_400_000
"""A record found after damage must be within a day of the last intact one (writers' offsets only grow)."""


def _resync(data: mmap.mmap, start: int, size: int, last_offset: int) -> int | None:
    """Where the next intact record of a known kind starts at or after ``start``, or ``None``."""
    for match in _KNOWN_KIND.finditer(data, start):
        position = match.start()
        if position + _HEAD.size > size:
            return None
        _, offset, length = _HEAD.unpack_from(data, position)
        plausible = (
            abs(offset - last_offset) <= _RESYNC_WINDOW_MS
            and position + _HEAD.size + length + _CRC.size <= size
        )
        if plausible and _record_at(data, position, size) is not None:
            return position
    return None


def _room_of(header: dict[str, Any], path: Path) -> tuple[str, int]:
    """The header's ``room`` (a valid room name) and ``roomId`` (0 or 1..2^63-1).

    Raises:
        RecordFileError: either is outside its domain.
    """
    try:
        room = check_name(header.get("room"), "room")
        value = header.get("roomId", "0")
        if not isinstance(value, str) or not (value.isascii() and value.isdigit()) or len(value) > 19:
            raise ValueError(f"roomId {value!r:.40} is not a decimal string")
        room_id = int(value) and check_room_id(int(value))
    except ValueError as exc:
        raise RecordFileError(f"{path}: bad header: {exc}") from None
    return room, room_id


def pack_stamps(stamps: list[tuple[int, int, int]]) -> bytes:
    """The data of a stamps record."""
    packed: bytes = msgpack.packb([list(s) for s in stamps], use_bin_type=True)
    return packed


def unpack_stamps(data: bytes) -> list[tuple[int, int, int]]:
    """The ``(msgId, seq, ts)`` triples of a stamps record; empty if unreadable."""
    try:
        items = msgpack.unpackb(data, raw=False)
    except (ValueError, msgpack.UnpackException):
        return []
    out: list[tuple[int, int, int]] = []
    if not isinstance(items, list):
        return out
    for item in items:
        if isinstance(item, list) and len(item) == 3 and all(isinstance(v, int) for v in item):
            out.append((item[0], item[1], item[2]))
    return out
