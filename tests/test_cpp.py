"""The Unreal plugin's C++ core, built and tested here without Unreal.

Configures and builds tests/cpp (CMake, AddressSanitizer + UBSan) into
tests/cpp/build, then runs: the unit tests, a differential test of the
decoders against Python's msgpack on random contract-shaped events, a bounded
fuzz run, an end-to-end run against the real daemon (every contract event type,
ZMTP heartbeats answered for several seconds, reconnect after a daemon restart,
the control channel), the same comparison on everything the e2e client
received, a syntax check of the Unreal layer against a header shim, and a check
that every contract event has a USTRUCT and a delegate.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import os
import random
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import msgpack
import pytest

ROOT = Path(__file__).resolve().parents[1]
CPP = ROOT / "tests" / "cpp"
BUILD = CPP / "build"
PLUGIN = ROOT / "unreal_plugin" / "TikTokBridge"
MODULE = PLUGIN / "Source" / "TikTokBridge"
CONTRACT = json.loads((ROOT / "docs" / "contract.json").read_text(encoding="utf-8"))
CONTRACT_DEFAULTS = {d["name"]: d["value"] for d in CONTRACT["defaults"]}
EVENTS = {e["name"]: e for e in CONTRACT["events"]}
STRUCTS = {s["name"]: s for s in CONTRACT["structs"]}
ENVELOPE = CONTRACT["envelope"]

pytestmark = [
    pytest.mark.cpp,
    pytest.mark.skipif(
        shutil.which("cmake") is None or shutil.which("g++") is None, reason="needs cmake and g++"
    ),
]


def _run(cmd: list[str], timeout: float, **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)


@pytest.fixture(scope="module")
def build() -> Path:
    generator = ["-G", "Ninja"] if shutil.which("ninja") else []
    configure = _run(["cmake", "-S", str(CPP), "-B", str(BUILD), *generator], timeout=60)
    assert configure.returncode == 0, configure.stdout + configure.stderr
    made = _run(["cmake", "--build", str(BUILD), "-j2"], timeout=300)
    assert made.returncode == 0, made.stdout[-6000:] + made.stderr[-6000:]
    return BUILD


# ---------------------------------------------------------------- fixtures in Python


def _record(a: bytes, b: bytes) -> bytes:
    return struct.pack(">I", len(a)) + a + struct.pack(">I", len(b)) + b


def _read_records(path: Path) -> list[tuple[bytes, bytes]]:
    data = path.read_bytes()
    out, pos = [], 0
    while pos < len(data):
        (n,) = struct.unpack_from(">I", data, pos)
        a = data[pos + 4 : pos + 4 + n]
        pos += 4 + n
        (m,) = struct.unpack_from(">I", data, pos)
        b = data[pos + 4 : pos + 4 + m]
        pos += 4 + m
        out.append((a, b))
    return out


def _text(rng: random.Random, long: bool = False) -> str:
    alphabet = 'abcXYZ 019_-"\\/\n\t\x01\x1f\x7f' + "é✨🎮中文ß" + "{}[]:,"
    n = rng.choice([0, 1, 5, 20, 40]) if not long else rng.choice([300, 70000])
    return "".join(rng.choice(alphabet) for _ in range(n))


def _int(rng: random.Random) -> int:
    return rng.choice(
        [
            0,
            1,
            5,
            127,
            128,
            255,
            256,
            65535,
            65536,
            2**31,
            2**32,
            2**53 + 1,
            6900000000000403400,
            2**63 - 1,
            -1,
            -32,
            -33,
            -129,
            -(2**31),
            -(2**63),
            rng.randrange(-(2**63), 2**63),
        ]
    )


def _value(rng: random.Random, depth: int = 0) -> Any:
    """A random msgpack-able value (any shape)."""
    kinds = ["int", "float", "str", "bool", "nil", "bin"] + (["list", "map"] if depth < 6 else [])
    k = rng.choice(kinds)
    if k == "int":
        return _int(rng) if rng.random() < 0.9 else rng.randrange(2**63, 2**64)
    if k == "float":
        return rng.choice(
            [0.0, 1.0, -2.5, 0.1, 0.028, 1e15, 1e16, 1e22, 1.5e-7, 123456789.123, rng.random() * 1e6]
        )
    if k == "str":
        return _text(rng, long=rng.random() < 0.02)
    if k == "bool":
        return rng.random() < 0.5
    if k == "nil":
        return None
    if k == "bin":
        return bytes(rng.randrange(256) for _ in range(rng.choice([0, 1, 2, 3, 300])))
    if k == "list":
        return [_value(rng, depth + 1) for _ in range(rng.choice([0, 1, 3, 17]))]
    keys: list[Any] = [_text(rng) for _ in range(rng.choice([0, 1, 3, 17]))]
    if rng.random() < 0.2:
        keys.append(rng.choice([1, -7, True, None]))
    return {key: _value(rng, depth + 1) for key in keys}


def _jsonable(v: Any) -> Any:
    """What the core's msgpack->JSON conversion must produce, as Python data."""
    if isinstance(v, bytes):
        return base64.b64encode(v).decode()
    if isinstance(v, list):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {(k if isinstance(k, str) else json.dumps(_jsonable(k))): _jsonable(x) for k, x in v.items()}
    if isinstance(v, msgpack.ExtType):
        return None
    return v


