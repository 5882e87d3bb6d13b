"""The TikTool and Euler Stream relay sources against local fakes of both services, every close code."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fakerelays import TIKTOOL_STREAM, FakeEuler, FakeRelay, FakeTikTool, tiktool_sample
from helpers import RecordingPublisher

from bridge import contract
from bridge.app import build
from bridge.codec import _pure
from bridge.config import (
    Config,
    ControlConfig,
    EulerConfig,
    GameConfig,
    RecordConfig,
    TikTokConfig,
    TikToolConfig,
    parse_room,
)
from bridge.errors import ConfigError
from bridge.frames import gunzip, is_gzip
from bridge.record.recorder import UPSTREAM_TYPES
from bridge.record.replay import ReplayOptions, replay_sources
from bridge.room import Source
from bridge.server.daemon import Daemon
from bridge.sim.faketiktok import FakeTikTok
from bridge.sim.simulator import Simulator, load_scenario
from bridge.upstream.relays import (
    CLOSE_CODES,
    EulerSource,
    TikToolSource,
    parse_euler,
    parse_tiktool,
    tiktool_event,
)

ROOM_ID = 7_600_000_000_000_000_042
KEY = "relay-secret-key-123"
SCENARIO = replace(load_scenario("default"), rate=150.0)

TIKTOOL_CODES = [1000, 4005, 4006, 4400, 4401, 4403, 4404, 4429, 4500, 4555, 4556]
EULER_CODES = [1000, 1011, 4005, 4006, 4400, 4401, 4403, 4404, 4429, 4500, 4555, 4556, 4557]


class Harness:
    """A daemon watching one creator through a fake relay, with a fake TikTok for live checks."""

    def __init__(self, relay: FakeRelay, tiktok: FakeTikTok, rooms: list[str], **settings: Any) -> None:
        self.relay = relay
        tt = {
            "rooms": tuple(rooms),
            "web_base": tiktok.base_url,
            "webcast_base": tiktok.base_url,
            "backoff_base": 0.02,
            "backoff_cap": 0.2,
            "poll_interval": 0.1,
            "connect_timeout": 3.0,
            **settings,
        }
        record = tt.pop("record", "")
        self.config = Config(
            tiktok=TikTokConfig(**tt),
            tiktool=TikToolConfig(api_key=KEY, ws_url=relay.url),
            euler=EulerConfig(api_key=KEY, ws_url=relay.url),
            control=ControlConfig(endpoint=""),
            game=GameConfig(ledger_dir=""),
            record=RecordConfig(dir=record),
        )
        self.publisher = RecordingPublisher()

    async def __aenter__(self) -> Harness:
        self._build = build(self.config, self.publisher)
        self.daemon: Daemon = await self._build.__aenter__()
        self.task = asyncio.create_task(self.daemon.run())
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.daemon.stop()
        await asyncio.wait_for(self.task, 10)
        await self._build.__aexit__(None, None, None)

    def events(self, kind: str | None = None) -> list[dict[str, Any]]:
        return [
            m
            for _, m in self.publisher.sent
            if m["type"] in UPSTREAM_TYPES and (kind is None or m["type"] == kind)
        ]

    def statuses(self) -> list[dict[str, Any]]:
        return [m for _, m in self.publisher.sent if m["type"] == "sys.status"]

    def states(self) -> list[tuple[str, str]]:
        return [(m["state"], m["reason"]) for m in self.statuses()]

    def connected(self) -> int:
        return self.states().count(("connected", "ok"))

    async def until(self, predicate: Callable[[], bool], timeout: float = 8.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; states: {self.states()}")
            await asyncio.sleep(0.01)


def run(kind: str, test: Callable[[FakeRelay, FakeTikTok], Awaitable[None]], **options: Any) -> None:
    options.setdefault("rate", 200.0)

    async def main() -> None:
        relay: FakeRelay = (
            FakeTikTool(api_key=KEY, **options) if kind == "tiktool" else FakeEuler(api_key=KEY, **options)
        )
        async with FakeTikTok() as tiktok, relay:
            await asyncio.wait_for(test(relay, tiktok), 30)

    asyncio.run(main())


def valid(events: list[dict[str, Any]]) -> None:
    for event in events:
        assert contract.validate(event) == [], event


# ------------------------------------------------------------------ TikTool JSON → contract


def test_tiktool_documented_examples_map_to_contract_events() -> None:
    """The example payloads of TikTool's WebSocket event reference, mapped one by one."""
    examples = {
        "chat": '{ "event": "chat", "data": { "type": "chat", "user": { "id": "123", "nickname": "John", "uniqueId": "john123" }, "comment": "Hello!", "starred": { "claps": 3, "score": 1200 } } }',
        "like": '{ "event": "like", "data": { "type": "like", "user": { "id": "123", "uniqueId": "fan99" }, "likeCount": 15, "totalLikes": 4200 } }',
        "gift": '{ "event": "gift", "data": { "type": "gift", "user": { "uniqueId": "generous" }, "giftName": "Rose", "repeatCount": 5, "diamondCount": 1, "repeatEnd": true } }',
        "member": '{ "event": "member", "data": { "type": "member", "user": { "uniqueId": "viewer1" }, "action": "join" } }',
        "social": '{ "event": "social", "data": { "type": "social", "user": { "uniqueId": "newfan" }, "action": "follow" } }',
        "roomUserSeq": '{ "event": "roomUserSeq", "data": { "type": "roomUserSeq", "totalViewers": 15000, "viewerCount": 342 } }',
        "subscribe": '{ "event": "subscribe", "data": { "type": "subscribe", "user": { "uniqueId": "subscriber1" }, "subMonth": 3 } }',
        "emoteChat": '{ "event": "emoteChat", "data": { "type": "emoteChat", "user": { "uniqueId": "emojifan" }, "emoteId": "123", "emoteUrl": "https://..." } }',
        "battle": '{ "event": "battle", "data": { "type": "battle", "battleId": "456", "status": 1, "teams": [{ "hostUserId": "1", "score": 100 }] } }',
        "question": '{ "event": "question", "data": { "type": "question", "user": { "uniqueId": "curious" }, "questionText": "What game is this?" } }',
        "control": '{ "event": "control", "data": { "type": "control", "action": 3 } }',
        "envelope": '{ "event": "envelope", "data": { "type": "envelope", "envelopeId": "789", "diamondCount": 50 } }',
        "roomPin": '{ "event": "roomPin", "data": { "type": "roomPin", "user": { "uniqueId": "viewer1", "nickname": "Viewer" }, "comment": "Great stream!", "action": 1, "durationSeconds": 60, "pinnedAt": 1773564373063, "originalMsgType": "WebcastChatMessage", "originalMsgId": "7617400904630995734", "operatorUserId": "7444599004337652758" } }',
    }
    expected = {
        "chat": {
            "type": "chat",
            "user": {"id": 123, "uniqueId": "john123", "nickname": "John"},
            "comment": "Hello!",
        },
        "like": {
            "type": "like",
            "user": {"id": 123, "uniqueId": "fan99"},
            "likeCount": 15,
            "totalLikes": 4200,
        },
        "gift": {
            "type": "gift",
            "user": {"uniqueId": "generous"},
            "giftName": "Rose",
            "diamondCount": 1,
            "repeatCount": 5,
            "repeatEnd": True,
        },
        "member": {"type": "member", "user": {"uniqueId": "viewer1"}, "action": 1},
        "social": {"type": "follow", "user": {"uniqueId": "newfan"}},
        "roomUserSeq": {"type": "roomUserSeq", "viewerCount": 342, "totalViewers": 15000},
        "subscribe": {"type": "subscribe", "user": {"uniqueId": "subscriber1"}, "subMonth": 3},
        "emoteChat": {
            "type": "emote",
            "user": {"uniqueId": "emojifan"},
            "emoteId": "123",
            "emoteUrl": "https://...",
            "emotes": [{"id": "123", "url": "https://..."}],
        },
        "battle": {"type": "battle", "battleId": 456, "status": 1, "results": [{"userId": 1, "score": 100}]},
        "question": {
            "type": "question",
            "user": {"uniqueId": "curious"},
            "questionText": "What game is this?",
        },
        "control": {"type": "streamEnd", "action": 3},
        "envelope": {"type": "envelope", "envelopeId": "789", "diamondCount": 50},
        "roomPin": {
            "type": "roomPin",
            "action": 1,
            "pinTime": 1773564373063,
            "duration": 60,
            "originalType": "WebcastChatMessage",
            "operatorId": 7444599004337652758,
            "pinned": {
                "type": "chat",
                "user": {"uniqueId": "viewer1", "nickname": "Viewer"},
                "comment": "Great stream!",
                "msgId": 7617400904630995734,
            },
        },
    }
    for name, text in examples.items():
        parsed = parse_tiktool(text)
        assert parsed.result is not None and not parsed.error, name
        assert parsed.result.events == [expected[name]], name
        valid(parsed.result.events)


