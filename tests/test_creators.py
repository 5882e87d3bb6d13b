"""Creator lookups (``tiktok-bridge status`` and the control channel's ``lookup``) against the fake TikTok."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import msgpack
import pytest
import zmq
import zmq.asyncio
from helpers import RecordingPublisher, free_port

from bridge.app import build
from bridge.cli.main import main
from bridge.config import Config, ControlConfig, GameConfig, SimulatorConfig
from bridge.sim.faketiktok import FakeTikTok
from bridge.upstream.creators import format_table, lookup_creators
from bridge.upstream.lookup import WebClient

ALICE = 7_700_000_000_000_000_001
BOB = 7_700_000_000_000_000_002


def run(test: Callable[[FakeTikTok], Awaitable[None]]) -> None:
    async def go() -> None:
        async with FakeTikTok() as fake:
            fake.add_room("alice", ALICE)
            fake.add_room("bob", BOB, live=False)
            fake.add_room("shy", ALICE + 5, private=True, live=False)
            await asyncio.wait_for(test(fake), 30)

    asyncio.run(go())


def test_lookup_statuses_and_stream_urls() -> None:
    async def test(fake: FakeTikTok) -> None:
        async with WebClient(web_base=fake.base_url, webcast_base=fake.base_url) as web:
            entries = await lookup_creators(
                web, ["@alice", "https://www.tiktok.com/@bob/live", "shy", "@nobody", str(ALICE), "no way!"]
            )
        alice, bob, shy, nobody, by_id, bad = entries
        room = fake.rooms["alice"]
        assert alice["creator"] == "alice" and alice["status"] == "live" and alice["roomId"] == ALICE
        assert alice["title"] == room.title and alice["viewers"] == room.viewers
        assert alice["startTime"] == room.start_time * 1000 and alice["nickname"] == room.nickname
        qualities = [s["quality"] for s in alice["streams"]]
        assert qualities == ["FULL_HD1", "HD1", "SD1"]
        assert all(s["hls"].endswith(".m3u8") and s["flv"].endswith(".flv") for s in alice["streams"])
        assert bob == {"creator": "bob", "status": "offline", "uniqueId": "bob"}
        assert shy["status"] == "private" and "private" in shy["error"]
        assert nobody["status"] == "not_found"
        assert by_id["status"] == "live" and by_id["uniqueId"] == "alice" and by_id["creator"] == str(ALICE)
        assert bad["status"] == "invalid"
        table = format_table(entries)
        lines = table.splitlines()
        assert lines[0].split()[:3] == ["CREATOR", "STATUS", "ROOM"]
        assert lines[1].split()[:4] == ["@alice", "live", str(ALICE), str(room.viewers)]
        assert any("FULL_HD1" in line and "hls" in line and ".m3u8" in line for line in lines)
        assert any(line.split()[:2] == ["@bob", "offline"] for line in lines)
        # a room that went offline after its id was resolved: the batched check says so
        room.live = False
        async with WebClient(web_base=fake.base_url, webcast_base=fake.base_url) as web:
            (again,) = await lookup_creators(web, [str(ALICE)])
        assert again == {"creator": str(ALICE), "status": "offline", "roomId": ALICE}

    run(test)


def test_status_command(capsys: pytest.CaptureFixture[str]) -> None:
    async def test(fake: FakeTikTok) -> None:
        base = ["--web-base", fake.base_url, "--webcast-base", fake.base_url]
        code = await asyncio.to_thread(main, ["status", "@alice", "@bob", "--json", *base])
        out = capsys.readouterr().out
        assert code == 0
        entries = json.loads(out)
        assert [e["status"] for e in entries] == ["live", "offline"]
        assert entries[0]["roomId"] == ALICE and entries[0]["streams"][0]["quality"] == "FULL_HD1"
        code = await asyncio.to_thread(main, ["status", "@alice", "@nobody", *base])
        captured = capsys.readouterr()
        assert code == 0 and "@alice" in captured.out and "not_found" in captured.out
        nowhere = f"http://127.0.0.1:{free_port()}"
        code = await asyncio.to_thread(main, ["status", "@alice", "--web-base", nowhere, "--timeout", "2"])
        captured = capsys.readouterr()
        assert code == 1 and "error" in captured.out and "could not reach TikTok" in captured.out
        assert "1 lookup(s) failed" in captured.err

    run(test)


def test_lookup_command_on_the_control_channel() -> None:
    async def test_main() -> None:
        control = f"tcp://127.0.0.1:{free_port()}"
        config = Config(
            simulator=SimulatorConfig(rate=50.0),
            control=ControlConfig(endpoint=control),
            game=GameConfig(ledger_dir=""),
        )
        async with build(config, RecordingPublisher()) as daemon:
            task = asyncio.create_task(daemon.run())
            socket = zmq.asyncio.Context.instance().socket(zmq.REQ)
            socket.setsockopt(zmq.LINGER, 0)
            socket.connect(control)
            try:
                replies: list[dict[str, Any]] = []
                for request in (
                    b"lookup @simulated @nobody",
                    msgpack.packb({"cmd": "lookup", "creators": ["simulated"]}),
                    b"lookup",
                ):
                    await socket.send(request)
                    replies.append(msgpack.unpackb(await asyncio.wait_for(socket.recv(), 10)))
            finally:
                socket.close()
                daemon.stop()
                await asyncio.wait_for(task, 10)
        text, packed, empty = replies
        assert text["ok"] and [e["status"] for e in text["result"]["creators"]] == ["live", "not_found"]
        live = text["result"]["creators"][0]
        assert live["roomId"] == daemon.rooms["simulated"].room_id and live["streams"]
        assert packed["ok"] and packed["result"]["creators"][0]["status"] == "live"
        assert not empty["ok"] and empty["error"]["code"] == "bad_request"

    asyncio.run(test_main())
