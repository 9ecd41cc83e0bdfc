"""`y`: a quote copied as a citation (“…” — Speaker, Source, date, web address), from the reading
pane (the quote stepped to) or from a list of quotes (the highlighted one)."""

from __future__ import annotations

from textual.screen import Screen

from ..corpus import LiveCorpus, citation
from ..widgets.quote_list import QuoteList


def copy_citation(screen: Screen, corpus: LiveCorpus, position: int, number: int) -> None:
    """Copy quote `number` of the article at `position`, and say what was copied."""
    article = corpus.article(position)
    text = citation(article, article.quotes[number])
    screen.app.copy_to_clipboard(text)
    screen.notify(text, title="Copied", timeout=4, markup=False)


def copy_highlighted(screen: Screen, corpus: LiveCorpus, listed: QuoteList) -> None:
    """Copy the quote under the list's cursor (nothing when the list is empty)."""
    if len(listed.quotes):
        row = corpus.quote_row(int(listed.quotes[listed.cursor]))
        copy_citation(screen, corpus, row.position, row.number)
