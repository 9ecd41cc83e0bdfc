"""The corpus seen quote by quote: the quote table kept up to date with the store, the people its
speakers are (people.py, corrections applied), and the quote-level lookups the filter needs."""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from .corrections import Corrections
from .index import CorpusIndex
from .index.phrases import PhraseMatcher
from .people import Identities, Person, matches, resolve
from .query import Query
from .quote_filter import QuoteAwareIndex, has_quote_terms, quote_ids, regroup
from .quote_table import NO_SPEAKER, QuoteTable
from .storage import ArticleStore

ANSWERS_KEPT = 16  # answers remembered (a few views times a few filters)
QUOTE_SORTS = ("date", "speaker", "length")  # oldest first (undated last); A to Z then oldest; longest first


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
        self._lock = threading.Lock()  # readers share the corpus: one of them brings the view up to date
        self._fresh = False
        self._by_word: dict[str, list[int]] = {}  # a folded word of a person's names -> their numbers
        self._orders: dict[str, list[int]] = {}  # every quote in each QUOTE_SORTS order
        self.answers: OrderedDict[tuple, object] = OrderedDict()  # views.py's last answers, until a change

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
        return found

    def set_corrections(self, corrections: Corrections) -> None:
        with self._lock:
            self.corrections = corrections
            self._fresh = False

    def _resolve(self) -> None:
        identities = resolve(self.table.raw, self.corrections)
        of_raw = identities.of_raw
        person = array("i", (NO_SPEAKER if raw == NO_SPEAKER else of_raw[raw] for raw in self.table.speaker))
        by_person: list[array] = [array("I") for _ in identities.people]
        for quote, who in enumerate(person):
            if who != NO_SPEAKER:
                by_person[who].append(quote)
        by_word: dict[str, list[int]] = {}
        for number, someone in enumerate(identities.people):
            for word in {word for key in someone.keys for word in key.split()}:
                by_word.setdefault(word, []).append(number)
        self.identities, self.person, self.by_person, self._by_word = identities, person, by_person, by_word
        self._orders, self.answers, self._fresh = {}, OrderedDict(), True

    # -- the filter -----------------------------------------------------------------------

    @property
    def people(self) -> list[Person]:
        return self.identities.people

    def all_quotes(self) -> set[int]:
        return set(range(len(self.table)))

    def match_quotes(self, field: str, words: tuple[str, ...], within: set[int] | None = None) -> set[int]:
        """The quotes (of `within`, or all) that a `field:words` term finds."""
        if field == "speaker":
            found: set[int] = set()
            lists = [self._by_word.get(word, []) for word in words]
            people = self.people
            for number in min(lists, key=len) if lists else ():
                if matches(people[number], words):
                    found.update(self.by_person[number])
            return found
        if field == "cue":
            needle = f" {' '.join(words)} "
            cues = self.table.cue
            return {q for p in self.index.cue(words) for q in self.table.quotes_of(p) if needle in f" {cues[q]} "}
        return self._quotes_saying(words, within)

    def _quotes_saying(self, words: tuple[str, ...], within: set[int] | None) -> set[int]:
        """The quotes (of `within`, or all) with these words side by side: the index's articles,
        then their quotes checked one by one; an article the index is sure of with one quote (in
        `within`) needs no check."""
        sure, unsure = self.index.quote_checked(words)
        table, texts, index = self.table, self.store.texts, self.index
        start, end, first = table.start, table.end, table.first
        if within is not None:
            article = table.article
            near = {article[q] for q in within}
            sure, unsure = sure & near, unsure & near
        matcher, found = PhraseMatcher(words), set()
        for p in sure:
            lo, hi = first[p], first[p + 1]
            if hi - lo == 1:
                found.add(lo)
                continue
            text, folds = texts[p], index.folds(p)
            found.update(q for q in range(lo, hi) if matcher.found_in(text[start[q] : end[q]], folds))
        for p in unsure:  # the table's spans may not be the index's: checked as the table reads them
            text = texts[p]
            found.update(q for q in table.quotes_of(p) if matcher.found_in(text[start[q] : end[q]], True))
        return found if within is None else found & within

    def articles_saying(self, words: tuple[str, ...]) -> set[int]:
        """The articles with a quote that has these words side by side: `articles_of` the quotes
        `match_quotes("quote", words)` finds, without finding each quote of the index's sure ones."""
        sure, unsure = self.index.quote_checked(words)
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

    def quotes_in(self, positions: Iterable[int]) -> set[int]:
        first = self.table.first
        limit = self.table.articles
        return {q for p in positions if p < limit for q in range(first[p], first[p + 1])}

    def articles_of(self, quotes: Iterable[int]) -> set[int]:
        article = self.table.article
        return {article[q] for q in quotes}

    def articles(self, query: Query) -> set[int]:
        """The articles a query finds, quote-level terms combining within one quote."""
        if not has_quote_terms(query.root):
            return query.evaluate(self.index)
        return regroup(query.root).evaluate(QuoteAwareIndex(self.index, self))  # type: ignore[arg-type]

    def quotes(self, query: Query) -> set[int]:
        """The quotes a query finds."""
        return quote_ids(query.root, self)

    # -- rows -----------------------------------------------------------------------------

    def sorted_quotes(self, quotes: Iterable[int], by: str) -> list[int]:
        """Quotes in a QUOTE_SORTS order: a large set is picked out of the whole order, made once."""
        if not isinstance(quotes, (set, frozenset)):
            quotes = set(quotes)
        if len(quotes) * 8 < len(self.table):
            return self._sorted(quotes, by)
        order = self._orders.get(by)
        if order is None:
            order = self._orders[by] = self._sorted(range(len(self.table)), by)
        if len(quotes) == len(order):
            return list(order)
        return [quote for quote in order if quote in quotes]

    def _sorted(self, quotes: Iterable[int], by: str) -> list[int]:
        table = self.table
        day, article, number = table.day, table.article, table.number
        if by == "speaker":
            names = [person.name.casefold() for person in self.people]
            who = self.person
            return sorted(quotes, key=lambda q: (who[q] == NO_SPEAKER, names[who[q]] if who[q] >= 0 else "",
                                                 day[q], article[q], number[q]))  # fmt: skip
        if by == "length":
            start, end = table.start, table.end
            return sorted(quotes, key=lambda q: (start[q] - end[q], day[q], q))
        return sorted(quotes, key=lambda q: (not day[q], day[q], article[q], number[q]))  # undated last

    def row(self, quote: int) -> QuoteRow:
        table, store = self.table, self.store
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
