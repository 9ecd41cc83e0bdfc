"""Which quotes hold a word, and which hold two words side by side: a file of its own beside the
cache entry (`<entry>.quotewords`), so a `quote:` term in the quotes view is a few postings read
and intersected instead of a regex over each quote of tens of thousands of articles.

The words are those the quotes view's phrase check sees (`checked_words`: the quote's text
folded, or lowered, exactly as `PhraseMatcher` searches it), so the file answers what the check
answers: one word is its postings, two words their pair's, three or more the intersection of
their pairs, each quote left checked for the words in a row. The file is made after a warm open
by a background process (quote_words_build.py) and never at open; until it is there, or when it
is stale (another entry's fingerprint, another quote count) or damaged, the text check answers.

    b"article-explorer quote words 1\\n"   the format
    64 hex digits + b"\\n"                the entry's fingerprint
    header                               quotes, words, pairs, blob bytes, word and pair postings
    words' hashes  uint64[words]         8 bytes of BLAKE2b of each word, sorted (ties possible)
    words' ends    uint64[words + 1]     where each word's UTF-8 is in the blob (checked: exact)
    word runs      uint64[words + 1]     where each word's postings are
    pair codes     uint64[pairs]         word number << 32 | word number, sorted
    pair runs      uint64[pairs + 1]
    blob, word postings, pair postings   the words; sorted uint32 quote numbers, run after run

Read with positional reads only (a file cut short gives short reads, never a SIGBUS): the keys
are searched on disk, a bisection of 8-byte reads, so the heap holds nothing of the file. A read
that does not add up marks the file damaged; the text check answers from then on.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import struct
import threading
import weakref
from collections.abc import Callable, Sequence
from multiprocessing.process import BaseProcess
from pathlib import Path

import numpy as np

from .parsing.lexicon import fold_text

MAGIC = b"article-explorer quote words 1\n"
SUFFIX = ".quotewords"
HEADER = struct.Struct("<6Q")  # quotes, words, pairs, blob bytes, word postings, pair postings
KEY_BYTES = 8  # a word's hash, a pair's code, an offset
POSTING = np.dtype("<u4")
_FINGERPRINT_LINE = 64 + 1
_TOKEN = re.compile(r"[^\W_]+")
SUPPORTED = hasattr(os, "pread") and "fork" in multiprocessing.get_all_start_methods()  # the build forks
_PAIR_SHIFT = 32


def checked_words(text: str, start: int, end: int, folded: bool) -> list[str]:
    """The words of `text[start:end]` as the quotes view's phrase check sees them: folded when the
    article's check folds (`folded`), else lowered: such an article has no non-ASCII letters, so
    the check's UTF-8 bytes (PhraseMatcher.found_in) part its words where lowering does."""
    part = text[start:end]
    return _TOKEN.findall(fold_text(part) if folded else part.lower())


def word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def words_path(entry_side: Path) -> Path:
    """The word file of the entry whose side file (`<entry>.quotes`) this is."""
    return entry_side.with_name(entry_side.name.rsplit(".", 1)[0] + SUFFIX)


class Damaged(Exception):
    """A read of the word file that does not add up."""


