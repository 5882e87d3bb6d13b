"""Fixtures of the pytest-benchmark files (``pytest benchmarks/``; a plain ``pytest`` runs tests/)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_mod  # noqa: E402


@pytest.fixture(scope="session")
def corpus() -> corpus_mod.Corpus:
    """The realistic corpus (benchmarks/corpus.py), generated once into benchmarks/.cache."""
    return corpus_mod.load()
