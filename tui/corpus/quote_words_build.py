"""Making the word file of quote_words.py: every quote's words as the phrase check sees them,
their postings and those of each two side by side, written atomically (a temporary in the same
folder renamed over the file, as the cache's entries are).

It runs in a process of its own (`start`), forked from the app once the views are warm: the
child reads the corpus the app has open (copy-on-write: the texts are positional reads of the
entry, the columns numpy arrays), so the app's GIL and heap are not taken; it runs at a lower
priority, and dies with the app. At a million articles it peaks at a few GB (a sort of every
quote's words) for a minute or two; the app meanwhile answers with the text check.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import tempfile
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from .entry_temporaries import temp_prefix
from .quote_words import HEADER, MAGIC, POSTING, checked_words, word_hash

BUILD_NICENESS = 10  # below the app's priority: the UI keeps its core on a busy machine
_LOW = np.uint64(0xFFFFFFFF)
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


def postings(keys: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """From sorted, distinct key << 32 | quote: each key's run (offsets, `count` + 1) and the quotes."""
    runs = np.searchsorted(keys >> _SHIFT, np.arange(count + 1, dtype=np.uint64)).astype(np.uint64)
    return runs, (keys & _LOW).astype(POSTING)


def write_words(path: Path, fingerprint: str, quotes: int, words: list[str], tokens: np.ndarray,
                lengths: np.ndarray) -> None:  # fmt: skip
    """Number the words by hash, post them and their pairs, write the file."""
    hashes = np.array([word_hash(word) for word in words], dtype=np.uint64)
    order = np.argsort(hashes, kind="stable")
    rank = np.empty(len(words), dtype=np.uint32)
    rank[order] = np.arange(len(words), dtype=np.uint32)
    tokens = rank[tokens] if len(words) else tokens
    quote = np.repeat(np.arange(quotes, dtype=np.uint32), lengths)
    word_runs, word_postings = postings(np.unique(tokens.astype(np.uint64) << _SHIFT | quote), len(words))
    codes, pair_runs, pair_postings = _pairs(tokens, quote)
    del tokens, quote
    encoded = [word.encode("utf-8", "surrogatepass") for word in (words[i] for i in order)]
    ends = np.zeros(len(words) + 1, dtype=np.uint64)
    np.cumsum([len(b) for b in encoded], out=ends[1:])
    blob = b"".join(encoded)
    counts = (quotes, len(words), len(codes), len(blob), len(word_postings), len(pair_postings))
    parts = [MAGIC, fingerprint.encode("ascii") + b"\n", HEADER.pack(*counts), hashes[order], ends, word_runs,
             codes, pair_runs, blob, word_postings, pair_postings]  # fmt: skip
    _write_atomically(path, parts)


def _pairs(tokens: np.ndarray, quote: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct pair codes of words side by side within a quote, their runs and quotes."""
    same = quote[1:] == quote[:-1]
    code = tokens[:-1][same].astype(np.uint64) << _SHIFT | tokens[1:][same]
    where = quote[1:][same]
    order = np.argsort(code, kind="stable")  # stable: each code's quotes stay in order
    code, where = code[order], where[order]
    del order
    keep = np.ones(len(code), dtype=bool)
    keep[1:] = (code[1:] != code[:-1]) | (where[1:] != where[:-1])
    code, where = code[keep], where[keep]
    starts = np.flatnonzero(np.r_[True, code[1:] != code[:-1]]) if len(code) else np.zeros(0, np.int64)
    runs = np.append(starts, len(code)).astype(np.uint64)
    return code[starts], runs, where.astype(POSTING)


def _write_atomically(path: Path, parts: list) -> None:
    handle, temporary = tempfile.mkstemp(prefix=temp_prefix(), suffix=".quotewords", dir=path.parent)
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


def _child(*args: object) -> None:
    """The build in the forked process: quiet whatever happens (the app owns the terminal)."""
    code = 0
    try:
        with contextlib.suppress(OSError):
            os.nice(BUILD_NICENESS)
        build(*args)  # type: ignore[arg-type]
    except BaseException:
        code = 1
    os._exit(code)


def start(path: Path, fingerprint: str, texts: Sequence[str], first: Sequence[int], start: Sequence[int],
          end: Sequence[int], folded: Callable[[int], bool]) -> multiprocessing.process.BaseProcess:  # fmt: skip
    """Start making the word file in a forked process of lower priority; returns it at once."""
    process = multiprocessing.get_context("fork").Process(
        target=_child, args=(path, fingerprint, texts, first, start, end, folded), daemon=True,
        name="quote-words")  # fmt: skip
    process.start()
    return process
