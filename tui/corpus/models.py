"""The parsed corpus as data: articles, quotes, entities, and what could not be loaded.

Every span is a pair of character offsets into `Article.text`, end exclusive.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal, get_args

from pydantic import BaseModel, Field, ValidationError, field_validator

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
    section: str | None = None  # the first folder below the corpus root, or the page's own section
    date_from_name: bool = False  # `published` came from a file or folder name, not the text
    text: str
    paragraphs: list[Span] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)

    @field_validator("published", "dateline")
    @classmethod
    def _real_zone(cls, when: datetime | None) -> datetime | None:
        """A zone offset no place has ("-24:00", seconds) is dropped: it could not be exported
        and read again (ISO 8601 offsets stop at 23:59), and it means nothing anyway."""
        if when is None or when.tzinfo is None:
            return when
        try:
            offset = when.utcoffset()  # raises for 24 hours or more
        except ValueError:
            offset = timedelta(hours=24)
        if offset is not None and (abs(offset) >= timedelta(hours=24) or offset % timedelta(minutes=1)):
            return when.replace(tzinfo=None)
        return when

    @property
    def date(self) -> datetime | None:
        """The date to sort and filter by: publication time, else the page dateline."""
        return self.published or self.dateline

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


LoadReason = Literal[
    "empty",
    "binary",
    "undecodable",
    "too large",
    "unreadable",
    "malformed",
    "not found",
    "not a regular file",
    "link not followed",
    "too slow to parse",  # the parse spent its time budget (parsing.budget.PARSE_SECONDS)
    "partly parsed",  # loaded; names or quotes searched for in part (MAX_MENTIONS, QUOTE_SEARCH_CHARS)
]
LOAD_REASONS: tuple[str, ...] = get_args(LoadReason)
LOADED_REASONS = frozenset({"partly parsed"})  # reported, but the article is in the corpus


class LoadProblem(BaseModel):
    """A file, or a line of a JSON Lines file, that did not become an article, and why; or, for
    "partly parsed", an article that loaded with its names or quotes searched for only in part."""

    path: str
    reason: LoadReason
    detail: str = ""
    bad_lines: int = 0  # one entry for a JSON file with many bad lines (or records): how many

    @property
    def file(self) -> str:
        """The file this is about: `path` without a JSON line's `:number` or a container item's `#number`."""
        for mark in (":", "#"):
            head, _, tail = self.path.rpartition(mark)
            if head and tail.isdigit():
                return head
        return self.path

    def __str__(self) -> str:
        extra = f" ({self.detail})" if self.detail else ""
        return f"{self.path}: {self.reason}{extra}"

    @property
    def skipped(self) -> bool:
        """Whether the file (or line) was left out; a partly parsed article was loaded."""
        return self.reason not in LOADED_REASONS


class LoadReport(BaseModel):
    """What a load read: how many files, how many articles, and every file it skipped."""

    files: int = 0
    articles: int = 0
    problems: list[LoadProblem] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Nothing was left out (a partly parsed article is loaded: it is reported, not a failure)."""
        return not any(problem.skipped for problem in self.problems)

    def summary(self) -> str:
        """How much was skipped, in files and bad lines: `1 file, 100,000 bad lines`."""
        files = len({problem.file for problem in self.problems})
        lines = sum(problem.bad_lines or (problem.file != problem.path) for problem in self.problems)
        text = f"{files:,} file{'s' * (files != 1)}"
        return f"{text}, {lines:,} bad line{'s' * (lines != 1)}" if lines else text


def offset_problems(article: Article) -> list[str]:
    """What is wrong with an article's offsets: a span outside its text or backwards, quotes that
    overlap, a quote whose text is not the text at its span. Empty for every parsed article; the
    loader rejects an exported article (a file anyone may have edited) that has any."""
    size = len(article.text)
    problems: list[str] = []

    def check(what: str, span: Span | None) -> None:
        if span is not None and not 0 <= span[0] <= span[1] <= size:
            problems.append(f"{what} {list(span)} outside a text of {size} characters")

    check("title_span", article.title_span)
    for span in article.paragraphs:
        check("paragraph", span)
    previous: Quote | None = None
    for quote in sorted(article.quotes, key=lambda q: (q.start, q.end)):
        check("quote", (quote.start, quote.end))
        check("speaker_span", quote.speaker_span)
        check("cue_span", quote.cue_span)
        if 0 <= quote.start <= quote.end <= size and article.text[quote.start : quote.end] != quote.text:
            problems.append(f"quote [{quote.start}, {quote.end}] does not hold its text")
        if previous is not None and quote.start < previous.end:
            problems.append(f"quotes [{previous.start}, {previous.end}] and [{quote.start}, {quote.end}] overlap")
        previous = quote
    for entity in article.entities:
        for mention in entity.mentions:
            check(f"mention of {entity.id}", mention)
    return problems


def exported_article(data: dict) -> Article | str:
    """An article read back from an export (a file anyone may have edited): trusted for its shape
    only, and checked for it and for its offsets. The article, or why it is malformed."""
    try:
        article = Article.model_validate(data)
    except ValidationError as error:
        return f"{error.error_count()} invalid fields"
    problems = offset_problems(article)
    return problems[0] if problems else article
