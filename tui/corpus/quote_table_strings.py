"""Many strings kept as one UTF-8 blob and their end offsets, and numpy columns kept as raw bytes:
what the quote table's side file holds, read back without a Python object a string or a quote.

A string is decoded only when one is asked for (a row drawn, a profile opened), so a warm open of a
million quotes makes a few dozen `str`s, not millions. The blob and the offsets come from a side
file that may be hostile: offsets are checked once (monotone, inside the blob), and a string whose
bytes do not decode is shown with replacement characters, never raised on.

Not `index.strings.Strings`, which looks alike: that one grows while a corpus is indexed (strings
appended beside the packed ones) and is pickled inside the cache entry, whose format a shared
class would change; this one is read-only, made once from a finished table, and checked against
a hostile file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from .lazy_sequence import MadeOnRead

_ENCODING_ERRORS = "surrogatepass"  # article text may hold lone surrogates; they go and come back whole
# The dtypes a saved column may have: anything else in a side file is damage.
DTYPES = frozenset({"int8", "uint8", "bool", "int32", "uint32", "int64"})
NO_BYTE = -1  # equal to no byte
PREFIX_BYTES = 8  # the bytes of a string `prefixes` puts in one uint64
BYTES = (bytes, memoryview)  # what a side file's state holds bytes as: a view when kept out of band


class Strings(MadeOnRead[str]):
    """Strings as one blob: string i is blob[ends[i - 1]:ends[i]]."""

    def __init__(self, blob: bytes | memoryview, ends: np.ndarray) -> None:
        self.blob, self.ends = blob, ends

    @classmethod
    def of(cls, items: Iterable[str]) -> Strings:
        encoded = [item.encode("utf-8", _ENCODING_ERRORS) for item in items]
        ends = np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)), dtype=np.int64)
        return cls(b"".join(encoded), ends)

    def __len__(self) -> int:
        return len(self.ends)

    def _item(self, at: int) -> str:
        end = int(self.ends[at])
        part = self.blob[int(self.ends[at - 1]) if at else 0 : end]
        try:  # str(): the blob may be bytes or a view of a side file's body (quote_table_body.py)
            return str(part, "utf-8", _ENCODING_ERRORS)
        except UnicodeDecodeError:  # a hostile side file: shown, never raised
            return str(part, "utf-8", "replace")

    def __iter__(self) -> Iterator[str]:
        return map(self._item, range(len(self)))

    def _bounds(self, numbers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where these strings (int64 numbers) start and end in the blob."""
        if not len(numbers):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        return np.where(numbers > 0, self.ends[numbers - 1], 0), self.ends[numbers]

    def may_fold_to(self, numbers: np.ndarray, keys: Iterable[str]) -> np.ndarray:
        """Which of these strings may fold to one of these name keys (a mask): those whose first
        and last bytes are not both ASCII letters or digits that differ from a key's first and last
        characters. Folding keeps an ASCII letter or digit at either end of a name, lowered (no
        accent to strip, nothing to split off), so the others fold to none of them: told for
        thousands of strings in a few numpy passes, none of them decoded."""
        numbers = np.asarray(numbers, dtype=np.int64)
        starts, ends = self._bounds(numbers)
        bytes_ = np.frombuffer(self.blob, dtype=np.uint8)
        found = ends <= starts  # an empty string: told by its key
        if not len(bytes_):
            return np.ones(len(numbers), dtype=bool)
        first, last = _lowered(bytes_[np.minimum(starts, len(bytes_) - 1)]), _lowered(bytes_[np.maximum(ends - 1, 0)])
        first_told, last_told = _letter_or_digit(first), _letter_or_digit(last)
        for key in keys:
            low, high = (ord(key[0]), ord(key[-1])) if key else (NO_BYTE, NO_BYTE)  # "": a name of no word
            found |= (~first_told | (first == low)) & (~last_told | (last == high))
        return found

    def prefixes(self, numbers: np.ndarray) -> np.ndarray:
        """The first `PREFIX_BYTES` bytes of these strings as big-endian numbers (a shorter one
        padded with zero bytes): numbers that order as the strings' bytes do, as far as they go."""
        numbers = np.asarray(numbers, dtype=np.int64)
        found = np.zeros(len(numbers), dtype=np.uint64)
        bytes_ = np.frombuffer(self.blob, dtype=np.uint8)
        if not len(numbers) or not len(bytes_):
            return found
        starts, ends = self._bounds(numbers)
        last = len(bytes_) - 1
        for step in range(PREFIX_BYTES):
            at = starts + step
            byte = np.where(at < ends, bytes_[np.minimum(at, last)], 0)
            found = (found << np.uint64(8)) | byte.astype(np.uint64)
        return found

    def state(self) -> tuple[bytes, bytes]:
        return bytes(self.blob), self.ends.astype(np.int64).tobytes()

    @classmethod
    def restored(cls, state: object) -> Strings | None:
        """From `state()`'s tuple, when the offsets fit the blob; else None."""
        if not isinstance(state, tuple) or len(state) != 2 or not all(isinstance(part, BYTES) for part in state):
            return None
        blob, raw_ends = state
        if len(raw_ends) % 8:
            return None
        ends = np.frombuffer(raw_ends, dtype=np.int64)
        if len(ends) and (ends[0] < 0 or ends[-1] != len(blob) or np.any(np.diff(ends) < 0)):
            return None
        if not len(ends) and blob:
            return None
        return cls(blob, ends)


