"""Record and replay: the file format, recording live sessions, and byte-identical replays."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import msgpack
import pytest
import zmq
from helpers import RecordingPublisher, free_port, simulated_frames

from bridge.app import build
from bridge.config import (
    Config,
    ControlConfig,
    GameConfig,
    PublisherConfig,
    RecordConfig,
    SignConfig,
    SimulatorConfig,
    TikTokConfig,
)
from bridge.record.file import (
    KIND_FETCH,
    KIND_FRAME,
    KIND_STAMPS,
    MAGIC,
    RecordFileError,
    RecordReader,
    RecordWriter,
    unpack_stamps,
)
from bridge.record.recorder import UPSTREAM_TYPES
from bridge.record.replay import KeepStampsPublisher, ReplayOptions, ReplaySource, replay_sources
from bridge.room import Source
from bridge.server.publisher import Publisher
from bridge.sim.faketiktok import FakeTikTok
from bridge.sim.simulator import load_scenario

ROOM_ID = 7_500_000_000_000_000_077
MIX = {
    "member": 25.0,
    "like": 20.0,
    "chat": 20.0,
    "gift": 20.0,
    "roomUserSeq": 5.0,
    "social": 5.0,
    "unknown": 5.0,
}
SCENARIO = replace(load_scenario("default"), rate=200.0, mix=MIX)


def upstream(publisher: RecordingPublisher, room: str = "") -> list[dict[str, Any]]:
    """Upstream events as published, in order."""
    return [
        m
        for _, m in publisher.sent
        if m.get("type") in UPSTREAM_TYPES and (not room or m.get("room") == room)
    ]


def packed(events: list[dict[str, Any]], keep_stamps: bool = False) -> list[bytes]:
    """Each event's msgpack bytes as the publisher sends them, without seq/ts unless kept."""
    out = []
    for event in events:
        body = dict(event) if keep_stamps else {k: v for k, v in event.items() if k not in ("seq", "ts")}
        out.append(msgpack.packb(body, use_bin_type=True))
    return out


def statuses(publisher: RecordingPublisher, room: str) -> list[tuple[str, str]]:
    return [
        (m["state"], m["reason"])
        for _, m in publisher.sent
        if m["type"] == "sys.status" and m["room"] == room
    ]


async def until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.02)


def base_config(**sections: Any) -> Config:
    quiet = {
        "control": ControlConfig(endpoint=""),
        "game": GameConfig(ledger_dir=""),
    }
    return Config(**{**quiet, **sections})


async def replay(
    paths: list[Path], options: ReplayOptions, publisher: Publisher | None = None, timeout: float = 20.0
) -> tuple[Publisher, list[ReplaySource]]:
    """Play record files through a daemon built like the CLI's, until they end."""
    publisher = publisher or RecordingPublisher()
    sources = replay_sources(paths, options)
    upstream_sources: list[Source] = list(sources)
    async with build(base_config(), publisher, upstream_sources) as daemon:
        task = asyncio.create_task(daemon.run())
        await asyncio.wait_for(asyncio.gather(*(s.done.wait() for s in sources)), timeout)
        daemon.stop()
        await asyncio.wait_for(task, 10)
    return publisher, sources


# ------------------------------------------------------------------ the file format


def write_file(path: Path, records: list[tuple[int, int, bytes]]) -> None:
    writer = RecordWriter(path, {"room": "alice", "roomId": str(ROOM_ID), "startTime": 1, "source": "tiktok"})
    writer.open()
    for kind, offset, data in records:
        writer.write(kind, offset, data)
    writer.close()


def test_file_round_trip_and_header(tmp_path: Path) -> None:
    path = tmp_path / "a.tlrec"
    records = [(KIND_FETCH, 0, b"first"), (KIND_STAMPS, 1, b"\x90"), (KIND_FRAME, 250, b"x" * 70_000)]
    write_file(path, records)
    assert path.read_bytes().startswith(MAGIC)
    reader = RecordReader(path)
    assert (reader.room, reader.room_id, reader.source, reader.start_time) == ("alice", ROOM_ID, "tiktok", 1)
    assert [(r.kind, r.offset_ms, r.data) for r in reader.records()] == records
    assert not reader.truncated


