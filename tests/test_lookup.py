"""bridge.upstream.lookup: room id, check_alive and room_info against mocked TikTok answers."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import httpx
import pytest

from bridge.errors import (
    BlockedError,
    LiveError,
    LookupFailedError,
    PrivateRoomError,
    UserNotFoundError,
    UserOfflineError,
)
from bridge.upstream.browser import Browser
from bridge.upstream.lookup import RoomInfo, StreamUrl, WebClient
from bridge.upstream.tiktok import DEFAULT_USER_AGENT, base_params

T = TypeVar("T")
Handler = Callable[[httpx.Request], httpx.Response]

WEB = "https://www.tiktok.com"
WEBCAST = "https://webcast.tiktok.com"
SESSION = "s3cr3t-session-0123456789abcdef"


class Recorder:
    """An httpx.MockTransport handler that routes by path and remembers every request."""

    def __init__(self, routes: dict[str, Handler]) -> None:
        self.routes = routes
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        handler = self.routes.get(request.url.path)
        if handler is None:
            return httpx.Response(404, text="no route")
        return handler(request)

    def paths(self) -> list[str]:
        return [r.url.path for r in self.requests]


def run(
    routes: dict[str, Handler] | Recorder, call: Callable[[WebClient], Coroutine[Any, Any, T]], **kwargs: Any
) -> T:
    """Run ``call`` on a WebClient whose network is ``routes``."""
    recorder = routes if isinstance(routes, Recorder) else Recorder(routes)

    async def main() -> T:
        async with WebClient(transport=httpx.MockTransport(recorder), **kwargs) as client:
            return await call(client)

    return asyncio.run(main())


def sigi_page(state: dict[str, Any]) -> httpx.Response:
    html = (
        "<html><head></head><body><div>live</div>"
        f'<script id="SIGI_STATE" type="application/json">{json.dumps(state)}</script>'
        "</body></html>"
    )
    return httpx.Response(200, text=html, headers={"content-type": "text/html"})


def sigi_user(room_id: str, status: int = 2) -> dict[str, Any]:
    return {"LiveRoom": {"liveRoomUserInfo": {"user": {"roomId": room_id, "status": status}}}}


def api_live(
    room_id: str = "", *, status: int = 2, private: bool = False, live_status: int | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {"user": {"roomId": room_id, "status": status, "privateAccount": private}}
    if live_status is not None:
        data["liveRoom"] = {"status": live_status}
    return {"data": data, "message": "", "statusCode": 0}


CAPTCHA = httpx.Response(200, text="<html><body>Please verify you are human</body></html>")
PAGE = "/@someone/live"
API = "/api-live/user/room/"


def page(response: httpx.Response | dict[str, Any]) -> Handler:
    return lambda _: sigi_page(response) if isinstance(response, dict) else response


def answer(body: Any, status: int = 200) -> Handler:
    return lambda _: httpx.Response(status, json=body)


# -- room_id ---------------------------------------------------------------------------------------


def test_room_id_from_sigi_state() -> None:
    rec = Recorder({PAGE: page(sigi_user("7412345678901234567")), API: answer(api_live("1"))})
    assert run(rec, lambda c: c.room_id("someone")) == 7412345678901234567
    assert rec.paths() == [PAGE]
    assert rec.requests[0].url.query == b""  # the page is fetched without a query


def test_room_id_strips_at() -> None:
    rec = Recorder({PAGE: page(sigi_user("42"))})
    assert run(rec, lambda c: c.room_id("@someone")) == 42
    assert rec.paths() == [PAGE]


def test_sigi_offline_does_not_fall_back() -> None:
    rec = Recorder({PAGE: page(sigi_user("", status=4)), API: answer(api_live("99"))})
    with pytest.raises(UserOfflineError) as info:
        run(rec, lambda c: c.room_id("someone"))
    assert info.value.reason == "offline"
    assert API not in rec.paths()


def test_no_live_room_falls_back_to_api() -> None:
    rec = Recorder({PAGE: page({"AppContext": {}}), API: answer(api_live("7000000000000000001"))})
    assert run(rec, lambda c: c.room_id("someone")) == 7000000000000000001
    assert rec.paths() == [PAGE, API]
    query = rec.requests[1].url.params
    assert query["uniqueId"] == "someone"
    assert query["sourceType"] == "54"
    for key, value in base_params().items():
        assert query[key] == value


def test_sigi_without_room_id_falls_back() -> None:
    rec = Recorder({PAGE: page(sigi_user("")), API: answer(api_live("55"))})
    assert run(rec, lambda c: c.room_id("someone")) == 55


def test_captcha_page_falls_back() -> None:
    rec = Recorder({PAGE: page(CAPTCHA), API: answer(api_live("77"))})
    assert run(rec, lambda c: c.room_id("someone")) == 77
    assert rec.paths() == [PAGE, API]


@pytest.mark.parametrize(
    "fallback",
    [
        lambda _: httpx.Response(200, text="<html>captcha</html>"),
        lambda _: httpx.Response(403, text="denied"),
        lambda _: httpx.Response(200, json={"data": {}, "statusCode": 10000, "message": "verify"}),
    ],
    ids=["not-json", "403", "no-user"],
)
def test_captcha_page_and_failed_fallback_is_blocked(fallback: Handler) -> None:
    rec = Recorder({PAGE: page(CAPTCHA), API: fallback})
    with pytest.raises(BlockedError) as info:
        run(rec, lambda c: c.room_id("someone"))
    assert info.value.reason == "blocked"
    assert "captcha/block page" in str(info.value)


@pytest.mark.parametrize(
    "body",
    [
        {"data": {}, "message": "user_not_found", "statusCode": 19881007},
        {"message": "user_not_found"},
        {"statusCode": 19881007},
    ],
)
def test_user_not_found(body: dict[str, Any]) -> None:
    rec = Recorder({PAGE: page({"AppContext": {}}), API: answer(body)})
    with pytest.raises(UserNotFoundError) as info:
        run(rec, lambda c: c.room_id("someone"))
    assert info.value.reason == "user_not_found"
    assert not info.value.retryable


def test_user_not_found_wins_over_captcha_page() -> None:
    rec = Recorder({PAGE: page(CAPTCHA), API: answer({"message": "user_not_found"})})
    with pytest.raises(UserNotFoundError):
        run(rec, lambda c: c.room_id("someone"))


def test_private_account() -> None:
    rec = Recorder({PAGE: page(CAPTCHA), API: answer(api_live("", private=True))})
    with pytest.raises(PrivateRoomError) as info:
        run(rec, lambda c: c.room_id("someone"))
    assert info.value.reason == "private"


def test_private_account_that_is_live_gives_room() -> None:
    rec = Recorder({PAGE: page(CAPTCHA), API: answer(api_live("88", private=True))})
    assert run(rec, lambda c: c.room_id("someone")) == 88


@pytest.mark.parametrize(
    "body",
    [api_live("", status=4), api_live("123", live_status=4), api_live("")],
    ids=["user-status-4", "live-room-ended", "no-room"],
)
def test_api_live_offline(body: dict[str, Any]) -> None:
    rec = Recorder({PAGE: page({"AppContext": {}}), API: answer(body)})
    with pytest.raises(UserOfflineError):
        run(rec, lambda c: c.room_id("someone"))


def test_403_on_both_is_blocked() -> None:
    rec = Recorder({PAGE: lambda _: httpx.Response(403), API: lambda _: httpx.Response(403)})
    with pytest.raises(BlockedError):
        run(rec, lambda c: c.room_id("someone"))


def test_429_from_api_is_blocked() -> None:
    rec = Recorder({PAGE: page({"AppContext": {}}), API: lambda _: httpx.Response(429)})
    with pytest.raises(BlockedError) as info:
        run(rec, lambda c: c.room_id("someone"))
    assert "429" in str(info.value)


def test_403_page_then_api_ok() -> None:
    rec = Recorder({PAGE: lambda _: httpx.Response(403), API: answer(api_live("5"))})
    assert run(rec, lambda c: c.room_id("someone")) == 5


def test_non_json_fallback_is_lookup_failed() -> None:
    rec = Recorder({PAGE: page({"AppContext": {}}), API: lambda _: httpx.Response(200, text="oops")})
    with pytest.raises(LookupFailedError) as info:
        run(rec, lambda c: c.room_id("someone"))
    assert info.value.reason == "lookup_failed"
    assert info.value.retryable


def refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def time_out(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out", request=request)


@pytest.mark.parametrize("fail", [refuse, time_out], ids=["connect", "timeout"])
def test_transport_error_is_lookup_failed(fail: Handler) -> None:
    rec = Recorder({PAGE: fail, API: fail})
    with pytest.raises(LookupFailedError) as info:
        run(rec, lambda c: c.room_id("someone"), session_id=SESSION)
    assert info.value.retryable
    assert "www.tiktok.com" in str(info.value)
    assert SESSION not in str(info.value)
    assert rec.paths() == [PAGE, API]


@pytest.mark.parametrize("fail", [refuse, time_out], ids=["connect", "timeout"])
def test_transport_error_on_webcast_is_lookup_failed(fail: Handler) -> None:
    rec = Recorder({"/webcast/room/info/": fail, "/webcast/room/check_alive/": fail})
    with pytest.raises(LookupFailedError):
        run(rec, lambda c: c.room_info(1))
    with pytest.raises(LookupFailedError):
        run(rec, lambda c: c.check_alive([1]))


# -- headers and params ----------------------------------------------------------------------------


def cookie_of(request: httpx.Request) -> dict[str, str]:
    pairs = (p.strip().partition("=") for p in request.headers.get("cookie", "").split(";") if p.strip())
    return {k: v for k, _, v in pairs}


def check_headers(request: httpx.Request) -> None:
    assert request.headers["user-agent"] == DEFAULT_USER_AGENT
    assert request.headers["referer"] == "https://www.tiktok.com/"
    assert request.headers["origin"] == "https://www.tiktok.com"
    assert request.headers["accept"] == "text/html,application/json,application/protobuf"
    # what tiktok-live-connector 2.5 sends besides: a browser's language, fetch metadata, no cache
    assert request.headers["accept-language"] == "en-US,en;q=0.9"
    assert request.headers["cache-control"] == "max-age=0"
    assert (request.headers["sec-fetch-site"], request.headers["sec-fetch-mode"]) == ("same-site", "cors")
    assert request.headers["sec-fetch-dest"] == "empty" and request.headers["sec-fetch-ua-mobile"] == "?0"


def test_headers_and_params_without_session() -> None:
    rec = Recorder(
        {
            PAGE: page({}),
            API: answer(api_live("9")),
            "/webcast/room/check_alive/": answer({"status_code": 0, "data": []}),
        }
    )

    async def calls(client: WebClient) -> None:
        await client.room_id("someone")
        await client.check_alive([1])

    run(rec, calls)
    assert len(rec.requests) == 3
    for request in rec.requests:
        check_headers(request)
        assert cookie_of(request) == {"tt-target-idc": "useast1a"}
    for request in rec.requests[1:]:
        params = request.url.params
        for key, value in base_params().items():
            assert params[key] == value
        # the parameters both peers send (TikTokLive 7.0.1, tiktok-live-connector 2.5)
        for key in ("channel", "data_collection_enabled", "os", "priority_region", "region", "msToken"):
            assert key in params
        assert params["referer"] == params["root_referer"] == "https://www.tiktok.com/"
        assert params["browser_version"] == DEFAULT_USER_AGENT.split("Mozilla/", 1)[1]
        device_id = params["device_id"]
        assert len(device_id) == 19 and device_id.isdigit()
    assert rec.requests[0].url.host == "www.tiktok.com"
    assert rec.requests[2].url.host == "webcast.tiktok.com"


def test_session_cookie_when_set() -> None:
    rec = Recorder({"/webcast/room/check_alive/": answer({"status_code": 0, "data": []})})
    run(rec, lambda c: c.check_alive([1]), session_id=SESSION)
    assert cookie_of(rec.requests[0]) == {"tt-target-idc": "useast1a", "sessionid": SESSION}
    assert SESSION not in str(rec.requests[0].url)


def test_custom_bases_and_browser() -> None:
    rec = Recorder({PAGE: page({}), API: answer(api_live("3"))})
    browser = Browser("Mozilla/5.0 (Macintosh; UA/1)", "de-DE", "Europe/Vienna", (2560, 1440))
    result = run(rec, lambda c: c.room_id("someone"), web_base="http://127.0.0.1:9/", browser=browser)
    assert result == 3
    assert str(rec.requests[0].url) == "http://127.0.0.1:9/@someone/live"
    assert rec.requests[0].headers["user-agent"] == browser.user_agent
    assert rec.requests[0].headers["accept-language"] == "de-DE,de;q=0.9"
    params = rec.requests[1].url.params
    assert (params["browser_language"], params["app_language"], params["tz_name"]) == (
        "de-DE",
        "de",
        "Europe/Vienna",
    )
    assert (params["browser_platform"], params["os"], params["region"]) == ("MacIntel", "mac", "DE")
    assert (params["screen_width"], params["screen_height"]) == ("2560", "1440")
    assert params["browser_version"] == "5.0 (Macintosh; UA/1)"


# -- check_alive -----------------------------------------------------------------------------------


def alive_handler(live: set[int], omit: frozenset[int] | set[int] = frozenset()) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        ids = [int(x) for x in request.url.params["room_ids"].split(",")]
        data = [
            {"room_id": i, "room_id_str": str(i), "alive": i in live} for i in reversed(ids) if i not in omit
        ]
        return httpx.Response(200, json={"status_code": 0, "data": data})

    return handler


def test_check_alive_batches() -> None:
    ids = [7_000_000_000_000_000_000 + i for i in range(120)]
    live = set(ids[::3])
    omit = {ids[5], ids[60], ids[119]}
    rec = Recorder({"/webcast/room/check_alive/": alive_handler(live | {ids[60]}, omit)})
    result = run(rec, lambda c: c.check_alive(ids))
    assert len(rec.requests) == 3
    batches = [r.url.params["room_ids"].split(",") for r in rec.requests]
    assert [len(b) for b in batches] == [50, 50, 20]
    assert [int(x) for b in batches for x in b] == ids
    assert list(result) == ids
    assert result == {i: (i in live and i not in omit) for i in ids}
    for request in rec.requests:
        assert len(request.url.params["device_id"]) == 19


def test_check_alive_uses_room_id_str_over_lossy_number() -> None:
    big = 7_412_345_678_901_234_567

    def handler(_: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            text='{"status_code":0,"data":[{"room_id":7412345678901234000,'
            '"room_id_str":"7412345678901234567","alive":true}]}',
        )

    assert run({"/webcast/room/check_alive/": handler}, lambda c: c.check_alive([big])) == {big: True}


def test_check_alive_room_id_only() -> None:
    body = {"status_code": 0, "data": [{"room_id": 11, "alive": True}]}
    assert run({"/webcast/room/check_alive/": answer(body)}, lambda c: c.check_alive([11, 12])) == {
        11: True,
        12: False,
    }


def test_check_alive_empty_makes_no_request() -> None:
    rec = Recorder({})
    assert run(rec, lambda c: c.check_alive([])) == {}
    assert rec.requests == []


def test_check_alive_dedupes() -> None:
    rec = Recorder({"/webcast/room/check_alive/": alive_handler({1})})
    assert run(rec, lambda c: c.check_alive([1, 2, 1])) == {1: True, 2: False}
    assert rec.requests[0].url.params["room_ids"] == "1,2"


@pytest.mark.parametrize(
    "handler",
    [
        answer({"status_code": 10011, "data": {"message": "params error"}}),
        answer({"status_code": 0, "data": {"x": 1}}),
        lambda _: httpx.Response(200, text="<html>"),
        answer([1, 2]),
        lambda _: httpx.Response(500, text="boom"),
    ],
    ids=["status-code", "data-not-list", "not-json", "not-object", "500"],
)
def test_check_alive_errors(handler: Handler) -> None:
    with pytest.raises(LookupFailedError):
        run({"/webcast/room/check_alive/": handler}, lambda c: c.check_alive([1]))


def test_check_alive_403_is_blocked() -> None:
    with pytest.raises(BlockedError):
        run({"/webcast/room/check_alive/": lambda _: httpx.Response(403)}, lambda c: c.check_alive([1]))


# -- room_info -------------------------------------------------------------------------------------

INFO: dict[str, Any] = {
    "status_code": 0,
    "data": {
        "id": 7412345678901234000,
        "id_str": "7412345678901234567",
        "status": 2,
        "title": "Speedrun night",
        "user_count": 1234,
        "create_time": 1750000000,
        "owner": {
            "id": 6800000000000000000,
            "id_str": "6812345678901234567",
            "display_id": "someone",
            "nickname": "Some One",
            "follow_info": {"follower_count": 98765},
            "avatar_thumb": {"url_list": ["https://p16.example/a.webp", "https://p19.example/a.jpeg"]},
        },
        "stream_url": {
            "hls_pull_url": "https://pull.example/stream/index.m3u8",
            "flv_pull_url": {
                "SD1": "https://pull.example/sd.flv",
                "FULL_HD1": "https://pull.example/fhd.flv",
                "HD1": "https://pull.example/hd.flv",
                "LD": "https://pull.example/ld.flv",
            },
            "hls_pull_url_map": {
                "HD1": "https://pull.example/hd.m3u8",
                "ORIGIN": "https://pull.example/origin.m3u8",
            },
        },
    },
}


def test_room_info() -> None:
    rec = Recorder({"/webcast/room/info/": answer(INFO)})
    info = run(rec, lambda c: c.room_info(7412345678901234567))
    assert info == RoomInfo(
        room_id=7412345678901234567,
        unique_id="someone",
        nickname="Some One",
        title="Speedrun night",
        viewers=1234,
        start_time=1750000000,
        alive=True,
        owner_id=6812345678901234567,
        followers=98765,
        avatar="https://p16.example/a.webp",
        streams=(
            StreamUrl("FULL_HD1", flv="https://pull.example/fhd.flv"),
            StreamUrl("HD1", flv="https://pull.example/hd.flv", hls="https://pull.example/hd.m3u8"),
            StreamUrl("SD1", flv="https://pull.example/sd.flv"),
            StreamUrl("LD", flv="https://pull.example/ld.flv"),
            StreamUrl("ORIGIN", hls="https://pull.example/origin.m3u8"),
        ),
    )
    params = rec.requests[0].url.params
    assert params["room_id"] == "7412345678901234567"
    assert params["aid"] == "1988"
    check_headers(rec.requests[0])


def test_room_info_ended_with_lone_hls() -> None:
    body = {
        "status_code": 0,
        "data": {
            "id_str": "5",
            "status": 4,
            "owner": {"id": 9, "display_id": "x"},
            "stream_url": {"hls_pull_url": "https://pull.example/x.m3u8"},
        },
    }
    info = run({"/webcast/room/info/": answer(body)}, lambda c: c.room_info(5))
    assert info.alive is False
    assert info.owner_id == 9
    assert info.streams == (StreamUrl("default", hls="https://pull.example/x.m3u8"),)
    assert info.avatar == "" and info.followers == 0


def test_room_info_minimal() -> None:
    info = run(
        {"/webcast/room/info/": answer({"status_code": 0, "data": {"status": 2}})}, lambda c: c.room_info(8)
    )
    assert info == RoomInfo(room_id=8, alive=True)


@pytest.mark.parametrize(
    "body",
    [
        {"status_code": 4003110, "data": {"message": "room does not exist"}},
        {"status_code": 0},
        {"status_code": 0, "data": {}},
    ],
    ids=["4003110", "no-data", "empty-data"],
)
def test_room_info_not_found(body: dict[str, Any]) -> None:
    with pytest.raises(UserNotFoundError, match="room not found"):
        run({"/webcast/room/info/": answer(body)}, lambda c: c.room_info(1))


def test_room_info_other_status_code() -> None:
    with pytest.raises(LookupFailedError):
        run({"/webcast/room/info/": answer({"status_code": 10011, "data": {}})}, lambda c: c.room_info(1))


def test_errors_never_mention_the_session() -> None:
    cases: list[tuple[dict[str, Handler], Callable[[WebClient], Coroutine[Any, Any, Any]]]] = [
        ({PAGE: page(CAPTCHA), API: lambda _: httpx.Response(403)}, lambda c: c.room_id("someone")),
        ({PAGE: page({}), API: answer({"message": "user_not_found"})}, lambda c: c.room_id("someone")),
        ({PAGE: page(sigi_user("", 4))}, lambda c: c.room_id("someone")),
        ({"/webcast/room/info/": lambda _: httpx.Response(200, text="x")}, lambda c: c.room_info(1)),
        ({"/webcast/room/check_alive/": refuse}, lambda c: c.check_alive([1])),
    ]
    for routes, call in cases:
        with pytest.raises(LiveError) as info:
            run(routes, call, session_id=SESSION)
        assert SESSION not in str(info.value)
        assert "sessionid" not in str(info.value)


# -- against the embedded fake TikTok --------------------------------------------------------------


def fake_run(call: Callable[[Any, WebClient], Coroutine[Any, Any, T]]) -> T:
    """Run ``call(fake, client)`` with a WebClient pointed at a started FakeTikTok."""
    from bridge.sim.faketiktok import FakeTikTok

    async def main() -> T:
        async with FakeTikTok() as fake:
            fake.add_room("streamer", 7_400_000_000_000_000_123)
            fake.add_room("sleepy", 7_400_000_000_000_000_456, live=False)
            fake.add_room("hidden", 7_400_000_000_000_000_789, private=True)
            async with WebClient(web_base=fake.base_url, webcast_base=fake.base_url, timeout=5) as client:
                return await call(fake, client)

    return asyncio.run(main())


def test_fake_room_id() -> None:
    async def call(fake: Any, client: WebClient) -> None:
        assert await client.room_id("streamer") == 7_400_000_000_000_000_123
        assert await client.room_id("@Streamer") == 7_400_000_000_000_000_123
        with pytest.raises(UserOfflineError):
            await client.room_id("sleepy")
        with pytest.raises(PrivateRoomError):
            await client.room_id("hidden")
        with pytest.raises(UserNotFoundError):
            await client.room_id("nobody_here")
        fake.captcha = True
        assert await client.room_id("streamer") == 7_400_000_000_000_000_123  # via api-live

    fake_run(call)


def test_fake_check_alive() -> None:
    async def call(fake: Any, client: WebClient) -> dict[int, bool]:
        return await client.check_alive([7_400_000_000_000_000_123, 7_400_000_000_000_000_456, 5])

    assert fake_run(call) == {7_400_000_000_000_000_123: True, 7_400_000_000_000_000_456: False, 5: False}


def test_fake_room_info() -> None:
    async def call(fake: Any, client: WebClient) -> tuple[RoomInfo, Any]:
        info = await client.room_info(7_400_000_000_000_000_123)
        with pytest.raises(UserNotFoundError):
            await client.room_info(1)
        return info, fake.room_by_id(7_400_000_000_000_000_123)

    info, room = fake_run(call)
    assert info.room_id == 7_400_000_000_000_000_123
    assert info.unique_id == "streamer"
    assert info.nickname == room.nickname
    assert info.title == room.title
    assert info.alive is True
    assert info.owner_id == room.user_id
    assert info.followers == room.followers
    assert info.viewers == room.viewers
    assert info.start_time == room.start_time
    assert info.avatar.startswith("https://")
    assert [s.quality for s in info.streams] == ["FULL_HD1", "HD1", "SD1"]
    assert all(s.flv.endswith(".flv") and s.hls.endswith(".m3u8") for s in info.streams)


@pytest.mark.parametrize(
    "value",
    [2**63, 2**64, -(2**63) - 1, float("nan"), float("inf"), "9" * 25, "99999999999999999999", "١٢٣", [], {}],
)
def test_hostile_json_numbers_read_as_absent(value: object) -> None:
    """Ids from TikTok's JSON outside int64 (or NaN, which Python's json accepts) read as 0: absent."""
    from bridge.upstream.lookup import _int

    assert _int(value) == 0


def test_json_numbers_in_range_are_kept() -> None:
    from bridge.upstream.lookup import _int

    assert [_int(v) for v in (7, "7", " 42 ", 2**63 - 1, str(2**63 - 1), 3.9, True)] == [
        7,
        7,
        42,
        2**63 - 1,
        2**63 - 1,
        3,
        1,
    ]
