"""The full frame path against zlib's inflate of the same frames.

    pytest benchmarks/test_bench_frame.py

A round is the whole corpus (674 push frames, 2,986 events): inflate only, then
``Daemon.ingest`` -> PUB with a SUB draining in another process, without and with
the game layer (streaks, rules, ledger) the real daemon runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import corpus as corpus_mod
import pytest
from run import FramePath

from bridge.frames import gunzip


def test_zlib_inflate(benchmark: Any, corpus: corpus_mod.Corpus) -> None:
    payloads = [corpus_mod.frame_payload(f) for f in corpus.frames]
    benchmark(lambda: [gunzip(p) for p in payloads])


@pytest.fixture(params=[False, True], ids=["plain", "game-layer"])
def path(request: pytest.FixtureRequest) -> Iterator[FramePath]:
    frame_path = FramePath(game=request.param)
    yield frame_path
    assert frame_path.close() > 0


def test_frames_to_pub(benchmark: Any, corpus: corpus_mod.Corpus, path: FramePath) -> None:
    benchmark(path.run, corpus.frames)
