"""The parsed corpus, free of any user interface: loading, parsing, indexes and the filter language.

Nothing in this package imports textual or rich.
"""

from .bundled import bundled_corpus
from .corpus import Corpus, corpus_from_articles, load_corpus
from .entities import find_entities
from .export import write_articles
from .fields import FIELDS, KIND_LABELS, NAME_FIELDS, Field, field_tokens, help_rows, hint_names
from .index import CorpusIndex
from .kinds import KIND_ORDER, KINDS, Kind
from .load import iter_sources
from .models import Article, Entity, LoadProblem, LoadReport, Quote
from .parse import parse_source, parse_text
from .query import Query, QueryError, parse_query

__all__ = [
    "Article",
    "Corpus",
    "CorpusIndex",
    "Entity",
    "FIELDS",
    "Field",
    "KINDS",
    "KIND_LABELS",
    "KIND_ORDER",
    "Kind",
    "NAME_FIELDS",
    "LoadProblem",
    "LoadReport",
    "Query",
    "QueryError",
    "Quote",
    "bundled_corpus",
    "corpus_from_articles",
    "field_tokens",
    "find_entities",
    "help_rows",
    "hint_names",
    "iter_sources",
    "load_corpus",
    "parse_query",
    "parse_source",
    "parse_text",
    "write_articles",
]
