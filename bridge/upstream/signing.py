"""Signed webcast connections: the sign-provider interface and an Euler-Stream-compatible client.

TikTok's first ``/webcast/im/fetch`` call needs a signature only a browser (or
a sign server) can compute. A sign server makes that call for us and hands back
the raw ``ProtoMessageFetchResult`` plus the cookies TikTok set
(``x-set-tt-cookie``); the push WebSocket is then opened with those cookies and
the same User-Agent.

:class:`EulerSigner` talks to an Euler-Stream-compatible server
(``/webcast/rooms/{id}/connect`` or ``/webcast/fetch``). It never retries: the
connection loop owns retries and back-off. API keys, session ids and cookie
values never appear in log lines or exception messages.
"""

from __future__ import annotations

import email.utils
import json
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, Protocol

import httpx

from .. import __version__
from ..codec import decode_fetch_result
from ..config import SIGN_BASE
from ..errors import DecodeError, SignAuthError, SignError, SignRateLimitError, scrub
from ..frames import FetchResult, gunzip
from .tiktok import DEFAULT_USER_AGENT

__all__ = [
    "DEFAULT_RETRY_AFTER",
    "SESSION_HOST_ENV",
    "EulerSigner",
    "SignProvider",
    "SignedConnection",
    "parse_tt_cookies",
    "session_opt_in",
]

SESSION_HOST_ENV = "WHITELIST_AUTHENTICATED_SESSION_ID_HOST"
"""Environment variable naming the one sign host a TikTok session id may be sent to."""

DEFAULT_RETRY_AFTER = 60.0
"""Seconds to wait after a 429 that says nothing about when the limit resets."""

_UNIX_TIME_THRESHOLD = 10**9
_GZIP_MAGIC = b"\x1f\x8b\x08"
_COOKIE_SPLIT = re.compile(r",\s*(?=[^;,=\s]+=)")
_MAX_MESSAGE = 200


@dataclass(frozen=True, slots=True)
class SignedConnection:
    """A signed first fetch: what the push WebSocket needs."""

    result: FetchResult
    """The decoded first fetch (push server, route params, cursor, first events)."""
    cookies: dict[str, str]
    """Cookies TikTok set (``x-set-tt-cookie``), name to value, e.g. ``ttwid``."""
    room_id: int
    """The room signed for (the server's ``x-room-id`` if it sent one)."""
    user_agent: str
    """The User-Agent the fetch was signed for; the WebSocket must send the same."""
    raw: bytes = field(default=b"", repr=False)
    """The sign server's answer as received (a ``ProtoMessageFetchResult``, possibly gzip), for a
    recording; empty from a provider that does not keep it."""


class SignProvider(Protocol):
    """Anything that can sign a first webcast fetch for a room."""

    async def sign(self, room_id: int, *, cursor: str = "") -> SignedConnection:
        """Sign and perform the first fetch of ``room_id``.

        Raises:
            SignError: (or a subclass) the signing failed.
        """
        ...


def session_opt_in(base_url: str, env: dict[str, str] | None = None) -> bool:
    """Whether the user allowed sending the TikTok session id to the sign server at ``base_url``.

    The opt-in is ``WHITELIST_AUTHENTICATED_SESSION_ID_HOST`` naming its host, as for the peers.
    """
    allowed = (env if env is not None else os.environ).get(SESSION_HOST_ENV, "").strip().lower()
    return bool(allowed) and allowed == (httpx.URL(base_url).host or "").lower()


def parse_tt_cookies(headers: Iterable[str]) -> dict[str, str]:
    """Cookie names and values from ``Set-Cookie``-style header values.

    Each value may hold several cookies joined by commas; attributes (``Path``,
    ``Expires=Wed, 21 Oct ...``, ``HttpOnly``) are dropped.
    """
    cookies: dict[str, str] = {}
    for header in headers:
        for part in _COOKIE_SPLIT.split(header):
            pair = part.split(";", 1)[0].strip()
            name, sep, value = pair.partition("=")
            name = name.strip()
            if not sep or not name:
                continue
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            cookies[name] = value
    return cookies


