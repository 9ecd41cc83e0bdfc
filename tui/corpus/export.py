"""The interchange format: one JSON object an article (JSON Lines), a JSON list, or CSV of quotes.

Two ways to the same bytes: `write_articles` writes a loaded corpus's articles; `export_pieces`
parses files and hands each article's text on as the workers make it (`export --no-cache`),
with no corpus, index or cache on the way: a parsed article is formatted where it was parsed
and written in load order.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from .models import Article, LoadProblem, LoadReport

FORMATS = ("jsonl", "json", "csv")
CSV_COLUMNS = ("article_id", "title", "published", "source", "start", "end", "kind", "speaker", "cue", "quote")
JSON_INDENT = 1  # the JSON list's indent: one space a level
Progress = Callable[[int, int], None]  # (files read, files in all), as parallel.py gives it


def article_record(article: Article) -> dict:
    """The exported form of one article: every model field, dates in ISO 8601."""
    return article.model_dump(mode="json")


# json.dumps(record, ensure_ascii=False[, indent=JSON_INDENT]) without making an encoder an article,
# nor looking for cycles a record cannot have: the same text, a tenth sooner.
_line = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
_indented = json.JSONEncoder(ensure_ascii=False, check_circular=False, indent=JSON_INDENT).encode


def jsonl_line(article: Article) -> str:
    """One article as a line of JSON Lines, its newline included."""
    return _line(article_record(article)) + "\n"


def json_element(article: Article) -> str:
    """One article as an element of the list `json.dump(..., indent=JSON_INDENT)` writes: the
    object indented one level more. JSON text holds no raw newline inside a string (it is
    escaped), so every newline here is one of the layout's."""
    pad = " " * JSON_INDENT
    return pad + _indented(article_record(article)).replace("\n", "\n" + pad)


def csv_rows(article: Article) -> str:
    """One article's quotes as CSV rows (none for an article without quotes)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(quote_rows(article))
    return buffer.getvalue()


def csv_header() -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(CSV_COLUMNS)
    return buffer.getvalue()


def quote_rows(article: Article) -> Iterator[tuple]:
    published = article.date.isoformat() if article.date else ""
    for quote in article.quotes:
        yield (article.id, article.title, published, article.source or "", quote.start, quote.end, quote.kind,
               quote.speaker or "", quote.cue or "", quote.text)  # fmt: skip


# Each format's form of one article, made in the worker that parsed it (a module-level function:
# the workers get it by name).
PIECES = {"jsonl": jsonl_line, "json": json_element, "csv": csv_rows}


def framed(pieces: Iterable[str], fmt: str) -> Iterator[str]:
    """The articles' pieces with what goes before, between and after them in `fmt`; nothing at
    all when there are none (an export of nothing writes nothing)."""
    first = True
    for piece in pieces:
        if first:
            yield {"jsonl": "", "json": "[\n", "csv": csv_header()}[fmt]
        elif fmt == "json":
            yield ",\n"
        yield piece
        first = False
    if fmt == "json" and not first:
        yield "\n]\n"


def write_jsonl(articles: Iterable[Article], out: TextIO) -> None:
    out.writelines(map(jsonl_line, articles))


def write_json(articles: Iterable[Article], out: TextIO) -> None:
    listed = list(articles)
    out.writelines(framed(map(json_element, listed), "json") if listed else ["[]\n"])


def write_csv(articles: Iterable[Article], out: TextIO) -> None:
    """One row a quote, for spreadsheets (the header even when there are no articles)."""
    out.write(csv_header())
    out.writelines(map(csv_rows, articles))


def write_articles(articles: Iterable[Article], out: TextIO, fmt: str = "jsonl") -> None:
    writers = {"jsonl": write_jsonl, "json": write_json, "csv": write_csv}
    writers[fmt](articles, out)


def export_pieces(
    paths: Sequence[str | Path],
    fmt: str,
    report: LoadReport,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Generator[str, None, None]:
    """The export of the articles under `paths` in `fmt`, piece by piece, parsed on every core
    (`workers`: as load_corpus) and formatted in the workers; problems go into `report` as the
    load would put them. Nothing is parsed until the first piece is asked for; closing the
    iterator early stops the workers."""
    from .parallel import ParseStream
    from .walk import find_files

    files = find_files(paths, report)
    stream = ParseStream(files, report, workers=workers, progress=progress, output=PIECES[fmt])
    yield from framed(_articles(stream, report), fmt)


def _articles(batches: Iterable[list], report: LoadReport) -> Iterator[str]:
    for items in batches:
        for item in items:
            if isinstance(item, LoadProblem):
                report.problems.append(item)
            else:
                report.articles += 1
                yield item
