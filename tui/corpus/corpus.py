"""A loaded corpus: its articles in load order, the load report, and the indexes over them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .index import CorpusIndex
from .load import iter_sources
from .models import Article, LoadReport
from .parse import parse_source
from .query import Query, QueryError, parse_query


@dataclass
class Corpus:
    """Articles in load order; positions in `articles` are what the index and queries return."""

    articles: list[Article] = field(default_factory=list)
    report: LoadReport = field(default_factory=LoadReport)
    index: CorpusIndex = field(default_factory=CorpusIndex)

    def add(self, article: Article) -> int:
        position = len(self.articles)
        self.articles.append(article)
        self.index.add(position, article)
        self.report.articles += 1
        return position

    def search(self, text: str) -> list[int] | QueryError:
        """Positions of the articles that match a filter, in load order, or why it is malformed."""
        query = parse_query(text)
        if isinstance(query, QueryError):
            return query
        return self.match(query)

    def match(self, query: Query) -> list[int]:
        return sorted(query.evaluate(self.index))

    def __len__(self) -> int:
        return len(self.articles)


def load_corpus(paths: Sequence[str | Path] | str | Path) -> Corpus:
    """Read and parse every article under `paths` (files or folders); never raises for bad files."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    corpus = Corpus()
    for item in iter_sources(paths, corpus.report):
        corpus.add(parse_source(item))
    return corpus


def corpus_from_articles(articles: Iterable[Article]) -> Corpus:
    corpus = Corpus()
    for article in articles:
        corpus.add(article)
    corpus.report.files = len(corpus.articles)
    return corpus
