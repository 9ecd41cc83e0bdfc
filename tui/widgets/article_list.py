"""The article list: date, source, quotes and title in fixed columns, one line an article."""

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
QUOTES_WIDTH = 3
NOTE_STYLE = Style(italic=True)


class RowSource(Protocol):
    """Where the list reads its rows: `tui.corpus.LiveCorpus` serves them from its columns."""

    def row(self, position: int) -> ArticleRow: ...


class _NoRows:
    def row(self, position: int) -> ArticleRow:
        raise IndexError(position)


class ArticleList(LineList):
    """Shows `rows` (article positions, already filtered and sorted by the screen)."""

    COMPONENT_CLASSES = LineList.COMPONENT_CLASSES | {
        "article-list--date", "article-list--source", "article-list--quotes", "article-list--title",
    }  # fmt: skip
    DEFAULT_CSS = """
    ArticleList > .article-list--date { color: $text-muted; }
    ArticleList > .article-list--source { color: $text-secondary; }
    ArticleList > .article-list--quotes { color: $text-accent; }
    ArticleList > .article-list--title { color: $foreground; }
    """

    class Opened(Message):
        """The user asked to read the article at this corpus position."""

        def __init__(self, position: int) -> None:
            super().__init__()
            self.position = position

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source: RowSource = _NoRows()
        self.rows: Sequence[int] = ()
        self.note = ""  # shown in place of the rows when there are none (an empty corpus)

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
                cursor = list(rows).index(keep)
            except ValueError:
                cursor = 0
        self.set_count(len(rows), cursor)

    @property
    def current(self) -> int | None:
        """The corpus position under the cursor."""
        return self.rows[self.cursor] if self.rows else None

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current))

    def render_row(self, row: int, width: int) -> list[Segment]:
        day, title, source, count = self.source.row(self.rows[row])
        date = day.strftime("%Y-%m-%d") if day else "—"
        quotes = fit(str(count), QUOTES_WIDTH, right=True)
        columns = [("article-list--date", fit(date, DATE_WIDTH)), ("article-list--quotes", quotes)]
        used = 1 + DATE_WIDTH + 1 + QUOTES_WIDTH + 1
        if width >= 60:  # below that the title needs the room more than the source does
            columns.insert(1, ("article-list--source", fit(one_line((source or "—")[:40]), SOURCE_WIDTH)))
            used += SOURCE_WIDTH + 1
        # A title can be a whole 50 MB line: only what can show is made visible and measured.
        title = one_line((title or "(untitled)")[: 2 * width + 8])
        columns.append(("article-list--title", fit(title, max(0, width - used - 1))))
        styles = self.row_styles()
        gap = Segment(" ", styles[""])
        segments: list[Segment] = [gap]
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
