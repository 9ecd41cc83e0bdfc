"""The explorer, opened from the cache, whose entry another program cuts short under it: the app
keeps running, says so once, shows placeholders for what it can no longer read, and shows the
real articles again once the files are parsed anew (tui/corpus/damaged.py)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from tests.helpers import cache_entry, cached_seeds
from tui.corpus import damaged, load_corpus
from tui.screenshots import settle
from tui.widgets.article_list import ArticleList
from tui.widgets.reading_pane import ReadingPane

ARTICLES = 6
WAIT_SECONDS = 60


@pytest.fixture
def folder(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cached_seeds(tmp_path, monkeypatch, ARTICLES)


@pytest.fixture
def held_parse(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Parsing the files again waits until the test lets it go, so the placeholders can be seen."""
    go = threading.Event()
    parse_again = damaged.parse_again

    def held(*args, **kwargs):
        go.wait(WAIT_SECONDS)
        return parse_again(*args, **kwargs)

    monkeypatch.setattr(damaged, "parse_again", held)
    return go


def _notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications if "was cut short or rewritten" in str(n.message)]


async def test_an_entry_cut_short_under_the_explorer_shows_placeholders_then_the_articles(
    folder: Path, cache_dir: Path, held_parse: threading.Event, make_app
) -> None:
    parsed = load_corpus(folder, workers=1)
    app = make_app([folder])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.explorer
        assert not isinstance(screen.corpus.corpus.articles.texts, list), "not opened from the cache"
        entry = cache_entry(cache_dir)
        os.truncate(entry, 100)  # another program cuts the entry short

        await pilot.press("down")  # the list draws its rows again
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and app.return_code is None
        articles, pane = screen.query_one(ArticleList), screen.query_one(ReadingPane)
        shown = "".join(articles.render_line(y).text for y in range(1, ARTICLES + 1))
        # the rows already drawn are kept in memory (storage.ROWS_KEPT) and still read; the article is not
        assert damaged.MARK not in shown and all(article.title[:10] in shown for article in parsed.articles)
        assert pane.article is not None and pane.article.title == damaged.MARK + damaged.REREADING
        assert _notices(app) == [damaged.notice_for(entry.name, rereading=True)]
        screen.open_quote([0], 0)  # from the quotes view: its row is read from the quote table, in memory
        await pilot.pause()
        assert pane.article.title == damaged.MARK + damaged.REREADING and pane.current is None
        assert "could not be read" in pane.body.plain and app.is_running
        articles.focus()

        held_parse.set()
        for _ in range(WAIT_SECONDS * 10):
            await pilot.pause(0.1)
            if screen.corpus.damaged is None:
                break
        await settle(pilot)
        await pilot.press("enter")  # the same row opens the real article now
        await pilot.pause()
        position = articles.current
        assert position is not None and pane.article == parsed.articles[position]
        shown = "".join(articles.render_line(y).text for y in range(1, ARTICLES + 1))
        assert damaged.MARK not in shown and parsed.articles[position].title[:10] in shown
        assert len(_notices(app)) == 1 and app.is_running
