"""Local fakes of the TikTool and Euler Stream relay WebSockets, built from their documented protocol.

:class:`FakeTikTool` and :class:`FakeEuler` are real WebSocket servers on
loopback. A client connects to ``ws://127.0.0.1:PORT/?uniqueId=NAME&apiKey=KEY``
(the fakes' :attr:`~FakeRelay.url`); the fake checks the request the way the
services document it and closes with their custom codes:

==========  ==================================================================
4400        no ``uniqueId`` (INVALID_OPTIONS)
4401        no or wrong ``apiKey`` / ``jwtKey`` (INVALID_AUTH)
4403        the creator is forbidden to this key (:meth:`FakeRelay.forbid`)
4404        unknown creator or not live (NOT_LIVE)
4429        more than ``max_connections`` open for the key (TOO_MANY_CONNECTIONS)
4006        nothing sent for ``no_message_timeout`` (:meth:`FakeRelayRoom.silence`)
4555        open longer than ``max_lifetime``
4005        :meth:`FakeRelayRoom.end_stream` (after a control action 3 message)
any         :meth:`FakeRelay.fail_next` (the next connections) or :meth:`FakeRelayRoom.close`
==========  ==================================================================

Accepted connections first get the room info, then a stream of events:
TikTool's JSON events in its documented shapes, or, for Euler, webcast push
frames made by the :class:`~bridge.sim.simulator.Simulator` (uncompressed, as
Euler sends them; ``bare=True`` sends bare ``ProtoMessageFetchResult`` bytes).
Every connection attempt is recorded in :attr:`FakeRelay.connects`.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from bridge.codec import _pure
from bridge.codec import webcast as wc
from bridge.frames import gunzip, is_gzip
from bridge.sim.simulator import Scenario, Simulator, load_scenario
from bridge.upstream.relays import CLOSE_CODES, control_frame, control_result

__all__ = ["FakeEuler", "FakeRelay", "FakeRelayRoom", "FakeTikTool"]

_wire_log = logging.getLogger("bridge.fakerelays.wire")
_wire_log.setLevel(logging.WARNING)  # the request lines carry API keys


def _close_name(code: int) -> str:
    rule = CLOSE_CODES.get(code)
    return rule.name if rule is not None else "CLOSED"


@dataclass(slots=True)
class _Fault:
    code: int
    reason: str
    count: int


class FakeRelayRoom:
    """A creator on a fake relay; made by :meth:`FakeRelay.add_room`."""

    def __init__(
        self, relay: FakeRelay, unique_id: str, room_id: int, live: bool, scenario: Scenario
    ) -> None:
        self.relay = relay
        self.unique_id = unique_id
        self.room_id = room_id
        self.live = live
        self.scenario = scenario
        self.simulator = Simulator(scenario)
        self.sent = 0
        """Event messages sent (all connections)."""
        self.counter = 0
        self.silent = False
        self.conns: set[ServerConnection] = set()

    @property
    def connections(self) -> int:
        """Connections of this room open now."""
        return len(self.conns)

    def silence(self, on: bool = True) -> None:
        """Stop (or resume) sending events; with ``no_message_timeout`` the fake then closes 4006."""
        self.silent = on

    def send(self, message: bytes | str) -> None:
        """Send ``message`` as is to every open connection of the room."""
        for ws in list(self.conns):
            self.relay._spawn(self._send(ws, message))

    def close(self, code: int, reason: str = "") -> None:
        """Close every open connection of the room with ``code``."""
        for ws in list(self.conns):
            self.relay._spawn(ws.close(code, reason or _close_name(code)))

    def end_stream(self) -> None:
        """The stream ends: a control action 3 message, close 4005, and the room is offline."""
        self.live = False
        for ws in list(self.conns):
            self.relay._spawn(self._end(ws))

    async def _end(self, ws: ServerConnection) -> None:
        with contextlib.suppress(ConnectionClosed):
            await ws.send(self.relay._control(self, 3))
        await ws.close(4005, "STREAM_END")

    async def _send(self, ws: ServerConnection, message: bytes | str) -> None:
        with contextlib.suppress(ConnectionClosed):
            await ws.send(message)


class FakeRelay:
    """The shared server part of the fakes; use :class:`FakeTikTool` or :class:`FakeEuler`."""

    name = "relay"

    def __init__(
        self,
        *,
        api_key: str = "relay-test-key",
        host: str = "127.0.0.1",
        port: int = 0,
        rate: float = 50.0,
        max_connections: int = 0,
        no_message_timeout: float = 0.0,
        max_lifetime: float = 0.0,
    ) -> None:
        self.api_key = api_key
        self.host = host
        self.port = port
        self.rate = rate
        self.max_connections = max_connections
        self.no_message_timeout = no_message_timeout
        self.max_lifetime = max_lifetime
        self.rooms: dict[str, FakeRelayRoom] = {}
        self.connects: list[dict[str, Any]] = []
        """Every connection attempt: ``query``, ``headers`` and the ``code`` it was closed with (0: none)."""
        self._forbidden: set[str] = set()
        self._faults: list[_Fault] = []
        self._server: Server | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._open = 0

    # -------------------------------------------------------- lifecycle

    async def start(self) -> None:
        """Bind and serve (port 0 picks a free port)."""
        if self._server is None:
            self._server = await serve(
                self._handler, self.host, self.port, ping_interval=None, logger=_wire_log
            )
            self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Close every connection and stop."""
        server, self._server = self._server, None
        if server is None:
            return
        for task in list(self._tasks):
            task.cancel()
        server.close()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(server.wait_closed(), 3.0)

    async def __aenter__(self) -> FakeRelay:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        """``ws://127.0.0.1:PORT``: what ``tiktool.ws_url`` / ``euler.ws_url`` should say."""
        return f"ws://{self.host}:{self.port}"

    # -------------------------------------------------------- rooms and faults

    def add_room(
        self, unique_id: str, room_id: int, *, live: bool = True, scenario: Scenario | None = None
    ) -> FakeRelayRoom:
        """Add a creator (the scenario, default built-in ``default``, drives Euler's frames)."""
        base = scenario if scenario is not None else load_scenario("default")
        base = dataclasses.replace(base, room=unique_id, room_id=room_id)
        room = FakeRelayRoom(self, unique_id, room_id, live, base)
        self.rooms[unique_id.lower()] = room
        return room

    def forbid(self, unique_id: str) -> None:
        """The key may not access this creator: connections close 4403."""
        self._forbidden.add(unique_id.lower().lstrip("@"))

    def fail_next(self, code: int, reason: str = "", count: int = 1) -> None:
        """Close the next ``count`` connections with ``code`` right after they open."""
        self._faults.append(_Fault(code, reason or _close_name(code), count))

    @property
    def open_connections(self) -> int:
        """Connections being served now."""
        return self._open

    # -------------------------------------------------------- format (subclasses)

    def _room_info(self, room: FakeRelayRoom) -> bytes | str:
        raise NotImplementedError

    def _event(self, room: FakeRelayRoom) -> bytes | str:
        raise NotImplementedError

    def _control(self, room: FakeRelayRoom, action: int) -> bytes | str:
        raise NotImplementedError

    # -------------------------------------------------------- serving

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _refusal(self, query: dict[str, str], headers: dict[str, str]) -> tuple[int, str]:
        unique_id = query.get("uniqueId", "").strip().lstrip("@").lower()
        key = query.get("apiKey") or query.get("jwtKey") or headers.get("x-api-key", "")
        if not unique_id:
            return 4400, "INVALID_OPTIONS: uniqueId is required"
        if key != self.api_key:
            return 4401, "INVALID_AUTH"
        if unique_id in self._forbidden:
            return 4403, "NO_PERMISSION"
        while self._faults and self._faults[0].count <= 0:
            self._faults.pop(0)
        if self._faults:
            fault = self._faults[0]
            fault.count -= 1
            return fault.code, fault.reason
        room = self.rooms.get(unique_id)
        if room is None or not room.live:
            return 4404, "NOT_LIVE"
        if self.max_connections and self._open >= self.max_connections:
            return 4429, "TOO_MANY_CONNECTIONS"
        return 0, ""

    async def _handler(self, ws: ServerConnection) -> None:
        request = ws.request
        query = dict(parse_qsl(urlsplit(request.path if request else "").query))
        headers = {k.lower(): v for k, v in request.headers.raw_items()} if request else {}
        record: dict[str, Any] = {"query": query, "headers": headers, "code": 0}
        self.connects.append(record)
        code, reason = self._refusal(query, headers)
        if code:
            record["code"] = code
            await ws.close(code, reason)
            return
        room = self.rooms[query["uniqueId"].strip().lstrip("@").lower()]
        room.conns.add(ws)
        self._open += 1
        streamer = asyncio.get_running_loop().create_task(self._stream(ws, room, record))
        try:
            async for _ in ws:  # clients send nothing we need
                pass
        except ConnectionClosed:
            pass
        finally:
            streamer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await streamer
            room.conns.discard(ws)
            self._open -= 1

    async def _stream(self, ws: ServerConnection, room: FakeRelayRoom, record: dict[str, Any]) -> None:
        interval = 1.0 / self.rate if self.rate > 0 else 3600.0
        opened = last = time.monotonic()
        try:
            await ws.send(self._room_info(room))
            while True:
                await asyncio.sleep(interval)
                now = time.monotonic()
                if self.max_lifetime and now - opened >= self.max_lifetime:
                    record["code"] = 4555
                    await ws.close(4555, "MAX_LIFETIME")
                    return
                if not room.live or room.silent:
                    if self.no_message_timeout and now - last >= self.no_message_timeout:
                        record["code"] = 4006
                        await ws.close(4006, "NO_MESSAGES_TIMEOUT")
                        return
                    continue
                await ws.send(self._event(room))
                room.sent += 1
                last = now
        except ConnectionClosed:
            pass


