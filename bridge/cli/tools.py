"""The ``record``, ``replay`` and ``status`` commands of ``tiktok-bridge``.

``record`` runs the daemon with recording on (``record.dir``), ``replay`` plays
record files through a daemon of their own, and ``status`` looks creators up.
:mod:`bridge.cli.main` adds these parsers and hands the parsed arguments here.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..app import build, identity_of
from ..config import Config, load_config, override
from ..logs import setup_logging
from ..record.recorder import Recorder
from ..record.replay import KeepStampsPublisher, ReplayOptions, ReplaySource, replay_sources
from ..room import Source
from ..server.daemon import Daemon
from ..server.publisher import Publisher
from ..sim.simulator import LIMITS as SCENARIO_LIMITS
from ..sim.simulator import builtin_scenarios
from ..upstream.creators import format_table, lookup_creators
from ..upstream.lookup import WebClient
from ..values import INT64_MAX

__all__ = ["RATE", "SEED", "TOOL_COMMANDS", "add_tool_commands", "bounded", "run_tool_command"]

log = logging.getLogger("bridge.cli")

TOOL_COMMANDS = ("record", "replay", "status")
DEFAULT_RECORD_DIR = "recordings"
MAX_AMOUNT = 1e7
"""Largest ``--speed``, ``--seek``, ``--max-gap`` or ``--start-delay``."""
LINGER = 0.3
"""Seconds a finished replay keeps the publisher open so the last messages leave."""


def add_tool_commands(commands: Any) -> None:
    """Add the ``record``, ``replay`` and ``status`` parsers to the ``tiktok-bridge`` sub-parsers."""
    record = commands.add_parser(
        "record",
        help="run the daemon and record every upstream message (docs/recording.md)",
        description="Run the daemon with recording on: one file per stream in --out. Ctrl-C stops.",
    )
    record.add_argument("-c", "--config", metavar="FILE", help="TOML config file (see docs/configuration.md)")
    record.add_argument(
        "-r", "--room", action="append", default=[], metavar="ROOM", help="creator to record (repeatable)"
    )
    record.add_argument(
        "-o",
        "--out",
        metavar="DIR",
        help=f"where to write (default record.dir or {DEFAULT_RECORD_DIR})",
    )
    record.add_argument("--duration", type=_amount, default=0, metavar="S", help="stop after S seconds")
    record.add_argument("--endpoint", metavar="EP", help="ZeroMQ endpoint to bind")
    record.add_argument("--control", metavar="EP", help="control endpoint (empty to disable)")
    record.add_argument(
        "--scenario",
        metavar="NAME|FILE",
        help=f"simulator scenario without rooms: built-in ({', '.join(builtin_scenarios())}) or a .toml file",
    )
    record.add_argument("--rate", type=RATE, metavar="N", help="simulated messages per second")
    record.add_argument("--seed", type=SEED, metavar="N", help="simulator random seed")
    record.add_argument(
        "--direct", action="store_const", const="direct", dest="via", help="simulator frames without network"
    )
    record.add_argument("--log-level", choices=("debug", "info", "warning", "error"))
    record.add_argument("--log-format", choices=("text", "json"))

    replay = commands.add_parser(
        "replay",
        help="publish recorded streams again (docs/recording.md)",
        description="Feed record files through the decoder and publisher, as the original run did.",
    )
    replay.add_argument("files", nargs="+", metavar="FILE", help="record files (several rooms play at once)")
    replay.add_argument(
        "--speed",
        type=_amount,
        default=1.0,
        metavar="X",
        help="1 real time (default), 2 twice as fast, 0 at once",
    )
    replay.add_argument("--seek", type=_amount, default=0.0, metavar="S", help="skip the first S seconds")
    replay.add_argument(
        "--max-gap",
        type=_amount,
        default=ReplayOptions().max_gap,
        metavar="S",
        help=f"shorten silences between records to S seconds (default {ReplayOptions().max_gap:g})",
    )
    replay.add_argument("--loop", action="store_true", help="start again at the end, until Ctrl-C")
    replay.add_argument(
        "--keep-stamps", action="store_true", help="publish the recorded seq and ts instead of new ones"
    )
    replay.add_argument(
        "--start-delay",
        type=_amount,
        default=1.0,
        metavar="S",
        help="wait S seconds before the first event so subscribers can connect (default 1)",
    )
    replay.add_argument("--stay", action="store_true", help="keep running after the last file")
    replay.add_argument("-c", "--config", metavar="FILE", help="TOML config file")
    replay.add_argument("--endpoint", metavar="EP", help="ZeroMQ endpoint to bind")
    replay.add_argument("--control", metavar="EP", help="control endpoint (empty to disable)")
    replay.add_argument("--rules", metavar="FILE", help="game rules file")
    replay.add_argument("--log-level", choices=("debug", "info", "warning", "error"))
    replay.add_argument("--log-format", choices=("text", "json"))

    status = commands.add_parser(
        "status",
        help="who is live: room, title, viewers, stream URLs (docs/lookup.md)",
        description="Look creators up on TikTok: live status, room id, title, viewers, start, stream URLs.",
    )
    status.add_argument("creators", nargs="+", metavar="CREATOR", help="@name, profile/live URL or room id")
    status.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    status.add_argument("-c", "--config", metavar="FILE", help="TOML config file ([tiktok] web_base...)")
    status.add_argument("--web-base", metavar="URL", help="TikTok web base (default https://www.tiktok.com)")
    status.add_argument(
        "--webcast-base", metavar="URL", help="TikTok webcast base (default https://webcast.tiktok.com)"
    )
    status.add_argument(
        "--timeout", type=bounded(0.1, 3600), default=10.0, metavar="S", help="per-request timeout"
    )


def run_tool_command(args: argparse.Namespace) -> int:
    """Run ``record``, ``replay`` or ``status``.

    Raises:
        BridgeError: a bad configuration, record file or room.
    """
    config = load_config(args.config, os.environ)
    if args.command == "status":
        tiktok = {"web_base": args.web_base, "webcast_base": args.webcast_base}
        return _status(override(config, "tiktok", **tiktok), args.creators, args.json, args.timeout)
    config = override(config, "publisher", endpoint=args.endpoint)
    config = override(config, "log", level=args.log_level, format=args.log_format)
    config = override(config, "control", endpoint=args.control)
    if args.command == "record":
        simulator = {"scenario": args.scenario, "rate": args.rate, "seed": args.seed, "via": args.via}
        config = override(config, "simulator", **simulator)
        if args.room:
            config = override(config, "tiktok", rooms=",".join(args.room))
        config = override(config, "record", dir=args.out or config.record.dir or DEFAULT_RECORD_DIR)
        return _record(config, args.duration)
    config = override(config, "game", rules=args.rules)
    options = ReplayOptions(
        speed=args.speed,
        seek=args.seek,
        loop=args.loop,
        keep_stamps=args.keep_stamps,
        start_delay=args.start_delay,
        max_gap=args.max_gap,
    )
    return _replay(config, args.files, options, stay=args.stay)


def bounded(low: float, high: float, integer: bool = False) -> Callable[[str], float]:
    """An argparse ``type``: a finite number (an integer with ``integer``) from ``low`` to ``high``."""

    def parse(text: str) -> float:
        try:
            value = int(text) if integer else float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not {'an integer' if integer else 'a number'}"
            ) from None
        if not low <= value <= high:  # also refuses nan
            raise argparse.ArgumentTypeError(f"{text!r} must be from {low:g} to {high:g}")
        return value

    return parse


_amount = bounded(0, MAX_AMOUNT)
RATE = bounded(0, SCENARIO_LIMITS["rate"])
"""``--rate``: simulated messages per second."""
SEED = bounded(-1, INT64_MAX, integer=True)
"""``--seed``: the simulator's random seed."""


