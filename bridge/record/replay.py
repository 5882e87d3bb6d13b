"""Replaying record files through the real decoder and publisher.

:class:`ReplaySource` is a source like any other: it reads one room's record
files and feeds every recorded message through the same decoding the live
source used (the codec for TikTok frames and first fetches, the relay parsers
for TikTool and Euler), then the sink's ``deliver``, with the room's recorded
name and room id. Pacing follows the recorded offsets divided by ``speed``
(``0``: as fast as possible); ``seek`` skips the first seconds; ``loop``
starts again at the end.

The events published are the ones the original run published, byte for byte
apart from ``seq`` and ``ts``, which the publisher stamps anew: the stamps
records say exactly which decoded events the original run published (its
de-duplication decisions). With ``keep_stamps`` the :class:`KeepStampsPublisher`
re-uses the recorded ``seq`` and ``ts`` as well, so the payloads are identical.
``docs/recording.md`` is the user guide.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import zmq

from .. import codec
from ..config import PublisherConfig
from ..errors import ConfigError, DecodeError
from ..frames import FetchResult, gunzip
from ..room import RecentIds, Room, Sink, Tap, tapped
from ..server.publisher import Publisher
from ..upstream.relays import PARSERS
from .file import (
    DATA_KINDS,
    KIND_FETCH,
    KIND_FRAME,
    KIND_JSON,
    KIND_STAMPS,
    Record,
    RecordReader,
    unpack_stamps,
)
from .recorder import KINDS, UPSTREAM_TYPES

__all__ = ["KeepStampsPublisher", "ReplayOptions", "ReplaySource", "decode_record", "replay_sources"]

log = logging.getLogger("bridge.replay")

RAW_OF = {kind: raw for raw, kind in KINDS.items()}
"""What each data record is shown to a tap as."""


@dataclass(frozen=True, slots=True)
class ReplayOptions:
    """How to play record files."""

    speed: float = 1.0
    """1 real time, 2 twice as fast, 0 as fast as possible."""
    seek: float = 0.0
    """Skip the first seconds of each file (their events are not published)."""
    loop: bool = False
    """Start again after the last file."""
    keep_stamps: bool = False
    """Publish the recorded ``seq``/``ts`` (needs a :class:`KeepStampsPublisher`)."""
    start_delay: float = 0.0
    """Seconds to wait before the first record (lets subscribers connect)."""
    max_gap: float = 10.0
    """Longest wait between two records, in seconds of the recording: longer silences are shortened."""


@dataclass(slots=True)
class Decoded:
    """What one data record decodes to."""

    result: FetchResult | None = None
    room_id: int = 0
    error: str = ""


def decode_record(source: str, record: Record) -> Decoded:
    """Decode a data record exactly as the live source decoded the message.

    ``source`` is the file header's: ``tiktok`` and ``simulator`` frames are push
    frames, first fetches are fetch results; ``tiktool`` and ``euler`` messages
    go through the relay parsers.
    """
    parser = PARSERS.get(source)
    if parser is not None:
        raw: bytes | str = record.data.decode("utf-8", "replace") if record.kind == KIND_JSON else record.data
        parsed = parser(raw)
        return Decoded(parsed.result, parsed.room_id, parsed.error)
    try:
        if record.kind == KIND_FETCH:
            body = record.data
            if body[:3] == b"\x1f\x8b\x08":
                body = gunzip(body)
            return Decoded(codec.decode_fetch_result(body))
        if record.kind == KIND_FRAME:
            return Decoded(codec.decode_frame(record.data).result)
    except DecodeError as exc:
        return Decoded(error=str(exc))
    return Decoded()


class _Allowed(RecentIds):
    """De-duplication that lets through exactly the msg ids a stamps record lists."""

    def __init__(self, stamps: Iterable[tuple[int, int, int]], recent: RecentIds) -> None:
        super().__init__(1)
        self._left = Counter(msg_id for msg_id, _, _ in stamps if msg_id)
        self._recent = recent

    def seen(self, msg_id: int) -> bool:
        self._recent.seen(msg_id)
        if self._left[msg_id] > 0:
            self._left[msg_id] -= 1
            return False
        return True


class KeepStampsPublisher(Publisher):
    """A publisher that gives replayed events their recorded ``seq`` and ``ts``.

    :class:`ReplaySource` announces the stamps of each record with
    :meth:`expect`; upstream events of that room then take them in order. Every
    other message is stamped as usual, continuing after the highest recorded
    ``seq`` so far.
    """

    def __init__(self, config: PublisherConfig, context: zmq.Context[Any] | None = None) -> None:
        super().__init__(config, context)
        self.kept = 0
        """Messages published with recorded stamps."""
        self._room = ""
        self._expected: deque[tuple[int, int, int]] = deque()

    def expect(self, room: str, stamps: Iterable[tuple[int, int, int]]) -> None:
        """The next upstream events of ``room`` are the ones these stamps describe."""
        self._room = room
        self._expected = deque(stamps)

    def publish(self, topic: str, message: dict[str, Any]) -> None:
        """Publish with the recorded stamps when ``message`` is the next expected event."""
        if self._expected and self._matches(message):
            msg_id, seq, ts = self._expected.popleft()
            if msg_id == message.get("msgId", 0):
                self._send(topic, message, seq, ts)
                return
            log.warning("replayed events differ from the recorded stamps; re-stamping this record")
            self._expected.clear()
        super().publish(topic, message)

    def _matches(self, message: dict[str, Any]) -> bool:
        return (
            message.get("room") == self._room
            and message.get("type") in UPSTREAM_TYPES
            and not message.get("simulated")
        )

    def _send(self, topic: str, message: dict[str, Any], seq: int, ts: int) -> None:
        self.seq = max(self.seq, seq)
        self.send(topic, message, seq, ts)
        self.kept += 1


class ReplaySource:
    """Plays one room's record files into the daemon."""

    restartable = False
    """A failed replay is reported, not played again from the start (see :class:`bridge.room.Source`)."""

    def __init__(
        self,
        paths: Iterable[str | Path],
        options: ReplayOptions | None = None,
        clock: Callable[[], float] = time.monotonic,
        *,
        tap: Tap | None = None,
    ) -> None:
        self.readers = sorted((RecordReader(p) for p in paths), key=lambda r: r.start_time)
        if not self.readers:
            raise ConfigError("replay: no record files")
        names = {reader.room for reader in self.readers}
        if len(names) != 1:
            raise ConfigError(f"replay: one source plays one room, got {', '.join(sorted(names))}")
        self.options = options or ReplayOptions()
        self.clock = clock
        first = self.readers[0]
        self.room = Room(first.room, first.room_id)
        self.tap = tap
        """Shown every recorded message played, before its events are published."""
        self.records = 0
        """Data records played."""
        self.done = asyncio.Event()
        """Set when the last file has been played (never with ``loop``), or playing failed."""
        self.failure = ""
        """Why playing stopped early (an unreadable file, a bug); empty when it did not."""

    async def run(self, sink: Sink) -> None:
        """Play every file (again and again with ``loop``), then report ``replay_ended``.

        A failure while playing (a file that became unreadable, a bug) ends the
        replay: it is logged, reported on ``sys.status`` (``error``/``internal``)
        and kept in :attr:`failure`, and never restarts from the beginning
        (which would publish every event again).
        """
        with tapped(self.tap, self.room, sink):
            await self._run(sink)

    async def _run(self, sink: Sink) -> None:
        room = self.room
        files = ", ".join(reader.path.name for reader in self.readers)
        try:
            sink.set_state(room, "connecting", "replay", files)
            if self.options.start_delay > 0:
                await asyncio.sleep(self.options.start_delay)
            sink.set_state(room, "connected", "replay", files)
            keeper = getattr(sink, "publisher", None)  # the daemon's, when it keeps stamps
            if not isinstance(keeper, KeepStampsPublisher):
                keeper = None
            if not self.options.keep_stamps:
                keeper = None
            elif keeper is None:
                log.warning("keep_stamps needs a KeepStampsPublisher; re-stamping instead")
            size = max(_dedupe_size(r.header) for r in self.readers) or 10_000
            while True:
                recent = RecentIds(size)  # one memory across the files, as the live source kept one
                for reader in self.readers:
                    await self._play(sink, reader, keeper, recent)
                if not self.options.loop:
                    break
            sink.set_state(room, "disconnected", "replay_ended", self.summary())
        except Exception as exc:  # a failed replay ends; restarting it would publish everything again
            log.exception("replaying @%s failed", room.name)
            self.failure = f"{type(exc).__name__}: {exc}"
            sink.set_state(room, "error", "internal", f"replay failed: {self.failure}")
        finally:
            self.done.set()

    def summary(self) -> str:
        """What was played and what was skipped, per file."""
        message = f"{self.records} records replayed"
        damaged = [f"{r.damaged} in {r.path.name}" for r in self.readers if r.damaged]
        if damaged:
            message += f"; damaged records skipped: {', '.join(damaged)}"
        truncated = [r.path.name for r in self.readers if r.truncated]
        if truncated:
            message += f"; torn last record skipped in {', '.join(truncated)}"
        return message

    async def _play(
        self, sink: Sink, reader: RecordReader, keeper: KeepStampsPublisher | None, recent: RecentIds
    ) -> None:
        room = self.room
        room.room_id = reader.room_id
        seek_ms = self.options.seek * 1000
        speed = self.options.speed
        due = self.clock()  # when the previous record was due (the start: at the seek point)
        previous = seek_ms
        for record, stamps in _with_stamps(reader.records()):
            decoded = decode_record(reader.source, record)
            if decoded.room_id:
                room.room_id = decoded.room_id
            result = decoded.result
            if record.offset_ms < seek_ms:
                if result is not None:  # what the original run saw before this point still counts as seen
                    for event in result.events:
                        if "msgId" in event:
                            recent.seen(event["msgId"])
                continue
            if speed > 0:
                gap = (record.offset_ms - previous) / 1000
                due += min(max(gap, 0.0), self.options.max_gap) / speed
                delay = due - self.clock()
                if delay > 0:
                    await asyncio.sleep(delay)
            else:
                await asyncio.sleep(0)
            previous = record.offset_ms
            self.records += 1
            if self.tap is not None:
                self.tap.raw(RAW_OF[record.kind], record.data)
            if decoded.error:
                sink.decode_error(room, "a malformed recorded message", decoded.error)
            if result is None:
                continue
            dedupe = recent if stamps is None else _Allowed(stamps, recent)
            if keeper is not None:
                keeper.expect(room.name, stamps or [])
            ended = sink.deliver(room, result, dedupe)
            if keeper is not None:
                keeper.expect(room.name, [])
            if ended:
                sink.set_state(room, "streamEnd", "stream_ended", "the recorded stream ended")


