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

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from typing import Literal

from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.visual import RenderOptions
from textual.widget import Widget

from .paragraph import ParagraphRows, paragraph_rows
from .plain_styles import PlainStylesCache
from .scroll_bar import quick_vertical_scrollbar
from .span_index import SortedSpans
from .wrap import wrap_cuts

Anchor = tuple[int, int, Literal["top", "center"]]  # (block, offset in it, where to put its row)
CACHED_PARAGRAPHS = 256  # drawn paragraphs kept for redrawing while scrolling
FEW_SPANS = 64  # a block with more spans than this finds a paragraph's spans by bisection


class TextView(ScrollView, can_focus=True, inherit_bindings=False):
    """Shows `blocks` (Content, one after another, each starting on a new row). Its keys are its
    owner's (the reading pane scrolls it as less does), so it binds none of its own."""

    ALLOW_SELECT = False  # see the module's docstring
    DEFAULT_CSS = """
    TextView { overflow-x: hidden; overflow-y: scroll; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._styles_cache = PlainStylesCache()  # rows framed with styles looked up once a frame (plain_styles.py)
        self.blocks: list[Content] = []
        self._width = 0  # the width the rows were counted at; 0: not yet counted
        self._pending: Anchor | Literal["home"] | None = None  # where to scroll once counted
        # One entry a paragraph (a line of a block, between newlines):
        self._paragraphs: list[tuple[int, int, int]] = []  # (block, start, end)
        self._first_rows: list[int] = []  # the row each paragraph starts on
        self._breaks: list[list[int]] = []  # where it wraps, as offsets into the paragraph
        self._keys: list[tuple[int, int]] = []  # (block, start) of each paragraph, to bisect
        self._rows = 0
        self._drawn: OrderedDict[int, ParagraphRows] = OrderedDict()  # paragraph: its rows, drawn
        self._drawn_key: tuple[object, ...] = ()
        self._block_spans: dict[int, SortedSpans] = {}  # a block's spans by start, once drawn
        self._pass: tuple[int, int] | None = None  # (width, top row) while `render_lines` draws

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        return quick_vertical_scrollbar(self)  # drawn without Rich: tui/widgets/scroll_bar.py

    # -- what the owner calls -----------------------------------------------------------------

    def show_blocks(self, blocks: Sequence[Content], scroll: Anchor | Literal["home"] | None = None) -> None:
        """Show these blocks; then scroll home, or put a block's offset at the top or centre."""
        self.blocks = list(blocks)
        self._block_spans.clear()
        self._width = 0
        self._pending = scroll
        self._count(self.scrollable_content_region.width)
        self.refresh()

    def row_of(self, block: int, offset: int) -> int:
        """The row that shows character `offset` of block `block` (at the width counted)."""
        if not self._paragraphs:
            return 0
        index = max(bisect_right(self._keys, (block, offset)) - 1, 0)
        _, start, end = self._paragraphs[index]
        return self._first_rows[index] + bisect_right(self._breaks[index], min(offset, end) - start)

    def render(self) -> Content:  # the text as a whole, for tests and text selection
        return Content("\n").join(self.blocks)

    # -- counting rows (no styling): cheap, and done again only when the width changes ---------

    def _count(self, width: int) -> None:
        if width <= 0:
            return
        self._width = width
        self._drawn.clear()
        paragraphs: list[tuple[int, int, int]] = []
        first_rows: list[int] = []
        breaks: list[list[int]] = []
        row = 0
        for index, block in enumerate(self.blocks):
            text = block.plain
            start = 0
            for line in text.split("\n"):
                end = start + len(line)
                # Tabs expand to columns: wrapped as Content would. Else as textual.content wraps.
                cuts = _cuts(block[start:end].wrap(width)) if "\t" in line else wrap_cuts(line, width)
                paragraphs.append((index, start, end))
                first_rows.append(row)
                breaks.append(cuts)
                row += len(cuts) + 1
                start = end + 1
        self._paragraphs, self._first_rows, self._breaks = paragraphs, first_rows, breaks
        self._keys, self._rows = [(b, start) for b, start, _ in paragraphs], row
        size = Size(0, row)
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
        if width != self._width and width > 0:
            if self._pending is None and self._width and self._paragraphs:
                top = self.offset_at_row(round(self.scroll_y))  # the text at the top stays there
                self._pending = (top[0], top[1], "top") if self.scroll_y else "home"
            self._count(width)
            self.refresh()

    def offset_at_row(self, row: int) -> tuple[int, int]:
        """(block, offset in it) of the first character on `row` (at the width counted)."""
        if not self._paragraphs:
            return 0, 0
        index = max(bisect_right(self._first_rows, row) - 1, 0)
        block, start, _ = self._paragraphs[index]
        within = row - self._first_rows[index]
        cuts = self._breaks[index]
        return block, start + (cuts[within - 1] if 0 < within <= len(cuts) else 0)

    # -- drawing: only the rows in view ----------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # Drawn rows are kept while the width, the style and the theme stay the same.
        width = self.scrollable_content_region.width
        key = (width, self.visual_style, self.app.theme)
        if key != self._drawn_key:
            self._drawn_key = key
            self._drawn.clear()
        # The width and the scroll are the same for every line of a pass: found once, not a line.
        self._pass = (width, self.scroll_offset.y)
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def _paragraph_strips(self, index: int) -> ParagraphRows:
        """A paragraph's rows, styled and wrapped (as a `Static` would draw them)."""
        strips = self._drawn.get(index)
        if strips is None:
            block, start, end = self._paragraphs[index]
            # Textual's own Visual.to_strips passes `widget.styles` here too; its RulesMap annotation is too narrow.
            options = RenderOptions(self._get_style, self.styles)  # type: ignore[arg-type]
            paragraph, cuts = self._paragraph(block, start, end), self._breaks[index]
            strips = paragraph_rows(paragraph, cuts, self._width, self.visual_style, options)
            self._drawn[index] = strips
            if len(self._drawn) > CACHED_PARAGRAPHS:
                self._drawn.popitem(last=False)
        else:
            self._drawn.move_to_end(index)
        return strips

    def _paragraph(self, block: int, start: int, end: int) -> Content:
        """`self.blocks[block][start:end]`, without looking at every span of the block: slicing
        Content shifts all of its spans, 3,600 for a window of a quote-dense article, for each
        paragraph drawn. The spans given to the slice are those it would keep, in their order."""
        content = self.blocks[block]
        spans = content.spans
        if len(spans) <= FEW_SPANS or (start == 0 and end >= len(content.plain)):
            return content[start:end]
        index = self._block_spans.get(block)
        if index is None:
            index = self._block_spans[block] = SortedSpans([s.start for s in spans], [s.end for s in spans])
        # A slice from 0 keeps spans ending at 0; from later, those ending after its start.
        kept = [spans[i] for i in index.meeting(start - 1 if start == 0 else start, end)]
        return Content(content.plain, kept, strip_control_codes=False)[start:end]

    def render_line(self, y: int) -> Strip:
        width, top = self._pass or (self.scrollable_content_region.width, self.scroll_offset.y)
        rich_style = self.visual_style.rich_style
        row = top + y
        if width != self._width:
            self._count(width)
        if not 0 <= row < self._rows or not self._width:
            return Strip.blank(width, rich_style)
        index = bisect_right(self._first_rows, row) - 1
        try:
            strips = self._paragraph_strips(index)
            strip = strips[row - self._first_rows[index]]
        except Exception:  # one row that cannot be drawn must not take the app down
            strip = Strip([])
        return strip.adjust_cell_length(width, rich_style)


def _cuts(rows: list[Content]) -> list[int]:
    """Offsets where `rows` (one paragraph wrapped) begin, after the first: approximate with
    tabs (which widen the text), used only to find rows by offset."""
    cuts, at = [], 0
    for row in rows[:-1]:
        at += len(row.plain)
        cuts.append(at)
    return cuts