def _typed_value(rng: random.Random, type_: str, depth: int = 0) -> Any:
    if type_ == "int":
        return _int(rng)
    if type_ == "float":
        return rng.choice([0.5, 1.25, 0.028, 123.456, 1e15])
    if type_ == "bool":
        return True
    if type_ == "str":
        return _text(rng) or "x"
    if type_ == "bin":
        return bytes(rng.randrange(256) for _ in range(rng.choice([1, 4, 300])))
    if type_ == "map":
        return {_text(rng) or "k": _value(rng, 3) for _ in range(rng.choice([1, 3]))}
    if type_ == "event":
        return _sample("chat", rng, depth + 1)
    if type_.startswith("["):
        inner = type_[1:-1]
        return [_typed_value(rng, inner, depth) for _ in range(rng.choice([1, 2, 5]))]
    struct_ = STRUCTS[type_]
    return {f["name"]: _typed_value(rng, f["type"], depth) for f in struct_["fields"] if rng.random() < 0.8}


def _sample(name: str, rng: random.Random, depth: int = 0) -> dict[str, Any]:
    spec = EVENTS[name]
    event: dict[str, Any] = {"type": name}
    for f in ENVELOPE[1:] + spec["fields"]:
        if rng.random() < 0.85:
            event[f["name"]] = _typed_value(rng, f["type"], depth)
    if rng.random() < 0.5:
        event["xFutureKey"] = _value(rng, 2)  # not in the contract: must be skipped
    items = list(event.items())
    rng.shuffle(items)
    return dict(items)


def _wrap64(v: int) -> int:
    return v - 2**64 if v >= 2**63 else v


def _empty(v: Any) -> bool:
    if isinstance(v, (list, dict)):
        return not v
    return v is None or v in (0, "", False)


def _expect(value: Any, type_: str) -> Any:
    """What the generated decoder + dump make of a contract-typed value."""
    if type_ == "int":
        return _wrap64(int(value))
    if type_ in ("float", "bool", "str"):
        return value
    if type_ == "bin":
        return base64.b64encode(value).decode()
    if type_ in ("map", "event"):
        return _jsonable(value)
    if type_.startswith("["):
        inner = type_[1:-1]
        return [_expect(x, inner) if inner == "int" else _expect_struct(x, STRUCTS[inner]) for x in value]
    return _expect_struct(value, STRUCTS[type_])


def _expect_struct(value: dict[str, Any], spec: dict[str, Any], envelope: bool = False) -> dict[str, Any]:
    fields = (ENVELOPE if envelope else []) + spec["fields"]
    out = {}
    for f in fields:
        if f["name"] in value:
            v = _expect(value[f["name"]], f["type"])
            if not _empty(v):
                out[f["name"]] = v
    return out


