"""The explorer over the live corpus: an empty corpus says so on screen, and quitting while a big
file parses stops the parse at once."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest

from tests.core.test_session import slow_file
from tui.corpus import LiveCorpus
from tui.screenshots import settle
from tui.widgets.article_list import ArticleList


def _shown(articles: ArticleList) -> str:
    """The list's first lines as drawn, without white space (a long path wraps mid-word)."""
    return "".join("".join(articles.render_line(y).text.split()) for y in range(6))


def _squeezed(text: str) -> str:
    return "".join(text.split())


async def test_an_empty_folder_says_it_holds_no_articles(tmp_path: Path, make_app) -> None:
    app = make_app([tmp_path])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        articles = app.explorer.query_one(ArticleList)
        assert articles.count == 0
        assert _squeezed(f"No articles in {tmp_path}.") in _shown(articles)


async def test_a_missing_path_says_so_and_where_to_look(tmp_path: Path, make_app) -> None:
    missing = tmp_path / "no-such-folder"
    app = make_app([missing])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        shown = _shown(app.explorer.query_one(ArticleList))
        assert _squeezed(f"No articles in {missing}. Skipped 1 file: press L to list them.") in shown


async def test_a_corpus_with_articles_shows_no_note(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        articles = app.explorer.query_one(ArticleList)
        assert articles.count > 0 and articles.note == ""


async def test_quitting_while_a_big_file_parses_stops_at_once(tmp_path: Path, make_app,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """Also that the app parses in worker processes at all: under Textual, stderr has no
    descriptor and a pool could not start (parallel.prepare_workers), so the parse ran in the
    app's own process, where nothing can stop it half-way."""
    ended = threading.Event()
    original = LiveCorpus.load

    def load(self: LiveCorpus, *args, **kwargs) -> None:
        try:
            original(self, *args, **kwargs)
        finally:
            ended.set()

    monkeypatch.setattr(LiveCorpus, "load", load)
    app = make_app([slow_file(tmp_path)])
    async with app.run_test(size=(120, 36)) as pilot:
        live = app.explorer.corpus
        deadline = time.monotonic() + 20
        while (live._stream is None or not live._stream._processes) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.0)  # the workers have started: one is inside the parse now
        assert not ended.is_set(), "the file parsed too fast to test quitting"
        began = time.monotonic()
        await pilot.press("q")
    while not ended.is_set() and time.monotonic() - began < 20:
        await asyncio.sleep(0.05)
    stopped = time.monotonic() - began
    assert ended.is_set() and stopped < 3.0, f"the load went on {stopped:.1f} s after q"
    assert not live.finished