def test_tiktool_room_info_and_other_messages() -> None:
    info = '{ "event": "roomInfo", "roomId": "7123456789", "uniqueId": "streamer", "connectedAt": "..." }'
    assert parse_tiktool(info).room_id == 7123456789
    assert parse_tiktool('{"event": "roomInfo", "data": {"roomId": "99"}}').room_id == 99
    assert tiktool_event("roomInfo", {}) is None
    assert parse_tiktool("not json").error and parse_tiktool("[1]").error and parse_tiktool("{}").error
    assert "relay reported" in parse_tiktool('{"event": "error", "data": {"message": "boom"}}').error
    other = parse_tiktool('{"event": "liveIntro", "data": {"x": 1}}')
    assert other.result is not None
    assert other.result.events == [{"type": "unknown", "method": "tiktool:liveIntro", "payload": b'{"x":1}'}]
    share = tiktool_event("social", {"user": {"uniqueId": "a"}, "action": "share", "shareType": 2})
    assert share == {"type": "share", "user": {"uniqueId": "a"}, "shareType": 2}
    assert tiktool_event("follow", {"user": {"uniqueId": "b"}}) == {
        "type": "follow",
        "user": {"uniqueId": "b"},
    }
    paused = tiktool_event("control", {"action": 1})
    assert paused == {"type": "control", "action": 1}
    with_ids = tiktool_event(
        "chat", {"comment": "x", "msgId": "7000000000000000001", "createTime": "1750000000000"}
    )
    assert with_ids == {
        "type": "chat",
        "comment": "x",
        "msgId": 7000000000000000001,
        "createTime": 1750000000000,
    }


