"""Wiring: configuration in, a running daemon out.

With rooms configured, each becomes a :class:`bridge.upstream.connection.LiveSource`
against TikTok, or a relay source (``tiktool:``/``euler:`` prefixes, see
:mod:`bridge.upstream.upstreams`); ``record.dir`` makes them record. Without, the
embedded default runs: a fake TikTok on loopback plays the simulator scenario,
and the very same live client connects to it (lookup, signing, push WebSocket,
heartbeats, acks), so the default ``run`` exercises the real code path end to
end. ``simulator.via = "direct"`` skips the fake network and feeds simulator
frames straight into the decoder.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import replace

from . import __version__, codec
from .config import Config
from .errors import ConfigError, remember_secret
from .game.layer import GameLayer
from .record.recorder import CapturingSigner
from .server.control import Commands, ControlServer
from .server.daemon import Daemon, Source
from .server.publisher import Publisher
from .server.shard import shard_of
from .sim.faketiktok import FakeTikTok
from .sim.simulator import Scenario, Simulator, load_scenario
from .upstream.browser import Browser, browser_identity
from .upstream.connection import LiveSource, Watcher
from .upstream.creators import register_lookup
from .upstream.lookup import WebClient
from .upstream.signing import SESSION_HOST_ENV, EulerSigner, session_opt_in
from .upstream.upstreams import SourceMaker, parse_room, simulator_source

__all__ = ["build"]

log = logging.getLogger("bridge.app")


def scenario_of(config: Config) -> Scenario:
    """The simulator scenario with the config's overrides applied."""
    scenario = load_scenario(config.simulator.scenario)
    if config.simulator.rate:
        scenario = replace(scenario, rate=config.simulator.rate)
    if config.simulator.room:
        scenario = replace(scenario, room=config.simulator.room)
    if config.simulator.seed >= 0:
        scenario = replace(scenario, seed=config.simulator.seed)
    return scenario


@contextlib.asynccontextmanager
async def build(
    config: Config, publisher: Publisher | None = None, upstream: list[Source] | None = None
) -> AsyncIterator[Daemon]:
    """A daemon for ``config``, with everything it needs started; cleaned up on exit.

    ``upstream`` replaces the configured sources (``tiktok-bridge replay`` passes its own).

    Raises:
        ConfigError: a room is not a valid username, URL or room id.
    """
    remember_secrets(config, os.environ)
    async with contextlib.AsyncExitStack() as stack:
        log.info(
            "tiktok-live-bridge %s, decoder %s, publishing on %s",
            __version__,
            codec.IMPLEMENTATION,
            config.publisher.endpoint,
        )
        if codec.IMPLEMENTATION == "python" and os.environ.get("BRIDGE_PUREPYTHON") != "1":
            log.warning(codec.MISSING_NATIVE)
        web: WebClient | None = None
        if upstream is not None:
            sources, factory = list(upstream), None
        elif config.tiktok.rooms:
            sources, factory, web = await _live_sources(config, stack)
        else:
            scenario = scenario_of(config)
            if config.simulator.via == "direct":
                sources, factory = [simulator_source(Simulator(scenario), config)], None
                log.info("source: simulator %r as @%s, frames fed directly", scenario.name, scenario.room)
            else:
                # the daemon never reads the fake's records: keep memory bounded (issue 13, item 12)
                fake = await stack.enter_async_context(FakeTikTok(record=False))
                fake.add_room(scenario.room, scenario.room_id, scenario=scenario)
                base = fake.base_url
                tiktok = replace(
                    config.tiktok, rooms=(scenario.room,), web_base=base, webcast_base=base, source="tiktok"
                )
                live = replace(config, tiktok=tiktok, sign=replace(config.sign, base_url=base, api_key=""))
                log.info(
                    "source: simulated stream %r as @%s (%.0f messages/s) via the embedded fake TikTok at %s",
                    scenario.name,
                    scenario.room,
                    scenario.rate,
                    fake.base_url,
                )
                sources, factory, web = await _live_sources(live, stack)
        daemon = Daemon(config, sources, publisher, source_factory=factory)
        simulated = upstream is None and not config.tiktok.rooms  # the stream restarts with the daemon
        game = GameLayer(daemon, config.game, resume=not simulated)
        if config.game.rules:
            log.info(
                "%d rules from %s (reloaded when the file changes)", len(game.engine.rules), config.game.rules
            )
        if config.control.endpoint:
            commands = Commands(daemon, config.control)
            game.register(commands)
            if web is not None:
                register_lookup(commands, web)
            server = ControlServer(commands, config.control)
            server.start()
            daemon.services["control"] = server.serve
            log.info("control channel on %s", config.control.endpoint)
        yield daemon


