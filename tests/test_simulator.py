"""The simulator produces TikTok-shaped frames from scenario files."""

from __future__ import annotations

import gzip
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from helpers import START_MS, events_of, simulated_frames

from bridge.codec import _pure, decode_fields
from bridge.codec import webcast as wc
from bridge.codec.webcast import SimUser
from bridge.contract import IGNORED_METHODS
from bridge.errors import ConfigError
from bridge.sim.simulator import REAL_SIZES, Simulator, builtin_scenarios, load_scenario


def test_same_seed_same_frames() -> None:
    assert list(simulated_frames(50, seed=3)) == list(simulated_frames(50, seed=3))
    assert list(simulated_frames(50, seed=3)) != list(simulated_frames(50, seed=4))


def _inner_sizes(frames: Iterable[bytes]) -> dict[str, list[int]]:
    """Bytes of every inner message (``BaseProtoMessage.payload``) of gzip push frames, per method."""
    sizes: dict[str, list[int]] = defaultdict(list)
    for data in frames:
        frame = _pure.decode_frame(data)
        assert frame.payload_type == "msg" and frame.headers["compress_type"] == "gzip"
        assert frame.payload[:3] == b"\x1f\x8b\x08"
        body = gzip.decompress(frame.payload)
        for number, _, a, b in _pure._fields(body, 0, len(body)):
            if number == 1:
                inner = {n: (x, y) for n, _, x, y in _pure._fields(body, a, b)}
                method = body[inner[1][0] : inner[1][1]].decode()
                sizes[method].append(inner[2][1] - inner[2][0])
    return sizes


@pytest.fixture(scope="module")
def default_sizes() -> dict[str, list[int]]:
    """Inner-message sizes of about 13,000 messages of the default scenario (seed 1)."""
    return _inner_sizes(simulated_frames(3000, seed=1))


