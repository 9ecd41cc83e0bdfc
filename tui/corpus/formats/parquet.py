"""Parquet by pyarrow: parsed articles out (one row each, quotes and entities nested), and back in.

`write_articles_parquet` writes one row an article with every `Article` field: spans as
`struct<start, end>`, paragraphs, quotes and entities as `list<struct>`, dates as ISO 8601 strings
(as the JSON export writes them: an article's own zone offset survives, which one timestamp column
could not keep). `write_quotes_parquet` writes one row a quote with its article's title, date,
source and URL, for data frames. pandas, polars and DuckDB read both.

`read_parquet` turns a file that `write_articles_parquet` wrote back into `Article` objects without
parsing anything again, each checked as an exported JSON article is (model validation, then
`offset_problems`); a foreign file with `text` (and perhaps `title`, `date`, `source`, `url`)
columns gives raw sources to parse; anything else is a load problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from ..decode import normalise_newlines
from ..models import Article, exported_article
from ..sources import SourceText
from .common import Loaded, clean_meta, item_id, item_path

ROWS_PER_BATCH = 1_000
FORMAT_KEY = b"article-explorer"
FORMAT_ARTICLES = b"articles/1"
FORMAT_QUOTES = b"quotes/1"
RAW_TEXT_COLUMNS = ("text", "body", "content")
RAW_META_COLUMNS = ("title", "date", "published", "source", "url", "author", "section")

SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64())])
QUOTE = pa.struct(
    [
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
        ("kind", pa.string()),
        ("speaker", pa.string()),
        ("speaker_id", pa.string()),
        ("speaker_span", SPAN),
        ("cue", pa.string()),
        ("cue_span", SPAN),
    ]
)
ENTITY = pa.struct(
    [
        ("id", pa.string()),
        ("name", pa.string()),
        ("kind", pa.string()),
        ("aliases", pa.list_(pa.string())),
        ("roles", pa.list_(pa.string())),
        ("mentions", pa.list_(SPAN)),
        ("gender", pa.string()),
    ]
)
ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("path", pa.string()),
        ("title", pa.string()),
        ("title_span", SPAN),
        ("published", pa.string()),
        ("dateline", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("section", pa.string()),
        ("date_from_name", pa.bool_()),
        ("text", pa.string()),
        ("paragraphs", pa.list_(SPAN)),
        ("quotes", pa.list_(QUOTE)),
        ("entities", pa.list_(ENTITY)),
    ],
    metadata={FORMAT_KEY: FORMAT_ARTICLES},
)
QUOTE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("title", pa.string()),
        ("published", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("kind", pa.string()),
        ("speaker", pa.string()),
        ("speaker_id", pa.string()),
        ("cue", pa.string()),
        ("quote", pa.string()),
    ],
    metadata={FORMAT_KEY: FORMAT_QUOTES},
)
_SPAN_FIELDS = ("title_span", "speaker_span", "cue_span")
# Columns added after the first article files were written: a file without them still opens.
_LATER_COLUMNS = frozenset({"section", "date_from_name"})
_REQUIRED_COLUMNS = [name for name in ARTICLE_SCHEMA.names if name not in _LATER_COLUMNS]


def write_articles_parquet(articles: Iterable[Article], out: str | Path | BinaryIO) -> int:
    """One row an article; written in batches, so memory holds one batch. Returns the row count."""
    return _write(ARTICLE_SCHEMA, (_article_row(a) for a in articles), out)


def write_quotes_parquet(articles: Iterable[Article], out: str | Path | BinaryIO) -> int:
    """One row a quote, with its article's id, title, date, source and URL. Returns the row count."""
    return _write(QUOTE_SCHEMA, (row for a in articles for row in _quote_rows(a)), out)


def _write(schema: pa.Schema, rows: Iterator[dict], out: str | Path | BinaryIO) -> int:
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict] = []
        for row in rows:
            batch.append(row)
            if len(batch) == ROWS_PER_BATCH:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
                count += len(batch)
                batch.clear()
        if batch or not count:  # an empty corpus still gets a file with the schema
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def _article_row(article: Article) -> dict:
    row = article.model_dump(mode="json")
    row["title_span"] = _span(row["title_span"])
    row["paragraphs"] = [_span(span) for span in row["paragraphs"]]
    for quote in row["quotes"]:
        quote["speaker_span"] = _span(quote["speaker_span"])
        quote["cue_span"] = _span(quote["cue_span"])
    for entity in row["entities"]:
        entity["mentions"] = [_span(span) for span in entity["mentions"]]
    return row


def _quote_rows(article: Article) -> Iterator[dict]:
    published = article.date.isoformat() if article.date else None
    for quote in article.quotes:
        yield {
            "article_id": article.id,
            "title": article.title,
            "published": published,
            "source": article.source,
            "url": article.url,
            "start": quote.start,
            "end": quote.end,
            "kind": quote.kind,
            "speaker": quote.speaker,
            "speaker_id": quote.speaker_id,
            "cue": quote.cue,
            "quote": quote.text,
        }


