"""A profile's "about whom" rows: the entities a person's quotes name (not the person), most named
first, then by kind and name, each with the quotes that name it.

A top speaker's quotes (a hundred thousand at a million articles) name thousands of entities,
and making each one's row (its name read from the table's blob, its quotes made a list) cost
tens of ms for a list of which a screenful is drawn. So the entities are grouped and counted in
numpy passes, ranked by their counts at once, and a row is made when it is read; the name order
that breaks ties among entities named equally often is worked out for one group of them when a
row of that group is first read. Whether an entity is the speaker is told by its name's key,
worked out once an entity and kept (`EntityKeys`): profiles name mostly the same entities.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence

import numpy as np

from .index.keys import name_key
from .lazy_sequence import MadeOnRead
from .quote_columns import spans
from .quote_table_state import Entities

FEW_TO_SORT = 64  # a run of equally counted entities this short is sorted by its decoded names (numpy costs more)
Row = tuple[str, str, list[int]]  # (kind, name, the quotes naming it, in the order of the profile's)


def speakers_own(entities: Sequence[tuple[str, str]], found: np.ndarray, speaker: Iterable[str]) -> np.ndarray:
    """Which of these entities (numbers) are the speaker: their name's key is one of theirs. A
    table read from a side file tells most of them apart without a name decoded; the names of
    the rest (and of a table made here, which holds them as Python strings) are folded."""
    keys = set(speaker)
    own = np.zeros(len(found), dtype=bool)
    maybe = entities.may_be_named(found, keys) if isinstance(entities, Entities) else ~own
    for at in np.flatnonzero(maybe).tolist():
        own[at] = name_key(entities[int(found[at])][1]) in keys
    return own


def about_rows(
    named: tuple[np.ndarray, np.ndarray],
    entities: Sequence[tuple[str, str]],
    speaker: Iterable[str],
    quotes: np.ndarray,
) -> AboutRows:
    """Whom these quotes (numbers, in the profile's order) name: `named` is the table's note of
    the entities each quote names (quote_columns.named), `speaker` the person's name keys."""
    named_all, first = named
    starts, ends = first[quotes], first[quotes + 1]
    mentioned = named_all[spans(starts, ends)]
    naming = np.repeat(quotes, (ends - starts).astype(np.int64))  # the quote each of those is named in
    by_entity = np.argsort(mentioned, kind="stable")  # stable: each entity's quotes stay in order
    mentioned, naming = mentioned[by_entity], naming[by_entity]
    changes = mentioned[1:] != mentioned[:-1]
    bounds = np.flatnonzero(np.concatenate(([True], changes, [True]))) if len(mentioned) else np.zeros(1, np.int64)
    starts = bounds[:-1]
    found = mentioned[starts].astype(np.int64)
    others = ~speakers_own(entities, found, speaker)
    found, starts, counts = found[others], starts[others], np.diff(bounds)[others]
    by_count = np.argsort(-counts, kind="stable")
    return AboutRows(entities, naming, found[by_count], starts[by_count], counts[by_count])


class AboutRows(MadeOnRead[Row]):
    """The rows in order, each made when read (and kept: a screen drawn again reads them again)."""

    def __init__(
        self,
        entities: Sequence[tuple[str, str]],
        naming: np.ndarray,
        found: np.ndarray,
        starts: np.ndarray,
        counts: np.ndarray,
    ) -> None:
        self._entities, self._naming = entities, naming
        self._found, self._starts, self._counts = found, starts, counts  # by count, ties unsorted yet
        # Where each run of equal counts begins (and the end): a run is put in name order when read.
        changes = counts[1:] != counts[:-1]
        self._runs = np.flatnonzero(np.concatenate(([True], changes, [True]))).tolist() if len(counts) else [0]
        self._ordered: set[int] = set()  # the runs put in name order
        self._made: dict[int, Row] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._found)

    def _item(self, at: int) -> Row:
        row = self._made.get(at)
        if row is None:
            with self._lock:
                self._order_run_of(at)
                kind, name = self._entities[int(self._found[at])]
                start = int(self._starts[at])
                row = self._made[at] = (kind, name, self._naming[start : start + int(self._counts[at])].tolist())
        return row

    def _order_run_of(self, at: int) -> None:
        """Put the run of equally counted entities that holds row `at` in (kind, name) order."""
        run = int(np.searchsorted(self._runs, at, side="right")) - 1
        if run in self._ordered:
            return
        low, high = self._runs[run], self._runs[run + 1]
        entities = self._entities
        if isinstance(entities, Entities) and high - low > FEW_TO_SORT:  # names in a side file's blob
            order = entities.name_order(self._found[low:high]) + low
        else:
            items = [entities[entity] for entity in self._found[low:high].tolist()]
            order = np.array(sorted(range(high - low), key=items.__getitem__), dtype=np.int64) + low
        self._found[low:high], self._starts[low:high] = self._found[order], self._starts[order]
        self._ordered.add(run)
