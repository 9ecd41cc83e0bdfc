"""The corpus index: articles added one by one, each lookup a handful of set operations.

Every lookup answers with a fresh set of article positions (the ints `Corpus.add` hands out),
never a scan of the text; phrases are checked in the text of the articles that have all their
words.
"""

from __future__ import annotations

import operator
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date

import numpy as np

from ..fields import HAS_VALUES, field_tokens
from ..kinds import KIND_NAMES
from . import persistence
from .entry import IndexEntry
from .keys import tokens
from .masks import mask_of, mask_of_runs
from .name_index import NameIndex
from .pairs import FREQUENT_AT, PairPostings, Pairs, phrase_candidates
from .phrases import PhraseMatcher
from .postings import Dates, Postings, QuoteSpans, Texts, intersect
from .tallies import ArticleEntities, EntitySummary, EntityTallies, ranked
from .tally_subsets import summaries_of

COMPARISONS: dict[str, Callable[[int, int], bool]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "=": operator.eq,
}


class CorpusIndex:
    """Inverted indexes over articles added one by one; every lookup returns a fresh set."""

    def __init__(self, frequent_at: int = FREQUENT_AT) -> None:
        self._texts = Texts()  # references, for phrase checks; no copies
        self._titles = Texts()
        self._quote_spans = QuoteSpans()
        self._all: set[int] | range = range(0)  # a range while positions come 0, 1, 2...: no set of a million ints
        self._cells = 0  # one more than the last position: a mask's size, kept (a set's max is a pass)
        self._needs_fold: set[int] = set()  # articles with non-ASCII letters
        self._pairs = Pairs(frequent_at)  # frequent words side by side, for phrases
        self._unsure: set[int] = set()  # articles with no pairs indexed: phrases checked in the text
        self._unsure_quotes: set[int] = set()  # and those whose quotes' pairs may be missing
        self._words = Postings()
        self._title_words = Postings()
        self._quote_words = Postings()
        self._entities: dict[str, NameIndex] = {kind: NameIndex() for kind in KIND_NAMES}
        self._speakers = NameIndex()
        self._cues = NameIndex()
        self._sources = NameIndex()
        self._sections = NameIndex()
        self._quote_counts: dict[int, array] = {}
        self._has: dict[str, array] = {what: array("I") for what in HAS_VALUES}
        self._dates = Dates()
        self._tallies = EntityTallies()  # the whole corpus, kept up to date as articles arrive
        self._article_entities = ArticleEntities(self._tallies)
        self._summaries: tuple[int, list[EntitySummary]] | None = None  # the whole corpus's, by size

    # -- building ---------------------------------------------------------------------------

    def add_entry(self, position: int, entry: IndexEntry) -> None:
        """Index what `index_entry` took from an article under `position`."""
        every = self._all
        if isinstance(every, range) and position == every.stop:
            self._all = range(every.stop + 1)
        elif position not in every:
            if isinstance(every, range):
                every = self._all = set(every)
            every.add(position)
        self._cells = max(self._cells, position + 1)
        self._texts.add(position, entry.text)
        self._titles.add(position, entry.title)
        if entry.needs_fold:
            self._needs_fold.add(position)
        self._title_words.post(entry.title_words, position)
        self._pairs.add(position, entry.words, entry.pairs, entry.quote_pairs, self._words)  # before the words
        if entry.unsure:
            self._unsure.add(position)
        if entry.unsure_quotes:
            self._unsure_quotes.add(position)
        self._words.post(entry.words, position)
        self._quote_spans.add(position, entry.quote_spans)
        self._quote_words.post(entry.quote_words, position)
        for name in entry.speakers:
            self._speakers.add(name, position)
        for cue in entry.cues:
            self._cues.add(cue, position)
        entities = self._entities
        for kind, name in entry.names:
            names = entities.get(kind)
            if names is None:
                names = entities[kind] = NameIndex()
            names.add(name, position)
        self._quote_counts.setdefault(entry.quote_count, array("I")).append(position)
        self._sources.add(entry.source, position)
        self._sections.add(entry.section, position)
        for what in entry.facts:
            self._has[what].append(position)
        if entry.day is not None:
            self._dates.add(entry.day, position)
        self._tallies.add(entry.tallies)
        self._article_entities.add(position, entry.tallies)

    # -- lookups ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._all)

    def all_positions(self) -> set[int]:
        return set(self._all)

    def word(self, word: str) -> set[int]:
        """Articles whose title or body has this folded word."""
        hits = self._words.get(word)
        return set() if hits is None else set(hits)

    def word_positions(self, word: str) -> Sequence[int]:
        """`word(word)` as the index keeps it (an array, possibly the index's own: read it, never
        change it, never keep it): a word in every article costs no set of a million numbers."""
        hits = self._words.get(word)
        return () if hits is None else hits

    def phrase(self, words: Sequence[str]) -> set[int]:
        """Articles whose title or body has these folded words side by side."""
        if len(words) < 2:
            return intersect([self._words.get(word) for word in words])
        sure, check = self._phrase_candidates(self._pairs.text, words, self._words, self._unsure_having(words))
        found_in = PhraseMatcher(words).found_in
        texts, titles, needs_fold = self._texts, self._titles, self._needs_fold
        # The hot loop of a phrase query: one check per article that may have the words.
        return sure.union(
            p for p in check
            if found_in(texts[p], p in needs_fold) or found_in(titles[p], p in needs_fold)
        )  # fmt: skip

    def _phrase_candidates(self, postings: PairPostings, words: Sequence[str], word_index: Postings,
                           unsure: set[int]) -> tuple[set[int], set[int]]:  # fmt: skip
        """(sure, to check) for a phrase of two words or more (pairs.phrase_candidates): without
        frequent pairs, every article with all the words is checked."""
        found = phrase_candidates(self._pairs, postings, words, self._words)
        if found is None:
            return set(), intersect([word_index.get(word) for word in words])
        sure, check = found
        return sure, check | (unsure - sure)

    def title(self, words: Sequence[str]) -> set[int]:
        """Articles whose title has these words side by side."""
        candidates = intersect([self._title_words.get(word) for word in words])
        if len(words) < 2:
            return candidates
        matcher = PhraseMatcher(words)
        needs_fold = self._needs_fold
        return {p for p in candidates if matcher.found_in(self._titles[p], p in needs_fold)}

    def quote(self, words: Sequence[str]) -> set[int]:
        """Articles with a quote that has these words side by side."""
        if len(words) < 2:
            return intersect([self._quote_words.get(word) for word in words])
        unsure = self._unsure_having(words, quoted=True)
        sure, check = self._phrase_candidates(self._pairs.quoted, words, self._quote_words, unsure)
        matcher = PhraseMatcher(words)
        return sure.union(p for p in check if self._quote_has(p, matcher))

    def _unsure_having(self, words: Sequence[str], quoted: bool = False) -> set[int]:
        """The articles without pairs (IndexEntry.unsure, or unsure_quotes when `quoted`) that have
        every word (in a quote when `quoted`): their words, read again, are few."""
        wanted, found = set(words), set()
        for position in self._unsure_quotes if quoted else self._unsure:
            if quoted:
                text = self._texts[position]
                spans = self._quote_spans.get(position)
                pieces = [text[span[0] : span[1]] if isinstance(span, tuple) else span for span in spans]
            else:
                pieces = [self._titles[position], self._texts[position]]
            if wanted.issubset(word for piece in pieces for word in tokens(piece)):
                found.add(position)
        return found

    def quote_checked(self, words: Sequence[str]) -> tuple[set[int], set[int]]:
        """`quote(words)` in two parts: articles whose every quote span is one the quote table
        reads alike and whose quotes' words are those a phrase check sees, and the rest (a quote
        with offsets off, or text that folds into other words), which the table checks its way."""
        found = self.quote(words)
        unsure = self._unsure_quotes
        return (found - unsure, found & unsure) if unsure else (found, set())

    def folds(self, position: int) -> bool:
        """Whether a phrase check of this article's text folds it (`PhraseMatcher.found_in`)."""
        return position in self._needs_fold

    def quotes_folded(self, position: int) -> bool:
        """Whether the quotes view's phrase check folds this article's quotes: it `folds`, or its
        quotes are checked as the table reads them (`quote_checked`'s unsure), always folded."""
        return position in self._needs_fold or position in self._unsure_quotes

    def _quote_has(self, position: int, matcher: PhraseMatcher) -> bool:
        text = self._texts[position]
        needs_fold = position in self._needs_fold
        return any(
            matcher.found_in(text[span[0] : span[1]] if isinstance(span, tuple) else span, needs_fold)
            for span in self._quote_spans.get(position)
        )

    def entity(self, words: Sequence[str], kind: str | None = None) -> set[int]:
        """Articles naming an entity (of this kind, or any) by a name containing these words."""
        if kind is not None:
            names = self._entities.get(kind)
            return names.lookup(words) if names else set()
        found: set[int] = set()
        for names in self._entities.values():
            found |= names.lookup(words)
        return found

    def speaker(self, words: Sequence[str]) -> set[int]:
        """Articles with a quote whose speaker (or any alias of the speaker) has these words."""
        return self._speakers.lookup(words)

    def cue(self, words: Sequence[str]) -> set[int]:
        return self._cues.lookup(words)

    def source(self, words: Sequence[str]) -> set[int]:
        return self._sources.lookup(words)

    def section(self, words: Sequence[str]) -> set[int]:
        return self._sections.lookup(words)

    def has(self, what: str) -> set[int]:
        """Articles with quotes, entities, a date or a source (see HAS_VALUES)."""
        return set(self._has.get(what, ()))

    def quote_count(self, op: str, count: int) -> set[int]:
        """Articles whose number of quotes compares (op in COMPARISONS) to `count`."""
        compare = COMPARISONS[op]
        found: set[int] = set()
        for quotes, positions in self._quote_counts.items():
            if compare(quotes, count):
                found.update(positions)
        return found

    def dates_between(self, first: date | None, last: date | None) -> set[int]:
        """Articles dated from `first` to `last`, both inclusive; None leaves that end open."""
        return self._dates.between(first.toordinal() if first else None, last.toordinal() if last else None)

    # -- lookups as masks (masks.py): one bool an article, for a filter's terms combined bitwise

    def mask_size(self) -> int:
        """How many cells a mask of this index has: one more than the last position."""
        return self._cells

    def mask_of(self, positions: Collection[int] | None) -> np.ndarray:
        return mask_of(positions, self.mask_size())

    def all_mask(self) -> np.ndarray:
        return self.mask_of(self._all)

    def word_mask(self, word: str) -> np.ndarray:
        return self.mask_of(self._words.get(word))

    def has_mask(self, what: str) -> np.ndarray:
        return self.mask_of(self._has.get(what))

    def quote_count_mask(self, op: str, count: int) -> np.ndarray:
        compare = COMPARISONS[op]
        runs = (positions for quotes, positions in self._quote_counts.items() if compare(quotes, count))
        return mask_of_runs(runs, self.mask_size())

    def dates_mask(self, first: date | None, last: date | None) -> np.ndarray:
        run = self._dates.run_between(first.toordinal() if first else None, last.toordinal() if last else None)
        return self.mask_of(run)

    def names_mask(self, of: str, words: Sequence[str]) -> np.ndarray:
        """`speaker`, `cue`, `source` or `section` (`of`) as a mask."""
        names = {"speaker": self._speakers, "cue": self._cues, "source": self._sources, "section": self._sections}
        return mask_of_runs(names[of].runs(words), self.mask_size())

    def entity_mask(self, words: Sequence[str], kind: str | None = None) -> np.ndarray:
        if kind is None:
            indexes = list(self._entities.values())
        else:
            indexes = [self._entities[kind]] if kind in self._entities else []
        return mask_of_runs((run for names in indexes for run in names.runs(words)), self.mask_size())

    # -- for the UI -------------------------------------------------------------------------

    @staticmethod
    def field_names() -> list[str]:
        """What tab completes in the filter bar: every field with its colon."""
        return field_tokens()

    def complete_entity(self, prefix: str, kind: str | None = None, limit: int = 20) -> list[str]:
        """Entity names and aliases starting with `prefix` (folded), most articles first.

        `kind` is an entity kind, None for any, or "speaker" for the names of quoted speakers.
        Names whose later word starts with the prefix come after those that start with it.
        """
        wanted = " ".join(tokens(prefix))
        counts: Counter[str] = Counter()
        display: dict[str, str] = {}
        for names in self._name_indexes(kind):
            for key, shown, articles in names.starting(wanted):
                counts[key] += articles
                display.setdefault(key, shown)
        best = sorted(counts, key=lambda key: (not key.startswith(wanted), -counts[key], key))
        return [display[key] for key in best[: max(limit, 0)]]

    def _name_indexes(self, kind: str | None) -> list[NameIndex]:
        if kind is None:
            return list(self._entities.values())
        if kind == "speaker":
            return [self._speakers]
        return [self._entities[kind]] if kind in self._entities else []

    def corpus_entities(self, positions: Iterable[int] | None = None) -> list[EntitySummary]:
        """Entities across these articles (or all), merged by kind and full name; most mentioned
        first."""
        if positions is not None and not isinstance(positions, (list, tuple, range, set, frozenset)):
            positions = list(positions)
        if positions is None or self._is_everything(positions):
            if self._summaries is None or self._summaries[0] != len(self._all):  # asked for often
                self._summaries = (len(self._all), ranked(self._tallies.summaries()))
            return list(self._summaries[1])
        return ranked(summaries_of(self._article_entities, positions))

    def _is_everything(self, positions: Sequence[int] | set[int] | frozenset[int] | range) -> bool:
        every = self._all
        if len(positions) != len(every):
            return False
        chosen = positions if isinstance(positions, (set, frozenset, range)) else set(positions)
        if isinstance(every, range):  # distinct ints, as many, from the first to the last: the same
            return len(chosen) == len(every) and (not every or (min(chosen) == 0 and max(chosen) == len(every) - 1))
        return every == set(chosen)

    # -- what a cache entry keeps -----------------------------------------------------------

    def pack(self) -> dict:
        """Everything but the texts and titles (the article store has those), as a few big
        arrays and lists of strings: what `unpack` reads back in a fraction of a second."""
        return persistence.pack(self)

    @classmethod
    def unpack(cls, state: dict, texts: Sequence[str], titles: Sequence[str]) -> CorpusIndex:
        """The index `pack` saved, over these texts and titles (by position)."""
        return persistence.unpack(cls(), state, texts, titles)

    def __getstate__(self) -> dict:
        return persistence.pickled_state(self)
