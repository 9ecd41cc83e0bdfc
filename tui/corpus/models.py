"""The parsed corpus as data: articles, quotes, entities, and what could not be loaded.

Every span is a pair of character offsets into `Article.text`, end exclusive.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

Span = tuple[int, int]
QuoteKind = Literal["direct", "partial", "indirect"]
EntityKind = Literal["person", "organization", "place", "group"]
ENTITY_KINDS: tuple[EntityKind, ...] = ("person", "organization", "place", "group")


class Quote(BaseModel):
    """What someone said: the quoted span, who said it and the reporting verb."""

    start: int
    end: int
    text: str
    kind: QuoteKind = "direct"
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None


class Entity(BaseModel):
    """A person, organisation, place or group named in one article, with every mention."""

    id: str
    name: str
    kind: EntityKind
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    gender: Literal["male", "female"] | None = None


class Article(BaseModel):
    """One news article as read from a file, and what the parser found in it."""

    id: str
    path: str
    title: str = ""
    title_span: Span | None = None
    published: datetime | None = None
    dateline: datetime | None = None
    source: str | None = None
    url: str | None = None
    text: str
    paragraphs: list[Span] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)

    @property
    def date(self) -> datetime | None:
        """The date to sort and filter by: publication time, else the page dateline."""
        return self.published or self.dateline

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


LoadReason = Literal["empty", "binary", "undecodable", "too large", "unreadable", "malformed", "not found"]


class LoadProblem(BaseModel):
    """A file, or a line of a JSON Lines file, that did not become an article, and why."""

    path: str
    reason: LoadReason
    detail: str = ""

    def __str__(self) -> str:
        extra = f" ({self.detail})" if self.detail else ""
        return f"{self.path}: {self.reason}{extra}"


class LoadReport(BaseModel):
    """What a load read: how many files, how many articles, and every file it skipped."""

    files: int = 0
    articles: int = 0
    problems: list[LoadProblem] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems
