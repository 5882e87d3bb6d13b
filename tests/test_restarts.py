"""Restarts lose nothing and count nothing twice: a daemon process SIGTERMed and SIGKILLed mid-stream.

The fake TikTok runs in this process (it outlives the daemon), a ``python -m
bridge run`` process watches it, and a SUB socket collects everything. After a
SIGTERM and a SIGKILL restart, each while gift streaks are open, the stream
ends; the daemon's ``streamSummary`` must equal the totals of exactly the
messages the fake pushed, and no msgId may reach the subscriber twice.
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import msgpack
import zmq
import zmq.asyncio
from helpers import free_port
from live import BRIDGE_MADE, ROOM_ID, SCENARIO

from bridge.sim.faketiktok import FakeTikTok

MIX = {"like": 30.0, "gift": 45.0, "roomUserSeq": 10.0, "social": 10.0, "chat": 5.0}


def _streak_key(event: dict[str, Any]) -> tuple[int, int, int]:
    return (event.get("user", {}).get("id", 0), event.get("groupId", 0), event.get("giftId", 0))


def expected_summary(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The stream's totals, computed from the distinct upstream messages themselves."""
    streaks: dict[tuple[int, int, int], tuple[int, dict[str, Any]]] = {}
    singles: list[tuple[int, dict[str, Any]]] = []
    likes = follows = shares = 0
    viewers: list[int] = []
    for event in events:
        kind = event["type"]
        if kind == "gift" and event.get("giftType") == 1 and event.get("groupId"):
            key = _streak_key(event)
            streaks[key] = (max(streaks.get(key, (0, event))[0], event.get("repeatCount", 1)), event)
        elif kind == "gift":
            singles.append((event.get("repeatCount", 1), event))
        elif kind == "like":
            likes += event.get("likeCount", 0)
        elif kind in ("follow", "share"):
            follows, shares = follows + (kind == "follow"), shares + (kind == "share")
        elif kind == "roomUserSeq":
            viewers.append(event.get("viewerCount", 0))
    gifts: dict[int, dict[str, int]] = {}
    for count, event in [*streaks.values(), *singles]:
        total = gifts.setdefault(event["giftId"], {"count": 0, "diamonds": 0})
        total["count"] += count
        total["diamonds"] += count * event.get("diamondCount", 0)
    return {
        "totalDiamonds": sum(g["diamonds"] for g in gifts.values()),
        "gifts": gifts,
        "likes": likes,
        "newFollowers": follows,
        "shares": shares,
        "peakViewers": max(viewers, default=0),
        "averageViewers": (2 * sum(viewers) + len(viewers)) // (2 * len(viewers)) if viewers else 0,
    }


def test_sigterm_and_sigkill_restarts_mid_stream_publish_and_count_everything_once(tmp_path: Path) -> None:
    asyncio.run(asyncio.wait_for(_restarts(tmp_path), 120))