def test_torn_last_record_is_skipped_at_every_cut(tmp_path: Path) -> None:
    path = tmp_path / "a.tlrec"
    write_file(path, [(KIND_FRAME, 0, b"one"), (KIND_FRAME, 5, b"two" * 10)])
    whole = path.read_bytes()
    last = 9 + 30 + 4
    for cut in range(1, last):
        path.write_bytes(whole[:-cut])
        reader = RecordReader(path)
        assert [r.data for r in reader.records()] == [b"one"], cut
        assert reader.truncated
    path.write_bytes(whole[:-last])
    reader = RecordReader(path)
    assert [r.data for r in reader.records()] == [b"one"] and not reader.truncated


def test_a_damaged_record_is_skipped_and_reading_resumes(tmp_path: Path) -> None:
    path = tmp_path / "a.tlrec"
    write_file(path, [(KIND_FRAME, 0, b"one"), (KIND_FRAME, 5, b"two"), (KIND_FRAME, 6, b"three")])
    data = bytearray(path.read_bytes())
    data[data.index(b"two")] ^= 0xFF
    path.write_bytes(bytes(data))
    reader = RecordReader(path)
    assert [r.data for r in reader.records()] == [b"one", b"three"]
    assert reader.damaged == 1 and reader.damaged_bytes == 9 + 3 + 4 and not reader.truncated


@pytest.mark.parametrize("where", ["kind", "length", "offset", "data", "crc"])
def test_every_flipped_byte_costs_at_most_its_record(tmp_path: Path, where: str) -> None:
    """A flipped byte a third into a file of 300 records loses that record only."""
    path = tmp_path / "a.tlrec"
    records = [(KIND_FRAME, i * 10, bytes([i % 256]) * (50 + i % 7)) for i in range(300)]
    write_file(path, records)
    data = bytearray(path.read_bytes())
    start = len(data) - sum(9 + len(d) + 4 for _, _, d in records[100:])  # record 100
    field = {"kind": 0, "offset": 2, "length": 6, "data": 20, "crc": 9 + len(records[100][2]) + 1}
    data[start + field[where]] ^= 0x5A
    path.write_bytes(bytes(data))
    reader = RecordReader(path)
    got = [r.data for r in reader.records()]
    assert got == [d for _, _, d in records[:100] + records[101:]], len(got)
    assert reader.damaged == 1 and not reader.truncated


def test_unknown_kinds_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "a.tlrec"
    write_file(path, [(KIND_FRAME, 0, b"one"), (200, 1, b"future"), (KIND_FRAME, 2, b"two")])
    reader = RecordReader(path)
    assert [r.data for r in reader.records()] == [b"one", b"two"] and reader.skipped == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "too short"),
        (b"PK\x03\x04 this is a zip file", "bad magic"),
        (MAGIC + b"\x02\x00\x00\x00\x00\x00", "version 2"),
        (MAGIC + b"\x01\x00\x10\x00\x00\x00{}", "truncated"),
        (MAGIC + b"\x01\x00\x02\x00\x00\x00[]", "not a JSON object"),
    ],
)
def test_not_a_record_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.tlrec"
    path.write_bytes(content)
    with pytest.raises(RecordFileError, match=message):
        RecordReader(path)


def test_writer_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "a.tlrec"
    write_file(path, [])
    with pytest.raises(FileExistsError):
        write_file(path, [])


# ------------------------------------------------------------------ recording a live session


async def record_fake_session(directory: Path, fake: FakeTikTok) -> RecordingPublisher:
    """A live session against the fake TikTok: history, malformed frames, drops, a stream end and a new stream."""
    room = fake.add_room("alice", ROOM_ID, scenario=SCENARIO, seed=3)
    tiktok = TikTokConfig(
        rooms=("@alice",),
        web_base=fake.base_url,
        webcast_base=fake.base_url,
        backoff_base=0.02,
        backoff_cap=0.1,
        poll_interval=0.1,
    )
    config = base_config(
        tiktok=tiktok,
        sign=SignConfig(base_url=fake.base_url),
        record=RecordConfig(dir=str(directory), flush_interval=0.05),
    )
    publisher = RecordingPublisher()
    async with build(config, publisher) as daemon:
        task = asyncio.create_task(daemon.run())
        await until(lambda: len(upstream(publisher)) > 60)
        room.send_malformed(3)
        room.drop(mid_frame=True)
        await until(lambda: statuses(publisher, "alice").count(("connected", "ok")) == 2)
        await until(lambda: len(upstream(publisher)) > 150)
        room.drop()
        await until(lambda: statuses(publisher, "alice").count(("connected", "ok")) == 3)
        await until(lambda: len(upstream(publisher)) > 220)
        room.end_stream()
        await until(lambda: ("disconnected", "offline") in statuses(publisher, "alice"))
        room.live = True
        await until(lambda: statuses(publisher, "alice").count(("connected", "ok")) == 4)
        count = len(upstream(publisher))
        await until(lambda: len(upstream(publisher)) > count + 40)
        daemon.stop()
        await asyncio.wait_for(task, 10)
    assert daemon.rooms["alice"].duplicates > 0 and daemon.decode_errors > 0
    return publisher


