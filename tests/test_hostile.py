"""The hostile-value harness: boundary values at every boundary, generated from the schemas.

The cases are generated, never listed by hand, so a new key, command or field
is covered without writing a test:

- **config**: every field of every section dataclass in ``bridge.config``
  (``_SECTIONS``), as TOML and as a ``BRIDGE_*`` variable, through
  ``load_config`` in-process, plus a few real ``run`` processes;
- **rules**: every key of every trigger in ``bridge.game.rules.TRIGGERS`` (and the keys common to all),
  through ``load_rules``, and each accepted rule fed a simulated stream and co-host/battle messages;
- **scenarios**: every field of ``bridge.sim.simulator.Scenario``, every ``[mix]``
  kind and every gift key, through ``load_scenario`` and a few simulated frames;
- **recording headers**: every field ``bridge.record.recorder.file_header`` writes,
  replayed through a daemon;
- **control**: every command the daemon's registry lists (its
  ``unknown_command`` reply), with every argument key, and ``simulate`` with
  every field of every contract event type, against a real daemon process;
- **upstream**: every field of every webcast message the contract's event types
  come from (``bridge.contract`` methods, encoded from the protobuf
  descriptors of ``proto/webcast.proto``), pushed by a fake TikTok to a real
  daemon process, once per decoder;
- **command line**: every option that takes a value, of every command of the
  ``tiktok-bridge`` parser;
- **forwarder**: every field of a daemon's ``sys.heartbeat`` (its
  ``snapshot()``), published into a real ``tiktok-bridge proxy``.

Each case must end in a clear error (the documented exception, or an error
reply with a known code) or a counted drop, or be accepted with values in their
domains; afterwards the daemon still answers ``ping``, keeps its heartbeat and
publishes the next good event, with no traceback in its log and no failed task.
"""

from __future__ import annotations

import asyncio
import json
import math
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any, get_type_hints

import linkmic as lm
import msgpack
import pytest
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from helpers import RecordingPublisher, events_of, simulated_frames
from probe import LiveDaemon

from bridge import codec, contract
from bridge.app import build
from bridge.codec import webcast as wc
from bridge.codec.protowire import FIXED32, FIXED64, LEN, bytes_field, int_field, str_field, tag, varint
from bridge.config import _SECTIONS, Config, ControlConfig, GameConfig, load_config
from bridge.errors import ConfigError
from bridge.game.rules import COMMON_KEYS, TRIGGERS, RuleEngine, load_rules, parse_rules
from bridge.record.file import KIND_FRAME, MAGIC, VERSION, RecordFileError, RecordWriter
from bridge.record.recorder import file_header
from bridge.record.replay import ReplayOptions, replay_sources
from bridge.room import Room, Source
from bridge.sim.faketiktok import FakeTikTok
from bridge.sim.simulator import KINDS, Scenario, Simulator, load_scenario
from bridge.values import INT64_MAX, INT64_MIN

DEEP = 5000
"""Nesting depth of the deep values."""
EXAMPLE_RULES = Path(__file__).resolve().parent.parent / "examples" / "rules"


class Deep:
    """A value nested :data:`DEEP` levels deep (rendered per channel)."""

    def __repr__(self) -> str:
        return f"<{DEEP}-deep nesting>"


HOSTILE: list[Any] = [
    0,
    -1,
    2**31,
    2**32,
    2**53,
    2**63 - 1,
    2**63,
    2**64,
    "9" * 400,
    -(10**400),
    math.nan,
    math.inf,
    -math.inf,
    1.5,
    True,
    [1, "a"],
    {"a": 1},
    "",
    "x" * 10_240,
    "../../etc/passwd",
    "/abs/path",
    "/",
    "a\x00b\x1b[2J\r\n",
    b"\xff\xfe\x80",
    Deep(),
]
"""The boundary values of the brief: every case below tries each of them."""


def in_domain(value: Any, where: str = "value") -> list[str]:
    """Problems with a value that was accepted: ints beyond int64, floats not finite."""
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, int):
        return [] if INT64_MIN <= value <= INT64_MAX else [f"{where} = {value} is beyond int64"]
    if isinstance(value, float):
        return [] if math.isfinite(value) else [f"{where} = {value}"]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in in_domain(v, f"{where}.{k}")]
    if isinstance(value, list | tuple):
        return [p for i, v in enumerate(value) for p in in_domain(v, f"{where}[{i}]")]
    return []


