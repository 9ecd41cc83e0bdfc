"""One article's text to an `Article`: header, paragraphs, entities, quotes."""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..filenames import with_name_facts
from ..models import Article, LoadProblem, Span
from ..sources import Source
from . import budget, entities
from .budget import check
from .context import ArticleContext
from .entities import find_entities
from .header import Header, parse_header, wire_tag_span
from .quotes import find_quotes
from .sentences import trim_span


def parse_source(source: Source) -> Article:
    """An already parsed article (from an export) passes through; raw text is parsed."""
    return parse_source_noted(source)[0]


def parse_source_noted(source: Source) -> tuple[Article, list[str]]:
    """The article, and what the load report should say of it: that a text too dense with names
    was searched for them only in part (`entities.MAX_MENTIONS`)."""
    if isinstance(source, Article):
        return source, []
    article, notes = parse_text_noted(source.text, article_id=source.id, path=source.path, meta=source.meta)
    return with_name_facts(article, source.names, source.meta.get("section")), notes


def parse_within_budget(source: Source, seconds: float | None = None) -> tuple[Article, list[str]] | LoadProblem:
    """The article and its load-report notes, or why it did not parse: too slow, or a parser bug."""
    try:
        with budget.budget(budget.PARSE_SECONDS if seconds is None else seconds):
            return parse_source_noted(source)
    except budget.ParseTooSlow as slow:
        return LoadProblem(path=source.path, reason="too slow to parse", detail=str(slow))
    except Exception as error:  # a parser bug must cost one article, not the whole load
        return LoadProblem(path=source.path, reason="malformed", detail=f"parser: {error}")


def parse_text(text: str, article_id: str = "article", path: str = "", meta: dict[str, str] | None = None) -> Article:
    return parse_text_noted(text, article_id, path, meta)[0]


def parse_text_noted(
    text: str, article_id: str = "article", path: str = "", meta: dict[str, str] | None = None
) -> tuple[Article, list[str]]:
    with collector_paused():
        header = parse_header(text, meta)
        paragraphs = body_paragraphs(text, header.body_start)
        check()
        skip = _not_prose(text, header) + _not_of_the_story(text, paragraphs)
        table = find_entities(text, skip=skip, headline=_title_case(text, header.title_span))
        check()
        searched, quotes_to = quoted_part(text, paragraphs)
        quotes = find_quotes(ArticleContext.of(text, searched, table, _captions(text, searched)))
        found, read_to = table.entities, table.names_read_to
        del table, searched  # its mentions and indexes: the article keeps only the entities
        notes = [] if read_to is None else [_names_cut_short(read_to, len(text))]
        if quotes_to is not None:
            notes.append(
                f"over {QUOTE_SEARCH_CHARS:,} chars or {MAX_QUOTE_MARKS:,} quotation marks: "
                f"searched for quotes only in its first {quotes_to:,} chars"
            )
        article = Article(
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
            entities=found,
        )
    return article, notes


# Characters of an article searched for quotations and reported speech, and quotation marks: a
# text of 50 MB of quotations would need gigabytes of quote objects. Past either (at the end of the
# paragraph, or of the sentence, before it) no quotation is looked for; no real article comes near.
QUOTE_SEARCH_CHARS = 24_000_000
MAX_QUOTE_MARKS = 200_000
_QUOTE_MARK = re.compile('["\u201c\u201d\u00ab\u00bb\u201e]')


def quoted_part(text: str, paragraphs: list[Span]) -> tuple[list[Span], int | None]:
    """The paragraphs searched for quotations, and where the search stops (None: at the end)."""
    bound = QUOTE_SEARCH_CHARS
    if len(text) > MAX_QUOTE_MARKS:  # a shorter text has fewer marks
        for number, mark in enumerate(_QUOTE_MARK.finditer(text, 0, bound)):
            if number == MAX_QUOTE_MARKS:
                bound = mark.start()
                break
    if not paragraphs or paragraphs[-1][1] <= bound:
        return paragraphs, None
    kept = [span for span in paragraphs if span[1] <= bound]
    crossing = next((span for span in paragraphs if span[0] < bound < span[1]), None)
    if crossing is not None:
        # at the last sentence end before the bound, else the last space, else the bound itself
        stop = text.rfind(". ", crossing[0], bound) + 1 or text.rfind(" ", crossing[0], bound)
        kept.append((crossing[0], stop if stop > crossing[0] else bound))
    return kept, kept[-1][1] if kept else 0


def _names_cut_short(read_to: int, size: int) -> str:
    return f"over {entities.MAX_MENTIONS:,} names: searched for names only in its first {read_to:,} of {size:,} chars"


# The cyclic garbage collector is paused while a parse runs: a parse makes no reference cycles,
# but an entity-dense text makes millions of small objects, and every full collection walked all
# of them again (a third of the time of a 2 MB article of names). Paused once however many threads
# parse at a time, and set back as it was when the last one is done.
_collector_lock = threading.Lock()
_collector_users = 0
_collector_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _collector_users, _collector_was_enabled
    with _collector_lock:
        if _collector_users == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _collector_users += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_users -= 1
            if _collector_users == 0 and _collector_was_enabled:
                gc.enable()


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
