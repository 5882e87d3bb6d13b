"""bridge.upstream.signing: the Euler-Stream-compatible signer against mocked sign-server answers."""

from __future__ import annotations

import asyncio
import gzip
import time
from collections.abc import Callable
from typing import Any, Literal

import httpx
import pytest

import bridge
from bridge.codec import webcast
from bridge.config import SIGN_BASE
from bridge.errors import SignAuthError, SignError, SignRateLimitError, remember_secret, scrub
from bridge.sim.faketiktok import RATE_LIMIT_FORMS
from bridge.upstream.signing import (
    SESSION_HOST_ENV,
    EulerSigner,
    SignedConnection,
    SignProvider,
    parse_tt_cookies,
    session_opt_in,
)
from bridge.upstream.tiktok import DEFAULT_USER_AGENT

Handler = Callable[[httpx.Request], httpx.Response]

API_KEY = "euler_SECRETKEY_0123456789abcdef"
SESSION = "tiktok-session-fedcba9876543210"
ROOM = 7412345678901234567
PUSH = "wss://webcast-ws.tiktok.com/webcast/im/push/v2/"
COOKIE = (
    "ttwid=1%7Cabc%7C1750000000%7Cdef; Path=/; Domain=tiktok.com; Max-Age=31536000; HttpOnly; Secure, "
    "tt-target-idc=useast5; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Secure"
)


def body(
    *, cursor: str = "c-1", push_server: str = PUSH, route_params: dict[str, str] | None = None
) -> bytes:
    return webcast.fetch_result(
        [],
        cursor=cursor,
        now=1_750_000_000_000,
        internal_ext="ext",
        push_server=push_server,
        route_params=route_params if route_params is not None else {"wrss": "abc"},
    )


def ok(
    content: bytes | None = None, *, cookie: str | None = COOKIE, extra: dict[str, str] | None = None
) -> Handler:
    def handler(_: httpx.Request) -> httpx.Response:
        headers = {"content-type": "application/protobuf", **(extra or {})}
        if cookie is not None:
            headers["x-set-tt-cookie"] = cookie
        return httpx.Response(200, content=body() if content is None else content, headers=headers)

    return handler


class Recorder:
    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.handler(request)


def sign(
    handler: Handler | Recorder, room_id: int = ROOM, cursor: str = "", **kwargs: Any
) -> SignedConnection:
    async def main() -> SignedConnection:
        async with EulerSigner(transport=httpx.MockTransport(handler), **kwargs) as signer:
            return await signer.sign(room_id, cursor=cursor)

    return asyncio.run(main())


def sign_error(handler: Handler, **kwargs: Any) -> SignError:
    """The SignError signing raises; checks it names no secret."""
    kwargs.setdefault("api_key", API_KEY)
    with pytest.raises(SignError) as info:
        sign(handler, **kwargs)
    error = info.value
    for secret in (API_KEY, SESSION, "1%7Cabc", "useast5"):
        assert secret not in str(error)
        assert secret not in repr(error.args)
    return error


# -- requests --------------------------------------------------------------------------------------


def test_connect_style_request() -> None:
    rec = Recorder(ok())
    signed = sign(rec, api_key=API_KEY)
    (request,) = rec.requests
    assert request.method == "GET"
    assert request.url.host == httpx.URL(SIGN_BASE).host
    assert request.url.path == f"/webcast/rooms/{ROOM}/connect"
    assert dict(request.url.params) == {
        "client": "tiktok-live-bridge",
        "user_agent": DEFAULT_USER_AGENT,
        "platform": "web",
        "client_enter": "true",
    }
    assert request.headers["user-agent"] == f"tiktok-live-bridge/{bridge.__version__}"
    assert request.headers["accept"] == "application/protobuf,application/json"
    assert request.headers["x-api-key"] == API_KEY
    assert "x-cookie-header" not in request.headers
    assert signed.user_agent == DEFAULT_USER_AGENT
    assert signed.room_id == ROOM


def test_fetch_style_request() -> None:
    rec = Recorder(ok())
    sign(
        rec,
        cursor="cur-9",
        style="fetch",
        base_url="http://signer.local:8080/",
        user_agent="UA/2",
        client_name="mygame",
    )
    (request,) = rec.requests
    assert str(request.url).startswith("http://signer.local:8080/webcast/fetch?")
    assert dict(request.url.params) == {
        "client": "mygame",
        "room_id": str(ROOM),
        "user_agent": "UA/2",
        "platform": "web",
        "client_enter": "true",
        "cursor": "cur-9",
    }
    assert "x-api-key" not in request.headers