# ---------------------------------------------------------------- renderings


def toml_value(value: Any) -> bytes:
    """``value`` as a TOML value (non-UTF-8 bytes stay raw: the file is then not UTF-8)."""
    if isinstance(value, Deep):
        return b"[" * DEEP + b"]" * DEEP
    if isinstance(value, bytes):
        return b'"' + value + b'"'
    if isinstance(value, bool):
        return b"true" if value else b"false"
    if isinstance(value, float):
        return (b"-" if value < 0 else b"") + b"inf" if math.isinf(value) else repr(value).encode()
    if isinstance(value, int):
        return str(value).encode()
    if isinstance(value, list):
        return b"[" + b", ".join(toml_value(v) for v in value) + b"]"
    if isinstance(value, dict):
        return b"{" + b", ".join(k.encode() + b" = " + toml_value(v) for k, v in value.items()) + b"}"
    return json.dumps(value).encode()


def text_value(value: Any) -> str:
    """``value`` as environment or command-line text."""
    if isinstance(value, Deep):
        return "[" * DEEP
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    if isinstance(value, list | dict):
        return json.dumps(value)
    return str(value)


def json_value(value: Any) -> str:
    """``value`` as JSON text (what ``simulate`` text requests carry)."""
    if isinstance(value, Deep):
        return "[" * DEEP + "]" * DEEP
    if isinstance(value, bytes):
        return json.dumps(value.decode("latin-1"))
    return json.dumps(value)  # nan and inf as NaN/Infinity, which Python's json reads back


# ---------------------------------------------------------------- config


def config_keys() -> Iterator[tuple[str, str, Any]]:
    for section, cls in _SECTIONS.items():
        hints = get_type_hints(cls)
        for f in dataclass_fields(cls):
            yield section, f.name, hints[f.name]


@pytest.mark.parametrize("section", list(_SECTIONS))
def test_every_config_key_with_every_hostile_value(tmp_path: Path, section: str) -> None:
    problems: list[str] = []
    path = tmp_path / "c.toml"
    for name, key, kind in config_keys():
        if name != section:
            continue
        for value in HOSTILE:
            path.write_bytes(f"[{section}]\n{key} = ".encode() + toml_value(value) + b"\n")
            path.chmod(0o600)
            variable = f"BRIDGE_{section.upper()}_{key.upper()}"
            cases: tuple[tuple[str, Path | None, dict[str, str]], ...] = (
                (f"{path}: {section}.{key}", path, {}),
                (f"environment: {variable}", None, {variable: text_value(value)}),
            )
            for origin, file, env in cases:
                try:
                    config = load_config(file, env)
                except ConfigError as exc:
                    if origin not in str(exc) and f"{path}:" not in str(exc):
                        problems.append(f"{origin} = {value!r:.40}: the error does not name it: {exc}")
                except Exception as exc:  # the harness reports every other outcome
                    problems.append(f"{origin} = {value!r:.40}: {type(exc).__name__}: {exc}")
                else:
                    loaded = getattr(getattr(config, section), key)
                    problems += in_domain(loaded, f"{origin} = {value!r:.40} loaded as")
                    if not isinstance(loaded, kind if kind in (bool, int, float, str) else tuple):
                        problems.append(f"{origin} = {value!r:.40} loaded as {loaded!r:.40}")
    assert not problems, "\n".join(problems)


def test_run_processes_refuse_hostile_configs(tmp_path: Path) -> None:
    cases = {
        "nan.toml": b"[publisher]\nheartbeat_interval = nan\n",
        "deep.toml": b"[tiktok]\nrooms = " + toml_value(Deep()) + b"\n",
        "binary.toml": b"[publisher]\ndaemon_id = '\xff'\n",
        "port.toml": b"[publisher]\nendpoint = 'tcp://0.0.0.0:5556@127.0.0.1'\n",
        "room.toml": b"[tiktok]\nrooms = ['99999999999999999999999']\n",
    }
    processes = {}
    for name, text in cases.items():
        path = tmp_path / name
        path.write_bytes(text)
        command = [sys.executable, "-m", "bridge", "run", "-c", str(path)]
        processes[name] = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    for name, process in processes.items():
        _, err = process.communicate(timeout=60)
        assert process.returncode == 2, (name, err)
        assert err.startswith("tiktok-bridge: error: ") and err.count("\n") == 1, (name, err)