def _lowered(codes: np.ndarray) -> np.ndarray:
    """Bytes with ASCII capitals made small."""
    return np.where((codes >= ord("A")) & (codes <= ord("Z")), codes + (ord("a") - ord("A")), codes)


def _letter_or_digit(codes: np.ndarray) -> np.ndarray:
    """Which (lowered) bytes are ASCII letters or digits."""
    return ((codes >= ord("a")) & (codes <= ord("z"))) | ((codes >= ord("0")) & (codes <= ord("9")))


class Groups(MadeOnRead[list[str]]):
    """Lists of strings (a person's aliases, ...): group i is items[first[i]:first[i + 1]]."""

    def __init__(self, items: Strings, first: np.ndarray) -> None:
        self.items, self.first = items, first

    @classmethod
    def of(cls, groups: Iterable[Iterable[str]]) -> Groups:
        flat: list[str] = []
        sizes = []
        for group in groups:
            before = len(flat)
            flat.extend(group)
            sizes.append(len(flat) - before)
        first = np.zeros(len(sizes) + 1, dtype=np.int64)
        np.cumsum(sizes, out=first[1:])
        return cls(Strings.of(flat), first)

    def __len__(self) -> int:
        return len(self.first) - 1

    def _item(self, at: int) -> list[str]:
        return self.items[int(self.first[at]) : int(self.first[at + 1])]

    def state(self) -> tuple[tuple[bytes, bytes], bytes]:
        return self.items.state(), self.first.astype(np.int64).tobytes()

    @classmethod
    def restored(cls, state: object, size: int) -> Groups | None:
        """From `state()`'s tuple, when it holds `size` groups that fit their strings; else None."""
        if not isinstance(state, tuple) or len(state) != 2 or not isinstance(state[1], BYTES) or len(state[1]) % 8:
            return None
        items = Strings.restored(state[0])
        first = np.frombuffer(state[1], dtype=np.int64)
        if items is None or len(first) != size + 1 or first[0] != 0 or first[-1] != len(items):
            return None
        return cls(items, first) if not np.any(np.diff(first) < 0) else None


def column_state(values: np.ndarray) -> tuple[str, bytes]:
    """A numpy column as (dtype name, its bytes)."""
    return values.dtype.name, values.tobytes()


def restored_column(state: object, size: int | None = None) -> np.ndarray | None:
    """A read-only column from `column_state`'s tuple (no copy: it reads the side file's bytes, or
    the view of them a column kept out of band is read as: quote_table_body.py), of
    `size` values when given; None when it is not one."""
    if not isinstance(state, tuple) or len(state) != 2:
        return None
    dtype, data = state
    if dtype not in DTYPES or not isinstance(data, BYTES) or len(data) % np.dtype(dtype).itemsize:
        return None
    values = np.frombuffer(data, dtype=dtype)
    return values if size is None or len(values) == size else None


def within(values: np.ndarray, low: int, high: int) -> bool:
    """Whether every value is in [low, high)."""
    return not len(values) or (int(values.min()) >= low and int(values.max()) < high)


def is_permutation(order: np.ndarray, size: int) -> bool:
    """`size` numbers in [0, size) that reach every one of them: each once. (Marking them is several
    times faster than counting them: no int64 copy of the order, no counts.)"""
    if len(order) != size or not within(order, 0, max(size, 1)):
        return False
    seen = np.zeros(size, dtype=bool)
    seen[order] = True
    return bool(seen.all())
