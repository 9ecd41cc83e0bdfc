"""The corpus seen quote by quote: the quote table kept up to date with the store, the people its
speakers are (people.py, corrections applied), their numpy columns (quote_columns.py), and the
quote-level lookups the filter needs, each a boolean mask over quote numbers."""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from .corrections import Corrections
from .index import CorpusIndex
from .index.keys import name_key
from .index.phrases import PhraseMatcher
from .people import Identities, Person, matches, resolve
from .query import Query
from .query.tree import Found, Node
from .quote_columns import QUOTE_SORTS, QuoteColumns
from .quote_filter import QuoteAwareIndex, has_quote_terms, quote_ids, regroup
from .quote_table import NO_SPEAKER, QuoteTable
from .storage import ArticleStore

ANSWERS_KEPT = 32  # answers remembered (a few views times a few filters)
TERM_MASKS_KEPT = 8  # article-level terms' quotes, kept while a filter is typed around them
__all__ = ["QUOTE_SORTS", "QuoteRow", "QuoteView"]


@dataclass(frozen=True)
class QuoteRow:
    """What one line of the quotes view shows."""

    quote: int
    position: int  # the article's
    number: int  # the quote's number in its article
    day: date | None
    speaker: str
    person: int  # NO_SPEAKER when nobody was named
    kind: str
    text: str
    source: str | None
    title: str


