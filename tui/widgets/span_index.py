"""Spans sorted by start, so the few that meet a window of a long text are found by bisection.

Used where a text of 100,000 styled spans is drawn a window or a paragraph at a time: looking
at every span for every draw cost 0.25-1 s a key; bisection costs what the window holds.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate


class SortedSpans:
    """Spans given as starts and ends, in the order that decides what is drawn over what.

    Kept as lists of ints, not a tuple a span: building the index of 500,000 spans stays a
    fraction of a second. `reach[k]` is the furthest end among the first k+1 spans by start: a
    span starting before the window but running into it is still found, and the spans that end
    before the window are skipped unseen. Spans that do not nest (quotes, mentions, cues) make
    the scan the window's.
    """

    def __init__(self, starts: Sequence[int], ends: Sequence[int]) -> None:
        order = sorted(range(len(starts)), key=starts.__getitem__)  # stable: equal starts keep their order
        self._order = order
        self._starts = [starts[i] for i in order]
        self._ends = [ends[i] for i in order]
        self._reach = list(accumulate(self._ends, max))

    def __len__(self) -> int:
        return len(self._order)

    def meeting(self, lo: int, hi: int) -> list[int]:
        """The positions (in the order given) of the spans with end > lo and start < hi, ascending."""
        first, last = bisect_right(self._reach, lo), bisect_left(self._starts, hi)
        ends, order = self._ends, self._order
        return sorted(order[k] for k in range(first, last) if ends[k] > lo)
