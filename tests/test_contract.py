"""The contract is defined once: docs are generated from it and decoders follow it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from helpers import events_of, simulated_frames

from bridge import contract
from bridge.codec import _pure

ROOT = Path(__file__).resolve().parent.parent


def test_generated_docs_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--check", "--only", "contract"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_every_decoded_method_is_in_the_contract() -> None:
    documented = {m for event in contract.EVENTS for m in event.methods}
    assert documented == set(_pure.METHODS)
    assert not documented & contract.IGNORED_METHODS


def test_contract_types_are_all_defined() -> None:
    known = {"int", "float", "str", "bool", "bin", "map", "event"} | {s.name for s in contract.STRUCTS}
    items: tuple[contract.Event | contract.Struct, ...] = (*contract.EVENTS, *contract.STRUCTS)
    for item in items:
        for field in item.fields:
            assert field.type.strip("[]") in known, (item.name, field)
    names = [e.name for e in contract.EVENTS]
    assert len(names) == len(set(names))


def test_simulated_events_conform(impl: ModuleType) -> None:
    events = events_of(impl, simulated_frames(600))
    seen = {e["type"] for e in events}
    for event in events:
        assert contract.validate(event, envelope=False) == [], event
    # the default scenario shows every upstream event type but the rare control kinds
    upstream = {e.name for e in contract.EVENTS if e.methods or e.name == "unknown"}
    rare = {
        "control",
        "streamEnd",
        "social",
        "battle",
        "battleCard",
        "battlePunish",
        "battleTask",
        "envelope",
        "imDelete",
    }
    assert upstream - seen <= rare


@pytest.mark.parametrize(
    ("event", "problem"),
    [
        ({"type": "chat", "comment": 3}, "event.comment: expected str"),
        ({"type": "chat", "colour": "red"}, "event.colour: not a field of chat"),
        ({"type": "chat", "comment": ""}, "event.comment: empty values must be omitted"),
        ({"type": "gift", "streaking": False}, "event.streaking: empty values must be omitted"),
        ({"type": "gift", "giftId": True}, "event.giftId: expected int, got bool"),
        ({"type": "chat", "user": {"id": "7"}}, "event.user.id: expected int"),
        ({"type": "chat", "user": {"age": 7}}, "event.user.age: not a field of User"),
        ({"type": "nope"}, "event: unknown type 'nope'"),
        ({"type": "imDelete", "msgIds": ["x"]}, "event.msgIds[0]: expected int"),
        (
            {"type": "roomPin", "pinned": {"type": "chat", "colour": "x"}},
            "event.pinned.colour: not a field of chat",
        ),
    ],
)
def test_validate_reports_problems(event: dict[str, object], problem: str) -> None:
    assert any(p.startswith(problem) for p in contract.validate(event)), contract.validate(event)


def test_validate_accepts_envelope() -> None:
    event = {"type": "like", "room": "a", "roomId": 1, "seq": 0, "ts": 5, "msgId": 9, "likeCount": 3}
    assert contract.validate(event) == []
