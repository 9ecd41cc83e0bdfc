"""Entity tallies: each entity across articles (how often named and quoted, what it is called),
for the whole corpus as articles arrive, and for any set of articles from their own rows."""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..models import Article
from ..parsing.parse import collector_paused
from .keys import name_key
from .postings import Runs
from .strings import Strings, StringTuples, string_tuples, strings

SET_FROM = 16  # aliases or roles: from this many on, a set answers "seen already?"
NO_ROW = 0xFFFFFFFF  # an article's entity shape not told by a tally row: kept whole
MOST_COUNTED = 0xFFFF  # aliases or roles a shape told by its tally row may have (the counts are 16-bit)


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """One entity across articles: how often it is named and quoted, and what it is called. Slots:
    the whole corpus's summaries are kept (one a distinct entity, ~3 million for a million
    articles), 96 bytes each where a dict-backed instance took 144."""

    name: str
    kind: str
    articles: int
    mentions: int
    quotes: int
    aliases: tuple[str, ...]
    roles: tuple[str, ...]


TallyRow = tuple[str, str, str, int, int, tuple[str, ...], tuple[str, ...]]
# (kind, folded full name, name, mentions, quotes, names and aliases, roles): one entity of one
# article; the names and the roles have no repeats.


def tally_rows(article: Article) -> tuple[TallyRow, ...]:
    """What one article adds to the entity summaries, one row an entity, in article order."""
    quoted = Counter(quote.speaker_id for quote in article.quotes if quote.speaker_id)
    return tuple(
        (entity.kind, name_key(entity.name), entity.name, len(entity.mentions), quoted[entity.id],
         tuple(dict.fromkeys([entity.name, *entity.aliases])), tuple(dict.fromkeys(entity.roles)))
        for entity in article.entities
    )  # fmt: skip


def ranked(summaries: list[EntitySummary]) -> list[EntitySummary]:
    """Most mentioned first, then in most articles, then by name."""
    summaries.sort(key=lambda s: (-s.mentions, -s.articles, s.name.casefold()))
    return summaries


