"""Three daemons behind one forwarder, as separate processes on loopback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path
from typing import Any

import msgpack
import pytest
import zmq
from helpers import free_port

from bridge.server.shard import shard_of

ROOMS = [f"creator{i}" for i in range(9)]


def spawn(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "bridge", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )


def wait_http(url: str, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def daemon_config(tmp: Path, index: int, front: str, fake: str, control: str) -> Path:
    path = tmp / f"daemon{index}.toml"
    rooms = ", ".join(f'"{r}"' for r in ROOMS)
    path.write_text(
        f"""
[publisher]
endpoint = "{front}"
connect = true
daemon_id = "d{index}"
heartbeat_interval = 0.3

[shard]
index = {index}
count = 3

[tiktok]
rooms = [{rooms}]
web_base = "{fake}"
webcast_base = "{fake}"
backoff_base = 0.1
backoff_cap = 0.5
poll_interval = 0.5
max_connections = 9

[sign]
base_url = "{fake}"

[control]
endpoint = "{control}"

[game]
ledger_dir = "{tmp / f"ledger{index}"}"
""",
        encoding="utf-8",
    )
    return path


class Feed:
    """A subscriber on the forwarder's backend, recording who delivered what."""

    def __init__(self, endpoint: str) -> None:
        self.socket: zmq.Socket[Any] = zmq.Context.instance().socket(zmq.SUB)
        self.socket.setsockopt(zmq.LINGER, 0)
        self.socket.setsockopt(zmq.SUBSCRIBE, b"")
        self.socket.connect(endpoint)
        self.owners: dict[str, set[str]] = defaultdict(set)
        self.last: dict[str, float] = {}
        self.statuses: list[dict[str, Any]] = []
        self.events = 0

    def pump(self, seconds: float, until: Any = None) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not (until and until()):
            if self.socket.poll(50):
                message = msgpack.unpackb(self.socket.recv_multipart()[1])
                kind = message["type"]
                if kind == "sys.status":
                    self.statuses.append(message)
                elif not kind.startswith("sys.") and "room" in message:
                    self.events += 1
                    self.owners[message["room"]].add(message.get("daemon", "?"))
                    self.last[message["room"]] = time.monotonic()


def request(endpoint: str, body: bytes) -> dict[str, Any]:
    req: zmq.Socket[Any] = zmq.Context.instance().socket(zmq.REQ)
    req.setsockopt(zmq.LINGER, 0)
    req.setsockopt(zmq.RCVTIMEO, 8000)
    req.connect(endpoint)
    req.send(body)
    reply: dict[str, Any] = msgpack.unpackb(req.recv())
    req.close()
    return reply


@pytest.mark.slow
def test_three_daemons_one_forwarder(tmp_path: Path) -> None:
    fake_port = free_port()
    fake = f"http://127.0.0.1:{fake_port}"
    front, back, proxy_control = (f"tcp://127.0.0.1:{free_port()}" for _ in range(3))
    controls = [f"tcp://127.0.0.1:{free_port()}" for _ in range(3)]
    processes: list[subprocess.Popen[bytes]] = []
    try:
        processes.append(
            spawn(
                "fake-tiktok",
                "--port",
                str(fake_port),
                "--rate",
                "40",
                *(x for r in ROOMS for x in ("--room", r)),
            )
        )
        wait_http(f"{fake}/@creator0/live")
        processes.append(
            spawn(
                "proxy",
                "--frontend",
                front,
                "--backend",
                back,
                "--control",
                proxy_control,
                env={"BRIDGE_PROXY_DAEMON_TIMEOUT": "1.5"},
            )
        )
        feed = Feed(back)
        configs = [daemon_config(tmp_path, i, front, fake, controls[i]) for i in range(3)]
        daemons = [spawn("run", "--config", str(c)) for c in configs]
        processes += daemons

        started = time.monotonic()
        feed.pump(30, until=lambda: len(feed.owners) == len(ROOMS))
        assert sorted(feed.owners) == ROOMS, "every creator delivers"
        feed.pump(3)
        for room, owners in feed.owners.items():
            assert owners == {f"d{shard_of(room, 3)}"}, (room, owners)  # exactly one daemon each
        rate = feed.events / (time.monotonic() - started)

        status = request(proxy_control, b"status")["result"]
        assert sorted(status["daemons"]) == ["d0", "d1", "d2"]
        assert all(d["state"] == "alive" for d in status["daemons"].values())
        routed = request(proxy_control, b'simulate chat@creator4 {"comment": "routed"}')
        assert routed["ok"] and routed["result"]["daemon"] == f"d{shard_of('creator4', 3)}"

        victim = 1
        victim_rooms = {r for r in ROOMS if shard_of(r, 3) == victim}
        assert victim_rooms
        daemons[victim].send_signal(signal.SIGKILL)
        daemons[victim].wait(timeout=10)
        killed_at = time.monotonic()

        def lost() -> set[str]:
            return {s["room"] for s in feed.statuses if s["reason"] == "daemon_lost"}

        feed.pump(10, until=lambda: lost() >= victim_rooms)
        assert lost() == victim_rooms
        feed.pump(2)
        for room in set(ROOMS) - victim_rooms:  # the other daemons keep delivering
            assert feed.last[room] > killed_at + 1, room

        daemons[victim] = spawn("run", "--config", str(configs[victim]))
        processes.append(daemons[victim])
        restarted_at = time.monotonic()
        feed.pump(30, until=lambda: all(feed.last[r] > restarted_at for r in victim_rooms))
        assert all(feed.last[r] > restarted_at for r in victim_rooms), (
            "the restarted daemon resumes its shard"
        )
        print(f"\nforwarded {rate:.0f} events/s from 3 daemons x 3 rooms at 40 msg/s per room")
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
