"""A vertical scrollbar drawn straight into strips, for the lists and the reading pane.

Textual draws a scrollbar as a Rich renderable: its rows go through a console render, a style
wrapper and a line splitter each time the bar moves, ~1 ms for a 30-row bar. The list's bar moves
at every scrolling cursor step and the reading pane's at every article opened. This one makes
the same segments (`ScrollBarRender.render_bar`, with the style `ScrollBar.render` picks, over
the widget's own style, as `Widget.post_render` lays it) into strips itself: the same look
(textual 8.2.8, pinned; a test compares the rows), a fraction of the cost.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip

BACK = Color.parse("#555555")  # ScrollBarRender's own defaults, for a style without colours
BAR = Color.parse("bright_magenta")


class LineScrollBar(ScrollBar):
    """A vertical `ScrollBar` whose rows are made once a change (a refresh), not rendered by Rich."""

    def __init__(self, vertical: bool = True, name: str | None = None, *, thickness: int = 1) -> None:
        super().__init__(vertical, name, thickness=thickness)
        self._rows: list[Strip] = []

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        if self._dirty_regions or len(self._rows) != height or (self._rows and self._rows[0].cell_length != width):
            self._rows = self._draw(width, height)
            self._dirty_regions.clear()
        if 0 <= y < len(self._rows):
            return self._rows[y]
        return Strip.blank(width, self.visual_style.rich_style)

    def _draw(self, width: int, height: int) -> list[Strip]:
        bar = self.render()
        if not self.vertical or not isinstance(bar, ScrollBarRender) or not width or not height:
            return []  # not the case drawn here: no rows (never so for the bars made by `vertical_bar`)
        style = self.app.console.get_style(bar.style)  # as ScrollBarRender.__rich_console__ reads it
        segments = ScrollBarRender.render_bar(
            size=height, virtual_size=bar.virtual_size, window_size=bar.window_size, position=bar.position,
            thickness=width, vertical=True, back_color=style.bgcolor or BACK, bar_color=style.color or BAR,
        ).segments  # fmt: skip
        base = self.visual_style.rich_style
        if base:  # as Widget.post_render's wrapper lays the widget's style under the bar's
            return [Strip([Segment(text, base + style)], width) for text, style, _ in segments]
        return [Strip([segment], width) for segment in segments]


def vertical_bar(widget: ScrollView) -> ScrollBar:
    """`widget`'s vertical scrollbar, a `LineScrollBar`, made when first asked for (as Textual's
    `Widget.vertical_scrollbar` makes its own)."""
    if widget._vertical_scrollbar is None:
        bar = LineScrollBar(vertical=True, name="vertical", thickness=widget.scrollbar_size_vertical)
        bar.display = False
        widget._vertical_scrollbar = bar
        widget.app._start_widget(widget, bar)
    return widget._vertical_scrollbar
