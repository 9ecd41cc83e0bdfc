"""The live corpus (tui/corpus/session.py) read while it loads, without Textual: nothing stale,
nothing that raises, a slow reader never stalls loading, and cancelling stops parsing at once."""

from __future__ import annotations

import random
import shutil
import threading
import time
from pathlib import Path

import pytest

from tests.helpers import SEEDS
from tui.corpus import SORTS, Corpus, LiveCorpus, LoadReport, QueryError, load_corpus
from tui.corpus.index import index_entry
from tui.corpus.load import iter_files
from tui.corpus.storage import ArticleStore, compact

QUERIES = ("", "said", "-said", "speaker:peskov", "macron OR putin", '"political will"', "has:quotes", "date:2026")
ROUNDS = 6  # copies of the seeds: enough arrivals for searches to land between them


@pytest.fixture(scope="module")
def parsed() -> Corpus:
    return load_corpus(SEEDS, workers=1)


@pytest.fixture
def copies(tmp_path: Path) -> Path:
    """The seeds, ROUNDS times over, in folders of their own."""
    for round_ in range(ROUNDS):
        shutil.copytree(SEEDS, tmp_path / f"round-{round_}")
    return tmp_path


def _items(corpus: Corpus) -> list[tuple]:
    """The seeds as the loader hands them over, with ids made unique per round."""
    items = []
    for round_ in range(ROUNDS):
        for article in corpus.articles:
            copy = article.model_copy(update={"id": f"{article.id}-{round_}"})
            items.append((compact(copy), index_entry(copy)))
    return items


def _in_order(full: Corpus, positions: list[int], by: str) -> list[int]:
    chosen = set(positions)
    return [p for p in full.articles.order(by) if p in chosen]


def _expected(full: Corpus, text: str, total: int, by: str) -> tuple[list[int], list[int]]:
    """What a search over the first `total` articles must give: the full corpus's answer cut to
    them (an article's matching does not depend on the ones after it), in the full order."""
    found = full.search(text) if text.strip() else list(range(len(full)))
    assert not isinstance(found, QueryError)
    positions = [p for p in found if p < total]
    return positions, _in_order(full, positions, by)


def test_searches_and_sorts_during_a_load_are_never_stale(copies: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.corpus import parallel

    full = load_corpus(copies, workers=1)
    monkeypatch.setattr(parallel, "BATCH", 1)  # one article a batch: as many arrivals as can be
    live = LiveCorpus()
    loader = threading.Thread(target=live.load, args=([copies],), kwargs={"cache": False, "workers": 1})
    loader.start()
    seen_totals, rng = set(), random.Random(7)
    while loader.is_alive():
        text, by = rng.choice(QUERIES), rng.choice(SORTS)
        found = live.search_sorted(text, by)
        assert not isinstance(found, QueryError)
        assert (found.positions, found.rows) == _expected(full, text, found.total, by), (text, by, found.total)
        # An earlier result sorted again after more articles arrived: the same articles, in full order.
        again = rng.choice(SORTS)
        assert live.sort(found.positions, again) == _in_order(full, found.positions, again)
        seen_totals.add(found.total)
    loader.join()
    assert len(seen_totals) > 2, "no search landed while articles were arriving"
    assert live.finished and live.search_sorted("", "date").rows == list(full.articles.order("date"))


class _AppendingTitles(list):
    """Titles that add an article to their store the first time the sort reads one: an append
    landing in the middle of a sort, deterministically."""

    def __init__(self, titles: list[str], store: ArticleStore, item: tuple) -> None:
        super().__init__(titles)
        self.store, self.item = store, item

    def __getitem__(self, index):  # type: ignore[override]
        if self.item is not None:
            item, self.item = self.item, None
            self.store.append_compact(*item)
        return super().__getitem__(index)


def test_an_order_made_while_an_article_arrived_is_not_kept(parsed: Corpus) -> None:
    store = ArticleStore()
    items = _items(parsed)
    for item, _entry in items[:-1]:
        store.append_compact(item)
    last, entry = items[-1]
    store.titles = _AppendingTitles(store.titles, store, (last, entry.day))
    store.order("title")  # the article arrives during this sort
    assert len(store.order("title")) == len(store) == len(items)
    assert store.sorted_positions([len(store) - 1], "title") == [len(store) - 1]


def test_a_slow_reader_does_not_stall_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    live = LiveCorpus()
    reading, release = threading.Event(), threading.Event()
    original = Corpus.search

    def slow_search(self: Corpus, text: str):
        reading.set()
        release.wait(10)
        return original(self, text)

    monkeypatch.setattr(Corpus, "search", slow_search)
    reader = threading.Thread(target=live.search_sorted, args=("said", "date"))
    reader.start()
    assert reading.wait(5)
    loader = threading.Thread(target=live.load, args=([SEEDS],), kwargs={"cache": False, "workers": 1})
    loader.start()
    deadline = time.monotonic() + 20
    files = len(list(iter_files([SEEDS], LoadReport())))
    while live.files_read != (files, files) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert live.files_read == (files, files), "parsing waited for the reader"
    assert reader.is_alive() and loader.is_alive()  # parsed, waiting to be indexed
    release.set()
    reader.join(5), loader.join(5)
    assert live.finished and len(live) == len(load_corpus(SEEDS, workers=1))


def slow_file(folder: Path) -> Path:
    """An article of over a megabyte (so it goes to a worker process) that the parser needs many
    seconds for: thousands of quoted paragraphs."""
    paragraph = (
        '"We will not give way," Ann Lee, the chief executive of Acme Corp, told reporters on Monday. '
        'Lee said the talks with Bob Stone of Globex would go on. "It is a long road," Stone added.\n\n'
    )
    path = folder / "long.txt"
    path.write_text("A Long Article\n\n" + paragraph * 12_000)
    return path


def test_cancel_stops_parsing_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.corpus import parallel

    monkeypatch.setattr(parallel, "SERIAL_BYTES", 0)  # the file goes to a worker process
    live = LiveCorpus()
    arrivals: list[bool] = []
    loader = threading.Thread(
        target=live.load,
        args=([slow_file(tmp_path)],),
        kwargs={"cache": False, "workers": 2, "arrived": lambda n, done: arrivals.append(done)},
    )
    loader.start()
    deadline = time.monotonic() + 20
    while (live._stream is None or not live._stream._processes) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(1.0)  # the workers have started (a submit returned): one is inside the parse now
    assert loader.is_alive(), "the file parsed too fast to test cancelling"
    began = time.monotonic()
    live.cancel()
    loader.join(10)
    stopped = time.monotonic() - began
    assert not loader.is_alive() and stopped < 2.0, f"cancelling took {stopped:.1f} s"
    assert not live.finished and True not in arrivals
