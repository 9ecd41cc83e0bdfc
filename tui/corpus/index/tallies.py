"""Entity tallies: each entity across articles (how often named and quoted, what it is called),
for the whole corpus as articles arrive, and for any set of articles from their own rows."""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..models import Article
from .keys import name_key
from .postings import Runs

SET_FROM = 16  # aliases or roles: from this many on, a set answers "seen already?"


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
    roles. A cache entry saves the columns as they are."""

    __slots__ = ("_row_of", "aliases", "counts", "folded", "kinds", "names", "roles", "which")

    def __init__(self, columns: tuple | None = None) -> None:
        if columns is None:
            columns = ([], array("B"), [], [], array("I"), [], [])
        self.kinds, self.which, self.folded, self.names, self.counts, self.aliases, self.roles = columns
        self._row_of: dict[tuple[str, str], int] | None = None  # made when first needed

    @property
    def columns(self) -> tuple:
        return self.kinds, self.which, self.folded, self.names, self.counts, self.aliases, self.roles

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
            self.aliases[row] = _merged(self.aliases[row], aliases)
            self.roles[row] = _merged(self.roles[row], roles)

    def summaries(self) -> list[EntitySummary]:
        kinds, which, names, counts = self.kinds, self.which, self.names, self.counts
        aliases, roles = self.aliases, self.roles
        return [EntitySummary(names[i], kinds[which[i]], counts[3 * i], counts[3 * i + 1], counts[3 * i + 2],
                              aliases[i], roles[i]) for i in range(len(names))]  # fmt: skip

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
    quotes) triples; a shape (kind, folded name, name, aliases, roles) repeats across articles
    and is stored once."""

    __slots__ = ("_shape_ids", "runs", "shapes")

    def __init__(self, shapes: list[tuple] | None = None, runs: Runs | None = None) -> None:
        self.shapes = shapes if shapes is not None else []
        self.runs = runs if runs is not None else Runs()
        self._shape_ids: dict[tuple, int] | None = None  # made when first needed

    def add(self, position: int, rows: tuple[TallyRow, ...]) -> None:
        if not rows:
            return
        if self._shape_ids is None:
            self._shape_ids = {shape: i for i, shape in enumerate(self.shapes)}
        shape_ids, triples = self._shape_ids, array("I")
        for kind, folded, name, mentions, quotes, aliases, roles in rows:
            shape = (kind, folded, name, aliases, roles)
            shape_id = shape_ids.get(shape)
            if shape_id is None:
                shape_id = shape_ids[shape] = len(self.shapes)
                self.shapes.append(shape)
            triples.extend((shape_id, mentions, quotes))
        self.runs.add(position, triples)

    def rows(self, position: int) -> Iterator[TallyRow]:
        triples = self.runs.get(position)
        if triples is None:
            return
        for i in range(0, len(triples), 3):
            kind, folded, name, aliases, roles = self.shapes[triples[i]]
            yield kind, folded, name, triples[i + 1], triples[i + 2], aliases, roles
