"""The console as a running service: the web server, the bus reader, the clock and the rules refresher.

``tiktok-bridge console`` runs one on its own; ``tiktok-bridge run`` starts
one in the daemon's process (:func:`serve_console`), which is still only a
client of the daemon's PUB and control endpoints.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from aiohttp import web

from ..config import Config
from ..errors import ConfigError, PublishError
from .bus import Control, Subscription
from .state import ConsoleState
from .web import ConsoleSettings, Site

__all__ = ["Console", "console_settings", "local_endpoint", "serve_console"]

log = logging.getLogger("bridge.console")

DRAIN_INTERVAL = 0.1
"""Seconds between two reads of the bus (everything that arrived meanwhile is read at once)."""
DRAIN_LIMIT = 5_000
RULES_INTERVAL = 2.0
"""Seconds between two ``rules`` requests while a page is open (fire counts, drops)."""

Service = Callable[[], Coroutine[Any, Any, None]]


def local_endpoint(endpoint: str) -> str:
    """The address to connect to for a bind endpoint (``tcp://*:N`` and ``0.0.0.0`` become loopback)."""
    scheme, sep, rest = endpoint.partition("://")
    host, colon, port = rest.rpartition(":")
    if scheme == "tcp" and colon and host in ("*", "0.0.0.0"):
        return f"tcp://127.0.0.1:{port}"
    if scheme == "tcp" and colon and host in ("[::]", "::"):
        return f"tcp://[::1]:{port}"
    return endpoint


def console_settings(config: Config, local: str = "") -> ConsoleSettings:
    """The console's settings from the ``[console]`` section and the endpoints it defaults to.

    ``local`` is the publisher's ``inproc://`` endpoint when the console runs in the daemon's
    process: read there unless ``console.subscribe`` says otherwise (same messages, no TCP).
    """
    section = config.console
    return ConsoleSettings(
        host=section.host,
        port=section.port,
        subscribe=section.subscribe or local or local_endpoint(config.publisher.endpoint),
        control=section.control or local_endpoint(config.control.endpoint),
        token=config.control.token,
        feed_lines=section.feed_lines,
        streak_timeout=config.game.streak_timeout,
    )


class Console:
    """The web console: serves the page and feeds it from the bus and the control channel."""

    def __init__(self, settings: ConsoleSettings) -> None:
        self.settings = settings
        self.state = ConsoleState(settings.feed_lines, time.time(), settings.streak_timeout)
        self.control = Control(settings.control, settings.token)
        self.site = Site(settings, self.state, self.control, self._on_reply)
        self.url = settings.url
        self._runner: web.AppRunner | None = None
        self._subscription: Subscription | None = None
        self._rules_due = True
        self._rules_at = 0.0

    async def start(self) -> str:
        """Listen and subscribe; the page's URL.

        Raises:
            ConfigError: the console would be reachable from other machines without a control token.
            PublishError: the address cannot be listened on.
        """
        if not self.settings.loopback and not self.settings.token:
            raise ConfigError(
                f"console.host = {self.settings.host!r} is reachable from other machines:"
                " set control.token (see docs/console.md)"
            )
        runner = web.AppRunner(self.site.app, access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, self.settings.host, self.settings.port)
        try:
            await site.start()
        except (OSError, OverflowError) as exc:
            await runner.cleanup()
            reason = getattr(exc, "strerror", None) or str(exc)
            raise PublishError(
                f"cannot serve the console on {self.settings.host}:{self.settings.port}: {reason}"
            ) from None
        self._runner = runner
        port = runner.addresses[0][1] if self.settings.port == 0 and runner.addresses else self.settings.port
        host = f"[{self.settings.host}]" if ":" in self.settings.host else self.settings.host
        self.url = f"http://{host}:{port}/"
        self._subscription = Subscription(self.settings.subscribe)
        return self.url

    async def run(self) -> None:
        """Read the bus, keep time and refresh the rules until cancelled; then close."""
        tasks = [
            asyncio.create_task(self._supervise(self._pump), name="console-bus"),
            asyncio.create_task(self._supervise(self._clock), name="console-clock"),
            asyncio.create_task(self._supervise(self._rules), name="console-rules"),
        ]
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await self.close()

    async def close(self) -> None:
        """Stop serving and unsubscribe (idempotent)."""
        for browser in list(self.site.browsers):
            await browser.ws.close()
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()
        if self._subscription is not None:
            self._subscription.close()
            self._subscription = None

    @staticmethod
    async def _supervise(service: Service) -> None:
        while True:
            try:
                await service()
            except Exception:  # a console bug must not stop the console, nor touch the daemon
                log.exception("console task %s failed; restarting it", service.__name__)
                await asyncio.sleep(1.0)

    async def _pump(self) -> None:
        subscription = self._subscription
        if subscription is None:
            raise PublishError("the console is not started")
        while True:
            await asyncio.sleep(DRAIN_INTERVAL)
            now = time.time()
            for topic, payload in subscription.drain(DRAIN_LIMIT):
                event = self.state.receive(topic, payload, now)
                if event is None or event["type"] == "sys.heartbeat":
                    continue
                if event["type"] == "sys.rules":
                    self._rules_due = True
                self.site.push_event(event)
            if subscription.malformed:  # shown with the unreadable messages
                self.state.bad += subscription.malformed
                subscription.malformed = 0

    async def _clock(self) -> None:
        last = 0
        while True:
            await asyncio.sleep(1.0 - time.time() % 1.0 + 0.01)  # just after each second ends
            now = time.time()
            for daemon in self.state.tick(now):
                silent = now - daemon.last_seen
                log.warning("console: no message from daemon %r for %.0f s", daemon.name, silent)
            rates = self.state.history_since(last)
            if rates:
                last = rates[-1][0]
            if self.site.browsers:
                self.site.push_state(self.state.view(now), rates)

    async def _rules(self) -> None:
        while True:
            watched = bool(self.site.browsers) and time.monotonic() - self._rules_at >= RULES_INTERVAL
            if self._rules_due or watched:
                self._rules_due = False
                self._rules_at = time.monotonic()
                self.state.rules_reply(await self.control.request({"cmd": "rules"}))
            await asyncio.sleep(0.25)

    async def _on_reply(self, command: str, reply: dict[str, Any]) -> None:
        if command == "reload":
            self.state.reload_reply(reply, time.time())
            self._rules_due = True
        elif command == "rules":
            self.state.rules_reply(reply)


async def serve_console(
    config: Config, services: dict[str, Service], stack: contextlib.AsyncExitStack, local: str = ""
) -> None:
    """Start the console of ``tiktok-bridge run`` (when ``console.enabled``); a busy port only warns.

    ``local``: the daemon's publisher's ``inproc://`` endpoint (see :func:`console_settings`).

    Raises:
        ConfigError: the console would be reachable from other machines without a control token.
    """
    if not config.console.enabled:
        return
    if config.publisher.connect and not config.console.subscribe:
        log.info("console off: this daemon publishes into a forwarder; run `tiktok-bridge console` there")
        return
    console = Console(console_settings(config, local))
    try:
        url = await console.start()
    except PublishError as exc:
        log.warning("console not started: %s (console.port, or console.enabled = false)", exc)
        return
    stack.push_async_callback(console.close)
    services["console"] = console.run
    log.info("console on %s", url)
