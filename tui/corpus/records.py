"""The `quotes` and `people` commands' rows: plain dicts, one a quote or a person, for a filter."""

from __future__ import annotations

from itertools import groupby

from .corpus import Corpus
from .people import UNKNOWN
from .query import QueryError
from .views import people, quotes

QUOTE_COLUMNS = ("article_id", "path", "date", "source", "speaker", "speaker_id", "gender", "kind", "cue",
                 "text", "start", "end")  # fmt: skip
PEOPLE_COLUMNS = ("name", "id", "gender", "quotes", "articles", "first", "last", "aliases")


def quote_records(corpus: Corpus, text: str = "") -> list[dict] | QueryError:
    """One record a quote the filter finds, oldest first."""
    found = quotes(corpus, text)
    if isinstance(found, QueryError):
        return found
    view = corpus.quote_view()
    table = view.table
    records = []
    for position, group in groupby(found.quotes, key=lambda q: table.article[q]):
        article = corpus.articles[position]
        day = article.date
        for number in group:
            quote = article.quotes[table.number[number]]
            who = view.person[number]
            person = view.people[who] if who >= 0 else None
            records.append({
                "article_id": article.id, "path": article.path, "date": day.date().isoformat() if day else "",
                "source": article.source or "", "speaker": person.name if person else (quote.speaker or ""),
                "speaker_id": person.id if person else "", "gender": person.gender if person else UNKNOWN,
                "kind": quote.kind, "cue": quote.cue or "", "text": quote.text,
                "start": quote.start, "end": quote.end,
            })  # fmt: skip
    return records


def people_records(corpus: Corpus, text: str = "") -> tuple[list[dict], dict[str, int]] | QueryError:
    """One record a person quoted in the filter's quotes, most quoted first; and the gender counts."""
    found = people(corpus, text)
    if isinstance(found, QueryError):
        return found
    everyone = corpus.quote_view().people
    records = [{
        "name": row.name, "id": row.id, "gender": row.gender, "quotes": row.quotes,
        "articles": row.articles, "first": row.first.isoformat() if row.first else "",
        "last": row.last.isoformat() if row.last else "", "aliases": "; ".join(everyone[row.person].aliases),
    } for row in found.rows]  # fmt: skip
    return records, found.genders
