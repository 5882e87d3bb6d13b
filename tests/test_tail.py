"""``tail``'s wording (the console feed uses it too): notices with a display text read as TikTok shows them."""

from __future__ import annotations

from types import ModuleType

from helpers import START_MS

from bridge.console.tail import describe, render_text
from bridge.sim.simulator import Simulator, load_scenario


def test_render_text_fills_user_gift_and_string_pieces() -> None:
    pieces = [
        {"kind": 11, "user": {"id": 5, "uniqueId": "alice"}},
        {"kind": 12, "giftId": 5655, "giftName": "Rose"},
        {"kind": 1, "text": "3"},
        {"kind": 11, "user": {"id": 7}},
    ]
    assert (
        render_text("{0:user} sent {1:gift} x{2:string} to {3:user}", pieces) == "@alice sent Rose x3 to @7"
    )


def test_render_text_leaves_placeholders_it_cannot_fill() -> None:
    assert render_text("{0:user} and {5:user} {x}", [{"kind": 11}]) == "{0:user} and {5:user} {x}"
    assert render_text("{0:user}", ["not a piece"]) == "{0:user}"  # type: ignore[list-item]
    assert render_text("", []) == ""


def test_every_simulated_notice_reads_without_placeholders(impl: ModuleType) -> None:
    sim = Simulator(load_scenario("default"), 3)
    seen: set[str] = set()
    for n in range(3000):
        for event in impl.decode_frame(sim.frame(START_MS + n * 100)).result.events:
            if "text" not in event or event["type"] in ("chat", "gift", "member"):
                continue
            line = describe(event)
            assert "pieces=" not in line and "textKey=" not in line, line
            if event.get("pieces"):
                assert "{0:" not in line, line
                seen.add(event["type"])
    assert {"roomNotify", "giftBroadcast"} <= seen, seen
