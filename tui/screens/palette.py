"""Command palette entries for the corpus: filter by any speaker or entity.

Textual's `Matcher.highlight` reads its candidate as markup, and entity names come from article
text, so hits here are plain `Content` with the matched letters styled by hand.

At 100,000 articles there are as many names: tallying them, or fuzzy-matching each one, on
every keystroke lost keys and took seconds. The candidates are tallied once a palette opens (in
a thread, under the session's lock, as every read of the corpus), most quoted first; a keystroke
then looks for the typed letters in their folded names until it has `MOST_HITS`, or among the
previous keystroke's matches when the query only grew and they were all found.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from functools import partial
from itertools import islice
from typing import Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ..corpus import EntitySummary
from ..safe_text import one_line
from ..widgets.cells import counted

DISCOVER = 12  # most-quoted speakers offered before anything is typed
MOST_HITS = 40  # names offered for a query: the palette's list is for choosing, not for reading
RANK_SHIFT = 40  # quotes above mentions in one sort key (a count of mentions stays below 2**40)
PREFIX_SCORE, WORD_SCORE, INSIDE_SCORE = 0.95, 0.85, 0.6  # where the letters matched, best first


class Explorer(Protocol):
    def palette_entities(self) -> list[EntitySummary]: ...
    def add_filter_term(self, term: str) -> None: ...


def filter_term(entity: EntitySummary) -> str:
    """`speaker:"Name"` for someone quoted, `entity:"Name"` for anything else."""
    name = entity.name.replace('"', "")
    field = "speaker" if entity.kind == "person" and entity.quotes else "entity"
    return f'{field}:"{name}"'


def _label(entity: EntitySummary) -> str:
    what = "speaker" if entity.kind == "person" and entity.quotes else entity.kind
    return f"Filter by {what}: {one_line(entity.name)}"


def _highlighted(label: str, query: str) -> Content:
    content = Content(label)
    at = label.casefold().find(query.casefold(), label.find(": ") + 2)  # in the name, not the words before
    return content.stylize("bold $text-accent", at, at + len(query)) if query and at >= 0 else content


class Candidates:
    """The names of the filtered corpus, most quoted (then most named) first, searched as typed."""

    def __init__(self, entities: list[EntitySummary]) -> None:
        # Two stable sorts on plain keys, not one on tuples: a third of the time at 100,000 names.
        ranked = sorted(entities, key=lambda e: e.name.casefold())
        ranked.sort(key=lambda e: -((e.quotes << RANK_SHIFT) | e.mentions))
        self.entities = ranked
        self.names = [entity.name.casefold() for entity in ranked]
        self._last: tuple[str, list[int] | None] = ("", None)  # a query and all its matches, if known

    def matching(self, query: str, most: int = MOST_HITS) -> list[int]:
        """The first `most` candidates whose name holds `query` (any case), in rank order.

        A scan stops at `most` matches, so a common query costs little; a scan that ran to the
        end leaves every match behind, and a query that extends it looks only at those."""
        query = query.casefold()
        last, kept = self._last
        pool: Sequence[int] = kept if kept is not None and query.startswith(last) else range(len(self.names))
        names = self.names
        found = list(islice((i for i in pool if query in names[i]), most))
        complete = len(found) < most  # the scan went to the end: these are all the matches
        self._last = (query, found if complete else None)
        return found

    def score(self, index: int, query: str) -> float:
        name, query = self.names[index], query.casefold()
        if name.startswith(query):
            return PREFIX_SCORE
        return WORD_SCORE if f" {query}" in name else INSIDE_SCORE


class EntityCommands(Provider):
    """Speakers and entities of the loaded corpus, each a command that filters by it."""

    candidates: Candidates | None = None

    def _explorer(self) -> Explorer | None:
        return getattr(self.app, "explorer", None)

    async def startup(self) -> None:
        explorer = self._explorer()
        if explorer is not None:  # a thread: the palette opens at once, the names follow
            self.candidates = Candidates(await asyncio.to_thread(explorer.palette_entities))

    def _command(self, explorer: Explorer, entity: EntitySummary) -> Callable[[], None]:
        return partial(explorer.add_filter_term, filter_term(entity))

    async def discover(self) -> Hits:
        explorer, candidates = self._explorer(), self.candidates
        if explorer is None or candidates is None:
            return
        for entity in [e for e in candidates.entities[:DISCOVER] if e.quotes]:
            label = _label(entity)
            yield DiscoveryHit(
                Content(label),
                self._command(explorer, entity),
                text=label,
                help=f"{counted(entity.quotes, 'quote')} in {counted(entity.articles, 'article')}",
            )

    async def search(self, query: str) -> Hits:
        explorer, candidates = self._explorer(), self.candidates
        if explorer is None or candidates is None or not query.strip():
            return
        for index in candidates.matching(query):
            entity = candidates.entities[index]
            label = _label(entity)
            counts = f"{counted(entity.mentions, 'mention')} in {counted(entity.articles, 'article')}"
            yield Hit(
                candidates.score(index, query),
                _highlighted(label, query),
                self._command(explorer, entity),
                text=label,
                help=counts,
            )
