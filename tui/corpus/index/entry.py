"""What the index takes from one article, made where the article was parsed (a worker process
may make it), so that adding it to the index is a few appends."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

from ..models import Article, Quote
from .keys import cuts_no_word, folds_to_new_words, needs_fold, tokens
from .pairs import pair_indexes
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
    # Pairs of words side by side (pairs.py): flat (i, j) indexes into `words`, in the title or the
    # body, and within a quote; `unsure` when the text's words are not those a phrase check sees
    # (then no pairs), `unsure_quotes` when a quote's words may not be the text's there either.
    pairs: array = field(default_factory=lambda: array("I"))
    quote_pairs: array = field(default_factory=lambda: array("I"))
    unsure: bool = False
    unsure_quotes: bool = False


def index_entry(article: Article) -> IndexEntry:
    title_tokens = tokens(article.title)
    body_tokens = tokens(article.text)
    title = set(title_tokens)
    quoted: set[str] = set()
    quote_runs: list[list[str]] = []
    odd_quotes = False
    speakers: list[str] = []
    cues: list[str] = []
    by_id = {entity.id: entity for entity in article.entities}
    spans: list[Span] = []
    for quote in article.quotes:
        said = tokens(_quote_text(article, quote))
        quoted.update(said)
        quote_runs.append(said)
        if 0 <= quote.start < quote.end <= len(article.text):
            spans.append((quote.start, quote.end))
            odd_quotes = odd_quotes or not (cuts_no_word(article.text, quote.start)
                                            and cuts_no_word(article.text, quote.end))  # fmt: skip
        else:
            spans.append(quote.text)
            odd_quotes = True
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
    folds = needs_fold(article.title) or needs_fold(article.text)
    words = tuple(title.union(body_tokens))
    # Pairs only where `tokens` splits the text as the phrase check does (keys.folds_to_new_words).
    irregular = not folds and (folds_to_new_words(article.title) or folds_to_new_words(article.text))
    number = {} if irregular else {word: i for i, word in enumerate(words)}
    return IndexEntry(
        title=article.title, text=article.text, needs_fold=folds,
        title_words=tuple(title), words=words,
        quote_words=tuple(quoted), quote_spans=tuple(spans), speakers=tuple(speakers), cues=tuple(cues),
        names=names, source=article.source, quote_count=count,
        facts=tuple(what for what, present in facts.items() if present),
        day=article.date.date().toordinal() if article.date is not None else None,
        tallies=tally_rows(article), section=article.section,
        pairs=pair_indexes(number, (title_tokens, body_tokens)),
        quote_pairs=pair_indexes(number if not odd_quotes else {}, quote_runs),
        unsure=irregular, unsure_quotes=irregular or odd_quotes,
    )  # fmt: skip


def _quote_text(article: Article, quote: Quote) -> str:
    if 0 <= quote.start < quote.end <= len(article.text):
        return article.text[quote.start : quote.end]
    return quote.text
