"""A loaded corpus: its articles in load order, the load report, and the indexes over them.

Loading one, from the cache or through worker processes, is `session.py`'s job.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .chosen import Chosen
from .corrections import Corrections
from .index import CorpusIndex, IndexEntry, index_entry
from .models import Article, LoadProblem, LoadReport
from .ordered import InOrder
from .query import Query, QueryError, parse_query
from .quote_filter import has_quote_terms
from .quote_table import SavedTable
from .quote_view import QuoteView
from .storage import ArticleStore, Compact

if TYPE_CHECKING:
    from .parallel import Item


@dataclass
class Corpus:
    """Articles in load order; positions in `articles` are what the index and queries return."""

    articles: ArticleStore = field(default_factory=ArticleStore)
    report: LoadReport = field(default_factory=LoadReport)
    index: CorpusIndex = field(default_factory=CorpusIndex)
    _quote_view: QuoteView | None = field(default=None, init=False, repr=False, compare=False)

    def add(self, article: Article) -> int:
        position = len(self.articles)
        self.articles.append(article)
        self.index.add_entry(position, index_entry(article))
        self.report.articles += 1
        return position

    def add_parsed(self, item: Compact, entry: IndexEntry) -> int:
        """Add an article a worker parsed (`parallel.parse_batch`): no pydantic model is made."""
        position = len(self.articles)
        self.articles.append_compact(item, entry.day)
        self.index.add_entry(position, entry)
        self.report.articles += 1
        return position

    def add_batch(self, items: Iterable[Item]) -> None:
        """Add what a parse stream handed back: articles, and problems for the report."""
        for item in items:
            if isinstance(item, LoadProblem):
                self.report.problems.append(item)
            else:
                self.add_parsed(*item)

    def search(self, text: str) -> Sequence[int] | QueryError:
        """Positions of the articles that match a filter, in load order, or why it is malformed."""
        query = parse_query(text)
        if isinstance(query, QueryError):
            return query
        return self.match(query)

    def match(self, query: Query) -> InOrder:
        """The articles a query finds, in load order, each found when first read (ordered.py)."""
        if has_quote_terms(query.root):  # `speaker:`, `quote:`, `cue:` combine within one quote
            return InOrder(self.quote_view().articles(query))
        return InOrder(Chosen(query.mask(self.index)))  # a mask: no set of a broad filter's matches

    def quote_view(self) -> QuoteView:
        """The corpus quote by quote (made on first use, brought up to date with each call)."""
        if self._quote_view is None:
            self._quote_view = QuoteView(self.articles, self.index)
        return self._quote_view.refresh()

    def set_corrections(self, corrections: Corrections) -> None:
        """Who is who, as the user corrected it: applied to every later count."""
        if self._quote_view is None:
            self._quote_view = QuoteView(self.articles, self.index, corrections)
        else:
            self._quote_view.set_corrections(corrections)

    def read_quote_table_from(self, saved: SavedTable) -> None:
        """A corpus opened from the cache: its quote table is read from `saved` (the entry's side
        file) when first needed, or built from the records and written there."""
        if self._quote_view is None:
            self._quote_view = QuoteView(self.articles, self.index)
        if not self._quote_view.table.articles:
            self._quote_view.table.saved = saved

    def save_quote_table(self, saved: SavedTable) -> None:
        """A corpus just parsed and cached (its records in memory): its quote table, built now if
        no reader built it yet, written to `saved` for the next warm open."""
        self.quote_view().save_to(saved)

    def __len__(self) -> int:
        return len(self.articles)
