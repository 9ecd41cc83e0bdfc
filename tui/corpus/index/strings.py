"""Columns of strings kept as one UTF-8 buffer and its offsets, not one `str` object each.

A name index's keys and display names, and the entity tallies' names and aliases, are a few
hundred thousand short strings at 100,000 articles and millions at a million. As `str` objects in
lists each costs ~50 bytes of header and a pointer besides its characters; here it costs its UTF-8
bytes and one offset (100,000 articles: ~70 MB of names in ~25 MB). A string is decoded when read.

Each string in the buffer ends with a NUL byte (not part of it): a whole column is then read with
one decode and one split, not a decode a string (a NUL inside a string is read the slow way).

What a cache entry saved stays packed; strings added after (articles arriving, a corpus parsed
here) go to a plain list beside it, and `pack` folds both into one buffer again. A column packs
into plain data (bytes and an array), and takes a list of strings too: entries written before
these columns existed open as they are.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence

from ..lazy_sequence import ListEqual, MadeOnRead

ENCODING, ERRORS = "utf-8", "surrogatepass"  # lone surrogates, as article text may hold, round-trip
OFFSETS_FIT_IN_I = 1 << 32  # a buffer this long or longer needs 8-byte offsets

PackedStrings = tuple[bytes, array]  # the UTF-8 buffer, and where each string starts (one more: the end)
END = b"\0"  # after each string in the buffer


def _offsets_for(size: int) -> array:
    return array("I" if size < OFFSETS_FIT_IN_I else "Q", (0,))


class Strings(ListEqual[str], MadeOnRead[str]):
    """A growing column of strings: packed ones from a buffer, and those appended since in a list.
    Its order is that of a list's, and UTF-8 bytes sort as the strings do, so `encoded` can stand in
    for a string in a bisection."""

    __slots__ = ("_added", "_buffer", "_offsets", "_packed")

    def __init__(self, items: Iterable[str] | PackedStrings = ()) -> None:
        if isinstance(items, tuple) and len(items) == 2 and isinstance(items[0], bytes):
            self._buffer, self._offsets = items
        else:
            self._buffer, self._offsets = _packed(items)  # type: ignore[arg-type]
        self._packed = len(self._offsets) - 1
        self._added: list[str] = []

    def __len__(self) -> int:
        return self._packed + len(self._added)

    def _item(self, at: int) -> str:
        packed = self._packed
        if at < packed:
            offsets = self._offsets
            return self._buffer[offsets[at] : offsets[at + 1] - 1].decode(ENCODING, ERRORS)
        return self._added[at - packed]

    def encoded(self, index: int) -> bytes:
        """The UTF-8 bytes of string `index` (not negative): compared without decoding."""
        packed = self._packed
        if index < packed:
            offsets = self._offsets
            return self._buffer[offsets[index] : offsets[index + 1] - 1]
        return self._added[index - packed].encode(ENCODING, ERRORS)

    def __iter__(self) -> Iterator[str]:
        yield from self.packed_items()
        yield from self._added

    def packed_items(self) -> list[str]:
        """Every packed string, decoded at once."""
        parts = self._buffer.decode(ENCODING, ERRORS).split("\0")
        if len(parts) == self._packed + 1:
            parts.pop()  # after the last END
            return parts
        return [self._item(i) for i in range(self._packed)]  # some string holds a NUL

    def append(self, item: str) -> None:
        self._added.append(item)

    def __repr__(self) -> str:
        return f"Strings({list(self)!r})"

    def pack(self) -> PackedStrings:
        """The buffer and offsets: what `Strings(packed)` reads back."""
        if not self._added:
            return self._buffer, self._offsets
        return _packed(self)

    def __reduce__(self) -> tuple:
        return (Strings, (self.pack(),))


def _packed(items: Iterable[str]) -> PackedStrings:
    encoded = [item.encode(ENCODING, ERRORS) for item in items]
    offsets, at = _offsets_for(sum(map(len, encoded)) + len(encoded)), 0
    for item in encoded:
        at += len(item) + 1
        offsets.append(at)
    return (END.join(encoded) + END if encoded else b""), offsets


def strings(packed: Sequence[str] | PackedStrings) -> Strings:
    """A column from what `Strings.pack` gave, or from a list of strings (an older entry's)."""
    if isinstance(packed, Strings):
        return packed
    return Strings(packed)  # type: ignore[arg-type]


PackedTuples = tuple[PackedStrings, array]  # every item, and where each tuple's items start


class StringTuples(ListEqual[tuple[str, ...]], MadeOnRead[tuple[str, ...]]):
    """A column of short tuples of strings (an entity's aliases, its roles): every item in one
    `Strings`, each tuple a run of it. A tuple replaced or appended after packing is kept as a
    tuple until the next `pack`."""

    __slots__ = ("_added", "_changed", "_items", "_starts")

    def __init__(self, items: Iterable[tuple[str, ...]] | PackedTuples = ()) -> None:
        if isinstance(items, tuple) and len(items) == 2 and isinstance(items[1], array):
            packed, self._starts = items
            self._items = Strings(packed)
        else:
            self._starts = array("I", (0,))
            flat: list[str] = []
            for item in items:
                flat.extend(item)
                self._starts.append(len(flat))
            self._items = Strings(flat)
        self._changed: dict[int, tuple[str, ...]] = {}  # packed rows replaced since, by row
        self._added: list[tuple[str, ...]] = []  # rows appended since

    def __len__(self) -> int:
        return len(self._starts) - 1 + len(self._added)

    def _item(self, at: int) -> tuple[str, ...]:
        return self.head(at)

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        items, starts, changed = self._items.packed_items(), self._starts, self._changed
        for index in range(len(starts) - 1):
            found = changed.get(index) if changed else None
            yield found if found is not None else tuple(items[starts[index] : starts[index + 1]])
        yield from self._added

    def head(self, index: int, count: int | None = None) -> tuple[str, ...]:
        """The first `count` items (None: all) of row `index`, not negative."""
        packed = len(self._starts) - 1
        if index >= packed:
            return self._added[index - packed][:count]
        changed = self._changed.get(index) if self._changed else None
        if changed is not None:
            return changed[:count]
        items, start, end = self._items, self._starts[index], self._starts[index + 1]
        if count is not None:
            end = min(end, start + count)
        return tuple(items[start:end])

    def size(self, index: int) -> int:
        """How many items row `index` (not negative) has."""
        packed = len(self._starts) - 1
        if index >= packed:
            return len(self._added[index - packed])
        changed = self._changed.get(index) if self._changed else None
        if changed is not None:
            return len(changed)
        return self._starts[index + 1] - self._starts[index]

    def __setitem__(self, index: int, value: tuple[str, ...]) -> None:
        packed = len(self._starts) - 1
        if index >= packed:
            self._added[index - packed] = value
        elif index >= 0:
            self._changed[index] = value
        else:
            raise IndexError("row out of range")

    def append(self, value: tuple[str, ...]) -> None:
        self._added.append(value)

    def pack(self) -> PackedTuples:
        """Every item and where each tuple starts: what `StringTuples(packed)` reads back."""
        if not self._changed and not self._added:
            return self._items.pack(), self._starts
        again = StringTuples(list(self))
        return again._items.pack(), again._starts

    def __reduce__(self) -> tuple:
        return (StringTuples, (self.pack(),))


def string_tuples(packed: Sequence[tuple[str, ...]] | PackedTuples) -> StringTuples:
    """A column from what `StringTuples.pack` gave, or from a list of tuples (an older entry's)."""
    if isinstance(packed, StringTuples):
        return packed
    return StringTuples(packed)  # type: ignore[arg-type]
