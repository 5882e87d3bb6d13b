"""Entry points of the commands that run something other than the daemon."""

from __future__ import annotations

import asyncio
import json
import logging
import signal
from dataclasses import replace
from pathlib import Path

from ..config import Config
from ..console import Console, console_settings
from ..logs import setup_logging
from ..server.proxy import Forwarder
from ..sim.faketiktok import FakeTikTok
from ..sim.simulator import load_scenario

__all__ = ["run_console", "run_fake", "run_proxy"]

log = logging.getLogger("bridge.services")


async def _until_signalled(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except NotImplementedError:  # Windows: Ctrl-C arrives as KeyboardInterrupt
            pass
    await stop.wait()


def run_proxy(config: Config) -> int:
    """``tiktok-bridge proxy``: forward until Ctrl-C or SIGTERM."""
    setup_logging(config.log.level, config.log.format)
    forwarder = Forwarder(config.proxy)
    forwarder.start()
    log.info("control endpoint %s routes commands to the daemon owning the room", config.proxy.control)

    async def main() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(forwarder.run())
        await _until_signalled(stop)
        forwarder.stop()
        await task

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
    log.info("forwarded %d messages", forwarder.messages)
    return 0


def run_fake(
    port: int,
    rooms: list[str],
    scenario: str | None,
    rate: float | None,
    *,
    heartbeat: float = 10.0,
    report: str = "",
) -> int:
    """``tiktok-bridge fake-tiktok``: serve simulated creators until Ctrl-C or SIGTERM.

    ``report`` names a file that gets :meth:`FakeTikTok.report` as JSON on exit.
    """
    setup_logging("info", "text")
    base = load_scenario(scenario or "default")
    if rate:
        base = replace(base, rate=rate)

    async def main() -> None:
        async with FakeTikTok(port=port, heartbeat=heartbeat, record=False) as fake:
            for i, name in enumerate(rooms):
                fake.add_room(name.lstrip("@"), base.room_id + i, scenario=replace(base, seed=base.seed + i))
            print(f"fake TikTok on {fake.base_url} with {', '.join(rooms)}", flush=True)
            try:
                await _until_signalled(asyncio.Event())
            finally:
                if report:
                    Path(report).write_text(json.dumps(fake.report(), indent=2) + "\n", encoding="utf-8")

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
    except ValueError as exc:
        log.error("fake-tiktok: %s", exc)
        return 2
    return 0


def run_console(config: Config) -> int:
    """``tiktok-bridge console``: serve the web console until Ctrl-C or SIGTERM."""
    setup_logging(config.log.level, config.log.format)

    async def main() -> None:
        console = Console(console_settings(config))
        url = await console.start()
        settings = console.settings
        log.info("console on %s for %s (control %s)", url, settings.subscribe, settings.control)
        task = asyncio.create_task(console.run())
        await _until_signalled(asyncio.Event())
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
    return 0
