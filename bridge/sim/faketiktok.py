"""An embedded fake TikTok: web lookups, webcast endpoints, sign server and push WebSocket.

:class:`FakeTikTok` serves, on one loopback port, everything the live client
talks to, in TikTok's own formats:

* the creator's live page (``/@{uniqueId}/live`` with its ``SIGI_STATE``) and
  the ``/api-live/user/room/`` lookup,
* ``/webcast/room/check_alive/`` and ``/webcast/room/info/``,
* a Euler-Stream-style sign server (``/webcast/fetch`` and
  ``/webcast/rooms/{id}/connect``) that answers with a raw
  ``ProtoMessageFetchResult`` and ``x-set-tt-cookie`` cookies,
* Euler's ``/webcast/anchors/{uniqueId}/room_id`` room lookup,
* the push WebSocket ``/webcast/im/push/v2/``, which checks the handshake the
  way TikTok does (one-use ``wrss`` token, ``ttwid`` cookie, User-Agent,
  ``compress=gzip``), answers ``im_enter_room`` with ``im_enter_room_resp``
  and every client ``hb`` with a server ``hb``, and streams the room's
  :class:`~bridge.sim.simulator.Simulator` frames.

Plain HTTP requests are answered from the ``websockets`` ``process_request``
hook; only the push path upgrades to a WebSocket. Rooms are added with
:meth:`FakeTikTok.add_room`; faults (rejected handshakes, sign errors and
delays, drops, silence, malformed frames, stream ends) are switched on by
methods, and every sign request, handshake, frame sent and client frame
received is recorded for assertions (``record=False`` turns that bookkeeping
off, as the daemon's embedded fake does, so memory stays bounded).
``docs/fake-tiktok.md`` is the user guide.

Every leniency and strictness carries an ``Evidence:`` comment naming what
shows that TikTok behaves so.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import email.utils
import gzip
import hashlib
import html
import http
import json
import logging
import math
import re
import secrets
import time
from collections import Counter, deque
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl, urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.typing import Subprotocol

from .. import codec
from ..codec import webcast as wc
from ..errors import DecodeError
from ..frames import gunzip, is_gzip
from .simulator import Scenario, Simulator, load_scenario

__all__ = ["FakeRoom", "FakeTikTok", "PUSH_PATH", "SUBPROTOCOL"]

log = logging.getLogger("bridge.faketiktok")
_wire_log = logging.getLogger("bridge.faketiktok.wire")
_wire_log.setLevel(logging.WARNING)  # websockets logs every HTTP answer at INFO; lower this to see them

PUSH_PATH = "/webcast/im/push/v2/"
"""Path of the push WebSocket."""

SUBPROTOCOL = "echo-protocol"
"""The WebSocket subprotocol TikTok's web client asks for; selected when offered, never required."""

RATE_LIMIT_FORMS = ("ratelimit-delta", "ratelimit-unix", "retry-after", "x-ratelimit-reset", "all")
"""How a 429 says when the limit resets (:attr:`FakeTikTok.rate_limit_form`)."""

ROOM_LIVE = 2
ROOM_ENDED = 4
USER_NOT_FOUND = 19881007
ROOM_NOT_FOUND = 4003110
HEARTBEAT_MS = 10_000
_ACKS_KEPT = 1024
_CLOSES_KEPT = 1024
_CLIENT_FRAME_TYPES = frozenset({"hb", "ack", "im_enter_room", "invalid"})
STREAM_END_GRACE = 2.0
"""Seconds clients get to leave after the stream-end frame before the fake closes their sockets."""
SEND_TIMEOUT = 10.0
"""Seconds a push client may keep a frame from being written before it is dropped."""

_AVATAR = "https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068"
_LIVE_PAGE = re.compile(r"^/@([^/]+)/live/?$")
_CONNECT = re.compile(r"^/webcast/rooms/(\d+)/connect/?$")
_ANCHOR_ROOM_ID = re.compile(r"^/webcast/anchors/([^/]+)/room_id/?$")

_SIGN_MESSAGES = {
    401: "Invalid or missing API key",
    402: "This endpoint requires a paid plan",
    403: "Your API key is not allowed to use this endpoint",
    429: "Too many requests: rate limit reached",
    500: "Internal server error",
}


def _digest(*parts: object) -> str:
    return hashlib.sha1(repr(parts).encode()).hexdigest()