def _check_dump(lines: list[str], objects: list[tuple[str, Any]]) -> int:
    """Compare ttb_dump output with Python's view of the same payloads."""
    assert len(lines) == len(objects)
    checked = 0
    for line, (topic, obj) in zip(lines, objects, strict=True):
        got = json.loads(line)
        assert got["result"] == "ok", (topic, got)
        assert got["raw"] == _jsonable(obj), topic
        kind = topic.split("/", 1)[0]
        assert got["typed"] == _expect_struct(obj, EVENTS[kind], envelope=True), topic
        checked += 1
    return checked


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, Any]]]:
    rng = random.Random(20240611)
    objects = []
    blob = b""
    for _ in range(12):
        for name in EVENTS:
            obj = _sample(name, rng)
            topic = (
                name if name == "sys.heartbeat" else ("action/x/r" if name == "action" else f"{name}/room")
            )
            objects.append((topic, obj))
            blob += _record(topic.encode(), msgpack.packb(obj, use_bin_type=True))
    path = tmp_path_factory.mktemp("cpp") / "samples.rec"
    path.write_bytes(blob)
    return path, objects


@pytest.fixture(scope="module")
def json_fixtures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """[msgpack, exact expected JSON text] records (no floats: their text may differ)."""
    rng = random.Random(7)

    def no_floats(v: Any) -> bool:
        if isinstance(v, float):
            return False
        if isinstance(v, list):
            return all(no_floats(x) for x in v)
        if isinstance(v, dict):
            return all(no_floats(x) for x in v.values())
        return True

    blob = b""
    count = 0
    while count < 3000:
        v = _value(rng)
        if not no_floats(v):
            continue
        text = json.dumps(_jsonable(v), ensure_ascii=False, separators=(",", ":"))
        blob += _record(msgpack.packb(v, use_bin_type=True), text.encode())
        count += 1
    path = tmp_path_factory.mktemp("cpp") / "json.rec"
    path.write_bytes(blob)
    return path


# ---------------------------------------------------------------- tests


def test_generated_code_is_current() -> None:
    r = _run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--check", "--only", "unreal"], timeout=60
    )
    assert r.returncode == 0, r.stderr


