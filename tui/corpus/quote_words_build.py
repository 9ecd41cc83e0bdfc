"""Making the word file of quote_words.py: every quote's words as the phrase check sees them,
their postings and those of each two side by side, written atomically (a temporary in the same
folder renamed over the file, as the cache's entries are).

It runs in a process of its own (`start`), forked from the app once the views are warm: the
child reads the corpus the app has open (copy-on-write: the texts are positional reads of the
entry, the columns numpy arrays), so the app's GIL and heap are not taken; it runs at a lower
priority, and dies with the app. At a million articles it peaks at 6 GB (a sort of every
quote's words) for a minute or two; the app meanwhile answers with the text check. It is not
started when that peak would take more than a share of the memory the system has available.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import tempfile
import threading
import time
import warnings
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from .entry_temporaries import remove_stale_temporaries, temp_prefix
from .quote_words import HEADER, MAGIC, POSTING, SUFFIX, checked_words, word_hash

# The build's peak resident memory per character of the quotes: 6.3 GB for the 630 million characters
# of a million articles' 6.4 million quotes (the forked build's maxrss, /proc counts pages it shares).
BUILD_BYTES_PER_QUOTE_CHARACTER = 10
MEMORY_SHARE = 0.75  # of the memory available: a build that would need more is not started
MEMINFO = Path("/proc/meminfo")
BUILD_NICENESS = 10  # below the app's priority: the UI keeps its core on a busy machine
PARENT_CHECK_SECONDS = 1.0  # how often a build looks whether the app that started it still runs
KEY_BITS = 64  # a pair's key: band-relative first word, second word, quote
_SHIFT = np.uint64(32)


def quote_words(texts: Sequence[str], first: Sequence[int], start: Sequence[int], end: Sequence[int],
                folded: Callable[[int], bool]) -> tuple[list[str], np.ndarray, np.ndarray]:  # fmt: skip
    """Every quote's words as numbers (in the order first seen), each word's text, and how many
    words each quote has: article by article, quote by quote."""
    numbers: dict[str, int] = {}
    number = numbers.setdefault
    flat = array("I")  # not a list: a million quotes' words are ~150M ints, 4 bytes each here
    lengths = np.zeros(first[len(first) - 1] if len(first) else 0, dtype=np.int64)
    for p in range(len(first) - 1):
        lo, hi = first[p], first[p + 1]
        if lo == hi:
            continue
        text, fold = texts[p], folded(p)
        for q in range(lo, hi):
            words = checked_words(text, start[q], end[q], fold)
            flat.extend([number(word, len(numbers)) for word in words])
            lengths[q] = len(words)
    return list(numbers), np.frombuffer(flat, dtype=np.uint32), lengths


def write_words(path: Path, fingerprint: str, quotes: int, words: list[str], tokens: np.ndarray,
                lengths: np.ndarray) -> None:  # fmt: skip
    """Number the words by hash, post them and their pairs, write the file."""
    hashes = np.array([word_hash(word) for word in words], dtype=np.uint64)
    order = np.argsort(hashes, kind="stable")
    rank = np.empty(len(words), dtype=np.uint32)
    rank[order] = np.arange(len(words), dtype=np.uint32)
    tokens = rank[tokens] if len(words) else tokens
    quote = np.repeat(np.arange(quotes, dtype=np.uint32), lengths)
    bits = (max(1, len(words).bit_length()), max(1, quotes.bit_length()))  # a word's number, a quote's
    keys = _packed(tokens, None, quote, 0, bits)
    owners = np.arange(len(words) + 1, dtype=np.uint64)
    word_runs = np.searchsorted(keys >> np.uint64(bits[1]), owners).astype(np.uint64)
    word_postings = _low(keys, bits[1]).astype(POSTING)
    del keys
    codes, pair_runs, pair_postings = _pairs(tokens, quote, bits)
    del tokens, quote
    encoded = [word.encode("utf-8", "surrogatepass") for word in (words[i] for i in order)]
    ends = np.zeros(len(words) + 1, dtype=np.uint64)
    np.cumsum([len(b) for b in encoded], out=ends[1:])
    blob = b"".join(encoded)
    counts = (quotes, len(words), len(codes), len(blob), len(word_postings), len(pair_postings))
    parts = [MAGIC, fingerprint.encode("ascii") + b"\n", HEADER.pack(*counts), hashes[order], ends, word_runs,
             codes, pair_runs, blob, word_postings, pair_postings]  # fmt: skip
    _write_atomically(path, parts)


def _packed(first: np.ndarray, second: np.ndarray | None, quote: np.ndarray, lo: int,
            bits: tuple[int, int]) -> np.ndarray:  # fmt: skip
    """Sorted distinct keys (first - lo) [<< word bits | second] << quote bits | quote, made and
    sorted in place (one uint64 a posting: the build's peak memory)."""
    keys = first.astype(np.uint64)
    if lo:
        keys -= np.uint64(lo)
    if second is not None:
        keys <<= np.uint64(bits[0])
        keys |= second
    keys <<= np.uint64(bits[1])
    keys |= quote
    keys.sort()
    return keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) > 1 else keys


