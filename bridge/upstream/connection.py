"""Live TikTok rooms: lookup, signing, the push WebSocket, reconnects and waiting.

:class:`LiveSource` is the I/O shell around :class:`bridge.upstream.session.Session` for
one creator. Its loop: resolve the creator's room id, sign, open the push
WebSocket, feed the session, publish what it decodes; on any failure publish
``sys.status`` with a reason code and retry with exponential backoff and jitter
(re-signing every time: signed URLs expire). A dead socket (see
:meth:`bridge.upstream.session.Session.stalled`: no frame, not even an ``hb`` answer, for
``dead_after_heartbeats`` heartbeat intervals) is replaced; consecutive
replacements back off from ``replace_backoff_base`` to ``replace_backoff_cap``,
so a dead room costs few sign calls an hour (``room.sign_calls`` counts them).
Sockets are closed with code 1000, on shutdown and on replacement alike. At
stream end it publishes ``streamEnd`` and waits for the creator to go live
again. :class:`Watcher` batches the live checks of every waiting room into one
request per poll interval, and a shared semaphore caps how many push
connections one daemon opens (TikTok allows about 4 per IP).
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus
from websockets.typing import Subprotocol

from ..config import TikTokConfig
from ..errors import HandshakeError, LiveError, SignRateLimitError, UserOfflineError
from ..limits import MAX_FRAME_BYTES
from ..room import RecentIds, Room, Sink, Tap, tapped
from .lookup import WebClient
from .session import Session
from .signing import SignProvider
from .tiktok import RTT_RANGE, session_host_allowed

__all__ = ["LiveSource", "Watcher", "backoff", "replacement_delay"]

log = logging.getLogger("bridge.connection")


class _Stalled(Exception):
    """The push socket is dead: nothing arrived for ``seconds``."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


REPLACE_RESET = 600.0
"""Seconds a socket must stay alive for its replacement not to count as consecutive."""


def backoff(attempt: int, base: float, cap: float, rand: Callable[[], float] = random.random) -> float:
    """Seconds to wait before reconnect ``attempt`` (1-based): full-jitter exponential."""
    ceiling = min(cap, base * 2.0 ** min(attempt - 1, 30))
    return ceiling / 2 + rand() * ceiling / 2


def replacement_delay(
    replacements: int, settings: TikTokConfig, rand: Callable[[], float] = random.random
) -> float:
    """Seconds before re-signing after the ``replacements``-th consecutive dead socket.

    The first is as quick as any reconnect; each further one backs off from
    ``replace_backoff_base`` to ``replace_backoff_cap``, so a dead room costs few
    sign calls an hour (docs/live.md).
    """
    if replacements <= 1:
        return backoff(1, settings.backoff_base, settings.backoff_cap, rand)
    return backoff(replacements - 1, settings.replace_backoff_base, settings.replace_backoff_cap, rand)


