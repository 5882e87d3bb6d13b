"""TikTok's web and webcast endpoints, parameters and identifiers.

Everything here is a fact about TikTok's side of the protocol, shared by the
live client (lookup, signing, WebSocket session) and the embedded fake TikTok
that tests and the default ``run`` use in its place.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from .values import check_room_id

__all__ = [
    "DEFAULT_USER_AGENT",
    "SIGN_BASE",
    "WEBCAST_BASE",
    "WEB_BASE",
    "WS_FIXED_PARAMS",
    "base_params",
    "normalize_target",
    "websocket_url",
]

WEB_BASE = "https://www.tiktok.com"
WEBCAST_BASE = "https://webcast.tiktok.com"
SIGN_BASE = "https://api.eulerstream.com"

DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/148.0.0.0 Safari/537.36"
)
"""The desktop browser User-Agent sent to TikTok, the signer and the WebSocket alike."""

SCREEN = ("1920", "1080")


def base_params(language: str = "en-US", tz_name: str = "Europe/Berlin") -> dict[str, str]:
    """Query parameters every web/webcast REST call carries."""
    browser_version = DEFAULT_USER_AGENT.split("Mozilla/", 1)[1]
    return {
        "aid": "1988",
        "app_language": language.split("-")[0],
        "app_name": "tiktok_web",
        "browser_language": language,
        "browser_name": "Mozilla",
        "browser_online": "true",
        "browser_platform": "Win32",
        "browser_version": browser_version,
        "cookie_enabled": "true",
        "device_platform": "web_pc",
        "focus_state": "true",
        "from_page": "user",
        "history_len": "4",
        "is_fullscreen": "false",
        "is_page_visible": "true",
        "screen_height": SCREEN[1],
        "screen_width": SCREEN[0],
        "tz_name": tz_name,
        "user_is_login": "false",
        "webcast_language": language.split("-")[0],
    }


WS_FIXED_PARAMS: dict[str, str] = {
    "aid": "1988",
    "app_language": "en",
    "app_name": "tiktok_web",
    "browser_platform": "Win32",
    "browser_language": "en-US",
    "browser_name": "Mozilla",
    "browser_online": "true",
    "cookie_enabled": "true",
    "tz_name": "Europe/Berlin",
    "device_platform": "web",
    "identity": "audience",
    "live_id": "12",
    "sup_ws_ds_opt": "1",
    "update_version_code": "2.0.0",
    "version_code": "180800",
    "client_enter": "1",
    "ws_direct": "1",
    "did_rule": "3",
    "webcast_language": "en",
    "screen_height": SCREEN[1],
    "screen_width": SCREEN[0],
    "resp_content_type": "protobuf",
    "history_comment_count": "6",
}
"""Parameters the push WebSocket URL always carries besides route params and room id."""


def websocket_url(
    push_server: str, route_params: dict[str, str], room_id: int, heartbeat_ms: int, rtt_ms: int = 150
) -> str:
    """The push WebSocket URL: push server, route params, fixed params, room id.

    TikTok's web client appends a second ``version_code=270000``; so do we.
    """
    params = {k: v for k, v in route_params.items() if v}
    for key, value in WS_FIXED_PARAMS.items():
        params.setdefault(key, value)
    params["heartbeat_duration"] = str(heartbeat_ms)
    params["last_rtt"] = str(rtt_ms)
    params["room_id"] = str(room_id)
    params["compress"] = "gzip"
    separator = "&" if "?" in push_server else "?"
    return f"{push_server}{separator}{urlencode(params)}&version_code=270000"


_HANDLE = re.compile(r"^[A-Za-z0-9_.]{1,64}$")


def normalize_target(text: str) -> str | int:
    """A creator's uniqueId from ``@name``, ``name`` or a profile/live URL; or a numeric room id.

    Raises:
        ValueError: the text is none of those, or a room id outside 1..2^63-1.
    """
    value = text.strip()
    if value.isascii() and value.isdigit() and len(value) >= 10:
        if len(value) > 19:
            raise ValueError(f"room id {value[:24]}{'...' if len(value) > 24 else ''} is not in 1..2^63-1")
        return check_room_id(int(value))
    value = re.sub(r"^(https?://)?(www\.|m\.)?tiktok\.com/", "", value)
    value = value.split("?", 1)[0].rstrip("/")
    if value.endswith("/live"):
        value = value[: -len("/live")]
    value = value.lstrip("@")
    if not _HANDLE.match(value):
        raise ValueError(f"{text!r} is not a TikTok username, profile URL or room id")
    return value