def test_connect_style_cursor() -> None:
    rec = Recorder(ok())
    sign(rec, cursor="abc")
    assert rec.requests[0].url.params["cursor"] == "abc"
    assert "room_id" not in rec.requests[0].url.params


def test_bad_style() -> None:
    with pytest.raises(ValueError):
        EulerSigner(style="post")  # type: ignore[arg-type]


def test_sign_provider_protocol() -> None:
    async def main() -> None:
        async with EulerSigner() as signer:
            provider: SignProvider = signer
            assert callable(provider.sign)

    asyncio.run(main())


# -- success ---------------------------------------------------------------------------------------


def test_signed_connection() -> None:
    signed = sign(ok(extra={"x-room-id": "7000000000000000009"}))
    assert signed.result.push_server == PUSH
    assert signed.result.cursor == "c-1"
    assert signed.result.internal_ext == "ext"
    assert signed.result.route_params == {"wrss": "abc"}
    assert signed.cookies == {"ttwid": "1%7Cabc%7C1750000000%7Cdef", "tt-target-idc": "useast5"}
    assert signed.room_id == 7000000000000000009


def test_gzip_body() -> None:
    signed = sign(ok(gzip.compress(body(cursor="gz"))))
    assert signed.result.cursor == "gz"


def test_several_cookie_headers() -> None:
    def handler(_: httpx.Request) -> httpx.Response:
        headers = [("x-set-tt-cookie", "ttwid=a; Path=/"), ("x-set-tt-cookie", 'msToken="b"; Secure')]
        return httpx.Response(200, content=body(), headers=headers)

    assert sign(handler).cookies == {"ttwid": "a", "msToken": "b"}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("a=1", {"a": "1"}),
        ("a=1, b=2", {"a": "1", "b": "2"}),
        ("a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Path=/, b=2", {"a": "1", "b": "2"}),
        ("a=1; expires=Thu, 01-Jan-2026 00:00:00 GMT, b=x=y; HttpOnly", {"a": "1", "b": "x=y"}),
        ('a="quoted"; Secure,b=3', {"a": "quoted", "b": "3"}),
        ("", {}),
        ("garbage; Path=/", {}),
    ],
)
def test_parse_tt_cookies(header: str, expected: dict[str, str]) -> None:
    assert parse_tt_cookies([header]) == expected


# -- session id opt-in -----------------------------------------------------------------------------


def test_session_id_needs_opt_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WHITELIST_AUTHENTICATED_SESSION_ID_HOST", raising=False)
    rec = Recorder(ok())
    error = sign_error(rec, session_id=SESSION)
    assert "WHITELIST_AUTHENTICATED_SESSION_ID_HOST" in str(error)
    assert not error.retryable
    assert rec.requests == []


def test_session_id_other_host_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHITELIST_AUTHENTICATED_SESSION_ID_HOST", "evil.example")
    rec = Recorder(ok())
    sign_error(rec, session_id=SESSION)
    assert rec.requests == []


def test_session_id_whitelisted_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHITELIST_AUTHENTICATED_SESSION_ID_HOST", "api.eulerstream.com")
    rec = Recorder(ok())
    sign(rec, session_id=SESSION)
    assert rec.requests[0].headers["x-cookie-header"] == f"sessionid={SESSION}"
    assert SESSION not in str(rec.requests[0].url)


# -- failures --------------------------------------------------------------------------------------


def test_empty_body() -> None:
    assert "empty payload" in str(sign_error(ok(b"")))


def test_bad_protobuf() -> None:
    error = sign_error(ok(b"\xff\xff\xff"))
    assert type(error) is SignError
    assert "not a fetch result" in str(error)


def test_bad_gzip() -> None:
    assert type(sign_error(ok(b"\x1f\x8b\x08\x00garbage"))) is SignError


def test_no_cookie_header() -> None:
    assert "no cookies" in str(sign_error(ok(cookie=None)))


def test_unparseable_cookie_header() -> None:
    assert "no cookies" in str(sign_error(ok(cookie="HttpOnly; Secure")))


@pytest.mark.parametrize(
    "content", [body(push_server=""), body(cursor="")], ids=["no-push-server", "no-cursor"]
)
def test_incomplete_fetch_result(content: bytes) -> None:
    assert "incomplete fetch result" in str(sign_error(ok(content)))


