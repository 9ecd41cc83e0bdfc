"""What the quote rules read of one article, passed as one object instead of a tuple of arguments."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..models import Span
from .entity_table import EntityTable


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """One article as the attribution, reported-speech and resolution rules see it.

    Built once per article by `parse.parse_text`; `quotes.find_quotes` adds the quotation and
    sentence spans (`with_quotations`), the only place they are set.
    """

    text: str
    paragraphs: list[Span]
    table: EntityTable
    # The text lower-cased, or None when a letter lower-cases to two and offsets would not hold.
    lowered: str | None
    # The quotations as first found, before any are joined or dropped: sentences do not end inside
    # them, and a pronoun's antecedent is not a name inside one.
    quoted: list[Span] = field(default_factory=list)
    # Sentences of the paragraphs that hold a quotation or a reporting verb: no others are split.
    sentences: list[Span] = field(default_factory=list)
    # Picture captions: the people they name may be in the story, but no pronoun of it means them.
    captions: list[Span] = field(default_factory=list)

    @classmethod
    def of(
        cls, text: str, paragraphs: list[Span], table: EntityTable, captions: list[Span] | None = None
    ) -> ArticleContext:
        lowered = text.lower()
        return cls(text, paragraphs, table, lowered if len(lowered) == len(text) else None, captions=captions or [])

    def with_quotations(self, quoted: list[Span], sentences: list[Span]) -> ArticleContext:
        return replace(self, quoted=quoted, sentences=sentences)