async def _restarts(tmp_path: Path) -> None:
    endpoint, control = f"tcp://127.0.0.1:{free_port()}", f"tcp://127.0.0.1:{free_port()}"
    context = zmq.asyncio.Context()
    sub = context.socket(zmq.SUB)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.setsockopt(zmq.RCVHWM, 0)
    sub.setsockopt(zmq.RECONNECT_IVL, 10)  # back on a restarted daemon before it publishes anything
    sub.connect(endpoint)
    received: list[dict[str, Any]] = []

    async def collect() -> None:
        while True:
            received.append(msgpack.unpackb((await sub.recv_multipart())[1]))

    def upstream() -> list[dict[str, Any]]:
        skip = {*BRIDGE_MADE, "streamSummary", "restart"}
        return [m for m in received if m["type"] not in skip]

    def connected() -> bool:
        for m in reversed(received):  # the latest heartbeat of the running daemon
            if m["type"] == "restart":
                return False
            if m["type"] == "sys.heartbeat":
                return bool(m.get("rooms", {}).get("alice", {}).get("state") == "connected")
        return False

    async def until(predicate: Any, what: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            assert time.monotonic() < deadline, f"timed out waiting for {what}"
            await asyncio.sleep(0.02)

    def open_streak() -> bool:
        """A streak with at least two frames published and neither its end nor its giftFinal yet."""
        frames: dict[tuple[int, int, int], list[dict[str, Any]]] = {}
        for m in upstream():
            if m["type"] == "gift" and m.get("groupId"):
                frames.setdefault(_streak_key(m), []).append(m)
        finals = {_streak_key(m) for m in received if m["type"] == "giftFinal"}
        return any(
            len(f) >= 2 and k not in finals and not any(e.get("repeatEnd") for e in f)
            for k, f in frames.items()
        )

    config = tmp_path / "bridge.toml"
    async with FakeTikTok(history=100) as fake:
        scenario = replace(SCENARIO, rate=150.0, mix=MIX, streak=(4, 30), streak_gap=0.15)
        room = fake.add_room("alice", ROOM_ID, scenario=scenario, live=False)
        config.write_text(
            f'[publisher]\nendpoint = "{endpoint}"\nsndhwm = 1000000\nheartbeat_interval = 0.1\n'
            f'[control]\nendpoint = "{control}"\n'
            f'[tiktok]\nrooms = ["alice"]\nweb_base = "{fake.base_url}"\nwebcast_base = "{fake.base_url}"\n'
            "backoff_base = 0.05\nbackoff_cap = 0.2\npoll_interval = 0.2\n"
            f'[sign]\nbase_url = "{fake.base_url}"\n[game]\nledger_dir = "{tmp_path}/ledger"\n',
            encoding="utf-8",
        )
        collector = asyncio.create_task(collect())
        run = [sys.executable, "-m", "bridge", "run", "--config", str(config)]
        daemon = subprocess.Popen(run, stderr=subprocess.DEVNULL)
        try:
            await until(lambda: any(m["type"] == "sys.heartbeat" for m in received), "the first heartbeat")
            room.live = True  # only now: nothing may be published before the subscription landed
            for sig in (signal.SIGTERM, signal.SIGKILL):
                await until(connected, "connected")
                before = len(upstream())
                await until(lambda b=before: len(upstream()) > b + 150 and open_streak(), "an open streak")
                daemon.send_signal(sig)
                assert await asyncio.to_thread(daemon.wait, 10) == (0 if sig == signal.SIGTERM else -sig)
                received.append({"type": "restart"})  # a marker: heartbeats before it are stale
                daemon = subprocess.Popen(run, stderr=subprocess.DEVNULL)
            await until(connected, "connected after the restarts")
            before = len(upstream())
            await until(lambda: len(upstream()) > before + 150, "events after the restarts")
            room.end_stream()
            await until(lambda: any(m["type"] == "streamSummary" for m in received), "the streamSummary")
        finally:
            daemon.terminate()
            await asyncio.to_thread(daemon.wait, 10)
            collector.cancel()
            await asyncio.gather(collector, return_exceptions=True)
            sub.close(linger=0)
            context.term()

    events = upstream()
    ids = [m["msgId"] for m in events]
    assert len(ids) == len(set(ids)), f"{len(ids) - len(set(ids))} duplicate msgIds at the subscriber"
    pushed = {msg_id for batch in room.sent for msg_id in batch}
    lost = pushed - set(ids)
    where = [(i, b.index(x), len(b)) for i, b in enumerate(room.sent) for x in b if x in lost]
    assert lost == set(), f"messages the fake pushed were never published: {where}"
    assert len(set(ids) - pushed) == 1  # the sign server's first answer: a fresh roomUserSeq snapshot
    [summary] = [m for m in received if m["type"] == "streamSummary"]
    expected = expected_summary(events)
    assert summary["ended"] is True and expected["totalDiamonds"] > 0
    got = {g["giftId"]: {"count": g["count"], "diamonds": g["diamonds"]} for g in summary["gifts"]}
    assert got == expected.pop("gifts")
    assert {k: summary.get(k, 0) for k in expected} == expected
    finals: dict[tuple[int, int, int], int] = {}
    for m in received:
        if m["type"] == "giftFinal" and m.get("groupId"):
            finals[_streak_key(m)] = finals.get(_streak_key(m), 0) + 1
    assert finals and set(finals.values()) == {1}, "a streak got two giftFinal events"
    print(
        f"pushed {len(pushed)}, published {len(ids)}, duplicates 0, streaks {len(finals)}, diamonds",
        summary["totalDiamonds"],
    )
