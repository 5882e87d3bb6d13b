"""Helpers shared by the tests."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from typing import Any

import msgpack

from bridge.codec import webcast as wc
from bridge.codec.protowire import int_field, message_field
from bridge.config import PublisherConfig
from bridge.server.publisher import Publisher
from bridge.sim.simulator import Simulator, load_scenario

START_MS = 1_750_000_000_000


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def simulated_frames(
    count: int, scenario: str = "default", seed: int = 7, step_ms: int = 120
) -> Iterator[bytes]:
    """``count`` push frames of a built-in scenario, on a fake clock."""
    sim = Simulator(load_scenario(scenario), seed)
    now = START_MS
    for _ in range(count):
        yield sim.frame(now)
        now += step_ms


def gift_frame(
    msg_id: int,
    room_id: int,
    *,
    diamonds: int,
    count: int = 1,
    group: int = 0,
    end: bool = False,
    gift_id: int = 5655,
    user_id: int = 6_900_000_000_000_000_001,
    now: int = START_MS,
) -> bytes:
    """A push frame carrying one ``WebcastGiftMessage`` (streakable when ``group`` is set), any values."""
    u = wc.SimUser(user_id, f"gifter{user_id % 1000}", "Gifter")
    fields = [
        message_field(1, wc.common("WebcastGiftMessage", msg_id, room_id, now)),
        message_field(15, wc.gift_struct(gift_id, "Rose", diamonds, 1 if group else 2)),
        int_field(2, gift_id),
        int_field(5, count),
        int_field(6, count),
        *([int_field(11, group)] if group else []),
        message_field(7, wc.user(u)),
        int_field(9, int(end)),
    ]
    body = wc.fetch_result(
        [wc.inner("WebcastGiftMessage", b"".join(fields), msg_id)], cursor="c", now=now, internal_ext="x"
    )
    return wc.push_frame("msg", body, log_id=msg_id)


def events_of(impl: Any, frames: Iterator[bytes]) -> list[dict[str, Any]]:
    """Every event decoded from ``frames`` by ``impl``."""
    events: list[dict[str, Any]] = []
    for data in frames:
        result = impl.decode_frame(data).result
        assert result is not None and not result.errors, result
        events.extend(result.events)
    return events


class RecordingPublisher(Publisher):
    """A publisher that keeps what it would send (after a msgpack round trip) instead of sending."""

    def __init__(self, fake_clock: bool = True) -> None:
        super().__init__(PublisherConfig())
        self.fake_clock = fake_clock
        self.sent: list[tuple[str, dict[str, Any]]] = []

    def start(self) -> None:
        pass

    def publish(self, topic: str, message: dict[str, Any]) -> None:
        self.seq += 1
        message["seq"] = self.seq
        message["ts"] = START_MS + self.seq if self.fake_clock else time.time_ns() // 1_000_000
        self.sent.append((topic, msgpack.unpackb(msgpack.packb(message))))
        self.published += 1

    def close(self, linger: float = 0) -> None:
        pass
