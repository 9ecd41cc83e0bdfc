"""What a cache entry keeps of an index, and what a pickle of it carries.

`pack` gives everything but the texts and titles (the article store has those) as a few big
arrays and lists of strings; `unpack` reads them back in a fraction of a second, in the same
structures an index builds, so a loaded index takes new articles as it is.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .name_index import NameIndex
from .pairs import Pairs
from .postings import Dates, Postings, QuoteSpans, Runs, Texts
from .tallies import ArticleEntities, EntityTallies

if TYPE_CHECKING:
    from .corpus_index import CorpusIndex


class Sharer:
    """Equal strings and tuples (of strings) made one object: the odd entity shapes' names, kept
    as objects (few), are written once and read back as one object each. The names of the name
    indexes and the tallies are string columns (strings.py), packed into one buffer each."""

    __slots__ = ("seen",)

    def __init__(self) -> None:
        self.seen: dict = {}

    def one(self, item):
        if isinstance(item, tuple):
            item = tuple(map(self.one, item))
        return self.seen.setdefault(item, item) if isinstance(item, (str, tuple)) else item

    def shapes(self, packed: tuple) -> tuple:
        """An `ArticleEntities.pack()`: its odd shapes' names shared with the rest."""
        *counted, odd = packed
        return *counted, {number: self.one(shape) for number, shape in odd.items()}


def pack(index: CorpusIndex) -> dict:
    shared = Sharer()
    return {
        "all": index._all if isinstance(index._all, range) else array("I", sorted(index._all)),
        "needs_fold": index._needs_fold,
        "pairs": (index._pairs.frequent_at, index._pairs.pack()),
        "unsure": (index._unsure, index._unsure_quotes),
        "entities": {kind: names.pack() for kind, names in index._entities.items()},
        "speakers": index._speakers.pack(),
        "words": index._words.pack(),
        "title_words": index._title_words.pack(),
        "quote_words": index._quote_words.pack(),
        "cues": index._cues.pack(),
        "sources": index._sources.pack(),
        "sections": index._sections.pack(),
        "quote_counts": index._quote_counts,
        "has": index._has,
        "dates": (index._dates.days, index._dates.positions, index._dates.in_order()),
        "quote_spans": index._quote_spans.pack(),
        "tallies": index._tallies.pack(),
        "rows": shared.shapes(index._article_entities.pack()),
        "article_rows": index._article_entities.runs.pack(),
    }


def unpack(index: CorpusIndex, state: dict, texts: Sequence[str], titles: Sequence[str]) -> CorpusIndex:
    """Fill a new index with what `pack` saved, over these texts and titles (by position)."""
    index._texts, index._titles = Texts(texts), Texts(titles)
    index._all = state["all"] if isinstance(state["all"], range) else set(state["all"])
    index._cells = len(index._all) if isinstance(index._all, range) else max(index._all, default=-1) + 1
    index._needs_fold = state["needs_fold"]
    index._pairs = Pairs(*state["pairs"])
    index._unsure, index._unsure_quotes = state["unsure"]
    index._words = Postings(*state["words"])
    index._title_words = Postings(*state["title_words"])
    index._quote_words = Postings(*state["quote_words"])
    index._entities = {kind: NameIndex.unpack(names) for kind, names in state["entities"].items()}
    index._speakers = NameIndex.unpack(state["speakers"])
    index._cues = NameIndex.unpack(state["cues"])
    index._sources = NameIndex.unpack(state["sources"])
    index._sections = NameIndex.unpack(state["sections"])
    index._quote_counts, index._has = state["quote_counts"], state["has"]
    index._dates = Dates(*state["dates"])
    runs, quoted = state["quote_spans"]
    index._quote_spans = QuoteSpans(Runs("q", *runs), quoted)
    index._tallies = EntityTallies(state["tallies"])
    index._article_entities = ArticleEntities(index._tallies, state["rows"], Runs("I", *state["article_rows"]))
    release_freed_heap()
    return index


def release_freed_heap() -> None:
    """Hand the memory the C heap holds free back to the system. Reading a cache entry's head
    frees big buffers (the head, its copies, each array's bytes); glibc then raises its threshold
    for giving memory its own mapping, and keeps what it freed: 100,000 articles, ~35 MB of a
    ~115 MB corpus. `malloc_trim` is glibc's; elsewhere there is none and nothing is done."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim():  # type: ignore[no-untyped-def]
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # no C library to open, or one without it (musl)
        return None


def pickled_state(index: CorpusIndex) -> dict:
    """The index's attributes for a pickle: its texts held in memory (a cache entry's may be in a
    mapped file), no store (the corpus reattaches its own), no cached summaries."""
    state = index.__dict__.copy()
    state["_texts"] = index._texts.owned(sorted(index._all))
    state["_titles"] = index._titles.owned(sorted(index._all))
    state["store"] = None
    state["_summaries"] = None
    return state
