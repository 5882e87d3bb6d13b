"""Fault injection: every fault is reported, recovered from, and loses or duplicates nothing."""

from __future__ import annotations

import pytest
from faults import SCENARIOS, run_scenario

EXPECTED_REASONS = {
    "connection drops (close, and mid-frame at the server)": {"dropped"},
    "TCP cut at a random byte (mid-frame)": {"dropped"},
    "silent stall": {"stalled"},
    "slow reads (64-byte trickle for 3 s)": set(),
    "handshake rejected (400 DEVICE_BLOCKED) x2": {"dropped", "handshake_rejected"},
    "sign server 429, RateLimit-Reset 1 s": {"dropped", "sign_rate_limited"},
    "sign server 500 x2": {"dropped", "sign_failed"},
    "sign server timeout (3 s > sign.timeout 1 s)": {"dropped", "sign_failed"},
    "stream end during a gift streak": {"stream_ended"},
    "malformed frames mixed with good ones": set(),
}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_fault(name: str) -> None:
    outcome = run_scenario(name)
    assert set(outcome.reasons) == EXPECTED_REASONS[name], outcome
    assert outcome.duplicates == 0, outcome
    assert outcome.lost == 0, outcome
    assert outcome.sent > 30 and outcome.published == outcome.sent + outcome.extra["fromSigner"]
    assert outcome.extra["fromSigner"] <= outcome.extra["signRequests"]  # fresh messages in sign answers
    assert all(r < 10 for r in outcome.recovery), outcome
    if "stream end" in name:
        assert outcome.extra["streamEnd"] == 1 and outcome.extra["timedOutFinals"] >= 1
    if "malformed" in name:
        assert outcome.decode_errors >= 6
