"""The quotes view's list: date, speaker, kind, the quote on one line, source and title; only the
rows in view are drawn (Line API), so 500,000 quotes cost what 50 do."""

from __future__ import annotations

from typing import Protocol

from rich.segment import Segment
from textual.message import Message

from ..corpus import QuoteIds, QuoteRow
from ..safe_text import one_line
from .cells import fit
from .line_list import LineList

DATE_WIDTH = 10
SPEAKER_WIDTH = 16
KIND_WIDTH = 1  # D, P or I: direct, partial, indirect (the header says so)
SOURCE_WIDTH = 10
WIDE = 100  # from this width on, the source and the title have their columns
TITLE_SHARE = 0.3  # of what is left after the fixed columns, on a wide screen
KIND_MARKS = {"direct": "D", "partial": "P", "indirect": "I"}
HEADER = "date · speaker · D/P/I direct, partial, indirect · quote · source · title"


class QuoteSource(Protocol):
    def quote_row(self, quote: int) -> QuoteRow: ...


class QuoteList(LineList):
    """Shows `quotes` (quote numbers, in the view's order)."""

    COMPONENT_CLASSES = LineList.COMPONENT_CLASSES | {
        "quote-list--date", "quote-list--speaker", "quote-list--kind", "quote-list--text",
        "quote-list--source", "quote-list--title",
    }  # fmt: skip
    DEFAULT_CSS = """
    QuoteList > .quote-list--date { color: $text-muted; }
    QuoteList > .quote-list--speaker { color: $speaker; }
    QuoteList > .quote-list--kind { color: $text-accent; }
    QuoteList > .quote-list--text { color: $foreground; }
    QuoteList > .quote-list--source { color: $text-secondary; }
    QuoteList > .quote-list--title { color: $text-muted; }
    """

    class Opened(Message):
        """Read the article of the quote at this row of the list."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None, steady_bar: bool = False) -> None:
        super().__init__(id=id, steady_bar=steady_bar)
        self.source: QuoteSource | None = None
        self.quotes: QuoteIds = ()

    def show(self, source: QuoteSource, quotes: QuoteIds) -> None:
        self.source, self.quotes = source, quotes
        self.set_count(len(quotes), 0)

    def action_select(self) -> None:
        if len(self.quotes):
            self.post_message(self.Opened(self.cursor))

    def render_row(self, row: int, width: int) -> list[Segment]:
        assert self.source is not None
        quote = self.source.quote_row(self.quotes[row])
        date = quote.day.isoformat() if quote.day else "—"
        speaker = one_line((quote.speaker or "unknown speaker")[:80])
        columns = [("quote-list--date", fit(date, DATE_WIDTH)), ("quote-list--speaker", fit(speaker, SPEAKER_WIDTH)),
                   ("quote-list--kind", KIND_MARKS.get(quote.kind, "?"))]  # fmt: skip
        used = 1 + DATE_WIDTH + 1 + SPEAKER_WIDTH + 1 + KIND_WIDTH + 1
        text = one_line(quote.text[: 2 * width + 8])
        if width >= WIDE:
            rest = width - used - SOURCE_WIDTH - 2
            title_width = int(rest * TITLE_SHARE)
            columns += [("quote-list--text", fit(text, rest - title_width - 1)),
                        ("quote-list--source", fit(one_line((quote.source or "—")[:40]), SOURCE_WIDTH)),
                        ("quote-list--title", fit(one_line(quote.title[: 2 * width]), title_width))]  # fmt: skip
        else:
            columns.append(("quote-list--text", fit(text, max(0, width - used - 1))))
        styles = self.row_styles()
        gap = Segment(" ", styles[""])
        segments: list[Segment] = [gap]
        for name, cell in columns:
            segments += [Segment(cell, styles[name]), gap]
        return segments
