"""Async lookups against TikTok's web and webcast REST endpoints.

:class:`WebClient` turns a creator's uniqueId into a live room id, checks
whether rooms are live and fetches a room's details. Every failure is one of
the :class:`bridge.errors.LiveError` classes, whose ``reason`` is what
``sys.status`` publishes. Session ids and cookies never appear in log lines or
exception messages.
"""

from __future__ import annotations

import json
import logging
import math
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import httpx

from ..config import WEB_BASE, WEBCAST_BASE
from ..errors import (
    BlockedError,
    LiveError,
    LookupFailedError,
    PrivateRoomError,
    UserNotFoundError,
    UserOfflineError,
)
from ..values import INT64_MAX
from .browser import Browser
from .tiktok import DEFAULT_BROWSER, base_params, browser_headers

__all__ = ["CHECK_ALIVE_BATCH", "RoomInfo", "StreamUrl", "WebClient"]

log = logging.getLogger("bridge.lookup")

CHECK_ALIVE_BATCH = 50
"""Room ids per ``check_alive`` request."""

ROOM_ALIVE = 2
ROOM_ENDED = 4
USER_NOT_FOUND_CODE = 19881007
ROOM_NOT_FOUND_CODE = 4003110
QUALITY_ORDER = ("FULL_HD1", "HD1", "SD1")

