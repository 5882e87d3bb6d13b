"""Bounded soaks of a daemon process: its memory, file descriptors and tasks measured alone.

:func:`soak` streams from the fake TikTok in this process, behind a fault
proxy, with a fault every few seconds; :func:`default_soak` runs the default
``python -m bridge run`` as a user does (the embedded fake TikTok and the
simulator, the web console on), sampling the process's RSS and open fds.
A SUB socket collects everything either publishes. Run directly for longer::

    PYTHONPATH=. python tests/soak.py --seconds 600 --rate 300
    PYTHONPATH=. python tests/soak.py --default --seconds 600 --rate 300

It prints one JSON line of figures and exits non-zero if anything was lost,
duplicated or leaked.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import msgpack
import zmq
import zmq.asyncio
from faults import FaultProxy, ProxiedFake
from helpers import free_port
from live import ROOM_ID, SCENARIO


def rss_kib(pid: int) -> int:
    """The resident set size of process ``pid`` (``VmRSS``), KiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError(f"process {pid} has no VmRSS")


def open_fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


async def soak(seconds: float, rate: float, fault_every: float = 5.0) -> dict[str, Any]:
    """Stream at ``rate`` messages/s for ``seconds`` with a fault every ``fault_every`` s."""
    rng = random.Random(11)
    endpoint, control = f"tcp://127.0.0.1:{free_port()}", f"tcp://127.0.0.1:{free_port()}"
    context = zmq.asyncio.Context()
    sub = context.socket(zmq.SUB)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.setsockopt(zmq.RCVHWM, 0)
    sub.connect(endpoint)
    published: list[int] = []
    states: list[tuple[str, str]] = []
    beats: list[dict[str, Any]] = []

    async def collect() -> None:
        while True:
            _, payload = await sub.recv_multipart()
            message = msgpack.unpackb(payload)
            if message["type"] == "sys.status":
                states.append((message["state"], message["reason"]))
            elif message["type"] == "sys.heartbeat":
                beats.append(message)
            elif "msgId" in message and message["type"] not in ("giftFinal", "action"):
                published.append(message["msgId"])

    async with ProxiedFake() as fake:
        proxy = FaultProxy(fake.port)
        await proxy.start()
        fake.proxy_port = proxy.port
        # offline until our subscription is live: nothing may be published before we listen
        room = fake.add_room("alice", ROOM_ID, scenario=replace(SCENARIO, rate=rate), live=False)
        with tempfile.TemporaryDirectory() as tmp:
            config = Path(tmp) / "soak.toml"
            config.write_text(
                f'[publisher]\nendpoint = "{endpoint}"\nsndhwm = 1000000\n'
                f'[control]\nendpoint = "{control}"\n'
                f'[tiktok]\nrooms = ["alice"]\nweb_base = "{fake.base_url}"\nwebcast_base = "{fake.base_url}"\n'
                "no_message_timeout = 1.0\nheartbeat_interval = 0.4\nbackoff_base = 0.05\nbackoff_cap = 0.2\npoll_interval = 0.2\n"
                f'[sign]\nbase_url = "{fake.base_url}"\n[game]\nledger_dir = "{tmp}/ledger"\n',
                encoding="utf-8",
            )
            daemon = subprocess.Popen(
                [sys.executable, "-m", "bridge", "run", "--config", str(config)], stderr=subprocess.DEVNULL
            )
            collector = asyncio.create_task(collect())
            faults: list[str] = []
            try:
                deadline = time.monotonic() + 30
                while not beats:  # the daemon publishes and our subscription has landed
                    if time.monotonic() > deadline:
                        raise AssertionError("no heartbeat from the daemon")
                    await asyncio.sleep(0.05)
                room.live = True
                while not beats or beats[-1].get("rooms", {}).get("alice", {}).get("state") != "connected":
                    # heartbeats repeat: a status published before our subscription landed does not
                    if time.monotonic() > deadline:
                        raise AssertionError(f"the daemon never connected; statuses {states}")
                    await asyncio.sleep(0.05)
                await asyncio.sleep(min(5.0, seconds / 4))  # warm-up
                start_rss, start_fds = rss_kib(daemon.pid), open_fds(daemon.pid)
                start_tasks = beats[-1].get("tasks", 0)
                started = time.monotonic()
                while time.monotonic() - started < seconds:
                    await asyncio.sleep(fault_every)
                    kind = ["drop", "cut", "stall", "malformed"][len(faults) % 4]
                    faults.append(kind)
                    if kind == "drop":
                        room.drop(mid_frame=rng.random() < 0.5)
                    elif kind == "cut":
                        proxy.cut_after.append(rng.randint(100, 50_000))
                        room.drop()
                    elif kind == "stall":
                        room.go_silent(True)
                        count, deadline = len(states), time.monotonic() + 10
                        while ("reconnecting", "stalled") not in states[count:]:
                            if time.monotonic() > deadline:
                                raise AssertionError(f"stall not detected; states {states[count:]}")
                            await asyncio.sleep(0.05)
                        room.go_silent(False)
                    else:
                        room.send_malformed(3)
                await asyncio.sleep(1.0)
                room.go_silent(True)
                last, still = -1, time.monotonic()
                while time.monotonic() - still < 1.0:  # drain
                    await asyncio.sleep(0.1)
                    if len(published) != last:
                        last, still = len(published), time.monotonic()
                end_rss, end_fds = rss_kib(daemon.pid), open_fds(daemon.pid)
                end_tasks = beats[-1].get("tasks", 0)
                elapsed = time.monotonic() - started
            finally:
                daemon.terminate()
                daemon.wait(timeout=10)
                collector.cancel()
                await asyncio.gather(collector, return_exceptions=True)
                sub.close(linger=0)
                context.term()
        await proxy.stop()
    sent = {i for batch in room.sent for i in batch}
    return {
        "seconds": round(elapsed, 1),
        "rate": rate,
        "faults": len(faults),
        "reconnects": sum(1 for s in states if s[0] == "reconnecting"),
        "sent": len(sent),
        "published": len(published),
        "lost": len(sent - set(published)),
        "duplicates": len(published) - len(set(published)),
        "decodeErrors": beats[-1].get("decodeErrors", 0),
        "rssStartKiB": start_rss,
        "rssEndKiB": end_rss,
        "rssGrowthPct": round(100 * (end_rss - start_rss) / start_rss, 1),
        "fdsStart": start_fds,
        "fdsEnd": end_fds,
        "tasksStart": start_tasks,
        "tasksEnd": end_tasks,
    }


