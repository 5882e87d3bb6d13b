#!/usr/bin/env python3
"""Events per second through ``tiktok-bridge proxy``: 3 publishers -> forwarder -> 1 subscriber.

Usage: python benchmarks/forwarder.py [--seconds 5] [--publishers 3]

Publishers send real daemon-shaped events (a decoded simulator gift, packed
with msgpack, ~1 KB) as fast as they can; the subscriber counts what arrives.
Prints the rate the subscriber receives at.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
import threading
import time
from pathlib import Path

import msgpack
import zmq

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bridge.codec import decode_frame  # noqa: E402
from bridge.config import ProxyConfig  # noqa: E402
from bridge.server.proxy import Forwarder  # noqa: E402
from bridge.sim.simulator import Simulator, load_scenario  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def sample_payload() -> bytes:
    sim = Simulator(load_scenario("default"), 1)
    now = 1_750_000_000_000
    while True:
        result = decode_frame(sim.frame(now)).result
        now += 100
        for event in result.events if result else []:
            if event["type"] == "gift":
                event.update(room="someone", roomId=1, seq=1, ts=now, daemon="d0")
                packed: bytes = msgpack.packb(event)
                return packed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--publishers", type=int, default=3)
    args = parser.parse_args()
    front, back = f"tcp://127.0.0.1:{free_port()}", f"tcp://127.0.0.1:{free_port()}"
    forwarder = Forwarder(ProxyConfig(frontend=front, backend=back, control=""))
    forwarder.start()
    payload = sample_payload()
    context = zmq.Context()
    sub = context.socket(zmq.SUB)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.setsockopt(zmq.RCVHWM, 0)
    sub.connect(back)
    stop = threading.Event()
    received = 0

    def publish(index: int) -> None:
        pub = context.socket(zmq.PUB)
        pub.setsockopt(zmq.SNDHWM, 100_000)
        pub.connect(front)
        time.sleep(0.5)
        topic = f"gift/room{index}".encode()
        while not stop.is_set():
            for _ in range(1000):
                pub.send_multipart([topic, payload])
        pub.close(linger=0)

    def count() -> None:
        nonlocal received
        while not stop.is_set():
            if sub.poll(100):
                sub.recv_multipart()
                received += 1

    loop = threading.Thread(target=lambda: asyncio.run(forwarder.run()), daemon=True)
    loop.start()
    threads = [threading.Thread(target=publish, args=(i,)) for i in range(args.publishers)]
    counter = threading.Thread(target=count)
    for thread in (*threads, counter):
        thread.start()
    time.sleep(1.0)
    start_received, start = received, time.monotonic()
    time.sleep(args.seconds)
    rate = (received - start_received) / (time.monotonic() - start)
    stop.set()
    for thread in (*threads, counter):
        thread.join()
    forwarder.stop()
    print(f"payload {len(payload)} bytes, {args.publishers} publishers")
    print(f"received through the forwarder: {rate:,.0f} events/s")


if __name__ == "__main__":
    main()