class QuoteWords:
    """An open word file: the sorted quote numbers of a word or of words side by side."""

    def __init__(self, path: Path, fingerprint: str, quotes: int) -> None:
        """Raises OSError or Damaged unless the file is whole, this entry's and of `quotes` quotes."""
        self.path = path
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            self._fd = fd
            head = os.pread(fd, len(MAGIC) + _FINGERPRINT_LINE + HEADER.size, 0)
            if not head.startswith(MAGIC) or head[len(MAGIC) : len(MAGIC) + 64] != fingerprint.encode("ascii"):
                raise Damaged("another entry, or another format")
            counts = HEADER.unpack_from(head, len(MAGIC) + _FINGERPRINT_LINE)
            self._layout(counts, os.fstat(fd).st_size)
            if counts[0] != quotes:
                raise Damaged("another quote table")
        except BaseException:
            os.close(fd)
            raise
        # Closed when the last reader lets go, never under a thread still reading: a closed
        # number can be reused at once by another file, which would be read in its stead.
        self._closer = weakref.finalize(self, os.close, fd)

    def _layout(self, counts: tuple[int, ...], size: int) -> None:
        self.quotes, self.words, self.pairs, blob, word_postings, pair_postings = counts
        at = len(MAGIC) + _FINGERPRINT_LINE + HEADER.size
        self._hashes = at
        self._ends = self._hashes + self.words * KEY_BYTES
        self._word_runs = self._ends + (self.words + 1) * KEY_BYTES
        self._codes = self._word_runs + (self.words + 1) * KEY_BYTES
        self._pair_runs = self._codes + self.pairs * KEY_BYTES
        self._blob = self._pair_runs + (self.pairs + 1) * KEY_BYTES
        self._word_postings = self._blob + blob
        self._pair_postings = self._word_postings + word_postings * POSTING.itemsize
        self._blob_size = blob
        self._postings_in = {self._word_runs: word_postings, self._pair_runs: pair_postings}  # by runs
        if self._pair_postings + pair_postings * POSTING.itemsize != size:
            raise Damaged("a length that does not add up")

    def close(self) -> None:
        self._closer()

    def _read(self, offset: int, length: int) -> bytes:
        data = os.pread(self._fd, length, offset)
        if len(data) != length:
            raise Damaged("cut short")
        return data

    def _key(self, base: int, i: int) -> int:
        return int.from_bytes(self._read(base + i * KEY_BYTES, KEY_BYTES), "little")

    def _first_at_least(self, base: int, count: int, key: int) -> int:
        lo, hi = 0, count
        while lo < hi:
            mid = (lo + hi) // 2
            if self._key(base, mid) < key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def word_number(self, word: str) -> int | None:
        """The word's number (its place among the hashes), None when no quote has it."""
        key, encoded = word_hash(word), word.encode("utf-8", "surrogatepass")
        i = self._first_at_least(self._hashes, self.words, key)
        while i < self.words and self._key(self._hashes, i) == key:
            lo, hi = self._key(self._ends, i), self._key(self._ends, i + 1)
            if not 0 <= lo <= hi <= self._blob_size:
                raise Damaged("a word outside the words")
            if self._read(self._blob + lo, hi - lo) == encoded:
                return i
            i += 1
        return None

    def _run(self, runs: int, i: int, postings: int) -> np.ndarray:
        lo, hi = self._key(runs, i), self._key(runs, i + 1)
        if not 0 <= lo <= hi <= self._postings_in[runs]:
            raise Damaged("a run outside the postings")
        run = np.frombuffer(self._read(postings + lo * POSTING.itemsize, (hi - lo) * POSTING.itemsize), POSTING)
        if len(run) and int(run.max()) >= self.quotes:
            raise Damaged("a quote past the table")
        return run

    def word_quotes(self, number: int) -> np.ndarray:
        return self._run(self._word_runs, number, self._word_postings)

    def pair_quotes(self, first: int, second: int) -> np.ndarray:
        code = first << _PAIR_SHIFT | second
        i = self._first_at_least(self._codes, self.pairs, code)
        if i == self.pairs or self._key(self._codes, i) != code:
            return np.zeros(0, POSTING)
        return self._run(self._pair_runs, i, self._pair_postings)

    def saying(self, words: Sequence[str], holding: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """The sorted quote numbers with these words side by side; `holding(quotes)` keeps those of
        some quotes that have them in a row, for three words or more (the pairs tell only that each
        two are side by side somewhere in the quote)."""
        numbers = [self.word_number(word) for word in words]
        if any(number is None for number in numbers):
            return np.zeros(0, POSTING)
        if len(numbers) == 1:
            return self.word_quotes(numbers[0])  # type: ignore[arg-type]
        runs = sorted((self.pair_quotes(a, b) for a, b in zip(numbers, numbers[1:], strict=False)), key=len)  # type: ignore[arg-type]
        found = runs[0]
        for run in runs[1:]:
            found = np.intersect1d(found, run, assume_unique=True)
        return holding(found) if len(numbers) > 2 and len(found) else found


class WordFile:
    """The word file of one cache entry: opened when it is there and right, else made by a
    background process (`start`), and opened once that process is done."""

    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path, self.fingerprint = path, fingerprint
        self._lock = threading.Lock()
        self._open: QuoteWords | None = None
        self._builder: BaseProcess | None = None  # the building process
        self._starting = False  # a build being started (the fork is made outside the lock)
        self._given_up = False  # damaged after a build: the text check answers for good

    def start(self, quotes: int, build: Callable[[], BaseProcess | None]) -> None:
        """Open the file, or have `build()` start the process that makes it; returns at once.
        Where there is no fork or no positional read (Windows), or no room for a build (`build()`
        gives None) or no process could be made, the text check answers."""
        with self._lock:
            if not SUPPORTED or self._starting or self._open is not None or self._builder is not None:
                return
            if self._try_open(quotes):
                return
            self._starting = True  # forking a big process takes a while: readers must not wait for it
        builder = None
        try:
            builder = build()
        except OSError:  # no memory or no process left to fork with: asked again at the next warm-up
            pass
        finally:
            with self._lock:
                self._builder, self._starting = builder, False

    def _try_open(self, quotes: int) -> bool:
        try:
            self._open = QuoteWords(self.path, self.fingerprint, quotes)
        except (OSError, Damaged, struct.error, UnicodeError):
            return False
        return True

    def ready(self, quotes: int) -> QuoteWords | None:
        """The open file when it is of `quotes` quotes (its build may just have ended), else None."""
        with self._lock:
            if self._open is None and self._builder is not None and not self._given_up:
                if self._builder.is_alive():
                    return None
                self._builder.join()
                self._given_up = not self._try_open(quotes)
            found = self._open
        return found if found is not None and found.quotes == quotes else None

    def wait(self, quotes: int, seconds: float) -> QuoteWords | None:
        """`ready`, once the build under way (if any) has ended or `seconds` have passed: for a
        caller that wants the file made now (a benchmark), not the app, which never waits."""
        with self._lock:
            builder = self._builder
        if builder is not None:
            builder.join(seconds)
        return self.ready(quotes)

    def damaged(self) -> None:
        """A read did not add up: the text check answers from now on."""
        with self._lock:  # dropped, not closed: a thread may still be reading it (see QuoteWords)
            self._open, self._given_up = None, True
