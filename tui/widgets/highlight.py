"""An article body as styled Content: quotes, speakers, cues and entity mentions, by offset.

Styles are theme variables (`$quote`, `$speaker-3`...), resolved when drawn, so a theme switch
recolours the text without rebuilding it. The text itself is never read as markup.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from collections.abc import Sequence

from textual.content import Content, Span

from ..corpus import Article, Quote, term_spans
from ..safe_text import visible
from .span_index import SortedSpans

SPEAKER_COLOURS = 8  # $speaker-1 .. $speaker-8, defined per theme in tui/app.py
QUOTE_STYLES = {
    "direct": "{speaker} on $quote",
    "partial": "italic {speaker} on $quote-partial",
    "indirect": "{speaker}",  # subtler: the speaker's colour, no background
}
SPAN_INDEXES_KEPT = 2  # articles whose sorted spans are kept: the open one and the one before
MATCH_STYLE = "bold on $match"  # the filter's words, over whatever else styles them
MENTION_STYLES = {"person": "$person", "organization": "$organization", "place": "$place", "group": "$group"}


def speaker_colour(quote: Quote) -> str:
    """A stable colour variable for a speaker: the same person is the same colour everywhere."""
    key = quote.speaker_id or quote.speaker
    if not key:
        return "$text-muted"
    return f"$speaker-{zlib.crc32(key.encode()) % SPEAKER_COLOURS + 1}"


def body_start(article: Article) -> int:
    """Where the body begins: the title and header lines are shown above it, not twice."""
    if article.paragraphs:
        start = article.paragraphs[0][0]
    else:
        start = article.title_span[1] if article.title_span else 0
    while start < len(article.text) and article.text[start] == "\n":
        start += 1
    return start


def body_text(article: Article) -> str:
    """The body as shown, before any window is cut from it: from `body_start`, trailing space dropped."""
    return article.text[body_start(article):].rstrip()


class _SpanIndex:
    """An article's quotes, mentions, and speakers and cues, each kind sorted by start.

    Built from flat lists (a tuple a span made building it for 100,000 quotes take seconds).
    A quote's speaker comes before its cue, as they did when every span was styled.
    """

    def __init__(self, article: Article) -> None:
        quotes = article.quotes
        self.quotes = SortedSpans([q.start for q in quotes], [q.end for q in quotes])
        starts: list[int] = []
        ends: list[int] = []
        self.mention_styles: list[str] = []
        for entity in article.entities:
            starts += [m[0] for m in entity.mentions]
            ends += [m[1] for m in entity.mentions]
            self.mention_styles += [MENTION_STYLES.get(entity.kind, "")] * len(entity.mentions)
        self.mentions = SortedSpans(starts, ends)
        self.mention_starts, self.mention_ends = starts, ends
        self.mark_starts: list[int] = []
        self.mark_ends: list[int] = []
        self.mark_speakers: list[Quote | None] = []  # the quote for a speaker, None for a cue
        for quote in quotes:
            for span, speaker in ((quote.speaker_span, quote), (quote.cue_span, None)):
                if span is not None:
                    self.mark_starts.append(span[0])
                    self.mark_ends.append(span[1])
                    self.mark_speakers.append(speaker)
        self.marks = SortedSpans(self.mark_starts, self.mark_ends)


_indexes: OrderedDict[int, tuple[Article, _SpanIndex]] = OrderedDict()


def _span_index(article: Article) -> _SpanIndex:
    """The article's span index, built once (n/N and scrolling draw the same article again)."""
    kept = _indexes.get(id(article))
    if kept is not None and kept[0] is article:
        _indexes.move_to_end(id(article))
        return kept[1]
    index = _SpanIndex(article)
    _indexes[id(article)] = (article, index)
    while len(_indexes) > SPAN_INDEXES_KEPT:
        _indexes.popitem(last=False)
    return index


def body_content(
    article: Article, current: int | None = None, window: tuple[int, int] | None = None, terms: Sequence[str] = ()
) -> Content:
    """The body with every span styled; `current` (a quote index) is marked more strongly, and
    the filter's `terms` (`tui.corpus.highlight_terms`) are marked where they occur.

    `window` (offsets into `body_text`) cuts out the part to draw: a 20 MB article is shown a
    window at a time, so opening it costs what its first screens cost. Only the spans that
    meet the window are looked at (`_SpanIndex`): stepping through an article of 100,000
    quotes costs what its window holds; the terms are looked for in the window's text only.
    """
    start = body_start(article)
    lo, hi = window if window is not None else (0, len(article.text))
    text = visible(article.text[start + lo : start + hi])
    if window is None or start + hi >= len(article.text):
        text = text.rstrip()
    spans: list[Span] = []
    base, top = start + lo, start + lo + len(text)

    def add(a: int, b: int, style: str) -> None:
        a, b = max(a - base, 0), min(b - base, len(text))
        if a < b:
            spans.append(Span(a, b, style))

    index = _span_index(article)
    quotes = article.quotes
    for i in index.quotes.meeting(base, top):
        quote = quotes[i]
        add(quote.start, quote.end, QUOTE_STYLES[quote.kind].format(speaker=speaker_colour(quote)))
        if i == current:
            add(quote.start, quote.end, "bold on $quote-current")
    for i in index.mentions.meeting(base, top):
        add(index.mention_starts[i], index.mention_ends[i], index.mention_styles[i])
    for i in index.marks.meeting(base, top):
        speaker = index.mark_speakers[i]
        style = "bold italic $cue" if speaker is None else f"bold underline {speaker_colour(speaker)}"
        add(index.mark_starts[i], index.mark_ends[i], style)
    if terms:
        spans += _term_spans(article, base, text, tuple(terms))
    return Content(text, spans)


_matches: OrderedDict[tuple[int, int, int, tuple[str, ...]], tuple[Article, list[Span]]] = OrderedDict()


def _term_spans(article: Article, base: int, text: str, terms: tuple[str, ...]) -> list[Span]:
    """`term_spans` of a window, kept for the windows drawn last: n/N draw the same window again,
    and finding the words of 40,000 characters costs ~8 ms."""
    key = (id(article), base, len(text), terms)
    kept = _matches.get(key)
    if kept is not None and kept[0] is article:
        return kept[1]
    found = [Span(a, b, MATCH_STYLE) for a, b in term_spans(text, list(terms))]
    _matches[key] = (article, found)
    while len(_matches) > SPAN_INDEXES_KEPT:
        _matches.popitem(last=False)
    return found


def quote_offset(article: Article, quote: Quote) -> int:
    """Where a quote starts in `body_content(article)`."""
    return max(quote.start - body_start(article), 0)
