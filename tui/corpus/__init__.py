"""The parsed corpus, free of any user interface: loading, parsing, indexes and the filter language.

Nothing in this package imports textual or rich. Everything the user interface (`tui.app`,
`tui.screens`, `tui.widgets`, `tui.__main__`, `tui.screenshots`) uses is imported from here, never
from a module inside: the contracts in pyproject.toml (`make lint`) hold both rules.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .bundled import bundled_corpus
    from .cache import stderr_notice
    from .citations import citation
    from .cluster import CLUSTER_FORMATS, ClusterError, ClusterExport, export_on_cluster
    from .corpus import Corpus
    from .corrections import Corrections, CorrectionsError, read_corrections
    from .entry_file import CacheEntryChanged
    from .export import FORMATS, export_pieces, write_articles
    from .fields import (
        FIELDS,
        KIND_LABELS,
        NAME_FIELDS,
        Field,
        field_tokens,
        help_rows,
        hint_names,
    )
    from .formats import default_newsboat_path, write_articles_parquet, write_quotes_parquet
    from .history import FilterHistory
    from .index import CorpusIndex, EntitySummary
    from .kinds import KIND_ORDER, KINDS, Kind
    from .load import iter_sources, nothing_loaded
    from .models import LOAD_REASONS, Article, Entity, LoadProblem, LoadReport, Quote
    from .parallel import prepare_workers
    from .parsing import find_entities, parse_source, parse_text
    from .people import GENDER_ORDER, Person, quoted_line, shares, shares_line
    from .people_stats import PersonRow, Profile
    from .query import Query, QueryError, parse_query
    from .quote_view import QUOTE_SORTS, QuoteRow
    from .records import PEOPLE_COLUMNS, QUOTE_COLUMNS, people_records, quote_records
    from .session import Found, LiveCorpus, load_corpus
    from .storage import SORTS, ArticleRow, sort_positions, timestamp
    from .terms import highlight_terms, term_spans
    from .timeline import UNITS, Bucket, Timeline
    from .views import PeopleFound, QuoteIds, QuotesFound, count
    from .walk import is_url

_LAZY = {  # each public name: the module it lives in, imported on first use
    "bundled_corpus": "bundled",
    "stderr_notice": "cache",
    "CacheEntryChanged": "entry_file",
    "citation": "citations",
    "CLUSTER_FORMATS": "cluster",
    "ClusterError": "cluster",
    "ClusterExport": "cluster",
    "export_on_cluster": "cluster",
    "Corpus": "corpus",
    "Corrections": "corrections",
    "CorrectionsError": "corrections",
    "read_corrections": "corrections",
    "FORMATS": "export",
    "export_pieces": "export",
    "write_articles": "export",
    "FIELDS": "fields",
    "KIND_LABELS": "fields",
    "NAME_FIELDS": "fields",
    "Field": "fields",
    "field_tokens": "fields",
    "help_rows": "fields",
    "hint_names": "fields",
    "default_newsboat_path": "formats",
    "write_articles_parquet": "formats",
    "write_quotes_parquet": "formats",
    "FilterHistory": "history",
    "CorpusIndex": "index",
    "EntitySummary": "index",
    "KIND_ORDER": "kinds",
    "KINDS": "kinds",
    "Kind": "kinds",
    "iter_sources": "load",
    "nothing_loaded": "load",
    "LOAD_REASONS": "models",
    "Article": "models",
    "Entity": "models",
    "LoadProblem": "models",
    "LoadReport": "models",
    "Quote": "models",
    "prepare_workers": "parallel",
    "find_entities": "parsing",
    "parse_source": "parsing",
    "parse_text": "parsing",
    "GENDER_ORDER": "people",
    "Person": "people",
    "shares": "people",
    "shares_line": "people",
    "quoted_line": "people",
    "PersonRow": "people_stats",
    "Profile": "people_stats",
    "Query": "query",
    "QueryError": "query",
    "parse_query": "query",
    "QUOTE_SORTS": "quote_view",
    "QuoteRow": "quote_view",
    "PEOPLE_COLUMNS": "records",
    "QUOTE_COLUMNS": "records",
    "people_records": "records",
    "quote_records": "records",
    "Found": "session",
    "LiveCorpus": "session",
    "load_corpus": "session",
    "SORTS": "storage",
    "ArticleRow": "storage",
    "sort_positions": "storage",
    "timestamp": "storage",
    "highlight_terms": "terms",
    "term_spans": "terms",
    "UNITS": "timeline",
    "Bucket": "timeline",
    "Timeline": "timeline",
    "PeopleFound": "views",
    "QuoteIds": "views",
    "QuotesFound": "views",
    "count": "views",
    "is_url": "walk",
}


def __getattr__(name: str) -> object:
    """A public name, its module imported on first use: a command pays only for what it runs
    (`export --no-cache` needs the parser, not the index, the cache or the query language)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next use is a plain global
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "LOAD_REASONS",
    "CLUSTER_FORMATS",
    "ClusterError",
    "ClusterExport",
    "FORMATS",
    "GENDER_ORDER",
    "PEOPLE_COLUMNS",
    "QUOTE_COLUMNS",
    "people_records",
    "quote_records",
    "QUOTE_SORTS",
    "SORTS",
    "UNITS",
    "Bucket",
    "CacheEntryChanged",
    "Corrections",
    "CorrectionsError",
    "PeopleFound",
    "Person",
    "PersonRow",
    "Profile",
    "QuoteRow",
    "QuoteIds",
    "QuotesFound",
    "Timeline",
    "count",
    "read_corrections",
    "quoted_line",
    "shares",
    "shares_line",
    "Article",
    "ArticleRow",
    "Corpus",
    "CorpusIndex",
    "Entity",
    "FIELDS",
    "FilterHistory",
    "Field",
    "KINDS",
    "KIND_LABELS",
    "KIND_ORDER",
    "Kind",
    "NAME_FIELDS",
    "EntitySummary",
    "Found",
    "LiveCorpus",
    "LoadProblem",
    "LoadReport",
    "Query",
    "QueryError",
    "Quote",
    "bundled_corpus",
    "citation",
    "default_newsboat_path",
    "export_on_cluster",
    "export_pieces",
    "field_tokens",
    "find_entities",
    "help_rows",
    "highlight_terms",
    "hint_names",
    "is_url",
    "iter_sources",
    "load_corpus",
    "nothing_loaded",
    "parse_query",
    "parse_source",
    "parse_text",
    "prepare_workers",
    "sort_positions",
    "stderr_notice",
    "term_spans",
    "timestamp",
    "write_articles",
    "write_articles_parquet",
    "write_quotes_parquet",
]