def _nearest_rank(values: list[int], fraction: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@pytest.mark.parametrize("kind", sorted(REAL_SIZES))
def test_sizes_follow_real_traffic(default_sizes: dict[str, list[int]], kind: str) -> None:
    # docs/fake-tiktok.md: each type's median within 0.67-1.5x of real traffic's, and the heavy tail
    real = REAL_SIZES[kind]
    everything = [s for values in default_sizes.values() for s in values]
    values = [s for m in real.methods for s in default_sizes[m]] if real.methods else everything
    assert values, kind
    assert 0.67 <= statistics.median(values) / real.median <= 1.5, (kind, statistics.median(values))
    if real.p90:
        assert 0.67 <= _nearest_rank(values, 0.9) / real.p90 <= 1.5, (kind, _nearest_rank(values, 0.9))
    if real.max:
        assert 0.8 <= max(values) / real.max <= 1.25, (kind, max(values))


def test_user_blocks_weigh_what_real_ones_do() -> None:
    # docs/fake-tiktok.md: about 0.9 KB in member, like and chat messages, 2.2 KB (up to 5) in gifts
    plain = SimUser(6_900_000_000_000_000_123, "kamiro_12", "Kamiro", followers=300, follow_status=1)
    fan = replace(plain, gifter_level=25, member_level=10, subscriber=True, moderator=True)
    assert 800 <= len(wc.user(plain, 0)) <= 1000 and len(wc.user(fan, 0)) <= 1300
    assert 2000 <= len(wc.user(plain, 2)) <= 2400 and len(wc.user(fan, 2)) <= 5000


def test_cohost_battle_plays_in_order(impl: ModuleType) -> None:
    # docs/fake-tiktok.md: join, list, open, task, cards, finish with results, punishment, leave
    sim = Simulator(load_scenario("cohost-battle"), 1)
    story: list[tuple[str, int]] = []
    totals: list[int] = []
    for n in range(200):  # 20 s of frames: one whole battle
        for e in impl.decode_frame(sim.frame(START_MS + n * 100)).result.events:
            if e["type"] in ("coHost", "battle", "battleTask", "battleCard", "battlePunish"):
                step = e.get("layerAction", e.get("action", e.get("taskType", e.get("cardType", 0))))
                story.append((e["type"], step))
            elif e["type"] == "coHostScore" and "hosts" in e:
                totals.append(e.get("total", 0))
            if e["type"] == "battle" and e.get("action") == 5:
                assert [r.get("result", 0) for r in e["results"]] in ([0, 1], [1, 0], [2, 2])
    assert story == [
        ("coHost", 12),
        ("coHost", 11),
        ("battle", 4),
        ("battleTask", 0),
        ("battleCard", 2),
        ("battleTask", 1),
        ("battleTask", 1),
        ("battleTask", 2),
        ("battleCard", 4),
        ("battle", 5),
        ("battlePunish", 0),
        ("coHost", 9),
    ]
    assert len(totals) > 10 and totals == sorted(totals)  # both sides' scores only rise
    mixed = Simulator(replace(load_scenario("cohost-battle"), mix={"battle": 1.0}), 1)
    events = [e for n in range(40) for e in impl.decode_frame(mixed.frame(START_MS + n * 100)).result.events]
    kinds = Counter(e["type"] for e in events)  # 4 s: the join, the list and the opening only
    assert kinds["battle"] == 1 and kinds["coHost"] == 2 and kinds["coHostScore"] > 50, kinds


def test_every_typed_method_is_simulated(default_sizes: dict[str, list[int]]) -> None:
    sent = {m.removeprefix("Webcast") for m in default_sizes}
    typed = {m.removeprefix("Webcast") for m in _pure.METHODS}
    assert typed <= sent, sorted(typed - sent)
    assert sent & {m.removeprefix("Webcast") for m in IGNORED_METHODS}
    untyped = sent - typed - {m.removeprefix("Webcast") for m in IGNORED_METHODS}
    assert len(untyped) >= 3, untyped  # a share of traffic the bridge publishes as `unknown`
    assert "LinkMicMethod" in default_sizes  # the unprefixed spelling TikTok also sends


def test_fields_arrive_out_of_numeric_order() -> None:
    sim = Simulator(load_scenario("default"), 1)
    frame = _pure.decode_frame(sim.wrap([sim._gift(START_MS)], START_MS))
    body = gzip.decompress(frame.payload)
    message = _pure._fields(body, 0, len(body))[0]
    inner = {n: (x, y) for n, _, x, y in _pure._fields(body, message[2], message[3])}
    numbers = [n for n, *_ in _pure._fields(body, *inner[2])]
    assert numbers[:3] == [15, 32, 2] and numbers != sorted(numbers)


def test_gift_streaks_rise_and_close_once(impl: ModuleType) -> None:
    streaks: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    singles = 0
    for event in events_of(impl, simulated_frames(3000)):
        if event["type"] != "gift":
            continue
        if event.get("giftType") == 1:
            streaks[(event["user"]["id"], event["groupId"])].append(event)
        else:
            singles += 1
            assert "streaking" not in event and "groupId" not in event
    assert singles and len(streaks) > 20
    closed = 0
    for frames in streaks.values():
        counts = [f["repeatCount"] for f in frames]
        assert counts == sorted(counts)
        ends = [f for f in frames if f.get("repeatEnd")]
        assert len(ends) <= 1
        for f in frames:
            assert bool(f.get("streaking")) != bool(f.get("repeatEnd"))
        if ends:
            closed += 1
            assert frames[-1] is ends[0] and ends[0]["repeatCount"] == max(counts)
    assert closed > 10


def test_stream_ends_with_stream_end_event(impl: ModuleType) -> None:
    sim = Simulator(load_scenario("short"), 2)
    now = START_MS
    events = []
    while not sim.end_sent:
        events.extend(impl.decode_frame(sim.frame(now)).result.events)
        now += 500
    assert now - START_MS >= 60_000
    assert events[-1]["type"] == "streamEnd" and events[-1]["action"] == 3
    assert sum(e["type"] == "streamEnd" for e in events) == 1


def test_every_builtin_scenario_loads() -> None:
    assert {"default", "short", "burst"} <= set(builtin_scenarios())
    for name in builtin_scenarios():
        Simulator(load_scenario(name)).frame(START_MS)


def test_scenario_file_overrides_defaults(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('room = "mygame"\nrate = 5\n[mix]\nchat = 1\n', encoding="utf-8")
    scenario = load_scenario(str(path))
    assert scenario.room == "mygame" and scenario.rate == 5.0 and scenario.mix == {"chat": 1.0}
    sim = Simulator(scenario)
    sim.frame(START_MS)
    result = _pure.decode_frame(sim.frame(START_MS + 100)).result
    assert result is not None
    types = {e["type"] for e in result.events}
    assert types == {"chat"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rate = -1", "rate = -1: expected a number from 0.01 to 100000"),
        ("colour = 1", "unknown key 'colour'"),
        ("[mix]\nchatt = 1", "mix.chatt: unknown kind"),
        ("[mix]\nchat = 0", "mix: at least one weight must be above 0"),
        ("batch = [5, 1]", "batch = [5, 1]: expected [min, max]"),
        ("batch = [0, 1]", "frames carry at least 1 message"),
        ("[[gifts]]\nname = 'Rose'", "gifts[0]: expected a table with id, name, diamonds"),
        ("[[gifts]]\nid = 1\nname = 'R'\ndiamonds = 1\ncolour = 2", "gifts[0].colour: unknown key"),
        ("chat = []", "chat: expected 1 to 1000 lines"),
        ("rate = ", "not valid TOML"),
        ("cohost_battle = -1", "cohost_battle = -1: expected a number from 0 to 86400"),
    ],
)
def test_bad_scenarios_name_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_scenario(str(path))
    assert str(path) in str(info.value) and message in str(info.value)


def test_unknown_scenario_name_lists_builtins() -> None:
    with pytest.raises(ConfigError, match="built-in: .*default"):
        load_scenario("nope")


def test_gift_senders_look_like_real_ones(impl: ModuleType) -> None:
    # real gifts: a follower's follow_status is 3 and the identity block says follower, not mutual
    sim = Simulator(load_scenario("default"), 3)
    statuses: set[int] = set()
    for _ in range(300):
        body = gzip.decompress(_pure.decode_frame(sim.wrap([sim._gift(START_MS)], START_MS)).payload)
        inner = decode_fields(
            "BaseProtoMessage", decode_fields("ProtoMessageFetchResult", body)["messages"][0]
        )
        gift = decode_fields("WebcastGiftMessage", inner["payload"])
        user = decode_fields("User", gift["user"])
        status = (
            decode_fields("FollowInfo", user["follow_info"])["follow_status"] if user["follow_info"] else 0
        )
        identity = decode_fields("UserIdentity", gift["user_identity"])
        statuses.add(status)
        assert identity["is_follower_of_anchor"] == (status in (2, 3))
        assert identity["is_mutual_following_with_anchor"] == (status == 2)
        event = impl.decode_message("WebcastGiftMessage", inner["payload"])
        assert event["user"].get("isFriend", False) == (status == 2)
    assert statuses == {0, 2, 3}


def test_polls_and_goals_are_laid_out_as_on_the_wire(impl: ModuleType) -> None:
    sim = Simulator(load_scenario("default"), 4)
    actions = []
    for step in range(8):
        now = START_MS + step * 10_000
        (event,) = events_of(impl, iter([sim.wrap([sim._poll(now)], now)]))
        actions.append(event.get("pollAction", 0))
        assert [o["text"] for o in event["options"]] == ["Keep going", "New game", "Boss fight"]
        assert "voterCount" not in event and "timeRemain" not in event  # no basic-info block on the wire
    assert actions == [0, 2, 2, 2, 2, 2, 1, 0]
    (goal,) = events_of(impl, iter([sim.wrap([sim._goal(START_MS)], START_MS)]))
    assert goal["giftName"] == "Rose" and goal["target"] == 500  # joined from the goal's sub-goal list
