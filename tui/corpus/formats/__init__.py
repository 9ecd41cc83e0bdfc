"""Readers for real-world inputs: web pages, feeds, web archives, newsboat's cache, Parquet.

Each reader turns one file (its bytes, or its path for SQLite) into article sources and load
problems, and never raises on bad input. UI-free: nothing here imports textual or rich.

Ids: the articles of one container are `<file id>#<n>`, `n` counting from 1 over the container's
items (feed items, archive records, rows) in their order, so an id stays the same when another
item of the file fails; newsboat items use the database's own item id for `n`. A single web page
keeps the file id. The `path` of an item, and of a problem with one item, is `<file path>#<n>`.

Sources are `load.SourceText` with `meta` keys title, published (ISO 8601), source (site or feed
title), url, and two the parser does not read yet: author, section (the page's article:section,
the item's first category or tag); Parquet files we wrote give `Article`s, already parsed.

Dispatch in the loader: `reader_for(path, first_bytes)` for a file's bytes (None: text or JSON as
before; a parsed JSON document for which `is_json_feed` holds goes to `read_json_feed`); a
command-line argument for which `is_feed_url` holds goes to `fetch_feed`; newsboat's cache (the
`--newsboat` flag: `default_newsboat_path()`, or a `.db` file that `is_sqlite_file`) goes by path
to `read_newsboat`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TypeGuard

from .common import Loaded

if TYPE_CHECKING:
    from ..models import Article

__all__ = [
    "BYTES_READERS",
    "Loaded",
    "default_newsboat_path",
    "fetch_feed",
    "format_of",
    "is_feed_url",
    "is_json_feed",
    "is_sqlite_file",
    "read_json_feed",
    "read_newsboat",
    "read_parquet",
    "reader_for",
    "write_articles_parquet",
    "write_quotes_parquet",
]


def _html(data: bytes, path: str, file_id: str) -> Loaded:
    from .html import read_html

    return read_html(data, path, file_id)


def _feed(data: bytes, path: str, file_id: str) -> Loaded:
    from .feeds import read_feed

    return read_feed(data, path, file_id)


def _warc(data: bytes, path: str, file_id: str) -> Loaded:
    from .warc import read_warc

    return read_warc(data, path, file_id)


def _parquet(data: bytes, path: str, file_id: str) -> Loaded:
    return read_parquet(data, path, file_id)


def read_parquet(data: bytes, path: str, file_id: str, rows: range | None = None) -> Loaded:
    """A Parquet file's articles or sources; `rows`: only those (0-based), a share of the file."""
    from .parquet import read_parquet as read

    return read(data, path, file_id, rows)


# Longest suffix first: ".warc.gz" must win over ".gz". The libraries are imported on first use so
# that loading plain text never pays for lxml or pyarrow.
_SUFFIX_FORMATS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".rss", "feed"),
    (".atom", "feed"),
    (".parquet", "parquet"),
)
# Suffixes that hold feeds and other things alike: a feed only when the file's start says so.
_SNIFFED_SUFFIXES: tuple[str, ...] = (".xml", ".json")
SNIFF_BYTES = 4096
_FEED_START = re.compile(rb'<(?:[\w-]+:)?(?:rss|feed|RDF)\b|"version"\s*:\s*"https://jsonfeed\.org/version/')
BYTES_READERS: dict[str, Callable[[bytes, str, str], Loaded]] = {
    "html": _html,
    "feed": _feed,
    "warc": _warc,
    "parquet": _parquet,
}


def format_of(path: str | Path, head: bytes = b"") -> str | None:
    """The format of a file ("html", "feed", "warc", "parquet"), or None for the loader's own text
    and JSON reading. Most formats go by name; an `.xml` or `.json` file is a feed only when its
    first SNIFF_BYTES (`head`) open an RSS, Atom or RDF document or name a JSON Feed version (a JSON
    Feed with its `version` further down is still found by `is_json_feed` on the parsed document)."""
    name = Path(path).name.lower()
    by_name = next((fmt for suffix, fmt in _SUFFIX_FORMATS if name.endswith(suffix)), None)
    if by_name is None and name.endswith(_SNIFFED_SUFFIXES) and _FEED_START.search(head[:SNIFF_BYTES]):
        return "feed"
    return by_name


def reader_for(path: str | Path, head: bytes = b"") -> Callable[[bytes, str, str], Loaded] | None:
    """The reader for a file's bytes, chosen by `format_of`, or None when the loader's own text and
    JSON reading applies."""
    fmt = format_of(path, head)
    return BYTES_READERS[fmt] if fmt else None


# The entry points the loader, the CLI and export need, importable from here without a circular
# import (load.py may import this package at its top: nothing here imports load.py until called).


def is_feed_url(argument: str) -> bool:
    """An http(s) URL on the command line: a feed to fetch, not a path."""
    from .feeds import is_feed_url as check

    return check(argument)


def fetch_feed(url: str) -> Loaded:
    """A feed fetched with the timeout and size limit of `feeds`; failing is a load problem."""
    from .feeds import fetch_feed as fetch

    return fetch(url)


def is_json_feed(document: object) -> TypeGuard[dict]:
    """A parsed JSON document that is a JSON Feed (its `version` is a jsonfeed.org URL)."""
    from .feeds import is_json_feed as check

    return check(document)


def read_json_feed(document: dict, path: str, file_id: str) -> Loaded:
    from .feeds import read_json_feed as read

    return read(document, path, file_id)


def read_newsboat(path: str | Path, file_id: str) -> Loaded:
    """newsboat's cache.db, opened read-only; locked or damaged is a load problem."""
    from .newsboat import read_newsboat as read

    return read(path, file_id)


def default_newsboat_path() -> Path:
    from .newsboat import default_newsboat_path as where

    return where()


def is_sqlite_file(path: str | Path) -> bool:
    from .newsboat import is_sqlite_file as check

    return check(path)


def write_articles_parquet(articles: Iterable[Article], out: str | Path | BinaryIO) -> int:
    """One row an article, quotes and entities nested; returns the row count."""
    from .parquet import write_articles_parquet as write

    return write(articles, out)


def write_quotes_parquet(articles: Iterable[Article], out: str | Path | BinaryIO) -> int:
    """One row a quote; returns the row count."""
    from .parquet import write_quotes_parquet as write

    return write(articles, out)
