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
from typing import Any

from . import __version__, codec
from .config import Config, parse_room
from .errors import ConfigError, remember_secret
from .game.layer import GameLayer
from .record.recorder import Recorder
from .room import Source
from .server.control import Commands, ControlError, ControlServer
from .server.daemon import Daemon
from .server.publisher import Publisher
from .server.shard import shard_of
from .sim.faketiktok import FakeTikTok
from .sim.simulator import Scenario, Simulator, load_scenario
from .sim.source import SimulatorSource
from .upstream.browser import Browser, browser_identity
from .upstream.connection import LiveSource, Watcher
from .upstream.creators import MAX_CREATORS, lookup_creators
from .upstream.lookup import WebClient
from .upstream.relays import EulerSource, RelaySource, TikToolSource
from .upstream.signing import SESSION_HOST_ENV, EulerSigner, SignProvider, session_opt_in

__all__ = ["SourceMaker", "build", "recorder_of", "register_lookup", "relay_api_key"]

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
                tap = recorder_of(config, "simulator")
                sources, factory = [SimulatorSource(Simulator(scenario), tap=tap)], None
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
    signer = EulerSigner(
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


# ------------------------------------------------------------------ choosing each room's source


def relay_api_key(config: Config, source: str, env: Mapping[str, str] | None = None) -> str:
    """The API key of a relay: the config key, else ``TIKTOOL_API_KEY`` / ``EULER_API_KEY``."""
    environ = os.environ if env is None else env
    if source == "tiktool":
        return config.tiktool.api_key or environ.get("TIKTOOL_API_KEY", "")
    return config.euler.api_key or environ.get("EULER_API_KEY", "")


def recorder_of(config: Config, source: str) -> Recorder | None:
    """The tap of a new ``source`` (``tiktok``, ``tiktool``, ``euler``, ``simulator``): a recorder
    when ``record.dir`` is set, else none."""
    record = config.record
    if not record.dir:
        return None
    if source == "simulator":
        return Recorder(record.dir, source, flush_interval=record.flush_interval)
    return Recorder(
        record.dir, source, dedupe_size=config.tiktok.dedupe_size, flush_interval=record.flush_interval
    )


class SourceMaker:
    """Makes the source for a room entry, sharing the lookup client, signer, watcher and slots.

    A room entry may start with a source prefix: ``tiktok:@name``, ``tiktool:@name``
    or ``euler:@name``; without one, ``tiktok.source`` applies (default
    ``tiktok``). Relays need a creator's username (they look the room up
    themselves) and an API key (``tiktool.api_key`` / ``TIKTOOL_API_KEY``,
    ``euler.api_key`` / ``EULER_API_KEY``). With ``record.dir`` set, every source
    records what it receives (:func:`recorder_of`).
    """

    def __init__(
        self,
        config: Config,
        web: WebClient,
        signer: SignProvider,
        watcher: Watcher,
        slots: asyncio.Semaphore,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.config = config
        self.web = web
        self.signer = signer
        self.watcher = watcher
        self.slots = slots
        self.env = env

    def __call__(self, room: str, where: str = "room") -> Source:
        """The source for ``room``.

        Raises:
            ConfigError: a bad room entry, or a relay without an API key.
        """
        config = self.config
        try:
            source, target = parse_room(room, config.tiktok.source)
        except ValueError as exc:
            raise ConfigError(f"{where}: {exc}") from None
        if source == "tiktok":
            tap = recorder_of(config, source)
            return LiveSource(target, config.tiktok, self.web, self.signer, self.watcher, self.slots, tap=tap)
        key = relay_api_key(config, source, self.env)
        if not key:
            variable = "TIKTOOL_API_KEY" if source == "tiktool" else "EULER_API_KEY"
            raise ConfigError(f"{where}: {room!r} needs {source}.api_key (or {variable} in the environment)")
        cls: type[RelaySource] = TikToolSource if source == "tiktool" else EulerSource
        url = config.tiktool.ws_url if source == "tiktool" else config.euler.ws_url
        tap = recorder_of(config, source)
        return cls(str(target), config.tiktok, url, key, web=self.web, watcher=self.watcher, tap=tap)


def register_lookup(commands: Commands, web: WebClient) -> None:
    """Add the ``lookup`` command: ``lookup @a @b`` or ``{"cmd": "lookup", "creators": [...]}``."""

    async def lookup(request: dict[str, Any]) -> dict[str, Any]:
        creators = request.get("creators")
        if creators is None:
            text = request.get("room")
            creators = text.replace(",", " ").split() if isinstance(text, str) else []
        if not isinstance(creators, list) or not all(isinstance(c, str) for c in creators) or not creators:
            raise ControlError("bad_request", "lookup needs creators: a list of @names, URLs or room ids")
        if len(creators) > MAX_CREATORS:
            raise ControlError("bad_request", f"lookup takes at most {MAX_CREATORS} creators")
        return {"creators": await lookup_creators(web, creators)}

    commands.register("lookup", lookup)