# ---------------------------------------------------------------- rules


def rule_keys() -> Iterator[tuple[str, str, bytes]]:
    """``(trigger, key, TOML prefix)``: every key of every trigger, after what the trigger needs."""
    for on, trigger in TRIGGERS.items():
        for key in sorted(COMMON_KEYS | set(trigger.own_keys)):
            head = {"name": '"r"', "on": f'"{on}"'}
            head.pop(key, None)
            needs = "" if key in trigger.needs else trigger.example
            text = "".join(f"{k} = {v}\n" for k, v in head.items()) + (needs + "\n" if needs else "")
            yield on, key, f"[[rules]]\n{text}{key} = ".encode()
            if key == "params":  # and inside the params table
                yield on, key, f"[[rules]]\n{text}[rules.params]\nvalue = ".encode()


def rule_corpus() -> list[dict[str, Any]]:
    """A simulated stream's events and co-host/battle messages, hostile scores included, as decoded."""
    events = events_of(codec, simulated_frames(150))
    messages = [
        lm.live_intro(),
        lm.battle(1, 4, [(lm.HOST, lm.ROOM), (lm.RIVAL, "rival")]),
        lm.fan_tickets([(lm.HOST, INT64_MAX), (lm.RIVAL, -(2**63))], match=1),
        lm.link_mic_score(lm.HOST, INT64_MAX, -1),
        lm.co_hosts([(lm.HOST, lm.ROOM, lm.ROOM_ID), (lm.RIVAL, "rival", 2**63 - 1)]),
        lm.co_hosts([]),
        lm.strike_card(lm.HOST, lm.RIVAL, multiple=2**63 - 1, duration=-1),
        lm.battle_task(0, target=INT64_MAX),
        lm.battle_task(1, progress=INT64_MAX),
        lm.poll(1, 1, [("", INT64_MAX), ("x" * 10_240, INT64_MAX)]),
        lm.goal(INT64_MAX, INT64_MAX, gift="a\x00b"),
        lm.goal(-1, -1),
    ]
    return [{**e, "room": "r"} for e in events] + [lm.decoded(m) for m in messages]


def test_every_rule_key_with_every_hostile_value(tmp_path: Path) -> None:
    problems: list[str] = []
    corpus = rule_corpus()
    path = tmp_path / "rules.toml"
    for on, key, prefix in rule_keys():
        events = [e for e in corpus if e["type"] in TRIGGERS[on].events]
        for value in HOSTILE:
            case = f"on = {on!r}, {key} = {value!r:.40}"
            data = prefix + toml_value(value) + b"\n"
            try:
                try:  # in memory as the file's text; through a real file when it is not UTF-8
                    [rule] = parse_rules(data.decode("utf-8"), str(path))
                except UnicodeDecodeError:
                    path.write_bytes(data)
                    [rule] = load_rules(path)
                engine = RuleEngine([rule])
                actions = [a for now, e in enumerate(events) for a in engine.feed(e, None, float(now))]
                actions += engine.tick(float(len(events) + 10**6))
                msgpack.packb(actions)
            except ConfigError as exc:
                whole_file = "not valid TOML" in str(exc) or "not UTF-8" in str(exc)
                if not str(exc).startswith(f"{path}: ") or f"'{key}'" not in str(exc) and not whole_file:
                    problems.append(f"{case}: the error does not name the file and the key: {exc}")
                continue
            except Exception as exc:  # the harness reports every other outcome
                problems.append(f"{case}: {type(exc).__name__}: {exc}")
                continue
            loaded = {f.name: getattr(rule, f.name) for f in dataclass_fields(rule)}
            loaded = {k: sorted(v, key=str) if isinstance(v, frozenset) else v for k, v in loaded.items()}
            problems += in_domain(loaded, f"{case} loaded as")
            problems += [p for a in actions for p in in_domain(a.get("params", {}), f"{case}: params")]
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- scenarios


