"""Every quote of the corpus as a row of a few columns: which article, which of its quotes, who
said it (as the parser named them), the kind, the cue, the date, where the quote sits.

Built from the article store's records (unpickled, no pydantic model made), and extended as
articles arrive: a quote's number here never changes. Who a raw name *is* across the corpus is
`people.py`'s question; this table keeps the names as the articles give them.

While a record is open, the table also notes which entities each quote names (a mention inside
the quote's span): a profile's "about whom" is then a tally over the person's quotes, with no
record read again. Cues are kept as numbers into a list of the distinct cues, so `cue:` looks at
a few thousand strings, not one a quote.

Unpickling every record is most of a warm open's cost (15 s of CPU at 100,000 articles), so a
corpus opened from the cache reads the table from a side file beside its entry instead, written
the first time the table is built for that entry (`quote_table_file.py`, the `saved` attribute;
quote_view.py reads and writes it). Read from there, the columns are read-only numpy columns over
the file's bytes, the raw speakers and the entities packed (`quote_table_state.py`): an article
arriving later makes them growable again first.
"""

from __future__ import annotations

import pickle
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from .index.keys import name_key
from .storage import ArticleStore

if TYPE_CHECKING:
    from pathlib import Path

    from .quote_table_state import RawColumns

KINDS: tuple[str, ...] = ("direct", "partial", "indirect")
_KIND_CODES = {kind: code for code, kind in enumerate(KINDS)}
NO_SPEAKER = -1


@dataclass
class RawSpeaker:
    """A speaker's name as articles give it (folded key), with what the parser guessed of them."""

    key: str
    display: str
    genders: dict[str, int] = field(default_factory=dict)  # "female"/"male" -> quotes guessed so
    aliases: dict[str, None] = field(default_factory=dict)
    roles: dict[str, None] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)  # the entity kind the parser gave, "other" for none
    quotes: int = 0


class SavedTable(Protocol):
    """Where a whole table, and the people resolver's answer for it, are kept between opens of one
    cache entry (quote_table_file.py). `load` fills an empty table and gives the saved answer's
    state (None when it has none); False when it holds no table for this store."""

    def load(self, table: QuoteTable, articles: int) -> dict | None | bool: ...
    def save(self, table: QuoteTable, resolved: dict | None) -> None: ...
    def damaged(self, why: str) -> None: ...
    def kept_at(self) -> tuple[Path, str]: ...  # the side file's path and the entry's fingerprint


# The table's columns, each an array of this type code (`kind` is a bytearray), in saving order.
ARRAYS: dict[str, str] = {"article": "I", "number": "I", "speaker": "i", "day": "i", "start": "I", "end": "I",
                          "cue": "I", "first": "I", "named": "I", "named_first": "I"}  # fmt: skip


