"""The console's web side: the page, its WebSocket, and control requests from it (aiohttp).

Routes: ``/`` the page, ``/static/...`` its files, ``/contract.json`` the
event contract (the same document as ``docs/contract.json``),
``/api/defaults`` the fields ``simulate`` fills in by itself,
``/ws`` the live state (server to browser only), and ``POST /api/control``,
which forwards one control command and answers with its reply.

Safety: the ``Host`` header must name a loopback address while the console
listens on one (no DNS rebinding); a request with an ``Origin`` must come from
the console's own origin (no cross-site WebSocket or POST); POSTs must be JSON
(no plain HTML forms); beyond loopback, POSTs need the control token
(``X-Bridge-Token``). Each browser has its own bounded queue of feed lines: a
slow one loses the oldest (counted and shown), and nothing ever waits for it
but its own sender.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import logging
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web

from .. import __version__, contract
from ..server.control import ControlError, synthetic_event
from .bus import Control, failure
from .state import HISTORY_SECONDS, ConsoleState
from .tail import describe

__all__ = ["Browser", "ConsoleSettings", "Site", "browser_json", "encode", "feed_line", "is_loopback_host"]

log = logging.getLogger("bridge.console")

Event = dict[str, Any]
JS_SAFE = 2**53
"""Integers beyond this are sent to the browser as strings (JavaScript numbers would round them)."""
MAX_DEPTH = 32
SEND_INTERVAL = 0.25
"""Seconds between two pushes to a browser (feed lines are batched)."""
COMMANDS = frozenset(("ping", "status", "connect", "disconnect", "simulate", "rules", "reload", "summary"))
TOKEN_HEADER = "X-Bridge-Token"
STATIC = resources.files("bridge.console") / "static"
_STRUCTS = {struct.name: struct for struct in contract.STRUCTS}


@dataclass(frozen=True, slots=True)
class ConsoleSettings:
    """Where the console listens and what it is a client of."""

    host: str = contract.DEFAULT_HOST
    port: int = contract.CONSOLE_PORT
    subscribe: str = contract.PUBLISHER_ENDPOINT
    control: str = contract.CONTROL_ENDPOINT
    token: str = ""
    feed_lines: int = 500
    streak_timeout: float = 15.0

    @property
    def loopback(self) -> bool:
        """Whether only this machine can reach the console."""
        return is_loopback_host(self.host)

    @property
    def url(self) -> str:
        """The page's address."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"


def is_loopback_host(host: str) -> bool:
    """Whether ``host`` (a name or an address, without port) is this machine only."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def browser_json(value: Any, depth: int = 0) -> Any:
    """``value`` as JSON a browser reads exactly: bytes as hex, huge ints and non-finite floats as text."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is int:
        return value if -JS_SAFE <= value <= JS_SAFE else str(value)
    if kind is float:
        return value if math.isfinite(value) else str(value)
    if depth >= MAX_DEPTH:
        return "…"
    if kind is dict:
        out = {}
        for key, item in value.items():  # the common plain values inline: this runs for every feed line
            of = type(item)
            if of is str or of is bool or (of is int and -JS_SAFE <= item <= JS_SAFE):
                out[key if type(key) is str else str(key)] = item
            else:
                out[str(key)] = browser_json(item, depth + 1)
        return out
    if kind is list or kind is tuple:
        return [browser_json(item, depth + 1) for item in value]
    if kind is bytes:
        return value.hex()
    return str(value)


def _hex(value: Any) -> str:
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"{type(value).__name__} is not JSON")


def encode(message: Any) -> str:
    """A push or reply as JSON text: straight through the C encoder, through :func:`browser_json` when needed.

    Integers of any size go as their digits (the page parses them exactly); NaN,
    infinities, non-text keys and nesting too deep take the slower safe path.
    """
    try:
        return json.dumps(message, allow_nan=False, default=_hex)
    except (TypeError, ValueError, RecursionError):
        return json.dumps(browser_json(message))


def feed_line(event: Event) -> Event:
    """One feed line: the ``tiktok-bridge tail`` wording and the whole event."""
    try:
        text = describe(event)
    except (TypeError, ValueError, OverflowError, OSError) as exc:  # hostile values: say so, keep the event
        text = f"{event.get('type')}: unprintable ({type(exc).__name__})"
    return {
        "seq": event.get("seq"),
        "type": event.get("type"),
        "room": event.get("room", ""),
        "line": text,
        "event": event,
    }


def simulate_defaults() -> dict[str, Event]:
    """Per simulatable type, the fields ``simulate`` fills in when they are not given."""
    defaults = {}
    for spec in contract.EVENTS:
        try:
            event = synthetic_event(spec.name, {}, 1)
        except ControlError:
            continue
        names = {f.name for f in spec.fields}
        defaults[spec.name] = {k: v for k, v in event.items() if k in names}
    return defaults


def _integers(fields: Any, spec: tuple[contract.Field, ...]) -> Any:
    """Integer fields typed in the page as text (exact beyond 2^53) turned into integers, structs too."""
    if not isinstance(fields, dict):
        return fields
    out = dict(fields)
    for f in spec:
        value = out.get(f.name)
        if f.type == "int" and isinstance(value, str) and value.strip().lstrip("-").isdigit():
            out[f.name] = int(value)
        elif f.type in _STRUCTS:
            out[f.name] = _integers(value, _STRUCTS[f.type].fields)
    return out


