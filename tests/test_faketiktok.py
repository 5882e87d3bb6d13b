"""The embedded fake TikTok, over real HTTP and WebSocket connections on loopback."""

from __future__ import annotations

import asyncio
import dataclasses
import gzip
import json
import re
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, ConnectionClosedError, InvalidStatus
from websockets.typing import Subprotocol

from bridge import codec
from bridge.codec import _pure
from bridge.codec import webcast as wc
from bridge.errors import DecodeError
from bridge.frames import FetchResult
from bridge.sim.faketiktok import FakeRoom, FakeTikTok
from bridge.sim.simulator import Scenario, load_scenario
from bridge.upstream.tiktok import DEFAULT_USER_AGENT, websocket_url

UA = DEFAULT_USER_AGENT
ROOM = 7_400_000_000_000_000_123
OTHER = 7_400_000_000_000_000_456
FAST: Scenario = dataclasses.replace(load_scenario("default"), rate=120.0, batch=(1, 4))  # ~20 ms frames
SIGI = re.compile(r'<script id="SIGI_STATE" type="application/json">(.*?)</script>', re.S)


def run(body: Callable[[FakeTikTok], Awaitable[None]], **options: Any) -> None:
    """Run ``body`` against a started fake (with rooms ``alice`` live and ``bob`` offline)."""

    async def main() -> None:
        async with FakeTikTok(**options) as fake:
            fake.add_room("alice", ROOM, scenario=FAST, seed=5)
            fake.add_room("bob", OTHER, live=False, scenario=FAST)
            await asyncio.wait_for(body(fake), 8)

    asyncio.run(main())


async def get(fake: FakeTikTok, path: str, **params: Any) -> httpx.Response:
    async with httpx.AsyncClient(base_url=fake.base_url, timeout=5) as client:
        return await client.get(path, params=params)


async def sign(
    fake: FakeTikTok,
    room_id: int = ROOM,
    *,
    style: str = "fetch",
    ua: str = UA,
    headers: dict[str, str] | None = None,
) -> tuple[FetchResult, str, httpx.Response]:
    """Sign ``room_id``: the decoded fetch result, the ``ttwid`` cookie value and the response."""
    params = {"client": "test", "user_agent": ua, "platform": "web", "client_enter": "true"}
    if style == "fetch":
        path = "/webcast/fetch"
        params["room_id"] = str(room_id)
    else:
        path = f"/webcast/rooms/{room_id}/connect"
    async with httpx.AsyncClient(base_url=fake.base_url, timeout=5) as client:
        response = await client.get(path, params=params, headers=headers)
    assert response.status_code == 200, response.text
    match = re.search(r"ttwid=([^;,]+)", response.headers["x-set-tt-cookie"])
    assert match
    return _pure.decode_fetch_result(response.content), match.group(1), response


async def open_ws(
    fake: FakeTikTok,
    room_id: int = ROOM,
    *,
    signed: tuple[FetchResult, str, httpx.Response] | None = None,
    cookie: str | None = None,
    ua: str = UA,
    protocols: list[str] | None = None,
    url_edit: Callable[[str], str] = lambda url: url,
    compression: str | None = None,
) -> ClientConnection:
    result, ttwid, _ = signed or await sign(fake, room_id)
    url = url_edit(websocket_url(result.push_server, result.route_params, room_id, 10_000))
    return await connect(
        url,
        additional_headers={
            "Cookie": cookie if cookie is not None else f"ttwid={ttwid}; tt-target-idc=useast5"
        },
        user_agent_header=ua,
        subprotocols=[Subprotocol(p) for p in (protocols if protocols is not None else ["echo-protocol"])]
        or None,
        compression=compression,
        ping_interval=None,
        open_timeout=5,
    )


async def enter(fake: FakeTikTok, room_id: int = ROOM) -> ClientConnection:
    """A socket that entered the room, its ``im_enter_room_resp`` already read."""
    ws = await open_ws(fake, room_id)
    await ws.send(wc.enter_room_frame(room_id))
    (first,) = await recv_frames(ws, 1)
    assert codec.decode_frame(first).payload_type == "im_enter_room_resp"
    return ws


async def recv_frames(ws: ClientConnection, count: int, timeout: float = 3.0) -> list[bytes]:
    out: list[bytes] = []
    async with asyncio.timeout(timeout):
        while len(out) < count:
            data = await ws.recv()
            assert isinstance(data, bytes)
            out.append(data)
    return out


