"""Rules: exact actions for event sequences, limits, and validation errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import msgpack
import pytest

from bridge.errors import ConfigError
from bridge.rules import RuleEngine, load_rules, parse_rules
from bridge.streaks import StreakTracker
from bridge.values import INT64_MAX

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "rules" / "game.toml"


def user(uid: int, **flags: Any) -> dict[str, Any]:
    return {"id": uid, "uniqueId": f"u{uid}", **flags}


def chat(text: str, uid: int = 1, **flags: Any) -> dict[str, Any]:
    return {"type": "chat", "comment": text, "user": user(uid, **flags)}


def engine(text: str) -> RuleEngine:
    return RuleEngine(parse_rules(text))


def fire(eng: RuleEngine, events: list[dict[str, Any]], now: float = 0.0) -> list[tuple[str, dict[str, Any]]]:
    """Feed events (gifts through a streak tracker, finals fed back like the daemon does)."""
    tracker = StreakTracker()
    out = []
    for event in events:
        step = tracker.feed(event, now) if event["type"] == "gift" else None
        actions = eng.feed(event, step, now)
        if step and step.final:
            actions += eng.feed(step.final, None, now)
        out += [(a["name"], a.get("params", {})) for a in actions]
    return out


def rose(count: int, end: bool = False, uid: int = 1) -> dict[str, Any]:
    event = {
        "type": "gift",
        "user": user(uid),
        "giftId": 5655,
        "giftName": "Rose",
        "diamondCount": 1,
        "giftType": 1,
    }
    event.update(repeatCount=count, groupId=100 + uid, repeatEnd=end)
    return event


GIFT_RULES = """
[[rules]]
name = "spawn"
on = "gift"
gift = ["rose", 999]
params = { enemy = "goblin" }

[[rules]]
name = "combo"
on = "gift"
gift = 5655
per = "streak"

