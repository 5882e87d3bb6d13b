"""The daemon: upstream sources in, decoded events out through the publisher.

Sources feed it through the :class:`~bridge.room.Sink` protocol: raw push frames
to :meth:`Daemon.ingest`, decoded fetch results to :meth:`Daemon.deliver`, each
with the room they belong to. The daemon
decodes them with the active codec, stamps ``room``/``roomId``, publishes every
event, counts and logs what failed, and publishes ``sys.status`` whenever a room
changes state and ``sys.heartbeat`` every heartbeat interval.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from .. import codec
from ..config import Config
from ..errors import DecodeError
from ..frames import FetchResult
from ..logs import Throttle
from ..room import RecentIds, Room, Source
from . import topics
from .publisher import Publisher
from .supervisor import Failures, Supervisor

__all__ = ["Daemon"]

log = logging.getLogger("bridge.daemon")


class Daemon:
    """Owns the publisher, the rooms and the heartbeat; runs the sources (the :class:`~bridge.room.Sink`)."""

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
        """Called with every upstream event after it is published (game layer, recorder), each isolated."""
        self.listener_failures = Failures(
            logging.getLogger("bridge.listeners"), on_report=self._listener_failed
        )
        """Failures of listeners (and of the game layer's parts), by name; none reaches a source."""
        self.delivered: list[Callable[[Room], None]] = []
        """Called (each isolated) after every frame :meth:`deliver` published (the game layer flushes)."""
        self.remembered: Callable[[str], list[int]] | None = None
        """Message ids of a room published before a restart (from the ledger journal): a source's
        de-duplication memory starts with them, so a restart republishes nothing."""
        self.services: dict[str, Callable[[], Coroutine[Any, Any, None]]] = {}
        """Long-running coroutines started (and supervised) with the daemon, by task name."""
        self.supervisor = Supervisor(on_failure=self._task_failed)
        """Runs every source (task ``source:<room>``), service and the heartbeat; restarts failures."""
        self.started = time.monotonic()
        self.decode_errors = 0
        self._decode_log = Throttle(log, "undecodable messages")
        self._stop = asyncio.Event()
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
            self.decode_error(room, "a malformed frame", str(exc))
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
            self.decode_error(room, f"a malformed {error.method} (msgId {error.msg_id})", error.reason)
        ended = False
        with self.publisher.batch():  # the frame's messages leave in one burst
            for event in result.events:
                msg_id = event.get("msgId")
                if recent is not None and msg_id is not None and recent.seen(msg_id):
                    room.duplicates += 1
                    continue
                ended = ended or event["type"] == "streamEnd"
                self.publish_event(room, event)
        if result.events:
            for after in self.delivered:
                self.listener_failures.call(_listener_name(after), after, room)
        return ended

    def publish_event(self, room: Room, event: dict[str, Any]) -> None:
        """Stamp an upstream event with its room, publish it, then hand it to each listener.

        A listener that raises is counted and logged (:attr:`listener_failures`,
        ``listenerFailures`` in ``sys.heartbeat``); the exception never reaches
        the source, the room's state or the other listeners.
        """
        event["room"] = room.name
        if room.room_id:
            event["roomId"] = room.room_id
        room.events += 1
        self.publisher.publish(topics.event_topic(event["type"], room.name), event)
        room.last_event_ts = event["ts"]
        for listener in self.listeners:
            try:
                listener(room, event)
            except Exception as exc:  # isolation; the name is worked out only for a failure
                self.listener_failures.record(_listener_name(listener), exc)

    def decode_error(self, room: Room, what: str, reason: str) -> None:
        """Count a dropped undecodable message of ``room`` (its counter and the daemon's) and log why."""
        room.decode_errors += 1
        self.decode_errors += 1
        self._decode_log.warning("dropped %s from @%s: %s", what, room.name, reason)

    def set_state(
        self, room: Room, state: str, reason: str, message: str = "", attempt: int = 0, task: str = ""
    ) -> None:
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
        if task:
            status["task"] = task
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
        message: dict[str, Any] = {
            "type": "sys.heartbeat",
            "interval": self.config.publisher.heartbeat_interval,
        }
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
        if self.supervisor.failures:
            message["taskFailures"] = dict(self.supervisor.failures)
        if self.listener_failures.counts:
            message["listenerFailures"] = dict(self.listener_failures.counts)
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
            self._start_source(source)

    async def remove_source(self, name: str) -> bool:
        """Stop watching a room; whether it was watched."""
        source = self.sources.pop(name, None)
        if source is None:
            return False
        await self.supervisor.cancel(f"source:{name}")
        self.set_state(source.room, "disconnected", "by_request", "stopped through the control channel")
        del self.rooms[name]
        return True

    async def run(self) -> None:
        """Bind the publisher, run every source, service and the heartbeat until :meth:`stop`.

        Each runs under :attr:`supervisor`: a failure is logged, counted
        (``taskFailures`` in ``sys.heartbeat``), published as ``sys.status``
        with reason ``internal`` and the task's name, and the task restarts.
        """
        self.publisher.start()
        self._running = True
        for source in self.sources.values():
            self._start_source(source)
        for name, service in self.services.items():
            self.supervisor.start(name, service)
        self.supervisor.start("heartbeat", self._heartbeats)
        try:
            await self._stop.wait()
        finally:
            self._running = False
            await self.supervisor.close()
            for room in self.rooms.values():
                if room.state != "disconnected":
                    self.set_state(room, "disconnected", "shutdown", "daemon stopped")
            self.publisher.close()

    def _start_source(self, source: Source) -> None:
        recent = getattr(source, "recent", None)
        if isinstance(recent, RecentIds) and self.remembered is not None:
            for msg_id in self.listener_failures.call("ledger", self.remembered, source.room.name) or []:
                recent.seen(msg_id)
        retry = getattr(source, "restartable", True) is not False
        self.supervisor.start(f"source:{source.room.name}", lambda: source.run(self), retry=retry)

    def _task_failed(self, name: str, exc: BaseException, delay: float) -> None:
        message = f"{_describe(exc)}; " + (f"restarting in {delay:.1f} s" if delay >= 0 else "not restarted")
        room = self.rooms.get(name.removeprefix("source:")) if name.startswith("source:") else None
        if room is not None:
            self.set_state(room, "error", "internal", message, task=name)
        else:
            self._internal_status(f"task {name} failed: {message}", name)

    def _listener_failed(self, name: str, exc: BaseException) -> None:
        count = self.listener_failures.counts[name]
        self._internal_status(
            f"{_describe(exc)} ({count} failures so far; events still flow)", f"listener:{name}"
        )

    def _internal_status(self, message: str, task: str) -> None:
        status = {"type": "sys.status", "state": "error", "reason": "internal", "message": message}
        self.publisher.publish(topics.STATUS, {**status, "task": task})

    async def _heartbeats(self) -> None:
        interval = self.config.publisher.heartbeat_interval
        while True:
            self.heartbeat()
            await asyncio.sleep(interval)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


def _listener_name(listener: Callable[..., Any]) -> str:
    """``recorder`` for ``Recorder._on_event``: the owner's class, else the function's name."""
    owner = getattr(listener, "__self__", None)
    return type(owner).__name__.lower() if owner is not None else getattr(listener, "__name__", "listener")
