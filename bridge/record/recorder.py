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

Recording hooks into the live client without changing it: the
:class:`RecordingLiveSource` subclass taps the push WebSocket handed to
:meth:`LiveSource._pump` and wraps the signer, and :class:`CapturingSigner`
keeps the raw body of the sign server's answer. When not recording none of
this is constructed, so the hot path is untouched.
"""

from __future__ import annotations

import asyncio
import datetime
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import httpx
from websockets.asyncio.client import ClientConnection

from .. import __version__, contract
from ..config import TikTokConfig
from ..server.daemon import Daemon, Room
from ..sim.simulator import Simulator
from ..sim.source import SimulatorSource
from ..upstream.connection import LiveSource, Watcher
from ..upstream.lookup import WebClient
from ..upstream.session import Session
from ..upstream.signing import EulerSigner, SignedConnection, SignProvider
from ..values import safe_file_stem
from .file import KIND_FETCH, KIND_FRAME, KIND_STAMPS, VERSION, RecordWriter, pack_stamps

__all__ = [
    "CapturedSignedConnection",
    "CapturingSigner",
    "FILE_SUFFIX",
    "file_header",
    "Recorder",
    "RecordingLiveSource",
    "RecordingSimulatorSource",
    "UPSTREAM_TYPES",
]

log = logging.getLogger("bridge.recording")

FILE_SUFFIX = ".tlrec"

UPSTREAM_TYPES: frozenset[str] = frozenset(e.name for e in contract.EVENTS if e.methods) | {"unknown"}
"""Event types decoded from upstream messages (not made by the bridge)."""


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
    """Writes one room's upstream messages, and the stamps of what they published, to record files."""

    def __init__(
        self,
        directory: str | Path,
        room: Room,
        source: str,
        *,
        dedupe_size: int = 10_000,
        flush_interval: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.directory = Path(directory).expanduser()
        self.room = room
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
        self._daemon: Daemon | None = None
        self._flush_handle: asyncio.TimerHandle | None = None

    # -------------------------------------------------------- daemon listener

    def attach(self, daemon: Daemon) -> None:
        """Start noting the stamps of the events this room publishes."""
        if self._daemon is None:
            self._daemon = daemon
            daemon.listeners.append(self._on_event)

    def detach(self) -> None:
        """Stop listening."""
        if self._daemon is not None:
            if self._on_event in self._daemon.listeners:
                self._daemon.listeners.remove(self._on_event)
            self._daemon = None

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
            self.failed = True
            log.error("recording of @%s stopped: %s", self.room.name, exc)
            self._abandon()

    def gap(self) -> None:
        """Events are about to be published from data that could not be recorded: keep them apart."""
        try:
            self._emit_stamps()
        except OSError as exc:
            self.failed = True
            log.error("recording of @%s stopped: %s", self.room.name, exc)
            self._abandon()

    def flush(self) -> None:
        """Hand what is buffered to the operating system."""
        self._flush_handle = None
        if self._writer is not None:
            try:
                self._writer.flush()
            except OSError as exc:
                self.failed = True
                log.error("recording of @%s stopped: %s", self.room.name, exc)
                self._abandon()

    def close(self) -> None:
        """Finish the current file."""
        try:
            self._close_file()
        except OSError as exc:
            log.error("closing the recording of @%s failed: %s", self.room.name, exc)
            self._abandon()

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


# ------------------------------------------------------------------ the sign server's raw answer


@dataclass(frozen=True, slots=True)
class CapturedSignedConnection(SignedConnection):
    """A :class:`SignedConnection` that also keeps the sign server's raw answer."""

    raw: bytes = b""
    """The body of the sign server's answer: a ``ProtoMessageFetchResult``, possibly gzip."""


class CapturingSigner(EulerSigner):
    """An :class:`EulerSigner` whose results keep the raw fetch result (for recording)."""

    def _signed(self, response: httpx.Response, room_id: int) -> SignedConnection:
        signed = super()._signed(response, room_id)
        return CapturedSignedConnection(
            result=signed.result,
            cookies=signed.cookies,
            room_id=signed.room_id,
            user_agent=signed.user_agent,
            raw=response.content,
        )


class _SignerTap:
    """Wraps a source's signer: every successful sign starts a session and records the first fetch."""

    def __init__(self, signer: SignProvider, recorder: Recorder) -> None:
        self.signer = signer
        self.recorder = recorder
        self._warned = False

    async def sign(self, room_id: int, *, cursor: str = "") -> SignedConnection:
        signed = await self.signer.sign(room_id, cursor=cursor)
        self.recorder.session()
        raw = signed.raw if isinstance(signed, CapturedSignedConnection) else b""
        if raw:
            self.recorder.write(KIND_FETCH, raw)
        else:
            if not self._warned:
                self._warned = True
                log.warning("the signer keeps no raw fetch result: first-fetch events are not recorded")
            self.recorder.gap()
        return signed


class _SocketTap:
    """Stands in for the push WebSocket in :meth:`LiveSource._pump`, recording each binary message."""

    def __init__(self, websocket: ClientConnection, recorder: Recorder) -> None:
        self._websocket = websocket
        self._recorder = recorder

    @property
    def response(self) -> Any:
        return self._websocket.response

    async def send(self, message: bytes) -> None:
        await self._websocket.send(message)

    async def recv(self) -> bytes | str:
        data = await self._websocket.recv()
        if isinstance(data, bytes):
            self._recorder.write(KIND_FRAME, data)
        return data

    def __getattr__(self, name: str) -> Any:
        return getattr(self._websocket, name)


class RecordingLiveSource(LiveSource):
    """A :class:`LiveSource` that records its first fetches and push frames."""

    def __init__(
        self,
        target: str | int,
        settings: TikTokConfig,
        web: WebClient,
        signer: SignProvider,
        watcher: Watcher,
        slots: asyncio.Semaphore,
        directory: str | Path,
        *,
        flush_interval: float = 0.5,
    ) -> None:
        super().__init__(target, settings, web, signer, watcher, slots)
        self.recorder = Recorder(
            directory, self.room, "tiktok", dedupe_size=settings.dedupe_size, flush_interval=flush_interval
        )
        self.signer = _SignerTap(signer, self.recorder)

    async def run(self, daemon: Daemon) -> None:
        """As :meth:`LiveSource.run`, recording."""
        self.recorder.attach(daemon)
        try:
            await super().run(daemon)
        finally:
            self.recorder.close()
            self.recorder.detach()

    async def _pump(self, daemon: Daemon, session: Session, websocket: ClientConnection) -> None:
        tap = _SocketTap(websocket, self.recorder)
        await super()._pump(daemon, session, cast(ClientConnection, tap))


class _IngestTap:
    """Stands in for the daemon in :meth:`SimulatorSource.run`, recording each frame it ingests."""

    def __init__(self, daemon: Daemon, recorder: Recorder) -> None:
        self._daemon = daemon
        self._recorder = recorder

    def ingest(self, room: Room, data: bytes) -> Any:
        self._recorder.write(KIND_FRAME, data)
        return self._daemon.ingest(room, data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._daemon, name)


class RecordingSimulatorSource(SimulatorSource):
    """A :class:`SimulatorSource` (``--direct``) that records the frames it feeds."""

    def __init__(self, simulator: Simulator, directory: str | Path, *, flush_interval: float = 0.5) -> None:
        super().__init__(simulator)
        self.recorder = Recorder(directory, self.room, "simulator", flush_interval=flush_interval)

    async def run(self, daemon: Daemon) -> None:
        """As :meth:`SimulatorSource.run`, recording."""
        self.recorder.attach(daemon)
        try:
            await super().run(cast(Daemon, _IngestTap(daemon, self.recorder)))
        finally:
            self.recorder.close()
            self.recorder.detach()
