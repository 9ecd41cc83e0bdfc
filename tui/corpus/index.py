"""Inverted indexes over a corpus: words, quotes, entities, speakers, cues, sources, dates.

Every lookup answers with a set of article positions (the ints `Corpus.add` hands out), so a
query is a handful of set operations, never a scan of the text. Words are folded (lowercased,
casefolded, accents stripped) and split into runs of letters and digits, the same way for the
articles and for the queries.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .lexicon import fold, fold_text
from .models import ENTITY_KINDS, Article, Quote

# Field names of the filter language, each short alias mapped to its full name. It lives here,
# not in query.py, because `CorpusIndex.field_names` serves them to the UI for tab completion.
FIELD_ALIASES: dict[str, str] = {
    "speaker": "speaker", "s": "speaker",
    "person": "person", "p": "person",
    "org": "org", "o": "org", "organization": "org", "organisation": "org",
    "place": "place", "l": "place",
    "group": "group", "g": "group",
    "entity": "entity", "e": "entity",
    "source": "source", "section": "section", "title": "title", "quote": "quote", "cue": "cue",
    "has": "has", "quotes": "quotes",
    "date": "date", "after": "after", "before": "before",
}  # fmt: skip
HAS_VALUES: tuple[str, ...] = ("quotes", "entities", "date", "source")
COMPARISONS: dict[str, Callable[[int, int], bool]] = {
    ">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le, "=": operator.eq,
}

_TOKEN = re.compile(r"[^\W_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_EMPTY: frozenset = frozenset()


def tokens(text: str) -> list[str]:
    """The folded words of a text: runs of letters and digits."""
    if len(text) > 200:  # an article body: fold's cache would keep 65,536 of them alive
        return _TOKEN.findall(fold_text(text))
    return _TOKEN.findall(fold(text))


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A name's folded words joined by single spaces: the key names are indexed and merged by."""
    return " ".join(tokens(name))


def _postings() -> array:
    # 4 bytes an entry instead of ~40 in a set: 100,000 articles x ~300 words stays small.
    return array("I")


def _post(index: dict[str, array], words: Iterable[str], position: int) -> None:
    get = index.get  # the hot loop of indexing: a few hundred words an article
    for word in words:
        hits = get(word)
        if hits is None:
            index[word] = array("I", (position,))
        else:
            hits.append(position)


def _intersect(lists: Sequence[Iterable[int] | None]) -> set[int]:
    """Positions in every list; smallest first, so the work is bounded by the rarest word."""
    if not lists or any(hits is None for hits in lists):
        return set()
    ordered = sorted(lists, key=len)  # type: ignore[arg-type]
    result = set(ordered[0])  # type: ignore[arg-type]
    for hits in ordered[1:]:
        if not result:
            break
        result.intersection_update(hits)  # type: ignore[arg-type]
    return result


class Postings(Mapping[str, array]):
    """A read-only word (or name) -> positions map packed into one array: what a cache entry
    loads. Reading a million small arrays back costs seconds; one array and a list of keys
    costs milliseconds. `get` gives a fresh array, as the dict it replaces did."""

    def __init__(self, keys: list[str], offsets: array, flat: array) -> None:
        self.key_list = keys
        self.slot = dict(zip(keys, range(len(keys))))
        self.offsets, self.flat = offsets, flat

    @staticmethod
    def pack(index: Mapping[str, Sequence[int]]) -> tuple[list[str], array, array]:
        keys = list(index)
        offsets, flat = array("Q", (0,)), array("I")
        for key in keys:
            flat.extend(index[key])
            offsets.append(len(flat))
        return keys, offsets, flat

    def get(self, key: str, default=None):  # type: ignore[override]
        i = self.slot.get(key)
        if i is None:
            return default
        return self.flat[self.offsets[i] : self.offsets[i + 1]]

    def __getitem__(self, key: str) -> array:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return key in self.slot

    def __iter__(self) -> Iterator[str]:
        return iter(self.key_list)

    def __len__(self) -> int:
        return len(self.key_list)

    def count(self, key: str) -> int:
        i = self.slot[key]
        return self.offsets[i + 1] - self.offsets[i]

    def thaw(self) -> dict[str, array]:
        offsets, flat = self.offsets, self.flat
        return {key: flat[offsets[i] : offsets[i + 1]] for i, key in enumerate(self.key_list)}


