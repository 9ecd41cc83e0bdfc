"""Blocks of text counted into rows at one width, and the rows drawn so far: what a `TextView`
shows, kept apart from the widget so that it can be made before it is shown (the article under
the list's cursor is made while the reader looks at the list; see `TextView.layout_ahead`).

Counting finds where each paragraph (a line of a block, between newlines) wraps at the width, on
the plain text (`wrap.wrap_cuts`, the cuts Textual's wrapping gives); a paragraph is styled and
wrapped into strips only when one of its rows is drawn, and kept for redrawing while scrolling.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence

from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions

from .paragraph import ParagraphRows, paragraph_rows
from .rows_ahead import RowsAhead
from .span_index import SortedSpans
from .wrap import wrap_cuts

CACHED_PARAGRAPHS = 256  # drawn paragraphs kept for redrawing while scrolling
FEW_SPANS = 64  # a block with more spans than this finds a paragraph's spans by bisection


class TextLayout:
    """`blocks` (each starting on a new row) counted into rows at `width` (0: not counted)."""

    def __init__(self, blocks: Sequence[Content], width: int, spans: dict[int, SortedSpans] | None = None) -> None:
        self.blocks = list(blocks)
        self.width = max(width, 0)
        # One entry a paragraph:
        self.paragraphs: list[tuple[int, int, int]] = []  # (block, start, end)
        self.first_rows: list[int] = []  # the row each paragraph starts on
        self.breaks: list[list[int]] = []  # where it wraps, as offsets into the paragraph
        self.rows = 0
        self.drawn: OrderedDict[int, ParagraphRows] = OrderedDict()  # paragraph: its rows, drawn
        self.drawn_key: tuple[object, ...] = ()  # what the drawn rows were styled with
        self.block_spans = spans if spans is not None else {}  # a block's spans by start, once drawn
        self.rows_ahead: RowsAhead | None = None  # the view's rows drawn with this layout (`TextView.layout_ahead`)
        if self.width:
            self._count()
        self._keys = [(block, start) for block, start, _ in self.paragraphs]  # to bisect

    def at_width(self, width: int) -> TextLayout:
        """The same blocks counted at another width."""
        return TextLayout(self.blocks, width, self.block_spans)

    def _count(self) -> None:
        row = 0
        for index, block in enumerate(self.blocks):
            text = block.plain
            start = 0
            for line in text.split("\n"):
                end = start + len(line)
                # Tabs expand to columns: wrapped as Content would. Else as textual.content wraps.
                cuts = _cuts(block[start:end].wrap(self.width)) if "\t" in line else wrap_cuts(line, self.width)
                self.paragraphs.append((index, start, end))
                self.first_rows.append(row)
                self.breaks.append(cuts)
                row += len(cuts) + 1
                start = end + 1
        self.rows = row

    # -- finding rows -----------------------------------------------------------------------------

    def row_of(self, block: int, offset: int) -> int:
        """The row that shows character `offset` of block `block`."""
        if not self.paragraphs:
            return 0
        index = max(bisect_right(self._keys, (block, offset)) - 1, 0)
        _, start, end = self.paragraphs[index]
        return self.first_rows[index] + bisect_right(self.breaks[index], min(offset, end) - start)

    def offset_at_row(self, row: int) -> tuple[int, int]:
        """(block, offset in it) of the first character on `row`."""
        if not self.paragraphs:
            return 0, 0
        index = max(bisect_right(self.first_rows, row) - 1, 0)
        block, start, _ = self.paragraphs[index]
        within = row - self.first_rows[index]
        cuts = self.breaks[index]
        return block, start + (cuts[within - 1] if 0 < within <= len(cuts) else 0)

    # -- drawing ----------------------------------------------------------------------------------

    def restyle(self, key: tuple[object, ...]) -> None:
        """Forget the rows drawn unless they were drawn with the styles `key` names."""
        if key != self.drawn_key:
            self.drawn_key = key
            self.drawn.clear()

    def strip_at(self, row: int, style: Style, options: RenderOptions) -> Strip | None:
        """Row `row`, drawn (None: no such row)."""
        if not 0 <= row < self.rows:
            return None
        index = bisect_right(self.first_rows, row) - 1
        return self._paragraph_rows(index, style, options)[row - self.first_rows[index]]

    def _paragraph_rows(self, index: int, style: Style, options: RenderOptions) -> ParagraphRows:
        """A paragraph's rows, styled and wrapped (as a `Static` would draw them)."""
        strips = self.drawn.get(index)
        if strips is None:
            block, start, end = self.paragraphs[index]
            strips = paragraph_rows(self._paragraph(block, start, end), self.breaks[index], self.width, style, options)
            self.drawn[index] = strips
            if len(self.drawn) > CACHED_PARAGRAPHS:
                self.drawn.popitem(last=False)
        else:
            self.drawn.move_to_end(index)
        return strips

    def _paragraph(self, block: int, start: int, end: int) -> Content:
        """`self.blocks[block][start:end]`, without looking at every span of the block: slicing
        Content shifts all of its spans, 3,600 for a window of a quote-dense article, for each
        paragraph drawn. The spans given to the slice are those it would keep, in their order."""
        content = self.blocks[block]
        spans = content.spans
        if len(spans) <= FEW_SPANS or (start == 0 and end >= len(content.plain)):
            return content[start:end]
        index = self.block_spans.get(block)
        if index is None:
            index = self.block_spans[block] = SortedSpans([s.start for s in spans], [s.end for s in spans])
        # A slice from 0 keeps spans ending at 0; from later, those ending after its start.
        kept = [spans[i] for i in index.meeting(start - 1 if start == 0 else start, end)]
        return Content(content.plain, kept, strip_control_codes=False)[start:end]


def _cuts(rows: list[Content]) -> list[int]:
    """Offsets where `rows` (one paragraph wrapped) begin, after the first: approximate with
    tabs (which widen the text), used only to find rows by offset."""
    cuts, at = [], 0
    for row in rows[:-1]:
        at += len(row.plain)
        cuts.append(at)
    return cuts
