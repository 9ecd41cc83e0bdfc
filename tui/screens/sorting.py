"""The orders the article list can take; the screen cycles through them with `s`. The orders
themselves are the core's (`tui.corpus.SORTS`): the corpus sorts by its columns."""

from __future__ import annotations

from ..corpus import SORTS, timestamp
from ..corpus import sort_positions as sort_rows

__all__ = ["SORTS", "next_sort", "sort_rows", "timestamp"]


def next_sort(current: str) -> str:
    return SORTS[(SORTS.index(current) + 1) % len(SORTS)]