async def drain(ws: ClientConnection) -> None:
    """Read what is in flight until nothing arrives for 0.1 s."""
    await asyncio.sleep(0.1)
    while True:
        try:
            await asyncio.wait_for(ws.recv(), 0.1)
        except TimeoutError:
            return


def msg_ids(frame: bytes) -> list[int]:
    """Every ``BaseProtoMessage.msg_id`` of a push frame, ignored methods included."""
    decoded = _pure.decode_frame(frame)
    body = gzip.decompress(decoded.payload)
    ids = []
    for number, _, a, b in _pure._fields(body, 0, len(body)):
        if number == 1:
            ids += [x for n, w, x, _ in _pure._fields(body, a, b) if n == 3 and w == 0]
    return ids


async def wait_for(condition: Callable[[], bool], timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


def room(fake: FakeTikTok, name: str = "alice") -> FakeRoom:
    return fake.rooms[name]


# ---------------------------------------------------------------- web endpoints


def test_live_page() -> None:
    async def body(fake: FakeTikTok) -> None:
        fake.add_room("carol", 7_400_000_000_000_000_789, private=True)
        page = await get(fake, "/@alice/live")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        match = SIGI.search(page.text)
        assert match
        info = json.loads(match.group(1))["LiveRoom"]["liveRoomUserInfo"]
        assert info["user"]["uniqueId"] == "alice" and info["user"]["roomId"] == str(ROOM)
        assert info["user"]["status"] == 2 and info["liveRoom"]["status"] == 2
        assert info["user"]["id"].isdigit() and info["user"]["secUid"] and info["user"]["nickname"]
        assert info["liveRoom"]["liveRoomStats"]["userCount"] > 0 and info["liveRoom"]["startTime"] > 0
        assert info["liveRoom"]["title"]

        offline = json.loads(SIGI.search((await get(fake, "/@bob/live")).text).group(1))  # type: ignore[union-attr]
        assert offline["LiveRoom"]["liveRoomUserInfo"]["user"]["status"] == 4
        assert offline["LiveRoom"]["liveRoomUserInfo"]["liveRoom"]["status"] == 4

        for who in ("nobody", "carol"):  # unknown user; private account: no LiveRoom
            state = json.loads(SIGI.search((await get(fake, f"/@{who}/live")).text).group(1))  # type: ignore[union-attr]
            assert "LiveRoom" not in state

        fake.captcha = True
        captcha = await get(fake, "/@alice/live")
        assert captcha.status_code == 200 and "SIGI_STATE" not in captcha.text and "captcha" in captcha.text

    run(body)


def test_api_live_user_room() -> None:
    async def body(fake: FakeTikTok) -> None:
        fake.add_room("carol", 7_400_000_000_000_000_789, private=True)
        live = (await get(fake, "/api-live/user/room/", uniqueId="alice", sourceType="54", aid="1988")).json()
        assert live["statusCode"] == 0
        assert live["data"]["user"]["roomId"] == str(ROOM) and live["data"]["user"]["status"] == 2
        assert (
            live["data"]["liveRoom"]["status"] == 2 and live["data"]["liveRoom"]["liveRoomStats"]["userCount"]
        )
        offline = (await get(fake, "/api-live/user/room/", uniqueId="bob", sourceType="54")).json()
        assert offline["data"]["liveRoom"]["status"] == 4 and offline["data"]["user"]["status"] == 4
        unknown = (await get(fake, "/api-live/user/room/", uniqueId="nobody", sourceType="54")).json()
        assert unknown == {"statusCode": 19881007, "message": "user_not_found", "data": {}}
        private = (await get(fake, "/api-live/user/room/", uniqueId="carol", sourceType="54")).json()
        assert private["statusCode"] == 0 and private["data"]["user"]["privateAccount"] is True
        assert private["data"]["liveRoom"]["status"] == 4

    run(body)


def test_check_alive_keeps_request_order() -> None:
    async def body(fake: FakeTikTok) -> None:
        ids = f"{OTHER},1234567890123,{ROOM}"
        answer = (await get(fake, "/webcast/room/check_alive/", room_ids=ids, aid="1988")).json()
        assert answer == {
            "status_code": 0,
            "data": [
                {"room_id": OTHER, "room_id_str": str(OTHER), "alive": False},
                {"room_id": 1234567890123, "room_id_str": "1234567890123", "alive": False},
                {"room_id": ROOM, "room_id_str": str(ROOM), "alive": True},
            ],
        }

    run(body)


def test_room_info() -> None:
    async def body(fake: FakeTikTok) -> None:
        info = (await get(fake, "/webcast/room/info/", room_id=str(ROOM), aid="1988")).json()
        assert info["status_code"] == 0
        data = info["data"]
        assert data["id"] == ROOM and data["id_str"] == str(ROOM) and data["status"] == 2
        assert data["owner"]["display_id"] == "alice" and data["owner"]["follow_info"]["follower_count"] > 0
        assert (
            data["owner"]["avatar_thumb"]["url_list"] and data["user_count"] > 0 and data["create_time"] > 0
        )
        urls = data["stream_url"]
        assert urls["hls_pull_url"].endswith(".m3u8")
        assert set(urls["flv_pull_url"]) == set(urls["hls_pull_url_map"]) == {"FULL_HD1", "HD1", "SD1"}
        assert all(u.endswith(".flv") for u in urls["flv_pull_url"].values())
        assert (await get(fake, "/webcast/room/info/", room_id=str(OTHER))).json()["data"]["status"] == 4
        unknown = (await get(fake, "/webcast/room/info/", room_id="42")).json()
        assert unknown == {"status_code": 4003110, "data": {"message": "room not found"}}

    run(body)


def test_unknown_paths_are_404() -> None:
    async def body(fake: FakeTikTok) -> None:
        assert (await get(fake, "/nope")).status_code == 404
        assert (await get(fake, "/webcast/rooms/abc/connect")).status_code == 404
        plain = await get(fake, "/webcast/im/push/v2/", room_id=str(ROOM))
        assert plain.status_code == 400 and plain.headers["Handshake-Msg"] == "not a websocket upgrade"

    run(body)


# ---------------------------------------------------------------- sign server


def test_sign_both_styles() -> None:
    async def body(fake: FakeTikTok) -> None:
        tokens = set()
        for style in ("fetch", "connect"):
            result, ttwid, response = await sign(fake, style=style)
            assert response.headers["content-type"] == "application/x-protobuf"
            assert response.content[:3] != b"\x1f\x8b\x08"  # raw, not gzipped
            assert response.headers["x-room-id"] == str(ROOM)
            cookie = response.headers["x-set-tt-cookie"]
            assert re.fullmatch(
                r"ttwid=[^;,]+; Path=/; Domain=\.tiktok\.com; Max-Age=31536000, "
                r"tt-target-idc=useast5; Path=/; Domain=\.tiktok\.com",
                cookie,
            )
            assert result.push_server == fake.push_url and fake.push_url.startswith("ws://127.0.0.1:")
            assert result.route_params["room_id"] == str(ROOM) and result.route_params["wrss"]
            assert result.cursor and result.internal_ext and result.is_first
            assert result.heartbeat_duration == 10_000
            assert [e["type"] for e in result.events] == ["roomUserSeq"]  # nothing streamed yet
            tokens.add((result.route_params["wrss"], ttwid))
        assert len(tokens) == 2
        assert [r["path"] for r in fake.sign_requests] == ["/webcast/fetch", f"/webcast/rooms/{ROOM}/connect"]
        assert fake.sign_requests[0]["query"]["user_agent"] == UA
        assert fake.sign_requests[1]["query"]["client"] == "test"

        offline, _, _ = await sign(fake, OTHER)
        assert offline.events[-1]["type"] == "streamEnd" and offline.events[-1]["action"] == 3

        async with httpx.AsyncClient(base_url=fake.base_url) as client:
            unknown = await client.get("/webcast/fetch", params={"room_id": "42", "user_agent": UA})
            assert unknown.status_code == 404 and unknown.json() == {"message": "room not found"}
            no_ua = await client.get(f"/webcast/rooms/{ROOM}/connect")
            assert no_ua.status_code == 400

    run(body)


def test_sign_history_repeats_sent_messages() -> None:
    async def body(fake: FakeTikTok) -> None:
        ws = await enter(fake)
        frames = await recv_frames(ws, 12)
        sent = [i for f in frames for i in msg_ids(f)]
        room(fake).go_silent()
        await asyncio.sleep(0.1)
        all_sent = room(fake).sent[0]
        assert all_sent[: len(sent)] == sent
        result, _, response = await sign(fake)
        history = [msg_id for msg_id, _ in _pure_records(response.content)]
        assert history == all_sent[-20:] and len(history) == 20
        decoded = {e["msgId"] for e in result.events if "msgId" in e}
        assert decoded and decoded <= set(all_sent)
        await ws.close()

    run(body)


def _pure_records(body: bytes) -> list[tuple[int, bytes]]:
    out = []
    for number, _, a, b in _pure._fields(body, 0, len(body)):
        if number == 1:
            ids = [x for n, w, x, _ in _pure._fields(body, a, b) if n == 3 and w == 0]
            out.append((ids[0], body[a:b]))
    return out


def test_sign_requires_api_key_when_configured() -> None:
    async def body(fake: FakeTikTok) -> None:
        async with httpx.AsyncClient(base_url=fake.base_url) as client:
            params = {"room_id": str(ROOM), "user_agent": UA}
            missing = await client.get("/webcast/fetch", params=params)
            wrong = await client.get("/webcast/fetch", params=params, headers={"x-api-key": "nope"})
            for answer in (missing, wrong):
                assert answer.status_code == 401 and answer.json()["message"]
        await sign(fake, headers={"x-api-key": "s3cret"})
        assert fake.sign_requests[-1]["headers"]["x-api-key"] == "s3cret"

    run(body, require_api_key="s3cret")


def test_sign_faults() -> None:
    async def body(fake: FakeTikTok) -> None:
        params = {"room_id": str(ROOM), "user_agent": UA}
        async with httpx.AsyncClient(base_url=fake.base_url) as client:
            fake.sign_fault(429, count=2, reset_after=42)
            for _ in range(2):
                limited = await client.get("/webcast/fetch", params=params)
                assert limited.status_code == 429
                assert limited.json()["limit_label"] == "rate_limit_account_minute"
                assert limited.json()["message"]
                assert limited.headers["RateLimit-Remaining"] == "0" and limited.headers["RateLimit-Limit"]
                assert 41 <= int(limited.headers["RateLimit-Reset"]) <= 42
            assert (await client.get("/webcast/fetch", params=params)).status_code == 200

            for status in (401, 402, 403, 500):
                fake.sign_fault(status)
                failed = await client.get("/webcast/fetch", params=params)
                assert failed.status_code == status and failed.json()["message"]
            fake.sign_fault(503, body=b"upstream down")
            assert (await client.get("/webcast/fetch", params=params)).content == b"upstream down"

            fake.sign_fault(429, count=100, reset_after=0.3)  # the limit resets before the count runs out
            assert (await client.get("/webcast/fetch", params=params)).status_code == 429
            await asyncio.sleep(0.35)
            assert (await client.get("/webcast/fetch", params=params)).status_code == 200
        assert [r["status"] for r in fake.sign_requests][-2:] == [429, 200]

    run(body)


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("ratelimit-delta", {"ratelimit-reset": "delta", "ratelimit-remaining": "0"}),
        ("ratelimit-unix", {"ratelimit-reset": "unix", "ratelimit-remaining": "0"}),
        ("retry-after", {"retry-after": "delta"}),
        ("x-ratelimit-reset", {"x-ratelimit-reset": "unix"}),
        (
            "all",
            {
                "ratelimit-reset": "unix",
                "ratelimit-remaining": "0",
                "retry-after": "delta",
                "x-ratelimit-reset": "unix",
            },
        ),
    ],
)
def test_rate_limit_header_forms(form: str, expected: dict[str, str]) -> None:
    async def body(fake: FakeTikTok) -> None:
        fake.sign_fault(429, reset_after=42)
        async with httpx.AsyncClient(base_url=fake.base_url) as client:
            limited = await client.get("/webcast/fetch", params={"room_id": str(ROOM), "user_agent": UA})
        assert limited.status_code == 429
        names = {"ratelimit-reset", "ratelimit-remaining", "retry-after", "x-ratelimit-reset"}
        assert {n for n in names if n in limited.headers} == set(expected)
        for name, kind in expected.items():
            value = int(limited.headers[name])
            if kind == "delta":
                assert 41 <= value <= 42
            elif kind == "unix":
                assert 41 <= value - time.time() <= 43
            else:
                assert value == int(kind)

    run(body, rate_limit_form=form)


