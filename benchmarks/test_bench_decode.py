"""Inner-message decode on the realistic corpus, one benchmark round = one pass over every message.

    pytest benchmarks/test_bench_decode.py [--benchmark-timer=time.thread_time]

Messages per second = corpus size / the round's mean (benchmarks/run.py prints it,
with the ratios). The peers are skipped when they are not installed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import corpus as corpus_mod
import msgpack
import peers
import pytest

from bridge import codec
from bridge.codec import _pure

IMPLEMENTATIONS = codec.implementations()


def _all(fn: Callable[[str, bytes], Any], messages: list[tuple[str, bytes]]) -> None:
    for method, payload in messages:
        fn(method, payload)


def _native() -> Any:
    native = IMPLEMENTATIONS.get("cython")
    if native is None:
        pytest.skip("bridge._native is not built")
    return native


def test_cython_decode(benchmark: Any, corpus: corpus_mod.Corpus) -> None:
    benchmark(_all, _native().decode_message, corpus.messages)


def test_cython_decode_then_packb(benchmark: Any, corpus: corpus_mod.Corpus) -> None:
    decode, packb = _native().decode_message, msgpack.packb
    benchmark(_all, lambda m, p: packb(decode(m, p)), corpus.messages)


def test_pure_python_decode(benchmark: Any, corpus: corpus_mod.Corpus) -> None:
    benchmark.pedantic(_all, (_pure.decode_message, corpus.messages), rounds=5)


def test_upb_parse_and_fields(benchmark: Any, corpus: corpus_mod.Corpus) -> None:
    decoder = peers.UpbDecoder(peers.compile_pb())
    equal, compared = peers.upb_agreement(decoder, corpus.messages)
    assert equal == compared, "upb must build the same event maps for a fair comparison"
    benchmark(_all, decoder.decode, corpus.messages)


def test_upb_parse_only(benchmark: Any, corpus: corpus_mod.Corpus) -> None:
    decoder = peers.UpbDecoder(peers.compile_pb())
    benchmark(_all, decoder.parse_only, corpus.messages)


def test_tiktoklive(benchmark: Any, corpus: corpus_mod.Corpus) -> None:
    decode, why = peers.tiktoklive()
    if decode is None:
        pytest.skip(f"TikTokLive {why}")
    sample = corpus.messages[:: max(1, len(corpus.messages) // 300)]
    benchmark.pedantic(_all, (decode, sample), rounds=2, warmup_rounds=1)
