"""Postings: key -> positions, and position -> run, the structures every index is made of.

Each has one shape, whether it was built article by article or loaded from a cache entry: what
an entry saved stays packed (one array of all runs and one of their offsets: reading back a
million small arrays costs seconds, two arrays milliseconds), and what is added after goes to a
small array a key beside it. An index loaded from a cache takes new articles as it is; `pack`
folds both parts into the packed form again.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence

from .strings import ENCODING, ERRORS, PackedStrings, Strings, strings

READ_ACROSS = 16384  # runs this few ints apart are read in one read: 64 KB more copied cost about one read call


class RunArray(array):
    """The packed runs of a `Postings` or `Runs`, never changed once packed: a cache entry keeps
    these in its mapped file (cache.py), read a run at a time, rather than in the heap, where a
    million articles' word postings alone would take a gigabyte."""


def _run_array(typecode: str, items: Iterable[int] = ()) -> RunArray:
    found = RunArray(typecode)
    found.extend(items)
    return found


def _packed_runs(flat) -> array:
    """`flat` as what `pack` hands on: a RunArray, or the mapped runs a cache entry gave."""
    return _run_array(flat.typecode, flat) if type(flat) is array else flat


def intersect(lists: Sequence[Sequence[int] | None]) -> set[int]:
    """Positions in every list; smallest first, so the work is bounded by the rarest word."""
    if not lists or any(hits is None for hits in lists):
        return set()
    ordered = sorted(lists, key=len)  # type: ignore[arg-type]
    result = set(ordered[0])  # type: ignore[arg-type]
    for hits in ordered[1:]:
        if not result:
            break
        result.intersection_update(hits)  # type: ignore[arg-type]
    return result


