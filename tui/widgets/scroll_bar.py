"""A vertical scrollbar whose rows are made straight from its segments, not through Rich.

Textual's `ScrollBar` draws itself as a Rich renderable: rendered by the console, cut into lines,
then each line through the widget's line pipeline (padding, border, tint, opacity: none of which a
bar has). Opening an article redraws two bars (the text's, whose length changed, and the entity
panel's), ~1.5 ms each of the ~17 ms an open costs. Here the bar's segments (the same
`ScrollBarRender.render_bar`) become one strip a row, with the bar's own style under them and the
app's line filters over them, as the pipeline would do; and the rows are kept while the bar looks
the same (the entity panel's bar is blank while its rows fit, whatever their count). The rows of
the bar an article about to be opened will show can be drawn ahead (`draw_ahead`), as the text's
are (tui/widgets/rows_ahead.py): two looks are kept, the one shown and the one drawn ahead.

Anything unusual (a horizontal bar, a renderer of one's own, a selection) is left to Textual.
"""

from __future__ import annotations

from typing import Any

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widget import Widget

from .rows_ahead import cut_ahead

NO_BACK = Color.parse("#555555")  # ScrollBarRender's own defaults, for a style without colours
NO_BAR = Color.parse("bright_magenta")
LOOKS_KEPT = 2  # the rows of the bar as shown, and as drawn ahead for the article to be opened


class QuickScrollBar(ScrollBar):
    """`ScrollBar`, its rows drawn without the Rich renderable (see the module's docstring)."""

    def __init__(self, vertical: bool = True, name: str | None = None, *, thickness: int = 1) -> None:
        super().__init__(vertical, name, thickness=thickness)
        self._drawn: dict[tuple[object, ...], list[Strip]] = {}  # rows by look, the last used last

    def render_lines(self, crop: Region) -> list[Strip]:
        rows = self._quick_rows()
        if rows is None:
            return super().render_lines(crop)
        strips = rows[crop.y : crop.bottom]
        if crop.column_span != (0, self.size.width):
            strips = [strip.crop(crop.x, crop.right) for strip in strips]
        return strips

    def draw_ahead(self, virtual_size: int, position: float = 0) -> None:
        """Draw, cut and render the rows the bar will show once its view is `virtual_size` rows
        long and scrolled to `position`; nothing on screen changes."""
        shown = self.window_virtual_size, self.position
        self.set_reactive(ScrollBar.window_virtual_size, virtual_size)
        self.set_reactive(ScrollBar.position, position)
        try:
            rows = self._quick_rows()
        finally:
            self.set_reactive(ScrollBar.window_virtual_size, shown[0])
            self.set_reactive(ScrollBar.position, shown[1])
        if rows is not None:
            cut_ahead(self, rows)

    def _quick_rows(self) -> list[Strip] | None:
        """All the bar's rows, drawn here; None where Textual must draw them."""
        if not self.vertical or self.renderer is not ScrollBarRender or self.text_selection is not None:
            return None
        bar = self.render()
        if not isinstance(bar, ScrollBarRender) or not isinstance(bar.style, Style):
            return None
        width, height = self.size
        filters = tuple(self.get_line_filters())
        _, background = self.background_colors
        base = self.visual_style.rich_style
        thumb = bool(bar.window_size and height and bar.virtual_size and height != bar.virtual_size)
        shape = (bar.virtual_size, bar.window_size, bar.position) if thumb else ()  # no thumb: all one look
        key = (width, height, shape, bar.style, base, filters, background)
        rows = self._drawn.pop(key, None)
        if rows is None:
            rows = _rows(bar, width, height, base, filters, background)
        self._drawn[key] = rows  # the last used last
        while len(self._drawn) > LOOKS_KEPT:
            del self._drawn[next(iter(self._drawn))]
        return rows


def _rows(
    bar: ScrollBarRender, width: int, height: int, base: Style, filters: tuple[Any, ...], background: Any
) -> list[Strip]:
    """The bar's rows: its segments (one a row) on the bar's own style, then the app's filters."""
    style = bar.style
    assert isinstance(style, Style)
    segments = ScrollBarRender.render_bar(
        size=height,
        virtual_size=bar.virtual_size,
        window_size=bar.window_size,
        position=bar.position,
        thickness=width,
        vertical=True,
        back_color=style.bgcolor or NO_BACK,
        bar_color=style.color or NO_BAR,
    ).segments
    rows = []
    for segment in segments[:height]:
        strip = Strip([Segment(segment.text, base + segment.style)], width)
        for line_filter in filters:
            strip = strip.apply_filter(line_filter, background)
        rows.append(strip)
    return rows


def quick_vertical_scrollbar(widget: Widget) -> ScrollBar:
    """`widget.vertical_scrollbar` as Textual makes it (textual 8.2.8, pinned), a `QuickScrollBar`."""
    if widget._vertical_scrollbar is None:
        bar = QuickScrollBar(vertical=True, name="vertical", thickness=widget.scrollbar_size_vertical)
        bar.display = False
        widget._vertical_scrollbar = bar
        widget.app._start_widget(widget, bar)
    return widget._vertical_scrollbar
