"""The raw-message tap every source offers, and the one place decode errors are counted and logged."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import RecordingPublisher
from test_recording import base_config, frames_file

from bridge import codec
from bridge.logs import Throttle
from bridge.record.file import KIND_FRAME, RecordReader
from bridge.record.recorder import Recorder
from bridge.record.replay import ReplayOptions, ReplaySource
from bridge.room import Raw, Room, Sink
from bridge.server.daemon import Daemon
from bridge.sim.simulator import Simulator, load_scenario
from bridge.sim.source import SimulatorSource


class ListTap:
    """A tap that keeps what it is shown, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def open(self, room: Room, sink: Sink) -> None:
        self.calls.append(("open", room.name))

    def session(self) -> None:
        self.calls.append(("session", None))

    def raw(self, kind: Raw, data: bytes) -> None:
        self.calls.append((kind, data))

    def close(self) -> None:
        self.calls.append(("close", None))


async def play(daemon: Daemon, until: asyncio.Event | None = None, timeout: float = 20) -> None:
    task = asyncio.create_task(daemon.run())
    try:
        if until is not None:
            await asyncio.wait_for(until.wait(), timeout)
        else:
            while any(room.state != "streamEnd" for room in daemon.rooms.values()):
                await asyncio.sleep(0.01)
    finally:
        daemon.stop()
        await asyncio.wait_for(task, 10)


def test_the_simulator_shows_its_tap_every_frame_before_the_daemon_decodes_it() -> None:
    scenario = replace(load_scenario("short"), rate=500.0, duration=0.5)
    tap = ListTap()
    publisher = RecordingPublisher()
    seen: list[int] = []  # tap calls when each event was published
    daemon = Daemon(base_config(), [SimulatorSource(Simulator(scenario), tap=tap)], publisher)
    daemon.listeners.append(lambda room, event: seen.append(len(tap.calls)))
    asyncio.run(play(daemon))
    assert tap.calls[0] == ("open", scenario.room) and tap.calls[-1] == ("close", None)
    frames = [data for kind, data in tap.calls[1:-1] if kind == "frame" and isinstance(data, bytes)]
    assert len(frames) == len(tap.calls) - 2 > 0
    decoded = [e for f in frames if (r := codec.decode_frame(f).result) is not None for e in r.events]
    assert len(decoded) == len(seen) > 0  # the tap saw exactly what the daemon decoded and published
    assert min(seen) >= 2  # the first event came after its frame was shown (open, frame)


def test_a_replay_with_a_recorder_as_tap_records_the_same_messages_again(tmp_path: Path) -> None:
    original = tmp_path / "a.tlrec"
    frames = frames_file(original, list(range(0, 200, 10)))
    out = tmp_path / "again"
    recorder = Recorder(out, "tiktok")
    source = ReplaySource([original], ReplayOptions(speed=0), tap=recorder)
    asyncio.run(play(Daemon(base_config(), [source], RecordingPublisher()), source.done))
    [copy] = recorder.files
    records = list(RecordReader(copy).records())
    assert [r.data for r in records if r.kind == KIND_FRAME] == frames
    assert RecordReader(copy).room == "alice" and not recorder.failed


def test_decode_errors_are_counted_per_room_and_daemon_and_logged_at_a_bounded_rate(
    caplog: pytest.LogCaptureFixture,
) -> None:
    daemon = Daemon(base_config(), [], RecordingPublisher())
    room = Room("alice")
    with caplog.at_level(logging.WARNING, "bridge.daemon"):
        for _ in range(50):
            daemon.ingest(room, b"\xff\xff\xff")
    assert room.decode_errors == 50 and daemon.decode_errors == 50
    assert daemon.snapshot()["decodeErrors"] == 50
    lines = [r.getMessage() for r in caplog.records if r.name == "bridge.daemon"]
    assert len(lines) == 5 and all(
        line.startswith("dropped a malformed frame from @alice: ") for line in lines
    )


def test_a_throttle_logs_per_second_lines_then_says_how_many_it_left_out(
    caplog: pytest.LogCaptureFixture,
) -> None:
    now = [100.0]
    throttle = Throttle(logging.getLogger("bridge.test"), "bad things", per_second=3, clock=lambda: now[0])
    with caplog.at_level(logging.WARNING, "bridge.test"):
        for i in range(10):
            throttle.warning("bad thing %d", i)
        assert throttle.unlogged == 7
        now[0] += 0.99
        throttle.warning("bad thing %d", 10)  # still the same second
        now[0] += 0.02
        throttle.warning("bad thing %d", 11)
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [
        "bad thing 0",
        "bad thing 1",
        "bad thing 2",
        "8 more bad things were not logged",
        "bad thing 11",
    ]
    assert throttle.unlogged == 0
