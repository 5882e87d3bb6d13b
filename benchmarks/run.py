#!/usr/bin/env python3
"""Every benchmark of issue 7 in one run, side by side, printed as one table.

    python benchmarks/run.py                      # everything, short memory run (60 s)
    python benchmarks/run.py --memory-seconds 600 # the 10-minute memory run
    python benchmarks/run.py --quick              # a smoke run (seconds, not minutes)

Sections (see docs/performance.md for how to read them):

1. inner-message decode on the realistic corpus (benchmarks/corpus.py): the Cython and
   pure-Python decoders (message -> event map, and the Cython one with msgpack packing),
   google.protobuf upb and TikTokLive 7.0.1, in messages per second of this thread's CPU
   time (best of several passes), with ratios;
2. the full frame path in this process: push-frame bytes -> gunzip -> decode ->
   events -> msgpack -> ZeroMQ PUB (a SUB drains in another process), against
   zlib's own inflate of the same frames;
3. processes (benchmarks/harness.py): end-to-end latency at 1k/10k/50k events/s,
   the daemon's CPU per 1,000 events/s, its memory over a run, 500 rooms in one daemon;
4. the Godot and C++ clients' own benchmarks, when they run here.

Results also go to benchmarks/.cache/results.json (benchmarks/plot.py draws them).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_mod  # noqa: E402
import harness  # noqa: E402
import peers  # noqa: E402

from bridge import codec  # noqa: E402
from bridge.codec import _pure  # noqa: E402

HERE = Path(__file__).resolve().parent
RESULTS = corpus_mod.CACHE / "results.json"


# ---------------------------------------------------------------- machine


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    memory = 0
    try:
        memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024
    except (OSError, IndexError, ValueError):
        pass
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_mib": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "protobuf": peers.protobuf_backend(),
        "decoder": codec.IMPLEMENTATION,
        "load": os.getloadavg() if hasattr(os, "getloadavg") else (),
    }


# ---------------------------------------------------------------- 1. inner decode


def rate(fn: Callable[[str, bytes], Any], messages: list[tuple[str, bytes]], passes: int) -> float:
    """Messages per second of this thread's CPU time, best pass of ``passes``."""
    best = float("inf")
    for _ in range(passes):
        start = time.thread_time()
        for method, payload in messages:
            fn(method, payload)
        best = min(best, time.thread_time() - start)
    return len(messages) / best if best > 0 else float("inf")


