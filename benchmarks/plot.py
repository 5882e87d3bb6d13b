#!/usr/bin/env python3
"""Draw benchmarks/.cache/results.json (written by benchmarks/run.py) as docs/performance.png.

    python benchmarks/plot.py [results.json] [-o docs/performance.png]

Needs matplotlib (``pip install '.[bench]'``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_mod  # noqa: E402

DEFAULT_OUT = corpus_mod.ROOT / "docs" / "performance.png"


def _decoders(ax: Any, d: dict[str, Any]) -> None:
    rows = [
        ("Cython -> event map", d.get("cython_decode"), "#1b7f3b"),
        ("Cython map + msgpack.packb", d.get("cython_decode_packb"), "#8fd18a"),
        (f"protobuf {d.get('upb_backend', 'upb')} parse only", d.get("upb_parse_only"), "#bdbdbd"),
        (f"protobuf {d.get('upb_backend', 'upb')} parse + fields", d.get("upb_fields"), "#737373"),
        ("pure Python -> event map", d.get("python_decode"), "#377eb8"),
        (f"TikTokLive {d.get('tiktoklive_version', '')} parse", d.get("tiktoklive"), "#e41a1c"),
    ]
    shown = [(label, float(value), color) for label, value, color in rows if value][::-1]
    labels = [label for label, _, _ in shown]
    values = [value for _, value, _ in shown]
    bars = ax.barh(labels, values, color=[color for _, _, color in shown])
    ax.set_xscale("log")
    ax.set_xlim(min(values) / 2, max(values) * 8)
    for bar, value in zip(bars, values, strict=True):
        ax.text(value * 1.08, bar.get_y() + bar.get_height() / 2, f"{value:,.0f}/s", va="center", fontsize=8)
    ax.set_title("Inner-message decode, one core (realistic corpus)", fontsize=10)
    ax.set_xlabel("messages per second (log scale)")
    ax.tick_params(axis="y", labelsize=8)


def _frames(ax: Any, f: dict[str, Any]) -> None:
    events = f["events"]
    labels = ["zlib inflate\nalone", "frames -> PUB", "frames -> PUB\n+ game layer"]
    values = [f["zlib_s"] / events * 1e6, f["full_s"] / events * 1e6, f["full_game_s"] / events * 1e6]
    bars = ax.bar(labels, values, color=["#bdbdbd", "#1b7f3b", "#4daf4a"])
    ax.axhline(values[0] * 2, color="#e41a1c", linestyle="--", linewidth=1)
    ax.text(-0.4, values[0] * 2, "target: 2x zlib", color="#e41a1c", fontsize=8, va="bottom", ha="left")
    for bar, value in zip(bars, values, strict=True):
        ratio = value / values[0]
        ax.text(
            bar.get_x() + bar.get_width() / 2,
            value,
            f"{value:.1f} us\n({ratio:.2f}x)",
            ha="center",
            va="bottom",
            fontsize=8,
        )
    ax.set_ylim(0, max(values[0] * 2, max(values)) * 1.3)
    ax.set_ylabel("CPU microseconds per event")
    ax.set_title("Full frame path: push frame -> published msgpack", fontsize=10)
    ax.tick_params(axis="x", labelsize=8)


def _latency(ax: Any, p: dict[str, Any]) -> None:
    runs = [(k, p[k]) for k in ("e2e_1000", "e2e_10000", "e2e_50000") if k in p]
    if not runs:
        ax.set_axis_off()
        return
    width = 0.25
    for i, (q, color) in enumerate((("p50", "#4daf4a"), ("p99", "#377eb8"), ("p999", "#984ea3"))):
        xs = [j + (i - 1) * width for j in range(len(runs))]
        values = [r[q] for _, r in runs]
        ax.bar(xs, values, width, label=q.replace("p999", "p99.9"), color=color)
        for x, v in zip(xs, values, strict=True):
            ax.text(x, v, f"{v:.1f}" if v < 10 else f"{v:.0f}", ha="center", va="bottom", fontsize=7)
    ax.set_yscale("log")
    ax.axhline(2.0, color="#e41a1c", linestyle="--", linewidth=1)
    ax.text(len(runs) - 0.5, 2.0, "2 ms", color="#e41a1c", fontsize=8, va="bottom", ha="right")
    ax.set_xticks(range(len(runs)))
    ax.set_xticklabels(
        [f"{r['rate']:,.0f}/s\n(got {r['achieved']:,.0f}/s, {r['batch']}/frame)" for _, r in runs], fontsize=8
    )
    ax.set_ylabel("ms, fake TikTok send -> SUB (log scale)")
    ax.set_title("End-to-end latency (last event of each frame)", fontsize=10)
    ax.legend(fontsize=8, loc="upper left")


def _memory(ax: Any, p: dict[str, Any]) -> None:
    lines = [
        f"daemon CPU at 1k events/s: {p[k]['cpu_percent']:.1f}% ({p[k]['batch']}/frame{label})"
        for k, label in (("cpu_1000_b5", ""), ("cpu_1000_b50", ""), ("cpu_1000_b5_noconsole", ", no console"))
        if k in p
    ]
    m = p.get("memory")
    if not m or not m.get("rss"):  # no memory run: the CPU figures alone
        ax.set_axis_off()
        ax.text(0.02, 0.5, "\n".join(lines), transform=ax.transAxes, fontsize=10, va="center")
        ax.set_title("Daemon CPU (no memory run)", fontsize=10)
        return
    xs = [t / 60 for t, _ in m["rss"]]
    ys = [rss for _, rss in m["rss"]]
    warm = ys[min(len(ys) - 1, max(1, len(ys) // 10))]
    growth = (ys[-1] - warm) / warm * 100 if warm else 0.0
    ax.plot(
        xs, ys, color="#377eb8", label=f"RSS at {m['achieved']:,.0f} events/s ({growth:+.1f}% after warm-up)"
    )
    ax.set_ylim(0, max(ys) * 1.4)
    ax.set_xlabel("minutes")
    ax.set_ylabel("daemon RSS (MiB)")
    r = p.get("rooms")
    if r:
        lines.append(
            f"{r['rooms']} rooms: {r['rooms_delivering']}/{r['rooms']} delivering, "
            f"{r['cpu_percent']:.0f}% CPU, {r['rss'][-1][1]:.0f} MiB"
            if r.get("rss")
            else ""
        )
    ax.text(0.02, 0.04, "\n".join(x for x in lines if x), transform=ax.transAxes, fontsize=8, va="bottom")
    ax.set_title(f"Daemon memory over a {xs[-1]:.0f}-minute run; CPU", fontsize=10)
    ax.legend(fontsize=8, loc="upper right")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("results", nargs="?", type=Path, default=corpus_mod.CACHE / "results.json")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    results = json.loads(args.results.read_text(encoding="utf-8"))
    fig, axes = plt.subplots(2, 2, figsize=(13, 8.5))
    if "decode" in results:
        _decoders(axes[0][0], results["decode"])
    if "frames" in results:
        _frames(axes[0][1], results["frames"])
    processes = results.get("processes", {})
    _latency(axes[1][0], processes)
    _memory(axes[1][1], processes)
    m = results["machine"]
    fig.suptitle(
        f"tiktok-live-bridge performance: {m['cpu']}, {m['cores']} cores, Python {m['python']} "
        f"({results.get('started', '')})",
        fontsize=11,
    )
    fig.tight_layout()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(args.output, dpi=100)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
