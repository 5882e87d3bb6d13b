"""What the console shows, folded from bus messages and control replies (sans-I/O).

:class:`ConsoleState` is fed each message from the PUB endpoint
(:meth:`~ConsoleState.receive`, topic and payload bytes), the replies of the
control commands it asks (:meth:`~ConsoleState.rules_reply`,
:meth:`~ConsoleState.reload_reply`) and the time (:meth:`~ConsoleState.tick`);
:meth:`~ConsoleState.view` is the page's state. Nothing here touches a socket.

- rooms: state, reason and message from ``sys.status``; viewers from
  ``roomUserSeq``; events/s and the last event from the bus; totals,
  reconnects, decode errors, duplicates and sign calls from ``sys.heartbeat``;
- daemons: each publisher's heartbeat, uptime, lost messages (``seq`` gaps),
  restarts, and outages (no heartbeat for three intervals);
- rates: events per second by type and viewers per room, for the last
  :data:`HISTORY_SECONDS`;
- ledger: each room's running totals, counted by the daemon's own
  :class:`~bridge.game.ledger.Ledger` and :class:`~bridge.game.streaks.StreakTracker`
  from the bus events, and the last ``streamSummary`` the daemon published; in
  two books per room, as the daemon keeps them: the stream's (real events only)
  and the simulated one (``simulated: true`` events only: in memory in the
  daemon, so it starts afresh when the daemon restarts or after
  :data:`~bridge.game.layer.IDLE_SECONDS` without a simulated event);
- rules: the ``rules`` command's list with fire counts and drops, when each
  rule last fired (``action`` events), and the last reload result
  (``sys.rules``, or the ``reload`` reply).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import msgpack

from ..game.layer import IDLE_SECONDS
from ..game.ledger import Ledger
from ..game.streaks import StreakTracker

__all__ = ["ConsoleState", "DaemonView", "RoomView", "HISTORY_SECONDS"]

Event = dict[str, Any]
HISTORY_SECONDS = 300
"""How far back the plots go."""
MISSED_HEARTBEATS = 3
"""A daemon silent for this many heartbeat intervals (at least 3 s) is reported down."""
OUTAGES_KEPT = 20
MAX_ROOMS = 10_000
MAX_NAMES = 1_000
"""Distinct event types per second and rule names kept (a hostile publisher cannot grow the state)."""
_LEDGER_TYPES = frozenset(("gift", "like", "follow", "share", "roomUserSeq"))
_GIFT_INTEGERS = ("repeatCount", "diamondCount", "giftId", "groupId", "giftType")


def _int(value: Any) -> int:
    """``value`` if it is an integer (not a bool), else 0."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _number(value: Any) -> float:
    """``value`` if it is a finite number, else 0."""
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return 0.0


def _countable(gift: Event) -> bool:
    """Whether the integers a streak and the ledger compute with are integers (as the contract has them)."""
    user = gift.get("user", {})
    numbers = [gift.get(key, 0) for key in _GIFT_INTEGERS]
    return isinstance(user, dict) and all(isinstance(n, int) for n in [*numbers, user.get("id", 0)])


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


@dataclass(slots=True)
class RoomView:
    """One room as the console sees it."""

    name: str
    state: str = ""
    reason: str = ""
    message: str = ""
    attempt: int = 0
    room_id: int = 0
    daemon: str = ""
    viewers: int = 0
    events: int = 0
    received: int = 0
    rate: int = 0
    last_event_ts: int = 0
    reconnects: int = 0
    decode_errors: int = 0
    duplicates: int = 0
    sign_calls: int = 0
    current: int = 0

    def view(self) -> Event:
        """The room's row on the page."""
        return {
            "room": self.name,
            "state": self.state,
            "reason": self.reason,
            "message": self.message,
            "attempt": self.attempt,
            "roomId": self.room_id,
            "daemon": self.daemon,
            "viewers": self.viewers,
            "events": max(self.events, self.received),
            "rate": self.rate,
            "lastEventTs": self.last_event_ts,
            "reconnects": self.reconnects,
            "decodeErrors": self.decode_errors,
            "duplicates": self.duplicates,
            "signCalls": self.sign_calls,
        }


