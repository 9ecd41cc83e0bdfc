"""One article's text to an `Article`: header, paragraphs, entities, quotes."""

from __future__ import annotations

import re

from ..filenames import with_name_facts
from ..models import Article, Span
from ..sources import Source
from .context import ArticleContext
from .entities import find_entities
from .header import Header, parse_header, wire_tag_span
from .quotes import find_quotes
from .sentences import trim_span


def parse_source(source: Source) -> Article:
    """An already parsed article (from an export) passes through; raw text is parsed."""
    if isinstance(source, Article):
        return source
    article = parse_text(source.text, article_id=source.id, path=source.path, meta=source.meta)
    return with_name_facts(article, source.names, source.meta.get("section"))


def parse_text(text: str, article_id: str = "article", path: str = "", meta: dict[str, str] | None = None) -> Article:
    header = parse_header(text, meta)
    paragraphs = body_paragraphs(text, header.body_start)
    skip = _not_prose(text, header) + _not_of_the_story(text, paragraphs)
    table = find_entities(text, skip=skip, headline=_title_case(text, header.title_span))
    quotes = find_quotes(ArticleContext.of(text, paragraphs, table, _captions(text, paragraphs)))
    return Article(
        id=article_id,
        path=path,
        title=header.title,
        title_span=header.title_span,
        published=header.published,
        dateline=header.dateline,
        source=header.source,
        url=(meta or {}).get("url"),
        text=text,
        paragraphs=paragraphs,
        quotes=quotes,
        entities=table.entities,
    )


def body_paragraphs(text: str, start: int) -> list[Span]:
    """Blocks between blank lines; a body with no blank line has a paragraph a line."""
    separator = _BLANK_LINE if _BLANK_LINE.search(text[start:].strip()) else _LINE_END
    spans: list[Span] = []
    for match in separator.finditer(text, start):
        _add_paragraph(text, start, match.start(), spans)
        start = match.end()
    _add_paragraph(text, start, len(text), spans)
    return spans


_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
_NON_SPACE = re.compile(r"\S")
_LINE_END = re.compile(r"\n")


def _add_paragraph(text: str, start: int, end: int, spans: list[Span]) -> None:
    span = trim_span(text, start, end)
    if span[0] < span[1]:
        spans.append(span)


def _title_case(text: str, span: Span | None) -> Span | None:
    """The title's span when most of its words are capitalised ("Russia Confirms Talks With France")."""
    if span is None:
        return None
    words = [w for w in text[span[0] : span[1]].split() if w[:1].isalpha()]
    capitalised = sum(w[0].isupper() for w in words)
    return span if words and capitalised > 0.6 * len(words) else None


def _not_prose(text: str, header: Header) -> list[Span]:
    """Header lines other than the title, and the wire tag's "(MENAFN)": no entities there."""
    skip: list[Span] = []
    if header.title_span:
        skip += [(0, header.title_span[0]), (header.title_span[1], header.body_start)]
    else:
        skip.append((0, header.body_start))
    first = _NON_SPACE.search(text, header.body_start)
    if first:
        tag = wire_tag_span(text, first.start())
        if tag:
            source = text.find("(", tag[0], tag[1])
            skip.append((source if source >= 0 else tag[0], tag[1]))
    return skip


# Lines that name people who are not in the story: a teaser for another article ("READ MORE: Ann
# Lee says...", "WATCH: ..."), a picture's credit ("Photo: Ann Lee, Acme Pictures").
_NOT_OF_THE_STORY = re.compile(
    r"(?i:read more|related|watch(?: below)?|also read|see also|photo(?:graph)?s?|image|credit)\s*[:|]"
)


def _not_of_the_story(text: str, paragraphs: list[Span]) -> list[Span]:
    """Paragraphs whose names are no people of the article, nor a pronoun's antecedent."""
    return [(start, end) for start, end in paragraphs if _NOT_OF_THE_STORY.match(text, start, end)]


# A caption carries its picture's credit in brackets: "( Ann Lee / Acme Pictures )", "(ACME FILE PHOTO)".
_PICTURE_CREDIT = re.compile(r"\(\s*[A-Z][^()\n]{0,60}? / [^()\n]{1,60}\)|\([^()\n]{0,60}\b(?i:photo)\b[^()\n]{0,60}\)")


def _captions(text: str, paragraphs: list[Span]) -> list[Span]:
    """Paragraphs that hold a picture's credit: captions, not the story's narrative."""
    return [(start, end) for start, end in paragraphs if _PICTURE_CREDIT.search(text, start, end)]
