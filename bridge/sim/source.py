"""Upstream sources that are not a live TikTok connection.

:class:`SimulatorSource` plays a :class:`bridge.sim.simulator.Simulator` in real
time: the simulator makes the frames, this adapter owns the clock.
"""

from __future__ import annotations

import asyncio
import time

from ..server.daemon import Daemon, Room
from .simulator import Simulator

__all__ = ["SimulatorSource"]


class SimulatorSource:
    """Feeds a simulated stream into the daemon at the scenario's rate."""

    def __init__(self, simulator: Simulator, room: Room | None = None) -> None:
        self.simulator = simulator
        self.room = room or Room(simulator.scenario.room, simulator.scenario.room_id)

    async def run(self, daemon: Daemon) -> None:
        """Publish simulated frames until the scenario's stream ends (or forever)."""
        sim = self.simulator
        daemon.set_state(self.room, "connecting", "simulator", f"scenario {sim.scenario.name!r}")
        daemon.set_state(self.room, "connected", "simulator")
        interval = sim.interval_ms / 1000
        due = time.monotonic()
        while not sim.end_sent:
            daemon.ingest(self.room, sim.frame(time.time_ns() // 1_000_000))
            due += interval * (0.5 + sim.rng.random())
            delay = due - time.monotonic()
            if delay < -1.0:  # far behind (machine suspended?): do not burst to catch up
                due = time.monotonic()
            await asyncio.sleep(max(0.0, delay))
        daemon.set_state(self.room, "streamEnd", "stream_ended", "the simulated stream ended")