def test_unknown_rate_limit_form_is_refused() -> None:
    with pytest.raises(ValueError, match="rate_limit_form"):
        FakeTikTok(rate_limit_form="sometimes")


def test_wrong_acks_and_announced_heartbeat() -> None:
    async def body(fake: FakeTikTok) -> None:
        result, _, _ = await sign(fake)
        assert result.heartbeat_duration == 250
        ws = await enter(fake)
        assert ws.response is not None and ws.response.headers["Handshake-Options"] == "ping-interval=0.25"
        (data,) = await recv_frames(ws, 1)
        frame = codec.decode_frame(data)
        assert frame.result is not None
        await ws.send(wc.ack_frame(frame.log_id + 1, frame.result.internal_ext))  # no such frame
        await ws.send(wc.ack_frame(frame.log_id, "wrong"))  # wrong payload: used up
        await ws.send(wc.ack_frame(frame.log_id, frame.result.internal_ext))  # repeated
        await ws.send(wc.push_frame("whatever", b""))
        await wait_for(lambda: room(fake).acks_bad == 3)
        assert room(fake).acks_ok == 0 and room(fake).client_frames["other"] == 1
        await ws.close()

    run(body, heartbeat=0.25)


def test_euler_anchor_room_id() -> None:
    async def body(fake: FakeTikTok) -> None:
        found = await get(fake, "/webcast/anchors/Alice/room_id")
        assert found.status_code == 200
        assert found.json() == {"ok": True, "code": 200, "room_id": str(ROOM), "is_live": True}
        offline = (await get(fake, "/webcast/anchors/bob/room_id")).json()
        assert offline["room_id"] == str(OTHER) and offline["is_live"] is False
        missing = await get(fake, "/webcast/anchors/nobody/room_id")
        assert missing.status_code == 404 and missing.json()["ok"] is False

    run(body)


