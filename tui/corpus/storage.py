"""Articles kept compactly: a column a field for what the list shows and sorts by, and the rest of
each article (quotes, entities, paragraphs) as one pickled record, made into an `Article` again
only when something asks for it.

A store read from a cache entry (cache.py) keeps its ids, paths, titles, texts and records in the
entry's file, mapped into memory, and reads one when it is asked for: only the number columns
(dates, quote counts, sources as shared strings) and the display orders are in the heap. A
million articles' ids, paths and titles as Python strings would take ~300 MB.

A parsed `Article` as pydantic models costs ~20 KB (a model a quote and an entity, each with its
own dictionaries); 100,000 of them would not fit in 2 GB beside their indexes. Here an article
costs its text, its title and a ~1.7 KB record; `store[i]` rebuilds the model in ~30 µs and the
last few thousand stay built, so the same position gives the same object while it is in use.
"""

from __future__ import annotations

import math
import pickle
import sys
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, NamedTuple, overload

import numpy as np

from .chosen import Chosen, as_numbers
from .lazy_sequence import ListEqual, MadeOnRead
from .models import Article
from .ordered import InOrder

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

# (id, path, title, text, source, timestamp, quote count, record): what a worker sends back.
Compact = tuple[str, str, str, str, str | None, float, int, bytes]
_COLUMNS = {"id", "path", "title", "text", "source"}
# Columns of strings a cache entry keeps in its mapped file, in the order they are written there.
MAPPED = ("texts", "records", "ids", "paths", "titles")
BUILT_KEPT = 4096  # rebuilt articles kept, newest used last
ROWS_KEPT = 2048  # list rows kept (a few screenfuls): a cursor step redraws two rows already drawn
FEW_SORTED = 64  # a result under 1/64 of the corpus is sorted whole; a larger one read in order, as needed
SORTS = ("date", "title", "quotes")  # the orders the list can take: newest, A to Z, most quoted


class ArticleRow(NamedTuple):
    """What one line of the article list shows, read from the columns: no article is rebuilt."""

    day: date | None
    title: str
    source: str | None
    quotes: int


def timestamp(when: datetime | None) -> float:
    """Seconds since the epoch (a time without a zone taken as UTC); -inf for no date."""
    if when is None:
        return -math.inf
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()


def compact(article: Article) -> Compact:
    record = pickle.dumps(article.model_dump(exclude=_COLUMNS), protocol=pickle.HIGHEST_PROTOCOL)
    return (article.id, article.path, article.title, article.text, article.source,
            timestamp(article.date), len(article.quotes), record)  # fmt: skip


class Slices(ListEqual, MadeOnRead):
    """Items cut from a buffer (a cache entry's mapped file) at offsets: bytes, or str when `text`.
    Read-only; the store makes its columns lists again before anything is appended."""

    def __init__(self, buffer, base: int, offsets: array, text: bool) -> None:
        self.buffer, self.base, self.offsets, self.text = buffer, base, offsets, text

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def _item(self, at: int) -> str | bytes:
        base = self.base
        data = self.buffer[base + self.offsets[at] : base + self.offsets[at + 1]]
        return str(data, "utf-8", "surrogatepass") if self.text else bytes(data)


class MappedArray:
    """A read-only array of ints in a buffer (a cache entry's mapped file): a slice is read from
    the buffer into a new array when asked for; nothing is in the heap until then. Pickles as a
    plain array."""

    __slots__ = ("buffer", "itemsize", "length", "start", "typecode")

    def __init__(self, buffer, start: int, typecode: str, length: int) -> None:
        self.buffer, self.start, self.typecode, self.length = buffer, start, typecode, length
        self.itemsize = array(typecode).itemsize

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> array: ...

    def __getitem__(self, index: int | slice) -> array | int:
        if isinstance(index, slice):
            lo, hi, step = index.indices(self.length)
            if step != 1:
                return self[lo:hi][::step]
            found = array(self.typecode)
            if hi > lo:
                size = self.itemsize
                found.frombytes(self.buffer[self.start + lo * size : self.start + hi * size])
            return found
        if index < 0:
            index += self.length
        if not 0 <= index < self.length:
            raise IndexError("array index out of range")
        return self[index : index + 1][0]

    def __iter__(self) -> Iterator[int]:
        return iter(self[:])

    def tobytes(self) -> bytes:
        return bytes(self.buffer[self.start : self.start + self.length * self.itemsize])

    def __reduce__(self):
        owned = array(self.typecode)
        owned.frombytes(self.tobytes())
        return (_copy_of, (owned,))


