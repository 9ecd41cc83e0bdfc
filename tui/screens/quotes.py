"""The quotes view (`Q`): every quote the filter finds, one a line; `enter` reads it in its article,
where `n`/`N` then step through the quotes of this view."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult

from ..commands import bindings
from ..corpus import QUOTE_SORTS, QuotesFound
from ..widgets.quote_list import HEADER, QuoteList
from .citing import copy_highlighted
from .view_base import ViewScreen


class QuotesScreen(ViewScreen):
    BINDINGS = ViewScreen.BINDINGS + bindings("quotes")

    def __init__(self, main) -> None:  # type: ignore[no-untyped-def]
        super().__init__(main)
        self.sort = QUOTE_SORTS[0]
        self.found: QuotesFound | None = None

    def compose_body(self) -> ComposeResult:
        quotes = QuoteList(id="quotes")
        quotes.border_title = "Quotes"
        quotes.border_subtitle = HEADER
        yield quotes

    def focus_body(self) -> None:
        self.query_one(QuoteList).focus()

    def fetch(self, text: str) -> object:
        return self.corpus.quotes(text, self.sort)

    def show(self, data: QuotesFound) -> None:  # type: ignore[override]
        self.found = data
        self.query_one(QuoteList).show(self.corpus, data.quotes)
        self.bar.show_count(len(data.quotes), data.total, loading=not self.corpus.finished)
        self.status(f"{data.summary} · sorted by {self.sort} (s)")

    def action_cycle_sort(self) -> None:
        self.sort = QUOTE_SORTS[(QUOTE_SORTS.index(self.sort) + 1) % len(QUOTE_SORTS)]
        self.reload()

    def action_copy_citation(self) -> None:
        copy_highlighted(self, self.corpus, self.query_one(QuoteList))

    @on(QuoteList.Opened)
    def _opened(self, event: QuoteList.Opened) -> None:
        if self.found is not None:
            self.main.open_quote(self.found.quotes, event.row)
