"""Each person's quotes with their articles, days and sources, gathered in a row when the person's
people row is first made, and kept.

A people row's tallies (articles, first and last day, top source) read a person's quotes: a top
speaker's tens of thousands, at places spread over the whole table. Read from the table's columns
at each filter keystroke, those are cache misses; read from a copy gathered once in the person's
order, a run. Gathering every person's at once (6.4 million quotes at a million articles) took
0.25-0.9 s of the views' warm-up, most of it the first touches of 176 MB of new arrays; the people
view's first screen reads 64 people's. So a person's are gathered when their row is first made
and kept, up to QUOTES_KEPT quotes in all.
"""

from __future__ import annotations

import threading
from typing import NamedTuple

import numpy as np

QUOTES_KEPT = 1 << 22  # quotes gathered and kept across people (about 50 MB); then they start again


class OnePersonQuotes(NamedTuple):
    """One person's quote numbers and each one's article, day and article's source, in that order."""

    quotes: np.ndarray
    article: np.ndarray
    day: np.ndarray
    source: np.ndarray


class PersonQuotes:
    """Gathers and keeps people's quotes from one state's columns (any thread may ask)."""

    def __init__(self, article: np.ndarray, day: np.ndarray, source: np.ndarray) -> None:
        self._article, self._day, self._source = article, day, source
        self._of: np.ndarray | None = None  # the quotes by person that `_kept` was gathered from
        self._kept: dict[int, OnePersonQuotes] = {}
        self._held = 0  # quotes in `_kept`
        self._lock = threading.Lock()

    def of(self, by_person: np.ndarray, first: np.ndarray, number: int) -> OnePersonQuotes:
        """Person `number`'s quotes: `by_person` (the resolver's quote numbers by person) from
        `first[number]` to `first[number + 1]`."""
        with self._lock:
            if self._of is not by_person:
                self._of, self._kept, self._held = by_person, {}, 0
            found = self._kept.get(number)
        if found is not None:
            return found
        quotes = by_person[int(first[number]) : int(first[number + 1])]
        articles = self._article[quotes]
        found = OnePersonQuotes(quotes, articles, self._day[quotes], self._source[articles])
        with self._lock:
            if self._of is by_person:
                if self._held + len(quotes) > QUOTES_KEPT:
                    self._kept, self._held = {}, 0
                self._kept[number] = found
                self._held += len(quotes)
        return found
