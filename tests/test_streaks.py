"""Gift streaks are counted exactly once under real-world conditions."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import msgpack
from helpers import events_of, simulated_frames

from bridge.codec import _pure
from bridge.game.streaks import StreakTracker
from bridge.values import INT64_MAX

ALICE = {"id": 1, "uniqueId": "alice"}
BOB = {"id": 2, "uniqueId": "bob"}


def rose(count: int, end: bool = False, user: dict[str, Any] = ALICE, group: int = 100) -> dict[str, Any]:
    event = {
        "type": "gift",
        "user": user,
        "giftId": 5655,
        "giftName": "Rose",
        "diamondCount": 1,
        "giftType": 1,
    }
    event.update(repeatCount=count, groupId=group)
    if end:
        event["repeatEnd"] = True
    return event


def run(
    tracker: StreakTracker, events: list[dict[str, Any]], now: float = 0.0
) -> tuple[list[int], list[dict[str, Any]]]:
    deltas, finals = [], []
    for event in events:
        step = tracker.feed(event, now)
        deltas.append(step.delta)
        if step.final:
            finals.append(step.final)
    return deltas, finals


def test_in_progress_then_closing_frame() -> None:
    deltas, finals = run(StreakTracker(), [rose(1), rose(2), rose(3), rose(3, end=True)])
    assert deltas == [1, 1, 1, 0]
    assert finals == [
        {
            "type": "giftFinal",
            "user": ALICE,
            "giftId": 5655,
            "giftName": "Rose",
            "diamondCount": 1,
            "giftType": 1,
            "groupId": 100,
            "repeatCount": 3,
            "totalDiamonds": 3,
        }
    ]


def test_missing_closing_frame_times_out() -> None:
    tracker = StreakTracker(timeout=10)
    deltas, finals = run(tracker, [rose(1), rose(2)], now=5.0)
    assert deltas == [1, 1] and finals == [] and tracker.open_streaks == 1
    assert tracker.expire(14.9) == []
    [final] = tracker.expire(15.0)
    assert final["repeatCount"] == 2 and final["timedOut"] is True and tracker.open_streaks == 0
    assert run(tracker, [rose(3), rose(3, end=True)])[0] == [0, 0]  # late frames of a closed streak


def test_duplicates_after_reconnect_count_nothing() -> None:
    deltas, finals = run(
        StreakTracker(), [rose(1), rose(2), rose(3), rose(2), rose(3), rose(4, end=True), rose(4, end=True)]
    )
    assert deltas == [1, 1, 1, 0, 0, 1, 0] and len(finals) == 1 and finals[0]["repeatCount"] == 4


def test_out_of_order_counts() -> None:
    deltas, finals = run(StreakTracker(), [rose(1), rose(3), rose(2), rose(5, end=True)])
    assert deltas == [1, 2, 0, 2] and finals[0]["repeatCount"] == 5


def test_closing_frame_alone_and_separate_streaks() -> None:
    tracker = StreakTracker()
    deltas, finals = run(
        tracker, [rose(5, end=True), rose(1, user=BOB), rose(2, user=BOB, end=True), rose(1, group=101)]
    )
    assert deltas == [5, 1, 1, 1] and [f["repeatCount"] for f in finals] == [5, 2]
    [open_one] = tracker.close_all()
    assert open_one["groupId"] == 101 and open_one["timedOut"] is True


def test_non_streakable_gifts_are_final_at_once() -> None:
    lion = {
        "type": "gift",
        "user": BOB,
        "giftId": 6369,
        "giftName": "Lion",
        "diamondCount": 29999,
        "giftType": 2,
    }
    deltas, finals = run(StreakTracker(), [lion, {**lion, "repeatCount": 2}])
    assert deltas == [1, 2] and [f["totalDiamonds"] for f in finals] == [29999, 59998]


def test_simulated_stream_every_gift_counted_once() -> None:
    tracker = StreakTracker()
    per_streak: dict[tuple[int, int, int], int] = defaultdict(int)
    finals = []
    for event in events_of(_pure, simulated_frames(2500)):
        if event["type"] != "gift":
            continue
        step = tracker.feed(event, 0.0)
        per_streak[(event["user"]["id"], event.get("groupId", 0), event["giftId"])] += step.delta
        if step.final:
            finals.append(step.final)
    finals += tracker.close_all()
    assert sum(f["repeatCount"] for f in finals) == sum(per_streak.values())
    assert len([f for f in finals if f.get("giftType") == 1]) == len([k for k in per_streak if k[1]])


def test_hostile_counts_and_values_saturate_instead_of_overflowing() -> None:
    tracker = StreakTracker()
    huge = {**rose(8, end=True), "diamondCount": 2**62}
    step = tracker.feed(huge, 0.0)
    assert step.delta == 8 and step.final is not None
    assert step.final["totalDiamonds"] == INT64_MAX
    msgpack.packb(step.final)  # what the publisher does with it
    single = {**rose(2**64), "giftType": 2, "diamondCount": 2**63 - 1}
    final = tracker.feed(single, 0.0).final
    assert final is not None and final["repeatCount"] == INT64_MAX == final["totalDiamonds"]
    msgpack.packb(final)
