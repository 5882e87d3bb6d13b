"""Choosing each room's upstream: TikTok itself, the TikTool relay or the Euler Stream relay.

A room entry may start with a source prefix: ``tiktok:@name``, ``tiktool:@name``
or ``euler:@name``; without one, ``tiktok.source`` applies (default
``tiktok``). Relays need a creator's username (they look the room up
themselves) and an API key (``tiktool.api_key`` / ``TIKTOOL_API_KEY``,
``euler.api_key`` / ``EULER_API_KEY``). With ``record.dir`` set, every source
records what it receives (:mod:`bridge.record.recorder`).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping

from ..config import SOURCES, Config, parse_room
from ..errors import ConfigError
from ..record.recorder import Recorder, RecordingLiveSource, RecordingSimulatorSource
from ..server.daemon import Source
from ..sim.simulator import Simulator
from ..sim.source import SimulatorSource
from .connection import LiveSource, Watcher
from .lookup import WebClient
from .relays import EulerSource, RelaySource, TikToolSource
from .signing import SignProvider

__all__ = ["SOURCES", "SourceMaker", "parse_room", "simulator_source"]


def relay_api_key(config: Config, source: str, env: Mapping[str, str] | None = None) -> str:
    """The API key of a relay: the config key, else ``TIKTOOL_API_KEY`` / ``EULER_API_KEY``."""
    environ = os.environ if env is None else env
    if source == "tiktool":
        return config.tiktool.api_key or environ.get("TIKTOOL_API_KEY", "")
    return config.euler.api_key or environ.get("EULER_API_KEY", "")


class SourceMaker:
    """Makes the source for a room entry, sharing the lookup client, signer, watcher and slots."""

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
        record = config.record
        if source == "tiktok":
            if record.dir:
                return RecordingLiveSource(
                    target,
                    config.tiktok,
                    self.web,
                    self.signer,
                    self.watcher,
                    self.slots,
                    record.dir,
                    flush_interval=record.flush_interval,
                )
            return LiveSource(target, config.tiktok, self.web, self.signer, self.watcher, self.slots)
        key = relay_api_key(config, source, self.env)
        if not key:
            variable = "TIKTOOL_API_KEY" if source == "tiktool" else "EULER_API_KEY"
            raise ConfigError(f"{where}: {room!r} needs {source}.api_key (or {variable} in the environment)")
        cls: type[RelaySource] = TikToolSource if source == "tiktool" else EulerSource
        url = config.tiktool.ws_url if source == "tiktool" else config.euler.ws_url
        relay = cls(str(target), config.tiktok, url, key, web=self.web, watcher=self.watcher)
        if record.dir:
            relay.recorder = Recorder(
                record.dir,
                relay.room,
                source,
                dedupe_size=config.tiktok.dedupe_size,
                flush_interval=record.flush_interval,
            )
        return relay


def simulator_source(simulator: Simulator, config: Config) -> Source:
    """The ``--direct`` simulator source, recording when ``record.dir`` is set."""
    if config.record.dir:
        return RecordingSimulatorSource(
            simulator, config.record.dir, flush_interval=config.record.flush_interval
        )
    return SimulatorSource(simulator)