def run(test: Callable[[FakeTikTok], Awaitable[None]]) -> None:
    async def main() -> None:
        async with FakeTikTok() as fake:
            await asyncio.wait_for(test(fake), 60)

    asyncio.run(main())


def test_recorded_session_replays_byte_identical(tmp_path: Path) -> None:
    async def test(fake: FakeTikTok) -> None:
        original = await record_fake_session(tmp_path, fake)
        files = sorted(tmp_path.glob("*.tlrec"))
        assert len(files) == 2, "one file per stream"
        readers = [RecordReader(f) for f in files]
        assert {r.room for r in readers} == {"alice"} and {r.room_id for r in readers} == {ROOM_ID}
        kinds = [r.kind for r in readers[0].records()]
        assert kinds[0] == KIND_FETCH and kinds.count(KIND_FETCH) == 3 and KIND_FRAME in kinds

        played, sources = await replay(files, ReplayOptions(speed=0))
        assert isinstance(played, RecordingPublisher)
        wanted, got = upstream(original), upstream(played)
        assert len(got) == len(wanted) > 250
        assert packed(got) == packed(wanted)
        assert [e["type"] for e in got].count("streamEnd") == 1
        assert sources[0].room.decode_errors == 3
        states = statuses(played, "alice")
        assert states[:2] == [("connecting", "replay"), ("connected", "replay")]
        assert ("streamEnd", "stream_ended") in states and states[-1] == ("disconnected", "replay_ended")

        # without the stamps records, plain de-duplication gives the same events
        stripped = []
        for n, path in enumerate(files):
            reader = RecordReader(path)
            out = tmp_path / "nostamps" / f"{n}.tlrec"
            writer = RecordWriter(out, reader.header)
            writer.open()
            for record in reader.records():
                if record.kind != KIND_STAMPS:
                    writer.write(record.kind, record.offset_ms, record.data)
            writer.close()
            stripped.append(out)
        played, _ = await replay(stripped, ReplayOptions(speed=0))
        assert isinstance(played, RecordingPublisher)
        assert packed(upstream(played)) == packed(wanted)

    run(test)


def test_keep_stamps_reproduces_seq_and_ts_over_zeromq(tmp_path: Path) -> None:
    async def test(fake: FakeTikTok) -> None:
        original = await record_fake_session(tmp_path, fake)
        wanted = upstream(original)
        endpoint = f"tcp://127.0.0.1:{free_port()}"
        sub: zmq.Socket[Any] = zmq.Context.instance().socket(zmq.SUB)
        sub.setsockopt(zmq.SUBSCRIBE, b"")
        sub.setsockopt(zmq.RCVHWM, 0)
        sub.connect(endpoint)
        publisher = KeepStampsPublisher(PublisherConfig(endpoint=endpoint, sndhwm=0))
        files = sorted(tmp_path.glob("*.tlrec"))
        received: list[bytes] = []
        try:
            await replay(files, ReplayOptions(speed=0, keep_stamps=True, start_delay=0.5), publisher)
            deadline = time.monotonic() + 5
            while len(received) < len(wanted) and time.monotonic() < deadline:
                if sub.poll(100):
                    _, payload = sub.recv_multipart()
                    if msgpack.unpackb(payload).get("type") in UPSTREAM_TYPES:
                        received.append(payload)
        finally:
            sub.close(linger=0)
        assert publisher.kept == len(wanted)
        assert received == packed(wanted, keep_stamps=True)

    run(test)


