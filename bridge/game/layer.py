"""The game layer: streaks, rules and the ledger, wired into the daemon.

Every upstream event the daemon publishes passes through :meth:`GameLayer.on_event`:
gifts go through the room's :class:`~bridge.game.streaks.StreakTracker` (publishing
one ``giftFinal`` per streak), the :class:`~bridge.game.rules.RuleEngine` turns events
into ``action`` messages on ``action/<name>/<room>``, and the room's
:class:`~bridge.game.ledger.Ledger` keeps the totals, published as ``streamSummary``
at stream end. A background task closes silent streaks, releases queued
actions, flushes the ledger journals and reloads the rules file when it changes
(a bad edit keeps the old rules and is reported on ``sys.rules``): four tasks
(``game:streaks``, ``game:actions``, ``game:ledger``, ``game:rules``) under the
daemon's supervisor, so that a failure in one never stops the others.

Simulated events (``simulated: true``, from the control channel's ``simulate``)
have state of their own per room: their own streaks and their own ledger, in
memory only, whose ``streamSummary`` (at a simulated ``streamEnd``, or asked for
with ``summary`` and ``simulated: true``) is marked ``simulated: true``. The real
ledger and its journal never see them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import GameConfig
from ..errors import ConfigError
from ..room import Room
from ..server import topics
from ..server.control import Commands, ControlError
from ..server.daemon import Daemon
from .ledger import Ledger
from .rules import RuleEngine, load_rules
from .streaks import GiftStep, StreakTracker

__all__ = ["IDLE_SECONDS", "MAX_UNWATCHED_ROOMS", "GameLayer"]

log = logging.getLogger("bridge.game")

Event = dict[str, Any]


MAX_UNWATCHED_ROOMS = 64
"""Rooms not watched by the daemon (``simulate`` room names, rooms disconnected) that keep game state."""
IDLE_SECONDS = 300.0
"""An unwatched room's state (streaks, journal handle) is closed after this long without an event."""


@dataclass(slots=True)
class _State:
    """One room's game state, for its real events or for its simulated ones.

    ``ledger``: the journaled ledger (``None`` while its journal cannot be opened), or for simulated
    events an in-memory one.
    """

    tracker: StreakTracker
    ledger: Ledger | None
    used: float
    simulated: bool


