"""A view asked for before its first answer is in (a million articles' quote table is still being
read after the load): it says so on its status line, then shows the answer; never a blank view."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Static

from tui.corpus import LiveCorpus
from tui.screens.view_base import WORKING
from tui.widgets.quote_list import QuoteList


async def test_a_view_shown_before_its_answer_is_in_says_it_is_working_then_shows_it(
    make_app, quotes_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ready = threading.Event()
    quotes = LiveCorpus.quotes

    def slow(live: LiveCorpus, *args: object) -> object:
        ready.wait(30)  # the quote table still being read
        return quotes(live, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(LiveCorpus, "quotes", slow)
    app = make_app([quotes_file])
    async with app.run_test(size=(120, 36)) as pilot:
        while not (app.explorer.load_finished and app.explorer.rows):  # not settled: the warm-up waits on `ready`
            await pilot.pause(0.02)
        await pilot.press("Q")
        await pilot.pause(0.2)
        status = app.screen.query_one("#status", Static)
        assert str(status.render()).strip() == WORKING and app.screen.query_one(QuoteList).count == 0
        ready.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if app.screen.query_one(QuoteList).count:
                break
        assert app.screen.query_one(QuoteList).count == 7
        assert str(status.render()).strip().startswith("7 quotes in 4 articles")