async def _live_sources(
    config: Config, stack: contextlib.AsyncExitStack
) -> tuple[list[Source], Callable[[str], Source], WebClient]:
    """Sources for the configured rooms, a factory for rooms added at run time, and the lookup client."""
    settings = config.tiktok
    rooms = [(room, _target(room, "tiktok.rooms", settings.source)) for room in settings.rooms]
    shard = config.shard
    if shard.count > 1:
        mine = [(r, t) for r, t in rooms if shard_of(t, shard.count) == shard.index]
        log.info("shard %d of %d: watching %d of %d rooms", shard.index, shard.count, len(mine), len(rooms))
        rooms = mine
    browser = identity_of(config)
    web = WebClient(
        web_base=settings.web_base,
        webcast_base=settings.webcast_base,
        browser=browser,
        session_id=settings.session_id,
    )
    stack.push_async_callback(web.close)
    # the sign server is a third party: it gets the session id only with the documented opt-in
    opted_in = bool(settings.session_id) and session_opt_in(config.sign.base_url)
    if settings.session_id and not opted_in:
        log.info(
            "the TikTok session id is not sent to the sign server (set %s to its host to allow it)",
            SESSION_HOST_ENV,
        )
    signer = (CapturingSigner if config.record.dir else EulerSigner)(
        base_url=config.sign.base_url,
        api_key=config.sign.api_key or os.environ.get("SIGN_API_KEY", ""),
        style="fetch" if config.sign.style == "fetch" else "connect",
        user_agent=browser.user_agent,
        timeout=config.sign.timeout,
        session_id=settings.session_id if opted_in else "",
    )
    stack.push_async_callback(signer.close)
    watcher = Watcher(web, settings.poll_interval)
    stack.push_async_callback(watcher.close)
    slots = asyncio.Semaphore(settings.max_connections)
    make = SourceMaker(config, web, signer, watcher, slots)
    sources = [make(room, "tiktok.rooms") for room, _ in rooms]
    pushes = sum(1 for source in sources if isinstance(source, LiveSource))
    if pushes > settings.max_connections:
        log.warning(
            "watching %d rooms with tiktok.max_connections = %d: at most that many stream at once"
            " (TikTok allows about 4 connections per IP; see docs/scale-out.md)",
            pushes,
            settings.max_connections,
        )

    def factory(room: str) -> Source:
        return make(room, "room")

    return sources, factory, web


def identity_of(config: Config) -> Browser:
    """The browser identity ``[browser]`` describes (empty keys derived from the install and host).

    Raises:
        ConfigError: a ``[browser]`` value is malformed.
    """
    b = config.browser
    try:
        return browser_identity(b.user_agent, b.language, b.timezone, b.screen)
    except ValueError as exc:
        raise ConfigError(f"browser.{exc}") from None


def remember_secrets(config: Config, env: Mapping[str, str]) -> None:
    """Make :func:`bridge.errors.scrub` mask every secret of ``config`` and the environment."""
    for value in (
        config.sign.api_key,
        config.tiktok.session_id,
        config.control.token,
        config.tiktool.api_key,
        config.euler.api_key,
        config.publisher.curve_secret_key,
        *(env.get(name, "") for name in ("SIGN_API_KEY", "TIKTOOL_API_KEY", "EULER_API_KEY")),
    ):
        remember_secret(value)


def _target(room: str, where: str, default: str = "tiktok") -> str | int:
    try:
        return parse_room(room, default)[1]
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None
