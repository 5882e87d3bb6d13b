#!/usr/bin/env python3
"""What the web console costs: the daemon's CPU at 1,000 events/s with and without it, and a stalled tab.

Usage: python benchmarks/console.py [--rate 1000] [--seconds 8] [--repeat 3]

Each case runs a real daemon (``python -m bridge run --direct``, the
simulator at ``--rate`` messages/s), lets it warm up, then measures for
``--seconds``: the daemon's CPU (user + system, % of one core), its RSS, and
the events/s a ZeroMQ subscriber receives. The cases run in turn ``--repeat``
times (the machine is shared: interleaving spreads its noise over every case)
and the medians are printed. The cases:

- ``no console``: ``--no-console``;
- ``console, no page``: the console in the daemon's process, nobody watching;
- ``console, page reading``: plus one browser-like WebSocket client reading every push;
- ``console, stalled page``: instead a client that opens the WebSocket and never reads
  (its receive buffer full, as a frozen tab's): the console drops its feed lines;
- ``standalone console``: ``tiktok-bridge console`` in its own process, a page reading;
  the console process's CPU is the console's whole cost, the daemon's shows it adds nothing there.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import zmq
from aiohttp import ClientSession, WSMsgType

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import free_port, proc_cpu_seconds, proc_rss_mib  # noqa: E402


@dataclass
class Case:
    """One measured configuration."""

    name: str
    in_process: bool = False
    standalone: bool = False
    page: str = ""  # "", "reading" or "stalled"


@dataclass
class Result:
    """What one case measured."""

    name: str
    events_per_second: float
    daemon_cpu: float
    daemon_rss: float
    console_cpu: float
    page_lines: int
    page_lost: int


def _start(args: list[str], log: Path, ready: str) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        process = subprocess.Popen([sys.executable, "-m", "bridge", *args], stdout=out, stderr=out)
    deadline = time.monotonic() + 30
    while ready not in log.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(log.read_text(errors="replace"))
        time.sleep(0.1)
    return process


class Counter(threading.Thread):
    """A SUB socket counting upstream events."""

    def __init__(self, endpoint: str) -> None:
        super().__init__(daemon=True)
        self.socket: zmq.Socket[Any] = zmq.Context.instance().socket(zmq.SUB)
        self.socket.setsockopt(zmq.SUBSCRIBE, b"")
        self.socket.connect(endpoint)
        self.count = 0
        self.running = True

    def run(self) -> None:
        while self.running:
            if self.socket.poll(100):
                topic, _ = self.socket.recv_multipart()
                if not topic.startswith(b"sys."):
                    self.count += 1
        self.socket.close()


class Page(threading.Thread):
    """A browser-like WebSocket client of the console that reads every push."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.lines = 0
        self.lost = 0
        self.running = True

    def run(self) -> None:
        asyncio.run(self._read())

    async def _read(self) -> None:
        origin = self.url.rstrip("/")
        async with (
            ClientSession() as http,
            http.ws_connect(self.url + "ws", headers={"Origin": origin}) as ws,
        ):
            while self.running:
                try:
                    message = await ws.receive(timeout=0.5)
                except TimeoutError:
                    continue
                if message.type != WSMsgType.TEXT:
                    return
                data: dict[str, Any] = message.json()
                if data["t"] == "feed":
                    self.lines += len(data["lines"])
                    self.lost = data["lost"]


