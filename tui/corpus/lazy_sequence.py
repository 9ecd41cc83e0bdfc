"""What the corpus's read-only sequences share: items made when read, indexed as a list's.

Columns packed in one buffer, rows of a view worked out on demand, files named by their text: each
is a `Sequence` whose item is made from its position. `MadeOnRead` turns an index into that
position once, for all of them: an int (or numpy integer), negative from the end, IndexError
outside; a slice, a list of the items. A subclass gives `__len__` and `_item`. `ListEqual` makes a
column equal to a list of the same items (a column read back equals the one saved).
"""

from __future__ import annotations

import operator
from abc import abstractmethod
from collections.abc import Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class MadeOnRead(Sequence[T]):
    """A sequence whose items are made by `_item(at)`, `at` a position in range (not negative)."""

    __slots__ = ()

    @abstractmethod
    def _item(self, at: int) -> T: ...

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            item = self._item
            return [item(at) for at in range(*index.indices(len(self)))]
        at, size = operator.index(index), len(self)
        if at < 0:
            at += size
        if not 0 <= at < size:
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._item(at)


class ListEqual(Sequence[T]):
    """Equal to any sequence (a list, a tuple) of the same items, in order; unhashable, as a list."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, (str, bytes)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]
