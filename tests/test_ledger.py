"""The stream ledger: exact totals, journaled, resumed after a restart."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import msgpack
import pytest

from bridge.contract import validate
from bridge.game.ledger import Ledger
from bridge.game.streaks import GiftStep
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


EXPECTED: dict[str, Any] = {
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


def test_restart_mid_stream_resumes_and_compacts(tmp_path: Path) -> None:
    ledger = Ledger("r", tmp_path)
    feed_stream(ledger)
    ledger.close()  # the daemon stops (or is killed after its last flush)
    with (tmp_path / "r.jsonl").open("a") as journal:
        journal.write('{"k":"like","cou')  # torn line from a crash
    resumed = Ledger("r", tmp_path)
    assert resumed.summary(now_ms=61_000) == EXPECTED and resumed.bad_lines == 1
    [snapshot] = (tmp_path / "r.jsonl").read_text().splitlines()  # compacted: one line
    assert json.loads(snapshot)["k"] == "snap"
    resumed.feed({"type": "like", "likeCount": 1, "roomId": 9, "msgId": 77}, None)
    resumed.close()
    again = Ledger("r", tmp_path)  # a second restart: the snapshot plus the line after it
    assert again.summary(now_ms=61_000)["likes"] == 21 and 77 in again.recent.ids()
    final = again.end(now_ms=61_000)
    assert final == {**EXPECTED, "likes": 21, "ended": True}
    [end] = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert end["k"] == "end" and end["summary"] == final and end["ids"] == [77]
    after = Ledger("r", tmp_path)  # ended: nothing to resume, but the ids are still known
    assert after.summary(now_ms=0) == {"type": "streamSummary"} and after.recent.ids() == [77]


def test_end_starts_afresh() -> None:
    ledger = Ledger("r")
    feed_stream(ledger)
    assert ledger.end(now_ms=61_000)["totalDiamonds"] == 30_002
    assert ledger.summary(now_ms=61_000) == {"type": "streamSummary"}


def test_a_simulated_ledger_is_in_memory_and_marked(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="in memory"):
        Ledger("r", tmp_path, simulated=True)
    ledger = Ledger("r", simulated=True)
    feed_stream(ledger)
    for _ in range(2):
        ledger.feed({**gift(BOB, 1, "Huge", 2**62), "msgId": 5}, GiftStep(8))
    assert ledger.summary(now_ms=61_000) == {
        **EXPECTED,
        "totalDiamonds": INT64_MAX,
        "gifts": [{"giftId": 1, "count": 16, "diamonds": INT64_MAX, "giftName": "Huge"}, *EXPECTED["gifts"]],
        "topGifters": [
            {"user": {"id": 2, "uniqueId": "bob"}, "diamonds": INT64_MAX},
            EXPECTED["topGifters"][1],
        ],
        "simulated": True,
    }
    assert ledger.recent.ids() == [] and ledger.path is None  # nothing kept for a restart
    final = ledger.end(now_ms=61_000)
    assert final["simulated"] is True and final["ended"] is True and final["totalDiamonds"] == INT64_MAX
    assert validate(final) == []
    assert ledger.summary(now_ms=0) == {"type": "streamSummary", "simulated": True}
    assert list(tmp_path.iterdir()) == []


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


def test_journal_names_are_safe_and_always_inside_the_directory(tmp_path: Path) -> None:
    inside = tmp_path / "ledger"
    names = ["/abs", "../../x", "..", ".", "a/b", "nul\x00", "\u00e9\ud800", "x" * 300, "ok.name"]
    paths = set()
    for name in names:
        ledger = Ledger(name, inside)
        ledger.feed({"type": "like", "likeCount": 1, "roomId": 9, "ts": 1}, None)
        ledger.close()
        assert ledger.path is not None and ledger.path.parent == inside.resolve()
        paths.add(ledger.path)
    assert len(paths) == len(names)  # no two rooms share a journal
    assert sorted(p.name for p in inside.iterdir()) == sorted(p.name for p in paths)
    assert [p for p in tmp_path.rglob("*") if p.is_file() and p.parent != inside] == []
    assert (inside / "ok.name.jsonl").exists()


def test_a_damaged_journal_is_resumed_around_the_damage(tmp_path: Path) -> None:
    ledger = Ledger("r", tmp_path)
    feed_stream(ledger)
    ledger.close()
    journal = tmp_path / "r.jsonl"
    lines = journal.read_bytes().splitlines(keepends=True)
    damaged = [b'{"k":"gift","count":"x"}\n', b"\xff\xfe\n", b"[1,2]\n", b'{"k":"close","key":5}\n']
    journal.write_bytes(b"".join(lines[:2] + damaged + lines[2:]))
    resumed = Ledger("r", tmp_path)
    assert resumed.bad_lines == 4 and resumed.summary(now_ms=61_000) == EXPECTED


def test_a_big_journal_resumes_in_bounded_memory(tmp_path: Path) -> None:
    """Resuming a 46 MB journal (the size of issue 13's) must not hold it in memory (it took 858 MB)."""
    script = f"""
import json, resource, sys
from pathlib import Path
sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})
from bridge.contract import validate
from bridge.game.ledger import Ledger
path = Path({str(tmp_path)!r}) / "big.jsonl"
with path.open("w") as out:
    out.write('{{"k":"start","roomId":9,"t":1}}\\n')
    for i in range(1_000_000):
        out.write('{{"k":"like","count":3,"i":%d}}\\n' % (7_400_000_000_000_000_000 + i))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
ledger = Ledger("big", path.parent)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"grew_kib": after - before, "likes": ledger.summary()["likes"],
                  "ids": len(ledger.recent), "lines": len(path.read_text().splitlines())}}))
"""
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    figures = json.loads(output.stdout)
    assert figures["likes"] == 3_000_000 and figures["ids"] == 10_000 and figures["lines"] == 1
    assert figures["grew_kib"] < 8_000, figures  # the journal alone is ~46,000 KiB


def test_a_fresh_ledger_replaces_the_journal_instead_of_resuming_it(tmp_path: Path) -> None:
    ledger = Ledger("r", tmp_path)
    feed_stream(ledger)
    ledger.close()
    fresh = Ledger("r", tmp_path, fresh=True)  # the built-in simulator's stream restarted
    assert fresh.summary(now_ms=0) == {"type": "streamSummary"} and len(fresh.recent) == 0
    fresh.feed({"type": "like", "likeCount": 2, "roomId": 9, "ts": 5, "msgId": 1}, None)
    fresh.close()
    resumed = Ledger("r", tmp_path)
    assert resumed.summary(now_ms=5)["likes"] == 2 and resumed.recent.ids() == [1]