def test_bookkeeping_off_keeps_nothing() -> None:
    async def body(fake: FakeTikTok) -> None:
        ws = await enter(fake)
        for frame in await recv_frames(ws, 20):
            decoded = codec.decode_frame(frame)
            if decoded.result is not None:
                await ws.send(wc.ack_frame(decoded.log_id, decoded.result.internal_ext))
        await ws.send(wc.heartbeat_frame(ROOM, 1))
        await wait_for(lambda: room(fake).hb_answers == 1)
        alice = room(fake)
        assert alice.sent == [] and alice.received == []
        assert alice.acks_ok >= 19 and alice.methods  # counters stay: they are bounded
        assert fake.sign_requests == [] and fake.handshakes == []
        assert fake.sign_calls == 1 and alice.accepted == 1 and len(alice.history) <= fake.history
        await ws.close()

    run(body, record=False)


def test_sign_delay() -> None:
    async def body(fake: FakeTikTok) -> None:
        fake.sign_delay(2.0)
        params = {"room_id": str(ROOM), "user_agent": UA}
        async with httpx.AsyncClient(base_url=fake.base_url, timeout=0.3) as client:
            with pytest.raises(httpx.ReadTimeout):
                await client.get("/webcast/fetch", params=params)
            started = time.monotonic()
            assert (await client.get("/webcast/fetch", params=params)).status_code == 200
            assert time.monotonic() - started < 0.3

    run(body)


