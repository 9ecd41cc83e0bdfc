"""The corpus seen quote by quote: the quote table kept up to date with the store, the people its
speakers are (people.py, corrections applied; people_resolved.py), their numpy columns
(quote_columns.py), and the quote-level lookups the filter needs, each a boolean mask over quote
numbers. A corpus opened from the cache reads the table and the resolver's answer from the entry's
side file (`saved`), and writes them there when it had to make them."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from . import quote_words_build
from .corrections import Corrections
from .index import CorpusIndex
from .index.keys import name_key
from .index.phrases import PhraseMatcher
from .people import Person
from .people_resolved import Resolved, corrections_key
from .query import Query
from .query.tree import Found, Node, Word
from .quote_columns import QUOTE_SORTS, QuoteColumns, gather
from .quote_filter import QuoteAwareIndex, has_quote_terms, quote_ids, regroup
from .quote_order import PickedQuotes
from .quote_table import NO_SPEAKER, QuoteTable, SavedTable
from .quote_words import Damaged, WordFile, words_path
from .storage import ArticleStore

ANSWERS_KEPT = 32  # answers remembered (a few views times a few filters)
SAYINGS_KEPT = 4  # of them, of each kind a quote phrase makes (its mask, 6 MB at a million articles,
# and its articles): typing one makes them a prefix, and those must not push the views' answers out
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
        self.resolved = Resolved.made(self.table, self.corrections)
        self.columns = QuoteColumns(self.table, self.resolved.people, self.resolved.person, [])
        self._lock = threading.Lock()  # readers share the corpus: one of them brings the view up to date
        self._fresh = False
        self._unsaved = False  # the table or the answer was made here, not read from the side file
        self.answers: OrderedDict[tuple, object] = OrderedDict()  # views.py's last answers, until a change
        self._term_masks: OrderedDict[Node, np.ndarray] = OrderedDict()  # term_quotes's, until a change
        self._word_file: WordFile | None = None  # quote_words.py: which quotes hold which words

    def refresh(self) -> QuoteView:
        with self._lock:
            saved = self.table.saved
            state = self._read(saved) if saved is not None and not self.table.articles else None
            if self.table.extend(self.store):
                self._unsaved = True
                self._resolve(None)
            elif not self._fresh:
                self._resolve(state)
            if saved is not None and self._unsaved and self.table.articles:
                self._save(saved)
        return self

    def _read(self, saved: SavedTable) -> dict | None:
        """The whole table from the side file, and its saved answer's state; None when the file
        has no table for this store (it is made from the records and written)."""
        state = saved.load(self.table, len(self.store)) if len(self.store) else False
        if state is False:
            return None
        return state if isinstance(state, dict) else {}

    def save_to(self, saved: SavedTable) -> None:
        """Keep the table and the answer in `saved` (a corpus just parsed and cached), and again
        there whenever they are made anew (other corrections)."""
        self.refresh()
        with self._lock:
            self.table.saved = saved
            self._save(saved)

    def _save(self, saved: SavedTable) -> None:
        """Write the table and the answer, with the columns' orders and pairs worked out (a warm
        open reads them instead of sorting)."""
        self.columns.prepare()
        saved.save(self.table, self.resolved.state(self.columns.kept()))
        self._unsaved = False

    def remember(self, key: tuple, make: Callable[[], object], kept: int = ANSWERS_KEPT) -> object:
        """An answer for this state of the corpus, worked out once: switching between views with
        the same filter costs nothing the second time. At most `kept` answers of its kind (`key[0]`)."""
        found = self.answers.get(key)
        if found is None:
            found = make()
            with self._lock:
                self.answers[key] = found
                for older in [k for k in self.answers if k[0] == key[0]][:-kept]:
                    del self.answers[older]
                while len(self.answers) > ANSWERS_KEPT:
                    self.answers.popitem(last=False)
        else:
            self.answers.move_to_end(key)
        return found

    def set_corrections(self, corrections: Corrections) -> None:
        with self._lock:
            self.corrections = corrections
            self._fresh = False

    def _resolve(self, state: dict | None) -> None:
        """Who each speaker is: the saved answer when it is for these corrections and fits the
        table, else resolved now (and to be saved)."""
        resolved = None
        if state and state.get("key") == corrections_key(self.corrections):
            found = Resolved.restored(state, self.table)
            if isinstance(found, str) and self.table.saved is not None:
                self.table.saved.damaged(found)
            resolved = found if isinstance(found, Resolved) else None
        if resolved is None:
            resolved = Resolved.made(self.table, self.corrections)
            self._unsaved = True
        columns = QuoteColumns(self.table, resolved.people, resolved.person, self.store.sources, resolved.kept)
        self.resolved, self.columns, self.answers, self._fresh = resolved, columns, OrderedDict(), True
        self._term_masks = OrderedDict()

    # -- the filter: masks over quote numbers -------------------------------------------------

    @property
    def people(self) -> Sequence[Person]:
        return self.resolved.people

    @property
    def person(self) -> np.ndarray:
        """Each quote's person (NO_SPEAKER for nobody)."""
        return self.resolved.person

    def quotes_by(self, number: int) -> np.ndarray:
        """A person's quote numbers, in order."""
        return self.resolved.quotes_of(number)

    def number_of(self, person_id: str) -> int | None:
        """The number of the person with this id, None when nobody has it."""
        return self.resolved.people.number_of(person_id)

    def person_named(self, name: str) -> Person | None:
        """The person one of whose names this is (folded), None when nobody's."""
        key = name_key(name)
        keys = self.resolved.people.keys
        found = (n for n in self.resolved.words.get(key.split()[0] if key else "") if key in keys[n])
        number = next(found, None)
        return None if number is None else self.people[number]

    def all_quotes(self) -> np.ndarray:
        return self.columns.everything()

    def match_quotes(self, field: str, words: tuple[str, ...], within: np.ndarray | None = None) -> np.ndarray:
        """The quotes (a mask; only those of `within` when given) that a `field:words` term finds."""
        if field == "speaker":
            lists = [self.resolved.words.get(word) for word in words]
            keys, needle = self.resolved.people.keys, f" {' '.join(words)} "
            found = [n for n in (min(lists, key=len) if lists else ()) if any(needle in f" {k} " for k in keys[n])]
            return self.columns.of_people(found, (self.resolved.by_person_order, self.resolved.by_person_first))
        if field == "cue":
            needle = f" {' '.join(words)} "
            said = np.array([needle in f" {cue} " for cue in self.table.cues], dtype=bool)
            return gather(said, self.columns.cue)
        if within is None:  # the same phrase in the next keystrokes (`quote:war s`…) is not checked again

            def saying() -> np.ndarray:
                return _read_only(self._quotes_saying(words, None))

            return self.remember(("saying", words), saying, SAYINGS_KEPT)  # type: ignore[return-value]
        return self._quotes_saying(words, within)

    def start_word_file(self, at: tuple[Path, str] | None = None) -> None:
        """Open the quotes' word file (quote_words.py) of the cache entry the table is saved with, or
        of `at` (a path and a fingerprint), or start the process that makes it; returns at once."""
        saved = self.table.saved
        if at is None and saved is not None:
            path, fingerprint = saved.kept_at()
            at = (words_path(path), fingerprint)
        if at is None or not self.table.articles:
            return
        with self._lock:
            if self._word_file is None or self._word_file.path != at[0]:
                self._word_file = WordFile(*at)
            file = self._word_file
        first, start, end = self.table.loop_columns("first", "start", "end")
        texts, folded = self.store.texts, self.index.quotes_folded
        file.start(len(self.table), lambda: quote_words_build.start(*at, texts, first, start, end, folded))

    def word_file_made(self, seconds: float) -> bool:
        """Whether the word file is open, its build (`start_word_file`) waited for up to `seconds`."""
        file = self._word_file
        return file is not None and file.wait(len(self.table), seconds) is not None

    def _indexed_saying(self, words: tuple[str, ...]) -> np.ndarray | None:
        """The quote numbers with these words side by side from the word file, None until it is
        there (or when it is damaged, or of another table)."""
        file = self._word_file
        opened = file.ready(len(self.table)) if file is not None else None
        if file is None or opened is None:
            return None
        try:
            return opened.saying(words, lambda quotes: self._holding(words, quotes))
        except (OSError, Damaged, ValueError, OverflowError, MemoryError):  # a damaged file: the text answers
            file.damaged()
            return None

    def _holding(self, words: tuple[str, ...], quotes: np.ndarray) -> np.ndarray:
        """Those of these (sorted) quotes with the words side by side, checked in the text as
        `_quotes_saying` checks them, each article's text read once."""
        matcher, found = PhraseMatcher(words), list[int]()
        positions = np.asarray(self.table.article)[quotes]  # a numpy column, or an array of a table still growing
        cuts = np.flatnonzero(np.r_[True, positions[1:] != positions[:-1], True]).tolist()
        for lo, hi in zip(cuts, cuts[1:], strict=False):
            position = int(positions[lo])
            found.extend(self._said_in(matcher, position, quotes[lo:hi].tolist(), self.index.quotes_folded(position)))
        return np.array(found, dtype=quotes.dtype)

    def _said_in(self, matcher: PhraseMatcher, position: int, quotes: Iterable[int], folded: bool) -> list[int]:
        """Those of these quotes of one article that have the phrase, checked in its text: most
        articles (ASCII, nothing to fold) lowered once and each quote searched in place."""
        text = self.store.texts[position]
        start, end = self.table.loop_columns("start", "end")
        if not folded and text.isascii():
            lowered = text.lower()
            return [q for q in quotes if matcher.found_between(lowered, start[q], end[q])]
        return [q for q in quotes if matcher.found_in(text[start[q] : end[q]], folded)]

    def _quotes_saying(self, words: tuple[str, ...], within: np.ndarray | None) -> np.ndarray:
        """The quotes (of `within`, or all) with these words side by side: the word file's postings
        when it is there, else the index's articles, then their quotes checked one by one; an
        article the index is sure of with one quote (in `within`) needs no check."""
        indexed = self._indexed_saying(words)
        if indexed is not None:
            mask = np.zeros(len(self.table), dtype=bool)
            mask[indexed] = True
            return mask if within is None else mask & within
        sure, unsure = self._checked(words)
        table, (first,) = self.table, self.table.loop_columns("first")
        if within is not None:
            near = self.columns.article_positions(within)
            sure, unsure = sure & near, unsure & near
        matcher, found = PhraseMatcher(words), []
        for p in sure:
            if p >= table.articles:
                continue
            lo, hi = first[p], first[p + 1]
            found.extend([lo] if hi - lo == 1 else self._said_in(matcher, p, range(lo, hi), self.index.folds(p)))
        for p in unsure:  # the table's spans may not be the index's: checked as the table reads them
            if p < table.articles:
                found.extend(self._said_in(matcher, p, table.quotes_of(p), True))
        mask = np.zeros(len(table), dtype=bool)
        mask[found] = True
        return mask if within is None else mask & within

    def _checked(self, words: tuple[str, ...]) -> tuple[set[int], set[int]]:
        """The index's articles for a quote phrase (`quote_checked`), found once for this state of
        the corpus: the article list, the views and the timeline all ask for the same phrase."""
        return self.remember(("checked", words), lambda: self.index.quote_checked(words), SAYINGS_KEPT)  # type: ignore[return-value]

    def articles_saying(self, words: tuple[str, ...]) -> set[int]:
        """The articles with a quote that has these words side by side: `articles_of` the quotes
        `match_quotes("quote", words)` finds, without finding each quote of the index's sure ones."""
        sure, unsure = self._checked(words)
        table, texts = self.table, self.store.texts
        start, end = table.loop_columns("start", "end")
        matcher = PhraseMatcher(words)
        found = {p for p in sure if p < table.articles}
        for p in unsure:
            if p < table.articles:
                text = texts[p]
                if any(matcher.found_in(text[start[q] : end[q]], True) for q in table.quotes_of(p)):
                    found.add(p)
        return found

    def quotes_in(self, positions: Iterable[int] | np.ndarray) -> np.ndarray:
        if not isinstance(positions, (set, frozenset, list, tuple, range, np.ndarray)):
            positions = list(positions)
        return self.columns.of_articles(positions)  # type: ignore[arg-type]

    def term_quotes(self, node: Node, found: Found) -> np.ndarray:
        """The quotes of the articles an article-level term finds (a read-only mask), worked out once
        for this state of the corpus: typing `said -quote:w`, `said -quote:wa`… finds `said` once."""
        with self._lock:
            kept = self._term_masks  # a resolve while this one is worked out starts a new one
            mask = kept.get(node)
            if mask is not None:
                kept.move_to_end(node)
                return mask
        if isinstance(node, Word):  # its articles as numbers: no set of them (a million for "said")
            mask = self.quotes_in(np.array(self.index.word_positions(node.word), dtype=np.int64))
        else:
            mask = self.quotes_in(node.find(self.index, found))
        mask.flags.writeable = False  # kept: whoever combines it makes a new mask
        with self._lock:
            if kept is self._term_masks:  # never keep a mask of an older state of the corpus
                kept[node] = mask
                while len(kept) > TERM_MASKS_KEPT:
                    kept.popitem(last=False)
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

    def sorted_quotes(self, quotes: np.ndarray | Iterable[int], by: str) -> np.ndarray | PickedQuotes:
        """Quotes (a mask, or some quote numbers) in a QUOTE_SORTS order (a sequence of quote
        numbers: see quote_order.py)."""
        if isinstance(quotes, np.ndarray) and quotes.dtype == bool:
            return self.columns.sorted(quotes, by)
        mask = np.zeros(self.columns.size, dtype=bool)
        mask[np.fromiter(quotes, dtype=np.int64)] = True
        return self.columns.sorted(mask, by)

    def row(self, quote: int) -> QuoteRow:
        table, store = self.table, self.store
        quote = int(quote)
        position = int(table.article[quote])
        who = int(self.person[quote])
        day = int(table.day[quote])
        return QuoteRow(
            quote, position, int(table.number[quote]), date.fromordinal(day) if day > 0 else None,
            self.resolved.people.names[who] if who != NO_SPEAKER else "", who, table.kind_of(quote),
            table.text(quote, store), store.sources[position], store.titles[position],
        )  # fmt: skip

    def speaker_name(self, quote: int) -> str:
        who = int(self.person[quote])
        return self.resolved.people.names[who] if who != NO_SPEAKER else ""


def _read_only(mask: np.ndarray) -> np.ndarray:
    mask.flags.writeable = False  # kept: whoever combines it makes a new mask
    return mask