[[rules]]
name = "big"
on = "gift"
min_diamonds = 100
"""


def test_gift_rules_per_gift_and_per_streak() -> None:
    lion = {
        "type": "gift",
        "user": user(2),
        "giftId": 6369,
        "giftName": "Lion",
        "diamondCount": 29999,
        "giftType": 2,
    }
    fired = fire(engine(GIFT_RULES), [rose(1), rose(2), rose(2), rose(5), rose(5, end=True), rose(6), lion])
    assert fired == [
        ("spawn", {"enemy": "goblin", "count": 1, "amount": 1, "gift": "Rose"}),
        ("spawn", {"enemy": "goblin", "count": 1, "amount": 1, "gift": "Rose"}),
        ("spawn", {"enemy": "goblin", "count": 3, "amount": 3, "gift": "Rose"}),
        ("combo", {"count": 5, "amount": 5, "gift": "Rose"}),
        ("big", {"count": 1, "amount": 29999, "gift": "Lion"}),
    ]


def test_like_thresholds_room_wide_and_per_user() -> None:
    eng = engine(
        '[[rules]]\nname = "confetti"\non = "like"\nevery = 100\n'
        '[[rules]]\nname = "fan"\non = "like"\nevery = 10\nper_user = true\n'
    )
    likes = [
        {"type": "like", "likeCount": n, "user": user(uid)}
        for uid, n in [(1, 60), (2, 30), (1, 15), (2, 150)]
    ]
    assert fire(eng, likes) == [
        ("fan", {"count": 6, "likes": 60}),
        ("fan", {"count": 3, "likes": 30}),
        ("confetti", {"count": 1, "likes": 105}),
        ("fan", {"count": 1, "likes": 75}),
        ("confetti", {"count": 1, "likes": 255}),
        ("fan", {"count": 15, "likes": 180}),
    ]


def test_chat_commands() -> None:
    eng = engine(
        '[[rules]]\nname = "jump"\non = "chat"\ncommand = "jump"\naliases = ["j"]\n'
        '[[rules]]\nname = "color"\non = "chat"\ncommand = "Color"\nprefix = "#"\ncase_sensitive = true\n'
    )
    comments = [
        "!jump",
        "  !JUMP high now",
        "!j",
        "!jumping",
        "jump",
        "!",
        "#Color red",
        "#color red",
        "!color red",
    ]
    assert fire(eng, [chat(c) for c in comments]) == [
        ("jump", {}),
        ("jump", {"args": ["high", "now"]}),
        ("jump", {}),
        ("color", {"args": ["red"]}),
    ]


def test_conditions() -> None:
    eng = engine(
        '[[rules]]\nname = "mod"\non = "chat"\ncommand = "x"\nmoderator = true\n'
        '[[rules]]\nname = "sub"\non = "chat"\ncommand = "x"\nsubscriber = true\nfollower = true\n'
        '[[rules]]\nname = "vip"\non = "chat"\ncommand = "x"\nmin_gifter_level = 10\n'
    )
    events = [
        chat("!x", isModerator=True),
        chat("!x", isSubscriber=True),
        chat("!x", isSubscriber=True, isFollower=True),
        chat("!x", gifterLevel=9),
        chat("!x", gifterLevel=10),
    ]
    assert [name for name, _ in fire(eng, events)] == ["mod", "sub", "vip"]


def test_cooldown_storm_queue_and_user_limits() -> None:
    eng = engine(
        '[[rules]]\nname = "jump"\non = "chat"\ncommand = "jump"\ncooldown = 0.5\nmax_queue = 3\n'
        "user_cooldown = 10\n"
    )
    fired = []
    for i in range(1000):  # 1000 "!jump" from 100 viewers within one second
        fired += eng.feed(chat("!jump", uid=i % 100), None, now=i / 1000)
    assert len(fired) == 1 and eng.stats()["jump"] == {"fired": 1, "dropped": 996, "queued": 3}
    released = [len(eng.tick(t)) for t in (0.1, 0.5, 0.6, 1.0, 1.5, 2.0)]
    assert released == [0, 1, 0, 1, 1, 0] and eng.stats()["jump"]["fired"] == 4


def test_user_rate_limit_window() -> None:
    eng = engine('[[rules]]\nname = "f"\non = "follow"\nuser_limit = 2\nuser_window = 60\n')
    times = [0, 1, 2, 59, 61, 62]
    fired = [bool(eng.feed({"type": "follow", "user": user(1)}, None, t)) for t in times]
    assert fired == [True, True, False, False, True, True]


def test_viewer_threshold_crossings() -> None:
    eng = engine('[[rules]]\nname = "crowd"\non = "viewers"\nabove = 1000\n')
    counts = [500, 999, 1000, 1500, 800, 1200]
    fired = fire(eng, [{"type": "roomUserSeq", "viewerCount": n} for n in counts])
    assert fired == [("crowd", {"viewers": 1000}), ("crowd", {"viewers": 1200})]


def test_social_member_and_battle_triggers() -> None:
    eng = engine(
        "\n".join(f'[[rules]]\nname = "{k}"\non = "{k}"' for k in ("follow", "share", "subscribe", "member"))
        + '\n[[rules]]\nname = "open"\non = "battle"\nbattle_action = 4\n'
    )
    events: list[dict[str, Any]] = [
        {"type": "follow", "user": user(1)},
        {"type": "share", "user": user(1)},
        {"type": "subscribe", "user": user(1)},
        {"type": "member", "action": 1, "user": user(1)},
        {"type": "member", "action": 3, "user": user(1)},
        {"type": "battle", "action": 4},
        {"type": "battle", "action": 5},
    ]
    assert [name for name, _ in fire(eng, events)] == ["follow", "share", "subscribe", "member", "open"]


def test_action_event_shape() -> None:
    eng = engine('[[rules]]\nname = "jump"\non = "chat"\ncommand = "jump"\nparams = { height = 2 }\n')
    trigger = chat("!jump now")
    [action] = eng.feed(trigger, None, 0.0)
    assert action == {
        "type": "action",
        "name": "jump",
        "rule": "jump",
        "params": {"height": 2, "args": ["now"]},
        "event": trigger,
    }


def test_example_rules_file_loads() -> None:
    names = [rule.name for rule in load_rules(EXAMPLE)]
    assert names == ["spawn_enemy", "power_up", "jump", "color", "confetti", "thank_follower", "big_crowd"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[rules]]\non = 'gift'", "rule #1: key 'name' = None"),
        ("[[rules]]\nname = 'a b'\non = 'gift'", "key 'name' = 'a b'"),
        ("[[rules]]\nname = 'x'\non = 'dance'", "rule #1 ('x'): key 'on' = 'dance': expected one of gift"),
        (
            "[[rules]]\nname = 'x'\non = 'gift'\nevery = 5",
            "rule #1 ('x'): unknown key 'every' for on = 'gift'",
        ),
        ("[[rules]]\nname = 'x'\non = 'like'\nevery = 0", "key 'every' = 0: must be at least 1"),
        ("[[rules]]\nname = 'x'\non = 'like'\nevery = '100'", "key 'every' = '100': expected an integer"),
        ("[[rules]]\nname = 'x'\non = 'gift'\nper = 'combo'", "key 'per' = 'combo'"),
        ("[[rules]]\nname = 'x'\non = 'gift'\ngift = [true]", "key 'gift' = True"),
        ("[[rules]]\nname = 'x'\non = 'chat'", "key 'command': a chat rule needs a one-word command"),
        ("[[rules]]\nname = 'x'\non = 'viewers'", "key 'above': a viewers rule needs a threshold"),
        ("[[rules]]\nname = 'x'\non = 'follow'\ncooldown = -1", "key 'cooldown' = -1: must be at least 0"),
        (
            "[[rules]]\nname = 'x'\non = 'follow'\nmoderator = 'yes'",
            "key 'moderator' = 'yes': expected true or false",
        ),
        (
            "[[rules]]\nname = 'x'\non = 'follow'\n[[rules]]\nname = 'x'\non = 'share'",
            "rule name 'x' is used twice",
        ),
        ("[rule]\nname = 'x'", "unknown top-level key 'rule'"),
        ("rules = 3", "rules must be an array of tables"),
        ("[[rules]\n", "not valid TOML"),
    ],
)
def test_validation_names_file_rule_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "game.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_rules(path)
    assert str(info.value).startswith(str(path)) and message in str(info.value), str(info.value)


def test_hostile_amounts_and_like_totals_saturate() -> None:
    huge = [{**rose(8, end=True), "diamondCount": 2**62}]
    fired = fire(engine('[[rules]]\nname = "g"\non = "gift"\nper = "gift"\n'), huge)
    assert fired == [("g", {"count": 8, "amount": INT64_MAX, "gift": "Rose"})]
    likes = [{"type": "like", "likeCount": 2**62, "user": user(1)} for _ in range(3)]
    fired = fire(engine('[[rules]]\nname = "l"\non = "like"\nevery = 1\n'), likes)
    assert [params["likes"] for _, params in fired] == [2**62, INT64_MAX]  # then saturated: no more
    msgpack.packb(fired)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'[[rules]]\nname = "\xff"\non = "follow"\n', "not UTF-8 text (byte 18: invalid start byte)"),
        (b"a = " + b"[" * 50_000 + b"]" * 50_000, "nested too deeply"),
        (b'[[rules]]\nname = "a"\non = "gift"\ncooldown = nan\n', "key 'cooldown' = nan: must be a finite"),
        (b'[[rules]]\nname = "a"\non = "gift"\nuser_window = inf\n', "key 'user_window' = inf: must be a"),
    ],
)
def test_hostile_files_are_config_errors(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "rules.toml"
    path.write_bytes(data)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_rules(path)
