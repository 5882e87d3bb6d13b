"""The game layer inside the daemon: giftFinal, actions, ledger, hot reload; and from the CLI."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import linkmic as lm
import msgpack
import zmq
from helpers import START_MS, RecordingPublisher, free_port

from bridge.app import build
from bridge.config import Config, ControlConfig, GameConfig, PublisherConfig, SimulatorConfig
from bridge.contract import validate
from bridge.game.layer import IDLE_SECONDS, MAX_UNWATCHED_ROOMS, GameLayer
from bridge.room import Room
from bridge.server.control import Commands
from bridge.server.daemon import Daemon
from bridge.sim.simulator import Simulator, load_scenario

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "rules" / "game.toml"


def game_daemon(tmp_path: Path, rules: str = "") -> tuple[Daemon, GameLayer, RecordingPublisher]:
    path = ""
    if rules:
        (tmp_path / "rules.toml").write_text(rules, encoding="utf-8")
        path = str(tmp_path / "rules.toml")
    recorder = RecordingPublisher()
    daemon = Daemon(Config(), [], recorder)
    game = GameLayer(daemon, GameConfig(rules=path, ledger_dir=str(tmp_path / "ledger")))
    return daemon, game, recorder


def play(daemon: Daemon, room: Room, seconds: float, seed: int = 3) -> None:
    sim = Simulator(replace(load_scenario("default"), duration=seconds, rate=120.0), seed)
    now = START_MS
    while not sim.end_sent:
        daemon.ingest(room, sim.frame(now))
        now += 50


def of(recorder: RecordingPublisher, kind: str) -> list[dict[str, Any]]:
    return [m for _, m in recorder.sent if m["type"] == kind]


def test_a_whole_stream_counts_every_diamond_once(tmp_path: Path) -> None:
    daemon, game, recorder = game_daemon(tmp_path, EXAMPLE.read_text())
    room = Room("someone", 77)
    play(daemon, room, seconds=60)
    finals = of(recorder, "giftFinal")
    [summary] = of(recorder, "streamSummary")
    assert summary["ended"] is True and summary["room"] == "someone" and summary["roomId"] == 77
    assert summary["totalDiamonds"] == sum(f.get("totalDiamonds", 0) for f in finals) > 0
    assert sum(g["count"] for g in summary["gifts"]) == sum(f["repeatCount"] for f in finals)
    assert summary["likes"] == sum(e.get("likeCount", 0) for e in of(recorder, "like"))
    assert summary["newFollowers"] == len(of(recorder, "follow")) and summary["shares"] == len(
        of(recorder, "share")
    )
    topics = {t for t, m in recorder.sent if m["type"] == "action"}
    assert {"action/spawn_enemy/someone", "action/jump/someone", "action/confetti/someone"} <= topics
    for _, message in recorder.sent:
        assert validate(message) == [], message
    likes = sum(e.get("likeCount", 0) for e in of(recorder, "like"))
    confetti = [a for a in of(recorder, "action") if a["name"] == "confetti"]
    assert sum(a["params"]["count"] for a in confetti) == likes // 100


def test_ledger_survives_a_restart_mid_stream(tmp_path: Path) -> None:
    daemon, game, _ = game_daemon(tmp_path)
    room = Room("someone", 77)
    sim = Simulator(replace(load_scenario("default"), rate=120.0), 5)
    now = START_MS
    for _ in range(300):
        daemon.ingest(room, sim.frame(now))
        now += 50
    before = game.ledger("someone").summary(now_ms=now)
    game.close()
    daemon2, game2, _ = game_daemon(tmp_path)  # the restarted daemon
    assert game2.ledger("someone").summary(now_ms=now) == before
    assert before["totalDiamonds"] > 0 and before["likes"] > 0


def test_hot_reload_keeps_old_rules_on_a_bad_edit(tmp_path: Path) -> None:
    daemon, game, recorder = game_daemon(
        tmp_path, '[[rules]]\nname = "jump"\non = "chat"\ncommand = "jump"\n'
    )
    room = Room("r")
    chat = {"type": "chat", "comment": "!jump", "user": {"id": 1}}
    daemon.publish_event(room, dict(chat))
    (tmp_path / "rules.toml").write_text('[[rules]]\nname = "jump"\non = "chat"\n', encoding="utf-8")
    try:
        game.reload()
    except Exception as exc:
        assert "rule #1 ('jump'): key 'command'" in str(exc)
    daemon.publish_event(room, dict(chat))
    (tmp_path / "rules.toml").write_text(
        '[[rules]]\nname = "leap"\non = "chat"\ncommand = "jump"\n', encoding="utf-8"
    )
    assert game.reload() == 1
    daemon.publish_event(room, dict(chat))
    assert [a["name"] for a in of(recorder, "action")] == ["jump", "jump", "leap"]
    rules = of(recorder, "sys.rules")
    assert [r["ok"] for r in rules] == [False, True] and "key 'command'" in rules[0]["error"]


def test_streaks_without_closing_frame_close_on_tick(tmp_path: Path) -> None:
    daemon, game, recorder = game_daemon(tmp_path)
    room = Room("r")
    daemon.rooms["r"] = room
    gift = {
        "type": "gift",
        "user": {"id": 1},
        "giftId": 5655,
        "giftName": "Rose",
        "diamondCount": 1,
        "giftType": 1,
    }
    daemon.publish_event(room, {**gift, "repeatCount": 1, "groupId": 5})
    daemon.publish_event(room, {**gift, "repeatCount": 2, "groupId": 5})
    game.expire_streaks(time.monotonic() + 60)
    [final] = of(recorder, "giftFinal")
    assert final["repeatCount"] == 2 and final["timedOut"] is True


def test_cli_rules_fire_and_reload_without_restart(tmp_path: Path) -> None:
    rules = tmp_path / "game.toml"
    rules.write_text(EXAMPLE.read_text(), encoding="utf-8")
    endpoint, control = f"tcp://127.0.0.1:{free_port()}", f"tcp://127.0.0.1:{free_port()}"
    env = {**os.environ, "BRIDGE_GAME_LEDGER_DIR": str(tmp_path / "ledger")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bridge",
            "run",
            "--endpoint",
            endpoint,
            "--control",
            control,
            "--rules",
            str(rules),
            "--rate",
            "300",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    context: zmq.Context[zmq.Socket[Any]] = zmq.Context.instance()
    sub = context.socket(zmq.SUB)
    sub.setsockopt(zmq.LINGER, 0)
    sub.setsockopt(zmq.SUBSCRIBE, b"action/")
    sub.setsockopt(zmq.SUBSCRIBE, b"sys.rules")
    sub.connect(endpoint)
    try:
        names = _collect(sub, lambda names: {"spawn_enemy", "jump"} <= names, 20)
        assert {"spawn_enemy", "jump"} <= names
        rules.write_text(EXAMPLE.read_text().replace('name = "jump"', 'name = "leap"'), encoding="utf-8")
        names = _collect(sub, lambda names: "leap" in names, 20)
        assert "leap" in names
        req = context.socket(zmq.REQ)
        req.setsockopt(zmq.LINGER, 0)
        req.setsockopt(zmq.RCVTIMEO, 5000)
        req.connect(control)
        req.send(b"summary")
        summary = msgpack.unpackb(req.recv())["result"]
        assert summary["type"] == "streamSummary" and summary["room"] == "simulated"
        req.send(b"rules")
        listed = msgpack.unpackb(req.recv())["result"]
        assert "leap" in [r["name"] for r in listed]
        req.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
        sub.close()


def _collect(sub: zmq.Socket[Any], done: Any, timeout: float) -> set[str]:
    names: set[str] = set()
    deadline = time.monotonic() + timeout
    while not done(names) and time.monotonic() < deadline:
        if sub.poll(100):
            topic, payload = sub.recv_multipart()
            message = msgpack.unpackb(payload)
            if message["type"] == "action":
                assert topic.decode() == f"action/{message['name']}/simulated"
                names.add(message["name"])
    return names


def _edit(path: Path, data: bytes | None) -> None:
    """Replace (or with ``None`` delete) the rules file, with an mtime the watcher cannot miss."""
    if data is None:
        path.unlink()
        return
    path.write_bytes(data)
    stamp = time.time() + len(data) % 7 + 2
    os.utime(path, (stamp, stamp))


def test_bad_edits_never_stop_reloads_streak_timeouts_or_flushes(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[[rules]]\nname = "a"\non = "follow"\ncooldown = 0.5\nmax_queue = 9\n', encoding="utf-8")
    recorder = RecordingPublisher()
    daemon = Daemon(Config(), [], recorder)
    game = GameLayer(
        daemon, GameConfig(rules=str(path), ledger_dir=str(tmp_path / "ledger"), streak_timeout=0.3)
    )
    room = Room("r", 9)
    daemon.rooms["r"] = room
    journal = tmp_path / "ledger" / "r.jsonl"
    gift = {"type": "gift", "user": {"id": 1}, "giftId": 5655, "diamondCount": 1, "giftType": 1}
    bad_edits: list[bytes | None] = [b"\x00garbage[[", b'[[rules]]\nname = "\xff\xfe"\n', None]

    async def until(predicate: Any, what: str) -> None:
        for _ in range(60):
            if predicate():
                return
            await asyncio.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}")

    async def main() -> None:
        task = asyncio.create_task(daemon.run())
        try:
            for uid in range(4):  # one fires now, three wait in the queue: released during the bad edits
                daemon.publish_event(room, {"type": "follow", "user": {"id": uid}})
            for i, edit in enumerate(bad_edits, 1):
                _edit(path, edit)
                await until(lambda i=i: len(of(recorder, "sys.rules")) == i, f"bad edit {i} reported")
                assert of(recorder, "sys.rules")[-1]["ok"] is False
                # the other background work carries on: a silent streak closes, the journal is flushed
                group = 100 + i
                daemon.publish_event(room, {**gift, "repeatCount": 3, "groupId": group})
                await until(
                    lambda g=group: [f for f in of(recorder, "giftFinal") if f["groupId"] == g], "giftFinal"
                )
                await until(lambda i=i: journal.read_text(encoding="utf-8").count('"k":"gift"') == i, "flush")
            _edit(path, b'[[rules]]\nname = "b"\non = "follow"\n')
            await until(lambda: game.engine.rules[0].name == "b", "the good edit")
            daemon.publish_event(room, {"type": "follow", "user": {"id": 2}})
        finally:
            daemon.stop()
            await task

    asyncio.run(main())
    reports = of(recorder, "sys.rules")
    assert [r["ok"] for r in reports] == [False, False, False, True] and reports[-1]["rules"] == 1
    assert "not valid TOML" in reports[0]["error"] and "not UTF-8" in reports[1]["error"]
    assert "cannot read rules" in reports[2]["error"]
    assert [a["name"] for a in of(recorder, "action")] == ["a", "a", "a", "a", "b"]
    assert all(f["timedOut"] and f["repeatCount"] == 3 for f in of(recorder, "giftFinal"))
    assert daemon.supervisor.failures == {} and daemon.listener_failures.counts == {}


def test_simulated_events_have_a_ledger_of_their_own_never_the_real_one(tmp_path: Path) -> None:
    daemon, game, recorder = game_daemon(tmp_path, '[[rules]]\nname = "g"\non = "gift"\nper = "streak"\n')
    commands = Commands(daemon, ControlConfig())
    game.register(commands)
    room = Room("someone", 77)
    daemon.rooms["someone"] = room
    rose = {"type": "gift", "user": {"id": 1}, "giftId": 5655, "diamondCount": 1, "giftType": 1, "groupId": 4}
    daemon.publish_event(room, {**rose, "repeatCount": 2, "msgId": 1})  # a real streak, still open
    daemon.publish_event(room, {"type": "like", "likeCount": 5, "msgId": 2})
    poison = {**rose, "diamondCount": 2**63 - 1, "repeatCount": 9, "repeatEnd": True, "simulated": True}
    daemon.publish_event(room, poison)  # the same streak key, but simulated: its own streak
    lion = {"type": "gift", "user": {"id": 2, "uniqueId": "tester"}, "giftId": 6369, "giftName": "Lion"}
    daemon.publish_event(room, {**lion, "diamondCount": 29999, "repeatCount": 1, "simulated": True})
    daemon.publish_event(room, {"type": "like", "likeCount": 7, "simulated": True})

    def ask(request: dict[str, Any]) -> dict[str, Any]:
        return asyncio.run(commands.handle(msgpack.packb({"cmd": "summary", **request})))

    running = ask({"room": "someone", "simulated": True})["result"]
    assert running["simulated"] is True and running["totalDiamonds"] == 2**63 - 1 and running["likes"] == 7
    real = ask({"room": "someone"})["result"]
    assert "simulated" not in real and real["totalDiamonds"] == 2 and real["likes"] == 5
    again = ask({"room": "someone", "simulated": False})["result"]
    assert {**again, "seq": 0, "ts": 0} == {**real, "seq": 0, "ts": 0}
    daemon.publish_event(room, {"type": "streamEnd", "simulated": True})

    assert [f["repeatCount"] for f in of(recorder, "giftFinal")] == [9, 1]  # closed: simulated streaks only
    assert all(f["simulated"] is True for f in of(recorder, "giftFinal"))
    assert of(recorder, "giftFinal")[0]["totalDiamonds"] == 2**63 - 1  # saturated, not overflowed
    assert [a["name"] for a in of(recorder, "action")] == ["g", "g"]  # rules see simulated events
    *_, summary = of(recorder, "streamSummary")  # the simulated ledger's, published at its streamEnd
    assert summary["simulated"] is True and summary["ended"] is True and summary["room"] == "someone"
    assert summary["totalDiamonds"] == 2**63 - 1 and summary["likes"] == 7 and summary["roomId"] == 77
    assert [(g["giftId"], g["count"], g["diamonds"]) for g in summary["gifts"]] == [
        (5655, 9, 2**63 - 1),
        (6369, 1, 29999),
    ]
    assert [g["user"].get("uniqueId") for g in summary["topGifters"]] == [None, "tester"]
    assert validate(summary) == []
    afresh = ask({"room": "someone", "simulated": True})["result"]  # zeros are omitted
    assert sorted(afresh) == ["room", "seq", "simulated", "ts", "type"]
    summary = game.ledger("someone").summary()
    assert summary["totalDiamonds"] == 2 and summary["likes"] == 5  # the real stream, untouched
    assert not summary.get("ended") and "simulated" not in summary
    daemon.publish_event(room, {**rose, "repeatCount": 3, "repeatEnd": True, "msgId": 3})
    real_final = of(recorder, "giftFinal")[-1]
    assert real_final["repeatCount"] == 3 and "simulated" not in real_final
    game.close()
    journal = (tmp_path / "ledger" / "someone.jsonl").read_text(encoding="utf-8")
    assert "9223372036854775807" not in journal and "29999" not in journal and '"end"' not in journal
    assert sorted(p.name for p in (tmp_path / "ledger").iterdir()) == ["someone.jsonl"]


def test_summary_of_simulated_events_in_a_room_nobody_watches(tmp_path: Path) -> None:
    daemon, game, recorder = game_daemon(tmp_path)
    commands = Commands(daemon, ControlConfig())
    game.register(commands)

    def ask(request: dict[str, Any]) -> dict[str, Any]:
        return asyncio.run(commands.handle(msgpack.packb({"cmd": "summary", **request})))

    assert ask({"room": "elsewhere", "simulated": True})["error"]["code"] == "unknown_room"
    daemon.publish_event(Room("elsewhere"), {"type": "share", "user": {"id": 3}, "simulated": True})
    reply = ask({"room": "@elsewhere", "simulated": True})
    assert reply["ok"] and reply["result"]["shares"] == 1 and reply["result"]["simulated"] is True
    assert ask({"room": "elsewhere"})["error"]["code"] == "unknown_room"  # no real ledger for it
    for bad in (1, "yes", None, [True]):
        assert ask({"room": "elsewhere", "simulated": bad})["error"]["code"] == "bad_request"
    for room in ([1], {"a": 1}, 2**63, ""):
        assert ask({"room": room, "simulated": True})["error"]["code"] == "unknown_room"
    assert not (tmp_path / "ledger").exists()  # simulated ledgers are never journaled


def test_unwatched_rooms_are_bounded_and_closed_when_idle(tmp_path: Path) -> None:
    daemon, game, recorder = game_daemon(tmp_path)
    watched = Room("watched", 5)
    daemon.rooms["watched"] = watched
    daemon.publish_event(watched, {"type": "like", "likeCount": 1, "msgId": 1})
    rose = {"type": "gift", "user": {"id": 1}, "giftId": 5655, "diamondCount": 1, "giftType": 1, "groupId": 4}
    for i in range(1_000):
        daemon.publish_event(Room(f"sim{i}"), {**rose, "repeatCount": 1, "simulated": True})
    assert len(game.states) == MAX_UNWATCHED_ROOMS + 1 and ("watched", False) in game.states
    # the evicted rooms' open streaks were closed, not dropped
    assert len(of(recorder, "giftFinal")) == 1_000 - MAX_UNWATCHED_ROOMS
    game._bound(time.monotonic() + IDLE_SECONDS)  # the daemon's 1 s sweep, later
    assert list(game.states) == [("watched", False)]
    assert len(of(recorder, "giftFinal")) == 1_000 and list((tmp_path / "ledger").iterdir()) == [
        tmp_path / "ledger" / "watched.jsonl"
    ]


def test_each_default_run_is_a_new_simulated_stream(tmp_path: Path) -> None:
    """The embedded fake restarts its stream (same seed, same msgIds) with the daemon: nothing is resumed."""
    config = Config(
        publisher=PublisherConfig(endpoint=f"tcp://127.0.0.1:{free_port()}"),
        control=ControlConfig(endpoint=""),
        simulator=SimulatorConfig(rate=200.0),
        game=GameConfig(ledger_dir=str(tmp_path)),
    )

    async def one_run() -> tuple[list[dict[str, Any]], dict[str, Any]]:
        recorder = RecordingPublisher(fake_clock=False)
        async with build(config, recorder) as daemon:
            task = asyncio.create_task(daemon.run())
            for _ in range(100):
                await asyncio.sleep(0.05)
                if len(of(recorder, "like")) >= 20:
                    break
            daemon.stop()
            await task
        game = next(listener.__self__ for listener in daemon.listeners)  # type: ignore[attr-defined]
        return of(recorder, "like"), game.ledger("simulated").summary()

    first, _ = asyncio.run(one_run())
    second, summary = asyncio.run(one_run())
    assert len(first) >= 20 and len(second) >= 20  # the second run is not taken for the first one again
    assert {e["msgId"] for e in first} & {e["msgId"] for e in second}  # same ids: a restarted simulator
    assert summary["likes"] == sum(e["likeCount"] for e in second)  # only this run's stream


def test_an_unwritable_journal_still_counts_and_publishes_the_summary(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    recorder = RecordingPublisher()
    daemon = Daemon(Config(), [], recorder)
    GameLayer(daemon, GameConfig(ledger_dir=str(tmp_path / "file" / "ledger")))
    room = Room("r", 9)
    for i in range(3):
        daemon.publish_event(room, {"type": "like", "likeCount": 2, "msgId": i + 1})
    daemon.publish_event(room, {"type": "streamEnd", "msgId": 9})
    [summary] = of(recorder, "streamSummary")
    assert summary["likes"] == 6 and summary["ended"] is True
    assert daemon.listener_failures.counts["ledger"] >= 4


def test_a_new_room_id_closes_the_previous_streams_ledger(tmp_path: Path) -> None:
    daemon, game, recorder = game_daemon(tmp_path)
    room = Room("r", 9)
    daemon.publish_event(room, {"type": "like", "likeCount": 2, "msgId": 1})
    game.close()
    _, game2, recorder2 = game_daemon(tmp_path)  # restarted after the creator went live again
    room = Room("r", 10)
    game2.daemon.publish_event(room, {"type": "like", "likeCount": 5, "msgId": 2})
    [old] = of(recorder2, "streamSummary")
    assert old["roomId"] == 9 and old["likes"] == 2 and old["ended"] is True
    assert game2.ledger("r").summary()["likes"] == 5 and game2.ledger("r").room_id == 10


def test_a_co_host_battle_fires_the_example_rules_through_the_daemon(tmp_path: Path) -> None:
    example = EXAMPLE.parent / "cohost-battle.toml"
    daemon, game, recorder = game_daemon(tmp_path, example.read_text())
    room = Room(lm.ROOM, lm.ROOM_ID)
    hosts = [(lm.HOST, lm.ROOM), (lm.RIVAL, "rival")]
    battle = [
        lm.co_hosts([(lm.HOST, lm.ROOM, lm.ROOM_ID), (lm.RIVAL, "rival", 77)]),
        lm.battle(21, 4, hosts),
        lm.fan_tickets([(lm.HOST, 900), (lm.RIVAL, 800)], match=21),
        lm.fan_tickets([(lm.HOST, 2500), (lm.RIVAL, 1000)], match=21),
        lm.strike_card(lm.HOST, lm.RIVAL, multiple=2, duration=20),
        lm.strike_card(lm.RIVAL, lm.HOST),
        lm.battle_task(0, target=7),
        lm.battle_task(1, progress=4),
        lm.battle_task(2, result=0),
        lm.fan_tickets([(lm.HOST, 5200), (lm.RIVAL, 1300)], match=21),
        lm.battle(21, 5, hosts, ((lm.HOST, 0, 5200), (lm.RIVAL, 1, 1300))),
        lm.punish_finish(21, 0),
        lm.poll(5, 0, [("Boss fight", 0), ("Maze", 0)], title="Next level?"),
        lm.poll(5, 1, [("Boss fight", 30), ("Maze", 12)]),
        lm.goal(250, 500),
    ]
    daemon.ingest(room, lm.frame(battle, 1_000))
    actions = of(recorder, "action")
    assert [a["name"] for a in actions] == [
        "greet_co_host",
        "battle_start",
        "lead_1000",
        "tower_brick",
        "critical_strike",
        "task_progress",
        "task_won",
        "score_5000",
        "tower_brick",
        "battle_won",
        "punishment_over",
        "boss_level",
        "goal_half_way",
    ]
    by_name = {a["name"]: a for a in actions}
    assert by_name["greet_co_host"]["params"] == {"host_id": lm.RIVAL, "host": "rival", "nickname": "Rival"}
    assert by_name["lead_1000"]["params"] == {"score": 2500, "rival": 1000, "lead": 1500, "total": 3500}
    assert by_name["critical_strike"]["params"] == {"side": "ours", "card": 2, "multiple": 2, "duration": 20}
    assert by_name["battle_won"]["params"] == {"outcome": "win", "score": 5200, "rival": 1300}
    assert by_name["task_progress"]["params"] == {"task": 1, "progress": 4, "target": 7}
    assert by_name["boss_level"]["params"] == {
        "option": "Boss fight",
        "votes": 30,
        "total": 42,
        "title": "Next level?",
    }
    assert [a["params"]["count"] for a in actions if a["name"] == "tower_brick"] == [2, 3]
    assert {t for t, m in recorder.sent if m["type"] == "action"} == {
        f"action/{name}/{lm.ROOM}" for name in by_name
    }
    for _, message in recorder.sent:
        assert validate(message) == [], message
    # a reload keeps what the game layer learnt: the thresholds passed in this battle stay passed
    (tmp_path / "rules.toml").write_text(example.read_text() + '\n[[rules]]\nname = "x"\non = "follow"\n')
    assert game.reload() == len(game.engine.rules)
    daemon.ingest(room, lm.frame([lm.fan_tickets([(lm.HOST, 5300), (lm.RIVAL, 1300)], match=21)], 2_000))
    assert len(of(recorder, "action")) == len(actions)
    assert daemon.listener_failures.counts == {}