class GameLayer:
    """Streak tracking, rules and ledgers for every room of a daemon."""

    def __init__(self, daemon: Daemon, config: GameConfig, resume: bool = True) -> None:
        """``resume=False``: the journals start afresh (the built-in simulator's stream restarts with the
        daemon, with the same message ids: resuming would take the new stream for the old one)."""
        self.daemon = daemon
        self.config = config
        self.resume = resume
        self.rules_path = Path(config.rules) if config.rules else None
        self.engine = RuleEngine(load_rules(self.rules_path) if self.rules_path else [])
        self._mtime = self._stat()
        self.ledger_dir = Path(config.ledger_dir).expanduser() if config.ledger_dir else None
        self.states: dict[tuple[str, bool], _State] = {}
        """Per ``(room, simulated)``: streaks and the ledger."""
        daemon.listeners.append(self.on_event)
        daemon.delivered.append(self._flush_room)
        daemon.remembered = self._remembered
        daemon.services |= {
            "game:streaks": lambda: _every(0.2, lambda: self.expire_streaks(time.monotonic())),
            "game:actions": lambda: _every(0.2, lambda: self.release_actions(time.monotonic())),
            "game:ledger": self._flush_ledgers,
            "game:rules": lambda: _every(1.0, self.check_rules),
        }

    def register(self, commands: Commands) -> None:
        """Add ``rules``, ``reload`` and ``summary`` to the control channel."""
        commands.register("rules", self._rules_command)
        commands.register("reload", self._reload_command)
        commands.register("summary", self._summary_command)

    # ------------------------------------------------------------ per-room state

    def _state(self, name: str, simulated: bool, now: float) -> _State:
        key = (name, simulated)
        state = self.states.get(key)
        if state is None:
            ledger = Ledger(name, simulated=True) if simulated else None
            tracker = StreakTracker(self.config.streak_timeout)
            state = self.states[key] = _State(tracker, ledger, now, simulated)
            self._bound(now)
        state.used = now
        if state.ledger is None:
            state.ledger = self.daemon.listener_failures.call("ledger", self._open_ledger, name, state, now)
        return state

    def _open_ledger(self, name: str, state: _State, now: float) -> Ledger:
        ledger = Ledger(name, self.ledger_dir, self.daemon.config.tiktok.dedupe_size, fresh=not self.resume)
        if not state.tracker.open_streaks:
            state.tracker.resume(*ledger.streaks(), now)
        return ledger

    def ledger(self, room: str, simulated: bool = False) -> Ledger:
        """The ledger of ``room`` (resumed from its journal on first use), or of its simulated events.

        Raises:
            OSError, ValueError: its journal cannot be read or written.
        """
        now = time.monotonic()
        state = self._state(room, simulated, now)
        if state.ledger is None:
            state.ledger = self._open_ledger(room, state, now)
        return state.ledger

    def _watched(self, key: tuple[str, bool]) -> bool:
        return not key[1] and key[0] in self.daemon.rooms

    def _bound(self, now: float) -> None:
        """Close unwatched rooms idle for :data:`IDLE_SECONDS`, and the least recent beyond the cap."""
        unwatched = sorted((s.used, key) for key, s in self.states.items() if not self._watched(key))
        excess = len(unwatched) - MAX_UNWATCHED_ROOMS
        for i, (used, key) in enumerate(unwatched):
            if i < excess or now - used >= IDLE_SECONDS:
                self._evict(key)

    def _evict(self, key: tuple[str, bool]) -> None:
        state = self.states.pop(key)
        room = self.daemon.rooms.get(key[0]) or Room(key[0])
        for final in state.tracker.close_all():
            self._publish_final(room, state, final)
        if state.ledger is not None:
            state.ledger.close()

    def _remembered(self, name: str) -> list[int]:
        """The ids the room's journal says were published before a restart (the daemon skips them)."""
        ledger = self._state(name, False, time.monotonic()).ledger
        return ledger.recent.ids() if ledger is not None else []

    def close(self) -> None:
        """Flush and close every journal (they reopen on the next event)."""
        for state in self.states.values():
            if state.ledger is not None:
                self.daemon.listener_failures.call("ledger", state.ledger.close)

    # ------------------------------------------------------------ events

    def on_event(self, room: Room, event: Event) -> None:
        """Daemon listener: called with every published upstream event.

        Streaks, rules and the ledger each run in their own guard (failures
        counted as ``streaks``, ``rules``, ``ledger`` in ``listenerFailures``):
        a bug or an unwritable ledger directory in one never stops the others.
        Simulated events (``simulated: true``) have streaks and a ledger of
        their own (in memory): they never reach the real ledger or its journal.
        """
        now = time.monotonic()
        kind = event["type"]
        guard = self.daemon.listener_failures.call
        rules = kind in self.engine.needs  # the engine looks at a few types only
        if kind == "giftFinal":  # made here: only rules look at it
            if rules:
                guard("rules", self._fire_rules, room, event, None, now)
            return
        simulated = event.get("simulated") is True
        state = self._state(room.name, simulated, now)
        step = guard("streaks", state.tracker.feed, event, now) if kind == "gift" else None
        if rules:
            guard("rules", self._fire_rules, room, event, step, now)
        if state.ledger is not None:
            guard("ledger", self._account, room, state.ledger, event, step)
        if step is not None and step.final is not None:
            self._publish_final(room, state, step.final)
        if kind == "streamEnd":
            for final in guard("streaks", state.tracker.close_all) or []:
                self._publish_final(room, state, final)
            if state.ledger is not None:
                self._end_stream(room, state.ledger)

    def _account(self, room: Room, ledger: Ledger, event: Event, step: GiftStep | None) -> None:
        if ledger.other_stream(event):
            log.info(
                "@%s: room %s is a new stream; closing the %sledger of room %s",
                room.name,
                event["roomId"],
                "simulated " if ledger.simulated else "",
                ledger.room_id,
            )
            self._end_stream(room, ledger)
        ledger.feed(event, step)

    def _end_stream(self, room: Room, ledger: Ledger) -> None:
        """Publish the stream's final summary, then close it in the journal (which may fail on its own)."""
        now_ms = time.time_ns() // 1_000_000
        guard = self.daemon.listener_failures.call
        summary = guard("ledger", ledger.summary, True, now_ms)
        if summary is not None:
            self._publish_summary(room, summary)
        guard("ledger", ledger.end, now_ms)

    def _publish_final(self, room: Room, state: _State, final: Event) -> None:
        if state.simulated:
            final["simulated"] = True
        self.daemon.publish_event(room, final)
        if state.ledger is not None:
            self.daemon.listener_failures.call("ledger", state.ledger.streak_closed, final)

    def _flush_room(self, room: Room) -> None:
        """After each delivered frame: its journal lines reach the file before the next frame is read."""
        state = self.states.get((room.name, False))
        if state is not None and state.ledger is not None:
            self.daemon.listener_failures.call("ledger", state.ledger.flush)

    def _fire_rules(self, room: Room, event: Event, step: GiftStep | None, now: float) -> None:
        for action in self.engine.feed(event, step, now):
            self._publish_action(room, action)

    def _publish_action(self, room: Room, action: Event) -> None:
        action["room"] = room.name
        if room.room_id:
            action["roomId"] = room.room_id
        self.daemon.publisher.publish(topics.action_topic(action["name"], room.name), action)

    def _publish_summary(self, room: Room, summary: Event) -> None:
        summary["room"] = room.name
        self.daemon.publisher.publish(topics.event_topic("streamSummary", room.name), summary)

    # ------------------------------------------------------------ background

    def expire_streaks(self, now: float) -> None:
        """Close the streaks silent for ``game.streak_timeout`` at ``now``: publish their ``giftFinal``."""
        for (name, _), state in list(self.states.items()):
            room = self.daemon.rooms.get(name) or Room(name)
            for final in state.tracker.expire(now):
                self._publish_final(room, state, final)

    def release_actions(self, now: float) -> None:
        """Publish the queued actions whose cooldown has passed at ``now``."""
        for action in self.engine.tick(now):
            name = action["event"].get("room", "")
            self._publish_action(self.daemon.rooms.get(name) or Room(name), action)

    def check_rules(self) -> None:
        """Reload the rules file if it changed (a bad edit is reported and the old rules stay)."""
        if self._stat() != self._mtime:
            try:
                self.reload()
            except ConfigError:
                pass  # reported on sys.rules and logged by reload()

    async def _flush_ledgers(self) -> None:
        """Each second: flush every journal (each in its own guard), close idle rooms; all at exit."""
        try:
            while True:
                await asyncio.sleep(1.0)
                for state in list(self.states.values()):
                    if state.ledger is not None:
                        self.daemon.listener_failures.call("ledger", state.ledger.flush)
                self._bound(time.monotonic())
        finally:
            self.close()

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
        self.engine = self.engine.reloaded(rules)
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
        simulated = request.get("simulated", False)
        if not isinstance(simulated, bool):
            raise ControlError("bad_request", "simulated must be true or false")
        asked = request.get("room") or next(iter(self.daemon.rooms), None)
        name = asked.lstrip("@") if isinstance(asked, str) else ""
        if name not in self.daemon.rooms and not (simulated and (name, True) in self.states):
            which = "has no simulated events and " if simulated else ""
            raise ControlError("unknown_room", f"@{asked} {which}is not watched")
        try:
            summary = self.ledger(name, simulated).summary()
        except (OSError, ValueError) as exc:
            raise ControlError("failed", f"the ledger of @{name} cannot be read: {exc}") from None
        summary["room"] = name
        self.daemon.publisher.publish(topics.event_topic("streamSummary", name), summary)
        return summary


async def _every(seconds: float, step: Callable[[], None]) -> None:
    while True:
        await asyncio.sleep(seconds)
        step()
