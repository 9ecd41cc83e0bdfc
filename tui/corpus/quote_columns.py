"""The quote table and its people as numpy columns, made once for each state of the corpus (articles
arrived, corrections changed): what the views count, sort and pick out of, at 500,000 quotes, in
milliseconds and without a Python object a quote.

A set of quotes is a boolean mask over quote numbers; a person's number indexes the per-person
columns, and NO_SPEAKER (-1) picks their last cell, which is always "nobody". Sort orders, and the
(person, article) and (person, source) pairs the people view tallies, are worked out on first use
and kept until the next state.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .people import GENDER_ORDER
from .people_table import People
from .quote_table import QuoteTable
from .quote_table_strings import is_permutation, within
from .timeline import month_numbers

UNDATED = np.iinfo(np.int32).max  # sorts an undated quote after every dated one
QUOTE_SORTS = ("date", "speaker", "length")  # oldest first (undated last); A to Z then oldest; longest first
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


class QuoteColumns:
    """Numpy columns of one state of the quote table and of the people its speakers are."""

    def __init__(self, table: QuoteTable, people: People, person: Sequence[int] | np.ndarray,
                 sources: Sequence[str | None], kept: dict[str, np.ndarray] | None = None) -> None:  # fmt: skip
        self.size = len(table)
        self.articles = table.articles
        self.article = column(table.article)
        self.person = column(person)
        self.day = column(table.day)
        self.length = np.asarray(table.end, dtype=np.int64) - np.asarray(table.start, dtype=np.int64)
        self.cue = column(table.cue)
        count = len(people)
        # Per person, with one more cell for NO_SPEAKER (index -1): never a person, no gender.
        self.is_person = np.append(people.is_person, False)
        self.gender = np.append(people.gender.astype(np.int64), len(GENDER_ORDER) - 1)
        self.name_rank = np.append(people.name_rank.astype(np.int64), count)
        self.people = count
        self.quoted = (self.person >= 0) & self.is_person[self.person]  # said by someone who is a person
        codes: dict[str | None, int] = {}
        self.source = column([codes.setdefault(source, len(codes)) for source in sources[: self.articles]])
        self.source_names = list(codes)
        self._orders: dict[str, np.ndarray] = {}
        self._unchecked: dict[str, np.ndarray] = {}  # saved orders not checked yet (CHECKED_WHEN_READ)
        self._pairs: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._take(kept or {})
        self._months: np.ndarray | None = None
        self._article_days: tuple[np.ndarray, np.ndarray] | None = None

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

    def of_articles(self, positions: Sequence[int] | set[int]) -> np.ndarray:
        """Every quote of these articles."""
        chosen = np.zeros(self.articles + 1, dtype=bool)
        found = np.fromiter(positions, dtype=np.int64, count=len(positions))
        chosen[found[(found >= 0) & (found < self.articles)]] = True
        return chosen[self.article]

    def of_people(self, numbers: Sequence[int]) -> np.ndarray:
        chosen = np.zeros(self.people + 1, dtype=bool)
        chosen[np.asarray(numbers, dtype=np.int64)] = True
        return chosen[self.person]

    def article_count(self, quotes: np.ndarray) -> int:
        """How many articles hold these quotes (quote numbers run in article order)."""
        articles = self.article[quotes]
        return int(len(articles) and 1 + np.count_nonzero(articles[1:] != articles[:-1]))

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

    def sorted(self, quotes: np.ndarray, by: str) -> np.ndarray:
        """The quotes of a mask in a QUOTE_SORTS order: picked out of the whole order."""
        order = self.order(by)
        if len(order) and quotes.all():
            return order
        return order[quotes[order]]

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
            other = self.article if of == "article" else self.source[self.article]
            keys = (self.person.astype(np.int64) + 1) * (int(other.max(initial=0)) + 1) + other
            unique, number = np.unique(keys, return_inverse=True)
            span = int(other.max(initial=0)) + 1
            # int32 (kept in the side file as they are): quotes, people and articles are each < 2**31.
            found = (number.reshape(-1).astype(np.int32), (unique // span - 1).astype(np.int32),
                     (unique % span).astype(np.int32))  # fmt: skip
            self._pairs[of] = found
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