class Watcher:
    """Waits for rooms to go live, checking all waiting rooms in one batched request."""

    def __init__(self, web: WebClient, interval: float) -> None:
        self.web = web
        self.interval = interval
        self._waiting: dict[int, asyncio.Event] = {}
        self._task: asyncio.Task[None] | None = None

    async def wait_live(self, room_id: int, timeout: float) -> bool:
        """Whether room ``room_id`` went live within ``timeout`` seconds."""
        event = self._waiting.setdefault(room_id, asyncio.Event())
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._poll(), name="live-check")
        try:
            async with asyncio.timeout(timeout):
                await event.wait()
            return True
        except TimeoutError:
            return False
        finally:
            if self._waiting.get(room_id) is event and event.is_set():
                del self._waiting[room_id]

    async def _poll(self) -> None:
        while self._waiting:
            await asyncio.sleep(self.interval)
            ids = [room_id for room_id, event in self._waiting.items() if not event.is_set()]
            if not ids:
                continue
            try:
                alive = await self.web.check_alive(ids)
            except LiveError as exc:
                log.warning("live check of %d rooms failed: %s", len(ids), exc)
                continue
            for room_id, is_alive in alive.items():
                if is_alive and room_id in self._waiting:
                    self._waiting[room_id].set()

    async def close(self) -> None:
        """Stop polling."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)


class LiveSource:
    """Holds one creator's live connection for as long as the daemon runs."""

    def __init__(
        self,
        target: str | int,
        settings: TikTokConfig,
        web: WebClient,
        signer: SignProvider,
        watcher: Watcher,
        slots: asyncio.Semaphore,
        clock: Callable[[], float] = time.monotonic,
        *,
        tap: Tap | None = None,
    ) -> None:
        self.unique_id = target if isinstance(target, str) else ""
        self.room = Room(self.unique_id or str(target), target if isinstance(target, int) else 0)
        self.settings = settings
        self.web = web
        self.signer = signer
        self.watcher = watcher
        self.slots = slots
        self.clock = clock
        self.tap = tap
        """Shown the first fetch of every connection and each push frame, before decoding (the recorder)."""
        self.recent = RecentIds(settings.dedupe_size)
        self.sessions = 0
        """Push connections opened so far."""
        self.replacements = 0
        """Consecutive replacements of dead sockets (0 after a socket lived ``REPLACE_RESET``)."""
        self._established = False
        self._opened_at = 0.0
        self._hb_answered = False
        self._warned_session = False

    async def run(self, sink: Sink) -> None:
        """Connect, reconnect and wait for the stream until cancelled or hopeless."""
        with tapped(self.tap, self.room, sink):
            await self._run(sink)

    async def _run(self, sink: Sink) -> None:
        attempt = 0
        while True:
            retry_after = 0.0
            try:
                await self._stream(sink)
            except UserOfflineError:
                attempt = 0
                await self._wait_for_live(sink, f"@{self.room.name} is not live; waiting")
                continue
            except LiveError as exc:
                if not exc.retryable:
                    sink.set_state(self.room, "error", exc.reason, str(exc))
                    return
                reason, message = exc.reason, str(exc)
                if isinstance(exc, SignRateLimitError):
                    retry_after = exc.retry_after
            except _Stalled as exc:
                reason = "stalled"
                message = f"nothing arrived for {exc.seconds:g} s; replacing the connection"
                if self.clock() - self._opened_at >= REPLACE_RESET:
                    self.replacements = 0
                self.replacements += 1
                retry_after = replacement_delay(self.replacements, self.settings)
            except TimeoutError:
                reason, message = "connect_timeout", "the connection did not open in time"
            except ConnectionClosed as exc:
                code = exc.rcvd.code if exc.rcvd else "no close frame"
                reason, message = "dropped", f"connection closed ({code})"
            except (OSError, InvalidHandshake) as exc:
                reason, message = "connect_failed", str(exc) or type(exc).__name__
            else:
                attempt = 0
                sink.set_state(self.room, "streamEnd", "stream_ended", "the creator ended the stream")
                if not self.settings.wait_for_live:
                    sink.set_state(self.room, "disconnected", "stream_ended", "not waiting for the next")
                    return
                await self._wait_for_live(sink, "stream ended; waiting for the next one")
                continue
            attempt = 1 if self._established else attempt + 1
            self._established = False
            limit = self.settings.max_reconnect_attempts
            if not self.settings.auto_reconnect or (limit and attempt > limit):
                sink.set_state(self.room, "disconnected", reason, f"{message}; giving up")
                return
            delay = retry_after or backoff(attempt, self.settings.backoff_base, self.settings.backoff_cap)
            sink.set_state(self.room, "reconnecting", reason, f"{message}; retry in {delay:.1f} s", attempt)
            await asyncio.sleep(delay)

    async def _resolve(self) -> int:
        if self.unique_id:
            self.room.room_id = await self.web.room_id(self.unique_id)
        return self.room.room_id

    async def _wait_for_live(self, sink: Sink, message: str) -> None:
        sink.set_state(self.room, "disconnected", "offline", message)
        interval = self.settings.poll_interval
        while True:
            if self.room.room_id and await self.watcher.wait_live(self.room.room_id, interval):
                return
            if not self.unique_id:
                continue
            try:  # a new stream usually has a new room id: look the creator up again
                await self._resolve()
                return
            except UserOfflineError:
                pass
            except LiveError as exc:
                log.warning("looking up @%s failed: %s", self.unique_id, exc)
            if not self.room.room_id:
                await asyncio.sleep(interval)

    async def _stream(self, sink: Sink) -> None:
        """One connection from lookup to its end; returns normally only at stream end."""
        sink.set_state(self.room, "connecting", "lookup" if self.unique_id else "signing")
        room_id = await self._resolve()
        if self.slots.locked():
            log.warning(
                "@%s waits for a free connection: tiktok.max_connections (%d) are open; TikTok allows about"
                " 4 per IP (see docs/scale-out.md)",
                self.room.name,
                self.settings.max_connections,
            )
        async with self.slots:
            self.room.sign_calls += 1
            signed = await self.signer.sign(room_id)
            first = signed.result
            if self.tap is not None:
                self.tap.session()
                self.tap.raw("fetch", signed.raw)
            if sink.deliver(self.room, first, self.recent):
                return
            session = Session(
                room_id,
                first,
                heartbeat_interval=self.settings.heartbeat_interval,
                no_message_timeout=self.settings.no_message_timeout,
                dead_after_heartbeats=self.settings.dead_after_heartbeats,
                expect_hb_answers=self._hb_answered,
                browser=self.web.browser,
                rtt_ms=random.randint(*RTT_RANGE),
            )
            cookie = "; ".join(f"{k}={v}" for k, v in signed.cookies.items())
            if self.settings.session_id:
                if session_host_allowed(first.push_server):
                    cookie += f"; sessionid={self.settings.session_id}"
                elif not self._warned_session:
                    self._warned_session = True
                    log.warning(
                        "@%s: not sending the TikTok session id to the push server the sign server named"
                        " (%s): only wss:// hosts of TikTok get it",
                        self.room.name,
                        _host(first.push_server),
                    )
            try:
                websocket = await connect(
                    session.url,
                    additional_headers={"Cookie": cookie, "Origin": "https://www.tiktok.com"},
                    user_agent_header=signed.user_agent,
                    subprotocols=[Subprotocol("echo-protocol")],
                    open_timeout=self.settings.connect_timeout,
                    ping_interval=None,
                    max_size=MAX_FRAME_BYTES,
                    compression=None,
                    close_timeout=1.0,
                )
            except InvalidStatus as exc:
                headers = exc.response.headers
                raise HandshakeError(
                    f"push server refused the connection ({exc.response.status_code}): "
                    f"{headers.get('Handshake-Msg', 'no Handshake-Msg')}",
                    exc.response.status_code,
                ) from None
            self.sessions += 1
            self._opened_at = self.clock()
            try:
                await self._pump(sink, session, websocket)
            finally:
                self._hb_answered = self._hb_answered or session.hb_answers > 0
                await websocket.close(1000)  # a normal closure, as the peers close, whatever ended it

    async def _pump(self, sink: Sink, session: Session, websocket: ClientConnection) -> None:
        if websocket.response is not None:
            session.handshake_options(websocket.response.headers.get("Handshake-Options", ""))
        for frame in session.opened(self.clock()):
            await websocket.send(frame)
        sink.set_state(self.room, "connected", "ok", f"room {session.room_id}")
        self._established = True
        while True:
            data: bytes | str | None = None
            try:
                async with asyncio.timeout(max(0.0, session.next_wakeup() - self.clock())):
                    data = await websocket.recv()
            except TimeoutError:
                pass
            now = self.clock()
            if isinstance(data, bytes) and self.tap is not None:
                self.tap.raw("frame", data)
            if data is not None:
                received = session.receive(data if isinstance(data, bytes) else b"", now)
                if received.error:
                    sink.decode_error(self.room, "a malformed frame", received.error)
                # publish first, then acknowledge: the events do not wait for the ack's send
                ended = received.result is not None and sink.deliver(self.room, received.result, self.recent)
                for reply in received.replies:
                    await websocket.send(reply)
                if ended:
                    return
            for frame in session.due(now):
                await websocket.send(frame)
            if session.stalled(now):
                raise _Stalled(session.dead_after())


def _host(url: str) -> str:
    """The host of ``url``, for log lines (never the query)."""
    return urlsplit(url).hostname or "?"
