#!/usr/bin/env python3
"""Benchmark of the Godot addon: events/s decoded and dispatched by GDScript in headless Godot.

    python benchmarks/godot/run.py                    # capture 5000 messages of the default scenario, run
    python benchmarks/godot/run.py --capture FILE     # reuse a capture (godot_addon/tools/capture.py)

It installs/locates Godot with scripts/install-godot.sh, records a realistic
sample of daemon output (`python -m bridge run`, default scenario: member, like,
chat, gift and roomUserSeq dominate, every other kind appears), copies the
addon project into a temporary directory with benchmarks/godot/bench.gd, and
runs it. Prints the figures and, with --json, a JSON line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def capture_sample(out: Path, count: int, rate: int) -> None:
    port, control = free_port(), free_port()
    cmd = [sys.executable, "-m", "bridge", "run", "--endpoint", f"tcp://127.0.0.1:{port}"]
    cmd += ["--control", f"tcp://127.0.0.1:{control}", "--rate", str(rate), "--log-level", "warning"]
    daemon = subprocess.Popen(cmd, cwd=ROOT)
    try:
        time.sleep(1.5)
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "godot_addon" / "tools" / "capture.py"),
                f"tcp://127.0.0.1:{port}",
                str(out),
            ]
            + ["--count", str(count), "--seconds", str(count / rate * 3 + 10)],
            check=True,
            timeout=count / rate * 3 + 60,
        )
    finally:
        daemon.terminate()
        daemon.wait(15)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--capture", type=Path, help="an existing capture file")
    parser.add_argument("--count", type=int, default=5000, help="messages to capture (default 5000)")
    parser.add_argument("--rate", type=int, default=1000, help="simulator rate while capturing")
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = parser.parse_args()
    godot = subprocess.run(
        [str(ROOT / "scripts" / "install-godot.sh")], check=True, capture_output=True, text=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="godot-bench-") as tmp:
        work = Path(tmp)
        sample = args.capture or work / "sample.bin"
        if args.capture is None:
            capture_sample(sample, args.count, args.rate)
        project = work / "project"
        shutil.copytree(
            ROOT / "godot_addon", project, ignore=shutil.ignore_patterns(".godot", "tools", "tests")
        )
        shutil.copy(Path(__file__).with_name("bench.gd"), project / "bench.gd")
        run = subprocess.run(
            [godot, "--headless", "--path", str(project), "-s", "res://bench.gd", "--"]
            + [f"--capture={sample}", f"--seconds={args.seconds}"],
            capture_output=True,
            text=True,
            timeout=600,
        )
        figures = None
        for line in run.stdout.splitlines():
            if line.startswith("BENCH_JSON "):
                figures = json.loads(line.removeprefix("BENCH_JSON "))
            elif not line.startswith("Godot Engine"):
                print(line)
        if run.returncode != 0 or figures is None:
            print(run.stdout, run.stderr, file=sys.stderr)
            return 1
        if args.json:
            print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
