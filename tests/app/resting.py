"""The list's cursor brought to rest on an article, as a reader leaves it before pressing enter."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.screens.main import MainScreen
from tui.screenshots import settle
from tui.widgets.article_list import ArticleList


async def rest_on_second_row(pilot: Pilot, open_first: bool = False) -> MainScreen:
    """The cursor on the list's second row, after the frame that put it there (when the article
    under it is made); with `open_first`, the first article opened before (the reading pane's
    header is hidden until one is)."""
    await settle(pilot)
    screen = pilot.app.explorer
    screen.query_one(ArticleList).focus()
    if open_first:
        await pilot.press("enter")
    await pilot.press("down")
    await pilot.pause()  # the frame, then the article under the cursor is made
    return screen