def test_seek_and_speed(tmp_path: Path) -> None:
    async def test(fake: FakeTikTok) -> None:
        room = fake.add_room("alice", ROOM_ID, scenario=replace(SCENARIO, rate=100.0), seed=5)
        config = base_config(
            tiktok=TikTokConfig(rooms=("alice",), web_base=fake.base_url, webcast_base=fake.base_url),
            sign=SignConfig(base_url=fake.base_url),
            record=RecordConfig(dir=str(tmp_path)),
        )
        original = RecordingPublisher()
        async with build(config, original) as daemon:
            task = asyncio.create_task(daemon.run())
            await asyncio.sleep(1.2)
            daemon.stop()
            await asyncio.wait_for(task, 10)
        del room
        files = sorted(tmp_path.glob("*.tlrec"))
        reader = RecordReader(files[0])
        last = max(r.offset_ms for r in reader.records())
        assert last > 800

        started = time.monotonic()
        played, _ = await replay(files, ReplayOptions(speed=1.0))
        real_time = time.monotonic() - started
        assert last / 1000 - 0.05 <= real_time < last / 1000 + 1.0
        started = time.monotonic()
        await replay(files, ReplayOptions(speed=4.0))
        fast = time.monotonic() - started
        assert fast < real_time / 2

        seeked, _ = await replay(files, ReplayOptions(speed=0, seek=0.5))
        assert isinstance(played, RecordingPublisher) and isinstance(seeked, RecordingPublisher)
        everything, tail = upstream(played), upstream(seeked)
        assert 0 < len(tail) < len(everything)
        assert packed(tail) == packed(everything)[-len(tail) :]
        late = {e["msgId"] for e in tail}
        records = list(RecordReader(files[0]).records())
        before = [r for r in records if r.offset_ms < 500 and r.kind == KIND_STAMPS]
        assert before and all(m not in late for r in before for m, _, _ in unpack_stamps(r.data))

    run(test)


def test_loop_plays_again(tmp_path: Path) -> None:
    async def test(fake: FakeTikTok) -> None:
        fake.add_room("alice", ROOM_ID, scenario=SCENARIO, seed=9)
        config = base_config(
            tiktok=TikTokConfig(rooms=("alice",), web_base=fake.base_url, webcast_base=fake.base_url),
            sign=SignConfig(base_url=fake.base_url),
            record=RecordConfig(dir=str(tmp_path)),
        )
        original = RecordingPublisher()
        async with build(config, original) as daemon:
            task = asyncio.create_task(daemon.run())
            await until(lambda: len(upstream(original)) > 40)
            daemon.stop()
            await asyncio.wait_for(task, 10)
        once = packed(upstream(original))
        publisher = RecordingPublisher()
        sources = replay_sources(sorted(tmp_path.glob("*.tlrec")), ReplayOptions(speed=0, loop=True))
        upstream_sources: list[Source] = list(sources)
        async with build(base_config(), publisher, upstream_sources) as daemon:
            task = asyncio.create_task(daemon.run())
            await until(lambda: len(upstream(publisher)) >= 3 * len(once))
            daemon.stop()
            await asyncio.wait_for(task, 10)
        assert packed(upstream(publisher))[: 3 * len(once)] == once * 3

    run(test)


def test_direct_simulator_recording_replays(tmp_path: Path) -> None:
    async def main() -> None:
        config = base_config(
            simulator=SimulatorConfig(via="direct", rate=300.0, seed=4),
            record=RecordConfig(dir=str(tmp_path)),
        )
        original = RecordingPublisher()
        async with build(config, original) as daemon:
            task = asyncio.create_task(daemon.run())
            await until(lambda: len(upstream(original)) > 100)
            daemon.stop()
            await asyncio.wait_for(task, 10)
        files = sorted(tmp_path.glob("*.tlrec"))
        assert [RecordReader(f).source for f in files] == ["simulator"]
        played, _ = await replay(files, ReplayOptions(speed=0))
        assert isinstance(played, RecordingPublisher)
        assert packed(upstream(played)) == packed(upstream(original))

    asyncio.run(main())


