"""A filter's quotes in a sort order, worked out only as far as they are read.

Picking a mask's quotes out of a whole sort order (`order[mask[order]]`) reads the mask at every
quote in a random order: about 100 ms at 5.8 million quotes, on every filter keystroke, while the
list draws the first forty rows. So a broad mask's quotes are picked out of the order a stretch at
a time, as far as the rows read so far need (`PickedQuotes`); a narrow one's are found at once and
sorted themselves (`QuoteColumns.sorted`), which costs what they cost, not what the corpus does.
Either way the quotes, and their order, are those of `order[mask[order]]`. A row nearer the end
than the rows picked so far (the End key on a broad list) is picked from the end of the order
backwards the same way, so the last screenful costs what the first does, not the whole order.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from typing import overload

import numpy as np

FIRST_STRETCH = 4096  # quotes of the order read for the first rows (a screenful of a mask of 1/100)


class PickedQuotes(Sequence[int]):
    """The quotes of `mask` (`count` of them) in `order`'s order: a sequence of quote numbers whose
    rows are picked out of the order when first read. Read-only; safe to read from any thread (it
    holds only its own arrays, which never change)."""

    def __init__(self, order: np.ndarray, mask: np.ndarray, count: int) -> None:
        self._order, self._mask, self._count = order, mask, count
        self._picked = np.empty(0, dtype=order.dtype)  # the first quotes, in order
        self._read = 0  # how far into the order they were picked
        self._last = np.empty(0, dtype=order.dtype)  # the last quotes, in order (End, then up)
        self._back = len(order)  # where in the order the last quotes were picked from
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._count)
            if step < 0:
                return self.array()[index].tolist()  # type: ignore[no-any-return]
            if start < stop and self._near_end(start):
                last = self._final(self._count - start)
                skipped = self._count - len(last)  # the rows before the last ones
                return last[start - skipped : stop - skipped : step].tolist()  # type: ignore[no-any-return]
            return self._first(stop)[start:stop:step].tolist()  # type: ignore[no-any-return]
        at = int(index)
        if at < 0:
            at += self._count
        if not 0 <= at < self._count:
            raise IndexError("quote row out of range")
        if self._near_end(at):
            last = self._final(self._count - at)
            return int(last[len(last) - (self._count - at)])
        return int(self._first(at + 1)[at])

    def _near_end(self, at: int) -> bool:
        """Row `at` is not picked from the start yet and is nearer the end than those rows are."""
        picked = len(self._picked)
        return at >= picked and self._count - at <= max(len(self._last), at - picked)

    def __iter__(self) -> Iterator[int]:
        return iter(self.array().tolist())

    def __array__(self, dtype: np.dtype | None = None, copy: bool | None = None) -> np.ndarray:
        found = self.array()
        return found if dtype is None else found.astype(dtype)

    def tolist(self) -> list[int]:
        return self.array().tolist()  # type: ignore[no-any-return]

    def array(self) -> np.ndarray:
        """Every quote, in order (a numpy column, read-only)."""
        return self._first(self._count)

    def _first(self, rows: int) -> np.ndarray:
        """At least the first `rows` quotes (all when there are fewer), picked out of the order a
        stretch at a time: each stretch is about twice what the rows still missing should need."""
        with self._lock:
            picked = self._picked
            if len(picked) >= rows or self._read >= len(self._order):
                return picked
            order, mask, parts, found = self._order, self._mask, [picked], len(picked)
            while found < rows and self._read < len(order):
                wanted = (rows - found) * len(order) // max(1, self._count)
                stretch = order[self._read : self._read + max(FIRST_STRETCH, 2 * wanted, self._read)]
                parts.append(stretch[mask[stretch]])
                found += len(parts[-1])
                self._read += len(stretch)
            picked = np.concatenate(parts)
            picked.flags.writeable = False
            self._picked = picked
            return picked

    def _final(self, rows: int) -> np.ndarray:
        """At least the last `rows` quotes (all when there are fewer), in order: picked out of the
        order from its end backwards, a stretch at a time, as `_first` picks from its start."""
        with self._lock:
            last = self._last
            if len(last) >= rows or self._back <= 0:
                return last
            order, mask, parts, found = self._order, self._mask, [last], len(last)
            while found < rows and self._back > 0:
                wanted = (rows - found) * len(order) // max(1, self._count)
                size = max(FIRST_STRETCH, 2 * wanted, len(order) - self._back)
                stretch = order[max(0, self._back - size) : self._back]
                parts.insert(0, stretch[mask[stretch]])
                found += len(parts[0])
                self._back -= len(stretch)
            last = np.concatenate(parts)
            last.flags.writeable = False
            self._last = last
            return last
