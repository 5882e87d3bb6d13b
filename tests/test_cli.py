"""The command line, run as a user would: real processes, real sockets."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgpack
import pytest
import zmq
from helpers import free_port

from bridge import __version__
from bridge.contract import validate

CORE_TYPES = {"chat", "gift", "like", "member", "roomUserSeq"}


def bridge(
    *args: str, env: dict[str, str] | None = None, timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bridge", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(autouse=True)
def ledger_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every daemon these tests start keeps its ledger journals in the test's own directory."""
    monkeypatch.setenv("BRIDGE_GAME_LEDGER_DIR", str(tmp_path / "ledger"))


@pytest.fixture
def daemon_endpoint() -> Iterator[tuple[str, subprocess.Popen[str]]]:
    endpoint = f"tcp://127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "bridge", "run", "--endpoint", endpoint, "--rate", "200"),
            *("--control", f"tcp://127.0.0.1:{free_port()}"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield endpoint, process
    if process.poll() is None:
        process.kill()
    process.communicate(timeout=10)


def test_version_and_help() -> None:
    assert bridge("--version").stdout.strip() == f"tiktok-live-bridge {__version__}"
    helped = bridge("--help").stdout
    for word in ("run", "tail", "tiktok-bridge run", "BRIDGE_PUREPYTHON", "docs/events.md"):
        assert word in helped
    assert "--scenario" in bridge("run", "--help").stdout
    nothing = bridge()
    assert nothing.returncode == 2 and "usage:" in nothing.stdout


def test_run_publishes_core_events_then_stops_cleanly(
    daemon_endpoint: tuple[str, subprocess.Popen[str]],
) -> None:
    endpoint, process = daemon_endpoint
    sub: zmq.Socket[Any] = zmq.Context.instance().socket(zmq.SUB)
    sub.setsockopt(zmq.LINGER, 0)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect(endpoint)
    started = time.monotonic()
    seen: dict[str, float] = {}
    messages: list[dict[str, Any]] = []
    while not CORE_TYPES <= set(seen) and time.monotonic() - started < 20:
        if sub.poll(100):
            frames = sub.recv_multipart()
            assert len(frames) == 2
            event = msgpack.unpackb(frames[1])
            assert frames[0].decode().startswith(event["type"])
            messages.append(event)
            seen.setdefault(event["type"], time.monotonic() - started)
    assert CORE_TYPES <= set(seen), seen
    for event in messages:
        assert validate(event) == [], event
    process.send_signal(signal.SIGTERM)
    statuses = []
    deadline = time.monotonic() + 10
    while process.poll() is None and time.monotonic() < deadline:
        if sub.poll(100):
            event = msgpack.unpackb(sub.recv_multipart()[1])
            if event["type"] == "sys.status":
                statuses.append(event["state"])
    assert process.wait(timeout=10) == 0
    while sub.poll(200):
        event = msgpack.unpackb(sub.recv_multipart()[1])
        if event["type"] == "sys.status":
            statuses.append(event["state"])
    assert statuses[-1:] == ["disconnected"]
    log = process.stderr.read() if process.stderr else ""
    assert "publishing on " + endpoint in log and "stopped after" in log
    sub.close()


def test_tail_prints_events(daemon_endpoint: tuple[str, subprocess.Popen[str]]) -> None:
    endpoint, _ = daemon_endpoint
    result = bridge(
        "tail", "--endpoint", endpoint, "--json", "-n", "8", "-t", "like", "-t", "chat", timeout=30
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0 and len(lines) == 8
    assert {e["type"] for e in lines} <= {"like", "chat"}
    text = bridge("tail", "--endpoint", endpoint, "-n", "3", "-t", "member", timeout=30)
    assert text.stdout.count("@simulated") == 3 and "joined" in text.stdout


def test_tail_timeout_without_daemon() -> None:
    result = bridge("tail", "--endpoint", f"tcp://127.0.0.1:{free_port()}", "--timeout", "0.3")
    assert result.returncode == 1 and "no events" in result.stderr


def test_bad_config_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "bridge.toml"
    path.write_text("[publisher]\nsndhwm = -5\n", encoding="utf-8")
    result = bridge("run", "--config", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == f"tiktok-bridge: error: {path}: publisher.sndhwm = -5: must be at least 1"
    result = bridge("run", "--scenario", "nope")
    assert result.returncode == 2 and "unknown scenario 'nope'" in result.stderr
    result = bridge("run", env={"BRIDGE_PUBLISHER_ENDPOINT": "tcp://0.0.0.0:1"})
    assert result.returncode == 2 and "BRIDGE_PUBLISHER_ENDPOINT" in result.stderr


def test_endpoint_in_use(daemon_endpoint: tuple[str, subprocess.Popen[str]]) -> None:
    endpoint, _ = daemon_endpoint
    time.sleep(0.5)
    result = bridge("run", "--endpoint", endpoint)
    assert result.returncode == 2 and "cannot bind" in result.stderr


@pytest.mark.parametrize(("env", "expected"), [({"BRIDGE_PUREPYTHON": "1"}, "python"), ({}, None)])
def test_implementation_selection(env: dict[str, str], expected: str | None) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import bridge.codec as c; print(c.IMPLEMENTATION)"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )
    want = expected or ("cython" if os.environ.get("BRIDGE_REQUIRE_NATIVE") == "1" else result.stdout.strip())
    assert result.stdout.strip() == want


def test_json_logs() -> None:
    endpoint = f"tcp://127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bridge",
            "run",
            "--endpoint",
            endpoint,
            "--control",
            "",
            "--log-format",
            "json",
            "--direct",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.0)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=10)
    records = [json.loads(line) for line in stderr.splitlines()]
    assert records and all({"ts", "level", "logger", "msg"} <= set(r) for r in records)
    assert any("publishing on " + endpoint in r["msg"] for r in records)
    assert records[-1]["msg"].startswith("stopped after")


def test_cohost_battle_scenario_shows_in_tail() -> None:
    # docs/fake-tiktok.md: the built-in cohost-battle scenario plays a whole co-host battle in 20 s
    endpoint = f"tcp://127.0.0.1:{free_port()}"
    daemon = subprocess.Popen(
        [
            *(sys.executable, "-m", "bridge", "run", "--scenario", "cohost-battle", "--no-console"),
            *("--endpoint", endpoint, "--control", f"tcp://127.0.0.1:{free_port()}"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        tails = [
            subprocess.Popen(
                [sys.executable, "-m", "bridge", "tail", "--endpoint", endpoint, "--json", "-n", str(count)]
                + [arg for kind in kinds for arg in ("-t", kind)],
                stdout=subprocess.PIPE,
                text=True,
            )
            for count, kinds in (
                (12, ("coHost", "battle", "battleTask", "battleCard", "battlePunish")),
                (20, ("battleArmies", "coHostScore")),
            )
        ]
        story, scores = (
            [json.loads(line) for line in tail.communicate(timeout=60)[0].splitlines()] for tail in tails
        )
    finally:
        daemon.kill()
        daemon.wait(timeout=10)
    assert {e["type"] for e in story} == {"coHost", "battle", "battleTask", "battleCard", "battlePunish"}
    assert {e.get("layerAction") for e in story if e["type"] == "coHost"} & {9, 11, 12}
    finished = [e for e in story if e["type"] == "battle" and e.get("action") == 5]
    assert finished and len(finished[0]["results"]) == 2  # the end, with both sides' results
    assert {e["type"] for e in scores} == {"battleArmies", "coHostScore"}
    totals: dict[int, list[int]] = {}
    for e in scores:
        if e["type"] == "coHostScore" and "hosts" in e:  # every host's score (LinkMicFanTicketMethod)
            totals.setdefault(e["matchId"], []).append(e.get("total", 0))
    assert totals and all(t == sorted(t) for t in totals.values())  # scores rise during a battle