# ---------------------------------------------------------------- push WebSocket


def test_stream_after_enter_room() -> None:
    async def body(fake: FakeTikTok) -> None:
        ws = await open_ws(fake)
        assert ws.subprotocol == "echo-protocol"
        assert ws.response is not None and ws.response.headers["Handshake-Options"] == "ping-interval=10"
        with pytest.raises(TimeoutError):  # nothing before im_enter_room
            await asyncio.wait_for(ws.recv(), 0.2)
        await ws.send(wc.enter_room_frame(ROOM))
        (resp,) = await recv_frames(ws, 1)
        entered = _pure.decode_frame(resp)
        assert entered.payload_type == "im_enter_room_resp" and entered.headers == {"compress_type": "gzip"}
        first = _pure.decode_fetch_result(gzip.decompress(entered.payload))
        assert first.cursor and not first.events and not first.need_ack and first.heartbeat_duration == 10_000
        frames = await recv_frames(ws, 10)
        events = []
        for data in frames:
            frame = codec.decode_frame(data)
            assert frame.payload_type == "msg" and frame.result is not None and not frame.result.errors
            assert frame.result.need_ack and frame.log_id
            events += frame.result.events
            await ws.send(wc.ack_frame(frame.log_id, frame.result.internal_ext))
        await ws.send(wc.heartbeat_frame(ROOM, 1))
        async with asyncio.timeout(3):
            while (answer := codec.decode_frame(await ws.recv(decode=False))).payload_type != "hb":
                pass
        assert answer.result is None and room(fake).hb_answers == 1
        assert events[0]["type"] == "liveIntro"
        assert {"chat", "gift", "like", "member"} & {e["type"] for e in events}
        arrived = [i for data in frames for i in msg_ids(data)]
        await wait_for(lambda: len(room(fake).received) == 12)
        assert room(fake).sent[0][: len(arrived)] == arrived
        assert {e["msgId"] for e in events} <= set(arrived)
        assert room(fake).connections == 1 and fake.handshakes[-1]["accepted"]

        received = room(fake).received
        assert received[0]["type"] == "im_enter_room"
        assert received[0]["fields"]["room_id"] == ROOM and received[0]["fields"]["identity"] == "audience"
        assert received[0]["fields"]["live_id"] == 12
        acks = [r for r in received if r["type"] == "ack"]
        assert len(acks) == 10 and acks[0]["log_id"] == codec.decode_frame(frames[0]).log_id
        assert acks[0]["fields"]["payload"].startswith("internal_src:dim")
        assert (room(fake).acks_ok, room(fake).acks_bad) == (10, 0)
        assert room(fake).client_frames == {"im_enter_room": 1, "ack": 10, "hb": 1}
        assert received[-1]["type"] == "hb"
        assert received[-1]["fields"] == {"room_id": ROOM, "send_packet_seq_id": 1}
        await ws.close()
        await wait_for(lambda: room(fake).connections == 0)

    run(body)


