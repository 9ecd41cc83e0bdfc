"""The article under the list's cursor is made while the reader looks at the list (after the
frame that moved the cursor): enter then only shows it. What it shows is what opening it
without that would show, and anything that changed in between makes it again."""

from __future__ import annotations

from textual.pilot import Pilot

from tests.app.resting import rest_on_second_row
from tui.app import ExplorerApp
from tui.widgets.article_list import ArticleList
from tui.widgets.highlight import body_content
from tui.widgets.reading_pane import ReadingPane

SIZE = (120, 40)


def _pane(app: ExplorerApp) -> ReadingPane:
    return app.explorer.query_one(ReadingPane)


def _shown(pane: ReadingPane) -> tuple[object, ...]:
    """All the pane shows: header, indicator, window, scroll and every row of the body in view."""
    page = pane.page
    rows = [page.render_line(y).text for y in range(page.scrollable_content_region.height)]
    header, indicator = pane.query_one("#header"), pane.query_one("#indicator")
    return str(header.render()), str(indicator.render()), pane.window, page.scroll_y, page.virtual_size, rows


def _counting_openings(pane: ReadingPane) -> list[int]:
    """Each time the pane makes an article's opening from scratch, a 1 in the list returned."""
    made: list[int] = []
    opening = pane._opening
    pane._opening = lambda article: made.append(1) or opening(article)  # type: ignore[method-assign]
    return made


async def _shown_when_opened_afresh(pilot: Pilot, pane: ReadingPane, position: int) -> tuple[object, ...]:
    pane.show(None)
    await pilot.pause()
    pane.show(pilot.app.explorer.corpus.article(position))  # nothing was made ahead of this
    await pilot.pause()
    return _shown(pane)


async def test_enter_shows_the_article_made_while_the_cursor_rested_on_it(app: ExplorerApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await rest_on_second_row(pilot)
        pane, position = _pane(app), screen.query_one(ArticleList).current
        made = _counting_openings(pane)
        await pilot.press("enter")
        await pilot.pause()
        assert made == [] and screen.open == position
        opened = _shown(pane)
        assert len(opened[-1]) > 10 and any(opened[-1])  # rows of text in view
        assert await _shown_when_opened_afresh(pilot, pane, position) == opened
        assert made == [1]


async def test_the_filter_changing_before_enter_makes_the_article_again(app: ExplorerApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await rest_on_second_row(pilot)
        pane, position = _pane(app), screen.query_one(ArticleList).current
        article = screen.corpus.article(position)
        word = article.text.split()[-1].strip(".,\"'")  # a word of the body, marked once it is a filter word
        pane.show_terms([word])  # what a search result arriving in between does
        made = _counting_openings(pane)
        await pilot.press("enter")
        await pilot.pause()
        assert made == [1]
        assert pane.body == body_content(article, None, pane.window, [word])


async def test_a_new_width_before_enter_counts_the_rows_again(app: ExplorerApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await rest_on_second_row(pilot)
        pane, position = _pane(app), screen.query_one(ArticleList).current
        assert pane._ahead is not None
        made_at = pane._ahead.layout.width
        await pilot.resize_terminal(SIZE[0] - 14, SIZE[1])
        await pilot.pause()
        made = _counting_openings(pane)
        await pilot.press("enter")
        await pilot.pause()
        opened = _shown(pane)
        assert made == [] and made_at != pane.page._layout.width == pane.page.scrollable_content_region.width
        assert await _shown_when_opened_afresh(pilot, pane, position) == opened


async def test_an_article_changed_before_enter_is_shown_as_it_is_now(app: ExplorerApp) -> None:
    """A correction of a speaker, say, between the cursor's rest and enter."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await rest_on_second_row(pilot)
        pane = _pane(app)
        article = screen.corpus.article(screen.query_one(ArticleList).current)
        pane.prepare(article.model_copy(update={"title": "A title as it was before"}))
        made = _counting_openings(pane)
        pane.show(article)
        await pilot.pause()
        assert made == [1] and "A title as it was" not in str(pane.query_one("#header").render())
