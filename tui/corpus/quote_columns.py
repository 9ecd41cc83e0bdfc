"""The quote table and its people as numpy columns, made once for each state of the corpus (articles
arrived, corrections changed): what the views count, sort and pick out of, at 500,000 quotes, in
milliseconds and without a Python object a quote.

A set of quotes is a boolean mask over quote numbers; a person's number indexes the per-person
columns, and NO_SPEAKER (-1) picks their last cell, which is always "nobody". Sort orders, and the
(person, article) and (person, source) pairs the people view tallies, are worked out on first use
and kept until the next state.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np

from .people import GENDER_ORDER
from .people_table import People
from .person_quotes import PersonQuotes
from .quote_order import PickedQuotes
from .quote_table import QuoteTable
from .quote_table_strings import is_permutation, within
from .timeline import month_numbers

UNDATED = np.iinfo(np.int32).max  # sorts an undated quote after every dated one
QUOTE_SORTS = ("date", "speaker", "length")  # oldest first (undated last); A to Z then oldest; longest first
SORT_ITSELF_BELOW = 256  # a mask of under 1/256 of the quotes is sorted itself, not picked out of an order
SPANS_BELOW = 8  # a mask of under 1/8 of the quotes is made from its quotes' spans, not from a pass over all
GATHER_SLICE = 1 << 18  # indices cast at a time by `gather` (2 MB as intp: in the cache)
# The saved orders checked as the side file is read (each a permutation); the others on first use.
CHECKED_WHEN_READ = QUOTE_SORTS[:1]


def column(values: Sequence[int] | np.ndarray, dtype: type = np.int64) -> np.ndarray:
    """A copy of an `array.array` (or list) as a numpy column: the table's arrays keep growing, so
    none of them is shared with numpy (an array lending its buffer cannot be resized). A read-only
    numpy column (a table read from its side file, never resized: it is copied into arrays before an
    article is added) is used as it is, its own integer type."""
    if isinstance(values, np.ndarray) and not values.flags.writeable:
        return values
    return np.array(values, dtype=dtype)


def spans(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Every number of the spans starts[i]:ends[i], span after span."""
    starts, ends = starts.astype(np.int64), ends.astype(np.int64)
    lengths = ends - starts
    before = np.cumsum(lengths) - lengths  # how many numbers the earlier spans hold
    return np.repeat(starts - before, lengths) + np.arange(int(lengths.sum()), dtype=np.int64)


def gather(table: np.ndarray, index: np.ndarray) -> np.ndarray:
    """`table[index]`, for a long column of narrow indices (uint32, int32): numpy casts the whole
    index to intp first (51 MB at 6.4M quotes), which cost more than the gather itself; a slice
    at a time, the cast stays in the cache (8 -> 4 ms at a million articles)."""
    if index.ndim != 1 or index.dtype.kind not in "iu" or index.dtype == np.intp or len(index) <= GATHER_SLICE:
        return table[index]
    found = np.empty(len(index), dtype=table.dtype)
    for start in range(0, len(index), GATHER_SLICE):
        end = start + GATHER_SLICE
        np.take(table, index[start:end], out=found[start:end])  # as indexing: negatives count from the end
    return found


def source_codes(sources: Sequence[str | None]) -> tuple[np.ndarray, list[str | None]]:
    """Each article's source as a number (int64), and the sources in the order first met: the
    dict and the lookups run in C (a Python loop over a million articles took ~0.3 s)."""
    codes = {source: code for code, source in enumerate(dict.fromkeys(sources))}
    found = np.fromiter(map(codes.__getitem__, sources), dtype=np.int64, count=len(sources))
    return found, list(codes)


def _runs(articles: np.ndarray) -> int:
    """How many runs of one article there are in a column of articles."""
    return int(len(articles) and 1 + np.count_nonzero(articles[1:] != articles[:-1]))


