"""Who is quoted in a set of quotes: a row a person, the women/men/unknown shares (overall, by source,
by month), and one person's profile (quotes per month, whom their quotes name).

A set of quotes is a boolean mask (quote_filter.py); every tally is a few numpy passes over the
quote view's columns (quote_columns.py), and the people view's rows are made only when drawn
(`PeopleRows`), so 90,000 people cost what their counts cost, not 90,000 objects."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import overload

import numpy as np

from .index.keys import name_key
from .people import GENDER_ORDER, UNKNOWN, Person
from .quote_columns import spans
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


def _day(ordinal: int) -> date | None:
    return date.fromordinal(ordinal) if ordinal > 0 else None


NO_DAY = np.iinfo(np.int64).max


class PeopleRows(Sequence[PersonRow]):
    """The people view's rows, most quoted first (then by name): columns, a PersonRow made when
    a row is asked for."""

    def __init__(self, view: QuoteView, order: np.ndarray, columns: dict[str, np.ndarray]) -> None:
        self._view, self._order, self._columns = view, order, columns

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, index: int) -> PersonRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[PersonRow]: ...
    def __getitem__(self, index: int | slice) -> PersonRow | list[PersonRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        number = int(self._order[index])  # IndexError past the end, as a list's
        person, found = self._view.people[number], self._columns
        first, last = int(found["first"][number]), int(found["last"][number])
        source = self._view.columns.source_names[int(found["source"][number])]
        return PersonRow(number, person.id, person.name, person.gender, int(found["quotes"][number]),
                         int(found["articles"][number]), _day(first if first != NO_DAY else 0), _day(last),
                         source or NO_SOURCE)  # fmt: skip

    def __iter__(self) -> Iterator[PersonRow]:
        return (self[i] for i in range(len(self)))


def people_rows(view: QuoteView, quotes: np.ndarray) -> PeopleRows:
    """Everyone who said one of these quotes (a mask), most quoted first (then by name)."""
    columns = view.columns
    chosen = np.flatnonzero(quotes & columns.quoted)
    # ufunc.at takes its fast loop only when every operand is of one type (int32 columns: 5x slower).
    who = columns.person[chosen].astype(np.intp)
    counts = np.bincount(who, minlength=columns.people)
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
    found = {"quotes": counts, "articles": articles, "first": first, "last": last,
             "source": _top_source(columns, chosen)}  # fmt: skip
    quoted = np.flatnonzero(counts)
    order = quoted[np.lexsort((quoted, columns.name_rank[quoted], -counts[quoted]))]
    return PeopleRows(view, order, found)


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


def gender_counts(view: QuoteView, quotes: np.ndarray) -> dict[str, int]:
    """Quotes by people (not organisations, not unnamed speakers), counted by the speaker's gender."""
    columns = view.columns
    genders = columns.gender[columns.person[quotes & columns.quoted]]
    counts = np.bincount(genders, minlength=len(GENDER_ORDER))
    return {gender: int(counts[code]) for code, gender in enumerate(GENDER_ORDER)}


def gender_split(view: QuoteView, quotes: np.ndarray, by: str) -> list[tuple[str, dict[str, int]]]:
    """Gender counts per source (most quotes first) or per month (in order)."""
    columns = view.columns
    chosen = quotes & columns.quoted
    genders = columns.gender[columns.person[chosen]]
    groups = columns.source[columns.article[chosen]] if by == "source" else columns.months()[chosen]
    width = len(GENDER_ORDER)
    low = int(groups.min()) if len(groups) else 0  # -1: undated
    span = int(groups.max()) - low + 1 if len(groups) else 0
    counts = np.bincount((groups - low) * width + genders, minlength=span * width).reshape(span, width)
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
    about: list[tuple[str, str, list[int]]] = field(default_factory=list)  # (kind, name, the quotes naming it)

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


def _about(view: QuoteView, number: int, quotes: np.ndarray) -> list[tuple[str, str, list[int]]]:
    """The entities named inside these quotes (not the speaker), with the quotes that name each
    (in the order of `quotes`), most named first: from the quote table's note of what each quote
    names, grouped by entity in a few numpy passes (a top speaker's quotes are tens of thousands)."""
    named, first = view.columns.named()
    starts, ends = first[quotes], first[quotes + 1]
    entities = named[spans(starts, ends)]
    naming = np.repeat(quotes, (ends - starts).astype(np.int64))  # the quote each of those is named in
    by_entity = np.argsort(entities, kind="stable")  # stable: each entity's quotes stay in order
    entities, naming = entities[by_entity], naming[by_entity]
    cuts = np.flatnonzero(entities[1:] != entities[:-1]) + 1
    distinct = entities[np.concatenate(([0], cuts))].tolist() if len(entities) else []
    keys = set(view.people[number].keys)
    table_entities = view.table.entities
    named_here = [
        (table_entities[entity], said) for entity, said in zip(distinct, np.split(naming, cuts), strict=False)
    ]
    items = [(item, said) for item, said in named_here if name_key(item[1]) not in keys]
    items.sort(key=lambda item: (-len(item[1]), item[0]))
    return [(kind, name, said.tolist()) for (kind, name), said in items]
