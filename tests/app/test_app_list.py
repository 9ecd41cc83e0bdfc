"""The article list: loading, order, keys, opening, hostile titles and small terminals."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import bundled_size
from tui.screens.sorting import timestamp
from tui.screenshots import settle
from tui.widgets.article_list import ArticleList
from tui.widgets.reading_pane import ReadingPane


def row_text(listing: ArticleList, row: int) -> str:
    return "".join(segment.text for segment in listing.render_row(row, 100))


async def test_loads_the_bundled_corpus_newest_first(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        dates = [timestamp(screen.corpus.articles[p].date) for p in screen.rows]
        assert len(screen.rows) == len(screen.corpus.articles) == bundled_size()
        assert dates == sorted(dates, reverse=True)
        assert f"{bundled_size()} of {bundled_size()}" in str(screen.query_one("#count").render())


async def test_enter_opens_the_article_under_the_cursor(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        await pilot.press("j", "enter")
        assert screen.open == screen.rows[1]
        pane = screen.query_one(ReadingPane)
        assert pane.article is screen.corpus.articles[screen.rows[1]]
        assert screen.corpus.articles[screen.open].title in str(pane.query_one("#header").render())


async def test_keys_move_the_cursor(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = app.explorer.query_one(ArticleList)
        await pilot.press("j", "j", "k")
        assert listing.cursor == 1
        await pilot.press("G")
        assert listing.cursor == 16
        await pilot.press("g")
        assert listing.cursor == 0


async def test_the_cursor_row_is_drawn_anew_when_the_list_loses_the_focus(app) -> None:
    """The rows' styles are kept between frames; a focus change (its own colours for the cursor)
    must still reach what is drawn."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = app.explorer.query_one(ArticleList)

        def cursor_styles() -> set:
            first_row = 1  # under the columns' header: the cursor's row
            return {segment.style for segment in listing.render_line(first_row) if segment.text.strip()}

        focused = cursor_styles()
        await pilot.press("slash")
        await settle(pilot)
        assert app.focused is not listing
        assert cursor_styles() != focused


async def test_s_cycles_the_sort(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        articles = screen.corpus.articles
        await pilot.press("s")
        titles = [articles[p].title.casefold() for p in screen.rows]
        assert screen.sort == "title" and titles == sorted(titles)
        await pilot.press("s")
        counts = [len(articles[p].quotes) for p in screen.rows]
        assert screen.sort == "quotes" and counts == sorted(counts, reverse=True)
        await pilot.press("s")
        assert screen.sort == "date"


async def test_a_title_made_of_markup_and_escapes_shows_literally(article_folder: Path, make_app) -> None:
    app = make_app([article_folder])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        listing = screen.query_one(ArticleList)
        hostile = next(r for r, p in enumerate(screen.rows) if "click" in screen.corpus.articles[p].title)
        shown = row_text(listing, hostile)
        assert "[/bold] and [@click=app.quit]x[/]" in shown
        assert "\x1b" not in shown and "␛]0;PWNED␇" in shown
        listing.move_to(hostile)
        await pilot.press("enter")
        header = str(screen.query_one(ReadingPane).query_one("#header").render())
        assert "[@click=app.quit]x[/]" in header and "\x1b" not in header
        assert app.is_running


async def test_resizing_to_40x12_collapses_without_a_crash(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        screen = app.explorer
        assert not screen.query_one("#entities").display or "-narrow" not in screen.classes
        assert "-narrow" in screen.classes
        await pilot.press("j", "enter", "n")
        assert screen.open is not None
        app.export_screenshot()  # draws every visible widget at this size
        assert app.is_running