def _serve(
    config: Config,
    publisher: Publisher | None,
    upstream: list[Source] | None,
    until: Callable[[Daemon], Any] | None,
) -> Daemon | None:
    """Run a daemon until Ctrl-C, or until the coroutine ``until(daemon)`` returns."""
    setup_logging(config.log.level, config.log.format)
    done: list[Daemon] = []

    async def main() -> None:
        async with build(config, publisher, upstream) as daemon:
            done.append(daemon)
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                with contextlib.suppress(NotImplementedError):
                    loop.add_signal_handler(sig, daemon.stop)
            stopper = None
            if until is not None:

                async def stop_when_done() -> None:
                    await until(daemon)
                    daemon.stop()

                stopper = asyncio.create_task(stop_when_done())
            try:
                await daemon.run()
            finally:
                if stopper is not None:
                    stopper.cancel()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())
    return done[0] if done else None


def _record(config: Config, duration: float) -> int:
    async def wait(daemon: Daemon) -> None:
        await asyncio.sleep(duration)

    daemon = _serve(config, None, None, wait if duration > 0 else None)
    files = [str(f) for s in (daemon.sources.values() if daemon else []) for f in _recorded(s)]
    for name in files:
        print(name)
    log.info("recorded %d file(s) in %s", len(files), config.record.dir)
    return 0


def _recorded(source: Source) -> list[Path]:
    return list(source.tap.files) if isinstance(source.tap, Recorder) else []


def _replay(config: Config, files: Sequence[str], options: ReplayOptions, *, stay: bool) -> int:
    config = replace(config, game=replace(config.game, ledger_dir=""))  # never touch the real ledgers
    sources = replay_sources(files, options)
    publisher = KeepStampsPublisher(config.publisher) if options.keep_stamps else None

    def crashed(daemon: Daemon, source: ReplaySource) -> bool:
        """Whether the source's task raised (the supervisor counted it; a replay is never restarted)."""
        return daemon.supervisor.failures.get(f"source:{source.room.name}", 0) > 0

    async def finished(daemon: Daemon) -> None:
        while not all(source.done.is_set() or crashed(daemon, source) for source in sources):
            await asyncio.sleep(0.1)
        await asyncio.sleep(LINGER)

    upstream: list[Source] = list(sources)
    daemon = _serve(config, publisher, upstream, None if stay or options.loop else finished)
    played = sum(source.records for source in sources)
    log.info("replayed %d records of %d room(s)", played, len(sources))
    failed = [s for s in sources if s.failure or (daemon is not None and crashed(daemon, s))]
    for source in failed:
        log.error("replay of @%s failed: %s", source.room.name, source.failure or "its task raised")
    return 0 if daemon is not None and not failed else 1


def _status(config: Config, creators: Sequence[str], as_json: bool, timeout: float) -> int:
    settings = config.tiktok

    async def main() -> list[dict[str, Any]]:
        async with WebClient(
            web_base=settings.web_base,
            webcast_base=settings.webcast_base,
            browser=identity_of(config),
            session_id=settings.session_id,
            timeout=timeout,
        ) as web:
            return await lookup_creators(web, creators)

    entries = asyncio.run(main())
    if as_json:
        print(json.dumps(entries, indent=2, ensure_ascii=False))
    else:
        print(format_table(entries))
    failed = [e for e in entries if e["status"] in ("error", "blocked", "invalid")]
    if failed:
        print(f"{len(failed)} lookup(s) failed", file=sys.stderr)
    return 1 if failed else 0
