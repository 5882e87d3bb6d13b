"""The control channel: a ZeroMQ ROUTER endpoint engines and tools steer the daemon with.

Requests are one frame (after REQ's empty delimiter, if any): a msgpack map
(``{"cmd": "simulate", "type": "gift", "fields": {...}}``) or a text line
(``simulate gift {"giftName": "Rose"}``). Every request gets exactly one msgpack
reply, ``{"ok": true, "result": ...}`` or ``{"ok": false, "error": {"code",
"message"}}``. The byte-level protocol is in ``docs/control.md``.

:class:`Commands` is the sans-I/O part (request bytes in, reply map out) and
:class:`ControlServer` the socket around it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
from collections.abc import Awaitable, Callable
from typing import Any

import msgpack
import zmq
import zmq.asyncio

from .. import contract
from ..config import ControlConfig, parse_room
from ..endpoints import bind
from ..errors import ConfigError, PublishError
from ..logs import Throttle
from ..room import Room
from ..values import INT64_MAX, INT64_MIN, check_name
from . import topics
from .daemon import Daemon

__all__ = [
    "Commands",
    "ControlError",
    "ControlServer",
    "Gate",
    "check_fields",
    "parse_request",
    "room_name",
    "synthetic_event",
]

log = logging.getLogger("bridge.control")

MAX_REQUEST_BYTES = 64 * 1024
"""Longest request answered; longer ones get ``too_large``."""
MAX_MESSAGE_BYTES = 4 * 1024 * 1024
"""ZeroMQ ``MAXMSGSIZE`` of the control socket: a longer message makes libzmq drop the connection."""
MAX_DEPTH = 16
"""Deepest nesting of maps and lists a request may hold."""
MAX_STRING = 4096
"""Longest string a ``simulate`` field may hold (characters)."""
MAX_ITEMS = 256
"""Most items a list or map in a ``simulate`` field may hold."""
MAX_WATCHED = 1000
"""Most rooms one daemon watches; ``connect`` beyond it fails."""
MAX_CLIENTS = 4096
"""Rate windows kept before idle ones are forgotten."""
LOG_LINES_PER_SECOND = 5
"""Refused requests logged one by one per second; the rest are counted in one line."""
SIMULATED_USER = {"id": 1, "uniqueId": "simulated_user", "nickname": "Simulated User"}
_DEFAULTS: dict[str, dict[str, Any]] = {
    "chat": {"comment": "hello from simulate"},
    "gift": {
        "giftId": 5655,
        "giftName": "Rose",
        "diamondCount": 1,
        "repeatCount": 1,
        "repeatEnd": True,
        "giftType": 1,
    },
    "like": {"likeCount": 1},
    "member": {"action": 1},
    "subscribe": {"subMonth": 1},
    "roomUserSeq": {"viewerCount": 1},
    "streamEnd": {"action": 3},
}
_MSGPACK_MAP_FIRST = frozenset([*range(0x80, 0x90), 0xDE, 0xDF])


class ControlError(Exception):
    """A request that gets an error reply."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _strip_empty(value: Any) -> Any:
    """Drop empty values recursively, as the contract requires."""
    if isinstance(value, dict):
        out = {k: _strip_empty(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if not contract.is_empty(v)}
    if isinstance(value, list):
        return [_strip_empty(v) for v in value]
    return value


def room_name(value: object) -> str:
    """A room name from a request (``@`` prefix allowed).

    Raises:
        ControlError: ``bad_request`` for anything :func:`bridge.values.check_name` refuses.
    """
    text = value.strip().removeprefix("@") if isinstance(value, str) else value
    try:
        return check_name(text, "room")
    except ValueError as exc:
        raise ControlError("bad_request", str(exc)) from None


def synthetic_event(kind: str, fields: dict[str, Any], msg_id: int) -> dict[str, Any]:
    """An upstream event of type ``kind`` from user-supplied fields plus defaults.

    Raises:
        ControlError: the type is unknown or the fields break the contract.
    """
    spec = contract.EVENTS_BY_NAME.get(kind)
    if spec is None or spec.system or kind == "unknown":
        known = ", ".join(e.name for e in contract.EVENTS if not e.system and e.name != "unknown")
        raise ControlError("unknown_event_type", f"cannot simulate {kind!r}; types: {known}")
    event: dict[str, Any] = {"type": kind, "msgId": msg_id, "createTime": time.time_ns() // 1_000_000}
    if any(f.name == "user" for f in spec.fields):
        user = fields.get("user", {})
        if not isinstance(user, dict):
            raise ControlError("bad_request", "fields.user must be a map")
        event["user"] = {**SIMULATED_USER, **user}
    event.update(_DEFAULTS.get(kind, {}))
    event.update({k: v for k, v in fields.items() if k != "user"})
    if kind == "gift":
        streaking = event.get("giftType") == 1 and not event.get("repeatEnd")
        event["streaking"] = streaking
    event = _strip_empty(event)
    event["simulated"] = True
    problems = contract.validate(event, envelope=True)
    if problems:
        raise ControlError("bad_request", "; ".join(problems))
    return event


def _shown(value: object, limit: int = 60) -> str:
    """``repr(value)``, shortened, for messages and log lines."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _check_depth(value: object) -> None:
    """Refuse maps and lists nested deeper than :data:`MAX_DEPTH`."""
    level: list[object] = [value]
    for _ in range(MAX_DEPTH + 1):
        level = [
            item
            for node in level
            if isinstance(node, dict | list)
            for item in (node.values() if isinstance(node, dict) else node)
        ]
        if not level:
            return
    raise ControlError("bad_request", f"nested deeper than {MAX_DEPTH} levels")


def check_fields(value: object, where: str = "fields") -> None:
    """Refuse ``simulate`` field values outside the contract's value domains.

    Integers must fit int64, floats must be finite, strings at most
    :data:`MAX_STRING` characters, lists and maps at most :data:`MAX_ITEMS` items.

    Raises:
        ControlError: ``bad_request`` naming the field and the value.
    """
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            raise ControlError("bad_request", f"{where} = {_shown(value)}: outside the int64 range")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ControlError("bad_request", f"{where} = {value!r}: must be a finite number")
    elif isinstance(value, str | bytes):
        if len(value) > MAX_STRING:
            raise ControlError("bad_request", f"{where}: {len(value)} characters, over {MAX_STRING}")
    elif isinstance(value, list | dict):
        if len(value) > MAX_ITEMS:
            raise ControlError("bad_request", f"{where}: {len(value)} items, over {MAX_ITEMS}")
        if isinstance(value, dict):
            for key, item in value.items():
                name = key if isinstance(key, str) and key.isidentifier() else _shown(key, 40)
                check_fields(item, f"{where}.{name}")
        else:
            for index, item in enumerate(value):
                check_fields(item, f"{where}[{index}]")
    else:
        raise ControlError("bad_request", f"{where}: {type(value).__name__} values are not allowed")


def parse_request(body: bytes) -> dict[str, Any]:
    """A request's fields, from its msgpack-map or its text form.

    Raises:
        ControlError: ``bad_request`` for an undecodable body.
    """
    if body[:1] and body[0] in _MSGPACK_MAP_FIRST:
        try:
            decoded = msgpack.unpackb(body, raw=False, strict_map_key=True)
        except (ValueError, msgpack.UnpackException) as exc:
            raise ControlError("bad_request", f"not a msgpack map: {exc}") from None
        if not isinstance(decoded, dict):
            raise ControlError("bad_request", "a request must be a map")
        _check_depth(decoded)
        return {str(k): v for k, v in decoded.items()}
    try:
        text = body.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise ControlError("bad_request", "a text request must be UTF-8") from None
    request: dict[str, Any] = {}
    if text.startswith("token="):
        token, _, text = text.partition(" ")
        request["token"] = token[len("token=") :]
    command, _, rest = text.partition(" ")
    request["cmd"] = command
    rest = rest.strip()
    if command == "simulate":
        kind, _, payload = rest.partition(" ")
        kind, _, room = kind.partition("@")
        request["type"] = kind
        if room:
            request["room"] = room
        if payload.strip():
            try:
                request["fields"] = json.loads(payload)
            except json.JSONDecodeError as exc:
                raise ControlError("bad_request", f"simulate fields are not JSON: {exc}") from None
            except RecursionError:
                raise ControlError("bad_request", f"nested deeper than {MAX_DEPTH} levels") from None
            _check_depth(request["fields"])
    elif rest:
        request["room"] = rest
    return request


class Gate:
    """Admission of control requests: size, decoding, nesting, token, then a per-client rate.

    The rate is counted per client (ROUTER identity) only once a request passed
    the token check; requests that fail before (too large, undecodable, wrong
    token) share one budget of their own, so a flood of them never locks out an
    authenticated client. Refused requests are logged one line each, at most
    :data:`LOG_LINES_PER_SECOND` lines a second (the rest are counted).
    """

    def __init__(self, token: str, per_second: int) -> None:
        self.token = token
        self.per_second = per_second
        self.refusals = 0
        """Requests answered with an error."""
        self.throttle = Throttle(log, "refused control requests", LOG_LINES_PER_SECOND)
        """Logs the refusals; ``throttle.unlogged``: those beyond the log rate, not logged one by one."""
        self._windows: dict[bytes | None, tuple[float, int]] = {}

    def admit(self, body: bytes, client: bytes, now: float) -> dict[str, Any]:
        """The request's fields, when it may be carried out.

        Raises:
            ControlError: ``too_large``, ``bad_request``, ``unauthorized`` or ``rate_limited``.
        """
        try:
            if len(body) > MAX_REQUEST_BYTES:
                raise ControlError("too_large", f"requests are limited to {MAX_REQUEST_BYTES} bytes")
            request = parse_request(body)
            if self.token and request.get("token") != self.token:
                raise ControlError("unauthorized", "missing or wrong token")
        except ControlError:
            if self._over(None, now):
                raise ControlError("rate_limited", "too many refused requests; slow down") from None
            raise
        if self._over(client, now):
            raise ControlError("rate_limited", f"over {self.per_second} requests per second")
        return request

    def refused(self, exc: ControlError) -> None:
        """Count an error reply and log it (one line, rate-limited)."""
        self.refusals += 1
        self.throttle.warning("refused a control request: %s: %.200s", exc.code, exc)

    @property
    def unlogged(self) -> int:
        """Refusals beyond the log rate, not logged one by one."""
        return self.throttle.unlogged

    def _over(self, key: bytes | None, now: float) -> bool:
        windows = self._windows
        if len(windows) > MAX_CLIENTS:
            for old in [k for k, (start, _) in windows.items() if now - start >= 1.0]:
                del windows[old]
        start, count = windows.get(key, (now, 0))
        if now - start >= 1.0:
            start, count = now, 0
        windows[key] = (start, count + 1)
        return count + 1 > self.per_second


class Commands:
    """Parses requests and carries them out against a daemon (no sockets)."""

    def __init__(self, daemon: Daemon, config: ControlConfig) -> None:
        self.daemon = daemon
        self.config = config
        self.handlers: dict[str, Callable[[dict[str, Any]], Awaitable[Any]]] = {
            "ping": self._ping,
            "status": self._status,
            "connect": self._connect,
            "disconnect": self._disconnect,
            "simulate": self._simulate,
        }
        self.requests = 0
        self.gate = Gate(config.token, config.max_requests_per_second)
        self._msg_id = 9_000_000_000_000_000_000

    def register(self, name: str, handler: Callable[[dict[str, Any]], Awaitable[Any]]) -> None:
        """Add a command (the rules engine and the ledger add theirs)."""
        self.handlers[name] = handler

    async def handle(self, body: bytes, now: float | None = None, client: bytes = b"") -> dict[str, Any]:
        """One request from ``client`` (its ROUTER identity) in, one reply map out; never raises."""
        self.requests += 1
        request_id: Any = None
        try:
            request = self.gate.admit(body, client, time.monotonic() if now is None else now)
            request_id = request.get("id")
            command = request.get("cmd")
            handler = self.handlers.get(command) if isinstance(command, str) else None
            if handler is None:
                names = ", ".join(sorted(self.handlers))
                raise ControlError("unknown_command", f"unknown command {_shown(command)}; commands: {names}")
            result = await handler(request)
        except ControlError as exc:
            self.gate.refused(exc)
            reply: dict[str, Any] = {"ok": False, "error": {"code": exc.code, "message": str(exc)}}
        except Exception as exc:  # a command bug must not kill the control channel
            log.exception("control command failed")
            reply = {"ok": False, "error": {"code": "failed", "message": f"{type(exc).__name__}: {exc}"}}
        else:
            reply = {"ok": True, "result": result}
        if request_id is not None:
            reply["id"] = request_id
        return reply

    def _room_arg(self, request: dict[str, Any]) -> str:
        room = request.get("room")
        if not isinstance(room, str) or not room.strip():
            raise ControlError("bad_request", f"{request.get('cmd')} needs a room")
        return room_name(room)

    async def _ping(self, request: dict[str, Any]) -> str:
        return "pong"

    async def _status(self, request: dict[str, Any]) -> dict[str, Any]:
        return self.daemon.snapshot()

    async def _connect(self, request: dict[str, Any]) -> dict[str, Any]:
        room = request.get("room")
        if not isinstance(room, str) or not room.strip():
            raise ControlError("bad_request", "connect needs a room")
        try:
            parse_room(room)
        except ValueError as exc:
            raise ControlError("bad_request", str(exc)) from None
        if self.daemon.source_factory is None:
            raise ControlError("failed", "this daemon cannot watch rooms on request")
        try:
            source = self.daemon.source_factory(room.strip())
        except ConfigError as exc:
            raise ControlError("bad_request", str(exc)) from None
        name = source.room.name
        if name in self.daemon.sources:
            raise ControlError("failed", f"@{name} is already watched")
        if len(self.daemon.sources) >= MAX_WATCHED:
            raise ControlError("failed", f"already watching {MAX_WATCHED} rooms; disconnect one first")
        self.daemon.add_source(source)
        return {"room": name}

    async def _disconnect(self, request: dict[str, Any]) -> dict[str, Any]:
        room = self._room_arg(request)
        if not await self.daemon.remove_source(room):
            raise ControlError("unknown_room", f"@{room} is not watched")
        return {"room": room}

    async def _simulate(self, request: dict[str, Any]) -> dict[str, Any]:
        kind = request.get("type")
        fields = request.get("fields", {})
        if not isinstance(kind, str) or not isinstance(fields, dict):
            raise ControlError("bad_request", "simulate needs a type and a fields map")
        check_fields(fields)
        name = request.get("room")
        if name is None:
            name = next(iter(self.daemon.rooms), "simulated")
        name = room_name(name)
        self._msg_id += 1
        event = synthetic_event(kind, fields, self._msg_id)
        room = self.daemon.rooms.get(name) or Room(name)
        if kind == "action":  # as a rule would fire it, on action/<name>/<room>
            if not event.get("name"):
                raise ControlError("bad_request", "simulate action needs fields.name")
            try:
                check_name(event["name"], "action name")
            except ValueError as exc:
                raise ControlError("bad_request", str(exc)) from None
            event["room"] = room.name
            self.daemon.publisher.publish(topics.action_topic(event["name"], room.name), event)
        else:
            self.daemon.publish_event(room, event)
        return event


class ControlServer:
    """The ROUTER socket serving :class:`Commands`; REQ and DEALER clients both work."""

    def __init__(self, commands: Commands, config: ControlConfig) -> None:
        self.commands = commands
        self.config = config
        self.context = zmq.asyncio.Context.instance()
        self._socket: zmq.asyncio.Socket | None = None

    def start(self) -> None:
        """Bind the endpoint.

        Raises:
            ConfigError: the endpoint is not loopback and no token is set.
            PublishError: the endpoint cannot be bound.
        """
        self._socket = self._bind()

    async def _rebind(self, attempts: int = 40) -> zmq.asyncio.Socket:
        """Bind again after a restart: libzmq releases a closed socket's port asynchronously."""
        for _ in range(attempts - 1):
            try:
                return self._bind()
            except PublishError:
                await asyncio.sleep(0.05)
        return self._bind()

    def _bind(self) -> zmq.asyncio.Socket:
        socket = self.context.socket(zmq.ROUTER)
        socket.setsockopt(zmq.LINGER, 0)
        socket.setsockopt(zmq.MAXMSGSIZE, MAX_MESSAGE_BYTES)
        bind(socket, self.config.endpoint, "control.endpoint", bool(self.config.token), "control.token")
        return socket

    async def serve(self) -> None:
        """Answer requests until cancelled.

        After a failure the supervisor calls this again: the socket is kept, unless
        the failure was the socket's own (then it is closed and bound afresh).
        """
        socket = self._socket = self._socket or await self._rebind()
        keep = False
        try:
            while True:
                frames = await socket.recv_multipart()
                identity, rest = frames[0], frames[1:]
                envelope = [identity, b""] if rest[:1] == [b""] else [identity]
                body = rest[len(envelope) - 1 :]
                if len(body) == 1:
                    reply = await self.commands.handle(body[0], client=identity)
                else:
                    error = {"code": "bad_request", "message": "a request is exactly one frame"}
                    reply = {"ok": False, "error": error}
                await socket.send_multipart([*envelope, msgpack.packb(reply, use_bin_type=True)])
        except zmq.ZMQError:
            raise
        except Exception:
            keep = True
            raise
        finally:
            if not keep:
                socket.close()
                self._socket = None