def _span(span: list[int] | None) -> dict | None:
    return None if span is None else {"start": span[0], "end": span[1]}


def _pair(span: dict | None) -> list[int] | None:
    return None if span is None else [span["start"], span["end"]]


def read_parquet(data: bytes, path: str, file_id: str, rows: range | None = None) -> Loaded:
    """A Parquet file's bytes: our articles as `Article`s, a foreign table with text as sources;
    `rows` (0-based), only those rows: a share of the file read on one machine of a cluster."""
    loaded = Loaded()
    try:
        parquet = pq.ParquetFile(pa.BufferReader(data))
        schema = parquet.schema_arrow
    except (pa.ArrowException, OSError, ValueError) as error:
        loaded.problem(path, "malformed", f"not a Parquet file: {error}")
        return loaded
    kind = (schema.metadata or {}).get(FORMAT_KEY)
    if kind == FORMAT_QUOTES:
        loaded.problem(path, "malformed", "a table of quotes (one row a quote): export articles to reopen them")
        return loaded
    try:
        if kind == FORMAT_ARTICLES or _has_article_shape(schema):
            _read_articles(parquet, path, loaded, rows)
        elif any(name in schema.names for name in RAW_TEXT_COLUMNS):
            _read_raw(parquet, path, file_id, loaded, rows)
        else:
            loaded.problem(path, "malformed", f"no text column ({', '.join(RAW_TEXT_COLUMNS)})")
    except (pa.ArrowException, OSError, ValueError) as error:
        loaded.problem(path, "malformed", f"unreadable Parquet data: {error}")
    if not loaded.sources and not loaded.problems:
        loaded.problem(path, "empty", "a Parquet file without rows")
    return loaded


def _has_article_shape(schema: pa.Schema) -> bool:
    """Every column of our article schema, with its type: a file we wrote whose metadata was lost."""
    return all(
        name in schema.names and schema.field(name).type == ARTICLE_SCHEMA.field(name).type
        for name in _REQUIRED_COLUMNS
    )


def _rows(parquet: pq.ParquetFile, columns: list[str], rows: range | None = None) -> Iterator[tuple[int, dict]]:
    """(row number from 1, row) for every row, or for those in `rows` (0-based)."""
    wanted = rows if rows is not None else range(parquet.metadata.num_rows)
    start = 0
    for batch in parquet.iter_batches(batch_size=ROWS_PER_BATCH, columns=columns):
        end = start + batch.num_rows
        low, high = max(start, wanted.start), min(end, wanted.stop)
        if low < high:
            yield from enumerate(batch.slice(low - start, high - low).to_pylist(), low + 1)
        if end >= wanted.stop:
            return
        start = end


def _read_articles(parquet: pq.ParquetFile, path: str, loaded: Loaded, rows: range | None = None) -> None:
    present = parquet.schema_arrow.names
    missing = [name for name in _REQUIRED_COLUMNS if name not in present]
    if missing:
        loaded.problem(path, "malformed", f"missing columns: {', '.join(missing)}")
        return
    for number, row in _rows(parquet, [name for name in ARTICLE_SCHEMA.names if name in present], rows):
        article = _article(row, item_path(path, number), loaded)
        if article is not None:
            loaded.sources.append(article)


def _article(row: dict, where: str, loaded: Loaded) -> Article | None:
    """A row back as an `Article`: trusted for its shape only, and checked for it."""
    try:
        row["title_span"] = _pair(row["title_span"])
        row["paragraphs"] = [_pair(span) for span in row["paragraphs"] or []]
        for quote in row["quotes"] or []:
            for name in _SPAN_FIELDS[1:]:
                quote[name] = _pair(quote[name])
        for entity in row["entities"] or []:
            entity["mentions"] = [_pair(span) for span in entity["mentions"] or []]
    except (TypeError, KeyError):
        loaded.problem(where, "malformed", "1 invalid fields")
        return None
    article = exported_article({key: value for key, value in row.items() if value is not None})
    if isinstance(article, str):
        loaded.problem(where, "malformed", article)
        return None
    return article


def _read_raw(parquet: pq.ParquetFile, path: str, file_id: str, loaded: Loaded, rows: range | None = None) -> None:
    names = parquet.schema_arrow.names
    text_column = next(name for name in RAW_TEXT_COLUMNS if name in names)
    columns = [text_column, *(name for name in (*RAW_META_COLUMNS, "id") if name in names)]
    for number, row in _rows(parquet, columns, rows):
        where = item_path(path, number)
        text = row.get(text_column)
        if not isinstance(text, str) or not text.strip():
            loaded.problem(where, "empty", f'no "{text_column}"')
            continue
        identity = str(row["id"]) if row.get("id") not in (None, "") else item_id(file_id, number)
        meta = clean_meta(**{key: row.get(key) for key in RAW_META_COLUMNS})
        loaded.sources.append(SourceText(id=identity, path=where, text=normalise_newlines(text), meta=meta))