def decoders(
    data: corpus_mod.Corpus, passes: int, peer_sample: int, log: Callable[[str], None]
) -> dict[str, Any]:
    msgs = data.messages
    out: dict[str, Any] = {}
    implementations = codec.implementations()
    native = implementations.get("cython")
    packb = __import__("msgpack").packb
    if native is not None:
        decode = native.decode_message
        log("  cython decode")
        out["cython_decode"] = rate(decode, msgs, passes)
        out["cython_decode_packb"] = rate(lambda m, p: packb(decode(m, p)), msgs, passes)
    log("  pure python")
    out["python_decode"] = rate(_pure.decode_message, msgs, max(2, passes // 3))
    log("  google.protobuf (upb)")
    pb = peers.compile_pb()
    upb = peers.UpbDecoder(pb)
    out["upb_backend"] = peers.protobuf_backend()
    out["upb_agreement"] = peers.upb_agreement(upb, msgs)
    out["upb_fields"] = rate(upb.decode, msgs, max(3, passes // 2))
    out["upb_parse_only"] = rate(upb.parse_only, msgs, max(3, passes // 2))
    decode_ttl, version = peers.tiktoklive()
    out["tiktoklive_version"] = version
    if decode_ttl is not None:
        step = max(1, len(msgs) // peer_sample)
        sample = msgs[::step]
        log(f"  TikTokLive {version} ({len(sample)} messages, every {step}th)")
        try:
            out["tiktoklive"] = rate(decode_ttl, sample, 2)
            out["tiktoklive_sample"] = len(sample)
        except Exception as exc:  # noqa: BLE001 - a peer failing is reported, not fatal
            out["tiktoklive_error"] = f"{type(exc).__name__}: {exc}"
    return out


# ---------------------------------------------------------------- 2. full frame path


def _drain(endpoint: str, ready: Any, stop: Any, counter: Any) -> None:
    import zmq

    context = zmq.Context()
    sub = context.socket(zmq.SUB)
    sub.setsockopt(zmq.RCVHWM, 0)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect(endpoint)
    ready.set()
    received = 0
    while not stop.is_set():
        if sub.poll(50):
            while True:
                try:
                    sub.recv_multipart(zmq.NOBLOCK)
                    received += 1
                except zmq.Again:
                    break
    counter.value = received
    sub.close(linger=0)
    context.term()


class FramePath:
    """``Daemon.ingest`` with a real PUB socket and a SUB draining it in another process."""

    def __init__(self, game: bool) -> None:
        from bridge.config import Config, GameConfig, PublisherConfig
        from bridge.game.layer import GameLayer
        from bridge.room import Room
        from bridge.server.daemon import Daemon
        from bridge.server.publisher import Publisher

        self.endpoint = f"tcp://127.0.0.1:{harness.free_port()}"
        config = Config(publisher=PublisherConfig(endpoint=self.endpoint, sndhwm=1_000_000))
        self.publisher = Publisher(config.publisher)
        self.daemon = Daemon(config, [], self.publisher)
        self.tmp = tempfile.TemporaryDirectory(prefix="bridge-bench-")
        self.game = GameLayer(self.daemon, GameConfig(ledger_dir=self.tmp.name)) if game else None
        self.room = Room("bench", harness.ROOM_ID_BASE)
        self.publisher.start()
        self.ready, self.stop = multiprocessing.Event(), multiprocessing.Event()
        self.counter = multiprocessing.Value("q", 0)
        self.sub = multiprocessing.Process(
            target=_drain, args=(self.endpoint, self.ready, self.stop, self.counter), daemon=True
        )
        self.sub.start()
        self.ready.wait(10)
        time.sleep(0.5)  # let the subscription reach the PUB

    def run(self, frames: list[bytes]) -> None:
        ingest, room = self.daemon.ingest, self.room
        for frame in frames:
            ingest(room, frame)

    def close(self) -> int:
        time.sleep(0.5)
        self.stop.set()
        self.sub.join(10)
        self.publisher.close()
        if self.game is not None:
            self.game.close()  # its journal files, before their directory goes
        self.tmp.cleanup()
        return int(self.counter.value)


def best_cpu(fn: Callable[[], Any], passes: int) -> float:
    """Best CPU seconds of this process (main thread plus ZeroMQ's I/O thread) over ``passes``."""
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def frame_path(data: corpus_mod.Corpus, passes: int, log: Callable[[str], None]) -> dict[str, Any]:
    from bridge.frames import gunzip

    frames = data.frames
    payloads = [corpus_mod.frame_payload(f) for f in frames]
    events = 0
    for frame in frames:
        result = codec.decode_frame(frame).result
        events += len(result.events) if result is not None else 0
    out: dict[str, Any] = {"frames": len(frames), "events": events}
    log("  zlib inflate of the same frames")
    out["zlib_s"] = best_cpu(lambda: [gunzip(p) for p in payloads], passes)
    for name, game in (("full", False), ("full_game", True)):
        log(f"  frames -> PUB ({'with' if game else 'without'} the game layer)")
        path = FramePath(game)
        try:
            out[f"{name}_s"] = best_cpu(lambda path=path: path.run(frames), passes)  # type: ignore[misc]
        finally:
            out[f"{name}_received"] = path.close()
    # the same with bigger frames (20 messages each, as the harness sends at 10k events/s)
    big = corpus_mod.load(3, 6000)
    templates = harness.make_templates(big.messages, 19)
    big_frames = [
        harness.stamped_frame(t, harness.STAMP_ID_BASE + i, 7, i + 1) for i, t in enumerate(templates)
    ]
    big_payloads = [corpus_mod.frame_payload(f) for f in big_frames]
    out["big_frames"] = len(big_frames)
    out["big_events"] = sum(t.events + 1 for t in templates)
    log(f"  the same with {len(big_frames)} frames of 20 messages")
    out["big_zlib_s"] = best_cpu(lambda: [gunzip(p) for p in big_payloads], passes)
    path = FramePath(False)
    try:
        out["big_full_s"] = best_cpu(lambda: path.run(big_frames), passes)
    finally:
        path.close()
    return out


# ---------------------------------------------------------------- 3. processes


def summarize(run: harness.Run) -> dict[str, Any]:
    return {
        "rate": run.rate,
        "rooms": run.rooms,
        "batch": run.batch,
        "achieved": run.achieved_rate,
        "sent": run.sent_events,
        "received": run.received,
        "cpu_percent": run.cpu_percent,
        "threads": run.thread_cpu,
        "p50": run.percentile(50),
        "p99": run.percentile(99),
        "p999": run.percentile(99.9),
        "stamps": len(run.latencies_ms),
        "rss": run.rss_mib,
        "rooms_delivering": run.rooms_delivering,
        "late_frames": run.late_frames,
        "error": run.error,
    }


def best_of(repeat: int, key: str, run: Callable[[], harness.Run]) -> dict[str, Any]:
    """The best of ``repeat`` runs by ``key`` (lowest), with every run's ``key`` kept in ``runs``."""
    runs = [summarize(run()) for _ in range(repeat)]
    ok = [r for r in runs if not r["error"]] or runs
    best = dict(min(ok, key=lambda r: r[key]))
    best["runs"] = [round(r[key], 3) for r in runs]
    return best


def processes(args: argparse.Namespace, log: Callable[[str], None]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    repeat = max(1, args.repeat)
    if not args.skip_e2e:
        for rate_, batch in ((1_000, 5), (10_000, 20), (50_000, 50)):
            log(f"  latency at {rate_:,} events/s ({batch} per frame), best p99 of {repeat}")

            def latency(r: float = rate_, b: int = batch) -> harness.Run:
                return harness.run(r, args.e2e_seconds, batch=b, log=log)

            out[f"e2e_{rate_}"] = best_of(repeat, "p99", latency)
        for batch in (5, 50):
            log(f"  daemon CPU at 1,000 events/s ({batch} per frame), best of {repeat}")

            def cpu(b: int = batch) -> harness.Run:
                return harness.run(1_000, args.cpu_seconds, batch=b, log=log)

            out[f"cpu_1000_b{batch}"] = best_of(repeat, "cpu_percent", cpu)
        log(f"  daemon CPU at 1,000 events/s (5 per frame) without the web console, best of {repeat}")

        def quiet() -> harness.Run:
            return harness.run(1_000, args.cpu_seconds, batch=5, console=False, log=log)

        out["cpu_1000_b5_noconsole"] = best_of(repeat, "cpu_percent", quiet)
    if args.memory_seconds:
        log(f"  memory: {args.memory_rate:,} events/s for {args.memory_seconds:g} s")
        every = max(1.0, args.memory_seconds / 120)
        out["memory"] = summarize(
            harness.run(args.memory_rate, args.memory_seconds, batch=20, warmup=10, rss_every=every, log=log)
        )
    if args.rooms:
        log(f"  {args.rooms} rooms at {args.room_rate:g} events/s each")
        out["rooms"] = summarize(
            harness.run(
                args.rooms * args.room_rate,
                args.rooms_seconds,
                rooms=args.rooms,
                batch=5,
                warmup=5,
                rss_every=5,
                connect_timeout=300,
                log=log,
            )
        )
    return out


# ---------------------------------------------------------------- 4. engine clients


def clients(log: Callable[[str], None], timeout: float) -> dict[str, Any]:
    out: dict[str, Any] = {}
    root = corpus_mod.ROOT
    godot = HERE / "godot" / "run.py"
    if godot.exists():
        log("  Godot client (benchmarks/godot/run.py)")
        try:
            done = subprocess.run(
                [sys.executable, str(godot), "--json"],
                cwd=root,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
            line = [x for x in done.stdout.splitlines() if x.startswith("{")]
            out["godot"] = (
                json.loads(line[-1]) if done.returncode == 0 and line else {"error": done.stderr[-300:]}
            )
        except (subprocess.TimeoutExpired, OSError, json.JSONDecodeError) as exc:
            out["godot"] = {"error": str(exc)[:300]}
    cpp = HERE / "cpp" / "run_bench.py"
    if cpp.exists():
        log("  C++ client (benchmarks/cpp/run_bench.py)")
        try:
            done = subprocess.run(
                [sys.executable, str(cpp)], cwd=root, capture_output=True, text=True, timeout=timeout
            )
            out["cpp"] = {"output": done.stdout[-2000:], "ok": done.returncode == 0}
            if done.returncode != 0:
                out["cpp"]["error"] = done.stderr[-300:]
        except (subprocess.TimeoutExpired, OSError) as exc:
            out["cpp"] = {"error": str(exc)[:300]}
    return out


# ---------------------------------------------------------------- the table


def _n(value: float) -> str:
    return f"{value:,.0f}"


def table(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Rows of (measurement, result, ratio / detail, target)."""
    rows: list[tuple[str, str, str, str]] = []
    d = results.get("decode", {})

    def ratio(a: str, b: str) -> str:
        return f"{d[a] / d[b]:,.1f}x" if a in d and b in d and d[b] else "n/a"

    def met(ok: bool) -> str:
        return "met" if ok else "NOT met"

    if d:
        ttl = d.get("tiktoklive")
        ttl_text = _n(ttl) if ttl else f"skipped: {d.get('tiktoklive_error') or d.get('tiktoklive_version')}"
        rows += [
            (
                "decode: Cython -> event map (msg/s)",
                _n(d.get("cython_decode", 0)),
                f"{ratio('cython_decode', 'upb_fields')} upb",
                "",
            ),
            (
                "decode: Cython map + msgpack.packb (msg/s)",
                _n(d.get("cython_decode_packb", 0)),
                f"{ratio('cython_decode_packb', 'upb_fields')} upb",
                "",
            ),
            (
                "decode: pure Python -> event map (msg/s)",
                _n(d["python_decode"]),
                f"{ratio('python_decode', 'tiktoklive')} TikTokLive",
                f">=20,000: {met(d['python_decode'] >= 20_000)}",
            ),
            (
                f"decode: google.protobuf {d['upb_backend']}, parse + fields (msg/s)",
                _n(d["upb_fields"]),
                f"same maps on {d['upb_agreement'][0]}/{d['upb_agreement'][1]}",
                "",
            ),
            (
                f"decode: google.protobuf {d['upb_backend']}, parse only (msg/s)",
                _n(d["upb_parse_only"]),
                "",
                "",
            ),
            (
                f"decode: TikTokLive {d.get('tiktoklive_version', '')} parse (msg/s)",
                ttl_text,
                f"Cython decode = {ratio('cython_decode', 'tiktoklive')}",
                "",
            ),
        ]
    f = results.get("frames", {})
    if f:
        zlib_rate = f["events"] / f["zlib_s"]
        for key, label in (("full", "frames -> PUB"), ("full_game", "frames -> PUB + game layer")):
            r = f[f"{key}_s"] / f["zlib_s"]
            rows.append(
                (
                    f"full path: {label} (events/s)",
                    _n(f["events"] / f[f"{key}_s"]),
                    f"{r:.2f}x zlib inflate time",
                    f"<=2x zlib: {met(r <= 2)}" if key == "full" else "",
                )
            )
        rows.append(
            (
                "full path: zlib inflate alone (events/s)",
                _n(zlib_rate),
                f"{f['frames']} frames of {f['events'] / f['frames']:.1f} events",
                "",
            )
        )
        if "big_full_s" in f:
            r = f["big_full_s"] / f["big_zlib_s"]
            rows.append(
                (
                    "full path: frames -> PUB, 20 messages/frame (events/s)",
                    _n(f["big_events"] / f["big_full_s"]),
                    f"{r:.2f}x zlib inflate time",
                    "",
                )
            )
    p = results.get("processes", {})
    for rate_ in (1_000, 10_000, 50_000):
        r = p.get(f"e2e_{rate_}")
        if r:
            target = f"p99<2ms: {met(r['p99'] < 2.0)}" if rate_ == 10_000 else ""
            rows.append(
                (
                    f"e2e latency at {rate_:,}/s (achieved {_n(r['achieved'])}/s, {r['batch']}/frame)",
                    f"p50 {r['p50']:.2f} ms, p99 {r['p99']:.2f} ms, p99.9 {r['p999']:.2f} ms",
                    f"{r['stamps']} frames timed, daemon {r['cpu_percent']:.0f}% CPU",
                    target,
                )
            )
    for key, batch, label in (
        ("cpu_1000_b5", 5, ""),
        ("cpu_1000_b50", 50, ""),
        ("cpu_1000_b5_noconsole", 5, ", no web console"),
    ):
        r = p.get(key)
        if r:
            per_k = r["cpu_percent"] / (r["achieved"] / 1000) if r["achieved"] else float("nan")
            rows.append(
                (
                    f"daemon CPU at {_n(r['achieved'])} events/s ({batch}/frame{label})",
                    f"{r['cpu_percent']:.2f}% of one core",
                    f"{per_k:.2f}% per 1,000 events/s; runs {r.get('runs', [])}",
                    f"<=4%: {met(r['cpu_percent'] <= 4.0)}" if key == "cpu_1000_b5" else "",
                )
            )
    m = p.get("memory")
    if m and m["rss"]:
        samples = m["rss"]
        warm = samples[min(len(samples) - 1, max(1, len(samples) // 10))][1]
        last = samples[-1][1]
        growth = (last - warm) / warm * 100 if warm else float("nan")
        rows.append(
            (
                f"memory at {_n(m['achieved'])} events/s for {m['rss'][-1][0]:.0f} s",
                f"RSS {warm:.1f} -> {last:.1f} MiB (max {max(s[1] for s in samples):.1f})",
                f"{growth:+.1f}% after warm-up, daemon {m['cpu_percent']:.0f}% CPU",
                f"<5%: {met(abs(growth) < 5)}",
            )
        )
    r = p.get("rooms")
    if r:
        rss = r["rss"][-1][1] if r["rss"] else float("nan")
        rows.append(
            (
                f"{r['rooms']} rooms in one daemon ({_n(r['achieved'])} events/s total)",
                f"{r['rooms_delivering']}/{r['rooms']} rooms delivered, "
                f"{r['received']:,}/{r['sent']:,} events",
                f"daemon {r['cpu_percent']:.0f}% CPU, RSS {rss:.0f} MiB",
                f"all delivering: {met(r['rooms_delivering'] == r['rooms'] and not r['error'])}",
            )
        )
    c = results.get("clients", {})
    for name, script in (("godot", "benchmarks/godot/run.py"), ("cpp", "benchmarks/cpp/run_bench.py")):
        info = c.get(name)
        label = "Godot addon (GDScript)" if name == "godot" else "C++ core (Unreal plugin)"
        if not info or info.get("error"):
            why = (info or {}).get("error", "").strip().splitlines()[-1:] if info else []
            rows.append((f"client: {label}", f"measured by {script} - not run", " ".join(why)[:80], ""))
        elif name == "godot":
            figures = "; ".join(
                f"{k} {v:,.0f}/s" if isinstance(v, int | float) else f"{k} {v}" for k, v in info.items()
            )
            rows.append((f"client: {label}", figures[:100], "events/s, GDScript in headless Godot", ""))
        else:
            found = re.findall(r"^([\w+ ]+): (\d+) events/s", info.get("output", ""), re.MULTILINE)
            text = "; ".join(f"{k} {int(v):,}/s" for k, v in found)
            rows.append((f"client: {label}", text[:100] or "ran", "events/s decoded by the C++ core", ""))
    return rows


def print_table(rows: list[tuple[str, str, str, str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    header = ("measurement", "result", "ratio / detail", "target")
    widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
    line = "  ".join("-" * w for w in widths)
    print(line)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print(line)
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--quick", action="store_true", help="a smoke run: few passes, short runs")
    parser.add_argument("--passes", type=int, default=15, help="decode passes over the corpus (best is kept)")
    parser.add_argument("--messages", type=int, default=3000, help="corpus size (distinct messages)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--peer-sample", type=int, default=750, help="messages TikTokLive decodes")
    parser.add_argument("--e2e-seconds", type=float, default=10.0)
    parser.add_argument("--cpu-seconds", type=float, default=20.0)
    parser.add_argument(
        "--memory-seconds", type=float, default=60.0, help="0 skips (600 = the 10-minute run)"
    )
    parser.add_argument("--memory-rate", type=float, default=5000.0)
    parser.add_argument("--rooms", type=int, default=500, help="0 skips")
    parser.add_argument("--room-rate", type=float, default=2.0, help="events/s per room")
    parser.add_argument("--rooms-seconds", type=float, default=30.0)
    parser.add_argument("--skip-decode", action="store_true")
    parser.add_argument("--skip-frames", action="store_true")
    parser.add_argument("--skip-e2e", action="store_true", help="skip latency and CPU runs")
    parser.add_argument("--skip-clients", action="store_true")
    parser.add_argument("--client-timeout", type=float, default=600.0)
    parser.add_argument("--repeat", type=int, default=3, help="latency and CPU runs each (the best is kept)")
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"results file (default {RESULTS})")
    parser.add_argument(
        "--merge", action="store_true", help="update the sections run in an existing results file"
    )
    args = parser.parse_args()
    if args.quick:
        args.passes, args.peer_sample = 3, 150
        args.e2e_seconds, args.cpu_seconds, args.memory_seconds = 4.0, 5.0, 10.0
        args.rooms, args.rooms_seconds = 50, 10.0

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    results: dict[str, Any] = {}
    if args.merge and args.json.exists():
        results = json.loads(args.json.read_text(encoding="utf-8"))
    results["machine"] = {**results.get("machine", {}), **machine()}
    results.setdefault("started", time.strftime("%Y-%m-%d %H:%M:%S"))
    loads = results.setdefault("loads", [])
    loads.append({"at": time.strftime("%Y-%m-%d %H:%M:%S"), "before": results["machine"]["load"]})
    data = corpus_mod.load(args.seed, args.messages)
    results["corpus"] = data.describe()
    log(f"corpus: {results['corpus']}")
    if not args.skip_decode:
        log("1. inner-message decode")
        results["decode"] = decoders(data, args.passes, args.peer_sample, log)
    if not args.skip_frames:
        log("2. full frame path")
        results["frames"] = frame_path(data, max(3, args.passes // 3), log)
    log("3. processes: fake TikTok -> python -m bridge run -> SUB")
    results.setdefault("processes", {}).update(processes(args, log))
    if not args.skip_clients:
        log("4. engine clients")
        results["clients"] = clients(log, args.client_timeout)
    results["machine"]["load_after"] = os.getloadavg() if hasattr(os, "getloadavg") else ()
    loads[-1]["after"] = results["machine"]["load_after"]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    m = results["machine"]
    print(
        f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_mib']:,} MiB, {m['os']}, Python {m['python']}"
    )
    print(f"load average before/after: {m['load']} / {m['load_after']}")
    print(f"corpus: {results['corpus']}")
    print_table(table(results))
    print(f"results: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