def _copy_of(items: array) -> array:
    return items


def _write_all(items: Iterable[bytes], out: SupportsWrite[bytes], chunk: int = 1 << 22) -> array:
    """Write the items one after another (in chunks of ~4 MB); their offsets, from 0."""
    offsets, written, pending, size = array("Q", (0,)), 0, [], 0
    for item in items:
        pending.append(item)
        size += len(item)
        written += len(item)
        offsets.append(written)
        if size >= chunk:
            out.write(b"".join(pending))
            pending, size = [], 0
    if pending:
        out.write(b"".join(pending))
    return offsets


class ArticleStore(MadeOnRead[Article]):
    """A list of articles, in load order, kept as columns and records (see the module note)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.paths: list[str] = []
        self.titles: list[str] = []
        self.texts: list[str] = []
        self.sources: list[str | None] = []
        self.timestamps = array("d")
        self.quote_counts = array("I")
        self.days = array("i")  # the date's proleptic ordinal in its own zone, 0 for none
        self.records: list[bytes] = []
        self._built: OrderedDict[int, Article] = OrderedDict()
        # Several readers may build articles at once (session.py lets readers share the corpus).
        self._built_lock = threading.Lock()
        self._orders: dict[str, array] = {}
        # A row's title is read from the cache entry's mapped file (a size check, a copy, a decode):
        # the rows of the screens in use are kept. Articles never change, so neither do their rows.
        self._rows: dict[int, ArticleRow] = {}

    # -- adding -----------------------------------------------------------------------------

    def append(self, article: Article) -> None:
        position = len(self.records)
        when = article.date
        self.append_compact(compact(article), when.date().toordinal() if when is not None else None)
        self._keep(position, article)

    def append_compact(self, item: Compact, day: int | None = None) -> None:
        """Add a worker's compact article; `day` is its date's ordinal (IndexEntry.day)."""
        identity, path, title, text, source, when, quotes, record = item
        if not isinstance(self.records, list):  # read from a cache entry: lists again to grow
            for name in MAPPED:
                setattr(self, name, list(getattr(self, name)))
        self.days.append(day or 0)
        self.ids.append(identity)
        self.paths.append(path)
        self.titles.append(title)
        self.texts.append(text)
        self.sources.append(sys.intern(source) if source else source)
        self.timestamps.append(when)
        self.quote_counts.append(quotes)
        self.records.append(record)
        self._orders.clear()

    # -- reading ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.records)

    def _item(self, at: int) -> Article:
        with self._built_lock:
            built = self._built.get(at)
            if built is not None:
                self._built.move_to_end(at)
                return built
        return self._keep(at, self.build(at))

    def __iter__(self) -> Iterator[Article]:
        # A whole pass (export, stats) builds each article once and keeps none of them.
        for index in range(len(self.records)):
            built = self._built.get(index)
            yield built if built is not None else self.build(index)

    def build(self, index: int) -> Article:
        fields = pickle.loads(self.records[index])
        fields.update(id=self.ids[index], path=self.paths[index], title=self.titles[index],
                      text=self.texts[index], source=self.sources[index])  # fmt: skip
        return Article.model_validate(fields)

    def _keep(self, index: int, article: Article) -> Article:
        with self._built_lock:
            self._built[index] = article
            if len(self._built) > BUILT_KEPT:
                self._built.popitem(last=False)
        return article

    def row(self, index: int) -> ArticleRow:
        found = self._rows.get(index)
        if found is None:
            found = ArticleRow(self.day(index), self.titles[index], self.sources[index], self.quote_counts[index])
            if len(self._rows) >= ROWS_KEPT:
                self._rows = {}  # whole screenfuls are drawn again at once: no order of use to keep
            self._rows[index] = found
        return found

    # -- orders for the list ----------------------------------------------------------------

    def order(self, by: str) -> array:
        """Every position in display order for a sort ("date", "title", "quotes"), cached until
        the next article arrives."""
        found = self._orders.get(by)
        if found is None:
            n = len(self.records)
            stamps, counts = self.timestamps, self.quote_counts
            key: Callable[[int], tuple[float | str | int, ...]]
            if by == "title":
                titles = self.titles
                key = lambda p: (titles[p].casefold(), p)  # noqa: E731
            elif by == "quotes":
                key = lambda p: (-counts[p], -stamps[p], p)  # noqa: E731
            else:
                key = lambda p: (-stamps[p], p)  # noqa: E731
            found = array("I", sorted(range(n), key=key))
            if len(self.records) == n:  # an article that arrived meanwhile would make it stale
                self._orders[by] = found
        return found

    def sorted_positions(self, positions: Iterable[int], by: str) -> Sequence[int]:
        """`positions` in display order: the whole order with them picked out as far as it is read
        (ordered.py), or, when they are few, sorted by rank."""
        order = self.order(by)
        if isinstance(positions, InOrder):
            chosen: Collection[int] = positions.chosen
        elif isinstance(positions, (set, frozenset, range)):
            chosen = positions
        else:
            chosen = set(positions)
        if len(chosen) * FEW_SORTED < len(order):
            if isinstance(chosen, Chosen):
                return chosen.by_rank(self._ranks(by))
            return sorted(chosen, key=self._ranks(by).__getitem__)
        return InOrder(chosen, order)

    def _ranks(self, by: str) -> array:
        key = f"rank:{by}"
        found = self._orders.get(key)
        if found is None:
            order = self.order(by)
            ranks = np.zeros(len(order), dtype=np.uint32)
            ranks[as_numbers(order)] = np.arange(len(order), dtype=np.uint32)  # a Python loop took ~0.2 s at 1M
            found = array("I", ranks.tobytes())
            if len(self.records) == len(order):
                self._orders[key] = found
        return found

    def day(self, index: int) -> date | None:
        """The article's date (in its own zone) without building the article."""
        ordinal = self.days[index]
        return date.fromordinal(ordinal) if ordinal > 0 else None

    # -- what a cache saves -----------------------------------------------------------------

    def write_bulk(self, out: SupportsWrite[bytes]) -> dict:
        """Write the MAPPED columns to `out`, one after another; the rest of the store (its number
        columns, its display orders, and where each string is, relative to where this began) as a
        dict for `from_parts`."""
        encoded: dict[str, Iterable[bytes]] = {"records": self.records}
        for name in ("texts", "ids", "paths", "titles"):
            encoded[name] = (value.encode("utf-8", "surrogatepass") for value in getattr(self, name))
        parts: dict = {"sources": self.sources, "timestamps": self.timestamps,
                       "quote_counts": self.quote_counts, "days": self.days,
                       "orders": {by: self.order(by) for by in SORTS}}  # fmt: skip
        for name in MAPPED:
            parts[name] = _write_all(encoded[name], out)
        return parts

    @classmethod
    def from_parts(cls, parts: dict, buffer, base: int) -> ArticleStore:
        """The store `write_bulk` saved, its MAPPED columns read from `buffer` (the entry's mapped
        file, the bulk starting at `base`) only when asked for."""
        store = cls()
        for name in ("sources", "timestamps", "quote_counts", "days"):
            setattr(store, name, parts[name])
        for name in MAPPED:
            offsets = parts[name]
            setattr(store, name, Slices(buffer, base, offsets, text=name != "records"))
            base += offsets[-1]
        store._orders = dict(parts["orders"])
        return store

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        for name in MAPPED:  # not a mapped file
            state[name] = list(getattr(self, name))
        state["_built"] = OrderedDict()
        state["_orders"] = {}
        state["_rows"] = {}
        del state["_built_lock"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._built_lock = threading.Lock()


def sort_positions(articles: Sequence[Article], positions: Iterable[int], by: str) -> Sequence[int]:
    """Positions in display order (newest first, A to Z, or most quoted first), for any sequence of
    articles; a store sorts by its columns and keeps the order until the next article arrives."""
    if isinstance(articles, ArticleStore):
        return articles.sorted_positions(positions, by)
    if by == "title":
        return sorted(positions, key=lambda p: (articles[p].title.casefold(), p))
    if by == "quotes":
        return sorted(positions, key=lambda p: (-len(articles[p].quotes), -timestamp(articles[p].date), p))
    return sorted(positions, key=lambda p: (-timestamp(articles[p].date), p))
