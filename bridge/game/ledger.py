"""The stream ledger: exact per-stream totals that survive a daemon restart.

Per room and stream it counts diamonds (gift by gift, each counted once through
the streak tracker), gifts by type, top gifters, likes, new followers, shares,
and peak and average viewers. It also keeps what a restart needs so that it
neither republishes nor recounts anything: the ids of the last published
upstream messages (:attr:`Ledger.recent`) and the open and recently closed gift
streaks (:meth:`Ledger.streaks`).

Everything is appended to ``<dir>/<stem>.jsonl`` (``stem`` is
:func:`bridge.values.safe_file_stem` of the room, so the file is always inside
``dir``), one JSON object per line, flushed after every delivered frame and at
least once per second. A daemon that restarts mid-stream reads the journal line
by line (memory bounded by one stream's totals, never by the file's size),
carries on, and rewrites the journal as one snapshot line; so does a journal
that grows past :data:`COMPACT_LINES` lines, and a stream's end leaves only its
``end`` line.

Journal lines (every field but ``k`` optional):

- ``{"k": "start", "roomId", "t"}``: a stream starts.
- ``{"k": "gift", "i", "user", "giftId", "giftName", "count", "diamonds"}``:
  ``count`` new gifts; streak frames add ``"g"`` (groupId), ``"n"`` (the
  streak's count so far), ``"dc"`` (diamondCount) and, on a streak's first
  record, ``"img"``.
- ``{"k": "like", "count", "i"}``, ``{"k": "follow", "i"}``, ``{"k": "share", "i"}``,
  ``{"k": "viewers", "count", "i"}``.
- ``{"i"}``: any other upstream message that was published (for de-duplication).
- ``{"k": "close", "key": [userId, groupId, giftId]}``: a streak closed (its
  ``giftFinal`` was published).
- ``{"k": "snap", ...}``: the whole state at compaction (totals, streaks, ids).
- ``{"k": "end", "t", "summary"}``: the stream ended, with its summary.

A torn last line (crash mid-write) and any line that cannot be read are skipped
(counted in :attr:`Ledger.bad_lines`).

A ledger made with ``simulated=True`` counts the events injected through the
control channel's ``simulate``: it lives in memory only (no journal, never
resumed, no message ids kept) and its summaries carry ``simulated: true``.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections import OrderedDict
from pathlib import Path
from typing import IO, Any

from ..room import RecentIds
from ..values import clamp_i64, safe_file_stem, sat_add, sat_mul
from .streaks import CLOSED_KEPT, GiftStep, StreakKey

__all__ = ["COMPACT_LINES", "Ledger"]

log = logging.getLogger("bridge.ledger")

Event = dict[str, Any]
TOP_GIFTERS = 10
COMPACT_LINES = 200_000
"""Journal lines after which the journal is rewritten as one snapshot line."""
CLOSED_STREAKS = CLOSED_KEPT
"""Closed streak keys remembered (as :class:`~bridge.game.streaks.StreakTracker` does)."""
_STREAK_FIELDS = ("user", "giftId", "giftName", "diamondCount", "giftType", "groupId", "giftImage")


class Ledger:
    """One room's running stream totals and restart state, journaled to a JSON-lines file."""

    def __init__(
        self,
        room: str,
        directory: Path | None = None,
        remember: int = 10_000,
        fresh: bool = False,
        simulated: bool = False,
    ) -> None:
        """``remember``: how many published message ids :attr:`recent` keeps (``tiktok.dedupe_size``);
        ``fresh``: start a new journal instead of resuming (the built-in simulator restarts its stream);
        ``simulated``: the ledger of simulated events (in memory, summaries marked ``simulated``).

        Raises:
            ValueError: the journal would not be a file directly inside ``directory``, or a simulated
                ledger was given a directory.
        """
        if simulated and directory is not None:
            raise ValueError("a simulated ledger is kept in memory: it has no journal directory")
        self.room = room
        self.simulated = simulated
        if simulated:
            remember = 0  # nothing to de-duplicate across restarts: it is never resumed
        self.path = _journal_path(directory, room) if directory else None
        self.remember = remember
        self.bad_lines = 0
        """Journal lines skipped at resume (torn or unreadable)."""
        self._file: IO[str] | None = None
        self._unwritten: OSError | None = None
        self._fresh = fresh
        self._lines = 0
        self._last_summary: Event | None = None
        self.recent = RecentIds(remember)
        """Ids of the last ``remember`` upstream messages published in this room (across streams)."""
        self._reset(0, 0)
        if self.path is not None and self.path.exists() and not fresh:
            self._resume(self.path)

    def _reset(self, room_id: int, started: int) -> None:
        self.room_id = room_id
        self.started = started
        self.diamonds = 0
        self.gifts: dict[int, dict[str, Any]] = {}
        self.gifters: dict[int, dict[str, Any]] = {}
        self.likes = 0
        self.follows = 0
        self.shares = 0
        self.viewer_samples = 0
        self.viewer_sum = 0
        self.peak_viewers = 0
        self._open: dict[StreakKey, tuple[int, Event]] = {}
        self._closed: OrderedDict[StreakKey, None] = OrderedDict()

    # ------------------------------------------------------------ resume

    def _resume(self, path: Path) -> None:
        with path.open("r", encoding="utf-8", errors="replace") as journal:
            for raw in journal:  # line by line: memory is one stream's state, not the file's size
                try:
                    record = json.loads(raw)
                    if not isinstance(record, dict):
                        raise ValueError("not an object")
                    self._replay(record)
                except (ValueError, TypeError, AttributeError, KeyError, OverflowError):
                    self.bad_lines += 1  # a torn last line, or a damaged one
        if self.bad_lines:
            log.warning("@%s: skipped %d unreadable ledger journal lines", self.room, self.bad_lines)
        if self.started:
            log.info(
                "@%s: resumed the ledger of room %s (%d message ids, %d open streaks)",
                *(self.room, self.room_id, len(self.recent), len(self._open)),
            )
        self._compact()

    def _replay(self, record: dict[str, Any]) -> None:
        kind = record.get("k")
        for msg_id in record.get("ids", ()) if kind in ("snap", "end") else ():
            self.recent.seen(int(msg_id))
        if kind == "start":
            self._reset(clamp_i64(int(record.get("roomId", 0))), int(record.get("t", 0)))
        elif kind == "snap":
            self._restore(record)
        elif kind == "end":
            self._reset(0, 0)
            summary = record.get("summary")
            self._last_summary = summary if isinstance(summary, dict) else None
        else:
            self._remember(record)
            if self.started:
                self._apply(record)

    def _remember(self, record: dict[str, Any]) -> None:
        msg_id = record.get("i")
        if isinstance(msg_id, int):
            self.recent.seen(msg_id)

    def _apply(self, record: dict[str, Any]) -> None:
        kind = record.get("k")
        if kind == "gift":
            count, diamonds = int(record.get("count", 0)), int(record.get("diamonds", 0))
            gift_id = clamp_i64(int(record.get("giftId", 0)))
            total = self.gifts.setdefault(gift_id, {"giftId": gift_id, "count": 0, "diamonds": 0})
            if record.get("giftName"):
                total["giftName"] = str(record["giftName"])
            total["count"] = sat_add(total["count"], count)
            total["diamonds"] = sat_add(total["diamonds"], diamonds)
            self.diamonds = sat_add(self.diamonds, diamonds)
            user = record.get("user") or {}
            gifter = self.gifters.setdefault(int(user.get("id", 0)), {"user": user, "diamonds": 0})
            gifter["user"] = user or gifter["user"]
            gifter["diamonds"] = sat_add(gifter["diamonds"], diamonds)
            if record.get("g"):
                self._streak_step(record, user, gift_id)
        elif kind == "like":
            self.likes = sat_add(self.likes, int(record.get("count", 0)))
        elif kind == "follow":
            self.follows += 1
        elif kind == "share":
            self.shares += 1
        elif kind == "viewers":
            count = clamp_i64(int(record.get("count", 0)))
            self.viewer_samples += 1
            self.viewer_sum += count  # arbitrary precision: only its mean is published
            self.peak_viewers = max(self.peak_viewers, count)
        elif kind == "close":
            user_id, group, gift = (int(part) for part in record["key"])
            self._close((user_id, group, gift))

    def _streak_step(self, record: dict[str, Any], user: dict[str, Any], gift_id: int) -> None:
        key = (int(user.get("id", 0)), int(record["g"]), gift_id)
        seen, event = self._open.get(key, (0, {}))
        event = {
            **event,
            "user": user,
            "giftId": gift_id,
            "giftName": record.get("giftName", ""),
            "diamondCount": int(record.get("dc", 0)),
            "giftType": 1,
            "groupId": key[1],
        }
        if record.get("img"):
            event["giftImage"] = str(record["img"])
        self._open[key] = (max(seen, clamp_i64(int(record.get("n", 0)))), event)

    def _close(self, key: StreakKey) -> None:
        self._open.pop(key, None)
        self._closed[key] = None
        if len(self._closed) > CLOSED_STREAKS:
            self._closed.popitem(last=False)

    def _restore(self, snap: dict[str, Any]) -> None:
        self._reset(clamp_i64(int(snap.get("roomId", 0))), int(snap.get("t", 0)))
        self.diamonds = clamp_i64(int(snap.get("diamonds", 0)))
        self.gifts = {int(g["giftId"]): dict(g) for g in snap.get("gifts", [])}
        self.gifters = {int(g["user"].get("id", 0)): dict(g) for g in snap.get("gifters", [])}
        self.likes = clamp_i64(int(snap.get("likes", 0)))
        self.follows = int(snap.get("follows", 0))
        self.shares = int(snap.get("shares", 0))
        self.viewer_samples = int(snap.get("vn", 0))
        self.viewer_sum = int(snap.get("vsum", 0))
        self.peak_viewers = clamp_i64(int(snap.get("peak", 0)))
        for streak in snap.get("open", []):
            user_id, group, gift = (int(part) for part in streak["key"])
            self._open[(user_id, group, gift)] = (clamp_i64(int(streak["n"])), dict(streak["e"]))
        for key in snap.get("closed", []):
            user_id, group, gift = (int(part) for part in key)
            self._close((user_id, group, gift))

    def _snapshot(self) -> dict[str, Any]:
        return {
            "k": "snap",
            "roomId": self.room_id,
            "t": self.started,
            "diamonds": self.diamonds,
            "gifts": list(self.gifts.values()),
            "gifters": list(self.gifters.values()),
            "likes": self.likes,
            "follows": self.follows,
            "shares": self.shares,
            "vn": self.viewer_samples,
            "vsum": self.viewer_sum,
            "peak": self.peak_viewers,
            "open": [{"key": list(key), "n": n, "e": event} for key, (n, event) in self._open.items()],
            "closed": [list(key) for key in self._closed],
            "ids": self.recent.ids(),
        }

    def _compact(self) -> None:
        """Rewrite the journal as one line: the open stream's snapshot, or an ``end`` line."""
        if self.path is None:
            return
        self.close()
        if self.started:
            line = self._snapshot()
        else:
            line = {"k": "end", "t": time.time_ns() // 1_000_000, "ids": self.recent.ids()}
            if self._last_summary is not None:
                line["summary"] = self._last_summary
        temporary = self.path.with_name(self.path.name + ".tmp")
        with temporary.open("w", encoding="utf-8") as out:
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, self.path)
        self._lines = 1
        self._fresh = False

    # ------------------------------------------------------------ accounting

    def streaks(self) -> tuple[list[tuple[StreakKey, int, Event]], list[StreakKey]]:
        """The open streaks (key, count so far, latest frame) and the closed keys: to resume a tracker."""
        return [(key, n, event) for key, (n, event) in self._open.items()], list(self._closed)

    def _record(self, record: dict[str, Any], line: str = "") -> None:
        """Apply ``record`` and journal it (``line``: its JSON line, when the caller has it already)."""
        self._remember(record)
        self._apply(record)
        self._journal(line, record)

    def _record_id(self, msg_id: int) -> None:
        """``_record({"i": msg_id})`` for the most frequent record, without a record to apply."""
        self.recent.seen(msg_id)
        self._journal(f'{{"i":{msg_id}}}\n')

    def _journal(self, line: str, record: dict[str, Any] | None = None) -> None:
        """Append ``line`` (or ``record`` as a JSON line) to the journal, if there is one."""
        if self.path is None:
            return
        try:
            if self._file is None:  # the file is new, or was rewritten whole at resume: no torn line in it
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._file = self.path.open("w" if self._fresh else "a", encoding="utf-8")
                self._fresh = False
            self._file.write(line or json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            self._lines += 1
            if self._lines >= COMPACT_LINES:
                self._compact()
        except OSError as exc:  # counted already: raised once the caller's records are all applied
            self._unwritten = self._unwritten or exc

    def _raise_unwritten(self) -> None:
        error, self._unwritten = self._unwritten, None
        if error is not None:
            raise error

    def feed(self, event: Event, step: GiftStep | None) -> None:
        """Account for one published upstream event (``step``: the streak verdict, for gifts).

        Raises:
            OSError: the journal could not be written (the event is counted all the same).
        """
        try:
            self._feed(event, step)
        finally:
            self._raise_unwritten()

    def _feed(self, event: Event, step: GiftStep | None) -> None:
        kind = event.get("type")
        msg_id = event.get("msgId")
        if kind not in ("gift", "like", "follow", "share", "roomUserSeq"):
            if isinstance(msg_id, int):
                self._record_id(msg_id)
            return
        self._start(event)
        tail = f',"i":{msg_id}}}\n' if isinstance(msg_id, int) else "}\n"
        ids = {"i": msg_id} if isinstance(msg_id, int) else {}
        if kind == "gift":
            if step is None or not step.delta:
                if isinstance(msg_id, int):
                    self._record_id(msg_id)
                return
            self._record(self._gift_record(event, step.delta, ids))
        elif kind == "like":  # the hot kinds: their JSON lines written directly, byte-identical
            count = clamp_i64(int(event.get("likeCount", 0)))
            self._record({"k": "like", "count": count, **ids}, f'{{"k":"like","count":{count}{tail}')
        elif kind == "roomUserSeq":
            count = clamp_i64(int(event.get("viewerCount", 0)))
            self._record({"k": "viewers", "count": count, **ids}, f'{{"k":"viewers","count":{count}{tail}')
        else:
            self._record({"k": kind, **ids}, f'{{"k":"{kind}"{tail}')

    def other_stream(self, event: Event) -> bool:
        """Whether ``event`` belongs to another stream than the open one (its room id differs)."""
        room_id = event.get("roomId", 0)
        return bool(self.started and self.room_id and room_id and room_id != self.room_id)

    def _start(self, event: Event) -> None:
        if not self.started:
            self.room_id = clamp_i64(int(event.get("roomId", 0)))
            self.started = int(event.get("ts", time.time() * 1000))
            self._record({"k": "start", "roomId": self.room_id, "t": self.started})

    @staticmethod
    def _gift_record(event: Event, delta: int, ids: dict[str, Any]) -> dict[str, Any]:
        user = {k: v for k, v in event.get("user", {}).items() if k in ("id", "uniqueId", "nickname")}
        diamonds = int(event.get("diamondCount", 0))
        record = {
            "k": "gift",
            **ids,
            "user": user,
            "giftId": event.get("giftId", 0),
            "giftName": event.get("giftName", ""),
            "count": delta,
            "diamonds": sat_mul(delta, diamonds),
        }
        group = event.get("groupId", 0)
        if event.get("giftType") == 1 and group:
            count = clamp_i64(max(int(event.get("repeatCount", 1)), 1))
            record |= {"g": group, "n": count, "dc": diamonds}
            if delta == count and event.get("giftImage"):  # the streak's first frame
                record["img"] = event["giftImage"]
        return record

    def streak_closed(self, final: Event) -> None:
        """Journal (and flush) that the streak of ``final`` (a published ``giftFinal``) closed."""
        group = final.get("groupId", 0)
        if final.get("giftType") != 1 or not group or not self.started:
            return
        key = [int(final.get("user", {}).get("id", 0)), int(group), int(final.get("giftId", 0))]
        self._record({"k": "close", "key": key})
        self._raise_unwritten()
        self.flush()  # time-outs close streaks outside any frame: do not wait for the next flush

    def summary(self, ended: bool = False, now_ms: int | None = None) -> Event:
        """The ``streamSummary`` event for the stream so far."""
        now_ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
        event: Event = {"type": "streamSummary"}
        fields: dict[str, Any] = {
            "startTime": self.started,
            "duration": max(0, now_ms - self.started) // 1000 if self.started else 0,
            "totalDiamonds": self.diamonds,
            "gifts": sorted(self.gifts.values(), key=lambda g: (-g["diamonds"], -g["count"], g["giftId"])),
            "topGifters": sorted(self.gifters.values(), key=lambda g: -g["diamonds"])[:TOP_GIFTERS],
            "likes": self.likes,
            "newFollowers": self.follows,
            "shares": self.shares,
            "peakViewers": self.peak_viewers,
            "averageViewers": self._average_viewers(),
            "ended": ended,
        }
        event.update({k: v for k, v in fields.items() if v})
        if self.room_id:
            event["roomId"] = self.room_id
        if self.simulated:
            event["simulated"] = True
        return event

    def _average_viewers(self) -> int:
        """The mean viewer count, rounded half up, in integers (a float mean loses int64 precision)."""
        if not self.viewer_samples:
            return 0
        return clamp_i64((2 * self.viewer_sum + self.viewer_samples) // (2 * self.viewer_samples))

    def end(self, now_ms: int | None = None) -> Event:
        """Close the stream: its final summary; the ledger starts afresh, the journal keeps just the end."""
        now_ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
        summary = self.summary(ended=True, now_ms=now_ms)
        if self.started:
            self._reset(0, 0)
            self._last_summary = summary
            self._compact()
        return summary

    def flush(self) -> None:
        """Push journal lines to the file."""
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        """Flush and close the journal (it reopens on the next record)."""
        if self._file is not None:
            file, self._file = self._file, None
            file.close()


def _journal_path(directory: Path, room: str) -> Path:
    """``directory/<safe stem>.jsonl``, checked to be a file directly inside ``directory``."""
    base = directory.expanduser().resolve()
    path = base / f"{safe_file_stem(room)}.jsonl"
    if path.resolve().parent != base:
        raise ValueError(f"the ledger journal of room {room!r} would not be inside {base}")
    return path