@pytest.mark.parametrize(
    ("data", "streaking"),
    [
        ({"giftType": 1, "repeatEnd": False}, True),
        ({"giftType": 1, "repeatEnd": True}, False),
        ({"giftType": 2, "repeatEnd": False}, False),
        ({"repeatEnd": False}, True),
        ({"repeatEnd": True}, False),
        ({}, False),
    ],
)
def test_tiktool_gift_streaks(data: dict[str, Any], streaking: bool) -> None:
    event = tiktool_event("gift", {"giftName": "Rose", **data})
    assert event is not None and bool(event.get("streaking")) is streaking
    valid([event])


def test_every_fake_tiktool_sample_is_valid() -> None:
    for kind in {*TIKTOOL_STREAM, "control"}:
        parsed = parse_tiktool(json.dumps(tiktool_sample(kind, 7)))
        assert parsed.result is not None and parsed.result.events, kind
        valid(parsed.result.events)


# ------------------------------------------------------------------ Euler binary → contract


def test_euler_decodes_push_frames_and_bare_fetch_results() -> None:
    sim = Simulator(SCENARIO, 5)
    frame = sim.frame(1_750_000_000_000)
    decoded = _pure.decode_frame(frame)
    body = gunzip(decoded.payload) if is_gzip(decoded.payload, decoded.headers) else decoded.payload
    wanted = _pure.decode_fetch_result(body).events
    for message in (frame, body):
        parsed = parse_euler(message)
        assert parsed.result is not None and parsed.result.events == wanted and not parsed.error
    assert parse_euler(b'{"x"').error or parse_euler(b"\x0f\xff\xff").error
    info = FakeEuler()._room_info(FakeEuler().add_room("x", 123))
    assert parse_euler(info).room_id == 123
    assert parse_euler('{"roomInfo": {"id_str": "55"}}').room_id == 55


# ------------------------------------------------------------------ streaming through the fakes


