"""Supervision: failing tasks are logged, counted, reported and restarted; nothing dies silently."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import msgpack
import pytest
import zmq
import zmq.asyncio
from helpers import free_port

from bridge.config import Config, PublisherConfig
from bridge.contract import validate
from bridge.room import Room, Sink, Tap
from bridge.server.daemon import Daemon
from bridge.server.supervisor import Backoff, Failures, Supervisor


def test_backoff_doubles_up_to_the_cap_and_resets_after_health() -> None:
    policy = Backoff(base=0.5, cap=4.0, healthy=10.0)
    assert [policy.delay(0.1) for _ in range(6)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert policy.delay(10.0) == 0.5  # ran long enough: a fresh failure, not the seventh in a row
    assert policy.delay(9.9) == 1.0
    assert Backoff(base=1.0, cap=1e9).delay(0) == 1.0
    default = Backoff()  # what the daemon uses (docs/reliability.md)
    assert [default.delay(0) for _ in range(8)] == [0.5, 1, 2, 4, 8, 16, 30, 30] and default.delay(60) == 0.5
    supervisor = Supervisor()
    assert (supervisor.base, supervisor.cap, supervisor.healthy) == (0.5, 30.0, 60.0)
    huge = Backoff(base=1.0, cap=1e9, attempt=10_000)
    assert huge.delay(0) == 1e9  # no overflow however many failures


def test_a_failing_task_is_logged_counted_reported_and_restarted(caplog: pytest.LogCaptureFixture) -> None:
    reports: list[tuple[str, str, float]] = []
    runs = 0

    async def flaky() -> None:
        nonlocal runs
        runs += 1
        if runs <= 3:
            raise RuntimeError(f"boom {runs}")
        await asyncio.sleep(3600)

    async def main() -> Supervisor:
        supervisor = Supervisor(lambda name, exc, delay: reports.append((name, str(exc), delay)), base=0.01)
        supervisor.start("flaky", flaky)
        for _ in range(200):
            await asyncio.sleep(0.01)
            if runs == 4:
                break
        assert supervisor.running("flaky")
        await supervisor.close()
        assert not supervisor.running("flaky")
        return supervisor

    with caplog.at_level(logging.ERROR, "bridge.supervisor"):
        supervisor = asyncio.run(main())
    assert runs == 4 and supervisor.failures == {"flaky": 3} and supervisor.total_failures == 3
    assert reports == [("flaky", "boom 1", 0.01), ("flaky", "boom 2", 0.02), ("flaky", "boom 3", 0.04)]
    records = [r for r in caplog.records if r.name == "bridge.supervisor"]
    assert len(records) == 3  # once per failure, each with its traceback
    assert all(r.exc_info and "task flaky failed" in r.getMessage() for r in records)
    assert "boom 2" in caplog.text and "Traceback" in caplog.text


def test_returning_ends_a_task_unless_restart_is_asked() -> None:
    counts = {"once": 0, "again": 0}

    def make(name: str) -> Any:
        async def body() -> None:
            counts[name] += 1

        return body

    async def main() -> Supervisor:
        supervisor = Supervisor(base=0.01)
        once = supervisor.start("once", make("once"))
        supervisor.start("again", make("again"), restart=True)
        await once
        for _ in range(200):
            await asyncio.sleep(0.01)
            if counts["again"] >= 3:
                break
        assert not supervisor.running("once") and supervisor.running("again")
        assert await supervisor.cancel("again") and not await supervisor.cancel("again")
        return supervisor

    supervisor = asyncio.run(main())
    assert counts["once"] == 1 and counts["again"] >= 3 and supervisor.failures == {}


def test_cancellation_stops_cleanly_and_names_are_unique() -> None:
    cleaned = asyncio.Event()

    async def body() -> None:
        try:
            await asyncio.sleep(3600)
        finally:
            cleaned.set()

    async def main() -> Supervisor:
        supervisor = Supervisor()
        supervisor.start("t", body)
        with pytest.raises(ValueError, match="already running"):
            supervisor.start("t", body)
        await asyncio.sleep(0.01)
        assert await supervisor.cancel("t")
        assert cleaned.is_set() and not supervisor.running("t")
        supervisor.start("t", body)  # the name is free again
        await supervisor.close()
        return supervisor

    assert asyncio.run(main()).failures == {}


def test_a_failing_report_does_not_stop_the_restart() -> None:
    runs = 0

    async def body() -> None:
        nonlocal runs
        runs += 1
        if runs == 1:
            raise ValueError("first")
        await asyncio.sleep(3600)

    def report(name: str, exc: BaseException, delay: float) -> None:
        raise RuntimeError("the report is broken too")

    async def main() -> None:
        supervisor = Supervisor(report, base=0.01)
        supervisor.start("t", body)
        for _ in range(100):
            await asyncio.sleep(0.01)
            if runs == 2:
                break
        await supervisor.close()

    asyncio.run(main())
    assert runs == 2


class _Exploding:
    """A source that fails its first two runs, then streams nothing until cancelled."""

    def __init__(self) -> None:
        self.room = Room("boom", 5)
        self.tap: Tap | None = None
        self.runs = 0

    async def run(self, sink: Sink) -> None:
        self.runs += 1
        sink.set_state(self.room, "connected", "simulator")
        if self.runs <= 2:
            await asyncio.sleep(0.3)  # after the test's subscription has landed
            raise KeyError("source bug")
        await asyncio.sleep(3600)


def test_real_daemon_restarts_failing_sources_services_and_reports_them() -> None:
    endpoint = f"tcp://127.0.0.1:{free_port()}"
    config = Config(publisher=PublisherConfig(endpoint=endpoint, heartbeat_interval=0.05))
    source = _Exploding()
    daemon = Daemon(config, [source])
    daemon.supervisor.base = 0.05
    service_runs = 0

    async def service() -> None:
        nonlocal service_runs
        service_runs += 1
        if service_runs == 1:
            await asyncio.sleep(0.3)
            raise OverflowError("service bug")
        await asyncio.sleep(3600)

    daemon.services["control"] = service

    async def main() -> list[dict[str, Any]]:
        context = zmq.asyncio.Context()
        sub = context.socket(zmq.SUB)
        sub.setsockopt(zmq.SUBSCRIBE, b"")
        sub.connect(endpoint)
        received: list[dict[str, Any]] = []
        task = asyncio.create_task(daemon.run())
        deadline = time.monotonic() + 10
        try:
            while time.monotonic() < deadline:
                if await sub.poll(100):
                    received.append(msgpack.unpackb((await sub.recv_multipart())[1]))
                beats = [m for m in received if m["type"] == "sys.heartbeat"]
                if beats and beats[-1].get("taskFailures") == {"source:boom": 2, "control": 1}:
                    received.extend([msgpack.unpackb((await sub.recv_multipart())[1]) for _ in range(3)])
                    break
        finally:
            daemon.stop()
            await task
            sub.close(linger=0)
            context.term()
        return received

    received = asyncio.run(main())
    assert source.runs == 3 and service_runs == 2
    internal = [m for m in received if m["type"] == "sys.status" and m["reason"] == "internal"]
    assert sorted(m["task"] for m in internal) == ["control", "source:boom", "source:boom"]
    for message in internal:
        assert message["state"] == "error" and "restarting in" in message["message"]
        assert validate(message) == []
        assert message.get("room") == ("boom" if message["task"] == "source:boom" else None)
    beats = [m for m in received if m["type"] == "sys.heartbeat"]
    assert beats[-1]["taskFailures"] == {"source:boom": 2, "control": 1}
    assert beats[-1]["rooms"]["boom"]["state"] == "connected"  # the third run is up
    assert validate(beats[-1]) == []


def test_failures_are_counted_each_time_but_logged_at_most_once_per_interval(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = [0.0]
    reports: list[str] = []
    failures = Failures(
        logging.getLogger("t.failures"), 10.0, lambda: clock[0], lambda n, e: reports.append(n)
    )

    def bad(x: int) -> int:
        raise ValueError(f"bad {x}")

    with caplog.at_level(logging.ERROR, "t.failures"):
        for i in range(50):
            assert failures.call("bad", bad, i) is None
            clock[0] += 0.5  # 25 s in all
        assert failures.call("good", lambda x: x + 1, 1) == 2
    assert failures.counts == {"bad": 50}
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [
        "bad failed",
        "bad failed 20 more times, the latest: ValueError('bad 20')",
        "bad failed 20 more times, the latest: ValueError('bad 40')",
    ]
    assert caplog.records[0].exc_info and reports == ["bad", "bad", "bad"]


def test_retry_false_reports_the_failure_and_ends_the_task() -> None:
    reports: list[tuple[str, float]] = []
    runs = 0

    async def once() -> None:
        nonlocal runs
        runs += 1
        raise RuntimeError("a replay that must not play twice")

    async def main() -> Supervisor:
        supervisor = Supervisor(lambda name, exc, delay: reports.append((name, delay)), base=0.01)
        await supervisor.start("replay", once, retry=False)
        await asyncio.sleep(0.05)
        assert not supervisor.running("replay")
        return supervisor

    assert asyncio.run(main()).failures == {"replay": 1}
    assert runs == 1 and reports == [("replay", -1.0)]


def test_a_daemon_does_not_restart_a_source_that_is_not_restartable() -> None:
    source = _Exploding()
    source.restartable = False  # type: ignore[attr-defined]
    daemon = Daemon(Config(publisher=PublisherConfig(endpoint=f"tcp://127.0.0.1:{free_port()}")), [source])
    daemon.supervisor.base = 0.01

    async def main() -> None:
        task = asyncio.create_task(daemon.run())
        await asyncio.sleep(0.6)
        daemon.stop()
        await task

    asyncio.run(main())
    assert source.runs == 1 and daemon.supervisor.failures == {"source:boom": 1}
    assert daemon.rooms["boom"].reason == "shutdown"