class QuoteColumns:
    """Numpy columns of one state of the quote table and of the people its speakers are."""

    def __init__(self, table: QuoteTable, people: People, person: Sequence[int] | np.ndarray,
                 sources: Sequence[str | None], kept: dict[str, np.ndarray] | None = None) -> None:  # fmt: skip
        self.size = len(table)
        self.articles = table.articles
        self._table = table  # its columns are only ever appended to: this state's part never changes
        self._first = table.first  # article p's quotes are first[p]:first[p + 1]
        self._named: tuple[np.ndarray, np.ndarray] | None = None
        self._name_order: np.ndarray | None = None
        self._person_counts: np.ndarray | None = None
        self._first_column: np.ndarray | None = None
        self._sizes: np.ndarray | None = None
        self.article = column(table.article)
        self.person = column(person)
        self.day = column(table.day)
        self.cue = column(table.cue)
        count = len(people)
        # Per person, with one more cell for NO_SPEAKER (index -1): never a person, no gender.
        self.is_person = np.append(people.is_person, False)
        self.gender = np.append(people.gender.astype(np.int64), len(GENDER_ORDER) - 1)
        self.name_rank = np.append(people.name_rank.astype(np.int64), count)
        self.people = count
        self.quoted = (self.person >= 0) & gather(self.is_person, self.person)  # said by someone who is a person
        self.source, self.source_names = source_codes(sources[: self.articles])
        self._orders: dict[str, np.ndarray] = {}
        self._unchecked: dict[str, np.ndarray] = {}  # saved orders not checked yet (CHECKED_WHEN_READ)
        self._pairs: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._take(kept or {})
        self._months: np.ndarray | None = None
        self._article_days: tuple[np.ndarray, np.ndarray] | None = None
        self.person_quotes = PersonQuotes(self.article, self.day, self.source)  # a people row's quotes in a row
        self._split_codes: dict[str, tuple[np.ndarray, np.ndarray, int, int]] = {}

    @functools.cached_property
    def length(self) -> np.ndarray:
        """Each quote's length in characters: only the length order asks (made on first use)."""
        return np.asarray(self._table.end[: self.size], dtype=np.int64) - np.asarray(
            self._table.start[: self.size], dtype=np.int64
        )

    def _take(self, kept: dict[str, np.ndarray]) -> None:
        """Orders and pairs worked out before for this state (read from the side file, checked there)."""
        for name, values in kept.items():
            kind, _, by = name.partition(":")
            if kind == "order" and len(values) == self.size:
                (self._orders if by in CHECKED_WHEN_READ else self._unchecked)[by] = values
        for of in ("article", "source"):
            parts = tuple(kept.get(f"pairs:{of}:{part}") for part in "npo")
            other, bound = parts[2], len(self.source_names) if of == "source" else self.articles
            if other is not None and within(other, 0, max(bound, 1)):
                self._pairs[of] = parts  # type: ignore[assignment]

    def prepare(self) -> None:
        """Every order and pair worked out now (to be kept in the side file)."""
        for by in QUOTE_SORTS:
            self.order(by)
        self.pairs("article")
        self.pairs("source")

    def kept(self) -> dict[str, np.ndarray]:
        """The orders and pairs worked out, by name (people_resolved.KEPT_ORDERS and KEPT_PAIRS)."""
        found = {f"order:{by}": order for by, order in self._orders.items()}
        for of, parts in self._pairs.items():
            found.update({f"pairs:{of}:{part}": values for part, values in zip("npo", parts, strict=True)})
        return found

    # -- sets of quotes -------------------------------------------------------------------------

    def everything(self) -> np.ndarray:
        return np.ones(self.size, dtype=bool)

    def of_articles(self, positions: Sequence[int] | set[int] | np.ndarray) -> np.ndarray:
        """Every quote of these articles: their spans of quote numbers when they hold few quotes."""
        found = positions if isinstance(positions, np.ndarray) else np.fromiter(positions, np.int64, len(positions))
        if len(found) and (int(found.min()) < 0 or int(found.max()) >= self.articles):
            found = found[(found >= 0) & (found < self.articles)]  # articles this state of the table lacks
        # Counted with one gather: a broad word's ~a million articles made four arrays of that size
        # here (their spans' starts, ends, lengths), each fresh memory touched for the first time.
        if int(self.article_sizes()[found].sum()) * SPANS_BELOW < self.size:
            first = self.article_first()
            mask = np.zeros(self.size, dtype=bool)
            mask[spans(first[found], first[found + 1])] = True
            return mask
        chosen = np.zeros(self.articles + 1, dtype=bool)
        chosen[found] = True
        return gather(chosen, self.article)

    def of_people(self, numbers: Sequence[int], by_person: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        """Every quote of these people: from each one's quotes (`by_person`: the quote numbers by
        person, and where each one's start) when they said few."""
        chosen_people = np.asarray(numbers, dtype=np.int64)
        order, first = by_person
        starts, ends = first[chosen_people], first[chosen_people + 1]
        if int((ends - starts).sum()) * SPANS_BELOW < self.size:
            mask = np.zeros(self.size, dtype=bool)
            mask[order[spans(starts, ends)]] = True
            return mask
        chosen = np.zeros(self.people + 1, dtype=bool)
        chosen[chosen_people] = True
        return gather(chosen, self.person)

    def article_count(self, quotes: np.ndarray) -> int:
        """How many articles hold these quotes (a mask, or quote numbers in order): counted over the
        quotes a mask holds, or, when it holds most, over those it leaves out (quote numbers run in
        article order)."""
        if quotes.dtype != bool:
            return _runs(self.article[quotes])
        if np.count_nonzero(quotes) * 2 <= self.size:
            return _runs(self.article[np.flatnonzero(quotes)])
        left = self.article[np.flatnonzero(~quotes)]  # each article's run of quotes left out
        if not len(left):
            return int(np.count_nonzero(self.article_sizes()))
        runs = np.flatnonzero(np.concatenate(([True], left[1:] != left[:-1])))
        run_lengths = np.diff(np.append(runs, len(left)))
        sizes = self.article_sizes()
        return int(np.count_nonzero(sizes)) - int(np.count_nonzero(run_lengths == sizes[left[runs]]))

    def article_first(self) -> np.ndarray:
        """Each article's first quote number, and the end of the last (article p's quotes are
        first[p]:first[p + 1])."""
        if self._first_column is None:
            self._first_column = np.asarray(self._first[: self.articles + 1], dtype=np.int64)
        return self._first_column

    def name_order(self) -> np.ndarray:
        """Each person's place among all sorted by name (people of one name by their number)."""
        if self._name_order is None:
            by_name = np.argsort(self.name_rank[:-1], kind="stable")
            self._name_order = np.empty(self.people, dtype=np.int64)
            self._name_order[by_name] = np.arange(self.people, dtype=np.int64)
        return self._name_order

    def person_quote_counts(self) -> np.ndarray:
        """Each person's quotes (those of people who are persons; one cell a person)."""
        if self._person_counts is None:
            self._person_counts = np.bincount(self.person[self.quoted], minlength=self.people)
        return self._person_counts

    def named(self) -> tuple[np.ndarray, np.ndarray]:
        """The entities each quote names, as columns: quote q's are named[first[q]:first[q + 1]]."""
        if self._named is None:
            first = column(self._table.named_first[: self.size + 1], np.uint32)
            self._named = (column(self._table.named[: int(first[-1])], np.uint32), first)
        return self._named

    def article_sizes(self) -> np.ndarray:
        """Each article's number of quotes."""
        if self._sizes is None:
            self._sizes = np.diff(self.article_first())
        return self._sizes

    def article_positions(self, quotes: np.ndarray) -> set[int]:
        return set(np.unique(self.article[quotes]).tolist())

    # -- orders -----------------------------------------------------------------------------------

    def order(self, by: str) -> np.ndarray:
        """Every quote in a QUOTE_SORTS order, worked out once (read-only)."""
        found = self._orders.get(by)
        if found is None:
            saved = self._unchecked.pop(by, None)
            if saved is None or not is_permutation(saved, self.size):  # never saved, or not an order
                saved = self._sort(np.arange(self.size, dtype=np.int32), by)
            found = self._orders[by] = saved
            found.flags.writeable = False
        return found

    def made_ahead(self) -> None:
        """The orders, pairs and months the views ask for, worked out now; a saved order not yet
        checked is left for its first use (the sort a user may never switch to)."""
        for by in QUOTE_SORTS:
            if by not in self._unchecked:
                self.order(by)
        self.pairs("article")
        self.pairs("source")
        self.months()
        self.article_sizes()  # an article-level term's first answer counts its quotes with them

    def sorted(self, quotes: np.ndarray, by: str) -> np.ndarray | PickedQuotes:
        """The quotes of a mask (read-only) in a QUOTE_SORTS order: a narrow mask's sorted themselves,
        a broad one's picked out of the whole order as far as they are read (quote_order.py)."""
        order = self.order(by)
        count = int(np.count_nonzero(quotes))
        if count == len(order):
            return order
        if count * SORT_ITSELF_BELOW < len(order):
            return self._sort(np.flatnonzero(quotes).astype(order.dtype), by)
        return PickedQuotes(order, quotes, count)

    def _sort(self, quotes: np.ndarray, by: str) -> np.ndarray:
        """Quote numbers break every tie: the article's order, then the quote's place in it."""
        day = self.day[quotes]
        dated_last = np.where(day > 0, day, UNDATED)
        if by == "speaker":
            return quotes[np.lexsort((quotes, day, self.name_rank[self.person[quotes]]))]
        if by == "length":
            return quotes[np.lexsort((quotes, day, -self.length[quotes]))]
        return quotes[np.lexsort((quotes, dated_last))]

    def by_date(self, quotes: np.ndarray) -> np.ndarray:
        """Some quote numbers (an array), oldest first."""
        return self._sort(np.asarray(quotes, dtype=np.int64), "date")

    # -- tallies ----------------------------------------------------------------------------------

    def pairs(self, of: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each quote's (person, article) or (person, source) pair as a number, and each pair's
        person and article or source: the quotes of a person in an article counted once."""
        found = self._pairs.get(of)
        if found is None:
            other = self.article if of == "article" else gather(self.source, self.article)
            keys = (self.person.astype(np.int64) + 1) * (int(other.max(initial=0)) + 1) + other
            unique, number = np.unique(keys, return_inverse=True)
            span = int(other.max(initial=0)) + 1
            # int32 (kept in the side file as they are): quotes, people and articles are each < 2**31.
            found = (number.reshape(-1).astype(np.int32), (unique // span - 1).astype(np.int32),
                     (unique % span).astype(np.int32))  # fmt: skip
            self._pairs[of] = found
        return found

    def split_codes(self, by: str) -> tuple[np.ndarray, np.ndarray, int, int]:
        """Each quote's group (its article's source, or its month) and speaker's gender as one
        number, (group - low) * genders + gender, or the last number (span * genders) for a quote
        no person said; every quote's count of each number; low; span (groups from low on). Made
        when the people view is first split: a split is then one count over a filter's quotes."""
        found = self._split_codes.get(by)
        if found is None:
            width, quoted = len(GENDER_ORDER), np.flatnonzero(self.quoted)
            groups = gather(self.source, self.article[quoted]) if by == "source" else self.months()[quoted]
            low = int(groups.min()) if len(groups) else 0
            span = int(groups.max()) - low + 1 if len(groups) else 0
            codes = np.full(self.size, span * width, dtype=np.int32)
            codes[quoted] = (groups - low) * width + self.gender[self.person[quoted]]
            found = (codes, np.bincount(codes, minlength=span * width + 1), low, span)
            self._split_codes[by] = found
        return found

    def months(self) -> np.ndarray:
        """Each quote's month as year * 12 + month - 1 (-1 when undated)."""
        if self._months is None:
            self._months = month_numbers(self.day)
        return self._months

    def article_days(self, days: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """The store's `days` (date ordinals, 0 when undated) of this state's articles as a column,
        and their month numbers: worked out once, not on each timeline."""
        if self._article_days is None:
            found = column(days[: self.articles])
            self._article_days = (found, month_numbers(found))
        return self._article_days
