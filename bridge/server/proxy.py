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
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import msgpack
import zmq
import zmq.asyncio

from ..config import ProxyConfig
from ..endpoints import bind, parse_endpoint
from ..errors import BridgeError
from ..values import MAX_NAME_LENGTH, check_name
from . import topics
from .control import MAX_MESSAGE_BYTES, ControlError, Gate, room_name
from .shard import shard_of
from .supervisor import Supervisor

__all__ = ["Forwarder"]

log = logging.getLogger("bridge.proxy")

MAX_DAEMONS = 256
"""Daemons the forwarder tracks; heartbeats naming more are dropped."""
MAX_ROOMS = 10_000
"""Rooms one heartbeat may list."""
MAX_SHARDS = 1024
_SWAPPED = {b"PAUSE": b"RESUME", b"RESUME": b"PAUSE"}


@dataclass(slots=True)
class DaemonInfo:
    """What the forwarder knows about one daemon, from its heartbeats."""

    daemon: str
    last_seen: float
    shard: dict[str, int] = field(default_factory=dict)
    control: str = ""
    rooms: dict[str, Any] = field(default_factory=dict)
    lost: bool = False


def _heartbeat(payload: bytes) -> tuple[str, dict[str, int], str, dict[str, Any]] | None:
    """``(daemon, shard, control, rooms)`` of a daemon's heartbeat, or ``None`` when it is not one."""
    try:
        beat = msgpack.unpackb(payload, raw=False)
    except (ValueError, msgpack.UnpackException):
        return None
    if not isinstance(beat, dict):
        return None
    name = beat.get("daemon")
    if not isinstance(name, str) or not 0 < len(name) <= MAX_NAME_LENGTH or not name.isprintable():
        return None
    shard = beat.get("shard")
    if not (
        isinstance(shard, dict)
        and all(
            isinstance(shard.get(k), int) and not isinstance(shard.get(k), bool) for k in ("index", "count")
        )
        and 0 <= shard["index"] < shard["count"] <= MAX_SHARDS
    ):
        shard = {}
    control = beat.get("control", "")
    if not isinstance(control, str) or not _passes(parse_endpoint, control):
        control = ""
    rooms = beat.get("rooms")
    if not isinstance(rooms, dict) or len(rooms) > MAX_ROOMS:
        rooms = {}
    kept = {room: info for room, info in rooms.items() if _passes(check_name, room)}
    return name, {"index": shard["index"], "count": shard["count"]} if shard else {}, control, kept


def _passes(check: Callable[[Any], object], value: Any) -> bool:
    """Whether ``check(value)`` accepts the value (raises no ValueError)."""
    try:
        check(value)
    except ValueError:
        return False
    return True


