#!/usr/bin/env python3
"""Inner-message sizes of a simulated scenario beside the sizes measured on real TikTok traffic.

    python benchmarks/sizes.py                  # the default scenario, 20,000 messages, seed 1
    python benchmarks/sizes.py --scenario cohost-battle --messages 5000

Prints, per type, the median, p90 and max bytes of the inner message (the message in
``BaseProtoMessage.payload``) next to the real figures (``bridge.sim.simulator.REAL_SIZES``) and
their ratio, then every other method the scenario sent. docs/fake-tiktok.md quotes its output.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_mod  # noqa: E402

from bridge.sim.simulator import REAL_SIZES, Simulator, load_scenario  # noqa: E402


def percentile(values: list[int], fraction: float) -> int:
    """The value below which ``fraction`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def measure(scenario: str = "default", messages: int = 20_000, seed: int = 1) -> dict[str, list[int]]:
    """Sizes of the inner messages of ``messages`` simulated messages, per method."""
    sim = Simulator(replace(load_scenario(scenario), duration=0), seed)
    now = corpus_mod.START_MS
    sizes: dict[str, list[int]] = defaultdict(list)
    count = 0
    while count < messages:
        for method, payload in corpus_mod.inner_messages(sim.frame(now)):
            sizes[method].append(len(payload))
            count += 1
        now += max(1, round(sim.interval_ms))
    return sizes


def _cell(measured: int, real: int) -> str:
    return (
        f"{measured:>7,} {real:>7,} {measured / real:>5.2f}x" if real else f"{measured:>7,} {'':>7} {'':>6}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="default")
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sizes = measure(args.scenario, args.messages, args.seed)
    everything = [size for values in sizes.values() for size in values]
    print(f"{args.scenario}, seed {args.seed}: {len(everything):,} messages of {len(sizes)} methods")
    head = " | ".join(f"{name + '  real  ratio':>22}" for name in ("median", "p90", "max"))
    print(f"{'type':<13} {'n':>6} | {head}")
    for kind, real in REAL_SIZES.items():
        values = everything if not real.methods else [s for m in real.methods for s in sizes.get(m, [])]
        if not values:
            print(f"{kind:<13} {0:>6} | not sent")
            continue
        row = [
            _cell(percentile(values, 0.5), real.median),
            _cell(percentile(values, 0.9), real.p90),
            _cell(max(values), real.max),
        ]
        print(f"{kind:<13} {len(values):>6} | " + " | ".join(row))
    listed = {m for real in REAL_SIZES.values() for m in real.methods}
    print("other methods (no real figure):")
    for method, values in sorted(sizes.items(), key=lambda item: -len(item[1])):
        if method not in listed:
            print(
                f"  {method:<40} {len(values):>6}  median {percentile(values, 0.5):>6,}  "
                f"p90 {percentile(values, 0.9):>6,}  max {max(values):>6,}"
            )


if __name__ == "__main__":
    main()
