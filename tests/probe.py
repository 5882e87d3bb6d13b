"""Real ``tiktok-bridge run`` and ``tiktok-bridge proxy`` processes, and the checks that they still serve.

:class:`LiveDaemon` starts the daemon on free ports with a temporary state
directory and a short heartbeat, and :meth:`LiveDaemon.assert_serving` proves
it still works after whatever a test threw at it: ``ping`` is answered,
``sys.heartbeat`` keeps its interval, a good event sent now is published, and
the log holds no traceback. :class:`LiveProxy` starts a forwarder the same way.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import msgpack
import zmq
from helpers import free_port

HEARTBEAT = 0.2
"""The daemon's ``publisher.heartbeat_interval`` in these tests."""


class LiveDaemon:
    """``tiktok-bridge run`` on free loopback ports, with a SUB socket and a control client."""

    def __init__(
        self, state: Path, config: str = "", args: tuple[str, ...] = (), env: dict[str, str] | None = None
    ) -> None:
        state.mkdir(parents=True, exist_ok=True)
        self.state = state
        self.endpoint = f"tcp://127.0.0.1:{free_port()}"
        self.control = f"tcp://127.0.0.1:{free_port()}"
        self.config_path = state / "bridge.toml"
        self.config_path.write_text(
            f'[publisher]\nendpoint = "{self.endpoint}"\nheartbeat_interval = {HEARTBEAT}\n'
            f'[control]\nendpoint = "{self.control}"\nmax_requests_per_second = 100000\n'
            f'[game]\nledger_dir = "{state / "ledger"}"\n'
            '[simulator]\nvia = "direct"\nrate = 5\n' + config,
            encoding="utf-8",
        )
        self.log_path = state / "daemon.log"
        self.args = args
        self.env = env or {}
        self.context: zmq.Context[zmq.Socket[Any]] = zmq.Context.instance()
        self.sub = self.context.socket(zmq.SUB)
        self.sub.setsockopt(zmq.LINGER, 0)
        self.sub.setsockopt(zmq.SUBSCRIBE, b"")
        self.client = self.context.socket(zmq.DEALER)
        self.client.setsockopt(zmq.LINGER, 0)
        self.process: subprocess.Popen[bytes] | None = None
        self._marker = 0

    def __enter__(self) -> LiveDaemon:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BRIDGE_")} | self.env
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bridge", "run", "-c", str(self.config_path), *self.args],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
            )
        self.sub.connect(self.endpoint)
        self.client.connect(self.control)
        deadline = time.monotonic() + 20
        while self.ask(b"ping", timeout=0.5) is None:
            assert self.process.poll() is None, self.log()
            assert time.monotonic() < deadline, f"the daemon did not start:\n{self.log()}"
        while not any(topic == "sys.heartbeat" for topic, _, _ in self.messages(HEARTBEAT)):
            assert time.monotonic() < deadline, f"no heartbeat reached the subscriber:\n{self.log()}"
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.sub.close()
        self.client.close()
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
                raise AssertionError(f"the daemon ignored SIGTERM:\n{self.log()}") from None

    def log(self) -> str:
        """Everything the daemon logged so far."""
        return self.log_path.read_text("utf-8", "replace")

    def ask(self, body: bytes | dict[str, Any], timeout: float = 5.0) -> dict[str, Any] | None:
        """One control request (raw bytes or a map); its reply, or ``None`` after ``timeout``."""
        raw = body if isinstance(body, bytes) else msgpack.packb(body, use_bin_type=True)
        while self.client.poll(0):  # a late reply to a request that timed out
            self.client.recv_multipart()
        self.client.send_multipart([b"", raw])
        if not self.client.poll(int(timeout * 1000)):
            return None
        frames = self.client.recv_multipart()
        reply: dict[str, Any] = msgpack.unpackb(frames[-1], raw=False)
        return reply

    def messages(self, seconds: float) -> list[tuple[str, dict[str, Any], float]]:
        """``(topic, payload, arrival)`` of what is published within ``seconds``."""
        out = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if self.sub.poll(int(left * 1000) + 1):
                topic, payload = self.sub.recv_multipart()
                out.append((topic.decode(), msgpack.unpackb(payload, raw=False), time.monotonic()))
        return out

    def drain(self) -> None:
        """Drop what is queued on the SUB socket."""
        while self.sub.poll(0):
            self.sub.recv_multipart()

    def assert_serving(self, after: str = "") -> None:
        """Ping answered, heartbeats on time, the next good event published, no traceback logged."""
        where = f" after {after}" if after else ""
        assert self.process is not None and self.process.poll() is None, f"the daemon died{where}"
        reply = self.ask(b"ping")
        assert reply == {"ok": True, "result": "pong"}, f"ping{where}: {reply}"
        self.drain()
        self._marker += 1
        comment = f"probe {self._marker}"
        fields = json.dumps({"comment": comment})
        reply = self.ask(f"simulate chat {fields}".encode())
        assert reply is not None and reply["ok"], f"simulate{where}: {reply}"
        seen = self.messages(3 * HEARTBEAT + 0.3)
        beats = [t for topic, _, t in seen if topic == "sys.heartbeat"]
        assert len(beats) >= 2, f"heartbeats stopped{where}"
        gaps = [b - a for a, b in zip(beats, beats[1:], strict=False)]
        assert max(gaps) < HEARTBEAT * 4, f"heartbeats late{where}: {gaps}"
        comments = [m.get("comment") for topic, m, _ in seen if topic.startswith("chat/")]
        assert comment in comments, f"the good event was not published{where}"
        assert "Traceback" not in self.log(), f"a traceback was logged{where}:\n{self.log()}"


