"""A filter's matches in an order, found as far as they are read.

The list shows a screenful of a result; sorting 100,000 matches to show 40 is most of a broad
filter's cost. The corpus is kept in each display order once (`ArticleStore.order`), and a
result is that order with the matches picked out of it: the first screenful costs a few hundred
look-ups, and a pass over the whole order happens only when someone reads to the end.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterator, Sequence
from typing import overload

from .chosen import Chosen, as_numbers
from .lazy_sequence import ListEqual

FIRST_STEP = 1024  # positions of the order read for the first rows asked for; doubled each time after
MASKED_FROM = 65536  # a set read this far into an order is made a mask, the rest of the order picked with numpy


class InOrder(ListEqual[int]):
    """The positions of `chosen` in `order` (None: ascending, the load order), read-only, each
    found when first read. Equal to a list of the same positions."""

    __slots__ = ("_found", "_lock", "_mask", "_next", "_numbers", "_step", "chosen", "order")

    def __init__(self, chosen: Collection[int], order: Sequence[int] | None = None) -> None:
        self.chosen = chosen  # a set, a range or a mask (`Chosen`): never changed, by this or by anyone
        self.order = order
        # A display order is every position below its length: within a mask at least as long.
        masked = isinstance(chosen, Chosen) and order is not None and len(order) <= len(chosen.bits)
        self._numbers = as_numbers(order) if masked else None  # type: ignore[arg-type]
        self._mask = chosen if masked else None  # a set's is made when the order is read far (the End key)
        self._found: list[int] = []
        self._next = 0  # where the next read of `order` starts
        self._step = FIRST_STEP
        self._lock = threading.Lock()  # a list on screen and a worker may read the same result

    def __len__(self) -> int:
        return len(self.chosen)

    def _reach(self, count: int) -> list[int]:
        """The positions found so far, at least `count` of them unless there are fewer."""
        found = self._found
        if len(found) >= count:
            return found
        with self._lock:
            if self.order is None:
                if len(found) < len(self.chosen):
                    found[:] = self.chosen if isinstance(self.chosen, (range, Chosen)) else sorted(self.chosen)
                return found
            order, contains = self.order, self.chosen.__contains__
            while len(found) < count and self._next < len(order):
                if self._mask is None and self._next >= MASKED_FROM:
                    self._mask, self._numbers = Chosen.of(self.chosen, len(order)), as_numbers(order)
                if self._mask is not None:
                    return self._picked(count)
                found.extend(filter(contains, order[self._next : self._next + self._step]))
                self._next += self._step
                self._step *= 2
        return found

    def _picked(self, count: int) -> list[int]:
        """`_reach` for a mask: each chunk of the order picked out in one numpy step."""
        found, order, picked = self._found, self._numbers, self._mask.picked  # type: ignore[union-attr]
        while len(found) < count and self._next < len(order):  # type: ignore[arg-type]
            found.extend(picked(order[self._next : self._next + self._step]))  # type: ignore[index]
            self._next += self._step
            self._step *= 2
        return found

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        size = len(self)
        if isinstance(index, slice):
            lo, hi, step = index.indices(size)
            return self._reach(hi if step > 0 else size)[index]
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("row out of range")
        return self._reach(index + 1)[index]

    def __iter__(self) -> Iterator[int]:
        at = 0
        while True:
            found = self._reach(at + 1)
            if len(found) <= at:
                return
            yield from found[at:]
            at = len(found)

    def __contains__(self, value: object) -> bool:
        return value in self.chosen

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        """Where a position is, found no further than it."""
        if value not in self.chosen:
            raise ValueError(f"{value!r} is not among the matches")
        seen = 0
        while True:
            found = self._reach(seen + 1)
            limit = len(found) if stop is None else min(stop, len(found))
            try:
                return found.index(value, max(start, seen), limit)  # type: ignore[arg-type]
            except ValueError:
                if len(found) <= seen or (stop is not None and len(found) >= stop):
                    raise
            seen = len(found)

    def __repr__(self) -> str:
        shown = self[:8]
        return f"InOrder({shown}{'...' if len(self) > 8 else ''}, {len(self)} positions)"