def test_connections_share_the_room_stream() -> None:
    async def body(fake: FakeTikTok) -> None:
        first = await enter(fake)
        await recv_frames(first, 3)
        second = await enter(fake)
        seen = [i for f in await recv_frames(second, 3) for i in msg_ids(f)]
        sent = room(fake).sent
        assert len(sent) == 2 and sent[1][: len(seen)] == seen
        position = sent[0].index(seen[0])
        assert sent[0][position : position + len(seen)] == seen
        await first.close()
        await second.close()

    run(body)


HANDSHAKE_CASES: dict[str, tuple[dict[str, Any], str]] = {
    "missing token": ({"url_edit": lambda u: re.sub(r"wrss=[^&]*&", "", u)}, "missing wrss token"),
    "unknown token": ({"url_edit": lambda u: re.sub(r"wrss=[^&]*", "wrss=forged", u)}, "unknown wrss token"),
    "wrong cookie": ({"cookie": "ttwid=forged"}, "ttwid cookie missing or wrong"),
    "no cookie": ({"cookie": ""}, "ttwid cookie missing or wrong"),
    "wrong user agent": ({"ua": "curl/8"}, "user agent does not match the signed one"),
    "no gzip": (
        {"url_edit": lambda u: u.replace("compress=gzip", "compress=none")},
        "compress=gzip required",
    ),
    "unknown room": (
        {"url_edit": lambda u: u.replace(f"room_id={ROOM}", "room_id=4242")},
        "room not found",
    ),
    "offline room": (
        {"url_edit": lambda u: u.replace(f"room_id={ROOM}", f"room_id={OTHER}")},
        "room is not live",
    ),
}


@pytest.mark.parametrize("case", sorted(HANDSHAKE_CASES))
def test_handshake_rejections(case: str) -> None:
    options, reason = HANDSHAKE_CASES[case]

    async def body(fake: FakeTikTok) -> None:
        with pytest.raises(InvalidStatus) as caught:
            await open_ws(fake, **options)
        assert caught.value.response.status_code == 400
        assert caught.value.response.headers["Handshake-Msg"] == reason
        assert fake.handshakes[-1]["accepted"] is False and fake.handshakes[-1]["reason"] == reason

    run(body)


@pytest.mark.parametrize(
    ("protocols", "compression", "selected", "extensions"),
    [
        (["echo-protocol"], None, "echo-protocol", ""),
        ([], None, None, ""),  # tiktok-live-connector 2.5 offers none
        ([], "deflate", None, "permessage-deflate"),  # both peers offer permessage-deflate
    ],
)
def test_handshake_leniency(
    protocols: list[str], compression: str | None, selected: str | None, extensions: str
) -> None:
    async def body(fake: FakeTikTok) -> None:
        ws = await open_ws(fake, protocols=protocols, compression=compression)
        assert ws.subprotocol == selected and fake.handshakes[-1]["accepted"]
        assert ws.response is not None
        assert ws.response.headers.get("Sec-WebSocket-Extensions", "").startswith(extensions)
        await ws.send(wc.enter_room_frame(ROOM))
        types = [codec.decode_frame(f).payload_type for f in await recv_frames(ws, 3)]
        assert types == ["im_enter_room_resp", "msg", "msg"]
        await ws.close()

    run(body)