async def default_soak(seconds: float, rate: float, sample_every: float = 2.0) -> dict[str, Any]:
    """``python -m bridge run --rate rate`` for ``seconds``, as a user runs it, sampled every few seconds.

    The first two thirds of the run, at most 150 s, are the warm-up, while
    capped structures fill (each of the three msgId memories holds 10,000 ids:
    37 s at 270 msg/s; the four closed-streak memories 1,000 keys: about 140 s);
    the figures are of the samples after it.
    """
    endpoint, control = f"tcp://127.0.0.1:{free_port()}", f"tcp://127.0.0.1:{free_port()}"
    context = zmq.asyncio.Context()
    sub = context.socket(zmq.SUB)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.setsockopt(zmq.RCVHWM, 0)
    sub.connect(endpoint)
    counts = {"received": 0, "events": 0, "heartbeats": 0, "gaps": 0}

    async def collect() -> None:
        last = -1
        while True:
            _, payload = await sub.recv_multipart()
            message = msgpack.unpackb(payload)
            counts["received"] += 1
            if message["type"] == "sys.heartbeat":
                counts["heartbeats"] += 1
            elif not message["type"].startswith("sys."):
                counts["events"] += 1
            seq = message.get("seq", -1)
            if last >= 0 and seq > last + 1:
                counts["gaps"] += seq - last - 1
            last = seq

    warmup = min(150.0, seconds * 2 / 3)
    samples: list[tuple[float, int, int]] = []
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "HOME": home,
            "BRIDGE_GAME_LEDGER_DIR": f"{home}/ledger",
            "BRIDGE_CONSOLE_PORT": "0",
        }
        command = [sys.executable, "-m", "bridge", "run", "--rate", f"{rate:g}"]
        command += ["--endpoint", endpoint, "--control", control]
        log = Path(home) / "daemon.log"  # a file, not a pipe nobody reads while it runs
        with log.open("wb") as stderr:
            daemon = subprocess.Popen(command, env=env, cwd=home, stderr=stderr)
        collector = asyncio.create_task(collect())
        try:
            deadline = time.monotonic() + 30
            while not counts["events"]:
                if daemon.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"no events from the daemon (exit {daemon.poll()})")
                await asyncio.sleep(0.05)
            started = time.monotonic()
            first = counts["received"]
            while time.monotonic() - started < seconds:
                await asyncio.sleep(sample_every)
                if daemon.poll() is not None:
                    raise AssertionError(f"the daemon exited ({daemon.returncode})")
                at = round(time.monotonic() - started, 1)
                samples.append((at, rss_kib(daemon.pid), open_fds(daemon.pid)))
            received = counts["received"] - first
            elapsed = time.monotonic() - started
        finally:
            daemon.terminate()
            daemon.wait(timeout=10)
            errors = log.read_text(encoding="utf-8", errors="replace")
            collector.cancel()
            await asyncio.gather(collector, return_exceptions=True)
            sub.close(linger=0)
            context.term()
    steady = [s for s in samples if s[0] >= warmup]
    rss = [s[1] for s in steady]
    fds = [s[2] for s in steady]
    return {
        "seconds": round(elapsed, 1),
        "rate": rate,
        "warmupSeconds": round(warmup, 1),
        "received": received,
        "events": counts["events"],
        "msgPerSecond": round(received / elapsed, 1),
        "gaps": counts["gaps"],
        "rssWarmKiB": rss[0],
        "rssEndKiB": rss[-1],
        "rssMinKiB": min(rss),
        "rssMaxKiB": max(rss),
        "rssSpreadPct": round(100 * (max(rss) - rss[0]) / rss[0], 1),
        "fdsMin": min(fds),
        "fdsMax": max(fds),
        "samples": samples,
        "tracebacks": errors.count("Traceback"),
        "exitCode": daemon.returncode,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="bounded soak of a daemon process")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rate", type=float, default=300)
    parser.add_argument("--default", action="store_true", help="the default `run` (embedded fake), no faults")
    args = parser.parse_args()
    if args.default:
        flat = asyncio.run(default_soak(args.seconds, args.rate))
        print(json.dumps(flat))
        return 0 if flat["rssSpreadPct"] <= 5 and flat["fdsMax"] == flat["fdsMin"] else 1
    result = asyncio.run(soak(args.seconds, args.rate))
    print(json.dumps(result))
    healthy = result["lost"] == 0 and result["duplicates"] == 0 and result["fdsEnd"] <= result["fdsStart"] + 2
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
