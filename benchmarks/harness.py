"""Process-level benchmarks: a fake TikTok pushing frames, ``python -m bridge run``, a subscriber.

Three processes, as on a streamer's PC:

* the **fake** (``python benchmarks/harness.py fake ...``): :class:`bridge.sim.faketiktok.FakeTikTok`
  with N silent rooms; once every room has a push WebSocket it sends corpus frames
  at a fixed rate with :meth:`FakeRoom.push`;
* the **daemon**: ``python -m bridge run -c bench.toml`` watching those rooms through
  the real live client (lookup, signing, push WebSocket, acks, heartbeats), with the
  game layer and its ledger on, the web console on (as ``run`` starts it, on a free
  port, with no page open), the control channel off;
* the **subscriber**: this process, a ZeroMQ SUB on the daemon's PUB, draining everything.

Every frame carries the corpus's next messages plus, last, a chat message whose
comment is the fake's ``time.time_ns()`` taken just before the push: the SUB's
clock minus that stamp is the end-to-end latency of the frame's last event
(fake -> WebSocket -> inflate -> decode -> game layer -> msgpack -> PUB -> SUB).
Frames are gzip like TikTok's: the corpus part is deflated once in advance up to a
full flush, the stamp and the fetch-result trailer are appended at send time as a
stored block and the gzip CRC is combined, so sending stays cheap at 50k events/s
while the daemon inflates realistic, fully compressed frames.

The daemon's CPU comes from ``/proc/<pid>/stat`` (utime + stime) over the
measurement window, its memory from ``/proc/<pid>/status`` (VmRSS).
``BENCH_CPROFILE=FILE`` runs the daemon under cProfile, timed in its main thread's CPU time
(``time.thread_time``, so waiting for a core does not count), and writes its profile there.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import queue
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgpack
import zmq

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_mod  # noqa: E402

from bridge.codec import decode_message  # noqa: E402
from bridge.codec import protowire as pw  # noqa: E402
from bridge.codec import webcast as wc  # noqa: E402

ROOT = corpus_mod.ROOT
ROOM_ID_BASE = 7_500_000_000_000_000_000
STAMP_ID_BASE = 7_600_000_000_000_000_000
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
STAMP_USER = wc.user(wc.SimUser(6_900_000_000_000_000_777, "bench_clock", "Bench Clock", followers=12))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ---------------------------------------------------------------- frames


@dataclass(frozen=True, slots=True)
class Template:
    """Corpus messages of one frame, deflated up to a full flush."""

    deflated: bytes
    crc: int
    size: int
    events: int  # events the daemon publishes for them (ignored methods publish none)


def make_templates(messages: list[tuple[str, bytes]], per_frame: int) -> list[Template]:
    """Frames of ``per_frame`` consecutive corpus messages each (the stamp comes on top)."""
    templates = []
    for start in range(0, len(messages) - per_frame + 1, per_frame):
        group = messages[start : start + per_frame]
        body = b"".join(pw.bytes_field(1, wc.inner(m, p, 0)) for m, p in group)
        deflater = zlib.compressobj(6, zlib.DEFLATED, -15)
        deflated = deflater.compress(body) + deflater.flush(zlib.Z_FULL_FLUSH)
        events = sum(1 for m, p in group if decode_message(m, p) is not None)
        templates.append(Template(deflated, zlib.crc32(body), len(body), events))
    return templates


_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
_STAMP_COMMON_TAIL = b"".join(
    [pw.bool_field(6, True), pw.str_field(7, "chat"), pw.int_field(11, 50), pw.str_field(15, "useast5")]
)


def stamped_frame(template: Template, msg_id: int, room_id: int, seq: int) -> bytes:
    """A gzip ``msg`` push frame: the template's messages, then a chat stamped with the time now.

    The stamp and the fetch-result trailer go into a stored (uncompressed) final deflate
    block after the template's full flush: no compressor to set up per frame.
    """
    now_ns = time.time_ns()
    now_ms = now_ns // 1_000_000
    common = pw.message_field(
        1,
        pw.str_field(1, "WebcastChatMessage"),
        pw.int_field(2, msg_id),
        pw.int_field(3, room_id),
        pw.int_field(4, now_ms),
        _STAMP_COMMON_TAIL,
    )
    payload = common + pw.message_field(2, STAMP_USER) + pw.str_field(3, f"t={now_ns}")
    inner = pw.str_field(1, "WebcastChatMessage") + pw.bytes_field(2, payload) + pw.int_field(3, msg_id)
    tail = b"".join(
        [
            pw.bytes_field(1, inner),
            pw.str_field(2, f"t-{now_ms}_r-1_d-1_u-1_h-1"),
            pw.int_field(3, 1000),
            pw.int_field(4, now_ms),
            pw.str_field(5, f"internal_src:dim|wss_push_room_id:{room_id}|fetch_time:{now_ms}"),
            pw.int_field(8, 10_000),
            pw.bool_field(9, True),
        ]
    )
    size = len(tail)
    stored = struct.pack("<BHH", 1, size, size ^ 0xFFFF) + tail  # BFINAL=1, BTYPE=00 (stored)
    crc = zlib.crc32(tail, template.crc)
    total = (template.size + size) & 0xFFFFFFFF
    gz = b"".join([_GZIP_HEADER, template.deflated, stored, struct.pack("<II", crc, total)])
    return wc.push_frame(
        "msg",
        gz,
        seq_id=seq,
        log_id=now_ms * 1000 + seq % 1000,
        headers={"compress_type": "gzip", "im-cursor": f"t-{now_ms}", "im-internal_ext": "dim"},
    )


# ---------------------------------------------------------------- the fake process


def room_name(index: int) -> str:
    return f"bench{index:03d}"


async def _fake(args: argparse.Namespace) -> None:
    from bridge.sim.faketiktok import FakeTikTok

    data = corpus_mod.load(args.seed, args.messages)
    templates = make_templates(data.messages, args.batch - 1)

    def say(**what: Any) -> None:
        print(json.dumps(what), flush=True)

    async with FakeTikTok(history=0) as fake:
        rooms = []
        for i in range(args.rooms):
            room = fake.add_room(room_name(i), ROOM_ID_BASE + i)
            room.go_silent(True)
            rooms.append(room)
        say(event="ready", base=fake.base_url)
        deadline = time.monotonic() + args.connect_timeout
        while sum(1 for r in rooms if r.connections) < len(rooms):
            if time.monotonic() > deadline:
                say(event="failed", connected=sum(1 for r in rooms if r.connections))
                return
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)  # let every client send im_enter_room
        loop = asyncio.get_running_loop()
        fps = args.rate / args.batch
        interval = 1.0 / fps
        start = loop.time()
        say(event="pushing", t=time.time(), fps=fps)
        end = start + args.seconds
        next_at = start
        frames = events = late = 0
        per_room = [0] * len(rooms)
        index = 0
        msg_id = STAMP_ID_BASE + args.seed * 1_000_000_000
        while True:
            now = loop.time()
            if now >= end:
                break
            burst = 0
            while next_at <= now and burst < 200:
                room_index = index % len(rooms)
                template = templates[(index // len(rooms)) % len(templates)]
                msg_id += 1
                rooms[room_index].push(
                    stamped_frame(template, msg_id, ROOM_ID_BASE + room_index, index + 1), track=False
                )
                frames += 1
                events += template.events + 1
                per_room[room_index] += template.events + 1
                index += 1
                next_at += interval
                burst += 1
            if next_at < now - 1.0:  # more than a second behind: do not try to catch up
                late += int((now - next_at) / interval)
                next_at = now
            await asyncio.sleep(max(0.0, next_at - loop.time()))
        elapsed = loop.time() - start
        await asyncio.sleep(0.2)
        say(
            event="done",
            frames=frames,
            events=events,
            seconds=elapsed,
            late=late,
            per_room=per_room if len(rooms) > 1 else [],
        )
        stop = asyncio.Event()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        await stop.wait()


# ---------------------------------------------------------------- the daemon process


def write_config(
    path: Path, base: str, rooms: list[str], endpoint: str, ledger: Path, console: bool = True
) -> None:
    names = ", ".join(f'"@{r}"' for r in rooms)
    path.write_text(
        f"""[publisher]