class Ragged:
    """Position -> a run of ints, for dense positions: one array and its offsets."""

    def __init__(self, offsets: array, flat: array) -> None:
        self.offsets, self.flat = offsets, flat

    @staticmethod
    def pack(runs: Mapping[int, Sequence[int]], typecode: str = "I") -> tuple[array, array]:
        size = max(runs, default=-1) + 1
        offsets, flat = array("Q", (0,)), array(typecode)
        for position in range(size):
            run = runs.get(position)
            if run:
                flat.extend(run)
            offsets.append(len(flat))
        return offsets, flat

    def get(self, position: int, default=None):
        if not 0 <= position < len(self.offsets) - 1:
            return default
        lo, hi = self.offsets[position], self.offsets[position + 1]
        return self.flat[lo:hi] if lo < hi else default

    def thaw(self) -> dict[int, array]:
        return {p: run for p in range(len(self.offsets) - 1) if (run := self.get(p)) is not None}


class _QuoteSpans:
    """Position -> quote spans ((start, end) pairs, or a quote's own text), packed."""

    def __init__(self, runs: Ragged, texts: list[str]) -> None:
        self.runs, self.texts = runs, texts

    @staticmethod
    def pack(spans: Mapping[int, tuple]) -> tuple:
        texts: list[str] = []
        flat: dict[int, list[int]] = {}
        for position, found in spans.items():
            run = flat[position] = []
            for span in found:
                if isinstance(span, tuple):
                    run.extend(span)
                else:
                    run.extend((-1, len(texts)))
                    texts.append(span)
        return Ragged.pack(flat, "q"), texts

    def get(self, position: int, default=()):
        run = self.runs.get(position)
        if run is None:
            return default
        texts = self.texts
        return tuple((run[i], run[i + 1]) if run[i] >= 0 else texts[run[i + 1]] for i in range(0, len(run), 2))

    def thaw(self) -> dict[int, tuple]:
        return {p: spans for p in range(len(self.runs.offsets) - 1) if (spans := self.get(p, None)) is not None}


class _Aligned(Mapping[str, str]):
    """Key -> value for a Postings' keys, the values in a list in the same order."""

    def __init__(self, postings: Postings, values: list[str]) -> None:
        self.postings, self.values_ = postings, values

    def __getitem__(self, key: str) -> str:
        return self.values_[self.postings.slot[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self.postings.key_list)

    def __len__(self) -> int:
        return len(self.values_)


class PhraseMatcher:
    """Finds folded words side by side in raw text, whatever punctuation or spaces part them."""

    def __init__(self, words: Sequence[str]) -> None:
        body = r"[\W_]+".join(map(re.escape, words)) + r"(?![^\W_])"
        # A literal first word lets the regex engine skip ahead fast; the left edge is checked
        # by hand because a look-behind at the start would turn that fast path off.
        self._pattern = re.compile(body)
        ascii_words = all(word.isascii() for word in words)
        self._bytes = re.compile(body.encode()) if ascii_words else None

    def found_in(self, text: str, needs_fold: bool) -> bool:
        """Whether the words are in `text`; `needs_fold` if it has non-ASCII letters."""
        if needs_fold:
            return _search(self._pattern, fold(text))
        if text.isascii():
            return _search(self._pattern, text.lower())
        if self._bytes is None:
            return False  # folded words with non-ASCII letters need such letters in the text
        # Only punctuation is non-ASCII here: lowering UTF-8 bytes is several times faster
        # than str.lower() on a wide string, and the bytes regex sees those bytes as non-words.
        return _search(self._bytes, text.encode("utf-8", "surrogatepass").lower())


def _search(pattern: re.Pattern, haystack: str | bytes) -> bool:
    match = pattern.search(haystack)
    while match:
        start = match.start()
        if start == 0 or not haystack[start - 1 : start].isalnum():
            return True
        match = pattern.search(haystack, start + 1)
    return False


@dataclass
class NameIndex:
    """Names (aliases, speakers, cues, sources) to positions. A value matches a name when its
    words appear in the name in order and side by side: 'peskov' matches 'Dmitry Peskov'."""

    postings: dict[str, array] = field(default_factory=dict)
    by_word: dict[str, set[str]] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)

    def add(self, name: str | None, position: int) -> None:
        key = name_key(name) if name else ""
        if not key:
            return
        if isinstance(self.postings, Postings):
            self.thaw()
        hits = self.postings.get(key)
        if hits is None:
            hits = self.postings[key] = _postings()
            self.display[key] = " ".join(name.split())  # type: ignore[union-attr]
            for word in set(key.split()):
                self.by_word.setdefault(word, set()).add(key)
        if not hits or hits[-1] != position:  # one article may give the same name twice
            hits.append(position)

    def matching(self, words: Sequence[str]) -> list[str]:
        """The folded names that contain these words, in order and side by side."""
        if not words:
            return []
        candidates = min((self.by_word.get(word, _EMPTY) for word in words), key=len)
        if isinstance(self.by_word, Postings):  # packed: the candidates are key numbers
            keys = self.postings.key_list  # type: ignore[attr-defined]
            candidates = [keys[i] for i in candidates]
        needle = f" {' '.join(words)} "
        return [key for key in candidates if needle in f" {key} "]

    def count(self, key: str) -> int:
        """How many articles have this folded name."""
        postings = self.postings
        return postings.count(key) if isinstance(postings, Postings) else len(postings[key])

    # -- what a cache entry keeps ----------------------------------------------------------

    def pack(self) -> tuple:
        keys, offsets, flat = Postings.pack(self.postings)
        number = {key: i for i, key in enumerate(keys)}
        if isinstance(self.by_word, Postings):
            words = Postings.pack(self.by_word)
        else:
            words = Postings.pack({word: sorted(number[k] for k in found) for word, found in self.by_word.items()})
        return (keys, offsets, flat), words, [self.display[key] for key in keys]

    @classmethod
    def unpack(cls, packed: tuple) -> NameIndex:
        names, words, display = packed
        postings = Postings(*names)
        return cls(postings, Postings(*words), _Aligned(postings, display))  # type: ignore[arg-type]

    def thaw(self) -> None:
        """Make a packed index plain dicts and sets again, so that names can be added."""
        if not isinstance(self.postings, Postings):
            return
        keys = self.postings.key_list
        by_word = self.by_word
        self.by_word = {word: {keys[i] for i in ids} for word, ids in by_word.items()}  # type: ignore[union-attr]
        self.display = dict(self.display)
        self.postings = self.postings.thaw()

    def lookup(self, words: Sequence[str]) -> set[int]:
        found: set[int] = set()
        for key in self.matching(words):
            found.update(self.postings[key])
        return found