@pytest.mark.parametrize("kind", ["tiktool", "euler"])
def test_streams_contract_events(kind: str) -> None:
    async def test(relay: FakeRelay, tiktok: FakeTikTok) -> None:
        relay.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(relay, tiktok, [f"{kind}:@alice"]) as h:
            await h.until(lambda: len(h.events()) > 60)
        events = h.events()
        valid(events)
        assert {e["room"] for e in events} == {"alice"} and {e["roomId"] for e in events} == {ROOM_ID}
        assert h.states()[:2] == [("connecting", "relay"), ("connected", "ok")]
        query = relay.connects[0]["query"]
        assert query["uniqueId"] == "alice" and query["apiKey"] == KEY
        source = h.daemon.sources["alice"]
        assert isinstance(source, TikToolSource if kind == "tiktool" else EulerSource)
        if kind == "tiktool":
            assert {e["type"] for e in events} >= {"chat", "like", "member", "gift", "roomUserSeq", "emote"}
        else:
            ids = [e["msgId"] for e in events]
            assert len(ids) == len(set(ids))

    run(kind, test)


def test_euler_bare_fetch_results_stream_too() -> None:
    async def test(relay: FakeRelay, tiktok: FakeTikTok) -> None:
        relay.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(relay, tiktok, ["euler:alice"]) as h:
            await h.until(lambda: len(h.events()) > 40)
        assert {e["roomId"] for e in h.events()} == {ROOM_ID} and h.daemon.decode_errors == 0

    run("euler", test, bare=True)


# ------------------------------------------------------------------ every close code


@pytest.mark.parametrize(
    ("kind", "code"), [("tiktool", c) for c in TIKTOOL_CODES] + [("euler", c) for c in EULER_CODES]
)
def test_close_code(kind: str, code: int) -> None:
    rule = CLOSE_CODES[code]

    async def test(relay: FakeRelay, tiktok: FakeTikTok) -> None:
        room = relay.add_room("alice", ROOM_ID, scenario=SCENARIO)
        page = tiktok.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(relay, tiktok, [f"{kind}:alice"]) as h:
            await h.until(lambda: h.connected() == 1 and len(h.events()) > 3)
            if rule.action == "offline":  # the creator went offline: the relay refuses with 4404
                room.live = False
                page.live = False
            if rule.action == "end":
                room.live = False
                page.live = False
            room.close(code)
            if rule.action == "stop":
                await h.until(lambda: h.states()[-1][0] == "error")
                await asyncio.sleep(0.3)
                assert h.states()[-1] == ("error", rule.reason)
                assert len(relay.connects) == 1, "no retries after a hopeless close"
                message = h.statuses()[-1]["message"]
                assert str(code) in message and rule.name in message
            elif rule.action == "offline":
                await h.until(lambda: ("disconnected", "offline") in h.states())
                await asyncio.sleep(0.3)
                assert [c["code"] for c in relay.connects[1:]] in ([], [4404]), (
                    "at most one retry while offline"
                )
                room.live = True
                page.live = True
                await h.until(lambda: h.connected() == 2)
            elif rule.action == "end":
                await h.until(lambda: ("disconnected", "offline") in h.states())
                assert len(h.events("streamEnd")) == 1, "a streamEnd even without a control message"
                states = h.states()
                assert states[states.index(("streamEnd", "stream_ended")) + 1] == ("disconnected", "offline")
                room.live = True
                page.live = True
                await h.until(lambda: h.connected() == 2)
            else:
                await h.until(lambda: h.connected() == 2)
                retry = [s for s in h.statuses() if s["state"] == "reconnecting"]
                assert [s["reason"] for s in retry] == [rule.reason] and retry[0]["attempt"] == 1
                assert str(code) in retry[0]["message"]
                if rule.action == "retry_now":
                    assert "retry in 0.0 s" in retry[0]["message"]
                if rule.action == "retry_slow":
                    assert "retry in 0.2 s" in retry[0]["message"]  # tiktok.backoff_cap

    run(kind, test)