class QuoteTable:
    """Columns a quote; `first[p]` is article p's first quote number, `first[p + 1]` its end."""

    def __init__(self) -> None:
        # Each column an `array` (growable), or a read-only numpy column once read from a side file.
        self.article: Any = array("I")
        self.number = array("I")
        self.speaker = array("i")  # a RawSpeaker's number, NO_SPEAKER when nobody was named
        self.kind = bytearray()
        self.day = array("i")  # the article's date ordinal, 0 for none
        self.start = array("I")
        self.end = array("I")
        self.cue = array("I")  # a number into `cues`
        self.cues: list[str] = [""]  # distinct folded cues, "" (none) first
        self.first = array("I", [0])
        self._raw: list[RawSpeaker] | None = []
        self.packed_raw: RawColumns | None = None  # the raw speakers as read from a side file, until needed
        # The entities named inside each quote: quote q's are named[named_first[q]:named_first[q + 1]],
        # numbers into `entities` ((kind, name), each once).
        self.named = array("I")
        self.named_first = array("I", [0])
        self.entities: Sequence[tuple[str, str]] = []
        # What a cue, a raw name or an entity is numbered: made when an article is added, not when
        # a whole table is read from its side file (a million articles add no more).
        self._numbers: _Numbers | None = None
        self.saved: SavedTable | None = None  # read the whole table from there, or keep it there once built

    def __len__(self) -> int:
        return len(self.article)

    @property
    def articles(self) -> int:
        """How many articles the table has read."""
        return len(self.first) - 1

    @property
    def raw(self) -> list[RawSpeaker]:
        """The raw speakers. Of a table read from its side file: made from their packed columns for
        the caller (the resolver), the packed columns kept (a hundred thousand `RawSpeaker`s are
        ten times their bytes), until an article arrives (`_growable`)."""
        if self._raw is None:
            return self.packed_raw.speakers() if self.packed_raw is not None else []
        return self._raw

    @raw.setter
    def raw(self, speakers: list[RawSpeaker]) -> None:
        self._raw, self.packed_raw = speakers, None

    @property
    def raw_count(self) -> int:
        return len(self._raw) if self._raw is not None else len(self.packed_raw or ())

    def take(self, attributes: dict) -> None:
        """A whole table's attributes as read from a side file (quote_table_state.restored_table)."""
        for name, value in attributes.items():
            setattr(self, name, value)
        self._raw, self._numbers = None, None

    def extend(self, store: ArticleStore) -> bool:
        """Read the articles that arrived since the last call from their records; whether there were any."""
        done = self.articles
        if len(store) > done:
            self._growable()
        for position in range(done, len(store)):
            self._add(position, pickle.loads(store.records[position]), store.days[position], store.texts[position])
        return len(store) > done

    def _growable(self) -> None:
        """Columns read from a side file (numpy, read-only) as arrays again, before an article is added."""
        for name, typecode in ARRAYS.items():
            values = getattr(self, name)
            if not isinstance(values, array):
                setattr(self, name, array(typecode, np.asarray(values).tobytes()))
        if not isinstance(self.kind, bytearray):
            self.kind = bytearray(np.asarray(self.kind, dtype=np.uint8).tobytes())
        if self._raw is None:
            self._raw, self.packed_raw = self.raw, None
        if not isinstance(self.entities, list):
            self.entities = list(self.entities)
        if not isinstance(self.cues, list):
            self.cues = list(self.cues)

    def _lookups(self) -> _Numbers:
        if self._numbers is None:
            self._numbers = _Numbers(self)
        return self._numbers

    def _add(self, position: int, record: dict, day: int, text: str) -> None:
        quotes = record.get("quotes", ())
        if not quotes:
            self.first.append(len(self.article))
            return
        entities = {entity["id"]: entity for entity in record.get("entities", ())}
        mentions = self._mentions(record.get("entities", ()))
        starts = [mention[0] for mention in mentions]
        for number, quote in enumerate(quotes):
            self.article.append(position)
            self.number.append(number)
            self.speaker.append(self._speaker(quote, entities.get(quote.get("speaker_id") or "")))
            self.kind.append(_KIND_CODES.get(quote.get("kind", "direct"), 0))
            self.day.append(day)
            start, end = quote["start"], quote["end"]
            if not 0 <= start <= end <= len(text):
                start = end = 0
            self.start.append(start)
            self.end.append(end)
            self.cue.append(self._cue_number(name_key(quote.get("cue") or "")))
            self._add_named(mentions, starts, start, end)
        self.first.append(len(self.article))

    def _mentions(self, entities: list[dict]) -> list[tuple[int, int, int]]:
        """(start, end, entity number) of every mention of the article's entities, by start."""
        found = []
        numbers = self._lookups().entities
        for entity in entities:
            item = (entity["kind"], entity["name"])
            number = numbers.get(item)
            if number is None:
                number = numbers[item] = len(self.entities)
                self.entities.append(item)  # type: ignore[attr-defined]  # a list once growable
            found += [(start, end, number) for start, end in entity.get("mentions", ())]
        found.sort()
        return found

    def _add_named(self, mentions: list[tuple[int, int, int]], starts: list[int], start: int, end: int) -> None:
        named: dict[int, None] = {}
        for at in range(bisect_left(starts, start), len(mentions)):
            mention_start, mention_end, number = mentions[at]
            if mention_start > end:
                break
            if mention_end <= end:
                named[number] = None
        self.named.extend(named)
        self.named_first.append(len(self.named))

    def _cue_number(self, cue: str) -> int:
        numbers = self._lookups().cues
        number = numbers.get(cue)
        if number is None:
            number = numbers[cue] = len(self.cues)
            self.cues.append(cue)
        return number

    def _speaker(self, quote: dict, entity: dict | None) -> int:
        name = entity["name"] if entity is not None else quote.get("speaker")
        key = name_key(name) if name else ""
        if not name or not key:
            return NO_SPEAKER
        numbers = self._lookups().raw
        number = numbers.get(key)
        if number is None:
            number = numbers[key] = len(self.raw)
            self.raw.append(RawSpeaker(key, " ".join(name.split())))
        raw = self.raw[number]
        raw.quotes += 1
        kind = entity.get("kind", "other") if entity is not None else "other"
        raw.kinds[kind] = raw.kinds.get(kind, 0) + 1
        if entity is not None:
            gender = entity.get("gender")
            if gender in ("female", "male"):
                raw.genders[gender] = raw.genders.get(gender, 0) + 1
            raw.aliases.update(dict.fromkeys(a for a in entity.get("aliases", ()) if name_key(a) != key))
            raw.roles.update(dict.fromkeys(entity.get("roles", ())))
        elif quote.get("speaker") and name_key(quote["speaker"]) != key:
            raw.aliases[quote["speaker"]] = None
        return number

    def loop_columns(self, *names: str) -> list[Sequence[int]]:
        """Columns for a Python loop: a numpy column (read from a side file) as a memoryview, whose
        items are plain ints (a numpy item is a numpy scalar, several times slower to make and use)."""
        return [column.data if isinstance(column, np.ndarray) else column
                for column in (getattr(self, name) for name in names)]  # fmt: skip

    def quotes_of(self, position: int) -> range:
        """The quote numbers of one article."""
        return range(self.first[position], self.first[position + 1])

    def text(self, quote: int, store: ArticleStore) -> str:
        return store.texts[int(self.article[quote])][int(self.start[quote]) : int(self.end[quote])]

    def kind_of(self, quote: int) -> str:
        return KINDS[int(self.kind[quote])]


class _Numbers:
    """A table's distinct cues, raw names and entities, each to its number."""

    def __init__(self, table: QuoteTable) -> None:
        self.cues = {cue: number for number, cue in enumerate(table.cues)}
        self.raw = {speaker.key: number for number, speaker in enumerate(table.raw)}
        self.entities = {item: number for number, item in enumerate(table.entities)}