class QuoteView:
    """Quotes and people over an article store and its index; `refresh` reads what arrived."""

    def __init__(self, store: ArticleStore, index: CorpusIndex, corrections: Corrections | None = None) -> None:
        self.store = store
        self.index = index
        self.corrections = corrections or Corrections()
        self.table = QuoteTable()
        self.identities = Identities([], array("i"))
        self.person = array("i")  # each quote's person
        self.by_person: list[array] = []
        self.columns = QuoteColumns(self.table, [], self.person, [])
        self._lock = threading.Lock()  # readers share the corpus: one of them brings the view up to date
        self._fresh = False
        self._by_word: dict[str, list[int]] = {}  # a folded word of a person's names -> their numbers
        self._numbers: dict[str, int] | None = None  # a person's id -> their number
        self.answers: OrderedDict[tuple, object] = OrderedDict()  # views.py's last answers, until a change
        self._term_masks: OrderedDict[Node, np.ndarray] = OrderedDict()  # term_quotes's, until a change

    def refresh(self) -> QuoteView:
        with self._lock:
            if self.table.extend(self.store) or not self._fresh:
                self._resolve()
        return self

    def remember(self, key: tuple, make: Callable[[], object]) -> object:
        """An answer for this state of the corpus, worked out once: switching between views with
        the same filter costs nothing the second time."""
        found = self.answers.get(key)
        if found is None:
            found = make()
            with self._lock:
                self.answers[key] = found
                while len(self.answers) > ANSWERS_KEPT:
                    self.answers.popitem(last=False)
        else:
            self.answers.move_to_end(key)
        return found

    def set_corrections(self, corrections: Corrections) -> None:
        with self._lock:
            self.corrections = corrections
            self._fresh = False

    def _resolve(self) -> None:
        identities = resolve(self.table.raw, self.corrections)
        of_raw = column_of(identities.of_raw, len(self.table.raw))
        speaker = np.array(self.table.speaker, dtype=np.int64)
        person_column = of_raw[speaker]  # NO_SPEAKER (-1) picks of_raw's last cell: NO_SPEAKER
        person = array("i", person_column.astype(np.int32).tobytes())
        by_person = split_by(person_column, len(identities.people))
        by_word: dict[str, list[int]] = {}
        for number, someone in enumerate(identities.people):
            for word in {word for key in someone.keys for word in key.split()}:
                by_word.setdefault(word, []).append(number)
        columns = QuoteColumns(self.table, identities.people, person_column, self.store.sources)
        self.identities, self.person, self.by_person, self._by_word = identities, person, by_person, by_word
        self.columns, self.answers, self._fresh, self._numbers = columns, OrderedDict(), True, None
        self._term_masks = OrderedDict()

    # -- the filter: masks over quote numbers -------------------------------------------------

    @property
    def people(self) -> list[Person]:
        return self.identities.people

    def number_of(self, person_id: str) -> int | None:
        """The number of the person with this id, None when nobody has it."""
        numbers = self._numbers
        if numbers is None:
            numbers = self._numbers = {person.id: number for number, person in enumerate(self.people)}
        return numbers.get(person_id)

    def person_named(self, name: str) -> Person | None:
        """The person one of whose names this is (folded), None when nobody's."""
        key = name_key(name)
        people = self.people
        return next((people[n] for n in self._by_word.get(key.split()[0] if key else "", ()) if key in people[n].keys),
                    None)  # fmt: skip

    def all_quotes(self) -> np.ndarray:
        return self.columns.everything()

    def match_quotes(self, field: str, words: tuple[str, ...], within: np.ndarray | None = None) -> np.ndarray:
        """The quotes (a mask; only those of `within` when given) that a `field:words` term finds."""
        if field == "speaker":
            lists = [self._by_word.get(word, []) for word in words]
            people = self.people
            found = [n for n in (min(lists, key=len) if lists else ()) if matches(people[n], words)]
            return self.columns.of_people(found)
        if field == "cue":
            needle = f" {' '.join(words)} "
            said = np.array([needle in f" {cue} " for cue in self.table.cues], dtype=bool)
            return said[self.columns.cue]
        return self._quotes_saying(words, within)

    def _quotes_saying(self, words: tuple[str, ...], within: np.ndarray | None) -> np.ndarray:
        """The quotes (of `within`, or all) with these words side by side: the index's articles,
        then their quotes checked one by one; an article the index is sure of with one quote (in
        `within`) needs no check."""
        sure, unsure = self._checked(words)
        table, texts, index = self.table, self.store.texts, self.index
        start, end, first = table.start, table.end, table.first
        if within is not None:
            near = self.columns.article_positions(within)
            sure, unsure = sure & near, unsure & near
        matcher, found = PhraseMatcher(words), []
        for p in sure:
            if p >= table.articles:
                continue
            lo, hi = first[p], first[p + 1]
            if hi - lo == 1:
                found.append(lo)
                continue
            text, folds = texts[p], index.folds(p)
            found.extend(q for q in range(lo, hi) if matcher.found_in(text[start[q] : end[q]], folds))
        for p in unsure:  # the table's spans may not be the index's: checked as the table reads them
            if p < table.articles:
                text = texts[p]
                found.extend(q for q in table.quotes_of(p) if matcher.found_in(text[start[q] : end[q]], True))
        mask = np.zeros(len(table), dtype=bool)
        mask[found] = True
        return mask if within is None else mask & within

    def _checked(self, words: tuple[str, ...]) -> tuple[set[int], set[int]]:
        """The index's articles for a quote phrase (`quote_checked`), found once for this state of
        the corpus: the article list, the views and the timeline all ask for the same phrase."""
        return self.remember(("checked", words), lambda: self.index.quote_checked(words))  # type: ignore[return-value]

    def articles_saying(self, words: tuple[str, ...]) -> set[int]:
        """The articles with a quote that has these words side by side: `articles_of` the quotes
        `match_quotes("quote", words)` finds, without finding each quote of the index's sure ones."""
        sure, unsure = self._checked(words)
        table, texts = self.table, self.store.texts
        start, end = table.start, table.end
        matcher = PhraseMatcher(words)
        found = {p for p in sure if p < table.articles}
        for p in unsure:
            if p < table.articles:
                text = texts[p]
                if any(matcher.found_in(text[start[q] : end[q]], True) for q in table.quotes_of(p)):
                    found.add(p)
        return found

    def quotes_in(self, positions: Iterable[int]) -> np.ndarray:
        if not isinstance(positions, (set, frozenset, list, tuple, range)):
            positions = list(positions)
        return self.columns.of_articles(positions)  # type: ignore[arg-type]

    def term_quotes(self, node: Node, found: Found) -> np.ndarray:
        """The quotes of the articles an article-level term finds (a read-only mask), worked out once
        for this state of the corpus: typing `said -quote:w`, `said -quote:wa`… finds `said` once."""
        with self._lock:
            mask = self._term_masks.get(node)
            if mask is not None:
                self._term_masks.move_to_end(node)
                return mask
        mask = self.quotes_in(node.find(self.index, found))
        mask.flags.writeable = False  # kept: whoever combines it makes a new mask
        with self._lock:
            self._term_masks[node] = mask
            while len(self._term_masks) > TERM_MASKS_KEPT:
                self._term_masks.popitem(last=False)
        return mask

    def articles_of(self, quotes: np.ndarray) -> set[int]:
        return self.columns.article_positions(quotes)

    def articles(self, query: Query) -> set[int]:
        """The articles a query finds, quote-level terms combining within one quote."""
        if not has_quote_terms(query.root):
            return query.evaluate(self.index)
        return regroup(query.root).evaluate(QuoteAwareIndex(self.index, self))  # type: ignore[arg-type]

    def quotes(self, query: Query) -> np.ndarray:
        """The quotes a query finds, as a mask."""
        return quote_ids(query.root, self)

    # -- rows -----------------------------------------------------------------------------

    def sorted_quotes(self, quotes: np.ndarray | Iterable[int], by: str) -> np.ndarray:
        """Quotes (a mask, or some quote numbers) in a QUOTE_SORTS order."""
        if isinstance(quotes, np.ndarray) and quotes.dtype == bool:
            return self.columns.sorted(quotes, by)
        mask = np.zeros(self.columns.size, dtype=bool)
        mask[np.fromiter(quotes, dtype=np.int64)] = True
        return self.columns.sorted(mask, by)

    def row(self, quote: int) -> QuoteRow:
        table, store = self.table, self.store
        quote = int(quote)
        position = table.article[quote]
        who = self.person[quote]
        day = table.day[quote]
        return QuoteRow(
            quote, position, table.number[quote], date.fromordinal(day) if day > 0 else None,
            self.people[who].name if who != NO_SPEAKER else "", who, table.kind_of(quote),
            table.text(quote, store), store.sources[position], store.titles[position],
        )  # fmt: skip

    def speaker_name(self, quote: int) -> str:
        who = self.person[quote]
        return self.people[who].name if who != NO_SPEAKER else ""


def column_of(values: Sequence[int], size: int) -> np.ndarray:
    """`values` as a numpy column with a last cell of NO_SPEAKER, so that -1 maps to nobody."""
    return np.array([*values[:size], NO_SPEAKER], dtype=np.int64)


def split_by(person: np.ndarray, people: int) -> list[array]:
    """Each person's quote numbers, in order (one stable sort, not a loop over the quotes)."""
    order = np.argsort(person, kind="stable")
    bounds = np.searchsorted(person[order], np.arange(people + 1))
    return [array("I", order[bounds[n] : bounds[n + 1]].astype(np.uint32).tobytes()) for n in range(people)]