def scenario_keys() -> Iterator[tuple[str, bytes]]:
    """``(key, TOML prefix)``: every top-level key, every mix kind, every gift key."""
    for f in dataclass_fields(Scenario):
        if f.name not in ("mix", "gifts"):
            yield f.name, f"{f.name} = ".encode()
    for kind in KINDS:
        yield f"mix.{kind}", f"[mix]\n{kind} = ".encode()
    gift = {"id": "1", "name": "'Rose'", "diamonds": "1", "type": "1", "weight": "1.0"}
    for key in gift:
        others = "".join(f"{k} = {v}\n" for k, v in gift.items() if k != key)
        yield f"gifts[0].{key}", f"[[gifts]]\n{others}{key} = ".encode()


def test_every_scenario_key_with_every_hostile_value(tmp_path: Path) -> None:
    problems: list[str] = []
    path = tmp_path / "s.toml"
    for key, prefix in scenario_keys():
        for value in HOSTILE:
            path.write_bytes(prefix + toml_value(value) + b"\n")
            started = time.monotonic()
            try:
                scenario = load_scenario(str(path))
                simulator = Simulator(scenario)
                frames = [simulator.frame(1_750_000_000_000 + i * 500) for i in range(3)]
            except ConfigError as exc:
                if not str(exc).startswith(f"{path}: "):
                    problems.append(f"{key} = {value!r:.40}: the error does not name the file: {exc}")
                continue
            except Exception as exc:  # the harness reports every other outcome
                problems.append(f"{key} = {value!r:.40}: {type(exc).__name__}: {exc}")
                continue
            if time.monotonic() - started > 10:
                problems.append(f"{key} = {value!r:.40}: {time.monotonic() - started:.0f} s to start")
            problems += in_domain([getattr(scenario, f.name) for f in dataclass_fields(Scenario)], key)
            for frame in frames:
                result = codec.decode_frame(frame).result
                assert result is not None
                problems += [
                    f"{key} = {value!r:.40}: {p}" for e in result.events for p in contract.validate(e)
                ]
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- recording headers


def test_every_recording_header_field_with_every_hostile_value(tmp_path: Path) -> None:
    import datetime

    good = file_header(
        Room("alice", 7_500_000_000_000_000_077), "tiktok", 100, datetime.datetime.now(datetime.UTC)
    )
    frames = list(simulated_frames(2))
    accepted, problems = [], []
    for key in good:
        for i, value in enumerate(HOSTILE):
            path = tmp_path / f"{key}-{i}.tlrec"
            writer = RecordWriter(path, {})
            writer.open()
            for n, frame in enumerate(frames):
                writer.write(KIND_FRAME, n, frame)
            writer.close()
            fields = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in good.items() if k != key]
            body = ("{" + ", ".join(fields) + f", {json.dumps(key)}: {json_value(value)}}}").encode()
            if isinstance(value, bytes):
                body = body.replace(value.decode("latin-1").encode("unicode_escape"), value)
            data = path.read_bytes()
            path.write_bytes(
                MAGIC + struct.pack("<HI", VERSION, len(body)) + body + data[len(MAGIC) + 6 + 2 :]
            )
            try:
                replay_sources([path], ReplayOptions(speed=0))
            except RecordFileError as exc:
                if str(path) not in str(exc):
                    problems.append(f"{key} = {value!r:.40}: the error does not name the file: {exc}")
                continue
            except Exception as exc:  # the harness reports every other outcome
                problems.append(f"{key} = {value!r:.40}: {type(exc).__name__}: {exc}")
                continue
            accepted.append(path)
    assert not problems, "\n".join(problems)
    assert len(accepted) > len(good)  # most fields accept most values

    async def play() -> tuple[RecordingPublisher, list[Any]]:
        publisher = RecordingPublisher()
        sources = replay_sources(accepted, ReplayOptions(speed=0))
        config = Config(control=ControlConfig(endpoint=""), game=GameConfig(ledger_dir=""))
        upstream: list[Source] = list(sources)
        async with build(config, publisher, upstream) as daemon:
            task = asyncio.create_task(daemon.run())
            await asyncio.wait_for(asyncio.gather(*(s.done.wait() for s in sources)), 60)
            daemon.stop()
            await asyncio.wait_for(task, 10)
            assert "taskFailures" not in daemon.snapshot()
        return publisher, sources

    publisher, sources = asyncio.run(play())
    assert all(not s.failure for s in sources), [s.failure for s in sources]
    assert sum(s.records for s in sources) == 2 * len(accepted)
    for _, message in publisher.sent:
        assert not in_domain(message) and not contract.validate(message), message