@dataclass(frozen=True)
class EntitySummary:
    """One entity across articles: how often it is named and quoted, and what it is called."""

    name: str
    kind: str
    articles: int
    mentions: int
    quotes: int
    aliases: tuple[str, ...]
    roles: tuple[str, ...]


@dataclass
class _Tally:
    name: str
    kind: str
    articles: int = 0
    mentions: int = 0
    quotes: int = 0
    aliases: dict[str, None] = field(default_factory=dict)  # dicts: ordered sets
    roles: dict[str, None] = field(default_factory=dict)

    def summary(self) -> EntitySummary:
        return EntitySummary(
            self.name, self.kind, self.articles, self.mentions, self.quotes,
            tuple(self.aliases), tuple(self.roles),
        )  # fmt: skip


TallyRow = tuple[str, str, str, int, int, tuple[str, ...], tuple[str, ...]]
# (kind, folded full name, name, mentions, quotes, names and aliases, roles): one entity of one article


def tally_rows(article: Article) -> tuple[TallyRow, ...]:
    """What one article adds to the entity summaries, one row an entity, in article order."""
    quoted = Counter(quote.speaker_id for quote in article.quotes if quote.speaker_id)
    return tuple(
        (entity.kind, name_key(entity.name), entity.name, len(entity.mentions), quoted[entity.id],
         tuple(dict.fromkeys([entity.name, *entity.aliases])), tuple(dict.fromkeys(entity.roles)))
        for entity in article.entities
    )  # fmt: skip


def _tally_rows(rows: Iterable[TallyRow], tallies: dict[tuple[str, str], _Tally]) -> None:
    """Add one article's rows to `tallies`, keyed by (kind, folded full name)."""
    seen: set[tuple[str, str]] = set()
    for kind, folded, name, mentions, quotes, aliases, roles in rows:
        key = (kind, folded)
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = _Tally(name, kind)
        if key not in seen:
            seen.add(key)
            tally.articles += 1
        tally.mentions += mentions
        tally.quotes += quotes
        tally.aliases.update(dict.fromkeys(aliases))
        tally.roles.update(dict.fromkeys(roles))