class EntityTallies:
    """Entities merged by (kind, folded full name), one row each in first-seen order, kept as
    columns: kind numbers, folded names, names, (articles, mentions, quotes) triples, aliases,
    roles. The names, aliases and roles are string columns (strings.py); a cache entry saves each
    column packed."""

    __slots__ = ("_row_of", "aliases", "counts", "folded", "kinds", "names", "roles", "which")

    def __init__(self, columns: tuple | None = None) -> None:
        if columns is None:
            columns = ([], array("B"), Strings(), Strings(), array("I"), StringTuples(), StringTuples())
        kinds, which, folded, names, counts, aliases, roles = columns
        self.kinds, self.which, self.counts = kinds, which, counts
        self.folded, self.names = strings(folded), strings(names)
        self.aliases, self.roles = string_tuples(aliases), string_tuples(roles)
        self._row_of: dict[tuple[str, str], int] | None = None  # made when first needed

    @property
    def columns(self) -> tuple:
        return self.kinds, self.which, self.folded, self.names, self.counts, self.aliases, self.roles

    def pack(self) -> tuple:
        """The columns as plain data: what `EntityTallies(packed)` reads back."""
        return (self.kinds, self.which, self.folded.pack(), self.names.pack(), self.counts, self.aliases.pack(),
                self.roles.pack())  # fmt: skip

    def add(self, rows: Iterable[TallyRow]) -> None:
        """One article's rows."""
        row_of = self._rows_by_key()
        seen: set[int] = set()
        counts = self.counts
        for kind, folded, name, mentions, quotes, aliases, roles in rows:
            row = row_of.get((kind, folded))
            if row is None:
                row = row_of[(kind, folded)] = self._new_row(kind, folded, name)
            if row not in seen:
                seen.add(row)
                counts[3 * row] += 1
            counts[3 * row + 1] += mentions
            counts[3 * row + 2] += quotes
            for column, new in ((self.aliases, aliases), (self.roles, roles)):
                known = column[row]
                merged = _merged(known, new)
                if merged is not known:  # a packed row is replaced only when it grows
                    column[row] = merged

    def summaries(self) -> list[EntitySummary]:
        """Every row, each column read whole (a string column decodes at once, strings.py), with
        the collector paused: a few hundred thousand new objects, no cycles."""
        kinds, which, counts = self.kinds, self.which, self.counts
        alike: dict[tuple[str, ...], tuple[str, ...]] = {}  # equal roles one tuple: the list is kept
        found = []
        with collector_paused():
            for i, (name, aliases, roles) in enumerate(zip(self.names, self.aliases, self.roles, strict=True)):
                if aliases and aliases[0] == name:  # as nearly always: one string for both
                    name = aliases[0]
                found.append(EntitySummary(name, kinds[which[i]], counts[3 * i], counts[3 * i + 1],
                                           counts[3 * i + 2], aliases, alike.setdefault(roles, roles)))  # fmt: skip
        return found

    def rows_of(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """The rows of these (kind, folded name) keys, those that have one; without making the
        index of every row when it is not made yet (a corpus opened from the cache)."""
        wanted = set(keys)
        if self._row_of is not None or not wanted:
            rows = self._rows_by_key()
            return {key: rows[key] for key in wanted if key in rows}
        kinds, which, found = self.kinds, self.which, {}
        for i, folded in enumerate(self.folded):
            key = (kinds[which[i]], folded)
            if key in wanted:
                found[key] = i
        return found

    def row_of(self, kind: str, folded: str) -> int | None:
        """The row of an entity, None if it has none."""
        return self._rows_by_key().get((kind, folded))

    def _rows_by_key(self) -> dict[tuple[str, str], int]:
        if self._row_of is None:
            kinds, which = self.kinds, self.which
            self._row_of = {(kinds[which[i]], key): i for i, key in enumerate(self.folded)}
        return self._row_of

    def _new_row(self, kind: str, folded: str, name: str) -> int:
        if kind not in self.kinds:
            self.kinds.append(kind)
        self.which.append(self.kinds.index(kind))
        self.folded.append(folded)
        self.names.append(name)
        self.counts.extend((0, 0, 0))
        self.aliases.append(())
        self.roles.append(())
        return len(self.names) - 1


def _merged(known: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    """`known` followed by what of `new` it lacks, in order."""
    if not known:
        return new
    seen = set(known) if len(known) >= SET_FROM else known
    extra = tuple(item for item in new if item not in seen)
    return known + extra if extra else known


class ArticleEntities:
    """Each article's entity rows, to tally any set of articles: by position, (shape, mentions,
    quotes) triples, where a shape is (kind, folded name, name, aliases, roles).

    Nearly every shape is its tally row as it stood when the shape was made: the row's kind, names
    and the first so many of its aliases and roles (a row's aliases and roles only ever grow at
    the end, `_merged`). Such a shape is kept as the row's number and two counts, 8 bytes where a
    tuple took ~100 (a million articles: ~3 million shapes). The few others (a name written
    another way in a later article) are kept whole. Each shape is stored once, whatever number
    of articles have it."""

    __slots__ = ("_ids", "_odd_row", "alias_counts", "odd", "role_counts", "runs", "shape_rows", "tallies")

    def __init__(self, tallies: EntityTallies, packed: tuple | None = None, runs: Runs | None = None) -> None:
        self.tallies = tallies  # the whole corpus's: the rows shapes are told by
        if packed is None:
            packed = (array("I"), array("H"), array("H"), {})
        self.shape_rows, self.alias_counts, self.role_counts, self.odd = packed  # by shape number
        self.runs = runs if runs is not None else Runs()
        self._ids: dict[int | tuple, int] | None = None  # made when first needed (`_known`)
        self._odd_row: dict[int, int] | None = None  # made when first needed (`_odd_rows`)

    def add(self, position: int, rows: tuple[TallyRow, ...]) -> None:
        """One article's rows, after the tallies took them (so each row's tally row exists)."""
        if not rows:
            return
        triples = array("I")
        for kind, folded, name, mentions, quotes, aliases, roles in rows:
            triples.extend((self._shape(kind, folded, name, aliases, roles), mentions, quotes))
        self.runs.add(position, triples)

    def _shape(self, kind: str, folded: str, name: str, aliases: tuple[str, ...], roles: tuple[str, ...]) -> int:
        """The number of this shape, made if new."""
        tallies = self.tallies
        row = tallies.row_of(kind, folded)
        told = (row is not None and tallies.names[row] == name and len(aliases) <= MOST_COUNTED
                and len(roles) <= MOST_COUNTED and tallies.aliases.head(row, len(aliases)) == aliases
                and tallies.roles.head(row, len(roles)) == roles)  # fmt: skip
        shape = (kind, folded, name, aliases, roles)
        key: int | tuple = (row << 32 | len(aliases) << 16 | len(roles)) if told else shape  # type: ignore[operator]
        ids = self._known()
        number = ids.get(key)
        if number is None:
            number = ids[key] = len(self.shape_rows)
            if told:
                self.shape_rows.append(row)  # type: ignore[arg-type]
                self.alias_counts.append(len(aliases))
                self.role_counts.append(len(roles))
            else:
                self.odd[number] = shape
                self.shape_rows.append(NO_ROW)
                self.alias_counts.append(0)
                self.role_counts.append(0)
        return number

    def _known(self) -> dict[int | tuple, int]:
        """Each shape's number by its key (row << 32 | aliases << 16 | roles, or the odd shape
        itself): made when the first article arrives, not when an index is loaded."""
        if self._ids is None:
            rows, aliases, roles = self.shape_rows, self.alias_counts, self.role_counts
            self._ids = {rows[i] << 32 | aliases[i] << 16 | roles[i]: i for i in range(len(rows)) if rows[i] != NO_ROW}
            self._ids.update((shape, i) for i, shape in self.odd.items())
        return self._ids

    def shape(self, number: int) -> tuple[str, str, str, tuple[str, ...], tuple[str, ...]]:
        """(kind, folded name, name, aliases, roles) of a shape."""
        row = self.shape_rows[number]
        if row == NO_ROW:
            return self.odd[number]  # type: ignore[no-any-return]
        tallies = self.tallies
        aliases = tallies.aliases.head(row, self.alias_counts[number])
        roles = tallies.roles.head(row, self.role_counts[number])
        return tallies.kinds[tallies.which[row]], tallies.folded[row], tallies.names[row], aliases, roles

    def rows(self, position: int) -> Iterator[TallyRow]:
        triples = self.runs.get(position)
        if triples is None:
            return
        # `shape` written out: the hot loop of tallying a filter's articles, a few rows an article
        tallies, shape_rows, alias_counts, role_counts = (
            self.tallies,
            self.shape_rows,
            self.alias_counts,
            self.role_counts,
        )
        kinds, which, folded, names = tallies.kinds, tallies.which, tallies.folded, tallies.names
        aliases_of, roles_of = tallies.aliases.head, tallies.roles.head
        for i in range(0, len(triples), 3):
            number = triples[i]
            row = shape_rows[number]
            if row == NO_ROW:
                kind, key, name, aliases, roles = self.odd[number]
                yield kind, key, name, triples[i + 1], triples[i + 2], aliases, roles
                continue
            yield (kinds[which[row]], folded[row], names[row], triples[i + 1], triples[i + 2],
                   aliases_of(row, alias_counts[number]), roles_of(row, role_counts[number]))  # fmt: skip

    def odd_rows(self) -> dict[int, int]:
        """Each odd shape's tally row (its kind and folded name's), by shape number."""
        if self._odd_row is None or len(self._odd_row) != len(self.odd):
            keys = {number: (shape[0], shape[1]) for number, shape in self.odd.items()}
            rows = self.tallies.rows_of(keys.values())
            self._odd_row = {number: rows[key] for number, key in keys.items()}
        return self._odd_row

    def pack(self) -> tuple:
        """The shapes as `ArticleEntities(tallies, packed)` reads them back."""
        return self.shape_rows, self.alias_counts, self.role_counts, self.odd