# ---------------------------------------------------------------- control

KNOWN_CODES = {
    "bad_request",
    "unknown_command",
    "unknown_event_type",
    "unknown_room",
    "unauthorized",
    "too_large",
    "rate_limited",
    "failed",
}
ARGUMENTS = ("room", "type", "fields", "creators", "id", "token", "name", "cmd", "simulated")


def msgpack_request(command: str, key: str, value: Any) -> bytes | None:
    """``{"cmd": command, key: value}`` in msgpack; ``None`` for an integer msgpack cannot carry."""
    if isinstance(value, Deep):  # packed by hand: msgpack refuses to pack it
        head: bytes = msgpack.packb(command) + msgpack.packb(key)
        return b"\x82\xa3cmd" + head + b"\x91" * DEEP + b"\x01"
    if isinstance(value, int) and not -(2**63) <= value < 2**64:
        return None  # the text form carries it
    packed: bytes = msgpack.packb({"cmd": command, key: value}, use_bin_type=True)
    return packed


def control_requests(commands: list[str]) -> Iterator[bytes]:
    for command in commands:
        for value in HOSTILE:
            yield f"{command} ".encode() + text_value(value).encode("utf-8", "surrogateescape")
            for key in ARGUMENTS:
                request = msgpack_request(command, key, value)
                if request is not None:
                    yield request
    for event in contract.EVENTS:
        if event.system:
            continue
        names = [f.name for f in event.fields] + ["notAField"]
        for name in names:
            for value in HOSTILE:
                yield f"simulate {event.name} {{{json.dumps(name)}: {json_value(value)}}}".encode()
        if any(f.name == "user" for f in event.fields):
            user = next(s for s in contract.STRUCTS if s.name == "User")
            for user_field in [f.name for f in user.fields]:
                for value in HOSTILE:
                    body = f'{{"user": {{{json.dumps(user_field)}: {json_value(value)}}}}}'
                    yield f"simulate {event.name} {body}".encode()


def test_every_control_command_and_simulate_field(tmp_path: Path) -> None:
    with LiveDaemon(tmp_path) as daemon:
        listing = daemon.ask(b"no-such-command")
        assert listing is not None and listing["error"]["code"] == "unknown_command"
        commands = listing["error"]["message"].split("commands: ")[1].split(", ")
        assert {"ping", "status", "connect", "disconnect", "simulate"} <= set(commands)
        problems: list[str] = []
        count = 0
        for body in control_requests(commands):
            count += 1
            reply = daemon.ask(body, timeout=10)
            shown = body[:80]
            if not isinstance(reply, dict) or not isinstance(reply.get("ok"), bool):
                problems.append(f"{shown!r}: {reply!r:.200}")
            elif not reply["ok"]:
                error = reply.get("error", {})
                if error.get("code") not in KNOWN_CODES or not error.get("message"):
                    problems.append(f"{shown!r}: {error}")
            elif body.startswith(b"simulate"):
                problems += [
                    f"{shown!r}: {p}" for p in in_domain(reply["result"]) + contract.validate(reply["result"])
                ]
            if len(problems) > 20:
                break
        assert not problems, "\n".join(problems)
        assert count > 5000
        daemon.assert_serving(f"{count} hostile control requests")
        status = daemon.ask(b"status")
        assert status is not None and "taskFailures" not in status["result"], status


# ---------------------------------------------------------------- upstream


