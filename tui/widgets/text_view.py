"""Styled text that scrolls and draws only the lines in view (the Line API), with no layout pass.

A `Static` in a scrolling container costs a layout pass of the whole screen whenever its text
changes height (every widget draws again: ~16-20 ms a pass). This view keeps its text as
blocks of `Content`, knows where each paragraph wraps at its width (a count, found on the plain
text), and styles and wraps a paragraph only when one of its rows is drawn. Showing new text sets
the scrollable height without a layout pass; the vertical scrollbar is always there, so its
coming and going never changes the width either.

Rows wrap exactly as a `Static` wraps them (`Content.render_strips`, which wraps with
`divide_line`, whose cuts `wrap.wrap_cuts` gives here), so the text looks as it did in a `Static`.
Mouse selection of the text is not supported (Textual's selection works on a widget's whole render, not on rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.visual import RenderOptions
from textual.widget import Widget

from .rows_ahead import DrawsAhead
from .scroll_bar import QuickScrollBar, quick_vertical_scrollbar
from .text_layout import TextLayout

Anchor = tuple[int, int, Literal["top", "center"]]  # (block, offset in it, where to put its row)
Scroll = Anchor | Literal["home"] | None  # where a view shown goes: None stays where it is


class TextView(DrawsAhead, can_focus=True, inherit_bindings=False):
    """Shows `blocks` (Content, one after another, each starting on a new row). Its keys are its
    owner's (the reading pane scrolls it as less does), so it binds none of its own."""

    ALLOW_SELECT = False  # see the module's docstring
    DEFAULT_CSS = """
    TextView { overflow-x: hidden; overflow-y: scroll; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._layout = TextLayout([], 0)
        self._pending: Scroll = None  # where to scroll once counted
        self._pass: tuple[int, int, RenderOptions] | None = None  # (width, top row, options) while `render_lines` draws

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        return quick_vertical_scrollbar(self)  # drawn without Rich: tui/widgets/scroll_bar.py

    @property
    def blocks(self) -> list[Content]:
        return self._layout.blocks

    # -- what the owner calls -----------------------------------------------------------------

    def show_blocks(self, blocks: Sequence[Content], scroll: Scroll = None) -> None:
        """Show these blocks; then scroll home, or put a block's offset at the top or centre."""
        self.show_layout(TextLayout(blocks, self.scrollable_content_region.width), scroll)

    def layout_ahead(self, blocks: Sequence[Content], scroll: Scroll = None) -> TextLayout:
        """These blocks counted at this view's width and, when they would be shown from the top,
        their first screenful drawn, as the view's rows (tui/widgets/rows_ahead.py): all
        `show_layout` and the next frame would do with them, done now, while nothing waits for
        it. Nothing on screen changes."""
        layout = TextLayout(blocks, self.scrollable_content_region.width)
        if scroll == "home" and layout.width:
            shown, self._layout = self._layout, layout
            try:
                layout.rows_ahead = self.draw_ahead()
            finally:
                self._layout = shown
            bar = self.vertical_scrollbar
            if isinstance(bar, QuickScrollBar) and self.show_vertical_scrollbar:
                bar.draw_ahead(layout.rows)
        return layout

    def show_layout(self, layout: TextLayout, scroll: Scroll = None) -> None:
        """Show blocks counted already (`layout_ahead`), counted again if the width has changed."""
        width = self.scrollable_content_region.width
        self._pending = scroll
        ahead, layout.rows_ahead = layout.rows_ahead, None  # taken once: the cache is the view's from then on
        self._take(layout if layout.width == width else layout.at_width(width))
        self.refresh_all(ahead if self._layout is layout else None)

    def row_of(self, block: int, offset: int) -> int:
        """The row that shows character `offset` of block `block` (at the width counted)."""
        return self._layout.row_of(block, offset)

    def offset_at_row(self, row: int) -> tuple[int, int]:
        """(block, offset in it) of the first character on `row` (at the width counted)."""
        return self._layout.offset_at_row(row)

    def render(self) -> Content:  # the text as a whole, for tests and text selection
        return Content("\n").join(self.blocks)

    # -- counting rows (no styling): cheap, and done again only when the width changes ---------

    def _take(self, layout: TextLayout) -> None:
        self.let_go_after_frame(self._layout)
        self._layout = layout
        if not layout.width:
            return  # not counted until the view has a width (`on_resize`)
        size = Size(0, layout.rows)
        if size != self.virtual_size:
            # Not `self.virtual_size = size`: that reactive asks for a layout of the whole screen.
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
        self._apply_pending()

    def _apply_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending == "home":
            if self.scroll_y:
                self.scroll_to(y=0, animate=False, force=True)
        elif pending is not None:
            block, offset, where = pending
            row = self.row_of(block, offset)
            if where == "top":
                self.scroll_to(y=row, animate=False, force=True)
            else:
                self.scroll_to_region(Region(0, row, 1, 1), animate=False, center=True, force=True)

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        layout = self._layout
        if width != layout.width and width > 0:
            if self._pending is None and layout.width and layout.paragraphs:
                top = self.offset_at_row(round(self.scroll_y))  # the text at the top stays there
                self._pending = (top[0], top[1], "top") if self.scroll_y else "home"
            self._take(layout.at_width(width))
            self.refresh()

    # -- drawing: only the rows in view ----------------------------------------------------------

    def _style_key(self, width: int) -> tuple[object, ...]:
        """What drawn rows depend on besides their text: kept while it stays the same."""
        return (width, self.visual_style, self.app.theme)

    def _render_options(self) -> RenderOptions:
        # Textual's own Visual.to_strips passes `widget.styles` here too; its RulesMap annotation is too narrow.
        return RenderOptions(self._get_style, self.styles)  # type: ignore[arg-type]

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.scrollable_content_region.width
        self._layout.restyle(self._style_key(width))
        # The width, the scroll and the options are the same for every line of a pass: found once.
        self._pass = (width, self.top_row(), self._render_options())
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def render_line(self, y: int) -> Strip:
        width, top, options = self._pass or (
            self.scrollable_content_region.width, self.top_row(), self._render_options()
        )  # fmt: skip
        style = self.visual_style
        rich_style = style.rich_style
        if width != self._layout.width:
            self._take(self._layout.at_width(width))
        try:
            strip = self._layout.strip_at(top + y, style, options)
        except Exception:  # one row that cannot be drawn must not take the app down
            strip = Strip([])
        if strip is None:
            return Strip.blank(width, rich_style)
        return strip.adjust_cell_length(width, rich_style)
