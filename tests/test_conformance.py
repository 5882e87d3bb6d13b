"""Independent clients against ``tiktok-bridge fake-tiktok``: the fake is as TikTok as they need.

TikTokLive 7.0.1 (PyPI, in the test extra) and tiktok-live-connector 2.5 (npm,
``tests/conformance/package.json``, installed by ``scripts/test.sh``) are written
and used daily against the real TikTok. Each connects to a room of a
``tiktok-bridge fake-tiktok`` process through its documented host overrides and
must receive, in its own event classes, every message kind the fake plays; the
fake's ``--report`` says that their heartbeats were answered and their acks right.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import free_port

CONFORMANCE = Path(__file__).parent / "conformance"
SCENARIO = CONFORMANCE / "scenario.toml"
NODE_CLIENT = CONFORMANCE / "node_modules" / "tiktok-live-connector"
TIMEOUT = 120.0


def tiktoklive_mappings() -> dict[str, str]:
    """TikTokLive's method -> event class names."""
    proto_events = pytest.importorskip(
        "TikTokLive.events.proto_events",
        reason="TikTokLive is not installed (pip install -e '.[test]'; skipped only if PyPI was unreachable)",
    )
    return {method: cls.__name__ for method, cls in proto_events.EVENT_MAPPINGS.items()}


def node() -> str:
    if not NODE_CLIENT.is_dir() or shutil.which("node") is None:
        pytest.skip(
            "tiktok-live-connector is not installed: scripts/test.sh runs npm ci in tests/conformance"
            " (and skips it only when the npm registry is unreachable)"
        )
    return shutil.which("node") or "node"


@contextlib.contextmanager
def fake_tiktok(tmp_path: Path, rooms: list[str]) -> Iterator[tuple[str, Path]]:
    """A ``tiktok-bridge fake-tiktok`` process: its base URL and where its report will be."""
    port = free_port()
    report = tmp_path / "report.json"
    args = ["--port", str(port), "--scenario", str(SCENARIO), "--heartbeat", "0.5", "--report", str(report)]
    for room in rooms:
        args += ["--room", room]
    process = subprocess.Popen(
        [sys.executable, "-m", "bridge", "fake-tiktok", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("fake TikTok on http://127.0.0.1:"), line
        yield f"http://127.0.0.1:{port}", report
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def peer(command: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(CONFORMANCE)}
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def result(process: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 0, err[-2000:]
    lines = [line for line in out.splitlines() if line.startswith("{")]
    assert lines, (out[-2000:], err[-2000:])
    parsed: dict[str, Any] = json.loads(lines[-1])
    return parsed


# methods tiktok-live-connector routes to its own events instead of WebcastEventMap's
NODE_ROUTES = {
    "WebcastSocialMessage": {"follow", "share", "social"},
    "WebcastBarrageMessage": {"barrage", "superFan", "superFanJoin"},
    "WebcastEnvelopeMessage": {"envelope", "superFanBox"},
    "WebcastControlMessage": {"controlMessage"},
    "WebcastGiftMessage": {"gift"},
}
# methods TikTokLive routes to custom events besides its mapped class
TIKTOKLIVE_ROUTES = {
    "WebcastSocialMessage": {"SocialEvent", "FollowEvent", "ShareEvent"},
    "WebcastControlMessage": {"ControlEvent", "LivePauseEvent", "LiveUnpauseEvent", "LiveEndEvent"},
}


def test_independent_clients_receive_every_event_type(tmp_path: Path) -> None:
    mappings = tiktoklive_mappings()
    node_binary = node()
    with fake_tiktok(tmp_path, ["alice", "bob"]) as (base, report_path):
        python_peer = peer([sys.executable, str(CONFORMANCE / "tiktoklive_client.py"), base, "alice", "90"])
        node_peer = peer([node_binary, str(CONFORMANCE / "connector_client.mjs"), base, "bob", "90"])
        tiktoklive, connector = result(python_peer), result(node_peer)
    report = json.loads(report_path.read_text())

    # TikTokLive 7.0.1: each played method arrives as its mapped class, or UnknownEvent if it has none
    alice = report["rooms"]["alice"]
    played = set(alice["methods"])
    assert len(played) >= 20 and tiktoklive["error"] == "", tiktoklive["error"]
    assert played <= set(tiktoklive["methods"]), played - set(tiktoklive["methods"])
    for method in played:
        wanted = TIKTOKLIVE_ROUTES.get(method, {mappings.get(method, "UnknownEvent")})
        assert wanted & set(tiktoklive["classes"]), (method, wanted)
    assert {"ConnectEvent", "LiveEndEvent", "DisconnectEvent"} <= set(tiktoklive["classes"]), tiktoklive
    assert alice["clientFrames"]["im_enter_room"] == 1 and alice["clientFrames"]["hb"] >= 2
    assert alice["hbAnswers"] == alice["clientFrames"]["hb"]
    assert alice["acksOk"] == alice["clientFrames"]["ack"] > 50 and alice["acksBad"] == 0

    # tiktok-live-connector 2.5: every method it has a schema for arrives as its event; enterRoom fires
    bob = report["rooms"]["bob"]
    assert connector["errors"] == []
    known = {m for m in bob["methods"] if m in connector["eventMap"] or m in NODE_ROUTES}
    assert len(known) >= 20
    assert known <= set(connector["methods"]), known - set(connector["methods"])
    for method in known:
        wanted = NODE_ROUTES.get(method, {connector["eventMap"].get(method)})
        assert wanted & set(connector["events"]), (method, wanted)
    assert {"connected", "enterRoom", "streamEnd", "disconnected"} <= set(connector["events"])
    assert connector["events"]["enterRoom"] == 1 and connector["serverHeartbeats"] >= 3
    assert bob["hbAnswers"] == bob["clientFrames"]["hb"] >= 3
    assert bob["acksOk"] == bob["clientFrames"]["ack"] > 50 and bob["acksBad"] == 0
    assert report["signCalls"] == 2
