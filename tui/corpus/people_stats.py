"""Who is quoted in a set of quotes: a row a person (people_rows.py makes them), the women/men/unknown
shares by source and by month, and one person's profile (quotes per month, whom their quotes name).

A set of quotes is a boolean mask (quote_filter.py); every tally is a few numpy passes over the
quote view's columns (quote_columns.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from .about_rows import AboutRows, Row, about_rows
from .people import GENDER_ORDER, UNKNOWN, Person
from .quote_view import QuoteView
from .timeline import month_label

NO_SOURCE = "(no source)"
NO_MONTH = "(no date)"


@dataclass(frozen=True)
class PersonRow:
    """One line of the people view."""

    person: int  # the person's number in this state of the corpus
    id: str
    name: str
    gender: str
    quotes: int
    articles: int
    first: date | None
    last: date | None
    source: str  # the source that quotes them most


NO_DAY = np.iinfo(np.int64).max  # a person with no dated quote: after every day


def gender_split(view: QuoteView, quotes: np.ndarray, by: str) -> list[tuple[str, dict[str, int]]]:
    """Gender counts per source (most quotes first) or per month (in order)."""
    columns = view.columns
    codes, everyone, low, span = columns.split_codes(by)  # low -1: undated
    width = len(GENDER_ORDER)
    if np.count_nonzero(quotes) * 2 <= columns.size:
        counts = np.bincount(codes[quotes], minlength=len(everyone))
    else:  # most quotes: everyone's counts less those of the quotes left out
        counts = everyone - np.bincount(codes[~quotes], minlength=len(everyone))
    counts = counts[:-1].reshape(span, width)  # the last: quotes no person said
    rows = []
    for offset in np.flatnonzero(counts.any(axis=1)).tolist():  # the groups that have quotes
        label, row = low + offset, counts[offset].tolist()
        if by == "source":
            name = columns.source_names[label] or NO_SOURCE
        else:
            name = month_label(label) if label >= 0 else NO_MONTH
        rows.append((name, dict(zip(GENDER_ORDER, map(int, row), strict=True))))
    if by == "source":
        return sorted(rows, key=lambda item: (-sum(item[1].values()), item[0]))
    return sorted(rows)


@dataclass
class Profile:
    """One person in a set of quotes."""

    person: Person
    quotes: list[int]  # oldest first
    articles: int
    months: list[tuple[str, int]]  # every month from the first quote to the last, with its quotes
    about: Sequence[Row] = ()  # (kind, name, the quotes naming it): about_rows.py

    @property
    def unknown_gender(self) -> bool:
        return self.person.gender == UNKNOWN


def profile(view: QuoteView, number: int, quotes: np.ndarray | None = None) -> Profile:
    """A person's profile in these quotes (a mask; None: all of theirs), from their own quotes
    (the view's index by person), never a pass over the corpus."""
    mine = view.quotes_by(number).astype(np.int64)
    if quotes is not None:
        mine = mine[quotes[mine]]
    columns = view.columns
    said = columns.by_date(mine)
    return Profile(view.people[number], said.tolist(), columns.article_count(mine),
                   _months(columns.months()[said]), _about(view, number, said))  # fmt: skip


def _months(months: np.ndarray) -> list[tuple[str, int]]:
    dated = months[months >= 0]
    if not len(dated):
        return []
    low = int(dated.min())
    counts = np.bincount(dated - low)
    return [(month_label(low + offset), int(n)) for offset, n in enumerate(counts.tolist())]


def _about(view: QuoteView, number: int, quotes: np.ndarray) -> AboutRows:
    """The entities named inside these quotes (not the speaker), most named first."""
    return about_rows(view.columns.named(), view.table.entities, view.people[number].keys, quotes)
