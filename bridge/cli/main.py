"""The ``tiktok-bridge`` command line."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Sequence

from .. import __version__, contract
from ..app import build
from ..config import Config, load_config, override
from ..console import serve_console
from ..console.tail import Tail
from ..errors import BridgeError
from ..logs import setup_logging
from ..sim.simulator import builtin_scenarios
from ..values import INT64_MAX
from .services import run_console, run_fake, run_proxy
from .tools import RATE, SEED, TOOL_COMMANDS, add_tool_commands, bounded, run_tool_command

__all__ = ["main"]

log = logging.getLogger("bridge.cli")

_DESCRIPTION = f"""\
TikTok LIVE events for game engines: decodes TikTok's webcast frames and
publishes chat, gifts, likes, follows, viewers, battles and more as msgpack
over ZeroMQ (default {contract.PUBLISHER_ENDPOINT}).

Start with:   tiktok-bridge run      (a built-in simulated stream, no account needed)
and watch:    tiktok-bridge tail, or the console it prints the URL of
"""

_EPILOG = """\
environment:
  BRIDGE_<SECTION>_<KEY>   override any config key, e.g. BRIDGE_PUBLISHER_ENDPOINT
  BRIDGE_PUREPYTHON=1      use the pure-Python decoder instead of the compiled one

docs: docs/events.md (event contract), docs/topics.md, docs/configuration.md
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tiktok-bridge",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tiktok-live-bridge {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser(
        "run",
        help="run the daemon (the simulator unless rooms are configured)",
        description="Run the daemon and publish events until Ctrl-C.",
    )
    run.add_argument("-c", "--config", metavar="FILE", help="TOML config file (see docs/configuration.md)")
    run.add_argument(
        "-r",
        "--room",
        action="append",
        default=[],
        metavar="ROOM",
        help="watch this creator (@name, profile/live URL or room id; repeatable); none: the simulator",
    )
    run.add_argument(
        "--endpoint", metavar="EP", help=f"ZeroMQ endpoint to bind (default {contract.PUBLISHER_ENDPOINT})"
    )
    run.add_argument("--rules", metavar="FILE", help="game rules file (see examples/rules/game.toml)")
    run.add_argument(
        "--control",
        metavar="EP",
        help=f"control endpoint (default {contract.CONTROL_ENDPOINT}; empty to disable)",
    )
    run.add_argument(
        "--scenario",
        metavar="NAME|FILE",
        help=f"simulator scenario: built-in ({', '.join(builtin_scenarios())}) or a .toml file",
    )
    run.add_argument("--rate", type=RATE, metavar="N", help="simulated messages per second")
    run.add_argument("--seed", type=SEED, metavar="N", help="simulator random seed")
    run.add_argument(
        "--direct",
        action="store_const",
        const="direct",
        dest="via",
        help="feed simulated frames straight to the decoder, without the embedded fake TikTok",
    )
    run.add_argument(
        "--record", metavar="DIR", help="record every upstream message to DIR (docs/recording.md)"
    )
    run.add_argument("--log-level", choices=("debug", "info", "warning", "error"))
    run.add_argument("--log-format", choices=("text", "json"))
    run.add_argument(
        "--no-console", action="store_false", dest="console", default=None, help="no web console"
    )
    run.add_argument(
        "--console-port",
        type=bounded(0, 65535, integer=True),
        metavar="N",
        help=f"web console port (default {contract.CONSOLE_PORT})",
    )
    add_tool_commands(commands)

    console = commands.add_parser(
        "console",
        help="serve the web console for a running daemon or forwarder (docs/console.md)",
        description="A local web page showing rooms, events, rules and the ledger of a running daemon.",
    )
    console.add_argument("-c", "--config", metavar="FILE", help="TOML config file ([console] section)")
    console.add_argument("--endpoint", metavar="EP", help="PUB endpoint (default the daemon's)")
    console.add_argument("--control", metavar="EP", help="control endpoint (default the daemon's)")
    console.add_argument("--host", metavar="HOST", help="address to listen on (default 127.0.0.1)")
    console.add_argument(
        "--port",
        type=bounded(0, 65535, integer=True),
        metavar="N",
        help=f"port to listen on (default {contract.CONSOLE_PORT})",
    )
    console.add_argument("--log-level", choices=("debug", "info", "warning", "error"))

    proxy = commands.add_parser(
        "proxy",
        help="forward many daemons to one endpoint (docs/scale-out.md)",
        description="XSUB/XPUB forwarder: daemons publish into --frontend, engines subscribe to --backend.",
    )
    proxy.add_argument("-c", "--config", metavar="FILE", help="TOML config file ([proxy] section)")
    proxy.add_argument(
        "--frontend", metavar="EP", help=f"where daemons publish (default {contract.FORWARDER_ENDPOINT})"
    )
    proxy.add_argument(
        "--backend", metavar="EP", help=f"where engines subscribe (default {contract.PUBLISHER_ENDPOINT})"
    )
    proxy.add_argument(
        "--control",
        metavar="EP",
        help=f"control endpoint routed to daemons (default {contract.CONTROL_ENDPOINT})",
    )
    proxy.add_argument(
        "--allow-remote",
        action="store_const",
        const=True,
        help="allow a frontend or backend beyond loopback (proxy.allow_remote)",
    )
    proxy.add_argument("--log-level", choices=("debug", "info", "warning", "error"))

    fake = commands.add_parser(
        "fake-tiktok",
        help="serve a fake TikTok (HTTP + push WebSocket) on loopback",
        description="Serve simulated creators the way TikTok does, for tests and demos.",
    )
    fake.add_argument(
        "--port",
        type=bounded(0, 65535, integer=True),
        default=0,
        metavar="N",
        help="TCP port (default: any free one)",
    )
    fake.add_argument(
        "--room", action="append", default=[], metavar="NAME", help="a live creator (repeatable)"
    )
    fake.add_argument("--scenario", metavar="NAME|FILE", help="simulator scenario for every room")
    fake.add_argument("--rate", type=RATE, metavar="N", help="messages per second per room")
    fake.add_argument(
        "--heartbeat",
        type=bounded(0.01, 3600),
        default=10.0,
        metavar="S",
        help="heartbeat interval to announce (default 10)",
    )
    fake.add_argument("--report", default="", metavar="FILE", help="on exit, write what clients did as JSON")

    tail = commands.add_parser(
        "tail",
        help="print events from a running daemon",
        description="Subscribe to a running daemon and print its events.",
    )
    tail.add_argument("--endpoint", default=None, metavar="EP", help="daemon endpoint (default from config)")
    tail.add_argument("-c", "--config", metavar="FILE", help="read the endpoint from this config file")
    tail.add_argument(
        "-t", "--type", action="append", default=[], metavar="TYPE", help="only this event type (repeatable)"
    )
    tail.add_argument("-r", "--room", default="", metavar="ROOM", help="only this room (uniqueId)")
    tail.add_argument("--sys", action="store_true", help="also print sys.status and sys.heartbeat")
    tail.add_argument("--json", action="store_true", help="print each event as one JSON line")
    tail.add_argument(
        "-n",
        "--count",
        type=bounded(0, INT64_MAX, integer=True),
        default=0,
        metavar="N",
        help="exit after N events",
    )
    tail.add_argument(
        "--timeout", type=bounded(0, 1e7), default=0, metavar="S", help="exit after S seconds without events"
    )
    return parser