def status(code: int, headers: dict[str, str] | None = None, **kwargs: Any) -> Handler:
    return lambda _: httpx.Response(code, headers=headers, **kwargs)


def test_429_ratelimit_reset_seconds() -> None:
    error = sign_error(
        status(
            429,
            {"RateLimit-Reset": "42", "Retry-After": "7"},
            json={"message": "Too many requests", "limit_label": "day"},
        )
    )
    assert isinstance(error, SignRateLimitError)
    assert error.retry_after == 42
    assert error.reason == "sign_rate_limited"
    assert "Too many requests" in str(error) and "day" in str(error)


def test_429_ratelimit_reset_timestamp() -> None:
    reset = int(time.time()) + 300
    error = sign_error(status(429, {"RateLimit-Reset": str(reset)}))
    assert isinstance(error, SignRateLimitError)
    assert 290 <= error.retry_after <= 301


def test_429_ratelimit_reset_in_the_past() -> None:
    error = sign_error(status(429, {"RateLimit-Reset": str(int(time.time()) - 50)}))
    assert isinstance(error, SignRateLimitError)
    assert error.retry_after == 0


def test_429_retry_after() -> None:
    error = sign_error(status(429, {"Retry-After": "15", "RateLimit-Remaining": "0"}))
    assert isinstance(error, SignRateLimitError)
    assert error.retry_after == 15


def test_429_retry_after_http_date() -> None:
    when = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 120))
    error = sign_error(status(429, {"Retry-After": when}))
    assert isinstance(error, SignRateLimitError)
    assert 110 <= error.retry_after <= 121


@pytest.mark.parametrize("headers", [{}, {"RateLimit-Reset": "soon"}, {"RateLimit-Remaining": "0"}])
def test_429_default(headers: dict[str, str]) -> None:
    error = sign_error(status(429, headers, text="slow down"))
    assert isinstance(error, SignRateLimitError)
    assert error.retry_after == 60


@pytest.mark.parametrize(
    ("code", "reason"),
    [(401, "sign_unauthorized"), (402, "sign_payment_required"), (403, "sign_forbidden")],
)
def test_auth_errors(code: int, reason: str) -> None:
    error = sign_error(status(code, json={"message": f"key {API_KEY} is not valid"}))
    assert isinstance(error, SignAuthError)
    assert error.status == code
    assert error.reason == reason
    assert not error.retryable
    assert "is not valid" in str(error)


def test_auth_error_without_body() -> None:
    error = sign_error(status(401))
    assert isinstance(error, SignAuthError)
    assert "401" in str(error)


def test_server_error() -> None:
    error = sign_error(status(500, json={"message": "upstream exploded"}))
    assert type(error) is SignError
    assert error.reason == "sign_failed"
    assert error.retryable
    assert str(error) == "sign server answered 500: upstream exploded"


def test_server_error_text_body() -> None:
    error = sign_error(status(502, {"content-type": "text/plain"}, text=f"bad gateway {API_KEY}"))
    assert str(error).startswith("sign server answered 502: bad gateway")


def test_server_error_binary_body() -> None:
    assert (
        str(sign_error(status(503, content=b"\x00\x01"))) == "sign server answered 503: Service Unavailable"
    )


def test_timeout() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    error = sign_error(handler)
    assert type(error) is SignError
    assert str(error).startswith("sign server unreachable")


def test_connect_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHITELIST_AUTHENTICATED_SESSION_ID_HOST", "api.eulerstream.com")

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"refused {API_KEY} {SESSION}", request=request)

    error = sign_error(handler, session_id=SESSION)
    assert str(error).startswith("sign server unreachable")