@pytest.mark.parametrize("kind", ["tiktool", "euler"])
def test_stream_end_with_control_message_publishes_one_stream_end(kind: str) -> None:
    async def test(relay: FakeRelay, tiktok: FakeTikTok) -> None:
        room = relay.add_room("alice", ROOM_ID, scenario=SCENARIO)
        page = tiktok.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(relay, tiktok, [f"{kind}:alice"], wait_for_live=False) as h:
            await h.until(lambda: len(h.events()) > 5)
            page.live = False
            room.end_stream()
            await h.until(lambda: h.states()[-1] == ("disconnected", "stream_ended"))
            assert len(h.events("streamEnd")) == 1
            assert h.states()[-2] == ("streamEnd", "stream_ended")

    run(kind, test)


@pytest.mark.parametrize("kind", ["tiktool", "euler"])
def test_natural_refusals(kind: str) -> None:
    """4401 (wrong key), 4403 (forbidden creator), 4404 (never live) and 4429 (connection limit) as the fake decides."""

    async def test(relay: FakeRelay, tiktok: FakeTikTok) -> None:
        relay.add_room("alice", ROOM_ID, scenario=SCENARIO)
        relay.add_room("bob", ROOM_ID + 1, scenario=SCENARIO)
        relay.add_room("carol", ROOM_ID + 2, live=False)
        relay.forbid("bob")
        async with Harness(relay, tiktok, [f"{kind}:alice", f"{kind}:bob", f"{kind}:carol"]) as h:
            await h.until(lambda: ("error", "relay_forbidden") in h.states())
            await h.until(lambda: ("disconnected", "offline") in h.states())
            await h.until(lambda: len(h.events()) > 3)
        by_room = {(m["room"], m["state"], m["reason"]) for m in h.statuses()}
        assert ("bob", "error", "relay_forbidden") in by_room
        assert ("carol", "disconnected", "offline") in by_room
        assert ("alice", "connected", "ok") in by_room

        relay.max_connections = 1
        relay.add_room("dave", ROOM_ID + 3, scenario=SCENARIO)
        async with Harness(relay, tiktok, [f"{kind}:alice", f"{kind}:dave"]) as h:
            await h.until(lambda: ("reconnecting", "relay_rate_limited") in h.states())
        relay.max_connections = 0

        relay.api_key = "another-key"
        async with Harness(relay, tiktok, [f"{kind}:alice"]) as h:
            await h.until(lambda: ("error", "relay_unauthorized") in h.states())
        assert relay.connects[-1]["code"] == 4401

    run(kind, test)


@pytest.mark.parametrize("kind", ["tiktool", "euler"])
def test_relay_timeouts_and_lifetime(kind: str) -> None:
    """4006 after silence and 4555 at the maximum lifetime, as the fake decides: both reconnect."""

    async def test(relay: FakeRelay, tiktok: FakeTikTok) -> None:
        room = relay.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(relay, tiktok, [f"{kind}:alice"]) as h:
            await h.until(lambda: h.connected() == 1)
            room.silence()
            await h.until(lambda: ("reconnecting", "relay_no_messages") in h.states())
            room.silence(False)
            relay.max_lifetime = 0.3
            await h.until(lambda: ("reconnecting", "relay_max_lifetime") in h.states())
            await h.until(lambda: h.connected() >= 3)

    run(kind, test, no_message_timeout=0.2)


def test_http_refusals_of_the_handshake() -> None:
    async def main() -> None:
        from websockets.asyncio.server import ServerConnection, serve
        from websockets.datastructures import Headers
        from websockets.http11 import Response

        statuses = iter([401, 429, 500, 403])

        def refuse(connection: Any, request: Any) -> Response:
            status = next(statuses)
            return Response(status, "No", Headers([("Content-Length", "0")]), b"")

        async def close(ws: ServerConnection) -> None:  # not reached: refuse answers every handshake
            await ws.close()

        async with (
            FakeTikTok() as tiktok,
            serve(close, "127.0.0.1", 0, process_request=refuse) as server,
        ):
            port = server.sockets[0].getsockname()[1]
            relay = FakeTikTool()
            relay.port = port
            async with Harness(relay, tiktok, ["tiktool:alice"]) as h:
                await h.until(lambda: ("error", "relay_unauthorized") in h.states())
            async with Harness(relay, tiktok, ["tiktool:alice"]) as h:
                await h.until(lambda: ("reconnecting", "connect_failed") in h.states())
                await h.until(lambda: ("error", "relay_forbidden") in h.states())
            limited = [s for s in h.statuses() if s["reason"] == "relay_rate_limited"]
            assert limited and "HTTP 429" in limited[0]["message"]

    asyncio.run(main())