# ------------------------------------------------------------------ TikTool

_FIRST = ("Ava", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana")


def _tiktool_user(n: int) -> dict[str, Any]:
    name = _FIRST[n % len(_FIRST)]
    return {"id": str(7_000_000_000 + n), "nickname": f"{name} {n}", "uniqueId": f"{name.lower()}{n}"}


def tiktool_sample(kind: str, n: int = 1) -> dict[str, Any]:
    """A TikTool message of type ``kind`` in the documented shape, varied by ``n``."""
    user = _tiktool_user(n)
    data: dict[str, Any]
    if kind == "chat":
        data = {"user": user, "comment": f"hello number {n}"}
    elif kind == "like":
        data = {"user": user, "likeCount": 1 + n % 15, "totalLikes": 100 + 7 * n}
    elif kind == "gift":
        data = {"user": user, "giftId": 5655, "giftName": "Rose", "repeatCount": 1 + n % 5}
        data |= {"diamondCount": 1, "repeatEnd": True}
    elif kind == "member":
        data = {"user": user, "action": "join"}
    elif kind == "social":
        data = {"user": user, "action": "follow" if n % 2 else "share"}
    elif kind == "roomUserSeq":
        data = {"totalViewers": 15_000 + n, "viewerCount": 300 + n % 50}
    elif kind == "subscribe":
        data = {"user": user, "subMonth": 1 + n % 12}
    elif kind == "emoteChat":
        data = {"user": user, "emoteId": str(100 + n), "emoteUrl": f"https://example.invalid/emote/{n}.png"}
    elif kind == "battle":
        data = {"battleId": str(456 + n), "status": 1, "battleDuration": 300}
        data["teams"] = [{"hostUserId": "1", "score": 100 + n}, {"hostUserId": "2", "score": 90}]
    elif kind == "question":
        data = {"user": user, "questionText": f"question {n}?"}
    elif kind == "control":
        data = {"action": 3}
    elif kind == "envelope":
        data = {"envelopeId": str(789 + n), "diamondCount": 50}
    elif kind == "roomPin":
        data = {"user": user, "comment": "Great stream!", "action": 1, "durationSeconds": 60}
        data |= {"pinnedAt": 1_773_564_373_063, "originalMsgType": "WebcastChatMessage"}
        data |= {"originalMsgId": "7617400904630995734", "operatorUserId": "7444599004337652758"}
    else:
        raise ValueError(f"no TikTool sample for {kind!r}")
    return {"event": kind, "data": {"type": kind, **data}}


TIKTOOL_STREAM: Sequence[str] = (
    "chat",
    "like",
    "member",
    "gift",
    "chat",
    "roomUserSeq",
    "social",
    "like",
    "subscribe",
    "emoteChat",
    "question",
    "envelope",
    "battle",
    "roomPin",
)
"""The event types a fake TikTool room cycles through."""


class FakeTikTool(FakeRelay):
    """A fake TikTool WebSocket: JSON text messages, ``roomInfo`` first."""

    name = "tiktool"

    def _room_info(self, room: FakeRelayRoom) -> str:
        info = {"event": "roomInfo", "roomId": str(room.room_id), "uniqueId": room.unique_id}
        info["connectedAt"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        return json.dumps(info)

    def _event(self, room: FakeRelayRoom) -> str:
        room.counter += 1
        kind = TIKTOOL_STREAM[room.counter % len(TIKTOOL_STREAM)]
        return json.dumps(tiktool_sample(kind, room.counter))

    def _control(self, room: FakeRelayRoom, action: int) -> str:
        return json.dumps({"event": "control", "data": {"type": "control", "action": action}})


# ------------------------------------------------------------------ Euler


class FakeEuler(FakeRelay):
    """A fake Euler Stream WebSocket: binary webcast push frames, room info first.

    With ``bare`` the events come as bare ``ProtoMessageFetchResult`` bytes
    instead of push frames (the other reading of Euler's documentation).
    """

    name = "euler"

    def __init__(self, *, bare: bool = False, **options: Any) -> None:
        super().__init__(**options)
        self.bare = bare

    def _room_info(self, room: FakeRelayRoom) -> bytes:
        info = {"data": {"id_str": str(room.room_id), "status": 2, "owner": {"display_id": room.unique_id}}}
        return wc.push_frame("room_info", json.dumps(info).encode("utf-8"))

    def _event(self, room: FakeRelayRoom) -> bytes:
        frame = _pure.decode_frame(room.simulator.frame(time.time_ns() // 1_000_000))
        body = gunzip(frame.payload) if is_gzip(frame.payload, frame.headers) else frame.payload
        if self.bare:
            return body
        return wc.push_frame("msg", body, seq_id=frame.seq_id, log_id=frame.log_id)

    def _control(self, room: FakeRelayRoom, action: int) -> bytes:
        room.simulator.msg_id += 1
        make = control_result if self.bare else control_frame
        return make(room.room_id, action, room.simulator.msg_id)
