"""Per-room state of a real daemon process stays bounded, whatever room names ``simulate`` is given."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import msgpack
import zmq
from helpers import free_port

FD_LIMIT = 128


def _limit_fds() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (FD_LIMIT, FD_LIMIT))


def _ask(context: zmq.Context[Any], endpoint: str, request: dict[str, Any]) -> dict[str, Any]:
    with context.socket(zmq.REQ) as req:
        req.setsockopt(zmq.LINGER, 0)
        req.setsockopt(zmq.RCVTIMEO, 5000)
        req.connect(endpoint)
        req.send(msgpack.packb(request))
        reply: dict[str, Any] = msgpack.unpackb(req.recv())
        return reply


def _settled_fds(pid: int, timeout: float = 15.0) -> int:
    """The process's open-descriptor count once start-up has finished opening files: the same for 1 s."""
    deadline = time.monotonic() + timeout
    counts: list[int] = []
    while time.monotonic() < deadline:
        counts = [*counts[-3:], len(os.listdir(f"/proc/{pid}/fd"))]
        if len(counts) == 4 and len(set(counts)) == 1:
            return counts[0]
        time.sleep(0.25)
    raise AssertionError(f"the descriptor count never settled: {counts}")


def test_a_thousand_simulated_rooms_and_path_names_under_a_low_fd_limit(tmp_path: Path) -> None:
    publisher, control = f"tcp://127.0.0.1:{free_port()}", f"tcp://127.0.0.1:{free_port()}"
    ledger = tmp_path / "a" / "b" / "ledger"
    config = tmp_path / "bridge.toml"
    config.write_text(
        f'[publisher]\nendpoint = "{publisher}"\nheartbeat_interval = 0.2\n'
        f'[control]\nendpoint = "{control}"\nmax_requests_per_second = 100000\n'
        '[simulator]\nvia = "direct"\nrate = 20\n'
        f'[game]\nledger_dir = "{ledger}"\n',
        encoding="utf-8",
    )
    daemon = subprocess.Popen(
        [sys.executable, "-m", "bridge", "run", "--config", str(config)],
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_limit_fds,
    )
    context: zmq.Context[Any] = zmq.Context()
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if _ask(context, control, {"cmd": "ping"})["ok"]:
                    break
            except zmq.Again:
                assert time.monotonic() < deadline, "the daemon never answered"
        fds_before = _settled_fds(daemon.pid)
        outside = str(tmp_path / "outside")
        hostile = [outside, "../../x", "/etc/passwd", "..", "a/../../b"]
        replies = [
            _ask(
                context, control, {"cmd": "simulate", "type": "gift", "room": name, "fields": {"giftType": 1}}
            )
            for name in [f"viewer{i}" for i in range(1_000)] + hostile
        ]
        assert all(r["ok"] or r["error"]["code"] == "bad_request" for r in replies), replies[-5:]
        assert sum(r["ok"] for r in replies[:1_000]) == 1_000
        fds_after = len(os.listdir(f"/proc/{daemon.pid}/fd"))
        # still serving: control clients and a new subscriber get in
        for _ in range(20):
            assert _ask(context, control, {"cmd": "ping"}) == {"ok": True, "result": "pong"}
        with context.socket(zmq.SUB) as sub:
            sub.setsockopt(zmq.SUBSCRIBE, b"sys.heartbeat")
            sub.connect(publisher)
            assert sub.poll(5000), "no heartbeat for a new subscriber"
            beat = msgpack.unpackb(sub.recv_multipart()[1])
        assert "listenerFailures" not in beat and "taskFailures" not in beat
    finally:
        daemon.terminate()
        _, stderr = daemon.communicate(timeout=10)
        context.term()
    assert daemon.returncode == 0, stderr[-2000:]
    assert fds_after <= fds_before + 2, (fds_before, fds_after)
    print(f"fds {fds_before} before and {fds_after} after 1,000 simulated rooms (limit {FD_LIMIT})")
    assert "Traceback" not in stderr and "Too many open files" not in stderr
    # simulated events never reach the ledger: only the simulator's own (real) room has a journal
    assert sorted(p.name for p in ledger.iterdir()) == ["simulated.jsonl"]
    assert [p for p in tmp_path.rglob("*.jsonl") if p.parent != ledger] == []