def test_quiet_room_answers_heartbeats_and_silent_room_does_not() -> None:
    async def body(fake: FakeTikTok) -> None:
        ws = await enter(fake)
        room(fake).go_quiet()
        await drain(ws)
        for seq in (1, 2, 3):
            await ws.send(wc.heartbeat_frame(ROOM, seq))
            (data,) = await recv_frames(ws, 1)
            assert data == wc.heartbeat_frame(ROOM, seq)
        room(fake).go_silent()
        await ws.send(wc.heartbeat_frame(ROOM, 4))
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(ws.recv(), 0.3)
        assert room(fake).hb_answers == 3
        await ws.close()

    run(body)


def test_handshake_token_is_one_use_expires_and_belongs_to_its_room() -> None:
    async def body(fake: FakeTikTok) -> None:
        signed = await sign(fake)
        ws = await open_ws(fake, signed=signed)
        with pytest.raises(InvalidStatus) as reused:
            await open_ws(fake, signed=signed)
        assert reused.value.response.headers["Handshake-Msg"] == "wrss token already used"
        await ws.close()

        stale = await sign(fake)
        await asyncio.sleep(0.35)
        with pytest.raises(InvalidStatus) as expired:
            await open_ws(fake, signed=stale)
        assert expired.value.response.headers["Handshake-Msg"] == "wrss token expired"

        fake.add_room("dave", 7_400_000_000_000_000_999)
        foreign = await sign(fake, 7_400_000_000_000_000_999)
        with pytest.raises(InvalidStatus) as other:
            await open_ws(fake, signed=foreign)  # a token of dave's room, used for alice's
        assert other.value.response.headers["Handshake-Msg"] == "wrss token issued for another room"

    run(body, token_ttl=0.3)


def test_reject_handshakes_overrides_everything() -> None:
    async def body(fake: FakeTikTok) -> None:
        fake.reject_handshakes(1, 200, "please retry")
        fake.reject_handshakes(1, 400, "DEVICE_BLOCKED")
        for status, message in ((200, "please retry"), (400, "DEVICE_BLOCKED")):
            with pytest.raises(InvalidStatus) as caught:
                await open_ws(fake)
            assert caught.value.response.status_code == status
            assert caught.value.response.headers["Handshake-Msg"] == message
        ws = await open_ws(fake)  # the override is used up
        assert [h["accepted"] for h in fake.handshakes] == [False, False, True]
        assert [h["status"] for h in fake.handshakes] == [200, 400, 101]
        await ws.close()

    run(body)


def test_heartbeat_timeout_closes_only_silent_clients() -> None:
    async def body(fake: FakeTikTok) -> None:
        started = time.monotonic()
        quiet = await enter(fake)
        beating = await enter(fake)
        assert beating.response is not None
        assert beating.response.headers["Handshake-Options"] == "ping-interval=0.2"

        async def heartbeats() -> None:
            for seq in range(1, 100):
                await beating.send(wc.heartbeat_frame(ROOM, seq))
                await asyncio.sleep(0.1)

        async def reader() -> None:
            async for _ in beating:
                pass

        tasks = [asyncio.create_task(heartbeats()), asyncio.create_task(reader())]
        with pytest.raises(ConnectionClosed):
            while True:
                await quiet.recv()
        assert 0.4 <= time.monotonic() - started < 1.5
        assert quiet.close_code == 1000 and quiet.close_reason == "heartbeat timeout"
        await asyncio.sleep(0.5)
        assert beating.close_code is None and room(fake).connections == 1
        tasks[0].cancel()
        await beating.close()
        await tasks[1]

    run(body, hb_timeout=0.4)


@pytest.mark.parametrize("mid_frame", [False, True])
def test_drop(mid_frame: bool) -> None:
    async def body(fake: FakeTikTok) -> None:
        ws = await enter(fake)
        await recv_frames(ws, 2)
        room(fake).drop(mid_frame=mid_frame)
        with pytest.raises(ConnectionClosedError):
            while True:
                await ws.recv()
        assert ws.close_code is None or ws.close_code == 1006  # no close frame
        await wait_for(lambda: room(fake).connections == 0)
        again = await enter(fake)  # the room keeps streaming to new clients
        await recv_frames(again, 2)
        await again.close()

    run(body)


def test_go_silent() -> None:
    async def body(fake: FakeTikTok) -> None:
        ws = await enter(fake)
        await recv_frames(ws, 2)
        room(fake).go_silent()
        await asyncio.sleep(0.05)
        while True:  # drain what was in flight
            try:
                await asyncio.wait_for(ws.recv(), 0.1)
            except TimeoutError:
                break
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(ws.recv(), 0.4)
        assert room(fake).connections == 1
        room(fake).go_silent(False)
        await recv_frames(ws, 2)
        await ws.close()

    run(body)