def _config(args: argparse.Namespace) -> Config:
    config = load_config(getattr(args, "config", None), os.environ)
    if args.command == "proxy":
        config = override(config, "log", level=args.log_level)
        endpoints = {"frontend": args.frontend, "backend": args.backend, "control": args.control}
        return override(config, "proxy", allow_remote=args.allow_remote, **endpoints)
    if args.command == "fake-tiktok":
        return config
    if args.command == "console":
        config = override(config, "log", level=args.log_level)
        values = {"subscribe": args.endpoint, "control": args.control, "host": args.host, "port": args.port}
        return override(config, "console", **values)
    config = override(config, "publisher", endpoint=args.endpoint)
    if args.command == "run":
        config = override(config, "log", level=args.log_level, format=args.log_format)
        config = override(config, "control", endpoint=args.control)
        config = override(config, "game", rules=args.rules)
        config = override(config, "record", dir=args.record)
        config = override(config, "console", enabled=args.console, port=args.console_port)
        simulator = {"scenario": args.scenario, "rate": args.rate, "seed": args.seed, "via": args.via}
        config = override(config, "simulator", **simulator)
        if args.room:
            config = override(config, "tiktok", rooms=",".join(args.room))
    return config


def _run(config: Config) -> int:
    setup_logging(config.log.level, config.log.format)
    published = 0

    async def main() -> None:
        nonlocal published
        async with build(config) as daemon, contextlib.AsyncExitStack() as stack:
            await serve_console(config, daemon.services, stack, daemon.publisher.inproc)
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                try:
                    loop.add_signal_handler(sig, daemon.stop)
                except NotImplementedError:  # Windows: Ctrl-C arrives as KeyboardInterrupt
                    pass
            try:
                await daemon.run()
            finally:
                published = daemon.publisher.published

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
    log.info("stopped after %d messages", published)
    return 0


def _tail(config: Config, args: argparse.Namespace) -> int:
    tail = Tail(config.publisher.endpoint, args.type, args.room, include_sys=args.sys)
    received = 0
    try:
        while not args.count or received < args.count:
            event = tail.receive(args.timeout or 3600.0)
            if event is None:
                if args.timeout:
                    print(f"no events for {args.timeout:g} s", file=sys.stderr)
                    return 1
                continue
            received += 1
            print(tail.format(event, args.json), flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        if tail.gaps:
            print(f"{tail.gaps} messages lost (seq gaps)", file=sys.stderr)
        tail.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``tiktok-bridge`` command."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command in TOOL_COMMANDS:
            return run_tool_command(args)
        config = _config(args)
        if args.command == "run":
            return _run(config)
        if args.command == "proxy":
            return run_proxy(config)
        if args.command == "console":
            return run_console(config)
        if args.command == "fake-tiktok":
            return run_fake(
                args.port,
                args.room or ["simulated"],
                args.scenario,
                args.rate,
                heartbeat=args.heartbeat,
                report=args.report,
            )
        return _tail(config, args)
    except BridgeError as exc:
        print(f"tiktok-bridge: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
