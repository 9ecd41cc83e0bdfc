"""The parsed corpus, free of any user interface: loading, parsing, indexes and the filter language.

Nothing in this package imports textual or rich. Everything the user interface (`tui.app`,
`tui.screens`, `tui.widgets`, `tui.__main__`, `tui.screenshots`) uses is imported from here, never
from a module inside: the contracts in pyproject.toml (`make lint`) hold both rules.
"""

from .bundled import bundled_corpus
from .cache import CacheEntryChanged, stderr_notice
from .citations import citation
from .cluster import CLUSTER_FORMATS, ClusterError, ClusterExport, export_on_cluster
from .corpus import Corpus
from .corrections import Corrections, CorrectionsError, read_corrections
from .export import FORMATS, write_articles
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
from .models import Article, Entity, LoadProblem, LoadReport, Quote
from .parallel import prepare_workers
from .parsing import find_entities, parse_source, parse_text
from .people import GENDER_ORDER, Person, shares, shares_line
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

__all__ = [
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
