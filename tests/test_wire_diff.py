"""What our live client sends TikTok, next to what TikTokLive 7.0.1 sends, through the fake.

Both clients connect to the same room of an in-process fake TikTok, one after
the other, and leave on their own. The push URL (parameters, their order and
values), the handshake headers, ``im_enter_room``, the ``hb`` frames, the acks
and the close code must be the same, except for the differences listed below,
each with the reason it is harmless.
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from live import Harness

from bridge.sim.faketiktok import FakeTikTok
from bridge.sim.simulator import load_scenario

CONFORMANCE = Path(__file__).parent / "conformance"
ROOM_ID = 7_400_000_000_000_000_777

# URL parameters whose values may differ
PARAM_VALUES = {
    "wrss": "a one-use token from each client's own sign call",
    "last_rtt": "random per connection in both clients (100..200 ms)",
    "browser_platform": "browser identity: TikTokLive draws one per process, we keep one per install",
    "browser_language": "browser identity (ours: the host's language)",
    "browser_version": "browser identity (the UA after Mozilla/)",
    "app_language": "browser identity (the language's first part)",
    "webcast_language": "browser identity (the language's first part)",
    "tz_name": "browser identity (ours: the host's time zone)",
    "screen_width": "browser identity",
    "screen_height": "browser identity",
    "heartbeat_duration": "we echo the interval the signed fetch announced; TikTokLive always sends 10000,"
    " which is what TikTok announces",
}
# handshake headers present in one client only
HEADER_PRESENCE = {
    "origin": "a browser's WebSocket always sends Origin, and TikTok's web page is https://www.tiktok.com",
    "sec-websocket-extensions": "TikTokLive offers permessage-deflate; we do not, because every payload"
    " is gzip already and deflating it again costs CPU on both ends for nothing (the fake accepts both)",
}
# handshake headers whose values may differ
HEADER_VALUES = {
    "host": "each connection's own host and port",
    "sec-websocket-key": "random per handshake (RFC 6455)",
    "user-agent": "browser identity; each client sends the UA it signed with, as TikTok requires",
    "cookie": "each sign call sets its own ttwid; TikTokLive also ends the header with ';'",
}


def params(target: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(target).query, keep_blank_values=True)


def conn_frames(received: list[dict[str, Any]], conn: int, kind: str) -> list[dict[str, Any]]:
    return [
        {k: v for k, v in r.items() if k != "conn"}
        for r in received
        if r["conn"] == conn and r["type"] == kind
    ]


def test_wire_matches_tiktoklive() -> None:
    pytest.importorskip(
        "TikTokLive", reason="TikTokLive is not installed (skipped only if PyPI was unreachable)"
    )

    async def main(fake: FakeTikTok) -> int:
        scenario = replace(load_scenario(str(CONFORMANCE / "scenario.toml")), duration=0)
        room = fake.add_room("alice", ROOM_ID, scenario=scenario)
        peer = await asyncio.create_subprocess_exec(
            sys.executable,
            str(CONFORMANCE / "tiktoklive_client.py"),
            fake.base_url,
            "alice",
            "20",
            "2.5",  # leave after 2.5 s: TikTokLive closes itself
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(peer.communicate(), 90)
        assert peer.returncode == 0 and b'"error": ""' in out, err[-2000:]
        async with Harness(fake, ["alice"]) as h:  # heartbeat as announced, like TikTokLive
            await h.until(lambda: len(conn_frames(room.received, 1, "hb")) >= 3)
        return room.accepted

    async def run() -> FakeTikTok:
        async with FakeTikTok(heartbeat=0.5) as fake:
            assert await asyncio.wait_for(main(fake), 120) == 2
            return fake

    fake = asyncio.run(run())
    room = fake.rooms["alice"]
    theirs, ours = (h for h in fake.handshakes if h["accepted"])

    # the push URL: the same parameters in the same order, the same values but the allowed ones
    their_params, our_params = params(theirs["target"]), params(ours["target"])
    assert [k for k, _ in our_params] == [k for k, _ in their_params]
    for (key, our_value), (_, their_value) in zip(our_params, their_params, strict=True):
        assert our_value == their_value or key in PARAM_VALUES, (key, our_value, their_value)
    assert urlsplit(ours["target"]).path == urlsplit(theirs["target"]).path

    # the handshake headers
    our_headers, their_headers = ours["headers"], theirs["headers"]
    assert set(our_headers) ^ set(their_headers) <= set(HEADER_PRESENCE), set(our_headers) ^ set(
        their_headers
    )
    for name in set(our_headers) & set(their_headers):
        assert our_headers[name] == their_headers[name] or name in HEADER_VALUES, name
    for cookies in (our_headers["cookie"], their_headers["cookie"]):
        assert {c.split("=")[0].strip() for c in cookies.split(";") if c.strip()} == {
            "ttwid",
            "tt-target-idc",
        }

    # the frames: im_enter_room and hb byte-for-byte the same fields; acks all right; close 1000
    assert conn_frames(room.received, 1, "im_enter_room") == conn_frames(room.received, 0, "im_enter_room")
    their_hb, our_hb = conn_frames(room.received, 0, "hb"), conn_frames(room.received, 1, "hb")
    common = min(len(their_hb), len(our_hb))
    assert common >= 2 and our_hb[:common] == their_hb[:common]
    assert [h["fields"]["send_packet_seq_id"] for h in our_hb] == list(range(1, len(our_hb) + 1))
    assert conn_frames(room.received, 0, "ack") and conn_frames(room.received, 1, "ack")
    assert room.acks_bad == 0 and room.acks_ok == room.client_frames["ack"]
    assert list(room.close_codes) == [1000, 1000]
