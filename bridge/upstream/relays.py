"""Managed relay upstreams: the TikTool and Euler Stream WebSockets.

Both relays hold the TikTok connection themselves (signing, per-IP limits) and
forward its events over one WebSocket per creator, authenticated by an API key:

* **TikTool** (``wss://api.tik.tools?uniqueId=...&apiKey=...``) sends JSON text
  messages ``{"event": "chat", "data": {...}}``; the first is ``roomInfo`` with the
  room id. :func:`parse_tiktool` maps every documented event type to our contract.
* **Euler Stream** (``wss://ws.eulerstream.com?uniqueId=...&apiKey=...``) sends
  binary webcast protobuf. We assume each message is a ``WebcastPushFrame``
  whose ``msg`` payload is a ``ProtoMessageFetchResult`` (what its WebSocket SDK
  decodes), and accept a bare ``ProtoMessageFetchResult`` too; the events go
  through the same decoder as TikTok's own frames (:func:`parse_euler`).

Both close the socket with custom codes (stream end, not live, bad key, too many
connections, ...). :data:`CLOSE_CODES` maps each to a ``sys.status`` reason and
what the source does: wait for the next stream, wait until live, stop, or
reconnect (at once, with backoff, or after ``tiktok.backoff_cap``). The parsing
functions are pure, so a recording of relay traffic replays through exactly the
same code (:mod:`bridge.record.replay`). ``docs/relays.md`` is the user guide.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI

from .. import codec
from ..codec import webcast as wc
from ..config import TikTokConfig
from ..errors import DecodeError, LiveError, UserOfflineError, scrub
from ..frames import FetchResult, gunzip
from ..limits import MAX_FRAME_BYTES
from ..room import Raw, RecentIds, Room, Sink, Tap, tapped
from ..values import clamp_i64
from .connection import Watcher, backoff
from .lookup import WebClient

__all__ = [
    "CLOSE_CODES",
    "CloseRule",
    "EulerSource",
    "Parsed",
    "RelaySource",
    "TikToolSource",
    "control_frame",
    "control_result",
    "parse_euler",
    "parse_tiktool",
    "tiktool_event",
]

log = logging.getLogger("bridge.relays")
_wire_log = logging.getLogger("bridge.relays.wire")
_wire_log.setLevel(logging.WARNING)  # websockets logs the request line, which carries the API key

TIKTOOL_URL = "wss://api.tik.tools"
EULER_URL = "wss://ws.eulerstream.com"


@dataclass(frozen=True, slots=True)
class CloseRule:
    """What a relay close code means for the room.

    ``action`` is ``end`` (the stream ended: wait for the next one), ``offline``
    (not live: wait until live), ``stop`` (hopeless: stop with ``error``),
    ``retry`` (reconnect with backoff), ``retry_now`` (reconnect at once) or
    ``retry_slow`` (reconnect after ``tiktok.backoff_cap``).
    """

    name: str
    reason: str
    action: str
    meaning: str


CLOSE_CODES: dict[int, CloseRule] = {
    1000: CloseRule("NORMAL", "dropped", "retry", "the relay closed the connection normally"),
    1011: CloseRule("INTERNAL_SERVER_ERROR", "relay_internal", "retry", "the relay had an internal error"),
    4005: CloseRule("STREAM_END", "stream_ended", "end", "the live stream ended"),
    4006: CloseRule(
        "NO_MESSAGES_TIMEOUT", "relay_no_messages", "retry", "no messages for the relay's timeout"
    ),
    4400: CloseRule(
        "INVALID_OPTIONS", "relay_invalid_options", "stop", "missing or invalid connection parameters"
    ),
    4401: CloseRule("INVALID_AUTH", "relay_unauthorized", "stop", "invalid API key or JWT"),
    4403: CloseRule("NO_PERMISSION", "relay_forbidden", "stop", "the key or JWT may not access this creator"),
    4404: CloseRule("NOT_LIVE", "offline", "offline", "the creator is not live"),
    4429: CloseRule(
        "TOO_MANY_CONNECTIONS", "relay_rate_limited", "retry_slow", "the relay's connection limit"
    ),
    4500: CloseRule(
        "TIKTOK_CLOSED", "relay_upstream_closed", "retry", "TikTok closed the relay's connection"
    ),
    4555: CloseRule(
        "MAX_LIFETIME", "relay_max_lifetime", "retry_now", "the connection reached its maximum lifetime"
    ),
    4556: CloseRule(
        "WEBCAST_FETCH_ERROR", "relay_fetch_failed", "retry", "the relay failed to fetch webcast data"
    ),
    4557: CloseRule(
        "ROOM_INFO_FETCH_ERROR", "relay_room_info_failed", "retry", "the relay failed to fetch room info"
    ),
}
"""Close codes of both relays (TikTool documents 1000 and 4005-4556; Euler adds 1011 and 4557)."""

_DROPPED = CloseRule("", "dropped", "retry", "the connection closed")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")
_NO_EVENT_FRAMES = frozenset({"hb", "ack", "im_enter_room", "im_enter_room_resp", "close"})


# ------------------------------------------------------------------ value helpers


def _int(value: Any) -> int:
    """An integer field of relay JSON, clamped to int64 (0 when it is not an integer)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return clamp_i64(value)
    if isinstance(value, float) and value.is_integer():
        return clamp_i64(int(value))
    if isinstance(value, str):
        text = value.strip()
        if text.lstrip("-").isdigit() and text.isascii() and len(text) <= 20:
            return clamp_i64(int(text))
    return 0


