#!/usr/bin/env python3
"""Decode throughput of the Unreal plugin's C++ core on the daemon's real output.

1. builds benchmarks/cpp (CMake, -O2, no sanitizers) into benchmarks/cpp/build;
2. runs `tiktok-bridge run` (simulator, every event kind) and captures the
   first N messages with a Python SUB socket into a record file;
3. runs ttb_bench on the capture and prints events per second.

    python benchmarks/cpp/run_bench.py [--messages 5000] [--seconds 2]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import msgpack
import zmq

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BUILD = HERE / "build"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build() -> Path:
    generator = ["-G", "Ninja"] if shutil.which("ninja") else []
    subprocess.run(
        ["cmake", "-S", str(HERE), "-B", str(BUILD), *generator], check=True, stdout=subprocess.DEVNULL
    )
    subprocess.run(["cmake", "--build", str(BUILD), "-j2"], check=True)
    return BUILD / "ttb_bench"


def capture(path: Path, count: int, rate: int) -> dict[str, int]:
    port = free_port()
    daemon = subprocess.Popen(
        [sys.executable, "-m", "bridge", "run", "--endpoint", f"tcp://127.0.0.1:{port}", "--control", "",
         "--rate", str(rate)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    kinds: dict[str, int] = {}
    try:
        sub: zmq.Socket[Any] = zmq.Context.instance().socket(zmq.SUB)
        sub.setsockopt(zmq.SUBSCRIBE, b"")
        sub.setsockopt(zmq.RCVHWM, 0)
        sub.connect(f"tcp://127.0.0.1:{port}")
        blob = bytearray()
        deadline = time.monotonic() + 120
        got = 0
        while got < count and time.monotonic() < deadline:
            if not sub.poll(1000):
                continue
            topic, payload = sub.recv_multipart()
            msgpack.unpackb(payload, raw=False, strict_map_key=False)  # must be valid
            blob += struct.pack(">I", len(topic)) + topic + struct.pack(">I", len(payload)) + payload
            kind = topic.split(b"/", 1)[0].decode()
            kinds[kind] = kinds.get(kind, 0) + 1
            got += 1
        path.write_bytes(bytes(blob))
        sub.close(linger=0)
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
    return kinds


def python_reference(path: Path, seconds: float) -> float:
    """msgpack.unpackb (C extension) on the same payloads, for scale."""
    data = path.read_bytes()
    payloads, pos = [], 0
    while pos < len(data):
        (n,) = struct.unpack_from(">I", data, pos)
        pos += 4 + n
        (m,) = struct.unpack_from(">I", data, pos)
        payloads.append(data[pos + 4 : pos + 4 + m])
        pos += 4 + m
    events, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for p in payloads:
            msgpack.unpackb(p, raw=False, strict_map_key=False)
        events += len(payloads)
    return events / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--rate", type=int, default=2000, help="simulated messages per second")
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    args = parser.parse_args()
    bench = build()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "capture.rec"
        kinds = capture(path, args.messages, args.rate)
        print(f"captured {sum(kinds.values())} messages of {len(kinds)} types from a live daemon")
        out = subprocess.run(
            [str(bench), str(path), str(args.seconds)], check=True, capture_output=True, text=True
        )
        print(out.stdout, end="")
        print(
            f"python msgpack.unpackb (reference, C extension, generic dicts): "
            f"{python_reference(path, args.seconds):.0f} events/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
