"""The entities of some articles (a filter's), tallied on tally row numbers.

`EntityTallies.add` over each article's rows would build every row's names as strings, once an
article; here an article adds to counters by tally row, and a row's names are read once, for the
answer. A row met only through shapes it tells (nearly all) has the row's name, and the longest of
their aliases and roles: each is a start of the row's, and merging starts of one tuple gives the
longest. A row met through an odd shape too is merged name by name, as `EntityTallies.add` does.
The answer is the same, in the same order (rows by first seen).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING

from ..parsing.parse import collector_paused
from .tallies import NO_ROW, EntitySummary, EntityTallies, _merged

if TYPE_CHECKING:
    from .tallies import ArticleEntities

Names = tuple[str, tuple[str, ...], tuple[str, ...]]  # a row's name, aliases and roles
READ_WHOLE_FROM = 8  # an answer with 1/8 of the rows or more reads the name columns whole, not row by row
RUNS_IN_MEMORY_FROM = 16  # 1/16 of the articles or more: their runs read in one go, not one read each
# This many articles or fewer (the open article's entity panel) are tallied anew from their shapes:
# finding an odd shape's tally row reads every row's name once (`ArticleEntities.odd_rows`), ~0.8 s
# at a million articles, which the first article opened would wait for.
FEW_TALLIED_ANEW = 16


def summaries_of(entities: ArticleEntities, positions: Iterable[int]) -> list[EntitySummary]:
    """The entities of these articles, in the order an `EntityTallies` taking them would list them;
    the collector paused meanwhile (a row's counters and summary are new objects, with no cycles)."""
    with collector_paused():
        return _summaries_of(entities, positions)


def _summaries_of(entities: ArticleEntities, positions: Iterable[int]) -> list[EntitySummary]:
    chosen: Collection[int] = positions if isinstance(positions, Collection) else list(positions)
    if len(chosen) <= FEW_TALLIED_ANEW:
        return _tallied_anew(entities, chosen)
    runs = entities.runs
    if len(chosen) * RUNS_IN_MEMORY_FROM >= runs.size():
        runs = runs.in_memory()
    shape_rows, alias_counts, role_counts, odd = (
        entities.shape_rows, entities.alias_counts, entities.role_counts, entities.odd,
    )  # fmt: skip
    odd_rows = entities.odd_rows() if odd else {}
    names = _RowNames(entities)
    states: dict[int, list[int]] = {}  # row -> [articles, mentions, quotes, aliases, roles], by first seen
    merged: dict[int, Names] = {}  # rows an odd shape reached
    get = runs.get
    for position in chosen:
        triples = get(position)
        if triples is None:
            continue
        seen: set[int] = set()
        for i in range(0, len(triples), 3):
            number = triples[i]
            row = shape_rows[number]
            if row == NO_ROW:
                row = odd_rows[number]
                state = states.get(row)
                merged[row] = _with_odd(odd[number], state, merged.get(row), row, names)
                if state is None:
                    state = states[row] = [0, 0, 0, 0, 0]
            else:
                state = states.get(row)
                if state is None:
                    state = states[row] = [0, 0, 0, alias_counts[number], role_counts[number]]
                elif row in merged:
                    name, aliases, roles = merged[row]
                    merged[row] = (name, _merged(aliases, names.aliases(row, alias_counts[number])),
                                   _merged(roles, names.roles(row, role_counts[number])))  # fmt: skip
                else:
                    if alias_counts[number] > state[3]:
                        state[3] = alias_counts[number]
                    if role_counts[number] > state[4]:
                        state[4] = role_counts[number]
            if row not in seen:
                seen.add(row)
                state[0] += 1
            state[1] += triples[i + 1]
            state[2] += triples[i + 2]
    names.read_whole_if(len(states))
    tallies = entities.tallies
    kinds, which = tallies.kinds, tallies.which
    found = []
    for row, state in states.items():
        name, aliases, roles = merged.get(row) or (names.name(row), names.aliases(row, state[3]),
                                                    names.roles(row, state[4]))  # fmt: skip
        found.append(EntitySummary(name, kinds[which[row]], state[0], state[1], state[2], aliases, roles))
    return found


def _tallied_anew(entities: ArticleEntities, chosen: Collection[int]) -> list[EntitySummary]:
    """The articles' shapes tallied by (kind, folded name), as the corpus's own tallies took them:
    the same rows, names and counts in the same order, with no tally row looked up."""
    tallies = EntityTallies()
    for position in chosen:
        tallies.add(entities.rows(position))
    return tallies.summaries()


def _with_odd(shape: tuple, state: list[int] | None, known: Names | None, row: int, names: _RowNames) -> Names:
    """An odd shape met for `row`: its names merged into what the row has so far."""
    _, _, name, aliases, roles = shape
    if state is None:
        return name, aliases, roles
    if known is None:
        known = (names.name(row), names.aliases(row, state[3]), names.roles(row, state[4]))
    return known[0], _merged(known[1], aliases), _merged(known[2], roles)


class _RowNames:
    """The tally rows' names, aliases and roles: read row by row from the columns, or, for an
    answer with many rows, each column decoded whole once."""

    def __init__(self, entities: ArticleEntities) -> None:
        tallies = entities.tallies
        self.columns = tallies
        self.name: Callable[[int], str] = tallies.names.__getitem__
        self.aliases: Callable[[int, int], tuple[str, ...]] = tallies.aliases.head
        self.roles: Callable[[int, int], tuple[str, ...]] = tallies.roles.head

    def read_whole_if(self, rows: int) -> None:
        tallies = self.columns
        if rows * READ_WHOLE_FROM < len(tallies.names):
            return
        names, aliases, roles = list(tallies.names), list(tallies.aliases), list(tallies.roles)
        self.name = names.__getitem__
        self.aliases = lambda row, count: aliases[row][:count]
        self.roles = lambda row, count: roles[row][:count]
