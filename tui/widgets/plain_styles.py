"""Textual's per-line styling with its look-ups made once a frame, not once a line.

Before a widget's line reaches the screen, Textual's `StylesCache.render_line` wraps it in the
widget's styles: it reads the border, outline, gutter, tint, hatch and text opacity again for
every line (each a CSS rule look-up), makes two closures, asks for the running app and builds
the border's segments again: 20-50 us a line, about as much as drawing the line's text, for
every line of a list scrolled or an article opened. For a widget with no outline, hatch, tint
or opacity (our lists and the reading pane's text) a row inside its border needs only its
padding and its left and right border cells; this cache finds those once a frame and puts each
such row together as `render_line` would (the same segments, textual 8.2.8, pinned). The
border's top and bottom rows (with their titles), padding rows inside a border and any other
style are left to Textual's `render_line`, and so is the caching itself (which lines are
dirty, the line filters, cropping).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual._border import get_box
from textual._segment_tools import line_pad, make_blank
from textual._styles_cache import StylesCache
from textual.color import Color
from textual.css.styles import StylesBase
from textual.geometry import Size, Spacing
from textual.strip import Strip
from textual.style import Style

MIDDLE_ROW = 1  # `get_box`'s rows: top, middle, bottom; each (left, fill, right)
OPACITY_AT = 7  # `render`'s `opacity` among its arguments after the backgrounds: given by position, not plain


class Frame(NamedTuple):
    """What a content row of the widget needs, found once a frame."""

    inner: RichStyle  # the widget's background, for padding and blank cells
    top: int  # rows above the content: border and padding
    bottom: int  # rows below it
    border_top: bool  # the first row is a border (left to Textual: it may hold a title)
    border_bottom: bool
    left: Segment | None  # the left border's cell, or None
    right: Segment | None


def is_plain(styles: StylesBase, opacity: float) -> bool:
    """Whether `render_line` would only pad and border the widget's content rows: no outline,
    hatch, tint, opacity or text opacity."""
    if opacity != 1.0 or styles.text_opacity != 1.0 or styles.tint.a:
        return False
    if any(edge for edge, _ in styles.outline):
        return False
    return not (styles.has_rule("hatch") and styles.hatch != "none")


def frame_of(styles: StylesBase, base_background: Color, background: Color, inner: Style, outer: Style) -> Frame:
    """The content rows' frame, as `render_line` builds it for each (opacity 1)."""
    (top, _), (right, right_color), (bottom, _), (left, left_color) = styles.border

    def side(edge: str, color: Color, cell: int) -> Segment | None:
        if not edge:
            return None
        return get_box(edge, inner, outer, Style(foreground=base_background + color))[MIDDLE_ROW][cell]  # type: ignore[arg-type]

    gutter = styles.gutter
    return Frame(inner.rich_style, gutter.top, gutter.bottom, bool(top), bool(bottom),
                 side(left, left_color, 0), side(right, right_color, 2))  # fmt: skip


INNER_OUTER_KEPT = 1024  # background pairs remembered, as many as Textual's own cache of them


@lru_cache(INNER_OUTER_KEPT)
def inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    """`StylesCache.get_inner_outer`'s styles: the widget's background over what is under it, and that."""
    return Style(background=base_background + background), Style(background=base_background)


class PlainStylesCache(StylesCache):
    """A `StylesCache` that puts content rows together directly while the styles are plain."""

    def __init__(self) -> None:
        super().__init__()
        self._frame: Frame | None = None  # during a plain `render`, else None

    def get_inner_outer(self, base_background: Color, background: Color) -> tuple[Style, Style]:  # type: ignore[override]
        # Textual caches these with the cache itself in the key: each cache stayed alive, with all
        # its rows, until 1,024 later look-ups pushed it out. Rows drawn ahead make a cache for
        # every article the cursor rests on (tui/widgets/rows_ahead.py); here only the colours are kept.
        return inner_outer(base_background, background)

    def render(self, styles: StylesBase, size: Size, base_background: Color, background: Color,
               *args: Any, **kwargs: Any) -> list[Strip]:  # fmt: skip
        # Looked up once a frame, not once a line; `render_line` reads it. Textual passes the
        # opacity by name (`render_widget`); 1.0 is `render`'s own default.
        if is_plain(styles, kwargs.get("opacity", 1.0)) and len(args) <= OPACITY_AT:
            inner, outer = self.get_inner_outer(base_background, background)
            self._frame = frame_of(styles, base_background, background, inner, outer)
        try:
            return super().render(styles, size, base_background, background, *args, **kwargs)
        finally:
            self._frame = None

    def render_line(self, styles: StylesBase, y: int, size: Size, content_size: Size, padding: Spacing,
                    *args: Any) -> Strip:  # fmt: skip
        frame = self._frame
        width, height = size
        if frame is None or (frame.border_top and y == 0) or (frame.border_bottom and y == height - 1):
            return super().render_line(styles, y, size, content_size, padding, *args)
        inner, left, right = frame.inner, frame.left, frame.right
        if y < frame.top or y >= height - frame.bottom:  # a padding row
            if left or right:
                return super().render_line(styles, y, size, content_size, padding, *args)
            if self._simple_strip is None:
                self._simple_strip = Strip([make_blank(width, inner)], width)
            return self._simple_strip
        render_content_line = args[2]  # after the base and widget backgrounds, as Textual passes them
        content_width, content_height = content_size
        content_y = y - frame.top
        if content_y < content_height:
            line = render_content_line(content_y).adjust_cell_length(content_width, inner)
        else:
            line = Strip.blank(content_width, inner)
        _, pad_right, _, pad_left = padding
        if not (pad_left or pad_right or left or right):
            return line
        segments = line_pad(line, pad_left, pad_right, inner)
        if left:
            segments.insert(0, left)
        if right:
            segments.append(right)
        return Strip(segments, width)
