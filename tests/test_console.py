"""The web console: its state model, its web side, and the page in a real headless Chromium."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import msgpack
import pytest
import zmq
from aiohttp import ClientSession, WSMsgType, WSServerHandshakeError
from helpers import START_MS, RecordingPublisher, free_port

from bridge import contract
from bridge.config import Config, GameConfig, PublisherConfig, load_config
from bridge.console.bus import Control, Subscription
from bridge.console.service import Console, console_settings, local_endpoint
from bridge.console.state import MAX_NAMES, MAX_ROOMS, ConsoleState
from bridge.console.tail import describe
from bridge.console.web import STATIC, Browser, ConsoleSettings, encode, feed_line
from bridge.errors import ConfigError
from bridge.game.layer import IDLE_SECONDS, GameLayer
from bridge.room import Room
from bridge.server.daemon import Daemon
from bridge.server.publisher import Publisher
from bridge.sim.simulator import Simulator, load_scenario

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
UPLOT_VERSION = "1.6.32"


def packed(message: object) -> bytes:
    packed: bytes = msgpack.packb(message, use_bin_type=True)
    return packed


def fold(state: ConsoleState, messages: list[tuple[str, dict[str, Any]]], now: float) -> None:
    for topic, message in messages:
        state.receive(topic.encode(), packed(message), now)


# ------------------------------------------------------------ the state model


def test_the_ledger_and_rates_match_what_the_daemon_counted(tmp_path: Path) -> None:
    recorder = RecordingPublisher()
    daemon = Daemon(Config(), [], recorder)
    game = GameLayer(daemon, GameConfig(ledger_dir=""))
    room = Room("someone", 77)
    daemon.rooms["someone"] = room
    sim = Simulator(replace(load_scenario("default"), rate=120.0), 4)
    now = START_MS
    for _ in range(400):
        daemon.ingest(room, sim.frame(now))
        now += 50
    daemon.heartbeat()
    state = ConsoleState(now=1000.0)
    fold(state, recorder.sent, 1000.5)
    expected = game.ledger("someone").summary(now_ms=now)
    books = state.view(1001.0)["ledger"]["someone"]
    assert books["simulated"] is None  # nothing was simulated
    live = books["real"]["live"]
    assert {k: v for k, v in live.items() if k != "duration"} == {
        k: v for k, v in expected.items() if k != "duration"
    }
    assert expected["totalDiamonds"] > 0 and expected["gifts"] and expected["topGifters"]
    state.tick(1001.0)
    [(second, counts, viewers)] = state.history_since(0)
    upstream = [m for _, m in recorder.sent if not m["type"].startswith("sys.")]
    assert second == 1000 and sum(counts.values()) == len(upstream)
    assert counts["gift"] == sum(1 for m in upstream if m["type"] == "gift")
    [row] = state.view(1001.0)["rooms"]
    assert row["room"] == "someone" and row["roomId"] == 77 and row["rate"] == len(upstream)
    assert row["viewers"] == viewers["someone"] > 0
    assert row["events"] == room.events


def test_real_and_simulated_books_mirror_the_daemons_ledgers(tmp_path: Path) -> None:
    recorder = RecordingPublisher()
    daemon = Daemon(Config(), [], recorder)
    game = GameLayer(daemon, GameConfig(ledger_dir=str(tmp_path / "ledger")))
    room = Room("someone", 77)
    daemon.rooms["someone"] = room
    sim = Simulator(replace(load_scenario("default"), rate=120.0), 4)
    now = START_MS
    lion = {"type": "gift", "user": {"id": 2, "uniqueId": "tester"}, "giftId": 6969, "giftName": "Lion"}
    rose = {"type": "gift", "user": {"id": 3}, "giftId": 5655, "diamondCount": 1, "giftType": 1, "groupId": 9}
    for index in range(200):
        daemon.ingest(room, sim.frame(now))
        now += 50
        if index == 50:
            daemon.publish_event(
                room, {**lion, "diamondCount": 2**63 - 1, "repeatCount": 1, "simulated": True}
            )
            daemon.publish_event(room, {**rose, "repeatCount": 4, "simulated": True})  # a streak, left open
            daemon.publish_event(room, {"type": "like", "likeCount": 7, "simulated": True})
            daemon.publish_event(Room("elsewhere"), {"type": "follow", "user": {"id": 4}, "simulated": True})
    state = ConsoleState(now=1000.0)
    fold(state, recorder.sent, 1000.5)

    def same(live: dict[str, Any], expected: dict[str, Any]) -> None:
        assert {k: v for k, v in live.items() if k != "duration"} == {
            k: v for k, v in expected.items() if k not in ("duration", "room", "seq", "ts")
        }

    books = state.view(1001.0)["ledger"]
    same(books["someone"]["real"]["live"], game.ledger("someone").summary())
    same(books["someone"]["simulated"]["live"], game.ledger("someone", simulated=True).summary())
    assert books["someone"]["simulated"]["live"]["totalDiamonds"] == 2**63 - 1
    assert books["someone"]["simulated"]["live"]["simulated"] is True
    assert books["elsewhere"]["real"] is None and books["elsewhere"]["simulated"]["live"]["newFollowers"] == 1
    real = books["someone"]["real"]["live"]
    assert "simulated" not in real and real["totalDiamonds"] < 2**63 - 1 and real["likes"] > 0
    assert {g["giftId"] for g in real["gifts"]}.isdisjoint({6969})

    # a simulated streamEnd: the simulated books end, the daemon's simulated summary is their final
    recorder.sent.clear()
    daemon.publish_event(room, {"type": "streamEnd", "simulated": True})
    fold(state, recorder.sent, 1002.0)
    [summary] = [m for _, m in recorder.sent if m["type"] == "streamSummary"]
    simulated = state.view(1002.0)["ledger"]["someone"]["simulated"]
    assert simulated["final"] == summary and summary["simulated"] is True and summary["ended"] is True
    assert summary["totalDiamonds"] == 2**63 - 1 and summary["likes"] == 7
    same(simulated["live"], game.ledger("someone", simulated=True).summary())  # both afresh
    assert simulated["live"] == {"type": "streamSummary", "simulated": True} and simulated["since"] == 1002.0
    after = state.view(1002.0)["ledger"]["someone"]["real"]
    assert after["live"] == real and after["final"] is None  # the real books are untouched
    same(after["live"], game.ledger("someone").summary())

    # the real streamEnd ends only the real books
    recorder.sent.clear()
    daemon.publish_event(room, {"type": "like", "likeCount": 3, "simulated": True})
    daemon.publish_event(room, {"type": "streamEnd", "msgId": 1})
    fold(state, recorder.sent, 1003.0)
    books = state.view(1003.0)["ledger"]["someone"]
    assert books["real"]["final"]["ended"] is True and "simulated" not in books["real"]["final"]
    assert books["real"]["final"]["totalDiamonds"] == real["totalDiamonds"]
    assert books["simulated"]["live"]["likes"] == 3 and books["simulated"]["final"] == summary


def test_simulated_books_start_afresh_as_the_daemons_do() -> None:
    state = ConsoleState(now=0.0)
    like = {"type": "like", "room": "r", "likeCount": 2, "simulated": True}
    fold(state, [("like/r", {**like, "seq": 1}), ("like/r", {**like, "seq": 2})], 1.0)
    fold(state, [("like/r", {"type": "like", "room": "r", "likeCount": 5, "seq": 3})], 1.0)
    books = state.view(1.0)["ledger"]["r"]
    assert books["simulated"]["live"]["likes"] == 4 and books["real"]["live"]["likes"] == 5
    fold(state, [("chat/r", {"type": "chat", "room": "r", "simulated": True, "seq": 4})], IDLE_SECONDS)
    fold(state, [("like/r", {**like, "seq": 5})], IDLE_SECONDS + 1.0)  # kept in use by the chat
    assert state.view(0.0)["ledger"]["r"]["simulated"]["live"]["likes"] == 6
    fold(state, [("like/r", {**like, "seq": 6})], 2 * IDLE_SECONDS + 1.0)  # idle: the daemon dropped it
    assert state.view(0.0)["ledger"]["r"]["simulated"]["live"]["likes"] == 2
    fold(state, [("like/r", {**like, "seq": 1})], 2 * IDLE_SECONDS + 2.0)  # the daemon restarted
    books = state.view(0.0)["ledger"]["r"]
    assert books["simulated"]["live"]["likes"] == 2 and books["simulated"]["since"] == 2 * IDLE_SECONDS + 2.0
    assert books["real"]["live"]["likes"] == 5  # the stream's ledger survives restarts (its journal)
    other = {"type": "like", "room": "q", "likeCount": 1, "roomId": 8, "ts": 5_000, "seq": 2}
    fold(state, [("like/q", other), ("like/q", {**other, "roomId": 9, "ts": 6_000, "seq": 3})], 700.0)
    live = state.view(0.0)["ledger"]["q"]["real"]["live"]
    assert {k: v for k, v in live.items() if k != "duration"} == {  # a new room id: a new stream
        "type": "streamSummary",
        "startTime": 6_000,
        "likes": 1,
        "roomId": 9,
    }


def test_rooms_daemons_outages_and_restarts() -> None:
    state = ConsoleState(now=100.0)
    status = {"type": "sys.status", "room": "r", "state": "reconnecting", "reason": "dropped", "attempt": 2}
    beat = {"type": "sys.heartbeat", "uptime": 5.0, "implementation": "cython"}
    beat["rooms"] = {
        "r": {"state": "connected", "events": 9, "duplicates": 3, "signCalls": 4, "reconnects": 5}
    }
    fold(state, [("sys.status/r", {**status, "seq": 1}), ("sys.status/r", {**status, "seq": 2})], 100.0)
    [room] = state.view(100.0)["rooms"]
    assert (room["state"], room["reason"], room["attempt"], room["reconnects"]) == (
        "reconnecting",
        "dropped",
        2,
        2,
    )
    fold(state, [("sys.heartbeat", {**beat, "seq": 5})], 100.5)
    [room] = state.view(100.5)["rooms"]
    assert (room["state"], room["duplicates"], room["signCalls"], room["reconnects"]) == (
        "connected",
        3,
        4,
        5,
    )
    [daemon] = state.view(100.5)["daemons"]
    assert daemon["up"] and daemon["gaps"] == 2 and daemon["implementation"] == "cython"
    assert state.tick(102.0) == [] and state.tick(104.0)[0].name == ""  # silent for 3.5 s: down
    view = state.view(104.0)
    assert not view["daemons"][0]["up"] and view["outages"] == [{"daemon": "", "down": 100.5, "up": None}]
    fold(state, [("sys.heartbeat", {**beat, "seq": 1, "uptime": 0.5})], 110.0)  # it restarted
    view = state.view(110.0)
    assert view["daemons"][0]["up"] and view["daemons"][0]["restarts"] == 1
    assert view["outages"] == [{"daemon": "", "down": 100.5, "up": 110.0}]
    assert len(state.history_since(0)) == 10  # seconds 100..109, empty ones included


def test_the_heartbeat_carries_each_rooms_counters() -> None:
    daemon = Daemon(Config(), [], RecordingPublisher())
    room = daemon.rooms["r"] = Room("r", 9, decode_errors=2, duplicates=3, sign_calls=1)
    daemon.set_state(room, "reconnecting", "dropped", attempt=1)
    daemon.set_state(room, "reconnecting", "dropped", attempt=2)
    daemon.set_state(room, "connected", "ok")
    info = daemon.snapshot()["rooms"]["r"]
    assert info == {
        "state": "connected",
        "roomId": 9,
        "decodeErrors": 2,
        "duplicates": 3,
        "reconnects": 2,
        "signCalls": 1,
    }


def test_rules_reload_results_and_last_fired() -> None:
    state = ConsoleState(now=0.0)
    state.rules_reply({"ok": True, "result": [{"name": "jump", "trigger": {"on": "chat"}, "fired": 3}]})
    action = {"type": "action", "name": "jump", "rule": "jump", "room": "r", "seq": 1, "ts": 5000}
    fold(state, [("action/jump/r", action)], 5.0)
    assert state.view(6.0)["rules"] == [
        {"name": "jump", "trigger": {"on": "chat"}, "fired": 3, "lastFired": 5000}
    ]
    error = "rules.toml: rule #1 ('jump'): key 'command': required"
    fold(
        state, [("sys.rules", {"type": "sys.rules", "ok": False, "rules": 1, "error": error, "seq": 2})], 7.0
    )
    assert state.view(7.0)["reload"] == {"ok": False, "rules": 1, "error": error, "at": 7.0}
    state.reload_reply({"ok": True, "result": {"rules": 2}}, 8.0)
    assert state.view(8.0)["reload"] == {"ok": True, "rules": 2, "error": "", "at": 8.0}
    state.rules_reply({"ok": False, "error": {"code": "unreachable", "message": "no answer"}})
    assert state.view(9.0)["rulesError"] == "unreachable: no answer"


DEEP: Any = 1
for _ in range(200):
    DEEP = [DEEP]
HOSTILE: list[Any] = [
    0,
    -1,
    2**31,
    2**32,
    2**53 + 1,
    2**63,
    2**64 - 1,
    -(2**63),
    math.nan,
    math.inf,
    -math.inf,
    "",
    "x" * 100_000,
    "/",
    "..",
    "\x00\x1b[2J\r\n",
    b"\xff\xfe",
    [],
    {},
    DEEP,
    True,
    None,
]


@pytest.mark.parametrize("value", HOSTILE, ids=lambda v: repr(v)[:20])
def test_hostile_values_never_break_the_state_or_the_page(value: Any) -> None:
    state = ConsoleState(feed_lines=50, now=0.0)
    keys = [
        "user",
        "giftId",
        "repeatCount",
        "diamondCount",
        "groupId",
        "giftType",
        "ts",
        "seq",
        "room",
        "rooms",
    ]
    keys += ["viewerCount", "likeCount", "rule", "state", "uptime", "payload", "daemon", "roomId", "type"]
    keys += ["simulated", "totalDiamonds"]
    kinds = ["gift", "like", "roomUserSeq", "follow", "action", "sys.heartbeat", "sys.status", "unknown"]
    for kind in [*kinds, "streamEnd", "streamSummary"]:
        for key in keys:
            message = {"type": kind, "room": "r", "giftType": 1, "groupId": 7, "user": {"id": 1}, key: value}
            state.receive(f"{kind}/r".encode(), packed(message), 1.0)
            if isinstance(message.get("user"), dict):
                message["user"] = {"id": value, "uniqueId": value}
                state.receive(f"{kind}/r".encode(), packed(message), 1.5)
    state.receive(b"gift/r", b"\xc1", 2.0)  # not msgpack
    state.receive(b"gift/r", packed([1, 2]), 2.0)  # not a map
    state.tick(5.0)
    state.tick(5.0 + state.streak_timeout)  # hostile streaks never reach their time-out
    assert state.bad >= 2
    page = {
        "view": state.view(5.0),
        "rates": state.history_since(0),
        "feed": [feed_line(e) for e in state.recent],
    }
    text = encode(page)
    assert (
        json.loads(text, parse_constant=lambda name: pytest.fail(name))["view"]["received"] == state.received
    )


def test_endless_rooms_types_and_rules_cannot_grow_the_state_without_end() -> None:
    state = ConsoleState(now=3.0)
    for index in range(MAX_ROOMS + 5):
        message = {"type": f"t{index % (MAX_NAMES + 5)}", "room": f"r{index}", "rule": f"rule{index}"}
        state.receive(b"x", packed(message), 3.0)
        state.receive(b"x", packed({**message, "type": "action"}), 3.0)
    state.tick(4.0)
    [(second, counts, _)] = state.history_since(0)
    assert second == 3 and len(counts) == MAX_NAMES and len(state.rooms) == MAX_ROOMS
    assert len(state.last_fired) == MAX_NAMES and state.bad == 10


def test_feed_lines_use_the_tail_wording_and_exact_values() -> None:
    gift = {"type": "gift", "room": "r", "ts": START_MS, "seq": 3, "giftName": "Rose", "diamondCount": 1}
    gift.update(repeatCount=5, user={"id": 2**63 - 1, "uniqueId": "fan"}, msgId=7_400_000_000_000_000_001)
    line = json.loads(encode(feed_line(gift)))
    assert line["line"] == describe(gift) and "@fan sent Rose x5 = 5 diamonds" in line["line"]
    assert line["event"]["msgId"] == 7_400_000_000_000_000_001 and line["event"]["user"]["id"] == 2**63 - 1
    assert json.loads(encode({"payload": b"\x00\xff", "n": 2**64})) == {"payload": "00ff", "n": 2**64}
    hostile = {"payload": b"\x00\xff", "f": math.nan, 1: 2**53 + 1, "deep": DEEP}
    safe = json.loads(encode(hostile), parse_constant=lambda name: pytest.fail(f"{name} in the JSON"))
    assert safe["f"] == "nan" and safe["payload"] == "00ff" and safe["1"] == str(2**53 + 1)
    unprintable = feed_line({"type": "gift", "ts": "soon", "seq": 1})
    assert unprintable["line"].startswith("gift: unprintable") and unprintable["event"]["ts"] == "soon"


def test_a_slow_browser_loses_old_lines_counted() -> None:
    browser = Browser(ws=None, feed_lines=10)  # type: ignore[arg-type]
    for seq in range(1, 26):
        browser.push({"type": "chat", "seq": seq})
    assert browser.lost == 15 and [e["seq"] for e in browser.pending] == list(range(16, 26))


# ------------------------------------------------------------ the web side, over real sockets


def test_config_section_and_endpoints(tmp_path: Path) -> None:
    path = tmp_path / "bridge.toml"
    path.write_text(
        '[console]\nenabled = false\nport = 6000\nfeed_lines = 50\nsubscribe = "tcp://127.0.0.1:7"\n'
    )
    config = load_config(path, {"BRIDGE_CONSOLE_HOST": "::1"})
    assert (config.console.enabled, config.console.port, config.console.host) == (False, 6000, "::1")
    for bad in ("port = -1", "feed_lines = 0", "enabled = 3", "colour = 1"):
        path.write_text(f"[console]\n{bad}\n")
        with pytest.raises(ConfigError, match="console"):
            load_config(path, {})
    assert local_endpoint("tcp://0.0.0.0:5556") == local_endpoint("tcp://*:5556") == "tcp://127.0.0.1:5556"
    assert local_endpoint("tcp://[::]:1") == "tcp://[::1]:1" and local_endpoint("ipc:///x") == "ipc:///x"
    assert ConsoleSettings(host="::1", port=8).url == "http://[::1]:8/"


def test_the_console_in_the_daemon_reads_the_publisher_in_process() -> None:
    config = Config(publisher=PublisherConfig(endpoint=f"tcp://127.0.0.1:{free_port()}", zmq_heartbeat_ivl=0))
    publisher = Publisher(config.publisher)
    settings = console_settings(config, publisher.inproc)
    assert settings.subscribe == publisher.inproc != ""
    assert console_settings(config).subscribe == config.publisher.endpoint
    named = replace(config, console=replace(config.console, subscribe="tcp://127.0.0.1:7"))
    assert console_settings(named, publisher.inproc).subscribe == "tcp://127.0.0.1:7"
    subscription = Subscription(settings.subscribe)  # connects before the publisher binds, as in `run`
    publisher.start()
    try:
        got: list[tuple[bytes, bytes]] = []
        for _ in range(200):
            publisher.publish("chat/a", {"type": "chat", "comment": "hi"})
            got += subscription.drain(10)
            if got:
                break
            time.sleep(0.01)
        topic, payload = got[0]
        assert topic == b"chat/a" and msgpack.unpackb(payload)["comment"] == "hi"
    finally:
        subscription.close()
        publisher.close()


def test_beyond_loopback_the_console_needs_the_token() -> None:
    with pytest.raises(ConfigError, match="control.token"):
        asyncio.run(Console(ConsoleSettings(host="0.0.0.0")).start())


def test_the_vendored_chart_library_and_the_shipped_files() -> None:
    vendor = STATIC / "vendor"
    assert (
        (vendor / "uPlot.iife.min.js")
        .read_text()
        .startswith(f"/*! https://github.com/leeoniya/uPlot (v{UPLOT_VERSION})")
    )
    assert (
        "MIT License" in (vendor / "uPlot-LICENSE").read_text()
        and UPLOT_VERSION in (vendor / "README.md").read_text()
    )
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"][
        "bridge.console"
    ]
    base = ROOT / "bridge" / "console"
    shipped = {p for pattern in globs for p in base.glob(pattern)}
    on_disk = {p for p in (base / "static").rglob("*") if p.is_file()}
    assert shipped == on_disk


def test_web_side_refuses_cross_site_and_answers_every_error() -> None:
    settings = ConsoleSettings(
        port=0, subscribe=f"tcp://127.0.0.1:{free_port()}", control=f"tcp://127.0.0.1:{free_port()}"
    )

    async def main() -> None:
        console = Console(settings)
        url = await console.start()
        task = asyncio.create_task(console.run())
        origin = {"Origin": url.rstrip("/")}
        try:
            async with ClientSession() as http:
                async with http.get(url) as page:
                    assert page.status == 200 and "uPlot.iife.min.js" in await page.text()
                    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
                async with http.get(url + "contract.json") as reply:
                    assert await reply.text() == (ROOT / "docs" / "contract.json").read_text(encoding="utf-8")
                async with http.get(url + "api/defaults") as reply:
                    defaults = await reply.json()
                assert defaults["gift"]["giftName"] == "Rose" and defaults["gift"]["user"]["uniqueId"]
                assert set(defaults) == {
                    e.name for e in contract.EVENTS if not e.system and e.name != "unknown"
                }
                async with http.get(url + "static/%2e%2e/service.py") as reply:
                    assert reply.status in (403, 404)
                for headers in ({"Origin": "http://evil.example"}, {"Host": "evil.example"}):
                    async with http.post(url + "api/control", json={"cmd": "ping"}, headers=headers) as reply:
                        assert reply.status == 403 and (await reply.json())["error"]["code"] == "forbidden"
                form = {"Content-Type": "application/x-www-form-urlencoded", **origin}
                async with http.post(url + "api/control", data="cmd=ping", headers=form) as reply:
                    assert reply.status == 403
                with pytest.raises(WSServerHandshakeError) as refused:
                    await http.ws_connect(url + "ws", headers={"Origin": "http://evil.example"})
                assert refused.value.status == 403
                for body in ({"cmd": "lookup"}, {"nope": 1}, [1]):
                    async with http.post(url + "api/control", json=body, headers=origin) as reply:
                        assert (await reply.json())["error"]["code"] == "bad_request"
                async with http.post(
                    url + "api/control", data="{", headers={**origin, "Content-Type": "application/json"}
                ) as reply:
                    assert (await reply.json())["error"]["code"] == "bad_request"
                async with http.post(url + "api/control", json={"cmd": "ping"}, headers=origin) as reply:
                    answer = await reply.json()  # nothing listens on the control port
                assert answer["ok"] is False and answer["error"]["code"] == "unreachable"
                async with http.ws_connect(url + "ws", headers=origin) as ws:
                    hello = await ws.receive_json(timeout=5)
                    assert hello["t"] == "hello" and hello["tokenRequired"] is False
                    state = await ws.receive(timeout=5)
                    assert state.type == WSMsgType.TEXT and json.loads(state.data)["t"] == "state"
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    asyncio.run(main())


def test_the_bus_reader_counts_what_it_cannot_read() -> None:
    endpoint = f"tcp://127.0.0.1:{free_port()}"
    publisher: zmq.Socket[Any] = zmq.Context.instance().socket(zmq.PUB)
    publisher.setsockopt(zmq.LINGER, 0)
    publisher.bind(endpoint)

    async def main() -> None:
        console = Console(ConsoleSettings(port=0, subscribe=endpoint, control=""))
        await console.start()
        task = asyncio.create_task(console.run())
        try:
            deadline = time.monotonic() + 10
            while console.state.received == 0:  # until the subscription has reached the publisher
                assert time.monotonic() < deadline
                publisher.send_multipart([b"sys.heartbeat", packed({"type": "sys.heartbeat", "seq": 1})])
                await asyncio.sleep(0.1)
            publisher.send_multipart([b"chat/r", b"one", b"frame too many"])
            publisher.send_multipart([b"chat/r", b"\xc1"])
            while console.state.bad < 2:
                assert time.monotonic() < deadline, console.state.bad
                await asyncio.sleep(0.05)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    try:
        asyncio.run(main())
    finally:
        publisher.close()


def test_beyond_loopback_state_changes_need_the_token() -> None:
    async def main() -> None:
        settings = ConsoleSettings(host="127.0.0.1", port=0, control="", token="s3cret")
        console = Console(settings)
        await console.start()
        console.site.settings = replace(settings, host="192.0.2.1")  # as if it listened beyond loopback
        try:
            async with ClientSession() as http:
                for headers, code in (
                    ({}, "forbidden"),
                    ({"X-Bridge-Token": "wrong"}, "forbidden"),
                    ({"X-Bridge-Token": "s3cr\u00e9t"}, "forbidden"),
                ):
                    async with http.post(
                        console.url + "api/control", json={"cmd": "ping"}, headers=headers
                    ) as r:
                        assert r.status == 403 and (await r.json())["error"]["code"] == code
                token = {"X-Bridge-Token": "s3cret"}
                async with http.post(console.url + "api/control", json={"cmd": "ping"}, headers=token) as r:
                    assert r.status == 200 and (await r.json())["error"]["code"] == "unreachable"
        finally:
            await console.close()

    asyncio.run(main())


def test_control_client_never_raises() -> None:
    async def main() -> None:
        dead = Control(f"tcp://127.0.0.1:{free_port()}", token="t", timeout=0.2)
        assert (await dead.request({"cmd": "ping"}))["error"]["code"] == "unreachable"
        assert (await dead.request({"cmd": "x", "n": 2**70}))["error"]["code"] == "bad_request"
        assert (await Control("").request({"cmd": "ping"}))["error"]["code"] == "unreachable"

    asyncio.run(main())


# ------------------------------------------------------------ the page, in a real browser

RULES = """\
[[rules]]
name = "lion"
on = "gift"
gift = "Lion"

