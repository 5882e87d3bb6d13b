"""Gift streak accounting that counts every gift exactly once.

TikTok sends a streakable gift (``giftType`` 1) as a series of frames sharing
``(user, groupId, giftId)`` with a rising ``repeatCount``, then a closing frame
(``repeatEnd``). Real traffic breaks that ideal: the closing frame sometimes
never comes, frames arrive twice after a reconnect (with new ``msgId``s), and
counts arrive out of order. :class:`StreakTracker` turns each gift frame into
the number of *new* gifts it proves (``delta``) from the highest count seen per
streak, closes a streak at its closing frame or after ``timeout`` seconds of
silence, ignores anything for a streak it already closed, and emits one
``giftFinal`` summary per streak. Non-streakable gifts are a streak of one.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from ..values import clamp_i64, sat_mul

__all__ = ["CLOSED_KEPT", "GiftStep", "StreakKey", "StreakTracker"]

Event = dict[str, Any]
StreakKey = tuple[int, int, int]
"""A streak: ``(user id, groupId, giftId)``."""


@dataclass(slots=True)
class GiftStep:
    """What one gift frame means: ``delta`` new gifts, and the streak's summary if it closed."""

    delta: int = 0
    final: Event | None = None


@dataclass(slots=True)
class _Open:
    event: Event
    count: int
    last_seen: float


CLOSED_KEPT = 1_000
"""Closed streak keys remembered per room, so that frames of a closed streak sent again are ignored.

Frames come again only in a reconnect's recent-history batch (tens of messages), so the keys of the
last 1,000 closes cover it many times over; a cap that a busy room (7 closes/s) fills in about
2.5 minutes keeps memory flat after that (4 such memories in the default run, docs/reliability.md).
"""


class StreakTracker:
    """Per-room streak state; sans-I/O (the caller passes the time)."""

    def __init__(self, timeout: float = 15.0, remember: int = CLOSED_KEPT) -> None:
        self.timeout = timeout
        self.remember = remember
        self._open: dict[StreakKey, _Open] = {}
        self._closed: OrderedDict[StreakKey, None] = OrderedDict()

    def feed(self, event: Event, now: float) -> GiftStep:
        """Account for one ``gift`` event."""
        count = clamp_i64(max(int(event.get("repeatCount", 1)), 1))
        user = event.get("user", {}).get("id", 0)
        group = event.get("groupId", 0)
        key = (user, group, event.get("giftId", 0))
        if event.get("giftType") != 1 or not group:
            return GiftStep(count, self._final(event, count, timed_out=False))
        if key in self._closed:
            return GiftStep()
        streak = self._open.get(key)
        seen = streak.count if streak else 0
        delta = max(0, count - seen)
        if streak is None:
            streak = self._open[key] = _Open(event, count, now)
        else:
            streak.count = max(seen, count)
            streak.last_seen = now
            if delta:
                streak.event = event
        if event.get("repeatEnd"):
            return GiftStep(delta, self._close(key, timed_out=False))
        return GiftStep(delta)

    def resume(
        self, open_streaks: list[tuple[StreakKey, int, Event]], closed: list[StreakKey], now: float
    ) -> None:
        """Carry on from a previous run's state (see :meth:`bridge.game.ledger.Ledger.streaks`).

        Open streaks count on from their saved count (their time-out restarts
        at ``now``); frames of closed ones stay ignored.
        """
        for key in closed:
            self._closed[key] = None
            if len(self._closed) > self.remember:
                self._closed.popitem(last=False)
        for key, count, event in open_streaks:
            if key not in self._closed:
                self._open[key] = _Open(event, count, now)

    def expire(self, now: float) -> list[Event]:
        """Close streaks silent for ``timeout`` seconds; their ``giftFinal`` summaries."""
        stale = [key for key, streak in self._open.items() if now - streak.last_seen >= self.timeout]
        return [self._close(key, timed_out=True) for key in stale]

    def close_all(self) -> list[Event]:
        """Close every open streak (stream end): their summaries."""
        return [self._close(key, timed_out=True) for key in list(self._open)]

    def _close(self, key: StreakKey, timed_out: bool) -> Event:
        streak = self._open.pop(key)
        self._closed[key] = None
        if len(self._closed) > self.remember:
            self._closed.popitem(last=False)
        return self._final(streak.event, streak.count, timed_out)

    @staticmethod
    def _final(event: Event, count: int, timed_out: bool) -> Event:
        final: Event = {"type": "giftFinal"}
        for key in ("user", "giftId", "giftName", "diamondCount", "giftType", "groupId", "giftImage"):
            if key in event:
                final[key] = event[key]
        final["repeatCount"] = count
        diamonds = sat_mul(count, int(event.get("diamondCount", 0)))
        if diamonds:
            final["totalDiamonds"] = diamonds
        if timed_out:
            final["timedOut"] = True
        return final

    @property
    def open_streaks(self) -> int:
        """Streaks still waiting for more frames or their end."""
        return len(self._open)
