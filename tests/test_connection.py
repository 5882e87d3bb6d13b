"""Live connections against the embedded fake TikTok, over real HTTP and WebSocket."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from helpers import RecordingPublisher
from live import ROOM_ID, SCENARIO, Harness, connected_count, run

from bridge import app
from bridge.app import build, identity_of
from bridge.config import Config, ControlConfig, GameConfig, SimulatorConfig, TikTokConfig
from bridge.sim.faketiktok import FakeTikTok
from bridge.upstream.connection import backoff, replacement_delay


def test_streams_enters_heartbeats_and_acks() -> None:
    async def test(fake: FakeTikTok) -> None:
        room = fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(fake, ["@alice"], heartbeat_interval=0.1) as h:
            await h.until(lambda: len(h.events("alice")) > 150)
            await h.until(lambda: sum(r["type"] == "hb" for r in room.received) >= 3)
        kinds = Counter(r["type"] for r in room.received)
        assert kinds["im_enter_room"] == 1 and kinds["ack"] >= 5
        enter = next(r for r in room.received if r["type"] == "im_enter_room")
        assert enter["fields"]["room_id"] == ROOM_ID and enter["fields"]["identity"] == "audience"
        seqs = [r["fields"]["send_packet_seq_id"] for r in room.received if r["type"] == "hb"]
        assert seqs == list(range(1, len(seqs) + 1))
        handshake = [x for x in fake.handshakes if x["accepted"]][0]
        browser = identity_of(h.config)
        assert handshake["headers"]["user-agent"] == browser.user_agent
        assert fake.sign_requests[0]["query"]["user_agent"] == browser.user_agent
        query = handshake["query"]
        assert query["browser_version"] == browser.version and query["tz_name"] == browser.timezone
        assert query["browser_language"] == browser.language and query["browser_platform"] == browser.platform
        assert 100 <= int(query["last_rtt"]) <= 200
        assert list(room.close_codes) == [1000]  # shutdown closes normally
        published = [e["msgId"] for e in h.events("alice")]
        assert len(published) == len(set(published))
        sent = [i for batch in room.sent for i in batch]
        assert set(sent) - set(published) <= set(sent[-8:])  # only the last frame may still be in flight
        assert h.states("alice")[:3] == [
            ("connecting", "lookup"),
            ("connected", "ok"),
            ("disconnected", "shutdown"),
        ]

    run(test)


def test_twenty_drops_twenty_reconnects_no_duplicates_no_loss() -> None:
    async def test(fake: FakeTikTok) -> None:
        room = fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(fake, ["alice"]) as h:
            started = time.monotonic()
            for drop in range(20):
                await h.until(lambda n=drop: connected_count(h, "alice") == n + 1)
                before = len(h.events("alice"))
                await h.until(lambda b=before: len(h.events("alice")) > b + 5)
                room.drop(mid_frame=drop % 2 == 0)
            await h.until(lambda: connected_count(h, "alice") == 21)
            await h.until(lambda: len(h.events("alice")) > 0 and room.connections == 1)
            elapsed = time.monotonic() - started
        reconnects = [s for s in h.statuses("alice") if s["state"] == "reconnecting"]
        assert len(reconnects) == 20 and {s["reason"] for s in reconnects} == {"dropped"}
        assert all(s["attempt"] == 1 for s in reconnects)
        assert len(fake.sign_requests) == 21  # every reconnect signs again
        published = [e["msgId"] for e in h.events("alice")]
        assert len(published) == len(set(published)), "duplicated msgId"
        sent = [i for batch in room.sent for i in batch]
        assert set(sent) - set(published) <= set(room.sent[-1]), "an event was lost"
        assert h.daemon.rooms["alice"].duplicates > 0  # history really was re-sent and dropped
        assert elapsed < 60

    run(test)


def test_silent_connection_is_replaced() -> None:
    async def test(fake: FakeTikTok) -> None:
        room = fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(fake, ["alice"], no_message_timeout=0.6) as h:
            await h.until(lambda: connected_count(h, "alice") == 1 and len(h.events("alice")) > 5)
            room.go_silent(True)
            silent_at = time.monotonic()
            await h.until(lambda: ("reconnecting", "stalled") in h.states("alice"))
            detected = time.monotonic() - silent_at
            room.go_silent(False)
            await h.until(lambda: connected_count(h, "alice") == 2)
        assert 0.5 <= detected < 2.0, detected

    run(test)


def test_rate_limit_waits_for_reset() -> None:
    async def test(fake: FakeTikTok) -> None:
        fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        fake.sign_fault(429, reset_after=2.0)
        async with Harness(fake, ["alice"]) as h:
            await h.until(lambda: connected_count(h, "alice") == 1)
        limited = [s for s in h.statuses("alice") if s["state"] == "reconnecting"]
        assert [s["reason"] for s in limited] == ["sign_rate_limited"] and "retry in 2.0 s" in limited[0][
            "message"
        ]
        times = [r["time"] for r in fake.sign_requests]
        assert len(times) == 2 and times[1] - times[0] >= 1.9

    run(test)


def test_stream_end_once_then_waits_for_next_stream() -> None:
    async def test(fake: FakeTikTok) -> None:
        room = fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(fake, ["alice"]) as h:
            await h.until(lambda: len(h.events("alice")) > 10)
            room.end_stream()
            await h.until(lambda: ("disconnected", "offline") in h.states("alice"))
            await asyncio.sleep(0.5)  # polling while offline must not reconnect
            assert connected_count(h, "alice") == 1
            room.live = True
            await h.until(lambda: connected_count(h, "alice") == 2)
            await h.until(lambda: len(h.events("alice")) > 30)
        assert len(h.events("alice", "streamEnd")) == 1
        states = h.states("alice")
        end = states.index(("streamEnd", "stream_ended"))
        assert states[end + 1] == ("disconnected", "offline")

    run(test)


def test_handshake_rejection_is_reported_then_recovered() -> None:
    async def test(fake: FakeTikTok) -> None:
        fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        fake.reject_handshakes(2, status=200, message="DEVICE_BLOCKED")
        async with Harness(fake, ["alice"]) as h:
            await h.until(lambda: connected_count(h, "alice") == 1)
        rejected = [s for s in h.statuses("alice") if s["reason"] == "handshake_rejected"]
        assert len(rejected) == 2 and "DEVICE_BLOCKED" in rejected[0]["message"]
        assert "(200)" in rejected[0]["message"]

    run(test)


@pytest.mark.parametrize(
    ("setup", "room", "reason"),
    [
        (lambda fake: None, "@nobody", "user_not_found"),
        (lambda fake: fake.add_room("shy", ROOM_ID, private=True, live=False), "shy", "private"),
    ],
)
def test_hopeless_rooms_stop_with_an_error(
    setup: Callable[[FakeTikTok], object], room: str, reason: str
) -> None:
    async def test(fake: FakeTikTok) -> None:
        setup(fake)
        async with Harness(fake, [room]) as h:
            name = room.lstrip("@")
            await h.until(lambda: ("error", reason) in h.states(name))
            await asyncio.sleep(0.3)
            assert h.states(name)[-1] == ("error", reason)

    run(test)


def test_bad_api_key_stops_without_a_retry_storm(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="bridge")

    async def test(fake: FakeTikTok) -> None:
        fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(fake, ["alice"], session_id="SESSIONSECRET", sign={"api_key": "KEYSECRET"}) as h:
            await h.until(lambda: ("error", "sign_unauthorized") in h.states("alice"))
            await asyncio.sleep(0.5)
            assert len(fake.sign_requests) == 1
            assert fake.sign_requests[0]["headers"]["x-api-key"] == "KEYSECRET"
            everything = repr(h.publisher.sent) + caplog.text
            assert "KEYSECRET" not in everything and "SESSIONSECRET" not in everything

    run(test, require_api_key="the-right-key")


def test_ten_rooms_mixed_online_and_offline() -> None:
    async def test(fake: FakeTikTok) -> None:
        names = [f"creator{i}" for i in range(10)]
        rooms = [
            fake.add_room(name, ROOM_ID + i, live=i < 6, scenario=replace(SCENARIO, rate=30.0))
            for i, name in enumerate(names)
        ]
        async with Harness(fake, names, max_connections=10) as h:
            for name in names[:6]:
                await h.until(lambda n=name: len(h.events(n)) > 3)
            for name in names[6:]:
                await h.until(lambda n=name: ("disconnected", "offline") in h.states(n))
                assert not h.events(name)
            rooms[7].live = True
            rooms[8].live = True
            for name in names[7:9]:
                await h.until(lambda n=name: len(h.events(n)) > 3)
            beat = h.daemon.heartbeat()
        states = {name: info["state"] for name, info in beat["rooms"].items()}
        assert [states[n] for n in names] == ["connected"] * 6 + [
            "disconnected",
            "connected",
            "connected",
            "disconnected",
        ]
        for name in names:
            assert {e["room"] for e in h.events(name)} <= {name}
        assert connected_count(h, names[0]) == 1

    run(test)


def test_connection_cap_queues_extra_rooms(caplog: pytest.LogCaptureFixture) -> None:
    async def test(fake: FakeTikTok) -> None:
        for i in range(3):
            fake.add_room(f"c{i}", ROOM_ID + i, scenario=SCENARIO)
        async with Harness(fake, ["c0", "c1", "c2"], max_connections=2) as h:
            await h.until(lambda: sum(connected_count(h, f"c{i}") for i in range(3)) == 2)
            await asyncio.sleep(0.5)
            assert sum(r.connections for r in fake.rooms.values()) == 2
        assert "waits for a free connection" in caplog.text
        assert "at most that many stream at once" in caplog.text

    run(test)


def test_backoff_is_exponential_with_jitter_and_capped() -> None:
    assert [backoff(n, 1.0, 60.0, lambda: 1.0) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 8.0]
    assert [backoff(n, 1.0, 60.0, lambda: 0.0) for n in (1, 2, 3)] == [0.5, 1.0, 2.0]
    assert backoff(50, 1.0, 60.0, lambda: 1.0) == 60.0


def test_quiet_room_keeps_one_socket_and_one_sign_call() -> None:
    """A room without messages but with heartbeats answered: 30 intervals (5 min at 10 s), no churn."""

    async def test(fake: FakeTikTok) -> None:
        room = fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(fake, ["alice"], heartbeat_interval=0.2, no_message_timeout=0.5) as h:
            await h.until(lambda: len(h.events("alice")) > 5)
            room.go_quiet()
            quiet_from = room.hb_answers
            await h.until(lambda: room.hb_answers >= quiet_from + 30, timeout=20)
            assert h.daemon.snapshot()["rooms"]["alice"]["signCalls"] == 1
        assert fake.sign_calls == 1 and room.accepted == 1 and connected_count(h, "alice") == 1
        assert [s for s, _ in h.states("alice")].count("reconnecting") == 0
        assert list(room.close_codes) == [1000]

    run(test)


def test_dead_sockets_are_replaced_in_three_intervals_with_backoff() -> None:
    """Heartbeats stop being answered: each socket is replaced, consecutive ones back off."""
    interval, base, cap = 0.2, 0.1, 0.8

    async def test(fake: FakeTikTok) -> None:
        room = fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        settings = {"replace_backoff_base": base, "replace_backoff_cap": cap, "no_message_timeout": 0}
        async with Harness(fake, ["alice"], heartbeat_interval=interval, **settings) as h:
            await h.until(lambda: room.hb_answers >= 1)
            room.go_silent()
            silent_at = time.monotonic()
            await h.until(lambda: ("reconnecting", "stalled") in h.states("alice"))
            detected = time.monotonic() - silent_at
            await h.until(lambda: h.states("alice").count(("reconnecting", "stalled")) == 10, timeout=30)
            assert h.daemon.snapshot()["rooms"]["alice"]["signCalls"] == 10
            await h.until(lambda: fake.sign_calls == 11 and room.accepted == 11)
        assert detected < 3 * interval + 0.3, detected
        stalls = [s for s in h.statuses("alice") if s["reason"] == "stalled"]
        assert all(f"nothing arrived for {2.5 * interval:g} s" in s["message"] for s in stalls)
        delays = [float(s["message"].rsplit("retry in ", 1)[1].split(" ")[0]) for s in stalls]
        assert delays[0] <= 1.0  # the first replacement is immediate (backoff_base)
        for n, delay in enumerate(delays[1:], start=1):  # then backoff(n, base, cap), jittered
            ceiling = min(cap, base * 2 ** (n - 1))
            assert ceiling / 2 - 0.05 <= delay <= ceiling + 0.05, (n, delays)
        assert fake.sign_calls == 11 and room.accepted == 11  # one sign call per socket, no more
        assert set(room.close_codes) == {1000}  # replacements close normally too
        agents = {x["headers"]["user-agent"] for x in fake.handshakes}
        agents |= {r["query"]["user_agent"] for r in fake.sign_requests}
        assert len(agents) == 1  # one identity across every reconnect

    run(test)


SESSION = "sess-0123456789abcdef"


def test_session_id_never_reaches_a_foreign_push_host_nor_the_signer_without_opt_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def test(fake: FakeTikTok) -> None:
        fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(fake, ["alice"], session_id=SESSION) as h:
            await h.until(lambda: connected_count(h, "alice") == 1)
        assert fake.push_url.startswith("ws://")  # the sign server names a foreign ws:// host
        handshake = next(x for x in fake.handshakes if x["accepted"])
        assert SESSION not in repr(handshake) and "ttwid=" in handshake["headers"]["cookie"]
        assert SESSION not in repr(fake.sign_requests)

    monkeypatch.delenv("WHITELIST_AUTHENTICATED_SESSION_ID_HOST", raising=False)
    run(test)


def test_session_id_goes_to_the_signer_with_the_opt_in(monkeypatch: pytest.MonkeyPatch) -> None:
    async def test(fake: FakeTikTok) -> None:
        fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        async with Harness(fake, ["alice"], session_id=SESSION) as h:
            await h.until(lambda: connected_count(h, "alice") == 1)
        assert fake.sign_requests[0]["headers"]["x-cookie-header"] == f"sessionid={SESSION}"
        assert SESSION not in repr([x for x in fake.handshakes if x["accepted"]])

    monkeypatch.setenv("WHITELIST_AUTHENTICATED_SESSION_ID_HOST", "127.0.0.1")
    run(test)


def test_sign_error_echoing_the_session_id_is_neither_published_nor_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def test(fake: FakeTikTok) -> None:
        fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        fake.sign_fault(500, body=f'{{"message": "invalid session {SESSION}"}}'.encode())
        fake.sign_fault(503, body=f"upstream rejected sessionid={SESSION}".encode())
        async with Harness(fake, ["alice"], session_id=SESSION) as h:
            await h.until(lambda: connected_count(h, "alice") == 1)
        failed = [s for s in h.statuses("alice") if s["reason"] == "sign_failed"]
        assert len(failed) == 2 and "invalid session ***" in failed[0]["message"]
        assert SESSION not in repr(h.publisher.sent)

    with caplog.at_level(logging.DEBUG):
        run(test)
    assert caplog.records and SESSION not in caplog.text


def test_default_run_keeps_the_embedded_fakes_bookkeeping_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """`tiktok-bridge run` without rooms: the embedded fake keeps no per-message records (issue 13, 12)."""
    made: list[FakeTikTok] = []

    class Recorded(FakeTikTok):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(app, "FakeTikTok", Recorded)

    async def main() -> None:
        config = Config(
            simulator=SimulatorConfig(rate=300.0),
            control=ControlConfig(endpoint=""),
            game=GameConfig(ledger_dir=""),
        )
        publisher = RecordingPublisher(fake_clock=False)
        async with build(config, publisher) as daemon:
            task = asyncio.create_task(daemon.run())
            deadline = time.monotonic() + 10
            while sum(1 for _, m in publisher.sent if m.get("type") == "chat") < 20:
                assert time.monotonic() < deadline
                await asyncio.sleep(0.05)
            (fake,) = made
            (room,) = fake.rooms.values()
            assert fake.record is False and fake.sign_calls == 1 and room.accepted == 1
            assert room.sent == [] and room.received == [] and fake.sign_requests == fake.handshakes == []
            assert len(room.history) <= fake.history and room.acks_ok > 10
            daemon.stop()
            await asyncio.wait_for(task, 10)

    asyncio.run(main())


def test_a_dead_room_costs_few_sign_calls_an_hour() -> None:
    """The worst case docs/live.md states, from the defaults: every socket dies as soon as it can."""
    settings = TikTokConfig()
    dead_after = settings.dead_after_heartbeats * 10.0  # TikTok's 10 s heartbeat
    calls, now = [0.0], 0.0
    for n in range(1, 40):  # the shortest (jitter 0) delays
        now += dead_after + replacement_delay(n, settings, rand=lambda: 0.0)
        calls.append(now)
    assert sum(1 for t in calls if t < 3600) == 10
    for hour in range(1, 5):
        assert sum(1 for t in calls if hour * 3600 <= t < (hour + 1) * 3600) <= 4
    assert calls[10] > 3600  # 10 deaths in a row take over an hour
    assert replacement_delay(1, settings, rand=lambda: 1.0) == settings.backoff_base
