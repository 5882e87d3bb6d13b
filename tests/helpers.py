"""Helpers shared by the tests."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from typing import Any

import msgpack

from bridge.config import PublisherConfig
from bridge.publisher import Publisher
from bridge.simulator import Simulator, load_scenario

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
