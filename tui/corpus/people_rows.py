"""The people view's rows for a set of quotes (a mask): everyone who said one, most quoted first
(then by name), each with their quotes, articles, first and last date and top source.

At a million articles (5.8 million quotes, 900,000 people) the tallies of every person took a few
hundred ms a filter keystroke. So a keystroke counts only each person's quotes (a `bincount` over
the quotes the mask holds, or, when it holds most, over those it leaves out, taken from everyone's
count), puts the first rows in order (`argpartition`; the rest when a row past them is read), and
makes a row's other tallies from that person's own quotes when the row is drawn. Reading every row
(an export) makes every tally at once in a few numpy passes instead (`_tallies`); both give the
same rows.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import numpy as np

from .lazy_sequence import MadeOnRead
from .people import GENDER_ORDER
from .people_stats import NO_DAY, NO_SOURCE, PersonRow
from .quote_view import QuoteView

TOP_ROWS = 256  # rows put in order at once (screenfuls of them); the rest when one of them is read
ROWS_KEPT = 1024  # rows made and kept (a screen drawn again makes the same rows again)
ROWS_AHEAD = 64  # rows made with the answer, in its worker: a screenful, not made while drawing


def quote_counts(view: QuoteView, quotes: np.ndarray) -> np.ndarray:
    """Each person's number of these quotes (a mask), counting only those said by people who are
    persons (columns.quoted); one cell a person."""
    columns = view.columns
    if np.count_nonzero(quotes) * 2 <= columns.size:
        return np.bincount(columns.person[np.flatnonzero(quotes & columns.quoted)], minlength=columns.people)
    left = columns.person[np.flatnonzero(~quotes & columns.quoted)]
    return columns.person_quote_counts() - np.bincount(left, minlength=columns.people)


def people_rows(view: QuoteView, quotes: np.ndarray, counts: np.ndarray | None = None) -> PeopleRows:
    """Everyone who said one of these quotes (a mask), most quoted first (then by name); `counts`:
    their `quote_counts`, when already made."""
    counts = quote_counts(view, quotes) if counts is None else counts
    quoted = np.flatnonzero(counts)
    # One number a person that sorts as (most quotes, name, person number): both parts are < 2**31.
    most, people = int(counts.max(initial=0)), max(1, view.columns.people)
    keys = (most - counts[quoted].astype(np.int64)) * people + view.columns.name_order()[quoted]
    rows = PeopleRows(view, quotes, counts, _Ranked(quoted, keys))
    for at in range(min(ROWS_AHEAD, len(rows))):
        rows[at]  # made and kept now (a top speaker's row reads their many quotes)
    return rows


class _Ranked:
    """Numbers in the order of their keys (each key once): the first TOP_ROWS found at once, the
    rest sorted when one of them is asked for."""

    def __init__(self, numbers: np.ndarray, keys: np.ndarray) -> None:
        self._numbers, self._keys = numbers, keys
        self._first: np.ndarray | None = None
        self._all: np.ndarray | None = None
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._numbers)

    def __getitem__(self, index: int) -> int:
        at = index + len(self) if index < 0 else index
        if not 0 <= at < len(self):
            raise IndexError("person row out of range")
        if at < TOP_ROWS:
            return int(self._top()[at])
        return int(self.all()[at])

    def _top(self) -> np.ndarray:
        with self._lock:
            if self._all is not None:
                return self._all
            if self._first is None:
                keys = self._keys
                top = np.argpartition(keys, TOP_ROWS - 1)[:TOP_ROWS] if len(keys) > 2 * TOP_ROWS else None
                if top is None:
                    self._all = self._numbers[np.argsort(keys)]
                    return self._all
                self._first = self._numbers[top[np.argsort(keys[top])]]
            return self._first

    def all(self) -> np.ndarray:
        with self._lock:
            if self._all is None:
                self._all = self._numbers[np.argsort(self._keys)]
            return self._all


class PeopleRows(MadeOnRead[PersonRow]):
    """The people view's rows: a PersonRow made when a row is asked for, from the person's own
    quotes; every row at once (iterating) from numpy tallies over the whole mask."""

    def __init__(self, view: QuoteView, quotes: np.ndarray, counts: np.ndarray, ranked: _Ranked) -> None:
        self._columns, self._resolved = view.columns, view.resolved  # this state's, whatever comes later
        self._quotes, self._counts, self._ranked = quotes, counts, ranked
        self._tallied: dict[str, np.ndarray] | None = None
        self._made: dict[int, PersonRow] = {}  # by person number

    def __len__(self) -> int:
        return len(self._ranked)

    def _item(self, at: int) -> PersonRow:
        number = self._ranked[at]
        row = self._made.get(number)
        if row is None:
            found = self._tallied
            row = self._row(number, self._own(number) if found is None else _cells(found, number))
            if len(self._made) >= ROWS_KEPT:
                self._made.clear()
            self._made[number] = row
        return row

    def __iter__(self) -> Iterator[PersonRow]:
        found = self.tallies()
        return (self._row(number, _cells(found, number)) for number in self._ranked.all().tolist())

    def tallies(self) -> dict[str, np.ndarray]:
        """Every person's tallies (one cell a person), worked out once."""
        if self._tallied is None:
            self._tallied = _tallies(self._columns, np.flatnonzero(self._quotes & self._columns.quoted))
        return self._tallied

    def _own(self, number: int) -> tuple[int, int, int, int]:
        """One person's articles, first and last day and top source, from their own quotes."""
        columns, resolved = self._columns, self._resolved
        own = columns.person_quotes.of(resolved.by_person_order, resolved.by_person_first, number)
        chosen = self._quotes[own.quotes]  # in quote order: their articles run in order
        articles = own.article[chosen]
        days = own.day[chosen]
        dated = days[days > 0]
        top = int(np.argmax(np.bincount(own.source[chosen])))  # the first of the most: first seen
        return (_distinct_runs(articles), int(dated.min()) if len(dated) else NO_DAY,
                int(dated.max()) if len(dated) else 0, top)  # fmt: skip

    def _row(self, number: int, cells: tuple[int, int, int, int]) -> PersonRow:
        person = self._resolved.people[number]
        articles, first, last, source = cells
        name = self._columns.source_names[source]
        return PersonRow(number, person.id, person.name, person.gender, int(self._counts[number]), articles,
                         _day(first if first != NO_DAY else 0), _day(last), name or NO_SOURCE)  # fmt: skip


