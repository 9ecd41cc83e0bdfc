"""Who is quoted in a set of quotes: a row a person, the women/men/unknown shares (overall, by source,
by month), and one person's profile (quotes per month, whom their quotes name)."""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .index.keys import name_key
from .people import GENDER_ORDER, UNKNOWN, Person
from .quote_table import NO_SPEAKER
from .quote_view import QuoteView

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


def people_rows(view: QuoteView, quotes: Iterable[int]) -> list[PersonRow]:
    """Everyone who said one of these quotes, most quoted first (then by name)."""
    who, table, sources = view.person, view.table, view.store.sources
    by_person: dict[int, list[int]] = {}
    is_person = [person.is_person for person in view.people]
    for quote in quotes:
        if who[quote] != NO_SPEAKER and is_person[who[quote]]:
            by_person.setdefault(who[quote], []).append(quote)
    rows = []
    for number, said in by_person.items():
        person = view.people[number]
        days = [table.day[q] for q in said if table.day[q] > 0]
        top = Counter(sources[table.article[q]] or NO_SOURCE for q in said).most_common(1)[0][0]
        articles = len({table.article[q] for q in said})
        first, last = (_day(min(days)), _day(max(days))) if days else (None, None)
        rows.append(PersonRow(number, person.id, person.name, person.gender, len(said), articles, first, last, top))
    rows.sort(key=lambda row: (-row.quotes, row.name.casefold(), row.person))
    return rows


def gender_counts(view: QuoteView, quotes: Iterable[int]) -> dict[str, int]:
    """Quotes by people (not organisations, not unnamed speakers), counted by the speaker's gender."""
    counts = dict.fromkeys(GENDER_ORDER, 0)
    people, who = view.people, view.person
    for quote in quotes:
        if who[quote] != NO_SPEAKER and people[who[quote]].is_person:
            counts[people[who[quote]].gender] += 1
    return counts


def gender_split(view: QuoteView, quotes: Iterable[int], by: str) -> list[tuple[str, dict[str, int]]]:
    """Gender counts per source (most quotes first) or per month (in order)."""
    groups: dict[str, dict[str, int]] = {}
    people, who, table, sources = view.people, view.person, view.table, view.store.sources
    for quote in quotes:
        if who[quote] == NO_SPEAKER or not people[who[quote]].is_person:
            continue
        if by == "source":
            label = sources[table.article[quote]] or NO_SOURCE
        else:
            day = _day(table.day[quote])
            label = f"{day.year:04d}-{day.month:02d}" if day else NO_MONTH
        counts = groups.setdefault(label, dict.fromkeys(GENDER_ORDER, 0))
        counts[people[who[quote]].gender] += 1
    if by == "source":
        return sorted(groups.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return sorted(groups.items())


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


def profile(view: QuoteView, number: int, quotes: Iterable[int] | None = None) -> Profile:
    """A person's profile in these quotes (None: all of theirs)."""
    mine = view.by_person[number] if quotes is None else [q for q in quotes if view.person[q] == number]
    said = view.sorted_quotes(mine, "date")
    table = view.table
    return Profile(view.people[number], said, len({table.article[q] for q in said}),
                   _months([table.day[q] for q in said]), _about(view, said))  # fmt: skip


def _months(days: list[int]) -> list[tuple[str, int]]:
    counts = Counter((d.year, d.month) for d in map(_day, days) if d is not None)
    if not counts:
        return []
    (year, month), last = min(counts), max(counts)
    months = []
    while (year, month) <= last:
        months.append((f"{year:04d}-{month:02d}", counts.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _about(view: QuoteView, quotes: list[int]) -> list[tuple[str, str, list[int]]]:
    """The entities mentioned inside these quotes (not the speaker), with the quotes that name each,
    most named first."""
    naming: dict[tuple[str, str], list[int]] = {}
    table = view.table
    keys = set(view.people[view.person[quotes[0]]].keys) if quotes else set()
    entities_of: dict[int, list[dict]] = {}  # each article's entities, from its record (no model built)
    for quote in quotes:
        position = table.article[quote]
        entities = entities_of.get(position)
        if entities is None:
            entities = entities_of[position] = pickle.loads(view.store.records[position]).get("entities", [])
        start, end = table.start[quote], table.end[quote]
        named = {(entity["kind"], entity["name"]) for entity in entities
                 if any(start <= s and e <= end for s, e in entity.get("mentions", ()))}  # fmt: skip
        for item in named:
            if name_key(item[1]) not in keys:
                naming.setdefault(item, []).append(quote)
    ranked = sorted(naming.items(), key=lambda item: (-len(item[1]), item[0]))
    return [(kind, name, said) for (kind, name), said in ranked]