[[rules]]
name = "jump"
on = "chat"
command = "jump"
"""
BROKEN_RULES = RULES + 'colour = "red"\n'
CHROMIUM_ARGS = [
    *("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"),
    *("--disable-component-update", "--disable-sync"),
]


class Bridge:
    """A ``python -m bridge ...`` process with its log in a file."""

    def __init__(self, args: list[str], log: Path, env: dict[str, str]) -> None:
        self.args, self.log, self.env = args, log, env
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, ready: str) -> None:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bridge", *self.args],
                stdout=out,
                stderr=out,
                env={**os.environ, **self.env},
            )
        offset = self.log.stat().st_size if self.log.exists() else 0
        deadline = time.monotonic() + 30
        while ready not in self.log.read_text(errors="replace")[offset - 1 if offset else 0 :]:
            assert self.process.poll() is None, self.log.read_text(errors="replace")
            assert time.monotonic() < deadline, f"no {ready!r} in:\n{self.log.read_text(errors='replace')}"
            time.sleep(0.1)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def chromium() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: scripts/test.sh installs Debian's chromium")
        pytest.skip("no chromium (scripts/test.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def _points(page: Any, selector: str) -> int:
    return int(page.get_attribute(selector, "data-points") or 0)


def test_the_page_in_chromium_feed_plots_simulate_ledger_rules_and_restart(
    chromium: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)
    ARTIFACTS.mkdir(exist_ok=True)
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES)
    pub, ctl, inside, outside = (free_port() for _ in range(4))
    env = {"BRIDGE_GAME_LEDGER_DIR": str(tmp_path / "ledger")}
    daemon = Bridge(
        [
            *("run", "--endpoint", f"tcp://127.0.0.1:{pub}", "--control", f"tcp://127.0.0.1:{ctl}"),
            *("--console-port", str(inside), "--rules", str(rules), "--rate", "60"),
        ],
        tmp_path / "daemon.log",
        env,
    )
    console = Bridge(
        [
            "console",
            "--endpoint",
            f"tcp://127.0.0.1:{pub}",
            "--control",
            f"tcp://127.0.0.1:{ctl}",
            "--port",
            str(outside),
        ],
        tmp_path / "console.log",
        env,
    )
    try:
        daemon.start(f"console on http://127.0.0.1:{inside}/")  # `run` prints the console's URL
        console.start(f"console on http://127.0.0.1:{outside}/")
        errors: list[str] = []
        page = chromium.new_page(viewport={"width": 1400, "height": 1500})
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"http://127.0.0.1:{inside}/")

        # the simulated room, live; the feed fills and the plots move
        expect(page.locator("#link")).to_have_text("live")
        expect(page.locator("#rooms tr[data-room=simulated] .state")).to_have_text("connected")
        expect(page.locator("#rooms tr[data-room=simulated] td").nth(10)).to_have_text("1")  # one sign call
        expect(page.locator("#feed li").nth(20)).to_be_attached()
        expect(page.locator("#rate-plot canvas")).to_be_visible()
        first = _points(page, "#rate-plot")
        page.wait_for_function(f"() => +document.querySelector('#rate-plot').dataset.points >= {first + 2}")
        assert _points(page, "#viewer-plot") >= 2
        page.screenshot(path=str(ARTIFACTS / "console-live.png"), full_page=True)

        # simulate a gift: the result, the feed line (tail's wording), the ledger, the rule
        page.select_option("#sim-type", "gift")
        page.fill("#sim-form input[name=uniqueId]", "console_tester")
        page.fill("#sim-form input[name=giftName]", "Lion")
        page.fill("#sim-form input[name=giftId]", "6969")
        page.fill("#sim-form input[name=diamondCount]", "29999")
        page.click("#sim-send")
        expect(page.locator("#sim-results li.ok").first).to_contain_text("gift published to @simulated")
        expect(
            page.locator("#feed li", has_text="@console_tester sent Lion x1 = 29999 diamonds")
        ).to_have_count(1)
        simulated = page.locator("#ledger [data-room=simulated] [data-books=simulated]")
        real = page.locator("#ledger [data-room=simulated] [data-books=real]")
        expect(simulated).to_contain_text("simulated (not in the stream's ledger)")
        expect(simulated.locator("tr", has_text="@console_tester")).to_contain_text("29,999")
        expect(simulated.locator("tr", has_text="Lion")).to_contain_text("x1")
        expect(simulated.locator(".stats.live b").first).to_have_text("29,999")  # the simulated gift alone
        expect(real.locator(".stats.live b").first).not_to_have_text("0")  # the simulator's real gifts
        assert real.locator("tr", has_text="@console_tester").count() == 0
        expect(page.locator("#rules tr", has_text="lion").locator("td").nth(2)).to_have_text("1")
        page.fill("#sim-form input[name=repeatCount]", "x")
        page.click("#sim-send")
        expect(page.locator("#sim-results li.bad").first).to_contain_text("repeatCount: not an integer")
        page.select_option("#sim-type", "chat")
        page.fill("#sim-form input[name=comment]", "!jump from the console")
        page.click("#sim-send")
        chat = page.locator("#feed li[data-type=chat]", has_text="!jump from the console")
        expect(chat).to_have_count(1)
        chat.click()
        expect(page.locator("#feed li pre", has_text='"simulated": true')).to_have_count(1)
        expect(page.locator("#feed li pre")).to_contain_text(
            '"msgId": "90000000000000000'
        )  # 19 digits, exact
        chat.click()  # folded again: the feed follows new lines
        real.locator("button").click()
        expect(real.locator(".final")).to_be_visible()
        expect(real).to_contain_text("last streamSummary from the daemon")
        assert real.locator(".final tr", has_text="@console_tester").count() == 0
        simulated.locator("button").click()
        expect(simulated.locator(".result")).to_contain_text("daemon: 29,999 diamonds")
        expect(simulated).to_contain_text("last simulated streamSummary from the daemon")
        expect(simulated.locator(".final tr", has_text="@console_tester")).to_contain_text("29,999")
        page.fill("#sim-form input[name=comment]", "<img src=x onerror=alert(1)>")  # text, never HTML
        page.click("#sim-send")
        expect(
            page.locator("#feed li[data-type=chat]", has_text="<img src=x onerror=alert(1)>")
        ).to_have_count(1)
        assert page.locator("#feed img").count() == 0

        # filters and pause
        page.select_option("#feed-type", "chat")
        page.wait_for_timeout(600)
        shown = page.locator("#feed li:not([hidden])")
        assert shown.count() > 0 and set(shown.evaluate_all("items => items.map(i => i.dataset.type)")) == {
            "chat"
        }
        page.select_option("#feed-type", "")
        page.check("#feed-pause")
        expect(page.locator("#feed-lost")).to_contain_text("held while paused")
        held = page.locator("#feed li").count()
        page.wait_for_timeout(600)
        assert page.locator("#feed li").count() == held
        page.uncheck("#feed-pause")

        # connect and disconnect a room through the control channel
        page.fill("#connect-form input[name=room]", "@nobody_here")
        page.click("#connect-form button")
        expect(page.locator("#connect-result")).to_have_text("watching @nobody_here")
        expect(page.locator("#rooms tr[data-room=nobody_here]")).to_have_count(1)
        page.locator("#rooms tr[data-room=nobody_here] button").click()
        expect(page.locator("#connect-result")).to_have_text("@nobody_here disconnected")
        page.screenshot(path=str(ARTIFACTS / "console-simulated.png"), full_page=True)

        # a broken rules edit: the daemon's hot reload and the reload button both show the validator's error
        rules.write_text(BROKEN_RULES)
        result = page.locator("#reload-result")
        expect(result).to_contain_text("reload failed")
        expect(result).to_contain_text("rules.toml")
        expect(result).to_contain_text("colour")
        page.click("#reload")
        expect(result).to_contain_text("the previous 2 rules stay active")
        page.screenshot(path=str(ARTIFACTS / "console-rules-error.png"), full_page=True)
        rules.write_text(RULES.replace('"jump"', '"leap"', 1))
        expect(result).to_contain_text("2 rules active")
        expect(page.locator("#rules tr", has_text="leap")).to_have_count(1)

        # a simulated streamEnd: the daemon's final simulated summary; the simulated books start afresh
        # and the stream's own ledger goes on, untouched
        page.select_option("#sim-type", "streamEnd")
        page.click("#sim-send")
        expect(simulated).to_contain_text("final simulated streamSummary (simulated streamEnd)")
        expect(simulated.locator(".final tr", has_text="@console_tester")).to_contain_text("29,999")
        expect(simulated.locator(".final tr", has_text="Lion")).to_have_count(1)
        expect(simulated.locator(".stats.live b").first).to_have_text("0")
        expect(real).to_contain_text("last streamSummary from the daemon")
        assert "stream ended" not in real.inner_text()
        expect(real.locator(".stats.live b").first).not_to_have_text("0")
        assert real.locator("tr", has_text="@console_tester").count() == 0
        context: zmq.Context[zmq.Socket[Any]] = zmq.Context.instance()
        with context.socket(zmq.REQ) as req:
            req.connect(f"tcp://127.0.0.1:{ctl}")
            req.setsockopt(zmq.RCVTIMEO, 10_000)
            req.send(msgpack.packb({"cmd": "summary", "room": "simulated"}))
            stream = msgpack.unpackb(req.recv())["result"]
            req.send(msgpack.packb({"cmd": "summary", "room": "simulated", "simulated": True}))
            afresh = msgpack.unpackb(req.recv())["result"]
        assert not stream.get("ended") and "simulated" not in stream and stream["totalDiamonds"] > 0
        assert "console_tester" not in json.dumps(stream["topGifters"])
        assert afresh["simulated"] is True and "totalDiamonds" not in afresh

        # the daemon dies and comes back: both consoles show the outage and recover
        standalone = chromium.new_page(viewport={"width": 1400, "height": 900})
        standalone.goto(f"http://127.0.0.1:{outside}/")
        expect(standalone.locator("#link")).to_have_text("live")
        expect(standalone.locator("#feed li").nth(5)).to_be_attached()
        daemon.kill()
        expect(page.locator("#link")).to_contain_text("console unreachable")
        expect(standalone.locator("#link")).to_contain_text("daemon unreachable since")
        expect(standalone.locator("#outages .open")).to_contain_text("unreachable since")
        expect(standalone.locator("#rooms tr[data-room=simulated] .state")).to_have_text("unknown")
        expect(standalone.locator("#rooms tr[data-room=simulated]")).to_contain_text("last known: connected")
        standalone.screenshot(path=str(ARTIFACTS / "console-outage.png"), full_page=True)
        daemon.start(f"console on http://127.0.0.1:{inside}/")
        for view in (page, standalone):
            expect(view.locator("#link")).to_have_text("live")
            expect(view.locator("#outages .recovered")).to_contain_text("recovered")
            expect(view.locator("#rooms tr[data-room=simulated] .state")).to_have_text("connected")
        expect(standalone.locator("#daemons")).to_contain_text("restarts 1")
        standalone.screenshot(path=str(ARTIFACTS / "console-recovered.png"), full_page=True)
        assert errors == []
    finally:
        console.stop()
        daemon.stop()


def test_forwarder_replies_are_read_per_daemon() -> None:
    state = ConsoleState(now=0.0)
    rule = {"name": "jump", "trigger": {"on": "chat"}, "fired": 1}
    down = {"ok": False, "error": {"code": "failed", "message": "the daemon at tcp://x did not answer"}}
    state.rules_reply({"ok": False, "result": {"d0": {"ok": True, "result": [rule]}, "d1": down}})
    assert state.rules == [{**rule, "daemon": "d0"}]
    assert state.rules_error == "daemon d1: failed: the daemon at tcp://x did not answer"
    state.reload_reply({"ok": True, "result": {"d0": {"ok": True, "result": {"rules": 1}}}}, 3.0)
    assert state.reload == {"ok": True, "rules": 1, "error": "", "at": 3.0}
    state.reload_reply({"ok": False, "result": {"d0": down}}, 4.0)
    assert state.reload is not None and state.reload["error"].startswith("daemon d0: failed")


def test_run_starts_the_console_unless_told_not_to(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from bridge.cli.main import _config, _parser
    from bridge.console.service import serve_console

    caplog.set_level(logging.INFO, logger="bridge.console")
    assert _config(_parser().parse_args(["run", "--no-console"])).console.enabled is False
    assert _config(_parser().parse_args(["run", "--console-port", "7"])).console.port == 7

    async def services_of(config: Config) -> int:
        services: dict[str, Any] = {}
        async with contextlib.AsyncExitStack() as stack:
            await serve_console(config, services, stack)
        return len(services)

    base = replace(Config(), control=replace(Config().control, endpoint=""))
    console = replace(base.console, port=0)
    assert asyncio.run(services_of(replace(base, console=console))) == 1
    assert asyncio.run(services_of(replace(base, console=replace(console, enabled=False)))) == 0
    connected = replace(base, console=console, publisher=replace(base.publisher, connect=True))
    assert asyncio.run(services_of(connected)) == 0 and "console off" in caplog.text
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = replace(console, port=taken.getsockname()[1])
        assert asyncio.run(services_of(replace(base, console=busy))) == 0
    assert "console not started: cannot serve the console on 127.0.0.1:" in caplog.text


def test_the_console_command_refuses_a_port_in_use() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = subprocess.run(
            [sys.executable, "-m", "bridge", "console", "--port", port, "--control", ""],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 2 and f"cannot serve the console on 127.0.0.1:{port}" in result.stderr


def test_the_console_in_front_of_a_forwarder(tmp_path: Path) -> None:
    front, back, proxy_control, daemon_control = (free_port() for _ in range(4))
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES)
    proxy = Bridge(
        [
            *("proxy", "--frontend", f"tcp://127.0.0.1:{front}", "--backend", f"tcp://127.0.0.1:{back}"),
            *("--control", f"tcp://127.0.0.1:{proxy_control}"),
        ],
        tmp_path / "proxy.log",
        {},
    )
    env = {"BRIDGE_PUBLISHER_CONNECT": "true", "BRIDGE_PUBLISHER_DAEMON_ID": "d1"}
    env["BRIDGE_GAME_LEDGER_DIR"] = str(tmp_path / "ledger")
    daemon = Bridge(
        [
            *(
                "run",
                "--endpoint",
                f"tcp://127.0.0.1:{front}",
                "--control",
                f"tcp://127.0.0.1:{daemon_control}",
            ),
            *("--rules", str(rules), "--rate", "50"),
        ],
        tmp_path / "daemon.log",
        env,
    )

    async def watch() -> None:
        console = Console(
            ConsoleSettings(
                port=0, subscribe=f"tcp://127.0.0.1:{back}", control=f"tcp://127.0.0.1:{proxy_control}"
            )
        )
        await console.start()
        task = asyncio.create_task(console.run())
        try:
            deadline = time.monotonic() + 30
            while not any(r.state == "connected" and r.daemon == "d1" for r in console.state.rooms.values()):
                assert time.monotonic() < deadline, console.state.view(time.time())
                await asyncio.sleep(0.2)
            [daemon_view] = [d for d in console.state.view(time.time())["daemons"] if d["daemon"] == "d1"]
            assert daemon_view["up"] and daemon_view["implementation"]
            fields = {"giftName": "Lion", "diamondCount": 29999, "user": {"uniqueId": "through_the_proxy"}}
            reply = await console.control.request(
                {"cmd": "simulate", "type": "gift", "room": "simulated", "fields": fields}
            )
            assert reply["ok"] is True, reply
            while not any(
                e.get("user", {}).get("uniqueId") == "through_the_proxy" for e in console.state.recent
            ):
                assert time.monotonic() < deadline
                await asyncio.sleep(0.1)
            console.state.rules_reply(await console.control.request({"cmd": "rules"}))
            assert [(r["name"], r["daemon"]) for r in console.state.rules] == [("lion", "d1"), ("jump", "d1")]
            books = console.state.view(time.time())["ledger"]["simulated"]
            assert books["simulated"]["live"]["totalDiamonds"] == 29999  # in the simulated books only
            assert "through_the_proxy" not in json.dumps(books["real"])
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    try:
        proxy.start("control endpoint")
        daemon.start("console off")  # a daemon publishing into a forwarder starts no console of its own
        asyncio.run(watch())
    finally:
        daemon.stop()
        proxy.stop()
