"""The game layer: streaks, rules and the ledger, wired into the daemon.

Every upstream event the daemon publishes passes through :meth:`GameLayer.on_event`:
gifts go through the room's :class:`~bridge.streaks.StreakTracker` (publishing
one ``giftFinal`` per streak), the :class:`~bridge.rules.RuleEngine` turns events
into ``action`` messages on ``action/<name>/<room>``, and the room's
:class:`~bridge.ledger.Ledger` keeps the totals, published as ``streamSummary``
at stream end. A background task closes silent streaks, releases queued
actions, flushes the ledger journals and reloads the rules file when it changes
(a bad edit keeps the old rules and is reported on ``sys.rules``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from pathlib import Path
from typing import Any

from . import topics
from .config import GameConfig
from .control import Commands, ControlError
from .daemon import Daemon, Room
from .errors import ConfigError
from .ledger import Ledger
from .rules import RuleEngine, load_rules
from .streaks import StreakTracker

__all__ = ["GameLayer"]

log = logging.getLogger("bridge.game")

Event = dict[str, Any]


class GameLayer:
    """Streak tracking, rules and ledgers for every room of a daemon."""

    def __init__(self, daemon: Daemon, config: GameConfig) -> None:
        self.daemon = daemon
        self.config = config
        self.rules_path = Path(config.rules) if config.rules else None
        self.engine = RuleEngine(load_rules(self.rules_path) if self.rules_path else [])
        self._mtime = self._stat()
        self.ledger_dir = Path(config.ledger_dir).expanduser() if config.ledger_dir else None
        self.trackers: dict[str, StreakTracker] = {}
        self.ledgers: dict[str, Ledger] = {}
        daemon.listeners.append(self.on_event)
        daemon.services.append(self.run)

    def register(self, commands: Commands) -> None:
        """Add ``rules``, ``reload`` and ``summary`` to the control channel."""
        commands.register("rules", self._rules_command)
        commands.register("reload", self._reload_command)
        commands.register("summary", self._summary_command)

    # ------------------------------------------------------------ events

    def _tracker(self, room: str) -> StreakTracker:
        if room not in self.trackers:
            self.trackers[room] = StreakTracker(self.config.streak_timeout)
        return self.trackers[room]

    def ledger(self, room: str) -> Ledger:
        """The ledger of ``room`` (resumed from its journal on first use)."""
        if room not in self.ledgers:
            self.ledgers[room] = Ledger(room, self.ledger_dir)
        return self.ledgers[room]

    def on_event(self, room: Room, event: Event) -> None:
        """Daemon listener: called with every published upstream event."""
        now = time.monotonic()
        kind = event["type"]
        step = self._tracker(room.name).feed(event, now) if kind == "gift" else None
        for action in self.engine.feed(event, step, now):
            self._publish_action(room, action)
        self.ledger(room.name).feed(event, step)
        if step is not None and step.final is not None:
            self.daemon.publish_event(room, step.final)
        if kind == "streamEnd":
            for final in self._tracker(room.name).close_all():
                self.daemon.publish_event(room, final)
            self._publish_summary(room, self.ledger(room.name).end())

    def _publish_action(self, room: Room, action: Event) -> None:
        action["room"] = room.name
        if room.room_id:
            action["roomId"] = room.room_id
        self.daemon.publisher.publish(topics.action_topic(action["name"], room.name), action)

    def _publish_summary(self, room: Room, summary: Event) -> None:
        summary["room"] = room.name
        self.daemon.publisher.publish(topics.event_topic("streamSummary", room.name), summary)

    # ------------------------------------------------------------ background

    async def run(self) -> None:
        """Expire streaks, release queued actions, flush, hot-reload; until cancelled."""
        last_check = time.monotonic()
        try:
            while True:
                await asyncio.sleep(0.2)
                self.tick(time.monotonic())
                if time.monotonic() - last_check >= 1.0:
                    last_check = time.monotonic()
                    for ledger in self.ledgers.values():
                        ledger.flush()
                    if self._stat() != self._mtime:
                        with contextlib.suppress(ConfigError):  # logged and published on sys.rules
                            self.reload()
        finally:
            for ledger in self.ledgers.values():
                ledger.close()

    def tick(self, now: float) -> None:
        """Close silent streaks and release queued actions due at ``now``."""
        for name, tracker in self.trackers.items():
            room = self.daemon.rooms.get(name) or Room(name)
            for final in tracker.expire(now):
                self.daemon.publish_event(room, final)
        for action in self.engine.tick(now):
            name = action["event"].get("room", "")
            self._publish_action(self.daemon.rooms.get(name) or Room(name), action)

    def _stat(self) -> float:
        try:
            return self.rules_path.stat().st_mtime if self.rules_path else 0.0
        except OSError:
            return 0.0

    def reload(self) -> int:
        """Reload the rules file; on error keep the old rules and report it.

        Returns:
            The number of rules now loaded.

        Raises:
            ConfigError: the file is invalid (the old rules stay active).
        """
        self._mtime = self._stat()
        if self.rules_path is None:
            return 0
        try:
            rules = load_rules(self.rules_path)
        except ConfigError as exc:
            log.error("rules not reloaded, the previous %d stay active: %s", len(self.engine.rules), exc)
            self.daemon.publisher.publish(
                topics.RULES,
                {"type": "sys.rules", "ok": False, "rules": len(self.engine.rules), "error": str(exc)},
            )
            raise
        self.engine = RuleEngine(rules)
        log.info("loaded %d rules from %s", len(rules), self.rules_path)
        self.daemon.publisher.publish(topics.RULES, {"type": "sys.rules", "ok": True, "rules": len(rules)})
        return len(rules)

    # ------------------------------------------------------------ control commands

    async def _rules_command(self, request: dict[str, Any]) -> list[dict[str, Any]]:
        stats = self.engine.stats()
        return [{**rule.describe(), **stats[rule.name]} for rule in self.engine.rules]

    async def _reload_command(self, request: dict[str, Any]) -> dict[str, Any]:
        if self.rules_path is None:
            raise ControlError("failed", "no rules file configured (run with --rules FILE)")
        try:
            return {"rules": self.reload()}
        except ConfigError as exc:
            raise ControlError("failed", str(exc)) from None

    async def _summary_command(self, request: dict[str, Any]) -> Event:
        name = request.get("room") or next(iter(self.daemon.rooms), None)
        if not isinstance(name, str) or name.lstrip("@") not in self.daemon.rooms:
            raise ControlError("unknown_room", f"@{name} is not watched")
        name = name.lstrip("@")
        summary = self.ledger(name).summary()
        summary["room"] = name
        self.daemon.publisher.publish(topics.event_topic("streamSummary", name), summary)
        return summary
