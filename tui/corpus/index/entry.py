"""What the index takes from one article, made where the article was parsed (a worker process
may make it), so that adding it to the index is a few appends."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Article, Quote
from .keys import needs_fold, tokens
from .postings import Span
from .tallies import TallyRow, tally_rows


@dataclass(slots=True)
class IndexEntry:
    """Everything the index takes from one article."""

    title: str
    text: str
    needs_fold: bool
    title_words: tuple[str, ...]
    words: tuple[str, ...]  # title and body
    quote_words: tuple[str, ...]
    quote_spans: tuple[Span, ...]  # (start, end) pairs into text, or the quote's own text when a span is off
    speakers: tuple[str, ...]
    cues: tuple[str, ...]
    names: tuple[tuple[str, str], ...]  # (kind, name or alias)
    source: str | None
    quote_count: int
    facts: tuple[str, ...]  # which of HAS_VALUES the article has
    day: int | None  # the date's proleptic ordinal
    tallies: tuple[TallyRow, ...]
    section: str | None = None  # the first folder below the corpus root (filenames.py)


def index_entry(article: Article) -> IndexEntry:
    title = set(tokens(article.title))
    quoted: set[str] = set()
    speakers: list[str] = []
    cues: list[str] = []
    by_id = {entity.id: entity for entity in article.entities}
    spans: list[Span] = []
    for quote in article.quotes:
        quoted.update(tokens(_quote_text(article, quote)))
        if 0 <= quote.start < quote.end <= len(article.text):
            spans.append((quote.start, quote.end))
        else:
            spans.append(quote.text)
        if quote.speaker:
            speakers.append(quote.speaker)
        entity = by_id.get(quote.speaker_id) if quote.speaker_id else None
        if entity is not None:
            speakers.extend((entity.name, *entity.aliases))
        if quote.cue:
            cues.append(quote.cue)
    names = tuple((entity.kind, name) for entity in article.entities for name in (entity.name, *entity.aliases))
    count = len(article.quotes)
    facts = {"quotes": count > 0, "entities": bool(article.entities),
             "date": article.date is not None, "source": bool(article.source)}  # fmt: skip
    return IndexEntry(
        title=article.title, text=article.text,
        needs_fold=needs_fold(article.title) or needs_fold(article.text),
        title_words=tuple(title), words=tuple(title.union(tokens(article.text))),
        quote_words=tuple(quoted), quote_spans=tuple(spans), speakers=tuple(speakers), cues=tuple(cues),
        names=names, source=article.source, quote_count=count,
        facts=tuple(what for what, present in facts.items() if present),
        day=article.date.date().toordinal() if article.date is not None else None,
        tallies=tally_rows(article), section=article.section,
    )  # fmt: skip


def _quote_text(article: Article, quote: Quote) -> str:
    if 0 <= quote.start < quote.end <= len(article.text):
        return article.text[quote.start : quote.end]
    return quote.text