@dataclass(slots=True)
class DaemonView:
    """One publishing daemon (several behind a forwarder), from its messages."""

    name: str
    last_seen: float = 0.0
    last_heartbeat: float = 0.0
    interval: float = 1.0
    heartbeat: Event = field(default_factory=dict)
    last_seq: int = 0
    gaps: int = 0
    restarts: int = 0
    up: bool = True

    def view(self) -> Event:
        """The daemon's line on the page."""
        beat = self.heartbeat
        return {
            "daemon": self.name,
            "up": self.up,
            "lastSeen": self.last_seen,
            "uptime": _number(beat.get("uptime")),
            "implementation": _text(beat.get("implementation")),
            "dropped": _int(beat.get("dropped")),
            "decodeErrors": _int(beat.get("decodeErrors")),
            "tasks": _int(beat.get("tasks")),
            "gaps": self.gaps,
            "restarts": self.restarts,
        }


@dataclass(slots=True)
class _Books:
    """One room's ledger as the daemon keeps it: of its real events, or of its simulated ones."""

    ledger: Ledger
    streaks: StreakTracker
    since: float
    used: float
    final: Event | None = None

    def view(self) -> Event:
        return {"live": self.ledger.summary(), "since": self.since, "final": self.final}


class ConsoleState:
    """Bus messages and control replies in, the page's state out."""

    def __init__(self, feed_lines: int = 500, now: float = 0.0, streak_timeout: float = 15.0) -> None:
        self.streak_timeout = streak_timeout
        self.rooms: dict[str, RoomView] = {}
        self.daemons: dict[str, DaemonView] = {}
        self.outages: deque[Event] = deque(maxlen=OUTAGES_KEPT)
        self.recent: deque[Event] = deque(maxlen=feed_lines)
        """The last events, for a page that opens now."""
        self.received = 0
        self.bad = 0
        self.history: deque[tuple[int, dict[str, int], dict[str, int]]] = deque(maxlen=HISTORY_SECONDS)
        """One entry per second: (second, events by type, viewers by room)."""
        self._second = int(now)
        self._counts: dict[str, int] = {}
        self.ledgers: dict[tuple[str, bool], _Books] = {}
        """Per ``(room, simulated)``: the books."""
        self.rules: list[Event] = []
        self.rules_error = ""
        self.last_fired: dict[str, int] = {}
        self.reload: Event | None = None

    # ------------------------------------------------------------ the bus

    def receive(self, topic: bytes, payload: bytes, now: float) -> Event | None:
        """Fold one bus message in; the decoded event, or ``None`` for an unreadable one (counted)."""
        try:
            event = msgpack.unpackb(payload, raw=False, strict_map_key=False, unicode_errors="replace")
        except (ValueError, msgpack.UnpackException):
            event = None
        if not isinstance(event, dict):
            self.bad += 1
            return None
        if not isinstance(event.get("type"), str):
            event["type"] = topic.decode("utf-8", "replace").partition("/")[0]
        self.received += 1
        if int(now) > self._second:
            self.tick(now)
        self._daemon(event, now)
        kind = event["type"]
        if kind == "sys.heartbeat":
            self._heartbeat(event)
            return event
        if kind == "sys.status":
            self._status(event)
        elif kind == "sys.rules":
            self.reload = {
                "ok": event.get("ok") is True,
                "rules": _int(event.get("rules")),
                "error": _text(event.get("error")),
                "at": now,
            }
        else:
            self._event(kind, event, now)
        self.recent.append(event)
        return event

    def _daemon(self, event: Event, now: float) -> None:
        name = _text(event.get("daemon"))
        daemon = self.daemons.get(name)
        if daemon is None:
            daemon = self.daemons[name] = DaemonView(name)
        seq = _int(event.get("seq"))
        if seq and daemon.last_seq:
            if seq > daemon.last_seq + 1:
                daemon.gaps += seq - daemon.last_seq - 1
            elif seq <= daemon.last_seq:
                daemon.restarts += 1
                self._restarted(name, now)
        if seq:
            daemon.last_seq = seq
        daemon.last_seen = now
        if not daemon.up:
            daemon.up = True
            for outage in self.outages:
                if outage["daemon"] == name and outage["up"] is None:
                    outage["up"] = now

    def _room(self, event: Event) -> RoomView | None:
        name = event.get("room")
        if not isinstance(name, str) or not name:
            return None
        room = self.rooms.get(name)
        if room is None:
            if len(self.rooms) >= MAX_ROOMS:
                self.bad += 1
                return None
            room = self.rooms[name] = RoomView(name)
        room.daemon = _text(event.get("daemon")) or room.daemon
        return room

    def _heartbeat(self, event: Event) -> None:
        daemon = self.daemons[_text(event.get("daemon"))]
        if daemon.last_heartbeat:
            gap = daemon.last_seen - daemon.last_heartbeat
            if 0 < gap < 60:
                daemon.interval = 0.8 * daemon.interval + 0.2 * gap
        daemon.last_heartbeat = daemon.last_seen
        daemon.heartbeat = event
        rooms = event.get("rooms")
        if not isinstance(rooms, dict):
            return
        for name, info in rooms.items():
            if not isinstance(name, str) or not name or not isinstance(info, dict):
                continue
            room = self._room({"room": name, "daemon": event.get("daemon")})
            assert room is not None
            room.state = _text(info.get("state")) or room.state
            room.room_id = _int(info.get("roomId")) or room.room_id
            room.events = _int(info.get("events"))
            room.last_event_ts = max(room.last_event_ts, _int(info.get("lastEventTs")))
            room.decode_errors = _int(info.get("decodeErrors"))
            room.duplicates = _int(info.get("duplicates"))
            room.sign_calls = _int(info.get("signCalls"))
            room.reconnects = max(room.reconnects, _int(info.get("reconnects")))

    def _status(self, event: Event) -> None:
        room = self._room(event)
        if room is None:
            return
        state = _text(event.get("state"))
        if state == "reconnecting":  # one per attempt, as the daemon counts them
            room.reconnects += 1
        room.state = state
        room.reason = _text(event.get("reason"))
        room.message = _text(event.get("message"))
        room.attempt = _int(event.get("attempt"))

    def _event(self, kind: str, event: Event, now: float) -> None:
        if kind in self._counts or len(self._counts) < MAX_NAMES:
            self._counts[kind] = self._counts.get(kind, 0) + 1
        room = self._room(event)
        if room is None:
            return
        room.received += 1
        room.current += 1
        room.last_event_ts = max(room.last_event_ts, _int(event.get("ts")))
        room.room_id = _int(event.get("roomId")) or room.room_id
        if kind == "roomUserSeq":
            room.viewers = _int(event.get("viewerCount"))
        elif kind == "action":
            rule = event.get("rule")
            if isinstance(rule, str) and (rule in self.last_fired or len(self.last_fired) < MAX_NAMES):
                self.last_fired[rule] = _int(event.get("ts"))
        simulated = event.get("simulated") is True
        if kind == "streamSummary":
            self._books(room.name, simulated, now).final = event
        elif kind in _LEDGER_TYPES:
            self._account(self._books(room.name, simulated, now), kind, event, now)
        elif kind == "streamEnd":
            self._account(self._books(room.name, simulated, now), kind, event, now)
        elif simulated and (room.name, True) in self.ledgers and kind not in ("giftFinal", "action"):
            self._books(room.name, True, now)  # any simulated event keeps the daemon's simulated state

    def _books(self, room: str, simulated: bool, now: float) -> _Books:
        """The room's books for real or simulated events; simulated ones start afresh when idle."""
        books = self.ledgers.get((room, simulated))
        if books is None or (simulated and now - books.used >= IDLE_SECONDS):
            final = books.final if books is not None else None
            books = self.ledgers[room, simulated] = _Books(
                Ledger(room, simulated=simulated), StreakTracker(self.streak_timeout), now, now, final
            )
        books.used = now
        return books

    def _restarted(self, daemon: str, now: float) -> None:
        """The daemon's simulated ledgers are gone (kept in memory): so are the console's copies."""
        for (name, simulated), books in self.ledgers.items():
            room = self.rooms.get(name)
            if simulated and room is not None and room.daemon == daemon:
                books.ledger = Ledger(name, simulated=True)
                books.streaks = StreakTracker(self.streak_timeout)
                books.since = now

    def _account(self, books: _Books, kind: str, event: Event, now: float) -> None:
        """Count one event in ``books`` as the daemon does; a ``streamEnd`` closes them."""
        try:
            if kind == "streamEnd":
                books.since = now
                books.ledger.end()
                books.streaks.close_all()
                return
            if books.ledger.other_stream(event):  # as the daemon: a new room id ends the stream's ledger
                books.ledger.end()
                books.since = now
            if kind == "gift" and not _countable(event):  # kept open, it would fail at its time-out
                raise ValueError("a gift the daemon would not publish")
            step = books.streaks.feed(event, now) if kind == "gift" else None
            books.ledger.feed(event, step)
        except (TypeError, ValueError, AttributeError, OverflowError):  # a hostile value: not counted
            self.bad += 1
            return
        if step is not None and step.final is not None:
            self._streak_closed(books, step.final)

    def _streak_closed(self, books: _Books, final: Event) -> None:
        """Tell the ledger a streak closed (else it holds every streak whose end frame never came)."""
        try:
            books.ledger.streak_closed(final)
        except (TypeError, ValueError, AttributeError, OverflowError):  # a hostile id in the streak key
            self.bad += 1

    # ------------------------------------------------------------ time

    def tick(self, now: float) -> list[DaemonView]:
        """Close finished seconds and report daemons that went silent; the ones that just went down."""
        second = int(now)
        if second > self._second:
            self._close_second()
            for books in self.ledgers.values():
                for final in books.streaks.expire(now):
                    self._streak_closed(books, final)
            if second - self._second > HISTORY_SECONDS:
                self._second = second - HISTORY_SECONDS
            while self._second + 1 < second:
                self._second += 1
                self.history.append((self._second, {}, self._viewers()))
            self._second = second
        gone = []
        for daemon in self.daemons.values():
            if daemon.up and now - daemon.last_seen > max(3.0, MISSED_HEARTBEATS * daemon.interval):
                daemon.up = False
                self.outages.append({"daemon": daemon.name, "down": daemon.last_seen, "up": None})
                gone.append(daemon)
        return gone

    def _close_second(self) -> None:
        self.history.append((self._second, self._counts, self._viewers()))
        self._counts = {}
        for room in self.rooms.values():
            room.rate = room.current
            room.current = 0

    def _viewers(self) -> dict[str, int]:
        return {name: room.viewers for name, room in self.rooms.items() if room.viewers}

    # ------------------------------------------------------------ control replies

    def rules_reply(self, reply: Event) -> None:
        """Fold in the reply of the ``rules`` command (a forwarder's: every daemon's, tagged)."""
        rules: list[Event] = []
        errors: list[str] = []
        for daemon, answer in _per_daemon(reply):
            result = answer.get("result")
            if answer.get("ok") is True and isinstance(result, list):
                tag = {"daemon": daemon} if daemon else {}
                rules.extend({**rule, **tag} for rule in result if isinstance(rule, dict))
            else:
                errors.append(_error_text(answer, daemon))
        self.rules = rules
        self.rules_error = "; ".join(errors)

    def reload_reply(self, reply: Event, now: float) -> None:
        """Fold in the reply of the ``reload`` command (a forwarder's: every daemon's)."""
        count, errors = 0, []
        for daemon, answer in _per_daemon(reply):
            result = answer.get("result")
            if answer.get("ok") is True and isinstance(result, dict):
                count += _int(result.get("rules"))
            else:
                errors.append(_error_text(answer, daemon))
        if errors:
            self.reload = {"ok": False, "rules": len(self.rules), "error": "; ".join(errors), "at": now}
        else:
            self.reload = {"ok": True, "rules": count, "error": "", "at": now}

    # ------------------------------------------------------------ the page

    def history_since(self, second: int) -> list[tuple[int, dict[str, int], dict[str, int]]]:
        """The per-second entries after ``second``."""
        return [entry for entry in self.history if entry[0] > second]

    def view(self, now: float) -> Event:
        """Everything the page shows but the feed and the plots."""
        ledger: dict[str, Event] = {}
        for (name, simulated), books in self.ledgers.items():
            room = ledger.setdefault(name, {"real": None, "simulated": None})
            room["simulated" if simulated else "real"] = books.view()
        rules = [
            {**rule, "lastFired": self.last_fired.get(_text(rule.get("name")), 0)} for rule in self.rules
        ]
        return {
            "now": now,
            "rooms": [room.view() for room in self.rooms.values()],
            "daemons": [daemon.view() for daemon in self.daemons.values()],
            "outages": list(self.outages),
            "received": self.received,
            "bad": self.bad,
            "ledger": ledger,
            "rules": rules,
            "rulesError": self.rules_error,
            "reload": self.reload,
        }


def _per_daemon(reply: Event) -> list[tuple[str, Event]]:
    """A reply's parts: a forwarder answers a command without a room with every daemon's reply."""
    result = reply.get("result")
    if (
        isinstance(result, dict)
        and result
        and all(isinstance(part, dict) and isinstance(part.get("ok"), bool) for part in result.values())
    ):
        return [(str(daemon), part) for daemon, part in result.items()]
    return [("", reply)]


def _error_text(reply: Event, daemon: str = "") -> str:
    error = reply.get("error")
    where = f"daemon {daemon}: " if daemon else ""
    if isinstance(error, dict):
        return f"{where}{_text(error.get('code'))}: {_text(error.get('message'))}"
    return f"{where}unreadable reply"
