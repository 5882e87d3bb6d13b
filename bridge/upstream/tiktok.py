"""TikTok's web and webcast endpoints, parameters and identifiers.

Everything here is a fact about TikTok's side of the protocol, shared by the
live client (lookup, signing, WebSocket session) and the embedded fake TikTok
that tests and the default ``run`` use in its place.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from .browser import USER_AGENTS, Browser

__all__ = [
    "DEFAULT_BROWSER",
    "DEFAULT_USER_AGENT",
    "PUSH_HOST_SUFFIXES",
    "RTT_RANGE",
    "WS_FIXED_PARAMS",
    "base_params",
    "browser_headers",
    "session_host_allowed",
    "websocket_url",
]

DEFAULT_USER_AGENT = USER_AGENTS[2]
"""The User-Agent of :data:`DEFAULT_BROWSER`; the daemon uses the install's own (:mod:`.browser`)."""

DEFAULT_BROWSER = Browser(DEFAULT_USER_AGENT, "en-US", "Europe/Berlin", (1920, 1080))
"""The identity of clients built without one (library use and tests)."""

RTT_RANGE = (100, 200)
"""The ``last_rtt`` (ms) a client reports on connecting: both peers draw it from 100..200."""


def base_params(browser: Browser = DEFAULT_BROWSER) -> dict[str, str]:
    """Query parameters every web/webcast REST call carries (both peers send all of these)."""
    return {
        "aid": "1988",
        "app_language": browser.short_language,
        "app_name": "tiktok_web",
        "browser_language": browser.language,
        "browser_name": "Mozilla",
        "browser_online": "true",
        "browser_platform": browser.platform,
        "browser_version": browser.version,
        "channel": "tiktok_web",
        "cookie_enabled": "true",
        "data_collection_enabled": "true",
        "device_platform": "web_pc",
        "focus_state": "true",
        "from_page": "user",
        "history_len": "4",
        "is_fullscreen": "false",
        "is_page_visible": "true",
        "msToken": "",
        "os": browser.os,
        "priority_region": browser.region,
        "referer": "https://www.tiktok.com/",
        "region": browser.region,
        "root_referer": "https://www.tiktok.com/",
        "screen_height": str(browser.screen[1]),
        "screen_width": str(browser.screen[0]),
        "tz_name": browser.timezone,
        "user_is_login": "false",
        "webcast_language": browser.short_language,
    }


def browser_headers(browser: Browser = DEFAULT_BROWSER) -> dict[str, str]:
    """The headers of every web/webcast REST call, as TikTokLive 7.0.1 and tiktok-live-connector send them."""
    return {
        "User-Agent": browser.user_agent,
        "Accept": "text/html,application/json,application/protobuf",
        "Accept-Language": browser.accept_language,
        "Cache-Control": "max-age=0",
        "Referer": "https://www.tiktok.com/",
        "Origin": "https://www.tiktok.com",
        "Sec-Fetch-Site": "same-site",
        "Sec-Fetch-Mode": "cors",
        "Sec-Fetch-Dest": "empty",
        "Sec-Fetch-Ua-Mobile": "?0",
    }


WS_FIXED_PARAMS: dict[str, str] = {
    "aid": "1988",
    "app_language": "",
    "app_name": "tiktok_web",
    "browser_platform": "",
    "browser_language": "",
    "browser_name": "Mozilla",
    "browser_version": "",
    "browser_online": "true",
    "cookie_enabled": "true",
    "tz_name": "",
    "device_platform": "web",
    "identity": "audience",
    "live_id": "12",
    "sup_ws_ds_opt": "1",
    "update_version_code": "2.0.0",
    "version_code": "180800",
    "client_enter": "1",
    "ws_direct": "1",
    "did_rule": "3",
    "webcast_language": "",
    "screen_height": "",
    "screen_width": "",
    "heartbeat_duration": "",
    "resp_content_type": "protobuf",
    "history_comment_count": "6",
}
"""Parameters the push WebSocket URL always carries, in TikTokLive's order; "" = filled in per connection."""


def websocket_url(
    push_server: str,
    route_params: dict[str, str],
    room_id: int,
    heartbeat_ms: int,
    *,
    browser: Browser = DEFAULT_BROWSER,
    rtt_ms: int = 150,
) -> str:
    """The push WebSocket URL: push server, route params, fixed and browser params, room id.

    TikTok's web client appends a second ``version_code=270000``; so do we.
    """
    filled = {**base_params(browser), "heartbeat_duration": str(heartbeat_ms)}
    params = {k: v for k, v in route_params.items() if v}
    for key, value in WS_FIXED_PARAMS.items():
        params.setdefault(key, value or filled[key])
    params["last_rtt"] = str(rtt_ms)
    params["room_id"] = str(room_id)
    params["compress"] = "gzip"
    separator = "&" if "?" in push_server else "?"
    return f"{push_server}{separator}{urlencode(params)}&version_code=270000"


PUSH_HOST_SUFFIXES = (".tiktok.com", ".tiktokv.com")
"""Push servers that may receive the TikTok session id (over ``wss://`` only)."""


def session_host_allowed(push_server: str) -> bool:
    """Whether a push server named by a sign server may receive the session cookie."""
    url = urlsplit(push_server)
    host = (url.hostname or "").lower()
    return url.scheme == "wss" and any(host.endswith(suffix) for suffix in PUSH_HOST_SUFFIXES)
