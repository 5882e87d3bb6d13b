#!/usr/bin/env python3
"""Captures a running daemon's output into a file, for tests and the benchmark.

Subscribes to everything on ENDPOINT with pyzmq and writes each [topic, payload]
message as: u32 BE topic length, topic, u32 BE payload length, payload.
(The GDScript side turns these records back into ZMTP frames: the bytes libzmq
puts on the wire.)

Usage: capture.py ENDPOINT OUT [--count N] [--seconds S]
"""

from __future__ import annotations

import argparse
import struct
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import zmq


def capture(endpoint: str, out: Path, count: int, seconds: float) -> int:
    ctx = zmq.Context()
    sub = ctx.socket(zmq.SUB)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.setsockopt(zmq.RCVHWM, 0)
    sub.connect(endpoint)
    n = 0
    end = time.monotonic() + seconds
    with out.open("wb") as f:
        while n < count and time.monotonic() < end:
            if not sub.poll(100):
                continue
            frames = sub.recv_multipart()
            if len(frames) != 2:
                continue
            topic, payload = frames
            f.write(struct.pack(">I", len(topic)) + topic + struct.pack(">I", len(payload)) + payload)
            n += 1
    sub.close(0)
    ctx.term()
    return n


def read_capture(path: Path) -> Iterator[tuple[str, bytes]]:
    data = path.read_bytes()
    p = 0
    while p < len(data):
        (tn,) = struct.unpack_from(">I", data, p)
        topic = data[p + 4 : p + 4 + tn].decode()
        p += 4 + tn
        (pn,) = struct.unpack_from(">I", data, p)
        yield topic, data[p + 4 : p + 4 + pn]
        p += 4 + pn


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("endpoint")
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    n = capture(args.endpoint, args.out, args.count, args.seconds)
    print(f"captured {n} messages into {args.out}")
    return 0 if n > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
