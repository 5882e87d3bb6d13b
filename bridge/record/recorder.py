"""Recording what a room's upstream sends, exactly as received, to record files.

A :class:`Recorder` belongs to one source (one room). The source hands it
every raw upstream message *before* decoding it: the push WebSocket's binary
messages and the sign server's first fetch result for TikTok (the first fetch
carries the history events), the relay messages for TikTool and Euler. As a
daemon listener the recorder also notes the ``seq``/``ts`` the publisher
stamped on every event each message produced, and writes them as a *stamps*
record after it: replays use them to publish exactly the same events (the
de-duplication decisions of the original run) and, with ``--keep-stamps``,
with the original ``seq`` and ``ts``.

One file per stream: a new file starts when a connection begins after the
stream ended, or when the room id changes. Files are flushed every
``record.flush_interval`` seconds, so a crash loses at most that much and
leaves at most one torn record, which readers skip. The format is
:mod:`bridge.record.file`; the user guide is ``docs/recording.md``.

A recorder is the :class:`~bridge.room.Tap` of its source: every source (live,
relay, simulator, replay) shows its tap each raw message before decoding it, so
a recorder attaches the same way to all of them (``source.tap = Recorder(...)``).
"""

from __future__ import annotations

import asyncio
import datetime
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from .. import __version__, contract
from ..room import Raw, Room, Sink
from ..values import safe_file_stem
from .file import KIND_FETCH, KIND_FRAME, KIND_JSON, KIND_STAMPS, VERSION, RecordWriter, pack_stamps

__all__ = ["FILE_SUFFIX", "KINDS", "UPSTREAM_TYPES", "Recorder", "file_header"]

log = logging.getLogger("bridge.recording")

FILE_SUFFIX = ".tlrec"

UPSTREAM_TYPES: frozenset[str] = frozenset(e.name for e in contract.EVENTS if e.methods) | {"unknown"}
"""Event types decoded from upstream messages (not made by the bridge)."""

KINDS: dict[Raw, int] = {"frame": KIND_FRAME, "fetch": KIND_FETCH, "json": KIND_JSON}
"""The record kind each raw message a source shows its tap is stored as."""


def file_header(room: Room, source: str, dedupe_size: int, now: datetime.datetime) -> dict[str, Any]:
    """The header of a new record file (``docs/recording.md`` lists its fields)."""
    return {
        "format": "tiktok-live-bridge recording",
        "version": VERSION,
        "room": room.name,
        "roomId": str(room.room_id),
        "startTime": int(now.timestamp() * 1000),
        "source": source,
        "dedupeSize": dedupe_size,
        "bridge": __version__,
    }