_SIGI_STATE = re.compile(
    r"<script[^>]*\bid=[\"']SIGI_STATE[\"'][^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class StreamUrl:
    """The pull URLs of one stream quality (``FULL_HD1``, ``HD1``, ``SD1``, ``default``...)."""

    quality: str
    flv: str = ""
    hls: str = ""


@dataclass(frozen=True, slots=True)
class RoomInfo:
    """What ``/webcast/room/info/`` says about a live room."""

    room_id: int
    unique_id: str = ""
    nickname: str = ""
    title: str = ""
    viewers: int = 0
    start_time: int = 0
    """Unix seconds the room was created."""
    alive: bool = False
    owner_id: int = 0
    followers: int = 0
    avatar: str = ""
    streams: tuple[StreamUrl, ...] = ()


def _device_id() -> str:
    """A random 19-digit device id, like the web client's."""
    return str(random.randint(10**18, 10**19 - 1))


def _int(value: Any) -> int:
    """An int from a JSON number or digit string; 0 for anything else and outside int64."""
    if isinstance(value, bool):
        number = int(value)
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and math.isfinite(value):
        number = int(value)
    elif isinstance(value, str) and len(value) <= 24 and value.strip().lstrip("-").isascii():
        text = value.strip()
        number = int(text) if text.lstrip("-").isdigit() else 0
    else:
        number = 0
    return number if -INT64_MAX - 1 <= number <= INT64_MAX else 0


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _quality_key(quality: str) -> tuple[int, str]:
    rank = QUALITY_ORDER.index(quality) if quality in QUALITY_ORDER else len(QUALITY_ORDER)
    return rank, quality


def _streams(stream_url: dict[str, Any]) -> tuple[StreamUrl, ...]:
    flv = {k: v for k, v in _dict(stream_url.get("flv_pull_url")).items() if isinstance(v, str) and v}
    hls = {k: v for k, v in _dict(stream_url.get("hls_pull_url_map")).items() if isinstance(v, str) and v}
    streams = [
        StreamUrl(q, flv.get(q, ""), hls.get(q, ""))
        for q in sorted(flv.keys() | hls.keys(), key=_quality_key)
    ]
    lone_hls = _str(stream_url.get("hls_pull_url"))
    if lone_hls and not hls:
        streams.append(StreamUrl("default", hls=lone_hls))
    return tuple(streams)


class WebClient:
    """TikTok's web (``www.tiktok.com``) and webcast REST endpoints, over one httpx client.

    ``browser`` is the identity every request presents (headers and query
    parameters, :mod:`bridge.upstream.browser`). ``session_id`` (optional) is sent as the
    ``sessionid`` cookie; it is never logged. ``transport`` replaces the network
    (tests pass an ``httpx.MockTransport``).
    """

    def __init__(
        self,
        *,
        web_base: str = WEB_BASE,
        webcast_base: str = WEBCAST_BASE,
        browser: Browser = DEFAULT_BROWSER,
        timeout: float = 10.0,
        session_id: str = "",
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.web_base = web_base.rstrip("/")
        self.webcast_base = webcast_base.rstrip("/")
        self.browser = browser
        self.device_id = _device_id()
        cookie = "tt-target-idc=useast1a"
        if session_id:
            cookie += f"; sessionid={session_id}"
        headers = {**browser_headers(browser), "Cookie": cookie}
        self._client = httpx.AsyncClient(
            headers=headers, timeout=timeout, transport=transport, follow_redirects=True
        )

    async def __aenter__(self) -> WebClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the underlying connections."""
        await self._client.aclose()

    # -- requests ---------------------------------------------------------------------------

    def _params(self, params: Mapping[str, str]) -> dict[str, str]:
        query = base_params(self.browser)
        query.update(params)
        query["device_id"] = self.device_id
        return query

    async def _get(self, url: str, params: Mapping[str, str] | None = None) -> httpx.Response:
        """GET ``url``; 403/429 raise :class:`BlockedError`, network failures :class:`LookupFailedError`."""
        try:
            response = await self._client.get(
                url, params=self._params(params) if params is not None else None
            )
        except httpx.TimeoutException:
            raise LookupFailedError(f"TikTok did not answer in time ({_host(url)})") from None
        except httpx.RequestError as exc:
            raise LookupFailedError(f"could not reach TikTok ({_host(url)}): {type(exc).__name__}") from None
        if response.status_code in (403, 429):
            raise BlockedError(f"TikTok refused the request with HTTP {response.status_code} ({_host(url)})")
        return response

    async def _get_json(self, url: str, params: Mapping[str, str]) -> dict[str, Any]:
        response = await self._get(url, params)
        if response.status_code != 200:
            raise LookupFailedError(f"TikTok answered HTTP {response.status_code} ({_host(url)})")
        try:
            body = json.loads(response.content)
        except ValueError:
            raise LookupFailedError(f"TikTok's answer is not JSON ({_host(url)})") from None
        if not isinstance(body, dict):
            raise LookupFailedError(f"TikTok's answer is not a JSON object ({_host(url)})")
        return body

    # -- room id ----------------------------------------------------------------------------

    async def room_id(self, unique_id: str) -> int:
        """The live room id of creator ``unique_id`` (with or without a leading ``@``).

        Reads the ``SIGI_STATE`` of the creator's live page first; on any failure
        but "offline" asks the ``api-live`` endpoint instead.

        Raises:
            UserOfflineError: the creator is not live.
            UserNotFoundError: no such creator.
            PrivateRoomError: the account is private.
            BlockedError: TikTok answered with a captcha/block page (or HTTP 403/429).
            LookupFailedError: the answers could not be understood, or TikTok was unreachable.
        """
        uid = unique_id.strip().lstrip("@")
        page_blocked = False
        try:
            return await self._room_id_from_page(uid)
        except UserOfflineError:
            raise
        except BlockedError as exc:
            page_blocked = True
            log.debug("live page of @%s: %s; asking api-live", uid, exc)
        except LiveError as exc:
            log.debug("live page of @%s: %s; asking api-live", uid, exc)
        try:
            return await self._room_id_from_api(uid)
        except (BlockedError, LookupFailedError) as exc:
            if page_blocked:
                raise BlockedError(
                    f"TikTok answered with a captcha/block page for @{uid} (api-live: {exc})"
                ) from None
            raise

    async def _room_id_from_page(self, uid: str) -> int:
        response = await self._get(f"{self.web_base}/@{uid}/live")
        if response.status_code != 200:
            raise LookupFailedError(f"the live page of @{uid} answered HTTP {response.status_code}")
        match = _SIGI_STATE.search(response.text)
        if match is None:
            raise BlockedError(f"the live page of @{uid} has no SIGI_STATE (captcha or block page)")
        try:
            state = json.loads(match.group(1))
        except ValueError:
            raise LookupFailedError(f"the SIGI_STATE of @{uid} is not JSON") from None
        live_room = _dict(state).get("LiveRoom")
        if not isinstance(live_room, dict):
            raise UserNotFoundError(f"no TikTok user @{uid}")
        user = _dict(_dict(live_room.get("liveRoomUserInfo")).get("user"))
        if _int(user.get("status")) == ROOM_ENDED:
            raise UserOfflineError(f"@{uid} is not live")
        room_id = _int(user.get("roomId"))
        if room_id <= 0:
            raise LookupFailedError(f"the SIGI_STATE of @{uid} has no room id")
        return room_id

    async def _room_id_from_api(self, uid: str) -> int:
        body = await self._get_json(
            f"{self.web_base}/api-live/user/room/", {"uniqueId": uid, "sourceType": "54"}
        )
        status_code = _int(body.get("statusCode"))
        if body.get("message") == "user_not_found" or status_code == USER_NOT_FOUND_CODE:
            raise UserNotFoundError(f"no TikTok user @{uid}")
        data = _dict(body.get("data"))
        user = data.get("user")
        if not isinstance(user, dict):
            message = _str(body.get("message"))
            detail = f"statusCode {status_code}" + (f", {message}" if message else "")
            raise LookupFailedError(f"api-live has no user for @{uid} ({detail})")
        live_room = _dict(data.get("liveRoom"))
        room_id = _int(user.get("roomId"))
        ended = _int(live_room.get("status")) == ROOM_ENDED
        if user.get("privateAccount") is True and (room_id <= 0 or ended):
            raise PrivateRoomError(f"@{uid} is a private account")
        if ended or room_id <= 0:
            raise UserOfflineError(f"@{uid} is not live")
        return room_id

    # -- alive / info -----------------------------------------------------------------------

    async def check_alive(self, room_ids: Sequence[int]) -> dict[int, bool]:
        """Whether each room is live, asking for up to 50 rooms per request.

        Rooms the answer does not mention are reported not alive.

        Raises:
            LookupFailedError: a non-zero ``status_code`` or an unreadable answer.
            BlockedError: HTTP 403/429.
        """
        wanted = list(dict.fromkeys(int(r) for r in room_ids))
        alive = dict.fromkeys(wanted, False)
        for start in range(0, len(wanted), CHECK_ALIVE_BATCH):
            batch = wanted[start : start + CHECK_ALIVE_BATCH]
            body = await self._get_json(
                f"{self.webcast_base}/webcast/room/check_alive/",
                {"room_ids": ",".join(str(r) for r in batch)},
            )
            status_code = _int(body.get("status_code"))
            if status_code != 0:
                raise LookupFailedError(f"check_alive answered status_code {status_code}")
            entries = body.get("data")
            if not isinstance(entries, list):
                raise LookupFailedError("check_alive answered without a data list")
            for entry in entries:
                entry = _dict(entry)
                room_id = _int(entry.get("room_id_str")) or _int(entry.get("room_id"))
                if room_id in alive:
                    alive[room_id] = entry.get("alive") is True
        return alive

    async def room_info(self, room_id: int) -> RoomInfo:
        """Details of room ``room_id``: owner, title, viewers, stream URLs.

        Raises:
            UserNotFoundError: no such room.
            LookupFailedError: a non-zero ``status_code`` or an unreadable answer.
            BlockedError: HTTP 403/429.
        """
        body = await self._get_json(f"{self.webcast_base}/webcast/room/info/", {"room_id": str(room_id)})
        status_code = _int(body.get("status_code"))
        data = body.get("data")
        if status_code == ROOM_NOT_FOUND_CODE or (status_code == 0 and not (isinstance(data, dict) and data)):
            raise UserNotFoundError("room not found")
        if status_code != 0 or not isinstance(data, dict):
            raise LookupFailedError(f"room/info answered status_code {status_code}")
        owner = _dict(data.get("owner"))
        avatars = _dict(owner.get("avatar_thumb")).get("url_list")
        avatar = (
            next((a for a in avatars if isinstance(a, str) and a), "") if isinstance(avatars, list) else ""
        )
        return RoomInfo(
            room_id=_int(data.get("id_str")) or _int(data.get("id")) or room_id,
            unique_id=_str(owner.get("display_id")),
            nickname=_str(owner.get("nickname")),
            title=_str(data.get("title")),
            viewers=_int(data.get("user_count")),
            start_time=_int(data.get("create_time")),
            alive=_int(data.get("status")) == ROOM_ALIVE,
            owner_id=_int(owner.get("id_str")) or _int(owner.get("id")),
            followers=_int(_dict(owner.get("follow_info")).get("follower_count")),
            avatar=avatar,
            streams=_streams(_dict(data.get("stream_url"))),
        )


def _host(url: str) -> str:
    """The host of ``url``, for messages (never the query)."""
    return httpx.URL(url).host
