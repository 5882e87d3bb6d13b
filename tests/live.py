"""A daemon watching rooms of the fake TikTok, for live-connection and fault tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from helpers import RecordingPublisher

from bridge.app import build
from bridge.config import BrowserConfig, Config, ControlConfig, GameConfig, SignConfig, TikTokConfig
from bridge.server.daemon import Daemon
from bridge.sim.faketiktok import FakeTikTok
from bridge.sim.simulator import load_scenario

ROOM_ID = 7_500_000_000_000_000_001
# no ignored methods: every message the fake sends must come out as an event
MIX = {"member": 30.0, "like": 25.0, "chat": 20.0, "gift": 15.0, "roomUserSeq": 5.0, "social": 5.0}
BRIDGE_MADE = {"sys.status", "sys.heartbeat", "sys.rules", "giftFinal", "streamSummary", "action"}
SCENARIO = replace(load_scenario("default"), rate=150.0, mix=MIX)


class Harness:
    """A daemon watching rooms of a fake TikTok, with a recording publisher."""

    def __init__(self, fake: FakeTikTok, rooms: list[str], **settings: Any) -> None:
        tiktok = {
            "rooms": tuple(rooms),
            "web_base": fake.base_url,
            "webcast_base": fake.base_url,
            "backoff_base": 0.05,
            "backoff_cap": 0.2,
            "poll_interval": 0.2,
            "connect_timeout": 3.0,
            **settings,
        }
        sign = settings.pop("sign", {})
        game = {"ledger_dir": "", **settings.pop("game", {})}
        control = settings.pop("control", "")
        for key in ("sign", "game", "control"):
            tiktok.pop(key, None)
        browser = tiktok.pop("browser", {})
        self.config = Config(
            tiktok=TikTokConfig(**tiktok),
            browser=BrowserConfig(**browser),
            sign=SignConfig(base_url=fake.base_url, **sign),
            control=ControlConfig(endpoint=control),
            game=GameConfig(**game),
        )
        self.recovery: list[float] = []
        self.publisher = RecordingPublisher(fake_clock=False)
        self.times: list[float] = []

    async def __aenter__(self) -> Harness:
        self._build = build(self.config, self.publisher)
        self.daemon: Daemon = await self._build.__aenter__()
        self.task = asyncio.create_task(self.daemon.run())
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.daemon.stop()
        await asyncio.wait_for(self.task, 10)
        await self._build.__aexit__(None, None, None)

    def events(self, room: str, kind: str | None = None) -> list[dict[str, Any]]:
        return [
            m
            for _, m in self.publisher.sent
            if m.get("room") == room and m["type"] not in BRIDGE_MADE and (kind is None or m["type"] == kind)
        ]

    def statuses(self, room: str) -> list[dict[str, Any]]:
        return [m for _, m in self.publisher.sent if m["type"] == "sys.status" and m.get("room") == room]

    def states(self, room: str) -> list[tuple[str, str]]:
        return [(m["state"], m["reason"]) for m in self.statuses(room)]

    async def until(self, predicate: Callable[..., bool], timeout: float = 10.0) -> None:
        # Callable[..., bool]: the predicates are called with no arguments, but in loops they are lambdas
        # binding the loop variable as a default argument, which mypy cannot match to Callable[[], bool].
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; statuses: {self.publisher.sent[-5:]}")
            await asyncio.sleep(0.02)


def run(test: Callable[[FakeTikTok], Awaitable[None]], **fake_options: Any) -> None:
    async def main() -> None:
        async with FakeTikTok(**fake_options) as fake:
            await asyncio.wait_for(test(fake), 60)

    asyncio.run(main())


def connected_count(h: Harness, room: str) -> int:
    return h.states(room).count(("connected", "ok"))