class LiveProxy:
    """``tiktok-bridge proxy`` on free loopback ports, with a daemon-side PUB, an engine-side SUB and a client."""

    def __init__(self, tmp: Path, token: str = "") -> None:
        self.front, self.back, self.control = (f"tcp://127.0.0.1:{free_port()}" for _ in range(3))
        config = tmp / "proxy.toml"
        config.write_text(
            f'[proxy]\nfrontend = "{self.front}"\nbackend = "{self.back}"\ncontrol = "{self.control}"\n'
            f'daemon_timeout = 0.6\nmax_requests_per_second = 20\ntoken = "{token}"\n',
            encoding="utf-8",
        )
        config.chmod(0o600)
        self.log = tmp / "proxy.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith("BRIDGE_")}
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bridge", "proxy", "-c", str(config)], stdout=out, stderr=out, env=env
            )
        context: zmq.Context[zmq.Socket[Any]] = zmq.Context.instance()
        self.client = context.socket(zmq.DEALER)
        self.client.setsockopt(zmq.LINGER, 0)
        self.client.connect(self.control)
        self.pub = context.socket(zmq.PUB)
        self.pub.setsockopt(zmq.LINGER, 0)
        self.pub.connect(self.front)
        self.sub = context.socket(zmq.SUB)
        self.sub.setsockopt(zmq.LINGER, 0)
        self.sub.setsockopt(zmq.SUBSCRIBE, b"")
        self.sub.connect(self.back)
        self.token = token
        self._late = 0
        """Requests that timed out whose replies have not come yet."""
        deadline = time.monotonic() + 15
        while self.ask(b"ping", timeout=0.5) is None:
            assert self.process.poll() is None and time.monotonic() < deadline, self.text()

    def ask(self, body: bytes, timeout: float = 5) -> dict[str, Any] | None:
        if self.token:
            body = f"token={self.token} ".encode() + body
        # replies carry no request id: one to a request that timed out may still come, before ours
        while self._late and self.client.poll(0):
            self.client.recv_multipart()
            self._late -= 1
        self.client.send_multipart([b"", body])
        deadline = time.monotonic() + timeout
        while self.client.poll(max(0, int((deadline - time.monotonic()) * 1000))):
            reply: dict[str, Any] = msgpack.unpackb(self.client.recv_multipart()[-1])
            if not self._late:
                return reply
            self._late -= 1  # the late one; ours is next
        self._late += 1
        return None

    def text(self) -> str:
        return self.log.read_text("utf-8", "replace")

    def received(self, seconds: float) -> list[tuple[bytes, dict[str, Any]]]:
        out = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if self.sub.poll(int(left * 1000) + 1):
                topic, payload = self.sub.recv_multipart()
                if topic.startswith(b"sys.status/"):  # crafted heartbeats are forwarded as they came
                    out.append((topic, msgpack.unpackb(payload)))
        return out

    def close(self) -> None:
        for sock in (self.client, self.pub, self.sub):
            sock.close()
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(10)
