"""Command palette entries for the corpus: filter by any speaker or entity.

Textual's `Matcher.highlight` reads its candidate as markup, and entity names come from article
text, so hits here are plain `Content` with the matched letters styled by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ..corpus import EntitySummary
from ..safe_text import one_line

DISCOVER = 12  # most-quoted speakers offered before anything is typed


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
    at = label.casefold().find(query.casefold())
    return content.stylize("bold $text-accent", at, at + len(query)) if query and at >= 0 else content


class EntityCommands(Provider):
    """Speakers and entities of the loaded corpus, each a command that filters by it."""

    def _explorer(self) -> Explorer | None:
        return getattr(self.app, "explorer", None)

    def _command(self, explorer: Explorer, entity: EntitySummary) -> Callable[[], None]:
        return partial(explorer.add_filter_term, filter_term(entity))

    async def discover(self) -> Hits:
        explorer = self._explorer()
        if explorer is None:
            return
        speakers = sorted((e for e in explorer.palette_entities() if e.quotes), key=lambda e: -e.quotes)
        for entity in speakers[:DISCOVER]:
            label = _label(entity)
            yield DiscoveryHit(Content(label), self._command(explorer, entity), text=label,
                               help=f"{entity.quotes} quotes in {entity.articles} articles")

    async def search(self, query: str) -> Hits:
        explorer = self._explorer()
        if explorer is None:
            return
        matcher = self.matcher(query)
        for entity in explorer.palette_entities():
            label = _label(entity)
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, _highlighted(label, query), self._command(explorer, entity), text=label,
                          help=f"{entity.mentions} mentions in {entity.articles} articles")