def stalled_page(port: int) -> socket.socket:
    """A WebSocket that is opened and then never read."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", port))
    sock.sendall(
        (
            f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
        ).encode()
    )
    return sock


def measure(case: Case, rate: float, seconds: float, workdir: Path) -> Result:
    pub, ctl, port = (free_port() for _ in range(3))
    log = workdir / f"{case.name.replace(' ', '_').replace(',', '')}.log"
    os.environ["BRIDGE_GAME_LEDGER_DIR"] = tempfile.mkdtemp(dir=workdir)  # a fresh ledger: no resumed journal
    args = ["run", "--direct", "--rate", str(rate), "--endpoint", f"tcp://127.0.0.1:{pub}"]
    args += ["--control", f"tcp://127.0.0.1:{ctl}", "--log-level", "info"]
    args += ["--console-port", str(port)] if case.in_process else ["--no-console"]
    daemon = _start(args, log, "publishing on")
    console = None
    if case.standalone:
        console_args = [
            "console",
            "--endpoint",
            f"tcp://127.0.0.1:{pub}",
            "--control",
            f"tcp://127.0.0.1:{ctl}",
        ]
        console = _start([*console_args, "--port", str(port)], workdir / "standalone.log", "console on")
    counter = Counter(f"tcp://127.0.0.1:{pub}")
    counter.start()
    page = Page(f"http://127.0.0.1:{port}/") if case.page == "reading" else None
    stalled = None
    try:
        time.sleep(1.0)
        if page is not None:
            page.start()
        if case.page == "stalled":
            stalled = stalled_page(port)
        time.sleep(3.0)
        start, events = time.monotonic(), counter.count
        cpu = proc_cpu_seconds(daemon.pid)
        console_cpu = proc_cpu_seconds(console.pid) if console else 0.0
        time.sleep(seconds)
        elapsed = time.monotonic() - start
        result = Result(
            name=case.name,
            events_per_second=(counter.count - events) / elapsed,
            daemon_cpu=100 * (proc_cpu_seconds(daemon.pid) - cpu) / elapsed,
            daemon_rss=proc_rss_mib(daemon.pid),
            console_cpu=100 * (proc_cpu_seconds(console.pid) - console_cpu) / elapsed if console else 0.0,
            page_lines=page.lines if page else 0,
            page_lost=page.lost if page else 0,
        )
    finally:
        counter.running = False
        if page is not None:
            page.running = False
            page.join(timeout=5)
        if stalled is not None:
            stalled.close()
        for process in (console, daemon):
            if process is not None:
                process.terminate()
                process.wait(timeout=10)
    return result


def median(results: list[Result]) -> Result:
    """Each figure's median over the rounds."""

    def mid(values: list[float]) -> float:
        return statistics.median(values)

    return Result(
        name=results[0].name,
        events_per_second=mid([r.events_per_second for r in results]),
        daemon_cpu=mid([r.daemon_cpu for r in results]),
        daemon_rss=mid([r.daemon_rss for r in results]),
        console_cpu=mid([r.console_cpu for r in results]),
        page_lines=int(mid([r.page_lines for r in results])),
        page_lost=int(mid([r.page_lost for r in results])),
    )


CASES = [
    Case("no console"),
    Case("console, no page", in_process=True),
    Case("console, page reading", in_process=True, page="reading"),
    Case("console, stalled page", in_process=True, page="stalled"),
    Case("standalone console", standalone=True, page="reading"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rate", type=float, default=1000.0, help="simulated messages per second")
    parser.add_argument("--seconds", type=float, default=8.0, help="measured seconds per case")
    parser.add_argument("--repeat", type=int, default=3, help="rounds over every case (medians are printed)")
    args = parser.parse_args()
    runs: dict[str, list[Result]] = {case.name: [] for case in CASES}
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.repeat):
            for case in CASES:
                runs[case.name].append(measure(case, args.rate, args.seconds, Path(tmp)))
                print(f"round {round_ + 1}: measured {case.name}", file=sys.stderr, flush=True)
    results = [median(rs) for rs in runs.values()]
    base = results[0].daemon_cpu
    print(
        f"{'case':<24} {'events/s':>9} {'daemon CPU':>11} {'vs no console':>14} {'RSS MiB':>8} "
        f"{'console CPU':>12} {'page lines':>11} {'lost':>7}"
    )
    for r in results:
        print(
            f"{r.name:<24} {r.events_per_second:>9.0f} {r.daemon_cpu:>10.1f}% {r.daemon_cpu - base:>+13.1f}% "
            f"{r.daemon_rss:>8.1f} {r.console_cpu:>11.1f}% {r.page_lines:>11} {r.page_lost:>7}"
        )


if __name__ == "__main__":
    main()