def _json(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _response(
    status: int, body: bytes, content_type: str, headers: Sequence[tuple[str, str]] = ()
) -> Response:
    try:
        phrase = http.HTTPStatus(status).phrase
    except ValueError:
        phrase = "Unknown"
    all_headers = Headers(
        [
            ("Date", email.utils.formatdate(usegmt=True)),
            ("Connection", "close"),
            ("Content-Type", content_type),
            ("Content-Length", str(len(body))),
            *headers,
        ]
    )
    return Response(status, phrase, all_headers, body)


def _json_response(status: int, obj: Any, headers: Sequence[tuple[str, str]] = ()) -> Response:
    return _response(status, _json(obj), "application/json; charset=utf-8", headers)


def _inner_records(fetch_result: bytes) -> list[tuple[int, bytes]]:
    """``(msg_id, raw BaseProtoMessage bytes)`` of every message in a fetch result."""
    messages = codec.decode_fields("ProtoMessageFetchResult", fetch_result)["messages"]
    return [(codec.decode_fields("BaseProtoMessage", raw)["msg_id"], raw) for raw in messages]


def _method(raw: bytes) -> str:
    """The ``method`` of a raw ``BaseProtoMessage``."""
    method: str = codec.decode_fields("BaseProtoMessage", raw)["method"]
    return method


@dataclass(slots=True)
class _FrameInfo:
    """What the fake tracks of a push frame it sends."""

    records: list[tuple[int, bytes]]
    """``(msg_id, raw BaseProtoMessage)`` of its messages."""
    ack: tuple[int, str] | None = None
    """``(log_id, internal_ext)`` the client's ack must carry, if the frame asks for one."""


def _frame_info(frame: bytes) -> _FrameInfo:
    """The messages of a ``msg`` push frame and the ack it asks for; nothing for anything else or garbage."""
    try:
        envelope = codec.decode_fields("WebcastPushFrame", frame)
        if envelope["payload_type"] != "msg":
            return _FrameInfo([])
        headers = [codec.decode_fields("PushHeader", raw) for raw in envelope["headers"]]
        payload = envelope["payload"]
        body = gunzip(payload) if is_gzip(payload, {h["key"]: h["value"] for h in headers}) else payload
        result = codec.decode_fields("ProtoMessageFetchResult", body)
        ack = (envelope["log_id"], result["internal_ext"]) if result["need_ack"] else None
        return _FrameInfo(_inner_records(body), ack)
    except DecodeError:
        return _FrameInfo([])


def _raw_ws_frame_head(size: int) -> bytes:
    """The header of an unmasked, final, binary WebSocket frame of ``size`` bytes."""
    if size < 126:
        return bytes([0x82, size])
    if size < 1 << 16:
        return bytes([0x82, 126]) + size.to_bytes(2, "big")
    return bytes([0x82, 127]) + size.to_bytes(8, "big")


def _cookies(header: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in header.split(";"):
        name, sep, value = part.strip().partition("=")
        if sep:
            out[name.strip()] = value.strip()
    return out


@dataclass(slots=True)
class _Token:
    """A ``wrss`` token the sign server issued, with what the handshake must match."""

    room_id: int
    ttwid: str
    user_agent: str
    expires: float  # time.monotonic()
    used: bool = False


@dataclass(slots=True)
class _SignFault:
    status: int
    count: int
    reset_at: float  # time.monotonic(); 0: no reset time
    body: bytes | None


@dataclass(eq=False, slots=True)
class _Conn:
    """One accepted push WebSocket."""

    ws: ServerConnection
    index: int
    last_hb: float
    entering: bool = False
    entered: bool = False
    closed: bool = False
    dropped: bool = False
    watchdog: asyncio.Task[None] | None = None
    acks: dict[int, str] = field(default_factory=dict)
    """``log_id`` to ``internal_ext`` of frames sent that await their ack (the last ``_ACKS_KEPT``)."""

    def expect_ack(self, log_id: int, internal_ext: str) -> None:
        self.acks[log_id] = internal_ext
        if len(self.acks) > _ACKS_KEPT:
            del self.acks[next(iter(self.acks))]


@dataclass(slots=True)
class _Reject:
    status: int
    message: str
    count: int


class FakeRoom:
    """A creator's room on the fake TikTok; made by :meth:`FakeTikTok.add_room`.

    Attributes:
        unique_id: the creator's ``uniqueId``.
        room_id: the live room id.
        private: the account is private (web lookups say so; see the docs).
        simulator: the room's :class:`Simulator`, shared by all its connections.
        sent: per accepted WebSocket (in accept order), the ``BaseProtoMessage``
            msg ids sent to it, in order (empty with ``record=False``).
        received: every frame a client sent, decoded (``type``, ``fields``,
            ``log_id``, ``seq_id``, ``conn``); ``{"type": "invalid", ...}`` for garbage
            (empty with ``record=False``).
        methods: how many messages of each ``method`` the room pushed (bounded by
            the number of distinct methods).
        client_frames: how many frames of each type clients sent (``invalid`` for garbage).
        acks_ok: acks that named a frame awaiting one, with its ``internal_ext``.
        acks_bad: acks that did not (unknown or repeated ``log_id``, wrong payload).
        close_codes: per closed WebSocket, in closing order, the close code the
            client sent (``None``: no close frame); the last 1024.
        accepted: push WebSockets accepted so far.
        hb_answers: server ``hb`` frames sent in answer to client heartbeats.
    """

    def __init__(
        self,
        fake: FakeTikTok,
        unique_id: str,
        room_id: int,
        *,
        live: bool,
        scenario: Scenario,
        private: bool,
        seed: int | None,
        history: int,
    ) -> None:
        self._fake = fake
        self.unique_id = unique_id
        self.room_id = room_id
        self.private = private
        self.scenario = scenario
        self.seed = seed
        self.simulator = Simulator(scenario, seed)
        self.user_id = 6_700_000_000_000_000_000 + int(_digest("user", unique_id), 16) % 10**15
        self.sec_uid = "MS4wLjABAAAA" + _digest("sec", unique_id)[:40]
        self.nickname = unique_id.replace("_", " ").replace(".", " ").title()
        self.title = f"{self.nickname} is LIVE"
        self.followers = 125_000
        self.viewers = (scenario.viewers[0] + scenario.viewers[1]) // 2
        self.start_time = int(time.time())
        self.sent: list[list[int]] = []
        self.received: list[dict[str, Any]] = []
        self.methods: Counter[str] = Counter()
        self.close_codes: deque[int | None] = deque(maxlen=_CLOSES_KEPT)
        self.accepted = 0
        self.hb_answers = 0
        self.client_frames: Counter[str] = Counter()
        self.acks_ok = 0
        self.acks_bad = 0
        self._record = fake.record
        self._quiet = False
        self.history: deque[tuple[int, bytes]] = deque(maxlen=max(0, history))
        self._live = live
        self._silent = False
        self._malformed = 0
        self._malformed_kind = 0
        self._conns: list[_Conn] = []
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._send_lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()
        self._last: bytes | None = None

    def __repr__(self) -> str:
        return f"<FakeRoom @{self.unique_id} {self.room_id} {'live' if self._live else 'offline'}>"

    # ------------------------------------------------------------ public API

    @property
    def live(self) -> bool:
        """Whether the room is live. Setting it to False ends the stream like :meth:`end_stream`."""
        return self._live

    @live.setter
    def live(self, value: bool) -> None:
        if value == self._live:
            return
        if not value:
            self.end_stream(3)
            return
        self._live = True
        self.start_time = int(time.time())
        if self.simulator.ended:
            old = self.simulator
            self.simulator = Simulator(self.scenario, self.seed)
            self.simulator.msg_id = max(self.simulator.msg_id, old.msg_id + 1)
            self.simulator.seq = old.seq
        if any(c.entered and not c.closed for c in self._conns):
            self._ensure_task()

    @property
    def connections(self) -> int:
        """Push WebSockets of this room currently open."""
        return sum(1 for c in self._conns if not c.closed)

    def drop(self, mid_frame: bool = False) -> None:
        """Close every WebSocket of this room abruptly: a TCP close without a close frame.

        With ``mid_frame`` the first half of a WebSocket frame is written first,
        so the client sees the connection die in the middle of a frame.
        """
        for conn in list(self._conns):
            if conn.closed or conn.dropped:
                continue
            conn.dropped = True
            transport = conn.ws.transport
            if mid_frame:
                payload = self._last or wc.push_frame("msg", b"\x00" * 64)
                head = _raw_ws_frame_head(len(payload))
                transport.write(head + payload[: max(1, len(payload) // 2)])
            if transport.get_write_buffer_size():
                transport.close()  # flush what is buffered (the half frame), then FIN
            else:
                transport.abort()

    def go_silent(self, on: bool = True) -> None:
        """Keep the sockets open but send nothing, not even ``hb`` answers (``on=False`` resumes).

        This is a dead socket: TikTok sometimes keeps one open.
        """
        self._silent = on
        if not on and any(c.entered and not c.closed for c in self._conns):
            self._ensure_task()

    def go_quiet(self, on: bool = True) -> None:
        """A quiet room: no messages, but heartbeats are still answered (``on=False`` resumes)."""
        self._quiet = on
        if not on and any(c.entered and not c.closed for c in self._conns):
            self._ensure_task()

    def end_stream(self, action: int = 3) -> None:
        """End the stream: a ``WebcastControlMessage`` with ``action`` (3 or 4), offline, close 1000."""
        self._live = False
        self._wake.set()
        if any(not c.closed for c in self._conns):
            self._spawn(self._finish(action))

    def send_malformed(self, count: int = 1) -> None:
        """Corrupt the next ``count`` frames: each is sent before a good one.

        The corruptions cycle through: random bytes (not a push frame), a ``msg``
        frame whose gzip payload is truncated, and a frame whose fetch result
        carries one inner message with a garbage payload.
        """
        self._malformed += count

    def push(self, frame: bytes, *, track: bool = True) -> None:
        """Send ``frame`` as is to every connected client (entered or not).

        With ``track=False`` its messages are not decoded into :attr:`sent` and
        the history (benchmarks push thousands of frames a second).
        """
        info = _frame_info(frame) if track else _FrameInfo([])
        targets = [c for c in self._conns if not c.closed and not c.dropped]
        if targets:
            self._spawn(self._broadcast(frame, targets, info, keep=track))

    # ------------------------------------------------------------ fetch results

    def _control_message(self, action: int, now_ms: int) -> bytes:
        self.simulator.msg_id += 1
        msg_id = self.simulator.msg_id
        return wc.control(msg_id, self.room_id, now_ms, action, describe="control")

    def first_fetch(self, push_url: str, route_params: dict[str, str]) -> bytes:
        """The raw fetch result the sign server returns for this room.

        Its messages are the last ``history`` messages already pushed (msg ids
        exactly as sent), or a fresh ``roomUserSeq`` snapshot if nothing was
        pushed yet; an offline room's end with a ``WebcastControlMessage``
        action 3.
        """
        now_ms = time.time_ns() // 1_000_000
        messages = [raw for _, raw in self.history]
        if not messages and self._live:
            snapshot = self.simulator.first_fetch_result(now_ms, push_server="", route_params={})
            messages = [raw for _, raw in _inner_records(snapshot)]
        if not self._live:
            messages.append(self._control_message(3, now_ms))
        return wc.fetch_result(
            messages,
            cursor=self.simulator.cursor(now_ms),
            now=now_ms,
            internal_ext=self.simulator.internal_ext(now_ms),
            need_ack=False,
            push_server=push_url,
            route_params=route_params,
            heartbeat_duration=round(self._fake.heartbeat * 1000),
            is_first=True,
        )

    def enter_response(self) -> bytes:
        """The ``im_enter_room_resp`` frame answering a client's ``im_enter_room``.

        Evidence: tiktok-live-connector 2.5 emits ``enterRoom`` on a frame of this
        payload type and TikTokLive 7.0.1 discards it; TikTok's web client names it
        ``EnterRoomFirstMessage``, and third-party decoders read its payload as a
        ``ProtoMessageFetchResult``. Ours carries no messages and asks for no ack.
        """
        now_ms = time.time_ns() // 1_000_000
        body = wc.fetch_result(
            [],
            cursor=self.simulator.cursor(now_ms),
            now=now_ms,
            internal_ext=self.simulator.internal_ext(now_ms),
            need_ack=False,
            heartbeat_duration=round(self._fake.heartbeat * 1000),
        )
        return wc.push_frame("im_enter_room_resp", body, compress=True)

    def _bad_frame(self, now_ms: int) -> bytes:
        kind = self._malformed_kind % 3
        self._malformed_kind += 1
        if kind == 0:  # key 0x0f: field 1 with wire type 7, which protobuf does not have
            return b"\x0f" + secrets.token_bytes(47)
        body = wc.fetch_result(
            [],
            cursor=self.simulator.cursor(now_ms),
            now=now_ms,
            internal_ext=self.simulator.internal_ext(now_ms),
        )
        if kind == 1:
            zipped = gzip.compress(body, mtime=0)
            return wc.push_frame(
                "msg",
                zipped[: len(zipped) // 2],
                seq_id=self.simulator.seq,
                headers={"compress_type": "gzip"},
            )
        self.simulator.msg_id += 1
        bad = wc.inner("WebcastChatMessage", b"\x0f\x01\x02\x03", self.simulator.msg_id)
        return self.simulator.wrap([bad], now_ms)

    # ------------------------------------------------------------ streaming

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        try:
            task: asyncio.Task[None] = asyncio.get_running_loop().create_task(coro)
        except RuntimeError:
            coro.close()
            return
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _ensure_task(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._stream())

    def _entered(self) -> list[_Conn]:
        return [c for c in self._conns if c.entered and not c.closed and not c.dropped]

    async def _stream(self) -> None:
        """Generate frames while the room is live and someone entered; broadcast them."""
        while self._live:
            if not self._entered():
                return
            if not self._silent and not self._quiet:
                now_ms = time.time_ns() // 1_000_000
                if self._malformed > 0:
                    self._malformed -= 1
                    await self._broadcast(
                        self._bad_frame(now_ms), self._entered(), _FrameInfo([]), keep=False
                    )
                frame = self.simulator.frame(now_ms)
                self._last = frame
                await self._broadcast(frame, self._entered(), _frame_info(frame), keep=True)
                if self.simulator.end_sent:
                    self._live = False
                    await self._end_all()
                    return
            if not self._live:
                return
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.simulator.interval_ms / 1000)

    async def _finish(self, action: int) -> None:
        task = self._task
        if task is not None and not task.done() and task is not asyncio.current_task():
            self._wake.set()
            await asyncio.wait([task])  # unlike awaiting it, never swallows our own cancellation
        now_ms = time.time_ns() // 1_000_000
        frame = self.simulator.wrap([self._control_message(action, now_ms)], now_ms)
        await self._broadcast(frame, self._entered(), _frame_info(frame), keep=True)
        await self._end_all()

    async def _broadcast(self, frame: bytes, targets: list[_Conn], info: _FrameInfo, *, keep: bool) -> None:
        records = info.records
        ids = [msg_id for msg_id, _ in records] if self._record else []

        async def send(conn: _Conn) -> None:
            log_ids = self.sent[conn.index] if self._record else []
            before = len(log_ids)
            log_ids.extend(ids)
            if info.ack is not None:
                conn.expect_ack(*info.ack)
            try:
                await asyncio.wait_for(conn.ws.send(frame), SEND_TIMEOUT)
            except ConnectionClosed:
                del log_ids[before : before + len(ids)]
            except TimeoutError:  # a client that does not read: drop it, as TikTok would
                log.info("dropping a push client of room %s that stopped reading", self.room_id)
                conn.dropped = True
                conn.ws.transport.abort()

        async with self._send_lock:
            targets = [c for c in targets if not c.closed and not c.dropped]
            if targets:
                await asyncio.gather(*(send(c) for c in targets))
        if keep:
            self.history.extend(records)
            self.methods.update(_method(raw) for _, raw in records)

    async def _end_all(self) -> None:
        """After the stream-end frame: let clients leave first, then close the stragglers.

        Evidence: both peers disconnect by themselves on a stream-end control message
        (TikTokLive 7.0.1 after LiveEndEvent, tiktok-live-connector 2.5 after streamEnd),
        so TikTok does not hurry to close; closing at once can race the client's handling
        of the message.
        """
        deadline = asyncio.get_running_loop().time() + STREAM_END_GRACE
        while any(not c.closed and not c.dropped for c in self._conns):
            if asyncio.get_running_loop().time() >= deadline:
                break
            await asyncio.sleep(0.02)
        await self._close_all("stream ended")

    async def _close_all(self, reason: str) -> None:
        conns = [c for c in self._conns if not c.closed and not c.dropped]
        if conns:
            await asyncio.gather(*(c.ws.close(1000, reason) for c in conns), return_exceptions=True)

    # ------------------------------------------------------------ connections

    async def _serve(self, ws: ServerConnection) -> None:
        loop = asyncio.get_running_loop()
        conn = _Conn(ws, self.accepted, loop.time())
        self.accepted += 1
        if self._record:
            self.sent.append([])
        self._conns.append(conn)
        timeout = self._fake.hb_timeout
        if timeout > 0:
            conn.watchdog = loop.create_task(self._watchdog(conn, timeout))
        try:
            async for message in ws:
                self._receive(conn, message)
        except ConnectionClosed:
            pass
        finally:
            conn.closed = True
            self._conns.remove(conn)
            rcvd = ws.protocol.close_rcvd
            self.close_codes.append(rcvd.code if rcvd is not None else None)
            if conn.watchdog is not None:
                conn.watchdog.cancel()

    async def _watchdog(self, conn: _Conn, timeout: float) -> None:
        loop = asyncio.get_running_loop()
        while not conn.closed:
            remaining = conn.last_hb + timeout - loop.time()
            if remaining <= 0:
                await conn.ws.close(1000, "heartbeat timeout")
                return
            await asyncio.sleep(remaining)

    def _receive(self, conn: _Conn, message: bytes | str) -> None:
        record: dict[str, Any]
        if isinstance(message, str):
            record = {"type": "invalid", "error": "text message", "fields": {}}
        else:
            record = _decode_client_frame(message)
        record["conn"] = conn.index
        if self._record:
            self.received.append(record)
        kind = record["type"]
        self.client_frames[kind if kind in _CLIENT_FRAME_TYPES else "other"] += 1
        if record["type"] == "ack":
            expected = conn.acks.pop(record["log_id"], None)
            if expected is not None and record["fields"]["payload"] in (expected, expected or "-"):
                self.acks_ok += 1
            else:
                self.acks_bad += 1
        elif record["type"] == "hb":
            conn.last_hb = asyncio.get_running_loop().time()
            if not self._silent:
                # Evidence: TikTok answers heartbeats: TikTokLive 7.0.1 and tiktok-live-connector
                # 2.5 both skip incoming `hb` frames, and captures of real traffic show them. The
                # content is not documented; the client's HeartBeatMessage is echoed.
                self.hb_answers += 1
                fields = record["fields"]
                answer = wc.heartbeat_frame(fields["room_id"], fields["send_packet_seq_id"])
                self._spawn(self._send_one(conn, answer))
        elif record["type"] == "im_enter_room" and not conn.entering:
            conn.entering = True
            self._spawn(self._enter(conn))

    async def _send_one(self, conn: _Conn, frame: bytes) -> None:
        if conn.closed or conn.dropped:
            return
        with contextlib.suppress(ConnectionClosed, TimeoutError):
            await asyncio.wait_for(conn.ws.send(frame), SEND_TIMEOUT)

    async def _enter(self, conn: _Conn) -> None:
        if not self._silent:
            await self._send_one(conn, self.enter_response())
        conn.entered = True
        if self._live:
            self._ensure_task()

    async def _shutdown(self) -> None:
        for task in [self._task, *self._tasks]:
            if task is not None and not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        for conn in self._conns:
            if conn.watchdog is not None:
                conn.watchdog.cancel()


def _decode_client_frame(data: bytes) -> dict[str, Any]:
    """A client push frame as a record for :attr:`FakeRoom.received`."""
    try:
        frame = codec.decode_client_frame(data)
    except DecodeError as exc:
        return {"type": "invalid", "error": str(exc), "fields": {}}
    return {
        "type": frame.payload_type,
        "fields": frame.fields,
        "log_id": frame.log_id,
        "seq_id": frame.seq_id,
        "headers": frame.headers,
    }


class FakeTikTok:
    """The fake TikTok server. Start it, add rooms, point the client at :attr:`base_url`.

    Usage::

        async with FakeTikTok() as fake:
            fake.add_room("someone", 7_400_000_000_000_000_123)
            ...  # web, webcast and sign base URLs: fake.base_url
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        token_ttl: float = 30.0,
        hb_timeout: float = 0.0,
        require_api_key: str = "",
        history: int = 20,
        record: bool = True,
        rate_limit_form: str = "ratelimit-delta",
        heartbeat: float = HEARTBEAT_MS / 1000,
    ) -> None:
        if not 0.05 <= heartbeat <= 3600:  # also refuses NaN
            raise ValueError(f"heartbeat {heartbeat!r}: expected 0.05 to 3600 seconds")
        if rate_limit_form not in RATE_LIMIT_FORMS:
            raise ValueError(
                f"rate_limit_form {rate_limit_form!r}: expected one of {', '.join(RATE_LIMIT_FORMS)}"
            )
        self.host = host
        self.port = port
        self.token_ttl = token_ttl
        self.hb_timeout = hb_timeout
        self.require_api_key = require_api_key
        self.history = history
        self.record = record
        self.heartbeat = heartbeat
        """Seconds between client heartbeats the fake announces (``Handshake-Options``, sign results)."""
        """Keep :attr:`sign_requests`, :attr:`handshakes` and the rooms' ``sent``/``received``."""
        self.rate_limit_form = rate_limit_form
        """How 429 answers give the reset time: one of :data:`RATE_LIMIT_FORMS`."""
        self.captcha = False
        self.rooms: dict[str, FakeRoom] = {}
        self.sign_requests: list[dict[str, Any]] = []
        self.handshakes: list[dict[str, Any]] = []
        self.sign_calls = 0
        """Sign requests answered so far (counted with ``record=False`` too)."""
        self._by_id: dict[int, FakeRoom] = {}
        self._tokens: dict[str, _Token] = {}
        self._accepted: dict[ServerConnection, FakeRoom] = {}
        self._rejects: list[_Reject] = []
        self._sign_faults: list[_SignFault] = []
        self._sign_delays: list[list[float]] = []  # [seconds, count]
        self._server: Server | None = None
        self._stopping: asyncio.Event | None = None
        self._connections: set[ServerConnection] = set()

    # ------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Bind and start serving (port 0 picks a free port, see :attr:`port`)."""
        if self._server is not None:
            return
        self._stopping = asyncio.Event()
        fake = self

        class _Connection(ServerConnection):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                fake._connections.add(self)
                super().connection_made(transport)

            def connection_lost(self, exc: Exception | None) -> None:
                fake._connections.discard(self)
                fake._accepted.pop(self, None)
                super().connection_lost(exc)

        self._server = await serve(
            self._handler,
            self.host,
            self.port,
            process_request=self._process_request,
            process_response=self._process_response,
            select_subprotocol=self._select_subprotocol,
            # Evidence: TikTokLive 7.0.1 (websockets) and tiktok-live-connector 2.5 (ws) both
            # offer permessage-deflate; it is negotiated when offered, never imposed.
            compression="deflate",
            ping_interval=None,
            server_header=None,
            create_connection=_Connection,
            logger=_wire_log,
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Close every connection and stop serving."""
        server = self._server
        if server is None:
            return
        self._server = None
        if self._stopping is not None:
            self._stopping.set()
        for room in self.rooms.values():
            await room._shutdown()
        server.close()
        try:
            await asyncio.wait_for(server.wait_closed(), 3.0)
        except TimeoutError:
            for connection in list(self._connections):
                connection.transport.abort()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(server.wait_closed(), 2.0)

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``: the web, webcast and sign base URL alike."""
        return f"http://{self.host}:{self.port}"

    @property
    def push_url(self) -> str:
        """``ws://127.0.0.1:PORT/webcast/im/push/v2/``: the ``push_server`` sign results name."""
        return f"ws://{self.host}:{self.port}{PUSH_PATH}"

    # ------------------------------------------------------------ rooms and faults

    def add_room(
        self,
        unique_id: str,
        room_id: int,
        *,
        live: bool = True,
        scenario: Scenario | None = None,
        private: bool = False,
        seed: int | None = None,
    ) -> FakeRoom:
        """Add a creator and its room; the scenario (default: built-in ``default``) is renamed to it.

        Raises:
            ValueError: the unique id or room id is already taken.
        """
        if unique_id.lower() in (uid.lower() for uid in self.rooms) or room_id in self._by_id:
            raise ValueError(f"room @{unique_id} / {room_id} overlaps an existing room")
        base = scenario if scenario is not None else load_scenario("default")
        room = FakeRoom(
            self,
            unique_id,
            room_id,
            live=live,
            scenario=dataclasses.replace(base, room=unique_id, room_id=room_id),
            private=private,
            seed=seed,
            history=self.history,
        )
        self.rooms[unique_id] = room
        self._by_id[room_id] = room
        return room

    def reject_handshakes(self, count: int, status: int = 400, message: str = "handshake rejected") -> None:
        """Answer the next ``count`` push handshakes with HTTP ``status`` and ``Handshake-Msg: message``."""
        self._rejects.append(_Reject(status, message, count))

    def sign_fault(
        self, status: int, *, count: int = 1, reset_after: float = 0.0, body: bytes | None = None
    ) -> None:
        """Answer the next ``count`` sign calls with HTTP ``status``.

        ``reset_after`` > 0 also ends the fault that many seconds from now (a 429's
        ``RateLimit-Reset``); ``body`` replaces the JSON body.
        """
        reset_at = time.monotonic() + reset_after if reset_after > 0 else 0.0
        self._sign_faults.append(_SignFault(status, count, reset_at, body))

    def sign_delay(self, seconds: float, count: int = 1) -> None:
        """Stall the next ``count`` sign calls for ``seconds`` before answering."""
        self._sign_delays.append([seconds, float(count)])

    def report(self) -> dict[str, Any]:
        """What clients did, per room (``tiktok-bridge fake-tiktok --report`` writes it as JSON)."""
        rooms = {
            name: {
                "roomId": str(room.room_id),
                "methods": dict(room.methods),
                "accepted": room.accepted,
                "clientFrames": dict(room.client_frames),
                "hbAnswers": room.hb_answers,
                "acksOk": room.acks_ok,
                "acksBad": room.acks_bad,
                "closeCodes": list(room.close_codes),
            }
            for name, room in self.rooms.items()
        }
        return {"signCalls": self.sign_calls, "rooms": rooms}

    def room_by_id(self, room_id: int) -> FakeRoom | None:
        """The room with this id, if any."""
        return self._by_id.get(room_id)

    def room_by_name(self, unique_id: str) -> FakeRoom | None:
        """The room of this creator (case-insensitive), if any."""
        wanted = unique_id.lower()
        for uid, room in self.rooms.items():
            if uid.lower() == wanted:
                return room
        return None

    # ------------------------------------------------------------ HTTP dispatch

    def _select_subprotocol(
        self, connection: ServerConnection, offered: Sequence[Subprotocol]
    ) -> Subprotocol | None:
        # Evidence: tiktok-live-connector 2.5 offers no subprotocol and connects to TikTok
        # daily; TikTokLive 7.0.1 and TikTok's web client offer echo-protocol and get it.
        return Subprotocol(SUBPROTOCOL) if SUBPROTOCOL in offered else None

    async def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        url = urlsplit(request.path)
        path = url.path
        query = dict(parse_qsl(url.query, keep_blank_values=True))
        headers: dict[str, str] = {}
        for name, value in request.headers.raw_items():
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        try:
            if path.rstrip("/") == PUSH_PATH.rstrip("/"):
                return self._handshake(connection, request, path, query, headers)
            if match := _LIVE_PAGE.match(path):
                return self._live_page(match.group(1))
            if path.rstrip("/") == "/api-live/user/room":
                return self._api_live(query.get("uniqueId", ""))
            if path.rstrip("/") == "/webcast/room/check_alive":
                return self._check_alive(query.get("room_ids", ""))
            if path.rstrip("/") == "/webcast/room/info":
                return self._room_info(query.get("room_id", ""))
            if path.rstrip("/") == "/webcast/fetch":
                return await self._sign(path, query, headers, query.get("room_id", ""))
            if match := _CONNECT.match(path):
                return await self._sign(path, query, headers, match.group(1))
            if match := _ANCHOR_ROOM_ID.match(path):
                return self._anchor_room_id(match.group(1))
        except Exception:
            log.exception("fake TikTok failed to answer %s", path)
            return _json_response(500, {"message": "internal error"})
        return _json_response(404, {"message": "not found"})

    def _process_response(
        self, connection: ServerConnection, request: Request, response: Response
    ) -> Response | None:
        if response.status_code == 101:
            interval = self.heartbeat
            if self.hb_timeout > 0:
                interval = min(interval, self.hb_timeout / 2)
            response.headers["Handshake-Options"] = f"ping-interval={interval:g}"
        return None

    async def _handler(self, ws: ServerConnection) -> None:
        room = self._accepted.pop(ws, None)
        if room is None:  # accepted by websockets without our checks: cannot happen
            await ws.close(1011, "unexpected connection")
            return
        await room._serve(ws)

    # ------------------------------------------------------------ web endpoints

    def _user_json(self, room: FakeRoom) -> dict[str, Any]:
        status = ROOM_LIVE if room.live and not room.private else ROOM_ENDED
        user: dict[str, Any] = {
            "id": str(room.user_id),
            "uniqueId": room.unique_id,
            "nickname": room.nickname,
            "roomId": str(room.room_id),
            "status": status,
            "secUid": room.sec_uid,
        }
        if room.private:
            user["privateAccount"] = True
        live_room = {
            "title": room.title,
            "startTime": room.start_time,
            "status": status,
            "liveRoomStats": {"userCount": room.viewers if status == ROOM_LIVE else 0},
        }
        return {"user": user, "liveRoom": live_room}

    def _live_page(self, name: str) -> Response:
        name = name.strip()
        if self.captcha:
            page = (
                '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Security Check</title>'
                '</head><body><div id="captcha-verify-container"><div class="captcha_verify_bar">'
                'Verify to continue:</div><div class="captcha_verify_img"></div></div></body></html>'
            )
            return _response(200, page.encode(), "text/html; charset=utf-8")
        room = self.room_by_name(name)
        state: dict[str, Any] = {
            "AppContext": {"appContext": {"language": "en", "region": "US", "wid": _digest(name)[:19]}},
            "SEOState": {"metaParams": {"title": "TikTok LIVE"}},
        }
        title = "TikTok LIVE"
        if room is not None and not room.private:
            state["LiveRoom"] = {"liveRoomUserInfo": self._user_json(room), "loadingState": {}}
            title = f"{room.nickname} (@{room.unique_id}) is LIVE | TikTok"
        data = json.dumps(state, separators=(",", ":")).replace("</", "<\\/")
        page = (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            '</head><body><div id="app"></div>'
            f'<script id="SIGI_STATE" type="application/json">{data}</script>'
            '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">'
            '{"__DEFAULT_SCOPE__":{}}</script></body></html>'
        )
        return _response(200, page.encode("utf-8"), "text/html; charset=utf-8")

    def _api_live(self, name: str) -> Response:
        room = self.room_by_name(name.strip().lstrip("@")) if name else None
        if room is None:
            return _json_response(
                200, {"statusCode": USER_NOT_FOUND, "message": "user_not_found", "data": {}}
            )
        data = self._user_json(room)
        data["user"].pop("secUid", None)
        return _json_response(200, {"statusCode": 0, "message": "", "data": data})

    def _check_alive(self, room_ids: str) -> Response:
        data = []
        for part in room_ids.split(","):
            part = part.strip()
            if not (part.isascii() and part.isdigit()):
                continue
            room = self._by_id.get(int(part))
            data.append({"room_id": int(part), "room_id_str": part, "alive": room is not None and room.live})
        return _json_response(200, {"status_code": 0, "data": data})

    def _room_info(self, room_id: str) -> Response:
        room = self._by_id.get(int(room_id)) if room_id.isascii() and room_id.isdigit() else None
        if room is None:
            return _json_response(200, {"status_code": ROOM_NOT_FOUND, "data": {"message": "room not found"}})
        stream = f"https://pull-f5-va01.tiktokcdn.com/stage/stream-{room.room_id}"
        avatar = (
            f"https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/{_digest('avatar', room.unique_id)[:32]}"
        )
        data = {
            "id": room.room_id,
            "id_str": str(room.room_id),
            "status": ROOM_LIVE if room.live else ROOM_ENDED,
            "title": room.title,
            "user_count": room.viewers if room.live else 0,
            "create_time": room.start_time,
            "owner": {
                "id": room.user_id,
                "id_str": str(room.user_id),
                "display_id": room.unique_id,
                "nickname": room.nickname,
                "sec_uid": room.sec_uid,
                "follow_info": {"follower_count": room.followers, "following_count": 210},
                "avatar_thumb": {"url_list": [f"{avatar}~tplv-tiktokx-cropcenter:100:100.webp"]},
            },
            "stream_url": {
                "hls_pull_url": f"{stream}_or4/index.m3u8",
                "flv_pull_url": {
                    "FULL_HD1": f"{stream}_or4.flv",
                    "HD1": f"{stream}_hd.flv",
                    "SD1": f"{stream}_sd.flv",
                },
                "hls_pull_url_map": {
                    "FULL_HD1": f"{stream}_or4/index.m3u8",
                    "HD1": f"{stream}_hd/index.m3u8",
                    "SD1": f"{stream}_sd/index.m3u8",
                },
            },
        }
        return _json_response(200, {"status_code": 0, "data": data})

    def _anchor_room_id(self, name: str) -> Response:
        # Evidence: tiktok-live-connector 2.5 asks Euler's /webcast/anchors/{uniqueId}/room_id
        # as its last room lookup and reads {ok, code, room_id, is_live}.
        room = self.room_by_name(name.lstrip("@"))
        if room is None:
            return _json_response(404, {"ok": False, "code": 404, "message": "anchor not found"})
        return _json_response(
            200, {"ok": True, "code": 200, "room_id": str(room.room_id), "is_live": room.live}
        )

    # ------------------------------------------------------------ sign server

    async def _sign(
        self, path: str, query: dict[str, str], headers: dict[str, str], room_id: str
    ) -> Response:
        record: dict[str, Any] = {
            "path": path,
            "query": query,
            "headers": headers,
            "status": 0,
            "time": time.monotonic(),
        }
        self.sign_calls += 1
        if self.record:
            self.sign_requests.append(record)
        response = await self._sign_answer(query, headers, room_id)
        record["status"] = response.status_code
        return response

    async def _sign_answer(self, query: dict[str, str], headers: dict[str, str], room_id: str) -> Response:
        if self._sign_delays:
            delay = self._sign_delays[0]
            delay[1] -= 1
            if delay[1] <= 0:
                self._sign_delays.pop(0)
            if self._stopping is not None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), delay[0])
        now = time.monotonic()
        while self._sign_faults:
            fault = self._sign_faults[0]
            if fault.count <= 0 or (fault.reset_at and now >= fault.reset_at):
                self._sign_faults.pop(0)
                continue
            fault.count -= 1
            return self._sign_fault_response(fault, now)
        if self.require_api_key and headers.get("x-api-key") != self.require_api_key:
            return _json_response(401, {"message": _SIGN_MESSAGES[401]})
        if not (room_id.isascii() and room_id.isdigit()):
            return _json_response(400, {"message": "room_id is required"})
        user_agent = query.get("user_agent", "")
        if not user_agent:
            return _json_response(400, {"message": "user_agent is required"})
        room = self._by_id.get(int(room_id))
        if room is None:
            return _json_response(404, {"message": "room not found"})
        wrss = secrets.token_urlsafe(24)
        ttwid = "1%7C" + secrets.token_urlsafe(32) + "%7C" + str(int(time.time()))
        self._purge_tokens(now)
        self._tokens[wrss] = _Token(room.room_id, ttwid, user_agent, now + self.token_ttl)
        body = room.first_fetch(self.push_url, {"wrss": wrss, "room_id": str(room.room_id)})
        cookie = (
            f"ttwid={ttwid}; Path=/; Domain=.tiktok.com; Max-Age=31536000, "
            "tt-target-idc=useast5; Path=/; Domain=.tiktok.com"
        )
        return _response(
            200,
            body,
            "application/x-protobuf",
            [("x-set-tt-cookie", cookie), ("x-room-id", str(room.room_id))],
        )

    def _sign_fault_response(self, fault: _SignFault, now: float) -> Response:
        status = fault.status
        extra: list[tuple[str, str]] = []
        payload: dict[str, Any] = {"message": _SIGN_MESSAGES.get(status, f"error {status}")}
        if status == 429:
            payload["limit_label"] = "rate_limit_account_minute"
            reset = max(0, math.ceil(fault.reset_at - now)) if fault.reset_at else 60
            extra = self._rate_limit_headers(reset)
        if fault.body is not None:
            return _response(status, fault.body, "application/json; charset=utf-8", extra)
        return _json_response(status, payload, extra)

    def _rate_limit_headers(self, reset: int) -> list[tuple[str, str]]:
        """The headers of a 429 in :attr:`rate_limit_form`; ``reset``: seconds until it lifts.

        Evidence: each client reads its own set. TikTokLiveSharp reads ``RateLimit-Reset``
        as seconds, TikTokLive 7.0.1 ``RateLimit-Reset`` as unix time (and
        ``RateLimit-Remaining``), tiktok-live-connector 2.5 ``retry-after`` (seconds) and
        ``x-ratelimit-reset`` (unix time). Euler's servers send the IETF draft's headers.
        """
        unix = str(int(time.time()) + reset)
        forms = {
            "ratelimit-delta": [
                ("RateLimit-Limit", "10"),
                ("RateLimit-Remaining", "0"),
                ("RateLimit-Reset", str(reset)),
            ],
            "ratelimit-unix": [
                ("RateLimit-Limit", "10"),
                ("RateLimit-Remaining", "0"),
                ("RateLimit-Reset", unix),
            ],
            "retry-after": [("Retry-After", str(reset))],
            "x-ratelimit-reset": [("x-ratelimit-reset", unix)],
        }
        if self.rate_limit_form == "all":
            return forms["ratelimit-unix"] + forms["retry-after"] + forms["x-ratelimit-reset"]
        return forms[self.rate_limit_form]

    def _purge_tokens(self, now: float) -> None:
        for key in [k for k, t in self._tokens.items() if t.expires < now - 60]:
            del self._tokens[key]

    # ------------------------------------------------------------ push handshake

    def _handshake(
        self,
        connection: ServerConnection,
        request: Request,
        path: str,
        query: dict[str, str],
        headers: dict[str, str],
    ) -> Response | None:
        record: dict[str, Any] = {
            "path": path,
            "query": query,
            "target": request.path,
            "headers": headers,
            "accepted": False,
            "reason": "",
            "status": 101,
        }
        if self.record:
            self.handshakes.append(record)
        status = 400
        while self._rejects and self._rejects[0].count <= 0:
            self._rejects.pop(0)
        if self._rejects:
            reject = self._rejects[0]
            reject.count -= 1
            status, reason = reject.status, reject.message
        else:
            room, token, reason = self._check_handshake(request, query, headers)
            if not reason and room is not None and token is not None:
                token.used = True
                self._accepted[connection] = room
                record["accepted"] = True
                return None
        record["reason"] = reason
        record["status"] = status
        return _response(
            status, f"{reason}\n".encode(), "text/plain; charset=utf-8", [("Handshake-Msg", reason)]
        )

    def _check_handshake(
        self, request: Request, query: dict[str, str], headers: dict[str, str]
    ) -> tuple[FakeRoom | None, _Token | None, str]:
        if headers.get("upgrade", "").lower() != "websocket":
            return None, None, "not a websocket upgrade"
        raw_room = query.get("room_id", "")
        if not raw_room:
            return None, None, "missing room_id"
        room = self._by_id.get(int(raw_room)) if raw_room.isascii() and raw_room.isdigit() else None
        if room is None:
            return None, None, "room not found"
        if not room.live:
            return room, None, "room is not live"
        # Not proven of TikTok: every known client sends compress=gzip (TikTokLive 7.0.1 and
        # tiktok-live-connector 2.5 alike), so a client that does not is the odd one out.
        if query.get("compress") != "gzip":
            return room, None, "compress=gzip required"
        # Evidence: the wrss route param and the ttwid cookie come from the signed fetch; both
        # peers send them back unchanged, and signed URLs expire (TikTokLive 7.0.1 ws_connect:
        # "signed URLs expire after 30 seconds"), which is why neither peer reuses one.
        wrss = query.get("wrss", "")
        if not wrss:
            return room, None, "missing wrss token"
        token = self._tokens.get(wrss)
        if token is None:
            return room, None, "unknown wrss token"
        if token.room_id != room.room_id:
            return room, None, "wrss token issued for another room"
        if token.used:
            return room, None, "wrss token already used"
        if time.monotonic() > token.expires:
            return room, None, "wrss token expired"
        if _cookies(headers.get("cookie", "")).get("ttwid") != token.ttwid:
            return room, None, "ttwid cookie missing or wrong"
        # Evidence: TikTokLive 7.0.1 signs with the WebSocket's own User-Agent because TikTok
        # answers a mismatch with DEVICE_BLOCKED (tiktok-live-connector PR #189).
        if headers.get("user-agent", "") != token.user_agent:
            return room, None, "user agent does not match the signed one"
        return room, token, ""
