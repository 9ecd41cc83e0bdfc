"""A keyboard list that renders only the rows in view (the Line API), whatever the row count.

A widget per row costs seconds at 10,000 rows; a ScrollView that draws visible lines on demand
stays instant at 100,000 (measured in TEXTUAL-NOTES.md). Subclasses say how a row looks.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import Widget

from ..commands import bindings
from .rows_ahead import DrawsAhead
from .scroll_bar import quick_vertical_scrollbar

# The scrollbar's colours, drawn as the list's background while every row is in view.
FIT_BAR_PARTS = ("color", "color-hover", "color-active", "background", "background-hover", "background-active")
STEADY_BAR = "-steady-bar"  # the class of a list whose scrollbar stays (LineList's `steady_bar`)


class LineList(DrawsAhead, can_focus=True):
    """Rows 0..count-1 with a cursor that keys and clicks move; a subclass with `HEADER` draws
    `render_header` on the top line, which stays there while the rows scroll under it.

    `steady_bar`: the scrollbar always there, drawn as blank background while the rows fit (the
    `-fits` class): a list gaining or losing its bar as its rows change lays the whole screen out
    twice (60-90 ms at a million articles), its neighbours resized."""

    HEADER = False
    # Every line under the last row is blank (a subclass that draws more there, a note, says False):
    # showing new rows then draws again only the lines that held rows or will, not the blank rest.
    BLANK_UNDER_ROWS = False

    BINDINGS = bindings("list")
    COMPONENT_CLASSES = {"line-list--cursor"}
    DEFAULT_CSS = (
        """
    LineList { background: $surface; }
    LineList > .line-list--cursor { background: $block-cursor-blurred-background; }
    LineList:focus > .line-list--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    LineList.-steady-bar { overflow-y: scroll; }
    """
        + "LineList.-steady-bar.-fits { "
        + " ".join(f"scrollbar-{part}: $surface;" for part in FIT_BAR_PARTS)
        + " }"
    )

    def __init__(self, *, id: str | None = None, steady_bar: bool = False) -> None:
        super().__init__(id=id, classes=STEADY_BAR if steady_bar else "")
        self.cursor = 0
        self.count = 0
        self._row_styles: dict[str, Style] | None = None  # until the styles change (`notify_style_update`)
        self._pass: tuple[int, int] | None = None  # (width, top row) while `render_lines` draws

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        return quick_vertical_scrollbar(self)  # drawn without Rich: tui/widgets/scroll_bar.py

    # -- what subclasses provide ------------------------------------------------------------

    def render_row(self, row: int, width: int) -> list[Segment]:
        raise NotImplementedError

    def render_header(self, width: int) -> list[Segment]:
        return []

    @property
    def _header(self) -> int:
        return 1 if self.HEADER else 0

    def _rows_in_view(self) -> int:
        return max(1, self.scrollable_content_region.height - self._header)

    # -- drawing ----------------------------------------------------------------------------

    def set_count(self, count: int, cursor: int | None = None) -> None:
        """Show `count` rows; the cursor stays where it was unless told, within range."""
        drawn = max(self.count, count)  # the rows that were drawn or will be
        self.count = count
        self.cursor = max(0, min(self.cursor if cursor is None else cursor, count - 1))
        size = Size(0, count + self._header)
        if size != self.virtual_size:
            # Assigning virtual_size lays out the whole screen; only this list changes, so set it
            # quietly and update the scrollbars (textual 8.2.8, pinned).
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
        self._refresh_rows(drawn)
        self._show_fit()
        if self.scrollable_content_region.height:  # not laid out yet: `on_resize` brings the cursor
            # Scrolled now (a ScrollView scrolls at once), so the next frame shows the new rows where
            # they belong; called after the refresh, it let a first frame draw them at the old scroll
            # (the cursor out of view) and a second one move them.
            self._cursor_into_view()

    def on_resize(self) -> None:
        self._show_fit()
        self._cursor_into_view()  # a list made shorter (a box shown above it) keeps its cursor in view

    def _show_fit(self) -> None:
        """A steady bar blank while every row is in view: a class, not the bar's coming and going."""
        if self.has_class(STEADY_BAR):
            self.set_class(self.count + self._header <= self.scrollable_content_region.height, "-fits")

    def _refresh_rows(self, rows: int) -> None:
        """Draw again the header and rows up to `rows` (all of the list, unless `BLANK_UNDER_ROWS`)."""
        top = self.scroll_offset.y
        lines = self._header + rows - top
        if not self.BLANK_UNDER_ROWS or lines >= self.scrollable_content_region.height:
            self.refresh()
        elif lines > 0:
            self.refresh_lines(top, lines)

    def row_styles(self) -> dict[str, Style]:
        """Every component's style by name ("" for the widget's own), looked up once while the
        styles stay the same, not once a row or a frame: Textual forgets its own lookups at each
        refresh, and looking up eight components again cost ~0.5 ms a cursor key."""
        styles = self._row_styles
        if styles is None:
            styles = {name: self.get_component_rich_style(name) for name in self.COMPONENT_CLASSES}
            styles[""] = self.rich_style
            styles["line-list--cursor"] = _without_dim(styles["line-list--cursor"])
            self._row_styles = styles
        return styles

    def notify_style_update(self) -> None:
        # Textual calls this on this widget and its descendants whenever their styles are applied
        # again: a focus or hover change, the screen's classes (its width), a theme, the CSS.
        super().notify_style_update()
        self._row_styles = None

    def render_lines(self, crop: Region) -> list[Strip]:
        # The width and the scroll are the same for every line of a pass: found once, not a line.
        self._pass = (self.scrollable_content_region.width, self.top_row())
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def render_line(self, y: int) -> Strip:
        width, top = self._pass or (self.scrollable_content_region.width, self.top_row())
        styles = self.row_styles()
        base = styles[""]
        if y < self._header:
            return Strip(self.render_header(width)).adjust_cell_length(width, base)
        row = top + y - self._header
        if row >= self.count:
            return Strip.blank(width, base)
        try:
            segments = self.render_row(row, width)
        except Exception:  # one row that cannot be drawn must not take the app down
            segments = [Segment("  (this row could not be shown)", base + Style(italic=True))]
        if row == self.cursor:
            segments = list(Segment.apply_style(segments, post_style=styles["line-list--cursor"]))
        return Strip(segments).adjust_cell_length(width, base)

    def _cursor_into_view(self) -> None:
        """Scroll as little as puts the cursor's row in view (under the header, if any)."""
        if not self.count:
            return
        top, view = self.scroll_offset.y, self._rows_in_view()
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, force=True)
        elif self.cursor >= top + view:
            self.scroll_to(y=self.cursor - view + 1, animate=False, force=True)

    # -- moving -----------------------------------------------------------------------------

    def move_to(self, row: int) -> None:
        """Move the cursor; only the two rows that change are drawn again, unless it scrolls."""
        if not self.count:
            return
        old, new = self.cursor, max(0, min(row, self.count - 1))
        if new == old:
            return
        self.cursor = new
        top, view = self.scroll_offset.y, self._rows_in_view()
        if top <= new < top + view:
            self.refresh_line(old + self._header)
            self.refresh_line(new + self._header)
        else:
            self._cursor_into_view()
            self.refresh()

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self.count - 1)

    def action_page_down(self) -> None:
        self.move_to(self.cursor + max(1, self._rows_in_view() - 1))

    def action_page_up(self) -> None:
        self.move_to(self.cursor - max(1, self._rows_in_view() - 1))

    def action_select(self) -> None:
        """`enter`: subclasses post what choosing their row means."""

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)  # the border is not a row
        row = self.scroll_offset.y + offset.y - self._header if offset and offset.y >= self._header else -1
        if 0 <= row < self.count:
            self.move_to(row)
            self.action_select()


def _without_dim(style: Style) -> Style:
    # The cursor colours must win over the row's column colours, including a dim column.
    return style + Style(dim=False)
