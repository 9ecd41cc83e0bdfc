"""The lists' and the reading pane's scrollbar, drawn into strips by hand, looks as Textual draws it."""

from __future__ import annotations

from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.scrollbar import ScrollBar

from tui.widgets.line_list import LineList
from tui.widgets.line_scrollbar import LineScrollBar

ROWS = 500  # far more than the terminal shows: the bar has a thumb


class Numbers(LineList):
    def render_row(self, row: int, width: int) -> list[Segment]:
        return [Segment(f"row {row}")]


class Listing(App[None]):
    def compose(self) -> ComposeResult:
        yield Numbers(id="numbers")

    def on_mount(self) -> None:
        self.query_one(Numbers).set_count(ROWS)


def textual_rows(bar: ScrollBar) -> list:
    bar.refresh()  # drawn afresh by Textual's own ScrollBar.render_line
    return [ScrollBar.render_line(bar, y) for y in range(bar.size.height)]


def own_rows(bar: ScrollBar) -> list:
    bar.refresh()
    return [bar.render_line(y) for y in range(bar.size.height)]


async def test_the_bar_s_rows_are_textual_s_at_every_position_hovered_or_not() -> None:
    app = Listing()
    async with app.run_test(size=(40, 17)) as pilot:
        numbers = app.query_one(Numbers)
        bar = numbers.vertical_scrollbar
        assert isinstance(bar, LineScrollBar) and bar.display
        for row in (0, 1, 7, 100, 250, 377, ROWS - 1):
            numbers.move_to(row)
            await pilot.pause()
            for hovered in (False, True):
                bar.mouse_over = hovered
                assert own_rows(bar) == textual_rows(bar), (row, hovered)