def _low(keys: np.ndarray, bits: int) -> np.ndarray:
    return keys & np.uint64((1 << bits) - 1)


def _pairs(tokens: np.ndarray, quote: np.ndarray, bits: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct pair codes of words side by side within a quote, their runs and quotes: made a
    band of first words at a time, so that a pair and its quote fit one uint64 (one band unless
    there are millions of words)."""
    same = quote[1:] == quote[:-1]
    band, words = 1 << (KEY_BITS - bits[0] - bits[1]), 1 << bits[0]
    codes, runs, postings, done = [np.zeros(0, np.uint64)], [np.zeros(1, np.uint64)], [np.zeros(0, POSTING)], 0
    for lo in range(0, words, band):
        take = same if band >= words else same & (tokens[:-1] >= lo) & (tokens[:-1] < lo + band)
        keys = _packed(tokens[:-1][take], tokens[1:][take], quote[1:][take], lo, bits)
        del take
        if not len(keys):
            continue
        pair = keys >> np.uint64(bits[1])
        starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]])
        first, second = (pair[starts] >> np.uint64(bits[0])) + np.uint64(lo), _low(pair[starts], bits[0])
        codes.append(first << _SHIFT | second)
        runs.append((np.append(starts[1:], len(keys)) + done).astype(np.uint64))
        postings.append(_low(keys, bits[1]).astype(POSTING))
        done += len(keys)
    return np.concatenate(codes), np.concatenate(runs), np.concatenate(postings)


def _write_atomically(path: Path, parts: list) -> None:
    """Write to a temporary named as the cache's (`.tmp-PID-HOST-...cache`: one a killed build left
    is removed by the next save, this one's or the cache's) and rename it over the file."""
    remove_stale_temporaries(path.parent)
    handle, temporary = tempfile.mkstemp(prefix=temp_prefix(), suffix=f"{SUFFIX}.cache", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            for part in parts:
                out.write(part.astype(part.dtype.newbyteorder("<")).tobytes() if isinstance(part, np.ndarray) else part)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def build(path: Path, fingerprint: str, texts: Sequence[str], first: Sequence[int], start: Sequence[int],
          end: Sequence[int], folded: Callable[[int], bool]) -> None:  # fmt: skip
    """Make the word file of these quotes (`first`: each article's first quote, and the end)."""
    words, tokens, lengths = quote_words(texts, first, start, end, folded)
    write_words(path, fingerprint, len(lengths), words, tokens, lengths)


def _exit_with(parent: int) -> None:
    """End this process once `parent` is gone: a daemonic child is stopped by a clean exit of the
    app only, and one killed (or crashed) must not leave a build running for minutes."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _child(parent: int, *args: object) -> None:
    """The build in the forked process: quiet whatever happens (the app owns the terminal)."""
    code = 0
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="quote-words-parent").start()
    try:
        with contextlib.suppress(OSError):
            os.nice(BUILD_NICENESS)
        build(*args)  # type: ignore[arg-type]
    except BaseException:
        code = 1
    os._exit(code)


def available_memory() -> int | None:
    """The bytes the system can give without swapping (Linux's MemAvailable); None where not told."""
    try:
        for line in MEMINFO.read_text(encoding="ascii", errors="replace").splitlines():
            name, _, value = line.partition(":")
            if name == "MemAvailable":
                return int(value.split()[0]) * 1024  # in kB
    except (OSError, ValueError, IndexError):
        return None
    return None


def room_for_build(start: Sequence[int], end: Sequence[int]) -> bool:
    """Whether a build for quotes of these spans fits in a share of the memory available (yes
    where that cannot be told): a machine short of memory is not pushed into swapping for an
    index whose absence costs only slower phrase filters."""
    available = available_memory()
    if available is None:
        return True
    characters = int(np.asarray(end, dtype=np.int64).sum() - np.asarray(start, dtype=np.int64).sum())
    return characters * BUILD_BYTES_PER_QUOTE_CHARACTER <= available * MEMORY_SHARE


def start(path: Path, fingerprint: str, texts: Sequence[str], first: Sequence[int], start: Sequence[int],
          end: Sequence[int], folded: Callable[[int], bool]) -> multiprocessing.process.BaseProcess | None:  # fmt: skip
    """Start making the word file in a forked process of lower priority; returns it at once.
    None when there is no room for a build now (`room_for_build`): asked again at the next warm-up."""
    if not room_for_build(start, end):
        return None
    process = multiprocessing.get_context("fork").Process(
        target=_child, args=(os.getpid(), path, fingerprint, texts, first, start, end, folded), daemon=True,
        name="quote-words")  # fmt: skip
    with warnings.catch_warnings():  # Python 3.12+ warns of forking a threaded process on stderr,
        # the app's terminal; the child takes no lock of the app's (positional reads, plain data)
        warnings.filterwarnings("ignore", message=".*fork", category=DeprecationWarning)
        process.start()
    return process
