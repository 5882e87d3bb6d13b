"""The stream ledger: exact totals, journaled, resumed after a restart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgpack

from bridge.ledger import Ledger
from bridge.streaks import GiftStep
from bridge.values import INT64_MAX

ALICE = {"id": 1, "uniqueId": "alice", "nickname": "Alice", "avatar": "http://x"}
BOB = {"id": 2, "uniqueId": "bob"}


def gift(user: dict[str, Any], gift_id: int, name: str, diamonds: int) -> dict[str, Any]:
    return {
        "type": "gift",
        "user": user,
        "giftId": gift_id,
        "giftName": name,
        "diamondCount": diamonds,
        "roomId": 9,
        "ts": 1_000,
    }


def feed_stream(ledger: Ledger) -> None:
    ledger.feed(gift(ALICE, 5655, "Rose", 1), GiftStep(3))
    ledger.feed(gift(ALICE, 5655, "Rose", 1), GiftStep(0))  # a duplicate frame: no delta
    ledger.feed(gift(BOB, 6369, "Lion", 29999), GiftStep(1))
    ledger.feed({"type": "like", "likeCount": 15}, None)
    ledger.feed({"type": "like", "likeCount": 5}, None)
    ledger.feed({"type": "follow", "user": BOB}, None)
    ledger.feed({"type": "share", "user": ALICE}, None)
    for viewers in (100, 300, 200):
        ledger.feed({"type": "roomUserSeq", "viewerCount": viewers}, None)
    ledger.feed({"type": "chat", "comment": "ignored"}, None)


EXPECTED = {
    "type": "streamSummary",
    "startTime": 1_000,
    "duration": 60,
    "totalDiamonds": 30_002,
    "gifts": [
        {"giftId": 6369, "count": 1, "diamonds": 29999, "giftName": "Lion"},
        {"giftId": 5655, "count": 3, "diamonds": 3, "giftName": "Rose"},
    ],
    "topGifters": [
        {"user": {"id": 2, "uniqueId": "bob"}, "diamonds": 29999},
        {"user": {"id": 1, "uniqueId": "alice", "nickname": "Alice"}, "diamonds": 3},
    ],
    "likes": 20,
    "newFollowers": 1,
    "shares": 1,
    "peakViewers": 300,
    "averageViewers": 200,
    "roomId": 9,
}


def test_totals() -> None:
    ledger = Ledger("r")
    feed_stream(ledger)
    assert ledger.summary(now_ms=61_000) == EXPECTED


def test_restart_mid_stream_resumes(tmp_path: Path) -> None:
    ledger = Ledger("r", tmp_path)
    feed_stream(ledger)
    ledger.close()  # the daemon stops (or is killed after its last flush)
    with (tmp_path / "r.jsonl").open("a") as journal:
        journal.write('{"k":"like","cou')  # torn line from a crash
    resumed = Ledger("r", tmp_path)
    assert resumed.summary(now_ms=61_000) == EXPECTED
    resumed.feed({"type": "like", "likeCount": 1, "roomId": 9}, None)
    final = resumed.end(now_ms=61_000)
    assert final["likes"] == 21 and final["ended"] is True
    assert Ledger("r", tmp_path).summary(now_ms=0) == {"type": "streamSummary"}  # ended: nothing to resume
    lines = (tmp_path / "r.jsonl").read_text().splitlines()
    assert lines[-3] == '{"k":"like","cou'  # the torn line stays alone on its line
    assert json.loads(lines[-2]) == {"k": "like", "count": 1} and json.loads(lines[-1])["k"] == "end"


def test_end_starts_afresh() -> None:
    ledger = Ledger("r")
    feed_stream(ledger)
    assert ledger.end(now_ms=61_000)["totalDiamonds"] == 30_002
    assert ledger.summary(now_ms=61_000) == {"type": "streamSummary"}


def test_journal_lines_are_plain_json(tmp_path: Path) -> None:
    ledger = Ledger("room", tmp_path)
    feed_stream(ledger)
    ledger.close()
    lines = (tmp_path / "room.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert lines == [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records]
    assert [r["k"] for r in records] == ["start", "gift", "gift", "like", "like", "follow", "share"] + [
        "viewers"
    ] * 3
    assert records[3] == {"k": "like", "count": 15} and records[-1] == {"k": "viewers", "count": 200}


def test_sums_saturate_at_int64(tmp_path: Path) -> None:
    ledger = Ledger("r", tmp_path)
    for _ in range(3):
        ledger.feed(gift(ALICE, 5655, "Rose", 2**62), GiftStep(8))
        ledger.feed({"type": "like", "likeCount": 2**62}, None)
        ledger.feed({"type": "roomUserSeq", "viewerCount": 2**63 - 1}, None)
    summary = ledger.summary(now_ms=2_000)
    assert summary["totalDiamonds"] == summary["likes"] == summary["peakViewers"] == INT64_MAX
    assert summary["averageViewers"] == INT64_MAX
    assert summary["gifts"][0]["diamonds"] == summary["topGifters"][0]["diamonds"] == INT64_MAX
    msgpack.packb(summary)
    ledger.close()
    resumed = Ledger("r", tmp_path).summary(now_ms=2_000)
    assert resumed == summary