def hostile_fields(field: FieldDescriptor) -> Iterator[tuple[str, bytes]]:
    """Encodings of hostile values for one protobuf field, by its type."""
    number = field.number
    if field.type in (field.TYPE_DOUBLE, field.TYPE_FIXED64, field.TYPE_SFIXED64):
        for raw in (b"\x00\x00\x00\x00\x00\x00\xf8\x7f", b"\x00\x00\x00\x00\x00\x00\xf0\x7f", b"\xff" * 8):
            yield "fixed64", tag(number, FIXED64) + raw
    elif field.type in (field.TYPE_FLOAT, field.TYPE_FIXED32, field.TYPE_SFIXED32):
        for raw in (b"\x00\x00\xc0\x7f", b"\x00\x00\x80\x7f", b"\xff" * 4):
            yield "fixed32", tag(number, FIXED32) + raw
    elif field.type in (field.TYPE_STRING, field.TYPE_BYTES):
        for label, raw in (
            ("empty", b""),
            ("10 KB", b"x" * 10_240),
            ("control", b"a\x00b\x1b[2J\r\n"),
            ("non-UTF-8", b"\xff\xfe\x80"),
            ("slash", b"/"),
            ("path", b"../../etc/passwd"),
            ("digits", b"9" * 400),
        ):
            yield label, bytes_field(number, raw)
        yield "varint", int_field(number, 5)
    elif field.type == field.TYPE_MESSAGE:
        yield "garbage", bytes_field(number, b"\xff\xff\xff\xff")
        yield "deep", bytes_field(number, b"\x0a\x01" * 2000)
        yield "varint", int_field(number, 2**63)
    else:  # every varint type: ints, bools, enums
        for value in (0, -1, 2**31, 2**32, 2**53, 2**63 - 1, 2**63, 2**64 - 1):
            yield str(value), int_field(number, value % 2**64)
        yield "length-delimited", bytes_field(number, b"\x01\x02")
    yield "truncated", tag(number, LEN) + varint(2**62)


class Messages:
    """Inner webcast messages carrying one hostile field each, generated from the descriptors."""

    def __init__(self, pb: ModuleType, room_id: int) -> None:
        self.pb = pb
        self.room_id = room_id
        self.msg_id = 8_000_000_000_000_000_000
        self.expanded: set[str] = set()

    def common(self, method: str) -> bytes:
        self.msg_id += 1
        fields = [str_field(1, method), int_field(2, self.msg_id), int_field(3, self.room_id)]
        return bytes_field(1, b"".join([*fields, int_field(4, 1_750_000_000_000)]))

    def variants(self, descriptor: Descriptor, depth: int = 0) -> Iterator[tuple[str, bytes]]:
        """``(path, encoded fields)``: one hostile field per variant, nested messages expanded once."""
        for field in descriptor.fields:
            for label, encoded in hostile_fields(field):
                yield f"{field.name}={label}", encoded
            sub = field.message_type
            if sub is not None and depth < 2 and sub.full_name not in self.expanded:
                self.expanded.add(sub.full_name)
                for path, inner in self.variants(sub, depth + 1):
                    yield f"{field.name}.{path}", bytes_field(field.number, inner)

    def of(self, method: str) -> Iterator[tuple[str, bytes]]:
        """Inner messages of ``method``, each with a fresh msgId (a hostile ``common`` field comes second)."""
        descriptor = self.pb.DESCRIPTOR.message_types_by_name[method]
        for path, encoded in self.variants(descriptor):
            yield f"{method}.{path}", wc.inner(method, self.common(method) + encoded, self.msg_id)


def upstream_frames(pb: ModuleType, room_id: int) -> Iterator[tuple[str, bytes, int]]:
    """``(label, push frame, messages in it)``: hostile messages of every method the contract reads, then
    hostile fetch results (one label per frame; ``common.msg_id...`` frames hold hostile msgIds)."""
    messages = Messages(pb, room_id)
    methods = sorted(
        {m for e in contract.EVENTS for m in e.methods if m in pb.DESCRIPTOR.message_types_by_name}
    )
    assert len(methods) > 20
    for method in methods:
        batch = list(messages.of(method))
        ids = [m for path, m in batch if path.startswith(f"{method}.common.msg_id=")]
        if ids:
            yield "common.msg_id", _frame(ids), len(ids)
        others = [m for path, m in batch if not path.startswith(f"{method}.common.msg_id=")]
        for start in range(0, len(others), 50):
            chunk = others[start : start + 50]
            yield f"{method} #{start}", _frame(chunk), len(chunk)
    frame = pb.DESCRIPTOR.message_types_by_name["ProtoMessageFetchResult"]
    for field in frame.fields:
        if field.name in ("messages", "heartbeat_duration", "fetch_interval", "push_server", "route_params"):
            continue  # the connection's own timing and routing: covered by the connection tests
        for label, encoded in hostile_fields(field):
            yield f"fetch.{field.name}={label}", wc.push_frame("msg", encoded), 0


