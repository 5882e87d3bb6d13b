"""Who is live: status, room, title, viewers and stream URLs of creators.

:func:`lookup_creators` resolves each creator's room id (TikTok's live page,
then ``api-live``), checks every resolved room in one batched ``check_alive``
request, and reads the room info (title, viewers, start time, HLS/FLV URLs per
quality) of the live ones. ``tiktok-bridge status @a @b`` prints the result
(:func:`format_table`, or JSON), and the control channel's ``lookup`` command
returns it (:func:`bridge.app.register_lookup`). ``docs/lookup.md`` documents the output.
"""

from __future__ import annotations

import asyncio
import datetime
from collections.abc import Sequence
from typing import Any

from ..errors import BlockedError, LiveError, PrivateRoomError, UserNotFoundError, UserOfflineError
from ..values import normalize_target
from .lookup import RoomInfo, WebClient

__all__ = ["MAX_CREATORS", "format_table", "lookup_creators"]

MAX_CREATORS = 100
"""Creators one lookup may ask about."""
CONCURRENCY = 4
"""Lookups in flight at once (TikTok blocks bursts)."""


def _status_of(exc: LiveError) -> str:
    if isinstance(exc, UserOfflineError):
        return "offline"
    if isinstance(exc, UserNotFoundError):
        return "not_found"
    if isinstance(exc, PrivateRoomError):
        return "private"
    if isinstance(exc, BlockedError):
        return "blocked"
    return "error"


def _apply_info(entry: dict[str, Any], info: RoomInfo) -> None:
    if info.unique_id:
        entry["uniqueId"] = info.unique_id
    if info.nickname:
        entry["nickname"] = info.nickname
    if info.title:
        entry["title"] = info.title
    entry["viewers"] = info.viewers
    if info.start_time:
        entry["startTime"] = info.start_time * 1000
    if info.followers:
        entry["followers"] = info.followers
    entry["streams"] = [
        {k: v for k, v in (("quality", s.quality), ("flv", s.flv), ("hls", s.hls)) if v} for s in info.streams
    ]


async def lookup_creators(web: WebClient, creators: Sequence[str]) -> list[dict[str, Any]]:
    """The live status of each creator (``@name``, name, profile/live URL or room id), in order.

    Each entry has ``creator`` (as given, normalized) and ``status``: ``live``,
    ``offline``, ``not_found``, ``private``, ``blocked``, ``error`` or
    ``invalid``; live rooms add ``roomId``, ``uniqueId``, ``nickname``,
    ``title``, ``viewers``, ``startTime`` (Unix ms), ``followers`` and
    ``streams`` (``quality``, ``flv``, ``hls``); failures add ``error``.
    """
    gate = asyncio.Semaphore(CONCURRENCY)
    entries: list[dict[str, Any]] = []
    for text in creators:
        try:
            target = normalize_target(text)
        except ValueError as exc:
            entries.append({"creator": text.strip(), "status": "invalid", "error": str(exc)})
            continue
        entry: dict[str, Any] = {"creator": str(target), "status": ""}
        if isinstance(target, int):
            entry["roomId"] = target
        else:
            entry["uniqueId"] = target
        entries.append(entry)

    async def resolve(entry: dict[str, Any]) -> None:
        async with gate:
            try:
                entry["roomId"] = await web.room_id(entry["uniqueId"])
            except LiveError as exc:
                entry["status"] = _status_of(exc)
                if entry["status"] != "offline":
                    entry["error"] = str(exc)

    await asyncio.gather(*(resolve(e) for e in entries if not e["status"] and "roomId" not in e))
    pending = [e for e in entries if not e["status"]]
    alive: dict[int, bool] | None = None
    if pending:
        try:
            alive = await web.check_alive([e["roomId"] for e in pending])
        except LiveError:
            alive = None  # ask each room's info instead

    async def describe(entry: dict[str, Any]) -> None:
        async with gate:
            try:
                info = await web.room_info(entry["roomId"])
            except LiveError as exc:
                if alive is None:
                    entry["status"] = _status_of(exc)
                    entry["error"] = str(exc)
                else:  # live, but the details failed
                    entry["status"] = "live"
                    entry["error"] = f"room info: {exc}"
                return
        if alive is None:
            entry["status"] = "live" if info.alive else "offline"
        else:
            entry["status"] = "live"
        if entry["status"] == "live":
            _apply_info(entry, info)

    for entry in pending:
        if alive is not None and not alive.get(entry["roomId"], False):
            entry["status"] = "offline"
    await asyncio.gather(*(describe(e) for e in pending if not e["status"]))
    return entries


def _time(ms: int) -> str:
    moment = datetime.datetime.fromtimestamp(ms / 1000, datetime.UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%SZ")


def format_table(entries: Sequence[dict[str, Any]]) -> str:
    """The lookup as a text table, with each live room's stream URLs indented below it."""
    rows = [("CREATOR", "STATUS", "ROOM ID", "VIEWERS", "STARTED (UTC)", "TITLE")]
    details: list[list[str]] = [[]]
    for entry in entries:
        creator = entry["creator"]
        name = f"@{creator}" if "uniqueId" in entry and creator == entry.get("uniqueId") else creator
        if entry["status"] == "live":
            row = (
                name,
                "live",
                str(entry.get("roomId", "")),
                str(entry.get("viewers", 0)),
                _time(entry["startTime"]) if entry.get("startTime") else "",
                entry.get("title", ""),
            )
        else:
            room = str(entry.get("roomId", "")) if entry["status"] == "offline" else ""
            row = (name, entry["status"], room, "", "", entry.get("error", ""))
        rows.append(row)
        lines = []
        for stream in entry.get("streams", []):
            for kind in ("hls", "flv"):
                if stream.get(kind):
                    lines.append(f"    {stream['quality']:<9} {kind}  {stream[kind]}")
        if entry["status"] == "live" and entry.get("error"):
            lines.append(f"    {entry['error']}")
        details.append(lines)
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    out = []
    for row, extra in zip(rows, details, strict=True):
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].ljust(widths[2])]
        cells += [row[3].rjust(widths[3]), row[4].ljust(widths[4]), row[5]]
        out.append("  ".join(cells).rstrip())
        out.extend(extra)
    return "\n".join(out)
