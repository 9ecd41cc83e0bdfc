"""A filter's quotes in a sort order, worked out only as far as they are read.

Picking a mask's quotes out of a whole sort order (`order[mask[order]]`) reads the mask at every
quote in a random order: about 100 ms at 5.8 million quotes, on every filter keystroke, while the
list draws the first forty rows. So a broad mask's quotes are picked out of the order a stretch at
a time, as far as the rows read so far need (`PickedQuotes`); a narrow one's are found at once and
sorted themselves (`QuoteColumns.sorted`), which costs what they cost, not what the corpus does.
Either way the quotes, and their order, are those of `order[mask[order]]`.
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
            return self._first(stop)[start:stop:step].tolist()  # type: ignore[no-any-return]
        at = int(index)
        if at < 0:
            at += self._count
        if not 0 <= at < self._count:
            raise IndexError("quote row out of range")
        return int(self._first(at + 1)[at])

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
