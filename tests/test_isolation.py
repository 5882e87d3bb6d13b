"""Listener isolation against the fake TikTok: no listener failure or hostile value ends a room."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import msgpack
import pytest
import zmq
import zmq.asyncio
from helpers import free_port, gift_frame
from live import ROOM_ID, SCENARIO, Harness, connected_count, run

from bridge.contract import validate
from bridge.room import Room
from bridge.sim.faketiktok import FakeTikTok
from bridge.values import INT64_MAX

HUGE = 2**62


async def ask(endpoint: str, request: dict[str, Any]) -> dict[str, Any]:
    """One request to the daemon's control channel, over a real REQ socket."""
    context = zmq.asyncio.Context.instance()
    req = context.socket(zmq.REQ)
    req.setsockopt(zmq.LINGER, 0)
    req.connect(endpoint)
    try:
        await req.send(msgpack.packb(request))
        assert await req.poll(5000), f"no reply to {request}"
        reply: dict[str, Any] = msgpack.unpackb(await req.recv())
        return reply
    finally:
        req.close()


def _not_failed(h: Harness) -> None:
    states = h.states("alice")
    assert connected_count(h, "alice") == 1, states
    assert not [s for s in states if s[0] in ("error", "reconnecting")], states


def test_a_2_62_diamond_streak_of_8_keeps_the_room_and_saturates(tmp_path: Path) -> None:
    control = f"tcp://127.0.0.1:{free_port()}"

    async def test(fake: FakeTikTok) -> None:
        room = fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        game = {"ledger_dir": str(tmp_path / "ledger")}
        async with Harness(fake, ["@alice"], control=control, game=game) as h:
            await h.until(lambda: len(h.events("alice")) > 20)
            ids = (7_000_000_000_000_000_001, 7_000_000_000_000_000_002)
            room.push(gift_frame(ids[0], ROOM_ID, diamonds=HUGE, count=8, group=12345))
            room.push(gift_frame(ids[1], ROOM_ID, diamonds=HUGE, count=8, group=12345, end=True))
            await h.until(lambda: ids[1] in {e.get("msgId") for e in h.events("alice")})
            after = len(h.events("alice"))
            await h.until(lambda: len(h.events("alice")) > after + 20)  # the next good events
            assert await ask(control, {"cmd": "ping"}) == {"ok": True, "result": "pong"}
            summary = await ask(control, {"cmd": "summary", "room": "alice"})
            _not_failed(h)
        assert summary["ok"] and summary["result"]["totalDiamonds"] == INT64_MAX
        [final] = [m for _, m in h.publisher.sent if m["type"] == "giftFinal" and m.get("groupId") == 12345]
        assert final["repeatCount"] == 8 and final["totalDiamonds"] == INT64_MAX and validate(final) == []
        assert h.daemon.listener_failures.counts == {}

    run(test)


def test_a_listener_that_always_raises_touches_nothing_else(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[int] = []

    def broken(room: Room, event: dict[str, Any]) -> None:
        raise RuntimeError("listener bug")

    def counting(room: Room, event: dict[str, Any]) -> None:
        seen.append(event.get("msgId", 0))

    async def test(fake: FakeTikTok) -> None:
        fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(fake, ["@alice"], game={"ledger_dir": str(tmp_path)}) as h:
            h.daemon.listeners[:0] = [broken]  # first: the game layer and `counting` come after it
            h.daemon.listeners.append(counting)
            await h.until(lambda: len(seen) > 100)
            summary = h.daemon.listeners[1].__self__.ledger("alice").summary()  # type: ignore[attr-defined]
            beat = h.daemon.heartbeat()
            _not_failed(h)
        assert summary.get("likes", 0) + summary.get("peakViewers", 0) > 0  # the ledger kept counting
        assert beat["listenerFailures"]["broken"] >= 100 and validate(beat) == []
        internal = [m for _, m in h.publisher.sent if m["type"] == "sys.status" and m["reason"] == "internal"]
        assert [m["task"] for m in internal] == ["listener:broken"]  # reported once, not once per event
        lines = [r for r in caplog.records if r.name == "bridge.listeners"]
        assert len(lines) == 1 and lines[0].exc_info  # rate-limited: one traceback, not hundreds

    with caplog.at_level(logging.ERROR):
        run(test)


def test_an_unwritable_ledger_dir_is_a_ledger_failure_not_a_connection_failure(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")

    async def test(fake: FakeTikTok) -> None:
        fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(fake, ["@alice"], game={"ledger_dir": str(blocker / "ledger")}) as h:
            await h.until(lambda: len(h.events("alice")) > 150)
            failures = dict(h.daemon.listener_failures.counts)
            _not_failed(h)
        assert set(failures) == {"ledger"} and failures["ledger"] > 0
        assert "connect_failed" not in {reason for _, reason in h.states("alice")}
        assert [m for _, m in h.publisher.sent if m.get("task") == "listener:ledger"]

    run(test)
