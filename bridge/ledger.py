"""The stream ledger: exact per-stream totals that survive a daemon restart.

Per room and stream it counts diamonds (gift by gift, each counted once through
the streak tracker), gifts by type, top gifters, likes, new followers, shares,
and peak and average viewers. Every accounted item is appended to
``<dir>/<room>.jsonl`` (one JSON object per line, flushed at least once per
second); a daemon that restarts mid-stream replays the open stream's lines and
carries on. At stream end the ledger produces a ``streamSummary`` event and
starts afresh.

Journal lines: ``{"k": "start", "roomId", "t"}``, ``{"k": "gift", "user",
"giftId", "giftName", "count", "diamonds"}``, ``{"k": "like", "count"}``,
``{"k": "follow"}``, ``{"k": "share"}``, ``{"k": "viewers", "count"}``,
``{"k": "end", "t"}``. A torn last line (crash mid-write) is ignored.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import IO, Any

from .streaks import GiftStep
from .values import clamp_i64, sat_add, sat_mul

__all__ = ["Ledger"]

log = logging.getLogger("bridge.ledger")

Event = dict[str, Any]
TOP_GIFTERS = 10


class Ledger:
    """One room's running stream totals, journaled to a JSON-lines file."""

    def __init__(self, room: str, directory: Path | None = None) -> None:
        self.room = room
        self.path = directory / f"{room}.jsonl" if directory else None
        self._file: IO[str] | None = None
        self._reset(0, 0)
        if self.path is not None and self.path.exists():
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

    def _resume(self, path: Path) -> None:
        lines: list[dict[str, Any]] = []
        for raw in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(raw)
            except json.JSONDecodeError:
                continue  # a torn last line
            if isinstance(record, dict):
                lines.append(record)
        open_stream: list[dict[str, Any]] = []
        for record in lines:
            if record.get("k") == "start":
                open_stream = [record]
            elif record.get("k") == "end":
                open_stream = []
            elif open_stream:
                open_stream.append(record)
        if open_stream:
            start = open_stream[0]
            self._reset(int(start.get("roomId", 0)), int(start.get("t", 0)))
            for record in open_stream[1:]:
                self._apply(record)
            log.info(
                "@%s: resumed the ledger of room %s (%d entries)", self.room, self.room_id, len(open_stream)
            )

    def _apply(self, record: dict[str, Any]) -> None:
        kind = record.get("k")
        if kind == "gift":
            count, diamonds = int(record.get("count", 0)), int(record.get("diamonds", 0))
            gift_id = clamp_i64(int(record.get("giftId", 0)))
            total = self.gifts.setdefault(gift_id, {"giftId": gift_id, "count": 0, "diamonds": 0})
            if record.get("giftName"):
                total["giftName"] = record["giftName"]
            total["count"] = sat_add(total["count"], count)
            total["diamonds"] = sat_add(total["diamonds"], diamonds)
            self.diamonds = sat_add(self.diamonds, diamonds)
            user = record.get("user") or {}
            gifter = self.gifters.setdefault(int(user.get("id", 0)), {"user": user, "diamonds": 0})
            gifter["user"] = user or gifter["user"]
            gifter["diamonds"] = sat_add(gifter["diamonds"], diamonds)
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

    def _record(self, record: dict[str, Any], line: str = "") -> None:
        """Apply ``record`` and journal it (``line``: its JSON line, when the caller has it already)."""
        self._apply(record)
        if self.path is None:
            return
        if self._file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = self.path.read_bytes() if self.path.exists() else b""
            torn = bool(data) and not data.endswith(b"\n")
            self._file = self.path.open("a", encoding="utf-8")
            if torn:  # a crash cut the last line: do not glue the next record to it
                self._file.write("\n")
        self._file.write(line or json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")

    def feed(self, event: Event, step: GiftStep | None) -> None:
        """Account for one upstream event (``step``: the streak verdict, for gifts)."""
        kind = event.get("type")
        if kind not in ("gift", "like", "follow", "share", "roomUserSeq"):
            return
        if not self.started:
            self.room_id = int(event.get("roomId", 0))
            self.started = int(event.get("ts", time.time() * 1000))
            self._record({"k": "start", "roomId": self.room_id, "t": self.started})
        if kind == "gift":
            if step is None or not step.delta:
                return
            user = {k: v for k, v in event.get("user", {}).items() if k in ("id", "uniqueId", "nickname")}
            self._record(
                {
                    "k": "gift",
                    "user": user,
                    "giftId": event.get("giftId", 0),
                    "giftName": event.get("giftName", ""),
                    "count": step.delta,
                    "diamonds": sat_mul(step.delta, int(event.get("diamondCount", 0))),
                }
            )
        elif kind == "like":  # the hot kinds: their JSON lines written directly, byte-identical
            count = int(event.get("likeCount", 0))
            self._record({"k": "like", "count": count}, f'{{"k":"like","count":{count}}}\n')
        elif kind == "roomUserSeq":
            count = int(event.get("viewerCount", 0))
            self._record({"k": "viewers", "count": count}, f'{{"k":"viewers","count":{count}}}\n')
        else:
            self._record({"k": kind}, f'{{"k":"{kind}"}}\n')

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
        return event

    def _average_viewers(self) -> int:
        """The mean viewer count, rounded half up, in integers (a float mean loses int64 precision)."""
        if not self.viewer_samples:
            return 0
        return clamp_i64((2 * self.viewer_sum + self.viewer_samples) // (2 * self.viewer_samples))

    def end(self, now_ms: int | None = None) -> Event:
        """Close the stream: its final summary; the ledger starts afresh."""
        now_ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
        summary = self.summary(ended=True, now_ms=now_ms)
        if self.started:
            self._record({"k": "end", "t": now_ms})
        self.flush()
        self._reset(0, 0)
        return summary

    def flush(self) -> None:
        """Push journal lines to the file."""
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        """Flush and close the journal."""
        if self._file is not None:
            self._file.close()
            self._file = None
