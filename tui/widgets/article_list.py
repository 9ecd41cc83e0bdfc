"""The article list: date, source, quotes and title in fixed columns under their headers, one
line an article; the article open in the reading pane is marked, wherever the cursor goes."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Protocol

from rich.segment import Segment
from rich.style import Style
from textual.message import Message
from textual.strip import Strip

from ..corpus import ArticleRow
from ..safe_text import one_line
from .cells import fit
from .line_list import LineList

DATE_WIDTH = 10
SOURCE_WIDTH = 10
QUOTES_WIDTH = 6  # as wide as its header, "quotes"
SOURCE_SHOWN = 60  # columns from which the source has a column: below, the title needs the room
OPEN_MARK = "▸"  # in the margin of the open article's row
NOTE_STYLE = Style(italic=True)


class RowSource(Protocol):
    """Where the list reads its rows: `tui.corpus.LiveCorpus` serves them from its columns."""

    def row(self, position: int) -> ArticleRow: ...


class _NoRows:
    def row(self, position: int) -> ArticleRow:
        raise IndexError(position)


class ArticleMessage(Message):
    """What the list says of the article at a corpus position."""

    def __init__(self, position: int) -> None:
        super().__init__()
        self.position = position


class ArticleList(LineList):
    """Shows `rows` (article positions, already filtered and sorted by the screen)."""

    COMPONENT_CLASSES = LineList.COMPONENT_CLASSES | {
        "article-list--date", "article-list--source", "article-list--quotes", "article-list--title",
        "article-list--header", "article-list--open",
    }  # fmt: skip
    HEADER = True
    DEFAULT_CSS = """
    ArticleList > .article-list--date { color: $text-muted; }
    ArticleList > .article-list--source { color: $text-secondary; }
    ArticleList > .article-list--quotes { color: $text-accent; }
    ArticleList > .article-list--title { color: $foreground; }
    ArticleList > .article-list--header { color: $text-muted; text-style: bold underline; }
    ArticleList > .article-list--open { color: $accent; text-style: bold; }
    """

    class Opened(ArticleMessage):
        """The user asked to read the article at this corpus position."""

    class Resting(ArticleMessage):
        """The cursor moved onto the article at this corpus position (the reader may open it next)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source: RowSource = _NoRows()
        self.rows: Sequence[int] = ()
        self.note = ""  # shown in place of the rows when there are none (an empty corpus)
        self.opened: int | None = None  # the corpus position of the article being read

    def show(self, source: RowSource, rows: Sequence[int], keep: int | None = None, note: str = "") -> None:
        """Show these positions; the cursor follows article `keep` when it is still listed, and
        `note` says why when there are no rows.

        A cursor on the first row stays on the first row: while a corpus loads, newer articles
        arriving above must not carry the cursor down with them.
        """
        self.source, self.rows, self.note = source, rows, note
        cursor = None
        if keep is not None and self.cursor > 0:
            try:
                cursor = rows.index(keep)  # a result found as far as it is read (ordered.py): no further
            except ValueError:
                cursor = 0
        self.set_count(len(rows), cursor)

    @property
    def current(self) -> int | None:
        """The corpus position under the cursor."""
        return self.rows[self.cursor] if self.rows else None

    def move_to(self, row: int) -> None:
        before = self.cursor
        super().move_to(row)
        current = self.current
        if self.cursor != before and current is not None:
            self.post_message(self.Resting(current))

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current))

    def mark_open(self, position: int | None) -> None:
        """Mark the article being read; its row keeps the mark when the cursor moves on. Only
        the rows in view that gain or lose the mark are drawn again: drawing the whole list
        was a fifth of opening an article."""
        if position == self.opened:
            return
        marked = {self.opened, position}
        self.opened = position
        top = self.scroll_offset.y
        for row in range(top, min(top + self._rows_in_view(), self.count)):
            if self.rows[row] in marked:
                self.refresh_line(row + self._header)

    def render_header(self, width: int) -> list[Segment]:
        """The columns' names over them: only the words styled, not the padding."""
        styles = self.row_styles()
        style, base = styles["article-list--header"], styles[""]
        names = [("date", DATE_WIDTH, False)] + ([("source", SOURCE_WIDTH, False)] if width >= SOURCE_SHOWN else [])
        names += [("quotes", QUOTES_WIDTH, True), ("title", 0, False)]
        segments = [Segment(" ", base)]
        for name, size, right in names:
            padding = Segment(" " * max(size - len(name), 0), base)
            segments += [padding, Segment(name, style)] if right else [Segment(name, style), padding]
            segments.append(Segment(" ", base))
        return segments

    def render_row(self, row: int, width: int) -> list[Segment]:
        position = self.rows[row]
        day, title, source, count = self.source.row(position)
        date = day.strftime("%Y-%m-%d") if day else "—"
        quotes = fit(str(count), QUOTES_WIDTH, right=True)
        columns = [("article-list--date", fit(date, DATE_WIDTH)), ("article-list--quotes", quotes)]
        used = 1 + DATE_WIDTH + 1 + QUOTES_WIDTH + 1
        if width >= SOURCE_SHOWN:
            columns.insert(1, ("article-list--source", fit(one_line((source or "—")[:40]), SOURCE_WIDTH)))
            used += SOURCE_WIDTH + 1
        # A title can be a whole 50 MB line: only what can show is made visible and measured.
        title = one_line((title or "(untitled)")[: 2 * width + 8])
        columns.append(("article-list--title", fit(title, max(0, width - used - 1))))
        styles = self.row_styles()
        gap = Segment(" ", styles[""])
        margin = Segment(OPEN_MARK, styles["article-list--open"]) if position == self.opened else gap
        segments: list[Segment] = [margin]
        for name, text in columns:
            segments += [Segment(text, styles[name]), gap]
        return segments

    def render_line(self, y: int) -> Strip:
        if self.rows or not self.note:
            return super().render_line(y)
        width = self.scrollable_content_region.width
        base = self.row_styles()[""]
        lines = textwrap.wrap(one_line(self.note), max(1, width - 2))  # a path can be long
        line = lines[y] if y < len(lines) else ""
        return Strip([Segment(fit(f" {line}", width), base + NOTE_STYLE)]).adjust_cell_length(width, base)