class Recorder:
    """Writes one room's upstream messages, and the stamps of what they published, to record files.

    It is the :class:`~bridge.room.Tap` of one source: :meth:`open` (the source
    starts) names the room and listens to the sink's events for their stamps,
    :meth:`raw` records a message, :meth:`close` (the source stopped) finishes the file.
    """

    def __init__(
        self,
        directory: str | Path,
        source: str,
        *,
        dedupe_size: int = 10_000,
        flush_interval: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.directory = Path(directory).expanduser()
        self.room = Room("")
        """The room recorded (named by :meth:`open`)."""
        self.source = source
        self.dedupe_size = dedupe_size
        self.flush_interval = flush_interval
        self.clock = clock
        self.files: list[Path] = []
        """Every file started, in order."""
        self.failed = False
        """Writing failed (disk full, permissions); recording of this room stopped."""
        self._writer: RecordWriter | None = None
        self._file_room_id = 0
        self._start = 0.0
        self._stamps: list[tuple[int, int, int]] = []
        self._pending = False  # a data record whose stamps are not written yet
        self._ended = False
        self._sink: Sink | None = None
        self._warned = False
        self._flush_handle: asyncio.TimerHandle | None = None

    # -------------------------------------------------------- the tap

    def open(self, room: Room, sink: Sink) -> None:
        """The source starts feeding ``room`` into ``sink``: note the stamps of its events."""
        self.room = room
        if self._sink is None:
            self._sink = sink
            sink.listeners.append(self._on_event)

    def raw(self, kind: Raw, data: bytes) -> None:
        """Record one raw upstream message; an empty one (a first fetch the signer did not keep) is a gap."""
        if data:
            self.write(KINDS[kind], data)
            return
        if not self._warned:
            self._warned = True
            log.warning("the signer keeps no raw fetch result: first-fetch events are not recorded")
        self.gap()

    def close(self) -> None:
        """The source stopped: finish the current file and stop listening."""
        try:
            self._close_file()
        except OSError as exc:
            log.error("closing the recording of @%s failed: %s", self.room.name, exc)
            self._abandon()
        if self._sink is not None:
            if self._on_event in self._sink.listeners:
                self._sink.listeners.remove(self._on_event)
            self._sink = None

    def _on_event(self, room: Room, event: dict[str, Any]) -> None:
        if room is not self.room or not self._pending:
            return
        kind = event.get("type")
        if kind not in UPSTREAM_TYPES or event.get("simulated"):
            return
        self._stamps.append((int(event.get("msgId", 0)), int(event["seq"]), int(event["ts"])))
        if kind == "streamEnd":
            self._ended = True

    # -------------------------------------------------------- writing

    def session(self) -> None:
        """A new upstream connection starts: start a new file if the stream ended or the room changed."""
        if self._writer is None:
            return
        changed = bool(self.room.room_id and self._file_room_id and self.room.room_id != self._file_room_id)
        if self._ended or changed:
            self._close_file()

    def write(self, kind: int, data: bytes) -> None:
        """Append one raw upstream message (before it is decoded and published)."""
        if self.failed:
            return
        try:
            self._emit_stamps()
            if self._writer is not None and self.room.room_id and self._file_room_id != self.room.room_id:
                if self._file_room_id:
                    self._close_file()
                else:  # learned the room id after opening: keep the file
                    self._file_room_id = self.room.room_id
            if self._writer is None:
                self._open()
            writer = cast(RecordWriter, self._writer)
            writer.write(kind, int((self.clock() - self._start) * 1000), data)
            self._pending = True
            self._schedule_flush()
        except OSError as exc:
            self._stop(exc)

    def gap(self) -> None:
        """Events are about to be published from data that could not be recorded: keep them apart."""
        try:
            self._emit_stamps()
        except OSError as exc:
            self._stop(exc)

    def flush(self) -> None:
        """Hand what is buffered to the operating system."""
        self._flush_handle = None
        if self._writer is not None:
            try:
                self._writer.flush()
            except OSError as exc:
                self._stop(exc)

    # -------------------------------------------------------- internals

    def _emit_stamps(self) -> None:
        if self._pending and self._writer is not None:
            offset = int((self.clock() - self._start) * 1000)
            self._writer.write(KIND_STAMPS, offset, pack_stamps(self._stamps))
        self._pending = False
        self._stamps = []

    def _path(self, now: datetime.datetime) -> Path:
        stem = f"{safe_file_stem(self.room.name)}-{self.room.room_id}-{now.strftime('%Y%m%d-%H%M%S')}"
        path = self.directory / f"{stem}{FILE_SUFFIX}"
        n = 1
        while path.exists():
            path = self.directory / f"{stem}-{n}{FILE_SUFFIX}"
            n += 1
        return path

    def _open(self) -> None:
        now = datetime.datetime.now(datetime.UTC)
        header = file_header(self.room, self.source, self.dedupe_size, now)
        for _ in range(3):
            writer = RecordWriter(self._path(now), header)
            try:
                writer.open()
            except FileExistsError:  # another recorder took the name between exists() and open()
                continue
            break
        else:
            raise OSError(f"cannot find a free file name in {self.directory}")
        self._writer = writer
        self._file_room_id = self.room.room_id
        self._start = self.clock()
        self._ended = False
        self.files.append(writer.path)
        log.info("recording @%s to %s", self.room.name, writer.path)

    def _schedule_flush(self) -> None:
        if self._flush_handle is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.flush()
            return
        self._flush_handle = loop.call_later(self.flush_interval, self.flush)

    def _close_file(self) -> None:
        if self._flush_handle is not None:
            self._flush_handle.cancel()
            self._flush_handle = None
        writer = self._writer
        if writer is None:
            return
        self._emit_stamps()
        self._writer = None
        writer.close()
        log.info("recorded %d records of @%s to %s", writer.records, self.room.name, writer.path)

    def _stop(self, exc: OSError) -> None:
        """Writing failed: stop recording this room for good (``failed``), said once in the log."""
        self.failed = True
        log.error("recording of @%s stopped: %s", self.room.name, exc)
        self._abandon()

    def _abandon(self) -> None:
        if self._flush_handle is not None:
            self._flush_handle.cancel()
            self._flush_handle = None
        writer, self._writer = self._writer, None
        if writer is not None:
            try:
                writer.close()
            except OSError:
                pass
