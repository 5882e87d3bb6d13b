"""One push-WebSocket session with TikTok, as a sans-I/O state machine.

Theory of operation
-------------------
A session starts from a signed fetch result (push server, route params,
cursor, internal ext) and knows everything TikTok expects of a web client, but
does no I/O: the connection adapter opens the socket at :attr:`Session.url`,
sends what the session returns and feeds it what arrives, with the time.

* :meth:`opened` returns the ``im_enter_room`` frame and starts the heartbeat
  clock; :meth:`due` returns an ``hb`` frame (with an incrementing
  ``send_packet_seq_id``) whenever one is due.
* :meth:`receive` decodes a frame and returns its fetch result plus the ``ack``
  frame TikTok asked for with ``need_ack``. Malformed frames are returned as
  errors, never raised: one bad frame does not end a session.
* :meth:`stalled` says the socket is dead. TikTok answers every ``hb`` with an
  ``hb`` frame, so once a server has been seen answering (on this socket or,
  ``expect_hb_answers``, an earlier one) any frame is proof of life and a socket
  is dead after ``dead_after_heartbeats`` heartbeat intervals without one,
  however quiet the room. A server never seen answering is given
  ``no_message_timeout``. TikTok sometimes keeps a dead socket open, and the
  adapter replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import codec
from ..codec.webcast import ack_frame, enter_room_frame, heartbeat_frame
from ..errors import DecodeError
from ..frames import FetchResult
from .browser import Browser
from .tiktok import DEFAULT_BROWSER, websocket_url

__all__ = ["Received", "Session"]

DEFAULT_HEARTBEAT = 10.0


@dataclass(slots=True)
class Received:
    """What one incoming frame produced."""

    result: FetchResult | None = None
    replies: list[bytes] = field(default_factory=list)
    error: str = ""
    stream_end: bool = False


class Session:
    """Protocol state of one push WebSocket, fed bytes and time, returning bytes."""

    def __init__(
        self,
        room_id: int,
        signed: FetchResult,
        *,
        heartbeat_interval: float = 0.0,
        no_message_timeout: float = 30.0,
        dead_after_heartbeats: float = 2.5,
        expect_hb_answers: bool = False,
        browser: Browser = DEFAULT_BROWSER,
        rtt_ms: int = 150,
    ) -> None:
        self.room_id = room_id
        announced = signed.heartbeat_duration / 1000 if signed.heartbeat_duration > 0 else DEFAULT_HEARTBEAT
        self.heartbeat_interval = heartbeat_interval or announced
        self._configured = heartbeat_interval > 0
        self.no_message_timeout = no_message_timeout
        self.dead_after_heartbeats = dead_after_heartbeats
        self.url = websocket_url(
            signed.push_server,
            signed.route_params,
            room_id,
            int(announced * 1000),
            browser=browser,
            rtt_ms=rtt_ms,
        )
        self.hb_seq = 0
        self.hb_answers = 0
        """``hb`` frames the server sent (answers to ours)."""
        self.expect_hb_answers = expect_hb_answers
        self.acks = 0
        self.frames = 0
        self._next_hb = 0.0
        self._last_rx = 0.0

    def handshake_options(self, header: str) -> None:
        """Apply the handshake's ``Handshake-Options`` header (``ping-interval=10; ...``).

        A heartbeat interval set in the configuration wins over the announced one.
        """
        if self._configured:
            return
        for part in header.split(";"):
            key, _, value = part.strip().partition("=")
            if key.strip().lower() == "ping-interval":
                try:
                    seconds = float(value)
                except ValueError:
                    continue
                if 0.5 <= seconds <= 300:
                    self.heartbeat_interval = seconds

    def opened(self, now: float) -> list[bytes]:
        """The socket is open: the frames to send first."""
        self._last_rx = now
        self._next_hb = now + self.heartbeat_interval
        return [enter_room_frame(self.room_id)]

    def receive(self, data: bytes, now: float) -> Received:
        """Decode one WebSocket binary message."""
        self._last_rx = now
        try:
            frame = codec.decode_frame(data)
        except DecodeError as exc:  # the source counts it (Sink.decode_error)
            return Received(error=str(exc))
        self.frames += 1
        if frame.payload_type == "hb":
            self.hb_answers += 1
            self.expect_hb_answers = True
        result = frame.result
        if result is None:  # hb / ack echoes, im_enter_room_resp
            return Received()
        received = Received(result=result)
        if result.need_ack:
            self.acks += 1
            received.replies.append(ack_frame(frame.log_id, result.internal_ext))
        received.stream_end = any(event["type"] == "streamEnd" for event in result.events)
        return received

    def due(self, now: float) -> list[bytes]:
        """Heartbeat frames due at ``now`` (none or one)."""
        if now < self._next_hb:
            return []
        self.hb_seq += 1
        self._next_hb += self.heartbeat_interval
        if self._next_hb <= now:  # fell behind (suspended?): do not send a burst
            self._next_hb = now + self.heartbeat_interval
        return [heartbeat_frame(self.room_id, self.hb_seq)]

    def dead_after(self) -> float:
        """Seconds without any frame after which the socket is dead (0: never)."""
        if self.expect_hb_answers:
            return self.dead_after_heartbeats * self.heartbeat_interval
        return self.no_message_timeout

    def stalled(self, now: float) -> bool:
        """Nothing arrived for :meth:`dead_after` seconds."""
        limit = self.dead_after()
        return limit > 0 and now - self._last_rx >= limit

    def next_wakeup(self) -> float:
        """When :meth:`due` or :meth:`stalled` next needs asking."""
        limit = self.dead_after()
        if limit <= 0:
            return self._next_hb
        return min(self._next_hb, self._last_rx + limit)
