"""The interchange format: one JSON object an article (JSON Lines), a JSON list, or CSV of quotes."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from .models import Article

FORMATS = ("jsonl", "json", "csv")
CSV_COLUMNS = ("article_id", "title", "published", "source", "start", "end", "kind", "speaker", "cue", "quote")


def article_record(article: Article) -> dict:
    """The exported form of one article: every model field, dates in ISO 8601."""
    return article.model_dump(mode="json")


def write_jsonl(articles: Iterable[Article], out: TextIO) -> None:
    for article in articles:
        out.write(json.dumps(article_record(article), ensure_ascii=False))
        out.write("\n")


def write_json(articles: Iterable[Article], out: TextIO) -> None:
    json.dump([article_record(a) for a in articles], out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_csv(articles: Iterable[Article], out: TextIO) -> None:
    """One row a quote, for spreadsheets."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for article in articles:
        published = article.date.isoformat() if article.date else ""
        for quote in article.quotes:
            writer.writerow(
                (
                    article.id,
                    article.title,
                    published,
                    article.source or "",
                    quote.start,
                    quote.end,
                    quote.kind,
                    quote.speaker or "",
                    quote.cue or "",
                    quote.text,
                )
            )


def write_articles(articles: Iterable[Article], out: TextIO, fmt: str = "jsonl") -> None:
    writers = {"jsonl": write_jsonl, "json": write_json, "csv": write_csv}
    writers[fmt](articles, out)
