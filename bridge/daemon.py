"""The daemon: upstream sources in, decoded events out through the publisher.

Sources (the simulator now, live TikTok connections later) hand raw push frames
to :meth:`Daemon.ingest` together with the room they belong to. The daemon
decodes them with the active codec, stamps ``room``/``roomId``, publishes every
event, counts and logs what failed, and publishes ``sys.status`` whenever a room
changes state and ``sys.heartbeat`` every heartbeat interval.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Protocol

from . import codec, topics
from .config import Config
from .dedupe import RecentIds
from .errors import DecodeError
from .frames import FetchResult
from .publisher import Publisher

__all__ = ["Daemon", "Room", "Source"]

log = logging.getLogger("bridge.daemon")


@dataclass(slots=True)
class Room:
    """What the daemon tracks about one watched room."""

    name: str
    room_id: int = 0
    state: str = "disconnected"
    reason: str = ""
    events: int = 0
    decode_errors: int = 0
    duplicates: int = 0
    last_event_ts: int = 0
    reconnects: int = 0
    sign_calls: int = 0


class Source(Protocol):
    """An upstream that feeds frames of one room into the daemon until cancelled."""

    room: Room

    async def run(self, daemon: Daemon) -> None:
        """Feed frames through :meth:`Daemon.ingest` until done or cancelled."""


class Daemon:
    """Owns the publisher, the rooms and the heartbeat; runs the sources."""

    def __init__(
        self,
        config: Config,
        sources: list[Source],
        publisher: Publisher | None = None,
        source_factory: Callable[[str], Source] | None = None,
    ) -> None:
        self.config = config
        self.publisher = publisher or Publisher(config.publisher)
        self.sources: dict[str, Source] = {}
        self.rooms: dict[str, Room] = {}
        self.source_factory = source_factory
        """Makes a source for a room named at run time (the control channel's ``connect``)."""
        self.listeners: list[Callable[[Room, dict[str, Any]], None]] = []
        """Called with every upstream event after it is published (rules, ledger)."""
        self.services: list[Callable[[], Coroutine[Any, Any, None]]] = []
        """Long-running coroutines started with the daemon (the control server)."""
        self.started = time.monotonic()
        self.decode_errors = 0
        self._stop = asyncio.Event()
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._running = False
        for source in sources:
            self.add_source(source)

    # ------------------------------------------------------------ sans-I/O core

    def ingest(self, room: Room, data: bytes) -> FetchResult | None:
        """Decode one push frame of ``room`` and publish its events.

        Returns:
            The decoded fetch result, or ``None`` when the frame carried no
            messages or was malformed (logged and counted).
        """
        try:
            frame = codec.decode_frame(data)
        except DecodeError as exc:
            room.decode_errors += 1
            self.decode_errors += 1
            log.warning("dropped a malformed frame from @%s: %s", room.name, exc)
            return None
        if frame.result is not None:
            self.deliver(room, frame.result)
        return frame.result

    def deliver(self, room: Room, result: FetchResult, recent: RecentIds | None = None) -> bool:
        """Publish a decoded fetch result's events, skipping ids ``recent`` has seen.

        Returns:
            Whether the result carried the end of the stream.
        """
        for error in result.errors:
            room.decode_errors += 1
            self.decode_errors += 1
            log.warning(
                "dropped a malformed %s (msgId %s) from @%s: %s",
                *(error.method, error.msg_id, room.name, error.reason),
            )
        ended = False
        with self.publisher.batch():  # the frame's messages leave in one burst
            for event in result.events:
                msg_id = event.get("msgId")
                if recent is not None and msg_id is not None and recent.seen(msg_id):
                    room.duplicates += 1
                    continue
                ended = ended or event["type"] == "streamEnd"
                self.publish_event(room, event)
        return ended

    def publish_event(self, room: Room, event: dict[str, Any]) -> None:
        """Stamp an upstream event with its room and publish it."""
        event["room"] = room.name
        if room.room_id:
            event["roomId"] = room.room_id
        room.events += 1
        self.publisher.publish(topics.event_topic(event["type"], room.name), event)
        room.last_event_ts = event["ts"]
        for listener in self.listeners:
            listener(room, event)

    def set_state(self, room: Room, state: str, reason: str, message: str = "", attempt: int = 0) -> None:
        """Record a room's new connection state and publish ``sys.status``."""
        room.state = state
        room.reason = reason
        if state == "reconnecting":
            room.reconnects += 1
        status: dict[str, Any] = {"type": "sys.status", "room": room.name, "state": state, "reason": reason}
        if message:
            status["message"] = message
        if attempt:
            status["attempt"] = attempt
        level = logging.WARNING if state == "error" else logging.INFO
        log.log(level, "@%s %s (%s)%s", room.name, state, reason, f": {message}" if message else "")
        self.publisher.publish(topics.status_topic(room.name), status)

    def snapshot(self) -> dict[str, Any]:
        """The daemon's state: what ``sys.heartbeat`` and the ``status`` command carry."""
        rooms = {}
        for room in self.rooms.values():
            info: dict[str, Any] = {"state": room.state}
            if room.room_id:
                info["roomId"] = room.room_id
            if room.events:
                info["events"] = room.events
            if room.last_event_ts:
                info["lastEventTs"] = room.last_event_ts
            counters = {
                "decodeErrors": room.decode_errors,
                "duplicates": room.duplicates,
                "reconnects": room.reconnects,
                "signCalls": room.sign_calls,
            }
            info.update({key: value for key, value in counters.items() if value})
            rooms[room.name] = info
        message: dict[str, Any] = {"type": "sys.heartbeat"}
        uptime = round(time.monotonic() - self.started, 3)
        if uptime:
            message["uptime"] = uptime
        message["implementation"] = codec.IMPLEMENTATION
        if rooms:
            message["rooms"] = rooms
        if self.publisher.dropped:
            message["dropped"] = self.publisher.dropped
        if self.decode_errors:
            message["decodeErrors"] = self.decode_errors
        if self._running:
            message["tasks"] = len(asyncio.all_tasks())
        shard = self.config.shard
        if shard.count > 1 or self.config.publisher.connect:
            message["shard"] = {"index": shard.index, "count": shard.count}
            if self.config.control.endpoint:
                message["control"] = self.config.control.endpoint
        return message

    def heartbeat(self) -> dict[str, Any]:
        """Publish ``sys.heartbeat`` and return it."""
        message = self.snapshot()
        self.publisher.publish(topics.HEARTBEAT, message)
        return message

    # ------------------------------------------------------------ I/O shell

    def stop(self) -> None:
        """Ask :meth:`run` to shut down."""
        self._stop.set()

    def add_source(self, source: Source) -> None:
        """Watch one more room; starts at once when the daemon is running."""
        name = source.room.name
        self.sources[name] = source
        self.rooms[name] = source.room
        if self._running:
            self._tasks[name] = asyncio.create_task(self._guard(source), name=f"source:{name}")

    async def remove_source(self, name: str) -> bool:
        """Stop watching a room; whether it was watched."""
        source = self.sources.pop(name, None)
        if source is None:
            return False
        task = self._tasks.pop(name, None)
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        self.set_state(source.room, "disconnected", "by_request", "stopped through the control channel")
        del self.rooms[name]
        return True

    async def run(self) -> None:
        """Bind the publisher, run every source, service and the heartbeat until :meth:`stop`."""
        self.publisher.start()
        self._running = True
        for name, source in self.sources.items():
            self._tasks[name] = asyncio.create_task(self._guard(source), name=f"source:{name}")
        others = [asyncio.create_task(service()) for service in self.services]
        others.append(asyncio.create_task(self._heartbeats(), name="heartbeat"))
        try:
            await self._stop.wait()
        finally:
            self._running = False
            tasks = [*self._tasks.values(), *others]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self._tasks.clear()
            for room in self.rooms.values():
                if room.state != "disconnected":
                    self.set_state(room, "disconnected", "shutdown", "daemon stopped")
            self.publisher.close()

    async def _guard(self, source: Source) -> None:
        try:
            await source.run(self)
        except Exception as exc:  # a source bug must not take the daemon down
            log.exception("source for @%s failed", source.room.name)
            self.set_state(source.room, "error", "internal", repr(exc))

    async def _heartbeats(self) -> None:
        interval = self.config.publisher.heartbeat_interval
        while True:
            self.heartbeat()
            await asyncio.sleep(interval)