def _frame(messages: list[bytes]) -> bytes:
    body = wc.fetch_result(messages, cursor="c", now=1, internal_ext="e", need_ack=False)
    return wc.push_frame("msg", body, compress=True)


@pytest.fixture
def fake_tiktok() -> Iterator[tuple[FakeTikTok, asyncio.AbstractEventLoop]]:
    """A fake TikTok on its own event loop thread (the daemon under test is another process)."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    fake = FakeTikTok()
    asyncio.run_coroutine_threadsafe(fake.start(), loop).result(10)
    yield fake, loop
    asyncio.run_coroutine_threadsafe(fake.stop(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)


@pytest.mark.parametrize("decoder", ["cython", "python"])
def test_every_upstream_field_with_every_hostile_value(
    tmp_path: Path, pb: ModuleType, fake_tiktok: tuple[FakeTikTok, asyncio.AbstractEventLoop], decoder: str
) -> None:
    fake, loop = fake_tiktok
    room_id = 7_400_000_000_000_000_042
    quiet = replace(load_scenario("default"), rate=0.01)  # the hostile frames are (nearly) all it sends
    room = asyncio.run_coroutine_threadsafe(_add(fake, room_id, quiet), loop).result(10)
    base = fake.base_url
    config = (
        f'[tiktok]\nrooms = ["hostile"]\nweb_base = "{base}"\nwebcast_base = "{base}"\n'
        f'backoff_base = 0.1\n[sign]\nbase_url = "{base}"\n'
    )
    env = {"BRIDGE_PUREPYTHON": "1"} if decoder == "python" else {}
    rules = tmp_path / "rules.toml"  # every example rule sees the hostile events too
    rules.write_text("\n".join(p.read_text() for p in sorted(EXAMPLE_RULES.glob("*.toml"))))
    with LiveDaemon(tmp_path, config, args=("--rules", str(rules)), env=env) as daemon:
        assert daemon.ask(b"status")["result"]["implementation"] == decoder  # type: ignore[index]
        deadline = time.monotonic() + 20
        while not room.connections:
            assert time.monotonic() < deadline, daemon.log()
            time.sleep(0.05)
        frames = list(upstream_frames(pb, room_id))
        sent = sum(count for _, _, count in frames)
        repeated_ids = sum(count for label, _, count in frames if label.startswith("common.msg_id"))
        before = daemon.ask(b"status")["result"]  # type: ignore[index]
        daemon.drain()
        for _, frame, _ in frames:
            loop.call_soon_threadsafe(room.push, frame)
        time.sleep(0.5)
        marker = "good event after the hostile ones"
        good = wc.fetch_result(
            [_chat(pb, room_id, marker)], cursor="c", now=1, internal_ext="e", need_ack=False
        )
        loop.call_soon_threadsafe(room.push, wc.push_frame("msg", good, compress=True))
        seen = daemon.messages(3.0)
        problems = [p for topic, m, _ in seen for p in in_domain(m, topic) + contract.validate(m)]
        assert not problems, "\n".join(problems[:20])
        assert marker in [m.get("comment") for _, m, _ in seen], "the good upstream event was not published"
        daemon.assert_serving(f"{len(frames)} hostile upstream frames")
        status = daemon.ask(b"status")
        assert status is not None, "status"
        rooms = status["result"]["rooms"]
        assert rooms["hostile"]["state"] == "connected", rooms
        assert "taskFailures" not in status["result"], status["result"]
        assert "listenerFailures" not in status["result"], status["result"]
        published = rooms["hostile"]["events"] - before["rooms"]["hostile"]["events"]
        dropped = status["result"].get("decodeErrors", 0) - before.get("decodeErrors", 0)
        assert dropped > 0 and published > len(frames)
        # every hostile message was published or counted as dropped (or, with a hostile msgId, de-duplicated)
        assert published - 1 + dropped >= sent - repeated_ids, (sent, repeated_ids, published, dropped)


async def _add(fake: FakeTikTok, room_id: int, scenario: Scenario) -> Any:
    return fake.add_room("hostile", room_id, scenario=scenario)


def _chat(pb: ModuleType, room_id: int, comment: str) -> bytes:
    message = pb.WebcastChatMessage(
        common=pb.CommonMessageData(method="WebcastChatMessage", msg_id=1, room_id=room_id, create_time=1),
        user=pb.User(id=5, nickname="good", display_id="good_user"),
        content=comment,
    )
    return wc.inner("WebcastChatMessage", message.SerializeToString(), 1)


def test_the_harness_values_cover_the_brief() -> None:
    shown = {repr(v) for v in HOSTILE}
    for needed in (0, -1, 2**31, 2**32, 2**53, 2**63 - 1, 2**63, 2**64, math.nan, math.inf, "", "/"):
        assert repr(needed) in shown
    assert any(isinstance(v, bytes) for v in HOSTILE) and any(isinstance(v, Deep) for v in HOSTILE)


# ---------------------------------------------------------------- command-line options


def cli_options() -> Iterator[tuple[str, str]]:
    """``(command, option)`` for every option of every command that takes a value."""
    import argparse

    from bridge.cli.main import _parser

    parser = _parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in commands.choices.items():
        for action in sub._actions:
            if action.option_strings and action.nargs != 0 and not action.choices:
                yield name, action.option_strings[-1]


def test_every_command_line_option_with_every_hostile_value(capsys: pytest.CaptureFixture[str]) -> None:
    from bridge.cli.main import _config, _parser

    options = list(cli_options())
    assert ("fake-tiktok", "--port") in options and ("replay", "--speed") in options
    problems = []
    for command, option in options:
        for value in HOSTILE:
            argv = [command, option, text_value(value)[:5000]]
            if command in ("replay", "status"):
                argv.append("x.tlrec" if command == "replay" else "@x")
            try:
                args = _parser().parse_args(argv)
                if command in ("run", "proxy", "tail", "record"):
                    _config(args)
            except SystemExit as exc:
                if exc.code != 2:
                    problems.append(f"{argv[:2]} {value!r:.40}: exit {exc.code}")
            except ConfigError:
                pass
            except Exception as exc:  # the harness reports every other outcome
                problems.append(f"{argv[:2]} {value!r:.40}: {type(exc).__name__}: {exc}")
            else:
                problems += in_domain(vars(args), f"{argv[:2]} {value!r:.40}")
    capsys.readouterr()
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- forwarder heartbeats


def test_every_heartbeat_field_on_the_forwarder_frontend(tmp_path: Path) -> None:
    from probe import LiveProxy

    from bridge.config import PublisherConfig
    from bridge.server.daemon import Daemon

    config = Config(publisher=PublisherConfig(connect=True, daemon_id="d1"), control=ControlConfig())
    daemon = Daemon(config, [], RecordingPublisher())
    daemon.rooms["alice"] = Room("alice", 1)
    good = {**daemon.snapshot(), "daemon": "d1"}
    assert {"daemon", "rooms", "shard", "control"} <= set(good)
    proxy = LiveProxy(tmp_path)
    try:
        time.sleep(0.5)
        for _ in range(3):
            proxy.pub.send_multipart([b"sys.heartbeat", msgpack.packb(good)])
            time.sleep(0.1)
        sent = 0
        for key in good:
            for value in HOSTILE:
                request = msgpack_request("x", key, value)  # a map with the hostile value under ``key``
                if request is None:
                    continue
                beat = msgpack.unpackb(request) if not isinstance(value, Deep) else None
                payload = request if beat is None else msgpack.packb({**good, "daemon": f"h{sent}", **beat})
                proxy.pub.send_multipart([b"sys.heartbeat", payload])
                sent += 1
        assert sent > 3 * len(HOSTILE)
        lost = [m for topic, m in proxy.received(3.0) if topic == b"sys.status/alice"]
        assert lost and lost[0]["reason"] == "daemon_lost", "the lost-daemon watcher stopped"
        status = proxy.ask(b"status")
        assert status is not None and status["ok"] and "d1" in status["result"]["daemons"], status
        assert proxy.ask(b"ping") == {"ok": True, "result": "pong"}
    finally:
        proxy.close()
    assert "Traceback" not in proxy.text(), proxy.text()