def _str(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return ""


def _bool(value: Any) -> bool:
    return value is True or (isinstance(value, int) and not isinstance(value, bool) and value != 0)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _clean(event: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values, as the contract requires (recursively for maps and lists of maps)."""
    out: dict[str, Any] = {}
    for key, value in event.items():
        if isinstance(value, dict):
            value = _clean(value)
        elif isinstance(value, list):
            value = [_clean(v) if isinstance(v, dict) else v for v in value]
            value = [v for v in value if not isinstance(v, dict) or v]
        if value:
            out[key] = value
    return out


def _image(value: Any) -> str:
    """A URL from a string, a list of URLs or an ``{"url_list": [...]}`` / ``{"urls": [...]}`` map."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return next((v for v in value if isinstance(v, str) and v), "")
    if isinstance(value, dict):
        for key in ("url_list", "urls", "url"):
            found = _image(value.get(key))
            if found:
                return found
    return ""


def _user(value: Any) -> dict[str, Any]:
    """A TikTool ``WebcastUser`` as our ``User`` struct."""
    data = _dict(value)
    user: dict[str, Any] = {
        "id": _int(data.get("id") or data.get("userId")),
        "uniqueId": _str(data.get("uniqueId")).lstrip("@"),
        "nickname": _str(data.get("nickname")),
        "avatar": _image(data.get("avatar") or data.get("profilePictureUrl") or data.get("profilePicture")),
        "followerCount": _int(data.get("followerCount")),
        "isModerator": _bool(data.get("isModerator")),
        "isSubscriber": _bool(data.get("isSubscriber")),
        "isFollower": _bool(data.get("isFollower")),
        "isFriend": _bool(data.get("isFriend")),
        "gifterLevel": _int(data.get("gifterLevel")),
        "memberLevel": _int(data.get("memberLevel")),
    }
    return _clean(user)


# ------------------------------------------------------------------ TikTool JSON → contract

_MEMBER_ACTIONS = {"join": 1, "joined": 1, "subscribe": 3, "subscribed": 3}


def _gift(data: dict[str, Any]) -> dict[str, Any]:
    gift_type = _int(data.get("giftType"))
    repeat_end = _bool(data.get("repeatEnd"))
    if "giftType" in data:
        streaking = gift_type == 1 and not repeat_end
    else:  # undocumented type: a gift that says repeatEnd false is a combo in progress
        streaking = "repeatEnd" in data and not repeat_end
    return {
        "type": "gift",
        "user": _user(data.get("user")),
        "giftId": _int(data.get("giftId")),
        "giftName": _str(data.get("giftName")),
        "diamondCount": _int(data.get("diamondCount")),
        "repeatCount": _int(data.get("repeatCount")) or 1,
        "repeatEnd": repeat_end,
        "giftType": gift_type,
        "groupId": _int(data.get("groupId")),
        "streaking": streaking,
        "giftImage": _image(data.get("giftImage") or data.get("giftPictureUrl")),
        "toUserId": _int(data.get("toUserId") or data.get("receiverUserId")),
    }


def _social(data: dict[str, Any], action: Any) -> dict[str, Any]:
    user = _user(data.get("user"))
    name = action.strip().lower() if isinstance(action, str) else ""
    if name == "follow":
        return {"type": "follow", "user": user, "followCount": _int(data.get("followCount"))}
    if name == "share":
        return {
            "type": "share",
            "user": user,
            "shareType": _int(data.get("shareType")),
            "shareCount": _int(data.get("shareCount")),
            "shareTarget": _str(data.get("shareTarget")),
        }
    return {"type": "social", "user": user, "action": _int(action)}


def _emote(data: dict[str, Any]) -> dict[str, Any]:
    emotes = []
    for entry in _list(data.get("emotes")):
        item = _dict(entry)
        emotes.append(
            {
                "id": _str(item.get("emoteId") or item.get("id")),
                "url": _image(item.get("emoteUrl") or item.get("url") or item.get("image")),
            }
        )
    emote_id = _str(data.get("emoteId"))
    emote_url = _image(data.get("emoteUrl"))
    if not emotes and (emote_id or emote_url):
        emotes.append({"id": emote_id, "url": emote_url})
    if emotes and not emote_id:
        emote_id, emote_url = emotes[0]["id"], emote_url or emotes[0]["url"]
    return {
        "type": "emote",
        "user": _user(data.get("user")),
        "emoteId": emote_id,
        "emoteUrl": emote_url,
        "emotes": emotes,
    }


def _battle(data: dict[str, Any]) -> dict[str, Any]:
    results = []
    anchors = []
    for entry in _list(data.get("teams")):
        team = _dict(entry)
        user_id = _int(team.get("hostUserId") or team.get("userId") or team.get("anchorId"))
        results.append(
            {"userId": user_id, "result": _int(team.get("result")), "score": _int(team.get("score"))}
        )
        anchor = {
            "id": user_id,
            "uniqueId": _str(team.get("hostUniqueId") or team.get("uniqueId")),
            "nickname": _str(team.get("hostNickname") or team.get("nickname")),
        }
        if anchor["uniqueId"] or anchor["nickname"]:
            anchors.append(anchor)
    return {
        "type": "battle",
        "battleId": _int(data.get("battleId")),
        "action": _int(data.get("action")),
        "status": _int(data.get("status")),
        "duration": _int(data.get("battleDuration") or data.get("duration")),
        "startTime": _int(data.get("startTime")),
        "results": results,
        "anchors": anchors,
    }


def _room_pin(data: dict[str, Any]) -> dict[str, Any]:
    original = _str(data.get("originalMsgType"))
    comment = _str(data.get("comment"))
    pinned: dict[str, Any] = {}
    if comment or data.get("user"):
        pinned = {
            "type": "chat",
            "user": _user(data.get("user")),
            "comment": comment,
            "msgId": _int(data.get("originalMsgId")),
        }
    return {
        "type": "roomPin",
        "action": _int(data.get("action")),
        "pinTime": _int(data.get("pinnedAt") or data.get("pinTime")),
        "duration": _int(data.get("durationSeconds") or data.get("duration")),
        "originalType": original,
        "operatorId": _int(data.get("operatorUserId") or data.get("operatorId")),
        "pinned": pinned,
    }


def _top_viewers(value: Any) -> list[dict[str, Any]]:
    out = []
    for index, entry in enumerate(_list(value)):
        item = _dict(entry)
        if "user" not in item:
            continue
        out.append(
            {
                "user": _user(item.get("user")),
                "score": _int(item.get("coinCount") or item.get("score")),
                "rank": _int(item.get("rank")) or index + 1,
            }
        )
    return out


def tiktool_event(name: str, data: dict[str, Any]) -> dict[str, Any] | None:
    """One TikTool event (``event`` name and ``data``) as a contract event; ``None`` for ``roomInfo``."""
    event: dict[str, Any]
    if name == "chat":
        event = {
            "type": "chat",
            "user": _user(data.get("user")),
            "comment": _str(data.get("comment")),
            "language": _str(data.get("language")),
        }
    elif name == "gift":
        event = _gift(data)
    elif name == "like":
        event = {
            "type": "like",
            "user": _user(data.get("user")),
            "likeCount": _int(data.get("likeCount")),
            "totalLikes": _int(data.get("totalLikes")),
        }
    elif name == "member":
        action = data.get("action")
        code = _MEMBER_ACTIONS.get(action.strip().lower(), 0) if isinstance(action, str) else _int(action)
        event = {
            "type": "member",
            "user": _user(data.get("user")),
            "action": code,
            "memberCount": _int(data.get("memberCount")),
        }
    elif name == "social":
        event = _social(data, data.get("action"))
    elif name in ("follow", "share"):
        event = _social(data, name)
    elif name == "roomUserSeq":
        event = {
            "type": "roomUserSeq",
            "viewerCount": _int(data.get("viewerCount")),
            "totalViewers": _int(data.get("totalViewers")),
            "topViewers": _top_viewers(data.get("topViewers")),
        }
    elif name == "subscribe":
        event = {
            "type": "subscribe",
            "user": _user(data.get("user")),
            "subMonth": _int(data.get("subMonth")),
            "subscribeType": _int(data.get("subscribeType")),
            "gifted": _bool(data.get("gifted")),
        }
    elif name in ("emoteChat", "emote"):
        event = _emote(data)
    elif name == "battle":
        event = _battle(data)
    elif name == "question":
        event = {
            "type": "question",
            "user": _user(data.get("user")),
            "questionId": _int(data.get("questionId")),
            "questionText": _str(data.get("questionText")),
        }
    elif name == "control":
        action = _int(data.get("action"))
        event = {"type": "streamEnd" if action in (3, 4) else "control", "action": action}
    elif name == "envelope":
        event = {
            "type": "envelope",
            "envelopeId": _str(data.get("envelopeId")),
            "diamondCount": _int(data.get("diamondCount")),
            "peopleCount": _int(data.get("peopleCount")),
            "senderName": _str(data.get("senderName")),
            "senderId": _str(data.get("senderId")),
            "businessType": _int(data.get("businessType")),
            "unpackAt": _int(data.get("unpackAt")),
        }
    elif name == "roomPin":
        event = _room_pin(data)
    elif name == "roomInfo":
        return None
    else:
        raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        event = {"type": "unknown", "method": f"tiktool:{name}", "payload": raw}
    event["msgId"] = _int(data.get("msgId"))
    event["createTime"] = _int(data.get("createTime"))
    cleaned = _clean(event)
    cleaned["type"] = event["type"]
    return cleaned


@dataclass(slots=True)
class Parsed:
    """What one relay message carried."""

    result: FetchResult | None = None
    room_id: int = 0
    error: str = ""


def _room_id_of(obj: Any, depth: int = 0) -> int:
    """A room id from a room-info JSON object (``roomId``, ``room_id``, ``id_str``, ``id``; or nested)."""
    if not isinstance(obj, dict) or depth > 3:
        return 0
    for key in ("roomId", "room_id", "id_str", "roomIdStr", "id"):
        value = _int(obj.get(key))
        if value > 0:
            return value
    for key in ("data", "roomInfo", "room_info", "room"):
        value = _room_id_of(obj.get(key), depth + 1)
        if value:
            return value
    return 0


def parse_tiktool(raw: bytes | str) -> Parsed:
    """One TikTool WebSocket message: its events (as a fetch result) and the room id it names."""
    try:
        message = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return Parsed(error=f"not JSON: {exc}")
    if not isinstance(message, dict):
        return Parsed(error="not a JSON object")
    name = message.get("event")
    if not isinstance(name, str) or not name:
        name = _str(_dict(message.get("data")).get("type"))
    if not name:
        return Parsed(error="a message without an event name")
    data = _dict(message.get("data"))
    if name == "roomInfo":
        return Parsed(room_id=_room_id_of(message) or _room_id_of(data))
    if name == "error":
        return Parsed(error=f"the relay reported an error: {_str(data.get('message')) or data}")
    event = tiktool_event(name, data)
    return Parsed(result=FetchResult(events=[event] if event is not None else []))


def parse_euler(raw: bytes | str) -> Parsed:
    """One Euler WebSocket message.

    Binary messages are decoded as a ``WebcastPushFrame`` (the documented
    assumption); a non-``msg`` frame or a text message whose payload is JSON is
    room info. A binary message that is not a push frame is tried as a bare
    ``ProtoMessageFetchResult``.
    """
    if isinstance(raw, str):
        try:
            return Parsed(room_id=_room_id_of(json.loads(raw)))
        except ValueError:
            return Parsed(error="a text message that is not JSON")
    data = raw
    error = ""
    try:
        frame = codec.decode_frame(data)
    except DecodeError as exc:
        error = str(exc)
    else:
        if frame.result is not None:
            return Parsed(result=frame.result)
        if frame.payload_type in _NO_EVENT_FRAMES:
            return Parsed()
        if _IDENT.match(frame.payload_type):
            try:
                return Parsed(room_id=_room_id_of(json.loads(frame.payload)))
            except (ValueError, UnicodeDecodeError):
                return Parsed()
    try:
        body = gunzip(data) if data[:3] == b"\x1f\x8b\x08" else data
        result = codec.decode_fetch_result(body)
    except DecodeError as exc:
        return Parsed(error=error or str(exc))
    if result.events or result.errors:
        return Parsed(result=result)
    return Parsed(error=error) if error else Parsed()


def control_result(room_id: int, action: int, msg_id: int = 0, now_ms: int | None = None) -> bytes:
    """A ``ProtoMessageFetchResult`` carrying one ``WebcastControlMessage`` with ``action``."""
    now = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    message = wc.control(msg_id, room_id, now, action)
    return wc.fetch_result([message], cursor="", now=now, internal_ext="", need_ack=False)


def control_frame(room_id: int, action: int, msg_id: int = 0, now_ms: int | None = None) -> bytes:
    """A ``msg`` push frame around :func:`control_result` (uncompressed, as Euler sends)."""
    return wc.push_frame("msg", control_result(room_id, action, msg_id, now_ms))


# ------------------------------------------------------------------ the sources


class _Stop(Exception):
    """The room cannot be watched through this relay (bad key, forbidden, invalid options)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class _Retry(Exception):
    def __init__(self, reason: str, message: str, delay: float | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.delay = delay


@dataclass(slots=True)
class _Outcome:
    """How one relay connection ended."""

    kind: str  # "end" | "offline"
    message: str = ""


class RelaySource:
    """Holds one creator's connection through a relay; subclasses speak the relay's format."""

    label = "relay"

    def __init__(
        self,
        unique_id: str,
        settings: TikTokConfig,
        url: str,
        api_key: str,
        *,
        web: WebClient | None = None,
        watcher: Watcher | None = None,
        tap: Tap | None = None,
        params: dict[str, str] | None = None,
    ) -> None:
        self.unique_id = unique_id.lstrip("@")
        self.settings = settings
        self.url = url
        self.api_key = api_key
        self.web = web
        self.watcher = watcher
        self.tap = tap
        """Shown every relay message before it is decoded (the recorder)."""
        self.params = dict(params or {})
        self.room = Room(self.unique_id)
        self.recent = RecentIds(settings.dedupe_size)
        self.connections = 0
        """WebSockets opened so far."""
        self._received = False
        self._ended = False

    def __repr__(self) -> str:
        return f"<{type(self).__name__} @{self.unique_id} via {self._scrub(self.url)}>"

    # -------------------------------------------------------- format hooks

    def parse(self, raw: bytes | str) -> Parsed:
        """Decode one message (pure; replays use the same function)."""
        raise NotImplementedError

    def raw_kind(self, raw: bytes | str) -> Raw:
        """What a message is shown to the tap as."""
        return "json" if isinstance(raw, str) else "frame"

    def stream_end_message(self) -> bytes | str:
        """A message of this relay's format that ends the stream (used when it closes with 4005)."""
        raise NotImplementedError

    # -------------------------------------------------------- I/O

    def _url(self) -> str:
        query = {"uniqueId": self.unique_id, **self.params, "apiKey": self.api_key}
        separator = "&" if "?" in self.url else "?"
        return f"{self.url}{separator}{urlencode(query)}"

    def _scrub(self, text: str) -> str:
        return scrub(text, self.api_key)

    async def run(self, sink: Sink) -> None:
        """Connect, reconnect and wait for the stream until cancelled or hopeless."""
        with tapped(self.tap, self.room, sink):
            await self._run(sink)

    async def _run(self, sink: Sink) -> None:
        attempt = 0
        while True:
            delay: float | None = None
            try:
                outcome = await self._connection(sink)
            except _Stop as exc:
                sink.set_state(self.room, "error", exc.reason, str(exc))
                return
            except _Retry as exc:
                reason, message, delay = exc.reason, str(exc), exc.delay
            except TimeoutError:
                reason, message = "connect_timeout", "the relay connection did not open in time"
            except (OSError, InvalidHandshake) as exc:
                reason, message = "connect_failed", self._scrub(str(exc) or type(exc).__name__)
            else:
                attempt = 0
                if outcome.kind == "offline":
                    await self._wait_for_live(sink, outcome.message)
                    continue
                sink.set_state(self.room, "streamEnd", "stream_ended", outcome.message)
                if not self.settings.wait_for_live:
                    sink.set_state(self.room, "disconnected", "stream_ended", "not waiting for the next")
                    return
                await self._wait_for_live(sink, "stream ended; waiting for the next one")
                continue
            attempt = 1 if self._received else attempt + 1
            limit = self.settings.max_reconnect_attempts
            if not self.settings.auto_reconnect or (limit and attempt > limit):
                sink.set_state(self.room, "disconnected", reason, f"{message}; giving up")
                return
            if delay is None:
                delay = backoff(attempt, self.settings.backoff_base, self.settings.backoff_cap)
            sink.set_state(self.room, "reconnecting", reason, f"{message}; retry in {delay:.1f} s", attempt)
            await asyncio.sleep(delay)

    async def _connection(self, sink: Sink) -> _Outcome:
        """One relay WebSocket from open to close."""
        self._received = False
        self._ended = False
        sink.set_state(self.room, "connecting", "relay", f"through {self.label} ({self._scrub(self.url)})")
        if self.tap is not None:
            self.tap.session()
        try:
            websocket = await connect(
                self._url(),
                open_timeout=self.settings.connect_timeout,
                max_size=MAX_FRAME_BYTES,
                ping_interval=20,
                ping_timeout=20,
                logger=_wire_log,
            )
        except InvalidStatus as exc:
            status = exc.response.status_code
            text = f"{self.label} refused the connection (HTTP {status})"
            if status == 401:
                raise _Stop("relay_unauthorized", text) from None
            if status == 403:
                raise _Stop("relay_forbidden", text) from None
            if status == 429:
                raise _Retry("relay_rate_limited", text, self.settings.backoff_cap) from None
            raise _Retry("connect_failed", text) from None
        except InvalidURI:
            raise _Stop(
                "relay_invalid_options", f"{self.label}: invalid URL {self._scrub(self.url)!r}"
            ) from None
        self.connections += 1
        async with websocket:
            code, reason = await self._pump(sink, websocket)
        return self._closed(sink, code, reason)

    async def _pump(self, sink: Sink, websocket: ClientConnection) -> tuple[int | None, str]:
        while True:
            try:
                message = await websocket.recv()
            except ConnectionClosed as exc:
                if exc.rcvd is None:
                    return None, ""
                return exc.rcvd.code, exc.rcvd.reason
            if not self._received:
                self._received = True
                sink.set_state(self.room, "connected", "ok", f"through {self.label}")
            if self.handle(sink, message):
                await websocket.close(1000, "stream ended")

    def handle(self, sink: Sink, message: bytes | str) -> bool:
        """Record, decode and publish one message; whether it ended the stream."""
        parsed = self.parse(message)
        if parsed.room_id and parsed.room_id != self.room.room_id:
            self.room.room_id = parsed.room_id
        if self.tap is not None:
            raw = message.encode("utf-8") if isinstance(message, str) else message
            self.tap.raw(self.raw_kind(message), raw)
        if parsed.error:
            sink.decode_error(self.room, f"a message from {self.label}", parsed.error)
        if parsed.result is not None and sink.deliver(self.room, parsed.result, self.recent):
            self._ended = True
        return self._ended

    def _closed(self, sink: Sink, code: int | None, reason: str) -> _Outcome:
        rule = CLOSE_CODES.get(code, _DROPPED) if code is not None else _DROPPED
        described = f"{code} {rule.name}" if code is not None and rule.name else str(code or "no close frame")
        detail = f"{self.label} closed the connection ({described}"
        detail += f": {self._scrub(reason)})" if reason else ")"
        if self._ended:
            return _Outcome("end", f"the creator ended the stream; {detail}")
        if rule.action == "end":  # the relay said so but sent no control message: publish streamEnd ourselves
            self.handle(sink, self.stream_end_message())
            return _Outcome("end", f"the creator ended the stream; {detail}")
        if rule.action == "offline":
            return _Outcome("offline", f"@{self.unique_id} is not live; {detail}")
        if rule.action == "stop":
            raise _Stop(rule.reason, f"{detail}: {rule.meaning}")
        if rule.action == "retry_now":
            raise _Retry(rule.reason, detail, 0.0)
        if rule.action == "retry_slow":
            raise _Retry(rule.reason, detail, self.settings.backoff_cap)
        raise _Retry(rule.reason, detail)

    async def _wait_for_live(self, sink: Sink, message: str) -> None:
        """Wait until the creator is live: TikTok's web lookups if they work, else retry the relay."""
        sink.set_state(self.room, "disconnected", "offline", message)
        interval = self.settings.poll_interval
        while True:
            if self.room.room_id and self.watcher is not None:
                if await self.watcher.wait_live(self.room.room_id, interval):
                    return
            else:
                await asyncio.sleep(interval)
            if self.web is None:
                return
            try:
                await self.web.room_id(self.unique_id)
            except UserOfflineError:
                continue
            except LiveError as exc:  # lookups blocked or failing: let the relay tell us
                log.info("live check of @%s failed (%s); asking %s", self.unique_id, exc, self.label)
            return


class TikToolSource(RelaySource):
    """A creator through the TikTool managed WebSocket (JSON events)."""

    label = "TikTool"

    def parse(self, raw: bytes | str) -> Parsed:
        return parse_tiktool(raw)

    def raw_kind(self, raw: bytes | str) -> Raw:
        return "json"

    def stream_end_message(self) -> bytes | str:
        return json.dumps({"event": "control", "data": {"type": "control", "action": 3}})


class EulerSource(RelaySource):
    """A creator through the Euler Stream WebSocket (binary webcast protobuf)."""

    label = "Euler Stream"

    def parse(self, raw: bytes | str) -> Parsed:
        return parse_euler(raw)

    def stream_end_message(self) -> bytes | str:
        return control_frame(self.room.room_id, 3)


PARSERS: dict[str, Callable[[bytes | str], Parsed]] = {"tiktool": parse_tiktool, "euler": parse_euler}
"""Message parsers by record-file ``source`` (what :mod:`bridge.record.replay` uses)."""