def test_api_key_is_never_logged_or_published(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)

    async def test(relay: FakeRelay, tiktok: FakeTikTok) -> None:
        room = relay.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(relay, tiktok, ["tiktool:alice"]) as h:
            await h.until(lambda: h.connected() == 1)
            room.close(4500, f"upstream failed for key {KEY}")
            await h.until(lambda: h.connected() == 2)
            message = next(s["message"] for s in h.statuses() if s["state"] == "reconnecting")
            assert "***" in message
            assert KEY not in repr(h.publisher.sent) + caplog.text + repr(h.daemon.sources["alice"])

    run("tiktool", test)


# ------------------------------------------------------------------ configuration and recording


def test_room_prefixes() -> None:
    assert parse_room("@alice") == ("tiktok", "alice")
    assert parse_room("tiktool:@alice") == ("tiktool", "alice")
    assert parse_room("EULER:https://www.tiktok.com/@bob/live") == ("euler", "bob")
    assert parse_room("https://www.tiktok.com/@bob/live") == ("tiktok", "bob")
    assert parse_room("carol", default="euler") == ("euler", "carol")
    assert parse_room("tiktok:7412345678901234567", default="euler") == ("tiktok", 7412345678901234567)
    with pytest.raises(ValueError, match="username"):
        parse_room("tiktool:7412345678901234567")
    with pytest.raises(ValueError):
        parse_room("other:@alice")


def test_relays_need_an_api_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TIKTOOL_API_KEY", raising=False)
    monkeypatch.delenv("EULER_API_KEY", raising=False)

    async def main() -> None:
        config = Config(tiktok=TikTokConfig(rooms=("tiktool:alice",)), control=ControlConfig(endpoint=""))
        with pytest.raises(ConfigError, match="TIKTOOL_API_KEY"):
            async with build(config):
                pass
        monkeypatch.setenv("EULER_API_KEY", "from-env")
        config = Config(
            tiktok=TikTokConfig(rooms=("alice",), source="euler"),
            control=ControlConfig(endpoint=""),
            game=GameConfig(ledger_dir=""),
        )
        async with build(config) as daemon:
            source = daemon.sources["alice"]
            assert isinstance(source, EulerSource) and source.api_key == "from-env"

    asyncio.run(main())


@pytest.mark.parametrize("kind", ["tiktool", "euler"])
def test_relay_sessions_record_and_replay_identically(kind: str, tmp_path: Path) -> None:
    async def test(relay: FakeRelay, tiktok: FakeTikTok) -> None:
        room = relay.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(relay, tiktok, [f"{kind}:alice"], record=str(tmp_path)) as h:
            await h.until(lambda: len(h.events()) > 40)
            room.close(4500)
            await h.until(lambda: h.connected() == 2)
            await h.until(lambda: len(h.events()) > 80)
            room.close(4005)  # no control message: the source makes the streamEnd, and it is recorded too
            await h.until(lambda: ("streamEnd", "stream_ended") in h.states())
        original = h.events()
        files = sorted(tmp_path.glob("*.tlrec"))
        assert len(files) == 1
        publisher = RecordingPublisher()
        sources = replay_sources(files, ReplayOptions(speed=0))
        assert sources[0].room.room_id == ROOM_ID
        upstream: list[Source] = list(sources)
        config = Config(control=ControlConfig(endpoint=""), game=GameConfig(ledger_dir=""))
        async with build(config, publisher, upstream) as daemon:
            task = asyncio.create_task(daemon.run())
            await asyncio.wait_for(sources[0].done.wait(), 10)
            daemon.stop()
            await asyncio.wait_for(task, 10)
        replayed = [m for _, m in publisher.sent if m["type"] in UPSTREAM_TYPES]
        strip = [{k: v for k, v in e.items() if k not in ("seq", "ts")} for e in original]
        assert [{k: v for k, v in e.items() if k not in ("seq", "ts")} for e in replayed] == strip
        assert replayed[-1]["type"] == "streamEnd"

    run(kind, test)
