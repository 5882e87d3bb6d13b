"""The daemon core: frames in, stamped events out, failures counted."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from helpers import START_MS, RecordingPublisher, free_port, simulated_frames

from bridge import contract
from bridge.codec import webcast as wc
from bridge.codec.protowire import int_field, message_field, str_field
from bridge.config import Config, PublisherConfig
from bridge.contract import validate
from bridge.room import Room
from bridge.server.daemon import Daemon
from bridge.sim.simulator import Simulator, load_scenario
from bridge.sim.source import SimulatorSource


@pytest.fixture
def daemon() -> Daemon:
    return Daemon(Config(), [], RecordingPublisher())


def sent(daemon: Daemon) -> list[tuple[str, dict[str, Any]]]:
    assert isinstance(daemon.publisher, RecordingPublisher)
    return daemon.publisher.sent


def test_events_are_stamped_and_topical(daemon: Daemon) -> None:
    room = Room("someone", 42)
    for frame in simulated_frames(30):
        daemon.ingest(room, frame)
    messages = sent(daemon)
    assert len(messages) > 60 and room.events == len(messages)
    for seq, (topic, event) in enumerate(messages, 1):
        assert topic == f"{event['type']}/someone"
        assert event["room"] == "someone" and event["roomId"] == 42 and event["seq"] == seq
        assert validate(event) == []


def test_bad_inner_message_is_counted_and_the_rest_published(daemon: Daemon) -> None:
    good = wc.inner("WebcastChatMessage", str_field(3, "hi"), 1)
    bad = wc.inner("WebcastGiftMessage", b"\x0a\xff", 2)
    ignored = wc.inner("WebcastMsgDetectMessage", int_field(2, 1), 3)
    body = wc.fetch_result([good, bad, ignored, good], cursor="c", now=START_MS, internal_ext="x")
    room = Room("r")
    result = daemon.ingest(room, wc.push_frame("msg", body, compress=True))
    assert result is not None and len(result.errors) == 1 and result.errors[0].method == "WebcastGiftMessage"
    assert [e["comment"] for _, e in sent(daemon)] == ["hi", "hi"]
    assert room.decode_errors == 1 and daemon.decode_errors == 1
    assert daemon.heartbeat()["decodeErrors"] == 1


def test_only_the_ignored_methods_publish_nothing(daemon: Daemon) -> None:
    # the notice methods issue 15 types (RoomMessage arrives without the prefix) publish their events,
    # a method the contract does not model is passed on as unknown, only the ignored ones vanish
    methods = [
        "RoomMessage",
        "WebcastLinkmicBattleNoticeMessage",
        "WebcastHourlyRankMessage",
        "WebcastHourlyRankRewardMessage",
    ]
    ignored = sorted(contract.IGNORED_METHODS)
    messages = [
        wc.inner(m, str_field(2, "x") if m == "RoomMessage" else b"", i)
        for i, m in enumerate([*methods, *ignored], 1)
    ]
    body = wc.fetch_result(messages, cursor="c", now=START_MS, internal_ext="x")
    daemon.ingest(Room("r"), wc.push_frame("msg", body, compress=True))
    published = [event for _, event in sent(daemon)]
    assert [e["type"] for e in published] == ["roomMessage", "battleNotice", "hourlyRank", "unknown"]
    assert published[0]["content"] == "x" and published[3]["method"] == "WebcastHourlyRankRewardMessage"
    assert contract.IGNORED_METHODS == {"WebcastMsgDetectMessage", "WebcastRoomStreamAdaptationMessage"}


@pytest.mark.parametrize("data", [b"", b"\x0a", b"\xff" * 12, wc.push_frame("msg", b"\x1f\x8b\x08garbage")])
def test_malformed_frames_are_dropped_and_counted(daemon: Daemon, data: bytes) -> None:
    room = Room("r")
    assert daemon.ingest(room, data) is None
    assert sent(daemon) == []
    if data:
        assert room.decode_errors == 1


def test_non_message_frames_publish_nothing(daemon: Daemon) -> None:
    assert daemon.ingest(Room("r"), wc.heartbeat_frame(1, 1)) is None
    nameless = daemon.ingest(Room("r"), wc.push_frame("msg", message_field(1)))
    assert nameless is not None and nameless.errors[0].reason == "message has no method"
    assert sent(daemon) == []


def test_status_and_heartbeat(daemon: Daemon) -> None:
    room = Room("r", 9)
    daemon.rooms["r"] = room
    daemon.set_state(room, "connected", "simulator")
    daemon.set_state(room, "reconnecting", "dropped", "socket closed", attempt=2)
    beat = daemon.heartbeat()
    topics = [t for t, _ in sent(daemon)]
    assert topics == ["sys.status/r", "sys.status/r", "sys.heartbeat"]
    status = sent(daemon)[1][1]
    assert (
        status["state"] == "reconnecting" and status["attempt"] == 2 and status["message"] == "socket closed"
    )
    assert beat["rooms"] == {"r": {"state": "reconnecting", "roomId": 9, "reconnects": 1}}
    for _, message in sent(daemon):
        assert validate(message) == []


@pytest.mark.parametrize("interval", [0.05, 0.4, 1.0, 3600.0])
def test_heartbeat_announces_its_interval(interval: float) -> None:
    """Engines derive their liveness timeout from it (docs/topics.md)."""
    daemon = Daemon(Config(publisher=PublisherConfig(heartbeat_interval=interval)), [], RecordingPublisher())
    beat = daemon.heartbeat()
    assert beat["interval"] == interval and validate(beat) == []
    assert Daemon(Config(), [], RecordingPublisher()).heartbeat()["interval"] == contract.HEARTBEAT_INTERVAL


def test_run_plays_a_scenario_to_its_end() -> None:
    scenario = load_scenario("short")
    from dataclasses import replace

    simulator = Simulator(replace(scenario, duration=0.3, rate=200), 1)
    config = Config(
        publisher=PublisherConfig(endpoint=f"tcp://127.0.0.1:{free_port()}", heartbeat_interval=0.1)
    )
    recorder = RecordingPublisher()
    daemon = Daemon(config, [SimulatorSource(simulator)], recorder)

    async def scenario_run() -> None:
        task = asyncio.create_task(daemon.run())
        for _ in range(100):
            await asyncio.sleep(0.05)
            if daemon.rooms["simulated"].state == "streamEnd":
                break
        daemon.stop()
        await task

    asyncio.run(scenario_run())
    types = [m["type"] for _, m in recorder.sent]
    states = [m["state"] for _, m in recorder.sent if m["type"] == "sys.status"]
    assert states == ["connecting", "connected", "streamEnd", "disconnected"]
    assert types.count("streamEnd") == 1 and "sys.heartbeat" in types
    assert types.index("streamEnd") < len(types) - 1


def test_each_listener_is_isolated_and_counted(daemon: Daemon) -> None:
    calls: list[str] = []

    def first(room: Room, event: dict[str, Any]) -> None:
        calls.append("first")
        raise OverflowError("first is broken")

    def second(room: Room, event: dict[str, Any]) -> None:
        calls.append("second")

    daemon.listeners += [first, second]
    room = Room("r", 3)
    for frame in simulated_frames(5):
        daemon.ingest(room, frame)
    events = [m for t, m in sent(daemon) if not t.startswith("sys.")]
    assert events and calls == ["first", "second"] * len(events)
    assert daemon.listener_failures.counts == {"first": len(events)}
    internal = [m for t, m in sent(daemon) if t == "sys.status"]
    assert (
        len(internal) == 1
        and internal[0]["task"] == "listener:first"
        and "OverflowError" in internal[0]["message"]
    )
    beat = daemon.heartbeat()
    assert beat["listenerFailures"] == {"first": len(events)} and validate(beat) == []