def test_recording_survives_a_crash(tmp_path: Path) -> None:
    """Records flushed before the process dies are readable; the torn tail is skipped."""

    async def test(fake: FakeTikTok) -> None:
        fake.add_room("alice", ROOM_ID, scenario=SCENARIO, seed=2)
        config = base_config(
            tiktok=TikTokConfig(rooms=("alice",), web_base=fake.base_url, webcast_base=fake.base_url),
            sign=SignConfig(base_url=fake.base_url),
            record=RecordConfig(dir=str(tmp_path), flush_interval=0.05),
        )
        publisher = RecordingPublisher()
        async with build(config, publisher) as daemon:
            task = asyncio.create_task(daemon.run())
            await until(lambda: len(upstream(publisher)) > 60)
            await asyncio.sleep(0.2)
            path = next(tmp_path.glob("*.tlrec"))
            snapshot = path.read_bytes()  # what a crash right now would leave on disk
            daemon.stop()
            await asyncio.wait_for(task, 10)
        crashed = tmp_path / "crashed" / path.name
        crashed.parent.mkdir()
        crashed.write_bytes(snapshot[:-7])  # and a torn last record
        reader = RecordReader(crashed)
        assert sum(1 for _ in reader.records()) > 5 and reader.truncated
        played, sources = await replay([crashed], ReplayOptions(speed=0))
        assert isinstance(played, RecordingPublisher)
        got = packed(upstream(played))
        assert len(got) > 30 and got == packed(upstream(publisher))[: len(got)]
        assert "torn last record" in [m for _, m in played.sent if m["type"] == "sys.status"][-1]["message"]

    run(test)


# ------------------------------------------------------------------ the command line