def test_unit_tests(build: Path, json_fixtures: Path, vectors: Path) -> None:
    env = {**os.environ, "TTB_JSON_FIXTURES": str(json_fixtures), "TTB_VECTORS": str(vectors)}
    r = _run([str(build / "ttb_unit_tests")], timeout=120, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "3000 Python fixtures compared" in r.stdout
    transcripts = (vectors / "zmtp.tsv").read_text().count("\n")
    assert f"({transcripts} shared ZMTP transcripts)" in r.stdout, r.stdout
    assert re.search(r"\((\d+) shared msgpack vectors, (\d+) invalid", r.stdout), r.stdout
    print(r.stdout.strip().splitlines()[-1])


def test_decoders_match_python_on_contract_samples(build: Path, samples: tuple[Path, list[Any]]) -> None:
    path, objects = samples
    r = _run([str(build / "ttb_dump"), str(path)], timeout=60)
    assert r.returncode == 0, r.stderr
    checked = _check_dump(r.stdout.splitlines(), objects)
    assert checked == len(objects) == 12 * len(EVENTS)


def test_fuzz_decoders_under_sanitizers(
    build: Path, samples: tuple[Path, list[Any]], json_fixtures: Path
) -> None:
    seconds = os.environ.get("TTB_FUZZ_SECONDS", "8")
    r = _run([str(build / "ttb_fuzz"), seconds, "12345", str(samples[0]), str(json_fixtures)], timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr[-4000:]
    assert "no crash" in r.stdout
    print(r.stdout.strip())


# ---------------------------------------------------------------- end to end


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


SCENARIO = """
name = "every-kind"
rate = 200.0
[mix]
member = 5
like = 5
chat = 5
gift = 6
roomUserSeq = 3
social = 3
subscribe = 2
emote = 2
envelope = 2
question = 2
battle = 3
roomPin = 2
caption = 2
barrage = 2
goal = 2
rank = 2
poll = 2
banner = 2
imDelete = 2
control = 2
unknown = 2
ignored = 1
"""


class Daemon:
    def __init__(
        self, tmp: Path, pub: int, ctl: int, rules: bool, config: str = "bridge.toml", scenario: str = ""
    ) -> None:
        self.cmd = [
            sys.executable, "-m", "bridge", "run", "-c", str(tmp / config),
            "--endpoint", f"tcp://127.0.0.1:{pub}", "--control", f"tcp://127.0.0.1:{ctl}",
            "--scenario", scenario or str(tmp / "every-kind.toml"), "--rate", "200",
        ]  # fmt: skip
        rules_file = ROOT / "examples" / "rules" / "game.toml"
        if rules and rules_file.exists():
            self.cmd += ["--rules", str(rules_file)]
        self.log = tmp / "daemon.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as log:  # the child keeps its own copy
            self.proc = subprocess.Popen(
                self.cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture(scope="module")
def daemon_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("daemon")
    (tmp / "every-kind.toml").write_text(SCENARIO)
    (tmp / "ledger").mkdir()
    (tmp / "bridge.toml").write_text(
        "[publisher]\nzmq_heartbeat_ivl = 0.2\nzmq_heartbeat_timeout = 0.6\n"
        f'[game]\nledger_dir = "{tmp / "ledger"}"\n'
    )
    return tmp


class _Lines:
    """Collects a process's output lines in a thread (no blocking reads in the test)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self.proc = proc
        self.thread = threading.Thread(target=self._pump, daemon=True)
        self.thread.start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        with self.proc.stdout:
            for line in self.proc.stdout:
                self.lines.append(line.rstrip("\n"))

    def wait_for(self, needle: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(needle in line for line in list(self.lines)):
                return True
            if self.proc.poll() is not None and not self.thread.is_alive():
                return any(needle in line for line in self.lines)
            time.sleep(0.05)
        return False

    def close(self, timeout: float) -> None:
        """Wait for the process to exit (killed after ``timeout``) and for its last lines."""
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.thread.join(timeout=5)


@pytest.fixture(scope="module")
def e2e(build: Path, daemon_files: Path) -> dict[str, Any]:
    pub, ctl = _free_port(), _free_port()
    required = [e["name"] for e in CONTRACT["events"] if not e["system"]]
    capture = daemon_files / "capture.rec"
    first = Daemon(daemon_files, pub, ctl, rules=True)
    first.start()
    client = subprocess.Popen(
        [str(build / "ttb_e2e"), "--endpoint", f"tcp://127.0.0.1:{pub}", "--control", f"tcp://127.0.0.1:{ctl}",
         "--require", ",".join(required), "--min-connected", "4", "--timeout", "70", "--capture", str(capture)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    out = _Lines(client)
    second = Daemon(daemon_files, pub, ctl, rules=False)
    t0 = time.monotonic()
    passed = False
    try:
        phase1 = out.wait_for("PHASE1 OK", timeout=60)
        phase1_s = time.monotonic() - t0
        first.stop()
        time.sleep(0.3)
        second.start()
        passed = phase1 and out.wait_for("E2E PASS", timeout=40)
    finally:
        out.close(15)
        first.stop()
        second.stop()
    return {
        "lines": out.lines,
        "rc": client.returncode,
        "phase1": phase1,
        "passed": passed,
        "phase1_s": phase1_s,
        "total_s": time.monotonic() - t0,
        "capture": capture,
        "required": required,
        "log": (daemon_files / "daemon.log").read_text(errors="replace")[-3000:],
    }


def _line(lines: list[str], prefix: str) -> str:
    return next((line for line in lines if line.startswith(prefix)), "")


def test_e2e_every_event_type_heartbeats_and_reconnect(e2e: dict[str, Any]) -> None:
    lines = e2e["lines"]
    report = "\n".join(lines[-60:]) + "\n--- daemon log ---\n" + e2e["log"]
    assert e2e["phase1"], report
    assert e2e["passed"] and e2e["rc"] == 0, report
    stats = dict(kv.split("=", 1) for kv in _line(lines, "STATS ").split()[1:])
    types = dict(kv.split("=", 1) for kv in _line(lines, "TYPES ").split()[1:])
    assert set(e2e["required"]) <= set(types), report
    assert int(stats["decode_errors"]) == 0
    assert int(stats["seq_gaps"]) == 0, report
    # ZMTP PINGs every 0.2 s, every one answered, for at least 4 s on one connection
    assert int(stats["pings"]) >= 15 and stats["pings"] == stats["pongs"], report
    assert int(stats["connected_ms"]) >= 4000
    replies = [line for line in lines if line.startswith("CONTROL_REPLY ")]
    failed = [line for line in replies if " ok=0 " in line]
    assert int(stats["control_ok"]) >= 6, report
    assert len(failed) == 1 and "code=unknown_command" in failed[0], report  # only bogus_command fails
    assert stats["simulated_gift"] == "1"  # msgpack request with nested fields arrived as sent
    assert _line(lines, "DISCONNECTED "), report
    assert _line(lines, "RECONNECTED "), report
    simulated = [line.split()[1] for line in lines if line.startswith("SIMULATE ")]
    print(f"\n{_line(lines, 'STATS ')}\n{_line(lines, 'TYPES ')}\n{_line(lines, 'RECONNECTED ')}")
    print(
        f"simulated through the control channel because the stream had not sent them: {simulated or 'none'}"
    )
    print(f"phase 1 {e2e['phase1_s']:.1f} s, total {e2e['total_s']:.1f} s")


def test_e2e_capture_decodes_like_python(build: Path, e2e: dict[str, Any]) -> None:
    records = _read_records(e2e["capture"])
    assert len(records) > 500
    objects = [(t.decode(), msgpack.unpackb(p, raw=False, strict_map_key=False)) for t, p in records]
    r = _run([str(build / "ttb_dump"), str(e2e["capture"])], timeout=120)
    assert r.returncode == 0, r.stderr
    checked = _check_dump(r.stdout.splitlines(), objects)
    print(f"\n{checked} real daemon messages: typed structs and JSON match Python's msgpack")


def test_cohost_battle_scenario_reaches_the_client(build: Path, daemon_files: Path) -> None:
    """The built-in cohost-battle scenario's events (join, scores, task, cards, finish, punishment,
    leave) arrive in the C++ core and decode to the same typed structs and JSON as Python's."""
    pub, ctl = _free_port(), _free_port()
    kinds = ["coHost", "battle", "battleArmies", "coHostScore", "battleTask", "battleCard", "battlePunish"]
    capture = daemon_files / "cohost.rec"
    first = Daemon(daemon_files, pub, ctl, rules=False, scenario="cohost-battle")
    second = Daemon(daemon_files, pub, ctl, rules=False, scenario="cohost-battle")
    first.start()
    client = subprocess.Popen(
        [str(build / "ttb_e2e"), "--endpoint", f"tcp://127.0.0.1:{pub}", "--require", ",".join(kinds),
         "--min-connected", "1", "--timeout", "60", "--capture", str(capture)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    out = _Lines(client)
    try:
        assert out.wait_for("PHASE1 OK", timeout=50), "\n".join(out.lines[-20:])
        first.stop()
        second.start()  # the e2e client finishes once it has reconnected
        assert out.wait_for("E2E PASS", timeout=30), "\n".join(out.lines[-20:])
    finally:
        out.close(15)
        first.stop()
        second.stop()
    types = dict(kv.split("=", 1) for kv in _line(out.lines, "TYPES ").split()[1:])
    assert set(kinds) <= set(types) and client.returncode == 0
    records = _read_records(capture)
    objects = [(t.decode(), msgpack.unpackb(p, raw=False, strict_map_key=False)) for t, p in records]
    battle = [o for t, o in objects if t.startswith(tuple(f"{k}/" for k in kinds))]
    assert {o["type"] for o in battle} == set(kinds)
    r = _run([str(build / "ttb_dump"), str(capture)], timeout=120)
    assert r.returncode == 0, r.stderr
    checked = _check_dump(r.stdout.splitlines(), objects)
    print(
        f"\n{checked} messages, {len(battle)} of them co-host and battle events: typed structs match Python's"
    )


def test_daemon_drops_a_client_that_never_answers_pings(build: Path, daemon_files: Path) -> None:
    """The control for the heartbeat test: without our PONGs libzmq disconnects us."""
    pub, ctl = _free_port(), _free_port()
    d = Daemon(daemon_files, pub, ctl, rules=False)
    d.start()
    try:
        r = _run([str(build / "ttb_e2e"), "--endpoint", f"tcp://127.0.0.1:{pub}", "--no-pong", "--timeout", "15"],
                 timeout=30)  # fmt: skip
    finally:
        d.stop()
    assert r.returncode == 0, r.stdout + r.stderr
    assert 'DISCONNECTED reason="connection closed by the daemon"' in r.stdout, r.stdout
    m = re.search(r"DROPPED_BY_DAEMON pings=(\d+) pongs_sent=0 after (\d+) ms", r.stdout)
    assert m, r.stdout
    assert int(m.group(1)) >= 1 and int(m.group(2)) < 2000, r.stdout  # IVL 0.2 s + TIMEOUT 0.6 s
    print(f"\nsilent client dropped by the daemon after {m.group(2)} ms ({m.group(1)} PINGs unanswered)")


def test_watchdog_follows_the_interval_the_daemon_announces(build: Path, daemon_files: Path) -> None:
    """A daemon heartbeating every 0.3 s (not the contract's 1 s): the core learns the interval from
    sys.heartbeat and calls a silent (SIGSTOPped) daemon dead after 2 of its intervals, not 2 s."""
    interval = 0.3
    assert interval != CONTRACT_DEFAULTS["heartbeatInterval"]
    (daemon_files / "fast-heartbeat.toml").write_text(
        (daemon_files / "bridge.toml")
        .read_text()
        .replace("[publisher]\n", f"[publisher]\nheartbeat_interval = {interval}\n")
    )
    pub, ctl = _free_port(), _free_port()
    d = Daemon(daemon_files, pub, ctl, rules=False, config="fast-heartbeat.toml")
    d.start()
    client = subprocess.Popen(
        [str(build / "ttb_e2e"), "--endpoint", f"tcp://127.0.0.1:{pub}", "--watchdog", "--timeout", "30"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    out = _Lines(client)
    try:
        asked = out.wait_for("STOP_ME", timeout=20)
        if asked:
            assert d.proc is not None
            d.proc.send_signal(signal.SIGSTOP)
    finally:
        out.close(15)
        if d.proc is not None and d.proc.poll() is None:
            d.proc.send_signal(signal.SIGCONT)
        d.stop()
    report = "\n".join(out.lines)
    assert asked and client.returncode == 0, report
    assert f"INTERVAL announced={interval:.3f} used={interval:.3f}" in report, report
    m = re.search(r'WATCHDOG after (\d+) ms interval=([\d.]+) reason="no traffic from the daemon', report)
    assert m, report
    expected_ms = interval * CONTRACT_DEFAULTS["livenessIntervals"] * 1000
    assert expected_ms * 0.75 <= int(m.group(1)) < expected_ms + 800, report
    print(f"\nsilent daemon noticed after {m.group(1)} ms (2 x the announced {interval} s)")


# ---------------------------------------------------------------- Unreal layer

UE_SOURCES = sorted([*MODULE.rglob("*.cpp"), *(ROOT / "unreal_plugin" / "Examples").rglob("*.cpp")])


# (compiler, standard, shadow warnings): g++ at C++17, and clang++ at C++20 with -Wshadow-all, as
# UE 5.3+ builds with (scripts/test.sh installs clang from Debian when it is missing).
SHIM_COMPILERS = [("g++", "-std=c++17", "-Wshadow"), ("clang++", "-std=c++20", "-Wshadow-all")]


@pytest.mark.parametrize(("compiler", "standard", "shadow"), SHIM_COMPILERS, ids=["g++17", "clang++20"])
def test_unreal_layer_compiles_against_the_shim(
    tmp_path: Path, compiler: str, standard: str, shadow: str
) -> None:
    """-fsyntax-only of every Unreal-side file against tests/cpp/ue_shim.

    The shim declares only what the plugin uses, with Epic's signatures; the
    *.generated.h headers are created here, each defining the GENERATED_BODY
    of its file's classes (typedefs Super/ThisClass), as UHT would.
    """
    gen = tmp_path / "generated"
    gen.mkdir()
    headers = [*MODULE.rglob("*.h"), *(ROOT / "unreal_plugin" / "Examples").rglob("*.h")]
    for header in headers:
        text = header.read_text(encoding="utf-8")
        if ".generated.h" not in text:
            continue
        (gen / f"{header.stem}.generated.h").write_text(_generated_header(header, text))
    include = [
        "-I", str(CPP / "ue_shim"), "-I", str(gen), "-I", str(MODULE / "Public"),
        "-I", str(MODULE / "Private"), "-I", str(MODULE / "Private" / "Core"),
        "-I", str(ROOT / "unreal_plugin" / "Examples"),
    ]  # fmt: skip
    assert shutil.which(compiler), f"{compiler} not found (scripts/test.sh installs it)"
    flags = [standard, "-fsyntax-only", "-fno-exceptions", "-fno-rtti", "-Wall", "-Wextra", shadow, "-Werror",
             "-DTIKTOKBRIDGE_API=", "-DWITH_EDITOR=1"]  # fmt: skip
    failures = []
    for src in UE_SOURCES:
        # Core files get CoreMinimal.h forced in first, as UBT's shared PCH does: Unreal's
        # macros (check, TEXT, ...) must not collide with anything in the engine-free core.
        extra = ["-include", "CoreMinimal.h"] if "Private/Core" in src.as_posix() else []
        r = _run([compiler, *flags, *include, *extra, str(src)], timeout=120)
        if r.returncode != 0:
            failures.append(f"{src.relative_to(ROOT)}:\n{r.stderr[-3000:]}")
    # UBT's unity build: every .cpp of the module in one translation unit (anonymous
    # namespaces and static helpers must not collide).
    unity = tmp_path / "Module.TikTokBridge.cpp"
    unity.write_text("".join(f'#include "{src}"\n' for src in sorted(MODULE.rglob("*.cpp"))))
    r = _run([compiler, *flags, *include, "-include", "CoreMinimal.h", str(unity)], timeout=180)
    if r.returncode != 0:
        failures.append(f"unity build:\n{r.stderr[-3000:]}")
    assert not failures, "\n".join(failures)
    assert len(UE_SOURCES) >= 13


def _generated_header(header: Path, text: str) -> str:
    """A stand-in for UHT's output: GENERATED_BODY per line, as UE's macros expect."""
    file_id = "TTB_FID_" + re.sub(r"\W", "_", header.stem)
    out = [f"#undef CURRENT_FILE_ID\n#define CURRENT_FILE_ID {file_id}\n"]
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if "GENERATED_BODY()" not in line:
            continue
        # the class or struct this GENERATED_BODY belongs to
        for j in range(i, -1, -1):
            m = re.match(
                r"\s*(class|struct)\s+(?:\w+_API\s+)?(\w+)(?:\s*(?:final)?\s*:\s*public\s+(\w+))?", lines[j]
            )
            if m and not lines[j].rstrip().endswith(";"):
                kind, name, base = m.group(1), m.group(2), m.group(3)
                break
        else:
            raise AssertionError(f"no class for GENERATED_BODY in {header}:{i + 1}")
        body = [f"public: typedef {name} ThisClass;"]
        if base:
            body.append(f"typedef {base} Super;")
        if kind == "class":
            body.append("static UClass* StaticClass();")
            body.append("private:")
        else:
            body.append("static UScriptStruct* StaticStruct();")
        out.append(f"#define {file_id}_{i + 1}_GENERATED_BODY {' '.join(body)}\n")
    return "".join(out)


def _declared(pattern: str, text: str) -> set[str]:
    return set(re.findall(pattern, text))


def test_every_contract_event_has_a_ustruct_and_a_delegate() -> None:
    spec = importlib.util.spec_from_file_location(
        "gen_events", ROOT / "unreal_plugin" / "tools" / "gen_events.py"
    )
    assert spec is not None and spec.loader is not None
    gen_events = importlib.util.module_from_spec(spec)
    sys.modules["gen_events"] = gen_events  # dataclasses look their module up
    spec.loader.exec_module(gen_events)
    types_h = (MODULE / "Public" / "TikTokBridgeTypes.h").read_text(encoding="utf-8")
    subsystem_h = (MODULE / "Public" / "TikTokBridgeSubsystem.h").read_text(encoding="utf-8")
    ustructs = _declared(r"USTRUCT\(BlueprintType\)\s*struct\s+TIKTOKBRIDGE_API\s+(\w+)", types_h)
    delegate_types = {
        m.group(1): m.group(2)
        for m in re.finditer(r"DECLARE_DYNAMIC_MULTICAST_DELEGATE_OneParam\((\w+),\s*const\s+(\w+)&", types_h)
    }
    assignable = dict(
        (name, type_)
        for type_, name in re.findall(r"UPROPERTY\(BlueprintAssignable[^)]*\)\s*(\w+)\s+(\w+);", subsystem_h)
    )
    mapping = gen_events.mapping()
    missing = []
    for event in CONTRACT["events"]:
        struct_name, delegate = mapping[event["name"]]
        if struct_name not in ustructs:
            missing.append(f"{event['name']}: no USTRUCT {struct_name}")
        if delegate not in assignable:
            missing.append(f"{event['name']}: no BlueprintAssignable {delegate}")
        elif delegate_types.get(assignable[delegate]) != struct_name:
            missing.append(f"{event['name']}: {delegate} does not carry {struct_name}")
    assert not missing, missing
    # the names Blueprint users are told about in docs/unreal.md
    for name in ["OnChatEvent", "OnGiftEvent", "OnLikeEvent", "OnMemberEvent", "OnFollowEvent", "OnShareEvent",
                 "OnSubscribeEvent", "OnViewerCountUpdate", "OnBattleUpdate", "OnEmoteChatEvent", "OnQuestionEvent",
                 "OnEnvelopeEvent", "OnRoomPinEvent", "OnStreamEnd", "OnGameAction", "OnConnected", "OnDisconnected",
                 "OnReconnecting", "OnAnyEvent"]:  # fmt: skip
        assert name in assignable, name
    for struct_ in CONTRACT["structs"]:
        assert f"FTikTok{struct_['name']}" in ustructs


def test_number_text_under_a_comma_decimal_locale(build: Path, tmp_path: Path) -> None:
    """The core's JSON numbers, control-request numbers and messages keep '.' under de_DE.UTF-8
    (built here with localedef into a private LOCPATH: the system's locales are not touched)."""
    locales = tmp_path / "locales"
    locales.mkdir()
    made = _run(["localedef", "-i", "de_DE", "-f", "UTF-8", str(locales / "de_DE.UTF-8")], timeout=60)
    assert made.returncode in (0, 1) and (locales / "de_DE.UTF-8").exists(), made.stderr  # 1: warnings only
    env = {
        **os.environ,
        "LOCPATH": str(locales),
        "TTB_COMMA_LOCALE": "de_DE.UTF-8",
        # glibc keeps setlocale()'s names for the life of the process: not our leak
        "LSAN_OPTIONS": f"suppressions={CPP / 'lsan.supp'}",
    }
    r = _run([str(build / "ttb_unit_tests"), "locale"], timeout=60, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "comma-decimal locale de_DE.UTF-8: number text unchanged" in r.stdout
    assert "2 tests, 0 failed" in r.stdout, r.stdout


def test_troubleshooting_messages_are_the_plugins() -> None:
    """Every message docs/unreal.md's troubleshooting table quotes is one the plugin produces."""
    doc = (ROOT / "docs" / "unreal.md").read_text(encoding="utf-8")
    table = doc[doc.index("## Troubleshooting") :].split("\n## ")[0]
    quoted = re.findall(r"(?:says|reason) `([^`]+)`|\(or `([^`]+)`", table)
    messages = [a or b for a, b in quoted]
    assert len(messages) >= 3, messages
    literals = "".join(
        "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', p.read_text(encoding="utf-8")))
        for p in MODULE.rglob("*.cpp")
    )
    for message in messages:
        # the fixed part: up to a number or to the first ": " (what follows is filled in at run time)
        fixed = re.split(r"\d|(?<=: )", message, maxsplit=1)[0]
        assert fixed and fixed in literals, f"{message!r} ({fixed!r}) is not in the plugin's sources"
