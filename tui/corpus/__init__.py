"""The parsed corpus, free of any user interface: loading, parsing, indexes and the filter language.

Nothing in this package imports textual or rich.
"""

from .bundled import bundled_corpus
from .corpus import Corpus, corpus_from_articles, load_corpus
from .entities import find_entities
from .export import write_articles
from .index import CorpusIndex
from .load import iter_sources
from .models import Article, Entity, LoadProblem, LoadReport, Quote
from .parse import parse_source, parse_text
from .query import Query, QueryError, parse_query

__all__ = [
    "Article",
    "Corpus",
    "CorpusIndex",
    "Entity",
    "LoadProblem",
    "LoadReport",
    "Query",
    "QueryError",
    "Quote",
    "bundled_corpus",
    "corpus_from_articles",
    "find_entities",
    "iter_sources",
    "load_corpus",
    "parse_query",
    "parse_source",
    "parse_text",
    "write_articles",
]
