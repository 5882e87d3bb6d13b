"""Bounded state in the default mode: what a long soak found growing, pinned down in seconds."""

from __future__ import annotations

from typing import Any

import msgpack

from bridge.console.state import ConsoleState


def gift(msg_id: int, user: int, group: int, count: int, end: bool = False) -> bytes:
    event: dict[str, Any] = {
        "type": "gift",
        "room": "alice",
        "roomId": 7,
        "msgId": msg_id,
        "user": {"id": user, "uniqueId": f"u{user}", "nickname": "U"},
        "giftId": 5655,
        "giftName": "Rose",
        "giftType": 1,
        "groupId": group,
        "repeatCount": count,
        "repeatEnd": end,
        "diamondCount": 1,
    }
    packed: bytes = msgpack.packb(event)
    return packed


def test_the_consoles_ledger_forgets_streaks_that_timed_out_or_ended() -> None:
    """Streaks whose end frame never comes (TikTok drops some) were kept by the console's ledger for good."""
    state = ConsoleState(now=1000.0, streak_timeout=15.0)
    for i in range(2_000):  # 2,000 streaks that never end, then 100 that do
        state.receive(b"gift/alice", gift(i, 6_900_000_000_000_000_000 + i, 100 + i, 3), 1000.0)
    for i in range(100):
        state.receive(b"gift/alice", gift(10_000 + i, 42, 5_000 + i, 2, end=True), 1001.0)
    ledger = state.ledgers["alice", False].ledger
    assert len(ledger.streaks()[0]) == 2_000
    state.tick(1020.0)  # past the time-out
    assert ledger.streaks()[0] == [] and state.ledgers["alice", False].streaks.open_streaks == 0
    assert ledger.summary()["totalDiamonds"] == 2_000 * 3 + 100 * 2


def test_a_hostile_streak_key_is_counted_not_raised_when_it_times_out() -> None:
    state = ConsoleState(now=1000.0, streak_timeout=15.0)
    event = msgpack.unpackb(gift(1, 5, 9, 2))
    event["user"]["id"] = "not-a-number"
    state.receive(b"gift/alice", msgpack.packb(event), 1000.0)
    state.tick(1020.0)  # the streak times out: its hostile key must not raise here
    assert state.bad == 1 and state.ledgers["alice", False].streaks.open_streaks == 0