def test_no_secret_in_any_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every failure path, with a key and a whitelisted session, names neither."""
    monkeypatch.setenv("WHITELIST_AUTHENTICATED_SESSION_ID_HOST", "api.eulerstream.com")
    echo = f"key={API_KEY} session={SESSION}"
    handlers = [
        ok(b""),
        ok(b"\xff\xff"),
        ok(cookie=None),
        ok(body(cursor="")),
        status(429, json={"message": echo, "limit_label": echo}),
        status(401, json={"message": echo}),
        status(402, json={"message": echo}),
        status(403, {"content-type": "text/html"}, text=echo),
        status(500, json={"message": echo}),
        status(500, {"content-type": "text/plain"}, text=echo),
    ]
    for handler in handlers:
        sign_error(handler, session_id=SESSION)


# -- against the embedded fake TikTok --------------------------------------------------------------


@pytest.mark.parametrize("style", ["connect", "fetch"])
def test_fake_sign(style: Literal["connect", "fetch"]) -> None:
    from bridge.sim.faketiktok import FakeTikTok

    async def main() -> tuple[SignedConnection, str, list[dict[str, Any]]]:
        async with FakeTikTok(require_api_key=API_KEY) as fake:
            fake.add_room("streamer", ROOM)
            async with EulerSigner(base_url=fake.base_url, api_key=API_KEY, style=style, timeout=5) as signer:
                signed = await signer.sign(ROOM)
            return signed, fake.push_url, fake.sign_requests

    signed, push_url, requests = asyncio.run(main())
    assert signed.result.push_server == push_url
    assert signed.result.cursor
    assert signed.result.route_params.get("wrss")
    assert signed.cookies["ttwid"].startswith("1%7C")
    assert signed.cookies["tt-target-idc"] == "useast5"
    assert signed.room_id == ROOM
    assert signed.user_agent == DEFAULT_USER_AGENT
    (request,) = requests
    assert request["query"]["user_agent"] == DEFAULT_USER_AGENT


def test_fake_sign_faults() -> None:
    from bridge.sim.faketiktok import FakeTikTok

    async def main() -> list[SignError]:
        errors: list[SignError] = []
        async with FakeTikTok(require_api_key=API_KEY) as fake:
            fake.add_room("streamer", ROOM)
            async with EulerSigner(base_url=fake.base_url, api_key="wrong-key", timeout=5) as signer:
                with pytest.raises(SignAuthError) as auth:
                    await signer.sign(ROOM)
                errors.append(auth.value)
            async with EulerSigner(base_url=fake.base_url, api_key=API_KEY, timeout=5) as signer:
                fake.sign_fault(429, reset_after=30)
                with pytest.raises(SignRateLimitError) as limited:
                    await signer.sign(ROOM)
                errors.append(limited.value)
                with pytest.raises(SignError) as missing:
                    await signer.sign(12345)
                errors.append(missing.value)
        return errors

    auth, limited, missing = asyncio.run(main())
    assert isinstance(auth, SignAuthError) and auth.reason == "sign_unauthorized"
    assert isinstance(limited, SignRateLimitError) and 25 <= limited.retry_after <= 30
    assert "404" in str(missing)
    for error in (auth, limited, missing):
        assert API_KEY not in str(error) and "wrong-key" not in str(error)


@pytest.mark.parametrize("form", RATE_LIMIT_FORMS)
def test_fake_rate_limit_in_every_header_form(form: str) -> None:
    """Each header set a peer reads (see FakeTikTok.rate_limit_form) gives the true reset time."""
    from bridge.sim.faketiktok import FakeTikTok

    async def main() -> SignRateLimitError:
        async with FakeTikTok(rate_limit_form=form) as fake:
            fake.add_room("streamer", ROOM)
            fake.sign_fault(429, reset_after=30)
            async with EulerSigner(base_url=fake.base_url, timeout=5) as signer:
                with pytest.raises(SignRateLimitError) as limited:
                    await signer.sign(ROOM)
        return limited.value

    assert 28 <= asyncio.run(main()).retry_after <= 31


def test_429_x_ratelimit_reset_unix_time() -> None:
    error = sign_error(status(429, {"x-ratelimit-reset": str(int(time.time()) + 120)}))
    assert isinstance(error, SignRateLimitError) and 118 <= error.retry_after <= 121


def test_session_opt_in_names_the_sign_host() -> None:
    env = {SESSION_HOST_ENV: "Sign.Example.com"}
    assert session_opt_in("https://sign.example.com/x", env)
    assert not session_opt_in("https://other.example.com", env)
    assert not session_opt_in("https://sign.example.com", {})
    assert not session_opt_in("https://sign.example.com", {SESSION_HOST_ENV: " "})


def test_scrub_masks_every_remembered_secret() -> None:
    remember_secret("curve-secret-0123456789")
    remember_secret("abc")  # too short to mask safely: ignored
    text = scrub("key curve-secret-0123456789 and abc and tok-1", "tok-1")
    assert text == "key *** and abc and ***"
