"""Upstream sources that are not a live TikTok connection.

:class:`SimulatorSource` plays a :class:`bridge.sim.simulator.Simulator` in real
time: the simulator makes the frames, this adapter owns the clock.
"""

from __future__ import annotations

import asyncio
import time

from ..room import Room, Sink, Tap, tapped
from .simulator import Simulator

__all__ = ["SimulatorSource"]


class SimulatorSource:
    """Feeds a simulated stream into the sink at the scenario's rate, showing each frame to ``tap``."""

    def __init__(self, simulator: Simulator, room: Room | None = None, *, tap: Tap | None = None) -> None:
        self.simulator = simulator
        self.room = room or Room(simulator.scenario.room, simulator.scenario.room_id)
        self.tap = tap

    async def run(self, sink: Sink) -> None:
        """Publish simulated frames until the scenario's stream ends (or forever)."""
        with tapped(self.tap, self.room, sink):
            await self._play(sink)

    async def _play(self, sink: Sink) -> None:
        sim = self.simulator
        sink.set_state(self.room, "connecting", "simulator", f"scenario {sim.scenario.name!r}")
        sink.set_state(self.room, "connected", "simulator")
        interval = sim.interval_ms / 1000
        due = time.monotonic()
        while not sim.end_sent:
            frame = sim.frame(time.time_ns() // 1_000_000)
            if self.tap is not None:
                self.tap.raw("frame", frame)
            sink.ingest(self.room, frame)
            due += interval * (0.5 + sim.rng.random())
            delay = due - time.monotonic()
            if delay < -1.0:  # far behind (machine suspended?): do not burst to catch up
                due = time.monotonic()
            await asyncio.sleep(max(0.0, delay))
        sink.set_state(self.room, "streamEnd", "stream_ended", "the simulated stream ended")