class Browser:
    """One open page: its WebSocket and what waits to be sent to it."""

    def __init__(self, ws: web.WebSocketResponse, feed_lines: int) -> None:
        self.ws = ws
        self.pending: deque[Event] = deque(maxlen=feed_lines)
        self.lost = 0
        """Feed lines dropped because this browser read too slowly."""
        self.rates: deque[Any] = deque(maxlen=HISTORY_SECONDS)
        self.view: Event | None = None

    def push(self, event: Event) -> None:
        """Queue a feed line; the oldest goes when the queue is full."""
        if len(self.pending) == self.pending.maxlen:
            self.lost += 1
        self.pending.append(event)

    async def send(self) -> None:
        """Push what is queued, every :data:`SEND_INTERVAL`, until the page closes."""
        while not self.ws.closed:
            if self.view is not None:
                view, self.view = self.view, None
                rates = list(self.rates)
                self.rates.clear()
                await self.ws.send_str(encode({"t": "state", "view": view, "rates": rates}))
            if self.pending:
                lines = [feed_line(event) for event in self.pending]
                self.pending.clear()
                await self.ws.send_str(encode({"t": "feed", "lines": lines, "lost": self.lost}))
            await asyncio.sleep(SEND_INTERVAL)  # feed lines arriving meanwhile leave as one batch


class Site:
    """The aiohttp application of the console."""

    def __init__(
        self,
        settings: ConsoleSettings,
        state: ConsoleState,
        control: Control,
        on_reply: Callable[[str, Event], Awaitable[None]],
    ) -> None:
        self.settings = settings
        self.state = state
        self.control = control
        self.on_reply = on_reply
        self.browsers: set[Browser] = set()
        self.app = web.Application(middlewares=[self._guard], client_max_size=64 * 1024)
        self.app.router.add_get("/", self._index)
        self.app.router.add_get("/contract.json", self._contract)
        self.app.router.add_get("/api/defaults", self._defaults)
        self.app.router.add_get("/ws", self._ws)
        self.app.router.add_post("/api/control", self._control)
        self.app.router.add_static("/static/", str(STATIC), follow_symlinks=False)
        self._contract_text = contract.render_json()
        self._defaults_text = encode(simulate_defaults())

    # ------------------------------------------------------------ safety

    def _refusal(self, request: web.Request) -> str:
        """Why ``request`` is refused, or ``""``."""
        host = request.host
        hostname = urlsplit("//" + host).hostname or ""
        if self.settings.loopback and not is_loopback_host(hostname):
            return f"Host {host!r} is not this machine"
        origin = request.headers.get("Origin")
        if origin is not None and origin != f"{request.scheme}://{host}":
            return f"cross-site request from {origin!r}"
        if request.method == "POST":
            if request.content_type != "application/json":
                return "control requests must be application/json"
            if not self.settings.loopback:
                given = request.headers.get(TOKEN_HEADER, "").encode("utf-8", "surrogateescape")
                token = self.settings.token.encode("utf-8", "surrogateescape")
                if not token or not hmac.compare_digest(given, token):
                    return f"missing or wrong {TOKEN_HEADER} (control.token)"
        return ""

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        refusal = self._refusal(request)
        if refusal:
            log.warning("console refused %s %s: %s", request.method, request.path, refusal)
            return web.json_response(failure("forbidden", refusal), status=403)
        response = await handler(request)
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    # ------------------------------------------------------------ routes

    async def _index(self, request: web.Request) -> web.StreamResponse:
        page = (STATIC / "index.html").read_text(encoding="utf-8")
        return web.Response(text=page, content_type="text/html")

    async def _contract(self, request: web.Request) -> web.StreamResponse:
        return web.Response(text=self._contract_text, content_type="application/json")

    async def _defaults(self, request: web.Request) -> web.StreamResponse:
        return web.Response(text=self._defaults_text, content_type="application/json")

    async def _control(self, request: web.Request) -> web.StreamResponse:
        try:
            body = await request.json()
        except (ValueError, UnicodeDecodeError) as exc:
            return web.json_response(failure("bad_request", f"not JSON: {exc}"))
        command = body.get("cmd") if isinstance(body, dict) else None
        if not isinstance(command, str) or command not in COMMANDS:
            message = f"the console sends only {', '.join(sorted(COMMANDS))}"
            return web.json_response(failure("bad_request", message))
        assert isinstance(body, dict)
        body.pop("token", None)
        spec = contract.EVENTS_BY_NAME.get(body.get("type", ""))
        if command == "simulate" and spec is not None:
            body["fields"] = _integers(body.get("fields", {}), spec.fields)
        reply = await self.control.request(body)
        await self.on_reply(command, reply)
        return web.Response(text=encode(reply), content_type="application/json")

    async def _ws(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(heartbeat=20.0, max_msg_size=4096)
        await ws.prepare(request)
        browser = Browser(ws, self.settings.feed_lines)
        now = time.time()
        hello = {
            "t": "hello",
            "version": __version__,
            "subscribe": self.settings.subscribe,
            "control": self.settings.control,
            "tokenRequired": not self.settings.loopback,
            "view": self.state.view(now),
            "rates": self.state.history_since(0),
            "feed": [feed_line(event) for event in self.state.recent],
        }
        await ws.send_str(encode(hello))
        self.browsers.add(browser)
        sender = asyncio.create_task(browser.send(), name="console-browser")
        try:
            async for message in ws:  # the page sends nothing; this notices it closing
                if message.type == WSMsgType.ERROR:
                    break
        finally:
            self.browsers.discard(browser)
            sender.cancel()
            await asyncio.gather(sender, return_exceptions=True)
        return ws

    # ------------------------------------------------------------ pushes

    def push_event(self, event: Event) -> None:
        """Queue a bus event for every open page."""
        for browser in self.browsers:
            browser.push(event)

    def push_state(self, view: Event, rates: list[Any]) -> None:
        """Hand the latest state and the finished seconds to every open page."""
        for browser in self.browsers:
            browser.view = view
            browser.rates.extend(rates)
