"""``tiktok-bridge tail``: subscribe to the daemon and print events as they arrive."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from typing import Any

import msgpack
import zmq

__all__ = ["Tail", "describe", "render_text"]


def _handle(user: dict[str, Any]) -> str:
    return "@" + str(user.get("uniqueId") or user.get("id") or "?")


def _who(event: dict[str, Any]) -> str:
    return _handle(event.get("user") or {})


def _gift(e: dict[str, Any]) -> str:
    state = " (streaking)" if e.get("streaking") else ""
    total = e.get("diamondCount", 0) * e.get("repeatCount", 1)
    name = e.get("giftName", e.get("giftId"))
    return f"{_who(e)} sent {name} x{e.get('repeatCount', 1)} = {total} diamonds{state}"


_LINES: dict[str, Callable[[dict[str, Any]], str]] = {
    "chat": lambda e: f"{_who(e)}: {e.get('comment', '')}",
    "gift": _gift,
    "like": lambda e: f"{_who(e)} liked x{e.get('likeCount', 0)} (total {e.get('totalLikes', 0)})",
    "member": lambda e: (
        f"{_who(e)} joined" if e.get("action") == 1 else f"{_who(e)} member action {e.get('action')}"
    ),
    "follow": lambda e: f"{_who(e)} followed",
    "share": lambda e: f"{_who(e)} shared",
    "subscribe": lambda e: f"{_who(e)} subscribed ({e.get('subMonth', 0)} months)",
    "roomUserSeq": lambda e: f"{e.get('viewerCount', 0)} viewers ({e.get('totalViewers', 0)} total)",
    "emote": lambda e: f"{_who(e)} emote {e.get('emoteId', '')}",
    "question": lambda e: f"{_who(e)} asks: {e.get('questionText', '')}",
    "streamEnd": lambda e: f"stream ended (action {e.get('action', 0)})",
    "unknown": lambda e: f"{e.get('method')} ({len(e.get('payload', b''))} bytes)",
    "sys.status": lambda e: f"{e.get('state')} ({e.get('reason', '')}) {e.get('message', '')}".rstrip(),
    "sys.heartbeat": lambda e: (
        f"seq {e.get('seq')} uptime {e.get('uptime', 0):.0f}s decoder {e.get('implementation')}"
    ),
}


_PLACEHOLDER = re.compile(r"\{(\d+):[^}]*\}")


def render_text(template: str, pieces: list[dict[str, Any]]) -> str:
    """A TikTok text template with its placeholders filled from ``pieces``: ``{0:user} joined`` ->
    ``@alice joined``; a placeholder without a piece is left as it is."""

    def fill(match: re.Match[str]) -> str:
        index = int(match.group(1))
        piece = pieces[index] if index < len(pieces) and isinstance(pieces[index], dict) else None
        if piece is None:
            return match.group(0)
        user = piece.get("user")
        if isinstance(user, dict):
            return _handle(user)
        for key in ("giftName", "text", "giftId"):
            if key in piece:
                return str(piece[key])
        return match.group(0)

    return _PLACEHOLDER.sub(fill, template)


def _jsonable(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def describe(event: dict[str, Any]) -> str:
    """One human-readable line for an event."""
    kind = str(event.get("type", "?"))
    stamp = time.strftime("%H:%M:%S", time.localtime(event.get("ts", 0) / 1000))
    room = event.get("room", "")
    line = _LINES.get(kind)
    if line is not None:
        text = line(event)
    else:
        skip = {"type", "room", "roomId", "seq", "ts", "msgId", "createTime"}
        template, pieces = event.get("text"), event.get("pieces", [])
        shown = ""
        if isinstance(template, str) and isinstance(pieces, list):
            # a notice with a display text: the text as TikTok shows it, then the other fields
            shown = repr(render_text(template, pieces)) + " "
            skip |= {"text", "textKey", "pieces"}
        text = (shown + " ".join(f"{k}={_jsonable(v)}" for k, v in event.items() if k not in skip)).rstrip()
    return f"{stamp} {'@' + room if room else '':<14} {kind:<12} {text}"


class Tail:
    """A SUB socket on the daemon's endpoint, filtered by event type and room."""

    def __init__(self, endpoint: str, types: list[str], room: str = "", include_sys: bool = False) -> None:
        self.socket: zmq.Socket[Any] = zmq.Context.instance().socket(zmq.SUB)
        self.socket.setsockopt(zmq.LINGER, 0)
        self.socket.connect(endpoint)
        self.room = room
        prefixes = [f"{t}/{room}" for t in types] if types else [""]
        if types and include_sys:
            prefixes.append("sys.")
        for prefix in prefixes:
            self.socket.setsockopt(zmq.SUBSCRIBE, prefix.encode("utf-8"))
        self.everything = not types
        self.last_seq = 0
        self.gaps = 0
        self.malformed = 0
        """Messages skipped because they were not ``[topic, msgpack map]``."""
        self.include_sys = include_sys

    def receive(self, timeout: float) -> dict[str, Any] | None:
        """The next matching event, or ``None`` after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self.socket.poll(int(remaining * 1000)):
                return None
            frames = self.socket.recv_multipart()
            event = _decoded(frames)
            if event is None:
                self.malformed += 1
                continue
            seq = event.get("seq", 0)
            seq = seq if type(seq) is int else 0
            if self.everything and self.last_seq and seq > self.last_seq + 1:
                self.gaps += seq - self.last_seq - 1
            self.last_seq = max(self.last_seq, seq)
            kind = str(event.get("type", ""))
            if self.room and event.get("room", self.room) != self.room:
                continue
            if kind.startswith("sys.") and not self.include_sys:
                continue
            return event

    def format(self, event: dict[str, Any], as_json: bool) -> str:
        """The line to print for ``event``."""
        return json.dumps(_jsonable(event), ensure_ascii=False) if as_json else describe(event)

    def close(self) -> None:
        """Close the socket."""
        self.socket.close()


def _decoded(frames: list[bytes]) -> dict[str, Any] | None:
    """The payload map of a ``[topic, msgpack map]`` message, or ``None``."""
    if len(frames) != 2:
        return None
    try:
        event = msgpack.unpackb(frames[1], raw=False)
    except (ValueError, msgpack.UnpackException):
        return None
    return event if isinstance(event, dict) else None
