"""Paths shared by the tests: the project's seeds and the evaluation data beside the checkout."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from tui.corpus import bundled_corpus, load_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_095502d58ae3b188.txt"
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test: a user's clone has no evaluation data."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared evaluation data is not part of the project)")
    return path
TESTS = ROOT / "tests"
ADVERSARIAL = TESTS / "data" / "adversarial"  # small hostile files, committed (see its README)


@functools.cache
def bundled_size() -> int:
    """How many articles the bundled corpus (tui/seeds) holds, counted by loading it: a test that
    wrote the number down would break each time a seed is added."""
    return len(load_corpus(bundled_corpus(), workers=1).articles)