@pytest.mark.parametrize("action", [3, 4])
def test_end_stream(action: int) -> None:
    async def body(fake: FakeTikTok) -> None:
        ws = await enter(fake)
        await recv_frames(ws, 2)
        room(fake).end_stream(action)
        last: list[dict[str, Any]] = []
        with pytest.raises(ConnectionClosed):
            while True:
                data = await ws.recv()
                assert isinstance(data, bytes)
                result = codec.decode_frame(data).result
                assert result is not None
                last = result.events
        assert last[-1]["type"] == "streamEnd" and last[-1]["action"] == action
        assert ws.close_code == 1000
        assert room(fake).sent[0][-1] == last[-1]["msgId"]
        alive = (await get(fake, "/webcast/room/check_alive/", room_ids=str(ROOM))).json()
        assert alive["data"][0]["alive"] is False and not room(fake).live
        with pytest.raises(InvalidStatus) as caught:
            await open_ws(fake)
        assert caught.value.response.headers["Handshake-Msg"] == "room is not live"

        room(fake).live = True  # back on air
        again = await enter(fake)
        events = [e for f in await recv_frames(again, 2) for e in codec.decode_frame(f).result.events]  # type: ignore[union-attr]
        assert events and all(e["type"] != "streamEnd" for e in events)
        room(fake).live = False  # the setter ends the stream too
        with pytest.raises(ConnectionClosed):
            while True:
                await again.recv()
        assert again.close_code == 1000

    run(body)


def test_scenario_end_closes_the_stream() -> None:
    async def body(fake: FakeTikTok) -> None:
        fake.add_room("short", 7_400_000_000_000_000_777, scenario=dataclasses.replace(FAST, duration=0.3))
        ws = await enter(fake, 7_400_000_000_000_000_777)
        types = []
        with pytest.raises(ConnectionClosed):
            while True:
                data = await ws.recv()
                assert isinstance(data, bytes)
                types += [e["type"] for e in codec.decode_frame(data).result.events]  # type: ignore[union-attr]
        assert types[-1] == "streamEnd" and ws.close_code == 1000
        assert not fake.rooms["short"].live

    run(body)


def test_send_malformed_between_good_frames() -> None:
    async def body(fake: FakeTikTok) -> None:
        ws = await enter(fake)
        await recv_frames(ws, 1)
        room(fake).send_malformed(3)
        frames = await recv_frames(ws, 12)
        outcomes = []
        for data in frames:
            for impl in codec.implementations().values():
                try:
                    result = impl.decode_frame(data).result
                except DecodeError:
                    outcome = "rejected"
                else:
                    assert result is not None
                    outcome = "inner error" if result.errors else "good"
            outcomes.append(outcome)  # both implementations agree (last one kept)
        while outcomes[0] == "good":  # frames already in flight
            outcomes.pop(0)
        assert outcomes[:6] == ["rejected", "good", "rejected", "good", "inner error", "good"]
        assert len(room(fake).sent[0]) == len({i for i in room(fake).sent[0]})  # bad frames not recorded
        await ws.close()

    run(body)


def test_garbage_from_the_client_is_recorded() -> None:
    async def body(fake: FakeTikTok) -> None:
        ws = await enter(fake)
        await ws.send(b"\xff\xff\xff")
        await ws.send("hello")
        await ws.send(wc.push_frame("", b"x"))
        await recv_frames(ws, 3)  # still streaming
        await wait_for(lambda: len(room(fake).received) == 4)
        kinds = [r["type"] for r in room(fake).received]
        assert kinds == ["im_enter_room", "invalid", "invalid", "invalid"]
        await ws.close()

    run(body)


def test_push_arbitrary_frame() -> None:
    async def body(fake: FakeTikTok) -> None:
        ws = await enter(fake)
        room(fake).go_silent()
        await drain(ws)
        chat = wc.inner("WebcastChatMessage", b"", 123456789)
        frame = wc.push_frame(
            "msg", wc.fetch_result([chat], cursor="c", now=1, internal_ext="x"), seq_id=99, compress=True
        )
        room(fake).push(frame)
        assert await asyncio.wait_for(ws.recv(), 2) == frame
        assert room(fake).sent[0][-1] == 123456789
        sent, history = len(room(fake).sent[0]), len(room(fake).history)
        room(fake).push(frame, track=False)  # benchmarks: sent as is, not decoded nor kept
        assert await asyncio.wait_for(ws.recv(), 2) == frame
        assert (len(room(fake).sent[0]), len(room(fake).history)) == (sent, history)
        await ws.close()

    run(body)