class Postings:
    """Key (a word, a name) -> the positions that have it, in the order they were added.

    Keys are numbered in the order they were first seen; the numbers survive `pack`. The arrays
    `get` returns may be the index's own: read them, never change them. The packed keys are found
    by bisection in `_order` (their numbers sorted by key, saved with them): 4 bytes a key where a
    dictionary took ~90, for the million names and words of a large corpus.
    """

    __slots__ = ("_added", "_flat", "_keys", "_offsets", "_order")

    def __init__(self, keys: Sequence[str] | PackedStrings | None = None, offsets: array | None = None,
                 flat: array | None = None, order: Sequence[int] | None = None) -> None:  # fmt: skip
        self._keys = strings(keys) if keys is not None else Strings()
        if order is None:
            order = array("I", sorted(range(len(self._keys)), key=self._keys.__getitem__))
        self._order = order  # the packed keys' numbers (each its run in `_flat`), by key
        self._offsets = offsets if offsets is not None else array("Q", (0,))
        self._flat = flat if flat is not None else array("I")
        self._added: dict[str, array] = {}

    def _number(self, key: str) -> int | None:
        """A packed key's number (its run in `_flat`), None if it is not packed."""
        order = self._order
        if not order:
            return None
        keys = self._keys
        wanted = key.encode(ENCODING, ERRORS)  # UTF-8 sorts as the strings do: no key decoded
        i = bisect_left(order, wanted, key=keys.encoded)
        if i < len(order):
            number = order[i]
            if keys.encoded(number) == wanted:
                return number
        return None

    def post(self, keys: Iterable[str], position: int) -> None:
        """Add `position` to each of these keys, which are distinct."""
        added, numbered, packed = self._added, self._keys, bool(self._order)
        get = added.get  # the hot loop of indexing: a few hundred words an article
        for key in keys:
            hits = get(key)
            if hits is None:
                added[key] = array("I", (position,))
                if not packed or self._number(key) is None:
                    numbered.append(key)
            else:
                hits.append(position)

    def add(self, key: str, position: int) -> bool:
        """Add one position to one key, unless it is the key's last already (an article may give
        the same name twice); whether the key is new."""
        hits = self._added.get(key)
        if hits is not None:
            if hits[-1] != position:
                hits.append(position)
            return False
        self._added[key] = array("I", (position,))
        if self._number(key) is not None:
            return False
        self._keys.append(key)
        return True

    def get(self, key: str, default: array | None = None) -> array | None:
        added = self._added.get(key)
        i = self._number(key)
        if i is None:
            return default if added is None else added
        run = self._flat[self._offsets[i] : self._offsets[i + 1]]
        return run if added is None else run + added

    def runs_of(self, numbered: Iterable[tuple[int, str]]) -> array:
        """The positions of these keys (each with its number), run after run in one array. Packed
        runs close together in a cache entry's file are read in one read, not one read each: a
        lookup of a name's word can meet thousands of names."""
        numbered = list(numbered)
        flat, offsets, packed = self._flat, self._offsets, len(self._order)
        found = array(flat.typecode)
        wanted = sorted((offsets[n], offsets[n + 1]) for n, _ in numbered if n < packed)
        gap = 0 if isinstance(flat, array) else READ_ACROSS  # in memory: each run sliced on its own
        first = 0
        while first < len(wanted):
            start, stop = wanted[first]
            last = first + 1
            while last < len(wanted) and wanted[last][0] - stop <= gap:
                stop = max(stop, wanted[last][1])
                last += 1
            chunk = flat[start:stop]
            for lo, hi in wanted[first:last]:
                found.extend(chunk[lo - start : hi - start])
            first = last
        if self._added:
            for _, key in numbered:
                more = self._added.get(key)
                if more is not None:
                    found.extend(more)
        return found

    def head(self, key: str, count: int) -> array:
        """A key's first `count` positions (in the order added)."""
        i = self._number(key)
        run = array("I")
        if i is not None:
            run = self._flat[self._offsets[i] : min(self._offsets[i] + count, self._offsets[i + 1])]
        if len(run) < count:
            added = self._added.get(key)
            if added is not None:
                run = run + added[: count - len(run)]
        return run

    def __getitem__(self, key: str) -> array:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._added or (isinstance(key, str) and self._number(key) is not None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def key_at(self, number: int) -> str:
        return self._keys[number]

    def count(self, key: str) -> int:
        """How many positions a key has."""
        i = self._number(key)
        added = self._added.get(key)
        return (0 if i is None else self._offsets[i + 1] - self._offsets[i]) + (0 if added is None else len(added))

    def count_at(self, number: int, key: str) -> int:
        """How many positions the key numbered `number` (which is `key`) has: no key looked up."""
        count = self._offsets[number + 1] - self._offsets[number] if number < len(self._order) else 0
        added = self._added.get(key) if self._added else None
        return count + (0 if added is None else len(added))

    def counts(self) -> Iterator[int]:
        """How many positions each key has, by number: no key looked up."""
        offsets, added, packed = self._offsets, self._added, len(self._order)
        for number, key in enumerate(self._keys):
            more = added.get(key) if added else None
            count = offsets[number + 1] - offsets[number] if number < packed else 0
            yield count + (0 if more is None else len(more))

    def pack(self) -> tuple[PackedStrings, array, array, array]:
        """Keys, offsets, runs and the keys' order: what `Postings(*packed)` reads back."""
        if not self._added:
            return self._keys.pack(), self._offsets, _packed_runs(self._flat), array("I", self._order)
        packed, added, old_offsets, old_flat = len(self._order), self._added, self._offsets, self._flat
        offsets, flat = array("Q", (0,)), _run_array("I")
        for number, key in enumerate(self._keys):
            if number < packed:
                flat.extend(old_flat[old_offsets[number] : old_offsets[number + 1]])
            more = added.get(key)
            if more is not None:
                flat.extend(more)
            offsets.append(len(flat))
        keys = list(self._keys)
        order = array("I", sorted(range(len(keys)), key=keys.__getitem__))  # in the heap: bisected
        return Strings(keys).pack(), offsets, flat, order


class Runs:
    """Position -> a run of ints, for dense positions. The arrays `get` returns may be the
    index's own: read them, never change them."""

    __slots__ = ("_added", "_flat", "_offsets", "_typecode")

    def __init__(self, typecode: str = "I", offsets: array | None = None, flat: array | None = None) -> None:
        self._typecode = typecode
        self._offsets = offsets if offsets is not None else array("Q", (0,))
        self._flat = flat if flat is not None else array(typecode)
        self._added: dict[int, array] = {}

    def add(self, position: int, run: array) -> None:
        """The run of a position not added before."""
        self._added[position] = run

    def get(self, position: int, default: array | None = None) -> array | None:
        run = self._added.get(position)
        if run is not None:
            return run
        if 0 <= position < len(self._offsets) - 1:
            lo, hi = self._offsets[position], self._offsets[position + 1]
            if lo < hi:
                return self._flat[lo:hi]
        return default

    def size(self) -> int:
        """One more than the last position with a run (packed or added)."""
        return max(len(self._offsets) - 1, max(self._added, default=-1) + 1)

    def in_memory(self) -> Runs:
        """The same runs with the packed ones read into the heap in one go (a cache entry's are
        read from its file one run at a time): for reading many."""
        if type(self._flat) is not RunArray and type(self._flat) is not array:
            found = Runs(self._typecode, self._offsets, self._flat[:])
            found._added = self._added
            return found
        return self

    def pack(self) -> tuple[array, array]:
        """Offsets and runs: what `Runs(typecode, *packed)` reads back."""
        if not self._added:
            return self._offsets, _packed_runs(self._flat)
        size = max(len(self._offsets) - 1, max(self._added) + 1)
        offsets, flat = array("Q", (0,)), _run_array(self._typecode)
        for position in range(size):
            run = self.get(position)
            if run:
                flat.extend(run)
            offsets.append(len(flat))
        return offsets, flat


Span = tuple[int, int] | str  # (start, end) into an article's text, or a quote's own text


class QuoteSpans:
    """Position -> its quotes' spans: (start, end) pairs into the text, or a quote's own text
    when its offsets are off. Saved as runs of pairs, (-1, i) for the i-th saved text."""

    __slots__ = ("_added", "_runs", "_texts")

    def __init__(self, runs: Runs | None = None, texts: list[str] | None = None) -> None:
        self._runs = runs if runs is not None else Runs("q")
        self._texts = texts if texts is not None else []
        self._added: dict[int, tuple[Span, ...]] = {}

    def add(self, position: int, spans: tuple[Span, ...]) -> None:
        if spans:
            self._added[position] = spans

    def get(self, position: int) -> tuple[Span, ...]:
        spans = self._added.get(position)
        if spans is not None:
            return spans
        run = self._runs.get(position)
        if run is None:
            return ()
        texts = self._texts
        return tuple((run[i], run[i + 1]) if run[i] >= 0 else texts[run[i + 1]] for i in range(0, len(run), 2))

    def pack(self) -> tuple[tuple[array, array], list[str]]:
        """Runs and texts: what `QuoteSpans(Runs("q", *runs), texts)` reads back."""
        if not self._added:
            return self._runs.pack(), self._texts
        runs, texts = Runs("q", *self._runs.pack()), list(self._texts)
        for position, spans in self._added.items():
            run = array("q")
            for span in spans:
                if isinstance(span, tuple):
                    run.extend(span)
                else:
                    run.extend((-1, len(texts)))
                    texts.append(span)
            runs.add(position, run)
        return runs.pack(), texts


class Texts:
    """Position -> text, for phrase checks: the texts a cache entry's store serves (maybe from a
    mapped file) and references to those added since; never copies."""

    __slots__ = ("_added", "_saved")

    def __init__(self, saved: Sequence[str] = ()) -> None:
        self._saved = saved
        self._added: dict[int, str] = {}

    def add(self, position: int, text: str) -> None:
        self._added[position] = text

    def __getitem__(self, position: int) -> str:
        text = self._added.get(position)
        return self._saved[position] if text is None else text

    def owned(self, positions: Iterable[int]) -> Texts:
        """The same texts held in memory, none from a mapped file: what a pickle can carry."""
        texts = Texts()
        texts._added = {position: self[position] for position in positions}
        return texts


class Dates:
    """Positions by day (proleptic ordinals), for ranges. Kept in arrival order and sorted when
    first asked: articles arrive unordered, and insort into 100,000 would be quadratic."""

    __slots__ = ("_sorted", "days", "positions")

    def __init__(self, days: array | None = None, positions: array | None = None,
                 in_order: tuple[array, array] | None = None) -> None:  # fmt: skip
        self.days = days if days is not None else array("i")
        self.positions = positions if positions is not None else array("I")
        self._sorted = in_order

    def add(self, day: int, position: int) -> None:
        self.days.append(day)
        self.positions.append(position)
        self._sorted = None

    def between(self, first: int | None, last: int | None) -> set[int]:
        """Positions dated from `first` to `last`, both inclusive; None leaves that end open."""
        return set(self.run_between(first, last))

    def run_between(self, first: int | None, last: int | None) -> array:
        """`between` as an array, in day order."""
        days, positions = self.in_order()
        lo = bisect_left(days, first) if first is not None else 0
        hi = bisect_right(days, last) if last is not None else len(days)
        return positions[lo:hi]

    def in_order(self) -> tuple[array, array]:
        """Days and their positions, by day."""
        if self._sorted is None:
            days = self.days
            order = sorted(range(len(days)), key=days.__getitem__)
            self._sorted = (array("i", (days[i] for i in order)), array("I", (self.positions[i] for i in order)))
        return self._sorted