endpoint = "{endpoint}"
sndhwm = 100000

[tiktok]
rooms = [{names}]
web_base = "{base}"
webcast_base = "{base}"
max_connections = {max(4, len(rooms))}
no_message_timeout = 60
poll_interval = 1

[sign]
base_url = "{base}"

[control]
endpoint = ""

[console]
enabled = {"true" if console else "false"}
port = 0

[game]
ledger_dir = "{ledger}"

[log]
level = "warning"
""",
        encoding="utf-8",
    )
    path.chmod(0o600)


def proc_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def thread_cpu_seconds(pid: int) -> dict[str, float]:
    """CPU seconds of each thread of ``pid``, by thread name (``comm``)."""
    out: dict[str, float] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            head, _, rest = (task / "stat").read_text().partition(" (")
            name, _, tail = rest.rpartition(") ")
            fields = tail.split()
            out[f"{name}:{task.name}"] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        except OSError:
            continue
    return out


def proc_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# ---------------------------------------------------------------- a run


@dataclass
class Run:
    """What one fake -> daemon -> SUB run measured."""

    rate: float
    rooms: int
    batch: int
    seconds: float
    sent_events: int = 0
    sent_frames: int = 0
    received: int = 0
    received_window: int = 0
    window: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    cpu_seconds: float = 0.0
    thread_cpu: dict[str, float] = field(default_factory=dict)
    rss_mib: list[tuple[float, float]] = field(default_factory=list)
    rooms_delivering: int = 0
    per_room_sent: list[int] = field(default_factory=list)
    per_room_received: dict[str, int] = field(default_factory=dict)
    late_frames: int = 0
    error: str = ""

    @property
    def achieved_rate(self) -> float:
        return self.received_window / self.window if self.window else 0.0

    @property
    def cpu_percent(self) -> float:
        return 100.0 * self.cpu_seconds / self.window if self.window else 0.0

    def percentile(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q / 100.0 * len(ordered)))]


def run(
    rate: float,
    seconds: float,
    *,
    rooms: int = 1,
    batch: int = 5,
    warmup: float = 3.0,
    rss_every: float = 0.0,
    messages: int = 15_000,
    seed: int = 3,
    connect_timeout: float = 120.0,
    console: bool = True,
    log: Any = print,
) -> Run:
    """Push ``rate`` events/s (``batch`` per frame, the last one a stamped chat) for ``warmup`` +
    ``seconds`` seconds into ``rooms`` rooms; measure the daemon (with its web console unless
    ``console`` is false) over the last ``seconds``."""
    result = Run(rate, rooms, batch, seconds)
    corpus_mod.load(seed, messages)  # generate it here once, not in the fake
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory(prefix="bridge-bench-") as tmp:
        fake = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "fake",
                f"--rooms={rooms}",
                f"--rate={rate}",
                f"--batch={batch}",
                f"--seconds={warmup + seconds}",
                f"--messages={messages}",
                f"--seed={seed}",
                f"--connect-timeout={connect_timeout}",
            ],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        lines: queue.Queue[dict[str, Any]] = queue.Queue()

        def read() -> None:
            assert fake.stdout is not None
            for line in fake.stdout:
                if line.startswith("{"):
                    lines.put(json.loads(line))

        threading.Thread(target=read, daemon=True).start()
        daemon: subprocess.Popen[bytes] | None = None
        context = zmq.Context()
        sub = context.socket(zmq.SUB)
        try:
            ready = lines.get(timeout=60)
            if ready.get("event") != "ready":
                result.error = f"fake: {ready}"
                return result
            endpoint = f"tcp://127.0.0.1:{free_port()}"
            config = Path(tmp) / "bench.toml"
            names = [room_name(i) for i in range(rooms)]
            write_config(config, ready["base"], names, endpoint, Path(tmp) / "ledger", console)
            command = (  # BENCH_CPROFILE=file: the daemon under cProfile
                [__file__, "profile", os.environ["BENCH_CPROFILE"]]
                if os.environ.get("BENCH_CPROFILE")
                else ["-m", "bridge"]
            )
            daemon = subprocess.Popen(
                [sys.executable, *command, "run", "-c", str(config)], cwd=str(ROOT), env=env
            )
            sub.setsockopt(zmq.RCVHWM, 0)
            sub.setsockopt(zmq.SUBSCRIBE, b"")
            sub.connect(endpoint)
            _drain(sub, lines, daemon.pid, result, warmup, seconds, rss_every, log)
        finally:
            if daemon is not None:
                daemon.send_signal(signal.SIGTERM)
                try:
                    daemon.wait(15)
                except subprocess.TimeoutExpired:
                    daemon.kill()
            fake.send_signal(signal.SIGTERM)
            try:
                fake.wait(10)
            except subprocess.TimeoutExpired:
                fake.kill()
            sub.close(linger=0)
            context.term()
    return result


def _drain(
    sub: zmq.Socket[Any],
    lines: queue.Queue[dict[str, Any]],
    pid: int,
    result: Run,
    warmup: float,
    seconds: float,
    rss_every: float,
    log: Any,
) -> None:
    recv = sub.recv_multipart
    unpack = msgpack.unpackb
    per_room: dict[str, int] = {}
    window_start = window_end = float("inf")
    cpu_start = 0.0
    threads_start: dict[str, float] = {}
    next_rss = float("inf")
    done_at = float("inf")
    deadline = time.monotonic() + 600 + warmup + seconds
    poller = zmq.Poller()
    poller.register(sub, zmq.POLLIN)
    while True:
        now = time.monotonic()
        if now > deadline:
            result.error = "timed out"
            break
        try:
            line = lines.get_nowait()
        except queue.Empty:
            line = None
        if line is not None:
            if line["event"] == "pushing":
                window_start = now + warmup
                window_end = window_start + seconds
                log(f"  pushing {result.rate:,.0f} events/s into {result.rooms} room(s)")
            elif line["event"] == "done":
                result.sent_events = line["events"]
                result.sent_frames = line["frames"]
                result.late_frames = line["late"]
                result.per_room_sent = line["per_room"]
                done_at = now
            elif line["event"] == "failed":
                result.error = f"only {line['connected']} of {result.rooms} rooms connected"
                break
        if window_start <= now and not cpu_start:
            cpu_start = proc_cpu_seconds(pid)
            threads_start = thread_cpu_seconds(pid)
            if rss_every:
                next_rss = now
        if now >= next_rss:
            result.rss_mib.append((now - window_start, proc_rss_mib(pid)))
            next_rss += rss_every
        if now >= window_end and not result.window:
            result.cpu_seconds = proc_cpu_seconds(pid) - cpu_start
            threads = thread_cpu_seconds(pid)
            result.thread_cpu = {k: v - threads_start.get(k, 0.0) for k, v in threads.items()}
            result.window = now - window_start
            if rss_every:
                result.rss_mib.append((now - window_start, proc_rss_mib(pid)))
        if now > done_at + 1.5:
            break
        if not poller.poll(50):
            continue
        while True:
            try:
                topic, payload = recv(zmq.NOBLOCK)
            except zmq.Again:
                break
            if topic.startswith(b"sys.") or topic.startswith(b"action/"):
                continue
            kind, _, room = topic.partition(b"/")
            if kind in (b"giftFinal", b"streamSummary"):
                continue
            t_ns = time.time_ns()
            result.received += 1
            name = room.decode()
            per_room[name] = per_room.get(name, 0) + 1
            inside = window_start <= time.monotonic() < window_end
            if inside:
                result.received_window += 1
            if kind == b"chat" and b"t=" in payload:
                event = unpack(payload)
                comment = event.get("comment", "")
                if comment.startswith("t=") and inside:
                    result.latencies_ms.append((t_ns - int(comment[2:])) / 1e6)
    result.per_room_received = per_room
    result.rooms_delivering = sum(1 for n in per_room.values() if n > 0)


# ---------------------------------------------------------------- command line


def profiled(out: str, argv: list[str]) -> int:
    """``tiktok-bridge <argv>`` under cProfile in this thread's CPU time; the profile goes to ``out``."""
    import cProfile

    from bridge.cli.main import main as bridge

    profile = cProfile.Profile(time.thread_time)
    profile.enable()
    try:
        return bridge(argv)
    finally:
        profile.disable()
        profile.dump_stats(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    commands = parser.add_subparsers(dest="command", required=True)
    fake = commands.add_parser("fake", help="serve the fake TikTok and push frames (used by run())")
    fake.add_argument("--rooms", type=int, default=1)
    fake.add_argument("--rate", type=float, default=1000.0)
    fake.add_argument("--batch", type=int, default=5)
    fake.add_argument("--seconds", type=float, default=10.0)
    fake.add_argument("--messages", type=int, default=15_000)
    fake.add_argument("--seed", type=int, default=3)
    fake.add_argument("--connect-timeout", type=float, default=120.0)
    one = commands.add_parser("run", help="one run, printed as JSON")
    one.add_argument("--rooms", type=int, default=1)
    one.add_argument("--rate", type=float, default=1000.0)
    one.add_argument("--batch", type=int, default=5)
    one.add_argument("--seconds", type=float, default=10.0)
    one.add_argument("--warmup", type=float, default=3.0)
    one.add_argument("--rss-every", type=float, default=0.0)
    one.add_argument("--no-console", action="store_true", help="run the daemon without its web console")
    prof = commands.add_parser("profile", help="tiktok-bridge ARGS under cProfile (used by BENCH_CPROFILE)")
    prof.add_argument("out", help="the profile file (pstats)")
    prof.add_argument("argv", nargs=argparse.REMAINDER, help="tiktok-bridge's arguments")
    args = parser.parse_args()
    if args.command == "fake":
        asyncio.run(_fake(args))
        return
    if args.command == "profile":
        sys.exit(profiled(args.out, args.argv))
    r = run(
        args.rate,
        args.seconds,
        rooms=args.rooms,
        batch=args.batch,
        warmup=args.warmup,
        rss_every=args.rss_every,
        console=not args.no_console,
    )
    print(
        json.dumps(
            {
                "achieved": r.achieved_rate,
                "sent": r.sent_events,
                "received": r.received,
                "cpu_percent": r.cpu_percent,
                "p50": r.percentile(50),
                "p99": r.percentile(99),
                "p999": r.percentile(99.9),
                "stamps": len(r.latencies_ms),
                "rss": r.rss_mib[-3:],
                "rooms_delivering": r.rooms_delivering,
                "late": r.late_frames,
                "threads": r.thread_cpu,
                "error": r.error,
            }
        )
    )


if __name__ == "__main__":
    main()