def _retry_after(headers: httpx.Headers, now: float) -> float:
    """Seconds until a 429 rate limit resets, from whichever header the server sent, else 60.

    ``RateLimit-Reset`` or ``x-ratelimit-reset`` (seconds, or unix time when that
    large), else ``Retry-After`` (seconds or an HTTP date).
    """
    for name in ("ratelimit-reset", "x-ratelimit-reset"):
        reset = _number(headers.get(name))
        if reset is not None:
            return max(0.0, reset - now if reset > _UNIX_TIME_THRESHOLD else reset)
    retry = headers.get("retry-after")
    if retry is not None:
        seconds = _number(retry)
        if seconds is not None:
            return max(0.0, seconds)
        try:
            when = email.utils.parsedate_to_datetime(retry)
        except (TypeError, ValueError):
            when = None
        if when is not None and when.tzinfo is not None:
            return max(0.0, when.timestamp() - now)
    return DEFAULT_RETRY_AFTER


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if number == number and number not in (float("inf"), float("-inf")) else None


class EulerSigner:
    """Signs through an Euler-Stream-compatible sign server.

    ``style="connect"`` uses ``GET /webcast/rooms/{room_id}/connect``,
    ``style="fetch"`` uses ``GET /webcast/fetch?room_id=...``. ``api_key`` (the
    caller reads ``SIGN_API_KEY``) is sent as ``x-api-key`` when set.

    ``session_id`` is a TikTok session; it is sent to the sign server (header
    ``x-cookie-header``) only if the environment variable
    ``WHITELIST_AUTHENTICATED_SESSION_ID_HOST`` names the sign server's host,
    read at each :meth:`sign`. Otherwise :meth:`sign` raises a non-retryable
    :class:`SignError` before contacting anyone: handing a logged-in session to a
    third party must be an explicit opt-in.
    """

    def __init__(
        self,
        *,
        base_url: str = SIGN_BASE,
        api_key: str = "",
        style: Literal["connect", "fetch"] = "connect",
        user_agent: str = DEFAULT_USER_AGENT,
        timeout: float = 10.0,
        client_name: str = "tiktok-live-bridge",
        session_id: str = "",
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if style not in ("connect", "fetch"):
            raise ValueError(f"unknown sign style {style!r} (connect or fetch)")
        self.base_url = base_url.rstrip("/")
        self.host = (httpx.URL(self.base_url).host or "").lower()
        self.style = style
        self.user_agent = user_agent
        self.client_name = client_name
        self._api_key = api_key
        self._session_id = session_id
        headers = {
            "User-Agent": f"tiktok-live-bridge/{__version__}",
            "Accept": "application/protobuf,application/json",
        }
        if api_key:
            headers["x-api-key"] = api_key
        self._client = httpx.AsyncClient(headers=headers, timeout=timeout, transport=transport)

    async def __aenter__(self) -> EulerSigner:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the underlying connections."""
        await self._client.aclose()

    def _scrub(self, text: str) -> str:
        """``text`` without the API key, the session id or any other secret, shortened for a message."""
        text = " ".join(scrub(text, self._api_key, self._session_id).split())
        return text[:_MAX_MESSAGE] + ("..." if len(text) > _MAX_MESSAGE else "")

    def _session_headers(self) -> dict[str, str]:
        if not self._session_id:
            return {}
        if not session_opt_in(self.base_url):
            error = SignError(
                f"refusing to send the TikTok session id to the sign server {self.host}: "
                f"set {SESSION_HOST_ENV}={self.host} to allow sending your session to this "
                "third-party server, or run without a session id"
            )
            error.retryable = False
            raise error
        return {"x-cookie-header": f"sessionid={self._session_id}"}

    def _request(self, room_id: int, cursor: str) -> tuple[str, dict[str, str]]:
        params = {"client": self.client_name}
        if self.style == "fetch":
            url = f"{self.base_url}/webcast/fetch"
            params["room_id"] = str(room_id)
        else:
            url = f"{self.base_url}/webcast/rooms/{room_id}/connect"
        params.update({"user_agent": self.user_agent, "platform": "web", "client_enter": "true"})
        if cursor:
            params["cursor"] = cursor
        return url, params

    async def sign(self, room_id: int, *, cursor: str = "") -> SignedConnection:
        """Have the sign server perform the first fetch of ``room_id``.

        Raises:
            SignRateLimitError: HTTP 429; ``retry_after`` says for how long.
            SignAuthError: HTTP 401/402/403 (``reason`` sign_unauthorized,
                sign_payment_required, sign_forbidden).
            SignError: any other failure: unreachable, other HTTP status, empty or
                undecodable payload, no cookies, incomplete fetch result, or a
                session id without the opt-in.
        """
        headers = self._session_headers()
        url, params = self._request(room_id, cursor)
        try:
            response = await self._client.get(url, params=params, headers=headers)
        except httpx.TimeoutException:
            raise SignError(f"sign server unreachable: {self.host} did not answer in time") from None
        except httpx.RequestError as exc:
            raise SignError(
                f"sign server unreachable: {self.host}: {type(exc).__name__}: {self._scrub(str(exc))}"
            ) from None
        if response.status_code != 200:
            raise self._status_error(response)
        return self._signed(response, room_id)

    def _message(self, response: httpx.Response, *keys: str) -> str:
        """The JSON ``message`` (and other ``keys``) of an error answer, else a bit of its text."""
        try:
            body = json.loads(response.content)
        except ValueError:
            body = None
        if isinstance(body, dict):
            parts = [str(body[k]) for k in ("message", *keys) if body.get(k) not in (None, "")]
            return self._scrub("; ".join(parts))
        if response.headers.get("content-type", "").startswith("text/"):
            return self._scrub(response.text)
        return ""

    def _status_error(self, response: httpx.Response) -> SignError:
        status = response.status_code
        if status == 429:
            message = self._message(response, "limit_label")
            retry_after = _retry_after(response.headers, time.time())
            return SignRateLimitError(
                f"sign server rate limit reached{': ' + message if message else ''} "
                f"(retry in {retry_after:.0f}s)",
                retry_after,
            )
        message = self._message(response)
        if status in (401, 402, 403):
            what = {401: "refused the API key", 402: "wants payment", 403: "forbids this request"}[status]
            return SignAuthError(
                f"sign server {what} (HTTP {status}){': ' + message if message else ''}", status
            )
        return SignError(f"sign server answered {status}: {message or response.reason_phrase}")

    def _signed(self, response: httpx.Response, room_id: int) -> SignedConnection:
        body = response.content
        if not body:
            raise SignError("sign server returned an empty payload")
        if body[:3] == _GZIP_MAGIC:
            try:
                body = gunzip(body)
            except DecodeError as exc:
                raise SignError(f"sign server payload: {exc}") from None
        try:
            result = decode_fetch_result(body)
        except DecodeError as exc:
            raise SignError(f"sign server payload is not a fetch result: {exc}") from None
        cookies = parse_tt_cookies(response.headers.get_list("x-set-tt-cookie"))
        if not cookies:
            raise SignError("sign server returned no cookies (x-set-tt-cookie)")
        if not result.push_server or not result.cursor:
            raise SignError("sign server returned an incomplete fetch result (no push server or cursor)")
        signed_room = response.headers.get("x-room-id", "").strip()
        return SignedConnection(
            result=result,
            cookies=cookies,
            room_id=int(signed_room) if signed_room.isascii() and signed_room.isdigit() else room_id,
            user_agent=self.user_agent,
            raw=response.content,
        )
