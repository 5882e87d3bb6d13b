"""Rules: exact actions for event sequences, limits, and validation errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import linkmic as lm
import msgpack
import pytest

from bridge.errors import ConfigError
from bridge.game.rules import (
    MAX_ROOMS,
    MAX_TRACKED,
    TRIGGERS,
    Filter,
    RuleEngine,
    Trigger,
    load_rules,
    parse_rules,
)
from bridge.game.streaks import StreakTracker
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


# ---------------------------------------------------------------- co-host, battle, poll and goal triggers
# Real event shapes: each message is encoded as TikTok sends it and decoded by both decoders (tests/linkmic.py).


def run(eng: RuleEngine, messages: list[lm.Message], room: str = lm.ROOM) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for message in messages:
        out += [(a["name"], a.get("params", {})) for a in eng.feed(lm.decoded(message, room), None, 0.0)]
    return out


SCORE_RULES = """
[[rules]]
name = "host_1000"
on = "coHostScore"
above = 1000

[[rules]]
name = "total_3000"
on = "coHostScore"
score = "total"
above = 3000

[[rules]]
name = "lead_500"
on = "coHostScore"
score = "lead"
above = 500

[[rules]]
name = "every_1000"
on = "coHostScore"
every = 1000
"""


def scores(ours: int, rival: int, match: int = 0) -> lm.Message:
    return lm.fan_tickets([(lm.HOST, ours), (lm.RIVAL, rival)], ours + rival, match)


def test_co_host_score_thresholds_fire_once_per_match() -> None:
    eng = engine(SCORE_RULES)
    opening = lm.battle(11, 4, [(lm.HOST, lm.ROOM), (lm.RIVAL, "rival")])
    fired = run(eng, [opening, scores(400, 300), scores(900, 1000), scores(1600, 1100), scores(2500, 1200)])
    assert fired == [
        ("host_1000", {"score": 1600, "rival": 1100, "lead": 500, "total": 2700}),
        ("lead_500", {"score": 1600, "rival": 1100, "lead": 500, "total": 2700}),
        ("every_1000", {"score": 1600, "rival": 1100, "lead": 500, "total": 2700, "count": 1}),
        ("total_3000", {"score": 2500, "rival": 1200, "lead": 1300, "total": 3700}),
        ("every_1000", {"score": 2500, "rival": 1200, "lead": 1300, "total": 3700, "count": 1}),
    ]
    # the lead falls and comes back, the same values again: nothing more in this battle
    assert run(eng, [scores(2500, 2400), scores(2900, 2400), scores(2900, 2400)]) == []
    # a new battle re-arms every threshold; a first score already past two multiples counts both
    rematch = run(eng, [lm.battle(12, 4, [(lm.HOST, lm.ROOM), (lm.RIVAL, "rival")]), scores(2100, 1000)])
    assert [name for name, _ in rematch] == ["host_1000", "total_3000", "lead_500", "every_1000"]
    assert rematch[3][1]["count"] == 2


def test_co_host_scores_need_our_host_for_score_and_lead() -> None:
    eng = engine(SCORE_RULES)
    # nothing says which host is ours yet: only the total is known
    assert [n for n, _ in run(eng, [lm.link_mic_score(lm.HOST, 2100, 3600)])] == ["total_3000"]
    # the stream introduction names our host; LinkMicMethod scores count as the fan ticket ones do
    fired = run(eng, [lm.live_intro(), lm.link_mic_score(lm.HOST, 2200, 3700)])
    assert fired == [
        ("host_1000", {"score": 2200, "total": 3700}),
        ("every_1000", {"score": 2200, "total": 3700, "count": 2}),
    ]
    # the rival's score makes the lead known
    fired = run(eng, [lm.link_mic_score(lm.RIVAL, 1500, 3700)])
    assert fired == [("lead_500", {"score": 2200, "rival": 1500, "lead": 700, "total": 3700})]


def test_co_host_score_state_is_per_room_and_matches_change_with_the_match_id() -> None:
    eng = engine('[[rules]]\nname = "t"\non = "coHostScore"\nscore = "total"\nabove = 100\n')
    assert len(run(eng, [scores(60, 60, match=1)], room="a")) == 1
    assert len(run(eng, [scores(60, 60, match=1)], room="b")) == 1  # another room's own threshold
    assert run(eng, [scores(70, 70, match=1)], room="a") == []
    assert len(run(eng, [scores(70, 70, match=2)], room="a")) == 1  # a new match


def test_hostile_scores_saturate() -> None:
    eng = engine(SCORE_RULES)
    huge = lm.fan_tickets([(lm.HOST, INT64_MAX), (lm.RIVAL, -(2**63))])  # no total: summed, saturated
    fired = run(eng, [lm.live_intro(), huge])
    expected = {"score": INT64_MAX, "rival": -(2**63), "lead": INT64_MAX, "total": -1}
    assert fired[0] == ("host_1000", expected)
    assert [n for n, _ in fired] == ["host_1000", "lead_500", "every_1000"]
    assert fired[2][1]["count"] == INT64_MAX // 1000
    msgpack.packb(fired)


def test_co_hosts_joining_and_leaving() -> None:
    eng = engine(
        '[[rules]]\nname = "joined"\non = "coHost"\n'
        '[[rules]]\nname = "left"\non = "coHost"\nchange = "leave"\nparams = { wave = true }\n'
    )
    us = (lm.HOST, lm.ROOM, lm.ROOM_ID)
    rival, third = (lm.RIVAL, "rival", 77), (lm.RIVAL + 1, "third", 78)
    fired = run(
        eng,
        [
            lm.co_host_notice(12),  # a join notice says nobody: the list that follows does
            lm.co_hosts([us, rival]),
            lm.co_hosts([us, rival]),
            lm.co_hosts([us, rival, third]),
            lm.co_hosts([us, third]),
            lm.co_hosts([]),
        ],
    )
    assert fired == [
        ("joined", {"host_id": lm.RIVAL, "host": "rival", "nickname": "Rival"}),
        ("joined", {"host_id": lm.RIVAL + 1, "host": "third", "nickname": "Third"}),
        ("left", {"wave": True, "host_id": lm.RIVAL, "host": "rival", "nickname": "Rival"}),
        ("left", {"wave": True, "host_id": lm.RIVAL + 1, "host": "third", "nickname": "Third"}),
    ]


def test_the_linker_co_host_list_counts_too_and_an_empty_list_ends_the_match() -> None:
    eng = engine(
        '[[rules]]\nname = "joined"\non = "coHost"\n'
        '[[rules]]\nname = "t"\non = "coHostScore"\nscore = "total"\nabove = 100\n'
    )
    us, rival = (lm.HOST, lm.ROOM, lm.ROOM_ID), (lm.RIVAL, "rival", 77)
    fired = run(
        eng, [lm.linker_co_hosts([us, rival]), scores(60, 60), lm.co_hosts([us, rival]), scores(70, 70)]
    )
    assert fired == [
        ("joined", {"host_id": lm.RIVAL, "host": "rival", "nickname": "Rival"}),
        ("t", {"total": 120, "score": 60, "rival": 60}),
    ]
    # everyone leaves (an empty list change): the next session is a new match, the rival joins again
    fired = run(eng, [lm.co_hosts([]), lm.co_hosts([us, rival]), scores(70, 70)])
    assert [n for n, _ in fired] == ["joined", "t"]


def test_learnt_state_is_bounded_and_simulated_events_have_their_own() -> None:
    eng = engine('[[rules]]\nname = "t"\non = "coHostScore"\nscore = "total"\nabove = 100\n')
    crowd = lm.decoded(lm.fan_tickets([(uid, 10) for uid in range(1, 200)]))
    for i in range(MAX_ROOMS + 500):
        eng.feed({**crowd, "room": f"room{i}"}, None, 0.0)
    rooms = eng._rooms  # the engine's memory of the rooms
    assert len(rooms) == MAX_ROOMS and max(len(r.scores) for r in rooms.values()) == MAX_TRACKED
    real = lm.decoded(scores(60, 60))
    assert len(eng.feed({**real, "simulated": True}, None, 0.0)) == 1
    assert len(eng.feed(real, None, 0.0)) == 1  # the simulated total is not the real one
    assert eng.feed({**real, "simulated": True}, None, 0.0) == []


def test_battle_cards_punishment_and_tasks() -> None:
    eng = engine(
        '[[rules]]\nname = "our_strike"\non = "battleCard"\ncard_type = 2\nside = "ours"\n'
        '[[rules]]\nname = "their_card"\non = "battleCard"\nside = "rival"\n'
        '[[rules]]\nname = "any_card"\non = "battleCard"\ncard_type = [4, 5]\n'
        '[[rules]]\nname = "punished"\non = "battlePunish"\n'
        '[[rules]]\nname = "cut_short"\non = "battlePunish"\nreason = 1\n'
        '[[rules]]\nname = "task"\non = "battleTask"\ntask_type = 1\n'
        '[[rules]]\nname = "task_won"\non = "battleTask"\ntask_type = 2\nresult = [0, 2]\n'
    )
    opening = lm.battle(11, 4, [(lm.HOST, lm.ROOM), (lm.RIVAL, "rival")])
    fired = run(
        eng,
        [
            opening,
            lm.strike_card(lm.HOST, lm.RIVAL, multiple=3, duration=20),
            lm.strike_card(lm.RIVAL, lm.HOST),
            lm.punish_finish(11, 0),
            lm.punish_finish(11, 1),
            lm.battle_task(0, target=7),
            lm.battle_task(1, progress=3),
            lm.battle_task(2, result=1),
            lm.battle_task(2, result=0),
        ],
    )
    assert fired == [
        ("our_strike", {"side": "ours", "card": 2, "multiple": 3, "duration": 20}),
        ("their_card", {"side": "rival", "card": 2, "multiple": 2, "duration": 20}),
        ("punished", {}),
        ("punished", {"reason": 1}),
        ("cut_short", {"reason": 1}),
        ("task", {"target": 7, "task": 1, "progress": 3}),
        ("task_won", {"target": 7, "task": 2}),
    ]


def test_battle_outcomes_and_the_rival_score() -> None:
    eng = engine(
        '[[rules]]\nname = "won"\non = "battle"\noutcome = "win"\n'
        '[[rules]]\nname = "lost"\non = "battle"\noutcome = "lose"\n'
        '[[rules]]\nname = "finished"\non = "battle"\nbattle_action = 5\n'
        '[[rules]]\nname = "rival_close"\non = "coHostScore"\nscore = "rival"\nabove = 4000\n'
    )
    hosts = [(lm.HOST, lm.ROOM), (lm.RIVAL, "rival")]
    fired = run(
        eng,
        [
            lm.battle(11, 4, hosts),
            lm.fan_tickets([(lm.HOST, 3000), (lm.RIVAL, 4100)], match=11),
            lm.battle(11, 5, hosts, ((lm.HOST, 0, 5200), (lm.RIVAL, 1, 4100))),
            lm.battle(12, 5, hosts, ((lm.HOST, 1, 10), (lm.RIVAL, 0, 90))),
            lm.battle(13, 5, hosts, ((lm.HOST, 2, 50), (lm.RIVAL, 2, 50))),
        ],
    )
    assert fired == [
        ("rival_close", {"score": 3000, "rival": 4100, "lead": -1100, "total": 7100}),
        ("won", {"outcome": "win", "score": 5200, "rival": 4100}),
        ("finished", {"outcome": "win", "score": 5200, "rival": 4100}),
        ("lost", {"outcome": "lose", "score": 10, "rival": 90}),
        ("finished", {"outcome": "lose", "score": 10, "rival": 90}),
        ("finished", {"outcome": "draw", "score": 50, "rival": 50}),
    ]
    # without our host known there is no outcome: only the rules that do not ask for one fire
    fresh = engine('[[rules]]\nname = "won"\non = "battle"\noutcome = "win"\n')
    assert run(fresh, [lm.battle(11, 5, [(lm.RIVAL, "rival")], ((lm.HOST, 0, 5200),))]) == []


def test_battle_card_side_needs_our_host() -> None:
    eng = engine('[[rules]]\nname = "ours"\non = "battleCard"\nside = "ours"\n')
    assert run(eng, [lm.strike_card(lm.HOST, lm.RIVAL)]) == []  # whose side is unknown
    assert len(run(eng, [lm.live_intro(), lm.strike_card(lm.HOST, lm.RIVAL)])) == 1


def test_poll_winners() -> None:
    eng = engine(
        '[[rules]]\nname = "winner"\non = "poll"\n'
        '[[rules]]\nname = "boss"\non = "poll"\noption = ["BOSS fight", "dragon"]\n'
    )
    fired = run(
        eng,
        [
            lm.poll(1, 0, [("Boss fight", 0), ("Maze", 0)], title="Next level?"),
            lm.poll(1, 1, [("Boss fight", 12), ("Maze", 30)]),
            lm.poll(1, 1, [("Boss fight", 12), ("Maze", 30)]),  # the end sent twice fires once
            lm.poll(2, 1, [("Maze", 5), ("Boss fight", 9)]),
            lm.poll(3, 1, [("Maze", 4), ("Boss fight", 4)]),
            lm.poll(4, 1, [("Maze", 0), ("Boss fight", 0)]),  # nobody voted: no winner
        ],
    )
    assert fired == [
        ("winner", {"option": "Maze", "index": 1, "votes": 30, "total": 42, "title": "Next level?"}),
        ("winner", {"option": "Boss fight", "index": 1, "votes": 9, "total": 14}),
        ("boss", {"option": "Boss fight", "index": 1, "votes": 9, "total": 14}),
        ("winner", {"option": "Maze", "votes": 4, "total": 8, "tie": True}),
    ]


def test_goals_reached() -> None:
    eng = engine(
        '[[rules]]\nname = "goal"\non = "goal"\n'
        '[[rules]]\nname = "half_roses"\non = "goal"\ngift = "rose"\npercent = 50\n'
    )
    steps = [(100, 500), (249, 500), (250, 500), (499, 500), (500, 500), (520, 500), (0, 500), (600, 500)]
    fired = run(eng, [lm.goal(p, t) for p, t in steps] + [lm.goal(10, 10, gift="Galaxy")])
    assert fired == [
        ("half_roses", {"percent": 50, "progress": 250, "target": 500, "gift": "Rose"}),
        ("goal", {"percent": 100, "progress": 500, "target": 500, "gift": "Rose"}),
        ("goal", {"percent": 100, "progress": 600, "target": 500, "gift": "Rose"}),  # a new round
        ("half_roses", {"percent": 50, "progress": 600, "target": 500, "gift": "Rose"}),
        ("goal", {"percent": 100, "progress": 10, "target": 10, "gift": "Galaxy"}),
    ]


def test_a_reload_keeps_what_the_engine_learnt() -> None:
    eng = engine('[[rules]]\nname = "a"\non = "coHostScore"\nabove = 1000\n')
    assert len(run(eng, [lm.live_intro(), scores(1500, 0)])) == 1
    eng = eng.reloaded(parse_rules('[[rules]]\nname = "b"\non = "coHostScore"\nabove = 1000\n'))
    assert run(eng, [scores(1600, 0)]) == []  # passed before the reload: not again


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("on = 'coHostScore'", "key 'above': a coHostScore rule needs above or every, e.g. above = 5000"),
        ("on = 'coHostScore'\nabove = 0", "a coHostScore rule needs above or every"),
        ("on = 'coHostScore'\nabove = -1", "key 'above' = -1: must be at least 0"),
        ("on = 'coHostScore'\nabove = 9223372036854775808", "must be at most 9223372036854775807"),
        ("on = 'coHostScore'\nabove = nan", "key 'above' = nan: expected an integer"),
        ("on = 'coHostScore'\nevery = 0", "key 'every' = 0: must be at least 1"),
        ("on = 'coHostScore'\nabove = 5\nevery = 5", "keys 'above' and 'every': give one of them"),
        ("on = 'coHostScore'\nabove = 5\nscore = 'rivals'", "key 'score' = 'rivals': expected 'host' or"),
        (
            "on = 'battle'\noutcome = 'won'",
            "key 'outcome' = 'won': expected 'any' or 'win' or 'lose' or 'draw'",
        ),
        ("on = 'battleCard'\ncard_type = -1", "key 'card_type' = -1: expected an integer in 0.."),
        ("on = 'battleCard'\ncard_type = 18446744073709551616", "key 'card_type' = 18446744073709551616"),
        ("on = 'battleCard'\ncard_type = []", "key 'card_type' = []: expected an integer"),
        ("on = 'battleCard'\ncard_type = [2, true]", "key 'card_type' = True"),
        ("on = 'battleCard'\nside = 'mine'", "key 'side' = 'mine': expected 'any' or 'ours' or 'rival'"),
        ("on = 'battleTask'\nresult = 1.5", "key 'result' = 1.5"),
        ("on = 'coHost'\nchange = 'joined'", "key 'change' = 'joined'"),
        ("on = 'poll'\noption = 3", "key 'option' = 3: expected an option text"),
        ("on = 'goal'\npercent = 0", "key 'percent' = 0: must be at least 1"),
        ("on = 'goal'\npercent = 101", "key 'percent' = 101: must be at most 100"),
        ("on = 'goal'\nabove = 5", "unknown key 'above' for on = 'goal'"),
        ("on = 'battle'\nbattle_action = -1", "key 'battle_action' = -1"),
        (
            "on = 'poll'\nparams = { at = 1979-05-27 }",
            "key 'params' = {'at': datetime.date(1979, 5, 27)}: 1979",
        ),
        (
            "on = 'poll'\nparams = { a = [1, nan] }",
            "key 'params' = {'a': [1, nan]}: nan is not a finite number",
        ),
        (
            "on = 'poll'\nparams = { a = { b = -9223372036854775809 } }",
            "-9223372036854775809 is beyond 64 bits",
        ),
        ("on = 'like'\nevery = 9223372036854775808", "key 'every' = 9223372036854775808: must be at most"),
        ('on = "chat"\ncommand = "a\\u0000b"', "key 'command': a chat rule needs a one-word command"),
    ],
)
def test_validation_of_the_new_keys(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_rules(f"[[rules]]\nname = 'x'\n{text}\n")
    assert message in str(info.value), str(info.value)


def test_every_example_rules_file_loads_and_fires() -> None:
    files = sorted(EXAMPLE.parent.glob("*.toml"))
    assert len(files) >= 2
    for path in files:
        rules = load_rules(path)
        assert rules and all(rule.on in TRIGGERS for rule in rules), path
    battle = RuleEngine(load_rules(EXAMPLE.parent / "cohost-battle.toml"))
    opening = lm.battle(11, 4, [(lm.HOST, lm.ROOM), (lm.RIVAL, "rival")])
    names = [n for n, _ in run(battle, [opening, scores(6000, 1000), lm.strike_card(lm.HOST, lm.RIVAL)])]
    assert {"battle_start", "score_5000", "lead_1000", "critical_strike"} <= set(names), names


def test_the_rules_command_describes_the_new_triggers() -> None:
    rules = parse_rules(
        '[[rules]]\nname = "a"\non = "coHostScore"\nscore = "lead"\nevery = 500\n'
        '[[rules]]\nname = "b"\non = "battleCard"\ncard_type = [5, 2]\nside = "ours"\n'
        '[[rules]]\nname = "c"\non = "poll"\noption = "Boss"\n'
    )
    assert [r.describe()["trigger"] for r in rules] == [
        {"on": "coHostScore", "score": "lead", "every": 500},
        {"on": "battleCard", "side": "ours", "card_type": [2, 5]},
        {"on": "poll", "option": ["boss"]},
    ]


def test_a_new_event_type_is_one_table_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    # what an entry for a notice event (a bool field, a host field, a text) gives without other code
    entry = Trigger(
        ("notice",), filters=(Filter("welcome", "welcome"),), params=(("text", "content"),), side="toAnchorId"
    )
    monkeypatch.setitem(TRIGGERS, "notice", entry)
    eng = engine('[[rules]]\nname = "n"\non = "notice"\nwelcome = 1\nside = "ours"\n')
    with pytest.raises(ConfigError, match="key 'welcome' = True: expected an integer"):
        parse_rules('[[rules]]\nname = "n"\non = "notice"\nwelcome = true\n')
    notices = [
        {
            "type": "notice",
            "welcome": True,
            "content": "hi",
            "toAnchorId": lm.HOST,
        },  # our host: not known yet
        lm.decoded(lm.live_intro()),
        {"type": "notice", "welcome": True, "content": "hello", "toAnchorId": lm.HOST},
        {"type": "notice", "content": "not a welcome", "toAnchorId": lm.HOST},
        {"type": "notice", "welcome": True, "content": "theirs", "toAnchorId": lm.RIVAL},
    ]
    fired = [(a["name"], a["params"]) for e in notices for a in eng.feed({"room": lm.ROOM, **e}, None, 0.0)]
    assert fired == [("n", {"side": "ours", "text": "hello"})]
