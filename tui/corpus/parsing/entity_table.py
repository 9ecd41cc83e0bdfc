"""An article's entities and their mentions, with look-ups from any offset back to an entity."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Literal

from ..models import Entity, EntityKind

# While clustering, a mention may be of no kind yet: "unknown" ones are settled or dropped there,
# and "work" ones (the title of a film or a book) are dropped with every other mention of that title.
MentionKind = Literal["person", "organization", "place", "group", "unknown", "work"]

_START = attrgetter("start")
_LONGEST_MENTION = 200  # characters: no name runs longer, so overlap look-ups scan back this far
_PEOPLE_REACH = 6000  # characters back that `people_before` reads for a person by default


@dataclass(slots=True)  # an article of many names holds one a name: no dictionary each
class Mention:
    start: int
    end: int
    text: str
    kind: MentionKind
    role: str = ""
    gender: str | None = None
    key: str = ""  # the cluster this mention belongs to, filled by clustering


@dataclass
class EntityTable:
    """An article's entities and a way back from any mention to its entity.

    Mentions are sorted by offset and looked up by bisection, so that a long article costs
    no more per quote than a short one.
    """

    text: str = ""
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _by_key: dict[str, Entity] = field(default_factory=dict)
    _nominal_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # where the search for names stopped, in an article of more than `entities.MAX_MENTIONS`
    # names; None when the whole text was read
    names_read_to: int | None = None

    def finish(self) -> None:
        """Sort and index the mentions once they are all in."""
        self.mentions.sort(key=_START)
        self._starts = [m.start for m in self.mentions]
        self._by_key = {e.id: e for e in self.entities}

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Mentions that overlap [start, end), in text order."""
        k = bisect_left(self._starts, end)
        found: list[Mention] = []
        while k > 0 and self.mentions[k - 1].start > start - _LONGEST_MENTION:
            k -= 1
            if self.mentions[k].end > start:
                found.append(self.mentions[k])
        return found[::-1]

    def entity_at(self, start: int, end: int, kind: EntityKind | None = None) -> Entity | None:
        for mention in self.overlapping(start, end):
            if kind is None or mention.kind == kind:
                return self.by_key(mention.key)
        return None

    def by_key(self, key: str) -> Entity | None:
        return self._by_key.get(key)

    def people_before(self, offset: int, within: int = _PEOPLE_REACH) -> Iterator[tuple[Mention, Entity]]:
        """Person mentions that end before `offset` (and not too far before it), nearest first."""
        k = bisect_left(self._starts, offset)
        while k > 0:
            k -= 1
            mention = self.mentions[k]
            if mention.start < offset - within:
                return
            entity = self.by_key(mention.key)
            if mention.kind == "person" and mention.end <= offset and entity is not None:
                yield mention, entity

    def nominal_words(self, entity: Entity, fold: Callable[[str], str]) -> frozenset[str]:
        """The folded words "the spokesman" or "the ministry" may name this entity by: the words of
        a person's roles, of an organisation's name. Worked out once an entity, as every nominal
        speaker reads them for every entity named in the few thousand characters before it."""
        found = self._nominal_words.get(entity.id)
        if found is None:
            phrases = entity.roles if entity.kind == "person" else [entity.name]
            found = frozenset(word for phrase in phrases for word in fold(phrase).split())
            self._nominal_words[entity.id] = found
        return found

    def mentions_before(self, offset: int, within: int) -> list[Mention]:
        """Mentions that start in the `within` characters before `offset`, in text order."""
        return self.mentions[bisect_left(self._starts, offset - within) : bisect_left(self._starts, offset)]
