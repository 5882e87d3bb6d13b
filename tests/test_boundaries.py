"""Room ids and names at every boundary: config, scenario, recording header, control, rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from probe import LiveDaemon

from bridge.config import load_config, parse_room
from bridge.errors import ConfigError
from bridge.game.rules import load_rules
from bridge.record.file import RecordFileError, RecordReader, RecordWriter
from bridge.sim.simulator import load_scenario
from bridge.values import INT64_MAX

BAD_IDS = ["99999999999999999999999", str(2**63), str(2**64), "0000000000"]
BAD_NAMES = ["a/b", "../x", "/abs/path", "a b", "x\x00y", "é", "x" * 65, ".", ".."]


@pytest.mark.parametrize("text", BAD_IDS)
def test_room_ids_outside_int64_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="room id"):
        parse_room(text)
    assert parse_room(str(INT64_MAX)) == ("tiktok", INT64_MAX)


@pytest.mark.parametrize("text", BAD_IDS)
def test_config_rooms_are_checked_at_load(tmp_path: Path, text: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(f'[tiktok]\nrooms = ["@fine", "{text}"]\n')
    with pytest.raises(ConfigError, match=rf"{path}: tiktok.rooms = .*room id"):
        load_config(path)


@pytest.mark.parametrize("name", BAD_NAMES)
@pytest.mark.parametrize("variable", ["BRIDGE_SIMULATOR_ROOM", "BRIDGE_PUBLISHER_DAEMON_ID"])
def test_simulator_room_and_daemon_id_are_names(name: str, variable: str) -> None:
    with pytest.raises(ConfigError, match=variable):
        load_config(None, {variable: name})
    assert load_config(None, {variable: "d-1.x"})


@pytest.mark.parametrize("value", [0, -1, 2**63, "7400000000000000001"])
def test_scenario_room_id_domain(tmp_path: Path, value: object) -> None:
    path = tmp_path / "s.toml"
    path.write_text(f"room_id = {json.dumps(value)}\n")
    with pytest.raises(ConfigError, match=rf"{path}: room_id: room id"):
        load_scenario(str(path))


@pytest.mark.parametrize("name", BAD_NAMES[:5])
def test_scenario_room_names(tmp_path: Path, name: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(f"room = {json.dumps(name)}\n")
    with pytest.raises(ConfigError, match=rf"{path}: room "):
        load_scenario(str(path))


@pytest.mark.parametrize(
    ("header", "match"),
    [
        ({"room": "a", "roomId": "99999999999999999999999"}, "roomId"),
        ({"room": "a", "roomId": str(2**63)}, "room id"),
        ({"room": "a", "roomId": 5}, "roomId"),
        ({"room": "../../etc", "roomId": "1"}, "room"),
        ({"room": "", "roomId": "1"}, "room"),
        ({"roomId": "1"}, "room"),
    ],
)
def test_recording_header_room_domain(tmp_path: Path, header: dict[str, object], match: str) -> None:
    writer = RecordWriter(tmp_path / "r.tlrec", header)
    writer.open()
    writer.close()
    with pytest.raises(RecordFileError, match=rf"bad header: {match}"):
        RecordReader(tmp_path / "r.tlrec")


@pytest.mark.parametrize("name", ["a/b", "x y", "x" * 65, "é"])
def test_rules_action_names(tmp_path: Path, name: str) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(f"[[rules]]\nname = {json.dumps(name)}\non = 'gift'\n")
    with pytest.raises(ConfigError, match=rf"{path}: rule #1: key 'name' ="):
        load_rules(path)


def test_bad_rooms_and_names_over_control_keep_the_daemon_serving(tmp_path: Path) -> None:
    requests: list[bytes | dict[str, Any]] = [
        *(f"connect {text}".encode() for text in BAD_IDS),
        {"cmd": "connect", "room": str(2**64)},
        {"cmd": "connect", "room": "tiktok:" + "9" * 40},
        *(f"disconnect {name}".encode() for name in ("a/b", "../x", "x" * 65)),
        *({"cmd": "simulate", "type": "chat", "room": name} for name in BAD_NAMES),
        {"cmd": "simulate", "type": "chat", "room": 5},
        {"cmd": "simulate", "type": "action", "fields": {"name": "a/b"}},
        {"cmd": "simulate", "type": "action", "fields": {"name": "x\n"}},
    ]
    with LiveDaemon(tmp_path) as daemon:
        for body in requests:
            reply = daemon.ask(body)
            assert reply is not None and reply["error"]["code"] == "bad_request", (body, reply)
            assert daemon.ask(b"ping") == {"ok": True, "result": "pong"}, body
        daemon.assert_serving("bad room ids and names")
    ledger = tmp_path / "ledger"
    assert all(path.parent == ledger for path in ledger.rglob("*")), list(ledger.rglob("*"))
    assert not (tmp_path.parent / "x.jsonl").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("users = 100000000", "users = 100000000: expected an integer from 1 to 100000"),
        (
            "batch = [20000, 20000]",
            "batch = [20000, 20000]: expected [min, max] with 0 <= min <= max <= 1000",
        ),
        ("rate = nan", "rate = nan"),
        ("rate = inf", "rate = inf"),
        ("duration = inf", "duration = inf"),
        ("streak_gap = nan", "streak_gap = nan"),
        ("viewers = [0, 9223372036854775807]", "viewers"),
        ("seed = 9223372036854775808", "seed"),
        ("[mix]\nchat = nan", "mix.chat = nan"),
        ("[[gifts]]\nid = 1\nname = 'x'\ndiamonds = 9223372036854775807", "gifts[0].diamonds"),
        ("[[gifts]]\nid = 1.5\nname = 'x'\ndiamonds = 1", "gifts[0].id = 1.5"),
        ("chat = ['" + "x" * 300 + "']", "chat: expected 1 to 1000 lines"),
    ],
)
def test_scenario_values_are_bounded(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_scenario(str(path))
    assert str(info.value).startswith(f"{path}: ") and message in str(info.value), info.value


def test_scenario_limits_load_and_start_quickly(tmp_path: Path) -> None:
    from bridge.sim.simulator import LIMITS, Simulator

    path = tmp_path / "s.toml"
    path.write_text(
        f"users = {LIMITS['users']:.0f}\nbatch = [{LIMITS['batch']:.0f}, {LIMITS['batch']:.0f}]\n"
    )
    simulator = Simulator(load_scenario(str(path)))
    assert len(simulator.frame(0)) > 0