@dataclass(slots=True)
class IndexEntry:
    """Everything the index takes from one article, computed where the article was parsed (a
    worker process may make it), so that adding it to the index is a few dictionary appends."""

    title: str
    text: str
    needs_fold: bool
    title_words: tuple[str, ...]
    words: tuple[str, ...]  # title and body
    quote_words: tuple[str, ...]
    quote_spans: tuple  # (start, end) pairs into text, or the quote's own text when a span is off
    speakers: tuple[str, ...]
    cues: tuple[str, ...]
    names: tuple[tuple[str, str], ...]  # (kind, name or alias)
    source: str | None
    quote_count: int
    facts: tuple[str, ...]  # which of HAS_VALUES the article has
    day: int | None  # the date's proleptic ordinal
    tallies: tuple[TallyRow, ...]
    section: str | None = None  # the first folder below the corpus root (filenames.py)


def index_entry(article: Article) -> IndexEntry:
    title = set(tokens(article.title))
    quoted: set[str] = set()
    speakers: list[str] = []
    cues: list[str] = []
    by_id = {entity.id: entity for entity in article.entities}
    spans: list = []
    for quote in article.quotes:
        quoted.update(tokens(_quote_text(article, quote)))
        if 0 <= quote.start < quote.end <= len(article.text):
            spans.append((quote.start, quote.end))
        else:
            spans.append(quote.text)
        if quote.speaker:
            speakers.append(quote.speaker)
        entity = by_id.get(quote.speaker_id) if quote.speaker_id else None
        if entity is not None:
            speakers.extend((entity.name, *entity.aliases))
        if quote.cue:
            cues.append(quote.cue)
    names = tuple((entity.kind, name) for entity in article.entities for name in (entity.name, *entity.aliases))
    count = len(article.quotes)
    facts = {"quotes": count > 0, "entities": bool(article.entities),
             "date": article.date is not None, "source": bool(article.source)}  # fmt: skip
    return IndexEntry(
        title=article.title, text=article.text,
        needs_fold=_needs_fold(article.title) or _needs_fold(article.text),
        title_words=tuple(title), words=tuple(title.union(tokens(article.text))),
        quote_words=tuple(quoted), quote_spans=tuple(spans), speakers=tuple(speakers), cues=tuple(cues),
        names=names, source=article.source, quote_count=count,
        facts=tuple(what for what, present in facts.items() if present),
        day=article.date.date().toordinal() if article.date is not None else None,
        tallies=tally_rows(article), section=article.section,
    )  # fmt: skip


def _quote_text(article: Article, quote: Quote) -> str:
    if 0 <= quote.start < quote.end <= len(article.text):
        return article.text[quote.start : quote.end]
    return quote.text