def _dedupe_size(header: dict[str, Any]) -> int:
    """The header's ``dedupeSize`` when it is a sane integer, else 0."""
    value = header.get("dedupeSize", 0)
    return value if type(value) is int and 0 < value <= 10_000_000 else 0


def _with_stamps(
    records: Iterator[Record],
) -> Iterator[tuple[Record, list[tuple[int, int, int]] | None]]:
    """Each data record with the stamps record that follows it (``None`` when there is none)."""
    pending: Record | None = None
    for record in records:
        if record.kind == KIND_STAMPS:
            if pending is not None:
                yield pending, unpack_stamps(record.data)
                pending = None
            continue
        if record.kind not in DATA_KINDS:
            continue
        if pending is not None:
            yield pending, None
        pending = record
    if pending is not None:
        yield pending, None


def replay_sources(paths: Iterable[str | Path], options: ReplayOptions) -> list[ReplaySource]:
    """One :class:`ReplaySource` per room among ``paths`` (each room's files play in recorded order).

    Raises:
        RecordFileError: a file is not a record file.
    """
    by_room: dict[str, list[Path]] = {}
    for path in paths:
        reader = RecordReader(path)
        by_room.setdefault(reader.room, []).append(Path(path))
    return [ReplaySource(files, options) for files in by_room.values()]
