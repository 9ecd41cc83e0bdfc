"""The people resolver's answer for one quote table and one set of corrections, as columns: which
person each raw speaker is, the people (`people_table.People`), each person's quotes, the words of
their names; and the quote columns' sort orders and pairs worked out for them.

Resolving is most of a warm open's work (seconds at 100,000 articles), so the answer is kept in the
quote table's side file, keyed by the corrections' content: a warm open with the same corrections
reads it back; other corrections (the user's file changed) resolve again, and the side file is
written again with the new answer.
"""

from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass, field

import numpy as np

from .corrections import Corrections
from .people import Identities, resolve
from .people_table import People, Words
from .quote_columns import CHECKED_WHEN_READ
from .quote_table import NO_SPEAKER, QuoteTable
from .quote_table_strings import column_state, is_permutation, restored_column, within

# The quote columns' work kept with the answer (quote_columns.py's orders and pairs), by name.
KEPT_ORDERS = ("date", "speaker", "length")
KEPT_PAIRS = ("article", "source")


def corrections_key(corrections: Corrections) -> str:
    """What the answer depends on in the corrections: their content, as the file would hold it."""
    return hashlib.sha256(corrections.to_toml().encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Resolved:
    """People and each quote's person, for one table and one corrections' key."""

    key: str
    people: People
    of_raw: np.ndarray  # int32, a raw speaker's person (NO_SPEAKER for none)
    person: np.ndarray  # int32, each quote's person
    by_person_order: np.ndarray  # quote numbers by person (stable), NO_SPEAKER's first
    by_person_first: np.ndarray  # person n's quotes are by_person_order[first[n]:first[n + 1]]
    words: Words
    kept: dict[str, np.ndarray] = field(default_factory=dict)  # the columns' orders and pairs, when known

    @classmethod
    def made(cls, table: QuoteTable, corrections: Corrections) -> Resolved:
        identities = resolve(table.raw, corrections) if len(table) or table.raw_count else Identities([], array("i"))
        of_raw = np.frombuffer(identities.of_raw, dtype=np.int32) if len(identities.of_raw) else np.zeros(0, np.int32)
        people = People.of(identities.people)
        person = person_column(of_raw, table.speaker)
        order = np.argsort(person, kind="stable").astype(np.int32)
        first = np.searchsorted(person[order], np.arange(len(people) + 1)).astype(np.int64)
        return cls(corrections_key(corrections), people, of_raw, person, order, first, Words.of(people))

    def quotes_of(self, number: int) -> np.ndarray:
        """A person's quote numbers, in order."""
        return self.by_person_order[int(self.by_person_first[number]) : int(self.by_person_first[number + 1])]

    def state(self, kept: dict[str, np.ndarray]) -> dict:
        return {"key": self.key, "people": self.people.state(), "of_raw": column_state(self.of_raw),
                "by_person_order": column_state(self.by_person_order),
                "by_person_first": column_state(self.by_person_first), "words": self.words.state(),
                "kept": {name: column_state(values) for name, values in kept.items()}}  # fmt: skip

    @classmethod
    def restored(cls, state: object, table: QuoteTable) -> Resolved | str:
        """From `state()`'s dict, when every part fits the table and the others; else what does not."""
        names = {"key", "people", "of_raw", "by_person_order", "by_person_first", "words", "kept"}
        if not isinstance(state, dict) or set(state) != names or not isinstance(state["key"], str):
            return "people"
        people = People.restored(state["people"])
        if people is None:
            return "people"
        count, quotes = len(people), len(table)
        of_raw = restored_column(state["of_raw"], table.raw_count)
        order = restored_column(state["by_person_order"], quotes)
        first = restored_column(state["by_person_first"], count + 1)
        words = Words.restored(state["words"], count)
        if of_raw is None or order is None or first is None or words is None or of_raw.dtype != np.int32:
            return "people's columns"
        if not within(of_raw, NO_SPEAKER, count) or not is_permutation(order, quotes):
            return "people's columns"
        if np.any(np.diff(first) < 0) or not within(first, 0, quotes + 1):
            return "people's quotes"
        kept = _kept(state["kept"], quotes, count, table.articles)
        if kept is None:
            return "sort orders"
        person = person_column(of_raw, table.speaker)
        return cls(state["key"], people, of_raw, person, order, first, words, kept)


def person_column(of_raw: np.ndarray, speaker: object) -> np.ndarray:
    """Each quote's person from its raw speaker (NO_SPEAKER picks the extra last cell: nobody)."""
    lookup = np.append(of_raw.astype(np.int32), np.int32(NO_SPEAKER))
    found = lookup[np.asarray(speaker, dtype=np.int64)]
    found.flags.writeable = False  # never changed: the quote columns use it as it is
    return found


def _kept(state: object, quotes: int, people: int, articles: int) -> dict[str, np.ndarray] | None:
    """The saved orders (permutations of the quotes) and pairs (numbers in range), by name."""
    names = {f"order:{by}" for by in KEPT_ORDERS} | {f"pairs:{of}:{part}" for of in KEPT_PAIRS for part in "npo"}
    if not isinstance(state, dict) or not set(state) <= names:
        return None
    kept: dict[str, np.ndarray] = {}
    for name, saved in state.items():
        values = restored_column(saved)
        if values is None:
            return None
        kept[name] = values
    for name, values in kept.items():
        by = name.partition(":")[2]
        if not name.startswith("order:"):
            continue
        # The first view's order is checked now; another (a few tenths of a second each at a million
        # articles) when first asked for (quote_columns.QuoteColumns.order): a bad one is sorted anew.
        if not (is_permutation(values, quotes) if by in CHECKED_WHEN_READ else in_range(values, quotes)):
            return None
    for of in KEPT_PAIRS:
        parts = [kept.get(f"pairs:{of}:{part}") for part in "npo"]
        if all(part is None for part in parts):
            continue
        number, pair_person, other = parts
        if number is None or pair_person is None or other is None or len(number) != quotes:
            return None
        if len(pair_person) != len(other) or not within(number, 0, len(pair_person)):
            return None
        if not within(pair_person, NO_SPEAKER, people) or not within(other, 0, max(articles, 1)):
            return None
    return kept


def in_range(order: np.ndarray, size: int) -> bool:
    """`size` quote numbers, each in range (whether each comes once is checked when it is used)."""
    return len(order) == size and within(order, 0, max(size, 1))