class CorpusIndex:
    """Inverted indexes over articles added one by one; every lookup returns a fresh set."""

    def __init__(self) -> None:
        self._articles: dict[int, Article] = {}  # only what `add` was given; `add_entry` keeps none
        self.store: Callable[[int], Article | None] | None = None  # where `article()` looks next
        self._texts: dict[int, str] = {}  # references, for phrase checks; no copies
        self._titles: dict[int, str] = {}
        self._quote_spans: dict[int, tuple] = {}
        self._all: set[int] = set()
        self._needs_fold: set[int] = set()  # articles with non-ASCII letters
        self._words: dict[str, array] = {}
        self._title_words: dict[str, array] = {}
        self._quote_words: dict[str, array] = {}
        self._entities: dict[str, NameIndex] = {kind: NameIndex() for kind in ENTITY_KINDS}
        self._speakers = NameIndex()
        self._cues = NameIndex()
        self._sources = NameIndex()
        self._sections = NameIndex()
        self._quote_counts: dict[int, array] = {}
        self._has: dict[str, array] = {what: _postings() for what in HAS_VALUES}
        self._date_days = array("i")  # proleptic ordinals, in insertion order
        self._date_positions = _postings()
        self._date_sorted: tuple[array, array] | None = None
        self._tallies: dict[tuple[str, str], _Tally] = {}
        # Each article's entity rows as (row id, mentions, quotes) triples; the rows themselves
        # (kind, name, aliases, roles) repeat across articles and are stored once.
        self._row_ids: dict[tuple, int] = {}
        self._rows: list[tuple] = []
        self._article_rows: dict[int, array] = {}
        self._packed = False  # loaded from a cache entry (see `pack`): thawed before adding

    # -- building ---------------------------------------------------------------------------

    def add(self, position: int, article: Article) -> None:
        """Index one article under `position`; each position is added once."""
        self._articles[position] = article
        self.add_entry(position, index_entry(article))

    def add_entry(self, position: int, entry: IndexEntry) -> None:
        """Index what `index_entry` took from an article under `position`."""
        if self._packed:
            self._thaw()
        self._all.add(position)
        self._texts[position] = entry.text
        self._titles[position] = entry.title
        if entry.needs_fold:
            self._needs_fold.add(position)
        _post(self._title_words, entry.title_words, position)
        _post(self._words, entry.words, position)
        if entry.quote_spans:
            self._quote_spans[position] = entry.quote_spans
        _post(self._quote_words, entry.quote_words, position)
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
        self._quote_counts.setdefault(entry.quote_count, _postings()).append(position)
        self._sources.add(entry.source, position)
        self._sections.add(entry.section, position)
        for what in entry.facts:
            self._has[what].append(position)
        if entry.day is not None:
            self._date_days.append(entry.day)
            self._date_positions.append(position)
            self._date_sorted = None
        self._add_tallies(position, entry.tallies)

    def _add_tallies(self, position: int, rows: tuple[TallyRow, ...]) -> None:
        _tally_rows(rows, self._tallies)
        if not rows:
            return
        triples = array("I")
        row_ids = self._row_ids
        for kind, folded, name, mentions, quotes, aliases, roles in rows:
            shape = (kind, folded, name, aliases, roles)
            row_id = row_ids.get(shape)
            if row_id is None:
                row_id = row_ids[shape] = len(self._rows)
                self._rows.append(shape)
            triples.extend((row_id, mentions, quotes))
        self._article_rows[position] = triples

    # -- lookups ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._all)

    def all_positions(self) -> set[int]:
        return set(self._all)

    def article(self, position: int) -> Article | None:
        found = self._articles.get(position)
        if found is None and self.store is not None and position in self._all:
            return self.store(position)
        return found

    def word(self, word: str) -> set[int]:
        """Articles whose title or body has this folded word."""
        return set(self._words.get(word, ()))

    def phrase(self, words: Sequence[str]) -> set[int]:
        """Articles whose title or body has these folded words side by side."""
        candidates = _intersect([self._words.get(word) for word in words])
        if len(words) < 2:
            return candidates
        found_in = PhraseMatcher(words).found_in
        texts, titles, needs_fold = self._texts, self._titles, self._needs_fold
        # The hot loop of a phrase query: one check per article that has all the words.
        return {
            p for p in candidates
            if found_in(texts[p], p in needs_fold) or found_in(titles[p], p in needs_fold)
        }  # fmt: skip

    def title(self, words: Sequence[str]) -> set[int]:
        """Articles whose title has these words side by side."""
        candidates = _intersect([self._title_words.get(word) for word in words])
        if len(words) < 2:
            return candidates
        matcher = PhraseMatcher(words)
        needs_fold = self._needs_fold
        return {p for p in candidates if matcher.found_in(self._titles[p], p in needs_fold)}

    def quote(self, words: Sequence[str]) -> set[int]:
        """Articles with a quote that has these words side by side."""
        candidates = _intersect([self._quote_words.get(word) for word in words])
        if len(words) < 2:
            return candidates
        matcher = PhraseMatcher(words)
        return {p for p in candidates if self._quote_has(p, matcher)}

    def _quote_has(self, position: int, matcher: PhraseMatcher) -> bool:
        text = self._texts[position]
        needs_fold = position in self._needs_fold
        return any(
            matcher.found_in(text[span[0] : span[1]] if isinstance(span, tuple) else span, needs_fold)
            for span in self._quote_spans.get(position, ())
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
        days, positions = self._dates()
        lo = bisect_left(days, first.toordinal()) if first else 0
        hi = bisect_right(days, last.toordinal()) if last else len(days)
        return set(positions[lo:hi])

    def _dates(self) -> tuple[array, array]:
        # Sorted lazily: articles arrive unordered, and insort into 100,000 would be quadratic.
        if self._date_sorted is None:
            days = self._date_days
            order = sorted(range(len(days)), key=days.__getitem__)
            self._date_sorted = (
                array("i", (days[i] for i in order)),
                array("I", (self._date_positions[i] for i in order)),
            )
        return self._date_sorted

    # -- for the UI -------------------------------------------------------------------------

    @staticmethod
    def field_names() -> list[str]:
        """What tab completes in the filter bar: every field with its colon."""
        names = [f"{name}:" for name in FIELD_ALIASES if name != "has"]
        return names + [f"has:{what}" for what in HAS_VALUES]

    def complete_entity(self, prefix: str, kind: str | None = None, limit: int = 20) -> list[str]:
        """Entity names and aliases starting with `prefix` (folded), most articles first.

        `kind` is an entity kind, None for any, or "speaker" for the names of quoted speakers.
        Names whose later word starts with the prefix come after those that start with it.
        """
        wanted = " ".join(tokens(prefix))
        counts: Counter[str] = Counter()
        display: dict[str, str] = {}
        for names in self._name_indexes(kind):
            for key in names.postings:
                if key.startswith(wanted) or f" {wanted}" in f" {key}":
                    counts[key] += names.count(key)
                    display.setdefault(key, names.display[key])
        ranked = sorted(counts, key=lambda key: (not key.startswith(wanted), -counts[key], key))
        return [display[key] for key in ranked[: max(limit, 0)]]

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
        if positions is None or (len(positions) == len(self._all) and self._all == set(positions)):
            cached = getattr(self, "_summaries", None)  # the whole corpus: asked for often
            if cached is not None and cached[0] == len(self._all):
                return list(cached[1])
            tallies = self._tallies  # kept up to date as articles arrive
            if isinstance(tallies, _PackedTallies):
                summaries = tallies.summaries()
                summaries.sort(key=lambda s: (-s.mentions, -s.articles, s.name.casefold()))
                self._summaries = (len(self._all), summaries)
                return list(summaries)
        else:
            tallies = {}
            rows, article_rows = self._rows, self._article_rows
            for position in positions:
                triples = article_rows.get(position)
                if triples is not None:
                    _tally_rows(
                        ((*rows[triples[i]][:3], triples[i + 1], triples[i + 2], *rows[triples[i]][3:])
                         for i in range(0, len(triples), 3)),
                        tallies,
                    )  # fmt: skip
        summaries = [tally.summary() for tally in tallies.values()]
        summaries.sort(key=lambda s: (-s.mentions, -s.articles, s.name.casefold()))
        if tallies is self._tallies:
            self._summaries = (len(self._all), summaries)
            return list(summaries)
        return summaries


    # -- what a cache entry keeps -----------------------------------------------------------

    def pack(self) -> dict:
        """Everything but the texts and titles (the article store has those), as a few big
        arrays and lists of strings: what `unpack` reads back in a fraction of a second."""
        tallies = self._tallies
        return {
            "all": array("I", sorted(self._all)),
            "needs_fold": self._needs_fold,
            "words": Postings.pack(self._words),
            "title_words": Postings.pack(self._title_words),
            "quote_words": Postings.pack(self._quote_words),
            "entities": {kind: names.pack() for kind, names in self._entities.items()},
            "speakers": self._speakers.pack(),
            "cues": self._cues.pack(),
            "sources": self._sources.pack(),
            "sections": self._sections.pack(),
            "quote_counts": self._quote_counts,
            "has": self._has,
            "dates": (self._date_days, self._date_positions, self._dates()),
            "quote_spans": _QuoteSpans.pack(self._quote_spans)
            if not isinstance(self._quote_spans, _QuoteSpans) else ((self._quote_spans.runs.offsets,
                self._quote_spans.runs.flat), self._quote_spans.texts),  # fmt: skip
            "tallies": tallies.columns if isinstance(tallies, _PackedTallies) else _PackedTallies.pack(tallies),
            "rows": self._rows,
            "article_rows": (self._article_rows.offsets, self._article_rows.flat)
            if isinstance(self._article_rows, Ragged) else Ragged.pack(self._article_rows),  # fmt: skip
        }

    @classmethod
    def unpack(cls, state: dict, texts: Sequence[str], titles: Sequence[str]) -> CorpusIndex:
        """The index `pack` saved, over these texts and titles (by position)."""
        index = cls()
        index._texts, index._titles = texts, titles  # type: ignore[assignment]
        index._all = set(state["all"])
        index._needs_fold = state["needs_fold"]
        index._words = Postings(*state["words"])  # type: ignore[assignment]
        index._title_words = Postings(*state["title_words"])  # type: ignore[assignment]
        index._quote_words = Postings(*state["quote_words"])  # type: ignore[assignment]
        index._entities = {kind: NameIndex.unpack(names) for kind, names in state["entities"].items()}
        index._speakers = NameIndex.unpack(state["speakers"])
        index._cues = NameIndex.unpack(state["cues"])
        index._sources = NameIndex.unpack(state["sources"])
        index._sections = NameIndex.unpack(state["sections"])
        index._quote_counts, index._has = state["quote_counts"], state["has"]
        index._date_days, index._date_positions, index._date_sorted = state["dates"]
        runs, quoted = state["quote_spans"]
        index._quote_spans = _QuoteSpans(Ragged(*runs), quoted)  # type: ignore[assignment]
        index._tallies = _PackedTallies(state["tallies"])  # type: ignore[assignment]
        index._rows = state["rows"]
        index._article_rows = Ragged(*state["article_rows"])  # type: ignore[assignment]
        index._packed = True
        return index

    def _thaw(self) -> None:
        """Plain dicts again, so that articles can be added to an index a cache entry gave."""
        self._packed = False
        texts, titles = self._texts, self._titles
        self._texts = {p: texts[p] for p in sorted(self._all)}
        self._titles = {p: titles[p] for p in sorted(self._all)}
        for name in ("_words", "_title_words", "_quote_words", "_quote_spans", "_article_rows", "_tallies"):
            value = getattr(self, name)
            if hasattr(value, "thaw"):
                setattr(self, name, value.thaw())
        for names in (*self._entities.values(), self._speakers, self._cues, self._sources, self._sections):
            names.thaw()
        self._row_ids = {shape: i for i, shape in enumerate(self._rows)}
        self.__dict__.pop("_summaries", None)


class _PackedTallies:
    """The entity tallies of a whole corpus as columns (one row an entity, in first-seen order)."""

    def __init__(self, columns: tuple) -> None:
        self.columns = columns

    @staticmethod
    def pack(tallies: Mapping[tuple[str, str], _Tally]) -> tuple:
        kinds: list[str] = []
        kind_of: dict[str, int] = {}
        which, folded, names, aliases, roles = array("B"), [], [], [], []
        counts = array("I")
        for (kind, key), tally in tallies.items():
            if kind not in kind_of:
                kind_of[kind] = len(kinds)
                kinds.append(kind)
            which.append(kind_of[kind])
            folded.append(key)
            names.append(tally.name)
            counts.extend((tally.articles, tally.mentions, tally.quotes))
            aliases.append(tuple(tally.aliases))
            roles.append(tuple(tally.roles))
        return kinds, which, folded, names, counts, aliases, roles

    def summaries(self) -> list[EntitySummary]:
        kinds, which, _, names, counts, aliases, roles = self.columns
        return [EntitySummary(names[i], kinds[which[i]], counts[3 * i], counts[3 * i + 1], counts[3 * i + 2],
                              aliases[i], roles[i]) for i in range(len(names))]  # fmt: skip

    def thaw(self) -> dict[tuple[str, str], _Tally]:
        kinds, which, folded, names, counts, aliases, roles = self.columns
        tallies: dict[tuple[str, str], _Tally] = {}
        for i, name in enumerate(names):
            kind = kinds[which[i]]
            tallies[(kind, folded[i])] = _Tally(name, kind, counts[3 * i], counts[3 * i + 1], counts[3 * i + 2],
                                                dict.fromkeys(aliases[i]), dict.fromkeys(roles[i]))  # fmt: skip
        return tallies


def _needs_fold(text: str) -> bool:
    """Whether a text has non-ASCII letters or accents; if not, `lower()` folds it exactly."""
    if text.isascii():
        return False
    # Most non-ASCII in English news is punctuation (curly quotes, dashes): look at just those.
    for run in _NON_ASCII.finditer(text):
        if any(char.isalnum() or unicodedata.combining(char) for char in run.group()):
            return True
    return False


def _index_state(index: CorpusIndex) -> dict:
    if index._packed:  # its texts may live in a cache entry's mapped file
        index._thaw()
    state = index.__dict__.copy()
    state["store"] = None  # the corpus reattaches its store on load
    state.pop("_summaries", None)
    return state


CorpusIndex.__getstate__ = _index_state  # type: ignore[method-assign]