def gender_totals(view: QuoteView, counts: np.ndarray) -> dict[str, int]:
    """Quotes by people (not organisations, not unnamed speakers) by the speaker's gender, from each
    person's `quote_counts`."""
    totals = np.bincount(view.columns.gender[:-1], weights=counts, minlength=len(GENDER_ORDER))
    return {gender: int(totals[code]) for code, gender in enumerate(GENDER_ORDER)}


def _cells(found: dict[str, np.ndarray], number: int) -> tuple[int, int, int, int]:
    return (int(found["articles"][number]), int(found["first"][number]), int(found["last"][number]),
            int(found["source"][number]))  # fmt: skip


def _day(ordinal: int) -> date | None:
    return date.fromordinal(ordinal) if ordinal > 0 else None


def _distinct_runs(values: np.ndarray) -> int:
    return int(len(values) and 1 + np.count_nonzero(values[1:] != values[:-1]))


def _tallies(columns, chosen: np.ndarray) -> dict[str, np.ndarray]:  # type: ignore[no-untyped-def]
    """Every person's articles, first and last day and top source among the `chosen` quotes (quote
    numbers said by persons), in a few numpy passes."""
    # ufunc.at takes its fast loop only when every operand is of one type (int32 columns: 5x slower).
    who = columns.person[chosen].astype(np.intp)
    number, pair_person, _ = columns.pairs("article")
    seen = np.zeros(len(pair_person), dtype=bool)
    seen[number[chosen]] = True
    articles = np.bincount(pair_person[seen], minlength=columns.people)
    days = columns.day[chosen].astype(np.int64)
    dated = days > 0
    first = np.full(columns.people, NO_DAY, dtype=np.int64)
    np.minimum.at(first, who[dated], days[dated])
    last = np.zeros(columns.people, dtype=np.int64)
    np.maximum.at(last, who[dated], days[dated])
    return {"articles": articles, "first": first, "last": last,
            "source": _top_source(columns, chosen)}  # fmt: skip


def _top_source(columns, chosen: np.ndarray) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Each person's source that quotes them most (ties: the source first seen quoting them)."""
    number, pair_person, pair_source = columns.pairs("source")
    pair_person = pair_person.astype(np.intp)
    counts = np.bincount(number[chosen], minlength=len(pair_person))
    best = np.zeros(columns.people + 1, dtype=np.int64)
    np.maximum.at(best, pair_person, counts)
    winners = np.flatnonzero((counts > 0) & (counts == best[pair_person]))
    pick = np.full(columns.people + 1, len(pair_person), dtype=np.int64)
    np.minimum.at(pick, pair_person[winners], winners)
    sources = np.append(pair_source, 0)
    return sources[pick]
