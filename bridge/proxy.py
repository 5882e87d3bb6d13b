"""``tiktok-bridge proxy``: many daemons behind one ZeroMQ endpoint.

Daemons ``connect`` their PUB sockets to the forwarder's XSUB frontend; engines
subscribe to its XPUB backend as if it were one daemon. Forwarding is libzmq's
own steerable proxy (``zmq_proxy_steerable``, in a thread), so subscriptions
travel upstream and filtering still happens at the daemons. A capture socket
feeds a monitor that counts traffic and reads every daemon's ``sys.heartbeat``
(id, shard, rooms, control endpoint). When a daemon's heartbeats stop, the
forwarder publishes ``sys.status`` ``disconnected``/``daemon_lost`` for each of
its rooms. The forwarder's control endpoint answers ``ping``, ``status``,
``pause``, ``resume`` itself and routes every other command to the daemon that
owns the room (by the same stable hash the daemons shard with), or to all
daemons when the command names no room.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import msgpack
import zmq
import zmq.asyncio

from . import topics
from .config import ProxyConfig
from .control import ControlError, parse_request
from .errors import PublishError
from .shard import shard_of

__all__ = ["Forwarder"]

log = logging.getLogger("bridge.proxy")


@dataclass(slots=True)
class DaemonInfo:
    """What the forwarder knows about one daemon, from its heartbeats."""

    daemon: str
    last_seen: float
    shard: dict[str, int] = field(default_factory=dict)
    control: str = ""
    rooms: dict[str, Any] = field(default_factory=dict)
    lost: bool = False


class Forwarder:
    """XSUB/XPUB forwarder with traffic metrics, daemon tracking and command routing."""

    def __init__(self, config: ProxyConfig) -> None:
        self.config = config
        self.context = zmq.Context()
        self.daemons: dict[str, DaemonInfo] = {}
        self.messages = 0
        self.bytes = 0
        self.started = time.monotonic()
        self._thread: threading.Thread | None = None
        self._steer: zmq.Socket[Any] | None = None
        self._stop = asyncio.Event()

    # ------------------------------------------------------------ forwarding

    def start(self) -> None:
        """Bind frontend, backend and capture; start the proxy thread.

        Raises:
            PublishError: an endpoint cannot be bound.
        """
        frontend = self.context.socket(zmq.XSUB)
        backend = self.context.socket(zmq.XPUB)
        capture = self.context.socket(zmq.PUB)
        control = self.context.socket(zmq.PAIR)
        for sock in (frontend, backend, capture, control):
            sock.setsockopt(zmq.LINGER, 0)
        backend.setsockopt(zmq.SNDHWM, self.config.sndhwm)
        frontend.setsockopt(zmq.RCVHWM, self.config.sndhwm)
        try:
            frontend.bind(self.config.frontend)
            backend.bind(self.config.backend)
        except zmq.ZMQError as exc:
            for sock in (frontend, backend, capture, control):
                sock.close()
            raise PublishError(f"cannot bind the forwarder: {exc.strerror}") from None
        capture.bind("inproc://capture")
        control.bind("inproc://steer")
        self._steer = self.context.socket(zmq.PAIR)
        self._steer.connect("inproc://steer")

        def forward() -> None:
            try:
                zmq.proxy_steerable(frontend, backend, capture, control)
            except zmq.ContextTerminated:
                pass
            finally:
                for sock in (frontend, backend, capture, control):
                    sock.close()

        self._thread = threading.Thread(target=forward, name="zmq-proxy", daemon=True)
        self._thread.start()
        log.info("forwarding %s (daemons publish here) -> %s (engines subscribe here)", *self._ends())

    def _ends(self) -> tuple[str, str]:
        return self.config.frontend, self.config.backend

    def steer(self, command: bytes) -> None:
        """Send PAUSE, RESUME or TERMINATE to the proxy thread."""
        if self._steer is not None:
            self._steer.send(command)

    # ------------------------------------------------------------ monitoring

    def observe(self, frames: list[bytes], now: float) -> None:
        """Account for one captured message; track daemons by their heartbeats."""
        if len(frames) != 2:  # subscription traffic, not an event
            return
        self.messages += 1
        self.bytes += len(frames[0]) + len(frames[1])
        if frames[0] != topics.HEARTBEAT.encode():
            return
        try:
            beat = msgpack.unpackb(frames[1], raw=False)
        except (ValueError, msgpack.UnpackException):
            return
        name = beat.get("daemon") if isinstance(beat, dict) else None
        if not isinstance(name, str):
            return
        info = self.daemons.get(name)
        if info is None:
            info = self.daemons[name] = DaemonInfo(name, now)
            log.info("daemon %s joined (shard %s)", name, beat.get("shard"))
        elif info.lost:
            log.info("daemon %s is back", name)
        info.last_seen = now
        info.lost = False
        info.shard = beat.get("shard") or {}
        info.control = beat.get("control", "")
        info.rooms = beat.get("rooms") or {}

    def lost_daemons(self, now: float) -> list[DaemonInfo]:
        """Daemons whose heartbeats stopped, newly noticed at ``now``."""
        lost = []
        for info in self.daemons.values():
            if not info.lost and now - info.last_seen >= self.config.daemon_timeout:
                info.lost = True
                lost.append(info)
        return lost

    def status(self) -> dict[str, Any]:
        """The forwarder's own status: traffic and daemons."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return {
            "type": "proxy.status",
            "messages": self.messages,
            "bytes": self.bytes,
            "messagesPerSecond": round(self.messages / elapsed, 1),
            "daemons": {
                name: {
                    "state": "lost" if info.lost else "alive",
                    "shard": info.shard,
                    "rooms": sorted(info.rooms),
                    "control": info.control,
                }
                for name, info in self.daemons.items()
            },
        }

    def owner(self, room: str) -> DaemonInfo | None:
        """The live daemon that watches ``room``, or owns its shard."""
        alive = [info for info in self.daemons.values() if not info.lost]
        for info in alive:
            if room in info.rooms:
                return info
        for info in alive:
            count = info.shard.get("count", 1)
            if count > 1 and shard_of(room, count) == info.shard.get("index"):
                return info
        return None

    # ------------------------------------------------------------ the async side

    async def run(self) -> None:
        """Monitor, report lost daemons and serve the control endpoint until :meth:`stop`."""
        actx = zmq.asyncio.Context(self.context)
        capture = actx.socket(zmq.SUB)
        capture.setsockopt(zmq.SUBSCRIBE, b"")
        capture.connect("inproc://capture")
        inject = actx.socket(zmq.PUB)
        inject.connect(self.config.frontend)
        tasks = [
            asyncio.create_task(self._monitor(capture)),
            asyncio.create_task(self._watch(inject)),
        ]
        if self.config.control:
            tasks.append(asyncio.create_task(self._serve(actx)))
        try:
            await self._stop.wait()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            capture.close(linger=0)
            inject.close(linger=200)
            self.steer(b"TERMINATE")
            if self._thread is not None:
                self._thread.join(timeout=5)
            if self._steer is not None:
                self._steer.close(linger=0)
            self.context.term()

    def stop(self) -> None:
        """Ask :meth:`run` to return."""
        self._stop.set()

    async def _monitor(self, capture: zmq.asyncio.Socket) -> None:
        while True:
            self.observe(await capture.recv_multipart(), time.monotonic())

    async def _watch(self, inject: zmq.asyncio.Socket) -> None:
        seq = 0
        while True:
            await asyncio.sleep(0.25)
            for info in self.lost_daemons(time.monotonic()):
                log.warning(
                    "daemon %s stopped sending heartbeats; its rooms: %s", info.daemon, sorted(info.rooms)
                )
                for room in info.rooms:
                    seq += 1
                    status = {
                        "type": "sys.status",
                        "room": room,
                        "state": "disconnected",
                        "reason": "daemon_lost",
                        "message": f"daemon {info.daemon} stopped answering",
                        "seq": seq,
                        "ts": time.time_ns() // 1_000_000,
                        "daemon": "proxy",
                    }
                    await inject.send_multipart([topics.status_topic(room).encode(), msgpack.packb(status)])

    async def _serve(self, actx: zmq.asyncio.Context) -> None:
        server = actx.socket(zmq.ROUTER)
        server.setsockopt(zmq.LINGER, 0)
        server.bind(self.config.control)
        try:
            while True:
                frames = await server.recv_multipart()
                identity, rest = frames[0], frames[1:]
                envelope = [identity, b""] if rest[:1] == [b""] else [identity]
                body = rest[len(envelope) - 1 :]
                reply = await self.handle(body[0] if len(body) == 1 else b"", actx)
                await server.send_multipart([*envelope, msgpack.packb(reply, use_bin_type=True)])
        finally:
            server.close()

    async def handle(self, body: bytes, actx: zmq.asyncio.Context) -> dict[str, Any]:
        """Answer or route one control request."""
        try:
            request = parse_request(body)
            command = request.get("cmd")
            if command == "ping":
                return {"ok": True, "result": "pong"}
            if command == "status":
                return {"ok": True, "result": self.status()}
            if command in ("pause", "resume"):
                self.steer(command.upper().encode())
                return {"ok": True, "result": command}
            room = request.get("room")
            if isinstance(room, str) and room:
                owner = self.owner(room.lstrip("@").lower())
                if owner is None or not owner.control:
                    raise ControlError("unknown_room", f"no live daemon owns @{room.lstrip('@')}")
                return await self._forward(actx, owner.control, body)
            alive = [info for info in self.daemons.values() if not info.lost and info.control]
            replies = {info.daemon: await self._forward(actx, info.control, body) for info in alive}
            return {"ok": all(r.get("ok") for r in replies.values()), "result": replies}
        except ControlError as exc:
            return {"ok": False, "error": {"code": exc.code, "message": str(exc)}}

    @staticmethod
    async def _forward(actx: zmq.asyncio.Context, endpoint: str, body: bytes) -> dict[str, Any]:
        req = actx.socket(zmq.REQ)
        req.setsockopt(zmq.LINGER, 0)
        req.connect(endpoint)
        try:
            await req.send(body)
            if not await req.poll(5000):
                raise ControlError("failed", f"the daemon at {endpoint} did not answer")
            reply: dict[str, Any] = msgpack.unpackb(await req.recv(), raw=False)
            return reply
        finally:
            req.close()