class Forwarder:
    """XSUB/XPUB forwarder with traffic metrics, daemon tracking and command routing."""

    def __init__(self, config: ProxyConfig) -> None:
        self.config = config
        self.context = zmq.Context()
        self.daemons: dict[str, DaemonInfo] = {}
        self.messages = 0
        self.bytes = 0
        self.bad_heartbeats = 0
        """Heartbeats on the frontend that were not a daemon's (dropped)."""
        self.gate = Gate(config.token, config.max_requests_per_second)
        self.supervisor = Supervisor(logger=log)
        self.started = time.monotonic()
        self._thread: threading.Thread | None = None
        self._steer: zmq.Socket[Any] | None = None
        self._actx = zmq.asyncio.Context(self.context)
        self._server: zmq.asyncio.Socket | None = None
        self._stop = asyncio.Event()

    # ------------------------------------------------------------ forwarding

    def start(self) -> None:
        """Bind frontend, backend and capture; start the proxy thread.

        Raises:
            PublishError: an endpoint cannot be bound.
            ConfigError: the frontend or backend binds beyond loopback without
                ``proxy.allow_remote``, or the control endpoint without ``proxy.token``.
        """
        frontend = self.context.socket(zmq.XSUB)
        backend = self.context.socket(zmq.XPUB)
        capture = self.context.socket(zmq.PUB)
        control = self.context.socket(zmq.PAIR)
        for sock in (frontend, backend, capture, control):
            sock.setsockopt(zmq.LINGER, 0)
        backend.setsockopt(zmq.SNDHWM, self.config.sndhwm)
        frontend.setsockopt(zmq.RCVHWM, self.config.sndhwm)
        server = self._actx.socket(zmq.ROUTER)
        server.setsockopt(zmq.LINGER, 0)
        server.setsockopt(zmq.MAXMSGSIZE, MAX_MESSAGE_BYTES)
        try:
            for sock, endpoint, key in (
                (frontend, self.config.frontend, "proxy.frontend"),
                (backend, self.config.backend, "proxy.backend"),
            ):
                bind(sock, endpoint, key, self.config.allow_remote, "proxy.allow_remote = true")
            if self.config.control:
                bind(server, self.config.control, "proxy.control", bool(self.config.token), "proxy.token")
                self._server = server
        except BridgeError:
            for sock in (frontend, backend, capture, control):
                sock.close()
            server.close()
            raise
        if self._server is None:
            server.close()
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
        """Send ``PAUSE``, ``RESUME`` or ``TERMINATE`` to the proxy thread.

        libzmq 4.3.5 swapped the meaning of ``PAUSE`` and ``RESUME`` (fixed in
        zeromq/libzmq#4600) and answers every command on the control socket:
        the words are swapped back for it, and answers are drained so they never
        fill the socket and block the proxy thread.
        """
        if self._steer is None:
            return
        self._steer.send(_SWAPPED.get(command, command) if zmq.zmq_version_info() == (4, 3, 5) else command)
        if command != b"TERMINATE" and self._steer.poll(200):
            while self._steer.poll(0):
                self._steer.recv_multipart()

    # ------------------------------------------------------------ monitoring

    def observe(self, frames: list[bytes], now: float) -> None:
        """Account for one captured message; track daemons by their heartbeats.

        A heartbeat is trusted only as far as its fields are what a daemon
        sends: other values are dropped (counted in ``bad_heartbeats``), and at
        most :data:`MAX_DAEMONS` daemons are tracked.
        """
        if len(frames) != 2:  # subscription traffic, not an event
            return
        self.messages += 1
        self.bytes += len(frames[0]) + len(frames[1])
        if frames[0] != topics.HEARTBEAT.encode():
            return
        beat = _heartbeat(frames[1])
        if beat is None:
            self.bad_heartbeats += 1
            return
        name, shard, control, rooms = beat
        info = self.daemons.get(name)
        if info is None:
            if len(self.daemons) >= MAX_DAEMONS:
                self.bad_heartbeats += 1
                return
            info = self.daemons[name] = DaemonInfo(name, now)
            log.info("daemon %s joined (shard %s)", name, shard)
        elif info.lost:
            log.info("daemon %s is back", name)
        info.last_seen = now
        info.lost = False
        info.shard = shard
        info.control = control
        info.rooms = rooms

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
        actx = self._actx
        capture = actx.socket(zmq.SUB)
        capture.setsockopt(zmq.SUBSCRIBE, b"")
        capture.connect("inproc://capture")
        inject = actx.socket(zmq.PUB)
        inject.connect(self.config.frontend)
        self.supervisor.start("proxy.monitor", lambda: self._monitor(capture))
        self.supervisor.start("proxy.watcher", lambda: self._watch(inject))
        server = self._server
        if server is not None:
            self.supervisor.start("proxy.control", lambda: self._serve(server, actx))
        try:
            await self._stop.wait()
        finally:
            await self.supervisor.close()
            if server is not None:
                server.close(linger=0)
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

    async def _serve(self, server: zmq.asyncio.Socket, actx: zmq.asyncio.Context) -> None:
        while True:
            frames = await server.recv_multipart()
            identity, rest = frames[0], frames[1:]
            envelope = [identity, b""] if rest[:1] == [b""] else [identity]
            body = rest[len(envelope) - 1 :]
            reply = await self.handle(body[0] if len(body) == 1 else b"", actx, identity)
            await server.send_multipart([*envelope, msgpack.packb(reply, use_bin_type=True)])

    async def handle(
        self, body: bytes, actx: zmq.asyncio.Context, client: bytes = b"", now: float | None = None
    ) -> dict[str, Any]:
        """Answer or route one control request (admitted as the daemon admits them: :class:`Gate`)."""
        try:
            request = self.gate.admit(body, client, time.monotonic() if now is None else now)
            command = request.get("cmd")
            if command == "ping":
                return {"ok": True, "result": "pong"}
            if command == "status":
                return {"ok": True, "result": self.status()}
            if command in ("pause", "resume"):
                self.steer(command.upper().encode())
                return {"ok": True, "result": command}
            room = request.get("room")
            if room is not None:
                owner = self.owner(room_name(room).lower())
                if owner is None or not owner.control:
                    raise ControlError("unknown_room", f"no live daemon owns @{room_name(room)}")
                return await self._forward(actx, owner.control, body)
            alive = [info for info in self.daemons.values() if not info.lost and info.control]
            replies = {info.daemon: await self._forward(actx, info.control, body) for info in alive}
            return {"ok": all(r.get("ok") for r in replies.values()), "result": replies}
        except ControlError as exc:
            self.gate.refused(exc)
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
            try:
                reply = msgpack.unpackb(await req.recv(), raw=False)
            except (ValueError, msgpack.UnpackException):
                reply = None
            if not isinstance(reply, dict):
                raise ControlError("failed", f"the daemon at {endpoint} answered something else than a reply")
            return reply
        finally:
            req.close()
