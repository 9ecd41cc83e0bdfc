"""What the quotes, people, profile and timeline views ask of a corpus, for one filter; the session
(session.py) calls these under its lock. Every count is made from the same quote set, so a view's
"290 quotes in 83 articles" is what the others show for that filter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .corpus import Corpus
from .people import Person, shares_line
from .people_stats import PersonRow, Profile, gender_counts, gender_split, people_rows, profile
from .query import Query, QueryError, parse_query
from .quote_view import QUOTE_SORTS, QuoteView
from .timeline import Timeline, timeline


@dataclass(frozen=True)
class QuotesFound:
    """The quotes a filter finds, in display order, and how many articles hold them."""

    quotes: list[int]
    articles: int
    total: int  # quotes in the whole corpus

    @property
    def summary(self) -> str:
        return f"{count(len(self.quotes), 'quote')} in {count(self.articles, 'article')}"


@dataclass(frozen=True)
class PeopleFound:
    rows: list[PersonRow]
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


def _query(text: str) -> Query | QueryError:
    return parse_query(text) if text.strip() else parse_query("")


def found_quotes(corpus: Corpus, text: str) -> tuple[QuoteView, set[int]] | QueryError:
    query = _query(text)
    if isinstance(query, QueryError):
        return query
    view = corpus.quote_view()
    return view, view.quotes(query)


def quotes(corpus: Corpus, text: str, by: str = QUOTE_SORTS[0]) -> QuotesFound | QueryError:
    return _remember(corpus, ("quotes", text.strip(), by), lambda: _quotes(corpus, text, by))


def _quotes(corpus: Corpus, text: str, by: str) -> QuotesFound | QueryError:
    found = found_quotes(corpus, text)
    if isinstance(found, QueryError):
        return found
    view, ids = found
    return QuotesFound(view.sorted_quotes(ids, by), len(view.articles_of(ids)), len(view.table))


def people(corpus: Corpus, text: str) -> PeopleFound | QueryError:
    return _remember(corpus, ("people", text.strip()), lambda: _people(corpus, text))


def _people(corpus: Corpus, text: str) -> PeopleFound | QueryError:
    found = found_quotes(corpus, text)
    if isinstance(found, QueryError):
        return found
    view, ids = found
    return PeopleFound(people_rows(view, ids), gender_counts(view, ids), len(ids))


def split(corpus: Corpus, text: str, by: str) -> list[tuple[str, dict[str, int]]] | QueryError:
    return _remember(corpus, ("split", text.strip(), by), lambda: _split(corpus, text, by))


def _split(corpus: Corpus, text: str, by: str) -> list[tuple[str, dict[str, int]]] | QueryError:
    found = found_quotes(corpus, text)
    if isinstance(found, QueryError):
        return found
    return gender_split(*found, by)


def person_number(corpus: Corpus, person_id: str) -> int | None:
    view = corpus.quote_view()
    return next((n for n, person in enumerate(view.people) if person.id == person_id), None)


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
    positions = corpus.match(query) if not query.is_empty else range(len(corpus.articles))
    found = found_quotes(corpus, text)
    if isinstance(found, QueryError):
        return found
    view, ids = found
    days = corpus.articles.days
    return timeline((days[p] for p in positions), (view.table.day[q] for q in ids), unit)
