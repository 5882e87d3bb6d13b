"""Fault scenarios against the fake TikTok, with exact event accounting.

Each scenario runs a daemon on one fake room, injects one kind of fault, lets the
daemon recover, and returns a :class:`Outcome`: the status reasons the daemon
published, how long recovery took, and the accounting of message ids (what the
fake sent against what the daemon published). Used by ``tests/test_faults.py``
(which asserts) and ``scripts/reliability_report.py`` (which prints the table in
``docs/reliability.md``).
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from live import ROOM_ID, SCENARIO, Harness, connected_count

from bridge.sim.faketiktok import FakeRoom, FakeTikTok

__all__ = ["SCENARIOS", "FaultProxy", "Outcome", "run_scenario"]


class FaultProxy:
    """A TCP relay in front of the fake's push socket that can trickle or cut the byte stream."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = 0
        self.trickle = False
        self.cut_after: list[int] = []  # per new connection: cut after this many server bytes
        self._server: asyncio.Server | None = None
        self._writers: list[asyncio.StreamWriter] = []

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        for writer in self._writers:
            writer.transport.abort()
        if self._server is not None:
            self._server.close()
            try:  # Python 3.11 can wait here for relays that are already aborted
                await asyncio.wait_for(self._server.wait_closed(), 2)
            except TimeoutError:
                pass

    async def _relay(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        server_r, server_w = await asyncio.open_connection("127.0.0.1", self.target_port)
        self._writers += [client_w, server_w]
        limit = self.cut_after.pop(0) if self.cut_after else None

        async def up() -> None:
            while data := await client_r.read(65536):
                server_w.write(data)
                await server_w.drain()

        async def down() -> None:
            sent = 0
            while data := await server_r.read(65536):
                if limit is not None and sent + len(data) >= limit:
                    client_w.write(data[: limit - sent])  # stop in the middle of whatever frame this is
                    await client_w.drain()
                    client_w.transport.abort()
                    server_w.close()
                    return
                sent += len(data)
                if self.trickle:
                    for i in range(0, len(data), 64):
                        client_w.write(data[i : i + 64])
                        await client_w.drain()
                        await asyncio.sleep(0.002)
                else:
                    client_w.write(data)
                    await client_w.drain()

        tasks = [asyncio.create_task(up()), asyncio.create_task(down())]
        try:  # when either side ends, end both, as a real network path would
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            client_w.close()
            server_w.close()


class ProxiedFake(FakeTikTok):
    """A fake TikTok whose sign answers point the push WebSocket at a :class:`FaultProxy`."""

    proxy_port = 0

    @property
    def push_url(self) -> str:
        return f"ws://127.0.0.1:{self.proxy_port or self.port}/webcast/im/push/v2/"


@dataclass
class Outcome:
    """What one fault scenario did to the stream."""

    fault: str
    reasons: list[str] = field(default_factory=list)
    recovery: list[float] = field(default_factory=list)
    sent: int = 0
    """Distinct message ids the fake pushed over WebSockets."""
    published: int = 0
    """Events the daemon published (including the signer's first batch)."""
    lost: int = 0
    duplicates: int = 0
    decode_errors: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


Fault = Callable[[FakeTikTok, FakeRoom, FaultProxy, Harness], Awaitable[None]]


async def _until_connected(h: Harness, count: int, timeout: float = 15) -> float:
    started = time.monotonic()
    await h.until(lambda: connected_count(h, "alice") >= count, timeout)
    return time.monotonic() - started


async def _some_events(h: Harness, more: int = 20) -> None:
    before = len(h.events("alice"))
    await h.until(lambda: len(h.events("alice")) >= before + more)


async def _drain(h: Harness) -> None:
    """Wait until no new event arrived for half a second."""
    count, still_since = -1, time.monotonic()
    while time.monotonic() - still_since < 0.5:
        await asyncio.sleep(0.05)
        if len(h.events("alice")) != count:
            count, still_since = len(h.events("alice")), time.monotonic()


async def drops(fake: FakeTikTok, room: FakeRoom, proxy: FaultProxy, h: Harness) -> None:
    for i in range(5):
        await _some_events(h)
        room.drop(mid_frame=i % 2 == 1)
        h.recovery.append(await _until_connected(h, i + 2))


async def cuts(fake: FakeTikTok, room: FakeRoom, proxy: FaultProxy, h: Harness) -> None:
    rng = random.Random(7)
    for i in range(5):
        await _some_events(h)
        proxy.cut_after.append(rng.randint(200, 20_000))
        room.drop()  # the next connection goes through a cut
        await _until_connected(h, 2 * i + 2)
        h.recovery.append(await _until_connected(h, 2 * i + 3))


async def stall(fake: FakeTikTok, room: FakeRoom, proxy: FaultProxy, h: Harness) -> None:
    await _some_events(h)
    room.go_silent(True)
    started = time.monotonic()
    await h.until(lambda: ("reconnecting", "stalled") in h.states("alice"))
    room.go_silent(False)
    await _until_connected(h, 2)
    h.recovery.append(time.monotonic() - started)


async def slow_reads(fake: FakeTikTok, room: FakeRoom, proxy: FaultProxy, h: Harness) -> None:
    await _some_events(h)
    proxy.trickle = True
    await asyncio.sleep(3)
    proxy.trickle = False
    await _some_events(h)


async def handshake_rejects(fake: FakeTikTok, room: FakeRoom, proxy: FaultProxy, h: Harness) -> None:
    await _some_events(h)
    fake.reject_handshakes(2, status=400, message="DEVICE_BLOCKED")
    started = time.monotonic()
    room.drop()
    await _until_connected(h, 2)
    h.recovery.append(time.monotonic() - started)


def _sign_fault(status: int, **options: Any) -> Fault:
    async def fault(fake: FakeTikTok, room: FakeRoom, proxy: FaultProxy, h: Harness) -> None:
        await _some_events(h)
        if status == 0:
            fake.sign_delay(3.0)
        else:
            fake.sign_fault(status, **options)
        started = time.monotonic()
        room.drop()
        await _until_connected(h, 2)
        h.recovery.append(time.monotonic() - started)

    return fault


async def stream_end_mid_streak(fake: FakeTikTok, room: FakeRoom, proxy: FaultProxy, h: Harness) -> None:
    await h.until(lambda: any(e.get("streaking") for e in h.events("alice", "gift")))
    room.end_stream()
    await h.until(lambda: ("disconnected", "offline") in h.states("alice"))
    started = time.monotonic()
    room.live = True
    await _until_connected(h, 2)
    h.recovery.append(time.monotonic() - started)
    await _some_events(h)


async def malformed(fake: FakeTikTok, room: FakeRoom, proxy: FaultProxy, h: Harness) -> None:
    await _some_events(h)
    room.send_malformed(6)
    await h.until(lambda: h.daemon.decode_errors >= 6)
    await _some_events(h)


SCENARIOS: dict[str, Fault] = {
    "connection drops (close, and mid-frame at the server)": drops,
    "TCP cut at a random byte (mid-frame)": cuts,
    "silent stall": stall,
    "slow reads (64-byte trickle for 3 s)": slow_reads,
    "handshake rejected (400 DEVICE_BLOCKED) x2": handshake_rejects,
    "sign server 429, RateLimit-Reset 1 s": _sign_fault(429, reset_after=1.0),
    "sign server 500 x2": _sign_fault(500, count=2),
    "sign server timeout (3 s > sign.timeout 1 s)": _sign_fault(0),
    "stream end during a gift streak": stream_end_mid_streak,
    "malformed frames mixed with good ones": malformed,
}


def run_scenario(name: str) -> Outcome:
    """Run one fault scenario on a fresh fake TikTok and daemon."""
    fault = SCENARIOS[name]

    async def main() -> Outcome:
        async with ProxiedFake() as fake:
            proxy = FaultProxy(fake.port)
            await proxy.start()
            fake.proxy_port = proxy.port
            room = fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
            h = Harness(fake, ["alice"], no_message_timeout=1.0, sign={"timeout": 1.0})
            try:
                async with h:
                    await _until_connected(h, 1)
                    await asyncio.wait_for(fault(fake, room, proxy, h), 60)
                    await _some_events(h)
                    statuses = list(h.statuses("alice"))
                    room.go_silent(True)  # stop the stream, then let everything sent arrive
                    await _drain(h)
            finally:
                await proxy.stop()
        published = [e["msgId"] for e in h.events("alice") if "msgId" in e and not e.get("simulated")]
        sent = {i for batch in room.sent for i in batch}
        reasons = [s["reason"] for s in statuses if s["state"] in ("reconnecting", "error", "streamEnd")]
        return Outcome(
            fault=name,
            reasons=reasons,
            recovery=h.recovery,
            sent=len(sent),
            published=len(published),
            lost=len(sent - set(published)),
            duplicates=len(published) - len(set(published)),
            decode_errors=h.daemon.decode_errors,
            extra={
                "fromSigner": len(set(published) - sent),
                "signRequests": len(fake.sign_requests),
                "streamEnd": len(h.events("alice", "streamEnd")),
                "timedOutFinals": sum(
                    1 for _, m in h.publisher.sent if m["type"] == "giftFinal" and m.get("timedOut")
                ),
            },
        )

    return asyncio.run(main())
