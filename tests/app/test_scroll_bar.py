"""The quick scrollbar (tui/widgets/scroll_bar.py) draws the rows Textual's own bar draws."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget

from tui.widgets.scroll_bar import QuickScrollBar
from tui.widgets.text_view import TextView

SCROLLS = (0, 1, 7, 33, 120, 10_000)  # rows scrolled: top, thumb's first steps, middle, end
LENGTHS = (3, 30, 31, 90, 400)  # rows of text: fitting, about the view's height, longer, far longer


class Reader(App[None]):
    def compose(self) -> ComposeResult:
        yield TextView(id="body")


def textual_rows(bar: QuickScrollBar) -> list:
    """What Textual's own pipeline draws for this bar now."""
    bar._styles_cache.clear()
    bar._dirty_regions.add(bar.size.region)  # its Rich render made again, not a stale one
    return Widget.render_lines(bar, bar.size.region)


async def test_the_text_views_bar_looks_as_textuals_at_every_length_and_scroll() -> None:
    app = Reader()
    async with app.run_test(size=(40, 20)) as pilot:
        view = app.query_one(TextView)
        bar = view.vertical_scrollbar
        assert isinstance(bar, QuickScrollBar)
        compared = 0
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            for length in LENGTHS:
                view.show_blocks([Content("\n".join(f"row {n}" for n in range(length)))], scroll="home")
                for scroll in SCROLLS:
                    view.scroll_to(y=scroll, animate=False, force=True)
                    await pilot.pause()
                    region = bar.size.region
                    assert region.height == 20
                    assert bar.render_lines(region) == textual_rows(bar), (theme, length, scroll)
                    part = Region(0, 5, region.width, region.height - 5)  # a crop: only the rows asked for
                    assert bar.render_lines(part) == textual_rows(bar)[5:], (theme, length, scroll)
                    compared += 1
        assert compared == 2 * len(LENGTHS) * len(SCROLLS)


async def test_a_bar_drawn_ahead_is_the_one_shown_next_and_the_shown_one_stays() -> None:
    """The text view's bar for an article about to be opened is drawn ahead (with its text):
    drawing it leaves the bar on screen as it is, and the next text of that length shows it."""
    app = Reader()
    async with app.run_test(size=(40, 20)) as pilot:
        view = app.query_one(TextView)
        bar = view.vertical_scrollbar
        assert isinstance(bar, QuickScrollBar)
        view.show_blocks([Content("\n".join(f"row {n}" for n in range(90)))], scroll="home")
        await pilot.pause()
        region = bar.size.region
        shown = bar.render_lines(region)
        bar.draw_ahead(400)
        ahead = next(reversed(bar._drawn.values()))
        assert ahead != shown and bar.render_lines(region) == shown == textual_rows(bar)
        view.show_blocks([Content("\n".join(f"row {n}" for n in range(400)))], scroll="home")
        await pilot.pause()
        taken = bar.render_lines(region)
        assert all(row is drawn for row, drawn in zip(taken, ahead, strict=True))
        assert taken == textual_rows(bar)
