"""Paths and small builders shared by the tests: the project's seeds, the evaluation data beside
the checkout, a corpus of ready-made articles, and the plain serial load parallel loading must equal."""

from __future__ import annotations

import functools
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pytest

from tui.corpus import Article, Corpus, bundled_corpus, iter_sources, load_corpus, parse_source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_095502d58ae3b188.txt"
SHARED = ROOT.parent / "shared"
TESTS = ROOT / "tests"
ADVERSARIAL = TESTS / "data" / "adversarial"  # small hostile files, committed (see its README)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test: a user's clone has no evaluation data."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared evaluation data is not part of the project)")
    return path


@functools.cache
def bundled_size() -> int:
    """How many articles the bundled corpus (tui/seeds) holds, counted by loading it: a test that
    wrote the number down would break each time a seed is added."""
    return len(load_corpus(bundled_corpus(), workers=1).articles)


def corpus_of(articles: Iterable[Article]) -> Corpus:
    """A corpus of ready-made articles, added one by one as a load adds them."""
    corpus = Corpus()
    for article in articles:
        corpus.add(article)
    corpus.report.files = len(corpus.articles)
    return corpus


def load_corpus_serially(paths: Sequence[str | Path]) -> Corpus:
    """The plain way, one article after another in this process: what parallel loading must equal."""
    corpus = Corpus()
    for item in iter_sources(paths, corpus.report):
        corpus.add(parse_source(item))
    return corpus


def cached_seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int) -> Path:
    """A folder of the first `count` seeds, their parse saved in the test's own cache folder (the
    `cache_dir` fixture), however small: an entry for a test to damage."""
    from tui.corpus import cache as caching

    monkeypatch.setattr(caching, "MIN_BYTES", 0)
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:count]:
        shutil.copy(path, folder / path.name)
    load_corpus(folder, cache=True, workers=1)
    return folder


def cache_entry(cache_dir: Path) -> Path:
    """The one cache entry in `cache_dir`, not a temporary being written beside it (the quotes'
    word file is built in the background after a warm open, into a `.tmp-...cache` of its own)."""
    from tui.corpus.entry_temporaries import TEMP_PREFIX

    (entry,) = (path for path in cache_dir.glob("*.cache") if not path.name.startswith(TEMP_PREFIX))
    return entry


REREAD_SECONDS = 60  # a few seeds parse again in well under a second; a loaded machine gets room


def wait_for(condition: Callable[[], bool], seconds: float = REREAD_SECONDS) -> bool:
    """Whether `condition` came true within `seconds` (another thread's work: a re-read, a check)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def as_bytes(item: object) -> object:
    """A side file's state (quote_table_body.decode) with each column read out of band (a view) as
    bytes, as a test that damages it writes it back."""
    if isinstance(item, dict):
        return {key: as_bytes(value) for key, value in item.items()}
    if isinstance(item, (tuple, list)):
        return type(item)(as_bytes(part) for part in item)
    return bytes(item) if isinstance(item, memoryview) else item