def bridge(*args: str, timeout: float = 30, ledger: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``tiktok-bridge ARGS``; ``ledger`` keeps its ledger journals out of the user's state directory."""
    state = {"BRIDGE_GAME_LEDGER_DIR": str(ledger)} if ledger is not None else {}
    return subprocess.run(
        [sys.executable, "-m", "bridge", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **state},
    )


def test_cli_record_then_replay_with_kept_stamps(tmp_path: Path) -> None:
    out = tmp_path / "rec"
    endpoint = f"tcp://127.0.0.1:{free_port()}"
    common = ["--endpoint", endpoint, "--control", "", "--log-level", "warning"]
    recorded = bridge(
        "record", "--duration", "1.5", "--out", str(out), "--rate", "150", *common, ledger=tmp_path / "ledger"
    )
    assert recorded.returncode == 0, recorded.stderr
    files = recorded.stdout.split()
    assert len(files) == 1 and Path(files[0]).parent == out
    stamps = [
        s for r in RecordReader(files[0]).records() if r.kind == KIND_STAMPS for s in unpack_stamps(r.data)
    ]
    assert len(stamps) > 50

    sub: zmq.Socket[Any] = zmq.Context.instance().socket(zmq.SUB)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect(endpoint)
    process = subprocess.Popen(
        [sys.executable, "-m", "bridge", "replay", files[0], "--speed", "0", "--keep-stamps"]
        + ["--start-delay", "0.7", *common],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    got: list[tuple[int, int, int]] = []
    try:
        deadline = time.monotonic() + 20
        while len(got) < len(stamps) and time.monotonic() < deadline:
            if sub.poll(100):
                _, payload = sub.recv_multipart()
                event = msgpack.unpackb(payload)
                if event.get("type") in UPSTREAM_TYPES:
                    got.append((event.get("msgId", 0), event["seq"], event["ts"]))
        assert process.wait(timeout=20) == 0, process.communicate()[1]
    finally:
        sub.close(linger=0)
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)
    assert got == stamps


def test_cli_replay_errors(tmp_path: Path) -> None:
    missing = bridge("replay", "/nonexistent/file.tlrec", "--control", "")
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    writer = RecordWriter(tmp_path / "bad.tlrec", {"room": "../x", "roomId": "1"})
    writer.open()
    writer.close()
    refused = bridge("replay", str(tmp_path / "bad.tlrec"), "--control", "")
    assert refused.returncode == 2 and "bad header: room" in refused.stderr, refused.stderr
    for option, value in (
        ("--speed", "nan"),
        ("--start-delay", "inf"),
        ("--seek", "-1"),
        ("--max-gap", "1e9"),
    ):
        refused = bridge("replay", "x.tlrec", option, value)
        assert refused.returncode == 2 and "must be from 0 to 1e+07" in refused.stderr, refused.stderr
    assert "--keep-stamps" in bridge("replay", "--help").stdout
    assert "--duration" in bridge("record", "--help").stdout
    assert "--record" in bridge("run", "--help").stdout


def test_daemon_keeps_working_when_recording_fails(tmp_path: Path) -> None:
    async def test(fake: FakeTikTok) -> None:
        fake.add_room("alice", ROOM_ID, scenario=SCENARIO)
        blocker = tmp_path / "not-a-directory"
        blocker.write_text("a file where the directory should be")
        config = base_config(
            tiktok=TikTokConfig(rooms=("alice",), web_base=fake.base_url, webcast_base=fake.base_url),
            sign=SignConfig(base_url=fake.base_url),
            record=RecordConfig(dir=str(blocker / "sub")),
        )
        publisher = RecordingPublisher()
        async with build(config, publisher) as daemon:
            task = asyncio.create_task(daemon.run())
            await until(lambda: len(upstream(publisher)) > 50)
            source = daemon.sources["alice"]
            assert source.tap.failed  # type: ignore[union-attr]
            daemon.stop()
            await asyncio.wait_for(task, 10)

    run(test)


# ------------------------------------------------------------------ hostile files


def frames_file(path: Path, offsets: list[int]) -> list[bytes]:
    """A record file of simulated frames at ``offsets``; the frames."""
    frames = list(simulated_frames(len(offsets)))
    write_file(path, [(KIND_FRAME, offset, frame) for offset, frame in zip(offsets, frames, strict=True)])
    return frames


def test_an_absurd_offset_waits_at_most_max_gap(tmp_path: Path) -> None:
    path = tmp_path / "a.tlrec"
    frames_file(path, [0, 0xFFFFFFFF, 100, 50])
    started = time.monotonic()
    publisher, [source] = asyncio.run(replay([path], ReplayOptions(speed=1.0, max_gap=0.3), timeout=10))
    assert time.monotonic() - started < 5 and source.records == 4 and not source.failure
    assert ReplayOptions().max_gap == 10.0  # the documented default
    assert isinstance(publisher, RecordingPublisher) and upstream(publisher)


def test_replay_reports_damaged_records_and_plays_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "a.tlrec"
    frames = frames_file(path, list(range(0, 300, 10)))
    data = bytearray(path.read_bytes())
    data[data.index(frames[10]) + 7] ^= 0xFF  # a flipped byte a third into the file
    path.write_bytes(bytes(data))
    publisher, [source] = asyncio.run(replay([path], ReplayOptions(speed=0)))
    assert source.records == 29 and source.readers[0].damaged == 1
    assert isinstance(publisher, RecordingPublisher)
    [ended] = [m for _, m in publisher.sent if m.get("reason") == "replay_ended"]
    assert ended["message"] == "29 records replayed; damaged records skipped: 1 in a.tlrec"


def test_a_replay_whose_file_fails_stops_and_exits_non_zero(tmp_path: Path) -> None:
    path = tmp_path / "a.tlrec"
    frames_file(path, [0, 10, 20])
    process = subprocess.Popen(
        [sys.executable, "-m", "bridge", "replay", str(path), "--start-delay", "30", "--control", ""],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "BRIDGE_PUBLISHER_ENDPOINT": f"tcp://127.0.0.1:{free_port()}"},
    )
    assert process.stderr is not None
    for line in process.stderr:
        if "connecting (replay)" in line:
            break
    path.unlink()
    path.mkdir()  # the file is gone and a directory is in its place: reading it fails
    out = process.stderr.read()
    process.wait(30)
    assert process.returncode == 1, out
    assert "replay of @alice failed: IsADirectoryError" in out


@pytest.mark.parametrize(
    ("header", "fixed"),
    [
        ({"dedupeSize": "many"}, 0),
        ({"dedupeSize": 2**70}, 0),
        ({"dedupeSize": -1}, 0),
        ({"startTime": "x"}, 0),
    ],
)
def test_hostile_header_fields_are_ignored(tmp_path: Path, header: dict[str, Any], fixed: int) -> None:
    path = tmp_path / "a.tlrec"
    frames = list(simulated_frames(2))
    writer = RecordWriter(path, {"room": "alice", "roomId": str(ROOM_ID), "source": "tiktok", **header})
    writer.open()
    for i, frame in enumerate(frames):
        writer.write(KIND_FRAME, i, frame)
    writer.close()
    _, [source] = asyncio.run(replay([path], ReplayOptions(speed=0)))
    assert source.records == 2 and not source.failure and source.readers[0].start_time == fixed
