"""What the quotes, people, profile and timeline views ask of a corpus, for one filter; the session
(session.py) calls these under its lock. Every count is made from the same quote set, so a view's
"290 quotes in 83 articles" is what the others show for that filter."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np

from .corpus import Corpus
from .people import Person, shares_line
from .people_rows import gender_totals, people_rows, quote_counts
from .people_stats import PersonRow, Profile, gender_split, profile
from .query import Query, QueryError, parse_query
from .quote_order import PickedQuotes
from .quote_view import QUOTE_SORTS, QuoteView
from .timeline import Timeline, timeline

QuoteIds: TypeAlias = "np.ndarray | Sequence[int]"  # quote numbers: a view's (numpy) or a few of them


@dataclass(frozen=True)
class QuotesFound:
    """The quotes a filter finds, in display order (quote numbers, read-only; a broad filter's are
    picked out of the sort order as they are read: quote_order.py), and how many articles hold them."""

    quotes: np.ndarray | PickedQuotes
    articles: int
    total: int  # quotes in the whole corpus

    @property
    def summary(self) -> str:
        return f"{count(len(self.quotes), 'quote')} in {count(self.articles, 'article')}"


@dataclass(frozen=True)
class PeopleFound:
    rows: Sequence[PersonRow]
    genders: dict[str, int]
    quotes: int  # every quote the filter found, named speaker or not

    @property
    def summary(self) -> str:
        return f"{count(len(self.rows), 'person', 'people')} · {shares_line(self.genders)}"


def count(number: int, one: str, many: str | None = None) -> str:
    """ "1 quote", "2 quotes", "1,234 people"."""
    return f"{number:,} {one if number == 1 else (many or one + 's')}"


def _remember(corpus: Corpus, key: tuple, make: Callable[[], Any]) -> Any:
    """The answer for this key in this state of the corpus (QuoteView.remember)."""
    return corpus.quote_view().remember(key, make)


def warm(corpus: Corpus, text: str) -> None:
    """Everything a first showing of a view needs, worked out ahead (in a worker, once a corpus is
    in): the quote table, its columns' sort orders and tallies, and this filter's answers."""
    corpus.quote_view().columns.made_ahead()
    quotes(corpus, text)
    people(corpus, text)
    timeline_of(corpus, text)
    corpus.quote_view().start_word_file()  # quote_words.py: made in a process of its own, never waited for


def _query(text: str) -> Query | QueryError:
    return parse_query(text) if text.strip() else parse_query("")


def found_quotes(corpus: Corpus, text: str) -> tuple[QuoteView, np.ndarray] | QueryError:
    """The quotes a filter finds (a read-only mask), worked out once for every view."""
    view = corpus.quote_view()
    found = view.remember(("mask", text.strip()), lambda: _mask(view, text))
    return found if isinstance(found, QueryError) else (view, found)  # type: ignore[return-value]


def _mask(view: QuoteView, text: str) -> np.ndarray | QueryError:
    query = _query(text)
    if isinstance(query, QueryError):
        return query
    mask = view.quotes(query)
    mask.flags.writeable = False
    return mask


def quotes(corpus: Corpus, text: str, by: str = QUOTE_SORTS[0]) -> QuotesFound | QueryError:
    return _remember(corpus, ("quotes", text.strip(), by), lambda: _quotes(corpus, text, by))


def _quotes(corpus: Corpus, text: str, by: str) -> QuotesFound | QueryError:
    found = found_quotes(corpus, text)
    if isinstance(found, QueryError):
        return found
    view, ids = found
    return QuotesFound(view.sorted_quotes(ids, by), view.columns.article_count(ids), len(view.table))


def people(corpus: Corpus, text: str) -> PeopleFound | QueryError:
    return _remember(corpus, ("people", text.strip()), lambda: _people(corpus, text))


def _people(corpus: Corpus, text: str) -> PeopleFound | QueryError:
    found = found_quotes(corpus, text)
    if isinstance(found, QueryError):
        return found
    view, ids = found
    counts = quote_counts(view, ids)
    return PeopleFound(people_rows(view, ids, counts), gender_totals(view, counts), int(np.count_nonzero(ids)))


def split(corpus: Corpus, text: str, by: str) -> list[tuple[str, dict[str, int]]] | QueryError:
    return _remember(corpus, ("split", text.strip(), by), lambda: _split(corpus, text, by))


def _split(corpus: Corpus, text: str, by: str) -> list[tuple[str, dict[str, int]]] | QueryError:
    found = found_quotes(corpus, text)
    if isinstance(found, QueryError):
        return found
    return gender_split(*found, by)


def person_number(corpus: Corpus, person_id: str) -> int | None:
    return corpus.quote_view().number_of(person_id)


def person(corpus: Corpus, person_id: str) -> Person | None:
    number = person_number(corpus, person_id)
    return None if number is None else corpus.quote_view().people[number]


def profile_of(corpus: Corpus, person_id: str, text: str = "") -> Profile | QueryError | None:
    """A person's profile within a filter's quotes; None when nobody has that id."""
    number = person_number(corpus, person_id)
    if number is None:
        return None
    return _remember(corpus, ("profile", person_id, text.strip()), lambda: _profile(corpus, number, text))


def _profile(corpus: Corpus, number: int, text: str) -> Profile | QueryError:
    found = found_quotes(corpus, text) if text.strip() else None
    if isinstance(found, QueryError):
        return found
    return profile(corpus.quote_view(), number, None if found is None else found[1])


def timeline_of(corpus: Corpus, text: str, unit: str = "month") -> Timeline | QueryError:
    """Articles (the filter's, as the article list has them) and their quotes per unit of time."""
    key = ("timeline", text.strip(), unit)
    return _remember(corpus, key, lambda: _timeline(corpus, text, unit))


def _timeline(corpus: Corpus, text: str, unit: str) -> Timeline | QueryError:
    query = _query(text)
    if isinstance(query, QueryError):
        return query
    found = found_quotes(corpus, text)
    if isinstance(found, QueryError):
        return found
    view, ids = found
    columns = view.columns
    days, months = columns.article_days(corpus.articles.days)  # both made once for this state
    if not query.is_empty:
        chosen = np.fromiter(corpus.match(query), dtype=np.int64)
        days, months = days[chosen], months[chosen]
    every = query.is_empty  # every quote (the blank filter): no copy of the columns, no count of the mask
    if unit == "month":
        return timeline(days, (), unit, months=(months, columns.months() if every else columns.months()[ids]))
    return timeline(days, columns.day if every else columns.day[ids], unit)
