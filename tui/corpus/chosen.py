"""A filter's matches as a mask: one bool an article position, no set of a million ints.

The terms of a filter are looked up as masks and combined bitwise (`Node.mask`); the list picks
the matches out of a display order a chunk at a time (`picked`), so a broad filter never makes a
Python int per match until its rows are read.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterator, Sequence

import numpy as np


class Chosen(Collection[int]):
    """The positions whose cell is True in `bits` (never changed, by this or by anyone)."""

    __slots__ = ("_count", "bits")

    def __init__(self, bits: np.ndarray) -> None:
        self.bits = bits
        self._count: int | None = None  # counted when first asked: a pass over every cell

    @classmethod
    def of(cls, positions: Collection[int], size: int) -> Chosen:
        """These positions as a mask of `size` cells (those outside it left out)."""
        bits = np.zeros(size, dtype=bool)
        if isinstance(positions, range):
            bits[range(max(positions.start, 0), min(positions.stop, size), positions.step)] = True
        elif len(positions):
            found = np.fromiter(positions, dtype=np.int64, count=len(positions))
            bits[found[(found >= 0) & (found < size)]] = True
        return cls(bits)

    def __len__(self) -> int:
        if self._count is None:
            self._count = int(np.count_nonzero(self.bits))
        return self._count

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool):
            return False
        return bool(0 <= value < len(self.bits) and self.bits[value])

    def __iter__(self) -> Iterator[int]:
        return iter(self.positions().tolist())

    def positions(self) -> np.ndarray:
        """The chosen positions, ascending."""
        return np.flatnonzero(self.bits)

    def picked(self, positions: np.ndarray) -> list[int]:
        """Those of `positions` (each a position of the corpus) that are chosen, in their order."""
        return positions[self.bits[positions]].tolist()

    def by_rank(self, ranks: Sequence[int]) -> list[int]:
        """The chosen positions by their rank (`ranks[position]`, distinct ranks)."""
        found = self.positions()
        return found[np.argsort(as_numbers(ranks)[found], kind="stable")].tolist()

    def __repr__(self) -> str:
        return f"Chosen({len(self)} of {len(self.bits)} positions)"


def as_numbers(numbers: Sequence[int]) -> np.ndarray:
    """`numbers` as a numpy array: a view of an array's buffer (no copy), or a copy of anything
    else (a list, a cache entry's mapped array read whole)."""
    if isinstance(numbers, np.ndarray):
        return numbers
    if isinstance(numbers, array):
        return np.frombuffer(numbers, dtype=numbers.typecode) if len(numbers) else np.zeros(0, np.int64)
    if isinstance(numbers, range):
        return np.arange(numbers.start, numbers.stop, numbers.step, dtype=np.int64)
    whole = numbers[:]
    if isinstance(whole, array):
        return as_numbers(whole)
    return np.fromiter(numbers, dtype=np.int64, count=len(numbers))
